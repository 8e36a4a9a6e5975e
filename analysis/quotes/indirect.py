"""Reported speech without marks: « X a déclaré que … », the clause after « que ».
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicon import (
    MAX_GAP_TO_QUE,
    SENTENCE_END,
    clause_links,
    mark_roles,
    multiword_last_words,
    not_reporting,
    reporting_verbs,
    verb_forms,
)
from .marks import Marked, paragraphs
from .speakers import Attribution, Resolver
from .text import doc_text, inside, marked_ranges, sentence_end, word_columns
from .verbs import reporting_lemma, subject_of

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class Indirect:
    start: int
    end: int
    attribution: Attribution


def find_indirect(doc: Doc, res: Resolver, quotes: list[Marked]) -> list[Indirect]:
    """« X a déclaré que … »: the clause after « que » to the end of its sentence."""
    text, ranges = doc_text(doc), marked_ranges(quotes)
    paras = paragraphs(text)
    found = []
    forms, lemmas, last = verb_forms(), reporting_verbs(), multiword_last_words()
    for i, (low, lem) in enumerate(zip(*word_columns(doc), strict=True)):
        if not (low in forms or lem in lemmas or low in last or lem in last):
            continue  # cheap look-ups before the full test
        verb = doc[i]
        lemma = reporting_lemma(verb) or _before_que(verb)
        if not reporting_verbs().get(lemma):
            continue
        if inside(verb.idx, ranges) or _not_reporting(verb, lemma) or _negated(verb):
            continue
        que = None
        for t in doc[verb.i + 1 : verb.i + 1 + MAX_GAP_TO_QUE]:
            if t.lower_ in ("que", "qu'") and not _relative(t):  # « les activités qu'il … »
                que = t
                break
            if t.pos_ == "VERB" and not _mistagged(t) or t.text in SENTENCE_END or (
                    t.text in mark_roles()) or (
                    t.is_space or t.lower_ == "ce" or _links_clause(t)):
                break
        if que is None or que.i + 1 >= len(doc):
            continue
        para_end = next(e for s, e in paras if s <= verb.idx < e)
        who = res.attribution(subject_of(verb), lemma, "indirect")
        for start, end in _clauses(doc, que, para_end, ranges):
            if end > start:
                found.append(Indirect(start, end, who))
    return found


def _relative(que: Token) -> bool:
    """« les activités qu'il entend organiser »: a « que » the tagger calls a pronoun after a
    noun opens a relative clause; after a time word (« annonçait samedi qu'il … ») it is
    still the reported clause's."""
    from ..sentiment import time_nouns

    before = que.doc[que.i - 1] if que.i > 0 else None
    return que.pos_ == "PRON" and before is not None and (
        before.lemma_.lower() not in time_nouns() and before.lower_ not in time_nouns())


def _mistagged(token: Token) -> bool:
    """« dans la presse coréenne que »: a word tagged as a verb whose lemma is no infinitive
    (« coréen ») is an adjective or a noun the tagger misread."""
    return not token.lemma_.lower().endswith(("er", "ir", "re"))


def _before_que(verb: Token) -> str:
    """« Le parquet annonce que … », « un représentant admet que … »: a reporting form the
    tagger took for a noun counts when « que » follows it and no determiner precedes it."""
    doc = verb.doc
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    before = doc[verb.i - 1] if verb.i > 0 else None
    if nxt is None or nxt.lower_ not in ("que", "qu'") or before is None or before.pos_ in (
            "DET", "ADP") or before.is_punct:
        return ""
    return reporting_lemma(verb, loose=True)


def _negated(verb: Token) -> bool:
    """« ne prévoit qu'une croissance », « n'a pas dit que »: a restriction or a denial, no
    report."""
    return any(t.lower_ in ("ne", "n'") for t in verb.doc[max(0, verb.i - 3) : verb.i])


def _links_clause(token: Token) -> bool:
    """A word after which « que » opens another clause (`clause_links.csv`), « même » of the
    adverb « tout de même » excepted."""
    doc = token.doc
    return token.lower_ in clause_links() and not (
        token.lower_ == "même" and token.i >= 2 and doc[token.i - 2].lower_ == "tout")


def _clauses(doc: Doc, que: Token, para_end: int, ranges: list[tuple[int, int]]
             ) -> list[tuple[int, int]]:
    """(start, end) of the reported clauses after « que »: the first, unless a quote in marks
    carries it, and each coordinated « et que » / « et qu' » of the same sentence (the clause
    before it ends at the « et »)."""
    text = doc_text(doc)
    ques = [que]
    end = sentence_end(text, que.idx, para_end)
    for x in doc[que.i + 2 : que.i + 200]:
        if x.idx >= end:
            break
        if x.lower_ in ("que", "qu'") and doc[x.i - 1].lower_ in ("et", "ou") and not inside(
                x.idx, ranges) and len(ques) == 1 and _marked_after(text, que):
            ques.append(x)
    clauses = []
    for k, t in enumerate(ques):
        start = t.idx + len(t.text)
        while start < len(text) and text[start].isspace():
            start += 1
        if text[start : start + 1] in mark_roles():
            continue  # « a déclaré que « … » »: the marked quote carries it
        stop = _indirect_end(text, start, para_end, ranges)
        if k + 1 < len(ques):
            stop = min(stop, doc[ques[k + 1].i - 1].idx)
        while stop > start and text[stop - 1] in " ,;":
            stop -= 1
        clauses.append((start, stop))
    return clauses


def _marked_after(text: str, que: Token) -> bool:
    """Whether a quote in marks opens right after « que » (its clause is the marked quote's)."""
    rest = text[que.idx + len(que.text) :].lstrip()
    return rest[:1] in mark_roles()


def _not_reporting(verb: Token, lemma: str) -> bool:
    """« il faut dire que », « cela veut dire que »: the verb before makes it no report;
    « Rappelons que », « Notons que »: the writer's own aside (an imperative opening its
    sentence)."""
    doc = verb.doc
    before = doc[verb.i - 1] if verb.i > 0 else None
    if verb.lower_.endswith("ons") and (before is None or before.is_punct or before.is_space):
        return True
    before = [t for t in doc[max(0, verb.i - 2) : verb.i] if not t.is_space]
    return any((word, verb_lemma) in not_reporting() for t in before
               for word in (t.lemma_.lower(), t.lower_) for verb_lemma in (lemma, "*"))


def _indirect_end(text: str, start: int, para_end: int, ranges: list[tuple[int, int]]) -> int:
    """Sentence end after `start`, skipping full stops inside quotation marks, and stopping
    before a comma + clause link (« , tandis que », « , mais »)."""
    pos = start
    while True:
        end = sentence_end(text, pos, para_end)
        if end >= para_end or not inside(end, ranges):
            break
        pos = end + 1
    links = "|".join(re.escape(w) for w in sorted(clause_links()))
    for match in re.finditer(rf",\s+(?:{links})\b", text[start:end], flags=re.IGNORECASE):
        if not inside(start + match.start(), ranges):  # « …, tandis que X a estimé … »
            end = start + match.start()
            break
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return end
