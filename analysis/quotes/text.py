"""Tokens, sentences and character windows of a parsed document (memoised per Doc).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from .lexicon import mark_roles
from .marks import Marked

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Doc, Token


def token_starts(doc: Doc) -> list[int]:
    """Character offset of each token, computed once per Doc (kept in `doc.user_data`)."""
    starts = doc.user_data.get("quotes_token_starts")
    if starts is None or len(starts) != len(doc):
        starts = [t.idx for t in doc]
        doc.user_data["quotes_token_starts"] = starts
    return starts


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once (`Doc.text` joins every token on each access)."""
    cached = doc.user_data.get("quotes_text")
    if cached is None or cached[0] != len(doc):
        cached = (len(doc), doc.text)
        doc.user_data["quotes_text"] = cached
    return cached[1]


def word_columns(doc: Doc) -> tuple[list[str], list[str]]:
    """The lower-cased form and lower-cased lemma of every token, built once per Doc from the
    token hashes (reading `lower_` and `lemma_` token by token was most of the whole-document
    scans for reporting verbs)."""
    columns = doc.user_data.get("quotes_word_columns")
    if columns is None or len(columns[0]) != len(doc):
        from spacy.attrs import LEMMA, LOWER

        strings, lowers, lemmas = doc.vocab.strings, {}, {}
        pairs = doc.to_array([LOWER, LEMMA]).tolist() if len(doc) else []
        columns = (
            [lowers[h] if h in lowers else lowers.setdefault(h, strings[h]) for h, _ in pairs],
            [lemmas[h] if h in lemmas else lemmas.setdefault(h, strings[h].lower())
             for _, h in pairs],
        )
        doc.user_data["quotes_word_columns"] = columns
    return columns


def sentence_of(token: Token) -> int:
    """Index of the first token of the token's sentence (spaCy's sentences, computed once per
    Doc: `Token.sent` re-scans the whole document on every call)."""
    doc = token.doc
    firsts = doc.user_data.get("quotes_sentence_firsts")
    if firsts is None or len(firsts) != len(doc):
        firsts = [0] * len(doc)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                firsts[i] = sent.start
        doc.user_data["quotes_sentence_firsts"] = firsts
    return firsts[token.i]


def char_token(doc: Doc, char: int) -> Token | None:
    """The token covering a character offset (or the next token), None past the end."""
    starts = token_starts(doc)
    i = bisect.bisect_right(starts, char) - 1
    if i >= 0 and char < starts[i] + len(doc[i].text):
        return doc[i]
    return doc[i + 1] if i + 1 < len(doc) else None


def tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    """Non-space tokens that start within [start, end), quotation marks left out (the tagger
    often calls a mark a verb or a name)."""
    starts = token_starts(doc)
    lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    return [t for t in doc[lo:hi] if not t.is_space and t.text not in mark_roles()]


SENTENCE_STOP = re.compile(r"[.!?…][»”\"]?(?:\s+|(?=[A-ZÀ-Ý][a-zà-ÿ]))")
"""A sentence end: . ! ? … (and a closing mark) before a space or a glued capitalised word."""

_STOPS: dict = {"text": None, "paragraphs": {}}


def _stops(text: str, para_start: int) -> tuple[int, list[int]]:
    """Offsets of every sentence-stop match of the paragraph opening at `para_start` (to the
    text's next line break), computed once per paragraph of the text last asked about: an
    index, so that finding a sentence's start costs a bisection, not a scan of the paragraph
    (linear, not quadratic, in a long paragraph)."""
    if _STOPS["text"] is not text:
        _STOPS["text"], _STOPS["paragraphs"] = text, {}
    found = _STOPS["paragraphs"].get(para_start)
    if found is None:
        end = text.find("\n", para_start)
        end = len(text) if end < 0 else end
        found = (end, [m.start() for m in SENTENCE_STOP.finditer(text, para_start, end)])
        _STOPS["paragraphs"][para_start] = found
    return found


def sentence_start(text: str, para_start: int, pos: int) -> int:
    """Start of the sentence holding `pos`, within its paragraph (ends: . ! ? … + space, or
    glued to a capitalised word, « ».Pour le collectif », where the sentence starts at the
    stop so that the token « .Pour » belongs to it). Uses the paragraph's index of stops
    (`_stops`); each candidate is matched again on the text cut at `pos`, which gives
    exactly what a scan of `text[para_start:pos]` gives."""
    end, stops = _stops(text, para_start)
    if pos > end:  # a start that is no paragraph's: scan (never the case in the package)
        stops = [para_start + m.start() for m in SENTENCE_STOP.finditer(text[para_start:pos])]
    k = bisect.bisect_left(stops, pos)
    while k > 0:
        k -= 1
        at = stops[k]
        match = SENTENCE_STOP.match(text, at, pos)
        if match is None or _abbreviation(text, at):
            continue
        glued = not match[0][-1:].isspace()
        return at if glued else match.end()
    return para_start


def sentence_end(text: str, pos: int, para_end: int) -> int:
    """End of the sentence from `pos` (the end punctuation excluded), within its paragraph."""
    for match in re.finditer(r"[.!?…](?=[»”\"]?(\s|$)|[A-ZÀ-Ý][a-zà-ÿ])", text[pos:para_end]):
        if not _abbreviation(text, pos + match.start()):
            return pos + match.start()
    return para_end


def _abbreviation(text: str, dot: int) -> bool:
    """A full stop that ends « M. » or a single capital initial, not a sentence."""
    word = re.search(r"(\w+)$", text[max(0, dot - 4) : dot])
    return bool(word) and (word[1] in ("M", "Mme", "Dr", "St") or
                           (len(word[1]) == 1 and word[1].isupper()))


def marked_ranges(quotes: list[Marked]) -> Ranges:
    """(opening mark, closing mark + 1) of each quoted span."""
    return Ranges((q.opener, q.closer + 1) for q in quotes)


class Ranges(list):
    """Sorted (start, end) character ranges with an index: whether an offset falls in one
    of them is a bisection (`inside`), not a scan of every range."""

    def __init__(self, ranges=()):
        super().__init__(sorted(ranges))
        self.starts = [a for a, _ in self]
        self.reach: list[int] = []  # furthest end among the ranges up to each one
        for _, b in self:
            self.reach.append(max(b, self.reach[-1]) if self.reach else b)

    def holds(self, pos: int) -> bool:
        return self.holder(pos) is not None

    def holder(self, pos: int) -> tuple[int, int] | None:
        """The range holding `pos` (the innermost, nested ranges aside), or None."""
        k = bisect.bisect_right(self.starts, pos) - 1
        if k < 0 or self.reach[k] <= pos:
            return None
        while k >= 0 and self.reach[k] > pos:  # nested ranges: the one holding pos
            if self[k][1] > pos:
                return self[k]
            k -= 1
        return None


def inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether a character offset falls in one of the ranges (indexed for `Ranges`)."""
    if isinstance(ranges, Ranges):
        return ranges.holds(pos)
    return any(a <= pos < b for a, b in ranges)
