"""Records -> typed DataFrame, totals per group, pivot per document, --where filters."""

from __future__ import annotations

import math
import subprocess
import sys
from collections import defaultdict
from decimal import Decimal

import pandas as pd
import pytest

import statx
from statx import extract_paths
from statx.aggregate import (
    SUMMARY_COLUMNS,
    additive,
    parse_by,
    parse_where,
    pivot,
    select,
    summary,
    to_frame,
)
from statx.errors import UsageError
from statx.records import FIELDS, Record
from tests.conftest import SAMPLES
from tests.synthetic import RECORDS


def _rows(frame: pd.DataFrame) -> list[dict[str, object]]:
    """Rows as plain values: NaN -> None, so expectations read like the records."""
    return [
        {k: None if (isinstance(v, float) and math.isnan(v)) or v is pd.NA else v for k, v in row.items()}
        for row in frame.astype(object).to_dict("records")
    ]


def test_to_frame_has_typed_columns_in_field_order() -> None:
    frame = to_frame(RECORDS)
    assert list(frame.columns) == list(FIELDS)
    assert len(frame) == len(RECORDS)
    assert frame["value"].dtype == "float64"
    for name in ("qualifier", "metric", "unit", "change", "basis", "role"):
        assert isinstance(frame[name].dtype, pd.CategoricalDtype), name
    for name in ("date", "period_start", "period_end"):
        assert pd.api.types.is_datetime64_any_dtype(frame[name]), name
    assert frame["start"].dtype == "int64"
    assert frame["value"].tolist() == [float(r.value) for r in RECORDS]
    assert frame["date"][0] == pd.Timestamp("2021-12-02") and pd.isna(frame["date"][1])
    assert frame["metric"].tolist() == [r.metric for r in RECORDS]
    # every qualifier is a category even when absent, so frames of different runs agree
    assert list(frame["qualifier"].cat.categories) == ["exact", "over", "about", "under", "at_least"]


def test_empty_records_give_an_empty_frame_with_the_same_columns() -> None:
    frame = to_frame([])
    assert list(frame.columns) == list(FIELDS) and frame.empty
    assert frame["value"].dtype == "float64"
    assert list(summary(frame).columns) == ["metric", "unit", *SUMMARY_COLUMNS]
    assert list(pivot(frame).columns) == ["doc", "title", "date"]


def test_extract_frame_is_to_frame_of_extract_paths_and_lazy_on_statx() -> None:
    pd.testing.assert_frame_equal(statx.extract_frame([SAMPLES]), to_frame(extract_paths([SAMPLES])))
    assert statx.to_frame is to_frame
    with pytest.raises(AttributeError):
        _ = statx.no_such_name  # type: ignore[attr-defined]


def test_importing_statx_and_its_cli_does_not_import_pandas() -> None:
    code = (
        "import sys, statx, statx.cli; "
        "print(sorted(m for m in ('pandas', 'pyarrow', 'openpyxl', 'rich') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_summary_per_metric_never_adds_units_nor_rates() -> None:
    out = summary(to_frame(RECORDS))
    assert list(out.columns) == ["metric", "unit", "count", "sum", "min", "max", "mean", "docs"]
    assert [tuple(row.values()) for row in _rows(out)] == [
        ("rate", "%", 2, None, 60.5, 70.0, 65.25, 2),
        ("rate", "个百分点", 1, None, 3.0, 3.0, 3.0, 1),
        ("ratio", "倍", 1, None, 2.0, 2.0, 2.0, 1),
        ("road", "公里", 2, 0.3, 0.1, 0.2, 0.15, 1),  # decimal sum: not 0.30000000000000004
        ("visitors", "人", 3, 12012.0, 5.0, 12000.0, 4004.0, 3),
        ("visitors", "人次", 1, 5.0, 5.0, 5.0, 5.0, 1),  # never added to 人
    ]


def test_summary_by_several_fields_keeps_null_keys_last() -> None:
    out = summary(to_frame(RECORDS), by=["region", "metric"])
    assert list(out.columns) == ["region", "metric", "unit", *SUMMARY_COLUMNS]
    keys = [(r["region"], r["metric"], r["unit"], r["count"]) for r in _rows(out)]
    assert keys == [
        ("大理", "visitors", "人", 1),
        ("昆明", "visitors", "人", 2),
        (None, "rate", "%", 2),
        (None, "rate", "个百分点", 1),
        (None, "ratio", "倍", 1),
        (None, "road", "公里", 2),
        (None, "visitors", "人次", 1),
    ]
    assert out["count"].sum() == len(RECORDS)  # no record lost to a null key


def test_summary_by_unit_alone_and_by_doc() -> None:
    by_unit = _rows(summary(to_frame(RECORDS), by=["unit"]))
    assert [r["unit"] for r in by_unit] == sorted({r.unit for r in RECORDS})
    by_doc = _rows(summary(to_frame(RECORDS), by=["doc"]))
    assert {(r["doc"], r["unit"]): r["count"] for r in by_doc}[("b", "公里")] == 2
    assert all(r["docs"] == 1 for r in by_doc)


def test_summary_totals_equal_the_records_on_the_samples() -> None:
    records = list(extract_paths([SAMPLES]))
    expected: dict[tuple[str, str], list[Decimal]] = defaultdict(list)
    for rec in records:
        expected[(rec.metric, rec.unit)].append(Decimal(str(rec.value)))
    got = {(r["metric"], r["unit"]): r for r in _rows(summary(to_frame(records)))}
    assert set(got) == set(expected)
    for key, values in expected.items():
        assert got[key]["count"] == len(values)
        total = None if not additive(key[1]) else float(sum(values))
        assert got[key]["sum"] == total, key
        assert got[key]["min"] == float(min(values)) and got[key]["max"] == float(max(values))


def test_summary_rejects_unknown_fields() -> None:
    with pytest.raises(UsageError, match="unknown field 'metrc'"):
        summary(to_frame(RECORDS), by=["metrc"])
    with pytest.raises(UsageError, match="unknown field"):
        parse_by("metric,nope")
    with pytest.raises(UsageError, match="named twice"):
        parse_by("metric,metric")
    assert parse_by(" region , metric ") == ("region", "metric")


def test_pivot_has_one_row_per_document_and_one_column_per_metric_and_unit() -> None:
    out = pivot(to_frame(RECORDS))
    assert list(out.columns) == [
        *("doc", "title", "date"),
        *("rate (%)", "rate (个百分点)", "ratio (倍)", "road (公里)", "visitors (人)", "visitors (人次)"),
    ]
    rows = _rows(out)
    assert [r["doc"] for r in rows] == ["a", "b", "c"]
    a, b, c = rows
    assert (a["title"], a["date"], b["title"], c["title"]) == ("A篇", pd.Timestamp("2021-12-02"), "B篇", None)
    assert (a["rate (%)"], a["visitors (人)"], a["visitors (人次)"]) == (60.5, 5.0, 5.0)
    assert a["road (公里)"] is None
    assert (b["road (公里)"], b["visitors (人)"], b["rate (%)"]) == (0.3, 7.0, 70.0)
    assert (c["visitors (人)"], c["rate (个百分点)"], c["ratio (倍)"]) == (12000.0, 3.0, 2.0)


def test_pivot_never_adds_rates_within_a_document() -> None:
    records = [
        Record("d", "60%", 60, "%", metric="rate"),
        Record("d", "70%", 70, "%", metric="rate"),
        Record("d", "3人", 3, "人", metric="n"),
        Record("d", "4人", 4, "人", metric="n"),
        Record("e", "50%", 50, "%", metric="rate"),
        Record("e", "50%", 50, "%", metric="rate"),
    ]
    rows = _rows(pivot(to_frame(records)))
    assert [(r["doc"], r["rate (%)"], r["n (人)"]) for r in rows] == [("d", None, 7.0), ("e", 50.0, None)]


def test_pivot_of_the_samples_has_one_row_per_document() -> None:
    records = list(extract_paths([SAMPLES]))
    out = pivot(to_frame(records))
    assert out["doc"].tolist() == list(dict.fromkeys(r.doc for r in records))
    for col in out.columns[3:]:
        metric, unit = col[:-1].rsplit(" (", 1)
        if not additive(unit):
            continue
        expected = sum(r.value for r in records if (r.metric, r.unit) == (metric, unit))
        assert out[col].sum() == pytest.approx(expected)


def test_where_keeps_either_value_of_one_field_and_all_fields() -> None:
    where = parse_where(["unit=人", "unit=人次", "metric=visitors"])
    assert [r.text for r in select(RECORDS, where)] == ["5人", "5人次", "7人", "1.2万人"]
    assert [r.text for r in select(RECORDS, parse_where(["region=", "metric=visitors"]))] == ["5人次"]
    assert [r.text for r in select(RECORDS, parse_where(["value=12000"]))] == ["1.2万人"]
    assert [r.text for r in select(RECORDS, parse_where(["value=0.1"]))] == ["0.1公里"]
    assert list(select(RECORDS, {})) == RECORDS
    with pytest.raises(UsageError, match="FIELD=VALUE"):
        parse_where(["unit"])
    with pytest.raises(UsageError, match="unknown field 'colour'"):
        parse_where(["colour=red"])


def test_dates_beyond_what_pandas_can_hold_become_missing() -> None:
    rec = Record(doc="d", text="1起", value=1, unit="起", period_start="2541-01-01", period_end="2541-12-31")
    frame = to_frame([rec])
    assert frame["period_start"].isna().all() and frame["period_end"].isna().all()


def test_prices_and_basis_points_are_never_summed() -> None:
    """Two prices per square metre are no price, two cuts of 10 basis points no cut of 20."""
    records = statx.extract_text(
        "甲区均价12000元/平方米，乙区均价9000元/平方米，利率下调10BP，再下调10BP，投入资金300万元、200万元",
        doc="prices",
    )
    rows = {r["unit"]: r for r in _rows(summary(to_frame(records), by=["doc"]))}
    assert rows["元/平方米"]["count"] == 2 and rows["元/平方米"]["sum"] is None
    assert rows["元/平方米"]["mean"] == 10500
    assert rows["基点"]["count"] == 2 and rows["基点"]["sum"] is None
    assert rows["元"]["sum"] == 5000000
    sheet = pivot(to_frame(records))
    price = next(c for c in sheet.columns if c.endswith("(元/平方米)"))
    assert pd.isna(sheet[price][0])  # two different prices: no single cell value
