"""EMAIL (P6): addresses in ASCII only, so a Chinese word before them is never swallowed; no network."""
from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from detectors.personal import context
from models.masks import mask_email
from detectors.personal.recognizers.base import PRIVATE, PUBLIC, UNKNOWN, ChineseRecognizer

PATTERN = regex.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9\-])")
PUBLIC_CONTEXT = ("投诉邮箱", "咨询邮箱", "监督邮箱", "举报邮箱", "联系邮箱", "报送邮箱", "投稿邮箱", "受理邮箱")
# 县司法局法治股邮箱：…@163.com / 办公室电子邮箱: an agency's published mailbox, whatever the provider
AGENCY_MAILBOX = regex.compile(r"(?:局|委员会|委|办(?![理法事])|办公室|科室|政府|中心|科|股|站|派出所|司法所|大队|窗口|单位|部门|医院|"
                               r"学校)[^\n]{0,40}?(?:邮箱|电子邮件|电子信箱|[Ee]-?mail|发送至|报送至|发至|送至)")
PRIVATE_WORDS = ("申请人", "投诉人", "举报人", "当事人", "信访人", "本人", "个人", "家庭", "私人")
PERSONAL_DOMAINS = ("qq.com", "163.com", "126.com", "sina.com", "sina.cn", "sohu.com", "foxmail.com",
                    "gmail.com", "hotmail.com", "outlook.com", "yeah.net", "139.com", "189.cn", "aliyun.com",
                    "icloud.com", "yahoo.com")


def agency_mailbox(text: str, start: int) -> str | None:
    """'机关邮箱' when the line before ``start`` names an agency or office before 邮箱 (pure)."""
    head = text[context.line_bounds(text, start)[0]:start]
    m = AGENCY_MAILBOX.search(head)
    return "机关邮箱" if m and not any(w in head[m.start():] for w in PRIVATE_WORDS) else None


class EmailRecognizer(ChineseRecognizer):
    ENTITY = "EMAIL"
    DETECTOR = "email"

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        for m in PATTERN.finditer(text):
            address = m.group().rstrip(".")
            domain = address.rpartition("@")[2].lower()
            word = context.before(text, m.start(), PUBLIC_CONTEXT, 12) or agency_mailbox(text, m.start())
            if word or domain.endswith((".gov.cn", ".org.cn", ".edu.cn")) or domain.endswith(".gov"):
                role = PUBLIC
            elif domain.endswith(PERSONAL_DOMAINS):
                role = PRIVATE
            else:
                role = UNKNOWN
            out.append(self.result(m.start(), m.start() + len(address), 0.9, role=role, pattern="电子邮箱地址",
                                   validation=f"域名 {domain}", context=word, replacement=mask_email(address)))
        return out
