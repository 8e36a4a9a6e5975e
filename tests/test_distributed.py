"""The Dask route on a LocalCluster of two worker processes equals the single-process tables."""

from __future__ import annotations

import os
import warnings

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from analysis.corpus import load_corpus
from analysis.entities import entity_frequency
from analysis.errors import InputError
from analysis.pipeline import analyze_corpus
from analysis.quotes import quote_sentiment_by_speaker

from .conftest import TESTS_DIR

distributed = pytest.importorskip("distributed")
from analysis.distributed import RESULT_KEYS, analyze_dask, read_corpus_dask  # noqa: E402

MULTI = TESTS_DIR / "data" / "multi"


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    """A fresh parse cache for this module, set before the workers start so they inherit it."""
    path = tmp_path_factory.mktemp("dask-cache")
    previous = os.environ.get("ANALYSIS_CACHE_DIR")
    os.environ["ANALYSIS_CACHE_DIR"] = str(path)
    yield path
    os.environ["ANALYSIS_CACHE_DIR"] = previous or ""
    if previous is None:
        del os.environ["ANALYSIS_CACHE_DIR"]


@pytest.fixture(scope="module")
def client(cache):
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # one article is undated on purpose
        return load_corpus(MULTI)


@pytest.fixture(scope="module")
def from_files(client, cache) -> dict[str, pd.DataFrame]:
    """The Dask result over the test corpus read one partition per file (3 files)."""
    return analyze_dask(read_corpus_dask(MULTI), client=client)


def single_process(corpus: pd.DataFrame) -> dict[str, pd.DataFrame]:
    tables = analyze_corpus(corpus)
    tables["entity_frequency"] = entity_frequency(tables["entities"])
    tables["speaker_sentiment"] = quote_sentiment_by_speaker(tables["quotes"])
    return tables


def assert_same(got: dict[str, pd.DataFrame], expected: dict[str, pd.DataFrame]) -> None:
    assert list(got) == list(RESULT_KEYS)
    for name in RESULT_KEYS:
        assert_frame_equal(got[name], expected[name], check_exact=True)


def test_workers_inherit_the_parse_cache(client, cache):
    seen = client.run(lambda: os.environ.get("ANALYSIS_CACHE_DIR"))
    assert len(seen) == 2
    assert set(seen.values()) == {str(cache)}


def test_one_partition_per_file(corpus):
    ddf = read_corpus_dask(MULTI)
    assert ddf.npartitions == 3
    assert sorted(ddf.compute()["doc_id"]) == sorted(corpus["doc_id"])


def test_files_on_two_workers_equal_single_process(from_files, corpus, cache):
    # the workers parsed into the shared cache: the single-process run below reads rows only
    assert len(list(cache.glob("docs/*/*.spacy"))) == len(corpus) == 4
    assert len(list(cache.glob("rows/*/*.json"))) == 4
    assert_same(from_files, single_process(corpus))
    assert len(from_files["entities"]) > 0 and len(from_files["quotes"]) > 0
    assert set(from_files["timeline"]["doc_id"]) <= set(corpus["doc_id"])


def test_pandas_corpus_split_in_two_equals_single_process(client, corpus):
    assert_same(analyze_dask(corpus, client=client, npartitions=2), single_process(corpus))


def test_same_doc_id_in_two_files_is_an_input_error(client, tmp_path):
    for name in ("a.jsonl", "b.jsonl"):
        (tmp_path / name).write_text(
            '{"doc_id": "x", "published": "2023-05-10", "text": "Texte ' + name + '."}\n',
            encoding="utf-8",
        )
    with pytest.raises(InputError, match="doc_id 'x' used by more than one article"):
        analyze_dask(read_corpus_dask(tmp_path), client=client)
