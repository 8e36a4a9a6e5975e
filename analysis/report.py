"""The main job: execute every notebook on a corpus with papermill and build the report folder.

`run_report` checks everything it can before any notebook runs (the corpus reads, every
parameter is known), parses the corpus once into the cache, then executes the notebooks into a
temporary folder beside `--out` and swaps it in only when all of them succeeded, so a failed run
never destroys the previous report. Executed notebooks and HTML pages are stripped of run
timestamps and temporary paths, so two reports differ only where the results do.

Nothing of the user's is deleted: the `.analysis-report` marker lists every file the report wrote,
and a new run removes only those (anything else found in `--out`, even a file put there during
the run, is kept); `--out` is locked for the run; a sibling `<out>-failed` folder is used only when
this tool made it. A run stopped by Ctrl-C, SIGTERM or SIGKILL leaves no process behind, and the
next run removes the build folders such a run left. The HTML pages load nothing from the network.
"""

from __future__ import annotations

import ast
import contextlib
import errno
import os
import signal
import sys
import threading
from collections.abc import Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from .corpus import load_corpus
from .errors import InputError
from .nlp import Progress, default_model
from .paths import PROJECT_DIR
from .pipeline import analyze_corpus
from .report_folder import (  # noqa: F401  (the report folder's names, re-exported)
    BUILD_MARKER,
    BUSY_ERRORS,
    FAILED_MARKER,
    LEGACY_SUFFIXES,
    MARKER_HEADER,
    REPORT_MARKER,
    absorb_old,
    check_out,
    clear_failed,
    current_umask,
    failed_folder,
    files_under,
    keep_partial,
    listed_files,
    locked_out,
    remove_listed,
    remove_stale_builds,
    replace_in_place,
    swap_in,
    write_marker,
)

NOTEBOOK_DIR = PROJECT_DIR / "notebooks"
KERNEL_NAME = "french-news-analysis"
_TIMING_KEYS = ("papermill", "execution")
SET_BY_OPTIONS = ("corpus", "out")  # notebook parameters that have their own command-line option
OFFLINE_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""
"""The lab HTML template without the scripts it would load from a CDN (require.js, MathJax,
Mermaid): the pages read offline, and load nothing from the network."""


class NotebookFailed(Exception):
    """A notebook raised; the message names the notebook and cell, on one line."""


class DiskFull(NotebookFailed):
    """No space left where the report is built; the message names the folder."""


class Terminated(KeyboardInterrupt):
    """The run received SIGTERM; handled like Ctrl-C (cleaned up, one line, exit 143)."""


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


def papermill_escaped(text: str) -> str:
    """`text` as papermill writes a string parameter into the injected cell (non-ASCII
    characters as \\x.. / \\u.... escapes), without the quotes."""
    return text.encode("unicode_escape").decode("utf-8").replace('"', r'\"')


def _replace_everywhere(node: object, pairs: list[tuple[str, str]]) -> object:
    if isinstance(node, str):
        for old, new in pairs:
            if old in node:
                node = node.replace(old, new)
        return node
    if isinstance(node, list):
        return [_replace_everywhere(item, pairs) for item in node]
    if isinstance(node, dict):
        for key in node:
            node[key] = _replace_everywhere(node[key], pairs)
    return node


def clean_notebook(path: Path, replacements: Mapping[str, str]) -> nbformat.NotebookNode:
    """Drop run timestamps and durations; put the user's paths back in place of temporary ones,
    in every cell and output, as written and as papermill escapes them (a folder name with
    accents), so the report's bytes do not depend on the random build folder."""
    nb = nbformat.read(path, as_version=4)
    for key in _TIMING_KEYS:
        nb.metadata.pop(key, None)
    pairs = []
    for old, new in replacements.items():
        pairs.append((old, new))
        if papermill_escaped(old) != old:
            pairs.append((papermill_escaped(old), papermill_escaped(new)))
    for cell in nb.cells:
        for key in _TIMING_KEYS:
            cell.metadata.pop(key, None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"  # papermill gives it a random id each run
        cell.source = _replace_everywhere(cell.source, pairs)
        if "outputs" in cell:
            _replace_everywhere(cell.outputs, pairs)
    nbformat.write(nb, path)
    return nb


def export_html(nb: nbformat.NotebookNode, target: Path, show_code: bool) -> None:
    """Write the executed notebook as a standalone HTML page (code cells hidden unless asked)."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        exclude_input=not show_code,
        exclude_input_prompt=not show_code,
        exclude_output_prompt=True,
        extra_loaders=[DictLoader({"offline.html.j2": OFFLINE_TEMPLATE})],
        template_file="offline.html.j2",
    )
    body, _ = exporter.from_notebook_node(nb)
    target.write_text(body, encoding="utf-8")


def disk_full(err: BaseException, where: Path) -> DiskFull | None:
    """A DiskFull naming `where` when `err` (or a notebook's error) is « no space left »."""
    text = f"{getattr(err, 'ename', '')} {getattr(err, 'evalue', '')} {err}"
    if getattr(err, "errno", None) == errno.ENOSPC or "No space left on device" in text:
        return DiskFull(
            f"no space left on the disk holding {where}; free some space or choose an --out "
            "on another disk (the previous report is unchanged)"
        )
    return None


KERNEL_START_ATTEMPTS = 3
"""Starts of a notebook's kernel before giving up: two kernels starting side by side (the
notebooks run two at a time) can pick the same free TCP port, and one then dies at once with
« Address already in use » before running any cell; it is simply started again."""
KERNEL_DIED = "Kernel died before replying to kernel_info"


def execute(notebook: Notebook, build: Path, parameters: dict[str, object]) -> Path:
    """Run one notebook with papermill into `build`; NotebookFailed names the cell on error."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    target = build / notebook.path.name
    try:
        for attempt in range(1, KERNEL_START_ATTEMPTS + 1):
            try:
                papermill.execute_notebook(
                    str(notebook.path),
                    str(target),
                    parameters=parameters,
                    kernel_name=KERNEL_NAME,
                    cwd=str(Path.cwd()),
                    progress_bar=False,  # notebooks run side by side: one bar over notebooks
                    log_output=False,
                    extra_arguments=["--IPKernelApp.log_level=CRITICAL"],  # no start-up chatter
                )
                break
            except RuntimeError as err:  # the kernel died before it ran anything: start again
                if attempt == KERNEL_START_ATTEMPTS or not str(err).startswith(KERNEL_DIED):
                    raise
    except PapermillExecutionError as err:
        raise disk_full(err, build.parent) or NotebookFailed(
            f"notebook {notebook.path.name} failed in cell {err.cell_index} "
            f"({err.ename}: {err.evalue})"
        ) from None
    except Exception as err:  # no kernel, a dead kernel, a timeout: still one line, not a trace
        first_line = (str(err).strip().splitlines() or [""])[0]
        raise disk_full(err, build.parent) or NotebookFailed(
            f"notebook {notebook.path.name} could not run ({type(err).__name__}: {first_line}); "
            f"is the kernel {KERNEL_NAME!r} installed? (make setup registers it)"
        ) from None
    return target


def _worker_setup(main_pid: int) -> None:
    """Notebook worker set-up: Ctrl-C is handled by the main process (which stops the workers);
    SIGTERM ends the worker through Python, so papermill shuts its kernel down; and on Linux the
    worker gets SIGTERM when the main process dies, even by SIGKILL (no orphan waits forever).
    The kernels themselves exit when their worker goes (ipykernel's parent poller)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    if sys.platform == "linux":
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
        if os.getppid() != main_pid:  # the main process died before prctl took effect (not
            os._exit(143)  # `== 1`: the main job may itself be PID 1, in a container)


def _exit_on_sigterm(signum, frame) -> None:
    raise SystemExit(128 + signum)


def execute_in_worker(notebook: Notebook, build: Path, parameters: dict[str, object]) -> Path:
    """`execute` in a pool worker: stopped by SIGTERM, the worker exits once papermill has shut
    its kernel down, instead of going back to wait for work from a parent that may be gone."""
    try:
        return execute(notebook, build, parameters)
    except SystemExit as stop:
        os._exit(stop.code if isinstance(stop.code, int) else 143)


def stop_workers(pool: ProcessPoolExecutor, grace: float = 10.0) -> None:
    """Stop a pool's workers now: SIGTERM (their kernels are shut down), then SIGKILL."""
    processes = list(getattr(pool, "_processes", {}).values())
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(grace)
        if process.is_alive():
            process.kill()
            process.join(1)


def execute_all(
    runs: dict[Notebook, dict[str, object]], build: Path, jobs: int
) -> tuple[Notebook, NotebookFailed] | None:
    """Run every notebook, `jobs` at a time; the first failure in notebook order, if any.

    Interrupted (Ctrl-C, SIGTERM), the workers and their kernels are stopped before this returns.
    """
    failures = {}
    pool = ProcessPoolExecutor(max_workers=max(1, jobs), initializer=_worker_setup,
                               initargs=(os.getpid(),))
    try:
        futures = {
            pool.submit(execute_in_worker, nb, build, given): nb for nb, given in runs.items()
        }
        progress = Progress(len(futures), label="notebooks", every=0, unit="notebook")
        try:
            for future in as_completed(futures):
                try:
                    future.result()
                except NotebookFailed as err:
                    failures[futures[future]] = err
                except BrokenProcessPool:  # a worker killed (out of memory, signal): one line
                    failures[futures[future]] = NotebookFailed(
                        f"notebook {futures[future].path.name} could not run: its worker "
                        "process was killed (out of memory?); run again with --jobs 1")
                progress.update()
        finally:
            progress.close()
    except BaseException:
        stop_workers(pool)
        raise
    pool.shutdown(wait=True)
    full = [err for err in failures.values() if isinstance(err, DiskFull)]
    if full:
        raise full[0]
    first = next((nb for nb in runs if nb in failures), None)
    return None if first is None else (first, failures[first])


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM raises `Terminated` (like Ctrl-C raises KeyboardInterrupt), so that `finally`
    blocks stop the workers and remove the build folder; main thread only."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def raise_terminated(signum, frame):
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


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
    Raises InputError for bad input or unknown parameters (before anything is parsed or
    written), NotebookFailed when a notebook fails (DiskFull when the disk is full),
    KeyboardInterrupt on Ctrl-C and Terminated on SIGTERM (after cleaning up).
    """
    shown = Path(out)
    notebooks = find_notebooks(notebook_dir)
    values = check_parameters(notebooks, dict(parameters or {}))
    if corpus is not None:
        values["corpus"] = str(corpus)
    values["model"] = values.get("model") or default_model()  # the notebooks use this model too
    out = check_out(shown, values.get("corpus"))
    table = load_corpus(values.get("corpus"))
    with sigterm_as_interrupt(), locked_out(out) as build:  # before the parse: an --out that
        # cannot be written, or that another run is writing, is refused at once
        try:
            analyze_corpus(table, values["model"])  # parse and analyse once, with progress;
            # the notebooks then read every table from the cache
            build_report(notebooks, values, build, out, shown, show_code, jobs)
            swap_in(build, out)
            clear_failed(out)
        except OSError as err:
            raise disk_full(err, out.parent) or err from None
    return shown


def build_report(
    notebooks: list[Notebook],
    values: dict[str, object],
    build: Path,
    out: Path,
    shown: Path,
    show_code: bool,
    jobs: int,
) -> None:
    """Execute the notebooks into `build`, clean them, export HTML and write the marker."""
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
        kept = f"partial copy kept at {partial}" if partial else "no partial copy could be kept"
        raise NotebookFailed(f"{err}; {kept}")
    for notebook in notebooks:
        executed = build / notebook.path.name
        nb = clean_notebook(executed, {str(build): str(shown)})
        export_html(nb, executed.with_suffix(".html"), show_code)
    write_marker(build, REPORT_MARKER, files_under(build))
