"""One document's quotes: find, attribute and continue them, one row each (see `COLUMNS`).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ..sentiment import span_sentiment
from .canonical import canonical_speakers
from .continuation import (
    _back_fill_runs,
    _same_paragraph,
    _subjectless_verbs,
    continue_speakers,
    labelled_answers,
    next_sentence,
    previous_sentence,
    verbless_partials,
)
from .indirect import find_indirect
from .marks import find_marked, left_context, paragraphs, quote_kind
from .names import names_a_thing
from .reported import find_inverted
from .rules import attribute_marked
from .speakers import Attribution, Resolver
from .text import doc_text, marked_ranges, sentence_end

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Doc


def quote_row(doc: Doc, doc_id: str, start: int, end: int, kind: str, who: Attribution,
              mentions: list[dict]) -> dict:
    """One output row: offsets, speaker, sentiment and the entities named inside."""
    span = doc.char_span(start, end, alignment_mode="expand")
    skip = set()
    named = []
    for m in mentions:
        if start <= m["start"] and m["end"] <= end:
            named.append(m["entity"])
            covered = doc.char_span(m["start"], m["end"], alignment_mode="expand")
            skip.update(t.i for t in covered or [])
    score, terms, _ = span_sentiment(span, skip) if span is not None else (0.0, "", 0)
    return {
        "doc_id": doc_id, "start": start, "end": end, "text": doc_text(doc)[start:end],
        "kind": kind, "speaker": who.speaker, "speaker_start": who.speaker_start,
        "speaker_end": who.speaker_end, "verb": who.verb, "rule": who.rule,
        "sentiment": score, "sentiment_terms": terms,
        "mentions": "; ".join(dict.fromkeys(named)),
    }


def inverted_partials(doc: Doc, rows: list[dict], inverted: list) -> None:
    """« Il semblerait que le feu ait été allumé « par un supporter » a-t-il précisé »: a
    partial quote left without a speaker, in the sentence of an unmarked inverted report and
    after its opening, is part of that report (its speaker, verb and rule)."""
    text = doc_text(doc)
    starts = [r["start"] for r in rows]  # rows are in text order here
    for clause in inverted:
        who = clause.attribution
        if not who.speaker:
            continue
        para_end = text.find("\n", clause.end)
        end = sentence_end(text, clause.end, len(text) if para_end < 0 else para_end)
        k = bisect.bisect_left(starts, clause.end)
        while k < len(rows) and rows[k]["start"] < end:
            row = rows[k]
            if row["kind"] == "partial" and not row["speaker"]:
                row.update(speaker=who.speaker, speaker_start=who.speaker_start,
                           speaker_end=who.speaker_end, verb=who.verb, rule=who.rule)
            k += 1


def doc_quotes(doc: Doc, doc_id: str, mentions: list[dict] | None = None) -> list[dict]:
    """Every quote of one parsed document, attributed with its mention rows (see COLUMNS).

    Pass the document's `analysis.entities.doc_entities` rows when you already have them (one
    entity pass per document); without them they are computed here.
    """
    if mentions is None:
        from ..entities import doc_entities

        mentions = doc_entities(doc, doc_id)
    res = Resolver(doc, mentions)
    every = find_marked(doc_text(doc))
    res.quoted = marked_ranges(every)
    indirect = find_indirect(doc, res, every)
    marked = [q for q in every if not names_a_thing(doc, q)]
    rows, starts = [], {}
    for quote in marked:
        kind = quote_kind(doc_text(doc), quote)
        who = attribute_marked(doc, res, quote, kind, indirect)
        if who.speaker:
            res.previous_speaker, res.previous_start = who.speaker, quote.start
            res.previous_mention = next((
                m for m in res.between(who.speaker_start, who.speaker_start + 1)
                if m["end"] == who.speaker_end), None)
        row = quote_row(doc, doc_id, quote.start, quote.end, kind, who,
                        res.between(quote.start, quote.end))
        row["_subjectless"] = who.rule == "verb_before" and not who.subject_found
        row["_opens_paragraph"] = not left_context(doc_text(doc), quote.para_start,
                                                   quote.opener)
        row["_runs_on"] = quote.runs_on
        starts[quote.start] = quote.para_start
        rows.append(row)
    continue_speakers(rows, starts, [p for p, _ in paragraphs(doc_text(doc))])
    _back_fill_runs(rows)
    _subjectless_verbs(rows)
    _same_paragraph(rows, starts)
    for row, quote in zip(rows, marked, strict=True):
        if row["rule"] == "none" and row["kind"] == "direct":
            found = next_sentence(doc, res, quote) or previous_sentence(doc, res, quote)
            if found is not None:
                row.update(speaker=found.speaker, speaker_start=found.speaker_start,
                           speaker_end=found.speaker_end, rule=found.rule)
    continue_speakers(rows, starts, [p for p, _ in paragraphs(doc_text(doc))])
    verbless_partials(doc, rows, marked, res.quoted)
    inverted = find_inverted(doc, res, every, indirect)
    inverted_partials(doc, rows, inverted)
    for clause in indirect + inverted:
        rows.append(quote_row(doc, doc_id, clause.start, clause.end, "indirect",
                              clause.attribution, res.between(clause.start, clause.end)))
    for start, end, who in labelled_answers(doc, res):
        rows.append(quote_row(doc, doc_id, start, end, "direct", who, res.between(start, end)))
    canonical_speakers(rows, mentions)
    for row in rows:
        row.pop("_opens_paragraph", None)
        row.pop("_runs_on", None)
        row.pop("_subjectless", None)
    return sorted(rows, key=lambda r: (r["start"], r["end"]))
