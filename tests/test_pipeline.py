"""One pass for every analysis: the same tables as the three extract_* functions, cached rows."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from analysis import nlp, pipeline
from analysis.corpus import load_corpus
from analysis.entities import extract_entities
from analysis.quotes import extract_quotes
from analysis.timeline import extract_timeline

from .conftest import TESTS_DIR, fresh_python


@pytest.fixture(scope="module")
def multi() -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # one article is undated on purpose
        return load_corpus(TESTS_DIR / "data" / "multi")


@pytest.fixture(scope="module")
def expected(multi) -> dict[str, pd.DataFrame]:
    return {
        "entities": extract_entities(multi),
        "quotes": extract_quotes(multi),
        "timeline": extract_timeline(multi),
    }


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path))
    return tmp_path


def assert_tables_equal(got: dict[str, pd.DataFrame], expected: dict[str, pd.DataFrame]):
    assert list(got) == ["entities", "quotes", "timeline"]
    for name, table in expected.items():
        assert_frame_equal(got[name], table, check_exact=True)


def test_one_pass_equals_the_three_extractions(multi, expected, fresh_cache):
    assert_tables_equal(pipeline.analyze_corpus(multi), expected)
    assert sorted(expected["entities"]["doc_id"].unique()) == sorted(multi["doc_id"])
    assert len(list(fresh_cache.glob("rows/*/*.json"))) == len(multi) == 4


def test_rerun_reads_rows_and_never_a_doc(multi, expected, fresh_cache, monkeypatch):
    pipeline.analyze_corpus(multi)

    def no_docs(*args, **kwargs):
        raise AssertionError("a fully cached corpus must not read any Doc")

    monkeypatch.setattr(nlp, "corpus_docs", no_docs)
    assert_tables_equal(pipeline.analyze_corpus(multi), expected)


def test_only_unseen_articles_are_analysed(multi, expected, fresh_cache, monkeypatch):
    pipeline.analyze_corpus(multi.iloc[:2])
    seen = []
    real = nlp.corpus_docs

    def counting(corpus, *args, **kwargs):
        seen.extend(corpus["doc_id"])
        return real(corpus, *args, **kwargs)

    monkeypatch.setattr(nlp, "corpus_docs", counting)
    assert_tables_equal(pipeline.analyze_corpus(multi), expected)
    assert seen == list(multi["doc_id"].iloc[2:])


def test_chunked_packing_gives_the_same_tables(multi, expected, fresh_cache, monkeypatch):
    monkeypatch.setattr(pipeline, "CHUNK_DOCS", 1)
    assert_tables_equal(pipeline.analyze_corpus(multi, use_cache=False), expected)
    assert list(fresh_cache.glob("rows/*/*")) == []  # no rows entry written (the folder may be)


def test_rows_key_depends_on_text_id_date_and_code(multi, monkeypatch):
    record = multi.iloc[0].to_dict()
    key = pipeline.rows_key(record, "fr_core_news_sm")
    assert key == pipeline.rows_key(dict(record), "fr_core_news_sm")
    assert key != pipeline.rows_key({**record, "text": record["text"] + " "}, "fr_core_news_sm")
    assert key != pipeline.rows_key({**record, "doc_id": "autre"}, "fr_core_news_sm")
    assert key != pipeline.rows_key({**record, "published": pd.NaT}, "fr_core_news_sm")
    assert key != pipeline.rows_key(record, "fr_core_news_md")
    monkeypatch.setattr(pipeline, "code_fingerprint", lambda: "edited")
    assert key != pipeline.rows_key(record, "fr_core_news_sm")


def test_broken_rows_entry_is_recomputed(multi, expected, fresh_cache):
    pipeline.analyze_corpus(multi)
    for entry in fresh_cache.glob("rows/*/*.json"):
        entry.write_bytes(b"not a rows entry")
    pipeline._LAST.clear()  # as in a new process: the in-memory view would hide the cache
    assert_tables_equal(pipeline.analyze_corpus(multi), expected)


def test_empty_corpus_gives_empty_tables_with_columns(multi, expected, fresh_cache):
    empty = multi.iloc[:0]
    got = pipeline.analyze_corpus(empty)
    for name, table in expected.items():
        assert list(got[name].columns) == list(table.columns)
        assert got[name].empty
    assert_frame_equal(got["quotes"], extract_quotes(empty))
    assert_frame_equal(got["timeline"], extract_timeline(empty))
    assert_frame_equal(got["entities"], extract_entities(empty))


def test_two_worker_processes_give_the_same_tables(multi, expected, fresh_cache, monkeypatch):
    monkeypatch.setattr(pipeline, "_slices", lambda missing, n, size: [[i] for i in missing])
    assert_tables_equal(pipeline.analyze_corpus(multi, n_process=2), expected)
    assert len(list(fresh_cache.glob("rows/*/*.json"))) == 4  # written by the workers
    assert len(list(fresh_cache.glob("docs/*/*.spacy"))) == 4


def test_slices_balance_work_among_processes():
    assert pipeline._slices(list(range(10)), 1, 32) == [[0, 1, 2, 3, 4], [5, 6, 7, 8], [9]]
    assert [len(s) for s in pipeline._slices(list(range(200)), 2, 32)] == [
        32, 32, 32, 26, 20, 15, 11, 8, 6, 5, 4, 4, 4, 1]
    assert pipeline._slices([], 2, 32) == []


def test_a_fully_cached_run_never_imports_spacy(bundled_corpus):
    """The results cache serves every public table without spaCy (nor its model), which is
    most of a re-run's start-up: a fresh process reads the rows and builds the tables."""
    rows = len(pipeline.analyze_corpus(bundled_corpus)["entities"])  # fills both caches
    script = (
        "import sys\n"
        "import analysis as an\n"
        "corpus = an.load_corpus()\n"
        "tables = an.analyze_corpus(corpus)\n"
        "an.entity_frequency(tables['entities']); an.quote_sentiment_by_speaker(tables['quotes'])\n"
        "an.mentions_by_period(tables['timeline'])\n"
        "print(len(tables['entities']), sorted(m for m in sys.modules if m.split('.')[0] in "
        "('spacy', 'thinc')))\n"
    )
    assert fresh_python(script).split("\n")[0] == f"{rows} []"
