"""Bar-chart geometry for the summary's inline SVG; the template draws it (and escapes every label)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    fill: str
    value: int
    title: str


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str = "middle"


@dataclass
class Chart:
    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)   # (colour, name)


def grouped_bars(groups: list[str], series: list[tuple[str, str, dict[str, int]]], height: int = 220,
                 group_width: int = 110, bar_width: int = 36, group_colours: dict[str, str] | None = None) -> Chart:
    """One group of bars per entry of ``groups``; ``series`` is (name, colour, value per group); ``group_colours``
    colours a group's bars instead (a single-series chart needs no legend then)."""
    top, bottom, left = 24, 40, 16
    width = left * 2 + group_width * max(1, len(groups))
    legend = [] if group_colours else [(colour, name) for name, colour, _ in series]
    chart = Chart(width=width, height=height, legend=legend)
    peak = max([v for _, _, values in series for v in values.values()] + [1])
    plot = height - top - bottom
    for g, group in enumerate(groups):
        centre = left + group_width * g + group_width / 2
        first = centre - bar_width * len(series) / 2
        for s, (name, colour, values) in enumerate(series):
            value = values.get(group, 0)
            h = plot * value / peak
            x = first + s * bar_width
            y = top + plot - h
            fill = (group_colours or {}).get(group, colour)
            chart.bars.append(Bar(x + 2, y, bar_width - 4, h, fill, value, f"{group} · {name}：{value}"))
            chart.labels.append(Label(x + bar_width / 2, y - 4, str(value)))
        chart.labels.append(Label(centre, height - bottom + 18, group))
    return chart
