"""An article's text as HTML with entities, quotes and dates highlighted, displaCy-style.

Entities are boxed in their label's colour with the label after them; each quote is shaded in
the colour of its sentiment and followed by a tag naming its speaker and kind; each temporal
expression is underlined and followed by the date it was resolved to. The HTML is
self-contained (inline styles) so it renders the same in JupyterLab and in the exported report.
`render_corpus` puts a table of contents before the articles and shows at most `limit` of
them, saying so, so the page keeps its size on a large corpus.
"""

from __future__ import annotations

import html

import pandas as pd

from .figures.palette import LABEL_COLOURS, NEGATIVE, NEUTRAL, POSITIVE

_BOX = (
    "background:{colour}22;border:1px solid {colour};border-radius:3px;padding:0 2px;line-height:2"
)
_TAG = "font-size:0.7em;font-weight:bold;color:{colour};margin-left:3px;vertical-align:super"
_QUOTE = "background:{colour}1f;border-bottom:2px solid {colour}"
DATE_COLOUR = "#009E73"
_DATE = f"border-bottom:2px dotted {DATE_COLOUR};font-style:italic"


def _sentiment_colour(score: float) -> str:
    if pd.isna(score) or abs(score) < 0.05:
        return NEUTRAL
    return NEGATIVE if score < 0 else POSITIVE


def _spans(table: pd.DataFrame | None, doc_id: str) -> list[dict]:
    if table is None or table.empty:
        return []
    return table[table["doc_id"] == doc_id].sort_values(["start", "end"]).to_dict("records")


def _resolved(date: dict) -> str:
    """What a temporal expression was resolved to, for its tag: 2022-06-25, 2022-06, … or
    « ? » when it could not be dated (an article without publication date)."""
    value = str(date.get("value") or "")
    start, end = date.get("start_date"), date.get("end_date")
    if value and not value.startswith("XXXX") and value not in ("FUTURE_REF", "PAST_REF"):
        return value
    if pd.notna(start) and pd.isna(end):
        return f"≥ {pd.Timestamp(start).date()}"
    if pd.isna(start) and pd.notna(end):
        return f"< {pd.Timestamp(end).date()}"
    return "?"


def render_article(
    text: str, entities: list[dict], quotes: list[dict], dates: list[dict] | None = None
) -> str:
    """HTML for one article: `entities`, `quotes` and `dates` (timeline rows) are row dicts
    with `start`, `end` character offsets."""
    dates = dates or []
    bounds = {0, len(text)}
    for row in entities + quotes + dates:
        bounds.update((int(row["start"]), int(row["end"])))
    points = sorted(b for b in bounds if 0 <= b <= len(text))
    parts = []
    for left, right in zip(points, points[1:], strict=False):
        for quote in quotes:
            if quote["start"] == left:
                colour = _sentiment_colour(quote.get("sentiment", float("nan")))
                parts.append(f'<span style="{_QUOTE.format(colour=colour)}">')
        piece = html.escape(text[left:right]).replace("\n", "<br>\n")
        date = next((d for d in dates if d["start"] <= left and right <= d["end"]), None)
        if date is not None:
            piece = f'<span style="{_DATE}">{piece}</span>'
        entity = next((e for e in entities if e["start"] <= left and right <= e["end"]), None)
        if entity is not None:
            colour = LABEL_COLOURS.get(entity["label"], NEUTRAL)
            piece = f'<span style="{_BOX.format(colour=colour)}">{piece}</span>'
            if entity["end"] == right:
                title = html.escape(str(entity["entity"]), quote=True)
                piece += (
                    f'<span style="{_TAG.format(colour=colour)}" title="{title}">'
                    f"{entity['label']}</span>"
                )
        if date is not None and date["end"] == right:
            resolved = html.escape(_resolved(date))
            title = html.escape(f"{date.get('expression', '')} → {resolved}", quote=True)
            piece += (f'<span style="{_TAG.format(colour=DATE_COLOUR)}" title="{title}">'
                      f"{resolved}</span>")
        parts.append(piece)
        for quote in quotes:
            if quote["end"] == right:
                speaker = html.escape(str(quote.get("speaker") or "?"))
                colour = _sentiment_colour(quote.get("sentiment", float("nan")))
                parts.append(
                    f'</span><span style="{_TAG.format(colour=colour)}">'
                    f"— {speaker} ({html.escape(str(quote['kind']))})</span>"
                )
    return (
        f'<div style="font-family:sans-serif;line-height:1.9;max-width:52em">{"".join(parts)}</div>'
    )


def _count(table: pd.DataFrame | None, doc_id: str) -> int:
    return 0 if table is None or table.empty else int((table["doc_id"] == doc_id).sum())


def render_corpus(
    corpus: pd.DataFrame,
    entities: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
    dates: pd.DataFrame | None = None,
    limit: int | None = None,
) -> str:
    """HTML for the articles of a corpus (at most `limit`, by id), each under a heading with
    its title and date, after a table of contents linking to each with its numbers of
    entities, quotes and dates. When articles are left out, a note at the top says how many
    and where they are (the tables)."""
    ordered = corpus.sort_values("doc_id")
    shown = ordered if limit is None else ordered.head(limit)
    contents, sections = [], []
    for number, row in enumerate(shown.itertuples(), start=1):
        date = "date unknown" if pd.isna(row.published) else row.published.strftime("%Y-%m-%d")
        heading = html.escape(f"{row.title or row.doc_id} ({date})")
        anchor = f"article-{number}"
        counts = (f"{_count(entities, row.doc_id)} entities, {_count(quotes, row.doc_id)} "
                  f"quotes, {_count(dates, row.doc_id)} dates")
        contents.append(f'<li><a href="#{anchor}">{heading}</a> '
                        f'<span style="color:#666;font-size:0.85em">{counts}</span></li>')
        body = render_article(row.text, _spans(entities, row.doc_id),
                              _spans(quotes, row.doc_id), _spans(dates, row.doc_id))
        sections.append(f'<h3 id="{anchor}">{heading}</h3>\n{body}')
    note = ""
    if len(shown) < len(ordered):
        note = (f'<p><strong>{len(shown)} of {len(ordered)} articles shown</strong> (the first '
                f"by id); every article is in the tables above and in tables/*.csv. Set "
                f"<code>max_articles</code> to show more.</p>\n")
    toc = f'<ol class="contents">{"".join(contents)}</ol>\n' if len(shown) > 1 else ""
    return note + toc + "\n".join(sections)


# itables' default controls, plus an empty slot so that it keeps them on short tables too:
# every table gets the same search box, page length, count and pages
_LAYOUT = {"topStart": "pageLength", "topEnd": "search", "bottomStart": "info",
           "bottomEnd": "paging", "bottom2Start": None}
MAX_TABLE_ROWS = 20_000  # beyond this the page shows the first rows and says where the rest is


def show_table(table: pd.DataFrame, name: str, max_rows: int = MAX_TABLE_ROWS) -> None:
    """Display `table` as a table that sorts and filters in the browser, with every row (up to
    `max_rows`, then a note naming tables/`name`.csv), offline: the DataTables code is
    embedded by `itables.init_notebook_mode(connected=False)`, called once per notebook.
    `name` becomes the table's HTML id, so two runs give the same bytes."""
    from IPython.display import HTML, display
    from itables import show

    shown = table.head(max_rows)
    note = ""
    if len(shown) < len(table):
        note = (f"<p><strong>First {len(shown):,} of {len(table):,} rows shown</strong>; "
                f"every row is in tables/{html.escape(name)}.csv.</p>")
    # text left-aligned and long words (URLs) wrapped, so every column fits on the page
    display(HTML(f"<style>#table-{name} td:not(.dt-type-numeric){{text-align:left;"
                 f"overflow-wrap:anywhere;min-width:7em}}</style>{note}"))
    show(shown, table_id=f"table-{name}", maxBytes=0, maxRows=0, maxColumns=0,
         showIndex=False, classes="display compact cell-border", pageLength=10,
         lengthMenu=[10, 25, 100, 500], autoWidth=False, layout=_LAYOUT,
         text_in_header_can_be_selected=False)  # a click on a column name sorts
