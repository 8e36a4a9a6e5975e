"""Figures of named entities: the most-mentioned, and their mentions over time."""

from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from ..entities import LABELS, fold
from . import style as plots
from .words import date_text, say


def _empty_figure(message: str, title: str) -> Figure:
    """`plots.empty_figure`, laid out so its title is not cut however the figure is saved."""
    fig = plots.empty_figure(message, title)
    with plots.house_style():
        fig.tight_layout()
    return fig


def plot_entity_frequency(freq: pd.DataFrame, top: int = 20, lang: str = "en") -> Figure:
    """Horizontal bars of the `top` most-mentioned entities, coloured by label, biggest on top.

    `freq` is `entity_frequency(...)`; with a `by` column the groups are summed first. The
    title says how many of how many entities are shown; `lang` is "en" or "fr".
    """
    if freq is None or freq.empty:
        return _empty_figure(say(lang, "entities.none"), say(lang, "entities.title"))
    every = (
        freq.groupby(["entity", "label"], as_index=False)["count"]
        .sum()
        .assign(name_key=lambda t: t["entity"].map(fold))
        .sort_values(["count", "name_key"], ascending=[False, True], kind="stable")
    )
    totals = every.head(top).iloc[::-1]
    title = (say(lang, "entities.title") if len(every) <= top
             else say(lang, "entities.top", top=top, total=len(every)))
    with plots.house_style():
        fig, ax = plots.new_figure(9, max(2.6, 1.2 + 0.32 * len(totals)))
        colours = [plots.LABEL_COLOURS.get(label, plots.NEUTRAL) for label in totals["label"]]
        bars = ax.barh(range(len(totals)), totals["count"], color=colours, height=0.7)
        ax.set_yticks(range(len(totals)), [plots.snippet(e, 40) for e in totals["entity"]])
        ax.bar_label(bars, labels=[str(c) for c in totals["count"]], padding=3, fontsize=9)
        ax.set_xlim(0, totals["count"].max() * 1.12 + 0.5)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel(say(lang, "entities.xlabel"))
        ax.set_title(title)
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="y", visible=False)
        ax.set_axisbelow(True)
        present = [label for label in LABELS if label in set(totals["label"])]
        handles = [Rectangle((0, 0), 1, 1, color=plots.LABEL_COLOURS[label]) for label in present]
        ax.legend(
            handles,
            [f"{say(lang, 'label.' + label)} ({label})" for label in present],
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            frameon=False,
        )
        fig.tight_layout()  # fits labels and legend in the canvas, however the figure is saved
    return fig


def time_bins(dates: pd.Series) -> tuple[str, str]:
    """The bin for counts over `dates`' span, and its pandas period code: a week up to four
    months, a month up to six years, a year beyond (so a panel never holds hundreds of bars)."""
    span = (dates.max() - dates.min()).days if len(dates) else 0
    if span <= 120:
        return "week", "W-SUN"
    return ("month", "M") if span <= 6 * 366 else ("year", "Y")


def plot_entity_trends(freq_by: pd.DataFrame, top: int = 8, lang: str = "en") -> Figure:
    """Mentions per week, month or year (chosen from the span) of the `top` most-mentioned
    entities: one small panel per entity on a shared true time axis, each with its own y scale
    (its largest count always shows), coloured by label.

    `freq_by` is `entity_frequency(..., by="published")`; its first column is the group.
    Undated mentions are left out; with fewer than two groups there is nothing to compare, and
    the figure says so. A group that is not a date (e.g. doc_id) is drawn as categories.
    """
    title = say(lang, "trends.title")
    if freq_by is None or freq_by.empty:
        return _empty_figure(say(lang, "entities.none"), title)
    group = freq_by.columns[0]
    dated = freq_by.dropna(subset=[group])
    groups = sorted(dated[group].unique())
    if len(groups) < 2:
        return _empty_figure(_single_group_message(group, groups, lang), title)
    totals = dated.groupby(["entity", "label"])["count"].sum()
    ranked = sorted(totals.index, key=lambda key: (-totals[key], fold(key[0])))[:top]
    title = say(lang, "trends.top", n=len(ranked))
    is_date = isinstance(groups[0], pd.Timestamp)
    if is_date:
        bin_name, code = time_bins(pd.Series(groups))
        periods = pd.to_datetime(dated[group]).dt.to_period(code)
        dated = dated.assign(**{group: periods.dt.start_time})
        full = pd.period_range(periods.min(), periods.max(), freq=code).start_time
    table = dated.pivot_table(index=group, columns="entity", values="count", aggfunc="sum")
    index = full if is_date else groups
    table = table.reindex(index=index, columns=[name for name, _ in ranked]).fillna(0)
    columns = 1 if len(ranked) <= 3 else 2
    rows = -(-len(ranked) // columns)
    with plots.house_style():
        fig, axes = plots.new_figure(10, 1.0 + 1.45 * rows, nrows=rows, ncols=columns,
                                     sharex=True, squeeze=False)
        if is_date:
            x = mdates.date2num(np.asarray(table.index.to_pydatetime()))
            width = {"week": 5.5, "month": 24.0, "year": 300.0}[bin_name]
        else:
            x, width = np.arange(len(table.index)), 0.7
        for ax, (name, label) in zip(axes.flat, ranked, strict=False):
            colour = plots.LABEL_COLOURS.get(label, plots.NEUTRAL)
            values = table[name].to_numpy()
            ax.bar(x, values, width=width, align="edge" if is_date else "center", color=colour)
            ax.set_title(f"{plots.snippet(name, 40)} ({label})", fontsize=10)
            ax.grid(axis="y", visible=True)
            ax.grid(axis="x", visible=False)
            ax.set_ylim(0, max(values.max(), 1) * 1.15)
            ax.yaxis.get_major_locator().set_params(integer=True, nbins=3)
        for ax in list(axes.flat)[len(ranked) :]:
            ax.set_axis_off()
        for column in range(columns):  # dates under the lowest panel of each column
            lowest = max(i for i in range(len(ranked)) if i % columns == column)
            axes.flat[lowest].xaxis.set_tick_params(labelbottom=True)
        fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=12)
        if is_date:
            fig.supylabel(say(lang, "trends.ylabel", bin=say(lang, f"bin.{bin_name}")),
                          fontsize=10)
            pad = width * 0.6
            plots.date_axis(axes.flat[0], float(x.min()) - pad, float(x.max()) + width + pad,
                            lang, maxticks=6)
        else:
            fig.supylabel(say(lang, "entities.xlabel"), fontsize=10)
            for ax in axes.flat:
                ax.set_xticks(x, [plots.snippet(str(g), 14) for g in table.index], rotation=30,
                              ha="right")
        fig.tight_layout()
    return fig


def _single_group_message(group: str, groups: list, lang: str = "en") -> str:
    if not groups:
        return say(lang, "trends.no_group", group=group)
    value = groups[0]
    if isinstance(value, pd.Timestamp):
        date = value.date().isoformat() if lang == "en" else date_text(value, "day", lang)
        return say(lang, "trends.one_date", date=date)
    return say(lang, "trends.one_group", group=group, value=value)
