"""How often a corpus refers to each calendar period (month, year, decade, century)."""

from __future__ import annotations

import pandas as pd

from ..labels import french_century, french_date, french_year
from .interval import stamp


def _period(row) -> tuple[pd.Timestamp, int, str]:
    """(sort key, rank, label) of the calendar period a mention is counted under."""
    start = row.start_date
    year = start.year
    if row.granularity == "century":
        return stamp(year), 0, french_century(year)  # « XVe siècle », « Xe siècle av. J.-C. »
    if row.granularity == "decade":
        return stamp(year), 1, f"années {french_year(year)}"
    if row.granularity == "year":
        return stamp(year), 2, french_year(year)
    return stamp(year, start.month), 3, french_date(start, "month")


def mentions_by_period(timeline: pd.DataFrame, max_bars: int = 40) -> pd.DataFrame:
    """How often each period is referred to: period, mentions, articles (open refs left out).

    Day, week, month and season mentions count under the month they start in, years under
    the year, decades and centuries under themselves; when that gives more than `max_bars`
    periods, months are folded into years.
    """
    closed = timeline[timeline["start_date"].notna() & timeline["end_date"].notna()]
    keys = [_period(r) for r in closed.itertuples()]
    if len({k[2] for k in keys}) > max_bars:
        keys = [(stamp(k[0].year), 2, french_year(k[0].year)) if k[1] == 3 else k
                for k in keys]
    table = pd.DataFrame({"key": [k[0] for k in keys], "rank": [k[1] for k in keys],
                          "period": [k[2] for k in keys], "doc_id": closed["doc_id"].tolist()})
    counts = table.groupby(["key", "rank", "period"], sort=True).agg(
        mentions=("doc_id", "size"), articles=("doc_id", "nunique")).reset_index()
    return counts[["period", "mentions", "articles"]]
