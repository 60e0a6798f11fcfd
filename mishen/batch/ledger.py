"""The batch ledger (台账): one JSON line per processed document in the output folder, no text.

It makes a batch resumable: a document whose content hash was already reviewed with the same detector version,
and whose HTML report is still there, is not reviewed again. Only the flow's parent process appends to it, one
whole line per write, so an interrupted run loses at most the documents still in flight.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mishen.batch.results import DocResult, Status

log = logging.getLogger(__name__)
LEDGER_NAME = "review_ledger.jsonl"


class Ledger:
    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.path = out_dir / LEDGER_NAME

    def reviewed(self, version: str) -> dict[str, DocResult]:
        """Latest result per content hash reviewed with ``version`` whose report file still exists."""
        found: dict[str, DocResult] = {}
        if not self.path.exists():
            return found
        with self.path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = DocResult.model_validate_json(line)
                except ValueError:  # a line cut by a crash: ignore it, the document is reviewed again
                    log.warning("ledger line %d unreadable, ignored", number)
                    continue
                if row.status is Status.REVIEWED and row.sha256 and row.detector_version == version:
                    found[row.sha256] = row
        return {sha: row for sha, row in found.items()
                if row.report is None or (self.out_dir / row.report).exists()}

    def append(self, row: DocResult) -> None:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        line = row.model_dump_json() + "\n"
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(line)
