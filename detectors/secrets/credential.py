"""CREDENTIAL: passwords, keys, tokens, private keys, connection strings — rule S3.

Wraps detect-secrets' plugins (run line by line through their pure ``analyze_string``, so no plugin can
reach the network to verify a secret) and adds the label patterns of Chinese documents (密码：…, 账号/密码).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

import regex
from detect_secrets.plugins.artifactory import ArtifactoryDetector
from detect_secrets.plugins.aws import AWSKeyDetector
from detect_secrets.plugins.azure_storage_key import AzureStorageKeyDetector
from detect_secrets.plugins.base import BasePlugin
from detect_secrets.plugins.basic_auth import BasicAuthDetector
from detect_secrets.plugins.discord import DiscordBotTokenDetector
from detect_secrets.plugins.github_token import GitHubTokenDetector
from detect_secrets.plugins.gitlab_token import GitLabTokenDetector
from detect_secrets.plugins.high_entropy_strings import (
    Base64HighEntropyString, HexHighEntropyString, HighEntropyStringsPlugin,
)
from detect_secrets.plugins.jwt import JwtTokenDetector
from detect_secrets.plugins.keyword import DENYLIST, KeywordDetector
from detect_secrets.plugins.mailchimp import MailchimpDetector
from detect_secrets.plugins.npm import NpmDetector
from detect_secrets.plugins.openai import OpenAIDetector
from detect_secrets.plugins.private_key import PrivateKeyDetector
from detect_secrets.plugins.pypi_token import PypiTokenDetector
from detect_secrets.plugins.sendgrid import SendGridDetector
from detect_secrets.plugins.slack import SlackDetector
from detect_secrets.plugins.stripe import StripeDetector
from detect_secrets.plugins.telegram_token import TelegramBotTokenDetector
from detect_secrets.plugins.twilio import TwilioKeyDetector

from detectors.base import finding_from_view
from detectors.secrets import credential_patterns as cp
from detectors.secrets._text import lines
from models import Action, Category, Document, Finding, NormalizedText, Severity

# A line worth giving to the plugins: a token-like run, a URL scheme, or a PEM header.
CANDIDATE = regex.compile(r"[A-Za-z0-9_\-+/=.]{8,}|://|BEGIN")
MIN_ENTROPY_LENGTH = 16
# Some plugin patterns end lazily (a JWT without its signature): a token runs on to its last token character.
TOKEN_TAIL = regex.compile(r"[A-Za-z0-9_\-+/=.]*(?<!\.)")

# Every pattern of detect-secrets' KeywordDetector contains one of its keywords (password, secret, api_key …).
KEYWORD = re.compile("|".join(DENYLIST), re.IGNORECASE)

Span = tuple[int, int, str, bool]  # view start, end, source, carries a secret value (not just a host)


class CredentialDetector:
    """Keys, tokens, passwords and connection strings; a label with no value (用户名： 密码：) is not one."""

    name = "credential"
    scope: Literal["text", "document"] = "text"

    def __init__(self, base64_limit: float = 4.5, hex_limit: float = 3.0) -> None:
        self.plugins: list[BasePlugin] = [
            AWSKeyDetector(), ArtifactoryDetector(), AzureStorageKeyDetector(), BasicAuthDetector(),
            DiscordBotTokenDetector(), GitHubTokenDetector(), GitLabTokenDetector(), JwtTokenDetector(),
            MailchimpDetector(), NpmDetector(), OpenAIDetector(), PrivateKeyDetector(), PypiTokenDetector(),
            SendGridDetector(), SlackDetector(), StripeDetector(), TelegramBotTokenDetector(),
            TwilioKeyDetector(), PrefilteredKeywordDetector(),
            Base64HighEntropyString(limit=base64_limit), HexHighEntropyString(limit=hex_limit),
        ]

    def detect(self, doc: Document, view: NormalizedText) -> list[Finding]:
        text = view.text
        spans = [*self._label_spans(text), *self._plugin_spans(text)]
        return [self._finding(doc, view, s) for s in _disjoint(spans)]

    def _label_spans(self, text: str) -> list[Span]:
        spans: list[Span] = []
        # PASSWORD's optional prefixes make it try at every character: a text without its label word is skipped
        for pattern, source, needed in ((cp.PAIR, "account_pair", None),
                                        (cp.PASSWORD, "password_label", cp.PASSWORD_WORD),
                                        (cp.KEY, "key_label", None)):
            if needed is not None and not needed.search(text):
                continue
            for m in pattern.finditer(text):
                value = cp.clean_value(m.group("value"))
                if cp.is_value(value) or source == "account_pair":
                    spans.append((m.start("value"), m.start("value") + len(value), source, True))
        for m in cp.ACCOUNT_SLASH.finditer(text):
            if cp.is_pair_secret(m.group("user"), m.group("secret")):
                value = cp.clean_value(m.group("value"))
                spans.append((m.start("value"), m.start("value") + len(value), "account_slash", True))
        for m in cp.CONNECTION.finditer(text):
            value = cp.clean_value(m.group("value"))
            spans.append((m.start("value"), m.start("value") + len(value), "connection_string",
                          cp.connection_has_password(value)))
        for m in cp.URL_WITH_PASSWORD.finditer(text):
            value = cp.clean_value(m.group("value"))
            spans.append((m.start("value"), m.start("value") + len(value), "url_with_password", True))
        return spans

    def _plugin_spans(self, text: str) -> list[Span]:
        spans: list[Span] = []
        for start, line in lines(text):
            if not CANDIDATE.search(line):
                continue
            for plugin in self.plugins:
                for value in _values(plugin, line):
                    at = line.find(value)
                    if at < 0 or not value:
                        continue
                    if isinstance(plugin, PrivateKeyDetector):
                        spans.append(_pem_span(text, start + at))
                    else:
                        end = TOKEN_TAIL.match(line, at + len(value)).end()
                        spans.append((start + at, start + end, type(plugin).__name__, True))
        return spans

    def _finding(self, doc: Document, view: NormalizedText, span: Span) -> Finding:
        a, b, source, secret = span
        return finding_from_view(
            doc, view, a, b, category=Category.CREDENTIAL, detector=self.name,
            score=0.95 if secret else 0.8, severity=Severity.CRITICAL if secret else Severity.HIGH,
            rules=["S3"], action=Action.BLOCK if secret else Action.REDACT,
            explanation=_EXPLAIN.get(source, "疑似密钥或访问令牌（detect-secrets 插件 " + source + "）"),
            evidence={"pattern": source, "has_secret_value": secret},
        )


_EXPLAIN = {
    "password_label": "“密码/口令”后给出了具体取值，属于账号口令类访问凭据，不得公开",
    "key_label": "“密钥/令牌/AppSecret”后给出了具体取值，属于访问凭据，不得公开",
    "account_pair": "账号与密码成对给出，属于访问凭据，不得公开",
    "account_slash": "账号后以“账号/密码”形式给出了口令，属于访问凭据，不得公开",
    "connection_string": "数据库或服务连接串，暴露内部系统地址及可能的登录凭据",
    "url_with_password": "网址中带有“用户名:密码@”，属于访问凭据",
    "private_key": "私钥（PEM 格式），属于访问凭据，不得公开",
}


class PrefilteredKeywordDetector(KeywordDetector):
    """detect-secrets' KeywordDetector, not run on a line that names none of its keywords: its dozen patterns,
    tried at every position of a long line, cost 2.6 ms on one 250-character paragraph with a phone number in it,
    and each of them requires a keyword, so skipping such a line changes no result."""

    def analyze_string(self, string: str, denylist_regex_to_group: dict | None = None) -> Iterator[str]:
        if KEYWORD.search(string):
            yield from super().analyze_string(string, denylist_regex_to_group)


def _values(plugin: BasePlugin, line: str) -> list[str]:
    """The secret values a plugin sees in a line; high-entropy strings filtered by the plugin's own limit."""
    found = [v for v in plugin.analyze_string(line) if isinstance(v, str)]
    if isinstance(plugin, HighEntropyStringsPlugin):
        found = [v for v in found if len(v) >= MIN_ENTROPY_LENGTH and not v.isdigit()
                 and plugin.calculate_shannon_entropy(v) > plugin.entropy_limit]
    return found


def _pem_span(text: str, near: int) -> Span:
    """The whole PEM block around a private-key header the plugin found."""
    begin = text.rfind("-----BEGIN", 0, near + len("BEGIN"))
    m = cp.PEM.match(text, begin) if begin >= 0 else None
    if m is None:
        end = text.find("\n", near)
        return near, len(text) if end < 0 else end, "private_key", True
    return m.start(), m.end(), "private_key", True


def _disjoint(spans: list[Span]) -> list[Span]:
    """Merge overlapping spans into the widest one (a password inside a connection string is one finding)."""
    merged: list[Span] = []
    for a, b, source, secret in sorted(spans, key=lambda s: (s[0], -s[1], "HighEntropy" in s[2])):
        if merged and a < merged[-1][1]:
            pa, pb, psource, psecret = merged[-1]
            merged[-1] = (pa, max(pb, b), psource, psecret or secret)
            continue
        merged.append((a, b, source, secret))
    return merged
