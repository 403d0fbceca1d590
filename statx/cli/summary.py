"""`statx summary`: records (or articles) in, totals per group or one row per document out."""

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
    EncodingOpt,
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
def summary(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Records files (.jsonl .json .csv .parquet), articles or folders (extracted first), "
            "or - for stdin (records or an article, told apart by content)."
        ),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            metavar="FIELD[,FIELD...]",
            help="Group by these record fields (default: metric); always by unit too.",
        ),
    ] = None,
    pivot: Annotated[
        bool,
        typer.Option("--pivot", help="One row per document, one column per 'metric (unit)', values summed."),
    ] = False,
    where: Annotated[
        list[str] | None,
        typer.Option(
            "--where",
            metavar="FIELD=VALUE",
            help="Keep only these records, before grouping (repeatable; a field given twice: either value).",
        ),
    ] = None,
    output_format: Annotated[Format | None, typer.Option("--format", "-f", help=FORMAT_HELP)] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here (atomically) instead of stdout.")
    ] = None,
    bom: Annotated[bool, typer.Option("--bom", help="Start CSV with a byte-order mark (for Excel).")] = False,
    rules_dirs: RulesOpt = None,
    encoding: EncodingOpt = None,
    verbose: VerboseOpt = 0,
    quiet: QuietOpt = False,
) -> None:
    """Total the figures per metric and unit (count, sum, min, max, mean, docs), or pivot them."""
    from statx import aggregate
    from statx.export import choose_format, write_frame
    from statx.reader import read_inputs
    from statx.rules import load_rules

    Run.verbosity = verbose
    logging.basicConfig(level=logging.DEBUG if verbose >= 2 else logging.WARNING, stream=sys.stderr)
    failed: list[StatxError] = []

    def on_error(err: StatxError) -> None:
        failed.append(err)
        message(f"error: {err}")

    try:
        fmt = choose_format(output_format, output)
        if pivot and by is not None:
            raise UsageError("--by and --pivot do not combine: a pivot has one row per document")
        keys = aggregate.parse_by(by)
        conditions = aggregate.parse_where(where or [])
        rules = load_rules(rules_dirs, examples=False) if rules_dirs else None
        inputs = inputs_or_stdin(
            paths, "give records files or articles, or pipe records into `statx summary -`"
        )
        read = read_inputs(inputs, rules=rules, encoding=encoding, on_error=on_error)
        frame = aggregate.to_frame(aggregate.select(read, conditions))
        table = aggregate.pivot(frame) if pivot else aggregate.summary(frame, keys)
        n = write_frame(table, fmt, output, bom=bom, sheet="pivot" if pivot else "summary")
    except (UsageError, RuleError) as e:
        fail(e, EXIT_USAGE)
    except StatxError as e:
        fail(e, EXIT_DATA)
    if verbose and not quiet:
        message(f"{len(frame)} figures from {len(inputs)} input(s) -> {n} rows")
    if failed:
        raise typer.Exit(EXIT_DATA)
