"""French temporal expressions: find them in a text and resolve them against a publication date.

The grammar is a handful of regular-expression rules assembled from the word lists in
`data/temporal/` (month and weekday names, relative phrases and their offsets, open
references, modifiers such as « début » / « mi- » / « fin »). Each match is resolved to a
half-open interval of calendar days `[start_date, end_date)`. Expressions without a year
(« samedi », « le 24 février », « en mai », « au printemps ») are resolved by the tense of
the verb that governs them in the spaCy parse: past → the latest one on or before the
publication date, future → the next one, present → the nearest (for weekdays and weekends:
the current or coming one).

Conventions (documented here because a researcher will compare them with other taggers):

- « depuis X » runs from the start of X up to and including the publication day.
- « d'ici X » runs from the day after publication to the end of X.
- « il y a deux ans », « dans deux semaines »: the publication date shifted by the amount,
  then the calendar unit containing it (the year 2020, the ISO week …) — TIMEX3 style.
- « début / mi- / fin » split a month, season, year, decade or century into thirds
  (days 1–10, 11–20, 21–end of a month; Jan–Apr, May–Aug, Sep–Dec of a year).
- Seasons use fixed astronomical dates (data/temporal/seasons.csv); « l'hiver 2021 » is
  the winter that starts in December 2021.
- Centuries: « le XXe siècle » = [1900-01-01, 2000-01-01), value `19XX`.
- « au premier trimestre / semestre » are quarters and halves (2023-Q1, 2023-H1).
- The governing verb is the verb right before the expression if there is one (« annoncé
  samedi »), else the first verbal head up the parse, else the nearest verb of the sentence,
  never across a paragraph. A day-month that the tense puts more than 240 days away while
  the other side is within 45 days is read on the near side (data/temporal/words.json).
- Years before 1678 and other far dates are ordinary Timestamps (the table uses
  datetime64[us]).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

import pandas as pd
from spacy.tokens import Doc, Token

from .paths import data_file, read_csv_rows

DAY = pd.Timedelta(days=1)
NAT = pd.NaT
_L = r"(?<![\w-])"  # an expression starts at a word boundary (not inside « avant-hier »)
_R = r"(?![\w-])"  # …and ends at one (so « cette année-là » is not « cette année »)
DAYNUM = r"(?:1er|premier|3[01]|[12]\d|0?[1-9])"
YEAR = r"(?:1\d|20)\d\d"
SUBUNIT = {"week": "days", "month": "days", "season": "days", "year": "months", "decade": "years",
           "century": "years"}
PRESENT_MODE = {"weekday": "upcoming", "weekend": "upcoming"}
"""How a present-tense (or verbless) expression without a year picks its occurrence: the
current-or-coming one for weekdays and weekends (« Le sommet s'ouvre lundi »), else the
nearest one."""


@dataclass(frozen=True)
class Resolved:
    """An expression's meaning: a half-open day interval plus its TIMEX3-style value."""

    start_date: pd.Timestamp
    end_date: pd.Timestamp
    granularity: str
    value: str
    anchor: str  # "publication" or "absolute"
    direction: str | None = None  # set when the phrase itself fixes it


@dataclass(frozen=True)
class Mention:
    """A matched and resolved expression at character offsets [start, end)."""

    start: int
    end: int
    resolved: Resolved
    rule: str


# --------------------------------------------------------------------------- word lists


_rows = functools.partial(read_csv_rows, "temporal")  # rows of a CSV under data/temporal/


@functools.cache
def lexicon() -> dict:
    """All word lists of data/temporal/, read once."""
    words = json.loads(data_file("temporal", "words.json").read_text(encoding="utf-8"))
    return {
        "months": {r["name"]: int(r["month"]) for r in _rows("months.csv")},
        "weekdays": {r["name"]: int(r["weekday"]) for r in _rows("weekdays.csv")},
        "seasons": {r["name"]: r for r in _rows("seasons.csv")},
        "numbers": {r["word"]: int(r["value"]) if r["value"] else None
                    for r in _rows("numbers.csv")},
        "units": {r["word"]: r["unit"] for r in _rows("units.csv")},
        "relative": {r["expression"]: r for r in _rows("relative.csv")},
        "open": {r["expression"]: r for r in _rows("open.csv")},
        "modifiers": {r["expression"]: r["part"] for r in _rows("modifiers.csv")},
        "tense_verbs": _rows("tense_verbs.csv"),
        "year_parts": {r["word"]: r for r in _rows("year_parts.csv")},
        **{key: value for key, value in words.items() if not key.startswith("_")},
    }


def alt(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, any run of spaces matching one space."""
    parts = [r"\s+".join(re.escape(w) for w in phrase.split()) for phrase in words]
    return "(?:" + "|".join(sorted(set(parts), key=len, reverse=True)) + ")"


def fold(text: str) -> str:
    """Lower-cased, whitespace-collapsed form used to look phrases up in the word lists."""
    return " ".join(text.lower().split())


# --------------------------------------------------------------------------- calendar


def unit_start(unit: str, day: pd.Timestamp) -> pd.Timestamp:
    """First day of the calendar unit (ISO week from Monday) that contains `day`."""
    if unit == "day":
        return day
    if unit in ("week", "weekend"):
        monday = day - day.weekday() * DAY
        return monday + 5 * DAY if unit == "weekend" else monday
    if unit == "month":
        return pd.Timestamp(day.year, day.month, 1)
    size = {"year": 1, "decade": 10, "century": 100}[unit]
    return pd.Timestamp(day.year // size * size, 1, 1)


def unit_end(unit: str, start: pd.Timestamp) -> pd.Timestamp:
    """Exclusive end of the unit starting at `start`."""
    steps = {"day": {"days": 1}, "week": {"days": 7}, "weekend": {"days": 2},
             "month": {"months": 1}, "year": {"years": 1}, "decade": {"years": 10},
             "century": {"years": 100}}[unit]
    return start + pd.DateOffset(**steps)


def shift(day: pd.Timestamp, unit: str, amount: int) -> pd.Timestamp:
    """`day` moved by `amount` calendar units."""
    key = {"day": "days", "week": "weeks", "weekend": "weeks", "month": "months",
           "year": "years", "decade": "years", "century": "years"}[unit]
    factor = {"decade": 10, "century": 100}.get(unit, 1)
    return day + pd.DateOffset(**{key: amount * factor})


def unit_value(unit: str, start: pd.Timestamp) -> str:
    """TIMEX3-style value of the unit starting at `start` (2022-06-25, 2022-W24, 199X …)."""
    if unit in ("week", "weekend"):
        iso = start.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}" + ("-WE" if unit == "weekend" else "")
    formats = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
    if unit in formats:
        return start.strftime(formats[unit])
    return f"{start.year // 10}X" if unit == "decade" else f"{start.year // 100}XX"


def unit_interval(unit: str, day: pd.Timestamp) -> Resolved:
    """The calendar unit containing `day`, as a Resolved anchored on the publication."""
    start = unit_start(unit, day)
    granularity = "week" if unit == "weekend" else unit
    return Resolved(start, unit_end(unit, start), granularity, unit_value(unit, start),
                    "publication")


def part_of(resolved: Resolved, part: str) -> Resolved:
    """The first, middle or last third of a period (« début / mi- / fin »)."""
    start, end = resolved.start_date, resolved.end_date
    if pd.isna(start) or pd.isna(end) or resolved.granularity not in SUBUNIT:
        return resolved
    sub = SUBUNIT[resolved.granularity]
    if sub == "days":
        size = (end - start).days
    elif sub == "months":
        size = (end.year - start.year) * 12 + end.month - start.month
    else:
        size = end.year - start.year
    third = size // 3

    def at(i: int) -> pd.Timestamp:
        return start + pd.DateOffset(**{sub: i})

    bounds = {"start": (start, at(third)), "mid": (at(third), at(2 * third)),
              "end": (at(2 * third), end)}[part]
    return replace(resolved, start_date=bounds[0], end_date=bounds[1])


def pick(candidates: list[tuple[pd.Timestamp, pd.Timestamp]], pub: pd.Timestamp, mode: str):
    """Choose one occurrence of a recurring period relative to the publication day.

    last: latest ended before the publication day; next: earliest starting after it;
    past: latest started on or before it; future: earliest reaching beyond it;
    upcoming: the one containing it, else the next; nearest: containing, else closest
    (ties go to the future).
    """
    inside = [c for c in candidates if c[0] <= pub < c[1]]
    choose = {
        "last": lambda: max((c for c in candidates if c[1] <= pub), default=None),
        "next": lambda: min((c for c in candidates if c[0] > pub), default=None),
        "past": lambda: max((c for c in candidates if c[0] <= pub), default=None),
        "future": lambda: min((c for c in candidates if c[1] > pub + DAY), default=None),
        "upcoming": lambda: inside[0] if inside else min(
            (c for c in candidates if c[0] > pub), default=None),
        "nearest": lambda: inside[0] if inside else min(
            candidates, key=lambda c: (_distance(c, pub), c[0] < pub), default=None),
    }
    return choose[mode]()


def _distance(period: tuple[pd.Timestamp, pd.Timestamp], pub: pd.Timestamp) -> int:
    """Days between the publication day and the nearest day of a period."""
    start, end = period
    return (start - pub).days if start > pub else (pub - (end - DAY)).days


# --------------------------------------------------------------------------- tense


def _aux_tense(aux: Token) -> str:
    """Tense of a compound form from its auxiliary: future perfect → future, else past."""
    if "Fut" in aux.morph.get("Tense"):
        return "future"
    return "past"


def _infinitive(verb: Token) -> bool:
    """« présenter », or « être présentée » (its auxiliary is the infinitive)."""
    return "Inf" in verb.morph.get("VerbForm") or any(
        c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in verb.children)


def _ending_tense(verb: Token) -> str | None:
    """Tense read from the word's ending (tense_endings in words.json), for a verb the tagger
    got wrong: « votera » tagged as a participle, « communiqué » tagged as a noun."""
    endings = lexicon()["tense_endings"]
    word = verb.lower_
    found = [(len(e), tense) for tense, ends in endings.items() for e in ends if word.endswith(e)]
    return max(found)[1] if found and len(word) > 4 else None


def _etre_compound(verb: Token, children: list[Token]) -> bool:
    """« être » + participle read as a compound past: verbs of tense_verbs.csv marked
    `etre_participle` (entrer, arriver, mourir …) and reflexive verbs (« s'est rendu »)."""
    etre = {r["lemma"] for r in lexicon()["tense_verbs"] if r["form"] == "etre_participle"}
    reflexive = any("Yes" in c.morph.get("Reflex") for c in children)
    return verb.lemma_ in etre or reflexive


def verb_tense(verb: Token, depth: int = 0) -> str | None:
    """past / present / future of a verb from its morphology and auxiliaries.

    « a annoncé » (aux + participle) → past; « va annoncer » / « devrait annoncer » (a verb of
    tense_verbs.csv + infinitive) → that verb's tense; Tense=Fut or conditional → future;
    imparfait / passé simple / bare participle → past; else present.
    """
    children = list(verb.children)
    tense_aux = [c for c in children if c.dep_ == "aux:tense"]
    if tense_aux:
        return _aux_tense(tense_aux[0])
    verbs = lexicon()["tense_verbs"]
    infinitives = [c for c in children if c.dep_ in ("xcomp", "ccomp") and _infinitive(c)]
    for row in verbs:
        if row["lemma"] != verb.lemma_:
            continue
        marked = [v for v in infinitives if not row["marker"] or any(
            c.lower_ == row["marker"] for c in v.children)]
        if row["form"] == "infinitive" and marked:
            return row["tense"]
        if row["form"] == "participle" and "Part" in verb.morph.get("VerbForm"):
            return row["tense"]
    if "Part" in verb.morph.get("VerbForm") and not tense_aux and _ending_tense(verb) == "future":
        return "future"  # a future form mis-tagged as a participle (« votera »)
    passive = [c for c in children if c.dep_ in ("aux:pass", "cop")]
    if passive and "Part" in verb.morph.get("VerbForm") and _etre_compound(verb, children):
        return _aux_tense(passive[0])  # « est entrée », « s'est rendu »: passé composé
    morph = passive[0].morph if passive else verb.morph
    if "Inf" in morph.get("VerbForm") and verb.head is not verb and depth < 3:
        return verb_tense(verb.head, depth + 1)
    if "Fut" in morph.get("Tense") or "Cnd" in morph.get("Mood"):
        return "future"
    if set(morph.get("Tense")) & {"Imp", "Past"} or "Part" in morph.get("VerbForm"):
        return "past"
    return "present" if morph.get("Tense") else None


def governing_tense(doc: Doc, start: int, end: int) -> str | None:
    """Tense of the verb (or copula) that governs the tokens at [start, end), or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not doc.has_annotation("DEP"):
        return None
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and (before.pos_ == "VERB" or before.dep_ == "acl"):
        # « prévue ce week-end », « a reçu mardi », « communiqué dimanche »: the verb just before
        return verb_tense(before) or _ending_tense(before)
    token = span.root
    for _ in range(12):
        if not _same_paragraph(doc, start, token.idx):
            break  # the parser joined two paragraphs: the head belongs to another one
        if token.pos_ in ("VERB", "AUX") and not (start <= token.idx < end):
            return verb_tense(token)
        copula = [c for c in token.children if c.dep_ == "cop"]
        if copula:
            return verb_tense(copula[0])
        if token.head is token:
            break
        token = token.head
    nearest = _nearest_verb(span)
    return verb_tense(nearest) if nearest is not None else None


def _same_paragraph(doc: Doc, a: int, b: int) -> bool:
    """No line break between character offsets a and b."""
    span = doc.char_span(min(a, b), max(a, b), alignment_mode="expand")
    return span is None or not any("\n" in t.text_with_ws for t in span[:-1])


def _nearest_verb(span) -> Token | None:
    """The verb closest to a span in its sentence, when the parse gives it no verbal head."""
    sentence = span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]
    verbs = [t for t in sentence if t.pos_ in ("VERB", "AUX") and not span.start <= t.i < span.end
             and _same_paragraph(span.doc, span.start_char, t.idx)]
    if not verbs:
        return None
    return min(verbs, key=lambda t: (min(abs(t.i - span.start), abs(t.i - span.end + 1)),
                                     t.i > span.start))


# --------------------------------------------------------------------------- context


@dataclass
class Context:
    """What a rule needs to resolve a match: the text, the parse and the publication date."""

    doc: Doc
    pub: pd.Timestamp

    @functools.cached_property
    def text(self) -> str:
        """The document's text (spaCy rebuilds `doc.text` on every access: keep it once)."""
        return self.doc.text

    def before(self, start: int, words: Iterable[str]) -> re.Match | None:
        """The phrase from `words` that ends right before `start` (spaces between), if any."""
        pattern = _before_pattern(tuple(words))
        return pattern.search(self.text, max(0, start - 40), start)

    def mode(self, start: int, end: int, kind: str) -> str:
        """past / future / present mode for an expression without a year."""
        lex = lexicon()
        if self.before(start, lex["since_prefix"]):
            return "past"
        if self.before(start, lex["by_prefix"]):
            return "future"
        tense = governing_tense(self.doc, start, end)
        if tense in ("past", "future"):
            return tense
        if self.before(start, lex["future_leaning_prefix"]):
            return "future"  # « Les soldes durent jusqu'au 31 décembre »
        return PRESENT_MODE.get(kind, "nearest")

    def next_token(self, end: int) -> Token | None:
        """The token that follows character offset `end`."""
        span = self.doc.char_span(0, end, alignment_mode="expand")
        if span is None or span.end >= len(self.doc):
            return None
        return self.doc[span.end]


@functools.cache
def _before_pattern(words: tuple[str, ...]) -> re.Pattern:
    """A pattern matching one of `words` at the end of a text window."""
    return re.compile(rf"{_L}(?P<prefix>{alt(words)})\s*$", re.IGNORECASE)


# --------------------------------------------------------------------------- resolution


def cyclic(ctx: Context, start: int, end: int, kind: str, candidates, value: Callable,
           unresolved: str, rel: str | None = None) -> Resolved | None:
    """Resolve a recurring period (weekday, day-month, month, season, weekend).

    `candidates(pub)` lists (start, end) occurrences around the publication date; `value`
    gives the TIMEX3 value of the chosen one; `rel` is « dernier » / « prochain » if present.
    """
    granularity = {"weekday": "day", "daymonth": "day", "weekend": "week"}.get(kind, kind)
    direction = _rel_direction(rel)
    if pd.isna(ctx.pub):
        return Resolved(NAT, NAT, granularity, unresolved, "publication", direction)
    mode = {"past": "last", "future": "next"}.get(direction) or ctx.mode(start, end, kind)
    chosen = pick(candidates(ctx.pub), ctx.pub, mode)
    if chosen is None:
        return None
    if kind == "daymonth" and not direction and mode in ("past", "future"):
        chosen = _plausible(candidates(ctx.pub), ctx.pub, mode, chosen)
    return Resolved(chosen[0], chosen[1], granularity, value(chosen[0]), "publication",
                    direction)


def _plausible(candidates, pub: pd.Timestamp, mode: str, chosen):
    """A date without year that the tense puts almost a year away, when the same date on the
    other side is days away, is the near one: « Elle a appelé à une journée de mobilisation
    le 15 mars » written on 8 March means this 15 March (thresholds: day_month_window)."""
    window = lexicon()["day_month_window"]
    other = pick(candidates, pub, "future" if mode == "past" else "past")
    if (other is not None and _distance(chosen, pub) > window["far_days"]
            and _distance(other, pub) <= window["near_days"]):
        return other
    return chosen


def _rel_direction(rel: str | None) -> str | None:
    if not rel:
        return None
    lex = lexicon()
    return "past" if fold(rel) in lex["last"] else "future"


def _years(pub: pd.Timestamp) -> range:
    """The year before, of and after publication: where a date without year can fall."""
    return range(pub.year - 1, pub.year + 2)


def _date(year: int, month: int, day: int) -> pd.Timestamp | None:
    """The day, or None when it does not exist (30 février)."""
    try:
        return pd.Timestamp(year, month, day)
    except ValueError:
        return None


def _day(token: str) -> int:
    """Day of the month from « 1er », « premier » or digits."""
    return 1 if fold(token) in ("1er", "premier") else int(token)


def _month(name: str) -> int:
    """Month number of a month name of months.csv."""
    return lexicon()["months"][fold(name)]


def day_resolved(day: pd.Timestamp, anchor: str = "absolute") -> Resolved:
    """One calendar day as a Resolved."""
    return Resolved(day, day + DAY, "day", day.strftime("%Y-%m-%d"), anchor)


def season_interval(name: str, year: int) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The season `name` that starts in `year`."""
    row = lexicon()["seasons"][fold(name)]
    (sm, sd), (em, ed) = (map(int, row[k].split("-")) for k in ("start", "end"))
    start = pd.Timestamp(year, sm, sd)
    end = pd.Timestamp(year + (em < sm), em, ed)
    return start, end


def with_mod(resolved: Resolved | None, mod: str | None) -> Resolved | None:
    """Apply « début / mi- / fin » if the match has one."""
    if resolved is None or not mod:
        return resolved
    return part_of(resolved, lexicon()["modifiers"][fold(mod)])


def _stamp(year: int, month: int = 1, day: int = 1) -> pd.Timestamp:
    """A midnight Timestamp."""
    return pd.Timestamp(year, month, day)


def _unresolved(sign: int) -> str:
    """Value of a relative expression when the publication date is unknown."""
    return {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[sign]


def _sign_direction(sign: int) -> str | None:
    """past / future for a negative / positive offset; None for « this »."""
    return {-1: "past", 0: None, 1: "future"}[sign]


# --------------------------------------------------------------------------- rule handlers


def h_numeric(m: re.Match, ctx: Context) -> Resolved | None:
    """24/02/2022, 24.02.2022, 2022-02-24."""
    day = _date(int(m["y"]), int(m["m"]), int(m["d"]))
    return day_resolved(day) if day is not None else None


def h_day_month(m: re.Match, ctx: Context) -> Resolved | None:
    """« le 24 février (2022) », « dimanche 12 juin », « le 1er janvier dernier »."""
    day, month = _day(m["day"]), _month(m["month"])
    if m["year"]:
        date = _date(int(m["year"]), month, day)
        return day_resolved(date) if date is not None else None
    weekday = lexicon()["weekdays"][fold(m["wd"])] if m["wd"] else None
    return day_month_cyclic(ctx, m, day, month, weekday, m["rel"])


def day_month_cyclic(ctx: Context, m: re.Match, day: int, month: int,
                     weekday: int | None = None, rel: str | None = None) -> Resolved | None:
    """A day-month without year; a weekday given with it (« dimanche 12 juin ») picks the
    year in which that date falls on that weekday."""

    def candidates(pub: pd.Timestamp) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
        dates = [d for y in range(pub.year - 6, pub.year + 7) if (d := _date(y, month, day))]
        matching = [d for d in dates if d.weekday() == weekday]
        if not matching:
            matching = [d for d in dates if abs(d.year - pub.year) <= 1]
        return [(d, d + DAY) for d in matching]

    return cyclic(ctx, m.start(), m.end(), "daymonth", candidates,
                  lambda s: s.strftime("%Y-%m-%d"), f"XXXX-{month:02d}-{day:02d}", rel)


def h_weekday(m: re.Match, ctx: Context) -> Resolved | None:
    """« samedi », « lundi dernier », « mardi prochain », « jeudi soir »."""
    if ctx.before(m.start(), lexicon()["not_before"]):
        return None  # « chaque lundi », « tous les lundis »: a habit, not a date
    if m["wd"][0].isupper() and re.search(r"[\w,]\s*$", ctx.text[max(0, m.start() - 3):m.start()]):
        return None  # mid-sentence capital: « Mardi gras », « Vendredi saint »
    weekday = lexicon()["weekdays"][fold(m["wd"])]

    def candidates(pub: pd.Timestamp) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
        monday = pub - pub.weekday() * DAY
        days = [monday + (weekday + 7 * k) * DAY for k in range(-2, 3)]
        return [(d, d + DAY) for d in days]

    return cyclic(ctx, m.start(), m.end(), "weekday", candidates,
                  lambda s: s.strftime("%Y-%m-%d"), f"XXXX-WXX-{weekday + 1}", m["rel"])


def _weekends(pub: pd.Timestamp) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Saturday–Sunday periods around the publication date."""
    saturday = unit_start("weekend", pub)
    return [(saturday + 7 * k * DAY, saturday + (7 * k + 2) * DAY) for k in range(-2, 3)]


def h_relative(m: re.Match, ctx: Context) -> Resolved | None:
    """« hier », « la semaine dernière », « le mois prochain », « ce week-end » (relative.csv)."""
    row = relative_row(m["phrase"])
    unit, offset = row["unit"], row["offset"]
    if offset == "this":
        return cyclic(ctx, m.start(), m.end(), unit, _weekends,
                      lambda s: unit_value(unit, s), "XXXX-WXX-WE")
    amount = int(offset)
    sign = (amount > 0) - (amount < 0)
    direction = _sign_direction(sign)
    if pd.isna(ctx.pub):
        granularity = "week" if unit == "weekend" else unit
        return Resolved(NAT, NAT, granularity, _unresolved(sign), "publication", direction)
    resolved = replace(unit_interval(unit, shift(ctx.pub, unit, amount)), direction=direction)
    if row["part"]:
        resolved = part_of(resolved, row["part"])
    return with_mod(resolved, m["mod"])


CONTRACTIONS = {"du": "le", "au": "le", "des": "les", "aux": "les"}
"""« du mois dernier », « au siècle dernier »: the article contracted with de / à."""


def relative_row(phrase: str) -> dict:
    """The relative.csv row of a matched phrase, contracted article or not."""
    words = fold(phrase).split(" ", 1)
    if words[0] in CONTRACTIONS and len(words) == 2:
        words[0] = CONTRACTIONS[words[0]]
    return lexicon()["relative"][" ".join(words)]


def relative_phrases() -> list[str]:
    """Every phrase of relative.csv plus its contracted forms (« le mois » → « du mois »)."""
    phrases = []
    for phrase in lexicon()["relative"]:
        first, _, rest = phrase.partition(" ")
        phrases.append(phrase)
        phrases += [f"{c} {rest}" for c, a in CONTRACTIONS.items() if a == first and rest]
    return phrases


def h_open(m: re.Match, ctx: Context) -> Resolved | None:
    """« dans les mois à venir », « ces dernières années », « d'ici la fin de l'année »."""
    row = lexicon()["open"][fold(m["phrase"])]
    future = row["direction"] == "future"
    value = "FUTURE_REF" if future else "PAST_REF"
    granularity, bound = row["granularity"], row["bound"]
    if pd.isna(ctx.pub):
        return Resolved(NAT, NAT, granularity, value, "publication", row["direction"])
    if future:
        end = unit_end(bound, unit_start(bound, ctx.pub)) if bound else NAT
        return Resolved(ctx.pub + DAY, end, granularity, value, "publication", "future")
    return Resolved(NAT, ctx.pub, granularity, value, "publication", "past")


def h_month(m: re.Match, ctx: Context) -> Resolved | None:
    """« en mai », « mai dernier », « début juin », « mi-juillet », « fin mars 2021 »."""
    word = m["month"]
    year = int(m["year"]) if m["year"] else _two_digit_year(m, ctx)
    if m["yy"] and year is None:
        return None  # « en mai 15 personnes … »: a count, not « mai 68 »
    if not (word.islower() or year or _sentence_initial_month(m, ctx)):
        return None  # French writes months in lower case: « Mars » the planet, « Mai » a name
    month = _month(word)
    if year:
        start = _stamp(year, month)
        resolved = Resolved(start, unit_end("month", start), "month", start.strftime("%Y-%m"),
                            "absolute")
    else:
        resolved = cyclic(
            ctx, m.start(), m.end(), "month",
            lambda pub: [(s, unit_end("month", s)) for y in _years(pub) if (s := _stamp(y, month))],
            lambda s: s.strftime("%Y-%m"), f"XXXX-{month:02d}", m["rel"])
    return with_mod(resolved, m["mod"])


def _two_digit_year(m: re.Match, ctx: Context) -> int | None:
    """« mai 68 » → 1968, « mars 22 » → 2022 (the latest such year not after publication)."""
    if not m["yy"] or _followed_by_noun(m, ctx):
        return None
    latest = ctx.pub.year if pd.notna(ctx.pub) else 2099
    year = 2000 + int(m["yy"])
    return year if year <= latest else year - 100


def _sentence_initial_month(m: re.Match, ctx: Context) -> bool:
    """« Juin a été chaud. »: a capitalised month opening a sentence, not a named entity and
    not followed by a proper noun (« Mai Nguyen », « Mars est une planète » are refused)."""
    span = ctx.doc.char_span(m.start("month"), m.end("month"), alignment_mode="expand")
    if span is None or m.start() != m.start("month"):
        return False
    token = span[0]
    following = ctx.doc[token.i + 1] if token.i + 1 < len(ctx.doc) else None
    return (token.is_sent_start and not token.ent_type_
            and not (following is not None and following.pos_ == "PROPN"))


def h_season(m: re.Match, ctx: Context) -> Resolved | None:
    """« au printemps », « cet été », « l'hiver dernier », « l'automne 2021 »."""
    name = m["season"]
    code = lexicon()["seasons"][fold(name)]["code"]
    if m["year"]:
        start, end = season_interval(name, int(m["year"]))
        resolved = Resolved(start, end, "season", f"{start.year}-{code}", "absolute")
    else:
        resolved = cyclic(
            ctx, m.start(), m.end(), "season",
            lambda pub: [season_interval(name, y) for y in range(pub.year - 2, pub.year + 2)],
            lambda s: f"{s.year}-{code}", f"XXXX-{code}", m["rel"])
    return with_mod(resolved, m["mod"])


def h_year_part(m: re.Match, ctx: Context) -> Resolved | None:
    """« au premier trimestre », « le second semestre 2021 » (year_parts.csv, ordinals)."""
    lex = lexicon()
    part = lex["year_parts"][fold(m["part"])]
    size, index = int(part["months"]), lex["ordinals"][fold(m["ord"])]
    if index > 12 // size:
        return None
    code, granularity = part["code"], part["granularity"]

    def period(year: int) -> tuple[pd.Timestamp, pd.Timestamp]:
        start = _stamp(year, (index - 1) * size + 1)
        return start, start + pd.DateOffset(months=size)

    if m["year"]:
        start, end = period(int(m["year"]))
        return Resolved(start, end, granularity, f"{start.year}-{code}{index}", "absolute")
    return cyclic(ctx, m.start(), m.end(), granularity,
                  lambda pub: [period(y) for y in _years(pub)],
                  lambda s: f"{s.year}-{code}{index}", f"XXXX-{code}{index}")


def _followed_by_noun(m: re.Match, ctx: Context) -> bool:
    """« de 2000 soldats », « en 1945 exemplaires »: a number counting a noun, not a year."""
    token = ctx.next_token(m.end())
    return token is not None and token.pos_ == "NOUN" and token.idx <= m.end() + 1


_NUMBER_RANGE = re.compile(r"\s*(?:et|à|-|–)\s*\d")


def h_year(m: re.Match, ctx: Context) -> Resolved | None:
    """« en 2019 », « depuis 2015 », « début 2020 », « l'année 1945 »."""
    triggered = m["lead"] or m["mod"] or ctx.before(m.start(), lexicon()["year_trigger"])
    if not triggered or _followed_by_noun(m, ctx):
        return None
    if _NUMBER_RANGE.match(ctx.text, m.end()):
        return None  # « entre 1500 et 2000 manifestants »: the range rule decides
    year = int(m["year"])
    resolved = Resolved(_stamp(year), _stamp(year + 1), "year", str(year), "absolute")
    return with_mod(resolved, m["mod"])


def h_decade(m: re.Match, ctx: Context) -> Resolved | None:
    """« dans les années 1990 », « les années 80 », « au début des années 2000 »."""
    year = int(m["decade"])
    year += 1900 if year < 100 else 0
    resolved = Resolved(_stamp(year), _stamp(year + 10), "decade", f"{year // 10}X", "absolute")
    return with_mod(resolved, m["mod"])


ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman(text: str) -> int:
    """XXI → 21."""
    values = [ROMAN[c] for c in text.upper()]
    return sum(-v if v < w else v for v, w in zip(values, values[1:] + [0], strict=True))


def h_century(m: re.Match, ctx: Context) -> Resolved | None:
    """« au XXe siècle », « du XIXe siècle », « à la fin du 20e siècle »."""
    number = m["century"]
    century = int(number) if number.isdigit() else roman(number)
    if not 1 <= century <= 21:
        return None
    start = (century - 1) * 100
    resolved = Resolved(_stamp(max(start, 1)), _stamp(start + 100), "century",
                        f"{start // 100:02d}XX", "absolute")
    return with_mod(resolved, m["mod"])


DURATION_CODE = {"day": "D", "week": "W", "month": "M", "year": "Y"}


def _duration(amount: int, unit: str) -> str:
    """ISO-8601 duration: P3Y, P2W, P10D."""
    factor = {"decade": 10, "century": 100}.get(unit, 1)
    return f"P{amount * factor}{DURATION_CODE.get(unit, 'Y')}"


def h_offset(m: re.Match, ctx: Context) -> Resolved | None:
    """« il y a deux ans », « dans trois semaines », « depuis dix ans », « d'ici deux ans »."""
    lex = lexicon()
    kind = fold(m["kind"])
    number = fold(m["n"])
    amount = int(number) if number.isdigit() else lex["numbers"][number]
    unit = lex["units"][fold(m["unit"])]
    past = kind in lex["offset_past"] or kind in lex["offset_since"]
    direction = "past" if past else "future"
    pub = ctx.pub
    if amount is None or pd.isna(pub):  # « il y a quelques jours », or no publication date
        value = _unresolved(-1 if past else 1)
        if amount is not None and (kind in lex["offset_since"] or kind in lex["offset_by"]):
            value = _duration(amount, unit)
        if pd.isna(pub):
            return Resolved(NAT, NAT, unit, value, "publication", direction)
        since = int(kind in lex["offset_since"])
        start, end = (NAT, pub + DAY * since) if past else (pub + DAY, NAT)
        return Resolved(start, end, unit, value, "publication", direction)
    if kind in lex["offset_since"]:
        return Resolved(shift(pub, unit, -amount), pub + DAY, unit, _duration(amount, unit),
                        "publication", direction)
    if kind in lex["offset_by"]:
        return Resolved(pub + DAY, shift(pub, unit, amount) + DAY, unit, _duration(amount, unit),
                        "publication", direction)
    moved = shift(pub, unit, -amount if past else amount)
    return replace(unit_interval(unit, moved), direction=direction)


def h_last_n(m: re.Match, ctx: Context) -> Resolved | None:
    """« ces trois derniers mois », « des dix dernières années », « les 2 prochains jours ».

    The span from that far back up to the publication day (or from the day after it).
    """
    lex = lexicon()
    number = fold(m["n"])
    amount = int(number) if number.isdigit() else lex["numbers"][number]
    if amount is None:
        return None
    unit = lex["units"][fold(m["unit"])]
    direction = _rel_direction(m["rel"])
    value, pub = _duration(amount, unit), ctx.pub
    if pd.isna(pub):
        return Resolved(NAT, NAT, unit, value, "publication", direction)
    if direction == "past":
        return Resolved(shift(pub, unit, -amount), pub + DAY, unit, value, "publication", "past")
    return Resolved(pub + DAY, shift(pub, unit, amount) + DAY, unit, value, "publication",
                    "future")


def h_day_range(m: re.Match, ctx: Context) -> Resolved | None:
    """« du 12 au 15 mars », « entre le 3 et le 5 mai 2021 », « du 28 février au 2 mars »."""
    first_day, last_day = _day(m["d1"]), _day(m["d2"])
    last_month = _month(m["m2"])
    first_month = _month(m["m1"]) if m["m1"] else last_month
    if m["y2"]:
        last, anchor = _date(int(m["y2"]), last_month, last_day), "absolute"
    else:
        resolved = day_month_cyclic(ctx, m, last_day, last_month)
        last, anchor = (resolved.start_date if resolved else NAT), "publication"
    if last is None:
        return None
    if pd.isna(last):
        value = f"XXXX-{first_month:02d}-{first_day:02d}/XXXX-{last_month:02d}-{last_day:02d}"
        return Resolved(NAT, NAT, "day", value, anchor)
    first = _date(last.year - (first_month > last_month), first_month, first_day)
    if first is None or first > last:
        return None
    return Resolved(first, last + DAY, "day", f"{first:%Y-%m-%d}/{last:%Y-%m-%d}", anchor)


def h_year_range(m: re.Match, ctx: Context) -> Resolved | None:
    """« entre 2019 et 2021 », « de 2015 à 2018 »."""
    first, last = int(m["y1"]), int(m["y2"])
    if len(m["y2"]) == 2:  # « 2021-22 »
        last = first // 100 * 100 + last
    if last < first or last - first > 100 or _followed_by_noun(m, ctx):
        return None
    return Resolved(_stamp(first), _stamp(last + 1), "year", f"{first}/{last}", "absolute")


# --------------------------------------------------------------------------- grammar


@functools.cache
def rules() -> list[tuple[str, re.Pattern, Callable]]:
    """(name, compiled pattern, handler) for every rule, built from the word lists."""
    lex = lexicon()
    month, weekday = alt(lex["months"]), alt(lex["weekdays"])
    rel = f"{alt(lex['last'])}|{alt(lex['next'])}"
    mod = rf"(?:(?P<mod>{alt(lex['modifiers'])})\s*)?"
    daypart = rf"(?:\s+{alt(lex['dayparts'])})?"
    number = rf"(?:\d+|{alt(lex['numbers'])})"
    offset_kinds = [*lex["offset_past"], *lex["offset_future"], *lex["offset_since"],
                    *lex["offset_by"]]
    month_head = rf"(?:(?P<lead>{alt(lex['month_lead'])})\s+)?{mod}(?P<month>{month})"
    patterns = {
        "day_range": (rf"(?P<p>{alt(lex['range_start'])})\s+(?P<d1>{DAYNUM})"
                      rf"(?:\s+(?P<m1>{month}))?\s+{alt(lex['range_join'])}\s+(?P<d2>{DAYNUM})"
                      rf"\s+(?P<m2>{month})(?:\s+(?P<y2>{YEAR}))?", h_day_range),
        "year_range": (rf"{alt(lex['range_start'])}\s+(?P<y1>{YEAR})\s+"
                       rf"{alt(lex['range_join'])}\s+(?P<y2>{YEAR})", h_year_range),
        "year_span": (rf"(?:{alt(lex['year_lead'])}\s+)?(?P<y1>{YEAR})\s*[-–/]\s*"
                      rf"(?P<y2>{YEAR}|\d\d)(?!\s*[-/]\s*\d)", h_year_range),
        "numeric": (r"(?P<d>\d{1,2})([/.])(?P<m>\d{1,2})\2(?P<y>\d{4})(?!\d|[/.]\d)", h_numeric),
        "iso": (r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)", h_numeric),
        "day_month": (rf"(?:{alt(lex['day_article'])}\s+)?(?:(?P<wd>{weekday})\s+)?"
                      rf"(?P<day>{DAYNUM})\s+(?P<month>{month})(?:\s+(?P<year>{YEAR}))?"
                      rf"(?:\s+(?P<rel>{rel}))?", h_day_month),
        "weekday": (rf"(?:{alt(lex['weekday_article'])}\s+)?(?P<wd>{weekday}){daypart}"
                    rf"(?:\s+(?P<rel>{rel}))?", h_weekday),
        "relative": (rf"{mod}(?P<phrase>{alt(relative_phrases())}){daypart}", h_relative),
        "open": (rf"(?P<phrase>{alt(lex['open'])})", h_open),
        # twice: « mai 68 » (two-digit year), and plain, so that « en mai 15 personnes »
        # still gives « en mai » when the two-digit reading is refused
        "month_yy": (rf"{month_head}\s+'?(?P<yy>\d\d)(?![\d,.%])(?P<year>)(?P<rel>)", h_month),
        "month": (rf"{month_head}(?P<yy>)(?:\s+(?P<year>{YEAR})|\s+(?P<rel>{rel}))?", h_month),
        "season": (rf"{mod}(?P<lead>{alt(lex['season_lead'])})\s*"
                   rf"(?P<season>{alt(lex['seasons'])})"
                   rf"(?:\s+(?P<year>{YEAR})(?:\s*[-/]\s*(?:\d\d){{1,2}})?|\s+(?P<rel>{rel}))?",
                   h_season),
        "year_part": (rf"(?:{alt(lex['year_part_lead'])}\s+)?(?P<ord>{alt(lex['ordinals'])})\s+"
                      rf"(?P<part>{alt(lex['year_parts'])})(?:\s+(?:de\s+)?(?P<year>{YEAR}))?",
                      h_year_part),
        "year": (rf"(?:(?P<lead>{alt(lex['year_lead'])})\s+)?{mod}(?P<year>{YEAR})"
                 r"(?!\s*(?:%|€|\$|£|,\d|\.\d))", h_year),
        "decade": (rf"{mod}(?:{alt(lex['decade_lead'])}\s+)?années\s+"
                   r"(?P<decade>(?:19|20)?\d0)(?!\s*%)", h_decade),
        "century": (rf"{mod}(?:{alt(lex['century_lead'])}\s+)?(?P<century>[IVXLC]+|\d{{1,2}})"
                    r"(?:e|ème|eme|è|ᵉ)\s+siècle", h_century),
        "offset": (rf"(?P<kind>{alt(offset_kinds)})\s+(?:{alt(lex['offset_adverbs'])}\s+)?"
                   rf"(?P<n>{number})\s+"
                   rf"(?P<unit>{alt(lex['units'])})", h_offset),
        "last_n": (rf"(?:{alt(lex['last_n_lead'])})\s+(?P<n>{number})\s+"
                   rf"(?P<rel>{rel})\s+(?P<unit>{alt(lex['units'])})", h_last_n),
    }
    return [(name, re.compile(_L + pattern + _R, re.IGNORECASE), handler)
            for name, (pattern, handler) in patterns.items()]


def candidate_mentions(ctx: Context) -> list[Mention]:
    """Every resolvable match of every rule (overlapping)."""
    found = []
    for name, pattern, handler in rules():
        for match in pattern.finditer(ctx.text):
            resolved = handler(match, ctx)
            if resolved is not None:
                found.append(Mention(match.start(), match.end(), resolved, name))
    return found


def select(mentions: list[Mention]) -> list[Mention]:
    """Longest matches win; among equal lengths the earlier rule; result in text order."""
    order = {name: i for i, (name, _, _) in enumerate(rules())}
    chosen: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start - m.end, order[m.rule], m.start)):
        if all(mention.end <= c.start or mention.start >= c.end for c in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: (m.start, m.end))


def merge_ranges(mentions: list[Mention], ctx: Context) -> list[Mention]:
    """« du 12 mars au 15 avril », « entre mai et juillet »: two mentions joined as one period."""
    lex = lexicon()
    join = re.compile(rf"\s+{alt(lex['range_join'])}\s+", re.IGNORECASE)
    merged: list[Mention] = []
    index = 0
    while index < len(mentions):
        first = mentions[index]
        second = mentions[index + 1] if index + 1 < len(mentions) else None
        prefix = ctx.before(first.start, lex["range_start"])
        if second and prefix and join.fullmatch(ctx.text, first.end, second.start):
            a, b = first.resolved, second.resolved
            ordered = pd.isna(a.start_date) or pd.isna(b.start_date) or a.start_date <= b.start_date
            if ordered and first.rule != "open" and second.rule != "open":
                anchor = "absolute" if a.anchor == b.anchor == "absolute" else "publication"
                resolved = Resolved(a.start_date, b.end_date, a.granularity,
                                    f"{a.value}/{b.value}", anchor)
                merged.append(Mention(prefix.start("prefix"), second.end, resolved, "range"))
                index += 2
                continue
        merged.append(first)
        index += 1
    return merged


def compose_prefixes(mentions: list[Mention], ctx: Context) -> list[Mention]:
    """« depuis X » → [X, publication]; « d'ici X » → (publication, end of X)."""
    lex = lexicon()
    out = []
    for mention in mentions:
        res = mention.resolved
        since = ctx.before(mention.start, lex["since_prefix"])
        by = ctx.before(mention.start, lex["by_prefix"])
        if mention.rule in ("open", "offset") or not (since or by):
            out.append(mention)
            continue
        pub_next = ctx.pub + DAY if pd.notna(ctx.pub) else NAT
        if since:
            resolved = Resolved(res.start_date, pub_next, res.granularity,
                                f"{res.value}/PRESENT_REF", res.anchor, "past")
            start = since.start("prefix")
        else:
            resolved = Resolved(pub_next, res.end_date, res.granularity,
                                f"PRESENT_REF/{res.value}", "publication", "future")
            start = by.start("prefix")
        out.append(Mention(start, mention.end, resolved, mention.rule))
    return out


def find_mentions(doc: Doc, pub: pd.Timestamp) -> list[Mention]:
    """All temporal expressions of a parsed text, resolved against `pub` (NaT allowed)."""
    ctx = Context(doc, pd.Timestamp(pub).normalize() if pd.notna(pub) else NAT)
    return compose_prefixes(merge_ranges(select(candidate_mentions(ctx)), ctx), ctx)


def direction_of(resolved: Resolved, pub: pd.Timestamp, tense: str | None = None) -> str:
    """past / present / future relative to the publication day (else the verb's tense)."""
    if resolved.direction:
        return resolved.direction
    start, end = resolved.start_date, resolved.end_date
    if pd.isna(pub) or (pd.isna(start) and pd.isna(end)):
        return tense or "present"
    if pd.notna(end) and end <= pub:
        return "past"
    if pd.notna(start) and start > pub:
        return "future"
    return "present"
