"""Person names found by their form (a listed first name and capitalised name parts) where the
model missed them or glued them to other words."""

from __future__ import annotations

import re

from .lexicon import _alias_label, _not_names, aliases, fold, is_first_name, rules, stop_words
from .names import _is_title_at
from .schema import Mention
from .spans import _WORD_BEFORE, _span_words

_UPPER = "A-ZÀ-ÖØ-Þ"
_FIRST_CANDIDATE = re.compile(rf"(?<![\w'’-])[{_UPPER}][^\W\d_]+(?:-[{_UPPER}][^\W\d_]+)*(?![\w-])")
_NAME_PART = re.compile(
    rf" (?:(?P<particle>[a-z]{{1,5}}|[{_UPPER}][a-z]{{1,2}}|d')(?= ?[{_UPPER}])"
    rf"|(?P<initial>[{_UPPER}]\.)"
    rf"|(?P<word>(?:d')?[{_UPPER}][^\W\d_]+(?:-[{_UPPER}]?[^\W\d_]+)*(?:['’´][a-z]+)?))"
    r"(?![\w'’-])"
)


def _name_mentions(text: str) -> list[Mention]:
    """Person names found by their form where the model may have missed them: a listed first
    name followed by up to four name parts (capitalised words, initials, particles such as
    `de`, `von der`, `Le`), ending with a capitalised word (`Kamala Harris`, `Jean-Marie Le
    Pen`, `Luiz Inácio Lula da Silva`). The first name must not follow another capitalised
    word that is not a title, a stop word or a known name (`San Antonio Spurs` is no person)."""
    found = []
    for first in _FIRST_CANDIDATE.finditer(text):
        if not is_first_name(first.group(0)) or _after_capitalised(text, first.start()):
            continue
        end = _name_end(text, first.end())
        if end > first.end():
            found.append(Mention(first.start(), end, "PER", "name"))
    return found


def _after_capitalised(text: str, start: int) -> bool:
    """Whether the word before `start` (same line, one space) is capitalised and not a title,
    stop word, preposition or alias-table name."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if not before or text[before.end(1) : start] != " ":
        return False
    word = before.group(1)
    return (
        word[:1].isupper()
        and word.lower() not in stop_words()
        and word.lower() not in rules()["prepositions"]
        and not _is_title_at(word)
        and word not in aliases()
    )


def _name_end(text: str, pos: int) -> int:
    """End of the name parts after a first name ending at `pos` (`pos` itself when none)."""
    end = pos
    for _ in range(5):
        part = _NAME_PART.match(text, pos)
        if not part:
            break
        if part["particle"]:
            if part["particle"].lower() not in rules()["name_particles"] + ["le", "la"]:
                break
            pos = part.end()
            continue
        word = part["word"] or part["initial"]
        after_particle = pos > end and text[end:pos].strip() != ""
        if part["word"] and not _can_end_name(text, part.start("word"), word, after_particle):
            break
        pos = part.end()
        if part["word"]:
            end = pos
    return end


def _can_end_name(text: str, start: int, word: str, after_particle: bool = False) -> bool:
    """A capitalised word that may be part of a name: not a stop word, weekday, title (but
    after a particle it is a surname: `Le Maire`), a place or organisation of the alias
    table, or an organisation word (`Francine Clark Art Institute` is no person's name). A
    Breton or Gaelic apostrophe belongs to the word (`Le Cléac'h`)."""
    return (
        word.lower() not in stop_words()
        and fold(word) not in _not_names()
        and (after_particle or not _is_title_at(text[start : start + 40]))
        and _alias_label(word) in (None, "PER")
        and word not in rules()["organisation_tails"]
        and word not in rules()["organisation_heads"]
    )


def _prefer_names(text: str, candidates: list[Mention]) -> list[Mention]:
    """A model span that holds a name found by `_name_mentions` and something more gives way
    to the name when it is a person span (`Ousmane Sonko Premier ministre`), when a lowercase
    word comes right before the name (`S. Le professeur Dominique Bernard`) or when the rest
    is an alias-table name (`AFP Sylvie Retailleau`, then split into `AFP` and the name)."""
    names = [m for m in candidates if m.source == "name"]
    kept = []
    for mention in candidates:
        inner = next(
            (
                n
                for n in names
                if mention.source == "model"
                and mention.start <= n.start
                and n.end <= mention.end
                and (n.start, n.end) != (mention.start, mention.end)
            ),
            None,
        )
        if inner is None:
            kept.append(mention)
            continue
        rest = [
            _span_words(text, mention.start, inner.start),
            _span_words(text, inner.end, mention.end),
        ]
        known = [r for r in rest if r and r[0] in aliases()]
        described = bool(
            re.search(r"(?<!\S)(?!and\s|of\s)[a-zà-ÿ]+\s*$", text[mention.start : inner.start])
        )  # not an English `and`/`of` inside the name (`Sterling and Francine Clark ...`)
        if (
            mention.label == "PER"
            or described
            or (known and all(r in known or not r for r in rest))
        ):
            kept += [
                Mention(start, start + len(form), aliases()[form][1], "alias")
                for form, start in known
            ]
        else:
            kept.append(mention)
    return kept
