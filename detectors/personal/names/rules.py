"""The government rule layer around LAC's PER spans: labels, honorifics, lists, 公示 tables, pseudonyms,
compound surnames, cut or overrun boundaries, minority names with ·, and a jieba false-positive filter.

The jieba part is jieba's word dictionary with the not-a-name words added: frequencies (``is_word``) and
``cut(HMM=False)`` around a span, both from ``WordDictionary``, which gives jieba's answers from ~5 MB of
arrays instead of a ``jieba.Tokenizer`` (~60 MB of dict entries in every review process)."""
from __future__ import annotations

import bisect
import re
from importlib.resources import files

import regex

from models.masks import COMPOUND_SURNAMES
from detectors.personal.names.dictionary import WordDictionary
from detectors.personal.names.filters import NotNameFilter
from detectors.personal.trie import first_char_lookahead

LABELS = ("姓名", "联系人", "申请人", "被申请人", "经办人", "签发人", "法定代表人", "负责人", "投诉人", "被投诉人",
          "举报人", "被举报人", "当事人", "被处罚人", "户主", "委托代理人", "代理人", "监护人", "收件人", "承办人",
          "拟稿人", "核稿人", "审核人", "信访人", "来访人", "受理人", "填报人", "报告人", "驾驶人", "驾驶员",
          "业主", "借款人", "原告", "被告", "第三人", "参保人", "患者", "学生", "死者", "求助人", "反映人",
          "责任人", "帮扶人", "纳税人", "申报人", "获奖人", "受助人", "户名", "持卡人", "群众", "村民", "居民",
          "其妻子", "其丈夫", "其妻", "其夫", "其子", "其女", "其父", "其母", "其亲属", "其兄", "其弟", "其姐", "其妹",
          "妻子", "丈夫", "局长", "副局长", "主任", "副主任", "组长", "副组长", "书记", "副书记", "县长", "副县长",
          "市长", "副市长", "镇长", "副镇长", "区长", "副区长", "处长", "科长", "主席", "副主席", "党组成员")
HONORIFICS = ("同志", "先生", "女士", "老师", "医生", "律师")
BREAK = set("，,。.；;：:、（）()《》“”\"'·!！?？ \t\n0123456789/|-_【】[]")
NOT_GIVEN = set("在是的了和与及等为于向对把被将从到说称反映来电同先女男共已也都就还又并或均由经因系自现年"
                "于该其此称曾某")
OVERRUN = set("代在等说称向和与是为到于对把被将从同及副也")
# Words that stand before or after a name joined by · (由以色列·普特南的, 为朱斯廷·苏敏德): never its first or last
# character. Not 都, 和, 阿…: they are inside transliterated names (阿不都, 阿布都热合曼).
DOTTED_EDGE = set("由为的是系在被把将从给对与及等了并或经因自该其此说称")
SALUTATION = regex.compile(r"^([\u4e00-\u9fff·]{2,6})[：:]\s*$", flags=regex.M)
TABLE_LINE = regex.compile(r"[0-9]{11}")
LIST = regex.compile(r"[\u4e00-\u9fff·]{2,4}(?:[、，,][\u4e00-\u9fff·]{2,4}){1,}")
LIST_ITEM = regex.compile(r"[\u4e00-\u9fff·]+")
TABLE_CELL = regex.compile(r"(?<=^|[\s|])[\u4e00-\u9fff·]{2,4}(?=$|[\s|])", flags=regex.M)
PSEUDONYM = regex.compile(
    r"([\u4e00-\u9fff]{1,2})某(?:某|甲|乙|丙|丁)?(?![些种地市县区单位公司局镇村部门处项天日年月个方面时次件类])")


def _data(name: str) -> str:
    return files("detectors.personal.names").joinpath(name).read_text(encoding="utf-8")


class NameRules:
    """Refines and completes name spans; holds its own copy of jieba's dictionary with the not-a-name words."""

    def __init__(self) -> None:
        lines = [ln for ln in _data("surnames.txt").splitlines() if ln and not ln.startswith("#")]
        self.surnames = frozenset("".join(lines))
        self.compound = COMPOUND_SURNAMES
        rows = [ln.split() for ln in _data("not_names.txt").splitlines() if ln.strip()]
        self.words = WordDictionary(extra=[(word, int(freq)) for word, freq, _ in rows])
        self.not_names = frozenset(r[0] for r in rows)
        self.filter = NotNameFilter()
        self.label = re.compile(first_char_lookahead(list(LABELS)) + "(?:" +
                                "|".join(sorted(LABELS, key=len, reverse=True)) + r")[：:\s]{0,2}")
        self.honorific = regex.compile("(?:" + "|".join(HONORIFICS) + ")")

    # --- helpers ---------------------------------------------------------------------------------------
    def is_word(self, text: str, min_freq: int = 50) -> bool:
        return self.words.freq(text) >= min_freq

    def surname_len(self, text: str) -> int:
        if text[:2] in self.compound and len(text) > 2:
            return 2
        return 1 if text[:1] in self.surnames else 0

    def plausible(self, cell: str) -> bool:
        """A bare list item or table cell that reads as a name: surname first, not a dictionary word."""
        return bool(self.surname_len(cell)) and not self.is_word(cell, 20) and not self.is_word(cell[:2], 1000) \
            and cell not in self.not_names

    def guess_forward(self, text: str, pos: int) -> tuple[int, int] | None:
        """A name starting at ``pos`` (after a label): surname + 1–2 given characters."""
        k = self.surname_len(text[pos:pos + 4])
        if k == 0:
            return None
        end = pos + k
        for i in range(2):
            c = text[end:end + 1]
            if not c or c in BREAK or not ("\u4e00" <= c <= "\u9fff"):
                break
            if i == 1 and (c in NOT_GIVEN or self._pair_is_word(text, end, 100)):
                break
            end += 1
        if end - pos < 2 or (k == 1 and self.is_word(text[pos:pos + 2], 2000)):
            return None                                   # 申请人应当…, 群众满意: a common word, not a name
        return pos, end

    def guess_backward(self, text: str, end: int) -> tuple[int, int] | None:
        """A name ending at ``end`` (before 同志/先生…): 3 characters if they start with a surname after a
        boundary, else 2."""
        for length in (3, 2):
            start = end - length
            if start < 0:
                continue
            chunk = text[start:end]
            if any(c in BREAK or not ("\u4e00" <= c <= "\u9fff") for c in chunk):
                continue
            before = text[start - 1:start]
            if self.surname_len(chunk) and (not before or before in BREAK or before in NOT_GIVEN or length == 2):
                return start, end
        return None

    # --- fixes of LAC spans ----------------------------------------------------------------------------
    def fix(self, text: str, start: int, end: int) -> tuple[int, int]:
        if start >= 1 and text[start - 1] + text[start] in self.compound:
            start -= 1                                    # 长孙卫静: LAC gives 孙卫静
        elif start >= 2 and text[start - 2:start] in self.compound:
            start -= 2                                    # 鲜于雨浩: LAC gives 鲜于 + 雨浩
        name = text[start:end]
        nxt, after = text[end:end + 1], text[end + 1:end + 2]
        k = self.surname_len(name)
        if (k and len(name) == k + 1 and nxt and "\u4e00" <= nxt <= "\u9fff"
                and nxt not in NOT_GIVEN and nxt not in BREAK and not self.is_word(name, 500)
                and (not after or after in BREAK or after in NOT_GIVEN or self._pair_is_word(text, end + 1, 50))):
            end += 1                                      # 方璐强: LAC gives 方璐
        elif len(name) >= 3 and name[-1] == "副":
            end -= 1                                      # 简燕副县长
        elif len(name) >= 3 and name[-1] in OVERRUN and nxt and (
                self.is_word(name[-1] + nxt, 1000) or self.is_word(text[end - 1:end + 2], 100)):
            end -= 1                                      # 谭慧代表: LAC gives 谭慧代
        if text[end:end + 1] == "·":
            end = self._run_end(text, end + 1)
        if start >= 1 and text[start - 1] == "·":
            start = self._run_start(text, start - 1)
        if "·" in text[start:end]:
            last = text.rindex("·", start, end)
            if text[start] in DOTTED_EDGE and text.index("·", start) - start >= 3:
                start += 1                                # 由以色列·普特南: LAC takes a word before in
            if end - last >= 4 and (text[end - 1] in DOTTED_EDGE or self._pair_is_word(text, end - 1, 1000)):
                end -= 1                                  # 奥普拉·温弗利的, 亚当·桑德勒死守: or after
        return start, end

    def _run_end(self, text: str, pos: int) -> int:
        """End of the name part after ·: up to 4 CJK characters, stopping before a common word or a DOTTED_EDGE
        word once it has two."""
        end = pos
        while end < len(text) and end - pos < 4 and "\u4e00" <= text[end] <= "\u9fff" and not (
                end > pos + 1 and (text[end] in DOTTED_EDGE or self._pair_is_word(text, end, 2000))):
            end += 1
        return end if end > pos else pos - 1

    def _run_start(self, text: str, pos: int) -> int:
        """Start of the name part before ·: up to 4 CJK characters, stopping after a common word or a DOTTED_EDGE
        word once it has two."""
        start = pos
        while start > 0 and pos - start < 4 and "\u4e00" <= text[start - 1] <= "\u9fff" and not (
                start < pos - 1 and (text[start - 1] in DOTTED_EDGE or self._pair_is_word(text, start - 2, 2000))):
            start -= 1
        return start if start < pos else pos + 1

    def _pair_is_word(self, text: str, at: int, min_freq: int) -> bool:
        """The two characters at ``at`` are a common word (never one character at either end of the text: jieba
        gives single characters frequencies too, 江 6,083)."""
        return 0 <= at and at + 2 <= len(text) and self.is_word(text[at:at + 2], min_freq)

    def rejected(self, text: str, start: int, end: int) -> bool:
        """Not a name: one character, a known false positive, or cut out of a larger dictionary word."""
        name = text[start:end]
        if end - start < 2 or name in self.not_names or any(c.isascii() or c.isspace() for c in name):
            return True
        if self.filter.reason(text, start, end) is not None:
            return True
        lo, hi = max(0, start - 4), min(len(text), end + 4)
        pos = lo
        for token in self.words.cut(text[lo:hi]):
            a, b = pos, pos + len(token)
            pos = b
            if token in self.not_names and a < end and b > start:
                return True
        return False

    # --- everything together ---------------------------------------------------------------------------
    def refine(self, text: str, lac_spans: list[tuple[int, int]]) -> dict[tuple[int, int], str]:
        """Name spans with the rule that found them: 'lac', 'label', 'honorific', 'pseudonym', 'list', 'table'."""
        found: dict[tuple[int, int], str] = {}
        for s, e in lac_spans:
            found[self.fix(text, s, e)] = "lac"
        starts = {s: e for s, e in found}
        for m in self.label.finditer(text):
            if m.end() in starts:
                found[(m.end(), starts[m.end()])] = "label"
            elif (span := self.guess_forward(text, m.end())) is not None:
                found[span] = "label"
        ends = {e for _, e in found}
        for m in self.honorific.finditer(text):
            if m.start() not in ends and (span := self.guess_backward(text, m.start())) is not None:
                found[span] = "honorific"
        for m in PSEUDONYM.finditer(text):
            k = 2 if m.group(1)[-2:] in self.compound else 1 if m.group(1)[-1] in self.surnames else 0
            if k:                                         # X某: X must be a surname (城关镇某工地: no)
                found[(m.end(1) - k, m.end())] = "pseudonym"
        for m in SALUTATION.finditer(text):
            if self.plausible(m.group(1)) or "·" in m.group(1):
                found.setdefault((m.start(1), m.end(1)), "label")
        self._lists(text, found)
        self._table(text, found)
        return self._resolve(text, found)

    def _lists(self, text: str, found: dict[tuple[int, int], str]) -> None:
        """张三、李四、王五: once one item is a name, items of the same shape are names too."""
        starts = sorted(s for s, _ in found)
        if not starts:
            return
        for m in LIST.finditer(text):
            k = bisect.bisect_left(starts, m.start())
            if k == len(starts) or starts[k] >= m.end():
                continue  # no name starts inside this list
            items = [(i.start() + m.start(), i.end() + m.start()) for i in LIST_ITEM.finditer(m.group())]
            if not any(span in found for span in items):
                continue
            for a, b in items:
                if (a, b) not in found and 2 <= b - a <= 3 and self.surname_len(text[a:b]) and \
                        not self.is_word(text[a:b], 20):
                    found[(a, b)] = "list"

    def _table(self, text: str, found: dict[tuple[int, int], str]) -> None:
        """公示 tables: cells of 2–4 characters starting with a surname, in a text with a 姓名 column."""
        has_header = "姓名" in text
        if not has_header and not TABLE_LINE.search(text):
            return  # a cell needs the header or a mobile number after it: scanning every cell would find none
        for m in TABLE_CELL.finditer(text):
            cell = m.group()
            if not has_header and not TABLE_LINE.search(text, m.end(), min(len(text), m.end() + 60)):
                continue
            if self.plausible(cell):
                found.setdefault((m.start(), m.end()), "table")

    def _resolve(self, text: str, found: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:
        priority = {"label": 0, "pseudonym": 1, "lac": 2, "honorific": 3, "table": 4, "list": 5}
        ordered = sorted(found.items(), key=lambda kv: (priority[kv[1]], -(kv[0][1] - kv[0][0])))
        taken: list[tuple[int, int]] = []
        out: dict[tuple[int, int], str] = {}
        for (s, e), source in ordered:
            if self.rejected(text, s, e) or any(s < b and a < e for a, b in taken):
                continue
            taken.append((s, e))
            out[(s, e)] = source
        return dict(sorted(out.items()))
