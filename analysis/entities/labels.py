"""Labels and mentions dropped after selection: designators are MISC, alias-table names take the
table's label, plural people nouns and demonyms are no mentions, a city in a match report is its
club."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .heads import head_label
from .lexicon import _alias_label, aliases, demonyms, is_first_name, rules
from .schema import Mention
from .spans import _overlaps, _word_before


def _relabel(text: str, mention: Mention, designators, bases: set[str]) -> Mention:
    """Designators and their bare names are MISC; alias-table names take the table's label;
    head words give ORG or MISC (`heads.py`); an other (MISC) right after `à`/`en` is a
    place."""
    surface = text[mention.start : mention.end]
    if surface in bases or _overlaps(mention, designators):
        return replace(mention, label="MISC")
    label = _alias_label(surface)
    if label:
        return replace(mention, label=label)
    label = head_label(surface, mention.label)
    if label and mention.source not in ("typed", "name"):
        return replace(mention, label=label)
    if "-" in surface and _alias_label(surface.split("-")[0]) == "ORG":
        return replace(mention, label="ORG")  # `CGT-Cheminots`: a branch of an organisation
    if mention.label == "MISC" and _after_locative(text, mention.start):
        return replace(mention, label="LOC")
    return mention


def _after_locative(text: str, start: int) -> bool:
    """Whether a locative word (`à`, `au`, `en`) comes right before `start`, not as part of
    `face à`, `grâce à`...: what follows names a place (`à Cannes`, `à Isola 2000`)."""
    words = text[max(0, start - 30) : start].split()
    return (
        bool(words)
        and words[-1].lower() in rules()["locative_words"]
        and (len(words) < 2 or words[-2].lower() not in rules()["not_locative_before"])
    )


def _is_group_noun(text: str, mention: Mention) -> bool:
    """A plural people noun (`les Américains`, `des Européens`): one word with a people-noun
    ending (`group_noun_suffix`) after a plural determiner, labelled place or other, and not
    a known plural name. Plural place names (`les Landes`) have other endings."""
    surface = text[mention.start : mention.end]
    before = text[max(0, mention.start - 20) : mention.start].split()
    return (
        mention.label in ("LOC", "MISC")
        and " " not in surface
        and bool(re.search(rules()["group_noun_suffix"]["regex"], surface))
        and surface not in aliases()
        and bool(before)
        and before[-1].lower() in rules()["plural_determiners"]
    )


def _is_demonym(text: str, mention: Mention) -> bool:
    """A nationality or inhabitant noun (`un Russe`, `le Slovène`, `les Lyonnais`) is not a
    mention, unless it is in the alias table or follows a title (`M. Breton` is a person)."""
    surface = text[mention.start : mention.end]
    return (
        surface in demonyms()
        and surface not in aliases()
        and not _TITLE_BEFORE.search(text, max(0, mention.start - 8), mention.start)
    )


_TITLE_BEFORE = re.compile(r"(?:^|\s)(?:M\.|Mme|Me|Dr|Pr|Mgr)\s+$")


def _clubs_by_city(text: str, mentions: list[Mention]) -> list[Mention]:
    """In a sports report (a match score such as `3-1` or `(28-13)` in the text), a place that
    is not after a locative word (`à`, `au`, `de`...) is the club named by its city (`Lyon a
    battu Lens`): ORG. Alias-table places (countries, capitals) keep their label."""
    if not re.search(rules()["sports_score"]["regex"], text):
        return mentions
    locative = set(rules()["sports_locative"])
    return [
        replace(m, label="ORG")
        if m.label == "LOC"
        and _alias_label(text[m.start : m.end]) is None
        and (
            (_word_before(text, m.start) or "").lower() not in locative
            or _after_opponent(text, m.start)
        )
        else m
        for m in mentions
    ]


def _after_opponent(text: str, start: int) -> bool:
    """`face à Lens`, `grâce à Lyon`: `à` here does not make a place."""
    words = text[max(0, start - 30) : start].split()
    return len(words) >= 2 and words[-2].lower() in rules()["not_locative_before"]


_LIST_SEPARATOR = re.compile(
    r"\s*(?:,|et|ou|ou encore|ainsi que)\s*(?:de la |de l'|de l’|du |des |de |d'|d’)?"
)
_LIST_JOINER = re.compile(r"\s+(?:et|ou|ou encore|ainsi que)\s*(?:de la |de l'|du |des |de |d')?$")


def _people_lists(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names in an enumeration take the label most of them have (`Nelson Rivas, Felipe, Troy
    Perkins`: PER; `du Monde, de Télérama, de la Gazette des communes, d'Archéologia`: ORG): in
    a run of three names or more joined by commas, `et`, `ou` (with `de`/`du`... for lists of
    complements), the label most of them have (at least two, no tie) is given to the others;
    after `ou encore`/`ainsi que` the second of two names takes the first one's label (`Roch
    Voisine ou encore Fayo`). Alias-table names, names typed by a noun, and full person names
    keep their label."""
    result = list(mentions)
    runs: list[list[int]] = []
    for i, mention in enumerate(mentions):
        if runs and _in_list(text[mentions[runs[-1][-1]].end : mention.start]):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        if len(run) == 2 and re.search(
            r"encore|ainsi", text[mentions[run[0]].end : mentions[run[1]].start]
        ):
            label = mentions[run[0]].label
        elif len(run) >= 3:
            ranked = Counter(mentions[i].label for i in run).most_common(2)
            label, count = ranked[0]
            if count < 2 or (len(ranked) > 1 and ranked[1][1] == count):
                continue
        else:
            continue
        for i in run:
            if not _keeps_label(text, mentions[i]):
                result[i] = replace(mentions[i], label=label)
    return result


def _keeps_label(text: str, mention: Mention) -> bool:
    surface = text[mention.start : mention.end]
    return (
        bool(_alias_label(surface))
        or mention.source in ("typed", "name")
        or (mention.label == "PER" and " " in surface and is_first_name(surface.split()[0]))
    )


def _in_list(gap: str) -> bool:
    return len(gap) <= 18 and bool(_LIST_SEPARATOR.fullmatch(gap))


_PLACE_IN_PARENTHESES = re.compile(r" \((?P<place>[^()\n]{2,40})\)")


def _places_by_region(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name followed by a known place in parentheses is a place (`à Charlotte (Caroline du
    Nord)`, `Springfield (Illinois)`)."""
    result = []
    for mention in mentions:
        after = _PLACE_IN_PARENTHESES.match(text, mention.end)
        if (
            after
            and mention.label != "LOC"
            and _alias_label(after["place"]) == "LOC"
            and _alias_label(text[mention.start : mention.end]) is None
        ):
            mention = replace(mention, label="LOC")
        result.append(mention)
    return result
