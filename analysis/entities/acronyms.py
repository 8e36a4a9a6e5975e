"""Acronyms defined in the text, `Long Name (LN)`: the acronym is counted under the long name."""

from __future__ import annotations

import re
from dataclasses import replace

from .heads import head_label
from .lexicon import _alias_label, aliases, fold, rules, word_spans
from .schema import Mention

# --- acronyms defined in the text ------------------------------------------------------------

_ACRONYM_DEFINED = re.compile(r"\((?P<acronym>[A-ZÀ-Þ][A-Za-zÀ-ÿ]{1,7})\)")
_ACRONYM_SKIPPED = frozenset({"de", "d", "des", "du", "la", "le", "l", "les", "et", "pour", "sur"})


def _link_acronyms(text: str, mentions: list[Mention]) -> tuple[list[Mention], dict[str, str]]:
    """`Long Name (LN)`: the long name is a mention (ORG unless the alias table or the model's
    identical span says otherwise), every occurrence of the acronym in the document
    (the one in parentheses too) is a mention of it, and the acronym is counted under the
    long name (`parquet national financier (PNF)`, `Comité international olympique (CIO)`).
    The long name's words must give the acronym's letters by their initials, skipping `de`,
    `la`, `des`... A lowercase long name that is no institution (`accidents vasculaires
    cérébraux (AVC)`, `salaire minimum interprofessionnel de croissance`) is a common noun:
    neither it nor its acronym is a mention."""
    linked: dict[str, str] = {}
    common: set[str] = set()
    for match in _ACRONYM_DEFINED.finditer(text):
        start = _acronym_expansion(text, match.start(), match["acronym"])
        if start is None:
            continue
        end = len(text[: match.start()].rstrip())
        if _is_common_noun(text[start:end]):
            common.add(match["acronym"])
            mentions = [m for m in mentions if not (start < m.end and m.start < end)]
            continue
        same = [m for m in mentions if (m.start, m.end) == (start, end)]
        label = (
            _alias_label(text[start:end])
            or head_label(text[start:end])
            or (same[0].label if same else "ORG")
        )
        mentions = [m for m in mentions if not (start < m.end and m.start < end)]
        mentions.append(Mention(start, end, "ORG" if label == "PER" else label, "acronym"))
        linked[match["acronym"]] = text[start:end]
    mentions = [m for m in mentions if text[m.start : m.end] not in common]
    if not linked:
        return mentions, linked
    forms = {
        acronym: next(m.label for m in mentions if text[m.start : m.end] == long)
        for acronym, long in linked.items()
    }
    mentions = [m for m in mentions if text[m.start : m.end] not in forms]
    taken = [(m.start, m.end) for m in mentions]
    for start, end in word_spans(forms, text):
        if any(s < end and start < e for s, e in taken):
            continue  # `HP` inside `HP France` counts for HP France
        mentions.append(Mention(start, end, forms[text[start:end]], "acronym"))
    return sorted(mentions, key=lambda m: (m.start, m.end)), linked


def _initials_used(word: str, letters: str) -> int:
    """How many of the last `letters` one word gives: its initial, plus up to two more letters
    found in order inside it (`antiterroriste` gives the `AT` of `PNAT`); 0 when none."""
    for size in (3, 2, 1):
        chunk = letters[-size:]
        if len(chunk) == size and chunk[0] == word[:1] and _in_order(chunk[1:], word[1:]):
            return size
    return 0


def _in_order(letters: str, word: str) -> bool:
    remaining = iter(word)
    return all(letter in remaining for letter in letters)


def _acronym_expansion(text: str, paren: int, acronym: str) -> int | None:
    """Start of the words before `paren` whose initials spell `acronym`, else None."""
    letters = fold(acronym).replace(" ", "")
    words = list(re.finditer(r"[^\W\d_]+", text[max(0, paren - 120) : paren]))
    offset, start = max(0, paren - 120), None
    for word in reversed(words):
        if not letters:
            break
        used = _initials_used(fold(word.group(0)), letters)
        if used:
            letters, start = letters[:-used], offset + word.start()
        elif word.group(0).lower() not in _ACRONYM_SKIPPED or start is None:
            return None
    if letters or start is None:
        return None
    return start


def _is_common_noun(long_name: str) -> bool:
    """A lowercase expansion not opened by an institution noun (`parquet national financier`
    is an organisation as French writes it; `accidents vasculaires cérébraux` is not)."""
    first = long_name.split(" ")[0].lower()
    heads = set(rules()["institution_heads"]) | set(rules()["institution_pattern_heads"])
    return long_name[:1].islower() and first not in heads


_ACRONYM_FORM = re.compile(r"[A-Z]{2,6}")


def _link_spelled(
    text: str, mentions: list[Mention], linked: dict[str, str]
) -> tuple[list[Mention], dict[str, str]]:
    """An acronym not defined in parentheses is still counted under the only longer name of
    the article whose initials spell it (`le BEA, le Bureau d'enquêtes et d'analyses`), with
    that name's label. Alias-table acronyms keep their own entity."""
    surfaces = {text[m.start : m.end]: m.label for m in mentions}
    longs = [form for form in surfaces if " " in form]
    found: dict[str, str] = {}
    for form in surfaces:
        if not _ACRONYM_FORM.fullmatch(form) or form in linked or form in aliases():
            continue
        spelled = [long for long in longs if _spells(long, form)]
        if len(spelled) == 1:
            found[form] = spelled[0]
    if not found:
        return mentions, linked
    relabelled = [
        replace(m, label=surfaces[found[text[m.start : m.end]]])
        if text[m.start : m.end] in found
        else m
        for m in mentions
    ]
    return relabelled, {**linked, **found}


def _spells(long: str, acronym: str) -> bool:
    """Whether the initials of `long`'s words (without `de`, `et`, `la`...) are `acronym`, or
    it spells it as a parenthesised definition would (`antiterroriste` → `AT`)."""
    words = [w for w in re.findall(r"[^\W\d_]+", long) if w.lower() not in _ACRONYM_SKIPPED]
    initials = "".join(fold(word)[:1] for word in words)
    return initials == fold(acronym) or _acronym_expansion(long, len(long), acronym) == 0
