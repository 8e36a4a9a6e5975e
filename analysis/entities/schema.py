"""Columns of the entity tables, the four labels and the `Mention` candidate span."""

from __future__ import annotations

from dataclasses import dataclass

COLUMNS = ["doc_id", "start", "end", "text", "label", "entity", "sentence"]
"""Columns of `extract_entities` (one row per mention):

- `doc_id`: the article.
- `start`, `end`: character offsets of the mention in the article's `text`.
- `text`: the surface form, `text[start:end]`.
- `label`: PER (person), LOC (place), ORG (organisation) or MISC (weapon systems, events...).
- `entity`: the canonical name the mention is counted under.
- `sentence`: index (from 0) of the sentence holding the mention in the parsed document.
"""

FREQUENCY_COLUMNS = ["entity", "label", "count", "documents", "forms"]
"""Columns of `entity_frequency` (one row per entity, or per entity and group with `by`):

- `entity`, `label`: the canonical name and its label.
- `count`: number of mentions.
- `documents`: number of articles naming it.
- `forms`: the surface forms counted under it, sorted and joined with `; `.
"""

LABELS = ("PER", "LOC", "ORG", "MISC")
LABEL_NAMES = {"PER": "person", "LOC": "place", "ORG": "organisation", "MISC": "other"}
_PRIORITY = {
    "model": 0,
    "propagated": 0,
    "name": 1,
    "institution": 2,
    "alias": 2,
    "designator": 3,
    "typed": 3,
}
_TITLE = "Most-mentioned named entities"


@dataclass(frozen=True)
class Mention:
    """A candidate mention: character span, label and where it came from."""

    start: int
    end: int
    label: str
    source: str = "model"
