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
    assert html.index('<h3 id="article-1">Titre (2022-06-25)</h3>') < html.index(
        '<h3 id="article-2">b (date unknown)</h3>')
    assert '<li><a href="#article-1">Titre (2022-06-25)</a>' in html  # table of contents
    assert "0 entities, 0 quotes, 0 dates" in html and "articles shown" not in html


def test_date_is_underlined_and_tagged_with_its_resolution():
    text = "Il est venu samedi à Paris."
    date = {"start": 12, "end": 18, "expression": "samedi", "value": "2022-06-25",
            "start_date": pd.Timestamp("2022-06-25"), "end_date": pd.Timestamp("2022-06-26")}
    html = render_article(text, [], [], [date])
    assert 'dotted #009E73;font-style:italic">samedi</span><span style=' in html
    assert 'title="samedi → 2022-06-25">2022-06-25</span> à Paris.' in html
    undated = {**date, "value": "XXXX-WXX-6", "start_date": pd.NaT, "end_date": pd.NaT}
    assert 'title="samedi → ?">?</span>' in render_article(text, [], [], [undated])
    future = {**date, "value": "FUTURE_REF", "end_date": pd.NaT}
    assert ">≥ 2022-06-25</span>" in render_article(text, [], [], [future])


def test_render_corpus_caps_the_articles_and_says_so():
    corpus = pd.DataFrame({"doc_id": ["c", "a", "b"], "title": "", "text": ["Un.", "Deux.", "3."],
                           "published": pd.NaT})
    html = render_corpus(corpus, limit=2)
    assert html.startswith("<p><strong>2 of 3 articles shown</strong> (the first by id)")
    assert html.count("<h3 ") == 2 and '<h3 id="article-2">b (date unknown)' in html
    assert ">c (" not in html
