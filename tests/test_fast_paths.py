"""Each shortcut taken for speed gives what the plain way gives.

Extraction output must stay byte for byte the same when a hot path is made faster, so each
shortcut is checked against the straightforward formulation it replaces, on generated text
made of the characters the shortcut is about.
"""

from __future__ import annotations

import itertools
import json
import math
import random
import re
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import statx.breakdowns as bd
import statx.changes as ch
import statx.figurereading as fr
import statx.headings as hd
import statx.markdowntext as md
import statx.markup as mk
import statx.normalize as nz
import statx.partsums as ps
import statx.respectively as rp
from statx.breakdowns import open_line
from statx.changes import _cell_place
from statx.export import _json_line
from statx.lexicon import lexicon
from statx.rules import RuleSet

# --- pinyin noise: one leading class instead of one alternative per opening character ---------

# The same annotations, each alternative opening with its own character: after a Han character,
# a bracketed run of syllables, pinyin or zhuyin (農(nóng), 萬(wan4), 交通(jiāo tōng), 詐（ㄓㄚˋ）),
# or one set off by a blank (4.8萬 (wàn)); a soft hyphen or zero-width character, with the blanks
# beside it between two digits (6 \u200b 8); a carriage return before a line feed.
# right after the character also one toneless syllable alone in its brackets (其(qi)中).
_SYLLABLES = rf"{nz._READING}(?: {nz._READING}){{0,7}}[)）]"
_PLAIN_NOISE = re.compile(
    rf"([(（](?<=[{nz._HAN}][(（])(?:{nz._READING}(?: {nz._READING}){{0,7}}|{nz._TONELESS})[)）]"
    rf"|[ \u3000](?<=[{nz._HAN}][ \u3000])[(（]{_SYLLABLES}"
    r"|(?<=\d)[ \u3000][\u00ad\u200b-\u200d\u2060\ufeff]+[ \u3000]?(?=\d)"
    r"|[\u00ad\u200b-\u200d\u2060\ufeff](?:(?<=\d[\u00ad\u200b-\u200d\u2060\ufeff])[ \u3000](?=\d))?"
    r"|\r(?=\n))"
)
_NOISY = st.lists(
    st.sampled_from(
        [
            "鎮",
            "a",
            "(",
            "（",
            ")",
            "）",
            "zhèn",
            "men",
            "de",
            "ǎ",
            "x",
            "\r",
            "\n",
            "\u200b",
            "\u00ad",
            "\ufeff",
            "1",
            "4",
            " ",
            "\u3000",
            "wan",
            "qi",
            "km",
            "ㄓㄚˋ",
            "ㄑ",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=500)
@given(_NOISY)
def test_noise_split_is_that_of_the_plain_pattern(text: str) -> None:
    assert nz._NOISE.split(text) == _PLAIN_NOISE.split(text)


# --- Markdown: a scan is skipped where its marker does not occur --------------------------

_MARKDOWN = st.lists(
    st.sampled_from(["#", " ", "`", "```", "~~~", "*", "**", "_", "[a]", "(b)", "](", "12", "起", "\n", "x"]),
    max_size=25,
).map("".join)


def _plain_markdown_marks(raw: str) -> list[tuple[int, int]]:
    marks: list[tuple[int, int]] = []
    for code in md._MD_NUMBER_CODE.finditer(raw):
        tick = len(code["tick"])
        marks += [(code.start(), code.start() + tick), (code.end() - tick, code.end())]
    for emphasis in md._MD_NUMBER_EMPHASIS.finditer(raw):
        size = len(emphasis["mark"])
        marks += [(emphasis.start(), emphasis.start() + size), (emphasis.end() - size, emphasis.end())]
    taken = set(marks)
    marks += (
        (m.start(), m.end())
        for m in md._MD_STRONG_MARK.finditer(raw)
        if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b in taken)
    )
    return sorted(marks)


@settings(max_examples=500)
@given(_MARKDOWN)
def test_markdown_gates_skip_only_texts_without_a_match(raw: str) -> None:
    if mk._MD_STRONG.search(raw):
        assert mk._may_be_markdown(raw)
    assert md._markdown_marks(raw, 0, len(raw)) == _plain_markdown_marks(raw)
    if md._FENCE_LINE.search(raw):
        assert "```" in raw or "~~~" in raw


# --- places: looked for only before the last two characters of a known name -----------------


def _plain_known_tail(known: frozenset[str], text: str, end: int, min_len: int) -> int | None:
    run = re.search(r"[\u4e00-\u9fff]+$", text[max(0, end - 12) : end])
    if run is None:
        return None
    lo = max(0, end - 12) + run.start()
    for start in range(end - min_len, lo - 1, -1):
        if text[start:end] in known:
            return start
    return None


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from(["昆明", "昆", "明", "市", "景洪", "区", "城", "全", "云南", "省", "，", "1"]),
        max_size=20,
    ),
    st.integers(2, 4),
)
def test_known_tail_is_that_of_the_plain_scan(rules: RuleSet, pieces: list[str], min_len: int) -> None:
    gazette = lexicon(rules).gazette
    text = "".join(pieces)
    for end in range(len(text) + 1):
        assert gazette._known_tail(text, end, min_len) == _plain_known_tail(gazette.known, text, end, min_len)


# --- open lines: the pattern searched only when the line's last character can end it ----------

_LINE_PIECES = ["其中", "分别为", "含", "：", "，", "；", "、", "。", "\n", " ", "按类型分", "12起", "中"]


def test_open_line_is_that_of_the_plain_search(rules: RuleSet) -> None:
    """Every ending of up to three pieces before a line break (and a blank line), both ways."""
    lex = lexicon(rules)
    for pieces in itertools.chain.from_iterable(itertools.product(_LINE_PIECES, repeat=n) for n in (1, 2, 3)):
        text = "查处" + "".join(pieces) + "\n酒驾"
        for start in (i + 1 for i, c in enumerate(text) if c == "\n"):
            for lo in (0, max(0, start - 4)):
                m = lex.breakdown_line_end.search(text, max(lo, start - 28), start - 1)
                plain = m.start() if m is not None and m.start() >= lo else None
                assert open_line(text, start, lo, lex) == plain, (text, start, lo)


# --- sums: the run walked from an offset, not sliced into a copy per item ------------------------


def _plain_parts_adding_up(
    doc: Any, parents: list[int | None], run: Sequence[int], wholes: Sequence[int]
) -> None:
    cands, records = doc.cands, doc.records
    if len(run) < 3 or parents[run[0]] is not None:
        return
    for whole in reversed(wholes):
        if cands[run[0]].start - cands[whole].end > bd.WINDOW:
            return
        size, total = fr.size_of(records[whole]), 0.0
        for n, k in enumerate(run, 1):
            if parents[k] is not None:
                break
            total += fr.size_of(records[k])
            if total > size and not fr.nearly_equal(total, size):
                break
            if fr.nearly_equal(total, size) and n >= 3:
                for part in run[:n]:
                    parents[part] = whole
                return


def _sum_doc(figures: list[tuple[int, str, int]]) -> Any:
    """A stand-in reading: figures (value, unit, gap before it), only what the sums read."""
    cands, records, at = [], [], 0
    for value, unit, gap in figures:
        at += gap
        cands.append(SimpleNamespace(start=at, end=at + 3))
        records.append(SimpleNamespace(value=value, unit=unit))
        at += 3
    return SimpleNamespace(cands=cands, records=records)


_SUM_FIGURES = st.lists(
    st.tuples(
        st.sampled_from([0, 1, 2, 3, 4, 6, 9]),
        st.sampled_from(["起", "人", "名", "吨", "公斤"]),
        st.integers(1, 90),
    ),
    min_size=1,
    max_size=14,
)


@settings(max_examples=400)
@given(_SUM_FIGURES, st.data())
def test_sums_are_those_of_the_plain_slices(figures: list[tuple[int, str, int]], data: st.DataObject) -> None:
    doc = _sum_doc(figures)
    n = len(figures)
    taken = data.draw(st.lists(st.integers(0, n - 1), max_size=2))
    cut = data.draw(st.integers(0, n - 1))
    before, run = list(range(cut)), list(range(cut, n))
    unit = doc.records[run[0]].unit
    plain_wholes = [k for k in before if fr.measure_of(doc.records[k].unit) == fr.measure_of(unit)]
    for first in range(len(run)):
        for wholes in (before, plain_wholes[-ps._SUM_WHOLES_BACK :]):
            fast: list[int | None] = [None] * n
            plain: list[int | None] = [None] * n
            for k in taken:
                fast[k] = plain[k] = 0
            ps._parts_adding_up(doc, fast, run, wholes, first)
            _plain_parts_adding_up(doc, plain, run[first:], wholes)
            assert fast == plain, (figures, run, first, wholes)


# --- written years: read once per text, each figure's found by where they end -----------------


def _plain_years_before(text: str, pos: int) -> list[tuple[int, int]]:
    hits = [(m.start(), int(m.group(1))) for m in ch._WRITTEN_YEAR.finditer(text, 0, pos)]
    return hits + [
        (m.start(), int(m.group(1)) + ch._ROC_OFFSET) for m in ch._WRITTEN_ROC_YEAR.finditer(text, 0, pos)
    ]


_YEAR_TEXT = st.lists(
    st.sampled_from(
        ["2023", "2022", "113", "112", "19", "20", "1", "0", "9", "年", " ", "较", "由", "起", "，", "\n"]
    ),
    max_size=16,
).map("".join)


@settings(max_examples=500)
@given(_YEAR_TEXT)
def test_written_years_are_those_read_up_to_each_place(text: str) -> None:
    for pos in range(len(text) + 2):
        hits = _plain_years_before(text, pos)
        assert ch.latest_written_year(text, pos) == (max(hits)[1] if hits else None), (text, pos)
        for year in {y for _, y in hits} | {2021, 2022, 2023, 2024}:
            assert ch.written_before(text, pos, year) == (year in {y for _, y in hits}), (text, pos, year)


# --- 和持平 after a 分别 list: the full pattern tried only where its opening is -----------------

_UNCHANGED_PIECES = ["和", "、", "及", "持平", "持", "平", "基本", "基", " ", "\n", "5%", "下降"]


def test_unchanged_after_is_that_of_the_plain_match() -> None:
    """Every text of up to four pieces, from each of its places."""
    for pieces in itertools.chain.from_iterable(
        itertools.product(_UNCHANGED_PIECES, repeat=n) for n in range(5)
    ):
        text = "".join(pieces)
        for end in range(len(text) + 1):
            plain = rp._UNCHANGED_AFTER.match(text, end)
            fast = rp._unchanged_after(text, end)
            assert (fast and fast.span()) == (plain and plain.span()), (text, end)


# --- table captions: a row's walk up stops where a row below it walked from -------------------

_CAPTION_LINES = ["| 城东 | 41 |", " | 区县 | 同比", "", "表2 交通事故情况", "全市情况。", "# 二、警情"]


def _plain_table_caption(text: str, row_start: int) -> str:
    end = row_start
    while end > 0:
        start = text.rfind("\n", 0, end - 1) + 1
        line = text[start : end - 1].strip()
        if line and not line.startswith("|"):
            m = hd.HEADING.fullmatch(line)
            return m.group(1) if m else ""
        end = start
    return ""


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_CAPTION_LINES), max_size=9), st.randoms(use_true_random=False))
def test_table_caption_is_that_of_the_plain_walk(lines: list[str], rnd: random.Random) -> None:
    text = "\n".join(lines) + "\n | 上城区 | 214"
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    rnd.shuffle(starts)  # rows asked for in any order: what one walk leaves serves the others
    for start in starts:
        assert hd.table_caption(text, start) == _plain_table_caption(text, start), (text, start)


# --- table cells: a figure's row and column from an index of breaks and bars ------------------


@settings(max_examples=300)
@given(st.text(alphabet="|\n 起1", max_size=40), st.data())
def test_cell_place_is_that_of_counting_along_the_line(text: str, data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(text)))
    start = text.rfind("\n", 0, at) + 1
    assert _cell_place(text, at) == (start, text.count("|", start, at))


@settings(max_examples=300)
@given(st.text(alphabet="\n 起1", max_size=40))
def test_start_of_line_is_that_of_reading_back(text: str) -> None:
    for at in range(len(text) + 2):
        assert ch.start_of_line(text, at) == text.rfind("\n", 0, at) + 1, (text, at)


# --- JSON lines: the C encoder built once writes what json.dumps writes ----------------------

_VALUES = st.one_of(
    st.none(),
    st.text(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
)


@settings(max_examples=300)
@given(st.dictionaries(st.text(max_size=5), _VALUES, max_size=8))
def test_json_line_is_what_json_dumps_writes(row: dict[str, object]) -> None:
    assert _json_line(row) == json.dumps(row, ensure_ascii=False, separators=(", ", ": "))


def test_json_line_refuses_what_json_refuses() -> None:
    with pytest.raises(TypeError, match="not JSON serializable"):
        _json_line({"a": {1, 2}})
    assert _json_line({"v": math.inf, "w": 1.5, "x": None}) == '{"v": Infinity, "w": 1.5, "x": null}'
