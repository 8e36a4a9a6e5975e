"""Lexicon sentiment: exact scores and terms on short French texts written for these tests."""

from __future__ import annotations

import math

import pytest

from analysis.nlp import iter_docs
from analysis.sentiment import (
    COLUMNS,
    aggregate,
    base_forms,
    format_terms,
    pattern_lexicon,
    score_sentiment,
    span_sentiment,
    supplement,
)

CASES = [
    # charged words of the bundled article, each scoring negative on its own
    ("agressives", -0.8, "agressif:-0.80"),
    ("conflictuelles", -0.6, "conflictuel:-0.60"),
    ("répulsives", -0.7, "répulsif:-0.70"),
    ("blocus", -0.6, "blocus:-0.60"),
    # neutral text scores 0 with no terms
    ("réponse symétrique", 0.0, ""),
    ("Le dialogue reprend.", 0.3, "dialogue:0.30"),
    # intensifier scales up, then the term is clipped to [-1, 1]
    ("Cette politique est très agressive.", -1.0, "agressif:-1.00"),
    ("Une situation profondément inquiétante.", -0.8, "inquiétant:-0.80"),
    # attenuator scales down
    ("une situation peu dangereuse", -0.3, "dangereux:-0.30"),
    ("La situation est un peu tendue.", -0.2, "tendu:-0.20"),
    # negation flips: ne … pas, ne … jamais, sans
    ("Cette politique n'est pas agressive.", 0.8, "agressif:0.80"),
    ("Ce n'est jamais une bonne nouvelle.", -0.6, "bonne nouvelle:-0.60"),
    ("La décision est sans danger.", 0.5, "danger:0.50"),
    # « ne VERB pas »: the negation bears on the verb, the object keeps its sign
    ("Poutine ne gagnera pas cette guerre.", round(-1.0 / math.sqrt(2), 4),
     "gagner:-0.30; guerre:-0.70"),
    # sum / sqrt(n): two charged words reinforce each other
    ("C'est une menace inacceptable.", round(-1.3 / math.sqrt(2), 4),
     "menace:-0.60; inacceptable:-0.70"),
    # time expressions never count (« dernier » is -0.29 in Pattern)
    ("Le mois dernier, Loukachenko a déclaré que son pays avait acheté des missiles.", 0.0, ""),
    ("La semaine dernière, le ministre est parti.", 0.0, ""),
    # words inside named entities never count
    ("Le Parti de la Paix a parlé.", 0.0, ""),
    ("Marie Bonheur a parlé.", 0.0, ""),
]


@pytest.fixture(scope="module")
def scored():
    return score_sentiment([text for text, _, _ in CASES])


def test_columns_and_order(scored):
    assert list(scored.columns) == COLUMNS
    assert scored["text"].tolist() == [text for text, _, _ in CASES]


@pytest.mark.parametrize("index", range(len(CASES)))
def test_exact_scores_and_terms(scored, index):
    text, score, terms = CASES[index]
    row = scored.iloc[index]
    assert row["sentiment"] == pytest.approx(score, abs=1e-4), text
    assert row["sentiment_terms"] == terms, text


def test_single_string_and_docs_give_the_same_scores():
    one = score_sentiment("agressives")
    assert one[["sentiment", "sentiment_terms", "n_terms"]].values.tolist() == [
        [-0.8, "agressif:-0.80", 1]]
    docs = list(iter_docs(["agressives", "blocus"]))
    mixed = score_sentiment([docs[0], "blocus", docs[1]])
    assert mixed["sentiment"].tolist() == [-0.8, -0.6, -0.6]


def test_empty_input_has_all_columns():
    empty = score_sentiment([])
    assert list(empty.columns) == COLUMNS and empty.empty


def test_skip_excludes_tokens():
    doc = next(iter_docs(["une menace inacceptable"]))
    assert span_sentiment(doc) == (round(-1.3 / math.sqrt(2), 4),
                                   "menace:-0.60; inacceptable:-0.70", 2)
    assert span_sentiment(doc, skip={1}) == (-0.7, "inacceptable:-0.70", 1)


def test_aggregation_formula():
    assert aggregate([]) == 0.0
    assert aggregate([-0.8]) == -0.8
    assert aggregate([-0.8, -0.8]) == -1.0  # -1.13 clipped
    assert aggregate([0.6, -0.6]) == 0.0
    assert aggregate([0.3, 0.1]) == pytest.approx(0.4 / math.sqrt(2))


def test_de_inflection_and_lexicons():
    assert base_forms("conflictuelles") == ["conflictuelles", "conflictuelle", "conflictuel"]
    assert base_forms("agressives") == ["agressives", "agressive", "agressif"]
    assert base_forms("armée") == ["armée"]  # nouns keep their final e
    assert base_forms("armée", adjective=True) == ["armée", "armé"]
    assert pattern_lexicon()["agressives"] == -0.8
    assert supplement()["blocus"] == -0.6
    assert supplement()["dernier"] == 0.0  # neutralised time/ordinal word


def test_format_terms():
    assert format_terms([("agressif", -0.8), ("paix", 0.6)]) == "agressif:-0.80; paix:0.60"
