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
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ..labels import french_date, snippet
from .palette import LABEL_COLOURS, NEGATIVE, NEUTRAL, PALETTE, POSITIVE

__all__ = ["LABEL_COLOURS", "NEGATIVE", "NEUTRAL", "PALETTE", "POSITIVE", "empty_figure",
           "french_date", "french_date_axis", "house_style", "new_figure", "save_figure",
           "snippet"]

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
}


@contextlib.contextmanager
def house_style() -> Iterator[None]:
    """Apply the house style inside a `with` block."""
    with plt.rc_context(STYLE):
        yield


def new_figure(width: float = 8.0, height: float = 4.5, **kwargs):
    """A Figure and Axes in the house style (call inside `house_style()`)."""
    return plt.subplots(figsize=(width, height), **kwargs)


def french_date_axis(ax, lo: float | None = None, hi: float | None = None) -> None:
    """A date x axis labelled in French: '25 juin', 'juin 2022' or '2022' depending on the span
    (day numbers `lo`..`hi`, which also become the limits; the current limits if not given)."""
    if lo is None or hi is None:
        lo, hi = ax.get_xlim()
    span = hi - lo
    style = "short" if span <= 120 else "month" if span <= 4 * 365 else "year"
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=9))
    ax.xaxis.set_major_formatter(FuncFormatter(
        lambda x, _pos: french_date(pd.Timestamp(mdates.num2date(x)).tz_localize(None), style)))
    ax.set_xlim(lo, hi)


def save_figure(
    fig: Figure, path: str | Path, formats: tuple[str, ...] = ("png", "svg")
) -> list[Path]:
    """Write `path` with each suffix in `formats`; byte-identical across runs and machines."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    written = []
    with house_style():  # dpi, tight bounding box, SVG hash salt and font handling at save time
        for fmt in formats:
            target = path.with_suffix(f".{fmt}")
            metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
            fig.savefig(target, format=fmt, metadata=metadata)
            written.append(target)
    return written


def empty_figure(message: str, title: str) -> Figure:
    """A figure that says plainly there is nothing to plot (e.g. an article with no quotes)."""
    with house_style():
        fig, ax = new_figure(8, 1.6)
        ax.set_title(title)
        ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, fontsize=11)
        ax.set_axis_off()
    return fig
