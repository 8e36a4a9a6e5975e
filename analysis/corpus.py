"""Load a corpus of French news articles into one tidy table, one row per article.

Every later table points into the `text` column by character offsets (`start`, `end`), so this
is the single place where text is normalised. Normalisation maps one character to one
character (typographic apostrophes to ', no-break spaces to spaces) after Unicode NFC.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .corpus_files import corpus_files
from .errors import CorpusWarning, InputError
from .paths import BUNDLED_CORPUS

CORPUS_COLUMNS = ["doc_id", "title", "published", "url", "text", "duplicate_paragraphs"]
"""Columns of `load_corpus`:

- `doc_id`: stable identifier (file stem, or the `doc_id` given in a CSV/JSONL row).
- `title`: headline, or empty.
- `published`: publication date (pandas Timestamp at midnight), NaT when unknown.
- `url`: source URL, or empty.
- `text`: the normalised body; all `start`/`end` offsets elsewhere index into it.
- `duplicate_paragraphs`: how many verbatim repeats of an earlier paragraph were removed.
"""

_CHAR_MAP = str.maketrans(
    {
        "\u2019": "'",  # right single quotation mark used as apostrophe
        "\u02bc": "'",  # modifier letter apostrophe
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space (before ; : ! ? » in French typography)
        "\u2007": " ",  # figure space
    }
)
_HEADER = re.compile(r"^(title|titre|date|source|url)\s*:\s*(.*?)\s*$", re.IGNORECASE)
_BARE_URL = re.compile(r"^\s*(https?://\S+)\s*$")
_URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$)"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<m>\d\d)(?P<d>\d\d)(?:/|$)"),
)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\d\d:?\d\d)?)?$")
_TIME = r"(?:(?:\s+|T|\s*[,à]\s*)\d{1,2}(?:[:h]\d{2})?(?::\d{2})?)?"
_NUMERIC_DATE = re.compile(rf"^(?P<d>\d{{1,2}})[/.-](?P<m>\d{{1,2}})[/.-](?P<y>\d{{4}}){_TIME}$")
_FRENCH_MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
    "septembre": 9, "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
    "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
}
_WEEKDAY = r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
_FRENCH_DATE = re.compile(
    rf"^{_WEEKDAY}(?P<d>\d{{1,2}})(?:er)?\s+(?P<m>[a-zéû]+)\.?\s+(?P<y>\d{{4}}){_TIME}$",
    re.IGNORECASE,
)
_DATE_FIX = "write it as YYYY-MM-DD (e.g. 2022-06-25), 25/06/2022 or 25 juin 2022"
_EARLIEST, _LATEST = pd.Timestamp.min.ceil("D"), pd.Timestamp.max.floor("D")
_NUL = "\x00"


@dataclass
class Article:
    """One article as read from its file, before normalisation and deduplication."""

    doc_id: str
    text: str
    where: str
    title: str = ""
    url: str = ""
    published: pd.Timestamp = field(default_factory=lambda: pd.NaT)


def normalise_text(raw: str) -> str:
    """NFC, then one-for-one character replacements (apostrophes, no-break spaces)."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    for old, new in _CHAR_MAP.items():  # str.replace per character: ~10× faster than translate
        if chr(old) in text:
            text = text.replace(chr(old), new)
    return text


def drop_repeated_paragraphs(text: str) -> tuple[str, int]:
    """Keep the first occurrence of each paragraph (line); return the text and how many went."""
    kept: list[str] = []
    seen: set[str] = set()
    removed = 0
    for line in text.split("\n"):
        key = " ".join(line.split())
        if key and key in seen:
            removed += 1
            continue
        seen.add(key)
        kept.append(line.rstrip())
    return "\n".join(kept).strip("\n"), removed


def date_from_url(url: str) -> pd.Timestamp:
    """The publication date a news URL carries (`/2022/6/25/`, `2022-06-25`), or NaT."""
    for pattern in _URL_DATES:
        match = pattern.search(url)
        if match:
            try:
                return pd.Timestamp(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                continue
    return pd.NaT


def parse_date(value: object, where: str) -> pd.Timestamp:
    """See `_parse_date`; InputError messages name `where`."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return pd.NaT
    try:
        return _parse_date(" ".join(str(value).split()))
    except InputError as err:
        raise InputError(f"{where}: {err}") from None


@functools.lru_cache(maxsize=4096)  # a corpus repeats its dates: each is read once
def _parse_date(text: str) -> pd.Timestamp:
    """A publication date, time part dropped, or NaT for empty: ISO (2022-06-25, with or without
    a time), French day-first (25/06/2022, 25.06.2022) or written out (25 juin 2022, samedi 1er
    juin 2022). InputError for anything else, and for dates outside the years
    pandas can hold (1677–2262)."""
    if not text:
        return pd.NaT
    try:
        if _ISO_DATE.match(text):
            stamp = pd.Timestamp(text)
            if stamp.tzinfo is not None:
                stamp = stamp.tz_localize(None)
            year, month, day = stamp.year, stamp.month, stamp.day
        elif match := _NUMERIC_DATE.match(text):
            year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
        elif (match := _FRENCH_DATE.match(text)) and match["m"].lower() in _FRENCH_MONTHS:
            year, month, day = int(match["y"]), _FRENCH_MONTHS[match["m"].lower()], int(match["d"])
        else:
            raise ValueError(text)
        date = pd.Timestamp(year, month, day) if 1677 < year < 2262 else None
    except (ValueError, TypeError, OverflowError):
        raise InputError(f"publication date {text!r} is not a date; {_DATE_FIX}") from None
    if date is None or not _EARLIEST <= date <= _LATEST:
        raise InputError(
            f"publication date {text!r} is outside the years 1678–2261 this tool can "
            "hold; correct it or leave it empty"
        )
    return date


def read_bytes(path: Path) -> bytes:
    """The file's bytes; InputError naming the file and the fix when it cannot be read (no
    permission, a link loop or a broken link, an input/output error)."""
    try:
        return path.read_bytes()
    except PermissionError:
        raise InputError(
            f"{path}: cannot be read (permission denied); allow it with chmod a+r '{path}' or "
            "move it out of the corpus"
        ) from None
    except OSError as err:
        link = " (a symbolic link)" if path.is_symlink() else ""
        raise InputError(
            f"{path}: cannot be read{link} ({err.strerror or err}); fix or remove it"
        ) from None


def read_utf8(path: Path) -> str:
    """The file's text (UTF-8, or UTF-16 with its byte-order mark); InputError if it is in
    another encoding or is empty."""
    data = read_bytes(path)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return _not_empty(path, data.decode("utf-16"))
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        source = "UTF-16LE" if data[1:20:2].count(0) > 5 else (
            "UTF-16BE" if data[0:20:2].count(0) > 5 else "WINDOWS-1252")
        raise InputError(
            f"{path}: not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start}); "
            f"convert it, e.g. iconv -f {source} -t UTF-8 '{path}' > fixed{path.suffix}"
        ) from None
    return _not_empty(path, text)


def _not_empty(path: Path, text: str) -> str:
    if not text.strip():
        raise InputError(f"{path}: the file is empty; put one article's text in it or remove it")
    return text


def read_txt(path: Path) -> Article:
    """One article: optional `Title:`/`Date:`/`Source:` header lines, a final `Source: URL` line."""
    lines = read_utf8(path).split("\n")  # not splitlines: U+2028 is text, not a break
    article = Article(doc_id=path.stem, text="", where=str(path))
    while lines and (match := _HEADER.match(lines[0])):
        _take_header(article, match[1].lower(), match[2], path)
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if lines:
        match = _HEADER.match(lines[-1])
        bare = _BARE_URL.match(lines[-1])
        if match and match[1].lower() in ("source", "url") and _BARE_URL.match(match[2]):
            _take_header(article, "source", match[2], path)
            lines.pop()
        elif bare:
            _take_header(article, "source", bare[1], path)
            lines.pop()
    article.text = "\n".join(lines)
    if not article.text.strip():
        raise InputError(f"{path}: no article text besides its header lines; add the body text")
    return article


def _take_header(article: Article, key: str, value: str, path: Path) -> None:
    if key in ("title", "titre"):
        article.title = value
    elif key == "date":
        article.published = parse_date(value, f"{path}: 'Date:' line")
    else:
        article.url = value
        if pd.isna(article.published):
            article.published = date_from_url(value)


def _row_article(row: dict, where: str, default_id: str) -> Article:
    text = row.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}: 'text' must be a string; put the article body in it")
    url = str(row.get("url") or "")
    published = parse_date(row.get("published") or row.get("date"), where)
    if pd.isna(published) and url:
        published = date_from_url(url)
    doc_id = row.get("doc_id")
    return Article(
        doc_id=str(doc_id) if doc_id not in (None, "") else default_id,
        text=text,
        where=where,
        title=str(row.get("title") or ""),
        url=url,
        published=published,
    )


def _row_articles(path: Path, rows: list[tuple[dict, str, str]]) -> list[Article]:
    """Articles of (row, where, default id) table rows; rows whose text is empty are skipped,
    with one warning per file naming their lines."""
    empty = [where.rsplit(":", 1)[1] for row, where, _ in rows if not str(row["text"]).strip()]
    if empty:
        warnings.warn(
            f"{path}: {len(empty)} row(s) with empty text skipped (line {', '.join(empty)})",
            CorpusWarning,
            stacklevel=4,
        )
    return [_row_article(*item) for item in rows if str(item[0]["text"]).strip()]


def csv_delimiter(text: str) -> str:
    """The field separator of a CSV: the one (`,`, `;` as French Excel writes, or tab) whose
    header row holds a `text` column; `,` when none does."""
    header = text.split("\n", 1)[0]
    for delimiter in (",", ";", "\t"):
        fields = next(csv.reader([header], delimiter=delimiter), [])
        if "text" in (f.strip() for f in fields):
            return delimiter
    return ","


def read_csv(path: Path) -> list[Article]:
    """Rows of a CSV with a `text` column (`doc_id`, `title`, `url`, `published`, `date`),
    separated by commas, semicolons (French Excel) or tabs."""
    csv.field_size_limit(2**31 - 1)  # a long article is one field; the default cap is 128 KiB
    text = read_utf8(path)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=csv_delimiter(text))
    if "text" not in (reader.fieldnames or []):
        raise InputError(
            f"{path}: no 'text' column (columns: {', '.join(reader.fieldnames or [])}); "
            "name the column holding the article body 'text'"
        )
    rows = []
    try:
        for number, row in enumerate(reader, start=1):
            if None in row or None in row.values():
                raise InputError(
                    f"{path}:{reader.line_num}: the row has {'more' if None in row else 'fewer'} "
                    f"fields than the header; quote fields that contain commas or line breaks"
                )
            rows.append((row, f"{path}:{reader.line_num}", f"{path.stem}-{number}"))
    except csv.Error as err:
        raise InputError(f"{path}:{reader.line_num}: broken CSV ({err}); fix the quoting") from None
    return _row_articles(path, rows)


def read_jsonl(path: Path) -> list[Article]:
    """One JSON object per line with a `text` key (other keys as for CSV)."""
    rows = []
    for number, line in enumerate(read_utf8(path).split("\n"), start=1):  # JSON may hold U+2028
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(
                f"{where}: not valid JSON ({err.msg}, column {err.colno}); "
                'each line must be one JSON object such as {"text": "..."}'
            ) from None
        if not isinstance(row, dict) or "text" not in row:
            raise InputError(f'{where}: no \'text\' key; each line needs {{"text": "..."}}')
        rows.append((row, where, f"{path.stem}-{number}"))
    return _row_articles(path, rows)


READERS = {".txt": lambda p: [read_txt(p)], ".csv": read_csv, ".jsonl": read_jsonl}


def read_articles(files: Iterable[Path]) -> Iterator[Article]:
    for file in files:
        yield from READERS[file.suffix.lower()](file)


def load_corpus(path: str | Path | None = None) -> pd.DataFrame:
    """Read articles from a .txt, .csv, .jsonl or folder; `None` loads the bundled corpus.

    Returns one row per article with the columns in `CORPUS_COLUMNS`. Raises `InputError` on
    input that cannot be read; warns (`CorpusWarning`, one line) about duplicate articles and
    articles without a publication date, which are kept.
    """
    source = Path(path) if path is not None else BUNDLED_CORPUS
    rows, seen_texts, seen_ids, duplicates, nul = [], {}, {}, [], []
    for article in read_articles(corpus_files(source)):
        if _NUL in article.text or _NUL in article.title:
            nul.append(article.where)
            article.text = article.text.replace(_NUL, "")
            article.title = article.title.replace(_NUL, "")
        text, removed = drop_repeated_paragraphs(normalise_text(article.text))
        if text in seen_texts:
            duplicates.append(f"{article.doc_id} = {seen_texts[text]}")
            continue
        if article.doc_id in seen_ids:
            raise InputError(
                f"{article.where}: doc_id {article.doc_id!r} is already used by "
                f"{seen_ids[article.doc_id]}; give each article its own doc_id (or file name)"
            )
        seen_texts[text] = article.doc_id
        seen_ids[article.doc_id] = article.where
        rows.append(
            {
                "doc_id": article.doc_id,
                "title": normalise_text(article.title).strip(),
                "published": article.published,
                "url": article.url.strip(),
                "text": text,
                "duplicate_paragraphs": removed,
            }
        )
    if nul:
        warnings.warn(
            f"{len(nul)} article(s) held NUL characters, removed ({', '.join(nul[:5])}"
            f"{', …' if len(nul) > 5 else ''}); check how the file was exported",
            CorpusWarning,
            stacklevel=2,
        )
    if not rows:
        raise InputError(f"{source}: no article with any text; add articles with a 'text'")
    if duplicates:
        warnings.warn(
            f"{source}: {len(duplicates)} duplicate article(s) kept once ({'; '.join(duplicates)})",
            CorpusWarning,
            stacklevel=2,
        )
    corpus = pd.DataFrame(rows, columns=CORPUS_COLUMNS)
    corpus["published"] = pd.to_datetime(corpus["published"]).astype("datetime64[ns]")
    corpus["duplicate_paragraphs"] = corpus["duplicate_paragraphs"].astype("int64")
    undated = corpus.loc[corpus["published"].isna(), "doc_id"].tolist()
    if undated:
        warnings.warn(
            f"{len(undated)} article(s) without a publication date ({', '.join(undated)}): "
            "relative dates in them stay unresolved; add a 'Date: YYYY-MM-DD' first line (.txt) "
            "or a 'published' column (CSV/JSONL)",
            CorpusWarning,
            stacklevel=2,
        )
    return corpus


def corpus_overview(corpus: pd.DataFrame) -> pd.DataFrame:
    """The corpus at a glance: one row per article with its size, without the text.

    Columns: doc_id, title, published, url, paragraphs, words, characters,
    duplicate_paragraphs (repeats removed at loading). Sorted by publication date, then id.
    """
    overview = corpus.drop(columns=["text"]).assign(
        paragraphs=corpus["text"].map(lambda t: sum(1 for p in t.split("\n") if p.strip())),
        words=corpus["text"].map(lambda t: len(t.split())),
        characters=corpus["text"].str.len(),
    )
    columns = [
        "doc_id",
        "title",
        "published",
        "url",
        "paragraphs",
        "words",
        "characters",
        "duplicate_paragraphs",
    ]
    return overview[columns].sort_values(
        ["published", "doc_id"], na_position="last", ignore_index=True
    )
