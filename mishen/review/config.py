"""Settings of the service (MISHEN_* environment, like the rest of mishen)."""
from __future__ import annotations

from pydantic import Field

from mishen.settings import Settings


class ServiceSettings(Settings):
    secret_key: str | None = Field(
        None, description="signs session cookies; without it a random key is made at start (sessions end on restart)")
    gate_timeout_s: float = Field(30.0, description="time the gate allows one review before answering publish false")
    gate_cache_entries: int = Field(
        1000, ge=0, description="reports the gate keeps in memory per server process for re-submitted identical "
                                "pages (0: no cache)")
    gate_cache_chars: int = Field(
        20_000_000, ge=0, description="bound of the gate's report cache in characters of report text, per process")
    cache_windows: int = Field(
        32_768, ge=0, description="name-model windows whose tags the review processes keep (see Settings): an "
                                  "edited 5k page 12.5 -> 8.8 ms in the library")
    migrate_on_start: bool = Field(True, description="bring the database schema up to date at start")
    session_max_age_s: int = Field(8 * 3600, description="how long a login lasts")
    https_only_cookies: bool = Field(False, description="send the session cookie over HTTPS only")
