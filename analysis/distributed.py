"""Past one machine: the same analyses over a corpus partitioned into a Dask DataFrame.

Use it when the corpus no longer fits one machine's time budget (tens of thousands of articles
and more): each partition is parsed and analysed by a Dask worker with the ordinary per-document
functions (`analysis.pipeline.analyze_corpus`, one pass), and only the rows travel back. The
corpus-wide steps then run once on all rows, so the tables equal the single-process ones row
for row:

    from dask.distributed import Client, LocalCluster
    from analysis.distributed import analyze_dask, read_corpus_dask

    client = Client(LocalCluster(n_workers=2, threads_per_worker=1))   # a laptop
    # client = Client("tcp://scheduler-host:8786")                     # a real cluster
    result = analyze_dask(read_corpus_dask(["articles/2023/", "more.jsonl"]), client=client)
    result["entities"], result["entity_frequency"], result["speaker_sentiment"]

Workers need this package and the spaCy model installed (`pip install .[dask]`); nothing is
downloaded. Each worker parses into its own parse and results cache (`ANALYSIS_CACHE_DIR` as
the worker's environment sets it; a `LocalCluster` inherits the caller's), so a re-run on the
same cluster parses nothing. Give workers one thread each (`threads_per_worker=1`): a spaCy
parse holds the GIL, so processes, not threads, add speed.

`read_corpus_dask` reads one partition per input file with `load_corpus`, so duplicate
articles are dropped within a file, not across files; a doc_id used in two files is an
`InputError`, as it is for `load_corpus`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .corpus import CORPUS_COLUMNS, corpus_files, load_corpus
from .errors import InputError
from .nlp import DEFAULT_BATCH_SIZE
from .pipeline import ANALYSES, collect, finish_tables, iter_rows

RESULT_KEYS = (*ANALYSES, "entity_frequency", "speaker_sentiment")
"""Keys of `analyze_dask`: the three tables of `analyze_corpus`, then `entity_frequency(...)`
of the entities and `quote_sentiment_by_speaker(...)` of the quotes."""


def _empty_corpus() -> pd.DataFrame:
    """A corpus table with no rows and the dtypes `load_corpus` gives (Dask's `meta`)."""
    return pd.DataFrame(
        {
            "doc_id": pd.Series([], dtype="str"),
            "title": pd.Series([], dtype="str"),
            "published": pd.Series([], dtype="datetime64[ns]"),
            "url": pd.Series([], dtype="str"),
            "text": pd.Series([], dtype="str"),
            "duplicate_paragraphs": pd.Series([], dtype="int64"),
        },
        columns=CORPUS_COLUMNS,
    )


def _load_quietly(path: str) -> pd.DataFrame:
    """`load_corpus` on one file, on a worker (its warnings stay in the worker's log)."""
    return load_corpus(path)


def read_corpus_dask(paths: str | Path | Iterable[str | Path]):
    """A Dask DataFrame of the corpus, one partition per .txt/.csv/.jsonl file under `paths`."""
    import dask
    import dask.dataframe as dd

    if isinstance(paths, str | Path):
        paths = [paths]
    files = [str(file) for path in paths for file in corpus_files(Path(path))]
    parts = [dask.delayed(_load_quietly)(file) for file in files]
    return dd.from_delayed(parts, meta=_empty_corpus(), verify_meta=False)


def analyze_partition(
    part: pd.DataFrame, model: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE
) -> dict[str, pd.DataFrame]:
    """Rows of every analysis for one partition, before the corpus-wide steps (on a worker),
    and the partition's doc_ids (under `"doc_ids"`, to check they are unique across files)."""
    parts = collect(iter_rows(part, model, n_process=1, batch_size=batch_size))
    tables = {name: pd.concat(found, ignore_index=True) for name, found in parts.items() if found}
    tables["doc_ids"] = pd.DataFrame({"doc_id": part["doc_id"].astype(str).tolist()})
    return tables


def check_unique_ids(doc_ids: list[pd.DataFrame]) -> None:
    """InputError when two partitions (files) hold articles with the same doc_id."""
    ids = pd.concat(doc_ids, ignore_index=True)["doc_id"] if doc_ids else pd.Series([], dtype=str)
    repeated = sorted(set(ids[ids.duplicated()]))
    if repeated:
        raise InputError(
            f"doc_id {', '.join(map(repr, repeated[:5]))} used by more than one article across "
            "the partitions; give each article its own doc_id (or file name)"
        )


def _as_dask(data, npartitions: int):
    """`data` as a Dask DataFrame: kept as is, split from a pandas corpus, or read from paths."""
    import dask.dataframe as dd

    if isinstance(data, dd.DataFrame):
        return data
    if isinstance(data, pd.DataFrame):
        return dd.from_pandas(data, npartitions=npartitions, sort=False)
    return read_corpus_dask(data)


def analyze_dask(
    data,
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    client=None,
    npartitions: int = 2,
) -> dict[str, pd.DataFrame]:
    """Entities, quotes, timeline and their aggregates, computed partition by partition on Dask.

    `data` is a Dask DataFrame with the corpus columns, a pandas corpus table (split into
    `npartitions`), or paths for `read_corpus_dask`. `client` is a `distributed.Client`
    (default: the current one, else Dask's local scheduler). Returns the tables named in
    `RESULT_KEYS`, equal to the single-process `analyze_corpus`, `entity_frequency` and
    `quote_sentiment_by_speaker`.
    """
    import dask

    from .entities import entity_frequency
    from .quotes import quote_sentiment_by_speaker

    ddf = _as_dask(data, npartitions)
    tasks = [dask.delayed(analyze_partition)(part, model, batch_size) for part in ddf.to_delayed()]
    results = (
        dask.compute(*tasks) if client is None else client.gather(client.compute(tasks))
    )
    check_unique_ids([part["doc_ids"] for part in results])
    raw = {name: [part[name] for part in results if name in part] for name in ANALYSES}
    tables = {name: table for name, table in finish_tables(raw).items() if name in ANALYSES}
    tables["entity_frequency"] = entity_frequency(tables["entities"])
    tables["speaker_sentiment"] = quote_sentiment_by_speaker(tables["quotes"])
    return tables
