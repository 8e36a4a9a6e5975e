"""The mentions of one parsed article: every rule of the package in order (`doc_mentions`) and
the rows of the entity table (`doc_entities`)."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .acronyms import _link_acronyms, _link_spelled
from .canonical import _canonicalise, _propagate, _short_references
from .features import feature_mentions, typed_mentions
from .heads import head_mentions
from .labels import (
    _clubs_by_city,
    _is_demonym,
    _is_group_noun,
    _people_lists,
    _places_by_region,
    _relabel,
)
from .lexicon import rules
from .mentions import _model_mentions, _pattern_mentions
from .names import clean_span
from .persons import _name_mentions, _prefer_names
from .schema import Mention
from .spans import (
    _non_prose,
    _opens_sentence,
    _overlaps,
    _quoted_titles,
    _select,
    _sentence_starts,
    _whole_words,
)
from .splits import split_glued

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Doc


def doc_mentions(doc: Doc, text: str | None = None, starts: list[int] | None = None
                 ) -> list[tuple[Mention, str]]:
    """Cleaned, relabelled and canonicalised mentions of one parsed document (`text` is
    `doc.text` and `starts` its sentences' first characters, passed when the caller has them,
    as spaCy rebuilds the text on each access)."""
    text = doc.text if text is None else text
    blocked = _non_prose(text)
    starts = _sentence_starts(doc) if starts is None else starts
    candidates = _model_mentions(doc) + _pattern_mentions(text) + _name_mentions(text)
    candidates += feature_mentions(text) + typed_mentions(text) + head_mentions(doc)
    candidates = _prefer_names(text, candidates)
    cleaned_of: dict[tuple[int, int, str, bool], Mention | None] = {}  # one per distinct span
    cleaned = []
    for m in candidates:
        if m.source == "institution" or (m.source == "alias" and text[m.start].islower()):
            cleaned.append(m)
            continue
        opens = _opens_sentence(text, m.start, starts)
        key = (m.start, m.end, m.label, opens)
        if key not in cleaned_of:
            cleaned_of[key] = clean_span(text, m, opens)
        found = cleaned_of[key]
        cleaned.append(found if found is None or found.source == m.source
                       else replace(found, source=m.source))
    cleaned = [_whole_words(text, m) for m in cleaned if m is not None]
    cleaned = split_glued(text, [m for m in cleaned if m is not None])
    quoted = _quoted_titles(text)
    kept = _select(
        [
            m
            for m in cleaned
            if m is not None
            and not _overlaps(m, blocked)
            and not _is_group_noun(text, m)
            and not _is_demonym(text, m)
            and not (m.source == "model" and _overlaps(m, quoted))
        ]
    )
    designators = [(m.start, m.end) for m in kept if m.source == "designator"]
    designators += [  # `McDonnell Douglas MD-83`: a name ending with a model designator
        (m.start, m.end)
        for m in cleaned
        if m is not None
        and m.source == "designator"
        and any(k.end == m.end and k.start < m.start for k in kept)
    ]
    bases = {
        match.group(1)
        for m in kept
        if m.source == "designator"
        and (match := re.match(rules()["designator_base"], text[m.start : m.end]))
    }
    kept = [_relabel(text, m, designators, bases) for m in kept]
    kept = _clubs_by_city(text, kept)
    kept = _propagate(text, kept, blocked, dict.fromkeys(bases, "MISC"))
    kept = _typed_labels(text, kept)
    kept = _people_lists(text, kept)
    kept = _places_by_region(text, kept)
    kept, linked = _link_acronyms(text, kept)
    kept, linked = _link_spelled(text, kept, linked)
    shorts = {
        short: long
        for short, long in _short_references(text, kept).items()
        if short not in linked and not short.isupper()  # `HP` of `Hewlett-Packard (HP)`
    }
    linked.update(shorts)
    kept = _labelled_as_long(text, kept, shorts)
    return _canonicalise(text, kept, linked)


def doc_entities(doc: Doc, doc_id: str) -> list[dict]:
    """One row per entity mention of one parsed document (see `COLUMNS`), sorted by offset.

    Works on the Doc alone, so that a one-pass pipeline can call it beside other analyses.
    """
    starts, text = _sentence_starts(doc), doc.text  # doc.text is rebuilt on each access
    return [
        {
            "doc_id": doc_id,
            "start": mention.start,
            "end": mention.end,
            "text": text[mention.start : mention.end],
            "label": mention.label,
            "entity": entity,
            "sentence": bisect.bisect_right(starts, mention.start) - 1,
        }
        for mention, entity in doc_mentions(doc, text, starts)
    ]


def _typed_labels(text: str, mentions: list[Mention]) -> list[Mention]:
    """Every mention of a form named once after a type noun (`l'ouragan Sandy`) takes the
    noun's label (`features.typed_mentions`), whatever the model said elsewhere."""
    typed = {text[m.start : m.end]: m.label for m in mentions if m.source == "typed"}
    if not typed:
        return mentions
    return [
        replace(m, label=typed[text[m.start : m.end]]) if text[m.start : m.end] in typed else m
        for m in mentions
    ]


def _labelled_as_long(text: str, mentions: list[Mention], shorts: dict[str, str]) -> list[Mention]:
    """A short reference (`le Forum`) takes the label of the name it stands for."""
    if not shorts:
        return mentions
    labels = {text[m.start : m.end]: m.label for m in mentions}
    return [
        replace(m, label=labels[shorts[text[m.start : m.end]]])
        if text[m.start : m.end] in shorts
        else m
        for m in mentions
    ]
