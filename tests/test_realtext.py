"""The real-news scorer (`make eval`): exact figures on a tiny gold, and the same figures as the
evaluation kit's own scorer on real articles."""

from __future__ import annotations

import importlib.util
import json
import shutil

import pandas as pd
import pytest

from benchmarks import realtext
from benchmarks.realtext import Article

from .conftest import PROJECT_DIR

KIT = PROJECT_DIR.parent / "shared" / "eval" / "score.py"

TEXT = "Le ministre a déclaré : « Nous ne céderons pas. » Samedi, Marie Curie était à Paris."
GOLD = {
    "published": "2022-06-25",
    "quotes": [
        {"contains": "Nous ne céderons pas", "speaker": "Dupont", "speaker_full": "Jean Dupont",
         "kind": "direct", "polarity": "positive"},
    ],
    "not_quotes": [],
    "timeline": [{"contains": "Samedi", "start": "2022-06-18", "end": "2022-06-19"}],
    "entities": [
        {"name": "Marie Curie", "label": "PER", "count": 1, "forms": ["Curie"]},
        {"name": "Paris", "label": "LOC", "count": 1},
    ],
}


def table(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows)


def test_exact_figures_on_a_tiny_gold():
    article = [Article("a1", TEXT, GOLD)]
    start = TEXT.index("Nous")
    quotes = table([
        {"doc_id": "a1", "start": start, "end": start + 20, "speaker": "Jean Dupont",
         "kind": "direct", "sentiment": 0.05},
        {"doc_id": "a1", "start": 0, "end": 11, "speaker": "", "kind": "indirect",
         "sentiment": 0.0},
    ])
    score = realtext.score_quotes(article, quotes)
    assert score.figures == {"recall": 1.0, "precision": 0.5, "speaker": 1.0, "kind": 1.0,
                             "speaker_strict": 1.0}
    unnamed = realtext.score_quotes(
        [Article("a1", TEXT, {**GOLD, "quotes": [{**GOLD["quotes"][0], "speaker_full": ""}]})],
        quotes.assign(speaker=""))
    assert (unnamed.figures["speaker"], unnamed.figures["speaker_strict"]) == (1.0, 0.0)
    assert score.misses == ["a1 spurious 'Le ministre'"]
    polarity = realtext.score_polarity(article, quotes)
    assert polarity.figures["accuracy"] == 0.0  # +0.05 is inside the neutral band
    assert polarity.misses == ["a1 'Nous ne céderons pas': neutral (+0.05), gold positive []"]
    at = TEXT.index("Samedi")
    timeline = table([{"doc_id": "a1", "start": at, "end": at + 6, "direction": "past",
                       "start_date": pd.Timestamp("2022-06-25"),
                       "end_date": pd.Timestamp("2022-06-26")}])
    dates = realtext.score_timeline(article, timeline)
    assert dates.figures == {"found": 1.0, "right": 0.0}
    assert dates.misses == ["a1 'Samedi': [2022-06-25, 2022-06-26) gold [2022-06-18, 2022-06-19)"]
    curie, paris = TEXT.index("Marie"), TEXT.index("Paris")
    mentions = table([
        {"doc_id": "a1", "start": curie, "end": curie + 11, "text": "Marie Curie",
         "entity": "Marie Curie", "label": "PER"},
        {"doc_id": "a1", "start": paris, "end": paris + 5, "text": "Paris", "entity": "Paris",
         "label": "ORG"},
        {"doc_id": "a1", "start": 0, "end": 2, "text": "Le", "entity": "Le", "label": "MISC"},
    ])
    names = realtext.score_entities(article, mentions)
    assert names.figures == {"found": 1.0, "precision": pytest.approx(2 / 3), "exact": 1.0,
                             "mentions": 1.0, "label": 0.5}
    assert names.misses == ["a1 Paris: label ORG, gold LOC", "a1 spurious 'Le' (1)"]


def test_the_bundled_gold_matches_the_bundled_corpus():
    corpus = {json.loads(line)["doc_id"]: json.loads(line) for line in
              (PROJECT_DIR / "data" / "wikinews" / "wikinews_fr_2012.jsonl").open(encoding="utf-8")}
    articles = realtext.read_gold()
    assert len(articles) == len(corpus) == 83
    for a in articles:
        assert a.text.rstrip("\n") == corpus[a.doc_id]["text"].rstrip("\n")
        assert a.gold["published"] == corpus[a.doc_id]["published"]


@pytest.mark.skipif(not KIT.exists(), reason="the evaluation kit (../shared/eval) is not beside "
                    "the project")
def test_same_figures_as_the_evaluation_kit_on_real_articles(tmp_path):
    spec = importlib.util.spec_from_file_location("kit_score", KIT)
    kit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(kit)
    few = ["wn43971", "wn44145", "wn44231", "wn44290", "wn44313", "wn44318"]
    entries = [e for e in json.loads((realtext.GOLD_DIR / "gold.json").read_text(encoding="utf-8"))
               if e["file"][:-4] in few]
    for e in entries:
        shutil.copy(realtext.GOLD_DIR / e["file"], tmp_path / e["file"])
    (tmp_path / "gold.json").write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    articles = realtext.read_gold(tmp_path)
    tables = realtext.project_tables(articles)
    gold = kit.Gold(tmp_path)
    ours = {
        "quotes": realtext.score_quotes(articles, tables["quotes"]),
        "sentiment": realtext.score_polarity(articles, tables["quotes"]),
        "timeline": realtext.score_timeline(articles, tables["timeline"]),
        "entities": realtext.score_entities(articles, tables["entities"]),
    }
    theirs = {
        "quotes": kit.score_quotes(gold, tables["quotes"], [])[1],
        "sentiment": kit.score_sentiment(gold, tables["quotes"], [])[1],
        "timeline": kit.score_timeline(gold, tables["timeline"], [])[1],
        "entities": kit.score_entities(gold, tables["entities"], [])[1],
    }
    ours["quotes"].figures.pop("speaker_strict")  # ours only: see speaker_matches
    for name, score in ours.items():
        assert score.figures == pytest.approx(theirs[name]), name


def test_the_readme_shows_every_figure_of_make_eval():
    readme = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- eval:begin -->")[1].split("<!-- eval:end -->")[0]
    rows = [line.split("|")[1:3] for line in block.splitlines()[2:] if line.startswith("| ")]
    assert [(a.strip(), f.strip()) for a, f in rows] == [(a, f) for a, f, _, _ in realtext.ROWS]
