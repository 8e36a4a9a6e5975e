"""The start scan of the temporal grammar (analysis.temporal.scan): trying each rule only
where one of its first words begins gives exactly the matches of a plain `finditer`."""

from __future__ import annotations

import pytest

from analysis.temporal.grammar import rules
from analysis.temporal.scan import STARTS, lowered, match_iter, rule_starts

SENTENCES = [
    "Le ministre a annoncé lundi 3 mars 2014 qu'il partirait à la fin de l'année prochaine.",
    "AU DÉBUT DU MOIS DERNIER, la mairie a voté ; il y a deux ans, en mai 68, rien.",
    "Du 12 au 15 juin 2021, puis entre 1998 et 2003, au XVe siècle avant notre ère.",
    "Les années  1990,  la  semaine  dernière,  mi-janvier,  l'an  dernier.",
    "Le lendemain, trois jours plus tard, ces 24 dernières heures, d'ici à 2030.",
    "Le 1er trimestre 2012, la première quinzaine de juillet, le 12/05/2013, 2013-05-12.",
    "Cet été-là, cet hiver 2021-22, au printemps, les trois premiers mois de l'année 2011.",
]


def _plain(pattern, text):
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def _scanned(name, pattern, text):
    low = lowered(text)
    starts = rule_starts(low) if low is not None else None
    return [(m.span(), m.groupdict()) for m in match_iter(name, pattern, text, starts)]


def test_every_rule_has_its_starts():
    assert set(STARTS) == {name for name, _, _ in rules()}


@pytest.mark.parametrize("text", SENTENCES)
def test_scan_gives_the_plain_matches(text):
    found = 0
    for name, pattern, _ in rules():
        assert _scanned(name, pattern, text) == _plain(pattern, text), name
        found += len(_plain(pattern, text))
    assert found > 0


def test_lowered_refuses_special_case_letters():
    assert lowered("Le 3 MAI") == "le 3 mai"
    assert lowered("İstanbul en mai") is None  # lower case of « İ » is two characters
    assert lowered("le 3 maı") is None  # dotless i matches « i » case-insensitively
    assert lowered("ſamedi") is None  # long s matches « s » case-insensitively


def test_special_letters_are_scanned_the_plain_way():
    text = "Il est venu ſamedi, le 3 maı, à İzmir."
    for name, pattern, _ in rules():
        assert _scanned(name, pattern, text) == _plain(pattern, text), name
    weekday = next(p for n, p, _ in rules() if n == "weekday")
    assert [m.group() for m in weekday.finditer(text)] == ["ſamedi"]


def test_starts_are_word_starts():
    starts = rule_starts("l'année 2012, mi-mai")
    # « l' », « année » (after the apostrophe), « 2012 », « mi- » (a modifier)
    assert starts["year"] == [0, 2, 8, 14]
    assert 17 not in starts["month"]  # « mai » after « mi- » is inside a word
    assert starts["month"] == [14]


def test_factored_alternations_match_exactly_as_plain_ones():
    """The trie-factored alternation of `temporal.lexicon.alt` finds the very matches of the
    plain alternation (longest first), with or without IGNORECASE, through escapes, prefixes
    and empty rests; phrases whose first characters match each other ignoring case (« À »,
    « à ») are left unfactored."""
    import re

    from analysis.temporal.lexicon import alt

    def plain(phrases):
        parts = {r"\s+".join(re.escape(w) for w in p.split()) for p in phrases}
        return "(?:" + "|".join(sorted(parts, key=len, reverse=True)) + ")"

    text = ("La veille, le lendemain et les  jours suivants ; l'année, l'an, LUNDI, à la fin de"
            " mars, À LA FIN, mi-mars, mi, av. J.-C., ab, a, Été, ÉTÉ, ete, 1er, 12, x-y, x  y")
    factored = ["la veille", "le lendemain", "le", "les jours", "l'an", "l'année", "lundi",
                "à la fin", "mi-mars", "mi", "av. J.-C.", "av.", "a", "ab", "été", "ete", "1er",
                "1", "x-y", "x y"]
    assert alt(factored).startswith("(?:a(?:v") and alt(factored) != plain(factored)
    mixed = [*factored, "À la fin de", "Été"]
    assert alt(mixed) == plain(mixed)  # « À » and « à »: no factoring at all
    counts = {}
    for name, phrases in (("factored", factored), ("mixed", mixed)):
        for flags in (re.IGNORECASE, 0):
            found = [m.span() for m in re.finditer(alt(phrases), text, flags)]
            assert found == [m.span() for m in re.finditer(plain(phrases), text, flags)]
            counts[name, flags] = len(found)
    assert counts == {("factored", re.IGNORECASE): 22, ("factored", 0): 19,
                      ("mixed", re.IGNORECASE): 22, ("mixed", 0): 20}
