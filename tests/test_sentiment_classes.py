"""Sentiment, one class of real-news difficulty at a time: exact scores and terms on short French
sentences written for these tests (negation scope, idioms, modifiers, neutral news words,
charged words, the neutral band)."""

from __future__ import annotations

import math

import pytest

from analysis.nlp import iter_docs
from analysis.sentiment import aggregate, negated_words, score_sentiment
from analysis.sentiment.phrases import phrase_words
from analysis.sentiment.score import NEUTRAL_BAND

CASES = {
    "negation scope": [
        # a negated negative word reassures
        ("Il ne faut pas être inquiet.", 0.5, "inquiet:0.50"),
        ("Nous ne renoncerons pas.", 0.4, "renoncer:0.40"),
        # « personne ne » negates the predicate, here an idiom
        ("Personne ne sera laissé au bord du chemin.", 0.5, "laisser au bord du chemin:0.50"),
        # the negation reaches the verb under « aller », not its object
        ("Ces mesures ne vont pas résoudre les problèmes.", round(-0.8 / math.sqrt(2), 4),
         "résoudre:-0.40; problème:-0.40"),
        ("Le ministre n'accepte pas le plan.", -0.4, "accepter:-0.40"),
        # « ne … que » is « only »: nothing is negated
        ("Il n'y a que des problèmes.", -0.4, "problème:-0.40"),
        # « sans » negates what it introduces
        ("Un monde sans danger.", 0.5, "danger:0.50"),
        # spoken « pas » without « ne »; the noun « pas » is no negation
        ("C'est pas agressif.", 0.8, "agressif:0.80"),
        ("Un pas vers le franquisme.", -0.6, "franquisme:-0.60"),
        # the negation reaches an object introduced by « de » or « aucun »
        ("Il n'a pas de problème.", 0.4, "problème:0.40"),
        ("Ils n'ont plus aucun espoir.", -0.5, "espoir:-0.50"),
        # a negation word inside a fixed phrase negates nothing
        ("Nous sommes plus que jamais inquiets.", -0.5, "inquiet:-0.50"),
        # « ne » alone on « cesser » is no negation
        ("Ils ne cessent de mentir.", -0.6, "mentir:-0.60"),
        # a cleft denies the choice of the noun, not its charge
        ("Ce n'est pas cette loi populiste qui nous aidera.", 0.0,
         "populiste:-0.50; aider:0.42"),
    ],
    "idioms": [
        ("Elle ne baissera pas les bras.", 0.5, "baisser les bras:0.50"),
        ("Une prise de bec entre ministres.", -0.4, "prise de bec:-0.40"),
        ("Des cadeaux fiscaux.", -0.5, "cadeau fiscal:-0.50"),
        ("C'est un crime de guerre.", -0.9, "crime de guerre:-0.90"),
        ("Une machine à décerveler.", -0.7, "machine à décerveler:-0.70"),
        ("Une ardoise cachée.", -0.5, "ardoise cachée:-0.50"),
        ("Des fêtes sauvages.", -0.4, "sauvage:-0.40"),  # the adjective carries it
        ("Un plan truffé d'erreurs.", round(-0.7 / math.sqrt(2), 4),
         "truffé d':-0.30; erreur:-0.40"),
        # fixed phrases that are not their words
        ("Bien sûr, au profit de tous, sans aucun doute.", 0.0, ""),
    ],
    "modifiers": [
        ("Une décision extrêmement dangereuse.", -1.0, "dangereux:-1.00"),
        ("Une situation un peu préoccupante.", -0.25, "préoccupant:-0.25"),
    ],
    "neutral in news": [
        ("Il a également parlé.", 0.0, ""),
        ("Le gouvernement français a parlé.", 0.0, ""),
        ("Un être vivant.", 0.0, ""),
        ("Les vagues sont hautes.", 0.0, ""),  # the waves
        ("Des propos vagues.", -0.4, "vague:-0.40"),  # imprecise
        # bad news told in plain words
        ("Il a été victime d'une agression.", 0.0, ""),
        ("Trois personnes ont été tuées dans l'explosion.", 0.0, ""),
        # « été » the participle is no summer: the adjective after it counts
        ("Les négociations ont été constructives.", 0.5, "constructif:0.50"),
    ],
    "charged words": [
        ("Vous êtes un salaud.", -0.8, "salaud:-0.80"),
        ("Une réponse insuffisante.", -0.5, "insuffisant:-0.50"),
        ("C'est un déshonneur.", -0.8, "déshonneur:-0.80"),
        ("Ils pratiquent le racket.", -0.7, "racket:-0.70"),
        ("Ils veulent assassiner le juge.", -0.9, "assassiner:-0.90"),
        ("Une torture systématique.", -0.8, "torture:-0.80"),
        ("Une France affaiblie.", -0.5, "affaibli:-0.50"),
        ("Des crimes horribles.", -1.0, "crime:-0.80; horrible:-1.00"),
        ("Je suis attristé.", -0.6, "attristé:-0.60"),
        ("Ce n'est pas acceptable.", -0.4, "acceptable:-0.40"),
    ],
    "neutral band": [
        # charged words that nearly cancel: listed, but the score is 0
        ("Un texte superbe, mais grave, avec un risque.", 0.0,
         "superbe:0.80; grave:-0.50; risque:-0.30"),
    ],
}
FLAT = [(cls, *case) for cls, cases in CASES.items() for case in cases]


@pytest.fixture(scope="module")
def scored():
    return score_sentiment([text for _, text, _, _ in FLAT])


@pytest.mark.parametrize("index", range(len(FLAT)), ids=[f"{c}: {t}" for c, t, _, _ in FLAT])
def test_class_exact(scored, index):
    _, text, score, terms = FLAT[index]
    row = scored.iloc[index]
    assert row["text"] == text
    assert row["sentiment"] == pytest.approx(score, abs=1e-4), text
    assert row["sentiment_terms"] == terms, text


def test_negated_words_follow_the_parse():
    doc = next(iter(iter_docs(["Poutine ne gagnera pas cette guerre."])))
    negated = {doc[i].text for i in negated_words(list(doc))}
    assert "gagnera" in negated and "guerre" not in negated


def test_band_and_phrase_words():
    assert aggregate([0.1, -0.3, 0.1]) == 0.0  # -0.058: inside the band
    assert aggregate([0.2]) == 0.2 and NEUTRAL_BAND < 0.2
    assert phrase_words("truffé d’incantations") == ("truffé", "d'", "incantations")


@pytest.mark.parametrize(("text", "score", "terms"), [
    # a participle keeps its own sense before its verb's
    ("Je suis honoré.", 0.6, "honoré:0.60"),
    ("Un paiement très sécurisé.", 0.6, "sécurisé:0.60"),
    # reporting verbs and events told in plain words carry no charge
    ("Il a souligné que deux passagers ont survécu.", 0.0, ""),
    # spoken « super » intensifies, it is not a term of its own
    ("C'est super dangereux.", -0.9, "dangereux:-0.90"),
])
def test_senses_and_plain_news(text, score, terms):
    row = score_sentiment(text).iloc[0]
    assert row["sentiment"] == pytest.approx(score, abs=1e-4)
    assert row["sentiment_terms"] == terms
