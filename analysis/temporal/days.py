"""Rule handlers for days, weeks, months, seasons and parts of a year: « samedi », « le 24
février », « hier », « la semaine dernière », « en mai », « cet été », « au premier trimestre »,
« du 12 au 15 mars », 24/02/2022."""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd

from .context import (
    NAT,
    Context,
    _day,
    _followed_by_noun,
    _month,
    _sign_direction,
    _unresolved,
    cyclic,
)
from .interval import (
    DAY,
    Resolved,
    _date,
    _stamp,
    add_months,
    day_code,
    day_resolved,
    month_code,
    stamp,
)
from .lexicon import fold, lexicon
from .units import (
    _years,
    part_of,
    season_interval,
    shift,
    unit_end,
    unit_interval,
    unit_start,
    unit_value,
    with_mod,
)


def h_numeric(m: re.Match, ctx: Context) -> Resolved | None:
    """24/02/2022, 24.02.2022, 2022-02-24."""
    day = _date(int(m["y"]), int(m["m"]), int(m["d"]))
    return day_resolved(day) if day is not None else None


def h_day_month(m: re.Match, ctx: Context) -> Resolved | None:
    """« le 24 février (2022) », « dimanche 12 juin », « le 1er janvier dernier »."""
    day, month = _day(m["day"]), _month(m["month"])
    if m["year"]:
        date = _date(int(m["year"]), month, day)
        return day_resolved(date) if date is not None else None
    weekday = lexicon()["weekdays"][fold(m["wd"])] if m["wd"] else None
    return day_month_cyclic(ctx, m, day, month, weekday, m["rel"])


def day_month_cyclic(ctx: Context, m: re.Match, day: int, month: int,
                     weekday: int | None = None, rel: str | None = None) -> Resolved | None:
    """A day-month without year; a weekday given with it (« dimanche 12 juin ») picks the
    year in which that date falls on that weekday."""

    def candidates(pub: pd.Timestamp) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
        dates = [d for y in range(pub.year - 6, pub.year + 7) if (d := _date(y, month, day))]
        matching = [d for d in dates if d.weekday() == weekday]
        if not matching:
            matching = [d for d in dates if abs(d.year - pub.year) <= 1]
        return [(d, d + DAY) for d in matching]

    return cyclic(ctx, m.start(), m.end(), "daymonth", candidates,
                  day_code, f"XXXX-{month:02d}-{day:02d}", rel)


def h_weekday(m: re.Match, ctx: Context) -> Resolved | None:
    """« samedi », « lundi dernier », « mardi prochain », « jeudi soir »."""
    if ctx.before(m.start(), lexicon()["not_before"]):
        return None  # « chaque lundi », « tous les lundis »: a habit, not a date
    if m["wd"][0].isupper() and re.search(r"[\w,]\s*$", ctx.text[max(0, m.start() - 3):m.start()]):
        return None  # mid-sentence capital: « Mardi gras », « Vendredi saint »
    weekday = lexicon()["weekdays"][fold(m["wd"])]
    if m["art"] and not m["rel"] and pd.notna(ctx.pub) and ctx.pub.weekday() == weekday:
        return day_resolved(ctx.pub, "publication")  # « ce dimanche » written on a Sunday

    def candidates(pub: pd.Timestamp) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
        monday = pub - pub.weekday() * DAY
        days = [monday + (weekday + 7 * k) * DAY for k in range(-2, 3)]
        return [(d, d + DAY) for d in days]

    return cyclic(ctx, m.start(), m.end(), "weekday", candidates,
                  day_code, f"XXXX-WXX-{weekday + 1}", m["rel"])


def h_weekday_day(m: re.Match, ctx: Context) -> Resolved | None:
    """« le samedi 11 », « mardi 7 »: a weekday and a day of the month, the month left to the
    reader: the month near publication in which that day falls on that weekday."""
    if _followed_by_noun(m, ctx):
        return None  # « samedi 11 personnes »
    weekday, day = lexicon()["weekdays"][fold(m["wd"])], _day(m["day"])

    def candidates(pub: pd.Timestamp) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
        months = [add_months(stamp(pub.year, pub.month), k) for k in range(-6, 7)]
        days = [d for s in months if (d := _date(s.year, s.month, day)) is not None]
        return [(d, d + DAY) for d in days if d.weekday() == weekday]

    return cyclic(ctx, m.start(), m.end(), "weekday", candidates, day_code,
                  f"XXXX-XX-{day:02d}", None)


def _weekends(pub: pd.Timestamp) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Saturday–Sunday periods around the publication date."""
    saturday = unit_start("weekend", pub)
    return [(saturday + 7 * k * DAY, saturday + (7 * k + 2) * DAY) for k in range(-2, 3)]


def h_relative(m: re.Match, ctx: Context) -> Resolved | None:
    """« hier », « la semaine dernière », « le mois prochain », « ce week-end » (relative.csv)."""
    row = relative_row(m["phrase"])
    unit, offset = row["unit"], row["offset"]
    if offset == "this" and unit == "night":
        return _this_night(m, ctx)
    if offset == "this":
        return cyclic(ctx, m.start(), m.end(), unit, _weekends,
                      lambda s: unit_value(unit, s), "XXXX-WXX-WE")
    amount = int(offset)
    sign = (amount > 0) - (amount < 0)
    direction = _sign_direction(sign)
    if pd.isna(ctx.pub):
        granularity = {"weekend": "week", "night": "day"}.get(unit, unit)
        return Resolved(NAT, NAT, granularity, _unresolved(sign), "publication", direction)
    resolved = replace(unit_interval(unit, shift(ctx.pub, unit, amount)), direction=direction)
    if row["part"]:
        resolved = part_of(resolved, row["part"])
    return with_mod(resolved, m["mod"])


def _this_night(m: re.Match, ctx: Context) -> Resolved:
    """« cette nuit »: the night just past (from the day before publication to the publication
    day, both days), or the coming one when the verb is in the future."""
    if pd.isna(ctx.pub):
        return Resolved(NAT, NAT, "day", "XXXX-XX-XXTNI", "publication")
    future = ctx.mode(m.start(), m.end(), "night") == "future"
    return unit_interval("night", ctx.pub if future else ctx.pub - DAY)


CONTRACTIONS = {"du": "le", "au": "le", "des": "les", "aux": "les"}
"""« du mois dernier », « au siècle dernier »: the article contracted with de / à."""


def relative_row(phrase: str) -> dict:
    """The relative.csv row of a matched phrase, contracted article or not."""
    table = lexicon()["relative"]
    if fold(phrase) in table:
        return table[fold(phrase)]
    words = fold(phrase).split(" ", 1)
    if words[0] in CONTRACTIONS and len(words) == 2:
        words[0] = CONTRACTIONS[words[0]]
    return lexicon()["relative"][" ".join(words)]


def relative_phrases() -> list[str]:
    """Every phrase of relative.csv plus its contracted forms (« le mois » → « du mois »)."""
    phrases = []
    for phrase in lexicon()["relative"]:
        first, _, rest = phrase.partition(" ")
        phrases.append(phrase)
        phrases += [f"{c} {rest}" for c, a in CONTRACTIONS.items() if a == first and rest]
    return phrases


def h_open(m: re.Match, ctx: Context) -> Resolved | None:
    """« dans les mois à venir », « ces dernières années », « d'ici la fin de l'année »."""
    row = lexicon()["open"][fold(m["phrase"])]
    future = row["direction"] == "future"
    value = "FUTURE_REF" if future else "PAST_REF"
    granularity, bound = row["granularity"], row["bound"]
    if pd.isna(ctx.pub):
        return Resolved(NAT, NAT, granularity, value, "publication", row["direction"])
    if future:
        if bound:  # « d'ici la fin de l'année »: from the publication day, as « d'ici X »
            end = unit_end(bound, unit_start(bound, ctx.pub))
            return Resolved(ctx.pub, end, granularity, value, "publication", "future")
        return Resolved(ctx.pub + DAY, NAT, granularity, value, "publication", "future")
    return Resolved(NAT, ctx.pub, granularity, value, "publication", "past")


def h_month(m: re.Match, ctx: Context) -> Resolved | None:
    """« en mai », « mai dernier », « début juin », « mi-juillet », « fin mars 2021 »."""
    word = m["month"]
    year = int(m["year"]) if m["year"] else _two_digit_year(m, ctx)
    if m["yy"] and year is None:
        return None  # « en mai 15 personnes … »: a count, not « mai 68 »
    if not (word.islower() or year or _sentence_initial_month(m, ctx)):
        return None  # French writes months in lower case: « Mars » the planet, « Mai » a name
    month = _month(word)
    if year:
        start = _stamp(year, month)
        resolved = Resolved(start, unit_end("month", start), "month", month_code(start),
                            "absolute")
    else:
        resolved = cyclic(
            ctx, m.start(), m.end(), "month",
            lambda pub: [(s, unit_end("month", s)) for y in _years(pub) if (s := _stamp(y, month))],
            month_code, f"XXXX-{month:02d}", m["rel"])
    return with_mod(resolved, m["mod"])


def h_month_half(m: re.Match, ctx: Context) -> Resolved | None:
    """« la deuxième quinzaine d'août », « la première moitié du mois »: days 1–15 or 16–end
    of the month named (or of the publication's month)."""
    half = lexicon()["month_halves"][fold(m["half"])]
    name = m["month"] or m["month2"]
    if name:
        month = _month(name)
        if m["year"]:
            start = _stamp(int(m["year"]), month)
            whole = Resolved(start, unit_end("month", start), "month", month_code(start),
                             "absolute")
        else:
            whole = cyclic(
                ctx, m.start(), m.end(), "month",
                lambda pub: [(s, unit_end("month", s)) for y in _years(pub)
                             if (s := _stamp(y, month))],
                month_code, f"XXXX-{month:02d}")
    elif pd.notna(ctx.pub):
        whole = unit_interval("month", ctx.pub)
    else:
        return None
    if whole is None or pd.isna(whole.start_date):
        return whole
    middle = whole.start_date + 15 * DAY
    bounds = (whole.start_date, middle) if half == 1 else (middle, whole.end_date)
    return Resolved(*bounds, "day", f"{whole.value}-H{half}", whole.anchor, whole.direction)


def _two_digit_year(m: re.Match, ctx: Context) -> int | None:
    """« mai 68 » → 1968, « mars 22 » → 2022 (the latest such year not after publication)."""
    if not m["yy"] or _followed_by_noun(m, ctx):
        return None
    latest = ctx.pub.year if pd.notna(ctx.pub) else 2099
    year = 2000 + int(m["yy"])
    return year if year <= latest else year - 100


def _sentence_initial_month(m: re.Match, ctx: Context) -> bool:
    """« Juin a été chaud. »: a capitalised month opening a sentence, not a named entity and
    not followed by a proper noun (« Mai Nguyen », « Mars est une planète » are refused)."""
    span = ctx.doc.char_span(m.start("month"), m.end("month"), alignment_mode="expand")
    if span is None or m.start() != m.start("month"):
        return False
    token = span[0]
    following = ctx.doc[token.i + 1] if token.i + 1 < len(ctx.doc) else None
    return (token.is_sent_start and not token.ent_type_
            and not (following is not None and following.pos_ == "PROPN"))


def h_season(m: re.Match, ctx: Context) -> Resolved | None:
    """« au printemps », « cet été », « l'hiver dernier », « l'automne 2021 »."""
    name = m["season"]
    code = lexicon()["seasons"][fold(name)]["code"]
    if m["year"]:
        start, end = season_interval(name, int(m["year"]))
        resolved = Resolved(start, end, "season", f"{start.year}-{code}", "absolute")
    else:
        resolved = cyclic(
            ctx, m.start(), m.end(), "season",
            lambda pub: [season_interval(name, y) for y in range(pub.year - 2, pub.year + 2)],
            lambda s: f"{s.year}-{code}", f"XXXX-{code}", m["rel"])
    return with_mod(resolved, m["mod"])


def h_year_part(m: re.Match, ctx: Context) -> Resolved | None:
    """« au premier trimestre », « le second semestre 2021 » (year_parts.csv, ordinals)."""
    lex = lexicon()
    part = lex["year_parts"][fold(m["part"])]
    size, index = int(part["months"]), lex["ordinals"][fold(m["ord"])]
    if index > 12 // size:
        return None
    code, granularity = part["code"], part["granularity"]

    def period(year: int) -> tuple[pd.Timestamp, pd.Timestamp]:
        start = _stamp(year, (index - 1) * size + 1)
        return start, add_months(start, size)

    if m["year"]:
        start, end = period(int(m["year"]))
        return Resolved(start, end, granularity, f"{start.year}-{code}{index}", "absolute")
    return cyclic(ctx, m.start(), m.end(), granularity,
                  lambda pub: [period(y) for y in _years(pub)],
                  lambda s: f"{s.year}-{code}{index}", f"XXXX-{code}{index}")


def h_day_range(m: re.Match, ctx: Context) -> Resolved | None:
    """« du 12 au 15 mars », « entre le 3 et le 5 mai 2021 », « du 28 février au 2 mars »."""
    first_day, last_day = _day(m["d1"]), _day(m["d2"])
    last_month = _month(m["m2"])
    first_month = _month(m["m1"]) if m["m1"] else last_month
    if m["y2"]:
        last, anchor = _date(int(m["y2"]), last_month, last_day), "absolute"
    else:
        resolved = day_month_cyclic(ctx, m, last_day, last_month)
        last, anchor = (resolved.start_date if resolved else NAT), "publication"
    if last is None:
        return None
    if pd.isna(last):
        value = f"XXXX-{first_month:02d}-{first_day:02d}/XXXX-{last_month:02d}-{last_day:02d}"
        return Resolved(NAT, NAT, "day", value, anchor)
    first = _date(last.year - (first_month > last_month), first_month, first_day)
    if first is None or first > last:
        return None
    return Resolved(first, last + DAY, "day", f"{first:%Y-%m-%d}/{last:%Y-%m-%d}", anchor)
