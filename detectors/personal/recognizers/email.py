"""EMAIL (P6): addresses in ASCII only, so a Chinese word before them is never swallowed; no network."""
from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from detectors.personal import context
from detectors.personal.masks import mask_email
from detectors.personal.recognizers.base import PRIVATE, PUBLIC, UNKNOWN, ChineseRecognizer

PATTERN = regex.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9\-])")
PUBLIC_CONTEXT = ("投诉邮箱", "咨询邮箱", "监督邮箱", "举报邮箱", "联系邮箱", "报送邮箱", "投稿邮箱", "受理邮箱")
PERSONAL_DOMAINS = ("qq.com", "163.com", "126.com", "sina.com", "sina.cn", "sohu.com", "foxmail.com",
                    "gmail.com", "hotmail.com", "outlook.com", "yeah.net", "139.com", "189.cn", "aliyun.com",
                    "icloud.com", "yahoo.com")


class EmailRecognizer(ChineseRecognizer):
    ENTITY = "EMAIL"
    DETECTOR = "email"

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        for m in PATTERN.finditer(text):
            address = m.group().rstrip(".")
            domain = address.rpartition("@")[2].lower()
            word = context.before(text, m.start(), PUBLIC_CONTEXT, 12)
            if word or domain.endswith((".gov.cn", ".org.cn", ".edu.cn")) or domain.endswith(".gov"):
                role = PUBLIC
            elif domain.endswith(PERSONAL_DOMAINS):
                role = PRIVATE
            else:
                role = UNKNOWN
            out.append(self.result(m.start(), m.start() + len(address), 0.9, role=role, pattern="电子邮箱地址",
                                   validation=f"域名 {domain}", context=word, replacement=mask_email(address)))
        return out
