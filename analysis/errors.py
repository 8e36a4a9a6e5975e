"""The two ways input can disappoint: broken (an error) or incomplete (a warning).

`InputError` is raised for input the tool cannot read at all; the command line turns it into
one line on stderr and exit code 2. `CorpusWarning` marks input that is merely incomplete
(an article without a publication date, a duplicate article): the work goes on.
"""

from __future__ import annotations

import warnings


class InputError(Exception):
    """Input that cannot be used as given. The message names the file and the fix, on one line."""


class CorpusWarning(UserWarning):
    """Input that is usable but incomplete or redundant; the message is one line."""


_default_formatwarning = warnings.formatwarning


def format_warning(message, category, filename, lineno, line=None) -> str:
    """`warning: <message>` on one line for CorpusWarning (no file path, which in a notebook
    kernel is a temporary file that changes every run); Python's format for other warnings."""
    if issubclass(category, CorpusWarning):
        return f"warning: {message}\n"
    return _default_formatwarning(message, category, filename, lineno, line)


warnings.formatwarning = format_warning
