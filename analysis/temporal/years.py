"""Rule handlers for years, decades, centuries and their ranges (« en 2019 », « les années
1990 », « au XVe siècle », « entre 2019 et 2021 »), and for offsets from the publication day
(« il y a deux ans », « ces trois derniers mois »)."""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd

from .context import NAT, Context, _followed_by_noun, _rel_direction, _unresolved
from .interval import DAY, Resolved, _stamp, day_resolved, year_code
from .lexicon import fold, lexicon
from .units import granularity_of, shift, unit_interval, with_mod

_NUMBER_RANGE = re.compile(r"\s*(?:et|à|-|–)\s*\d")


def h_year(m: re.Match, ctx: Context) -> Resolved | None:
    """« en 2019 », « depuis 2015 », « début 2020 », « l'année 1945 », « en 52 av. J.-C. »."""
    if m["noun"] and not _year_noun_phrase(m, ctx):
        return None  # « le budget atteint 2250 millions »: a verb, then a count
    named = m["era"] or m["noun"] or _in_parentheses(m, ctx)
    listed = _listed(m, ctx) or _year_subject(m, ctx)
    triggered = m["lead"] or m["mod"] or ctx.before(m.start(), lexicon()["year_trigger"])
    if not named and (not (triggered or listed) or _followed_by_noun(m, ctx)):
        return None
    if not (named or listed or m["lead"]) and _NUMBER_RANGE.match(ctx.text, m.end()):
        return None  # « entre 1500 et 2000 manifestants »: the range rule decides
    year = era_year(int(m["year"]), m["era"])
    if year >= FAR_YEAR and not (m["lead"] or m["noun"]):
        return None  # « de 2500 euros », « entre 2300 et 2400 » : counts, not the 24th century
    if year == 0 and not m["era"]:
        return None
    resolved = Resolved(_stamp(year), _stamp(year + 1), "year", year_code(year), "absolute")
    return with_mod(resolved, m["mod"])


FAR_YEAR = 2200
"""From this year on a bare number is a year only after « en », « l'an », « l'année » or a year
noun (« en 2300 », « à l'horizon 2250 »)."""
_LISTED = re.compile(r"(?<!\d)(?:1\d|20|21)\d\d\s*(?:,|et|ou)\s*$")


def _year_noun_phrase(m: re.Match, ctx: Context) -> bool:
    """« la saison touristique 2012 »: no verb inside the noun phrase and no noun counted by
    the number after it."""
    span = ctx.doc.char_span(m.start("noun"), m.end("noun"), alignment_mode="expand")
    if span is not None and any(t.pos_ in ("VERB", "AUX") for t in span[1:]):
        return False
    return not _followed_by_noun(m, ctx)


def _year_subject(m: re.Match, ctx: Context) -> bool:
    """« 2011 a été marquée par … », « 2013 sera l'année … »: a year opening a sentence, a
    singular verb right after it."""
    span = ctx.doc.char_span(m.start("year"), m.end("year"), alignment_mode="expand")
    if span is None or m.start() != m.start("year") or not span[0].is_sent_start:
        return False
    after = ctx.doc[span.end] if span.end < len(ctx.doc) else None
    # a year takes a singular verb; « 2000 ont manifesté » counts people
    return (after is not None and after.pos_ in ("VERB", "AUX")
            and "Plur" not in after.morph.get("Number"))


def _in_parentheses(m: re.Match, ctx: Context) -> bool:
    """« Harry Potter 7 (2011) »: a year alone in parentheses."""
    text = ctx.text
    return text[m.start() - 1:m.start()] == "(" and text[m.end():m.end() + 1] == ")"


def _listed(m: re.Match, ctx: Context) -> bool:
    """« après 2002, 2003, 2009 et 2010 »: a year that continues a list of years."""
    return bool(_LISTED.search(ctx.text[max(0, m.start() - 12):m.start()]))


def h_decade(m: re.Match, ctx: Context) -> Resolved | None:
    """« dans les années 1990 », « les années 80 », « au début des années 2000 »."""
    year = int(m["decade"])
    year += 1900 if year < 100 else 0
    resolved = Resolved(_stamp(year), _stamp(year + 10), "decade", f"{year // 10}X", "absolute")
    return with_mod(resolved, m["mod"])


def _before_era(era: str | None) -> bool:
    """« av. J.-C. », « avant notre ère » (era_before in words.json)."""
    return bool(era) and fold(era) in {fold(w) for w in lexicon()["era_before"]}


def era_year(year: int, era: str | None) -> int:
    """The astronomical year of a written year: 52 av. J.-C. → -51 (1 BC is year 0)."""
    return 1 - year if _before_era(era) else year


ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman(text: str) -> int:
    """XXI → 21."""
    values = [ROMAN[c] for c in text.upper()]
    return sum(-v if v < w else v for v, w in zip(values, values[1:] + [0], strict=True))


def h_century(m: re.Match, ctx: Context) -> Resolved | None:
    """« au XXe siècle », « du XIXe siècle », « à la fin du 20e siècle », « au Xe siècle avant
    notre ère ».

    Our era: the years whose hundreds give the number minus one (XVe = 1400–1499, value 14XX).
    Before it, the historians' reckoning, counted back from 1 BC: the Xe siècle av. J.-C. runs
    from 1000 BC to 901 BC inclusive, i.e. astronomical years -999 to -900 (value
    BC1000/BC0901); there is no popular « 900s BC » reading to mirror.
    """
    century = century_number(m["century"])
    if century is None or not 1 <= century <= (21 if not _before_era(m["era"]) else 99):
        return None
    return with_mod(century_interval(century, _before_era(m["era"])), m["mod"])


def h_century_range(m: re.Match, ctx: Context) -> Resolved | None:
    """« du XVe au XVIIe siècle », « du Xe au premier siècle avant notre ère »: from the start
    of the first century to the end of the last (both of the same era)."""
    bc = _before_era(m["era"])
    first, last = century_number(m["c1"]), century_number(m["c2"])
    if first is None or last is None or max(first, last) > (99 if bc else 21):
        return None
    if (first < last) == bc or first == last or min(first, last) < 1:
        return None  # « du XVIIe au XVe siècle »: not a period in reading order
    a, b = century_interval(first, bc), century_interval(last, bc)
    value = (f"{year_code(a.start_date.year)}/{year_code(b.end_date.year - 1)}" if bc
             else f"{a.value}/{b.value}")
    return Resolved(a.start_date, b.end_date, "century", value, "absolute")


def century_number(text: str) -> int | None:
    """XXIe, 21e, « premier », « vingtième » → 21, 21, 1, 20 (None if not a century)."""
    word = fold(text)
    words = lexicon()["century_words"]
    if word in words:
        return words[word]
    digits = re.match(r"(\d+|[ivxlc]+)", word)
    if digits is None:
        return None
    number = digits.group(1)
    return int(number) if number.isdigit() else roman(number)


def century_interval(century: int, before_era: bool = False) -> Resolved:
    """A century as a Resolved (conventions in `h_century`)."""
    if before_era:
        first, last = 1 - century * 100, -(century - 1) * 100  # astronomical years
        return Resolved(_stamp(first), _stamp(last + 1), "century",
                        f"{year_code(first)}/{year_code(last)}", "absolute")
    start = (century - 1) * 100
    return Resolved(_stamp(max(start, 1)), _stamp(start + 100), "century",
                    f"{start // 100:02d}XX", "absolute")


DURATION_CODE = {"day": "D", "week": "W", "month": "M", "year": "Y"}


def _duration(amount: int, unit: str) -> str:
    """ISO-8601 duration: P3Y, P2W, P10D."""
    if unit == "hour":
        return f"PT{amount}H"
    factor = {"decade": 10, "century": 100}.get(unit, 1)
    return f"P{amount * factor}{DURATION_CODE.get(unit, 'Y')}"


def h_offset(m: re.Match, ctx: Context) -> Resolved | None:
    """« il y a deux ans », « dans trois semaines », « depuis dix ans », « d'ici deux ans »."""
    lex = lexicon()
    kind = fold(m["kind"])
    number = fold(m["n"])
    amount = int(number) if number.isdigit() else lex["numbers"][number]
    unit = lex["units"][fold(m["unit"])]
    gran = granularity_of(unit)
    past = kind in lex["offset_past"] or kind in lex["offset_since"]
    direction = "past" if past else "future"
    pub = ctx.pub
    if amount is None or pd.isna(pub):  # « il y a quelques jours », or no publication date
        value = _unresolved(-1 if past else 1)
        if amount is not None and (kind in lex["offset_since"] or kind in lex["offset_by"]):
            value = _duration(amount, unit)
        if pd.isna(pub):
            return Resolved(NAT, NAT, gran, value, "publication", direction)
        since = int(kind in lex["offset_since"])
        start, end = (NAT, pub + DAY * since) if past else (pub + DAY, NAT)
        return Resolved(start, end, gran, value, "publication", direction)
    if kind in lex["offset_since"]:
        return Resolved(shift(pub, unit, -amount), pub + DAY, gran, _duration(amount, unit),
                        "publication", direction)
    if kind in lex["offset_by"]:  # « d'ici deux ans »: from the publication day
        return Resolved(pub, shift(pub, unit, amount) + DAY, gran, _duration(amount, unit),
                        "publication", direction)
    moved = shift(pub, unit, -amount if past else amount)
    if m["exact"]:  # « il y a cinquante ans jour pour jour »: that very day
        return replace(day_resolved(moved, "publication"), direction=direction)
    found = replace(unit_interval(unit, moved), direction=direction)
    if m["adv"] and fold(m["adv"]) in {fold(w) for w in lex["offset_less"]}:
        # « dans moins d'un mois », « il y a moins d'un an »: between publication and that day
        if past:
            return Resolved(moved, pub + DAY, gran, _duration(amount, unit), "publication",
                            direction)
        return Resolved(pub + DAY, moved + DAY, gran, _duration(amount, unit), "publication",
                        direction)
    if m["adv"] and fold(m["adv"]) in {fold(w) for w in lex["offset_more"]}:
        # « dans un peu plus d'un mois »: beyond that day, within its unit
        if past:
            return replace(found, end_date=max(found.start_date + DAY, moved))
        return replace(found, start_date=min(moved + DAY, found.end_date - DAY))
    return found


def h_first_n(m: re.Match, ctx: Context) -> Resolved | None:
    """« les 8 premiers mois de l'année », « des trois premières semaines de 2011 »: from the
    start of that year, so many units long."""
    lex = lexicon()
    number = fold(m["n"])
    amount = int(number) if number.isdigit() else lex["numbers"][number]
    unit = lex["units"][fold(m["unit"])]
    gran = granularity_of(unit)
    year = m["year"] or m["year2"]
    if amount is None or unit not in ("day", "week", "month"):
        return None
    if year:
        start, anchor = _stamp(int(year)), "absolute"
    elif pd.notna(ctx.pub):
        start, anchor = _stamp(ctx.pub.year), "publication"
    else:
        return Resolved(NAT, NAT, gran, _duration(amount, unit), "publication")
    end = shift(start, unit, amount)
    return Resolved(start, end, gran, f"{year_code(start.year)}/{_duration(amount, unit)}",
                    anchor)


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
    gran = granularity_of(unit)
    direction = _rel_direction(m["rel"])
    value, pub = _duration(amount, unit), ctx.pub
    if pd.isna(pub):
        return Resolved(NAT, NAT, gran, value, "publication", direction)
    if direction == "past":
        return Resolved(shift(pub, unit, -amount), pub + DAY, gran, value, "publication", "past")
    return Resolved(pub + DAY, shift(pub, unit, amount) + DAY, gran, value, "publication",
                    "future")


def h_year_range(m: re.Match, ctx: Context) -> Resolved | None:
    """« entre 2019 et 2021 », « de 2015 à 2018 »."""
    first, last = int(m["y1"]), int(m["y2"])
    if len(m["y2"]) == 2:  # « 2021-22 »
        last = first // 100 * 100 + last
    named = m.groupdict().get("noun")  # « le classement mondial 2011-2012 établi par … »
    if last < first or last - first > 100 or (not named and _followed_by_noun(m, ctx)):
        return None
    return Resolved(_stamp(first), _stamp(last + 1), "year", f"{first}/{last}", "absolute")
