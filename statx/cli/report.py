"""`statx report`: one self-contained HTML page showing where every figure came from."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

import statx
from statx.cli import (
    EXIT_DATA,
    EXIT_USAGE,
    EncodingOpt,
    QuietOpt,
    RulesOpt,
    Run,
    VerboseOpt,
    app,
    fail,
    message,
)
from statx.errors import RuleError, SourceError, StatxError, UsageError


@app.command()
def report(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, folders (recursive: .txt .md .markdown .html .htm) or - for stdin."),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the page here (atomically) instead of stdout."),
    ] = None,
    rules_dirs: RulesOpt = None,
    encoding: EncodingOpt = None,
    verbose: VerboseOpt = 0,
    quiet: QuietOpt = False,
) -> None:
    """Write one HTML page: each article with its figures marked, a table of them, a chart per metric.

    The page is self-contained (inline CSS and SVG, no script, no network). An input that
    cannot be read is reported on stderr and named at the top of the page; exit status 1.
    """
    from statx.cli.progress import InputTracker
    from statx.export import atomic_output
    from statx.extract import extract_document
    from statx.report import ReportDoc, render_report
    from statx.rules import load_rules
    from statx.sources import Source, iter_sources

    Run.verbosity = verbose
    logging.basicConfig(level=logging.DEBUG if verbose >= 2 else logging.WARNING, stream=sys.stderr)
    docs: list[ReportDoc] = []
    problems: list[str] = []
    try:
        rules = load_rules(rules_dirs or (), examples=False)
        tracker = InputTracker(paths, quiet=quiet, verbose=verbose, output=output)
        with tracker:
            for item in iter_sources(tracker.paths(), encoding=encoding):
                # a rule that runs away or a bug on one article costs that article, not the page
                records = extract_document(item, rules)
                if isinstance(records, SourceError):
                    tracker.failed()
                    problems.append(str(records))
                    message(f"error: {records}")
                    continue
                assert isinstance(item, Source)
                tracker.add(len(records))
                first = records[0] if records else item
                docs.append(ReportDoc(item.doc, item.text, records, item.origin, first.title, first.date))
        with atomic_output(output) as out:
            out.write(render_report(docs, problems=problems, version=statx.__version__))
    except (UsageError, RuleError) as e:
        fail(e, EXIT_USAGE)
    except StatxError as e:
        fail(e, EXIT_DATA)
    if verbose and not quiet:
        n = sum(len(d.records) for d in docs)
        message(f"{n} figures from {len(docs)} document(s)" + (f" written to {output}" if output else ""))
    if problems:
        raise typer.Exit(EXIT_DATA)
