"""Calendar units (day, week, weekend, month, year, decade, century): their bounds, shifts,
TIMEX3 values, thirds (« début / mi- / fin »), seasons, and the choice of one occurrence of a
recurring period relative to the publication day."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from .interval import DAY, Resolved, add_months, day_code, month_code, stamp, year_code
from .lexicon import fold, lexicon

SUBUNIT = {"week": "days", "month": "days", "season": "days", "year": "months", "decade": "years",
           "century": "years"}


def unit_start(unit: str, day: pd.Timestamp) -> pd.Timestamp:
    """First day of the calendar unit (ISO week from Monday) that contains `day`."""
    if unit in ("day", "night", "hour"):  # hours count in whole days: the day they fall in
        return day.normalize()
    if unit in ("week", "weekend"):
        monday = day - day.weekday() * DAY
        return monday + 5 * DAY if unit == "weekend" else monday
    if unit == "month":
        return stamp(day.year, day.month, 1)
    size = {"year": 1, "decade": 10, "century": 100}[unit]
    return stamp(day.year // size * size, 1, 1)


def unit_end(unit: str, start: pd.Timestamp) -> pd.Timestamp:
    """Exclusive end of the unit starting at `start`."""
    days = {"day": 1, "hour": 1, "night": 2, "week": 7, "weekend": 2}
    if unit in days:
        return start + days[unit] * DAY
    return add_months(start, {"month": 1, "year": 12, "decade": 120, "century": 1200}[unit])


def shift(day: pd.Timestamp, unit: str, amount: int) -> pd.Timestamp:
    """`day` moved by `amount` calendar units."""
    if unit == "hour":  # « il y a 48 heures »: the day that many hours away
        return (day + amount * pd.Timedelta(hours=1)).normalize()
    days = {"day": 1, "night": 1, "week": 7, "weekend": 7}
    if unit in days:
        return day + amount * days[unit] * DAY
    return add_months(day, amount * {"month": 1, "year": 12, "decade": 120, "century": 1200}[unit])


def unit_value(unit: str, start: pd.Timestamp) -> str:
    """TIMEX3-style value of the unit starting at `start` (2022-06-25, 2022-W24, 199X …)."""
    if unit == "hour":
        return day_code(start)
    if unit == "night":  # the night from `start` to the next day, both days (TIMEX3 TNI)
        return f"{day_code(start)}TNI"
    if unit in ("week", "weekend"):
        iso = start.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}" + ("-WE" if unit == "weekend" else "")
    formats = {"day": day_code, "month": month_code, "year": lambda s: year_code(s.year)}
    if unit in formats:
        return formats[unit](start)
    return f"{start.year // 10}X" if unit == "decade" else f"{start.year // 100}XX"


def granularity_of(unit: str) -> str:
    """The table's granularity for a unit: weekends are weeks, nights and hours days."""
    return {"weekend": "week", "night": "day", "hour": "day"}.get(unit, unit)


def unit_interval(unit: str, day: pd.Timestamp) -> Resolved:
    """The calendar unit containing `day`, as a Resolved anchored on the publication."""
    start = unit_start(unit, day)
    granularity = granularity_of(unit)
    return Resolved(start, unit_end(unit, start), granularity, unit_value(unit, start),
                    "publication")


def part_of(resolved: Resolved, part: str) -> Resolved:
    """The first, middle or last third of a period (« début / mi- / fin »); for a year, its
    first quarter, May–August, or its last quarter (words.json `year_thirds_months`)."""
    start, end = resolved.start_date, resolved.end_date
    if pd.isna(start) or pd.isna(end) or resolved.granularity not in SUBUNIT:
        return resolved
    if resolved.granularity == "year":  # quarters: « fin 2014 » = Oct–Dec (year_thirds_months)
        first, last = lexicon()["year_thirds_months"][part]
        return replace(resolved, start_date=add_months(start, first),
                       end_date=add_months(start, last))
    sub = SUBUNIT[resolved.granularity]
    if sub == "days":
        size = (end - start).days
    elif sub == "months":
        size = (end.year - start.year) * 12 + end.month - start.month
    else:
        size = end.year - start.year
    third = size // 3

    def at(i: int) -> pd.Timestamp:
        if sub == "days":
            return start + i * DAY
        return add_months(start, i * (12 if sub == "years" else 1))

    bounds = {"start": (start, at(third)), "mid": (at(third), at(2 * third)),
              "end": (at(2 * third), end)}[part]
    return replace(resolved, start_date=bounds[0], end_date=bounds[1])


def pick(candidates: list[tuple[pd.Timestamp, pd.Timestamp]], pub: pd.Timestamp,
         mode: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """Choose one occurrence of a recurring period relative to the publication day.

    last: latest ended before the publication day; next: earliest starting after it;
    past: latest started on or before it; future: earliest reaching beyond it;
    upcoming: the one containing it, else the next; nearest: containing, else closest
    (ties go to the future).
    """
    inside = [c for c in candidates if c[0] <= pub < c[1]]
    choose = {
        "last": lambda: max((c for c in candidates if c[1] <= pub), default=None),
        "next": lambda: min((c for c in candidates if c[0] > pub), default=None),
        "past": lambda: max((c for c in candidates if c[0] <= pub), default=None),
        "future": lambda: min((c for c in candidates if c[1] > pub + DAY), default=None),
        "upcoming": lambda: inside[0] if inside else min(
            (c for c in candidates if c[0] > pub), default=None),
        "nearest": lambda: inside[0] if inside else min(
            candidates, key=lambda c: (_distance(c, pub), c[0] < pub), default=None),
    }
    return choose[mode]()


def _distance(period: tuple[pd.Timestamp, pd.Timestamp], pub: pd.Timestamp) -> int:
    """Days between the publication day and the nearest day of a period."""
    start, end = period
    return (start - pub).days if start > pub else (pub - (end - DAY)).days


def _years(pub: pd.Timestamp) -> range:
    """The year before, of and after publication: where a date without year can fall."""
    return range(pub.year - 1, pub.year + 2)


def season_interval(name: str, year: int) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The season `name` that starts in `year`."""
    row = lexicon()["seasons"][fold(name)]
    (sm, sd), (em, ed) = (map(int, row[k].split("-")) for k in ("start", "end"))
    start = stamp(year, sm, sd)
    end = stamp(year + (em < sm), em, ed)
    return start, end


def with_mod(resolved: Resolved | None, mod: str | None) -> Resolved | None:
    """Apply « début / mi- / fin » if the match has one."""
    if resolved is None or not mod:
        return resolved
    return part_of(resolved, lexicon()["modifiers"][fold(mod)])
