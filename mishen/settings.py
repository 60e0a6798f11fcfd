"""One settings object for the whole application; every value can be set from the environment (MISHEN_*)."""
from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MISHEN_", env_file=".mishen.env", extra="ignore")

    # Input limits: a file past any of them is not read and is reported as an error (fail closed).
    max_file_bytes: int = Field(50 * 1024 * 1024, description="largest input file accepted, in bytes")
    max_pages: int = Field(2000, description="largest PDF accepted, in pages")
    max_unzipped_bytes: int = Field(
        200 * 1024 * 1024, description="largest total decompressed size of a .docx (zip bomb guard)")
    max_xml_part_bytes: int = Field(
        64 * 1024 * 1024, description="largest single decompressed XML part of a .docx")
    max_text_chars: int = Field(5_000_000, description="largest extracted text, in characters")
    min_chars_per_page: int = Field(
        10, description="a PDF page with fewer extracted characters counts as having no text layer")
    read_timeout_s: float = Field(120.0, description="time allowed to read one file")

    # Compute.
    model_threads: int = Field(
        1, ge=1, description="threads of the name model (ONNX) in one process; 2 threads gain ~1.3x on an idle "
                             "2-core machine and lose badly when the other core is busy (measured in bench/)")
    cache_chunks: int = Field(
        4096, ge=0, description="chunks of text whose personal-data results are kept in memory (by digest) so "
                                "a re-checked page only re-runs its changed paragraphs; 0 turns the cache off")
    cache_windows: int = Field(
        0, ge=0, description="windows of the name model (≈ 30–110 characters around name candidates) whose tags "
                             "are kept in memory by digest, so that an edited chunk re-runs the model only around "
                             "the edit; the service keeps 32,768 (mishen serve), batch runs none: across different "
                             "documents it would mostly measure how often templated text repeats")
    paragraph_chunks: bool = Field(
        False, description="cut the personal-data pass at nearly every paragraph, so a re-checked page re-runs only "
                           "the paragraph that changed; measured on the gate (5k pages, 2 review processes): a "
                           "re-checked page 13 ms instead of 18 at one client, a new page 44 ms instead of 31 — "
                           "worth it only for a site whose gate sees mostly edits of pages it has seen")

    # Where things live.
    database_url: str = Field(
        "sqlite:///mishen.db", description="queue database; postgresql+psycopg://… for PostgreSQL")
    api_token: str | None = Field(None, description="bearer token the CMS sends; without it the API refuses all")
    policy_file: Path | None = Field(None, description="policy YAML (category → rule → action → mask); default shipped")
    out_dir: Path = Field(Path("out"), description="where reports are written by default")
