"""Quoted language in French news: every quote, who said it, and how charged it is.

`extract_quotes(corpus)` returns one row per quote (columns in `COLUMNS`):

- `doc_id`, `start`, `end`: the quoted words (marks excluded) as offsets into the corpus `text`;
- `text`: those words;
- `kind`: `direct` (a sentence or clause in marks: it opens its paragraph or sentence or
  follows a colon, or starts with a capital after a comma, a dash or a reporting verb),
  `partial` (a fragment in
  marks inside the reporter's sentence, one word included), `indirect` (the clause after a
  reporting verb + « que », to the end of the sentence, final punctuation excluded, and a
  coordinated « et que » clause; also unmarked speech told by an inverted verb after it,
  « 520 postes seront supprimés, a indiqué la direction » — the clause before the comma —,
  or by an incise, « Par ailleurs, poursuit X, … » — the sentence —, rule `inverted`).
  Quoted words that name a thing are no quote: titles after a cue word, a capitalised
  verbless phrase inside a sentence (« un « Congrès national général » »), a code (« A3 »);
- `speaker`: the canonical entity (the `entity` of the mention that resolved it) or "" when
  unknown; `speaker_start`, `speaker_end`: that mention's offsets, -1 when none;
- `verb`: lemma of the reporting (or, for partial quotes, governing) verb, or "";
- `rule`: the attribution rule that fired (tried in this order for direct quotes: inverted,
  incise, source_cue, verb_before, colon, verb_after, then continuation / previous_sentence;
  for partial quotes: indirect, inverted, source_cue, verb_before, governing_verb):
  `inverted` (« … », a déclaré X / déclare-t-il / a estimé le ministre / a indiqué à l'AFP X),
  `incise` (« A, a déclaré X, B »), `source_cue` (selon / d'après / pour X),
  `verb_before` (X a déclaré : « … »; also « A », a dit X, « B »), `colon` (X … : « … »
  without a reporting verb, or « Réaction de X : « … » »), `verb_after` (« … » : c'est ainsi
  que X a résumé), `governing_verb` (partial quote: subject of the verb that governs it),
  `indirect` (X a déclaré que …, and quotes inside such a clause), `continuation` (a
  paragraph-opening quote without attribution continues the adjacent previous paragraph's
  quote; a quote running over paragraphs shares one speaker), `next_sentence` (a direct
  quote with no attribution followed by a sentence pointing back at it: « Ainsi a réagi X »,
  « Par ces mots, X… »), `previous_sentence` (a direct quote with no attribution at all right
  after a sentence whose subject is a person), `interview_label` (an
  unmarked answer in a Q/R interview, « Didier Deschamps : Parce que… », when labelled
  paragraphs ask a question), or `none`. A « selon X » cue in the quote's
  sentence wins over the subject of a non-reporting verb even when X stays unnamed.
  Suffixes say how the subject was resolved: `+pronoun` (il/elle → the nearest subject
  naming a compatible person, else the nearest compatible person; an organisation subject of
  this or the previous sentence when they name no person, « Fitch … Elle estime que »;
  ils/eux → the nearest plural subject, a named group or a described one), `+role` (« le ministre »
  → the last person introduced with that role, else the only gender-compatible person named
  so far — for a role with a complement, only if that person is a subject — else, after a
  reply verb, the other of two people named together, else the only candidate of the
  previous sentence; see data/quotes/README.md), `+org` (« l'ONG », « le constructeur » → the
  organisation named before; of several, the nearest subject one), `+name` (a capitalised
  name the entity tagger missed),
  `+passive` (« jugés … par X »), `+previous` (« Et d'ajouter : » takes the previous quote's
  speaker), `+description` (a subject naming nobody the article names: its noun phrase is the
  speaker, « son avocate », « un porte-parole de la police », « le gouvernement malien »,
  « des analystes »; heads from `role_nouns.csv`, `org_nouns.csv`, `source_nouns.csv`; a
  definite singular role, « l'ambassadeur », points back at a named person and stays unknown).
  The medium after « à » is never the speaker (« a indiqué une source policière à l'AFP »).
  A partial quote whose sentence has no verb of its own continues the previous quote's
  speaker (`continuation`). Speaker names are one per person within an article (« Obama »,
  « B. Obama » → « Barack Obama », `canonical`) and across the corpus (`quotes_table`);
- `sentiment`, `sentiment_terms`: the score of the quote's tokens (see `analysis.sentiment`);
- `mentions`: canonical entities named inside the quote, "; "-joined, in order.

The package is split by what each module does: `marks` (finding quotes in marks), `names`
(quoted words that name a thing), `indirect` (« que » speech), `reported` (unmarked speech with
an inverted verb or an incise), `verbs` (reporting verbs and their subjects), `speakers` (the
`Resolver`: who a subject is), `pronouns` and `roles` (its pronoun and role resolution),
`descriptions` (unnamed sources), `phrases` (noun phrases and missed names), `rules` (the rules
for a quote in marks), `continuation` (quotes without attribution of their own), `canonical`
(one name per speaker), `document` (one document's rows), `table` (the tidy table and
summaries), `lexicon` (the data files).

Cost is linear in a paragraph's length: sentence starts, paragraphs, quoted ranges and
mentions are indexed (bisection) and every backward search is bounded (`MENTION_WINDOW`,
`BACKWARD_TOKENS` in `lexicon`, `LEFT_CONTEXT` in `marks`), bounds longer than a news article.

Marks, reporting verbs, source cues, title cues, pronouns and role nouns are data files under
`data/quotes/` (see its README). Rows are sorted by doc_id, start, end.
"""

from __future__ import annotations

from .document import doc_quotes, quote_row
from .indirect import Indirect, find_indirect
from .lexicon import (
    clause_links,
    first_names,
    mark_roles,
    not_reporting,
    pronouns,
    reporting_verbs,
    role_nouns,
    source_cues,
    title_cues,
    verb_forms,
    word_set,
)
from .marks import Marked, find_marked, paragraphs, quote_kind
from .rules import attribute_marked
from .speakers import Attribution, Resolver
from .table import (
    CHARGED_COLUMNS,
    COLUMNS,
    SPEAKER_COLUMNS,
    charged_terms,
    extract_quotes,
    quote_sentiment_by_speaker,
    quotes_table,
    split_terms,
)
from .verbs import reporting_lemma, subject_of

__all__ = [
    "CHARGED_COLUMNS", "COLUMNS", "SPEAKER_COLUMNS", "Attribution", "Indirect", "Marked",
    "Resolver", "attribute_marked", "charged_terms", "clause_links", "doc_quotes",
    "extract_quotes", "find_indirect", "find_marked", "first_names", "mark_roles",
    "not_reporting", "paragraphs", "pronouns", "quote_kind", "quote_row",
    "quote_sentiment_by_speaker", "quotes_table", "reporting_lemma", "reporting_verbs",
    "role_nouns", "source_cues", "split_terms", "subject_of", "title_cues", "verb_forms",
    "word_set",
]
