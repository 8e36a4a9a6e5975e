"""The tidy quote table and its summaries (charged terms, sentiment by speaker).
"""

from __future__ import annotations

import pandas as pd

from ..labels import snippet

COLUMNS = [
    "doc_id", "start", "end", "text", "kind", "speaker", "speaker_start", "speaker_end",
    "verb", "rule", "sentiment", "sentiment_terms", "mentions",
]
CHARGED_COLUMNS = ["doc_id", "start", "end", "speaker", "kind", "term", "value", "quote"]
"""Columns of `charged_terms`: one row per charged term of a quote — the quote's doc_id,
start, end, speaker and kind, the lexicon term, its signed value in context (after negation and
intensifiers) and a short snippet of the quote."""
SPEAKER_COLUMNS = ["speaker", "quotes", "mean_sentiment", "min_sentiment", "charged_terms"]
"""Columns of `quote_sentiment_by_speaker`: speaker ("" = unknown), number of quotes, mean and
minimum sentiment, and the most charged terms of that speaker's quotes ("term:value; …")."""

def quotes_table(rows: list[dict] | pd.DataFrame, names: dict[str, str] | None = None
                 ) -> pd.DataFrame:
    """Rows → the tidy table, typed and sorted, all columns even when empty. `names` maps the
    article-level entity names of `speaker` and `mentions` to corpus-wide ones
    (`entities.corpus_names`), so a speaker is one name across articles, as in the entity table.
    """
    table = pd.DataFrame(rows, columns=COLUMNS)
    if names:
        table["speaker"] = table["speaker"].map(lambda name: names.get(name, name))
        table["mentions"] = table["mentions"].map(
            lambda cell: "; ".join(dict.fromkeys(names.get(n, n) for n in cell.split("; ") if n))
        )
    for column in ("start", "end", "speaker_start", "speaker_end"):
        table[column] = table[column].astype("int64")
    table["sentiment"] = table["sentiment"].astype("float64")
    return table.sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)


def extract_quotes(corpus: pd.DataFrame, model: str | None = None, n_process: int = 1,
                   batch_size: int = 32) -> pd.DataFrame:
    """One row per quote of every article (columns in `COLUMNS`, see the module doc): one
    parse, one entity pass and one quote pass per Doc; speakers named as in the entity table."""
    from ..pipeline import analysis_table

    return analysis_table("quotes", corpus, model, n_process, batch_size)


def split_terms(cell: object) -> list[tuple[str, float]]:
    """"agressif:-0.80; paix:0.60" → [("agressif", -0.8), ("paix", 0.6)]."""
    pairs = []
    for item in filter(None, str(cell or "").split("; ")):
        word, _, value = item.rpartition(":")
        pairs.append((word, float(value)))
    return pairs


def charged_terms(quotes: pd.DataFrame) -> pd.DataFrame:
    """Every charged term of every quote (columns in `CHARGED_COLUMNS`), the most charged
    first (by absolute value, then doc_id, start, end, term), so `.head(n)` shows the words
    that weigh most."""
    rows = [
        {"doc_id": row.doc_id, "start": row.start, "end": row.end, "speaker": row.speaker,
         "kind": row.kind, "term": term, "value": value, "quote": snippet(row.text, 60)}
        for row in quotes.itertuples()
        for term, value in split_terms(row.sentiment_terms)
    ]
    table = pd.DataFrame(rows, columns=CHARGED_COLUMNS)
    if table.empty:
        return table
    table = table.assign(_abs=table["value"].abs()).sort_values(
        ["_abs", "doc_id", "start", "end", "term"], ascending=[False, True, True, True, True],
        kind="stable")
    return table.drop(columns="_abs").reset_index(drop=True)


def quote_sentiment_by_speaker(quotes: pd.DataFrame, top_terms: int = 5) -> pd.DataFrame:
    """Per speaker: number of quotes, mean and min sentiment, the `top_terms` most charged
    terms (by absolute value). Sorted from the most negative mean; "" is the unknown speaker."""
    rows = []
    for speaker, group in quotes.groupby("speaker", sort=True):
        terms: dict[str, float] = {}
        for cell in group["sentiment_terms"]:
            for word, value in split_terms(cell):
                terms.setdefault(word, value)
        ranked = sorted(terms.items(), key=lambda kv: (-abs(kv[1]), kv[0]))[:top_terms]
        rows.append({
            "speaker": speaker, "quotes": len(group),
            "mean_sentiment": round(float(group["sentiment"].mean()), 4),
            "min_sentiment": round(float(group["sentiment"].min()), 4),
            "charged_terms": "; ".join(f"{w}:{v:.2f}" for w, v in ranked),
        })
    table = pd.DataFrame(rows, columns=SPEAKER_COLUMNS)
    return table.sort_values(["mean_sentiment", "speaker"], kind="stable").reset_index(drop=True)
