"""Unnamed sources: when the subject of a reporting verb names nobody the document names, the
source is its description — « son avocate », « un porte-parole de la police », « le
gouvernement malien », « des analystes » — as a pseudo-mention (label `DESC`), so the table says
who spoke rather than nothing. Only heads that can speak qualify: role nouns
(`role_nouns.csv`), organisation nouns (`org_nouns.csv`) and people or bodies
(`source_nouns.csv`); « la mesure », « le texte » stay unknown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import POSSESSIVES, role_nouns, word_set
from .phrases import role_key
from .verbs import reporting_lemma

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Token

DESCRIPTION_MAX_TOKENS = 12
"""Longest description kept (« le chef de la direction de l'aviation civile nigériane »)."""
STOP_WORDS = {"qui", "que", "qu'", "dont", "lequel", "laquelle", "à", "au", "aux", "lors",
              "sur", "dans", "devant", "pour", "par", "selon", "après", "avant", "sous", "ne",
              "n'"}
DEFINITE = {"le", "la", "l'", "ce", "cet", "cette"}


def can_speak(token: Token) -> bool:
    """Whether a common noun names someone or a body that can make a statement."""
    lemma, word = token.lemma_.lower(), token.lower_
    nouns = word_set("org_nouns.csv") | word_set("source_nouns.csv")
    return bool(role_key(token)) or lemma in nouns or word in nouns


def possessed(token: Token) -> bool:
    """« son avocate », « leur porte-parole »: a role owned by someone else names another
    person than its owner."""
    doc = token.doc
    return any(t.lower_ in POSSESSIVES for t in doc[max(0, token.i - 2) : token.i])


def group_noun(token: Token) -> bool:
    """« Les Wikipédiens russophones craignent »: a capitalised plural noun after a determiner
    names a group of people, not a person."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    return token.is_title and before is not None and before.lower_ in ("les", "des") and (
        token.lower_.endswith(("s", "x")))


QUANTIFIERS = {"certains", "certaines", "plusieurs", "nombreux", "nombreuses", "autres",
               "quelques", "divers", "diverses"}
"""Determiners of an unnamed group of speakers (« certains wikipédiens », « d'autres
orateurs », « de nombreux habitants »)."""


def quantified_group(token: Token) -> bool:
    """A plural noun after a quantifier names a group of unnamed speakers."""
    doc = token.doc
    return token.lower_.endswith(("s", "x")) and any(
        t.lower_ in QUANTIFIERS for t in doc[max(0, token.i - 2) : token.i])


def anaphoric_role(token: Token) -> bool:
    """« l'ambassadeur », « le président de l'Union »: a definite singular role points back at
    a person the text names; unresolved, it stays unknown rather than become a description.
    A role speaking for a body with its « de » complement (`speaks_for_org`, « le porte-parole
    de la police ») is that body's unnamed voice: described.
    Indefinite, plural or possessed roles (« un porte-parole », « des experts », « son
    avocate ») are new, unnamed sources."""
    doc = token.doc
    det = next((t for t in doc[max(0, token.i - 3) : token.i] if t.pos_ == "DET"), None)
    plural = "Plur" in token.morph.get("Number")
    role = role_key(token)
    if role and role_nouns().get(role) and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in (
            "de", "du", "des", "d'"):
        return False  # « le porte-parole de la police »: speaks for a body, described
    return bool(role) and not plural and not possessed(token) and (
        det is not None and det.lower_ in DEFINITE)


def description(token: Token, stop: int | None = None, nobody_named: bool = False
                ) -> dict | None:
    """The noun phrase of a speaking common noun, determiner and adjectives included, up to
    its « de » complements (not past a comma, a relative pronoun, a verb, another preposition
    or `stop`), as a pseudo-mention whose `entity` is that phrase, determiner lower-cased.
    With `nobody_named` (the text names no person the role could point back at), a definite
    role is described too (« Le chef de la direction de l'aviation civile rapporte … »)."""
    if token.pos_ not in ("NOUN", "PROPN") or anaphoric_role(token) and not nobody_named or not (
            can_speak(token) or group_noun(token) or quantified_group(token)):
        return None
    doc = token.doc
    lo = token.i
    while lo > 0 and doc[lo - 1].pos_ in ("DET", "ADJ", "NUM") and not doc[lo - 1].is_punct:
        lo -= 1
    hi = token.i + 1
    end = len(doc) if stop is None else min(stop, len(doc))
    while hi < end and hi - lo < DESCRIPTION_MAX_TOKENS:
        t = doc[hi]
        if t.is_punct or t.is_space or t.lower_ in STOP_WORDS or t.pos_ in (
                "VERB", "AUX", "PRON", "CCONJ") or reporting_lemma(t, loose=True):
            break
        hi += 1
    while hi > token.i + 1 and doc[hi - 1].pos_ in ("ADP", "DET"):
        hi -= 1  # « le porte-parole de » cut before its object: drop the dangling words
    span = doc[lo:hi]
    text = span.text
    if doc[lo].pos_ == "DET":
        text = text[:1].lower() + text[1:]
    return {"entity": text, "start": span.start_char, "end": span.end_char, "label": "DESC",
            "text": span.text}


__all__ = ["can_speak", "description", "group_noun", "possessed", "role_nouns"]
