"""The word lists of data/temporal/, read once, and the two helpers that turn them into
regular expressions (`alt`) and look phrases up in them (`fold`)."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable

from ..paths import data_file, read_csv_rows

_rows = functools.partial(read_csv_rows, "temporal")  # rows of a CSV under data/temporal/


@functools.cache
def lexicon() -> dict:
    """All word lists of data/temporal/, read once."""
    words = json.loads(data_file("temporal", "words.json").read_text(encoding="utf-8"))
    return {
        "months": {r["name"]: int(r["month"]) for r in _rows("months.csv")},
        "weekdays": {r["name"]: int(r["weekday"]) for r in _rows("weekdays.csv")},
        "seasons": {r["name"]: r for r in _rows("seasons.csv")},
        "numbers": {r["word"]: int(r["value"]) if r["value"] else None
                    for r in _rows("numbers.csv")},
        "units": {r["word"]: r["unit"] for r in _rows("units.csv")},
        "relative": {r["expression"]: r for r in _rows("relative.csv")},
        "open": {r["expression"]: r for r in _rows("open.csv")},
        "modifiers": {r["expression"]: r["part"] for r in _rows("modifiers.csv")},
        "tense_verbs": _rows("tense_verbs.csv"),
        "year_parts": {r["word"]: r for r in _rows("year_parts.csv")},
        "anaphora": {r["expression"]: r for r in _rows("anaphora.csv")},
        **{key: value for key, value in words.items() if not key.startswith("_")},
    }


def alt(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, any run of spaces matching one space."""
    parts = [r"\s+".join(re.escape(w) for w in phrase.split()) for phrase in words]
    return "(?:" + "|".join(sorted(set(parts), key=len, reverse=True)) + ")"


def fold(text: str) -> str:
    """Lower-cased, whitespace-collapsed form used to look phrases up in the word lists."""
    return " ".join(text.lower().split())
