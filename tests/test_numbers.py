"""Tests for statx.numbers: the number part of a figure -> exact Decimal."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import cn2an
import pytest
from hypothesis import given
from hypothesis import strategies as st

from statx.numbers import NumberError, json_number, parse_cheng, parse_number

READS = [
    # Arabic
    ("1100", "1100"),
    ("58957", "58957"),
    ("29,542", "29542"),
    ("1,234,567", "1234567"),
    ("93.03", "93.03"),
    ("0.5", "0.5"),
    ("0", "0"),
    ("007", "7"),
    ("100.0", "100"),
    ("1.50", "1.5"),
    ("12,345.6", "12345.6"),
    # Chinese
    ("一千一百", "1100"),
    ("两千", "2000"),
    ("四", "4"),
    ("十", "10"),
    ("十二", "12"),
    ("二十", "20"),
    ("一十", "10"),
    ("一百零五", "105"),
    ("三千零五十", "3050"),
    ("〇", "0"),
    ("零", "0"),
    ("两", "2"),
    ("廿", "20"),
    ("廿五", "25"),
    ("卅", "30"),
    ("九十三点零三", "93.03"),
    ("零点五", "0.5"),
    ("一百二十三万四千五百六十七点八九", "1234567.89"),
    ("一万二", "12000"),
    ("一百五", "150"),
    ("十三万六", "136000"),
    ("三万五千", "35000"),
    ("十万零一千", "101000"),
    ("一亿零一万", "100010000"),
    ("一万亿", "1000000000000"),
    ("二〇二三", "2023"),
    ("壹仟贰佰", "1200"),
    # cn2an gives up on these; read by sections
    ("一亿一千", "100001000"),
    ("六千零四十七亿九千三百零二", "604700009302"),
    ("一亿五", "150000000"),
    ("两亿三", "230000000"),
    ("一点五万", "15000"),
    # Arabic with a magnitude
    ("1.7万", "17000"),
    ("12.82万", "128200"),
    ("3万", "30000"),
    ("1.2亿", "120000000"),
    ("2亿5千3百万", "253000000"),
    ("11万90", "110090"),
    ("1万零5", "10005"),
    ("5千", "5000"),
    ("3百", "300"),
    ("2.5千", "2500"),
    # a decimal before a closing 千 scales the unit (thousands of hectares in a disaster report)
    ("38.4千", "38400"),
    ("127.05千", "127050"),
    ("3十", "30"),
    ("1,200万", "12000000"),
    ("15000万", "150000000"),
    ("1.2万亿", "1200000000000"),
    ("1.23456万", "12345.6"),
    ("0.5万", "5000"),
    ("3万五", "35000"),
    ("3亿四千万", "340000000"),
    ("两千3百万", "23000000"),
    # approximation word inside: ignored, the caller records it
    ("2亿5千3百多万", "253000000"),
    ("1万余", "10000"),
    ("3千多", "3000"),
    ("20多万", "200000"),
    ("十多万", "100000"),
    ("一千一百余", "1100"),
    ("100餘萬", "1000000"),
    # Traditional forms that slipped through
    ("一萬二", "12000"),
    ("3億", "300000000"),
    ("兩千", "2000"),
    ("九點五", "9.5"),
    ("1.7萬", "17000"),
    ("1,0000", "10000"),  # digits grouped by 万, as some writers group them
    ("1,2680万", "126800000"),
]


@pytest.mark.parametrize(("text", "expected"), READS)
def test_parse_number_reads(text: str, expected: str) -> None:
    value = parse_number(text)
    assert value == Decimal(expected)
    assert str(value) == expected  # 17000, never 1.7E+4 or 17000.0


REJECTS = [
    "",
    "abc",
    "1.2.3",
    "万",
    "亿",
    "多",
    "万余",
    "1 100",
    " 1100",
    "+5",
    "-5",
    "负五",  # cn2an reads -5
    "五元",  # cn2an reads 5
    "一元二角",  # cn2an reads 1.2
    "1.",
    ".5",
    "1,00",
    "1234,5678",  # groups of four (below) start with one to three digits
    "1e5",
    "NaN",
    "Infinity",
    "１００",  # full width: the caller normalises first
    "٣",
    "点五",
    "五点",
    "百千",
    "千五",
    "亿万",
    "25千",
    "125千",  # a whole number of thousands is written 12.5万: no decimal, no scale
    "12.5千3百",
    "1万20000",
    "1千2千",
    "1.5万3千",
    "一兆",
    "93.03%",
    "3万人",
    "多万",
    "1" * 70 + "万",  # too many digits to stay exact
]


@pytest.mark.parametrize("text", REJECTS)
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(NumberError, match="not a number") as info:
        parse_number(text)
    assert repr(text) in str(info.value)


def test_number_error_is_value_error() -> None:
    with pytest.raises(ValueError):
        parse_number("abc")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("四成半", "45"),
        ("九成", "90"),
        ("3成", "30"),
        ("六成五", "65"),
        ("两成", "20"),
        ("十成", "100"),
        ("0成", "0"),
        ("1.5成", "15"),
        ("3成5", "35"),
        # Taiwan's papers write a share to a decimal with a second digit (四成五七 is 45.7%)
        ("三成五七", "35.7"),
        ("四成六二", "46.2"),
    ],
)
def test_parse_cheng_reads(text: str, expected: str) -> None:
    value = parse_cheng(text)
    assert value == Decimal(expected)
    assert str(value) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "成",
        "三",
        "成半",
        "十成五",
        "十一成",
        "1.5成半",
        "三成多",
        "三成五六",
        "三成三五",
        "三成五六七",
        "三成零五",
        "abc",
    ],
)
def test_parse_cheng_rejects(text: str) -> None:
    with pytest.raises(NumberError, match="成"):
        parse_cheng(text)


@pytest.mark.parametrize(
    ("value", "expected", "dumped"),
    [
        (Decimal("17000"), 17000, "17000"),
        (Decimal("1.70E+4"), 17000, "17000"),
        (Decimal("17000.000"), 17000, "17000"),
        (Decimal("93.03"), 93.03, "93.03"),
        (Decimal("0.5"), 0.5, "0.5"),
        (Decimal("0"), 0, "0"),
        (Decimal("-3"), -3, "-3"),
    ],
)
def test_json_number(value: Decimal, expected: int | float, dumped: str) -> None:
    result = json_number(value)
    assert result == expected
    assert type(result) is type(expected)
    assert json.dumps(result) == dumped


def test_json_number_of_parsed_mixed_form() -> None:
    assert json.dumps(json_number(parse_number("1.7万"))) == "17000"
    assert json.dumps(json_number(parse_number("九十三点零三"))) == "93.03"


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity")])
def test_json_number_rejects_non_finite(value: Decimal) -> None:
    with pytest.raises(ValueError, match="finite"):
        json_number(value)


integers = st.integers(min_value=0, max_value=10**12)
# One or two decimals, up to 10**10.
decimals = st.builds(
    lambda n, places: Decimal(n).scaleb(-places),
    st.integers(min_value=0, max_value=10**12),
    st.sampled_from([1, 2]),
)
numbers = st.one_of(integers.map(Decimal), decimals)


@given(integers)
def test_round_trip_through_an2cn(n: int) -> None:
    assert parse_number(cn2an.an2cn(n)) == n


@given(decimals)
def test_round_trip_decimals_through_an2cn(n: Decimal) -> None:
    assert parse_number(cn2an.an2cn(format(n, "f"))) == n


@given(numbers)
def test_round_trip_arabic(n: Decimal) -> None:
    assert parse_number(format(n, "f")) == n
    assert parse_number(f"{n:,f}") == n


@given(numbers)
def test_round_trip_wan(n: Decimal) -> None:
    assert parse_number(f"{n.scaleb(-4):f}万") == n


@given(numbers)
def test_round_trip_yi(n: Decimal) -> None:
    assert parse_number(f"{n.scaleb(-8):f}亿") == n


@given(numbers)
def test_json_number_is_int_exactly_when_whole(n: Decimal) -> None:
    result = json_number(parse_number(format(n, "f")))
    assert isinstance(result, int) == (n == n.to_integral_value())
    assert result == (int(n) if isinstance(result, int) else float(n))


_DIGITS = "一二两三四五六七八九"
_SMALL = ["零", "〇", *_DIGITS, *(h + "十" + t for h in ["", *_DIGITS] for t in ["", *_DIGITS])]


@pytest.mark.parametrize("text", _SMALL)
def test_digits_and_tens_read_as_cn2an_reads_them(text: str) -> None:
    assert parse_number(text) == cn2an.cn2an(text, "normal")


def test_digits_and_tens_do_not_import_cn2an() -> None:
    # importing cn2an costs ~0.2 s: a one-article run should not pay it for 两个 or 十二名
    code = (
        "import sys; from statx.numbers import parse_number; "
        "[parse_number(t) for t in ('两', '十二', '九十五', '3万')]; print('cn2an' in sys.modules); "
        "parse_number('一百二十'); print('cn2an' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]
