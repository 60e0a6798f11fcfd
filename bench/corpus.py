"""A corpus of realistic government drafts, made at bench time (never committed): 1k–50k characters each
(log-uniform), txt / docx / pdf mixed, with names, ID numbers, phones, addresses and internal markers sprinkled
in at the rates a county office's outgoing mail might show. Seeded: the same arguments give the same corpus."""
from __future__ import annotations

import math
import random
from dataclasses import dataclass
from pathlib import Path

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "建国",
         "建华", "志强", "海燕", "晓东", "春梅", "立新", "德明", "永红", "金凤", "宏亮", "文博", "子涵", "浩然", "思远"]
AREAS = ["城关镇", "新桥镇", "清河街道", "东湖街道", "马集镇", "柳林乡", "双河镇", "龙泉街道", "石门乡", "杨湾镇"]
ORGS = ["县人力资源和社会保障局", "县发展和改革委员会", "县财政局", "县教育局", "县卫生健康委员会", "县民政局",
        "县自然资源局", "县住房和城乡建设局", "县农业农村局", "县应急管理局", "县市场监督管理局", "县生态环境局"]
WORKS = ["安全生产", "防汛抗旱", "乡村振兴", "营商环境优化", "基层卫生服务", "义务教育均衡发展", "城乡低保规范管理",
         "耕地保护", "老旧小区改造", "高标准农田建设", "食品安全监管", "大气污染防治", "政务公开", "就业创业服务"]
DOC_TYPES = ["通知", "通知", "通知", "意见", "方案", "报告", "函", "通报", "公示", "决定"]
SENTENCES = [
    "为深入贯彻落实党中央、国务院关于{work}工作的决策部署，进一步提升全县{work}工作水平，结合我县实际，制定本方案。",
    "{year}年以来，全县各级各部门围绕{work}目标任务，压实工作责任，完善工作机制，各项工作取得明显成效。",
    "截至{month}月底，全县累计完成投资{num}万元，占年度计划的{pct}%，惠及群众{num2}人。",
    "各乡镇（街道）要高度重视，成立由主要负责同志任组长的工作领导小组，明确分管领导和具体经办人员。",
    "要加强统筹协调，{org}牵头，各成员单位按照职责分工密切配合，形成工作合力。",
    "对工作推进不力、问题整改不到位的单位，将予以通报批评，并纳入年度目标考核。",
    "各单位要于{month}月{day}日前将工作进展情况报送{org}办公室，逾期未报的视为无进展。",
    "严格落实资金管理制度，专款专用，严禁截留、挤占、挪用，确保资金使用安全、规范、高效。",
    "充分利用政府网站、政务新媒体等渠道，广泛宣传{work}相关政策，提高群众知晓率和满意度。",
    "建立健全常态化监督检查机制，采取“四不两直”方式开展明察暗访，发现问题及时督促整改。",
    "{area}结合本地实际，探索形成了“{word}+{word2}”工作模式，经验做法在全县推广。",
    "下一步，我们将持续巩固拓展{work}成果，补短板、强弱项，推动各项工作再上新台阶。",
    "本方案自印发之日起施行，由{org}负责解释。此前有关规定与本方案不一致的，以本方案为准。",
]
WORDS = ["网格化", "清单化", "一站式", "数字化", "片区化", "标准化", "闭环式", "全链条", "多元共治", "智慧监管"]
CONTACT = "联系人：{name}，联系电话：{mobile}，电子邮箱：{email}。"
LANDLINE = "联系电话：0511-8{d7}（{name}）。"
LIST_ROW = "{i}. {name}，{sex}，身份证号{id}，住址{area}{village}村{n}组{m}号，联系电话{mobile}。"
MARKERS = ["（征求意见稿）", "内部资料  注意保密", "工作秘密", "（讨论稿）"]
FORMATS = ("txt",) * 5 + ("docx",) * 3 + ("pdf",) * 2


@dataclass(frozen=True)
class Draft:
    name: str
    format: str
    text: str


def check_digit(body: str) -> str:
    """GB 11643 check character of a 17-digit ID body."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]


class Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def name(self) -> str:
        return self.rng.choice(SURNAMES) + self.rng.choice(GIVEN)

    def id_card(self) -> str:
        body = f"3211{self.rng.randrange(1, 99):02d}{self.rng.randrange(1950, 2005)}{self.rng.randrange(1, 13):02d}" \
               f"{self.rng.randrange(1, 29):02d}{self.rng.randrange(1000):03d}"
        return body + check_digit(body)

    def mobile(self) -> str:
        return f"1{self.rng.choice('3578')}{self.rng.randrange(10**9):09d}"

    def sentence(self) -> str:
        r = self.rng
        return r.choice(SENTENCES).format(
            work=r.choice(WORKS), year=r.randrange(2019, 2025), month=r.randrange(1, 13), day=r.randrange(1, 29),
            num=r.randrange(100, 99999), num2=r.randrange(100, 99999), pct=r.randrange(30, 100), org=r.choice(ORGS),
            area=r.choice(AREAS), word=r.choice(WORDS), word2=r.choice(WORDS))

    def personal(self) -> str:
        r = self.rng
        if r.random() < 0.5:
            return CONTACT.format(name=self.name(), mobile=self.mobile(), email=f"zw{r.randrange(10**5)}@example.gov.cn")
        if r.random() < 0.5:
            return LANDLINE.format(d7=f"{r.randrange(10**6):06d}", name=self.name())
        rows = [LIST_ROW.format(i=i, name=self.name(), sex=r.choice("男女"), id=self.id_card(), area=r.choice(AREAS),
                                village=r.choice("王李张刘陈") + "庄", n=r.randrange(1, 12), m=r.randrange(1, 99),
                                mobile=self.mobile()) for i in range(1, r.randrange(3, 12))]
        return "\n".join(rows)

    def draft(self, target: int) -> str:
        r = self.rng
        work, org, kind = r.choice(WORKS), r.choice(ORGS), r.choice(DOC_TYPES)
        lines = [r.choice(MARKERS)] if r.random() < 0.08 else []
        lines += [f"关于做好{r.randrange(2020, 2025)}年{work}工作的{kind}", f"某县{org[1:3]}发〔{r.randrange(2020, 2025)}〕{r.randrange(1, 99)}号",
                  "各乡镇人民政府、街道办事处，县各有关部门：" if kind != "报告" else "县人民政府："]
        section, size = 0, sum(len(x) for x in lines)
        numerals = "一二三四五六七八九十"
        while size < target - 120:
            if r.random() < 0.25:
                head = f"{numerals[section % 10]}、{r.choice(WORKS)}重点任务"
                section += 1
                lines.append(head)
                size += len(head)
            para = "".join(self.sentence() for _ in range(r.randrange(2, 6)))
            if r.random() < 0.12:
                para += "\n" + self.personal()
            lines.append(para)
            size += len(para) + 1
        lines += ["", f"某县{org}", f"{r.randrange(2020, 2025)}年{r.randrange(1, 13)}月{r.randrange(1, 29)}日"]
        lines.append(r.choice(["（此件公开发布）", "（此件依申请公开）", "（此件不予公开）", "", ""]))
        return "\n".join(lines).rstrip() + "\n"


def make_corpus(n: int, seed: int = 20240601, low: int = 1000, high: int = 50000) -> list[Draft]:
    rng = random.Random(seed)
    writer = Writer(rng)
    drafts = []
    for i in range(n):
        target = int(math.exp(rng.uniform(math.log(low), math.log(high))))
        fmt = rng.choice(FORMATS)
        drafts.append(Draft(f"d{i:04d}.{fmt}", fmt, writer.draft(target)))
    return drafts


def write_corpus(drafts: list[Draft], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for d in drafts:
        path = folder / d.name
        if d.format == "txt":
            path.write_text(d.text, encoding="utf-8")
        elif d.format == "docx":
            _docx(d.text, path)
        else:
            _pdf(d.text, path)
    return folder


def _docx(text: str, path: Path) -> None:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.save(path)


def _pdf(text: str, path: Path, per_line: int = 36, per_page: int = 40) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    rows = [line[i:i + per_line] for line in text.split("\n") for i in range(0, max(len(line), 1), per_line)]
    page = canvas.Canvas(str(path), pagesize=A4)
    for start in range(0, len(rows), per_page):
        page.setFont("STSong-Light", 14)
        for k, row in enumerate(rows[start:start + per_page]):
            page.drawString(60, 790 - 18 * k, row)
        page.showPage()
    page.save()
