"""The grammar: one regular expression per rule, assembled from the word lists, each with
its handler; every match resolved, then the longest non-overlapping ones kept."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from .anchors import h_anaphor, h_anaphoric_offset
from .context import _L, Context
from .days import (
    h_day_month,
    h_day_range,
    h_month,
    h_month_half,
    h_numeric,
    h_open,
    h_relative,
    h_season,
    h_weekday,
    h_weekday_day,
    h_year_part,
    relative_phrases,
)
from .interval import Mention
from .lexicon import alt, lexicon
from .scan import lowered, match_iter, rule_starts
from .years import (
    h_century,
    h_century_range,
    h_decade,
    h_first_n,
    h_last_n,
    h_offset,
    h_year,
    h_year_range,
)

_R = r"(?![\w-])"  # …and ends at one (so « cette année-là » is not « cette année »)
DAYNUM = r"(?:1er|premier|3[01]|[12]\d|0?[1-9])"
YEAR = r"(?:1\d|2\d)\d\d"  # 1000–2999; from 2200 on, only after « en », « l'an » … (h_year)


@functools.cache
def rules() -> list[tuple[str, re.Pattern, Callable]]:
    """(name, compiled pattern, handler) for every rule, built from the word lists."""
    lex = lexicon()
    month, weekday = alt(lex["months"]), alt(lex["weekdays"])
    rel = f"{alt(lex['last'])}|{alt(lex['next'])}"
    mod = rf"(?:(?P<mod>{alt(lex['modifiers'])})\s*)?"
    daypart = rf"(?:\s+{alt(lex['dayparts'])})?"
    number = rf"(?:\d+|{alt(lex['numbers'])})"
    year_noun = (rf"(?:(?:le|la|les|l')\s*)?{alt(lex['year_nouns'])}"
                 r"(?:\s+(?!(?:de|du|des|en|et)\b)[^\W\d]{3,})?")
    cent = (rf"(?:(?:[IVXLC]+|\d{{1,2}})(?:er|re|e|ème|eme|è|ᵉ)|"
            rf"{alt(lex['century_words'])})")
    era = f"(?:{alt(lex['era_before'])}|{alt(lex['era_after'])})"
    offset_kinds = [*lex["offset_past"], *lex["offset_future"], *lex["offset_since"],
                    *lex["offset_by"]]
    month_head = rf"(?:(?P<lead>{alt(lex['month_lead'])})\s+)?{mod}(?P<month>{month})"
    patterns = {
        "day_range": (rf"(?P<p>{alt(lex['range_start'])})\s+(?P<d1>{DAYNUM})"
                      rf"(?:\s+(?P<m1>{month}))?\s+{alt(lex['range_join'])}\s+(?P<d2>{DAYNUM})"
                      rf"\s+(?P<m2>{month})(?:\s+(?P<y2>{YEAR}))?", h_day_range),
        "year_range": (rf"{alt(lex['range_start'])}\s+(?P<y1>{YEAR})\s+"
                       rf"{alt(lex['range_join'])}\s+(?P<y2>{YEAR})", h_year_range),
        "year_span": (rf"(?:{alt(lex['year_lead'])}\s+|(?P<noun>{year_noun})\s+)?"
                      rf"(?P<y1>{YEAR})\s*[-–/]\s*"
                      rf"(?P<y2>{YEAR}|\d\d)(?!\s*[-/]\s*\d)", h_year_range),
        "numeric": (r"(?P<d>\d{1,2})([/.])(?P<m>\d{1,2})\2(?P<y>\d{4})(?!\d|[/.]\d)", h_numeric),
        "iso": (r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)", h_numeric),
        "day_list": (rf"(?P<p>{alt(lex['day_list_start'])})\s+(?P<d1>{DAYNUM})(?P<m1>)"
                     rf"(?:\s*,\s*{DAYNUM})+\s+(?:et|à)\s+(?P<d2>{DAYNUM})\s+(?P<m2>{month})"
                     rf"(?:\s+(?P<y2>{YEAR}))?", h_day_range),
        "first_n": (rf"(?:{alt(lex['last_n_lead'])})\s+(?P<n>{number})\s+premi(?:er|ère)s\s+"
                    rf"(?P<unit>{alt(lex['units'])})\s+(?:de\s+|d')"
                    rf"(?:(?P<this>{alt(lex['first_n_of'])})|l'année\s+(?P<year>{YEAR})|"
                    rf"(?P<year2>{YEAR}))", h_first_n),
        "day_month": (rf"(?:{alt(lex['day_article'])}\s+)?(?:(?P<wd>{weekday})\s+)?"
                      rf"(?P<day>{DAYNUM})\s+(?P<month>{month})(?:\s+(?P<year>{YEAR}))?"
                      rf"(?:\s+(?P<rel>{rel}))?", h_day_month),
        "weekday_day": (rf"(?:{alt(lex['day_article'])}\s+)?(?P<wd>{weekday})\s+(?P<day>{DAYNUM})"
                        r"(?!\s*(?:[\d,.%€$]|h\b|heures?))", h_weekday_day),
        "weekday": (rf"(?:(?P<art>{alt(lex['weekday_article'])})\s+)?(?P<wd>{weekday}){daypart}"
                    rf"(?:\s+(?P<rel>{rel}))?", h_weekday),
        "relative": (rf"{mod}(?P<phrase>{alt(relative_phrases())}){daypart}", h_relative),
        "open": (rf"(?P<phrase>{alt(lex['open'])})", h_open),
        # twice: « mai 68 » (two-digit year), and plain, so that « en mai 15 personnes »
        # still gives « en mai » when the two-digit reading is refused
        "month_yy": (rf"{month_head}\s+'?(?P<yy>\d\d)(?![\d,.%])(?P<year>)(?P<rel>)", h_month),
        "month": (rf"{month_head}(?P<yy>)(?:\s+(?P<year>{YEAR})|\s+(?P<rel>{rel}))?", h_month),
        "season": (rf"{mod}(?P<lead>{alt(lex['season_lead'])})\s*"
                   rf"(?P<season>{alt(lex['seasons'])})"
                   rf"(?:\s+(?P<year>{YEAR})(?:\s*[-/]\s*(?:\d\d){{1,2}})?|\s+(?P<rel>{rel}))?",
                   h_season),
        "year_part": (rf"(?:{alt(lex['year_part_lead'])}\s+)?(?P<ord>{alt(lex['ordinals'])})\s+"
                      rf"(?P<part>{alt(lex['year_parts'])})(?:\s+(?:de\s+)?(?P<year>{YEAR}))?",
                      h_year_part),
        "year": (rf"(?:(?P<lead>{alt(lex['year_lead'])})\s+|(?P<noun>{year_noun})\s+)?{mod}"
                 rf"(?P<year>{YEAR}|\d{{1,4}}(?=\s+{era}))(?:\s+(?P<era>{era}))?"
                 r"(?!\s*(?:%|€|\$|£|,\d|\.\d))", h_year),
        "decade": (rf"{mod}(?:{alt(lex['decade_lead'])}\s+)?(?:années|(?:la\s+)?décennie)\s+"
                   r"(?P<decade>(?:19|20)?\d0)(?!\s*%)", h_decade),
        "century": (rf"{mod}(?:{alt(lex['century_lead'])}\s+)?(?P<century>{cent})\s+siècle"
                    rf"(?:\s+(?P<era>{era}))?", h_century),
        "century_range": (rf"{alt(lex['century_range_start'])}\s+(?P<c1>{cent})(?:\s+siècle)?\s+"
                          rf"(?:au|et\s+le|jusqu'au)\s+(?P<c2>{cent})\s+siècles?"
                          rf"(?:\s+(?P<era>{era}))?", h_century_range),
        "month_half": (rf"(?:la\s+)?(?P<half>{alt(lex['month_halves'])})\s+"
                       rf"(?:{alt(lex['month_half_nouns'])})\s+(?:du\s+mois(?:\s+(?:de\s+|d')"
                       rf"(?P<month>{month}))?|(?:de\s+|d')(?P<month2>{month}))"
                       rf"(?:\s+(?P<year>{YEAR}))?", h_month_half),
        "offset": (rf"(?P<kind>{alt(offset_kinds)})\s+"
                   rf"(?:(?P<adv>{alt(lex['offset_adverbs'])})(?:\s+|(?<=')))?"
                   rf"(?P<n>{number})(?:\s+|(?<='))"
                   rf"(?P<unit>{alt(lex['units'])})(?P<exact>\s+jour\s+pour\s+jour)?", h_offset),
        "anaphor": (rf"(?P<phrase>{alt(lex['anaphora'])})", h_anaphor),
        "anaphoric_offset": (rf"(?P<n>{number})(?:\s+|(?<='))(?P<unit>{alt(lex['units'])})\s+"
                             rf"(?P<rel>{alt(lex['anaphoric_later'] + lex['anaphoric_earlier'])})",
                             h_anaphoric_offset),
        "last_n": (rf"(?:{alt(lex['last_n_lead'])})\s+(?P<n>{number})\s+"
                   rf"(?P<rel>{rel})\s+(?P<unit>{alt(lex['units'])})", h_last_n),
        # « ces dernières 24 heures »: the adjective before the number
        "last_n_before": (rf"(?:{alt(lex['last_n_lead'])})\s+(?P<rel>{rel})\s+(?P<n>{number})\s+"
                          rf"(?P<unit>{alt(lex['units'])})", h_last_n),
    }
    return [(name, re.compile(_L + pattern + _R, re.IGNORECASE), handler)
            for name, (pattern, handler) in patterns.items()]


NEEDLES = {"century": r"si[eè]cle", "decade": r"ann[ée]es|d[ée]cennie",
           "year_span": r"\d{4}\s*[-–/]\s*\d\d"}
"""A cheap search that must succeed for a rule to have any match in a text: a text without
« siècle » skips the century rule (speed only; the results are the same). Only where it pays
beside the start scan (`scan`): these rules can start at any number or ordinal."""


@functools.cache
def _needles() -> dict[str, re.Pattern]:
    return {name: re.compile(needle, re.IGNORECASE) for name, needle in NEEDLES.items()}


def candidate_mentions(ctx: Context) -> list[Mention]:
    """Every resolvable match of every rule (overlapping)."""
    found = []
    needles = _needles()
    text = ctx.text
    low = lowered(text)
    starts = rule_starts(low) if low is not None else None
    for name, pattern, handler in rules():
        if name in needles and needles[name].search(text) is None:
            continue
        for match in match_iter(name, pattern, text, starts):
            resolved = handler(match, ctx)
            if resolved is not None:
                found.append(Mention(match.start(), match.end(), resolved, name))
    return found


def select(mentions: list[Mention]) -> list[Mention]:
    """Longest matches win; among equal lengths the earlier rule; result in text order."""
    order = {name: i for i, (name, _, _) in enumerate(rules())}
    chosen: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start - m.end, order[m.rule], m.start)):
        if all(mention.end <= c.start or mention.start >= c.end for c in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: (m.start, m.end))
