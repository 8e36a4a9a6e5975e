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
import fcntl
import os
import shutil
import signal
import sys
import tempfile
import threading
import warnings
from collections.abc import Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from .corpus import load_corpus
from .errors import CorpusWarning, InputError
from .nlp import Progress, default_model
from .paths import BUNDLED_CORPUS, PROJECT_DIR
from .pipeline import analyze_corpus

NOTEBOOK_DIR = PROJECT_DIR / "notebooks"
KERNEL_NAME = "french-news-analysis"
_TIMING_KEYS = ("papermill", "execution")
SET_BY_OPTIONS = ("corpus", "out")  # notebook parameters that have their own command-line option
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


def _worker_setup() -> None:
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
        if os.getppid() == 1:  # the main process died before prctl took effect
            os._exit(143)


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
    pool = ProcessPoolExecutor(max_workers=max(1, jobs), initializer=_worker_setup)
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


# --- the report folder: what this tool wrote, and only that, is replaced ----------------------


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
