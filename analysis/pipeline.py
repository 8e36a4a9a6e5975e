"""One pass over the corpus for every analysis: parse (or read) each Doc once, keep only rows.

`analyze_corpus(corpus)` returns `{"entities": ..., "quotes": ..., "timeline": ...}`, the very
tables of `extract_entities`, `extract_quotes` and `extract_timeline` (same columns, types and
order; see those modules for the columns), but reads the corpus once instead of three times.

Streaming: Docs come one at a time from `corpus_docs`, and only their rows are kept; every
`CHUNK_DOCS` documents the rows are packed into small DataFrames, so memory grows with the
tables, not with the Docs or with Python dicts.

Results cache: the rows of one article depend only on its text, doc_id, publication date, the
model (all in the key) and the code and rules of the project (a fingerprint of `analysis/**/*.py`
except the figures
and `data/` except the corpus). They are stored beside the parse cache (`rows/` in
`ANALYSIS_CACHE_DIR`), so a re-run neither parses nor analyses an article it has seen: it
reads rows. Editing any rule file or module changes the fingerprint and recomputes.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import json
import multiprocessing
import sys
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd

from . import nlp, writer
from .errors import CorpusWarning
from .gc_policy import young_collections_only
from .paths import DATA_DIR, PACKAGE_DIR, cache_dir

ANALYSES = ("entities", "quotes", "timeline")
SKIPPED_COLUMNS = ["doc_id", "step", "error"]
"""Columns of `skipped_steps`: the article, the analysis step whose rows were left out, and
the error (type and message, one line)."""
CHUNK_DOCS = 256
"""Documents whose rows are packed into DataFrames at a time (bounds memory, not results)."""
CORPUS_FOLDERS = frozenset({"corpus", "wikinews"})
"""Folders of `data/` that hold bundled corpora, not rules: they never change the fingerprint."""
ROWS_FORMAT = 3
"""Version of the stored row format (JSON since 3); bump it to invalidate every cached row."""


# --- the analyses of one document -------------------------------------------------------------


def doc_rows(doc, record: dict) -> dict[str, list[dict]]:
    """The rows of every analysis for one parsed article (`record` is its corpus row).

    An unexpected error inside one step never aborts the corpus: that step's rows of this
    article are left out and a `skipped` row ({doc_id, step, error}) says so; quotes still run
    without entity names when the entity step failed.
    """
    from .entities import doc_entities
    from .quotes import doc_quotes
    from .timeline import doc_timeline

    doc_id = str(record["doc_id"])
    rows: dict[str, list[dict]] = {"skipped": []}

    def step(name: str, run) -> list[dict]:
        try:
            return run()
        except Exception as error:  # noqa: BLE001 - one article's bug must not sink the corpus
            message = " ".join(f"{type(error).__name__}: {error}".split())[:200]
            rows["skipped"].append({"doc_id": doc_id, "step": name, "error": message})
            return []

    rows["entities"] = step("entities", lambda: doc_entities(doc, doc_id))
    rows["quotes"] = step("quotes", lambda: doc_quotes(doc, doc_id, rows["entities"]))
    rows["timeline"] = step(
        "timeline", lambda: doc_timeline(doc, doc_id, record.get("published", pd.NaT)))
    return rows


# --- tables ----------------------------------------------------------------------------------


def raw_table(name: str, rows: list[dict]) -> pd.DataFrame:
    """Rows of one analysis as a DataFrame with its columns, before any corpus-wide step."""
    return pd.DataFrame(rows, columns=_columns(name))


def _columns(name: str) -> list[str]:
    from . import entities, quotes, timeline

    return {"entities": entities, "quotes": quotes, "timeline": timeline}[name].COLUMNS


def finish_tables(raw: dict[str, list[pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """Raw per-chunk tables → the final tables, exactly as the `extract_*` functions build them.

    Corpus-wide steps (entity names unified across articles, and quote speakers with them) run
    here, on all rows at once.
    """
    from .entities import corpus_names, entities_table
    from .quotes import quotes_table
    from .timeline import timeline_frame

    mentions = _concat("entities", raw["entities"])
    skipped = raw.get("skipped", [])
    return {
        "entities": entities_table(mentions),
        "quotes": quotes_table(_concat("quotes", raw["quotes"]), corpus_names(mentions)),
        "timeline": timeline_frame(_concat("timeline", raw["timeline"])),
        "skipped": (pd.concat(skipped, ignore_index=True) if skipped
                    else pd.DataFrame(columns=SKIPPED_COLUMNS)),
    }


def warn_skipped(skip: dict) -> None:
    """One warning line naming the article and the step whose rows were left out."""
    warnings.warn(
        f"article {skip['doc_id']}: the {skip['step']} step failed ({skip['error']}); its "
        f"{skip['step']} rows are left out, the rest of the corpus goes on",
        CorpusWarning, stacklevel=2)


def _concat(name: str, parts: list[pd.DataFrame]) -> pd.DataFrame:
    parts = [part for part in parts if not part.empty]
    if not parts:
        return raw_table(name, [])
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


# --- the results cache -----------------------------------------------------------------------


@functools.cache
def code_fingerprint() -> str:
    """SHA-256 over the project's code and rules: any edit there invalidates cached rows.

    Computed once per process, as the rules themselves are loaded once per process: rows are
    stored under the fingerprint of the code and rules that computed them.
    """
    digest = hashlib.sha256(f"rows-format-{ROWS_FORMAT}".encode())
    files = sorted(
        path for path in PACKAGE_DIR.rglob("*.py")
        if "figures" not in path.relative_to(PACKAGE_DIR).parts[:1]
    ) + sorted(
        path
        for path in DATA_DIR.rglob("*")
        if path.is_file() and path.relative_to(DATA_DIR).parts[0] not in CORPUS_FOLDERS
    )
    for path in files:
        digest.update(str(path.relative_to(PACKAGE_DIR.parent)).encode())
        digest.update(b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def rows_key(record: dict, model: str) -> str:
    """Key of one article's rows: its parse key, doc_id, publication date and the code."""
    published = record.get("published", pd.NaT)
    published = "" if pd.isna(published) else pd.Timestamp(published).isoformat()
    digest = hashlib.sha256()
    for part in (
        nlp.cache_key(record["text"], model),
        str(record["doc_id"]),
        published,
        code_fingerprint(),
    ):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


def rows_path(key: str) -> Path:
    return cache_dir() / "rows" / key[:2] / f"{key}.json"


def _encode_value(value: object) -> dict:
    """A JSON object standing for a value JSON cannot hold, decoded exactly by `_decode_value`:
    Timestamps keep their unit (datetime64[us] reaches years before 1677), NaT stays NaT."""
    if value is pd.NaT:
        return {"$": "NaT"}
    if isinstance(value, pd.Timestamp):
        return {"$": "Timestamp", "iso": value.isoformat(), "unit": value.unit}
    if isinstance(value, datetime.datetime):
        return {"$": "datetime", "iso": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"$": "date", "iso": value.isoformat()}
    if isinstance(value, np.datetime64):
        return {"$": "datetime64", "iso": str(value), "unit": np.datetime_data(value.dtype)[0]}
    if isinstance(value, np.generic):
        return {"$": "numpy", "dtype": value.dtype.str, "value": value.item()}
    raise TypeError(f"cannot store a {type(value).__name__} in the results cache")


_DECODERS = {
    "NaT": lambda d: pd.NaT,
    "Timestamp": lambda d: pd.Timestamp(d["iso"]).as_unit(d["unit"]),
    "datetime": lambda d: datetime.datetime.fromisoformat(d["iso"]),
    "date": lambda d: datetime.date.fromisoformat(d["iso"]),
    "datetime64": lambda d: np.datetime64(d["iso"], d["unit"]),
    "numpy": lambda d: np.dtype(d["dtype"]).type(d["value"]),
}


def _decode_value(obj: dict) -> object:
    tag = obj.get("$")
    return _DECODERS[tag](obj) if tag in _DECODERS and len(obj) <= 3 else obj


def read_rows(key: str) -> dict[str, list[dict]] | None:
    """Cached rows for `key`, or None when absent or not exactly what `write_rows` stores.

    Entries are JSON (data, never code): an entry is used only when it names this very key and
    row format and holds a list of rows (dicts) for every analysis; anything else is a cache
    miss and the rows are recomputed (and rewritten).
    """
    try:
        entry = json.loads(rows_path(key).read_bytes(), object_hook=_decode_value)
    except (OSError, ValueError, KeyError, TypeError):  # absent, a folder, broken: a miss
        return None
    if not (
        isinstance(entry, dict)
        and entry.get("format") == ROWS_FORMAT
        and entry.get("key") == key
        and isinstance(rows := entry.get("rows"), dict)
        and set(rows) == {*ANALYSES, "skipped"}
        and all(
            isinstance(part, list) and all(isinstance(row, dict) for row in part)
            for part in rows.values()
        )
    ):
        return None
    return rows


def write_rows(key: str, rows: dict[str, list[dict]]) -> None:
    """Store one article's rows as JSON under `key` (see `read_rows`); rows holding a value
    JSON cannot represent are simply not cached."""
    try:
        data = json.dumps(
            {"format": ROWS_FORMAT, "key": key, "rows": rows},
            default=_encode_value,
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")
    except (TypeError, ValueError):
        return
    nlp.store(rows_path(key), data)


# --- the pass --------------------------------------------------------------------------------


def iter_rows(
    corpus: pd.DataFrame,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = nlp.DEFAULT_BATCH_SIZE,
    use_cache: bool = True,
    keys: list[str] | None = None,
) -> Iterator[dict[str, list[dict]]]:
    """The rows of every article of `corpus`, in order: read from the results cache, else
    analysed (parsed or read from the parse cache, analysed, cached). `keys` are the articles'
    `rows_key`s when the caller has computed them already.

    A fully cached corpus loads neither the model nor any Doc. With `n_process` > 1 the
    articles to analyse are shared among that many worker processes, each parsing and
    analysing its own slices, so that the analyses run in parallel as well as the parse.
    """
    model = model or nlp.default_model()
    records = corpus.to_dict("records")
    if keys is None:
        keys = [rows_key(record, model) if use_cache else "" for record in records]
    missing = [i for i, key in enumerate(keys) if not (key and rows_path(key).exists())]
    slices = _slices(missing, n_process, batch_size)
    if len(slices) > 1 and n_process > 1:
        fresh = _parallel_rows(corpus, keys, slices, model, n_process, batch_size)
    else:
        fresh = _fresh_rows(corpus.iloc[missing], [keys[i] for i in missing], model, batch_size)
    pending = set(missing)
    try:
        for i, key in enumerate(keys):
            rows = next(fresh) if i in pending else read_rows(key)
            if rows is None:  # an entry that vanished or broke since it was listed: redo it
                rows = next(_fresh_rows(corpus.iloc[[i]], [key], model, batch_size))
            yield rows
    finally:
        fresh.close()  # every cache entry of the pass is written when the rows are all out


def _fresh_rows(
    part: pd.DataFrame, keys: list[str], model: str, batch_size: int
) -> Iterator[dict[str, list[dict]]]:
    """Analyse articles that have no cached rows (one process); store their rows."""
    if part.empty:
        return
    # Both caches are written by a thread while parsing goes on, and no full garbage
    # collection walks the model's objects meanwhile (`writer`, `gc_policy`).
    with writer.deferred_writes(), young_collections_only():
        docs = nlp.corpus_docs(part, model, batch_size, 1)
        for key, (record, doc) in zip(keys, docs, strict=True):
            rows = doc_rows(doc, record)
            if key and not rows["skipped"]:  # a failed step is tried again on the next run
                write_rows(key, rows)
            yield rows


def _slice_rows(part: pd.DataFrame, keys: list[str], model: str, batch_size: int) -> list[dict]:
    """Worker task: the rows of one slice of articles."""
    return list(_fresh_rows(part, keys, model, batch_size))


def _slices(missing: list[int], n_process: int, batch_size: int) -> list[list[int]]:
    """Contiguous slices of the articles to analyse, shrinking as the work runs out (guided
    scheduling): each takes 1/(2·n_process) of what is left, at most `batch_size` and at least
    4 articles. Full slices first keep spaCy's batches full; small ones last let the processes
    finish together (on 200 articles, 4 % faster than equal slices of 13)."""
    slices, done = [], 0
    while done < len(missing):
        size = max(4, min(batch_size, -(-(len(missing) - done) // (2 * max(1, n_process)))))
        slices.append(missing[done : done + size])
        done += size
    return slices


def _parallel_rows(
    corpus: pd.DataFrame,
    keys: list[str],
    slices: list[list[int]],
    model: str,
    n_process: int,
    batch_size: int,
) -> Iterator[dict[str, list[dict]]]:
    """Rows of the articles in `slices`, in order, analysed by `n_process` worker processes.

    On Linux the workers are forked after the model is loaded, so they share it instead of
    loading it again; elsewhere they start fresh and load it themselves.
    """
    method = "fork" if sys.platform == "linux" else "spawn"
    if method == "fork":
        nlp.load_model(model)
    progress = nlp.Progress(sum(map(len, slices)))
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(n_process, mp_context=context, initializer=_quiet) as pool:
        tasks = deque(
            pool.submit(_slice_rows, corpus.iloc[ids], [keys[i] for i in ids], model, batch_size)
            for ids in slices
        )
        try:
            while tasks:  # a slice's rows are dropped here once yielded: memory stays flat
                for rows in tasks.popleft().result():
                    progress.update()
                    yield rows
        finally:
            progress.close()
            for task in tasks:
                task.cancel()


def _quiet() -> None:
    """Worker set-up: progress is shown by the parent process only."""
    nlp.Progress.enabled = False


def collect(rows: Iterable[dict[str, list[dict]]]) -> dict[str, list[pd.DataFrame]]:
    """Pack a stream of per-article rows into raw DataFrames, `CHUNK_DOCS` articles at a time.

    The stream is closed even when packing fails, so that a pass interrupted here still ends
    its blocks (its cache writes are written, the collector's thresholds restored)."""
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in ANALYSES}
    parts["skipped"] = []
    pending: dict[str, list[dict]] = {name: [] for name in ANALYSES}
    with contextlib.closing(rows) if hasattr(rows, "close") else contextlib.nullcontext():
        for count, article in enumerate(rows, start=1):
            for name in ANALYSES:
                pending[name].extend(article[name])
            for skip in article.get("skipped", []):
                warn_skipped(skip)
                parts["skipped"].append(pd.DataFrame([skip], columns=SKIPPED_COLUMNS))
            if count % CHUNK_DOCS == 0:
                _flush(parts, pending)
    _flush(parts, pending)
    return parts


def _flush(parts: dict[str, list[pd.DataFrame]], pending: dict[str, list[dict]]) -> None:
    for name in ANALYSES:
        if pending[name]:
            parts[name].append(raw_table(name, pending[name]))
            pending[name] = []


def analyze_corpus(
    corpus: pd.DataFrame,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = nlp.DEFAULT_BATCH_SIZE,
    use_cache: bool = True,
) -> dict[str, pd.DataFrame]:
    """Entities, quotes and timeline of a corpus in one pass: `{"entities", "quotes", "timeline"}`.

    Equal to `extract_entities`, `extract_quotes`, `extract_timeline` on the same corpus and
    model. `use_cache=False` skips the results cache (the parse cache is still used).
    """
    return {name: table.copy() for name, table in _tables(
        corpus, model, n_process, batch_size, use_cache).items() if name in ANALYSES}


def skipped_steps(corpus: pd.DataFrame, model: str | None = None, n_process: int = 1,
                  batch_size: int = nlp.DEFAULT_BATCH_SIZE) -> pd.DataFrame:
    """The analysis steps left out because they failed on an article (`SKIPPED_COLUMNS`),
    from the same pass and results cache as `analyze_corpus` (nothing is analysed twice)."""
    return _tables(corpus, model, n_process, batch_size, True)["skipped"].copy()


MEMO_ROWS = 1_000_000
"""Tables of more rows than this are not kept in memory between calls (memory stays bounded on
very large corpora; the results cache still serves them)."""
_LAST: dict[tuple, dict[str, pd.DataFrame]] = {}
"""The tables of the last corpus analysed in this process, keyed by its rows' keys: every
public function (`extract_*`, `analyze_corpus`, `skipped_steps`) is a view of one pass."""


def _tables(corpus: pd.DataFrame, model: str | None, n_process: int, batch_size: int,
            use_cache: bool) -> dict[str, pd.DataFrame]:
    """The tables of one pass (or of the last one, from memory), with no full garbage
    collection until they are built (`gc_policy`)."""
    with young_collections_only():
        return _pass_tables(corpus, model, n_process, batch_size, use_cache)


def _pass_tables(corpus: pd.DataFrame, model: str | None, n_process: int, batch_size: int,
                 use_cache: bool) -> dict[str, pd.DataFrame]:
    model = model or nlp.default_model()
    if not use_cache:
        return finish_tables(collect(iter_rows(corpus, model, n_process, batch_size, False)))
    memo = (model, str(cache_dir()),
            tuple(rows_key(record, model) for record in corpus.to_dict("records")))
    if memo in _LAST and all(rows_path(key).exists() for key in memo[2]):
        for skip in _LAST[memo]["skipped"].to_dict("records"):
            warn_skipped(skip)
        return _LAST[memo]
    tables = finish_tables(collect(iter_rows(corpus, model, n_process, batch_size, True,
                                             keys=list(memo[2]))))
    _LAST.clear()
    if tables["skipped"].empty and sum(len(table) for table in tables.values()) <= MEMO_ROWS:
        _LAST[memo] = tables
    return tables


def analysis_table(name: str, corpus: pd.DataFrame, model: str | None = None,
                   n_process: int = 1, batch_size: int = nlp.DEFAULT_BATCH_SIZE) -> pd.DataFrame:
    """One table of `analyze_corpus` (`entities`, `quotes` or `timeline`), copying only it:
    what `extract_entities`, `extract_quotes` and `extract_timeline` return."""
    return _tables(corpus, model, n_process, batch_size, True)[name].copy()
