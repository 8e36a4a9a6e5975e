"""load_corpus: every input format, normalisation, deduplication, dates, and bad input."""

from __future__ import annotations

import json
import warnings

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.corpus import CORPUS_COLUMNS, date_from_url, normalise_text
from analysis.errors import CorpusWarning, InputError


def quiet_load(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return load_corpus(path)


def test_bundled_corpus_is_the_seed_article(bundled_corpus):
    row = bundled_corpus.iloc[0]
    assert list(bundled_corpus.columns) == CORPUS_COLUMNS
    assert len(bundled_corpus) == 1
    assert row.doc_id == "000_0c78623d23d00860"
    assert row.published == pd.Timestamp("2022-06-25")
    assert row.url.endswith(
        "/2022/6/25/russia-to-send-belarus-nuclear-capable-missiles-within-months"
    )
    assert row.duplicate_paragraphs == 1
    assert "Source:" not in row.text and "aljazeera" not in row.text
    assert "’" not in row.text and "l'OTAN" in row.text
    assert row.text.startswith("Poutine a plusieurs fois")
    assert row.text.count("Poutine a plusieurs fois fait référence") == 1
    assert row.text.endswith("n'était pas affecté.")
    assert len(row.text.split("\n")) == 14


def test_normalisation_is_one_character_for_one():
    raw = "l’OTAN\u00a0: «\u202fbonjour\u202f» ʼ"
    assert normalise_text(raw) == "l'OTAN : « bonjour » '"
    assert len(normalise_text(raw)) == len(raw)
    assert normalise_text("e\u0301te\u0301") == "été"  # NFC composes


def test_txt_with_date_header_and_title(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Title: Sommet à Paris\nDate: 2023-03-05\nLe président a parlé.\n", encoding="utf-8"
    )
    corpus = load_corpus(tmp_path / "a.txt")
    assert corpus.to_dict("records") == [
        {
            "doc_id": "a",
            "title": "Sommet à Paris",
            "published": pd.Timestamp("2023-03-05"),
            "url": "",
            "text": "Le président a parlé.",
            "duplicate_paragraphs": 0,
        }
    ]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.aljazeera.com/news/2022/6/25/x", "2022-06-25"),
        ("https://www.lemonde.fr/international/article/2023/03/05/titre_123.html", "2023-03-05"),
        ("https://example.org/2021-11-02-titre", "2021-11-02"),
        ("https://example.org/20200131/titre", "2020-01-31"),
    ],
)
def test_date_from_url(url, expected):
    assert date_from_url(url) == pd.Timestamp(expected)


def test_date_from_url_without_date_is_nat():
    assert pd.isna(date_from_url("https://example.org/article/2022/99/99/x"))
    assert pd.isna(date_from_url("https://example.org/a"))


def test_txt_source_line_gives_url_and_date(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("Texte.\nSource: https://ex.org/2020/1/2/y\n\n", encoding="utf-8")
    row = load_corpus(path).iloc[0]
    assert (row.text, row.url, row.published) == (
        "Texte.",
        "https://ex.org/2020/1/2/y",
        pd.Timestamp("2020-01-02"),
    )


def test_date_header_wins_over_url(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("Date: 2020-05-06\nTexte.\nSource: https://ex.org/2020/1/2/y", encoding="utf-8")
    assert load_corpus(path).published[0] == pd.Timestamp("2020-05-06")


def test_csv_with_optional_columns_and_date_synonym(tmp_path):
    path = tmp_path / "articles.csv"
    path.write_text(
        'doc_id,title,date,text\nx1,Un,2022-06-25T14:30:00Z,"Premier, texte."\n'
        ",,,Deuxième texte.\n",
        encoding="utf-8",
    )
    corpus = quiet_load(path)
    assert corpus.doc_id.tolist() == ["x1", "articles-2"]
    assert corpus.published[0] == pd.Timestamp("2022-06-25")
    assert pd.isna(corpus.published[1])
    assert corpus.text.tolist() == ["Premier, texte.", "Deuxième texte."]


def test_jsonl(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [{"text": "A l’aube.", "published": "2021-01-02", "url": "u"}, {"text": "B."}]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n", "utf-8")
    corpus = quiet_load(path)
    assert corpus.doc_id.tolist() == ["feed-1", "feed-2"]
    assert corpus.text.tolist() == ["A l'aube.", "B."]
    assert corpus.url.tolist() == ["u", ""]


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "b.txt").write_text("Date: 2020-01-01\nBé.", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text('{"text": "A.", "date": "2020-01-02"}\n', encoding="utf-8")
    (tmp_path / "README.md").write_text("notes", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    assert load_corpus(tmp_path).doc_id.tolist() == ["a-1", "b"]


def test_repeated_paragraph_kept_once(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("Date: 2020-01-01\nUn.\nDeux.\nUn.\n Un. \nTrois.", encoding="utf-8")
    row = load_corpus(path).iloc[0]
    assert (row.text, row.duplicate_paragraphs) == ("Un.\nDeux.\nTrois.", 2)


def test_duplicate_article_kept_once_with_warning(tmp_path):
    (tmp_path / "a.txt").write_text("Date: 2020-01-01\nMême texte.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Date: 2020-01-01\nMême  texte.".replace("  ", " "), "utf-8")
    with pytest.warns(CorpusWarning, match=r"1 duplicate article\(s\) kept once \(b = a\)"):
        corpus = load_corpus(tmp_path)
    assert corpus.doc_id.tolist() == ["a"]


def test_missing_date_is_one_warning_listing_articles(tmp_path):
    (tmp_path / "a.txt").write_text("Texte A.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Texte B.", encoding="utf-8")
    with pytest.warns(CorpusWarning) as record:
        corpus = load_corpus(tmp_path)
    messages = [str(w.message) for w in record]
    assert len(messages) == 1
    assert messages[0].startswith("2 article(s) without a publication date (a, b)")
    assert "Date: YYYY-MM-DD" in messages[0]
    assert corpus.published.isna().all()


BAD_INPUTS = [
    ("missing.txt", None, "no such file or folder"),
    ("empty.txt", b"", "the file is empty"),
    ("latin1.txt", "Élysée".encode("latin-1"), "not UTF-8 text (byte 0xc9 at offset 0); convert"),
    ("notext.csv", b"title,body\na,b\n", "no 'text' column (columns: title, body)"),
    ("ragged.csv", b'text,title\n"a",b,c\n', ":2: the row has more fields than the header"),
    ("broken.jsonl", b'{"text": "a"}\n{"text": \n', ":2: not valid JSON"),
    ("nokey.jsonl", b'{"body": "a"}\n', ":1: no 'text' key"),
    ("article.docx", b"PK", "unknown file type '.docx'"),
    ("baddate.txt", b"Date: 25 juno 2022\nTexte.", "is not a date; write it as YYYY-MM-DD"),
    ("farfuture.txt", b"Date: 9999-12-31\nTexte.", "is outside the years 1678–2261"),
    ("farpast.txt", b"Date: 0001-01-01\nTexte.", "is outside the years 1678–2261"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_INPUTS)
def test_bad_input_names_file_and_fix(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError) as err:
        load_corpus(path)
    assert str(path) in str(err.value)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_empty_folder_and_duplicate_ids(tmp_path):
    with pytest.raises(InputError, match="no .txt, .csv or .jsonl articles in this folder"):
        load_corpus(tmp_path)
    (tmp_path / "a.csv").write_text("doc_id,text\nx,Un.\nx,Deux.\n", encoding="utf-8")
    with pytest.raises(InputError, match="doc_id 'x' is already used"):
        quiet_load(tmp_path)


def test_input_files_are_never_modified(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Date: 2020-01-01\nl’OTAN.\nl’OTAN.\n".encode())
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load_corpus(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_jsonl_line_separator_inside_a_string_is_text(tmp_path):
    path = tmp_path / "ls.jsonl"
    row = {"text": "Premier\u2028second.", "published": "", "date": "2022-06-25"}
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    corpus = load_corpus(path)
    assert corpus.text.tolist() == ["Premier\u2028second."]
    assert corpus.published.tolist() == [pd.Timestamp("2022-06-25")]


def test_csv_article_longer_than_the_csv_module_default(tmp_path):
    path = tmp_path / "long.csv"
    text = "Un long article. " * 10_000
    path.write_text(f'text,published\n"{text}",2022-06-25\n', encoding="utf-8")
    assert len(load_corpus(path).text[0]) == len(text.strip())


def test_rows_with_empty_text_are_skipped_with_one_warning(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("text,published\nUn.,2022-06-25\n  ,2022-06-25\n,\n", encoding="utf-8")
    message = r"a.csv: 2 row\(s\) with empty text skipped \(line 3, 4\)"
    with pytest.warns(CorpusWarning, match=message):
        corpus = load_corpus(path)
    assert corpus.text.tolist() == ["Un."]
