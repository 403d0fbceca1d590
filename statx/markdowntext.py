"""Read a Markdown document's text into a TextBuilder: its marks, blocks and inline HTML give none.

Fenced code and HTML comments give no text; nor do the markers around a figure (``**58957**``,
`` `4,512` ``, ``*12.3%*``), images, backslash escapes and list items that are only a link
(another article's headline). Lines a writer wrapped inside a paragraph are joined, as a
renderer joins them; pandoc's grid tables, definitions and line blocks, tables pasted into
the file and the inline HTML an editor left (``<br>`` in a cell, ``<sup>``) are read as the
rendered page shows them.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right

from statx.contentruns import clear_of, emit_between, emit_plain, emit_replacing
from statx.htmltext import BLOCK_TAGS, CELL_TAGS, HAN_CHAR, INVISIBLE, script_reading
from statx.normalize import TextBuilder
from statx.textlines import LINE_CLOSE
from statx.texttables import pasted_tables

__all__ = ["emit_markdown"]


# An HTML comment in Markdown gives no text, as a renderer shows none (`<!-- 旧数据：查处1234起 -->`).
_HTML_COMMENT = re.compile(r"<!--[\s\S]*?(?:-->|\Z)")


_FENCE_LINE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})(?P<rest>[^\n]*)$", re.MULTILINE)


def _fenced_blocks(raw: str, start: int) -> list[tuple[int, int]]:
    """Find fenced code blocks: from the opening fence line to the end of the closing one.

    A closing fence uses the same character, is at least as long and carries
    nothing else; an unclosed fence runs to the end (as in CommonMark).
    """
    blocks: list[tuple[int, int]] = []
    if "```" not in raw and "~~~" not in raw:  # every fence holds one: skip the scan of each line
        return blocks
    opening: re.Match[str] | None = None
    for line in _FENCE_LINE.finditer(raw, start):
        if opening is None:
            if not (line["fence"][0] == "`" and "`" in line["rest"]):
                opening = line
        elif (
            line["fence"][0] == opening["fence"][0]
            and len(line["fence"]) >= len(opening["fence"])
            and not line["rest"].strip()
        ):
            blocks.append((opening.start(), line.end()))
            opening = None
    if opening is not None:
        blocks.append((opening.start(), len(raw)))
    return blocks


# Strong emphasis is formatting, like an inline HTML tag: a figure set in bold
# (查处违法**58957**起, **156** 次) must read as one. `***` (bold italic) is left alone.
_MD_STRONG_MARK = re.compile(r"(?<!\*)\*\*(?!\*)")


# So is an inline code span that holds nothing but a number (抽检 `4,512` 批次, 覆盖 `45` 家):
# its backticks vanish too. A code span with anything else in it (`code 3`) stays as written.
_MD_NUMBER_CODE = re.compile(
    r"(?<!`)(?P<tick>`{1,2})(?!`)[ \t]?\d[\d.,]*(?:[ \t]?[万亿])?%?[ \t]?(?P=tick)(?!`)"
)


# Emphasis of any kind around a number (上升 *12.3%*, 醉驾 _47_ 起, ***356*** 起, __1.2万__ 人次,
# *3.5万*份) is formatting too: its markers vanish, else the `*` or `_` before the digits reads as
# a joining symbol and the one after cuts the number from its unit. The content must start
# with a digit and hold no marker; a marker touching a letter or digit (2*3*4, id_12_3) is none.
_MD_NUMBER_EMPHASIS = re.compile(
    r"(?<![A-Za-z0-9*_])(?P<mark>\*{1,3}|_{1,3})(?=\d)[^*_\s](?:[^*_\n]{0,30}[^*_\s])?(?P=mark)(?![A-Za-z0-9*_])"
)


# An image gives no text, its alt text included: the alt is a caption or a file name
# (![图为民警走访2户居民](a.png), ![微信图片_20221108](b.jpg)), never the article's prose; an HTML
# <img alt> is an attribute and gives none either. A `[link](target)` keeps its text.
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^()\n]*\)")


# A backslash escaping ASCII punctuation gives no text (CommonMark): converters write 3\.5% and
# 1\,200 户, which must read 3.5% and 1,200, not 5% and 200.
_MD_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


def _markdown_marks(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """The formatting markers and images in ``raw[start:end]`` that give no text, in order.

    >>> raw = "抽检`4,512`批次，**156** 次，`code 3`，*12%*，_47_ 起，2*3*4"
    >>> [raw[a:b] for a, b in _markdown_marks(raw, 0, len(raw))]
    ['`', '`', '**', '**', '*', '*', '_', '_']
    >>> raw = "共**3**人 ![图为**2**名民警](a.png) 增长3\\\\.5%"
    >>> [raw[a:b] for a, b in _markdown_marks(raw, 0, len(raw))]
    ['**', '**', '![图为**2**名民警](a.png)', '\\\\']
    """
    # bounded searches: a document is run through here in many pieces, and `in` scans all of it
    has_image = raw.find("![", start, end) != -1
    images = [(m.start(), m.end()) for m in _MD_IMAGE.finditer(raw, start, end)] if has_image else []
    marks = [(a, b) for a, b in _marks_outside_images(raw, start, end) if not _inside(a, images)]
    if raw.find("\\", start, end) != -1:
        taken = {a for a, _ in marks}
        marks += (
            (m.start(), m.end())
            for m in _MD_ESCAPE.finditer(raw, start, end)
            if m.start() not in taken and not _inside(m.start(), images)
        )
    return sorted(marks + images)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _marks_outside_images(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """The formatting markers in ``raw[start:end]``: a number's backticks and emphasis, ``**``."""
    marks: list[tuple[int, int]] = []
    # each pattern is scanned only where its marker occurs at all: most articles have none
    if raw.find("`", start, end) != -1:
        for code in _MD_NUMBER_CODE.finditer(raw, start, end):
            tick = len(code["tick"])
            marks += [(code.start(), code.start() + tick), (code.end() - tick, code.end())]
    if raw.find("*", start, end) != -1 or raw.find("_", start, end) != -1:
        for emphasis in _MD_NUMBER_EMPHASIS.finditer(raw, start, end):
            size = len(emphasis["mark"])
            marks += [(emphasis.start(), emphasis.start() + size), (emphasis.end() - size, emphasis.end())]
    if raw.find("**", start, end) != -1:
        taken = set(marks)
        marks += (
            (m.start(), m.end())
            for m in _MD_STRONG_MARK.finditer(raw, start, end)
            if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b in taken)
        )
    return marks


# A list item that is nothing but a link, maybe with a date after it: a Markdown crawl's list of
# related articles or navigation (- [市检察院工作报告：起诉犯罪嫌疑人3,516人](/news/0032.html)).
# Its text is another article's headline, like the HTML related lists dropped as page chrome.
_MD_LINK_ITEM = re.compile(
    r"^[ \t]{0,3}(?:[-*+]|\d{1,2}[.)])[ \t]+\[[^\[\]\n]+\]\([^()\s]*\)"
    r"[ \t]*[(（]?(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)?[)）]?[ \t]*$",
    re.MULTILINE,
)


def _emit_markdown_run(builder: TextBuilder, raw: str, start: int, end: int) -> None:
    """Emit a stretch of Markdown outside code fences, leaving out `**` markers, a number's backticks
    and list items that are only a link (related articles: another article's headline)."""
    pos = start
    for item in _MD_LINK_ITEM.finditer(raw, start, end):
        _emit_markdown_marked(builder, raw, pos, item.start())
        pos = item.end()
    _emit_markdown_marked(builder, raw, pos, end)


def _emit_markdown_marked(builder: TextBuilder, raw: str, start: int, end: int) -> None:
    """Emit Markdown text, leaving out `**` markers and a number's backticks, and reading inline HTML."""
    marks = _markdown_marks(raw, start, end)
    joins = _markdown_soft_breaks(raw, start, end)
    tables = pasted_tables(raw, start, end)
    pandoc = _pandoc_blocks(raw, start, end)
    has_html = raw.find("<", start, end) != -1 or raw.find("&", start, end) != -1
    if not has_html and not joins and not tables and not pandoc:  # most Markdown has no HTML in it
        emit_between(emit_plain, builder, raw, start, end, marks)
        return
    if pandoc:  # a definition's term and its text are one line, not a break the soft breaks join
        kept = set(clear_of([(a, b) for a, b, _ in joins], [(a, b) for a, b, _ in pandoc], touching=True))
        joins = [join for join in joins if join[:2] in kept] + pandoc
    html_marks = _markdown_html(raw, start, end) if has_html else []
    if tables:  # a pasted table's lines are rows, not a paragraph's wrapped lines
        spans = [(a, b) for a, b, _ in tables]
        kept = set(clear_of([(a, b) for a, b, _ in joins], spans, touching=True))
        joins = [join for join in joins if join[:2] in kept]
        joins.extend(rep for _, _, table in tables for rep in table)
    emit_replacing(emit_plain, builder, raw, start, end, _merge_marks(marks, sorted(html_marks + joins)))


# Pandoc's Markdown: a grid table's border (+------+------+, +======+ under the header), a
# definition (a term's line, then `:` or `~` and the text, maybe a blank line between) and a
# line block's line (| 安委办通报〔2025〕3号: one `|` and no cell after it).
_GRID_BORDER = re.compile(r"^[ \t]*\+(?:[-=:]+\+){2,}[ \t]*(?:\n|$)", re.MULTILINE)


_DEFINITION = re.compile(r"^[ \t]{0,3}[:~][ \t]+(?=\S)", re.MULTILINE)


_DEFINITION_GATE = re.compile(r"\n[ \t]{0,3}[:~][ \t]")


_LINE_BLOCK = re.compile(r"^\|[ \t]+(?=[^|\n]*$)", re.MULTILINE)


def _pandoc_blocks(raw: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The marks of pandoc's own Markdown blocks in ``raw[start:end]``, as ``(start, end, text)``.

    A PDF or a web page converted by pandoc keeps its tables as grid tables, its lists of
    kinds as definition lists and its letterhead as a line block. Read as they stand, a grid
    table's border lines parted every row from its header (so no cell knew its column: 6810起 was
    no accident count), a definition's text lost its term (查处51.2万起 under 驾乘人员未佩戴安全头盔
    read as any violations) and a line block's `|` made a letterhead a table. A border line
    goes, leaving the rows one under the other as a pipe table's; a term and its definition are
    joined by a blank (驾乘人员未佩戴安全头盔 查处51.2万起), as a renderer shows them side by side:
    a colon would end the clause and leave the count only its verb; a line block's `|` goes.

    >>> raw = "+----+----+\\n| 区 | 起 |\\n+====+====+\\n| 东 | 6起 |\\n+----+----+\\n"
    >>> raw += "闯红灯\\n:   查处17起\\n| 3号"
    >>> [(raw[a:b], t) for a, b, t in _pandoc_blocks(raw, 0, len(raw))]
    [('+----+----+\\n', ''), ('+====+====+\\n', ''), ('+----+----+\\n', ''), ('\\n:   ', ' '), ('| ', '')]
    """
    out: list[tuple[int, int, str]] = []
    if raw.find("+-", start, end) != -1 or raw.find("+=", start, end) != -1:
        out += ((m.start(), m.end(), "") for m in _GRID_BORDER.finditer(raw, start, end))
    if _DEFINITION_GATE.search(raw, start, end):  # a colon opening a line: rare outside pandoc
        for m in _DEFINITION.finditer(raw, start, end):
            lo = max(start, m.start() - 200)
            term_end = lo + len(raw[lo : m.start()].rstrip())  # back over the break, a blank line
            term_start = raw.rfind("\n", start, term_end) + 1
            term = raw[term_start:term_end]
            gap = raw[term_end : m.start()]
            if (
                term.strip()
                and gap.count("\n") <= 2
                and term[-1] not in LINE_CLOSE
                and not _MD_BLOCK_START.match(term)
            ):
                out.append((term_end, m.end(), " "))
    if raw.find("| ", start, end) != -1:
        out += ((m.start(), m.end(), "") for m in _LINE_BLOCK.finditer(raw, start, end))
    return sorted(out)


# A line that opens a Markdown block (heading, quote, table row, list item, fence, rule, HTML,
# footnote) or a report's numbered heading (一、, （二）, 第三章): never the rest of a paragraph.
_CN_NUMERAL = "一二三四五六七八九十"


_CN_HEADING = rf"[{_CN_NUMERAL}]+[、.]|[(（][{_CN_NUMERAL}\d]+[)）]|第[{_CN_NUMERAL}\d]+[章节条部分]"


_MD_BLOCK_START = re.compile(
    rf"[ \t]*(?:#|>|\||[-*+][ \t]|\d{{1,9}}[.)][ \t]|```|~~~|<|\[\^|---|\*\*\*|___|$|{_CN_HEADING})"
)


# A line that is no paragraph's text: a heading (Markdown's or a report's 一、…), a table row, a
# fence, HTML, a footnote, a rule.
_MD_NOT_TEXT = re.compile(rf"[ \t]*(?:#|\||```|~~~|<|\[\^|---|\*\*\*|___|{_CN_HEADING})")


# A line opened by a pictograph or a bullet sign (📊 网上办理率：46.6%, ✅ …, ▌户政篇, ●, ①) is an item of
# its own: a post copied from a WeChat account lists its figures so, one a line, and a renderer's
# joining them would give one item's figure the words of the next (46.6% read as 群众满意率).
_ITEM_SIGN = re.compile(
    r"[\u2190-\u21ff\u2460-\u24ff\u2580-\u27bf\u2b00-\u2bff\u3297\u3299\U0001f000-\U0001faff•※]"
)


# What opens a list item or a quote's line, before its text.
_MD_LINE_PREFIX = re.compile(r"[ \t]*(?:>[ \t]*)*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?")


def _markdown_soft_breaks(raw: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The line breaks inside a Markdown paragraph or list item, which a renderer shows as none.

    A writer or an editor wraps a paragraph (共查处各类 / 交通违法4.8万起) or a list item's text
    (出动警车 / ␣␣2860辆次); Markdown joins such lines, while the rules would read the break as the
    end of a clause and the figure would lose the words that name it. A break is joined only
    after a line of text (eight characters or more, or a list item's) that closes no sentence
    and keeps no hard break (two spaces, a backslash), before a line that opens no block; a line
    that ends on a table cell's bar (a page's `…同比下降50%以上。 |` scraped from its layout table)
    closes its row, so a heading on the next line (相关阅读:) keeps its own line; between
    two Chinese characters it gives nothing, else a space; between two digits it is left for
    the number rules. A line opened by a pictograph or a bullet sign (📊, ✅, ●, ①) is an item.

    >>> raw = "# 标题\\n假期全市共查处各类\\n交通违法4.8万起，出动警车\\n  2860辆次。\\n- 第二项\\n二、下一步"
    >>> [(raw[a:b], t) for a, b, t in _markdown_soft_breaks(raw, 0, len(raw))]
    [('\\n', ''), ('\\n  ', ' ')]
    """
    out: list[tuple[int, int, str]] = []
    line_start = start
    while (brk := raw.find("\n", line_start, end)) != -1 and brk + 1 < end:
        line, nxt_start = raw[line_start:brk].rstrip("\r"), brk + 1
        last = line.rstrip()[-1:]  # the body's last character: most lines close a sentence
        if not last or last in LINE_CLOSE:
            line_start = nxt_start
            continue
        nxt_end = raw.find("\n", nxt_start, end)
        nxt = raw[nxt_start : end if nxt_end == -1 else nxt_end]
        prefix = _MD_LINE_PREFIX.match(line)
        body = line[prefix.end() if prefix else 0 :].strip()
        if (
            body
            and len(body) >= (4 if prefix and prefix.group().strip() else 8)
            and body[-1] not in LINE_CLOSE
            and body[-1] != "|"
            and not line.endswith(("  ", "\\"))
            and not _MD_NOT_TEXT.match(line)
            and not _MD_BLOCK_START.match(nxt)
            and not _ITEM_SIGN.match(nxt.lstrip(" \t"))
        ):
            indent = len(nxt) - len(nxt.lstrip(" \t"))
            left, right = body[-1], nxt[indent : indent + 1]
            if not (left.isdigit() and right.isdigit()):
                text = "" if HAN_CHAR.match(left) and HAN_CHAR.match(right) else " "
                out.append((line_start + len(line), nxt_start + indent, text))
        line_start = nxt_start
    return out


def _merge_marks(
    marks: list[tuple[int, int]], html_marks: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Markers that give no text and HTML that gives some, in order; an HTML tag inside an image goes."""
    merged = [(a, b, "") for a, b in marks]
    starts = [a for a, _ in marks]
    for m in html_marks:
        k = bisect_right(starts, m[0]) - 1
        if k < 0 or marks[k][1] <= m[0]:  # not inside a marker or an image
            merged.append(m)
    return sorted(merged)


# Inline HTML in Markdown: known tags and character references. A tag gives no text, but a block
# (<br>, </tr>, <table>) breaks the line and a cell opens with " | ", as in an HTML page; inside a
# Markdown table's row a <br> keeps the row one line, as it does in an HTML cell.
_MD_HTML = re.compile(
    r"<(?P<close>/?)(?P<tag>[a-zA-Z][a-zA-Z0-9]{0,9})\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*?/?>"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});"
)


#: A superscript or subscript with its text and nothing else inside: `script_reading` reads it.
_MD_SCRIPT = re.compile(r"<(?P<tag>su[pb])\b[^<>]*>(?P<text>[^<>]{1,12})</(?P=tag)\s*>", re.IGNORECASE)


_MD_INLINE_TAGS = frozenset(
    ("span", "font", "b", "strong", "em", "i", "u", "s", "del", "ins", "mark", "small", "big", "sup", "sub")
) | frozenset(("a", "img", "abbr", "code", "kbd", "center", "thead", "tbody", "tfoot", "caption"))


def _markdown_html(raw: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The inline HTML in Markdown ``raw[start:end]``: ``(start, end, text it gives)`` for each tag and
    character reference.

    >>> raw = "| 抓获<br>嫌疑人 | <b>1</b>,<b>962</b>名 |\\n满意率<span>99</span>.2%&nbsp;<br/>完"
    >>> [(raw[a:b], t) for a, b, t in _markdown_html(raw, 0, len(raw))][-3:]
    [('</span>', ''), ('&nbsp;', '\\xa0'), ('<br/>', '\\n')]
    >>> [t for a, b, t in _markdown_html(raw, 0, len(raw))][:5]
    ['', '', '', '', '']
    """
    out: list[tuple[int, int, str]] = []
    passed = start  # the end of a <sup>…</sup> read whole
    for m in _MD_HTML.finditer(raw, start, end):
        if m.start() < passed:
            continue
        tag = m["tag"]
        script = _MD_SCRIPT.match(raw, m.start(), end) if tag in ("sup", "sub") and not m["close"] else None
        if script is not None:  # read apart from the number it touches, as in a page (120<sup>1</sup>所)
            reading = script_reading(tag, raw[max(start, m.start() - 4) : m.start()], script["text"])
            if reading is not None:
                a, b = script.span("text")
                out.extend([(m.start(), a, ""), (a, b, reading), (b, script.end(), "")])
                passed = script.end()
                continue
        if tag is None:
            decoded = html.unescape(m[0])
            out.append((m.start(), m.end(), "" if decoded in INVISIBLE else decoded))
            continue
        tag = tag.lower()
        if tag == "br":
            line = raw.rfind("\n", start, m.start()) + 1
            if raw[line : m.start()].lstrip(" \t").startswith("|"):  # a Markdown table's cell
                before, after = raw[m.start() - 1 : m.start()], raw[m.end() : m.end() + 1]
                text = "" if HAN_CHAR.match(before) and HAN_CHAR.match(after) else " "
            else:
                text = "\n"
        elif tag in CELL_TAGS:
            text = "" if m["close"] else " | "
        elif tag in BLOCK_TAGS:
            text = "\n"
        elif tag in _MD_INLINE_TAGS:
            text = ""
        else:
            continue  # not a tag this reads: left as written
        out.append((m.start(), m.end(), text))
    return out


def emit_markdown(builder: TextBuilder, raw: str, start: int) -> None:
    """Pass Markdown through as text, except fenced code blocks, HTML comments and formatting markers,
    which give no text."""
    cuts = _fenced_blocks(raw, start)
    if "<!--" in raw:
        comments = [(m.start(), m.end()) for m in _HTML_COMMENT.finditer(raw, start)]
        cuts = sorted(cuts + clear_of(comments, cuts))
    emit_between(_emit_markdown_run, builder, raw, start, len(raw), cuts)
