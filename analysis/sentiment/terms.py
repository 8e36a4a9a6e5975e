"""The charged terms of a run of tokens, in text order, with their signed values.

Token by token: a token counts only if it is a content word (ADJ, NOUN, VERB, ADV) outside every
named entity and every temporal expression; its value is multiplied by the intensifiers and
attenuators just before it and flipped once when a negator (« ne … pas », « jamais », « sans »,
« aucun ») precedes it in the same clause, within `NEGATION_REACH` tokens; each value is clipped
to [-1, 1] and terms with |value| < `MIN_TERM` are ignored.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from .context import in_time_expression
from .lexicon import term_value
from .modifiers import is_modifier

CONTENT_POS = {"ADJ", "NOUN", "VERB", "ADV"}
NEGATION_REACH = 5
"""A negator flips the first content word after it (within this many tokens and its clause);
« pas » after a « ne » already spent on a verb does not flip again (« ne gagnera pas cette
guerre »: the negation is on « gagner », « guerre » keeps its sign)."""
NE_PARTNERS = {"pas", "jamais", "plus", "guère", "rien", "point"}
MIN_TERM = 0.2
CLAUSE_BREAK = {",", ";", ":", ".", "!", "?", "…", "(", ")", "«", "»", "“", "”", '"'}


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
