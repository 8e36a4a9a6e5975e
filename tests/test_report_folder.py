"""The report folder: only what the tool wrote is ever removed, --out is locked, a `-failed`
sibling it did not make is refused, a mount point is filled file by file, stale build folders
go, the HTML loads nothing from the network, and the build path never reaches the report."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import nbformat
import pytest

from analysis import report, report_folder
from analysis.errors import CorpusWarning, InputError
from analysis.report import (
    BUILD_MARKER,
    FAILED_MARKER,
    REPORT_MARKER,
    check_out,
    clear_failed,
    listed_files,
    locked_out,
    remove_stale_builds,
    swap_in,
    write_marker,
)


def make_report(folder: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    write_marker(folder, REPORT_MARKER, list(files))
    return folder


def tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != REPORT_MARKER
    }


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Date: 2022-06-25\nTexte.", encoding="utf-8")
    return folder


def test_failed_sibling_the_tool_did_not_make_is_refused_and_kept(tmp_path, corpus):
    mine = tmp_path / "analysis-failed" / "exp.ipynb"
    mine.parent.mkdir()
    mine.write_text("{}", encoding="utf-8")
    with pytest.raises(InputError) as err:
        check_out(tmp_path / "analysis", corpus)
    assert str(err.value) == (
        f"{mine.parent}: exists and was not made by this tool (no {FAILED_MARKER} inside), and a "
        "failed run would write there; rename it or choose another --out"
    )
    assert mine.read_text(encoding="utf-8") == "{}"


def test_failed_sibling_that_is_a_link_is_refused(tmp_path, corpus):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "rep-failed").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(InputError, match="rep-failed: is not a folder this tool made"):
        check_out(tmp_path / "rep", corpus)


def test_success_clears_only_the_partial_copies_it_listed(tmp_path):
    failed = tmp_path / "rep-failed"
    failed.mkdir()
    (failed / "01_x.ipynb").write_text("partial", encoding="utf-8")
    (failed / "notes.ipynb").write_text("the user's", encoding="utf-8")
    write_marker(failed, FAILED_MARKER, ["01_x.ipynb"])
    clear_failed(tmp_path / "rep")
    assert sorted(p.name for p in failed.iterdir()) == [FAILED_MARKER, "notes.ipynb"]
    (failed / "notes.ipynb").unlink()
    clear_failed(tmp_path / "rep")
    assert not failed.exists()  # only the marker was left: the tool's own folder goes


def test_swap_keeps_files_the_tool_did_not_write(tmp_path):
    out = make_report(tmp_path / "rep", {"old.csv": "old", "tables/t.csv": "old t"})
    (out / "late.txt").write_text("put there during the run", encoding="utf-8")
    (out / "tables" / "mine.csv").write_text("the user's table", encoding="utf-8")
    build = make_report(tmp_path / ".rep.build-abc", {"new.csv": "new", "tables/t.csv": "new t"})
    swap_in(build, out)
    assert tree(out) == {
        "late.txt": "put there during the run",
        "new.csv": "new",
        "tables/mine.csv": "the user's table",
        "tables/t.csv": "new t",
    }
    assert listed_files(out) == {"new.csv", "tables/t.csv"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rep"]


def test_file_put_into_a_new_out_during_the_run_is_kept(tmp_path, corpus):
    out = tmp_path / "rep"
    with locked_out(out) as build:
        assert not out.exists()
        out.mkdir()
        (out / "late.txt").write_text("mine", encoding="utf-8")
        swap_in(make_report(build, {"00.html": "report"}), out)
    assert tree(out) == {"00.html": "report", "late.txt": "mine"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "rep"]


def test_marker_cannot_make_the_tool_delete_outside_its_folder(tmp_path):
    outside = tmp_path / "precious.txt"
    outside.write_text("keep", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "t.csv").write_text("keep too", encoding="utf-8")
    out = make_report(tmp_path / "rep", {"a.csv": "a"})
    (out / "linked").symlink_to(tmp_path / "elsewhere")
    write_marker(out, REPORT_MARKER, ["a.csv", "../precious.txt", str(outside), "linked/t.csv"])
    swap_in(make_report(tmp_path / ".rep.build-x", {"b.csv": "b"}), out)
    assert outside.read_text(encoding="utf-8") == "keep"
    assert (tmp_path / "elsewhere" / "t.csv").read_text(encoding="utf-8") == "keep too"
    assert not (out / "a.csv").exists() and (out / "b.csv").exists()


def test_out_that_cannot_be_renamed_is_filled_file_by_file(tmp_path, monkeypatch):
    """A mount point refuses the rename with EBUSY: files are replaced instead."""
    out = make_report(tmp_path / "rep", {"old.csv": "old", "tables/t.csv": "old t"})
    (out / "mine.txt").write_text("the user's", encoding="utf-8")
    (out / "late.csv").write_text("put there during the run", encoding="utf-8")
    inode = out.stat().st_ino
    real_rename = Path.rename

    def rename(self, target):
        if Path(self) == out:
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(self))
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    build = make_report(
        tmp_path / ".rep.build-abc", {"new.csv": "new", "tables/t.csv": "new t", "late.csv": "x"}
    )
    with pytest.warns(CorpusWarning, match=r"have the names of report files and are kept"):
        swap_in(build, out)
    assert out.stat().st_ino == inode
    assert tree(out) == {
        "late.csv": "put there during the run",
        "mine.txt": "the user's",
        "new.csv": "new",
        "tables/t.csv": "new t",
    }
    assert listed_files(out) == {"new.csv", "tables/t.csv"}
    assert not build.exists()


def test_out_inside_another_report_is_refused_up_front(tmp_path, corpus):
    make_report(tmp_path / "reports", {"a.csv": "a"})
    with pytest.raises(InputError) as err:
        check_out(tmp_path / "reports" / "sub", corpus)
    assert str(err.value) == (
        f"{tmp_path / 'reports' / 'sub'}: is inside the report {tmp_path / 'reports'}, which the "
        "next run there replaces; choose an --out outside it"
    )
    assert not (tmp_path / "reports" / "sub").exists()


def test_out_is_locked_for_the_run(tmp_path):
    out = tmp_path / "rep"
    with locked_out(out) as build:
        with pytest.raises(InputError, match="another run is writing this report"), locked_out(out):
            pass
        assert build.is_dir() and sorted(p.name for p in tmp_path.iterdir()) == [build.name]
    assert list(tmp_path.iterdir()) == []


def test_unwritable_place_is_refused_before_the_parse(tmp_path, corpus, monkeypatch):
    def parse(*args, **kwargs):
        raise AssertionError("the corpus was parsed before --out was checked")

    monkeypatch.setattr(report, "analyze_corpus", parse)
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match=r"afile/out: cannot be written \(File exists\)"):
        report.run_report(corpus=corpus, out=tmp_path / "afile" / "out")

    def no_room(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(report_folder.tempfile, "mkdtemp", no_room)
    with pytest.raises(InputError, match=r"cannot be written \(Permission denied\); choose"):
        report.run_report(corpus=corpus, out=tmp_path / "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile", "corpus"]


def test_stale_build_folders_are_removed_and_others_kept(tmp_path):
    out = tmp_path / "rep"
    stale = tmp_path / ".rep.build-dead"
    stale.mkdir()
    (stale / BUILD_MARKER).write_text("4242\n", encoding="utf-8")
    (stale / "big.ipynb").write_text("{}", encoding="utf-8")
    unknown = tmp_path / ".rep.build-not-ours"
    unknown.mkdir()
    remove_stale_builds(out)
    assert not stale.exists() and unknown.is_dir()


def test_html_loads_nothing_from_the_network(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("Prix : $x^2$ et 5 $ au lieu de 3 $")]
    target = tmp_path / "page.html"
    report.export_html(nb, target, show_code=False)
    html = target.read_text(encoding="utf-8")
    assert "cdnjs" not in html and "require.min.js" not in html and "MathJax.js" not in html
    assert "<script src=\"http" not in html and "5 $ au lieu de 3 $" in html


def test_build_path_with_accents_never_reaches_the_notebook(tmp_path):
    build = tmp_path / ".répört.build-k3x"
    shown = tmp_path / "répört"
    nb = nbformat.v4.new_notebook()
    injected = nbformat.v4.new_code_cell(f"out = {report.papermill_escaped(str(build))!s}")
    injected.source = f'out = "{report.papermill_escaped(str(build))}"'
    injected.metadata["tags"] = ["injected-parameters"]
    printed = nbformat.v4.new_code_cell("print(out)")
    printed.outputs = [nbformat.v4.new_output("stream", name="stdout", text=f"{build}/t.csv\n")]
    nb.cells = [injected, printed]
    path = tmp_path / "x.ipynb"
    nbformat.write(nb, path)
    report.clean_notebook(path, {str(build): str(shown)})
    text = path.read_text(encoding="utf-8")
    assert "build-k3x" not in text
    cleaned = nbformat.read(path, as_version=4)
    assert cleaned.cells[0].source == 'out = "' + report.papermill_escaped(str(shown)) + '"'
    assert cleaned.cells[1].outputs[0]["text"] == f"{shown}/t.csv\n"


def test_full_disk_is_named_and_truncated_notebook_not_kept(tmp_path):
    err = report.disk_full(OSError(errno.ENOSPC, "No space left on device"), tmp_path)
    assert isinstance(err, report.DiskFull)
    assert str(err).startswith(f"no space left on the disk holding {tmp_path}; free some space")
    assert report.disk_full(ValueError("boom"), tmp_path) is None
    build = tmp_path / "build"
    build.mkdir()
    (build / "01_x.ipynb").write_text('{"cells": [', encoding="utf-8")  # cut short
    notebook = report.Notebook(Path("01_x.ipynb"), {})
    assert report.keep_partial(notebook, build, tmp_path / "rep") is None
    assert not (tmp_path / "rep-failed").exists()


def test_a_kernel_that_dies_at_start_is_started_again(tmp_path, monkeypatch):
    """Two kernels starting side by side can pick the same TCP port; the one that loses dies
    before running anything (« Kernel died before replying to kernel_info ») and is started
    again, up to KERNEL_START_ATTEMPTS times; any other error is not retried."""
    import papermill

    calls = []

    def flaky(source, target, **options):
        calls.append(target)
        if len(calls) < report.KERNEL_START_ATTEMPTS:
            raise RuntimeError(report.KERNEL_DIED)
        Path(target).write_text("{}", encoding="utf-8")

    monkeypatch.setattr(papermill, "execute_notebook", flaky)
    notebook = report.Notebook(Path("01_x.ipynb"), {})
    assert report.execute(notebook, tmp_path, {}) == tmp_path / "01_x.ipynb"
    assert len(calls) == report.KERNEL_START_ATTEMPTS == 3

    def always_dies(source, target, **options):
        calls.append(target)
        raise RuntimeError(report.KERNEL_DIED)

    calls.clear()
    monkeypatch.setattr(papermill, "execute_notebook", always_dies)
    with pytest.raises(report.NotebookFailed, match="01_x.ipynb could not run .RuntimeError: "
                                                    "Kernel died before replying"):
        report.execute(notebook, tmp_path, {})
    assert len(calls) == 3

    def other_error(source, target, **options):
        calls.append(target)
        raise RuntimeError("Kernel didn't respond in 60 seconds")

    calls.clear()
    monkeypatch.setattr(papermill, "execute_notebook", other_error)
    with pytest.raises(report.NotebookFailed, match="didn't respond"):
        report.execute(notebook, tmp_path, {})
    assert len(calls) == 1
