"""Cache writes in a thread during a pass: all written when the block ends, failures reported
from the caller's thread, immediate writes outside a block."""

from __future__ import annotations

import errno
import os
import threading
import warnings

import pytest

from analysis import paths, writer
from analysis.errors import CorpusWarning


@pytest.fixture(autouse=True)
def fresh_state(monkeypatch):
    monkeypatch.setattr(paths, "_WARNED", set())
    monkeypatch.setattr(paths, "_WRITES", {"enabled": True})


def recorder():
    written: list[tuple[str, bytes, str]] = []

    def write(path, data):
        written.append((path.name, data, threading.current_thread().name))

    return written, write


def test_entries_in_a_block_are_written_by_the_thread_in_order_before_it_ends(tmp_path):
    written, write = recorder()
    with writer.deferred_writes():
        for n in range(200):  # more than the queue holds: the caller waits, nothing is lost
            writer.submit(tmp_path / f"{n}.bin", lambda n=n: b"x" * n, write)
    assert [name for name, _, _ in written] == [f"{n}.bin" for n in range(200)]
    assert [len(data) for _, data, _ in written] == list(range(200))
    assert {thread for _, _, thread in written} == {"cache-writer"}


def test_outside_a_block_the_entry_is_written_at_once_in_the_caller(tmp_path):
    written, write = recorder()
    writer.submit(tmp_path / "a.bin", lambda: b"abc", write)
    assert written == [("a.bin", b"abc", threading.current_thread().name)]


def test_nested_blocks_share_one_thread(tmp_path):
    written, write = recorder()
    with writer.deferred_writes():
        with writer.deferred_writes():
            writer.submit(tmp_path / "a.bin", lambda: b"a", write)
        writer.submit(tmp_path / "b.bin", lambda: b"b", write)
    assert [(name, thread) for name, _, thread in written] == [
        ("a.bin", "cache-writer"), ("b.bin", "cache-writer")]
    assert not [t for t in threading.enumerate() if t.name == "cache-writer"]


def test_a_failed_write_warns_once_from_the_caller_and_stops_caching(tmp_path):
    attempts = []

    def full(path, data):
        attempts.append(path.name)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        with writer.deferred_writes():
            for n in range(5):
                writer.submit(tmp_path / f"{n}.bin", lambda: b"x", full)
        writer.submit(tmp_path / "after.bin", lambda: b"x", full)
    assert attempts == ["0.bin"]
    messages = [str(w.message) for w in record if issubclass(w.category, CorpusWarning)]
    assert messages == [
        f"cache entry {tmp_path / '0.bin'} cannot be written (No space left on device); free "
        f"space or make {tmp_path} writable (or set {paths.CACHE_ENV}); going on without caching"
    ]
    assert not paths.cache_writes_enabled()


def test_each_thread_has_its_own_writer(tmp_path):
    """A pass in another thread never hands its entries to this thread's writer (which may be
    closing): every entry of both is written, each by its own thread's writer."""
    written, write = recorder()
    entered, main_closed = threading.Event(), threading.Event()

    def other():
        with writer.deferred_writes():
            entered.set()  # both blocks are open now
            main_closed.wait()
            writer.submit(tmp_path / "other.bin", lambda: b"o", write)

    thread = threading.Thread(target=other)
    with writer.deferred_writes():
        thread.start()
        entered.wait()
        writer.submit(tmp_path / "main.bin", lambda: b"m", write)
    main_closed.set()  # the main thread's writer is closed; the other thread's is still open
    thread.join()
    assert sorted(name for name, _, _ in written) == ["main.bin", "other.bin"]
    assert {thread for _, _, thread in written} == {"cache-writer"}


def test_an_unexpected_error_in_the_thread_neither_hangs_nor_passes_silently(tmp_path):
    def broken(path, data):
        raise TypeError("not bytes")

    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        with writer.deferred_writes():
            for n in range(3 * writer.QUEUED):  # more than the queue holds: no hang
                writer.submit(tmp_path / f"{n}.bin", lambda: b"x", broken)
    messages = [str(w.message) for w in record if issubclass(w.category, CorpusWarning)]
    assert len(messages) == 1 and "cannot be written (TypeError: not bytes)" in messages[0]
    assert not paths.cache_writes_enabled()


def test_a_folder_in_place_of_one_entry_loses_that_entry_only(tmp_path):
    written, write = recorder()

    def write_or_folder(path, data):
        if path.name == "e1.bin":
            raise IsADirectoryError(21, "Is a directory")
        write(path, data)

    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        with writer.deferred_writes():
            for n in range(4):
                writer.submit(tmp_path / f"e{n}.bin", lambda: b"x", write_or_folder)
    assert [name for name, _, _ in written] == ["e0.bin", "e2.bin", "e3.bin"]
    messages = [str(w.message) for w in record if issubclass(w.category, CorpusWarning)]
    assert len(messages) == 1 and "is a folder, not a file" in messages[0]
    assert paths.cache_writes_enabled()
