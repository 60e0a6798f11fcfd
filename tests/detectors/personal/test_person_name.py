import pytest

from models.masks import mask_name


@pytest.mark.parametrize("text, expected, role", [
    ("申请人李建国于2023年3月提出申请。", ["李建国"], "private"),
    ("接群众方璐强来电反映噪音问题。", ["方璐强"], "private"),             # LAC cuts it to 方璐
    ("长孙卫静同志参加会议。", ["长孙卫静"], None),                        # compound surname LAC splits
    ("副局长：鲜于雨浩\n负责财务工作。", ["鲜于雨浩"], "public"),
    ("领导分工：局长刘德华主持全面工作。", ["刘德华"], "public"),
    ("签发人：王建设", ["王建设"], "public"),
    ("2022年5月，张某收受礼金。", ["张某"], "masked"),
    ("申请人热依拉·阿不都，系低保户。", ["热依拉·阿不都"], "private"),
    ("此项工作由买买提·艾力同志负责。", ["买买提·艾力"], None),            # 由 before a name joined by ·
    ("经核实，反映人系以色列·普特南的邻居。", ["以色列·普特南"], None),    # 系 before, 的 after
    ("帕尔哈提·吐尔逊反映的问题已转交。", ["帕尔哈提·吐尔逊"], None),
    ("姓名\t性别\n张伟\t男\n", ["张伟"], None),                          # 公示 table column
    ("投诉人王五反映，", ["王五"], "private"),
    ("申请人应当高度重视，申请人须到张家港市王府井大街办理。", [], None),   # not names
    ("文明城市创建工作方案。", [], None),
    ("案号：（2023）苏2286刑初190号。", [], None),
    ("申請人李建國於2023年提出申請。", ["李建國"], "private"),             # Traditional
])
def test_person_name(scan, text, expected, role):
    found = scan(text, "PERSON_NAME")
    assert [f.text for f in found] == expected
    if role:
        assert found[0].evidence["role"] == role


@pytest.mark.parametrize("name, masked", [
    ("张三", "张*"), ("李建国", "李**"), ("欧阳修文", "欧阳**"), ("买买提·艾力", "买**·**"),
])
def test_mask_name(name, masked):
    assert mask_name(name) == masked


@pytest.mark.parametrize("text, span, fixed", [
    ("申请人：古丽娜尔·吐尔逊江", (4, 13), (4, 13)),     # the text ends: 江 alone is no word after the name
    ("此项工作由买买提·艾力负责", (4, 11), (5, 11)),     # 由 before the name
    ("据悉奥普拉·温弗利的节目", (2, 10), (2, 9)),         # 的 after it
    ("小古巴·古丁终于发挥了作用", (0, 7), (0, 6)),       # 终于: its last character starts a word
    ("次仁·多吉的申请", (0, 5), (0, 5)),                 # a two-character part keeps its last character
])
def test_a_name_joined_by_a_dot_keeps_no_function_word_at_its_edges(text, span, fixed):
    from detectors.personal.names.rules import NameRules
    assert NameRules().fix(text, *span) == fixed


@pytest.mark.parametrize("text", ["联系人：李建国", "联系人：李建国。", "联系人：李建国\n"])
def test_a_name_after_a_label_at_the_end_of_the_text_keeps_its_last_character(text):
    """A one-character slice at the end of the text is no two-character word (jieba gives 国 a frequency)."""
    from detectors.personal.names.rules import NameRules
    assert NameRules().guess_forward(text, 4) == (4, 7)


def test_private_name_is_redacted(scan):
    (f,) = scan("申请人李建国于2023年3月提出申请。", "PERSON_NAME")
    assert f.action.value == "redact" and f.severity.value == "high" and f.replacement == "李**"


def test_official_is_not_redacted(scan):
    (f,) = scan("签发人：王建设", "PERSON_NAME")
    assert f.action.value == "none" and f.severity.value == "low" and f.replacement is None
