"""Reported speech without marks: « X a déclaré que … », the clause after « que ».
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import (
    MAX_GAP_TO_QUE,
    SENTENCE_END,
    clause_links,
    mark_roles,
    not_reporting,
    reporting_verbs,
)
from .marks import Marked, paragraphs
from .speakers import Attribution, Resolver
from .text import doc_text, inside, marked_ranges, sentence_end
from .verbs import reporting_lemma, subject_of


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
    for verb in doc:
        lemma = reporting_lemma(verb)
        if not reporting_verbs().get(lemma):
            continue
        if inside(verb.idx, ranges) or _not_reporting(verb, lemma):
            continue
        que = None
        for t in doc[verb.i + 1 : verb.i + 1 + MAX_GAP_TO_QUE]:
            if t.lower_ in ("que", "qu'"):
                que = t
                break
            if t.pos_ == "VERB" or t.text in SENTENCE_END or t.text in mark_roles() or (
                    t.is_space or t.lower_ in clause_links()):
                break
        if que is None or que.i + 1 >= len(doc):
            continue
        start = que.idx + len(que.text)
        while start < len(text) and text[start].isspace():
            start += 1
        if text[start : start + 1] in mark_roles():
            continue  # « a déclaré que « … » »: the marked quote carries it
        para_end = next(e for s, e in paras if s <= verb.idx < e)
        end = _indirect_end(text, start, para_end, ranges)
        if end > start:
            found.append(Indirect(start, end, res.attribution(subject_of(verb), lemma,
                                                             "indirect")))
    return found


def _not_reporting(verb: Token, lemma: str) -> bool:
    """« il faut dire que », « cela veut dire que »: the verb before makes it no report."""
    doc = verb.doc
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
