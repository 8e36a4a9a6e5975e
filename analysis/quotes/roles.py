"""Role nouns: which person « le ministre », « la présidente du groupe » stands for (a mixin
of `Resolver`): the last person introduced with that role, a person described with the same
adjective, the only compatible person, the other of an exchange, the only one of the previous
sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import DETERMINER_GENDER, NP_LINKS, role_nouns, verb_forms, word_set
from .phrases import role_key, role_names

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Token


class RoleResolver:
    """Role resolution; expects the attributes and helpers of `speakers.Resolver`."""

    def role(self, token: Token) -> dict | None:
        """« le ministre »: the last person introduced with this role (and the same
        complement); else the only person named so far whose gender does not clash with the
        role's determiner (« la présidente » skips Emmanuel Macron; with a complement, only a
        subject); else the other person of a two-person exchange (`exchange_partner`); else
        the only candidate named in the previous sentence (`sole_in_previous_sentence`). A
        role speaking for an organisation with a « de » complement (« le porte-parole du
        Kremlin ») is left to the organisation."""
        lemma = role_key(token) or token.lemma_.lower()
        people = [m for m in self.before(token.idx) if m["label"] == "PER"]
        names = role_names(token)
        for m in reversed(people):
            window, lemmas, words = self.window(m)
            if lemma in lemmas and any(t.lemma_.lower() == lemma and names <= role_names(t) |
                                       words for t in window if t.i != token.i):
                return m
        described = self.described(token, people)
        if described is not None:
            return described
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        specific = following is not None and following.lower_ in NP_LINKS or any(
            c.dep_.startswith("nmod") for c in token.rights)
        if specific and role_nouns().get(lemma, role_nouns().get(token.lower_)):
            return None  # « le porte-parole du gouvernement »: someone speaking for the org
        gender = self.role_gender(token)
        compatible = {}
        for m in reversed(people):
            g, strong = self.gender(m)
            if not (gender and g and strong and g != gender):
                compatible.setdefault(m["entity"], m)
        if len(compatible) == 1:
            found = next(iter(compatible.values()))
            # « le ministre de l'Intérieur » only for the person the text is about (a subject)
            return found if not specific or self.is_subject(found) else None
        return (self.exchange_partner(token, compatible) or self.speaker_of_sentence(
            token, compatible) or self.sole_in_previous_sentence(token, compatible))

    def speaker_of_sentence(self, token: Token, compatible: dict[str, dict]) -> dict | None:
        """« Pour X, « … » : « … », dénonce le président »: a role after a quote whose
        sentence already gave its speaker names that speaker (no reply verb: the same voice)."""
        if self.previous_speaker not in compatible or self.previous_start < 0:
            return None
        if self.sentence_key(self.previous_start) != self.sentence_key(token.idx):
            return None
        return compatible[self.previous_speaker]

    def window(self, mention: dict) -> tuple[list[Token], frozenset[str], frozenset[str]]:
        """Tokens around a mention (4 before, 3 after) with their lemmas and lower-cased
        words, memoised: where a person's role or description is introduced."""
        key = (mention["start"], mention["end"])
        if key not in self._windows:
            span = self.doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
            tokens = [] if span is None else list(
                self.doc[max(0, span.start - 4) : min(len(self.doc), span.end + 3)])
            self._windows[key] = (tokens, frozenset(t.lemma_.lower() for t in tokens),
                                  frozenset(t.lower_ for t in tokens))
        return self._windows[key]

    def described(self, token: Token, people: list[dict]) -> dict | None:
        """« le dirigeant ukrainien » after « le président ukrainien Volodymyr Zelensky » and
        « son homologue américain Donald Trump »: the only person introduced with the same
        adjective as the role's (nationality, party…)."""
        adjectives = {t.lower_ for t in self.doc[token.i + 1 : token.i + 3]
                      if t.pos_ == "ADJ" and t.is_lower}
        if not adjectives:
            return None
        found = {m["entity"]: m for m in people if adjectives & self.window(m)[2]}
        return next(iter(found.values())) if len(found) == 1 else None


    def exchange_partner(self, token: Token, compatible: dict[str, dict]) -> dict | None:
        """« X a interpellé Y. « A », a lancé X. « B », a rétorqué le président du RN »: of
        exactly two candidates named in one sentence, a role after a reply verb
        (`reply_verbs.csv`) right after one of them spoke names the other."""
        if len(compatible) != 2 or self.previous_speaker not in compatible:
            return None
        before = self.doc[max(0, token.i - 4) : token.i]
        if not any(verb_forms().get(t.lower_, t.lemma_.lower()) in word_set("reply_verbs.csv")
                   for t in before):
            return None
        a, b = compatible.values()
        if self.sentence_key(a["start"]) != self.sentence_key(b["start"]):
            return None
        return b if a["entity"] == self.previous_speaker else a

    def sole_in_previous_sentence(self, token: Token, compatible: dict[str, dict]
                                  ) -> dict | None:
        """« Adi Hütter ne cachait pas sa déception. « … », a regretté l'entraîneur
        autrichien »: the only candidate named earlier in the role's own sentence, else the
        only one named in the sentence before; when that sentence names nobody, the speaker of
        its quote."""
        own = self.sentence_key(token.idx)
        here = {m["entity"]: m for m in self.between(own, token.idx)
                if m["entity"] in compatible}
        if len(here) == 1:  # « Pour X, « … », dénonce le président »: named in its sentence
            return next(iter(here.values()))
        if own == 0:
            return None
        previous = self.previous_sentence_start(token.idx)
        named = {m["entity"]: m for m in self.between(previous, own)
                 if m["entity"] in compatible}
        if not named and self.previous_speaker in compatible and (
                previous <= self.previous_start < own):
            # « L'ancien Premier ministre a estimé que … « … ». « … », a confié le maire du
            # Havre »: the previous sentence named nobody but its quote had a speaker
            return compatible[self.previous_speaker]
        if len(named) != 1:
            return None
        return next(iter(named.values()))

    def role_gender(self, token: Token) -> str:
        """« la présidente » → Fem, « le ministre » → Masc, from the determiner before it."""
        det = next((c for c in token.children if c.dep_ == "det"), None)
        if det is None and token.i > 0:
            det = token.doc[token.i - 1]
        return DETERMINER_GENDER.get(det.lower_, "") if det is not None else ""

