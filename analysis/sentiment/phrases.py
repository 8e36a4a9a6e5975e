"""Multiword expressions and idioms whose charge is not in any single word
(`data/sentiment/phrases.csv`: « baisser les bras », « prise de bec », « machine à décerveler »).

A phrase is written as its words separated by spaces, an elided word keeping its apostrophe
(« truffé d'incantations » → truffé, d', incantations). Each word of a phrase matches a token
whose lemma or lower-cased form it is, so « laisser au bord du chemin » matches « laissés au
bord du chemin » and the phrase is written with lemmas where inflection varies. The longest
phrase starting at a token wins; its words are consumed and count once, under the phrase.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..paths import read_csv_rows

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Token

APOSTROPHES = str.maketrans({"’": "'"})


def phrase_words(phrase: str) -> tuple[str, ...]:
    """The words of a phrase as the tokenizer splits them (« d'un » → d', un)."""
    return tuple(re.findall(r"[^\s']+'|[^\s']+", phrase.lower().translate(APOSTROPHES)))


@functools.cache
def phrases() -> dict[tuple[str, ...], tuple[str, float]]:
    """Words of each phrase → (phrase as written, polarity)."""
    return {
        phrase_words(row["phrase"]): (row["phrase"], float(row["polarity"]))
        for row in read_csv_rows("sentiment", "phrases.csv")
    }


@functools.cache
def first_words() -> dict[str, int]:
    """First word of the phrases → length of the longest phrase starting with it."""
    longest: dict[str, int] = {}
    for words in phrases():
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return longest


def token_forms(token: Token) -> frozenset[str]:
    """The forms a phrase word may take to match this token: lemma and lower-cased text."""
    return _forms(token.lemma_, token.lower_)


@functools.lru_cache(maxsize=1 << 16)
def _forms(lemma: str, lower: str) -> frozenset[str]:
    """`token_forms` from the token's strings, kept once computed (speed only)."""
    return frozenset((lemma.lower().translate(APOSTROPHES), lower.translate(APOSTROPHES)))


GAP_WORDS = {"pas", "jamais", "plus", "guère", "point", "rien", "même", "vraiment", "surtout"}
"""Words that may stand inside a phrase without breaking it (« ne baissera pas les bras »)."""


def match_at(tokens: Sequence[Token], start: int) -> tuple[list[int], str, float] | None:
    """(positions of its words in `tokens`, phrase, polarity) of the longest phrase starting at
    `tokens[start]`, if any; negation words and a few adverbs may stand between its words
    (`GAP_WORDS`) without being part of it."""
    forms = token_forms(tokens[start])
    if not any(f in first_words() for f in forms):
        return None
    best = None
    for words, (phrase, value) in phrases().items():
        if words[0] not in forms or (best is not None and len(words) <= len(best[0])):
            continue
        positions, at = [start], start + 1
        for word in words[1:]:
            while at < len(tokens) and word not in token_forms(tokens[at]) and (
                tokens[at].lower_ in GAP_WORDS
            ):
                at += 1
            if at >= len(tokens) or word not in token_forms(tokens[at]):
                break
            positions.append(at)
            at += 1
        if len(positions) == len(words):
            best = (positions, phrase, value)
    return best


def phrase_head(tokens: Sequence[Token]) -> Token:
    """The token of a matched phrase whose syntactic head lies outside it (its head word)."""
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in inside or t.head is t:
            return t
    return tokens[0]
