"""Read the items of a breakdown that goes on past a semicolon: which whole each still breaks down.

其中，破获命案3起；破获盗窃案件612起: after the semicolon the items may still break down the
whole before 其中, or a new topic may have begun (其中酒驾100起；发生事故50起). What is read
before the semicolon is `statx.breakdowns`'s; this module decides only whether, and as what, an
item past a semicolon is still a part.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from statx.breakdowns import (
    after_open_line,
    closes_a_bracket,
    counts_business,
    in_closed_bracket,
    open_line,
    running_beside,
    whole_of_same_verb,
)
from statx.clauses import FULL_STOP_BACK, SEMICOLON_BACK, WINDOW, last_end
from statx.figurereading import Reading, is_rate, measure_of, nearly_equal, rounding, size_of, start_of
from statx.matcher import Candidate
from statx.patterncache import compile_pattern
from statx.records import SHARE_UNITS, Figure, Record

if TYPE_CHECKING:
    from statx.lexicon import Lexicon


#: An item past a semicolon that names only the rest of its list (；其他13次, ；其余5000起).
_REST_ONLY = compile_pattern(r"(?:其他|其它|其余|剩余|余下)(?:的|各类|类)?")


def parent_over_semicolon(
    doc: Reading, out: Sequence[Record], i: int, metric: str, label: str
) -> tuple[int, str] | None:
    """The whole a figure breaks down when its breakdown word stands before a semicolon of its sentence.

    An item that names only the rest of the list (其中大型活动32次；节会41次；其他13次) counts what the
    items before it count, past the semicolon as before it, and is a part of their whole counting
    what that whole counts: its own metric, `other` or borrowed from the clause before, says nothing.
    See `_parent_over_semicolon` for the rest.
    """
    start = doc.contexts[i].sentence_start
    if _REST_ONLY.fullmatch(_item_words(doc.lex, doc.text[start : doc.cands[i].start].strip(" \t"))):
        listed = next(
            (
                out[k].metric
                for k in range(i - 1, max(-1, i - _LONGEST_LIST), -1)
                if out[k].parent_start is not None
                and out[k].unit == doc.records[i].unit
                and not out[k].change
            ),
            None,
        )
        found = _parent_over_semicolon(doc, out, i, listed, label) if listed is not None else None
        return None if found is None else (found[0], out[found[0]].metric)
    return _parent_over_semicolon(doc, out, i, metric, label)


def _parent_over_semicolon(
    doc: Reading, out: Sequence[Record], i: int, metric: str, label: str
) -> tuple[int, str] | None:
    """The whole a figure breaks down when its breakdown word stands before a semicolon of its sentence.

    Returned with the metric the figure counts as a part of it: its own, or the first item's when
    its words name only a kind of what that item names (see `_kind_like_first_item`).

    其中，破获命案3起；破获盗窃案件612起: the items after the semicolon still break down the whole
    before 其中, but so might a new topic (其中酒驾100起；发生事故50起), so the item must count
    what the whole counts (the same metric), besides the unit and a value not larger. A figure
    no metric knows must instead be named like the first item after the breakdown word
    (其中，第一产业增加值…；第二产业增加值…: both end in 产业增加值), and then counts what that
    item counts.
    """
    text, cands, lex, rec = doc.text, doc.cands, doc.lex, doc.records[i]
    start = doc.contexts[i].sentence_start
    lo = max(0, start - WINDOW)
    semi = open_line(text, start, lo, lex) if text[start - 1 : start] == "\n" else None
    if semi is not None and text[semi] in "；;":
        start = semi + 1  # 无证驾驶3 312起；⏎超速行驶…: the line break stands after the semicolon
    if rec.unit in SHARE_UNITS or text[start - 1 : start] not in ("；", ";") or is_rate(doc, i):
        return None  # a rate (470起(15.2起/天)) is a part of no total
    full_start = after_open_line(text, last_end(FULL_STOP_BACK, text, start, lo), lo, lex, semicolon=True)
    markers: list[int] = []
    for m in lex.breakdown.finditer(text, full_start, start):
        if in_closed_bracket(text, m.start(), full_start, start):
            continue
        # 酒后驾驶3 218起、醉酒驾驶1 046起，分别下降6.4%和9.1%: 分别 pairs changes, breaks nothing down;
        # nor does it pair shares (国省道事故67起、死亡19人，分别占总数的31.3%和40.4%；县乡道事故58起)
        after = _first_after(cands, i, m.end())
        if (
            m.group() != "分别"
            or after is None
            or (out[after].change is None and out[after].unit not in SHARE_UNITS)
        ):
            markers.append(m.start())
    if markers and lex.breakdown_end.search(text, markers[-1], cands[i].start):
        return None  # 其中移送法办158件；另查获拒绝酒测37件: a clause turning to another count ended the list
    if markers and (whole := _business_whole(doc, out, i, markers[-1], lo)) is not None:
        return whole, metric
    if markers and (whole := _whole_of_headless_kind(doc, out, i, markers[-1])) is not None:
        return whole, out[whole].metric
    if _opens_a_count_of_its_own(doc, i, start):
        return None
    if markers and _items_of_other_measure(doc, i, markers[-1]):
        return None  # 推送信息300条，其中…120条、…90条；视频号粉丝2100人: the items broke down the posts
    if not markers and last_end(FULL_STOP_BACK, text, start, lo) <= lo < start - 1:
        # the sentence opened beyond the window: a long list of items, each a clause of its own
        return _item_like_clause_before(doc, out, i, metric, start)
    # A 其中 nested in an earlier item (2. 酒驾醉驾2,106起，其中醉驾497起；3. 违法停车4.4万起: it follows an
    # item of the 其中 before, past a semicolon or a line break) breaks down that item only: when it
    # gives this item no whole, or stops at a figure smaller than the item, the 其中 before is tried.
    # A nested 其中 whose own item ended at a semicolon (具体来看，铁路…；公路…，其中小客车…；民航…)
    # breaks down nothing past it: the outer list's items end at semicolons too, so the item past
    # the next one is the outer list's, however small.
    for k in range(len(markers) - 1, -1, -1):
        marker = markers[k]
        if k == len(markers) - 1 and k > 0 and _closed_nested(text, markers[k - 1], marker, start):
            continue
        # the whole is in the sentence, unless 其中 (or 其中：) opens it: then it may stand as far
        # back as the whole of the first item after the 其中, which a long list of items (each
        # with its change) may leave beyond the item's own window
        # (a bracket opening the sentence before the word is the sentence's aside: （其中，…；…）)
        opened = not lex.breakdown.sub("", text[full_start:marker]).strip(" ，,(（")
        first_whole = _whole_of_first_after(doc, out, i, marker) if opened else None
        reach = min(lo, doc.cands[first_whole].start) if first_whole is not None else lo
        whole, smaller, as_part = _whole_over_semicolon(
            doc, out, i, metric, label, marker, reach if opened else full_start, start
        )
        nested = k > 0 and _NESTED_GAP.search(text, markers[k - 1], marker) is not None
        inner = markers[k + 1] if k < len(markers) - 1 else None
        if whole is not None and inner is not None and _item_not_a_part(doc, out, i, whole, inner):
            return None
        if whole is not None or not (smaller or nested):
            return None if whole is None else (whole, as_part)
    return None


def _items_of_other_measure(doc: Reading, i: int, marker: int) -> bool:
    """Whether every item between the breakdown word at ``marker`` and figure ``i`` is of another measure.

    公众号粉丝8200人，推送信息300条，其中警情通报120条、防骗提示90条；视频号粉丝2100人: the items before
    the semicolon broke down the posts; a count in people past it opens a clause of its own, no part
    of the followers counted before the 其中, though it counts followers too. An item of the
    measure of figure ``i`` (其中民警300人次、车辆80辆次；辅警200人次) lets the list go on. Items are
    read back a window at most, so a list of thousands stays linear.
    """
    cands, records = doc.cands, doc.records
    first = bisect.bisect_left(cands, max(marker, cands[i].start - WINDOW), 0, i, key=start_of)
    items = [k for k in range(first, i) if not doc.changes[k].relative]
    own = measure_of(records[i].unit)
    return bool(items) and all(measure_of(records[k].unit) != own for k in items)


def _item_like_clause_before(
    doc: Reading, out: Sequence[Record], i: int, metric: str, start: int
) -> tuple[int, str] | None:
    """The whole of figure `i` when the clause before its semicolon holds a part of it, counted alike.

    其中，甲类案件322起，抓获434人；乙类案件79起，抓获41人；…；己类案件224起，抓获300人: a list of
    clauses, each with the same counts, runs past the window in which `parent_over_semicolon` looks
    for the 其中; each item goes on from the item of its measure in the clause right before it
    (itself past a semicolon), which was read as a part: it breaks down the same whole, counting what
    that item counts, when it counts it too (the metric) or is named alike (…案件), fits in what the
    whole leaves, and no word ends the list between them.
    """
    text, cands, lex, rec = doc.text, doc.cands, doc.lex, doc.records[i]
    before = last_end(SEMICOLON_BACK, text, start - 1, max(0, start - WINDOW))
    if text[before - 1 : before] not in ("；", ";") or lex.breakdown_end.search(text, before, cands[i].start):
        return None
    words = str(lex.label_trim.sub("", doc.contexts[i].pre.strip("、，, ")))
    for k in range(i - 1, -1, -1):
        if cands[k].start < before:
            return None
        item = out[k]
        if item.unit != rec.unit or item.change or item.role == "baseline" or item.parent_start is None:
            continue
        if item.metric != metric and (len(words) < 2 or item.label[-2:] != words[-2:]):
            return None
        # parent_start is an offset in the page, as records' starts are (in text order)
        w = bisect.bisect_left(doc.records, item.parent_start, hi=k, key=lambda r: r.start)
        if w == k or doc.records[w].start != item.parent_start or i - w > _LONGEST_LIST:
            return None
        fits = out[w].value >= rec.value and not _overflows(out, w, i, rec)
        return (w, item.metric) if fits else None
    return None


#: How many figures a list of clauses going on past the window may hold after its whole.
_LONGEST_LIST = 64


def _opens_a_count_of_its_own(doc: Reading, i: int, start: int) -> bool:
    """Whether the clause of figure `i`, right after the semicolon at `start`, opens with a verb of its own.

    An item past a semicolon that opens with a verb of another deed, or of handling, starts a count
    of its own, not a further kind of the whole before (`own_count`: the `new_action` and
    `item_verbs` words of rules/semantics.yaml): 查处非法改装车辆1386辆，其中…小型汽车374辆；查扣涉嫌
    非法改装车辆217辆 (the cars seized are no kind of the cars dealt with, though cars too);
    受理身份证申请4.82万张，其中首次申领1.16万张；签发临时身份证3400余张 (the cards issued are no
    applications). A verb said before the semicolon in the sentence leaves the list going on
    (其中责令整改12家；责令停业3家; 其中为群众办理临时身份证312张；办理居住证157张), as the people
    served said first do not hide the verb (；为急需群众办理…). Read after a business whole
    (`_business_whole`), whose items are kinds of business whatever verb they open with
    (其中：…；核发临时号牌215副).
    """
    lex = doc.lex
    m = lex.own_count.match(_item_words(lex, doc.text[start : doc.cands[i].start].lstrip(" \t")))
    if m is None:
        return False
    before = doc.text[last_end(FULL_STOP_BACK, doc.text, start, max(0, start - WINDOW)) : start]
    return m.group("verb") not in before


def _item_not_a_part(doc: Reading, out: Sequence[Record], i: int, whole: int, nested: int) -> bool:
    """Whether the item the 其中 at `nested` breaks down is no part of `whole`, and so no later item is.

    Falling back from a nested 其中 to an earlier one (see `parent_over_semicolon`) is right when
    the earlier 其中 opened the list the nested one's item belongs to. When each item has a 其中 of
    its own (电动自行车事故82起，其中…9人；货车事故46起，其中重型货车19起；小型客车事故59起), the
    nested one's item (46起) is a sibling of the earlier whole, a part of nothing: the items after
    it (59起) are siblings too.
    """
    rec = doc.records[i]
    for j in range(i - 1, whole, -1):
        if doc.cands[j].end > nested or out[j].change or out[j].unit != rec.unit:
            continue
        return out[j].parent_start is None
    return False


def _business_whole(doc: Reading, out: Sequence[Record], i: int, marker: int, lo: int) -> int | None:
    """The count of business whose breakdown figure ``i`` goes on past a semicolon, if any.

    办理各类业务9362笔。其中：新车注册登记1384辆，转移登记742辆；驾驶证换证1803本；核发临时号牌215副: the
    first item after the 其中 is a part of a count of business, so every later item of the sentence
    is some business too, whatever its measure word (as `statx.breakdowns` reads them before
    the semicolon). Not a sum of money, a share or a change. The whole is looked for only back to
    ``lo``, the item's window.
    """
    rec, text = doc.records[i], doc.text
    if text[marker : marker + 1] not in (":", "：") or text[marker - 2 : marker] not in doc.lex.one_whole:
        return None  # only 其中： opens a list running to the full stop (其中…370余次；为1260名职工…)
    if rec.unit in SHARE_UNITS or "元" in rec.unit or doc.changes[i].relative:
        return None
    semi = last_end(SEMICOLON_BACK, text, doc.cands[i].start, max(lo, marker))
    if _OWN_INTAKE.search(text, semi, doc.cands[i].start + 1):  # the digit after a bare 办理 too
        return None  # ；办理机动车注册登记3760辆, ；大厅受理证件申请近1.5万件: a count of its own business
    first = _first_after(doc.cands, i, marker + 1)
    if first is None or (at := out[first].parent_start) is None:
        return None
    for w in range(first - 1, -1, -1):  # parent_start is an offset in the page, as records' starts are
        if doc.cands[w].start < lo:
            return None
        if doc.records[w].start == at:
            return w if doc.cands[w].end <= marker and counts_business(doc, w) else None
    return None


#: Words that end in 的 right before the number (在逃3年以上的有240名, 查获吸毒的96名): a kind
#: with no noun of its own, so of the thing named before it.
_HEADLESS_KIND = compile_pattern(r"的(?:有|为|為|达|達|共)?\s*$")


def _whole_of_headless_kind(doc: Reading, out: Sequence[Record], i: int, marker: int) -> int | None:
    """The whole of the first item after the breakdown word, when item ``i`` names only a kind (…的).

    名单上共有380人。其中，涉嫌盗窃的有160名；在逃3年以上的有240名，8年以上的有90人: words
    ending in 的 before the count name no thing of their own, no new count (a new count names what
    it counts: ；追回在逃人员30名), only another kind of what the breakdown counts. The kinds may
    overlap (who fled long ago may have stolen), so no sum bounds them: the whole need only be of
    the item's measure and not smaller. Its metric is the whole's, as for every part.
    """
    rec = doc.records[i]
    if not _HEADLESS_KIND.search(doc.contexts[i].pre) or doc.changes[i].relative:
        return None
    w = _whole_of_first_after(doc, out, i, marker)
    if w is None or measure_of(out[w].unit) != measure_of(rec.unit) or size_of(out[w]) < size_of(rec):
        return None
    return w


def _whole_of_first_after(doc: Reading, out: Sequence[Record], i: int, marker: int) -> int | None:
    """The index of the whole the first item after the breakdown word at ``marker`` breaks down, if any.

    Only a figure before the marker: the items after it are siblings.
    """
    first = _first_after(doc.cands, i, marker + 1)
    if first is None or (at := out[first].parent_start) is None:
        return None
    for w in range(first - 1, -1, -1):  # parent_start is an offset in the page, as records' starts are
        if doc.records[w].start == at:
            return w if doc.cands[w].end <= marker else None
        if doc.records[w].start < at:
            break
    return None


#: A verb of business handled with the thing it handles after it (办理机动车注册登记, 受理证件申请): a
#: clause saying one states a count of its own; 办理 right before the number (户口迁移办理6820笔) only
#: says the kind before it was handled.
_OWN_INTAKE = compile_pattern(r"(?:办理|受理|辦理)(?!了?\d)")


#: What stands between a 其中 and one nested in an item of its list: the end of an item before.
_NESTED_GAP = compile_pattern(r"[；;\n]")


def _closed_nested(text: str, outer: int, inner: int, start: int) -> bool:
    """Whether the breakdown word at `inner` is nested in an item of a list the one at `outer` opened
    with its items ended by semicolons, and a semicolon after `inner` (before `start`) ended that item.

    具体来看，铁路…；公路21.8亿人次，其中小客车19.9亿人次；民航1804万人次: 其中 breaks down the road
    item only, and the semicolon after it ends that item as it ended the rail one.
    """
    return (
        _SEMI_ONLY.search(text, outer, inner) is not None
        and _SEMI_ONLY.search(text, inner, start) is not None
    )


#: An item's end in a list written on one line.
_SEMI_ONLY = compile_pattern(r"[；;]")


def _whole_over_semicolon(
    doc: Reading, out: Sequence[Record], i: int, metric: str, label: str, marker: int, lo: int, start: int
) -> tuple[int | None, bool, str]:
    """The whole `parent_over_semicolon` reads for the breakdown word at `marker`, from `lo` on.

    Also says whether the search stopped at a figure of the item's unit smaller than the item
    (so the word may be a nested 其中, and an earlier one breaks the item down), and the metric
    the item was read as.
    """
    cands, lex, rec = doc.cands, doc.lex, doc.records[i]
    if metric == "other":
        # a label read from a cue may leave out the words before it (5-6月份新发现潜在吸毒人员 -> 吸毒人员):
        # the item's own words from the semicolon on say whether it is a bare kind like the first item
        own = _item_words(lex, doc.text[start : cands[i].start].strip(" \t"))
        if len(own) > len(label) and own.endswith(label):
            label = own
        if not _named_like_first_item(cands, out, i, marker, label):
            # 其中：受理刑事案件96件，结案51件；受理执行案件690件，结案480件: the verb that opens the item
            # pairs it with the total said with that verb before the 其中
            same = whole_of_same_verb(doc, lambda k: out[k].parent is not None, i, marker, lo)
            return same, False, metric
        # 其中，电话渠道受理6102件…；网络渠道受理2334件: named like the first item, it counts what that counts
        first = _first_after(cands, i, marker + 1)
        metric = out[first].metric if first is not None else metric
    else:
        metric = _kind_like_first_item(doc, out, i, marker, metric)
    for j in range(i - 1, -1, -1):
        p = cands[j]
        if p.start < lo:
            break
        if p.end > marker or out[j].unit != rec.unit or out[j].change or out[j].role == "baseline":
            continue  # only a figure before the marker is a whole: the items after it are siblings
        if out[j].parent is not None and closes_a_bracket(doc.text, p.end, marker):
            continue  # 受理2140件(含旧存260件)…。其中：…；受理行政案件45件: an aside in brackets is no whole
        if running_beside(doc, j, i) and _period_count_before(doc, out, j, i):
            continue  # 本月4862起，今年累计41735起。其中：…；客车超员7起: this month's, as the first item is
        named_kind = out[j].metric != metric and (
            _kind_of_general(out[j], metric, rec, lex)
            or _like_first_part(cands, out, i, j, marker, metric)
            or _calls_of_a_kind(doc, out, i, j, marker, label)
            or _kind_beside_first_part(doc, out, i, j, marker, metric)
        )
        if out[j].value >= rec.value and (named_kind or out[j].metric == metric):
            kind_named = metric if named_kind else None
            ends = (
                _restates_the_whole(doc, i, j, marker, kind_named)
                or _overflows(out, j, i, rec)
                or _sibling_left(doc, out, j, i, rec, marker, metric)
            )
            if ends or _opened_by_a_new_count(cands, out, start, j, i):
                return None, False, metric
            return _whole_of_first_item(doc, out, i, j, marker), False, metric
        if out[j].metric != metric:
            k = _same_metric_in_sentence(doc, out, j, rec, metric, marker)
            if k is not None:
                ends = _restates_the_whole(doc, i, k, marker) or _overflows(out, k, i, rec)
                return (None if ends or _opened_by_a_new_count(cands, out, start, k, i) else k), False, metric
        if not is_rate(doc, j):
            return None, out[j].value < rec.value, metric
    return None, False, metric


def _whole_of_first_item(doc: Reading, out: Sequence[Record], i: int, j: int, marker: int) -> int:
    """The whole of item `i`: `j`, or the earlier figure the first item after the marker breaks down.

    受理办件58.3万件…；办结57.9万件…。其中，即办件41.6万件，占比71.4%；承诺件16.7万件: the first item
    was found to break down the 58.3万 received (its share says so), so the items after the semicolon
    do too, not the 57.9万 settled nearer to them. Not an item said as a running total, which
    breaks down the running total beside the period's count (see `running_beside`).
    """
    first = _first_after(doc.cands, i, marker + 1)
    if first is None or (at := out[first].parent_start) is None or at == out[j].start:
        return j
    if doc.lex.running_total.search(doc.contexts[i].pre):
        return j  # 客车超员7起，今年累计63起: items taking turns between this month's count and the year's
    rec = doc.records[i]
    for w in range(j - 1, -1, -1):
        if doc.records[w].start == at:
            fits = out[w].unit == rec.unit and out[w].value >= rec.value and out[w].metric == out[j].metric
            return w if fits else j
        if doc.records[w].start < at:
            break
    return j


def _like_first_part(
    cands: Sequence[Candidate], out: Sequence[Record], i: int, j: int, marker: int, metric: str
) -> bool:
    """Whether the first item after the 其中 at `marker` is a part of `j` and counts what item `i` counts.

    立刑事案件9518起。其中，盗窃案件4106起…；诈骗案件2237起: the whole files cases and its items
    are crimes of a kind; the item after the semicolon counts what the first one counts, so it is a
    part of the same whole, not a new count.
    """
    first = _first_after(cands, i, marker + 1)
    return (
        first is not None
        and metric != "other"
        and out[first].metric == metric
        and out[first].parent_start == out[j].start
    )


def _kind_beside_first_part(
    doc: Reading, out: Sequence[Record], i: int, j: int, marker: int, metric: str
) -> bool:
    """Whether item `i` is another named offence beside the first item after the 其中, a part of `j`.

    查获酒驾35起，其中饮酒驾车32起；醉酒驾车3起: the two items end alike (驾车) but their heads name
    two offences, each its own metric (see `_kind_like_first_item`); the item past the semicolon is
    the next kind of the same whole all the same. Only specific metrics (a positive priority) of the
    whole's unit: a general count (违法) or another topic (事故) starts anew.
    """
    first = _first_after(doc.cands, i, marker + 1)
    if first is None or out[first].parent_start != out[j].start or out[first].metric == metric:
        return False
    priority, rec = doc.lex.metrics.priorities, doc.records[i]
    if not (priority.get(metric, 0) > 0 < priority.get(out[first].metric, 0)) or out[first].unit != rec.unit:
        return False
    words = str(doc.lex.label_trim.sub("", doc.contexts[i].pre.strip("、，, ")))
    other = out[first].label
    return len(words) >= 3 and len(other) >= 3 and words[-2:] == other[-2:]


def _calls_of_a_kind(doc: Reading, out: Sequence[Record], i: int, j: int, marker: int, label: str) -> bool:
    """Whether item `i`, a bare kind past a semicolon, is a kind of the calls `j` counts, like the first item.

    接有效报警N起，其中刑事a起，治安b起；交通事故c起；求助d起: a 110 desk's calls by kind name the
    kind alone, and 交通事故 alone reads as crashes; after the first item found the calls as its
    whole, a bare kind (two to five characters, no verb: not 发生交通事故) named like it is the next
    kind of calls, whatever its own words count.
    """
    if out[j].metric != "incidents_received":
        return False
    first = _first_after(doc.cands, i, marker + 1)
    if first is None or out[first].parent_start != out[j].start:
        return False
    # the label may still be unread here: the figure's own words before it name the kind
    words = label or str(doc.lex.label_trim.sub("", doc.contexts[i].pre.strip("、，,；; ")))
    bare = _BARE_KIND.fullmatch(words) is not None
    return bare and _named_like_first_item(doc.cands, out, i, marker, words)


def _period_count_before(doc: Reading, out: Sequence[Record], j: int, i: int) -> bool:
    """Whether the sentence of running total `j` says, before it, a count in the unit of part `i`."""
    contexts = doc.contexts
    for k in range(j - 1, -1, -1):
        if contexts[k].sentence_start != contexts[j].sentence_start:
            return False
        if out[k].unit == doc.records[i].unit and not out[k].change and out[k].value >= doc.records[i].value:
            return True
    return False


def _kind_of_general(whole: Record, metric: str, rec: Figure, lex: Lexicon) -> bool:
    """Whether a metric counts a named kind of what a general whole counts.

    交通违法行为56.3万起。其中酒后驾驶3 218起…；超速行驶7.9万起: the whole's metric is a general
    category (a negative priority, all violations) and the item's a specific one (a positive
    priority, speeding) counted in the whole's unit; a metric of neither kind (事故) starts anew.
    """
    priority = lex.metrics.priorities
    return priority.get(whole.metric, 0) < 0 < priority.get(metric, 0) and rec.unit in lex.metrics.units.get(
        whole.metric, ()
    )


def _same_metric_in_sentence(
    doc: Reading, out: Sequence[Record], j: int, rec: Figure, metric: str, marker: int
) -> int | None:
    """An earlier figure of figure `j`'s sentence counting `metric` in the unit, not smaller, if any.

    刑案發生1萬2,486件，破獲1萬1,853件。其中詐欺案件發生2,317件…；竊盜案件1,845件: the cases solved
    stand between the item and the cases reported it is a kind of. A part in brackets closed before
    the breakdown word at `marker` (受理2140件(含旧存260件)) is an aside, passed over.
    """
    contexts = doc.contexts
    for k in range(j - 1, -1, -1):
        if contexts[k].sentence_start != contexts[j].sentence_start:
            return None
        r = out[k]
        if r.parent is not None and closes_a_bracket(doc.text, doc.cands[k].end, marker):
            continue
        if r.unit == rec.unit and r.change is None and r.role != "baseline" and r.metric == metric:
            return k if r.value >= rec.value else None
    return None


def _restates_the_whole(doc: Reading, i: int, j: int, marker: int, kind: str | None = None) -> bool:
    """Whether figure `i` opens with a verb the whole `j` says and the first item after the marker does not.

    办理居民身份证8.7万张，其中首次申领1.9万张；办理临时身份证3 600余张: 办理 again starts a count
    beside the whole, not a part of it; 破获刑事案件1105起。其中，破获命案3起；破获盗窃案件612起
    says 破获 in every item, so the items go on, as when any item after the marker says it
    (其中詐欺案件發生2,317件，破獲2,105件；竊盜案件發生1,845件，破獲1,790件). With `kind`, the item
    names a kind of a general whole; words that open with that kind's cue (违法停车2.9万起 under
    查处…违法行为12.86万起) name it, and repeat no verb (查处饮酒驾驶…315起 still does).
    """
    cands, contexts, lex = doc.cands, doc.contexts, doc.lex
    words = _item_words(lex, contexts[i].pre)
    own = words[:2]
    if len(own) < 2 or own not in contexts[j].pre:  # 户政窗口共办理居民身份证: its verb, not its opening
        return False
    if _listed_kind(contexts[j].pre, own, bare=words == own):
        return False  # 接报刑事、治安警情1.86万起。其中…；治安警情1.62万起: a kind the whole lists, no verb
    if f"{own}以上" in contexts[j].pre:
        return False  # 较大以上火灾63起。其中…；较大火灾60起: the lowest grade of a whole said from it up
    if contexts[j].pre.rstrip().endswith(words) or _REST_OF_KIND.search(words):
        # 工矿商贸事故16起（其中…；商贸事故1起…；工矿商贸其他事故3起…）: the item names the tail of the
        # whole's own noun, or the rest of its kind, where a verb said again would start a new count
        return False
    if kind is not None and lex.metrics.opens_with(kind, words):
        return False  # 违法停车2.9万起 under 违法行为: the words open with the kind's name, not a verb
    items = [k for k in range(j + 1, i) if cands[k].start > marker]
    # an item opening with the verb says it again (破获命案3起); the verb after the item's own
    # kind (其中跨省户口迁移“一站式”办理86件) only says how that kind was done
    return bool(items) and not any(_item_words(lex, contexts[k].pre).startswith(own) for k in items)


#: The words of an item that count the rest of its whole's kind (工矿商贸其他事故, 其它类).
_REST_OF_KIND = compile_pattern(r"其他|其它")
#: Who a count was done for and how, before its verb (为急需乘车的群众当场办理临时身份证738张): the
#: people served open the words, the verb that says what is counted follows them.
_SERVED_FIRST = compile_pattern(
    r"^[为為][^，。；,;\d]{1,16}?(?:群众|群眾|人员|人員|老人|学生|學生|考生|居民|村民|市民|企业|企業)"
    r"(?:当场|當場|现场|現場|集中|加急|及时|及時|上门|上門)?"
)


def _item_words(lex: Lexicon, pre: str) -> str:
    """An item's words from its verb on: the clause's leading trim and the people served cut.

    >>> from statx.rules import load_rules
    >>> from statx.lexicon import lexicon
    >>> _item_words(lexicon(load_rules()), "为急需乘车的群众当场办理临时身份证")
    '办理临时身份证'
    """
    words = str(lex.label_trim.sub("", pre.lstrip("、 ")))
    return _SERVED_FIRST.sub("", words, count=1) or words


def _listed_kind(pre: str, own: str, bare: bool = False) -> bool:
    """Whether `own` stands in the whole's words `pre` as one of kinds listed with 、 (刑事、治安警情).

    With `bare` (the item's words are `own` and nothing else), a kind joined by 和, 及 or 与 counts
    too: 受理报警和求助N起。其中…；求助M起 names the help calls the whole holds, no verb said again
    (an item that goes on past its first two characters, 办理临时身份证, may still restate a verb).

    >>> _listed_kind("受理报警和求助", "求助", bare=True), _listed_kind("受理报警和求助", "求助")
    (True, False)
    >>> _listed_kind("受理报警和求助", "受理", bare=True)
    False
    """
    joins = _KIND_JOINS if bare else "、"
    at = pre.find(own)
    while at >= 0:
        before, after = pre[at - 1 : at], pre[at + len(own) : at + len(own) + 1]
        if (before and before in joins) or (after and after in joins):
            return True
        at = pre.find(own, at + 1)
    return False


#: What joins the kinds a whole's words list (刑事、治安警情; 报警和求助): a bare item naming one of
#: them names a kind the whole holds.
_KIND_JOINS = "、和及与與"


def _sibling_left(
    doc: Reading, out: Sequence[Record], j: int, i: int, rec: Figure, marker: int, metric: str
) -> bool:
    """Whether an item after the 其中 at `marker`, counting what figure `i` counts, is a part of nothing.

    货车事故46起，其中重型货车19起；小型客车事故59起；摩托车事故23起: the 59 past the semicolon is
    no part of the 46 (it is more), so the breakdown ended there, and the 23 after it is a sibling
    of the 59, not a part of the 46 either. An item that is a part of another whole (this month's
    and this year's items taking turns: 客车超员7起，今年累计63起) leaves the breakdown going on, and so
    does a rate (110类报警2650起(85.5起/天)；…): a part of nothing, but no item either.
    """
    return any(
        doc.cands[k].start >= marker
        and out[k].unit == rec.unit
        and out[k].metric == metric
        and not out[k].change
        and out[k].role != "baseline"
        and out[k].parent_start is None
        and not is_rate(doc, k)
        for k in range(j + 1, i)
    )


def _overflows(out: Sequence[Record], j: int, i: int, rec: Figure) -> bool:
    """Whether figure `rec` and the parts of whole `j` found before it add up to more than the whole.

    共有186名民警获得表彰，其中一等功3人、二等功19人、三等功142人；…优先安排124名优秀民警参加疗养:
    the 164 honoured leave 22 of the 186, so the 124 after the semicolon cannot be a fourth part;
    the breakdown ended at the semicolon and a new count began. Parts that already add up to the
    whole are a grouping complete, and another grouping of it may follow (较大火灾1起，一般火灾1861起；
    住宅火灾572起 of 1862). Only read over a semicolon, where the items go on by inference; a 其中
    of the figure's own clause says so outright.
    """
    whole = out[j]
    unit = measure_of(whole.unit)
    parts = sum(
        size_of(out[k])
        for k in range(j + 1, i)
        if out[k].parent_start == whole.start and measure_of(out[k].unit) == unit
    )
    value = size_of(whole)
    if not parts or nearly_equal(parts, value):
        return False
    total = parts + size_of(rec)
    return total > value + rounding(whole) and not nearly_equal(total, value)


def _opened_by_a_new_count(
    cands: Sequence[Candidate], out: Sequence[Record], start: int, j: int, i: int
) -> bool:
    """Whether a figure before `i` in its own clause after the semicolon is a count of no whole.

    其中上门办理2310辆；为农村群众办理摩托车驾驶证1120本，摩托车注册登记1960辆: the clause opens
    with the licences, a count the breakdown of the 8650 vehicles has no place for, so the clause
    starts a new topic and the 1960 vehicles after it are another count, not a part. A first
    item that is a part of some whole (破获盗窃案件612起、诈骗案件80起, or 竊盜案件發生1,845件，
    破獲1,790件 with two wholes) leaves the items after it free to go on.
    """
    for k in range(j + 1, i):
        r = out[k]
        if cands[k].start < start or r.change or r.role == "baseline" or r.unit in SHARE_UNITS:
            continue
        if r.parent_start is None:
            return True
    return False


def _kind_like_first_item(doc: Reading, out: Sequence[Record], i: int, marker: int, metric: str) -> str:
    """The first item's metric when figure `i` only names another kind of the same thing, else `metric`.

    立刑事案件1146起，其中盗窃案件523起，同比下降19.2%；诈骗案件287起: the first item took the
    whole's metric (cases filed), but 诈骗案件 alone reads as crimes reported, by the 案件 it
    shares with 盗窃案件. When the item's words end like the first item's and only that shared
    ending names its metric (the words before it, 诈骗, name none), it is the next kind of the
    list, counting what the first item counts; 破获案件300起 names cases solved by 破获, so it
    keeps its own metric.
    """
    lex, rec = doc.lex, doc.records[i]
    first = _first_after(doc.cands, i, marker + 1)
    if first is None or out[first].metric in (metric, "other") or out[first].unit != rec.unit:
        return metric
    words = str(lex.label_trim.sub("", doc.contexts[i].pre.strip("、，, ")))
    other = out[first].label
    if len(words) < 3 or len(other) < 3:
        return metric
    if other[-2:] == words[-2:]:
        ending = 2
    elif _CASE_WORD.search(other) and (case := _CASE_WORD.search(words)):
        ending = len(case.group())  # 查处赌博案53起…；吸毒案件2起: kinds of case, 案 or 案件
    else:
        return metric
    head = lex.metrics.classify(pre=words[:-ending], post="", heading="", unit=rec.unit, is_change=False)
    if head.key != metric:
        return out[first].metric
    # 其中饮酒驾车32起；醉酒驾车3起: each head (饮酒, 醉酒) names its own item's metric, and the two
    # differ: two named kinds, not one kind and the next of the same list (the 酒驾车 they share
    # would split the words that name them)
    if lex.metrics.classify(pre=other[:-ending], post="", heading="", unit=rec.unit, is_change=False).key == (
        out[first].metric
    ):
        return metric
    # 假冒食品犯罪案件30起…；假冒药品犯罪案件12起: the words the two share are more than the
    # ending and name the metric themselves (犯罪案件); what tells the kinds apart (食品, 药品) names
    # no metric in either, so the item is the next kind of the list all the same. Kinds told apart
    # by a deed (破获刑事案件…；发生刑事案件) keep their own metric.
    shared = _shared_ending(words, other)
    if (
        2 < shared < min(len(words), len(other))
        and _names_no_metric(lex, words[:-shared], rec.unit)
        and _names_no_metric(lex, other[:-shared], rec.unit)
    ):
        return out[first].metric
    return metric


def _shared_ending(one: str, two: str) -> int:
    """How many characters `one` and `two` (two labels) end in alike."""
    pairs = zip(reversed(one), reversed(two), strict=False)
    return next((n for n, (a, b) in enumerate(pairs) if a != b), min(len(one), len(two)))


def _names_no_metric(lex: Lexicon, words: str, unit: str) -> bool:
    """Whether `words` alone name no metric (危害药品, 污染环境: a kind's own words, no deed)."""
    return lex.metrics.classify(pre=words, post="", heading="", unit=unit, is_change=False).key == "other"


#: The word for a case ending a label (赌博案, 吸毒案件): items so named are kinds of case alike.
_CASE_WORD = compile_pattern(r"案件?$")

#: A label of a few characters and nothing else (内地居民, 港澳台居民, 外国人): a bare kind. Items past
#: semicolons named so, like the first item, are the next kinds of its list even when their words end
#: otherwise (其中，内地居民N万人次；港澳台居民M万人次；外国人K万人次); a new count opens with more words.
_BARE_KIND = compile_pattern(r"\p{Han}{2,5}")
#: An age in a label (18岁到35岁, 60周岁以上, 不满十八岁): items so named are age bands of one list.
_AGE_BAND = compile_pattern(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})周?岁")
#: A label that opens with a class's name (求助类诉求, 表扬类): a kind of a classified list.
_CLASS_NAME = compile_pattern(r"^[\p{Han}]{1,4}类")


def _named_like_first_item(
    cands: Sequence[Candidate], out: Sequence[Record], i: int, marker: int, label: str
) -> bool:
    """Whether `label` is named like the label of the first figure after the breakdown word.

    Alike when both end in the same two characters, or when both open with a class's name: a
    hotline's tickets by class (其中，求助类诉求2100件…；表扬类88件…) name the class alone after
    the first item, and the class is what makes them items of one list; or when both are bare
    kinds of two to five characters (see `_BARE_KIND`).

    >>> from statx import extract_text
    >>> text = "共接待来访人员900人次。其中，本地居民500人次；外省居民260人次；境外人士80人次。"
    >>> [r.parent for r in extract_text(text)]
    [None, '900人次', '900人次', '900人次']
    >>> text = "共接待来访人员900人次。其中，本地居民500人次；外地居民（含港澳台）260人次。"
    >>> [r.parent for r in extract_text(text)]
    [None, '900人次', '900人次']
    >>> text = "全省客运量612万人次。其中，铁路客运量88万人次；公路出行量（含自驾、营运客车）510万人次。"
    >>> [r.parent for r in extract_text(text)]
    [None, '612万人次', '612万人次']
    >>> text = "全年接报警情86万起，其中群众紧急求助类31万起；交通类22万起；纠纷类9万起。"
    >>> [r.parent for r in extract_text(text)]
    [None, '86万起', '86万起', '86万起']
    >>> text = "清查车辆900辆，其中暂扣电动车300辆；暂扣三轮车120辆。"
    >>> [r.parent for r in extract_text(text)]
    [None, '900辆', '900辆']
    >>> text = "在册人员5200名，其中未满18岁40名；18至35岁2100名；36岁以上3060名。"
    >>> [r.parent for r in extract_text(text)]
    [None, '5200名', '5200名', '5200名']
    """
    first = _first_after(cands, i, marker + 1)
    # a note in brackets after the name (公路客运量（含高速公路、国省道）401万人次) says what it takes in
    label = _TRAILING_NOTE.sub("", label)
    if first is None or len(label) < 2:
        return False
    other = _TRAILING_NOTE.sub("", out[first].label)
    if len(other) >= 2 and other[-2:] == label[-2:]:
        return True
    # volumes by mode (铁路客运量…；公路人员流动量…；民航客运量…): each a 量 of its own kind
    if len(other) >= 3 and other[-1] == label[-1] == "量":
        return True
    # calls or tickets by class, each class named alone (其中群众求救类31万起；交通类22万起)
    if len(other) >= 3 and other[-1] == label[-1] == "类":
        return True
    if _BARE_KIND.fullmatch(label) is not None and _BARE_KIND.fullmatch(other) is not None:
        return True
    # people by age band, each band named by its ages alone (其中不满18岁…；18岁到35岁…；60岁以上…)
    if _AGE_BAND.search(label) is not None and _AGE_BAND.search(other) is not None:
        return True
    # things dealt with by one verb, each item saying it again (其中查扣摩托车600辆；查扣小型汽车374辆):
    # the verb, not the thing, makes them items of one list
    if len(other) >= 3 and len(label) >= 3 and _OPENING_VERB.match(label) and other[:2] == label[:2]:
        return True
    return _CLASS_NAME.match(label) is not None and _CLASS_NAME.match(other) is not None


#: A label opening with a verb of dealing with things (查扣…, 暂扣…, 收缴…): the items a list repeats it in.
_OPENING_VERB = compile_pattern(r"(?:查扣|暂扣|扣留|扣押|查获|收缴|缴获|没收|起获|查处|破获|抓获)")

#: A bracketed note closing a label, searched only at its end.
_TRAILING_NOTE = compile_pattern(r"[（(][^（()）\n]{1,40}[）)]$")


def _first_after(cands: Sequence[Candidate], i: int, pos: int) -> int | None:
    """The first figure before figure `i` that starts at or after `pos`, if any.

    Searched backwards from `i` (candidates are in text order): only the few figures after `pos`
    are looked at, not every figure of a long article.
    """
    k = i
    while k and cands[k - 1].start >= pos:
        k -= 1
    return k if k < i else None
