"""Say what each figure counts: label, metric, change and basis, breakdown parent, period, subject.

Everything is read from the figure's surroundings in the prepared text: its clause (the
words since the last comma or the previous figure: 走访…1.7万余户, 查处…起), the words right
after it (200余名人大代表), the sentence and paragraph (periods, organisations), and the
nearest heading. The word lists are data (`rules/semantics.yaml`, `rules/metrics.yaml`).

This module puts the record together; its parts live beside it: `lexicon` (the word lists
compiled into patterns), `clauses` (where a figure's sentence and clause begin), `changes`
(change, basis, baselines), `breakdowns` (the whole each part belongs to), `respectively`
(the items a 分别 list pairs its figures with), `headings` (the heading, table caption or
run-in head a figure stands under) and `metrics` (which metric the words name).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Callable, Sequence

import regex

from statx.breakdowns import find_parents, kind_of_lead, kind_of_whole, whole_past_sibling
from statx.changes import (
    SHARE_RESTATED,
    ChangeInfo,
    change_after_share,
    column_head,
    is_share_head,
    latest_written_year,
    names_something,
    read_changes,
    row_above,
    start_of_line,
    table_cell,
    written_before,
)
from statx.clauses import (
    CLAUSE_BREAK,
    FULL_STOP,
    FULL_STOP_BACK,
    OPENS_BREAKDOWN,
    WINDOW,
    Context,
    first_start,
    last_end,
    read_contexts,
    without_blanks,
)
from statx.figurereading import KIND_OF_WHOLE, PER_PERIOD, SHARE_OF_ITEM, Reading, measure_of, start_of
from statx.headings import (
    BYLINE,
    HEADING,
    RUN_IN_SECTION,
    heading_before,
    is_table_row,
    run_in_head,
    table_caption,
)
from statx.lexicon import Lexicon, lexicon
from statx.matcher import Candidate
from statx.metrics import EXAMPLES_END, ROAD_OFFENCES, Choice
from statx.normalize import Prepared, fold_text
from statx.partsums import totals_after_parts
from statx.patterncache import compile_pattern
from statx.periods import resolve_period
from statx.records import SHARE_UNITS, Change, Figure, Record
from statx.respectively import Listed, read_respectively
from statx.rules import RuleSet
from statx.semicolons import parent_over_semicolon
from statx.sharewholes import (
    whole_against_share,
    whole_of_listed_charge,
    wholes_of_named_totals,
    wholes_of_own_shares,
)
from statx.subjects import nearest_before, region_name

#: A 分别 item that names only the measure of a count (件数, 人数, 案件数, 起数): with the unit it names.
_MEASURE_NAMED = compile_pattern(r"(?:案件|案|犯罪|涉案)?(?P<unit>件|人次|人|起|宗|户|次)数")
#: The last 等 closing a list of examples (not 等级, 等待, 等同…), searched backwards.
_LAST_EXAMPLES_END = compile_pattern(EXAMPLES_END, regex.REVERSE)
#: What may stand between a count and the end of its sentence for a bare change opening the next
#: sentence or line to be of it: a few words of the count's noun (录得6309宗交通意外。), no clause mark
#: or number, then the full stop or line breaks (`annotate`'s `follows`).
_ENDS_ON_COUNT = compile_pattern(r"[^\d，,；;：:。！？!?\n]{0,8}[。！!]?\s*")
#: The calls a 110 desk takes: their breakdown by kind of crime keeps to calls (`crime_kind_change`).
_CALLS = "incidents_received"
#: The commas that split a sentence's clauses (`_named_between`).
_CLAUSE_COMMA = compile_pattern(r"[，,]")
#: A clause that points back at the number said last (这个数量有点大, 这一数字不小), ending right before
#: the figure's own clause: the number it means is the count before, not a thing of its own.
_POINTS_BACK = compile_pattern(
    r"(?:这个|这一|该|此)[^\d，,。；;！？!?\n]{0,6}?(?:数量|数字|数据|数目)[^\d，,。；;！？!?\n]{0,6}[，,]\s*$"
)
#: How far back (in characters) the count a pointing clause means may stand.
_POINTS_BACK_REACH = 160
#: A number of two or more digits with no measure word, a comma right after it (查处治安案件1326，同比…).
_BARE_NUMBER = compile_pattern(r"(?<![\d.])\d{2,}[ \t]*[，,]")
#: How many figures of a sentence of 其中 `_change_broken_down` looks back over.
_MAX_PARTS = 8
#: What may stand between the items of a bare list of figures (32起、21起和15起), or nothing; a slash
#: joins one count said in two units (登记流动人口2.3万人/6800户).
_BARE_JOINS = frozenset(("", "、", "和", "及", "与", "以及", "/"))
#: Where the words after a figure stop naming it: the next table cell, or a slash right after the
#: figure (239起/天: a rate's base; 2.3万人/6800户: the same count in another unit).
_POST_END = compile_pattern(r"\||^[ \t]*/")
_EXAMPLES_JUST_BEFORE = compile_pattern(f"{EXAMPLES_END}$")
#: What opens the words after a list of examples (等方面意见建议, 等多类隐患, 等领域的).
_EXAMPLES_OF = compile_pattern(r"^(?:方面|领域|类型|类别|多种|多类|各类|类|项)?的?")
_POST_FILLER = compile_pattern(r"^(?:的|是|在|为|以上|以下|左右)")
#: What a label drops besides blanks: emoji and other symbols (冻结涉案资金💰), and brackets a
#: change inside them left empty (发案数(同比)明显下降 -> 发案数).
_NOISE = compile_pattern(r"\s+|[\p{So}\p{Sk}\uFE0F\u200D]+|\(\s*\)|（\s*）")
# 方面 closes a lead (網上騙案方面，警方錄得…): the topic, not part of its name
_TRAILING_FILLER = compile_pattern(
    r"(?:方面|[高多]?达到?|(?<![行作认成称因])为|共计|共|(?<![预签邀违履相特契赴婚践誓])约|有|近|超过|累计|是)$"
)


def _label(ctx: Context, cue_start: int | None, lex: Lexicon) -> str:
    """The words that say what is counted: the clause around the figure, reporting words trimmed.

    A long clause is cut at the metric's cue (发动全体民警全城走访… -> 走访…); after 等 the
    list before is only examples, so the words after the figure name the thing counted.
    """
    pre = ctx.pre
    row = _row_name(pre)
    if row:
        pre, cue_start = row, None
    size = len(pre.rstrip(" |"))  # a table's empty cells (a span's columns) make no clause longer
    # not at a bare noun (证件), nor right after 等: the examples before it say what the thing was
    # (劝导闯红灯、不礼让行人等不文明行为, 会同安保公司、志愿者等社会力量)
    if (
        cue_start is not None
        and size > 12
        and size - cue_start > 3
        and not _EXAMPLES_JUST_BEFORE.search(pre, 0, cue_start)
    ):
        # a cue that opens a quoted name (举办“院坝会”“板凳课堂”) keeps its opening quote mark
        pre = pre[cue_start - 1 if cue_start and pre[cue_start - 1] in _OPEN_QUOTES else cue_start :]
    pre = _trimmed(pre.lstrip("、 |-*•·>#\n\t"), lex).strip(" |")  # list bullets and quote marks too
    pre = _TRAILING_FILLER.sub("", lex.currency_tail.sub("", pre))  # 罚锾新台币1,234万元: 罚锾
    if len(pre) > 40 and (last := _LAST_EXAMPLES_END.search(pre, 0, len(pre) - 1)) is not None:
        pre = _EXAMPLES_OF.sub("", pre[last.end() :])  # 收集…、…等方面意见建议23条: what they are of
    post = _POST_END.split(ctx.post, maxsplit=1)[0]
    # a passive predicate the words after the figure took in (…因…，被法庭取消驾驶资格) names it for
    # the metric; the label keeps the figure's own clause
    post = post[: first_start(lex.clause_end, post, 0, len(post))].strip()
    post = _OTHER_UNIT.sub("", post)  # a bracketed second unit (843家（处）) names nothing
    if len(pre) > 40:
        # a long note in brackets right before the figure (公路人员流动量（包括…、…）28961万人次) says
        # what the name takes in; the name before it still says what is counted
        pre = _LONG_NOTE.sub("", pre)
    if (pre.endswith("等") and post) or len(pre) > 40:
        pre = ""  # 检查…等843家 alone keeps its examples: nothing after them names the thing
    # a bare verb before the figure (完成261名…晋升): the words after it name what was done
    post = _POST_FILLER.sub("", post) if len(post) <= (24 if len(pre) > 2 else 48) else ""
    label = (pre + post).strip(' 、,，|/"￥¥$')
    label = _UNPAIRED_END.sub("", label)  # 区(县): a closing bracket goes only with nothing it closes
    # a quote mark at an end goes only when its pair is not inside (清理“僵尸车”85辆 keeps both)
    if label.endswith("”") and "“" not in label:
        label = label.rstrip("”")
    if label.startswith("“") and "”" not in label:
        label = label.lstrip("“")
    return str(_NOISE.sub("", label))


#: A bracketed note closing the words before a figure, long enough to make them too long a label.
_LONG_NOTE = compile_pattern(r"[(（][^()（）\n]{8,60}[)）]$")
#: Opening quote marks a label cut at a cue inside them keeps (“院坝会”).
_OPEN_QUOTES = frozenset('“「『"')
#: A bracketed alternative measure word right after a figure (843家（处）).
_OTHER_UNIT = compile_pattern(r"^[(（][^()（）]{1,2}[)）]\s*")
#: Brackets at the ends of a label that pair with nothing inside it ((县 -> 县; 区(县) stays).
_UNPAIRED_END = compile_pattern(r"^[()（）]+|(?<!\([^()]*)[)）]+$|[(（]+$")


#: The start of a level a figure moved from, maybe with when it stood there (由去年同期的, 由整治前的, 从).
_FROM = compile_pattern(r"(?:由|从)[^，,。；;由从]{0,8}?的?\s*$")
#: All a new level's clause says after a change (暴力罪案减少569宗，至4084宗; 下跌8.2%至2,700多人).
_TO_AFTER_CHANGE = compile_pattern(r"[\s，,]*(?:至|到)(?:约|近)?\s*")
#: What may follow the word of a move before its new level: 了 and when it stands there (降到了今年的).
#: When the new level of a move stands, said between 降至 and the figure: 今年, or a named year
#: (命案由2014年的9起降到2021年的3起: the 3 are murders, as the 9 are).
_TO_TAIL = compile_pattern(
    r"了?(?:今年|本年|目前|现在|当前|如今|年底|年末|本月|月底|(?:19|20)\d{2}年(?:底|末)?)?的?$"
)


def _change_broken_down(
    text: str,
    candidates: Sequence[Candidate],
    contexts: Sequence[Context],
    changes: Sequence[tuple[str | None, str | None, bool]],
    out: Sequence[Record],
    i: int,
    unit: str,
    *,
    after_comma: bool = True,
) -> int | None:
    """The change that a sentence of 其中 with figure `i` breaks down by place, or None.

    同比提高3.4个百分点。其中甲县、乙县同比分别提高5.2个百分点和4.6个百分点: the sentence opens with
    其中 (a comma after it too when `after_comma`: 其中，盗窃三轮车环比增加…), says only changes in the
    unit of the last figure of the sentence before, which is a change too, in the same paragraph. At
    most `_MAX_PARTS` figures of the sentence are looked back over.
    """
    first = i
    sentence = contexts[i].sentence_start
    while first and first > i - _MAX_PARTS and contexts[first - 1].sentence_start == sentence:
        first -= 1
        if changes[first][0] is None:
            return None  # a count in the sentence: its changes are of that
    k = first - 1
    if (
        k < 0
        or contexts[first].sentence_start != sentence
        # 其中甲县…, or 其中，甲县… (its own clause then starts after the comma)
        or not (
            OPENS_BREAKDOWN.match(contexts[first].pre)
            or (after_comma and OPENS_BREAKDOWN.match(text, sentence))
        )
        or changes[k][0] is None
        or out[k].unit != unit
        or out[k].metric == "other"
    ):
        return None
    between = text[candidates[k].end : candidates[first].start]
    if "\n" in between or FULL_STOP.search(between) is None:
        return None
    return k


def _twin_label(text: str, ctx: Context, previous: Record | None, between: tuple[int, int]) -> str:
    """The label of a figure said right after another with no words of its own: the other's.

    Back to back (接待群众来访56批次213人次: the same visits in another unit) or joined as the next
    item of a bare list (三个中队分别查处酒驾32起、21起、15起): nothing but a list join stands between
    the two (`between`: the end of the first's match and the start of the second's, in `text`).
    Read only when the second names nothing itself (造成3死2伤: 伤 names the injured). Empty when a
    word or another mark parts them (查处酒驾32起，120人受教育).
    """
    if previous is None:
        return ""
    gap = without_blanks(text[between[0] : between[1]])
    if gap not in _BARE_JOINS or without_blanks(ctx.pre) not in ("", gap):
        return ""
    return previous.label


def _from_to_label(ctx: Context, previous: Record | None, lex: Lexicon) -> str:
    """The label of either figure of `由 A 降至 B` (佩戴率由整治前的68%提升至92.6%): what moved.

    The words between the two figures only say the move (提升至, or 降到了今年的 with when the new
    level stands), and those before the first say when it stood there (由整治前的); both go, and the
    second figure takes the first's label. Empty when the figure stands in no such pair.
    """
    if previous is not None and lex.baseline_to.fullmatch(_TO_TAIL.sub("", ctx.pre)):
        return previous.label  # 提升至92.6%: the level of what the figure before was a level of
    if previous is not None and previous.change is not None and _TO_AFTER_CHANGE.fullmatch(ctx.pre):
        return previous.label  # 减少569宗，至4084宗: the new level of what the change was a change of
    moved = _FROM.search(ctx.pre)
    if moved is None or not lex.baseline_to.match(ctx.post):
        return ""
    return _label(Context(ctx.pre[: moved.start()], "", ctx.sentence_start), None, lex)


def _row_name(pre: str) -> str | None:
    """In a table row (cells split by `|`), the first cell that names something: the row's name.

    The cells between it and the figure are the row's other columns (取締酒駕 | 1,126 | 1,254 |
    -10.21%: the change is of 取締酒駕, not of 1,254). None outside a table.

    >>> _row_name("| 取缔酒驾 | 1,126 | 1,254 | "), _row_name("| 1 | 移送法办 | 687 | "), _row_name("共查处")
    ('取缔酒驾', '移送法办', None)
    """
    if "|" not in pre:
        return None
    return next((c.strip() for c in pre.split("|") if names_something(c)), None)


def _trimmed(words: str, lex: Lexicon) -> str:
    """`words` without the reporting words they open with (`lex.label_trim`).

    The pattern is anchored at the start, so one `match` does what `sub` does by trying it at
    every position.
    """
    trim = lex.label_trim.match(words)
    return words[trim.end() :] if trim else words


#: A clause that is a verb alone, once its reporting words are trimmed (查处, 依法办结).
_BARE_VERB = compile_pattern(r"\p{Han}{2,3}")


def _with_object(pre: str, post: str, words: str, unit: str, choice: Choice, lex: Lexicon) -> Choice:
    """The metric of a verb said alone with the object it leaves out: the words of the count before.

    受理治安案件7210起，查处6502起: 查处 alone names violations handled, but what was dealt with is
    the cases, and 查处…案件 is cases solved. Taken only when a cue of the verb and that object
    together names another metric than the verb alone; else the verb's own choice stands. Not when
    the object follows the measure word (`_names_own_object`): the verb is not alone there. Nor
    when the two or three characters are a kind of case (`case_kinds`: 诈欺案, 毒品案), a tally's
    item with no verb at all (查获通缉6件5人、酒驾公危3件3人、诈欺案4件4人): the list's verb holds.
    """
    verb = _trimmed(pre.strip(), lex)
    if not _BARE_VERB.fullmatch(verb) or _a_case_kind(verb, lex) or _names_own_object(post, choice, lex):
        return choice
    joined = lex.metrics.classify(pre=verb + words, post="", heading="", unit=unit, is_change=False)
    if joined.cue_start != 0 or joined.key in ("other", choice.key):
        # 全区各级公安机关和派出所共依法受理治安案件N起，查处M起: the object is what the count before counts,
        # from its own cue on; the subject and reporting words before that cue are no part of it. Only
        # for a handling verb (`handle_verbs`): a bare item of a list (无牌2起) is no verb to take one
        handle = lex.metrics.handle
        if handle is None or handle.fullmatch(verb) is None:
            return choice
        before = lex.metrics.classify(pre=words, post="", heading="", unit=unit, is_change=False)
        if not before.cue_start:
            return choice
        joined = lex.metrics.classify(
            pre=verb + words[before.cue_start :], post="", heading="", unit=unit, is_change=False
        )
    return joined if joined.cue_start == 0 and joined.key not in ("other", choice.key) else choice


def _a_case_kind(words: str, lex: Lexicon) -> bool:
    """Whether `words` are a kind of case (`case_kinds`), with its 案 or without (窃盗, 窃盗案).

    >>> from statx.rules import load_rules
    >>> lex = Lexicon.build(load_rules())
    >>> [_a_case_kind(words, lex) for words in ("诈欺案", "窃盗案", "查处", "立案")]
    [True, True, False, False]
    """
    kinds = lex.metrics.kinds
    return words in kinds or (words.endswith("案") and words[:-1] in kinds)


def _names_own_object(post: str, choice: Choice, lex: Lexicon) -> bool:
    """Whether the words after the measure word open with the figure's own specific metric.

    暂扣违章车辆58辆,查处4宗货车违规载人: the passengers carried, not the cars held before. Only a
    specific metric (a priority above none): after 攻克8起 the 命案积案 names crimes, and the verb
    with the count before still says they were solved.
    """
    return lex.metrics.priorities.get(choice.key, 0) > 0 and lex.metrics.opens_with(choice.key, post)


def _with_list_verb(
    text: str,
    cands: Sequence[Candidate],
    ctx: Context,
    i: int,
    inherited: str,
    unit: str,
    choice: Choice,
    lex: Lexicon,
) -> Choice:
    """The metric of a list item in the unit of the one before, when the list's verb reaches it.

    走访大型商场40家、物流企业25家、沿街商铺70家: 走访 is said once, before the first item, and the later
    items' own words (企业, 商铺) would else read as units covered. Read with their clause from its
    start (the verb and the items before), the item is named as the one before it was; only then,
    and only for an item right after 、, so that a kind of its own (超员12起、疲劳驾驶260余起) keeps
    the metric its words name: a cue of the metric before must run from the clause into the item.
    """
    pre_start = cands[i].start - len(ctx.pre)
    if pre_start <= ctx.sentence_start or text[pre_start - 1] != "、":
        return choice
    lead = _list_lead(text, cands, ctx, i, lex)
    if not lead or not lex.metrics.reaches(inherited, lead + ctx.pre, len(lead), unit):
        return choice
    return dataclasses.replace(lex.metrics.named(inherited), cue_start=choice.cue_start)


#: A bare 增 as a change's whole clause: the rise a bracket opens with (86人（增7.5%）), no name.
_BARE_RISE = compile_pattern(r"\s*增\s*")
#: The word joining a count's change to the same change as a share (减少83宗即4.2%, 下跌40宗或2.1%).
_SHARE_LINK = compile_pattern(rf"[\s，,]*{SHARE_RESTATED}\s*")


def _change_label(ctx: Context, choice: Choice, previous: Record | None, lex: Lexicon) -> str:
    """What a change is a change of: its clause without the change words (死亡人数同比下降30% ->
    死亡人数), else the figure it follows (29,542宗（+3.88%）, 事故1 503起，同比下降9.6%)."""
    pre = ctx.pre
    said = lex.change_up.search(pre) or lex.change_down.search(pre) or _BARE_RISE.fullmatch(pre)
    if said is not None:
        pre = pre[: said.start()]
    pre = _CHANGE_ADVERBS.sub("", pre).rstrip(" )）")  # 发案数(同比)明显下降
    if (basis := lex.basis_tail.search(pre)) is not None:
        pre = _CHANGE_ADVERBS.sub("", pre[: basis.start()]).rstrip(" (（")
    if _SHARE_LINK.fullmatch(pre):
        pre = ""  # 减少83宗即4.2%: the share says the count's change again, and names what the count names
    if not lex.label_trim.sub("", pre).strip(" ，,、|()（）"):
        named, _ = _named_earlier(ctx, choice, lex)
        if named is not ctx:  # 发案下降明显，同比减少41起: the clause the metric was read from
            words = _CHANGE_ADVERBS.sub("", named.pre.rstrip(" ，,"))  # its change said before 明显
            own = Context(words, "", named.sentence_start)
            return _change_label(own, Choice(choice.key, choice.name), None, lex)
        return previous.label if previous is not None else ""
    # the words after a change (情况下, 的好成绩) say nothing of what changed
    return _label(Context(pre, "", ctx.sentence_start), choice.cue_start if said is None else None, lex)


def _level_words(out: Sequence[Record], contexts: Sequence[Context], k: int) -> str:
    """The words before figure k, and before the old level it moved from when one stands first.

    由原来的40分钟缩短至15分钟，缩短62.5%: the new level's own clause part is only 缩短至, while the
    words that say what was cut (平均办理时间) stand before the old level, which is a figure too.
    """
    words = contexts[k].pre
    if (
        k
        and out[k - 1].unit == out[k].unit
        and contexts[k - 1].sentence_start == contexts[k].sentence_start
        and _FROM.search(contexts[k - 1].pre)
    ):
        return contexts[k - 1].pre + words
    return words


#: Adverbs between a thing and its change (死亡人数同比分别下降, 速度有效提高, 发案数均大幅下降).
#: Not the 均 of 平均 (平均缩短约40天), nor of 日均 or 月均, an average per day or month (日均增长率N%).
#: A news review links its changes with 也, 亦, 则 or 却 (爆窃案亦减少N宗; 非刑事案件则升N宗): no word
#: of the thing either, but the 则 of 原则 or 规则 is.
_CHANGE_ADVERBS = compile_pattern(
    r"(?:分别|(?<![平日月])均|都|有效|明显|显著|大幅|持续|继续|进一步|实现|再次|稳步|也|亦|却|卻"
    r"|(?<![原规規细細准準法守否实實])[则則])+\s*$"
)


_HAN = compile_pattern(r"\p{Han}")
#: A list marker before the term a colon closes (1. 违法载人：, - 酒驾醉驾：, 二、无证驾驶：).
_TERM_MARK = compile_pattern(r"^[\s、|*•·>#-]*(?:[一二三四五六七八九十]{1,3}、)?")


def _colon_term(text: str, start: int, ctx: Context, lex: Lexicon) -> str:
    """The term a colon closes right before a figure whose own words are only a verb, or "".

    违法载人：查处6.1万起 counts the violation named before the colon: 查处 alone says only that
    something was dealt with, and the colon ends the term's clause, so the figure's own words
    would never read it. Taken only when the words after the colon are a bare verb (with its
    adverbs: 共查处, 累计查处) or nothing at all (a list item ``- 超速：1.93万起`` after
    ``其中：``, whose part has no earlier words to read), nothing after the figure names it
    (优化：完成22个路口 counts 路口), and the term holds no number (not 1-10月：, not a
    figure's clause):
    a heading that names its own items (主要成效：查处违法1.2万起) keeps to them, and one that
    names nothing (工作成效：查处1.5万起) adds no cue, so the verb still decides.
    """
    pre_start = start - len(ctx.pre)
    if (
        pre_start < 1
        or text[pre_start - 1] not in ":："
        or not _bare_or_empty(without_blanks(ctx.pre), lex)
        or _HAN.search(ctx.post)  # 优化：完成22个路口: the words after the figure name it
    ):
        return ""
    colon = pre_start - 1
    term = text[last_end(lex.clause_end_back, text, colon, ctx.sentence_start) : colon]
    term = str(lex.label_trim.sub("", _TERM_MARK.sub("", term))).strip()
    if not 2 <= len(term) <= 12 or regex.search(r"\d", term):
        return ""
    return term


#: A figure's own words that name only a criminal charge (危险驾驶罪, 组织、领导传销活动罪), maybe after a
#: ranking's words (排在前五位的分别是盗窃罪): the charge is a kind, not what is counted.
_ONLY_A_CHARGE = compile_pattern(r"^(?:[^，,。；;：:\d]{0,12}?(?:是|为|有))?[\p{Han}、]{1,16}罪$")
#: The words that open a list of charges and say what was done to the people charged
#: (起诉案件较多的罪名：…, 从起诉罪名看，…, 批捕人数居前的罪名有…).
_CHARGE_LEAD = compile_pattern(r"[^，,。；;：:\n]{0,16}罪名[^，,。；;：:\n]{0,12}")
#: How far back (in characters) a list of charges may have opened, past its semicolons.
_CHARGE_LIST_REACH = 400


def _charge_lead(text: str, start: int, ctx: Context) -> str:
    """The words before a list of charges that say what its counts are, or "".

    起诉案件较多的罪名：危险驾驶罪N人；盗窃罪M人 and 从起诉罪名看，排在前五位的是…罪N人: each item names
    only a charge, which is a kind of the people dealt with; the lead before the list (in the same
    sentence: a semicolon goes on with the list) names the deed (起诉, 批捕) its counts are of.
    """
    pre = without_blanks(ctx.pre)
    if not _ONLY_A_CHARGE.match(pre):
        return ""
    pre_start = start - len(ctx.pre)
    # the list goes on past semicolons, which may open a clause's context: read from the full stop
    stops = FULL_STOP.finditer(text, max(0, pre_start - _CHARGE_LIST_REACH), pre_start)
    opening = min(max((m.end() for m in stops), default=ctx.sentence_start), ctx.sentence_start)
    leads = list(_CHARGE_LEAD.finditer(text, opening, pre_start))
    return leads[-1].group() if leads else ""


def _bare_or_empty(words: str, lex: Lexicon) -> bool:
    """Whether the words between a colon and a figure name nothing: none, or only a verb."""
    return not words or lex.bare_verb.match(words) is not None


def _only_set_up(ctx: Context, lex: Lexicon) -> bool:
    """Whether a figure's own words only say that it was set up (新建3个), naming nothing.

    建成驿站19个，其中改建7个，新建3个: the part is one of the whole's stations, though 新建 alone
    is a cue of facilities built (新建停车场): a verb of setting up names no metric of its own.
    """
    setup = lex.metrics.setup
    words = _OPENING_OF_PARTS.sub("", without_blanks(ctx.pre))
    return setup is not None and not _HAN.search(ctx.post) and setup.fullmatch(words) is not None


def _kind_of_person(ctx: Context, whole: Record) -> bool:
    """Whether a part names a kind of person under a whole that counts people dealt with.

    抓获违法犯罪嫌疑人1127名，其中刑事犯罪嫌疑人386名，治安违法人员741名: the part's 违法 is a cue of
    traffic violations handled, but a 人员 (嫌疑人, 行为人) among those arrested is one more arrest;
    the part only says which kind of person it was.

    >>> whole = Record(doc="", text="1127名", value=1127, unit="名", metric="suspects_arrested")
    >>> _kind_of_person(Context("，治安违法人员", "", 0), whole)
    True
    >>> _kind_of_person(Context("，查处酒驾", "", 0), whole)
    False
    """
    return whole.metric in _PEOPLE_DEALT_WITH and _PERSON_WORD.search(ctx.pre) is not None


def _other_offences_paired(text: str, key: str, whole: str, whole_end: int, start: int, lex: Lexicon) -> bool:
    """Whether a 分别 alone pairs another road offence with its figure after a count of one offence.

    ``whole`` is the metric of the count before, ``whole_end`` where its match ends in ``text``.

    查处无证驾驶500起，酒驾和醉驾分别200起、100起: the 分别 lists offences beside the one counted
    before it, not kinds of it; a count of all offences (查处违法3万起，酒驾和醉驾分别…) is still
    their whole, and so is drink driving of drunk driving (酒驾 takes 醉驾 in). A 其中 or 包括 says
    the author means a breakdown, so only a 分别 with no other breakdown word is read this way.
    """
    if key not in ROAD_OFFENCES or whole not in ROAD_OFFENCES or key == whole:
        return False
    if whole == "drink_driving" and key == "drunk_driving":
        return False
    words = [m.group(0) for m in lex.breakdown.finditer(text, whole_end, start)]
    return bool(words) and all(w.startswith("分别") for w in words)


def _kind_of_call(ctx: Context, whole: Record) -> bool:
    """Whether a part under the calls a 110 report counts names only a kind of call.

    有效报警1860起，其中刑事类警情35起，…，纠纷212起，举报投诉9起: 纠纷 and 举报投诉 alone are what
    the calls were about, not disputes settled or hotline tickets; a verb before them (调解纠纷)
    says a deed of its own and keeps its metric.

    >>> whole = Record(doc="", text="1860起", value=1860, unit="起", metric="incidents_received")
    >>> _kind_of_call(Context("，举报投诉", "", 0), whole)
    True
    >>> _kind_of_call(Context("，调解纠纷", "", 0), whole)
    False
    >>> _kind_of_call(Context("，纠纷打架", "", 0), whole), _kind_of_call(Context("，打架斗殴", "", 0), whole)
    (True, True)
    >>> _kind_of_call(Context("其中刑事案件", "", 0), whole)
    True
    >>> _kind_of_call(Context("，破获刑事案件", "", 0), whole)
    False
    >>> _kind_of_call(Context("，交通事故", "", 0), whole)
    True
    >>> _kind_of_call(Context("，处理交通事故", "", 0), whole)
    False

    A fire service's turn-outs are tasks, and its tally of them names each kind by the deed done
    (接警出动1200起，其中火灾扑救320起，处置交通事故86起): a crash dealt with is one kind of turn-out,
    not the traffic police's count of crashes.

    >>> turnouts = dataclasses.replace(whole, label="接警出动")
    >>> _kind_of_call(Context("，处置交通事故", "", 0), turnouts)
    True
    >>> _kind_of_call(Context("，处置交通事故", "", 0), whole)
    False
    """
    if whole.metric != "incidents_received":
        return False
    return _CALL_KIND.fullmatch(ctx.pre) is not None or (
        _TURNED_OUT.search(whole.label) is not None and _TASK_KIND.fullmatch(ctx.pre) is not None
    )


#: The words of a part that name only a kind of call: disputes and fights, complaints, help asked for
#: (接到报警780起，其中纠纷打架111起: what the calls were about, not disputes settled), and a bare kind of
#: case, criminal or public-order (受理报警和求助5200起，其中刑事案件120起，治安180起: calls of that kind, not
#: crimes on record). So is a crash reported (其中…火警579起，交通事故6722起): the calls about crashes, which
#: the traffic police's own tally of crashes does not count alike (many are settled on the spot).
_CALL_KIND = compile_pattern(
    r"[\s，,、；;]*(?:其中[\s，,：:]*)?(?:群众|其他|其它)?(?:矛盾)?"
    r"(?:纠纷(?:打架|斗殴)?|打架斗殴|打架|斗殴|举报投诉|投诉举报|举报|投诉|求助|咨询|(?:刑事|治安)(?:案件)?"
    r"|(?:道路)?交通事故)\s*"
)

#: The words of a count of calls that say them as an emergency service's turn-outs or tasks (接警出动,
#: 营救任务N起).
_TURNED_OUT = compile_pattern(r"出动|任务")
#: A part that names a kind of turn-out by its task: a deed of dealing with a kind of event
#: (处置交通事故, 参与处置危化品泄漏事故); what the crews took along (处置火灾出动消防车) is no kind of task.
_TASK_KIND = compile_pattern(
    r"[\s，,、；;]*(?:其中[\s，,：:]*)?(?:参与|协助)?(?:处置|处理)[^\d\s，,、；;：:。！？!?]{0,10}"
    r"(?:事故|事件|险情|灾害|灾情|任务|泄漏|火灾)(?:类)?(?:任务)?"
)


def _task_after_tasks(ctx: Context, choice: Choice, inherited: str | None, inherited_words: str) -> bool:
    """Whether a list item of a fire service's tasks that names a crash dealt with is one more task.

    共接报处置被困人员营救任务6400起，处置交通事故2100起: after a count of calls said as tasks or
    turn-outs, a deed of dealing with a kind of event (`_TASK_KIND`) names the next kind of task, not
    the traffic police's count of crashes; after a 110 desk's calls (接报警情2万起，处置交通事故900起)
    the crashes stay crashes.

    >>> choice = Choice("accidents", "交通事故起数")
    >>> calls = "incidents_received"
    >>> _task_after_tasks(Context("，处置交通事故", "", 0), choice, calls, "，共接报处置营救任务")
    True
    >>> _task_after_tasks(Context("，处置交通事故", "", 0), choice, "incidents_received", "，接报警情")
    False
    >>> _task_after_tasks(Context("，发生交通事故", "", 0), choice, "incidents_received", "，接警出动")
    False
    """
    return (
        inherited == _CALLS
        and choice.key == "accidents"
        and _TURNED_OUT.search(inherited_words) is not None
        and _TASK_KIND.fullmatch(ctx.pre) is not None
    )


def _kind_of_case(ctx: Context, choice: Choice, whole: Record, unit: str, lex: Lexicon) -> bool:
    """Whether a part names only a kind of case under a whole that counts cases solved.

    破获各类刑事案件386起，其中现行命案2起、盗窃案件153起: 命案 is a cue of crimes reported (发生命案5起),
    but a murder among the cases solved is one more case solved; the part only says which kind
    (`MetricIndex.only_a_kind_of_case`, which a list item after a verb shares). Not when the part
    says a verb of its own that the crimes happened (其中发生命案2起, 命案发案2起).
    """
    return (
        choice.key == "crimes_reported"
        and whole.metric in _CASES_DEALT_WITH
        and lex.metrics.only_a_kind_of_case(ctx.pre, unit, choice.cue_start or 0)
    )


def _kind_solved_in_list(
    text: str, at: int, ctx: Context, choice: Choice, inherited: str, unit: str, lex: Lexicon
) -> bool:
    """Whether a later item of a list of cases solved names only the kind of its cases.

    侦破传销案件4起，非法集资犯罪案件7起 or 查获走私刑事案件6件、涉枪刑事案件2件: the verb of solving
    is said once, before the first item; the later items' own words (犯罪, 刑事案件, 盗窃) would else
    read as crimes reported. Only when those words end on the case noun, say no crime happened and
    name nothing else counted in the unit (a new count names its own verb: 发案, 立案, 受理), and
    only when such a verb of solving, with the cases it names, stands earlier in the sentence, within
    `WINDOW` (`_SOLVING_VERB`); `inherited` already says the count before is cases solved.
    So with the counts first (破获了8起毒品案件和2起制毒案件, 侦破3起命案、12起盗窃案件): an item whose
    own words before it are only a joiner is named by the words right after it.
    """
    if choice.key != "crimes_reported" or inherited not in _CASES_DEALT_WITH:
        return False
    words, verb = ctx.pre, _SOLVING_VERB
    if _JOINER_ONLY.fullmatch(ctx.pre) and (after := _WORDS_AFTER.match(ctx.post)) is not None:
        words, verb = after.group(0), _SOLVING_VERB_COUNT_FIRST
    if (
        "其中" in words
        or not _CASE_NOUN_END.search(words)
        or (lex.metrics.happened is not None and lex.metrics.happened.search(words))
        or lex.metrics.names_other("crimes_reported", words, unit)
    ):
        return False
    own = at - len(ctx.pre)
    return verb.search(text, max(ctx.sentence_start, own - WINDOW), own) is not None


#: The end of a list item's own words that names cases (走私刑事案件, 非法集资犯罪案件, 盗窃案).
_CASE_NOUN_END = compile_pattern(r"(?:案件|刑案|案)\s*$")
#: A verb of solving with the cases it names, the list's first item (侦办涉黑案件): not the short 破
#: (发破命案41起), nor a verb right before its number (发生刑事案件500起，破获300起), which only says how
#: many of the cases said before were solved, so that kinds after it are of those cases.
_SOLVING_VERB = compile_pattern(r"(?:破获|侦破|侦办|查办|查处|查获)[^，,。；;\d]{0,40}?(?:案件|刑案|案)")


#: …with the count first (破获了8起毒品案件): the verb, its number and the cases it names.
_SOLVING_VERB_COUNT_FIRST = compile_pattern(
    r"(?:破获|侦破|侦办|查办|查处|查获)了?\s*[\d.]+\s*[余多]?(?:起|件|宗)[^，,。；;\d]{0,20}?(?:案件|刑案|案)"
)
#: Own words of a count-first item that only join it to the item before (和, 、, 以及).
_JOINER_ONLY = compile_pattern(r"\s*(?:[、和及与]|以及)?\s*")
#: The words right after a count, up to a clause mark or the next number (…起制毒案件，).
_WORDS_AFTER = compile_pattern(r"[^，,。；;：:\d\n]{1,20}")


#: A bare verb of dealing with right before the number (兴隆县局查处8起): it names no thing of its own.
_BARE_HANDLED = compile_pattern(r"(?:查处|查办|查结)了?\s*$")


def _handled_of_cases(ctx: Context, choice: Choice, whole: Record) -> bool:
    """Whether a part says only that a unit dealt with some of a whole's cases (查处8起).

    查处电子赌博机案12起，其中，甲县局查处7起，乙分局查处5起: a bare 查处 reads as violations dealt
    with, but under a whole of cases dealt with it only says who dealt with which of them.
    """
    return (
        choice.key == "violations_handled"
        and whole.metric in _CASES_DEALT_WITH
        and _BARE_HANDLED.search(ctx.pre) is not None
    )


def _counted_lead(text: str, at: int, ctx: Context, unit: str, lex: Lexicon) -> Choice | None:
    """What a sentence's opening counts when it names the counted things by their verb, or None.

    在抓获的违法犯罪嫌疑人中，刑事犯罪嫌疑人386名，治安违法人员741名: the opening says the figures after it
    are people arrested, though their own words (刑事犯罪嫌疑人) name no metric, and their total may
    stand paragraphs up, out of a breakdown's reach. Only a lead of a verb, 的 and the things (the
    BREAKDOWN_LEAD of `rules/semantics.yaml`), and only a metric counted in the figure's unit.
    """
    own = at - len(ctx.pre)
    lead = lex.breakdown_lead.match(text, ctx.sentence_start, own)
    if lead is None or "的" not in lead.group() or not lead.group().rstrip().endswith(("中，", "中,")):
        return None
    words = lead.group().strip().rstrip("，,")
    choice = lex.metrics.classify(pre=words, post="", heading="", unit=unit, is_change=False)
    return choice if choice.key != "other" and unit in lex.metrics.units.get(choice.key, ()) else None


#: Metrics that count people the police dealt with: their parts by kind of person count them too.
_PEOPLE_DEALT_WITH = frozenset({"suspects_arrested", "detentions", "prosecutions"})
#: Words of people found or caught (查获吸毒人员, 抓获…嫌疑人): no kind of the police a force counts.
_FOUND_PEOPLE = compile_pattern(r"(?:查获|抓获|查处|发现|收戒|收治)[^，,。；;]{0,10}?(?:人员|嫌疑人|吸毒者)")
#: Cases solved: a kind of crime among them (其中命案2起) is one more case solved. Not cases filed:
#: the kinds of the reports taken in (受理民眾報案3,412件，其中詐欺案612件) are crimes reported.
_CASES_DEALT_WITH = frozenset({"cases_solved"})
#: The road offences caught (查处酒驾, 查处超速…) and the crashes and casualties a 其中 after such a
#: count may go on to (其中醉驾…，因酒驾导致死亡事故…，造成…人死亡): the crashes the offences caused are
#: no part of the offences caught, whatever breakdown word came before them.
_OFFENCES = ROAD_OFFENCES | {"violations_handled", "first_offense_waived"}
_CRASHES = frozenset({"accidents", "deaths", "injuries"})


def _crashes_of_an_offence(choice: Choice, whole: Record, unit: str, change: str | None) -> bool:
    """Whether a part named by an offence counts crashes: those of its whole, which counts crashes.

    涉及电动自行车的事故47起，其中驾乘人员未戴安全头盔的31起; 146起事故中，因超速行驶引发的31起: the
    offence says what the crashes had in common, and the count is of crashes (in the whole's unit or
    another unit of events), not of offences dealt with.
    """
    return (
        change is None
        and whole.metric == "accidents"
        and choice.key in _OFFENCES
        and unit in _CRASH_UNITS
        and whole.unit in _CRASH_UNITS
    )


#: The units a count of crashes is written in.
_CRASH_UNITS = frozenset({"起", "件", "宗"})
#: A kind of person closing a part's own words (刑事犯罪嫌疑人, 治安违法人员, 违法行为人, 涉案人员).
_PERSON_WORD = compile_pattern(r"(?:人员|嫌疑人|行为人|分子|犯罪人)\s*$")


#: What opens the parts of a whole before the first part's own words (其中，新建9个).
_OPENING_OF_PARTS = compile_pattern(r"^(?:其中|當中|当中)[，,：:]?")


#: The own words of a list item that are a bare noun (车辆, 资金, 重点场所, 企业和商铺): at most this many
#: characters, with no digit or punctuation; or two such nouns joined by 和/及/与 (中小学校和幼儿园,
#: 社区和行政村), still one item of the list.
_BARE_ITEM = compile_pattern(r"^(?:\p{Han}{1,5}(?:[和及与]\p{Han}{1,5})?)?$")
#: The own words of a list item that do not share the list's verb: a verb of its own that takes
#: things away (查处…超员2起、暂扣电动三轮车9辆: the tricycles held, not more overloading), or the rest of
#: the offences (…、其他违法31起), which its own noun names; the kinds listed before it are not its.
#: Nor one that says its verb of booking again (取缔酒驾20件移送法办9人、取缔闯红灯50件): its offence is
#: its own, not the one of the item in the other unit before it.
_OWN_HEAD = compile_pattern(
    r"^(?:暂扣|扣留|扣押|查扣|收缴|没收|(?:其他|其它|其余)(?:各类|各种)?(?:交通)?(?:违法|违章|违规)"
    r"|(?:取缔|查处|查纠|举发)\p{Han})"
)


#: The moment a change is measured from, named by a deed (违规举发数较设置前降低47%, 较整治前下降60%):
#: the deed's words (设置) name when, not what is counted.
_BEFORE_DEED = compile_pattern(
    r"(?<=[较比])(?!上|去|同|前)[^，,。；;\d]{1,6}?(?:之前|以前|前)(?=[^，,。；;]{0,4}$)"
)


def _masked_moment(pre: str, change: Change | None) -> str:
    """A change's words with a 较…前 moment blanked out (same length, so cue offsets hold), else as is."""
    if change is None or "前" not in pre:
        return pre
    masked: str = _BEFORE_DEED.sub(lambda m: "\u3000" * len(m.group()), pre)
    return masked


def _list_verb(
    text: str, cands: Sequence[Candidate], records: Sequence[Figure], ctx: Context, i: int, lex: Lexicon
) -> str:
    """The clause before a list item in another unit whose own words are a bare noun, or "".

    查处交通违法行为236起、车辆41辆 and 曝光违法行为12批次、车辆86辆: the list's verb is said once,
    before its first item, and holds for the vehicles too; read alone, a bare 车辆 would name the
    vehicles sent out (警力1100余人次，车辆470余辆次), which 出动警力…、车辆470余辆次 still counts, its
    verb being 出动; so do 入户走访居民1800余户、企业和门店75家 (visits, not the firms covered) and
    排查出租屋1200间、重点场所86家. Items in one unit are kinds of one thing, each named by its own words
    (超员12起、疲劳驾驶260余起), so only an item in another unit than the one before reads the verb.
    An item with no words at all, before or after it (查獲毒品案件1,046件、1,118人), reads the verb and
    the noun: the people of those cases; one whose words follow it (深入8个社区、4家企业开展走访) is
    named by them.
    """
    if (
        not i
        or records[i - 1].unit == records[i].unit
        or not _BARE_ITEM.match(bare := without_blanks(ctx.pre))
        or _OWN_HEAD.match(bare)
    ):
        return ""
    if not bare and ctx.post.strip():
        return ""
    return _list_lead(text, cands, ctx, i, lex) or _check_tally_lead(text, cands, ctx, i, lex)


#: A checkpoint tally's first clause: a verb of checking, the people or places checked and their
#: count, closing on the comma before the next item (盘查人员420人，车辆165辆).
_CHECK_TALLY = compile_pattern(
    r"(?:检查|盘查|核查|查验|清查)[^，,。；;：:\d]{0,4}?(?:人员|场所)(?:共|累计|达)?(?:约|近|超过)?$"
)


def _check_tally_lead(text: str, cands: Sequence[Candidate], ctx: Context, i: int, lex: Lexicon) -> str:
    """The clause of a checkpoint tally before a bare item that a comma, not 、, sets apart, or "".

    检查人员800人次，车辆260辆次: the verb of checking is said once, for the people and the vehicles
    alike, though the writer closed the first item with a comma; read alone, a bare 车辆 names
    vehicles sent out. Only right after the figure before (nothing but the comma between) and only
    when that clause opens with a verb of checking and its people or places, so a comma's usual
    break (出动警力…，车辆…) keeps each clause its own words.
    """
    pre_start = cands[i].start - len(ctx.pre)
    comma = pre_start - 1
    if comma <= ctx.sentence_start or text[comma] not in "，," or text[cands[i - 1].end : comma].strip():
        return ""
    clause_start = last_end(lex.clause_end_back, text, cands[i - 1].start, ctx.sentence_start)
    if not _CHECK_TALLY.search(text, clause_start, cands[i - 1].start):
        return ""
    return text[clause_start:pre_start]


def _list_lead(text: str, cands: Sequence[Candidate], ctx: Context, i: int, lex: Lexicon) -> str:
    """The words of figure `i`'s clause before its own, when they hold the item before it, or "".

    查处交通违法行为236起、车辆41辆: 查处交通违法行为236起、 is the list's verb and first item, said
    once for every item; `_list_verb` (an item in another unit) and `_with_list_verb` (one in the
    same unit) read them. Both are needed: a bare noun in another unit inherits nothing and is
    read with these words as its own, while an item in the same unit names a kind of its own
    (超员12起、疲劳驾驶260余起) unless a cue of the inherited metric runs into it from them.
    """
    pre_start = cands[i].start - len(ctx.pre)
    clause_start = last_end(lex.clause_end_back, text, cands[i].start, ctx.sentence_start)
    if not i or cands[i - 1].end <= clause_start or cands[i - 1].end > pre_start:
        return ""
    return text[clause_start:pre_start]


def _bare(ctx: Context, lex: Lexicon) -> bool:
    """Whether the figure's clause names nothing before it (`lex.bare_clause`), or only starts a move.

    入屋盗窃案同样上升，由218宗增至264宗: a clause opening a move from the figure with 由 names no
    thing; the clause before does. A bare 由 alone says who does something (由1名民警…值守).
    """
    words = without_blanks(ctx.pre)
    if lex.bare_clause.match(words):
        return True
    moving = lex.baseline_to.fullmatch(ctx.post.strip()) is not None
    return moving and lex.baseline_from.fullmatch(words) is not None


def _clause_before(
    text: str,
    candidates: Sequence[Candidate],
    i: int,
    ctx: Context,
    lex: Lexicon,
    *,
    bare: bool | None = None,
) -> str:
    """The label of a figure whose own clause names nothing, and no cue named: the clause before it.

    省际收费站单日最高流量出现在正月初四，达到41.2万辆次: 达到 says nothing of what reached it, and no
    metric's cue reads the words before; the clause before, of the same sentence and with no figure
    of its own, says what was counted. `bare` says whether the clause names nothing when the
    caller knows (a change's verb alone); else `_bare` decides.
    """
    if not (_bare(ctx, lex) if bare is None else bare):
        return ""
    own = last_end(lex.clause_end_back, text, candidates[i].start, ctx.sentence_start)
    if own <= ctx.sentence_start or text[own - 1] not in "，,":  # not after a speaker's colon (主持人：)
        return ""
    before = last_end(lex.clause_end_back, text, own - 1, ctx.sentence_start)
    words = text[before : own - 1]
    if (i and candidates[i - 1].end > before) or lex.period.fullmatch(words.strip()):
        return ""  # a figure of its own, or only when (3月，近30名)
    return _label(Context(words, "", ctx.sentence_start), None, lex)


def _change_word_only(ctx: Context, lex: Lexicon) -> bool:
    """Whether a change's own clause is its change word alone (涉案青年，下跌8.2%: 下跌)."""
    words = without_blanks(ctx.pre)
    said = lex.change_up.search(words) or lex.change_down.search(words)
    return said is not None and said.start() == 0


def _named_earlier(ctx: Context, choice: Choice, lex: Lexicon) -> tuple[Context, int | None]:
    """The words to label a figure from: its own, or the earlier clause its metric was read from.

    A clause that only reports (詐騙案仍佔最多，共有12 045宗; 網上騙案方面，警方錄得8 315宗) names
    nothing, before the figure or after it: the clause before it that holds the metric's cue
    says what is counted.
    """
    if (
        not choice.earlier
        or choice.cue_start is None
        # 为2个集体: the words after the figure name it; not the start of a move (由218宗增至264宗)
        or (ctx.post.strip() and not lex.baseline_to.fullmatch(ctx.post.strip()))
        or not _bare(ctx, lex)
    ):
        return ctx, choice.cue_start
    words, at = choice.earlier, choice.cue_start
    start = last_end(lex.clause_end_back, words, at, 0)
    end = first_start(lex.clause_end, words, at, len(words))
    post = "" if ctx.post.strip() else ctx.post  # the move's verb (增至) names nothing either
    # the whole clause, trimmed, less a count it ends on (出动34车次，124人次: see `_earlier`)
    return Context(_ENDING_COUNT.sub("", words[start:end]), post, ctx.sentence_start), None


#: Every period contains one of these (2019年, 5月以来, 一季度, 截至目前, 近3年) near its start and end.
_PERIOD_TRIGGER = compile_pattern(r"[年月季]|目前|以来|近")
_BEFORE_TRIGGER, _AFTER_TRIGGER = 20, 16  # the farthest a period runs before / after a trigger


def _periods(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """Every period written in the text, as (start, end, text), in order.

    The period pattern is costly to try at every character, so it runs only on windows
    around its trigger words (about a tenth of a news text); the matches are the same.
    """
    windows: list[list[int]] = []
    for m in _PERIOD_TRIGGER.finditer(text):
        lo, hi = max(0, m.start() - _BEFORE_TRIGGER), m.end() + _AFTER_TRIGGER
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    return [
        (m.start(), m.end(), m.group())
        for lo, hi in windows
        for m in lex.period.finditer(text, lo, min(hi, len(text)))
        if m.group()
    ]


def _period(
    text: str, periods: list[tuple[int, int, str]], ends: list[int], para_start: int, pos: int, lex: Lexicon
) -> str | None:
    """The time scope written nearest before the figure: in its sentence if any, else its paragraph.

    A baseline's period (由1-6月的3.2%, 同比（去年10月为7912件）增长6.6%) dates only its own
    figure: the figures after it keep the period written before.
    """
    k = bisect.bisect_right(ends, pos)
    while k and periods[k - 1][0] >= para_start:
        start, _, period = periods[k - 1]
        baseline = lex.baseline_period.match(text, start)
        if not (baseline and baseline.end() < pos):
            return period
        k -= 1
    return None


def annotate(
    records: Sequence[Figure], candidates: Sequence[Candidate], prepared: Prepared, rules: RuleSet
) -> list[Record]:
    """Return the records of the figures, with their semantic fields filled in.

    Args:
        records: the figures, one per candidate, in the same order.
        candidates: the matches the records were built from.
        prepared: the prepared text the candidates index.
        rules: the rule set (metrics, word lists).
    """
    if not records:
        return []
    lex = lexicon(rules)
    text = prepared.text
    contexts = read_contexts(text, candidates, lex)
    # found on first need: most figures' own words name their metric (see MetricIndex.classify)
    # found on first need; a byline's line (来源:…客户端) is no heading, though it is short and alone
    headings = functools.cache(
        lambda: [(m.start(1), m.group(1)) for m in HEADING.finditer(text) if not BYLINE.search(m.group(1))]
    )
    captions: dict[int, str] = {}  # the caption above each table row asked about (`table_caption`)
    # the run-in heads of the document's sections ((一)盗窃类警情。), found on first need (see `run_in_head`)
    sections = functools.cache(lambda: [(m.start(), m.group(0)) for m in RUN_IN_SECTION.finditer(text)])
    periods = _periods(text, lex)
    period_ends = [e for _, e, _ in periods]

    def year_of(i: int) -> int | None:
        """The year figure `i` belongs to: its period's, else the article's, else the latest one written.

        A Taiwan year counts as written (113年全般刑案發生…，較112年減少2.8%: year-on-year).
        A report dated in the first quarter that has written last year before the figure reviews
        last year (a 2024-01-16 work report: 刑事案件立案数由2022年的2153起下降到1827起 is 2023's).
        """
        pos, date = candidates[i].start, records[i].date
        period = _period(text, periods, period_ends, start_of_line(text, pos), pos, lex)
        start = resolve_period(period, date)[0] if period else None
        if start:
            return int(start[:4])
        if date and date[:4].isdigit():
            year = int(date[:4])
            if date[5:7] in _FIRST_QUARTER and written_before(text, pos, year - 1):
                return year - 1
            return year
        return latest_written_year(text, pos)

    changes = read_changes(text, candidates, contexts, lex, year_of)
    reading = Reading(text, candidates, records, contexts, changes, lex)
    parents, viewed = find_parents(reading)
    parents = [p if p is None else whole_against_share(reading, i, p) for i, p in enumerate(parents)]
    shared = wholes_of_own_shares(reading, parents)
    named_totals = wholes_of_named_totals(reading, parents)
    later = totals_after_parts(reading, parents)
    orgs = lex.gazette.orgs(text)
    places = lex.gazette.places(text)
    title = fold_text(records[0].title or "")  # titles come from metadata, not normalised yet
    # the article's own reporter and place: from the title, else the first organisation named
    main_org = nearest_before(lex.gazette.orgs(title), len(title)) or _most_named(orgs, lex)
    main_place = nearest_before(lex.gazette.places(title), len(title))
    main_place = main_place or (_place_of(main_org, lex) if main_org else None)
    respectively = read_respectively(text, candidates, contexts, lex, changes)
    work_safety = len({m.group() for m in lex.work_safety_trade.finditer(text)}) >= _WORK_SAFETY_TRADES
    out: list[Record] = []
    bracket_wholes: dict[int, int] = {}  # kinds in brackets past a semicolon -> the count they are of
    for i, (rec, cand, ctx) in enumerate(zip(records, candidates, contexts, strict=True)):
        change, basis, baseline = changes[i]
        bracketed_whole: int | None = None
        ctx, row = _cell_context(text, cand.start, ctx, rec.unit)
        inherited, inherited_words = None, ""
        same_sentence = i and contexts[i - 1].sentence_start == ctx.sentence_start
        # the figure a change qualifies, for its metric and its label
        changed = (
            _changed(text, candidates, records, contexts, i, changes)
            if change is not None and same_sentence
            else None
        )
        # 受理8436件，环比增长6.3%；同比（去年10月为7912件）增长6.6%: a clause after a semicolon that
        # only says a change, or the baseline of one, is of the count of the clause before
        follows = bool(
            i
            and not same_sentence
            and (change is not None or baseline)
            and (
                (
                    (
                        _after_semicolon(text, ctx.sentence_start)
                        # 破获刑事案件1200起。同比上升12%: a sentence or line that opens on a bare change,
                        # right after one that ends on a count, is of that count, as after a semicolon
                        or _ENDS_ON_COUNT.fullmatch(text, candidates[i - 1].end, ctx.sentence_start)
                        is not None
                    )
                    # the change's clause opens its sentence, after a period at most: a clause before it
                    # that names something (；口岸通关人次逾1.2亿，与去年同比增幅3.1%) names what changed
                    and _only_a_period(text[ctx.sentence_start : cand.start - len(ctx.pre)], lex)
                )
                # 查获醉驾41人。民警说，这个数字不小，比去年多了两成: a clause that points back at the
                # number (这个数字, 这一数量) hands the change to the count said last, a sentence or two
                # before
                or (
                    _POINTS_BACK.search(text, ctx.sentence_start, cand.start - len(ctx.pre)) is not None
                    and ctx.sentence_start - candidates[i - 1].end <= _POINTS_BACK_REACH
                )
            )
            and lex.bare_change.match(without_blanks(ctx.pre))
            # 抓获逃犯58人；查处治安案件2210，同比上升12.4%: a number its clause says without a measure
            # word (no figure) is what the change is of, not the count before the semicolon
            and _BARE_NUMBER.search(text, ctx.sentence_start, cand.start) is None
        )
        if follows or (changed is not None and out[changed].role == "baseline"):
            # 同比（去年10月为7912件）增长6.6%: a change is of the current count, not of its baseline
            changed = _count_before(out, contexts, i, rec.unit)
            if (now_at := _current_of_baseline_in_measure(out, contexts, i, rec.unit, text)) is not None:
                # …計120件受傷150人；與上年同期相比計110件140人增加10件: of the count the baseline in its
                # measure was last year's, past the count in another measure said last before it
                changed = now_at
        pair = respectively.get(i)
        if isinstance(pair, int):  # 保有量289.5万辆，驾驶人412万人，分别增长6.1%和5.3%
            inherited = out[pair].metric
        # a change right after the figure it qualifies (29,542宗（+3.88%）), or a list of like figures:
        # the same unit or one the previous figure's metric is counted in (走访家庭2140户、商铺360家)
        elif pair is None and (same_sentence or follows) and parents[i] is None:
            # a cut that names what it cuts (减少提交材料约9.6万份) is a count of its own, no change of it
            qualifies = (change is not None or follows) and not lex.cut_of.search(ctx.pre)
            k = changed if qualifies and changed is not None else _last_count(out, contexts, i, rec.unit)
            # 受伤人数减少了30%，较大事故，同比下降25%: a bare change after a change, with a
            # clause naming a new thing between them, is that thing's change, not the first one's again
            fresh = (
                change is not None
                and out[k].change is not None
                and bool(_clause_before(text, candidates, i, ctx, lex))
            )
            fits = out[k].unit == rec.unit or rec.unit in lex.metrics.units.get(out[k].metric, ())
            # 查处酒驾醉驾1200起，是上年的1.3倍: a multiple of the count before it, in its own clause
            fits = fits or (
                change is None and rec.unit == "倍" and bool(_MULTIPLE_OF.match(without_blanks(ctx.pre)))
            )
            # 检查宾馆15家、网吧8个、汽车站6处…: places listed each in its own measure word are items of
            # one list, with only a noun and a 、 between them
            fits = fits or (
                change is None
                and rec.unit in _PLACE_UNITS
                and out[k].unit in _PLACE_UNITS
                and k == i - 1
                and _PLACE_ITEM_GAP.fullmatch(text, candidates[k].end, cand.start) is not None
            )
            # a change in a share may be of anything; one in money (损失同比减少1.8亿元) is not a
            # change of the cases before it
            if not fresh and (
                (qualifies and (fits or rec.unit in SHARE_UNITS))
                or (
                    fits
                    # 取締酒駕N件，移送法辦M件: a new verb that only makes the list's kind narrower (a
                    # `part_of` word of the count before) goes on counting it, as its narrower kind
                    and (
                        not _new_action(ctx.pre, contexts[k].pre, lex)
                        or (change is None and lex.metrics.part_of(out[k].metric, ctx.pre) != out[k].metric)
                    )
                    and not _topic_before(ctx.pre, text, cand.start)
                    and not _named_between(text, candidates[k].end, cand.start, out[k].metric, rec.unit, lex)
                )
            ):
                inherited = out[k].metric if out[k].metric != "other" else None
                inherited_words = contexts[k].pre
        # the next item of a list a semicolon splits (供水类诉求640件，占…；物业类512件，占…): its own
        # words name only the kind, so it counts what the item before the semicolon counts
        elif (
            pair is None
            and change is None
            and parents[i] is None
            and (item := _item_before_semicolon(text, candidates, out, contexts, i, rec.unit, rec.value))
            is not None
            and not _new_action(ctx.pre, contexts[item].pre, lex)
        ):
            inherited, inherited_words = out[item].metric, contexts[item].pre
            if _kind_in_brackets(text, candidates, i):
                bracketed_whole = item  # 重型電單車(9.6萬輛): a kind of the count before the semicolon
        # a part (破获刑事案件356起，其中重大案件37起) counts what its whole counts: the whole's
        # noun it repeats (案件) names no new metric, while a cue of its own (其中酒驾135起) does.
        # Only in the whole's sentence: parts given a sentence of their own (立刑事案件9518起。其中，
        # 盗窃案件4106起，占…) describe what the crimes were, by their own words. A semicolon does
        # not end it (破获侵财案件683起，占…66.5%；其中电信网络诈骗案件217起: the parts still solved)
        elif (
            pair is None
            and (whole := parents[i]) is not None
            and (
                contexts[whole].sentence_start == ctx.sentence_start
                or FULL_STOP.search(text, candidates[whole].end, cand.start) is None
            )
            and change is None
            and out[whole].metric != "other"
            and out[whole].unit == rec.unit
            # 其中违法停车最多，达2.1万起: a part whose own clause only reports is named by the clause
            # before it, which a cue may read (see `_earlier`)
            and not lex.metrics.has_cue(_clause_before(text, candidates, i, ctx, lex))
        ):
            inherited, inherited_words = out[whole].metric, contexts[whole].pre
        # the parts of a sentence of their own share its list's verb (其中，侦破网络赌博案件318起、侵犯
        # 公民个人信息案件96起: 侦破 holds for both), as the items of any list do
        elif (
            pair is None
            and change is None
            and same_sentence
            and parents[i] is not None
            and parents[i - 1] == parents[i]
            and out[i - 1].unit == rec.unit
            and out[i - 1].metric != "other"
        ):
            inherited, inherited_words = out[i - 1].metric, contexts[i - 1].pre
        # 同比提高3.4个百分点。其中甲县、乙县同比分别提高5.2个百分点和4.6个百分点: a sentence of 其中
        # that only names places and their changes breaks down the change said just before it, so it
        # is a change of what that one counts; its own words (a place) name nothing
        if (
            inherited is None
            and change is not None
            and not isinstance(pair, int)
            # a 分别 list after 其中，names its own kinds (其中，严重暴力犯罪、拐卖…案件分别同比下降…)
            and (
                whole_change := _change_broken_down(
                    text, candidates, contexts, changes, out, i, rec.unit, after_comma=pair is None
                )
            )
            is not None
        ):
            # the words of the whole's sentence up to it: its change is often said after a bare 同比, and
            # the noun a kind repeats (扒窃警情…，同比减少8.2%。其中，扒窃手机…) stands before that
            inherited = out[whole_change].metric
            inherited_words = text[contexts[whole_change].sentence_start : candidates[whole_change].start]
        # …扒窃警情同比减少12.8%；网络诈骗同比减少6.1%: past a semicolon, a kind of crime said with only its
        # change, right after a change of calls, is one more kind of call (see `crime_kind_change`)
        if (
            inherited is None
            and change is not None
            and pair is None
            and not same_sentence
            and _after_change_of_calls(text, out, i, ctx, rec.unit)
            and lex.crime_kind_change.match(without_blanks(ctx.pre))
        ):
            inherited, inherited_words = out[i - 1].metric, contexts[i - 1].pre
        # a part of an uncounted whole of its sentence (打掉犯罪团伙362个，其中涉黑涉恶犯罪集团11个) whose
        # own words name nothing is uncounted too: the heading's campaign (…整治行动) did not name the
        # whole, so it names no part of it
        part_of_other = (
            pair is None
            and change is None
            and (whole := parents[i]) is not None
            and contexts[whole].sentence_start == ctx.sentence_start
            and out[whole].metric == "other"
            and out[whole].unit == rec.unit
        )
        para_start = start_of_line(text, cand.start)
        in_table_row = is_table_row(text, para_start, cand.start)
        rest = (
            _whole_of_rest(out, contexts, i, rec) if change is None and lex.remainder.match(ctx.pre) else None
        )
        # a change in % of a figure no metric counts (等候时间缩短至8分钟，较去年缩短约35%): that
        # figure's words may name a rate (a time cut in % is one); a count's metric they name in a
        # unit that did not fit it (高速公路车流量…万辆次, 同比增长8%) stays unnamed
        uncounted_words = (
            _level_words(out, contexts, changed)
            if changed is not None
            and pair is None
            and parents[i] is None
            and rec.unit in SHARE_UNITS
            and out[changed].metric == "other"
            else None
        )
        # words read before the figure's own: the term a colon closes (违法载人：查处…), whose cue may
        # start the label, or else the verb of the list the figure is an item of, which may not
        term = _colon_term(text, cand.start, ctx, lex) if pair is None and not row else ""
        charge_listed = False
        if not term and pair is None and not row:
            term = _charge_lead(text, cand.start, ctx)
            charge_listed = bool(term)
        lead = term or (
            _list_verb(text, candidates, records, ctx, i, lex)
            if pair is None and not row and change is None
            else ""
        )
        choice = (
            Choice(out[rest].metric, out[rest].metric_name)
            if rest is not None
            else lex.metrics.classify(
                # 事故起数、死亡人数分别下降10.5%、12.3%: each figure's words are its item's
                pre=pair.words if isinstance(pair, Listed) else lead + _masked_moment(ctx.pre, change),
                post="" if isinstance(pair, Listed) else ctx.post,
                # a part's earlier words are its whole's, unless its own clause only reports: then
                # the clause before it names the part (其中违法停车最多，达2.1万起)
                earlier=""
                if pair is not None or (parents[i] is not None and not _bare(ctx, lex))
                else uncounted_words
                if uncounted_words is not None
                else functools.partial(_earlier, text, candidates, records, ctx, i, lex, sections),
                heading=""
                if part_of_other
                else functools.partial(table_caption, text, para_start, captions)
                if in_table_row
                else functools.partial(heading_before, headings, cand.start),
                unit=rec.unit,
                is_change=change is not None,
                inherited=inherited,
                inherited_words=inherited_words,
                before=None
                if inherited
                else functools.partial(_count_of_paragraph, candidates, out, i, para_start, rec.unit),
                in_table_row=in_table_row,
                sentence_before=functools.partial(
                    _sentence_before, text, ctx.sentence_start, cand.start - len(ctx.pre)
                ),
            )
        )
        named_ctx = ctx
        if term and not without_blanks(ctx.pre) and lex.metrics.has_cue(term):
            # 网上办理率:46.6%: nothing after the colon, so the term is the label; not a speaker's
            # name before what they say (主持人：两成多，…), which names nothing counted
            named_ctx = Context(term, ctx.post, ctx.sentence_start)
        elif lead and choice.cue_start is not None:
            if term and choice.cue_start < len(term):  # the label starts at the term when its cue won
                named_ctx = Context(term + ctx.pre, ctx.post, ctx.sentence_start)
            else:  # the label keeps to the figure's own words
                choice = dataclasses.replace(choice, cue_start=max(0, choice.cue_start - len(lead)))
        if (
            inherited is not None
            and choice.key == inherited
            and pair is None
            and change is None
            and not lead
            and ctx.post
            and (spent := without_blanks(ctx.pre))
            and contexts[i - 1].sentence_start == ctx.sentence_start
            and without_blanks(contexts[i - 1].post).startswith(spent)
        ):
            # 造成1人死亡2人受伤: the 死亡 before the second count is the first count's word after it,
            # spent on it; the second count is what the word right after it names
            own = lex.metrics.classify(pre="", post=ctx.post, heading="", unit=rec.unit, is_change=False)
            if own.key not in ("other", inherited):
                choice, named_ctx = own, Context("", ctx.post, ctx.sentence_start)
        rate = "%" in lex.metrics.units.get(choice.key, ())
        if uncounted_words is not None and choice.earlier and not rate:
            choice = lex.metrics.other
        if (
            choice.key == "other"
            and pair is None
            and change is None
            and _bare_intake(text, cand.start, ctx, rec.unit, lex)
        ):
            choice = lex.metrics.named("cases_filed")
        if inherited and pair is None and change is None and choice.key not in (inherited, "other"):
            choice = _with_object(ctx.pre, ctx.post, inherited_words, rec.unit, choice, lex)
            if choice.key != inherited:
                choice = _with_list_verb(text, candidates, ctx, i, inherited, rec.unit, choice, lex)
            if _kind_solved_in_list(text, cand.start, ctx, choice, inherited, rec.unit, lex):
                choice = dataclasses.replace(lex.metrics.named(inherited), cue_start=choice.cue_start)
            if _task_after_tasks(ctx, choice, inherited, inherited_words):
                choice = dataclasses.replace(lex.metrics.named(inherited), cue_start=choice.cue_start)
        if (
            inherited == _CALLS
            and change is not None
            and choice.key in ("crimes_reported", "other")
            and lex.crime_kind_change.match(without_blanks(ctx.pre))
        ):
            # 扒窃警情…。其中，盗窃三轮车环比增加9.9%: a kind of crime whose change breaks down
            # a change of calls is a kind of call, though 盗窃 alone names crimes elsewhere
            choice = lex.metrics.named(_CALLS)
        # the row's name, less a 其中： that opens it (| 其中：醉酒驾驶 |)
        cell_label = (
            _label(Context(f"| {row} | ", "", ctx.sentence_start), None, lex).lstrip(":：") if row else ""
        )
        if rest is None and pair is None and change is None and _lone_share_cell(ctx, rec.unit):
            by_column, cell_label = _share_by_column(text, cand.start, rec.unit, lex)
            choice = by_column or choice
        if isinstance(pair, Listed) and choice is lex.metrics.other and pair.head:
            # 摩托车、电动自行车驾乘人员头盔佩戴率分别达到91.3%、86.7%: the last item's words are the
            # head the items before it share; not when the item's own words say it is `other`
            # (直接财产损失、死亡人数分别下降12%和5%)
            choice = lex.metrics.classify(
                pre=pair.head, post="", heading="", unit=rec.unit, is_change=change is not None
            )
        if (
            isinstance(pair, Listed)
            and choice is lex.metrics.other
            and i > 0
            and _QUOTED_ITEM.match(without_blanks(pair.words))
            and isinstance(respectively.get(i - 1), Listed)
            and contexts[i - 1].sentence_start == ctx.sentence_start
            and out[i - 1].unit == rec.unit
            and (out[i - 1].change is None) == (change is None)
            and out[i - 1].metric != "other"
        ):
            # 「盗窃」及「诈骗」分别下降4.2%及7.5%: the items of one list are kinds of one thing, so an item
            # that is only a quoted name, whose words name nothing counted, is counted as the item
            # before it; not a bare measure (亡人数、伤者和损失分别减少…: the losses are no injuries)
            choice = Choice(out[i - 1].metric, out[i - 1].metric_name)
        if (
            change is not None
            and choice is lex.metrics.other
            and (pair is None or isinstance(pair, Listed))
            and _QUOTED_KIND_CHANGE.search(without_blanks(ctx.pre))
            and (kind := _quoted_kind_before(out, contexts, i, para_start, lex)) is not None
        ):
            # 「信用诈骗」有290宗…；「非法赌博」亦减少11.5%: a statistics office's quoted kind said with
            # only its change is one more kind of what the quoted kinds before it in the paragraph count
            choice = Choice(out[kind].metric, out[kind].metric_name)
        if (
            isinstance(pair, Listed)
            and choice is lex.metrics.other
            and (topic := _topic_choice(text, ctx.sentence_start, rec.unit, lex)) is not None
        ):
            # 多发警情方面，甲诈骗、乙诈骗分别以34起、39起…: kinds no cue knows, listed under the topic the
            # sentence opens with, count what the topic names
            choice = topic
        if (
            pair is None
            and rest is None
            and choice is lex.metrics.other
            and not _WORK_TOPIC.match(text, (opening := _topic_sentence(text, ctx.sentence_start)))
            and (topic := _topic_choice(text, opening, rec.unit, lex)) is not None
            and (change is not None or rec.unit in lex.metrics.units.get(topic.key, ()))
        ):
            # 超速方面，甲桥录得N宗，同比下跌M成: a count whose own words name only a place or a verb of
            # reporting counts what the topic its sentence opens with names, in that topic's units; not
            # a field of work (在打击醉驾方面，进行酒精检测N次: the tests done for it are no offence)
            choice = topic
        if (
            pair is None
            and rest is None
            and change is None
            and choice is lex.metrics.other
            and i > 0
            and out[i - 1].change is not None
            and out[i - 1].metric != "other"
            and contexts[i - 1].sentence_start == ctx.sentence_start
            and rec.unit in lex.metrics.units.get(out[i - 1].metric, ())
            and _bare(ctx, lex)
        ):
            # 死亡人数上升八成，有十八人: a count whose clause names nothing, right after the change of a
            # measure counted in its unit, is the count that changed
            choice = Choice(out[i - 1].metric, out[i - 1].metric_name)
        if (
            isinstance(pair, Listed)
            and change is not None
            and choice is lex.metrics.other
            and (counted := _count_of_measure(out, contexts, i, pair.words)) is not None
        ):
            # 受理…410件586人，件数、人数同比分别减少9.89%、15.07%: 件数 and 人数 name the measures of the
            # count said before, so each change is of the count in its measure
            choice = Choice(counted.metric, counted.metric_name)
        if (
            isinstance(pair, Listed)
            and change is not None
            and (said := _count_said_by_item(out, contexts, i, pair.words, rec.unit)) is not None
        ):
            # 取締酒駕N件，移送法辦M件，取締、移送法辦件數分別減少A件、B件: an item that says again the words
            # of a count before it (取締, 移送法辦) is that count's change, whatever a bare verb's cue reads
            choice = Choice(said.metric, said.metric_name)
        if (
            pair is None
            and change is not None
            and choice is lex.metrics.other
            and (counted := _count_of_own_measure(out, contexts, i, without_blanks(ctx.pre))) is not None
        ):
            # 受理诈欺案件310件、财损约4千万元，与上月相比件数减少21件、损失减少80万元: a change whose
            # words name nothing but a measure (件数, 损失) is of the count said before it in that measure,
            # past a count in another measure between them
            choice = Choice(counted.metric, counted.metric_name)
        if (
            change is None
            and choice.key != _HOTLINE
            and rec.unit in lex.metrics.units.get(_HOTLINE, ())
            and _HOTLINE_SHARE.match(text, cand.end, min(len(text), cand.end + _HOTLINE_SHARE_REACH))
        ):
            # 虚假宣传行为212件，占举报量的8%: a count whose next clause gives its share of the reports,
            # complaints or calls taken is a kind of those tickets, whatever its own words name
            choice = lex.metrics.named(_HOTLINE)
        if isinstance(pair, int) and change is None and out[pair].unit == rec.unit:
            # 满意率、知晓率分别为97.1%、86.4%，全省“两率”分别为95.3%、84.0%: a second list in the same
            # unit gives the same measures again (for another place or year), so each takes the metric
            # of the figure it pairs with, as it takes its label; its own collective name (“两率”) names
            # none of them
            choice = Choice(out[pair].metric, out[pair].metric_name)
        if (
            choice.key == _RATE
            and change is None
            and same_sentence
            and _BARE_SUCCESS.fullmatch(without_blanks(ctx.pre))
            and (rate_of := _SUCCESS_RATES.get(out[_last_count(out, contexts, i)].metric)) is not None
        ):
            # 调解纠纷86起，调解成功83起，成功率96.5%: a bare 成功率 is the share of what the count before it
            # did that succeeded, so it is the rate of that count's work
            choice = lex.metrics.named(rate_of)
        if (
            choice is lex.metrics.other
            and change is None
            and pair is None
            and not (row or in_table_row or baseline)
            and rec.unit in ("%", "‰")
        ):
            # a share or rate no cue names (约三成驾乘人员未戴头盔, 其中八成为城乡居民, a speaker's
            # 去年还不到四成) is a ratio of something all the same: the other rates' metric; not in a
            # table, whose column decides (under a year it may be a growth rate), nor in a 分别 pairing
            choice = lex.metrics.named(_RATE)
        own_words = pair.words if isinstance(pair, Listed) else ctx.pre
        if choice.key == "accidents" and (_BARE_COUNT.search(own_words) or _bare_count_earlier(choice)):
            # 全省接报火灾2.1万起…与上年相比，起数上升3.5%: a bare 起数 counts what the paragraph's count
            # before it counted, crashes in a crash summary (the cue's guess), fires or cases elsewhere;
            # so does a change whose own words are silent and whose metric was read from such a 起数
            # earlier (起数上升3.5%。其中，较大火灾12起，同比减少3起: the larger fires' change)
            owner = _count_owner(candidates, out, i, para_start)
            if owner is not None and owner != "accidents":
                choice = lex.metrics.named(owner) if owner != "other" else lex.metrics.other
        if (
            choice.key == "accidents"
            and change is None
            and (whole := parents[i]) is not None
            and out[whole].metric in _CASE_METRICS
            and out[whole].unit == rec.unit
        ):
            # 发生刑事案件35起，其中盗窃9起，…交通肇事1起: a kind in a list of the cases is a case (the crime
            # of causing a crash, or of a fatal negligence: 责任事故), not a crash counted on the roads
            choice = Choice(out[whole].metric, out[whole].metric_name)
        if (
            choice.key == "accidents"
            and work_safety
            and not _ROAD_NAMED.search(own_words)
            and not _ROAD_NAMED.search(
                text, max(para_start, text.rfind("。", para_start, cand.start) + 1), cand.start
            )
        ):
            # a work-safety bulletin (煤矿发生N起…建筑施工发生M起…; 发生较大事故24起): its accidents are at
            # work, of every trade; only the road's own line (道路交通发生N起…；环比增加M起) counts road
            # crashes, up to its full stop
            choice = lex.metrics.other
        if (
            choice is lex.metrics.other
            and change is not None
            and (casualty := _casualty_of_events_change(text, candidates, out, i, rec.unit, change))
            is not None
        ):
            # …死亡和下落不明11人；环比增加2起、7人: the people paired with a change of the events by 、 are
            # the change of the casualty its sentence counted (the dead), though their own words are silent
            choice = lex.metrics.named(casualty)
        if choice is lex.metrics.other and (  # in a table its column's header says it (| 受理量（件） |)
            _BARE_INTAKE.search(ctx.pre) or _BARE_INTAKE.search(text, ctx.sentence_start, cand.start)
        ):
            choice = _intake_before(out, contexts, i, rec.unit, change is not None, lex) or choice
        period = _period(text, periods, period_ends, para_start, cand.start, lex)
        start, end = resolve_period(period, rec.date) if period else (None, None)
        subject = nearest_before(orgs, cand.start, para_start) or main_org  # sentence or paragraph
        own_place = _place_of(subject, lex) if subject else None
        place = own_place or nearest_before(places, cand.start, ctx.sentence_start) or main_place
        if subject and not own_place and place:  # 市公安局 -> 昆明市公安局
            subject = place + subject[1:] if subject[0] in "市县区州省" else place + subject
        if (
            bracketed_whole is None
            and same_sentence
            and (i - 1) in bracket_wholes
            and out[i - 1].unit == rec.unit
            and _kind_in_brackets(text, candidates, i)
            and rec.value < out[bracket_wholes[i - 1]].value
        ):
            bracketed_whole = bracket_wholes[i - 1]  # …及輕型汽車(10.8萬輛): the next kind of the same list
        if bracketed_whole is not None:
            bracket_wholes[i] = bracketed_whole
        p = parents[i] if parents[i] is not None else bracketed_whole
        if p is None and change is None and not baseline:
            label = _label(ctx, choice.cue_start, lex) if choice.key == "other" else ""
            over = parent_over_semicolon(reading, out, i, choice.key, label)
            p = over[0] if over is not None else shared[i]
            if p is None and over is None and choice.key == "other":
                p = named_totals[i]  # 合共N宗，占火警总出勤的55.0%: a count naming nothing of its own
            if p is None and charge_listed:
                p = whole_of_listed_charge(reading, i)  # 抢劫罪N人，占逮捕总人数的30%: a kind of that total
            # 其中盗窃案件523起…；诈骗案件287起: a kind named like the first item counts what that counts
            if over is not None and over[1] not in (choice.key, "other"):
                choice = lex.metrics.named(over[1])
        if p is not None and (lead_at := viewed.get(i)) is not None:
            p = whole_past_sibling(reading, i, p, out[p].parent_start, lead_at)
        if p is not None and _apart_in_time(start, end, out[p]):
            p = None  # 412宗，當中58宗…，而2022年則分別是398宗: another year's, no part of this one's
        if (
            p is not None
            and out[p].metric == "police_deployed"
            and (
                choice.key in _PEOPLE_DEALT_WITH
                or (choice.key == "other" and _FOUND_PEOPLE.search(ctx.pre) is not None)
            )
        ):
            # 动员警力N人次，…并包含幫派犯嫌2人; 出动警力N人，…其中…查获吸毒人员M名: people caught or
            # found are no part of the force sent out
            p = None
        if p is not None and (
            (choice.key == "other" and not _missing_of_the_dead(ctx, out[p]))
            or kind_of_whole(ctx, choice, out[p], lex)
            or _only_set_up(ctx, lex)
            or _kind_of_person(ctx, out[p])
            or _kind_of_call(ctx, out[p])
            or _kind_of_case(ctx, choice, out[p], rec.unit, lex)
            or _handled_of_cases(ctx, choice, out[p])
            or _crashes_of_an_offence(choice, out[p], rec.unit, change)
        ):
            choice = Choice(out[p].metric, out[p].metric_name)  # a part counts what its whole counts
        elif p is not None and choice.key in _CRASHES and out[p].metric in _OFFENCES:
            p = None  # 查处酒驾8万起，其中醉驾1万起，酒驾导致事故120起: crashes are no part of offences
        elif p is not None and _other_offences_paired(
            text, choice.key, out[p].metric, candidates[p].end, cand.start, lex
        ):
            p = None  # 查处超速900起，闯红灯和逆行分别…: offences side by side, not parts of one
        elif (
            p is None
            and change is None
            and (choice.key == "other" or _PERSON_WORD.search(ctx.pre) is not None)
            and (by_lead := _counted_lead(text, cand.start, ctx, rec.unit, lex)) is not None
            and (choice.key == "other" or by_lead.key in _PEOPLE_DEALT_WITH)
        ):
            choice = by_lead  # 在抓获的违法犯罪嫌疑人中，刑事犯罪嫌疑人386名: arrested, whole or not
        elif p is None and change is None and KIND_OF_WHOLE.search(ctx.pre):
            choice = kind_of_lead(reading, i, choice)
        if (
            baseline
            and choice.key == "other"
            and (now := _current_of_baseline(out, contexts, i, rec.unit, text))
        ):
            choice = Choice(now.metric, now.metric_name)  # 受理…88件，去年同期为176件: that count a year ago
        out.append(
            Record(  # built whole: dataclasses.replace costs more than the rest of this loop
                doc=rec.doc,
                text=rec.text,
                value=rec.value,
                unit=rec.unit,
                qualifier=rec.qualifier,
                start=rec.start,
                end=rec.end,
                sentence=rec.sentence,
                rule=rec.rule,
                title=rec.title,
                date=rec.date,
                metric=choice.key,
                metric_name=choice.name,
                label=cell_label
                if cell_label
                else _label(Context(pair.words, "", ctx.sentence_start), None, lex)
                if isinstance(pair, Listed)
                else out[pair].label
                if isinstance(pair, int)  # the change of 驾驶人412万人 counts 驾驶人
                else (
                    _change_label(ctx, choice, out[changed] if changed is not None else None, lex)
                    # 涉案青年，下跌8.2%: a change whose clause is its verb alone changes what the clause
                    # before it names
                    or _clause_before(text, candidates, i, ctx, lex, bare=_change_word_only(ctx, lex))
                )
                if change is not None
                else _from_to_label(ctx, out[i - 1] if same_sentence else None, lex)
                or _label(*_named_earlier(named_ctx, choice, lex), lex)
                or _twin_label(
                    text, ctx, out[i - 1] if same_sentence else None, (candidates[i - 1].end, cand.start)
                )
                or _clause_before(text, candidates, i, ctx, lex),
                change=change,
                basis=basis,
                parent=records[p].text if p is not None else None,
                parent_start=records[p].start if p is not None else None,
                role="baseline" if baseline else "current",
                period=period,
                period_start=start,
                period_end=end,
                subject=subject,
                region=region_name(place) if place else None,
            )
        )
    for i, t in later.items():  # 民警412人、辅警1065人…，总人数为1715人: a whole said after its parts
        if out[i].parent is None:
            out[i] = dataclasses.replace(out[i], parent=records[t].text, parent_start=records[t].start)
    _topic_of_closing_total(out, later, contexts, text, lex)
    _share_closing_predicate(out, contexts, candidates, text, lex)
    _share_head_of_levels(out, candidates, text)
    for i, made in enumerate(out):
        if made.change == "down" and made.unit == "%" and made.value > 100:
            out[i] = _fall_with_lost_point(made)
    _share_predicate_of_pair(out, contexts, candidates, text, lex)
    _road_offenders_of_tally(out, contexts, lex)
    return out


#: A share of two short digit groups with one blank between them (下降10 4%): a summary or a
#: crawl that dropped the decimal point and left a blank in its place.
_LOST_POINT = compile_pattern(r"(\d{1,2}) (\d{1,2})[%％]")


def _fall_with_lost_point(rec: Record) -> Record:
    """A fall read above 100% from digits split by a blank: the blank is a lost decimal point.

    Nothing falls by more than all of it, so 同比下降10 4% (a page's summary line, whose decimal
    points became blanks) is a fall of 10.4%, not of 104%; a rise keeps the blank a stray one.
    """
    m = _LOST_POINT.fullmatch(rec.text)
    if m is None:
        return rec
    return dataclasses.replace(rec, value=float(f"{m[1]}.{m[2]}"))


#: A sentence opening with its topic (在便民服务方面，…; 交通违规方面：…): the topic's words.
_TOPIC_LEAD = compile_pattern(r"\s*在?(?P<topic>[^，,。；;：:\d]{2,12}?)(?:方面|部分)[，,：:]")
#: A topic said as a field of work (在打击醉驾方面，…): what was done in it, not a kind counted.
_WORK_TOPIC = compile_pattern(r"\s*在")
#: The bare words of a total closing a list (，共127件; ，合计…).
_BARE_TOTAL = compile_pattern(r"[，,]?\s*(?:共计|合计|总计|总共|一共|共)(?:达到?|为|有)?\s*")


#: A change's own words that are only a quoted kind, or two (「不法经营」增加,
#: 「盗用身份」及「非法赌博」分别减少, 「非法赌博」亦减少, 「伪造证件」增加了).
_QUOTE_OPENS = '「“"『'
_QUOTE_NAME = rf"[{_QUOTE_OPENS}][^」”\"』，,。；;]{{1,16}}[」”\"』]"
_QUOTED_KIND_CHANGE = compile_pattern(
    rf"(?:^|[，,；;])\s*{_QUOTE_NAME}(?:[及和与、]{_QUOTE_NAME})?(?:亦|则|也)?(?:同比|按年)?(?:分别)?"
    r"(?:上升|下降|增加|减少|增长|下跌|上涨|回落)了?$"
)
#: How many figures back a quoted kind's sibling is looked for (`_quoted_kind_before`).
_KIND_LOOKBACK = 12


def _quoted_kind_before(
    out: Sequence[Record], contexts: Sequence[Context], i: int, para_start: int, lex: Lexicon
) -> int | None:
    """The nearest earlier figure of the paragraph named by a quoted kind and a metric, or None.

    A statistics office quotes each kind of crime it counts (「信用诈骗」有290宗); a kind said later with
    its change alone counts what they count; a quoted rate (“一盔一带”佩戴率) is no such kind. Within
    `_KIND_LOOKBACK` figures, so the walk stays short.
    """
    for k in range(i - 1, max(-1, i - 1 - _KIND_LOOKBACK), -1):
        if contexts[k].sentence_start < para_start:
            return None
        if (
            out[k].metric != "other"
            and "%" not in lex.metrics.units.get(out[k].metric, ())  # a count's kind, no rate
            and any(q in contexts[k].pre for q in _QUOTE_OPENS)
        ):
            return k
    return None


def _topic_sentence(text: str, sentence_start: int) -> int:
    """Where the sentence whose topic a sentence goes on under starts.

    Its own start, or after a ； the start of the sentence before it (超速方面，甲桥N宗；乙桥M宗: the
    topic covers both halves).
    """
    k = sentence_start
    while k > 0 and text[k - 1].isspace():  # as rstrip() would, without copying the text before
        k -= 1
    if k == 0 or text[k - 1] not in "；;":
        return sentence_start
    return max(text.rfind(mark, 0, k - 1) for mark in "。！？!?\n") + 1


def _topic_choice(text: str, sentence_start: int, unit: str, lex: Lexicon) -> Choice | None:
    """The metric the topic opening a sentence names (在便民服务方面，…), or None with no such topic."""
    lead = _TOPIC_LEAD.match(text, sentence_start)
    if lead is None:
        return None
    choice = lex.metrics.classify(pre=lead.group("topic"), post="", heading="", unit=unit, is_change=False)
    return None if choice.key == "other" else choice


def _topic_of_closing_total(
    out: list[Record], later: dict[int, int], contexts: Sequence[Context], text: str, lex: Lexicon
) -> None:
    """Name a list and the bare total closing it by the topic that opens their sentence.

    在便民服务方面，保护存提款安全N件、寻获走失老人N件…，共N件: the items name kinds no cue knows and
    the total says only 共, so all would be `other`; the topic the sentence opens with says what they
    count. Only items still `other`, in the total's unit: an item whose words name a metric keeps it.
    """
    for t in set(later.values()):
        ctx = contexts[t]
        if out[t].metric != "other" or not _BARE_TOTAL.fullmatch(ctx.pre):
            continue
        choice = _topic_choice(text, ctx.sentence_start, out[t].unit, lex)
        if choice is None:
            continue
        for k in [t, *(i for i, whole in later.items() if whole == t)]:
            if out[k].metric == "other" and out[k].unit == out[t].unit:
                out[k] = dataclasses.replace(out[k], metric=choice.key, metric_name=choice.name)


#: A predicate closing a list of deputies' suggestions and proposals, said once after its last item
#: (…和17件政协提案全部办结, …均已按期答复): it tells what became of every item, not the last one only.
_CLOSED_AFTER = compile_pattern(
    r"^[^，,。；;：:\d]{0,16}?(?:全部|均|都|已|皆)[^，,。；;：:\d]{0,6}?(?:办结|办理完毕|答复|办复|整改完成)"
)
#: A verb that takes the suggestions in (征集意见建议52条, 收到…): such an item counts the ones
#: collected, whatever the list's last words say of the others.
_TAKEN_IN = compile_pattern(r"征集|收集|收到|征求|搜集|汇总|梳理|听取|受理|交办|提出|反映")
#: What alone may stand between two items of one list: no clause mark, no number.
_LIST_GAP = compile_pattern(r"[^，,。；;：:\n]*")


def _share_closing_predicate(
    out: list[Record], contexts: Sequence[Context], cands: Sequence[Candidate], text: str, lex: Lexicon
) -> None:
    """Give the closing predicate of a list of suggestions to the items before its last one.

    去年的31件人大代表建议和17件政协提案全部办结: the 办结 stands in the last item's words only, so
    each item before it, named by its noun alone, reads as suggestions taken in; the list says all
    of them were closed, whatever the last item counts (…和76件局长信箱来信均已办结 closes the letters
    and the suggestions before them). Only items of one clause (joined by 、和及与, no clause mark
    between), counted in 条 or 件, with no verb of their own that takes them in.
    """
    resolved = "suggestions_resolved"
    name = lex.metrics.named(resolved).name
    for j in range(len(out) - 1, 0, -1):
        if not _CLOSED_AFTER.match(contexts[j].post):  # the last item may be letters or tickets (信件, 工单)
            continue
        k = j - 1
        while (
            k >= 0
            and out[k].metric == "suggestions_collected"
            and out[k].unit in ("条", "件")
            and contexts[k].sentence_start == contexts[j].sentence_start
            and _LIST_GAP.fullmatch(text, cands[k].end, cands[k + 1].start) is not None
            and _TAKEN_IN.search(contexts[k].pre) is None
        ):
            out[k] = dataclasses.replace(out[k], metric=resolved, metric_name=name)
            k -= 1


#: A list item's own words when they only say its level or its side of town (12项省级、30项市级、
#: 77项县级政务事项; 新增8个城区、15个农村劝导站): the noun counted stands after the last item.
_LEVEL_ONLY = compile_pattern(
    r"(?:国家|部|省|自治区|市|州|盟|县|区|旗|乡镇|乡|镇|街道|村|社区)级|城区|市区|郊区|城市|农村|城镇|乡村|山区|牧区"
)
#: Between one such item and the next figure: its level word, a 、 and nothing else.
_LEVEL_GAP = compile_pattern(r"\s*([^\s、，,。；;：:\d]{1,4})\s*、\s*")


def _share_head_of_levels(out: list[Record], cands: Sequence[Candidate], text: str) -> None:
    """Give the metric of a list's last item to the items before it that say only their level.

    12项省级、30项市级、77项县级政务事项下放到派出所: the noun after the last count is what each
    count counts, its level word (省级, 市级) no metric of its own. Only items left `other`, in the
    last item's unit, each joined to the next by a 、 alone, so a list of separate counts keeps its own.
    """
    for j in range(len(out) - 1, 0, -1):
        if out[j].metric == "other":
            continue
        k = j - 1
        while k >= 0 and out[k].metric == "other" and out[k].unit == out[j].unit:
            gap = _LEVEL_GAP.fullmatch(text, cands[k].end, cands[k + 1].start)
            if gap is None or _LEVEL_ONLY.fullmatch(gap.group(1)) is None:
                break
            out[k] = dataclasses.replace(out[k], metric=out[j].metric, metric_name=out[j].metric_name)
            k -= 1


#: Between the first count of a pair and the second: the first's bare noun and a joiner, nothing else
#: (…名村民及…, …户农户和…): the words that say what both count stand after the second.
_PAIR_GAP = compile_pattern(r"\s*(\p{Han}{1,6})\s*(?:和|及|与|以及)\s*")


def _share_predicate_of_pair(
    out: list[Record], contexts: Sequence[Context], cands: Sequence[Candidate], text: str, lex: Lexicon
) -> None:
    """Give the metric of a pair's second count to the first, when only a bare noun stands between.

    为40名居民及11名职工办理驾驶证换证: the predicate after the second count (办理驾驶证换证) says what
    both count, each named before it by its noun alone (居民, 职工), so the first, read alone, names
    nothing. Only a first count left `other` whose noun holds no cue of any metric (查获5名吸毒人员和
    3名嫌疑人 keeps its drug users), in the second's unit, and a second whose own words before it are
    only the joiner, so its metric is the predicate's.
    """
    for j in range(len(out) - 1, 0, -1):
        k = j - 1
        first, second = out[k], out[j]
        if first.metric != "other" or second.metric == "other" or first.unit != second.unit:
            continue
        if first.change is not None or second.change is not None or first.role != "current":
            continue
        if contexts[k].sentence_start != contexts[j].sentence_start:
            continue
        gap = _PAIR_GAP.fullmatch(text, cands[k].end, cands[j].start)
        if gap is None or lex.metrics.names_in_unit(gap.group(1), first.unit):
            continue
        if not _JOINER_ONLY.fullmatch(contexts[j].pre) or not contexts[j].post.strip():
            continue
        out[k] = dataclasses.replace(first, metric=second.metric, metric_name=second.metric_name)


#: The offenders a tally's closing clause says were dealt with, named by no offence (共处理违法人员).
_BARE_OFFENDERS = compile_pattern(r"(?:共|累计|共计|合计)?(?:处理|处罚|查处)了?(?:各类)?违法(?:人员|行为人)$")


def _road_offenders_of_tally(out: list[Record], contexts: Sequence[Context], lex: Lexicon) -> None:
    """Make the bare offenders closing a sentence of road offences the offences' people.

    查处交通违法行为2100起，其中超员12起…，共处理违法人员2100人: said alone, 处理违法人员 names
    offenders of the public-order law (`other`); after a count of road offences in the same sentence
    it names the drivers of those offences (`violations_handled`, counted in people). Only counts in
    people whose own words are that bare clause, and a road offence counted earlier in the sentence.
    """
    for i, rec in enumerate(out):
        if rec.metric != "other" or rec.unit not in ("人", "名", "人次") or rec.change is not None:
            continue
        if _BARE_OFFENDERS.search(without_blanks(contexts[i].pre)) is None:
            continue
        if _nearest_of_sentence(out, contexts, i, lambda r: r.metric in _OFFENCES) is not None:
            out[i] = dataclasses.replace(
                rec, metric="violations_handled", metric_name=lex.metrics.named("violations_handled").name
            )


def _apart_in_time(start: str | None, end: str | None, whole: Record) -> bool:
    """Whether a figure's period and its whole's share no day: a part lies within its whole's time.

    >>> w = Record("d", "9宗", 9, "宗", period_start="2019-01-01", period_end="2019-12-31")
    >>> _apart_in_time("2018-01-01", "2018-12-31", w), _apart_in_time("2019-04-01", "2019-06-30", w)
    (True, False)
    >>> _apart_in_time(None, None, w)
    False
    """
    if not (start and end and whole.period_start and whole.period_end):
        return False
    return end < whole.period_start or start > whole.period_end


#: A volume taken in that names nothing (受理量, 受理数): the intake the document counted before it.
_BARE_INTAKE = compile_pattern(r"受理(?:总?量|数|件数)")

#: A clause (or list item) that opens with a bare 起数, the noun it counts left out (起数减少8起), also
#: after the basis (同比起数增加3起).
_BARE_COUNT = compile_pattern(r"(?:^|[，,；;：:、])\s*(?:同比|环比)?起数[^，,；;。]*$")
#: The units a count of events (crashes, fires, cases) is said in: what a bare 起数 refers back to.
_EVENT_UNITS = ("起", "宗")


def _bare_count_earlier(choice: Choice) -> bool:
    """Whether `choice` was read from a bare 起数 opening a clause of the words before the figure's own.

    That 起数 names no noun of its own (与上年相比，起数上升3.5%), so like one in the figure's own words
    it counts what the paragraph's count before the figure counted.
    """
    at = choice.cue_start
    if not choice.earlier or at is None or not choice.earlier.startswith("起数", at):
        return False
    before = choice.earlier[:at].rstrip()
    return not before or before[-1] in "，,；;：:、"


def _count_owner(cands: Sequence[Candidate], out: Sequence[Record], i: int, para_start: int) -> str | None:
    """The metric of the paragraph's last count of events before figure `i` (`other` included).

    A bare 起数 repeats the noun of that count: 交通事故96起…起数减少8起 counts crashes,
    全省接报火灾2.1万起…起数上升3.5% fires (`other`). None when the paragraph has no such count
    within `_COUNT_LOOKBACK` characters, so the scan stays bounded.
    """
    lo = max(para_start, cands[i].start - _COUNT_LOOKBACK)
    for k in range(i - 1, -1, -1):
        if cands[k].start < lo:
            return None
        r = out[k]
        if r.change is None and r.role != "baseline" and r.unit in _EVENT_UNITS:
            return r.metric
    return None


#: The metric of a share that is no metric's own rate.
_RATE = "rate_other"
#: The metric of a hotline's or a complaint desk's tickets (`_HOTLINE_SHARE`).
_HOTLINE = "hotline_cases"
#: The share of a hotline's or a complaint desk's tickets a count takes, said in the next clause
#: (…212件，占举报量的8%; …860件，分别占投诉总量的…), past a bracket after the count (…325件（其中…210件），
#: 占举报量的9%): bounded by `_HOTLINE_SHARE_REACH`.
_HOTLINE_SHARE = compile_pattern(
    r"(?:[(（][^()（）]{0,20})?[)）]?\s*[，,]\s*(?:分别)?占(?:全部|全年|总|同期)?(?:受理)?(?:群众)?"
    r"(?:举报|投诉|诉求|来电|来信|工单|热线)(?:举报|投诉)?(?:件|总)?量"
)
_HOTLINE_SHARE_REACH = 48
#: A rate named by nothing but its success (成功率, 成功率达, 成功率为).
_BARE_SUCCESS = compile_pattern(r"[，,]?(?:成功率|成功比例)(?:达到?|为|是|达到了)?")
#: The rate a bare 成功率 is after a count of each metric: the disputes settled are mediation's.
_SUCCESS_RATES = {"disputes_mediated": "resolution_rate"}


def _count_of_measure(
    out: Sequence[Record], contexts: Sequence[Context], i: int, words: str
) -> Record | None:
    """The count of figure `i`'s sentence in the measure its 分别 item names (件数 -> 件, 人数 -> 人).

    Only for an item that names nothing but the measure; None when the sentence has no count in it
    before the figure, or that count names no metric.
    """
    measure = _MEASURE_NAMED.match(words)
    if measure is None:
        return None
    unit = measure.group("unit")
    return _named_count_of_sentence(out, contexts, i, lambda r: r.change is None and r.unit == unit)


#: A 分别 item's tail that names the count of what its words say (取締件數, 移送法辦數量): not the words.
_ITEM_COUNT_NAME = compile_pattern(r"(?:的)?(?:件数|起数|人数|数量|数)$")


def _count_said_by_item(
    out: Sequence[Record], contexts: Sequence[Context], i: int, words: str, unit: str
) -> Record | None:
    """The count of figure `i`'s sentence whose own words a change's 分别 item says again, or None.

    取締酒駕違規N件，移送法辦M件，取締、移送法辦件數分別較上年減少A件、B件: the item 取締 is the first
    count's verb, 移送法辦 the second's words, so each change is of that count. The nearest earlier
    count of the sentence in the change's measure (any, for a change in %) whose label holds the item,
    when it names a metric; an item of one character, or the words of no count, says nothing.
    """
    item = _ITEM_COUNT_NAME.sub("", without_blanks(words)).strip("、与和及，, ")
    if len(item) < 2:
        return None
    measure = measure_of(unit)

    # a count, not a share of one (分别占…的a%、b%，同比分别下降…: the items' counts)
    def fits(r: Record) -> bool:
        return (
            r.change is None
            and r.role == "current"
            and r.unit not in SHARE_UNITS
            and (unit in SHARE_UNITS or measure_of(r.unit) == measure)
            and item in (r.label or "")
        )

    return _named_count_of_sentence(out, contexts, i, fits)


#: How many of the trades a work-safety bulletin counts by (`work_safety_trades`) make a document one.
_WORK_SAFETY_TRADES = 3
#: Words that name the road in a figure's own words: its accidents stay road crashes in any document
#: (not 水上交通 nor 铁路交通, trades of their own).
_ROAD_NAMED = compile_pattern(r"(?<!水上|铁路)交通|道路|公路|车|驾|肇事")


#: A 分别 item that is a quoted name (「诈骗」, “两抢”): a kind, as a statistics office quotes its
#: categories.
_QUOTED_ITEM = compile_pattern(_QUOTE_NAME)
#: A change's own words that name nothing but the measure of a count said before it (件数减少,
#: 人数同比下降, 损失减少, 财损金额增加), after the clause's start or its comparison (与上月相比).
_OWN_MEASURE = compile_pattern(
    rf"(?:^|[，,、]|相比|相较|比较)(?:其)?(?:(?P<measure>{_MEASURE_NAMED.pattern})|(?P<money>(?:财产)?损失|财损)(?:金额|额|数)?)"
    r"(?:同比|环比)?(?:下降|上升|增长|减少|增加|降低|下滑|上涨|回落)了?$"
)


def _count_of_own_measure(
    out: Sequence[Record], contexts: Sequence[Context], i: int, words: str
) -> Record | None:
    """The count of figure `i`'s sentence in the measure the change's own words name, or None.

    The nearest earlier count in that measure, past counts in other measures between them; None when
    the words name more than a measure, or that count names no metric.
    """
    measure = _OWN_MEASURE.search(words)
    if measure is None:
        return None
    if measure.group("measure") is not None:
        return _count_of_measure(out, contexts, i, measure.group("measure"))
    return _named_count_of_sentence(out, contexts, i, lambda r: r.change is None and r.unit.endswith("元"))


def _current_of_baseline(
    out: Sequence[Record], contexts: Sequence[Context], i: int, unit: str, text: str = ""
) -> Record | None:
    """The count of its sentence a stated baseline (figure `i`) is the earlier period's value of.

    受理审查逮捕88件121人，去年同期为176件340人: the baseline names no metric of its own words
    (去年同期), but it is the same count a year before, so it counts what the nearest earlier count of
    its sentence in its measure counts; None when there is none or that one names nothing either.
    """
    measure = measure_of(unit)

    def fits(r: Record) -> bool:
        return r.role == "current" and r.change is None and measure_of(r.unit) == measure

    found = _named_count_of_sentence(out, contexts, i, fits)
    start = contexts[i].sentence_start
    if found is None and text and _after_semicolon(text, start):
        # 計120件受傷150人；與上年同期相比計110件140人增加…: the clause after a semicolon that
        # opens on last year's counts compares them with the counts the clause before it said
        first = next(k for k in range(i, -1, -1) if k == 0 or contexts[k - 1].sentence_start != start)
        before = contexts[first - 1].sentence_start if first else -1
        for k in range(first - 1, -1, -1):
            if contexts[k].sentence_start != before:
                break
            if fits(out[k]):
                return out[k] if out[k].metric != "other" else None
    return found


def _current_of_baseline_in_measure(
    out: Sequence[Record], contexts: Sequence[Context], i: int, unit: str, text: str
) -> int | None:
    """The current count a change in `unit` (figure `i`) is of, by the baseline in its measure before it.

    Only for a change in a count's measure whose sentence states last year's count in that measure
    before it; None for a change in % or when no such baseline, or no current count for it, is found.
    """
    if unit in SHARE_UNITS:
        return None
    measure = measure_of(unit)
    b = _nearest_of_sentence(
        out, contexts, i, lambda r: r.role == "baseline" and measure_of(r.unit) == measure
    )
    if b is None or (now := _current_of_baseline(out, contexts, b, out[b].unit, text)) is None:
        return None
    return next((k for k in range(b - 1, -1, -1) if out[k] is now), None)


def _nearest_of_sentence(
    out: Sequence[Record], contexts: Sequence[Context], i: int, fits: Callable[[Record], bool]
) -> int | None:
    """The index of the nearest figure before `i` in its sentence that `fits`, else None."""
    start = contexts[i].sentence_start
    for k in range(i - 1, -1, -1):
        if contexts[k].sentence_start != start:
            return None
        if fits(out[k]):
            return k
    return None


def _named_count_of_sentence(
    out: Sequence[Record], contexts: Sequence[Context], i: int, fits: Callable[[Record], bool]
) -> Record | None:
    """The nearest figure before `i` in its sentence that `fits`, when it names a metric (else None)."""
    k = _nearest_of_sentence(out, contexts, i, fits)
    return out[k] if k is not None and out[k].metric != "other" else None


def _intake_before(
    out: Sequence[Record], contexts: Sequence[Context], i: int, unit: str, is_change: bool, lex: Lexicon
) -> Choice | None:
    """The metric of the last count before figure `i` whose own words say what was taken in (受理).

    A report on a hotline says once what it takes in (热线共受理群众诉求8,436件) and then only
    受理量: by month in a table (| 5月 | 7,205 | ↑4.1% |), by township (城关镇受理量1,502件). The
    bare word is that intake again, so it counts what the earlier 受理 counted, in a unit the
    metric is counted in (or as a change of it); None when no earlier count says it.
    """
    for k in range(i - 1, -1, -1):
        r = out[k]
        if r.change is not None or r.metric == "other" or "受理" not in contexts[k].pre:
            continue
        if is_change or unit in lex.metrics.units.get(r.metric, ()):
            return lex.metrics.named(r.metric)
        return None
    return None


def _cell_context(text: str, at: int, ctx: Context, unit: str) -> tuple[Context, str]:
    """The words to read a figure's metric from, and the name of its table row ("" outside one).

    Outside a table the words are the figure's own clause. In a table cell past the row's name,
    that clause is only the cells since the figure before (| 9 | ↓25.0% |); what the figure
    counts is said by its row and its column's header, so the metric is read from both, the
    row's cue nearest the figure (| 查处数 | 超速行驶 |: speeding, not any violation), and in a
    share column the header's 占 last (| 超速行驶 | 占比 |). A share alone in its cell keeps its
    own words: its column decides it (`_share_by_column`).
    """
    cell = table_cell(text, at)
    if cell is None:
        return ctx, ""
    period = _first_cell(text, at).strip()
    # a row named by a month or a year (| 5月 | 7,205 | ↑4.1% |) says when: the column's header
    # alone says what is counted, as it does for every row of the table
    named_by_period = period != "" and _PERIOD_ROW.fullmatch(period) is not None
    if not cell[0] and cell[1] and named_by_period and not _lone_share_cell(ctx, unit):
        return Context(f"| {cell[1]} | ", "", ctx.sentence_start), period
    if not cell[0] or (_lone_share_cell(ctx, unit) and not change_after_share(text, at)):
        return ctx, ""
    row, head = cell
    named = row
    if _PART_ROW.match(row) and (whole := row_above(text, at)):
        named = f"{whole} {row}"  # | 其中：电信网络诈骗 | under | 刑事案件立案 |: its cue nearest
    place = _PLACE_ROW.fullmatch(row.strip()) is not None
    # a hotline's tickets by topic (| 城乡建设 | 18620 | +4.2% |, | 教育 |): the topic is what the
    # public called about, no count of its own, so the column's 工单量 says what is counted
    topic = _TICKET_HEAD.search(head) is not None
    words = f"| {named} | {head} | " if is_share_head(head) or place or topic else f"| {head} | {named} | "
    return Context(words, "", ctx.sentence_start), row


#: A column header counting a hotline's tickets or calls (工单量（件）, 诉求量, 来电量, 受理量): its rows
#: are topics of the public's calls.
_TICKET_HEAD = compile_pattern(r"工单|诉求|来电|受理(?:总?量|数|件数)|投诉量|热线")


#: A table row named by a period: a month, a year, a quarter or a half (| 5月 |, | 2025年 |, | 一季度 |).
_PERIOD_ROW = compile_pattern(
    r"(?:(?:19|20)\d{2}年)?(?:\d{1,2}(?:[-—至]\d{1,2})?月份?|第?[一二三四1-4]季度|[上下]半年)?",
)


def _first_cell(text: str, at: int) -> str:
    """The first cell of the table row that `at` is in: what names the row."""
    line = text[start_of_line(text, at) : at]
    cells = line.split("|")
    return cells[1] if len(cells) > 2 else ""


#: A table row named by a place or a unit of the force (| 其他乡镇 | 279 | -9.7% |, | 城东派出所 |):
#: it says where, so the column's header says what is counted, nearer than any word of the name.
_PLACE_ROW = compile_pattern(r"[^|]{0,12}?(?:乡镇|街道|社区|[乡镇村县区市州]|派出所|大队|中队|分局|支队)")


#: A table row that is a part of the row above it (| 其中：一般程序 | 187 |, | 其中:电信网络诈骗 |).
_PART_ROW = compile_pattern(r"\s*其中")


#: The months of a year-end review's publication (a work report in January, a summary by March).
_FIRST_QUARTER = ("01", "02", "03")


def _lone_share_cell(ctx: Context, unit: str) -> bool:
    """Whether a figure is a share standing alone in a table cell (| 酒后驾驶 | 6218 | +4.6% | 0.33% |)."""
    return unit in SHARE_UNITS and "|" in ctx.pre and not ctx.pre.strip(" |") and not ctx.post.strip(" |")


def _share_by_column(text: str, at: int, unit: str, lex: Lexicon) -> tuple[Choice | None, str]:
    """The metric and label a share cell's column header gives it (占查处总数: a share), if it names one.

    A share in a row of counts is not one of the row's counts, nor their change: its column
    says what it is a share or rate of. With a header that names nothing (2024年), None: the row
    decides as for any figure.
    """
    head = column_head(text, at)
    if not head or not head.strip():
        return None, ""
    choice = lex.metrics.classify(pre=head.strip(), post="", heading="", unit=unit, is_change=False)
    if choice.key == "other":
        return None, ""
    row = _row_name(text[start_of_line(text, at) : at]) or ""
    return choice, _NOISE.sub("", row + head)


def _count_of_paragraph(
    cands: Sequence[Candidate], out: Sequence[Record], i: int, para_start: int, unit: str
) -> str | None:
    """The metric of the previous count of the paragraph in the figure's unit, if any.

    工单11.6万件。从办理情况看，按期办结11.2万件: the tickets say what 办结 closes. Asked only when a
    figure's best cue is a word of two metrics, and it looks back `_COUNT_LOOKBACK` characters at
    most, so that a paragraph of thousands of figures stays linear.
    """
    lo = max(para_start, cands[i].start - _COUNT_LOOKBACK)
    for k in range(i - 1, -1, -1):
        if cands[k].start < lo:
            return None
        r = out[k]
        if r.change is None and r.role != "baseline" and r.unit == unit:
            return r.metric if r.metric != "other" else None
    return None


_COUNT_LOOKBACK = 400


#: A 的 phrase closed by a comma right before a number: what the number counts, said first (spoken).
_TOPIC_COMMA = compile_pattern(r"的\s*[，,]\s*$")


def _topic_before(pre: str, text: str, start: int) -> bool:
    """Whether a figure with no words of its own has them in a 的 phrase before a comma.

    收集上来的各类诉求一百四十多条，当场解决和协调有关部门解决的，一百二十多条: the second figure's
    words stand before the comma (解决的), so it is no list item of the first, though its own are empty.
    """
    return not pre.strip() and _TOPIC_COMMA.search(text, max(0, start - 8), start) is not None


def _named_between(text: str, prev_end: int, start: int, key: str, unit: str, lex: Lexicon) -> bool:
    """Whether a figure-less clause between the count before and a figure's own one names another thing.

    造成1900人死亡，启用电子驾驶证，先后有150万人成功申领: the clause between names the licences
    the 150万人 applied for, so the figure is no list item of the dead (metric `key`) before it. Only
    the clauses strictly between the two are read (the first holds the count before's own words, the
    last the figure's), so a list (注册登记汽车2299辆，二三轮摩托车2666辆) has none; one naming what
    the list counts (出警N次，处置的警情里，…N起) leaves it going on.
    """
    clauses = _CLAUSE_COMMA.split(text[prev_end:start])
    return any(lex.metrics.names_other(key, words, unit) for words in clauses[1:-1])


def _new_action(pre: str, before: str, lex: Lexicon) -> bool:
    """Whether a clause opens with a verb of a new action that the clause `before` did not say.

    查获吸毒人员312人，强制隔离戒毒156人: 强制 starts another count, not a list item of 人员.
    """
    m = lex.new_action.match(_trimmed(pre.lstrip("、 "), lex))
    return m is not None and m.group("verb") not in before


def _whole_of_rest(out: Sequence[Record], contexts: Sequence[Context], i: int, rec: Figure) -> int | None:
    """The total a remainder (其余15条) is the rest of, if a figure before says it.

    The total is the figure that a later one and the rest add up to (意见建议96条。已办结81条，
    其余15条), looked for among the few figures before; else the first larger figure of the
    sentence in the unit (收集意见建议58条，已整改落实43条，其余15条): the 15 are suggestions not
    yet resolved, counted like the total, not like the resolved ones before them.
    """

    def fits(k: int) -> bool:
        r = out[k]
        return r.unit == rec.unit and r.change is None and r.role != "baseline" and r.value > rec.value

    lo = max(0, i - _REST_LOOKBACK)
    for k in range(lo, i):
        if fits(k):  # a total no metric knows too: 问题27个，当场解决19个，其余8个 are problems
            total = out[k].value
            if any(
                out[m].unit == rec.unit and out[m].change is None and out[m].value + rec.value == total
                for m in range(k + 1, i)
            ):
                return k
    start = contexts[i].sentence_start
    for k in range(lo, i):
        if contexts[k].sentence_start == start and fits(k) and out[k].metric != "other":
            return k
    return None


#: How many figures back the total of a remainder is looked for (a breakdown of the total by kind may
#: stand between: 收集意见建议573条，其中交通94条、治安78条、户籍41条。已整改498条，整改率86.9%，其余75条).
_REST_LOOKBACK = 10


#: A clause whose only word of its own is a bare 受理 after a time (去年同月受理, 亦从前年8月受理).
_TIME_THEN_INTAKE = compile_pattern(r"(?P<time>[^，,。；;]{0,12}?)受理\s*")
#: What the sentence before said was taken in: 受理 with the crime or the case (受理诈骗, 受理诈欺案件),
#: or the crime as its topic before a comma (桃园市诈骗案，…).
_INTAKE_SAID = compile_pattern(
    r"受理[^，,。；;\d]{0,8}?(?:诈骗|诈欺|盗窃|窃盗|案)|(?:诈骗|诈欺|盗窃|窃盗)案?件?\s*[，,]"
)


def _bare_intake(text: str, at: int, ctx: Context, unit: str, lex: Lexicon) -> bool:
    """Whether a count's own words are a bare 受理 after the sentence said what was taken in.

    受理詐騙2.1萬件、財損138億元，去年同月受理1.3萬件: a fraud dashboard says the crime once and then
    only 受理 for each month, with the losses between, so the count before in the same unit is not
    right before it; read alone, a bare 受理 names nothing. So does a topic clause naming the crime
    (某縣竊盜案，今年以來受理412件). Only when the words before 受理 name nothing themselves (a
    time) and the sentence before, within `WINDOW`, says 受理 of a crime or a case, or opens on one.
    """
    if unit not in lex.metrics.units.get("cases_filed", ()):
        return False
    bare = _TIME_THEN_INTAKE.fullmatch(without_blanks(ctx.pre))
    if bare is None or lex.metrics.has_cue(bare.group("time")):
        return False
    pre_start = at - len(ctx.pre)
    return _INTAKE_SAID.search(_sentence_before(text, ctx.sentence_start, pre_start)) is not None


def _sentence_before(text: str, sentence_start: int, pre_start: int) -> str:
    """The words of a sentence before a figure's own clause, at most a window back."""
    return text[max(sentence_start, pre_start - WINDOW) : pre_start]


def _earlier(
    text: str,
    cands: Sequence[Candidate],
    records: Sequence[Figure],
    ctx: Context,
    i: int,
    lex: Lexicon,
    sections: Callable[[], list[tuple[int, str]]] = list,
) -> str:
    """The words before the figure's own that may say what it counts, when its own say nothing.

    For an item of a list in another unit than the item before, the clause before the item: the
    list's verb is said once, before its first item (冻结涉案账户5230个、资金9400余万元); items in
    one unit are kinds of one thing, each named by its own words (超员12起、疲劳驾驶260余起).
    Else the earlier clauses of the sentence, when the figure's own clause only reports
    (诈骗案仍是最主要的罪案类别，上半年录得19 284宗); a clause that names anything (依法惩戒
    “断卡”对象2100人, 疲劳驾驶8600余起) keeps to itself even when no cue knows its words, and the
    words go back only to the previous figure of the sentence; a numbered run-in head the sentence
    follows on its line ((三)抢夺类警情。本月环比上升3.6%) counts as such an earlier clause.
    """
    pre_start = cands[i].start - len(ctx.pre)
    prev_end = cands[i - 1].end if i else 0
    clause_start = last_end(lex.clause_end_back, text, cands[i].start, ctx.sentence_start)
    if prev_end > clause_start:
        own_head = _OWN_HEAD.match(without_blanks(ctx.pre))
        return text[clause_start:pre_start] if records[i - 1].unit != records[i].unit and not own_head else ""
    if _values_goods_before(text, ctx, prev_end, pre_start) and records[i - 1].unit != records[i].unit:
        # the value of the goods just counted (追回被盗电缆300米，价值2万元): what was done to them
        prev_start = cands[i - 1].start
        return text[last_end(lex.clause_end_back, text, prev_start, ctx.sentence_start) : prev_start]
    if _sums_clause_before(text, ctx, prev_end, pre_start) and records[i - 1].unit != records[i].unit:
        # the sum of the money the clause before dealt with (向48名群众退还资金，金额合计96万元)
        prev_start = cands[i - 1].start
        return text[last_end(lex.clause_end_back, text, prev_start, ctx.sentence_start) : pre_start]
    if (
        i
        and prev_end > ctx.sentence_start
        and records[i - 1].unit != records[i].unit
        and (not without_blanks(ctx.pre) or _STAFF_ONLY.fullmatch(without_blanks(ctx.pre)))
        and _COMMA_ONLY.fullmatch(text, prev_end, pre_start)
        # the count alone in its clause: words after it (…人次的留守老人建立了档案) say what it is
        and _CLAUSE_ENDS.match(text, cands[i].end)
    ):
        # 出动34车次，124人次: a count with no words of its own right after a comma is the next item of
        # the list the count before it opened, in another unit, as after 、: that clause, its count too,
        # holds the verb (and the cues that end on such a count: `出动…车次[、，]`). So is one that
        # only names the staff counted (出动警车45辆，民警210名): staff do nothing without a verb.
        prev_start = cands[i - 1].start
        return text[last_end(lex.clause_end_back, text, prev_start, ctx.sentence_start) : prev_end]
    if not _bare(ctx, lex):
        return ""
    if (
        i
        and prev_end > ctx.sentence_start
        and records[i - 1].unit in SHARE_UNITS
        and records[i].unit not in SHARE_UNITS
        and _COMMA_ONLY.fullmatch(text, prev_end, pre_start)
    ):
        # 其中诈骗案占全部罪案的40%，共有4960宗: a bare count right after a share said with 占 counts
        # the share's kind, in the words of that share's clause, not what comes before them
        prev_start = cands[i - 1].start
        words = text[last_end(lex.clause_end_back, text, prev_start, ctx.sentence_start) : prev_start]
        if SHARE_OF_ITEM.search(words):
            return words
    lo = max(ctx.sentence_start, prev_end)
    scope = run_in_head(text, ctx.sentence_start, sections) or _pool_of_sentence(text, cands, lo)
    return scope + (text[lo:pre_start] if lo < pre_start else "")


#: A count ending the earlier words a figure's metric was read from (出动34车次): no part of its label.
_ENDING_COUNT = compile_pattern(r"\d[\d.,]*\s*[万亿]?[余多]?\s*\p{Han}{1,2}$")
#: Nothing but a clause mark (or the text's end) right after a figure.
_CLAUSE_ENDS = compile_pattern(r"\s*(?:[，,。；;！!？?\n]|$)")
#: The words of a clause that only name a kind of staff, with no verb (出动警车45辆，民警210名).
_STAFF_ONLY = compile_pattern(
    r"(?:其中|另有|共|计|及)?(?:民警|辅警|警力|警员|消防员|指战员|队员|救援人员|工作人员)"
)
#: Only a comma between two figures (出动34车次，124人次).
_COMMA_ONLY = compile_pattern(r"\s*[，,]\s*")
#: A sentence that opens on the pool its parts are of (火灾警情中，城区…；郊区…).
_POOL_OPENING = compile_pattern(r"\s*([^，,。；;：:\d\n]{2,16}?(?:中|当中))[，,]")
#: A sentence that opens by breaking down the one before it (其中，城区…).
_PARTS_OPENING = compile_pattern(r"\s*(?:其中|当中)[，,：:]")


def _pool_of_sentence(text: str, cands: Sequence[Candidate], lo: int) -> str:
    """What the parts of a bare change's full sentence are of, when it says so before `lo`.

    火灾警情中，城区环比下降5%，同比上升9.3%；郊区环比下降4.4%: past the semicolon the
    sentence's opening pool still names what 郊区 is part of. 噪音扰民警情环比下降18.4%。其中，城区
    环比下降11.2%: a sentence opening with 其中 is of what the sentence before counts, named before
    that sentence's first figure.
    """
    full = last_end(FULL_STOP_BACK, text, lo, max(0, lo - WINDOW))
    pool = _POOL_OPENING.match(text, full, lo) if full < lo else None
    if pool is not None:
        named: str = pool.group(1)
        return named + "，"
    if _PARTS_OPENING.match(text, full) is None or full == 0:
        return ""
    before = last_end(FULL_STOP_BACK, text, full - 1, max(0, full - WINDOW))
    first = bisect.bisect_left(cands, before, key=start_of)
    if first >= len(cands) or cands[first].start >= full:
        return ""
    return text[before : cands[first].start] + "。其中，"


#: A clause that only gives the value of what the figure before it counted (价值, 总价值约, 货值).
_VALUE_ONLY = compile_pattern(r"(?:总|共计|合计)?(?:价值|货值)(?:约|近|达|共|为|计)?")


def _values_goods_before(text: str, ctx: Context, prev_end: int, pre_start: int) -> bool:
    """Whether the figure's clause only gives the value of the goods the figure right before counted.

    追缴被盗铜线40卷,价值6万余元: nothing but a comma stands between the two figures' words, and the
    clause is 价值 alone, so the words of the goods say what was done with what the money is worth.
    """
    return (
        ctx.sentence_start < prev_end <= pre_start
        and _VALUE_ONLY.fullmatch(without_blanks(ctx.pre)) is not None
        and not without_blanks(text[prev_end:pre_start]).strip("，,")
    )


#: A clause that only gives a sum of money (金额总计, 总金额达, 金额共): the clause before says whose.
_AMOUNT_ONLY = compile_pattern(r"(?:总)?金额(?:总计|共计|合计|累计)?(?:约|近|达|共|为|计)?")
#: How many characters of the clause before may stand between its figure and the clause of the sum.
_SUM_REACH = 24


def _sums_clause_before(text: str, ctx: Context, prev_end: int, pre_start: int) -> bool:
    """Whether the figure's clause only sums up the money of the clause of the figure right before.

    向48名受害群众退还资金，金额合计96万元: the clause of the sum is 金额合计 alone and only the rest of
    the clause before stands between, so that clause's verb (退还资金) says what the money is.
    """
    if not (ctx.sentence_start < prev_end <= pre_start and _AMOUNT_ONLY.fullmatch(without_blanks(ctx.pre))):
        return False
    if pre_start - prev_end > 2 * _SUM_REACH:  # far back: no need to read what lies between
        return False
    between = without_blanks(text[prev_end:pre_start])
    # no clause break left between the figure before and the clause of the sum
    return len(between) <= _SUM_REACH and CLAUSE_BREAK.search(between[:-1]) is None


#: Measure words of places, for a list whose items count places each in its own (`_PLACE_ITEM_GAP`);
#: not 栋, which counts the buildings of an estate (4个小区、63栋楼), no places a check went through.
_PLACE_UNITS = frozenset({"个", "家", "处", "所", "座"})
#: The words between two such items: the first one's noun and a 、 (15家宾馆、8个…), or the 、 and
#: the next one's noun (宾馆15家、网吧8个…).
_PLACE_ITEM_GAP = compile_pattern(r"[\p{Han}]{1,10}、|、[\p{Han}]{1,10}")

#: A clause that only compares the figure before it with an earlier level (是上年的1.3倍, 为十年前的2.3倍,
#: 相当于去年同期的): the multiple counts what that figure counts. A contrast or a "still" before the
#: verb (但仍是邻省的2.1倍, 却依然为全国平均的) says no new thing.
_MULTIPLE_OF = compile_pattern(
    r"^(?:但|而|却|仍然|仍|依然|依旧|还|也)*(?:是|为|為|达|達|相当于|相當於)[^，,。；;是为為]{0,12}的$"
)


#: The words before a share of a whole (占刑事案件总数的43.1%, 占2.6%).
_SHARE_OF = compile_pattern(r"占[^，,。；;]{0,16}$")
#: A rate per day or per hour said right after a total (日均321起, 平均每天…): no change qualifies it.
_PER_DAY = compile_pattern(rf"^[，,]?\s*(?:{PER_PERIOD})[^，,。；;]{{0,6}}$")


def _changed(
    text: str,
    cands: Sequence[Candidate],
    records: Sequence[Figure],
    contexts: Sequence[Context],
    i: int,
    changes: Sequence[ChangeInfo],
) -> int:
    """The figure a change qualifies: the one before it, or the one before that one's brackets.

    查处酒驾醉驾42起（醉驾11起），同比上升12%: the change is of the 42 cases, not of the part of them
    in brackets, nor of the last of several parts there (42起（醉驾11起、酒驾31起），同比上升12%).
    盗窃案件4106起，占总数的43.1%，同比下降14.2%: a change in % is of the count, not of
    its share, whose changes are written in 个百分点 (占比同比上升1.4个百分点); so is one in the count's
    own unit (分流警情6218起，占有效警情的29.1%，同比增加1034起).
    A daily rate said between them (警情58426起，日均321起，同比下降4.3%) is passed over too, and so is
    a count in another measure right before it (发生事故21起、死亡80人，同比增加5起: the 5 more are
    crashes, of the count in 起 before the dead).
    """
    k = i - 1
    if (  # 接报警情58426起，日均321起，同比下降4.3%: the change is of the total, not of its daily rate
        k >= 1
        and _PER_DAY.match(contexts[k].pre)
        and records[k - 1].unit == records[k].unit
        and contexts[k - 1].sentence_start == contexts[i].sentence_start
    ):
        return k - 1
    if (
        k >= 1
        and records[i].unit in ("%", records[k - 1].unit)
        and records[k].unit == "%"
        and _SHARE_OF.search(contexts[k].pre)
        and records[k - 1].unit != "%"
        and contexts[k - 1].sentence_start == contexts[i].sentence_start
    ):
        return k - 1
    if k < 1 or contexts[k - 1].sentence_start != contexts[i].sentence_start:
        return k
    if (
        records[i].unit not in SHARE_UNITS
        and measure_of(records[k].unit) != measure_of(records[i].unit)
        and measure_of(records[k - 1].unit) == measure_of(records[i].unit)
        and not changes[k - 1].relative
        and not changes[k].relative
    ):
        return k - 1
    between = text[cands[k].end : cands[i].start]
    closes = [at for at in (between.find(")"), between.find("）")) if at >= 0]
    if not closes or any(b in between[: min(closes)] for b in "(（"):
        return k
    # the bracket may hold a list, words after its last figure too (公诉3108人（其中盗窃占41.5%，诈骗
    # 占27.3%，余为其他），较上年增加216人): the change is of the count before the bracket's opening,
    # past every figure inside it
    # (only within the sentence: a bracket opened before it holds no count of this sentence)
    lo = contexts[i].sentence_start
    opened_at = max(text.rfind("(", lo, cands[k].start), text.rfind("（", lo, cands[k].start))
    if opened_at < 0 or any(b in text[opened_at : cands[k].start] for b in ")）"):
        return k
    j = k - 1
    while j >= 0 and cands[j].end > opened_at:
        j -= 1
    if j < 0 or contexts[j].sentence_start != contexts[i].sentence_start:
        return k
    return j


def _after_semicolon(text: str, sentence_start: int) -> bool:
    """Whether a clause opens right after a semicolon: one more item of its sentence's list."""
    return text[sentence_start - 1 : sentence_start] in ("；", ";")


def _only_a_period(words: str, lex: Lexicon) -> bool:
    """Whether the clauses before a figure's own in its sentence say nothing, or only a period.

    受理8436件，环比增长6.3%；2023年8月以来，同比增长3%: a period opening the sentence names nothing.
    """
    words = words.strip().rstrip("，, ")
    return not words or lex.period.fullmatch(words) is not None


def _after_change_of_calls(text: str, out: Sequence[Record], i: int, ctx: Context, unit: str) -> bool:
    """Whether figure `i` opens the clause after a semicolon that ends right on a change of calls.

    …扒窃警情同比减少12.8%；网络诈骗同比减少6.1%: the figure before the semicolon is a change in the
    same unit, of calls, with nothing but the semicolon between.
    """
    if i == 0 or not _after_semicolon(text, ctx.sentence_start):
        return False
    before = out[i - 1]
    return (
        before.change is not None
        and before.metric == _CALLS
        and before.unit == unit
        and not text[before.end : ctx.sentence_start - 1].strip()
    )


def _count_before(out: Sequence[Record], contexts: Sequence[Context], i: int, unit: str) -> int:
    """The last figure before figure `i` that is neither a change nor a baseline (the first one if none).

    Nor a share (占全市总数的35.9%) unless figure `i` (in `unit`) is in percentage points: a change
    in % is of the count, not of its share (as in `_changed`).
    """
    points = unit in ("个百分点", "個百分點")

    def passed(k: int) -> bool:
        share = not points and out[k].unit == "%" and _SHARE_OF.search(contexts[k].pre) is not None
        return out[k].change is not None or out[k].role == "baseline" or share

    k = i - 1
    while k > 0 and passed(k):
        k -= 1
    return k


#: A kind's count in brackets right after its name (重型電單車(9.6萬輛)): what ends the text before it.
_KIND_IN_BRACKETS = compile_pattern(r"\p{Han}{2,}[(（]$")


def _kind_in_brackets(text: str, candidates: Sequence[Candidate], i: int) -> bool:
    """Whether figure ``i`` stands alone in brackets right after a kind's name (重型電單車(9.6萬輛))."""
    start, end = candidates[i].start, candidates[i].end
    closed = text[end : end + 1] in (")", "）")
    return closed and _KIND_IN_BRACKETS.search(text, max(0, start - 12), start) is not None


def _item_before_semicolon(
    text: str,
    candidates: Sequence[Candidate],
    out: Sequence[Record],
    contexts: Sequence[Context],
    i: int,
    unit: str,
    value: float,
) -> int | None:
    """The last count in `unit` of the clause a semicolon right before figure `i`'s clause ends.

    Semicolons end sentences here, so a list split by them (水电气类工单820件，占21.4%；交通出行类
    605件，占15.8%) loses the shared metric its later items would inherit within one sentence. Only
    such a list of kinds each with its share: the share after the count before the semicolon marks it
    (clauses that merely follow one another, 新建消防站5座；建成公厕12座, count things of their own).
    Only a count the engine named, not a change, a baseline or a share; none when a full stop, a
    question mark or a line break comes between (the items are then no list). A statistics bureau's
    kinds with their counts in brackets (註冊機動車共24萬輛，按年減少3%；重型電單車(9.6萬輛)及小型汽車
    (10.8萬輛)…) are such a list too, with no share: each smaller than the count before the semicolon.
    """
    start = contexts[i].sentence_start
    if i == 0 or not _after_semicolon(text, start):
        return None
    before = contexts[i - 1].sentence_start
    if before >= start:
        return None
    k = i - 1
    while k >= 0 and contexts[k].sentence_start == before:
        r = out[k]
        if r.unit == unit and r.change is None and r.role != "baseline":
            if r.metric == "other" or FULL_STOP.search(text, candidates[k].end, candidates[i].start):
                return None
            shared = any(
                out[j].unit == "%" and _SHARE_OF.search(contexts[j].pre) is not None for j in range(k + 1, i)
            )
            return k if shared or (_kind_in_brackets(text, candidates, i) and value < r.value) else None
        k -= 1
    return None


def _casualty_of_events_change(
    text: str, candidates: Sequence[Candidate], out: Sequence[Record], i: int, unit: str, change: str
) -> str | None:
    """The metric of the people its sentence counted, when `i` is people paired with a change of events.

    桥梁施工发生3起、死亡11人，同比持平；环比增加2起、7人: `i` (7人) follows a change of the events (2起)
    with only a 、 between and changes the same way (or either way after 、人数减少), so it is that
    change's casualty: the people the full sentence counted before (11人, the dead). When the sentence
    counted no people but said a kind of accident or fire did not happen (未发生较大火灾，同比减少2起、
    5人), the dead. None when the sentence counted none that a metric names.
    """
    if unit not in _PEOPLE_UNITS or not i or out[i - 1].change is None or out[i - 1].unit not in _EVENT_UNITS:
        return None
    join = _PEOPLE_AFTER_EVENTS.fullmatch(text, candidates[i - 1].end, candidates[i].start)
    if join is None or (out[i - 1].change != change and "人数" not in join.group()):
        return None  # a bare pair changes one way (增加1起、5人); 人数 may say its own way
    opening = last_end(FULL_STOP_BACK, text, candidates[i].start, max(0, candidates[i].start - WINDOW))
    for k in range(i - 2, -1, -1):
        if candidates[k].start < opening:
            break
        if out[k].change is None and out[k].unit == unit and out[k].role != "baseline":
            return out[k].metric if out[k].metric != "other" else None
    if _NO_PEOPLE_EVENTS.search(text, opening, candidates[i - 1].start):
        # 本月未发生重大事故，同比减少2起、9人: a bulletin's line that counted no people pairs the events'
        # change with their dead, the casualty such a line counts first
        return "deaths"
    return None


#: The missing alone right before their count (下落不明3人, 失踪2人), not the dead said with them (死亡和下落
#: 不明, 死亡失踪).
_MISSING_ONLY = compile_pattern(r"(?<!死亡[和及、与或]?|伤亡[和及、与或]?)(?:下落不明|失踪|失联)\s*$")


def _missing_of_the_dead(ctx: Context, whole: Record) -> bool:
    """Whether an item under a count of the dead (and missing) counts only the missing.

    较大事故8起、死亡和失踪30人……渔业船舶发生1起、失踪4人: the 4 went missing, no one counted
    dead; it stays a part of the 30 but not of the dead (`other`), as 失踪6人 alone is.
    """
    return whole.metric == "deaths" and _MISSING_ONLY.search(ctx.pre) is not None


#: A kind of accident or fire the line says did not happen, before a change of
#: events paired with people (本月未发生重大事故，同比减少2起、9人; 没有发生较大火灾，环比减少3起、6人).
_NO_PEOPLE_EVENTS = compile_pattern(r"(?:未|没有|无)(?:发生|出现)[^，,。；;\d]{0,8}?(?:事故|火灾)")


#: The metrics of cases, whose parts are cases too whatever crash their words name.
_CASE_METRICS = ("crimes_reported", "cases_solved", "cases_filed")
#: What joins a change of the people to the change of the events before it: a 、 or a comma (a bulletin's
#: 减少1起，2人 pairs them as 、 does), and at most a bare 人数 and its verb (事故起数减少3起、人数增加4人).
_PEOPLE_AFTER_EVENTS = compile_pattern(r"\s*[、，,]\s*(?:人数\s*(?:增加|减少|上升|下降)了?\s*)?")
#: The units people are counted in, as a change of an accident's casualties says them.
_PEOPLE_UNITS = ("人", "名")


def _last_count(out: Sequence[Record], contexts: Sequence[Context], i: int, unit: str = "") -> int:
    """The previous figure of the sentence, passing over the changes that qualify it, and their baselines.

    工单8.93万件，同比增长14.6%，日均受理约327件: the daily count goes with the 工单, not the change.
    與上年同期相比計110件140人增加10件，…，以分局區分甲分局30件最多: last year's 140 injured,
    a baseline said with the change, no more names the next item than the change does. For a count
    (``unit`` given, no share), a share of the events said between is passed over too (事故120起，
    85%以上的事故集中在城区，郊区只发生15起: the 15 are events as the 120 are).
    """
    k = i - 1
    passed_change = False
    while (
        k > 0
        # a baseline only behind a change passed over: 由上年的1.83亿元降至1.12亿元 moves that figure
        and (
            out[k].change is not None
            or (passed_change and out[k].role == "baseline")
            or (
                unit
                and unit not in SHARE_UNITS
                and out[k].unit == "%"
                and out[k].metric == "rate_other"
                and out[k - 1].unit == unit
            )
        )
        and contexts[k - 1].sentence_start == contexts[i].sentence_start
    ):
        passed_change = passed_change or out[k].change is not None
        k -= 1
    return k


def _most_named(orgs: list[tuple[int, str]], lex: Lexicon) -> str | None:
    """The organisation named most often with its place (first named on a tie): the article's reporter."""
    counts: dict[str, int] = {}
    for _, name in orgs:
        if _place_of(name, lex):
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _place_of(org: str, lex: Lexicon) -> str | None:
    """The place an organisation's name starts with (昆明市公安局 -> 昆明市); asked per figure, so kept."""
    cache = lex.places_of
    if org not in cache:
        cache[org] = lex.gazette.leading_place(org)
    return cache[org]
