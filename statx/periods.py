"""Resolve a period as written (今年以来, 2019年上半年, 截至目前, 民国106年) to ISO start/end dates.

Relative words are read against the article's date: `今年` in an article dated 2021-12-02
is 2021-01-01 .. 2021-12-02, because a report cannot speak of days after it was written.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import functools

import regex

from statx.numbers import NumberError, parse_number
from statx.patterncache import compile_pattern

_YEAR = compile_pattern(
    r"(?:(?P<ce>(?:19|20)\d{2})|(?P<cn>[一二][〇零一二三四五六七八九]{3})|(?:民国)?(?P<roc>\d{2,3}))\s?年"
    r"|(?P<rel>今年|本年度|全年|年内|去年|上年度|上年|明年)"
)
_M = r"\d{1,2}|[一二三四五六七八九十]{1,2}"
_MONTHS = compile_pattern(rf"(?P<m1>{_M})(?:月份?)?(?:至|到|-|—)(?P<m2>{_M})月|(?P<m1>{_M})月")
_DAYS = compile_pattern(
    r"(?:(?P<y1>(?:19|20)\d{2})年)?(?P<m1>\d{1,2})月(?P<d1>\d{1,2})日(?:至|到|-|—|~)"
    r"(?:(?P<y2>(?:19|20)\d{2})年)?(?:(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})日"
)
_RECENT_YEARS = compile_pattern(r"近\d")  # compiled once: a module-level regex.search looks it up per call
_CUT_OFF_DAY = compile_pattern(r"(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
_QUARTER = compile_pattern(r"第?(?P<q>[一二三四1-4])季度")
_RELATIVE_YEAR = {
    "今年": 0,
    "本年度": 0,
    "全年": 0,
    "年内": 0,
    "去年": -1,
    "上年度": -1,
    "上年": -1,
    "明年": 1,
}
_QUARTER_NUM = {"一": 1, "二": 2, "三": 3, "四": 4}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _month(text: str) -> int | None:
    try:
        m = int(parse_number(text))
    except NumberError:
        return None
    return m if 1 <= m <= 12 else None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_of(period: str, today: dt.date | None) -> int | None:
    m = _YEAR.search(period)
    if m is None:
        return today.year if today else None
    if m.group("ce"):
        return int(m.group("ce"))
    if m.group("cn"):  # 二〇二三年
        return int(parse_number(m.group("cn")))
    if m.group("roc"):
        roc = int(m.group("roc"))
        # 民国 (ROC) years, as Taiwan reports write them; 2541年 is a typo, not ROC 541
        return roc + 1911 if roc <= 200 else None
    return today.year + _RELATIVE_YEAR[m.group("rel")] if today else None


def _day_range(m: regex.Match[str], today: dt.date | None) -> tuple[str | None, str | None]:
    """2023年1月7日至2月15日 -> 2023-01-07 .. 2023-02-15 (the year from the text, else the article's,
    or the year before it when those days are still to come: 国庆 10月1日至7日 in a July report)."""
    year = int(m.group("y1")) if m.group("y1") else today.year if today else None
    if year is None:
        return None, None
    for shift in (0, 1):
        end_year = int(m.group("y2")) if m.group("y2") else year - shift
        try:
            start = dt.date(year - shift, int(m.group("m1")), int(m.group("d1")))
            end = dt.date(end_year, int(m.group("m2") or m.group("m1")), int(m.group("d2")))
        except ValueError:
            return None, None
        if m.group("y1") or today is None or start <= today:
            break
    return start.isoformat(), end.isoformat()


def _span(period: str, year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of the part of `year` that `period` names (the whole year by default)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if "上半年" in period:
        end = dt.date(year, 6, 30)
    elif "下半年" in period:
        start = dt.date(year, 7, 1)
    elif "前三季" in period or "首三季" in period:  # 前三季度; Hong Kong's and Macau's 首三季
        end = dt.date(year, 9, 30)
    elif "首两季" in period or "首二季" in period:
        end = dt.date(year, 6, 30)
    elif "首季" in period:  # the first quarter, as Hong Kong and Macau name it
        end = dt.date(year, 3, 31)
    elif q := _QUARTER.search(period):
        n = _QUARTER_NUM.get(q.group("q")) or int(q.group("q"))
        start, end = dt.date(year, 3 * n - 2, 1), _month_end(year, 3 * n)
    elif (mm := _MONTHS.search(period)) and (m1 := _month(mm.group("m1"))):
        m2 = _month(mm.group("m2")) if mm.group("m2") else m1
        start, end = dt.date(year, m1, 1), _month_end(year, m2 or m1)
    return start, end


@functools.lru_cache(maxsize=4096)  # pure, and a corpus repeats its few periods and dates
def resolve_period(period: str, article_date: str | None) -> tuple[str | None, str | None]:
    """Resolve a written period to (start, end) ISO dates; None where it cannot be known.

    >>> resolve_period("今年以来", "2021-12-02")
    ('2021-01-01', '2021-12-02')
    >>> resolve_period("2019年上半年", None)
    ('2019-01-01', '2019-06-30')
    >>> resolve_period("二〇二三年全年", None)
    ('2023-01-01', '2023-12-31')
    >>> resolve_period("106年", None)
    ('2017-01-01', '2017-12-31')
    >>> resolve_period("截至目前", "2021-06-12")
    (None, '2021-06-12')
    >>> resolve_period("今年5月以来", "2021-06-12")
    ('2021-05-01', '2021-06-12')
    >>> resolve_period("2023年1月7日至2月15日", None)
    ('2023-01-07', '2023-02-15')
    >>> resolve_period("截至11月20日", "2024-11-28")
    (None, '2024-11-20')
    >>> resolve_period("10月1日至7日", "2025-07-15"), resolve_period("四季度", "2025-01-10")
    (('2024-10-01', '2024-10-07'), ('2024-10-01', '2024-12-31'))
    >>> resolve_period("今年四季度", "2025-01-10")  # a year written, even relative, is kept
    ('2025-10-01', '2025-12-31')
    >>> resolve_period("今年首三季", "2025-10-28"), resolve_period("首季", "2024-05-06")
    (('2025-01-01', '2025-09-30'), ('2024-01-01', '2024-03-31'))
    """
    try:
        today = dt.date.fromisoformat(article_date) if article_date else None
    except ValueError:
        today = None
    if days := _DAYS.search(period):
        return _day_range(days, today)
    if "目前" in period or "近年" in period or _RECENT_YEARS.search(period):
        return None, _iso(today) if "目前" in period else None
    year = _year_of(period, today)
    if year is None:
        return None, None
    start, end = _span(period, year)
    if today and start > today and _YEAR.search(period) is None:
        # no year written (12月, 四季度 in a January report): the last one, not one still to come
        year -= 1
        start, end = _span(period, year)
    if "截至" in period or "截止" in period:
        if (day := _CUT_OFF_DAY.search(period)) and (mm := _month(day.group("m"))):
            with contextlib.suppress(ValueError):  # 截至11月20日: that day, not the month's end
                end = dt.date(year, mm, int(day.group("d")))
        return None, _iso(end if today is None else min(end, today))
    if period.endswith("来") and today:
        return _iso(start), _iso(today)
    if today and start <= today < end:
        end = today  # the year (or part) is still running when the article was written
    return _iso(start), _iso(end)
