"""One Prefect test server for the module's flow runs (it takes ~20 s to start here)."""
from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("DO_NOT_TRACK", "1")                        # before Prefect is imported
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: starts worker processes or a Dask cluster (tens of seconds)")


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[None]:
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
