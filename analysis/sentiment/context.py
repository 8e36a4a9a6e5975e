"""Words that never count because of where they stand: inside a temporal expression.

A time noun of `data/sentiment/time_nouns.csv` and the adjectives attached to it carry no
opinion (« le mois dernier », « la semaine prochaine ») even when the lexicon scores them.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ..paths import read_csv_rows

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Token

TIME_POS = {"NOUN", "PROPN", "ADV"}


@functools.cache
def time_nouns() -> frozenset[str]:
    """Lemmas of nouns that head temporal expressions (« mois », « semaine », « lundi »)."""
    return frozenset(row["lemma"].lower() for row in read_csv_rows("sentiment", "time_nouns.csv"))


def is_time_noun(token: Token) -> bool:
    """A time noun (« mois », « lundi »), not a homograph of another part of speech (« été » the
    participle of « être » is no summer)."""
    nouns = time_nouns()
    return token.pos_ in TIME_POS and (token.lemma_.lower() in nouns or token.lower_ in nouns)


def in_time_expression(token: Token) -> bool:
    """Whether a token is a time noun or a word attached to one (« le mois dernier »)."""
    if is_time_noun(token):
        return True
    if token.head is not token and is_time_noun(token.head):
        return True
    doc = token.doc
    neighbours = doc[max(token.i - 1, 0) : token.i + 2]
    return token.pos_ == "ADJ" and any(t.i != token.i and is_time_noun(t) for t in neighbours)
