"""Names unified across the articles of a corpus and the mention table of `extract_entities`."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from .canonical import longest_names
from .lexicon import _alias_label, fold
from .schema import COLUMNS, LABELS


def extract_entities(
    corpus: pd.DataFrame,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 32,
) -> pd.DataFrame:
    """One row per entity mention in the corpus (columns `COLUMNS`), sorted by doc and offset."""
    from ..pipeline import analysis_table

    return analysis_table("entities", corpus, model, n_process, batch_size)


def entities_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """`doc_entities` rows of a whole corpus → the table of `extract_entities`: names unified
    across articles (`unify_corpus`), integer offsets, sorted by doc_id, start, end. A one-pass
    or distributed pipeline calls this once on all its rows."""
    table = unify_corpus(mentions.reindex(columns=COLUMNS))
    table = table.astype({"start": "int64", "end": "int64", "sentence": "int64"})
    return table.sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)


def corpus_names(mentions: pd.DataFrame) -> dict[str, str]:
    """Each article-level canonical name of `doc_entities` rows → its corpus-wide name (as
    `unify_corpus` gives it), so that other tables (quote speakers) use the same names."""
    if mentions.empty:
        return {}
    unified = unify_corpus(mentions.reindex(columns=COLUMNS))
    return dict(zip(mentions["entity"], unified["entity"], strict=True))


def unify_corpus(mentions: pd.DataFrame) -> pd.DataFrame:
    """Corpus-wide names: a surname alone goes to the only full person name ending with it, and
    names differing only in case or accents merge under their most frequent spelling, with the
    alias table's label or else the most frequent one (ties: PER, ORG, LOC, MISC)."""
    if mentions.empty:
        return mentions
    mentions = mentions.copy()
    full = _full_person_names(set(mentions.loc[mentions["label"] == "PER", "entity"]))
    mentions["entity"] = mentions["entity"].map(lambda name: full.get(name, name))
    mentions["entity"] = _most_frequent(mentions, mentions["entity"].map(fold), "entity")
    labels = _most_frequent(mentions, mentions["entity"], "label", order=LABELS)
    aliased = mentions["entity"].map(_alias_label)
    mentions["label"] = aliased.fillna(labels)
    return mentions


def _full_person_names(people: set[str]) -> dict[str, str]:
    """Each person name → the only longer name in `people` ending with it (names are compared
    only within the same last word, so that this stays fast on large corpora)."""
    by_last: dict[str, list[str]] = defaultdict(list)
    for name in people:
        by_last[fold(name).rsplit(" ", 1)[-1]].append(name)
    full = {}
    for name in people:
        longer = longest_names(name, by_last[fold(name).rsplit(" ", 1)[-1]])
        if len(longer) == 1:
            full[name] = longer[0]
    return full


def _most_frequent(
    table: pd.DataFrame, key: pd.Series, column: str, order: tuple[str, ...] = ()
) -> pd.Series:
    """For each row, the most frequent value of `column` among rows with the same `key`; ties
    go to the value first in `order`, then to the first in sorted order."""
    counts = (
        pd.DataFrame({"key": key.to_numpy(), "value": table[column].to_numpy()})
        .value_counts()
        .rename("n")
        .reset_index()
    )
    counts["rank"] = counts["value"].map(lambda v: order.index(v) if v in order else len(order))
    best = counts.sort_values(
        ["key", "n", "rank", "value"], ascending=[True, False, True, True], kind="stable"
    ).drop_duplicates("key")
    return key.map(dict(zip(best["key"], best["value"], strict=True)))
