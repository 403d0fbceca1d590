"""Every example in rules/ is its own test: rules are data, and their examples are the spec."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from statx.errors import RuleError
from statx.examples import check_example
from statx.extract import extract_text
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


def test_rules_loaded_to_extract_drop_the_examples_and_read_the_same(rules: RuleSet) -> None:
    lean = load_rules(examples=False)
    assert [r.id for r in lean.rules] == [r.id for r in rules.rules]
    assert [m.key for m in lean.metrics] == [m.key for m in rules.metrics]
    assert not any(r.examples for r in lean.rules) and not any(m.examples for m in lean.metrics)
    with pytest.raises(ValueError, match="without their examples"):
        lean.examples()  # an empty list would pass every test run on it
    text = "今年以来共查处酒驾违法行为1234起，同比下降12.5%，其中醉驾56起。"
    assert extract_text(text, rules=lean) == extract_text(text, rules=rules)


def test_rules_loaded_without_examples_are_still_checked_for_them(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(
        "rules:\n  - id: mine.count\n    pattern: '(?P<num>\\d+)(?P<unit>盏)'\n"
        "    examples: [{text: 路灯30盏, expect: [{text: 30盏, value: 30, unit: 盏}]}]\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match=r"mine\.count:examples: a figure rule needs a negative example"):
        load_rules([tmp_path], examples=False)


def test_a_unit_that_starts_with_a_chinese_numeral_unit_must_take_them_too(tmp_path: Path) -> None:
    # with 户 open to any Chinese numeral and 户次 not, 三百户次 would read as 三百户
    (tmp_path / "lexicon.yaml").write_text("units:\n  - {word: 户次}\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"lexicon\.yaml:户次:chinese_numerals: must be true"):
        load_rules([tmp_path])


def test_a_qualifier_word_is_not_read_at_the_end_of_a_word_its_not_after_lists(rules: RuleSet) -> None:
    # 商超 (supermarkets) ends in 超, which is no 超过 there; 超 alone still is
    got = {r.text: r.qualifier for r in extract_text("检查商超412家，超1000人参与", rules=rules)}
    assert got == {"412家": "exact", "超1000人": "over"}


def test_a_qualifier_entry_must_name_its_word(tmp_path: Path) -> None:
    (tmp_path / "lexicon.yaml").write_text(
        "qualifiers:\n  over:\n    before: [{not_after: [商]}]\n", encoding="utf-8"
    )
    with pytest.raises(RuleError, match=r"lexicon\.yaml:qualifiers\.over:before: expected `\{word"):
        load_rules([tmp_path])


def test_built_in_patterns_compile_when_first_needed_and_all_for_a_check() -> None:
    # in a fresh process: this one's rules are warm from the other tests
    script = (
        "from statx.rules import compiled, load_rules\n"
        "from statx.extract import extract_text\n"
        "rules = load_rules()\n"
        "assert compiled.cache_info().currsize == 0\n"
        "extract_text('今年共查处违法行为1234起', rules=rules)\n"
        "used = compiled.cache_info().currsize\n"
        "assert 0 < used < len(rules.figures) + len(rules.exclusions), used\n"
        "load_rules(eager=True)\n"
        "assert compiled.cache_info().currsize == len(rules.figures) + len(rules.exclusions)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
