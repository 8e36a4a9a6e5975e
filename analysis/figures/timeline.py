"""Figures of the timeline: what a corpus refers to on a true time axis, the events of a few
chosen articles lane by lane, and the periods referred to across the centuries."""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.textpath import TextToPath
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

from ..temporal import DAY
from . import style as plots
from .words import century, date_text, say, year_text

DIRECTION_COLOURS = {"past": plots.PALETTE[0], "present": plots.PALETTE[2],
                     "future": plots.PALETTE[5]}
FIG_WIDTH, LEFT_IN, RIGHT_IN = 12.0, 2.3, 0.3  # inches: the axes are 9.4 in wide
ROW_IN, LABEL_SIZE, FAR_YEARS = 0.3, 7.5, 2
LANES, LANE_ROWS, CITED = 4, 8, 6
"""Layout: one label row is 0.3 in; events more than FAR_YEARS years before the earliest (or
after the latest) publication date are pinned to the axis edge, their date in the label. A
corpus of more than LANES articles gets an overview panel and lanes for LANES chosen
articles, each lane at most LANE_ROWS label rows; the CITED most-cited days are labelled."""


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


def _lanes(timeline: pd.DataFrame, corpus: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """One row per article with expressions: doc_id, label, published; by date, then id."""
    ids = list(dict.fromkeys(timeline["doc_id"]))
    info = pd.DataFrame(index=pd.Index(ids, name="doc_id"))  # one lookup for every article
    if "doc_id" in corpus.columns:
        columns = [c for c in ("published", "title") if c in corpus.columns]
        info = corpus.drop_duplicates("doc_id").set_index("doc_id")[columns].reindex(ids)
    published = info["published"] if "published" in info else pd.Series(pd.NaT, index=ids)
    titles = info["title"] if "title" in info else pd.Series("", index=ids)
    rows = []
    for doc_id, when, title in zip(ids, published, titles, strict=True):
        title = "" if pd.isna(title) else str(title)
        name = plots.snippet(title, 34) if title else str(doc_id)
        date = (date_text(when, "day", lang) if pd.notna(when)
                else say(lang, "timeline.no_date"))
        rows.append({"doc_id": doc_id, "label": f"{name}\n{date}", "published": when})
    lanes = pd.DataFrame(rows, columns=["doc_id", "label", "published"])
    return lanes.sort_values(["published", "doc_id"], na_position="last").reset_index(drop=True)


def _window(timeline: pd.DataFrame, pubs: pd.Series) -> tuple[float, float, float]:
    """x limits (day numbers) that keep recent events readable, and the open-arrow length."""
    pubs = pubs.astype("datetime64[us]")  # the corpus may hold ns; events go back to year 1
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


def _item(row, lane: int, pub: pd.Timestamp, lo: float, hi: float, arrow: float,
          lang: str = "en") -> Item | None:
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
        far = _label(row, f"{_when(row, lang)} · ")
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


def _when(row, lang: str = "en") -> str:
    """A readable date for a label: 9 nov. 1989, nov. 1989, 1961, années 1990, XXe siècle."""
    return period_label(row.start_date, row.granularity, lang)


def period_label(start: pd.Timestamp, granularity: str, lang: str = "en",
                 end: pd.Timestamp | None = None) -> str:
    """The name of the period starting at `start`: « 9 nov. 1989 », « nov. 1989 », « 1961 »,
    « années 1990 », « XXe siècle », « Xe siècle av. J.-C. – Ier siècle av. J.-C. » when
    `end` shows several centuries (or their English forms)."""
    if granularity == "century":
        if end is not None and pd.notna(end) and end.year - start.year > 100:
            return f"{century(start.year, lang)} – {century(end.year - 1, lang)}"
        return century(start.year, lang)
    if granularity == "decade":
        return say(lang, "periods.decade", year=start.year)
    if granularity == "year":
        return year_text(start.year, lang)
    return date_text(start, "day" if granularity == "day" else "month", lang)


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


def _legend(ax, has_clipped: bool, lang: str = "en") -> None:
    """Legend below the axes: shapes for kinds of events, colours for directions."""
    handles = [Line2D([], [], color="black", marker="D", ls="--", lw=0.8, ms=6,
                      label=say(lang, "legend.publication")),
               Line2D([], [], color="#555555", marker="o", ls="", label=say(lang, "legend.day")),
               Patch(color="#555555", label=say(lang, "legend.period")),
               Line2D([], [], color="#555555", marker=">", ls="-", lw=2,
                      label=say(lang, "legend.open"))]
    if has_clipped:
        handles.append(Line2D([], [], color="#555555", marker="<", ls="",
                              label=say(lang, "legend.far", years=FAR_YEARS)))
    handles += [Patch(color=c, label=say(lang, f"legend.{d}"))
                for d, c in DIRECTION_COLOURS.items()]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.02), ncol=4,
              frameon=False, fontsize=8, borderaxespad=2.2)


def chosen_articles(dated: pd.DataFrame, articles: list[str] | None, lanes: int) -> list[str]:
    """The articles that get a lane: `articles` (those with dated expressions, in the order
    given), else every article when there are at most `lanes`, else the `lanes` articles with
    the most dated expressions (ties by id)."""
    counts = dated.groupby("doc_id").size()
    if articles:
        return [a for a in dict.fromkeys(articles) if a in counts.index]
    ranked = sorted(counts.index, key=lambda d: (-counts[d], str(d)))
    return ranked if len(ranked) <= lanes else ranked[:lanes]


def plot_timeline(timeline: pd.DataFrame, corpus: pd.DataFrame, lang: str = "en",
                  articles: list[str] | None = None, lanes: int = LANES) -> Figure:
    """What the articles refer to, on a true time axis around their publication dates.

    Up to `lanes` articles: one lane per article, days as points, periods as bars, open
    references as arrows from the publication date (a dashed line and diamond), each event
    labelled without overlap. A larger corpus gets, above the lanes, an overview panel: the
    days, weeks and months referred to, counted per week or month and coloured by direction,
    the publication dates as a rug and the CITED days cited by the most articles labelled;
    lanes are then drawn for `articles` (doc_ids) or for the `lanes` articles with the most
    dated expressions, and the title says how many of how many. Each lane holds at most
    LANE_ROWS rows of labels and says how many events it leaves out, so the figure keeps its
    size whatever the corpus. Events more than FAR_YEARS years away from the publication
    dates are pinned to the axis edge with their date in the label.
    """
    title = say(lang, "timeline.title")
    dated = timeline[timeline["start_date"].notna() | timeline["end_date"].notna()]
    if dated.empty:
        return plots.empty_figure(say(lang, "timeline.none"), title)
    chosen = chosen_articles(dated, articles, lanes)
    every_lane = _lanes(dated, corpus, lang)
    total = len(every_lane)
    overview = len(chosen) < total
    lo, hi, arrow = _window(dated, every_lane["published"])
    lane_table = every_lane[every_lane["doc_id"].isin(chosen)].reset_index(drop=True)
    items_by_lane = []
    for lane, record in lane_table.iterrows():
        rows = dated[dated["doc_id"] == record.doc_id].itertuples()
        items = [i for r in rows if (i := _item(r, lane, record.published, lo, hi, arrow, lang))]
        n_rows = _pack(items, lo, hi)
        kept = [i for i in items if i.row < LANE_ROWS]
        items_by_lane.append((kept, min(n_rows, LANE_ROWS) + (n_rows > LANE_ROWS),
                              len(items) - len(kept)))
    lanes_in = ROW_IN * (sum(n for _, n, _ in items_by_lane) + 0.6 * len(lane_table))
    over_in = 3.3 if overview else 0.0
    gap_in = 0.95 if overview else 0.0
    height = 1.6 + lanes_in + over_in + gap_in
    left, width = LEFT_IN / FIG_WIDTH, 1 - (LEFT_IN + RIGHT_IN) / FIG_WIDTH
    with plots.house_style():
        fig, ax = plots.new_figure(FIG_WIDTH, height)
        ax.set_position([left, 1.05 / height, width, lanes_in / height])
        top, ticks = 0.0, []
        for (items, n_rows, left_out), record in zip(items_by_lane, lane_table.itertuples(),
                                                     strict=True):
            rows_span = n_rows + 0.6
            if pd.notna(record.published):
                x = _num(record.published) + 0.5
                ax.vlines(x, top + 0.1, top + rows_span - 0.1, color="black", ls="--", lw=0.8)
                ax.plot(x, top + 0.15, "D", color="black", ms=6, zorder=4, clip_on=False)
            for item in items:
                _draw_item(ax, item, top + 0.8 + item.row, lo)
            if left_out:
                ax.text(lo + (hi - lo) * 0.005, top + 0.8 + LANE_ROWS,
                        say(lang, "timeline.more", n=left_out), fontsize=LABEL_SIZE,
                        style="italic", color="#555555", va="center")
            ticks.append(top + rows_span / 2)
            top += rows_span
            ax.axhline(top, color="#cccccc", lw=0.8)
        ax.set_ylim(top, 0)
        ax.set_yticks(ticks, lane_table["label"].tolist(), fontsize=8.5)
        ax.tick_params(axis="y", length=0)
        plots.date_axis(ax, lo, hi, lang)
        has_clipped = any(i.kind == "clipped" for items, _, _ in items_by_lane for i in items)
        _legend(ax, has_clipped, lang)
        if not overview:
            ax.set_title(title)
            return fig
        ax.set_title(say(lang, "timeline.chosen" if articles else "timeline.some",
                         n=len(lane_table), total=total), fontsize=11)
        top_ax = fig.add_axes([left, (1.05 + lanes_in + gap_in) / height, width,
                               over_in / height], sharex=ax)
        _overview(top_ax, dated, every_lane["published"], lo, hi, lang)
        plots.date_axis(ax, lo, hi, lang)
    return fig


def _overview(ax, dated: pd.DataFrame, pubs: pd.Series, lo: float, hi: float,
              lang: str) -> None:
    """The corpus panel: references to days, weeks and months per week or month, stacked by
    direction, the publication dates as a rug, the most-cited days labelled."""
    closed = dated[dated["start_date"].notna() & dated["end_date"].notna()]
    short = closed[(closed["end_date"] - closed["start_date"]) <= pd.Timedelta(days=31)]
    x0 = np.asarray(mdates.date2num(short["start_date"].to_numpy()), dtype=float)
    inside = (x0 >= lo) & (x0 <= hi)
    short, x0 = short[inside], x0[inside]
    outside = int(len(closed) - len(short))
    bin_name = "week" if hi - lo <= 200 else "month"
    step = 7.0 if bin_name == "week" else 30.44
    edges = np.arange(lo, hi + step, step)
    bottom = np.zeros(len(edges) - 1)
    for direction, colour in DIRECTION_COLOURS.items():
        counts, _ = np.histogram(x0[(short["direction"] == direction).to_numpy()], edges)
        ax.bar(edges[:-1], counts, width=step * 0.9, bottom=bottom, align="edge",
               color=colour, label=say(lang, f"legend.{direction}"))
        bottom += counts
    published = np.asarray(mdates.date2num(pubs.dropna().to_numpy()), dtype=float)
    ax.plot(published, np.zeros(len(published)), "|", color="black", ms=8, alpha=0.5,
            transform=ax.get_xaxis_transform(), clip_on=False,
            label=say(lang, "legend.published"))
    peak = max(float(bottom.max()), 1.0)
    rows = _label_cited(ax, short, peak, lo, hi, lang)
    ax.set_ylim(0, peak * (1.12 + 0.16 * rows))
    ax.yaxis.get_major_locator().set_params(integer=True, nbins=4)
    ax.set_ylabel(say(lang, "timeline.ylabel"))
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    ax.tick_params(axis="x", labelbottom=True)
    ax.set_title(say(lang, "timeline.corpus", total=dated["doc_id"].nunique(),
                     bin=say(lang, f"bin.{bin_name}")), pad=18 if outside else 6)
    if outside:
        ax.text(0, 1.01, say(lang, "timeline.outside", n=outside), transform=ax.transAxes,
                fontsize=8, color="#555555", va="bottom")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)


def _label_cited(ax, short: pd.DataFrame, peak: float, lo: float, hi: float,
                 lang: str) -> int:
    """Label the CITED days cited by the most articles (at least two, or the top ones of a
    small corpus), in rows above the bars so no two labels overlap; rows used."""
    days = short[(short["end_date"] - short["start_date"]) <= DAY]
    if days.empty:
        return 0
    cited = days.groupby("start_date").agg(articles=("doc_id", "nunique"),
                                           mentions=("doc_id", "size")).reset_index()
    cited = cited.sort_values(["articles", "mentions", "start_date"],
                              ascending=[False, False, True]).head(CITED)
    if cited["articles"].max() >= 2:
        cited = cited[cited["articles"] >= 2]
    items = []
    for row in cited.itertuples():
        x = _num(row.start_date) + 0.5
        text = say(lang, "timeline.cited", date=date_text(row.start_date, "day", lang),
                   n=row.articles)
        items.append(Item(0, "point", x, x, text, "#333333"))
    n_rows = _pack(items, lo, hi)
    for item in items:
        y = peak * (1.12 + 0.16 * item.row)
        ax.plot([item.x0, item.x0], [0, y], color="#333333", lw=0.6, ls=":", zorder=1)
        ax.plot(item.x0, y, "v", color="#333333", ms=4, zorder=3)
        ax.text(item.text_x, y, item.label, ha=item.align, va="center", fontsize=LABEL_SIZE,
                color="#222222", zorder=5,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6, "alpha": 0.85})
    return n_rows


PERIOD_RANK = {"century": 0, "decade": 1, "year": 2}
LABELLED_PERIODS = 12


def periods_table(timeline: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """One row per period referred to (closed references only): start and end (day numbers),
    its name in `lang`, mentions and articles. Days, weeks, months and seasons count under
    their month; years, decades and centuries under themselves."""
    closed = timeline[timeline["start_date"].notna() & timeline["end_date"].notna()]
    starts = closed["start_date"].to_numpy().astype("datetime64[D]")
    months = starts.astype("datetime64[M]")  # numpy: any year, no Python datetime needed
    long = closed["granularity"].isin(list(PERIOD_RANK)).to_numpy()
    x0 = np.where(long, starts, months.astype("datetime64[D]"))
    x1 = np.where(long, closed["end_date"].to_numpy().astype("datetime64[D]"),
                  (months + 1).astype("datetime64[D]"))
    table = pd.DataFrame({
        "x0": x0.astype(np.int64).astype(float),  # days since 1970: matplotlib's day numbers
        "x1": x1.astype(np.int64).astype(float),
        "kind": np.where(long, closed["granularity"].to_numpy(), "month"),
        "start": closed["start_date"].to_numpy(), "end": closed["end_date"].to_numpy(),
        "doc_id": closed["doc_id"].to_numpy()})
    counts = (table.groupby(["x0", "x1", "kind"], sort=True)
              .agg(mentions=("doc_id", "size"), articles=("doc_id", "nunique"),
                   start=("start", "first"), end=("end", "first")).reset_index())
    counts["period"] = [period_label(pd.Timestamp(row.start), row.kind, lang,
                                     pd.Timestamp(row.end)) for row in counts.itertuples()]
    return counts[["x0", "x1", "period", "mentions", "articles"]]


def plot_mentions_over_time(timeline: pd.DataFrame, lang: str = "en") -> Figure:
    """How often each period is referred to, on a true time axis: a period is a horizontal
    segment from its start to its end (a dot when too short to see) at the height of its
    mentions, on a log scale when counts differ widely; the most-mentioned are named
    (« XIXe siècle », « années 1990 », « juil. 2012 »). When the references span more than
    twenty years, the first panel names the far periods and a second one zooms on the six
    years around the median reference, where most of them fall."""
    title = say(lang, "periods.title")
    table = periods_table(timeline, lang)
    if table.empty:
        return plots.empty_figure(say(lang, "periods.none"), title)
    open_refs = int((timeline["start_date"].isna() | timeline["end_date"].isna()).sum())
    lo, hi = float(table["x0"].min()), float(table["x1"].max())
    zoom = hi - lo > 20 * 365.25
    if zoom:
        middle = np.repeat(((table["x0"] + table["x1"]) / 2).to_numpy(), table["mentions"])
        centre = float(np.quantile(middle, 0.5, method="higher"))  # a real period's middle
        z_lo, z_hi = max(lo, centre - 3 * 365.25), min(hi, centre + 3 * 365.25)
        near = table[(table["x1"] > z_lo) & (table["x0"] < z_hi)]
    with plots.house_style():
        fig, axes = plots.new_figure(12, 8.4 if zoom else 4.6, nrows=2 if zoom else 1,
                                     squeeze=False)
        _periods_panel(axes[0, 0], table, lo, hi, lang)
        axes[0, 0].set_title(title, pad=20 if open_refs else 6)
        if open_refs:
            axes[0, 0].text(0, 1.015, say(lang, "periods.open", n=open_refs),
                            transform=axes[0, 0].transAxes, ha="left", va="bottom",
                            fontsize=8, color="#555555")
        if zoom:
            _periods_panel(axes[1, 0], near, z_lo, z_hi, lang)
            first, last = (plots.year_of(v) for v in (z_lo, z_hi - 1))
            axes[1, 0].set_title(say(lang, "periods.zoom", lo=first, hi=last), fontsize=11)
        fig.tight_layout()  # before naming periods: the names must not move afterwards
        far_first = table.assign(far=~((table["x1"] > z_lo) & (table["x0"] < z_hi))
                                 if zoom else False)
        _name_periods(axes[0, 0], far_first, lo, hi)
        if zoom:
            _name_periods(axes[1, 0], near.assign(far=False), z_lo, z_hi)
    return fig


def _periods_panel(ax, table: pd.DataFrame, lo: float, hi: float, lang: str) -> None:
    """Draw periods as segments at the height of their mentions (log scale when wide)."""
    span = hi - lo
    pad = span * 0.02
    log = table["mentions"].max() >= 20 * max(table["mentions"].min(), 1)
    for row in table.itertuples():
        x0, x1 = max(row.x0, lo), min(row.x1, hi)
        if x1 - x0 < span * 0.006:
            ax.plot((x0 + x1) / 2, row.mentions, "o", color=plots.PALETTE[0], ms=5, zorder=3)
        else:
            ax.plot([x0, x1], [row.mentions, row.mentions], color=plots.PALETTE[0], lw=4,
                    solid_capstyle="butt", zorder=3, alpha=0.8)
    if log:
        ax.set_yscale("log")
        ax.yaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
        ax.yaxis.set_minor_formatter(NullFormatter())
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:g}"))
        ax.set_ylabel(say(lang, "periods.log"))
        ax.set_ylim(0.7, table["mentions"].max() * 2.2)
    else:
        ax.set_ylabel(say(lang, "periods.ylabel"))
        ax.set_ylim(0, table["mentions"].max() * 1.3 + 0.5)
        ax.yaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="y", visible=True)
    ax.grid(axis="x", visible=False)
    plots.date_axis(ax, lo - pad, hi + pad, lang, maxticks=10)


def _name_periods(ax, table: pd.DataFrame, lo: float, hi: float) -> None:
    """Name up to LABELLED_PERIODS periods, the far ones first (oldest first), then the most
    mentioned,
    each above, right, left or below its mark, skipping any name that would overlap."""
    renderer = ax.figure.canvas.get_renderer()
    placed = []
    named = pd.concat([table[table["far"]].sort_values("x0"),  # oldest first: spread out
                       table[~table["far"]].sort_values(["mentions", "x1"],
                                                        ascending=[False, False])])
    count = 0
    for row in named.itertuples():
        if count == LABELLED_PERIODS:
            break
        x = (max(row.x0, lo) + min(row.x1, hi)) / 2
        for dx, dy, ha in ((0, 8, "center"), (7, 0, "left"), (-7, 0, "right"),
                           (0, -10, "center")):
            text = ax.annotate(f"{row.period} ({row.mentions})", (x, row.mentions),
                               xytext=(dx, dy), textcoords="offset points", ha=ha,
                               va="center", fontsize=8, color="#222222", zorder=5,
                               bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5,
                                     "alpha": 0.8})
            box = text.get_window_extent(renderer)
            if not any(box.overlaps(other) for other in placed):
                placed.append(box.padded(2))
                count += 1
                break
            text.remove()
