"""The attribution rules for a quote in marks (inverted, incise, source cue, verb before, colon,
verb after, governing verb), applied most specific first by `attribute_marked`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .descriptions import can_speak
from .indirect import Indirect
from .lexicon import (
    AUXILIARY_FORMS,
    CLITICS,
    ORDINALS,
    SENTENCE_END,
    SKIP_AFTER_QUOTE,
    mark_roles,
    source_cues,
    word_set,
)
from .marks import Marked, paragraphs
from .phrases import name_run
from .speakers import Attribution, Resolver
from .text import doc_text, inside, sentence_end, sentence_start, tokens_between
from .verbs import inverted_clitic, reporting_lemma, starts_multiword, subject_of

if TYPE_CHECKING:  # annotations only: spaCy is imported when a model is loaded
    from spacy.tokens import Doc, Token


def inverted_after(res: Resolver, tokens: list[Token]) -> Attribution | None:
    """« …, a déclaré X », « …, déclare-t-il », « …, a estimé le ministre »."""
    for k, t in enumerate(tokens[:5]):
        lemma = reporting_lemma(t, loose=True)
        if not lemma and (t.pos_ in ("AUX", "ADV") or t.lower_ in CLITICS or
                          t.text.startswith("-") or t.lower_ in ("avait", "aurait", "a") or
                          starts_multiword(tokens[k : k + 3])):
            continue
        if not lemma:
            return None
        clitic = inverted_clitic(t)
        if clitic is not None:
            return res.attribution(clitic, lemma, "inverted")
        rest = skip_to_subject(tokens[k + 1 :])
        if rest and (rest[0].pos_ in ("DET", "PROPN", "NOUN", "ADJ") or rest[0].is_title):
            head = next((x for x in rest if x.pos_ in ("PROPN", "NOUN") or x.is_title), None)
            return res.attribution(head, lemma, "inverted")
        return Attribution(verb=lemma, rule="inverted")
    return None


PP_BEFORE_SUBJECT = {"à", "au", "aux", "sur", "dans", "devant", "lors", "en", "auprès", "de",
                     "pour"}


def skip_to_subject(tokens: list[Token]) -> list[Token]:
    """Tokens after an inverted verb with what may come before its subject dropped: adverbs,
    time words (« mercredi soir ») and a short prepositional phrase (« à l'AFP »)."""
    from ..sentiment import time_nouns

    k = 0
    while k < len(tokens):
        t = tokens[k]
        if (t.pos_ == "ADV" and not t.is_title) or t.lemma_.lower() in time_nouns():
            k += 1
        elif t.lower_ in PP_BEFORE_SUBJECT:
            end = next((j for j in range(k + 1, min(k + 6, len(tokens)))
                        if tokens[j].pos_ in ("PROPN", "NOUN")), None)
            if end is None:
                break
            while end + 1 < len(tokens) and tokens[end + 1].pos_ in ("PROPN", "ADJ") and not (
                    tokens[end + 1].is_title and (tokens[end].pos_ == "NOUN" or
                                                  tokens[end].text.isupper())):
                end += 1
            k = end + 1
        else:
            break
    return tokens[k:]


def source_cue(res: Resolver, tokens: list[Token], at_start: bool) -> Attribution | None:
    """« selon X », « d'après X », « pour X, … » (pour: only opening the sentence)."""
    for k, t in enumerate(tokens):
        word = t.lower_.lstrip(".")  # « ».Pour le collectif » glued to the full stop
        if word == "d'" and k + 1 < len(tokens) and tokens[k + 1].lower_ == "après":
            word, k = "d'après", k + 1
        if word not in source_cues() or word == "après":
            continue
        if word == "pour" and (not at_start or k > 1):
            continue
        rest = tokens[k + 1 :]
        head = next((x for x in rest[:6] if x.pos_ in ("PROPN", "NOUN", "PRON")
                     and x.lower_ not in ORDINALS), None)  # « la Première ministre »
        if head is None:
            continue
        if word == "pour" and not any(x.text == "," for x in rest[:8]):
            continue
        phrase = rest[: next((j for j, x in enumerate(rest) if x.text == ","), len(rest))]
        if word == "pour" and (rest[:1] and rest[0].pos_ in ("VERB", "AUX") or not any(
                speaks(res, x) for x in phrase if x.pos_ in ("PROPN", "NOUN", "PRON"))):
            continue  # « Pour construire ce code, », « pour la dernière période »: no source
        found = res.attribution(head, "", "source_cue")
        if not found.speaker and head.lemma_.lower() in word_set("document_nouns.csv"):
            return None  # « selon des propos rapportés par … »: a channel, not the source
        return found
    return None


def speaks(res: Resolver, head: Token) -> bool:
    """Whether a cue's head can be a source: a name, a pronoun, a mention, or a noun that can
    speak (a role, an organisation, a body: `descriptions.can_speak`) or a document."""
    return head.pos_ in ("PROPN", "PRON") or head.is_title or res.covering(head) is not None or (
        can_speak(head) or head.lemma_.lower() in word_set("document_nouns.csv"))


def verb_before(res: Resolver, tokens: list[Token], rule: str) -> Attribution | None:
    """The nearest reporting verb left of the quote, and its subject."""
    for k in range(len(tokens) - 1, -1, -1):
        t = tokens[k]
        lemma = reporting_lemma(t)
        if not lemma or bare_participle(t):
            continue
        agent = passive_agent(t)
        if agent is not None:  # « ces propos ont été jugés « … » par X »
            return res.attribution(agent, lemma, rule + "+passive")
        found = res.attribution(subject_of(t), lemma, rule, stop=t.i)
        if not found.speaker and k > 0 and tokens[k - 1].idx < t.idx:
            after = inverted_after(res, tokens[k:])  # « … », a dit X, « … »
            if after is not None and after.speaker:
                return replace(after, rule=rule)
        return found
    return None


def bare_participle(verb: Token) -> bool:
    """« Interrogée sur BFMTV, X a été catégorique : », « selon des propos rapportés par… »:
    a past participle with no auxiliary, opening a clause or right after a noun, describes
    someone or something; it is not the act of speaking."""
    doc = verb.doc
    if "Part" not in verb.morph.get("VerbForm") or verb.lower_.endswith("ant"):
        return False
    before = doc[verb.i - 1] if verb.i > 0 else None
    near = doc[max(0, verb.i - 4) : verb.i]
    has_aux = any(c.dep_.startswith("aux") for c in verb.children) or (
        before is not None and (before.pos_ == "AUX" or before.text.startswith("-"))) or any(
        (t.pos_ == "AUX" or t.lower_ in AUXILIARY_FORMS) and not any(
            x.is_punct for x in doc[t.i : verb.i]) for t in near)  # « a de son côté évoqué »
    return not has_aux and (before is None or before.is_punct or before.is_space or
                            before.is_sent_start or before.pos_ == "NOUN")


def passive_agent(verb: Token) -> Token | None:
    """The « par X » agent of a passive verb (« ont été jugés … par X »), in its sentence."""
    doc = verb.doc
    passive = "Pass" in verb.morph.get("Voice") or any(
        c.dep_ == "aux:pass" for c in verb.children) or (
        verb.i > 0 and doc[verb.i - 1].lemma_ == "être" and "Part" in verb.morph.get("VerbForm"))
    reflexive = any(t.lower_ in ("se", "s'") for t in doc[max(0, verb.i - 3) : verb.i])
    if not passive or reflexive:  # « s'est dit préoccupé par … » is not a passive
        return None
    for t in doc[verb.i + 1 : verb.i + 15]:
        if t.text in SENTENCE_END:
            return None
        if t.lower_ == "par" and t.i + 1 < len(doc):
            return next((x for x in doc[t.i + 1 : t.i + 5] if x.pos_ in ("PROPN", "NOUN")), None)
    return None


def verb_after(res: Resolver, tokens: list[Token]) -> Attribution | None:
    """« « … » : c'est ainsi que X a résumé », « c'est ce qu'a martelé X »: a reporting verb
    later in the quote's sentence, with its subject before or after it."""
    for k, t in enumerate(tokens):
        lemma = reporting_lemma(t)
        if not lemma:
            continue
        if k > 0 and tokens[k - 1].text == ",":  # « …, y compris X, commente Y, analyste »
            after = inverted_after(res, tokens[k:])
            if after is not None and after.speaker:
                return replace(after, rule="verb_after")
        found = res.attribution(subject_of(t), lemma, "verb_after", stop=t.i)
        if found.speaker:
            return found
        after = inverted_after(res, tokens[k:])
        if after is not None and after.speaker:
            return replace(after, rule="verb_after")
        return found
    return None


def governing_verb(res: Resolver, tokens: list[Token]) -> Attribution | None:
    """Partial quote: the nearest verb to its left; climb infinitives/participles without a
    subject to the verb that has one, and take that subject."""
    verb = next((t for t in reversed(tokens) if t.pos_ == "VERB"), None)
    seen, first = 0, None
    while verb is not None and seen < 4:
        subject = subject_of(verb)
        if subject is not None:
            found = res.attribution(subject, verb.lemma_.lower(), "governing_verb", stop=verb.i)
            if first is not None:  # climbed: only a named speaker, never a description
                named = found.speaker and not found.rule.endswith("+description")
                return found if named else first
            if found.speaker or verb.dep_ != "acl":
                return found
            # « les mesures prises par les banques pour « … » »: a participle modifying a
            # noun that names no speaker; the verb of the noun's clause may have one
            first, verb = found, verb.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            if verb.pos_ not in ("VERB", "AUX"):
                return first
            seen += 1
            continue
        if verb.head is verb:
            break
        verb, seen = verb.head, seen + 1
    return first


def colon_subject(res: Resolver, tokens: list[Token]) -> Attribution | None:
    """« X a été clair : « … » »: the subject of the sentence before the colon."""
    if not tokens or tokens[-1].text != ":":
        return None
    verb = next((t for t in reversed(tokens) if t.pos_ in ("VERB", "AUX")), None)
    found = None
    if verb is not None:
        found = res.attribution(subject_of(verb), "", "colon", stop=verb.i)
    if found is None or not found.speaker:
        # « Réaction immédiate de Jordan Bardella : », « Le message de X est clair : »
        person = res.in_tokens(tokens, "PER")
        rule = "colon"
        if person is None:  # a name the tagger missed (« Réaction de Marine Tondelier : »)
            name = next((t for t in tokens if t.pos_ == "PROPN" and t.is_title and
                         not t.is_sent_start and not _is_cue_start(t)), None)
            person, rule = (name_run(name), "colon+name") if name is not None else (None, "")
        if person is not None:
            found = Attribution(person["entity"], person["start"], person["end"], "", rule,
                                True)
    return found


def _is_cue_start(token: Token) -> bool:
    """Whether the token opens its sentence after punctuation or a line break only."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is None or before.is_space or before.text in SENTENCE_END


def first_found(*candidates) -> Attribution:
    """The first rule (called lazily, in order) that names a speaker or a verb, or a source
    cue that found its source even unnamed (« selon une source proche du dossier, le
    suspect « … » » is not the suspect's)."""
    for make in candidates:
        found = make()
        if found is not None and (found.speaker or found.verb or (
                found.rule.startswith("source_cue") and found.subject_found)):
            return found
    return Attribution()

def colon_paragraph_before(doc: Doc, quote: Marked) -> list[Token]:
    """« Il a déclaré :¶« … » »: when the previous paragraph ends with a colon, its last
    sentence is the quote's left context."""
    text = doc_text(doc)
    before = [p for p in paragraphs(text) if p[1] <= quote.para_start]
    if not before or not text[before[-1][0] : before[-1][1]].rstrip().endswith(":"):
        return []
    start, end = before[-1]
    return tokens_between(doc, sentence_start(text, start, end - 1), end)


def attribute_marked(doc: Doc, res: Resolver, quote: Marked, kind: str,
                     indirect: list[Indirect]) -> Attribution:
    """Apply the attribution rules to one quoted span, most specific first."""
    text = doc_text(doc)
    s_start = sentence_start(text, quote.para_start, quote.opener)
    left = tokens_between(doc, s_start, quote.opener) or colon_paragraph_before(doc, quote)
    semicolons = [k for k, x in enumerate(left) if x.text == ";" and not inside(
        x.idx, res.quoted)]
    if semicolons:  # « D'après X, « … » ; Y a ajouté : « … » »: a clause of its own
        left = left[semicolons[-1] + 1 :]
    after_start = min(quote.closer + 1, quote.para_end)
    right = tokens_between(doc, after_start, sentence_end(text, after_start, quote.para_end))
    right_trimmed = _drop_leading(right)
    holders = [i for i in indirect if i.start <= quote.start < i.end]
    holder = max(holders, key=lambda i: i.start) if holders else None  # the innermost
    if kind == "direct":
        inner = tokens_between(doc, quote.start, quote.end)
        return first_found(
            lambda: inverted_after(res, right_trimmed),
            lambda: incise(res, inner),
            lambda: source_cue(res, left, True),
            lambda: source_cue(res, right_trimmed, False),
            lambda: verb_before(res, left, "verb_before"),
            lambda: colon_subject(res, left),
            lambda: verb_after(res, right_trimmed),
            lambda: _inverted_in_clause(res, right),
        )
    return first_found(
        lambda: holder.attribution if holder else None,
        lambda: _inverted_in_clause(res, right),
        lambda: source_cue(res, left, True),
        lambda: source_cue(res, right_trimmed, False),
        lambda: verb_before(res, left, "verb_before"),
        lambda: governing_verb(res, left),
    )


def incise(res: Resolver, tokens: list[Token]) -> Attribution | None:
    """« La Russie, a déclaré X, ne gagnera pas »: an inverted attribution between commas
    inside the quote."""
    for k, t in enumerate(tokens[:-1]):
        if t.text != ",":
            continue
        closing = next((j for j in range(k + 1, min(k + 9, len(tokens))) if tokens[j].text ==
                        ","), None)
        if closing is None or not any(
                reporting_lemma(x) or x.i + 1 < len(x.doc) and x.doc[x.i + 1].text[:2] in (
                    "-t", "-i", "-e") for x in tokens[k + 1 : closing]):
            continue  # « vous êtes indigne de … »: no reporting verb, no glued pronoun
        found = inverted_after(res, tokens[k + 1 : closing])
        if found is not None:
            return replace(found, rule="incise")
    return None


def _drop_leading(tokens: list[Token]) -> list[Token]:
    """Tokens after a closing mark without the leading comma, dash or marks."""
    k = 0
    while k < len(tokens) and (tokens[k].text in SKIP_AFTER_QUOTE or tokens[k].text in
                               mark_roles()):
        k += 1
    return tokens[k:]


def _inverted_in_clause(res: Resolver, tokens: list[Token]) -> Attribution | None:
    """Partial quote: « …, a dénoncé X » later in the same sentence (after a comma)."""
    for k, t in enumerate(tokens):
        if t.text in SKIP_AFTER_QUOTE and t.text != ")":
            found = inverted_after(res, _drop_leading(tokens[k:]))
            if found is not None:
                return found
    return None
