"""The template worker: imported only as the preload of the fork server of mishen.forking, where it builds the one
Reviewer the workers are then forked from (copy-on-write).

Importing this module builds an engine (~2 s, ~230 MB): nothing but the fork server may import it. The settings
come from ``mishen.forking.SETTINGS_ENV`` (JSON, secrets excluded).

Measured (5k-page reviews, 2 workers): forked from a loaded template, each worker writes ≈ 22 MB of its own; the
template and both workers hold ≈ 270 MB in all (proportional set size), where two workers that each load their
own engine hold ≈ 480 MB, and peak at ≈ 340 MB each while their dictionaries build."""
from __future__ import annotations

import gc
import logging
import os

from mishen.forking import SETTINGS_ENV
from mishen.pipeline import Reviewer
from mishen.settings import Settings

log = logging.getLogger(__name__)
SETTINGS_JSON = os.environ.get(SETTINGS_ENV, "")


def _build() -> Reviewer | None:
    try:
        reviewer = Reviewer(Settings.model_validate_json(SETTINGS_JSON or "{}"))
    except Exception as exc:   # each worker then builds its own (and fails closed if it cannot)
        log.error("the template worker could not build its reviewer: %s", type(exc).__name__)
        return None
    gc.collect()
    gc.freeze()   # the collector never writes to these objects again: their pages stay shared after fork
    return reviewer


REVIEWER = _build()
