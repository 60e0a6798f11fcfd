"""Rules that keep a document from proactive publication (S1/D7, D4–D11, A6).

Each function reads the marker findings when a detector raised them, and otherwise the document's title,
主送, issuer and body — just enough to decide the attribute, not a second detector.
"""
from __future__ import annotations

import regex

from mishen.policy.document import DocFacts
from mishen.policy.hits import FROM_FINDING, FROM_TEXT, Hit, first, quoted
from models import Attribute, Category, Finding

NOT = Attribute.NOT_DISCLOSED
_CLASSIFIED = regex.compile(r"^\s*(?P<m>(?:绝密|机密|秘密)\s*★\s*(?:[0-9一二三四五六七八九十]+\s*(?:年|个月)|长期)?)\s*$",
                            regex.M)
_SECRET_LINE = regex.compile(
    r"^\s*[（(【]?\s*(?P<m>工作秘密|内部资料\s*注意保密|注意保密|不得外传|严禁外传|内部资料|内部使用|仅供内部参考)\s*[)）】]?\s*$",
    regex.M)
_PUBLIC_CONSULTATION = (r"向社会(?:各界)?(?:公开)?征求|公开征求[^。\n]{0,30}意见|征求社会公众|社会公众[^。\n]{0,10}意见|"
                        r"征求公众意见|面向社会征求")
LAW_PUBLIC = tuple((regex.compile(pattern), what) for pattern, what in (
    (r"政府工作报告", "政府工作报告"),
    (r"(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)|信息公开年报", "政府信息公开工作年度报告"),
    (r"预算|决算|三公经费", "部门预算、决算信息"),
    (r"办事指南|服务指南|办事流程|办理流程|申报指南|办事须知", "办事指南"),
    (r"领导(?:班子)?(?:成员)?(?:工作)?分工|班子成员分工", "领导分工"),
    (r"机构设置|主要职责|内设机构|权责清单|权力清单", "反映机构设置、职能的信息"),
    (r"制度(?:汇编)?$|工作规则$", "反映本机关办事程序的工作制度"),
    (r"办法(?:（试行）)?(?:》|$)|规定(?:》|$)|实施细则(?:》|$)|规范性文件", "规范性文件"),
))


def law_public(f: DocFacts) -> list[Hit]:
    """D3: what the law makes public (政府工作报告, 年度报告, 预决算, 规范性文件, 办事指南, 领导分工)."""
    for pattern, what in LAW_PUBLIC:
        if pattern.search(f.title):
            return [Hit("D3", Attribute.PROACTIVE, what, 0.95)]
    if regex.search(r"[^\s〔]{1,6}规〔", f.issuer_lines):
        return [Hit("D3", Attribute.PROACTIVE, "规范性文件", 0.95)]
    return []


def public_consultation(f: DocFacts) -> bool:
    return bool(regex.search(_PUBLIC_CONSULTATION, f.title + "\n" + f.body[:1500]))


def _marked(findings: list[Finding], rule: str) -> list[Finding]:
    return [x for x in findings if rule in x.rules]


def classified(f: DocFacts) -> list[Hit]:
    """S1/D7: a 密级标志 in the 版头 (block)."""
    marks = f.marked("S1", Category.CLASSIFICATION_MARK)
    if marks:
        return [Hit("S1", NOT, marks[0].text.strip(), FROM_FINDING + 0.05, cites=["D7"], findings=marks)]
    if f.structure.classification is not None:
        return [Hit("S1", NOT, f.structure.classification.value, 0.97, cites=["D7"])]
    m = _CLASSIFIED.search(f.head)
    return [Hit("S1", NOT, regex.sub(r"\s", "", m["m"]), FROM_TEXT, cites=["D7"])] if m else []


def secret_markers(f: DocFacts) -> list[Hit]:
    """D7 (工作秘密, 注意保密 …) → 不予公开; D4 (内部资料, 内部使用 …) → 依申请公开."""
    markers = [x for x in f.of(Category.SECRET_MARKER) if not {"D12", "D13"} & set(x.rules)]
    if markers:
        hits = []
        if d7 := _marked(markers, "D7"):
            hits.append(Hit("D7", NOT, f"标有{quoted(d7)}字样", FROM_FINDING, cites=["S2"], findings=d7))
        if d4 := [x for x in markers if "D7" not in x.rules]:
            hits.append(Hit("D4", Attribute.ON_REQUEST, f"标有{quoted(d4)}字样", FROM_FINDING, cites=["S2"], findings=d4))
        return hits
    hits = []
    for m in _SECRET_LINE.finditer(f.head + "\n" + f.text[-300:]):
        word = regex.sub(r"\s", "", m["m"])
        if "保密" in word or "外传" in word or "秘密" in word:
            hits.append(Hit("D7", NOT, f"标有“{word}”字样", FROM_TEXT, cites=["S2"]))
        else:
            hits.append(Hit("D4", Attribute.ON_REQUEST, f"标有“{word}”字样", FROM_TEXT, cites=["S2"]))
    return hits[:1]


def _upward_detail(f: DocFacts) -> str | None:
    """The policy's own reading: 请示, or 报告 to a superior body (主送机关, 特此报告)."""
    if f.doc_type == "请示" and not regex.search(r"批复|答复|复函", f.title):
        return "报上级机关的请示"
    if f.doc_type in (None, "请示", "报告") and regex.search(r"[妥当]否[，,]?\s*请(?:批示|批复|审批)|请予(?:批准|审批)", f.text):
        return "报上级机关的请示"
    if f.doc_type == "汇报" or (f.doc_type == "报告" and (f.recipients or regex.search(r"特此报告|请审阅|请审示", f.text))):
        return "向上级机关汇报工作的报告" + (f"（主送{f.recipients}）" if f.recipients else "")
    return None


def upward(f: DocFacts, law: list[Hit]) -> list[Hit]:
    """D5: 请示, and 报告 to a superior body — unless the law makes the report public (D3)."""
    found = f.marked("D5", Category.UPWARD_REQUEST)
    detail = _upward_detail(f)
    if found:
        hit = Hit("D5", NOT, detail or "报上级机关的请示或报告", FROM_FINDING, findings=found)
    elif detail:
        hit = Hit("D5", NOT, detail, FROM_TEXT + (0.04 if detail.endswith("请示") else 0))
    else:
        return []
    if law and f.doc_type in ("报告", "汇报", None):
        hit.suppressed_by = "D3"
    return [hit]


def consultation(f: DocFacts, public: bool) -> list[Hit]:
    """D6: letters asking departments for their opinions, or answering such requests."""
    found = f.marked("D6", Category.CONSULTATION)
    if found:
        hit = Hit("D6", NOT, "向有关部门征求意见或答复有关部门意见的公文", FROM_FINDING, findings=found)
    elif regex.search(r"(?:反馈|修改|回复|答复)意见的(?:复?函|报告)|意见的(?:复函|回复|答复)|征求意见的(?:复函|回复)", f.title):
        hit = Hit("D6", NOT, "答复有关部门征求意见的复函", FROM_TEXT)
    elif regex.search(r"征求[^\n]{0,40}意见", f.title) or (
            f.doc_type in ("函", "通知") and regex.search(r"请于[^。\n]{0,30}前[^。\n]{0,40}意见[^。\n]{0,20}(?:反馈|报送|送)", f.body)):
        hit = Hit("D6", NOT, "向有关部门征求意见的函", FROM_TEXT)
    else:
        return []
    if public:
        hit.suppressed_by = "D2"
    return [hit]


def draft(f: DocFacts, public: bool) -> list[Hit]:
    """D8 (征求意见稿, 讨论稿, 送审稿, 未定稿) and D9 (enforcement in progress)."""
    found = f.marked("D8", Category.DRAFT_STATUS)
    hits = []
    if d9 := f.marked("D9"):
        hits.append(Hit("D9", NOT, "涉及正在进行的调查、执法事项", FROM_FINDING, findings=d9))
    elif regex.search(r"案件|线索|违法|违规|核查|督办", f.title) and regex.search(
            r"正在(?:调查|核查|侦查)|调查取证|尚未结案|尚在调查|立案调查", f.text):
        hits.append(Hit("D9", NOT, "涉及正在调查处理的案件", FROM_TEXT))
    d8 = found
    word = first(r"征求意见稿|讨论稿|送审稿|未定稿|草稿", f.title) or first(
        r"^\s*[（(]?\s*(?:征求意见稿|讨论稿|送审稿|未定稿|草稿)\s*[)）]?\s*$", f.head, regex.M)
    if d8 or word:
        if word or any(f.in_head(x) for x in d8):
            what = f"为{quoted(d8) if d8 else '“' + word.strip(' （()）') + '”'}，尚未定稿"
        else:
            what = f"含有{quoted(d8)}等表述，所涉事项尚未办结"
        hit = Hit("D8", NOT, what, FROM_FINDING if d8 else FROM_TEXT, findings=d8)
        if public:
            hit.suppressed_by = "D2"
        hits.append(hit)
    return hits


def party(f: DocFacts) -> list[Hit]:
    """D10: Party committee documents — except 领导分工, which is public (D3)."""
    found = f.marked("D10", Category.PARTY_DOCUMENT)
    if found:
        hit = Hit("D10", NOT, "为党委（党组）文件", FROM_FINDING, findings=found)
    elif regex.search(r"中共[^\n，。]{0,20}(?:委员会|党组|党委|工委)|中国共产党[^\n，。]{0,20}委员会|党组(?:文件)?\s*$|"
                      r"[县市区省镇乡]委(?:办公室)?(?:文件)?\s*$|[^\s〔]{0,6}(?:委|党组|党委)发〔", f.issuer_lines, regex.M):
        hit = Hit("D10", NOT, "为党委（党组）文件", FROM_TEXT)
    else:
        return []
    if regex.search(r"领导(?:班子)?(?:成员)?(?:工作)?分工|班子成员分工", f.title):
        hit.suppressed_by = "D3"
    return [hit]


def forward(f: DocFacts) -> list[Hit]:
    """A6: a pure forward is not suitable for publication; a forward with content follows the forwarded 附注."""
    found = f.marked("A6", Category.PURE_FORWARD)
    if found:
        return [Hit("A6", NOT, "仅转发上级文件、无实质内容", FROM_FINDING, findings=found)]
    if "转发" not in f.title:
        return []
    own = regex.sub(r"\s", "", f.body)
    if len(own) <= 160 and regex.search(r"(?:现将|特将|现把)[^。]{0,100}(?:转发|印发)给你们", own):
        return [Hit("A6", NOT, "仅转发上级文件、无实质内容", FROM_TEXT)]
    after = f.text[f.to_view(f.declared.end):] if f.declared else ""
    m = regex.search(r"[（(]\s*此件\s*(主动公开|公开发布|依申请公开|不予公开|脱密后公开)\s*[)）]", after)
    if m and f.declared is not None:
        value = Attribute.PROACTIVE if m[1] == "公开发布" else Attribute(m[1])
        return [Hit("A6", value, "转发类公文", FROM_TEXT, template="follow")]
    return []


def internal(f: DocFacts) -> list[Hit]:
    """D4: internal management affairs (值班安排, 考勤, 公务用车, 机关内部事务 …)."""
    word = first(r"值班|值守|考勤|机关内部|内部管理|公务用车|车辆管理|办公用品|机关食堂|办公用房|会议室|机关事务|"
                 r"内部事务|卫生值日|安全保卫|干部职工[^\n]{0,6}(?:体检|疗养|休假)|请销假|印章管理|文印|"
                 r"(?:协同)?办公系统|OA系统|内网|机房|门禁", f.title)
    return [Hit("D4", Attribute.ON_REQUEST, f"为机关内部管理事务（{word}）", FROM_TEXT)] if word else []


def case_guidance(f: DocFacts) -> list[Hit]:
    """D11: guidance on one enterprise's case involving commercial secrets (not a 规范性文件)."""
    if regex.search(r"(?:公司|企业|厂|合作社)[^\n]{0,40}的(?:批复|复函|答复|意见)", f.title) and regex.search(
            r"商业秘密|经营数据|技术秘密|财务数据|核心技术|投标报价|成本构成", f.text):
        return [Hit("D11", NOT, "为指导企业个案处理、涉及商业秘密的文件", FROM_TEXT)]
    return []


def individual(f: DocFacts) -> list[Hit]:
    """A5 (substance): a reply to one person's petition or application is that person's private matter."""
    if regex.search(r"信访事项|信访[^\n]{0,10}(?:答复|处理意见)|答复书|告知书|申请的答复|举报的答复|投诉的答复", f.title) or (
            regex.fullmatch(r"[\u4e00-\u9fff]{2,4}(?:同志|先生|女士)?", f.recipients or "-")
            and not regex.search(r"^各|有关|局|委|办|厅|部|院|会|中心|政府|公司|单位|学校|街道|镇|乡|村|室|科|股|组|处|所|站|队",
                                 f.recipients)):
        return [Hit("A5", Attribute.ON_REQUEST, "答复特定个人的信访、申请事项，涉及个人信息", FROM_TEXT,
                    template="substance", cites=["P1"])]
    return []
