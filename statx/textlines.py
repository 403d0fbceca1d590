"""Find the line breaks of a plain text that cut a sentence, a word or a number, to join them.

Plain text carries the layout it was copied or exported with: a fixed width that wraps
every line mid-word (`soft_wraps`), hard breaks kept here and there (`word_wraps`), a PDF
copy's letters spread one blank apart (`letter_spaces`), page numbers and running headers
inside a sentence (`page_breaks`), a phone's article view of one phrase a line
(`phrase_lines`). The rules read a line break as the end of a paragraph, so each pass tells
which breaks (or gaps) to drop or replace; `statx.markup` applies them. A time stamp
opening a line (`TIME_STAMP`) starts an utterance of its own, for the sentence rules too.
"""

from __future__ import annotations

import re
from collections import Counter

from statx.patterncache import compile_pattern

__all__ = [
    "LINE_CLOSE",
    "TEXT_LINE",
    "TIME_STAMP",
    "letter_spaces",
    "page_breaks",
    "phrase_lines",
    "print_width",
    "soft_wraps",
    "word_wraps",
]


# What ends a sentence or a heading's line: a line that ends so is not cut mid-sentence.
LINE_CLOSE = frozenset("。！？；：…”」』）)】!?;:")


#: A time stamp opening a line of a subtitle or a transcript (00:01:23 王队：…, 00:01:23,456): each
#: such line is an utterance of its own, with no full stop; the sentence rules read it so too.
TIME_STAMP = r"\d{1,2}:\d{2}(?::\d{2})?(?:[,.]\d{1,3})?[ \t]"


# What starts a new paragraph or item rather than the rest of a sentence; a time stamp too.
_NEW_ITEM = re.compile(
    r"[ \t\u3000|]|[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)"
    rf"|{TIME_STAMP}"
    r"|第[一二三四五六七八九十\d]+[章节条部分]|[●○■□◆◇▲△▶►•·※★☆①②③④⑤⑥⑦⑧⑨⑩—\-－]"
)


TEXT_LINE = re.compile(r"[^\n]*\n?")


def soft_wraps(raw: str, start: int) -> list[tuple[int, int]]:
    """Find the line breaks a fixed-width export (a PDF's text, a wrapped crawl) put inside a paragraph.

    Such text cuts every line at one width, mid-word (走访群 / 众1.7万余户), so a line break
    says nothing there, while the rules read one as the end of a paragraph: the figure would
    lose the words that name it. A document is taken as wrapped when most of its lines are as
    long as its longest ones (the width: 12 to 90 characters, as narrow as a two-column page's
    column) and many of those end with no closing punctuation. A break is joined only after a
    full line that does not close a sentence, before a line that starts no new item (一、,
    （二）, 1., ●, an indent), and never between two digits (旅客4 / 32万 is for the number
    rules) or two Latin letters.

    Returns:
        The ``(start, end)`` spans of the breaks to drop (``\\r\\n`` or ``\\n``).
    """
    lines = [(m.start(), m.end()) for m in TEXT_LINE.finditer(raw, start) if m.end() > m.start()]
    sizes = [print_width(raw[a:b].strip()) for a, b in lines]
    long = sorted(n for n in sizes if n >= 8)
    if len(long) < 6:
        return []
    width = long[(len(long) - 1) * 4 // 5]
    joins = _wraps_at(raw, lines, sizes, width, len(long))
    narrow = _column_width(long)
    if joins or narrow is None or narrow >= width:
        return joins
    return _wraps_at(raw, lines, sizes, narrow, len(long))


def _column_width(long: list[int]) -> int | None:
    """The width of the narrow column most of a page's lines share, if they do (see `soft_wraps`).

    A page of a printed yearbook copied as text keeps one narrow column's lines (16 characters)
    and, where the columns ran side by side, lines two or three times as long: the long ones set
    the usual width, which the column's lines then fall short of. When at least half of the
    lines are of one width (the most common, give or take a character or two), that is the width;
    a column is a page's: eight lines at least (a short article's few lines of like length, a
    title said twice, make none).

    >>> _column_width([12, 15, 15, 16, 16, 16, 16, 17, 18, 43, 46, 48])
    16
    >>> _column_width([20, 30, 40, 50, 60, 70]) is None
    True
    >>> _column_width([29, 31, 33, 33, 48, 85, 93, 135]) is None
    True
    """
    mode = max(set(long), key=long.count)
    near = sum(0.85 * mode <= n <= mode + 2 for n in long)
    return mode if near >= _COLUMN_LINES and near * 2 >= len(long) else None


#: The fewest lines of one width that make a page's column.
_COLUMN_LINES = 8


def _wraps_at(
    raw: str, lines: list[tuple[int, int]], sizes: list[int], width: int, count: int
) -> list[tuple[int, int]]:
    """The breaks to join in lines wrapped at `width`, if enough lines were cut there (see `soft_wraps`)."""
    if not 12 <= width <= 90:
        return []
    joins: list[tuple[int, int]] = []
    cut = 0
    for i, (a, b) in enumerate(lines[:-1]):
        line = raw[a:b].rstrip()
        # a paragraph's first line is indented: its indent takes width too (four spaces, two 全角)
        indent = len(line) - len(line.lstrip(" \t\u3000"))
        full = sizes[i] + (indent + line[:indent].count("\u3000")) // 2
        if full < 0.85 * width or not line or line[-1] in LINE_CLOSE or line.endswith("|"):
            continue  # a table's row (| 事故起数 | 156 |) is no sentence a wrap cut
        cut += 1
        na, nb = lines[i + 1]
        nxt = raw[na:nb]
        if not nxt.strip() or _NEW_ITEM.match(nxt) or _PAGE_NUMBER_LINE.fullmatch(nxt.strip()):
            continue
        left, right = line[-1], nxt[0]
        if (left.isdigit() and right.isdigit()) or (
            left.isascii() and left.isalpha() and right.isascii() and right.isalpha()
        ):
            continue
        end = a + len(raw[a:b].rstrip("\r\n"))
        joins.append((end, b))
    return joins if cut * 3 >= count else []


#: A line break between two Chinese characters, the only place `word_wraps` looks.
_HAN_BREAK = compile_pattern(r"(?<=[\u4e00-\u9fff])\r?\n(?=[\u4e00-\u9fff])")


#: What shows a line holds a sentence under way: full-width marks only, as a heading that
#: keeps an ASCII comma (鎮(zhèn)遠(yuǎn)交警車管貼心服務,嚴格落實放管服) is no body line, and
#: no enumeration comma, which headings (一、) and crawled lines cut short share.
_IN_SENTENCE = frozenset("，；")


#: The print width a line must have to be a body line a break could cut (see `word_wraps`).
_BODY_LINE = 16


def word_wraps(raw: str, start: int) -> list[tuple[int, int]]:
    """Find line breaks that cut a word in a text whose lines are not of one width.

    Text copied out of a PDF or pasted by an editor often keeps some of its hard breaks but
    not all, so `soft_wraps` finds no width; a break right inside a word (暂扣、吊 / 销驾驶证,
    同比 / 增加27起, 违法 / 停车23810起) still cuts the figure from the words that name it. A break
    between two Chinese characters is joined when its line is a body line already under way
    (as wide as `_BODY_LINE`, holding a full-width comma or semicolon, and if numbered, a full
    stop after its heading) and the next line starts no new item; a break before a digit is for
    the number rules.

    >>> raw = "一、基本情况\\n全市共查处交通违法行为，其中违法\\n停车23810起。\\n"
    >>> [raw[a:b] for a, b in word_wraps(raw, 0)]
    ['\\n']
    """
    joins: list[tuple[int, int]] = []
    for m in _HAN_BREAK.finditer(raw, start):
        a = raw.rfind("\n", start, m.start()) + 1
        line = raw[max(a, start) : m.start()]
        if print_width(line.strip()) < _BODY_LINE or not _IN_SENTENCE.intersection(line):
            continue
        if _NEW_ITEM.match(line.lstrip(" \t\u3000")) and "。" not in line:
            continue  # a numbered heading (四、宣传引导，“护考”信息早知道), not a body line
        if _NEW_ITEM.match(raw, m.end()):
            continue
        joins.append((m.start(), m.end()))
    return joins


#: A line a PDF's copy spread out one character apart (全 市 共 查 处 酒 驾 1 2 3 起): one and the same
#: gap (a blank, two blanks or an ideographic space) between single characters; `letter_spaces`
#: checks its Chinese.
_SPACED_LINE = compile_pattern(r"[ \t\u3000]*+(\S(?P<gap>\u3000| {1,2})(?:\S(?P=gap))*+\S)[ \t\u3000]*+\r?\Z")


#: What a spread-out line's gap is made of.
_GAP_CHARS = " \u3000"


#: Chinese characters a spread-out line must hold (a row of one-digit cells, 1 2 3 4 5, holds none).
_SPACED_HAN = 3


def letter_spaces(raw: str, start: int) -> list[tuple[int, int]]:
    """Find the gaps a PDF's copy put between every two characters of a line, to drop them.

    A justified PDF page copied as text often comes out with a blank after every character on
    some of its lines (全 市 共 查 处 酒 驾 1 2 3 起, 7 6 . 1 %), while its other lines read normally.
    Such a gap is no word break: left in, it cuts a unit (3 8 6 0 辆 次 read as 辆), a decimal
    (7 6 . 1 % read as 1%) and every cue word (查 处, 同 比 上 升) from the rules. Only a whole
    line whose characters all stand one same gap apart, with Chinese among them, is taken; a line
    spaced by words (查处 酒驾 123 起) or a table's row of aligned columns has wider or uneven gaps.

    >>> raw = "统一行动6次。\\n全 市 共 查 处 酒 驾 1 2 3 起 ，\\n1 2 3 4 5\\n"
    >>> raw += "同\\u3000比\\u3000上\\u3000升\\n"
    >>> [raw[a:b] for a, b in letter_spaces(raw, 0)].count(" "), len(letter_spaces(raw, 0))
    (11, 14)
    >>> letter_spaces("城区大队 46 9 +12.2\\n合  计    123   27\\n", 0)
    []
    """
    gaps: list[tuple[int, int]] = []
    pos, size = start, len(raw)
    while pos < size:  # line by line: a look at a line's second character rules out nearly all
        end = raw.find("\n", pos)
        end = size if end < 0 else end
        head = raw[pos : min(end, pos + 40)].lstrip(" \t\u3000")
        m = _SPACED_LINE.match(raw, pos, end) if len(head) > 2 and head[1] in _GAP_CHARS else None
        pos = end + 1
        if m is None:
            continue
        body = m.group(1)
        step = 1 + len(m.group("gap"))
        if sum("\u4e00" <= char <= "\u9fff" for char in body[::step]) < _SPACED_HAN:
            continue
        base = m.start(1)
        gaps.extend((base + i, base + i + step - 1) for i in range(1, len(body), step))
    return gaps


_PAGE_NUMBER_LINE = re.compile(r"[-—–~]{1,2}[ \t]*\d{1,4}[ \t]*[-—–~]{1,2}|第[ \t]*\d{1,4}[ \t]*页.*|\d{1,4}")


def print_width(line: str) -> int:
    """How wide a line prints, in Chinese characters: a digit, a Latin letter or a blank takes half.

    A scanned page's OCR spaces a number's digits (1 2 3 6起), which makes a line longer in
    characters but not on the page; counted so, a line of figures is no wider than a line of words.

    >>> print_width("全市共接报各类警情8 6 4 5 2起"), print_width("全市共接报各类警情")
    (15, 9)
    """
    return len(line) - len(line.encode("ascii", "ignore")) // 2  # the ASCII characters, counted in C


# A page's number as a PDF's text gives it, on a line of its own (— 3 —, - 12 -, －３－, 第3页 共12页, 3/12);
# a bare number is left out, as a line may hold nothing but a figure's digits.
_PAGE_FOOTER = re.compile(
    r"[-—–~－﹣]{1,2}[ \t\u3000]*\d{1,4}[ \t\u3000]*[-—–~－﹣]{1,2}"
    r"|第[ \t]*\d{1,4}[ \t]*页(?:[ \t,/]*共[ \t]*\d{1,4}[ \t]*页)?"
    r"|共[ \t]*\d{1,4}[ \t]*页[ \t,]*第[ \t]*\d{1,4}[ \t]*页|\d{1,4}[ \t]*/[ \t]*\d{1,4}"
)


#: A line holding a page's number and blanks only, found in one scan: most texts have none, and
#: they need not be cut into lines (`\s` is what `str.strip` takes away).
_PAGE_FOOTER_LINE = re.compile(rf"^\s*(?:{_PAGE_FOOTER.pattern})\s*$", re.MULTILINE)


#: The most lines a page's foot and the next page's head (blank, number, running header) take.
_PAGE_SEAM = 8


def page_breaks(raw: str, start: int) -> list[tuple[int, int]]:
    """Find the page breaks a PDF's text put inside a sentence, to drop them.

    Between two pages the text holds the page's number, blank lines and the next page's
    running header (the report's title again), wherever the page ended: mid-sentence and even
    mid-number (全县共立刑事案件1 / — 3 — / 报告标题 / 056起). Such a break is dropped when the
    line before it closes no sentence and the line after it starts no new item, so the sentence
    reads on; a header is a line the document repeats word for word. Between two digits one
    line break is kept, for the number rules to judge as they judge any wrap (74 / 8名).

    Returns:
        The ``(start, end)`` spans to drop.

    >>> raw = "立案1\\n\\n  — 3 —\\n\\n报告\\n056起，抓获\\n\\n— 4 —\\n报告\\n嫌疑人5名。\\n\\n— 5 —\\n"
    >>> [raw[a:b] for a, b in page_breaks(raw, 0)]
    ['\\n\\n  — 3 —\\n\\n报告', '\\n\\n— 4 —\\n报告\\n']
    """
    if not _PAGE_FOOTER_LINE.search(raw[start:]):
        return []
    lines = [(m.start(), m.end()) for m in TEXT_LINE.finditer(raw, start) if m.end() > m.start()]
    texts = [raw[a:b].strip() for a, b in lines]
    if not any(_PAGE_FOOTER.fullmatch(t) for t in texts if t and len(t) <= 16):
        return []
    repeated = {t for t, n in Counter(texts).items() if n >= 2 and 2 <= len(t) <= 60}
    cuts: list[tuple[int, int]] = []
    for i, text in enumerate(texts):
        if not (text and len(text) <= 16 and _PAGE_FOOTER.fullmatch(text)):
            continue
        before = i - 1  # a page's foot and the next one's head are a few lines at most
        while before >= max(0, i - _PAGE_SEAM) and (not texts[before] or texts[before] in repeated):
            before -= 1
        after = i + 1
        while after < min(len(lines), i + _PAGE_SEAM) and (not texts[after] or texts[after] in repeated):
            after += 1
        if before < i - _PAGE_SEAM or after >= i + _PAGE_SEAM:
            continue
        if before < 0 or after >= len(lines) or (cuts and cuts[-1][1] > lines[before][0]):
            continue
        line = raw[lines[before][0] : lines[before][1]].rstrip("\r\n")
        nxt = raw[lines[after][0] : lines[after][1]]
        if not line.strip() or line.rstrip()[-1] in LINE_CLOSE or _NEW_ITEM.match(nxt):
            continue
        cut_start, cut_end = lines[before][0] + len(line), lines[after][0]
        if line[-1].isdigit() and nxt[0].isdigit():
            cut_end -= 2 if raw.startswith("\r\n", cut_end - 2) else 1
        cuts.append((cut_start, cut_end))
    return cuts


# A line that is a bare number, maybe with its qualifier or magnitude (1860, 420余, 1.2万): its
# measure word stands on the next line.
_BARE_NUMBER_LINE = re.compile(r"[-+]?\d[\d,. ]*(?:余|多)?[万亿]?(?:余|多)?")


# What joins a line to the next with nothing between: a list's or a clause's own joint (、，),
# or a word that goes on with the phrase before (办理驾驶证审验 / 等业务, 通过APP / 或拨打).
_LINE_JOINT = frozenset("、，,")


_GOES_ON = frozenset("等的和及与或并")


#: A text of phrases needs this many lines at least, half of them this short (print width).
_PHRASE_LINES = 20


_PHRASE_WIDTH = 12


def phrase_lines(raw: str, start: int) -> list[tuple[int, int, str]]:
    """Join the lines of a text copied from a phone's article view, one phrase a line.

    A WeChat post pasted from a phone keeps its layout of short centred lines (累计查处各类交通
    违法行为 / 5372起 / 同比上升 / 12.6% / 其中 / 🍺 酒驾 / 63起), each a phrase of a sentence whose
    punctuation the layout dropped; read as lines, the change had no count before it and the
    breakdown no whole. A text is taken for one when most of its lines are short and close no
    sentence. In a paragraph (lines with no blank between), a break is dropped before a digit or
    a word that goes on (等, 或), after a bare number or a list's 、, and is a comma elsewhere;
    a line that closes a sentence or a heading, and a line opening an item (▲ caption, ▶ link,
    1.), keep theirs.

    Returns:
        The ``(start, end, text)`` replacements of the breaks joined.
    """
    if raw.count("\n", start) + 1 < _PHRASE_LINES:
        return []  # too few lines, blank ones included: no need to cut them out
    lines = [(m.start(), m.end()) for m in TEXT_LINE.finditer(raw, start) if m.end() > m.start()]
    texts = [raw[a:b].strip() for a, b in lines]
    body = [t for t in texts if t]
    if len(body) < _PHRASE_LINES:
        return []
    widths = sorted(print_width(t) for t in body)
    short = sum(1 for n in widths if n <= _PHRASE_WIDTH)
    open_ = sum(1 for t in body if t[-1] not in LINE_CLOSE)
    if short * 3 < len(body) * 2 or open_ * 4 < len(body) * 3:
        return []
    width = widths[(len(widths) - 1) * 4 // 5]
    if sum(1 for n in widths if n >= 0.85 * width) * 2 >= len(body):
        return []  # lines of one width: a narrow column a fixed-width export wrapped (`soft_wraps`)
    reps: list[tuple[int, int, str]] = []
    for i, (a, b) in enumerate(lines[:-1]):
        line, nxt = texts[i], texts[i + 1]
        if not line or not nxt or line[-1] in LINE_CLOSE or _NEW_ITEM.match(raw, lines[i + 1][0]):
            continue
        end = a + len(raw[a:b].rstrip("\r\n"))
        tight = nxt[0].isdigit() or nxt[0] in _GOES_ON or line[-1] in _LINE_JOINT
        tight = tight or _BARE_NUMBER_LINE.fullmatch(line) is not None
        reps.append((end, b, "" if tight else "，"))
    return reps
