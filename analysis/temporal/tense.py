"""The tense of the verb that governs an expression (past / present / future), read from the
spaCy parse and morphology; it decides which occurrence of « samedi » or « le 24 février » is
meant."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import lexicon

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Doc, Token


def _aux_tense(aux: Token) -> str:
    """Tense of a compound form from its auxiliary: future perfect → future, else past."""
    if "Fut" in aux.morph.get("Tense"):
        return "future"
    return "past"


def _infinitive(verb: Token) -> bool:
    """« présenter », or « être présentée » (its auxiliary is the infinitive)."""
    return "Inf" in verb.morph.get("VerbForm") or any(
        c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in verb.children)


def _ending_tense(verb: Token) -> str | None:
    """Tense read from the word's ending (tense_endings in words.json), for a verb the tagger
    got wrong: « votera » tagged as a participle, « communiqué » tagged as a noun."""
    endings = lexicon()["tense_endings"]
    word = verb.lower_
    found = [(len(e), tense) for tense, ends in endings.items() for e in ends if word.endswith(e)]
    return max(found)[1] if found and len(word) > 4 else None


def _etre_compound(verb: Token, children: list[Token]) -> bool:
    """« être » + participle read as a compound past: verbs of tense_verbs.csv marked
    `etre_participle` (entrer, arriver, mourir …) and reflexive verbs (« s'est rendu »)."""
    etre = {r["lemma"] for r in lexicon()["tense_verbs"] if r["form"] == "etre_participle"}
    reflexive = any("Yes" in c.morph.get("Reflex") for c in children)
    return verb.lemma_ in etre or reflexive


def verb_tense(verb: Token, depth: int = 0) -> str | None:
    """past / present / future of a verb from its morphology and auxiliaries.

    « a annoncé » (aux + participle) → past; « va annoncer » / « devrait annoncer » (a verb of
    tense_verbs.csv + infinitive) → that verb's tense; Tense=Fut or conditional → future;
    imparfait / passé simple / bare participle → past; else present.
    """
    children = list(verb.children)
    tense_aux = [c for c in children if c.dep_ == "aux:tense"]
    if tense_aux:
        return _aux_tense(tense_aux[0])
    verbs = lexicon()["tense_verbs"]
    infinitives = [c for c in children if c.dep_ in ("xcomp", "ccomp") and _infinitive(c)]
    for row in verbs:
        if row["lemma"] != verb.lemma_:
            continue
        marked = [v for v in infinitives if not row["marker"] or any(
            c.lower_ == row["marker"] for c in v.children)]
        if row["form"] == "infinitive" and marked:
            return row["tense"]
        if row["form"] == "participle" and "Part" in verb.morph.get("VerbForm"):
            return row["tense"]
    if "Part" in verb.morph.get("VerbForm") and not tense_aux and _ending_tense(verb) == "future":
        return "future"  # a future form mis-tagged as a participle (« votera »)
    passive = [c for c in children if c.dep_ in ("aux:pass", "cop")]
    if passive and "Part" in verb.morph.get("VerbForm") and _etre_compound(verb, children):
        return _aux_tense(passive[0])  # « est entrée », « s'est rendu »: passé composé
    morph = passive[0].morph if passive else verb.morph
    if "Inf" in morph.get("VerbForm") and verb.head is not verb and depth < 3:
        return verb_tense(verb.head, depth + 1)
    if "Fut" in morph.get("Tense") or "Cnd" in morph.get("Mood"):
        return "future"
    if set(morph.get("Tense")) & {"Imp", "Past"} or "Part" in morph.get("VerbForm"):
        return "past"
    return "present" if morph.get("Tense") else None


def governing_tense(doc: Doc, start: int, end: int) -> str | None:
    """Tense of the verb (or copula) that governs the tokens at [start, end), or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not doc.has_annotation("DEP"):
        return None
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and (before.pos_ == "VERB" or before.dep_ == "acl"):
        # « prévue ce week-end », « a reçu mardi », « communiqué dimanche »: the verb just before
        return verb_tense(before) or _ending_tense(before) or _passe_simple(before)
    if before is not None and _passe_simple(before):
        return "past"  # « Copé déplora mardi … »: a passé simple the tagger does not know
    token = span.root
    for _ in range(12):
        if not _same_paragraph(doc, start, token.idx):
            break  # the parser joined two paragraphs: the head belongs to another one
        if token.pos_ in ("VERB", "AUX") and not (start <= token.idx < end):
            return verb_tense(token)
        tense_aux = [c for c in token.children if c.dep_ == "aux:tense"]
        if tense_aux and not (start <= token.idx < end):
            return _aux_tense(tense_aux[0])  # « les vents ont soufflés »: participle tagged ADJ
        copula = [c for c in token.children if c.dep_ == "cop"]
        if copula:
            return verb_tense(copula[0])
        if token.head is token:
            break
        token = token.head
    nearest = _nearest_verb(span)
    return verb_tense(nearest) if nearest is not None else None


def _passe_simple(token: Token) -> str | None:
    """A lower-case word tagged X (unknown) with a passé simple ending (passe_simple_endings in
    words.json): « déplora », « annoncèrent »."""
    word = token.text
    known = token.pos_ == "X" and word.islower() and len(word) > 4
    return "past" if known and word.endswith(tuple(lexicon()["passe_simple_endings"])) else None


def _same_paragraph(doc: Doc, a: int, b: int) -> bool:
    """No line break between character offsets a and b."""
    span = doc.char_span(min(a, b), max(a, b), alignment_mode="expand")
    return span is None or not any("\n" in t.text_with_ws for t in span[:-1])


def _nearest_verb(span) -> Token | None:
    """The verb closest to a span in its sentence, when the parse gives it no verbal head."""
    sentence = span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]
    verbs = [t for t in sentence if t.pos_ in ("VERB", "AUX") and not span.start <= t.i < span.end
             and _same_paragraph(span.doc, span.start_char, t.idx)]
    if not verbs:
        return None
    return min(verbs, key=lambda t: (min(abs(t.i - span.start), abs(t.i - span.end + 1)),
                                     t.i > span.start))
