"""Pronouns: which person « il », « elle » or « selon lui » stands for (a mixin of `Resolver`):
the subject of this sentence, the previous quote's speaker, the nearest subject naming a person
of a compatible gender, then the nearest compatible person.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from .descriptions import description
from .lexicon import (
    BACKWARD_TOKENS,
    MENTION_WINDOW,
    NP_LINKS,
    PRONOUN_SUBJECT_WINDOW,
    role_nouns,
)
from .text import Ranges, inside, sentence_of
from .verbs import reporting_lemma

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Token


def inverted_subject(token: Token) -> bool:
    """« …, a annoncé le président de l'Assemblée Claude Bartolone »: a noun or name right
    after a reporting verb that follows a comma is that verb's subject, whatever the parser
    says."""
    doc = token.doc
    for t in reversed(doc[max(0, token.i - 8) : token.i]):
        if reporting_lemma(t):
            before = doc[t.i - 1] if t.i > 0 else None
            while before is not None and before.i > 0 and (before.pos_ == "AUX" or (
                    before.text.startswith("-"))):
                before = doc[before.i - 1]
            return before is not None and before.text in (",", "»", "”", '"')
        if t.is_punct or t.is_space or t.pos_ in ("VERB", "AUX", "PRON", "SCONJ") or (
                t.pos_ == "ADP" and t.lower_ not in NP_LINKS):
            return False  # « appelle à voter pour X »: X is no subject
    return False


class PronounResolver:
    """Pronoun resolution; expects the attributes and helpers of `speakers.Resolver`."""

    def pronoun(self, token: Token, gender: str) -> dict | None:
        """Nearest previous person of the pronoun's gender, then of unknown gender, then any;
        first a subject naming a person in the pronoun's own sentence, then the speaker of a
        quote in this or the previous sentence (`previous_quote_speaker`), then the nearest
        subject naming a person (`subject_antecedent`), then a subject of
        this or the previous sentence over a closer non-subject (« X a reçu Y. Il a dit… »
        → X)."""
        people = [m for m in self.before(token.idx) if m["label"] == "PER"
                  and not inside(m["start"], self.quoted)]  # « Tout à fait Thierry ! » names
        if not people:  # the tagger sometimes labels a person MISC (« Xi Jinping »)
            people = [m for m in self.before(token.idx) if m["label"] == "MISC"
                      and self.is_subject(m)]
        matching, unknown, other = [], [], []
        for m in reversed(people):
            g, strong = self.gender(m)
            if g and g != gender and strong:
                continue
            (matching if g == gender else unknown if not g else other).append(m)
        subject = (self.subject_antecedent(token, gender, self.sentence_key(token.idx))
                   or self.previous_quote_speaker(token, gender)
                   or self.subject_antecedent(token, gender))
        if subject is not None:
            return subject
        first = sentence_of(token)
        window = self.doc[sentence_of(self.doc[first - 1]) if first > 0 else first].idx
        for group in (matching, unknown):
            recent = group[:4]
            subjects = [m for m in recent if m["start"] >= window and self.is_subject(m)]
            if recent:
                return (subjects or recent)[0]
        if other:
            return other[0]
        # nobody named before: « « … », dit-il. Nicolas Sarkozy conteste… » (cataphora)
        after = [m for m in self.between(token.idx + 1, token.idx + 200) if m["label"] == "PER"
                 and self.gender(m)[0] in (gender, "")]
        return after[0] if after else None

    def speaking_body(self, org: dict, pronoun: Token) -> bool:
        """Whether « il » / « elle » can stand for an organisation that is the nearest subject
        before it: the organisation is in the pronoun's sentence or the one before, and these
        sentences name no person (outside quotes), « Moody's explique que « … ». Malgré les
        démarches, elle considère que … » → Moody's."""
        lo = self.previous_sentence_start(pronoun.idx)
        for _ in range(8):  # a sentence stop inside a quote ends no reporter's sentence
            holder = self.quoted.holder(lo) if isinstance(self.quoted, Ranges) else None
            if holder is None:
                break
            lo = self.sentence_key(holder[0])
        if org["start"] < lo:
            return False
        return not any(m["label"] == "PER" and not inside(m["start"], self.quoted)
                       for m in self.between(lo, pronoun.idx))

    def quoted_before(self, pos: int) -> list[tuple[int, int]]:
        """The quoted ranges starting before `pos` and ending after `pos - MENTION_WINDOW`
        (those that can lengthen the antecedent window; bounded by an index when the ranges
        are `text.Ranges`)."""
        ranges = self.quoted
        if isinstance(ranges, Ranges):
            hi = bisect.bisect_left(ranges.starts, pos)
            lo = bisect.bisect_left(ranges.starts, pos - MENTION_WINDOW)
            return [r for r in ranges[lo:hi] if r[1] > pos - MENTION_WINDOW]
        return [r for r in ranges if r[0] < pos]

    def opens_sentence(self, token: Token) -> bool:
        """Whether the token heads the noun phrase opening its sentence (« La présidente de
        l'Assemblée, X, a dû… »): a subject even when the parser, misled by a line break or a
        quote, did not say so."""
        start = self.sentence_key(token.idx)
        i = token.i - 1
        while i >= 0 and self.doc[i].idx >= start:
            if self.doc[i].pos_ not in ("DET", "ADJ") and not self.doc[i].is_space or (
                    token.i - i > 3):
                return False
            i -= 1
        return True

    def previous_quote_speaker(self, pronoun: Token, gender: str) -> dict | None:
        """« Pour X, cette réaction est « inquiétante ». « … », estime-t-il »: the speaker of
        a quote in this or the previous sentence, when a person of a compatible gender."""
        m = self.previous_mention
        if m is None or m.get("label") != "PER" or self.previous_start >= pronoun.idx:
            return None
        if self.previous_start < self.previous_sentence_start(pronoun.idx):
            return None
        g, strong = self.gender(m)
        return m if not (g and strong and g != gender) else None

    def subject_antecedent(self, pronoun: Token, gender: str, lo: int | None = None
                           ) -> dict | None:
        """The nearest grammatical subject before the pronoun (within
        `PRONOUN_SUBJECT_WINDOW` characters) that is a name or a person's role, when it
        resolves to a person whose gender does not clash: « Marine Le Pen a répondu à Valérie
        Pécresse. « … », a-t-elle lancé » → Le Pen. A role that does not resolve stops the
        search (the caller then falls back to the nearest person). `lo` narrows the search
        (to the pronoun's own sentence)."""
        if lo is None:  # quoted words do not count in the distance (a long quote between)
            lo = pronoun.idx - PRONOUN_SUBJECT_WINDOW
            for a, b in sorted(self.quoted_before(pronoun.idx), reverse=True):
                if a < pronoun.idx and b > lo:
                    lo -= min(b, pronoun.idx) - max(a, lo)
        for t in reversed(self.doc[max(0, pronoun.i - BACKWARD_TOKENS) : pronoun.i]):
            if t.idx < lo:
                break
            if t.dep_.startswith("nsubj") and t.pos_ != "PRON" and not inside(
                    t.idx, self.quoted):  # whatever its tag (« Moody' » may be an X)
                body = self.covering(t)
                if body is not None and body["label"] == "ORG" and self.speaking_body(
                        body, pronoun):
                    return body  # « Fitch a abaissé la note. Elle estime que … »
            if t.pos_ not in ("PROPN", "NOUN") or inside(t.idx, self.quoted) or not (
                    t.dep_.startswith("nsubj") or self.opens_sentence(t) or inverted_subject(t)):
                continue
            covering = self.covering(t)
            role = t.lemma_.lower() in role_nouns() or t.lower_ in role_nouns()
            mention, how = (covering, "") if covering is not None else self.resolve(t)
            if mention is None or mention["label"] != "PER" or how == "name" and not role:
                if role:  # an unresolved person: do not look past them; an indefinite
                    return description(t) if mention is None else None  # one is described
                continue  # « la mesure », « le gouvernement »: not a person
            g, strong = self.gender(mention)
            return mention if not (g and strong and g != gender) else None
        return None

