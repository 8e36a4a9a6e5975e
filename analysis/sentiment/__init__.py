"""How charged a piece of French text is: a lexicon score a researcher can read term by term.

The modules, by what they do:

- `lexicon`: the polarity lexicons (Pattern's French adjectives, PDDL, under a news-and-politics
  supplement) and how a token is looked up in them;
- `phrases`: multiword expressions and idioms (« baisser les bras »);
- `negation`: which words a negation bears on, from the dependency parse;
- `modifiers`: intensifiers and attenuators;
- `context`: words that never count where they stand (temporal expressions);
- `terms`: the charged terms of a run of tokens with their signed values;
- `score`: the aggregate score, `span_sentiment` (used by the quotes) and `score_sentiment`.

`sentiment_terms` lists the terms that moved the score, in text order, as
"lemma:value; lemma:value" with signed values to two decimals (e.g. "agressif:-0.80").
"""

from __future__ import annotations

from .context import in_time_expression, time_nouns
from .lexicon import base_forms, lookup_keys, pattern_lexicon, supplement, term_value
from .modifiers import Modifier, is_modifier, modifiers
from .negation import negated_words
from .score import COLUMNS, aggregate, format_terms, score_sentiment, span_sentiment
from .terms import CONTENT_POS, MIN_TERM, charged_terms

__all__ = [
    "COLUMNS", "CONTENT_POS", "MIN_TERM", "Modifier", "aggregate",
    "base_forms", "charged_terms", "format_terms", "in_time_expression", "is_modifier",
    "lookup_keys", "modifiers", "negated_words", "pattern_lexicon", "score_sentiment",
    "span_sentiment", "supplement", "term_value", "time_nouns",
]
