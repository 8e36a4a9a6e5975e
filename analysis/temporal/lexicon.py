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
    """A regex alternation of phrases, longest first, any run of spaces matching one space.

    The phrases are factored like a trie (« l(?:a\\s+veille|e\\s+lendemain) »):
    with IGNORECASE the regex engine enters every branch of an alternation, so a rule tried
    where it fails paid for each of its phrases; factored, only those opening with the right
    character. The matches are the same: phrases opening with different characters never match
    at the same place, and within a character the order (longest first) is kept.
    """
    parts = sorted({r"\s+".join(re.escape(w) for w in phrase.split()) for phrase in words},
                   key=len, reverse=True)
    return "(?:" + factored_alternation(parts) + ")"


def factored_alternation(parts: list[str]) -> str:
    """`parts` joined by « | », grouped by first character when that is safe (every part opens
    with a plain character and no two of those characters match each other ignoring case),
    and so on within each group: a trie of the phrases."""
    groups: dict[str, list[str]] = {}
    for part in parts:
        groups.setdefault(part[:1], []).append(part[1:])
    firsts = list(groups)
    if any(not first or first == "\\" for first in firsts) or any(
            re.fullmatch(re.escape(a), b, re.IGNORECASE)
            for i, a in enumerate(firsts) for b in firsts[i + 1:]):
        return "|".join(parts)
    return "|".join(
        first + rests[0] if len(rests) == 1 else f"{first}(?:{factored_alternation(rests)})"
        for first, rests in groups.items())


def fold(text: str) -> str:
    """Lower-cased, whitespace-collapsed form used to look phrases up in the word lists."""
    return " ".join(text.lower().split())
