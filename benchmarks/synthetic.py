"""Benchmark corpora of N articles that neither dedup nor the cache merge.

- `seed`: N variants of the bundled article, its paragraphs in an order shuffled with a fixed
  seed and a numbered first line.
- `wikinews` (the default of `make bench`): the 83 bundled real Wikinews articles in turn, each
  copy after the first with a numbered first line, so N real articles of every length and kind.

Every text is distinct (its own cache entry, not a duplicate article) while the vocabulary,
length and kind of copy stay those of real news.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from analysis.corpus import load_corpus
from analysis.paths import PROJECT_DIR

SEED = 20220625
WIKINEWS = PROJECT_DIR / "data" / "wikinews" / "wikinews_fr_2012.jsonl"
KINDS = ("wikinews", "seed")


def variant_texts(n: int, seed: int = SEED) -> list[str]:
    """`n` distinct texts: a numbered first line, then the bundled paragraphs reordered."""
    article = load_corpus().iloc[0]
    paragraphs = [p for p in article["text"].split("\n") if p.strip()]
    rng = random.Random(seed)
    texts = []
    for number in range(1, n + 1):
        order = rng.sample(paragraphs, len(paragraphs))
        texts.append("\n".join([f"Dépêche numéro {number}.", *order]))
    return texts


def write_synthetic_corpus(n: int, path: Path, seed: int = SEED) -> Path:
    """Write the `n` variants as one JSONL corpus file (dated like the bundled article)."""
    published = load_corpus().iloc[0]["published"].date().isoformat()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for number, text in enumerate(variant_texts(n, seed), start=1):
            row = {"doc_id": f"variant-{number:05d}", "published": published, "text": text}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def write_wikinews_corpus(n: int, path: Path) -> Path:
    """The first `n` articles of the Wikinews corpus repeated in turn (copies numbered), with
    their own publication dates, as one JSONL file."""
    articles = [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines()]
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for number in range(n):
            article, copy = articles[number % len(articles)], number // len(articles)
            text = article["text"] if copy == 0 else f"Dépêche numéro {copy}.\n{article['text']}"
            row = {"doc_id": f"{article['doc_id']}-{copy}", "published": article["published"],
                   "text": text}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def write_corpus(kind: str, n: int, path: Path) -> Path:
    """A benchmark corpus of `n` articles of `kind` (see `KINDS`)."""
    if kind == "seed":
        return write_synthetic_corpus(n, path)
    return write_wikinews_corpus(n, path)
