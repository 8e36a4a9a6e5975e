"""Lookups of the entity lexicons kept fast without changing what they find: the word regex
with first characters factored out, and titles looked up by their first character."""

from __future__ import annotations

import re

from analysis.entities.lexicon import (
    _by_first_character,
    _word_regex,
    titles,
    titles_by_first,
    word_spans,
)
from analysis.entities.names import _is_title_at

FORMS = ["Paris", "Paris Saint-Germain", "Pau", "P", "Lyon", "L'Oréal", "Le Caire", "Caire"]


def _plain(forms):
    ordered = sorted(set(forms), key=lambda form: (-len(form), form))
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w-])")


def test_factored_alternation():
    assert _by_first_character(["Pau", "Pa", "Lyon", "P"]) == "P(?:au|a|)|L(?:yon)"


def test_word_regex_finds_what_the_plain_alternation_finds():
    text = ("Le Paris Saint-Germain joue à Pau, pas à Paris-Plage ; L'Oréal et P au Caire"
            " (Le Caire).")
    found = [m.span() for m in _word_regex(FORMS).finditer(text)]
    assert found == [m.span() for m in _plain(FORMS).finditer(text)]
    assert [text[a:b] for a, b in found] == [
        "Paris Saint-Germain", "Pau", "L'Oréal", "P", "Caire", "Le Caire"]


def test_titles_by_first_character_keep_their_order():
    groups = titles_by_first()
    assert sorted(t for group in groups.values() for t in group) == sorted(titles())
    for first, group in groups.items():
        assert list(group) == [t for t in titles() if t[:1] == first]


def test_title_at_start():
    assert _is_title_at("président Macron") == len("président")
    assert _is_title_at("Président de la République française") == len("président de la république")
    assert _is_title_at("Présidentiel") == 0  # a title only when a word ends there
    assert _is_title_at("M. Dupont") == 2
    assert _is_title_at("") == 0


def test_word_spans_are_the_word_regex_matches():
    text = "Airbus et Air France-KLM ; Air France, l'Air France et Airbus-Group puis Air."
    forms = ["Air", "Air France", "Airbus", "France-KLM", "Air France-KLM"]
    spans = word_spans(forms, text)
    assert spans == [m.span() for m in _word_regex(forms).finditer(text)]
    assert [text[a:b] for a, b in spans] == [
        "Airbus", "Air France-KLM", "Air France", "Air France", "Air"]
