"""The house style shared by every figure, and saving figures so two runs give the same bytes.

Every plotting function in `analysis.figures` draws inside `house_style()` and returns its
matplotlib Figure; `save_figure` writes PNG and SVG without dates, software versions or
random ids.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import matplotlib
import matplotlib.dates as mdates
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, FuncFormatter

from ..labels import french_date, snippet
from .palette import LABEL_COLOURS, NEGATIVE, NEUTRAL, PALETTE, POSITIVE
from .words import date_text, year_text

__all__ = ["LABEL_COLOURS", "MAX_PIXELS", "NEGATIVE", "NEUTRAL", "PALETTE", "POSITIVE",
           "date_axis", "empty_figure", "french_date", "french_date_axis", "house_style",
           "new_figure", "save_and_show", "save_figure", "snippet"]

MAX_PIXELS = 2000  # no saved PNG is larger than this on either side (the dpi is lowered)

STYLE = {
    "font.family": "DejaVu Sans",  # shipped with matplotlib: same glyphs everywhere, accents
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "x",
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "svg.hashsalt": "french-news-analysis",
    "svg.fonttype": "path",
    "path.simplify": True,
    "text.parse_math": False,  # « 5 $ au lieu de 3 $ » is text, never mathtext
}


@contextlib.contextmanager
def house_style() -> Iterator[None]:
    """Apply the house style inside a `with` block."""
    with matplotlib.rc_context(STYLE):
        yield


def new_figure(width: float = 8.0, height: float = 4.5, **kwargs):
    """A Figure and Axes in the house style (call inside `house_style()`).

    The Figure is made without pyplot: Jupyter's inline backend does not show it by itself at
    the end of the cell (which drew every figure twice in the HTML pages), and nothing keeps it
    alive once the notebook drops it."""
    fig = Figure(figsize=(width, height))
    FigureCanvasAgg(fig)  # a renderer to measure text with, whatever the session's backend
    return fig, fig.subplots(**kwargs)


def date_axis(ax, lo: float | None = None, hi: float | None = None, lang: str = "fr",
              maxticks: int = 8) -> None:
    """A date x axis labelled in `lang`: '25 juin', 'juin 2022' or '2022' depending on the span
    (day numbers `lo`..`hi`, which also become the limits; the current limits if not given).
    Spans of years get ticks on round years computed with numpy, so any year works (1400,
    1060 BC), beyond the years 1–9999 of Python dates."""
    if lo is None or hi is None:
        lo, hi = ax.get_xlim()
    span = hi - lo
    style = "short" if span <= 120 else "month" if span <= 3 * 365 else "year"
    if lo < -719162 or hi > 2932896:  # beyond matplotlib's dates (years 1-9999): numpy years
        style = "year"
    if style == "year":
        ax.xaxis.set_major_locator(FixedLocator(_year_ticks(lo, hi, maxticks)))
        ax.xaxis.set_major_formatter(FuncFormatter(
            lambda x, _pos: year_text(year_of(x), lang)))
    else:
        locator = mdates.AutoDateLocator(minticks=3, maxticks=maxticks)
        if style == "month":
            locator.intervald[mdates.MONTHLY] = [1, 2, 3, 4, 6]  # never two months side by side
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: _tick(x, style, lang)))
    ax.set_xlim(lo, hi)


_EPOCH = np.datetime64("1970-01-01", "D")  # matplotlib's day 0


def year_of(x: float) -> int:
    """The (astronomical) year of matplotlib day number `x`, for any year."""
    day = _EPOCH + np.timedelta64(int(np.floor(x)), "D")
    return int(day.astype("datetime64[Y]").astype(np.int64)) + 1970


def _year_ticks(lo: float, hi: float, maxticks: int) -> list[float]:
    """Day numbers of 1 January of round years between lo and hi, at most `maxticks`."""
    first, last = year_of(lo), year_of(hi) + 1
    step = next((s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000)
                 if (last - first) / s <= maxticks), 10000)
    years = [y + 1 if y <= 0 else y  # round years before our era: -999 is « 1000 av. J.-C. »
             for y in range(-(-first // step) * step, last + 1, step)]
    days = [float((np.datetime64(f"{y:+05d}-01-01" if y < 0 else f"{y:04d}-01-01", "D")
                   - _EPOCH).astype(np.int64)) for y in years]
    return [d for d in days if lo <= d <= hi]


def _tick(x: float, style: str, lang: str) -> str:
    """A date tick; a year number where Python dates end (before year 1)."""
    try:
        return date_text(mdates.num2date(x), style, lang)
    except ValueError:
        return year_text(year_of(x), lang)


def french_date_axis(ax, lo: float | None = None, hi: float | None = None) -> None:
    """`date_axis` in French (kept for callers of the first version)."""
    date_axis(ax, lo, hi, "fr")


def save_figure(
    fig: Figure, path: str | Path, formats: tuple[str, ...] = ("png", "svg")
) -> list[Path]:
    """Write `path` with each suffix in `formats`; byte-identical across runs and machines."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    written = []
    with house_style():  # dpi, tight bounding box, SVG hash salt and font handling at save time
        dpi = png_dpi(fig)
        for fmt in formats:
            target = path.with_suffix(f".{fmt}")
            metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
            fig.savefig(target, format=fmt, metadata=metadata, dpi=dpi)
            written.append(target)
    return written


def png_dpi(fig: Figure) -> float:
    """The house dpi, lowered when the figure's tight box would exceed MAX_PIXELS on a side."""
    dpi = float(STYLE["savefig.dpi"])
    box = fig.get_tightbbox(fig.canvas.get_renderer())
    largest = max(box.width, box.height) + 0.2  # inches, with the tight-box padding
    return min(dpi, float(int(MAX_PIXELS / largest))) if largest * dpi > MAX_PIXELS else dpi


def save_and_show(fig: Figure, path: str | Path):
    """Save `fig` (PNG and SVG, see `save_figure`) and return the saved PNG for display, so
    what the notebook shows is exactly the file written, shown once."""
    from IPython.display import Image

    png = save_figure(fig, path)[0]
    box = fig.get_tightbbox(fig.canvas.get_renderer())
    return Image(filename=str(png), width=int(min((box.width + 0.2) * 100, 1400)))  # 100 px/in


def empty_figure(message: str, title: str) -> Figure:
    """A figure that says plainly there is nothing to plot (e.g. an article with no quotes)."""
    with house_style():
        fig, ax = new_figure(8, 1.6)
        ax.set_title(title)
        ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, fontsize=11)
        ax.set_axis_off()
    return fig
