"""Every output format read back with pandas holds the records; files are written atomically."""

from __future__ import annotations

import io
import math
import os
import pty
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from rich.cells import cell_len

from statx import extract_paths
from statx.aggregate import pivot, summary, to_frame
from statx.errors import StatxError, UsageError
from statx.export import Format, choose_format, write_frame, write_records
from statx.reader import read_records
from statx.records import FIELDS, Record
from tests.conftest import SAMPLES
from tests.synthetic import RECORDS

SAMPLE_RECORDS = list(extract_paths([SAMPLES]))
FILE_FORMATS = ["jsonl", "json", "csv", "parquet", "xlsx"]


def read_back(path: Path, fmt: str) -> pd.DataFrame:
    """Read a written file with pandas alone, the way a user's notebook would."""
    if fmt == "jsonl":
        return pd.read_json(path, lines=True, dtype=False, precise_float=True)
    if fmt == "json":
        return pd.read_json(path, dtype=False, precise_float=True)
    if fmt == "csv":
        return pd.read_csv(path, dtype={"doc": str, "text": str}, encoding="utf-8-sig")
    if fmt == "parquet":
        return pd.read_parquet(path)
    return pd.read_excel(path, dtype={"doc": str, "text": str})


def plain(value: Any) -> Any:
    """A cell as a plain value: no NaN/NaT, ISO dates, whole floats as int, '' as null."""
    if value is None or value is pd.NA or value is pd.NaT or value == "":
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def as_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: plain(v) for k, v in row.items()} for row in frame.astype(object).to_dict("records")]


def expected_rows(records: list[Record]) -> list[dict[str, Any]]:
    return [{k: plain(v) for k, v in rec.to_dict().items()} for rec in records]


@pytest.mark.parametrize("fmt", FILE_FORMATS)
def test_each_format_read_back_with_pandas_holds_the_records(fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"figures.{fmt}"
    assert write_records(SAMPLE_RECORDS, Format(fmt), path) == len(SAMPLE_RECORDS)
    frame = read_back(path, fmt)
    assert list(frame.columns) == list(FIELDS)
    assert as_rows(frame) == expected_rows(SAMPLE_RECORDS)


@pytest.mark.parametrize("fmt", FILE_FORMATS)
def test_synthetic_records_round_trip_through_statx_reader(fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"figures.{fmt}"
    write_records(RECORDS, Format(fmt), path)
    assert as_rows(read_back(path, fmt)) == expected_rows(RECORDS)
    if fmt != "xlsx":  # summary reads records files back exactly (xlsx is an output only)
        assert read_records(path) == RECORDS


def test_parquet_keeps_the_frame_dtypes(tmp_path: Path) -> None:
    path = tmp_path / "figures.parquet"
    write_records(RECORDS, Format.parquet, path)
    back = pd.read_parquet(path)
    pd.testing.assert_frame_equal(back, to_frame(RECORDS))


@pytest.mark.parametrize("fmt", FILE_FORMATS)
def test_summary_and_pivot_read_back_in_each_format(fmt: str, tmp_path: Path) -> None:
    frame = to_frame(RECORDS)
    for table in (summary(frame, ["metric"]), pivot(frame)):
        path = tmp_path / f"table.{fmt}"
        assert write_frame(table, Format(fmt), path) == len(table)
        back = pd.read_excel(path) if fmt == "xlsx" else read_back(path, fmt)
        assert list(back.columns) == list(table.columns)
        assert as_rows(back) == as_rows(table)


def test_csv_bom_is_for_excel_and_pandas_still_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "figures.csv"
    write_records(RECORDS, Format.csv, path, bom=True)
    assert path.read_bytes().startswith("\ufeffdoc,text,value".encode())
    assert as_rows(read_back(path, "csv")) == expected_rows(RECORDS)


def _failing(records: list[Record]) -> Iterator[Record]:
    yield from records[:3]
    raise StatxError("the input broke half way")


@pytest.mark.parametrize("fmt", FILE_FORMATS)
def test_a_failed_write_leaves_the_existing_file_and_no_half_file(fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"figures.{fmt}"
    write_records(RECORDS, Format(fmt), path)
    before = path.read_bytes()
    with pytest.raises(StatxError, match="half way"):
        write_records(_failing(SAMPLE_RECORDS), Format(fmt), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    fresh = tmp_path / f"new.{fmt}"
    with pytest.raises(StatxError):
        write_records(_failing(SAMPLE_RECORDS), Format(fmt), fresh)
    assert not fresh.exists() and sorted(p.name for p in tmp_path.iterdir()) == [path.name]


@pytest.mark.parametrize("fmt", [Format.parquet, Format.xlsx])
def test_binary_formats_need_a_file(fmt: Format) -> None:
    with pytest.raises(UsageError, match="-o FILE"):
        write_records(RECORDS, fmt)
    with pytest.raises(UsageError, match="-o FILE"):
        write_frame(summary(to_frame(RECORDS)), fmt)
    with pytest.raises(UsageError, match="-o FILE"):
        choose_format(fmt, None)


def test_default_format_follows_the_file_ending_then_the_terminal() -> None:
    assert choose_format(None, Path("x/figures.XLSX")) is Format.xlsx
    assert choose_format(None, Path("figures.ndjson")) is Format.jsonl
    assert choose_format(None, Path("figures.out")) is Format.jsonl
    assert choose_format(Format.csv, Path("figures.parquet")) is Format.csv
    assert choose_format(None, None, stdout=io.StringIO()) is Format.jsonl
    leader, follower = pty.openpty()
    try:
        with open(follower, "w", encoding="utf-8", closefd=False) as terminal:
            assert choose_format(None, None, stdout=terminal) is Format.table
    finally:
        os.close(leader)
        os.close(follower)


def test_table_fits_80_columns_and_shows_text_literally(tmp_path: Path) -> None:
    tricky = [*RECORDS, Record("d", "[bold]12起[/bold]", 12, "起", label="[red]违法[/red]")]
    path = tmp_path / "figures.txt"
    assert write_records([*SAMPLE_RECORDS, *tricky], Format.table, path) == len(SAMPLE_RECORDS) + len(tricky)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    header = ["text", "value", "unit", "qualifier", "metric", "label"]
    # each document under a heading (id and title), then its own table with the header
    headings = [lines[i - 1] for i, line in enumerate(lines) if line.split() == header]
    docs = list(dict.fromkeys(r.doc for r in [*SAMPLE_RECORDS, *tricky]))
    assert [h.split()[0] for h in headings] == docs
    assert "A篇" in headings[docs.index("a")]
    assert "[bold]" in text and "[red]" in text  # rich would have eaten markup
    assert "58,957" in text and "\x1b" not in text


def test_wide_table_is_cut_into_blocks_that_each_name_the_row(tmp_path: Path) -> None:
    wide = pivot(to_frame(SAMPLE_RECORDS + RECORDS))
    path = tmp_path / "pivot.txt"
    write_frame(wide, Format.table, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    headers = [line.split()[0] for line in lines if line.startswith("doc ")]
    assert len(headers) > 1  # several blocks, each led by `doc`
    shown = " ".join(lines)
    assert all(col in shown for col in wide.columns if " (" not in col)


def test_xlsx_sheet_shows_dates_as_days_with_the_header_frozen(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "figures.xlsx"
    write_records(RECORDS, Format.xlsx, path)
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None and sheet.title == "records" and sheet.freeze_panes == "A2"
    date_col = FIELDS.index("date") + 1
    cell = sheet.cell(row=2, column=date_col)
    assert cell.value.date().isoformat() == "2021-12-02" and cell.number_format == "yyyy-mm-dd"
