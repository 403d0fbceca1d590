"""Classify a figure into a metric key from the words around it, the unit and the nearest heading.

Each metric lists cue patterns (rules/metrics.yaml). All cues are compiled into one
alternation, longest first, so one pass over a short context finds every cue occurrence;
each occurrence is scored by where it stands (the figure's own clause beats the words after
it, which beat earlier clauses of the sentence, which beat the heading), how close it is,
how long (specific) it is, and whether the unit fits the metric. The earlier clauses are read
only when the figure's own clause names nothing (上半年录得19 284宗), and only their cues of a
metric counted in the figure's unit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import regex

from statx.patterncache import compile_pattern
from statx.records import SHARE_UNITS
from statx.rules import Metric, RuleSet, alternation, cue_alternation
from statx.shape import first_chars

_THRESHOLD = 50.0
#: How far after the measure word the noun naming a count may end (设置12个重点车辆检查站).
_NOUN_END = 8
#: …and how far after it the thing a verb of setting up built may end: its name may carry a place and a
#: field before the head noun (建设105个农村交通安全劝导站), one `_setup_noun` alone reads.
_SETUP_NOUN_END = 10
#: A short model's or brand's name in quotes that opens the built thing's name (建设9个“1+N”服务站):
#: its characters do not count towards `_SETUP_NOUN_END`.
_QUOTED_LEAD = compile_pattern(r"[“\"][^”\"，。；\n]{1,6}[”\"]")
#: How far after the measure word an offence named by `MetricIndex._handled_offence` may start
#: (查处3宗货车违法载人: the vehicle first).
_OFFENCE_START = 3
#: A noun of cases right after the measure word of a count a handling verb stands right before
#: (查处85起网络违法案件, 查处12起“黄赌”治安案件): cases dealt with, as 查处治安案件85起 says; not a
#: road offence's case (查处3起交通违法案件) nor past a clause's end. Bounded: a short noun phrase.
#: A kind of case with a bare 案 is one too (查获12件偷渡案, 查处3起盗窃案), not 案 opening another
#: word (案情, 案发, 案值).
_CASE_AFTER = compile_pattern(
    r"(?:(?!交通|违章|违法行为)[^，。；,;、：:！？\d\s]){0,12}?(?:案件|刑案|案(?![件情发源由例卷底值]))"
)
#: A count's name right after a bare handling verb (上月取締件數8件, 查处数为): the verb's own
#: count, naming no offence, so the offence said before is still what it counts.
_COUNT_NAME = compile_pattern(r"(?:件|起|宗)?数(?:量)?(?:为|是|达)?\s*")
#: A clause whose own words only say the crimes happened (…，破获N件，发生减少M件): 发生 or 发案, not
#: 发生在/发生于 (where solved cases took place), and no 其中 (a part of the whole before it)
_HAPPENED_ONLY = compile_pattern(r"^(?:(?!其中)[^，。；,;\d])*?(?:发生(?![在于])|发案)")
# the people a count says died or were hurt with the bare 死 or 伤 right after it (釀5死, 减少60死、
# 2626伤, 甲市25死): what names the toll's cause or place before it (闯红灯, 未戴安全帽) counts no offence
# here. Not 死者, 死刑 or 死缓, nor 伤亡 (the dead and the hurt together, `deaths`) or 伤残.
_TOLL_AFTER = compile_pattern(r"^(?:死(?![者刑缓])|伤(?!\p{Han}))")
#: Words that turn to something else (此外，全市共查处…): the paragraph's previous road offence no longer
#: says what a bare 查处 counts (`MetricIndex._offence_said_before`).
_TURN = compile_pattern(r"此外|另外|另有|其他|其它|其余|全部|总共|总计|共计")
#: Words opening a figure's own words that name the rest of a list (查获超员违法行为3起，其他违法行为9起): the
#: offences left over are of no kind named before them, so they do not take that kind from the list.
_REST_OPENS = compile_pattern(r"(?:查处|查获|纠正|处罚)?(?:其他|其它|其余)")


def _rest_of_offences(inherited: str, pre: str) -> bool:
    """Whether words `pre` open the rest of a list of road offences of kind `inherited` (其余的N起)."""
    return inherited in ROAD_OFFENCES and _REST_OPENS.match(pre) is not None


def _ending(words: Sequence[str], *, total: bool = False) -> regex.Pattern[str] | None:
    """One of `words` ending the words before a number, with a 了 or a blank after it (出动了 860名).

    With `total`, a total's 共 may follow the verb (關員查獲共N宗私煙案件, 查获了合共N件毒品案件): it
    only says the count is the whole haul, and what the measure word names is still what the verb did.
    """
    tally = "(?:共|合共|总共|一共|共计)?" if total else ""
    return compile_pattern(f"(?:{alternation(words)})了?{tally}\\s?$") if words else None


def _verb_right_before(
    verbs: regex.Pattern[str] | None, pre: str, verb_end: int, best: tuple[float, Metric, str]
) -> bool:
    """Whether the best cue is one of `verbs`, whole, and ends the words before the number (了 between)."""
    return verbs is not None and 0 <= len(pre) - verb_end <= 1 and verbs.fullmatch(best[2]) is not None


#: The places a body calls its stations out from, between the verb and the count (组织全市N个派出所).
_CALLED_FROM = "全市|全县|全区|全省|全镇|全局|辖区|各|所属|下辖"

#: Words that join two items of a list (车管所和12个服务站): what stands before one names the other item.
_JOINERS = frozenset("和及与、")
# Base score by where the cue stands, and how much each character of distance costs.
# A heading names the topic of a whole section: only a long (specific) cue with a fitting unit counts.
_PLACES = {"pre": (100.0, 0.5), "post": (85.0, 0.8), "earlier": (60.0, 0.5), "heading": (28.0, 0.0)}
#: One blank between two Chinese characters, as a page spaced out letter by letter sets them
#: (全 年 共 拘 捕 2 150 名 偷 渡 者).
_SPACED_PAIR = compile_pattern(r"(?<=\p{Han}) (?=\p{Han})")
_JOINED_PAIR = compile_pattern(r"\p{Han}(?=\p{Han})")


def _unspaced(words: str) -> str:
    """Words spaced out letter by letter, with the blanks between their characters dropped.

    A yearbook or a scanned report may set a blank between every two characters: no cue (被捕,
    通缉犯) matches there. Only words whose spaced pairs outnumber their joined ones are read so; a
    stray blank in ordinary words (查处 酒驾) is left as it stands.

    >>> _unspaced("全 年 共 拘 捕 2 150 名 偷 渡 者")
    '全年共拘捕 2 150 名偷渡者'
    >>> _unspaced("查处 酒驾违法")
    '查处 酒驾违法'
    """
    if " " not in words:
        return words
    spaced = len(_SPACED_PAIR.findall(words))
    if spaced < 2 or spaced <= len(_JOINED_PAIR.findall(words)):
        return words
    return str(_SPACED_PAIR.sub("", words))


_UNIT_FITS, _UNIT_MISFITS = 15.0, -70.0
_MAX_KEPT = 4096  # answers of `_is_cue_of` kept; cue words are few, this only bounds odd input


@dataclass(frozen=True, slots=True)
class Choice:
    """The metric chosen for a figure, and where its cue starts in the clause (for the label).

    Only a cue of two characters or more gives a start: the label may begin at a verb
    (走访…), but a one-character cue closes a phrase (覆盖率, 占) and cutting there loses it.
    """

    key: str
    name: str
    cue_start: int | None = None
    # When the figure's own words named nothing: the earlier words of its sentence the metric was
    # read from (詐騙案仍佔最多，共有12 045宗), with `cue_start` the start of the cue in them.
    earlier: str = ""


@dataclass(frozen=True, slots=True)
class MetricIndex:
    """All metric cues in one alternation; group `c<i>` marks which (metric, cue) matched.

    Searching the alternation tries every cue at every character, which made classifying the
    slowest step of extraction. So the cues are also grouped by the characters they can start
    with: at a position, only the cues that can start with its character are tried, in the
    alternation's order, which gives exactly the alternation's match there.
    """

    pattern: regex.Pattern[str] | None  # all cues as one alternation; only when `starts` is None
    owners: tuple[tuple[Metric, ...], ...]  # by cue group index: every metric with that cue
    other: Choice
    names: dict[str, str]
    priorities: dict[str, int] = field(default_factory=dict)  # key -> priority: specific beats general
    units: dict[str, frozenset[str]] = field(default_factory=dict)  # key -> the units it is counted in
    starts: regex.Pattern[str] | None = None  # a character some cue starts with; None: no grouping
    groups: dict[str, str] = field(default_factory=dict)  # char -> alternation of the cues starting so
    compiled: dict[str, regex.Pattern[str]] = field(default_factory=dict)  # filled on first use
    # char -> the alternation of its cues without the unit-limited ones: see `_same_words_in_unit`
    free_groups: dict[str, str] = field(default_factory=dict)
    compiled_free: dict[str, regex.Pattern[str]] = field(default_factory=dict)  # filled on first use
    at_number: frozenset[str] = frozenset()  # unit-limited cue groups that end at the number (`…$`)
    # group name -> the metrics of its cue (`owners` by name: no int() per hit)
    owners_of: dict[str, tuple[Metric, ...]] = field(default_factory=dict)
    cue_of: dict[tuple[str, str], bool] = field(default_factory=dict)  # (key, words) -> `_is_cue_of`
    people: regex.Pattern[str] | None = None  # the `object_people` words: see `_outside_object`
    people_tail: regex.Pattern[str] | None = None  # an `object_people` word at the end: `_offender_noun`
    setup: regex.Pattern[str] | None = None  # the `setup_verbs`, whole: see `_setup_noun`
    setup_tail: regex.Pattern[str] | None = None  # a `setup_verbs` verb ending the words before a number
    settled: regex.Pattern[str] | None = None  # a `settle_verbs` verb alone after a share: see `classify`
    catch: regex.Pattern[str] | None = None  # the `catch_verbs`, whole: see `_offender_noun`
    handle: regex.Pattern[str] | None = None  # the `handle_verbs`, whole: see `_handled_offence`
    # a `catch_verbs` verb ending the words before a number (本週查獲86件刑案): see `_handled_case`
    catch_tail: regex.Pattern[str] | None = None
    # a `deploy_verbs` verb ending the words before a number, and a `force_words` word opening the
    # words after it: see `_sent_force`
    deploy_tail: regex.Pattern[str] | None = None
    force_head: regex.Pattern[str] | None = None
    # a `team_verbs` verb, whole, and a `team_nouns` noun within a few words after a count: `_team_set_up`
    team_verb: regex.Pattern[str] | None = None
    # a `call_out_verbs` verb ending the words before a count of stations: `_called_out`
    call_out_tail: regex.Pattern[str] | None = None
    team_head: regex.Pattern[str] | None = None
    vague: regex.Pattern[str] | None = None  # the `vague_done` words, whole: see `_outside_object`
    kinds: frozenset[str] = frozenset()  # the `case_kinds` words: see `only_a_kind_of_case`
    happened: regex.Pattern[str] | None = None  # the `crime_happened` words: see `only_a_kind_of_case`
    # a whole's key -> (the words that make a part of it narrower, the narrower key): see `part_of`
    parts: dict[str, tuple[tuple[regex.Pattern[str], str], ...]] = field(default_factory=dict)
    # group name -> the only units its cue names a count in (a `(?#units:…)` comment): see `_cue_units`
    cue_units: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, rules: RuleSet) -> MetricIndex:
        every_cue, cues, owners = cue_alternation(rules.metrics)  # compiled (and cached) by load_rules
        owners = [_fitting(cue, metrics) for cue, metrics in zip(cues, owners, strict=True)]
        other = next((m for m in rules.metrics if m.key == "other"), None)
        by_char: dict[str, list[int]] = {}
        for i, cue in enumerate(cues):
            first = first_chars(_CUE_FITS.sub("", _CUE_UNITS.sub("", cue)))  # comments match nothing
            if first is None:  # a cue that may start anywhere: search with the whole alternation
                by_char = {}
                break
            for char in first:
                by_char.setdefault(char, []).append(i)
        return cls(
            # the whole alternation is searched only when some cue may start anywhere; else each
            # position tries the cues of its character (`groups`), and compiling it costs a start
            pattern=compile_pattern(every_cue, regex.VERSION1) if every_cue and not by_char else None,
            owners=tuple(tuple(o) for o in owners),
            owners_of={f"c{i}": tuple(o) for i, o in enumerate(owners)},
            people=compile_pattern(alternation(rules.words.get("object_people", ()))),
            people_tail=compile_pattern(f"(?:{alternation(rules.words.get('object_people', ()))})$")
            if rules.words.get("object_people")
            else None,
            setup=compile_pattern(alternation(rules.words.get("setup_verbs", ()))),
            setup_tail=compile_pattern(f"(?:{alternation(rules.words.get('setup_verbs', ()))})[了\\s]?$")
            if rules.words.get("setup_verbs")
            else None,
            settled=compile_pattern(f"\\s?(?:{alternation(rules.words['settle_verbs'])})(?:的|$)")
            if rules.words.get("settle_verbs")
            else None,
            catch=compile_pattern(alternation(rules.words.get("catch_verbs", ()))),
            handle=compile_pattern(alternation(rules.words.get("handle_verbs", ()))),
            catch_tail=_ending(rules.words.get("catch_verbs", ()), total=True),
            deploy_tail=_ending(rules.words.get("deploy_verbs", ())),
            team_verb=compile_pattern(alternation(rules.words.get("team_verbs", ()))),
            call_out_tail=compile_pattern(
                f"(?:{alternation(rules.words['call_out_verbs'])})了?(?:{_CALLED_FROM})?\\s?$"
            )
            if rules.words.get("call_out_verbs")
            else None,
            team_head=compile_pattern(
                f"\\s?(?![^，。；\\d]{{0,6}}?消防)[^，。；\\d]{{0,6}}?(?:{alternation(rules.words['team_nouns'])})"
            )
            if rules.words.get("team_nouns")
            else None,
            force_head=compile_pattern(f"\\s?(?:{alternation(rules.words['force_words'])})")
            if rules.words.get("force_words")
            else None,
            vague=compile_pattern(alternation(rules.words.get("vague_done", ()))),
            kinds=frozenset(rules.words.get("case_kinds", ())),
            happened=compile_pattern(alternation(rules.words.get("crime_happened", ()))),
            parts=_parts(rules),
            other=Choice("other", other.name if other else "其他统计数字"),
            names={m.key: m.name for m in rules.metrics},
            priorities={m.key: m.priority for m in rules.metrics},
            units={m.key: m.units for m in rules.metrics},
            starts=regex.compile("[" + "".join(map(regex.escape, sorted(by_char))) + "]")
            if by_char
            else None,
            groups={
                char: "|".join(f"(?P<c{i}>{cues[i]})" for i in sorted(idx)) for char, idx in by_char.items()
            },
            cue_units={f"c{i}": units for i, cue in enumerate(cues) if (units := _cue_units(cue))},
            at_number=frozenset(
                f"c{i}"
                for i, cue in enumerate(cues)
                if _cue_units(cue) and _CUE_UNITS.sub("", cue).endswith("$")
            ),
            free_groups={
                char: "|".join(f"(?P<c{i}>{cues[i]})" for i in sorted(idx) if not _cue_units(cues[i]))
                for char, idx in by_char.items()
            },
        )

    def _hits(self, text: str, unit: str | None = None) -> list[tuple[Metric, int, int]]:
        """Every cue occurrence: at each position, the first cue of the alternation that matches there.

        With a `unit`, a cue limited to other units (`cue_units`) names nothing, and no other cue is
        tried at its position: its words were found, and they count something else in this unit;
        only the plain cue of the same words may still name it (`_same_words_in_unit`, on the grouped
        search, the one the rules use: a test checks every cue has its starting characters).
        """
        if not text:
            return []
        out: list[tuple[Metric, int, int]] = []
        starts = self.starts
        limited = self.cue_units if unit is not None else None
        if starts is None:
            if self.pattern is not None:  # None: there are no cues at all
                for m in self.pattern.finditer(text, overlapped=True):
                    group = m.lastgroup
                    if group is None or (limited and group in limited and unit not in limited[group]):
                        continue
                    out.extend((metric, m.start(), m.end()) for metric in self.owners[int(group[1:])])
            return out
        compiled = self.compiled
        owners_of = self.owners_of
        for at in starts.finditer(text):
            start = at.start()
            char = text[start]
            pattern = compiled.get(char)
            if pattern is None:
                pattern = compiled[char] = compile_pattern(self.groups[char], regex.VERSION1)
            m = pattern.match(text, start)
            if m is not None and m.lastgroup is not None:
                if limited and m.lastgroup in limited and unit not in limited[m.lastgroup]:
                    m = self._same_words_in_unit(char, text, m, unit)
                    if m is None or m.lastgroup is None:
                        continue
                end = m.end()
                for metric in owners_of[m.lastgroup]:
                    out.append((metric, start, end))
        return out

    def _same_words_in_unit(
        self, char: str, text: str, limited: regex.Match[str], unit: str | None
    ) -> regex.Match[str] | None:
        """The cue of the same words as a unit-limited one, of a metric counted in `unit`, if any.

        A cue limited to other units (Taiwan's 偵破 1,204 人次: suspects caught) says its words count
        something else in this unit, so no other cue is tried there; but the plain cue of the very
        same words, of a metric counted in this unit, still names the figure (侦破3.9万宗毒品案件:
        cases solved, as 破获 says). Only that same-words cue: a shorter cue of other words at the
        same start stays silent, and only for a cue that ends at the number (`at_number`): one that
        names its words by what stands before them (接入…监控 of cameras counted in 路) says those
        words count something else here.
        """
        if unit is None or limited.lastgroup not in self.at_number:
            return None
        words = self.free_groups.get(char)
        if not words:
            return None
        free = self.compiled_free.get(char)
        if free is None:
            free = self.compiled_free[char] = compile_pattern(words, regex.VERSION1)
        m = free.match(text, limited.start())
        if m is None or m.lastgroup is None or m.group() != limited.group().rstrip():
            return None
        if not any(unit in metric.units for metric in self.owners_of[m.lastgroup]):
            return None
        return m

    def classify(
        self,
        *,
        pre: str,
        post: str,
        heading: str | Callable[[], str],
        earlier: str | Callable[[], str] = "",
        unit: str,
        is_change: bool,
        inherited: str | None = None,
        inherited_words: str = "",
        before: str | Callable[[], str | None] | None = None,
        in_table_row: bool = False,
        sentence_before: str | Callable[[], str] = "",
    ) -> Choice:
        """Pick the best-scoring metric for a figure; `other` when no cue is convincing.

        Args:
            pre: the figure's clause before it.
            post: the words right after it.
            earlier: the earlier clauses of its sentence, read when neither its own words nor a list
                it is in name anything; only a cue of a metric counted in `unit` counts there.
                Like `heading`, a function giving them is called only then.
            heading: the nearest heading above, or a function giving it: it is read only
                when the figure's own words are silent, and finding headings costs.
            unit: the figure's unit.
            is_change: a change figure (同比下降30%) may take any metric whatever its unit.
            inherited: the metric of the previous figure of the sentence when it has the same
                unit: taken when the figure's own words name nothing (ellipsis:
                注册登记汽车2299辆，二三轮摩托车2666辆), or when its best cue is a cue of that
                metric as well (工单420件，按期办结412件: 办结 of tickets, not of suggestions).
            inherited_words: the previous figure's own words. A cue of the figure that was there
                too and lost to the more specific inherited metric is the list's shared noun, not
                a new metric (破获盗窃案件612起、诈骗案件287起: 案件 repeats, 破获 still holds).
            before: with no `inherited`, the metric of the previous count of the paragraph (or a
                function giving it, called only when needed): it only
                decides between the metrics of a word of two (工单11.6万件。按期办结11.2万件: 办结
                of tickets), never names what a figure's own words leave unnamed.
            sentence_before: the words of the figure's sentence before its own clause (or a function
                giving them, called only when needed): read only when its own words are a bare
                查处 (`_offence_said_before`).
            in_table_row: the figure stands in a table's row, whose cells name no topic: a change
                there whose own words are silent (上城区 | 214 | 228 | -6.1%) counts what the
                heading above the table counts (部分区县道路交通事故情况).
        """
        pre, post = _unspaced(pre), _unspaced(post)
        if unit in SHARE_UNITS and not is_change and self.settled is not None and self.settled.match(post):
            # 邻里纠纷做到100%调处, 来信100%办结: the share of them settled
            return self.named("resolution_rate")
        if unit == "人" and _TOLL_AFTER.match(post):
            return self.named("deaths" if post[0] == "死" else "injuries")
        best: tuple[float, Metric, str] | None = None  # score, metric, the words its cue matched
        best_start = 0  # where the best cue starts in the words it was found in
        best_end_in_pre = -1  # where the best cue ends when it stands in `pre`
        # the last cue of the words right after the measure word that fits the unit: the head of the
        # noun phrase there (社区调解室: 调解室, not 社区), with where it ends
        noun: tuple[int, Metric] | None = None
        built: tuple[int, Metric] | None = None  # the same head a little farther on, for `_setup_noun`
        # the first cue right after the measure word that fits the unit (查处24起酒后驾车违法行为: 酒后驾车)
        offence: tuple[int, Metric] | None = None
        lead = _QUOTED_LEAD.match(post)
        setup_end = _SETUP_NOUN_END + (lead.end() if lead else 0)
        first_in_pre: dict[str, int] = {}
        pre_keys: set[str] = set()  # the metrics the figure's own words before it name
        mixed = False  # its words list offences of two kinds or more (`_mixed_offences`)
        for place, words in (("pre", pre), ("post", post), ("earlier", earlier), ("heading", heading)):
            text = _unspaced(words if isinstance(words, str) else words())
            base, per_char = _PLACES[place]
            hits = self._hits(text, unit)
            if place == "pre":
                pre_keys = {h[0].key for h in hits}
            if place == "pre" and hits:  # the words that only describe what is counted step aside
                if "等" in text:
                    hits = _after_examples(text, hits, self._named_after_examples(text, post, unit))
                if len(hits) > 1 and "的" in text:
                    hits = _outside_topic(text, hits)
                if len(hits) > 1 and text[-1:] in _COMPLAINT_LAST:
                    hits = _before_complaint(text, hits)
                if len(hits) > 1 and "中" in text:
                    hits = _after_pool(text, hits)
                if len(hits) > 1 and text[-1:] in ")）":
                    hits = _outside_inclusion(text, hits)
                if len(hits) > 1 and "因" in text:
                    hits = _outside_causing(text, hits)
                if len(hits) > 2 and "、" in text:
                    kept = _mixed_offences(text, hits)
                    mixed = len(kept) < len(hits)  # its own kinds were named: nothing to inherit
                    hits = kept
            elif place == "post" and hits:
                if "因" in text:
                    hits = _outside_cause(text, hits)
                if len(hits) > 1 and ("涉及" in text or "由" in text):
                    hits = _outside_involving(text, hits)
                if len(hits) > 1 and pre.endswith("对") and self.people is not None:
                    hits = _outside_object(text, hits, unit, self.people, self.vague)
            for metric, start, end in hits:
                if place == "earlier" and unit not in metric.units and not _of_any_metric(unit, is_change):
                    continue  # a change in % (降幅达12.3%) may be of any metric
                distance = start if place == "post" else len(text) - end
                score = base - per_char * distance + min(2.0 * (end - start), 12.0) + metric.priority
                score += _unit_score(metric, unit, is_change)
                if place == "heading" and in_table_row and is_change and unit in SHARE_UNITS:
                    score += _UNIT_FITS  # see `in_table_row`
                if place == "pre" and end - start > 1:  # a one-character cue (率, 占) ends a phrase
                    first_in_pre[metric.key] = min(start, first_in_pre.get(metric.key, start))
                if place == "post" and unit in metric.units:  # the nouns right after the measure word
                    if end <= _NOUN_END and (noun is None or end > noun[0]):
                        noun = (end, metric)
                    if end <= setup_end and (built is None or end > built[0]):
                        built = (end, metric)
                    first = offence is None or start < offence[0]
                    if start <= _OFFENCE_START and end <= _NOUN_END and first:
                        offence = (start, metric)
                elif (
                    place == "post"
                    and metric.key == "other"
                    and end <= _NOUN_END
                    and (noun is None or end > noun[0])
                ):
                    # people of no metric named right after the number (查获5名吸毒人员): what a catch
                    # verb before it counts, see `_offender_noun`
                    noun = (end, metric)
                if best is None or score > best[0]:
                    best = (score, metric, text[start:end])
                    best_start = start
                    best_end_in_pre = end if place == "pre" else -1
            if place == "post" and best is not None and best[0] >= _THRESHOLD:
                if built is not None and self._setup_noun(pre, best_end_in_pre, best, built):
                    return self.named(built[1].key)
                if noun is not None and self._offender_noun(pre, post, best_end_in_pre, best, noun):
                    return self.named(noun[1].key)
                if offence is not None and self._handled_offence(pre, best_end_in_pre, best, offence):
                    return self.named(offence[1].key)
                if self._handled_case(pre, post, best_end_in_pre, best):
                    return self.named("cases_solved")
                if (
                    offence is None
                    and pre_keys == {best[1].key}
                    and (
                        said := self._offence_said_before(
                            pre, best_end_in_pre, best, sentence_before, unit, before
                        )
                    )
                ):
                    return self.named(said)
                # teams set up count no station, even after a station the list counted before them
                # (建成N个警务室，组建M支巡逻队): the team noun decides before the list's metric does
                if best[1].key == "stations_built" and self._team_set_up(pre, post, best_end_in_pre, best):
                    return self.other
                if (
                    inherited
                    and not mixed
                    and not _rest_of_offences(inherited, pre)
                    and (
                        self._repeats_a_loser(best[1], inherited, inherited_words, pre + post)
                        or self._is_cue_of(inherited, best[2])
                        or (
                            "其中" not in pre
                            and self.only_a_kind_of_case(pre, unit, best_end_in_pre - len(best[2]), best[2])
                        )
                    )
                ):
                    return self.named(inherited)
                previous = None if inherited else before() if callable(before) else before
                if previous and previous != best[1].key and self._is_cue_of(previous, best[2]):
                    return self.named(previous)
                break  # the figure's own words decide; the heading only helps when they are silent
            if place == "post" and inherited:
                if _rest_of_offences(inherited, pre):
                    return self.named("violations_handled")  # the rest of a list is of no kind it names
                if inherited == "cases_solved" and _HAPPENED_ONLY.search(pre):
                    # 破获N件，发生减少M件: the crimes that happened, not more of the cases solved
                    return self.named("crimes_reported")
                return self.named(self.part_of(inherited, pre))
            if place == "earlier" and best is not None and best[0] >= _THRESHOLD:
                # the pre and post words scored below the threshold, so the best cue is here
                return Choice(best[1].key, best[1].name, best_start, earlier=text)
        if best is None or best[0] < _THRESHOLD:
            return self.named("police_deployed") if self._sent_force(pre, post, unit) else self.other
        key = best[1].key
        if key == "stations_built" and self._team_set_up(pre, post, best_end_in_pre, best):
            return self.other
        if key == "stations_built" and best_end_in_pre < 0 and self._called_out(pre):
            return self.named("units_covered")
        return Choice(key, best[1].name, first_in_pre.get(key))

    def _named_after_examples(self, pre: str, post: str, unit: str) -> frozenset[str]:
        """The metrics the noun after the number names when a list of examples ends right before it.

        围绕庙会、文艺汇演等18场大型活动: the items before 等 are examples of the kind the
        noun after the measure word names (the events kept safe), as 等 followed by that noun before
        the number says (`_after_examples`). Only a noun of a metric counted in the unit, ending
        within a few characters after the measure word (`_NOUN_END`); none when 等 does not end the words.
        """
        if _EXAMPLES_AT_END.search(pre) is None:
            return frozenset()
        return frozenset(
            metric.key
            for metric, _, end in self._hits(post[:_NOUN_END], unit)
            if end <= _NOUN_END and unit in metric.units
        )

    def _setup_noun(
        self, pre: str, verb_end: int, best: tuple[float, Metric, str], noun: tuple[int, Metric]
    ) -> bool:
        """Whether the noun after a count names it, as the verb of setting up before it does not.

        设置12个重点车辆检查站, 新建8个警务服务站: 设置 and 新建 say only that something was set up
        (they are cues of facilities, 设置警示牌), and the noun right after the measure word says
        what; when the noun comes first (设置检查站12个) both stand before the figure and the
        nearer noun wins anyway. Only a verb right before the number (with 了), and only a noun
        ending within a few characters after the measure word (`_NOUN_END`), whose metric is
        counted in the unit.

        So too after a word that joins two items right before the number (全市车管所和12个车驾管
        服务站共办理…): the words before 和 name the other item, not what the figure counts.

        The verb decides even when a farther cue outscored it (本次行动共在城区设4个临时执勤点: the
        行动 is the occasion, the posts are what was set up), as long as it ends the words before
        the number.
        """
        if noun[1] is best[1]:
            return False
        if pre.rstrip()[-1:] in _JOINERS:
            return True
        if self.setup_tail is not None and self.setup_tail.search(pre) is not None:
            return True
        return _verb_right_before(self.setup, pre, verb_end, best)

    def _offender_noun(
        self, pre: str, post: str, verb_end: int, best: tuple[float, Metric, str], noun: tuple[int, Metric]
    ) -> bool:
        """Whether the offence after a count of people caught names what they count.

        查获29名醉驾驾驶人, 查获136名酒驾人员: 查获 says only that they were caught at a check, and the
        offence that names them (醉驾, 酒驾, right before 驾驶人 / 人员: the `object_people` words) is
        what the count is of, as it is when the words come first (查获醉驾驾驶人29名). Only a
        `catch_verbs` verb right before the number, and only an offence noun whose metric is counted
        in the unit and that a person word follows, or that ends in one itself (查获27名酒司机: the
        offender's word 酒司机 holds its 司机).
        """
        if noun[1] is best[1] or self.catch is None or self.people is None:
            return False
        if not _verb_right_before(self.catch, pre, verb_end, best):
            return False
        if self.people_tail is not None and self.people_tail.search(post, 0, noun[0]) is not None:
            return True
        return self.people.match(post, noun[0]) is not None

    def _handled_offence(
        self, pre: str, verb_end: int, best: tuple[float, Metric, str], offence: tuple[int, Metric]
    ) -> bool:
        """Whether the offence right after a count of cases handled names what it counts.

        查处24起酒后驾车的违法行为, 查处5宗货车违法载人: 查处 says only that offences were dealt
        with (the general kind, violations handled), and the offence right after the measure word is
        the kind counted, as it is when the words come first (查处酒后驾车24起). Only a `handle_verbs`
        verb right before the number (with 了), and only a specific metric (a priority above the
        verb's metric and above none) whose cue starts within a few characters of the measure word
        (`_OFFENCE_START`) and is counted in the unit: 查处120起交通事故 keeps its verb, as the crashes
        there are no offence of the road, and 查处10起治安案件 counts cases (`_handled_case`).
        """
        if offence[1] is best[1] or self.handle is None:
            return False
        if not _verb_right_before(self.handle, pre, verb_end, best):
            return False
        return offence[1].priority > max(best[1].priority, 0)

    def _team_set_up(self, pre: str, post: str, verb_end: int, best: tuple[float, Metric, str]) -> bool:
        """Whether a count of things set up is of teams, named right after it, not of stations.

        成立30个宣讲小分队, 组建5个工作专班: the verb of setting up (`team_verbs`) right before the
        number names stations (成立4个中队), but a team noun (`team_nouns`) a few words after the
        measure word says the count is of teams put on a job, which no metric counts. Not a fire
        service's 分队 (消防分队 is a station).
        """
        if self.team_verb is None or self.team_head is None:
            return False
        if not _verb_right_before(self.team_verb, pre, verb_end, best):
            return False
        return self.team_head.match(post) is not None

    def _called_out(self, pre: str) -> bool:
        """Whether a count of stations, named after it, is of stations a body calls out for a job.

        组织13个派出所，联合…开展…, 调集全市5个中队: the verb (`call_out_verbs`) right before the
        number, or before the place the stations are in, says they were there before and the job
        takes them in (`units_covered`); a station noun after a count otherwise says it was set up.
        """
        return self.call_out_tail is not None and self.call_out_tail.search(pre) is not None

    def _sent_force(self, pre: str, post: str, unit: str) -> bool:
        """Whether a count no cue names is of officers a verb right before it sends out.

        出动860名交警, 投入200名民警: the verb (`deploy_verbs`) ends the words before the number and a
        police word (`force_words`) opens the words after the measure word, so the count is of the
        force sent, as 出动民警860名 says with both words first. Only in a unit the force is counted in.
        """
        if self.deploy_tail is None or self.force_head is None:
            return False
        if unit not in self.units.get("police_deployed", ()):
            return False
        return self.deploy_tail.search(pre) is not None and self.force_head.match(post) is not None

    def _handled_case(self, pre: str, post: str, verb_end: int, best: tuple[float, Metric, str]) -> bool:
        """Whether a count of cases a handling verb stands right before counts cases solved.

        查处85起网络违法案件, 查处了12起涉赌案件: 查处 alone names offences dealt with (violations
        handled), and the number then splits it from the 案件 that says what it counts; with the words
        first (查处网络违法案件85起) the cue of cases solved reads them whole. Only a `handle_verbs` verb
        right before the number (with 了), only a noun ending in 案件 within a short phrase of the
        measure word (`_CASE_AFTER`), and only when `_handled_offence` found no specific road offence
        there (查处20起醉驾案件 counts drunk driving). So does a `catch_verbs` verb: Taiwan's 查獲 before a
        count of cases (本週查獲86件刑案, 查获12件毒品案件) says they were solved, as 查獲 with the kind
        first does; the 刑案 or 案件 after the measure word only names their kind.
        """
        if "cases_solved" not in self.names:
            return False
        caught = self.catch_tail is not None and self.catch_tail.search(pre.rstrip()) is not None
        if not _verb_right_before(self.handle, pre, verb_end, best) and not caught:
            return False
        return _CASE_AFTER.match(post) is not None

    def _offence_said_before(
        self,
        pre: str,
        verb_end: int,
        best: tuple[float, Metric, str],
        earlier: str | Callable[[], str],
        unit: str,
        before: str | Callable[[], str | None] | None = None,
    ) -> str | None:
        """The road offence an earlier clause names when the figure's own words are a bare 查处.

        夜间整治酒驾醉驾，共查处120起; 小客车、摩托车酒驾突出，分别查处N起、M起: the clause of the
        figure says only that offences were dealt with (a `handle_verbs` verb ending its words, no
        other cue before it, none right after the measure word), and the offence the sentence named
        before is what it counts. Only one of the named road offences (`ROAD_OFFENCES`) counted in
        the unit, the last one said (the longer of two cues ending there): a clause before that
        names crimes or crashes keeps the verb. When the sentence before names nothing counted in the
        unit, the paragraph's previous count (`before`) says it, if it counted a road offence
        (城区查处酒驾3000起。郊区共查处1200起; 夜间查处醉驾最多…。午间分别查处N起、M起): a report on one
        offence goes on counting it with the bare verb. The verb may carry its count's name
        (`_COUNT_NAME`: 取締件數, 查处数), as a comparison with last year's count says it.
        """
        if self.handle is None or self.handle.fullmatch(best[2]) is None:
            return None
        if not 0 <= len(pre) - verb_end <= 1 and _COUNT_NAME.fullmatch(pre, verb_end) is None:
            return None
        words = earlier if isinstance(earlier, str) else earlier()
        said_spans = [
            (start, end, metric.key) for metric, start, end in self._hits(words, unit) if unit in metric.units
        ]
        handled = self.handle
        # the last said, and of two ending there the longer (酒驾醉驾, not its 醉驾); a bare verb said
        # again after the offence (取締酒後駕車，昨日取締N件，…，共計取締M件) names none, so it does not
        # hide the offence said before it
        said = [
            (end, end - start, key)
            for start, end, key in said_spans
            if not handled.fullmatch(words, start, end)
        ]
        # the parts a 其中 lists after a road offence's total (取締酒駕11件，其中行政違規2件、公共危險罪9件)
        # only break it down: the total's offence is what a later bare verb counts again
        parts = words.rfind("其中")
        if parts > 0 and any(end <= parts and key in ROAD_OFFENCES for end, _, key in said):
            said = [item for item in said if item[0] <= parts]
        # nothing said there, or only 查处 again (农村道路查处数明显上升，共查处N起): no offence named
        if not said:
            if _TURN.search(words) or _TURN.search(pre):
                return None
            previous = before() if callable(before) else before
            return previous if previous in ROAD_OFFENCES else None
        last = max(said)[2]
        return last if last in ROAD_OFFENCES else None

    def part_of(self, whole: str, pre: str) -> str:
        """The metric of a part of a `whole` whose own words `pre` name nothing: the whole's, or narrower.

        A part inherits what its whole counts (注册登记汽车2299辆，摩托车2666辆), but some words make it the
        narrower kind without naming it: Taiwan's drink-driving cases sent to the prosecutor
        (取締酒後駕車412件，其中移送法辦158件) are the drunk ones, a crime there, yet 移送法辦 alone
        also sends on frauds; only under a drink-driving whole does it say drunk driving.

        >>> from statx.rules import load_rules
        >>> index = MetricIndex.build(load_rules())
        >>> index.part_of("drink_driving", "其中移送法辦"), index.part_of("drink_driving", "其中")
        ('drunk_driving', 'drink_driving')
        """
        for words, key in self.parts.get(whole, ()):
            if words.search(pre):
                return key
        return whole

    def reaches(self, key: str, words: str, at: int, unit: str) -> bool:
        """Whether a cue of metric `key` in `words` starts before `at` and ends after it.

        走访大型商场40家、物流企业25家: a cue of visits (走访…、…企业) runs from the verb into the later
        item, which the verb then names too.
        """
        return any(m.key == key and start < at < end for m, start, end in self._hits(words, unit))

    def named(self, key: str) -> Choice:
        """The choice of metric `key`, with its display name."""
        return Choice(key, self.names.get(key, key))

    def _is_cue_of(self, key: str, cue: str) -> bool:
        """Whether the words a cue matched are a cue of metric `key` as well: a word of two metrics.

        The list the figure is in says which one it means (工单420件，按期办结412件: 办结 of
        tickets, not of suggestions).
        """
        known = self.cue_of.get((key, cue))
        if known is None:  # asked again and again of the same few words: kept, like `compiled`
            if len(self.cue_of) > _MAX_KEPT:
                self.cue_of.clear()
            known = self.cue_of[key, cue] = any(
                m.key == key and a == 0 and b == len(cue) for m, a, b in self._hits(cue)
            )
        return known

    def only_a_kind_of_case(self, words: str, unit: str, kind_start: int, kind: str | None = None) -> bool:
        """Whether `words` name a kind of case from `kind_start` on and say nothing of their own before it.

        Such a figure counts what was done to cases of that kind, not the crimes reported that the
        kind's name alone would say: a list item after a verb (破命案2起，故意伤害案2起，诈骗案1起)
        takes the list's metric, a part of cases solved (破获刑事案件386起，其中现行命案2起) is one
        more case solved. Words that say the crime happened (`crime_happened`: 其中发生命案2起,
        命案发案2起, …，录得命案1起) or name a metric counted in the unit before the kind keep the
        kind's own metric; a place's words (高速公路…抢劫案) count nothing.

        A list item's kind is its cue `kind`, one of the `case_kinds` (命案, 诈骗案), ending its
        words: the list may have moved on to another count (破命案41起，破坏公共设施案件3起), so a
        crime named …案件 is no kind of its cases. A part's kind (`kind` None) may be any crime
        (“盗抢骗”案件48起, 涉毒案件8起): `semantics` has read its whole as cases solved (under cases
        filed, 受理报案N件，其中诈欺案N件, the kinds of reports are crimes).
        """
        if kind is not None and (kind not in self.kinds or kind_start + len(kind) != len(words.rstrip())):
            return False
        if self.happened is not None and self.happened.search(words):
            return False
        return not any(unit in m.units for m, _, _ in self._hits(words[:kind_start], unit))

    def names_other(self, key: str, words: str, unit: str) -> bool:
        """Whether `words` hold a cue, of a metric counted in `unit`, that is no cue of metric `key`.

        A clause naming the thing the list already counts (处置的警情里, between 出警N次 and its
        kinds) leaves the list going on; one naming another thing (上线电子驾驶证) starts a new count.
        """
        return any(
            m.key != key and unit in m.units and not self._is_cue_of(key, words[a:b])
            for m, a, b in self._hits(words, unit)
        )

    def names_in_unit(self, words: str, unit: str) -> bool:
        """Whether `words` hold a cue of a metric counted in `unit`, or one that names `other`.

        A bare noun (村民, 职工, 居民 of a count in 名) names no metric of the count: 居民 is a cue of
        the population, counted in 人; 吸毒人员 names `other` on purpose.
        """
        return any(m.key == "other" or unit in m.units for m, _, _ in self._hits(words, unit))

    def has_cue(self, words: str) -> bool:
        """Whether any metric's cue stands in `words`: they name something counted, not a speaker (主持人)."""
        return bool(self._hits(words))

    def opens_with(self, key: str, words: str) -> bool:
        """Whether `words` open with a cue of metric `key` (违法停车… with illegal parking's 违法停车).

        An item that opens with its kind's name says no verb there, whatever the words it shares
        with the whole before it (`breakdowns._restates_the_whole`).
        """
        return any(m.key == key and a == 0 for m, a, _ in self._hits(words[:16]))

    def _repeats_a_loser(self, metric: Metric, inherited: str, words: str, own: str) -> bool:
        """Whether the cues of `metric` in `own` words only repeat the previous figure's `words`.

        They lost to `inherited` there when that metric is the more specific one (a higher
        priority). A cue repeats when it was there too or overlaps one that was (破获盗窃案件612起、
        诈骗案件287起: 诈骗案 is in the shared noun 案件); one cue of its own beside the repeated noun
        is new (刑事案件立案数下降16.8%，诈骗案件发案数下降23.5%: 发案 says crimes reported).
        A cue running on past the end of a repeated one is new as well (see below).
        """
        if metric.key == inherited or not words or self.priorities.get(inherited, 0) <= metric.priority:
            return False
        earlier = self._hits(words)
        before = {words[a:b] for m, a, b in earlier if m.key == metric.key}
        own_hits = self._hits(own)
        hits = [(a, b) for m, a, b in own_hits if m.key == metric.key]
        # a noun that only led the inherited metric's head there (交通事故死亡人数) and heads the
        # figure's own words (较大交通事故同比下降) names a count of its own: crashes, not the dead; a
        # word of the inherited metric before it in a class's name (一次死亡N人以上的事故) is no head.
        # Only when the two count different things (people, not events: their units share none);
        # 刑事案件立案数…，其中盗窃案件下降 still counts the cases filed
        led: set[str] = set()
        if not metric.units & self.units.get(inherited, frozenset()):
            led = {words[a:b] for m, a, b in earlier if m.key == metric.key} - {
                words[a:b]
                for m, a, b in earlier
                if m.key == metric.key and not any(k.key == inherited and x == b for k, x, _ in earlier)
            }
        last_inherited = max((x for m, x, _ in own_hits if m.key == inherited), default=-1)
        repeated = [
            (a, b) for a, b in hits if own[a:b] in before and not (own[a:b] in led and b > last_inherited)
        ]
        # a cue that runs on past the repeated one has a head of its own (交通事故死亡人数…，交通事故
        # 起数下降10%: 事故起数 ends after 交通事故, so the count is of accidents, not the dead)
        return bool(repeated) and all(any(a < y and x < b and b <= y for x, y in repeated) for a, b in hits)


#: 等 closing a list of examples (超速、超员等重点违法), not 等级, 等待, 等候, 等同, 等于.
EXAMPLES_END = r"等(?![级待候同于])"
_EXAMPLES_END = compile_pattern(EXAMPLES_END)
#: The same 等 right before the number (烟花汇演等32场…): the noun after the measure word names the kind.
_EXAMPLES_AT_END = compile_pattern(EXAMPLES_END + r"\s*$")
#: The close of an item of such a list: its 、 or 等, after the verb an offence's name may end in
#: (超速行驶、逆向行驶等: 超速 is still the whole item, 行驶 only says how it was committed).
_ITEM_CLOSE = compile_pattern(r"(?:行驶|驾驶|驾车)?[、等]")


#: A cue's own units, written in it as a regex comment: `劝导…违法(?#units:人次|人|名)`.
_CUE_UNITS = compile_pattern(r"\(\?#units:([^)]*)\)")


#: Units a cue's words also count its metric in, beyond the metric's own: `民生实事(?#fits:件|个)`.
_CUE_FITS = compile_pattern(r"\(\?#fits:([^)]*)\)")


def _fitting(cue: str, metrics: list[Metric]) -> list[Metric]:
    """The metrics of a cue, each counted also in the units the cue's `(?#fits:…)` comment names.

    A metric's `units` say what its words usually count it in; a few words count it in more
    (十件民生实事 or 30项民生实事: a government's pledged projects are measures in 件 as in 项), while
    the metric's other words in those units count something else (办理业务2.6万余件: business done).
    Only that cue's hits carry the wider units, so only they fit the unit.

    >>> m = Metric("measures_launched", "", frozenset({"项"}), (), 0, "")
    >>> sorted(_fitting("民生实事(?#fits:件)", [m])[0].units), _fitting("措施", [m])[0] is m
    (['件', '项'], True)
    """
    found = _CUE_FITS.search(cue)
    if not found:
        return metrics
    extra = frozenset(u for u in found.group(1).split("|") if u)
    return [replace(m, units=m.units | extra) for m in metrics]


def _cue_units(cue: str) -> frozenset[str]:
    """The units a cue alone is limited to, or none: the same words may count another metric in another unit.

    劝导纠正违法行为11.2万人次 counts people persuaded, 劝导纠正违法行为2.3万余起 (or 次) the acts: a
    metric's `units` say what it is usually counted in, but only the cue knows that its words name
    people only in 人次.

    >>> sorted(_cue_units("劝导[^，。；]{0,24}?违法(?#units:人次|人)")), _cue_units("劝导")
    (['人', '人次'], frozenset())
    """
    found = _CUE_UNITS.search(cue)
    return frozenset(u for u in found.group(1).split("|") if u) if found else frozenset()


def _after_examples(
    text: str, hits: list[tuple[Metric, int, int]], named_after: frozenset[str] = frozenset()
) -> list[tuple[Metric, int, int]]:
    """Drop the cues that are items of a list of examples when the words after its 等 name something.

    查处超速、超员等重点违法12.6万起: 超速 and 超员 are examples of the violations counted. A cue
    of the first item is dropped only when it is the whole item (next to 、 or 等): the verb before
    the list still counts (收集整改交通设施、放管服改革等方面意见建议23条: 整改). Named offences
    run together in one item go with it (、货车超载超速等: 超载 as well as 超速). `named_after`:
    the metrics of the noun after the number when the 等 ends the words (`_named_after_examples`);
    then only the later items are dropped, and only those of another metric (设立…、太平车站点等4个
    劝导站: the station among the examples agrees with the noun and stays).
    """
    ends = [m.end() for m in _EXAMPLES_END.finditer(text)]
    if not ends:
        return hits
    cut = ends[-1]
    # with the kind named only after the number, the first item keeps its cue: it may be the verb
    # the list hangs on (走访企业、学校等86家单位: calls, not the places)
    floor = 0
    agreeing: frozenset[str] = frozenset()
    if not any(h[1] >= cut for h in hits):
        if not named_after:
            return hits
        floor = text.find("、") + 1
        if floor == 0:
            return hits
        agreeing = named_after

    def an_item(start: int, end: int) -> bool:
        return (
            floor <= start
            and end < cut
            and (
                _ITEM_CLOSE.match(text, end) is not None
                or text[start - 1 : start] == "、"
                # the last items joined on by 以及 or 及 (…、座谈会以及音乐节等20余次安保任务)
                or ((text[end : end + 2] == "以及" or text[end : end + 1] == "及") and ("、" in text[:start]))
            )
        )

    dropped = [h for h in hits if an_item(h[1], h[2]) and h[0].key not in agreeing]
    # named offences run together in one item (货车超载超速等, 醉酒驾驶 with the 酒驾 inside it): an
    # offence that ends where a dropped one starts, or overlaps it, is an example of the same item
    for h in sorted(hits, key=lambda h: h[1], reverse=True):
        if h in dropped or h[2] >= cut or h[0].key not in ROAD_OFFENCES:
            continue
        if any(d[0].key in ROAD_OFFENCES and h[1] < d[2] and d[1] <= h[2] for d in dropped):
            dropped.append(h)
    return [h for h in hits if h not in dropped]


#: The named road offences: a bare 查处 after one counts it (`MetricIndex._offence_said_before`), and
#: the crashes a 其中 after a count of one goes on to are no part of it (semantics).
ROAD_OFFENCES = frozenset(
    {
        "drink_driving",
        "drunk_driving",
        "speeding",
        "overloading",
        "helmet_violations",
        "unlicensed_driving",
        "illegal_parking",
    }
)

#: Offences of one kind for `_mixed_offences`: drunk driving is drink driving at its worst.
_OFFENCE_KIND = {"drunk_driving": "drink_driving"}


def _mixed_offences(text: str, hits: list[tuple[Metric, int, int]]) -> list[tuple[Metric, int, int]]:
    """Drop the named road offences of a list of two kinds or more that a general offence noun closes.

    查处闯红灯、超员违法行为N起 counts offences of more than one kind, so it counts offences in
    general, as a list ending in 等 does (`_after_examples`); items of one kind (超员、超载, 酒驾、醉驾)
    still name that kind. Only whole items next to a 、 count, and only with the noun after them.

    >>> from statx.rules import Metric
    >>> keys = ("speeding", "overloading", "violations_handled")
    >>> speed, load, general = (Metric(k, "", frozenset(), (), 0, "") for k in keys)
    >>> two_kinds = [(speed, 2, 4), (load, 5, 7), (general, 7, 9)]
    >>> [h[0].key for h in _mixed_offences("查处超速、超员违法", two_kinds)]
    ['violations_handled']
    >>> one_kind = [(load, 2, 4), (load, 5, 7), (general, 7, 9)]
    >>> [h[0].key for h in _mixed_offences("查处超载、超员违法", one_kind)]
    ['overloading', 'overloading', 'violations_handled']
    """
    items = [
        h
        for h in hits
        if h[0].key in ROAD_OFFENCES and (text[h[2] : h[2] + 1] == "、" or text[h[1] - 1 : h[1]] == "、")
    ]
    if len({_OFFENCE_KIND.get(h[0].key, h[0].key) for h in items}) < 2:
        return hits
    last = max(h[2] for h in items)
    if not any(h[0].key == "violations_handled" and h[1] >= last for h in hits):
        return hits
    return [h for h in hits if h[0].key not in ROAD_OFFENCES]


#: A bracket right before the number that says what a count takes in (酒驾（含饮酒后驾驶、醉酒驾驶）312起).
_INCLUSION_END = compile_pattern(r"[(（](?:含|包含|包括)[^()（），。；,;]{1,24}[)）]\s*$")


def _outside_inclusion(text: str, hits: list[tuple[Metric, int, int]]) -> list[tuple[Metric, int, int]]:
    """Drop the cues inside a closing (含…) bracket when a cue stands before it.

    查处酒驾（含饮酒后驾驶、醉酒驾驶）312起 counts all drink driving: the bracket says which kinds the
    count takes in, and its last word (醉酒驾驶) is no narrower metric of the whole.
    """
    m = _INCLUSION_END.search(text)
    if m is None or not any(h[2] <= m.start() for h in hits):
        return hits
    return [h for h in hits if h[1] < m.start()]


#: A topic that modifies the noun after it: 有关违例泊车的(投诉), 涉及行人的(交通意外), 与噪音有关的(投诉).
#: Not the 与 of a word (参与侦破的案件: the cases he helped solve, no topic of them), as LIST_SEPARATOR.
_TOPIC = compile_pattern(r"(?:有关|涉及|关于|(?<![参给赋授干])与)[^，。；,;的]{1,12}?(?:有关|相关)?的")


def _outside_topic(text: str, hits: list[tuple[Metric, int, int]]) -> list[tuple[Metric, int, int]]:
    """Drop the cues of a topic phrase (有关…的) when a cue follows it: that noun is what is counted.

    接獲市民有關違例泊車的投訴約5.8萬宗 counts complaints, not parking offences; 涉及酒驾的警情 counts
    calls. With no cue after the phrase (涉及酒驾的有12起) the topic is all there is, and stays; so
    it does before a general category that named kinds refine (its last cue's metric has a negative
    priority: 涉及違例泊車的定額罰款告票 are parking tickets).

    >>> from statx.rules import Metric
    >>> parking, complaints = (Metric(k, "", frozenset(), (), 0, "") for k in ("parking", "complaints"))
    >>> [h[0].key for h in _outside_topic("有关违例泊车的投诉", [(parking, 2, 6), (complaints, 7, 9)])]
    ['complaints']
    """
    spans = [(m.start(), m.end()) for m in _TOPIC.finditer(text)]
    if not spans:
        return hits
    kept = [h for h in hits if not any(a <= h[1] < b for a, b in spans)]
    first_end = min(b for _, b in spans)
    head = max((h for h in kept if h[1] >= first_end), key=lambda h: h[1], default=None)  # the noun last
    if len(kept) == len(hits) or head is None or head[0].priority < 0:
        return hits
    return kept


#: A complaint or ticket named last, right before the figure (违法停车投诉工单1.7万件): the head noun.
_COMPLAINT_HEAD = compile_pattern(r"(?:(?:投诉|举报|诉求)(?:工单|件|案件)?|(?:工单|承办单))$")
_COMPLAINT_LAST = "诉报求单件"  # the characters _COMPLAINT_HEAD can end with: a cheap gate


def _before_complaint(text: str, hits: list[tuple[Metric, int, int]]) -> list[tuple[Metric, int, int]]:
    """Drop the cues before a complaint noun that closes the figure's words: they say what it is about.

    处理违法停车投诉工单1.7万件 counts tickets, not parking offences; the words before 投诉 are its
    topic, as 有关…的 is (see `_outside_topic`), said without 的.

    >>> from statx.rules import Metric
    >>> parking, tickets = (Metric(k, "", frozenset(), (), 0, "") for k in ("parking", "tickets"))
    >>> [h[0].key for h in _before_complaint("处理违法停车投诉工单", [(parking, 2, 6), (tickets, 6, 8)])]
    ['tickets']
    """
    head = _COMPLAINT_HEAD.search(text)
    if head is None:
        return hits
    # a cue that takes the complaint noun in (收集群众诉求: suggestions heard on a visit) says what it is
    kept = [h for h in hits if h[1] >= head.start() or h[2] >= head.end()]
    return kept or hits


#: 中 closing the pool a figure is drawn from (交通类警情中…轻微事故); not 其中, 中心, 中队, 中国…
_POOL_END = compile_pattern(r"(?<!其)中(?![心队国央华小学专级层间期旬午])")


def _after_pool(text: str, hits: list[tuple[Metric, int, int]]) -> list[tuple[Metric, int, int]]:
    """Drop the cues of a pool (…警情中) when a cue follows it: the noun after 中 is what is counted.

    交通类警情中涉及财产损失的轻微事故4806起 counts accidents among the calls; 在专项行动中查处违法
    1200起 violations, not campaigns. With no cue after the 中 the pool is all there is, and stays.

    >>> from statx.rules import Metric
    >>> calls, accidents = (Metric(k, "", frozenset(), (), 0, "") for k in ("calls", "accidents"))
    >>> [h[0].key for h in _after_pool("交通类警情中轻微事故", [(calls, 0, 5), (accidents, 8, 10)])]
    ['accidents']
    """
    ends = {m.start() for m in _POOL_END.finditer(text)}
    pools = [h[2] for h in hits if h[2] in ends]
    if not pools:
        return hits
    kept = [h for h in hits if h[1] > max(pools)]
    return kept or hits


#: A cause that modifies the noun after it: 因矛盾纠纷引发(的)(命案), 因酒驾导致的(事故).
_CAUSING = compile_pattern(r"因[^，。；,;、]{1,12}?(?:引发|引起|导致|造成)的?")


def _outside_causing(text: str, hits: list[tuple[Metric, int, int]]) -> list[tuple[Metric, int, int]]:
    """Drop the cues of a cause phrase (因…引发) when a cue follows it: that noun is what is counted.

    因矛盾纠纷引发命案数同比下降 counts homicides, not disputes settled: the 因 phrase says why they
    happened, as a topic phrase (`_outside_topic`) says what they are about. With no cue after the
    phrase the cause is all there is, and stays; so it does before a general category (negative priority).

    >>> from statx.rules import Metric
    >>> disputes, crimes = (Metric(k, "", frozenset(), (), 0, "") for k in ("disputes", "crimes"))
    >>> [h[0].key for h in _outside_causing("因家庭矛盾引发命案", [(disputes, 3, 5), (crimes, 7, 9)])]
    ['crimes']
    """
    spans = [(m.start(), m.end()) for m in _CAUSING.finditer(text)]
    if not spans:
        return hits
    kept = [h for h in hits if not any(a <= h[1] < b for a, b in spans)]
    last_end = max(b for _, b in spans)
    if len(kept) == len(hits) or not any(h[1] >= last_end and h[0].priority >= 0 for h in kept):
        return hits
    return kept


#: A cause said between the thing counted and what befell it (312名驾驶人因酒驾被吊销驾照), or the
#: death it led to (5人因无证驾驶导致死亡, 3位行人因翻越护栏而丧生).
_CAUSE = compile_pattern(
    r"因[^，。；,;]{1,24}?(?=[,，]?[ \t]?(?:均|都|已|亦|也|分别)?被"
    r"|而?(?:造成|导致|致)?(?:死亡|丧生|身亡|遇难|失去(?:了)?生命))"
)


def _outside_cause(text: str, hits: list[tuple[Metric, int, int]]) -> list[tuple[Metric, int, int]]:
    """Drop the cues inside a cause (因…) that a passive predicate (被…) follows, in the words after a figure.

    312名驾驶人因酒驾被吊销驾照 counts licences revoked, 46名司机因涉嫌药后驾驶被捕 people arrested:
    the 因 phrase says why, and its words (酒驾, 驾驶) name no count of this figure. So does a cause
    before a death (8人因酒后驾驶身亡, 5人因无证驾驶导致死亡): the people counted are the dead.

    >>> from statx.rules import Metric
    >>> drink, revoked = (Metric(k, "", frozenset(), (), 0, "") for k in ("drink", "revoked"))
    >>> [h[0].key for h in _outside_cause("驾驶人因酒驾被吊销驾照", [(drink, 4, 6), (revoked, 7, 9)])]
    ['revoked']
    """
    spans = [(m.start(), m.end()) for m in _CAUSE.finditer(text)]
    if not spans:
        return hits
    return [h for h in hits if not any(a <= h[1] < b for a, b in spans)]


#: What the things counted involved or came from, after the noun that names them (2起亡人事故都涉及
#: 酒后驾驶, 3起亡人事故均由超速引发): the offence says why, the noun says what is counted.
_INVOLVING = compile_pattern(r"(?:均|都|全部|皆|全)?(?:涉及|由)[^，。；,;]{1,24}")


def _outside_involving(text: str, hits: list[tuple[Metric, int, int]]) -> list[tuple[Metric, int, int]]:
    """Drop the cues inside what the things counted involved (均涉及…, 均由…引发) in the words after a figure.

    Only when a cue before that phrase names the things counted (亡人事故都涉及酒后驾驶: accidents).

    >>> from statx.rules import Metric
    >>> acc, drunk = (Metric(k, "", frozenset(), (), 0, "") for k in ("acc", "drunk"))
    >>> [h[0].key for h in _outside_involving("亡人事故都涉及酒后驾驶", [(acc, 2, 4), (drunk, 7, 11)])]
    ['acc']
    """
    m = _INVOLVING.search(text)
    if m is None or not any(h[2] <= m.start() for h in hits):
        return hits
    return [h for h in hits if not m.start() <= h[1] < m.end()]


#: The people a sanction befell, after 对 and the figure (对5名酒驾驾驶人依法吊销驾驶证).
def _outside_object(
    text: str,
    hits: list[tuple[Metric, int, int]],
    unit: str,
    people: regex.Pattern[str],
    vague: regex.Pattern[str] | None = None,
) -> list[tuple[Metric, int, int]]:
    """Drop the cues that describe the people of 对N名… when what was done to them names a count.

    对5名酒驾驾驶人依法吊销驾驶证 counts licences revoked and 对12名酒驾司机处以行政拘留 people
    detained: 酒驾 says who they were. What was done is taken only when its metric is counted in
    the figure's unit (对3名无证驾驶人员处以罚款: a fine is counted in 元, so 无证驾驶 stays).
    `people` finds the noun that ends the description (驾驶人, 司机: the `object_people` words).

    What was done may say only that they were dealt with (对412名无证驾驶人员予以处罚, 依法处理: the
    `vague` words, whole): that names no count of its own, so who they were decides.

    >>> from statx.rules import Metric
    >>> drink = Metric("drink", "", frozenset({"名"}), (), 0, "")
    >>> revoked = Metric("revoked", "", frozenset({"名"}), (), 0, "")
    >>> hits = [(drink, 0, 2), (revoked, 7, 12)]
    >>> people = regex.compile("驾驶人|司机")
    >>> [h[0].key for h in _outside_object("酒驾驾驶人依法吊销驾驶证", hits, "名", people)]
    ['revoked']
    >>> handled = Metric("handled", "", frozenset({"名"}), (), 0, "")
    >>> hits = [(drink, 0, 2), (handled, 7, 9)]
    >>> [h[0].key for h in _outside_object("酒驾驾驶人予以处罚", hits, "名", people, regex.compile("处罚"))]
    ['drink']
    """
    found = people.search(text)
    if found is None:
        return hits
    done = [h for h in hits if h[1] >= found.end()]
    if vague is not None and done and all(vague.fullmatch(text, h[1], h[2]) for h in done):
        return [h for h in hits if h[1] < found.end()] or hits
    return done if any(unit in h[0].units for h in done) else hits


#: A difference of two rates is counted in points of the rate's own unit.
_POINTS_OF = {"个百分点": "%", "个千分点": "‰"}


def _unit_score(metric: Metric, unit: str, is_change: bool) -> float:
    """Reward a unit the metric is counted in; a change figure (同比下降30%) may be of any metric.

    Percentage points are a difference of two rates, so they fit a metric counted in % (行政案件
    上诉率下降3.6个百分点 is a rate's change, not one of the cases the clause also names).

    >>> from statx.rules import Metric
    >>> rate = Metric("rate_other", "", frozenset({"%"}), (), 0, "")
    >>> cases = Metric("crimes_reported", "", frozenset({"件"}), (), 0, "")
    >>> _unit_score(rate, "个百分点", True), _unit_score(cases, "个百分点", True)
    (15.0, 0.0)

    A multiple compares two counts of one thing, so it fits any metric as a change does:

    >>> _unit_score(cases, "倍", False), _unit_score(cases, "人", False)
    (0.0, -70.0)
    """
    if unit in metric.units or _POINTS_OF.get(unit) in metric.units:
        return _UNIT_FITS
    if _of_any_metric(unit, is_change):
        return 0.0
    return _UNIT_MISFITS if metric.units else 0.0


def _of_any_metric(unit: str, is_change: bool) -> bool:
    """A change in %, points or 倍, or a multiple (是上年的1.7倍): it compares two counts of whatever
    its metric counts, so no metric's own units rule it out."""
    return unit in SHARE_UNITS and (is_change or unit == "倍")


def _parts(rules: RuleSet) -> dict[str, tuple[tuple[regex.Pattern[str], str], ...]]:
    """Each whole's narrower parts: a metric's `part_of` words, compiled, by the whole's key."""
    out: dict[str, list[tuple[regex.Pattern[str], str]]] = {}
    for metric in rules.metrics:
        if metric.part_of is not None and metric.part_cues:
            words = compile_pattern("|".join(f"(?:{c})" for c in metric.part_cues), regex.VERSION1)
            out.setdefault(metric.part_of, []).append((words, metric.key))
    return {k: tuple(v) for k, v in out.items()}
