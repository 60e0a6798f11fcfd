"""The served deployment: entry point, default parameters and schedule from the environment (no server needed)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = ("import json; from flows.deploy import deployment; d = deployment(); "
         "print(json.dumps({'name': d.name, 'flow': d.flow_name, 'entrypoint': d.entrypoint, "
         "'parameters': d.parameters, 'cron': [s.schedule.cron for s in d.schedules]}))")


def test_deployment_from_environment(tmp_path: Path) -> None:
    env = {**os.environ, "MISHEN_BATCH_INPUT": "/srv/inbox", "MISHEN_BATCH_OUT": str(tmp_path / "out"),
           "MISHEN_BATCH_CRON": "0 2 * * *", "PREFECT_HOME": str(tmp_path / "prefect"), "DO_NOT_TRACK": "1"}
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got == {"name": "batch", "flow": "mishen-review-batch", "entrypoint": "flows/batch.py:review_batch",
                   "parameters": {"inputs": ["/srv/inbox"], "out_dir": str(tmp_path / "out"), "force": False},
                   "cron": ["0 2 * * *"]}
