"""Noun phrases around a speaker: a name the tagger missed, a role's complement, demonyms.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import NP_LINKS, role_nouns

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Token


def is_demonym(word: str) -> bool:
    """Whether a capitalised word is a nationality or inhabitant noun (« le Français »), from
    the entity module's list."""
    try:
        from ..entities import demonyms
    except ImportError:  # the entity module is optional here
        return False
    return word in demonyms()


def role_names(token: Token) -> set[str]:
    """Capitalised words of a role's « de » complement (« la présidente du groupe RN » →
    {"rn"}): a person introduced with the same role but another complement (« présidente du
    groupe LFI ») is someone else."""
    names = set()
    doc = token.doc
    k = token.i + 1
    while k < len(doc) and k <= token.i + 6 and not doc[k].is_punct and doc[k].pos_ not in (
            "VERB", "AUX"):
        if doc[k].text[:1].isupper():
            names.add(doc[k].lower_)
        k += 1
    return names


def _after_de(token: Token) -> bool:
    """Whether a token follows « de / du / des / d' », determiners skipped (« de la PAF »):
    a complement of the head noun."""
    i = token.i - 1
    while i >= 0 and token.doc[i].lower_ in ("la", "le", "l'", "les"):
        i -= 1
    return i >= 0 and token.doc[i].lower_ in NP_LINKS


NAME_PARTICLES = {"le", "la", "de", "du", "des", "von", "van", "der", "den", "ben", "bin", "el",
                  "al", "di", "da", "dos", "-"}


def name_run(token: Token, left: bool = True) -> dict:
    """A capitalised name the entity tagger missed (« a répondu Marine Le Pen »), as a
    pseudo-mention; its name goes through the entity aliases. `left=False` starts the name at
    the token (« le ministre de la Justice Alberto Ruiz-Gallardón »: not « Justice »); a
    hyphen glued between capitalised words joins them."""
    doc = token.doc

    def part(t: Token) -> bool:
        return t.is_title or t.lower_ in NAME_PARTICLES and t.i + 1 < len(doc) and doc[
            t.i + 1].is_title

    def left_part(t: Token) -> bool:
        """A capitalised word of the same name: a proper noun, a particle, or a capitalised
        word not itself introduced by a determiner or « de » (« l'Économie » is not a name)."""
        if not t.is_title or t.pos_ in ("ADP", "VERB", "AUX", "PRON"):
            return t.lower_ in NAME_PARTICLES and t.is_title
        before = doc[t.i - 1] if t.i > 0 else None
        return t.pos_ == "PROPN" or before is None or not (
            before.is_lower and before.pos_ in ("DET", "ADP"))

    lo = token.i
    while left and lo > 0 and left_part(doc[lo - 1]):
        lo -= 1
    hi = token.i
    while hi + 1 < len(doc) and part(doc[hi + 1]) and (not doc[hi + 1].is_punct or (
            doc[hi + 1].text == "-" and not doc[hi].whitespace_ and not doc[hi + 1].whitespace_)):
        hi += 1
    span = doc[lo : hi + 1]
    try:
        from ..entities import canonical_entity
    except ImportError:  # the entity module is optional for this fallback
        def canonical_entity(name: str, label: str | None = None) -> str:
            return name
    start, end = span.start_char, span.end_char
    return {"entity": canonical_entity(span.text, "PER"), "start": start, "end": end,
            "label": "PER", "text": span.text}


NOUN_PHRASE_MAX_TOKENS = 12
"""Longest subject phrase read (a role, its complement and an appositive name)."""


def noun_phrase(token: Token, stop: int | None = None) -> list[Token]:
    """The subject's noun phrase: its left edge up to a comma + appositive name, not past
    `stop` (a verb index) nor into a relative clause or a prepositional phrase other than a
    « de » complement."""
    doc = token.doc
    end = len(doc) if stop is None else stop
    out = []
    in_pp = in_brackets = False
    for t in doc[token.left_edge.i : end]:
        if t.text in "()":  # « l'Union française des industries pétrolières (Ufip), X »
            in_brackets = t.text == "(" and t.i > token.i
            if in_brackets or t.i > token.i:
                continue
        if in_brackets:
            continue
        if t.i > token.i and (t.lower_ in ("qui", "que", "qu'", "dont") or t.pos_ in ("VERB",
                                                                                    "AUX")):
            break
        if t.is_punct and t.text != "," and t.text != "-":
            break
        if t.i > token.i and t.pos_ == "ADP" and t.lower_ not in NP_LINKS:
            in_pp = True  # « une source policière à l'AFP »: the medium is not in the phrase
        elif t.text == ",":
            in_pp = False  # « le commissaire à l'Industrie, Stéphane Séjourné »
        if not in_pp:
            out.append(t)
        if len(out) > NOUN_PHRASE_MAX_TOKENS:
            break
    return out


def relative_antecedent(qui: Token) -> Token | None:
    """The noun « qui » stands for: after « X, le successeur de Y, qui … », the head of the
    apposition between the commas (its person is found by `Resolver.apposed`); else the
    nearest noun or name of the three tokens before it."""
    doc = qui.doc
    if qui.i > 1 and doc[qui.i - 1].text == ",":
        for k in range(qui.i - 2, max(-1, qui.i - 14), -1):
            if doc[k].text in ".;:!?" or doc[k].is_space:
                break
            if doc[k].text == ",":
                return next((t for t in doc[k + 1 : qui.i - 1] if t.pos_ in ("NOUN", "PROPN")),
                            None)
    return next((t for t in reversed(doc[max(0, qui.i - 3) : qui.i])
                 if t.pos_ in ("PROPN", "NOUN")), None)


ROLE_PREFIXES = ("ex-", "ancien-", "vice-")


def role_key(token: Token) -> str:
    """The `role_nouns.csv` entry a token is, or "": its lemma or lower-cased form, without an
    « ex- » prefix, else the first part of a compound (« Président-candidat » → président)."""
    for word in (token.lemma_.lower(), token.lower_):
        if word in role_nouns():
            return word
    word = token.lower_
    for prefix in ROLE_PREFIXES:
        if word.startswith(prefix) and word[len(prefix) :] in role_nouns():
            return word[len(prefix) :]
    head = word.split("-")[0]
    return head if "-" in word and head in role_nouns() else ""


def capital_role(token: Token, covering: dict | None) -> bool:
    """« a dénoncé le Président », « l'ex-Président sénégalais »: a capitalised role word after
    a determiner, not inside a name (no mention covers it, no capitalised word follows)."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return covering is None and before is not None and before.pos_ == "DET" and (
        after is None or not after.is_title)
