"""The `statx` command: parse options, call the library, map errors to exit codes. Nothing else.

One module per command (`extract.py`, ...), each registering itself on `app`; this module
holds what they share: the app, exit codes, error reporting, common options.
"""

from __future__ import annotations

import contextlib
import inspect
import logging
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import Annotated, Any, NoReturn

import typer
from typer._click.core import Command, Context  # typer >= 0.26 vendors click
from typer._click.exceptions import NoArgsIsHelpError
from typer._click.exceptions import UsageError as ClickUsageError
from typer.core import TyperGroup

import statx
from statx.errors import RuleError, StatxError, UsageError


class _OneLineErrors(TyperGroup):
    """Usage errors as one line on stderr, like every other statx error, not a boxed panel.

    Click runs here without its standalone mode so that its errors reach this method, which
    then does what standalone mode does: map them to exit codes and exit.
    """

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except NoArgsIsHelpError as e:  # `statx` alone: the help, as before
            e.show()
            sys.exit(e.exit_code)
        except ClickUsageError as e:
            message(f"error: {' '.join(e.format_message().split())} (see `{_command(e.ctx)} -h`)")
            sys.exit(e.exit_code)
        except typer.TyperException as e:  # click's other errors (a file it could not open)
            message("error: " + " ".join(e.format_message().split()))
            sys.exit(e.exit_code)
        except typer.Abort:
            message("aborted")
            sys.exit(EXIT_DATA)
        sys.exit(code if isinstance(code, int) else 0)  # an Exit's code; 0 when a command returns

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        """The command, its help's paragraphs each one line: the terminal wraps them, not the source.

        Typer's rich help keeps a docstring's line breaks, so a paragraph broke where the source
        line ended (`An input that⏎cannot be read`) and again at the terminal's width.
        """
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _unwrap_help(command)
        return command


def _unwrap_help(command: Command) -> None:
    """Join the lines of each paragraph of a command's help, and of its subcommands' (`statx rules`)."""
    if command.help:
        command.help = "\n\n".join(" ".join(p.split()) for p in inspect.cleandoc(command.help).split("\n\n"))
    for sub in getattr(command, "commands", {}).values():
        _unwrap_help(sub)


def _command(ctx: Context | None) -> str:
    """`statx extract`: the command a context runs, named as the user types it."""
    names = []
    while ctx is not None and ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(["statx", *reversed(names)])


app = typer.Typer(
    cls=_OneLineErrors,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    help="Extract statistics from Chinese news articles and work reports as typed records.",
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class Run:
    """The verbosity of this invocation, which `main` needs to decide on tracebacks."""

    verbosity = 0


def message(text: str) -> None:
    """One line on stderr, prefixed like every Unix tool: stdout carries only data."""
    sys.stderr.write(f"statx: {text}\n")
    sys.stderr.flush()


class _LineFormatter(logging.Formatter):
    """`statx: warning: a.txt: ...`, the shape of every other message."""

    def format(self, record: logging.LogRecord) -> str:
        return f"statx: {record.levelname.lower()}: {record.getMessage()}" + (
            "\n" + self.formatException(record.exc_info) if record.exc_info else ""
        )


def log_to_stderr(verbosity: int) -> None:
    """Show the library's warnings on stderr (and its debug lines and tracebacks with -vv)."""
    logger = logging.getLogger("statx")
    for old in [h for h in logger.handlers if isinstance(h.formatter, _LineFormatter)]:
        logger.removeHandler(old)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_LineFormatter())
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbosity >= 2 else logging.WARNING)


def fail(err: StatxError, code: int) -> NoReturn:
    if isinstance(err, RuleError):
        for problem in err.problems:
            message(f"error: {problem}")
    else:
        message(f"error: {err}")
    if Run.verbosity >= 2:
        raise err
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"statx {statx.__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """statx: figures out of Chinese news text, as records, totals and spreadsheets."""


EncodingOpt = Annotated[
    str | None,
    typer.Option("--encoding", help="Read articles in this encoding (default: detect; UTF-8 first)."),
]
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
FORMAT_HELP = (
    "Output format; default: by the -o file's ending, else table on a terminal, jsonl in a pipe. "
    "parquet and xlsx need -o."
)


def inputs_or_stdin(
    paths: list[str] | None, hint: str = "give files or folders, or pipe text into `statx extract -`"
) -> list[str]:
    """The inputs to read: the paths given, or stdin when it is piped; never a silent wait on a terminal."""
    if paths:
        return paths
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError(f"no input: {hint}")
    return ["-"]


def _terminated(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)  # unwinds like Ctrl-C: a temporary output file is removed


def main() -> None:
    """Console entry point: a bug is one line on stderr (exit 1) unless -vv asks for the traceback.

    Typer already maps Ctrl-C to exit 130, usage errors to 2 and a closed pipe (`| head`)
    to a quiet exit; `kill` (SIGTERM) unwinds like Ctrl-C, with exit status 143.
    """
    from statx.export import write_errors

    signal.signal(signal.SIGTERM, _terminated)
    try:
        with write_errors("stdout"):  # what a command prints itself (show, rules, eval)
            app()
    except StatxError as e:  # stdout could not be written: a full disk, not a bug
        message(f"error: {e}")
        sys.exit(EXIT_DATA)
    except SystemExit as e:
        if e.code in (EXIT_INTERRUPTED, 128 + signal.SIGTERM):
            # Interrupted: the output file is already cleaned up. Leave now, so that the
            # interpreter's exit does not wait on worker plumbing an interruption can break.
            for stream in (sys.stdout, sys.stderr):
                with contextlib.suppress(Exception):
                    stream.flush()
            os._exit(int(e.code))
        raise
    except Exception as e:
        if Run.verbosity >= 2 or "-vv" in sys.argv[1:]:
            raise
        message(f"internal error: {type(e).__name__}: {e} (run again with -vv for the traceback)")
        sys.exit(EXIT_DATA)


# Commands register themselves on `app` when imported.
from statx.cli import eval as _eval  # noqa: E402,F401
from statx.cli import extract as _extract  # noqa: E402,F401
from statx.cli import report as _report  # noqa: E402,F401
from statx.cli import rules as _rules  # noqa: E402,F401
from statx.cli import show as _show  # noqa: E402,F401
from statx.cli import summary as _summary  # noqa: E402,F401
