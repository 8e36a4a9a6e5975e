"""What a resolved expression is: a half-open interval of days (`Resolved`) at character
offsets of the text (`Mention`), and the few constructors of calendar days."""

from __future__ import annotations

from dataclasses import dataclass

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
    anchor: str  # "publication" or "absolute"
    direction: str | None = None  # set when the phrase itself fixes it


@dataclass(frozen=True)
class Mention:
    """A matched and resolved expression at character offsets [start, end)."""

    start: int
    end: int
    resolved: Resolved
    rule: str


def _date(year: int, month: int, day: int) -> pd.Timestamp | None:
    """The day, or None when it does not exist (30 février)."""
    try:
        return pd.Timestamp(year, month, day)
    except ValueError:
        return None


def day_resolved(day: pd.Timestamp, anchor: str = "absolute") -> Resolved:
    """One calendar day as a Resolved."""
    return Resolved(day, day + DAY, "day", day.strftime("%Y-%m-%d"), anchor)


def _stamp(year: int, month: int = 1, day: int = 1) -> pd.Timestamp:
    """A midnight Timestamp."""
    return pd.Timestamp(year, month, day)
