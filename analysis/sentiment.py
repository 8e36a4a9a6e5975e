"""How charged a piece of French text is: a lexicon score a researcher can read term by term.

Lexicon: Pattern's French adjective lexicon (`data/lexicons/pattern-fr-sentiment.xml`, PDDL),
overridden and extended by a news-and-politics supplement (`data/sentiment/news_supplement.csv`:
conflict words Pattern lacks such as « blocus », « conflictuel », and time or ordinal words that
Pattern scores but that carry no opinion in news copy such as « dernier », « premier »).

Scoring, token by token (lemmas first, then the lower-cased form for Pattern's inflected
entries):

- a token counts only if it is a content word (ADJ, NOUN, VERB, ADV) outside every named entity
  and outside every temporal expression (a time noun of `data/sentiment/time_nouns.csv` and the
  adjectives attached to it: « le mois dernier »);
- its value is multiplied by the intensifiers/attenuators just before it (« très », « peu »,
  `data/sentiment/modifiers.csv`) and flipped once when a negator (« ne … pas », « jamais »,
  « sans », « aucun ») precedes it in the same clause, within `NEGATION_REACH` tokens;
- each term value is clipped to [-1, 1]; terms with |value| < `MIN_TERM` are ignored.

Aggregation: `sentiment = clip(sum(values) / sqrt(n_terms), -1, 1)`, 0 when no term counts. A
single charged word keeps its full value (« agressives » → -0.80), several charged words of one
sign reinforce each other, words of opposite signs cancel, and a neutral text scores 0.

`sentiment_terms` lists the terms that moved the score, in text order, as
"lemma:value; lemma:value" with signed values to two decimals (e.g. "agressif:-0.80").
"""

from __future__ import annotations

import functools
import math
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from spacy.tokens import Doc, Span, Token

from .paths import data_file, read_csv_rows

COLUMNS = ["text", "sentiment", "sentiment_terms", "n_terms"]
"""Columns of `score_sentiment`: the input text, its score in [-1, 1], the terms with their
signed values ("agressif:-0.80; conflictuel:-0.60"), and how many terms counted."""

CONTENT_POS = {"ADJ", "NOUN", "VERB", "ADV"}
NEGATION_REACH = 5
"""A negator flips the first content word after it (within this many tokens and its clause);
« pas » after a « ne » already spent on a verb does not flip again (« ne gagnera pas cette
guerre »: the negation is on « gagner », « guerre » keeps its sign)."""
NE_PARTNERS = {"pas", "jamais", "plus", "guère", "rien", "point"}
MIN_TERM = 0.2
CLAUSE_BREAK = {",", ";", ":", ".", "!", "?", "…", "(", ")", "«", "»", "“", "”", '"'}


@dataclass(frozen=True)
class Modifier:
    """A word that changes the value of the charged word after it."""

    kind: str  # negator, intensifier or attenuator
    factor: float


@functools.cache
def pattern_lexicon() -> dict[str, float]:
    """Pattern's French forms → polarity (mean over the senses Pattern lists for a form)."""
    values: dict[str, list[float]] = defaultdict(list)
    root = ET.parse(data_file("lexicons", "pattern-fr-sentiment.xml")).getroot()
    for word in root.iter("word"):
        form = (word.get("form") or "").lower()
        if form and word.get("polarity"):
            values[form].append(float(word.get("polarity")))
    return {form: sum(pols) / len(pols) for form, pols in values.items()}


@functools.cache
def supplement() -> dict[str, float]:
    """News-and-politics lemmas → polarity; these override Pattern."""
    return {
        row["lemma"].lower(): float(row["polarity"])
        for row in read_csv_rows("sentiment", "news_supplement.csv")
    }


@functools.cache
def modifiers() -> dict[str, Modifier]:
    """Negators, intensifiers and attenuators by lower-cased word."""
    return {
        row["word"].lower(): Modifier(row["type"], float(row["factor"]))
        for row in read_csv_rows("sentiment", "modifiers.csv")
    }


@functools.cache
def time_nouns() -> frozenset[str]:
    """Lemmas of nouns that head temporal expressions (« mois », « semaine », « lundi »)."""
    return frozenset(row["lemma"].lower() for row in read_csv_rows("sentiment", "time_nouns.csv"))


FEMININE_ENDINGS = (("elle", "el"), ("enne", "en"), ("ive", "if"), ("euse", "eux"),
                    ("rice", "eur"), ("ère", "er"))
PATTERN_POS = {"ADJ", "ADV"}
"""Pattern is an adjective lexicon: a noun or verb that shares an adjective's form (« armée »,
« personnel », « est arrivé ») is a homograph, so Pattern is looked up only for adjectives,
adverbs and participles used as adjectives (dependency `amod`)."""


def base_forms(word: str, adjective: bool = False) -> list[str]:
    """`word` and its likely masculine singular forms (« conflictuelles » → « conflictuel »).

    The small model often leaves feminine plural adjectives un-lemmatised (tagging them as
    nouns), so a lexicon look-up also tries these regular de-inflections.
    """
    forms = [word]
    singular = word[:-1] if len(word) > 3 and word[-1] in "sx" else word
    forms.append(singular)
    for ending, replacement in FEMININE_ENDINGS:
        if singular.endswith(ending) and len(singular) > len(ending) + 2:
            forms.append(singular[: -len(ending)] + replacement)
            break
    else:
        if adjective and singular.endswith("e"):
            forms.append(singular[:-1])
    return list(dict.fromkeys(forms))


def lookup_keys(token: Token) -> list[str]:
    """Keys to try in the lexicons, most trusted first: lemma, form, then de-inflections."""
    lemma, form = token.lemma_.lower(), token.lower_
    adjective = token.pos_ == "ADJ" or "Part" in token.morph.get("VerbForm")
    return list(dict.fromkeys([lemma, form, *base_forms(lemma, adjective),
                               *base_forms(form, adjective)]))


def term_value(token: Token) -> tuple[str, float] | None:
    """(lexicon key, polarity) of a token: the supplement first, then Pattern; None if absent."""
    keys = lookup_keys(token)
    adjectival = token.pos_ in PATTERN_POS or token.dep_ == "amod"
    lexicons = [supplement(), pattern_lexicon()] if adjectival else [supplement()]
    for lexicon in lexicons:
        for key in keys:
            if key in lexicon:
                return key, lexicon[key]
    return None


def in_time_expression(token: Token) -> bool:
    """Whether a token is a time noun or a word attached to one (« le mois dernier »)."""
    nouns = time_nouns()
    if token.lemma_.lower() in nouns or token.lower_ in nouns:
        return True
    if token.head is not token and token.head.lemma_.lower() in nouns:
        return True
    doc = token.doc
    neighbours = doc[max(token.i - 1, 0) : token.i + 2]
    return token.pos_ == "ADJ" and any(
        t.i != token.i and (t.lemma_.lower() in nouns or t.lower_ in nouns) for t in neighbours
    )


def is_modifier(token: Token) -> Modifier | None:
    """The modifier a token is, if any (intensifiers only as adverbs, « plus » only after ne)."""
    mod = modifiers().get(token.lower_)
    if mod is None:
        return None
    if mod.kind != "negator" and token.pos_ not in ("ADV", "DET", "ADJ") and token.lower_ != "peu":
        return None
    if token.lower_ in ("fort", "si", "bien") and token.pos_ != "ADV":
        return None
    return mod


def charged_terms(tokens: Iterable[Token], skip: set[int] | None = None) -> list[tuple[str, float]]:
    """(lemma, signed value) for each token that moves the score, in order (see module doc)."""
    skip = skip or set()
    terms: list[tuple[str, float]] = []
    scale, negated_at, saw_ne, ne_spent = 1.0, None, False, False
    for position, token in enumerate(tokens):
        if token.text in CLAUSE_BREAK:
            scale, negated_at, saw_ne, ne_spent = 1.0, None, False, False
            continue
        mod = is_modifier(token)
        if mod is not None:
            if mod.kind == "negator":
                if token.lower_ == "plus" and not saw_ne:
                    continue  # comparative « plus », not negation
                if token.lower_ in NE_PARTNERS and ne_spent:
                    continue  # « ne VERB pas »: the negation went to the verb
                saw_ne = saw_ne or token.lower_ in ("ne", "n'")
                negated_at = position
            else:
                scale *= mod.factor
            continue
        negated = negated_at is not None and position - negated_at <= NEGATION_REACH
        if negated and token.pos_ in ("ADJ", "NOUN", "VERB"):
            negated_at = None  # the negation is spent on the first content word
            ne_spent = saw_ne
        found = None
        if (
            token.pos_ in CONTENT_POS
            and token.i not in skip
            and not token.ent_type_
            and not in_time_expression(token)
        ):
            found = term_value(token)
        if found is None or abs(found[1]) < MIN_TERM:
            if token.pos_ in CONTENT_POS and token.pos_ != "ADV":
                scale = 1.0
            continue
        key, value = found
        if negated:
            value = -value
        terms.append((key, max(-1.0, min(1.0, value * scale))))
        scale = 1.0
    return terms


def aggregate(values: list[float]) -> float:
    """clip(sum / sqrt(n), -1, 1); 0.0 when there is no term."""
    if not values:
        return 0.0
    return max(-1.0, min(1.0, sum(values) / math.sqrt(len(values))))


def format_terms(terms: list[tuple[str, float]]) -> str:
    """"lemma:value; …" with signed two-decimal values."""
    return "; ".join(f"{lemma}:{value:.2f}" for lemma, value in terms)


def span_sentiment(span: Span | Doc, skip: set[int] | None = None) -> tuple[float, str, int]:
    """(score, terms, n_terms) of a Doc or Span; `skip` holds token indices never to count."""
    terms = charged_terms(span, skip)
    return round(aggregate([v for _, v in terms]), 4), format_terms(terms), len(terms)


def score_sentiment(
    texts: str | Doc | Iterable[str | Doc], model: str | None = None
) -> pd.DataFrame:
    """Score each text or Doc (plain strings are parsed through the shared cache).

    Returns one row per input, in input order, with the columns in `COLUMNS`.
    """
    from .nlp import iter_docs

    items = [texts] if isinstance(texts, str | Doc) else list(texts)
    strings = [item for item in items if isinstance(item, str)]
    parsed = iter(iter_docs(strings, model=model)) if strings else iter(())
    rows = []
    for item in items:
        doc = next(parsed) if isinstance(item, str) else item
        score, terms, n_terms = span_sentiment(doc)
        rows.append({"text": doc.text, "sentiment": score, "sentiment_terms": terms,
                     "n_terms": n_terms})
    return pd.DataFrame(rows, columns=COLUMNS)
