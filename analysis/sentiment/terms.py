"""The charged terms of a run of tokens, in text order, with their signed values.

Token by token: a multiword expression of `phrases` is matched first (longest first) and counts
once under the phrase; otherwise a token counts only if it is a content word (ADJ, NOUN, VERB,
ADV) outside every named entity and every temporal expression, with its lexicon value (see
`lexicon`). The value is multiplied by the intensifiers and attenuators that modify the word
(`modifiers.scale_of`), flipped when a negator of the run bears on the word (`negation`; for a
phrase, on its head word), clipped to [-1, 1], and ignored when |value| < `MIN_TERM`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .context import in_time_expression
from .lexicon import term_value
from .modifiers import is_modifier, scale_of
from .negation import negated_words
from .phrases import match_at, phrase_head

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Token

CONTENT_POS = {"ADJ", "NOUN", "VERB", "ADV"}
MIN_TERM = 0.2
"""Terms weaker than this are ignored (mild words such as « sécurité » 0.12 in VADER)."""
NEGATION_FACTOR = 1.0
"""A negated term's value is -NEGATION_FACTOR × its value."""


def counts(token: Token, skip: set[int]) -> bool:
    """Whether a token may carry a term: a content word outside entities and time expressions."""
    return (
        token.pos_ in CONTENT_POS
        and token.i not in skip
        and not token.ent_type_
        and not in_time_expression(token)
    )


def phrase_matches(run: list[Token], skip: set[int]) -> dict[int, tuple[list[int], str, float]]:
    """The phrases of `run`, left to right, longest first, by the position of their first word."""
    matches: dict[int, tuple[list[int], str, float]] = {}
    position = 0
    while position < len(run):
        match = match_at(run, position) if run[position].i not in skip else None
        if match is None:
            position += 1
            continue
        matches[position] = match
        position = match[0][-1] + 1
    return matches


def charged_terms(tokens: Iterable[Token], skip: set[int] | None = None) -> list[tuple[str, float]]:
    """(lemma or phrase, signed value) for each term that moves the score, in text order."""
    skip = skip or set()
    run = list(tokens)
    inside = {t.i for t in run}
    matches = phrase_matches(run, skip)
    in_phrase = {run[k].i for positions, _, _ in matches.values() for k in positions}
    negated = negated_words(run, ignore=in_phrase)
    terms: list[tuple[str, float]] = []
    position = 0
    while position < len(run):
        token = run[position]
        if position in matches:
            positions, key, value = matches[position]
            words = [run[k] for k in positions]
            position = positions[-1] + 1
            if any(t.i in skip or t.ent_type_ for t in words):
                continue
            head = phrase_head(words)
        else:
            position += 1
            if token.i in in_phrase or not counts(token, skip) or is_modifier(token) is not None:
                continue
            found = term_value(token)
            if found is None:
                continue
            key, value = found
            head = token
        value *= scale_of(head, inside)
        if head.i in negated:
            value = -NEGATION_FACTOR * value
        if abs(value) < MIN_TERM:
            continue
        terms.append((key, max(-1.0, min(1.0, value))))
    return terms
