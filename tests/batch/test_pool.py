"""The review pool: jobs reviewed in worker processes; a worker that dies fails its job alone, the pool recovers."""
from __future__ import annotations

import os
import signal
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from mishen.batch.plan import make_plan
from mishen.batch.pool import ReviewPool
from mishen.batch.results import Status
from mishen.batch.worker import BatchConfig, prepare_queue
from mishen.settings import Settings


def test_pool_reviews_and_survives_a_dead_worker(drafts: Path, tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'queue.db'}")
    prepare_queue(settings.database_url)
    config = BatchConfig.build(settings, tmp_path / "out", "v-test")
    first, second = make_plan([drafts], {}).jobs
    with ReviewPool(1, config) as pool:
        result = pool.review(first)
        assert result.status is Status.REVIEWED and result.item_id is not None
        for pid in list(pool._executor._processes):          # a reader crash takes the worker down
            os.kill(pid, signal.SIGKILL)
        with pytest.raises(BrokenProcessPool):
            pool.review(second)
        assert pool.review(second).source == second.source   # retried on a fresh worker
