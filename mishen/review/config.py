"""Settings of the service (MISHEN_* environment, like the rest of mishen)."""
from __future__ import annotations

from pydantic import Field

from mishen.settings import Settings


class ServiceSettings(Settings):
    secret_key: str | None = Field(
        None, description="signs session cookies; without it a random key is made at start (sessions end on restart)")
    gate_timeout_s: float = Field(30.0, description="time the gate allows one review before answering publish false")
    session_max_age_s: int = Field(8 * 3600, description="how long a login lasts")
    https_only_cookies: bool = Field(False, description="send the session cookie over HTTPS only")
