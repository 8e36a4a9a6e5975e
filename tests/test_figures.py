"""The figures at corpus scale: one language per figure, no mathtext, bounded size, true axes.

Tables are built here (no parse), so each test checks one mechanism of `analysis.figures`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from PIL import Image

from analysis.figures import entities as fe
from analysis.figures import quotes as fq
from analysis.figures import timeline as ft
from analysis.figures.style import MAX_PIXELS, save_figure
from analysis.figures.words import century, date_text, say

TIMELINE_COLUMNS = ["doc_id", "start", "end", "expression", "sentence", "start_date",
                    "end_date", "granularity", "value", "direction", "anchor"]


def _quote(doc_id: str, text: str, sentiment: float, speaker: str = "Marie Curie") -> dict:
    return {"doc_id": doc_id, "start": 0, "end": len(text), "text": text, "kind": "direct",
            "speaker": speaker, "speaker_start": -1, "speaker_end": -1, "verb": "dire",
            "rule": "subject", "sentiment": sentiment, "sentiment_terms": "",
            "mentions": ""}


def _event(doc_id: str, start: str, end: str | None, granularity: str = "day",
           direction: str = "past", expression: str = "samedi") -> dict:
    return {"doc_id": doc_id, "start": 0, "end": 6, "expression": expression,
            "sentence": f"Il est venu {expression}.",
            "start_date": pd.Timestamp(start), "end_date": pd.Timestamp(end) if end else pd.NaT,
            "granularity": granularity, "value": start, "direction": direction,
            "anchor": "publication"}


def _timeline(rows: list[dict]) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    for column in ("start_date", "end_date"):
        table[column] = table[column].astype("datetime64[us]")
    return table


def _texts(fig) -> list[str]:
    found = [fig._suptitle.get_text()] if fig._suptitle else []
    for ax in fig.axes:
        found += [ax.get_title(loc="left"), ax.get_xlabel(), ax.get_ylabel()]
        found += [t.get_text() for t in ax.texts]
        found += [t.get_text() for t in ax.get_yticklabels() + ax.get_xticklabels()]
        if ax.get_legend():
            found += [t.get_text() for t in ax.get_legend().get_texts()]
    return [t for t in found if t]


def _png_size(fig, tmp_path, name: str) -> tuple[int, int]:
    return Image.open(save_figure(fig, tmp_path / name, formats=("png",))[0]).size


def test_dollars_in_a_quote_are_drawn_literally(tmp_path):
    quotes = pd.DataFrame([_quote("a", "5 $ au lieu de 3 $", -0.5),
                           _quote("a", "80$ ^^ 120$", 0.4, speaker="")])
    fig = fq.plot_quote_sentiment(quotes)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["Marie Curie: « 5 $ au lieu de 3 $ »", "unknown: « 80$ ^^ 120$ »"]
    assert _png_size(fig, tmp_path, "q")[0] > 0  # mathtext would fail on « ^^ » here


def test_each_figure_speaks_one_language():
    quotes = pd.DataFrame([_quote(f"d{i}", f"phrase {i}", -0.1 * (i % 9)) for i in range(40)])
    fr = _texts(fq.plot_quote_sentiment(quotes, lang="fr"))
    assert fr[0] == "Les 30 citations les plus chargées sur 40"
    assert "tonalité (−1 négative … +1 positive)" in fr
    en = _texts(fq.plot_quote_sentiment(quotes, lang="en"))
    assert en[0] == "The 30 most charged of 40 quotes"
    timeline = _timeline([_event("a", "2022-06-18", "2022-06-19")])
    corpus = pd.DataFrame({"doc_id": ["a"], "title": ["Titre"], "text": ["x"],
                           "published": [pd.Timestamp("2022-06-25")]})
    fr = _texts(ft.plot_timeline(timeline, corpus, lang="fr"))
    assert "date de parution" in fr and "Titre\n25 juin 2022" in fr
    assert not {"publication date", "past"} & set(fr)
    en = _texts(ft.plot_timeline(timeline, corpus, lang="en"))
    assert "publication date" in en and "Titre\n25 Jun 2022" in en
    with pytest.raises(ValueError, match="lang 'de': the figures speak fr or en"):
        say("de", "quotes.title")


def test_dates_and_centuries_in_each_language():
    day = pd.Timestamp("2012-07-04")
    assert date_text(day, "day", "fr") == "4 juil. 2012"
    assert date_text(day, "month", "en") == "Jul 2012"
    assert [century(y, "fr") for y in (1801, 1900, 1)] == ["XIXe siècle", "XXe siècle",
                                                         "Ier siècle"]
    assert [century(y, "en") for y in (1801, 2001, 1101)] == ["19th century", "21st century",
                                                            "12th century"]


def test_figures_are_not_kept_by_pyplot():
    before = plt.get_fignums()
    fq.plot_quote_sentiment(pd.DataFrame([_quote("a", "oui", 0.2)]))
    assert plt.get_fignums() == before  # the inline backend cannot show it a second time


def _big_corpus(n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    published = pd.date_range("2012-01-02", periods=n, freq="D")
    corpus = pd.DataFrame({"doc_id": [f"d{i:04d}" for i in range(n)], "title": "",
                           "text": "x", "published": published})
    rows = []
    for i, day in enumerate(published):
        for k in range(1 + i % 7):  # d0006, d0013 … have the most expressions
            start = day - pd.Timedelta(days=k + 1)
            rows.append(_event(f"d{i:04d}", str(start.date()),
                               str((start + pd.Timedelta(days=1)).date())))
        rows.append(_event(f"d{i:04d}", "1801-01-01", "1901-01-01", "century",
                           expression="au XIXe siècle"))
    rows.append(_event("d0000", "2011-03-11", "2011-03-12"))
    return corpus, _timeline(rows)


def test_timeline_of_a_corpus_keeps_its_size_and_says_what_it_shows(tmp_path):
    corpus, timeline = _big_corpus(300)
    fig = ft.plot_timeline(timeline, corpus)
    lanes, overview = fig.axes
    assert overview.get_title(loc="left") == (
        "What 300 articles refer to: days, weeks and months, per month")
    assert lanes.get_title(loc="left") == (
        "Events referred to in 4 of 300 articles (those with the most dated expressions)")
    assert [t.get_text().split("\n")[0] for t in lanes.get_yticklabels()] == [
        "d0006", "d0013", "d0020", "d0027"]
    width, height = _png_size(fig, tmp_path, "timeline")
    assert width <= MAX_PIXELS and height <= MAX_PIXELS
    chosen = ft.plot_timeline(timeline, corpus, articles=["d0100", "nope"])
    assert chosen.axes[0].get_title(loc="left") == "Events referred to in 1 chosen of 300 articles"


def test_periods_on_a_true_time_axis_name_the_century(tmp_path):
    _, timeline = _big_corpus(60)
    fig = ft.plot_mentions_over_time(timeline, lang="fr")
    whole, zoom = fig.axes
    texts = [t.get_text() for t in whole.texts]
    assert "XIXe siècle (60)" in texts
    low, high = (pd.Timestamp("1970-01-01") + pd.Timedelta(days=x) for x in whole.get_xlim())
    assert low.year <= 1801 and high.year >= 2012  # years placed by date, not as categories
    assert zoom.get_title(loc="left").startswith("Zoom sur ")
    ticks = [t.get_text() for t in whole.get_yticklabels()]
    assert {"1", "2", "5", "10"} <= set(ticks) and not [t for t in ticks if "$" in t]
    assert max(_png_size(fig, tmp_path, "periods")) <= MAX_PIXELS


def test_entity_trends_are_binned_by_month_on_each_own_scale():
    days = pd.date_range("2012-01-01", periods=200, freq="D")
    freq = pd.DataFrame({"published": list(days) * 2,
                         "entity": ["Fukushima"] * 200 + ["Paris"] * 200,
                         "label": ["LOC"] * 400, "count": [1] * 200 + [0] * 199 + [11],
                         "documents": 1, "forms": ""})
    fig = fe.plot_entity_trends(freq[freq["count"] > 0], top=2, lang="fr")
    fukushima, paris = fig.axes
    assert [round(p.get_height()) for p in fukushima.patches] == [31, 29, 31, 30, 31, 30, 18]
    assert [round(p.get_height()) for p in paris.patches] == [0, 0, 0, 0, 0, 0, 11]
    assert paris.get_ylim()[1] > 11  # its largest count shows
    fig.canvas.draw()
    assert [t.get_text() for t in paris.get_xticklabels() if t.get_text()][:2] == [
        "janv. 2012", "mars 2012"]


def test_speakers_are_the_most_quoted_and_the_title_says_how_many():
    quotes = pd.DataFrame([_quote(f"d{i}", "x", 0.1, speaker=f"P{i % 40}") for i in range(100)])
    from analysis.quotes import quote_sentiment_by_speaker

    fig = fq.plot_speaker_sentiment(quote_sentiment_by_speaker(quotes), lang="en")
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "Mean sentiment of the 25 most-quoted of 40 speakers"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[:2] == ["P0 (3 quotes)", "P1 (3 quotes)"] and len(labels) == 25


def test_periods_before_our_era_on_a_year_axis(tmp_path):
    rows = [_event("a", "2012-07-01", "2012-07-02"), _event("a", "1400-01-01", "1500-01-01",
                                                            "century", expression="XVe siècle")]
    timeline = _timeline(rows)
    timeline.loc[len(timeline)] = {**rows[0], "start_date": pd.Timestamp("-1060-01-01"),
                                   "end_date": pd.Timestamp("-1059-01-01"), "granularity": "year"}
    fig = ft.plot_mentions_over_time(timeline, lang="fr")
    assert max(_png_size(fig, tmp_path, "bc")) <= MAX_PIXELS
    whole = fig.axes[0]
    ticks = [t.get_text() for t in whole.get_xticklabels()]
    assert "1000 av. J.-C." in ticks and "2000" in ticks
    assert {"1061 av. J.-C. (1)", "XVe siècle (1)"} <= {t.get_text() for t in whole.texts}
    assert century(-1099, "fr") == "XIe siècle av. J.-C."


@pytest.mark.parametrize("text, label", [
    ("Fondée en 44 av. J.-C., la ville.", "44 av. J.-C. (1)"),
    ("Les ruines datent du Xe siècle avant notre ère. Samedi, la fête a eu lieu.",
     "Xe siècle av. J.-C. (1)"),
])
def test_periods_before_year_one_alone_or_far_from_the_rest(text, label, tmp_path):
    """One BC period alone (a span of one year, where dates would need matplotlib's calendar)
    or one BC period and one recent day (the zoom panel's centre between them) still draw."""
    from analysis import extract_timeline

    corpus = pd.DataFrame({"doc_id": ["a"], "published": [pd.Timestamp("2012-07-01")],
                           "text": [text], "title": [""], "url": [""],
                           "duplicate_paragraphs": [0]})
    fig = ft.plot_mentions_over_time(extract_timeline(corpus), lang="fr")
    assert max(_png_size(fig, tmp_path, "alone")) <= MAX_PIXELS
    assert label in {t.get_text() for ax in fig.axes for t in ax.texts}
