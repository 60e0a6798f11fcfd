"""Any text parses: spans stay inside the original text, and large or hostile inputs stay fast (linear)."""
from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PIECES = ["青川市人民政府", "文件", "关于", "的通知", "〔2020〕", "[2020]", "12号", "签发人：", "张三", "秘密★1年", "000123",
          "各镇人民政府", "：", "，", "。", "2020年9月15日", "二〇二〇年九月十五日", "2020-09-15", "（此件公开发布）", "(", ")",
          "— 3 —", "（此页无正文）", "附件：", "附件1", "抄送：", "印发", "一、", "\n", "\n", " ", "　", "關於", "２０", "\u200b",
          "|", "索引号", "发布机构", "记者", "市长", "特此通知"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_random_layouts_parse_with_valid_spans(parse, pieces: list[str]) -> None:
    parse("".join(pieces))  # the fixture asserts every span lies inside the text


def test_hostile_inputs_do_not_hang(parse) -> None:
    """A guard against catastrophic backtracking, not a speed test (parse times are measured in
    eval/structure): each input takes well under a second here; the bound only catches a regex that explodes."""
    units = ["关于 的 通知 ", "青川市人民政府\n", "- 1 -", "2020年9月15日", "（" , "青政发〔2020", "（此件公开）\n"]
    for unit in units:
        started = time.perf_counter()
        parse(unit * 8000)
        assert time.perf_counter() - started < 60, unit
