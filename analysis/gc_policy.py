"""Garbage collection during a pass: young generations only.

A process that has loaded a spaCy model holds about half a million Python objects (the model,
its vocabulary, pandas, the lexicons). Python's full collection (generation 2) walks all of
them: about 0.13 s each time, three times per 200 articles of a cold pass, while the articles'
own garbage (Tokens, spans, candidate mentions, row dicts) is freed by reference counting or
dies young. Inside `young_collections_only()` the young generations are collected as usual,
so short-lived cycles still go; full collections wait until the block ends (the thresholds
are then restored and Python resumes its usual schedule). Memory stays flat: `make bench`
checks the peak at ten times the corpus (see `benchmarks/README.md`).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

FULL_COLLECTION_DEFERRED = 1_000_000_000
"""Generation-2 threshold inside the block: young collections between two full ones."""


@contextlib.contextmanager
def young_collections_only() -> Iterator[None]:
    """Within the block no full collection runs (see the module); nesting is allowed."""
    young, middle, full = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_DEFERRED)
    try:
        yield
    finally:
        gc.set_threshold(young, middle, full)
