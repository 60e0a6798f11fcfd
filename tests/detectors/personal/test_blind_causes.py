"""False positives and roles of the kinds an independent set showed (synthetic rows, new names and agencies)."""
import pytest


@pytest.mark.parametrize("text, expected", [
    # 文号: an agency abbreviation before 〔year〕 / 发〔 / ［year］ / (year) is not a name
    ("现将《关于加强河道管理的请示》（江政请〔2023〕7号）转发给你们。", []),
    ("金水发〔2022〕15号\n各乡镇：", []),
    ("根据文政复［2021］3号批复，", []),
    ("依据宁卫函(2020)88号文件，", []),
    ("签发人：文建华\n", ["文建华"]),                                                # near miss: a real name
    # place names in a table column / before 某
    ("序号\t姓名\t所在乡镇\n1\t罗建平\t白马乡\n2\t潘玉兰\t黄岭镇\n", ["罗建平", "潘玉兰"]),
    ("姓名\t村组\n邓小兵\t金家村\n", ["邓小兵"]),
    ("请以实名向县信访局反映，", []),
    ("其子在花桥镇某砖厂务工，", []),
    ("举报人反映王某在该村非法采砂。", ["王某"]),                                     # near miss: a pseudonym
    # amounts in capital numerals, common words of another part of speech, reduplicated verbs
    ("处罚款人民币叁仟元整（3000元）。", []),
    ("当事人将房屋出租给他人。", []),
    ("共受理来信来访三百件。", []),
    ("请扫一扫下方二维码。", []),
    ("当事人伍建军，男，", ["伍建军"]),                                              # near miss: 伍 as a surname
])
def test_not_names(scan, text, expected):
    assert [f.text for f in scan(text, "PERSON_NAME")] == expected


@pytest.mark.parametrize("text, category, action", [
    ("如有异议，请与县农业农村局计财股联系，联系电话：0871-6543210。", "CN_PHONE", "none"),
    ("请及时报告市政府总值班室（电话：0871-6120000）。", "CN_PHONE", "none"),
    ("联系电话：0871-3344556\n", "CN_PHONE", "none"),
    ("申请人陈小燕，家庭电话：0871-6543210。", "CN_PHONE", "redact"),                  # near miss: private
    ("投诉人手机：13812345678。", "CN_PHONE", "redact"),
    ("可向市人社局人事科反映。电话：0871-3126655；电子邮箱：rsk2024@126.com。", "EMAIL", "none"),
    ("书面意见请反馈县财政局，电子版发送至xczj_bgs@163.com。", "EMAIL", "none"),
    ("举报人电子邮箱：lihua1988@163.com", "EMAIL", "redact"),                         # near miss: private
])
def test_office_contacts_are_public(scan, text, category, action):
    (f,) = scan(text, category)
    assert f.action.value == action


@pytest.mark.parametrize("text, name, action", [
    ("会议纪要\n出席：周建国　吴晓峰　郑立新\n列席：县财政局　冯海涛\n", "吴晓峰", "none"),
    ("会议纪要\n出席：周建国　吴晓峰　郑立新\n列席：县财政局　冯海涛\n", "冯海涛", "none"),
    ("会议纪要\n参会人员：林志华、何雪梅\n", "何雪梅", "none"),
])
def test_attendance_lists_are_public(scan, text, name, action):
    found = {f.text: f for f in scan(text, "PERSON_NAME")}
    assert found[name].action.value == action


ROSTER = "国庆期间值班安排表\n日期\t带班领导\t手机\t值班人员\t手机\n10月1日\t卢建业\t13908712345\t范晓丽\t15087654321\n"


def test_duty_roster_names_public_mobiles_private(scan):
    """值班表: staff on duty act in a public role (names kept); their mobiles are personal data (redacted)."""
    names = {f.text: f.action.value for f in scan(ROSTER, "PERSON_NAME")}
    phones = [f.action.value for f in scan(ROSTER, "CN_PHONE")]
    assert names == {"卢建业": "none", "范晓丽": "none"}
    assert phones == ["redact", "redact"]


def test_roster_rule_needs_a_roster(scan):
    text = "日期\t姓名\t手机\n10月1日\t卢建业\t13908712345\n"                             # no 值班 header
    assert [f.action.value for f in scan(text, "PERSON_NAME")] != ["none"]


@pytest.mark.parametrize("text, expected", [
    ("序号\t姓名\t诊断\t救助金额\n1\t张某\t慢性阻塞性肺疾病（重度）\t5000\n2\t李某\t系统性红斑狼疮\t3000\n",
     ["慢性阻塞性肺疾病（重度）", "系统性红斑狼疮"]),
    ("序号　姓名　疾病名称　金额\n１　王某　先天性心脏病　２０００\n", ["先天性心脏病"]),
    ("序号\t姓名\t病情\n1\t赵某\t无\n", []),                                            # an empty cell
    ("序号\t姓名\t金额\n1\t赵某\t2000\n本次诊断工作", []),                              # no diagnosis column
    ("其女视力残疾二级，", ["视力残疾二级"]),
    ("申请人听力残疾（三级），", ["听力残疾（三级）"]),
    ("經鑒定，傷殘等級：八級。", ["傷殘等級：八級"]),                                   # Traditional
    ("鉴定为九级伤残。", ["九级伤残"]),
    ("落实残疾人就业补贴政策。", []),                                                  # near miss: policy
])
def test_sensitive_columns_and_grades(scan, text, expected):
    assert [f.text for f in scan(text, "SENSITIVE_PERSONAL")] == expected
