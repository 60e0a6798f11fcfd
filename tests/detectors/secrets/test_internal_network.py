"""INTERNAL_NETWORK: private ranges with ports and paths, intranet hosts; not versions, dates or gov URLs."""
from __future__ import annotations

import pytest

from detectors.secrets.internal_network import InternalNetworkDetector
from models import Category, Document, Normalizer, SourceFormat

NORMALIZER = Normalizer()
DETECTOR = InternalNetworkDetector()


def found(text: str) -> list[str]:
    doc = Document(source="t.txt", sha256="0", format=SourceFormat.TXT, text=text)
    findings = DETECTOR.detect(doc, NORMALIZER(text))
    for f in findings:
        assert doc.text[f.start:f.end] == f.text and f.category is Category.INTERNAL_NETWORK
    return [f.text for f in findings]


@pytest.mark.parametrize(("text", "expected"), [
    ("服务器地址10.1.2.3，端口8080。", ["10.1.2.3"]),
    ("OA系统：http://10.1.2.3:8080/oa/login.jsp。", ["http://10.1.2.3:8080/oa/login.jsp"]),
    ("网段172.20.0.0/16已分配", ["172.20.0.0/16"]),
    ("打印服务器192.168.1.20:631", ["192.168.1.20:631"]),
    ("专网地址100.64.12.7", ["100.64.12.7"]),
    ("地址１９２．１６８．０．１", ["１９２．１６８．０．１"]),       # full-width digits and dots? see below
    ("内网IPv6地址 fd12:3456:789a::1 和 fe80::1ff:fe23:4567:890a", ["fd12:3456:789a::1", "fe80::1ff:fe23:4567:890a"]),
    ("文件共享 nas.corp 与 printer.local:631", ["nas.corp", "printer.local:631"]),
    ("访问 http://oa/portal 填报", ["http://oa/portal"]),
    ("内网地址：oa.zjrs.gov.cn/login", ["oa.zjrs.gov.cn/login"]),
    # a URL whose host ends in a label that is no public top-level domain
    ("备用入口 http://oa.qs.zwnw（仅限内网）", ["http://oa.qs.zwnw"]),
    ("门户 http://portal.corp:8080/home 登录", ["http://portal.corp:8080/home"]),
    ("接口 https://api.rsj.qsx:9000/v1/query。", ["https://api.rsj.qsx:9000/v1/query"]),
    # near misses
    ("附件：report.docx，格式参照 template.xlsx", []),         # file names without a scheme
    ("见 http://index.html 说明", []),                          # a file name after a scheme
    ("客户端升级到 v2.3.1 版", []),
    ("关注 https://mp.weixin.qq.com/s/Ab3 与 http://www.qsx.top/news", []),  # public TLDs (qq.com, .top)
    ("单位官网 https://www.example.org.cn/index.html", []),
    ("软件版本1.10.0.1已上线，V10.2.3.4修复漏洞。", []),
    ("版本号 10.2.3.4", []),
    ("2023.10.1起施行", []),
    ("详见中国政府网 www.gov.cn 和 http://www.zj.gov.cn/col/col1229.html", []),
    ("公网地址 202.102.3.4 与 8.8.8.8", []),
    ("本机 127.0.0.1", []),
    ("时间10:30:00开会", []),
    ("地址 10.1.2.300 无效", []),
])
def test_internal_network(text: str, expected: list[str]) -> None:
    assert found(text) == expected
