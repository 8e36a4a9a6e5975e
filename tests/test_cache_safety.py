"""The cache holds data, never code: planted pickles are not run, entries are checked before use,
a cache folder that another user can write (or that is not a usable folder) is refused with one
warning, and a cache that cannot be written only means running without it."""

from __future__ import annotations

import datetime
import errno
import os
import pickle
import warnings

import numpy as np
import pandas as pd
import pytest

from analysis import nlp, paths, pipeline
from analysis.corpus import load_corpus
from analysis.errors import CorpusWarning

ARTICLE = "Date: 2022-06-25\nEmmanuel Macron a déclaré hier à Paris : « Nous tiendrons. »\n"


@pytest.fixture(autouse=True)
def fresh_state(monkeypatch):
    """Each test sees the cache checks, warnings and write switch of a new process."""
    monkeypatch.setattr(paths, "_CHECKED", {})
    monkeypatch.setattr(paths, "_WARNED", set())
    monkeypatch.setattr(paths, "_WRITES", {"enabled": True})
    monkeypatch.setattr(pipeline, "_LAST", {})


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus" / "a.txt"
    path.parent.mkdir()
    path.write_text(ARTICLE, encoding="utf-8")
    return load_corpus(path)


class Planted:
    """A pickle that creates a file when it is loaded: proof that code ran."""

    def __init__(self, proof):
        self.proof = proof

    def __reduce__(self):
        return (open, (str(self.proof), "w"))


def cache_warnings(record) -> list[str]:
    return [str(w.message) for w in record if issubclass(w.category, CorpusWarning)]


def test_planted_pickle_is_never_executed(cache, corpus, tmp_path):
    expected = pipeline.analyze_corpus(corpus)
    entries = list(cache.glob("rows/*/*.json"))
    assert len(entries) == 1
    proof = tmp_path / "code-ran"
    payload = pickle.dumps(Planted(proof))
    entries[0].write_bytes(payload)  # where the rows are read from
    entries[0].with_suffix(".pickle").write_bytes(payload)  # where older versions read them
    pipeline._LAST.clear()
    got = pipeline.analyze_corpus(corpus)
    assert not proof.exists()
    for name, table in expected.items():
        pd.testing.assert_frame_equal(got[name], table)
    assert entries[0].read_bytes().startswith(b'{"format":3,')  # rewritten as data


def test_rows_keep_every_value_type_exactly(cache):
    rows = {
        "entities": [{"doc_id": "a", "start": 0, "end": 5, "text": "Paris", "sentence": 1}],
        "quotes": [{"doc_id": "a", "sentiment": float("nan"), "speaker": None, "n": np.int64(3)}],
        "timeline": [
            {
                "start_date": pd.Timestamp("1515-09-13").as_unit("us"),  # Marignan: before 1677
                "end_date": pd.NaT,
                "ns": pd.Timestamp("2022-06-25 10:30:00.000000001"),
                "py": datetime.datetime(1212, 7, 16),
                "day": datetime.date(2022, 6, 25),
                "d64": np.datetime64("0800-12-25", "D"),
                "tagged": {"$": "user text", "a": 1},
            }
        ],
        "skipped": [],
    }
    pipeline.write_rows("k" * 64, rows)
    back = pipeline.read_rows("k" * 64)
    timeline, quote = back["timeline"][0], back["quotes"][0]
    assert timeline["start_date"] == pd.Timestamp("1515-09-13")
    assert timeline["start_date"].unit == "us"
    assert timeline["end_date"] is pd.NaT
    assert timeline["ns"] == rows["timeline"][0]["ns"] and timeline["ns"].unit == "ns"
    assert type(timeline["py"]) is datetime.datetime and timeline["py"].year == 1212
    assert type(timeline["day"]) is datetime.date
    assert timeline["d64"] == np.datetime64("0800-12-25", "D")
    assert timeline["tagged"] == {"$": "user text", "a": 1}
    assert np.isnan(quote["sentiment"]) and quote["speaker"] is None
    assert type(quote["n"]) is np.int64 and quote["n"] == 3
    assert back["entities"] == rows["entities"]


def test_entry_is_used_only_for_its_own_key(cache):
    rows = {"entities": [], "quotes": [], "timeline": [], "skipped": []}
    pipeline.write_rows("a" * 64, rows)
    other = pipeline.rows_path("b" * 64)
    other.parent.mkdir(parents=True)
    other.write_bytes(pipeline.rows_path("a" * 64).read_bytes())
    assert pipeline.read_rows("a" * 64) == rows
    assert pipeline.read_rows("b" * 64) is None
    other.write_text('{"format":3,"key":"' + "b" * 64 + '","rows":{"entities":[]}}')
    assert pipeline.read_rows("b" * 64) is None  # incomplete: a miss, recomputed


@pytest.mark.parametrize(
    ("spoil", "reason"),
    [
        (lambda folder: folder.chmod(0o777), "can be written by other users"),
        (lambda folder: folder.chmod(0o775), "can be written by other users"),
        (lambda folder: (folder / "rows").mkdir(mode=0o777) or (folder / "rows").chmod(0o777),
         "its sub-folder rows can be written by other users"),
        (lambda folder: folder.rmdir() or folder.write_text("x"), "is not a folder"),
        (lambda folder: (folder / "docs").write_text("x"), "its sub-folder docs is not a folder"),
    ],
)
def test_unsafe_cache_folder_is_refused_with_one_warning(cache, corpus, spoil, reason):
    spoil(cache)
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        used = paths.cache_dir()
        pipeline.analyze_corpus(corpus)
        assert paths.cache_dir() == used
    messages = cache_warnings(record)
    assert len(messages) == 1, messages
    assert messages[0].startswith(f"cache folder {cache}: ") and reason in messages[0]
    assert "running without it" in messages[0]
    assert used != cache and used.stat().st_mode & 0o077 == 0
    assert list(used.glob("rows/*/*.json"))  # the run used the private cache
    assert not list(cache.glob("rows/*/*")) if cache.is_dir() else True


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder away needs root")
def test_cache_folder_of_another_user_is_refused(cache):
    os.chown(cache, 12345, 12345)
    with pytest.warns(CorpusWarning, match=r"belongs to another user \(uid 12345\)"):
        assert paths.cache_dir() != cache


def test_full_disk_means_running_without_cache_with_one_warning(cache, corpus, monkeypatch):
    def full(path, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(nlp, "write_atomic", full)
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        tables = pipeline.analyze_corpus(corpus)
    messages = cache_warnings(record)
    assert len(messages) == 1 and "No space left on device" in messages[0]
    assert "going on without caching" in messages[0]
    assert len(tables["entities"]) > 0


def test_folder_in_place_of_an_entry_is_passed_over(cache, corpus):
    key = pipeline.rows_key(corpus.to_dict("records")[0], nlp.default_model())
    pipeline.rows_path(key).mkdir(parents=True)
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        first = pipeline.analyze_corpus(corpus)
        pipeline._LAST.clear()
        second = pipeline.analyze_corpus(corpus)
    messages = cache_warnings(record)
    assert messages == [
        f"cache entry {pipeline.rows_path(key)} is a folder, not a file; it is not used "
        f"(remove it: rm -r '{pipeline.rows_path(key)}')"
    ]
    pd.testing.assert_frame_equal(first["quotes"], second["quotes"])
    assert pipeline.rows_path(key).is_dir()  # not ours to delete


def test_text_over_the_model_limit_is_parsed_in_pieces(monkeypatch):
    model = nlp.load_model(nlp.DEFAULT_MODEL)
    monkeypatch.setattr(model, "max_length", 300)
    monkeypatch.setattr(nlp, "PIECE_CHARS", 120)
    paragraph = "Emmanuel Macron est arrivé à Berlin lundi. Il a rencontré Olaf Scholz."
    text = "\n".join([paragraph] * 8)
    assert len(text) > 300
    doc = nlp.parse_text(model, text)
    assert doc.text == text
    assert [e.text for e in doc.ents].count("Berlin") == 8
    assert all(len(piece) <= 120 for piece in nlp.text_pieces(text, 120))
    assert "".join(nlp.text_pieces("a" * 250, 100)) == "a" * 250


def test_a_cache_this_tool_makes_is_accepted_under_a_group_umask(tmp_path, corpus, monkeypatch):
    """umask 002 (per-user groups, common on Debian) must not make the tool refuse the very
    folders it created: they are made without group or other write."""
    folder = tmp_path / "made-here" / "cache"
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(folder))
    old = os.umask(0o002)
    try:
        with warnings.catch_warnings(record=True) as record:
            warnings.simplefilter("always")
            pipeline.analyze_corpus(corpus)
    finally:
        os.umask(old)
    assert cache_warnings(record) == []
    assert sorted(p.name for p in folder.iterdir()) == ["docs", "rows"]
    assert {oct(p.stat().st_mode & 0o777) for p in (folder, folder / "docs", folder / "rows")} == {
        "0o755"}
    assert len(list(folder.glob("rows/*/*.json"))) == 1


def test_rows_of_an_article_whose_step_failed_are_not_cached(cache, corpus, monkeypatch):
    import analysis.timeline as timeline

    def broken(doc, doc_id, published):
        raise RuntimeError("once")

    monkeypatch.setattr(timeline, "doc_timeline", broken)
    with pytest.warns(CorpusWarning, match="the timeline step failed"):
        pipeline.analyze_corpus(corpus)
    assert list(cache.glob("rows/*/*.json")) == []  # tried again next time
    monkeypatch.undo()
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(cache))
    monkeypatch.setattr(pipeline, "_LAST", {})
    assert len(pipeline.analyze_corpus(corpus)["timeline"]) == 1
    assert len(list(cache.glob("rows/*/*.json"))) == 1
