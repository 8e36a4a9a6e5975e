"""Who a subject is: the `Resolver` maps a subject token (a name, a pronoun, a role noun, an
organisation noun) to a mention of the document, and `Attribution` is the result of a rule.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .descriptions import description, group_noun, possessed
from .lexicon import (
    BACKWARD_TOKENS,
    DEFINITE,
    DETERMINER_GENDER,
    INDEFINITE,
    MENTION_WINDOW,
    NP_LINKS,
    POSSESSIVES,
    TITLES,
    first_names,
    pronouns,
    role_nouns,
    word_set,
)
from .marks import paragraph_starts, paragraphs
from .phrases import (
    _after_de,
    capital_role,
    is_demonym,
    name_run,
    noun_phrase,
    relative_antecedent,
    role_key,
)
from .pronouns import PronounResolver
from .roles import RoleResolver
from .text import char_token, doc_text, inside, sentence_start

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class Attribution:
    speaker: str = ""
    speaker_start: int = -1
    speaker_end: int = -1
    verb: str = ""
    rule: str = "none"
    subject_found: bool = False


def plural_noun(token: Token) -> bool:
    """A plural noun or name: by its morphology or its determiner (« les Talibans », which the
    tagger may call singular)."""
    return "Plur" in token.morph.get("Number") or any(
        c.dep_ == "det" and c.lower_ in ("les", "des", "ces", "leurs", "nos", "vos")
        for c in token.children)


CATAPHORA_CHARS = 300
"""How far after a role a person named later may be the one it announces (« Le ministre a
déclaré … Arnaud Montebourg reconnaît … »)."""


class Resolver(PronounResolver, RoleResolver):
    """Maps a subject token to a canonical entity using the document's mention rows."""

    def __init__(self, doc: Doc, mentions: list[dict]):
        self.doc = doc
        self.mentions = sorted(mentions, key=lambda m: (m["start"], m["end"]))
        self._starts = [m["start"] for m in self.mentions]
        self._longest = max((m["end"] - m["start"] for m in self.mentions), default=0)
        self._genders: dict[tuple[int, int], tuple[str, bool]] = {}
        self._windows: dict[tuple[int, int], tuple[list[Token], frozenset[str],
                                                    frozenset[str]]] = {}
        self.previous_speaker = ""
        """Speaker of the quote attributed just before (set by `doc_quotes`)."""
        self.previous_start = -1
        """Start of that quote."""
        self.previous_mention: dict | None = None
        """The mention that resolved that speaker."""
        self.quoted: list[tuple[int, int]] = []
        """Character ranges of the quotes with their marks (set by `doc_quotes`): a subject
        inside a quote is no antecedent for the reporter's pronoun."""

    def covering(self, token: Token) -> dict | None:
        """The mention whose span holds the token, if any (the first in text order; a
        bisection over the mentions that start close enough to hold it)."""
        lo = bisect.bisect_left(self._starts, token.idx - self._longest)
        hi = bisect.bisect_right(self._starts, token.idx)
        for m in self.mentions[lo:hi]:
            if token.idx < m["end"]:
                return m
        return None

    def before(self, pos: int) -> list[dict]:
        """Mentions ending by `pos` and starting within `MENTION_WINDOW` characters before it,
        in text order: every backward search for a person or an organisation looks this far
        and no further, so that its cost does not grow with the paragraph (longer than any
        news article, so a whole article stays in view)."""
        lo = bisect.bisect_left(self._starts, pos - MENTION_WINDOW)
        hi = bisect.bisect_left(self._starts, pos)
        return [m for m in self.mentions[lo:hi] if m["end"] <= pos]

    def between(self, start: int, end: int) -> list[dict]:
        """Mentions starting in [start, end), in text order."""
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        return self.mentions[lo:hi]

    def in_tokens(self, tokens: list[Token], label: str | None = None) -> dict | None:
        """The first mention (of `label`, if given) starting inside these tokens."""
        for token in tokens:
            m = self.covering(token)
            if m is not None and (label is None or m["label"] == label):
                return m
        return None

    def gender(self, mention: dict) -> tuple[str, bool]:
        """(gender, strong) of a mention, memoised (see `mention_gender`)."""
        key = (mention["start"], mention["end"])
        if key not in self._genders:
            self._genders[key] = self.mention_gender(mention)
        return self._genders[key]

    def mention_gender(self, mention: dict) -> tuple[str, bool]:
        """(gender, strong): strong from a title (M., Mme), a determiner + role noun before the
        name (« la ministre X ») or a known first name; weak from the token's morphology."""
        first = char_token(self.doc, mention["start"])
        if first is None:
            return "", False
        before = self.doc[max(0, first.i - 2) : first.i]
        if before and before[-1].lower_ in TITLES:
            return TITLES[before[-1].lower_], True
        if len(before) == 2 and before[0].lower_ in DETERMINER_GENDER and (
                before[1].lemma_.lower() in role_nouns() or before[1].lower_ in role_nouns()):
            return DETERMINER_GENDER[before[0].lower_], True
        for name in (mention.get("text") or first.text, mention.get("entity") or ""):
            word = name.split()[0] if name.split() else ""
            if word in first_names():  # the canonical name carries the first name
                return first_names()[word], True
        genders = first.morph.get("Gender")
        return (genders[0], False) if genders else ("", False)

    def is_subject(self, mention: dict) -> bool:
        """Whether the mention (or the noun it stands in apposition to) is a subject."""
        span = self.doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
        return span is not None and any(
            t.dep_.startswith("nsubj") or t.head.dep_.startswith("nsubj") and t.head.i < t.i
            for t in span)

    def sentence_key(self, pos: int) -> int:
        """Start offset of the text sentence holding a character offset."""
        text = doc_text(self.doc)
        paras = paragraphs(text)
        k = bisect.bisect_right(paragraph_starts(text), pos) - 1
        para = paras[k][0] if k >= 0 and pos < paras[k][1] else 0
        return sentence_start(text, para, pos)

    def previous_sentence_start(self, pos: int) -> int:
        """Start of the sentence before the one holding `pos` (across a paragraph break)."""
        text = doc_text(self.doc)
        own = self.sentence_key(pos)
        return self.sentence_key(max(0, own - 1 - (text[own - 1 : own] == "\n"))) if own else 0


    def complement_organisation(self, token: Token) -> dict | None:
        """« la porte-parole de la fédération »: a role speaking for an organisation whose
        « de » complement is an organisation noun stands for the organisation named before
        (see `organisation`)."""
        doc = self.doc
        k = token.i + 1
        if k >= len(doc) or doc[k].lower_ not in NP_LINKS:
            return None
        head = next((t for t in doc[k + 1 : k + 4] if t.pos_ in ("NOUN", "PROPN")), None)
        if head is None:
            return None
        return self.organisation(head, noun_phrase(head))

    def group_antecedent(self, pronoun: Token) -> dict | None:
        """« D'autres orateurs ne cèdent pas. Il est, disent-ils, … »: a plural pronoun stands
        for the nearest plural subject before it (this or the previous sentence): the group
        or organisation it names (« Les Talibans … selon eux »), else its description when it
        describes speakers (« les rebelles »)."""
        lo = self.previous_sentence_start(pronoun.idx)
        for t in reversed(self.doc[max(0, pronoun.i - BACKWARD_TOKENS) : pronoun.i]):
            if t.idx < lo:
                return None
            if not t.dep_.startswith("nsubj") or t.pos_ not in ("NOUN", "PROPN") or inside(
                    t.idx, self.quoted) or not plural_noun(t):
                continue
            covering = self.covering(t)
            if covering is not None and covering["label"] in ("ORG", "MISC"):
                return covering  # « Les Talibans ont visé l'hôtel car selon eux, … »
            return description(t) if t.pos_ == "NOUN" or group_noun(t) else None
        return None

    def apposed(self, token: Token) -> dict | None:
        """« X, député touareg, a précisé », « X le directeur sportif de l'équipe, a
        affirmé »: the person named right before a common noun's phrase (a comma between or
        not) is the one the noun describes."""
        doc = self.doc
        i = token.i
        while i > 0 and doc[i - 1].pos_ in ("DET", "ADJ") and not doc[i - 1].is_punct and (
                token.i - i < 3):
            i -= 1
        if i > 0 and doc[i - 1].text == ",":
            i -= 1
        if i == 0:
            return None
        last = doc[i - 1]
        m = self.covering(last)
        if m is None and last.pos_ == "PROPN" and last.is_title:
            return name_run(last)  # a name the tagger missed or cut (« Nock Ag » Attia)
        if m is None or m["label"] != "PER" or m["end"] != last.idx + len(last):
            return None
        return m

    def resolve(self, token: Token, stop: int | None = None) -> tuple[dict | None, str]:
        """(mention, how) for a subject token; how is "", "pronoun", "role" or "name".

        Order: relative « qui » → its antecedent; a pronoun → a person; a person mention
        covering the token, or named right before a common noun in apposition, or standing in
        its noun phrase (not as a « de » complement:
        « l'avocat de X » is not X); an appositive name the tagger missed; another mention
        covering the token; a role noun; then, unless the head is indefinite (« un policier
        de la PAF »), another mention in the phrase (« le porte-parole du Kremlin »)."""
        word = token.lower_.lstrip("-")
        if word == "qui" and token.i > 0:  # « Laurent Berger, qui a déclaré : … »
            antecedent = relative_antecedent(token)
            if antecedent is None:
                return None, ""
            token = antecedent
        if word in pronouns() and (token.pos_ == "PRON" or token.text.startswith("-")):
            gender, number = pronouns()[word]
            if number != "Sing":  # « Ils estiment que … » after « des analystes »
                return self.group_antecedent(token), "pronoun"
            return self.pronoun(token, gender), "pronoun"
        covering = self.covering(token)
        if covering is not None and covering["label"] == "PER":
            return covering, ""
        apposed = self.apposed(token) if token.pos_ == "NOUN" and covering is None else None
        if apposed is not None:  # « Nock Ag Attia, député touareg, a précisé »
            return apposed, ""
        phrase = noun_phrase(token, stop)
        heads = [t for t in phrase if not self.complement(t)]
        person = self.in_tokens(heads, "PER")
        if person is not None:
            return person, ""
        appositive = next((t for k, t in enumerate(phrase[1:], 1) if phrase[k - 1].text == ","
                           and t.is_title and t.pos_ in ("PROPN", "NOUN")), None)
        if appositive is not None:  # « la présidente du groupe RN, Marine Le Pen »
            return name_run(appositive), "name"
        named = next((t for t in heads if t.i > token.i + 1 and t.pos_ == "PROPN" and t.is_title
                      and self.covering(t) is None), None) if role_key(token) else None
        if named is not None:  # « le ministre de la Justice Alberto Ruiz-Gallardón »
            return name_run(named, left=False), "name"
        if covering is not None:
            return covering, ""
        role = role_key(token)
        indefinite = any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in token.children)
        if role and not indefinite and not possessed(token) and (
                not token.is_title or capital_role(token, covering)):
            # « Bruno Le Maire » is a name; « un dirigeant » is nobody named before
            found = self.role(token)
            if found is not None:
                return found, "role"
            if not role_nouns()[role]:  # « le président du RN » is a person, not the RN
                return None, ""
            org = self.complement_organisation(token)
            if org is not None:  # « la porte-parole de la fédération » → the federation
                return org, "org"
        lemma = token.lemma_.lower()
        document = lemma in word_set("document_nouns.csv") or token.lower_ in word_set(
            "document_nouns.csv")
        if indefinite:
            # « un policier de la PAF » stays unknown; « un sondage Ifop » is Ifop's,
            # « un communiqué de Matignon » Matignon's
            return self.in_tokens([t for t in (phrase if document else heads)
                                   if t.i != token.i]), ""
        org = self.organisation(token, phrase)
        if org is not None:
            return org, "org"
        # a place in a « de » complement is a jurisdiction, not a speaker (« le parquet de
        # Marseille »), unless the head is a document (« le communiqué de l'Élysée »)
        other = self.in_tokens([t for t in phrase if t in heads or self.covering(t) is None
                                or self.covering(t)["label"] not in ("PER", "LOC")
                                or document and self.covering(t)["label"] == "LOC"])

        if other is None and token.is_title and is_demonym(token.text):
            # « a écrit le Français »: a nationality names the person introduced with it
            found = {m["entity"]: m for m in self.before(token.idx) if m["label"] == "PER"
                     and token.lower_ in self.window(m)[2]}
            return (next(iter(found.values())), "role") if len(found) == 1 else (None, "")
        if other is None and token.is_title and token.pos_ in ("PROPN", "NOUN", "ADJ", "NUM"):
            if group_noun(token):
                return None, ""  # « Les Wikipédiens russophones »: a group, described
            return name_run(token), "name"
        return other, ""

    def organisation(self, token: Token, phrase: list[Token]) -> dict | None:
        """« affirme l'ONG », « le constructeur a annoncé »: a definite organisation noun
        (`org_nouns.csv`) with no name in its phrase → the organisation named before it (of
        several, the nearest that was a grammatical subject)."""
        lemma = token.lemma_.lower()
        if lemma not in word_set("org_nouns.csv") and token.lower_ not in word_set(
                "org_nouns.csv"):
            return None
        named = [t for t in phrase if self.covering(t) is not None
                 and self.covering(t)["label"] != "LOC"]  # « … de la France »: a place
        if named or not any(
                c.dep_ == "det" and c.lower_ in DEFINITE | POSSESSIVES for c in token.children):
            return None
        orgs = [m for m in self.before(token.idx) if m["label"] == "ORG"]
        if len({m["entity"] for m in orgs}) <= 1:
            return orgs[-1] if orgs else None
        # several organisations: the nearest one that was a subject (« Le PSG s'est imposé
        # face à Monaco. Le club… » → PSG), else none
        return next((m for m in reversed(orgs) if self.is_subject(m)), None)

    def complement(self, token: Token) -> bool:
        """Whether the token, or the mention it belongs to, follows « de / du / des / d' »."""
        m = self.covering(token)
        first = char_token(self.doc, m["start"]) if m is not None else token
        return first is not None and _after_de(first)

    def nobody_named(self, token: Token) -> bool:
        """Whether no person is named (outside quotes) before the token nor in the
        `CATAPHORA_CHARS` after it: a definite role can then point back at nobody."""
        return not any(m["label"] == "PER" and not inside(m["start"], self.quoted) for m in (
            self.before(token.idx) + self.between(token.idx, token.idx + CATAPHORA_CHARS)))

    def attribution(self, token: Token | None, verb: str, rule: str, stop: int | None = None
                    ) -> Attribution:
        """The attribution row for a subject token (resolved), a verb lemma and a rule."""
        if token is None:
            return Attribution(verb=verb, rule=rule)
        mention, how = self.resolve(token, stop)
        if mention is None and (token.pos_ in ("NOUN", "PROPN") or token.lower_ == "qui"):
            head = relative_antecedent(token) if token.lower_ == "qui" else token
            mention = description(head, stop, self.nobody_named(head)) if (
                head is not None) else None
            how = "description" if mention is not None else how
        rule = f"{rule}+{how}" if how and mention is not None else rule
        if mention is None:
            return Attribution(verb=verb, rule=rule, subject_found=True)
        return Attribution(mention["entity"], mention["start"], mention["end"], verb, rule, True)
