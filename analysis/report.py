"""The main job: execute every notebook on a corpus with papermill and build the report folder.

`run_report` checks everything it can before any notebook runs (the corpus reads, every
parameter is known), parses the corpus once into the cache, then executes the notebooks into a
temporary folder beside `--out` and swaps it in only when all of them succeeded, so a failed run
never destroys the previous report. Executed notebooks and HTML pages are stripped of run
timestamps and temporary paths, so two reports differ only where the results do.
"""

from __future__ import annotations

import ast
import os
import shutil
import tempfile
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from .corpus import load_corpus
from .errors import InputError
from .nlp import Progress, default_model
from .paths import BUNDLED_CORPUS, PROJECT_DIR
from .pipeline import analyze_corpus

NOTEBOOK_DIR = PROJECT_DIR / "notebooks"
KERNEL_NAME = "french-news-analysis"
_TIMING_KEYS = ("papermill", "execution")
SET_BY_OPTIONS = ("corpus", "out")  # notebook parameters that have their own command-line option
REPORT_MARKER = ".analysis-report"  # marks a folder this tool wrote, which a new run may replace


class NotebookFailed(Exception):
    """A notebook raised; the message names the notebook and cell, on one line."""


@dataclass(frozen=True)
class Notebook:
    path: Path
    parameters: dict[str, object] = field(compare=False, hash=False)

    @property
    def name(self) -> str:
        return self.path.stem


def parameters_cell(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The single code cell tagged `parameters`; ValueError if there is not exactly one."""
    cells = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(cells) != 1:
        raise ValueError(f"expected exactly one cell tagged 'parameters', found {len(cells)}")
    return cells[0]


def notebook_parameters(path: Path) -> dict[str, object]:
    """Names and default values of a notebook's parameters cell (literals only)."""
    cell = parameters_cell(nbformat.read(path, as_version=4))
    values = {}
    for node in ast.parse(cell.source).body:
        if not (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        ):
            raise ValueError(f"{path.name}: the parameters cell may only assign literals")
        values[node.targets[0].id] = ast.literal_eval(node.value)
    return values


def find_notebooks(folder: Path = NOTEBOOK_DIR) -> list[Notebook]:
    """The notebooks to run, in file-name order (00_, 01_, …)."""
    return [Notebook(p, notebook_parameters(p)) for p in sorted(folder.glob("[0-9]*.ipynb"))]


def coerce(name: str, value: str, default: object) -> object:
    """A command-line string as the type of the notebook's default (int ≥ 1, float, bool, str)."""
    if isinstance(default, bool):
        if value.lower() in ("true", "1", "yes", "oui"):
            return True
        if value.lower() in ("false", "0", "no", "non"):
            return False
        raise InputError(f"parameter {name}: value {value!r} should be true or false")
    if isinstance(default, int):
        if not value.strip().isdigit() or int(value) < 1:
            raise InputError(f"parameter {name}: value {value!r} should be a whole number ≥ 1")
        return int(value)
    if isinstance(default, float):
        try:
            return float(value)
        except ValueError:
            raise InputError(f"parameter {name}: value {value!r} should be a number") from None
    return value


def check_parameters(notebooks: list[Notebook], given: Mapping[str, str]) -> dict[str, object]:
    """Refuse unknown parameter names before anything runs; coerce values to their types."""
    known: dict[str, object] = {}
    for notebook in notebooks:
        known.update(notebook.parameters)
    for name in given:
        if name in SET_BY_OPTIONS:
            raise InputError(f"parameter {name!r} is set with --{name}, not with -p")
        if name not in known:
            raise InputError(
                f"unknown parameter {name!r}; the notebooks take: {', '.join(sorted(known))}"
            )
    return {name: coerce(name, str(value), known[name]) for name, value in given.items()}


def clean_notebook(path: Path, replacements: Mapping[str, str]) -> nbformat.NotebookNode:
    """Drop run timestamps and durations; put the user's paths back in place of temporary ones."""
    nb = nbformat.read(path, as_version=4)
    for key in _TIMING_KEYS:
        nb.metadata.pop(key, None)
    for cell in nb.cells:
        for key in _TIMING_KEYS:
            cell.metadata.pop(key, None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"  # papermill gives it a random id each run
            for old, new in replacements.items():
                cell.source = cell.source.replace(old, new)
    nbformat.write(nb, path)
    return nb


def export_html(nb: nbformat.NotebookNode, target: Path, show_code: bool) -> None:
    """Write the executed notebook as a standalone HTML page (code cells hidden unless asked)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        exclude_input=not show_code, exclude_input_prompt=not show_code, exclude_output_prompt=True
    )
    body, _ = exporter.from_notebook_node(nb)
    target.write_text(body, encoding="utf-8")


def execute(notebook: Notebook, build: Path, parameters: dict[str, object]) -> Path:
    """Run one notebook with papermill into `build`; NotebookFailed names the cell on error."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    target = build / notebook.path.name
    try:
        papermill.execute_notebook(
            str(notebook.path),
            str(target),
            parameters=parameters,
            kernel_name=KERNEL_NAME,
            cwd=str(Path.cwd()),
            progress_bar=False,  # notebooks run side by side: one bar over notebooks instead
            log_output=False,
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],  # no start-up/shutdown chatter
        )
    except PapermillExecutionError as err:
        raise NotebookFailed(
            f"notebook {notebook.path.name} failed in cell {err.cell_index} "
            f"({err.ename}: {err.evalue})"
        ) from None
    except Exception as err:  # no kernel, a dead kernel, a timeout: still one line, not a trace
        first_line = (str(err).strip().splitlines() or [""])[0]
        raise NotebookFailed(
            f"notebook {notebook.path.name} could not run ({type(err).__name__}: {first_line}); "
            f"is the kernel {KERNEL_NAME!r} installed? (make setup registers it)"
        ) from None
    return target


def execute_all(
    runs: dict[Notebook, dict[str, object]], build: Path, jobs: int
) -> tuple[Notebook, NotebookFailed] | None:
    """Run every notebook, `jobs` at a time; the first failure in notebook order, if any."""
    failures = {}
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {pool.submit(execute, nb, build, given): nb for nb, given in runs.items()}
        progress = Progress(len(futures), label="notebooks", every=0, unit="notebook")
        try:
            for future in as_completed(futures):
                try:
                    future.result()
                except NotebookFailed as err:
                    failures[futures[future]] = err
                progress.update()
        finally:
            progress.close()
    first = next((nb for nb in runs if nb in failures), None)
    return None if first is None else (first, failures[first])


def keep_partial(notebook: Notebook, build: Path, out: Path) -> Path:
    """Move a failed notebook's partial executed copy beside the report, for debugging."""
    failed = out.with_name(f"{out.name}-failed")
    failed.mkdir(parents=True, exist_ok=True)
    target = failed / notebook.path.name
    shutil.move(str(build / notebook.path.name), target)
    return target


def check_out(out: Path, corpus: str | Path | None) -> Path:
    """The report folder, resolved; InputError when replacing it could lose the user's files:
    a file, a folder overlapping the corpus, a non-empty folder this tool did not write, or a
    report holding another report."""
    target = out.resolve()
    if target.exists() and not target.is_dir():
        raise InputError(f"{out}: is a file; give --out a folder for the report")
    source = Path(corpus).resolve() if corpus is not None else BUNDLED_CORPUS
    if target == source or target in source.parents or source in target.parents:
        raise InputError(f"{out}: overlaps the corpus {source}; choose an --out outside it")
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
    return target


def swap_in(build: Path, out: Path) -> None:
    """Replace `out` by the finished `build` folder; the old report goes only after the swap."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{build.name}")
        out.rename(old)
    build.rename(out)
    if old is not None:
        shutil.rmtree(old)


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def run_report(
    corpus: str | Path | None = None,
    out: str | Path = "reports",
    parameters: Mapping[str, str] | None = None,
    show_code: bool = False,
    notebook_dir: Path = NOTEBOOK_DIR,
    jobs: int = 2,
) -> Path:
    """Execute every notebook on `corpus` and write the report to `out`; returns `out`.

    Notebooks run `jobs` at a time (each in its own kernel; their outputs do not overlap).

    `parameters` (name → value as text) pass through to the notebooks that declare them.
    Raises InputError for bad input or unknown parameters, NotebookFailed when a notebook fails.
    """
    shown = Path(out)
    notebooks = find_notebooks(notebook_dir)
    values = check_parameters(notebooks, dict(parameters or {}))
    if corpus is not None:
        values["corpus"] = str(corpus)
    values["model"] = values.get("model") or default_model()  # the notebooks use this model too
    out = check_out(shown, values.get("corpus"))
    table = load_corpus(values.get("corpus"))
    analyze_corpus(table, values["model"])  # parse and analyse once, with progress; the
    # notebooks then read every table from the cache
    out.parent.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=f".{out.name}.build-", dir=out.parent))
    build.chmod(0o777 & ~current_umask())  # mkdtemp's 0700 would hide the report from others
    try:
        runs = {
            notebook: {
                **{k: v for k, v in values.items() if k in notebook.parameters},
                "out": str(build),
            }
            for notebook in notebooks
        }
        failure = execute_all(runs, build, jobs)
        if failure is not None:
            notebook, err = failure
            partial = keep_partial(notebook, build, out)
            raise NotebookFailed(f"{err}; partial copy kept at {partial}")
        for notebook in notebooks:
            executed = build / notebook.path.name
            nb = clean_notebook(executed, {str(build): str(shown)})
            export_html(nb, executed.with_suffix(".html"), show_code)
        (build / REPORT_MARKER).write_text(
            "Written by `python -m analysis run`; replaced by the next run into this folder.\n",
            encoding="utf-8",
        )
        swap_in(build, out)
        failed = out.with_name(f"{out.name}-failed")  # a previous failure's partial copies
        if failed.is_dir() and all(p.suffix == ".ipynb" for p in failed.iterdir()):
            shutil.rmtree(failed)
    finally:
        shutil.rmtree(build, ignore_errors=True)
    return shown
