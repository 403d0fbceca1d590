"""Compile the semantic word lists of a RuleSet into the patterns `semantics` reads with.

The words are data (`rules/semantics.yaml`, the fragments of `rules/*.yaml`); this module
turns them once into the `Lexicon` that `semantics`, `changes`, `breakdowns`, `semicolons`
and `clauses` search a figure's surroundings with, and keeps one per RuleSet (`lexicon`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import regex

from statx.metrics import MetricIndex
from statx.patterncache import compile_pattern
from statx.rules import RuleSet, alternation, expand_fragment
from statx.subjects import Gazette
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
    breakdown_ranked: regex.Pattern[str]  # 火灾类型以住宅火灾120次最多: the kind a sentence ranks first
    one_whole: frozenset[str]  # 其中, 当中: a breakdown of one figure, whatever its unit
    people_units: frozenset[str]  # a person is no part of a count of events (当中有38名长者死亡)
    event_units: frozenset[str]
    place_units: frozenset[str]  # people are no part of a count of places or groups (226个村，其中民警105名)
    casualties: regex.Pattern[str]  # people hurt in events are no parts of them (被撞的行人194人)
    drink_driving: regex.Pattern[str]  # 酒后驾驶…53起，其中醉驾8人: one kind of case under two names
    # ；签发临时身份证3400余张, ；查扣车辆217辆: a verb of its own past a semicolon opens a count of its own
    own_count: regex.Pattern[str]
    outcome_verb: regex.Pattern[str]  # 化解1.21万起: a count said by what became of things counted before
    solved_verb: regex.Pattern[str]  # 侦破刑事案件22起 after 刑事案件52起: some of that item, no kind
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
    # 其中，盗窃三轮车环比增加: a kind of crime and a bare change, no case noun: under calls, a kind of call
    crime_kind_change: regex.Pattern[str]
    # 煤矿…建筑施工…渔业船舶: the trades a work-safety bulletin counts its accidents by (`work_safety_trades`)
    work_safety_trade: regex.Pattern[str]
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
                *optional_fragment("BASIS_YOY_MONTH"),
            ]
        )

        def change_tail(name: str) -> regex.Pattern[str]:
            after_basis = alternation(w.get(f"{name}_after_basis", ()))
            # a casualty may stand between the basis and the word (较上年同期死亡少3人)
            subjects = alternation(w.get("change_after_basis_subjects", ())) or "(?!)"
            # an adverb that spreads the change over a list may stand there too (比上年分别多了5%和8%)
            adverbs = alternation(w.get("change_after_basis_adverbs", ())) or "(?!)"
            # a population's natural growth or fall (人口自然增长率为3.2‰) is a rate of its own, no change;
            # a bare 增 (出勤增逾6%) is a rise, but 新增 alone counts what is new (注册用户新增4.3万人): it
            # says a change only after its basis (change_up_after_basis)
            said = (
                f"(?<!自然)(?!(?<=新)增(?![加长]))(?:{alternation(w.get(name, ()))})"
                f"|(?:{bases})\\s*(?:{adverbs})?(?:{subjects})?(?:{after_basis})"
            )
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
                # or one each for a list (两类案件降幅分别为9%和4%: every figure after 分别 is a change)
                said += f"|(?:{alternation(sizes)})(?:均|都)?在|(?:{alternation(sizes)})(?:均|都|分别)"
                # a size stressed by an adverb before 达 or 为 (盗窃案跌幅更达40%, 升幅亦达两成)
                said += f"|(?:{alternation(sizes)})(?:更是|更|亦|也|则|則)(?=高?达|高?達|为|為)"
            # 为 after a one-character verb gives the new level (已降为3件, 减为12起), as 至 does, and so
            # after a two-character one (查获案件增加为13件, 满意率提高为96%); after a size of change it is
            # the change (降幅为12.3%)
            return compile_pattern(
                f"(?:{said})(?:了|高达|达到?|(?<![降减增升]|增加|减少|上升|下降|提高|降低|提升)为|约|近|超过)?\\s*$"
            )

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

        after_basis_words = (
            alternation([*w.get("change_up_after_basis", ()), *w.get("change_down_after_basis", ())])
            or "(?!)"
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
            # 较常年同期偏多23%: the same time of a normal year (a weather average) is no last year;
            # nor is an average of years (较近五年同期均值: a disaster bulletin's benchmark)
            basis_yoy=compile_pattern(
                "|".join(
                    [
                        f"(?<!{alternation(w['normal_year'])})(?:{alternation(w.get('basis_yoy', ()))})"
                        f"(?!{alternation(w.get('years_average', ())) or '(?!)'})"
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
            # 警情比(降12.5%): the short basis of police statistics closes a change's words too
            basis_tail=compile_pattern(
                "|".join([f"(?:{bases})\\s*$", *(f"(?:{x})$" for x in optional_fragment("BASIS_YOY_SHORT"))])
            ),
            named_year=compile_pattern("|".join(optional_fragment("BASIS_YOY")) or "(?!)"),
            breakdown=compile_pattern(alternation(w.get("breakdown", ())) + "|[:：]"),
            breakdown_line_end=compile_pattern(
                f"(?:(?:{breakdown_words})[：:，,]?|(?:{lead_words})[^，,。；;：:\\n]{{1,16}}[：:]|[；;，,、]{grouping_colon})"
                "[ \\t]*$"
            ),
            # every ending of `breakdown_line_end` closes on a breakdown word or on one of these marks
            breakdown_line_last=frozenset([*(b[-1] for b in w.get("breakdown", ())), *"：:，,；;、"]),
            breakdown_lead=compile_pattern("|".join(optional_fragment("BREAKDOWN_LEAD")) or "(?!)"),
            breakdown_ranked=compile_pattern("|".join(optional_fragment("BREAKDOWN_RANKED")) or "(?!)"),
            one_whole=frozenset(w.get("one_whole", ())),
            people_units=frozenset(w.get("people_units", ())),
            event_units=frozenset(w.get("event_units", ())),
            place_units=frozenset(w.get("place_units", ())),
            casualties=compile_pattern(alternation(w.get("casualties", ()))),
            drink_driving=compile_pattern(alternation(w.get("drink_driving_words", ()))),
            own_count=action("new_action", "item_verbs"),
            outcome_verb=compile_pattern(
                f"(?:成功|已|共|累计|依法|妥善|及时)*(?:{alternation(w.get('outcome_verbs', ()))})"
            ),
            solved_verb=compile_pattern(
                f"(?:成功|已|共|累计|依法)*"
                f"(?:{alternation([*w.get('solved_verbs', ()), *w.get('outcome_verbs', ())])})"
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
                # a basis, or two (与去年同比), or a named year (与2019年同期相比, 较2023年同期)
                f"(?:(?:{bases})(?:相比|相较)?){{0,2}}"
                "(?:[(（][^)）]*[)）]?)?"  # a baseline in brackets: 同比（去年10月为7912件）增长
                # an adverb that only says the change went on or again (仍下降, 继续上升)
                f"(?:{alternation(w.get('change_adverbs', ()))})?"
                f"(?:{alternation([*w['change_up'], *w['change_down']])})?了?(?:约|近)?$"
                # a basis and a word that says a change only after one (比去年二月份多了, 同比少)
                f"|^(?:{bases})(?:{after_basis_words})了?(?:约|近)?$"
            ),
            crime_kind_change=compile_pattern(
                "^(?:其中|当中)?[，,、]?[^\\d，,。；;：:案]{0,6}?"
                f"(?:{alternation(w.get('call_crime_kinds', ()))})[^\\d，,。；;：:案]{{0,4}}?"
                f"(?:{bases})?(?:{alternation([*w['change_up'], *w['change_down']])})了?$"
            ),
            work_safety_trade=compile_pattern(alternation(w.get("work_safety_trades", ())) or "(?!)"),
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
