"""How charged a piece of French text is: a lexicon score a researcher can read term by term.

The modules, by what they do:

- `lexicon`: the polarity lexicons (a news-and-politics supplement over Pattern's French
  adjectives, PDDL, and the French VADER lexicon, MIT) and how a token is looked up in them;
- `phrases`: multiword expressions and idioms (« baisser les bras »);
- `negation`: which words a negation bears on, from the dependency parse;
- `modifiers`: intensifiers and attenuators;
- `context`: words that never count where they stand (temporal expressions);
- `terms`: the charged terms of a run of tokens with their signed values;
- `score`: the aggregate score, `span_sentiment` (used by the quotes) and `score_sentiment`.

`sentiment_terms` lists the terms found, in text order, as "lemma:value; lemma:value" with
signed values to two decimals (e.g. "agressif:-0.80"; a phrase is listed as written in
`data/sentiment/phrases.csv`, « baisser les bras:0.50 » when negated).

What counts as charged follows the conventions of the project's real-news gold: the charge of the
quoted words themselves, not whether the news is good or bad; bad news told in plain words
(« mort », « victime d'une agression ») is neutral; negated negatives that reassure (« il ne faut
pas être inquiet ») are positive.
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
