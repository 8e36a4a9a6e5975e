"""Cache writes off the main thread while a pass parses and analyses.

Writing an entry of the parse cache or the results cache is mostly compressing and writing
bytes, work that releases Python's lock: a writer thread does it while the main thread goes on
parsing, so it no longer adds to a cold run. Inside `deferred_writes()`, `submit(path, make,
write)` queues the entry (`make()` builds its bytes in the thread, `write` stores them); outside
it the entry is written at once. When the outermost block of a thread ends, every entry it
queued is written before the caller goes on, and failures are reported from the caller's
thread as an immediate write reports them (`paths.cache_write_failed`): a folder in place of an
entry loses that entry only; any other failure, one warning and no more caching in this
process. Entries of a block left open (a pass interrupted and never closed) are written at exit.
"""

from __future__ import annotations

import atexit
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
    """One thread writing queued entries in order. A folder in place of an entry loses only
    that entry (reported when the block ends, as `paths.cache_write_failed` does); any other
    failure stops caching, and the entries still queued are dropped, as without the thread."""

    def __init__(self) -> None:
        self.entries: queue.Queue = queue.Queue(QUEUED)
        self.failures: list[tuple[Path, OSError]] = []
        self.stopped = False
        self.thread = threading.Thread(target=self._run, name="cache-writer", daemon=True)
        self.thread.start()
        _OPEN.add(self)

    def _run(self) -> None:
        while (entry := self.entries.get()) is not None:
            path, make, write = entry
            if self.stopped:
                continue
            try:
                write(path, make())
            except OSError as err:
                self.failures.append((path, err))
                self.stopped = not (isinstance(err, IsADirectoryError) or path.is_dir())
            except Exception as err:  # noqa: BLE001 - the thread must go on draining the queue
                self.failures.append((path, OSError(errno.EIO, f"{type(err).__name__}: {err}")))
                self.stopped = True

    def close(self) -> None:
        """Write what is queued, stop the thread, and report the failures (once each)."""
        _OPEN.discard(self)
        self.entries.put(None)
        self.thread.join()
        for path, err in self.failures:
            cache_write_failed(path, err)


_OPEN: set[_Writer] = set()
"""Writers of every thread whose block is still open (closed at exit: see `_close_open`)."""
_LOCAL = threading.local()
"""Each thread's open writers: a pass in one thread never hands entries to another thread's
writer, which may be closing (Dask with several threads per worker)."""


def _active() -> list[_Writer]:
    if not hasattr(_LOCAL, "writers"):
        _LOCAL.writers = []
    return _LOCAL.writers


@atexit.register
def _close_open() -> None:
    """At exit, write what a block left open (a pass interrupted and never closed) had
    queued, so that no computed entry is lost."""
    for writer in list(_OPEN):
        if writer.thread.is_alive():
            with contextlib.suppress(Exception):
                writer.close()


@contextlib.contextmanager
def deferred_writes() -> Iterator[None]:
    """Within the block, `submit` hands entries to a writer thread; when the block ends they
    are all written (or their failure reported). A block nested in another of the same thread
    shares its writer, which writes them when the outer block ends; each thread has its own."""
    active = _active()
    if active:
        yield
        return
    writer = _Writer()
    active.append(writer)
    try:
        yield
    finally:
        active.remove(writer)
        writer.close()


def submit(path: Path, make: Callable[[], bytes], write: Write) -> None:
    """Store the entry `make()` at `path` with `write`: queued in a `deferred_writes` block,
    else written now; a failed immediate write is reported as in `paths.cache_write_failed`."""
    if not cache_writes_enabled():
        return
    active = _active()
    if active and active[-1].thread.is_alive():  # not in a forked child, where it is gone
        active[-1].entries.put((path, make, write))
        return
    try:
        write(path, make())
    except OSError as err:
        cache_write_failed(path, err)
