"""Model spans that glue two names, or a name and the words after it, cut apart:

- `Commission européenne de Bruxelles`, `Iju de Lagos`, `Tahrir du Caire`, `Oréal pour
  l'Asie-Pacifique`: a name, a preposition (`de`, `du`, `au`, `à`, `pour`, `en`...) and a place
  that is an alias-table place, a listed city (`cities.csv`) or named on its own elsewhere in
  the article are two mentions,
  the place with its own label. Not when the span opens with an organisation or event head
  (`Université de Caen`, `Festival interceltique de Lorient`: the place is part of the name,
  see `heads.py`) unless what precedes the place is itself an alias-table name (`Jeux
  olympiques de Londres`; not `Assemblée nationale du Québec`), or when the whole span is an
  alias-table name.
- `Sénat pour les démocrates`: a preposition followed by a lowercase word ends the name.
- `2010 de Wimbledon`: a number and `de` before a name are cut; `Ayrault 2` (a government
  numbered after a person of the article) is the person.
- `Journal des Arts, de la Gazette des Communes`: a line break or a comma ends a name (what
  follows is another one), so does a wiki reference mark (`Parti populaire espagnol[1`), and
  a lowercase adjective after an alias-table name or a word that is never a name
  (`Francophonie institutionnelle` → Francophonie, `État américain` → nothing).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from ..paths import read_csv_rows
from .lexicon import _alias_label, _not_names, aliases, fold, rules
from .names import _not_name_pattern
from .schema import Mention

_GLUE = re.compile(
    r"\s+(?:de la |de l'|de l’|du |des |de |d'|d’|au |aux |à |pour l'|pour la |pour |en )"
    r"(?=[A-ZÀ-ÖØ-Þ])"
)
_LOWER_TAIL = re.compile(
    r"\s+(?:pour|dans|avec|sur|par|contre|chez|selon)\s+"
    r"(?:les |la |le |l'|l’|des |un |une )?[a-zàâäçéèêëîïôöûùüÿœ]"
)


@functools.cache
def cities() -> frozenset[str]:
    """Cities of `data/entities/cities.csv`: known places for cutting glued spans only (they
    take no fixed label: in a match report a city names its club)."""
    return frozenset(row["city"].strip() for row in read_csv_rows("entities", "cities.csv"))


def _known_places(text: str, mentions: list[Mention]) -> set[str]:
    """Places the article names on their own, and the listed cities."""
    return {text[m.start : m.end] for m in mentions if m.label == "LOC"} | cities()


_COMMA_REST = re.compile(r",\s+(?:et\s+)?(?:de la |de l'|de l’|du |des |de |d'|d’)?(.+)$")
_NUMBERED = re.compile(r"([A-ZÀ-ÖØ-Þ][\w'’-]+) \d{1,3}")
_NUMBER_HEAD = re.compile(r"\d+(?:e|er|ème)?\s+(?:de la |de l'|du |des |de |d'|d’)(?=[A-ZÀ-ÖØ-Þ])")
_ADJECTIVE_TAIL = re.compile(r" [a-zàâäçéèêëîïôöûùüÿœ][\w-]*$")


def _cut_point(surface: str) -> int | None:
    """Where a model span stops being one name: at a comma (`Journal des Arts, de la Gazette`),
    at a wiki reference mark (`espagnol[1`), or before a lowercase adjective after a known
    name or a word that is never a name (`Francophonie institutionnelle`, `État américain`)."""
    for mark in ("\n", ", ", "["):
        if mark in surface[1:]:
            return surface.index(mark, 1)
    adjective = _ADJECTIVE_TAIL.search(surface)
    if adjective:
        head = surface[: adjective.start()]
        if head in aliases() or fold(head) in _not_names():
            return adjective.start()
    return None


def _known_then_city(surface: str, glue: re.Match) -> bool:
    """`Jeux olympiques de Londres`: an alias-table name, then a bare `de` and a city (with an
    article, `Assemblée nationale du Québec`, the complement says whose, not where)."""
    return surface[: glue.start()] in aliases() and glue.group(0).strip() in ("de", "d'", "d’")


def split_glued(text: str, mentions: list[Mention]) -> list[Mention]:
    """Model spans cut into a name and a place, or cut before a lowercase tail (see module)."""
    places = _known_places(text, mentions)
    surnames = {
        text[m.start : m.end].split()[-1]
        for m in mentions
        if m.label == "PER" and m.source != "alias"
    }
    heads = set(rules()["organisation_heads"]) | set(rules()["event_heads"])
    result = []
    for mention in mentions:
        surface = text[mention.start : mention.end]
        if mention.source != "model" or surface in aliases():
            result.append(mention)
            continue
        numbered = _NUMBERED.fullmatch(surface)
        if numbered and numbered.group(1) in surnames:  # `gouvernement Ayrault 2`: the person
            result.append(replace(mention, end=mention.start + numbered.end(1), label="PER"))
            continue
        cut = _cut_point(surface)
        if cut is not None:
            rest = _COMMA_REST.match(surface, cut)
            if rest and rest.group(1)[:1].isupper():
                start = mention.start + rest.start(1)
                result.append(Mention(start, mention.end, mention.label, "model"))
            mention = replace(mention, end=mention.start + cut)
            surface = surface[:cut]
            if fold(surface) in _not_names() or _not_name_pattern().fullmatch(surface.strip()):
                continue
        number = _NUMBER_HEAD.match(surface)
        if number and number.end() < len(surface):  # `2010 de Wimbledon`: the year is no name
            mention = replace(mention, start=mention.start + number.end())
            surface = surface[number.end() :]
        tail = _LOWER_TAIL.search(surface)
        if tail and tail.start() > 0:
            mention = replace(mention, end=mention.start + tail.start())
            surface = surface[: tail.start()]
        glue = _GLUE.search(surface)
        right = surface[glue.end() :] if glue else ""
        if (
            glue
            and (surface.split(" ")[0] not in heads or _known_then_city(surface, glue))
            and (right in places and right != surface or _alias_label(right) == "LOC")
        ):
            left_end = mention.start + glue.start()
            right_start = mention.start + glue.end()
            result.append(replace(mention, end=left_end))
            result.append(Mention(right_start, mention.end, _alias_label(right) or "LOC", "model"))
            continue
        result.append(mention)
    return result
