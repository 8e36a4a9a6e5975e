"""Candidate mentions from the spaCy model (`Doc.ents`, person names widened to name parts) and
from patterns (designators, weapon names, lowercase institutions, alias-table names)."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from .lexicon import (
    _alias_regex,
    _designator_regexes,
    _weapon_regex,
    aliases,
    is_first_name,
    rules,
    stop_words,
)
from .names import _is_title_at, _starts_with_person
from .schema import LABELS, Mention
from .spans import _WORD_AFTER, _WORD_BEFORE

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Doc


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
        for m in re.finditer(rules()["club_prefixes"]["regex"], text)
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


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word or a number touches the span, so that it is part of a longer
    name the model did not see (`Air France`, `France 24`): then it is not added alone. A
    listed first name after the span opens a person's name, not a longer name."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    after = _WORD_AFTER.search(text[end : end + 40])
    words = [match.group(1) for match in (before, after) if match]
    if after and after.group(1)[0].isdigit():
        return True
    if after and is_first_name(after.group(1)):
        words = words[:-1]  # `l'Assemblée Claude Bartolone`: a person's name follows
    return any(
        word[0].isupper() and word.lower() not in stop_words() and not _is_title_at(word)
        for word in words
    )


def _model_mentions(doc: Doc) -> list[Mention]:
    """The model's spans with our four labels, without a lowercase verb the model glued at
    their end (`Le Forum court jusqu'à`), person names widened to name parts the model left
    out: a capitalised proper noun right before (`Marine` + `Le Pen`) or right after (`Wang` +
    `Yi`) the name, with one space between."""
    found = []
    for ent in doc.ents:
        if ent.label_ not in LABELS or _is_capitalised_word(doc, ent):
            continue
        start, end = ent.start, ent.end
        while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].pos_ in ("VERB", "AUX"):
            end -= 1  # `Le Forum court jusqu'à...`, `le Dragon amortisse`: a verb ends the name
        if ent.label_ == "PER":
            while start > 0 and doc[start - 1].whitespace_ and _is_name_part(doc[start - 1]):
                start -= 1
            while end < len(doc) and doc[end - 1].whitespace_ and _is_name_part(doc[end]):
                end += 1
        found.append(Mention(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), ent.label_))
    return found


def _is_capitalised_word(doc: Doc, ent) -> bool:
    """A one-word span opening a sentence or a line that is a common word capitalised there
    (`Rappelons, ...`, `Submergée par ...`, `Baptisée Kepler-64b`): it has a verb or participle
    ending (`rules.json` `common_word_endings`), or the tagger calls it a verb, adverb or
    pronoun and a comma or a lowercase word follows. Listed first names and alias-table names
    stay."""
    token = doc[ent.start]
    if len(ent) != 1 or not token.is_alpha or token.text in aliases() or is_first_name(token.text):
        return False
    opens = (
        token.is_sent_start
        or token.i == 0
        or "\n" in doc[token.i - 1].text_with_ws
        or doc[token.i - 1].text == "("
    )
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if not opens or following is None:
        return False
    if re.search(rules()["common_word_endings"]["regex"], token.text) and (
        token.pos_ != "PROPN" or not token.text.endswith(("ez", "ons"))
    ):  # `Baptisée Kepler-64b, ...`: a participle, whatever follows; a name the model tags as
        return True  # one and ending like a verb (`Sánchez, le ministre`) stays
    lower_next = following.text == "," or following.text.islower()
    return lower_next and token.pos_ in ("VERB", "AUX", "ADV", "PRON", "ADJ")


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
