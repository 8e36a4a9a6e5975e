"""Quoted language in French news: every quote, who said it, and how charged it is.

`extract_quotes(corpus)` returns one row per quote (columns in `COLUMNS`):

- `doc_id`, `start`, `end`: the quoted words (marks excluded) as offsets into the corpus `text`;
- `text`: those words;
- `kind`: `direct` (a sentence or clause in marks: it opens its paragraph or sentence or
  follows a colon, or starts with a capital after a comma, a dash or a reporting verb),
  `partial` (a fragment in
  marks inside the reporter's sentence, one word included), `indirect` (the clause after a
  reporting verb + « que », to the end of the sentence, final punctuation excluded);
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
  naming a compatible person, else the nearest compatible person), `+role` (« le ministre »
  → the last person introduced with that role, else the only gender-compatible person named
  so far — for a role with a complement, only if that person is a subject — else, after a
  reply verb, the other of two people named together, else the only candidate of the
  previous sentence; see data/quotes/README.md), `+org` (« l'ONG », « le constructeur » → the
  organisation named before; of several, the nearest subject one), `+name` (a capitalised
  name the entity tagger missed),
  `+passive` (« jugés … par X »), `+previous` (« Et d'ajouter : » takes the previous quote's
  speaker). A place in a « de » complement is not a speaker (« la gendarmerie de Lyon »)
  unless the head is a document (« un communiqué de Matignon »); the medium after « à » is
  never one (« a indiqué une source policière à l'AFP »);
- `sentiment`, `sentiment_terms`: the score of the quote's tokens (see `analysis.sentiment`);
- `mentions`: canonical entities named inside the quote, "; "-joined, in order.

Marks, reporting verbs, source cues, title cues, pronouns and role nouns are data files under
`data/quotes/` (see its README). Rows are sorted by doc_id, start, end.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace

import pandas as pd
from spacy.tokens import Doc, Token

from .labels import snippet
from .paths import read_csv_rows
from .sentiment import span_sentiment

COLUMNS = [
    "doc_id", "start", "end", "text", "kind", "speaker", "speaker_start", "speaker_end",
    "verb", "rule", "sentiment", "sentiment_terms", "mentions",
]
CHARGED_COLUMNS = ["doc_id", "start", "end", "speaker", "kind", "term", "value", "quote"]
"""Columns of `charged_terms`: one row per charged term of a quote — the quote's doc_id,
start, end, speaker and kind, the lexicon term, its signed value in context (after negation and
intensifiers) and a short snippet of the quote."""
SPEAKER_COLUMNS = ["speaker", "quotes", "mean_sentiment", "min_sentiment", "charged_terms"]
"""Columns of `quote_sentiment_by_speaker`: speaker ("" = unknown), number of quotes, mean and
minimum sentiment, and the most charged terms of that speaker's quotes ("term:value; …")."""

SENTENCE_END = {".", "!", "?", "…"}
CLITICS = {"se", "s'", "l'", "le", "la", "les", "lui", "leur", "y", "en", "ne", "n'", "me",
           "m'", "nous", "vous", "t'", "te", "-t"}
SKIP_AFTER_QUOTE = {",", "-", "–", "—", ")"}
NP_LINKS = {"de", "du", "des", "d'"}
TITLES = {"m.": "Masc", "monsieur": "Masc", "mme": "Fem", "madame": "Fem", "mlle": "Fem"}
DETERMINER_GENDER = {"le": "Masc", "la": "Fem", "un": "Masc", "une": "Fem", "ce": "Masc",
                     "cette": "Fem"}
DEMONSTRATIVES = {"c'", "ce", "cela", "ça", "ceci"}
ORDINALS = {"premier", "première", "second", "seconde", "ancien", "ancienne", "ex"}
AUXILIARY_FORMS = {"a", "ont", "avait", "avaient", "aura", "est", "sont", "était"}
POSSESSIVES = {"son", "sa", "ses", "leur", "leurs"}
DEFINITE = {"le", "la", "l'", "les", "ce", "cette", "cet"}
INDEFINITE = {"un", "une", "des", "plusieurs", "certains", "certaines", "quelques"}
PRONOUN_SUBJECT_WINDOW = 300
"""Characters before a pronoun in which a subject mention beats a closer non-subject."""
MAX_GAP_TO_QUE = 10
"""Tokens allowed between a reporting verb and the « que » that opens indirect speech."""


# ---------------------------------------------------------------- rules as data


_rows = functools.partial(read_csv_rows, "quotes")  # rows of a CSV under data/quotes/


@functools.cache
def mark_roles() -> dict[str, str]:
    """Quotation mark → open / close / either."""
    return {row["mark"]: row["role"] for row in _rows("quote_marks.csv")}


@functools.cache
def reporting_verbs() -> dict[str, bool]:
    """Reporting verb lemma → whether it introduces indirect speech with « que »."""
    return {row["lemma"]: row["introduces_que"] == "yes" for row in _rows("reporting_verbs.csv")}


REGULAR_ENDINGS = {
    "er": ("e", "es", "ent", "é", "ée", "és", "ées", "ait", "aient", "ant", "a", "era", "erait"),
    "ir": ("i", "ie", "is", "it", "issent", "issait", "issant"),
}
"""Endings generated for regular reporting verbs (« déclare », « déclaré », « avertit »), since
the small model often leaves such forms un-lemmatised or mis-tagged."""


@functools.cache
def verb_forms() -> dict[str, str]:
    """Inflected form (or multi-word form) → reporting verb lemma: generated regular forms,
    then the irregular ones of `reporting_verb_forms.csv`."""
    forms: dict[str, str] = {}
    for lemma in reporting_verbs():
        forms[lemma] = lemma
        if " " not in lemma and lemma[-2:] in REGULAR_ENDINGS:
            for ending in REGULAR_ENDINGS[lemma[-2:]]:
                forms.setdefault(lemma[:-2] + ending, lemma)
    for row in _rows("reporting_verb_forms.csv"):
        forms[row["form"]] = row["lemma"]
    return forms


@functools.cache
def multiword_last_words() -> frozenset[str]:
    """Last words of the multi-word reporting forms (« savoir » of « fait savoir »): a token
    that is none of them cannot end one, which spares building its two- and three-word keys."""
    return frozenset(form.rsplit(" ", 1)[1] for form in verb_forms() if " " in form)


@functools.cache
def not_reporting() -> frozenset[tuple[str, str]]:
    """(lemma before, verb lemma) pairs that are not reporting: « il faut dire que »; a verb
    lemma `*` stands for every reporting verb (« faut-il croire que »)."""
    return frozenset((row["before"], row["lemma"]) for row in _rows("not_reporting.csv"))


@functools.cache
def clause_links() -> frozenset[str]:
    """Words after which « que » opens another clause (« tandis que », « alors que »)."""
    return frozenset(row["word"] for row in _rows("clause_links.csv"))


@functools.cache
def first_names() -> dict[str, str]:
    """Common first names of people in the news → Masc / Fem (ambiguous names left out)."""
    return {row["name"]: row["gender"] for row in _rows("first_names.csv")}


@functools.cache
def title_cues() -> dict[str, bool]:
    """Words that, just before a quoted phrase, make it a title or name, not a quote →
    whether the phrase must also start with a capital (« le plan « France 2030 » » is a name,
    « un plan « irresponsable » » is a quote)."""
    return {row["cue"].lower(): row["needs_capital"] == "yes" for row in _rows("title_cues.csv")}


@functools.cache
def source_cues() -> frozenset[str]:
    """« selon », « d'après », « pour »…: prepositions naming the source of a statement."""
    return frozenset(row["cue"].lower() for row in _rows("source_cues.csv"))


@functools.cache
def pronouns() -> dict[str, tuple[str, str]]:
    """Subject pronoun → (gender, number)."""
    return {row["form"]: (row["gender"], row["number"]) for row in _rows("pronouns.csv")}


@functools.cache
def role_nouns() -> dict[str, bool]:
    """Titles and roles naming one person (« président », « ministre », « porte-parole ») →
    whether, unresolved, the organisation in its complement may stand as the speaker
    (« le porte-parole du Kremlin » → Kremlin, but « le président du RN » is not the RN)."""
    return {row["lemma"].lower(): row.get("speaks_for_org", "") == "yes"
            for row in _rows("role_nouns.csv")}


@functools.cache
def word_set(name: str, column: str = "lemma") -> frozenset[str]:
    """One column of a word-list file under `data/quotes/`, lower-cased: `org_nouns.csv`
    (« l'ONG » → the last organisation), `document_nouns.csv` (« un communiqué de X » → X),
    `name_heads.csv` (« la « loi travail » » names a thing)."""
    return frozenset(row[column].lower() for row in _rows(name))


# ---------------------------------------------------------------- finding quotes in marks


@dataclass(frozen=True)
class Marked:
    """A span between quotation marks (`start`/`end` exclude marks and outer spaces)."""

    start: int
    end: int
    opener: int
    closer: int  # offset of the closing mark, or the paragraph end when the quote runs on
    para_start: int
    para_end: int
    runs_on: bool = False


@functools.lru_cache(maxsize=4)
def paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each non-empty line of the text (memoised: the rules ask for the
    same document's paragraphs many times)."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return tuple(spans)


def mark_role(text: str, i: int, open_marks: list[str]) -> str:
    """open or close for the mark at `i`; ambiguous marks are decided by what is around them."""
    mark = text[i]
    role = mark_roles()[mark]
    if role != "either":
        return role
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if mark == "“" and open_marks and open_marks[-1] == "„":
        return "close"
    opens = before.isspace() or before in "([{-—–/'"
    closes = after.isspace() or after in ".,;:!?)]…»"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    if mark == '"':
        return "close" if open_marks else "open"
    return "open" if mark == "“" else "close"


def _inner(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces (and a trailing comma) from a quoted span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def paragraph_quotes(text: str, para: tuple[int, int], next_opens: bool) -> list[Marked]:
    """Outermost quoted spans of one paragraph; an unclosed one runs on only if the next
    paragraph reopens with a mark (French style), otherwise the stray mark is ignored."""
    start, end = para
    stack: list[tuple[int, str]] = []
    found = []
    for i in range(start, end):
        if text[i] not in mark_roles():
            continue
        role = mark_role(text, i, [m for _, m in stack])
        if role == "open":
            stack.append((i, text[i]))
        elif stack:
            if mark_roles()[text[i]] == "close" and any(m in "«‹" for _, m in stack):
                while stack[-1][1] not in "«‹":
                    stack.pop()
            opener, _ = stack.pop()
            if not stack:
                found.append(Marked(*_inner(text, opener + 1, i), opener, i, start, end))
    if stack and next_opens and direct_position(text, start, stack[0][0]):
        opener = stack[0][0]
        found.append(Marked(*_inner(text, opener + 1, end), opener, end, start, end, True))
    return [m for m in found if m.end > m.start]


def direct_position(text: str, para_start: int, opener: int) -> bool:
    """Whether a mark opens its paragraph or follows a colon or a sentence end."""
    before = text[para_start:opener].rstrip()
    return not before or before[-1] in ":.!?…"


def is_title(text: str, quote: Marked) -> bool:
    """Whether the word just before the opening mark names a work or a thing (« le film »),
    the quoted phrase starting with a capital when the cue asks for one; or the phrase right
    after a definite determiner is a name (see `is_name`)."""
    before = text[quote.para_start : quote.opener].rstrip()
    if is_name(text, quote, before):
        return True
    match = re.search(r"([\w-]+)\s*,?$", before)  # « son dernier roman, « … » »
    first = text[quote.start : quote.start + 1]
    if not match or match[1].lower() not in title_cues():
        return first.isupper() and titled_apposition(text, quote, before)
    return not title_cues()[match[1].lower()] or first.isupper() or first.isdigit()


def titled_apposition(text: str, quote: Marked, before: str) -> bool:
    """« Le dernier film de Jacques Audiard, « Emilia Perez », … »: a short capitalised phrase
    in apposition to a title noun a few words back (the noun's complement in between) is the
    title, not a quote."""
    words = text[quote.start : quote.end].split()
    if len(words) > TITLE_MAX_WORDS or text[quote.start : quote.end].rstrip()[-1:] in "!?.…":
        return False
    if not before.endswith(",") or re.search(r"[.!?:;«»“”\"]", before[-60:-1]):
        return False
    previous = re.findall(r"[\w-]+", before[:-1])[-5:-1]
    return any(title_cues().get(word.lower()) is True for word in previous)


TITLE_MAX_WORDS = 8
"""Longest capitalised phrase read as a title in apposition (« le film de X, « Y » »)."""
DEFINITE_BEFORE = re.compile(r"(?:^|[\s(])(?:le|la|les|l')$", re.IGNORECASE)


def is_name(text: str, quote: Marked, before: str) -> bool:
    """« la « loi travail » », « le « Mozart de la finance » », « l'« affaire X » »: a quoted
    phrase right after a definite determiner that starts with a capital or a naming noun
    (`name_heads.csv`) names a thing; « une réforme « juste » », « le « greenwashing » » stay
    quotes."""
    if not DEFINITE_BEFORE.search(before):
        return False
    words = re.findall(r"[\w-]+", text[quote.start : quote.end].lower())
    first = text[quote.start : quote.start + 1]
    return first.isupper() or first.isdigit() or bool(words) and words[0] in word_set(
        "name_heads.csv", "word")


def find_marked(text: str) -> list[Marked]:
    """Every quoted span of a text, titles of works left out."""
    paras = paragraphs(text)
    found = []
    for k, para in enumerate(paras):
        nxt = paras[k + 1] if k + 1 < len(paras) else None
        next_opens = nxt is not None and mark_roles().get(text[nxt[0]:nxt[1]].lstrip()[:1]) in (
            "open", "either")
        found.extend(q for q in paragraph_quotes(text, para, next_opens) if not is_title(text, q))
    return found


# ---------------------------------------------------------------- tokens and windows


def token_starts(doc: Doc) -> list[int]:
    """Character offset of each token, computed once per Doc (kept in `doc.user_data`)."""
    starts = doc.user_data.get("quotes_token_starts")
    if starts is None or len(starts) != len(doc):
        starts = [t.idx for t in doc]
        doc.user_data["quotes_token_starts"] = starts
    return starts


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once (`Doc.text` joins every token on each access)."""
    cached = doc.user_data.get("quotes_text")
    if cached is None or cached[0] != len(doc):
        cached = (len(doc), doc.text)
        doc.user_data["quotes_text"] = cached
    return cached[1]


def sentence_of(token: Token) -> int:
    """Index of the first token of the token's sentence (spaCy's sentences, computed once per
    Doc: `Token.sent` re-scans the whole document on every call)."""
    doc = token.doc
    firsts = doc.user_data.get("quotes_sentence_firsts")
    if firsts is None or len(firsts) != len(doc):
        firsts = [0] * len(doc)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                firsts[i] = sent.start
        doc.user_data["quotes_sentence_firsts"] = firsts
    return firsts[token.i]


def char_token(doc: Doc, char: int) -> Token | None:
    """The token covering a character offset (or the next token), None past the end."""
    starts = token_starts(doc)
    i = bisect.bisect_right(starts, char) - 1
    if i >= 0 and char < starts[i] + len(doc[i].text):
        return doc[i]
    return doc[i + 1] if i + 1 < len(doc) else None


def tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    """Non-space tokens that start within [start, end), quotation marks left out (the tagger
    often calls a mark a verb or a name)."""
    starts = token_starts(doc)
    lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    return [t for t in doc[lo:hi] if not t.is_space and t.text not in mark_roles()]


def sentence_start(text: str, para_start: int, pos: int) -> int:
    """Start of the sentence holding `pos`, within its paragraph (ends: . ! ? … + space)."""
    cut = para_start
    for match in re.finditer(r"[.!?…][»”\"]?\s+", text[para_start:pos]):
        if not _abbreviation(text, para_start + match.start()):
            cut = para_start + match.end()
    return cut


def sentence_end(text: str, pos: int, para_end: int) -> int:
    """End of the sentence from `pos` (the end punctuation excluded), within its paragraph."""
    for match in re.finditer(r"[.!?…](?=[»”\"]?(\s|$))", text[pos:para_end]):
        if not _abbreviation(text, pos + match.start()):
            return pos + match.start()
    return para_end


def _abbreviation(text: str, dot: int) -> bool:
    """A full stop that ends « M. » or a single capital initial, not a sentence."""
    word = re.search(r"(\w+)$", text[max(0, dot - 4) : dot])
    return bool(word) and (word[1] in ("M", "Mme", "Dr", "St") or
                           (len(word[1]) == 1 and word[1].isupper()))


def marked_ranges(quotes: list[Marked]) -> list[tuple[int, int]]:
    """(opening mark, closing mark + 1) of each quoted span."""
    return [(q.opener, q.closer + 1) for q in quotes]


def inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether a character offset falls in one of the ranges."""
    return any(a <= pos < b for a, b in ranges)


# ---------------------------------------------------------------- speakers


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


def is_demonym(word: str) -> bool:
    """Whether a capitalised word is a nationality or inhabitant noun (« le Français »), from
    the entity module's list."""
    try:
        from .entities import demonyms
    except ImportError:  # the entity module is optional here
        return False
    return word in demonyms()


def role_names(token: Token) -> set[str]:
    """Capitalised words of a role's « de » complement (« la présidente du groupe RN » →
    {"rn"}): a person introduced with the same role but another complement (« présidente du
    groupe LFI ») is someone else."""
    names = set()
    doc = token.doc
    k = token.i + 1
    while k < len(doc) and k <= token.i + 6 and not doc[k].is_punct and doc[k].pos_ not in (
            "VERB", "AUX"):
        if doc[k].text[:1].isupper():
            names.add(doc[k].lower_)
        k += 1
    return names


def _after_de(token: Token) -> bool:
    """Whether a token follows « de / du / des / d' », determiners skipped (« de la PAF »):
    a complement of the head noun."""
    i = token.i - 1
    while i >= 0 and token.doc[i].lower_ in ("la", "le", "l'", "les"):
        i -= 1
    return i >= 0 and token.doc[i].lower_ in NP_LINKS


NAME_PARTICLES = {"le", "la", "de", "du", "des", "von", "van", "der", "den", "ben", "bin", "el",
                  "al", "di", "da", "dos", "-"}


def name_run(token: Token) -> dict:
    """A capitalised name the entity tagger missed (« a répondu Marine Le Pen »), as a
    pseudo-mention; its name goes through the entity aliases."""
    doc = token.doc

    def part(t: Token) -> bool:
        return t.is_title or t.lower_ in NAME_PARTICLES and t.i + 1 < len(doc) and doc[
            t.i + 1].is_title

    def left_part(t: Token) -> bool:
        """A capitalised word of the same name: a proper noun, a particle, or a capitalised
        word not itself introduced by a determiner or « de » (« l'Économie » is not a name)."""
        if not t.is_title or t.pos_ in ("ADP", "VERB", "AUX", "PRON"):
            return t.lower_ in NAME_PARTICLES and t.is_title
        before = doc[t.i - 1] if t.i > 0 else None
        return t.pos_ == "PROPN" or before is None or not (
            before.is_lower and before.pos_ in ("DET", "ADP"))

    lo = token.i
    while lo > 0 and left_part(doc[lo - 1]):
        lo -= 1
    hi = token.i
    while hi + 1 < len(doc) and part(doc[hi + 1]) and not doc[hi + 1].is_punct:
        hi += 1
    span = doc[lo : hi + 1]
    try:
        from .entities import canonical_entity
    except ImportError:  # the entity module is optional for this fallback
        def canonical_entity(name: str, label: str | None = None) -> str:
            return name
    start, end = span.start_char, span.end_char
    return {"entity": canonical_entity(span.text, "PER"), "start": start, "end": end,
            "label": "PER", "text": span.text}


def noun_phrase(token: Token, stop: int | None = None) -> list[Token]:
    """The subject's noun phrase: its left edge up to a comma + appositive name, not past
    `stop` (a verb index) nor into a relative clause or a prepositional phrase other than a
    « de » complement."""
    doc = token.doc
    end = len(doc) if stop is None else stop
    out = []
    in_pp = False
    for t in doc[token.left_edge.i : end]:
        if t.i > token.i and (t.lower_ in ("qui", "que", "qu'", "dont") or t.pos_ in ("VERB",
                                                                                    "AUX")):
            break
        if t.is_punct and t.text != "," and t.text != "-":
            break
        if t.i > token.i and t.pos_ == "ADP" and t.lower_ not in NP_LINKS:
            in_pp = True  # « une source policière à l'AFP »: the medium is not in the phrase
        elif t.text == ",":
            in_pp = False  # « le commissaire à l'Industrie, Stéphane Séjourné »
        if not in_pp:
            out.append(t)
        if t.i > token.i + 8:
            break
    return out


def reporting_lemma(token: Token, loose: bool = False) -> str:
    """The reporting verb lemma a token is (or ends, for « fait savoir », « mis en garde »),
    or "". Strict: a verb, or a form right after an auxiliary; loose (just after a quote, where
    a reporting verb is expected): any part of speech, since the tagger often errs there.
    A form the tagger did not call a verb counts in strict mode only right after an auxiliary,
    a name or a subject pronoun (« Bruno Le Maire juge », « il estime »)."""
    doc = token.doc
    last_words = multiword_last_words()
    multiword = token.lower_ in last_words or token.lemma_.lower() in last_words
    for width in (3, 2) if multiword else ():
        if token.i - width + 1 >= 0:
            words = doc[token.i - width + 1 : token.i + 1]
            for key in (" ".join(t.lower_ for t in words), " ".join(t.lemma_.lower()
                                                                   for t in words)):
                if key in verb_forms() and " " in key:
                    return verb_forms()[key]
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in reporting_verbs():
        return lemma
    form = verb_forms().get(token.lower_, "")
    if not form or token.pos_ in ("PUNCT", "DET", "ADP", "PRON", "AUX"):
        return ""
    before = doc[token.i - 1] if token.i > 0 else None
    after_subject = before is not None and (
        before.pos_ in ("AUX", "PROPN") or before.text.startswith("-") or
        before.lower_ in pronouns() or (before.is_title and not before.is_sent_start))
    return form if loose or token.pos_ == "VERB" or after_subject else ""


def starts_multiword(tokens: list[Token]) -> bool:
    """Whether these tokens begin a multi-word reporting form (« fait savoir »)."""
    words = [t.lower_ for t in tokens]
    return any(" ".join(words[:n]) in verb_forms() for n in (2, 3) if len(words) >= n)


def inverted_clitic(verb: Token) -> Token | None:
    """« déclare-t-il », « a-t-elle ajouté »: the pronoun glued to the verb or its auxiliary."""
    doc = verb.doc
    for t in doc[max(0, verb.i - 3) : min(len(doc), verb.i + 3)]:
        if t.text.startswith("-") and t.lower_.lstrip("-") in pronouns():
            return t
    return None


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a verb: a dependency subject of the verb or its auxiliary chain, an
    inverted clitic, the subject of the verb it is coordinated with, else the nearest noun
    or pronoun to its left (skipping auxiliaries, clitics and adverbs)."""
    clitic = inverted_clitic(verb)
    if clitic is not None:
        return clitic
    group = [verb, *[c for c in verb.children if c.dep_.startswith(("aux", "cop")) or (
        c.dep_ == "dep" and c.pos_ == "VERB" and c.i < verb.i)]]
    if verb.dep_.startswith(("aux", "cop")) or verb.dep_ == "xcomp":
        group.append(verb.head)
    for member in group:
        subjects = [c for c in member.children if c.dep_.startswith("nsubj") or c.dep_ in (
            "expl:subj",)]
        if subjects:  # the nearest one before the verb (« c'est ainsi que X a résumé » → X)
            before = [c for c in subjects if c.i < verb.i and c.lower_ not in DEMONSTRATIVES]
            return before[-1] if before else subjects[0]
    participle = "Part" in verb.morph.get("VerbForm") and verb.lower_.endswith("ant")
    infinitive = "Inf" in verb.morph.get("VerbForm")
    if (verb.dep_ == "conj" or participle or infinitive) and verb.head is not verb and (
            verb.head.pos_ in ("VERB", "AUX")) and depth < 3 and same_sentence(verb, verb.head):
        found = subject_of(verb.head, depth + 1)
        if found is not None:
            return found
    return left_subject(verb, depth)


def same_sentence(a: Token, b: Token) -> bool:
    """No sentence-final punctuation nor paragraph break between two tokens (the parser
    sometimes links verbs across a full stop)."""
    lo, hi = sorted((a.i, b.i))
    return not any("\n" in t.text or (t.text[-1:] in SENTENCE_END and t.text != "M.")
                   for t in a.doc[lo:hi])


def left_subject(verb: Token, depth: int = 0) -> Token | None:
    """Scan left from the verb for the nearest noun, name or pronoun of its clause."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0:
        t = doc[i]
        if t.is_space or t.pos_ in ("AUX", "ADV") or t.lower_ in CLITICS or (
                t.lower_ in AUXILIARY_FORMS):  # the tagger sometimes calls « a » a verb
            i -= 1
            continue
        if t.pos_ in ("PROPN", "NOUN") and i >= 2 and doc[i - 1].lower_ in POSSESSIVES and (
                doc[i - 2].lower_ in ("de", "pour", "à", "en")):
            i -= 3  # « La Maison Blanche a de son côté évoqué », « pour sa part »: skip the PP
            continue
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            return t
        if t.text == "," and i > 0 and doc[i - 1].pos_ in ("PROPN", "NOUN"):
            i -= 1  # « Le ministre, Jean Dupont, a déclaré »: step over the appositive
            continue
        if t.pos_ == "CCONJ" and depth < 2:  # « X a estimé … et a appelé à … »: X
            previous = next((v for v in reversed(doc[sentence_of(verb) : i])
                             if v.pos_ == "VERB" and v.text not in mark_roles()), None)
            return subject_of(previous, depth + 1) if previous is not None else None
        return None
    return None


# ---------------------------------------------------------------- attribution rules


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
    from .sentiment import time_nouns

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
        word = t.lower_
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
        found = res.attribution(head, "", "source_cue")
        if not found.speaker and head.lemma_.lower() in word_set("document_nouns.csv"):
            return None  # « selon des propos rapportés par … »: a channel, not the source
        return found
    return None


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
    seen = 0
    while verb is not None and seen < 4:
        subject = subject_of(verb)
        if subject is not None:
            return res.attribution(subject, verb.lemma_.lower(), "governing_verb", stop=verb.i)
        if verb.head is verb:
            break
        verb, seen = verb.head, seen + 1
    return None


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


# ---------------------------------------------------------------- indirect speech


@dataclass(frozen=True)
class Indirect:
    start: int
    end: int
    attribution: Attribution


def find_indirect(doc: Doc, res: Resolver, quotes: list[Marked]) -> list[Indirect]:
    """« X a déclaré que … »: the clause after « que » to the end of its sentence."""
    text, ranges = doc_text(doc), marked_ranges(quotes)
    paras = paragraphs(text)
    found = []
    for verb in doc:
        lemma = reporting_lemma(verb)
        if not reporting_verbs().get(lemma):
            continue
        if inside(verb.idx, ranges) or _not_reporting(verb, lemma):
            continue
        que = None
        for t in doc[verb.i + 1 : verb.i + 1 + MAX_GAP_TO_QUE]:
            if t.lower_ in ("que", "qu'"):
                que = t
                break
            if t.pos_ == "VERB" or t.text in SENTENCE_END or t.text in mark_roles() or (
                    t.is_space or t.lower_ in clause_links()):
                break
        if que is None or que.i + 1 >= len(doc):
            continue
        start = que.idx + len(que.text)
        while start < len(text) and text[start].isspace():
            start += 1
        if text[start : start + 1] in mark_roles():
            continue  # « a déclaré que « … » »: the marked quote carries it
        para_end = next(e for s, e in paras if s <= verb.idx < e)
        end = _indirect_end(text, start, para_end, ranges)
        if end > start:
            found.append(Indirect(start, end, res.attribution(subject_of(verb), lemma,
                                                             "indirect")))
    return found


def _not_reporting(verb: Token, lemma: str) -> bool:
    """« il faut dire que », « cela veut dire que »: the verb before makes it no report."""
    doc = verb.doc
    before = [t for t in doc[max(0, verb.i - 2) : verb.i] if not t.is_space]
    return any((word, verb_lemma) in not_reporting() for t in before
               for word in (t.lemma_.lower(), t.lower_) for verb_lemma in (lemma, "*"))


def _indirect_end(text: str, start: int, para_end: int, ranges: list[tuple[int, int]]) -> int:
    """Sentence end after `start`, skipping full stops inside quotation marks, and stopping
    before a comma + clause link (« , tandis que », « , mais »)."""
    pos = start
    while True:
        end = sentence_end(text, pos, para_end)
        if end >= para_end or not inside(end, ranges):
            break
        pos = end + 1
    links = "|".join(re.escape(w) for w in sorted(clause_links()))
    for match in re.finditer(rf",\s+(?:{links})\b", text[start:end], flags=re.IGNORECASE):
        if not inside(start + match.start(), ranges):  # « …, tandis que X a estimé … »
            end = start + match.start()
            break
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return end


# ---------------------------------------------------------------- per document


def quote_kind(text: str, quote: Marked) -> str:
    """direct or partial, from what precedes the opening mark (see module doc)."""
    before = text[quote.para_start : quote.opener].rstrip()
    first = text[quote.start : quote.start + 1]
    if direct_position(text, quote.para_start, quote.opener) or before[-1] in mark_roles():
        return "direct"
    if before[-1] in ",—–-" and first.isupper():
        return "direct"
    last_word = re.search(r"([\w-]+)$", before)
    if first.isupper() and last_word and last_word[1].lower() in verb_forms():
        return "direct"  # « Il a lancé « Nous partirons » » (colon left out)
    return "partial"


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
        if closing is None:
            continue
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


def previous_sentence(doc: Doc, res: Resolver, quote: Marked) -> Attribution | None:
    """A direct quote with no attribution at all, right after a sentence (or paragraph) about
    someone: « Emmanuel Macron a été très clair. « Il n'y aura pas d'impunité. » » → the
    subject of that previous sentence, when it resolves to a person."""
    text = doc_text(doc)
    end = quote.opener
    if text[quote.para_start:quote.opener].strip() == "":
        paras = [p for p in paragraphs(text) if p[1] <= quote.para_start]
        if not paras:
            return None
        para_start, end = paras[-1]
    else:
        para_start = quote.para_start
    before = text[para_start:end].rstrip()
    if before and before[-1] in "»”\"›":
        return None  # the previous sentence ends with a quote: continuation's business
    start = sentence_start(text, para_start, max(para_start, len(before) + para_start - 1))
    for token in tokens_between(doc, start, end):
        if token.dep_.startswith("nsubj"):
            found = res.attribution(token, "", "previous_sentence", stop=token.head.i)
            mention = res.covering(token) or res.in_tokens(noun_phrase(token, token.head.i))
            if found.speaker and (mention is None or mention["label"] == "PER"):
                return found
            return None
    return None


def next_sentence(doc: Doc, res: Resolver, quote: Marked) -> Attribution | None:
    """A direct quote with no attribution followed by a sentence that points back at it
    (`next_sentence_cues.csv`: « Ainsi a réagi X », « Par ces mots, X a… », « Le mot est de
    X »): that sentence's reporting verb and subject, else its subject, else the first
    person it names."""
    text = doc_text(doc)
    paras = paragraphs(text)
    k = next(j for j, (s, e) in enumerate(paras) if s <= quote.opener < e)
    start, para_end = quote.closer + 1, paras[k][1]
    if not text[start:para_end].strip(" .»”\"›") and k + 1 < len(paras):
        start, para_end = paras[k + 1]  # the cue opens the next paragraph
    tokens = [t for t in tokens_between(doc, start, sentence_end(text, start, para_end))
              if not t.is_punct and not t.is_space]
    head = " ".join(t.lower_ for t in tokens[:5]).replace("' ", "'")
    if not any(f" {cue} " in f" {head} " or cue.endswith("'") and f" {cue}" in f" {head}"
               for cue in word_set("next_sentence_cues.csv", "cue")):
        return None
    verb = next((k for k, t in enumerate(tokens) if reporting_lemma(t)), None)
    for found in (inverted_after(res, tokens[verb:]) if verb is not None else None,
                  verb_after(res, tokens)):  # « Ainsi a réagi X » first: « Ainsi » is no name
        if found is not None and found.speaker:
            return replace(found, rule="next_sentence")
    subject = next((t for t in tokens if t.dep_.startswith("nsubj") and t.pos_ != "PRON"), None)
    if subject is not None:
        found = res.attribution(subject, "", "next_sentence", stop=subject.head.i)
        if found.speaker:
            return found
    person = res.in_tokens(tokens, "PER")
    return Attribution(person["entity"], person["start"], person["end"], "", "next_sentence",
                       True) if person is not None else None


LABEL = re.compile(r"(\s*)((?:[A-ZÀ-Ý0-9][\w'-]*\s?){1,5}?)\s*:\s+(?=\S)")
"""A paragraph opening with a short capitalised label and a colon (« Jean-Noël Barrot : … »)."""


def labelled_answers(doc: Doc, res: Resolver) -> list[tuple[int, int, Attribution]]:
    """Interviews in Q/R form without marks: when at least two paragraphs open with a short
    capitalised label and a colon (« Le Figaro : … » / « Édouard Philippe : … ») and one of
    them asks a question, the text of
    each paragraph labelled by a person mention is that person's direct quote (rule
    `interview_label`). Paragraphs opening with a mark are left to the marked-quote rules."""
    text = doc_text(doc)
    labelled = []
    for start, end in paragraphs(text):
        match = LABEL.match(text, start, end)
        if match:
            labelled.append((start + len(match[1]), match.start(2) + len(match[2].rstrip()),
                             match.end(), end))
    if len(labelled) < 2 or not any(text[s:e].rstrip().endswith("?") for _, _, s, e in labelled):
        return []  # headlines (« Paris : … ») are no interview: an interview asks questions
    found = []
    for label_start, label_end, start, end in labelled:
        person = next((m for m in res.mentions if m["start"] == label_start and
                       m["end"] == label_end and m["label"] == "PER"), None)
        while end > start and text[end - 1].isspace():
            end -= 1
        if person is not None and mark_roles().get(text[start]) not in ("open", "either"):
            found.append((start, end, Attribution(person["entity"], person["start"],
                                                  person["end"], "", "interview_label", True)))
    return found


def continue_speakers(rows: list[dict], starts: dict[int, int], para_starts: list[int]
                      ) -> None:
    """A direct quote opening its paragraph with no attribution takes the speaker of the
    previous paragraph's last direct quote (and a run-on quote passes its speaker on)."""
    by_para: dict[int, list[dict]] = {}
    for row in rows:
        by_para.setdefault(starts[row["start"]], []).append(row)
    order = {start: k for k, start in enumerate(para_starts)}
    paras = sorted(by_para)
    for prev, cur in zip(paras, paras[1:], strict=False):
        if order[cur] != order[prev] + 1:
            continue  # only the paragraph just before can be continued
        last = [r for r in by_para[prev] if r["kind"] == "direct"]
        first = by_para[cur][0]
        if not last or first["kind"] != "direct" or first["rule"] != "none":
            continue
        if not first.get("_opens_paragraph"):
            continue
        source = last[-1]
        if source["rule"] == "none":
            continue
        first.update(speaker=source["speaker"], speaker_start=source["speaker_start"],
                     speaker_end=source["speaker_end"], verb=source["verb"], rule="continuation")


def _back_fill_runs(rows: list[dict]) -> None:
    """A run-on quote with no attribution takes the speaker its continuation found."""
    for k in range(len(rows) - 2, -1, -1):
        row, nxt = rows[k], rows[k + 1]
        if row.get("_runs_on") and row["rule"] == "none" and nxt["rule"] != "none":
            row.update(speaker=nxt["speaker"], speaker_start=nxt["speaker_start"],
                       speaker_end=nxt["speaker_end"], verb=nxt["verb"], rule="continuation")


def _same_paragraph(rows: list[dict], starts: dict[int, int]) -> None:
    """« « A », confie X. « B. » »: a direct quote opening a sentence with no attribution of its
    own continues the speaker of the attributed direct quote just before it in its paragraph."""
    for prev, row in zip(rows, rows[1:], strict=False):
        if (row["rule"] == "none" and row["kind"] == "direct" and prev["kind"] == "direct"
                and prev["rule"] != "none" and starts[prev["start"]] == starts[row["start"]]):
            row.update(speaker=prev["speaker"], speaker_start=prev["speaker_start"],
                       speaker_end=prev["speaker_end"], verb=prev["verb"], rule="continuation")


def _subjectless_verbs(rows: list[dict]) -> None:
    """« Et d'ajouter : « … » », « avant de préciser : « … » »: a reporting verb with no subject
    of its own continues the speaker of the quote just before."""
    for prev, row in zip(rows, rows[1:], strict=False):
        if row.get("_subjectless") and not row["speaker"] and prev["speaker"]:
            row.update(speaker=prev["speaker"], speaker_start=prev["speaker_start"],
                       speaker_end=prev["speaker_end"], rule="verb_before+previous")


def quote_row(doc: Doc, doc_id: str, start: int, end: int, kind: str, who: Attribution,
              mentions: list[dict]) -> dict:
    """One output row: offsets, speaker, sentiment and the entities named inside."""
    span = doc.char_span(start, end, alignment_mode="expand")
    skip = set()
    named = []
    for m in mentions:
        if start <= m["start"] and m["end"] <= end:
            named.append(m["entity"])
            covered = doc.char_span(m["start"], m["end"], alignment_mode="expand")
            skip.update(t.i for t in covered or [])
    score, terms, _ = span_sentiment(span, skip) if span is not None else (0.0, "", 0)
    return {
        "doc_id": doc_id, "start": start, "end": end, "text": doc_text(doc)[start:end],
        "kind": kind, "speaker": who.speaker, "speaker_start": who.speaker_start,
        "speaker_end": who.speaker_end, "verb": who.verb, "rule": who.rule,
        "sentiment": score, "sentiment_terms": terms,
        "mentions": "; ".join(dict.fromkeys(named)),
    }


def doc_quotes(doc: Doc, doc_id: str, mentions: list[dict] | None = None) -> list[dict]:
    """Every quote of one parsed document, attributed with its mention rows (see COLUMNS).

    Pass the document's `analysis.entities.doc_entities` rows when you already have them (one
    entity pass per document); without them they are computed here.
    """
    if mentions is None:
        from .entities import doc_entities

        mentions = doc_entities(doc, doc_id)
    res = Resolver(doc, mentions)
    marked = find_marked(doc_text(doc))
    res.quoted = marked_ranges(marked)
    indirect = find_indirect(doc, res, marked)
    rows, starts = [], {}
    for quote in marked:
        kind = quote_kind(doc_text(doc), quote)
        who = attribute_marked(doc, res, quote, kind, indirect)
        if who.speaker:
            res.previous_speaker, res.previous_start = who.speaker, quote.start
            res.previous_mention = next((m for m in mentions if m["start"] == who.speaker_start
                                         and m["end"] == who.speaker_end), None)
        row = quote_row(doc, doc_id, quote.start, quote.end, kind, who, mentions)
        row["_subjectless"] = who.rule == "verb_before" and not who.subject_found
        row["_opens_paragraph"] = not doc_text(doc)[quote.para_start : quote.opener].strip()
        row["_runs_on"] = quote.runs_on
        starts[quote.start] = quote.para_start
        rows.append(row)
    continue_speakers(rows, starts, [p for p, _ in paragraphs(doc_text(doc))])
    _back_fill_runs(rows)
    _subjectless_verbs(rows)
    _same_paragraph(rows, starts)
    for row, quote in zip(rows, marked, strict=True):
        if row["rule"] == "none" and row["kind"] == "direct":
            found = next_sentence(doc, res, quote) or previous_sentence(doc, res, quote)
            if found is not None:
                row.update(speaker=found.speaker, speaker_start=found.speaker_start,
                           speaker_end=found.speaker_end, rule=found.rule)
    continue_speakers(rows, starts, [p for p, _ in paragraphs(doc_text(doc))])
    for clause in indirect:
        rows.append(quote_row(doc, doc_id, clause.start, clause.end, "indirect",
                              clause.attribution, mentions))
    for start, end, who in labelled_answers(doc, res):
        rows.append(quote_row(doc, doc_id, start, end, "direct", who, mentions))
    for row in rows:
        row.pop("_opens_paragraph", None)
        row.pop("_runs_on", None)
        row.pop("_subjectless", None)
    return sorted(rows, key=lambda r: (r["start"], r["end"]))


def quotes_table(rows: list[dict] | pd.DataFrame, names: dict[str, str] | None = None
                 ) -> pd.DataFrame:
    """Rows → the tidy table, typed and sorted, all columns even when empty. `names` maps the
    article-level entity names of `speaker` and `mentions` to corpus-wide ones
    (`entities.corpus_names`), so a speaker is one name across articles, as in the entity table.
    """
    table = pd.DataFrame(rows, columns=COLUMNS)
    if names:
        table["speaker"] = table["speaker"].map(lambda name: names.get(name, name))
        table["mentions"] = table["mentions"].map(
            lambda cell: "; ".join(dict.fromkeys(names.get(n, n) for n in cell.split("; ") if n))
        )
    for column in ("start", "end", "speaker_start", "speaker_end"):
        table[column] = table[column].astype("int64")
    table["sentiment"] = table["sentiment"].astype("float64")
    return table.sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)


def extract_quotes(corpus: pd.DataFrame, model: str | None = None, n_process: int = 1,
                   batch_size: int = 32) -> pd.DataFrame:
    """One row per quote of every article (columns in `COLUMNS`, see the module doc): one
    parse, one entity pass and one quote pass per Doc; speakers named as in the entity table."""
    from .pipeline import analyze_corpus

    return analyze_corpus(corpus, model, n_process=n_process, batch_size=batch_size)["quotes"]


# ---------------------------------------------------------------- summaries and plots


def split_terms(cell: object) -> list[tuple[str, float]]:
    """"agressif:-0.80; paix:0.60" → [("agressif", -0.8), ("paix", 0.6)]."""
    pairs = []
    for item in filter(None, str(cell or "").split("; ")):
        word, _, value = item.rpartition(":")
        pairs.append((word, float(value)))
    return pairs


def charged_terms(quotes: pd.DataFrame) -> pd.DataFrame:
    """Every charged term of every quote (columns in `CHARGED_COLUMNS`), the most charged
    first (by absolute value, then doc_id, start, end, term), so `.head(n)` shows the words
    that weigh most."""
    rows = [
        {"doc_id": row.doc_id, "start": row.start, "end": row.end, "speaker": row.speaker,
         "kind": row.kind, "term": term, "value": value, "quote": snippet(row.text, 60)}
        for row in quotes.itertuples()
        for term, value in split_terms(row.sentiment_terms)
    ]
    table = pd.DataFrame(rows, columns=CHARGED_COLUMNS)
    if table.empty:
        return table
    table = table.assign(_abs=table["value"].abs()).sort_values(
        ["_abs", "doc_id", "start", "end", "term"], ascending=[False, True, True, True, True],
        kind="stable")
    return table.drop(columns="_abs").reset_index(drop=True)


def quote_sentiment_by_speaker(quotes: pd.DataFrame, top_terms: int = 5) -> pd.DataFrame:
    """Per speaker: number of quotes, mean and min sentiment, the `top_terms` most charged
    terms (by absolute value). Sorted from the most negative mean; "" is the unknown speaker."""
    rows = []
    for speaker, group in quotes.groupby("speaker", sort=True):
        terms: dict[str, float] = {}
        for cell in group["sentiment_terms"]:
            for word, value in split_terms(cell):
                terms.setdefault(word, value)
        ranked = sorted(terms.items(), key=lambda kv: (-abs(kv[1]), kv[0]))[:top_terms]
        rows.append({
            "speaker": speaker, "quotes": len(group),
            "mean_sentiment": round(float(group["sentiment"].mean()), 4),
            "min_sentiment": round(float(group["sentiment"].min()), 4),
            "charged_terms": "; ".join(f"{w}:{v:.2f}" for w, v in ranked),
        })
    table = pd.DataFrame(rows, columns=SPEAKER_COLUMNS)
    return table.sort_values(["mean_sentiment", "speaker"], kind="stable").reset_index(drop=True)


__all__ = [
    "CHARGED_COLUMNS", "COLUMNS", "SPEAKER_COLUMNS", "charged_terms", "doc_quotes",
    "extract_quotes", "quote_sentiment_by_speaker",
]
