"""Timelines: the dates a news article refers to, resolved against its publication date.

`extract_timeline(corpus)` returns one row per French temporal expression (« samedi »,
« le mois dernier », « le 24 février », « dans les mois à venir » …; columns: `COLUMNS`);
`mentions_by_period` counts which periods a corpus talks about. This module is the public
face: the grammar and the resolution rules live in `analysis.temporal` (one small module per
step) and the word lists in `data/temporal/`; the figures are in `analysis.figures.timeline`.
"""

from __future__ import annotations

import pandas as pd

from .temporal.periods import _period, mentions_by_period
from .temporal.table import COLUMNS, DATE_COLUMNS, doc_timeline, timeline_frame

__all__ = ["COLUMNS", "DATE_COLUMNS", "_period", "doc_timeline", "extract_timeline",
           "mentions_by_period", "timeline_frame"]


def extract_timeline(
    corpus: pd.DataFrame, model: str | None = None, n_process: int = 1, batch_size: int = 32
) -> pd.DataFrame:
    """One row per temporal expression of every article (columns: COLUMNS)."""
    from .pipeline import analysis_table

    return analysis_table("timeline", corpus, model, n_process, batch_size)
