"""The words of every figure in French and English, so each figure speaks one language.

`say(lang, key, **values)` returns the text of `key` in `lang` ("fr" or "en"), formatted with
`values`; `date_text` writes a date the way that language does (« 25 juin 2022 », "25 Jun
2022"); `century` writes « XIXe siècle » / "19th century". No matplotlib here.
"""

from __future__ import annotations

import datetime as dt

from ..labels import french_century

LANGS = ("fr", "en")

MONTHS = {
    "fr": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
           "nov.", "déc."],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "entities.title": "Most-mentioned named entities",
        "entities.top": "Most-mentioned named entities (top {top} of {total})",
        "entities.none": "No named entities found.",
        "entities.xlabel": "mentions",
        "label.PER": "person", "label.LOC": "place", "label.ORG": "organisation",
        "label.MISC": "other",
        "trends.title": "Mentions over time of the most-named entities",
        "trends.top": "Mentions over time of the {n} most-named entities",
        "trends.ylabel": "mentions per {bin}",
        "trends.one_date": "All dated articles were published on {date}: nothing to compare.",
        "trends.no_group": "No mention has a {group} value: nothing to compare.",
        "trends.one_group": "All articles share one {group} ({value}): nothing to compare.",
        "bin.week": "week", "bin.month": "month", "bin.year": "year",
        "quotes.title": "Sentiment of quotes",
        "quotes.all": "Sentiment of the {n} quotes",
        "quotes.top": "The {n} most charged of {total} quotes",
        "quotes.none": "No quotes found",
        "quotes.xlabel": "sentiment (−1 negative … +1 positive)",
        "quotes.unknown": "unknown", "quotes.reported": "reported",
        "speakers.title": "Sentiment by speaker",
        "speakers.all": "Mean sentiment of the quotes of each of {n} speakers",
        "speakers.top": "Mean sentiment of the {n} most-quoted of {total} speakers",
        "speakers.xlabel": "mean sentiment of quotes (−1 … +1)",
        "speakers.count": "{name} ({n} quote)", "speakers.counts": "{name} ({n} quotes)",
        "timeline.title": "Timeline of the events each article refers to",
        "timeline.some": "Events referred to in {n} of {total} articles (those with the most "
                         "dated expressions)",
        "timeline.chosen": "Events referred to in {n} chosen of {total} articles",
        "timeline.corpus": "What {total} articles refer to: days, weeks and months, per {bin}",
        "timeline.none": "No dated temporal expressions to plot.",
        "timeline.more": "+ {n} more (timeline.csv)",
        "timeline.no_date": "no date",
        "timeline.outside": "{n} references before or after this window: see the periods figure",
        "timeline.cited": "{date} · {n} articles",
        "timeline.ylabel": "references",
        "legend.publication": "publication date", "legend.day": "day", "legend.period": "period",
        "legend.open": "open (« à venir », « ces dernières années »)",
        "legend.far": "> {years} years away (date in label)",
        "legend.past": "past", "legend.present": "present", "legend.future": "future",
        "legend.published": "articles published",
        "periods.title": "Periods the articles refer to",
        "periods.zoom": "Zoom on {lo}–{hi}",
        "periods.none": "No dated temporal expressions to count.",
        "periods.ylabel": "mentions",
        "periods.log": "mentions (log scale)",
        "periods.open": "not counted: open references (« à venir », « ces dernières années ») "
                        "and relative dates of undated articles: {n}",
        "periods.decade": "the {year}s",
    },
    "fr": {
        "entities.title": "Entités nommées les plus citées",
        "entities.top": "Entités nommées les plus citées ({top} premières sur {total})",
        "entities.none": "Aucune entité nommée trouvée.",
        "entities.xlabel": "mentions",
        "label.PER": "personne", "label.LOC": "lieu", "label.ORG": "organisation",
        "label.MISC": "autre",
        "trends.title": "Mentions dans le temps des entités les plus citées",
        "trends.top": "Mentions dans le temps des {n} entités les plus citées",
        "trends.ylabel": "mentions par {bin}",
        "trends.one_date": "Tous les articles datés sont parus le {date} : rien à comparer.",
        "trends.no_group": "Aucune mention n'a de valeur {group} : rien à comparer.",
        "trends.one_group": "Tous les articles ont le même {group} ({value}) : rien à comparer.",
        "bin.week": "semaine", "bin.month": "mois", "bin.year": "année",
        "quotes.title": "Tonalité des citations",
        "quotes.all": "Tonalité des {n} citations",
        "quotes.top": "Les {n} citations les plus chargées sur {total}",
        "quotes.none": "Aucune citation trouvée",
        "quotes.xlabel": "tonalité (−1 négative … +1 positive)",
        "quotes.unknown": "inconnu", "quotes.reported": "discours indirect",
        "speakers.title": "Tonalité par locuteur",
        "speakers.all": "Tonalité moyenne des citations de chacun des {n} locuteurs",
        "speakers.top": "Tonalité moyenne des {n} locuteurs les plus cités sur {total}",
        "speakers.xlabel": "tonalité moyenne des citations (−1 … +1)",
        "speakers.count": "{name} ({n} citation)", "speakers.counts": "{name} ({n} citations)",
        "timeline.title": "Chronologie des événements auxquels chaque article renvoie",
        "timeline.some": "Événements cités dans {n} des {total} articles (ceux qui datent le "
                         "plus d'événements)",
        "timeline.chosen": "Événements cités dans {n} articles choisis sur {total}",
        "timeline.corpus": "Ce à quoi renvoient {total} articles : jours, semaines et mois, "
                           "par {bin}",
        "timeline.none": "Aucune expression temporelle datée à représenter.",
        "timeline.more": "+ {n} de plus (timeline.csv)",
        "timeline.no_date": "sans date",
        "timeline.outside": "{n} références avant ou après cette période : voir la figure des "
                            "périodes",
        "timeline.cited": "{date} · {n} articles",
        "timeline.ylabel": "références",
        "legend.publication": "date de parution", "legend.day": "jour",
        "legend.period": "période",
        "legend.open": "ouverte (« à venir », « ces dernières années »)",
        "legend.far": "à plus de {years} ans (date dans l'étiquette)",
        "legend.past": "passé", "legend.present": "présent", "legend.future": "futur",
        "legend.published": "articles parus",
        "periods.title": "Périodes auxquelles renvoient les articles",
        "periods.zoom": "Zoom sur {lo}–{hi}",
        "periods.none": "Aucune expression temporelle datée à compter.",
        "periods.ylabel": "mentions",
        "periods.log": "mentions (échelle logarithmique)",
        "periods.open": "non comptées : références ouvertes (« à venir », « ces dernières "
                        "années ») et dates relatives d'articles sans date : {n}",
        "periods.decade": "années {year}",
    },
}


def check_lang(lang: str) -> str:
    """`lang` if the figures speak it; ValueError naming the choices otherwise."""
    if lang not in WORDS:
        raise ValueError(f"lang {lang!r}: the figures speak {' or '.join(LANGS)}")
    return lang


def say(lang: str, key: str, **values: object) -> str:
    """The text of `key` in `lang`, with `values` filled in."""
    return WORDS[check_lang(lang)][key].format(**values)


def date_text(stamp: dt.date, style: str = "day", lang: str = "fr") -> str:
    """25 juin 2022 / juin 2022 / 25 juin / 2022 (`style`: day, month, short, year)."""
    month = MONTHS[check_lang(lang)][stamp.month - 1]
    year = year_text(stamp.year, lang)
    return {"day": f"{stamp.day} {month} {year}", "month": f"{month} {year}",
            "short": f"{stamp.day} {month}", "year": year}[style]


def year_text(year: int, lang: str = "fr") -> str:
    """An astronomical year as written: 2012; 0 → « 1 av. J.-C. » / "1 BC"."""
    if year >= 1:
        return str(year)
    return f"{1 - year} av. J.-C." if check_lang(lang) == "fr" else f"{1 - year} BC"


def century(year: int, lang: str = "fr") -> str:
    """The century a year (its first year) belongs to: « XIXe siècle » / "19th century";
    before our era « Xe siècle av. J.-C. » / "10th century BC" (astronomical years)."""
    if check_lang(lang) == "fr":
        return french_century(year)
    era = ""
    if year < 1:
        year, era = -year, " BC"
    number = year // 100 + 1
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10,
                                                                                   "th")
    return f"{number}{suffix} century{era}"
