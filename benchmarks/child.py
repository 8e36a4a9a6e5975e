"""One measurement in a fresh process; prints one JSON object on stdout.

    python -m benchmarks.child raw CORPUS --n-process 1        # nlp.pipe alone (reference)
    python -m benchmarks.child analyze CORPUS --n-process 1    # load + parse + every analysis
    python -m benchmarks.child public CORPUS                   # the notebook user's public API

The parent (`benchmarks.run`) sets `ANALYSIS_CACHE_DIR` to choose a cold or a full cache.
Times are wall clock (`time.perf_counter`); importing the project's modules (pandas, spaCy,
and what the analysis modules import) is timed apart (`import_s`), the rest from reading the
corpus to the finished tables (`wall_s`); `process_s` is the whole process.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import sys
import time

START = time.perf_counter()


def peak_rss_mb() -> dict[str, float]:
    """Peak resident memory of this process and of its largest finished child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"rss_mb": round(own, 1), "rss_children_mb": round(children, 1)}


class Stages:
    """Wall time spent inside chosen functions (wrapped in place), by stage name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def wrap(self, owner, attr: str, stage: str) -> None:
        inner = getattr(owner, attr)

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - started
                self.seconds[stage] = self.seconds.get(stage, 0.0) + elapsed

        setattr(owner, attr, timed)


def digest(tables) -> str:
    """SHA-256 of the tables as CSV: equal digests mean equal results across runs."""
    hasher = hashlib.sha256()
    for name, table in tables.items():
        hasher.update(name.encode() + table.to_csv(index=False).encode())
    return hasher.hexdigest()[:16]


def run_raw(args) -> dict:
    import spacy.lang.fr  # noqa: F401  (imported before the timer, as in `run_analyze`)

    from analysis import nlp
    from analysis.corpus import load_corpus

    imported = time.perf_counter()
    texts = load_corpus(args.corpus)["text"].tolist()
    started = time.perf_counter()
    model = nlp.load_model(args.model)
    loaded = time.perf_counter()
    docs = model.pipe(texts, batch_size=args.batch_size, n_process=args.n_process)
    tokens = sum(len(doc) for doc in docs)
    done = time.perf_counter()
    return {
        "docs": len(texts),
        "tokens": tokens,
        "import_s": imported - START,
        "model_load_s": loaded - started,
        "pipe_s": done - loaded,
        "wall_s": done - started,
    }


def run_analyze(args) -> dict:
    import spacy.lang.fr  # noqa: F401  (imported before the timer, as in `run_raw`)

    import analysis.entities
    import analysis.quotes
    import analysis.timeline  # noqa: F401  (imports are timed apart, as `import_s`)
    from analysis import nlp, pipeline
    from analysis.corpus import load_corpus

    stages = Stages()
    stages.wrap(nlp, "load_model", "model load")
    stages.wrap(nlp, "write_cached", "Doc cache write")
    stages.wrap(nlp, "read_cached", "Doc cache read")
    stages.wrap(pipeline, "read_rows", "rows cache read")
    stages.wrap(pipeline, "write_rows", "rows cache write")
    stages.wrap(pipeline, "doc_rows", "analyses (entities, quotes, timeline)")
    stages.wrap(pipeline, "finish_tables", "tables")
    imported = time.perf_counter()
    profiler = None
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.002)
        profiler.start()
    started = time.perf_counter()
    corpus = load_corpus(args.corpus)
    loaded = time.perf_counter()
    tables = pipeline.analyze_corpus(
        corpus, args.model, n_process=args.n_process, batch_size=args.batch_size
    )
    done = time.perf_counter()
    if profiler is not None:
        profiler.stop()
        with open(args.profile, "w", encoding="utf-8") as out:
            out.write(profiler.output_text(unicode=True, color=False, show_all=False))
    seconds = {"corpus load": loaded - started, **stages.seconds}
    seconds["parse and the rest"] = (done - started) - sum(seconds.values())
    return {
        "docs": len(corpus),
        "rows": {name: len(table) for name, table in tables.items()},
        "digest": digest(tables),
        "import_s": imported - START,
        "wall_s": done - started,
        "stages_s": {name: round(value, 3) for name, value in seconds.items()},
    }


def run_public(args) -> dict:
    """What a researcher types in a notebook: `load_corpus`, `extract_entities`,
    `entity_frequency`, `extract_quotes`, `extract_timeline`, one after the other."""
    import spacy.lang.fr  # noqa: F401  (imported before the timer, as in `run_raw`)

    import analysis.entities
    import analysis.quotes
    import analysis.timeline  # noqa: F401  (imports are timed apart, as `import_s`)
    from analysis import (
        entity_frequency,
        extract_entities,
        extract_quotes,
        extract_timeline,
        load_corpus,
    )

    imported = time.perf_counter()
    corpus = load_corpus(args.corpus)
    entities = extract_entities(corpus, args.model)
    tables = {
        "entities": entities,
        "frequency": entity_frequency(entities),
        "quotes": extract_quotes(corpus, args.model),
        "timeline": extract_timeline(corpus, args.model),
    }
    done = time.perf_counter()
    return {
        "docs": len(corpus),
        "rows": {name: len(table) for name, table in tables.items()},
        "digest": digest({k: v for k, v in tables.items() if k != "frequency"}),
        "import_s": imported - START,
        "wall_s": done - imported,
        "stages_s": {},
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.child")
    parser.add_argument("mode", choices=["raw", "analyze", "public"])
    parser.add_argument("corpus")
    parser.add_argument("--model", default=None)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--profile", default=None, help="write a pyinstrument text profile here")
    args = parser.parse_args(argv)
    run = {"raw": run_raw, "analyze": run_analyze, "public": run_public}[args.mode]
    result = run(args)
    result.update(peak_rss_mb(), mode=args.mode, n_process=args.n_process)
    result["code"] = sys.modules["analysis"].__path__[0]
    result["process_s"] = time.perf_counter() - START
    json.dump(result, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
