"""Tests for statx.frontmatter: the metadata block at a document's start, its title and date."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statx import extract_text, frontmatter
from statx.markup import prepare


def test_only_front_matter() -> None:
    raw = "\n---\ntitle: 标题\ndate: Sat, 12 Jun 2021 13:07:48 GMT\nurl: http://x.cn/1\n---\n"
    prepared, meta = prepare(raw)
    assert prepared.text == ""
    assert meta == {"title": "标题", "date": "2021-06-12"}


def test_front_matter_fallback_when_yaml_fails() -> None:
    raw = "---\ntitle: a: b: [\ndate: '2021-12-24 03:00:26 +0800'\n---\n共5起"
    prepared, meta = prepare(raw)
    assert meta == {"title": "a: b: [", "date": "2021-12-24"}
    assert prepared.text == "共5起"


def test_front_matter_yaml_types() -> None:
    raw = "---\ntitle: 2021\ndate: 2021-12-24\ntags: [a, b]\n---\n正文"
    assert prepare(raw)[1] == {"title": "2021", "date": "2021-12-24"}
    raw = "---\ntitle: T\ndate: 2021-12-24 03:00:26\n---\n"
    assert prepare(raw)[1] == {"title": "T", "date": "2021-12-24"}
    raw = "---\ndate: someday\n---\n"
    assert prepare(raw)[1] == {"date": "someday"}


def test_rule_that_is_not_front_matter() -> None:
    raw = "---\n正文第一段共3起\n---\n"
    prepared, meta = prepare(raw)
    assert meta == {}
    assert prepared.text == raw


@pytest.mark.parametrize(
    ("written", "read"),
    [("2024-02-30", "2024-02-30"), ("2024-13-45", "2024-13-45"), ("2024-01-01 25:00:00", "2024-01-01")],
)
def test_an_impossible_front_matter_date_costs_the_date_not_the_article(written: str, read: str) -> None:
    """YAML reads `2024-02-30` as a timestamp and then fails to make it a date (a ValueError)."""
    text = f"---\ntitle: 通报\ndate: {written}\n---\n共查处违法12起\n"
    (record,) = extract_text(text, doc="a")
    assert (record.text, record.title, record.date) == ("12起", "通报", read)
    assert text[record.start : record.end] == "12起"


_YAML_BITS = [*"':#-[{|>%@~,?", ": ", " #", "''", "\\t", "1", "yes", "null", "0x1F", ".5", "1e3"]


_WORDS = ["&a", "*a", "!x", '"', "昆明", "交警", " ", "2021-12-02", "10:35:06", "Thu, 02 Dec 2021"]


_VALUE_PARTS = st.sampled_from([*_YAML_BITS, *_WORDS])


_KEY = st.sampled_from(["title", "date", "author", "tags"])


_ITEMS = st.lists(st.tuples(_KEY, st.lists(_VALUE_PARTS, max_size=5).map("".join)), min_size=1, max_size=4)


@settings(max_examples=400)
@given(_ITEMS, st.booleans())
def test_front_matter_read_without_yaml_is_yamls(items: list[tuple[str, str]], nested: bool) -> None:
    """Whenever the plain reading takes a block, its title and date are YAML's (or the key lines', as before,
    where YAML fails)."""
    block = "".join(f"{k}: {value}\n" + (" - a\n" if nested and k == "tags" else "") for k, value in items)
    simple = frontmatter._simple_front_matter(block)
    if simple is None:
        return
    try:
        loaded = frontmatter.safe_load(block)
    except (frontmatter.YAMLSyntaxError, ValueError, OverflowError):
        loaded = None
    if not isinstance(loaded, dict):  # YAML fails: the key lines are read
        loaded = {}
        for line in frontmatter._KEY_LINE.finditer(block):
            loaded.setdefault(line["key"], frontmatter._unquote(line["value"]))
    for key in ("title", "date"):
        want, got = loaded.get(key), simple.get(key)
        if want is None or want == "":
            assert got in (None, "")
        else:
            assert got is not None
            assert (frontmatter.iso_date(got), str(got).strip()) == (
                frontmatter.iso_date(want),
                str(want).strip(),
            )
