"""The command line: exit codes, one-line errors, help text."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import PROJECT_DIR


def run_cli(*args, cwd=PROJECT_DIR):
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
    )


def test_help_explains_options_in_news_terms():
    result = run_cli("run", "--help")
    assert result.returncode == 0
    assert "publication date" in result.stdout and "--corpus" in result.stdout


def test_missing_corpus_is_exit_2_one_line(tmp_path):
    result = run_cli("run", "--corpus", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"error: {tmp_path / 'nope'}: no such file or folder")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_not_utf8_is_exit_2(tmp_path):
    bad = tmp_path / "a.txt"
    bad.write_bytes("café".encode("latin-1"))
    result = run_cli("run", "--corpus", str(bad), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "not UTF-8" in result.stderr and "iconv" in result.stderr
    assert bad.read_bytes() == "café".encode("latin-1")


def test_exit_codes_and_ci_examples_are_documented():
    import re

    import yaml

    from analysis import cli

    table = (PROJECT_DIR / "docs" / "exit_codes.md").read_text(encoding="utf-8")
    documented = {int(code) for code in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)}
    assert documented == {
        cli.EXIT_OK, cli.EXIT_FAILED, cli.EXIT_INPUT, cli.EXIT_INTERRUPTED, cli.EXIT_TERMINATED
    }
    github = yaml.safe_load((PROJECT_DIR / "docs" / "ci" / "github-actions.yml").read_text())
    steps = github["jobs"]["report"]["steps"]
    assert any("make run" in step.get("run", "") for step in steps)
    assert any(step.get("with", {}).get("path") == "reports/" for step in steps)
    gitlab = yaml.safe_load((PROJECT_DIR / "docs" / "ci" / "gitlab-ci.yml").read_text())
    assert any("make run" in line for line in gitlab["report"]["script"])
    assert "reports/" in gitlab["report"]["artifacts"]["paths"]
