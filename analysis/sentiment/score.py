"""From charged terms to one score per text, and the public scoring functions.

Aggregation: `sentiment = clip(sum(values) / sqrt(n_terms), -1, 1)`, 0 when no term counts or
when that figure lies inside the neutral band (|figure| < `NEUTRAL_BAND`). A single charged word
keeps its full value (« agressives » → -0.80), several charged words of one sign reinforce each
other, words of opposite signs cancel, and a neutral text scores 0. The terms are listed even
when the band sets the score to 0, so a reader sees the mild words that were found.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

from .terms import charged_terms

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Doc, Span

COLUMNS = ["text", "sentiment", "sentiment_terms", "n_terms"]
"""Columns of `score_sentiment`: the input text, its score in [-1, 1], the terms with their
signed values ("agressif:-0.80; conflictuel:-0.60"), and how many terms counted."""


NEUTRAL_BAND = 0.15
"""Aggregates closer to 0 than this are neutral: charged words that nearly cancel (« superbe »
+0.80 against « grave » -0.50 and « risque » -0.30 → +0.0). Calibrated on the development quotes
of real news (`../shared/eval`): bands from 0.10 to 0.40 were tried; 0.10–0.15 make the most
signs right, wider bands silence the single mild words (0.20–0.30) that readers do count."""


def aggregate(values: list[float]) -> float:
    """clip(sum / sqrt(n), -1, 1); 0.0 when there is no term or inside the neutral band."""
    if not values:
        return 0.0
    value = max(-1.0, min(1.0, sum(values) / math.sqrt(len(values))))
    return 0.0 if abs(value) < NEUTRAL_BAND else value


def format_terms(terms: list[tuple[str, float]]) -> str:
    """"lemma:value; …" with signed two-decimal values."""
    return "; ".join(f"{lemma}:{value:.2f}" for lemma, value in terms)


def span_sentiment(span: Span | Doc, skip: set[int] | None = None) -> tuple[float, str, int]:
    """(score, terms, n_terms) of a Doc or Span; `skip` holds token indices never to count."""
    terms = charged_terms(span, skip)
    return round(aggregate([v for _, v in terms]), 4), format_terms(terms), len(terms)


def score_sentiment(
    texts: str | Doc | Iterable[str | Doc], model: str | None = None
) -> pd.DataFrame:
    """Score each text or Doc (plain strings are parsed through the shared cache).

    Returns one row per input, in input order, with the columns in `COLUMNS`.
    """
    from spacy.tokens import Doc

    from ..nlp import iter_docs

    items = [texts] if isinstance(texts, str | Doc) else list(texts)
    strings = [item for item in items if isinstance(item, str)]
    parsed = iter_docs(strings, model=model) if strings else iter(())
    rows = []
    with contextlib.closing(parsed) if strings else contextlib.nullcontext():
        for item in items:
            doc = next(parsed) if isinstance(item, str) else item
            score, terms, n_terms = span_sentiment(doc)
            rows.append({"text": doc.text, "sentiment": score, "sentiment_terms": terms,
                         "n_terms": n_terms})
    return pd.DataFrame(rows, columns=COLUMNS)
