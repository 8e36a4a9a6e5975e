"""Cache writes off the main thread while a pass parses and analyses.

Writing an entry of the parse cache or the results cache is mostly compressing and writing
bytes, work that releases Python's lock: a writer thread does it while the main thread goes on
parsing, so it no longer adds to a cold run. Inside `deferred_writes()`, `submit(path, make)`
queues the entry (`make()` builds its bytes in the thread); outside it the entry is written at
once. On leaving the block every queued entry is written before the caller goes on, and a
failed write is reported from the caller's thread, exactly as an immediate one
(`paths.cache_write_failed`): one warning, and no more caching in this process.
"""

from __future__ import annotations

import contextlib
import errno
import queue
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from .paths import cache_write_failed, cache_writes_enabled

QUEUED = 64
"""Entries waiting at most (memory stays bounded when the disk is slower than the parse)."""

Write = Callable[[Path, bytes], None]


class _Writer:
    """One thread writing queued entries in order; the first failure is kept for the caller."""

    def __init__(self, write: Write) -> None:
        self.write = write
        self.entries: queue.Queue = queue.Queue(QUEUED)
        self.failed: tuple[Path, OSError] | None = None
        self.thread = threading.Thread(target=self._run, name="cache-writer", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (entry := self.entries.get()) is not None:
            path, make = entry
            if self.failed is not None:
                continue  # caching stopped: the rest is dropped, as without the thread
            try:
                self.write(path, make())
            except OSError as err:
                self.failed = (path, err)
            except Exception as err:  # noqa: BLE001 - the thread must go on draining the queue
                self.failed = (path, OSError(errno.EIO, f"{type(err).__name__}: {err}"))

    def close(self) -> None:
        self.entries.put(None)
        self.thread.join()
        if self.failed is not None:
            cache_write_failed(*self.failed)


_LOCAL = threading.local()
"""Each thread's open writers: a pass in one thread never hands entries to another thread's
writer, which may be closing (Dask with several threads per worker)."""


def _active() -> list[_Writer]:
    if not hasattr(_LOCAL, "writers"):
        _LOCAL.writers = []
    return _LOCAL.writers


@contextlib.contextmanager
def deferred_writes(write: Write) -> Iterator[None]:
    """Within the block, `submit` hands entries to a writer thread that stores them with
    `write(path, data)`; they are all written (or their failure reported) when it ends.
    Nested blocks (in one thread) share the outer block's writer; each thread has its own."""
    active = _active()
    if active:
        yield
        return
    writer = _Writer(write)
    active.append(writer)
    try:
        yield
    finally:
        active.remove(writer)
        writer.close()


def submit(path: Path, make: Callable[[], bytes], write: Write) -> None:
    """Store the entry `make()` at `path`: queued in a `deferred_writes` block, else written
    now with `write`; a failed immediate write is reported as in `paths.cache_write_failed`."""
    if not cache_writes_enabled():
        return
    active = _active()
    if active and active[-1].thread.is_alive():  # not in a forked child, where it is gone
        active[-1].entries.put((path, make))
        return
    try:
        write(path, make())
    except OSError as err:
        cache_write_failed(path, err)
