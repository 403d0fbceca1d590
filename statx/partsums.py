"""Find the whole a breakdown's parts add up to: exact sums decide between figures of one measure.

Two searches `statx.breakdowns.find_parents` runs after its walk: the items of a breakdown moved to
the earlier (or nearer) figure they add up to when the nearest is not their sum, and a run of
three or more counts with no breakdown word pointed at the count they add up to exactly.
"""

from __future__ import annotations

from collections.abc import Sequence

from statx.clauses import CLAUSE_BREAK, CLAUSE_BREAK_BACK, WINDOW, last_end
from statx.figurereading import NUMBERED_LINE, Reading, is_rate, measure_of, nearly_equal, rounding, size_of
from statx.patterncache import compile_pattern
from statx.records import SHARE_UNITS


def whole_by_sum(doc: Reading, parents: list[int | None], markers: Sequence[int | None]) -> None:
    """Point the items of one breakdown at the earlier figure they add up to, when it is not the nearest.

    排查矛盾纠纷1426起，成功化解1398起…。按纠纷类型划分：相邻关系类612起，婚姻家庭类387起，劳资
    债务类259起，其他类168起: the nearest figure not smaller is the 1398 resolved, but the four kinds
    add up to more than it, so it cannot be their whole; the 1426 found, which they add up to, is.
    Only parts adding up to more than the nearest whole move, and only to a figure of the unit
    before it equal to their sum; a partial list (其中盗窃120起、诈骗80起 of 300) stays.

    The other way too: 受理矛盾纠纷137起，成功调解131起，调解成功率95.6%，其中邻里纠纷64起、家庭纠纷
    38起、物业纠纷29起: the kinds name the 纠纷 of the 137 received, but they add up to the 131
    settled, said between the two; a figure of the unit between the whole and the parts that equals
    their sum is what they break down (an exact sum of two or more parts is no accident).
    """
    cands, records, changes = doc.cands, doc.records, doc.changes
    groups: dict[tuple[int, int], list[int]] = {}
    for i, (p, m) in enumerate(zip(parents, markers, strict=True)):
        if p is not None and m is not None:
            groups.setdefault((p, m), []).append(i)
    for (p, _), items in groups.items():
        if len(items) < 2:
            continue
        total = sum(size_of(records[i]) for i in items)
        if nearly_equal(total, size_of(records[p])):
            continue
        unit = measure_of(records[p].unit)
        if total < size_of(records[p]):
            nearer = [
                k
                for k in range(p + 1, items[0])
                if not changes[k].relative
                and measure_of(records[k].unit) == unit
                and nearly_equal(total, size_of(records[k]))
            ]
            if nearer:
                for i in items:
                    parents[i] = nearer[-1]
            continue
        lo = cands[items[0]].start - WINDOW
        for k in range(p - 1, -1, -1):
            if cands[k].start < lo:
                break
            if changes[k].relative or measure_of(records[k].unit) != unit:
                continue
            if nearly_equal(total, size_of(records[k])):
                for i in items:
                    parents[i] = k
                break


#: A full stop or a line break between two figures: parts of one run stand in one sentence.
_RUN_BREAK = compile_pattern(r"[。！？!?\n]")


#: A list join right after a figure (一等功6人、二等功3人): the next is its sibling, not its part.
_JOINED_AFTER = compile_pattern(r"\s*[、和及与]")


#: How many figures before a run of parts are tried as the whole they add up to.
_SUM_WHOLES_BACK = 6


#: How many counts a run holds at least to reach a whole in a paragraph before its own.
_LONG_RUN = 4


def wholes_of_exact_sums(doc: Reading, parents: list[int | None]) -> None:
    """Point a run of counts with no breakdown word at the earlier count they add up to exactly.

    对辖区48台设备排查分类，更换22台，停用17台，保留9台: no 其中 says so, but the three add up
    to the 48, each a part of it. An exact sum of three or more exact counts is no accident (two
    are: 排查问题27个，已解决19个，其余8个 says what became of the whole, which is no breakdown).
    Only counts of one measure in one sentence, with no whole yet, no change, rate or share, are
    a run; the whole is one of the `_SUM_WHOLES_BACK` such counts of the paragraph before the run
    (the nearest that fits, within the window), or a count of the run with the parts right after
    it, not joined to them as a list sibling (一等功6人、二等功3人、三等功2人、嘉奖1人). A whole in
    another paragraph is left: under a heading of its own, its parts may be the section's; but not
    by a run of `_LONG_RUN` counts or more, whose exact sum is no section's by chance (26名受害者中…。⏎
    年龄结构⏎30岁以下5人，30至49岁9人，50至64岁6人，65岁以上6人: the ages add up to the victims a
    paragraph up), when that whole is a total of its own, no part, within the window.
    """
    cands, records, text = doc.cands, doc.records, doc.text
    runs = _runs(doc)
    # the paragraph's counts so far by measure, the last few of each kept: a paragraph of a
    # thousand short sentences must not rescan all its counts at every one
    before: dict[str, list[int]] = {}
    earlier: dict[str, list[int]] = {}  # the same of the paragraphs before, for a long run
    prev_end = -1
    for run in runs:
        if prev_end >= 0 and text.find("\n", prev_end, cands[run[0]].start) >= 0:
            for m, kept in before.items():  # a new paragraph
                earlier[m] = (earlier.get(m, []) + kept)[-_SUM_WHOLES_BACK:]
            before = {}
        measure = measure_of(records[run[0]].unit)
        if len(run) >= 3:  # fewer are no run: `_parts_adding_up` would look at no whole
            _parts_adding_up(doc, parents, run, before.get(measure, []))
        if len(run) >= _LONG_RUN and parents[run[0]] is None:
            totals = [k for k in earlier.get(measure, []) if parents[k] is None]
            _parts_adding_up(doc, parents, run, totals)
        for w in range(len(run) - 2):
            if not _JOINED_AFTER.match(text, cands[run[w]].end, cands[run[w + 1]].start):
                _parts_adding_up(doc, parents, run, [run[w]], w + 1)
        kept = before.setdefault(measure, [])
        kept.extend(run)
        del kept[:-_SUM_WHOLES_BACK]
        prev_end = cands[run[-1]].end


def _runs(doc: Reading) -> list[list[int]]:
    """The runs of `wholes_of_exact_sums`: exact counts of one measure in one sentence, no change or rate."""
    cands, records, text = doc.cands, doc.records, doc.text
    runs: list[list[int]] = []
    for k in range(len(cands)):
        if (
            records[k].unit in SHARE_UNITS
            or doc.changes[k].relative
            or records[k].qualifier != "exact"
            or is_rate(doc, k)
        ):
            continue
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and measure_of(records[last].unit) == measure_of(records[k].unit)
            and not _RUN_BREAK.search(text, cands[last].end, cands[k].start)
        ):
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _parts_adding_up(
    doc: Reading, parents: list[int | None], run: Sequence[int], wholes: Sequence[int], first: int = 0
) -> None:
    """Point the first 3+ items of ``run[first:]`` at the nearest of ``wholes`` they add up to, if any.

    See `wholes_of_exact_sums`. The run is not sliced: a run of thousands of counts (one long line
    of them) tried from each of its items would copy it once per item.
    """
    cands, records = doc.cands, doc.records
    if len(run) - first < 3 or parents[run[first]] is not None:
        return
    for whole in reversed(wholes):
        if cands[run[first]].start - cands[whole].end > WINDOW:
            return
        size, total = size_of(records[whole]), 0.0
        for n in range(first, len(run)):
            k = run[n]
            if parents[k] is not None:
                break
            total += size_of(records[k])
            if total > size and not nearly_equal(total, size):
                break
            if nearly_equal(total, size) and n - first >= 2:
                for part in run[first : n + 1]:
                    parents[part] = whole
                return


#: Words that name a count as the total of what precedes it in its sentence: 总人数为, 总数是, 总量达.
#: Not a bare sum (分别为312、298、275起，共计885起: the few named items added up, no whole of theirs).
_TOTAL_AFTER = compile_pattern(r"总[^\d，,。；;、]{0,3}?[数量额](?:为|是|达|有)?\s*$")


def totals_after_parts(doc: Reading, parents: Sequence[int | None]) -> dict[int, int]:
    """The later count each count of a run is a part of, when the run's counts add up to it.

    编制内民警412人、辅警1065人、文职人员238人，总人数为1715人: the total comes last, named as one
    (总…数为, 总量达), and the three or more counts right before it in its sentence, none with a
    whole yet, add up to it exactly. A whole after its parts is read apart from ``parents`` (whose
    wholes come first: `statx.semantics` reads a part after its whole), so it is returned on its own.
    The sum runs back from the total and stops once past it: one pass per total, within `WINDOW`.
    """
    cands, records = doc.cands, doc.records
    later: dict[int, int] = totals_closing_lists(doc, parents)
    for run in _runs(doc):
        for n in range(3, len(run)):
            t = run[n]
            if parents[t] is not None or not _TOTAL_AFTER.search(doc.contexts[t].pre):
                continue
            size, total = size_of(records[t]), 0.0
            for m in range(n - 1, -1, -1):
                k = run[m]
                if parents[k] is not None or k in later or cands[t].start - cands[k].end > WINDOW:
                    break
                total += size_of(records[k])
                if total > size and not nearly_equal(total, size):
                    break
                if nearly_equal(total, size) and n - m >= 3:
                    later.update(dict.fromkeys(run[m:n], t))
                    break
    return later


#: 等 right after a list's last item, with the words of what the items are and a word of the sum at most
#: (…醉驾12起等违法行为共50起, …进校园73次等开展宣传510余次): the count after it is the list's total.
_CLOSED_BY_ETC = compile_pattern(r"\s*等(?![级待候同于])[^\d，,。；;：:！？!?、\n]{0,16}")
#: A comma after a list's last item and a word of the sum opening the next clause (…、企业37家，共计走访
#: 172家; …，合计检查654处): the count that clause says is the list's total, what it counts named again.
_CLOSED_BY_SUM = compile_pattern(
    r"\s*(?:等[^\d，,。；;：:！？!?、\n]{0,8})?[，,]\s*(?P<sum>共计|合计|总计|累计|总共|一共|共)"
    r"(?P<words>[^\d，,。；;：:！？!?、\n]{0,12})"
)
#: Words of the sum that name nothing of their own (共计达, 累计为, 共查处各类…).
_SUM_FILLER = compile_pattern(r"^(?:达到|达|为|是|有|完成|各类|各种|各项|了)+|(?:达到|达|为|是|有|了)+$")
#: What the words between a list's 等 and its total lose before they are read for the kind they name.
_ETC_WORDS = compile_pattern(r"\s|等|[“”\"'「」‘’]|开展|组织|进行|各类|各种|各项|活动|共计|合计|累计|共|了")
#: What may stand between two items of one list: a join or a comma and the next item's own words.
_ITEM_GAP = compile_pattern(r"[^\d。；;：:！？!?\n]{0,16}")


def totals_closing_lists(doc: Reading, parents: Sequence[int | None]) -> dict[int, int]:
    """The total said after a list's items, closing it with 等 or a word of the sum, for each item.

    走访商户126家、学校9所、企业37家，共计走访172家: the 172 is what the three add up to, said after
    them, and so their whole; so is the count after 等 that ends a list (查处酒驾38起、醉驾12起等违法行为
    共50起, 宣传进村120次，进校45次…等开展宣传170余次). A list is two or more counts of the total's
    measure right before it in its sentence, no change, rate or share, none a part yet; their sum may
    not pass the total (beyond what its 余 or rounding allows), and the list stops at the count that
    would. After a comma the sum's clause must count what the list's first clause did: its words past
    共计 open on two characters of the words before the first item (走访, 查处 of 共查处各类交通违法), or
    it says nothing but the sum (the list starts at the first clause that does). Items in another
    unit (学校9所 among 家) are parts only when all the list's counts add up to the total exactly.
    The walk back stays within `WINDOW` of the total.
    """
    text, cands, records, changes = doc.text, doc.cands, doc.records, doc.changes
    later: dict[int, int] = {}
    for t in range(2, len(cands)):
        total = records[t]
        if parents[t] is not None or total.unit in SHARE_UNITS or changes[t].relative or is_rate(doc, t):
            continue
        gap_start = cands[t - 1].end
        if cands[t].start - gap_start > 40:
            continue
        by_sum = None
        if _CLOSED_BY_ETC.fullmatch(text, gap_start, cands[t].start) is None:
            by_sum = _CLOSED_BY_SUM.fullmatch(text, gap_start, cands[t].start)
            if by_sum is None:
                continue
        items = _list_before(doc, parents, t)
        if len(items) < 2:
            continue
        measure = measure_of(total.unit)
        same = [k for k in items if measure_of(records[k].unit) == measure]
        whole = size_of(total)
        if nearly_equal(sum(size_of(records[k]) for k in items), whole):
            parts = items  # every count of the list adds up to it: those in another unit too
        else:
            parts, summed = [], 0.0
            for k in reversed(same):
                summed += size_of(records[k])
                if summed > whole + rounding(total) and not nearly_equal(summed, whole):
                    break
                parts.append(k)
            if len(parts) < 2:
                continue
        parts.sort()
        if "分别" in _clause_before(text, cands[parts[0]].start):
            continue  # 甲、乙、丙分别为312、298、275起，共计885起: the named few added up, no whole of theirs
        if by_sum is not None:
            # 检查场所80家，走访商户126家、企业37家，共计走访300家: the list starts where 走访 is said
            while len(parts) >= 2 and not _counts_alike(text, by_sum.group("words"), cands[parts[0]].start):
                parts.pop(0)
            if len(parts) < 2:
                continue
        else:
            # …集中教育4次，宣传进村社40次、进学校12次…等开展“五进”宣传60余次: a clause of its own before the
            # list, sharing no word with what 等 names, is no item of it (the total may hold its count too)
            kind = _ETC_WORDS.sub("", text[gap_start : cands[t].start])
            while (
                len(parts) >= 2
                and len(kind) >= 2
                and CLAUSE_BREAK.search(text, cands[parts[0]].end, cands[parts[1]].start) is not None
                and not any(
                    kind[j : j + 2] in _clause_before(text, cands[parts[0]].start)
                    for j in range(len(kind) - 1)
                )
            ):
                parts.pop(0)
            if len(parts) < 2:
                continue
        later.update(dict.fromkeys(parts, t))
    return later


def _list_before(doc: Reading, parents: Sequence[int | None], t: int) -> list[int]:
    """The counts of the list ending right before figure `t`, first to last (`totals_closing_lists`)."""
    text, cands, records, changes = doc.text, doc.cands, doc.records, doc.changes
    items: list[int] = []
    lo = cands[t].start - WINDOW
    k = t - 1
    while k >= 0 and cands[k].start >= lo:
        rec = records[k]
        if (
            parents[k] is not None
            or changes[k].relative
            or rec.unit in SHARE_UNITS
            or rec.unit.endswith("元")
            or is_rate(doc, k)
        ):
            break
        items.append(k)
        if k == 0 or _ITEM_GAP.fullmatch(text, cands[k - 1].end, cands[k].start) is None:
            break
        k -= 1
    items.reverse()
    return items


def _counts_alike(text: str, words: str, first: int) -> bool:
    """Whether a sum's `words` (past 共计) name nothing or open on two characters of the first clause."""
    words = _SUM_FILLER.sub("", words.strip())
    if not words:
        return True
    # the verb opens them (共计走访, 共查处各类…): a noun said again further on (服务群众 after 走访群众) is
    # no sign the sum counts what the list did
    return words[:2] in _clause_before(text, first)


def _clause_before(text: str, at: int) -> str:
    """The words of the clause before position `at`, back to a clause mark (40 characters at most)."""
    return text[last_end(CLAUSE_BREAK_BACK, text, at, max(0, at - 40)) : at]


def wholes_of_numbered_lines(doc: Reading, parents: list[int | None]) -> None:
    """Point the first counts of numbered item lines at the count of the line above they add up to.

    本季较大事故共12起，亡33人。⏎1.矿山一类2起，亡4人。⏎2.化工一类3起，亡6人。⏎3.道路交通
    一类7起，亡23人: no 其中 says so, but a work-safety bulletin lists its total's trades one numbered
    line each, and the first count of each measure on the lines adds up to the total of that measure
    on the line right above the list (2+3+7 = 12 起, 4+6+23 = 33 人). Only an exact sum of three or
    more lines points them; a change (同比增加1起) is no part, and a count that already has its whole
    keeps it. Each figure's line start is looked for within `WINDOW` only.

    The items may be bulleted instead of numbered (◆, ●, ■, -), set apart by blank lines as a web page
    spaces its paragraphs, and a lead line with no figure may stand between the total and them
    (…共发生事故453起，死亡152人。⏎⏎这十个路段分别是：⏎⏎◆ 甲路段…发生事故51起、死亡22人。…): the exact
    sum of three or more items still decides.
    """
    cands, text = doc.cands, doc.text
    lines: list[tuple[int, bool, list[int]]] = []  # (line start, numbered, figures)
    for k, c in enumerate(cands):
        nl = text.rfind("\n", max(0, c.start - WINDOW), c.start)
        if nl < 0 and c.start > WINDOW:
            lines.append((-1 - k, False, [k]))  # too long a line to be an item: a line of its own
            continue
        start = nl + 1
        if lines and lines[-1][0] == start:
            lines[-1][2].append(k)
        else:
            lines.append((start, _ITEM_LINE.match(text, start) is not None, [k]))
    n = 0
    while n < len(lines):
        if not lines[n][1] or n == 0:
            n += 1
            continue
        end = n + 1
        while end < len(lines) and lines[end][1] and _next_line(text, lines, end - 1):
            end += 1
        if end - n >= 3 and not lines[n - 1][1] and _next_line(text, lines, n - 1, lead=True):
            _items_adding_up(doc, parents, lines[n - 1][2], [line[2] for line in lines[n:end]])
        elif end - n >= 3 and _heading_right_above(doc, lines, n):
            items = [line[2] for line in lines[n:end]]
            m = n - 1
            while m >= 0 and cands[lines[m][2][-1]].start >= lines[n][0] - 2 * WINDOW:
                if _items_adding_up(doc, parents, lines[m][2], items):
                    break
                m -= 1
        n = max(end, n + 1)


def _heading_right_above(doc: Reading, lines: Sequence[tuple[int, bool, list[int]]], n: int) -> bool:
    """Whether one short heading line with no figure stands right above line ``n`` of `lines`.

    一、本周接报警情52起…⏎二、警情类型⏎①盗窃类：20起⏎②纠纷类：18起⏎③求助类：14起: a bulletin gives its
    total in one section and lists its kinds one numbered line each under the next section's heading,
    with other lines between; the exact sum of the items then finds that total further up
    (see `wholes_of_numbered_lines`). The heading is a line of its own, 20 characters at most, ended by
    no full stop, semicolon or colon (a lead line ending on a colon is read as the list's lead).
    """
    if n == 0 or lines[n][0] < 0:
        return False
    text = doc.text
    after = doc.cands[lines[n - 1][2][-1]].end
    nl = text.find("\n", after, lines[n][0])
    if nl < 0:
        return False
    heading = _BLANK_LINES.sub("", text[nl + 1 : lines[n][0]]).strip(" \t\u3000\n")
    return 0 < len(heading) <= 20 and "\n" not in heading and heading[-1] not in "。；;：:，,"


#: A line that opens an item of a list: numbered (`NUMBERED_LINE`, or circled: ①, ⑴) or bulleted as
#: pages and Markdown bullet them (◆ 甲路段…, ● 乙县…, - 丙区…), after any indent.
_ITEM_LINE = compile_pattern(
    NUMBERED_LINE.pattern
    + r"|[ \t\u3000]*[◆◇●○■□▲△★☆•▪►▶※\u2460-\u2473\u2474-\u2487][ \t\u3000]*|[ \t]*[-*+][ \t]+"
)

#: What stands between two lines of a list: only blank lines (a web page spaces its paragraphs).
_BLANK_LINES = compile_pattern(r"(?:[ \t\u3000]*\n)*")
#: Between a total's line and its first item, one lead line with no figure may stand too (分别是：, 如下：).
_LEAD_LINE = compile_pattern(r"(?:[ \t\u3000]*\n)*(?:[^\n]{1,40}[:：][ \t\u3000]*\n(?:[ \t\u3000]*\n)*)?")


def _next_line(text: str, lines: Sequence[tuple[int, bool, list[int]]], at: int, lead: bool = False) -> bool:
    """Whether line ``at + 1`` of `lines` follows line ``at`` below it, with only blank lines between.

    With `lead`, one lead line ending on a colon may stand between them too (a total, then 分别是：).
    """
    if at + 1 >= len(lines) or lines[at][0] < 0 or lines[at + 1][0] < 0:
        return False
    nl = text.find("\n", lines[at][0], lines[at + 1][0])
    if nl < 0:
        return False
    between = _LEAD_LINE if lead else _BLANK_LINES
    return between.fullmatch(text, nl + 1, lines[at + 1][0]) is not None


def _first_counts(doc: Reading, figures: Sequence[int]) -> dict[str, int]:
    """The first exact count of each measure among `figures`: no change, rate or share."""
    out: dict[str, int] = {}
    for k in figures:
        rec = doc.records[k]
        if rec.unit in SHARE_UNITS or doc.changes[k].relative or rec.qualifier != "exact" or is_rate(doc, k):
            continue
        out.setdefault(measure_of(rec.unit), k)
    return out


def _items_adding_up(
    doc: Reading, parents: list[int | None], above: Sequence[int], items: Sequence[Sequence[int]]
) -> bool:
    """Point each measure's first counts of the `items` lines at the count of `above` equal to their sum.

    Returns whether any did.
    """
    wholes = _first_counts(doc, above)
    firsts = [_first_counts(doc, line) for line in items]
    found = False
    for measure, whole in wholes.items():
        parts = [f[measure] for f in firsts if measure in f]
        if len(parts) < 3 or any(parents[p] is not None for p in parts):
            continue
        if nearly_equal(sum(size_of(doc.records[p]) for p in parts), size_of(doc.records[whole])):
            for p in parts:
                parents[p] = whole
            found = True
    return found
