"""Tools for rule authors: what the rules hold, whether a rules folder is valid, whether examples pass.

Rule authors work in YAML, not in pytest; `statx rules list|check|test` give them the same
answers the test suite gives, from these functions.  Examples run through the whole engine
(`statx.examples.check_example`), so an author's new rule is also tested against every
built-in example it might disturb.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from statx.errors import RuleError
from statx.examples import check_example
from statx.rules import Example, RuleSet, load_rules

__all__ = ["ExampleResult", "Outcome", "check_rules", "metric_rows", "rule_rows", "run_examples"]


@dataclass(frozen=True, slots=True)
class RuleRow:
    """One line of `statx rules list` for a rule."""

    id: str
    kind: str
    priority: int
    file: str
    examples: int


@dataclass(frozen=True, slots=True)
class MetricRow:
    """One line of `statx rules list` for a metric."""

    key: str
    name: str
    file: str
    examples: int


def rule_rows(rules: RuleSet) -> list[RuleRow]:
    """The rules as the engine tries them: figures by priority, then exclusions."""
    return [RuleRow(r.id, r.kind, r.priority, r.file, len(r.examples)) for r in rules.rules]


def metric_rows(rules: RuleSet) -> list[MetricRow]:
    """The metrics in file order."""
    return [MetricRow(m.key, m.name, m.file, len(m.examples)) for m in rules.metrics]


def check_rules(folders: Sequence[str | Path] = ()) -> tuple[RuleSet | None, list[str]]:
    """Validate the built-in rules plus `folders`, as `--rules` would load them.

    A user folder is checked on top of the built-ins because that is how it is used: its
    patterns may name built-in fragments (`{NUM}`, `{UNIT}`) and its ids may replace
    built-in rules.

    Returns:
        The compiled rules and no problems, or None and every problem as
        `file:rule-id:field: message`.
    """
    try:
        return load_rules(folders, eager=True), []
    except RuleError as e:
        return None, list(e.problems)


class Outcome(enum.StrEnum):
    """How an example fared; `xfail` examples are known gaps, and a gap that closes is news."""

    passed = "passed"
    failed = "failed"
    xfailed = "xfailed"  # a known gap, still open: fine
    xpassed = "xpassed"  # a known gap that now passes: remove its `xfail:` (strict, as in the tests)

    @property
    def ok(self) -> bool:
        return self in (Outcome.passed, Outcome.xfailed)


@dataclass(frozen=True, slots=True)
class ExampleResult:
    """One example's outcome with the problems found (empty when it passed)."""

    example: Example
    outcome: Outcome
    problems: tuple[str, ...] = ()


def run_examples(
    rules: RuleSet,
    examples: Iterable[Example] | None = None,
    *,
    on_result: Callable[[ExampleResult], None] | None = None,
) -> list[ExampleResult]:
    """Run examples (every one the rules carry, by default) through the whole engine.

    Args:
        rules: the compiled rules the examples run against.
        examples: a subset to run; all of `rules.examples()` when None.
        on_result: called after each example, for progress output.

    Returns:
        One result per example, in order.
    """
    results = []
    for ex in rules.examples() if examples is None else examples:
        problems = tuple(check_example(ex, rules))
        if ex.xfail:
            outcome = Outcome.xfailed if problems else Outcome.xpassed
            if not problems:
                problems = (f"passes, but is marked xfail ({ex.xfail}): remove `xfail:`",)
        else:
            outcome = Outcome.failed if problems else Outcome.passed
        result = ExampleResult(ex, outcome, problems)
        if on_result is not None:
            on_result(result)
        results.append(result)
    return results


def summary(results: Sequence[ExampleResult]) -> str:
    """`12 passed, 1 failed, 2 xfailed`: every outcome that occurred, in a fixed order.

    >>> summary([])
    '0 passed'
    """
    counts = {o: sum(1 for r in results if r.outcome is o) for o in Outcome}
    parts = [f"{n} {o.value}" for o, n in counts.items() if n or o is Outcome.passed]
    return ", ".join(parts)
