"""Read the text of an HTML page (or a crawl's text with markup left in) into a TextBuilder.

HTML is tokenised with the standard library's ``html.parser``: it is tolerant of broken
markup and, unlike selectolax or lxml, reports where each token starts (``getpos()``), which
a precomputed line-start table turns into an absolute offset. The tests hold the text it
yields against selectolax's lexbor (a browser-grade parser) as an oracle.

Block tags break the line, table cells stay on their row's line as `` | `` cells (with an
empty cell where a row or column span reaches), inline tags vanish, and page chrome
(navigation, footers, related lists), scripts, the head and ruby annotations give no text.
The Markdown reader shares the tag sets and the reading of ``<sup>``/``<sub>``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from html.parser import HTMLParser

from statx.contentruns import emit_content
from statx.normalize import TextBuilder

__all__ = ["BLOCK_TAGS", "CELL_TAGS", "HAN_CHAR", "INVISIBLE", "emit_html", "script_reading"]


# Tags that break a line; every other tag (inline or unknown) vanishes without text.
BLOCK_TAGS: frozenset[str] = frozenset[str]().union(
    ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"),
    ("dl", "dt", "dd", "section", "article", "header", "footer", "blockquote", "pre", "hr", "main"),
    ("nav", "aside", "figure", "figcaption", "caption", "thead", "tbody", "tfoot", "form", "address"),
    ("center", "body", "html"),
)


# Table cells stay on their row's line, separated like a Markdown table, so a figure in one
# cell keeps the row's first cell as the words before it (查处酒驾 | 135起).
CELL_TAGS = frozenset(("td", "th"))


_SKIP_TAGS = frozenset(("script", "style", "noscript", "template"))  # never shown as the article


# A ruby annotation (<ruby>萬<rt>wàn</rt></ruby>, <rp>(</rp> around it for old browsers) is
# a reading aid above the text, pinyin or zhuyin, like the bracketed pinyin statx.normalize
# drops: its text vanishes, or 4.3<ruby>萬<rt>wàn</rt></ruby>餘輛 reads 4.3万wàn余辆 and
# loses its unit. HTML lets </rt> and </rp> go unwritten: the next <rt>/<rp> or </ruby>
# ends one too, so a missing end tag cannot swallow the article.
_RUBY_NOTE_TAGS = frozenset(("rt", "rp"))


# Page chrome: navigation, footers, share bars and lists of related articles carry numbers
# (view counts, other articles' headlines, ICP ids) that are not the article's figures; Chinese
# CMS name some in pinyin (xgxw 相关新闻, xgwz 相关文章, fenye 分页).
_CHROME_TAGS = frozenset(("nav", "footer", "aside"))


_CHROME_NAME = re.compile(
    r"(?i)(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|foot|ft|bottom|share|sharebar|sidebar|"
    r"related|relate|recommend|comments?|copyright|pagination|pager|fenye|prev|next|prevnext|prenext|toolbar|"
    r"hotnews|rank|ads?|advert|xgxw|xgwz)(?:$|[\s_-])"
)


# A ranking named on a table is the article's ranking table (排名 | 单位 | 死亡人数同比, a bulletin's
# league of districts), not a side list of the most read stories, which a CMS lays out as a list.
_RANKING_NAME = re.compile(r"(?i)(?:^|[\s_-])rank(?:$|[\s_-])")


_DATA_TABLE_TAGS = frozenset(("table", "thead", "tbody", "tr", "td", "th"))


def _chrome_name(tag: str, value: str | None) -> bool:
    """Whether a class or id `value` on `tag` names page chrome (see `_CHROME_NAME`).

    >>> _chrome_name("ul", "rank"), _chrome_name("table", "rank"), _chrome_name("table", "footer")
    (True, False, True)
    """
    if not value or not _CHROME_NAME.search(value):
        return False
    return tag not in _DATA_TABLE_TAGS or bool(_CHROME_NAME.search(_RANKING_NAME.sub(" ", value)))


class _Held:
    """Stands in for the TextBuilder inside page chrome: records what would be written.

    Chrome is dropped when its element closes; if it never closes (broken HTML), what was
    held is written after all, so an unbalanced `<div class="nav">` cannot swallow an article.
    """

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[object, ...]]] = []

    def __getattr__(self, name: str) -> Callable[..., None]:
        return lambda *args: self.calls.append((name, args))

    def replay(self, builder: TextBuilder) -> None:
        for name, args in self.calls:
            getattr(builder, name)(*args)


# Characters that give no text, written as references (&#8203; &shy; &#xFEFF;): editors put them
# inside numbers, and they vanish like the raw characters do (see statx.normalize's noise).
INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")


# Superscript and subscript: read apart from the text they touch (see `_HtmlText._emit_script`).
_SCRIPT_TAGS = frozenset(("sup", "sub"))


_FOOTNOTE_MARK = re.compile(
    r"\s*[\[(（【]?(?:\d{1,3}|[A-Za-z]|[*#†‡]{1,3}|[\u2460-\u2473]|注\d{0,2}|[一二三四五六七八九十]{1,2})[\])）】]?\s*"
)


_POWER_BASE = re.compile(r"[×xX*·]\s?10\Z")


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def script_reading(tag: str, before: str, text: str) -> str | None:
    """What the `text` of a ``<sup>``/``<sub>`` after `before` reads as; None when as written.

    ² or ³ after a metre (a unit); a power of ten's superscript digits; nothing for a footnote
    marker after anything but a letter (see `_HtmlText._emit_script`).

    >>> script_reading("sup", "面积100m", "2"), script_reading("sup", "120", "1")
    ('²', '')
    >>> script_reading("sub", "CO", "2") is None
    True
    """
    if tag == "sup" and text in ("2", "3") and before[-1:] in ("m", "M"):
        return "²" if text == "2" else "³"
    if tag == "sup" and text.isdigit() and text.isascii() and _POWER_BASE.search(before):
        return text.translate(_SUPERSCRIPT)
    if (before[-1:].isascii() and before[-1:].isalpha()) or not _FOOTNOTE_MARK.fullmatch(text):
        return None
    return ""


_NEWLINE = re.compile("\n")


# A Chinese character or full-width punctuation mark: a wrap between two of them is no blank.
HAN_CHAR = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


# A blank in the source that holds a line break (and the indentation after it).
_SOURCE_BREAK = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")


# A tag at a table cell's edge: its own opening or closing tag, or a row's.
_CELL_EDGE = re.compile(r"</?(?:td|th|tr)\b", re.IGNORECASE)


_ROW_TAGS = frozenset(("table", "tr", "thead", "tbody", "tfoot"))


_CUT_NUMBER = re.compile(r"\d(?:,\d{0,2}|\.)\Z")


_WHITESPACE = re.compile(r"\s+")


_BAD_CHARREF = re.compile(r"&#(?!(?:[0-9]+|[xX][0-9a-fA-F]+)(?:[^0-9a-fA-F]|\Z))")


_TABLE_TAG = re.compile(r"<(/?)table\b", re.IGNORECASE)


def _layout_tables(body: str) -> set[int]:
    """The offsets of the ``<table>`` tags in `body` that hold another table: a page's layout.

    An old CMS lays its whole page out in tables (a row for the title, one for the byline, one
    cell for the article) and puts the article's data table inside that cell. Read as a data
    table, the layout table made the article one row (its paragraphs one line) and the data
    table's rows its rows, under the layout's first row as header (您现在的位置…, not 事故起数 /
    同比). A table holding a table is layout: its rows and cells are blocks.

    >>> html = "<table><tr><td><p>正文</p><table><tr><th>同比</th></tr></table></td></tr></table>"
    >>> sorted(_layout_tables(html)), _layout_tables("<table><tr><td>1</td></tr></table>")
    ([0], set())
    """
    stack: list[int] = []
    layout: set[int] = set()
    for m in _TABLE_TAG.finditer(body):
        if not m.group(1):
            if stack:
                layout.add(stack[-1])
            stack.append(m.start())
        elif stack:
            stack.pop()
    return layout


def _span(attrs: list[tuple[str, str | None]], name: str) -> int:
    """A cell's ``rowspan`` or ``colspan``: 1 unless a whole number from 2 to 100 is given.

    >>> _span([("rowspan", "3")], "rowspan"), _span([("colspan", "x")], "colspan"), _span([], "rowspan")
    (3, 1, 1)
    """
    for key, value in attrs:
        if key == name and value and value.strip().isdigit():
            return min(max(int(value.strip()), 1), 100)
    return 1


class _Grid:
    """The columns of one HTML table that cells spanning rows or columns take (see `_grid_cell`)."""

    __slots__ = ("_col", "_extra", "_pending", "_taken")

    def __init__(self) -> None:
        self._pending: dict[int, int] = {}  # column -> rows below the current one a span still covers
        self._taken: set[int] = set()  # the columns of the current row a span from above covers
        self._col = 0
        self._extra = 0  # the columns the open cell spans beyond its first

    def new_row(self) -> None:
        self._taken = {c for c, rows in self._pending.items() if rows > 0}
        self._pending = {c: rows - 1 for c, rows in self._pending.items() if rows > 1}
        self._col = 0
        self._extra = 0

    def open_cell(self, rowspan: int, colspan: int) -> int:
        """Take the cell's columns; return how many separators open it (one, plus one per column
        a span from above covers before it)."""
        skipped = 0
        while self._col in self._taken:
            skipped += 1
            self._col += 1
        if rowspan > 1:
            for c in range(self._col, self._col + colspan):
                self._pending[c] = rowspan - 1
        self._col += colspan
        self._extra = colspan - 1
        return skipped + 1

    def pop_extra(self) -> int:
        extra, self._extra = self._extra, 0
        return extra


class _HtmlText(HTMLParser):
    """Feed HTML tokens to a TextBuilder with their raw offsets.

    Text between tags is content (mapped one to one), entities are atomic
    replacements, block-level tags become an atomic ``"\\n"``, every other tag,
    comment and declaration vanishes, and ``<script>``/``<style>``/``<head>``
    content is dropped.  ``<title>`` text is kept aside as metadata.
    """

    def __init__(self, builder: TextBuilder, body: str, base: int) -> None:
        super().__init__(convert_charrefs=False)
        self._out = builder
        self._body = body
        self._base = base
        # html.parser counts lines by "\n" only, so CR does not disturb the table.
        self._line_starts = [0, *(m.end() for m in _NEWLINE.finditer(body))]
        self._skip = 0
        self._in_head = False
        self._in_title = False
        self.title_parts: list[str] = []
        self._builder = builder
        self._chrome: tuple[str, int] | None = None  # (tag, nesting depth) of the open chrome element
        self._pre = 0  # depth of open <pre> elements, whose line breaks are kept
        self._at_break = True  # the last text given is a block's line break (or none yet)
        self._script: tuple[str, int] | None = None  # an open <sup>/<sub> and where its tag starts
        self._ruby_note = False  # inside a ruby annotation (<rt>, <rp>), whose text is dropped
        self._cell = 0  # depth of open <td>/<th> elements, inside which <br> keeps the row one line
        self._grids: list[_Grid] = []  # the open tables' row and column spans (see `_grid_cell`)
        self._layout = _layout_tables(body) if body.count("<table") + body.count("<TABLE") > 1 else set()
        self._tables: list[bool] = []  # for each open table, whether it lays out the page (no data)

    def keep_lines(self) -> None:
        """Keep the source's line breaks everywhere, as inside ``<pre>`` (for a text with markup left in)."""
        self._pre = 1

    def _pos(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _tag(
        self, tag: str, start: int, end: int, opening: bool, attrs: list[tuple[str, str | None]] | None = None
    ) -> None:
        if tag in _SCRIPT_TAGS:
            self._script = (tag, start) if opening else None
            return
        if tag in _RUBY_NOTE_TAGS or tag == "ruby":
            self._ruby_note = opening and tag != "ruby"
            return
        if tag in _SKIP_TAGS:
            self._skip = self._skip + 1 if opening else max(0, self._skip - 1)
            return
        if tag == "title":
            self._in_title = opening
            return
        if tag == "head":
            self._in_head = opening
            return
        if tag == "table":
            if opening:
                self._tables.append(start in self._layout)
            elif self._tables:
                self._tables.pop()
        elif tag in CELL_TAGS and self._tables and self._tables[-1]:
            tag = "div"  # a layout table's cell is a block of the page, no cell of data
        if tag in BLOCK_TAGS or tag in CELL_TAGS:
            # Body content has begun even if </head> or </title> never came.
            self._in_head = self._in_title = False
            if tag == "pre":
                self._pre = self._pre + 1 if opening else max(0, self._pre - 1)
            if tag in CELL_TAGS:
                self._cell = self._cell + 1 if opening else max(0, self._cell - 1)
            if tag in ("table", "tr"):
                self._grid_tag(tag, opening)
            if not self._skip and not (tag == "br" and self._inside_number(start, end)):
                sep = "\n" if tag in BLOCK_TAGS else " | " if opening else ""
                if self._cell and tag in BLOCK_TAGS and tag not in _ROW_TAGS:
                    sep = self._cell_break(start, end)
                elif tag in CELL_TAGS:
                    sep = self._grid_cell(opening, attrs or [])
                if sep:
                    self._out.append_replace(self._base + start, self._base + end, sep)
                    self._at_break = sep == "\n"

    def _grid_tag(self, tag: str, opening: bool) -> None:
        """Follow a table's rows for `_grid_cell`: a new grid per table, a new row per ``<tr>``."""
        if tag == "table":
            if opening:
                self._grids.append(_Grid())
            elif self._grids:
                self._grids.pop()
        elif opening and self._grids:
            self._grids[-1].new_row()

    def _grid_cell(self, opening: bool, attrs: list[tuple[str, str | None]]) -> str:
        """The separator a cell's tag gives, with an empty cell for each column a span covers.

        A cell spanning rows (``<td rowspan="3">刑事案件</td>``) stands in the first row only, and
        one spanning columns (``<th colspan="2">2026年1至10月</th>``) once: laid out as they are,
        the later cells of a row slide left and no longer stand under their column's header
        (数量 / 同比). An empty cell where a span reaches keeps every row's cells in their columns.
        """
        grid = self._grids[-1] if self._grids else None
        if grid is None:
            return " | " if opening else ""
        if not opening:
            return " | " * grid.pop_extra()
        return " | " * grid.open_cell(_span(attrs, "rowspan"), _span(attrs, "colspan"))

    def _cell_break(self, start: int, end: int) -> str:
        """A line break inside a table cell keeps the row on one line: nothing inside a word, else a space.

        A narrow column wraps its header and its figures (``抓获<br>嫌疑人``, ``2104<br>起``), and
        Word's HTML puts every cell's text in paragraphs (``<td><p>刑事案件</p><p>立案</p></td>``);
        a real line break there would cut the row, leaving a figure without the row's words and
        the next cells without theirs. At a cell's start or end the break gives nothing.
        """
        before, after = self._visible(start, -1), self._visible(end, 1)
        if not before or not after:
            return ""
        return "" if HAN_CHAR.match(before) and HAN_CHAR.match(after) else " "

    def _visible(self, pos: int, step: int) -> str:
        """The nearest character a reader sees before (`step` -1) or after (1) `pos`, past tags and
        blanks; empty at the edge of the table cell (or after a dozen tags: taken as an edge)."""
        body = self._body
        for _ in range(12):
            while 0 < pos < len(body) and body[pos - 1 if step < 0 else pos].isspace():
                pos += step
            if not 0 < pos < len(body):
                return ""
            char = body[pos - 1] if step < 0 else body[pos]
            if char != (">" if step < 0 else "<"):
                return char
            if step < 0:
                tag_start = body.rfind("<", 0, pos - 1)
                if tag_start < 0 or _CELL_EDGE.match(body, tag_start):
                    return ""
                pos = tag_start
            else:
                if _CELL_EDGE.match(body, pos):
                    return ""
                tag_end = body.find(">", pos)
                if tag_end < 0:
                    return ""
                pos = tag_end + 1
        return ""

    def _inside_number(self, start: int, end: int) -> bool:
        """A line break inside a number (1,0<br>56起, 3.<br>5%) is an editor's wrap, not a break.

        Only where the number is plainly cut: a thousands group short of its three digits, or
        a dangling decimal point. Two whole numbers (2019<br>2020) stay apart.
        """
        return (
            end < len(self._body)
            and self._body[end].isdigit()
            and bool(_CUT_NUMBER.search(self._body, max(0, start - 4), start))
        )

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._pos()
        if self._chrome is not None:
            if tag == self._chrome[0]:
                self._chrome = (tag, self._chrome[1] + 1)
        elif tag in _CHROME_TAGS or any(k in ("class", "id") and _chrome_name(tag, v) for k, v in attrs):
            self._chrome = (tag, 1)
            self._out = _Held()  # type: ignore[assignment]
        self._tag(tag, start, start + len(self.get_starttag_text() or "<"), opening=True, attrs=attrs)

    def finish(self) -> None:
        """Write what an unclosed chrome element held back (see `_Held`)."""
        if isinstance(self._out, _Held):
            self._out.replay(self._builder)
            self._out = self._builder
            self._chrome = None

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._pos()
        if tag in BLOCK_TAGS and not self._skip:
            self._tag(tag, start, start + len(self.get_starttag_text() or "<"), opening=True)

    def handle_endtag(self, tag: str) -> None:
        start = self._pos()
        close = self._body.find(">", start)
        self._tag(tag, start, close + 1 if close >= 0 else len(self._body), opening=False)
        if self._chrome is not None and tag == self._chrome[0]:
            depth = self._chrome[1] - 1
            self._chrome = (tag, depth) if depth else None
            if not depth:
                self._out = self._builder  # the chrome is dropped

    def handle_data(self, data: str) -> None:
        if self._skip or self._ruby_note or (self._in_head and not self._in_title):
            return
        start = self._pos()
        text = self._body[start : start + len(data)]  # the parser may have seen a sanitised copy
        if self._in_title:
            self.title_parts.append(text)
        elif self._script is not None:
            self._emit_script(self._script[0], self._script[1], start, text)
            self._at_break = self._at_break and not text.strip()
        elif self._pre or "\n" not in text:
            emit_content(self._out, self._base + start, text)
            self._at_break = self._at_break and not text.strip()
        else:
            self._emit_wrapped(self._base + start, text)

    def _emit_wrapped(self, raw_start: int, text: str) -> None:
        """Emit text whose source lines were wrapped: a blank holding a line break is one space.

        In HTML a line break in the source is blank like a space (outside ``<pre>``): a
        pretty-printed page or Word's HTML export wraps inside a paragraph and indents
        (``查处酒驾\\n        <span>1200</span>\\n        起``), which must read as one line, or the
        figure loses its unit and its words. Right after a block's break, and between two
        Chinese characters (a wrap inside a word), such a blank gives nothing, so the page's
        line structure comes from its tags alone.

        >>> from statx.markup import prepare
        >>> prepare("<p>查处酒驾\\n <b>1200</b>\\n 起，旅客4\\n32万人次，查\\n 处</p>\\n <p>完</p>")[0].text
        '\\n查处酒驾 1200 起,旅客4\\n32万人次,查处\\n\\n完\\n'
        """
        pos = 0
        for blank in _SOURCE_BREAK.finditer(text):
            if blank.start() > pos:
                emit_content(self._out, raw_start + pos, text[pos : blank.start()])
                self._at_break = False
            before, after = text[blank.start() - 1 : blank.start()], text[blank.end() : blank.end() + 1]
            if self._at_break or (HAN_CHAR.match(before) and HAN_CHAR.match(after)):
                pass  # between two Chinese characters a wrap is nothing (查\n处违法), as browsers read it
            else:
                # between digits it stays a break, for the rules to judge (旅客4 / 32万人次 is one
                # number cut by a wrap, 2019 / 2020 two)
                digits = before.isdigit() and after.isdigit()
                self._out.append_replace(
                    raw_start + blank.start(), raw_start + blank.end(), "\n" if digits else " "
                )
            pos = blank.end()
        if pos < len(text):
            emit_content(self._out, raw_start + pos, text[pos:])
            self._at_break = False

    def _emit_script(self, tag: str, tag_start: int, start: int, text: str) -> None:
        """Emit the text of a ``<sup>`` or ``<sub>`` so that it never joins the number before it.

        Removing the tag alone would read ``面积100m<sup>2</sup>`` as 100m2 and ``学校120<sup>1</sup>所``
        as 1201所. A square or cube after a metre becomes ² or ³ (100m², a unit); a power of
        ten (3.5×10<sup>4</sup>) stays a superscript digit, which no rule reads as a digit; a
        footnote marker (1.2亿元<sup>1</sup>, <sup>[2]</sup>, <sup>①</sup>) after anything but a
        letter vanishes; the rest (CO<sub>2</sub>, PM<sub>2.5</sub>, longer text) is kept as written.
        """
        before = self._body[max(0, tag_start - 4) : tag_start]
        raw_start = self._base + start
        reading = script_reading(tag, before, text)
        if reading is None:
            emit_content(self._out, raw_start, text)
        elif reading:
            self._out.append_replace(raw_start, raw_start + len(text), reading)

    def _reference(self, prefix: str, name: str) -> None:
        start = self._pos()
        end = start + len(prefix) + len(name)
        if self._body.startswith(";", end):
            end += 1
        source = self._body[start:end]
        decoded = html.unescape(source)
        if self._in_title:
            self.title_parts.append(decoded)
        elif self._skip or self._in_head or self._ruby_note:
            return
        elif decoded == source:  # not a known entity: ordinary text
            emit_content(self._out, self._base + start, source)
            self._at_break = False
        elif decoded in INVISIBLE:
            return  # 1&#8203;200份 is 1200份, as a raw zero-width space would be
        else:
            self._out.append_replace(self._base + start, self._base + end, decoded)
            self._at_break = False

    def handle_entityref(self, name: str) -> None:
        self._reference("&", name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#", name)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        # `<![foo[` raises AssertionError in _markupbase; treat it as the bogus
        # comment a browser would see, restoring the position it moved.
        saved = self.lineno, self.offset
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.lineno, self.offset = saved
            return self.parse_bogus_comment(i)

    @property
    def title(self) -> str | None:
        text = _WHITESPACE.sub(" ", "".join(self.title_parts)).strip()
        return text or None


# A tag that builds a page's blocks, other than <br>: a text without any is no page but a crawl's
# extraction that left some markup in (<br/>, <b>, &nbsp;), whose own line breaks are its lines.
_HTML_BLOCK_TAG = re.compile(
    r"</?(?:p|div|li|ul|ol|dl|dt|dd|tr|td|th|table|h[1-6]|section|article|header|footer|nav|aside|main"
    r"|blockquote|pre|body|head|html|title|script|style|meta|link|form|center)\b|<!doctype\b",
    re.IGNORECASE,
)


def emit_html(builder: TextBuilder, raw: str, start: int) -> str | None:
    """Strip HTML from ``raw[start:]`` into the builder; return the ``<title>`` text if any.

    Text whose only tags are line breaks and inline runs (``<br/>``, ``<b>``, ``<span>``) is
    what a crawler's extraction leaves: its source line breaks are kept as lines, as in
    ``<pre>``, or a 相关链接 heading, a 下一篇 headline and the footer would run into one line
    with the article's last sentence and the rules that know them by their line would miss them.

    >>> from statx.markup import prepare
    >>> prepare("查处违法12起。<br/>\\n（完）<br/>\\n相关链接：\\n· 3名民警获表彰")[0].text
    '查处违法12起。\\n\\n(完)\\n\\n相关链接:\\n· 3名民警获表彰'
    """
    body = raw[start:] if start else raw
    parser = _HtmlText(builder, body, start)
    if _HTML_BLOCK_TAG.search(body) is None:
        parser.keep_lines()
    # html.parser (3.11) stops for good at a "&#" that does not start a valid
    # character reference, and close() then hands the whole rest over as text,
    # tags included.  Feed it a copy where such a "#" is neutralised; the
    # handlers read text from `body` itself, so offsets and content are unchanged.
    parser.feed(_BAD_CHARREF.sub("&\x01", body) if "&#" in body else body)
    parser.close()
    parser.finish()
    return parser.title
