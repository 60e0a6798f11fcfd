"""Password hashes never hold the password and verify only the right one; CSRF token comparison."""
from __future__ import annotations

import pytest

from mishen.review.security import Hasher, tokens_match


@pytest.fixture(scope="module")
def default_hash() -> str:
    return Hasher().hash("correct-horse-1")


def test_default_cost_is_argon2id_standard(default_hash: str) -> None:
    assert default_hash.startswith("$argon2id$") and "m=65536" in default_hash
    assert Hasher().verify(default_hash, "correct-horse-1")


@pytest.mark.parametrize("light", [True, False])
@pytest.mark.parametrize(("given", "ok"), [("correct-horse-1", True), ("correct-horse-2", False), ("", False),
                                           ("Correct-horse-1", False)])
def test_scrypt_fallback_verifies_only_the_password(light: bool, given: str, ok: bool) -> None:
    hasher = Hasher(light=True)
    hasher.argon2 = None  # a machine without argon2-cffi
    stored = hasher.hash("correct-horse-1")
    assert stored.startswith("scrypt$") and "correct-horse" not in stored
    assert hasher.verify(stored, given) is ok
    assert Hasher(light=light).verify(stored, given) is ok  # scrypt hashes stay valid when argon2 is present


@pytest.mark.parametrize(("stored", "given"), [
    ("", "x"), ("plain-text-password", "plain-text-password"), ("scrypt$bad", "x"), ("$argon2id$garbage", "x")])
def test_malformed_hashes_never_verify(stored: str, given: str) -> None:
    assert Hasher(light=True).verify(stored, given) is False


@pytest.mark.parametrize(("expected", "given", "ok"), [
    ("abc", "abc", True), ("abc", "abd", False), ("abc", "", False), (None, None, False), ("", "", False),
    (None, "abc", False)])
def test_tokens_match(expected, given, ok) -> None:
    assert tokens_match(expected, given) is ok
