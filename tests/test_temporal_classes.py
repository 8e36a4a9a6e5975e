"""Classes of expressions found on real news, each on short sentences written for the test:
exact [start, end) intervals against a publication date."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.nlp import iter_docs
from analysis.timeline import doc_timeline

# sentence, publication date, expression, start, end (None = open)
CASES = [
    # weekdays: « ce <jour> » on that weekday is the publication day, whatever the tense
    ("Ce dimanche, l'alerte orange est maintenue.", "2012-08-19", "Ce dimanche", "2012-08-19",
     "2012-08-20"),
    ("L'orage s'étendra ce dimanche vers l'est.", "2012-08-19", "ce dimanche", "2012-08-19",
     "2012-08-20"),
    # a past participle the tagger reads as an adjective still makes the weekday past
    ("Dimanche, les vents ont soufflés très fort.", "2012-10-31", "Dimanche", "2012-10-28",
     "2012-10-29"),
    # a weekday with a day number and no month
    ("Le festival se termine le samedi 11 avec un concert.", "2012-08-03", "le samedi 11",
     "2012-08-11", "2012-08-12"),
    ("Le marché a ouvert le mardi 31 sous la pluie.", "2012-08-03", "le mardi 31",
     "2012-07-31", "2012-08-01"),
]
NONE = [
    ("Samedi 11 personnes ont été blessées.", "2012-08-03", "Samedi"),
]


@pytest.fixture(scope="module")
def docs():
    texts = [c[0] for c in CASES] + [c[0] for c in NONE]
    return dict(zip(texts, iter_docs(texts), strict=True))


def _day(value) -> str | None:
    return None if pd.isna(value) else str(value)[:10]


@pytest.mark.parametrize(("sentence", "published", "expression", "start", "end"), CASES,
                         ids=[c[2] for c in CASES])
def test_class_resolves_exactly(docs, sentence, published, expression, start, end):
    rows = doc_timeline(docs[sentence], "d", pd.Timestamp(published))
    assert [(r["expression"], _day(r["start_date"]), _day(r["end_date"])) for r in rows] == [
        (expression, start, end)]


@pytest.mark.parametrize(("sentence", "published", "expression"), NONE, ids=[c[0] for c in NONE])
def test_count_is_not_a_day_number(docs, sentence, published, expression):
    rows = doc_timeline(docs[sentence], "d", pd.Timestamp(published))
    assert [r["expression"] for r in rows] == [expression]
