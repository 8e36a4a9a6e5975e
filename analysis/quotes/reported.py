"""Reported speech without marks nor « que », told by an inverted reporting verb set after it or
inside it: « 520 postes seront supprimés, a indiqué la direction » (the clause before the verb),
« Par ailleurs, poursuit le ministre, une langue n'a pas d'avenir » (an incise: the sentence).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from .indirect import Indirect
from .lexicon import AUXILIARY_FORMS, mark_roles, reporting_verbs, verb_forms
from .marks import Marked, paragraphs
from .rules import inverted_after
from .speakers import Resolver
from .text import (
    doc_text,
    inside,
    marked_ranges,
    sentence_end,
    sentence_start,
    word_columns,
)
from .verbs import reporting_lemma

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Doc, Token

MIN_REPORT_WORDS = 4
"""Fewest words before an inverted verb for the clause to be a report (« Le 3 mai, a dit X »
is no statement)."""
SHORT_LEAD_WORDS = 3
"""At most this many words before an incise and it only leads into the reported sentence
(« Par ailleurs, poursuit X, … », « Il est, disent-ils, … »)."""


def verb_group_start(verb: Token) -> Token:
    """First token of an inverted verb group: « a » of « a indiqué », « avait » of « avait
    précisé », the verb itself otherwise (adverbs between are part of it)."""
    doc = verb.doc
    i = verb.i
    while i > 0 and (doc[i - 1].lower_ in AUXILIARY_FORMS or doc[i - 1].pos_ in ("AUX", "ADV")
                     or doc[i - 1].text.startswith("-") and len(doc[i - 1]) > 1
                     ) and doc[i - 1].text != ",":  # « a-t-il précisé »
        i -= 1
    return doc[i]


def has_verb(doc: Doc, start: int, end: int) -> bool:
    """Whether a finite verb or an auxiliary (a statement) stands between two offsets."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") and "Part" not in t.morph.get(
        "VerbForm") or t.pos_ == "AUX" for t in span)


def finite_after(verb: Token, end: int) -> Token | None:
    """The first finite verb after `verb` in its sentence (up to offset `end`), relative
    clauses (« l'Insee, qui prévoit … ») and quoted words left out."""
    doc = verb.doc
    relative = quoted = False
    for t in doc[verb.i + 1 :]:
        if t.idx >= end:
            return None
        role = mark_roles().get(t.text)
        if role is not None:
            quoted = role == "open" or role == "either" and not quoted
            continue
        relative = relative or t.lower_ in ("qui", "que", "qu'", "dont", "où")
        if not quoted and not relative and t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get(
                "VerbForm"):
            return t
    return None


def is_incise(verb: Token, end: int, lead_verb: bool) -> bool:
    """« Par ailleurs, poursuit X, une langue n'a pas … », « Il est, disent-ils, la langue … »:
    the verb is glued to its pronoun or directly followed by its subject's phrase (no
    preposition first), then a comma, then the rest of a clause whose finite verb comes after
    that comma or before the incise (`lead_verb`)."""
    doc = verb.doc
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is None or not (nxt.text.startswith("-") or nxt.pos_ in ("DET", "PROPN", "NOUN")):
        return False
    comma = next((t for t in doc[verb.i + 1 : verb.i + 9] if t.text == ","), None)
    return comma is not None and (lead_verb or finite_after(comma, end) is not None)


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, non-nested spans (a bisection and a
    look at the neighbours)."""
    k = bisect.bisect_left(spans, (end,))
    return any(a < end and start < b for a, b in spans[max(0, k - 2) : k])


def find_inverted(doc: Doc, res: Resolver, quotes: list[Marked], indirect: list[Indirect]
                  ) -> list[Indirect]:
    """Unmarked statements with an inverted reporting verb after a comma: the clause before it
    (« …, a annoncé Mario Draghi »), or the whole sentence when the verb is an incise after a
    few leading words (« Il est, disent-ils, la langue des crises »). Sentences with a marked
    quote keep only their unmarked opening; clauses already found as « que » speech are left."""
    text, ranges = doc_text(doc), marked_ranges(quotes)
    taken = sorted((i.start, i.end) for i in indirect)
    found: list[Indirect] = []
    forms, lemmas = verb_forms(), reporting_verbs()
    for i, (low, lem) in enumerate(zip(*word_columns(doc), strict=True)):
        if low.endswith("ant") or not (low in forms or lem in lemmas):
            continue  # « en ordonnant » is no inverted verb; cheap look-ups first
        verb = doc[i]
        if verb.text[:1].isupper():
            continue
        first = verb_group_start(verb)
        comma = verb.doc[first.i - 1] if first.i > 0 else None
        if comma is None or not (comma.text == "," or mark_roles().get(comma.text) in (
                "close", "either") and inside(comma.idx, ranges)):
            continue  # « …, a dit X » or « … « … » a-t-il précisé »
        glued = verb.i + 1 < len(doc) and doc[verb.i + 1].text.startswith("-")
        if inside(verb.idx, ranges) or not (
                reporting_lemma(verb) or glued and reporting_lemma(verb, True)):
            continue  # « disent-ils », « appuie-t-il »: the glued pronoun makes it a verb
        tokens = [t for t in doc[first.i : min(len(doc), verb.i + 12)]
                  if not t.is_space and t.text not in mark_roles()]
        after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
        if after is not None and (after.lower_ in ("que", "qu'", ":") or after.text in
                                  mark_roles()):
            continue
        who = inverted_after(res, tokens)
        if who is None or not (who.speaker or who.subject_found):
            continue
        para_start, para_end = next((s, e) for s, e in paragraphs(text) if s <= verb.idx < e)
        s_start = sentence_start(text, para_start, comma.idx)
        s_end = sentence_end(text, verb.idx, para_end)
        lead = text[s_start : comma.idx].split()
        lead_verb = has_verb(doc, s_start, comma.idx)
        incise = (len(lead) <= SHORT_LEAD_WORDS or not lead_verb) and is_incise(
            verb, s_end, lead_verb)
        if not incise and finite_after(verb, s_end):
            continue  # « X, Y, a appelé les alliés à … »: the verb has its object, no report
        start, end = s_start, (s_end if incise else comma.idx)
        marks = ranges.starts[bisect.bisect_left(ranges.starts, start) :
                              bisect.bisect_left(ranges.starts, end)]
        if inside(start, ranges) or marks and text[start : marks[0]].rstrip().endswith(":"):
            continue  # « X a été clair : « … » », « « … », a dit X »: the marked quote's
        if marks:  # the marked quote carries its words; keep an unmarked opening
            end = marks[0]
        while end > start and text[end - 1] in " ,;:\u00a0—–-":
            end -= 1
        if len(text[start:end].split()) < (1 if incise else MIN_REPORT_WORDS):
            continue
        if not incise and not has_verb(doc, start, end):
            continue  # « David Martin, le rapporteur, a reconnu … »: a subject, not a report
        if overlaps(taken, start, end) or overlaps([(f.start, f.end) for f in found[-8:]],
                                                  start, end):
            continue  # found clauses come in text order: only the last ones can overlap
        found.append(Indirect(start, end, who))
    return found
