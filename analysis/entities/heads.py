"""Names of organisations and events read from their head word (lists in `rules.json`):

- `organisation_heads` (`Université`, `Association`, `Organisation`, `Cour`...) and
  `event_heads` (`Forum`, `Sommet`, `Festival`, `Jeux`...): a capitalised head opens a name that
  runs over its adjectives and its complements, as French names institutions: `Forum mondial
  de la langue française`, `Association des leaders religieux du Mali`, `Bureau d'enquêtes et
  d'analyses pour la sécurité de l'aviation civile`, `Université de Caen`. The complement
  chain is read from the parse: `de`/`du`/`des`/`pour`... (with `la`/`l'`), then nouns or proper
  nouns and their adjectives; a verb, a comma or another preposition ends it. The name stops
  before `de X` when what comes before is already an alias-table name (`Commission
  européenne` de Bruxelles). Such a name is ORG (organisation heads) or MISC (event heads).
- `organisation_tails` (`Foundation`, `Institute`, `Group`, `League`...): an English name
  holding one of these words is an organisation (`Gordon and Betty Moore Foundation`).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from .lexicon import aliases, is_first_name, rules, stop_words
from .schema import Mention

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Doc


@functools.cache
def _heads() -> dict[str, str]:
    found = dict.fromkeys(rules()["event_heads"], "MISC")
    found.update(dict.fromkeys(rules()["organisation_heads"], "ORG"))
    return found


@functools.cache
def _tails() -> frozenset[str]:
    return frozenset(rules()["organisation_tails"])


def head_label(surface: str, model_label: str = "") -> str | None:
    """ORG or MISC for a name opening with a head word (`le Congrès` alone too) or holding
    an English organisation word after its first word, LOC for an English name ending with a
    place word (`Breezy Point`); None otherwise."""
    words = surface.replace("-", " ").split()
    if not words:
        return None
    if len(words) == 1 and words[0] not in rules()["standalone_heads"]:
        words = []  # `Centre` alone is the region; `le Congrès` alone is the institution
    if words and words[0] in _heads():
        return _heads()[words[0]]
    if re.fullmatch(r"[A-Z]{2,6}", surface) and model_label == "LOC":
        return "ORG"  # `ESO`, `OMS`: an acronym is not a place (countries are in the alias table)
    if len(words) > 1 and words[-1] in rules()["place_tails"]:
        return "LOC"  # `Breezy Point`, `McCormick Place`
    if any(word in _tails() for word in words[1:]):
        return "ORG"
    return None


def _is_capitalised(token) -> bool:
    return token.text[:1].isupper() and token.is_alpha


def _is_name_word(token) -> bool:
    """A capitalised proper noun that is not a listed first name (`Assemblée Claude
    Bartolone` is the Assemblée, then a person)."""
    return _is_capitalised(token) and token.pos_ == "PROPN" and not is_first_name(token.text)


def _is_content_word(token) -> bool:
    """A lowercase noun or adjective of a complement. The small model's tags are unreliable
    there (`leaders` tagged DET), so any lowercase word that is not a stop word, a verb or an
    adverb will do."""
    return (
        token.is_alpha
        and token.text.islower()
        and token.lower_ not in stop_words()
        and token.pos_ not in ("VERB", "AUX", "ADV", "PRON", "ADP", "CCONJ", "SCONJ")
    )


def _complement_end(doc: Doc, i: int) -> int:
    """Index after the last token of a complement starting at token `i`, or `i` when none
    starts there: `de`/`du`/`des`/`d'` (`et de` before a lowercase word), an article, then
    either capitalised words (`du Mali`) or lowercase nouns and adjectives (`de la langue
    française`)."""
    linking = rules()["head_complement_words"]
    j, joined = i, False
    if j + 1 < len(doc) and doc[j].lower_ == "et" and doc[j + 1].lower_ in linking:
        j, joined = j + 1, True  # `et d'analyses`
    if j >= len(doc) or doc[j].lower_ not in linking:
        return i
    j += 1
    while j < len(doc) and doc[j].lower_ in ("la", "l'", "l’", "les"):
        j += 1
    start = j
    if j < len(doc) and _is_capitalised(doc[j]) and not joined:
        while (
            j < len(doc)
            and _is_capitalised(doc[j])
            and not is_first_name(doc[j].text)
            and not (len(doc[j].text) > 1 and doc[j].text.isupper())  # `de la DGAC`: another
        ):
            j += 1
        return j if j > start else i
    while j < len(doc) and _is_content_word(doc[j]):
        j += 1
        if j - start >= 2:
            break  # `des leaders religieux`, `d'assises compétente`: a noun and one adjective
    return j if j > start else i


def head_mentions(doc: Doc) -> list[Mention]:
    """Organisation and event names opening with a head word, with their complements (see
    the module); only names of two words or more."""
    found = []
    heads = _heads()
    for token in doc:
        if token.text not in heads or (token.i and doc[token.i - 1].text in ("-",)):
            continue
        j = token.i + 1
        while j < len(doc) and (
            (doc[j].pos_ == "ADJ" and doc[j].text.islower() and doc[j].is_alpha)
            or _is_name_word(doc[j])
        ):
            j += 1
        while True:
            name = doc[token.i : j].text
            if name in aliases() and j > token.i + 1:
                break
            after = _complement_end(doc, j)
            if after == j:
                break
            j = after
        if j > token.i + 1:
            found.append(
                Mention(
                    token.idx, doc[j - 1].idx + len(doc[j - 1]), heads[token.text], "institution"
                )
            )
    return found
