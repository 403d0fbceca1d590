"""Tests for statx.texttables: tables pasted, aligned, drawn or saved one cell a line in a text."""

from __future__ import annotations

import pytest

from statx import extract_text
from statx.markup import detect_kind, prepare
from statx.normalize import fold_text
from tests.segments import check_segments

_PASTED_TAB = (
    "表1  2026年1—10月主要指标\n单位：起、人\n\n"
    "指标\t2025年1—10月\t2026年1—10月\t同比\n"
    "有效警情\t25,071\t23,614\t-5.8%\n"
    "刑事案件破获\t617\t698\t13.1%\n"
)


_PASTED_ALIGNED = (
    "指标                2025年1—10月    2026年1—10月    同比\n"
    "事故起数                 156              131         -16.0%\n"
    "死亡人数                  42               35         -16.7%\n"
    "  其中：酒驾醉驾        1,215            1,386         +14.1%\n"
)


@pytest.mark.parametrize("suffix", ["", "\n"])
@pytest.mark.parametrize("body", [_PASTED_TAB, _PASTED_ALIGNED])
def test_a_pasted_table_is_laid_out_as_rows_of_cells(body: str, suffix: str) -> None:
    # a spreadsheet pasted as tab-separated lines, or a fixed-width export aligned with blanks,
    # is a table: each change cell belongs to its row and its column's 同比, not to the next line
    for kind, raw in (("text", body + suffix), ("markdown", "# 数据分析\n\n" + body + suffix)):
        prepared, _ = prepare(raw)
        assert detect_kind(raw) == kind
        assert "| 同比" in prepared.text
        recs = {r.text: r for r in extract_text(raw)}
        if body is _PASTED_TAB:
            assert (recs["-5.8%"].metric, recs["-5.8%"].change, recs["-5.8%"].basis) == (
                "incidents_received",
                "down",
                "yoy",
            )
            # a rise in a change column has no sign: a fall has its minus
            assert (recs["13.1%"].metric, recs["13.1%"].change) == ("cases_solved", "up")
        else:
            assert (recs["-16.0%"].metric, recs["-16.0%"].label) == ("accidents", "事故起数")
            assert (recs["-16.7%"].metric, recs["-16.7%"].label) == ("deaths", "死亡人数")
            assert (recs["+14.1%"].change, recs["+14.1%"].basis) == ("up", "yoy")
        for rec in recs.values():
            assert raw[rec.start : rec.end] == rec.text


def test_lines_with_blanks_that_hold_no_figures_stay_text() -> None:
    # a document number and its signer, a signature and its date: two cells, no table
    raw = (
        "X公通〔2026〕117号                           签发人：周某某\n"
        "联系人：王某某      联系电话：0771-2865110\n"
        "XX市公安局办公室                           2026年10月12日印发\n"
    )
    prepared, _ = prepare(raw)
    assert "|" not in prepared.text


def test_a_table_a_pdf_kept_one_blank_apart_is_read_as_rows() -> None:
    # pdftotext keeps a small table's cells one blank apart; read as prose, 1153 -9.2% was one
    # figure of 1153 % and 286 323 -11.5% one of 286323 %, and the changes were missed.
    raw = (
        "表1 2025年道路交通事故主要指标\n指标 2025年 2024年 增减幅度\n事故起数（起） 1047 1153 -9.2%\n"
        "死亡人数（人） 19 22 -13.6%\n受伤人数（人） 286 323 -11.5%\n全年共发生道路交通事故1 047起。\n"
    )
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "| 受伤人数(人) | 286 | 323 | -11.5%" in prepared.text
    records = {r.text: r for r in extract_text(raw)}
    assert sorted(records) == ["-11.5%", "-13.6%", "-9.2%", "1 047起"]
    assert (records["-13.6%"].metric, records["-13.6%"].change) == ("deaths", "down")
    # prose with single blanks stays prose: a name and two numbers under no header are no table
    assert "|" not in prepare("共查处 1 286 起，其中\n酒驾 135 起\n醉驾 90 起\n")[0].text


def test_a_word_table_saved_one_cell_a_line_is_laid_out_as_rows() -> None:
    # A .docx report saved as text gives each table cell a line and parts the rows by a blank
    # line: read as prose, 392 / -6.4% was the range 392-6.4% and the 同比 cells had no column.
    raw = (
        "全县共发生道路交通事故1507起。分季度情况见表1。\n\n表1  各季度道路交通事故情况\n\n"
        "季度\n事故起数（起）\n同比\n死亡人数（人）\n\n第一季度\n392\n-6.4%\n8\n\n"
        "第二季度\n381\n-11.8%\n7\n\n10—11月\n316\n+2.2%\n4\n\n- 3 -\n\n四、存在问题\n\n一是短板。\n"
    )
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "| 季度 | 事故起数(起) | 同比 | 死亡人数(人)\n| 第一季度 | 392 | -6.4% | 8\n" in prepared.text
    records = {r.text: r for r in extract_text(raw)}
    assert set(records) == {"1507起", "-6.4%", "-11.8%", "+2.2%"}  # bare cells are no figures
    assert (records["-6.4%"].value, records["-6.4%"].metric, records["-6.4%"].change) == (
        6.4,
        "accidents",
        "down",
    )
    assert (records["+2.2%"].metric, records["+2.2%"].change) == ("accidents", "up")
    # paragraphs of one line each, or lines that are sentences, are no table
    prose = "一、基本情况\n全县辖12个乡镇\n常住人口8万余人\n\n二、主要工作\n查处违法1.2万起\n同比上升5%\n"
    assert prepare(prose)[0].text == fold_text(prose)


_BOX_TABLE = (
    "表1  各大队辖区道路交通事故情况统计表\n"
    "┌──────┬────────┬──────┬──────┐\n"
    "│ 辖  区 │事故起数（起）│ 同比增减 │死亡（人）│\n"
    "├──────┼────────┼──────┼──────┤\n"
    "│城东大队│   46   │ -8.0% │   3  │\n"
    "├──────┼────────┼──────┼──────┤\n"
    "│城西大队│   31   │ +3.3% │   2  │\n"
    "└──────┴────────┴──────┴──────┘\n"
    "注：同比增减指事故起数较上年同期的变化。\n"
)


@pytest.mark.parametrize("kind", ["text", "markdown"])
def test_a_table_drawn_with_box_characters_is_read_as_rows_of_cells(kind: str) -> None:
    # a PDF's text draws its table with ┌─┬─┐ and │: each row is a Markdown row, each rule a rule
    # row, so a 同比 cell is a change of its row's count, year on year, in the right place
    raw = _BOX_TABLE if kind == "text" else "# 事故分析\n\n" + _BOX_TABLE
    assert detect_kind(raw) == kind
    prepared, _ = prepare(raw)
    assert "| 同比增减 |" in prepared.text and "|------|" in prepared.text
    recs = {r.text: r for r in extract_text(raw)}
    for cell, change in (("-8.0%", "down"), ("+3.3%", "up")):
        rec = recs[cell]
        assert (rec.metric, rec.change, rec.basis) == ("accidents", change, "yoy"), cell
        assert raw[rec.start : rec.end] == cell
    # a rule of box characters alone, or a bar in prose, is no table
    plain = "上半年工作\n────────\n查处违法12起│完\n"
    assert prepare(plain)[0].text == plain
