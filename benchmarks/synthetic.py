"""A synthetic corpus: N variants of the bundled article that neither dedup nor the cache merge.

Each variant has the bundled article's paragraphs in an order shuffled with a fixed seed and a
numbered first line, so every text is distinct (own cache entry, not a duplicate article) while
the vocabulary, length and kind of copy stay those of real news.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from analysis.corpus import load_corpus

SEED = 20220625


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
