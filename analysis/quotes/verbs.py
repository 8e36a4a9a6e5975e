"""Reporting verbs and their subjects: whether a token is a reporting verb, and which token is
the subject of a verb (dependency subject, inverted clitic, coordinated verb, left scan).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import (
    AUXILIARY_FORMS,
    CLITICS,
    DEMONSTRATIVES,
    POSSESSIVES,
    SENTENCE_END,
    mark_roles,
    multiword_last_words,
    pronouns,
    reporting_verbs,
    verb_forms,
)
from .phrases import _after_de
from .text import sentence_of

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Token

PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "i", "ie", "is", "it", "u", "ue", "us", "t", "te",
                      "s")
"""How past participles end (« déclaré », « dit », « répondu », « promis »)."""


def reporting_lemma(token: Token, loose: bool = False) -> str:
    """The reporting verb lemma a token is (or ends, for « fait savoir », « mis en garde »),
    or "". Strict: a verb, or a form right after an auxiliary; loose (just after a quote, where
    a reporting verb is expected): any part of speech, since the tagger often errs there.
    A form the tagger did not call a verb counts in strict mode only right after an auxiliary,
    a name or a subject pronoun (« Bruno Le Maire juge », « il estime »)."""
    doc = token.doc
    last_words = multiword_last_words()
    multiword = token.lower_ in last_words or token.lemma_.lower() in last_words
    for width in (3, 2) if multiword else ():
        if token.i - width + 1 >= 0:
            words = doc[token.i - width + 1 : token.i + 1]
            for key in (" ".join(t.lower_ for t in words), " ".join(t.lemma_.lower()
                                                                   for t in words)):
                if key in verb_forms() and " " in key:
                    return verb_forms()[key]
    if token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_:
        return ""  # « soi-disant »: the end of a compound word, no verb
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in reporting_verbs():
        return lemma
    form = verb_forms().get(token.lower_, "")
    if not form or token.pos_ in ("PUNCT", "DET", "ADP", "PRON", "AUX"):
        return ""
    before = doc[token.i - 1] if token.i > 0 else None
    after_subject = before is not None and (
        before.pos_ in ("AUX", "PROPN") or before.text.startswith("-") and len(before) > 1 or
        before.lower_ in pronouns() or (before.is_title and not before.is_sent_start))
    if before is not None and before.pos_ == "AUX" and not token.lower_.endswith(
            PARTICIPLE_ENDINGS) and token.pos_ != "VERB":
        after_subject = False  # « vous êtes indigne »: after an auxiliary, only a participle
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if token.lower_.endswith("ant") and nxt is not None and nxt.lower_ in ("que", "qu'"):
        after_subject = True  # « Estimant que « … », il vota contre »
    return form if loose or token.pos_ == "VERB" or after_subject else ""


def starts_multiword(tokens: list[Token]) -> bool:
    """Whether these tokens begin a multi-word reporting form (« fait savoir »)."""
    words = [t.lower_ for t in tokens]
    return any(" ".join(words[:n]) in verb_forms() for n in (2, 3) if len(words) >= n)


def inverted_clitic(verb: Token) -> Token | None:
    """« déclare-t-il », « a-t-elle ajouté »: the pronoun glued to the verb or its auxiliary."""
    doc = verb.doc
    for t in doc[max(0, verb.i - 3) : min(len(doc), verb.i + 3)]:
        if t.text.startswith("-") and t.lower_.lstrip("-") in pronouns():
            return t
    return None


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a verb: a dependency subject of the verb or its auxiliary chain, an
    inverted clitic, the subject of the verb it is coordinated with, else the nearest noun
    or pronoun to its left (skipping auxiliaries, clitics and adverbs)."""
    clitic = inverted_clitic(verb)
    if clitic is not None:
        return clitic
    group = [verb, *[c for c in verb.children if c.dep_.startswith(("aux", "cop")) or (
        c.dep_ == "dep" and c.pos_ == "VERB" and c.i < verb.i)]]
    if verb.dep_.startswith(("aux", "cop")) or verb.dep_ == "xcomp":
        group.append(verb.head)
    for member in group:
        subjects = [c for c in member.children if c.dep_.startswith("nsubj") or c.dep_ in (
            "expl:subj",)]
        if subjects:  # the nearest one before the verb (« c'est ainsi que X a résumé » → X)
            before = [c for c in subjects if c.i < verb.i and c.lower_ not in DEMONSTRATIVES]
            return before[-1] if before else subjects[0]
    participle = verb.lower_.endswith("ant") and ("Part" in verb.morph.get("VerbForm") or (
        verb.lower_ in verb_forms()))  # « Estimant que … » tagged as an adverb
    infinitive = "Inf" in verb.morph.get("VerbForm")
    if participle and depth < 3:  # « X a réfuté l'idée d'un prêt par l'État affirmant : »
        main = main_verb_before(verb) or main_verb_after(verb)
        found = subject_of(main, depth + 1) if main is not None else None
        if found is not None:
            return found
    if (verb.dep_ == "conj" or participle or infinitive) and verb.head is not verb and (
            verb.head.pos_ in ("VERB", "AUX")) and depth < 3 and same_sentence(verb, verb.head):
        found = subject_of(verb.head, depth + 1)
        if found is not None:
            return found
    return left_subject(verb, depth)


def main_verb_after(verb: Token) -> Token | None:
    """« Estimant que « … », il vota contre »: for a participle opening its sentence, the first
    finite verb after the comma that closes its clause, quoted words skipped."""
    doc = verb.doc
    quoted, comma = False, False
    for t in doc[verb.i + 1 : verb.i + 80]:
        role = mark_roles().get(t.text)
        if role is not None:
            quoted = role == "open" or role == "either" and not quoted
            continue
        if quoted:
            continue
        if t.text in SENTENCE_END or t.is_space:
            return None
        if t.text == ",":
            comma = True
        elif comma and t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm"):
            return t
    return None


def main_verb_before(verb: Token) -> Token | None:
    """The nearest finite verb before a present participle in its sentence, quoted words
    skipped: the clause a gerund or participle hangs from (« X a précisé que « … » en
    ajoutant : » → précisé)."""
    doc = verb.doc
    depth = 0
    for t in reversed(doc[sentence_of(verb) : verb.i]):
        role = mark_roles().get(t.text)
        if role in ("close", "either") and depth == 0 and t.text not in "«‹":
            depth = 1
            continue
        if role is not None and depth:
            depth = 0
            continue
        if depth or t.text in SENTENCE_END:
            if t.text in SENTENCE_END and not depth:
                return None
            continue
        if t.pos_ == "VERB" and ("Fin" in t.morph.get("VerbForm") or "Part" in t.morph.get(
                "VerbForm") and not t.lower_.endswith("ant")) and t.dep_ != "acl:relcl":
            return t
    return None


def same_sentence(a: Token, b: Token) -> bool:
    """No sentence-final punctuation nor paragraph break between two tokens (the parser
    sometimes links verbs across a full stop)."""
    lo, hi = sorted((a.i, b.i))
    return not any("\n" in t.text or (t.text[-1:] in SENTENCE_END and t.text != "M.")
                   for t in a.doc[lo:hi])


APPOSITION_MAX_TOKENS = 8
"""Longest insert between commas stepped over to find a subject on the left."""


def left_subject(verb: Token, depth: int = 0) -> Token | None:
    """Scan left from the verb for the nearest noun, name or pronoun of its clause."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0:
        t = doc[i]
        if t.is_space or t.pos_ in ("AUX", "ADV") or t.lower_ in CLITICS or (
                t.lower_ in AUXILIARY_FORMS):  # the tagger sometimes calls « a » a verb
            i -= 1
            continue
        if t.pos_ in ("PROPN", "NOUN") and i >= 2 and doc[i - 1].lower_ in POSSESSIVES and (
                doc[i - 2].lower_ in ("de", "pour", "à", "en")):
            i -= 3  # « La Maison Blanche a de son côté évoqué », « pour sa part »: skip the PP
            continue
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            while _after_de(t) and t.head.i < t.i and t.head.pos_ in ("NOUN", "PROPN"):
                t = t.head  # « X le directeur de l'équipe, a affirmé »: not « équipe »
            return t
        if t.is_title and t.pos_ in ("ADJ", "X") and i > sentence_of(verb):
            return t  # « Serena Williams déclare »: a name the tagger took for an adjective
        if t.pos_ == "ADJ" and t.head.i < t.i and t.head.pos_ in ("NOUN", "PROPN") and (
                t.i - t.head.i <= 2):
            i = t.head.i  # « le gouvernement malien, impuissant, a dénoncé »
            continue
        if t.text == "," and i > 0 and doc[i - 1].pos_ == "PROPN":
            i -= 1  # « Le ministre, Jean Dupont, a déclaré »: step over the appositive
            continue
        if t.text == ",":
            opening = next((j for j in range(i - 1, max(-1, i - APPOSITION_MAX_TOKENS - 2), -1)
                            if doc[j].text == ","), None)
            if opening is not None and opening > 0 and not any(
                    "Fin" in x.morph.get("VerbForm") or x.text in SENTENCE_END or x.is_space
                    for x in doc[opening + 1 : i]):
                i = opening - 1  # « Le gouvernement, impuissant, a dénoncé », « X, auteur de
                continue  # l'étude ayant fourni ces résultats, précise »: skip the insert
            if i > 0 and doc[i - 1].pos_ == "NOUN":
                i -= 1
                continue
        if t.pos_ == "CCONJ" and depth < 2:  # « X a estimé … et a appelé à … »: X
            previous = next((v for v in reversed(doc[sentence_of(verb) : i])
                             if v.pos_ == "VERB" and v.text not in mark_roles()), None)
            return subject_of(previous, depth + 1) if previous is not None else None
        return None
    return None
