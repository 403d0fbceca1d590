"""Say what each figure counts: label, metric, change and basis, breakdown parent, period, subject.

Everything is read from the figure's surroundings in the prepared text: its clause (the
words since the last comma or the previous figure: 走访…1.7万余户, 查处…起), the words right
after it (200余名人大代表), the sentence and paragraph (periods, organisations), and the
nearest heading. The word lists are data (`rules/semantics.yaml`, `rules/metrics.yaml`).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from statx.matcher import Candidate
from statx.metrics import Choice, MetricIndex
from statx.normalize import Prepared, fold_text
from statx.periods import resolve_period
from statx.records import SHARE_UNITS, Basis, Change, Record
from statx.rules import RuleSet, alternation, expand_fragment
from statx.subjects import Gazette, nearest_before, region_name

_WINDOW = 160  # how far back a clause, sentence or paragraph is looked for
_SENTENCE_END = regex.compile(r"[。！？!?；;]|\n(?!\d)")
_SENTENCE_END_BACK = regex.compile(_SENTENCE_END.pattern, regex.REVERSE)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The semantic patterns of one RuleSet, compiled once."""

    change_up: regex.Pattern[str]
    change_down: regex.Pattern[str]
    basis_yoy: regex.Pattern[str]
    basis_mom: regex.Pattern[str]
    named_year: regex.Pattern[str]  # 较2022年: a basis naming its year, yoy only if it is last year
    breakdown: regex.Pattern[str]
    remainder: regex.Pattern[str]  # 其余15条: the rest of a total said before
    baseline: regex.Pattern[str]
    baseline_from: regex.Pattern[str]
    baseline_to: regex.Pattern[str]
    label_trim: regex.Pattern[str]
    new_action: regex.Pattern[str]  # 强制隔离戒毒156人: a clause naming a new action, which inherits nothing
    bare_clause: regex.Pattern[str]  # a clause that only reports (上半年录得): earlier clauses name its thing
    clause_end: regex.Pattern[str]
    clause_end_back: regex.Pattern[str]  # the same, searched backwards
    period: regex.Pattern[str]
    metrics: MetricIndex
    gazette: Gazette
    places_of: dict[str, str | None] = dataclasses.field(default_factory=dict)  # org -> its place

    @classmethod
    def build(cls, rules: RuleSet) -> Lexicon:
        w = rules.words

        def optional_fragment(name: str) -> list[str]:
            return [expand_fragment(name, rules.fragments)] if name in rules.fragments else []

        # a line break before a digit is a wrap inside a sentence (共出动警力\n2,300余人次)
        clause_end = f"[{regex.escape(''.join(w.get('clause_end', ())))}](?<!\\n(?=\\d))"

        # 较2022年的70 048宗, 由2019年的100起: a baseline named with its year
        baseline_year = "|".join(optional_fragment("BASELINE_YEAR")) or "(?!)"

        def tail(name: str, after: str = "") -> regex.Pattern[str]:
            return regex.compile(f"(?:{alternation(w.get(name, ()))}){after}$")

        # 较上年新增12个, 同比少3起: a word that says a change only after a basis
        bases = "|".join(
            [alternation([*w.get("basis_yoy", ()), *w.get("basis_mom", ())]), *optional_fragment("BASIS_YOY")]
        )

        def change_tail(name: str) -> regex.Pattern[str]:
            after_basis = alternation(w.get(f"{name}_after_basis", ()))
            said = f"{alternation(w.get(name, ()))}|(?:{bases})\\s*(?:{after_basis})"
            return regex.compile(f"(?:{said})(?:了|高达|达到?|为|约|近|超过)?\\s*$")

        return cls(
            # a change word right before the number, maybe with 了/达/为 (同比下降了26.32%); not
            # 至/到, which give the new level (提高至95%), not the change
            change_up=change_tail("change_up"),
            change_down=change_tail("change_down"),
            basis_yoy=regex.compile(
                "|".join([alternation(w.get("basis_yoy", ())), *optional_fragment("BASIS_YOY")])
            ),
            basis_mom=regex.compile(alternation(w.get("basis_mom", ()))),
            named_year=regex.compile("|".join(optional_fragment("BASIS_YOY")) or "(?!)"),
            breakdown=regex.compile(alternation(w.get("breakdown", ())) + "|[:：]"),
            remainder=regex.compile(f"\\s*(?:{alternation(w.get('remainder', ()))})"),
            baseline=regex.compile(f"(?:{alternation(w.get('baseline', ()))}|(?:较|比){baseline_year})\\s*$"),
            baseline_from=tail("baseline_from", f"(?:{baseline_year})?\\s*"),
            baseline_to=regex.compile(f"\\s*(?:{alternation(w.get('baseline_to', ()))})"),
            new_action=regex.compile(
                f"(?:{alternation(w.get('action_adverbs', ()))})?(?P<verb>{alternation(w['new_action'])})"
                if w.get("new_action")
                else "(?!)"
            ),
            label_trim=regex.compile(f"^(?:(?:{expand_fragment('LABEL_TRIM', rules.fragments)})\\s*)+"),
            bare_clause=regex.compile("|".join(optional_fragment("BARE_CLAUSE")) or "(?!)", regex.VERSION1),
            clause_end=regex.compile(clause_end),
            clause_end_back=regex.compile(clause_end, regex.REVERSE),
            period=regex.compile(expand_fragment("PERIOD", rules.fragments), regex.VERSION1),
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


#: How far past a figure's start a backward boundary search reads, for the patterns' lookaheads.
_AHEAD = 4


def _last_end(backwards: regex.Pattern[str], text: str, pos: int, lo: int) -> int:
    """Where the last boundary (a match of `backwards`) at or before `pos` ends; `lo` if none ends after `lo`.

    The patterns are searched backwards from the figure: the boundary is mostly a few
    characters away, and listing every comma of the article first cost more than all the
    searches. The search runs `_AHEAD` characters past `pos` so that a lookahead (a line
    break before a digit is no boundary) sees what it would see in the whole text.
    """
    for m in backwards.finditer(text, lo, min(len(text), pos + _AHEAD)):
        end: int = m.end()
        if end <= pos:
            return end
    return lo


def _first(pattern: regex.Pattern[str], text: str, lo: int, hi: int) -> int:
    m = pattern.search(text, lo, hi)
    return m.start() if m else hi


@dataclass(slots=True)
class _Context:
    pre: str  # the figure's clause before it (after the previous figure of a list)
    post: str  # the words right after it, to the clause end or the next figure of a list
    sentence_start: int


#: What separates the items of a list inside one clause (饮酒驾驶135起、醉酒驾驶90起; 为2个集体和16名民警),
#: or opens a bracketed item after a figure (酒驾4215起(醉驾1106起)).
_LIST_SEPARATOR = regex.compile(r"、|以及|和|及|与|[(\[]")


def _separator(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Where the words between two figures split, or None when nothing separates them.

    A separator right after the first figure gives all the words to the second (疲劳驾驶6732起、
    不按规定使用安全带及头盔12.8万起: 及 is inside the second item's name); else the last one
    splits them (600余辆出租车集中注册登记、200余辆…: the words before it go with the first).
    """
    found: tuple[int, int] | None = None
    for m in _LIST_SEPARATOR.finditer(text, lo, hi):
        found = (m.start(), m.end())
        if m.start() == lo:
            break
    return found


def _contexts(text: str, cands: Sequence[Candidate], lex: Lexicon) -> list[_Context]:
    """The words around each figure, with two figures of one clause splitting the words between them.

    Between two figures of a list, what comes before the separator (、 和 及 or an opening
    bracket) describes the first figure (600余辆出租车集中注册登记、200余辆…) and what comes
    after it the second (饮酒驾驶135起、醉酒驾驶90起).
    """
    n = len(cands)
    sentence_starts: list[int] = []
    clause_starts: list[int] = []
    splits: list[tuple[int, int] | None] = []
    for c in cands:
        sentence_start = _last_end(_SENTENCE_END_BACK, text, c.start, max(0, c.start - _WINDOW))
        sentence_starts.append(sentence_start)
        clause_starts.append(_last_end(lex.clause_end_back, text, c.start, sentence_start))
    for i in range(n - 1):  # split[i]: (end of figure i's post, start of figure i+1's pre)
        a, b = cands[i], cands[i + 1]
        if clause_starts[i + 1] > a.end:
            splits.append(None)
            continue
        sep = _separator(text, a.end, b.start)
        splits.append(sep if sep else (b.start, a.end))  # no separator: the words may go with either
    out: list[_Context] = []
    for i, c in enumerate(cands):
        pre_start = clause_starts[i]
        before = splits[i - 1] if i else None
        if before is not None:
            pre_start = max(pre_start, before[1])
        post_end = _first(lex.clause_end, text, c.end, min(len(text), c.end + 40))
        after = splits[i] if i + 1 < n else None
        if after is not None:
            post_end = min(post_end, after[0])
        out.append(_Context(text[pre_start : c.start], text[c.end : post_end], sentence_starts[i]))
    return out


_POST_FILLER = regex.compile(r"^(?:的|是|在|为|以上|以下|左右)")
_BLANKS = regex.compile(r"\s+")
_TRAILING_FILLER = regex.compile(r"(?:[高多]?达到?|(?<![行作认成称因])为|共计|共|约|有|近|超过|累计|是)$")


def _label(ctx: _Context, cue_start: int | None, lex: Lexicon) -> str:
    """The words that say what is counted: the clause around the figure, reporting words trimmed.

    A long clause is cut at the metric's cue (发动全体民警全城走访… -> 走访…); after 等 the
    list before is only examples, so the words after the figure name the thing counted.
    """
    pre = ctx.pre
    if cue_start is not None and len(pre) > 12 and len(pre) - cue_start > 3:  # not at a bare noun (证件)
        pre = pre[cue_start:]
    pre = lex.label_trim.sub("", pre.lstrip("、 |-*•·")).strip(" |")  # list bullets too
    pre = _TRAILING_FILLER.sub("", pre)
    if pre.endswith("等") or len(pre) > 40:
        pre = ""
    post = ctx.post.strip()
    post = _POST_FILLER.sub("", post) if len(post) <= 24 else ""
    label = (pre + post).strip(' 、,，()（）|“”"￥¥$')
    return str(_BLANKS.sub("", label))


def _change(
    text: str, cand: Candidate, ctx: _Context, lex: Lexicon
) -> tuple[Change | None, Basis | None, int | None]:
    """Up or down (a change word right before the number, or a sign), and yoy/mom from the words near.

    The third item is the year a yoy basis names (较2019年同期: 2019), to be checked against the
    figure's own year; None for 同比, 较去年 and the like.
    """
    sign = cand.match.groupdict().get("sign")
    change: Change | None = None
    if sign:
        change = "up" if sign == "+" else "down"
    elif lex.change_up.search(ctx.pre):
        change = "up"
    elif lex.change_down.search(ctx.pre):
        change = "down"
    if change is None:
        return None, None, None
    before = text[max(ctx.sentence_start, cand.start - 40) : cand.start]
    basis, said = _nearest_basis(before, lex, last=True)
    if basis is None and sign and text[cand.start - 1 : cand.start] in ("(", "（", "["):
        # a signed change in brackets names its basis before or after: （+3.88%），按年上升; one in
        # running text (增长-2.3%，降幅比上月收窄…) does not take the next clause's basis
        end = _first(_SENTENCE_END, text, cand.end, min(len(text), cand.end + 24))
        basis, said = _nearest_basis(text[cand.end : end], lex, last=False)
    digits = _YEAR_DIGITS.search(said) if basis == "yoy" and lex.named_year.fullmatch(said) else None
    return change, basis, _named_year(digits.group()) if digits else None  # 较2019年: the year it names


def _named_year(digits: str) -> int:
    """The year a basis names: 2019, or an ROC year as Taiwan writes it (较112年: 2023)."""
    year = int(digits)
    return year + 1911 if year < 1000 else year


def _nearest_basis(words: str, lex: Lexicon, *, last: bool) -> tuple[Basis | None, str]:
    """The basis said nearest the figure in `words` (their last, or first, one), and its words.

    环比增长18.3%，同比增长6.9%: each change has the basis said right before it.
    """
    found: tuple[int, Basis, str] | None = None
    patterns: tuple[tuple[Basis, regex.Pattern[str]], ...] = (("mom", lex.basis_mom), ("yoy", lex.basis_yoy))
    for basis, pattern in patterns:
        hits = list(pattern.finditer(words))
        if not hits:
            continue
        m = hits[-1] if last else hits[0]
        at = m.end() if last else -m.start()
        if found is None or at > found[0]:
            found = (at, basis, m.group())
    return (found[1], found[2]) if found else (None, "")


_YEAR_DIGITS = regex.compile(r"\d{2,4}")
#: A year written as the time of something (2023年1月7日, 2023年全市), not one compared with (较2019年).
_WRITTEN_YEAR = regex.compile(r"(?<![较比与\d])((?:19|20)\d{2})\s?年")
#: The same in a Taiwan year (113年全般刑案: 2024), 101 to 139 (no 100年 of a history).
_WRITTEN_ROC_YEAR = regex.compile(r"(?<![较比与\d])(1(?:0[1-9]|[1-3]\d))\s?年")
_ROC_OFFSET = 1911


def _changes(
    text: str,
    cands: Sequence[Candidate],
    contexts: Sequence[_Context],
    lex: Lexicon,
    year_of: Callable[[int], int | None],
) -> list[tuple[Change | None, Basis | None, bool]]:
    """For each figure: its change and basis, and whether it is a stated baseline (较去年同期的18743宗).

    A change against a named year (较2019年下降43%) is year-on-year only when that year is the
    one before the figure's (`year_of`, asked only then): against an older one, or a year that
    nothing dates, it compares with another period, which no basis names.
    """
    out: list[tuple[Change | None, Basis | None, bool]] = []
    for i, (cand, ctx) in enumerate(zip(cands, contexts, strict=True)):
        change, basis, named = _change(text, cand, ctx, lex)
        if named is not None:
            own = year_of(i)
            if own is None or named < own - 1:
                basis = None
        if change is None and i and out[-1][0] and not text[cands[i - 1].end : cand.start].strip("、和及与 "):
            change, basis = out[-1][0], out[-1][1]  # 同比分别上升21.5%和34.2%
        elif change is not None and basis is None and named is None:
            basis = _basis_of_whole_sentence(text, cands, out, i)
            if basis is None and _RESPECTIVELY.search(ctx.pre):
                basis = _basis_before_semicolon(text, cands, ctx, out, i)
            elif basis is None and _after_its_item(cands, contexts, out, i):
                basis = _basis_before_semicolon(text, cands, ctx, out, i, like_items=True)
        baseline = bool(lex.baseline.search(ctx.pre)) or bool(
            lex.baseline_from.search(ctx.pre) and lex.baseline_to.match(text, cand.end, cand.end + 8)
        )
        out.append((None, None, True) if baseline else (change, basis, False))
    return out


#: A sentence that opens by breaking down the one before (其中，第一产业增加值…).
_OPENS_BREAKDOWN = regex.compile(r"\s*(?:其中|当中)")


def _basis_of_whole_sentence(
    text: str, cands: Sequence[Candidate], out: Sequence[tuple[Change | None, Basis | None, bool]], i: int
) -> Basis | None:
    """The basis of a change in a sentence opening with 其中: that of the sentence it breaks down.

    In a bulletin 比上年 is said once (生产总值2865.3亿元，比上年增长4.1%。其中，第一产业增加值
    201.6亿元，增长3.8%；…): the parts' changes are against the same year. Only the last change
    of the sentence right before gives it; a sentence of its own says its basis itself.
    """
    pos = cands[i].start
    full_start = _last_end(_FULL_STOP_BACK, text, pos, max(0, pos - _WINDOW))
    if not full_start or not _OPENS_BREAKDOWN.match(text, full_start):
        return None
    before_start = _last_end(_FULL_STOP_BACK, text, full_start - 1, max(0, full_start - _WINDOW))
    for j in range(i - 1, -1, -1):
        if cands[j].start < before_start:
            break
        if cands[j].end <= full_start and out[j][0] is not None:
            return out[j][1]
    return None


def _basis_before_semicolon(
    text: str,
    cands: Sequence[Candidate],
    ctx: _Context,
    out: Sequence[tuple[Change | None, Basis | None, bool]],
    i: int,
    *,
    like_items: bool = False,
) -> Basis | None:
    """The basis of a `分别` change list opening the part of a sentence after a semicolon.

    事故1 503起，同比下降9.6%；造成死亡63人、受伤1 127人，分别下降12.5%和7.3%: the parts' changes
    are against what the change before the semicolon was; only the last change of that part gives it.
    With `like_items`, the change follows its own item (爆竊案有1 012宗，按年減少8.9%；搶劫案71宗，
    減少21.1%): the change before the semicolon must follow an item too, a list of like items.
    """
    start = ctx.sentence_start
    if text[start - 1 : start] not in ("；", ";"):
        return None
    full_start = _last_end(_FULL_STOP_BACK, text, start - 1, max(0, start - _WINDOW))
    for j in range(i - 1, -1, -1):
        if cands[j].start < full_start:
            break
        if cands[j].end <= start and out[j][0] is not None:
            if like_items and not (j and cands[j - 1].start >= full_start and out[j - 1][0] is None):
                return None
            return out[j][1]
    return None


def _after_its_item(
    cands: Sequence[Candidate],
    contexts: Sequence[_Context],
    out: Sequence[tuple[Change | None, Basis | None, bool]],
    i: int,
) -> bool:
    """Whether change `i` comes right after a figure (not a change) of its own part of the sentence."""
    k = i - 1
    return k >= 0 and cands[k].start >= contexts[i].sentence_start and out[k][0] is None and not out[k][2]


def _parents(
    text: str,
    cands: Sequence[Candidate],
    records: Sequence[Record],
    contexts: Sequence[_Context],
    changes: Sequence[tuple[Change | None, Basis | None, bool]],
    lex: Lexicon,
) -> list[int | None]:
    """For each figure, the index of the figure it breaks down (其中 / 包括 / colon lists / 分别), if any.

    The whole is the last figure before the breakdown word in the same sentence (or the one
    before, when the word opens a sentence), with the same unit and a value not smaller.
    A change (较去年同期减少12人) or a stated baseline is neither a whole nor a part: it is
    a difference or another period's total.
    """
    out: list[int | None] = []
    for i, c in enumerate(cands):
        if changes[i][0] is not None or changes[i][2]:
            out.append(None)
            continue
        lo = max(0, c.start - _WINDOW)
        sentence_start = contexts[i].sentence_start
        parent = None
        marker = None
        for m in lex.breakdown.finditer(text, sentence_start, c.start):
            marker = m.start()
        if marker is not None:
            # the whole may stand in the sentence before only when the word opens this one
            opens = not text[sentence_start:marker].strip()
            for j in range(i - 1, -1, -1):
                p = cands[j]
                if p.end > marker:
                    continue
                if p.end <= sentence_start and not opens:
                    break
                if p.end < sentence_start - 2 and text[sentence_start - 1 : sentence_start] not in "。；;":
                    break
                if p.start < lo:
                    break
                if changes[j][0] is not None or changes[j][2]:
                    continue
                rp, rc = records[j], records[i]
                if _people(rp.unit) == _people(rc.unit) and rc.unit not in SHARE_UNITS:
                    if rp.value >= rc.value:
                        parent = None if _breaks_down_a_list(text, cands, records, contexts, j, i, lex) else j
                        if parent is not None:
                            parent = _whole_of_own_verb(records, contexts, changes, j, i, lex)
                    elif _PER_PERIOD.search(contexts[j].pre):
                        continue  # 日均受理约327件。其中…3.12万件: a smaller daily rate; the whole is before
                    break  # the nearest figure of the same unit is the whole, or there is none
        out.append(parent)
    return out


def _whole_of_own_verb(
    records: Sequence[Record],
    contexts: Sequence[_Context],
    changes: Sequence[tuple[Change | None, Basis | None, bool]],
    j: int,
    i: int,
    lex: Lexicon,
) -> int:
    """The whole of part `i`: figure `j`, or an earlier one of its sentence that says the part's verb.

    刑案發生1萬2,486件，破獲1萬1,853件。其中詐欺案件發生2,317件: the part ends in 發生, the verb of
    the cases reported, not of the cases solved nearer to it; an earlier figure of the sentence in the
    unit, not smaller, whose words say the verb the nearest one does not, is the whole.
    """
    own = contexts[i].pre.rstrip()[-2:]
    if len(own) < 2 or own in contexts[j].pre or lex.clause_end.search(own):
        return j
    rc = records[i]
    for k in range(j - 1, -1, -1):
        if contexts[k].sentence_start != contexts[j].sentence_start:
            break
        rk = records[k]
        whole = changes[k][0] is None and not changes[k][2] and _people(rk.unit) == _people(rc.unit)
        if whole and rk.value >= rc.value and own in contexts[k].pre:
            return k
    return j


def _people(unit: str) -> str:
    """名 and 人 both count people: 拘捕1 138名…人士，其中青少年176人 breaks the 1 138 down."""
    return "人" if unit == "名" else unit


def _bigrams(words: str) -> set[str]:
    return {words[k : k + 2] for k in range(len(words) - 1)}


def _breaks_down_a_list(
    text: str,
    cands: Sequence[Candidate],
    records: Sequence[Record],
    contexts: Sequence[_Context],
    j: int,
    i: int,
    lex: Lexicon,
) -> bool:
    """Whether the breakdown at figure `i` is of a whole list ending in figure `j`, not of `j` alone.

    招收一年级新生6 380人、七年级新生5 912人，其中随迁子女入学2 146人: 其中 in a clause of its own
    after a list of like figures breaks down their sum, which no figure says; unless the item is
    named like the last one (诈骗案件287起，其中电信诈骗案件200起: a part of it).
    """
    if j == 0 or records[j - 1].unit != records[j].unit:
        return False
    between = text[cands[j - 1].end : cands[j].start]
    if not _LIST_SEPARATOR.search(between) or lex.clause_end.search(between):
        return False
    if not lex.clause_end.search(text, cands[j].end, cands[i].start):
        return False  # the breakdown word is inside the list's clause
    return not (_bigrams(contexts[i].pre) & _bigrams(contexts[j].pre))


#: A breakdown item named as a kind of its whole (其中，求助类2.05万件, 意见建议类1.15万件).
_KIND_OF_WHOLE = regex.compile(r"类\s*$")


def _kind_of_whole(ctx: _Context, choice: Choice, whole: Record, lex: Lexicon) -> bool:
    """A breakdown item named `…类` counts the whole's thing (工单8.93万件，其中求助类2.05万件: 工单).

    Its words name a kind (求助, 意见建议), and would give the metric of that word (警情, 意见建议);
    only a more specific metric under a general category (a named violation under all violations)
    keeps its own: 接报警情4.2万起，其中纠纷类1.6万起 counts incidents, not disputes mediated.
    """
    if whole.metric in ("other", choice.key) or not _KIND_OF_WHOLE.search(ctx.pre):
        return False
    priority = lex.metrics.priorities
    return not priority.get(choice.key, 0) > priority.get(whole.metric, 0) < 0


def _kind_of_lead(
    text: str,
    cands: Sequence[Candidate],
    contexts: Sequence[_Context],
    i: int,
    unit: str,
    choice: Choice,
    lex: Lexicon,
) -> Choice:
    """The metric of a `…类` item that breaks down no figure: what the words before its list count.

    从诉求类型看，咨询类4.05万件，求助类2.37万件: the kinds are kinds of 诉求 (tickets), not calls for
    help (警情); the words of the sentence before its first `…类` item say what is counted, when a
    metric counted in the item's unit knows them. As with a whole, a more specific own metric stays,
    but only under a general category (从违法类型看，酒驾类: drink driving); under another it is
    the list's subject that is counted (从警情类型看，纠纷类1.1万起: incidents, not disputes mediated).
    """
    start = contexts[i].sentence_start
    first = i
    while (
        first
        and contexts[first - 1].sentence_start == start
        and _KIND_OF_WHOLE.search(contexts[first - 1].pre)
    ):
        first -= 1
    lead_end = cands[first].start - len(contexts[first].pre)
    if lead_end - start < 2:
        return choice
    lead = lex.metrics.classify(pre=text[start:lead_end], post="", heading="", unit=unit, is_change=False)
    if lead.key == "other" or unit not in lex.metrics.units.get(lead.key, ()):
        return choice
    priority = lex.metrics.priorities
    if choice.key != "other" and priority.get(choice.key, 0) > priority.get(lead.key, 0) < 0:
        return choice  # only under a general category (违法: a named violation)
    return Choice(lead.key, lead.name)


#: Words that make a figure a rate per day or month (日均受理约327件), which no breakdown divides.
_PER_PERIOD = regex.compile(r"日均|月均|年均|平均每|每日|每天|每月")
#: Where a sentence ends for a breakdown that runs on over semicolons (其中，A 3起；B 612起、C 287起。).
_FULL_STOP_BACK = regex.compile(r"[。！？!?]|\n(?!\d)", regex.REVERSE)


def _parent_over_semicolon(
    text: str,
    cands: Sequence[Candidate],
    out: Sequence[Record],
    contexts: Sequence[_Context],
    i: int,
    rec: Record,
    metric: str,
    label: str,
    lex: Lexicon,
) -> int | None:
    """The whole a figure breaks down when its breakdown word stands before a semicolon of its sentence.

    其中，破获命案3起；破获盗窃案件612起: the items after the semicolon still break down the whole
    before 其中, but so might a new topic (其中酒驾100起；发生事故50起), so the item must count
    what the whole counts (the same metric), besides the unit and a value not larger. A figure
    no metric knows must instead be named like the first item after the breakdown word
    (其中，第一产业增加值…；第二产业增加值…: both end in 产业增加值).
    """
    start = contexts[i].sentence_start
    if rec.unit in SHARE_UNITS or text[start - 1 : start] not in ("；", ";"):
        return None
    lo = max(0, start - _WINDOW)
    full_start = _last_end(_FULL_STOP_BACK, text, start, lo)
    marker = None
    for m in lex.breakdown.finditer(text, full_start, start):
        # 酒后驾驶3 218起、醉酒驾驶1 046起，分别下降6.4%和9.1%: 分别 pairs changes, breaks nothing down
        after = next((k for k in range(i) if cands[k].start >= m.end()), None)
        if m.group() != "分别" or after is None or out[after].change is None:
            marker = m.start()
    if marker is None:
        return None
    if metric == "other" and not _named_like_first_item(cands, out, i, marker, label):
        return None
    if text[full_start:marker].strip():  # the whole is in the sentence, unless 其中 opens it
        lo = full_start
    for j in range(i - 1, -1, -1):
        p = cands[j]
        if p.start < lo:
            break
        if p.end > marker or out[j].unit != rec.unit or out[j].change or out[j].role == "baseline":
            continue
        kind = out[j].metric == metric or _kind_of_general(out[j], metric, rec, lex)
        if out[j].value >= rec.value and kind:
            return None if _restates_the_whole(cands, contexts, i, j, marker, lex) else j
        if out[j].metric != metric:
            k = _same_metric_in_sentence(out, contexts, j, rec, metric)
            if k is not None:
                return None if _restates_the_whole(cands, contexts, i, k, marker, lex) else k
        if not _PER_PERIOD.search(contexts[j].pre):
            break
    return None


def _kind_of_general(whole: Record, metric: str, rec: Record, lex: Lexicon) -> bool:
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
    out: Sequence[Record], contexts: Sequence[_Context], j: int, rec: Record, metric: str
) -> int | None:
    """An earlier figure of figure `j`'s sentence counting `metric` in the unit, not smaller, if any.

    刑案發生1萬2,486件，破獲1萬1,853件。其中詐欺案件發生2,317件…；竊盜案件1,845件: the cases solved
    stand between the item and the cases reported it is a kind of.
    """
    for k in range(j - 1, -1, -1):
        if contexts[k].sentence_start != contexts[j].sentence_start:
            return None
        r = out[k]
        if r.unit == rec.unit and r.change is None and r.role != "baseline" and r.metric == metric:
            return k if r.value >= rec.value else None
    return None


def _restates_the_whole(
    cands: Sequence[Candidate], contexts: Sequence[_Context], i: int, j: int, marker: int, lex: Lexicon
) -> bool:
    """Whether figure `i` opens with a verb the whole `j` says and the first item after the marker does not.

    办理居民身份证8.7万张，其中首次申领1.9万张；办理临时身份证3 600余张: 办理 again starts a count
    beside the whole, not a part of it; 破获刑事案件1105起。其中，破获命案3起；破获盗窃案件612起
    says 破获 in every item, so the items go on, as when any item after the marker says it
    (其中詐欺案件發生2,317件，破獲2,105件；竊盜案件發生1,845件，破獲1,790件).
    """

    own = str(lex.label_trim.sub("", contexts[i].pre.lstrip("、 ")))[:2]
    if len(own) < 2 or own not in contexts[j].pre:  # 户政窗口共办理居民身份证: its verb, not its opening
        return False
    items = [k for k in range(j + 1, i) if cands[k].start > marker]
    return bool(items) and not any(own in contexts[k].pre for k in items)


def _named_like_first_item(
    cands: Sequence[Candidate], out: Sequence[Record], i: int, marker: int, label: str
) -> bool:
    """Whether `label` ends like the label of the first figure after the breakdown word (2+ characters)."""
    first = next((k for k in range(i) if cands[k].start > marker), None)
    if first is None or len(label) < 2:
        return False
    other = out[first].label
    return len(other) >= 2 and other[-2:] == label[-2:]


#: Every period contains one of these (2019年, 5月以来, 一季度, 截至目前, 近3年) near its start and end.
_PERIOD_TRIGGER = regex.compile(r"[年月季]|目前|以来|近")
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


def _period(periods: list[tuple[int, int, str]], ends: list[int], para_start: int, pos: int) -> str | None:
    """The time scope written nearest before the figure: in its sentence if any, else its paragraph."""
    k = bisect.bisect_right(ends, pos)
    if k and periods[k - 1][0] >= para_start:
        return periods[k - 1][2]
    return None


def annotate(
    records: list[Record], candidates: Sequence[Candidate], prepared: Prepared, rules: RuleSet
) -> list[Record]:
    """Return the records with their semantic fields filled in.

    Args:
        records: one per candidate, in the same order.
        candidates: the matches the records were built from.
        prepared: the prepared text the candidates index.
        rules: the rule set (metrics, word lists).
    """
    if not records:
        return records
    lex = lexicon(rules)
    text = prepared.text
    contexts = _contexts(text, candidates, lex)
    # found on first need: most figures' own words name their metric (see MetricIndex.classify)
    headings = functools.cache(lambda: [(m.start(1), m.group(1)) for m in _HEADING.finditer(text)])
    periods = _periods(text, lex)
    period_ends = [e for _, e, _ in periods]

    def year_of(i: int) -> int | None:
        """The year figure `i` belongs to: its period's, else the article's, else the latest one written.

        A Taiwan year counts as written (113年全般刑案發生…，較112年減少2.8%: year-on-year).
        """
        pos, date = candidates[i].start, records[i].date
        period = _period(periods, period_ends, text.rfind("\n", 0, pos) + 1, pos)
        start = resolve_period(period, date)[0] if period else None
        if start or (date and date[:4].isdigit()):
            return int((start or date or "")[:4])
        written = [int(m.group(1)) for m in _WRITTEN_YEAR.finditer(text, 0, pos)]
        written += [int(m.group(1)) + _ROC_OFFSET for m in _WRITTEN_ROC_YEAR.finditer(text, 0, pos)]
        return max(written, default=None)

    changes = _changes(text, candidates, contexts, lex, year_of)
    parents = _parents(text, candidates, records, contexts, changes, lex)
    orgs = lex.gazette.orgs(text)
    places = lex.gazette.places(text)
    title = fold_text(records[0].title or "")  # titles come from metadata, not normalised yet
    # the article's own reporter and place: from the title, else the first organisation named
    main_org = nearest_before(lex.gazette.orgs(title), len(title)) or _most_named(orgs, lex)
    main_place = nearest_before(lex.gazette.places(title), len(title))
    main_place = main_place or (_place_of(main_org, lex) if main_org else None)
    respectively = _respectively(text, candidates, contexts)
    out: list[Record] = []
    for i, (rec, cand, ctx) in enumerate(zip(records, candidates, contexts, strict=True)):
        change, basis, baseline = changes[i]
        inherited, inherited_words = None, ""
        same_sentence = i and contexts[i - 1].sentence_start == ctx.sentence_start
        pair = respectively.get(i)
        if isinstance(pair, int):  # 保有量289.5万辆，驾驶人412万人，分别增长6.1%和5.3%
            inherited = out[pair].metric
        # a change right after the figure it qualifies (29,542宗（+3.88%）), or a list of like figures:
        # the same unit or one the previous figure's metric is counted in (走访家庭2140户、商铺360家)
        elif same_sentence and parents[i] is None:
            k = _last_count(out, contexts, i) if change is None else i - 1
            if change is not None or (
                (out[k].unit == rec.unit or rec.unit in lex.metrics.units.get(out[k].metric, ()))
                and not _new_action(ctx.pre, contexts[k].pre, lex)
            ):
                inherited = out[k].metric if out[k].metric != "other" else None
                inherited_words = contexts[k].pre
        rest = (
            _whole_of_rest(out, contexts, i, rec) if change is None and lex.remainder.match(ctx.pre) else None
        )
        choice = (
            Choice(out[rest].metric, out[rest].metric_name)
            if rest is not None
            else lex.metrics.classify(
                pre=pair if isinstance(pair, str) else ctx.pre,  # 事故起数、死亡人数分别下降10.5%、12.3%
                post="" if isinstance(pair, str) else ctx.post,
                earlier=""
                if pair is not None or parents[i] is not None
                else functools.partial(_earlier, text, candidates, records, ctx, i, lex),
                heading=functools.partial(_heading_before, headings, cand.start),
                unit=rec.unit,
                is_change=change is not None,
                inherited=inherited,
                inherited_words=inherited_words,
                before=None if inherited else _count_of_paragraph(text, out, i, rec),
            )
        )
        para_start = text.rfind("\n", 0, cand.start) + 1
        period = _period(periods, period_ends, para_start, cand.start)
        start, end = resolve_period(period, rec.date) if period else (None, None)
        subject = nearest_before(orgs, cand.start, para_start) or main_org  # sentence or paragraph
        own_place = _place_of(subject, lex) if subject else None
        place = own_place or nearest_before(places, cand.start, ctx.sentence_start) or main_place
        if subject and not own_place and place:  # 市公安局 -> 昆明市公安局
            subject = place + subject[1:] if subject[0] in "市县区州省" else place + subject
        p = parents[i]
        if p is None and change is None and not baseline:
            label = _label(ctx, choice.cue_start, lex) if choice.key == "other" else ""
            p = _parent_over_semicolon(text, candidates, out, contexts, i, rec, choice.key, label, lex)
        if p is not None and (choice.key == "other" or _kind_of_whole(ctx, choice, out[p], lex)):
            choice = Choice(out[p].metric, out[p].metric_name)  # a part counts what its whole counts
        elif p is None and change is None and _KIND_OF_WHOLE.search(ctx.pre):
            choice = _kind_of_lead(text, candidates, contexts, i, rec.unit, choice, lex)
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
                label=_label(_Context(pair, "", ctx.sentence_start), None, lex)
                if isinstance(pair, str)
                else _label(ctx, choice.cue_start, lex),
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


def _count_of_paragraph(text: str, out: Sequence[Record], i: int, rec: Record) -> str | None:
    """The metric of the previous count of the paragraph in the figure's unit, if any.

    工单11.6万件。从办理情况看，按期办结11.2万件: the tickets say what 办结 closes.
    """
    for k in range(i - 1, -1, -1):
        r = out[k]
        if "\n" in text[r.end : rec.start]:
            return None
        if r.change is None and r.role != "baseline" and r.unit == rec.unit:
            return r.metric if r.metric != "other" else None
    return None


def _new_action(pre: str, before: str, lex: Lexicon) -> bool:
    """Whether a clause opens with a verb of a new action that the clause `before` did not say.

    查获吸毒人员312人，强制隔离戒毒156人: 强制 starts another count, not a list item of 人员.
    """
    m = lex.new_action.match(lex.label_trim.sub("", pre.lstrip("、 ")))
    return m is not None and m.group("verb") not in before


def _whole_of_rest(out: Sequence[Record], contexts: Sequence[_Context], i: int, rec: Record) -> int | None:
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
        if fits(k) and out[k].metric != "other":
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


#: How many figures back the total of a remainder is looked for.
_REST_LOOKBACK = 6


def _earlier(
    text: str, cands: Sequence[Candidate], records: Sequence[Record], ctx: _Context, i: int, lex: Lexicon
) -> str:
    """The words before the figure's own that may say what it counts, when its own say nothing.

    For an item of a list in another unit than the item before, the clause before the item: the
    list's verb is said once, before its first item (冻结涉案账户5230个、资金9400余万元); items in
    one unit are kinds of one thing, each named by its own words (超员12起、疲劳驾驶260余起).
    Else the earlier clauses of the sentence, when the figure's own clause only reports
    (诈骗案仍是最主要的罪案类别，上半年录得19 284宗); a clause that names anything (依法惩戒
    “断卡”对象2100人, 疲劳驾驶8600余起) keeps to itself even when no cue knows its words, and the
    words go back only to the previous figure of the sentence.
    """
    pre_start = cands[i].start - len(ctx.pre)
    prev_end = cands[i - 1].end if i else 0
    clause_start = _last_end(lex.clause_end_back, text, cands[i].start, ctx.sentence_start)
    if prev_end > clause_start:
        return text[clause_start:pre_start] if records[i - 1].unit != records[i].unit else ""
    if not lex.bare_clause.match(_BLANKS.sub("", ctx.pre)):
        return ""
    lo = max(ctx.sentence_start, prev_end)
    return text[lo:pre_start] if lo < pre_start else ""


_RESPECTIVELY = regex.compile(r"分别")
_LIST_ITEMS = regex.compile(r"、|以及|和|及|与")


def _last_count(out: Sequence[Record], contexts: Sequence[_Context], i: int) -> int:
    """The previous figure of the sentence, passing over the changes that qualify it.

    工单8.93万件，同比增长14.6%，日均受理约327件: the daily count goes with the 工单, not the change.
    """
    k = i - 1
    while (
        k > 0 and out[k].change is not None and contexts[k - 1].sentence_start == contexts[i].sentence_start
    ):
        k -= 1
    return k


def _respectively(
    text: str, cands: Sequence[Candidate], contexts: Sequence[_Context]
) -> dict[int, int | str]:
    """Pair each figure of a `分别 A、B` list with what it goes with, in order.

    Either the earlier figures of the sentence (机动车289.5万辆，驾驶人412万人，分别增长6.1%和
    5.3%: the index of that figure) or the listed words before 分别 (事故起数、死亡人数分别下降
    10.5%、12.3%: those words).
    """
    out: dict[int, int | str] = {}
    i = 0
    while i < len(cands):
        m = _RESPECTIVELY.search(contexts[i].pre)
        if m is None:
            i += 1
            continue
        group = [i]
        while group[-1] + 1 < len(cands) and not text[
            cands[group[-1]].end : cands[group[-1] + 1].start
        ].strip("、和及与 "):
            group.append(group[-1] + 1)
        k = len(group)
        before = [
            j for j in range(i - k, i) if j >= 0 and contexts[j].sentence_start == contexts[i].sentence_start
        ]
        items = [w for w in _LIST_ITEMS.split(contexts[i].pre[: m.start()]) if w.strip()]
        if k > 1 and len(before) == k:
            out.update(zip(group, before, strict=True))
        elif k > 1 and len(items) == k:
            out.update(zip(group, items, strict=True))
        i = group[-1] + 1
    return out


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


def _heading_before(headings: Callable[[], list[tuple[int, str]]], pos: int) -> str:
    return nearest_before(headings(), pos) or ""


_HEADING = regex.compile(r"(?m)^[#\s]*([^\n。，,；;]{2,30})$")
