"""The annotated-article view of the overview notebook."""

from __future__ import annotations

import pandas as pd

from analysis.highlight import render_article, render_corpus

TEXT = "Poutine a dit « non & jamais ».\nFin."
ENTITY = {"start": 0, "end": 7, "label": "PER", "entity": "Vladimir Poutine"}
QUOTE = {"start": 16, "end": 28, "kind": "direct", "speaker": "Vladimir Poutine", "sentiment": -0.5}


def test_entity_is_boxed_with_its_label_and_canonical_name():
    html = render_article(TEXT, [ENTITY], [])
    assert '">Poutine</span><span style="' in html
    assert 'title="Vladimir Poutine">PER</span> a dit' in html


def test_quote_is_shaded_and_tagged_with_speaker_and_kind():
    html = render_article(TEXT, [ENTITY], [QUOTE])
    assert 'border-bottom:2px solid #D55E00">non &amp; jamais</span>' in html
    assert ">— Vladimir Poutine (direct)</span> »." in html
    assert "<br>\nFin." in html


def test_neutral_quote_without_speaker():
    html = render_article(TEXT, [], [{**QUOTE, "speaker": "", "sentiment": 0.0}])
    assert "#999999" in html and "— ? (direct)" in html


def test_render_corpus_heads_each_article_with_title_and_date():
    corpus = pd.DataFrame(
        {
            "doc_id": ["b", "a"],
            "title": ["", "Titre"],
            "text": ["Un.", "Deux."],
            "published": [pd.NaT, pd.Timestamp("2022-06-25")],
        }
    )
    html = render_corpus(corpus)
    assert html.index("<h3>Titre (2022-06-25)</h3>") < html.index("<h3>b (date unknown)</h3>")
