"""The bundled real-news corpus: the main job end to end on 83 Wikinews articles, and one bad
article never sinking the corpus."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings

import pandas as pd
import pytest

from analysis import pipeline
from analysis.corpus import load_corpus
from analysis.errors import CorpusWarning
from tests.conftest import PROJECT_DIR, TESTS_DIR

WIKINEWS = PROJECT_DIR / "data" / "wikinews" / "wikinews_fr_2012.jsonl"


def test_main_job_runs_on_the_83_wikinews_articles(tmp_path):
    out = tmp_path / "report"
    done = subprocess.run(
        [sys.executable, "-m", "analysis", "run", "--corpus", str(WIKINEWS), "--out", str(out)],
        cwd=tmp_path, env={**os.environ, "MPLBACKEND": "agg"}, capture_output=True, text=True,
        timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    tables = out / "tables"
    corpus = pd.read_csv(tables / "corpus.csv", keep_default_na=False)
    assert len(corpus) == 83
    timeline = pd.read_csv(tables / "timeline.csv", keep_default_na=False)
    # « datant du XVe siècle » (wn44485) survives the tables: a date before pandas' 1677 limit
    old = timeline[timeline["expression"].str.contains("XVe siècle")]
    assert old["doc_id"].tolist() == ["wn44485"]
    assert old[["start_date", "end_date"]].values.tolist()[0] in (
        ["1400-01-01", "1500-01-01"], ["1401-01-01", "1501-01-01"])  # the two usual readings
    assert set(timeline["doc_id"]) <= set(corpus["doc_id"])
    for page in out.glob("*.html"):
        assert "Traceback" not in page.read_text(encoding="utf-8"), page.name


def test_a_step_failing_on_one_article_is_skipped_with_one_warning(monkeypatch, tmp_path):
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(TESTS_DIR / "data" / "multi")
    victim = sorted(corpus["doc_id"])[0]
    import analysis.timeline as timeline

    real = timeline.doc_timeline

    def broken(doc, doc_id, published):
        if doc_id == victim:
            raise ValueError("a bug\nover two lines")
        return real(doc, doc_id, published)

    monkeypatch.setattr(timeline, "doc_timeline", broken)
    with pytest.warns(CorpusWarning) as caught:
        tables = pipeline.analyze_corpus(corpus, use_cache=False)
    assert [str(w.message) for w in caught] == [
        f"article {victim}: the timeline step failed (ValueError: a bug over two lines); its "
        "timeline rows are left out, the rest of the corpus goes on"]
    assert victim not in set(tables["timeline"]["doc_id"])
    assert victim in set(tables["entities"]["doc_id"])  # its other steps still ran
    with pytest.warns(CorpusWarning):  # not cached: the failed step is tried, and reported, again
        skipped = pipeline.skipped_steps(corpus)
    assert skipped.to_dict("records") == [
        {"doc_id": victim, "step": "timeline", "error": "ValueError: a bug over two lines"}]
