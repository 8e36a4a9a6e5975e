"""Where a rule can start: a cheap scan that lets each rule be tried only there (speed only).

Every rule of `grammar.rules()` is a run of optional slots followed by a required one, each
slot an alternation of literal phrases from the word lists (or digits), all matched with
IGNORECASE. So a match always begins with the first word of one of those phrases. `STARTS`
names, for every rule, the lists whose first words can begin a match; `match_iter` finds
those first words in the lower-cased text with a plain (case-sensitive) regex, which the
regex engine scans far faster than the rule's case-insensitive alternations, then tries the
rule only at those positions, keeping `finditer`'s leftmost, non-overlapping order. The
matches are exactly those of `pattern.finditer(text)`.

Why lower-casing is safe: a case-insensitive match of a word means each character has the
same lower case as the word's, except for the few characters the regex engine also treats as
equal (« ı » and « i », « ſ » and « s »; `re._casefix`) and « İ », whose lower case is two
characters. A text holding any of them is scanned the plain way (`lowered` gives None).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

from .lexicon import factored_alternation, lexicon

_ARTICLES = ("le", "la", "les", "l'")
_DIGIT = r"\d"


def _offset_kinds(lex: dict) -> list[str]:
    return [*lex["offset_past"], *lex["offset_future"], *lex["offset_since"], *lex["offset_by"]]


def _relative(_lex: dict) -> list[str]:
    from .days import relative_phrases
    return relative_phrases()


Source = str | tuple[str, ...] | Callable[[dict], list[str]]
"""A word-list key of `lexicon()`, literal words, a function of the lexicon giving phrases,
or `_DIGIT` (a digit starts the match)."""

_MONTH_HEAD = ("month_lead", "modifiers", "months")
STARTS: dict[str, tuple[Source, ...]] = {
    "day_range": ("range_start",),
    "year_range": ("range_start",),
    "year_span": ("year_lead", _ARTICLES, "year_nouns", _DIGIT),
    "numeric": (_DIGIT,),
    "iso": (_DIGIT,),
    "day_list": ("day_list_start",),
    "first_n": ("last_n_lead",),
    "day_month": ("day_article", "weekdays", _DIGIT, ("premier",)),
    "weekday_day": ("day_article", "weekdays"),
    "weekday": ("weekday_article", "weekdays"),
    "relative": ("modifiers", _relative),
    "open": ("open",),
    "month_yy": _MONTH_HEAD,
    "month": _MONTH_HEAD,
    "season": ("modifiers", "season_lead"),
    "year_part": ("year_part_lead", "ordinals"),
    "year": ("year_lead", _ARTICLES, "year_nouns", "modifiers", _DIGIT),
    "decade": ("modifiers", "decade_lead", ("années", "la", "décennie")),
    "century": ("modifiers", "century_lead", ("i", "v", "x", "l", "c"), _DIGIT,
                "century_words"),
    "century_range": ("century_range_start",),
    "month_half": (("la",), "month_halves"),
    "offset": (_offset_kinds,),
    "anaphor": ("anaphora",),
    "anaphoric_offset": (_DIGIT, "numbers"),
    "last_n": ("last_n_lead",),
    "last_n_before": ("last_n_lead",),
}
"""For each rule (by name), what its matches can begin with (see the rule's pattern in
`grammar.rules`: its leading optional slots and its first required one)."""


def _first_words(source: Source, lex: dict) -> list[str] | None:
    """The lower-cased first words of a source's phrases (None for `_DIGIT`)."""
    if source == _DIGIT:
        return None
    if callable(source):
        phrases = list(source(lex))
    elif isinstance(source, tuple):
        phrases = list(source)
    else:
        phrases = list(lex[source])
    return [phrase.split()[0].lower() if phrase.split() else "" for phrase in phrases]


Entry = tuple[tuple[str, tuple[str, ...] | None], ...]
"""(rule, the rule's first words that fit the key, or None when a digit starts the rule)."""


@functools.cache
def _start_index() -> tuple[dict[str, Entry], dict[str, Entry], Entry, frozenset[str]]:
    """Which rules can start at a word, with the first words to check there: by the word's
    first two characters, by its first one, the rules a digit can start, and the rules
    scanned plainly (an empty phrase in a list)."""
    lex = lexicon()
    by1: dict[str, dict[str, set[str]]] = {}
    by2: dict[str, dict[str, set[str]]] = {}
    digit, plain = [], set()
    for rule, sources in STARTS.items():
        for source in sources:
            words = _first_words(source, lex)
            if words is None:
                digit.append(rule)
                continue
            for word in words:
                if not word:
                    plain.add(rule)
                else:
                    table = by1 if len(word) == 1 else by2
                    table.setdefault(word[:2], {}).setdefault(rule, set()).add(word)
    for key, rules in by2.items():  # a two-letter key also holds its first letter's words
        for rule, words in by1.get(key[0], {}).items():
            rules.setdefault(rule, set()).update(words)

    def entry(rules: dict[str, set[str]], digits: bool) -> Entry:
        pairs = [(rule, tuple(sorted(words))) for rule, words in rules.items()]
        return tuple(pairs + ([(rule, None) for rule in digit] if digits else []))

    for char in "0123456789":
        by1.setdefault(char, {})
    return ({k: entry(v, k.isdecimal()) for k, v in by1.items()},
            {k: entry(v, k[0].isdecimal()) for k, v in by2.items()},
            entry({}, True), frozenset(plain))


@functools.cache
def _word_regex() -> re.Pattern:
    """A word start where some rule can begin (a word character not preceded by a word
    character or a hyphen, `grammar._L`, opening with one of the rules' first words or a
    digit: the regex engine skips the other words), capturing the run of characters a first
    word can hold (word characters plus the others found in the first words: « ' », « - »,
    « . »)."""
    by1, by2, _, _ = _start_index()
    words = {word for table in (by1, by2) for entries in table.values()
             for _, found in entries for word in found or ()}
    extra = {char for word in words for char in word if not (char.isalnum() or char == "_")}
    escaped = sorted({re.escape(word) for word in words}, key=len, reverse=True)
    firsts = factored_alternation(escaped)
    run = r"\w[\w" + re.escape("".join(sorted(extra))) + r"]*"
    return re.compile(rf"(?<![\w-])(?=(?:{firsts}|\d))(?=({run}))")


@functools.lru_cache(maxsize=1 << 16)
def _rules_at(word: str) -> tuple[str, ...]:
    """The rules that can begin at a word (`_word_regex`'s run): one of their first words
    opens it, or it opens with a digit and a digit can start them. A first word holds only
    characters of that run, so it opens the text there exactly when it opens the run."""
    by1, by2, digit, _ = _start_index()
    entries = by2.get(word[:2])
    if entries is None:
        entries = by1.get(word[0])
        if entries is None and word[0].isdecimal():
            entries = digit
    return tuple(rule for rule, words in entries or ()
                 if words is None or word.startswith(words))


def rule_starts(low: str) -> dict[str, list[int]]:
    """For each rule, the word starts of `low` (the lower-cased text) where it can begin: a
    superset of its matches' starts (one of its first words, or a digit, opens the word).
    What can begin at a word is worked out once per distinct word (`_rules_at`)."""
    found: dict[str, list[int]] = {rule: [] for rule in STARTS}
    for word in _word_regex().finditer(low):  # zero-width: words inside a run are seen too
        for rule in _rules_at(word.group(1)):
            found[rule].append(word.start())
    return found


@functools.cache
def _confusable() -> frozenset[str]:
    """Characters the regex engine matches case-insensitively with a letter of another lower
    case (« ı » ~ « i », « ſ » ~ « s », Greek and Cyrillic variants)."""
    try:
        from re._casefix import _EXTRA_CASES  # CPython ≥ 3.11
    except ImportError:  # pragma: no cover - other Pythons: the known Latin cases
        return frozenset("ıſ")
    chars = set()
    for key, values in _EXTRA_CASES.items():
        chars.add(chr(key))
        chars.update(chr(v) for v in values)
    return frozenset(chars - set("is"))


def lowered(text: str) -> str | None:
    """`text` lower-cased character for character, or None when the start scan cannot be
    trusted on it (a character whose case folding the regex engine treats specially)."""
    low = text.lower()
    if len(low) != len(text) or not _confusable().isdisjoint(low):
        return None
    return low


def match_iter(rule: str, pattern: re.Pattern, text: str,
               starts: dict[str, list[int]] | None) -> Iterator[re.Match]:
    """The matches of `pattern.finditer(text)`, trying the pattern only at `rule`'s possible
    starts (`rule_starts` of the lower-cased text; None: scan the plain way)."""
    if starts is None or rule not in starts or rule in _start_index()[3]:
        yield from pattern.finditer(text)
        return
    end = 0
    for position in starts[rule]:
        if position < end:
            continue
        match = pattern.match(text, position)
        if match is None:
            continue
        if match.end() == position:  # an empty match: finditer's own rules apply
            yield from pattern.finditer(text, position)
            return
        yield match
        end = match.end()
