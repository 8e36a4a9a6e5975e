"""Figures of quoted language: each quote's sentiment, and the mean per speaker."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from . import style as plots


def _diverging(labels: list[str], values: list[float], title: str, xlabel: str) -> Figure:
    """Horizontal bars centred on 0, negative and positive in the house colours."""
    with plots.house_style():
        fig, ax = plots.new_figure(9, max(2.5, 0.42 * len(labels) + 1.2))
        colours = [plots.NEGATIVE if v < 0 else plots.POSITIVE if v > 0 else plots.NEUTRAL
                   for v in values]
        positions = list(range(len(labels)))[::-1]
        ax.set_axisbelow(True)
        ax.barh(positions, values, color=colours, height=0.65)
        for y, value in zip(positions, values, strict=True):
            if value == 0:  # a neutral quote still gets a visible mark at 0
                ax.plot([0], [y], marker="o", color=plots.NEUTRAL, markersize=5)
            ax.text(value + (0.03 if value >= 0 else -0.03), y, f"{value:+.2f}" if value else "0",
                    va="center", ha="left" if value >= 0 else "right", fontsize=8,
                    color="#333333")
        ax.set_yticks(positions, labels)
        ax.axvline(0, color="#333333", linewidth=0.8)
        ax.set_xlim(-1.15, 1.15)
        ax.set_xlabel(xlabel)
        ax.set_title(title)
        fig.tight_layout()
    return fig


def plot_quote_sentiment(quotes: pd.DataFrame, limit: int = 30) -> Figure:
    """Each quote's sentiment as a bar labelled « speaker: snippet » (most charged first)."""
    if quotes.empty:
        return plots.empty_figure("No quotes found", "Sentiment of quotes")
    chosen = quotes.assign(_abs=quotes["sentiment"].abs()).sort_values(
        ["_abs", "doc_id", "start"], ascending=[False, True, True], kind="stable").head(limit)
    labels = [f"{row.speaker or 'unknown'}: « {plots.snippet(row.text, 45)} »"
              if row.kind != "indirect" else
              f"{row.speaker or 'unknown'} (reported): {plots.snippet(row.text, 45)}"
              for row in chosen.itertuples()]
    return _diverging(labels, chosen["sentiment"].tolist(), "Sentiment of quotes",
                      "sentiment (−1 negative … +1 positive)")


def plot_speaker_sentiment(by_speaker: pd.DataFrame) -> Figure:
    """Mean sentiment per speaker (from `quote_sentiment_by_speaker`), labelled with counts."""
    if by_speaker.empty:
        return plots.empty_figure("No quotes found", "Sentiment by speaker")
    labels = [f"{row.speaker or 'unknown'} ({row.quotes} quote{'s' * (row.quotes > 1)})"
              for row in by_speaker.itertuples()]
    return _diverging(labels, by_speaker["mean_sentiment"].tolist(), "Sentiment by speaker",
                      "mean sentiment of quotes (−1 … +1)")
