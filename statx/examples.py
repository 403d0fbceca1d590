"""Run the examples that rules and metrics carry; shared by the test suite and `statx rules test`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from statx.extract import extract_text
from statx.records import Record
from statx.rules import Example, RuleSet


def _same(expected: Any, got: Any) -> bool:
    if isinstance(expected, int | float) and isinstance(got, int | float):
        return expected == got or abs(expected - got) <= 1e-9 * max(abs(expected), abs(got))
    return bool(expected == got)


def check_example(example: Example, rules: RuleSet) -> list[str]:
    """Extract the example's text with the whole engine and list every way it differs from `expect`.

    `expect` names every figure of the text: a missing one or an extra one is a problem,
    and each field an expected record gives must equal the record's.

    Returns:
        Problems as readable lines; empty when the example passes.
    """
    records = extract_text(example.text, "example", rules=rules, date=example.date)
    problems = [
        f"record {r.text!r} is not grounded: source[{r.start}:{r.end}] is {example.text[r.start : r.end]!r}"
        for r in records
        if example.text[r.start : r.end] != r.text
    ]
    by_text: dict[str, list[Record]] = {}
    for r in records:
        by_text.setdefault(r.text, []).append(r)
    for want in example.expect:
        found = by_text.get(str(want["text"]))
        if not found:
            problems.append(f"missing {want['text']!r}; found {[r.text for r in records]}")
            continue
        rec = found.pop(0)
        problems += _field_problems(want, rec)
    extras = [r.text for rs in by_text.values() for r in rs]
    if extras:
        problems.append(f"unexpected figures {extras}")
    return problems


def _field_problems(want: Mapping[str, Any], rec: Record) -> list[str]:
    got = rec.to_dict()
    return [
        f"{want['text']!r}: {name} is {got.get(name)!r}, expected {value!r}"
        for name, value in want.items()
        if name != "text" and not _same(value, got.get(name))
    ]
