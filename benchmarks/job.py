"""Time the main job (`python -m analysis run`) by stage: parent pre-parse and model load,
each notebook's kernel start-up and cells, HTML export.

    python -m benchmarks.job --out /tmp/report [--corpus PATH] [--cold]

It runs `analysis.report.run_report` with timers wrapped around its steps (nothing is changed
on disk but the report folder). `--cold` empties the parse cache first (a temporary one).
Cell times come from papermill's own metadata of each executed notebook; the rest of a
notebook's execution time is kernel start-up, papermill's bookkeeping and shutdown.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time

import nbformat

from analysis import nlp, report


class JobTimer:
    """Wraps `report.execute`, `report.export_html` and `nlp.load_model` with timers."""

    def __init__(self) -> None:
        self.stages: dict[str, float] = {}
        self.notebooks: list[dict] = []
        self.real = (report.execute, report.export_html, nlp.load_model)
        report.execute, report.export_html, nlp.load_model = (
            self.execute,
            self.export_html,
            self.load_model,
        )

    def add(self, stage: str, seconds: float) -> None:
        self.stages[stage] = self.stages.get(stage, 0.0) + seconds

    def execute(self, notebook, build, parameters):
        started = time.perf_counter()
        target = self.real[0](notebook, build, parameters)
        elapsed = time.perf_counter() - started
        nb = nbformat.read(target, as_version=4)
        cells = [
            (cell.source.split("\n")[0][:70], cell.metadata.get("papermill", {}).get("duration"))
            for cell in nb.cells
            if cell.cell_type == "code"
        ]
        in_cells = sum(seconds or 0.0 for _, seconds in cells)
        self.add("notebook kernels: start-up, papermill, shutdown", elapsed - in_cells)
        self.add("notebook cells (imports, analyses, figures, tables)", in_cells)
        self.notebooks.append(
            {
                "notebook": notebook.name,
                "execute_s": round(elapsed, 2),
                "cells": [(src, round(s, 2)) for src, s in cells if s and s >= 0.05],
            }
        )
        return target

    def export_html(self, nb, target, show_code):
        started = time.perf_counter()
        self.real[1](nb, target, show_code)
        self.add("HTML export (nbconvert)", time.perf_counter() - started)

    def load_model(self, model=None):
        started = time.perf_counter()
        loaded = self.real[2](model)
        self.add("model load (parent, before the notebooks)", time.perf_counter() - started)
        return loaded


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.job")
    parser.add_argument("--out", required=True)
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--cold", action="store_true", help="start from an empty parse cache")
    args = parser.parse_args(argv)
    if args.cold:
        os.environ["ANALYSIS_CACHE_DIR"] = tempfile.mkdtemp(prefix="analysis-job-cache-")
    timer = JobTimer()
    started = time.perf_counter()
    failed = None
    try:
        report.run_report(corpus=args.corpus, out=args.out)
    except report.NotebookFailed as err:
        failed = str(err)
    total = time.perf_counter() - started
    known = sum(timer.stages.values())
    timer.add("other (corpus load, parse, checks, report swap)", total - known)
    result = {
        "total_s": round(total, 2),
        "failed": failed,
        "stages_s": {name: round(seconds, 2) for name, seconds in timer.stages.items()},
        "notebooks": timer.notebooks,
    }
    json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
    print()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
