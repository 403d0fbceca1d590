"""Records -> pandas: the typed frame, per-group totals and the one-row-per-document pivot.

pandas is imported inside the functions, never at module level, so that `statx extract`
(which needs none of this) starts fast; importing this module costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from statx.errors import UsageError
from statx.records import FIELDS, SHARE_UNITS, Basis, Change, Qualifier, Record, Role

if TYPE_CHECKING:
    import pandas as pd

    from statx.errors import StatxError
    from statx.rules import RuleSet

#: Units whose values are rates or ratios: adding two of them means nothing (60% + 70% is
#: not 130% of anything, two "up 3 percentage points" are not 6, "3 times" and "2 times"
#: of different bases are not 5 times), so their `sum` is left empty and a pivot cell
#: never adds them either.
NON_ADDITIVE_UNITS: frozenset[str] = SHARE_UNITS | {"基点"}


def additive(unit: str) -> bool:
    """Tell whether figures in `unit` may be added up.

    Counts and amounts may; rates and changes (`NON_ADDITIVE_UNITS`) may not, nor any unit
    per another (12000元/平方米, 80公里/小时, 32微克/立方米): two prices are no price.

    >>> additive("元"), additive("%"), additive("元/平方米"), additive("基点")
    (True, False, False, False)
    """
    return unit not in NON_ADDITIVE_UNITS and "/" not in unit


#: Summary columns after the group keys, in output order.
SUMMARY_COLUMNS: tuple[str, ...] = ("count", "sum", "min", "max", "mean", "docs")

# Categorical columns with a closed set of values keep every category (in the order the
# record type declares them) so frames from different runs share one dtype.
_FIXED_CATEGORIES: dict[str, tuple[str, ...]] = {
    "qualifier": get_args(Qualifier),
    "change": get_args(Change),
    "basis": get_args(Basis),
    "role": get_args(Role),
}
# Open-ended categoricals: categories are the values present, sorted, so the order is stable.
_OPEN_CATEGORIES = ("metric", "unit")
_DATES = ("date", "period_start", "period_end")
_INTS = ("start", "end")
_NULLABLE_INTS = ("parent_start",)


def to_frame(records: Iterable[Record]) -> pd.DataFrame:
    """Return the records as a DataFrame with one typed column per record field, in field order.

    Typed so that a notebook can compute at once: `value` is float (one dtype for 17000 and
    93.03), `qualifier` `metric` `unit` `change` `basis` `role` are categorical, `date`
    `period_start` `period_end` are datetimes (a value that is not an ISO date becomes NaT),
    offsets are integers, the rest are strings with missing values as NA.

    Args:
        records: any iterable of records, e.g. `extract_paths(...)`; consumed once.

    Returns:
        A DataFrame with the columns of `statx.FIELDS`, one row per record, in input order.
    """
    import pandas as pd

    rows = [rec.to_dict() for rec in records]
    columns: dict[str, Any] = {}
    for name in FIELDS:
        values = [row[name] for row in rows]
        if name == "value":
            columns[name] = pd.array(values, dtype="float64")
        elif name in _FIXED_CATEGORIES:
            columns[name] = pd.Categorical(values, categories=list(_FIXED_CATEGORIES[name]))
        elif name in _OPEN_CATEGORIES:
            present = sorted({v for v in values if v is not None})
            columns[name] = pd.Categorical(values, categories=present)
        elif name in _DATES:
            # nanosecond datetimes end in 2262: a date beyond (a typo'd year) becomes NaT, not a crash
            values = [v if isinstance(v, str) and "1677" < v[:4] < "2262" else None for v in values]
            dates = pd.to_datetime(pd.Series(values, dtype=object), format="ISO8601", errors="coerce")
            columns[name] = dates.astype("datetime64[ns]")  # one resolution, whatever the values
        elif name in _INTS:
            columns[name] = pd.array(values, dtype="int64")
        elif name in _NULLABLE_INTS:
            columns[name] = pd.array(values, dtype="Int64")
        else:
            columns[name] = pd.array(values, dtype="string")
    return pd.DataFrame(columns)


def extract_frame(
    paths: Iterable[str | Path],
    *,
    rules: RuleSet | None = None,
    encoding: str | None = None,
    on_error: Callable[[StatxError], None] | None = None,
) -> pd.DataFrame:
    """Extract every document under `paths` straight into a typed DataFrame (see `to_frame`).

    Args:
        paths: files, folders or `-`, as for `extract_paths`.
        rules: a compiled RuleSet; the built-in rules when None.
        encoding: force this text encoding instead of UTF-8.
        on_error: called with each per-document error; None raises it.

    Returns:
        One row per figure, documents in input order.
    """
    from statx.extract import extract_paths

    return to_frame(extract_paths(paths, rules=rules, encoding=encoding, on_error=on_error))


def parse_by(text: str | None) -> tuple[str, ...]:
    """Read `--by metric,region` into field names; every name must be a record field.

    >>> parse_by("region, metric")
    ('region', 'metric')
    >>> parse_by(None)
    ('metric',)
    """
    if text is None:
        return ("metric",)
    names = tuple(name.strip() for name in text.split(",") if name.strip())
    if not names:
        raise UsageError("--by needs at least one field, e.g. --by metric,region")
    for name in names:
        _check_field(name, "--by")
    if len(set(names)) != len(names):
        raise UsageError(f"--by {text}: a field is named twice")
    return names


def parse_where(conditions: Sequence[str]) -> dict[str, frozenset[str]]:
    """Read `--where FIELD=VALUE` options into field -> accepted values.

    Several values for one field are alternatives (`--where unit=人 --where unit=人次` keeps
    both units: an AND of two units would always be empty); different fields must all hold.

    >>> where = parse_where(["unit=人", "unit=人次", "region=昆明市"])
    >>> sorted(where["unit"]), sorted(where["region"])
    (['人', '人次'], ['昆明市'])
    """
    accepted: dict[str, set[str]] = {}
    for cond in conditions:
        name, sep, value = cond.partition("=")
        if not sep:
            raise UsageError(f"--where {cond}: expected FIELD=VALUE, e.g. --where unit=人")
        name = name.strip()
        _check_field(name, "--where")
        accepted.setdefault(name, set()).add(value)
    return {name: frozenset(values) for name, values in accepted.items()}


def select(records: Iterable[Record], where: Mapping[str, frozenset[str]]) -> Iterator[Record]:
    """Yield the records whose fields match `where` (see `parse_where`), comparing as text.

    Values compare as they print: `value=17000` matches 17000, an empty VALUE matches null.
    """
    for rec in records:
        if all(_as_text(getattr(rec, name)) in values for name, values in where.items()):
            yield rec


def summary(frame: pd.DataFrame, by: Sequence[str] = ("metric",)) -> pd.DataFrame:
    """Total the figures per group: count, sum, min, max, mean and number of documents.

    Groups are always split by unit as well, because 5 人 and 5 人次 (or 元 and 万元 of a
    careless source) are different quantities: adding them would produce a number that
    exists nowhere. `sum` is empty for rates and prices (see `additive`). Sums and means are
    computed in decimal, so 0.1 + 0.2 is 0.3, as the figures were written. A null group key
    (a record without region, say) is a group of its own, not dropped.

    Args:
        frame: a frame from `to_frame` (any frame with the grouped columns, `value` and `doc`).
        by: the fields to group by; `unit` is added when missing.

    Returns:
        Columns: the `by` fields, `unit`, then `SUMMARY_COLUMNS`; rows sorted by the keys
        (nulls last), so the same records always give the same table.
    """
    import pandas as pd

    for name in by:
        _check_field(name, "--by")
    keys = list(by) if "unit" in by else [*by, "unit"]
    if frame.empty:
        empty = {key: frame[key].iloc[:0] for key in keys}
        empty |= {"count": pd.array([], dtype="int64")}
        empty |= {name: pd.array([], dtype="float64") for name in ("sum", "min", "max", "mean")}
        empty |= {"docs": pd.array([], dtype="int64")}
        return pd.DataFrame(empty)
    grouped = frame.groupby(keys, observed=True, dropna=False, sort=False)
    out = grouped.agg(
        count=("value", "size"),
        sum=("value", _exact_sum),
        min=("value", "min"),
        max=("value", "max"),
        mean=("value", _exact_mean),
        docs=("doc", "nunique"),
    ).reset_index()
    out["sum"] = out["sum"].astype("float64")
    out["mean"] = out["mean"].astype("float64")
    out.loc[[not additive(str(unit)) for unit in out["unit"]], "sum"] = float("nan")
    out = out.sort_values(keys, na_position="last", kind="stable").reset_index(drop=True)
    return out[[*keys, *SUMMARY_COLUMNS]]


def pivot(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per document, one column per metric and unit (`metric (unit)`): the report sheet.

    A cell is the document's figures of that metric and unit added up, except for rates
    and prices (see `additive`), which never add: the cell holds the rate when the document gives
    one value, and stays empty when it gives several different ones (picking one would be
    arbitrary). Rows keep the order documents first appear in; `title` and `date` follow
    `doc` so the sheet can be read without the records.

    Args:
        frame: a frame from `to_frame`.

    Returns:
        Columns `doc`, `title`, `date`, then one float column per `metric (unit)`, sorted.
    """
    import pandas as pd

    docs = pd.unique(frame["doc"])
    meta = frame.groupby("doc", sort=False)[["title", "date"]].first().reindex(docs)
    out = meta.reset_index()
    out.columns = pd.Index(["doc", "title", "date"])
    if frame.empty:
        return out
    cells = (
        frame.groupby(["doc", "metric", "unit"], observed=True, sort=False)["value"]
        .agg(list)
        .reset_index(name="values")
    )
    cells["header"] = [f"{m} ({u})" for m, u in zip(cells["metric"], cells["unit"], strict=True)]
    cells["cell"] = [_cell(v, str(u)) for v, u in zip(cells["values"], cells["unit"], strict=True)]
    order = sorted(set(zip(cells["metric"].astype(str), cells["unit"].astype(str), strict=True)))
    headers = [f"{m} ({u})" for m, u in order]
    wide = cells.pivot(index="doc", columns="header", values="cell").reindex(index=docs, columns=headers)
    wide = wide.astype("float64")
    wide.columns = pd.Index(headers)
    return pd.concat([out, wide.reset_index(drop=True)], axis=1)


def _cell(values: list[float], unit: str) -> float:
    if additive(unit):
        return _exact_sum(values)
    return values[0] if len(set(values)) == 1 else float("nan")


def _decimal_total(values: Iterable[float]) -> tuple[Decimal, int]:
    total, n = Decimal(0), 0
    for v in values:
        total += Decimal(repr(float(v)))  # repr is the short decimal the figure was written as
        n += 1
    return total, n


def _exact_sum(values: Iterable[float]) -> float:
    """Add as decimals: 0.1 + 0.2 -> 0.3, not 0.30000000000000004.

    >>> _exact_sum([0.1, 0.2])
    0.3
    """
    return float(_decimal_total(values)[0])


def _exact_mean(values: Iterable[float]) -> float:
    total, n = _decimal_total(values)
    return float(total / n) if n else float("nan")


def _as_text(value: object) -> str:
    """The text a value prints as in CSV: null empty, whole numbers without `.0`."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _check_field(name: str, option: str) -> None:
    if name not in FIELDS:
        raise UsageError(f"{option}: unknown field {name!r} (fields: {', '.join(FIELDS)})")
