"""Entity mentions measured on `tests/data/entity_eval.csv` (see `tests/data/entity_eval.md`).

For each passage the gold is a multiset of (canonical entity, label) mentions. A prediction
matches a gold mention when both names, passed through `canonical_entity` (the alias table),
are equal after folding case, accents, hyphens and apostrophes (and, for persons, a leading
lowercase particle: `de Montchalin` = `Montchalin`), and the labels are equal. Per passage,
true positives = Σ min(predicted count, gold count) over keys; the scores are micro-averaged
over all passages.

Splits: `dev` (60 passages written blind, then used to develop the rules) and `fresh` (20
passages written after the rules, scored blind once; not used for tuning): see
`tests/data/entity_eval.md` for the scores.

Three views: `core` (PER, LOC, ORG; MISC left out on both sides: what the frequency tables are
mostly read for), `all` (the four labels), `unlabelled` (core labels, name only).
Two systems per model: `ours` (`doc_entities`, per document, no cross-passage unification)
and `raw` (the model's `Doc.ents` with our four labels, surface text as the name): the
baseline. One parse per passage feeds both.

Run: `python benchmarks/entity_eval.py [--model fr_core_news_md ...]` (default: both models);
prints the scores and writes `benchmarks/output/entity_eval.json` with every error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EVAL_SET = ROOT / "tests" / "data" / "entity_eval.csv"
OUTPUT = ROOT / "benchmarks" / "output" / "entity_eval.json"
MODELS = ("fr_core_news_sm", "fr_core_news_md")
CORE = ("PER", "LOC", "ORG")
PARTICLES = ("de ", "d'", "du ", "von ", "van ", "da ", "di ", "del ")


def load_cases(path: Path = EVAL_SET) -> pd.DataFrame:
    """The evaluation passages, with `gold` parsed into a list of (entity, label, count)."""
    cases = pd.read_csv(path, dtype=str, keep_default_na=False)
    cases["gold"] = cases["gold"].map(parse_gold)
    return cases


def parse_gold(cell: str) -> list[tuple[str, str, int]]:
    """`Name|LABEL|count; ...` → [(name, label, count), ...]; an empty cell is no entity."""
    items = [item.split("|") for item in cell.split("; ") if item.strip()]
    return [(name.strip(), label.strip(), int(count)) for name, label, count in items]


def key(name: str, label: str) -> tuple[str, str]:
    """The comparison key of a (name, label) pair: canonical name, folded."""
    from analysis.entities import canonical_entity, fold

    folded = fold(canonical_entity(name))
    if label == "PER":
        for particle in PARTICLES:
            if folded.startswith(fold(particle) + " ") or folded.startswith(particle):
                folded = folded[len(particle):].strip()
                break
    return folded, label


def counter(pairs, view: str) -> Counter:
    """Counter of keys for one view (`core`, `all`, `unlabelled`)."""
    found: Counter = Counter()
    for name, label, count in pairs:
        if view != "all" and label not in CORE:
            continue
        name_key, label_key = key(name, label)
        found[(name_key, "" if view == "unlabelled" else label_key)] += count
    return found


def compare(gold: Counter, predicted: Counter) -> dict[str, int]:
    tp = sum(min(n, predicted[k]) for k, n in gold.items())
    return {"tp": tp, "gold": sum(gold.values()), "predicted": sum(predicted.values())}


def scores(stats: dict[str, int]) -> dict[str, float]:
    precision = stats["tp"] / max(stats["predicted"], 1)
    recall = stats["tp"] / max(stats["gold"], 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            **stats}


def predictions(cases: pd.DataFrame, model: str) -> dict[str, dict[str, list]]:
    """Per passage id: `ours` and `raw` lists of (name, label, 1), from one parse each."""
    from analysis.entities import LABELS, doc_entities
    from analysis.nlp import corpus_docs

    corpus = pd.DataFrame({"doc_id": cases["id"], "text": cases["text"]})
    found = {}
    for record, doc in corpus_docs(corpus, model):
        ours = [(r["entity"], r["label"], 1) for r in doc_entities(doc, str(record["doc_id"]))]
        raw = [(e.text, e.label_, 1) for e in doc.ents if e.label_ in LABELS]
        found[str(record["doc_id"])] = {"ours": ours, "raw": raw}
    return found


def evaluate(model: str, path: Path = EVAL_SET) -> dict:
    """Scores of `ours` and `raw` for one model, in the three views, with every error."""
    cases = load_cases(path)
    predicted = predictions(cases, model)
    result: dict = {"model": model, "passages": len(cases)}
    splits = sorted(set(cases["split"]))
    for system in ("ours", "raw"):
        totals = {view: Counter() for view in ("core", "all", "unlabelled")}
        by_split = {split: Counter() for split in splits}
        errors = []
        for row in cases.itertuples():
            for view in totals:
                gold = counter(row.gold, view)
                mine = counter(predicted[row.id][system], view)
                totals[view].update(compare(gold, mine))
                if view == "core":
                    by_split[row.split].update(compare(gold, mine))
                if view == "all":
                    missed, spurious = gold - mine, mine - gold
                    if missed or spurious:
                        errors.append({"id": row.id, "case": row.case,
                                       "missed": sorted(map(list, missed.elements())),
                                       "spurious": sorted(map(list, spurious.elements()))})
        result[system] = {view: scores(dict(stats)) for view, stats in totals.items()}
        result[system]["core_by_split"] = {k: scores(dict(v)) for k, v in by_split.items()}
        result[system]["errors"] = errors
    return result


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="append", help="spaCy model (default: both)")
    parser.add_argument("--errors", action="store_true", help="print every error")
    args = parser.parse_args(argv)
    results = [evaluate(model) for model in (args.model or MODELS)]
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for result in results:
        print(f"{result['model']} ({result['passages']} passages)")
        for system in ("ours", "raw"):
            line = "  ".join(
                f"{view} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}"
                for view, s in result[system].items() if view in ("core", "all", "unlabelled"))
            print(f"  {system:>4}: {line}")
            for split, s in result[system]["core_by_split"].items():
                print(f"        core on {split:>5} ({s['gold']} gold): P {s['precision']:.3f} "
                      f"R {s['recall']:.3f} F1 {s['f1']:.3f}")
        if args.errors:
            for error in result["ours"]["errors"]:
                print("    ", json.dumps(error, ensure_ascii=False))
    print(f"written {OUTPUT.relative_to(ROOT)}")
    return results


if __name__ == "__main__":
    main()
