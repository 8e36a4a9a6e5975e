"""The main job as PID 1 (as `docker run image python -m analysis run` starts it): the notebook
workers must not take their parent for dead."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import PROJECT_DIR


def can_unshare() -> bool:
    if shutil.which("unshare") is None:
        return False
    done = subprocess.run(["unshare", "-pf", "--mount-proc", "true"], capture_output=True)
    return done.returncode == 0


@pytest.mark.skipif(not can_unshare(), reason="needs `unshare -pf` (root or user namespaces) "
                    "to start the main job as PID 1")
def test_main_job_runs_as_pid_one(tmp_path):
    out = tmp_path / "report"
    done = subprocess.run(
        ["unshare", "-pf", "--mount-proc", sys.executable, "-c",
         "import os, sys; assert os.getpid() == 1; from analysis.cli import main; "
         "sys.exit(main(sys.argv[1:]))",
         "run", "--corpus", str(PROJECT_DIR / "data" / "corpus"), "--out", str(out)],
        cwd=tmp_path, env={**os.environ, "MPLBACKEND": "agg"}, capture_output=True, text=True,
        timeout=600)
    assert done.returncode == 0, done.stderr[-1500:]
    assert sorted(p.name for p in out.glob("*.html")) == [
        "00_overview.html", "01_entity_frequency.html", "02_quoted_sentiment.html",
        "03_timeline.html"]
