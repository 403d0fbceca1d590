"""The `statx` command: parse options, call the library, map errors to exit codes. Nothing else."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from statx import __version__
from statx.errors import RuleError, StatxError, UsageError
from statx.export import Format

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    help="Extract statistics from Chinese news articles and work reports as typed records.",
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class _Run:
    """Per-invocation state: verbosity and whether any input failed (exit status 1 at the end)."""

    verbosity = 0
    failed = 0

    @classmethod
    def error(cls, err: StatxError) -> None:
        cls.failed += 1
        message(f"error: {err}")


def message(text: str) -> None:
    """One line on stderr, prefixed like every Unix tool: stdout carries only data."""
    sys.stderr.write(f"statx: {text}\n")
    sys.stderr.flush()


def _fail(err: StatxError, code: int) -> NoReturn:
    if isinstance(err, RuleError):
        for problem in err.problems:
            message(f"error: {problem}")
    else:
        message(f"error: {err}")
    if _Run.verbosity >= 2:
        raise err
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"statx {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """statx: figures out of Chinese news text, as JSON lines, JSON or CSV."""


RulesOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--rules", help="A folder of your own rule files, added to the built-in rules (repeatable)."
    ),
]
VerboseOpt = Annotated[
    int, typer.Option("--verbose", "-v", count=True, help="-v per-file counts, -vv tracebacks.")
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No messages but errors.")]


def _inputs(paths: list[str] | None) -> list[str]:
    """The inputs to read: the paths given, or stdin when it is piped; never a silent wait on a terminal."""
    if paths:
        return paths
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError("no input: give files or folders, or pipe text into `statx extract -`")
    return ["-"]


@app.command()
def extract(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders (recursive: .txt .md .markdown .html .htm) or - for stdin."),
    ] = None,
    output_format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.jsonl,
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
    from statx.export import write_records
    from statx.extract import extract_paths
    from statx.rules import load_rules

    _Run.verbosity = verbose
    logging.basicConfig(level=logging.DEBUG if verbose >= 2 else logging.WARNING, stream=sys.stderr)
    try:
        rules = load_rules(rules_dirs or ())
        inputs = _inputs(paths)

        def on_error(err: StatxError) -> None:
            if strict:
                raise err
            _Run.error(err)

        records = extract_paths(inputs, rules=rules, encoding=encoding, on_error=on_error)
        n = write_records(records, output_format, output, bom=bom)
    except UsageError as e:
        _fail(e, EXIT_USAGE)
    except RuleError as e:
        _fail(e, EXIT_USAGE)
    except StatxError as e:
        _fail(e, EXIT_DATA)
    if verbose and not quiet:
        message(f"{n} figures from {len(inputs)} input(s)")
    if _Run.failed:
        raise typer.Exit(EXIT_DATA)


def main() -> None:
    """Console entry point: a bug is one line on stderr (exit 1) unless -vv asks for the traceback.

    Typer already maps Ctrl-C to exit 130, usage errors to 2 and a closed pipe (`| head`)
    to a quiet exit.
    """
    try:
        app()
    except Exception as e:
        if _Run.verbosity >= 2 or "-vv" in sys.argv[1:]:
            raise
        message(f"internal error: {type(e).__name__}: {e} (run again with -vv for the traceback)")
        sys.exit(EXIT_DATA)
