"""Worker processes forked from a template that loaded the Reviewer once: the gate's review processes
(mishen.review.processes) and the batch's review pool (mishen.batch.pool).

multiprocessing's fork server is started with ``mishen.template`` as its preload; that module builds a Reviewer
from the settings in ``SETTINGS_ENV``, and every worker the fork server forks finds it already built and shares its
memory copy-on-write (measured: ≈ 22 MB of its own per worker after a hundred reviews, instead of ≈ 240 MB each
for workers that load their own, and no load time when a worker is started or replaced).

The fork server is one per process (multiprocessing's): the first caller's settings are the template's. A worker
whose settings differ builds its own Reviewer (``template_reviewer`` answers None), as a spawned worker did.
Workers end with the fork server (Linux PR_SET_PDEATHSIG), which ends when the process that started it does."""
from __future__ import annotations

import ctypes
import multiprocessing
import multiprocessing.context
import multiprocessing.forkserver
import os
import signal
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mishen.pipeline import Reviewer

SETTINGS_ENV = "MISHEN_TEMPLATE_SETTINGS"   # the template's settings (JSON, secrets excluded)
TEMPLATE = "mishen.template"
PR_SET_PDEATHSIG = 1


def template_context(settings_json: str) -> multiprocessing.context.BaseContext:
    """The multiprocessing context whose processes are forked from a template built with ``settings_json``;
    starts the fork server (and the template's build, a few seconds) unless it runs already."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([TEMPLATE])
    os.environ[SETTINGS_ENV] = settings_json   # read by the fork server only if this call starts it
    try:
        multiprocessing.forkserver.ensure_running()
    finally:
        del os.environ[SETTINGS_ENV]   # programs this process starts later must not inherit a template's settings
    return context


def template_reviewer(settings_json: str) -> Reviewer | None:
    """In a worker forked from the template: its Reviewer, if it was built with these settings."""
    template = sys.modules.get(TEMPLATE)
    if template is None or template.SETTINGS_JSON != settings_json:
        return None
    return template.REVIEWER


def start_worker() -> None:
    """First thing in a forked worker: it ends with its parent, and does not keep the fork server alive."""
    _release_fork_server()
    _end_with_parent()


def _release_fork_server() -> None:
    """Close this process's copy of the fork server's "alive" pipe. multiprocessing hands every process the fork
    server starts the write end of the pipe whose closing tells the fork server that its starter died (so that a
    process could start processes of its own); while workers held it, the fork server outlived a killed server
    and, through PDEATHSIG, so did they (multiprocessing keeps it as a private attribute)."""
    server = getattr(multiprocessing.forkserver, "_forkserver", None)
    fd = getattr(server, "_forkserver_alive_fd", None)
    if fd is None:
        return
    try:
        os.close(fd)
    except OSError:
        pass
    server._forkserver_alive_fd = None


def _end_with_parent() -> None:
    """This process is killed when its parent (the fork server) dies, even by SIGKILL: no orphan workers."""
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if parent == 1 or os.getppid() != parent:  # the parent died before prctl took effect
        os.kill(os.getpid(), signal.SIGKILL)
