"""Expressions dated from an earlier one: the antecedent-aware pass over a text.

Every expression of an article is resolved in reading order. Anaphoric ones (« le lendemain »,
« la veille », « le même jour », « ce jour-là », « cette année-là », « les semaines suivantes »,
« deux jours plus tard », « cette date »; data/temporal/anaphora.csv and the
`anaphoric_later` / `anaphoric_earlier` words of words.json) take the last date before them
that they can refer to: a day for « le lendemain » (a day range gives its last day), a day,
week or month for « le mois suivant », anything down to a year for « cette année-là », any
dated expression for « cette date ». Open references (« dans les mois à venir ») and durations
(« depuis trois ans ») are never antecedents; an anaphor with no antecedent gives no row
(« Cette année-là » opening a text is not a date the text gives).

An expression restated by an apposition takes the restated date: « Deux mois plus tard, en
mai 2011 », « il y a 50 ans, le 5 juillet 1962 ».

The row's `anchor` is then `antecedent:<start>`, `<start>` being the `start` column (character
offset) of the row of the same article it was dated from.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import replace

import pandas as pd

from .context import Context
from .interval import DAY, NAT, Anaphor, Mention, Resolved, day_code
from .lexicon import alt, fold, lexicon
from .units import granularity_of, shift, unit_interval

INTERVAL_UNITS = ("day", "week", "month", "year", "decade", "century")
"""Units `unit_interval` can build; a coarser antecedent of another kind keeps the anaphor's."""
_APPOSITION = re.compile(r"\s*[,(]\s*(?:(?:soit|c'est-à-dire)\s+)?", re.IGNORECASE)
_EVENT_APPOSITION = re.compile(r"(?:\s+[^\W\d][\w'’-]*){1,3}?" + _APPOSITION.pattern,
                               re.IGNORECASE)
"""« six mois après l'accident, en septembre 2011 »: up to three words name the event."""


# --------------------------------------------------------------------------- rule handlers


@functools.cache
def _event_of() -> re.Pattern:
    """« de / des / du / d' » after an anaphor (anaphor_not_before in words.json)."""
    words = lexicon()["anaphor_not_before"]
    return re.compile(rf"\s+(?:{alt(words)})(?:(?<=')|(?![\w-]))", re.IGNORECASE)


def h_anaphor(m: re.Match, ctx: Context) -> Resolved | None:
    """« le lendemain », « cette année-là », « les semaines suivantes » (anaphora.csv)."""
    lex = lexicon()
    row = lex["anaphora"][fold(m["phrase"])]
    event = _event_of().match(ctx.text, m.end()) if row["kind"] == "point" else None
    if event is not None:
        following = ctx.next_token(event.end())
        if following is None or following.pos_ not in ("VERB", "AUX"):
            return None  # « la veille des Jeux », « le lendemain du scrutin »: dated by an event
        # « avait menacé la veille d'envahir »: « de » opens the verb's complement
    unit, amount, kind = row["unit"], int(row["offset"]), row["kind"]
    if kind in ("after", "before"):  # `offset` is then the length of the span, in units
        return Anaphor(NAT, NAT, unit, "ANAPHOR", "antecedent", None, unit, 0, kind, amount)
    return Anaphor(NAT, NAT, unit if unit != "same" else "day", "ANAPHOR", "antecedent", None,
                   unit, amount, kind)


def h_anaphoric_offset(m: re.Match, ctx: Context) -> Resolved | None:
    """« deux jours plus tard », « six mois après », « trois ans plus tôt »; « quelques jours
    plus tard » (no amount) is the span after (or before) the antecedent."""
    lex = lexicon()
    number = fold(m["n"])
    amount = int(number) if number.isdigit() else lex["numbers"][number]
    unit = lex["units"][fold(m["unit"])]
    sign = 1 if fold(m["rel"]) in {fold(w) for w in lex["anaphoric_later"]} else -1
    if amount is None:
        span = {"day": 7, "week": 4, "month": 12, "year": 10}.get(unit, 1)
        return Anaphor(NAT, NAT, unit, "ANAPHOR", "antecedent", None, unit, 0,
                       "after" if sign > 0 else "before", span)
    return Anaphor(NAT, NAT, unit, "ANAPHOR", "antecedent", None, unit, sign * amount, "shift")


# --------------------------------------------------------------------------- reading order


def resolve_in_order(mentions: list[Mention], ctx: Context,
                     compose: Callable[[Mention, Context], Mention]) -> list[Mention]:
    """Resolve anaphors and appositions in reading order; `compose(mention, ctx)` then applies
    « depuis / d'ici » to each. Returns the final mentions (anaphors without antecedent
    dropped)."""
    history: list[tuple[int, Resolved]] = []  # (row start, interval) of earlier dated rows
    out: list[Mention] = []
    for index, mention in enumerate(mentions):
        res = mention.resolved
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        previous = mentions[index - 1] if index else None
        if following is not None and _restated(mention, following, ctx):
            res = _plain(following.resolved, f"antecedent:{following.start}")
        elif previous is not None and _restates_previous(mention, previous, ctx):
            row_start = out[-1].start if out else previous.start
            res = _plain(previous.resolved, f"antecedent:{row_start}")
        elif isinstance(res, Anaphor):
            unit = res.unit
            res = from_antecedent(res, history)
            if res is None:
                continue
            if unit == "night" and res.start_date == ctx.pub and ctx.mode(
                    mention.start, mention.end, "night") != "future":
                # « dans la nuit » after the dateline: the night just past, as « cette nuit »
                res = replace(res, start_date=res.start_date - DAY, end_date=res.end_date - DAY,
                              value=f"{day_code(res.start_date - DAY)}TNI")
        final = compose(replace(mention, resolved=res), ctx)
        out.append(final)
        if can_anchor(res):
            history.append((final.start, res))
    return out


def can_anchor(res: Resolved) -> bool:
    """A closed interval that is not a duration: something a later anaphor can refer to."""
    return (pd.notna(res.start_date) and pd.notna(res.end_date)
            and not res.value.startswith("P") and not isinstance(res, Anaphor))


def _restated(mention: Mention, following: Mention, ctx: Context) -> bool:
    """« deux mois plus tard, en mai 2011 », « il y a 50 ans, le 5 juillet 1962 »: an
    anaphor or an offset from publication followed by a comma and an absolute date."""
    res = following.resolved
    if not (isinstance(mention.resolved, Anaphor) or mention.rule == "offset"):
        return False
    if mention.rule == "offset" and mention.resolved.value.startswith("P"):
        return False  # « depuis dix ans, en 2002 … »: a duration, not a restated date
    gap = _EVENT_APPOSITION if mention.rule == "anaphoric_offset" else _APPOSITION
    return (res.anchor == "absolute" and pd.notna(res.start_date)
            and (_APPOSITION.fullmatch(ctx.text, mention.end, following.start) is not None
                 or gap.fullmatch(ctx.text, mention.end, following.start) is not None))


def _restates_previous(mention: Mention, previous: Mention, ctx: Context) -> bool:
    """« Le 5 juillet 1962, il y a cinquante ans, … »: an offset from publication right after
    an absolute date it contains takes that date."""
    res, before = mention.resolved, previous.resolved
    if mention.rule != "offset" or res.value.startswith("P") or before.anchor != "absolute":
        return False
    if pd.isna(res.start_date) or pd.isna(before.start_date):
        return False
    inside = res.start_date <= before.start_date and before.end_date <= res.end_date
    return inside and _APPOSITION.fullmatch(ctx.text, previous.end, mention.start) is not None


def _plain(res: Resolved, anchor: str) -> Resolved:
    """A copy of `res` as a plain Resolved with another anchor."""
    return Resolved(res.start_date, res.end_date, res.granularity, res.value, anchor,
                    res.direction)


def _rank(granularity: str) -> int:
    order = lexicon()["granularity_order"]
    return order.index(granularity) if granularity in order else len(order)


def from_antecedent(anaphor: Anaphor, history: list[tuple[int, Resolved]]) -> Resolved | None:
    """The anaphor dated from the latest earlier row it can refer to (None if there is none)."""
    unit = anaphor.unit
    for start, ante in reversed(history):
        if unit == "same" or anaphor.kind != "point" or _rank(ante.granularity) <= _rank(unit):
            return _resolve(anaphor, ante, f"antecedent:{start}")
    return None


def _resolve(anaphor: Anaphor, ante: Resolved, anchor: str) -> Resolved:
    unit, offset = anaphor.unit, anaphor.offset
    if unit == "same":
        return _plain(ante, anchor)
    if anaphor.kind in ("after", "before") and unit == "hour":
        # « quelques heures plus tôt / plus tard »: most likely the same day
        day = ante.start_date if anaphor.kind == "before" else ante.end_date - DAY
        return Resolved(day, day + DAY, "day", day_code(day), anchor)
    if anaphor.kind in ("after", "before"):
        if anaphor.kind == "after":
            start = ante.end_date
            end = shift(start, unit, anaphor.span)
        else:
            end = ante.start_date
            start = shift(end, unit, -anaphor.span)
        return Resolved(start, end, granularity_of(unit),
                        f"{day_code(start)}/{day_code(end - DAY)}", anchor)
    base = ante.end_date - DAY if offset > 0 else ante.start_date
    if anaphor.kind == "shift":
        base = ante.start_date
        coarser = ante.granularity if _rank(ante.granularity) > _rank(unit) else unit
        unit = coarser if coarser in INTERVAL_UNITS else unit
    moved = shift(base, anaphor.unit, offset)
    found = unit_interval(unit, moved)
    return replace(found, anchor=anchor)
