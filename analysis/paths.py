"""Where the project keeps its bundled data and its cache."""

from __future__ import annotations

import csv
import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
DATA_DIR = PROJECT_DIR / "data"
BUNDLED_CORPUS = DATA_DIR / "corpus"


def cache_dir() -> Path:
    """The parse cache: `$ANALYSIS_CACHE_DIR`, or `.cache/` in the project (git-ignored)."""
    return Path(os.environ.get("ANALYSIS_CACHE_DIR") or PROJECT_DIR / ".cache")


def data_file(*parts: str) -> Path:
    """A file shipped under `data/` (rules, lexicons, aliases)."""
    return DATA_DIR.joinpath(*parts)


def read_csv_rows(*parts: str) -> list[dict]:
    """Rows of a CSV under `data/` as dicts (header row gives the keys)."""
    with data_file(*parts).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
