"""ADDRESS (P6): household street addresses down to 号/栋/单元/室/组; agency addresses are left alone."""
from __future__ import annotations

import re
from collections.abc import Iterator
from importlib.resources import files

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from detectors.personal import context
from models.masks import mask_address
from detectors.personal.recognizers.base import PRIVATE, UNKNOWN, ChineseRecognizer
from detectors.personal.trie import first_char_lookahead, trie_pattern

LABELS = ("家庭住址", "家庭地址", "现住址", "户籍地址", "户籍所在地", "户籍地", "居住地址", "居住地", "住址",
          "住所地", "住所", "家住", "现住", "暂住", "居住在", "居住于", "住在", "通讯地址", "联系地址", "地址", "住")
PRIVATE_LABELS = frozenset(LABELS) - {"地址", "通讯地址", "联系地址"}
OFFICE_CONTEXT = ("办公地址", "办公地点", "单位地址", "受理地点", "报名地点", "会议地点", "地点", "位于", "坐落于",
                  "座落于", "局", "委员会", "政府", "中心", "窗口", "大厅", "法院", "检察院", "公司", "办公室",
                  "服务站", "医院", "学校", "银行", "营业厅", "派出所", "所在地")
NUM = r"(?:[0-9]+|[一二三四五六七八九十百零〇]+)"
FINE = r"(?:号院|号楼|号|弄|栋|幢|座|单元|室|层|楼|村民小组|组|队|户)"
CJK = r"[\u4e00-\u9fff]"
BODY = (
    rf"(?:{CJK}{{1,8}}?(?:乡|镇|街道办事处|街道))?"
    rf"(?:(?:{CJK}|[0-9]){{1,10}}?(?:村|社区|小区|花园|家园|新村|苑|公寓|大厦|广场|新城|居委会))?"
    rf"(?:(?:{CJK}|[0-9]){{1,10}}?(?:大道|大街|路|街|巷|胡同|里))?"
    rf"(?:(?:第?{NUM}{FINE}|附{NUM}号)[-之]?){{0,6}}"
    r"(?:(?<=单元|栋|幢|号楼|-)[0-9]{2,4}(?![0-9年月日元万人个%.]))?")
FINE_END = regex.compile(FINE + r"$|(?<=单元|栋|幢|号楼|-)[0-9]{2,4}$")
LABEL_END = regex.compile(r"(?:村|社区|组)$")
# Words between a label and the address itself: 联系地址为…, 所居住的…, 住在是… — not part of the address.
LINK = re.compile(r"(?:为|是|在|于|的|：|:|\s){1,3}")
# Every address ends in a numbered FINE part (3号, 二组, 5单元) or, after a private label, in 村/社区/组. The
# anchor scan (thousands of division names) is the costly part, so it only runs in the REACH characters
# before such an ending.
NUMBERED_END = re.compile(rf"(?:[0-9]|[一二三四五六七八九十百零〇])(?:{FINE})|附[0-9]")
VILLAGE_END = re.compile(r"村|社区|组")
PRIVATE_LABEL = re.compile("|".join(sorted(PRIVATE_LABELS, key=len, reverse=True)))
REACH = 90


def load_divisions() -> list[tuple[str, str]]:
    text = files("detectors.personal.data").joinpath("divisions.txt").read_text(encoding="utf-8")
    return [tuple(line.split("\t", 1)) for line in text.splitlines() if "\t" in line]  # type: ignore[misc]


class AddressRecognizer(ChineseRecognizer):
    ENTITY = "ADDRESS"
    DETECTOR = "address"

    def __init__(self) -> None:
        super().__init__()
        names = sorted({name for _, name in load_divisions()})
        divs = trie_pattern(names)
        labels = trie_pattern(list(LABELS))
        first = first_char_lookahead([*names, *LABELS])
        self.anchor = re.compile(rf"{first}(?:(?P<label>{labels})[：:\s]?|(?P<div>{divs}))")
        self.address = regex.compile(rf"(?P<divs>(?:{divs}){{0,3}})(?P<body>{BODY})")

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        pos = 0
        for anchor in self._anchors(text):
            if anchor.start() < pos:
                continue
            label = anchor.group("label")
            start = anchor.end() if label else anchor.start()
            if label and (link := LINK.match(text, start)):
                start = link.end()
            m = self.address.match(text, start)
            if not m or not self._valid(m, label):
                continue
            found = self._result(text, m, label)
            if found:
                out.append(found)
            pos = m.end()
        return out

    def _anchors(self, text: str) -> Iterator[re.Match]:
        """Anchors (labels, division names) that start within REACH characters before a possible ending."""
        ends = [m.end() for m in NUMBERED_END.finditer(text)]
        ends += [m.end() for m in VILLAGE_END.finditer(text)
                 if PRIVATE_LABEL.search(text, max(0, m.start() - REACH), m.start())]
        for lo, hi in _merged(sorted((max(0, e - REACH), e) for e in ends)):
            for anchor in self.anchor.finditer(text, lo, hi):
                yield anchor

    @staticmethod
    def _valid(m: regex.Match, label: str | None) -> bool:
        body = m.group("body")
        if len(m.group()) < 6 or not body:
            return False
        return bool(FINE_END.search(m.group()) or (label in PRIVATE_LABELS and LABEL_END.search(m.group())))

    def _result(self, text: str, m: regex.Match, label: str | None) -> RecognizerResult | None:
        office = context.before(text, m.start(), OFFICE_CONTEXT, 14)
        if office and label not in PRIVATE_LABELS:
            return None  # an agency's or company's address, not a person's
        role = PRIVATE if label in PRIVATE_LABELS else UNKNOWN
        keep = len(m.group("divs"))
        return self.result(m.start(), m.end(), 0.85 if label else 0.7, role=role, pattern="住址（行政区划+门牌）",
                           validation="行政区划名称" if keep else "地址标签", context=label,
                           replacement=mask_address(m.group(), keep))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out
