"""Say what each figure counts: label, metric, change and basis, breakdown parent, period, subject.

Everything is read from the figure's surroundings in the prepared text: its clause (the
words since the last comma or the previous figure: 走访…1.7万余户, 查处…起), the words right
after it (200余名人大代表), the sentence and paragraph (periods, organisations), and the
nearest heading. The word lists are data (`rules/semantics.yaml`, `rules/metrics.yaml`).

This module puts the record together; its parts live beside it: `clauses` (where a
figure's sentence and clause begin), `changes` (change, basis, baselines), `breakdowns`
(the whole each part belongs to) and `metrics` (which metric the words name).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from statx.breakdowns import find_parents, kind_of_lead, kind_of_whole
from statx.changes import (
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
    FULL_STOP_BACK,
    LIST_JOINS,
    RESPECTIVELY,
    WINDOW,
    Context,
    first_start,
    last_end,
    read_contexts,
)
from statx.figurereading import KIND_OF_WHOLE, PER_PERIOD, Reading
from statx.matcher import Candidate
from statx.metrics import EXAMPLES_END, Choice, MetricIndex
from statx.normalize import Prepared, fold_text
from statx.patterncache import compile_pattern
from statx.periods import resolve_period
from statx.records import SHARE_UNITS, Change, Figure, Record
from statx.rules import RuleSet, alternation, expand_fragment
from statx.semicolons import parent_over_semicolon
from statx.sharewholes import wholes_of_own_shares
from statx.subjects import Gazette, nearest_before, region_name
from statx.textlines import TIME_STAMP


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The semantic patterns of one RuleSet, compiled once."""

    change_up: regex.Pattern[str]
    change_down: regex.Pattern[str]
    cut_of: regex.Pattern[str]  # 减少提交材料约9.6万份: a cut naming what it cuts, a change down
    # 违法查处量增幅最大，达21.4%: a change said by its rank, in the clause before the figure
    ranked_up: regex.Pattern[str]
    ranked_down: regex.Pattern[str]
    sized_up: regex.Pattern[str]  # 增幅由5.2%扩大到8.1%: each figure is a size of a rise
    sized_down: regex.Pattern[str]  # 降幅由1-6月的3.2%扩大到10.6%
    basis_yoy: regex.Pattern[str]
    basis_mom: regex.Pattern[str]
    currency_tail: regex.Pattern[str]  # a currency named before the number: no part of a label
    basis_tail: regex.Pattern[str]  # 死亡人数同比(分别下降…): a basis closing a list's last item
    named_year: regex.Pattern[str]  # 较2022年: a basis naming its year, yoy only if it is last year
    breakdown: regex.Pattern[str]
    breakdown_lead: regex.Pattern[str]  # 按纠纷类型划分： opening a sentence: a breakdown of the total before
    one_whole: frozenset[str]  # 其中, 当中: a breakdown of one figure, whatever its unit
    people_units: frozenset[str]  # a person is no part of a count of events (当中有38名长者死亡)
    event_units: frozenset[str]
    casualties: regex.Pattern[str]  # people hurt in events are no parts of them (被撞的行人194人)
    # ；签发临时身份证3400余张, ；查扣车辆217辆: a verb of its own past a semicolon opens a count of its own
    own_count: regex.Pattern[str]
    outcome_verb: regex.Pattern[str]  # 化解1.21万起: a count said by what became of things counted before
    business_units: frozenset[str]  # 办理业务86.4万笔: a breakdown lists business in any measure word
    business: regex.Pattern[str]  # 办理出入境业务1.2万件: the word that makes 件 a count of business
    breakdown_line_end: regex.Pattern[str]  # a line ending in 其中：, ； or ，: a breakdown goes on below
    breakdown_line_last: frozenset[str]  # the characters such a line can end on (a cheap first test)
    breakdown_end: regex.Pattern[str]  # ，同时会同…: a clause turning to another topic ends a breakdown
    remainder: regex.Pattern[str]  # 其余15条: the rest of a total said before
    running_total: regex.Pattern[str]  # 今年累计41735起: a running total beside the period's count
    baseline: regex.Pattern[str]
    baseline_from: regex.Pattern[str]
    baseline_to: regex.Pattern[str]
    label_trim: regex.Pattern[str]
    new_action: regex.Pattern[str]  # 强制隔离戒毒156人: a clause naming a new action, which inherits nothing
    bare_clause: regex.Pattern[str]  # a clause that only reports (上半年录得): earlier clauses name its thing
    bare_change: regex.Pattern[str]  # a clause that only says a change (同比（去年为7912件）增长)
    bare_verb: regex.Pattern[str]  # 违法载人：查处6.1万起: words after a colon that are only a verb
    clause_end: regex.Pattern[str]
    clause_end_back: regex.Pattern[str]  # the same, searched backwards
    period: regex.Pattern[str]
    baseline_period: regex.Pattern[str]  # 由1-6月的3.2%, 去年10月为7912件: dates only that figure
    metrics: MetricIndex
    gazette: Gazette
    places_of: dict[str, str | None] = dataclasses.field(default_factory=dict)  # org -> its place

    @classmethod
    def build(cls, rules: RuleSet) -> Lexicon:
        w = rules.words

        def optional_fragment(name: str) -> list[str]:
            return [expand_fragment(name, rules.fragments)] if name in rules.fragments else []

        def action(*lists: str) -> regex.Pattern[str]:
            """Words opening with a verb of `lists` (group ``verb``), after an adverb or a channel.

            A channel said first (通过公众号推送…) leaves the verb after it the clause's action.
            """
            verbs = [v for name in lists for v in w.get(name, ())]
            if not verbs:
                return compile_pattern("(?!)")
            channels = w.get("action_channels")
            channel = f"(?:(?:{alternation(channels)})[^，。；,;]{{1,24}}?)?" if channels else ""
            return compile_pattern(
                f"{channel}(?:{alternation(w.get('action_adverbs', ()))})?(?P<verb>{alternation(verbs)})"
            )

        # a line break before a digit is a wrap inside a sentence (共出动警力\n2,300余人次), unless
        # the digit numbers the next item of a list (环比 +3.2%\n2. 办理业务…: 办理业务 names the
        # next item's figure, not this change); a comma grouping thousands is part of a number, also
        # of one no rule reads (a bare table cell: 取締酒駕 | 1,126 | 1,254 | -10.21%, whose change
        # keeps its row's first cell as its words); a break before a time stamp that opens a line (a
        # subtitle's 00:01:23 王队：…) ends the clause too: the line is a new utterance
        clause_end = (
            f"[{regex.escape(''.join(w.get('clause_end', ())))}]"
            f"(?<!\\n(?=\\d)(?!\\d{{1,3}}(?:[.)](?!\\d)|、)|{TIME_STAMP}))"
            "(?<!\\d,(?=\\d{3}(?!\\d)))"
        )

        # 其中重点曝光营运车辆违法：⏎- …42辆: a line naming its breakdown before the colon that opens a
        # list below also leaves the breakdown open (其中/当中/包括 only: 含, 分别 end no such lead)
        lead_words = alternation([b for b in w.get("breakdown", ()) if len(b) > 1 and b[:2] != "分别"])
        breakdown_words = alternation(w.get("breakdown", ()))
        # 按违法类型分：⏎（一）违法停车6127起；: a grouping lead ending its line opens a list below it
        grouping_colon = "".join(f"|(?:{f})" for f in optional_fragment("BREAKDOWN_LEAD"))
        # 较2022年的70 048宗, 由2019年的100起: a baseline named with its year
        baseline_year = "|".join(optional_fragment("BASELINE_YEAR")) or "(?!)"
        baseline_period = "".join(f"|{p}" for p in optional_fragment("BASELINE_PERIOD_WORDS"))

        def tail(name: str, after: str = "") -> regex.Pattern[str]:
            return compile_pattern(f"(?:{alternation(w.get(name, ()))}){after}$")

        # 较上年新增12个, 同比少3起: a word that says a change only after a basis
        bases = "|".join(
            [
                alternation([*w.get("basis_yoy", ()), *w.get("basis_mom", ())]),
                *optional_fragment("BASIS_YOY"),
                *optional_fragment("BASIS_MOM"),
            ]
        )

        def change_tail(name: str) -> regex.Pattern[str]:
            after_basis = alternation(w.get(f"{name}_after_basis", ()))
            said = f"{alternation(w.get(name, ()))}|(?:{bases})\\s*(?:{after_basis})"
            with_verb = alternation(w.get(f"{name}_after_basis_with_verb", ()))  # never matches when none
            if w.get(f"{name}_marks"):  # 同比▲9.6%: a mark after words on its line, not a bullet
                said += f"|(?<=\\S)[ \\t]*(?:{alternation(w[f'{name}_marks'])})"
            if w.get(f"{name}_after_basis_with_verb"):  # 较去年同期多查处2650起, 同比少发生3起
                said += f"|(?:{bases})\\s*(?:{with_verb})\\p{{Han}}{{1,2}}"
            if w.get(f"{name}_after_comparison"):  # 比全区中队平均水平高0.9个百分点: against another level
                said += (
                    "|(?<![占对评排相])(?:比|较)(?![例率重较])[^，,。；;：:\\d]{1,16}?"
                    f"(?:{alternation(w[f'{name}_after_comparison'])})"
                )
            sizes = [x for x in w.get(name, ()) if x.endswith("幅")]
            if sizes:  # a size said of several at once (同比和环比的降幅均在50%以上, 增幅都达两成)
                said += f"|(?:{alternation(sizes)})(?:均|都)?在|(?:{alternation(sizes)})(?:均|都)"
            # 为 after a one-character verb gives the new level (已降为3件, 减为12起), as 至 does;
            # after a size of change it is the change (降幅为12.3%)
            return compile_pattern(f"(?:{said})(?:了|高达|达到?|(?<![降减增升])为|约|近|超过)?\\s*$")

        def ranked(name: str) -> regex.Pattern[str]:
            sizes = [x for x in w.get(name, ()) if x.endswith("幅")]  # 增幅, 降幅: the size of a change
            if not sizes or not w.get("change_ranks"):
                return compile_pattern("(?!)")
            # 增幅较大，分别为：210.9%、124.2%: a list after 分别 takes the rank for each of its figures
            return compile_pattern(
                f"(?:{alternation(sizes)})(?:{alternation(w['change_ranks'])})\\s*[，,]\\s*(?:分别)?(?:达到?|为|是)?"
                f"[：:]?\\s*(?:\\d+(?:\\.\\d+)?\\s*[%％]\\s*[、和及]\\s*)*$"
            )

        def sized(name: str) -> regex.Pattern[str]:
            sizes = [x for x in w.get(name, ()) if x.endswith("幅")]
            if not sizes:
                return compile_pattern("(?!)")
            # the size's start (由1-6月的) or where it moved to (扩大到目前的), in the same clause
            return compile_pattern(
                f"(?:{alternation(sizes)})(?:由|从)(?:[^，,。；;%]{{0,10}}"
                f"|[^，,。；;]{{1,16}}?(?:扩大|收窄|缩小|提高|上升|下降|增加|减少|回落)?(?:到|至)[^，,。；;\\d]{{0,4}})$"
            )

        return cls(
            ranked_up=ranked("change_up"),
            ranked_down=ranked("change_down"),
            sized_up=sized("change_up"),
            sized_down=sized("change_down"),
            # a change word right before the number, maybe with 了/达/为 (同比下降了26.32%); not
            # 至/到, which give the new level (提高至95%), not the change
            change_up=change_tail("change_up"),
            change_down=change_tail("change_down"),
            # the thing cut is a few characters of a name, not a clause nor a phrase with 的 (减少提交
            # 材料, not 减少至 or 减少人员聚集的措施)
            cut_of=compile_pattern(
                f'(?:{alternation(w["change_down_with_object"])})(?![至到为了])(?:(?!的)\\p{{Han}}|[“”"]){{1,6}}'
                "(?:约|近|超过|达到?)?\\s*$"
                if w.get("change_down_with_object")
                else "(?!)"
            ),
            # 较常年同期偏多23%: the same time of a normal year (a weather average) is no last year
            basis_yoy=compile_pattern(
                "|".join(
                    [
                        f"(?<!{alternation(w['normal_year'])})(?:{alternation(w.get('basis_yoy', ()))})"
                        if w.get("normal_year")
                        else alternation(w.get("basis_yoy", ())),
                        *optional_fragment("BASIS_YOY"),
                    ]
                )
            ),
            basis_mom=compile_pattern(
                "|".join([alternation(w.get("basis_mom", ())), *optional_fragment("BASIS_MOM")])
            ),
            currency_tail=compile_pattern(f"(?:{'|'.join(optional_fragment('CURRENCY')) or '(?!)'})$"),
            basis_tail=compile_pattern(f"(?:{bases})\\s*$"),
            named_year=compile_pattern("|".join(optional_fragment("BASIS_YOY")) or "(?!)"),
            breakdown=compile_pattern(alternation(w.get("breakdown", ())) + "|[:：]"),
            breakdown_line_end=compile_pattern(
                f"(?:(?:{breakdown_words})[：:，,]?|(?:{lead_words})[^，,。；;：:\\n]{{1,16}}[：:]|[；;，,、]{grouping_colon})"
                "[ \\t]*$"
            ),
            # every ending of `breakdown_line_end` closes on a breakdown word or on one of these marks
            breakdown_line_last=frozenset([*(b[-1] for b in w.get("breakdown", ())), *"：:，,；;、"]),
            breakdown_lead=compile_pattern("|".join(optional_fragment("BREAKDOWN_LEAD")) or "(?!)"),
            one_whole=frozenset(w.get("one_whole", ())),
            people_units=frozenset(w.get("people_units", ())),
            event_units=frozenset(w.get("event_units", ())),
            casualties=compile_pattern(alternation(w.get("casualties", ()))),
            own_count=action("new_action", "item_verbs"),
            outcome_verb=compile_pattern(
                f"(?:成功|已|共|累计|依法|妥善|及时)*(?:{alternation(w.get('outcome_verbs', ()))})"
            ),
            business_units=frozenset(w.get("business_units", ())),
            business=compile_pattern(alternation(w.get("business", ()))),
            breakdown_end=compile_pattern(
                f"[，,；;]\\s*(?:{alternation(w['breakdown_end'])})" if w.get("breakdown_end") else "(?!)"
            ),
            remainder=compile_pattern(f"\\s*(?:{alternation(w.get('remainder', ()))})"),
            running_total=compile_pattern(alternation(w.get("running_total", ())) or "(?!)"),
            baseline=compile_pattern(
                f"(?:{alternation(w.get('baseline', ()))}|(?:较|比){baseline_year}{baseline_period})\\s*$"
            ),
            baseline_from=tail("baseline_from", f"(?:{baseline_year})?\\s*"),
            baseline_to=compile_pattern(f"\\s*(?:{alternation(w.get('baseline_to', ()))})"),
            new_action=action("new_action"),
            label_trim=compile_pattern(f"^(?:(?:{expand_fragment('LABEL_TRIM', rules.fragments)})\\s*)+"),
            bare_clause=compile_pattern("|".join(optional_fragment("BARE_CLAUSE")) or "(?!)", regex.VERSION1),
            bare_change=compile_pattern(
                # where the change happened, nothing counted: 高新区大队辖区同比下降
                f"^(?:\\p{{Han}}{{0,8}}?(?:{alternation(w.get('change_places', ()))}))?"
                f"(?:{alternation([*w.get('basis_yoy', ()), *w.get('basis_mom', ())])})?"
                "(?:[(（][^)）]*[)）]?)?"  # a baseline in brackets: 同比（去年10月为7912件）增长
                f"(?:{alternation([*w['change_up'], *w['change_down']])})?了?(?:约|近)?$"
            ),
            bare_verb=compile_pattern(
                f"^(?:{alternation(w.get('bare_verb_adverbs', ()))})*\\p{{Han}}{{1,2}}$", regex.VERSION1
            ),
            clause_end=compile_pattern(clause_end),
            clause_end_back=compile_pattern(clause_end, regex.REVERSE),
            period=compile_pattern(expand_fragment("PERIOD", rules.fragments), regex.VERSION1),
            baseline_period=compile_pattern(
                "|".join(optional_fragment("BASELINE_PERIOD")) or "(?!)", regex.VERSION1
            ),
            metrics=MetricIndex.build(rules),
            gazette=Gazette.build(rules),
        )


_LEXICONS: dict[int, tuple[RuleSet, Lexicon]] = {}


def lexicon(rules: RuleSet) -> Lexicon:
    """The compiled lexicon of `rules` (cached: a RuleSet is immutable once loaded)."""
    hit = _LEXICONS.get(id(rules))
    if hit is None or hit[0] is not rules:
        hit = (rules, Lexicon.build(rules))
        _LEXICONS[id(rules)] = hit
    return hit[1]


#: The last 等 closing a list of examples (not 等级, 等待, 等同…), searched backwards.
_LAST_EXAMPLES_END = compile_pattern(EXAMPLES_END, regex.REVERSE)
#: What ends a sentence, as against a semicolon that only ends a clause of it.
_SENTENCE_END = compile_pattern(r"[。！？!?\n]")
_EXAMPLES_JUST_BEFORE = compile_pattern(f"{EXAMPLES_END}$")
#: What opens the words after a list of examples (等方面意见建议, 等多类隐患, 等领域的).
_EXAMPLES_OF = compile_pattern(r"^(?:方面|领域|类型|类别|多种|多类|各类|类|项)?的?")
_POST_FILLER = compile_pattern(r"^(?:的|是|在|为|以上|以下|左右)")
_BLANKS = compile_pattern(r"\s+")
#: What a label drops besides blanks: emoji and other symbols (冻结涉案资金💰), and brackets a
#: change inside them left empty (发案数(同比)明显下降 -> 发案数).
_NOISE = compile_pattern(r"\s+|[\p{So}\p{Sk}\uFE0F\u200D]+|\(\s*\)|（\s*）")
# 方面 closes a lead (網上騙案方面，警方錄得…): the topic, not part of its name
_TRAILING_FILLER = compile_pattern(
    r"(?:方面|[高多]?达到?|(?<![行作认成称因])为|共计|共|约|有|近|超过|累计|是)$"
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
    post = ctx.post.split("|", 1)[0]  # the next table cell is another thing
    # a passive predicate the words after the figure took in (…因…，被法庭取消驾驶资格) names it for
    # the metric; the label keeps the figure's own clause
    post = post[: first_start(lex.clause_end, post, 0, len(post))].strip()
    post = _OTHER_UNIT.sub("", post)  # a bracketed second unit (843家（处）) names nothing
    if (pre.endswith("等") and post) or len(pre) > 40:
        pre = ""  # 检查…等843家 alone keeps its examples: nothing after them names the thing
    # a bare verb before the figure (完成261名…晋升): the words after it name what was done
    post = _POST_FILLER.sub("", post) if len(post) <= (24 if len(pre) > 2 else 48) else ""
    label = (pre + post).strip(' 、,，|"￥¥$')
    label = _UNPAIRED_END.sub("", label)  # 区(县): a closing bracket goes only with nothing it closes
    # a quote mark at an end goes only when its pair is not inside (清理“僵尸车”85辆 keeps both)
    if label.endswith("”") and "“" not in label:
        label = label.rstrip("”")
    if label.startswith("“") and "”" not in label:
        label = label.lstrip("“")
    return str(_NOISE.sub("", label))


#: Opening quote marks a label cut at a cue inside them keeps (“院坝会”).
_OPEN_QUOTES = frozenset('“「『"')
#: A bracketed alternative measure word right after a figure (843家（处）).
_OTHER_UNIT = compile_pattern(r"^[(（][^()（）]{1,2}[)）]\s*")
#: Brackets at the ends of a label that pair with nothing inside it ((县 -> 县; 区(县) stays).
_UNPAIRED_END = compile_pattern(r"^[()（）]+|(?<!\([^()]*)[)）]+$|[(（]+$")


#: The start of a level a figure moved from, maybe with when it stood there (由去年同期的, 由整治前的, 从).
_FROM = compile_pattern(r"(?:由|从)[^，,。；;由从]{0,8}?的?\s*$")
#: What may follow the word of a move before its new level: 了 and when it stands there (降到了今年的).
_TO_TAIL = compile_pattern(r"了?(?:今年|本年|目前|现在|当前|如今|年底|年末|本月|月底)?的?$")


def _from_to_label(ctx: Context, previous: Record | None, lex: Lexicon) -> str:
    """The label of either figure of `由 A 降至 B` (佩戴率由整治前的68%提升至92.6%): what moved.

    The words between the two figures only say the move (提升至, or 降到了今年的 with when the new
    level stands), and those before the first say when it stood there (由整治前的); both go, and the
    second figure takes the first's label. Empty when the figure stands in no such pair.
    """
    if previous is not None and lex.baseline_to.fullmatch(_TO_TAIL.sub("", ctx.pre)):
        return previous.label  # 提升至92.6%: the level of what the figure before was a level of
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
    the object follows the measure word (`_names_own_object`): the verb is not alone there.
    """
    verb = _trimmed(pre.strip(), lex)
    if not _BARE_VERB.fullmatch(verb) or _names_own_object(post, choice, lex):
        return choice
    joined = lex.metrics.classify(pre=verb + words, post="", heading="", unit=unit, is_change=False)
    return joined if joined.cue_start == 0 and joined.key not in ("other", choice.key) else choice


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


def _change_label(ctx: Context, choice: Choice, previous: Record | None, lex: Lexicon) -> str:
    """What a change is a change of: its clause without the change words (死亡人数同比下降30% ->
    死亡人数), else the figure it follows (29,542宗（+3.88%）, 事故1 503起，同比下降9.6%)."""
    pre = ctx.pre
    said = lex.change_up.search(pre) or lex.change_down.search(pre)
    if said is not None:
        pre = pre[: said.start()]
    pre = _CHANGE_ADVERBS.sub("", pre).rstrip(" )）")  # 发案数(同比)明显下降
    if (basis := lex.basis_tail.search(pre)) is not None:
        pre = _CHANGE_ADVERBS.sub("", pre[: basis.start()]).rstrip(" (（")
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
#: Not the 均 of 平均 (平均缩短约40天).
_CHANGE_ADVERBS = compile_pattern(
    r"(?:分别|(?<!平)均|都|有效|明显|显著|大幅|持续|继续|进一步|实现|再次|稳步)+\s*$"
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
        or not _bare_or_empty(_BLANKS.sub("", ctx.pre), lex)
        or _HAN.search(ctx.post)  # 优化：完成22个路口: the words after the figure name it
    ):
        return ""
    colon = pre_start - 1
    term = text[last_end(lex.clause_end_back, text, colon, ctx.sentence_start) : colon]
    term = str(lex.label_trim.sub("", _TERM_MARK.sub("", term))).strip()
    if not 2 <= len(term) <= 12 or regex.search(r"\d", term):
        return ""
    return term


def _bare_or_empty(words: str, lex: Lexicon) -> bool:
    """Whether the words between a colon and a figure name nothing: none, or only a verb."""
    return not words or lex.bare_verb.match(words) is not None


def _only_set_up(ctx: Context, lex: Lexicon) -> bool:
    """Whether a figure's own words only say that it was set up (新建3个), naming nothing.

    建成驿站19个，其中改建7个，新建3个: the part is one of the whole's stations, though 新建 alone
    is a cue of facilities built (新建停车场): a verb of setting up names no metric of its own.
    """
    setup = lex.metrics.setup
    words = _OPENING_OF_PARTS.sub("", _BLANKS.sub("", ctx.pre))
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
#: Cases solved: a kind of crime among them (其中命案2起) is one more case solved. Not cases filed:
#: the kinds of the reports taken in (受理民眾報案3,412件，其中詐欺案612件) are crimes reported.
_CASES_DEALT_WITH = frozenset({"cases_solved"})
#: A kind of person closing a part's own words (刑事犯罪嫌疑人, 治安违法人员, 违法行为人, 涉案人员).
_PERSON_WORD = compile_pattern(r"(?:人员|嫌疑人|行为人|分子|犯罪人)\s*$")


#: What opens the parts of a whole before the first part's own words (其中，新建9个).
_OPENING_OF_PARTS = compile_pattern(r"^(?:其中|當中|当中)[，,：:]?")


#: The own words of a list item that are a bare noun (车辆, 资金, 重点场所, 企业和商铺): at most this many
#: characters, with no digit or punctuation; or two such nouns joined by 和/及/与 (中小学校和幼儿园,
#: 社区和行政村), still one item of the list.
_BARE_ITEM = compile_pattern(r"^(?:\p{Han}{1,5}(?:[和及与]\p{Han}{1,5})?)?$")


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
        or not _BARE_ITEM.match(bare := _BLANKS.sub("", ctx.pre))
    ):
        return ""
    if not bare and ctx.post.strip():
        return ""
    return _list_lead(text, cands, ctx, i, lex)


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


def _named_earlier(ctx: Context, choice: Choice, lex: Lexicon) -> tuple[Context, int | None]:
    """The words to label a figure from: its own, or the earlier clause its metric was read from.

    A clause that only reports (詐騙案仍佔最多，共有12 045宗; 網上騙案方面，警方錄得8 315宗) names
    nothing, before the figure or after it: the clause before it that holds the metric's cue
    says what is counted.
    """
    if (
        not choice.earlier
        or choice.cue_start is None
        or ctx.post.strip()  # 为2个集体: the words after the figure name it
        or not lex.bare_clause.match(_BLANKS.sub("", ctx.pre))
    ):
        return ctx, choice.cue_start
    words, at = choice.earlier, choice.cue_start
    start = last_end(lex.clause_end_back, words, at, 0)
    end = first_start(lex.clause_end, words, at, len(words))
    return Context(words[start:end], ctx.post, ctx.sentence_start), None  # the whole clause, trimmed


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
    headings = functools.cache(lambda: [(m.start(1), m.group(1)) for m in _HEADING.finditer(text)])
    captions: dict[int, str] = {}  # the caption above each table row asked about (`_table_caption`)
    # the run-in heads of the document's sections ((一)盗窃类警情。), found on first need (see `_run_in_head`)
    sections = functools.cache(lambda: [(m.start(), m.group(0)) for m in _RUN_IN_SECTION.finditer(text)])
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
    parents = find_parents(reading)
    shared = wholes_of_own_shares(reading, parents)
    orgs = lex.gazette.orgs(text)
    places = lex.gazette.places(text)
    title = fold_text(records[0].title or "")  # titles come from metadata, not normalised yet
    # the article's own reporter and place: from the title, else the first organisation named
    main_org = nearest_before(lex.gazette.orgs(title), len(title)) or _most_named(orgs, lex)
    main_place = nearest_before(lex.gazette.places(title), len(title))
    main_place = main_place or (_place_of(main_org, lex) if main_org else None)
    respectively = _respectively(text, candidates, contexts, lex)
    out: list[Record] = []
    for i, (rec, cand, ctx) in enumerate(zip(records, candidates, contexts, strict=True)):
        change, basis, baseline = changes[i]
        ctx, row = _cell_context(text, cand.start, ctx, rec.unit)
        inherited, inherited_words = None, ""
        same_sentence = i and contexts[i - 1].sentence_start == ctx.sentence_start
        # the figure a change qualifies, for its metric and its label
        changed = (
            _changed(text, candidates, records, contexts, i) if change is not None and same_sentence else None
        )
        # 受理8436件，环比增长6.3%；同比（去年10月为7912件）增长6.6%: a clause after a semicolon that
        # only says a change, or the baseline of one, is of the count of the clause before
        follows = bool(
            i
            and not same_sentence
            and (change is not None or baseline)
            and text[ctx.sentence_start - 1 : ctx.sentence_start] in ("；", ";")
            and lex.bare_change.match(_BLANKS.sub("", ctx.pre))
        )
        if follows or (changed is not None and out[changed].role == "baseline"):
            # 同比（去年10月为7912件）增长6.6%: a change is of the current count, not of its baseline
            changed = _count_before(out, contexts, i, rec.unit)
        pair = respectively.get(i)
        if isinstance(pair, int):  # 保有量289.5万辆，驾驶人412万人，分别增长6.1%和5.3%
            inherited = out[pair].metric
        # a change right after the figure it qualifies (29,542宗（+3.88%）), or a list of like figures:
        # the same unit or one the previous figure's metric is counted in (走访家庭2140户、商铺360家)
        elif pair is None and (same_sentence or follows) and parents[i] is None:
            # a cut that names what it cuts (减少提交材料约9.6万份) is a count of its own, no change of it
            qualifies = (change is not None or follows) and not lex.cut_of.search(ctx.pre)
            k = changed if qualifies and changed is not None else _last_count(out, contexts, i)
            fits = out[k].unit == rec.unit or rec.unit in lex.metrics.units.get(out[k].metric, ())
            # 查处酒驾醉驾1200起，是上年的1.3倍: a multiple of the count before it, in its own clause
            fits = fits or (
                change is None and rec.unit == "倍" and bool(_MULTIPLE_OF.match(_BLANKS.sub("", ctx.pre)))
            )
            # a change in a share may be of anything; one in money (损失同比减少1.8亿元) is not a
            # change of the cases before it
            if (qualifies and (fits or rec.unit in SHARE_UNITS)) or (
                fits
                and not _new_action(ctx.pre, contexts[k].pre, lex)
                and not _topic_before(ctx.pre, text, cand.start)
            ):
                inherited = out[k].metric if out[k].metric != "other" else None
                inherited_words = contexts[k].pre
        # the next item of a list a semicolon splits (供水类诉求640件，占…；物业类512件，占…): its own
        # words name only the kind, so it counts what the item before the semicolon counts
        elif (
            pair is None
            and change is None
            and parents[i] is None
            and (item := _item_before_semicolon(text, candidates, out, contexts, i, rec.unit)) is not None
            and not _new_action(ctx.pre, contexts[item].pre, lex)
        ):
            inherited, inherited_words = out[item].metric, contexts[item].pre
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
                or _SENTENCE_END.search(text, candidates[whole].end, cand.start) is None
            )
            and change is None
            and out[whole].metric != "other"
            and out[whole].unit == rec.unit
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
        in_table_row = _in_table_row(text, para_start, cand.start)
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
                earlier=""
                if pair is not None or parents[i] is not None
                else uncounted_words
                if uncounted_words is not None
                else functools.partial(_earlier, text, candidates, records, ctx, i, lex, sections),
                heading=""
                if part_of_other
                else functools.partial(_table_caption, text, para_start, captions)
                if in_table_row
                else functools.partial(_heading_before, headings, cand.start),
                unit=rec.unit,
                is_change=change is not None,
                inherited=inherited,
                inherited_words=inherited_words,
                before=None
                if inherited
                else functools.partial(_count_of_paragraph, candidates, out, i, para_start, rec.unit),
                in_table_row=in_table_row,
            )
        )
        named_ctx = ctx
        if term and not _BLANKS.sub("", ctx.pre) and lex.metrics.has_cue(term):
            # 网上办理率:46.6%: nothing after the colon, so the term is the label; not a speaker's
            # name before what they say (主持人：两成多，…), which names nothing counted
            named_ctx = Context(term, ctx.post, ctx.sentence_start)
        elif lead and choice.cue_start is not None:
            if term and choice.cue_start < len(term):  # the label starts at the term when its cue won
                named_ctx = Context(term + ctx.pre, ctx.post, ctx.sentence_start)
            else:  # the label keeps to the figure's own words
                choice = dataclasses.replace(choice, cue_start=max(0, choice.cue_start - len(lead)))
        rate = "%" in lex.metrics.units.get(choice.key, ())
        if uncounted_words is not None and choice.earlier and not rate:
            choice = lex.metrics.other
        if inherited and pair is None and change is None and choice.key not in (inherited, "other"):
            choice = _with_object(ctx.pre, ctx.post, inherited_words, rec.unit, choice, lex)
            if choice.key != inherited:
                choice = _with_list_verb(text, candidates, ctx, i, inherited, rec.unit, choice, lex)
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
            choice is lex.metrics.other
            and change is None
            and parents[i] is None
            and pair is None
            and not (row or in_table_row or baseline)
            and _lone_rate(rec.unit, ctx)
        ):
            choice = lex.metrics.named(_RATE)
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
        p = parents[i]
        if p is None and change is None and not baseline:
            label = _label(ctx, choice.cue_start, lex) if choice.key == "other" else ""
            over = parent_over_semicolon(reading, out, i, choice.key, label)
            p = over[0] if over is not None else shared[i]
            # 其中盗窃案件523起…；诈骗案件287起: a kind named like the first item counts what that counts
            if over is not None and over[1] not in (choice.key, "other"):
                choice = lex.metrics.named(over[1])
        if p is not None and (
            choice.key == "other"
            or kind_of_whole(ctx, choice, out[p], lex)
            or _only_set_up(ctx, lex)
            or _kind_of_person(ctx, out[p])
            or _kind_of_case(ctx, choice, out[p], rec.unit, lex)
        ):
            choice = Choice(out[p].metric, out[p].metric_name)  # a part counts what its whole counts
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
                else _change_label(ctx, choice, out[changed] if changed is not None else None, lex)
                if change is not None
                else _from_to_label(ctx, out[i - 1] if same_sentence else None, lex)
                or _label(*_named_earlier(named_ctx, choice, lex), lex),
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
    return out


#: A volume taken in that names nothing (受理量, 受理数): the intake the document counted before it.
_BARE_INTAKE = compile_pattern(r"受理(?:总?量|数|件数)")

#: The metric of a share that is no metric's own rate.
_RATE = "rate_other"


def _lone_rate(unit: str, ctx: Context) -> bool:
    """Whether a share in % closes its clause, so that it is a rate of what the clause before names.

    Speech names the rate first and says the share after it (骑电动车戴头盔的，前年还是百分之四十几；
    装反诈APP的，从年初的不到三成，涨到了八成以上): the clause holding the share names no metric,
    and the share is a rate (SPEC's 满意率, 解决率, ...) of whatever the words before say. A share with
    its noun after it (约三成驾乘人员仍未佩戴头盔, 将近一半的事故出在乡道) is a part of that noun
    (`other`); so is a change (同比降了百分之十几), a breakdown item, a list item, a table cell or a
    change's baseline, which the caller leaves out.

    >>> _lone_rate("%", Context("现在是", "", 0)), _lone_rate("%", Context("约", "驾乘人员未戴头盔", 0))
    (True, False)
    """
    return unit == "%" and ctx.post.strip() in ("", "了")


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
    line = text[text.rfind("\n", 0, at) + 1 : at]
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
    row = _row_name(text[text.rfind("\n", 0, at) + 1 : at]) or ""
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
        return text[clause_start:pre_start] if records[i - 1].unit != records[i].unit else ""
    if _values_goods_before(text, ctx, prev_end, pre_start) and records[i - 1].unit != records[i].unit:
        # the value of the goods just counted (追回被盗电缆300米，价值2万元): what was done to them
        prev_start = cands[i - 1].start
        return text[last_end(lex.clause_end_back, text, prev_start, ctx.sentence_start) : prev_start]
    if not lex.bare_clause.match(_BLANKS.sub("", ctx.pre)):
        return ""
    lo = max(ctx.sentence_start, prev_end)
    scope = _run_in_head(text, ctx.sentence_start, sections) or _pool_of_sentence(text, cands, lo)
    return scope + (text[lo:pre_start] if lo < pre_start else "")


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
    first = bisect.bisect_left(cands, before, key=_start_of)
    if first >= len(cands) or cands[first].start >= full:
        return ""
    return text[before : cands[first].start] + "。其中，"


def _run_in_head(text: str, sentence_start: int, sections: Callable[[], list[tuple[int, str]]] = list) -> str:
    """The numbered run-in head the sentence starting at `sentence_start` follows on its line, if any.

    (三)抢夺类警情。本月环比上升3.6%: the sentence says only its period and change, and the head before
    it on the line names what it counts, as an earlier clause of the sentence would.
    """
    line_start = text.rfind("\n", 0, sentence_start) + 1
    m = _RUN_IN_HEAD.match(text, line_start, sentence_start)
    if m is None or m.end() != sentence_start:
        # an item run into the line of the one before (…同比下降38.75%。5.盗窃电动车。本月…): its head
        # opens right after that item's last full stop
        item_start = max(text.rfind(mark, line_start, sentence_start - 1) for mark in "。；;") + 1
        m = _RUN_IN_ITEM.match(text, item_start, sentence_start) if item_start > line_start else None
        if m is None or m.end() != sentence_start:
            return ""
    head: str = m.group(0)
    if m.re is _RUN_IN_HEAD and m.group("section"):
        return head
    # an item numbered 1. under a section's head ((一)盗窃类警情。… / 1.盗窃电瓶。本月…): the item names
    # the kind, the section what is counted, so the section's head is read nearest the figure; the
    # section's head is the last one before the item, however many items stand between
    return head + (nearest_before(sections(), m.start()) or "")


#: A clause that only gives the value of what the figure before it counted (价值, 总价值约, 货值).
_VALUE_ONLY = compile_pattern(r"(?:总|共计|合计)?(?:价值|货值)(?:约|近|达|共|为|计)?")


def _values_goods_before(text: str, ctx: Context, prev_end: int, pre_start: int) -> bool:
    """Whether the figure's clause only gives the value of the goods the figure right before counted.

    追缴被盗铜线40卷,价值6万余元: nothing but a comma stands between the two figures' words, and the
    clause is 价值 alone, so the words of the goods say what was done with what the money is worth.
    """
    return (
        ctx.sentence_start < prev_end <= pre_start
        and _VALUE_ONLY.fullmatch(_BLANKS.sub("", ctx.pre)) is not None
        and not _BLANKS.sub("", text[prev_end:pre_start]).strip("，,")
    )


_LIST_ITEMS = compile_pattern(r"、|以及|和|(?<![涉危普波顾触])及(?!时)|(?<!参)与")
#: The preposition that opens a list after 分别 (分别就超速、冲红灯…票控, 分别对…开展): not part of its
#: first item.
_LIST_PREPOSITION = compile_pattern(r"^\s*(?:对于|针对|就|对|向)")
#: What 分别 opens when the figures after it are shares of a whole (分别占总数的, 分别占全县): 占 alone,
#: not 占用 (lanes) or 占道 (occupying the road, a violation).
_SHARES_AFTER = compile_pattern(r"^\s*占(?![用道地有据])")


#: A clause that only compares the figure before it with an earlier level (是上年的1.3倍, 为十年前的2.3倍,
#: 相当于去年同期的): the multiple counts what that figure counts.
_MULTIPLE_OF = compile_pattern(r"^(?:是|为|為|达|達|相当于|相當於)[^，,。；;是为為]{0,12}的$")


#: The words before a share of a whole (占刑事案件总数的43.1%, 占2.6%).
_SHARE_OF = compile_pattern(r"占[^，,。；;]{0,16}$")
#: A rate named right before 分别 (调解成功率分别为98.2%、97.5%, 破案率同比分别提高): the list's figures are
#: that rate's, one for each item said before, not changes of the counts earlier in the sentence.
_RATE_NAMED = compile_pattern(r"(?:率|占比|比例|比重)\s*$")
#: A rate per day or per hour said right after a total (日均321起, 平均每天…): no change qualifies it.
_PER_DAY = compile_pattern(rf"^[，,]?\s*(?:{PER_PERIOD})[^，,。；;]{{0,6}}$")


def _changed(
    text: str, cands: Sequence[Candidate], records: Sequence[Figure], contexts: Sequence[Context], i: int
) -> int:
    """The figure a change qualifies: the one before it, or the one before that one's brackets.

    查处酒驾醉驾42起（醉驾11起），同比上升12%: the change is of the 42 cases, not of the part of them
    in brackets. 盗窃案件4106起，占总数的43.1%，同比下降14.2%: a change in % is of the count, not of
    its share, whose changes are written in 个百分点 (占比同比上升1.4个百分点); so is one in the count's
    own unit (分流警情6218起，占有效警情的29.1%，同比增加1034起).
    A daily rate said between them (警情58426起，日均321起，同比下降4.3%) is passed over too.
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
    opening = text[cands[k - 1].end : cands[k].start]
    closing = text[cands[k].end : cands[i].start].lstrip()
    opened = any(b in opening for b in "(（") and not any(b in opening for b in ")）")
    return k - 1 if opened and closing[:1] in (")", "）") else k


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


def _item_before_semicolon(
    text: str,
    candidates: Sequence[Candidate],
    out: Sequence[Record],
    contexts: Sequence[Context],
    i: int,
    unit: str,
) -> int | None:
    """The last count in `unit` of the clause a semicolon right before figure `i`'s clause ends.

    Semicolons end sentences here, so a list split by them (水电气类工单820件，占21.4%；交通出行类
    605件，占15.8%) loses the shared metric its later items would inherit within one sentence. Only
    such a list of kinds each with its share: the share after the count before the semicolon marks it
    (clauses that merely follow one another, 新建消防站5座；建成公厕12座, count things of their own).
    Only a count the engine named, not a change, a baseline or a share; none when a full stop, a
    question mark or a line break comes between (the items are then no list).
    """
    start = contexts[i].sentence_start
    if i == 0 or text[start - 1 : start] not in ("；", ";"):
        return None
    before = contexts[i - 1].sentence_start
    if before >= start:
        return None
    k = i - 1
    while k >= 0 and contexts[k].sentence_start == before:
        r = out[k]
        if r.unit == unit and r.change is None and r.role != "baseline":
            if r.metric == "other" or _SENTENCE_END.search(text, candidates[k].end, candidates[i].start):
                return None
            shared = any(
                out[j].unit == "%" and _SHARE_OF.search(contexts[j].pre) is not None for j in range(k + 1, i)
            )
            return k if shared else None
        k -= 1
    return None


def _last_count(out: Sequence[Record], contexts: Sequence[Context], i: int) -> int:
    """The previous figure of the sentence, passing over the changes that qualify it.

    工单8.93万件，同比增长14.6%，日均受理约327件: the daily count goes with the 工单, not the change.
    """
    k = i - 1
    while (
        k > 0 and out[k].change is not None and contexts[k - 1].sentence_start == contexts[i].sentence_start
    ):
        k -= 1
    return k


@dataclass(frozen=True, slots=True)
class Listed:
    """The words a figure of a `分别` list is paired with.

    `words` are its item with what is said after 分别 (城关中队、蓬壶中队分别查处酒驾32起、21起:
    城关中队查处酒驾); `head` the last item's, for an item before it that names nothing itself (摩托车、
    电动自行车驾乘人员头盔佩戴率: the items share the rate), empty for the last item.
    """

    words: str
    head: str = ""


def _respectively(
    text: str, cands: Sequence[Candidate], contexts: Sequence[Context], lex: Lexicon
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
    i = 0
    while i < len(cands):
        m = RESPECTIVELY.search(contexts[i].pre)
        if m is None:
            _implied_respectively(text, cands, contexts, lex, i, out)
            i += 1
            continue
        group = _list_from(text, cands, i, lex)
        k = len(group)
        after = contexts[i].pre[m.end() :]
        lead = _UNCHANGED_FIRST.match(after)
        ahead = lead.group().count("持平") if lead else 0  # 分别持平和下降5.3%
        after = after[lead.end() :] if lead else after
        trail = _unchanged_after(text, cands[group[-1]].end)
        behind = trail.group().count("持平") if trail else 0  # 分别下降5.3%和持平
        slots = ahead + k + behind
        before = [
            j
            for j in range(i - slots, i)
            if j >= 0 and contexts[j].sentence_start == contexts[i].sentence_start
        ]
        if not before and i and _opens_with_comparison(text, contexts[i - 1], contexts[i], cands[i].start):
            # 直接财产损失8.5亿元。与去年同期相比，分别下降15.8%…: a sentence that only compares pairs
            # its list with the counts of the sentence before it
            before = [
                j
                for j in range(i - slots, i)
                if j >= 0 and contexts[j].sentence_start == contexts[i - 1].sentence_start
            ]
        before = _said_apart(cands, contexts, i, group[-1], slots) or before
        said = contexts[i].pre[: m.start()]
        if (basis := lex.basis_tail.search(said)) is not None:
            said = said[: basis.start()]
        said = _COMPARED_TAIL.sub("", said)  # 起数和死亡人数与去年春节假期相比分别下降: 与 lists no item
        items = [w for w in _LIST_ITEMS.split(said) if w.strip()]
        listed = [w for w in _LIST_ITEMS.split(_LIST_PREPOSITION.sub("", after)) if w.strip()]
        if slots > 1 and len(items) < 2:
            clause_start = cands[i].start - len(contexts[i].pre)
            items = _listed_in_clause_before(text, clause_start, contexts[i], slots, cands) or items
        if slots > 1 and len(items) == slots:
            items = _share_head(items)
            tail = _what_follows(after, lex)
            head = items[-1] + tail
            out.update(
                (g, Listed(item + tail, head if n < slots - 1 else ""))
                for n, (g, item) in enumerate(zip(group, items[ahead : ahead + k], strict=True), ahead)
            )
        elif slots > 1 and len(before) == slots and _SHARES_AFTER.match(after):
            # 城关所968起、河西所741起，分别占总数的29.7%、22.7%: each a share of the whole, not a
            # count of what its figure counts
            out.update((g, Listed(after)) for g in group)
        elif slots > 1 and len(before) == slots and not _RATE_NAMED.search(said):
            out.update(zip(group, before[ahead : ahead + k], strict=True))
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


#: A comparison with an earlier year (与去年春节假期相比, 同上年同期比较).
_COMPARED_WITH = r"(?:与|和|跟|同)(?:去年|上年|前年|上一年)\p{Han}{0,8}?(?:相比|对比|比较|比)"
#: A comparison closing the words before 分别 (事故起数和死亡人数与去年春节假期相比分别下降37%、39%):
#: what the items are compared with, not one more item.
_COMPARED_TAIL = compile_pattern(rf"{_COMPARED_WITH}\s*$")

#: A comparison said alone (与去年同期相比, 较上年同期, 同比) and the indices a report counts
#: (四项指数, 三项指标): neither names what a 分别 list changes.
_COMPARISON = rf"(?:{_COMPARED_WITH}|(?:较|比)(?:去年|上年|前年|上一年)\p{{Han}}{{0,4}}?(?=[，,])|同比|环比)"
_INDICES = r"[一二三四五六七八九两\d]项(?:主要)?(?:指数|指标|数据)"

#: A sentence that opens with nothing but a comparison before its 分别 list (与去年同期相比，分别下降),
#: or with the count of indices a bulletin compares (较上年同期，四项指数分别回落; 三项指标同比分别
#: 下降): its items are the counts of the sentence before it, which it does not name again.
_COMPARISON_ONLY = compile_pattern(
    rf"\s*(?:{_COMPARISON}[，,]?\s*(?:{_INDICES})?|{_INDICES}[，,]?\s*(?:{_COMPARISON})?)\s*"
    r"分别\p{Han}{0,4}\s*$"
)


def _opens_with_comparison(text: str, prev: Context, ctx: Context, start: int) -> bool:
    """Whether the figure at `start` opens a new sentence (not `prev`'s) that says only a comparison."""
    if prev.sentence_start == ctx.sentence_start:
        return False
    return _COMPARISON_ONLY.match(text, ctx.sentence_start, start) is not None


#: A change verb closing a clause that says only a change (同比下降 16.3%、21.2%和17.3%).
_CHANGE_VERB_END = compile_pattern(r"(?:下降|上升|增长|减少|增加|降低|提高|提升|下滑|上涨)了?$")


def _implied_respectively(
    text: str,
    cands: Sequence[Candidate],
    contexts: Sequence[Context],
    lex: Lexicon,
    i: int,
    out: dict[int, int | Listed],
) -> None:
    """Pair a list of changes with the figures before it when their numbers agree, though 分别 is not said.

    事故17816起，造成5199人死亡、22146人受伤，同比下降16.3%、21.2%和17.3%: a clause that only says a
    change, with as many figures as the sentence counted before it, gives one change to each, in order.
    Only when the counts agree exactly: one change after two counts is of the nearest, as before.
    The same with the things listed right before the change (全市电诈警情、损失数同比下降24.8%、39.1%:
    the 24.8% is of the incidents, the 39.1% of the losses).
    """
    pre = _BLANKS.sub("", contexts[i].pre)
    verb = _CHANGE_VERB_END.search(pre)
    if verb is None:
        return
    group = _list_from(text, cands, i, lex)
    k = len(group)
    if k < 2:
        return
    if not lex.bare_change.match(pre):
        said = pre[: verb.start()]
        if (basis := lex.basis_tail.search(said)) is not None:
            said = said[: basis.start()]
        items = [w for w in _LIST_ITEMS.split(_COMPARED_TAIL.sub("", said)) if w.strip()]
        if len(items) == k:
            items = _share_head(items)
            out.update(
                (g, Listed(item, items[-1] if n < k - 1 else ""))
                for n, (g, item) in enumerate(zip(group, items, strict=True))
            )
        return
    start = contexts[i].sentence_start
    if i - k < 0 or contexts[i - k].sentence_start != start:
        return
    if i - k - 1 >= 0 and contexts[i - k - 1].sentence_start == start:
        return  # more figures before than changes: which go together is not said
    if any(_CHANGE_VERB_END.search(_BLANKS.sub("", contexts[j].pre)) for j in range(i - k, i)):
        return  # the figures before are changes themselves
    out.update(zip(group, range(i - k, i), strict=True))


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


def _start_of(cand: Candidate) -> int:
    return cand.start


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
    if not clause or regex.search(r"\d", clause):
        return None
    clause_at = ctx.sentence_start + cut + 1
    first = bisect.bisect_left(cands, clause_at, key=_start_of)  # candidates are in text order
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
#: What a list of causes led to, said after the last one (因超速、酒驾导致的交通事故死亡人数).
_CAUSED_HEAD = compile_pattern(r"(?:导致|引发|造成|引起)的[^的、，。；,;\s\d]{1,12}$")


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
    """
    head = _CAUSED_HEAD.search(items[-1]) or _SHARED_HEAD.search(items[-1])
    if head is None:
        return _share_counted(items)
    return [w if n == len(items) - 1 or "的" in w else w + head.group() for n, w in enumerate(items)]


#: What a list of kinds counts, said once after the last kind (公路和城市道路事故, 盗窃、诈骗案件).
_COUNTED_HEAD = compile_pattern(r"(?:事故|案件|警情|火灾)$")


def _share_counted(items: list[str]) -> list[str]:
    """The items of a list, each before the last given what the last one counts when they say nothing of it.

    公路和城市道路事故同比分别下降: 公路 is a kind of road crash, not a road's length; an item that
    already names a count of its own, or says 的, keeps its words.

    >>> _share_counted(["装有防撞护栏", "防撞墙", "防护墩道路事故"])
    ['装有防撞护栏事故', '防撞墙事故', '防护墩道路事故']
    """
    head = _COUNTED_HEAD.search(items[-1])
    if head is None or head.start() == 0:
        return items
    last = len(items) - 1
    return [
        w if n == last or "的" in w or _COUNTED_HEAD.search(w) else w + head.group()
        for n, w in enumerate(items)
    ]


_UNCHANGED_FIRST = compile_pattern(r"(?:\s*(?:基本)?持平\s*[、和及与])+")
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


#: The first character of a line past its blanks.
_LINE_BODY = compile_pattern(r"[^ \t]")


def _in_table_row(text: str, line_start: int, at: int) -> bool:
    """Whether the line from `line_start` to `at` is a table's row (" | 上城区 | 214" as prepared; Markdown).

    The first character past the blanks is looked at: `regex`, matching a pattern of blanks and a
    bar there, first looks for the bar it needs through the whole rest of the line, each figure again.

    >>> _in_table_row(" | 上城区 | 214", 0, 9), _in_table_row("上城区 | 214", 0, 7)
    (True, False)
    """
    m = _LINE_BODY.search(text, line_start, at)
    return m is not None and text[m.start()] == "|"


def _table_caption(text: str, row_start: int, memo: dict[int, str] | None = None) -> str:
    """The line above the table a row is in (表2  部分区县道路交通事故情况(单位:起)), if it is a heading.

    A table's caption or the heading right above it names what its rows count; a heading found
    further up, or a short line of text that happens to stand there, may name anything. `memo`
    keeps the answer for every row passed on the way up, so the rows of a long table do not each
    walk up the whole table again.

    >>> _table_caption("全市情况。\\n表2 交通事故情况\\n\\n | 区县 | 同比\\n | 上城区 | -6.1%", 28)
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
        start = text.rfind("\n", 0, end - 1) + 1
        line = text[start : end - 1].strip()
        if line and not line.startswith("|"):
            m = _HEADING.fullmatch(line)
            caption = m.group(1) if m else ""
            break
        end = start
    if memo is not None:
        memo.update(dict.fromkeys(passed, caption))
    return caption


def _heading_before(headings: Callable[[], list[tuple[int, str]]], pos: int) -> str:
    return nearest_before(headings(), pos) or ""


# A short line of its own; never a table's row (上城区 | 214 | 228 | -6.1%), whose cells are no topic:
# the heading of a row's figures is the table's caption or the heading above the table.
_HEADING = compile_pattern(r"(?m)^[#\s]*([^\n。，,；;|]{2,30})$")
# A numbered run-in head that opens a line and ends at its first full stop or colon ((三)抢夺类警情。本月
# 环比上升3.6%, 1.拎包抢夺。本月…): a bulletin's item, whose sentence after it says only its period and
# change; the head names what it counts (see `_earlier`).
_RUN_IN_HEAD = compile_pattern(
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
_RUN_IN_SECTION = compile_pattern(
    r"(?m)^[ \t\u3000]*(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)"
    r"[ \t\u3000]*[^\n。，,；;|：:\d]{2,16}[。：:]"
)
