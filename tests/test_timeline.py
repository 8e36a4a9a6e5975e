"""Timeline: French temporal expressions resolved against the publication date, and plots."""

from __future__ import annotations

import importlib.util

import matplotlib
import pandas as pd
import pytest

from analysis.figures.timeline import plot_mentions_over_time, plot_timeline
from analysis.nlp import iter_docs
from analysis.timeline import (
    COLUMNS,
    doc_timeline,
    extract_timeline,
    mentions_by_period,
)

from .conftest import PROJECT_DIR

matplotlib.use("Agg")
NAT = None
P = "2022-06-25"  # a Saturday, the bundled article's date

# sentence, publication date, expression, start_date, end_date, granularity, value.
# Each sentence holds exactly one temporal expression: the test pins the whole list.
CASES = [
    # weekdays, tense-aware
    ("Le ministre a parlé samedi.", P, "samedi", "2022-06-25", "2022-06-26", "day", "2022-06-25"),
    ("Le ministre parlera samedi.", P, "samedi", "2022-07-02", "2022-07-03", "day", "2022-07-02"),
    ("Le ministre a parlé mardi.", P, "mardi", "2022-06-21", "2022-06-22", "day", "2022-06-21"),
    ("Le ministre va parler mardi.", P, "mardi", "2022-06-28", "2022-06-29", "day", "2022-06-28"),
    ("Le ministre parlait jeudi devant les députés.", P, "jeudi", "2022-06-23", "2022-06-24",
     "day", "2022-06-23"),
    ("Le ministre devrait parler mercredi.", P, "mercredi", "2022-06-29", "2022-06-30", "day",
     "2022-06-29"),
    ("Lundi dernier, la police a arrêté trois suspects.", "2021-11-08", "Lundi dernier",
     "2021-11-01", "2021-11-02", "day", "2021-11-01"),
    ("Le texte sera examiné mardi prochain.", "2023-03-15", "mardi prochain", "2023-03-21",
     "2023-03-22", "day", "2023-03-21"),
    ("Jeudi soir, des milliers de personnes ont manifesté.", "2020-09-03", "Jeudi soir",
     "2020-09-03", "2020-09-04", "day", "2020-09-03"),
    ("Dimanche 12 juin, les Français ont voté.", P, "Dimanche 12 juin", "2022-06-12",
     "2022-06-13", "day", "2022-06-12"),
    ("La finale aura lieu ce week-end.", "2020-09-03", "ce week-end", "2020-09-05", "2020-09-07",
     "week", "2020-W36-WE"),
    ("Ce week-end, des orages ont frappé le Sud.", "2021-11-08", "Ce week-end", "2021-11-06",
     "2021-11-08", "week", "2021-W44-WE"),
    # days around publication
    ("Il est arrivé hier à Paris.", P, "hier", "2022-06-24", "2022-06-25", "day", "2022-06-24"),
    ("Avant-hier, le vote a eu lieu.", P, "Avant-hier", "2022-06-23", "2022-06-24", "day",
     "2022-06-23"),
    ("Aujourd'hui, la grève continue.", P, "Aujourd'hui", "2022-06-25", "2022-06-26", "day",
     "2022-06-25"),
    ("Le verdict tombera demain.", P, "demain", "2022-06-26", "2022-06-27", "day", "2022-06-26"),
    ("Le verdict tombera après-demain.", P, "après-demain", "2022-06-27", "2022-06-28", "day",
     "2022-06-27"),
    # weeks, months, years around publication
    ("Cette semaine, les prix ont baissé.", P, "Cette semaine", "2022-06-20", "2022-06-27",
     "week", "2022-W25"),
    ("La semaine dernière, les prix ont baissé.", P, "La semaine dernière", "2022-06-13",
     "2022-06-20", "week", "2022-W24"),
    ("Les prix baisseront la semaine prochaine.", P, "la semaine prochaine", "2022-06-27",
     "2022-07-04", "week", "2022-W26"),
    ("Les ventes ont chuté ce mois-ci.", P, "ce mois-ci", "2022-06-01", "2022-07-01", "month",
     "2022-06"),
    ("Les ventes ont chuté le mois dernier.", P, "le mois dernier", "2022-05-01", "2022-06-01",
     "month", "2022-05"),
    ("Les ventes reprendront le mois prochain.", P, "le mois prochain", "2022-07-01",
     "2022-08-01", "month", "2022-07"),
    ("Cette année, la récolte est bonne.", P, "Cette année", "2022-01-01", "2023-01-01", "year",
     "2022"),
    ("L'an dernier, la récolte était mauvaise.", P, "L'an dernier", "2021-01-01", "2022-01-01",
     "year", "2021"),
    ("L'année dernière, la récolte était mauvaise.", P, "L'année dernière", "2021-01-01",
     "2022-01-01", "year", "2021"),
    ("La récolte sera meilleure l'année prochaine.", P, "l'année prochaine", "2023-01-01",
     "2024-01-01", "year", "2023"),
    # day and month
    ("La Russie a envahi l'Ukraine le 24 février.", P, "le 24 février", "2022-02-24",
     "2022-02-25", "day", "2022-02-24"),
    ("Le sommet aura lieu le 24 février.", P, "le 24 février", "2023-02-24", "2023-02-25", "day",
     "2023-02-24"),
    ("Le traité a été signé le 24 février 2022.", "2023-03-15", "le 24 février 2022",
     "2022-02-24", "2022-02-25", "day", "2022-02-24"),
    ("Le décret du 24/02/2022 est publié.", P, "24/02/2022", "2022-02-24", "2022-02-25", "day",
     "2022-02-24"),
    ("La réforme entrera en vigueur le 1er janvier.", P, "le 1er janvier", "2023-01-01",
     "2023-01-02", "day", "2023-01-01"),
    ("Elle a appelé à une journée de mobilisation le 15 mars.", "2023-03-08", "le 15 mars",
     "2023-03-15", "2023-03-16", "day", "2023-03-15"),
    ("Le 14 juillet dernier, le défilé a réuni la foule.", "2023-03-15", "Le 14 juillet dernier",
     "2022-07-14", "2022-07-15", "day", "2022-07-14"),
    # years, decades, centuries
    ("Le musée a ouvert en 2019.", P, "en 2019", "2019-01-01", "2020-01-01", "year", "2019"),
    ("La ville a été libérée en 1945.", P, "en 1945", "1945-01-01", "1946-01-01", "year", "1945"),
    ("Dans les années 1990, l'usine tournait à plein.", P, "Dans les années 1990", "1990-01-01",
     "2000-01-01", "decade", "199X"),
    ("Cette église a été bâtie au XXe siècle.", P, "au XXe siècle", "1900-01-01", "2000-01-01",
     "century", "19XX"),
    # months and parts of months
    ("Les travaux ont commencé en mai.", P, "en mai", "2022-05-01", "2022-06-01", "month",
     "2022-05"),
    ("Les travaux commenceront en mai.", P, "en mai", "2023-05-01", "2023-06-01", "month",
     "2023-05"),
    ("Il a été élu en mai dernier.", "2023-03-15", "en mai dernier", "2022-05-01", "2022-06-01",
     "month", "2022-05"),
    ("Les livraisons reprendront début juin.", "2023-03-15", "début juin", "2023-06-01",
     "2023-06-11", "month", "2023-06"),
    ("Les résultats seront connus mi-juillet.", P, "mi-juillet", "2022-07-11", "2022-07-21",
     "month", "2022-07"),
    ("Le texte a été voté fin mars.", P, "fin mars", "2022-03-21", "2022-04-01", "month",
     "2022-03"),
    ("Juin a été le mois le plus chaud jamais mesuré.", "2023-10-18", "Juin", "2023-06-01",
     "2023-07-01", "month", "2023-06"),
    ("Les événements de mai 68 ont marqué la France.", "2023-10-18", "mai 68", "1968-05-01",
     "1968-06-01", "month", "1968-05"),
    ("En mai 15 personnes ont été tuées.", "2023-10-18", "En mai", "2023-05-01", "2023-06-01",
     "month", "2023-05"),
    # seasons
    ("Les travaux reprendront au printemps.", "2021-11-08", "au printemps", "2022-03-01",
     "2022-06-01", "season", "2022-SP"),
    ("Cet été, la sécheresse a frappé le pays.", "2020-09-03", "Cet été", "2020-06-01",
     "2020-09-01", "season", "2020-SU"),
    ("L'hiver dernier, les hôpitaux ont été débordés.", P, "L'hiver dernier", "2021-12-01",
     "2022-03-01", "season", "2021-WI"),
    # offsets
    ("Il y a deux ans, la pandémie a tout arrêté.", P, "Il y a deux ans", "2020-01-01",
     "2021-01-01", "year", "2020"),
    ("Le suspect a été vu il y a trois semaines.", P, "il y a trois semaines", "2022-05-30",
     "2022-06-06", "week", "2022-W22"),
    ("Le rapport sera publié dans deux semaines.", P, "dans deux semaines", "2022-07-04",
     "2022-07-11", "week", "2022-W27"),
    ("Au cours des trois derniers mois, le prix a doublé.", P, "Au cours des trois derniers mois",
     "2022-03-25", "2022-06-26", "month", "P3M"),
    # since, ranges
    ("Les prix flambent depuis le 24 février.", P, "depuis le 24 février", "2022-02-24",
     "2022-06-26", "day", "2022-02-24/PRESENT_REF"),
    ("Le chômage est au plus bas depuis 2008.", P, "depuis 2008", "2008-01-01", "2022-06-26",
     "year", "2008/PRESENT_REF"),
    ("Depuis le début de l'année, 40 migrants sont morts.", P, "Depuis le début de l'année",
     "2022-01-01", "2022-06-26", "year", "2022/PRESENT_REF"),
    ("Le festival se tiendra du 12 au 15 mars.", "2024-01-10", "du 12 au 15 mars", "2024-03-12",
     "2024-03-16", "day", "2024-03-12/2024-03-15"),
    ("Entre 2019 et 2021, les adhérents ont doublé.", P, "Entre 2019 et 2021", "2019-01-01",
     "2022-01-01", "year", "2019/2021"),
    # contracted articles, year spans, parts of years, « jusqu'au » with a present verb
    ("Les chiffres du mois dernier sont mauvais.", P, "du mois dernier", "2022-05-01",
     "2022-06-01", "month", "2022-05"),
    ("La Seconde Guerre mondiale (1939-1945) a ravagé l'Europe.", P, "1939-1945", "1939-01-01",
     "1946-01-01", "year", "1939/1945"),
    ("Le PIB a reculé au premier trimestre.", "2023-10-18", "au premier trimestre",
     "2023-01-01", "2023-04-01", "quarter", "2023-Q1"),
    ("Les soldes durent jusqu'au 31 décembre.", P, "31 décembre", "2022-12-31", "2023-01-01",
     "day", "2022-12-31"),
    # open references
    ("Dans les mois à venir, l'usine embauchera.", P, "Dans les mois à venir", "2022-06-26", NAT,
     "month", "FUTURE_REF"),
    ("D'autres annonces suivront dans les prochains jours.", P, "dans les prochains jours",
     "2022-06-26", NAT, "day", "FUTURE_REF"),
    ("Le ministre présentera prochainement un projet.", P, "prochainement", "2022-06-26", NAT,
     "day", "FUTURE_REF"),
    ("Un accord est promis d'ici la fin de l'année.", P, "d'ici la fin de l'année", "2022-06-25",
     "2023-01-01", "year", "FUTURE_REF"),
    ("Ces dernières années, les loyers ont augmenté.", P, "Ces dernières années", NAT,
     "2022-06-25", "year", "PAST_REF"),
]

NOT_TEMPORAL = [
    "Le rover Perseverance explore la planète Mars.",
    "Le dieu Mars était vénéré à Rome.",
    "Mai Nguyen dirige le festival.",
    "Seuls 1% des électeurs ont voté blanc.",
    "Le taux atteint 5,2 % selon l'Insee.",
    "Le candidat a été battu au second tour.",
    "La réunion a duré pendant trois heures.",
    "L'armée a déployé 2000 soldats.",
    "Chaque lundi, les bénévoles distribuent des repas.",
    "Cette année-là, la récolte fut mauvaise.",
    "Entre 1500 et 2000 manifestants ont défilé.",
    "Le Mardi gras est fêté dans toute la région.",
    "Le billet coûte 2000 € depuis la rentrée.",
]

# Without a publication date: absolute expressions resolve, relative ones keep a value.
UNDATED = [
    ("Le traité a été signé le 24 février 2022.", "le 24 février 2022", "2022-02-24",
     "2022-02-25", "2022-02-24", "absolute"),
    ("La ville a été libérée en 1945.", "en 1945", "1945-01-01", "1946-01-01", "1945",
     "absolute"),
    ("Le ministre a parlé samedi.", "samedi", NAT, NAT, "XXXX-WXX-6", "publication"),
    ("La Russie a envahi l'Ukraine le 24 février.", "le 24 février", NAT, NAT, "XXXX-02-24",
     "publication"),
    ("Les ventes ont chuté le mois dernier.", "le mois dernier", NAT, NAT, "PAST_REF",
     "publication"),
    ("Dans les mois à venir, l'usine embauchera.", "Dans les mois à venir", NAT, NAT,
     "FUTURE_REF", "publication"),
    ("Il y a deux ans, la pandémie a tout arrêté.", "Il y a deux ans", NAT, NAT, "PAST_REF",
     "publication"),
]


def _stamp(value):
    return pd.NaT if value is None else pd.Timestamp(value)


def _same(a, b) -> bool:
    return (pd.isna(a) and pd.isna(b)) or a == b


@pytest.fixture(scope="module")
def docs():
    """Every test sentence parsed once (one batch through the cached parse layer)."""
    texts = [c[0] for c in CASES] + NOT_TEMPORAL + [u[0] for u in UNDATED]
    return dict(zip(texts, iter_docs(texts), strict=True))


def _summary(rows: list[dict]) -> list[tuple]:
    return [(r["expression"], r["start_date"], r["end_date"], r["granularity"], r["value"])
            for r in rows]


@pytest.mark.parametrize(("sentence", "published", "expression", "start", "end", "gran", "value"),
                         CASES, ids=[c[2] for c in CASES])
def test_expression_resolves_exactly(docs, sentence, published, expression, start, end, gran,
                                     value):
    rows = doc_timeline(docs[sentence], "d", pd.Timestamp(published))
    assert len(rows) == 1, _summary(rows)
    (row,) = rows
    assert (row["expression"], row["granularity"], row["value"]) == (expression, gran, value)
    assert _same(row["start_date"], _stamp(start)) and _same(row["end_date"], _stamp(end))
    assert (row["start"], row["end"]) == (sentence.index(expression),
                                          sentence.index(expression) + len(expression))


@pytest.mark.parametrize("sentence", NOT_TEMPORAL)
def test_not_temporal(docs, sentence):
    assert _summary(doc_timeline(docs[sentence], "d", pd.Timestamp(P))) == []


@pytest.mark.parametrize(("sentence", "expression", "start", "end", "value", "anchor"), UNDATED,
                         ids=[u[1] for u in UNDATED])
def test_without_publication_date(docs, sentence, expression, start, end, value, anchor):
    (row,) = doc_timeline(docs[sentence], "d", pd.NaT)
    assert (row["expression"], row["value"], row["anchor"]) == (expression, value, anchor)
    assert _same(row["start_date"], _stamp(start)) and _same(row["end_date"], _stamp(end))


def test_direction_and_anchor(docs):
    def first(sentence, published=P):
        (row,) = doc_timeline(docs[sentence], "d", pd.Timestamp(published))
        return row["direction"], row["anchor"]

    assert first("Le ministre a parlé mardi.") == ("past", "publication")
    assert first("Le ministre va parler mardi.") == ("future", "publication")
    assert first("Le ministre a parlé samedi.") == ("present", "publication")
    assert first("La ville a été libérée en 1945.") == ("past", "absolute")
    assert first("Dans les mois à venir, l'usine embauchera.") == ("future", "publication")
    assert first("Ces dernières années, les loyers ont augmenté.") == ("past", "publication")


BUNDLED = [
    ("le 24 février", "2022-02-24", "2022-02-25", "day", "2022-02-24", "past"),
    ("samedi", "2022-06-25", "2022-06-26", "day", "2022-06-25", "present"),
    ("Dans les mois à venir", "2022-06-26", NAT, "month", "FUTURE_REF", "future"),
    ("Le mois dernier", "2022-05-01", "2022-06-01", "month", "2022-05", "past"),
    ("La semaine dernière", "2022-06-13", "2022-06-20", "week", "2022-W24", "past"),
]


@pytest.fixture(scope="module")
def bundled_timeline(bundled_corpus):
    return extract_timeline(bundled_corpus)


def test_bundled_article_full_list(bundled_corpus, bundled_timeline):
    table = bundled_timeline
    assert list(table.columns) == COLUMNS
    got = [(r.expression, r.start_date, r.end_date, r.granularity, r.value, r.direction)
           for r in table.itertuples()]
    expected = [(e, _stamp(s), _stamp(t), g, v, d) for e, s, t, g, v, d in BUNDLED]
    assert len(got) == len(expected)
    for row, want in zip(got, expected, strict=True):
        assert row[0] == want[0] and row[3:] == want[3:]
        assert _same(row[1], want[1]) and _same(row[2], want[2])
    text = bundled_corpus.text.iloc[0]
    assert all(text[r.start : r.end] == r.expression for r in table.itertuples())
    assert table.anchor.unique().tolist() == ["publication"]
    assert table.sentence.iloc[1].startswith("Le président Vladimir Poutine a fait cette annonce")


def test_table_shape_and_order(bundled_corpus, bundled_timeline):
    table = bundled_timeline
    assert table[["doc_id", "start", "end"]].equals(
        table.sort_values(["doc_id", "start", "end"])[["doc_id", "start", "end"]])
    assert str(table.start_date.dtype) == "datetime64[us]"
    empty = extract_timeline(pd.DataFrame({"doc_id": ["x"], "published": [pd.NaT],
                                           "text": ["Rien à signaler ici."]}))
    assert list(empty.columns) == COLUMNS and empty.empty


def test_evaluation_list_gate():
    """The regression gate: ≥ 90% exact on tests/data/temporal_expressions.csv."""
    path = PROJECT_DIR / "benchmarks" / "temporal_vs_dateparser.py"
    spec = importlib.util.spec_from_file_location("temporal_vs_dateparser", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    cases = bench.load_cases()
    assert len(cases) >= 50
    summary = bench.summary(cases, bench.score_ours(cases))
    assert summary["right"] / summary["total"] >= 0.9, summary


# --------------------------------------------------------------------------- plots


def _texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def _corpus(*articles) -> pd.DataFrame:
    return pd.DataFrame(
        [{"doc_id": d, "title": t, "published": pd.Timestamp(p) if p else pd.NaT, "text": x}
         for d, t, p, x in articles])


def test_plot_timeline_bundled(bundled_corpus, bundled_timeline):
    fig = plot_timeline(bundled_timeline, bundled_corpus, lang="fr")
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.get_yticklabels()] == ["000_0c78623d23d00860\n25 juin 2022"]
    labels = [t for t in ax.texts if t.get_text().startswith("«")]
    assert sorted(t.get_text().split(" »")[0] for t in labels) == sorted(
        f"« {e[0]}" for e in BUNDLED)
    fig.canvas.draw()
    boxes = [t.get_window_extent() for t in labels]
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert "juin 2022" in ticks and "mai 2022" in ticks
    assert "date de parution" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_plot_timeline_pins_far_past_to_the_edge():
    corpus = _corpus(("a", "Mémoire", "2022-06-25",
                      "La ville a été libérée en 1945. Le maire a parlé samedi."))
    timeline = extract_timeline(corpus)
    fig = plot_timeline(timeline, corpus)
    (ax,) = fig.axes
    far = [t for t in ax.texts if "1945" in t.get_text()]
    assert [t.get_text().split(" · ")[0] for t in far] == ["1945"]
    left, right = ax.get_xlim()
    assert far[0].get_position()[0] < left + (right - left) * 0.05
    assert right - left < 400  # the axis stays on 2022, not on eighty years


def test_plots_empty():
    corpus = _corpus(("a", "", None, "Le ministre a parlé samedi."))
    timeline = extract_timeline(corpus)
    assert timeline.value.tolist() == ["XXXX-WXX-6"]
    assert _texts(plot_timeline(timeline, corpus)) == ["No dated temporal expressions to plot."]
    assert _texts(plot_mentions_over_time(timeline.iloc[:0])) == [
        "No dated temporal expressions to count."]


def test_mentions_by_period(bundled_timeline):
    counts = mentions_by_period(bundled_timeline)
    assert counts.values.tolist() == [["févr. 2022", 1, 1], ["mai 2022", 1, 1],
                                      ["juin 2022", 2, 1]]
    fig = plot_mentions_over_time(bundled_timeline, lang="fr")  # drawn by analysis.figures
    assert sorted(t.get_text() for ax in fig.axes for t in ax.texts) == [
        "févr. 2022 (1)", "juin 2022 (2)", "mai 2022 (1)",
        "non comptées : références ouvertes (« à venir », « ces dernières années ») et dates "
        "relatives d'articles sans date : 1"]
