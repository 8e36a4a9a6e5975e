"""The polarity lexicons and how a token is looked up in them.

Three layers, most trusted first:

1. the news-and-politics supplement (`data/sentiment/news_supplement.csv`, written for this
   project): charged political words the general lexicons lack, corrections where their scores
   mislead in news, and words that carry no opinion in news copy (0.0: ordinals, demonyms,
   « également », « vivant »); an entry may be restricted to some parts of speech (« vague »
   the adjective, not « les vagues » the waves);
2. Pattern's French adjective lexicon (`data/lexicons/pattern-fr-sentiment.xml`, PDDL), looked
   up for adjectives and adverbs only;
3. the French VADER lexicon (`data/lexicons/vader-fr.csv`, MIT: human-rated valences of VADER,
   translated to French by the authors of `vaderSentiment-fr`), for nouns and verbs too.

Lemmas are tried first, then the lower-cased form (the lexicons list inflected forms), then
regular de-inflections, because the small model often leaves feminine plural adjectives
un-lemmatised.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TYPE_CHECKING

from ..paths import data_file, read_csv_rows

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Token

FEMININE_ENDINGS = (("elle", "el"), ("enne", "en"), ("ive", "if"), ("euse", "eux"),
                    ("rice", "eur"), ("ère", "er"))
PATTERN_POS = {"ADJ", "ADV"}
"""Pattern is an adjective lexicon: a noun or verb that shares an adjective's form (« armée »,
« personnel », « est arrivé ») is a homograph, so Pattern is looked up only for adjectives,
adverbs and participles used as adjectives (dependency `amod`)."""


VADER_MIN = 0.2
"""VADER values weaker than this are ignored: a mild valence in the English original is often a
sense that the French translation does not carry (« fois » −0.25, « sécurité » +0.12)."""


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
    """News-and-politics lemmas → polarity (entries for any part of speech); these override
    the general lexicons."""
    return {
        row["lemma"].lower(): float(row["polarity"])
        for row in read_csv_rows("sentiment", "news_supplement.csv")
        if not row.get("pos")
    }


@functools.cache
def supplement_by_pos() -> dict[tuple[str, str], float]:
    """(lemma, POS) → polarity for the supplement's entries restricted to some parts of speech
    (`pos` column, several POS separated by spaces)."""
    return {
        (row["lemma"].lower(), pos): float(row["polarity"])
        for row in read_csv_rows("sentiment", "news_supplement.csv")
        for pos in (row.get("pos") or "").split()
    }


@functools.cache
def vader_lexicon() -> dict[str, float]:
    """The French VADER lexicon: word → valence in [-1, 1] (VADER's -4…+4 divided by 4)."""
    return {
        row["word"]: float(row["polarity"]) for row in read_csv_rows("lexicons", "vader-fr.csv")
    }


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
    """Keys to try in the lexicons, most trusted first: lemma, form, then de-inflections.

    A participle keeps its own sense before its verb's (« honoré » before « honorer »,
    « sécurisé » before « sécuriser »): its form and de-inflected forms come first.
    """
    lemma, form = token.lemma_.lower(), token.lower_
    participle = "Part" in token.morph.get("VerbForm") or (
        token.pos_ == "ADJ" and lemma.endswith(("er", "ir")) and not form.endswith(("er", "ir"))
    )
    return list(_keys(lemma, form, participle, token.pos_ == "ADJ" or participle))


@functools.lru_cache(maxsize=1 << 16)
def _keys(lemma: str, form: str, participle: bool, adjective: bool) -> tuple[str, ...]:
    """`lookup_keys` from the token's strings, kept once computed (the same words recur
    in every article; speed only)."""
    if participle:
        return tuple(dict.fromkeys([*base_forms(form, adjective), lemma,
                                    *base_forms(lemma, adjective)]))
    return tuple(dict.fromkeys([lemma, form, *base_forms(lemma, adjective),
                                *base_forms(form, adjective)]))


def term_value(token: Token) -> tuple[str, float] | None:
    """(lexicon key, polarity) of a token: the supplement first, then Pattern (adjectival
    tokens only), then VADER; None if absent."""
    keys = lookup_keys(token)
    by_pos = supplement_by_pos()
    for key in keys:
        if (key, token.pos_) in by_pos:
            return key, by_pos[key, token.pos_]
    adjectival = token.pos_ in PATTERN_POS or token.dep_ == "amod"
    lexicons = [supplement(), pattern_lexicon()] if adjectival else [supplement()]
    for lexicon in lexicons:
        for key in keys:
            if key in lexicon:
                return key, lexicon[key]
    vader = vader_lexicon()
    for key in keys:
        if key in vader:
            value = vader[key]
            return (key, value) if abs(value) >= VADER_MIN else None
    return None
