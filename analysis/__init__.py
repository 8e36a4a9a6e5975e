"""French news analysis: entities, quotes and their speakers, charged language, timelines.

Each analysis takes the corpus table from `load_corpus` and returns a tidy pandas DataFrame
(one row per mention, quote or temporal expression, with `doc_id`, `start`, `end` pointing into
the article text). Names are imported lazily so that `python -m analysis --help` stays quick.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "load_corpus": "corpus",
    "corpus_overview": "corpus",
    "render_corpus": "highlight",
    "save_figure": "figures",
    "InputError": "errors",
    "CorpusWarning": "errors",
    "corpus_docs": "nlp",
    "iter_docs": "nlp",
    "load_model": "nlp",
    "extract_entities": "entities",
    "entity_frequency": "entities",
    "plot_entity_frequency": "figures",
    "extract_quotes": "quotes",
    "quote_sentiment_by_speaker": "quotes",
    "plot_quote_sentiment": "figures",
    "plot_speaker_sentiment": "figures",
    "score_sentiment": "sentiment",
    "extract_timeline": "timeline",
    "plot_timeline": "figures",
    "plot_mentions_over_time": "figures",
    "mentions_by_period": "timeline",
    "write_table": "tables",
    "analyze_corpus": "pipeline",
    "skipped_steps": "pipeline",
    "analyze_dask": "distributed",
    "read_corpus_dask": "distributed",
    "plot_entity_trends": "figures",
    "charged_terms": "quotes",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    module = importlib.import_module(f".{_EXPORTS[name]}", __name__)
    return getattr(module, name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
