"""User administration (admins only)."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from mishen.review.views import Role, StoreError
from mishen.review.web_auth import checked_form, current_user, flash, redirect, render, store_of

router = APIRouter(include_in_schema=False)


@router.get("/admin/users")
async def users_page(request: Request) -> Response:
    user = await current_user(request, Role.ADMIN)
    users = await run_in_threadpool(store_of(request).list_users)
    return render(request, "users.html", user=user, users=users, roles=list(Role))


@router.post("/admin/users")
async def add_user(request: Request) -> Response:
    user = await current_user(request, Role.ADMIN)
    form = await checked_form(request)
    name, role, password = (str(form.get(k) or "") for k in ("name", "role", "password"))
    try:
        await run_in_threadpool(store_of(request).add_user, name, Role(role), password, user.name)
        flash(request, f"已添加用户 {name}")
    except StoreError as exc:
        flash(request, exc.message)
    except ValueError:
        flash(request, "角色无效")
    return redirect("/admin/users")
