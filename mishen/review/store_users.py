"""Users of the reviewer UI: drafters, reviewers, admins. Passwords are stored hashed only."""
from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from mishen.review.security import Hasher
from mishen.review.tables import AuditRow, UserRow, utcnow
from mishen.review.views import Role, StoreError, User

NAME = re.compile(r"^[\w.@-]{1,64}$")
MIN_PASSWORD = 8


class UserStore:
    sessions: sessionmaker[Session]
    hasher: Hasher

    def add_user(self, name: str, role: Role, password: str, actor: str = "system") -> User:
        if not NAME.match(name):
            raise StoreError("BAD_NAME", "用户名只能包含字母、数字、下划线、点、@ 和 -，最长 64 个字符")
        if len(password) < MIN_PASSWORD:
            raise StoreError("WEAK_PASSWORD", f"密码至少 {MIN_PASSWORD} 个字符")
        role = Role(role)
        try:
            with self.sessions.begin() as session:
                row = UserRow(name=name, role=role.value, password_hash=self.hasher.hash(password), created_at=utcnow())
                session.add(row)
                session.flush()
                session.add(AuditRow(at=utcnow(), actor=actor, action="add_user", target=name,
                                     after={"name": name, "role": role.value}))
                return User(row.id, row.name, role)
        except IntegrityError:
            raise StoreError("EXISTS", "该用户名已存在") from None

    def set_password(self, name: str, password: str, actor: str) -> None:
        if len(password) < MIN_PASSWORD:
            raise StoreError("WEAK_PASSWORD", f"密码至少 {MIN_PASSWORD} 个字符")
        with self.sessions.begin() as session:
            row = session.scalar(select(UserRow).where(UserRow.name == name))
            if row is None:
                raise StoreError("NOT_FOUND", "没有这个用户")
            row.password_hash = self.hasher.hash(password)
            session.add(AuditRow(at=utcnow(), actor=actor, action="set_password", target=name))

    def get_user(self, name: str) -> User | None:
        with self.sessions() as session:
            row = session.scalar(select(UserRow).where(UserRow.name == name))
            return User(row.id, row.name, Role(row.role)) if row else None

    def authenticate(self, name: str, password: str) -> User | None:
        with self.sessions() as session:
            row = session.scalar(select(UserRow).where(UserRow.name == name))
        if row is None or not self.hasher.verify(row.password_hash, password):
            return None
        return User(row.id, row.name, Role(row.role))

    def list_users(self) -> list[User]:
        with self.sessions() as session:
            return [User(r.id, r.name, Role(r.role)) for r in session.scalars(select(UserRow).order_by(UserRow.name))]

    def user_count(self) -> int:
        with self.sessions() as session:
            return session.scalar(select(func.count()).select_from(UserRow)) or 0
