"""Canonical names within one article: propagating recognised names to their other occurrences,
short forms of a person (`Poutine`) to the full name, one label per entity."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from .lexicon import _alias_label, aliases, canonical_entity, first_names, fold, rules, word_spans
from .mentions import _inside_longer_name
from .names import looks_like_name
from .schema import LABELS, Mention
from .spans import _overlaps


def _propagate(text: str, mentions: list[Mention], blocked, extra: dict[str, str]) -> list[Mention]:
    """Add the other occurrences, in the same document, of every name already recognised
    (and of the `extra` forms → labels, such as the bare names of designators)."""
    forms: dict[str, str] = dict(extra)
    for mention in mentions:
        forms.setdefault(text[mention.start : mention.end], mention.label)
    for surname, label in _person_suffixes(text, mentions).items():
        forms.setdefault(surname, label)
    if not forms:
        return mentions
    taken = [(m.start, m.end) for m in mentions] + list(blocked)
    added = []
    for start, end in word_spans(forms, text):
        new = Mention(start, end, forms[text[start:end]], "propagated")
        if not _overlaps(new, taken) and not _inside_longer_name(text, new.start, new.end):
            added.append(new)
            taken.append((new.start, new.end))
    return sorted(mentions + added, key=lambda m: (m.start, m.end))


def _person_suffixes(text: str, mentions: list[Mention]) -> dict[str, str]:
    """Shorter forms of multi-word person names (`Poutine` of `Vladimir Poutine`)."""
    found = {}
    for mention in mentions:
        if mention.label != "PER":
            continue
        words = text[mention.start : mention.end].split()
        for i in range(1, len(words)):
            suffix = " ".join(words[i:])
            if looks_like_name(suffix) and _alias_label(suffix) in (None, "PER"):
                found[suffix] = "PER"
    return found


_INITIALS = re.compile(r"((?:[A-ZÀ-Þ]\.?-?){1,3}) (\S.*)$")


def _initials_match(short: str, full: str) -> bool:
    """Whether `short` (initials and a surname: `B. Obama`, `J.-M. Ayrault`) abbreviates
    `full` (`Barack Obama`, `Jean-Marc Ayrault`): same surname, same initials."""
    match = _INITIALS.match(short)
    letters = re.sub(r"[^A-ZÀ-Þ]", "", match.group(1))
    surname = match.group(2)
    if "." not in match.group(1) and "-" not in match.group(1):
        return False
    if not fold(full).endswith(" " + fold(surname)):
        return False
    given = full[: len(full) - len(surname)].split()
    initials = "".join(part[:1] for word in given for part in word.split("-"))
    return initials.upper() == letters


def _person_canonical(forms: list[str], labels: list[str]) -> dict[str, str]:
    """Each form → the longest person name in the document that ends with it (word-wise).

    A form that ends two different longer names (`Macron` of `Emmanuel` and `Brigitte
    Macron`) is ambiguous and stays as it is. A single word that ends no name but opens exactly
    one (`Kateri` of `Kateri Tekakwitha`: a first name used alone) is that person, and initials
    with a surname are the only person they abbreviate (`B. Obama`, `J-M Ayrault`).
    """
    people = {form for form, label in zip(forms, labels, strict=True) if label == "PER"}
    result = {}
    for form in set(forms):
        if _alias_label(form) not in (None, "PER"):
            continue
        full = longest_names(form, people)
        if len(full) == 1:
            result[form] = full[0]
        elif not full and _INITIALS.match(form):
            matching = [p for p in people if p != form and _initials_match(form, p)]
            if len(matching) == 1:
                result[form] = matching[0]  # `B. Obama`, `J-M Ayrault`
        elif not full and " " not in form:
            opened = [p for p in people if p.startswith(form + " ") and " " in p]
            if len(opened) == 1 and not any(q.startswith(opened[0] + " ") for q in people):
                result[form] = opened[0]  # `Kateri` alone after `Kateri Tekakwitha`
    return result


_GENDER_TITLES = {"M.": "M", "Monsieur": "M", "Mme": "F", "Madame": "F", "Mlle": "F"}
_TITLE_WORD = re.compile(r"(M\.|Monsieur|Mme|Madame|Mlle)\s+$")


def _by_title(text: str, start: int, form: str, people: set[str]) -> str | None:
    """A surname shared by several people of the document (`Macron` of `Emmanuel` and
    `Brigitte Macron`) after `M.` or `Mme`: the only one whose first name has that gender
    (`first_names.csv`), else None."""
    title = _TITLE_WORD.search(text, max(0, start - 12), start)
    if not title:
        return None
    gender = _GENDER_TITLES[title.group(1)]
    matching = [
        name
        for name in longest_names(form, people)
        if first_names().get(name.split()[0].split("-")[0]) == gender
    ]
    return matching[0] if len(matching) == 1 else None


def _ends_with(name: str, short: str) -> bool:
    """Whether `name` ends with the words of `short` (ignoring case and accents)."""
    return fold(name).endswith(" " + fold(short))


def longest_names(short: str, names) -> list[str]:
    """The longest of `names` that end with `short` word-wise (none of them ends another)."""
    longer = [name for name in names if _ends_with(name, short)]
    return [p for p in longer if not any(q != p and _ends_with(q, p) for q in longer)]


def _vote(labels: list[str]) -> str:
    """The most frequent label; ties go to the order PER, ORG, LOC, MISC."""
    counts = Counter(labels)
    return max(LABELS, key=lambda label: (counts[label], -LABELS.index(label)))


def _canonicalise(
    text: str, mentions: list[Mention], linked: dict[str, str] | None = None
) -> list[tuple[Mention, str]]:
    """(mention with its entity's label, canonical entity) for each mention of one document;
    `linked` maps acronyms to the names they abbreviate here (`_link_acronyms`)."""
    forms = [text[m.start : m.end] for m in mentions]
    persons = _person_canonical(forms, [m.label for m in mentions])
    linked = linked or {}
    people = {form for form, m in zip(forms, mentions, strict=True) if m.label == "PER"}
    entities = [
        canonical_entity(
            linked.get(form) or persons.get(form) or _by_title(text, m.start, form, people) or form
        )
        for form, m in zip(forms, mentions, strict=True)
    ]
    grouped: dict[str, list[str]] = defaultdict(list)
    for mention, entity, form in zip(mentions, entities, forms, strict=True):
        grouped[entity].append("PER" if form in persons else mention.label)
    labels = {entity: _alias_label(entity) or _vote(found) for entity, found in grouped.items()}
    return [(replace(m, label=labels[e]), e) for m, e in zip(mentions, entities, strict=True)]


def _short_references(text: str, mentions: list[Mention]) -> dict[str, str]:
    """A one-word organisation or event that is the first word of exactly one longer one
    named in the document stands for it (`la Commission` after `la Commission européenne`,
    `l'Assemblée` after `l'Assemblée nationale`; for events only a head word of
    `rules.json` `event_heads`: `le Forum` after `le Forum mondial de la langue française`)."""
    names = {
        text[m.start : m.end]
        for m in mentions
        if m.label == "ORG" or text[m.start : m.end].split(" ")[0] in rules()["event_heads"]
    }
    found = {}
    for name in names:
        if " " in name or (name in aliases() and aliases()[name][0] == name):
            continue  # a known entity of its own (`Wikimédia` beside `Wikimédia France`)
        longer = [other for other in names if other.startswith(name + " ")]
        if len(longer) == 1:
            found[name] = longer[0]
    return found
