"""Odd input ends in one line naming the file and the fix (exit 2), or a one-line warning while
the rest of the corpus goes on; nothing hangs. Also the input a French researcher has (`;` CSV,
25/06/2022 and 25 juin 2022), formula-looking CSV cells, and Ctrl-C / SIGTERM exit codes."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import cli, report
from analysis.corpus import load_corpus, parse_date
from analysis.errors import CorpusWarning, InputError
from analysis.tables import write_table


def article(folder: Path, name: str, text: str = "Date: 2022-06-25\nLe maire a parlé.") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def load_warnings(path: Path) -> tuple[pd.DataFrame, list[str]]:
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        corpus = load_corpus(path)
    return corpus, [str(w.message) for w in record if issubclass(w.category, CorpusWarning)]


def test_named_pipe_is_skipped_with_a_warning_and_never_read(tmp_path):
    article(tmp_path, "a.txt")
    os.mkfifo(tmp_path / "b.txt")  # opening it to read would wait forever
    corpus, messages = load_warnings(tmp_path)
    assert corpus.doc_id.tolist() == ["a"]
    assert messages == [f"{tmp_path / 'b.txt'}: a named pipe, not a saved file; skipped"]
    with pytest.raises(InputError, match=r"b.txt: not a regular file \(a named pipe\)"):
        load_corpus(tmp_path / "b.txt")


def test_unreadable_file_is_one_line_with_the_fix(tmp_path, monkeypatch):
    locked = article(tmp_path, "b.txt")
    article(tmp_path, "a.txt")
    real = Path.read_bytes

    def read_bytes(self):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    with pytest.raises(InputError) as err:
        load_corpus(tmp_path)
    assert str(err.value) == (
        f"{locked}: cannot be read (permission denied); allow it with chmod a+r '{locked}' or "
        "move it out of the corpus"
    )


def test_file_link_loop_and_broken_link_are_one_line(tmp_path):
    article(tmp_path, "a.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    with pytest.raises(InputError) as err:
        load_corpus(tmp_path)
    assert str(err.value) == (
        f"{tmp_path / 'loop.txt'}: cannot be read (Too many levels of symbolic links); fix or "
        "remove it"
    )
    (tmp_path / "loop.txt").unlink()
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(InputError, match=r"gone.txt: a broken symbolic link; fix or remove it"):
        load_corpus(tmp_path)
    with pytest.raises(InputError, match=r"gone.txt: a broken symbolic link; fix or remove it"):
        load_corpus(tmp_path / "gone.txt")


def test_linked_sub_folder_is_read_and_a_link_back_is_skipped(tmp_path):
    corpus_dir = tmp_path / "corpus"
    article(corpus_dir, "a.txt")
    article(tmp_path / "elsewhere", "b.txt", "Date: 2022-06-26\nLa ministre a parlé.")
    (corpus_dir / "linked").symlink_to(tmp_path / "elsewhere")
    (corpus_dir / "back").symlink_to(corpus_dir)
    corpus, messages = load_warnings(corpus_dir)
    assert corpus.doc_id.tolist() == ["a", "b"]
    back = corpus_dir / "back"
    assert messages == [f"{back}: links back to a folder already being read; skipped"]


def test_unreadable_sub_folder_is_named_and_the_rest_goes_on(tmp_path, monkeypatch):
    article(tmp_path, "a.txt")
    article(tmp_path / "locked", "b.txt")
    real = Path.iterdir

    def iterdir(self):
        if self == tmp_path / "locked":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    corpus, messages = load_warnings(tmp_path)
    assert corpus.doc_id.tolist() == ["a"]
    assert messages == [
        f"{tmp_path / 'locked'}: sub-folder cannot be read (permission denied), its articles are "
        f"left out; allow it with chmod a+rx '{tmp_path / 'locked'}'"
    ]


def test_nul_characters_are_removed_with_one_warning(tmp_path):
    path = article(tmp_path, "a.txt", "Date: 2022-06-25\nLe mai\x00re a parlé.\x00")
    corpus, messages = load_warnings(path)
    assert corpus.text.tolist() == ["Le maire a parlé."]
    assert messages == [
        f"1 article(s) held NUL characters, removed ({path}); check how the file was exported"
    ]


def test_french_excel_csv_with_french_dates(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        "doc_id;published;text\n"
        "a;25/06/2022;Le maire a parlé; puis il est parti.\n"
        'b;1er juin 2022;"Texte; avec un point-virgule."\n'
        "c;samedi 25 juin 2022;La ministre a répondu.\n"
        "d;3.7.2021 14h30;Un autre texte.\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"export.csv:2: the row has more fields"):
        load_corpus(path)  # an unquoted ; inside the text is a separator, as in Excel
    path.write_text(path.read_text(encoding="utf-8").replace("parlé;", "parlé,"), "utf-8")
    corpus = load_corpus(path)
    assert corpus.published.dt.strftime("%Y-%m-%d").tolist() == [
        "2022-06-25", "2022-06-01", "2022-06-25", "2021-07-03",
    ]
    assert corpus.text.tolist()[1] == "Texte; avec un point-virgule."


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("25/06/2022", "2022-06-25"),
        ("25 juin 2022", "2022-06-25"),
        ("25 JUIN 2022", "2022-06-25"),
        ("1er févr. 2023", "2023-02-01"),
        ("2022-06-25T23:30:00+02:00", "2022-06-25"),
    ],
)
def test_dates_a_french_researcher_writes(value, expected):
    assert parse_date(value, "x").strftime("%Y-%m-%d") == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("9999-12-31", "x: publication date '9999-12-31' is outside the years 1678–2261"),
        ("0001-01-01", "x: publication date '0001-01-01' is outside the years 1678–2261"),
        ("31/02/2022", "x: publication date '31/02/2022' is not a date; write it as YYYY-MM-DD"),
        ("25 juno 2022", "x: publication date '25 juno 2022' is not a date"),
    ],
)
def test_dates_that_cannot_be_held_are_one_line(value, message):
    with pytest.raises(InputError) as err:
        parse_date(value, "x")
    assert str(err.value).startswith(message) and "\n" not in str(err.value)


def test_date_out_of_range_in_a_csv_is_exit_2_one_line(tmp_path, capsys):
    path = tmp_path / "a.csv"
    path.write_text("published,text\n9999-12-31,Le maire a parlé.\n", encoding="utf-8")
    assert cli.main(["run", "--corpus", str(path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"error: {path}:2: publication date '9999-12-31' is outside the years 1678–2261 this "
        "tool can hold; correct it or leave it empty\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]


def test_utf16_with_bom_is_read_and_without_bom_the_advice_says_utf16(tmp_path):
    text = "Date: 2022-06-25\nL'Élysée a répondu."
    (tmp_path / "bom.txt").write_bytes(text.encode("utf-16"))
    assert load_corpus(tmp_path / "bom.txt").text.tolist() == ["L'Élysée a répondu."]
    (tmp_path / "le.txt").write_bytes(text.encode("utf-16-le"))
    with pytest.raises(InputError, match=r"iconv -f UTF-16LE -t UTF-8"):
        load_corpus(tmp_path / "le.txt")
    (tmp_path / "latin.txt").write_bytes(text.encode("cp1252"))
    with pytest.raises(InputError, match=r"iconv -f WINDOWS-1252 -t UTF-8"):
        load_corpus(tmp_path / "latin.txt")


def test_formula_cells_are_escaped_in_written_tables(tmp_path):
    table = pd.DataFrame(
        {
            "text": ['=HYPERLINK("http://x","clic")', "+33 1 23", "-2", "@SUM(A1)", "ok", None],
            "count": [1, -2, 3, 4, 5, 6],
        }
    )
    write_table(table, tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_text(encoding="utf-8") == (
        "text,count\n"
        '"\'=HYPERLINK(""http://x"",""clic"")",1\n'
        "'+33 1 23,-2\n"
        "'-2,3\n"
        "'@SUM(A1),4\n"
        "ok,5\n"
        ",6\n"
    )
    assert table.text[0].startswith("=")  # the caller's table is left as it was


@pytest.mark.parametrize(("stop", "code", "word"), [
    (KeyboardInterrupt, 130, "interrupted"), (report.Terminated, 143, "terminated")])
def test_ctrl_c_and_sigterm_are_one_line(tmp_path, capsys, monkeypatch, stop, code, word):
    def run_report(**kwargs):
        raise stop()

    monkeypatch.setattr(report, "run_report", run_report)
    assert cli.main(["run", "--out", str(tmp_path / "out")]) == code
    assert capsys.readouterr().err == (
        f"error: {word}; the report folder {tmp_path / 'out'} was left as it was before the run\n"
    )
