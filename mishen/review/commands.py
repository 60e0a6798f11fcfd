"""What `mishen serve` and `mishen users add` do (the typer commands in mishen/cli.py are thin)."""
from __future__ import annotations

import ctypes
import logging
import os
import secrets
import signal
import socket
import sys
from copy import deepcopy
from typing import TYPE_CHECKING

from mishen.review.config import ServiceSettings
from mishen.review.store import Store
from mishen.review.views import Role, User

if TYPE_CHECKING:
    from fastapi import FastAPI

log = logging.getLogger(__name__)

PASSWORD_ENV = "MISHEN_NEW_USER_PASSWORD"
PARENT_ENV = "MISHEN_SERVE_PARENT_PID"   # set by `mishen serve --workers N` for its workers, nothing else
MAX_DEFAULT_WORKERS = 4
PR_SET_PDEATHSIG = 1


def default_workers() -> int:
    """One worker process per CPU core this process may run on, at most four."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(1, min(MAX_DEFAULT_WORKERS, cores))


def run_server(host: str, port: int, workers: int = 1) -> None:
    """One process (``workers == 1``, the engine in this process) or a uvicorn supervisor with ``workers`` worker
    processes, each loading the engine once at start-up and listening on a socket of its own (SO_REUSEPORT)."""
    import uvicorn

    if workers <= 1:
        from mishen.review.app import create_app

        uvicorn.run(create_app(ServiceSettings()), host=host, port=port, log_level="info")
        return
    prepare_workers(ServiceSettings())
    config = uvicorn.Config("mishen.review.commands:worker_app", factory=True, host=host, port=port, workers=workers,
                            log_level="info", log_config=_log_config_with_pid())
    from mishen.review.supervisor import OwnSocketSupervisor, reuse_port_sockets

    try:  # what uvicorn.run does for workers > 1, with one TCP_NODELAY-keeping socket per worker
        OwnSocketSupervisor(config, reuse_port_sockets(config, workers)).run()
    except KeyboardInterrupt:
        pass



def prepare_workers(settings: ServiceSettings) -> None:
    """What every worker must share, put into the environment the workers inherit: one session secret (a login made
    on one worker is valid on the others), one model thread per process unless set, the schema migrated once here."""
    if not settings.secret_key:
        os.environ["MISHEN_SECRET_KEY"] = secrets.token_urlsafe(32)  # lives as long as this server; never logged
    if "model_threads" not in settings.model_fields_set:
        os.environ["MISHEN_MODEL_THREADS"] = "1"  # one process per core: two ONNX threads each would oversubscribe
    if settings.migrate_on_start and _migrate(settings.database_url):
        os.environ["MISHEN_MIGRATE_ON_START"] = "false"  # done once, here, before any worker starts
    os.environ[PARENT_ENV] = str(os.getpid())


def _migrate(url: str) -> bool:
    """Migrate once before the workers start; on failure the workers try themselves (and fail closed as today)."""
    try:
        store = Store(url)
    except Exception as exc:
        log.error("could not open the queue database: %s", type(exc).__name__)
        return False
    try:
        store.migrate()
        return True
    except Exception as exc:
        log.error("could not migrate the queue database: %s", type(exc).__name__)
        return False
    finally:
        store.close()


def worker_app() -> FastAPI:
    """The app of one worker process (uvicorn calls this factory in each worker). The worker dies with its parent:
    a supervisor killed with SIGKILL (or by the OOM killer) must not leave orphan workers holding the port, serving
    unsupervised. A normal stop (SIGTERM or Ctrl-C to the supervisor) still ends the workers gracefully."""
    from mishen.review.app import create_app

    _end_with_parent()
    return create_app(ServiceSettings())


def _end_with_parent() -> None:
    parent = os.environ.get(PARENT_ENV)
    if not parent or not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != int(parent):  # the parent died before prctl took effect
        os.kill(os.getpid(), signal.SIGKILL)


def _log_config_with_pid() -> dict:
    """uvicorn's logging, with the worker's process id in every line (which worker answered what)."""
    from uvicorn.config import LOGGING_CONFIG

    config = deepcopy(LOGGING_CONFIG)
    config["formatters"]["default"]["fmt"] = "%(levelprefix)s [%(process)d] %(message)s"
    config["formatters"]["access"]["fmt"] = \
        '%(levelprefix)s [%(process)d] %(client_addr)s - "%(request_line)s" %(status_code)s'
    return config


def password_from_env() -> str | None:
    return os.environ.get(PASSWORD_ENV) or None


def add_user(name: str, role: Role, password: str) -> User:
    store = Store(ServiceSettings().database_url)
    try:
        store.migrate()
        return store.add_user(name, role, password, actor="cli")
    finally:
        store.close()
