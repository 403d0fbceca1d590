"""Find the whole a count's share is written of: 占比71.4% names which earlier total the count is part of.

A share to a decimal place, checked against the totals before it within their rounding, picks
the whole: for the items of a breakdown (`whole_by_share`, `whole_of_share`), for counts paired
one by one with the shares after them (`wholes_of_paired_shares`), and for counts that found no
whole at all (`wholes_of_own_shares`, read last by `statx.semantics`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence

import regex

from statx.changes import start_of_line
from statx.clauses import FULL_STOP_BACK, WINDOW, last_end, without_blanks
from statx.figurereading import (
    DECIMALS,
    KIND_OF_WHOLE,
    NAMED_BACK,
    Reading,
    measure_of,
    rounding,
    size_of,
    start_of,
)
from statx.headings import HEADING, RUN_IN_HEAD
from statx.patterncache import compile_pattern
from statx.records import SHARE_UNITS


def whole_by_share(doc: Reading, parents: list[int | None], markers: Sequence[int | None]) -> None:
    """Point the items of one breakdown at the earlier figure their shares are written of.

    受理办件58.3万件…；办结57.9万件…。其中，即办件41.6万件，占比71.4%；承诺件16.7万件: 41.6 is 71.4% of
    the 58.3 received, not of the 57.9 settled nearer to it, and the items after it break the same
    whole down. Only a share to a decimal place says so (see `whole_of_share`), only of a figure
    before the breakdown word, and only when no item's share is of the whole it has.
    """
    groups: dict[tuple[int, int], list[int]] = {}
    for i, (p, m) in enumerate(zip(parents, markers, strict=True)):
        if p is not None and m is not None:
            groups.setdefault((p, m), []).append(i)
    for (p, m), items in groups.items():
        lo = max(0, doc.cands[items[0]].start - WINDOW)
        named = {whole_of_share(doc, i, lo) for i in items} - {None}
        if len(named) != 1 or p in named:
            continue
        (shared,) = named
        if shared is not None and shared < p and doc.cands[shared].end <= m:
            for i in items:
                parents[i] = shared


#: What opens shares paired one by one with the counts before them, of the whole year's or place's
#: totals (，分别占全年的, 分别占全省的), or of the totals just said (分别占总数的: group ``sum``).
#: Which total 总数 is, the year's or the section's, the words leave open (国省道事故67起、死亡19人，
#: 分别占总数的31.3%和40.4% under a heading): one said in the counts' own sentence is read first;
#: the totals said before it only when every count's share to a decimal fits one of them.
#: The totals may be named one by one, each its thing's (分别占起数总数与亡人总数的53.2%和41.3%):
#: as 总数, the totals the counts' measures have (group ``named``).
_PAIRED_SHARES = compile_pattern(
    r"[，,]\s*分别占(?:了)?(?:全(?:年|国|省|市|县|区)[^，,。；;：:\d]{0,4}?|(?P<sum>总数|总量)"
    r"|(?P<named>(?:\p{Han}{1,6}?总人?数(?:和|、|及|与)?){2,4}))的?\s*$"
)


#: What joins the shares of such a list (60.2%、65%和58.3%).
_SHARE_JOIN = compile_pattern(r"\s*(?:[、，,]|和|及|与)\s*")


def wholes_of_paired_shares(doc: Reading, parents: list[int | None]) -> None:
    """Point counts paired with shares (…，分别占全年的60.2%、65%…) at the totals the shares name.

    冬春季发生火灾1.5万起，造成96人死亡，分别占全年的61.5%、64%: each count is the share written
    beside it of an earlier figure of its measure, the year's totals said paragraphs up and out of a
    breakdown's reach; the share says which (1.5万 is 61.5% of 2.44万). A whole is looked for among
    the last `NAMED_BACK` figures, the nearest whose ratio to the count meets the share within the
    rounding of the share and of both figures; a count that is already a part keeps its whole.
    """
    cands, records, changes, text = doc.cands, doc.records, doc.changes, doc.text
    for t in range(1, len(cands)):
        if records[t].unit != "%" or records[t - 1].unit == "%" or changes[t].relative:
            continue
        if (paired := _PAIRED_SHARES.search(text, cands[t - 1].end, cands[t].start)) is None:
            continue
        shares = [t]
        while (
            (n := shares[-1] + 1) < len(cands)
            and records[n].unit == "%"
            and _SHARE_JOIN.fullmatch(text, cands[n - 1].end, cands[n].start)
        ):
            shares.append(n)
        counts = list(range(t - len(shares), t))
        if counts[0] < 0 or any(records[c].unit in SHARE_UNITS or changes[c].relative for c in counts):
            continue
        own = None
        of_totals = bool(paired.group("sum") or paired.group("named"))
        if of_totals:  # the totals of the counts' own sentence
            lo = max(0, cands[counts[0]].start - WINDOW)
            own = last_end(FULL_STOP_BACK, text, cands[counts[0]].start, lo)
        wholes = [_whole_of_paired_share(doc, c, sh, own) for c, sh in zip(counts, shares, strict=True)]
        if own is not None and len(counts) >= 2 and all(w is None for w in wholes):
            # none in the counts' own sentence: the totals said before it (a paragraph up, where a
            # report gives them first), if every count's share to a decimal fits one of its measure
            wider = [_whole_of_paired_share(doc, c, sh, 0) for c, sh in zip(counts, shares, strict=True)]
            found = [w for w in wider if w is not None]
            if len(found) == len(wider) and not _heading_between(doc, min(found), counts[0]):
                wholes = wider
        for c, w in zip(counts, wholes, strict=True):
            if parents[c] is None:
                parents[c] = w


def _heading_between(doc: Reading, whole: int, part: int) -> bool:
    """Whether a heading stands between figure ``whole`` and figure ``part``: a line of its own, or a
    numbered head the part's line runs on from ((一)从道路类型看。国省道…).

    Under a heading, 总数 may be the section's total, whatever the shares fit.
    """
    line = start_of_line(doc.text, doc.cands[part].start)
    return (
        HEADING.search(doc.text, doc.cands[whole].end, line) is not None
        or RUN_IN_HEAD.match(doc.text, line, doc.cands[part].start) is not None
    )


#: What joins a part to its share of a total a report names as such (，占总数的42.2%, 、占全部盗窃类
#:报案数的61.4%, ，占总警情8.4%: 总 and the thing); group ``total`` holds the words naming it. A total
#: named by its thing and 总数, or with 总 inside (，占特别服务出勤总数的38.2%, ，占火警总出勤的50.0%:
#: groups ``whole`` and ``tail``), is read as ``named`` is, of the earlier count whose clause names that
#: thing (火警出勤). Counts said of several kinds at once write the share of each (甲、乙均为3起，各占总数的
#: 7.5%): a share of the total all the same.
_SHARE_OF_TOTAL = compile_pattern(
    r"[，,、]?\s*各?占(?:(?P<total>比|总数|總數|全部?\p{Han}{0,8}?(?:总数|總數|数|數)|[总總](?![数數量])\p{Han}{1,4})"
    r"|(?P<named>\p{Han}{1,4}?)(?<!总)量"
    r"|(?!全)(?P<whole>\p{Han}{2,8}?)(?:总数|總數|[总總](?P<tail>\p{Han}{2,4}?)))?的?\s*$"
)


#: A breakdown word in the paragraph of a part with its share: 其中 (其中，出动救援2.1万起、占40.2%), or
#: a pool the sentence opens with (在本市登记的戒毒人员中，…共3.2万名，占41.6%): 在…中 then a comma says
#: the counts after it are drawn from that pool, as 其中 does; no digit inside, so a time (在3月中) is none.
_PARAGRAPH_BREAKDOWN = compile_pattern(r"其中|当中|當中|在[^，,。；;\d]{2,16}?中[，,]")


def wholes_of_own_shares(doc: Reading, parents: Sequence[int | None]) -> list[int | None]:
    """For each count that found no whole, the earlier total its own share is written of, if any.

    接报各类警情8.4万起。…⏎其中，处置火灾2.9万起、占34.5%；社会救助1.7万起、占20.2%: the 其中 of the
    paragraph says the counts break something down, and each share to a decimal picks which total,
    said a paragraph or a section up, past a rate or a sentence of other figures. So does a share of
    the total by name (，占总数的42.2%) or a count of a kind (投诉类共4120件，占18.36%); a share of
    a total named by its thing (，占投诉量的21%), even a whole percent, is of the earlier count whose
    clause names that thing (全年受理群众投诉2150件); not one of a 总量 (占汽车总量的, 占业务总量的: a
    stock or a sum the report may never state, which the probes' golds give no whole). A share that
    names another total (占全县事故总数的58.5%) is left alone: the probes' golds give those no whole;
    so is a bare share after a grouping (从时段看，…占34.3%), whose count the lead links
    (`find_parents`). Wholes are looked for among the last
    `NAMED_BACK` figures, as for shares paired one by one (`wholes_of_paired_shares`). The caller
    reads them last, after a whole past a semicolon (`statx.semicolons`), which knows better.
    """
    cands, text = doc.cands, doc.text
    out: list[int | None] = [None] * len(cands)
    for i, said in _counts_with_their_share(doc, parents):
        if said.group("named"):  # 占投诉量的21%: the whole is the count that names 投诉
            out[i] = _whole_share_names(doc, i, i + 1, max(0, i - NAMED_BACK), said.group("named"))
            continue
        if said.group("whole"):  # 占火警总出勤的: see `wholes_of_named_totals`
            continue
        if DECIMALS.search(text, cands[i + 1].start, cands[i + 1].end) is None:
            continue
        if not _share_reads_as_part(doc, i, said.group("total") or ""):
            continue
        out[i] = _whole_share_names(doc, i, i + 1, max(0, i - NAMED_BACK))
        if out[i] is None and said.group("total") == _TOTAL:
            out[i] = _total_of_earlier_list(doc, parents, out, i)
    return out


#: The plain total a share may name (占总数的N%), as the folded text writes it.
_TOTAL = "总数"


def _total_of_earlier_list(
    doc: Reading, parents: Sequence[int | None], found: Sequence[int | None], i: int
) -> int | None:
    """The whole of an earlier part whose share was of 总数 too, when count ``i``'s share fits it.

    火灾72起…。…原因：用火不慎24起，占总数的33.3%；…。居民火灾30起，占总数的41.7%；杂物火灾12起，
    占总数的16.7%: a second list of kinds, more than `NAMED_BACK` figures after the total (a first list
    of places, the first list's shares between), writes its shares of 总数 as the first list did: the
    same total, which the share still has to fit. Only the nearest such earlier part is looked at.
    """
    for k in range(i - 1, -1, -1):
        whole = parents[k] if parents[k] is not None else found[k]
        said = _share_said_after(doc, k) if k + 1 < len(doc.cands) else None
        if whole is None or said is None or said.group("total") != _TOTAL:
            continue
        return whole if _whole_share_names(doc, i, i + 1, whole) == whole else None
    return None


def wholes_of_named_totals(doc: Reading, parents: Sequence[int | None]) -> list[int | None]:
    """For each count that found no whole, the earlier count its share names by its thing, if any.

    火警出勤总数为380宗…；火警原因以…为主，合共190宗，占火警总出勤的50.0%: the share names the total by
    its thing (火警出勤, said with 总数 or with 总 inside), and the earlier count whose clause names that
    thing is the whole, its share checked as for `wholes_of_own_shares`. The caller takes it only for a
    count whose own words name nothing (合共N宗): one that names its kind (农村道路发生事故N起，占事故
    总数的56.0%) stays as the probes' golds have it, no part.
    """
    out: list[int | None] = [None] * len(doc.cands)
    for i, said in _counts_with_their_share(doc, parents):
        if not said.group("whole"):
            continue
        name = said.group("whole") + (said.group("tail") or "")
        out[i] = _whole_share_names(doc, i, i + 1, max(0, i - NAMED_BACK), name)
    return out


def whole_of_listed_charge(doc: Reading, i: int) -> int | None:
    """The earlier total a count in a list of charges is the share of, said right after it, or None.

    逮捕人数居前的罪名：抢劫罪N人，占逮捕总人数的30%；诈骗罪M人，占…: each charge is a kind of the
    people the total before the list counts, said a paragraph up (全年批准逮捕…N人); the share,
    checked against the earlier figures of the count's measure, says which. The total's own words
    need not repeat the share's name for it (批准…逮捕 for the share's 批捕).
    """
    if i + 1 >= len(doc.cands) or _share_said_after(doc, i) is None:
        return None
    return _whole_share_names(doc, i, i + 1, max(0, i - NAMED_BACK))


def _counts_with_their_share(
    doc: Reading, parents: Sequence[int | None]
) -> Iterator[tuple[int, regex.Match[str]]]:
    """Each count that found no whole and the words writing the share right after it of a total (，占…的)."""
    for i in range(len(doc.cands) - 1):
        if parents[i] is None and (said := _share_said_after(doc, i)) is not None:
            yield i, said


def _share_said_after(doc: Reading, i: int) -> regex.Match[str] | None:
    """The words between count ``i`` and the share right after it that make it a share of a total, or None.

    Neither may be a change, and ``i`` must be a count, not itself a share (起诉N人，占起诉总人数的3.9%).
    """
    cands, records = doc.cands, doc.records
    if records[i + 1].unit != "%" or records[i].unit in SHARE_UNITS:
        return None
    if doc.changes[i].relative or doc.changes[i + 1].relative:
        return None
    # a page that spaces out its words (840 起 ，占 总 数 的 70.00%: a forum post, a PDF's text) joins the
    # count to its share all the same: the blanks are read past
    return _SHARE_OF_TOTAL.match(without_blanks(doc.text[cands[i].end : cands[i + 1].start]))


def _share_reads_as_part(doc: Reading, i: int, total: str) -> bool:
    """Whether count ``i``'s share, written of ``total`` (占总数的: 总数; 占: ""), makes it a part.

    A share of 总数 itself does; a share of a total named otherwise (占全部盗抢类案件数的) or a bare one
    only after a 其中 in the paragraph; a bare one also after a kind (咨询类共…).
    """
    if total in ("总数", "總數") or (total[:1] in ("总", "總") and total[1:2] not in ("数", "數", "量")):
        return True  # 占总警情8.4%: a share of the total of what it names, as of 总数
    if total and not total.startswith("全"):
        return False  # 占比: too loose a word to say of what
    start = doc.cands[i].start
    paragraph = doc.text.rfind("\n", max(0, start - WINDOW), start) + 1
    if _PARAGRAPH_BREAKDOWN.search(doc.text, paragraph, start):
        return True
    return not total and KIND_OF_WHOLE.search(doc.contexts[i].pre) is not None


def _whole_of_paired_share(doc: Reading, c: int, sh: int, sentence: int | None = None) -> int | None:
    """The whole share ``sh`` names for count ``c``, among the last `NAMED_BACK` figures.

    A whole percent is read too (分别占全年的61.5%、64%): 分别占全年的 says the shares are of the
    year's totals, so the share only picks which of them. With ``sentence`` (分别占总数的), only
    a figure from there on is a whole, and only a share to a decimal place picks it:
    共破获案件1.3万起，缴获毒品23.6吨…；群众举报破获案件2270起，缴获毒品3.1吨，分别占总数的17.2%和13.1%.
    """
    first = max(0, c - NAMED_BACK)
    if sentence is not None:
        if DECIMALS.search(doc.text, doc.cands[sh].start, doc.cands[sh].end) is None:
            return None
        first = max(first, bisect.bisect_left(doc.cands, sentence, key=start_of))
    return _whole_share_names(doc, c, sh, first)


def whole_of_share(doc: Reading, i: int, lo: int) -> int | None:
    """The figure before ``i``, back to ``lo``, that the share said right after ``i`` is of, if any.

    从事故分布看，发生在国省道上的事故316起，占29.1%: the lead groups some count before it, and the
    share says which: 316 is 29.1% of the 1,086 accidents, whatever other counts stand between (an
    earlier 其中's part, another paragraph's). Only a share written to a decimal place (占29.1%,
    占比6.95%) says so: a whole percent is met by too many figures by chance.

    >>> from statx import extract_text
    >>> text = "事故1,086起，其中电动车事故417起。\\n\\n从事故分布看，国省道上的事故316起，占29.1%。"
    >>> {r.text: r.parent for r in extract_text(text)}["316起"]
    '1,086起'
    """
    cands, records, text = doc.cands, doc.records, doc.text
    if i + 1 >= len(cands) or records[i + 1].unit != "%" or doc.changes[i + 1].relative:
        return None
    if not _SHARE_OF.match(text, cands[i].end, cands[i + 1].start):
        return None
    if DECIMALS.search(text, cands[i + 1].start, cands[i + 1].end) is None:
        return None
    return _whole_share_names(doc, i, i + 1, bisect.bisect_left(cands, lo, key=start_of))


def _whole_share_names(doc: Reading, c: int, sh: int, first: int, name: str = "") -> int | None:
    """The nearest figure from index ``first`` up to count ``c`` that the share ``sh`` says ``c`` is of.

    One scan for a share written beside its part (占29.1%: `whole_of_share`) and for shares paired
    one by one with counts (分别占全年的61.5%、64%: `_whole_of_paired_share`): an earlier figure of
    the count's measure, larger, no change, whose ratio to the count meets the share within the
    rounding of the share (half its last written place; a whole percent's 0.5) and of both figures
    (1.5万 is 14,500 to 15,500: the ratio may be off by that much; an exact 316 adds nothing).
    A share of a total named by its thing (占投诉量的21%: ``name`` 投诉) is only of a figure whose
    clause names that thing (全年受理群众投诉2150件); the name is what lets a whole percent pick it.
    """
    records, changes = doc.records, doc.changes
    share = DECIMALS.search(doc.text, doc.cands[sh].start, doc.cands[sh].end)
    half = 0.5 * 10 ** -len(share.group(1)) if share is not None else 0.5
    part, measure, value = size_of(records[c]), measure_of(records[c].unit), float(records[sh].value)
    found: int | None = None
    for j in range(c - 1, first - 1, -1):
        rj = records[j]
        if changes[j].relative or measure_of(rj.unit) != measure or (whole := size_of(rj)) <= part:
            continue
        if name and name not in doc.contexts[j].pre:
            continue
        tolerance = half + 100 * (rounding(records[c]) / whole + part * rounding(rj) / whole**2) + 1e-9
        if abs(100 * part / whole - value) <= tolerance:
            if found is not None and whole <= size_of(records[found]):
                break
            # 火灾1862起…，其中一般火灾1861起…从原因看，电气引发火灾614起，占33.0%: the share fits both;
            # a bigger figure farther back that fits it too is the total the nearer one is part of
            found = j
    return found


#: What joins a part to its share of the whole: 占29.1%, ，占总数的38.4%, 占比6.95%.
_SHARE_OF = compile_pattern(r"[，,]?\s*占(?:比|总数|全部|总量)?的?\s*$")


def whole_against_share(doc: Reading, i: int, whole: int) -> int:
    """``whole``, or the earlier total count ``i``'s share of 总数 is of, when ``whole`` cannot be.

    …共发生火灾45起。…仓库发生火灾3起，占总数的6.67%；学校发生火灾1起，占总数的2.22%: a share of the
    total written to a decimal that no figure from ``whole`` up to the count fits (1 is no 2.22% of 3)
    says the count is no part of ``whole``; the nearest figure before it that the share fits, however
    far up, is its whole. Left as it is when no figure fits (a page's share may be miscounted).
    """
    cands = doc.cands
    if i + 1 >= len(cands) or (said := _share_said_after(doc, i)) is None or said.group("total") != _TOTAL:
        return whole
    if DECIMALS.search(doc.text, cands[i + 1].start, cands[i + 1].end) is None:
        return whole
    if _whole_share_names(doc, i, i + 1, whole) is not None:
        return whole
    found = _whole_share_names(doc, i, i + 1, 0)
    return whole if found is None else found
