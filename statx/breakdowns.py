"""Find the whole each breakdown item belongs to (其中 / 包括 / colon lists / 分别 / brackets).

A part points to the figure it breaks down: the nearest earlier figure of its sentence in the
same unit and not smaller, with the exceptions written below for what real reports do. Items
past a semicolon are `statx.semicolons`'s; the helpers it shares with this module (the open-line
and bracket readers) are public for it, and both weigh figures with `statx.figurereading`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

import regex

from statx.analysislines import wholes_of_analysis_lines, wholes_of_ranking_paragraphs
from statx.changes import start_of_line
from statx.clauses import (
    CLAUSE_BREAK_BACK,
    FULL_STOP,
    FULL_STOP_BACK,
    LIST_JOINS,
    LIST_SEPARATOR,
    OPENS_BREAKDOWN,
    SEMICOLON_BACK,
    SENTENCE_END_BACK,
    WINDOW,
    Context,
    last_end,
)
from statx.figurereading import (
    DECIMALS,
    KIND_OF_WHOLE,
    NAMED_BACK,
    NUMBERED_LINE,
    PER_PERIOD,
    PER_UNIT_AFTER,
    SHARE_OF_ITEM,
    Reading,
    casualty_word,
    is_rate,
    measure_of,
    names_its_thing_again,
    nearly_equal,
    rounding,
    size_of,
    start_of,
)
from statx.metrics import Choice
from statx.partsums import whole_by_sum, wholes_of_exact_sums, wholes_of_numbered_lines
from statx.patterncache import compile_pattern
from statx.records import SHARE_UNITS, Figure, Record
from statx.sectorlines import whole_of_numbered_sector
from statx.sharewholes import whole_by_share, whole_of_share, wholes_of_paired_shares

if TYPE_CHECKING:
    from statx.lexicon import Lexicon


class Parents(NamedTuple):
    """What `find_parents` found: each figure's whole, and which figures a grouping lead opened."""

    wholes: list[int | None]
    #: the figures whose whole a grouping lead (从…看, 按…分) found, with where the lead stands
    #: (see `whole_past_sibling`)
    viewed: dict[int, int]


def find_parents(doc: Reading) -> Parents:
    """For each figure, the index of the figure it breaks down (其中 / 包括 / colon lists / 分别), if any,
    and the figures a grouping lead opened (whose whole the caller may still move past a sibling).

    The whole is the last figure before the breakdown word in the same sentence (or the one
    before, when the word opens a sentence), with the same unit and a value not smaller.
    A change (较去年同期减少12人) or a stated baseline is neither a whole nor a part: it is
    a difference or another period's total.
    """
    text, cands, contexts, changes, lex = doc.text, doc.cands, doc.contexts, doc.changes, doc.lex
    out: list[int | None] = []
    markers: list[int | None] = []
    sectors: set[int] = set()  # the parts `whole_of_numbered_sector` found
    named_again: set[int] = set()  # the parts of a total a clause names again (`_whole_named_again`)
    viewed: dict[int, tuple[int, int | None]] = {}  # the figures a grouping lead opens: where, which whole
    for i, c in enumerate(cands):
        markers.append(None)
        if changes[i].relative:
            out.append(None)
            continue
        lo = max(0, c.start - WINDOW)
        sentence_start = after_open_line(text, contexts[i].sentence_start, lo, lex, semicolon=False)
        sentence_start = _lead_glued_to_figure(doc, i, sentence_start)
        parent = None
        marker = None
        found = [
            m.start()
            for m in lex.breakdown.finditer(text, sentence_start, c.start)
            if not in_closed_bracket(text, m.start(), sentence_start, c.start)
            and not _page_label_colon(text, m.start(), sentence_start)
        ]
        # 其中，城关、河西派出所分别调解612起、538起: the 分别 pairs the names with the figures; the
        # 其中 before it opens the breakdown (and may reach the whole a sentence up)
        while len(found) > 1 and text.startswith("分别", found[-1]):
            found.pop()
        # 其中，居前三位的依次为：甲、乙、丙，数量依次为：412起…: a ranking after another breakdown word
        # only orders that one's parts (…较多的依次为违停(2100起)、…: alone, it opens the breakdown)
        found = [at for k, at in enumerate(found) if k == 0 or not text.startswith("依次", at)]
        if (ranked := _ranking_opened(text, sentence_start, c.start, c.end)) is not None and (
            not found or found[-1] < ranked
        ):
            found.append(ranked)  # 共受理盗窃案4415件，以甲分局710件最多，其次为…: 以 opens the ranking
        if not found and (opened := _breakdown_said_before(doc, i, lo)) is not None:
            sentence_start, at = opened
            found = [at]
        if not found and (kinds := lex.breakdown_ranked.match(text, sentence_start, c.start)) is not None:
            found = [kinds.start()]  # 火灾类型以住宅火灾120次最多: opens the sentence as 其中 would
        elif not found and _ranked_first_then_next(doc, i, sentence_start):
            found = [sentence_start]  # 甲分局710件居冠，其次为乙分局530件: the sentence ranks a total's parts
        if found:
            marker = found[-1]
        # 按纠纷类型划分：…: the sentence breaks down the total before it, and so does each clause
        # after a semicolon of it (从渠道看，电话渠道受理…；网络渠道受理…)
        lead_at = whole_from = sentence_start
        lead = lex.breakdown_lead.match(text, sentence_start, c.start)
        if lead is None and text[sentence_start - 1 : sentence_start] in ("；", ";"):
            # the sentence a lead opens may run past a window of items (在…中，甲310起，其中…；乙220起，
            # 其中…；…；丁58起): its start is looked for two windows before the item's own clause
            lead_at = last_end(
                FULL_STOP_BACK, text, sentence_start, max(0, min(lo, sentence_start - 2 * WINDOW))
            )
            lead_at = _lead_glued_to_figure(doc, i, lead_at)
            lead = lex.breakdown_lead.match(text, lead_at, c.start)
        elif lead is None and text[sentence_start - 1 : sentence_start] == "\n":
            # 按违法类型分：⏎（一）违法停车6127起；⏎（二）不戴头盔4318起: the lead heads lines ended by ；
            up = after_open_line(text, sentence_start, lo, lex, semicolon=True)
            if up < sentence_start and (lead := lex.breakdown_lead.match(text, up, c.start)) is not None:
                lead_at = whole_from = up  # the whole stands before the lead, not the line
        if lead is None and not found and (up_lead := _lead_said_before(doc, i, lo)) is not None:
            # 从…看，…是主要原因。甲引发N起；乙…: the lead opens the sentence before, which counts nothing
            lead, lead_at = up_lead, up_lead.start()
            whole_from = lead_at
        # a 其中 right after the lead (按活动类别划分，其中体育活动128项) repeats it: the lead's breakdown
        # and so does a 分别 after it (从辖区看，城关、蓬壶中队分别查处32起、21起: names paired with figures),
        # and a colon closing words that count nothing (从区域看，发案较多的地区有：甲镇N起…: they only
        # present the lead's parts)
        by_lead = lead is not None and (
            marker is None
            or marker < lead.end()
            or not text[lead.end() : marker].strip()
            or text.startswith("分别", marker)
            or _presents_parts(doc, i, lead.end(), marker)
        )
        if (
            by_lead
            and lead is not None
            and lead_at < sentence_start
            and _first_item_left_whole(doc, out, i, lead.end(), sentence_start)
        ):
            by_lead = False  # 从区域看，…区域共有10个，分别是：甲3宗；乙1宗: the first item took no whole
        if by_lead:
            marker = lead_at
            # 查获的29名醉驾驾驶人中，驾驶摩托车的11人…: a lead that counts the things it names holds
            # the whole itself, so the search starts after it, not before the sentence
            j = i - 1
            while lead is not None and j >= 0 and cands[j].start >= lead.end():
                j -= 1
            if lead is not None and j >= 0 and cands[j].start >= lead_at:
                marker = lead.end()
        # a bracket opened on the figure before (612起(醉驾148起)) is nearer than a 其中 of the sentence
        bracket, at_ = _bracket_opened_on(doc, i, sentence_start) or (None, i - 1)
        if bracket is not None and _converted_in_bracket(doc, at_, i, bracket):
            bracket, marker = None, None  # 1.4万公斤(逾13吨): the whole again in another unit, no part
        if bracket is not None and doc.records[at_].unit == "倍" and doc.records[i].unit not in SHARE_UNITS:
            # 是去年全年的1.6倍(54起): the bracket gives the count the multiple is of, another period's, no
            # part (a share's bracket, 占46.5%(11万起), gives the part's own count: a part still)
            bracket, marker = None, None
        # a bracket opened on a share (其中五成來自甲類(34.8億元)) gives the part's own count: when the
        # bracket finds no whole, the breakdown word the share stands after still reads it
        behind = None
        if bracket is not None and (marker is None or bracket > marker):
            if (
                marker is not None
                and doc.records[at_].unit in SHARE_UNITS
                and doc.records[i].unit not in SHARE_UNITS
            ):
                behind = marker
            marker, by_lead = bracket, False
        if marker is not None and not by_lead and _breakdown_ended(doc, i, marker):
            marker = None  # 其中民警1.38万人次，同时会同…社会力量4700余人次: the breakdown ended before it
        # a grouping lead's parts may run on for sentences: their whole stands a window before the
        # lead, not before each part (从区域看，…；另外，甲县…，乙县…, past 160 characters)
        reach = max(0, min(lo, lead_at - WINDOW)) if by_lead else lo
        # A 其中 nested in an item (2. 酒驾醉驾2,106起，其中醉驾497起；3. 违法停车4.4万起) breaks down that
        # item only: a later item bigger than the nearest figure of its unit before that 其中 is a
        # part of a breakdown opened earlier, so the sentence's earlier 其中 are tried in turn.
        tries = [marker] if marker is not None else []
        if marker is not None and not by_lead and found and marker == found[-1]:
            tries += [at for at in reversed(found[:-1]) if not _breakdown_ended(doc, i, at)]
        if behind is not None and not by_lead and _breakdown_ended(doc, i, behind):
            behind = None
        if behind is not None:
            tries.append(behind)
        for at in tries:
            markers[i] = marker = at
            from_ = whole_from if by_lead else sentence_start
            reach_at = _reach_of_siblings(doc, markers, out, i, at, reach)
            parent, smaller = _whole_before(doc, out, i, at, from_, reach_at, by_lead)
            # 其中，居前三位的依次为：甲、乙、丙，数量依次为：412起…: a colon inside the sentence that
            # finds no whole hands over to the 其中 that opened it (which may reach a sentence up)
            if parent is not None or not (
                smaller or text[at] in ":：" or (at != behind and behind is not None)
            ):
                break
        if by_lead and parent is not None and lead is not None and _lead_of_another_kind(doc, lead, parent):
            parent = None
        if by_lead and parent is not None:
            parent = _past_sibling_view(doc, out, i, parent)
            viewed[i] = (lead_at, parent)
        if (
            marker is not None
            and text.startswith("分别", marker)
            and (run := _run_before(doc, out, i, marker)) is not None
        ):
            parent = run  # 落实网格员131名、102名、90名: one whole for the figures 分别 pairs with names
        if parent is None and (marker is None or _opens_list_item(text, marker)):
            # a 其中 opening a nested list item (``  - 其中，查处酒驾醉驾3968起``) says what its indent says
            parent = _whole_of_sub_item(doc, i)
        if parent is None and (first := _first_of_list(doc, i)) is not None:
            whole = out[first]
            if whole is not None and size_of(doc.records[whole]) >= size_of(doc.records[i]):
                parent, markers[i] = whole, markers[first]
        # (其次是A和B，分别为…: the 分别 pairs names with figures; the sentence goes on a breakdown)
        pairs_only = marker is not None and text.startswith("分别", marker)
        if (
            parent is None
            and (marker is None or pairs_only)
            and (goes_on := _breakdown_goes_on(doc, out, markers, i, pairs_only))
        ):
            parent, markers[i] = goes_on
        # (一)道路交通：事故9起: the colon after a sector's name opens no breakdown of its own
        if (
            parent is None
            and lead is None
            and (marker is None or text[marker] in ":：")
            and (parent := whole_of_numbered_sector(doc, out, sectors, i)) is not None
        ):
            sectors.add(i)
        if by_lead and parent is None and (shared := whole_of_share(doc, i, reach)) is not None:
            parent = shared
        if parent is None and (named := _whole_named_again(doc, i, lo)) is not None:
            parent = named
            named_again.add(i)
        elif parent is None and (named := _next_item_named_again(doc, out, named_again, i)) is not None:
            parent = named  # 有效警情中，刑事类警情44起，…，纠纷334起: a later item names only its kind
            named_again.add(i)
        elif parent is None and (partner := _partner_of_named(doc, out, named_again, i)) is not None:
            parent = partner  # …中：煤矿企业发生19起，死亡299人: the deaths of the events named again
        if (
            parent is None
            and not changes[i].relative
            and (kind := _whole_of_named_kind(doc, i, lo)) is not None
        ):
            parent = kind
        if parent is None and marker is None and (said := _some_said_to_be(doc, i)) is not None:
            parent = said  # 行人事故312宗，5宗为致命事故: some of the count just said are of a kind
        if parent is None and marker is None and (spot := _fixed_on_the_spot(doc, i)) is not None:
            parent = spot  # 发现火灾隐患20处，当场整改18处: those of the hazards found fixed there and then
        if parent is None and marker is None and (valid := _valid_of_calls(doc, i)) is not None:
            parent = valid  # 县110接听来电9万起，有效报警3万起: the valid calls are some of all calls
        if (kind_part := _part_of_kind_named(doc, out, i, lo)) is not None:
            parent = kind_part  # …电气类火灾120起…，电气火灾中，线路故障引发90起: a part of that part
        if (frame := _frame_right_before(doc, i)) is not None:
            parent = frame  # 52起较大火灾中有33起: the count the 中 frames, whatever 其中 came before
        elif parent is None and (frame := _framed_then_done(doc, i)) is not None:
            parent = frame  # 余下20项中，截至11月已完成15项: those of the 20 done
        elif parent is None and (rest := _rest_of_whole(doc, out, i)) is not None:
            parent = rest  # …有4项，其余20项: the rest of the whole the 4 are part of
        if parent is not None and _rest_of_list(doc, out, markers, i):
            parent = out[i - 1]
        if parent is not None and (
            _RATE_OF_COUNT.search(contexts[i].pre) or PER_UNIT_AFTER.match(text, c.end)
        ):
            parent = (
                None  # …其中网上办理1003笔，…民警人均办案21起, 月均接警800余起, (198起/天): a rate is no part
            )
        if parent is not None and marker is not None:
            parent = _whole_of_casualty_heading(doc, parent, i, marker)
        out.append(parent)
    whole_by_sum(doc, out, markers)
    wholes_of_exact_sums(doc, out)
    wholes_of_numbered_lines(doc, out)
    wholes_of_analysis_lines(doc, out)
    wholes_of_ranking_paragraphs(doc, out)
    whole_by_share(doc, out, markers)
    wholes_of_paired_shares(doc, out)
    _end_overflowing_lists(doc, out, markers)
    _end_items_solved_of_an_item(doc, out, markers)
    _items_between_parts(doc, out, markers)
    _wholes_of_named_places(doc, out)
    for i, parent in enumerate(out):
        if parent is not None and _LEFT_OUT.search(contexts[i].pre[-_LEFT_OUT_REACH:]):
            out[i] = None  # 受理5210件(不含旧存310件), 不起诉96人(不包括…4人): said to be no part
        elif parent is not None and _set_up_in_places(doc, parent, i):
            out[i] = None  # 覆盖5个镇、63个村，其中在村设服务点27个: things set up there, no places
        elif i > 0 and (paired := _paired_whole(doc, out, i)) is not None:
            out[i] = paired
    # a whole found later (a share's: 占一般程序事故的42.1%) knows better than the lead's
    return Parents(out, {i: at for i, (at, whole) in viewed.items() if out[i] == whole})


#: A clause opening with 共 once a breakdown's items began (其中民警2.6万人次，共救助群众136人次): the
#: sentence turns back to tally the whole period's work, so what follows is no part of the breakdown.
_NEW_TALLY_BACK = compile_pattern(r"[，,；;]\s*共", regex.REVERSE)
#: A mark that ends a clause (see `_past_paired_changes`).
_CLAUSE_BREAK = compile_pattern(r"[，,；;]")


#: A ranking said after a comma, its first item the biggest (，以甲分局710件最多; ，以甲分局最多，有710件):
#: group 1 is the 以.
#: (The text is folded to simplified characters before it is read: 萬 and 為 are 万 and 为 here.)
_RANKED_NUMBER = r"[\d〇○零一二两三四五六七八九][\d,.〇○零一二两三四五六七八九十百千点]*\s?万?"
_RANKING = compile_pattern(
    rf"[，,]\s*(以)[^，,。；;：:\n\d]{{1,16}}?(?:{_RANKED_NUMBER}\s?(?:件|起|宗|人|名)\s?(?:最多|居多|居首|最高|为最)"
    rf"|(?:最多|居多|居首|最高|为最)\s*[，,]?\s*(?:共计|共有|有|计|共|达到?|为)?\s*{_RANKED_NUMBER}\s?(?:件|起|宗|人|名))"
)
#: How far past a figure's end the word that ranks it first may end (710件最多).
_RANKING_TAIL = 4


def _lead_glued_to_figure(doc: Reading, i: int, sentence_start: int) -> int:
    """Where the sentence of figure `i` starts when a page lost the full stop before a grouping lead.

    同比分别下降12.5%从类别上看，道路运输发生事故30起: a lead of view (从…看, 按…分) right after a
    figure, with no punctuation between them, can only open a new sentence, so the figures after it
    break down the totals before it as they would after a full stop.
    """
    text, cands, lex = doc.text, doc.cands, doc.lex
    start = sentence_start
    for j in range(i - 1, -1, -1):
        end = cands[j].end
        if end <= sentence_start:
            break
        if text[end : end + 1] in ("从", "按") and lex.breakdown_lead.match(text, end, cands[i].start):
            start = end
            break
    return start


def _glued_stop(doc: Reading, at: int) -> bool:
    """Whether a lead of view opens a sentence at ``at`` right after a figure (`_lead_glued_to_figure`)."""
    if doc.text[at : at + 1] not in ("从", "按"):
        return False
    k = bisect.bisect_left(doc.cands, at, key=start_of) - 1
    return k >= 0 and doc.cands[k].end == at


def _ranking_opened(text: str, sentence_start: int, start: int, end: int) -> int | None:
    """Where a ranking said after a total in its sentence opens, before the figure at ``start``, if any.

    共受理盗窃案4415件，以甲分局710件最多，其次为乙分局530件: the 以 opens a breakdown of the total, as
    其中 would, its first item ranked the biggest; the words that rank it (最多) stand after that
    item, so the search runs a few characters past ``end``. A change ranked so (较上年减少100件，以
    故意杀人减少38件最多) is no part, as changes never are.
    """
    if text.find("以", sentence_start, start) < 0:
        return None
    opened = None
    for m in _RANKING.finditer(text, sentence_start, min(len(text), end + _RANKING_TAIL)):
        if m.start(1) < start:
            opened = m.start(1)
    return opened


def _breakdown_ended(doc: Reading, i: int, marker: int) -> bool:
    """Whether a clause between the breakdown word at ``marker`` and figure ``i`` ends the breakdown.

    A word of another topic (同时, 此外: ``lex.breakdown_end``) does, and so does a clause opening
    with 共 once a figure of the breakdown stands before it (其中民警…人次，共救助…). A 共 before
    any figure gives the count of the item the words named (其中，夜间为高发时段，共N起), and one
    right after the word itself (其中，共有3起…) opens the first item: neither ends anything.
    """
    text, cands = doc.text, doc.cands
    end = cands[i].start
    if doc.lex.breakdown_end.search(text, marker, end):
        return True
    if text.startswith("分别", marker) and _past_paired_changes(doc, i, marker):
        return True
    opening = _CLAUSE_OPENING.match(text, marker, end)
    # the last one: a figure before any 共 clause stands before the last
    tally = _NEW_TALLY_BACK.search(text, opening.end() if opening else marker, end)
    if tally is None:
        return False
    first = bisect.bisect_left(cands, marker, 0, i, key=start_of)  # the breakdown's first figure
    if first >= i or cands[first].start >= tally.start():
        return False
    # 其中盗窃案占全部罪案的三成，共有N宗: the item's share said with 占 before it, the 共 gives the same
    # item's count, no new tally
    return not all(
        doc.records[k].unit in SHARE_UNITS and SHARE_OF_ITEM.search(text, marker, cands[k].start)
        for k in range(first, i)
        if cands[k].start < tally.start()
    )


def _past_paired_changes(doc: Reading, i: int, marker: int) -> bool:
    """Whether a 分别 at ``marker`` paired only changes, and figure ``i`` stands in a clause after them.

    破案数、抓获数分别同比增长8.5%、14.2%，劝返人员120人: the 分别 gave each count its change;
    the people after the comma are a count of their own, no part of a figure before the 分别.
    """
    first = bisect.bisect_left(doc.cands, marker, 0, i, key=start_of)
    if first >= i or not all(doc.changes[k].relative for k in range(first, i)):
        return False
    return _CLAUSE_BREAK.search(doc.text, doc.cands[i - 1].end, doc.cands[i].start) is not None


def _paired_whole(doc: Reading, out: Sequence[int | None], i: int) -> int | None:
    """The whole of the second figure of a pair written together, as the first one's whole is written.

    A procuratorate counts cases and people side by side (退查42件71人，重新移送40件73人。其中首次退查
    33件58人): the people of a part (58人) are a part of the people written right after the part's
    whole in cases (71人), not of the nearest count in people (73人).
    """
    cands, records = doc.cands, doc.records
    first_whole = out[i - 1]
    if first_whole is None or first_whole + 1 >= i or cands[i - 1].end != cands[i].start:
        return None
    partner = first_whole + 1
    if cands[first_whole].end != cands[partner].start or doc.changes[i].relative:
        return None
    whole, part = records[partner], records[i]
    if measure_of(whole.unit) != measure_of(part.unit) or size_of(whole) < size_of(part):
        return None
    if measure_of(records[i - 1].unit) == measure_of(part.unit):
        return None  # two counts in one measure side by side are no pair of measures
    return partner


def _items_between_parts(doc: Reading, out: list[int | None], markers: Sequence[int | None]) -> None:
    """Give an item in a unit of its own the whole of the items of its 其中 right before and after it.

    诉求590件，其中，市长热线转办工单212件，区长信箱来信45封，网站留言转办工单128件: the letters
    (封) are counted in their own measure word, yet the list goes on after them with parts of the
    same whole; one between two such parts is a channel of it too, not a count of its own. Only an
    item under the same breakdown word as both neighbours, each in a clause of its own, no change,
    share or money, not bigger; read after the lists that overflow their whole were ended.
    """
    for i in range(1, len(out) - 1):
        w = out[i - 1]
        if out[i] is not None or w is None or markers[i] is None or markers[i - 1] != markers[i]:
            continue
        # the next part, past at most _BETWEEN_PARTS such items (区长信箱来信45封，书记信箱来信30封，…)
        end = next(
            (k for k in range(i + 1, min(len(out), i + 1 + _BETWEEN_PARTS)) if out[k] is not None), None
        )
        if end is None or out[end] != w or markers[end] != markers[i]:
            continue
        if all(_can_be_part(doc, k, w) and markers[k] == markers[i] for k in range(i, end)) and all(
            _CLAUSE_GAP.search(doc.text, doc.cands[k - 1].end, doc.cands[k].start) for k in range(i, end + 1)
        ):
            out[i:end] = [w] * (end - i)


#: A clause's end between two items: each item in its own clause (not 临时停车场41处、泊位3380个, where
#: the sites pair with the slots of one part).
_CLAUSE_GAP = compile_pattern(r"[，,；;]")
#: The colon of a page's label line (来源：, 原标题：, 责任编辑：) opens no breakdown: a headline and the
#: lead below it, run together with the label line when no full stop ends them, say one figure twice
#: (查处酒驾5.3万起⏎…来源：省公安厅⏎…共查处酒驾5.3万起: no part of itself). Read up to the colon.
_PAGE_LABEL = compile_pattern(
    r"(?:来源|來源|原标题|原標題|副标题|副標題|作者|(?:责任)?编辑|(?:責任)?編輯|记者|記者|通讯员|通訊員|"
    r"发布时间|發佈時間|發布時間|发布日期|發佈日期|日期|浏览|瀏覽|关键词|關鍵詞|标签|標籤|核心提示)\s*$"
)
_PAGE_LABEL_REACH = 8  # the longest label and the blanks before its colon
#: A page's date line up to a colon of its clock time (2019-07-24 09:32, 2019-07-24 09:32:27).
_PAGE_DATE_TIME = compile_pattern(r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}[ \t]+\d{1,2}(?:[:：]\d{2})?$")


def _page_label_colon(text: str, at: int, lo: int) -> bool:
    """Whether the breakdown word at ``at`` is a colon of a page's label line or of a clock time.

    >>> line = "2019-07-24 09:32:27 来源:公安部"
    >>> _page_label_colon(line, 22, 0), _page_label_colon(line, 13, 0), _page_label_colon(line, 16, 0)
    (True, True, True)
    >>> _page_label_colon("早07:00-09:00时为整治时段", 3, 0)
    False
    >>> _page_label_colon("查处违法1.2万起，其中：酒驾300起", 12, 0)
    False
    """
    if text[at] not in ":：":
        return False
    if text[at - 1 : at].isdigit() and text[at + 1 : at + 2].isdigit():
        # 09:32:27 after a page's date (2019-07-24); a time span in the text (早07:00-09:00时) is
        # left to what it was, a colon the breakdown search stops at
        return _PAGE_DATE_TIME.search(text, max(lo, at - _PAGE_LABEL_REACH - 12), at) is not None
    return _PAGE_LABEL.search(text, max(lo, at - _PAGE_LABEL_REACH), at) is not None


#: The most items in units of their own `_items_between_parts` passes over between two parts.
_BETWEEN_PARTS = 3


#: The words between 分别 and the first figure it pairs with names (分别达, 分别为, 分别是).
_RESPECTIVELY_TO_RUN = compile_pattern(r"分别\s*(?:达到?|为|是|有)?\s*")
#: What opens a clause before its own words: blanks, commas and the breakdown word (其中，).
_CLAUSE_OPENING = compile_pattern(r"[\s，,]*(?:其中)?[\s，,：:]*")
#: What joins the names of a list before 分别.
_NAME_JOINS = compile_pattern(r"[、和及与]")
#: A place's name in a list of names before 分别: two to five Han characters.
_PLACE_NAME = compile_pattern(r"\p{Han}{2,5}")


def _wholes_of_named_places(doc: Reading, out: list[int | None]) -> None:
    """Give a place's own breakdown the place's figure in a 分别 run before it, not the run's whole.

    全省查处N起，其中甲市、乙市、丙市最多，分别达a起、b起和c起。其中甲市查处酒后x起，醉酒y起；丙市…: a
    roll-up of places pairs each name with its figure; a later clause (to its semicolon) opening on
    one of the names breaks down that place's figure. Only a run of two or more parts of one whole,
    names as many as its figures (the last may run on into the words after it), the figure after the
    run in the run's unit and not bigger, with no parent or the run's whole.
    """
    text, cands, records = doc.text, doc.cands, doc.records
    for i in range(len(out)):
        if doc.changes[i].relative or records[i].unit in SHARE_UNITS:
            continue
        lo = max(0, cands[i].start - WINDOW)
        at = text.rfind("分别", lo, cands[i].start)
        run = _respective_run(doc, out, at, i) if at >= 0 else []
        if len(run) < 2 or out[i] not in (None, out[run[0]]):
            continue
        names = _names_before(text, at, lo, len(run))
        segment = last_end(_SEGMENT_BACK, text, cands[i].start, lo)
        if not names or segment < cands[run[-1]].end:
            continue
        own = text[segment : cands[i].start]
        own = own[_CLAUSE_OPENING.match(own).end() :]
        hits = [k for k, name in enumerate(names) if own.startswith(name)]
        # 甲市今年累计查处…: a period or a total of the place's own is a count anew
        if len(hits) == 1 and _NEW_COUNT_WORDS.search(own, len(names[hits[0]])) is not None:
            continue
        if len(hits) == 1 and records[run[hits[0]]].unit == records[i].unit:
            whole = run[hits[0]]
            if size_of(records[whole]) >= size_of(records[i]):
                out[i] = whole


#: A sentence's or a semicolon clause's end, searched back from a figure.
_SEGMENT_BACK = compile_pattern(r"[。；;！？!?\n]", regex.REVERSE)


def _respective_run(doc: Reading, out: Sequence[int | None], at: int, i: int) -> list[int]:
    """The figures right after the 分别 at ``at``, one list before figure ``i``, all parts of one whole."""
    text, cands = doc.text, doc.cands
    opened = _RESPECTIVELY_TO_RUN.match(text, at)
    first = bisect.bisect_left(cands, at, key=start_of)
    if opened is None or first >= i or cands[first].start != opened.end():
        return []
    run = [first]
    while run[-1] + 1 < i:
        if text[cands[run[-1]].end : cands[run[-1] + 1].start].strip(LIST_JOINS + "，,"):
            break
        run.append(run[-1] + 1)
    whole = out[first]
    if whole is None or any(out[k] != whole or doc.changes[k].relative for k in run):
        return []
    return run


def _names_before(text: str, at: int, lo: int, count: int) -> list[str]:
    """The ``count`` names listed in the clause before the 分别 at ``at`` (甲市、乙市和丙市最多，分别…).

    The last name may run on into the words said of all (丙市最多): it is cut to the shortest of the
    names before it. Empty when the clause lists another number of names or something else.
    """
    end = at
    while end > lo and text[end - 1] in "，, \t":
        end -= 1
    start = last_end(CLAUSE_BREAK_BACK, text, end, lo)  # the names' clause opens after it
    words = text[start:end]
    words = words[_CLAUSE_OPENING.match(words).end() :]
    items = _NAME_JOINS.split(words)
    if len(items) != count or not all(_PLACE_NAME.fullmatch(name) for name in items[:-1]):
        return []
    shortest = min(len(name) for name in items[:-1])
    return [*items[:-1], items[-1][:shortest]]


def _can_be_part(doc: Reading, k: int, w: int) -> bool:
    """Whether figure ``k`` may be a part of ``w`` by its kind: no change, share or money, not bigger.

    A casualty (死亡N人) said between two kinds of crash (较大事故a起，死亡b人，一般事故c起) counts the
    dead of the one before, no channel of the crashes: no part of a whole that names no casualty.
    """
    rc = doc.records[k]
    if doc.changes[k].relative or rc.unit in SHARE_UNITS or "元" in rc.unit:
        return False
    if (casualty := casualty_word(doc, k)) is not None and not _names_casualty(doc, w, casualty):
        return False
    return size_of(rc) <= size_of(doc.records[w])


def _some_said_to_be(doc: Reading, i: int) -> int | None:
    """The count right before figure ``i`` when ``i`` opens the next clause saying what some of it are.

    与行人有关的事故共312宗，5宗为致命事故: the clause opens with the count and 为 names a kind
    (Hong Kong and Macau papers leave 其中 out); the 5 are some of the 312. Only a clause of nothing
    but the count before 为, after a comma right after a count of the same unit, not smaller.
    """
    if not _count_right_before(doc, i, _CLAUSE_COMMA, bigger=True):
        return None
    return i - 1 if _SAID_TO_BE.match(doc.text, doc.cands[i].end) else None


def _fixed_on_the_spot(doc: Reading, i: int) -> int | None:
    """The count of things found right before figure ``i`` when ``i`` counts those fixed on the spot.

    检查场所16家，发现火灾隐患20处，当场整改18处: a check's report says how many faults it found,
    then how many of them were put right there and then, with no 其中; the 18 are some of the 20.
    Only when the clause between the two counts says nothing but the fixing on the spot (当场整改,
    现场督促整改火灾隐患), the count before is one of things found (发现, 查出, 排查隐患), in the same
    unit and not smaller. A fixing said without 当场 or 现场 (督促整改火灾隐患1665处, which a report
    may count with re-checks and make bigger than what it found) stays a count of its own.
    """
    if not _count_right_before(doc, i, _ON_THE_SPOT):
        return None
    return i - 1 if _FOUND.search(doc.contexts[i - 1].pre) else None


def _valid_of_calls(doc: Reading, i: int) -> int | None:
    """The count of all calls right before figure ``i`` when ``i`` counts the valid (or void) ones of them.

    去年县110接听来电9万余起，有效报警近3万起: a 110 report says how many calls came in, then how many
    of them were valid, often with no 其中; the valid calls are some of all the calls. Only when the
    clause between says nothing but the valid or void calls (有效报警, 无效警情), the count before is
    one of calls (报警, 警情, 接警, 呼入, 来电), in the same unit and bigger.
    """
    if not _count_right_before(doc, i, _VALID_CALLS, bigger=True):
        return None
    return i - 1 if _CALLS.search(doc.contexts[i - 1].pre) else None


#: The clause between a count of all calls and the count of the valid or void ones (，有效接警;
#: ，其中有效报警为; ，无效警情), as the text reads once folded to simplified characters.
_VALID_CALLS = compile_pattern(
    r"\s*[，,]\s*(?:有效|无效)(?:报警|警情|接警|接处警|来电)(?:量|数)?(?:为|达)?\s*"
)
#: The words that make a count one of calls to a 110 desk (接报警, 接报警情, 总呼入量, 接听来电).
_CALLS = compile_pattern(r"报警|警情|接警|呼入|来电|话务")


#: The clause between a count of faults found and the count of those fixed at once (，当场整改;
#: ，现场督促整改火灾隐患; ，均当场责令改正).
_ON_THE_SPOT = compile_pattern(
    r"\s*[，,]\s*(?:并|均|已)?(?:当场|现场|立即)(?:督促|责令)?(?:整改|改正|纠正|消除|排除)(?:了)?"
    r"(?:各类|各种)?(?:火灾|安全|消防)?(?:隐患|问题)?\s*"
)
#: The words that make a count one of things a check found (发现火灾隐患, 排查出问题, 查出, 排查隐患);
#: not places gone through (排查门店40处).
_FOUND = compile_pattern(r"发现|查出|检查出|查找出|查摆出|排查出?[^，,。；;\d]{0,6}?(?:隐患|问题)")


#: A bare comma between a count and the next clause's opening count.
_CLAUSE_COMMA = compile_pattern(r"\s*[，,]\s*")
#: 为 / 為 / 是 right after a count, naming what those counted are (5宗为致命事故), not a rate (为5%).
_SAID_TO_BE = compile_pattern(
    r"\s*(?:为|為|属于|屬於)(?=\p{Han})(?!\p{Han}{0,3}[\d〇零一二两三四五六七八九十百千万])"
)


#: The words between a count and one of its parts framed by 中 (52起较大火灾中有33起, 86名吸毒人员中，12名,
#: 在这40名人员中还有9名, also right after the measure word: 62件中又有9件), or those of them said done
#: right after the 中 (N项举措中已落实M项).
_FRAMED_BY = compile_pattern(
    r"[^，,。；;：:！？!?\d\n]{0,12}?(?:中|当中|當中)"
    r"(?:[还也又]有|有|的|[，,]|已经?(?:部署)?(?:实施|完成|落实|办结|整改|兑现|解决)了?)?\s*"
)


#: The words between a count of items framed by 中 and a comma and the count of those of them done
#: (余下20项中，截至11月已完成15项; 24项惠民工程中不列考核，按季推进的有4项): the 中 closes the
#: count's phrase, what follows the comma says what some of them are, ending on a verb of done or on 有 or
#: 的 (因超速引发的31起): not on a verb the count is the object of (…路口中，对386个路口…) or a new level
#: (14个派出所中排名第一，…增加到6个). No stop or other comma between, and (the figures being consecutive)
#: no figure: a date's digits may stand there (截至11月).
_FRAMED_THEN = compile_pattern(
    r"[^，,。；;：:！？!?\d\n]{0,12}?(?:中|当中|當中)[^，,。；;：:！？!?\d\n]{0,10}?[，,]\s*[^，,。；;：:！？!?\n]{0,16}?"
    r"(?:已?完成了?|已?办结了?|已?建成了?|有|的)\s*"
)
#: The rest of a whole, said right before a count (其余20项, 剩下5个): the same whole as the part before.
_REST_OF = compile_pattern(r"(?:其余|其餘|其他|剩余|剩餘|剩下)的?\s*$")


def _framed_then_done(doc: Reading, i: int) -> int | None:
    """The count right before figure ``i`` that a 中 and a comma frame (余下20项中，…已完成15项), if any.

    Only a count of the same unit, not smaller, none a change: the items done are some of those counted.
    """
    return i - 1 if _count_right_before(doc, i, _FRAMED_THEN) else None


def _rest_of_whole(doc: Reading, out: Sequence[int | None], i: int) -> int | None:
    """The whole of the part before figure ``i`` when ``i`` counts the rest of it (其余20项, 剩下5个).

    24项中…按季推进的有4项，其余20项: the 20 are the rest of the 24, as the 4 are part of them. Only
    when the part right before is of the same measure (7名伤者，其中2人…。其余5名) and the whole not
    smaller than ``i``.
    """
    if i == 0 or out[i - 1] is None or not _REST_OF.search(doc.contexts[i].pre[-8:]):
        return None
    whole = out[i - 1]
    assert whole is not None
    before, rec, total = doc.records[i - 1], doc.records[i], doc.records[whole]
    if measure_of(before.unit) != measure_of(rec.unit) or measure_of(total.unit) != measure_of(rec.unit):
        return None
    if size_of(total) < size_of(rec) or rec.unit in SHARE_UNITS:
        return None
    if doc.changes[i].relative or doc.changes[i - 1].relative:
        return None
    return whole


def _breakdown_goes_on(
    doc: Reading, out: Sequence[int | None], markers: Sequence[int | None], i: int, pairs_only: bool = False
) -> tuple[int, int | None] | None:
    """The whole of figure ``i`` when its sentence goes on with the items of a 其中 sentence before it.

    事故52起，死亡40人。其中，化工行业事故18起，死亡15人。建材行业事故9起，死亡8人。: the second
    sector's sentence names its kind like the first (…行业事故) with no breakdown word of its own, and
    breaks down the same totals; each figure takes the whole of the figure of the sentence before in
    the same unit naming the same casualty (死亡), when that one is a part (or whose whole names this
    figure's casualty). A semicolon ends such a sentence too. The sentence before opens with 其中 or
    a lead (see `_goes_on_with_lead`), or goes on so itself; one opening with 其次 names the next ranks
    of that breakdown whatever its words; otherwise, after 其中, its first figure's words end
    like those of this sentence's first figure in the last three characters (业事故: a kind of one
    kind of name), and say more than those;
    a sentence of another deed or period (全年查处酒驾违法2100起 after 其中，超速违法…) says other
    words. With ``pairs_only`` the sentence says a 分别 (其次是A和B，分别为…), and only one opening with
    其次 goes on. Returns the whole and the marker of the breakdown it goes on with.
    """
    cands, contexts, text = doc.cands, doc.contexts, doc.text
    if doc.changes[i].relative:
        return None
    start = contexts[i].sentence_start
    first = bisect.bisect_left(cands, start, key=start_of)
    # 其中：⏎甲…；⏎乙…。⏎丙…: items each on a line of their own end at the mark before the line break
    ended = _end_of_item_before(text, start)
    if first == 0 or text[ended - 1 : ended] not in _ITEM_ENDS or cands[first - 1].start < start - WINDOW:
        return None
    if text[ended - 1 : ended] != "。" and _says_its_own_breakdown(doc, ended):
        return None  # 其中汽车…；摩托车…: past the semicolon of a 其中 sentence, `statx.semicolons` reads it
    before = contexts[first - 1].sentence_start
    head = bisect.bisect_left(cands, before, key=start_of)
    marker = markers[head]
    if (
        text[ended - 1 : ended] == "。"
        and (outer := _item_of_outer_list(doc, out, markers, ended)) is not None
    ):
        head, marker = outer
    elif (marker is None or out[head] is None) and text[
        (before_end := _end_of_item_before(text, before)) - 1 : before_end
    ] in ("；", ";"):
        # 其中：甲发生2起…；乙发生1起…。丙发生1起: the clause before is an item past a semicolon, whose
        # whole `statx.semicolons` reads later; the list's first item, before the semicolons, has it
        head = bisect.bisect_left(
            cands, last_end(FULL_STOP_BACK, text, before, max(0, before - WINDOW)), key=start_of
        )
        marker = markers[head]
    if marker is None or out[head] is None:
        return None
    own, theirs = _bare_words(contexts[first].pre), _bare_words(contexts[head].pre)
    if _NEXT_RANKED.match(text, start):
        pass  # 其次是A和B，分别为…: the next ranks of the grouping the sentence before ranked first
    elif pairs_only:
        return None  # a 分别 of a sentence of its own pairs its names with figures, going on nothing
    elif _opens_with_qizhong(text, marker):
        if _sector_then_occurred(
            own, theirs, text[max(start, cands[first].start - WINDOW) : cands[first].start]
        ):
            pass  # 其中：甲行业发生8起，…。乙运输发生5起: each names its sector, then the verb the first said
        elif len(own) < 4 or own[-3:] != theirs[-3:] or theirs.endswith(own):
            return None
    elif not _goes_on_with_lead(
        doc, marker, own, theirs, text[max(start, cands[first].start - WINDOW) : cands[first].start]
    ):
        return None
    casualty, unit = casualty_word(doc, i), doc.records[i].unit
    for g in range(head, first):
        rg = doc.records[g]
        if rg.unit != unit or doc.changes[g].relative:
            continue
        whole = out[g]
        # …死亡9人；渔业船舶发生3起，死亡和失踪13人: a casualty the item before did not name is still
        # a part of the total that names it (死亡和失踪86人)
        if casualty_word(doc, g) != casualty and (whole is None or not _names_casualty(doc, whole, casualty)):
            continue
        if whole is None or size_of(doc.records[whole]) < size_of(doc.records[i]):
            return None
        return whole, marker
    return None


#: The verb of events said right before an item's count after the sector's own name (甲行业发生N起).
_OCCURRED = "发生"


def _sector_then_occurred(own: str, theirs: str, opening: str) -> bool:
    """Whether an item names a sector of its own and then says 发生 as the 其中 item before it did.

    其中：化工企业发生8起，死亡30人。水路运输发生12起，死亡50人: the sectors are named unlike each other,
    but both say the events' verb right before the count, so the second goes on the first's breakdown,
    as after a lead (`_goes_on_with_lead`); a period or a total before the count (全年共发生…) starts
    something else.
    """
    if not (own.endswith(_OCCURRED) and theirs.endswith(_OCCURRED)):
        return False
    if len(own) < len(_OCCURRED) + 2 or theirs.endswith(own):
        return False
    return _NEW_COUNT_WORDS.search(opening) is None


def _item_of_outer_list(
    doc: Reading, out: Sequence[int | None], markers: Sequence[int | None], end: int
) -> tuple[int, int] | None:
    """The first item of the outer list when the sentence ending at ``end`` closed a list nested in an item.

    其中：甲类发生13起…。其中：子类一发生9起…；子类二发生1起…。乙类发生18起: the full stop after the nested
    items (parts of a part, opened by a 其中 or an among-clause after the part they break down) closes
    them; the next sentence is the outer list's next item, so it is compared with the item the nested
    list broke down. Returns that item and its breakdown's marker.
    """
    cands, text = doc.cands, doc.text
    opening = last_end(FULL_STOP_BACK, text, end - 2, max(0, end - WINDOW))
    head = bisect.bisect_left(cands, opening, key=start_of)
    if head >= len(cands) or cands[head].start >= end:
        return None
    whole, marker = out[head], markers[head]
    if whole is None or whole > head or out[whole] is None:
        return None
    nested = marker is not None and _opens_with_qizhong(text, marker) and marker >= cands[whole].end
    # 甲类发生27起…。甲类中：⏎子类一发生19起…；⏎子类二发生5起…。⏎乙类发生3起: a nested list under a clause
    # that names its item again (`_among_line_above`) closes alike
    if not nested and _among_line_above(text, opening, max(0, opening - WINDOW)) is None:
        return None
    outer = bisect.bisect_left(cands, doc.contexts[whole].sentence_start, key=start_of)
    marker = markers[outer]
    if outer > whole or marker is None or out[outer] is None:
        return None
    return outer, marker


def _opens_with_qizhong(text: str, marker: int) -> bool:
    """Whether the breakdown at ``marker`` is a 其中, or the colon right after one (其中：甲…)."""
    if text.startswith(_QIZHONG, marker):
        return True
    return text[marker : marker + 1] in (":", "：") and text[max(0, marker - 2) : marker] in _QIZHONG


def _names_casualty(doc: Reading, w: int, casualty: str | None) -> bool:
    """Whether figure ``w``'s own words name ``casualty``, among others (死亡和失踪52人 names both)."""
    if casualty is None:
        return casualty_word(doc, w) is None
    ctx = doc.contexts[w]
    return casualty in ctx.pre.rstrip()[-6:] or casualty in ctx.post[:4]


#: What ends the sentence of an item that the next sentence may go on from: a full stop, or a semicolon
#: between two sectors of a sentence that itself goes on (…死亡8人；冶金行业事故3起…).
_ITEM_ENDS = ("。", "；", ";")


def _end_of_item_before(text: str, start: int) -> int:
    """Where the item before a sentence starting at ``start`` ends: past its mark, before a line break.

    A list set out one item a line (其中：⏎甲发生5起…；⏎乙发生4起…。⏎丙…) ends each item with its mark
    and then breaks the line; the mark, not the break, says whether the item closed a sentence.
    """
    end = start
    while end > max(0, start - 8) and text[end - 1] in _LINE_SPACE:
        end -= 1
    if end < start and NUMBERED_LINE.match(text, start):
        return start  # 。⏎二、…: a numbered line opens a section of its own, going on no list above
    return end


#: Spaces and line breaks that may stand between an item's closing mark and the next item's line.
_LINE_SPACE = frozenset(" \t\r\n\u3000")

#: A count ranked first with the next ranks after it (710件居冠，其次为…; 710件最多，…次之).
_FIRST_THEN_NEXT = compile_pattern(
    r"\s?(?:居冠|居首|最多|最高|为最|排名第一|排第一)[，,]\s*(?:其次|[^，,。；;\n]{1,16}?次之)"
)


def _ranked_first_then_next(doc: Reading, i: int, sentence_start: int) -> bool:
    """Whether the sentence of figure ``i`` opens on a count ranked first with the next ranks after it.

    警方统计今年受理盗窃案甲分局710件居冠，其次为乙分局530件: the sentence ranks the parts of a total
    said before it, as one opening on 其中 would break it down: the first count and the next ranks are
    its parts. A count ranked so after another in its sentence (共4415件，以甲710件最多) is left to
    `_ranking_opened`.
    """
    first = bisect.bisect_left(doc.cands, sentence_start, key=start_of)
    return first <= i and _FIRST_THEN_NEXT.match(doc.text, doc.cands[first].end) is not None


#: What opens a sentence naming the next ranks of a breakdown after its first (其次是…, 其次为…).
_NEXT_RANKED = compile_pattern(r"\s*其次(?:是|为|為)?")

#: The breakdown words that open a sentence of items (其中，…).
_QIZHONG = ("其中", "当中", "當中")


def _goes_on_with_lead(doc: Reading, marker: int, own: str, theirs: str, opening: str) -> bool:
    """Whether a sentence whose first figure says ``own`` goes on with the items a lead at ``marker`` opened.

    在今年发生的较大事故中，建筑施工发生6起，死亡24人。危化品企业发生1起，死亡3人: the lead (see
    BREAKDOWN_LEAD in rules/semantics.yaml) names the events, and each sector after it names itself
    and the verb the first item said (发生), so sectors named unlike each other (…施工, …企业) go on.
    A sentence that names a period, a time or a total instead (全年共发生…, 累计发生…, 夜间20时后发生…)
    or looks at the total another way (从时段看，…) before its first figure (``opening``) starts
    something else.
    """
    if doc.lex.breakdown_lead.match(doc.text, marker) is None:
        return False
    if len(own) < 3 or own[-2:] != theirs[-2:] or theirs.endswith(own):
        return False
    return _NEW_COUNT_WORDS.search(opening) is None


def _says_its_own_breakdown(doc: Reading, semicolon_end: int) -> bool:
    """Whether the sentence of the semicolon ending at ``semicolon_end`` says a breakdown word or lead."""
    text, lex = doc.text, doc.lex
    full = last_end(FULL_STOP_BACK, text, semicolon_end, max(0, semicolon_end - WINDOW))
    return bool(lex.breakdown.search(text, full, semicolon_end) or lex.breakdown_lead.match(text, full))


#: Words of a sentence that counts anew rather than naming the next item: a period or a total.
_NEW_COUNT_WORDS = compile_pattern(r"[年月季周日时]|共|累计|合计|总|全|其中|另|此外|同时|看|观察")


def _first_item_left_whole(
    doc: Reading, out: Sequence[int | None], i: int, lead_end: int, start: int
) -> bool:
    """Whether the lead's first clause, before item ``i``'s semicolon, holds a first item with no whole.

    从区域看，发生较大事故的镇共有4个，分别是：甲镇3起；乙镇2起: the clause after the lead turned to a
    count of its own (4个) and its list's first item (3起) is no part of the total before the lead; an
    item past the semicolon is that list's next one, no part either. Only a count of ``i``'s measure,
    no change, between the lead's end and the semicolon.
    """
    measure = measure_of(doc.records[i].unit)
    for f in range(bisect.bisect_left(doc.cands, lead_end, key=start_of), i):
        if doc.cands[f].start >= start:
            return False
        if doc.changes[f].relative or measure_of(doc.records[f].unit) != measure:
            continue
        return out[f] is None
    return False


def _part_of_kind_named(doc: Reading, out: Sequence[int | None], i: int, lo: int) -> int | None:
    """The part of a breakdown whose kind a clause of ``i``'s sentence names before 中, if any.

    火灾300起，其中电气类火灾120起、用火不慎60起，电气火灾中，线路故障引发90起；设备故障引发20起: the
    clause names again the kind of a part said earlier in the sentence (with or without its 类), and
    the counts after it, up to the sentence's end, break that part down, not the total. Only a part
    (a count that found a whole itself), of the item's measure and not smaller, whose own words hold
    the kind; the clause stands between it and the item.
    """
    text, cands, records = doc.text, doc.cands, doc.records
    start = cands[i].start
    if records[i].unit in SHARE_UNITS or doc.changes[i].relative or text.find("中", lo, start) < 0:
        return None  # (asked of every figure: the 中 a clause must end on is looked for first)
    full = last_end(FULL_STOP_BACK, text, start, lo)
    clauses = list(_KIND_NAMED_AGAIN.finditer(text, full, start))
    if not clauses:
        return None
    clause = clauses[-1]  # the nearest kind named before the item
    kind = clause.group("kind").replace("类", "")
    part, measure = size_of(records[i]), measure_of(records[i].unit)
    for j in range(i - 1, -1, -1):
        if cands[j].start < full:
            break
        if cands[j].end > clause.start() or doc.changes[j].relative or out[j] is None:
            continue
        rj = records[j]
        if (
            measure_of(rj.unit) == measure
            and size_of(rj) >= part
            and kind in doc.contexts[j].pre.replace("类", "")
        ):
            return j
    return None


#: A clause naming a kind before 中 (，电气火灾中，; ，电气类火灾中，): three to eight characters after a
#: clause mark, no digit, so a count's own frame (265起火灾中) is none.
_KIND_NAMED_AGAIN = compile_pattern(r"(?<=[，,；;])\s*(?P<kind>\p{Han}{3,8}?)(?:中|当中)\s*[，,]")


def _frame_right_before(doc: Reading, i: int) -> int | None:
    """The count right before figure ``i`` whose things 中 frames (N起较大火灾中有M起), if any.

    全年发生较大火灾52起，农村火灾比重高于城市，52起较大火灾中有33起发生在农村: the 33 are some of the
    52 named right before them, not of the year's fires that an earlier 其中 of the sentence broke
    down. Only a count of the same measure, not smaller, not a change, with nothing but its things
    and 中 (有) between.
    """
    return i - 1 if _count_right_before(doc, i, _FRAMED_BY, same_unit=False) else None


def _count_right_before(
    doc: Reading, i: int, between: regex.Pattern[str], *, same_unit: bool = True, bigger: bool = False
) -> bool:
    """Whether figure ``i - 1`` is a count that figure ``i`` can be some of, with only ``between`` after it.

    Neither is a change or a baseline, ``i`` is no share, both count in the same unit (or only the
    same measure, without ``same_unit``), and ``i - 1`` is not smaller (strictly bigger with
    ``bigger``); the words from the end of ``i - 1`` to ``i`` are all a match of ``between``.
    """
    if i == 0 or doc.changes[i].relative or doc.changes[i - 1].relative:
        return False
    before, rec = doc.records[i - 1], doc.records[i]
    alike = before.unit == rec.unit if same_unit else measure_of(before.unit) == measure_of(rec.unit)
    if not alike or rec.unit in SHARE_UNITS:
        return False
    if size_of(before) < size_of(rec) or (bigger and size_of(before) == size_of(rec)):
        return False
    return between.fullmatch(doc.text, doc.cands[i - 1].end, doc.cands[i].start) is not None


def _after_a_total(doc: Reading, j: int, i: int, lo: int) -> bool:
    """Whether count ``j``'s sentence says, a semicolon before it, a count of ``i``'s measure not smaller.

    全年处置火灾2.4万起，死亡61人；处置较大火灾5起。其中，…引发火灾7100起: the 5 follow the total of
    their sentence past a semicolon, a detail of it; the 其中 opening the next sentence breaks the total
    down. Not a sibling in a list (共立非法经营19起、组织赌博11起。其中网上实施的17起: of both) nor a
    count of a comma's clause (…隐患4.12万处，…，临时查封187处。其中，排查…场所8623处: not of the hazards).
    """
    records, rc, text = doc.records, doc.records[i], doc.text
    full = last_end(FULL_STOP_BACK, text, doc.cands[j].start, lo)
    semicolon = last_end(SEMICOLON_BACK, text, doc.cands[j].start, full)
    if semicolon <= full:
        return False
    for k in range(j - 1, -1, -1):
        if doc.cands[k].start < full:
            return False
        rk = records[k]
        if (
            not doc.changes[k].relative
            and measure_of(rk.unit) == measure_of(rc.unit)
            and size_of(rk) >= size_of(rc)
        ):
            return doc.cands[k].end < semicolon
    return False


def _breakdown_said_before(doc: Reading, i: int, lo: int) -> tuple[int, int] | None:
    """Where the sentence before figure ``i``'s opens, and its 其中, when that sentence holds no figure.

    全年接报火灾8.1万起…。其中，冬春季节火灾居多。因电气故障引发火灾2.2万起，因用火不慎引发1.9万起:
    the 其中 opens a breakdown whose first sentence only sums it up; its figures follow in the next
    sentence, which the 其中 still governs. Only the sentence right before, and only one with no
    figure of its own; and not for a count that frames a breakdown of its own (…。而被处罚的530名
    驾驶人中，…: the drivers are the whole of what follows, no kind of the total before).
    """
    text = doc.text
    if _FRAMES_ITS_OWN.match(text, doc.cands[i].end):
        return None
    found = _countless_sentence_up(doc, i, lo)
    if found is None or text.find("；", found[1], doc.cands[i].start) >= 0:
        return None
    before, full = found
    m = OPENS_BREAKDOWN.match(text, before, full)
    return (before, m.end() - 2) if m is not None else None


#: The words right after a count that frame it as the whole of what follows (530名驾驶人中，…).
_FRAMES_ITS_OWN = compile_pattern(r"[^，,。；;：:\d\n]{0,12}?(?:当中|中)\s*[，,]")


def _lead_said_before(doc: Reading, i: int, lo: int) -> regex.Match[str] | None:
    """A grouping lead opening the sentence before figure ``i``'s, when that sentence holds no figure.

    从起火原因看，吸烟、电气…是主要原因。吸烟引发N起，占X%；电气引发M起，占Y%: the lead's own sentence
    only names the main kinds; its counts follow in the next one, each item past a semicolon too.
    """
    found = _countless_sentence_up(doc, i, lo)
    return None if found is None else doc.lex.breakdown_lead.match(doc.text, found[0], found[1])


def _countless_sentence_up(doc: Reading, i: int, lo: int) -> tuple[int, int] | None:
    """Where the full sentence before figure ``i``'s starts and ends, when it holds no figure.

    Only the sentence right before, ended by 。, and starting after ``lo``.
    """
    text, cands = doc.text, doc.cands
    full = last_end(FULL_STOP_BACK, text, cands[i].start, lo)
    if text[full - 1 : full] != "。":
        return None
    before = last_end(FULL_STOP_BACK, text, full - 1, lo)
    k = bisect.bisect_left(cands, full, key=start_of)  # the first figure of the figure's own sentence
    if before <= lo or (k and cands[k - 1].end > before):
        return None  # the sentence before holds a figure: a breakdown of its own
    return before, full


def _run_before(doc: Reading, out: Sequence[int | None], i: int, marker: int) -> int | None:
    """The whole of the figure right before ``i`` in one run of figures after ``marker`` (131名、102名).

    分别 pairs a list of names with a run of figures of one unit: they are parts of one whole, which
    the run's first figure found, though the later ones stand further from it than other counts of
    their measure (发动平安志愿者8600余人 after 网格员1502名 is no whole of 102名).
    """
    if i == 0 or doc.cands[i - 1].start < marker or doc.records[i - 1].unit != doc.records[i].unit:
        return None
    if doc.text[doc.cands[i - 1].end : doc.cands[i].start].strip(LIST_JOINS + "，,"):
        return None
    return None if doc.changes[i - 1].relative else out[i - 1]


#: Names joined by 、 和 及 与, with their count and the kind of unit they name after them (板桥、来宾、
#: 虹桥3个派出所, 城关、河口、白沙中队, 麒麟区、沾益区), all that stands before a 分别; not kinds of a
#: deed (查处饮酒驾驶、醉酒驾驶分别为315起、97起).
_NAMES_ONLY = compile_pattern(
    r"\s*(?:\p{Han}{1,8}[、和及与])+\p{Han}{1,8}?(?:[0-9两二三四五六七八九十]{1,2}个)?\p{Han}{0,3}?"
    r"(?:派出所|中队|大队|支队|分局|警务室|站|所|县|区|市|镇|乡|街道|社区|村)"
)
#: The blanks of a paragraph's indent closing the text before a sentence (⏎ 其中, ⏎　　其中).
_INDENT_BACK = compile_pattern(r"[ \t\u3000]+$")


def _whole_named_again(doc: Reading, i: int, lo: int) -> int | None:
    """The total that a clause of ``i``'s sentence names again as what ``i`` is among, if any.

    在抓获的违法犯罪嫌疑人中，刑事犯罪嫌疑人386名; 全年新增的停车泊位中，…共享泊位3200个; 从警情类别看，
    有效警情中，纠纷类警情7426起: the clause says the figures after it are among the things a total
    counted, by that total's own words (抓获各类违法犯罪嫌疑人1127名, 新增停车泊位2.36万个, 形成有效警情
    8.94万起), which may stand sections up. The total is the nearest earlier figure of the item's
    measure, not smaller, whose own words end with the noun (and hold the verb, if the clause says
    one); it is looked for among the last `NAMED_BACK` figures, the clause only in the sentence.
    The item's own words say the noun's last two characters again, unless it counts people.

    >>> from statx import extract_text
    >>> text = "新增停车泊位2.36万个。\\n\\n## 停车难有了新解法\\n\\n全年新增的停车泊位中，共享泊位3200个。"
    >>> {r.text: r.parent for r in extract_text(text)}["3200个"]
    '2.36万个'
    """
    text, cands, records = doc.text, doc.cands, doc.records
    start = cands[i].start
    if text.find("中", lo, start) < 0:
        return None  # most figures: no clause of the kind within reach, and no search for one
    begin = last_end(FULL_STOP_BACK, text, start, lo)
    clauses = list(_AMONG.finditer(text, begin, start))
    if clauses:
        clause = clauses[-1]  # the nearest: 从类别看，有效警情中，…
    elif (above := _among_line_above(text, begin, lo)) is not None:
        clause = above
    else:
        return None
    verb, noun = clause.group(1) or "", clause.group(2)
    kinds_follow = False
    if (det := _ALL_OF.match(noun)) is not None:
        # 在各类案件中 / 这些警情中 say the total's noun after a word for all of them (立刑事案件500起):
        # the noun alone is what the total's words end with; and a short name right after the clause
        # is the item's kind (在各类警情中，灭火2100起), which need not say the noun again
        noun = noun[det.end() :]
        kinds_follow = _KIND_NAME.fullmatch(text, clause.end(), start) is not None
    part, measure = size_of(records[i]), measure_of(records[i].unit)
    # the item names the same thing (新增泊位9400个 among 停车泊位, not 建设公共停车场38个), or a kind of
    # person among people (治安违法人员741名 among 违法犯罪嫌疑人), or says only that some of them
    # happened there (在发生的较大事故中，建筑业发生4起: a trade's share of the events counted)
    own_pre = doc.contexts[i].pre
    if (
        measure != "人"
        and not kinds_follow
        and noun[-2:] not in own_pre
        and not own_pre.rstrip().endswith(("发生", "發生"))
    ):
        return None
    for j in range(i - 1, max(-1, i - 1 - NAMED_BACK), -1):
        if cands[j].end > clause.start() or doc.changes[j].relative:
            continue
        rj = records[j]
        if measure_of(rj.unit) != measure or size_of(rj) < part:
            continue
        own = _UNWRAPPED.sub("", doc.contexts[j].pre)
        if own.endswith(_CALLS_AGAIN.get(noun[-2:], noun[-2:])):
            own = own[:-2] + noun[-2:]  # 有效报警3200起。有效警情中，…: a 110 report's calls by either name
        if own.endswith(_OCCURRED):
            own = own[: -len(_OCCURRED)]  # 工矿商贸企业发生27起。工矿商贸企业中：…: a sector's events
        if own.endswith(noun) and verb[-2:] in own[: -len(noun)]:
            return j
        # the total said with its noun before the verb (涉黑逃犯已到案N名 … 到案的涉黑逃犯中，有M名):
        # the same things, the words in the other order
        if len(verb) >= 2 and own.endswith(verb[-2:]) and noun in own[-(len(noun) + len(verb) + 4) :]:
            return j
    return None


def _partner_of_named(doc: Reading, out: Sequence[int | None], named: set[int], i: int) -> int | None:
    """The count said with an item's whole, in ``i``'s measure and words, when ``i`` follows that item.

    工矿商贸企业发生27起，死亡416人。工矿商贸企业中：⏎煤矿企业发生19起，死亡299人: the events are
    among those the clause names again (`_whole_named_again`); the deaths said after them in their
    sentence are among the deaths said after the whole in its own, by the same word (死亡).
    """
    k = i - 1
    if k < 0 or k not in named or (whole := out[k]) is None or doc.changes[i].relative:
        return None
    partner = whole + 1
    records, contexts = doc.records, doc.contexts
    if partner >= k or measure_of(records[i].unit) == measure_of(records[k].unit):
        return None
    if contexts[i].sentence_start != contexts[k].sentence_start:
        return None
    if contexts[partner].sentence_start != contexts[whole].sentence_start or doc.changes[partner].relative:
        return None
    if measure_of(records[partner].unit) != measure_of(records[i].unit):
        return None
    if size_of(records[partner]) < size_of(records[i]):
        return None
    own, theirs = (_UNWRAPPED.sub("", contexts[x].pre).lstrip("，,、") for x in (i, partner))
    return partner if own and own == theirs else None


def _among_line_above(text: str, begin: int, lo: int) -> regex.Match[str] | None:
    """The among-clause ending a line above the line at ``begin``, over the lines of its list.

    工矿商贸企业发生27起。工矿商贸企业中：⏎煤矿企业发生19起；⏎建筑企业发生5起。⏎火灾事故发生3起: the
    clause ends its line with a colon and the items stand one a line below it, each ending on a
    semicolon until the last one's full stop; a line past that full stop is no item of the clause.
    """
    at = begin
    while at > lo:
        end = at
        while end > lo and text[end - 1] in _LINE_SPACE:
            end -= 1
        if end in (at, lo) or "\n" not in text[end:at]:
            return None  # the line at ``at`` goes on a sentence, or nothing stands above it
        line_start = max(lo, text.rfind("\n", lo, end) + 1)
        if text[end - 1] in "：:":
            clauses = list(_AMONG.finditer(text, line_start, end))
            return clauses[-1] if clauses and clauses[-1].end() == end else None
        if text[end - 1] not in "；;":
            return None
        at = line_start
    return None


#: A word for all of a total's things before its noun in an among-clause (在各类案件中, 这些警情中), leaving
#: at least two characters of noun.
_ALL_OF = compile_pattern(r"(?:各类|各种|所有|全部|这些|上述)(?=\p{Han}{2})")
#: A kind's short name alone between an among-clause and the item's number (在各类警情中，灭火2100起).
_KIND_NAME = compile_pattern(r"\s*\p{Han}{2,6}\s*")
#: The other name of the calls a 110 report counts (有效报警 and 有效警情 are the same calls).
_CALLS_AGAIN = {"警情": "报警", "报警": "警情"}
#: How many items of a run `_next_item_named_again` sums back over (a bound, not a list's length).
_RUN_BACK = 64
#: What stands between two items of a list of kinds: a comma or 、 and the next kind's short name.
_NEXT_KIND = compile_pattern(r"\s*[，,、]\s*\p{Han}{1,6}\s*")


def _next_item_named_again(doc: Reading, out: Sequence[int | None], named: set[int], i: int) -> int | None:
    """The whole of the item before ``i`` when ``i`` goes on its list naming only its own kind.

    有效警情中，刑事类警情44起，治安类警情125起，纠纷334起，举报投诉27起: the first items say the
    noun of the clause again (`_whole_named_again`); the later ones name only the kind (纠纷), right
    after the item before, in its unit, with a short name and nothing else between. The parts so far
    may not sum to more than the whole.
    """
    k = i - 1
    if k < 0 or k not in named or (whole := out[k]) is None or doc.changes[i].relative:
        return None
    rec, cands = doc.records[i], doc.cands
    if rec.unit != doc.records[k].unit or is_rate(doc, i):
        return None
    if _NEXT_KIND.fullmatch(doc.text, cands[k].end, cands[i].start) is None:
        return None
    parts, j = size_of(rec), k
    while j > max(whole, k - _RUN_BACK) and j in named and out[j] == whole:  # the run back to the first
        parts += size_of(doc.records[j])
        j -= 1
    return whole if parts <= size_of(doc.records[whole]) * (1 + 1e-9) else None


#: A clause opening with a kind (…110类有效报警中，; 刑事类警情中的…): the 2-3 characters before 类 name
#: it (110类, 刑事类), so the words after may differ from the count's (有效报警 and 报警, 警情 and 报警).
_KIND_AMONG = compile_pattern(
    r"(?:\G|(?<=[。！？!?；;，,：:\n）)]))[^，,。；;：:\n]{0,6}?"
    r"(?P<kind>[\p{Han}0-9]{2,3}类)\p{Han}{0,6}?(?:中|当中|當中)(?:的|\s*[，,])"
)


def _whole_of_named_kind(doc: Reading, i: int, lo: int) -> int | None:
    """The count of a kind that a clause of ``i``'s sentence, or of the one before, says ``i`` is among.

    其中110类报警3960起…。⏎二、十月110类有效报警中，刑事类报警240起…；治安类报警580起: the clause names
    the kind (110类) of a count said before it (其中110类报警3960起), which the figures after it break down,
    though a nearer count of the measure (122类报警910起) stands between; 刑事类警情中，诈骗居首位。
    全月受理诈骗类报警150起 reaches the sentence after too, when it says no figure itself. The
    whole is the nearest count before
    the clause, among the last `NAMED_BACK` figures, of the item's measure, not smaller, whose own
    words say the kind.
    """
    text, cands, records = doc.text, doc.cands, doc.records
    start = cands[i].start
    if text.find("类", lo, start) < 0 or records[i].unit in SHARE_UNITS or is_rate(doc, i):
        return None  # most figures: no kind said within reach
    full = last_end(FULL_STOP_BACK, text, start, lo)
    before = last_end(FULL_STOP_BACK, text, full - 1, lo)
    first = bisect.bisect_left(cands, full, key=start_of)  # the first figure of the sentence
    if first and cands[first - 1].end > before:
        before = full  # the sentence before has figures of its own: what it says is about them
    clauses = list(_KIND_AMONG.finditer(text, before, start))
    if not clauses:
        return None
    clause = clauses[-1]
    kind, part, measure = clause.group("kind"), size_of(records[i]), measure_of(records[i].unit)
    for j in range(i - 1, max(-1, i - 1 - NAMED_BACK), -1):
        if cands[j].end > clause.start() or doc.changes[j].relative or is_rate(doc, j):
            continue
        rj = records[j]
        if measure_of(rj.unit) == measure and size_of(rj) >= part and kind in doc.contexts[j].pre:
            return j
    return None


#: A clause saying the figures after it are among the things named (在抓获的违法犯罪嫌疑人中，; 全年新增的
#: 停车泊位中，; 有效警情中，): an optional verb before 的, and the noun of three or more characters.
_AMONG = compile_pattern(
    r"(?:\G|(?<=[。！？!?；;，,：:\n]))\s*在?(?:(\p{Han}{1,6}?)的)?(\p{Han}{3,10}?)(?:中|当中|當中)\s*[，,：:]"
)
#: Markup and blanks around a figure's own words (**抓获各类违法犯罪嫌疑人**).
_UNWRAPPED = compile_pattern(r"[*_`\s]+")


#: A sentence that says something: two Chinese characters at least (not a heading's number alone).
_SAYS_SOMETHING = compile_pattern(r"\p{Han}{2}")


def _countless_sentence_before(doc: Reading, i: int, sentence_start: int, lo: int) -> int | None:
    """Where the sentence right before figure ``i``'s sentence starts, when it holds no figure at all.

    A 其中 opening a sentence after such a sentence (在打击养老诈骗犯罪中，全局民警主动出击。其中，…5名)
    breaks down what that sentence is about, which it does not count; the whole a sentence further up
    (涉企案件…28名) counts something else. A sentence of changes only still holds figures (与去年同期
    相比，下降12%), so the whole before it stays reachable, and so does one past a heading's number alone.
    """
    text, cands = doc.text, doc.cands
    if sentence_start - 1 <= lo or text[sentence_start - 1 : sentence_start] not in "。！？!?\n":
        return None
    start = last_end(FULL_STOP_BACK, text, sentence_start - 1, lo)
    if start <= lo or not _SAYS_SOMETHING.search(text, start, sentence_start):
        return None
    j = bisect.bisect_left(cands, sentence_start, 0, i, key=start_of) - 1  # the last one before the sentence
    if j >= 0 and cands[j].start >= start:
        return None  # a figure of its own: the usual search decides
    return start


#: The longest words between a grouping lead and the colon that presents its parts.
_PRESENTING_WORDS = 20


def _presents_parts(doc: Reading, i: int, lead_end: int, marker: int) -> bool:
    """Whether a colon at ``marker`` closes words after a grouping lead that only present its parts.

    从派出所辖区看，发案较多的地区有：甲镇4起，乙镇3起: no figure stands between the lead and the colon,
    and the words are short; the colon opens the lead's list, no breakdown of its own.
    """
    text = doc.text
    if text[marker : marker + 1] not in (":", "：") or marker - lead_end > _PRESENTING_WORDS:
        return False
    k = bisect.bisect_left(doc.cands, lead_end, key=start_of)
    return not (k < i and doc.cands[k].start < marker)


def _reach_of_siblings(
    doc: Reading, markers: Sequence[int | None], out: Sequence[int | None], i: int, marker: int, reach: int
) -> int:
    """How far back part ``i`` looks for its whole: as far as an earlier part of its breakdown found one.

    其中，生产安全事故2起（1起…、1起…）、死亡2人: the dead stand past a window from the totals a long
    sentence up (…事故共9起、亡4人…，同比（…）分别…，环比（…）分别…), which the 2起 of the same 其中
    reached; the parts of one breakdown word share its reach.
    """
    for k in range(i - 1, -1, -1):
        if markers[k] == marker and (whole := out[k]) is not None:
            return min(reach, doc.cands[whole].start)
        if doc.cands[k].end <= marker:
            break
    return reach


def _whole_before(
    doc: Reading, out: Sequence[int | None], i: int, marker: int, sentence_start: int, lo: int, by_lead: bool
) -> tuple[int | None, bool]:
    """The whole figure ``i`` breaks down after the breakdown word at ``marker``, if any.

    Also says whether the search stopped at a figure of the item's unit smaller than the item,
    which a nested 其中 leaves (the caller then tries an earlier 其中 of the sentence).
    """
    text, cands, records, changes = doc.text, doc.cands, doc.records, doc.changes
    parent: int | None = None
    smaller = False
    # the whole may stand in the sentence before only when the word opens this one
    # (其中：查处酒驾4.12万起: the colon after 其中 is the marker, and 其中 still opens the sentence)
    # an item marker before the word (⑵ 其中邻里纠纷48起, ② 其中…, 2、其中…) opens the item, not a clause
    # a bracket opening the sentence before the word (…增加4起、8人。（其中，煤矿事故4起…）) is the
    # sentence's aside on the one before: the word still opens it
    opens = not _ITEM_MARK.sub("", doc.lex.breakdown.sub("", text[sentence_start:marker])).strip(" ，,(（")
    # names alone before a 分别 open the sentence as a 其中 does (…网格1436个。板桥、来宾、虹桥3个派出所分别
    # 划分网格126个、98个、87个): the units the total is shared among; their count (3个) is no whole
    names = (
        not opens
        and text.startswith("分别", marker)
        and text[sentence_start - 1 : sentence_start] not in ("；", ";")
        and _NAMES_ONLY.fullmatch(text, sentence_start, marker) is not None
    )
    opens = opens or names
    other: int | None = None  # the nearest count before the marker in another unit (see `_other_unit_whole`)
    # the first item may break down a count in its unit and 次 (演练156场次，参演人员1.4万人次，其中县级
    # 综合演练3场; 限制高消费3.8万人次，其中3,682人): each occasion one of it; a later item in another
    # unit has moved on (…逆向行驶703起，违法改装89辆 is no part of 警车310辆次)
    first_item = i == 0 or cands[i - 1].start < marker
    # A 其中 opening a clause after a semicolon breaks down a figure of its own full sentence, not one
    # past the full stop before it (…长者约2.3万人。交通队统计,事故1462件;其中涉及长者的事故511件,长者
    # 死亡11人: the 11 deaths are no part of the 2.3万 people a sentence up). After a full stop the
    # whole may stand sentences up, past ones of changes only (火灾1862起…。与去年同期相比…。其中…).
    semicolon = opens and not by_lead and text[sentence_start - 1 : sentence_start] in ("；", ";")
    # a 其中 opening a paragraph (调解纠纷4867起，成功率96.8%。⏎其中，板桥、来宾派出所分别调解纠纷612起…),
    # after its indent if it has one (⏎⏎ 其中，… where a <p> with a space opened it)
    # reaches past the last words of the paragraph just before, as a grouping lead does (see
    # `_paragraph_just_before`), when the parts name again what that figure counts (see `_names_again`)
    heads_paragraph = (
        opens
        and not by_lead
        and _INDENT_BACK.sub("", text[max(lo, sentence_start - 8) : sentence_start]).endswith("\n")
        and _WRAP.sub("", text[max(lo, sentence_start - 40) : sentence_start]).rstrip().endswith("。")
    )
    before = last_end(FULL_STOP_BACK, text, sentence_start - 1, lo) if semicolon else lo
    # a sentence of its own topic and no count right before the 其中 one (在打击养老诈骗中，民警主动出击。
    # 其中，…抓获嫌疑人5名) is what the parts break down: a count sentences up is another whole
    countless = None
    if opens and not by_lead and not semicolon:
        countless = _countless_sentence_before(doc, i, sentence_start, lo)
    if countless is not None:
        before = max(before, countless)
    # the biggest earlier part of the item's measure after the marker: a whole is no smaller than any
    # of its parts (當中…票控25.6萬宗、1.84萬宗及9,730宗: 逾4.2萬宗 before is the whole of none of them)
    # A part counting another casualty bounds nothing (其中甲事故4起，死亡7人，受伤1人: the 7 dead are
    # no pool the 1 injured come from, so the injured total before may be smaller than 7)
    sibling = 0.0
    own_casualty = casualty_word(doc, i)
    for j in range(i - 1, -1, -1):
        p = cands[j]
        if p.end > marker:
            if (
                not changes[j].relative
                and measure_of(records[j].unit) == measure_of(records[i].unit)
                and (own_casualty is None or casualty_word(doc, j) in (None, own_casualty))
            ):
                sibling = max(sibling, size_of(records[j]))
            continue
        if names and p.start >= sentence_start:
            continue  # the count of the names
        if p.end <= sentence_start and not opens:
            break
        if p.end <= before:
            break
        if (
            p.end < sentence_start - 2
            and text[sentence_start - 1 : sentence_start] not in "。；;"
            and not _glued_stop(doc, sentence_start)
            and not _line_ends_in_rates(doc, j, i, sentence_start)
            and not ((by_lead or heads_paragraph) and _paragraph_just_before(doc, p.end, sentence_start))
            and not (
                text[sentence_start - 2 : sentence_start] in ("。\n", "；\n", ";\n")
                and _lines_of_indented_paragraph(text, p.start, sentence_start, lo)
            )
        ):
            break
        if (
            opens
            and not by_lead
            and "\n" in _WRAP.sub("", text[p.end : sentence_start].rstrip())
            and not _lines_of_indented_paragraph(text, p.start, sentence_start, lo)
            and not (heads_paragraph and _paragraph_just_before(doc, p.end, sentence_start))
        ):
            # a 其中 opening a sentence breaks down a figure of its paragraph, or of the one
            # just before when it opens a paragraph itself; never a count paragraphs up
            # (…警情9.7万起。‖二、…‖开展收网行动6轮。其中，破获盗窃案件742起: no whole)
            break
        if p.start < lo:
            break
        if changes[j].relative or closes_a_bracket(text, p.end, marker):
            continue  # a change, or an aside in a bracket closed before the marker
        rp, rc = records[j], records[i]
        if other is None and rp.unit not in SHARE_UNITS:
            other = j
        if (
            measure_of(rp.unit) == measure_of(rc.unit)
            or rc.unit in _units_named(rp)
            or (
                rp.unit == rc.unit + "次"
                and (first_item or _items_all_of(doc, out, j, i, marker) or _pair_of_pair(doc, out, j, i))
            )
        ) and rc.unit not in SHARE_UNITS:
            if _cases_of_the_people(doc, other, j, i):
                break  # 违法2.1万人次，酒驾27起，其中醉驾9人: the cases right before the 其中 are the whole
            other = -1  # a figure of the item's unit decides
            if (
                heads_paragraph
                and p.end < sentence_start - 2
                and not _names_again(doc, j, sentence_start, i)
                and not _lines_of_indented_paragraph(text, p.start, sentence_start, lo)
                and _member_of_like_casualties(doc, j, i) is None
            ):
                # before the paragraph's last words, of another count than the parts say (a PDF's
                # line wrapped after a full stop heads no paragraph: `_lines_of_indented_paragraph`)
                break
            if (
                by_lead
                and (whole := out[j]) is not None
                and size_of(records[whole]) >= size_of(rc)
                and not _lead_names_part(doc, j, marker, i)
            ):
                # 从渠道看，电话…，网络44.1万件。按类型分，咨询类…: another grouping of the same
                # total, not a breakdown of the last part of the one before
                parent = whole
            elif _list_of_another_whole(doc, out, j, i, marker):
                pass  # …检查车辆2310辆，查处违法15620起，其中超速4210起…，排查隐患车辆318辆: no part of 2310
            elif size_of(rp) >= size_of(rc) and size_of(rp) >= sibling:
                if not _breaks_down_a_list(doc, j, i):
                    # a bracket opened right on the figure (醉驾45起(夜查期间12起)) names its part: the
                    # words the part repeats (期间) are no verb of an earlier count's
                    # (酒驾320起(夜查期间96起))
                    on_bracket = marker == p.end and text[marker : marker + 1] in ("(", "[")
                    parent = j if on_bracket else _whole_of_own_verb(doc, j, i)
                    parent = _whole_of_first_opening_verb(doc, out, j, i) if parent == j else parent
                else:
                    parent = _member_of_like_casualties(doc, j, i)
            elif size_of(rp) >= size_of(rc):
                # smaller than a part before the item: the whole of none of them, unless the 其中 breaks
                # down a pair of totals (…泊位3200个，充电桩150个，其中停车位1800个、充电桩150个、
                # 停车位20个): an item named like the second total is its part, any other the first's
                if (
                    (like := _like_casualty_of_sentence(doc, j, i)) is not None
                    and like != j
                    and size_of(records[like]) >= sibling
                ):
                    # 死亡11人，受伤3人。其中…死亡7人，受伤1人，…死亡2人: the injured total nearest is
                    # another casualty's; the dead of its sentence are the dead item's whole
                    parent = like
                elif _total_of_a_pair(doc, out, j, i, marker):
                    if not _named_alike(doc, j, i):
                        continue
                    parent = j
                elif opens and not by_lead and p.end <= sentence_start and _after_a_total(doc, j, i, lo):
                    # 违法2300万起；事故9100起…。其中，无证4.1万起、醉驾7100起: the 9100 follow the total
                    # past a semicolon, as for a bigger item (below); the 7100 are the total's too
                    continue
                elif (same := whole_of_same_verb(doc, _is_part_in(out), i, marker, lo)) is not None:
                    parent = same  # 受理…780件，结案640件: past the bigger part 受理, the total 结案 names
            elif (
                opens
                and not by_lead
                and text[sentence_start - 1 : sentence_start] == "。"
                and p.end <= sentence_start
                and (whole := out[j]) is not None
                and size_of(records[whole]) >= size_of(rc)
            ):
                # 接警612起，其中火灾140起、救援380起、其他92起。其中，涉及暴雨的警情305起: a second 其中
                # sentence cuts the same total another way, past the smaller last part of the first
                parent = whole
            elif is_rate(doc, j):
                continue  # 日均受理约327件。其中…3.12万件: a smaller daily rate; the whole is before
            elif opens and not by_lead and p.end <= sentence_start and _after_a_total(doc, j, i, lo):
                continue  # 火灾8.1万起…；接报较大火灾9起。其中，…: a smaller count after the total it follows
            elif by_lead and p.end <= sentence_start:
                # 火灾2.6万起…其中较大火灾41起；重大火灾5起。⏎从区域对比看，城市火灾1.2万起: a smaller part of
                # another grouping before the lead (its whole not yet read past its semicolon) is skipped
                continue
            elif _total_of_a_pair(doc, out, j, i, marker):
                continue  # 泊位3200个，充电桩150个，其中…停车位1800个: the pair's first total is the whole
            elif (like := _like_casualty_of_sentence(doc, j, i)) is not None:
                # 死亡29人，受伤12人。其中，…事故25起，死亡21人: the injured after the dead are fewer than the
                # item, but the figure before them that names its casualty (死亡) is its whole
                parent = like
            elif (same := whole_of_same_verb(doc, _is_part_in(out), i, marker, lo)) is not None:
                # 受理案件910件，结案720件。其中：受理民事案件780件，结案640件: each item pairs with the
                # total of its own verb, past the smaller count of the other verb nearer to it
                parent = same
            else:
                smaller = True
            break  # the nearest figure of the same unit is the whole, or there is none
    if (
        parent is None
        and other is not None
        and other >= 0
        and not by_lead
        and _first_item_or_like_it(doc, out, i, marker, other)
        and _other_unit_whole(doc, other, i, marker)
        and not _breaks_down_a_list(doc, other, i)
    ):
        parent = other
    if parent is not None and _cases_under_offences(doc, parent, i):
        parent = None
    return parent, smaller


def _cases_under_offences(doc: Reading, j: int, i: int) -> bool:
    """Whether item ``i`` counts cases handled while its whole ``j`` counts offences.

    查处交通违法2.1万件，其中，现场查处行人违法3600件，…，查办妨害公务案件6件: the offences dealt
    with and the cases opened on the people who obstructed the officers are counted alike in 件, but a
    case is no kind of offence ticketed; the list has moved on to another count. Only when the item's
    own words end on the case noun and the whole's name offences and no case.

    >>> from statx import extract_text
    >>> [(r.text, r.parent) for r in extract_text("查处违法2.1万件，其中，现场查处违法3600件，查办案件6件")]
    [('2.1万件', None), ('3600件', '2.1万件'), ('6件', None)]
    """
    own, whole = doc.contexts[i].pre.rstrip(), doc.contexts[j].pre
    return (
        _CASE_NOUN_END.search(own) is not None
        and _OFFENCE_WORD.search(whole) is not None
        and "案" not in whole
    )


#: The case noun a count of cases ends its words on (查办妨害公务案件, 立案侦查刑事案).
_CASE_NOUN_END = compile_pattern(r"案件?$")
#: The words of a count of offences (查处交通违法, 纠正违章, 违规行为).
_OFFENCE_WORD = compile_pattern(r"违法|违章|违规")


def _lead_names_part(doc: Reading, j: int, marker: int, i: int) -> bool:
    """Whether the lead at ``marker`` names the part ``j`` by the sector name its own words gave it.

    其中：甲行业发生35起…。在甲行业发生的事故中：子类一发生25起: the lead frames the events of that part,
    so the items after it break the part down, not the total it is a part of (as a lead of another
    grouping of the same total would: 从渠道看…。按类型分…). The name is what the part's words say
    before 发生, less the breakdown word (for a casualty, its item's: …发生35起，死亡600人); a part
    without that shape names no sector.
    """
    contexts = doc.contexts
    k = j  # the casualties after an item's events (…发生35起，死亡600人) are the sector's too
    words = _bare_words(contexts[k].pre)
    while (
        _OCCURRED not in words
        and k > 0
        and j - k < _SECTOR_ITEM_FIGURES
        and contexts[k - 1].sentence_start == contexts[j].sentence_start
    ):
        k -= 1
        words = _bare_words(contexts[k].pre)
    if _OCCURRED not in words:
        return False
    name = _QIZHONG_OPENING.sub("", words.split(_OCCURRED, 1)[0])
    return len(name) >= 2 and doc.text.find(name, marker, doc.cands[i].start) >= 0


#: How many figures an item's events and casualties run to (发生N起，死亡M人，受伤K人，损失L元).
_SECTOR_ITEM_FIGURES = 4
#: A breakdown word opening a part's words, no part of its name.
_QIZHONG_OPENING = compile_pattern(f"^(?:{'|'.join(_QIZHONG)})")


def _is_part_in(out: Sequence[int | None]) -> Callable[[int], bool]:
    """Whether figure ``k`` was found a part, read from the parents found so far."""
    return lambda k: out[k] is not None


def whole_of_same_verb(
    doc: Reading, is_part: Callable[[int], bool], i: int, marker: int, lo: int
) -> int | None:
    """The total before the breakdown at ``marker`` counted by the verb that opens item ``i``'s words.

    A court's or a procuratorate's report breaks its intake and its closings down together (共受理案件
    2140件，结案1260件。其中：受理刑事案件96件，结案51件；受理执行案件690件，结案480件): an item opened by
    受理 is a part of the count said with 受理, one opened by 结案 of the one said with 结案, though the
    nearest figure of the unit, of the other verb, is smaller. The total stands before the marker in the
    same paragraph, is no part itself (``is_part``), and is not smaller than the item. `statx.semicolons`
    reads it for the items past a semicolon.
    """
    verb = _OPENING_VERB.match(doc.contexts[i].pre)
    if verb is None:
        return None
    text, cands, records, rc = doc.text, doc.cands, doc.records, doc.records[i]
    for k in range(i - 1, -1, -1):
        ck = cands[k]
        if ck.start < lo:
            break
        if ck.end > marker or doc.changes[k].relative or is_part(k):
            continue
        if text.find("\n", ck.end, marker) >= 0:
            break  # the total stands in the breakdown's paragraph
        rk = records[k]
        if (
            measure_of(rk.unit) == measure_of(rc.unit)
            and size_of(rk) >= size_of(rc)
            and verb.group("verb") in doc.contexts[k].pre
        ):
            return k
    return None


def _items_all_of(doc: Reading, out: Sequence[int | None], j: int, i: int, marker: int) -> bool:
    """Every item between the marker and ``i`` is a part of ``j`` in ``j``'s own unit, so a later item
    in that unit without its 次 is one more of them (刑事处理273人次，其中刑拘68人次、取保候审165人次、
    逮捕15人: the 15 arrested are of the 273 too), not a count that has moved on."""
    items = [k for k in range(j + 1, i) if doc.cands[k].start > marker]
    if not items or not all(out[k] == j and doc.records[k].unit == doc.records[j].unit for k in items):
        return False
    # and the list goes on in that unit after it (…逮捕15人，网上追逃12人次): one more item of the list,
    # not a count of another verb closing the sentence (…，劝返群众12人。)
    nxt = i + 1
    return (
        nxt < len(doc.cands)
        and doc.records[nxt].unit == doc.records[j].unit
        and FULL_STOP.search(doc.text, doc.cands[i].end, doc.cands[nxt].start) is None
    )


def _pair_of_pair(doc: Reading, out: Sequence[int | None], j: int, i: int) -> bool:
    """Whether ``i`` is the second count of an item said as a pair (8件9人) whose first count breaks down
    the first of ``j``'s pair (查获…60件300人次，其中…40件250人、8件9人): each item's people are of the
    whole's people, though the whole counts them in 人次."""
    cands, text = doc.cands, doc.text
    return (
        i > 0
        and j > 0
        and out[i - 1] == j - 1
        and not text[cands[i - 1].end : cands[i].start].strip()
        and not text[cands[j - 1].end : cands[j].start].strip()
    )


def _list_of_another_whole(doc: Reading, out: Sequence[int | None], j: int, i: int, marker: int) -> bool:
    """Whether the breakdown at ``marker`` is of a count in another measure standing after figure ``j``.

    设置执勤点86个，检查客运车辆2310辆，查处交通违法15620起，其中超速行驶4210起，疲劳驾驶28起，暂扣
    驾驶证43个，排查隐患车辆318辆: the first item after the 其中 is a part of the 15620 violations,
    which stand between the 2310 vehicles and the 其中, so the list breaks the violations down; a
    later item in another measure (318辆, 43个) has moved on to a count of its own, no part of an
    earlier figure the list passed over. A 其中 after several totals (破获案件2416起，抓获嫌疑人1873名。
    其中，破获诈骗案件386起，抓获涉诈嫌疑人512名) breaks down each: there the first item's whole stands
    before the item's own, and this does not hold. Nor when the 其中 opens a sentence after a count of
    events and their dead or hurt (发生事故300起，死亡40人。其中，火灾死亡31人，较大事故2起): it breaks
    down both, whatever order its items take.
    """
    cands, records = doc.cands, doc.records
    first = next((k for k in range(j + 1, i) if cands[k].start > marker), None)
    if first is None or (whole := out[first]) is None:
        return False
    return (
        j < whole
        and cands[whole].end <= marker
        and not _events_and_toll_before(doc, j, whole, marker)
        and measure_of(records[whole].unit) != measure_of(records[i].unit)
        and measure_of(records[first].unit) != measure_of(records[i].unit)
    )


def _events_and_toll_before(doc: Reading, j: int, whole: int, marker: int) -> bool:
    """Whether ``j`` counts events and ``whole`` their casualties in one sentence a 其中 opens after.

    全市发生事故300起，死亡40人。其中，…死亡31人，较大事故2起: the toll and the events are one tally.
    """
    text = doc.text
    return (
        "。" in text[doc.cands[whole].end : marker]
        and "。" not in text[doc.cands[j].end : doc.cands[whole].start]
        and doc.lex.casualties.search(doc.contexts[whole].pre[-8:]) is not None
    )


def _total_of_a_pair(doc: Reading, out: Sequence[int | None], j: int, i: int, marker: int) -> bool:
    """Whether a 其中 right after two totals in one unit breaks down the first when the second is smaller.

    新增停车泊位3200个，充电桩150个，其中东区停车位1800个、充电桩150个: the 150 charging posts
    said last cannot hold the 1800 spaces, and the spaces said just before them can; the list of
    totals ends at the 其中, and its items pair with them. Only for a figure `j` said right before
    the marker, after the total before it with nothing but its own words between (no full stop,
    semicolon or line break), that total in the item's measure and no smaller than the item. Not
    when either is itself a part (超速5.8万起，酒驾醉驾2,106起，其中醉驾497起: a 其中 nested in a list).
    """
    text, cands, records = doc.text, doc.cands, doc.records
    if j == 0 or out[j] is not None or out[j - 1] is not None:
        return False
    if _PAIR_GAP_TO_MARKER.fullmatch(text, cands[j].end, marker) is None:
        return False
    before, item = records[j - 1], records[i]
    return (
        not doc.changes[j - 1].relative
        and measure_of(before.unit) == measure_of(item.unit)
        and size_of(before) >= size_of(item)
        and _PAIR_GAP.fullmatch(text, cands[j - 1].end, cands[j].start) is not None
    )


def _named_alike(doc: Reading, j: int, i: int) -> bool:
    """Whether figures `j` and `i` end their own words alike (two characters): 充电桩 and 、充电桩."""
    a, b = doc.contexts[j].pre.rstrip(), doc.contexts[i].pre.rstrip()
    return len(a) >= 2 and len(b) >= 2 and a[-2:] == b[-2:]


#: Between the last total and its 其中: a comma at most.
_PAIR_GAP_TO_MARKER = compile_pattern(r"\s*[，,]?\s*")
#: Between two totals of one list: a comma or 、 and the second one's own words, no clause break.
_PAIR_GAP = compile_pattern(r"\s*[，,、]\s*[^\d，,、。；;！？!?\n]{1,12}")


def _lines_of_indented_paragraph(text: str, start: int, end: int, lo: int) -> bool:
    """Whether ``start`` and ``end`` stand in one indented paragraph that line breaks only wrap.

    A page copied from a PDF opens each paragraph with an indent (　　) and breaks its lines where
    the page did, full stops or not (　　上半年，…事故1,086起，…造成死亡⏎96人…损失385.6万元。⏎其中，
    涉及电动自行车的事故417起): where the line holding the whole opens indented, a line after it
    that opens with no indent and no blank line before goes on with the paragraph: so may the line
    of the figure at ``start``, when an indented line above it opens the paragraph. Searched back
    no further than ``lo``.

    >>> _lines_of_indented_paragraph("\\u3000\\u3000事故1086起。\\n其中，", 4, 12, 0)
    True
    >>> _lines_of_indented_paragraph("\\u3000\\u3000事故1086起。\\n\\u3000\\u3000其中，", 4, 14, 0)
    False
    >>> _lines_of_indented_paragraph("事故1086起。\\n其中，", 2, 10, 0)
    False
    """
    line = text.rfind("\n", lo, start) + 1
    while not _INDENT.match(text, line):  # back to the paragraph's opening line
        if line == 0 or line - 1 <= lo or text[line - 2 : line] == "\n\n":
            return False  # no indented line opens it within the window: nothing says how it opens
        line = text.rfind("\n", lo, line - 1) + 1
    if line == 0 and lo > 0:
        return False
    between = text[line:end]
    return "\n\n" not in between and not _INDENTED_LINE.search(between)


#: A paragraph's opening indent: two full-width spaces (or more plain ones), as a PDF copy keeps it.
_INDENT = compile_pattern(r"\u3000|[ \t]{2}")
#: A line break followed by an indent (or a blank line's spaces): a new paragraph, not a wrapped line.
_INDENTED_LINE = compile_pattern(r"\n[\u3000 \t]")


def _names_again(doc: Reading, j: int, start: int, i: int) -> bool:
    """Whether the sentence of part ``i`` (from ``start``) says again the words that end figure ``j``'s own.

    …调解纠纷4867起。⏎其中，板桥、来宾派出所分别调解纠纷612起: the parts count what the figure a
    paragraph up counts. Not …查处治安案件2,045起。⏎其中，破获电信网络诈骗案件215起: another count (the
    破获 of cases solved) is broken down, so the nearest figure of the unit is no whole of it.
    """
    words = doc.contexts[j].pre.rstrip()[-4:]
    if len(words) == 4 and doc.text.find(words, start, doc.cands[i].start) >= 0:
        return True
    if _kind_of_noun(doc, words[-2:], i):
        return True
    k = i
    while k > j and doc.cands[k].start >= start:  # this part or one before it in the sentence
        if _same_noun_after(doc, j, k):
            return True
        k -= 1
    return _says_solving_verb_again(doc, j, start, i) or names_its_thing_again(doc, j, start, i)


#: The most words a part may put before the whole's noun to name its kind (刑事警情, 电动车火灾).
_KIND_WORDS = 6


def _kind_of_noun(doc: Reading, noun: str, i: int) -> bool:
    """Whether part ``i``'s own words are a kind of ``noun`` alone, with no verb of their own.

    …共接报警情5000起。⏎其中刑事警情800起: a few words naming a kind, then the whole's noun (警情), count
    what the whole counts, though its verb (接报) is not said again; 其中，破获诈骗案件215起 names a verb of
    its own and counts another thing (cases solved) of the same noun.
    """
    own = doc.lex.breakdown.sub("", doc.contexts[i].pre.strip()).strip("，,：: ")
    return (
        _HAN_PAIR.fullmatch(noun) is not None
        and own.endswith(noun)
        and len(own) <= _KIND_WORDS
        and doc.lex.own_count.match(own) is None
        and doc.lex.solved_verb.match(own) is None
    )


def _same_noun_after(doc: Reading, j: int, i: int) -> bool:
    """Whether figure ``j`` and part ``i`` name the same thing right after their measure words.

    本港上周共有259宗交通意外发生，导致292人受伤。⏎其中57宗意外在港岛区发生，89宗在九龙区: the noun after
    the first part's count (意外) says again the one after the whole's (交通意外), so the parts count what
    it counts, though the words before the whole (共有) are not said again. Two Han characters in common
    within the first four after each number; `_names_again` asks it of each part of the sentence so far.
    """
    after_j = doc.contexts[j].post.lstrip()[:4]
    after_i = doc.contexts[i].post.lstrip()[:4]
    return any(
        len(pair := after_j[k : k + 2]) == 2 and _HAN_PAIR.fullmatch(pair) is not None and pair in after_i
        for k in range(len(after_j) - 1)
    )


_HAN_PAIR = compile_pattern(r"\p{Han}{2}")


def _says_solving_verb_again(doc: Reading, j: int, start: int, i: int) -> bool:
    """Whether part ``i``'s sentence (from ``start``) says the solving verb of figure ``j``'s clause.

    …破获各类案件1.5万余起，同比上升15%。⏎其中，破获命案12起: a paragraph opened by 其中
    whose first item is solved as the total was counts some of those solved, though it names a kind
    and not the total's own words (see `_names_again`); another verb (查处治安案件… ⏎其中，破获…)
    counts another thing. A one-character verb (破) says too little to tie the two.
    """
    end = doc.cands[i].start
    pre = doc.contexts[j].pre
    clause = pre[last_end(CLAUSE_BREAK_BACK, pre, len(pre), 0) :]
    return any(
        len(m.group()) >= 2 and m.group()[-2:] in clause
        for m in doc.lex.solved_verb.finditer(doc.text, start, end)
    )


def _paragraph_just_before(doc: Reading, end: int, start: int) -> bool:
    """Whether a lead opening a paragraph at ``start`` follows the sentence ending after ``end``.

    A grouping lead may open the paragraph after its total (形成有效警情8.94万起，同比下降6.3%。⏎
    从警情类别看，刑事类警情6215起…): the total's paragraph ends on a full stop right before it, one
    paragraph up, so the first item reaches it as the items after a semicolon do. Not when that
    paragraph breaks a figure down itself (…其中，涉及电动自行车的事故417起。⏎从事故分布看，…): its
    last figure may be a part, and which count the lead groups is no longer plain; nor past a heading
    (…13,842宗。⏎一、交通事故⏎按车辆类别划分，…: a section's kinds may overlap and add up to more);
    a photo caption's line of a few words alone (⏎民警执勤⏎), or a heading naming the grouping
    (⏎年龄结构⏎), opens no section, and is passed over.
    """
    text = doc.text
    # a photo caption the page left on a line of its own between them (…共860起。⏎民警执勤⏎在查处的…中，),
    # or a heading that names the grouping itself (发案地分布, 年龄结构): a few words with no digit,
    # punctuation or list mark, which open no section of their own, so they are passed over
    between = _CAPTION_LINES_END.sub("", _WRAP.sub("", text[end:start].rstrip())).rstrip()
    if "\n" in between or not between.endswith(("。", "；", ";", "！")):
        return False
    # the figure's sentence, in its paragraph as far back as a figure's window reaches (a page of one
    # long line stays linear): a 分别 of an earlier sentence (3个派出所分别组建调解室。…调解纠纷4867起。)
    # pairs names with figures of its own and leaves the figure a total
    lo = max(0, end - WINDOW)
    since = max(text.rfind("\n", lo, end) + 1 or lo, last_end(FULL_STOP_BACK, text, end, lo))
    # 与去年同期相比，分别下降5.1%、3%: a 分别 pairing changes with the counts before breaks none down,
    # nor does one whose sentence counts nothing after it (一案多名被害人会分别登录: a verb's manner)
    return all(
        _PAIRED_CHANGES.match(text, m.start()) or not _counts_after(doc, m.end(), start)
        for m in doc.lex.breakdown.finditer(text, since, start)
    )


def _counts_after(doc: Reading, at: int, hi: int) -> bool:
    """Whether a figure stands between ``at`` and the end of its sentence (or ``hi``)."""
    end = FULL_STOP.search(doc.text, at, hi)
    k = bisect.bisect_left(doc.cands, at, key=start_of)
    return k < len(doc.cands) and doc.cands[k].start < (end.start() if end else hi)


#: Photo captions closing the words between a total and a lead: lines of a few Chinese characters alone.
_CAPTION_LINES_END = compile_pattern(r"(?:\n\s*\p{Han}{2,12}[ \t\u3000]*)+$")


#: A 分别 that pairs changes with the figures before it (分别下降15.8%、13%), not names with figures.
_PAIRED_CHANGES = compile_pattern(
    r"分别\s*(?:同比|环比|比上年|较上年|比去年|较去年)?\s*(?:下降|上升|增长|减少|增加|降低|提高|上涨|回落)"
)


def _first_item_or_like_it(doc: Reading, out: Sequence[int | None], i: int, marker: int, whole: int) -> bool:
    """Whether item ``i`` is the first figure after the 其中 at ``marker``, or in the unit of that first
    one when it took ``whole`` too (其中签发普通护照6230本，往来港澳通行证7415本).

    A later item in a unit of its own (其中摩托车不戴头盔1920起…，开展宣传活动86场) has moved on to
    another thing the sentence reports, not a part of the count before the 其中; but not under a
    count of business in 笔, whose items are all kinds of business, nor the next item of a 、 list
    whose item before took the whole in another unit (办证4.1万人次，其中身份证2.6万张、居住证1.5万个).
    """
    first = next((k for k in range(whole + 1, i + 1) if doc.cands[k].start > marker), None)
    if first is None or first == i:
        return first == i
    if counts_business(doc, whole):
        # 办理车驾管业务86.4万笔。其中，注册登记6.8万辆，换证12.6万本: every item is some business
        return out[first] == whole
    if (
        out[i - 1] == whole
        and doc.records[i - 1].unit != doc.records[whole].unit
        and _NEXT_IN_LIST.fullmatch(doc.text, doc.cands[i - 1].end, doc.cands[i].start)
    ):
        # 其中护照2.2万本、…、签注3.1万个: the next item of a list whose items count in units of their
        # own, 、 before it (其中超速3200起、宣传活动86场 is a list of the whole's unit: 场 moved on)
        return True
    return doc.records[first].unit == doc.records[i].unit and out[first] == whole


#: What stands between two items of one 、 list: the mark and the next item's words, no clause's end.
_NEXT_IN_LIST = compile_pattern(r"\s*、[^，,。；;：:！？!?\d\n]{1,16}")


def counts_business(doc: Reading, j: int) -> bool:
    """Whether figure ``j`` counts business of any kind: in 笔, or in 件 of 业务 named right before it.

    办理户政、出入境业务12.4万件。其中：…身份证4.7万件；…户口迁移6820笔；…护照2.9万本: 件 counts cases
    too (立案1200件), so only the word 业务 in the figure's own clause makes it a count of business.
    """
    unit = doc.records[j].unit
    named = unit == "件" and doc.lex.business.search(doc.contexts[j].pre[-12:]) is not None
    return unit in doc.lex.business_units or named


def _other_unit_whole(doc: Reading, j: int, i: int, marker: int) -> bool:
    """Whether figure ``j``, the nearest count before a 其中, is the whole of item ``i`` in another unit.

    A 其中 breaks down the count said right before it even when its parts are counted in their own
    measure words (受理出入境证件申请1.58万件。其中签发普通护照6230本; 办理驾驶证业务3.92万笔，其中
    新领证驾驶人6 784人; 开展应急演练156场次，其中县级综合演练3场), when nothing of the item's unit
    stands before it. Not a sum of money, a share, a change, people among places or groups (226个
    行政村…（其中驻村民警105名）), places among events (立案N起。其中，有12个县…下降), a person
    among events who is none of their cases (see `_people_of_events`), an item past a clause of
    words after the 其中
    (其中，将打黑除恶与反腐败结合起来，打掉犯罪集团12个: the 其中 only leads into the sentence; a comma
    right after the 其中 still lets the item follow), nor a part bigger than its whole.
    """
    text, rp, rc = doc.text, doc.records[j], doc.records[i]
    # the colon of 其中： is the marker the search stops at; the 其中 before it still says it
    colon = text[marker : marker + 1] in (":", "：")
    word = text[marker - 2 : marker] if colon else text[marker : marker + 2]
    if word not in doc.lex.one_whole or doc.changes[i].relative:
        return False
    if rc.unit in SHARE_UNITS or "元" in rc.unit or "元" in rp.unit:
        return False
    words_from = marker + 1 if colon else marker + 2
    while text[words_from : words_from + 1] in ("，", ",", "：", ":", " "):
        words_from += 1  # the comma or colon right after the 其中 ends no clause
    if _leads_into_a_clause(doc, words_from, i):
        return False  # 其中，将…结合起来，打掉团伙137个: a clause of its own first, no part of the 案件…起
    if rc.unit in doc.lex.people_units and rp.unit in doc.lex.place_units:
        return False  # 226个行政村，配齐民警（其中驻村民警105名）: people are no part of places or groups
    if rc.unit in doc.lex.place_units and rp.unit in doc.lex.event_units:
        return False  # 立案N起。其中，有12个县立案数下降: the places where cases fell are no part of them
    people_among_events = rc.unit in doc.lex.people_units and rp.unit in doc.lex.event_units
    if people_among_events and not _people_of_events(doc, j, i):
        return False
    return float(rp.value) >= float(rc.value)


def _leads_into_a_clause(doc: Reading, words_from: int, i: int) -> bool:
    """Whether the first clause after a 其中 (from ``words_from``) ends before item ``i`` with no figure.

    其中，将扫黑除恶与反腐败结合起来，打掉团伙12个: the 其中 leads into words of their own, and the item
    after them is no part. A list goes on past commas (其中，签发护照9600本，通行证1.83万本): its first
    clause holds a figure.
    """
    end = _OTHER_CLAUSE.search(doc.text, words_from, doc.cands[i].start)
    if end is None:
        return False
    k = i - 1
    while k >= 0 and doc.cands[k].start >= words_from:
        if doc.cands[k].start < end.start():
            return False
        k -= 1
    return True


def _cases_of_the_people(doc: Reading, other: int | None, j: int, i: int) -> bool:
    """Whether the count ``other`` right before a 其中, in cases, is the whole of people item ``i``.

    处理违法2.1万人次，酒驾27起，其中醉驾9人: the drink-driving cases name the people's kind
    (see `_people_of_events`), so an earlier count in the item's unit with 次 (``j``, the 人次 of all
    offences) is no whole of theirs. Only a count in a unit of events, not the one at ``j``.
    """
    if other is None or other < 0 or other == j:
        return False
    rc = doc.records[i]
    if doc.records[j].unit != rc.unit + "次" or rc.unit not in doc.lex.people_units:
        return False
    return doc.records[other].unit in doc.lex.event_units and _people_of_events(doc, other, i)


def _people_of_events(doc: Reading, j: int, i: int) -> bool:
    """Whether the people of item ``i`` are the ones the events of ``j`` were of, one a case.

    查处酒驾醉驾违法23起，其中醉驾7人; 处置考生迟到、忘带准考证等突发情况17起，其中护送考生9名: the item
    names what the whole's own words name (醉驾, 考生), so it counts the cases by their people. Not
    people hurt in them (交通事故712宗，其中被撞的行人194人; 意外2,140宗，当中有38名长者死亡: words of
    accidents or casualties in either's words, `Lexicon.casualties`), nor people the item names
    alone (查处违法行为1.2万起，其中处罚驾驶人8000人: the drivers punished are not some of the violations).
    Words of driving after drink (`Lexicon.drink_driving`) in both name one kind even when they share no
    two characters (酒后驾驶…53起，其中醉驾8人).
    """
    ctx_j, ctx_i = doc.contexts[j], doc.contexts[i]
    if any(doc.lex.casualties.search(w) is not None for w in (ctx_j.pre[-16:], ctx_i.pre, ctx_i.post)):
        return False
    if _word_bigrams(ctx_i.pre) & _word_bigrams(ctx_j.pre):
        return True
    # 查处酒后驾驶违法行为53起，其中醉驾8人: driving after drink named short in one and long in the other
    # (the kind may follow the count too, 酒驾58起，其中21人醉酒驾驶 or 其中21人属醉驾: only in the
    # few words right after it, in its clause)
    drink = doc.lex.drink_driving
    named = drink.search(ctx_i.pre) is not None or drink.search(ctx_i.post.lstrip()[:8]) is not None
    return named and drink.search(ctx_j.pre[-16:]) is not None


def _line_ends_in_rates(doc: Reading, j: int, i: int, sentence_start: int) -> bool:
    """Whether only rates and changes stand after figure ``j`` to the end of its line.

    受理纠纷127起，调处成功率93.7%；⏎⑵ 其中邻里纠纷48起: the line's count is still the last whole
    before the line the breakdown opens, as it is when the count ends the line itself.
    """
    if "\n" in doc.text[doc.cands[j].end : sentence_start - 1]:
        return False
    between = [k for k in range(j + 1, i) if doc.cands[k].end <= sentence_start]
    return bool(between) and all(
        doc.records[k].unit in SHARE_UNITS or doc.changes[k].relative for k in between
    )


#: An item marker at the start of a clause: circled or bracketed numbers (①, ⑴, ⒈, ❶, （二）),
#: a keycap emoji (2️⃣, 🔟), a numbered item (2、), a bullet sign (●, ◆, ▲). Not a Markdown list's
#: - * + • or 2. : there the indent says whether an item is a part (``- 其中，…`` at the same level
#: hangs from nothing), see `_whole_of_sub_item`.
_ITEM_MARK = compile_pattern(
    r"^[\s\u3000]*(?:[\u2460-\u249b\u2776-\u2793\u3220-\u3229]|\d\ufe0f?\u20e3|\U0001f51f"
    r"|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,2}、"
    r"|[●○■□◆◇▲△▶►·※★☆])[\s\u3000]*"
)

#: A list item's opening (- , * , + , 1. , 2) , or a bullet sign a WeChat post uses: ⭕ , ▶ ) after its
#: indent, in Markdown or a text export.
_LIST_ITEM = compile_pattern(r"([ \t]*)(?:[-*+•●◆■▪➤▶✅⭕🔹🔸]|\d{1,3}[.)])[ \t]")
#: How far back the item a nested list hangs from is looked for, in lines.
_SUB_LIST_LINES = 30


def _opens_list_item(text: str, at: int) -> bool:
    """Whether a breakdown word at `at` is the first word of a list item (``  - 其中，…``).

    >>> _opens_list_item("- 查处违法8万起\\n  - 其中，酒驾300起", 14), _opens_list_item("其中，酒驾300起", 0)
    (True, False)
    """
    line_start = start_of_line(text, at)
    item = _LIST_ITEM.match(text, line_start, at)
    return item is not None and not text[item.end() : at].strip(" *_")


def _whole_of_sub_item(doc: Reading, i: int) -> int | None:
    """The whole of a figure in a nested list item: the figure of the item the list hangs from.

    A bulletin breaks a total down in a sub-list, with no 其中 (``- 查处各类交通违法：18,642 起``,
    then ``  - 违法停车 1,236 起``): the indent says what a 其中 would. The whole is the first
    figure of the nearest less indented item before, in the same unit and not smaller; a line
    between them that is no item of the list (a paragraph) ends the search.

    >>> from statx import extract_text
    >>> text = "- 查处违法 18,642 起\\n  - 违法停车 1,236 起\\n  - 超员 14 起\\n- 行政拘留 23 人"
    >>> [(r.text, r.parent) for r in extract_text(text)]
    [('18,642 起', None), ('1,236 起', '18,642 起'), ('14 起', '18,642 起'), ('23 人', None)]
    """
    text, cands, records, changes = doc.text, doc.cands, doc.records, doc.changes
    rc = records[i]
    item = _list_item(doc, i)
    if item is None or not item[1]:
        return None
    indent = len(item[1])
    for start, line in _lines_above(text, item[0], _SUB_LIST_LINES, 0):
        above = _LIST_ITEM.match(line)
        if above is None:
            return None
        if len(above.group(1).expandtabs(4)) >= indent:
            continue  # a sibling item, or one nested deeper
        k = i - 1
        while k >= 0 and cands[k].start >= start + len(line):
            k -= 1
        on_line = []
        while k >= 0 and cands[k].start >= start:
            on_line.append(k)
            k -= 1
        for k in reversed(on_line):  # the item's first figure in the unit is the whole it names
            rp = records[k]
            if not changes[k].relative and measure_of(rp.unit) == measure_of(rc.unit):
                return k if size_of(rp) >= size_of(rc) else None
        return None
    return None


def _list_item(doc: Reading, i: int) -> tuple[int, str] | None:
    """Where the list item figure ``i`` stands in starts, and its indent (tabs as 4 blanks), if it is
    a count in one; a change or a share is no part of a list's whole."""
    c, rc = doc.cands[i], doc.records[i]
    if doc.changes[i].relative or rc.unit in SHARE_UNITS:
        return None
    start = start_of_line(doc.text, c.start)
    item = _LIST_ITEM.match(doc.text, start, c.start)
    return None if item is None else (start, item.group(1).expandtabs(4))


def _lines_above(text: str, line_start: int, count: int, lo: int) -> Iterator[tuple[int, str]]:
    """The lines above the one starting at `line_start`, nearest first, skipping blank ones (a loose
    list keeps blank lines between its items): at most `count` lines, none starting before `lo`."""
    end = line_start - 1
    for _ in range(count):
        if end <= lo:
            return
        start = start_of_line(text, end)
        line = text[start:end]
        end = start - 1
        if line.strip():
            yield start, line


#: How many item lines back the first item of a list opened by a breakdown is looked for.
_LIST_ITEMS_BACK = 12


def _first_of_list(doc: Reading, i: int) -> int | None:
    """The figure of the first item of the list figure ``i`` is a later item of, when that one is a part.

    A breakdown laid out as a list (``其中：`` then ``- 省级补助：2350万元``, ``- 县级配套：1860万元``)
    ends its items with no ；, so only the first item's line follows the 其中: the later items break
    down what the first breaks down. The first item is found by walking back over the items of the
    same indent (blank lines between them allowed), at most `_LIST_ITEMS_BACK` lines and never past
    the figure's window; its first figure in the item's measure must be a part of a whole not smaller.

    >>> from statx import extract_text
    >>> text = "投入资金4680万元，其中：\\n- 省级补助2350万元\\n- 县级配套1860万元\\n- 乡镇自筹470万元"
    >>> [r.parent for r in extract_text(text)]
    [None, '4680万元', '4680万元', '4680万元']
    """
    text, cands, records, changes = doc.text, doc.cands, doc.records, doc.changes
    rc = records[i]
    item = _list_item(doc, i)
    if item is None:
        return None
    indent = item[1]
    first: int | None = None
    for start, line in _lines_above(text, item[0], _LIST_ITEMS_BACK, max(0, cands[i].start - WINDOW)):
        above = _LIST_ITEM.match(line)
        if above is None:
            break  # the line the list hangs from
        if len(above.group(1).expandtabs(4)) > len(indent):
            continue  # an item nested deeper
        if above.group(1).expandtabs(4) != indent:
            return None  # the figure's list is nested in an item: `_whole_of_sub_item` reads it
        first = start
    if first is None:
        return None
    k = i - 1
    while k >= 0 and cands[k].start >= first:
        k -= 1
    for j in range(k + 1, i):
        if start_of_line(text, cands[j].start) != first:
            break
        if not changes[j].relative and measure_of(records[j].unit) == measure_of(rc.unit):
            return j
    return None


#: An item whose words name only "the others" (其他22件, 其它类9起): it names no kind of its own.
_REST_ITEM = compile_pattern(r"[、，,\s]*其[他它](?:类|类型|方面|情形)?\s*")


def _rest_of_list(doc: Reading, out: Sequence[int | None], markers: Sequence[int | None], i: int) -> bool:
    """Whether item ``i`` is the 其他 closing the list of the item before it, and so shares its whole.

    排查化解矛盾纠纷412件，调解成功397件。从类型看，邻里纠纷168件、…劳资纠纷40件、其他22件: the kinds
    that say 纠纷 find the 412 whose words say it too; 其他 says nothing, so the nearest figure not
    smaller (the 397 settled) would take it from its own list. The others are one more kind of the
    list: the whole of the item before it (same breakdown word, same unit) is theirs.
    """
    if i == 0 or markers[i] is None or markers[i - 1] != markers[i] or out[i - 1] is None:
        return False
    records = doc.records
    if measure_of(records[i - 1].unit) != measure_of(records[i].unit):
        return False
    return _REST_ITEM.fullmatch(doc.contexts[i].pre) is not None


def _end_overflowing_lists(doc: Reading, parents: list[int | None], markers: Sequence[int | None]) -> None:
    """Unlink the item of a breakdown that is a rate's count of the whole, past parts it would overflow.

    受理涉警诉求5804件，其中咨询类3120件、求助类1465件、投诉类1219件，按时办结5758件，办结率99.2%: the
    5758 settled would make the parts 11562 of 5804, and the rate after it says it is 99.2% of the
    whole: the list ended before it, and it is what became of the whole (the 5804 settled in time),
    no part of it. Overflowing alone says nothing: parts may overlap (抓获965名，其中刑事拘留612人，
    提请逮捕378人: each stage counts some of the same people). Run after `whole_by_sum`, which first
    moves parts adding up to more than their nearest whole to the earlier figure they add up to.
    """
    records = doc.records
    sums: dict[tuple[int, int], float] = {}
    rough: set[tuple[int, int]] = set()  # the breakdowns with a part not written exactly
    counted: dict[tuple[int, int], int] = {}  # how many parts each breakdown has had so far
    first: dict[tuple[int, int], int] = {}  # each breakdown's first part
    for i, (p, m) in enumerate(zip(parents, markers, strict=True)):
        if p is None or m is None or measure_of(records[p].unit) != measure_of(records[i].unit):
            continue
        key, whole = (p, m), size_of(records[p])
        before = sums.get(key, 0.0)
        total = before + size_of(records[i])
        sums[key] = total
        counted[key] = counted.get(key, 0) + 1
        first.setdefault(key, i)
        if records[i].qualifier != "exact":
            rough.add(key)
        # one part the size of the whole says it again (146起事故中，…): only two or more make a sum
        exact = key not in rough and counted[key] > 2
        if (
            before
            and total > whole + rounding(records[p])
            and not nearly_equal(total, whole)
            and (
                _rate_of(doc, i, whole)
                or (_summed_up(records[p], before, exact) and _moved_on(doc, first[key], i))
            )
        ):
            parents[i] = None


#: How many earlier items of its breakdown an item is compared with by `_end_items_solved_of_an_item`.
_ITEMS_BACK = 8


def _end_items_solved_of_an_item(
    doc: Reading, parents: list[int | None], markers: Sequence[int | None]
) -> None:
    """Unlink an item that counts those of an earlier item of its list solved or dealt with.

    接报警情520起，其中刑事案件48起，治安案件97起，侦破刑事案件19起: the 19 solved are some of the 48
    cases, named by the same words after a verb of solving (`Lexicon.solved_verb`), no further kind of
    the calls. Only an item of the same breakdown word and whole, among the few before it, in the same
    measure and not smaller; the item's own words are the verb and that item's words, nothing else.
    """
    records, contexts = doc.records, doc.contexts
    for i, (p, m) in enumerate(zip(parents, markers, strict=True)):
        if p is None or m is None:
            continue
        own = _bare_words(contexts[i].pre)
        for k in range(i - 1, max(p, i - 1 - _ITEMS_BACK), -1):
            if parents[k] != p or markers[k] != m:
                continue
            theirs = _bare_words(contexts[k].pre)
            if len(theirs) < 2 or len(own) <= len(theirs) or not own.endswith(theirs):
                continue
            if measure_of(records[k].unit) != measure_of(records[i].unit):
                continue
            if size_of(records[k]) < size_of(records[i]):
                continue
            if doc.lex.solved_verb.fullmatch(own[: -len(theirs)]):
                parents[i] = None
                break


def _moved_on(doc: Reading, first: int, i: int) -> bool:
    """Whether item ``i`` names another thing than the first part, or follows a count of another measure.

    …上报的逃犯1573人，外地上报的逃犯499人，…通缉的逃犯5人: the third names the same thing (逃犯) and
    counts some of the same fugitives again, a part still; 办结8412件 after 热线转入260件 (another
    deed) or 发布解读材料6条 after 开展在线访谈12场 (a count of another measure between) is not.
    """
    own, theirs = _bare_words(doc.contexts[i].pre), _bare_words(doc.contexts[first].pre)
    if own[-2:] != theirs[-2:]:
        return True
    measure, records = measure_of(doc.records[i].unit), doc.records
    return any(
        measure_of(records[k].unit) != measure
        and records[k].unit not in SHARE_UNITS
        and not doc.changes[k].relative
        for k in range(first + 1, i)
    )


def _summed_up(whole: Figure | Record, before: float, exact: bool) -> bool:
    """Whether the parts before an item, each written exactly, add up to their exact whole already.

    上报事件8460件，其中网格员上报8200件，热线转入260件，办结8412件: 8200 and 260 make the 8460, so
    the 8412 after them is no further part but what became of the whole (a breakdown's parts may
    overlap, 抓获965名，其中刑事拘留612人，提请逮捕378人, but not past a sum met to the unit).
    """
    return exact and whole.qualifier == "exact" and nearly_equal(before, size_of(whole)) and before > 0


def _rate_of(doc: Reading, i: int, whole: float) -> bool:
    """Whether the rate right after figure ``i`` (，办结率99.2%) is its share of ``whole``, to the decimal."""
    cands, records, text = doc.cands, doc.records, doc.text
    if i + 1 >= len(cands) or records[i + 1].unit != "%" or doc.changes[i + 1].relative or not whole:
        return False
    if not _RATE_AFTER.fullmatch(text, cands[i].end, cands[i + 1].start):
        return False
    places = DECIMALS.search(text, cands[i + 1].start, cands[i + 1].end)
    tolerance = 0.5 * 10 ** -len(places.group(1) if places else "") + 1e-9
    return bool(abs(100 * size_of(records[i]) / whole - float(records[i + 1].value)) <= tolerance)


#: What joins a count to the rate of it that follows (，办结率, ，調解成功率): a comma and a few words
#: ending in 率.
_RATE_AFTER = compile_pattern(r"\s*[，,]\s*\p{Han}{0,8}率(?:为|為|达|達)?\s*")


def running_beside(doc: Reading, j: int, i: int) -> bool:
    """Whether figure `j` is a running total (今年累计41735起) and part `i` is not said as one."""
    running, contexts = doc.lex.running_total, doc.contexts
    return running.search(contexts[j].pre) is not None and running.search(contexts[i].pre) is None


def _whole_of_own_verb(doc: Reading, j: int, i: int) -> int:
    """The whole of part `i`: figure `j`, or an earlier one of its sentence that says the part's verb.

    刑案發生1萬2,486件，破獲1萬1,853件。其中詐欺案件發生2,317件: the part ends in 發生, the verb of
    the cases reported, not of the cases solved nearer to it; an earlier figure of the sentence in the
    unit, not smaller, whose words say the verb the nearest one does not, is the whole.
    """
    records, contexts, changes = doc.records, doc.contexts, doc.changes
    if running_beside(doc, j, i):
        # 本月查处4862起，今年累计41735起。其中：酒后驾驶46起: the period's count, before the running total
        for k in range(j - 1, -1, -1):
            if contexts[k].sentence_start != contexts[j].sentence_start:
                break
            rk = records[k]
            if (
                not changes[k].relative
                and measure_of(rk.unit) == measure_of(records[i].unit)
                and size_of(rk) >= size_of(records[i])
                and not running_beside(doc, k, i)
            ):
                return k
    if (thing := _thing_of_bare_verb(doc, j, i)) is not None:
        return thing
    own = contexts[i].pre.rstrip()[-2:]
    if (short := _SHORT_CASE_VERB.search(own)) is not None:
        # 其中命案立6起、破5起: a case kind then a report's one-character 立 or 破; the whole is the
        # count said with that verb before its cases (共立刑案N起), not the nearer count of the other
        return _whole_of_short_case_verb(doc, j, i, short.group(1))
    if (named := _named_longer_before(doc, j, i)) is not None:
        return named
    if len(own) < 2 or own in contexts[j].pre or doc.lex.clause_end.search(own):
        return j
    if _word_bigrams(contexts[i].pre) & _word_bigrams(contexts[j].pre):
        return j  # the nearest names the part's thing too (查处交通违法行为86起，其中违法停车61起)
    rc = records[i]
    # 受理…報案1,286件…；破獲1,174件…。其中竊盜案受理312件、破獲298件: the items pair the verbs of both
    # counts, so the one said before the semicolon is looked for too
    start = doc.cands[j].start
    paired = i + 1 < len(records) and contexts[i + 1].pre.rstrip()[-2:] in contexts[j].pre
    full_start = last_end(FULL_STOP_BACK, doc.text, start, max(0, start - WINDOW)) if paired else start
    for k in range(j - 1, -1, -1):
        if contexts[k].sentence_start != contexts[j].sentence_start and doc.cands[k].start < full_start:
            break
        rk = records[k]
        whole = not changes[k].relative and measure_of(rk.unit) == measure_of(rc.unit)
        if whole and closes_a_bracket(doc.text, doc.cands[k].end, start):
            # 火灾48起(其中甲乡5起…)，…去年同期(火灾67起[其中…甲乡2起…]): an item of a bracket closed
            # before `j` is an aside's part, and a place named in both lists is no verb of a whole
            continue
        if whole and size_of(rk) >= size_of(rc) and own in contexts[k].pre:
            return k
    return _whole_of_opening_verb(doc, j, i)


def _named_longer_before(doc: Reading, j: int, i: int) -> int | None:
    """An earlier count of `j`'s sentence whose words end as part `i`'s own four last characters do.

    …营救被困群众560人，疏散群众1200人。其中，城区营救被困群众310人: the nearest count ends in 群众
    too, but only the one before it names the part's thing in full (被困群众): that count is the whole.
    Only for a part its sentence says is one (其中 before it), when the nearest count lacks those four
    characters, and only a count of the part's measure that is not smaller than it and stands in no
    bracket closed before the nearest.
    """
    contexts = doc.contexts
    tail = contexts[i].pre.rstrip()[-4:]
    if len(tail) < 4 or tail in contexts[j].pre or _HAN4.fullmatch(tail) is None:
        return None
    said = doc.text[contexts[i].sentence_start : doc.cands[i].start]
    if not any(word in said for word in doc.lex.one_whole):
        return None  # a 分别 sentence of names (两所分别破获案件N起) says no 其中: no part to reach back for
    # an item of a bracket closed before `j` (火灾48起(其中甲区5起…)，…去年火灾67起[其中…甲区2起]) is
    # another list's part, named alike because both lists name the same places
    return _count_of_sentence_back(
        doc,
        j - 1,
        j,
        i,
        lambda k: (
            contexts[k].pre.rstrip().endswith(tail)
            and not closes_a_bracket(doc.text, doc.cands[k].end, doc.cands[j].start)
        ),
    )


def _count_of_sentence_back(
    doc: Reading, first: int, j: int, i: int, fits: Callable[[int], bool]
) -> int | None:
    """The nearest count from ``first`` back in ``j``'s sentence that can hold part ``i`` and ``fits``.

    One that holds it: no change, in the part's measure and not smaller than it.
    """
    records, contexts, changes = doc.records, doc.contexts, doc.changes
    rc = records[i]
    for k in range(first, -1, -1):
        if contexts[k].sentence_start != contexts[j].sentence_start:
            break
        rk = records[k]
        if (
            not changes[k].relative
            and measure_of(rk.unit) == measure_of(rc.unit)
            and size_of(rk) >= size_of(rc)
            and fits(k)
        ):
            return k
    return None


#: Four Chinese characters: a part's own thing, with no figure, mark or punctuation in it.
_HAN4 = compile_pattern(r"\p{Han}{4}")
#: A case kind's last character and a work report's one-character verb after it (命案立, 刑案破).
_SHORT_CASE_VERB = compile_pattern(r"^案([立破])$")
#: The words of a count said with that verb before its cases (立刑案, 破案) or right before the count.
_SAID_WITH_CASES = {v: compile_pattern(rf"{v}(?:[^，,。；;：:\d]{{0,6}}?案|$)") for v in "立破"}


def _whole_of_short_case_verb(doc: Reading, j: int, i: int, verb: str) -> int:
    """The whole of part ``i`` that ends on the short verb ``verb`` (立 or 破) after its case kind.

    全年共立刑案940起，破388起，其中命案立6起、破5起: the nearest count of the sentence, or an earlier
    one, not smaller and in the part's measure, whose own words say the same verb before cases
    (立刑案, 破案, or the verb alone right before the count); else ``j``.
    """
    said = _SAID_WITH_CASES[verb]
    found = _count_of_sentence_back(
        doc, j, j, i, lambda k: said.search(doc.contexts[k].pre.rstrip()) is not None
    )
    return j if found is None else found


def _whole_of_first_opening_verb(doc: Reading, out: Sequence[int | None], j: int, i: int) -> int:
    """The whole of part `i`: `j`, or the earlier whole the first part after `j` found by its verb.

    …，其中查处酒后驾驶312起，超员87起: the first part's verb (`_whole_of_opening_verb`) passed over
    the nearest count `j`; the later parts, whose words say no verb, go on breaking the same whole down.
    """
    first = next((k for k in range(j + 1, i) if not doc.changes[k].relative), None)
    if first is None or (w := out[first]) is None or w >= j or _whole_of_opening_verb(doc, j, first) != w:
        return j
    rw = doc.records[w]
    fits = measure_of(rw.unit) == measure_of(doc.records[i].unit) and size_of(rw) >= size_of(doc.records[i])
    return w if fits else j


def _whole_of_opening_verb(doc: Reading, j: int, i: int) -> int:
    """The whole of part `i`: `j`, or an earlier count of its sentence that says the verb `i` opens with.

    查处交通违法行为5120起，录入非现场违法4.2万余起，…，其中查处酒后驾驶312起: the part opens with
    查处 (an `item_verbs` or `new_action` word), the verb of the violations dealt with, not of the
    camera records nearer to it; the nearest earlier count of the sentence in the unit, not smaller,
    that says it is the whole. A nearest count that says the verb too stays the whole.
    """
    contexts, records = doc.contexts, doc.records
    m = doc.lex.own_count.match(str(doc.lex.label_trim.sub("", contexts[i].pre.lstrip("、，, "))))
    if m is None or (verb := m.group("verb")) in contexts[j].pre:
        return j
    for k in range(j - 1, -1, -1):
        if contexts[k].sentence_start != contexts[j].sentence_start:
            break
        rk = records[k]
        if doc.changes[k].relative or measure_of(rk.unit) != measure_of(records[i].unit):
            continue
        if size_of(rk) >= size_of(records[i]) and verb in contexts[k].pre:
            return k
    return j


def _thing_of_bare_verb(doc: Reading, j: int, i: int) -> int | None:
    """The count of things before figure ``j`` that a kind ``i`` (…类) is of, when ``j`` says a verb alone.

    排查矛盾纠纷1.28万起，化解1.21万起，化解率94.5%，其中婚恋家庭类3460起: 化解 names no thing of its
    own, only what became of the disputes counted before it (`Lexicon.outcome_verb`); a kind
    (婚恋家庭类) is a kind of those disputes, the nearest earlier figure of the sentence in the unit,
    not smaller, whose words name more than a verb. An item with a verb of its own (其中化解欠薪纠纷12起)
    is not looked at here, nor a count whose words name a thing (接报警280余万起，有效报警130余万起，
    其中求助类63万余起: the kinds are of the valid calls).
    """
    contexts, records = doc.contexts, doc.records
    if not KIND_OF_WHOLE.search(contexts[i].pre) or not doc.lex.outcome_verb.fullmatch(
        _bare_words(contexts[j].pre)
    ):
        return None
    for k in range(j - 1, -1, -1):
        if contexts[k].sentence_start != contexts[j].sentence_start:
            return None
        rk = records[k]
        if doc.changes[k].relative or measure_of(rk.unit) != measure_of(records[i].unit):
            continue
        if size_of(rk) >= size_of(records[j]) and not doc.lex.outcome_verb.fullmatch(
            _bare_words(contexts[k].pre)
        ):
            return k
        return None
    return None


def _bare_words(pre: str) -> str:
    """A figure's own words without punctuation, digits, blanks or markup (，化解 → 化解)."""
    return str(_NOT_WORDS.sub("", pre))


#: A compound measure word naming the others it counts in a bracket: 架（艘、列、辆）次.
_COMPOUND_UNIT = compile_pattern(r"(\w)[（(]([\w、，,]+)[）)](\w)$")


def _units_named(fig: Figure) -> frozenset[str]:
    """The measure words a compound unit names besides its own (6.36万架（艘、辆）次: 艘次, 辆次).

    Vehicles, vessels and aircraft checked are counted together so, and 其中航班1420架次、船舶860艘次
    breaks the total down in the units it names.

    >>> from statx import extract_text
    >>> sorted(_units_named(extract_text("查验交通运输工具6.36万架（艘、辆）次")[0]))
    ['艘次', '辆次']
    """
    m = _COMPOUND_UNIT.search(fig.text) if "（" in fig.text or "(" in fig.text else None
    if m is None:
        return frozenset()
    return frozenset(u + m.group(3) for u in regex.split(r"[、，,]", m.group(2)) if u)


#: What is no word of a label: punctuation, spaces, digits and Markdown marks.
_NOT_WORDS = compile_pattern(r"[\p{P}\p{S}\s\d]+")


def _word_bigrams(pre: str) -> set[str]:
    """The bigrams of a context's words, none across punctuation, digits or spaces.

    >>> sorted(_word_bigrams("违法停车，61起"))
    ['停车', '法停', '违法']
    """
    return {g for w in _NOT_WORDS.split(pre) for g in _bigrams(w)}


def _bigrams(words: str) -> set[str]:
    return {words[k : k + 2] for k in range(len(words) - 1)}


def _breaks_down_a_list(doc: Reading, j: int, i: int) -> bool:
    """Whether the breakdown at figure `i` is of a whole list ending in figure `j`, not of `j` alone.

    招收一年级新生6 380人、七年级新生5 912人，其中随迁子女入学2 146人: 其中 in a clause of its own
    after a list of like figures breaks down their sum, which no figure says; unless the item is
    named like the last one (诈骗案件287起，其中电信诈骗案件200起: a part of it).
    """
    text, cands, records, contexts, lex = doc.text, doc.cands, doc.records, doc.contexts, doc.lex
    if j == 0 or records[j - 1].unit != records[j].unit:
        return False
    between = text[cands[j - 1].end : cands[j].start]
    if not LIST_SEPARATOR.search(between) or lex.clause_end.search(between):
        return False
    if not lex.clause_end.search(text, cands[j].end, cands[i].start):
        return False  # the breakdown word is inside the list's clause
    return not (_bigrams(contexts[i].pre) & _bigrams(contexts[j].pre))


def _member_of_like_casualties(doc: Reading, j: int, i: int) -> int | None:
    """The member of the list ending in ``j`` that counts the casualties item ``i`` counts, if any.

    事故8123起，造成1904人死亡、7710人受伤。其中，较大事故12起，造成45人死亡: the deaths in some of the
    accidents are some of all the deaths, not of the list's sum; the member whose words name the same
    casualty (死亡) is the whole. Other lists (新生6 380人、5 912人，其中…) keep no whole.
    """
    own = casualty_word(doc, i)
    if own is not None:
        wanted: tuple[str, ...] = (own,)
    elif _says_how_badly_hurt(doc, i):
        wanted = _HURT
    else:
        return None
    text, cands, records = doc.text, doc.cands, doc.records
    k = j
    while True:
        if casualty_word(doc, k) in wanted:
            return k if size_of(records[k]) >= size_of(records[i]) else None
        if k == 0 or records[k - 1].unit != records[k].unit:
            return None
        between = text[cands[k - 1].end : cands[k].start]
        if not LIST_SEPARATOR.search(between) or doc.lex.clause_end.search(between):
            return None
        k -= 1


#: How badly the hurt are hurt (其中2人重伤, 其中重伤1人, 3人伤势较重): words of the injured that name
#: no casualty word of their own, so an item said with them is a part of the list's injured.
_HOW_BADLY_HURT = compile_pattern(r"[重轻][伤傷]|輕[伤傷]|[伤傷](?:势|勢|情)")
#: The casualty word of the injured, in both scripts.
_HURT = ("受伤", "受傷")


def _says_how_badly_hurt(doc: Reading, i: int) -> bool:
    """Whether figure ``i``'s own words say how badly people were hurt (重伤, 伤势), before or after it."""
    ctx = doc.contexts[i]
    return any(_HOW_BADLY_HURT.search(words) for words in (ctx.post[:4], ctx.pre.rstrip()[-4:]))


#: An item whose words open on the casualty they count (其中死亡的行人12人, 死亡人员中骑车人9人), after a
#: breakdown word and a clause mark: the casualty word names the item's pool, not a verb after it.
_CASUALTY_HEADING = compile_pattern(
    r"(?:其中|当中|當中)?[，,：:\s]*(?P<c>死亡|受伤|受傷|失踪|失蹤|遇难|遇難)(?:的|人员中|人員中|者中|人员里)"
)


def _whole_of_casualty_heading(doc: Reading, parent: int, i: int, marker: int) -> int | None:
    """The whole of item ``i`` when its words open on a casualty (其中死亡的摩托车驾乘人员19人).

    死亡43人，受伤128人，其中死亡的摩托车驾乘人员19人: the nearest figure of the unit counts the injured,
    but the item counts some of the dead, so the figure of its sentence naming 死亡 is its whole; with
    none there, a whole that names another casualty is none. Items whose casualty follows the figure's
    own words (…驾乘人员死亡19人) are read by `_like_casualty_of_sentence` already and left as they are.
    """
    if casualty_word(doc, i) is not None:
        return parent
    text, cands = doc.text, doc.cands
    clause = last_end(_ITEM_CLAUSE_BACK, text, cands[i].start, max(marker, cands[i].start - WINDOW))
    heading = _CASUALTY_HEADING.match(text, clause, cands[i].start)
    if heading is None:
        return parent
    own = heading.group("c")
    if _says_casualty(doc, parent, own) or casualty_word(doc, parent) is None:
        return parent
    records, contexts, changes = doc.records, doc.contexts, doc.changes
    sentence = contexts[parent].sentence_start
    for k in range(parent - 1, -1, -1):
        if contexts[k].sentence_start != sentence:
            break
        if not changes[k].relative and records[k].unit == records[i].unit and _says_casualty(doc, k, own):
            return k if size_of(records[k]) >= size_of(records[i]) else None
    return None


def _says_casualty(doc: Reading, k: int, casualty: str) -> bool:
    """Whether figure ``k``'s own words say ``casualty`` right before it (死亡43人) or right after (43人死亡).

    Closer than `casualty_word`, which reads the words after a figure first: 死亡43人，受伤128人 gives the
    43 the 受伤 of the next clause there.
    """
    ctx = doc.contexts[k]
    return ctx.pre.rstrip()[-4:].endswith(casualty) or ctx.post.lstrip().startswith(casualty)


#: The start of an item's own clause, searched back from its figure.
_ITEM_CLAUSE_BACK = compile_pattern(r"[，,、；;。：:]", regex.REVERSE)


def _like_casualty_of_sentence(doc: Reading, j: int, i: int) -> int | None:
    """The figure of ``j``'s sentence, ``j`` or before it, that counts the casualty item ``i`` counts.

    事故41起，死亡29人，受伤12人。其中，建筑业事故25起，死亡21人: the 12 injured stand nearest the
    item, but a casualty count breaks down the count of the same casualty (死亡) of the totals; the
    totals are one sentence of figures in the item's unit, commas between them. Changes are skipped
    (减少9人 is a difference, no total).
    """
    own = casualty_word(doc, i)
    if own is None:
        return None
    records, contexts, changes = doc.records, doc.contexts, doc.changes
    unit, sentence = records[i].unit, contexts[j].sentence_start
    for k in range(j, -1, -1):
        if contexts[k].sentence_start != sentence:
            return None
        if changes[k].relative or records[k].unit != unit:
            continue
        if casualty_word(doc, k) == own:
            return k if size_of(records[k]) >= size_of(records[i]) else None
    return None


def kind_of_whole(ctx: Context, choice: Choice, whole: Record, lex: Lexicon) -> bool:
    """A breakdown item named `…类` counts the whole's thing (工单8.93万件，其中求助类2.05万件: 工单).

    Its words name a kind (求助, 意见建议), and would give the metric of that word (警情, 意见建议);
    only a more specific metric under a general category (a named violation under all violations)
    keeps its own: 接报警情4.2万起，其中纠纷类1.6万起 counts incidents, not disputes mediated.
    """
    if whole.metric in ("other", choice.key) or not KIND_OF_WHOLE.search(ctx.pre):
        return False
    priority = lex.metrics.priorities
    return not priority.get(choice.key, 0) > priority.get(whole.metric, 0) < 0


def kind_of_lead(doc: Reading, i: int, choice: Choice) -> Choice:
    """The metric of a `…类` item that breaks down no figure: what the words before its list count.

    从诉求类型看，咨询类4.05万件，求助类2.37万件: the kinds are kinds of 诉求 (tickets), not calls for
    help (警情); the words of the sentence before its first `…类` item say what is counted, when a
    metric counted in the item's unit knows them. As with a whole, a more specific own metric stays,
    but only under a general category (从违法类型看，酒驾类: drink driving); under another it is
    the list's subject that is counted (从警情类型看，纠纷类1.1万起: incidents, not disputes mediated).
    """
    text, cands, contexts, lex = doc.text, doc.cands, doc.contexts, doc.lex
    unit = doc.records[i].unit
    start = contexts[i].sentence_start
    first = i
    while (
        first
        and contexts[first - 1].sentence_start == start
        and KIND_OF_WHOLE.search(contexts[first - 1].pre)
    ):
        first -= 1
    lead_end = cands[first].start - len(contexts[first].pre)
    words = text[start:lead_end] if lead_end - start >= 2 else _grouping_heading(text, start)
    if not words:
        return choice
    lead = lex.metrics.classify(pre=words, post="", heading="", unit=unit, is_change=False)
    if lead.key == "other" or unit not in lex.metrics.units.get(lead.key, ()):
        return choice
    priority = lex.metrics.priorities
    if choice.key != "other" and priority.get(choice.key, 0) > priority.get(lead.key, 0) < 0:
        return choice  # only under a general category (违法: a named violation)
    return Choice(lead.key, lead.name)


def _grouping_heading(text: str, start: int) -> str:
    """The words of a short heading line right above `start` that announces a grouping, else "".

    （三）来电分类⏎求助类共1.9万件；投诉类共8600件: a report's section heading names what its
    `…类` items are kinds of, as 从诉求类型看 would in their own sentence. Only a line of its own,
    right above a line that opens with a `…类` item (the items after its semicolons included),
    ending in a word of grouping (分类, 类型, 类别, 构成).
    """
    items = start_of_line(text, start)
    if items == 0 or _CLASS_OPENS.match(text, items) is None:
        return ""
    line = text[start_of_line(text, items - 1) : items - 1]
    words = _HEADING_MARK.sub("", line).strip()
    return words if len(words) <= 12 and _GROUPING_END.search(words) else ""


#: A heading's numbering (二、, 2., （三）) before its words.
_HEADING_MARK = compile_pattern(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]\s*)?")
#: A line that opens with a class's name (咨询类共…, 求助类…).
_CLASS_OPENS = compile_pattern(r"\s*\p{Han}{1,6}?类")
#: A heading that announces a grouping ends in one of these words.
_GROUPING_END = compile_pattern(r"(?:分类|类型|类别|构成)(?:情况)?$")


#: Words that make a figure a rate of a count, per period or per head (日均, 人均办案, 每名民警): a
#: share of no total, so no part of one, however a breakdown before it in the sentence runs on.
#: The verb a court's or a procuratorate's item opens with (其中：受理民事案件780件, 结案640件), after the
#: breakdown word or a colon, when its words hold nothing else before it.
_OPENING_VERB = compile_pattern(
    r"^(?:其中)?[\s，,:：]*(?P<verb>受理|收案|新收|结案|审结|执结|办结|立案|破获|侦破|起诉|批捕)"
)
#: A clause ended between a 其中 (past the comma or colon right after it) and an item in another unit.
#: Not a comma typed into a list (酒驾,、醉驾): one next to a 、 ends no clause.
_OTHER_CLAUSE = compile_pattern(r"(?<!、)[，,；;](?![、，,])")
#: The words that leave a count out of the one before it (受理各类案件6380件(不含旧存214件), 决定不起诉118人
#: (不含附条件不起诉5人)): what is not included is no part, whichever pass found it a whole.
_LEFT_OUT = compile_pattern(r"(?:不含|不包括|未含|未包括|未计入|不计)[^，。；,;:：()（）\d]{0,12}$")
_LEFT_OUT_REACH = 16
#: Kinds of place a count may count (12个乡镇, 150个行政村, 30个社区).
_PLACE_KIND = r"(?:乡镇|行政村|村组|村|社区|街道|镇|乡|小区)"
#: The clause of an item that sets something up in a kind of place (其中在街道建服务点, 在社区设网格员).
_SET_UP_IN = compile_pattern(
    r"(?:^|[，,；;:：]|其中)在"
    + _PLACE_KIND
    + r"[^，。；,;:：\d]{0,3}?(?:新建|建成|建|设立|设置|设|配备|聘用|成立)[^，。；,;:：\d]{0,10}$"
)
_PLACE_AFTER = compile_pattern(r"[ \t]*" + _PLACE_KIND)
#: A count per so many people (每10万人1318件, 每十万人口) is a rate of a population, no part either.
_RATE_OF_COUNT = compile_pattern(PER_PERIOD + r"|人均|户均|车均|场均|每人|每名|每户|每[\d十百千万]{1,6}人")
#: Words inside a bracket that make its figure a rate or another period's, not a part
#: (1.94万起(日均53起), 214起(2023年为236起), 612起(上年同期498起)); 即 restates what is before it
#: (较前年上升6.7%(即29 157宗): Hong Kong's releases give the year before's count so).
_NOT_A_PART = compile_pattern(
    r"日均|月均|年均|平均|每|年|去年|上年|同期|较|比|约合|折合|合计|共计|累计|总|即"
)


def _set_up_in_places(doc: Reading, whole: int, i: int) -> bool:
    """Whether item ``i`` counts things set up in the kind of place its whole ``whole`` counts.

    A count of places (在5个街道、42个社区) and a 其中 that then says what was built or set in
    such places (其中在街道建服务点3个) split the work by where it stands: the posts are no part of
    the communities, whatever unit they share.
    """
    if _SET_UP_IN.search(doc.contexts[i].pre[-24:]) is None:
        return False
    return _PLACE_AFTER.match(doc.text, doc.cands[whole].end) is not None


def open_line(text: str, start: int, lo: int, lex: Lexicon) -> int | None:
    """Where the breakdown word or semicolon ending the line before `start` stands, if it ends so.

    `start` follows a line break. Text taken from a PDF breaks a sentence into lines, and a 其中
    list is often laid out one item a line: a line ending in 其中： (其中, 包括：) or ；leaves its
    breakdown open, and the next line goes on with it; so does a line broken after a comma
    (未戴安全头盔7,105起，⏎无证驾驶138起). A blank line, or a line ended otherwise (。, a heading's
    words), closes it.

    >>> from statx import load_rules
    >>> from statx.lexicon import lexicon
    >>> lex = lexicon(load_rules())
    >>> text = "查处违法12万起。其中：\\n酒驾1026起；\\n无证驾驶312起"
    >>> open_line(text, 13, 0, lex), open_line(text, 22, 0, lex)
    (9, 20)
    >>> open_line("查处12万起。\\n其中", 8, 0, lex) is None
    True
    """
    # most lines end on 。 or words: a look at the line's last character (before blanks, and
    # before a blank line, which `$` also stands before) spares the search
    tail = text[max(lo, start - 28) : start - 1].rstrip(" \t")
    last = tail[:-1].rstrip(" \t")[-1:] if tail.endswith("\n") else tail[-1:]
    if last not in lex.breakdown_line_last:
        return None
    m = lex.breakdown_line_end.search(text, max(lo, start - 28), start - 1)
    return m.start() if m is not None and m.start() >= lo else None


#: A lead that views one kind of what was counted (从较大火灾的区域分布看, 从重大事故的行业分布来看).
_KIND_VIEWED = compile_pattern(
    r"从(?P<kind>[^，。；、的\d\s]{2,8}?)的[^，。；、\d]{0,6}?(?:分布|构成|结构|类型|类别|来源)(?:情况)?(?:来|上)?看"
)


def _lead_of_another_kind(doc: Reading, lead: regex.Match[str], whole: int) -> bool:
    """Whether a lead that views one kind (从较大火灾的区域分布看) finds as its whole a figure of another.

    南部地区发生火灾1.2万起，北部地区发生火灾0.9万起。从较大火灾的区域分布看，南部地区最多，共5起: the
    5起 are the big fires of the south, no part of the north's fires said last; a whole whose
    sentence does not name the kind is the total of something else, and the parts take none.
    """
    viewed = _KIND_VIEWED.match(doc.text, lead.start(), lead.end())
    if viewed is None:
        return False
    whole_at = doc.cands[whole].start
    words = doc.text[doc.contexts[whole].sentence_start : whole_at]
    return viewed.group("kind") not in words


def _past_sibling_view(doc: Reading, out: Sequence[int | None], i: int, whole: int) -> int | None:
    """The whole of a figure a breakdown lead opens, past a figure of an earlier lead's view.

    从地区看，全国27个省级单位…双下降。从行业领域看，8个行业领域…: each lead views the same total
    from another side, so a figure of the view before (27个) is no whole of the next one's; the
    next one breaks down what that view broke down (its own whole, or none).
    """
    text, contexts, lex = doc.text, doc.contexts, doc.lex
    start = contexts[whole].sentence_start
    if start == contexts[i].sentence_start:
        return whole
    lo = max(0, doc.cands[whole].start - WINDOW)
    start = after_open_line(text, start, lo, lex, semicolon=False)
    if lex.breakdown_lead.match(text, start, doc.cands[whole].start) is not None:
        return out[whole]
    # 从发生区域看，乡村最多。乡村发生火灾N起；城区M起。⏎从发生时间看，…: a lead opening the paragraph
    # the figure stands in, sentences before it, makes it a part of that view too
    paragraph = text.rfind("\n", 0, doc.cands[whole].start) + 1
    if paragraph != text.rfind("\n", 0, doc.cands[i].start) + 1 and (
        lex.breakdown_lead.match(text, paragraph, doc.cands[whole].start) is not None
    ):
        return out[whole]
    return whole


def whole_past_sibling(doc: Reading, i: int, whole: int, outer_start: int | None, lead: int) -> int:
    """The whole of figure `i`, a part the lead at `lead` opens: `whole`, or the total `whole` is a part of.

    全年接报火灾N起，其中…；住宅火灾A起，占总数的X%。从起火场所看，厂房火灾B起: the lead views the
    total another way, and the 住宅 count before it is a sibling of its parts, as `_whole_before`
    reads a part it already knows; this one's whole (at `outer_start`) was found only past its
    semicolon or by its share, after the walk, so the caller asks once it knows it (`statx.semantics`).
    Not when the lead names that part (在住宅火灾中，…): then it breaks the part down.
    """
    if (
        outer_start is None
        or doc.contexts[whole].sentence_start == doc.contexts[i].sentence_start
        or _lead_names_part(doc, whole, lead, i)
    ):
        return whole
    k = bisect.bisect_left(doc.records, outer_start, hi=whole, key=lambda r: r.start)
    found = k < whole and doc.records[k].start == outer_start
    return k if found and size_of(doc.records[k]) >= size_of(doc.records[i]) else whole


def after_open_line(text: str, start: int, lo: int, lex: Lexicon, *, semicolon: bool) -> int:
    """The start of a sentence that lines broke up: `start`, or earlier when open lines precede it.

    其中：⏎酒后驾驶1 026起: the item's sentence is the 其中's, whose whole stands before it. With
    `semicolon`, a line ending in ；goes on too (its items break down what the 其中 above breaks
    down, as `statx.semicolons` reads them); without, a semicolon still ends the sentence, as it
    does on one line. Searched back no further than `lo`.
    """
    while start > lo and text[start - 1 : start] == "\n":
        at = open_line(text, start, lo, lex)
        if at is None or (not semicolon and text[at] in "；;"):
            break
        start = last_end(FULL_STOP_BACK if semicolon else SENTENCE_END_BACK, text, at, lo)
    return start


def in_closed_bracket(text: str, at: int, start: int, end: int) -> bool:
    """Whether the breakdown word at `at` stands in a bracket opened after `start` and closed before `end`.

    停车泊位3000余个（含两轮车），增设信号灯1个: the 含 says what the 3000 hold, and its bracket
    closes before the next figure, which is none of its parts. A square bracket (【不含…】) too.

    >>> in_closed_bracket("泊位3000余个（含两轮车），增设信号灯1个", 9, 0, 21)
    True
    >>> in_closed_bracket("泊位3000余个（含两轮车1200个）", 9, 0, 14)
    False

    A bracket opened and closed again after the word is nested in its own (（其中，甲4起（较大1起），乙2起）:
    the 其中 still holds 乙), and closes nothing the word stands in.

    >>> in_closed_bracket("16起（其中，甲4起（较大1起），乙2起）", 4, 0, 20)
    False
    """
    opened = max(text.rfind("(", start, at), text.rfind("（", start, at), text.rfind("【", start, at))
    if (
        opened < 0
        or max(text.rfind(")", opened, at), text.rfind("）", opened, at), text.rfind("】", opened, at)) >= 0
    ):
        return False
    depth = 1
    for ch in text[at:end]:
        if ch in "(（【":
            depth += 1
        elif ch in ")）】":
            depth -= 1
            if not depth:
                return True
    return False


def closes_a_bracket(text: str, start: int, end: int) -> bool:
    """Whether a bracket opened before `start` closes before `end`: a figure before `start` is in it.

    泊位3000余个（含两轮车泊位1200个），其中新增泊位800个: the 1200 is an aside in a closed bracket,
    and the 其中 after it breaks down the 3000 outside.

    >>> closes_a_bracket("（含两轮车泊位1200个），其中", 12, 17)
    True
    >>> closes_a_bracket("1200个（含两轮车），其中", 5, 14)
    False
    """
    between = text[start:end]
    if ")" not in between and "）" not in between:
        return False
    depth = 0
    for ch in between:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            if depth == 0:
                return True
            depth -= 1
    return False


_BRACKET_ITEMS = 8  # the most figures before one in the same open bracket looked back over


def _bracket_opened_on(doc: Reading, i: int, sentence_start: int) -> tuple[int, int] | None:
    """Where a bracket opens on a figure before figure `i` (and that figure's index), when `i` stands in it.

    挂牌1704辆(小型汽车463辆、摩托车1241辆): the bracket opened on 1704辆 holds both items, so
    the second's figure before (463辆) is not where to look; each earlier figure of the sentence
    is tried, nearest first, and `_bracket_after` refuses a bracket closed before the figure.
    """
    text, cands = doc.text, doc.cands
    for j in range(i - 1, max(-1, i - 1 - _BRACKET_ITEMS), -1):
        if cands[j].end < sentence_start:
            break
        bracket = _bracket_after(text, cands[j].end, sentence_start, cands[i].start)
        if bracket is not None:
            return bracket, j
    return None


#: A bracket that holds a figure and at most a qualifier or a word of converting before it, and closes
#: right after it: nothing in it names a kind, as a part's bracket does (612起(醉驾148起)).
_BARE_BRACKET = compile_pattern(r"[(\[](?:逾|约|近|超过|超|共|合|计|折合|约合|即)?$")


def _converted_in_bracket(doc: Reading, whole: int, i: int, bracket: int) -> bool:
    """Whether figure `i`, alone in the bracket opened on `whole`, gives that figure again in another unit.

    缴获毒品1.38万公斤(逾13吨), 罚没2360千克(约2.4吨): the bracket converts the count before it, so the
    figure in it is no part; a part names its kind in the bracket (612起(醉驾148起)). Not after a share
    or a multiple, whose bracket gives a count of its own (占46.5%(11万起)).

    >>> from statx import extract_text
    >>> [r.parent for r in extract_text("缴获毒品1.38万公斤（逾13吨）")]
    [None, None]
    """
    rw, ri = doc.records[whole], doc.records[i]
    if rw.unit in SHARE_UNITS or rw.unit == "倍" or ri.unit in SHARE_UNITS or rw.unit == ri.unit:
        return False
    cand = doc.cands[i]
    if doc.text[cand.end : cand.end + 1] not in (")", "]"):
        return False
    return _BARE_BRACKET.match(doc.text, bracket, cand.start) is not None


#: The words a count names right after its measure word, before a bracket of its parts opens
#: (设置12个临时执勤点（城区5个、乡镇7个）): Han characters only, no punctuation or number between.
_NAMED_BEFORE_BRACKET = compile_pattern(r"\p{Han}{1,10}(?=[(\[])")


def _bracket_after(text: str, whole_end: int, sentence_start: int, start: int) -> int | None:
    """Where a bracket opens right after the figure before, when the figure at `start` stands in it.

    查处酒后驾驶违法犯罪612起(醉酒驾驶148起): a figure in brackets that open on the figure
    before names a part of it, as 其中 would. Not a per-day rate, another period's figure or a
    conversion in the bracket (see `_NOT_A_PART`), nor a bracket closed before the figure.

    >>> _bracket_after("酒驾612起(醉驾148起)", 6, 0, 10)
    6
    >>> _bracket_after("接警1.94万起(日均53起)", 8, 0, 12) is None
    True
    >>> _bracket_after("设置12个执勤点(城区5个、乡镇7个)", 5, 0, 11)
    8
    >>> _bracket_after("伤亡40人(重伤6人;轻伤34人)", 5, 0, 13)
    5
    """
    if whole_end < sentence_start:
        return None
    if (named := _NAMED_BEFORE_BRACKET.match(text, whole_end, start)) is not None:
        whole_end = named.end()  # 设置30个快处点(城区12个…): the bracket opens on what was counted
    if text[whole_end : whole_end + 1] not in ("(", "["):
        return None
    inside = text[whole_end + 1 : start]
    # a semicolon inside the bracket separates its items (伤亡40人(重伤6人;轻伤34人)), as 、 does
    if regex.search(r"[)\]。]", inside) or _NOT_A_PART.search(inside):
        return None
    return whole_end


#: A line break inside a sentence: after words that close nothing and before a digit, as a wrap
#: or a <br> puts it (受伤<br>189人，同比下降6.2%。其中，…236起 still breaks down the 612起 before
#: it); not before a list's next item (2. , 2、), nor after a closed sentence (…612起。\n2025年…).
_WRAP = compile_pattern(
    r"(?<=[^\s。！？!?；;：:…”」』）)】][ \t]*)\n[ \t]*(?=\d)(?!\d{1,3}(?:[.)](?!\d)|、))"
)
