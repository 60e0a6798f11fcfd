"""Logical lines: glued signature blocks of web copies are cut apart; body sentences are left alone."""
from __future__ import annotations

import pytest

from mishen.structure.flatten import is_agency, segments


def texts(text: str) -> list[str]:
    return [s.text for s in segments(text)]


@pytest.mark.parametrize("text, expected", [
    ("青川市人力资源和社会保障局2023年9月5日（此件公开发布）",
     ["青川市人力资源和社会保障局", "2023年9月5日", "（此件公开发布）"]),
    ("请及时下达。特此函告。北岭市财政局2020年5月6日",
     ["请及时下达。特此函告。", "北岭市财政局", "2020年5月6日"]),
    ("2023年4月12日（此件主动公开）", ["2023年4月12日", "（此件主动公开）"]),
    ("— 3 —（此件主动公开）", ["— 3 —", "（此件主动公开）"]),
    ("（此页无正文）", ["（此页无正文）"]),
    ("青川市人民政府办公室                    2022年6月8日", ["青川市人民政府办公室", "2022年6月8日"]),
    # near misses: a sentence that ends with a date is not a signature block
    ("各地于2021年6月30日前完成排查，截止日期为2021年9月30日", ["各地于2021年6月30日前完成排查，截止日期为2021年9月30日"]),
    ("青川市人民政府办公室                  2021年5月21日印发", ["青川市人民政府办公室                  2021年5月21日印发"]),
    ("2020-09-15", ["2020-09-15"]),
])
def test_segments(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_kinds_of_marks() -> None:
    kinds = [(s.text, s.kind) for s in segments("正文最后一段。\n— 2 —\n（此页无正文）\n")]
    assert kinds == [("正文最后一段。", "text"), ("— 2 —", "page_number"), ("（此页无正文）", "no_body")]


def test_long_flattened_line_is_split_on_cjk_spaces() -> None:
    line = ("云溪县卫生健康局关于开展爱国卫生月活动的通知 各乡镇卫生院： 今年4月是第35个爱国卫生月，为深入开展爱国卫生运动，"
            "决定开展活动。现将有关事项通知如下： 一、活动主题 宜居靓家园，健康新生活。 二、工作要求 各单位要高度重视，"
            "认真组织实施，确保活动取得实效，并于5月10日前报送总结。 云溪县卫生健康局 2023年3月28日")
    got = texts(line)
    assert got[0] == "云溪县卫生健康局关于开展爱国卫生月活动的通知"
    assert got[1] == "各乡镇卫生院："
    assert got[-2:] == ["云溪县卫生健康局", "2023年3月28日"]


def test_short_line_with_spaces_is_kept_whole() -> None:
    assert texts("组  长：曾文兵") == ["组  长：曾文兵"]


def test_offsets_point_into_the_text() -> None:
    text = "  第一行\n\n青川市人民政府2023年9月5日（此件公开发布）  \n"
    for seg in segments(text):
        assert text[seg.start:seg.end] == seg.text


@pytest.mark.parametrize("text, expected", [
    ("青川市人民政府", True), ("中共青川市委", True), ("临江市人力资源和社会保障局    临江市财政局", True),
    ("国家统计局云溪调查队", True), ("市长  郑卫国", True), ("青川市人民政府办公室", True),
    ("截止日期为", False), ("特此通知。", False), ("一、工作要求", False), ("2020年9月15日", False), ("青川市", False),
])
def test_is_agency(text: str, expected: bool) -> None:
    assert is_agency(text) is expected
