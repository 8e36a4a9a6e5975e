"""How often each entity is mentioned (`entity_frequency`).

What a count is (the definition a researcher can cite, the same as the hand-made gold of
`../shared/eval`): the number of mentions **by name** of the entity in the text: full name,
surname alone (`Poutine` for Vladimir Poutine), acronym (`BEA`, counted under its long name
when the article defines it), other listed names of the same entity (`Bélarus` =
Biélorussie), in quotes too. Not counted: pronouns, descriptions (« le président »),
nationality adjectives and demonyms (« les Russes »), acronyms of common nouns (`AVC`).

**A name nested in a longer name counts only for the longer one**: mentions never overlap (the
longest candidate wins, then the surest source; a name is propagated to its other occurrences
only where no mention already is), so `Lorient` inside `Festival interceltique de Lorient` or
`France` inside `France 24` adds nothing to Lorient or France. A lowercase noun that names a
place or an institution belongs to the name (`place Tahrir`, `massif du Mont-Blanc`,
`université de Caen`), except `département`, `région`, `ambassade`, whose complement is the
entity (`l'ambassade de France` is a mention of France).
"""

from __future__ import annotations

import pandas as pd

from ..errors import InputError
from .corpus import extract_entities
from .lexicon import fold
from .schema import FREQUENCY_COLUMNS


def _is_mentions(table: pd.DataFrame) -> bool:
    return {"entity", "label", "start", "end"} <= set(table.columns)


def entity_frequency(
    corpus_or_mentions: pd.DataFrame,
    by: str | None = None,
    mentions: pd.DataFrame | None = None,
    corpus: pd.DataFrame | None = None,
    model: str | None = None,
) -> pd.DataFrame:
    """How often each canonical entity is mentioned (columns `FREQUENCY_COLUMNS`).

    Give the corpus table (entities are extracted with `model`), or a mentions table from
    `extract_entities` (then `corpus=` is needed only when `by` names a corpus column), or both
    the corpus and `mentions=` so that nothing is extracted twice. `by="published"` (or any
    corpus column) adds that column first and gives one row per group and entity, sorted by
    group, then count descending, then name; without `by`, by count descending, then name.
    """
    if _is_mentions(corpus_or_mentions):
        mentions = corpus_or_mentions if mentions is None else mentions
    else:
        corpus = corpus_or_mentions if corpus is None else corpus
        if mentions is None:
            mentions = extract_entities(corpus, model=model)
    keys = ["entity", "label"]
    if by is not None:
        if by not in mentions.columns:
            if corpus is None or by not in corpus.columns:
                raise InputError(
                    f"entity_frequency(by={by!r}): no such corpus column; give the corpus "
                    f"(corpus=...) and one of its columns"
                    + (f" ({', '.join(map(str, corpus.columns))})" if corpus is not None else "")
                )
            groups = corpus[["doc_id", by]].astype({"doc_id": str})
            mentions = mentions.astype({"doc_id": str}).merge(groups, on="doc_id", how="left")
        keys = [by, *keys]
    return _frequency_table(mentions, keys)


def _frequency_table(mentions: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    columns = keys + FREQUENCY_COLUMNS[2:]
    if mentions.empty:
        return pd.DataFrame(columns=columns).astype({"count": "int64", "documents": "int64"})
    grouped = mentions.groupby(keys, dropna=False, sort=False)
    table = grouped.agg(
        count=("entity", "size"),
        documents=("doc_id", "nunique"),
        forms=("text", lambda forms: "; ".join(sorted(set(forms)))),
    ).reset_index()
    table["name_key"] = table["entity"].map(fold)
    order = keys[:-2] + ["count", "name_key", "entity", "label"]
    ascending = [True] * len(keys[:-2]) + [False, True, True, True]
    table = table.sort_values(order, ascending=ascending, kind="stable", na_position="last")
    return table[columns].reset_index(drop=True)
