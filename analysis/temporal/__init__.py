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
- « d'ici (à) X » runs from the publication day to the end of X (« d'ici à 2014 » =
  [publication, 2015-01-01)); so do « d'ici deux ans » and « d'ici la fin de l'année ».
- « il y a deux ans », « dans deux semaines »: the publication date shifted by the amount,
  then the calendar unit containing it (the year 2020, the ISO week …) — TIMEX3 style.
- « début / mi- / fin » split a month, season, year, decade or century into thirds
  (days 1–10, 11–20, 21–end of a month; Jan–Apr, May–Aug, Sep–Dec of a year).
- Seasons are meteorological (data/temporal/seasons.csv: autumn = September–November);
  « l'hiver 2021 » is the winter that starts in December 2021.
- Nights cover both days: « cette nuit » = [publication - 1 day, publication + 1 day) (the
  night just past; the coming one with a future verb), « la nuit dernière » likewise.
- « début / fin » of a year are its first / last quarter (« fin 2014 » = Oct–Dec 2014).
- Anaphors (« le lendemain », « cette année-là », « deux mois plus tard ») are dated from the
  last earlier date of the text they can refer to; appositions restate (« il y a 50 ans, le
  5 juillet 1962 »): see `anchors`.
- Centuries: « le XXe siècle » = [1900-01-01, 2000-01-01), value `19XX`.
- « au premier trimestre / semestre » are quarters and halves (2023-Q1, 2023-H1).
- The governing verb is the verb right before the expression if there is one (« annoncé
  samedi »), else the first verbal head up the parse, else the nearest verb of the sentence,
  never across a paragraph. A day-month that the tense puts more than 240 days away while
  the other side is within 45 days is read on the near side (data/temporal/words.json).
- Any year: dates are Timestamps in astronomical year numbering (year 0 = 1 BC), built by
  `interval.stamp` without Python datetimes; the table holds them as datetime64[us] (see
  `analysis.timeline.COLUMNS`). « au XVe siècle » = 1400–1499; before our era (« av. J.-C. »,
  « avant notre ère », data/temporal/words.json `era_before`) centuries are counted the
  historians' way: « au Xe siècle avant notre ère » = 1000 BC to 901 BC.

Modules: `lexicon` (word lists), `interval` (what a resolved expression is), `units`
(calendar arithmetic), `tense` (the governing verb), `context` (what a handler sees, recurring
periods), `days` / `years` (rule handlers), `grammar` (the rules and the choice among
matches), `compose` (ranges, a following « l'an prochain », « depuis » / « d'ici », direction),
`anchors` (reading order: anaphors and appositions), `table` (the timeline rows and
table), `periods` (counts by calendar period).
"""


from __future__ import annotations

from .compose import compose_prefixes, direction_of, find_mentions, merge_ranges
from .context import Context, cyclic
from .grammar import candidate_mentions, rules, select
from .interval import DAY, NAT, Mention, Resolved, day_resolved
from .lexicon import alt, fold, lexicon
from .tense import governing_tense, verb_tense
from .units import part_of, pick, shift, unit_end, unit_interval, unit_start, unit_value

__all__ = [
    "DAY", "NAT", "Context", "Mention", "Resolved", "alt", "candidate_mentions",
    "compose_prefixes", "cyclic", "day_resolved", "direction_of", "find_mentions", "fold",
    "governing_tense", "lexicon", "merge_ranges", "part_of", "pick", "rules", "select", "shift",
    "unit_end", "unit_interval", "unit_start", "unit_value", "verb_tense",
]
