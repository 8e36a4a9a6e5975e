"""No full garbage collection during a pass; Python's own thresholds restored after it."""

from __future__ import annotations

import gc

import pytest

from analysis import pipeline
from analysis.gc_policy import FULL_COLLECTION_DEFERRED, young_collections_only

from .conftest import fresh_python


def test_thresholds_inside_and_after_the_block_even_on_error():
    before = gc.get_threshold()
    with young_collections_only():
        assert gc.get_threshold() == (*before[:2], FULL_COLLECTION_DEFERRED)
        with young_collections_only():  # nested: still deferred, then back to the outer one
            assert gc.get_threshold()[2] == FULL_COLLECTION_DEFERRED
        assert gc.get_threshold()[2] == FULL_COLLECTION_DEFERRED
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError), young_collections_only():
        raise RuntimeError("an article's bug")
    assert gc.get_threshold() == before


def test_a_pass_runs_young_collections_but_no_full_one(bundled_corpus, monkeypatch):
    seen: list[tuple[int, int]] = []

    def watch(phase, info):
        if phase == "start":
            seen.append((info["generation"], gc.get_threshold()[2]))

    pipeline._LAST.clear()
    gc.callbacks.append(watch)
    try:
        pipeline.analyze_corpus(bundled_corpus, use_cache=False)
    finally:
        gc.callbacks.remove(watch)
    during = [generation for generation, full in seen if full == FULL_COLLECTION_DEFERRED]
    assert during and set(during) <= {0, 1}  # young collections ran, and no full one


def test_the_loaded_model_is_out_of_the_collectors_way():
    """Loading the model freezes what is alive then (the model's half-million objects), so no
    later full collection walks it (run in a fresh process: the model loads once per process)."""
    script = (
        "import gc\n"
        "from analysis import nlp\n"
        "before = gc.get_freeze_count()\n"
        "nlp.load_model()\n"
        "print(before, gc.get_freeze_count() > 200_000)\n"
    )
    assert fresh_python(script).split() == ["0", "True"]


def test_blocks_overlapping_across_threads_restore_pythons_thresholds():
    """Thread A opens, thread B opens, A closes, B closes: the thresholds are Python's again
    (a last-in restore would leave full collections off for good)."""
    import threading

    before = gc.get_threshold()
    a_open, b_open, a_closed = threading.Event(), threading.Event(), threading.Event()
    seen_by_b = []

    def a():
        with young_collections_only():
            a_open.set()
            b_open.wait()
        a_closed.set()

    def b():
        a_open.wait()
        with young_collections_only():
            b_open.set()
            a_closed.wait()
            seen_by_b.append(gc.get_threshold()[2])  # B's pass still runs after A closed

    threads = [threading.Thread(target=a), threading.Thread(target=b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen_by_b == [FULL_COLLECTION_DEFERRED]
    assert gc.get_threshold() == before


def test_a_pass_interrupted_while_packing_still_closes_its_blocks(bundled_corpus, tmp_path,
                                                                monkeypatch):
    """An error in the middle of a pass (here, packing the rows) still writes the entries
    computed so far and restores the collector's thresholds: no writer thread is left open."""
    import threading

    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(pipeline, "CHUNK_DOCS", 1)

    def broken(parts, pending):
        raise RuntimeError("packing failed")

    monkeypatch.setattr(pipeline, "_flush", broken)
    before = gc.get_threshold()
    pipeline._LAST.clear()
    with pytest.raises(RuntimeError, match="packing failed") as caught:
        pipeline.analyze_corpus(bundled_corpus)
    assert caught.tb is not None  # the traceback (and every frame of the pass) is still alive
    assert gc.get_threshold() == before
    assert not [t for t in threading.enumerate() if t.name == "cache-writer"]
    assert len(list(tmp_path.glob("rows/*/*"))) == 1  # the one article's rows were written
