"""Prefect's environment for a batch run, set before Prefect is imported (it reads its settings at import).

Measured here: Prefect's temporary server takes 13–26 s to start on first use against a default start-up timeout
of 20 s, and its telemetry fails offline. So, unless the user set them already:
- PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS=120, DO_NOT_TRACK=1, PREFECT_SERVER_ANALYTICS_ENABLED=false;
- results are not persisted by default (tasks return ids and counts anyway);
- PREFECT_API_URL, when set, is respected: the flow runs against that long-lived server, no temporary one;
- the temporary server records task runs in batches of 100 (PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE;
  Prefect's default is 1, one SQLite transaction per task-run event): measured with 1,000 tasks spread over 40 s,
  the server used 30 s of CPU with the default and 12 s with batches of 100 — CPU the review processes need on a
  small machine. Task runs still all reach its database, at most a few seconds later (flush every 5 s and at exit);
- PREFECT_HOME: the user's, else Prefect's own default ~/.prefect (its temporary server keeps its SQLite database
  there, which makes the second and later runs start ~5 s faster than a fresh home); when that folder cannot be
  written, ``<out>/.prefect`` instead, so that `make demo` works on a fresh machine with nothing started by hand.
"""
from __future__ import annotations

import os
from collections.abc import MutableMapping
from pathlib import Path

DEFAULTS = {
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
}

# Settings of the temporary server only (a long-lived server has its own configuration).
TEMPORARY_SERVER = {
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "100",
}


def prefect_home(out_dir: Path, environ: MutableMapping[str, str]) -> Path:
    if environ.get("PREFECT_HOME"):
        return Path(environ["PREFECT_HOME"]).expanduser()
    default = Path("~/.prefect").expanduser()
    if _writable(default):
        return default
    return (out_dir / ".prefect").resolve()


def configure_prefect(out_dir: Path, environ: MutableMapping[str, str] | None = None,
                      quiet: bool = False) -> dict[str, str]:
    """Fill in what the user has not set; answers the values that were set here."""
    environ = os.environ if environ is None else environ
    wanted = dict(DEFAULTS)
    if quiet:
        wanted["PREFECT_LOGGING_LEVEL"] = "WARNING"
    if not environ.get("PREFECT_API_URL"):
        wanted["PREFECT_HOME"] = str(prefect_home(out_dir, environ))
        wanted.update(TEMPORARY_SERVER)
    applied = {k: v for k, v in wanted.items() if not environ.get(k)}
    environ.update(applied)
    return applied


def _writable(folder: Path) -> bool:
    probe = folder if folder.exists() else folder.parent
    return probe.is_dir() and os.access(probe, os.W_OK)
