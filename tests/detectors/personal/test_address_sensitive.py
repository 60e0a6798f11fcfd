import pytest

from detectors.personal.recognizers.sensitive import PATTERNS

ADDR = "江苏省南京市玄武区孝陵卫街道中山门大街18号5栋2单元301室"


@pytest.mark.parametrize("text, expected", [
    (f"家住{ADDR}。", [ADDR]),
    ("住址：河南省鹤壁市淇滨区柳林乡李家村3组", ["河南省鹤壁市淇滨区柳林乡李家村3组"]),
    ("现住城关镇幸福路12号", ["城关镇幸福路12号"]),                                   # label, no division name
    ("户籍地安徽省宿州市萧县马集镇幸福路300号，", ["安徽省宿州市萧县马集镇幸福路300号"]),
    ("家住江蘇省南京市玄武區中山路１號", ["江蘇省南京市玄武區中山路１號"]),              # Traditional, full-width
    ("市政务服务中心（地址：南京市玄武区北京东路41号）", []),                          # an agency's address
    ("办公地址：南京市鼓楼区中山北路100号", []),
    ("会议在玄武区召开，南京市鼓楼区各部门参加", []),                                 # bare district names
    ("位于南京市玄武区中山路1号的某公司", []),
    ("苏政发〔2023〕12号", []),
    ("联系地址为城关镇桂花路8号3栋1单元502室，", ["城关镇桂花路8号3栋1单元502室"]),      # 为 links label and address
    ("你所居住的桂花苑2栋1单元301室外墙渗水", ["桂花苑2栋1单元301室"]),               # 的 after 住
])
def test_address(scan, text, expected):
    assert [f.text for f in scan(text, "ADDRESS")] == expected


def test_address_masked_to_county(scan):
    (f,) = scan(f"家住{ADDR}。", "ADDRESS")
    assert f.replacement == "江苏省南京市玄武区****" and f.rules == ["P6"]


@pytest.mark.parametrize("text, expected", [
    ("申请人张三患有尿毒症，", ["患有尿毒症"]),
    ("其子系艾滋病感染者。", ["系艾滋病感染者"]),
    ("其子肢体二级残疾，", ["肢体二级残疾"]),
    ("该人员曾因盗窃被判处有期徒刑一年，", ["曾因盗窃被判处有期徒刑一年"]),
    ("王某信仰伊斯兰教。", ["信仰伊斯兰教"]),
    ("李某年仅9岁。", ["年仅9岁"]),
    ("做好艾滋病防治宣传工作。", []),                                                  # policy text
    ("落实残疾人就业补贴政策。", []),
    ("未满14周岁的未成年人依法不负刑事责任。", []),
    ("患者服务中心电话", []),
    ("姓名\t病种\n钱国华\t尿毒症（血液透析）\n", ["尿毒症（血液透析）"]),        # a 病种 column: the whole cell
    ("序号\n1\n谢文斌\n急性淋巴细胞白血病\n（病种见附表）", ["急性淋巴细胞白血病"]),
    ("尿毒症防治知识讲座", []),                                                       # no diagnosis column
])
def test_sensitive(scan, text, expected):
    assert [f.text for f in scan(text, "SENSITIVE_PERSONAL")] == expected


# one phrase for every alternative of every sensitive-data pattern: each must match, and its match must hold one of
# the pattern's needles (the recognizer skips a text holding none of them)
ALTERNATIVES = {
    "健康状况：患有/确诊": ["患有尿毒症", "罹患白血病", "身患重病", "确诊为肺结核", "诊断为抑郁症", "被诊断为癫痫",
                       "检出梅毒", "查出肝炎"],
    "健康状况：感染者/患者": ["系艾滋病感染者", "为乙肝携带者", "是糖尿病患者", "属精神病人", "系HIV病毒感染者"],
    "残疾": ["肢体二级残疾", "视力残疾人（一级）", "2级智力残疾", "残疾人证号", "残疾证", "伤残等级：七级",
           "残疾等级 3级", "十级伤残", "10级伤残"],
    "犯罪记录": ["曾因盗窃被判处有期徒刑", "刑满释放人员", "有犯罪前科", "具有吸毒前科", "正在服刑", "社区矫正对象",
             "吸毒人员", "戒毒人员"],
    "宗教信仰": ["信仰伊斯兰教", "信奉基督教", "皈依佛教", "信仰道教", "信仰东正教", "天主教信徒", "佛教徒", "穆斯林",
             "基督徒"],
    "未成年人": ["年仅9岁", "现年16周岁", "今年7岁", "时年12岁", "年满17周岁", "系未成年人", "未成年子女", "未成年学生"],
}


@pytest.mark.parametrize("label, pattern, needles", PATTERNS, ids=[p[0] for p in PATTERNS])
def test_sensitive_needles(label, pattern, needles):
    for phrase in ALTERNATIVES[label]:
        m = pattern.search(phrase)
        assert m is not None, phrase
        assert any(n in m.group() for n in needles), phrase
