"""Who a subject is: the `Resolver` maps a subject token (a name, a pronoun, a role noun, an
organisation noun) to a mention of the document, and `Attribution` is the result of a rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import (
    DEFINITE,
    DETERMINER_GENDER,
    INDEFINITE,
    NP_LINKS,
    PRONOUN_SUBJECT_WINDOW,
    TITLES,
    first_names,
    pronouns,
    role_nouns,
    verb_forms,
    word_set,
)
from .marks import paragraphs
from .phrases import _after_de, is_demonym, name_run, noun_phrase, role_names
from .text import char_token, doc_text, inside, sentence_of, sentence_start


@dataclass(frozen=True)
class Attribution:
    speaker: str = ""
    speaker_start: int = -1
    speaker_end: int = -1
    verb: str = ""
    rule: str = "none"
    subject_found: bool = False


class Resolver:
    """Maps a subject token to a canonical entity using the document's mention rows."""

    def __init__(self, doc: Doc, mentions: list[dict]):
        self.doc = doc
        self.mentions = sorted(mentions, key=lambda m: (m["start"], m["end"]))
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
        """The mention whose span holds the token, if any."""
        for m in self.mentions:
            if m["start"] <= token.idx < m["end"]:
                return m
        return None

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

    def pronoun(self, token: Token, gender: str) -> dict | None:
        """Nearest previous person of the pronoun's gender, then of unknown gender, then any;
        first a subject naming a person in the pronoun's own sentence, then the speaker of a
        quote in this or the previous sentence (`previous_quote_speaker`), then the nearest
        subject naming a person (`subject_antecedent`), then a subject of
        this or the previous sentence over a closer non-subject (« X a reçu Y. Il a dit… »
        → X)."""
        people = [m for m in self.mentions if m["label"] == "PER" and m["end"] <= token.idx]
        if not people:  # the tagger sometimes labels a person MISC (« Xi Jinping »)
            people = [m for m in self.mentions if m["label"] == "MISC" and m["end"] <= token.idx
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
        after = [m for m in self.mentions if m["label"] == "PER" and m["start"] > token.idx
                 and m["start"] - token.idx < 200 and self.gender(m)[0] in (gender, "")]
        return after[0] if after else None

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
        lo = pronoun.idx - PRONOUN_SUBJECT_WINDOW if lo is None else lo
        for t in reversed(self.doc[: pronoun.i]):
            if t.idx < lo:
                break
            if t.pos_ not in ("PROPN", "NOUN") or inside(t.idx, self.quoted) or not (
                    t.dep_.startswith("nsubj") or self.opens_sentence(t)):
                continue
            covering = self.covering(t)
            role = t.lemma_.lower() in role_nouns() or t.lower_ in role_nouns()
            mention, how = (covering, "") if covering is not None else self.resolve(t)
            if mention is None or mention["label"] != "PER" or how == "name":
                if role:
                    return None  # an unresolved person: do not look past them
                continue  # « la mesure », « le gouvernement »: not a person
            g, strong = self.gender(mention)
            return mention if not (g and strong and g != gender) else None
        return None

    def role(self, token: Token) -> dict | None:
        """« le ministre »: the last person introduced with this role (and the same
        complement); else the only person named so far whose gender does not clash with the
        role's determiner (« la présidente » skips Emmanuel Macron; with a complement, only a
        subject); else the other person of a two-person exchange (`exchange_partner`); else
        the only candidate named in the previous sentence (`sole_in_previous_sentence`). A
        role speaking for an organisation with a « de » complement (« le porte-parole du
        Kremlin ») is left to the organisation."""
        lemma = token.lemma_.lower()
        people = [m for m in self.mentions if m["label"] == "PER" and m["end"] <= token.idx]
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
        return self.exchange_partner(token, compatible) or self.sole_in_previous_sentence(
            token, compatible)

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

    def sentence_key(self, pos: int) -> int:
        """Start offset of the text sentence holding a character offset."""
        text = doc_text(self.doc)
        para = next((s for s, e in paragraphs(text) if s <= pos < e), 0)
        return sentence_start(text, para, pos)

    def previous_sentence_start(self, pos: int) -> int:
        """Start of the sentence before the one holding `pos` (across a paragraph break)."""
        text = doc_text(self.doc)
        own = self.sentence_key(pos)
        return self.sentence_key(max(0, own - 1 - (text[own - 1 : own] == "\n"))) if own else 0

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
        autrichien »: the only candidate named in the sentence before the role's; when that
        sentence names nobody, the speaker of its quote."""
        own = self.sentence_key(token.idx)
        if own == 0:
            return None
        previous = self.previous_sentence_start(token.idx)
        named = {m["entity"]: m for m in compatible.values() if previous <= m["start"] < own}
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

    def resolve(self, token: Token, stop: int | None = None) -> tuple[dict | None, str]:
        """(mention, how) for a subject token; how is "", "pronoun", "role" or "name".

        Order: relative « qui » → its antecedent; a pronoun → a person; a person mention
        covering the token or standing in its noun phrase (not as a « de » complement:
        « l'avocat de X » is not X); an appositive name the tagger missed; another mention
        covering the token; a role noun; then, unless the head is indefinite (« un policier
        de la PAF »), another mention in the phrase (« le porte-parole du Kremlin »)."""
        word = token.lower_.lstrip("-")
        if word == "qui" and token.i > 0:  # « Laurent Berger, qui a déclaré : … »
            antecedent = next((t for t in reversed(self.doc[max(0, token.i - 3) : token.i])
                               if t.pos_ in ("PROPN", "NOUN")), None)
            if antecedent is None:
                return None, ""
            token = antecedent
        if word in pronouns() and (token.pos_ == "PRON" or token.text.startswith("-")):
            gender, number = pronouns()[word]
            return (self.pronoun(token, gender), "pronoun") if number == "Sing" else (None, "")
        covering = self.covering(token)
        if covering is not None and covering["label"] == "PER":
            return covering, ""
        phrase = noun_phrase(token, stop)
        heads = [t for t in phrase if not self.complement(t)]
        person = self.in_tokens(heads, "PER")
        if person is not None:
            return person, ""
        appositive = next((t for k, t in enumerate(phrase[1:], 1) if phrase[k - 1].text == ","
                           and t.is_title and t.pos_ in ("PROPN", "NOUN")), None)
        if appositive is not None:  # « la présidente du groupe RN, Marine Le Pen »
            return name_run(appositive), "name"
        if covering is not None:
            return covering, ""
        role = token.lemma_.lower() if token.lemma_.lower() in role_nouns() else token.lower_
        indefinite = any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in token.children)
        if role in role_nouns() and not token.is_title and not indefinite:
            # « Bruno Le Maire » is a name; « un dirigeant » is nobody named before
            found = self.role(token)
            if found is not None:
                return found, "role"
            if not role_nouns()[role]:  # « le président du RN » is a person, not the RN
                return None, ""
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
            found = {m["entity"]: m for m in self.mentions if m["label"] == "PER" and
                     m["end"] <= token.idx and token.lower_ in self.window(m)[2]}
            return (next(iter(found.values())), "role") if len(found) == 1 else (None, "")
        if other is None and token.is_title and token.pos_ in ("PROPN", "NOUN", "ADJ", "NUM"):
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
        if self.in_tokens(phrase) is not None or not any(
                c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children):
            return None
        orgs = [m for m in self.mentions if m["label"] == "ORG" and m["end"] <= token.idx]
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

    def attribution(self, token: Token | None, verb: str, rule: str, stop: int | None = None
                    ) -> Attribution:
        """The attribution row for a subject token (resolved), a verb lemma and a rule."""
        if token is None:
            return Attribution(verb=verb, rule=rule)
        mention, how = self.resolve(token, stop)
        rule = f"{rule}+{how}" if how and mention is not None else rule
        if mention is None:
            return Attribution(verb=verb, rule=rule, subject_found=True)
        return Attribution(mention["entity"], mention["start"], mention["end"], verb, rule, True)
