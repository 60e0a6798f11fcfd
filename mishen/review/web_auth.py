"""Sessions, CSRF and roles for the reviewer UI; login and logout."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from mishen.review.security import new_token, tokens_match
from mishen.review.store import Store
from mishen.review.views import Role, User

router = APIRouter(include_in_schema=False)


class LoginRequired(Exception):
    """No valid session: the app answers a redirect to the login page."""


class Forbidden(Exception):
    def __init__(self, message: str = "您没有权限执行此操作") -> None:
        super().__init__(message)
        self.message = message


def store_of(request: Request) -> Store:
    store = request.app.state.engine.store
    if store is None:
        raise Forbidden("审查数据库不可用，请联系管理员")
    return store


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = new_token()
    return token


async def checked_form(request: Request) -> FormData:
    """The submitted form, after its CSRF token has been checked against the session's."""
    form = await request.form()
    given = form.get("csrf")
    if not isinstance(given, str) or not tokens_match(request.session.get("csrf"), given):
        raise Forbidden("页面已过期或来源不明（CSRF 校验失败），请刷新后重试")
    return form


async def current_user(request: Request, *roles: Role) -> User:
    name = request.session.get("user")
    if not isinstance(name, str):
        raise LoginRequired()
    user = await run_in_threadpool(store_of(request).get_user, name)
    if user is None:
        request.session.clear()
        raise LoginRequired()
    if roles and user.role not in roles:
        raise Forbidden()
    return user


def flash(request: Request, message: str) -> None:
    request.session["flash"] = message


def render(request: Request, template: str, status_code: int = 200, **context) -> HTMLResponse:
    context.update(request=request, csrf=csrf_token(request), flash=request.session.pop("flash", None))
    html = request.app.state.templates.get_template(template).render(**context)
    return HTMLResponse(html, status_code=status_code)


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.get("/login")
async def login_page(request: Request) -> Response:
    return render(request, "login.html", user=None, error=None)


@router.post("/login")
async def login(request: Request) -> Response:
    form = await checked_form(request)
    name, password = form.get("name"), form.get("password")
    user = None
    if isinstance(name, str) and isinstance(password, str) and name and password:
        user = await run_in_threadpool(store_of(request).authenticate, name, password)
    if user is None:
        return render(request, "login.html", status_code=401, user=None, error="用户名或密码错误")
    request.session.clear()
    request.session.update(user=user.name, csrf=new_token())
    await run_in_threadpool(store_of(request).record_event, user.name, "login")
    return redirect("/")


@router.post("/logout")
async def logout(request: Request) -> Response:
    await checked_form(request)
    request.session.clear()
    return redirect("/login")
