"""Strip markup and read metadata, producing prepared text that still maps to the raw source.

Articles arrive as HTML (often with a YAML front matter block), Markdown or
plain text, and the kind is known only from the content.  Markup must not be
matched by rules (a URL or an image size is full of digits), yet every figure
found in the remaining text has to point at its characters in the source as
read.  So this module never rewrites the document: it walks it once and tells
a :class:`~statx.normalize.TextBuilder` which raw spans are content, which
stand for a line break or a decoded entity, and which vanish.

This module tells the kinds apart and hands each to its reader: the front matter to
:mod:`statx.frontmatter`, HTML to :mod:`statx.htmltext`, Markdown to :mod:`statx.markdowntext`;
a plain text goes through the line passes of :mod:`statx.textlines` and the table layout of
:mod:`statx.texttables` here. All of them write through :mod:`statx.contentruns`.
"""

from __future__ import annotations

import html
import itertools
import re
from datetime import date
from typing import Literal

from statx.contentruns import clear_of, emit_between, emit_plain, emit_replacing
from statx.frontmatter import front_matter
from statx.normalize import Prepared, TextBuilder
from statx.patterncache import compile_pattern
from statx.textlines import letter_spaces, page_breaks, phrase_lines, soft_wraps, word_wraps
from statx.texttables import pasted_tables

__all__ = ["Kind", "detect_kind", "prepare"]

Kind = Literal["html", "markdown", "text"]


# --- kind detection --------------------------------------------------------------

_HTML_TAG = re.compile(
    r"</?(?:p|div|br|span|a|img|strong|b|em|i|font|li|ul|ol|table|tr|td|th|h[1-6]|section|article"
    r"|header|footer|blockquote|pre|body|head|title|script|style|meta|link)\b[^<>]*>"
    r"|<!--|<!doctype\b|<html\b",
    re.IGNORECASE,
)
_HTML_PAGE_TAG = re.compile(
    r"</?(?:p|div|section|article|header|footer|nav|aside|main|body|head|title|script|style|meta|link)\b[^<>]*>",
    re.IGNORECASE,
)
_HTML_SURE = re.compile(r"<!doctype\b|<html\b|<body\b", re.IGNORECASE)
_MD_STRONG = re.compile(
    r"^ {0,3}(?:#{1,6}[ \t]+\S|```|~~~)|\[[^\]\n]+\]\([^()\s]+\)|(?<!\*)\*\*[^*\s][^*\n]{0,40}\*\*(?!\*)",
    re.MULTILINE,
)
_MD_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S", re.MULTILINE)


_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+[^\s#<]", re.MULTILINE)


def _headings(raw: str, start: int) -> int:
    """How many Markdown ATX headings (`## 二、…`) open lines of `raw` from `start`, up to two."""
    found = _MD_HEADING.finditer(raw, start)
    return sum(1 for _ in itertools.islice(found, 2))


def _may_be_markdown(raw: str) -> bool:
    """Whether `raw` holds a string every `_MD_STRONG` match holds: `in` is far cheaper than a scan."""
    return "#" in raw or "```" in raw or "~~~" in raw or "](" in raw or "**" in raw


def _kind_from(raw: str, start: int) -> Kind:
    if _HTML_SURE.search(raw, start):
        return "html"
    markdown = _may_be_markdown(raw) and _MD_STRONG.search(raw, start) is not None
    # Markdown keeps the inline HTML and comments an editor or a converter left in it (<br> in a
    # table cell, <span style>, <sup>, a CMS's <!-- export note -->): they make it no HTML page,
    # and reading it as one would keep every `**` (共投入警力**1.3**万余人次) and lose its lines.
    # Tags that only a page or a fragment of one carries (<p>, <div>, <section>) still do.
    if markdown and not _HTML_PAGE_TAG.search(raw, start):
        return "markdown"
    # A CMS's Markdown export keeps as HTML the blocks its converter could not turn into Markdown
    # (a <table> with rowspan, a styled <p>) between its own `## ` headings; a page, even a
    # fragment, does not open two lines with a heading's `#`s. Read as HTML, its lines ran
    # together and the byline named every figure up to the first table.
    if markdown and _headings(raw, start) >= 2:
        return "markdown"
    tags = _HTML_TAG.finditer(raw, start)
    if next(tags, None) is not None and next(tags, None) is not None:
        return "html"
    if markdown:
        return "markdown"
    items = _MD_LIST_ITEM.finditer(raw, start)
    if next(items, None) is not None and next(items, None) is not None:
        return "markdown"
    return "text"


def detect_kind(raw: str) -> Kind:
    """Tell HTML, Markdown and plain text apart by content (front matter is ignored).

    HTML needs ``<html>``/``<!doctype>``/``<body>`` or two known tags; Markdown
    needs a heading, a code fence, an inline link, a ``**bold**`` run or two list items.
    Markdown with inline HTML and comments (``<br>``, ``<span>``, ``<sup>``) stays Markdown;
    tags only a page carries (``<p>``, ``<div>``, ``<section>``) make it HTML.

    >>> detect_kind("<p>一</p><p>二</p>"), detect_kind("# 标题\\n正文"), detect_kind("1+1+1<3")
    ('html', 'markdown', 'text')
    >>> detect_kind("<!-- 稿件ID 1 -->\\n# 标题\\n<!-- 待核 -->"), detect_kind("<!-- a --><p>b")
    ('markdown', 'html')
    >>> detect_kind("# 标题\\n| 抓获<br>嫌疑人 | <b>12</b>名 |"), detect_kind("<div>**1**</div><p>二</p>")
    ('markdown', 'html')
    >>> detect_kind("# 报告\\n## 一、概况\\n<p>共<b>12</b>起</p>\\n<table><tr><td>1</td></tr></table>")
    'markdown'
    """
    start, _ = front_matter(raw)
    return _kind_from(raw, start)


# --- plain text: its line passes (statx.textlines), tables (statx.texttables), entities


def _emit_text(builder: TextBuilder, raw: str, start: int) -> None:
    """Pass plain text through, joining the lines a fixed-width export wrapped (see `soft_wraps`)
    and the sentences a page break cut (see `page_breaks`), and laying out pasted tables as
    rows of cells (see `pasted_tables`)."""
    tables = pasted_tables(raw, start, len(raw))
    phrases = [] if tables else phrase_lines(raw, start)
    cuts = [] if phrases else (soft_wraps(raw, start) or word_wraps(raw, start))
    spaced = letter_spaces(raw, start)
    if spaced:
        cuts = sorted(cuts + spaced)
    pages = page_breaks(raw, start)
    if pages:
        cuts = sorted(pages + clear_of(cuts, pages, touching=True))
        phrases = [rep for rep in phrases if clear_of([rep[:2]], pages, touching=True)]
    blanks = _text_entities(raw, start)
    if not tables and not phrases and not blanks:
        emit_between(emit_plain, builder, raw, start, len(raw), cuts)
        return
    spans = [(a, b) for a, b, _ in tables]
    reps = [(a, b, "") for a, b in clear_of(cuts, spans, touching=True)]
    reps.extend(rep for _, _, table in tables for rep in table)
    reps.extend(phrases)
    reps.extend(blanks)  # one overlapping a table's or a phrase's own replacement is skipped
    emit_replacing(emit_plain, builder, raw, start, len(raw), sorted(reps))


# The entities of a blank or an invisible mark a crawl's plain text keeps from the page it was
# cut from (户政窗口办理业务&nbsp;4.6万笔, 接报警情1&#8203;286起): read as the page shows them, or the
# literal `&nbsp;` splits a label from its figure and `&#8203;` a number. Only these few: a text
# that names other entities (&amp; in a URL, &lt; in a formula) is left as written.
_TEXT_ENTITY = compile_pattern(
    r"&(?:nbsp|ensp|emsp|thinsp|shy|zwsp|#(?:160|173|820[1-3]|8194|8195|12288)|#[xX](?:[aA]0|[aA][dD]|200[19bB]|3000));"
)
_INVISIBLE = frozenset("\u200b\u00ad")


def _text_entities(raw: str, start: int) -> list[tuple[int, int, str]]:
    """Replacements for the blank and invisible entities of a plain text: a blank, or nothing.

    >>> _text_entities("业务&nbsp;4.6万笔，1&#8203;286起", 0)
    [(2, 8, '\\xa0'), (15, 22, '')]
    """
    if "&" not in raw:
        return []
    reps = []
    for m in _TEXT_ENTITY.finditer(raw, start):
        char = "\u200b" if m.group() == "&zwsp;" else html.unescape(m.group())
        reps.append((m.start(), m.end(), "" if char in _INVISIBLE else char))
    return reps


# --- entry point -----------------------------------------------------------------


def prepare(raw: str) -> tuple[Prepared, dict[str, str]]:
    """Turn a raw document into the text rules match on, plus its title and date.

    The kind is detected from the content.  Front matter gives metadata and no
    text; HTML loses its tags, comments, scripts and head; Markdown loses its
    fenced code; link targets and URLs are left out everywhere; all content is
    folded by :func:`statx.normalize.fold_text` and cleared of pinyin.

    Args:
        raw: the whole document exactly as read (offsets refer to it).

    Returns:
        The prepared text with its offset map, and metadata holding only the
        keys found among ``title`` and ``date`` (date as ``YYYY-MM-DD`` when
        parseable).

    >>> raw = "---\\ntitle: 示例\\ndate: 2021-12-24\\n---\\n<p>共1&#48;0人</p>"
    >>> prepared, meta = prepare(raw)
    >>> prepared.text, meta
    ('\\n共100人\\n', {'title': '示例', 'date': '2021-12-24'})
    >>> s, e = prepared.to_raw(2, 6)
    >>> raw[s:e]
    '1&#48;0人'
    """
    start, meta = front_matter(raw)
    builder = TextBuilder()
    kind = _kind_from(raw, start)
    # A reader is imported when a document of its kind comes: a plain text needs neither
    # html.parser nor the HTML and Markdown readers' patterns (their import is a fiftieth of
    # `statx extract one.txt`), and a page not the Markdown reader's.
    if kind == "html":
        from statx.htmltext import emit_html

        title = emit_html(builder, raw, start)
        if title is not None and "title" not in meta:
            meta["title"] = title
    elif kind == "markdown":
        from statx.markdowntext import emit_markdown

        emit_markdown(builder, raw, start)
    else:
        _emit_text(builder, raw, start)
    prepared = builder.build()
    if "date" not in meta and (published := page_date(prepared.text)) is not None:
        meta["date"] = published
    return prepared, meta


_DAY = r"((?:19|20)\d{2})\s?[-/.年]\s?(\d{1,2})\s?[-/.月]\s?(\d{1,2})日?"
#: A page's publication date: labelled (发布时间：2024-01-15), or a date with its clock time or its
#: source beside it, as a news page's byline writes it (2024-11-28 08:42  来源：…). Not the
#: visitor's today of a site's top bar (今天是：2024年1月18日 星期四).
#: The leading lookahead lists the characters a match can start with: `re` then rejects most
#: places in one test instead of trying three branches and their lookbehinds at each (4x faster).
_PUBLISHED = re.compile(
    "(?=[发更刊上来12])"
    rf"(?:(?:发布|发表|发文|更新|刊发|上传)(?:时间|日期)\s*[:：]\s*{_DAY}"
    rf"|来源\s*[:：][^\n|·丨]{{1,30}}[|·丨]\s*{_DAY}"
    rf"|(?<!今天是[:：])(?<!今天是)(?<![\d年月日]){_DAY}(?=\s*(?:[0-2]?\d:[0-5]\d|[|·丨]?\s*来源)))"
)
#: How far into a page its byline is looked for.
_BYLINE_REACH = 1200


def page_date(text: str) -> str | None:
    """The publication date a page shows near its top, as ``YYYY-MM-DD``; None when it shows none.

    Pages saved from a site or a news app carry their date in the byline rather than in front
    matter; relative periods (今年以来, 1至10月) resolve against it.

    >>> page_date("今天是：2024年1月18日 星期四 | 发布时间：2024-01-15 16:30 来源：市政数局")
    '2024-01-15'
    >>> page_date("标题 2024-11-28 08:42  来源：XX日报")
    '2024-11-28'
    >>> page_date("来源：区融媒体中心 | 2024-03-18 | 记者 周琳")
    '2024-03-18'
    >>> page_date("2019年12月2日召开会议，共查处违法58957起") is None
    True
    """
    for m in _PUBLISHED.finditer(text, 0, _BYLINE_REACH):
        y, mo, d = next(m.group(k, k + 1, k + 2) for k in (1, 4, 7) if m.group(k))
        try:
            return date(int(y), int(mo), int(d)).isoformat()
        except ValueError:
            continue
    return None
