"""Where a figure's sentence and clause begin, and the words around it that say what it counts.

Shared by the semantic steps (`semantics`, `changes`, `breakdowns`): every boundary is searched
backwards from the figure, which is cheaper than listing every comma of an article.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from statx.matcher import Candidate
from statx.patterncache import compile_pattern
from statx.textlines import TIME_STAMP

if TYPE_CHECKING:
    from statx.lexicon import Lexicon

WINDOW = 160  # how far back a clause, sentence or paragraph is looked for
#: A line break ends a sentence, but not before a digit, indented or not (a PDF wraps 1,843\n件,
#: 123.4\n万 and 初信\n    159件 too);
#: a line that opens with a time stamp (a subtitle's or a transcript's 00:01:23, 00:01:23,456) is
#: a new utterance, whose lines carry no full stop of their own.
_NEW_LINE = rf"\n(?:(?![ \t]*\d)|(?={TIME_STAMP}))"
SENTENCE_END = compile_pattern(rf"[。！？!?；;]|{_NEW_LINE}")
SENTENCE_END_BACK = compile_pattern(SENTENCE_END.pattern, regex.REVERSE)


#: How far past a figure's start a backward boundary search reads, for the patterns' lookaheads
#: (a line break is no boundary before 123.4万, one is before the item number 123. of a list).
_AHEAD = 6


def last_end(backwards: regex.Pattern[str], text: str, pos: int, lo: int) -> int:
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


def first_start(pattern: regex.Pattern[str], text: str, lo: int, hi: int) -> int:
    m = pattern.search(text, lo, hi)
    return m.start() if m else hi


@dataclass(slots=True)
class Context:
    pre: str  # the figure's clause before it (after the previous figure of a list)
    post: str  # the words right after it, to the clause end or the next figure of a list
    sentence_start: int


#: What separates the items of a list inside one clause (饮酒驾驶135起、醉酒驾驶90起; 为2个集体和16名民警),
#: or opens a bracketed item after a figure (酒驾4215起(醉驾1106起)). Not the 与, 及, 和 inside a word
#: (集资参与人, 涉及, 普及, 及时, 和谐): 23个省份集资参与人1.6万余人 counts 参与人, not 人.
LIST_SEPARATOR = compile_pattern(
    r"、|以及|(?<![温总缓饱])和(?![谐睦善])|(?<![涉普危波顾触])及(?![时格])|(?<![参给赋授干])与(?![会])|[(\[]"
)

#: What alone stands between two figures of one list (312起、98起; 45起和120人), for `str.strip`.
LIST_JOINS = "、和及与 "


def only_list_join(gap: str) -> bool:
    """Whether `gap` holds only a list's joining words: those of `LIST_JOINS`, or 以及 before a list's
    last item (分别减少12%、30%以及41.5%), a word `str.strip` cannot take as one.

    >>> only_list_join("、"), only_list_join(" 以及 "), only_list_join("以上、"), only_list_join("，")
    (True, True, False, False)
    """
    return not gap.strip(LIST_JOINS) or gap.strip() == "以及"


#: A comma alone between two figures (分别下降43.4%,51.2%, as reposted bulletins type a list), and
#: what may stand right after the second: a clause mark or the end of its line.
_COMMA_GAP = compile_pattern(r"[ \t]*[，,][ \t]*")
_BARE_END = compile_pattern(r"[ \t]*(?:[，,。；;）)\n]|$)")


def comma_joined_percents(text: str, a: Candidate, b: Candidate) -> bool:
    """Whether figures `a` and `b` are percentages with only a comma between, `b` closing its clause.

    伤亡事故、受伤人数分别降了12.1%,9.8%,道路畅通: a `分别` list typed with a comma for its 、. The
    caller asks it only past a 分别, where a percentage standing alone as a clause can be nothing but the
    list's next figure; a count after the comma (…分别下降5%、8%，3起…) or words after the percentage
    (，3.5%的路段…) start a clause of their own.
    """
    return bool(
        _COMMA_GAP.fullmatch(text, a.end, b.start)
        and text[a.start : a.end].endswith("%")
        and text[b.start : b.end].endswith("%")
        and _BARE_END.match(text, b.end, min(len(text), b.end + 2))
    )


def comma_joined_casualties(text: str, a: Candidate, b: Candidate) -> bool:
    """Whether the events `a` and the people `b` after them are a pair with only a comma between.

    较上年增加4起,27人; a work-safety bulletin's change of the events and of their dead, typed with a
    comma for its 、: the people standing alone as a clause, right after the events, say the same
    change of the dead. Words after the people (，27人受伤) start a clause of their own.
    """
    return bool(
        _COMMA_GAP.fullmatch(text, a.end, b.start)
        and text[a.start : a.end].endswith("起")
        and text[b.start : b.end].endswith(("人", "名"))
        and _BARE_END.match(text, b.end, min(len(text), b.end + 2))
    )


#: The words of a change alone that open a bracket before its figure (…立案数(同比下降9%)): no name.
_CHANGE_LEAD = compile_pattern(
    r"\s*(?:同比|环比|较上年同期|较去年同期|较上年|较去年|比上年|比去年)?(?:分别)?"
    r"(?:上升|下降|增长|增加|减少|降低|提高|提升|上涨|回落)了?\s*"
)

#: The bracket that closes each opening bracket of LIST_SEPARATOR.
_CLOSING = {"(": ")", "[": "]"}


def _separator(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Where the words between two figures split, or None when nothing separates them.

    A separator right after the first figure gives all the words to the second (疲劳驾驶6732起、
    不按规定使用安全带及头盔12.8万起: 及 is inside the second item's name); else the last one
    splits them (600余辆出租车集中注册登记、200余辆…: the words before it go with the first).
    A bracket closed before the second figure is part of a name, with whatever it holds
    (9个县(市、区)的46个派出所: the 、 of 市、区 splits no list), so it is stepped over.
    A bracket that opens right before the second figure, after words of their own, holds that
    figure after its name (依次为违停(3.5万起)、闯红灯(2.8万起)): the name before it is the second
    figure's, so the split is the separator before the name, not the bracket.
    """
    found: tuple[int, int] | None = None
    pos = lo
    while (m := LIST_SEPARATOR.search(text, pos, hi)) is not None:
        closing = _CLOSING.get(m.group())
        if closing is not None:
            close = text.find(closing, m.end(), hi)
            if close >= 0:
                pos = close + 1
                continue
            if found is not None and (
                not text[m.end() : hi].strip() or _CHANGE_LEAD.fullmatch(text, m.end(), hi)
            ):
                # the second figure's own bracket, after its name; or its change in a bracket after the
                # name of what changed (立案数(同比下降9%)、破案数(同比上升12%))
                break
        found = (m.start(), m.end())
        if m.start() == lo:
            break
        pos = m.end()
    return found


def clause_start(text: str, pos: int, lo: int, lex: Lexicon) -> int:
    """Where the clause of the figure at `pos` starts: the last clause end before it, not one inside brackets.

    A note in brackets between a thing and its figure may hold a comma of its own
    (道路交通事故（一般程序，下同）1,946起): that comma ends no clause, or the figure's words
    would be only 下同 and the thing it counts lost. When the words after a clause end close a
    bracket they never opened, the clause starts before that bracket's opening instead.
    """
    start = last_end(lex.clause_end_back, text, pos, lo)
    while start > lo:
        words = text[start:pos]
        if words.count(")") + words.count("）") <= words.count("(") + words.count("（"):
            break  # each bracket closing in the clause opened in it (or none closes, nearly always)
        opening = max(text.rfind("（", lo, start), text.rfind("(", lo, start))
        if opening < 0:
            break
        start = last_end(lex.clause_end_back, text, opening, lo)
    if start > lo and text.count("”", start, pos) > text.count("“", start, pos):
        # a quoted slogan with a comma of its own (向商户发放“喝了酒，别开车”提醒卡800张): that comma
        # ends no clause either, when the quote opened in the same sentence
        opening = text.rfind("“", lo, start)
        if opening >= 0 and SENTENCE_END.search(text, opening, start) is None:
            start = last_end(lex.clause_end_back, text, opening, lo)
    return start


def _before_bracketed_semicolons(text: str, start: int) -> int:
    """The sentence start before the semicolons that separate the items a bracket lists.

    伤亡40人(重伤6人;轻伤34人)，较上年增加5人: the semicolon stands inside brackets opened before
    it and closed before the sentence ends, so it ends no sentence; 34人 is the bracket's second
    item, as after a 、, and 5人 the change of the 40人.
    """
    while start > 0 and text[start - 1] in "；;":
        before = last_end(SENTENCE_END_BACK, text, start - 1, max(0, start - 1 - WINDOW))
        opened = text.count("(", before, start) + text.count("（", before, start)
        if opened <= text.count(")", before, start) + text.count("）", before, start):
            break
        after = _CLOSE_OR_STOP.search(text, start, min(len(text), start + WINDOW))
        if after is None or after.group() not in ")）":
            break
        start = before
    return start


#: What a bracket's item past a semicolon meets first: the bracket's close, or a sentence's end.
_CLOSE_OR_STOP = compile_pattern(rf"[)）。！？!?]|{_NEW_LINE}")


def read_contexts(text: str, cands: Sequence[Candidate], lex: Lexicon) -> list[Context]:
    """The words around each figure, with two figures of one clause splitting the words between them.

    Between two figures of a list, what comes before the separator (、 和 及 or an opening
    bracket) describes the first figure (600余辆出租车集中注册登记、200余辆…) and what comes
    after it the second (饮酒驾驶135起、醉酒驾驶90起).
    """
    n = len(cands)
    sentence_starts: list[int] = []
    clause_starts: list[int] = []
    splits: list[tuple[int, int] | None] = []
    for k, c in enumerate(cands):
        sentence_start = last_end(SENTENCE_END_BACK, text, c.start, max(0, c.start - WINDOW))
        sentence_start = _before_bracketed_semicolons(text, sentence_start)
        if k and cands[k - 1].start < sentence_start <= cands[k - 1].end:
            # a line break inside the figure before (PDF copy: 违法行为５８．７\n万起，同比上升6.3%) ends
            # no sentence: the figure stands in that one's sentence, whose change it may be
            sentence_start = sentence_starts[k - 1]
        sentence_starts.append(sentence_start)
        clause_starts.append(clause_start(text, c.start, sentence_start, lex))
    for i in range(n - 1):  # split[i]: (end of figure i's post, start of figure i+1's pre)
        a, b = cands[i], cands[i + 1]
        if clause_starts[i + 1] > a.end:
            splits.append(None)
            continue
        sep = _separator(text, a.end, b.start)
        splits.append(sep if sep else (b.start, a.end))  # no separator: the words may go with either
    out: list[Context] = []
    for i, c in enumerate(cands):
        pre_start = clause_starts[i]
        before = splits[i - 1] if i else None
        if before is not None:
            pre_start = max(pre_start, before[1])
        post_end = first_start(lex.clause_end, text, c.end, min(len(text), c.end + 40))
        after = splits[i] if i + 1 < n else None
        # the next figure's words end this one's; with none, a passive predicate may follow
        post_end = min(post_end, after[0]) if after is not None else _passive_tail(text, post_end, lex)
        bar = text.rfind("|", pre_start, c.start)
        if bar >= 0 and in_prose_cell(text, c.start):  # a page's bars before a sentence: no cells
            pre_start = bar + 1
        out.append(
            Context(text[pre_start : c.start], text[_own_words_start(c) : post_end], sentence_starts[i])
        )
    # a figure alone on its line may be a data card's (a cheap look at the characters around it)
    if any(
        text[c.start - 1 : c.start] in _BESIDE_LONE and text[c.end : c.end + 1] in _BESIDE_LONE for c in cands
    ):
        _read_cards(text, cands, out)
    return out


def in_prose_cell(text: str, at: int) -> bool:
    """Whether the figure at `at` stands in a sentence between bars, not in a table cell of its own.

    A breadcrumb's bars (首页 | 新闻 | 正文) on the line an article starts on made its first
    figures cells of a "row" named 新闻; a table's cell holds a figure and a word or two, never a
    clause mark before or after it (a thousands comma between digits is no clause mark). Looks at
    most WINDOW characters either way: asked for figures of one-line crawls too.

    >>> t = "首页 | 新闻 | 正文 今年以来，共破获案件12起，抓获5人。"
    >>> in_prose_cell(t, t.index("12")), in_prose_cell("| 城东 | 41起 | 1,204人 |", 16)
    (True, False)
    """
    lo = max(0, at - WINDOW)
    cell_start = max(text.rfind("|", lo, at), text.rfind("\n", lo, at)) + 1 or lo
    hi = min(len(text), at + WINDOW)
    ends = [e for e in (text.find("|", at, hi), text.find("\n", at, hi)) if e >= 0]
    return _CLAUSE_MARK.search(text, cell_start, min(ends, default=hi)) is not None


#: A mark that ends a clause (a comma between digits is a thousands separator, no clause's end).
_CLAUSE_MARK = compile_pattern(r"[。；;！？!?]|(?<!\d)[,，、]|[,，、](?!\d)")


#: A card's label line: short, one phrase, no sentence punctuation (110接处警, 群众满意率).
_CARD_LABEL = compile_pattern(r"[^\n。；;！!？?，,：:|]{1,20}")
#: Blanks inside a clause's words (a line broken or letters spaced inside a phrase).
_BLANKS = compile_pattern(r"\s+")


def without_blanks(words: str) -> str:
    """A clause's words with their blanks dropped, so a phrase broken by a line or spaced out reads whole.

    >>> without_blanks("分别 同比\\n下降")
    '分别同比下降'
    """
    return str(_BLANKS.sub("", words))


_LINE = compile_pattern(r"[^\n]*\S[^\n]*")
#: What stands right before and after a figure alone on its line ("" at the text's ends).
_BESIDE_LONE = ("", "\n", " ", "\t")


def _read_cards(text: str, cands: Sequence[Candidate], out: list[Context]) -> None:
    """Give the figures of a run of data cards their label line as the words before them.

    A WeChat post's 数说 block (and a portal's 数据卡片) sets each figure on a line of its own
    and its label on the next (1.2万起 / 110接处警 / 98.7% / 群众满意率), or the label first
    (110接处警 / 1.2万起). Alone on its line, such a figure has no words of its own, and its
    metric would be read from whatever came before the block. The order is read off the run
    of alternating figure and label lines: an even run that starts with a label puts each label
    before its figure; any other run puts it after, its first line, if a short one, being the
    block's heading (数说三季度). A figure line with no second one beside it is left alone.
    """
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    starts = [c.start for c in cands]
    lone: dict[int, int] = {}  # line index -> the figure alone on it
    kinds: list[str] = []
    k = 0
    for j, (lo, hi) in enumerate(lines):
        while k < len(cands) and starts[k] < lo:
            k += 1
        n_in = bisect.bisect_left(starts, hi, k) - k  # figures starting on this line
        if k and cands[k - 1].end > lo:  # the tail of a figure a line break cut (三百五十 / 六处)
            kinds.append("X")
        elif n_in == 1 and not (text[lo : starts[k]].strip() or text[cands[k].end : hi].strip()):
            lone[j] = k
            kinds.append("F")
        elif not n_in and _CARD_LABEL.fullmatch(text, lo, hi):
            kinds.append("L")
        else:
            kinds.append("X")
    # each line's run of alternating figure and label lines, in one pass each way
    firsts = list(range(len(kinds)))
    for j in range(1, len(kinds)):
        if kinds[j] != "X" and kinds[j - 1] not in (kinds[j], "X"):
            firsts[j] = firsts[j - 1]
    lasts = list(range(len(kinds)))
    figures = [1 if kind == "F" else 0 for kind in kinds]
    for j in range(len(kinds) - 2, -1, -1):
        if firsts[j + 1] == firsts[j]:  # line j + 1 goes on j's run
            lasts[j] = lasts[j + 1]
            figures[j] += figures[j + 1]
    for j, i in lone.items():
        first, last = firsts[j], lasts[j]
        if figures[first] < 2:
            continue
        if kinds[first] == "L" and (last - first) % 2 == 1:  # label, figure, …, label, figure
            lo, hi = lines[j - 1]
            out[i] = Context(text[lo:hi].strip(), out[i].post, out[i].sentence_start)
        elif j < last:  # figure, label, …; or a heading, figure, label, …: the label line is its post
            lo, hi = lines[j + 1]
            out[i] = Context(text[lo:hi].strip(), "", out[i].sentence_start)


def _own_words_start(c: Candidate) -> int:
    """Where a figure's post words start: after it, or at a word its own text holds after its number.

    A rule with a fixed unit and no unit word in its text may take the word for what is counted
    into the figure (造成2死15伤: 死 and 伤 stand for 人死亡 and 人受伤, the unit is 人). That word
    is then read with the words after the figure, as 死亡 is read after 3人.
    """
    m = c.match
    groups = m.re.groupindex
    if (
        c.rule.unit is None
        or ("unit" in groups and m.group("unit"))
        or ("qafter" in groups and m.group("qafter"))
    ):
        return c.end
    num_end = m.end("qinside") if "qinside" in groups and m.group("qinside") else m.end("num")
    return num_end if c.start <= num_end < c.end else c.end


#: A clause that is only the predicate of the one before it, in the passive (，被法庭取消駕駛資格).
_PASSIVE_NEXT = compile_pattern(r"[,，][ \t]?(?:均|都|已|亦|也|分别)?被")


def _passive_tail(text: str, end: int, lex: Lexicon) -> int:
    """Where the words after a figure end, taking in a next clause that is their passive predicate.

    2,481名駕駛人因累積違例駕駛記分達15分或以上，被法庭取消駕駛資格: the people counted are those
    disqualified, said only after the comma. Taken only when that clause holds no number, so the
    words of another figure never name this one.
    """
    m = _PASSIVE_NEXT.match(text, end)
    if m is None:
        return end
    tail = first_start(lex.clause_end, text, m.end(), min(len(text), m.end() + 30))
    return end if regex.search(r"\d", text[m.end() : tail]) else tail


#: A full stop or a line break, searched forwards: where a sentence ends for the searches that let
#: a semicolon's clauses run on (其中，A 3起；B 612起、C 287起。).
FULL_STOP = compile_pattern(r"[。！？!?\n]")
#: Where a sentence ends for a breakdown that runs on over semicolons (其中，A 3起；B 612起、C 287起。).
FULL_STOP_BACK = compile_pattern(rf"[。！？!?]|{_NEW_LINE}", regex.REVERSE)
#: The last semicolon before a figure, searched backwards.
SEMICOLON_BACK = compile_pattern(r"[；;]", regex.REVERSE)
#: A mark that ends a clause (a comma, a colon, a stop or a line break; not 、, which joins a list's items).
CLAUSE_BREAK = compile_pattern(r"[，,。；;：:！？!?\n]")
#: The same, searched back from a position: where the clause before it opens.
CLAUSE_BREAK_BACK = compile_pattern(CLAUSE_BREAK.pattern, regex.REVERSE)
#: A sentence or clause that opens by breaking down what was said before it (其中，…; 当中…).
OPENS_BREAKDOWN = compile_pattern(r"\s*(?:其中|当中|當中)")
#: 分别: "respectively", pairing a list of figures with a list said before them.
RESPECTIVELY = compile_pattern(r"分别")
