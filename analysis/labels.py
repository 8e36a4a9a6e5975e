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
    return {"day": f"{stamp.day} {month} {stamp.year}", "month": f"{month} {stamp.year}",
            "short": f"{stamp.day} {month}", "year": f"{stamp.year}"}[style]
