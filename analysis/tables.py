"""Writing tables so that two runs give the same bytes, and so that a spreadsheet opening them
runs nothing."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters with which a spreadsheet (Excel, LibreOffice) reads a cell as a formula."""


def escape_formula(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+…`, `-…`, `@…`)
    gets a leading apostrophe, as OWASP advises against CSV injection; other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_table(table: pd.DataFrame, path: str | Path) -> Path:
    """Write a table as UTF-8 CSV with `\\n` line ends, ISO dates and fixed float format; text
    cells that would run as spreadsheet formulas are escaped (`escape_formula`)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text_columns = [
        name
        for name in table.columns
        if table[name].dtype == object or pd.api.types.is_string_dtype(table[name].dtype)
    ]
    if text_columns:
        table = table.copy()
        for name in text_columns:
            table[name] = table[name].map(escape_formula)
    table.to_csv(
        path, index=False, lineterminator="\n", date_format="%Y-%m-%d", float_format="%.4g"
    )
    return path
