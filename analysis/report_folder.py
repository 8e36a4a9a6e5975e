"""The report folder (`--out`): what this tool wrote, and only that, is ever replaced.

A marker file lists every file a report wrote; the next run removes only those, keeps anything
else a user put there, locks the folder for the run, refuses a sibling `-failed` folder it did
not make, swaps the finished build in (or replaces files one by one where `--out` cannot be
renamed, e.g. a mount point), and removes build folders left by killed runs.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat

from .errors import CorpusWarning, InputError
from .paths import BUNDLED_CORPUS

if TYPE_CHECKING:
    from .report import Notebook

REPORT_MARKER = ".analysis-report"  # marks a folder this tool wrote and lists the files it wrote
FAILED_MARKER = ".analysis-failed"  # the same for the `<out>-failed` folder of partial copies
BUILD_MARKER = ".analysis-build"  # marks a build folder, so a later run may remove a stale one
MARKER_HEADER = (
    "Written by `python -m analysis run`. The next run into this folder removes only the files\n"
    "listed below; anything else put here is kept.\n"
)
LEGACY_SUFFIXES = frozenset({".ipynb", ".html", ".csv", ".png", ".svg"})
"""What a marker without a file list (written by an earlier version) is taken to cover."""
BUSY_ERRORS = frozenset({errno.EBUSY, errno.EXDEV, errno.EPERM, errno.EACCES, errno.ENOTEMPTY})
"""Errors of renaming `--out` itself (a mount point, another file system): files are moved."""


def failed_folder(out: Path) -> Path:
    return out.with_name(f"{out.name}-failed")


def write_marker(folder: Path, name: str, files: list[str]) -> None:
    """The marker file of `folder`, listing the files (relative paths) this tool wrote there."""
    tmp = folder / f"{name}.tmp"
    tmp.write_text(MARKER_HEADER + "".join(f"{f}\n" for f in sorted(set(files))), "utf-8")
    os.replace(tmp, folder / name)


def listed_files(folder: Path, name: str = REPORT_MARKER) -> set[str] | None:
    """The files a marker lists (relative paths), None without a marker. A marker from an earlier
    version (no list) covers the report's own kinds of files (notebooks, HTML, CSV, PNG, SVG)."""
    try:
        text = (folder / name).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return None
    if not text.startswith(MARKER_HEADER):
        return {
            str(p.relative_to(folder))
            for p in folder.rglob("*")
            if p.is_file() and not p.is_symlink() and p.suffix in LEGACY_SUFFIXES
        }
    return {line for line in text[len(MARKER_HEADER) :].split("\n") if line}


def files_under(folder: Path) -> list[str]:
    """Every file under `folder` (relative paths, sorted), without the markers."""
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if not p.is_dir() and p.name not in (REPORT_MARKER, FAILED_MARKER, BUILD_MARKER)
    )


def remove_listed(folder: Path, listed: set[str]) -> None:
    """Remove the listed files of `folder`, then the folders they leave empty (never others)."""
    root = folder.resolve()
    for rel in listed:
        path = folder / rel
        if Path(rel).is_absolute() or ".." in Path(rel).parts:
            continue  # a marker lists files inside its folder, never elsewhere
        if not path.parent.resolve().is_relative_to(root):
            continue  # a linked sub-folder points outside: not ours to delete
        if path.is_file() or path.is_symlink():
            path.unlink()
    for rel in sorted({str(Path(r).parent) for r in listed}, key=len, reverse=True):
        parent = folder / rel
        while parent != folder and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent


def keep_partial(notebook: Notebook, build: Path, out: Path) -> Path | None:
    """Move a failed notebook's partial executed copy to `<out>-failed/`, for debugging; None
    when the copy cannot be read (a notebook cut short by a full disk is not kept)."""
    source = build / notebook.path.name
    try:
        nbformat.read(source, as_version=4)
    except Exception:  # noqa: BLE001 - truncated or missing: nothing worth keeping
        return None
    failed = failed_folder(out)
    failed.mkdir(parents=True, exist_ok=True)
    target = failed / notebook.path.name
    shutil.move(str(source), target)
    write_marker(failed, FAILED_MARKER, [*(listed_files(failed, FAILED_MARKER) or ()), target.name])
    return target


def check_out(out: Path, corpus: str | Path | None) -> Path:
    """The report folder, resolved; InputError when replacing it could lose the user's files:
    a file, a folder overlapping the corpus, a non-empty folder this tool did not write, a
    report holding another report or inside another report, or a `<out>-failed` sibling this
    tool did not make."""
    target = out.resolve()
    if target.exists() and not target.is_dir():
        raise InputError(f"{out}: is a file; give --out a folder for the report")
    source = Path(corpus).resolve() if corpus is not None else BUNDLED_CORPUS
    if target == source or target in source.parents or source in target.parents:
        raise InputError(f"{out}: overlaps the corpus {source}; choose an --out outside it")
    outer = next((p for p in target.parents if (p / REPORT_MARKER).is_file()), None)
    if outer is not None:
        raise InputError(
            f"{out}: is inside the report {outer}, which the next run there replaces; choose "
            "an --out outside it"
        )
    if target.is_dir() and any(target.iterdir()) and not (target / REPORT_MARKER).exists():
        raise InputError(
            f"{out}: exists and is not a report written by this tool; choose a new or empty "
            "folder for --out (the report folder is replaced on every run)"
        )
    nested = [m.parent for m in target.rglob(REPORT_MARKER) if m.parent != target]
    if target.is_dir() and nested:
        raise InputError(
            f"{out}: holds another report ({nested[0]}); give each report its own folder"
        )
    failed = failed_folder(target)
    if failed.is_symlink() or (failed.exists() and not failed.is_dir()):
        raise InputError(
            f"{failed}: is not a folder this tool made (a link or a file), and a failed run "
            "would write there; move it away or choose another --out"
        )
    if failed.is_dir() and not (failed / FAILED_MARKER).is_file():
        raise InputError(
            f"{failed}: exists and was not made by this tool (no {FAILED_MARKER} inside), and a "
            "failed run would write there; rename it or choose another --out"
        )
    return target


@contextlib.contextmanager
def locked_out(out: Path) -> Iterator[Path]:
    """Hold `out` for the run; yields a fresh build folder beside it (same file system, for the
    final rename), removed on exit.

    The build folder's BUILD_MARKER stays locked (flock) while the run lives: another run for
    the same `--out` is refused, and a build folder whose marker nobody holds was left by a run
    that was killed, and is removed. Creating the folder is also the check that `--out` can be
    written, done before anything is parsed (InputError naming the folder otherwise).
    """
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        build = Path(tempfile.mkdtemp(prefix=f".{out.name}.build-", dir=out.parent))
        build.chmod(0o777 & ~current_umask())  # mkdtemp's 0700 would hide the report from others
        handle = os.open(build / BUILD_MARKER, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        raise InputError(
            f"{out}: cannot be written ({err.strerror}); choose an --out in a folder you can "
            "write"
        ) from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.write(handle, f"{os.getpid()}\n".encode())
        remove_stale_builds(out, keep=build)
        yield build
    finally:
        os.close(handle)
        shutil.rmtree(build, ignore_errors=True)


def remove_stale_builds(out: Path, keep: Path | None = None) -> None:
    """Remove the build folders killed runs left beside `out` (their BUILD_MARKER is held by no
    process); InputError when another run is building this report right now."""
    for other in sorted(out.parent.glob(f".{out.name}.build-*")):
        marker = other / BUILD_MARKER
        if other == keep or other.is_symlink() or not marker.is_file():
            continue  # not a build folder of this tool: not ours to remove
        try:
            handle = os.open(marker, os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError(
                f"{out}: another run is writing this report ({other.name}); wait for it to end "
                "or choose another --out"
            ) from None
        finally:
            os.close(handle)
        shutil.rmtree(other, ignore_errors=True)
    for stale in out.parent.glob(f".{out.name}.old-*"):  # killed between the two renames
        if stale.is_dir() and not stale.is_symlink() and (stale / REPORT_MARKER).is_file():
            absorb_old(stale, out, listed_files(stale) or set())


def absorb_old(old: Path, out: Path, listed: set[str]) -> None:
    """After the swap: the previous report's files go, anything else found in it (the user's)
    moves into the new report folder; if a name is taken there, `old` is kept and named."""
    remove_listed(old, listed | {REPORT_MARKER, BUILD_MARKER})
    clash = []
    for path in sorted(old.rglob("*"), key=lambda p: len(p.parts)):
        if not path.exists() and not path.is_symlink():
            continue  # moved with its folder
        target = out / path.relative_to(old)
        if path.is_dir() and not path.is_symlink() and target.is_dir():
            continue  # merge folder by folder
        if target.exists() or target.is_symlink():
            clash.append(path)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        path.rename(target)
    for folder in sorted((p for p in old.rglob("*") if p.is_dir()), key=str, reverse=True):
        with contextlib.suppress(OSError):
            folder.rmdir()
    with contextlib.suppress(OSError):
        old.rmdir()
    if clash:
        warnings.warn(
            f"{old}: files you put in {out} during the run have the names of report files; "
            f"they are kept here ({', '.join(str(p.relative_to(old)) for p in clash[:3])})",
            CorpusWarning,
            stacklevel=2,
        )


def swap_in(build: Path, out: Path) -> None:
    """Replace `out` by the finished `build` folder: the previous report's listed files go,
    anything else in `out` is kept. A rename when possible; when `out` cannot be renamed (a
    mount point: EBUSY), its files are replaced one by one."""
    listed = listed_files(out) or set()
    if not out.exists():
        try:
            build.rename(out)
            (out / BUILD_MARKER).unlink(missing_ok=True)
            return
        except OSError as err:
            if err.errno not in BUSY_ERRORS:
                raise
            out.mkdir(exist_ok=True)
    old = out.with_name(f".{out.name}.old-{build.name.rsplit('-', 1)[-1]}")
    try:
        out.rename(old)
    except OSError as err:
        if err.errno not in BUSY_ERRORS:
            raise
        replace_in_place(build, out, listed)
        return
    try:
        build.rename(out)
    except OSError:
        old.rename(out)
        raise
    (out / BUILD_MARKER).unlink(missing_ok=True)
    absorb_old(old, out, listed)


def replace_in_place(build: Path, out: Path, listed: set[str]) -> None:
    """Put the report into an `out` that cannot be renamed: the marker first lists old and new
    files (an interrupted copy is still cleaned by the next run), then old files go and new ones
    are moved (copied across file systems), then the marker lists the new files only."""
    theirs = [rel for rel in files_under(build) if rel not in listed and (out / rel).exists()]
    new = [rel for rel in files_under(build) if rel not in theirs]
    write_marker(out, REPORT_MARKER, [*listed, *new])
    remove_listed(out, listed - set(new))
    for rel in new:
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(build / rel), str(target))
    write_marker(out, REPORT_MARKER, new)
    shutil.rmtree(build, ignore_errors=True)
    if theirs:
        warnings.warn(
            f"{out}: files you put there have the names of report files and are kept; the "
            f"report's own copies were not written ({', '.join(theirs[:3])})",
            CorpusWarning,
            stacklevel=2,
        )


def clear_failed(out: Path) -> None:
    """After a success: remove the partial copies a failed run left in `<out>-failed` (only the
    files its marker lists), and the folder when nothing else is in it."""
    failed = failed_folder(out)
    listed = listed_files(failed, FAILED_MARKER)
    if failed.is_symlink() or not failed.is_dir() or listed is None:
        return
    remove_listed(failed, listed)
    if files_under(failed) == []:
        shutil.rmtree(failed, ignore_errors=True)
    else:
        write_marker(failed, FAILED_MARKER, [])


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


