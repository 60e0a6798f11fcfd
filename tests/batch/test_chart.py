"""Bar geometry of the summary chart."""
from __future__ import annotations

import pytest

from mishen.batch.chart import grouped_bars


def test_bars_scale_to_the_largest_value() -> None:
    chart = grouped_bars(["甲", "乙"], [("标注", "#111", {"甲": 4, "乙": 2}), ("建议", "#222", {"甲": 1})], height=140)
    heights = [b.height for b in chart.bars]
    assert heights == pytest.approx([76.0, 19.0, 38.0, 0.0])      # plot height 140 - 24 - 40 = 76
    assert [b.value for b in chart.bars] == [4, 1, 2, 0]
    assert all(b.y + b.height == pytest.approx(100) for b in chart.bars)   # all bars stand on the axis
    assert chart.legend == [("#111", "标注"), ("#222", "建议")]
    assert [l.text for l in chart.labels if l.y > 100] == ["甲", "乙"]


def test_group_colours_replace_the_series_colour_and_legend() -> None:
    chart = grouped_bars(["a", "b"], [("n", "#000", {"a": 1, "b": 1})], group_colours={"a": "#f00"})
    assert [b.fill for b in chart.bars] == ["#f00", "#000"] and chart.legend == []


def test_all_zero_draws_flat_bars() -> None:
    chart = grouped_bars(["a"], [("n", "#000", {})])
    assert chart.bars[0].height == 0 and chart.width > 0
