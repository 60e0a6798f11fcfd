"""SENSITIVE_PERSONAL (P7): health, disability, criminal record, religion, minors — lexicon in a personal context."""
from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from models.masks import mask_all
from detectors.personal.recognizers.base import PRIVATE, ChineseRecognizer

_C = r"[^，,。；;：:\n、（）()]"
DISEASE = (r"(?:艾滋病|HIV|乙肝|丙肝|梅毒|肺结核|结核病|精神分裂症|抑郁症|双相情感障碍|癫痫|尿毒症|白血病|"
           r"恶性肿瘤|癌症|[\u4e00-\u9fff]{1,4}癌|脑瘫|自闭症|孤独症|阿尔茨海默病|帕金森病|糖尿病|高血压|"
           r"心脏病|冠心病|肝硬化|红斑狼疮|血友病|地中海贫血|精神疾病|精神病|传染病|新冠肺炎|性病)")
# (label, pattern, needles): every match of the pattern contains one of its needles, so a text holding none of
# them is skipped without running the pattern (the 残疾 pattern, which starts at any digit, costs 0.7 ms a page)
PATTERNS: tuple[tuple[str, regex.Pattern[str], tuple[str, ...]], ...] = (
    ("健康状况：患有/确诊", regex.compile(
        rf"(?:患有|罹患|身患|确诊为?|诊断为|被诊断为|检出|查出){_C}{{0,6}}?(?:{DISEASE}|{_C}{{1,8}}?(?:病|症|癌|瘤|炎))"),
     ("患有", "罹患", "身患", "确诊", "诊断为", "检出", "查出")),
    ("健康状况：感染者/患者", regex.compile(
        rf"(?:系|为|是|属)(?:{DISEASE}|{_C}{{0,6}}?)(?:病毒)?(?:感染者|携带者|患者|病人)"),
     ("感染者", "携带者", "患者", "病人")),
    ("残疾", regex.compile(
        r"(?:(?:肢体|视力|听力|智力|精神|言语|多重)(?:[一二三四1-4]级)?残疾(?:人)?(?:[（(]?[一二三四1-4]级[)）]?)?|"
        r"[一二三四1-4]级(?:肢体|视力|听力|智力|精神|言语|多重)?残疾|残疾(?:人)?证号?|"
        r"(?:伤残|残疾)等级[：:\s]{0,2}(?:[一二三四五六七八九十]{1,2}|[1-9]|10)级|"
        r"(?:[一二三四五六七八九十]{1,2}|[1-9]|10)级伤残)"),
     ("残疾", "伤残")),
    ("犯罪记录", regex.compile(
        rf"(?:曾因{_C}{{1,20}}?被(?:判处|判刑|行政拘留|刑事拘留|劳动教养|处以){_C}{{0,12}}|刑满释放(?:人员)?|"
        rf"(?:有|具有)(?:犯罪|吸毒|违法犯罪)前科|正在服刑|社区矫正(?:对象|人员)|吸毒人员|戒毒人员)"),
     ("曾因", "刑满释放", "前科", "正在服刑", "社区矫正", "吸毒人员", "戒毒人员")),
    ("宗教信仰", regex.compile(
        r"(?:信仰|信奉|皈依)(?:伊斯兰教|基督教|天主教|佛教|道教|东正教)|(?:伊斯兰教|基督教|天主教|佛教)(?:信徒|教徒)|"
        r"穆斯林|基督徒|佛教徒"),
     ("伊斯兰教", "基督教", "天主教", "佛教", "道教", "东正教", "穆斯林", "基督徒")),
    ("未成年人", regex.compile(
        r"(?:年仅|现年|今年|时年|年满)(?:[1-9]|1[0-7])周?岁|系未成年人|未成年(?:子女|学生)"),
     ("岁", "未成年")),
)
# a disease named in a table cell of a list that has a diagnosis column (医疗救助名单: 病种 / 诊断 …)
DISEASE_CELL = regex.compile(rf"(?m)(?:^|\t)[\u4e00-\u9fff]{{0,6}}?{DISEASE}")
DIAGNOSIS_HEADERS = ("病种", "疾病名称", "所患疾病", "诊断", "病情", "患病情况", "疾病类型", "残疾类别")
# where a health phrase is general policy text, not a person's condition
GENERAL = ("防治", "防控", "预防", "宣传", "政策", "工作", "补贴", "标准", "办法", "规定", "服务", "保障", "救助")
COLUMN_HEADERS = ("病种", "病情", "诊断", "疾病名称", "所患疾病", "患病情况", "疾病类型", "诊断结果", "诊断病种")
# tab-separated rows keep spaces inside cells; other rows (full-width spaces, already one space in the view) split
# on any whitespace
TAB_CELL = regex.compile(r"[^\t|]+")
SPACE_CELL = regex.compile(r"[^\s|]+")
EMPTY_CELL = frozenset({"无", "—", "-", "／", "/", "暂无"})


def cells(line: str) -> list[tuple[int, int]]:
    """(start, end) of the cells of a tab / full-width-space / | separated row, stripped."""
    out = []
    for m in (TAB_CELL if "\t" in line else SPACE_CELL).finditer(line):
        a, b = m.start(), m.end()
        while a < b and line[a].isspace():
            a += 1
        while b > a and line[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def diagnosis_cells(text: str) -> list[tuple[int, int]]:
    """The cells under a 病种/病情/诊断/疾病名称 column header, for the rows of that table (pure)."""
    found: list[tuple[int, int]] = []
    column, width, pos = None, 0, 0
    for line in text.split("\n"):
        row = cells(line)
        heads = [i for i, (a, b) in enumerate(row) if line[a:b] in COLUMN_HEADERS]
        if heads and len(row) >= 2:
            column, width = heads[0], len(row)
        elif column is not None and len(row) == width:
            a, b = row[column]
            if line[a:b] not in EMPTY_CELL and regex.search(r"\p{Han}", line[a:b]):
                found.append((pos + a, pos + b))
        elif column is not None:
            column = None                                 # the table ended
        pos += len(line) + 1
    return found


class SensitivePersonalRecognizer(ChineseRecognizer):
    ENTITY = "SENSITIVE_PERSONAL"
    DETECTOR = "sensitive_personal"

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        for label, pattern, needles in PATTERNS:
            if not any(n in text for n in needles):
                continue
            for m in pattern.finditer(text):
                if label in ("残疾", "未成年人") and self._general(text, m.end()):
                    continue
                out.append(self.result(m.start(), m.end(), 0.8, role=PRIVATE, pattern=label,
                                       validation="词典+个人语境", context=None, replacement=mask_all(m.group())))
        if any(h in text for h in DIAGNOSIS_HEADERS):
            for start, end in diagnosis_cells(text):
                if not any(r.start < end and start < r.end for r in out):
                    out.append(self.result(start, end, 0.75, role=PRIVATE, pattern="健康状况：诊断栏目",
                                           validation="表格诊断列", context=None,
                                           replacement=mask_all(text[start:end])))
            for m in DISEASE_CELL.finditer(text):
                start = m.start() + (text[m.start()] in "\t")
                if not any(r.start <= start < r.end for r in out):
                    out.append(self.result(start, m.end(), 0.7, role=PRIVATE, pattern="健康状况：名单中的病种",
                                           validation="词典+诊断栏目", context=None,
                                           replacement=mask_all(m.group().lstrip("\t"))))
        return out

    @staticmethod
    def _general(text: str, end: int) -> bool:
        """残疾人就业补贴政策 etc.: the phrase names a group in policy text, not a person's condition."""
        return text[end:end + 4].startswith(GENERAL) or any(w in text[end:end + 4] for w in GENERAL)
