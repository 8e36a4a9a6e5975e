"""Every figure of the package: functions that take tables and return matplotlib Figures.

One module per analysis (`entities`, `quotes`, `timeline`), one house style (`style`), and the
colours shared with the HTML views (`palette`, which imports no matplotlib). Analyses never
import this package. Names are imported lazily, so `figures.palette` stays light.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "plot_entity_frequency": "entities",
    "plot_entity_trends": "entities",
    "plot_quote_sentiment": "quotes",
    "plot_speaker_sentiment": "quotes",
    "plot_timeline": "timeline",
    "plot_mentions_over_time": "timeline",
    "save_figure": "style",
    "save_and_show": "style",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'analysis.figures' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
