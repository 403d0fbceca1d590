"""Turn the number part of a figure into an exact :class:`~decimal.Decimal`.

The matcher finds a span such as ``1.7万余户``; the caller strips the
qualifier (``余``) and the unit (``户``) and hands the rest here. This module only
computes the value. It never goes through ``float``, so ``1.7万`` is exactly 17000.

Pure Chinese integers go to :mod:`cn2an` (normal mode), and its answer is kept
when it has one. We handle by hand what cn2an does not do, or does inexactly:

* plain Arabic numbers, with or without thousands separators (fast path);
* Arabic numbers with a magnitude (``1.7万``, ``2亿5千3百万``, ``11万90``): cn2an's
  smart mode truncates ``1.23456万`` to 12345 and returns floats;
* Chinese decimals (``九十三点零三``): cn2an adds the fractional part as a float;
* Chinese forms cn2an rejects although its own ``an2cn`` writes them
  (``一亿一千`` for 100001000);
* an approximation word inside the number (``2亿5千3百多万``).

Characters are checked before cn2an sees the text, because it quietly reads
``五元`` as 5, ``负五`` as -5 and ``一元二角`` as 1.2.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Context, Decimal, DecimalException, Inexact, InvalidOperation, Overflow
from functools import lru_cache
from typing import Final

__all__ = ["NumberError", "json_number", "parse_cheng", "parse_fraction", "parse_number"]


class NumberError(ValueError):
    """Raised when text is not a number we can read."""


# Exact arithmetic: a wide precision, and any rounding raises instead of passing silently.
_CTX: Final = Context(prec=64, traps=[InvalidOperation, Inexact, Overflow])
_ONE: Final = Decimal(1)

# Plain Arabic: 1100, 29,542, 93.03. No sign, no spaces, no bare ".5" or "5.".
# Digits grouped by thousands (29,542) or, as some writers group them, by 万 (1,2680: 12680).
_ARABIC_INT: Final = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?:,[0-9]{4})+|[0-9]+")
_ARABIC: Final = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?:,[0-9]{4})+|[0-9]+)(?:\.[0-9]+)?")

# Variant characters folded to the forms the rest of the module knows:
# Traditional, financial (大写) and the contractions 廿 and 卅.
_FOLD: Final = str.maketrans(
    {
        "萬": "万",
        "w": "万",  # posts online: 3.6w+ (the rules take w only before its +)
        "億": "亿",
        "兩": "两",
        "點": "点",
        "餘": "余",
        "壹": "一",
        "贰": "二",
        "貳": "二",
        "叁": "三",
        "參": "三",
        "叄": "三",
        "肆": "四",
        "伍": "五",
        "陆": "六",
        "陸": "六",
        "柒": "七",
        "捌": "八",
        "玖": "九",
        "拾": "十",
        "佰": "百",
        "仟": "千",
        "廿": "二十",
        "卅": "三十",
    }
)

_CN_DIGIT: Final = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_DIGITS: Final = "".join(_CN_DIGIT)
_CN_INT: Final = re.compile(f"[{_CN_DIGITS}十百千万亿]+")
_CN_DECIMAL: Final = re.compile(f"([{_CN_DIGITS}十百千万亿]+)点([{_CN_DIGITS}]+)")
# Tens (十二, 九十五, 两十): with the lone digits, most Chinese numerals in the news. Read
# here, they spare a run that meets no other the 0.2 s of importing cn2an.
_CN_TENS: Final = re.compile(f"([{_CN_DIGITS[2:]}])?十([{_CN_DIGITS[2:]}])?")

# 多/余 after a digit or unit and before a larger unit or the end: 2亿5千3百多万, 1万余, 20多万.
_APPROX: Final = re.compile(r"(?<=[0-9十百千万亿])[多余](?=[百千万亿]|$)")

# Largest first: the first one found splits the text into head x factor + tail.
# The head must stay under the bound: always for 千/百/十 (2.5千, not 25千), and for
# 万/亿 unless it is plain Arabic (15000万 is written; 一万亿 is fine, 亿万 is not).
_MAGNITUDES: Final = (
    ("兆", 10**12, 10**12),  # Taiwan's trillion: 1兆2,000億元 (the rules read it before digits, 億, 元)
    ("亿", 10**8, 10**8),
    ("万", 10**4, 10**4),
    ("千", 1000, 10),
    ("百", 100, 10),
    ("十", 10, 10),
)


def parse_number(text: str) -> Decimal:
    """Return the exact value of the number part of a figure.

    Floats would turn 1.7万 into 17000.000000000002, and a record's value must
    be what the article says. Whole values come back with exponent 0, so
    ``str()`` shows plain digits.

    Args:
        text: Normalised number text, qualifier and unit already removed.

    Returns:
        The value; never negative (the caller handles signs).

    Raises:
        NumberError: The text is not a number this module reads.

    >>> parse_number("29,542")
    Decimal('29542')
    >>> parse_number("1.7万")
    Decimal('17000')
    >>> parse_number("九十三点零三")
    Decimal('93.03')
    >>> parse_number("一万二")
    Decimal('12000')
    >>> parse_number("2亿5千3百多万")
    Decimal('253000000')
    >>> parse_number("1兆2,000亿")
    Decimal('1200000000000')
    >>> parse_number("1,2680万"), parse_number("12,3456")
    (Decimal('126800000'), Decimal('123456'))
    >>> parse_number("1.2.3")
    Traceback (most recent call last):
    ...
    statx.numbers.NumberError: not a number: '1.2.3'
    """
    if text.isascii() and text.isdigit():  # most figures; cheaper than a regex
        return Decimal(text)
    if _ARABIC_INT.fullmatch(text):
        return Decimal(text.replace(",", ""))
    return _parse_cached(text)


def parse_cheng(text: str) -> Decimal:
    """Return a share written in 成 (tenths) as a percentage.

    News writes proportions as 四成半 or 六成五; returning percent lets these
    sit in one column with figures written with %.

    Args:
        text: ``N成``, ``N成半`` or ``N成D``; N from 0 to 10, Arabic or Chinese.

    Returns:
        The share in percent, from 0 to 100.

    Raises:
        NumberError: The text is not a share in 成.

    >>> parse_cheng("四成半")
    Decimal('45')
    >>> parse_cheng("六成五")
    Decimal('65')
    >>> parse_cheng("四成五七")
    Decimal('45.7')
    >>> parse_cheng("3成")
    Decimal('30')
    >>> parse_cheng("十成五")
    Traceback (most recent call last):
    ...
    statx.numbers.NumberError: not a share in 成: '十成五'
    """
    return _parse_cheng_cached(text)


def parse_fraction(text: str) -> Decimal:
    """Return a share written as a fraction (三分之一, 五分之二, 2/3) as a percentage.

    Reports write shares as fractions as often as in 成 or %; in percent they sit in one
    column with the rest. A third is not a finite decimal, so the share is rounded to two
    decimals, as reports print percentages (33.33); whole and finite ones stay exact (40, 12.5).

    Args:
        text: ``D分之N`` (Chinese, denominator first), ``N/D`` (Arabic) or 一半 (a half).

    Returns:
        The share in percent, above 0 and below 100.

    Raises:
        NumberError: The text is not a proper fraction (the part is not less than the whole).

    >>> parse_fraction("三分之一"), parse_fraction("五分之二"), parse_fraction("2/3"), parse_fraction("1/8")
    (Decimal('33.33'), Decimal('40'), Decimal('66.67'), Decimal('12.5'))
    >>> parse_fraction("一半")
    Decimal('50')
    >>> parse_fraction("三分之五")
    Traceback (most recent call last):
    ...
    statx.numbers.NumberError: not a share written as a fraction: '三分之五'
    """
    return _parse_fraction_cached(text)


def json_number(value: Decimal) -> int | float:
    """Return ``value`` as the JSON number a reader expects.

    Whole values become ``int`` so 17000 is not written as 17000.0; others
    become the nearest ``float``, whose ``repr`` is the short decimal (93.03).

    Args:
        value: A finite decimal, usually from :func:`parse_number`.

    Returns:
        An ``int`` when ``value`` is whole, otherwise a ``float``.

    Raises:
        ValueError: ``value`` is NaN or infinite.

    >>> json_number(Decimal("17000.0"))
    17000
    >>> json_number(Decimal("93.03"))
    93.03
    """
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value}")
    if value == value.to_integral_value():
        return int(value)
    return float(value)


@lru_cache(maxsize=4096)
def _parse_cached(text: str) -> Decimal:
    """Parse anything but a plain Arabic integer, once per distinct text (news repeats figures)."""
    folded = _APPROX.sub("", text.translate(_FOLD))
    if not folded:
        raise NumberError(f"not a number: {text!r}")
    try:
        return _tidy(_value(folded))
    except NumberError:
        raise NumberError(f"not a number: {text!r}") from None
    except DecimalException:  # Inexact: more digits than _CTX keeps exactly
        raise NumberError(f"not a number: {text!r} (too many digits)") from None


@lru_cache(maxsize=1024)
def _rough_pair(digits: str) -> bool:
    """Whether two Chinese digits say a rough number, as speech pairs them (五六, 七八, 三五)."""
    a, b = (int(_CN_DIGIT[c]) for c in digits)
    return b == a + 1 or (a, b) == (3, 5)


def _parse_cheng_cached(text: str) -> Decimal:
    """Parse ``N成[半|D]`` once per distinct text."""
    head, sep, tail = text.translate(_FOLD).partition("成")
    try:
        if not sep:
            raise NumberError(text)
        tenths = _value(head)
        if tail == "":
            extra = Decimal(0)
        elif tail == "半":
            extra = Decimal(5)
        elif len(tail) == 1 and tail in _CN_DIGIT:
            extra = Decimal(_CN_DIGIT[tail])
        elif len(tail) == 1 and tail in "0123456789":
            extra = Decimal(tail)
        elif len(tail) == 2 and all(c in _CN_DIGIT and _CN_DIGIT[c] for c in tail) and not _rough_pair(tail):
            # 四成五七: the hundredths and their tenths, as Taiwan's papers write 45.7%; a rough
            # pair (三成五六, 三成三五: "35 or 36 %") says no tenth and stays unread
            extra = Decimal(_CN_DIGIT[tail[0]]) + Decimal(_CN_DIGIT[tail[1]]) / 10
        else:
            raise NumberError(text)
        if tail and tenths != tenths.to_integral_value():
            raise NumberError(text)  # 1.5成半
        percent = _CTX.add(_CTX.multiply(tenths, Decimal(10)), extra)
        if percent > 100:
            raise NumberError(text)
    except (NumberError, DecimalException):
        raise NumberError(f"not a share in 成: {text!r}") from None
    return _tidy(percent)


@lru_cache(maxsize=256)
def _parse_fraction_cached(text: str) -> Decimal:
    """Parse ``D分之N``, ``N/D`` or 一半 (下降近一半) once per distinct text."""
    folded = text.translate(_FOLD)
    if folded == "一半":
        folded = "二分之一"
    whole_text, sep, part_text = folded.partition("分之")
    if not sep:
        part_text, sep, whole_text = folded.partition("/")
    try:
        if not sep:
            raise NumberError(text)
        whole, part = _value(whole_text), _value(part_text)
        if not 0 < part < whole:
            raise NumberError(text)
        percent = Decimal(100) * part / whole  # the default context: 28 digits, rounded below
    except (NumberError, DecimalException):
        raise NumberError(f"not a share written as a fraction: {text!r}") from None
    cents = percent.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return _tidy(cents if cents != percent else percent)


def _value(text: str) -> Decimal:
    """Read folded text: Arabic, Chinese integer, Chinese decimal or magnitudes."""
    if _ARABIC.fullmatch(text):
        return Decimal(text.replace(",", ""))
    if _CN_INT.fullmatch(text):
        return _chinese_integer(text)
    match = _CN_DECIMAL.fullmatch(text)
    if match:
        whole = _chinese_integer(match[1])
        fraction = Decimal("0." + "".join(str(_CN_DIGIT[c]) for c in match[2]))
        return _CTX.add(whole, fraction)
    return _sections(text)


def _chinese_integer(text: str) -> Decimal:
    """Read a Chinese integer with cn2an, or by sections where cn2an gives up."""
    if text in _CN_DIGIT:
        return Decimal(_CN_DIGIT[text])
    tens = _CN_TENS.fullmatch(text)
    if tens:
        head, tail = tens.groups()
        return Decimal((_CN_DIGIT[head] if head else 1) * 10 + (_CN_DIGIT[tail] if tail else 0))
    import cn2an  # here, not at the top: importing it costs ~0.1 s a run that may read no Chinese numeral

    try:
        result = cn2an.cn2an(text, "normal")
    except (ValueError, KeyError):
        # cn2an rejects 一亿一千, which its own an2cn writes for 100001000, and
        # raises KeyError on colloquial 一亿五.
        return _sections(text)
    if not isinstance(result, int) or result < 0:
        raise NumberError(text)
    return Decimal(result)


def _sections(text: str) -> Decimal:
    """Split at the largest magnitude and read ``head * factor + tail``.

    This covers what cn2an does not: Arabic digits before a magnitude
    (1.7万, 2亿5千3百万, 11万90) and Chinese decimals before one (一点五万).
    """
    for unit, factor, bound in _MAGNITUDES:
        head_text, sep, tail_text = text.partition(unit)
        if not sep:
            continue
        if head_text:
            head = _value(head_text)
            plain = _ARABIC.fullmatch(head_text) is not None
            # a decimal before a closing 千 scales the unit after it, as statistics write
            # areas (农田受灾面积41.8千公顷): no composite numeral is written that way
            scaled = plain and unit == "千" and "." in head_text and not tail_text
            if (not plain or factor < 10**4) and head >= bound and not scaled:
                raise NumberError(text)  # 百千, 25千, 一亿万
            if unit == "兆" and not plain:
                raise NumberError(text)  # 一兆: a mega as often as a trillion
        elif unit == "十":
            head = _ONE  # 十二
        else:
            raise NumberError(text)  # 万, 千五
        tail = _tail(tail_text, factor)
        if tail and head != head.to_integral_value():
            raise NumberError(text)  # 1.5万3千: which is meant?
        return _CTX.add(_CTX.multiply(head, Decimal(factor)), tail)
    raise NumberError(text)


def _tail(text: str, factor: int) -> Decimal:
    """Read what follows a magnitude; a lone digit is colloquial (一万二 is 12000)."""
    if not text:
        return Decimal(0)
    if len(text) == 1 and factor >= 100 and text in _CN_DIGIT and text not in "零〇":
        return Decimal(_CN_DIGIT[text] * factor // 10)
    if text[0] in "零〇":
        text = text[1:]  # 一万零五, 3千零50
        if not text:
            raise NumberError(text)
    tail = _value(text)
    if tail >= factor:
        raise NumberError(text)  # 1万20000, 1千2千
    return tail


def _tidy(value: Decimal) -> Decimal:
    """Drop trailing zeros so equal values print alike: 17000, not 1.70E+4 or 17000.0."""
    if value == value.to_integral_value():
        return Decimal(int(value))  # exact at any length, unlike quantize()
    return value.normalize(_CTX)
