"""Find the heads a figure stands under: the heading above it, its table's caption, a run-in head.

A heading line (二、交通事故情况), the caption above a table (表2 部分区县道路交通事故情况) or the
numbered head a bulletin's sentence runs on from ((三)抢夺类警情。本月环比上升3.6%) names what the
figures under it count when their own words do not; `semantics` reads them as a figure's topic.
"""

from __future__ import annotations

from collections.abc import Callable

from statx.changes import start_of_line
from statx.patterncache import compile_pattern
from statx.subjects import nearest_before


def run_in_head(text: str, sentence_start: int, sections: Callable[[], list[tuple[int, str]]] = list) -> str:
    """The numbered run-in head the sentence starting at `sentence_start` follows on its line, if any.

    (三)抢夺类警情。本月环比上升3.6%: the sentence says only its period and change, and the head before
    it on the line names what it counts, as an earlier clause of the sentence would.
    """
    line_start = start_of_line(text, sentence_start)
    m = RUN_IN_HEAD.match(text, line_start, sentence_start)
    if m is None or m.end() != sentence_start:
        # an item run into the line of the one before (…同比下降38.75%。5.盗窃电动车。本月…): its head
        # opens right after that item's last full stop
        item_start = max(text.rfind(mark, line_start, sentence_start - 1) for mark in "。；;") + 1
        m = _RUN_IN_ITEM.match(text, item_start, sentence_start) if item_start > line_start else None
        if m is None or m.end() != sentence_start:
            return ""
    head: str = m.group(0)
    if m.re is RUN_IN_HEAD and m.group("section"):
        return head
    # an item numbered 1. under a section's head ((一)盗窃类警情。… / 1.盗窃电瓶。本月…): the item names
    # the kind, the section what is counted, so the section's head is read nearest the figure; the
    # section's head is the last one before the item, however many items stand between
    return head + (nearest_before(sections(), m.start()) or "")


#: The first character of a line past its blanks.
_LINE_BODY = compile_pattern(r"[^ \t]")


def is_table_row(text: str, line_start: int, at: int) -> bool:
    """Whether the line from `line_start` to `at` is a table's row (" | 上城区 | 214" as prepared; Markdown).

    The first character past the blanks is looked at: `regex`, matching a pattern of blanks and a
    bar there, first looks for the bar it needs through the whole rest of the line, each figure again.

    >>> is_table_row(" | 上城区 | 214", 0, 9), is_table_row("上城区 | 214", 0, 7)
    (True, False)
    """
    m = _LINE_BODY.search(text, line_start, at)
    return m is not None and text[m.start()] == "|"


def table_caption(text: str, row_start: int, memo: dict[int, str] | None = None) -> str:
    """The line above the table a row is in (表2  部分区县道路交通事故情况(单位:起)), if it is a heading.

    A table's caption or the heading right above it names what its rows count; a heading found
    further up, or a short line of text that happens to stand there, may name anything. `memo`
    keeps the answer for every row passed on the way up, so the rows of a long table do not each
    walk up the whole table again.

    >>> table_caption("全市情况。\\n表2 交通事故情况\\n\\n | 区县 | 同比\\n | 上城区 | -6.1%", 28)
    '表2 交通事故情况'
    """
    end = row_start
    passed: list[int] = []
    caption = ""
    while end > 0:
        if memo is not None and end in memo:
            caption = memo[end]
            break
        passed.append(end)
        start = start_of_line(text, end - 1)
        line = text[start : end - 1].strip()
        if line and not line.startswith("|"):
            m = HEADING.fullmatch(line)
            caption = m.group(1) if m else ""
            break
        end = start
    if memo is not None:
        memo.update(dict.fromkeys(passed, caption))
    return caption


def heading_before(headings: Callable[[], list[tuple[int, str]]], pos: int) -> str:
    """The last heading before `pos`, or "": `headings` finds the article's headings on first need.

    A count the heading ends on (a feature's headline 十年攻坚 破获案件56起) is left out: it is the
    headline's own figure, and a cue that reads the words right before a count (破获案件46起52人: the
    people caught in those cases) would else take it for the words before each figure under it, so
    that the staff of a station counted below (全所有民警21名) read as people caught.

    >>> heading_before(lambda: [(0, "十年攻坚 破获案件56起")], 20)
    '十年攻坚 破获案件'
    >>> heading_before(lambda: [(0, "二、打击犯罪")], 9), heading_before(lambda: [(0, "2023年")], 9)
    ('二、打击犯罪', '2023年')
    """
    heading = nearest_before(headings(), pos) or ""
    trailing = _TRAILING_COUNT.search(heading) if heading[-1:] not in _NOT_A_COUNT_END else None
    return heading[: trailing.start()] if trailing else heading


#: A count a heading ends on: a number with its measure word (56起, 1.2万余名, 3,500人次). A heading
#: that ends on a year (2023年) or a number alone keeps it (see `_NOT_A_COUNT_END`).
_TRAILING_COUNT = compile_pattern(r"\s*\d[\d,.]*\s*[万亿]?\s*[余多]?\s*\p{Han}{1,2}$")
#: The last characters that show a heading's number is a date or a time, not a count.
_NOT_A_COUNT_END = frozenset("年月日时号期届周")


# A short line of its own; never a table's row (上城区 | 214 | 228 | -6.1%), whose cells are no topic:
# the heading of a row's figures is the table's caption or the heading above the table.
HEADING = compile_pattern(r"(?m)^[#\s]*([^\n。，,；;|]{2,30})$")
# A byline (2021-08-02 来源:某某日报客户端, 责任编辑:…) stands on a short line of its own but names who
# published the page, not what the figures under it count: no heading.
# (the text is read in Simplified script, so the Traditional forms need no place here)
BYLINE = compile_pattern(r"(?:来源|责任编辑|编辑|责编|作者|记者|通讯员)[ \t]?[:：]")
# A numbered run-in head that opens a line and ends at its first full stop or colon ((三)抢夺类警情。本月
# 环比上升3.6%, 1.拎包抢夺。本月…): a bulletin's item, whose sentence after it says only its period and
# change; the head names what it counts (see `semantics._earlier`).
RUN_IN_HEAD = compile_pattern(
    r"(?m)^[ \t\u3000]*"
    r"(?:(?P<section>[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)|\d{1,2}[.、．](?!\d))"
    r"[ \t\u3000]*([^\n。，,；;|：:\d]{2,16})[。：:]"
)
#: A numbered item's run-in head that opens after the full stop of the item before on its line
#: (…同比下降38.75%。5.盗窃电动车。本月…); a decimal (。2.5万起) is none.
_RUN_IN_ITEM = compile_pattern(
    r"[ \t\u3000]*\d{1,2}[.、．](?!\d)[ \t\u3000]*[^\n。，,；;|：:\d]{2,16}[。：:]"
)
#: A section's run-in head ((一)盗窃类警情。), which the items numbered 1., 2. under it belong to.
RUN_IN_SECTION = compile_pattern(
    r"(?m)^[ \t\u3000]*(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)"
    r"[ \t\u3000]*[^\n。，,；;|：:\d]{2,16}[。：:]"
)
