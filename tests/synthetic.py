"""Small hand-made record lists whose totals can be checked by eye (no extraction involved)."""

from __future__ import annotations

from statx.records import Record

#: Three documents; one metric in two units (人 / 人次), rates in %, 个百分点 and 倍,
#: decimals that float addition gets wrong (0.1 + 0.2), a region on some records only.
RECORDS: list[Record] = [
    Record("a", "5人", 5, "人", metric="visitors", region="昆明", title="A篇", date="2021-12-02"),
    Record("a", "5人次", 5, "人次", metric="visitors"),
    Record("a", "60.5%", 60.5, "%", metric="rate", qualifier="about"),
    Record("b", "7人", 7, "人", metric="visitors", region="昆明", title="B篇"),
    Record("b", "70%", 70, "%", metric="rate"),
    Record("b", "0.1公里", 0.1, "公里", metric="road", date="2021-06-12"),
    Record("b", "0.2公里", 0.2, "公里", metric="road", qualifier="over"),
    Record("c", "3个百分点", 3, "个百分点", metric="rate", change="up", basis="yoy"),
    Record("c", "2倍", 2, "倍", metric="ratio"),
    Record("c", "1.2万人", 12000, "人", metric="visitors", region="大理"),
]
