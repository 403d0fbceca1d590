"""`statx extract`: articles in, one record per figure out."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from statx.cli import (
    EXIT_DATA,
    EXIT_USAGE,
    FORMAT_HELP,
    QuietOpt,
    RulesOpt,
    Run,
    VerboseOpt,
    app,
    fail,
    inputs_or_stdin,
    message,
)
from statx.errors import RuleError, StatxError, UsageError
from statx.export import Format


@app.command()
def extract(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders (recursive: .txt .md .markdown .html .htm) or - for stdin."),
    ] = None,
    output_format: Annotated[Format | None, typer.Option("--format", "-f", help=FORMAT_HELP)] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here (atomically) instead of stdout.")
    ] = None,
    rules_dirs: RulesOpt = None,
    encoding: Annotated[
        str | None, typer.Option("--encoding", help="Read input in this encoding (default: UTF-8).")
    ] = None,
    bom: Annotated[bool, typer.Option("--bom", help="Start CSV with a byte-order mark (for Excel).")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first bad input.")] = False,
    verbose: VerboseOpt = 0,
    quiet: QuietOpt = False,
) -> None:
    """Extract every figure from articles as typed records, one per figure."""
    from statx.cli.progress import InputTracker
    from statx.export import choose_format, write_records
    from statx.extract import extract_paths
    from statx.rules import load_rules

    Run.verbosity = verbose
    logging.basicConfig(level=logging.DEBUG if verbose >= 2 else logging.WARNING, stream=sys.stderr)
    try:
        fmt = choose_format(output_format, output)
        rules = load_rules(rules_dirs or ())
        inputs = inputs_or_stdin(paths)
        tracker = InputTracker(inputs, quiet=quiet, verbose=verbose, output=output)

        failed: list[StatxError] = []

        def on_error(err: StatxError) -> None:
            if strict:
                raise err
            tracker.failed()
            failed.append(err)
            message(f"error: {err}")

        with tracker:
            records = extract_paths(tracker.paths(), rules=rules, encoding=encoding, on_error=on_error)
            n = write_records(tracker.count(records), fmt, output, bom=bom)
    except UsageError as e:
        fail(e, EXIT_USAGE)
    except RuleError as e:
        fail(e, EXIT_USAGE)
    except StatxError as e:
        fail(e, EXIT_DATA)
    if verbose and not quiet:
        message(f"{n} figures from {len(tracker.items)} input(s)")
    if failed:
        raise typer.Exit(EXIT_DATA)
