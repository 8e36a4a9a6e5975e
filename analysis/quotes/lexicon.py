"""Words and rules as data: constants of French syntax used by the quote rules and the loaders
of the files under `data/quotes/` (marks, reporting verbs, cues, pronouns, role nouns).
"""

from __future__ import annotations

import functools

from ..paths import read_csv_rows

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
PRONOUN_SUBJECT_WINDOW = 400
MENTION_WINDOW = 20_000
"""How far back (characters) a pronoun, role or organisation noun looks for a mention: more
than a long news article, a bound so that resolution stays linear in a very long paragraph."""
BACKWARD_TOKENS = 3_000
"""How many tokens a backward token scan (antecedent subject, group noun) reads at most."""
"""Characters before a pronoun (quoted words not counted) in which a subject mention beats a
closer non-subject."""
MAX_GAP_TO_QUE = 10
"""Tokens allowed between a reporting verb and the « que » that opens indirect speech."""


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
                stem = lemma[:-2]
                if ending[0] in "ao" and lemma.endswith("cer"):
                    stem = stem[:-1] + "ç"  # « annonçait », « annonça »
                elif ending[0] in "ao" and lemma.endswith("ger"):
                    stem += "e"  # « jugeait », « jugeant »
                forms.setdefault(stem + ending, lemma)
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
