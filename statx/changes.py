"""Read each figure's change (up, down) and basis (year on year, month on month), and stated baselines."""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

import regex

from statx.clauses import (
    FULL_STOP_BACK,
    OPENS_BREAKDOWN,
    RESPECTIVELY,
    SENTENCE_END,
    WINDOW,
    Context,
    comma_joined_casualties,
    comma_joined_percents,
    first_start,
    in_prose_cell,
    last_end,
    only_list_join,
    without_blanks,
)
from statx.matcher import Candidate
from statx.patterncache import compile_pattern
from statx.records import Basis, Change

if TYPE_CHECKING:
    from statx.lexicon import Lexicon


def _change(
    text: str, cand: Candidate, ctx: Context, lex: Lexicon
) -> tuple[Change | None, Basis | None, int | None]:
    """Up or down (a change word right before the number, or a sign), and yoy/mom from the words near.

    The third item is the year a yoy basis names (较2019年同期: 2019), to be checked against the
    figure's own year; None for 同比, 较去年 and the like.
    """
    m = cand.match
    sign = m.group("sign") if "sign" in m.re.groupindex else None  # no dict of every group
    change: Change | None = None
    in_table = "|" in ctx.pre
    head: str | None = None  # its column's header, looked for only when it can decide something
    # a page set out with a blank between every character (与 112 年 相 比 减 少 30 人) says its
    # change words spaced out: they are read with the blanks between characters dropped
    words = without_blanks(ctx.pre) + " " if _SPACED_HAN.search(ctx.pre) else ctx.pre
    if sign:
        change = "up" if sign == "+" else "down"
    elif lex.change_up.search(words):
        change = "up"
    elif (lex.change_down.search(words) and not _TAKEOFFS.search(words)) or lex.cut_of.search(ctx.pre):
        change = "down"
    elif _BRACKETED_RISE.search(text, max(0, cand.start - 4), cand.start):
        change = "up"  # 严重罪行86人（增7.5%）: a bare 增 opening a bracket is the count's rise
    elif _RANK_LINK.fullmatch(ctx.pre.strip()) and (
        ranked := lex.ranked_up.search(text, ctx.sentence_start, cand.start)
        or lex.ranked_down.search(text, ctx.sentence_start, cand.start)
    ):
        # 高新区大队违法查处量增幅最大，达21.4%: the clause before says what the figure is
        change = "up" if ranked.re is lex.ranked_up else "down"
    elif text.endswith(_SHARE_UNITS, cand.start, cand.end) and (
        sized := lex.sized_up.search(text, ctx.sentence_start, cand.start)
        or lex.sized_down.search(text, ctx.sentence_start, cand.start)
    ):
        # 降幅由1-6月的3.2%扩大到10.6%: both figures are sizes of the fall
        change = "up" if sized.re is lex.sized_up else "down"
    elif (
        _RECORDED.search(ctx.pre)
        or _RECORDED_PAIR.search(text, max(ctx.sentence_start, cand.start - _PAIR_SPAN), cand.start)
    ) and (
        size := _SIZE_AFTER.match(text, cand.end, min(len(text), cand.end + _SIZE_AFTER_SPAN))
        or (
            text.endswith(_SIZE_UNITS, cand.start, cand.end)
            and _SIZE_AFTER_PAIR.match(text, cand.end, min(len(text), cand.end + _PAIR_SPAN))
        )
    ):
        # 醉驾录得近三成的跌幅, 盗窃案录得12%升幅: the size word after the figure says which way;
        # 分别录得两倍及百分之六的升幅: a pair of sizes before one size word, both rises
        change = "up" if size.group("up") else "down"
    elif (spoken := _SPOKEN_MORE_LESS.fullmatch(ctx.pre.strip())) and _after_a_basis_clause(
        text, cand.start - len(ctx.pre), lex
    ):
        # 你跟去年同期比，其实是少了百分之十五左右: speech says the basis as a clause of its own
        change = "down" if spoken.group(1) == "少" else "up"
    elif (
        in_table
        and not ctx.pre[ctx.pre.rfind("|") + 1 :].strip()
        and text.endswith(_SHARE_UNITS, cand.start, cand.end)
    ):
        # a share alone in its cell, in a column headed 同比增长 / 同比下降, is that change
        head = column_head(text, cand.start) or ""
        change = "up" if lex.change_up.search(head) else "down" if lex.change_down.search(head) else None
        if change is None and _unsigned_rise(head, m.group("num")):
            change = "up"  # | 刑事案件破获 | 617 | 698 | 13.1% | under 同比: a rise, as a fall has its minus
    if (
        change is None
        and not in_table
        and text.endswith(_SIZE_UNITS, cand.start, cand.end)
        and _RATE_AFTER_VERB.search(ctx.pre)
        and (rate := _RATE_AFTER.match(text, cand.end, min(len(text), cand.end + _SIZE_AFTER_SPAN)))
    ):
        # 某县则为12.5%的减少, 某市有8.1%的增加率: a clause that is its share and then the way it
        # went says that share is the change, as 录得…的跌幅 does
        change = "up" if rate.group("up") else "down"
    if (
        change is None
        and not in_table
        and text.endswith(_SIZE_UNITS, cand.start, cand.end)
        and _PACE_BEFORE.search(ctx.pre)
        and (pace := _PACE_AFTER.match(text, cand.end, min(len(text), cand.end + _SIZE_AFTER_SPAN)))
    ):
        # 以年均9%的速度增长, 以每年两成的幅度递减: the pace a measure goes at is its change
        change = "up" if pace.group("up") else "down"
    if change is None and _OR_BEFORE.search(text, max(ctx.sentence_start, cand.start - 4), cand.start):
        change = _restated_change(text, max(ctx.sentence_start, cand.start - _PAIR_SPAN), cand.start, lex)
    after = None if in_table else _BASIS_AFTER.match(text, cand.end, min(len(text), cand.end + 24))
    if change is None and after is not None and (after.group("up") or after.group("down")):
        change = "up" if after.group("up") else "down"  # 达到了42.6%，增长比去年同期
    if change is None:
        return None, None, None
    before = text[max(ctx.sentence_start, cand.start - 40) : cand.start]
    basis, said = _nearest_basis(before, lex, last=True)
    clause = _clause_before(text, cand.start)
    if basis == "yoy" and said not in clause and _OWN_ANCHOR.search(clause) is not None:
        basis, said = None, ""  # 同比下降4.2%，降幅比9月收窄3.6个百分点: against September, not last year
    if basis is None and after is not None:
        basis, said = _nearest_basis(after.group("basis"), lex, last=True)  # 增加了12起，同比
    if basis is None and in_table:  # | 接报警情 | 18,532起 | -3.1% | under | 项目 | 2025年 | 同比 |
        head = column_head(text, cand.start) if head is None else head
        if head:
            basis, said = _nearest_basis(head, lex, last=True)
        if basis is None:  # | 取締酒駕 | 1,126 | 1,254 | -10.21% | under | 113年1-9月 | 112年1-9月 | 增減率 |
            row_head = _table_head(text, start_of_line(text, cand.start))
            basis = "yoy" if row_head and _years_apart_by_one(row_head) else None
    if basis is None and (aside := _aside_before_clause(text, cand.start, ctx.sentence_start)) is not None:
        # 与上年同期相比（上年同期接报警情512起[其中…]，…），警情下降9.4%: a bracketed
        # aside (last year's figures) stands between the basis and the change it opens
        # only the clause the bracket closes (较服务承诺的目标(即92.5%)，高出约1.3%: the pledge, and a
        # 较上年 in an earlier clause is not this change's)
        around = _clause_before(text, aside[0]) + text[aside[1] : cand.start]
        basis, said = _nearest_basis(around, lex, last=True)
    if basis is None and sign and text[cand.start - 1 : cand.start] in ("(", "（", "["):
        # a signed change in brackets names its basis before or after: （+3.88%），按年上升; one in
        # running text (增长-2.3%，降幅比上月收窄…) does not take the next clause's basis
        end = first_start(SENTENCE_END, text, cand.end, min(len(text), cand.end + 24))
        basis, said = _nearest_basis(text[cand.end : end], lex, last=False)
    if basis == "yoy" and _before_last_year(before, said):
        return change, None, _LONG_AGO  # 同比前年上升8%: against the year before last, no basis
    digits = _YEAR_DIGITS.search(said) if basis == "yoy" and lex.named_year.fullmatch(said) else None
    return change, basis, _named_year(digits.group()) if digits else None  # 较2019年: the year it names


#: 同比 or 按年 right before 前年: a bulletin that sets 同比去年 beside 同比前年 compares the second
#: with the year before last, which is no year-on-year.
_YEAR_BEFORE_LAST = ("同比", "按年")
#: A named year older than any figure's: `read_changes` gives a change against it no basis.
_LONG_AGO = 0


def _before_last_year(before: str, said: str) -> bool:
    """Whether the basis `said` last in `before` is 同比 or 按年 followed by 前年 (同比前年)."""
    if said not in _YEAR_BEFORE_LAST:
        return False
    at = before.rfind(said)
    return at >= 0 and before.startswith("前年", at + len(said))


#: The brackets an aside is closed in, each closing one with its opening one.
_ASIDE_OPENS = {")": "(", "）": "（", "]": "[", "】": "【"}
#: The longest aside `_aside_before_clause` looks past.
_ASIDE_REACH = 400


def _aside_before_clause(text: str, pos: int, lo: int) -> tuple[int, int] | None:
    """The bracketed aside that ends the clause before the one ending at `pos`: its opening and its end.

    Only an aside closed right before the comma that opens the change's clause, opened within the
    sentence (from `lo`) and `_ASIDE_REACH`; brackets of another kind inside it are passed over.

    >>> t = "与上年同期相比(上年立案41件[其中乙村12件],损失56万元),案件减少17.1%"
    >>> span = _aside_before_clause(t, t.index("17.1"), 0)
    >>> t[span[0] : span[1]]
    '(上年立案41件[其中乙村12件],损失56万元)'
    >>> _aside_before_clause("与上年同期相比,案件减少17.1%", 12, 0) is None
    True
    """
    comma = last_end(_CLAUSE_END_BACK, text, pos, max(lo, pos - 40)) - 1
    if comma < lo or text[comma] not in "，,":
        return None
    close = comma - 1
    while close >= lo and text[close] in " \t":
        close -= 1
    opener = _ASIDE_OPENS.get(text[close : close + 1]) if close >= lo else None
    if opener is None:
        return None
    depth = 0
    for k in range(close, max(lo, close - _ASIDE_REACH) - 1, -1):
        if text[k] == text[close]:
            depth += 1
        elif text[k] == opener:
            depth -= 1
            if depth == 0:
                return k, close + 1
        elif text[k] in "。；;\n":
            return None
    return None


def _bracketed_after(text: str, prev: Candidate, cand: Candidate) -> tuple[str, str] | None:
    """The measure words of ``prev`` and ``cand`` when ``cand`` stands alone in brackets right after it."""
    if text[prev.end : cand.start].strip() not in ("(", "（"):
        return None
    if not text[cand.end : cand.end + 3].lstrip().startswith((")", "）")):
        return None
    tail = _UNIT_TAIL.search(text, prev.start, prev.end)
    own = _UNIT_TAIL.search(text, cand.start, cand.end)
    return (tail.group(), own.group()) if tail and own else None


def _bracket_restates(text: str, prev: Candidate, cand: Candidate) -> bool:
    """Whether ``cand`` alone in brackets right after the change ``prev`` restates it exactly.

    增加近两百公斤（一百九十八点五公斤）: the same rise said to the decimal, in the same unit; a
    share in brackets (减少83宗（4.2%）) is `_share_of_change`'s.
    """
    units = _bracketed_after(text, prev, cand)
    return units is not None and units[0] == units[1] and not units[0].startswith(("%", "％"))


def _count_of_percent_change(text: str, prev: Candidate, cand: Candidate) -> bool:
    """Whether ``cand``, a count alone in brackets right after the change ``prev`` in per cent, is its size.

    爆竊案增至820宗，增幅達12.4%（90宗）: the rise said again as the cases it adds, as a share in
    brackets after a count's change (减少83宗（4.2%）) is the same change (`_share_of_change`).
    """
    units = _bracketed_after(text, prev, cand)
    return units is not None and units[0] in ("%", "％") and not units[1].startswith(_SHARE_UNITS)


#: The measure word a figure ends on (近四百公斤 -> 公斤, 12.5% -> %).
_UNIT_TAIL = compile_pattern(r"[^\d.,，、\s万亿千百十一二两三四五六七八九〇零点點余多]+$")


def _bracketed_after_baseline(pre: str, lex: Lexicon) -> bool:
    """A figure alone in brackets right after the period it is compared with (较去年同期（293公斤）减少):
    that period's figure, a baseline, as 较去年同期的293公斤 is. A signed figure there is a change
    and never comes here."""
    stripped = pre.rstrip()
    return stripped.endswith(("(", "（")) and lex.baseline.search(stripped[:-1]) is not None


#: A bracket opened right after a basis (同比（起数7起、亡2人）, 环比3月（25起）, 同比去年（19起）)
#: that gives the other period's counts before the changes said after it: each count in it up to the
#: figure, with no change, share or clause end between, is that period's figure, a baseline.
_COMPARED_BRACKET = compile_pattern(
    r"(?:同比|环比|按年|按月)(?:去年|前年|上年|上月|[0-9一二三四五六七八九十]{1,2}月)?\s*[(（]"
    r"[^()（）\n，,。；;%％]{0,24}$"
)
_COMPARED_BRACKET_REACH = 40


def _in_compared_bracket(text: str, start: int) -> bool:
    """Whether the figure at `start` stands in a bracket of the other period's counts after a basis."""
    return _COMPARED_BRACKET.search(text, max(0, start - _COMPARED_BRACKET_REACH), start) is not None


_SHARE_UNITS = ("%", "％", "个百分点", "個百分點")
#: Two characters with one blank between them, as a page spaced out letter by letter sets them.
_SPACED_HAN = compile_pattern(r"\p{Han} \p{Han}")
#: A bare 增 opening a bracket right before a figure (严重罪行86人（增7.5%）): the bracket gives the
#: change of the count before it, as a sign there would (86人（+7.5%）). Alone, 增 is no change word
#: (增设12个点位 counts what was set up); 减, 降, 升 and 跌 are change words already.
_BRACKETED_RISE = compile_pattern(r"[(（]\s*增\s*$")
#: A figure a clause only records (分别录得, 共录得), then named a rise or a fall by the size word
#: right after it (录得近三成的跌幅, 录得12%升幅), as Hong Kong and Macau reports put it. Only after
#: 录得: elsewhere a share before 的降幅 can be a part of the fall (5.1%的降幅来自夜间), no change.
#: A headline's short 录 without 得 (被骗金额录8.5%跌幅) records the same; 记录, 纪录, 收录 and 登录
#: record no figure of a report.
_RECORDED = compile_pattern(r"(?:录得|(?<![记纪收登笔抄目])录)\s*$")
_SIZE_AFTER = compile_pattern(r"\s*的?\s*(?:(?P<up>升幅|增幅|涨幅)|(?P<down>跌幅|降幅|减幅))")
_SIZE_AFTER_SPAN = 8
#: A clause that is only a share and the way it went (则为12.5%的减少, 则有8.1%的增加率, 出现9%的降幅):
#: the share stands after 为 / 有 / 是 / 出现, and the change word after 的 ends the clause (or opens a
#: bracket), so 的减少幅度较大 or 的降幅来自… (a part of a change) is not read as one.
_RATE_AFTER_VERB = compile_pattern(r"(?:为|有|是|出现了?|呈现了?)\s*$")
_RATE_AFTER = compile_pattern(
    r"\s*的\s*(?:(?P<up>增加率|增长率|成长率|上升率|增加|增长|成长|上升|增幅|升幅|涨幅)"
    r"|(?P<down>减少率|下降率|减少|下降|降幅|跌幅|减幅))"
    r"(?=\s*(?:[（(，,。；;\n]|$))"
)
#: A share said as the pace a measure goes at (以年均9%的速度增长, 以每年5%的幅度递减): 以, maybe a
#: yearly or average word, the share, then 的速度 / 的幅度 / 的速率 and the way it went.
_PACE_BEFORE = compile_pattern(r"以\s*(?:年均|年平均|平均每年|每年|逐年|年)?\s*$")
_PACE_AFTER = compile_pattern(
    r"\s*的\s*(?:速度|幅度|速率)\s*(?:(?P<up>增长|递增|上升|增加|攀升|上涨)|(?P<down>下降|递减|减少|下滑|回落))"
)
#: Two sizes a clause records before one size word (分别录得两倍及百分之六的升幅): the first
#: followed by a join and the second, the second preceded by 录得, the first and a join. Only
#: for sizes (a share, points, times): counts before 的升幅 are no sizes of it.
_SIZE_UNITS = ("%", "％", "个百分点", "個百分點", "倍", "成")
_RECORDED_PAIR = compile_pattern(r"录得\s*[^，。；,;、及和与\s]{1,10}[及和与、]\s*$")
_SIZE_AFTER_PAIR = compile_pattern(
    r"\s*[及和与、]\s*[^，。；,;、及和与\s]{1,10}?\s*的?\s*(?:(?P<up>升幅|增幅|涨幅)|(?P<down>跌幅|降幅|减幅))"
)
_PAIR_SPAN = 20
#: A count after 或 right behind a change's share (罪案下降1.2%或860宗): the same change said as a
#: count, as Hong Kong's reports give both sizes of a fall.
_OR_RESTATED = compile_pattern(
    r"(?:约|近)?(?:百分之[一二两三四五六七八九十百零〇点]+|[\d.]+\s*(?:%|个百分点))\s*或\s*$"
)
#: A 或 right before a figure: the cheap check before looking for the share it restates.
_OR_BEFORE = compile_pattern(r"或\s*$")


def _restated_change(text: str, start: int, end: int, lex: Lexicon) -> Change | None:
    """The way of the change word right before a share that a count restates after 或, if any."""
    share = _OR_RESTATED.search(text, start, end)
    if share is None:
        return None
    if lex.change_up.search(text, start, share.start()):
        return "up"
    if lex.change_down.search(text, start, share.start()):
        return "down"
    return None


#: All a clause may say before a figure that the clause before it ranks (增幅最大，达21.4%).
#: 分别为：210.9%、124.2%: each figure of a list after 分别 is ranked, its pre a mere 、.
_RANK_LINK = compile_pattern(r"(?:分别)?(?:达到?|为|是)?[：:]?|[、和及]")
#: Flights that took off and landed (机场保障起降1200架次, 起降了86架次): 降 of 起降 is a
#: landing, no fall.
_TAKEOFFS = compile_pattern(r"起降(?:了|达到?|约|近|超过)?\s*$")
#: Speech says the basis after the figure, as a clause of its own that only names it and, at
#: most, the way it went (达到了42.6%，增长比去年同期; 增加了12起，同比): that clause is the
#: figure's basis, and its change when the words before said none. Nothing else may stand in it.
_BASIS_AFTER = compile_pattern(
    r"\s*[，,]\s*(?:(?P<up>增长|增加|上升|提高|多了)|(?P<down>下降|减少|降低|少了))?\s*"
    r"(?P<basis>同比|环比|(?:比|较|和|跟|与)(?:去年|上年)同期(?:相比|比)?)\s*(?=[，,。；;！？?\n]|$)"
)
#: A Markdown table's rule row (|---|:---:|), which is no header.
_RULE_ROW = compile_pattern(r"[\s|:\-]*")
_TABLE_ROWS = 60  # the farthest a header is looked for above a cell, in rows


def column_head(text: str, at: int) -> str | None:
    """The header of the table column that `at` is in, or None outside a table.

    Tables reach here as lines of cells split by `|` (Markdown as written, HTML as the reader
    lays it out, a span's columns kept by empty cells), so a cell's column is the count of `|`
    before it on its line, and the header is the table's first line. A header of two rows
    (2026年1至10月 spanning 数量 and 同比) is read down the column through the rows above the
    first row of figures; an empty header cell is the cell a span from its left covers.
    """
    start = start_of_line(text, at)
    column = text.count("|", start, at)
    if column == 0:
        return None
    heads: list[str] = []
    for row in _table_rows(text, start)[:_HEAD_ROWS]:
        cells = row.split("|")
        if heads and any(_FIGURE_CELL.search(cell) for cell in cells):
            break  # the first row of figures: the header is above it
        if column < len(cells):  # an empty cell is the one a span from its left covers
            heads.append(next((c for c in reversed(cells[1 : column + 1]) if c.strip()), "").strip())
    return " ".join(h for h in heads if h) or None


#: A header that names no quantity of its own: a change, a basis or a rate of change (同比,
#: 环比增减, 增減率, 同比(%)), which is a change of the column before it. Taiwan and Macau name
#: the basis in words (較上年同期增減率, 與去年比較): still no quantity.
_CHANGE_HEAD = compile_pattern(
    r"[\s(（)）%％±+\-]*(?:(?:同比|环比|按年|按月|(?:较|比|与|和)(?:上年|去年|前年|上月)(?:同期)?|增减|增減|升降|变化|"
    r"变动|增长|下降|上升|增幅|降幅|幅度|比较|率)[\s(（)）%％±+\-]*)+"
)


def _unsigned_rise(head: str, number: str) -> bool:
    """Whether a share with no sign in a column headed by a bare change (同比, 增减, 同比(%)) is a rise.

    A spreadsheet's change column writes a fall with its minus (-11.6%) and a rise with none
    (13.1%); a header that says which way (同比下降, 降幅) has decided before this is asked, and
    a zero is no change either way. Of a two-row header the lower cell, the figure's own, counts.

    >>> _unsigned_rise("同比", "13.1"), _unsigned_rise("2026年1至10月 增减(%)", "4.7")
    (True, True)
    >>> _unsigned_rise("占比", "13.1"), _unsigned_rise("同比", "0.0"), _unsigned_rise("", "5")
    (False, False, False)
    """
    words = head.split()
    return bool(words) and _CHANGE_HEAD.fullmatch(words[-1]) is not None and number.strip("0. ") != ""


#: A header of a share column (占比, 占全市比重, 所占比例): its cells are shares, whatever the row.
_SHARE_HEAD = compile_pattern(r"占|比重|比例")
#: A column of shares or of rates (占比, 化解率, 办结率（%）): either moves in percentage points, so a
#: change in % in the column after it is the change of the count before it (| 调处纠纷（件） |
#: 化解率 | 同比 |), not of the rate.
_IN_POINTS_HEAD = compile_pattern(r"占|比重|比例|\p{Han}率\s*(?:[（(]\s*[%％]\s*[）)])?\s*$")


def table_cell(text: str, at: int) -> tuple[str, str] | None:
    """The row name and the column header of the table cell at `at`, or None outside a table.

    A figure in a table's fifth cell says nothing itself; its row says what (城东大队, 超速行驶)
    and its column what is counted of it (事故起数, 死亡人数). A change column (同比) counts
    what the column before it counts, so its header is taken from there (| 死亡人数 | 同比 |);
    past a share or rate column to the count before it when the change is in % (| 工单量 | 占比 |
    环比 |, | 调处纠纷（件） | 化解率 | 同比 |), as a share or a rate itself moves in points.
    The row name is every cell before the figure that names something (| 刑事案件 | 立案 |: both),
    empty when they are all numbers; the header is empty when the table has none that names
    anything.

    >>> t = "| 单位 | 事故起数 | 同比 | 占比 |\\n| --- | --- | --- | --- |\\n| 城东 | 41 | ↓12.8% | 19.0% |"
    >>> table_cell(t, t.index("↓")), table_cell(t, t.index("19.0")), table_cell("共查处12起", 3)
    (('城东', '事故起数'), ('城东', '占比'), None)
    >>> t = "| 类别 | 工单量 | 占比 | 环比 |\\n| - | - | - | - |\\n| 城建 | 186 | 17.3% | +4.2% |"
    >>> t += "\\n| 交通 | 94 | 8.8% | +0.8个百分点 |"
    >>> table_cell(t, t.index("+4.2")), table_cell(t, t.index("+0.8"))
    (('城建', '工单量'), ('交通', ''))
    >>> t = "| 街道 | 调处纠纷（件） | 化解率 | 同比 |\\n| - | - | - | - |\\n| 华山 | 212 | 97.2% | -6.1% |"
    >>> table_cell(t, t.index("-6.1"))
    ('华山', '调处纠纷（件）')
    >>> t = "| 案类 | 发生数 | 破获数 | 破获率 | 增减率 |\\n| - | - | - | - | - |"
    >>> t += "\\n| 窃盗 | 213 | 201 | 94.37% | +3.90% |"
    >>> table_cell(t, t.index("+3.90"))
    ('窃盗', '发生数')
    """
    start, column = _cell_place(text, at)
    if column < 2:  # the row's first cell names it: a figure there has its own words
        return None
    if at - start > _ROW_REACH or in_prose_cell(text, at):
        return None  # prose between bars (a page's layout, pages run into one line): no table's row
    cells, row_cells = _head_and_row(text, start, at)
    head = ""
    past_share = past_rate = False
    for i in range(min(column, len(cells) - 1), 0, -1):
        cell = cells[i].strip()
        if not cell or _CHANGE_HEAD.fullmatch(cell):
            continue
        if i == column:
            head = cell
        elif past_share:  # only the counts before the share: never the row's name
            count = row_cells[i].strip() if i < len(row_cells) else ""
            if not count or names_something(count):
                break
            head = cell
            if past_rate:  # | 发生数 | 破获数 | 破获率 | 同比 |: the base the rate is of, leftmost
                continue
        elif _IN_POINTS_HEAD.search(cell) and not _in_points(row_cells, column):
            # | 工单量 | 占比 | 环比 |: a change in % is the count's; a share moves in points
            past_share, past_rate = True, _SHARE_HEAD.search(cell) is None
            continue
        else:
            head = cell if not _SHARE_HEAD.search(cell) else ""
        break
    named = (c.strip() for c in text[start:at].split("|")[1:-1])
    row = "".join(c for c in named if _NAMING_CELL.search(c) and not _COUNT_CELL.fullmatch(c))
    return row, head


#: The most characters a table's row holds before one of its figures: a longer "row" is prose that
#: a bar or two stand in (a page's chrome, several pages run into one line), whose words before the
#: figure are no row name; read as one, every figure of the line took them all as its words.
_ROW_REACH = 600


def change_after_share(text: str, at: int) -> bool:
    """Whether the table cell at `at` is a change in % in a change column right after a share column.

    | 工单量（件） | 占比 | 环比 |: the 环比 cell (+4.2%) is the change of the count two columns
    back, as in prose a change in % is of the count and not of its share (`_changed` in
    semantics), since a share moves in percentage points.

    >>> t = "| 类别 | 工单量 | 占比 | 环比 |\\n| --- | --- | --- | --- |\\n| 城建 | 186 | 17.3% | +4.2% |"
    >>> change_after_share(t, t.index("+4.2")), change_after_share(t, t.index("17.3"))
    (True, False)
    """
    start, column = _cell_place(text, at)
    cells, row_cells = _head_and_row(text, start, at)
    if column < 2 or column >= len(cells) or not _CHANGE_HEAD.fullmatch(cells[column].strip()):
        return False
    if _in_points(row_cells, column):
        return False
    before = cells[column - 1].strip()
    return bool(before) and _IN_POINTS_HEAD.search(before) is not None and not _CHANGE_HEAD.fullmatch(before)


def _cell_place(text: str, at: int) -> tuple[int, int]:
    """Where the row of the table cell at `at` starts, and the cell's column (its `|`s before it).

    Asked for every figure: found in an index of the text's line breaks and bars, not by counting
    along the line, which made a long line without breaks quadratic in its figures.

    >>> _cell_place("共12起\\n| 城东 | 41 | 12% |", 12)  # at 41: the row starts at 5, two bars before
    (5, 2)
    """
    bars = _breaks_and_bars(text)[1]
    start = start_of_line(text, at)
    return start, bisect_left(bars, at) - bisect_left(bars, start)


def start_of_line(text: str, at: int) -> int:
    """Where the line holding `at` starts: ``text.rfind("\\n", 0, at) + 1`` for an `at` of 0 or more.

    Asked for every figure: found in an index of the text's line breaks, as reading back to the
    line's start made a long line quadratic in its figures.

    >>> start_of_line("共12起\\n城东41起", 7), start_of_line("共12起", 3)
    (5, 0)
    """
    breaks = _breaks_and_bars(text)[0]
    k = bisect_left(breaks, at)
    return breaks[k - 1] + 1 if k else 0


@functools.lru_cache(maxsize=4)
def _breaks_and_bars(text: str) -> tuple[list[int], list[int]]:
    """Where the line breaks and the bars of `text` stand (the text of the article being read)."""
    return [m.start() for m in _BREAK.finditer(text)], [m.start() for m in _BAR.finditer(text)]


_BREAK = compile_pattern(r"\n")
_BAR = compile_pattern(r"\|")


def _head_and_row(text: str, start: int, at: int) -> tuple[list[str], list[str]]:
    """The cells of the table's header and of the row starting at `start`, split at their `|`s."""
    end = text.find("\n", at)
    row = text[start : end if end >= 0 else len(text)]
    return (_table_head(text, start) or "").split("|"), row.split("|")


def _in_points(row_cells: list[str], column: int) -> bool:
    """Whether the row's cell in `column` is a change in percentage points (+0.8个百分点), a share's."""
    cell = row_cells[column] if column < len(row_cells) else ""
    return "百分点" in cell or "百分點" in cell


def row_above(text: str, at: int) -> str | None:
    """The name of the table row right above the row `at` is in; None for the first row under the header.

    A row that opens with 其中 breaks down the row above it (刑事案件立案 / 其中：电信网络诈骗):
    what it counts is that row's measure, of one kind.

    >>> t = "| 指标 | 同比 |\\n| --- | --- |\\n| 刑事案件立案 | -11.6% |\\n| 其中:电诈 | -27.6% |"
    >>> row_above(t, t.index("-27.6")), row_above(t, t.index("-11.6")), row_above("共12起", 1)
    ('刑事案件立案', None, None)
    """
    rows = _table_rows(text, start_of_line(text, at))
    if len(rows) < 2:
        return None
    return next((c.strip() for c in rows[-1].split("|") if names_something(c)), None)


def is_share_head(head: str) -> bool:
    """Whether a column header is a share column's (占比, 占全市比重)."""
    return bool(_SHARE_HEAD.search(head))


def names_something(cell: str) -> bool:
    """Whether a table cell names something: it is not a bare number, share, change or serial number."""
    return _NAMING_CELL.search(cell) is not None


#: A table cell that names something: not a bare number, share, change or serial number.
_NAMING_CELL = compile_pattern(r"[^\d\s.,%％+\-↑↓]")
#: A cell holding a count with its measure word (12.46万起): another column of the row, no name.
_COUNT_CELL = compile_pattern(r"[-+↑↓]?\d[\d,. ]*(?:万|亿|萬|億)?\s*\p{Han}{0,2}")


#: At most this many rows of a table's top are its header.
_HEAD_ROWS = 3
#: A cell holding a figure or a bare number: the header has ended above its row.
_FIGURE_CELL = compile_pattern(r"^\s*[-+]?\d[\d,. ]*\s*(?:%|‰|[起件人名宗辆次个元户条万亿])?\s*$")
_HEAD_YEAR = compile_pattern(r"(?<![\d.])((?:19|20)\d{2}|(?:民国)?\d{2,3})\s?年")


def _years_apart_by_one(head: str) -> bool:
    """Whether a table's header row sets one year against the year before (113年1-9月 | 112年1-9月).

    Such a table's change column compares like periods of two years: year on year.

    >>> _years_apart_by_one("| 项目 | 113年1-9月 | 112年1-9月 | 增减率 |")
    True
    >>> _years_apart_by_one("| 2024年 | 2022年 |"), _years_apart_by_one("| 项目 | 数量 | 同比 |")
    (False, False)
    """
    years = {int(m.group(1).removeprefix("民国")) for m in _HEAD_YEAR.finditer(head)}
    return len(years) == 2 and max(years) - min(years) == 1


def _table_head(text: str, start: int) -> str | None:
    """The first line of the table whose row starts at `start`: its header row."""
    rows = _table_rows(text, start)
    return rows[0] if rows else None


def _table_rows(text: str, start: int) -> list[str]:
    """The rows of the table above the row that starts at `start`, top down (rule rows left out)."""
    rows: list[str] = []  # bottom up
    pos = start
    for _ in range(_TABLE_ROWS):
        if pos == 0:
            break
        line_start = start_of_line(text, pos - 1)
        line, pos = text[line_start : pos - 1], line_start
        if not line.strip():
            continue  # HTML rows are laid out with blank lines between them
        if "|" not in line:
            break
        if not _RULE_ROW.fullmatch(line):
            rows.append(line)
    rows.reverse()
    return rows


def _named_year(digits: str) -> int:
    """The year a basis names: 2019, or an ROC year as Taiwan writes it (较112年: 2023)."""
    year = int(digits)
    return year + 1911 if year < 1000 else year


def _nearest_basis(words: str, lex: Lexicon, *, last: bool) -> tuple[Basis | None, str]:
    """The basis said nearest the figure in `words` (their last, or first, one), and its words.

    环比增长18.3%，同比增长6.9%: each change has the basis said right before it.
    """
    found: tuple[int, Basis, str] | None = None
    patterns: tuple[tuple[Basis, regex.Pattern[str]], ...] = (("mom", lex.basis_mom), ("yoy", lex.basis_yoy))
    for basis, pattern in patterns:
        hits = list(pattern.finditer(words))
        if not hits:
            continue
        m = hits[-1] if last else hits[0]
        at = m.end() if last else -m.start()
        if found is None or at > found[0]:
            found = (at, basis, m.group())
    return (found[1], found[2]) if found else (None, "")


class ChangeInfo(NamedTuple):
    """A figure's change and basis, and whether it is a stated baseline (较去年同期的18743宗)."""

    change: Change | None
    basis: Basis | None
    baseline: bool

    @property
    def relative(self) -> bool:
        """A change or a baseline: a difference or another period's total, never a part of a total."""
        return self.change is not None or self.baseline


_YEAR_DIGITS = compile_pattern(r"\d{2,4}")
#: A year written as the time of something (2023年1月7日, 2023年全市, 于2019年成立), not one compared
#: with (较2019年), also past a few words and 的 (与疫情前的2019年相比: the comparison's year, else a
#: report with no date would read its own year as 2019 and the change as year-on-year), nor the same
#: time of a year that a level is set against (仍明显低于2019年同期).
_WRITTEN_YEAR = compile_pattern(
    r"(?|(?<![较比与由于\d])(?=(?:19|20)\d)(?<!(?:较|比|与|相对于?)[^\d，,。；;：:\n]{1,6}?的)((?:19|20)\d{2})\s?年"
    r"|(?<=于)((?:19|20)\d{2})\s?年(?!\s?同期))"
)
#: The same in a Taiwan year (113年全般刑案: 2024), 101 to 139 (no 100年 of a history).
_WRITTEN_ROC_YEAR = compile_pattern(r"(?<![较比与由\d])(1(?:0[1-9]|[1-3]\d))\s?年")
_ROC_OFFSET = 1911


def read_changes(
    text: str,
    cands: Sequence[Candidate],
    contexts: Sequence[Context],
    lex: Lexicon,
    year_of: Callable[[int], int | None],
) -> list[ChangeInfo]:
    """For each figure: its change and basis, and whether it is a stated baseline (较去年同期的18743宗).

    A change against a named year (较2019年下降43%) is year-on-year only when that year is the
    one before the figure's (`year_of`, asked only then): against an older one, or a year that
    nothing dates, it compares with another period, which no basis names.
    """
    out: list[ChangeInfo] = []
    # the figures of a 分别 list: the first (分别 in its words) and those a 、 or a lone comma joins to it,
    # so that a list typed with both (分别上升5.8%、42.4%，30.1%) holds its change to the last
    in_list: set[int] = set()
    for i, (cand, ctx) in enumerate(zip(cands, contexts, strict=True)):
        change, basis, named = _change(text, cand, ctx, lex)
        if named is not None:
            own = year_of(i)
            if own is None and _reviews_last_year(text, ctx.sentence_start, cand.start, lex):
                own = named + 1  # 去年…较2023年: an undated review of last year names the year before it
            if own is None or named < own - 1:
                basis = None
        listed = i and only_list_join(text[cands[i - 1].end : cand.start])
        if RESPECTIVELY.search(ctx.pre) or (listed and i - 1 in in_list):
            in_list.add(i)
        if not listed and i and out[-1].change and comma_joined_percents(text, cands[i - 1], cand):
            # 较上年分别降了8.5%,12%: a 分别 list typed with commas, its first figure's pre saying 分别
            listed = i - 1 in in_list
            if listed:
                in_list.add(i)
        if change is None and listed and out[-1].change:
            change, basis = out[-1].change, out[-1].basis  # 同比分别上升21.5%和34.2%
        elif change is None and i and out[-1].change and comma_joined_casualties(text, cands[i - 1], cand):
            change, basis = out[-1].change, out[-1].basis  # 同比增加4起,27人: the dead's change too
        elif change is None and i and out[-1].change and _share_of_change(text, cands[i - 1], cand):
            change, basis = out[-1].change, out[-1].basis  # 按年减少1,200宗（5.7%）; 减少83宗即4.2%
        elif change is None and i and out[-1].change and _bracket_restates(text, cands[i - 1], cand):
            change, basis = out[-1].change, out[-1].basis  # 增加近两百公斤（一百九十八点五公斤）
        elif change is None and i and out[-1].change and _count_of_percent_change(text, cands[i - 1], cand):
            change, basis = out[-1].change, out[-1].basis  # 增幅達12.4%（90宗）
        elif change is not None and basis is None and named is None:
            basis = _basis_of_whole_sentence(text, cands, out, i)
            if basis == "yoy" and _own_anchor(text, cand.start):
                basis = None  # 其中，…分别与三年前相比下降了31.2%和27.5%: against three years ago
            if basis is None and RESPECTIVELY.search(ctx.pre):
                basis = _basis_before_semicolon(text, cands, ctx, out, i)
            elif basis is None and _after_its_item(cands, contexts, out, i):
                basis = _basis_before_semicolon(text, cands, ctx, out, i, like_items=True)
            if basis is None:
                basis = _basis_of_changes_before(contexts, out, i)
                if basis == "yoy" and _own_anchor(text, cand.start):
                    basis = None  # 同比下降31.4%，降幅较上半年扩大7.6个百分点: against the half-year
            if basis is None:
                basis = _basis_of_paragraph(text, cands, out, i)
            if basis == "yoy" and _against_a_mark(text, cand.start):
                basis = None  # 较服务承诺的目标值，高出约1.6%: against the pledge, not last year
        if change is not None and (paired := _paired_basis(text, cands, contexts, i)) is not None:
            basis = paired  # 同比、环比分别下降12.5%和8.3%: the first is year-on-year, the second not
        elif change is not None and basis == "mom" and _BOTH_BASES.search(ctx.pre):
            basis = "yoy"  # 同比、环比均增加2起: the same change on both; the year's basis is said first
        elif change is not None and (compared := _paired_year(text, cands, contexts, i)) is not None:
            # 比2023年与2019年同期分别增加N宗及M宗: each against its own year in turn
            year, latest = compared
            own = year_of(i) if year else None
            if own is not None and year and own <= latest:
                own = latest + 1  # its period read a year it is compared with: it is after them all
            basis = "yoy" if year == 0 or (own is not None and year >= own - 1) else None
        baseline = (
            bool(lex.baseline.search(ctx.pre))
            or bool(lex.baseline_from.search(ctx.pre) and _moves_on(text, cands, i, lex))
            or bool(i and out[i - 1].baseline and _in_list_moving_on(text, cands, i, lex))
            or _compared_then_changed(text, cands, ctx, out, i)
            or (change is None and _bracketed_after_baseline(ctx.pre, lex))
            or (change is None and _in_compared_bracket(text, cand.start))
        )
        out.append(ChangeInfo(None, None, True) if baseline else ChangeInfo(change, basis, False))
    return out


#: The words that say a change again as a share (减少83宗即4.2%, 下跌40宗或2.1%); labels use them too.
SHARE_RESTATED = r"(?:亦即|即|或)"
#: What joins a count's change to the same change said as a share: an opening bracket, or one of
#: those words, and what closes the share after it (the bracket, a clause's end).
_SHARE_JOIN = compile_pattern(rf"\s*(?:[(（]|[，,]?\s*{SHARE_RESTATED})\s*")
_SHARE_CLOSE = compile_pattern(r"\s*(?:[)）]|[，,。；;！？\n]|$)")


def _share_of_change(text: str, count: Candidate, share: Candidate) -> bool:
    """Whether `share` says the change `count` gave again, as a share of the old level.

    按年减少1,200宗（5.7%）, 增加96宗即4.2%, 下跌40宗或2.1%: the share is the same change of the same
    thing, in % (its direction and basis are the count's). Only a count's change (a share's own
    bracket is a note of its own) and only a share the bracket or the clause closes right after.
    """
    if text.endswith(_SHARE_UNITS, count.start, count.end):
        return False
    if not text.endswith(_SHARE_UNITS, share.start, share.end):
        return False
    joined = _SHARE_JOIN.fullmatch(text, count.end, share.start)
    if joined is None:
        return False
    bracket = "(" in joined.group() or "（" in joined.group()
    close = _SHARE_CLOSE.match(text, share.end, min(len(text), share.end + 8))
    return close is not None and (not bracket or close.group().strip() in (")", "）"))


def _paired_basis(text: str, cands: Sequence[Candidate], contexts: Sequence[Context], i: int) -> Basis | None:
    """The basis of figure `i` when two bases said before 分别 pair with the list's figures in turn.

    同比、环比分别下降12.5%和8.3%; 同比、环比均下降，降幅分别为12.5%和8.3%: each basis goes with the
    figure in its place, where the nearest basis word (环比) would have gone with both. None when no
    such pair of bases stands before the list, or the figure is past its second item.
    """
    pair, place = _pair_before(text, cands, contexts, i, _BASIS_PAIR)
    if pair is None:
        return None
    word = pair.group(1 + place)
    return "yoy" if word in ("同比", "按年") else "mom"


def _paired_year(
    text: str, cands: Sequence[Candidate], contexts: Sequence[Context], i: int
) -> tuple[int, int] | None:
    """The year figure `i` is compared with when two or three are said before 分别 (比2023年与2019年
    同期分别…, 较2024年、2023年及2020年，分别下降a%、b%及c%), and the latest year of that list.

    The nearest basis (与2019年) would have gone with every figure. 0 for last year said as such
    (较去年同期和2019年同期分别增长: year-on-year); None when no such list of years stands before the
    figure's list, or the figure is past its last year. The latest year written tells the caller
    whether the figure's own period was read from the list itself.
    """
    pair, place = _pair_before(text, cands, contexts, i, _YEAR_PAIR, most=3)
    if pair is None:
        return None
    years = _YEAR_ITEM.findall(pair.group())
    if place >= len(years):
        return None
    year = years[place]
    latest = max((int(y) for y in years if y.isdigit()), default=0)
    return (int(year) if year.isdigit() else 0), latest


def _pair_before(
    text: str,
    cands: Sequence[Candidate],
    contexts: Sequence[Context],
    i: int,
    pattern: regex.Pattern[str],
    most: int = 2,
) -> tuple[regex.Match[str] | None, int]:
    """What `pattern` finds before the list of at most `most` figures that figure `i` is in, and
    `i`'s place in it."""
    first = i
    while first and i - first < most and _joined(text, cands[first - 1], cands[first]):
        first -= 1
    place = i - first
    if place >= most or (place == 0 and not (i + 1 < len(cands) and _joined(text, cands[i], cands[i + 1]))):
        return None, place
    lo = max(contexts[first].sentence_start, cands[first].start - WINDOW)
    return pattern.search(text, lo, cands[first].start), place


#: Two bases said together before one change that holds on both (同比、环比均增加2起, 同比和环比都下降
#: 3%): the year-on-year basis, said first, is the one the figure keeps (the nearest word is 环比).
_BOTH_BASES = compile_pattern(
    r"(?:同比|按年)\s*[、和及与/]\s*(?:环比|按月)\s*(?:均|都|皆)\s*(?:有所)?"
    r"(?:增加|减少|上升|下降|增长|降低|下跌|上涨|回落)?了?\s*$"
)
#: Two bases said together before a 分别 that pairs them with the figures after it.
_BASIS_PAIR = compile_pattern(
    r"(同比|环比|按年|按月)\s*[、和及与/]\s*(同比|环比|按年|按月)(?=[^。；;！？\n]{0,16}?分别)"
)
#: Two years compared with, said together before a 分别 (比2023年与2019年同期分别, 较去年同期和2019年
#:同期分别): a year's digits, or 去年/上年 for last year.
_YEAR_PAIR = compile_pattern(
    r"(?:比|较|与|和)\s*((?:19|20)\d{2}(?=\s?年)|去(?=年)|上(?=年))\s?年(?:同期)?"
    r"(?:\s*[、和及与]\s*((?:19|20)\d{2}(?=\s?年)|去(?=年)|上(?=年))\s?年(?:同期)?){1,2}"
    r"(?=[^。；;！？\n]{0,16}?分别)"
)
#: One year of such a list, in its order.
_YEAR_ITEM = compile_pattern(r"(?:19|20)\d{2}(?=\s?年)|去(?=年)|上(?=年)")


#: A comparison with last year's same period opening a clause, a tally verb at most after it, right
#: before a count (與上年同期相比計N件): what last year had, when a change follows the count.
_COMPARED_OPEN = compile_pattern(
    r"(?:与|和|跟|同)(?:去年|上年|前一年)同期(?:相较|相比|比较)[^，,。；;\d]{0,4}$"
)
#: A change word right after a count, or after the count in another measure said with it (N件M人增加…).
_CHANGE_NEXT = compile_pattern(r"\s*(?:\d[\d,.]*\s*\p{Han}{1,2}?\s*)?(?:增加|减少|上升|下降|增长|降低)")


def _compared_then_changed(
    text: str, cands: Sequence[Candidate], ctx: Context, out: Sequence[ChangeInfo], i: int
) -> bool:
    """Whether figure `i` is last year's count, said after the comparison and before the change.

    A2事故計120件受傷150人；與上年同期相比計110件140人增加10件: the 110 and 140 are last year's
    crashes and injured, the change after them is this year's against them. Only with a change word
    right after the count (or the count in another measure said with it), and only the first count
    after the comparison and one joined right to it; 与去年同期相比，共发生12起 (a comma, no change
    after) stays this year's.
    """
    if _CHANGE_NEXT.match(text, cands[i].end) is None:
        return False
    if _COMPARED_OPEN.search(ctx.pre):
        return True
    return bool(i and out[i - 1].baseline and not text[cands[i - 1].end : cands[i].start].strip())


def _joined(text: str, a: Candidate, b: Candidate) -> bool:
    """Whether only a list's joining words stand between figures `a` and `b` (312起、98起)."""
    return only_list_join(text[a.end : b.start])


def _moves_on(text: str, cands: Sequence[Candidate], i: int, lex: Lexicon) -> bool:
    """Whether figure `i`, or the list of figures it opens, is followed by the move to a new level.

    由30%提升到85%; 分别从45起、120人降至38起、97人: the list's end says 降至 for every figure of it.
    """
    j = i
    while j + 1 < len(cands) and _joined(text, cands[j], cands[j + 1]):
        j += 1
    return lex.baseline_to.match(text, cands[j].end, cands[j].end + 8) is not None


def _in_list_moving_on(text: str, cands: Sequence[Candidate], i: int, lex: Lexicon) -> bool:
    """Whether figure `i` is a later item of a list that ends in the move to new levels (see `_moves_on`).

    分别由去年的312起、98起下降至256起、71起: 98起 is last year's, as 312起 is, though only the
    first says 由; the list must end in a `baseline_to` (下降至), or 312起、98起 is any list.
    """
    return _joined(text, cands[i - 1], cands[i]) and _moves_on(text, cands, i, lex)


def _basis_of_whole_sentence(
    text: str, cands: Sequence[Candidate], out: Sequence[ChangeInfo], i: int
) -> Basis | None:
    """The basis of a change in a sentence opening with 其中: that of the sentence it breaks down.

    In a bulletin 比上年 is said once (生产总值2865.3亿元，比上年增长4.1%。其中，第一产业增加值
    201.6亿元，增长3.8%；…): the parts' changes are against the same year. Only the last change
    of the sentence right before gives it; a sentence of its own says its basis itself.
    """
    pos = cands[i].start
    full_start = last_end(FULL_STOP_BACK, text, pos, max(0, pos - WINDOW))
    if not full_start or not OPENS_BREAKDOWN.match(text, full_start):
        return None
    before_start = last_end(FULL_STOP_BACK, text, full_start - 1, max(0, full_start - WINDOW))
    j = _last_change(cands, out, i, before_start, full_start)
    return out[j].basis if j is not None else None


def _basis_before_semicolon(
    text: str,
    cands: Sequence[Candidate],
    ctx: Context,
    out: Sequence[ChangeInfo],
    i: int,
    *,
    like_items: bool = False,
) -> Basis | None:
    """The basis of a `分别` change list opening the part of a sentence after a semicolon.

    事故1 503起，同比下降9.6%；造成死亡63人、受伤1 127人，分别下降12.5%和7.3%: the parts' changes
    are against what the change before the semicolon was; only the last change of that part gives it.
    With `like_items`, the change follows its own item (爆竊案有1 012宗，按年減少8.9%；搶劫案71宗，
    減少21.1%): the change before the semicolon must follow an item too, a list of like items.
    """
    start = ctx.sentence_start
    if text[start - 1 : start] not in ("；", ";"):
        return None
    full_start = last_end(FULL_STOP_BACK, text, start - 1, max(0, start - WINDOW))
    j = _last_change(cands, out, i, full_start, start)
    if j is None:
        return None
    if like_items and not (j and cands[j - 1].start >= full_start and out[j - 1].change is None):
        return None
    return out[j].basis


def _last_change(
    cands: Sequence[Candidate], out: Sequence[ChangeInfo], i: int, lo: int, hi: int
) -> int | None:
    """The last change figure before figure `i` that stands within [lo, hi) of the text."""
    for j in range(i - 1, -1, -1):
        if cands[j].start < lo:
            break
        if cands[j].end <= hi and out[j].change is not None:
            return j
    return None


def _basis_of_changes_before(contexts: Sequence[Context], out: Sequence[ChangeInfo], i: int) -> Basis | None:
    """The basis of the nearest change before change `i` in its sentence, said once for a run of them.

    与去年同期相比，事故起数下降6.8%，…，直接财产损失下降11.2%: the last change is as far from the
    basis as a run of four goes, and is against the same year.
    """
    for k in range(i - 1, -1, -1):
        if contexts[k].sentence_start != contexts[i].sentence_start:
            return None
        if out[k].change is not None:
            return out[k].basis
    return None


#: A clause that names what its change is against (比"十三五"末下降, 较上一轮减少, 年均增长): a basis
#: said before it is not its own when that is year-on-year; one month-on-month stays (环比上升21.5%，其中
#: 欠薪类诉求312件，较9月增加87件: the month before is what 环比 names). A move from a level
#: (降幅由1-6月的3.2%扩大到10.6%) names no other basis. Nor does a change over a run of years
#: (在连续三年下降20%的基础上，同比又下降了1.5%): the run, not the year before, is what it spans. But a
#: run named only as the ground a change stands on (其中…在连续5年下降的基础上再降9.3%) spans nothing: the
#: fall again is against the year before, as the sentence's 同比 said.
#: A rate of fall or growth (…，事故下降率N%) says no basis and takes none from a change before it.
#: 较 and 比 as the first character of a word compare nothing: the class of 较大事故 (其中，较大事故
#: 下降2.6% after 同比分别下降), 较为, 较快, a 比例 or 比重, 比较 as `rather`.
_OWN_ANCHOR = compile_pattern(
    r"(?<!同)(?:比(?![例重率较較])|(?<!比)[较較](?![大为為好快强強重差多少高低长長短]))"
    r"|[与與].{0,12}相比|年均|连续[\d一二三四五六七八九十两]{1,2}年(?![^，,；;。]{0,12}?基础上)"
    # a rate of fall or growth (外流人员下降率N%) is a measure of its own, against whatever its source took
    r"|(?:下降|上升|增长|减少|成长)率"
)


#: A sign or arrow at a figure (-0.75‰, ↓31.2%): a data card's or a rate's own, not a paragraph's change.
_SIGNED = compile_pattern(r"[-−+＋↑↓]")


def _own_anchor(text: str, pos: int) -> bool:
    """Whether the clause ending at `pos` names what its change is against (see `_OWN_ANCHOR`).

    降幅比9月收窄3.6个百分点 after 同比下降4.2%: the points are against September, not last year.
    """
    return _OWN_ANCHOR.search(_clause_before(text, pos)) is not None


#: What ends the clause before a change, searched backwards (see `_clause_before`).
_CLAUSE_END_BACK = compile_pattern(r"[，,；;。]", regex.REVERSE)


#: A clause that only says more or less, as speech does after a comparison of its own (其实是少了).
_SPOKEN_MORE_LESS = compile_pattern(r"(?:其实|实际上|反而|却|还)?(?:是|就)?([多少])了")


def _after_a_basis_clause(text: str, pos: int, lex: Lexicon) -> bool:
    """Whether the clause before `pos` only compares with a basis (你跟去年同期比，): it ends in one.

    >>> from statx.lexicon import lexicon
    >>> from statx.rules import load_rules
    >>> lex = lexicon(load_rules())
    >>> _after_a_basis_clause("你跟去年同期比，其实是", 8, lex)
    True
    >>> _after_a_basis_clause("违法是多，其实是", 5, lex)
    False
    """
    words = text[max(0, pos - 20) : pos].rstrip()
    if not words.endswith(("，", ",")):
        return False
    words = words[:-1]
    basis, said = _nearest_basis(words, lex, last=True)
    return basis is not None and words.endswith(said)


#: A comparison with a target, a pledge, a standard or an average (较承诺的服务目标, 比全省平均水平):
#: what a change after it is against, not the year before.
_A_MARK = compile_pattern(r"(?:较|比|与|與)[^，,；;。\d]{0,16}?(?:目标|承诺|标准|平均|指标|要求)")
#: A clause of a change verb alone (高出约, 上升了): it says its change of what the clause before compares.
_BARE_CHANGE_CLAUSE = 6


def _against_a_mark(text: str, pos: int) -> bool:
    """Whether the change at `pos` is against a target or an average its clause (or, when its own
    clause is a verb alone, the clause before) names.

    >>> _against_a_mark("出勤率91.6%,较服务承诺的目标值(即90%),高出约1.6%", 28)
    True
    >>> _against_a_mark("警情上升5.2%,其中88.1%到场", 11)
    False
    """
    own = _clause_before(text, pos)
    if _A_MARK.search(own):
        return True
    if len(own.strip()) > _BARE_CHANGE_CLAUSE:
        return False
    start = pos - len(own)
    return start > 0 and _A_MARK.search(_clause_before(text, start - 1)) is not None


#: Last year as the time of the figures (去年全市, 海关去年录得), not a basis (较去年, 比上年, 同去年) nor a
#: point of it (去年底, 去年同期, 去年10月).
_LAST_YEAR = compile_pattern(
    r"(?<![较比与同於于跟和])(?:去年|上年)(?![底末同\d一二三四五六七八九十上下前首])"
)


def _reviews_last_year(text: str, start: int, pos: int, lex: Lexicon) -> bool:
    """Whether the sentence before `pos` is about last year and compares with one year only.

    A page of no date that reviews 去年 and sets it against a year it names (去年录得961宗，比2024年
    少29%) sets it against the year before: it would say why were it an older one (疫情前的2019年),
    and then the year before has its own basis in the sentence (按年增加…，较疫情前的2019年减少…).

    >>> from statx.lexicon import lexicon
    >>> from statx.rules import load_rules
    >>> lex = lexicon(load_rules())
    >>> _reviews_last_year("去年共录得120宗，较2023年减少", 0, 18, lex)
    True
    >>> _reviews_last_year("去年共录得120宗，按年增加5%，较2019年减少", 0, 25, lex)
    False
    >>> _reviews_last_year("全年共录得120宗，较2019年减少", 0, 18, lex)
    False
    """
    words = text[start:pos]
    return _LAST_YEAR.search(words) is not None and len(lex.basis_yoy.findall(words)) == 1


def _clause_before(text: str, pos: int) -> str:
    """The words of the clause before `pos`, back to a comma, semicolon or full stop (40 at most)."""
    return text[last_end(_CLAUSE_END_BACK, text, pos, max(0, pos - 40)) : pos]


def _basis_of_paragraph(
    text: str, cands: Sequence[Candidate], out: Sequence[ChangeInfo], i: int
) -> Basis | None:
    """The basis of the last change before change `i` in its paragraph, when that is year-on-year.

    A bulletin says 比上年 once for a paragraph (规模以上工业增加值比上年增长7.2%。分经济类型看，国有控股
    企业增加值增长4.6%…。全年规模以上工业企业实现营业收入6318.7亿元，增长4.3%): a bare change in a
    later sentence of the same paragraph is against the same year. A line break ends the paragraph.
    """
    pos = cands[i].start
    if _own_anchor(text, pos) or _SIGNED.search(text, max(0, pos - 1), pos + 1):
        return None
    lo = start_of_line(text, pos)
    j = _last_change(cands, out, i, lo, pos)
    return "yoy" if j is not None and out[j].basis == "yoy" else None


def _after_its_item(
    cands: Sequence[Candidate],
    contexts: Sequence[Context],
    out: Sequence[ChangeInfo],
    i: int,
) -> bool:
    """Whether change `i` comes right after a figure (not a change) of its own part of the sentence."""
    k = i - 1
    return k >= 0 and cands[k].start >= contexts[i].sentence_start and not out[k].relative


def latest_written_year(text: str, pos: int) -> int | None:
    """The year written last before `pos` (2023年, or a Taiwan year: 113年 is 2024), if any.

    A year after 较/比/与 is the one compared with, not the figure's own. The nearest one, not
    the greatest: a report's header dated in the next year (發布日期：114年2月7日) or a plan for it
    (作為擬訂114年警政策略之參考) comes before sections that each open with their own year
    (113年本縣受理詐騙案件…，較112年減少2.8%: year-on-year).
    """
    years = _written_years(text)
    k = bisect_right(years.ends, pos)
    return years.latest[k - 1][1] if k else None


def written_before(text: str, pos: int, year: int) -> bool:
    """Whether `year` is written before `pos` as the time of something (2023年，全市…), not compared with.

    >>> written_before("一、2023年工作回顾。较2022年下降", 16, 2023), written_before("较2022年下降", 8, 2022)
    (True, False)
    """
    first = _written_years(text).first_end.get(year)
    return first is not None and first <= pos


class _WrittenYears(NamedTuple):
    """The years written in a text as the time of something, Taiwan years as common-era ones."""

    ends: list[int]  # where each ends, in order
    latest: list[tuple[int, int]]  # the (start, year) written last among those ending by each end
    first_end: dict[int, int]  # where each year is first done being written


@functools.lru_cache(maxsize=4)
def _written_years(text: str) -> _WrittenYears:
    """Every year written in `text`, read once: a year before a figure is one ending before it.

    A report of thousands of changes asks for the years before each; reading the text from its
    start each time made such a report quadratic. A match never reaches past another's start (a
    year is preceded by no digit), so the matches that end by `pos` are those that reading only up
    to `pos` finds.
    """
    hits = [(m.end(), m.start(), int(m.group(1))) for m in _WRITTEN_YEAR.finditer(text)]
    hits += [(m.end(), m.start(), int(m.group(1)) + _ROC_OFFSET) for m in _WRITTEN_ROC_YEAR.finditer(text)]
    hits.sort()
    years = _WrittenYears([], [], {})
    for end, start, year in hits:
        years.ends.append(end)
        years.latest.append(max(years.latest[-1], (start, year)) if years.latest else (start, year))
        years.first_end.setdefault(year, end)
    return years
