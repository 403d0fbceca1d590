"""Pair the figures of a `分别` list with what each goes with, in order.

事故起数、死亡人数分别下降10.5%、12.3%: each change is of the item listed in its place. The items are
the words listed before 分别, the earlier figures of the sentence, or the words listed after it;
a list of changes with as many figures as the counts before it pairs the same way though 分别 is
not said (`read_respectively`). `semantics` reads each figure's label and metric from the pair.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from statx.changes import ChangeInfo
from statx.clauses import (
    LIST_JOINS,
    RESPECTIVELY,
    SENTENCE_END,
    WINDOW,
    Context,
    comma_joined_percents,
    without_blanks,
)
from statx.figurereading import start_of
from statx.lexicon import Lexicon
from statx.matcher import Candidate
from statx.patterncache import compile_pattern

#: What separates the items of a list (、, 和, 及, 与).
_LIST_ITEMS = compile_pattern(r"、|以及|和|(?<![涉危普波顾触])及(?!时)|(?<!参)与")
#: The list's own separator, when a 和/及/与 joins two words inside one item (涉毒及相关案件破案数、抓获数).
_STOP = compile_pattern(r"、")
#: The preposition that opens a list after 分别 (分别就超速、冲红灯…票控, 分别对…开展): not part of its
#: first item.
_LIST_PREPOSITION = compile_pattern(r"^\s*(?:对于|针对|就|对|向)")
#: What 分别 opens when the figures after it are shares of a whole (分别占总数的, 分别占全县): 占 alone,
#: not 占用 (lanes) or 占道 (occupying the road, a violation).
_SHARES_AFTER = compile_pattern(r"^\s*占(?![用道地有据])")


#: A rate named right before 分别 (调解成功率分别为98.2%、97.5%, 破案率同比分别提高): the list's figures are
#: that rate's, one for each item said before, not changes of the counts earlier in the sentence.
_RATE_NAMED = compile_pattern(r"(?:率|占比|比例|比重)\s*$")


@dataclass(frozen=True, slots=True)
class Listed:
    """The words a figure of a `分别` list is paired with.

    `words` are its item with what is said after 分别 (城关中队、蓬壶中队分别查处酒驾32起、21起:
    城关中队查处酒驾); `head` the last item's, for an item before it that names nothing itself (摩托车、
    电动自行车驾乘人员头盔佩戴率: the items share the rate), empty for the last item.
    """

    words: str
    head: str = ""


def read_respectively(
    text: str,
    cands: Sequence[Candidate],
    contexts: Sequence[Context],
    lex: Lexicon,
    changes: Sequence[ChangeInfo] = (),
) -> dict[int, int | Listed]:
    """Pair each figure of a `分别 A、B` list with what it goes with, in order.

    Either the listed words before 分别 (事故起数、死亡人数分别下降10.5%、12.3%: those words, with
    what 分别 is followed by), or the earlier figures of the sentence (机动车289.5万辆，驾驶人412万人，
    分别增长6.1%和5.3%: the index of that figure), or else the words listed after it, before the
    figures (警方分别就超速驾驶、衝紅燈及使用流動電話票控25.6萬宗、1.84萬宗及9,730宗: a press
    release's 分别就/对 A、B及C + verb). The words listed right before 分别 win over the earlier
    figures (亡人事故19起，死亡21人，亡人事故起数、死亡人数同比分别下降24%、27.6%). The figures of
    the list may each say their own change (同比分别上升9.2%、下降20.8%), and an item that did not
    change holds its place with no figure (事故起数、死亡人数同比分别下降5.3%和持平: the 5.3% is of
    the accidents).
    """
    out: dict[int, int | Listed] = {}
    shared: dict[int, str] = {}  # the figures of a `分别占…` list of shares, each with its bare item
    i = 0
    while i < len(cands):
        pre = contexts[i].pre
        m = RESPECTIVELY.search(pre)
        if m is None and (lead := _unchanged_lead(text, cands, i, pre)) is not None:
            # 分别持平、上升5%: the list opens before the 、 the figure's words stop at
            pre = text[lead : cands[i].start]
            m = RESPECTIVELY.search(pre)
        if m is None:
            _implied_respectively(text, cands, contexts, lex, i, out, changes)
            i += 1
            continue
        said = pre[: m.start()]
        if (basis := lex.basis_tail.search(said)) is not None:
            said = said[: basis.start()]
        said = _COMPARED_TAIL.sub("", said)  # 亡人事故和伤者与去年国庆相比分别下降: 与 lists no item
        said = _YEARS_COMPARED.sub("", said)  # 警情较2018年、2022年分别下降: years, no items
        items = [w for w in _LIST_ITEMS.split(said) if w.strip()]
        group = _comma_list(text, cands, _list_from(text, cands, i, lex), len(items))
        k = len(group)
        after = pre[m.end() :]
        lead = _UNCHANGED_FIRST.match(after)
        ahead = lead.group().count("持平") if lead else 0  # 分别持平和下降5.3%
        after = after[lead.end() :] if lead else after
        trail = _unchanged_after(text, cands[group[-1]].end)
        behind = trail.group().count("持平") if trail else 0  # 分别下降5.3%和持平
        slots = ahead + k + behind
        before = _counts_before(text, cands, contexts, i, slots, group)
        if not before and i and _opens_with_comparison(text, contexts[i - 1], contexts[i], cands[i].start):
            # 直接财产损失8.5亿元。与去年同期相比，分别下降15.8%…: a sentence that only compares pairs
            # its list with the counts of the sentence before it
            before = [
                j
                for j in range(i - slots, i)
                if j >= 0 and contexts[j].sentence_start == contexts[i - 1].sentence_start
            ]
        before = _said_apart(cands, contexts, i, group[-1], slots) or before
        before = _counts_before_money(text, cands, contexts, i, before)
        before = _counts_before_hurt(text, cands, contexts, i, before)
        listed = [w for w in _LIST_ITEMS.split(_LIST_PREPOSITION.sub("", after)) if w.strip()]
        if slots > 1 and len(items) > slots:
            # 涉毒及相关案件破案数、抓获数分别同比增长a%、b%: the 及 joins the kinds of one item; the
            # stops alone give as many items as figures
            by_stop = [w for w in _STOP.split(said) if w.strip()]
            items = by_stop if len(by_stop) == slots else items
        if slots > 1 and len(items) < 2:
            clause_start = cands[i].start - len(pre)
            found = _listed_in_clause_before(text, clause_start, contexts[i], slots, cands)
            if found is None and not ahead and not behind:
                # 发案数、破案数、追赃数“一降两升”，分别为5.8%、42.4%，30.1%: a list typed with 、 and then a
                # comma; with no items before 分别 to say how many, the clause before says it
                wider = _comma_list(text, cands, group, k + _MAX_COMMA_MORE)
                if len(wider) > k:
                    found = _listed_in_clause_before(text, clause_start, contexts[i], len(wider), cands)
                    if found is not None:
                        group, k, slots = wider, len(wider), len(wider)
            items = found or items
        if slots > 1 and len(items) == slots:
            items = _shared_words(items)
            tail = _what_follows(after, lex)
            head = items[-1] + tail
            out.update(
                (g, Listed(item + tail, head if n < slots - 1 else ""))
                for n, (g, item) in enumerate(zip(group, items[ahead : ahead + k], strict=True), ahead)
            )
            if _SHARES_AFTER.match(after):
                shared.update(zip(group, items[ahead : ahead + k], strict=True))
        elif (
            slots > 1
            and len(before) == slots
            and _changes_of_shared(text, cands, changes, group, before, shared)
        ):
            # 涉酒的事故起数、死亡人数分别占全部的9.6%、12.4%，同比分别下降21.3%、18.7%: the changes are of
            # the items the shares were of (the accidents, the deaths), not changes of the shares
            out.update((g, Listed(shared[b])) for g, b in zip(group, before[ahead : ahead + k], strict=True))
        elif slots > 1 and len(before) == slots and _SHARES_AFTER.match(after):
            # 城关所968起、河西所741起，分别占总数的29.7%、22.7%: each a share of the whole, not a
            # count of what its figure counts
            out.update((g, Listed(after)) for g in group)
        elif slots > 1 and len(before) == slots and not _RATE_NAMED.search(said):
            out.update(zip(group, before[ahead : ahead + k], strict=True))
        elif slots == len(_FOUR_INDICES) and _CRASH_INDICES.search(said):
            # 全县事故四项指数同比分别下降9%、12%、8%、6%: the crash bulletin's four indices, named
            # by the phrase alone and always in this order, when no counts before them say them
            tail = _what_follows(after, lex)
            out.update(
                (g, Listed(item + tail))
                for g, item in zip(group, _FOUR_INDICES[ahead : ahead + k], strict=True)
            )
        elif k > 1 and not ahead and len(listed) == k:  # the verb stays on the last item
            out.update(
                (g, Listed(item, listed[-1] if n < k - 1 else ""))
                for n, (g, item) in enumerate(zip(group, listed, strict=True))
            )
        i = group[-1] + 1
        if all(g in out for g in group) and (
            second := _new_levels(text, cands, group, lex) or _changes_again(text, cands, group, lex)
        ):
            out.update((t, out[g]) for g, t in zip(group, second, strict=True))
            i = second[-1] + 1
    return out


def _changes_of_shared(
    text: str,
    cands: Sequence[Candidate],
    changes: Sequence[ChangeInfo],
    group: Sequence[int],
    before: Sequence[int],
    shared: dict[int, str],
) -> bool:
    """Whether a `分别` list of changes in % follows a `分别占…` list of shares, one change for each.

    Only changes in % (a change in 个百分点 is the share's own), each figure read as a change.
    """
    if not changes or any(b not in shared for b in before):
        return False
    in_percent = all(_in_percent(text, cands[g]) for g in group)
    return in_percent and all(changes[g].change is not None for g in group)


def _counts_before(
    text: str,
    cands: Sequence[Candidate],
    contexts: Sequence[Context],
    i: int,
    slots: int,
    group: Sequence[int],
) -> list[int]:
    """The ``slots`` figures of figure ``i``'s sentence right before it, that a list of changes pairs with.

    全省查处酒驾醉驾2.3万起，其中醉驾4312起，占18.7%，同比分别下降6.2%和9.1%: the changes in % are of
    the two counts; the share said right after the second count (，占18.7%) is that count's own aside, no
    item of the list, so it is passed over. Only a share joined to the count before it by a comma and
    占, and only for a list all in % (a list in 个百分点 may well change the shares).
    """
    in_percent = all(_in_percent(text, cands[g]) for g in group)
    out: list[int] = []
    j = i - 1
    while j >= 0 and len(out) < slots and _same_sentence(text, cands, contexts, j, i):
        if not (in_percent and j > 0 and _is_part_share(text, cands, j)):
            out.append(j)
        j -= 1
    return out[::-1]


#: A count of events (事故250起, 案件86件, 罪案420宗): the first of a bulletin's indices.
_EVENT_COUNT_END = ("起", "件", "宗")


def _said(text: str, cand: Candidate) -> str:
    """The figure as the text writes it (事故250起, 118.88万元)."""
    return text[cand.start : cand.end]


def _events_right_before(
    text: str, cands: Sequence[Candidate], contexts: Sequence[Context], k: int, i: int
) -> int | None:
    """The figure right before figure ``k`` when it counts events (起, 件, 宗) in figure ``i``'s sentence."""
    j = k - 1
    if j < 0 or not _same_sentence(text, cands, contexts, j, i):
        return None
    return j if _said(text, cands[j]).endswith(_EVENT_COUNT_END) else None


def _counts_before_money(
    text: str, cands: Sequence[Candidate], contexts: Sequence[Context], i: int, before: list[int]
) -> list[int]:
    """The counts a list of changes pairs with when one too many stand before it, the last a sum of money.

    事故250起，死亡75人，受伤246人，损失118.88万元，同比分别下降a%、b%、c%: a bulletin gives the changes
    of its counts first and the money's apart or not at all (…，损失同比上升3.2%), so three changes are
    of the accidents, the dead and the hurt, not of the last three figures. Only when the figure before
    the paired ones is a count of events (起, 件, 宗) of the same sentence and money is said last alone.
    """
    if len(before) < 2 or not _said(text, cands[before[-1]]).endswith("元"):
        return before
    if any(_said(text, cands[b]).endswith("元") for b in before[:-1]):
        return before
    j = _events_right_before(text, cands, contexts, before[0], i)
    return before if j is None else [j, *before[:-1]]


#: The words right before a crash tally's count of the dead (死亡30人, 亡5人) and of the hurt (受伤9人).
_DEAD_BEFORE = compile_pattern(r"(?:死亡|亡)\s*$")
_HURT_BEFORE = compile_pattern(r"伤\s*$")
#: A verb that makes the dead and the hurt a clause of their own (N起，造成死亡a人、受伤b人).
_CAUSED = compile_pattern(r"造成|致使|导致|致")


def _counts_before_hurt(
    text: str, cands: Sequence[Candidate], contexts: Sequence[Context], i: int, before: list[int]
) -> list[int]:
    """The counts a list of changes pairs with when a crash tally gives one change fewer than its counts.

    事故a起、死亡b人、受伤c人，同比分别下降x%、y%: a bulletin gives its indices in a fixed order, the
    events first, and says fewer changes by leaving the last index out, so the two are of the events
    and the dead, not of the dead and the hurt. Only when the paired counts are the dead then the hurt
    and a count of events of the same sentence stands right before them.
    """
    if len(before) != 2:
        return before
    dead, hurt = before
    j = _events_right_before(text, cands, contexts, dead, i)
    if j is None:
        return before
    gap = text[cands[j].end : cands[dead].start]
    if not _DEAD_BEFORE.search(gap) or _CAUSED.search(gap):
        # 一般程序事故N起，造成死亡a人、受伤b人，分别同比下降x%、y%: the changes are of the clause 造成 opens
        return before
    if not _HURT_BEFORE.search(text[cands[dead].end : cands[hurt].start]):
        return before
    return [j, dead]


def _same_sentence(
    text: str, cands: Sequence[Candidate], contexts: Sequence[Context], j: int, i: int
) -> bool:
    """Whether figure ``j`` (before ``i``) stands in figure ``i``'s sentence.

    A sentence longer than `WINDOW` gives its later figures a start cut at the window, no longer the
    one of its first figures (全省共查处…4.2万起，其中…，因酒驾导致亡人事故310起，造成335人死亡，
    分别同比减少12.6%、11.9%): when no sentence end stands between ``j`` and the figure after it, near
    enough to look, the two are of one sentence all the same.
    """
    if contexts[j].sentence_start == contexts[i].sentence_start:
        return True
    gap_start, gap_end = cands[j].end, cands[j + 1].start
    return gap_end - gap_start <= WINDOW and SENTENCE_END.search(text, gap_start, gap_end) is None


def _in_percent(text: str, cand: Candidate) -> bool:
    """Whether a figure is written in % (a list of shares or of changes in %, not in 个百分点)."""
    return text[cand.start : cand.end].rstrip().endswith("%")


#: What joins a count to its own share right after it (4312起，占18.7%): a comma and 占, 占比 or 占比为.
_PART_SHARE_GAP = compile_pattern(r"\s*[，,]\s*占(?:比为?)?\s*")


def _is_part_share(text: str, cands: Sequence[Candidate], j: int) -> bool:
    """Whether figure ``j`` is a share in % said right after the count before it (，占18.7%)."""
    if not _in_percent(text, cands[j]):
        return False
    gap = _PART_SHARE_GAP.fullmatch(text, cands[j - 1].end, cands[j].start)
    return gap is not None and not _in_percent(text, cands[j - 1])


#: A comparison with an earlier year (与去年春节假期相比, 同上年同期比较), also one named by its number or
#: as the years before (与2019年国庆假期相比, 与往年同期相比: a holiday compared with a year before the
#: pandemic, as national bulletins of 2021 did), its number also in Chinese numerals as Hong Kong's
#: reviews write it (与二〇一九年比较).
_COMPARED_WITH = (
    r"(?:与|和|跟|同)(?:去年|上年|前年|上一年|往年|(?<!\d)(?:19|20)\d\d年|(?<![一二三四五六七八九〇零])"
    r"[一二][九〇零][一二三四五六七八九〇零]{2}年)\p{Han}{0,8}?(?:相比|对比|比较|比)"
)
#: A comparison closing the words before 分别 (事故起数和死亡人数与去年春节假期相比分别下降37%、39%):
#: what the items are compared with, not one more item.
_COMPARED_TAIL = compile_pattern(rf"{_COMPARED_WITH}\s*$")

#: A comparison with two or more earlier years listed (同比2018年、2022年国庆假期, 较去年和2019年同期):
#: the list before 分别 names the years each change is against, no items that are changed.
_YEAR = r"(?:(?<!\d)(?:19|20)\d\d年|去年|上年|前年)"
_YEARS_COMPARED = compile_pattern(
    rf"(?:同比|较|比|与|和|跟|同){_YEAR}[^、，,。；;\d]{{0,8}}?(?:[、和及与]{_YEAR}[^、，,。；;\d]{{0,8}}?)+"
    r"(?:相比|对比|比较)?\s*$"
)

#: A year at the end of a 分别 list's first item, and a later item that is a year alone (…人数2020年及
#: 2021年分别为…): a list of years, the words before the first saying what each counts.
_PERIOD = r"(?:(?<!\d)(?:19|20)\d\d年|去年|上年|前年|今年|本年)(?:上半年|下半年|全年|同期)?"
_PERIOD_AT_END = compile_pattern(rf"{_PERIOD}\s*$")
_PERIOD_ALONE = compile_pattern(_PERIOD)

#: A comparison said alone (与去年同期相比, 较上年同期, 同比) and the indices a report counts
#: (四项指数, 三项指标): neither names what a 分别 list changes.
_COMPARISON = rf"(?:{_COMPARED_WITH}|(?:较|比)(?:去年|上年|前年|上一年)\p{{Han}}{{0,4}}?(?=[，,])|同比|环比)"
_INDICES = r"[一二三四五六七八九两\d]项(?:主要)?(?:指数|指标|数据)"

#: What a sentence opening with 分别 compares with before its change verb (…万元。分别比上年同期减少…,
#: 分别较上年上升…, 分别同比减少…): the list changes the counts of the sentence before it.
_COMPARED_AFTER = r"(?:(?:比|较|与|同)(?:去年|上年|前年|上一年)(?:同期)?(?:相比)?|同比|环比)"
#: A change verb right before the first figure of such a list.
_CHANGE_VERB = r"(?:下降|上升|增长|减少|增加|降低|提高|提升|下滑|上涨|回落)了?"

#: A sentence that opens with nothing but a comparison before its 分别 list (与去年同期相比，分别下降),
#: or with the count of indices a bulletin compares (较上年同期，四项指数分别回落; 三项指标同比分别
#: 下降), or with the earlier period and no comma (比上年同期分别减少了…): its items are the counts of
#: the sentence before it, which it does not name again. A comma a page left after the full stop
#: (…万元。，四项指数分别下降) opens nothing of its own.
_COMPARISON_ONLY = compile_pattern(
    rf"\s*(?:[，,]\s*)?(?:{_COMPARISON}[，,]?\s*(?:{_INDICES})?|{_INDICES}[，,]?\s*(?:{_COMPARISON})?)\s*"
    r"分别\p{Han}{0,4}\s*$"
    rf"|\s*分别\s*{_COMPARED_AFTER}\s*{_CHANGE_VERB}\s*$"
    rf"|\s*{_COMPARED_AFTER}\s*分别\s*{_CHANGE_VERB}\s*$"
)


#: The four indices of a crash bulletin (事故四项指数), in the order it always lists them.
_FOUR_INDICES = ("事故起数", "死亡人数", "受伤人数", "直接财产损失")
#: Words before 分别 that end in those indices (交通事故四项指数, 事故四项主要指数).
_CRASH_INDICES = compile_pattern(r"事故\s*(?:的)?四项(?:主要)?指[数标]\s*$")


def _opens_with_comparison(text: str, prev: Context, ctx: Context, start: int) -> bool:
    """Whether the figure at `start` opens a new sentence (not `prev`'s) that says only a comparison."""
    if prev.sentence_start == ctx.sentence_start:
        return False
    return _COMPARISON_ONLY.match(text, ctx.sentence_start, start) is not None


#: A clause of nothing but what a change compares with, maybe an earlier period written out in full.
_COMPARED_CLAUSE_WORDS = rf"{_COMPARED_WITH}|(?:与|和|跟|同)[^，,。；;：:]{{1,20}}?(?:相比|对比|比较)"
_COMPARED_CLAUSE = compile_pattern(_COMPARED_CLAUSE_WORDS)

#: A whole clause that only says what changes compare with (与去年相比, 同比过去五年均值): no items.
_COMPARISON_CLAUSE_ONLY = compile_pattern(
    rf"\s*(?:(?:{_COMPARED_CLAUSE_WORDS})|同比[^，,。；;：:\d]{{0,12}})\s*"
)

#: A change verb closing a clause that says only a change (同比下降 16.3%、21.2%和17.3%).
_CHANGE_VERB_END = compile_pattern(r"(?:下降|上升|增长|减少|增加|降低|提高|提升|下滑|上涨)了?$")


def _implied_respectively(
    text: str,
    cands: Sequence[Candidate],
    contexts: Sequence[Context],
    lex: Lexicon,
    i: int,
    out: dict[int, int | Listed],
    changes: Sequence[ChangeInfo] = (),
) -> None:
    """Pair a list of changes with the figures before it when their numbers agree, though 分别 is not said.

    事故17816起，造成5199人死亡、22146人受伤，同比下降16.3%、21.2%和17.3%: a clause that only says a
    change, with as many figures as the sentence counted before it, gives one change to each, in order.
    Only when the counts agree exactly: one change after two counts is of the nearest, as before.
    The same with the things listed right before the change (全市电诈警情、损失数同比下降24.8%、39.1%:
    the 24.8% is of the incidents, the 39.1% of the losses). A list of changes right after as many
    changes says them again against another period (甲、乙同比下降a、b；环比下降c、d; 与2019年同期相比
    下降…、…), each of what the change in its place was of (`changes`, when given).
    """
    pre = without_blanks(contexts[i].pre)
    verb = _CHANGE_VERB_END.search(pre)
    if verb is None:
        return
    group = _list_from(text, cands, i, lex)
    k = len(group)
    if k < 2:
        return
    # 同比下降a%、b%、持平: an item that did not change holds its place at the end of the list
    trail = _unchanged_after(text, cands[group[-1]].end)
    slots = k + (trail.group().count("持平") if trail else 0)
    # 与2019年同期相比下降, 与2019年上半年相比下降: a clause of only what the changes compare with
    compared_only = _COMPARED_CLAUSE.fullmatch(pre, 0, verb.start()) is not None
    if not lex.bare_change.match(pre) and not compared_only:
        said = pre[: verb.start()]
        if (basis := lex.basis_tail.search(said)) is not None:
            said = said[: basis.start()]
        items = [w for w in _LIST_ITEMS.split(_COMPARED_TAIL.sub("", said)) if w.strip()]
        if len(items) == slots:
            items = _shared_words(items)
            out.update(
                (g, Listed(item, items[-1] if n < slots - 1 else ""))
                for n, (g, item) in enumerate(zip(group, items[:k], strict=True))
            )
        return
    start = contexts[i].sentence_start
    first = i - slots  # the first figure before that the list pairs with
    if changes and first >= 0 and _changes_said_again(text, cands, contexts, changes, i, slots):
        # each takes the words its earlier change was paired with, or that change itself
        out.update((g, out.get(j, j)) for g, j in zip(group, range(first, first + k), strict=True))
        return
    if first < 0 or contexts[first].sentence_start != start:
        return
    if first - 1 >= 0 and contexts[first - 1].sentence_start == start:
        return  # more figures before than changes: which go together is not said
    if any(_CHANGE_VERB_END.search(without_blanks(contexts[j].pre)) for j in range(first, i)):
        return  # the figures before are changes themselves
    if _said_in_count_and_percent(text, cands, group, changes):
        return  # 减少96件、下降13.0%: one change, in the count and in %, not one for each figure before
    out.update(zip(group, range(first, first + k), strict=True))


def _said_in_count_and_percent(
    text: str, cands: Sequence[Candidate], group: list[int], changes: Sequence[ChangeInfo]
) -> bool:
    """Whether a list of two changes says one change twice: in the count, then again in % with its own verb.

    诈骗案件300起，损失500万元，同比减少50起、下降14.3%: the 14.3% is the cases' fall said as a share, the
    same way as the 50 fewer, so it pairs with no figure before it in order. Only a count and then a %,
    joined by a change word of the same way (减少…、下降…); 分别增加5起、下降10% (two ways) still pairs.
    """
    if len(group) != 2 or not changes:
        return False
    first, second = group
    percent = [text[cands[g].start : cands[g].end].rstrip().endswith(("%", "％")) for g in group]
    if percent != [False, True]:
        return False
    gap = text[cands[first].end : cands[second].start].strip(LIST_JOINS)
    if not gap:
        return False
    return changes[first].change is not None and changes[first].change == changes[second].change


def _changes_said_again(
    text: str,
    cands: Sequence[Candidate],
    contexts: Sequence[Context],
    changes: Sequence[ChangeInfo],
    i: int,
    k: int,
) -> bool:
    """Whether the `k` figures before figure `i` are the changes of the sentence right before, and only they.

    警情数、发案数同比下降14.2%、9.6%；环比下降3.1%、4.8%: a clause past a semicolon or a full stop
    of the same paragraph that says only changes, as many as the sentence before said, says them
    again against another period. Not when that sentence said more changes (which ones is not said).
    """
    before = range(i - k, i)
    first = contexts[i - k].sentence_start
    if any(changes[j].change is None or contexts[j].sentence_start != first for j in before):
        return False
    j = i - k - 1
    if j >= 0 and contexts[j].sentence_start == first and changes[j].change is not None:
        return False
    own = contexts[i].sentence_start
    return own == first or (own > cands[i - 1].end and "\n" not in text[cands[i - 1].end : own])


def _said_apart(
    cands: Sequence[Candidate], contexts: Sequence[Context], first: int, last: int, slots: int
) -> list[int] | None:
    """The earlier figures a `分别` list pairs with when the last of them has its change said apart.

    事故87起，死亡24人，受伤102人，直接财产损失51.3万元，同比分别下降6.5%、11.1%、4.7%，直接财产损失
    同比上升3.2%: four figures before three changes, and the clause after the list names the
    fourth again with a change of its own, so the list is of the first three, not the last three.
    None unless the clause right after the list opens with the words of the figure right before it.
    """
    after, prev = last + 1, first - 1
    if after >= len(cands) or prev - slots < 0:
        return None
    start = contexts[first].sentence_start
    if contexts[after].sentence_start != start or contexts[prev - slots].sentence_start != start:
        return None
    words = contexts[prev].pre.strip(" ，,、；;")
    if len(words) < 2 or not contexts[after].pre.lstrip(" ，,；;").startswith(words):
        return None
    return list(range(prev - slots, prev))


def _new_levels(text: str, cands: Sequence[Candidate], group: list[int], lex: Lexicon) -> list[int]:
    """The figures of the levels a `分别` list changed to, one for each of its figures, or none.

    酒驾、醉驾分别较去年同期的312起、98起下降至256起、71起: 256起 is the drink driving of this year;
    the words between the two lists are a `baseline_to` (下降至, 降至, 提高到).
    """
    first = group[-1] + 1
    if first + len(group) > len(cands):
        return []
    gap = text[cands[group[-1]].end : cands[first].start].strip().removeprefix("分别")
    if lex.baseline_to.fullmatch(gap) is None:
        return []
    second = list(range(first, first + len(group)))
    joined = all(_joins_list(text[cands[a].end : cands[a + 1].start], lex) for a in second[:-1])
    return second if joined else []


#: The clause between a `分别` list of changes and a second list of the same changes in counts
#: (…同比分别下降25%、33.3%和41.7%，较去年同期减少3起、1人、5人): a comma or a semicolon, then only a
#: basis and a change word, no 分别 of its own (with it, the second list pairs with the first's figures).
_CHANGES_AGAIN_GAP = compile_pattern(r"^[，,；;]\s*(?P<rest>\S+)$")


def _changes_again(text: str, cands: Sequence[Candidate], group: list[int], lex: Lexicon) -> list[int]:
    """The figures of a second list that says a `分别` list's changes again, in another unit, or none.

    事故起数、死亡人数、受伤人数同比分别下降25%、33.3%和41.7%，较去年同期减少3起、1人、5人: the
    分别 of the first list holds for the second, so 3起 is the accidents' fall, 1人 the deaths' and
    5人 the injuries', not all three the injuries' that the nearest words name. Only when the clause
    between holds nothing but a basis and a change word (`bare_change`), and the second list has as
    many figures as the first, joined as a list.
    """
    first = group[-1] + 1
    if first + len(group) > len(cands):
        return []
    gap = _CHANGES_AGAIN_GAP.match(text[cands[group[-1]].end : cands[first].start].strip())
    if gap is None or gap["rest"].startswith("分别") or lex.bare_change.match(gap["rest"]) is None:
        return []
    if lex.change_up.search(gap["rest"]) is None and lex.change_down.search(gap["rest"]) is None:
        return []
    second = list(range(first, first + len(group)))
    joined = all(_joins_list(text[cands[a].end : cands[a + 1].start], lex) for a in second[:-1])
    ends = first + len(group) == len(cands) or not _joins_list(
        text[cands[second[-1]].end : cands[second[-1] + 1].start], lex
    )
    return second if joined and ends else []


#: A number with a bound inside an item's name (死亡3人以上的事故): it names a class of the thing
#: listed, it is no figure of the clause.
_CLASS_BOUND = compile_pattern(r"\d+(?:\.\d+)?\s*\p{Han}{0,2}?(?:以上|以下)的")


def _listed_in_clause_before(
    text: str, clause_start: int, ctx: Context, slots: int, cands: Sequence[Candidate] = ()
) -> list[str] | None:
    """The items a `分别` list pairs with when they stand in the sentence's clause before it.

    A report names what fell, says so, and gives the figures in the next clause (事故起数、
    死亡人数、受伤人数实现“三下降”，同比分别下降16.0%、16.7%和10.1%): the clause with 分别 names
    nothing, so the items are those listed in the clause before, its last one cut where the
    clause goes on to say what happened to them (实现, 均, 有所). None unless that clause holds
    exactly as many items as the list has places and no number of its own (机动车289.5万辆，
    驾驶人412万人，分别增长…: there the earlier figures are the list), in digits or as any other
    figure of `cands` (赌博一百零二起、卖淫嫖娼二十一起，分别增长百分之十二、下降百分之八).

    >>> t = "事故起数、死亡人数、受伤人数实现“三下降”，同比分别下降16.0%、16.7%和10.1%"
    >>> _listed_in_clause_before(t, t.index("同比"), Context("同比分别下降", "", 0), 3)
    ['事故起数', '死亡人数', '受伤人数']
    """
    before = text[ctx.sentence_start : clause_start].rstrip(" ，,")
    cut = max(before.rfind(mark) for mark in "，,；;：:")
    clause = before[cut + 1 :]
    if cut > 0 and _COMPARISON_CLAUSE_ONLY.fullmatch(clause.lstrip(" (（")):
        # 八类案件、侵财案件、治安受案，与去年相比，分别下降…: a clause between that only says what the
        # changes compare with; the items stand in the clause before it (also when a bracket opens
        # it: 甲案及乙案有明显跌幅（与二〇〇六年比较，分别下跌…）)
        before = before[:cut].rstrip(" ，,")
        cut = max(before.rfind(mark) for mark in "，,；;：:(（")
        clause = before[cut + 1 :]
    elif (tail := _COMPARED_TAIL.search(clause)) is not None and tail.start() > 0:
        # 甲案及乙案与二〇〇六年比较，分别下跌…: the items, then what they are compared with
        clause = clause[: tail.start()]
    if not clause or regex.search(r"\d", _CLASS_BOUND.sub("", clause)):
        return None
    clause_at = ctx.sentence_start + cut + 1
    first = bisect.bisect_left(cands, clause_at, key=start_of)  # candidates are in text order
    if first < len(cands) and cands[first].start < clause_start:
        return None  # a figure in the clause (in Chinese numerals, which \d does not see)
    items = [w.strip() for w in _LIST_ITEMS.split(clause) if w.strip()]
    if len(items) != slots:
        items = _join_examples(items)
    if len(items) != slots:
        return None
    items[-1] = _SAID_OF_ITEMS.split(items[-1], maxsplit=1)[0]
    return items if all(items) else None


def _join_examples(items: list[str]) -> list[str]:
    """The items with the examples of one rejoined: those before an item that closes them with 等.

    杀人、放火等八类主要刑事案件立案、“两抢一盗”等侵财类案件立案: 杀人 and 放火 are examples of the
    first item, which 等 closes, not an item of their own.

    >>> _join_examples(["杀人", "放火等八类案件立案", "“两抢一盗”等侵财类案件立案"])
    ['杀人、放火等八类案件立案', '“两抢一盗”等侵财类案件立案']
    """
    out: list[str] = []
    held: list[str] = []
    for item in items:
        if "等" in item:
            out.append("、".join([*held, item]))
            held = []
        else:
            held.append(item)
    return out + held if out else items


#: Where a clause listing what changed goes on to say what happened to it (受伤人数实现“三下降”,
#: 伤人数均有下降): the end of its last item.
_SAID_OF_ITEMS = compile_pattern(r"实现|(?<!平)均|都|全部|呈|出现|有所|持续|继续|保持|同比|环比|较|比")


#: Places in a `分别` list held by items that did not change (分别持平和下降…, 分别下降…和持平).
#: The noun the last item of a list ends with after 的, which the items before it share
#: (涉及拥堵和停车的投诉: 拥堵 is 拥堵的投诉).
_SHARED_HEAD = compile_pattern(r"的[^的、，。；,;\s\d]{1,6}$")
#: What a list of causes led to, said after the last one (因超速、逆行引发的伤亡人数), also
#: without 的 as national bulletins write it (疲劳驾驶、超速行驶等违法行为导致事故死亡人数).
#: The cause stands before the verb in the last item: one that opens on it (立案数、造成损失数) is
#: a count of its own, what the cases caused, with nothing to share.
_CAUSED_HEAD = compile_pattern(r"(?<=[^、，。；,;\s\d])(?:导致|引发|造成|引起)的?[^的、，。；,;\s\d]{1,12}$")


def _share_head(items: list[str]) -> list[str]:
    """The items of a list, each before the last given the noun the last one ends with after 的.

    涉及邻里、土地、婚姻家庭的纠纷分别为530起、410起、220起: 邻里 and 土地 are kinds of 纠纷 too,
    and 涉及拥堵和停车的投诉 counts complaints, not congestion handled. An item that already says
    的 names its own thing and keeps its words.

    >>> _share_head(["其中涉及拥堵", "停车的投诉"])
    ['其中涉及拥堵的投诉', '停车的投诉']

    A list of causes shares what they caused (因超速、酒驾导致的交通事故死亡人数: 超速 caused deaths
    too, not speeding offences counted).

    >>> _share_head(["因超速", "酒驾导致的交通事故死亡人数"])
    ['因超速导致的交通事故死亡人数', '酒驾导致的交通事故死亡人数']
    >>> _share_head(["疲劳驾驶", "超速等违法行为导致事故死亡人数"])
    ['疲劳驾驶导致事故死亡人数', '超速等违法行为导致事故死亡人数']
    >>> _share_head(["立案数", "造成损失数"])
    ['立案数', '造成损失数']
    """
    head = _CAUSED_HEAD.search(items[-1]) or _SHARED_HEAD.search(items[-1])
    if head is None:
        return _share_counted(_share_count_noun(items))
    return [w if n == len(items) - 1 or "的" in w else w + head.group() for n, w in enumerate(items)]


def _shared_words(items: list[str]) -> list[str]:
    """The items of a 分别 list, each with the words the list says once for all: head, count, verb."""
    return _share_verb(_share_head(_share_before_period(items)))


def _share_before_period(items: list[str]) -> list[str]:
    """The items of a list of years, each after the first given the words said before the first year.

    抓获人数2020年及2021年分别为N人及M人: the list is of years, and what is counted (抓获人数) is
    said once, before the first; the later years name nothing of their own without it. Only when
    every later item is a year alone.

    >>> _share_before_period(["外籍嫌犯抓获人数2020年", "2021年"])
    ['外籍嫌犯抓获人数2020年', '外籍嫌犯抓获人数2021年']
    >>> _share_before_period(["盗窃案件", "诈骗案件"])
    ['盗窃案件', '诈骗案件']
    """
    first = _PERIOD_AT_END.search(items[0])
    if first is None or first.start() == 0:
        return items
    if not all(_PERIOD_ALONE.fullmatch(w.strip()) for w in items[1:]):
        return items
    lead = items[0][: first.start()]
    return [items[0]] + [lead + w.strip() for w in items[1:]]


#: The work verb a list of kinds says once, before its first kind (侦办盗窃、电信诈骗案件, 破获抢劫、
#: 抢夺案件): what the police did to every kind, so each item's count is of that work.
_LEAD_VERB = compile_pattern(
    r"侦办|侦破|破获|查处|查获|抓获|打掉|摧毁|捣毁|缴获|收缴|查扣|起诉|移送|受理|办理"
)
#: Any verb or measure an item says of its own (抓获嫌疑人, 盗窃发案, 件数): it keeps its own words.
_OWN_VERB = compile_pattern(
    _LEAD_VERB.pattern + r"|发生|发案|立案|开展|检查|出动|走访|排查|化解|调解|救助|接报|办结|拘留|逮捕|数$"
)


def _share_verb(items: list[str]) -> list[str]:
    """The items of a list, each after the first given the work verb the first one says.

    侦办盗窃、电信诈骗案件同比分别上升12%、40%: the fraud cases were investigated too, so their
    rise is of cases solved, not of crimes reported. An item that says a verb or a measure of its
    own (抓获嫌疑人, 案件数) keeps its words.

    >>> _share_verb(["侦办盗窃", "电信诈骗案件"])
    ['侦办盗窃', '侦办电信诈骗案件']
    >>> _share_verb(["破获刑事案件", "抓获犯罪嫌疑人"])
    ['破获刑事案件', '抓获犯罪嫌疑人']
    >>> _share_verb(["交通事故起数", "死亡人数"])
    ['交通事故起数', '死亡人数']
    """
    verb = _LEAD_VERB.search(items[0])
    if verb is None or verb.end() == len(items[0]):
        return items
    return [items[0]] + [w if _OWN_VERB.search(w) else verb.group() + w for w in items[1:]]


#: What a list of kinds counts, said once after the last kind (公路和城市道路事故, 盗窃、诈骗案件).
_COUNTED_HEAD = compile_pattern(r"(?:事故|案件|警情|火灾)$")


def _share_counted(items: list[str]) -> list[str]:
    """The items of a list, each before the last given what the last one counts when they say nothing of it.

    公路和城市道路事故同比分别下降: 公路 is a kind of road crash, not a road's length; an item that
    already names a count of its own, or says 的, keeps its words.

    >>> _share_counted(["装有防撞护栏", "防撞墙", "防护墩道路事故"])
    ['装有防撞护栏事故', '防撞墙事故', '防护墩道路事故']

    A list whose earlier items end on a count of another kind names each item's own count
    (刑案发案、抢劫、诈骗案件和火灾事故分别减少…: 抢劫 is no crash): nothing is shared.

    >>> _share_counted(["刑事发案", "抢劫", "盗窃案件", "火灾事故"])
    ['刑事发案', '抢劫', '盗窃案件', '火灾事故']
    """
    head = _COUNTED_HEAD.search(items[-1])
    if head is None or head.start() == 0 or _mixed_kinds(items, head.group()):
        return items
    last = len(items) - 1
    return [
        w if n == last or "的" in w or _COUNTED_HEAD.search(w) else w + head.group()
        for n, w in enumerate(items)
    ]


#: An item that names a kind of case, crash or call with the count taken of it (赌博刑事案件破案数).
_KIND_COUNTED = compile_pattern(r"(?P<kind>案件|事故|警情)(?P<count>(?:破案|发案|立案|查处|起)数)$")
#: An item that names a count or people of its own (抓获人数, 破案率, 吸毒人员): no bare kind.
_OWN_COUNT = compile_pattern(r"(?:数|率|量|额|比|人次|人|人员|者|名)$")


def _share_count_noun(items: list[str]) -> list[str]:
    """The items of a list, the bare kinds before an item that says which count it takes given that count.

    涉毒、涉赌刑事案件破案数和抓获人数同比分别上升: the count (破案数) is said once, after the
    last of the kinds of case, and the kinds before it are counted the same way, not as cases
    reported; an item with no kind of its own (盗窃) takes the kind too. The items after it
    (抓获犯罪嫌疑人数) and those naming a count of their own keep their words; a kind shares only
    the count of an item of the same kind (案件 with 案件), with no other item between.

    >>> _share_count_noun(["毒品刑事案件", "赌博刑事案件破案数", "抓获犯罪嫌疑人数"])
    ['毒品刑事案件破案数', '赌博刑事案件破案数', '抓获犯罪嫌疑人数']
    >>> _share_count_noun(["盗窃", "诈骗案件破案数"])
    ['盗窃案件破案数', '诈骗案件破案数']
    >>> _share_count_noun(["盗窃案件", "抓获人数", "诈骗案件破案数"])
    ['盗窃案件', '抓获人数', '诈骗案件破案数']
    >>> _share_count_noun(["火灾事故", "诈骗案件破案数"])
    ['火灾事故', '诈骗案件破案数']
    """
    out = list(items)
    run: list[tuple[int, str | None]] = []
    for n, item in enumerate(items):
        bare = None if "的" in item else _COUNTED_HEAD.search(item)
        if bare is not None and bare.start() > 0:
            run.append((n, bare.group()))
            continue
        counted = _KIND_COUNTED.search(item)
        if counted is None and "的" not in item and not _OWN_COUNT.search(item):
            run.append((n, None))  # a kind with no noun of its own (盗窃)
            continue
        if counted is not None:
            for k, kind in run:
                if kind is None:
                    out[k] = items[k] + counted.group("kind") + counted.group("count")
                elif kind == counted.group("kind"):
                    out[k] = items[k] + counted.group("count")
        run = []
    return out


def _mixed_kinds(items: list[str], head: str) -> bool:
    """Whether an item before the last ends on a count of another kind than ``head`` (诈骗案件, 火灾事故)."""
    return any((own := _COUNTED_HEAD.search(w)) is not None and own.group() != head for w in items[:-1])


_UNCHANGED_FIRST = compile_pattern(r"(?:\s*(?:基本)?持平\s*[、和及与])+")
#: A `分别` list opening on items that did not change, right before the words of its first figure
#: (…伤3人）分别持平、上升50%): a figure's words stop at the 、, so its 分别 stands before them.
_UNCHANGED_LEAD = compile_pattern(r"分别\s*(?:(?:基本)?持平\s*[、和及与]\s*)+$")
_UNCHANGED_LEAD_REACH = 24


def _unchanged_lead(text: str, cands: Sequence[Candidate], i: int, pre: str) -> int | None:
    """Where the 分别 of a list opening on 持平 stands, when figure `i`'s words start after it."""
    start = cands[i].start - len(pre)
    floor = max(cands[i - 1].end if i else 0, start - _UNCHANGED_LEAD_REACH)
    found = _UNCHANGED_LEAD.search(text, floor, start)
    return found.start() if found else None


_UNCHANGED_AFTER = compile_pattern(r"(?:\s*[、和及与]\s*(?:基本)?持平)+")
#: How every `_UNCHANGED_AFTER` opens; no literal it needs, so no scan of the rest of the text.
_UNCHANGED_GATE = compile_pattern(r"\s*[、和及与]\s*[基持]")


def _unchanged_after(text: str, end: int) -> regex.Match[str] | None:
    """The 和持平 after a `分别` list ending at `end` (分别下降5.3%和持平), if any.

    `regex` first looks for the 持平 the pattern needs through the whole rest of the text, which
    made an article of many 分别 lists quadratic; the gate, which every match opens with, is tried
    first and needs no such scan.
    """
    return _UNCHANGED_AFTER.match(text, end) if _UNCHANGED_GATE.match(text, end) else None


def _list_from(text: str, cands: Sequence[Candidate], i: int, lex: Lexicon) -> list[int]:
    """Figure `i` and the figures after it that `_joins_list` joins to it, in order."""
    group = [i]
    while (k := group[-1] + 1) < len(cands) and _joins_list(text[cands[k - 1].end : cands[k].start], lex):
        group.append(k)
    return group


#: How many more percentages a lone comma may join to a 分别 list whose clause before names its items.
_MAX_COMMA_MORE = 4


def _comma_list(text: str, cands: Sequence[Candidate], group: list[int], want: int) -> list[int]:
    """`group` with the percentages after it that a lone comma joins, up to `want` figures in all.

    伤亡事故、受伤人数分别降了12.1%,9.8%: the two items before 分别 ask for two figures; no more
    are taken than they ask for (see `comma_joined_percents` for which figures a comma joins).
    """
    out = list(group)
    while (
        len(out) < want
        and (k := out[-1] + 1) < len(cands)
        and comma_joined_percents(text, cands[k - 1], cands[k])
    ):
        out.append(k)
    return out


def _joins_list(gap: str, lex: Lexicon) -> bool:
    """Whether the words between two figures join them in one list: a separator, maybe a change word.

    分别上升9.2%、下降20.8%: each figure of the list says its own change.
    """
    words = gap.strip(LIST_JOINS)
    if not words:
        return True
    said = lex.change_up.search(words) or lex.change_down.search(words)
    return said is not None and said.start() == 0


def _what_follows(words: str, lex: Lexicon) -> str:
    """What is said after 分别 of every item of the list, its change and basis words left out.

    分别查处酒驾 -> 查处酒驾; 分别比去年同期下降 -> nothing: the change is read on its own.
    """
    said = lex.change_up.search(words) or lex.change_down.search(words)
    if said is not None:
        words = words[: said.start()]
    if (basis := lex.basis_tail.search(words)) is not None:
        words = words[: basis.start()]
    # the level the list moved from, said before its figures (分别由, 分别较去年同期的), names nothing
    for level in (lex.baseline, lex.baseline_from):
        if (m := level.search(words)) is not None:
            words = words[: m.start()]
    return words.strip()
