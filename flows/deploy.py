"""Deployment entry point: serve review_batch from a long-lived process (`flow.serve()`).

    PREFECT_API_URL=http://127.0.0.1:4200/api MISHEN_DATABASE_URL=postgresql+psycopg://… \
    MISHEN_BATCH_WORKERS=2 python -m flows.deploy            # then: prefect deployment run 'mishen-review-batch/batch'

Settings come from the environment: MISHEN_BATCH_RUNNER (auto|threads|processes|prefect-processes|dask), MISHEN_BATCH_WORKERS,
MISHEN_DASK_ADDRESS (a Dask scheduler, needs mishen[dask]), MISHEN_BATCH_CRON (optional schedule), MISHEN_BATCH_INPUT
and MISHEN_BATCH_OUT (the default parameters of scheduled runs). See flows/README.md.
"""
from __future__ import annotations

import os
from pathlib import Path

from mishen.batch.prefect_env import configure_prefect

configure_prefect(Path(os.environ.get("MISHEN_BATCH_OUT", "out")))  # before Prefect is imported

from flows.batch import review_batch  # noqa: E402  (its task runner comes from MISHEN_BATCH_*)

DEPLOYMENT_NAME = "batch"


def default_parameters() -> dict[str, object]:
    return {"inputs": [os.environ.get("MISHEN_BATCH_INPUT", "inbox")],
            "out_dir": os.environ.get("MISHEN_BATCH_OUT", "out"), "force": False}


def deployment():
    """The deployment `main()` serves (built here so that it can be checked without serving)."""
    return review_batch.to_deployment(name=DEPLOYMENT_NAME, parameters=default_parameters(),
                                      cron=os.environ.get("MISHEN_BATCH_CRON") or None,
                                      description="密审：批量审查文件夹，结果进入审查队列并生成汇总报告")


def main() -> None:
    from prefect import serve

    serve(deployment())


if __name__ == "__main__":
    main()
