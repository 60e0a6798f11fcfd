"""Password hashing (argon2id, or scrypt where argon2-cffi is missing) and CSRF tokens."""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets


class Hasher:
    """Hashes and checks passwords. ``light`` lowers the cost (tests only); hashes carry their parameters."""

    def __init__(self, light: bool = False) -> None:
        self.scrypt = {"n": 2**10 if light else 2**14, "r": 8, "p": 1}
        try:
            from argon2 import PasswordHasher
        except ImportError:
            self.argon2 = None
        else:
            self.argon2 = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1) if light else PasswordHasher()

    def hash(self, password: str) -> str:
        if not password:
            raise ValueError("empty password")
        if self.argon2 is None:
            return self._scrypt(password, secrets.token_bytes(16), self.scrypt["n"])
        return self.argon2.hash(password)

    def verify(self, stored: str, password: str) -> bool:
        if stored.startswith("scrypt$"):
            return self._scrypt_verify(stored, password)
        if stored.startswith("$argon2") and self.argon2 is not None:
            from argon2.exceptions import Argon2Error, InvalidHashError

            try:
                return self.argon2.verify(stored, password)
            except (Argon2Error, InvalidHashError):
                return False
        return False

    def _scrypt(self, password: str, salt: bytes, n: int) -> str:
        digest = hashlib.scrypt(password.encode(), salt=salt, n=n, r=8, p=1)
        return f"scrypt${n}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"

    def _scrypt_verify(self, stored: str, password: str) -> bool:
        try:
            _, n, salt_b64, _digest = stored.split("$")
            expected = self._scrypt(password, base64.b64decode(salt_b64), int(n))
        except ValueError:
            return False
        return hmac.compare_digest(expected, stored)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def tokens_match(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(expected.encode(), given.encode())
