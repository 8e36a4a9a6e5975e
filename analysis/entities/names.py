"""Trimming one candidate span to the name itself: no article, preposition, elision, title or
minister's portfolio before it, no punctuation after it; what is left must look like a name."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from .lexicon import (
    _lead_regex,
    _not_names,
    aliases,
    fold,
    is_first_name,
    rules,
    stop_words,
    titles,
    titles_by_first,
)
from .schema import Mention

# --- trimming one span ----------------------------------------------------------------------


def _is_title_at(text: str) -> int:
    """Length of a title at the start of `text` (followed by a space or the end), else 0."""
    lowered = text.lower()
    groups = titles_by_first()
    for title in titles() if "" in groups else groups.get(lowered[:1], ()):
        if lowered.startswith(title) and (
            len(text) == len(title) or not text[len(title)].isalnum() or title.endswith(".")
        ):
            return len(title)
    return 0


def _title_cut(rest: str) -> int | None:
    """Characters to cut for a title opening `rest` (with its complement, as in `ministre de
    la Culture`), or None when no title opens it. A span that is only a title is cut whole,
    except a single capitalised word, which may be a surname (`Maire` of `Le Maire`)."""
    size = _is_title_at(rest)
    if not size:
        return None
    after = rest[size:]
    if not after.strip():
        return len(rest) if " " in rest.strip() or rest[:1].islower() else 0
    cut = size + len(after) - len(after.lstrip())
    preposition = _PREPOSITION.match(rest[cut:])
    if not preposition or rest[:size].lower() in rules()["honorifics"]:
        return cut  # `Mme de Montchalin`: after an honorific, `de` opens the surname
    return cut + preposition.end() + _complement_length(rest[cut + preposition.end() :])


def _complement_length(complement: str) -> int:
    """Length of a title's complement at the start of `complement` (`Affaires étrangères` of
    `Affaires étrangères Sergueï Lavrov`): up to the capitalised words after its last lowercase
    word; with no lowercase word, its first word when more capitalised words follow
    (`Économie Bruno Le Maire`); otherwise all of it."""
    names = list(_LOWER_BEFORE_NAME.finditer(complement))
    if names:
        return names[-1].end()
    first = _FIRST_WORD_BEFORE_NAME.match(complement)
    return first.end() if first else len(complement)


_PREPOSITION = re.compile(r"(?:de la |de l'|des |du |de |d'|au |aux |à la |à l')")
_LOWER_BEFORE_NAME = re.compile(r"(?<!\S)[a-zàâäçéèêëîïôöûùüÿœ][\w'-]*\s+(?=[A-ZÀ-ÖØ-Þ])")
_FIRST_WORD_BEFORE_NAME = re.compile(r"\S+\s+(?=[A-ZÀ-ÖØ-Þ])")


@functools.cache
def _portfolio_before() -> re.Pattern:
    """Text ending with a portfolio title and its preposition (`ministre de l'`): what follows
    is the portfolio (`Intérieur`), not an entity."""
    titles = sorted(rules()["portfolio_titles"], key=len, reverse=True)
    return re.compile(
        r"(?i)(?<![\w-])(?:"
        + "|".join(map(re.escape, titles))
        + r")\s+"
        + _PREPOSITION.pattern
        + "$"
    )


def _portfolio_cut(text: str, start: int, rest: str) -> int:
    """Characters of `rest` (the span from `start`) that are a minister's portfolio."""
    if _starts_with_person(rest) or not _portfolio_before().search(text, max(0, start - 60), start):
        return 0
    return _complement_length(rest)


def _starts_with_person(rest: str) -> bool:
    """Whether `rest` opens with a listed first name and another capitalised word (`Jacques
    Chirac` after `Premier ministre de` is a person, not a portfolio)."""
    first = re.match(r"([^\W\d_]+(?:-[^\W\d_]+)*) [A-ZÀ-ÖØ-Þ]", rest)
    return bool(first) and is_first_name(first.group(1))


def _lead_step(rest: str, label: str, opens_sentence: bool) -> int:
    """Characters to cut from the start of `rest`: one article, elision, title or lowercase
    word that is not part of the name; 0 when the name starts here. A capitalised article
    is part of the name (`Le Monde`, `Le Pen`) unless a lowercase word follows it or, for
    places and organisations, it opens the sentence (`La Russie a...`)."""
    title = _title_cut(rest)
    if title is not None:
        return title
    word = _lead_regex().match(rest).group(0)
    bare = word.strip().lower().replace("’", "'")
    after = rest[len(word) :].lstrip()
    particle = label == "PER" and bare in rules()["name_particles"] and after[:1].isupper()
    if not after or particle or _is_institution(rest):
        return 0
    if bare in rules()["elisions"] or word[0].islower() or bare in rules()["prepositions"]:
        return len(word)
    opens = opens_sentence and label != "PER"
    if bare in rules()["articles"] and (after[:1].islower() or opens or after in aliases()):
        return len(word)
    return 0


def _is_institution(text: str) -> bool:
    """`ministère de la Santé`, `département d'État`: a lowercase institution noun followed by
    its complement is an organisation's name, lowercase as French writes it."""
    head = re.match(r"([\w-]+)\s*(?:de la |de l'|de |du |des |d')([\w-]+)?", text)
    if not head or head.group(1).lower() not in rules()["institution_heads"]:
        return False
    # `département du Lot` names Lot; `département d'État` is an institution
    return head.group(1).lower() not in rules()["place_heads"] or fold(head.group(2) or "") in (
        _not_names()
    )


def _leading_cut(text: str, label: str, sentence_start: bool) -> tuple[int, bool]:
    """How many characters at the start of `text` come before the name itself, and whether
    they held a title (then the name is a person's)."""
    cut, titled = 0, False
    while cut < len(text) and text[cut:] not in aliases():
        step = _lead_step(text[cut:], label, sentence_start and cut == 0)
        if not step:
            break
        titled = titled or bool(_title_cut(text[cut:]))
        cut += step
    return cut, titled


_TRAILING = re.compile(r"[\s,;:!?«»\"“”()\[\]{}'’.…–—-]+$")


def _trailing_cut(text: str) -> str:
    """`text` without trailing punctuation (keeping the dot of an initial such as `J.`) and
    without a century glued after the name (`Toscane du Xe`, `rules.json` `trailing_not_name`)."""
    text = re.sub(rules()["trailing_not_name"]["regex"], "", text)
    trimmed = _TRAILING.sub("", text)
    if text[len(trimmed) : len(trimmed) + 1] == "." and re.search(r"(?:^|[\s.])[A-Z]$", trimmed):
        trimmed += "."
    return trimmed


@functools.cache
def _not_name_pattern() -> re.Pattern:
    """Spans that are never names whole: roman numerals, an initial, a measure (`rules.json`
    `not_name_patterns`)."""
    return re.compile("|".join(f"(?:{rule['regex']})" for rule in rules()["not_name_patterns"]))


def looks_like_name(text: str) -> bool:
    """A mention must start with a capital or digit and not be only stop words or digits."""
    if len(text) < 2 or not (text[0].isupper() or text[0].isdigit()):
        return False
    words = re.findall(r"[^\W\d_]+", text)
    if not words or all(word.lower() in stop_words() for word in words):
        return False
    return not re.fullmatch(r"[\d\W]+", text)


def clean_span(text: str, mention: Mention, sentence_start: bool = False) -> Mention | None:
    """The mention trimmed to the name itself, or None when no name is left."""
    surface = text[mention.start : mention.end]
    lead, titled = _leading_cut(surface, mention.label, sentence_start)
    portfolio = _portfolio_cut(text, mention.start + lead, surface[lead:])
    lead += portfolio
    kept = _trailing_cut(surface[lead:])
    if titled or portfolio:
        mention = replace(mention, label="PER")
    if _is_institution(kept):
        mention = replace(mention, label="ORG")
    elif (
        surface[lead:].strip().lower().replace("’", "'") in rules()["elisions"]
        or fold(kept) in _not_names()
        or _not_name_pattern().fullmatch(kept)
        or not looks_like_name(_without_particle(kept, mention.label))
    ):
        return None
    start = mention.start + lead
    return replace(mention, start=start, end=start + len(kept))


def _without_particle(name: str, label: str) -> str:
    """A person's name without a leading particle (`de Montchalin` → `Montchalin`), so that
    a name known only by title and particle surname still looks like a name."""
    first, _, rest = name.partition(" ")
    if label == "PER" and first.lower() in rules()["name_particles"] and rest[:1].isupper():
        return rest
    return name
