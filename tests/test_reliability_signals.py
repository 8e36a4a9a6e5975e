"""A main job stopped by Ctrl-C or SIGKILL while a notebook runs: one line and exit 130 for
Ctrl-C, and in both cases no worker or kernel process left waiting, no new report folder, and
the build folder gone (SIGKILL: removed by the next run). SIGTERM takes Ctrl-C's path (see
test_reliability_input.py for its exit code); it is left out here to keep the suite fast."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from analysis.report import remove_stale_builds
from tests.conftest import PROJECT_DIR

MAIN = """
import sys
from pathlib import Path
import analysis.report as report
from analysis.cli import main
real = report.run_report
report.run_report = lambda **kw: real(notebook_dir=Path(sys.argv[1]), **kw)
sys.exit(main(sys.argv[2:]))
"""


def sleeping_notebook(folder: Path) -> Path:
    folder.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "Py"}
    nb.metadata["language_info"] = {"name": "python"}
    parameters = nbformat.v4.new_code_cell('out = "."')
    parameters.metadata["tags"] = ["parameters"]
    nb.cells = [
        parameters,
        nbformat.v4.new_code_cell(
            "import os, time\n"
            "open(os.environ['PIDFILE'] + '.tmp', 'w').write(f'{os.getpid()} {os.getppid()}')\n"
            "os.rename(os.environ['PIDFILE'] + '.tmp', os.environ['PIDFILE'])\n"
            "time.sleep(300)"
        ),
    ]
    nbformat.write(nb, folder / "00_sleep.ipynb")
    return folder


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its exit status is left


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
@pytest.mark.parametrize(
    ("signum", "code", "line"),
    [
        (signal.SIGINT, 130, "error: interrupted; the report folder {out} was left as it was "
         "before the run\n"),
        (signal.SIGKILL, -9, ""),
    ],
)
def test_stopped_run_leaves_no_process_and_no_folder(tmp_path, signum, code, line):
    notebooks = sleeping_notebook(tmp_path / "notebooks")
    corpus = tmp_path / "corpus.txt"
    corpus.write_text("Date: 2022-06-25\nLe maire a parlé samedi.", encoding="utf-8")
    out, pidfile = tmp_path / "rep", tmp_path / "pids"
    env = {**os.environ, "PIDFILE": str(pidfile), "MPLBACKEND": "agg"}
    main = subprocess.Popen(
        [sys.executable, "-c", MAIN, str(notebooks), "run", "--corpus", str(corpus),
         "--out", str(out), "--jobs", "1"],
        cwd=PROJECT_DIR, env=env, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not pidfile.exists():
            assert main.poll() is None, main.stderr.read()
            assert time.monotonic() < deadline, "the notebook never started"
            time.sleep(0.2)
        kernel, worker = map(int, pidfile.read_text().split())
        assert alive(kernel) and alive(worker)
        main.send_signal(signum)
        assert main.wait(60) == code
        stderr = main.stderr.read()
        assert stderr.endswith(line.format(out=out)) and "Traceback" not in stderr
        deadline = time.monotonic() + 30
        while (alive(kernel) or alive(worker)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not alive(worker), "a notebook worker was left running"
        assert not alive(kernel), "a kernel was left running"
    finally:
        if main.poll() is None:
            os.killpg(main.pid, signal.SIGKILL)
    assert not out.exists()
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".rep."))
    if signum == signal.SIGKILL:
        assert len(left) == 1 and left[0].startswith(".rep.build-")
        remove_stale_builds(out)  # what the next run does first
        left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".rep."))
    assert left == []
