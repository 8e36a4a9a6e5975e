"""What a resolved expression is: a half-open interval of days (`Resolved`) at character
offsets of the text (`Mention`), and the few constructors of calendar days.

Dates are pandas Timestamps at midnight in the proleptic Gregorian calendar with astronomical
year numbering (ISO 8601: year 0 = 1 BC, year -999 = 1000 BC). `stamp` builds them for any
year: through Python's datetime for years 1–9999, through numpy's datetime64 (seconds)
otherwise, since Python datetimes stop at year 1. Calendar arithmetic here (`add_months`,
`DAY`) never goes through Python datetimes either, so « au Xe siècle avant notre ère »
resolves like « au XVe siècle ».
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

import numpy as np
import pandas as pd

DAY = pd.Timedelta(days=1)
NAT = pd.NaT


@dataclass(frozen=True)
class Resolved:
    """An expression's meaning: a half-open day interval plus its TIMEX3-style value."""

    start_date: pd.Timestamp
    end_date: pd.Timestamp
    granularity: str
    value: str
    anchor: str  # "publication", "absolute" or "antecedent:<start of that row>"
    direction: str | None = None  # set when the phrase itself fixes it


@dataclass(frozen=True)
class Anaphor(Resolved):
    """An expression dated from an earlier one of the same text, not yet resolved: « le
    lendemain » (unit day, offset 1, kind point), « deux mois plus tard » (month, 2, shift),
    « les semaines suivantes » (week, kind after, `span` 4 weeks). See `anchors`."""

    unit: str = "day"
    offset: int = 0
    kind: str = "point"
    span: int = 0


@dataclass(frozen=True)
class Mention:
    """A matched and resolved expression at character offsets [start, end)."""

    start: int
    end: int
    resolved: Resolved
    rule: str


def stamp(year: int, month: int = 1, day: int = 1) -> pd.Timestamp:
    """Midnight of a day of any year (astronomical numbering); ValueError if it does not exist."""
    if 1 <= year <= 9999:
        return pd.Timestamp(year, month, day)
    if not (1 <= month <= 12 and 1 <= day <= days_in_month(year, month)):
        raise ValueError(f"no such day: {year}-{month}-{day}")
    sign = "-" if year < 0 else ""
    return pd.Timestamp(np.datetime64(f"{sign}{abs(year):04d}-{month:02d}-{day:02d}", "s"))


def days_in_month(year: int, month: int) -> int:
    """28–31, leap years by the Gregorian rule for any year."""
    return 29 if month == 2 and calendar.isleap(year) else calendar.mdays[month]


def add_months(day: pd.Timestamp, months: int) -> pd.Timestamp:
    """`day` moved by whole months, the day clipped to the month's end (31 Jan + 1 = 28/29 Feb),
    for any year."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return stamp(year, month + 1, min(day.day, days_in_month(year, month + 1)))


def year_code(year: int) -> str:
    """TIMEX3 year: 2022, 0800; BC years as BC + the historical year (-999 → BC1000)."""
    return f"{year:04d}" if year >= 1 else f"BC{1 - year:04d}"


def day_code(day: pd.Timestamp) -> str:
    """2022-06-25 (BC1000-03-01 before year 1)."""
    return f"{year_code(day.year)}-{day.month:02d}-{day.day:02d}"


def month_code(day: pd.Timestamp) -> str:
    """2022-06."""
    return f"{year_code(day.year)}-{day.month:02d}"


def _date(year: int, month: int, day: int) -> pd.Timestamp | None:
    """The day, or None when it does not exist (30 février)."""
    try:
        return stamp(year, month, day)
    except ValueError:
        return None


def day_resolved(day: pd.Timestamp, anchor: str = "absolute") -> Resolved:
    """One calendar day as a Resolved."""
    return Resolved(day, day + DAY, "day", day_code(day), anchor)


def _stamp(year: int, month: int = 1, day: int = 1) -> pd.Timestamp:
    """A midnight Timestamp (see `stamp`)."""
    return stamp(year, month, day)
