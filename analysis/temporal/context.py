"""What a rule handler sees (`Context`: the text, the parse, the publication day) and the
resolution of recurring periods without a year (`cyclic`), shared by every handler."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from .interval import NAT, Resolved
from .lexicon import alt, fold, lexicon
from .tense import governing_tense
from .units import _distance, pick

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Doc, Token

_L = r"(?<![\w-])"  # an expression starts at a word boundary (not inside « avant-hier »)
PRESENT_MODE = {"weekday": "upcoming", "weekend": "upcoming"}
"""How a present-tense (or verbless) expression without a year picks its occurrence: the
current-or-coming one for weekdays and weekends (« Le sommet s'ouvre lundi »), else the
nearest one."""


@dataclass
class Context:
    """What a rule needs to resolve a match: the text, the parse and the publication date."""

    doc: Doc
    pub: pd.Timestamp

    @functools.cached_property
    def text(self) -> str:
        """The document's text (spaCy rebuilds `doc.text` on every access: keep it once)."""
        return self.doc.text

    def before(self, start: int, words: Iterable[str]) -> re.Match | None:
        """The phrase from `words` that ends right before `start` (spaces between), if any."""
        pattern = _before_pattern(tuple(words))
        return pattern.search(self.text, max(0, start - 40), start)

    def mode(self, start: int, end: int, kind: str) -> str:
        """past / future / present mode for an expression without a year."""
        lex = lexicon()
        if self.before(start, lex["since_prefix"]):
            return "past"
        if self.before(start, lex["by_prefix"]):
            return "future"
        tense = governing_tense(self.doc, start, end)
        if tense in ("past", "future"):
            return tense
        if self.before(start, lex["future_leaning_prefix"]):
            return "future"  # « Les soldes durent jusqu'au 31 décembre »
        return PRESENT_MODE.get(kind, "nearest")

    def next_token(self, end: int) -> Token | None:
        """The token that follows character offset `end`."""
        span = self.doc.char_span(0, end, alignment_mode="expand")
        if span is None or span.end >= len(self.doc):
            return None
        return self.doc[span.end]


@functools.cache
def _before_pattern(words: tuple[str, ...]) -> re.Pattern:
    """A pattern matching one of `words` at the end of a text window."""
    return re.compile(rf"{_L}(?P<prefix>{alt(words)})\s*$", re.IGNORECASE)


def cyclic(ctx: Context, start: int, end: int, kind: str, candidates, value: Callable,
           unresolved: str, rel: str | None = None) -> Resolved | None:
    """Resolve a recurring period (weekday, day-month, month, season, weekend).

    `candidates(pub)` lists (start, end) occurrences around the publication date; `value`
    gives the TIMEX3 value of the chosen one; `rel` is « dernier » / « prochain » if present.
    """
    granularity = {"weekday": "day", "daymonth": "day", "weekend": "week"}.get(kind, kind)
    direction = _rel_direction(rel)
    if pd.isna(ctx.pub):
        return Resolved(NAT, NAT, granularity, unresolved, "publication", direction)
    mode = {"past": "last", "future": "next"}.get(direction) or ctx.mode(start, end, kind)
    chosen = pick(candidates(ctx.pub), ctx.pub, mode)
    if chosen is None:
        return None
    if kind == "daymonth" and not direction and mode in ("past", "future"):
        chosen = _plausible(candidates(ctx.pub), ctx.pub, mode, chosen)
    return Resolved(chosen[0], chosen[1], granularity, value(chosen[0]), "publication",
                    direction)


def _plausible(candidates, pub: pd.Timestamp, mode: str, chosen):
    """A date without year that the tense puts almost a year away, when the same date on the
    other side is days away, is the near one: « Elle a appelé à une journée de mobilisation
    le 15 mars » written on 8 March means this 15 March (thresholds: day_month_window)."""
    window = lexicon()["day_month_window"]
    other = pick(candidates, pub, "future" if mode == "past" else "past")
    if (other is not None and _distance(chosen, pub) > window["far_days"]
            and _distance(other, pub) <= window["near_days"]):
        return other
    return chosen


def _rel_direction(rel: str | None) -> str | None:
    if not rel:
        return None
    lex = lexicon()
    return "past" if fold(rel) in lex["last"] else "future"


def _day(token: str) -> int:
    """Day of the month from « 1er », « premier » or digits."""
    return 1 if fold(token) in ("1er", "premier") else int(token)


def _month(name: str) -> int:
    """Month number of a month name of months.csv."""
    return lexicon()["months"][fold(name)]


def _unresolved(sign: int) -> str:
    """Value of a relative expression when the publication date is unknown."""
    return {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[sign]


def _sign_direction(sign: int) -> str | None:
    """past / future for a negative / positive offset; None for « this »."""
    return {-1: "past", 0: None, 1: "future"}[sign]


def _followed_by_noun(m: re.Match, ctx: Context) -> bool:
    """« de 2000 soldats », « en 1945 exemplaires »: a number counting a noun, not a year."""
    token = ctx.next_token(m.end())
    return token is not None and token.pos_ == "NOUN" and token.idx <= m.end() + 1
