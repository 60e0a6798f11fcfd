"""What `mishen serve` and `mishen users add` do (the typer commands in mishen/cli.py are thin)."""
from __future__ import annotations

import logging
import os
import socket
from copy import deepcopy

from mishen.review.config import ServiceSettings
from mishen.review.store import Store
from mishen.review.views import Role, User

log = logging.getLogger(__name__)

PASSWORD_ENV = "MISHEN_NEW_USER_PASSWORD"
MAX_DEFAULT_WORKERS = 4


def default_workers() -> int:
    """One review process per CPU core this process may run on, at most four."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(1, min(MAX_DEFAULT_WORKERS, cores))


def run_server(host: str, port: int, workers: int = 1) -> None:
    """One process: with ``workers == 1`` the engine in it; with more, it hands every review to ``workers`` review
    processes (mishen.review.processes), whichever is free, so concurrent clients share all of them."""
    import uvicorn

    from mishen.review.app import create_app

    settings = ServiceSettings()
    app = create_app(settings, review_processes=workers if workers > 1 else 0)
    config = uvicorn.Config(app, host=host, port=port, log_level="info", log_config=_log_config_with_pid())
    try:
        uvicorn.Server(config).run(sockets=[listening_socket(config)])
    except KeyboardInterrupt:
        pass


def listening_socket(config) -> socket.socket:
    """uvicorn's bound socket, marked IPPROTO_TCP. uvicorn binds it with proto 0; accepted connections inherit
    that, and asyncio then leaves Nagle's algorithm on, so every keep-alive request after the first waits ~40 ms
    for the client's delayed ACK (uvicorn issue #3149; measured here: 44 ms for /openapi.json)."""
    sock = config.bind_socket()
    if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.proto != socket.IPPROTO_TCP:
        sock = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
    return sock


def _log_config_with_pid() -> dict:
    """uvicorn's logging, with the process id in every line."""
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
