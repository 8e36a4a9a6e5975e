"""Time the main job (`python -m analysis run`) by stage: the parent's pass (model load, parse,
analyses), each notebook's kernel start-up, imports and cells, the HTML export.

    python -m benchmarks.job --out /tmp/report [--corpus PATH] [--cold]

It runs `analysis.report.run_report` with timers wrapped around its steps (nothing is changed
on disk but the report folder). `--cold` empties the parse cache first (a temporary one).
Cell times come from papermill's own metadata of each executed notebook; the rest of a
notebook's execution time is kernel start-up, papermill's bookkeeping and shutdown.
"""

from __future__ import annotations

import time

START = time.perf_counter()  # before the imports, which are timed too

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

import nbformat  # noqa: E402

from analysis import nlp, report  # noqa: E402

from .child import Stages  # noqa: E402


class JobTimer:
    """Timers around the main job's steps, wrapped in place in `analysis.report`:

    - the parent's pass over the corpus (`analyze_corpus`: model load, parse, analyses, or the
      results cache), and the model load inside it;
    - the notebooks, run `jobs` at a time in worker processes (`execute_all`, wall time); each
      executed notebook is read before it is cleaned, and papermill's own metadata split its
      time into cells (the first code cell after the parameters is the imports) and the rest
      (kernel start-up, papermill, shutdown);
    - the HTML export (nbconvert).
    """

    def __init__(self) -> None:
        self.timers = Stages()
        self.stages = self.timers.seconds
        self.notebooks: list[dict] = []
        self.timers.wrap(report, "analyze_corpus",
                         "parent pass: parse and analyses (or results cache)")
        self.timers.wrap(report, "execute_all", "notebooks, wall (two at a time)")
        self.timers.wrap(report, "export_html", "HTML export (nbconvert)")
        self.timers.wrap(nlp, "load_model", "model load (parent, inside the pass)")
        real_clean = report.clean_notebook

        def clean(path, replacements):
            self.read(path)
            return real_clean(path, replacements)

        report.clean_notebook = clean

    def add(self, stage: str, seconds: float) -> None:
        self.stages[stage] = self.stages.get(stage, 0.0) + seconds

    def read(self, path) -> None:
        """Split one executed notebook's time from papermill's metadata."""
        nb = nbformat.read(path, as_version=4)
        total = nb.metadata.get("papermill", {}).get("duration") or 0.0
        code = [c for c in nb.cells if c.cell_type == "code"]
        seconds = [(c.source.split("\n")[0][:70], c.metadata.get("papermill", {}).get("duration")
                    or 0.0) for c in code]
        imports = seconds[2][1] if len(seconds) > 2 else 0.0  # parameters, injected, imports
        cells = sum(s for _, s in seconds)
        self.notebooks.append({
            "notebook": Path(path).name,
            "total_s": round(total, 2),
            "kernel_start_papermill_shutdown_s": round(total - cells, 2),
            "imports_and_corpus_load_s": round(imports, 2),
            "other_cells_s": round(cells - imports, 2),
            "slowest_cells": sorted(((src, round(s, 2)) for src, s in seconds if s >= 0.2),
                                    key=lambda item: -item[1])[:4],
        })


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.job")
    parser.add_argument("--out", required=True)
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--cold", action="store_true", help="start from an empty parse cache")
    parser.add_argument("--cache", default=None, help="cache folder (ANALYSIS_CACHE_DIR) to use")
    args = parser.parse_args(argv)
    if args.cache:
        os.environ["ANALYSIS_CACHE_DIR"] = args.cache
    elif args.cold:
        os.environ["ANALYSIS_CACHE_DIR"] = tempfile.mkdtemp(prefix="analysis-job-cache-")
    timer = JobTimer()
    started = time.perf_counter()
    timer.add("imports (the main job's process)", started - START)
    failed = None
    try:
        report.run_report(corpus=args.corpus, out=args.out)
    except report.NotebookFailed as err:
        failed = str(err)
    total = time.perf_counter() - started
    known = sum(timer.stages.values()) - timer.stages["imports (the main job's process)"]
    timer.add("other (corpus load, checks, report folder)", total - known
              + timer.stages.get("model load (parent, inside the pass)", 0.0))
    result = {
        "total_s": round(total, 2),
        "process_s": round(time.perf_counter() - START, 2),
        "failed": failed,
        "stages_s": {name: round(seconds, 2) for name, seconds in timer.stages.items()},
        "notebooks": timer.notebooks,
    }
    json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
    print()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
