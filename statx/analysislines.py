"""Point the counts of an analysis (numbered lines, ranking paragraphs) at the total they split.

A crash or crime analysis gives its total, then a lead ending in 如下： and one numbered line for
each way of looking at it: by hour, cause, vehicle, road, age (A1类事故发生18件死亡18人，肇事特性分析
如下：⏎(一)肇事时段：以18-20时发生3件最多。⏎(二)肇事车种：以机车发生9件最多). Each line counts some
of the total's events or dead, though no 其中 says so and the lines never add up: every line splits
the same total another way, which is why `statx.partsums`' exact sums cannot find it. A news
digest of the same analysis puts each way in a paragraph that ranks the parts instead (肇事车种以机车
695件最多，小客车338件次多), all under the paragraph that gives the total.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from statx.clauses import FULL_STOP
from statx.figurereading import (
    NUMBERED_LINE,
    Reading,
    casualty_word,
    is_rate,
    measure_of,
    names_its_thing_again,
    size_of,
    start_of,
)
from statx.patterncache import compile_pattern
from statx.records import SHARE_UNITS

#: A lead line ending on an analysis 如下： (特性分析如下：, 分布情况如下：), or announcing the features it
#: sets out (呈现以下几个特点：, 有如下特征：): numbered lines below it analyse a total, as they do under a
#: section heading naming a distribution and nothing more (二、本月事故按行业分布情况). A list of work
#: done (主要工作如下：⏎1.安装护栏68.5公里) counts things of its own, no part of a figure above it.
_LEAD_END = compile_pattern(
    r"(?:(?:分析|特性|特征|特点|分布|情形|情况)(?:如下|下列|以下)"
    r"|(?:如下|下列|以下)(?:(?:几|[两二三四五六七八九十\d])?[个点](?:方面的?)?)?(?:特点|特征))"
    r"\s*[：:][ \t\u3000]*\n"
    r"|(?m:^)[ \t\u3000]*[一二三四五六七八九十]{1,3}[、.．][^\n：:，,。；;\d]{0,24}?分布情况[ \t\u3000]*\n"
)
#: What a numbered line's mark looks like once its numeral is taken out: (一) and (二) are one list;
#: a 二、 heading below them opens another part of the page.
_NUMERAL = compile_pattern(r"\d{1,2}|[一二三四五六七八九十]{1,3}")
#: What ends the line of text above a lead with no count of its own: the blank lines between them.
_SPACE = frozenset("\n \t\u3000")
#: A blank line: a web page sets its items apart with them, and they are passed over.
_BLANK = compile_pattern(r"[ \t\u3000]*")


def wholes_of_analysis_lines(doc: Reading, parents: list[int | None]) -> None:
    """Point each count on the numbered lines under a 如下： lead at the total of its measure above.

    The total is the largest count of the measure on the lead's line, or else on the line of text
    right above it (…A1类死亡事故共32件，较上年43件减少11件。⏎⏎另针对A1类事故细部分析如下：): no change,
    stated baseline, share or rate, and no part itself. A count that already has its whole, a change,
    a share, a count bigger than the total, or one naming another casualty (受伤2人 under 死亡18人)
    is left as it is.
    """
    text = doc.text
    # the totals the last list split and where its last line ends: a second lead right after that
    # list (二、…行业分布情况⏎1.…⏎3.…⏎三、…地区分布情况) splits the same totals another way
    last_wholes: dict[str, int] = {}
    last_end = -1
    for lead in _LEAD_END.finditer(text):
        line_start = text.rfind("\n", 0, lead.start()) + 1
        wholes = _wholes_above(doc, parents, line_start, lead.start())
        if not wholes and last_end >= 0 and not text[last_end:line_start].strip():
            wholes = last_wholes
        if not wholes:
            continue
        last_wholes, last_end = wholes, -1
        for start, end in _item_lines(text, lead.end()):
            last_end = end
            for i in _figures_between(doc, start, end):
                measure = measure_of(doc.records[i].unit)
                # 死亡2人 on a line under 死亡2人，受伤53人: the total of its own casualty, not the larger one
                whole = wholes.get(f"{measure}/{casualty_word(doc, i)}", wholes.get(measure))
                if whole is not None and _part_of(doc, parents, whole, i):
                    parents[i] = whole


def _wholes_above(doc: Reading, parents: list[int | None], line_start: int, lead_at: int) -> dict[str, int]:
    """The total of each measure on the lead's line, or on the line of text right above it."""
    wholes = _totals(doc, parents, line_start, lead_at)
    end = line_start
    while end and doc.text[end - 1] in _SPACE:
        end -= 1
    return wholes or (_totals(doc, parents, doc.text.rfind("\n", 0, end) + 1, end) if end else {})


def _totals(doc: Reading, parents: list[int | None], start: int, end: int) -> dict[str, int]:
    """The largest count of each measure between ``start`` and ``end`` that can be a total.

    A change, a stated baseline (较113年41件), a share, a rate or a count that is itself a part is
    no total the lines below could split.
    """
    totals: dict[str, int] = {}
    for k in _figures_between(doc, start, end):
        rec = doc.records[k]
        if rec.unit in SHARE_UNITS or doc.changes[k].relative or parents[k] is not None or is_rate(doc, k):
            continue
        measure = measure_of(rec.unit)
        # the dead and the hurt share a measure: each casualty's own total is kept under its word too
        casualty = casualty_word(doc, k)
        keys = (measure,) if casualty is None else (measure, f"{measure}/{casualty}")
        for key in keys:
            # 火灾560起，死亡15人…。发生较大火灾2起，死9人: a smaller count of the measure said after the
            # total on its line is one of its kinds, not the total the lines below split
            if key not in totals or size_of(rec) >= size_of(doc.records[totals[key]]):
                totals[key] = k
    return totals


def _item_lines(text: str, at: int) -> Iterator[tuple[int, int]]:
    """The numbered lines from ``at`` on, one list's marks only, blank lines between them passed over."""
    mark: str | None = None
    for start, end in _paragraphs(text, at):
        numbered = NUMBERED_LINE.match(text, start, end)
        if numbered is None:
            return
        shape = _NUMERAL.sub("N", numbered.group().strip())
        if mark is not None and shape != mark:
            return
        mark = shape
        yield start, end


def _figures_between(doc: Reading, start: int, end: int) -> range:
    """The indices of the figures starting from ``start`` up to ``end`` (figures are in text order)."""
    lo = bisect.bisect_left(doc.cands, start, key=start_of)
    return range(lo, bisect.bisect_left(doc.cands, end, lo=lo, key=start_of))


def _part_of(doc: Reading, parents: list[int | None], whole: int, i: int) -> bool:
    """Whether figure ``i`` on an analysis line can be a part of ``whole``: see `wholes_of_analysis_lines`."""
    rec = doc.records[i]
    if parents[i] is not None or doc.changes[i].relative or rec.unit in SHARE_UNITS or is_rate(doc, i):
        return False
    if size_of(rec) > size_of(doc.records[whole]):
        return False
    own, theirs = casualty_word(doc, i), casualty_word(doc, whole)
    return (own is None or theirs is None or own == theirs) and not _aside_of_count_before(doc, i)


def _aside_of_count_before(doc: Reading, i: int) -> bool:
    """Whether figure ``i`` stands in a bracket after a count of its measure on its line.

    (三)肇事车种：以机车发生9件最多(未戴安全帽3件): the bracket breaks the 9 down, not the total.
    """
    text = doc.text
    line_start = text.rfind("\n", 0, doc.cands[i].start) + 1
    opened = max(
        text.rfind("(", line_start, doc.cands[i].start), text.rfind("（", line_start, doc.cands[i].start)
    )
    if (
        opened < 0
        or max(text.rfind(")", opened, doc.cands[i].start), text.rfind("）", opened, doc.cands[i].start)) >= 0
    ):
        return False
    measure = measure_of(doc.records[i].unit)
    return any(measure_of(doc.records[k].unit) == measure for k in _figures_between(doc, line_start, opened))


#: A sentence that ranks a total's parts: a count ranked first (277件占19%最多, 死亡185人最高, 500人，
#: 占56.8%为最大宗) and a next rank after it (其次, 次之, 次多, 居次, 居第3).
_RANKED_FIRST = compile_pattern(
    r"\d\s?(?:万|亿)?\d*\s?(?:件|起|宗|人|名|次|辆)[^，,。；;！？!?\n\d]{0,3}(?:[，,]?\s*占\s*[\d.]+\s*%)?\s*[，,]?\s*"
    r"(?:为|為)?(?:最多|最高|最大宗|居冠|居首|居多)"
)
_RANKED_NEXT = compile_pattern(r"其次|次之|次多|居次|居第\s?[二三2-3]")
#: How many paragraphs up, past other rankings and paragraphs with no count, the total is looked for.
_PARAGRAPHS_UP = 4


def wholes_of_ranking_paragraphs(doc: Reading, parents: list[int | None]) -> None:
    """Point the counts of a paragraph that opens by ranking parts at the totals of the paragraph above.

    …受理A1类事故1460件，死亡1506人。⏎肇事车种以机车695件最多，小客车338件次多。⏎肇事时间以晚上
    6时至8时168件最多，早上155件次之: each paragraph splits the year's total another way; the total
    stands in the last paragraph above that is no ranking itself and holds a count. Only the ranking
    sentence's counts are read, and only as `_part_of` allows (a count no bigger than the total, no
    change, share or rate, no other casualty).
    """
    text = doc.text
    for start, end in _paragraphs(text, 0):
        sentence_end = _first_sentence_end(text, start, end)
        ranked = _RANKED_FIRST.search(text, start, sentence_end)
        if ranked is None or _RANKED_NEXT.search(text, ranked.end(), sentence_end) is None:
            continue
        wholes = _wholes_of_paragraphs_up(doc, parents, start)
        for i in _figures_between(doc, start, sentence_end):
            whole = wholes.get(measure_of(doc.records[i].unit))
            if whole is None or not _part_of(doc, parents, whole, i):
                continue
            # a ranking of cases names the kind it ranks (受理盗窃案甲区210件居首): that of the total
            if "案" in text[start : doc.cands[i].start] and not names_its_thing_again(doc, whole, start, i):
                continue
            parents[i] = whole


def _paragraphs(text: str, at: int) -> Iterator[tuple[int, int]]:
    """Each line of text from ``at`` on with something on it: a paragraph as the reader keeps it."""
    while at < len(text):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if _BLANK.fullmatch(text, at, end) is None:
            yield at, end
        at = end + 1


def _wholes_of_paragraphs_up(doc: Reading, parents: list[int | None], start: int) -> dict[str, int]:
    """The totals of the nearest paragraph above ``start`` that holds a count and ranks nothing."""
    text = doc.text
    end = start
    for _ in range(_PARAGRAPHS_UP):
        while end and text[end - 1] in _SPACE:
            end -= 1
        if not end:
            return {}
        begin = text.rfind("\n", 0, end) + 1
        ranked = _RANKED_FIRST.search(text, begin, _first_sentence_end(text, begin, end))
        if ranked is None and (totals := _totals(doc, parents, begin, end)):
            return totals
        end = begin
    return {}


def _first_sentence_end(text: str, start: int, end: int) -> int:
    """Where the first sentence of the paragraph from ``start`` to ``end`` ends."""
    stop = FULL_STOP.search(text, start, end)
    return stop.start() if stop else end
