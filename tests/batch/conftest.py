"""Fixtures of the batch tests: document results made by hand, drafts written as real files."""
from __future__ import annotations

from pathlib import Path

import pytest

from mishen.batch.results import DocResult, Status
from models import Decision

MARKER = "张伟明"   # a name that must never leave the reports (ledger, summaries, Prefect)
DRAFT = ("关于做好2024年防汛工作的通知\n各乡镇人民政府：\n现将有关事项通知如下。联系人：" + MARKER
         + "，电话13812345678，身份证号110101199003071234。\n\n某某县人民政府办公室\n2024年3月1日\n（此件公开发布）\n")
PLAIN = "关于开展植树活动的通知\n各单位：\n请于3月12日组织植树。\n\n某某县林业局\n2024年3月1日\n（此件公开发布）\n"


def row(source: str, decision: Decision = Decision.PASS, **fields) -> DocResult:
    base = {"source": source, "sha256": source.encode().hex(), "detector_version": "v1",
            "status": Status.REVIEWED, "decision": decision, "report": f"{source}.report.html"}
    return DocResult(**{**base, **fields})


@pytest.fixture()
def drafts(tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(DRAFT, encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(PLAIN, encoding="utf-8")
    (folder / "notes.py").write_text("print('not a draft')", encoding="utf-8")
    return folder
