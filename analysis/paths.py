"""Where the project keeps its bundled data and its cache, and whether that cache is safe.

The cache holds data only (spaCy `DocBin` bytes and JSON rows), but whoever can write the cache
folder decides what the analyses read back. `cache_dir()` therefore refuses a folder that another
user owns or can write, a file where the folder should be, or a folder it cannot write: the run
then goes on with a private temporary cache (removed at exit) and one warning says why and how
to fix it. A write that fails later (disk full, read-only) stops caching with one warning.
"""

from __future__ import annotations

import atexit
import csv
import os
import shutil
import stat
import tempfile
import warnings
from pathlib import Path

from .errors import CorpusWarning

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
DATA_DIR = PROJECT_DIR / "data"
BUNDLED_CORPUS = DATA_DIR / "corpus"
CACHE_ENV = "ANALYSIS_CACHE_DIR"
CACHE_SUBFOLDERS = ("docs", "rows")

_CHECKED: dict[str, Path] = {}
_WARNED: set[str] = set()
_WRITES = {"enabled": True}


def configured_cache_dir() -> Path:
    """The cache folder asked for: `$ANALYSIS_CACHE_DIR`, or `.cache/` in the project."""
    return Path(os.environ.get(CACHE_ENV) or PROJECT_DIR / ".cache")


def cache_dir() -> Path:
    """The parse and results cache: `configured_cache_dir()` when it is safe to use, else a
    private temporary folder for this run (one warning names the folder, the reason and the fix).

    Checked once per process and folder.
    """
    configured = configured_cache_dir()
    if str(configured) not in _CHECKED:
        problem = cache_problem(configured)
        if problem is None:
            _CHECKED[str(configured)] = configured
        else:
            private = _private_cache()
            warn_once(
                f"cache folder {configured}: {problem}; running without it (a private "
                f"temporary cache is used and removed at exit)"
            )
            _CHECKED[str(configured)] = private
            _CHECKED[str(private)] = private
            os.environ[CACHE_ENV] = str(private)  # notebook kernels and workers share it
    return _CHECKED[str(configured)]


def cache_problem(folder: Path) -> str | None:
    """Why `folder` cannot serve as the cache (with the fix), or None when it is safe: it must
    be a folder (created if missing) that this user owns and writes and no other user can write;
    so must its `docs/` and `rows/` sub-folders when they exist."""
    try:  # made here, the folders get no group or other write bit whatever the umask (002
        # is common), so that the check below never refuses a cache this tool made itself
        folder.mkdir(mode=0o755, parents=True, exist_ok=True)
        for name in CACHE_SUBFOLDERS:
            if not (folder / name).exists():
                (folder / name).mkdir(mode=0o755)
    except FileExistsError:
        return f"it is not a folder; remove it or set {CACHE_ENV} to a folder"
    except OSError as err:
        return f"it cannot be created ({err.strerror}); set {CACHE_ENV} to a folder you can write"
    for path in (folder, *(folder / name for name in CACHE_SUBFOLDERS)):
        what = "it" if path == folder else f"its sub-folder {path.name}"
        try:
            info = path.stat()
        except FileNotFoundError:
            continue
        except OSError as err:
            return f"{what} cannot be read ({err.strerror}); set {CACHE_ENV} to another folder"
        if not stat.S_ISDIR(info.st_mode):
            return f"{what} is not a folder; remove it (rm '{path}')"
        if info.st_uid != os.geteuid():
            return (
                f"{what} belongs to another user (uid {info.st_uid}); use a cache folder of "
                f"your own (set {CACHE_ENV})"
            )
        if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return (
                f"{what} can be written by other users (mode {stat.filemode(info.st_mode)}); "
                f"fix with chmod go-w '{path}'"
            )
        if not os.access(path, os.W_OK | os.X_OK):
            return f"{what} is read-only; make it writable or set {CACHE_ENV} to another folder"
    return None


def _private_cache() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="analysis-cache-"))
    owner = os.getpid()

    def remove() -> None:
        if os.getpid() == owner:  # forked workers inherit this hook; only the owner removes
            shutil.rmtree(folder, ignore_errors=True)

    atexit.register(remove)
    return folder


def warn_once(message: str) -> None:
    """One CorpusWarning line per distinct message in this process."""
    if message not in _WARNED:
        _WARNED.add(message)
        warnings.warn(message, CorpusWarning, stacklevel=3)


def cache_writes_enabled() -> bool:
    """False once a cache write failed in this process: the run goes on without caching."""
    return _WRITES["enabled"]


def cache_write_failed(path: Path, err: OSError) -> None:
    """A cache entry could not be written: warn once and stop writing (disk full, read-only
    file system, a folder where the entry should be)."""
    reason = err.strerror or type(err).__name__
    if isinstance(err, IsADirectoryError) or path.is_dir():  # only this entry is lost
        warn_once(
            f"cache entry {path} is a folder, not a file; it is not used (remove it: "
            f"rm -r '{path}')"
        )
        return
    _WRITES["enabled"] = False
    warn_once(
        f"cache entry {path} cannot be written ({reason}); free space or make {path.parent} "
        f"writable (or set {CACHE_ENV}); going on without caching"
    )


def data_file(*parts: str) -> Path:
    """A file shipped under `data/` (rules, lexicons, aliases)."""
    return DATA_DIR.joinpath(*parts)


def read_csv_rows(*parts: str) -> list[dict]:
    """Rows of a CSV under `data/` as dicts (header row gives the keys)."""
    with data_file(*parts).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
