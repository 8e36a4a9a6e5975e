"""Quotes: speaker and pronoun resolution cost grows linearly with a paragraph's length (every
backward search is bounded or indexed), and the bounds change nothing on real news articles."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from analysis.quotes import doc_quotes

PACKAGE = str(Path(__file__).resolve().parent.parent / "analysis" / "quotes")
PEOPLE = ["Marie Dupont", "Jean Martin", "Sophie Bernard", "Paul Durand", "Claire Petit",
          "Luc Moreau"]


def long_paragraph(sentences: int) -> str:
    """One paragraph (no line break) of quotes, pronouns, roles and « selon » cues."""
    out = []
    for i in range(sentences):
        a, b = PEOPLE[i % 6], PEOPLE[(i * 5 + 1) % 6]
        out.append([
            f"{a} a rencontré {b} à Lyon.",
            "« Nous avancerons ensemble », a-t-il déclaré.",
            "Selon elle, le projet est « une chance pour la région ».",
            "Le ministre a estimé que la réforme serait votée.",
            "Il a ajouté : « Rien n'est encore décidé. »",
        ][i % 5])
    return " ".join(out)


def bounded_modules() -> list:
    """The modules holding the backward-search bounds (`analysis.quotes.pronouns` the module,
    not the data loader of the same name the package exports)."""
    return [importlib.import_module(f"analysis.quotes.{name}") for name in ("speakers",
                                                                           "pronouns")]


def counted_calls(doc, mentions) -> tuple[int, list[dict]]:
    """Python function calls (and generator steps) made inside analysis/quotes while the
    paragraph's quotes are found and attributed: a measure of work that does not depend on
    the machine's load."""
    calls = 0

    def count(frame, event, _arg):
        nonlocal calls
        if event == "call" and frame.f_code.co_filename.startswith(PACKAGE):
            calls += 1

    sys.setprofile(count)
    try:
        rows = doc_quotes(doc, "t", mentions)
    finally:
        sys.setprofile(None)
    return calls, rows


@pytest.fixture(scope="module")
def short_and_long():
    from analysis.entities import doc_entities
    from analysis.nlp import iter_docs

    texts = [long_paragraph(150), long_paragraph(600)]
    return [(doc, doc_entities(doc, "t")) for doc in iter_docs(texts)]


def test_work_grows_linearly_with_the_paragraph(short_and_long, monkeypatch):
    """Both paragraphs exceed the (lowered) bounds, as a 1,000,000-character paragraph
    exceeds the real ones: past them, each quote costs the same."""
    for module in bounded_modules():
        monkeypatch.setattr(module, "MENTION_WINDOW", 2_000)
        monkeypatch.setattr(module, "BACKWARD_TOKENS", 400)
    (short, short_mentions), (long, long_mentions) = short_and_long
    assert len(long) > 3.9 * len(short)
    small, short_rows = counted_calls(short, short_mentions)
    large, long_rows = counted_calls(long, long_mentions)
    assert len(long_rows) == 4 * len(short_rows) == 480
    # four times the text: about four times the work (before the bounds: 46 times)
    assert large < 5 * small, (small, large)


def test_results_hold_far_into_a_long_paragraph(short_and_long):
    (long, mentions) = short_and_long[1]
    rows = doc_quotes(long, "t", mentions)
    last = [(r["text"], r["speaker"], r["rule"]) for r in rows[-4:]]
    # the last five sentences: « Jean Martin a rencontré Marie Dupont à Lyon. », then « il »
    # is Jean Martin, « elle » Marie Dupont; « le ministre » fits no one of the many people
    assert last == [
        ("Nous avancerons ensemble", "Jean Martin", "inverted+pronoun"),
        ("une chance pour la région", "Marie Dupont", "source_cue+pronoun"),
        ("la réforme serait votée", "", "indirect"),
        ("Rien n'est encore décidé.", "Jean Martin", "verb_before+pronoun"),
    ]


def test_bounds_change_nothing_on_real_articles(monkeypatch):
    """The dev articles (when present) give the same rows with the bounds lifted."""
    from benchmarks.realtext import GOLD_DIR, read_gold

    if not (GOLD_DIR / "gold.json").exists():
        pytest.skip("the real-news dev articles are not here")
    from analysis.entities import doc_entities
    from analysis.nlp import iter_docs
    from analysis.quotes import marks

    articles = read_gold()
    docs = list(iter_docs([a.text for a in articles]))
    mentions = [doc_entities(doc, a.doc_id) for doc, a in zip(docs, articles, strict=True)]
    bounded = [doc_quotes(d, a.doc_id, m) for d, a, m in zip(docs, articles, mentions,
                                                            strict=True)]
    for module in bounded_modules():
        monkeypatch.setattr(module, "MENTION_WINDOW", 10**9)
        monkeypatch.setattr(module, "BACKWARD_TOKENS", 10**9)
    monkeypatch.setattr(marks, "LEFT_CONTEXT", 10**9)
    unbounded = [doc_quotes(d, a.doc_id, m) for d, a, m in zip(docs, articles, mentions,
                                                              strict=True)]
    assert sum(map(len, bounded)) > 150
    assert bounded == unbounded
