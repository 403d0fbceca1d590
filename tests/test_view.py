"""The reading layout behind `show` and `report`: every figure exactly where its record points."""

from __future__ import annotations

import pytest

from statx import extract_text
from statx.records import Record
from statx.rules import RuleSet
from statx.view import layout
from tests.conftest import SAMPLE_FILES


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
def test_one_figure_piece_per_record_showing_its_exact_text(path, rules: RuleSet) -> None:
    raw = path.read_text(encoding="utf-8")
    records = extract_text(raw, path.stem, rules=rules)
    pieces = layout(raw, records)
    figures = [p for p in pieces if p.record is not None]
    assert [p.record for p in figures] == sorted(records, key=lambda r: r.start)
    assert all(p.text == p.record.text == raw[p.record.start : p.record.end] for p in figures if p.record)
    shown = "".join(p.text for p in pieces)
    assert "<p" not in shown and "<div" not in shown and "&nbsp;" not in shown  # markup is not shown
    assert "title:" not in shown.split("\n", 1)[0]  # nor the front matter


def test_html_is_shown_as_read_with_entities_decoded_and_original_script() -> None:
    raw = "<html><body>\n  <p>鎮遠縣&lt;交警&gt;查處違法</p>\n\n\n<p>共<b>58957起</b></p></body></html>"
    start = raw.index("58957起")
    rec = Record(doc="d", text="58957起", value=58957, unit="起", start=start, end=start + 6)
    pieces = layout(raw, [rec])
    assert [(p.text, p.record) for p in pieces] == [("鎮遠縣<交警>查處違法\n\n共", None), ("58957起", rec)]


def test_plain_text_is_shown_exactly_after_its_front_matter() -> None:
    raw = "---\ntitle: 示例\n---\n鎮(zhèn)遠縣\u3000有８鎮。\n"
    pieces = layout(raw, [])
    assert [p.text for p in pieces] == ["鎮(zhèn)遠縣\u3000有８鎮。"]


def test_overlapping_records_never_show_a_character_twice() -> None:
    raw = "共查处1234起违法"
    a = Record(doc="d", text="1234起", value=1234, unit="起", start=3, end=8)
    b = Record(doc="d", text="34起", value=34, unit="起", start=5, end=8)
    pieces = layout(raw, [b, a])
    assert "".join(p.text for p in pieces) == raw
    assert [p.record for p in pieces if p.record] == [a, b]


def test_a_document_without_text_lays_out_to_nothing() -> None:
    assert layout("", []) == []
    assert layout("<p></p>", []) == []
