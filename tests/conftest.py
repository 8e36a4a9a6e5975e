"""Shared fixtures: a per-session parse cache, so tests never touch the project's .cache/."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).resolve().parent
PROJECT_DIR = TESTS_DIR.parent


@pytest.fixture(scope="session", autouse=True)
def session_cache(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("parse-cache")
    previous = os.environ.get("ANALYSIS_CACHE_DIR")
    os.environ["ANALYSIS_CACHE_DIR"] = str(path)
    yield path
    if previous is None:
        os.environ.pop("ANALYSIS_CACHE_DIR", None)
    else:
        os.environ["ANALYSIS_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def bundled_corpus():
    from analysis import load_corpus

    return load_corpus()


def fresh_python(script: str) -> str:
    """The standard output of `script` run by a fresh Python process in the project folder
    (for what happens once per process: imports, the first model load); fails if it fails."""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, cwd=PROJECT_DIR)
    return done.stdout
