"""Command line: `python -m analysis run --corpus PATH --out DIR`.

Bad input ends with exit code 2 and one line on stderr; warnings are one line each.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import InputError

DESCRIPTION = """\
Analyse French-language news articles: which people, places and organisations they name,
what was quoted and by whom, how charged the quoted language is, and when the events they
report happened (dates such as « samedi » or « le mois dernier » are resolved against each
article's publication date)."""

CORPUS_HELP = """\
the articles: one .txt file (a 'Date: 2022-06-25' first line, or 25/06/2022 or 25 juin 2022, or
a final 'Source: URL' line whose URL holds the date gives the publication date), a .csv
(separated by commas, or by semicolons as French Excel writes) or .jsonl with a 'text' column
(optional: doc_id, title, url, published), or a folder of such files (default: the bundled
Al Jazeera article in data/corpus)"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=DESCRIPTION)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = commands.add_parser(
        "run",
        help="run every notebook on a corpus and write the report",
        description="Execute the notebooks in notebooks/ on a corpus with papermill and write "
        "executed notebooks, HTML pages, tables (CSV) and figures (PNG, SVG) to --out.",
    )
    run.add_argument("--corpus", default=None, metavar="PATH", help=CORPUS_HELP)
    run.add_argument(
        "--out",
        default="reports",
        metavar="DIR",
        help="folder for the report (default: reports); replaced only on success",
    )
    run.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "VALUE"),
        help="set a notebook parameter, e.g. -p model fr_core_news_md or -p top_n 30 "
        "(unknown names are refused before anything runs)",
    )
    run.add_argument(
        "--jobs",
        type=int,
        default=2,
        metavar="N",
        help="notebooks run side by side, each in its own kernel (default: 2, one per core)",
    )
    run.add_argument(
        "--show-code",
        action="store_true",
        help="show the code cells in the HTML pages (hidden by default)",
    )
    return parser


EXIT_OK, EXIT_FAILED, EXIT_INPUT, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 130, 143
"""Exit codes (docs/exit_codes.md): the report was written; a notebook failed, the disk is full
or the system refused a write (the previous report is unchanged); the input or options cannot
be used (nothing was run); stopped by Ctrl-C; stopped by SIGTERM."""


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return run_command(args)
    except KeyboardInterrupt as stop:
        terminated = type(stop).__name__ == "Terminated"
        print(
            f"error: {'terminated' if terminated else 'interrupted'}; the report folder "
            f"{args.out} was left as it was before the run",
            file=sys.stderr,
        )
        return EXIT_TERMINATED if terminated else EXIT_INTERRUPTED


def run_command(args: argparse.Namespace) -> int:
    try:
        if args.command == "run":
            from .report import NotebookFailed, run_report

            try:
                out = run_report(
                    corpus=args.corpus,
                    out=Path(args.out),
                    parameters=dict(args.parameter),
                    show_code=args.show_code,
                    jobs=args.jobs,
                )
            except NotebookFailed as err:
                print(f"error: {err}", file=sys.stderr)
                return EXIT_FAILED
            except OSError as err:  # the system refused a write after all checks passed
                where = f"{err.filename}: " if err.filename else ""
                print(f"error: {where}{err.strerror or err}", file=sys.stderr)
                return EXIT_FAILED
            print(f"report written to {out}/", file=sys.stderr)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_INPUT
    return EXIT_OK
