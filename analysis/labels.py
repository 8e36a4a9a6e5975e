"""Short text for labels and tables: one-line snippets and French dates (no drawing here)."""

from __future__ import annotations

import textwrap

import pandas as pd


def snippet(text: str, width: int = 60) -> str:
    """A one-line excerpt for labels: whitespace folded, cut at a word with an ellipsis."""
    return textwrap.shorten(" ".join(str(text).split()), width=width, placeholder="…")


def french_date(stamp: pd.Timestamp, style: str = "day") -> str:
    """25 juin 2022 / juin 2022 / 25 juin / 2022, with the French month abbreviations of
    `data/temporal/words.json` (`style`: day, month, short, year)."""
    from .temporal import lexicon

    month = lexicon()["month_labels"][stamp.month - 1]
    year = french_year(stamp.year)
    return {"day": f"{stamp.day} {month} {year}", "month": f"{month} {year}",
            "short": f"{stamp.day} {month}", "year": year}[style]


def french_year(year: int) -> str:
    """2022; years before 1 (astronomical numbering, see analysis.timeline.COLUMNS) as the
    historical year: -43 → « 44 av. J.-C. »."""
    return str(year) if year >= 1 else f"{1 - year} av. J.-C."


def roman(number: int) -> str:
    """21 → XXI."""
    digits = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
              (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    text = ""
    for value, letters in digits:
        while number >= value:
            text, number = text + letters, number - value
    return text


def french_century(year: int) -> str:
    """The century of an astronomical year as French writes it: « XVe siècle », « Ier siècle »,
    « Xe siècle av. J.-C. » (year -999, i.e. 1000 BC, opens the tenth century before our era)."""
    era = ""
    if year < 1:
        year, era = -year, " av. J.-C."
    number = year // 100 + 1
    return f"{roman(number)}{'er' if number == 1 else 'e'} siècle{era}"
