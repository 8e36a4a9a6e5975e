"""Real-news scores: the project against hand-made gold on real French articles (`make eval`).

The gold folder (default `benchmarks/wikinews_dev/`: 83 Wikinews articles of 2012, CC BY 2.5)
holds one `.txt` per article and `gold.json`, whose conventions are:

- **quotes**: each gold quote names a string inside the quoted or reported words (`contains`,
  `occurrence` picks a repeated one); a predicted quote matches when its span overlaps it (the
  shortest overlapping prediction is taken). Recall = gold quotes matched; precision = predicted
  quotes that overlap a gold quote (or an optional `not_quotes` item); speaker right = gold quotes
  whose matched prediction names the speaker (surname, full name, an accepted alternative, or a
  part of the full name that holds the surname; `""` gold means no source named); kind right =
  the kind is one of the accepted kinds (`partial` is accepted for scare quotes). Optional items
  are neither rewarded nor penalised.
- **polarity**: the `sentiment` of the prediction overlapping each gold quote, read as negative
  below -0.1, positive above +0.1, neutral between, against the gold label (accuracy, negative
  F1, macro F1 over the three labels); peers score the same spans.
- **timeline**: each gold expression is found when a prediction overlaps its core (`contains`);
  right when the predicted half-open day interval equals the gold one (or an accepted
  alternative), or, for vague items, when the direction agrees and the bound is respected.
- **entities**: per article, gold entities (name, label, mentions by name, other forms) against
  predicted mentions grouped by canonical entity; found when an entity's name or one of its
  surface forms is a gold name or form; count exact when the matched mentions add up to the gold
  count; label right when the most frequent predicted label is the gold one; precision = 1 -
  unmatched predicted entities / predicted entities.

These are the conventions of the evaluation kit the gold came with; `tests/test_realtext.py`
checks that this scorer gives the same figures as that kit's scorer on the same gold.

Usage (from the project root):
    python -m benchmarks.realtext                 # the whole table: sm, md and the peers
    python -m benchmarks.realtext quotes --model fr_core_news_md --show 50   # one analysis, misses
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
import tempfile
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

PROJECT_DIR = Path(__file__).resolve().parent.parent
GOLD_DIR = PROJECT_DIR / "benchmarks" / "wikinews_dev"
MODELS = ("fr_core_news_sm", "fr_core_news_md")
NEUTRAL_BAND = 0.1
"""A score within ±NEUTRAL_BAND reads as neutral, below as negative, above as positive."""


# --------------------------------------------------------------------------- the gold


@dataclass
class Article:
    doc_id: str
    text: str
    gold: dict


def read_gold(folder: Path = GOLD_DIR, only: list[str] | None = None) -> list[Article]:
    """The gold articles of `folder` (in `gold.json` order), optionally only some doc_ids."""
    entries = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    articles = [Article(Path(e["file"]).stem, (folder / e["file"]).read_text(encoding="utf-8"), e)
                for e in entries]
    return [a for a in articles if only is None or a.doc_id in only]


def gold_corpus(articles: list[Article]) -> pd.DataFrame:
    """The articles as the project's corpus table (through `load_corpus`, as a user would)."""
    from analysis import load_corpus

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gold.jsonl"
        path.write_text("".join(
            json.dumps({"doc_id": a.doc_id, "published": a.gold["published"] or "", "text": a.text},
                       ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the one undated article is expected
            return load_corpus(str(path))


def project_tables(articles: list[Article], model: str | None = None) -> dict[str, pd.DataFrame]:
    """Entities, quotes and timeline of the gold articles, from one pass of the project."""
    from analysis import analyze_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analyze_corpus(gold_corpus(articles), model)


# --------------------------------------------------------------------------- helpers


def clean(value: object) -> str:
    """Lower case, one space between words, typographic apostrophes and no-break spaces folded."""
    return " ".join(str(value).replace("\u2019", "'").replace("\u00a0", " ").split()).lower()


def locate(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """Offsets of the `occurrence`-th `needle` in `text` ((-1, len-1) when absent)."""
    at = -1
    for _ in range(occurrence):
        at = text.find(needle, at + 1)
    return at, at + len(needle)


def best_overlap(rows: pd.DataFrame, start: int, end: int):
    """The shortest row of `rows` whose [start, end) overlaps [start, end), or None."""
    if rows.empty:
        return None
    hits = rows[(rows["start"] < end) & (rows["end"] > start)]
    if hits.empty:
        return None
    return hits.loc[(hits["end"] - hits["start"]).idxmin()]


def rows_of(table: pd.DataFrame, doc_id: str) -> pd.DataFrame:
    return table[table["doc_id"].astype(str) == doc_id] if len(table) else table


def label_of(score: float) -> str:
    if score < -NEUTRAL_BAND:
        return "negative"
    return "positive" if score > NEUTRAL_BAND else "neutral"


def day_of(value: object) -> str | None:
    text = str(value)
    return None if value is None or text in {"NaT", "nan", "None", ""} else text[:10]


@dataclass
class Score:
    """Figures of one analysis, its headline line and every miss (the work list)."""

    figures: dict[str, float]
    line: str
    misses: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- quotes


def speaker_matches(predicted: object, quote: dict, strict: bool = False) -> bool:
    """The kit's rule. With `strict`, an empty prediction is never right when the gold names a
    speaker: the kit's rule accepts it whenever the gold has no `speaker_full` (the empty full
    name joins the accepted labels), which flatters a system that leaves speakers empty."""
    said, short = clean(predicted), clean(quote["speaker"])
    full = clean(quote.get("speaker_full") or "")
    if not short:
        return not said
    if strict and not said:
        return False
    if said in {short, full} | {clean(x) for x in quote.get("speaker_alt", [])}:
        return True
    if full:  # part of the full name that still holds the surname
        words = lambda s: set(s.replace("-", " ").split())  # noqa: E731
        return words(short) <= words(said) <= words(full)
    return said.endswith(short)


def score_quotes(articles: list[Article], quotes: pd.DataFrame) -> Score:
    total = found = speaker = strict = kind = spurious = 0
    misses: list[str] = []
    for a in articles:
        rows = rows_of(quotes, a.doc_id)
        items = a.gold["quotes"]
        spans = [locate(a.text, g["contains"], g.get("occurrence", 1)) for g in items]
        spans += [locate(a.text, n["contains"], n.get("occurrence", 1))
                  for n in a.gold.get("not_quotes", []) if n.get("optional")]
        for g, (s, e) in zip(items, spans, strict=False):
            if g.get("optional"):
                continue
            total += 1
            hit = best_overlap(rows, s, e)
            if hit is None:
                misses.append(f"{a.doc_id} missed {g['contains']!r}")
                continue
            found += 1
            strict += speaker_matches(hit["speaker"], g, strict=True)
            if speaker_matches(hit["speaker"], g):
                speaker += 1
            else:
                misses.append(f"{a.doc_id} {g['contains']!r}: speaker {hit['speaker']!r}, "
                              f"gold {g['speaker']!r}")
            scare_ok = hit["kind"] == "partial" and "scare" in g["kind"]
            kind += str(hit["kind"]) in g["kind"].split("|") or scare_ok
        for r in rows.itertuples():
            if not any(r.start < e and r.end > s for s, e in spans):
                spurious += 1
                misses.append(f"{a.doc_id} spurious {a.text[r.start:r.end][:40]!r}")
    figures = {"recall": found / total, "precision": found / (found + spurious) if found + spurious
               else 0.0, "speaker": speaker / total, "kind": kind / total,
               "speaker_strict": strict / total}
    line = (f"quotes ({len(articles)} articles, {total} quotes): recall {figures['recall']:.3f}, "
            f"precision {figures['precision']:.3f}, speaker right {figures['speaker']:.3f} "
            f"(strict {figures['speaker_strict']:.3f}), kind right {figures['kind']:.3f}")
    return Score(figures, line, misses)


# --------------------------------------------------------------------------- polarity


def score_polarity(articles: list[Article], quotes: pd.DataFrame,
                   scorer: Callable[[str], float] | None = None) -> Score:
    """Polarity of the quoted words: the project's `sentiment`, or `scorer` on the same spans."""
    pairs: list[tuple[str, str]] = []
    misses: list[str] = []
    for a in articles:
        rows = rows_of(quotes, a.doc_id)
        for g in a.gold["quotes"]:
            if g.get("optional") or "polarity" not in g:
                continue
            hit = best_overlap(rows, *locate(a.text, g["contains"], g.get("occurrence", 1)))
            if hit is None:
                continue
            value = (scorer(a.text[int(hit["start"]):int(hit["end"])]) if scorer
                     else float(hit["sentiment"]))
            pairs.append((g["polarity"], label_of(value)))
            if pairs[-1][1] != g["polarity"]:
                misses.append(f"{a.doc_id} {g['contains']!r}: {pairs[-1][1]} ({value:+.2f}), "
                              f"gold {g['polarity']} {g.get('charged', [])}")
    counts = collections.Counter(pairs)

    def f1(label: str) -> float:
        tp = counts[(label, label)]
        predicted = sum(n for (_, p), n in counts.items() if p == label)
        actual = sum(n for (g, _), n in counts.items() if g == label)
        precision, recall = tp / max(predicted, 1), tp / max(actual, 1)
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    right = sum(n for (g, p), n in counts.items() if g == p)
    figures = {"accuracy": right / max(len(pairs), 1), "negative_f1": f1("negative"),
               "macro_f1": sum(map(f1, ("negative", "neutral", "positive"))) / 3}
    line = (f"sentiment ({len(pairs)} quotes found): polarity right {figures['accuracy']:.3f}, "
            f"negative F1 {figures['negative_f1']:.3f}, macro F1 {figures['macro_f1']:.3f}")
    return Score(figures, line, misses)


def peer_scorer(name: str) -> Callable[[str], float]:
    """A French sentiment library's score in [-1, 1]: `textblob-fr` or `vader-fr`."""
    if name == "textblob-fr":
        from textblob import Blobber
        from textblob_fr import PatternAnalyzer, PatternTagger

        blobber = Blobber(pos_tagger=PatternTagger(), analyzer=PatternAnalyzer())
        return lambda text: blobber(text).sentiment[0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # its fuzzy matcher warns about a missing C speed-up
        from vaderSentiment_fr.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    return lambda text: analyzer.polarity_scores(text)["compound"]


# --------------------------------------------------------------------------- timeline


def score_timeline(articles: list[Article], timeline: pd.DataFrame) -> Score:
    total = found = right = 0
    misses: list[str] = []
    for a in articles:
        rows = rows_of(timeline, a.doc_id)
        for g in a.gold["timeline"]:
            if g.get("optional"):
                continue
            total += 1
            name = g.get("expression", g["contains"])
            hit = best_overlap(rows, *locate(a.text, g["contains"], g.get("occurrence", 1)))
            if hit is None:
                misses.append(f"{a.doc_id} missed {name!r}")
                continue
            found += 1
            start, end = day_of(hit["start_date"]), day_of(hit["end_date"])
            if "start" in g:
                ok = [start, end] in [[g["start"], g["end"]], *g.get("alternatives", [])]
            else:
                ok = str(hit.get("direction")) == g["direction"] and (
                    ("start_after" not in g and "end_before" not in g)
                    or (g["direction"] == "future" and start is not None
                        and start > g["start_after"])
                    or (g["direction"] == "past" and end is not None and end <= g["end_before"]))
            right += ok
            if not ok:
                misses.append(f"{a.doc_id} {name!r}: [{start}, {end}) "
                              f"gold [{g.get('start')}, {g.get('end')})")
    figures = {"found": found / total, "right": right / total}
    line = (f"timeline ({len(articles)} articles, {total} expressions): found "
            f"{figures['found']:.3f}, interval right {figures['right']:.3f}")
    return Score(figures, line, misses)


def dateparser_timeline(articles: list[Article]) -> pd.DataFrame:
    """dateparser's `search_dates` (French, relative to the publication date, past preferred) as
    a timeline table: the peer a researcher would otherwise reach for."""
    from dateparser.search import search_dates

    rows = []
    for a in articles:
        settings: dict = {"PREFER_DATES_FROM": "past"}
        if a.gold["published"]:
            settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(a.gold["published"])
        cursor = 0
        for surface, when in search_dates(a.text, languages=["fr"], settings=settings) or []:
            start = a.text.find(surface, cursor)
            start = a.text.find(surface) if start < 0 else start
            cursor = max(cursor, start + 1)
            day = pd.Timestamp(when.date())
            rows.append({"doc_id": a.doc_id, "start": start, "end": start + len(surface),
                         "start_date": day, "end_date": day + pd.Timedelta(days=1),
                         "direction": None})
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "start_date", "end_date",
                                       "direction"])


# --------------------------------------------------------------------------- entities


def score_entities(articles: list[Article], mentions: pd.DataFrame) -> Score:
    total = found = exact = labelled = gold_mentions = got = spurious = predicted = 0
    misses: list[str] = []
    for a in articles:
        entities: dict[str, dict] = {}
        for r in rows_of(mentions, a.doc_id).itertuples():
            entity = entities.setdefault(str(r.entity), {"count": 0, "labels": [], "forms": set()})
            entity["count"] += 1
            entity["labels"].append(str(r.label))
            entity["forms"].add(clean(r.text))
        taken: set[str] = set()
        for g in a.gold.get("entities", []):
            names = {clean(g["name"])} | {clean(f) for f in g.get("forms", [])}
            hits = [k for k, e in entities.items()
                    if k not in taken and (clean(k) in names or e["forms"] & names)]
            taken.update(hits)
            if g.get("optional"):
                continue
            total += 1
            gold_mentions += g["count"]
            if not hits:
                misses.append(f"{a.doc_id} missed {g['name']} ({g['label']}, {g['count']})")
                continue
            found += 1
            count = sum(entities[k]["count"] for k in hits)
            got += min(count, g["count"])
            exact += count == g["count"]
            label = collections.Counter(x for k in hits for x in entities[k]["labels"]).most_common(
                1)[0][0]
            labelled += label == g["label"]
            if count != g["count"]:
                misses.append(f"{a.doc_id} {g['name']}: {count} mentions ({' + '.join(hits)}), "
                              f"gold {g['count']}")
            elif label != g["label"]:
                misses.append(f"{a.doc_id} {g['name']}: label {label}, gold {g['label']}")
        predicted += len(entities)
        extra = [k for k in entities if k not in taken]
        spurious += len(extra)
        misses += [f"{a.doc_id} spurious {k!r} ({entities[k]['count']})" for k in extra]
    figures = {"found": found / total, "precision": 1 - spurious / max(predicted, 1),
               "exact": exact / total, "mentions": got / gold_mentions, "label": labelled / total}
    line = (f"entities ({len(articles)} articles, {total} entities, {gold_mentions} mentions): "
            f"found {figures['found']:.3f}, precision {figures['precision']:.3f}, count exact "
            f"{figures['exact']:.3f}, mentions found {figures['mentions']:.3f}, label right "
            f"{figures['label']:.3f}")
    return Score(figures, line, misses)


# --------------------------------------------------------------------------- the table


ROWS = [  # (analysis, figure name, key of the score, key of the figure)
    ("quotes", "found (recall)", "quotes", "recall"),
    ("quotes", "precision", "quotes", "precision"),
    ("quotes", "speaker right", "quotes", "speaker"),
    ("quotes", "speaker right, strict (no empty speaker)", "quotes", "speaker_strict"),
    ("polarity", "right", "sentiment", "accuracy"),
    ("polarity", "negative F1", "sentiment", "negative_f1"),
    ("polarity", "macro F1", "sentiment", "macro_f1"),
    ("timeline", "found", "timeline", "found"),
    ("timeline", "interval right", "timeline", "right"),
    ("entities", "found", "entities", "found"),
    ("entities", "precision", "entities", "precision"),
    ("entities", "count exact", "entities", "exact"),
    ("entities", "label right", "entities", "label"),
]


def project_scores(articles: list[Article], model: str | None) -> dict[str, Score]:
    return scores_of(articles, project_tables(articles, model))


def scores_of(articles: list[Article], tables: dict[str, pd.DataFrame]) -> dict[str, Score]:
    """Every analysis's score of the project's `tables` on the gold `articles`."""
    return {"quotes": score_quotes(articles, tables["quotes"]),
            "sentiment": score_polarity(articles, tables["quotes"]),
            "timeline": score_timeline(articles, tables["timeline"]),
            "entities": score_entities(articles, tables["entities"])}


def peer_scores(articles: list[Article], quotes: pd.DataFrame) -> dict[str, dict[str, Score]]:
    """Each peer's scores, on the analyses it covers (absent peers are left out with a note)."""
    peers: dict[str, dict[str, Score]] = {}
    try:
        peers["dateparser"] = {"timeline": score_timeline(articles, dateparser_timeline(articles))}
    except ImportError:
        print("note: dateparser not installed (pip install '.[dev]'): its column is empty",
              file=sys.stderr)
    for name in ("vader-fr", "textblob-fr"):
        try:
            peers[name] = {"sentiment": score_polarity(articles, quotes, peer_scorer(name))}
        except ImportError:
            print(f"note: {name} not installed (pip install '.[dev]'): its column is empty",
                  file=sys.stderr)
    return peers


def table(articles: list[Article], models: tuple[str, ...] = MODELS, peers: bool = True) -> str:
    """The Markdown table of `make eval`: each figure for each model, then the peers."""
    columns: dict[str, dict[str, Score]] = {}
    quotes = None
    for model in models:
        tables = project_tables(articles, model)
        columns[model] = scores_of(articles, tables)
        quotes = tables["quotes"] if quotes is None else quotes  # the peers score these spans
    if peers:
        columns.update(peer_scores(articles, quotes))
    head = "| analysis | figure | " + " | ".join(columns) + " |"
    lines = [head, "|---|---|" + "---:|" * len(columns)]
    for analysis, figure, key, name in ROWS:
        cells = [f"{scores[key].figures[name]:.3f}" if key in scores else "–"
                 for scores in columns.values()]
        lines.append(f"| {analysis} | {figure} | " + " | ".join(cells) + " |")
    counted = columns[models[0]]["quotes"].line.split("(")[1].split(")")[0]
    lines.append("")
    lines.append(f"Real French news: {counted}; gold: {GOLD_DIR.relative_to(PROJECT_DIR)}; "
                 "peers score the default model's quote spans.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", nargs="?", default="table",
                        choices=["table", "quotes", "sentiment", "timeline", "entities"])
    parser.add_argument("--model", default=None, help="spaCy model (default: the project's)")
    parser.add_argument("--peer", choices=["dateparser", "textblob-fr", "vader-fr"])
    parser.add_argument("--show", type=int, default=40, help="misses to print")
    parser.add_argument("--gold", type=Path, default=GOLD_DIR)
    parser.add_argument("--no-peers", action="store_true", help="table without the peers")
    args = parser.parse_args(argv)
    articles = read_gold(args.gold)
    if args.what == "table":
        print(table(articles, peers=not args.no_peers))
        return 0
    if args.peer == "dateparser":
        score = score_timeline(articles, dateparser_timeline(articles))
    elif args.peer:
        quotes = project_tables(articles, args.model)["quotes"]
        score = score_polarity(articles, quotes, peer_scorer(args.peer))
    else:
        score = project_scores(articles, args.model)[args.what]
    for miss in score.misses[: args.show]:
        print("  " + miss)
    if len(score.misses) > args.show:
        print(f"  … and {len(score.misses) - args.show} more")
    print(score.line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
