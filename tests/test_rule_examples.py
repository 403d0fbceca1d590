"""Every example in rules/ is its own test: rules are data, and their examples are the spec."""

from __future__ import annotations

import pytest

from statx.examples import check_example
from statx.rules import Example, RuleSet, load_rules

EXAMPLES = load_rules().examples()


def _id(ex: Example) -> str:
    return f"{ex.owner}:{ex.text[:16]}"


@pytest.mark.parametrize(
    "example",
    [
        pytest.param(ex, marks=pytest.mark.xfail(reason=ex.xfail, strict=True)) if ex.xfail else ex
        for ex in EXAMPLES
    ],
    ids=[_id(ex) for ex in EXAMPLES],
)
def test_rule_example(example: Example, rules: RuleSet) -> None:
    problems = check_example(example, rules)
    assert not problems, "\n".join(problems)


def test_every_rule_has_examples(rules: RuleSet) -> None:
    for rule in rules.rules:
        assert rule.examples, rule.id
        assert any(not ex.expect for ex in rule.examples), f"{rule.id}: no negative example"
    for rule in rules.figures:
        assert any(ex.expect for ex in rule.examples), f"{rule.id}: no positive example"
