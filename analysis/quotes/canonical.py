"""One name per speaker within an article: a surname alone (« Obama »), initials (« B. Obama »)
or a title (« M. Ayrault », « M.Houdré ») becomes the fullest name of the same person the
article gives (« Barack Obama »), when exactly one person fits. Across articles, `quotes_table`
then maps names through the corpus-wide entity names.
"""

from __future__ import annotations

import re

TITLE = re.compile(r"^(?:M\.|Mme|Mlle|Dr|Me|Pr)\s*", re.IGNORECASE)
"""A civility or title before a name (« M. », « Mme », « Dr »), glued or not."""


def name_words(name: str) -> list[str]:
    """A name's words without its title, hyphens kept (« M. Jean-Marc Ayrault » →
    [Jean-Marc, Ayrault])."""
    return TITLE.sub("", name.strip()).split()


def fits(short: list[str], full: list[str]) -> bool:
    """Whether a shorter name is the same person as a fuller one: same last word, and each
    other word is in the full name or is an initial of one of its words (« B. », « J-M »)."""
    if not short or len(short) > len(full) or short[-1].lower() != full[-1].lower() or (
            [w.lower() for w in short] == [w.lower() for w in full]):
        return False
    rest = [w.lower() for w in full[:-1]]
    for word in short[:-1]:
        initial = word.rstrip(".").replace("-", "").lower()
        if word.lower() in rest:
            continue
        abbreviated = word.endswith(".") or len(initial) <= 2 and word.isupper() or (
            "-" in word and len(initial) <= 3)
        if not (abbreviated and any(w[:1] == initial[:1] for w in rest)):
            return False
    return True


def canonical_speakers(rows: list[dict], mentions: list[dict]) -> None:
    """Replace each person speaker of the rows by the fullest name of the same person among
    the article's person mentions and speakers (descriptions, lower-case, are left alone)."""
    names = {m["entity"] for m in mentions if m.get("label") == "PER" and m.get("entity")}
    names |= {r["speaker"] for r in rows if r["speaker"][:1].isupper()}
    full = {n: name_words(n) for n in names}
    for row in rows:
        speaker = row["speaker"]
        if not speaker[:1].isupper():
            continue
        short = name_words(speaker)
        fuller = {n for n, words in full.items() if fits(short, words)}
        if len(fuller) == 1:
            row["speaker"] = fuller.pop()
        elif not fuller and short and " ".join(short) != speaker and " ".join(short) in names:
            row["speaker"] = " ".join(short)  # « M.Houdré » → « Houdré »
