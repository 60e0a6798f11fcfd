"""The template review process: imported only as the preload of the review processes' fork server, where it
builds the one Reviewer every review process is then forked from (copy-on-write).

Importing this module builds an engine (~2 s, ~230 MB): nothing but the fork server may import it. The settings
come from ``SETTINGS_ENV`` (JSON, secrets excluded), which ReviewProcesses sets before the fork server starts.

Measured (one 5k-page review load, 2 review processes): forked from a loaded template, each review process writes
≈ 22 MB of its own; the template and both processes hold ≈ 270 MB in all (proportional set size), where two
processes that each load their own engine hold ≈ 480 MB, and peak ≈ 340 MB each while their dictionaries build."""
from __future__ import annotations

import gc
import logging
import os

from mishen.pipeline import Reviewer
from mishen.review.config import ServiceSettings
from mishen.review.processes import SETTINGS_ENV

log = logging.getLogger(__name__)


def _build() -> Reviewer | None:
    try:
        settings = ServiceSettings.model_validate_json(os.environ.get(SETTINGS_ENV) or "{}")
        reviewer = Reviewer(settings)
    except Exception as exc:   # each review process then builds its own (and fails closed if it cannot)
        log.error("the template review process could not build its reviewer: %s", type(exc).__name__)
        return None
    gc.collect()
    gc.freeze()   # the collector never writes to these objects again: their pages stay shared after fork
    return reviewer


REVIEWER = _build()
