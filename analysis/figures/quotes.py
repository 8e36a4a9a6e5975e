"""Figures of quoted language: the most charged quotes, and the mean per most-quoted speaker."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.transforms import blended_transform_factory

from . import style as plots
from .words import say


def _diverging(labels: list[str], values: list[float], title: str, xlabel: str) -> Figure:
    """Horizontal bars centred on 0, negative and positive in the house colours; each value is
    written in a column right of the axes, where it can never touch a bar or a label."""
    with plots.house_style():
        fig, ax = plots.new_figure(10, max(2.5, 0.34 * len(labels) + 1.3))
        colours = [plots.NEGATIVE if v < 0 else plots.POSITIVE if v > 0 else plots.NEUTRAL
                   for v in values]
        positions = list(range(len(labels)))[::-1]
        ax.set_axisbelow(True)
        ax.barh(positions, values, color=colours, height=0.65)
        column = blended_transform_factory(ax.transAxes, ax.transData)
        for y, value in zip(positions, values, strict=True):
            if value == 0:  # a neutral quote still gets a visible mark at 0
                ax.plot([0], [y], marker="o", color=plots.NEUTRAL, markersize=5)
            ax.text(1.01, y, f"{value:+.2f}" if value else "0", transform=column, va="center",
                    ha="left", fontsize=8, color="#333333", clip_on=False)
        ax.set_yticks(positions, labels, fontsize=8.5)
        ax.tick_params(axis="y", length=0)
        ax.axvline(0, color="#333333", linewidth=0.8)
        ax.set_xlim(-1.15, 1.15)
        ax.set_ylim(-0.7, len(labels) - 0.3)
        ax.set_xlabel(xlabel)
        ax.set_title(title)
        fig.tight_layout()
    return fig


def plot_quote_sentiment(quotes: pd.DataFrame, limit: int = 30, lang: str = "en") -> Figure:
    """The `limit` most charged quotes (by absolute sentiment) as bars labelled « speaker:
    snippet »; the title says how many of how many quotes are shown."""
    if quotes.empty:
        return plots.empty_figure(say(lang, "quotes.none"), say(lang, "quotes.title"))
    chosen = quotes.assign(_abs=quotes["sentiment"].abs()).sort_values(
        ["_abs", "doc_id", "start"], ascending=[False, True, True], kind="stable").head(limit)
    unknown, reported = say(lang, "quotes.unknown"), say(lang, "quotes.reported")
    colon = " :" if lang == "fr" else ":"  # French puts a space before the colon
    labels = [f"{plots.snippet(row.speaker, 28) if row.speaker else unknown}{colon} "
              f"« {plots.snippet(row.text, 50)} »" if row.kind != "indirect" else
              f"{plots.snippet(row.speaker, 28) if row.speaker else unknown} ({reported})"
              f"{colon} {plots.snippet(row.text, 50)}"
              for row in chosen.itertuples()]
    title = (say(lang, "quotes.top", n=len(chosen), total=len(quotes)) if len(quotes) > limit
             else say(lang, "quotes.all", n=len(quotes)))
    return _diverging(labels, chosen["sentiment"].tolist(), title, say(lang, "quotes.xlabel"))


def plot_speaker_sentiment(by_speaker: pd.DataFrame, limit: int = 25,
                           lang: str = "en") -> Figure:
    """Mean sentiment of the `limit` most-quoted speakers (from `quote_sentiment_by_speaker`),
    most quoted first, each labelled with its number of quotes; the title says how many of how
    many speakers are shown. Quotes without a speaker are one row, « unknown »."""
    if by_speaker.empty:
        return plots.empty_figure(say(lang, "quotes.none"), say(lang, "speakers.title"))
    chosen = by_speaker.sort_values("quotes", ascending=False, kind="stable").head(limit)
    unknown = say(lang, "quotes.unknown")
    labels = [say(lang, "speakers.counts" if row.quotes > 1 else "speakers.count",
                  name=plots.snippet(row.speaker, 40) if row.speaker else unknown, n=row.quotes)
              for row in chosen.itertuples()]
    title = (say(lang, "speakers.top", n=len(chosen), total=len(by_speaker))
             if len(by_speaker) > limit else say(lang, "speakers.all", n=len(by_speaker)))
    return _diverging(labels, chosen["mean_sentiment"].tolist(), title,
                      say(lang, "speakers.xlabel"))
