"""The notebooks and the main job: thin notebooks, papermill runs, reproducible bytes, failures.

Like pyhf's tests/test_notebooks.py: papermill on the project kernel with MPLBACKEND=agg, and
assertions on what the notebooks write (CSV tables, PNG/SVG figures), not only that they ran.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis.errors import InputError
from analysis.report import (
    REPORT_MARKER,
    NotebookFailed,
    notebook_parameters,
    parameters_cell,
    run_report,
)
from tests.conftest import PROJECT_DIR, TESTS_DIR

NOTEBOOKS = sorted((PROJECT_DIR / "notebooks").glob("*.ipynb"))
MULTI = TESTS_DIR / "data" / "multi"
TABLES = [
    "corpus",
    "entity_mentions",
    "entity_frequency",
    "entity_frequency_by_date",
    "quotes",
    "charged_terms",
    "speaker_sentiment",
    "timeline",
    "mentions_by_period",
]
FIGURES = [
    "entity_frequency",
    "entity_frequency_by_date",
    "quote_sentiment",
    "speaker_sentiment",
    "timeline",
    "mentions_over_time",
]


def run_main_job(out: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "MPLBACKEND": "agg"}
    return subprocess.run(
        [sys.executable, "-m", "analysis", "run", "--out", str(out), *args],
        cwd=out.parent,  # a temporary folder, as a user's own working directory would be
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebook_is_thin_and_clean(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code)
    parameters = notebook_parameters(path)
    assert {"corpus", "out", "model"} <= set(parameters)
    assert parameters_cell(nb) is code[0]
    for cell in code:
        tree = ast.parse(cell.source)
        defined = [
            n
            for n in ast.walk(tree)
            if isinstance(n, ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef | ast.Lambda)
        ]
        assert not defined, f"{path.name}: define functions in analysis/, not in notebooks"


def test_four_notebooks_in_order():
    assert [p.name for p in NOTEBOOKS] == [
        "00_overview.ipynb",
        "01_entity_frequency.ipynb",
        "02_quoted_sentiment.ipynb",
        "03_timeline.ipynb",
    ]


@pytest.fixture(scope="module")
def bundled_reports(tmp_path_factory):
    """The main job run twice into the same --out on the bundled corpus: (first copy, second)."""
    root = tmp_path_factory.mktemp("bundled")
    out = root / "reports"
    first = run_main_job(out)
    assert first.returncode == 0, first.stderr
    shutil.copytree(out, root / "first")
    second = run_main_job(out)
    assert second.returncode == 0, second.stderr
    return root / "first", out


def test_main_job_writes_every_output(bundled_reports):
    out, _ = bundled_reports
    for name in ("00_overview", "01_entity_frequency", "02_quoted_sentiment", "03_timeline"):
        assert (out / f"{name}.ipynb").stat().st_size > 0
        html = (out / f"{name}.html").read_text(encoding="utf-8")
        assert "<html" in html and "Traceback" not in html
    for name in TABLES:
        assert (out / "tables" / f"{name}.csv").exists(), name
    for name in FIGURES:
        assert (out / "figures" / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert b"<svg" in (out / "figures" / f"{name}.svg").read_bytes()[:500]


FIGURES_SHOWN = {"00_overview": 0, "01_entity_frequency": 2, "02_quoted_sentiment": 2,
                 "03_timeline": 2}


def test_every_saved_figure_is_shown_once_and_tables_are_interactive_offline(bundled_reports):
    out, _ = bundled_reports
    assert sum(FIGURES_SHOWN.values()) == len(FIGURES)
    for name, figures in FIGURES_SHOWN.items():
        html = (out / f"{name}.html").read_text(encoding="utf-8")
        assert html.count('<img alt="') == figures, name  # once each, no duplicate
        assert "injectModule(" in html and "window._itables_" in html  # embedded, no CDN
        assert 'src="http' not in html and 'href="http' not in html.split("</head>")[0]
    overview = (out / "00_overview.html").read_text(encoding="utf-8")
    assert 'id="table-corpus"' in overview and 'href="#article-1"' not in overview
    quotes = (out / "02_quoted_sentiment.html").read_text(encoding="utf-8")
    assert 'id="table-quotes"' in quotes and 'id="table-speaker_sentiment"' in quotes


def test_bundled_report_tables_hold_the_article(bundled_reports):
    tables = bundled_reports[0] / "tables"
    corpus = pd.read_csv(tables / "corpus.csv")
    assert corpus[["doc_id", "published", "duplicate_paragraphs"]].values.tolist() == [
        ["000_0c78623d23d00860", "2022-06-25", 1]
    ]
    quotes = pd.read_csv(tables / "quotes.csv", keep_default_na=False)
    charged = quotes[quotes.text.isin(["agressives", "conflictuelles", "répulsives", "blocus"])]
    assert len(charged) == 4 and (charged.sentiment < 0).all()
    timeline = pd.read_csv(tables / "timeline.csv")
    assert {"2022-02-24", "2022-06-25"} <= set(timeline.start_date.dropna())


def test_two_runs_give_identical_bytes(bundled_reports):
    first, second = bundled_reports
    files = sorted(
        p.relative_to(first)
        for p in first.rglob("*")
        if p.suffix in (".csv", ".png", ".svg", ".ipynb", ".html")
    )
    assert len(files) >= len(TABLES) + 2 * len(FIGURES)
    different = [str(f) for f in files if (first / f).read_bytes() != (second / f).read_bytes()]
    assert different == []


def test_executed_notebooks_hold_no_temporary_paths_or_timestamps(bundled_reports):
    _, out = bundled_reports
    text = (out / "03_timeline.ipynb").read_text(encoding="utf-8")
    assert ".build-" not in text and "start_time" not in text and "end_time" not in text
    injected = nbformat.reads(text, as_version=4).cells[2]
    assert injected.id == "injected-parameters"
    assert f'out = "{out}"' in injected.source


def test_multi_article_corpus(tmp_path):
    result = run_main_job(tmp_path / "out", "--corpus", str(MULTI), "-p", "top_n", "5")
    assert result.returncode == 0, result.stderr
    assert "warning: 1 article(s) without a publication date (sans-date)" in result.stderr
    overview = (tmp_path / "out" / "00_overview.ipynb").read_text(encoding="utf-8")
    assert "warning: 1 article(s) without a publication date" in overview
    assert "ipykernel_" not in overview  # no per-run temporary path in the executed notebook
    tables = tmp_path / "out" / "tables"
    corpus = pd.read_csv(tables / "corpus.csv", keep_default_na=False)
    assert corpus.doc_id.tolist() == [
        "2023-03-paris",
        "2023-05-bruxelles",
        "afp-berlin",
        "sans-date",
    ]
    frequency = pd.read_csv(tables / "entity_frequency.csv").set_index("entity")
    assert frequency.loc["Ukraine", ["label", "count", "documents"]].tolist() == ["LOC", 2, 2]
    by_date = pd.read_csv(tables / "entity_frequency_by_date.csv")
    assert set(by_date.published.dropna()) == {"2023-03-08", "2023-05-04", "2023-05-10"}
    quotes = pd.read_csv(tables / "quotes.csv", keep_default_na=False)
    assert set(quotes.doc_id) == {"2023-03-paris", "2023-05-bruxelles", "afp-berlin", "sans-date"}
    timeline = pd.read_csv(tables / "timeline.csv", keep_default_na=False)
    undated = timeline[timeline.doc_id == "sans-date"]
    assert undated.expression.tolist() == ["hier"] and undated.start_date.tolist() == [""]
    html = (tmp_path / "out" / "00_overview.html").read_text(encoding="utf-8")
    assert html.count('<li><a href="#article-') == 4  # a table of contents of the articles
    assert 'title="hier → ?">?</span>' in html  # an undated article's date, tagged unresolved


def test_unknown_parameter_is_refused_before_anything_runs(tmp_path):
    result = run_main_job(tmp_path / "out", "-p", "topn", "5")
    assert result.returncode == 2
    assert result.stderr.startswith("error: unknown parameter 'topn'; the notebooks take: ")
    assert "top_n" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
    assert not list(tmp_path.iterdir())


def test_bad_corpus_is_exit_2(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    result = run_main_job(tmp_path / "out", "--corpus", str(empty))
    assert result.returncode == 2
    assert (
        result.stderr
        == f"error: {empty}: the file is empty; put one article's text in it or remove it\n"
    )


def test_failed_notebook_keeps_previous_report_and_partial_copy(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(PROJECT_DIR / "notebooks" / "00_overview.ipynb", notebooks)
    broken = nbformat.read(notebooks / "00_overview.ipynb", as_version=4)
    broken.cells.append(nbformat.v4.new_code_cell("raise ValueError('boom')"))
    nbformat.write(broken, notebooks / "01_broken.ipynb")
    out = tmp_path / "report"
    out.mkdir()
    (out / "previous.csv").write_text("kept\n", encoding="utf-8")
    (out / REPORT_MARKER).write_text("", encoding="utf-8")
    with pytest.raises(
        NotebookFailed,
        match=r"notebook 01_broken.ipynb failed in cell \d+ "
        r"\(ValueError: boom\); partial copy kept at",
    ):
        run_report(out=out, notebook_dir=notebooks)
    assert sorted(p.name for p in out.iterdir()) == [REPORT_MARKER, "previous.csv"]
    partial = nbformat.read(tmp_path / "report-failed" / "01_broken.ipynb", as_version=4)
    assert partial.cells[-1].outputs[0]["ename"] == "ValueError"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notebooks", "report", "report-failed"]


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("top_n", "many", "parameter top_n: value 'many' should be a whole number ≥ 1"),
        ("top_n", "0", "parameter top_n: value '0' should be a whole number ≥ 1"),
        ("top_trends", "-1", "parameter top_trends: value '-1' should be a whole number ≥ 1"),
        ("out", "x", "parameter 'out' is set with --out, not with -p"),
        ("corpus", "x", "parameter 'corpus' is set with --corpus, not with -p"),
    ],
)
def test_parameter_values_are_checked_before_anything_runs(tmp_path, name, value, message):
    with pytest.raises(InputError) as err:
        run_report(out=tmp_path / "o", parameters={name: value})
    assert str(err.value) == message
    assert not list(tmp_path.iterdir())


def test_out_that_could_lose_user_files_is_refused(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Date: 2022-06-25\nTexte.", encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("à garder", encoding="utf-8")
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    cases = {
        corpus: "overlaps the corpus",
        corpus / "report": "overlaps the corpus",
        tmp_path: "overlaps the corpus",
        mine: "exists and is not a report written by this tool",
        afile: "is a file; give --out a folder",
    }
    for out, message in cases.items():
        with pytest.raises(InputError, match=message):
            run_report(corpus=corpus, out=out)
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "à garder"
    assert afile.read_text(encoding="utf-8") == "x"
    assert sorted(p.name for p in corpus.iterdir()) == ["a.txt"]


def test_report_inside_a_report_is_refused(tmp_path):
    outer = tmp_path / "reports"
    (outer / "mine").mkdir(parents=True)
    (outer / REPORT_MARKER).write_text("", encoding="utf-8")
    (outer / "mine" / REPORT_MARKER).write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="holds another report"):
        run_report(out=outer)
