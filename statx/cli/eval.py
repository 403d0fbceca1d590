"""`statx eval`: score predicted figures against gold annotations (the format of gold/SPEC.md)."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from statx.cli import EXIT_DATA, EXIT_USAGE, Run, VerboseOpt, app, fail, message
from statx.errors import StatxError, UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from statx.evaluate import Counts, Evaluation


@app.command("eval")
def eval_(
    pred: Annotated[str, typer.Argument(help="Predicted records: JSON lines or a JSON array; - for stdin.")],
    gold: Annotated[Path, typer.Option("--gold", "-g", help="Folder of <doc>.jsonl gold files.")],
    show: Annotated[bool, typer.Option("--show", help="List every missed and every extra figure.")] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object instead of a table.")
    ] = False,
    min_f1: Annotated[
        float | None, typer.Option("--min-f1", help="Exit 1 when the total F1 is below this (for CI).")
    ] = None,
    verbose: VerboseOpt = 0,
) -> None:
    """Score figures against gold annotations: precision, recall, F1 and field accuracy.

    Matching follows gold/SPEC.md: same document, same value and unit, overlapping spans
    (or the same written number when a prediction has no offsets). Gold documents without
    predictions count as missed; predicted documents without gold are not scored.

    Field accuracy is over matched figures: metric where the gold names one, qualifier on all,
    change and basis on the gold's changes, parent on the figures either side makes a part.
    """
    from statx.evaluate import evaluate, load_gold, read_records

    Run.verbosity = verbose
    try:
        gold_figures = load_gold(gold)
        result = evaluate(read_records(pred), gold_figures)
    except UsageError as e:
        fail(e, EXIT_USAGE)
    except StatxError as e:
        fail(e, EXIT_DATA)
    if as_json:
        sys.stdout.write(json.dumps(_as_dict(result, show), ensure_ascii=False) + "\n")
    else:
        _print_table(result, show)
    if result.unscored:
        names = ", ".join(result.unscored[:5]) + (", ..." if len(result.unscored) > 5 else "")
        message(f"{len(result.unscored)} predicted document(s) have no gold file, not scored: {names}")
    f1 = result.total.f1
    if min_f1 is not None and f1 < min_f1:
        message(f"F1 {f1:.3f} is below --min-f1 {min_f1}")
        raise typer.Exit(EXIT_DATA)


def _as_dict(result: Evaluation, show: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "total": result.total.to_dict(),
        "documents": [{"doc": d.doc, **d.counts.to_dict()} for d in result.docs],
        "unscored": result.unscored,
    }
    if show:
        out["misses"] = [{"doc": d.doc, **g} for d in result.docs for g in d.misses]
        out["extras"] = [{"doc": d.doc, **p} for d in result.docs for p in d.extras]
    return out


_COLUMNS = (
    *("doc", "tp", "fp", "fn", "precision", "recall", "F1"),
    *("metric", "qualifier", "change", "basis", "parent"),
)


def _rate(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _row(name: str, c: Counts) -> list[str]:
    return [
        name,
        str(c.tp),
        str(c.fp),
        str(c.fn),
        _rate(c.precision),
        _rate(c.recall),
        _rate(c.f1),
        _rate(c.metric_accuracy),
        _rate(c.qualifier_accuracy),
        _rate(c.change_accuracy),
        _rate(c.basis_accuracy),
        _rate(c.parent_accuracy),
    ]


def _console() -> Console:
    from rich.console import Console

    console = Console(highlight=False)
    if not console.is_terminal:
        console.width = max(console.width, 150)  # a log or a pipe: do not squeeze the table
    return console


def _print_table(result: Evaluation, show: bool) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for col in _COLUMNS:
        table.add_column(col, justify="left" if col == "doc" else "right", no_wrap=col == "doc")
    for d in result.docs:
        table.add_row(*_row(d.doc, d.counts))
    table.add_section()
    table.add_row(*_row("total", result.total), style="bold")
    console = _console()
    console.print(table)
    if show:
        for d in result.docs:
            for g in d.misses:
                console.print(Text(_listed("MISS ", d.doc, g)))
            for p in d.extras:
                console.print(Text(_listed("EXTRA", d.doc, p)))


def _listed(kind: str, doc: str, row: Mapping[str, Any]) -> str:
    """`MISS  doc  text@start  (value unit, metric)`: enough to find the figure in the article."""
    at = f"@{row['start']}" if isinstance(row.get("start"), int) else ""
    return (
        f"{kind}  {doc}  {row.get('text')}{at}  ({row.get('value')} {row.get('unit')}, {row.get('metric')})"
    )
