"""Quoted words that name a thing rather than report speech, decided on the parse: a title, a
label or a proper name inside the reporter's sentence (« la sculpture « La Petite danseuse » »,
« un « Congrès national général » », « de « A3 » à « Baa3 » »).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .marks import Marked, direct_position, left_context
from .text import doc_text, tokens_between

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Doc

NAME_MAX_WORDS = 8
"""Longest capitalised, verbless phrase in the middle of a sentence read as a name or title."""
CODE = re.compile(r"\w*\d\w*")
"""One word mixing letters and digits (« A3 », « G20 »): a code or a grade, not speech."""


EXAMPLES = re.compile(r"(?:\btel(?:le)?s?\s+que|\btel(?:le)?s?\s+que\s+«[^»]*»\s*(?:,|ou|et))$",
                      re.IGNORECASE)
"""« telles que « A » ou « B » »: quoted words given as examples after « tel que » are names
of things (pages, products, words), not speech."""


def names_a_thing(doc: Doc, quote: Marked) -> bool:
    """Whether quoted words inside a sentence (not opening it, not after a colon) are a name:
    one code-like word, short examples after « tel que », or a capitalised phrase of at most
    `NAME_MAX_WORDS` words with no verb and no final punctuation. A quoted clause has a verb;
    a quoted fragment that starts with a capital mid-sentence without one is a title, a label
    or a nickname."""
    text = doc_text(doc)
    words = text[quote.start : quote.end].split()
    if quote.runs_on or direct_position(text, quote.para_start, quote.opener):
        return False
    before = left_context(text, quote.para_start, quote.opener)
    if EXAMPLES.search(before) and len(words) <= NAME_MAX_WORDS:
        return True  # « des pages telles que « suicide » ou « permanganate » »: named things
    if before[-1:] in ",—–-" or not words:
        return False  # « …, « Nous partirons » »: a direct quote after a comma or dash
    if len(words) == 1 and CODE.fullmatch(words[0]) and any(c.isdigit() for c in words[0]):
        return True
    if not words[0][:1].isupper() or len(words) > NAME_MAX_WORDS:
        return False
    if text[quote.start : quote.end].rstrip()[-1:] in ".!?…":
        return False
    tokens = tokens_between(doc, quote.start, quote.end)
    return not any(t.pos_ in ("VERB", "AUX") for t in tokens)
