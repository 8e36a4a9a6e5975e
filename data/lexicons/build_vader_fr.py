"""Rebuild `vader-fr.csv` from the PyPI package `vaderSentiment-fr` (MIT) installed in .venv.

Run once, offline: `.venv/bin/python data/lexicons/build_vader_fr.py`. Keeps the French
lexicon's word and multiword entries (not emoticons), their valence divided by 4 (VADER's
scale is -4…+4, the project's -1…+1), rounded to two decimals, sorted by word.
"""

from __future__ import annotations

import csv
import re
from importlib.resources import files
from pathlib import Path

WORD = re.compile(r"[a-zà-ÿœæç'’ -]+")


def main() -> None:
    source = files("vaderSentiment_fr").joinpath("fr_lexicon.txt").read_text(encoding="utf-8")
    rows = {}
    for line in source.splitlines():
        word, _, value = line.strip().rpartition("->")
        word = word.strip().lower().replace("’", "'")
        if word and WORD.fullmatch(word) and not word.startswith(("'", "-")):
            rows[word] = round(float(value) / 4, 2)
    out = Path(__file__).with_name("vader-fr.csv")
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["word", "polarity"])
        writer.writerows(sorted(rows.items()))
    print(f"{len(rows)} entries → {out}")


if __name__ == "__main__":
    main()
