"""Find the totals an accident report's numbered sector lines break down, with no breakdown word.

全县发生事故38起，死亡12人…⏎1.道路运输事故30起，死亡9人…⏎2.建筑施工事故5起…: each numbered line
says the totals' kinds again for one sector; its figures are parts of the totals of their kind.
`statx.breakdowns.find_parents` asks `whole_of_numbered_sector` for each figure on such a line.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

import regex

from statx.changes import start_of_line
from statx.clauses import WINDOW
from statx.figurereading import NUMBERED_LINE, Reading, casualty_word, is_rate, size_of, start_of
from statx.patterncache import compile_pattern
from statx.records import SHARE_UNITS

#: A full stop.
_FULL_STOP = compile_pattern(r"[。！？!?]")

#: A numbered item set inline after a blank, as a page flattened into one cell leaves its lines
#: (…情况 （一）工矿商贸事故。… （二）道路运输事故。…): it opens a line of its own.
_INLINE_ITEM = compile_pattern(
    r"(?<=[^\d\s][ \t\u3000]+)"
    r"(?:[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|[一二三四五六七八九十]{1,3}、)"
)

#: A sector's heading sentence before its line's figures (（二）建筑施工事故。本月发生事故4起…): the sector
#: named, no view of its own (（一）从道路类型看。 heads a paragraph of its own).
_SECTOR_HEADING_SENTENCE = compile_pattern(
    r"[ \t\u3000]*[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）][ \t\u3000]*\p{Han}{2,12}?事故[。.]"
)

#: A line's numbering (一、, （一）, 1.) and blanks, left out of a heading's length.
_NUMBERING = compile_pattern(
    r"[ \t\u3000]*(?:\d{1,2}[.．、](?!\d)|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]"
    r"|[一二三四五六七八九十]{1,3}、)?|\s+$"
)


#: How many lines up from a numbered line its sibling lines and the totals are looked for.
_SECTOR_LINES_BACK = 6


#: The longest heading line passed over between the totals and the first sector (一、从行业看).
_SECTOR_HEADING = 12


def whole_of_numbered_sector(
    doc: Reading, out: Sequence[int | None], sectors: AbstractSet[int], i: int
) -> int | None:
    """The total figure ``i`` breaks down when its numbered line repeats the totals' kinds for a sector.

    全县发生事故38起，死亡12人，受伤20人，直接经济损失96万元。⏎1.道路运输事故30起，死亡9人，受伤18人…⏎
    2.建筑施工事故5起，死亡3人…: an accident report lists the sectors of its totals one a line, each line
    saying the totals' casualties again, with no breakdown word; each figure is a part of the total of
    its unit naming the same casualty. The first numbered line follows the totals' line (past a short
    heading, 一、从行业看), and its figures meet totals of their kind: events and a casualty at least
    (a line of counts of one kind is no sector's line); a later one reaches the totals through the
    numbered lines above it, whose figures of its kind took them by this rule (``sectors``).
    """
    text, cands, records = doc.text, doc.cands, doc.records
    if doc.changes[i].relative or records[i].unit in SHARE_UNITS or is_rate(doc, i):
        return None
    line = _line_start(text, cands[i].start)
    if line == 0 or (numbered := NUMBERED_LINE.match(text, line, cands[i].start)) is None:
        return None
    first_figure = cands[bisect.bisect_left(cands, line, key=start_of)].start
    if _FULL_STOP.search(text, line, first_figure) and not _SECTOR_HEADING_SENTENCE.match(
        text, line, first_figure
    ):
        return None  # （一）从道路类型看。国省道…: a heading sentence, then a paragraph of its own
    unit, lo = records[i].unit, max(0, cands[i].start - 3 * WINDOW)
    casualty = None if unit in doc.lex.event_units else casualty_word(doc, i)
    heading = False  # whether a numbered heading was passed on the way up (三、…地区分布情况)
    for _ in range(_SECTOR_LINES_BACK):
        if line <= lo + 1:
            return None
        above = text.rfind("\n", lo, line - 1) + 1
        if above == 0 and lo > 0:
            return None  # the line above starts out of reach
        above = _last_inline_item(text, above, line - 1)
        first = bisect.bisect_left(cands, above, key=start_of)
        figures = range(first, bisect.bisect_left(cands, line - 1, lo=first, key=start_of))
        if not figures:
            mark = NUMBERED_LINE.match(text, above, line)
            if len(_NUMBERING.sub("", text[above:line])) > _SECTOR_HEADING and not _same_numbering(
                mark, numbered.group()
            ):
                return None  # a sibling sector with nothing to count (（二）采矿业：未发生事故) is passed
            heading = heading or (mark is not None and not _same_numbering(mark, numbered.group()))
        elif _same_numbering(NUMBERED_LINE.match(text, above, cands[figures[0]].start), numbered.group()):
            for k in figures:  # a sibling sector: the whole its figure of this kind took
                if _same_kind(doc, k, unit, casualty) and k in sectors and (whole := out[k]) is not None:
                    return whole if size_of(records[whole]) >= size_of(records[i]) else None
        elif heading and any(out[k] is not None for k in figures if _same_kind(doc, k, unit, casualty)):
            # 二、…⏎1.道路交通事故20起…⏎三、…地区分布情况⏎1、甲镇…7起: past a heading of its own, a line
            # whose count is itself a part is an item of the section before, no total of this one
            return None
        else:
            return _total_of_kind(doc, figures, i, unit, casualty)
        line = above
    return None


def _line_start(text: str, at: int) -> int:
    """Where the line holding ``at`` starts, an inline numbered item opening one (see `_INLINE_ITEM`)."""
    return _last_inline_item(text, start_of_line(text, at), at)


def _last_inline_item(text: str, start: int, end: int) -> int:
    """The start of the last inline numbered item between ``start`` and ``end``, else ``start``."""
    for m in _INLINE_ITEM.finditer(text, start, end):
        start = m.start()
    return start


def _same_numbering(above: regex.Match[str] | None, own: str) -> bool:
    """Whether a line numbered ``above`` is a sibling of one numbered ``own``: the same style of number.

    一、总体情况 全市发生事故6起…⏎二、行业情况 （一）工矿商贸事故…: a line a level up holds the totals.
    """
    return above is not None and _numbering_style(above.group()) == _numbering_style(own)


def _numbering_style(mark: str) -> str:
    """The style of a line's number: （一）, （1）, 一、, 1. or 1、 (the number itself left out)."""
    mark = mark.strip(" \t\u3000")
    if mark[:1] in "（(":
        return "(" + ("1" if mark[1:2].isdigit() else "一")
    return ("1" if mark[:1].isdigit() else "一") + mark[-1:].replace("．", ".")


def _same_kind(doc: Reading, k: int, unit: str, casualty: str | None) -> bool:
    """Whether figure ``k`` counts in ``unit`` the same casualty (死亡, or none), events any way.

    事故0起、无死亡: a count of events names no casualty, whatever word follows it.
    """
    if doc.records[k].unit != unit or doc.changes[k].relative or is_rate(doc, k):
        return False
    return unit in doc.lex.event_units or casualty_word(doc, k) == casualty


def _total_of_kind(
    doc: Reading, totals: Sequence[int], i: int, unit: str, casualty: str | None
) -> int | None:
    """The figure among ``totals`` of item ``i``'s kind, when the first numbered line repeats theirs.

    A count of events and a count of a casualty (死亡, 受伤) of ``i``'s line must each meet a total of
    their own kind, not smaller: other lines (30起 after a paragraph of 38起, 查处酒驾412起、醉驾96起)
    are no list of sectors.
    """
    text, cands, records = doc.text, doc.cands, doc.records
    line_end = text.find("\n", cands[i].start)
    end = len(cands) if line_end < 0 else bisect.bisect_left(cands, line_end, key=start_of)
    line_start = start_of_line(text, cands[i].start)
    own = range(bisect.bisect_left(cands, line_start, key=start_of), end)
    met: set[bool] = set()  # whether each figure met is a casualty's
    whole = None
    for k in own:
        if doc.changes[k].relative or records[k].unit in SHARE_UNITS:
            continue
        kind = None if records[k].unit in doc.lex.event_units else casualty_word(doc, k)
        total = next((t for t in totals if _same_kind(doc, t, records[k].unit, kind)), None)
        if total is not None and size_of(records[total]) >= size_of(records[k]):
            met.add(kind is not None)
            if k == i:
                whole = total
    return whole if met == {True, False} else None
