"""`statx summary` through typer's CliRunner: totals, pivot, filters, inputs, formats, errors."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from contextlib import redirect_stdout
from decimal import Decimal
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from statx import extract_paths
from statx.aggregate import additive, summary, to_frame
from statx.cli import app
from statx.export import Format, write_frame, write_records
from tests.conftest import SAMPLE_FILES, SAMPLES
from tests.synthetic import RECORDS

runner = CliRunner()


def _run(*args: str, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def _records_jsonl() -> str:
    return _run("extract", str(SAMPLES))[1]


def test_piped_records_csv_totals_equal_the_records_sums_per_metric_and_unit() -> None:
    piped = _records_jsonl()
    records = [json.loads(line) for line in piped.splitlines()]
    code, out, err = _run("summary", "-", "--by", "metric", "-f", "csv", stdin=piped)
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["metric", "unit", "count", "sum", "min", "max", "mean", "docs"]
    sums: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    docs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for rec in records:
        sums[(rec["metric"], rec["unit"])] += Decimal(str(rec["value"]))
        docs[(rec["metric"], rec["unit"])].add(rec["doc"])
    assert {(r["metric"], r["unit"]) for r in rows} == set(sums)
    for row in rows:
        key = (row["metric"], row["unit"])
        expected = "" if not additive(row["unit"]) else str(sums[key])
        assert row["sum"] == expected, key
        assert int(row["docs"]) == len(docs[key])
    assert sum(int(r["count"]) for r in rows) == len(records)


def test_cli_output_equals_the_library_call_and_is_the_same_from_articles() -> None:
    code, out, _ = _run("summary", str(SAMPLES), "--by", "doc,metric", "-f", "jsonl")
    assert code == 0
    table = summary(to_frame(extract_paths([SAMPLES])), ["doc", "metric"])
    buf = io.StringIO()
    with redirect_stdout(buf):
        write_frame(table, Format.jsonl)
    assert out == buf.getvalue()
    assert _run("summary", "-", "--by", "doc,metric", "-f", "jsonl", stdin=_records_jsonl())[1] == out


def test_records_files_of_every_kind_give_the_same_summary(tmp_path: Path) -> None:
    expected = _run("summary", str(SAMPLES), "-f", "csv")[1]
    for fmt in ("jsonl", "json", "csv", "parquet"):
        path = tmp_path / f"figures.{fmt}"
        code, _, err = _run("extract", str(SAMPLES), "-f", fmt, "-o", str(path))
        assert code == 0, err
        assert _run("summary", str(path), "-f", "csv")[1] == expected, fmt
    as_json = _run("extract", str(SAMPLES), "-f", "json")[1]
    assert _run("summary", "-", "-f", "csv", stdin=as_json)[1] == expected
    as_csv = _run("extract", str(SAMPLES), "-f", "csv", "--bom")[1]
    assert _run("summary", "-", "-f", "csv", stdin=as_csv)[1] == expected


def test_summary_of_synthetic_records_sums_only_what_adds(tmp_path: Path) -> None:
    path = tmp_path / "synthetic.jsonl"
    write_records(RECORDS, Format.jsonl, path)
    code, out, _ = _run("summary", str(path), "-f", "jsonl")
    assert code == 0
    rows = {(r["metric"], r["unit"]): r for r in map(json.loads, out.splitlines())}
    assert rows[("visitors", "人")]["sum"] == 12012 and rows[("visitors", "人次")]["sum"] == 5
    assert rows[("road", "公里")]["sum"] == 0.3 and rows[("road", "公里")]["mean"] == 0.15
    rates = [("rate", "%"), ("rate", "个百分点"), ("ratio", "倍")]
    assert [rows[key]["sum"] for key in rates] == [None, None, None]
    assert rows[("rate", "%")]["mean"] == 65.25


def test_pivot_has_one_row_per_document() -> None:
    code, out, _ = _run("summary", str(SAMPLES), "--pivot", "-f", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["doc"] for r in rows] == [p.stem for p in SAMPLE_FILES]
    header = list(rows[0])
    assert header[:3] == ["doc", "title", "date"]
    assert all(h.endswith(")") and " (" in h for h in header[3:])
    records = list(extract_paths([SAMPLES]))
    first = [r for r in records if r.doc == rows[0]["doc"] and r.unit == "人"]
    cell = rows[0][f"{first[0].metric} (人)"]
    assert Decimal(cell) == sum(Decimal(str(r.value)) for r in first if r.metric == first[0].metric)


def test_where_filters_before_grouping(tmp_path: Path) -> None:
    path = tmp_path / "synthetic.csv"
    write_records(RECORDS, Format.csv, path)
    code, out, _ = _run("summary", str(path), "--where", "region=昆明", "-f", "jsonl")
    assert code == 0
    assert [json.loads(line) for line in out.splitlines()] == [
        {"metric": "visitors", "unit": "人", "count": 2, "sum": 12, "min": 5, "max": 7, "mean": 6, "docs": 2}
    ]
    code, out, _ = _run(
        "summary", str(path), "--where", "unit=人", "--where", "unit=人次", "--by", "unit", "-f", "csv"
    )
    assert [r["unit"] for r in csv.DictReader(io.StringIO(out))] == ["人", "人次"]
    code, out, _ = _run("summary", str(path), "--pivot", "--where", "doc=b", "-f", "csv")
    assert [r["doc"] for r in csv.DictReader(io.StringIO(out))] == ["b"]


def test_binary_formats_and_table_from_summary(tmp_path: Path) -> None:
    for fmt in ("parquet", "xlsx"):
        path = tmp_path / f"summary.{fmt}"
        code, out, err = _run("summary", str(SAMPLES), "-o", str(path))  # format from the ending
        assert code == 0 and out == "", err
        back = pd.read_parquet(path) if fmt == "parquet" else pd.read_excel(path)
        assert back["count"].sum() == len(list(extract_paths([SAMPLES])))
    code, out, _ = _run("summary", str(SAMPLES), "-f", "table")
    assert code == 0
    assert out.splitlines()[0].split() == ["metric", "unit", "count", "sum", "min", "max", "mean", "docs"]


def test_an_article_on_stdin_is_extracted_first() -> None:
    article = "共查处违法58957起，其中饮酒驾驶135起，满意率93%。"
    code, out, _ = _run("summary", "-", "--by", "unit", "-f", "jsonl", stdin=article)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["unit"], r["count"], r["sum"]) for r in rows] == [("%", 1, None), ("起", 2, 59092)]


def test_usage_errors_exit_2_with_one_line(tmp_path: Path) -> None:
    existing = tmp_path / "keep.parquet"
    existing.write_bytes(b"old")
    for args in (
        ["summary", str(SAMPLES), "-f", "parquet"],
        ["summary", str(SAMPLES), "-f", "xlsx"],
        ["summary", str(SAMPLES), "--by", "colour"],
        ["summary", str(SAMPLES), "--pivot", "--by", "metric"],
        ["summary", str(SAMPLES), "--where", "unit"],
        ["summary", str(SAMPLES), "--where", "nope=1", "-o", str(existing)],
        ["extract", str(SAMPLES), "-f", "xlsx"],
    ):
        code, out, err = _run(*args)
        assert code == 2 and out == "", args
        assert len(err.splitlines()) == 1 and err.startswith("statx: error: "), (args, err)
    assert existing.read_bytes() == b"old"


def test_a_bad_input_is_one_line_exit_1_and_the_others_still_summarised(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("doc,text,value,unit\nx,3人,three,人\n", encoding="utf-8")
    good = tmp_path / "good.jsonl"
    write_records(RECORDS, Format.jsonl, good)
    code, out, err = _run("summary", str(bad), str(good), str(tmp_path / "missing.json"), "-f", "jsonl")
    assert code == 1
    assert sum(json.loads(line)["count"] for line in out.splitlines()) == len(RECORDS)
    lines = err.splitlines()
    assert len(lines) == 2 and all(line.startswith("statx: error: ") for line in lines)
    assert "line 2: value 'three' is not a number" in lines[0] and "no such file" in lines[1]


def test_nothing_in_is_an_empty_summary_not_an_error() -> None:
    code, out, _ = _run("summary", "-", "-f", "csv", stdin="")
    assert code == 0 and out == "metric,unit,count,sum,min,max,mean,docs\n"
