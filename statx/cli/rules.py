"""`statx rules list|check|test`: for rule authors, who work in YAML and need no pytest."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from statx.cli import EXIT_DATA, EXIT_USAGE, RulesOpt, Run, VerboseOpt, app, fail, message
from statx.errors import RuleError

rules_app = typer.Typer(
    no_args_is_help=True,
    help="List, check and test rules (the built-in ones and your own folders).",
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(rules_app, name="rules")

FoldersArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Your rule folders (or .yaml files), taken on top of the built-in rules."),
]


@rules_app.command("list")
def list_rules(rules_dirs: RulesOpt = None) -> None:
    """List the rules (in the order they are tried) and the metrics, with their example counts."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    from statx.authoring import metric_rows, rule_rows
    from statx.rules import load_rules

    try:
        rules = load_rules(rules_dirs or ())
    except RuleError as e:
        fail(e, EXIT_USAGE)
    console = Console(highlight=False)
    if not console.is_terminal:
        console.width = max(console.width, 120)
    table = Table(
        "rule",
        "kind",
        "priority",
        "file",
        "examples",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        title="rules",
    )
    for r in rule_rows(rules):
        table.add_row(r.id, r.kind, str(r.priority), r.file, str(r.examples))
    console.print(table)
    metrics = metric_rows(rules)
    if metrics:
        table = Table(
            "metric",
            "name",
            "file",
            "examples",
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
            title="metrics",
        )
        for m in metrics:
            table.add_row(m.key, m.name, m.file, str(m.examples))
        console.print(table)
    n_examples = sum(r.examples for r in rule_rows(rules)) + sum(m.examples for m in metrics)
    console.print(f"{len(rules.rules)} rules, {len(metrics)} metrics, {n_examples} examples")


@rules_app.command("check")
def check(folders: FoldersArg = None) -> None:
    """Validate rule folders on top of the built-in rules (no folder: the built-in rules alone).

    Prints every problem as file:rule-id:field: message and exits 1, or prints one ok line.
    """
    from statx.authoring import check_rules

    rules, problems = check_rules(folders or ())
    if rules is None:
        for problem in problems:
            sys.stdout.write(problem + "\n")
        message(f"{len(problems)} problem{'' if len(problems) == 1 else 's'}")
        raise typer.Exit(EXIT_DATA)
    n_examples = len(rules.examples())
    sys.stdout.write(
        f"ok: {len(rules.figures)} figure rules, {len(rules.exclusions)} exclusions, "
        f"{len(rules.metrics)} metrics, {n_examples} examples\n"
    )


_LABELS = {"passed": "PASS", "failed": "FAIL", "xfailed": "XFAIL", "xpassed": "XPASS"}


@rules_app.command("test")
def test(
    folders: FoldersArg = None,
    select: Annotated[
        str | None,
        typer.Option("--select", "-k", help="Only examples whose owner file:rule-id contains this text."),
    ] = None,
    verbose: VerboseOpt = 0,
) -> None:
    """Run every rule and metric example through the whole engine; exit 1 if any fails.

    Your folders are tested together with the built-in rules, whose examples run too: a new
    rule that adds a figure to a built-in example breaks it.
    """
    from statx.authoring import ExampleResult, run_examples, summary
    from statx.rules import load_rules

    Run.verbosity = verbose
    try:
        rules = load_rules(folders or ())
    except RuleError as e:
        fail(e, EXIT_USAGE)
    examples = [ex for ex in rules.examples() if not select or select in ex.owner]
    if select and not examples:
        message(f"no example owner contains {select!r}")

    def report(result: ExampleResult) -> None:
        ex = result.example
        if result.outcome.ok and verbose == 0:
            return
        sys.stdout.write(f"{_LABELS[result.outcome]} {ex.owner}: {ex.text}\n")
        if not result.outcome.ok or verbose >= 1:
            for problem in result.problems:
                sys.stdout.write(f"    {problem}\n")

    results = run_examples(rules, examples, on_result=report)
    sys.stdout.write(summary(results) + "\n")
    if not all(r.outcome.ok for r in results):
        raise typer.Exit(EXIT_DATA)
