"""The typed figure record: one per figure, fields in the fixed order every output format uses."""

from __future__ import annotations

from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any, Literal, NamedTuple

Qualifier = Literal["exact", "over", "about", "under", "at_least"]
Change = Literal["up", "down"]
Basis = Literal["yoy", "mom"]
Role = Literal["current", "baseline"]

#: Units of rates and ratios (60%, 3‰, up 2 percentage points, 1.8 times). They never add up,
#: and a change in one of them may be a change of any metric (死亡人数同比下降30%).
SHARE_UNITS: frozenset[str] = frozenset({"%", "‰", "个百分点", "个千分点", "倍"})


@dataclass(frozen=True, slots=True)
class Record:
    """One statistical figure, grounded in its source: `source[start:end] == text` always holds.

    The first fields follow the gold contract (SPEC.md) in its order, then where the figure
    stands, then what the semantic layer says about it. The order is the column order of
    CSV, Parquet and xlsx output and the key order of JSON, so output stays byte-stable.
    """

    doc: str
    text: str
    value: int | float
    unit: str
    qualifier: Qualifier = "exact"
    metric: str = "other"
    label: str = ""
    change: Change | None = None
    basis: Basis | None = None
    parent: str | None = None
    start: int = 0
    end: int = 0
    sentence: str = ""
    rule: str = ""
    title: str | None = None
    date: str | None = None
    metric_name: str = "其他统计数字"
    parent_start: int | None = None
    role: Role = "current"
    period: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    subject: str | None = None
    region: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the record as a plain dict in field order (what JSON and CSV writers take).

        Every value is immutable (str, number, None), so no copy is needed; this is what
        `dataclasses.asdict` returns, several times faster, which matters at a figure
        every 150 characters.
        """
        return dict(zip(FIELDS, _values(self), strict=True))


class Figure(NamedTuple):
    """A figure as matched, before `statx.semantics` reads what it counts: the fields known by then.

    A tuple, not a Record: one is built for every match and dropped once its record is made,
    and a frozen dataclass of 24 fields costs several times as much to build.
    """

    doc: str
    text: str
    value: int | float
    unit: str
    qualifier: Qualifier
    start: int
    end: int
    sentence: str
    rule: str
    title: str | None
    date: str | None


#: Column order of every tabular output.
FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Record))
_values = attrgetter(*FIELDS)
