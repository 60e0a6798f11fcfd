"""Write labels.jsonl from the hand-written label specs below; offsets are computed from the text, never typed."""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent
PUB, PRI = "public", "private"
NAME, ID, PHONE, EMAIL, ADDR = "PERSON_NAME", "CN_ID_CARD", "CN_PHONE", "EMAIL", "ADDRESS"
BANK, PASS, PLATE, SENS = "BANK_CARD", "CN_PASSPORT", "LICENSE_PLATE", "SENSITIVE_PERSONAL"
CLS, MARK, CRED, NET = "CLASSIFICATION_MARK", "SECRET_MARKER", "CREDENTIAL", "INTERNAL_NETWORK"
FIELDS = ["title", "doc_type", "doc_number", "issuer", "date", "note", "recipients", "signature",
          "is_official_document", "classification", "copy_number", "signer"]


def S(title, doc_type, doc_number, issuer, date, note, recipients, signature, official,
      classification=None, copy_number=None, signer=None):
    return dict(zip(FIELDS, [title, doc_type, doc_number, issuer, date, note, recipients, signature, official,
                             classification, copy_number, signer]))


def sp(cat, text, role=None, occ=None, optional=False):
    return {"category": cat, "text": text, "role": role, "occ": occ, "optional": optional}


def names(role, *ns):
    return [sp(NAME, n, role) for n in ns]


DOCS = []


def doc(file, structure, declared, correct, reason, spans):
    DOCS.append({"file": file, "structure": structure, "declared_attribute": declared,
                 "correct_attribute": correct, "reason": reason, "spans": spans})


doc("01_notice_subsidy_list.txt",
    S("白沙县人力资源和社会保障局关于发放2023年度就业困难人员灵活就业社会保险补贴的通知", "通知", "白人社发〔2024〕15号",
      "白沙县人力资源和社会保障局", "2024-03-04", "（此件主动公开）", "各乡镇人民政府，县直有关单位",
      "白沙县人力资源和社会保障局", True),
    "主动公开", "脱密后公开", "D1 subsidy notice; annex lists private persons' IDs and mobiles, separable (A5, P1-P3)",
    [sp(NAME, "杨丽娟", PUB), sp(PHONE, "0878-6213570", PUB)]
    + names(PRI, "彭志刚", "龙晓燕", "向德明", "欧阳秀英", "舒婷婷", "田永富")
    + [sp(ID, x) for x in ["430102198503142313", "43010319920708042X", "430104197802111152", "430111196609253289",
                           "430121200101190549", "532301198805032179"]]
    + [sp(PHONE, x, PRI) for x in ["13974120856", "15873316429", "18907455138", "13507318842", "17711283604",
                                   "19974568201"]])

doc("02_gongshi_dibao_masked.txt",
    S("关于2024年第一季度城乡最低生活保障新增对象的公示", "公示", None, "白沙县民政局", "2024-04-01", "（此件主动公开）",
      None, "白沙县民政局", True),
    "主动公开", "主动公开", "低保 公示 is required (D1); names and IDs already masked per the P conventions",
    [sp(PHONE, "0878-6225102", PUB), sp(PHONE, "12345", PUB)]
    + [sp(ID, x) for x in ["532322********1264", "532323********0832", "532324********1912", "522601********2483",
                           "522622********0624"]]
    + [sp(NAME, x, PRI, optional=True) for x in ["张*华", "李*", "杨**", "王*芬", "赵*明"]])

doc("03_gongshi_recruit_full_ids.txt",
    S("2024年云溪市公开招聘中小学教师拟聘用人员公示", "公示", None, "云溪市教育体育局", "2024-07-19", "（此件公开发布）",
      None, "云溪市教育体育局", True),
    "主动公开", "脱密后公开", "recruitment 公示 is public (D2) but candidates' full IDs and mobiles must be removed (A5, P2, P3)",
    [sp(PHONE, "0878-3126655", PUB), sp(EMAIL, "yxjtrsk@126.com", PUB)]
    + names(PRI, "何俊杰", "苏婉清", "潘浩宇", "司马琳", "卢振华")
    + [sp(ID, x) for x in ["510106199508120199", "330105199411113187", "350203200002280410", "62010319860130084X",
                           "360111199009092333"]]
    + [sp(PHONE, x, PRI) for x in ["13688092417", "15108765523", "18283340619", "13989152376", "17380416652"]])

doc("04_tongbao_fuel_parties.txt",
    S("白沙县应急管理局关于近期成品油市场专项整治情况的通报", "通报", None, "白沙县应急管理局", "2024-06-05",
      "（此件主动公开）", "各乡镇人民政府，县直有关部门，各成品油经营企业", "白沙县应急管理局", True),
    "主动公开", "脱密后公开", "enforcement results are public (D1/D2); parties' names, ID, home address, plates separable (P1,P2,P5,P6)",
    [sp(NAME, "罗海军", PRI), sp(ADDR, "白沙县城关镇北门街117号"), sp(PLATE, "云E·3H728"), sp(NAME, "吴春兰", PRI),
     sp(ID, "532322197512301264"), sp(ADDR, "龙潭乡龙潭村5组", optional=True), sp(PLATE, "云E·D5631"),
     sp(NAME, "麻正国", PRI), sp(PHONE, "0878-6219110", PUB)])

doc("05_punishment_decision.txt",
    S("白沙县市场监督管理局行政处罚决定书", "决定", "白市监处罚〔2024〕23号", "白沙县市场监督管理局", "2024-05-20", None,
      None, "白沙县市场监督管理局", True),
    None, "脱密后公开", "administrative penalty decisions are published (D1) with the natural person's ID, address, phone removed (P1-P3, P6)",
    [sp(NAME, "陈国栋", PRI), sp(ID, "360102198306274116"), sp(ADDR, "云溪市白沙县城关镇文昌路32号附5号"),
     sp(ADDR, "白沙县城关镇农贸市场B区17号摊位", optional=True), sp(PHONE, "13887641290", PRI)])

doc("06_xinfang_reply.txt",
    S("白沙县住房和城乡建设局信访事项处理意见书", "意见", "白住建信复〔2024〕9号", "白沙县住房和城乡建设局", "2024-04-03",
      "（此件依申请公开）", "黄建华", "白沙县住房和城乡建设局", True),
    "依申请公开", "依申请公开", "reply to one citizen about his own home: personal privacy, releasable to him on request (D4); 理由 missing (A3)",
    [sp(NAME, "黄建华", PRI), sp(ADDR, "白沙县城关镇锦绣花园小区3栋", optional=True),
     sp(ADDR, "锦绣花园3栋2单元601室", occ=0), sp(PHONE, "15912086643", PRI), sp(ADDR, "白沙县城关镇锦绣花园3栋2单元601室")])

doc("07_qingshi_water_funds.txt",
    S("白沙县人民政府关于申请解决城区供水管网改造资金的请示", "请示", "白政呈〔2024〕6号", "白沙县人民政府", "2024-02-26",
      "（此件主动公开）", "云溪市人民政府", "白沙县人民政府", True, signer="周立新"),
    "主动公开", "不予公开", "请示 to the superior government (D5); declared 主动公开 is wrong",
    [sp(NAME, "周立新", PUB), sp(NAME, "刘建平", PUB), sp(PHONE, "0878-6213308", PUB)])

doc("08_baogao_xinfang_situation.txt",
    S("白沙县信访局关于2024年第一季度信访形势的报告", "报告", None, "白沙县信访局", "2024-04-10", None, "县委、县政府",
      "白沙县信访局", True),
    None, "不予公开", "报告 to the superior (D5); also private persons' data and matters under handling (D8)",
    [sp(NAME, "李某某", PRI, optional=True), sp(ID, "532324196908221912"), sp(NAME, "王女士", PRI, optional=True),
     sp(PHONE, "18787150932", PRI), sp(NAME, "熊光荣", PRI), sp(SENS, "精神分裂症")])

doc("09_gov_work_report_excerpt.txt",
    S("政府工作报告", None, None, None, "2024-01-10", None, None, None, False),
    None, "主动公开", "政府工作报告 to the 人大 needs wide public knowledge (D2); not a 报告 to a superior",
    [sp(NAME, "赵文博", PUB)])

doc("10_annual_report_web.txt",
    S("白沙县人民政府2023年政府信息公开工作年度报告", None, None, "白沙县人民政府办公室", "2024-01-20", None, None,
      "白沙县人民政府办公室", False),
    None, "主动公开", "annual 政府信息公开工作年度报告 is required by law (D-law)",
    [sp(PHONE, "0878-6212345", PUB), sp(EMAIL, "bsxzwgk@yx.gov.cn", PUB)])

doc("11_consult_letter.txt",
    S("白沙县司法局关于征求《白沙县行政规范性文件管理办法（征求意见稿）》修改意见的函", "函", None, "白沙县司法局",
      "2024-08-02", "（此件不予公开）", "县直各部门，各乡镇人民政府", "白沙县司法局", True),
    "不予公开", "不予公开", "asks other departments for opinions (D6) on a draft (D8); 理由 missing (A3)",
    [sp(EMAIL, "bsxsfjfzg@163.com", PUB), sp(NAME, "孙晓梅", PUB), sp(PHONE, "0878-6218021", PUB),
     sp(PHONE, "13908781654", PRI)])

doc("12_public_consultation_draft.txt",
    S("云溪市司法局关于公开征求《云溪市养犬管理规定（草案征求意见稿）》意见的公告", "公告", None, "云溪市司法局",
      "2024-09-30", "（此件主动公开）", None, "云溪市司法局", True),
    "主动公开", "主动公开", "public consultation asks the public to take part (D2); the draft is released on purpose, not D8",
    [sp(EMAIL, "yxsfjlfk@yx.gov.cn", PUB), sp(PHONE, "0878-3150326", PUB)])

doc("13_meeting_minutes.txt",
    S("白沙县人民政府常务会议纪要", "纪要", None, "白沙县人民政府", "2024-07-12", None, None, None, True),
    None, "不予公开", "minutes with a matter still under investigation and undecided (D8)",
    [sp(NAME, "赵文博", PUB, occ=0), sp(NAME, "赵文博", PUB, occ=1)]
    + names(PUB, "钱卫东", "蒋红梅", "沈立军", "韩雪松", "冯志远", "许国强", "魏建新", "朱宏伟", "曹丽"))

doc("14_leader_division.txt",
    S("云溪市人民政府关于调整市人民政府领导同志工作分工的通知", "通知", "云政发〔2024〕12号", "云溪市人民政府",
      "2024-03-18", "（此件主动公开）", "各县（市、区）人民政府，市直各委、办、局", "云溪市人民政府", True),
    "主动公开", "主动公开", "领导分工 must be published (D3)",
    names(PUB, "郑浩然", "邓淑芬", "贺立群", "萧雅琴", "傅振宇", "段明远"))

doc("15_party_committee_opinion.txt",
    S("中共白沙县委关于加强新时代基层党组织建设的实施意见", "意见", "白发〔2024〕3号", "中共白沙县委", "2024-03-01",
      "（此件发至乡镇党委）", "各乡镇党委，县委各部委，县级国家机关各部门党组（党委），各人民团体党组", "中共白沙县委", True),
    None, "不予公开", "Party committee document, not 领导分工 (D10)",
    [sp(NAME, "石晓峰", PUB), sp(PHONE, "0878-6211620", PUB)])

doc("16_duty_roster.txt",
    S("白沙县人民政府办公室关于做好2024年春节期间值班工作的通知", "通知", None, "白沙县人民政府办公室", "2024-02-05",
      "（此件主动公开）", "各乡镇人民政府，县直各部门", "白沙县人民政府办公室", True),
    "主动公开", "依申请公开", "值班安排 is internal management (D4) and carries staff's personal mobiles (P3)",
    [sp(PHONE, "0878-6212000", PUB), sp(PHONE, "0878-6212001", PUB)]
    + names(PUB, "钱卫东", "蒋红梅", "李婧", "沈立军", "宋佳", "韩雪松")
    + [sp(NAME, "冯志远", PUB, occ=0), sp(NAME, "冯志远", PUB, occ=1)]
    + [sp(PHONE, x, PRI) for x in ["13908780612", "13529451867", "18088265419", "13987812230", "15096847301",
                                   "18708781126"]]
    + [sp(PHONE, "13887805527", PRI, occ=0), sp(PHONE, "13887805527", PRI, occ=1)])

doc("17_it_notice_credentials.txt",
    S("白沙县大数据中心关于启用新版协同办公（OA）系统的通知", "通知", None, "白沙县大数据中心", "2024-06-12", None,
      "各乡镇人民政府，县直各单位", "白沙县大数据中心", True),
    None, "不予公开", "substance is passwords and intranet addresses of an internal system (S3, D4); not releasable",
    [sp(NET, "http://10.32.18.6:8088/oa"), sp(NET, "http://oa.bs.yx"), sp(CRED, "Bsoa#2024"),
     sp(CRED, "sysadmin/Yx@Dsj_8817"), sp(NET, "192.168.20.11"), sp(CRED, "Oa_read2023"), sp(NAME, "黄志强", PUB),
     sp(PHONE, "0878-6128899", PUB), sp(PHONE, "13759480263", PRI)])

doc("18_secret_security_notice.txt",
    S("白沙县人民政府关于做好重要目标安全保卫工作的通知", "通知", "白政发〔2024〕21号", "白沙县人民政府", "2024-04-25",
      None, "县公安局，县武警中队，各有关单位", "白沙县人民政府", True, classification="秘密★1年", copy_number="000015"),
    None, "不予公开", "carries 密级 秘密★1年 (S1, D7)",
    [sp(CLS, "秘密★1年"), sp(MARK, "不得外传")])

doc("19_pure_forward.txt",
    S("白沙县人民政府办公室关于转发《云溪市人民政府办公室关于进一步加强森林草原防灭火工作的通知》的通知", "通知",
      "白政办发〔2024〕18号", "白沙县人民政府办公室", "2024-02-20", "（此件主动公开）", "各乡镇人民政府，县直各有关部门",
      "白沙县人民政府办公室", True),
    "主动公开", "不予公开", "only forwards a superior's document with no own content (A6, 不宜公开 5)",
    [])

doc("20_news_safety_meeting.txt",
    S("白沙县召开2024年安全生产工作会议", None, None, None, None, None, None, None, False),
    None, "主动公开", "news report of a public meeting (D2)",
    [sp(NAME, "赵文博", PUB, occ=0), sp(NAME, "赵文博", PUB, occ=1)]
    + names(PUB, "钱卫东", "蒲晓丹", "冉启明", "龚雪薇"))

doc("21_web_flattened_notice.txt",
    S("云溪市人民政府关于印发云溪市促进民营经济高质量发展若干措施的通知", "通知", "云政发〔2023〕27号", "云溪市人民政府",
      "2023-09-05", "（此件公开发布）", "各县（市、区）人民政府，市直各委、办、局", "云溪市人民政府", True),
    "主动公开", "主动公开", "policy measures for enterprises (D1)",
    [sp(PHONE, "12345", PUB, occ=0), sp(PHONE, "0878-3123456", PUB)])

doc("22_cms_commendation_gongshi.txt",
    S("关于2024年度白沙县“最美志愿者”拟表彰人选的公示", "公示", None, "白沙县精神文明建设委员会办公室", "2024-12-02",
      None, None, "白沙县精神文明建设委员会办公室", True),
    None, "主动公开", "commendation 公示 publishes names and units by design (D2); no ID, phone or address",
    names(PRI, "王淑兰", "左明辉", "石小燕", "冉德胜", "刘思雨", "杨光明") + [sp(PHONE, "0878-6217700", PUB)])

doc("23_traditional_relief_notice.txt",
    S("云溪市退役军人事务局关于发放2024年度重点优抚对象临时救助金的通知", "通知", "云退役军人发〔2024〕9号",
      "云溪市退役军人事务局", "2024-10-08", "（此件主动公开）", "各县（市、区）退役军人事务局", "云溪市退役军人事务局", True),
    "主动公开", "脱密后公开", "relief notice (D1); annex with IDs, home addresses, phones, disability grade separable (P1-P3, P6, P7)",
    [sp(NAME, "鄭嘉怡", PUB), sp(PHONE, "0878-3138216", PUB),
     sp(NAME, "廖振邦", PRI), sp(ID, "610112197308061456"), sp(ADDR, "白沙縣城關鎮南門街42號"), sp(PHONE, "13578206641", PRI),
     sp(SENS, "傷殘等級：七級"),
     sp(NAME, "羅秀蘭", PRI), sp(ID, "450103196804021743"), sp(ADDR, "雲溪市龍川區新華路15號2單元301室"),
     sp(PHONE, "18213974055", PRI),
     sp(NAME, "韋國慶", PRI), sp(ID, "330106198103300273"), sp(ADDR, "白沙縣石門鄉大坪村3組"), sp(PHONE, "15987128350", PRI)])

doc("24_fullwidth_disability_subsidy.txt",
    S("城关镇人民政府关于发放2024年第二季度困难残疾人生活补贴的通知", "通知", None, "城关镇人民政府", "2024-07-01",
      "（此件主动公开）", "各村（社区）", "城关镇人民政府", True),
    "主动公开", "脱密后公开", "subsidy notice (D1) naming disabled persons with ID, disability, phone, address: separable (P1-P3, P6, P7)",
    [sp(NAME, "冯桂香", PRI), sp(ID, "５１０１０５１９７１０３０４２７６４"), sp(SENS, "肢体残疾三级"),
     sp(PHONE, "１３９０８７６５４３２", PRI), sp(ADDR, "城关镇西街村４组"),
     sp(NAME, "汤志勇", PRI), sp(ID, "４２０１０６１９７７０６１９０９７１"), sp(SENS, "视力残疾二级"),
     sp(PHONE, "１５１８７３２０４６８", PRI), sp(ADDR, "城关镇东门社区文化路２２号"),
     sp(NAME, "陶小梅", PRI), sp(ID, "３７０２０２１９５８０９０１２１６２"), sp(SENS, "智力残疾四级"),
     sp(PHONE, "１８９８７８１３３２０", PRI)])

doc("25_pifu_chinese_date.txt",
    S("白沙县人民政府关于龙潭乡新寨村村庄规划（2023—2035年）的批复", "批复", "白政复〔2024〕11号", "白沙县人民政府",
      "2024-03-05", "（此件主动公开）", "龙潭乡人民政府", "白沙县人民政府", True),
    "主动公开", "主动公开", "approved village plan concerns residents' interests (D1)",
    [])

doc("26_note_at_top.txt",
    S("白沙县农业农村局关于做好2024年春耕备耕工作的通知", "通知", None, "白沙县农业农村局", "2024-02-22", None,
      "各乡镇人民政府", "白沙县农业农村局", True),
    "主动公开", "主动公开", "spring farming notice (D1); 附注 misplaced at the top (A2 format problem only)",
    [sp(PHONE, "0878-6216612", PUB)])

doc("27_note_wrong_value_tonggao.txt",
    S("白沙县林业和草原局关于开展2024年春季全民义务植树活动的通告", "通告", None, "白沙县林业和草原局", "2024-03-06",
      "( 此件依申请公开 )", None, "白沙县林业和草原局", True),
    "依申请公开", "主动公开", "通告 calling on the public to take part (D2); declared 依申请公开 is wrong",
    [sp(PHONE, "0878-6214415", PUB)])

doc("28_outbound_trip_passports.txt",
    S("关于云溪市商务局因公临时出国团组有关情况的公示", "公示", None, "云溪市商务局", "2024-10-25", "（此件主动公开）",
      None, "云溪市商务局", True),
    "主动公开", "脱密后公开", "因公出国 公示 is required (D3) but passport numbers are separable personal data (P5)",
    names(PUB, "温建明", "卓雅琪", "柏俊豪") + [sp(PASS, x) for x in ["E71603952", "E58217346", "EH4039125"]]
    + [sp(PHONE, "0878-3127090", PUB)])

doc("29_internal_briefing.txt",
    S("白沙县信访工作简报", None, None, "白沙县信访局", "2024-05-08", None, None, None, False),
    None, "不予公开", "marked 内部资料 注意保密 (D7/S2), matters under investigation (D8), private persons' data",
    [sp(MARK, "内部资料"), sp(MARK, "注意保密"), sp(NAME, "严某某", PRI, optional=True), sp(ID, "532326196603141578"),
     sp(NAME, "甘国富", PRI, occ=0), sp(NAME, "甘国富", PRI, occ=1), sp(ID, "522630197204280814"),
     sp(PHONE, "18308782265", PRI), sp(SENS, "因寻衅滋事被行政拘留10日")])

doc("30_medical_aid_bankcards.txt",
    S("白沙县医疗保障局关于拨付2024年第三季度重特大疾病医疗救助资金的通知", "通知", "白医保发〔2024〕31号",
      "白沙县医疗保障局", "2024-10-15", "此件主动公开", "县财政局，各定点医疗机构", "白沙县医疗保障局", True),
    "主动公开", "脱密后公开", "fund allocation (D1); annex with IDs, diagnoses, bank cards separable (P2, P4, P7); 附注 without brackets",
    names(PRI, "邱桂芝", "谭永强", "詹秀梅", "阮明亮")
    + [sp(ID, x) for x in ["530102198407113647", "50010319931019217X", "532325197909052488", "441302196202163238"]]
    + [sp(SENS, x) for x in ["慢性肾功能衰竭（尿毒症期）", "急性髓系白血病", "乳腺恶性肿瘤", "重度再生障碍性贫血"]]
    + [sp(BANK, x) for x in ["6217798300124562", "6228480618203577910", "6221880715003492", "6214582076130828"]])


def locate(text: str, s: dict) -> tuple[int, int]:
    hits, i = [], text.find(s["text"])
    while i >= 0:
        hits.append(i)
        i = text.find(s["text"], i + 1)
    assert hits, s
    if s["occ"] is None:
        assert len(hits) == 1, (s, hits)
        start = hits[0]
    else:
        start = hits[s["occ"]]
    return start, start + len(s["text"])


def main() -> None:
    assert len(DOCS) == 30
    files = sorted(p.name for p in (HERE / "docs").glob("*.txt"))
    assert files == [d["file"] for d in DOCS], set(files) ^ {d["file"] for d in DOCS}
    with open(HERE / "labels.jsonl", "w", encoding="utf-8") as out:
        for d in DOCS:
            text = (HERE / "docs" / d["file"]).read_text(encoding="utf-8")
            spans = []
            for s in d["spans"]:
                start, end = locate(text, s)
                row = {"category": s["category"], "text": s["text"], "start": start, "end": end}
                if s["role"]:
                    row["role"] = s["role"]
                if s["optional"]:
                    row["optional"] = True
                spans.append(row)
            spans.sort(key=lambda r: r["start"])
            starts = [(r["start"], r["end"]) for r in spans]
            assert len(set(starts)) == len(starts), d["file"]
            row = {"file": d["file"], "structure": d["structure"], "declared_attribute": d["declared_attribute"],
                   "correct_attribute": {"value": d["correct_attribute"], "reason": d["reason"]}, "spans": spans}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(len(DOCS), "documents,", sum(len(d["spans"]) for d in DOCS), "spans")


if __name__ == "__main__":
    main()
