"""Finding quotes in quotation marks: every quoted span of a text (titles and names left out),
and whether it is a direct quote or a partial one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .lexicon import mark_roles, title_cues, verb_forms, word_set


@dataclass(frozen=True)
class Marked:
    """A span between quotation marks (`start`/`end` exclude marks and outer spaces)."""

    start: int
    end: int
    opener: int
    closer: int  # offset of the closing mark, or the paragraph end when the quote runs on
    para_start: int
    para_end: int
    runs_on: bool = False


@functools.lru_cache(maxsize=4)
def paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each non-empty line of the text (memoised: the rules ask for the
    same document's paragraphs many times)."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return tuple(spans)


@functools.lru_cache(maxsize=4)
def paragraph_starts(text: str) -> list[int]:
    """Start offset of each paragraph (`paragraphs`), for bisection."""
    return [s for s, _ in paragraphs(text)]


def mark_role(text: str, i: int, open_marks: list[str]) -> str:
    """open or close for the mark at `i`; ambiguous marks are decided by what is around them."""
    mark = text[i]
    role = mark_roles()[mark]
    if role != "either":
        return role
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if mark == "“" and open_marks and open_marks[-1] == "„":
        return "close"
    opens = before.isspace() or before in "([{-—–/'"
    closes = after.isspace() or after in ".,;:!?)]…»"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    if mark == '"':
        return "close" if open_marks else "open"
    return "open" if mark == "“" else "close"


def _inner(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces (and a trailing comma) from a quoted span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


@functools.cache
def _mark_regex() -> re.Pattern:
    """Any quotation mark of `quote_marks.csv` (found by the regex engine, not character by
    character in Python)."""
    return re.compile("[" + "".join(map(re.escape, mark_roles())) + "]")


def paragraph_quotes(text: str, para: tuple[int, int], next_opens: bool) -> list[Marked]:
    """Outermost quoted spans of one paragraph; an unclosed one runs on only if the next
    paragraph reopens with a mark (French style), otherwise the stray mark is ignored."""
    start, end = para
    stack: list[tuple[int, str]] = []
    found = []
    for mark in _mark_regex().finditer(text, start, end):
        i = mark.start()
        role = mark_role(text, i, [m for _, m in stack])
        if role == "open":
            stack.append((i, text[i]))
        elif stack:
            if mark_roles()[text[i]] == "close" and any(m in "«‹" for _, m in stack):
                while stack[-1][1] not in "«‹":
                    stack.pop()
            opener, _ = stack.pop()
            if not stack:
                found.append(Marked(*_inner(text, opener + 1, i), opener, i, start, end))
    if stack and next_opens and direct_position(text, start, stack[0][0]):
        opener = stack[0][0]
        found.append(Marked(*_inner(text, opener + 1, end), opener, end, start, end, True))
    return [m for m in found if m.end > m.start]


LEFT_CONTEXT = 400
"""How many characters before an opening mark the mark rules read (the last words matter):
a bound, so that the cost per quote does not grow with its paragraph."""


def left_context(text: str, para_start: int, opener: int) -> str:
    """The paragraph's text before `opener`, trailing spaces removed, at most about
    `LEFT_CONTEXT` characters cut at a word boundary (all of it when only spaces are in
    view)."""
    start = max(para_start, opener - LEFT_CONTEXT)
    if start > para_start:
        space = text.find(" ", start, opener)
        start = space + 1 if space >= 0 else start
    before = text[start:opener].rstrip()
    if not before and start > para_start:
        return text[para_start:opener].rstrip()
    return before


def direct_position(text: str, para_start: int, opener: int) -> bool:
    """Whether a mark opens its paragraph or follows a colon or a sentence end."""
    before = left_context(text, para_start, opener)
    return not before or before[-1] in ":.!?…"


def is_title(text: str, quote: Marked) -> bool:
    """Whether the word just before the opening mark names a work or a thing (« le film »),
    the quoted phrase starting with a capital when the cue asks for one; or the phrase right
    after a definite determiner is a name (see `is_name`)."""
    before = left_context(text, quote.para_start, quote.opener)
    if is_name(text, quote, before):
        return True
    match = re.search(r"([\w-]+)\s*,?$", before)  # « son dernier roman, « … » »
    first = text[quote.start : quote.start + 1]
    if not match or match[1].lower() not in title_cues():
        return first.isupper() and titled_apposition(text, quote, before)
    return not title_cues()[match[1].lower()] or first.isupper() or first.isdigit()


def titled_apposition(text: str, quote: Marked, before: str) -> bool:
    """« Le dernier film de Jacques Audiard, « Emilia Perez », … »: a short capitalised phrase
    in apposition to a title noun a few words back (the noun's complement in between) is the
    title, not a quote."""
    words = text[quote.start : quote.end].split()
    if len(words) > TITLE_MAX_WORDS or text[quote.start : quote.end].rstrip()[-1:] in "!?.…":
        return False
    if not before.endswith(",") or re.search(r"[.!?:;«»“”\"]", before[-60:-1]):
        return False
    previous = re.findall(r"[\w-]+", before[:-1])[-5:-1]
    return any(title_cues().get(word.lower()) is True for word in previous)


TITLE_MAX_WORDS = 8
"""Longest capitalised phrase read as a title in apposition (« le film de X, « Y » »)."""
DEFINITE_BEFORE = re.compile(r"(?:^|[\s(])(?:le|la|les|l')$", re.IGNORECASE)


def is_name(text: str, quote: Marked, before: str) -> bool:
    """« la « loi travail » », « le « Mozart de la finance » », « l'« affaire X » »: a quoted
    phrase right after a definite determiner that starts with a capital or a naming noun
    (`name_heads.csv`) names a thing; « une réforme « juste » », « le « greenwashing » » stay
    quotes."""
    if not DEFINITE_BEFORE.search(before):
        return False
    words = re.findall(r"[\w-]+", text[quote.start : quote.end].lower())
    first = text[quote.start : quote.start + 1]
    return first.isupper() or first.isdigit() or bool(words) and words[0] in word_set(
        "name_heads.csv", "word")


def find_marked(text: str) -> list[Marked]:
    """Every quoted span of a text, titles of works left out."""
    paras = paragraphs(text)
    found = []
    for k, para in enumerate(paras):
        nxt = paras[k + 1] if k + 1 < len(paras) else None
        next_opens = nxt is not None and mark_roles().get(text[nxt[0]:nxt[1]].lstrip()[:1]) in (
            "open", "either")
        found.extend(q for q in paragraph_quotes(text, para, next_opens) if not is_title(text, q))
    return found

def quote_kind(text: str, quote: Marked) -> str:
    """direct or partial, from what precedes the opening mark (see module doc)."""
    before = left_context(text, quote.para_start, quote.opener)
    first = text[quote.start : quote.start + 1]
    if direct_position(text, quote.para_start, quote.opener) or before[-1] in mark_roles():
        return "direct"
    if before[-1] in ",—–-" and first.isupper():
        return "direct"
    last_word = re.search(r"([\w-]+)$", before)
    if first.isupper() and last_word and last_word[1].lower() in verb_forms():
        return "direct"  # « Il a lancé « Nous partirons » » (colon left out)
    return "partial"
