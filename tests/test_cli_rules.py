"""`statx rules list|check|test` through typer's CliRunner, on the built-in rules and on user folders."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from statx.cli import app
from statx.rules import RuleSet

runner = CliRunner()

GOOD_RULE = """\
rules:
  - id: my.birds
    pattern: '(?P<num>\\d+)只鸟'
    unit: 只
    priority: 30
    examples:
      - {text: 救助32只鸟, expect: [{text: 32只鸟, value: 32}]}
      - {text: 没有鸟, expect: []}
"""


def _folder(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "mine.yaml").write_text(text, encoding="utf-8")
    return folder


def test_list_names_every_rule_with_its_example_count(rules: RuleSet) -> None:
    result = runner.invoke(app, ["rules", "list"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    for rule in rules.rules:
        row = next(line for line in lines if line.split()[:1] == [rule.id])
        assert row.split()[1:] == [rule.kind, str(rule.priority), rule.file, str(len(rule.examples))]
    for metric in rules.metrics:
        assert any(line.split()[:1] == [metric.key] for line in lines)
    assert (
        f"{len(rules.rules)} rules, {len(rules.metrics)} metrics, {len(rules.examples())} examples"
        in result.stdout
    )


def test_list_includes_a_user_folder(tmp_path: Path) -> None:
    mine = _folder(tmp_path, "mine", GOOD_RULE)
    result = runner.invoke(app, ["rules", "list", "--rules", str(mine)])
    assert result.exit_code == 0
    assert any(line.split()[:2] == ["my.birds", "figure"] for line in result.stdout.splitlines())


def test_check_ok_for_builtin_and_good_folder(tmp_path: Path, rules: RuleSet) -> None:
    result = runner.invoke(app, ["rules", "check"])
    assert result.exit_code == 0
    assert result.stdout.startswith(
        f"ok: {len(rules.figures)} figure rules, {len(rules.exclusions)} exclusions"
    )
    mine = _folder(tmp_path, "mine", GOOD_RULE)
    result = runner.invoke(app, ["rules", "check", str(mine)])
    assert result.exit_code == 0 and f"ok: {len(rules.figures) + 1} figure rules" in result.stdout


def test_check_lists_every_problem_as_file_rule_field(tmp_path: Path) -> None:
    bad = _folder(
        tmp_path,
        "bad",
        "rules:\n"
        "  - id: bad.regex\n    pattern: '(?P<num>\\d+'\n"
        "  - id: bad.fragment\n    pattern: '(?P<num>{NOPE})个'\n    colour: red\n"
        "    examples: [{text: 1个, expect: []}]\n",
    )
    result = runner.invoke(app, ["rules", "check", str(bad)])
    assert result.exit_code == 1
    problems = result.stdout.splitlines()
    where = f"{bad / 'mine.yaml'}"
    assert f"{where}:bad.regex:pattern: invalid regex" in result.stdout
    assert f"{where}:bad.regex:examples: every rule needs at least one example" in result.stdout
    assert f"{where}:bad.fragment:pattern: unknown fragment {{NOPE}}" in result.stdout
    assert f"{where}:bad.fragment:colour: unknown field" in result.stdout
    assert all(p.startswith(f"{where}:bad.") for p in problems)
    assert f"statx: {len(problems)} problems" in result.stderr


def test_check_names_a_bad_chinese_numerals_setting(tmp_path: Path) -> None:
    bad = _folder(tmp_path, "bad", "units:\n  - {word: 羽, chinese_numerals: yes please}\n")
    result = runner.invoke(app, ["rules", "check", str(bad)])
    assert result.exit_code == 1
    assert f"{bad / 'mine.yaml'}:羽:chinese_numerals: use true, false or long" in result.stdout


def test_test_runs_every_example(rules: RuleSet) -> None:
    result = runner.invoke(app, ["rules", "test"])
    assert result.exit_code == 0, result.stdout
    n = len(rules.examples())
    xfail = sum(1 for ex in rules.examples() if ex.xfail)
    expected = f"{n - xfail} passed" + (f", {xfail} xfailed" if xfail else "")
    assert result.stdout.strip().splitlines()[-1] == expected
    verbose = runner.invoke(app, ["rules", "test", "-v", "-k", "figures.yaml:count.arabic"])
    lines = verbose.stdout.splitlines()
    assert lines[0].startswith("PASS rules/figures.yaml:count.arabic: ")
    arabic = next(r for r in rules.rules if r.id == "count.arabic")
    assert lines[-1] == f"{len(arabic.examples)} passed"


def test_test_reports_a_failing_example_with_its_owner_and_exits_1(tmp_path: Path) -> None:
    wrong = GOOD_RULE.replace("value: 32", "value: 33")
    mine = _folder(tmp_path, "mine", wrong)
    result = runner.invoke(app, ["rules", "test", str(mine)])
    assert result.exit_code == 1
    where = f"{mine / 'mine.yaml'}:my.birds"
    assert f"FAIL {where}: 救助32只鸟" in result.stdout
    assert "'32只鸟': value is 32, expected 33" in result.stdout
    assert result.stdout.strip().splitlines()[-1].endswith("1 failed")


def test_test_treats_xfail_strictly(tmp_path: Path) -> None:
    gap = GOOD_RULE.replace(
        "      - {text: 没有鸟, expect: []}\n",
        "      - {text: 没有鸟, expect: []}\n"
        "      - {text: 救助三十只鸟, expect: [{text: 三十只鸟, value: 30}],\n"
        "         xfail: Chinese numerals not yet}\n",
    )
    mine = _folder(tmp_path, "gap", gap)
    result = runner.invoke(app, ["rules", "test", str(mine), "-k", "my.birds"])
    assert result.exit_code == 0 and result.stdout.strip() == "2 passed, 1 xfailed"
    closed = gap.replace("救助三十只鸟, expect: [{text: 三十只鸟, value: 30}]", "没有数字, expect: []")
    mine2 = _folder(tmp_path, "closed", closed)
    result = runner.invoke(app, ["rules", "test", str(mine2), "-k", "my.birds"])
    assert result.exit_code == 1
    assert "XPASS" in result.stdout and "remove `xfail:`" in result.stdout


def test_test_with_invalid_rules_is_a_usage_error(tmp_path: Path) -> None:
    bad = _folder(tmp_path, "bad", "rules:\n  - id: x\n    pattern: '(?P<num>\\d+'\n")
    result = runner.invoke(app, ["rules", "test", str(bad)])
    assert result.exit_code == 2 and ":x:pattern: invalid regex" in result.stderr


def test_a_user_word_list_adds_to_the_builtin_one(tmp_path: Path) -> None:
    """`words:` in a user folder extend the list of the same name; the built-in words stay."""
    from statx import extract_text, load_rules

    text = "对3名酒驾摊主处以行政拘留，对5名酒驾驾驶人处以行政拘留"
    mine = _folder(tmp_path, "mine", "words:\n  object_people: [摊主]\n")
    before = [r.metric for r in extract_text(text, rules=load_rules())]
    after = [r.metric for r in extract_text(text, rules=load_rules([mine]))]
    assert before == ["drink_driving", "detentions"]
    assert after == ["detentions", "detentions"]


def test_a_cue_that_may_start_anywhere_is_still_found(tmp_path: Path) -> None:
    """A cue with no fixed first character makes every cue be searched as one alternation."""
    from statx import extract_text, load_rules

    metric = """\
metrics:
  - key: birds_rescued
    name: 救助鸟类
    units: [只]
    cues: ['.{0,2}鸟']
    examples:
      - {text: 救助野鸟32只, expect: [{text: 32只, metric: birds_rescued}]}
      - {text: 查处违法32起, expect: [{text: 32起, metric: violations_handled}]}
"""
    rules = load_rules([_folder(tmp_path, "mine", metric)])
    recs = extract_text("救助野鸟32只，查处交通违法58起", rules=rules)
    assert [r.metric for r in recs] == ["birds_rescued", "violations_handled"]


def test_check_names_a_bad_part_of(tmp_path: Path) -> None:
    """`part_of` must name a known whole and carry valid cues; each fault is reported where it is."""
    bad = _folder(
        tmp_path,
        "bad",
        """\
metrics:
  - key: drunk_parts
    name: 醉驾部分
    units: [件]
    cues: [醉驾部分]
    part_of: {metric: no_such_metric, cues: ['(移送']}
    examples:
      - {text: 醉驾部分3件, expect: [{text: 3件, metric: drunk_parts}]}
      - {text: 查处违法32起, expect: [{text: 32起, metric: violations_handled}]}
  - key: odd_parts
    name: 其他部分
    units: [件]
    cues: [其他部分]
    part_of: drink_driving
    examples:
      - {text: 其他部分3件, expect: [{text: 3件, metric: odd_parts}]}
      - {text: 查处违法32起, expect: [{text: 32起, metric: violations_handled}]}
""",
    )
    result = runner.invoke(app, ["rules", "check", str(bad)])
    assert result.exit_code == 1
    where = f"{bad / 'mine.yaml'}"
    assert f"{where}:drunk_parts:part_of.cues[0]: invalid regex" in result.stdout
    assert f"{where}:drunk_parts:part_of: no metric has key 'no_such_metric'" in result.stdout
    assert f"{where}:odd_parts:part_of: needs {{metric: KEY, cues: [pattern, ...]}}" in result.stdout


def test_a_part_under_a_whole_takes_the_narrower_metric_its_words_say(tmp_path: Path) -> None:
    """A part whose own words only say it was sent on narrows its whole (drink -> drunk), nothing else."""
    from statx import extract_text, load_rules

    rules = load_rules()
    recs = extract_text(
        "取締酒後駕車412件，其中移送法辦158件；查處違規停車300件，其中移送法辦2件", rules=rules
    )
    assert [(r.text, r.metric) for r in recs] == [
        ("412件", "drink_driving"),
        ("158件", "drunk_driving"),
        ("300件", "illegal_parking"),
        ("2件", "illegal_parking"),
    ]


def test_a_section_of_the_wrong_type_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    """`rules: 5`, a list under `fragments:`, a misspelt section: each a line naming the file."""
    mine = _folder(tmp_path, "mine", "rules: 5\nfragments: [1]\nmetrics: {a: 1}\nexclusions: []\n")
    shown = mine / "mine.yaml"
    result = runner.invoke(app, ["rules", "check", str(mine)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{shown}:exclusions:-: unknown section (allowed: fragments, metrics, qualifiers, rules, units, "
        "words)",
        f"{shown}:fragments:-: must be a mapping (name: ...), not list",
        f"{shown}:rules:-: must be a list (- ...), not int",
        f"{shown}:metrics:-: must be a list (- ...), not dict",
    ]
    result = runner.invoke(app, ["extract", "-", "--rules", str(mine)], input="共1起")
    assert result.exit_code == 2 and result.stdout == ""
    assert "internal error" not in result.stderr


def test_a_file_level_problem_names_the_file_by_its_path(tmp_path: Path) -> None:
    """Two folders each with a broken `mine.yaml`: the message says which one."""
    first = _folder(tmp_path, "first", "- a list\n- not a mapping\n")
    second = _folder(tmp_path, "second", "rules: [\n")
    (tmp_path / "third").mkdir()
    (tmp_path / "third" / "mine.yaml").write_bytes(b"\xff\xfe rules")
    result = runner.invoke(app, ["rules", "check", str(first), str(second), str(tmp_path / "third")])
    lines = result.stdout.splitlines()
    assert result.exit_code == 1 and len(lines) == 3
    assert lines[0].startswith(f"{first / 'mine.yaml'}:-:-: top level must be a mapping")
    assert lines[1].startswith(f"{second / 'mine.yaml'}:-:line ") and "not valid YAML" in lines[1]
    assert lines[2].startswith(f"{tmp_path / 'third' / 'mine.yaml'}:-:-: cannot read")


def test_a_user_fragment_no_rule_uses_yet_is_still_checked(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "frag", "fragments:\n  BROKEN: '('\n  FINE: '[0-9]+'\n")
    result = runner.invoke(app, ["rules", "check", str(folder)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{folder / 'mine.yaml'}:fragments.BROKEN:-: invalid regex: missing ) at position 1"
    ]
    fine = _folder(tmp_path, "fine", "fragments:\n  FINE: '[0-9]+'\n")
    assert runner.invoke(app, ["rules", "check", str(fine)]).exit_code == 0
