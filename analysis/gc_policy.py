"""Garbage collection around the parse: the model out of the collector's way.

A process that has loaded a spaCy model holds about half a million Python objects (the model,
its vocabulary, pandas, the lexicons). Python's full collection (generation 2) walks all of
them: about 0.14 s each time, three times per 200 articles of a cold pass and once more after
it, while the articles' own garbage (Tokens, spans, candidate mentions, row dicts) is freed by
reference counting or dies young. Two measures:

- `freeze_after_load()`, called once when the model is loaded, moves every object alive then
  (the imports and the model, which live as long as the process) to the permanent generation
  (`gc.freeze`), so that later full collections walk only newer objects. Loading leaves about
  800 unreachable objects, which are not collected (a full collection to free them costs as
  much as the ones avoided);
- inside `young_collections_only()` (a pass and its tables) only the young generations are
  collected, so short-lived cycles still go; full collections wait until the block ends.

Memory stays flat: `make bench` checks the peak at ten times the corpus (`benchmarks/`).
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

FULL_COLLECTION_DEFERRED = 1_000_000_000
"""Generation-2 threshold inside the block: young collections between two full ones."""


_FROZEN = {"done": False}


def freeze_after_load() -> None:
    """Move every object alive now to the permanent generation (see the module), once per
    process: right after the first model is loaded (a second model, loaded later in a notebook
    session, would freeze the user's objects too)."""
    if not _FROZEN["done"]:
        _FROZEN["done"] = True
        gc.freeze()


_BLOCKS = {"open": 0, "saved": None}
_LOCK = threading.Lock()


@contextlib.contextmanager
def young_collections_only() -> Iterator[None]:
    """Within the block no full collection runs (see the module). Blocks may nest or overlap
    across threads: the first to open saves Python's thresholds, the last to close restores
    them."""
    with _LOCK:
        if _BLOCKS["open"] == 0:
            _BLOCKS["saved"] = gc.get_threshold()
            young, middle, _ = _BLOCKS["saved"]
            gc.set_threshold(young, middle, FULL_COLLECTION_DEFERRED)
        _BLOCKS["open"] += 1
    try:
        yield
    finally:
        with _LOCK:
            _BLOCKS["open"] -= 1
            if _BLOCKS["open"] == 0:
                gc.set_threshold(*_BLOCKS["saved"])
