"""Workers forked from a template that built the Reviewer once (mishen.forking, mishen.template)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mishen.forking import SETTINGS_ENV, template_context, template_reviewer
from mishen.settings import Settings

ROOT = Path(__file__).resolve().parent.parent

# In a fresh interpreter: a pool's workers must be using the template's Reviewer (shared), not one of their own.
PROBE = """
import sys
from concurrent.futures import ProcessPoolExecutor
from mishen.forking import start_worker, template_context, template_reviewer
from mishen.settings import Settings

def probe(settings_json):
    start_worker()
    import os
    return template_reviewer(settings_json) is not None, template_reviewer("{}") is None, os.getppid()

if __name__ == "__main__":
    settings_json = Settings(database_url=sys.argv[1]).model_dump_json()
    with ProcessPoolExecutor(2, mp_context=template_context(settings_json)) as pool:
        answers = [pool.submit(probe, settings_json).result() for _ in range(4)]
    print(all(a and b for a, b, _ in answers), len({p for _, _, p in answers}))
"""


def test_workers_use_the_template_reviewer_built_with_their_settings(tmp_path: Path) -> None:
    script = tmp_path / "probe.py"
    script.write_text(PROBE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != SETTINGS_ENV}
    env["PYTHONPATH"] = str(ROOT)
    out = subprocess.run([sys.executable, str(script), f"sqlite:///{tmp_path / 'q.db'}"], capture_output=True,
                         text=True, timeout=300, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    shared, parents = out.stdout.split()
    assert shared == "True"       # every worker found the template's Reviewer for its settings, none for others
    assert parents == "1"         # all forked by the one fork server


def test_the_template_settings_are_not_left_for_programs_started_later() -> None:
    template_context(Settings().model_dump_json())
    assert SETTINGS_ENV not in os.environ


def test_no_template_reviewer_outside_a_forked_worker() -> None:
    assert template_reviewer(Settings().model_dump_json()) is None   # this process never imports the template
