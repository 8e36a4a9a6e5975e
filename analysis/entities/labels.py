"""Labels and mentions dropped after selection: designators are MISC, alias-table names take the
table's label, plural people nouns and demonyms are no mentions, a city in a match report is its
club."""

from __future__ import annotations

import re
from dataclasses import replace

from .heads import head_label
from .lexicon import _alias_label, aliases, demonyms, rules
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
    """A name in an enumeration takes the label of the names around it (`Nelson Rivas, Felipe,
    Troy Perkins`: PER; `du Monde, de Télérama, de la Gazette des communes, d'Archéologia`: ORG):
    the mention before it has that label and is joined by a comma, `et`, `ou (encore)` (with
    `de`/`du`... for lists of complements), and the one after it has the same label joined the
    same way, or it ends a list of three or more (`A, B et C`) or follows `ou encore`.
    Alias-table names, names typed by a
    noun, and full person names keep their label."""
    result = list(mentions)
    for i, mention in enumerate(mentions):
        surface = text[mention.start : mention.end]
        if i == 0 or _alias_label(surface) or mention.source in ("typed", "name"):
            continue
        if mention.label == "PER" and " " in surface:
            continue  # a full person name stays a person
        before = result[i - 1]
        gap = text[before.end : mention.start]
        if before.label == mention.label or not _in_list(gap):
            continue
        after = mentions[i + 1] if i + 1 < len(mentions) else None
        next_same = (
            after is not None
            and after.label == before.label
            and _in_list(text[mention.end : after.start])
        )
        if next_same or _ends_list(text, result, i, gap):
            result[i] = replace(mention, label=before.label)
    return result


def _ends_list(text: str, mentions: list[Mention], i: int, gap: str) -> bool:
    """The last item of an enumeration: after `ou encore`/`ainsi que`, or after `et`/`ou` when
    the two mentions before are joined with the same label (`A, B et C`; `A et B` alone is
    no list)."""
    joiner = _LIST_JOINER.search(gap)
    if not joiner:
        return False
    if re.search(r"encore|ainsi", joiner.group(0)):
        return True
    if i < 2:
        return False
    first, second = mentions[i - 2], mentions[i - 1]
    return first.label == second.label and _in_list(text[first.end : second.start])


def _in_list(gap: str) -> bool:
    return len(gap) <= 18 and bool(_LIST_SEPARATOR.fullmatch(gap))
