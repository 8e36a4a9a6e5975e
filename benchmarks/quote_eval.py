"""Quote finding and speaker attribution measured on `tests/data/quote_eval.csv`.

Each row of the evaluation set is a short French news passage written for this project with
its gold quotes (`gold`: a JSON list of {"quote", "speaker"}; "" = no nameable speaker).
A gold quote is found when a predicted quote has the same text after folding whitespace and
trimming end punctuation (or one contains the other and covers at least 80% of it). The
speaker is right when the predicted canonical name equals the gold name, or one is the
other's last words (« Poutine » / « Vladimir Poutine »), or the gold name is the text of the
mention that resolved the speaker (« Organisation mondiale de la santé » → canonical « OMS »):
canonicalisation is the entity module's job; attribution is what this measures.

Run: `python benchmarks/quote_eval.py [--model fr_core_news_md]`; prints the scores and writes
`benchmarks/output/quote_eval.json`.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EVAL_SET = ROOT / "tests" / "data" / "quote_eval.csv"
OUTPUT = ROOT / "benchmarks" / "output" / "quote_eval.json"


def fold(text: str) -> str:
    """Lower case, no accents, whitespace folded, end punctuation and spaces trimmed."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.split()).strip(" .,;:!?…")


def same_quote(gold: str, predicted: str) -> bool:
    g, p = fold(gold), fold(predicted)
    if g == p:
        return True
    short, long = sorted((g, p), key=len)
    return bool(short) and short in long and len(short) >= 0.8 * len(long)


def same_speaker(gold: str, predicted: str) -> bool:
    g, p = fold(gold).split(), fold(predicted).split()
    if not g or not p:
        return g == p
    return g == p or g[-len(p):] == p or p[-len(g):] == g


def evaluate(path: Path = EVAL_SET, model: str | None = None) -> dict:
    """Recall, precision and speaker accuracy, with per-case scores and every miss listed."""
    from analysis.quotes import extract_quotes

    cases = pd.read_csv(path, dtype=str, keep_default_na=False)
    corpus = pd.DataFrame({"doc_id": cases["id"], "text": cases["text"]})
    predicted = extract_quotes(corpus, model=model)
    totals = {"gold": 0, "found": 0, "predicted": 0, "correct_predicted": 0, "speaker_ok": 0}
    by_case: dict[str, dict[str, int]] = {}
    errors = []
    for row in cases.itertuples():
        gold = json.loads(row.gold)
        mine = predicted[predicted["doc_id"] == row.id]
        stats = by_case.setdefault(row.case, {"gold": 0, "found": 0, "speaker_ok": 0,
                                              "predicted": 0, "spurious": 0})
        for item in gold:
            hits = mine[[same_quote(item["quote"], t) for t in mine["text"]]]
            stats["gold"] += 1
            if hits.empty:
                errors.append({"id": row.id, "error": "missed", "quote": item["quote"]})
                continue
            stats["found"] += 1
            hit = hits.iloc[0]
            speaker = hit["speaker"]
            surface = row.text[hit["speaker_start"] : hit["speaker_end"]] if hit[
                "speaker_start"] >= 0 else ""
            if same_speaker(item["speaker"], speaker) or (
                    surface and same_speaker(item["speaker"], surface)):
                stats["speaker_ok"] += 1
            else:
                errors.append({"id": row.id, "error": "speaker", "quote": item["quote"],
                               "gold": item["speaker"], "predicted": speaker,
                               "rule": hits.iloc[0]["rule"]})
        for text in mine["text"]:
            stats["predicted"] += 1
            if not any(same_quote(item["quote"], text) for item in gold):
                stats["spurious"] += 1
                errors.append({"id": row.id, "error": "spurious", "quote": text})
    for stats in by_case.values():
        for key in totals:
            totals[key] += {"correct_predicted": stats["predicted"] - stats["spurious"]}.get(
                key, stats.get(key, 0))
    result = {
        "passages": len(cases),
        "gold_quotes": totals["gold"],
        "predicted_quotes": totals["predicted"],
        "recall": round(totals["found"] / totals["gold"], 4),
        "precision": round(totals["correct_predicted"] / max(totals["predicted"], 1), 4),
        "speaker_accuracy": round(totals["speaker_ok"] / max(totals["found"], 1), 4),
        "model": model or "default",
        "by_case": by_case,
        "errors": errors,
    }
    return result


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="spaCy model (default: the project's)")
    args = parser.parse_args(argv)
    result = evaluate(model=args.model)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"passages {result['passages']}, gold quotes {result['gold_quotes']}, "
          f"predicted {result['predicted_quotes']}")
    print(f"recall {result['recall']:.3f}  precision {result['precision']:.3f}  "
          f"speaker accuracy {result['speaker_accuracy']:.3f}")
    for error in result["errors"]:
        print("  ", json.dumps(error, ensure_ascii=False))
    print(f"written {OUTPUT.relative_to(ROOT)}")
    return result


if __name__ == "__main__":
    main()
