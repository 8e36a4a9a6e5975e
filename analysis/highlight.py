"""An article's text as HTML with entities and quotes highlighted, displaCy-style.

Entities are boxed in their label's colour with the label after them; each quote is shaded in
the colour of its sentiment and followed by a tag naming its speaker and kind. The HTML is
self-contained (inline styles) so it renders the same in JupyterLab and in the exported report.
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


def _sentiment_colour(score: float) -> str:
    if pd.isna(score) or abs(score) < 0.05:
        return NEUTRAL
    return NEGATIVE if score < 0 else POSITIVE


def _spans(table: pd.DataFrame | None, doc_id: str) -> list[dict]:
    if table is None or table.empty:
        return []
    return table[table["doc_id"] == doc_id].sort_values(["start", "end"]).to_dict("records")


def render_article(text: str, entities: list[dict], quotes: list[dict]) -> str:
    """HTML for one article: `entities` and `quotes` are row dicts with `start`, `end`."""
    bounds = {0, len(text)}
    for row in entities + quotes:
        bounds.update((int(row["start"]), int(row["end"])))
    points = sorted(b for b in bounds if 0 <= b <= len(text))
    parts = []
    for left, right in zip(points, points[1:], strict=False):
        for quote in quotes:
            if quote["start"] == left:
                colour = _sentiment_colour(quote.get("sentiment", float("nan")))
                parts.append(f'<span style="{_QUOTE.format(colour=colour)}">')
        piece = html.escape(text[left:right]).replace("\n", "<br>\n")
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


def render_corpus(
    corpus: pd.DataFrame, entities: pd.DataFrame | None = None, quotes: pd.DataFrame | None = None
) -> str:
    """HTML for every article of a corpus, each under a heading with its id and date."""
    sections = []
    for row in corpus.sort_values("doc_id").itertuples():
        date = "date unknown" if pd.isna(row.published) else row.published.strftime("%Y-%m-%d")
        heading = html.escape(f"{row.title or row.doc_id} ({date})")
        body = render_article(row.text, _spans(entities, row.doc_id), _spans(quotes, row.doc_id))
        sections.append(f"<h3>{heading}</h3>\n{body}")
    return "\n".join(sections)
