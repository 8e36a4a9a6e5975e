"""From matches to the expressions of a text: ranges joined (« du 12 mars au 15 avril »),
prefixes applied (« depuis X », « d'ici X »), and the direction of each relative to the
publication day."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pandas as pd

from .anchors import resolve_in_order
from .context import Context
from .grammar import candidate_mentions, select
from .interval import DAY, NAT, Mention, Resolved, add_months
from .lexicon import alt, lexicon

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Doc

NOT_JOINED = {"open", "anaphor", "anaphoric_offset"}
"""Rules whose mentions never make one end of a range (they have no interval yet, or an open
one)."""


def merge_ranges(mentions: list[Mention], ctx: Context) -> list[Mention]:
    """« du 12 mars au 15 avril », « entre mai et juillet »: two mentions joined as one period."""
    lex = lexicon()
    join = re.compile(rf"\s+{alt(lex['range_join'])}\s+", re.IGNORECASE)
    merged: list[Mention] = []
    index = 0
    while index < len(mentions):
        first = mentions[index]
        second = mentions[index + 1] if index + 1 < len(mentions) else None
        prefix = ctx.before(first.start, lex["range_start"])
        if second and prefix and join.fullmatch(ctx.text, first.end, second.start):
            a, b = first.resolved, second.resolved
            ordered = pd.isna(a.start_date) or pd.isna(b.start_date) or a.start_date <= b.start_date
            if ordered and not {first.rule, second.rule} & NOT_JOINED:
                anchor = "absolute" if a.anchor == b.anchor == "absolute" else "publication"
                resolved = Resolved(a.start_date, b.end_date, a.granularity,
                                    f"{a.value}/{b.value}", anchor)
                merged.append(Mention(prefix.start("prefix"), second.end, resolved, "range"))
                index += 2
                continue
        merged.append(first)
        index += 1
    return merged


YEARLESS = {"day_month", "day_range", "day_list", "month", "season", "range", "weekday_day"}
"""Rules whose dates may lack a year that a following « l'an prochain » supplies."""
_YEAR_GAP = re.compile(r"\s*,?\s*(?:de\s+)?", re.IGNORECASE)


def attach_years(mentions: list[Mention], ctx: Context) -> list[Mention]:
    """« du 6 au 15 septembre l'an prochain », « en mars de l'année dernière »: a date without
    year followed by a relative year takes that year; the two make one expression."""
    out: list[Mention] = []
    index = 0
    while index < len(mentions):
        first = mentions[index]
        second = mentions[index + 1] if index + 1 < len(mentions) else None
        if (second is not None and first.rule in YEARLESS and second.rule == "relative"
                and first.resolved.anchor == "publication"
                and second.resolved.granularity == "year"
                and pd.notna(first.resolved.start_date) and pd.notna(second.resolved.start_date)
                and _YEAR_GAP.fullmatch(ctx.text, first.end, second.start)):
            out.append(Mention(first.start, second.end, _in_year(first.resolved,
                               second.resolved.start_date.year), first.rule))
            index += 2
            continue
        out.append(first)
        index += 1
    return out


def _in_year(res: Resolved, year: int) -> Resolved:
    """`res` moved by whole years so that its last day falls in `year`."""
    old = (res.end_date - DAY).year
    years = year - old
    start, end = add_months(res.start_date, 12 * years), add_months(res.end_date, 12 * years)
    value = res.value
    for y in sorted({res.start_date.year, old}, reverse=True):
        value = value.replace(str(y), str(y + years))
    return Resolved(start, end, res.granularity, value, res.anchor, None)


def compose_prefixes(mentions: list[Mention], ctx: Context) -> list[Mention]:
    """`compose_prefix` on each mention."""
    return [compose_prefix(mention, ctx) for mention in mentions]


def compose_prefix(mention: Mention, ctx: Context) -> Mention:
    """« depuis X » → [X, publication day]; « d'ici (à) X » → [publication day, end of X]."""
    lex = lexicon()
    res = mention.resolved
    if mention.rule in ("open", "offset", "first_n"):
        return mention
    since = ctx.before(mention.start, lex["since_prefix"])
    by = ctx.before(mention.start, lex["by_prefix"])
    if not (since or by):
        return mention
    pub_next = ctx.pub + DAY if pd.notna(ctx.pub) else NAT
    if since:
        resolved = Resolved(res.start_date, pub_next, res.granularity,
                            f"{res.value}/PRESENT_REF", res.anchor, "past")
        start = since.start("prefix")
    else:
        resolved = Resolved(ctx.pub, res.end_date, res.granularity,
                            f"PRESENT_REF/{res.value}", "publication", "future")
        start = by.start("prefix")
    return Mention(start, mention.end, resolved, mention.rule)


def find_mentions(doc: Doc, pub: pd.Timestamp, text: str | None = None) -> list[Mention]:
    """All temporal expressions of a parsed text, resolved against `pub` (NaT allowed) and,
    for anaphors, against the earlier expressions of the text (see `anchors`). `text` is
    `doc.text` when the caller has it already (spaCy rebuilds it on every access)."""
    ctx = Context(doc, pd.Timestamp(pub).normalize() if pd.notna(pub) else NAT)
    if text is not None:
        ctx.text = text  # fills the cached property
    mentions = attach_years(merge_ranges(select(candidate_mentions(ctx)), ctx), ctx)
    return resolve_in_order(mentions, ctx, compose_prefix)


def direction_of(resolved: Resolved, pub: pd.Timestamp, tense: str | None = None) -> str:
    """past / present / future relative to the publication day (else the verb's tense)."""
    if resolved.direction:
        return resolved.direction
    start, end = resolved.start_date, resolved.end_date
    if pd.isna(pub) or (pd.isna(start) and pd.isna(end)):
        return tense or "present"
    if pd.notna(end) and end <= pub:
        return "past"
    if pd.notna(start) and start > pub:
        return "future"
    return "present"
