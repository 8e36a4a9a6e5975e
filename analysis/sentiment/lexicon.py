"""The polarity lexicons and how a token is looked up in them.

Pattern's French adjective lexicon (`data/lexicons/pattern-fr-sentiment.xml`, PDDL) is overridden
and extended by a news-and-politics supplement (`data/sentiment/news_supplement.csv`). Lemmas are
tried first, then the lower-cased form (Pattern lists inflected forms), then regular
de-inflections, because the small model often leaves feminine plural adjectives un-lemmatised.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from collections import defaultdict

from spacy.tokens import Token

from ..paths import data_file, read_csv_rows

FEMININE_ENDINGS = (("elle", "el"), ("enne", "en"), ("ive", "if"), ("euse", "eux"),
                    ("rice", "eur"), ("ère", "er"))
PATTERN_POS = {"ADJ", "ADV"}
"""Pattern is an adjective lexicon: a noun or verb that shares an adjective's form (« armée »,
« personnel », « est arrivé ») is a homograph, so Pattern is looked up only for adjectives,
adverbs and participles used as adjectives (dependency `amod`)."""


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
