"""Figures of the timeline: dated events of every article on one axis; periods referred to."""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.textpath import TextToPath

from ..temporal import DAY
from ..timeline import _period, mentions_by_period
from . import style as plots

DIRECTION_COLOURS = {"past": plots.PALETTE[0], "present": plots.PALETTE[2],
                     "future": plots.PALETTE[5]}
FIG_WIDTH, LEFT_IN, RIGHT_IN = 12.0, 2.3, 0.3  # inches: the axes are 9.4 in wide
ROW_IN, LABEL_SIZE, FAR_YEARS = 0.3, 7.5, 2
"""Layout: one label row is 0.3 in; events more than FAR_YEARS years before the earliest (or
after the latest) publication date are pinned to the axis edge, their date in the label."""


@dataclass
class Item:
    """One drawable event: its extent on the x axis (day numbers) and its label."""

    lane: int
    kind: str  # point, bar, future, past, clipped
    x0: float
    x1: float
    label: str
    colour: str
    row: int = 0
    text_x: float = 0.0
    align: str = "left"


def _num(stamp: pd.Timestamp) -> float:
    """Matplotlib's day number of a Timestamp (through numpy: BC years have no Python datetime)."""
    return float(mdates.date2num(pd.Timestamp(stamp).as_unit("us").asm8))


def _text_points(text: str) -> float:
    """Width of a label in points, measured with the house font."""
    prop = FontProperties(family=plots.STYLE["font.family"], size=LABEL_SIZE)
    width, _, _ = TextToPath().get_text_width_height_descent(text, prop, ismath=False)
    return width


def _lanes(timeline: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per article with expressions: doc_id, label, published; by date, then id."""
    info = corpus.set_index("doc_id") if "doc_id" in corpus.columns else pd.DataFrame()
    ids = list(dict.fromkeys(timeline["doc_id"]))
    rows = []
    for doc_id in ids:
        record = info.loc[doc_id] if doc_id in info.index else {}
        published = record.get("published", pd.NaT) if len(record) else pd.NaT
        title = str(record.get("title", "") or "") if len(record) else ""
        name = plots.snippet(title, 34) if title else str(doc_id)
        date = plots.french_date(published) if pd.notna(published) else "no date"
        rows.append({"doc_id": doc_id, "label": f"{name}\n{date}", "published": published})
    lanes = pd.DataFrame(rows, columns=["doc_id", "label", "published"])
    return lanes.sort_values(["published", "doc_id"], na_position="last").reset_index(drop=True)


def _window(timeline: pd.DataFrame, pubs: pd.Series) -> tuple[float, float, float]:
    """x limits (day numbers) that keep recent events readable, and the open-arrow length."""
    dates = pd.concat([timeline["start_date"], timeline["end_date"] - DAY, pubs]).dropna()
    if pubs.notna().any():
        lo_limit = pubs.min() - pd.DateOffset(years=FAR_YEARS)
        hi_limit = pubs.max() + pd.DateOffset(years=FAR_YEARS)
        dates = dates[(dates >= lo_limit) & (dates <= hi_limit)]
    lo, hi = _num(dates.min()), _num(dates.max()) + 1
    span = max(hi - lo, 20.0)
    arrow = max(span * 0.12, 6.0)
    lo = min(lo, _num(pubs.min()) - arrow) if pubs.notna().any() else lo
    hi = max(hi, _num(pubs.max()) + arrow) if pubs.notna().any() else hi
    pad = (hi - lo) * 0.03
    return lo - pad, hi + pad, arrow


def _item(row, lane: int, pub: pd.Timestamp, lo: float, hi: float, arrow: float) -> Item | None:
    """Where and how to draw one expression (None when it has no date at all)."""
    start, end = row.start_date, row.end_date
    colour = DIRECTION_COLOURS.get(row.direction, plots.NEUTRAL)
    label = _label(row)
    if pd.isna(start) and pd.isna(end):
        return None
    if pd.isna(end):
        x0 = _num(pub) if pd.notna(pub) else _num(start)
        return Item(lane, "future", x0, x0 + arrow, label, colour)
    if pd.isna(start):
        x1 = _num(end)
        return Item(lane, "past", x1 - arrow, x1, label, colour)
    x0, x1 = _num(start), _num(end)
    if x1 <= lo or x0 >= hi:
        edge = lo if x1 <= lo else hi
        far = _label(row, f"{_when(row)} · ")
        return Item(lane, "clipped", edge, edge, far, colour)
    if x1 - x0 <= 1:
        return Item(lane, "point", x0 + 0.5, x0 + 0.5, label, colour)
    x0, x1 = max(x0, lo), min(x1, hi)
    least = (hi - lo) * 0.004  # a week-end on a four-year axis stays visible
    if x1 - x0 < least:
        x0, x1 = (x0 + x1 - least) / 2, (x0 + x1 + least) / 2
    return Item(lane, "bar", x0, x1, label, colour)


def _label(row, prefix: str = "") -> str:
    """« expression » and the sentence it dates, without repeating a sentence-initial
    expression (« La semaine dernière » La Lituanie a …), as a one-line snippet."""
    sentence = row.sentence.lstrip("\"“«' ")
    if sentence.lower().startswith(row.expression.lower()):
        sentence = sentence[len(row.expression):].lstrip(" ,;:")
    return plots.snippet(f"{prefix}« {row.expression} » {sentence}", 62)


def _when(row) -> str:
    """A readable date for a label: 9 nov. 1989, nov. 1989, 1961, années 1990, 20e siècle."""
    if row.granularity == "day":
        return plots.french_date(row.start_date)
    return _period(row)[2]


def _pack(items: list[Item], lo: float, hi: float) -> int:
    """Give each item a row so that no two labels (or bars) of a lane overlap; rows used."""
    per_point = (hi - lo) / ((FIG_WIDTH - LEFT_IN - RIGHT_IN) * 72)
    gap = 6 * per_point
    ends: list[float] = []
    for item in sorted(items, key=lambda i: (i.x0, i.x1)):
        width = _text_points(item.label) * per_point
        room_right, room_left = hi - item.x1 - gap, item.x0 - lo - gap
        right = width <= room_right or (width > room_left and room_right >= room_left)
        room = room_right if right else room_left
        if width > room:  # fits on neither side: shorten the label to the larger room
            keep = max(int(len(item.label) * room / width) - 2, 12)
            item.label = plots.snippet(item.label, keep)
            width = _text_points(item.label) * per_point
        if right:
            item.text_x, item.align = item.x1 + gap, "left"
            extent = (item.x0, item.x1 + gap + width)
        else:
            item.text_x, item.align = item.x0 - gap, "right"
            extent = (item.x0 - gap - width, item.x1)
        free = [r for r, end in enumerate(ends) if end + gap < extent[0]]
        item.row = free[0] if free else len(ends)
        if item.row == len(ends):
            ends.append(extent[1])
        ends[item.row] = extent[1]
    return max(len(ends), 1)


def _draw_item(ax, item: Item, y: float, lo: float) -> None:
    """Draw one event (point, bar, arrow or edge marker) and its label at height y."""
    if item.kind == "point":
        ax.plot(item.x0, y, "o", color=item.colour, ms=6, zorder=3)
    elif item.kind == "bar":
        ax.broken_barh([(item.x0, item.x1 - item.x0)], (y - 0.17, 0.34), color=item.colour,
                       alpha=0.85, zorder=2)
    elif item.kind == "clipped":
        marker = "<" if item.x0 <= lo else ">"
        ax.plot(item.x0, y, marker, color=item.colour, ms=7, zorder=3, clip_on=False)
    else:
        tail, head = (item.x0, item.x1) if item.kind == "future" else (item.x1, item.x0)
        ax.annotate("", xy=(head, y), xytext=(tail, y), zorder=3,
                    arrowprops={"arrowstyle": "-|>", "color": item.colour, "lw": 2.2,
                                "shrinkA": 0, "shrinkB": 0, "mutation_scale": 12})
    ax.text(item.text_x, y, item.label, ha=item.align, va="center", fontsize=LABEL_SIZE,
            color="#222222", clip_on=False, zorder=5,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6, "alpha": 0.85})


def _legend(ax, has_clipped: bool) -> None:
    """Legend below the axes: shapes for kinds of events, colours for directions."""
    handles = [Line2D([], [], color="black", marker="D", ls="--", lw=0.8, ms=6,
                      label="publication date"),
               Line2D([], [], color="#555555", marker="o", ls="", label="day"),
               Patch(color="#555555", label="period"),
               Line2D([], [], color="#555555", marker=">", ls="-", lw=2,
                      label="open (« à venir », « ces dernières années »)")]
    if has_clipped:
        handles.append(Line2D([], [], color="#555555", marker="<", ls="",
                              label=f"> {FAR_YEARS} years away (date in label)"))
    handles += [Patch(color=c, label=d) for d, c in DIRECTION_COLOURS.items()]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.02), ncol=4,
              frameon=False, fontsize=8, borderaxespad=2.2)


def plot_timeline(timeline: pd.DataFrame, corpus: pd.DataFrame) -> Figure:
    """One lane per article, time on x: days as points, periods as bars, open references as
    arrows from the publication date (a dashed line and diamond), each event labelled.

    Labels are packed into rows so that none overlaps another. The axis covers the
    publication dates and the events within FAR_YEARS years of them; events further away
    (« en 1945 ») are pinned to the axis edge with a triangle and their date leads the label.
    Articles are ordered by publication date; undated ones come last and show only the
    expressions the text dates by itself.
    """
    title = "Timeline of the events each article refers to"
    dated = timeline[timeline["start_date"].notna() | timeline["end_date"].notna()]
    if dated.empty:
        return plots.empty_figure("No dated temporal expressions to plot.", title)
    lanes = _lanes(dated, corpus)
    lo, hi, arrow = _window(dated, lanes["published"])
    items_by_lane = []
    for lane, record in lanes.iterrows():
        rows = dated[dated["doc_id"] == record.doc_id].itertuples()
        items = [i for r in rows if (i := _item(r, lane, record.published, lo, hi, arrow))]
        items_by_lane.append((items, _pack(items, lo, hi)))
    total_rows = sum(n for _, n in items_by_lane)
    height = 1.6 + ROW_IN * (total_rows + 0.6 * len(lanes))
    with plots.house_style():
        fig, ax = plots.new_figure(FIG_WIDTH, height)
        fig.subplots_adjust(left=LEFT_IN / FIG_WIDTH, right=1 - RIGHT_IN / FIG_WIDTH,
                            bottom=1.05 / height, top=1 - 0.55 / height)
        top, ticks = 0.0, []
        for (items, n_rows), record in zip(items_by_lane, lanes.itertuples(), strict=True):
            rows_span = n_rows + 0.6
            if pd.notna(record.published):
                x = _num(record.published) + 0.5
                ax.vlines(x, top + 0.1, top + rows_span - 0.1, color="black", ls="--", lw=0.8)
                ax.plot(x, top + 0.15, "D", color="black", ms=6, zorder=4, clip_on=False)
            for item in items:
                _draw_item(ax, item, top + 0.8 + item.row, lo)
            ticks.append(top + rows_span / 2)
            top += rows_span
            ax.axhline(top, color="#cccccc", lw=0.8)
        ax.set_ylim(top, 0)
        ax.set_yticks(ticks, lanes["label"].tolist(), fontsize=8.5)
        ax.tick_params(axis="y", length=0)
        plots.french_date_axis(ax, lo, hi)
        ax.set_title(title)
        _legend(ax, any(i.kind == "clipped" for items, _ in items_by_lane for i in items))
    return fig


def plot_mentions_over_time(timeline: pd.DataFrame) -> Figure:
    """Bars: how many mentions (across articles) refer to each period, in time order."""
    title = "Periods the articles refer to"
    counts = mentions_by_period(timeline)
    if counts.empty:
        return plots.empty_figure("No dated temporal expressions to count.", title)
    open_refs = int((timeline["start_date"].isna() | timeline["end_date"].isna()).sum())
    with plots.house_style():
        fig, ax = plots.new_figure(max(6.0, 0.38 * len(counts) + 2), 4.2)
        positions = range(len(counts))
        ax.bar(positions, counts["mentions"], color=plots.PALETTE[0], width=0.7)
        for x, (mentions, articles) in enumerate(zip(counts.mentions, counts.articles,
                                                     strict=True)):
            ax.text(x, mentions, f"{mentions}" + (f"\n{articles} art." if articles > 1 else ""),
                    ha="center", va="bottom", fontsize=8)
        ax.set_xticks(list(positions), counts["period"], rotation=45, ha="right")
        ax.set_ylabel("mentions")
        ax.set_ylim(0, counts["mentions"].max() * 1.25 + 0.5)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.grid(axis="x", visible=False)
        ax.grid(axis="y", visible=True)
        ax.set_title(title, pad=20 if open_refs else 6)
        if open_refs:
            ax.text(0, 1.015, "not counted: open references (« à venir », « ces dernières "
                    f"années ») and relative dates of undated articles: {open_refs}",
                    transform=ax.transAxes, ha="left", va="bottom", fontsize=8, color="#555555")
        fig.tight_layout()
    return fig
