"""Fixtures of the review tests: a store on each backend, reports made from text, users."""
from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mishen.review.app import create_app
from mishen.review.config import ServiceSettings
from mishen.review.security import Hasher
from mishen.review.store import Store
from mishen.review.views import Role, User
from models import (
    Action, Attribute, Category, Decision, Finding, HiddenKind, HiddenPartInfo, Opinion, Report, ReportDocument,
    Script, Severity, Suggestion,
)

PG_CONNINFO = os.environ.get("MISHEN_TEST_POSTGRES", "host=127.0.0.1 port=5432 dbname=test")
PASSWORD = "correct-horse-1"
API_TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {API_TOKEN}"}
CLEAN = "关于做好防汛工作的通知\n各镇人民政府：\n请认真做好防汛工作，确保安全度汛。\n县水利局\n2020年9月15日\n（此件公开发布）"


def api_settings(tmp_path: Path, **extra) -> ServiceSettings:
    """Settings of an in-process service for the API tests: its own SQLite file, the test token."""
    return ServiceSettings(**({"database_url": f"sqlite:///{tmp_path / 'api.db'}", "api_token": API_TOKEN,
                               "secret_key": "k" * 32, "gate_timeout_s": 20.0} | extra))


@contextmanager
def api_client(tmp_path: Path, reviewer) -> Iterator[TestClient]:
    """The service over ``reviewer`` with a migrated store, as a TestClient."""
    settings = api_settings(tmp_path)
    store = Store(settings.database_url, hasher=Hasher(light=True))
    store.migrate()
    try:
        with TestClient(create_app(settings, reviewer=reviewer, store=store)) as client:
            yield client
    finally:
        store.close()


def _pg_user() -> str | None:
    """The first of postgres / root the local server lets in, or None where no server answers."""
    try:
        import psycopg
    except ImportError:
        return None
    for user in ("postgres", "root"):
        try:
            with psycopg.connect(f"{PG_CONNINFO} user={user}", connect_timeout=3):
                return user
        except psycopg.Error:
            continue
    return None


@pytest.fixture(scope="session")
def pg_user() -> str | None:
    return _pg_user()


@pytest.fixture
def postgres_url(pg_user: str | None) -> Iterator[str]:
    """A fresh schema on the real PostgreSQL for one test, dropped afterwards."""
    if pg_user is None:
        pytest.skip(f"no PostgreSQL server answers at '{PG_CONNINFO}' (users postgres, root): PostgreSQL run skipped")
    import psycopg

    schema = "mishen_test_" + secrets.token_hex(6)
    conninfo = f"{PG_CONNINFO} user={pg_user}"
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    params = dict(part.split("=", 1) for part in PG_CONNINFO.split())
    url = (f"postgresql+psycopg://{pg_user}@{params.get('host', '127.0.0.1')}:{params.get('port', '5432')}/"
           f"{params.get('dbname', 'test')}?options=-csearch_path%3D{schema}")
    try:
        yield url
    finally:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'queue.db'}"


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request) -> str:
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    store = Store(store_url, hasher=Hasher(light=True))  # real argon2, cheap parameters
    store.migrate()
    yield store
    store.close()


@pytest.fixture
def users(store: Store) -> dict[str, User]:
    return {role.value: store.add_user(role.value + "1", role, PASSWORD) for role in Role} | {
        "reviewer2": store.add_user("reviewer2", Role.REVIEWER, PASSWORD)}


SpanSpec = tuple[str, Category]


def make_report(text: str, spans: list[SpanSpec] = (), decision: Decision = Decision.REVIEW,
                title: str | None = "关于开展专项检查的通知", doc_number: str | None = None,
                hidden: list[tuple[str, str, list[SpanSpec]]] = (), source: str = "draft.txt") -> Report:
    """A report of ``text`` whose findings point at the given substrings (first occurrence)."""
    findings = [_finding(text, needle, category, None) for needle, category in spans]
    parts = []
    for part_id, part_text, part_spans in hidden:
        parts.append(HiddenPartInfo(id=part_id, kind=HiddenKind.COMMENT, location="批注1", text=part_text))
        findings += [_finding(part_text, needle, category, part_id) for needle, category in part_spans]
    for i, f in enumerate(findings, 1):
        f.id = f"f{i}"
    doc = ReportDocument(source=source, sha256=hashlib.sha256(text.encode()).hexdigest(), format="txt", text=text,
                         is_official_document=True, title=title, doc_number=doc_number, script=Script.SIMPLIFIED)
    suggestion = Suggestion(attribute=Attribute.AFTER_REDACTION if findings else Attribute.PROACTIVE,
                            confidence=0.8, rules=["P2"], reasons=["含个人信息"], conflicts_with_declared=False,
                            opinion=Opinion.REFER)
    return Report(document=doc, hidden_parts=parts, findings=findings, suggestion=suggestion, decision=decision)


def _finding(text: str, needle: str, category: Category, part: str | None) -> Finding:
    start = text.index(needle)
    return Finding(category=category, start=start, end=start + len(needle), text=needle, score=0.9,
                   severity=Severity.HIGH, rules=["P2"], detector="test", explanation="测试用说明",
                   action=Action.REDACT, part=part)


@pytest.fixture
def report_of() -> Callable[..., Report]:
    return make_report
