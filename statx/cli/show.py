"""`statx show`: one article in the terminal, every figure highlighted with what statx read."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from statx.cli import EXIT_DATA, EXIT_USAGE, EncodingOpt, RulesOpt, Run, VerboseOpt, app, fail, message
from statx.errors import RuleError, SourceError, StatxError, UsageError


@app.command()
def show(
    path: Annotated[str, typer.Argument(help="The article: a file, or - for stdin.")],
    metrics: Annotated[
        list[str] | None,
        typer.Option("--metric", "-m", help="Mark only figures of this metric (repeatable)."),
    ] = None,
    rules_dirs: RulesOpt = None,
    encoding: EncodingOpt = None,
    verbose: VerboseOpt = 0,
) -> None:
    """Show an article with every figure highlighted and its metric, value and unit beside it.

    On a terminal figures are coloured; piped or redirected, each is written
    【text|metric value unit qualifier】 so the output stays greppable.
    """
    from rich.console import Console
    from rich.text import Text

    from statx.display import plain, rich_text
    from statx.extract import extract_source
    from statx.rules import load_rules
    from statx.sources import iter_sources
    from statx.view import layout

    Run.verbosity = verbose
    logging.basicConfig(level=logging.DEBUG if verbose >= 2 else logging.WARNING, stream=sys.stderr)
    try:
        if path.strip() not in ("", "-") and Path(path).is_dir():
            raise UsageError(f"{path}: show takes one article; for a folder use `statx report {path}`")
        rules = load_rules(rules_dirs or (), examples=False)
        sources = iter_sources([path], encoding=encoding)
        source = next(sources)
        if isinstance(source, SourceError):
            raise source
        records = extract_source(source, rules)
        if next(sources, None) is not None:  # a corpus (JSON lines, CSV): say which one is shown
            message(f"{path}: shown its first article ({source.doc}); `statx report {path}` shows them all")
    except (UsageError, RuleError) as e:
        fail(e, EXIT_USAGE)
    except StatxError as e:
        fail(e, EXIT_DATA)
    shown = [r for r in records if not metrics or r.metric in metrics]
    if metrics and not shown:
        message(f"no figure with metric {', '.join(metrics)} (of {len(records)} figures)")
    pieces = layout(source.text, shown)
    console = Console(highlight=False, soft_wrap=False)
    first = records[0] if records else source
    heading = " · ".join(x for x in (source.doc, first.title, first.date) if x)
    count = f"{len(shown)} of {len(records)} figures" if metrics else f"{len(records)} figures"
    if console.is_terminal:
        console.rule(Text(f"{heading} · {count}"), style="dim")
        console.print(rich_text(pieces))
    else:
        sys.stdout.write(f"# {heading} · {count}\n\n{plain(pieces)}\n")
