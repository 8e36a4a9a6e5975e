"""Rules read from `data/entities/` (aliases, titles, first names, demonyms, `rules.json`), each
loaded once per process, and the name key `fold` that ignores case, accents and hyphens."""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import unicodedata
from pathlib import Path

from ..paths import data_file, read_csv_rows

# --- rules loaded from data/entities ---------------------------------------------------------


@functools.cache
def stop_words() -> frozenset[str]:
    """spaCy's French stop words, read from spaCy's `lang/fr/stop_words.py` without importing
    `spacy.lang.fr`, whose tokenizer exceptions take about 2 s to import: a run that reads its
    tables from the results cache then never pays for them (nor for importing spaCy: its
    folder is found from its package spec)."""
    (folder,) = importlib.util.find_spec("spacy").submodule_search_locations
    source = Path(folder) / "lang" / "fr" / "stop_words.py"
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

    Every canonical name is also a form of itself, a hyphenated name of capitalised parts is
    also found with spaces (`Météo France`), an organisation or other whose second word is
    lowercase also with a lowercase first word (`l'assemblée nationale`), and a place whose
    name opens with `Le` or `Les` is also found without it, as after `au`, `du`, `aux` (`au
    Caire` → `Le Caire`).
    """
    table: dict[str, tuple[str, str]] = {}
    for row in read_csv_rows("entities", "aliases.csv"):
        value = (row["canonical"].strip(), row["label"].strip())
        table.setdefault(value[0], value)
        table[row["alias"].strip()] = value
    for form, value in list(table.items()):  # `l'assemblée nationale`, written lowercase
        words = form.split(" ")
        if value[1] in ("ORG", "MISC") and len(words) > 1 and words[1][:1].islower():
            table.setdefault(form[:1].lower() + form[1:], value)
    for form, value in list(table.items()):  # `Météo France` for `Météo-France`
        spaced = form.replace("-", " ")
        if spaced != form and all(part[:1].isupper() for part in form.split("-")):
            table.setdefault(spaced, value)
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


@functools.cache
def titles_by_first() -> dict[str, tuple[str, ...]]:
    """`titles()` grouped by first character, each group in the same order (a title can only
    open a text that opens with its first character; speed only)."""
    groups: dict[str, list[str]] = {}
    for title in titles():
        groups.setdefault(title[:1], []).append(title)
    return {first: tuple(group) for first, group in groups.items()}


def _word_regex(forms) -> re.Pattern:
    """One regex matching any of `forms` as whole words (longest first), case-sensitively."""
    ordered = sorted(set(forms), key=lambda form: (-len(form), form))
    return re.compile(r"(?<![\w-])(?:" + _by_first_character(ordered) + r")(?![\w-])")



def word_spans(forms, text: str) -> list[tuple[int, int]]:
    """The (start, end) of `_word_regex(forms).finditer(text)`, found with `str.find` instead
    of compiling a regex: a document's own names change from one article to the next, and
    compiling their alternation cost more than the whole search. At each place the longest
    form wins, and the spans do not overlap (leftmost first), as with the regex."""
    longest: dict[int, int] = {}
    size = len(text)
    for form in set(forms):
        if not form:
            return [match.span() for match in _word_regex(forms).finditer(text)]
        start = text.find(form)
        while start >= 0:
            end = start + len(form)
            if ((start == 0 or not _is_word_character(text[start - 1]))
                    and (end == size or not _is_word_character(text[end]))
                    and end > longest.get(start, -1)):
                longest[start] = end
            start = text.find(form, start + 1)
    spans, position = [], 0
    for start in sorted(longest):
        if start >= position:
            spans.append((start, longest[start]))
            position = longest[start]
    return spans


def _is_word_character(char: str) -> bool:
    """What the regex class `[\\w-]` matches (a letter, digit, underscore or hyphen)."""
    return char.isalnum() or char in "_-"

def _by_first_character(ordered: list[str]) -> str:
    """The alternation `form1|form2|…` with each first character factored out (`P(?:aris|
    érou)|…`), the forms keeping their order within a first character. Forms opening with
    different characters never match at the same place (case-sensitive), so the matches are
    those of the plain alternation; the regex engine tries a few dozen branches per word
    instead of every form (speed only)."""
    groups: dict[str, list[str]] = {}
    for form in ordered:
        groups.setdefault(form[:1], []).append(form[1:])
    return "|".join(re.escape(first) + "(?:" + "|".join(map(re.escape, rests)) + ")"
                    for first, rests in groups.items())


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
def _non_prose_regexes() -> tuple[tuple[re.Pattern, str], ...]:
    """Each `non_prose` rule's regex with its `needle`, a string every match holds ("" for
    none): a text without it skips the rule (speed only, same spans)."""
    return tuple((re.compile(rule["regex"]), rule.get("needle", ""))
                 for rule in rules()["non_prose"])


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


@functools.cache
def first_names() -> dict[str, str]:
    """First name → gender (M, F or X for either), from `data/entities/first_names.csv`."""
    rows = read_csv_rows("entities", "first_names.csv")
    return {row["first_name"].strip(): row["gender"].strip() for row in rows}


def is_first_name(word: str) -> bool:
    """A listed first name, or a hyphenated compound of them (`Jean-Luc`)."""
    return all(part in first_names() for part in word.split("-"))


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
