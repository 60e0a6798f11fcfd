"""Document templates of the generated set: each writes one document into a Builder with labelled spans."""
from __future__ import annotations

import random

from models.masks import COMPOUND_SURNAMES
from eval.personal.fakes import Fakes

AGENCIES = ["县民政局", "市人力资源和社会保障局", "区农业农村局", "县市场监督管理局", "镇人民政府", "市住房和城乡建设局"]
NARRATIVE = ["接群众{n}来电反映", "经查，{n}于2022年5月", "{n}（男，1975年出生）", "经核实，{n}家庭", "信访人{n}反映"]


def publicity_list(b, f: Fakes, rng: random.Random) -> None:
    agency = rng.choice(AGENCIES)
    b.text(f"关于2023年度困难群众临时救助对象的公示\n根据有关规定，经审核，拟对以下人员给予救助，现予公示。\n"
           "序号\t姓名\t性别\t身份证号\t联系电话\t家庭住址\t金额（元）\n")
    for i in range(rng.randint(3, 8)):
        b.text(f"{i + 1}\t").ent("PERSON_NAME", f.name()).text(f"\t{rng.choice('男女')}\t")
        id_card = f.id_card()
        if rng.random() < 0.3:
            b.ent("CN_ID_CARD", id_card[:6] + "********" + id_card[14:], "masked")
        else:
            b.ent("CN_ID_CARD", id_card)
        b.text("\t").ent("CN_PHONE", f.mobile()).text("\t").ent("ADDRESS", f.address()[0])
        b.text(f"\t{rng.randint(500, 5000)}\n")
    b.text(f"公示期为2023年6月15日至6月21日。如有异议，请向{agency}反映。监督电话：")
    b.ent("CN_PHONE", f.landline(), "public").text("。\n邮政编码：212000。索引号：01526404-1/20230615-00002\n")
    b.text(f"{agency}\n2023年6月15日\n")


def case_report(b, f: Fakes, rng: random.Random) -> None:
    b.text("关于3起违反中央八项规定精神典型问题的通报\n")
    for i in range(3):
        b.text(f"{'一二三'[i]}、某镇某村党支部书记").ent("PERSON_NAME", f.name(), "public")
        b.text(f"违规收受礼金问题。2022年{rng.randint(1, 12)}月，")
        name = f.name()
        b.ent("PERSON_NAME", name[:2 if name[:2] in COMPOUND_SURNAMES else 1] + "某", "masked")
        b.text(f"收受管理服务对象礼金{rng.randint(2, 9)}万元。")
        b.text(rng.choice(["其妻子", "其亲属", "村民"])).ent("PERSON_NAME", f.name())
        b.text("也参与其中。")
        if rng.random() < 0.5:
            b.text("该人员曾因赌博被行政拘留。") if False else None
        b.text(f"案号：（2023）苏{rng.randint(1000, 9999)}刑初{rng.randint(1, 300)}号。\n")
    b.text("发文字号：县纪发〔2023〕12号。\n")


def petition_reply(b, f: Fakes, rng: random.Random) -> None:
    name = f.name()
    b.ent("PERSON_NAME", name).text("：\n你于2023年5月10日通过").ent("CN_PHONE", "12345", "public").text("热线反映的问题收悉。经查，你家住")
    addr, _ = f.address()
    b.ent("ADDRESS", addr).text("，身份证号")
    b.ent("CN_ID_CARD", f.id_card()).text("。经核实，")
    b.ent("PERSON_NAME", f.name()).text(rng.choice(["同志", "先生", "女士"]))
    b.text("已于次日到现场查看。你反映的")
    b.ent("PERSON_NAME", f.name()).text("占用道路问题已责令整改。联系人：")
    b.ent("PERSON_NAME", f.name(), "public").text("，电话：").ent("CN_PHONE", f.landline(), "public")
    b.text("。\n如不服本答复，可在收到之日起30日内向上一级机关申请复查。\n")


def penalty_decision(b, f: Fakes, rng: random.Random) -> None:
    b.text(f"行政处罚决定书\n县市监处罚〔2023〕{rng.randint(10, 99)}号\n当事人：")
    b.ent("PERSON_NAME", f.name()).text(f"，{rng.choice('男女')}，身份证号码：")
    id_card = f.id_card()
    if rng.random() < 0.3:
        b.ent("CN_ID_CARD", id_card[:6] + " " + id_card[6:14] + " " + id_card[14:])
    elif rng.random() < 0.3:
        b.ent("CN_ID_CARD", id_card[:12] + "\n" + id_card[12:])
    else:
        b.ent("CN_ID_CARD", id_card)
    b.text("，住所：").ent("ADDRESS", f.address()[0]).text("，联系电话：")
    mobile = f.mobile()
    b.ent("CN_PHONE", mobile[:3] + "-" + mobile[3:7] + "-" + mobile[7:] if rng.random() < 0.4 else mobile)
    b.text(f"。\n经营者：某某商贸有限公司，统一社会信用代码：91320100MA1{rng.randint(100000, 999999)}X，法定代表人：")
    b.ent("PERSON_NAME", f.name(), "public").text("。\n")
    b.text(f"当事人驾驶车牌号为").ent("LICENSE_PLATE", f.plate()).text(f"的货车运输，罚款金额{rng.randint(1000, 99999)}元，")
    b.text("罚款请缴至银行账号：").ent("BANK_CARD", f.bank_card()).text("。合同编号HT-2023-000123。\n")


def leadership(b, f: Fakes, rng: random.Random) -> None:
    b.text("县发展和改革局领导分工\n")
    for title, work in (("局长", "主持全面工作"), ("副局长", "负责项目管理、财务工作"), ("副局长", "负责价格、能源工作"),
                        ("党组成员、副局长", "负责机关党建工作")):
        b.text(f"{title}：").ent("PERSON_NAME", f.name(), "public").text(f"\n{work}。\n")
    b.text("办公地址：县行政中心3号楼，联系电话：").ent("CN_PHONE", f.landline(), "public").text("\n")


def it_notice(b, f: Fakes, rng: random.Random) -> None:
    b.text("关于开展政务网站安全检查的通知\n各单位：\n为做好网站安全管理工作，请于6月30日前完成自查。")
    b.text("联系人：").ent("PERSON_NAME", f.name(), "public").text("，联系电话：")
    b.ent("CN_PHONE", f.landline(), "public").text("，邮箱：")
    b.ent("EMAIL", f.email()).text("。\n技术支持：").ent("PERSON_NAME", f.name(), "public").text("，手机")
    b.ent("CN_PHONE", f.mobile()).text("。\n市大数据管理局（地址：市政务服务中心5楼，邮编210000）\n")


def subsidy_table(b, f: Fakes, rng: random.Random) -> None:
    b.text("2023年耕地地力保护补贴发放名册\n户主姓名 身份证号码 银行卡号 补贴面积 补贴金额\n")
    for _ in range(rng.randint(3, 7)):
        b.ent("PERSON_NAME", f.name()).text(" ").ent("CN_ID_CARD", f.id_card()).text(" ")
        card = f.bank_card()
        b.ent("BANK_CARD", " ".join(card[i:i + 4] for i in range(0, len(card), 4)) if rng.random() < 0.5 else card)
        b.text(f" {rng.randint(2, 30)}.5 {rng.randint(200, 3000)}.00\n")
    b.text("咨询电话：").ent("CN_PHONE", f.landline(), "public").text("，").ent("CN_PHONE", "12345", "public").text("政务服务热线。\n")


def medical_aid(b, f: Fakes, rng: random.Random) -> None:
    b.text("关于拟认定低保对象的公示\n")
    for _ in range(rng.randint(2, 4)):
        b.text("申请人").ent("PERSON_NAME", f.name()).text("，")
        b.ent("SENSITIVE_PERSONAL", rng.choice(["患有尿毒症", "患有白血病", "确诊为肺癌", "系艾滋病感染者"]))
        b.text("，其子").ent("PERSON_NAME", f.name()).text("，")
        b.ent("SENSITIVE_PERSONAL", rng.choice(["肢体二级残疾", "视力一级残疾", "年仅9岁"]))
        b.text("，户籍地").ent("ADDRESS", f.address()[0]).text("，护照号码").ent("CN_PASSPORT", f.passport())
        b.text("。\n")
    b.text("做好艾滋病防治宣传工作，落实残疾人就业补贴政策。\n")


def traffic(b, f: Fakes, rng: random.Random) -> None:
    b.text("关于部分机动车交通违法的通报\n")
    for _ in range(rng.randint(2, 4)):
        b.text("驾驶人").ent("PERSON_NAME", f.name()).text("驾驶")
        b.ent("LICENSE_PLATE", f.plate()).text(f"小型汽车于2023年{rng.randint(1, 12)}月超速行驶，")
        b.text("曾因醉酒驾驶被判处拘役二个月" if False else "")
        b.text("手机号码").ent("CN_PHONE", "+86 " + f.mobile() if rng.random() < 0.3 else f.mobile()).text("。\n")
    b.text(f"身份证号码校验错误示例：{f.wrong_id()}。\n".replace("身份证号码校验错误示例", "登记编号"))


def narrative(b, f: Fakes, rng: random.Random) -> None:
    b.text("关于近期信访事项办理情况的报告\n")
    for phrase in rng.sample(NARRATIVE, 3):
        head, tail = phrase.split("{n}")
        b.text(head).ent("PERSON_NAME", f.name()).text(tail)
        b.text(rng.choice(["小区物业管理问题。", "宅基地纠纷问题。", "拖欠工资问题，", "噪音扰民问题。"]))
        if rng.random() < 0.5:
            b.text("其联系方式为").ent("CN_PHONE", f.mobile()).text("，")
        b.text("现住").ent("ADDRESS", f.address()[0]).text("。\n")
    b.text("以上事项由").ent("PERSON_NAME", f.name(), "public").text("副县长牵头督办。\n")


TEMPLATES = [("信访报告", narrative), ("公示名单", publicity_list), ("案件通报", case_report), ("信访答复", petition_reply),
             ("行政处罚决定书", penalty_decision), ("领导分工", leadership), ("IT通知", it_notice),
             ("补贴名单", subsidy_table), ("救助公示", medical_aid), ("交通通报", traffic)]
