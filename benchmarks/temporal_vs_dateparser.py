"""Our French temporal tagger against `dateparser.search.search_dates` on the same sentences.

Run: `.venv/bin/python benchmarks/temporal_vs_dateparser.py [cases.csv]`; prints a table and
writes `benchmarks/output/temporal_vs_dateparser.json` (git-ignored).

The cases (tests/data/temporal_expressions.csv) are French news sentences, each with its
publication date, one temporal expression and its expected half-open day interval
[start_date, end_date) (empty = open end), or a `negative` trap that must not be dated
(« Mars » the planet, « 5,2 », « a été » …).

Scoring (the same span rule for both systems):

- positive, ours: right when some extracted row overlaps the expression's characters and has
  exactly the expected start_date AND end_date (NaT must match NaT).
- positive, dateparser: right when some (substring, datetime) it returns overlaps the
  expression and its calendar day equals the expected start_date. dateparser returns single
  datetimes, so we only ask it for the first day — more lenient than for us. Expressions whose
  expected start is open (« ces dernières années ») cannot be right for it; the table also
  gives its score on the cases it can represent.
- negative, both: right when nothing returned overlaps the trap's characters.

dateparser runs with `languages=["fr"]`, `RELATIVE_BASE` = publication date (midnight) and
`PREFER_DAY_OF_MONTH="first"` (so « en mai » can give 1 May); we run it twice, with
`PREFER_DATES_FROM` "current_period" (its default) and "past", and report both.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from analysis.nlp import iter_docs  # noqa: E402
from analysis.timeline import doc_timeline  # noqa: E402

CASES = PROJECT / "tests" / "data" / "temporal_expressions.csv"
OUTPUT = PROJECT / "benchmarks" / "output" / "temporal_vs_dateparser.json"


def load_cases(path: Path = CASES) -> pd.DataFrame:
    """The evaluation list with parsed dates and the expression's character span."""
    cases = pd.read_csv(path, dtype=str, keep_default_na=False)
    for column in ("published", "start_date", "end_date"):
        cases[column] = pd.to_datetime(cases[column].replace("", None))
    cases["span_start"] = [s.find(e) for s, e in zip(cases.sentence, cases.expression, strict=True)]
    cases["span_end"] = cases.span_start + cases.expression.str.len()
    return cases


def _overlaps(start: int, end: int, case) -> bool:
    return start < case.span_end and end > case.span_start


def _same(a, b) -> bool:
    return (pd.isna(a) and pd.isna(b)) or (pd.notna(a) and pd.notna(b) and a == b)


def score_ours(cases: pd.DataFrame, model: str | None = None) -> list[dict]:
    """Per case: what our tagger returned over the expression and whether it is right."""
    results = []
    docs = iter_docs(cases.sentence.tolist(), model)
    for case, doc in zip(cases.itertuples(), docs, strict=True):
        rows = [r for r in doc_timeline(doc, "case", case.published)
                if _overlaps(r["start"], r["end"], case)]
        if case.kind == "negative":
            right = not rows
        else:
            right = any(_same(r["start_date"], case.start_date)
                        and _same(r["end_date"], case.end_date) for r in rows)
        got = [f"{r['expression']} [{_day(r['start_date'])}, {_day(r['end_date'])})" for r in rows]
        results.append({"sentence": case.sentence, "expression": case.expression,
                        "right": bool(right), "got": got})
    return results


def _day(stamp) -> str:
    return "NaT" if pd.isna(stamp) else f"{stamp:%Y-%m-%d}"


def score_dateparser(cases: pd.DataFrame, prefer: str = "current_period") -> list[dict]:
    """Per case: what dateparser's search_dates returned over the expression, and if right."""
    from dateparser.search import search_dates

    results = []
    for case in cases.itertuples():
        settings = {"RELATIVE_BASE": case.published.to_pydatetime(),
                    "PREFER_DAY_OF_MONTH": "first", "PREFER_MONTH_OF_YEAR": "first",
                    "PREFER_DATES_FROM": prefer}
        found = search_dates(case.sentence, languages=["fr"], settings=settings) or []
        hits = []
        for text, when in found:
            where = case.sentence.find(text)
            if where >= 0 and _overlaps(where, where + len(text), case):
                hits.append((text, pd.Timestamp(when).normalize()))
        if case.kind == "negative":
            right = not hits
        else:
            right = pd.notna(case.start_date) and any(day == case.start_date for _, day in hits)
        results.append({"sentence": case.sentence, "expression": case.expression,
                        "right": bool(right), "got": [f"{t} → {_day(d)}" for t, d in hits]})
    return results


def summary(cases: pd.DataFrame, results: list[dict]) -> dict:
    """Counts: all cases, positives, negatives, and positives with a closed start."""
    right = pd.Series([r["right"] for r in results], index=cases.index)
    positive = cases.kind == "positive"
    closed = positive & cases.start_date.notna()
    return {
        "right": int(right.sum()), "total": len(cases),
        "positives_right": int(right[positive].sum()), "positives": int(positive.sum()),
        "negatives_right": int(right[~positive].sum()), "negatives": int((~positive).sum()),
        "closed_start_right": int(right[closed].sum()), "closed_start": int(closed.sum()),
    }


def main(path: Path = CASES) -> dict:
    cases = load_cases(path)
    systems = {
        "ours": score_ours(cases),
        "dateparser (current_period)": score_dateparser(cases, "current_period"),
        "dateparser (past)": score_dateparser(cases, "past"),
    }
    report = {name: {"summary": summary(cases, res), "cases": res} for name, res in systems.items()}
    print(f"{'system':30} {'all':>9} {'positives':>10} {'negatives':>10} {'closed start':>13}")
    for name, entry in report.items():
        s = entry["summary"]
        print(f"{name:30} {s['right']:>4}/{s['total']:<4} {s['positives_right']:>5}/"
              f"{s['positives']:<4} {s['negatives_right']:>5}/{s['negatives']:<4} "
              f"{s['closed_start_right']:>6}/{s['closed_start']:<4}")
    for name, entry in report.items():
        wrong = [c for c in entry["cases"] if not c["right"]]
        print(f"\n{name}: {len(wrong)} wrong")
        for case in wrong:
            print(f"  - {case['expression']!r} in {case['sentence'][:60]!r}: {case['got']}")
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return report


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else CASES)
