"""Which words a negation bears on, read from the dependency parse.

A negation flips the charged words of the predicate it negates, not every word near it:

- « ne … pas / jamais / plus / guère / rien / personne / aucun » and « ne » alone negate the word
  the « ne » is attached to (the verb, or the adjective or noun of « être » + attribute);
  « ne … que » and « ne … plus que » mean « only » and negate nothing;
- « pas », « jamais » without « ne » (spoken French: « c'est pas possible ») negate their head,
  unless a determiner makes « pas » the noun (« un pas vers le franquisme »);
- « sans » negates the noun or infinitive it introduces (« sans danger »);
- « non » before a word negates that word (« non conforme »), not « Non, … » answering;
- « aucun » negates its noun when no « ne » does (« aucun doute »).

From the negated word the scope extends to its predicative complements and modifiers
(`scope_deps` of `data/sentiment/negation.json`: « il ne faut pas être inquiet » reaches
« inquiet », « ce n'est pas une bonne nouvelle » reaches « bonne »), and to an object
introduced by « de » or « aucun » (« il n'y a pas de danger »), but not to an object with its
own determiner: « Poutine ne gagnera pas cette guerre » negates « gagner », and « guerre »
keeps its sign. « ne » alone on « cesser » (« ils ne cessent de mentir ») negates nothing. A
cleft negation (« ce n'est pas cette mesure populiste qui… ») denies the choice of the noun, not
its charge: nothing flips.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..paths import data_file

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Token

CLAUSE_END = {",", ";", ":", ".", "!", "?", "…", "(", ")", "«", "»", "“", "”", '"'}
CHARGED_POS = ("ADJ", "NOUN", "VERB")
RESTRICTIVE_REACH = 8
"""« ne … que »: how many tokens after « ne » a « que » is looked for."""


@functools.cache
def words() -> dict[str, frozenset[str]]:
    """The word lists of `data/sentiment/negation.json`: `ne`; `ne_partners` (« pas », « jamais »,
    « personne »…); `alone`, negators that negate their head without « ne »; `partitive`, the
    words that bring an object into the scope (« pas de », « aucun »); `ne_alone_not_negation`,
    verbs whose « ne » alone negates nothing (« ne cesse de »); `restrictive` (« ne … que »);
    `scope_deps`, the dependencies through which a negation reaches further."""
    with data_file("sentiment", "negation.json").open(encoding="utf-8") as handle:
        return {key: frozenset(values) for key, values in json.load(handle).items()}


def _clause_after(token: Token, reach: int) -> list[Token]:
    """The tokens after `token` up to the end of its clause, at most `reach` of them."""
    out = []
    for t in token.doc[token.i + 1 : token.i + 1 + reach]:
        if t.text in CLAUSE_END:
            break
        out.append(t)
    return out


def ne_alone_with(ne: Token, verbs: frozenset[str]) -> bool:
    """« ne » with no partner on one of `verbs` (« ne cesse de »)."""
    partners = any(t.lower_ in words()["ne_partners"] for t in _clause_after(ne, RESTRICTIVE_REACH))
    return not partners and ne.head.lemma_.lower() in verbs


def is_restrictive(ne: Token) -> bool:
    """« ne … que » (« il n'y a que 210 embauches »): a « que » follows with no partner other
    than « plus » between (« ne … plus que » is restrictive too)."""
    for t in _clause_after(ne, RESTRICTIVE_REACH):
        low = t.lower_
        if low in words()["restrictive"]:
            return True
        if low in words()["ne_partners"] and low != "plus":
            return False
    return False


def after_determiner(token: Token) -> bool:
    """« un pas vers… », « ce pas »: the noun « pas » (a step), whatever the tagger says."""
    return token.i > 0 and token.doc[token.i - 1].pos_ == "DET"


def is_cleft(word: Token) -> bool:
    """« ce n'est pas cette mesure qui va nous aider »: the negation denies that the noun is
    the one that does something, not the noun's own charge."""
    if word.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    has_ce = any(c.lower_ in ("ce", "c'", "c’") for c in word.children if c.i < word.i)
    return has_ce and any(
        c.i > word.i and c.left_edge.lower_ in ("qui", "que", "qu'", "qu’") for c in word.children
    )


def partitive_objects(word: Token) -> list[Token]:
    """The objects of a negated verb that the negation bears on: those introduced by « de » or
    « aucun » (« il n'y a pas de danger », « ils n'ont aucun espoir »), unlike an object with its
    own determiner (« ne gagnera pas cette guerre »)."""
    return [
        c for c in word.children
        if c.i > word.i and c.dep_.split(":")[0] in ("obj", "xcomp", "nsubj")
        and c.i > 0 and c.doc[c.i - 1].lower_ in words()["partitive"]
    ]


def scope(word: Token, allowed: set[int]) -> set[int]:
    """`word` and the words reached from it through `scope_deps` (and its partitive objects),
    inside `allowed`."""
    found, todo = set(), [word, *partitive_objects(word)]
    while todo:
        t = todo.pop()
        if t.i in found or t.i not in allowed:
            continue
        found.add(t.i)
        todo.extend(c for c in t.children if c.dep_.split(":")[0] in words()["scope_deps"])
    return found


def negated_words(tokens: Sequence[Token], ignore: set[int] | None = None) -> set[int]:
    """Indices of the tokens (among `tokens`) that a negator among `tokens` bears on; tokens in
    `ignore` (the words of a fixed phrase: « sans doute », « plus que jamais ») negate nothing."""
    ignore = ignore or set()
    allowed = {t.i for t in tokens}
    tokens = [t for t in tokens if t.i not in ignore]
    targets: list[Token] = []
    with_ne = set()
    for t in tokens:
        if (
            t.lower_ in words()["ne"]
            and not is_restrictive(t)
            and not ne_alone_with(t, words()["ne_alone_not_negation"])
        ):
            targets.append(t.head)
            with_ne.add(t.head.i)
    for t in tokens:
        low = t.lower_
        head = t.head
        if head is t:
            continue
        alone = low in words()["alone"] and t.pos_ == "ADV" and not after_determiner(t)
        if alone and head.i not in with_ne:
            targets.append(head)
        elif low == "sans":
            targets.append(head)
            following = t.doc[head.i + 1] if head.i + 1 < len(t.doc) else None
            if following is not None and following.pos_ == "ADJ":
                targets.append(following)  # « sans connaissance libre », however it is parsed
        elif low == "non" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ in CHARGED_POS:
            targets.append(t.doc[t.i + 1])
        elif low in ("aucun", "aucune") and head.i not in with_ne and not any(
            a.i in with_ne for a in head.ancestors
        ):
            targets.append(head)
    negated: set[int] = set()
    for target in targets:
        if not is_cleft(target):
            negated |= scope(target, allowed)
    return negated
