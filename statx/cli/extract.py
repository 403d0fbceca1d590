"""`statx extract`: articles in, one record per figure out."""

from __future__ import annotations

import errno
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
    log_to_stderr,
    message,
)
from statx.errors import RuleError, StatxError, UsageError
from statx.export import Format
from statx.matcher import MATCH_TIMEOUT
from statx.workers import Engine


@app.command()
def extract(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders, globs, corpora (.jsonl .csv, also .gz) or - for stdin."),
    ] = None,
    output_format: Annotated[Format | None, typer.Option("--format", "-f", help=FORMAT_HELP)] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here (atomically) instead of stdout.")
    ] = None,
    rules_dirs: RulesOpt = None,
    encoding: EncodingOpt = None,
    text_field: Annotated[str, typer.Option(help="Corpus field or column holding the text.")] = "text",
    id_field: Annotated[str, typer.Option(help="Corpus field or column holding the article id.")] = "id",
    timeout: Annotated[
        float, typer.Option(min=0, help="Seconds one rule may run on one document (0: no limit).")
    ] = MATCH_TIMEOUT,
    bom: Annotated[bool, typer.Option("--bom", help="Start CSV with a byte-order mark (for Excel).")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first bad input.")] = False,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="Worker processes (0: one per core); same output.")
    ] = 1,
    engine: Annotated[Engine, typer.Option(help="Run here or on a Dask cluster.")] = Engine.local,
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler (tcp://host:8786); default: a local cluster of --jobs.")
    ] = None,
    verbose: VerboseOpt = 0,
    quiet: QuietOpt = False,
) -> None:
    """Extract every figure from articles as typed records, one per figure.

    With -f parquet and -o a folder (or a name without .parquet), a Parquet dataset is
    written: one file per unit of work.
    """
    from statx.cli.progress import InputTracker
    from statx.encodings import check_encoding
    from statx.export import choose_format
    from statx.parallel import is_dataset, start_workers, write_parallel
    from statx.rules import load_rules
    from statx.sources import Fields

    Run.verbosity = verbose
    log_to_stderr(verbose)
    failed = 0
    try:
        start_workers(jobs, engine)  # they get ready while this process reads its first input
        dataset = output_format is Format.parquet and output is not None and is_dataset(output)
        fmt = Format.parquet if dataset else choose_format(output_format, output)
        if encoding:
            check_encoding(encoding)
        # A user's folders are checked here, before any output; the built-ins load where they
        # are first needed: in this process only if it extracts (not under --jobs 2 or Dask)
        rules = load_rules(rules_dirs, examples=False) if rules_dirs else None
        inputs = inputs_or_stdin(paths)
        tracker = InputTracker(inputs, quiet=quiet, verbose=verbose, output=output)

        def on_error(err: StatxError) -> None:
            nonlocal failed
            if strict:
                raise err
            tracker.failed()
            failed += 1
            message(f"error: {err}")

        inputs_done = tracker.paths()  # next() closes the current input and opens the next
        at = -1

        def on_input(item: int, count: int) -> None:
            nonlocal at
            while at < item:
                next(inputs_done, None)
                at += 1
            tracker.add(count)

        with tracker:
            n = write_parallel(
                tracker.items,
                fmt,
                output,
                rules=rules_dirs or (),
                loaded=rules,
                encoding=encoding,
                fields=Fields(text=text_field, id=id_field),
                timeout=timeout or None,
                bom=bom,
                jobs=jobs,
                engine=engine,
                scheduler=scheduler,
                on_error=on_error,
                on_input=on_input,
            )
            for _ in inputs_done:  # inputs that gave nothing at all still get their line
                pass
    except OSError as e:
        if e.errno == errno.EPIPE:
            raise  # `| head` closed the pipe: typer exits quietly
        fail(StatxError(f"{output or 'stdout'}: cannot write: {e.strerror or e}"), EXIT_DATA)
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
