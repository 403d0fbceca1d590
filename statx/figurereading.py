"""What every search for a breakdown's whole reads: one article's figures and how to compare them.

`Reading` holds what the semantic layer has read of an article's figures; the rest weighs them
against each other (the measure and size of a figure, sums met to the unit, the rounding a whole
written in 万 or with 余 allows) and tells a rate or a casualty from a plain count. Shared by
`statx.breakdowns` and the searches it calls, `statx.semicolons` and `statx.semantics`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from statx.changes import ChangeInfo
from statx.clauses import CLAUSE_BREAK_BACK, Context, last_end
from statx.matcher import Candidate
from statx.patterncache import compile_pattern
from statx.records import Figure, Record

if TYPE_CHECKING:
    from statx.lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class Reading:
    """What the semantic layer has read of one article's figures, which every search here looks at.

    One value instead of six parameters: the searches walk the same figures with different rules,
    and each needs the text, the matches and what was read around them.
    """

    text: str
    cands: Sequence[Candidate]
    records: Sequence[Figure]
    contexts: Sequence[Context]
    changes: Sequence[ChangeInfo]
    lex: Lexicon


def start_of(cand: Candidate) -> int:
    """Where a candidate starts: the key its list is sorted by."""
    return cand.start


#: How many figures back the total a clause names again is looked for.
NAMED_BACK = 24


#: The decimal places a share is written to.
DECIMALS = compile_pattern(r"\d[.．]([0-9０-９]+)")


#: A number written in 万 or 亿 with decimals (1.86万起): the whole is rounded to its last digit.
_ROUNDED = compile_pattern(r"\d(?:\.(\d+))?\s*(万|萬|亿|億)")


def rounding(fig: Figure | Record) -> float:
    """Half the last written digit of a figure in 万/亿 (1.86万: 50): how much its parts may exceed it.

    治安警情1.86万起。其中，刑事警情2417起…；治安警情1.62万起: 2417 + 16200 = 18617 is 1.86万
    rounded, not more than the whole, so the item after the semicolon is still a part.

    >>> from statx.records import Figure
    >>> rounding(Figure("d", "1.86万起", 18600, "起", "exact", 0, 6, "", "", None, None))
    50.0
    """
    m = _ROUNDED.search(fig.text)
    rounded = 0.0
    if m is not None:
        scale = 1e4 if m.group(2) in ("万", "萬") else 1e8
        rounded = scale * 10.0 ** -len(m.group(1) or "") / 2
    return max(rounded, _beyond(fig))


def _beyond(fig: Figure | Record) -> float:
    """How far past its written value a whole said with 余 / 多 / 以上 may reach: its last nonzero place.

    接处各类警情一万零四百余起。其中刑事警情四百三十六起；…求助类警情五千九百余起: 一万零四百余 is
    10400 to 10499, so parts adding up to 10406 still fit it (the 余 of the parts is read as 0 too).
    A whole said exactly, or with 近 / 约, gives none. Read on the value in its own unit, so 1.7万余
    (17000) reaches to 17999 and 300余 to 399.
    """
    value = fig.value
    if fig.qualifier != "over" or value <= 0 or value != int(value):
        return 0.0
    n, place = int(value), 1
    while n % 10 == 0:
        n //= 10
        place *= 10
    return size_of(fig) / float(value) * place


def nearly_equal(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


#: Units of one measure, each with its size in the measure's smallest unit here: a part may be
#: weighed in another unit than its whole (缴获毒品2.36吨，其中海洛因486.5千克), which it still breaks down.
_SCALES: dict[str, tuple[str, float]] = {
    **dict.fromkeys(("吨", "公吨"), ("克", 1e6)),
    **dict.fromkeys(("千克", "公斤"), ("克", 1e3)),
    **dict.fromkeys(("克", "公克"), ("克", 1.0)),
    **dict.fromkeys(("公里", "千米"), ("米", 1e3)),
    "米": ("米", 1.0),
    "公升": ("毫升", 1e3),
    "毫升": ("毫升", 1.0),
}


def measure_of(unit: str) -> str:
    """What a unit measures: 名 and 人 both count people (拘捕1 138名…人士，其中青少年176人 breaks the
    1 138 down); 吨, 公斤 and 克 all weigh (`_SCALES`). Only figures of one measure are a whole and its part.

    >>> measure_of("名"), measure_of("公斤"), measure_of("起")
    ('人', '克', '起')
    """
    scale = _SCALES.get(unit)
    return scale[0] if scale else "人" if unit == "名" else unit


def size_of(fig: Figure | Record) -> float:
    """A figure's value in the smallest unit of its measure, to compare a part with its whole.

    >>> from statx.records import Figure
    >>> ton = Figure("d", "2.36吨", 2.36, "吨", "exact", 0, 5, "", "", None, None)
    >>> size_of(ton) > 486.5 * 1000 and size_of(ton) < 2600 * 1000
    True
    """
    scale = _SCALES.get(fig.unit)
    return float(fig.value) * scale[1] if scale else float(fig.value)


def casualty_word(doc: Reading, i: int) -> str | None:
    """The casualty a figure's own words name right before or after it (死亡1904人, 1904人死亡), if any."""
    ctx = doc.contexts[i]
    for words in (ctx.post[:4], ctx.pre.rstrip()[-4:]):
        if (m := doc.lex.casualties.search(words)) is not None and m.group() not in ("事故", "意外"):
            return str(m.group())
    return None


#: A line that opens a numbered item (1. , 2．, 3、, （4）, (五), 六、), after any indent: a report's
#: list of sectors or of a total's items, one a line.
NUMBERED_LINE = compile_pattern(
    r"[ \t\u3000]*(?:\d{1,2}[.．、](?!\d)"
    r"|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|[一二三四五六七八九十]{1,3}、)"
)

#: A breakdown item named as a kind of its whole (其中，求助类2.05万件, 意见建议类1.15万件), with a word
#: of total after the kind as a report may write it (求助类共1.9万件, 建议类合计2300件).
KIND_OF_WHOLE = compile_pattern(r"类\s*(?:共计|合计|总计|共|计)?\s*$")


#: 占 closing the words before a share (其中诈骗案占全部罪案的40%): the share is of the item those words
#: name, so a bare count said right after it (，共有N宗) counts that item too.
SHARE_OF_ITEM = compile_pattern(r"[占佔][^，,。；;\d]{0,16}?的?\s*(?:约|近|逾|超过)?\s*$")


#: Words that make a figure a rate per day or month (日均受理约327件), which no breakdown divides
#: and no change of the total before it qualifies (semantics: 警情58426起，日均321起，同比下降4.3%);
#: also said with a span of one (平均一个礼拜有5起, 平均一个月有2起) or per week (每周).
PER_PERIOD = "日均|月均|年均|时均|平均每|每日|每天|每月|每周|每星期|平均一个?(?:礼拜|星期|周|月|天)"


PER_PERIOD_RE = compile_pattern(PER_PERIOD)


#: A rate written after its count's unit (有效报警6689起(239起/天)): per day, month, person.
PER_UNIT_AFTER = compile_pattern(r"\s*[/／]\s*(?:天|日|月|周|年|小时|人|户)")


#: A rate per so many vehicles or people, said before its count (肇事率为每万辆139.9件, 每十万人12.3件).
_PER_HEADS = compile_pattern(r"每\s?[十百千万]+\s?(?:辆|人|名|户|口)")


def is_rate(doc: Reading, j: int) -> bool:
    """Whether figure ``j`` is a rate of a count (日均321起, 239起/天, 每万辆139.9件): no total, no whole."""
    pre = doc.contexts[j].pre
    return bool(
        PER_PERIOD_RE.search(pre)
        or _PER_HEADS.search(pre)
        or PER_UNIT_AFTER.match(doc.text, doc.cands[j].end)
    )


#: Words of a clause that say when, where or how a count was taken, not what it counts.
_NOT_THE_THING = compile_pattern(r"[今去本上全年月日季度共计累合总发生受理接报截至以来其中全市县区省]")


def names_its_thing_again(doc: Reading, j: int, start: int, i: int) -> bool:
    """Whether part ``i``'s sentence (from ``start``) names the thing figure ``j``'s clause counts.

    盗窃案件今年共发生4415件。⏎警方统计今年受理盗窃案甲分局710件居冠: the ranking names again the kind
    of case the total counts (盗窃案), before its own count and after another verb; three characters
    in a row that say no period, place or verb (今年, 共发生) are what both count.
    """
    pre = doc.contexts[j].pre
    clause = pre[last_end(CLAUSE_BREAK_BACK, pre, len(pre), 0) :]
    said = doc.text[start : doc.cands[i].start]
    return any(
        _HAN_TRIPLE.fullmatch(word := clause[k : k + 3]) is not None
        and _NOT_THE_THING.search(word) is None
        and word in said
        for k in range(len(clause) - 2)
    )


_HAN_TRIPLE = compile_pattern(r"\p{Han}{3}")
