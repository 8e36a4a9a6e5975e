"""The timeline table: one row per temporal expression of an article (`doc_timeline`), and
the typed, sorted table of a corpus (`timeline_frame`); the columns are `COLUMNS`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .compose import direction_of, find_mentions
from .interval import Mention
from .tense import governing_tense

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Doc

COLUMNS = [
    "doc_id", "start", "end", "expression", "sentence", "start_date", "end_date",
    "granularity", "value", "direction", "anchor",
]
"""Columns of `extract_timeline` (one row per temporal expression):

- `doc_id`, `start`, `end`: the article and the character offsets of the expression in its text.
- `expression`: the surface text, e.g. « la semaine dernière ».
- `sentence`: the sentence the expression dates (for labels).
- `start_date`, `end_date`: half-open interval of calendar days [start_date, end_date)
  (pandas Timestamps, datetime64[us]). « samedi » = [that Saturday, the Sunday after).
  Representation: numpy/pandas datetime64 with microsecond resolution, which holds about
  ±290,000 years (nanoseconds stop at 1677–2262), in the proleptic Gregorian calendar with
  astronomical year numbering as ISO 8601 does: year 0 is 1 BC, year -999 is 1000 BC.
  « en 1656 » = [1656-01-01, 1657-01-01); « au XVe siècle » = [1400-01-01, 1500-01-01);
  « au Xe siècle avant notre ère » = [-999-01-01, -899-01-01) (1000 BC to 901 BC inclusive);
  « en 44 av. J.-C. » = [-43-01-01, -42-01-01). Python datetimes cannot hold years before 1:
  take `.year`, compare, or use `.asm8` (numpy), never `.to_pydatetime()`, on such dates.
  `write_table` writes them as ISO days (`1656-01-01`, `-999-01-01`); `timeline_frame` reads
  such strings back to the same values.
  Open future (« dans les mois à venir »): start = publication + 1 day, end NaT unless the
  phrase bounds it; open past: start NaT, end = publication. NaT when the article has no
  publication date and the expression is relative.
- `granularity`: day, week, month, quarter, half (« au premier semestre »), season, year,
  decade or century.
- `value`: TIMEX3-style value: 2022-06-25, 2022-W24, 2022-W25-WE, 2022-05, 2022-Q3, 2022-H1,
  2022-SU, 2022,
  199X, 19XX, FUTURE_REF, PAST_REF, P3Y (« depuis trois ans »), intervals as A/B
  (« du 12 au 15 mars » → 2022-03-12/2022-03-15, « depuis le 24 février » →
  2022-02-24/PRESENT_REF); nights 2012-08-18TNI (« cette nuit »), halves of a month
  2012-08-H2 (« la deuxième quinzaine d'août »), hours PT48H (« depuis 48 heures »), years
  before our era BC0044 and BC1000/BC0901 (« au Xe siècle avant notre ère »); without a
  publication date: XXXX-02-24, XXXX-WXX-6, PAST_REF …
- `direction`: past, present or future relative to the publication day.
- `anchor`: what the date was resolved from. Exactly one of:
  `publication` (the article's date: « samedi », « le mois dernier », « il y a deux ans »),
  `absolute` (the text fixes it: an explicit year, a decade, a century),
  `antecedent:<start>` (an earlier expression of the same article, whose row has `doc_id`
  equal and `start` = <start>: « le lendemain » after « le 3 juin », « cette année-là » after
  « en 2006 », and appositions that restate a date, « deux mois plus tard, en mai 2011 » →
  the row of « en mai 2011 »). See `analysis.temporal.anchors`.
"""

DATE_COLUMNS = ("start_date", "end_date")


def _sentence(doc: Doc, text: str, start: int, end: int) -> str:
    """The sentence around [start, end), never beyond its paragraph (line)."""
    low = text.rfind("\n", 0, start) + 1
    high = text.find("\n", end)
    high = len(text) if high < 0 else high
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and doc.has_annotation("SENT_START"):
        low, high = max(low, span.sent.start_char), min(high, span.sent.end_char)
    return text[low:high].strip()


def _row(doc: Doc, text: str, doc_id: str, pub: pd.Timestamp, mention: Mention) -> dict:
    """The table row of one resolved mention."""
    res = mention.resolved
    tense = None
    if pd.isna(pub) and not res.direction:
        tense = governing_tense(doc, mention.start, mention.end)
    return {
        "doc_id": doc_id,
        "start": mention.start,
        "end": mention.end,
        "expression": text[mention.start : mention.end],
        "sentence": _sentence(doc, text, mention.start, mention.end),
        "start_date": res.start_date,
        "end_date": res.end_date,
        "granularity": res.granularity,
        "value": res.value,
        "direction": direction_of(res, pub, tense),
        "anchor": res.anchor,
    }


def doc_timeline(doc: Doc, doc_id: str, published: pd.Timestamp | None) -> list[dict]:
    """Rows (see COLUMNS) for one parsed article published on `published` (NaT if unknown)."""
    pub = pd.Timestamp(published).normalize() if pd.notna(published) else pd.NaT
    text = doc.text
    return [_row(doc, text, doc_id, pub, mention)
            for mention in find_mentions(doc, pub, text)]


def timeline_frame(rows: list[dict] | pd.DataFrame) -> pd.DataFrame:
    """The tidy table from row dicts (or a raw frame): all COLUMNS, typed, sorted."""
    table = pd.DataFrame(rows, columns=COLUMNS).copy()
    for column in DATE_COLUMNS:
        table[column] = _as_microseconds(table[column])
    table["start"] = table["start"].astype("int64")
    table["end"] = table["end"].astype("int64")
    return table.sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)


def _as_microseconds(values: pd.Series) -> pd.Series:
    """Dates as datetime64[us] (see COLUMNS): Timestamps of any unit, numpy datetime64 values or
    ISO strings as written by `write_table` (« -999-01-01 » for 1000 BC), never through
    Python datetimes (which stop at year 1)."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return values.astype("datetime64[us]")
    converted = [_microseconds(v) for v in values]
    return pd.Series(np.array(converted, dtype="datetime64[us]"), index=values.index,
                     name=values.name)


def _microseconds(value) -> np.datetime64:
    """One date as numpy datetime64[us] (NaT for missing values)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)) or value in ("", "NaT"):
        return np.datetime64("NaT", "us")
    if isinstance(value, str):
        return np.datetime64(value.strip()[:11].rstrip("T "), "us")
    if isinstance(value, np.datetime64):
        return value.astype("datetime64[us]")
    return pd.Timestamp(value).as_unit("us").asm8
