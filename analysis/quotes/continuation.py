"""Quotes with no attribution of their own: the speaker of the previous quote or paragraph,
of a sentence pointing back at the quote, of the previous sentence, or an interview label.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .lexicon import mark_roles, word_set
from .marks import Marked, left_context, paragraphs
from .phrases import noun_phrase
from .rules import inverted_after, verb_after
from .speakers import Attribution, Resolver
from .text import doc_text, inside, sentence_end, sentence_start, tokens_between
from .verbs import reporting_lemma

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Doc


def previous_sentence(doc: Doc, res: Resolver, quote: Marked) -> Attribution | None:
    """A direct quote with no attribution at all, right after a sentence (or paragraph) about
    someone: « Emmanuel Macron a été très clair. « Il n'y aura pas d'impunité. » » → the
    subject of that previous sentence, when it resolves to a person."""
    text = doc_text(doc)
    end = quote.opener
    if not left_context(text, quote.para_start, quote.opener):
        paras = [p for p in paragraphs(text) if p[1] <= quote.para_start]
        if not paras:
            return None
        para_start, end = paras[-1]
    else:
        para_start = quote.para_start
    last = end  # after the last character that is no space
    while last > para_start and text[last - 1].isspace():
        last -= 1
    if last > para_start and text[last - 1] in "»”\"›":
        return None  # the previous sentence ends with a quote: continuation's business
    start = sentence_start(text, para_start, max(para_start, last - 1))
    for token in tokens_between(doc, start, end):
        if token.dep_.startswith("nsubj"):
            found = res.attribution(token, "", "previous_sentence", stop=token.head.i)
            mention = res.covering(token) or res.in_tokens(noun_phrase(token, token.head.i))
            if found.speaker and (mention is None or mention["label"] == "PER"):
                return found
            return None
    return None


def next_sentence(doc: Doc, res: Resolver, quote: Marked) -> Attribution | None:
    """A direct quote with no attribution followed by a sentence that points back at it
    (`next_sentence_cues.csv`: « Ainsi a réagi X », « Par ces mots, X a… », « Le mot est de
    X »): that sentence's reporting verb and subject, else its subject, else the first
    person it names."""
    text = doc_text(doc)
    paras = paragraphs(text)
    k = next(j for j, (s, e) in enumerate(paras) if s <= quote.opener < e)
    start, para_end = quote.closer + 1, paras[k][1]
    if not text[start:para_end].strip(" .»”\"›") and k + 1 < len(paras):
        start, para_end = paras[k + 1]  # the cue opens the next paragraph
    tokens = [t for t in tokens_between(doc, start, sentence_end(text, start, para_end))
              if not t.is_punct and not t.is_space]
    head = " ".join(t.lower_ for t in tokens[:5]).replace("' ", "'")
    if not any(f" {cue} " in f" {head} " or cue.endswith("'") and f" {cue}" in f" {head}"
               for cue in word_set("next_sentence_cues.csv", "cue")):
        return None
    verb = next((k for k, t in enumerate(tokens) if reporting_lemma(t)), None)
    for found in (inverted_after(res, tokens[verb:]) if verb is not None else None,
                  verb_after(res, tokens)):  # « Ainsi a réagi X » first: « Ainsi » is no name
        if found is not None and found.speaker:
            return replace(found, rule="next_sentence")
    subject = next((t for t in tokens if t.dep_.startswith("nsubj") and t.pos_ != "PRON"), None)
    if subject is not None:
        found = res.attribution(subject, "", "next_sentence", stop=subject.head.i)
        if found.speaker:
            return found
    person = res.in_tokens(tokens, "PER")
    return Attribution(person["entity"], person["start"], person["end"], "", "next_sentence",
                       True) if person is not None else None


LABEL = re.compile(r"(\s*)((?:[A-ZÀ-Ý0-9][\w'-]*\s?){1,5}?)\s*:\s+(?=\S)")
"""A paragraph opening with a short capitalised label and a colon (« Jean-Noël Barrot : … »)."""


def labelled_answers(doc: Doc, res: Resolver) -> list[tuple[int, int, Attribution]]:
    """Interviews in Q/R form without marks: when at least two paragraphs open with a short
    capitalised label and a colon (« Le Figaro : … » / « Édouard Philippe : … ») and one of
    them asks a question, the text of
    each paragraph labelled by a person mention is that person's direct quote (rule
    `interview_label`). Paragraphs opening with a mark are left to the marked-quote rules."""
    text = doc_text(doc)
    labelled = []
    for start, end in paragraphs(text):
        match = LABEL.match(text, start, end)
        if match:
            labelled.append((start + len(match[1]), match.start(2) + len(match[2].rstrip()),
                             match.end(), end))
    if len(labelled) < 2 or not any(text[s:e].rstrip().endswith("?") for _, _, s, e in labelled):
        return []  # headlines (« Paris : … ») are no interview: an interview asks questions
    found = []
    for label_start, label_end, start, end in labelled:
        person = next((m for m in res.between(label_start, label_start + 1)
                       if m["end"] == label_end and m["label"] == "PER"), None)
        while end > start and text[end - 1].isspace():
            end -= 1
        if person is not None and mark_roles().get(text[start]) not in ("open", "either"):
            found.append((start, end, Attribution(person["entity"], person["start"],
                                                  person["end"], "", "interview_label", True)))
    return found


def continue_speakers(rows: list[dict], starts: dict[int, int], para_starts: list[int]
                      ) -> None:
    """A direct quote opening its paragraph with no attribution takes the speaker of the
    previous paragraph's last direct quote (and a run-on quote passes its speaker on)."""
    by_para: dict[int, list[dict]] = {}
    for row in rows:
        by_para.setdefault(starts[row["start"]], []).append(row)
    order = {start: k for k, start in enumerate(para_starts)}
    paras = sorted(by_para)
    for prev, cur in zip(paras, paras[1:], strict=False):
        if order[cur] != order[prev] + 1:
            continue  # only the paragraph just before can be continued
        last = [r for r in by_para[prev] if r["kind"] == "direct"]
        first = by_para[cur][0]
        if not last or first["kind"] != "direct" or first["rule"] != "none":
            continue
        if not first.get("_opens_paragraph"):
            continue
        source = last[-1]
        if source["rule"] == "none":
            continue
        first.update(speaker=source["speaker"], speaker_start=source["speaker_start"],
                     speaker_end=source["speaker_end"], verb=source["verb"], rule="continuation")


def _back_fill_runs(rows: list[dict]) -> None:
    """A run-on quote with no attribution takes the speaker its continuation found."""
    for k in range(len(rows) - 2, -1, -1):
        row, nxt = rows[k], rows[k + 1]
        if row.get("_runs_on") and row["rule"] == "none" and nxt["rule"] != "none":
            row.update(speaker=nxt["speaker"], speaker_start=nxt["speaker_start"],
                       speaker_end=nxt["speaker_end"], verb=nxt["verb"], rule="continuation")


def _same_paragraph(rows: list[dict], starts: dict[int, int]) -> None:
    """« « A », confie X. « B. » »: a direct quote opening a sentence with no attribution of its
    own continues the speaker of the attributed direct quote just before it in its paragraph."""
    for prev, row in zip(rows, rows[1:], strict=False):
        if (row["rule"] == "none" and row["kind"] == "direct" and prev["kind"] == "direct"
                and prev["rule"] != "none" and starts[prev["start"]] == starts[row["start"]]):
            row.update(speaker=prev["speaker"], speaker_start=prev["speaker_start"],
                       speaker_end=prev["speaker_end"], verb=prev["verb"], rule="continuation")


def _subjectless_verbs(rows: list[dict]) -> None:
    """« Et d'ajouter : « … » », « avant de préciser : « … » »: a reporting verb with no subject
    of its own continues the speaker of the quote just before."""
    for prev, row in zip(rows, rows[1:], strict=False):
        if row.get("_subjectless") and not row["speaker"] and prev["speaker"]:
            row.update(speaker=prev["speaker"], speaker_start=prev["speaker_start"],
                       speaker_end=prev["speaker_end"], rule="verb_before+previous")


def verbless_partials(doc: Doc, rows: list[dict], marked: list[Marked],
                      quoted: list[tuple[int, int]]) -> None:
    """« « … », dénonce X. Et pour la dernière période, « il veut … » »: a partial quote with
    no attribution in a sentence whose own words (outside marks, relative clauses aside) have
    no finite verb goes on with the speaker of the quote just before it, in this or the
    previous sentence (rule `continuation`). « avait provoqué « un scandale » » has a verb of
    its own and stays unattributed."""
    text = doc_text(doc)
    for k, (row, quote) in enumerate(zip(rows, marked, strict=True)):
        if k == 0 or row["rule"] != "none" or row["kind"] != "partial":
            continue
        prev = rows[k - 1]
        if not prev["speaker"]:
            continue
        s_start = sentence_start(text, quote.para_start, quote.opener)
        s_end = sentence_end(text, quote.closer, quote.para_end)
        if prev["end"] < sentence_start(text, quote.para_start, max(quote.para_start,
                                                                     s_start - 2)):
            continue  # the previous quote is older than the previous sentence
        own = [t for t in tokens_between(doc, s_start, s_end) if not inside(t.idx, quoted)]
        relative = False
        finite = False
        for t in own:
            relative = relative or t.lower_ in ("qui", "que", "qu'", "dont")
            if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and not relative:
                finite = True
        if not finite:
            row.update(speaker=prev["speaker"], speaker_start=prev["speaker_start"],
                       speaker_end=prev["speaker_end"], verb=prev["verb"], rule="continuation")
