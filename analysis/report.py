"""The main job: turn a corpus into a report folder."""

from __future__ import annotations

from pathlib import Path

from .corpus import load_corpus
from .tables import write_table


def run_report(corpus: str | None, out: Path) -> None:
    """Load the corpus and write its table to `out/tables/corpus.csv`."""
    table = load_corpus(corpus)
    write_table(table.drop(columns=["text"]), out / "tables" / "corpus.csv")
