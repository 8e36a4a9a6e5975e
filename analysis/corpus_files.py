"""Which files make up a corpus: one file, or a folder's article files found safely.

A folder is read recursively in sorted order; hidden files and Markdown notes are passed over,
any other file type is an error (nothing the user meant as input is skipped in silence), linked
sub-folders are followed once, and anything that is not a saved file (a named pipe, a device)
or a sub-folder that cannot be listed is skipped with a warning naming it, so nothing hangs.
"""

from __future__ import annotations

import os
import stat
import warnings
from collections.abc import Iterator
from pathlib import Path

from .errors import CorpusWarning, InputError

SUFFIXES = (".txt", ".csv", ".jsonl")
"""The file types a corpus is read from."""


def corpus_files(path: Path) -> list[Path]:
    """The article files under `path`: itself, or a folder's .txt/.csv/.jsonl files, sorted.

    Hidden files and Markdown notes (a README beside the articles) are passed over; any other
    file type is an error, so that nothing the user meant as input is silently skipped. Linked
    sub-folders are read like the others (a link back to a folder being read is skipped with a
    warning); a sub-folder that cannot be listed and anything that is not a regular file (a
    named pipe, a device) are skipped with a warning naming them, so that nothing hangs.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise InputError(f"{path}: a broken symbolic link; fix or remove it") from None
        raise InputError(
            f"{path}: no such file or folder; give a .txt, .csv, .jsonl or a folder"
        ) from None
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror}); fix or remove it") from None
    if not stat.S_ISDIR(info.st_mode):
        if path.suffix.lower() not in SUFFIXES:
            raise InputError(f"{path}: unknown file type {path.suffix!r}; use .txt, .csv or .jsonl")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                f"{path}: not a regular file ({_file_kind(info.st_mode)}); give a saved file"
            )
        return [path]
    try:
        files = sorted(_walk(path, path, {_identity(info)}))
    except PermissionError:
        raise InputError(
            f"{path}: folder cannot be read (permission denied); allow it with chmod a+rx "
            f"'{path}'"
        ) from None
    if not files:
        raise InputError(f"{path}: no .txt, .csv or .jsonl articles in this folder; add some")
    return files


def _identity(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _walk(root: Path, folder: Path, seen: set[tuple[int, int]]) -> Iterator[Path]:
    """Article files under `folder` (see `corpus_files`); `seen` holds the folders being read,
    so that a link back to one of them is not followed forever."""
    for child in sorted(folder.iterdir()):
        if child.name.startswith("."):
            continue
        try:
            info = child.stat()
        except FileNotFoundError:
            if not child.is_symlink():
                continue  # removed while the folder was being read
            raise InputError(f"{child}: a broken symbolic link; fix or remove it") from None
        except OSError as err:
            raise InputError(
                f"{child}: cannot be read ({err.strerror}); fix or remove it"
            ) from None
        if stat.S_ISDIR(info.st_mode):
            if _identity(info) in seen:
                _warn(f"{child}: links back to a folder already being read; skipped")
                continue
            try:
                yield from _walk(root, child, seen | {_identity(info)})
            except PermissionError:
                _warn(
                    f"{child}: sub-folder cannot be read (permission denied), its articles are "
                    f"left out; allow it with chmod a+rx '{child}'"
                )
            continue
        if child.suffix.lower() == ".md":
            continue
        if child.suffix.lower() not in SUFFIXES:
            raise InputError(
                f"{child}: unknown file type {child.suffix!r} in the corpus folder; "
                "keep only .txt, .csv or .jsonl files there (or move this one out)"
            )
        if not stat.S_ISREG(info.st_mode):
            _warn(f"{child}: {_file_kind(info.st_mode)}, not a saved file; skipped")
            continue
        yield child


def _warn(message: str) -> None:
    warnings.warn(message, CorpusWarning, stacklevel=4)
