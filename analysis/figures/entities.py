"""Figures of named entities: the most-mentioned, and their mentions over time."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from ..entities import _TITLE, LABEL_NAMES, LABELS, fold
from . import style as plots


def _empty_figure(message: str, title: str) -> Figure:
    """`plots.empty_figure`, laid out so its title is not cut however the figure is saved."""
    fig = plots.empty_figure(message, title)
    with plots.house_style():
        fig.tight_layout()
    return fig


def plot_entity_frequency(freq: pd.DataFrame, top: int = 20) -> Figure:
    """Horizontal bars of the `top` most-mentioned entities, coloured by label, biggest on top.

    `freq` is `entity_frequency(...)`; with a `by` column the groups are summed first.
    """
    if freq is None or freq.empty:
        return _empty_figure("No named entities found.", _TITLE)
    every = (
        freq.groupby(["entity", "label"], as_index=False)["count"]
        .sum()
        .assign(name_key=lambda t: t["entity"].map(fold))
        .sort_values(["count", "name_key"], ascending=[False, True], kind="stable")
    )
    totals = every.head(top).iloc[::-1]
    title = _TITLE if len(every) <= top else f"{_TITLE} (top {top} of {len(every)})"
    with plots.house_style():
        fig, ax = plots.new_figure(9, max(2.6, 1.2 + 0.32 * len(totals)))
        colours = [plots.LABEL_COLOURS.get(label, plots.NEUTRAL) for label in totals["label"]]
        bars = ax.barh(range(len(totals)), totals["count"], color=colours, height=0.7)
        ax.set_yticks(range(len(totals)), [plots.snippet(e, 40) for e in totals["entity"]])
        ax.bar_label(bars, labels=[str(c) for c in totals["count"]], padding=3, fontsize=9)
        ax.set_xlim(0, totals["count"].max() * 1.12 + 0.5)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel("mentions")
        ax.set_title(title)
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="y", visible=False)
        ax.set_axisbelow(True)
        present = [label for label in LABELS if label in set(totals["label"])]
        handles = [
            plt.Rectangle((0, 0), 1, 1, color=plots.LABEL_COLOURS[label]) for label in present
        ]
        ax.legend(
            handles,
            [f"{LABEL_NAMES[label]} ({label})" for label in present],
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            frameon=False,
        )
        fig.tight_layout()  # fits labels and legend in the canvas, however the figure is saved
    return fig


def plot_entity_trends(freq_by: pd.DataFrame, top: int = 8) -> Figure:
    """Mentions per group (e.g. publication date) of the `top` most-mentioned entities: one
    small panel per entity on shared axes, coloured by label, so each trend reads on its own.

    `freq_by` is `entity_frequency(..., by="published")`; its first column is the group.
    Undated mentions are left out; with fewer than two groups there is nothing to compare, and
    the figure says so.
    """
    title = "Mentions over time of the most-named entities"
    if freq_by is None or freq_by.empty:
        return _empty_figure("No named entities found.", title)
    group = freq_by.columns[0]
    dated = freq_by.dropna(subset=[group])
    groups = sorted(dated[group].unique())
    if len(groups) < 2:
        return _empty_figure(_single_group_message(group, groups), title)
    totals = dated.groupby(["entity", "label"])["count"].sum()
    ranked = sorted(totals.index, key=lambda key: (-totals[key], fold(key[0])))[:top]
    title = f"Mentions over time of the {len(ranked)} most-named entities"
    table = dated.pivot_table(index=group, columns="entity", values="count", aggfunc="sum")
    table = table.reindex(index=groups, columns=[name for name, _ in ranked]).fillna(0)
    columns = 1 if len(ranked) <= 3 else 2
    rows = -(-len(ranked) // columns)
    with plots.house_style():
        fig, axes = plots.new_figure(
            9,
            0.9 + 1.5 * rows,
            nrows=rows,
            ncols=columns,
            sharex=True,
            sharey=True,
            squeeze=False,
        )
        for ax, (name, label) in zip(axes.flat, ranked, strict=False):
            colour = plots.LABEL_COLOURS.get(label, plots.NEUTRAL)
            # stems, not lines: counts belong to publication dates, nothing lies between them
            ax.vlines(table.index, 0, table[name], color=colour, linewidth=2.5)
            ax.plot(table.index, table[name], "o", markersize=5, color=colour)
            ax.set_title(f"{plots.snippet(name, 40)} ({label})", fontsize=10)
            ax.grid(axis="y", visible=True)
            ax.set_ylim(bottom=0)
            ax.yaxis.get_major_locator().set_params(integer=True, nbins=3)
        for ax in list(axes.flat)[len(ranked) :]:
            ax.set_axis_off()
        for column in range(columns):  # dates under the lowest panel of each column
            lowest = max(i for i in range(len(ranked)) if i % columns == column)
            axes.flat[lowest].xaxis.set_tick_params(labelbottom=True)
        fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=12)
        fig.supylabel("mentions", fontsize=10)
        if isinstance(groups[0], pd.Timestamp):
            plots.french_date_axis(axes.flat[0])  # shared x: every panel gets French dates
        else:
            fig.autofmt_xdate()
        fig.tight_layout()
    return fig


def _single_group_message(group: str, groups: list) -> str:
    if not groups:
        return f"No mention has a {group} value: nothing to compare."
    value = groups[0]
    if isinstance(value, pd.Timestamp):
        return f"All dated articles were published on {value.date()}: nothing to compare."
    return f"All articles share one {group} ({value}): nothing to compare."
