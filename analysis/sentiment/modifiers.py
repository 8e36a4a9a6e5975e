"""Words that change the value of the charged word after them: negators, intensifiers and
attenuators (`data/sentiment/modifiers.csv`)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..paths import read_csv_rows

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Token


@dataclass(frozen=True)
class Modifier:
    """A word that changes the value of the charged word after it."""

    kind: str  # negator, intensifier or attenuator
    factor: float


@functools.cache
def modifiers() -> dict[str, Modifier]:
    """Negators, intensifiers and attenuators by lower-cased word."""
    return {
        row["word"].lower(): Modifier(row["type"], float(row["factor"]))
        for row in read_csv_rows("sentiment", "modifiers.csv")
    }


def is_modifier(token: Token) -> Modifier | None:
    """The modifier a token is, if any: intensifiers and attenuators only as adverbs or right
    before an adjective or adverb (« super dangereux », whatever the tagger says)."""
    mod = modifiers().get(token.lower_)
    if mod is None:
        return None
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    before_adjective = following is not None and following.pos_ in ("ADJ", "ADV")
    if (
        mod.kind != "negator"
        and token.pos_ not in ("ADV", "DET", "ADJ")
        and token.lower_ != "peu"
        and not before_adjective
    ):
        return None
    if token.lower_ in ("fort", "si", "bien") and token.pos_ != "ADV":
        return None
    return mod


def scale_of(word: Token, inside: set[int]) -> float:
    """The product of the intensifiers and attenuators that modify `word`: those attached to it
    in the parse (« très » in « très agressive ») and those right before it (« un peu tendue »),
    among the tokens `inside`. Negators are handled by `negation`, not here."""
    doc = word.doc
    seen: set[int] = set()
    factor = 1.0
    candidates = [c for c in word.children if c.i < word.i]
    at = word.i - 1
    while at >= 0 and at in inside and is_modifier(doc[at]) is not None:
        candidates.append(doc[at])
        at -= 1
    for token in candidates:
        if token.i in seen or token.i not in inside:
            continue
        seen.add(token.i)
        mod = is_modifier(token)
        if mod is not None and mod.kind != "negator":
            factor *= mod.factor
    return factor
