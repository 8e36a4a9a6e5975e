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
    # a passé simple the tagger does not know (X) is past
    ("Jean-François Copé déplora mardi un discours creux.", "2012-07-04", "mardi",
     "2012-07-03", "2012-07-04"),
    # a weekday with a day number and no month
    ("Le festival se termine le samedi 11 avec un concert.", "2012-08-03", "le samedi 11",
     "2012-08-11", "2012-08-12"),
    ("Le marché a ouvert le mardi 31 sous la pluie.", "2012-08-03", "le mardi 31",
     "2012-07-31", "2012-08-01"),
    # years: named by a noun, in parentheses, after « pour », continuing a list
    ("Le budget 2013 sera présenté au Parlement.", "2012-07-04", "Le budget 2013",
     "2013-01-01", "2014-01-01"),
    ("La saison touristique 2011 fut médiocre.", "2012-07-04", "La saison touristique 2011",
     "2011-01-01", "2012-01-01"),
    ("Le pays produira plus à l'horizon 2025 selon le plan.", "2012-07-04", "l'horizon 2025",
     "2025-01-01", "2026-01-01"),
    ("Le film a battu Titanic (1997) dès sa sortie.", "2012-07-04", "1997", "1997-01-01",
     "1998-01-01"),
    ("La banque prévoit une croissance de 1 % pour 2013 seulement.", "2012-07-04", "2013",
     "2013-01-01", "2014-01-01"),
    ("Selon le classement mondial 2011-2012 publié par l'ONG, le pays recule.", "2012-07-04",
     "le classement mondial 2011-2012", "2011-01-01", "2013-01-01"),
    ("Depuis l'édition 2010 du tournoi, elle gagne.", "2012-07-07", "Depuis l'édition 2010",
     "2010-01-01", "2012-07-08"),
    # « début / fin » of a year are its first and last quarters
    ("Les troupes quitteront le pays fin 2014 au plus tard.", "2012-06-22", "fin 2014",
     "2014-10-01", "2015-01-01"),
    ("Les travaux ont commencé au début de 2011 dans le centre.", "2012-06-22", "au début de 2011",
     "2011-01-01", "2011-04-01"),
]
# « d'ici (à) X » runs from the publication day to the end of X
CASES += [
    ("La base fermera d'ici à 2014 selon l'armée.", "2012-07-12", "d'ici à 2014", "2012-07-12",
     "2015-01-01"),
    ("Un accord sera signé d'ici à décembre 2015.", "2012-07-05", "d'ici à décembre 2015",
     "2012-07-05", "2016-01-01"),
    # nights: both days; the one just past unless the verb is in the future
    ("La température n'est pas descendue sous 23 degrés cette nuit.", "2012-08-19",
     "cette nuit", "2012-08-18", "2012-08-20"),
    ("Il gèlera cette nuit sur le plateau.", "2012-08-19", "cette nuit", "2012-08-19",
     "2012-08-21"),
    ("La nuit dernière, un incendie a détruit la ferme.", "2012-11-01", "La nuit dernière",
     "2012-10-31", "2012-11-02"),
    ("Les épreuves ont lieu ce jour dans tout le pays.", "2012-07-03", "ce jour", "2012-07-03",
     "2012-07-04"),
    # seasons are meteorological: autumn = September–November
    ("Les ventes ont chuté lors de l'automne 2012.", "2012-12-10", "l'automne 2012",
     "2012-09-01", "2012-12-01"),
    # a relative year completes a date without one
    ("Les Jeux auront lieu du 6 au 15 septembre l'an prochain à Nice.", "2012-07-04",
     "du 6 au 15 septembre l'an prochain", "2013-09-06", "2013-09-16"),
    ("Il a été élu en mars de l'année dernière par le conseil.", "2012-07-04",
     "en mars de l'année dernière", "2011-03-01", "2011-04-01"),
    # lists of days: from the first to the last
    ("Des concerts sont donnés aux soirs des 4, 5, 6, 7 et 9 août.", "2012-08-03",
     "des 4, 5, 6, 7 et 9 août", "2012-08-04", "2012-08-10"),
    # the first months of a year
    ("Sur les 8 premiers mois de l'année, la marge a doublé.", "2012-08-21",
     "les 8 premiers mois de l'année", "2012-01-01", "2012-09-01"),
    # « plus de N »: beyond that day, within its unit
    ("Les électeurs voteront dans un peu plus d'un mois.", "2012-11-07",
     "dans un peu plus d'un mois", "2012-12-08", "2013-01-01"),
]

CASES += [
    # centuries: ranges, ordinal words, before our era (historians' reckoning)
    ("Ce peuple vivait là du Xe au premier siècle avant notre ère.", "2012-06-27",
     "du Xe au premier siècle avant notre ère", "-999-01-01", "0001-01-01"),
    ("Le château fut agrandi du XVe au XVIIe siècle.", "2012-06-27", "du XVe au XVIIe siècle",
     "1400-01-01", "1700-01-01"),
    ("La ville fut fondée au deuxième siècle avant J.-C. par des marins.", "2012-06-27",
     "au deuxième siècle avant J.-C.", "-199-01-01", "-099-01-01"),
    # halves of a month
    ("Un record pour la deuxième quinzaine d'août a été battu.", "2012-08-19",
     "la deuxième quinzaine d'août", "2012-08-16", "2012-09-01"),
    ("Les pluies reviendront dans la première moitié du mois.", "2012-08-02",
     "la première moitié du mois", "2012-08-01", "2012-08-16"),
    # « d'ici à » with an amount
    ("Les experts rendront leur avis d'ici à trois semaines.", "2012-10-29",
     "d'ici à trois semaines", "2012-10-29", "2012-11-20"),
    # an event name with its year
    ("Il a été sélectionné pour l'Euro 2012 avec son club.", "2012-06-16", "l'Euro 2012",
     "2012-01-01", "2013-01-01"),
]
CASES += [
    # « jour pour jour » makes an offset one exact day
    ("Il y a un an jour pour jour, le séisme frappait la ville.", "2012-07-04",
     "Il y a un an jour pour jour", "2011-07-04", "2011-07-05"),
    # approximate amounts
    ("Il y a une dizaine d'années, la ville était pauvre.", "2012-07-04",
     "Il y a une dizaine d'années", "2002-01-01", "2003-01-01"),
    ("Le rapport sera publié dans une quinzaine de jours.", "2012-07-04",
     "dans une quinzaine de jours", "2012-07-19", "2012-07-20"),
    ("En ce début d'année, les ventes ont chuté.", "2012-02-10", "ce début d'année",
     "2012-01-01", "2012-04-01"),
    ("La décennie 2000 fut difficile pour l'usine.", "2012-07-04", "La décennie 2000",
     "2000-01-01", "2010-01-01"),
    ("Au cours du week-end, trois accidents ont eu lieu.", "2012-07-04",
     "Au cours du week-end", "2012-06-30", "2012-07-02"),
]

# parts of a day follow the last day of the text; alone they are not dated
PARTS = [
    ("Le feu a pris le 29 octobre 2012. Dans la soirée, les pompiers sont arrivés.",
     [("le 29 octobre 2012", "2012-10-29", "2012-10-30"),
      ("Dans la soirée", "2012-10-29", "2012-10-30")]),
    ("Le départ a été donné le 10 novembre 2012. Il a pu partir dans la nuit.",
     [("le 10 novembre 2012", "2012-11-10", "2012-11-11"),
      ("dans la nuit", "2012-11-10", "2012-11-12")]),
    ("Dans la soirée, les pompiers sont arrivés.", []),
    # after the dateline alone, « dans la nuit » is the night just past (future: the coming one)
    ("12 novembre 2012. - Un incendie a ravagé un entrepôt dans la nuit.",
     [("12 novembre 2012", "2012-11-12", "2012-11-13"),
      ("dans la nuit", "2012-11-11", "2012-11-13")]),
    ("12 novembre 2012. - Il neigera dans la nuit sur les Alpes.",
     [("12 novembre 2012", "2012-11-12", "2012-11-13"),
      ("dans la nuit", "2012-11-12", "2012-11-14")]),
]

# a list of years after a year: each one is dated
LISTS = [
    ("Après 2002, 2003, 2009 et 2010, elle gagne encore.", "2012-07-07",
     ["2002", "2003", "2009", "2010"]),
    ("La marge était de 21 euros en 2010 et 15 euros en 2009.", "2012-07-07",
     ["en 2010", "en 2009"]),
    ("Entre 1500 et 2000 manifestants ont défilé.", "2012-07-07", []),
]
CASES += [
    ("2011 a été marquée par la crise dans la région.", "2012-07-05", "2011", "2011-01-01",
     "2012-01-01"),
    ("Le budget de l'année en cours a été voté.", "2012-07-05", "l'année en cours",
     "2012-01-01", "2013-01-01"),
]
CASES += [
    # hours count in whole days
    ("Il a été libéré il y a 48 heures par ses ravisseurs.", "2012-11-10", "il y a 48 heures",
     "2012-11-08", "2012-11-09"),
    ("La pluie est tombée sans arrêt ces dernières 24 heures.", "2012-11-10",
     "ces dernières 24 heures", "2012-11-09", "2012-11-11"),
]
CASES += [
    # « moins de N »: between publication and that day
    ("Le vote aura lieu dans moins d'un mois selon le ministre.", "2012-07-04",
     "dans moins d'un mois", "2012-07-05", "2012-08-05"),
    ("Il a été élu il y a moins d'un an à ce poste.", "2012-07-04", "il y a moins d'un an",
     "2011-07-04", "2012-07-05"),
]
CASES += [
    # vague references: open on one side
    ("Il se sentait faible ces derniers temps.", "2012-07-04", "ces derniers temps", None,
     "2012-07-04"),
    ("Le site était autrefois utilisé pour les fusées.", "2012-07-04", "autrefois", None,
     "2012-07-04"),
    ("Une décision sera prise dans un avenir proche.", "2012-07-04", "dans un avenir proche",
     "2012-07-05", None),
    ("Une décision sera prise dans les jours qui viennent.", "2012-07-04",
     "dans les jours qui viennent", "2012-07-05", None),
]
CASES += [
    # a part of a relative month or year (first / last third, quarter for a year)
    ("Au début du mois dernier, il a démissionné.", "2012-06-20", "Au début du mois dernier",
     "2012-05-01", "2012-05-11"),
    ("À la fin de l'année prochaine, il partira.", "2012-06-20", "À la fin de l'année prochaine",
     "2013-10-01", "2014-01-01"),
    # « entre janvier et avril »: both ends included
    ("Entre janvier et avril, les ventes ont chuté.", "2012-06-20", "Entre janvier et avril",
     "2012-01-01", "2012-05-01"),
]
NONE = [  # the expression found is the only one: the rest is a count or a habit
    ("Samedi 11 personnes ont été blessées.", "2012-08-03", "Samedi"),
    ("Le week-end, il travaille au café depuis 2010.", "2012-07-04", "depuis 2010"),
    ("1500 ont manifesté hier devant la mairie.", "2012-07-04", "hier"),
]


@pytest.fixture(scope="module")
def docs():
    texts = ([c[0] for c in CASES] + [c[0] for c in NONE] + [c[0] for c in LISTS]
             + [c[0] for c in PARTS])
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


@pytest.mark.parametrize(("sentence", "published", "expressions"), LISTS, ids=[c[0] for c in LISTS])
def test_years_in_lists(docs, sentence, published, expressions):
    rows = doc_timeline(docs[sentence], "d", pd.Timestamp(published))
    assert [r["expression"] for r in rows] == expressions


@pytest.mark.parametrize(("text", "expected"), PARTS, ids=[c[0][:30] for c in PARTS])
def test_parts_of_a_day(docs, text, expected):
    rows = doc_timeline(docs[text], "d", pd.Timestamp("2012-11-12"))
    assert [(r["expression"], _day(r["start_date"]), _day(r["end_date"])) for r in rows] == expected
