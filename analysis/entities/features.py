"""Names read from the common noun before them (data in `data/entities/`):

- `feature_nouns.csv`: a lowercase geographic or event noun and the name after it form one
  name, noun included, as French writes it: `place Tahrir`, `mont Maudit`, `massif du
  Mont-Blanc`, `îles d'Hyères`, `aéroport international Murtala-Muhammed` (LOC), `opération
  Harpie`, `foire Saint-Romain`, `boson de Higgs`, `maladie d'Alzheimer` (MISC: things named
  after someone are no mention of that person). Not after a bare `de` for places (`île de Ré`
  names Ré) nor when the complement is an alias-table place (`aéroport de Lagos`).
- `type_nouns.csv`: a noun (singular or plural: `les fusées Titan III`) that says what the
  next name is, with at most one lowercase word between (`l'ouragan Sandy`, `le film
  Skyfall`, `la banque belge Belfius`, `le groupe islamiste Boko Haram`, `la ville de
  Charlotte`): the name alone, with that noun's label,
  which every mention of the same form in the article then takes.
"""

from __future__ import annotations

import functools
import re

from ..paths import read_csv_rows
from .lexicon import aliases, stop_words
from .schema import Mention

_CAP = "A-ZÀ-ÖØ-Þ"
_NAME = rf"[{_CAP}][\w’'-]*(?:[ \t]+(?:(?:of|and|the|&)[ \t]+)?[{_CAP}0-9][\w’'-]*)*"
_LOWER = r"[a-zàâäçéèêëîïôöûùüÿœ][\w-]*"


def _nouns(file: str) -> dict[str, str]:
    return {row["noun"].strip(): row["label"].strip() for row in read_csv_rows("entities", file)}


@functools.cache
def feature_nouns() -> dict[str, str]:
    """Lowercase noun → label of the name it opens (`place` → LOC), `feature_nouns.csv`."""
    return _nouns("feature_nouns.csv")


@functools.cache
def type_nouns() -> dict[str, str]:
    """Noun → label of the name right after it (`ouragan` → MISC), `type_nouns.csv`."""
    return _nouns("type_nouns.csv")


def _alternatives(words) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@functools.cache
def _feature_regex() -> re.Pattern:
    return re.compile(
        rf"(?<![\w-])(?P<noun>{_alternatives(feature_nouns())})"
        rf"[ \t]+(?:(?!(?:de|du|des|d)\b)(?P<adjective>{_LOWER})[ \t]+)?"
        r"(?P<particle>de la |de l'|de l’|du |des |de |d'|d’)?"
        rf"(?P<name>[{_CAP}][\w’'-]*(?:[ \t]+[{_CAP}0-9][\w’'-]*)*)(?![\w-]|\.\w)"
    )


@functools.cache
def _type_regex() -> re.Pattern:
    return re.compile(
        rf"(?<![\w-])(?P<noun>{_alternatives(type_nouns())})(?:[sx],?)?"
        rf"(?:\s+(?!de\s|d['’]|du\s|des\s)(?P<between>{_LOWER}))?"
        r"\s+(?P<particle>de |d'|d’)?"
        rf"(?P<name>{_NAME})(?![\w-]|\.\w)"
    )


def feature_mentions(text: str) -> list[Mention]:
    """`place Tahrir`, `opération Harpie`: the noun and the name, one mention (see module)."""
    found = []
    for match in _feature_regex().finditer(text):
        adjective = match["adjective"]
        if adjective and adjective in stop_words():
            continue
        if match["particle"] and aliases().get(match["name"], ("", ""))[1] == "LOC":
            continue
        if adjective and match["particle"] and feature_nouns()[match["noun"]] != "MISC":
            continue  # `aéroport international de Lagos`: Lagos; `festival interceltique de X`
        label = feature_nouns()[match["noun"]]
        if match["particle"] in ("de ", "d'", "d’") and label != "MISC" and match["noun"] != "îles":
            continue  # `île de Ré` names Ré; `boson de Higgs` is a thing named after Higgs
        found.append(Mention(match.start(), match.end(), label, "institution"))
    return found


def typed_mentions(text: str) -> list[Mention]:
    """`l'ouragan Sandy`, `la ville de Charlotte`: the name with the noun's label (`de` is
    allowed between only for places: `la société de Bill Gates` names no company)."""
    found = []
    for match in _type_regex().finditer(text):
        label = type_nouns()[match["noun"]]
        if (match["between"] or "") in stop_words() and match["between"]:
            continue
        if match["particle"] and (label != "LOC" or match["between"]):
            continue
        name = match["name"].rstrip(".")
        if name in aliases():
            continue
        start = match.start("name")
        found.append(Mention(start, start + len(name), label, "typed"))
    return found
