"""Writing tables so that two runs give the same bytes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def write_table(table: pd.DataFrame, path: str | Path) -> Path:
    """Write a table as UTF-8 CSV with `\\n` line ends, ISO dates and fixed float format."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(
        path, index=False, lineterminator="\n", date_format="%Y-%m-%d", float_format="%.4g"
    )
    return path
