"""CREDENTIAL: passwords with values, key/token formats, connection strings; labels and prose are not."""
from __future__ import annotations

import pytest
from detect_secrets.plugins.keyword import KeywordDetector

from detectors.secrets.credential import CredentialDetector, PrefilteredKeywordDetector
from models import Category, Document, Normalizer, SourceFormat

NORMALIZER = Normalizer()
DETECTOR = CredentialDetector()
PEM = ("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
       "-----END RSA PRIVATE KEY-----")


def found(text: str) -> list[str]:
    doc = Document(source="t.txt", sha256="0", format=SourceFormat.TXT, text=text)
    findings = DETECTOR.detect(doc, NORMALIZER(text))
    for f in findings:
        assert doc.text[f.start:f.end] == f.text and f.category is Category.CREDENTIAL
    return [f.text for f in findings]


@pytest.mark.parametrize(("text", "expected"), [
    ("系统管理员密码：Abc@123!，请及时修改。", ["Abc@123!"]),
    ("初始密码为Gov2023#，登录后修改。", ["Gov2023#"]),
    ("会议室WiFi密码：zj12345678", ["zj12345678"]),
    ("账号：zhangsan 口令：Pa55word", ["Pa55word"]),
    ("账号/密码：admin/Admin@2023", ["admin/Admin@2023"]),
    ("用户名和密码均为admin888", ["admin888"]),
    ("登录密码：Ａｂｃ１２３４", ["Ａｂｃ１２３４"]),             # full-width value, original span kept
    ("数据库：jdbc:mysql://10.0.0.5:3306/oa?user=root&password=Root123", 
     ["jdbc:mysql://10.0.0.5:3306/oa?user=root&password=Root123"]),
    ("缓存地址 redis://:s3cretPass@10.1.1.9:6379/0", ["redis://:s3cretPass@10.1.1.9:6379/0"]),
    ("备份库 mongodb://backup:Mg2023x@192.168.3.4:27017/admin", ["mongodb://backup:Mg2023x@192.168.3.4:27017/admin"]),
    ("文件服务器 ftp://upload:Up1oad99@files.example.cn/in", ["ftp://upload:Up1oad99@files.example.cn/in"]),
    ("AccessKey ID：AKIAIOSFODNN7EXAMPLE", ["AKIAIOSFODNN7EXAMPLE"]),
    ("AppSecret: 9f8e7d6c5b4a39281706f5e4d3c2b1a0", ["9f8e7d6c5b4a39281706f5e4d3c2b1a0"]),
    ('配置 token = "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"', ["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"]),
    ("令牌 eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
     ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"]),
    ("密钥如下：\n" + PEM + "\n请妥善保存", [PEM]),
    # an account label whose value is a user/password pair, no 密码 label next to the value
    ("运维账号为 opsroot/Qx#7731_ab，请勿外传。", ["opsroot/Qx#7731_ab"]),
    ("用户名/密码：admin/Abc@123", ["admin/Abc@123"]),
    ("登录名：gw_admin / Gw2024!x", ["gw_admin / Gw2024!x"]),
    ("工号账号：10086/Abc@123。", ["10086/Abc@123"]),
    ("测试账户统一为test01/12345678", ["test01/12345678"]),
    # negatives and near misses
    ("账号：admin/user", []),                                   # a word pair, no password-like part
    ("账号为2023/2024年度新开户", []),                           # a number range
    ("用户名为 v1.2/3.4.5", []),                                # version strings
    ("管理员账号统一为“单位简称拼音+admin”", []),
    ("银行账号为zh/6222021234", []),                            # a bank account, not a login
    ("账号为 zhangsan/******", []),                             # masked
    ("账号为zhang/李四", []),
    ("用户名：        密码：", []),
    ("用户名: 密码:", []),
    ("请妥善保管密码，不得告知他人。", []),
    ("密码长度不少于8位，须包含字母和数字。", []),
    ("初始密码为身份证号后6位。", []),
    ("密码：******", []),
    ("商用密码算法：SM4", []),
    ("索引号：1162042101391301xj/1970-172822", []),
    ("统一社会信用代码：91320100MA1X2Y3Z4K", []),
    ("详见 http://www.zj.gov.cn/art/2023/1/5/art_1229_123.html", []),
])
def test_credential(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("line", [
    'password = "Tr0ub4dor&3xyz"', "db_pass: 'hunter2hunter2'", 'API_KEY="sk_live_4eC39HqLyjWDarjtT1zdp7dc"',
    "String secret_token = \"a8f5f167f44f4964e6c998dee827110c\";", 'if ("s3cr3t-value" == my_password_x) {',
    "auth_key := \"0123456789abcdef\"", "PRIVATE_KEY => 'abcdefgh12345678'", 'pwd: "qwerty123456"',
    "联系电话13800138000，办公地址中山路1号，邮编210000。", "token=abc123def456ghi789", 'contraseña = "clave-muy-larga"',
])
def test_keyword_prefilter_changes_nothing(line: str) -> None:
    """The keyword plugin is skipped on lines without a keyword; on every line it answers as detect-secrets does."""
    assert list(PrefilteredKeywordDetector().analyze_string(line)) == list(KeywordDetector().analyze_string(line))
