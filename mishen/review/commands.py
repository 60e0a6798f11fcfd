"""What `mishen serve` and `mishen users add` do (the typer commands in mishen/cli.py are thin)."""
from __future__ import annotations

import os

from mishen.review.config import ServiceSettings
from mishen.review.store import Store
from mishen.review.views import Role, User

PASSWORD_ENV = "MISHEN_NEW_USER_PASSWORD"


def run_server(host: str, port: int) -> None:
    import uvicorn

    from mishen.review.app import create_app

    uvicorn.run(create_app(ServiceSettings()), host=host, port=port, log_level="info")


def password_from_env() -> str | None:
    return os.environ.get(PASSWORD_ENV) or None


def add_user(name: str, role: Role, password: str) -> User:
    store = Store(ServiceSettings().database_url)
    try:
        store.migrate()
        return store.add_user(name, role, password, actor="cli")
    finally:
        store.close()
