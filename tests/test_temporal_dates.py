"""Dates outside pandas' nanosecond range (before 1677, after 2262, before our era) resolve
exactly and survive the table, a CSV round trip and the figures."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from analysis.figures.timeline import plot_mentions_over_time, plot_timeline
from analysis.labels import french_date
from analysis.nlp import iter_docs
from analysis.tables import write_table
from analysis.temporal.interval import add_months, stamp
from analysis.timeline import COLUMNS, doc_timeline, mentions_by_period, timeline_frame

matplotlib.use("Agg")
P = "2012-07-05"

# sentence, expression, start, end (ISO days, astronomical years), granularity, value
CASES = [
    ("Elle naît en 1656 à Paris.", "en 1656", "1656-01-01", "1657-01-01", "year", "1656"),
    ("La mosquée date du XVe siècle.", "du XVe siècle", "1400-01-01", "1500-01-01", "century",
     "14XX"),
    ("La ville fut fondée au Xe siècle avant notre ère.", "au Xe siècle avant notre ère",
     "-999-01-01", "-899-01-01", "century", "BC1000/BC0901"),
    ("César meurt en 44 av. J.-C. au Sénat.", "en 44 av. J.-C.", "-43-01-01", "-42-01-01",
     "year", "BC0044"),
    ("Le bourg est cité au Ier siècle par un géographe.", "au Ier siècle", "0001-01-01",
     "0100-01-01", "century", "00XX"),
    ("Le temple est bâti à la fin du IIe siècle av. J.-C. sur la colline.",
     "à la fin du IIe siècle av. J.-C.", "-133-01-01", "-99-01-01", "century", "BC0200/BC0101"),
    ("La route fut tracée en 800 après J.-C. par les moines.", "en 800 après J.-C.",
     "0800-01-01", "0801-01-01", "year", "0800"),
    ("La sonde atteindra la comète en 2300 selon les calculs.", "en 2300", "2300-01-01",
     "2301-01-01", "year", "2300"),
]
COUNTS = [  # numbers past 2200 are years only after « en », « l'an » … or a year noun
    "Le loyer est de 2500 euros par mois.",
    "Le budget atteint 2250 millions cette année-là.",
    "Entre 2300 et 2400 personnes ont défilé.",
]


def _day(iso: str) -> np.datetime64:
    return np.datetime64(iso, "us")


@pytest.fixture(scope="module")
def docs():
    texts = [c[0] for c in CASES] + COUNTS
    return dict(zip(texts, iter_docs(texts), strict=True))


@pytest.mark.parametrize(("sentence", "expression", "start", "end", "gran", "value"), CASES,
                         ids=[c[1] for c in CASES])
def test_far_dates_resolve_exactly(docs, sentence, expression, start, end, gran, value):
    rows = doc_timeline(docs[sentence], "d", pd.Timestamp(P))
    assert [(r["expression"], r["granularity"], r["value"], r["anchor"]) for r in rows] == [
        (expression, gran, value, "absolute")]
    table = timeline_frame(rows)
    assert str(table.start_date.dtype) == "datetime64[us]"
    assert table.start_date.iloc[0].asm8 == _day(start)
    assert table.end_date.iloc[0].asm8 == _day(end)
    assert table.direction.iloc[0] == ("future" if start > P else "past")


@pytest.mark.parametrize("sentence", COUNTS)
def test_large_counts_are_not_years(docs, sentence):
    assert doc_timeline(docs[sentence], "d", pd.Timestamp(P)) == []


def test_stamp_and_months_for_any_year():
    assert stamp(-999).asm8 == _day("-999-01-01")
    assert stamp(0, 2, 29).asm8 == _day("0000-02-29")  # 1 BC is a leap year (proleptic)
    with pytest.raises(ValueError):
        stamp(-1, 2, 29)
    assert add_months(stamp(-1, 12, 31), 2).asm8 == _day("0000-02-29")
    assert add_months(stamp(2012, 1, 31), 1) == pd.Timestamp("2012-02-29")


@pytest.fixture(scope="module")
def far_table(docs):
    rows = [row for i, (sentence, *_rest) in enumerate(CASES)
            for row in doc_timeline(docs[sentence], f"d{i}", pd.Timestamp(P))]
    rows += [{"doc_id": "d9", "start": 0, "end": 7, "expression": "en 2300",
              "sentence": "La sonde arrivera en 2300.", "start_date": stamp(2300),
              "end_date": stamp(2301), "granularity": "year", "value": "2300",
              "direction": "future", "anchor": "absolute"}]
    return timeline_frame(rows)


def test_csv_round_trip(far_table, tmp_path):
    path = write_table(far_table, tmp_path / "timeline.csv")
    text = path.read_text(encoding="utf-8")
    assert ",-999-01-01,-899-01-01," in text and ",0800-01-01,0801-01-01," in text
    assert ",2300-01-01,2301-01-01," in text
    back = timeline_frame(pd.read_csv(path, keep_default_na=False, dtype={"doc_id": str}))
    assert list(back.columns) == COLUMNS
    assert back.start_date.tolist() == far_table.start_date.tolist()
    assert back.end_date.tolist() == far_table.end_date.tolist()


def test_periods_and_labels(far_table):
    counts = mentions_by_period(far_table)
    assert counts.period.tolist() == ["Xe siècle av. J.-C.", "IIe siècle av. J.-C.",
                                      "44 av. J.-C.", "Ier siècle", "800", "XVe siècle",
                                      "1656", "2300"]
    assert counts.mentions.tolist() == [1, 1, 1, 1, 1, 1, 1, 2]
    assert french_date(far_table.start_date.iloc[3]) == "1 janv. 44 av. J.-C."


def test_figures_draw_far_dates(far_table):
    corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(CASES))] + ["d9"],
                           "published": pd.Timestamp(P), "title": "t"})
    figure = plot_timeline(far_table, corpus)
    assert figure.axes
    plt.close(figure)
    periods = plot_mentions_over_time(far_table, lang="fr")  # BC periods on a numpy year axis
    assert "44 av. J.-C. (1)" in {t.get_text() for ax in periods.axes for t in ax.texts}
    plt.close(periods)
    years = [period for period in mentions_by_period(far_table).period if "av. J.-C." in period]
    assert years == ["Xe siècle av. J.-C.", "IIe siècle av. J.-C.", "44 av. J.-C."]
