"""Anaphoric expressions dated from their antecedent in reading order, and appositions that
restate a date; the `anchor` column names the row each one follows."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.nlp import iter_docs
from analysis.timeline import doc_timeline

P = "2012-07-05"  # a Thursday

# text, then every row as (expression, start, end, granularity, anchor), where the anchor
# `antecedent:<expression>` stands for `antecedent:<start of that expression's row>`
CASES = [
    ("Le 3 juin, l'avion s'est écrasé. Le lendemain, les secours sont arrivés.",
     [("Le 3 juin", "2012-06-03", "2012-06-04", "day", "publication"),
      ("Le lendemain", "2012-06-04", "2012-06-05", "day", "antecedent:Le 3 juin")]),
    ("Le vote a eu lieu le 10 mai 2009. La veille, les bureaux ont fermé.",
     [("le 10 mai 2009", "2009-05-10", "2009-05-11", "day", "absolute"),
      ("La veille", "2009-05-09", "2009-05-10", "day", "antecedent:le 10 mai 2009")]),
    ("Le séisme a frappé le 2 mars 2010. Le pays a connu le même jour une tempête.",
     [("le 2 mars 2010", "2010-03-02", "2010-03-03", "day", "absolute"),
      ("le même jour", "2010-03-02", "2010-03-03", "day", "antecedent:le 2 mars 2010")]),
    ("Il est né le 8 avril 1950. Ce jour-là, il neigeait.",
     [("le 8 avril 1950", "1950-04-08", "1950-04-09", "day", "absolute"),
      ("Ce jour-là", "1950-04-08", "1950-04-09", "day", "antecedent:le 8 avril 1950")]),
    ("C'est en 2006 qu'un miracle est reconnu. Cette année là, un enfant guérit.",
     [("en 2006", "2006-01-01", "2007-01-01", "year", "absolute"),
      ("Cette année là", "2006-01-01", "2007-01-01", "year", "antecedent:en 2006")]),
    ("La grève commence le 12 mars 2011. Deux jours plus tard, le trafic reprend.",
     [("le 12 mars 2011", "2011-03-12", "2011-03-13", "day", "absolute"),
      ("Deux jours plus tard", "2011-03-14", "2011-03-15", "day",
       "antecedent:le 12 mars 2011")]),
    ("Le festival a lieu du 12 au 15 mars 2011. Les semaines suivantes ont été calmes.",
     [("du 12 au 15 mars 2011", "2011-03-12", "2011-03-16", "day", "absolute"),
      ("Les semaines suivantes", "2011-03-16", "2011-04-13", "week",
       "antecedent:du 12 au 15 mars 2011")]),
    # chains: an anaphor is itself an antecedent
    ("Le 3 juin 2010, il arrive. Le lendemain, il parle. Le surlendemain, il part.",
     [("Le 3 juin 2010", "2010-06-03", "2010-06-04", "day", "absolute"),
      ("Le lendemain", "2010-06-04", "2010-06-05", "day", "antecedent:Le 3 juin 2010"),
      ("Le surlendemain", "2010-06-06", "2010-06-07", "day", "antecedent:Le lendemain")]),
    # « le lendemain » needs a day: it skips the year and takes the day before it
    ("Le 3 juin 2010, il arrive ; il y reste jusqu'en 2011. Le lendemain, il parle.",
     [("Le 3 juin 2010", "2010-06-03", "2010-06-04", "day", "absolute"),
      ("en 2011", "2011-01-01", "2012-01-01", "year", "absolute"),
      ("Le lendemain", "2010-06-04", "2010-06-05", "day", "antecedent:Le 3 juin 2010")]),
    # an apposition restates the date
    ("Il y a 50 ans, le 5 juillet 1962, le pays devenait indépendant.",
     [("Il y a 50 ans", "1962-07-05", "1962-07-06", "day", "antecedent:le 5 juillet 1962"),
      ("le 5 juillet 1962", "1962-07-05", "1962-07-06", "day", "absolute")]),
    ("L'usine a fermé en 2010. Six mois après la fermeture, en juin 2011, elle a rouvert.",
     [("en 2010", "2010-01-01", "2011-01-01", "year", "absolute"),
      ("Six mois après", "2011-06-01", "2011-07-01", "month", "antecedent:en juin 2011"),
      ("en juin 2011", "2011-06-01", "2011-07-01", "month", "absolute")]),
    ("Le 5 juillet 1962, il y a cinquante ans, le pays devenait indépendant.",
     [("Le 5 juillet 1962", "1962-07-05", "1962-07-06", "day", "absolute"),
      ("il y a cinquante ans", "1962-07-05", "1962-07-06", "day",
       "antecedent:Le 5 juillet 1962")]),
    ("Le séisme a frappé le 27 juin 2012. Quelques heures plus tôt, une alerte a sonné.",
     [("le 27 juin 2012", "2012-06-27", "2012-06-28", "day", "absolute"),
      ("Quelques heures plus tôt", "2012-06-27", "2012-06-28", "day",
       "antecedent:le 27 juin 2012")]),
    # « de » + infinitive is the verb's complement, not an event
    ("Le 16 août 2012, le pays a accordé l'asile. Londres avait menacé la veille d'envahir "
     "l'ambassade.",
     [("Le 16 août 2012", "2012-08-16", "2012-08-17", "day", "absolute"),
      ("la veille", "2012-08-15", "2012-08-16", "day", "antecedent:Le 16 août 2012")]),
    ("En 1998, la ville comptait 500 habitants. À cette époque, l'école était fermée.",
     [("En 1998", "1998-01-01", "1999-01-01", "year", "absolute"),
      ("À cette époque", "1998-01-01", "1999-01-01", "year", "antecedent:En 1998")]),
    # no antecedent, or an event named after the anaphor: no row
    ("Le lendemain, les secours sont arrivés.", []),
    ("Le 3 juin 2010, il arrive. La veille des élections, il parle.",
     [("Le 3 juin 2010", "2010-06-03", "2010-06-04", "day", "absolute")]),
]


@pytest.fixture(scope="module")
def docs():
    texts = [c[0] for c in CASES]
    return dict(zip(texts, iter_docs(texts), strict=True))


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_anaphors_follow_their_antecedent(docs, text, expected):
    rows = doc_timeline(docs[text], "d", pd.Timestamp(P))
    starts = {r["start"]: r["expression"] for r in rows}
    got = [(r["expression"], str(r["start_date"])[:10], str(r["end_date"])[:10],
            r["granularity"],
            r["anchor"] if not r["anchor"].startswith("antecedent:")
            else "antecedent:" + starts[int(r["anchor"].split(":")[1])]) for r in rows]
    assert got == expected
