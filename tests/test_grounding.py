"""Source grounding as a property: for every record, source[start:end] == text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statx import extract_text
from statx.rules import RuleSet, load_rules
from tests.conftest import SAMPLE_FILES

FIGURE_BITS = [
    "1.7万余户",
    "２９,５４２宗",
    "四個",
    "216 起",
    "93.03%",
    "(+3.88%)",
    "百分之九十",
    "四成半",
    "2億5千3百多萬元",
    "农(nóng)",
    "<b>12</b>起",
    "&amp;",
    "\n",
    "，",
    "其中",
    "第十四次",
    "12月2日",
]


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_samples_are_grounded(path: Path, rules: RuleSet) -> None:
    source = path.read_text(encoding="utf-8")
    records = extract_text(source, path.stem, rules=rules)
    assert records
    for r in records:
        assert source[r.start : r.end] == r.text


@settings(max_examples=200)
@given(st.lists(st.one_of(st.sampled_from(FIGURE_BITS), st.text(max_size=8)), max_size=12))
def test_arbitrary_mixtures_are_grounded(parts: list[str]) -> None:
    source = "".join(parts)
    for r in extract_text(source, "x", rules=load_rules()):
        assert source[r.start : r.end] == r.text
