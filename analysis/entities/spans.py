"""Small helpers on character spans: overlaps, sentence starts, text that is not prose, the word
before a span, choosing among overlapping candidates, quoted titles, hyphenated words."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .lexicon import _alias_label, _non_prose_regexes, rules
from .schema import _PRIORITY, Mention

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Doc


def _non_prose(text: str) -> list[tuple[int, int]]:
    return [m.span() for regex, needle in _non_prose_regexes() if needle in text
            for m in regex.finditer(text)]


def _overlaps(mention: Mention, spans) -> bool:
    return any(mention.start < end and start < mention.end for start, end in spans)


def _sentence_starts(doc: Doc) -> list[int]:
    return [sent.start_char for sent in doc.sents] if doc.has_annotation("SENT_START") else [0]


def _opens_sentence(text: str, start: int, starts: list[int]) -> bool:
    """Whether only punctuation and spaces separate `start` from its sentence's beginning."""
    first = starts[max(bisect.bisect_right(starts, start) - 1, 0)]
    line = text.rfind("\n", 0, start) + 1
    return not re.search(r"\w", text[max(first, line) : start])


_WORD_BEFORE = re.compile(r"([\w'-]+)[ \t]+$")
_WORD_AFTER = re.compile(r"^[ \t]+([\w'-]+)")


def _word_before(text: str, start: int) -> str | None:
    """The word right before `start` (an elision keeps its apostrophe: `d'`)."""
    match = re.search(r"([\w]+'?)\W*$", text[max(0, start - 30) : start])
    return match.group(1) if match else None


def _span_words(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The part of `text[start:end]` between punctuation and spaces, with its offset."""
    match = re.search(r"[\w][\w'’. -]*[\w]|\w", text[start:end])
    return (match.group(0), start + match.start()) if match else None


def _select(candidates: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: the longest span wins, then the surest source."""
    ranked = sorted(candidates, key=lambda m: (-(m.end - m.start), -_PRIORITY[m.source], m.start))
    chosen: list[Mention] = []
    for mention in ranked:
        if not _overlaps(mention, [(c.start, c.end) for c in chosen]):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: (m.start, m.end))


_HYPHEN_TAIL = re.compile(r"-[A-ZÀ-ÖØ-Þ][^\W\d_]*")
_CAPS_RUN = r"[A-ZÀ-ÖØ-Þ][\w'’-]*(?: (?:of |and |& |the )?[A-ZÀ-ÖØ-Þ][\w'’-]*)*"
_ENGLISH_JOIN = re.compile(rf",? (?:and|&) {_CAPS_RUN}")
_CAPS_AFTER = re.compile(rf" {_CAPS_RUN}")
_POSSESSIVE = re.compile(r"['’]s(?![\w'’-])")
_NUMBER_TAIL = re.compile(
    r" \d{1,3}(?:\.\d{1,2})?[A-Z]?(?![\w%/-]|[.,]\d| ?%)(?: (?P<next>[\w'’]+))?"
)


def _whole_words(text: str, mention: Mention) -> Mention | None:
    """A span cut inside a hyphenated word: widened over a capitalised tail (`Bordeaux` of
    `Bordeaux-Bègles`), dropped when the tail is lowercase (`Rendez` of `Rendez-vous`); an
    English possessive `'s` belongs to the name (`Moody's`, `McDonald's`), and so does a short
    number right after a name that is not a person's (`France 24`, `Ubuntu 12.10`, `Unity
    2D`), unless a unit or a date follows it (`Lyon 3 heures`, `Paris 2 mai`: `number_units`);
    an alias-table place with a number is a channel or a brand (`France 24`: ORG)."""
    joined = _english_join(text, mention)
    if joined is not None:
        return joined
    if _POSSESSIVE.match(text, mention.end) and text[mention.start : mention.end][:1].isupper():
        return replace(mention, end=mention.end + 2)
    number = _NUMBER_TAIL.match(text, mention.end)
    if number and mention.label != "PER" and (number["next"] or "") not in rules()["number_units"]:
        end = number.end(0) - (len(number["next"]) + 1 if number["next"] else 0)
        # a place and a number name a channel or a brand (`France 24`, `Europe 1`): ORG
        place = _alias_label(text[mention.start : mention.end]) == "LOC"
        return replace(mention, end=end, label="ORG" if place else mention.label)
    tail = _HYPHEN_TAIL.match(text, mention.end)
    if tail:
        return replace(mention, end=tail.end())
    if re.match(r"-[a-zà-ÿ]", text[mention.end : mention.end + 2]):
        return None
    return mention


_QUOTED = re.compile(r"«\s*([^»]{1,80}?)\s*»")


def _quoted_titles(text: str) -> list[tuple[int, int]]:
    """Short passages in « » that open with a capital (`« Anatomie d'une chute »`, `« Le
    Comte de Monte-Cristo »`, `« Démission ! »`): titles of works and slogans, where the
    model's spans are no entities (names found by the alias table or a first name still
    count)."""
    return [
        match.span(1)
        for match in _QUOTED.finditer(text)
        if match.group(1)[:1].isupper() and len(match.group(1).split()) <= 8
    ]


def _english_join(text: str, mention: Mention) -> Mention | None:
    """An English name the model cut at `and`/`&` (`Hi Investment and` + `Securities`,
    `Sterling & Francine` + `Clark Art Institute`) or before an organisation word (`The
    Hollywood` + `Reporter`) or before an English place word (`Madrid` + `Arena`, `McCormick` +
    `Place`: LOC): widened over the capitalised words that follow; None when nothing is to be
    joined."""
    surface = text[mention.start : mention.end]
    if not surface[:1].isupper():
        return None
    if re.search(r" (?:and|&)$", surface) or re.search(r" (?:and|&) ", surface):
        after = _CAPS_AFTER.match(text, mention.end)
        if after:
            return replace(mention, end=after.end())
    join = _ENGLISH_JOIN.match(text, mention.end)
    if join:
        return replace(mention, end=join.end())
    after = _CAPS_AFTER.match(text, mention.end)
    last = after.group(0).split()[-1] if after else ""
    if after and last in rules()["place_tails"] and len(after.group(0).split()) == 1:
        return replace(mention, end=after.end(), label="LOC")  # `Madrid` + `Arena`
    if after and mention.label != "PER" and last in rules()["organisation_tails"]:
        return replace(mention, end=after.end())
    return None
