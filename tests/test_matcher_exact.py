"""The fast matcher finds exactly what running every rule over the whole text finds.

`matcher.find_candidates` skips rules, scans without qualifier prefixes and runs exclusions
only around numbers; `matcher.scan_whole` is the plain way. They must agree on every
candidate (span, rule, groups) for any text, so they are compared on spliced pieces of the
samples and of every rule example, and on random strings of the characters rules care about.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from statx.markup import prepare
from statx.matcher import Candidate, find_candidates, scan_whole
from statx.rules import RuleSet, expand_fragment, load_rules
from statx.shape import optional_prefix, shape_of
from tests.conftest import SAMPLE_FILES

# Digits, numerals, units, qualifiers, date and id parts, quotes, blanks, ordinary prose.
_ALPHABET = (
    "0123456789一二两三四五六七八九十百千万亿零〇.,%-+~:/@wA"
    "年月日号时点岁第届大个人名起次元户辆成分之余多约近超以上下左右到至"
    '“”"「」 \n的是在和了中我为'
)


def _key(cands: list[Candidate]) -> list[tuple[int, int, str, dict[str, str | None]]]:
    return [(c.start, c.end, c.rule.id, c.match.groupdict()) for c in cands]


def _pieces(rules: RuleSet) -> list[str]:
    out = [ex.text for ex in rules.examples()]
    for path in SAMPLE_FILES:
        text = prepare(path.read_text(encoding="utf-8"))[0].text
        out += [text[i : i + 80] for i in range(0, len(text), 60)]
    return out


def test_fast_matcher_equals_whole_text_scan_on_spliced_texts(rules: RuleSet) -> None:
    rng = random.Random(6)
    pieces = _pieces(rules)
    for _ in range(400):
        parts = [rng.choice(pieces) for _ in range(rng.randint(1, 6))]
        cut = [p[rng.randint(0, len(p) // 2) :] for p in parts]
        text = "".join(cut)
        assert _key(find_candidates(text, rules)) == _key(scan_whole(text, rules)), text


def test_fast_matcher_equals_whole_text_scan_on_samples(rules: RuleSet) -> None:
    for path in SAMPLE_FILES:
        text = prepare(path.read_text(encoding="utf-8"))[0].text
        assert _key(find_candidates(text, rules)) == _key(scan_whole(text, rules)), path.name


@settings(max_examples=300)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_fast_matcher_equals_whole_text_scan_on_random_text(rules: RuleSet, text: str) -> None:
    assert _key(find_candidates(text, rules)) == _key(scan_whole(text, rules))


def test_built_in_rules_take_the_fast_paths(rules: RuleSet) -> None:
    """Guard the speed: the shapes the matcher relies on are read from the built-in rules."""
    by_id = {r.id: r for r in rules.rules}
    assert optional_prefix(by_id["count.arabic"].source) is not None
    for rule in rules.exclusions:
        shape = shape_of(rule.source)
        assert shape.alphabet is not None and shape.triggers, rule.id
    # Only exclusions that may span prose (or remember phrases) scan whole articles.
    from statx.matcher import _MAX_GATE_CHARS, _plan

    wide = {"quote.slogan", "setphrase.pattern", "url", "page.prev_next", "page.caption", "page.read_more"}
    wide |= {"page.comments"}  # readers' comments run to the end of the page, as a read-more list does
    wide |= {"page.read_more_inline"}  # a read-more heading's links on its own line: a line of prose
    wide |= {"page.read_more_head"}  # the same heading in a page's head, with the title lines before it
    wide |= {"page.attachment_name"}  # a file name may hold any prose characters before its extension
    wide |= {"slogan.numeral_ladder"}  # a plan's outline is clauses of prose; it opens on the literal 一
    wide |= {"threshold.penalty_if_caught"}  # a warning's clause of prose; it opens on the literal 一经
    assert {e.rule.id for e in _plan(rules).wide} <= wide
    # ... and only articles holding their words: a link, a headline under 下一篇, a caption's 图,
    # a heading such as 往期推荐
    assert shape_of(by_id["url"].source).needs == ("//", "@", "www.")
    assert set(shape_of(by_id["page.prev_next"].source).needs or ()) >= {"上一篇", "下一篇"}
    assert shape_of(by_id["page.caption"].source).needs == ("图",)
    assert shape_of(by_id["threshold.penalty_if_caught"].source).needs == ("一经",)
    assert set(shape_of(by_id["page.attachment_name"].source).needs or ()) == {
        "doc",
        "xls",
        "pdf",
        "wps",
        "ofd",
        "ppt",
        "zip",
        "rar",
    }
    # (few enough words to gate with: a rule listing more is run on every article with a line break)
    read_more = shape_of(by_id["page.read_more"].source).needs or ()
    assert {"往期", "相关"} <= set(read_more) and len(read_more) <= _MAX_GATE_CHARS
    inline = shape_of(by_id["page.read_more_inline"].source).needs or ()
    assert {"往期", "相关"} <= set(inline) and len(inline) <= _MAX_GATE_CHARS
    head = shape_of(by_id["page.read_more_head"].source).needs or ()
    assert {"往期", "相关"} <= set(head) and len(head) <= _MAX_GATE_CHARS
    comments = shape_of(by_id["page.comments"].source).needs or ()
    assert {"评论", "留言"} <= set(comments) and len(comments) <= _MAX_GATE_CHARS


def test_metric_cues_grouped_by_first_character_find_what_the_alternation_finds(rules: RuleSet) -> None:
    import dataclasses

    from statx.lexicon import lexicon
    from statx.rules import cue_alternation

    fast = lexicon(rules).metrics
    assert fast.starts is not None  # every built-in cue's first characters can be listed
    assert fast.pattern is None  # so the whole alternation is not compiled
    every_cue = regex.compile(cue_alternation(rules.metrics)[0], regex.VERSION1)
    plain = dataclasses.replace(fast, starts=None, pattern=every_cue)
    rng = random.Random(3)
    texts = [p[: rng.randint(5, 80)] for p in _pieces(rules)]
    texts += [
        "".join(rng.choice(_ALPHABET + "查处事故死亡民警群众APPapp注册") for _ in range(40))
        for _ in range(300)
    ]
    for text in texts:
        assert [(m.key, a, b) for m, a, b in fast._hits(text)] == [
            (m.key, a, b) for m, a, b in plain._hits(text)
        ]
        assert [(m.key, a, b) for m, a, b in fast._hits(text, "次")] == [
            (m.key, a, b) for m, a, b in plain._hits(text, "次")
        ]


_GATE_STRINGS = ["12123", "12306", "119", "96110", "六七", "七八", "元以上", "以上", "百分之", "之内", "//"]


@settings(max_examples=400)
@given(st.text(alphabet="0123695六七八元以上下百分之内/ 的", max_size=30))
def test_presence_scan_finds_exactly_the_strings_a_text_holds(text: str) -> None:
    """One scan for all gate strings: strings inside a found one, and ones it may hide, still count."""
    from statx.matcher import _Presence

    assert _Presence(_GATE_STRINGS)(text) == {s for s in _GATE_STRINGS if s in text}


def test_presence_scan_sees_a_string_hidden_by_an_overlapping_one() -> None:
    from statx.matcher import _Presence

    presence = _Presence(_GATE_STRINGS)
    assert presence("拨打1212306") == {"12123", "12306"}  # 12123 is found first and covers 123
    assert presence("六七八九") == {"六七", "七八"}
    assert presence("罚款1000元以上") == {"元以上", "以上"}


_WORD_CHARS = "人次件起个百分点万元/"


@settings(max_examples=300)
@given(
    st.lists(st.text(alphabet=_WORD_CHARS, min_size=1, max_size=4), min_size=1, max_size=12),
    st.lists(st.sampled_from(["", "(?!次)", "(?!点|分)", "(?=元)"]), min_size=12, max_size=12),
    st.text(alphabet=_WORD_CHARS + "的3", max_size=40),
)
def test_prefix_tree_matches_what_the_flat_alternation_matches(
    words: list[str], tails: list[str], text: str
) -> None:
    """Words (each with its own lookahead) as a tree find what they find one by one, longest first."""
    import regex

    from statx.rules import _prefix_tree, alternation

    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    entries = list(zip(ordered, tails, strict=False))
    flat = "|".join(regex.escape(w) + t for w, t in entries)
    for tree in (_prefix_tree(entries), _prefix_tree(entries, check=True)):
        for prefix, suffix in (("", ""), (r"\d?", "(?:次|的)?")):  # alone, and with backtracking around
            a = regex.compile(f"{prefix}(?:{flat}){suffix}", regex.VERSION1)
            b = regex.compile(f"{prefix}(?:{tree}){suffix}", regex.VERSION1)
            assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)], tree
    plain = "|".join(regex.escape(w) for w in ordered)
    assert [m.span() for m in regex.finditer(plain, text)] == [
        m.span() for m in regex.finditer(alternation(words), text)
    ]


def test_rare_figure_rules_run_only_around_their_words(rules: RuleSet) -> None:
    """Guard the speed: rules holding one of a few words scan only the stretches around them."""
    from statx.matcher import _plan

    plan = _plan(rules)
    for scan in plan.figures:
        list(scan.matches(""))  # prepares it
    near = {scan.rule.id for scan in plan.figures if scan._near is not None}
    assert {
        "count.hours",
        "count.days",
        "count.duration_measured",
        "count.weight_over",
        "range.arabic",
    } <= near
    assert "count.arabic" not in near  # its words (every unit) are everywhere: one whole scan is cheaper


def test_a_long_stretch_around_a_rare_word_is_scanned_with_the_whole_text(rules: RuleSet) -> None:
    """Past `_MAX_STRETCH`, the stretch is not tried place by place; the matches stay the same."""
    from statx.matcher import _MAX_STRETCH, _plan

    scan = next(s for s in _plan(rules).figures if s.rule.id == "count.hours")
    list(scan.matches(""))
    assert scan._near is not None
    digits = " ".join("1" * 3 for _ in range(_MAX_STRETCH // 4 + 1))
    text = f"志愿服务{digits}1200小时，加班3000小时"
    assert scan._near.matches(text) is None
    assert _key(find_candidates(text, rules)) == _key(scan_whole(text, rules))
    short = "志愿服务时长3000小时，加班1.2万小时"
    assert [m.group() for m in scan._near.matches(short) or ()] == ["3000小时", "1.2万小时"]


def test_fast_matcher_keeps_a_leading_optional_alternation_whole(tmp_path: Path) -> None:
    """A rule opening with `(?:A|B)?` is scanned without it and widened back, like a qualifier.

    The part scanned alone once held the prefix in a lookbehind without brackets around it,
    `(?<!(?!)A|B)`, which reads as `(?<!(?!)A)` or `(?<!B)`: a number right after B was
    never found (投入美元300万 lost its figure).
    """
    (tmp_path / "money.yaml").write_text(
        "rules:\n"
        "  - id: my.money\n"
        "    pattern: '(?:(?P<qbefore>约)|(?P<cur>美元))?(?<!\\d)(?P<num>\\d+)万'\n"
        "    unit: 美元\n"
        "    examples:\n"
        "      - text: 投入美元300万\n"
        "        expect: [{text: 美元300万, value: 3000000, unit: 美元}]\n"
        "      - text: 美元汇率\n"
        "        expect: []\n",
        encoding="utf-8",
    )
    mine = load_rules([tmp_path])
    rule = next(r for r in mine.figures if r.id == "my.money")
    assert optional_prefix(rule.source) is not None  # the fast path is taken
    text = "投入美元300万，约200万，共150万"
    assert _key(find_candidates(text, mine)) == _key(scan_whole(text, mine))
    assert "美元300万" in [c.match.group() for c in find_candidates(text, mine)]


def test_a_string_read_only_in_a_lookbehind_gates_the_rule() -> None:
    """Guard the speed: a rule whose match holds no plain string is asked for none in a text
    without the `+` its lookbehind reads (a numbered model, 1+2+N…即), so it is neither walked
    for nor run at each figure of such a text; a negative lookaround gives nothing to ask for.
    """
    from statx.matcher import _Gate

    source = r"(?<=\d\+(?:\d|N)[^。]{0,9}?即[^。]{0,9}?)(?P<x>\d{1,3})(?=名)"
    shape = shape_of(source)
    assert shape.needs is None
    assert shape.near_needs == ("+",)
    assert shape.behind == 22  # the lookbehind's widest: 1 + 1 + 1 + 9 + 1 + 9
    assert shape_of(r"\bx").behind == 1
    assert shape_of(r"(?=(?<=abc)d)d").behind == 3
    assert shape_of(r"(?<=a+)b").behind is None
    assert shape_of(r"(?<!\d\+)\d+(?!名)").near_needs is None
    assert shape_of(r"(?<=自|从)\d+(?=起|以来)").near_needs == ("从", "自")
    gate = _Gate(shape)
    assert not gate("抽调1名民警带2名辅警，即共3人", frozenset())
    assert gate("推出“1+2+N”模式，即1名民警带2名辅警", frozenset())


def test_exclusions_gated_by_their_lookbehinds_still_exclude(rules: RuleSet) -> None:
    """The numbered model spelled out still loses its numbers; without its `+` they stand."""
    text = "推出“1+2+N”反诈宣传模式，即1名社区民警带2名辅警。抽调1名民警带2名辅警组建专班"
    found = find_candidates(text, rules)
    assert _key(found) == _key(scan_whole(text, rules))
    assert [c.match.group() for c in found] == ["1名", "2名"]


def test_a_local_exclusion_is_scanned_only_near_its_lookaround_strings(rules: RuleSet) -> None:
    """Guard the speed: at each figure, a local exclusion is run only when one of its strings
    stands within what a match there could read (formula.explained's `+` at most 78 characters
    before); the candidates stay those of the whole-text scan, however far the `+` stands."""
    from statx.matcher import _plan

    scan = next(e for e in _plan(rules).local if e.rule.id == "formula.explained")
    assert scan.near == ("+",)
    assert 60 <= scan.behind < 100
    for gap in (0, 5, 20, 40, 60, 80, 120):
        text = f"推出“1+2+N”模式，即{'宣' * gap}1名民警带2名辅警。"
        assert _key(find_candidates(text, rules)) == _key(scan_whole(text, rules)), gap


@pytest.mark.parametrize("name", ["ARABIC_BASE", "STRAY_SPACED", "LETTER_SPACED"])
def test_a_numbers_fragment_reads_a_bounded_way_ahead(rules: RuleSet, name: str) -> None:
    """Every rule built on a number embeds these; one unbounded lookahead (`[ \\t]*\\n` in a lookahead)
    makes the matcher scan whole texts for a dozen exclusions instead of the stretches around figures."""
    ahead = shape_of(expand_fragment(name, rules.fragments)).ahead
    assert ahead is not None and ahead < 64


def test_a_number_does_not_carry_the_unit_alternation(rules: RuleSet) -> None:
    """ARABIC_NUM is embedded in every rule built on a number, often twice: a copy of the unit
    alternation inside it (once in a lookahead after 万's digits) took about a third of the
    memory of the compiled rules in each process, and made `--jobs 2` near its memory budget.
    The rule that embeds a number asks for its unit itself."""
    number = expand_fragment("ARABIC_NUM", rules.fragments)
    assert expand_fragment("UNIT", rules.fragments) not in number
    assert len(number) < 2 * len(expand_fragment("ARABIC_BASE", rules.fragments))
