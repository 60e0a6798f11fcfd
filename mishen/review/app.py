"""create_app(settings): the reviewer UI and the HTTP API on one store, with one Reviewer per app."""
from __future__ import annotations

import logging
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mishen.pipeline import Reviewer
from mishen.render import labels
from mishen.render.html import TEMPLATES as REPORT_TEMPLATES
from mishen.review import api, web, web_admin, web_auth, web_exports
from mishen.review.config import ServiceSettings
from mishen.review.gate import Engine, ReportCache
from mishen.review.processes import ReviewProcesses
from mishen.review.store import Store
from mishen.review.views import Role, Status

log = logging.getLogger(__name__)
TEMPLATES = Path(__file__).parent / "templates"
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cache-control": "no-store",
}
STATUS_LABELS = {Status.PENDING: "待审查", Status.IN_REVIEW: "审查中", Status.DONE: "已审结"}
ROLE_LABELS = {Role.DRAFTER: "起草人", Role.REVIEWER: "审查人", Role.ADMIN: "管理员"}
VERDICT_LABELS = {"accept": "确认", "reject": "排除"}


def create_app(settings: ServiceSettings | None = None, reviewer: Reviewer | None = None,
               store: Store | None = None, review_processes: int = 0) -> FastAPI:
    """The app; the Reviewer and the Store are built at start-up unless given (tests inject broken ones).
    ``review_processes`` > 0: reviews go to that many review processes (forked from one template) instead of a Reviewer here."""
    settings = settings or ServiceSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine_of_app = reviewer or (_start_processes(settings, review_processes) if review_processes > 0
                                     else _build_reviewer(settings))
        app.state.engine = Engine(engine_of_app, store or _open_store(settings), settings.gate_timeout_s,
                                  ReportCache.of(settings))
        try:
            yield
        finally:
            if store is None and app.state.engine.store is not None:
                app.state.engine.store.close()
            if isinstance(engine_of_app, ReviewProcesses):
                engine_of_app.close()

    app = FastAPI(title="密审 mishen", version="1", lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.templates = _templates()
    app.add_middleware(SessionMiddleware, secret_key=settings.secret_key or secrets.token_urlsafe(32),
                       session_cookie="mishen_session", max_age=settings.session_max_age_s, same_site="strict",
                       https_only=settings.https_only_cookies)
    app.add_middleware(SecurityHeaders)
    app.add_exception_handler(web_auth.LoginRequired, _to_login)
    app.add_exception_handler(web_auth.Forbidden, _forbidden)
    for module in (api, web_auth, web, web_admin, web_exports):
        app.include_router(module.router)
    return app


def _build_reviewer(settings: ServiceSettings) -> Reviewer | None:
    try:
        return Reviewer(settings)
    except Exception as exc:  # the gate then refuses every page
        log.error("could not build the reviewer: %s", type(exc).__name__)
        return None


def _start_processes(settings: ServiceSettings, count: int) -> ReviewProcesses | None:
    try:
        processes = ReviewProcesses(count, settings)
        processes.warm()
        return processes
    except Exception as exc:  # the gate then refuses every page
        log.error("could not start the review processes: %s", type(exc).__name__)
        return None


def _open_store(settings: ServiceSettings) -> Store | None:
    try:
        store = Store(settings.database_url)
        if settings.migrate_on_start:
            store.migrate()
        return store
    except Exception as exc:  # the gate then refuses every page; the UI says the database is down
        log.error("could not open the queue database: %s", type(exc).__name__)
        return None


def _templates() -> Environment:
    env = Environment(loader=ChoiceLoader([FileSystemLoader(TEMPLATES), FileSystemLoader(REPORT_TEMPLATES)]),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(category_label=labels.CATEGORY_LABELS, group_label=labels.GROUP_LABELS,
                       decision_label=labels.DECISION_LABELS, severity_label=labels.SEVERITY_LABELS,
                       action_label=labels.ACTION_LABELS, error_label=labels.ERROR_LABELS,
                       status_label=STATUS_LABELS, role_label=ROLE_LABELS, verdict_label=VERDICT_LABELS)
    return env


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every HTTP response that does not set them itself. Plain ASGI: Starlette's
    BaseHTTPMiddleware ran each request through an extra task and memory streams, a visible share of the gate
    server's time per request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _to_login(request: Request, exc: Exception) -> Response:
    return RedirectResponse("/login", status_code=303)


async def _forbidden(request: Request, exc: Exception) -> Response:
    message = exc.message if isinstance(exc, web_auth.Forbidden) else "禁止访问"
    html = request.app.state.templates.get_template("error.html").render(message=message)
    return HTMLResponse(html, status_code=403)
