"""INTERNAL_NETWORK: private IPv4/IPv6 addresses, intranet URLs and host names — rule S3."""
from __future__ import annotations

import ipaddress
from typing import Literal

import regex
import tldextract

from detectors.base import finding_from_view
from models import Action, Category, Document, Finding, NormalizedText, Severity

_URL_TAIL = r"(?::\d{1,5})?(?:/[^\s，。；、）)“”\"'<>]*)?"
IPV4 = regex.compile(
    r"(?<![0-9A-Za-z.．])(?P<ip>(?:\d{1,3}[.．]){3}\d{1,3})(?![0-9]|[.．]\d)"
    r"(?P<tail>(?:/(?:[12]?\d|3[0-2])(?![\d.]))?(?::\d{1,5}(?!\d))?(?:/[^\s，。；、）)“”\"'<>?&]*)?)")
IPV6 = regex.compile(r"(?<![0-9A-Za-z:])\[?(?P<ip>[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%\w+)?)\]?"
                     r"(?P<tail>/\d{1,3})?(?![0-9A-Za-z:])")
URL = regex.compile(r"(?<![A-Za-z0-9+.\-])(?:https?|ftp|ftps|sftp|ssh|telnet|rtsp|smb|ldaps?)://"
                    r"(?:[^\s/@:，。；]+(?::[^\s/@，。；]+)?@)?(?P<host>\[[0-9A-Fa-f:.%\w]+\]|[A-Za-z0-9.\-_]+)"
                    + _URL_TAIL)
INTRANET_SUFFIX = regex.compile(r"\.(?:local|lan|intra|intranet|internal|corp|home\.arpa|localdomain)$",
                                regex.IGNORECASE)
HOST = regex.compile(r"(?<![A-Za-z0-9.\-@])(?P<host>(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62})\.)+"
                     r"(?:local|lan|intra|intranet|internal|corp|home\.arpa|localdomain))(?![A-Za-z0-9\-])"
                     + _URL_TAIL, regex.IGNORECASE)
# 版本号 10.2.3.4 / V10.2.3.4 / 第10.1.2.3条 are not addresses.
NOT_ADDRESS_BEFORE = regex.compile(r"(?:版本号?|(?<![A-Za-z])(?:version|ver|v)|第|§|条款?|编号|序号)[\s:：]*$", regex.IGNORECASE)
NOT_ADDRESS_AFTER = regex.compile(r"^\s*(?:版|条|款|节|章|项)")
# 内网地址：oa.example.gov.cn — a public-looking name said to be on the intranet.
INTRANET_LABEL = regex.compile(r"(?:内网|内部网|局域网|政务内网|政务外网|专网|内网地址|内网访问)[^。\n]{0,12}?[:：为]?\s*"
                               r"(?P<value>(?:https?://)?[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+" + _URL_TAIL + ")",
                               regex.IGNORECASE)

# http://index.html, http://report.docx: a file name typed after a scheme, not a host.
FILE_EXTENSIONS = frozenset({"htm", "html", "shtml", "jsp", "php", "asp", "aspx", "do", "action", "doc", "docx",
                             "xls", "xlsx", "ppt", "pptx", "pdf", "txt", "wps", "ofd", "rar", "7z", "jpg",
                             "jpeg", "png", "gif", "mp4", "exe", "apk"})
CGNAT = ipaddress.ip_network("100.64.0.0/10")
PRIVATE_V4 = [ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")]
PRIVATE_V6 = [ipaddress.ip_network(n) for n in ("fc00::/7", "fe80::/10")]


class InternalNetworkDetector:
    """Private-range addresses (with port, prefix and path), intranet URLs and host names."""

    name = "internal_network"
    scope: Literal["text", "document"] = "text"

    def __init__(self) -> None:
        # The public-suffix snapshot bundled with tldextract (ICANN section: every IANA root-zone TLD), read
        # offline: no list URL, no cache. It is refreshed by upgrading the tldextract package.
        self.suffixes = tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True,
                                              include_psl_private_domains=False)

    def detect(self, doc: Document, view: NormalizedText) -> list[Finding]:
        text = view.text
        spans: dict[tuple[int, int], str] = {}
        for m in URL.finditer(text):
            kind = self._host_kind(m.group("host").strip("[]"))
            if kind:
                spans[(m.start(), len(m.group(0).rstrip(".,;:")) + m.start())] = kind
        for m in IPV4.finditer(text):
            kind = _ipv4_kind(m.group("ip"))
            if kind and not _version_like(text, m.start(), m.end("ip")):
                spans.setdefault((m.start(), m.start() + len(m.group(0).rstrip(".,;:"))), kind)
        for m in IPV6.finditer(text):
            kind = _ipv6_kind(m.group("ip"))
            if kind:
                spans.setdefault((m.start("ip"), m.end()), kind)
        for m in HOST.finditer(text):
            spans.setdefault((m.start(), m.start() + len(m.group(0).rstrip(".,;:"))), "intranet_host")
        for m in INTRANET_LABEL.finditer(text):
            spans.setdefault((m.start("value"), m.start("value") + len(m.group("value").rstrip(".,;:"))),
                             "intranet_label")
        return [self._finding(doc, view, a, b, kind) for (a, b), kind in _disjoint(spans)]

    def _host_kind(self, host: str) -> str | None:
        """Why a URL's host is internal: a private address, an intranet suffix, a bare single-label name,
        or a last label that is no public top-level domain (http://oa.bs.yx, http://portal.corp:8080)."""
        if regex.fullmatch(r"[\d.]+", host):
            return _ipv4_kind(host)
        if ":" in host:
            return _ipv6_kind(host)
        if INTRANET_SUFFIX.search(host):
            return "intranet_host"
        if "." not in host:
            return "intranet_url" if host.lower() != "localhost" else None
        name = host.lower().strip(".")
        last = name.rsplit(".", 1)[-1]
        if last.isalpha() and last not in FILE_EXTENSIONS and not self.suffixes(name).suffix:
            return "unknown_tld"
        return None

    def _finding(self, doc: Document, view: NormalizedText, a: int, b: int, kind: str) -> Finding:
        cgnat = kind == "cgnat"
        return finding_from_view(
            doc, view, a, b, category=Category.INTERNAL_NETWORK, detector=self.name,
            score=0.7 if cgnat else 0.9, severity=Severity.MEDIUM if cgnat else Severity.HIGH, rules=["S3"],
            action=Action.REDACT, explanation=_EXPLAIN[kind], evidence={"pattern": kind},
        )


_EXPLAIN = {
    "private_ipv4": "内网（私有地址段）IP 地址，暴露内部网络结构，公开版本应删除",
    "private_ipv6": "内网 IPv6 地址（fc00::/7 或 fe80::/10），公开版本应删除",
    "cgnat": "100.64.0.0/10 共享地址段，多为运营商或政务专网内部地址，请核实后删除",
    "intranet_host": "内网主机名（.local/.lan/.intra 等），暴露内部网络结构",
    "intranet_url": "内网系统访问地址（主机名不含公网域名），暴露内部网络结构",
    "unknown_tld": "网址主机名的顶级域不是公网顶级域（不在 IANA 根区名单中），属内网主机名，暴露内部网络结构",
    "intranet_label": "标明为内网/专网的访问地址，公开版本应删除",
}


def _ipv4_kind(ip: str) -> str | None:
    try:
        addr = ipaddress.IPv4Address(ip.replace("．", "."))
    except ValueError:
        return None
    if any(addr in n for n in PRIVATE_V4):
        return "private_ipv4"
    return "cgnat" if addr in CGNAT else None


def _ipv6_kind(ip: str) -> str | None:
    try:
        addr = ipaddress.IPv6Address(ip.split("%", 1)[0])
    except ValueError:
        return None
    return "private_ipv6" if any(addr in n for n in PRIVATE_V6) else None


def _version_like(text: str, start: int, end: int) -> bool:
    return bool(NOT_ADDRESS_BEFORE.search(text, max(0, start - 8), start)) or \
        bool(NOT_ADDRESS_AFTER.match(text[end:end + 3]))


def _disjoint(spans: dict[tuple[int, int], str]) -> list[tuple[tuple[int, int], str]]:
    kept: list[tuple[tuple[int, int], str]] = []
    for span, kind in sorted(spans.items(), key=lambda kv: (kv[0][0], -(kv[0][1] - kv[0][0]))):
        if kept and span[0] < kept[-1][0][1]:
            continue
        kept.append((span, kind))
    return kept
