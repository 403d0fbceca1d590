"""Strip markup and read metadata, producing prepared text that still maps to the raw source.

Articles arrive as HTML (often with a YAML front matter block), Markdown or
plain text, and the kind is known only from the content.  Markup must not be
matched by rules (a URL or an image size is full of digits), yet every figure
found in the remaining text has to point at its characters in the source as
read.  So this module never rewrites the document: it walks it once and tells
a :class:`~statx.normalize.TextBuilder` which raw spans are content, which
stand for a line break or a decoded entity, and which vanish.

HTML is tokenised with the standard library's ``html.parser``: it is tolerant
of broken markup and, unlike selectolax or lxml, reports where each token
starts (``getpos()``), which a precomputed line-start table turns into an
absolute offset. The tests hold the text it yields against selectolax's lexbor
(a browser-grade parser) as an oracle.
"""

from __future__ import annotations

import html
import itertools
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from typing import Literal

from statx.normalize import Prepared, TextBuilder
from statx.patterncache import compile_pattern
from statx.yamlsafe import YAMLSyntaxError, safe_load

__all__ = ["Kind", "detect_kind", "iso_date", "prepare"]

Kind = Literal["html", "markdown", "text"]


# --- front matter --------------------------------------------------------------

# A YAML block at the very start, possibly after a BOM and blank lines.
_FRONT_MATTER = re.compile(
    r"\ufeff?(?:[ \t]*\r?\n)*---[ \t]*\r?\n(?P<body>(?:.*?\n)??)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)",
    re.DOTALL,
)
_KEY_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*\r?$", re.MULTILINE)
_META_KEYS = ("title", "date")


def _front_matter(raw: str) -> tuple[int, dict[str, str]]:
    """Find the front matter block; return where the body starts and the metadata found.

    A leading BOM alone is skipped too.  A ``---`` block that is not a mapping
    (a Markdown rule, say) is not front matter.
    """
    match = _FRONT_MATTER.match(raw)
    if match is None:
        return (1 if raw.startswith("\ufeff") else 0), {}
    fields = _parse_front_matter(match.group("body"))
    if fields is None:
        return (1 if raw.startswith("\ufeff") else 0), {}
    meta: dict[str, str] = {}
    for key in _META_KEYS:
        value = fields.get(key)
        if value is None or value == "":
            continue
        meta[key] = iso_date(value) if key == "date" else str(value).strip()
    return match.end(), meta


def _parse_front_matter(block: str) -> dict[str, object] | None:
    """Parse a front matter block as ``yaml.safe_load`` does, or by ``key: value`` lines if YAML fails."""
    simple = _simple_front_matter(block)
    if simple is not None:
        return simple
    try:
        loaded = safe_load(block)
    except (YAMLSyntaxError, ValueError, OverflowError):
        # ValueError: YAML reads `date: 2024-02-30` as a timestamp and then cannot make it a
        # date; a typo in the metadata must not cost the article its figures.
        loaded = None
    else:
        if isinstance(loaded, dict):
            return {str(key): value for key, value in loaded.items()}
        if loaded is None and not block.strip():
            return {}
    fields: dict[str, object] = {}
    for line in _KEY_LINE.finditer(block):
        fields.setdefault(line["key"], _unquote(line["value"]))
    return fields or None


#: A plain YAML scalar that stays a string: no indicator first, no `: ` or ` #` inside.
_PLAIN = re.compile(r"[^-?:,\[\]{}#&*!|>'\"%@`\s](?:(?!:\s| #).)*(?<!:)")
#: A plain scalar YAML would read as something else: a number, a boolean, null (a date is
#: read as written either way, by `iso_date`).
_NOT_A_STRING = re.compile(
    r"[-+]?(?:[0-9][0-9_:]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+|0[xob][0-9a-fA-F_]+|\.inf|\.nan)"
    r"|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    r"|null|Null|NULL|~|\.(?:inf|Inf|INF|nan|NaN|NAN)"
)
_KEY_VALUE = re.compile(r"(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*\r?")


def _simple_front_matter(block: str) -> dict[str, object] | None:
    """The title and date of a block of one-line `key: value` (and `- item`) lines, as YAML reads them.

    Without importing PyYAML: most front matter is such lines, and the import is a tenth of
    `statx extract one.txt`. Every value in the block must be a one-line scalar, quoted
    without escapes or plain, so that YAML reads the lines as they look, or fails and leaves
    them to the key lines (`_parse_front_matter`), which read them alike. None otherwise
    (nested or continued title or date, flow style, escapes, a title or date YAML would read
    as no string): then YAML parses the block.

    >>> _simple_front_matter("title: '交警 走访'\\ntags:\\n - a\\ndate: Thu, 02 Dec 2021 14:49:35 GMT")
    {'title': '交警 走访', 'date': 'Thu, 02 Dec 2021 14:49:35 GMT'}
    >>> _simple_front_matter("title: yes\\n") is None, _simple_front_matter("title: a\\n  b\\n") is None
    (True, True)
    """
    fields: dict[str, object] = {}
    key: str | None = None
    for line in block.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line[0] in " \t-":  # a value's continuation or a nested item: of a key read no further
            if key in _META_KEYS:
                return None
            item = line.strip().removeprefix("- ").removeprefix("-")
            nested = _KEY_VALUE.fullmatch(item)
            if _simple_scalar(nested["value"] or "" if nested else item.strip()) is None:
                return None
            continue
        m = _KEY_VALUE.fullmatch(line)
        value = _simple_scalar(m["value"] or "") if m else None
        if m is None or value is None:
            return None
        key = m["key"]
        if key in _META_KEYS:
            if key in fields or (value and value == m["value"] and _NOT_A_STRING.fullmatch(value)):
                return None
            fields[key] = value
    return fields if key is not None else None


def _simple_scalar(value: str) -> str | None:
    """A one-line YAML scalar as the string it reads as, if YAML and the key lines read it alike.

    >>> _simple_scalar("'a: b'"), _simple_scalar('"x"'), _simple_scalar("plain"), _simple_scalar("")
    ('a: b', 'x', 'plain', '')
    >>> _simple_scalar("'it''s'") is None, _simple_scalar('"a\\\\tb"') is None, _simple_scalar("a # c")
    (True, True, None)
    """
    if not value:
        return ""
    if value[0] == "'":
        m = re.fullmatch(r"'([^']*)'", value)  # '' inside: YAML reads ', the key lines ''
        return m[1] if m else None
    if value[0] == '"':
        m = re.fullmatch(r'"([^"\\]*)"', value)
        return m[1] if m else None
    return value if _PLAIN.fullmatch(value) else None


def _unquote(value: str) -> str:
    """Strip one pair of matching quotes.

    >>> _unquote("'a: b'"), _unquote('"x"'), _unquote("plain")
    ('a: b', 'x', 'plain')
    """
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


_YMD = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?=$|[ T\s])")


def iso_date(value: object) -> str:
    """Normalise a front matter or corpus date to ``YYYY-MM-DD``; keep it verbatim if unparseable.

    The calendar date is the one written, not converted to another time zone.

    >>> iso_date("Thu, 02 Dec 2021 14:49:35 GMT")
    '2021-12-02'
    >>> iso_date("2021-12-24 03:00:26 +0800"), iso_date("2021-12-24"), iso_date("2021年1月5日")
    ('2021-12-24', '2021-12-24', '2021-01-05')
    >>> iso_date("last Tuesday")
    'last Tuesday'
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    match = _YMD.match(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return text
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return text


# --- kind detection --------------------------------------------------------------

_HTML_TAG = re.compile(
    r"</?(?:p|div|br|span|a|img|strong|b|em|i|font|li|ul|ol|table|tr|td|th|h[1-6]|section|article"
    r"|header|footer|blockquote|pre|body|head|title|script|style|meta|link)\b[^<>]*>"
    r"|<!--|<!doctype\b|<html\b",
    re.IGNORECASE,
)
# An HTML comment in Markdown gives no text, as a renderer shows none (`<!-- 旧数据：查处1234起 -->`).
_HTML_COMMENT = re.compile(r"<!--[\s\S]*?(?:-->|\Z)")
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
    start, _ = _front_matter(raw)
    return _kind_from(raw, start)


# --- content runs ----------------------------------------------------------------

# Link targets and URLs are not content: their digits are ids, never figures.
# Markdown `[text](target)` loses `(target)` (ASCII only, so a Chinese aside in brackets stays),
# `<http://...>` autolinks and bare URLs stopping at CJK text or punctuation.
# The lookahead stops at `(` as the target itself does, so `[a]([a]([a](...` stays linear.
_LINKISH = re.compile(
    r"(?<=\])\((?=[^()\s]*[/.#:])[!-'*-~]+\)"
    r"|<(?:https?|ftp)://[^<>\s]*>"
    r"|(?:https?|ftp)://[^\s<>\"'()\[\]{}\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+"
)


def _emit_content(builder: TextBuilder, raw_start: int, text: str) -> None:
    """Append a content run read at ``raw_start``, leaving out link targets and URLs."""
    if "](" not in text and "://" not in text:  # every _LINKISH pattern holds one of them
        builder.append_text(raw_start, text)
        return
    pos = 0
    for match in _LINKISH.finditer(text):
        if match.start() > pos:
            builder.append_text(raw_start + pos, text[pos : match.start()])
        pos = match.end()
    if pos < len(text):
        builder.append_text(raw_start + pos, text[pos:] if pos else text)


def _emit_plain(builder: TextBuilder, raw: str, start: int, end: int) -> None:
    if start < end:
        _emit_content(builder, start, raw[start:end])


# --- plain text: lines a fixed-width export wrapped --------------------------------

# What ends a sentence or a heading's line: a line that ends so is not cut mid-sentence.
_LINE_CLOSE = frozenset("。！？；：…”」』）)】!?;:")
#: A time stamp opening a line of a subtitle or a transcript (00:01:23 王队：…, 00:01:23,456): each
#: such line is an utterance of its own, with no full stop; the sentence rules read it so too.
TIME_STAMP = r"\d{1,2}:\d{2}(?::\d{2})?(?:[,.]\d{1,3})?[ \t]"
# What starts a new paragraph or item rather than the rest of a sentence; a time stamp too.
_NEW_ITEM = re.compile(
    r"[ \t\u3000|]|[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)"
    rf"|{TIME_STAMP}"
    r"|第[一二三四五六七八九十\d]+[章节条部分]|[●○■□◆◇▲△▶►•·※★☆①②③④⑤⑥⑦⑧⑨⑩—\-－]"
)
_TEXT_LINE = re.compile(r"[^\n]*\n?")


def _soft_wraps(raw: str, start: int) -> list[tuple[int, int]]:
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
    lines = [(m.start(), m.end()) for m in _TEXT_LINE.finditer(raw, start) if m.end() > m.start()]
    sizes = [_print_width(raw[a:b].strip()) for a, b in lines]
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
    """The width of the narrow column most of a page's lines share, if they do (see `_soft_wraps`).

    A page of a printed yearbook copied as text keeps one narrow column's lines (16 characters)
    and, where the columns ran side by side, lines two or three times as long: the long ones set
    the usual width, which the column's lines then fall short of. When at least half of the
    lines are of one width (the most common, give or take a character or two), that is the width.

    >>> _column_width([12, 15, 15, 16, 16, 16, 16, 17, 18, 43, 46, 48])
    16
    >>> _column_width([20, 30, 40, 50, 60, 70]) is None
    True
    """
    mode = max(set(long), key=long.count)
    near = sum(0.85 * mode <= n <= mode + 2 for n in long)
    return mode if near * 2 >= len(long) else None


def _wraps_at(
    raw: str, lines: list[tuple[int, int]], sizes: list[int], width: int, count: int
) -> list[tuple[int, int]]:
    """The breaks to join in lines wrapped at `width`, if enough lines were cut there (see `_soft_wraps`)."""
    if not 12 <= width <= 90:
        return []
    joins: list[tuple[int, int]] = []
    cut = 0
    for i, (a, b) in enumerate(lines[:-1]):
        line = raw[a:b].rstrip()
        # a paragraph's first line is indented: its indent takes width too (four spaces, two 全角)
        indent = len(line) - len(line.lstrip(" \t\u3000"))
        full = sizes[i] + (indent + line[:indent].count("\u3000")) // 2
        if full < 0.85 * width or not line or line[-1] in _LINE_CLOSE or line.endswith("|"):
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


#: A line break between two Chinese characters, the only place `_word_wraps` looks.
_HAN_BREAK = compile_pattern(r"(?<=[\u4e00-\u9fff])\r?\n(?=[\u4e00-\u9fff])")
#: What shows a line holds a sentence under way: full-width marks only, as a heading that
#: keeps an ASCII comma (鎮(zhèn)遠(yuǎn)交警車管貼心服務,嚴格落實放管服) is no body line, and
#: no enumeration comma, which headings (一、) and crawled lines cut short share.
_IN_SENTENCE = frozenset("，；")
#: The print width a line must have to be a body line a break could cut (see `_word_wraps`).
_BODY_LINE = 16


def _word_wraps(raw: str, start: int) -> list[tuple[int, int]]:
    """Find line breaks that cut a word in a text whose lines are not of one width.

    Text copied out of a PDF or pasted by an editor often keeps some of its hard breaks but
    not all, so `_soft_wraps` finds no width; a break right inside a word (暂扣、吊 / 销驾驶证,
    同比 / 增加27起, 违法 / 停车23810起) still cuts the figure from the words that name it. A break
    between two Chinese characters is joined when its line is a body line already under way
    (as wide as `_BODY_LINE`, holding a full-width comma or semicolon, and if numbered, a full
    stop after its heading) and the next line starts no new item; a break before a digit is for
    the number rules.

    >>> raw = "一、基本情况\\n全市共查处交通违法行为，其中违法\\n停车23810起。\\n"
    >>> [raw[a:b] for a, b in _word_wraps(raw, 0)]
    ['\\n']
    """
    joins: list[tuple[int, int]] = []
    for m in _HAN_BREAK.finditer(raw, start):
        a = raw.rfind("\n", start, m.start()) + 1
        line = raw[max(a, start) : m.start()]
        if _print_width(line.strip()) < _BODY_LINE or not _IN_SENTENCE.intersection(line):
            continue
        if _NEW_ITEM.match(line.lstrip(" \t\u3000")) and "。" not in line:
            continue  # a numbered heading (四、宣传引导，“护考”信息早知道), not a body line
        if _NEW_ITEM.match(raw, m.end()):
            continue
        joins.append((m.start(), m.end()))
    return joins


#: A line a PDF's copy spread out one character apart (全 市 共 查 处 酒 驾 1 2 3 起): one and the same
#: gap (a blank, two blanks or an ideographic space) between single characters; `_letter_spaces`
#: checks its Chinese.
_SPACED_LINE = compile_pattern(r"[ \t\u3000]*+(\S(?P<gap>\u3000| {1,2})(?:\S(?P=gap))*+\S)[ \t\u3000]*+\r?\Z")
#: What a spread-out line's gap is made of.
_GAP_CHARS = " \u3000"
#: Chinese characters a spread-out line must hold (a row of one-digit cells, 1 2 3 4 5, holds none).
_SPACED_HAN = 3


def _letter_spaces(raw: str, start: int) -> list[tuple[int, int]]:
    """Find the gaps a PDF's copy put between every two characters of a line, to drop them.

    A justified PDF page copied as text often comes out with a blank after every character on
    some of its lines (全 市 共 查 处 酒 驾 1 2 3 起, 7 6 . 1 %), while its other lines read normally.
    Such a gap is no word break: left in, it cuts a unit (3 8 6 0 辆 次 read as 辆), a decimal
    (7 6 . 1 % read as 1%) and every cue word (查 处, 同 比 上 升) from the rules. Only a whole
    line whose characters all stand one same gap apart, with Chinese among them, is taken; a line
    spaced by words (查处 酒驾 123 起) or a table's row of aligned columns has wider or uneven gaps.

    >>> raw = "统一行动6次。\\n全 市 共 查 处 酒 驾 1 2 3 起 ，\\n1 2 3 4 5\\n"
    >>> raw += "同\\u3000比\\u3000上\\u3000升\\n"
    >>> [raw[a:b] for a, b in _letter_spaces(raw, 0)].count(" "), len(_letter_spaces(raw, 0))
    (11, 14)
    >>> _letter_spaces("城区大队 46 9 +12.2\\n合  计    123   27\\n", 0)
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


def _print_width(line: str) -> int:
    """How wide a line prints, in Chinese characters: a digit, a Latin letter or a blank takes half.

    A scanned page's OCR spaces a number's digits (1 2 3 6起), which makes a line longer in
    characters but not on the page; counted so, a line of figures is no wider than a line of words.

    >>> _print_width("全市共接报各类警情8 6 4 5 2起"), _print_width("全市共接报各类警情")
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


def _page_breaks(raw: str, start: int) -> list[tuple[int, int]]:
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
    >>> [raw[a:b] for a, b in _page_breaks(raw, 0)]
    ['\\n\\n  — 3 —\\n\\n报告', '\\n\\n— 4 —\\n报告\\n']
    """
    if not _PAGE_FOOTER_LINE.search(raw[start:]):
        return []
    lines = [(m.start(), m.end()) for m in _TEXT_LINE.finditer(raw, start) if m.end() > m.start()]
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
        if not line.strip() or line.rstrip()[-1] in _LINE_CLOSE or _NEW_ITEM.match(nxt):
            continue
        cut_start, cut_end = lines[before][0] + len(line), lines[after][0]
        if line[-1].isdigit() and nxt[0].isdigit():
            cut_end -= 2 if raw.startswith("\r\n", cut_end - 2) else 1
        cuts.append((cut_start, cut_end))
    return cuts


def _emit_text(builder: TextBuilder, raw: str, start: int) -> None:
    """Pass plain text through, joining the lines a fixed-width export wrapped (see `_soft_wraps`)
    and the sentences a page break cut (see `_page_breaks`), and laying out pasted tables as
    rows of cells (see `_pasted_tables`)."""
    tables = _pasted_tables(raw, start, len(raw))
    phrases = [] if tables else _phrase_lines(raw, start)
    cuts = [] if phrases else (_soft_wraps(raw, start) or _word_wraps(raw, start))
    spaced = _letter_spaces(raw, start)
    if spaced:
        cuts = sorted(cuts + spaced)
    pages = _page_breaks(raw, start)
    if pages:
        cuts = sorted(pages + _clear_of(cuts, pages, touching=True))
        phrases = [rep for rep in phrases if _clear_of([rep[:2]], pages, touching=True)]
    blanks = _text_entities(raw, start)
    if not tables and not phrases and not blanks:
        _emit_between(_emit_plain, builder, raw, start, len(raw), cuts)
        return
    spans = [(a, b) for a, b, _ in tables]
    reps = [(a, b, "") for a, b in _clear_of(cuts, spans, touching=True)]
    reps.extend(rep for _, _, table in tables for rep in table)
    reps.extend(phrases)
    reps.extend(blanks)  # one overlapping a table's or a phrase's own replacement is skipped
    _emit_replacing(_emit_plain, builder, raw, start, len(raw), sorted(reps))


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


def _phrase_lines(raw: str, start: int) -> list[tuple[int, int, str]]:
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
    lines = [(m.start(), m.end()) for m in _TEXT_LINE.finditer(raw, start) if m.end() > m.start()]
    texts = [raw[a:b].strip() for a, b in lines]
    body = [t for t in texts if t]
    if len(body) < _PHRASE_LINES:
        return []
    widths = sorted(_print_width(t) for t in body)
    short = sum(1 for n in widths if n <= _PHRASE_WIDTH)
    open_ = sum(1 for t in body if t[-1] not in _LINE_CLOSE)
    if short * 3 < len(body) * 2 or open_ * 4 < len(body) * 3:
        return []
    width = widths[(len(widths) - 1) * 4 // 5]
    if sum(1 for n in widths if n >= 0.85 * width) * 2 >= len(body):
        return []  # lines of one width: a narrow column a fixed-width export wrapped (`_soft_wraps`)
    reps: list[tuple[int, int, str]] = []
    for i, (a, b) in enumerate(lines[:-1]):
        line, nxt = texts[i], texts[i + 1]
        if not line or not nxt or line[-1] in _LINE_CLOSE or _NEW_ITEM.match(raw, lines[i + 1][0]):
            continue
        end = a + len(raw[a:b].rstrip("\r\n"))
        tight = nxt[0].isdigit() or nxt[0] in _GOES_ON or line[-1] in _LINE_JOINT
        tight = tight or _BARE_NUMBER_LINE.fullmatch(line) is not None
        reps.append((end, b, "" if tight else "，"))
    return reps


def _emit_between(
    emit: Callable[[TextBuilder, str, int, int], None],
    builder: TextBuilder,
    raw: str,
    start: int,
    end: int,
    cuts: Iterable[tuple[int, int]],
) -> None:
    """Emit ``raw[start:end]`` with `emit`, leaving out the spans `cuts` (in order)."""
    pos = start
    for cut_start, cut_end in cuts:
        emit(builder, raw, pos, cut_start)
        pos = cut_end
    emit(builder, raw, pos, end)


_Spans = list[tuple[int, int]]


def _clear_of(spans: _Spans, blockers: _Spans, *, touching: bool = False) -> _Spans:
    """The `spans` that overlap none of `blockers` (sorted, disjoint), or touch none with `touching`.

    A search per span: documents have thousands of cuts, and testing each against every
    blocker made long articles quadratic.

    >>> spans = [(0, 2), (3, 4), (6, 7)]
    >>> _clear_of(spans, [(2, 3)]), _clear_of(spans, [(2, 3)], touching=True)
    ([(0, 2), (3, 4), (6, 7)], [(6, 7)])
    """
    starts = [a for a, _ in blockers]
    out = []
    for a, b in spans:
        k = bisect_right(starts, b if touching else b - 1) - 1
        end = blockers[k][1] if k >= 0 else -1
        if not (end >= a if touching else end > a):
            out.append((a, b))
    return out


# --- pasted tables: columns split by tabs or aligned with blanks --------------------

# The blank between two cells of a row pasted from a spreadsheet or a fixed-width export:
# tabs, or two blanks or more (a single blank stays inside a cell: 2 856.3, 1 2 3 起).
_TAB_GAP = re.compile(r"[ \u3000]*\t[\t \u3000]*")
_SPACE_GAP = re.compile(r"(?:[ \u3000]{2,}|\u3000)")
_INDENT = re.compile(r"[ \t\u3000]*")
#: A cell holding a number (25,071, -5.8%, 96.8, +10.5%): the rows of a table of figures hold some.
_NUMBER_CELL = re.compile(r"[-+↑↓]?\d[\d,. ]*(?:%|‰|个百分点)?")
#: The fewest rows (header and figures) a block of blank-aligned lines needs to be a table; a
#: tab is plain enough that a header and one row do.
_MIN_SPACE_ROWS = 3
_MIN_TAB_ROWS = 2
#: A row whose cells a PDF's text keeps one blank apart: a name, then numbers only
#: (事故起数（起） 1047 1153 -9.2%).
_BLANK_ROW = re.compile(r"[ \u3000]*[^\s\d|]\S*(?: [-+]?\d[\d,.]*(?:%|‰)?){2,}[ \u3000]*")
_BLANK_ROW_LINE = re.compile(rf"^{_BLANK_ROW.pattern}$", re.MULTILINE)
_BLANK_CELLS = re.compile(r" [-+]?\d[\d,.]*(?:%|‰)? [-+]?\d")  # what every such row holds


def _pasted_row(line: str, gap: re.Pattern[str]) -> list[tuple[int, int]] | None:
    """The gaps between a pasted row's cells (offsets in `line`), or None if it has fewer than three cells."""
    body_start = _INDENT.match(line).end()  # type: ignore[union-attr]  # matches everywhere
    body = line.rstrip()
    if body_start >= len(body) or body.lstrip().startswith("|") or body[body_start] in _BOX_CHARS:
        return None  # a Markdown row, or a drawn table's (`_box_tables`)
    gaps = [(m.start(), m.end()) for m in gap.finditer(body, body_start)]
    return gaps if len(gaps) >= 2 else None


def _pasted_tables(raw: str, start: int, end: int) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """Lay out the tables pasted as plain lines in ``raw[start:end]`` as Markdown rows.

    A spreadsheet pasted into a report or a Markdown file keeps its columns apart with tabs
    (指标⇥2025年⇥2026年⇥同比), a fixed-width export with runs of blanks. The rules and the
    table readers know a row by its `|` cells (a figure in the fourth cell is of the row's
    first cell and of its column's header), so each such row is opened with ``| `` and its
    gaps become `` | ``. A block is a table when every line of it has three cells or more,
    split the same way, over two lines (tabs) or three (blanks), and its rows hold numbers:
    a signature line (文号⎵⎵⎵签发人) or a justified line of prose is none.

    Returns:
        For each table, in order, its raw span (its first line's start to its last line's end)
        and the ``(start, end, text)`` replacements that lay it out.

    >>> raw = "说明\\n指标\\t2025年\\t同比\\n警情\\t3,912\\t-14.2%\\n完"
    >>> [(a, b) for a, b, _ in _pasted_tables(raw, 0, len(raw))], raw[3:30]
    ([(3, 30)], '指标\\t2025年\\t同比\\n警情\\t3,912\\t-14.2%')
    >>> [(raw[c:d], t) for _, _, reps in _pasted_tables(raw, 0, len(raw)) for c, d, t in reps][:4]
    [('', '| '), ('\\t', ' | '), ('\\t', ' | '), ('', '| ')]
    """
    # two number cells a blank apart, searched first: its leading blank makes it a fast scan
    blank = (
        _BLANK_CELLS.search(raw, start, end) is not None
        and _BLANK_ROW_LINE.search(raw, start, end) is not None
    )
    stacked = _STACKED_CELLS.search(raw, start, end) is not None
    boxed = _BOX_BAR.search(raw, start, end) is not None
    if "\t" not in raw[start:end] and "  " not in raw[start:end] and not blank and not stacked and not boxed:
        return []
    lines = [(m.start(), m.end()) for m in _TEXT_LINE.finditer(raw, start, end) if m.end() > m.start()]
    out: list[tuple[int, int, list[tuple[int, int, str]]]] = _blank_tables(raw, lines) if blank else []
    if boxed:
        out.extend(_box_tables(raw, lines))
    if stacked:
        out.extend(_line_cell_tables(raw, lines))
    for gap, least in ((_TAB_GAP, _MIN_TAB_ROWS), (_SPACE_GAP, _MIN_SPACE_ROWS)):
        block: list[tuple[int, list[tuple[int, int]], str]] = []
        for a, b in [*lines, (end, end)]:
            line = raw[a:b].rstrip("\r\n")
            gaps = _pasted_row(line, gap) if a < end else None
            if gaps is not None and not (gap is _SPACE_GAP and "\t" in line):
                block.append((a, gaps, line))
                continue
            if len(block) >= least and _holds_numbers([line for _, _, line in block]):
                out.append(_laid_out(block))
            block = []
    return sorted(out)


def _laid_out(
    block: list[tuple[int, list[tuple[int, int]], str]],
) -> tuple[int, int, list[tuple[int, int, str]]]:
    """A block of rows (each its start, its cells' gaps, its text) as one table's span and replacements:
    each row opened with ``| `` after its indent, each gap made `` | ``."""
    reps: list[tuple[int, int, str]] = []
    for row_start, row_gaps, row in block:
        indent = _INDENT.match(row).end()  # type: ignore[union-attr]  # matches everywhere
        reps.append((row_start, row_start + indent, "| "))
        reps.extend((row_start + g0, row_start + g1, " | ") for g0, g1 in row_gaps)
    last_start, _, last = block[-1]
    return block[0][0], last_start + len(last), reps


def _blank_tables(raw: str, lines: _Spans) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """Lay out the tables whose cells a PDF's text keeps one blank apart, as `_pasted_tables` does.

    A single blank also groups thousands (1 047起) and parts words, so a block is a table only
    when its rows under the header are a name followed by number cells only (_BLANK_ROW), at
    least two of them, each with as many cells as the header; read as prose, 1047 1153 -9.2%
    gave the figures 1153 -9.2% and 286 323 -11.5%.

    >>> raw = "表1\\n指标 2025年 同比\\n事故起数 1047 -9.2%\\n死亡人数 19 -13.6%\\n完"
    >>> lines = [m.span() for m in _TEXT_LINE.finditer(raw) if m.end() > m.start()]
    >>> [(raw[a:b], [(raw[c:d], t) for c, d, t in reps][:2]) for a, b, reps in _blank_tables(raw, lines)]
    [('指标 2025年 同比\\n事故起数 1047 -9.2%\\n死亡人数 19 -13.6%', [('', '| '), (' ', ' | ')])]
    """
    out: list[tuple[int, int, list[tuple[int, int, str]]]] = []
    block: list[tuple[int, str]] = []
    for a, b in [*lines, (-1, -1)]:
        line = raw[a:b].rstrip("\r\n") if a >= 0 else ""
        cells = line.split() if "\t" not in line and "  " not in line.strip() else []
        row = bool(block) and len(cells) == len(block[0][1].split()) and _BLANK_ROW.fullmatch(line)
        if row:
            block.append((a, line))
            continue
        if len(block) >= _MIN_SPACE_ROWS:
            out.append(_laid_out([(row_start, _blank_gaps(text), text) for row_start, text in block]))
        block = [(a, line)] if len(cells) >= 3 else []
    return out


_BLANK_GAP = re.compile(r"[ \u3000]+")


def _blank_gaps(row: str) -> list[tuple[int, int]]:
    """The blanks between the cells of a row `_BLANK_ROW` matched, past its indent."""
    indent = _INDENT.match(row).end()  # type: ignore[union-attr]  # matches everywhere
    return [m.span() for m in _BLANK_GAP.finditer(row.rstrip(), indent)]


#: A table drawn with box-drawing characters, as a PDF's text or a console tool gives it: its
#: lines (─, ━, ═) and joints (┌ ┬ ┼ ┤ …) and the bars between its cells (│ ┃ ║).
_BOX_LINES = "─━═┄┅┈┉╌╍"
_BOX_JOINTS = "┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋╔╗╚╝╠╣╦╩╬╒╓╕╖╘╙╛╜╞╟╡╢╤╥╧╨╪╫┍┎┑┒┕┖┙┚┝┠┥┨┯┰┷┸┿╂"
_BOX_BARS = "│┃║"
_BOX_CHARS = frozenset(_BOX_LINES + _BOX_JOINTS + _BOX_BARS)
_BOX_BAR = re.compile(f"[{_BOX_BARS}]")
#: A drawn table's rule (┌──┬──┐, ├──┼──┤): box characters and blanks only.
_BOX_RULE = re.compile(f"[ \u3000]*[{_BOX_JOINTS}{_BOX_LINES}][{_BOX_JOINTS}{_BOX_LINES}{_BOX_BARS} \u3000]*")
#: A drawn table's row: a bar, then cells between bars (│ 城东大队 │ 46 │ -8.0% │).
_BOX_ROW = re.compile(f"[ \u3000]*[{_BOX_BARS}][^\n]*[{_BOX_BARS}][^{_BOX_BARS}\n]*")
#: A drawn table's characters as the Markdown row they stand for: a bar or a joint opens a
#: cell, a line is a rule.
_BOX_AS_MARKDOWN = str.maketrans(
    {**dict.fromkeys(_BOX_JOINTS + _BOX_BARS, "|"), **dict.fromkeys(_BOX_LINES, "-")}
)


def _box_tables(raw: str, lines: _Spans) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """Lay out the tables drawn with box-drawing characters as Markdown rows.

    A PDF report's table comes out of its text layer (or a console tool prints one) drawn with
    ┌─┬─┐ rules and │ bars. Read as prose, a row's figures had no words before them but the
    bars, and a 同比 cell knew neither its row nor its column's header. Each bar and joint becomes
    the `|` of a Markdown row, each line a `-`, so a rule is a Markdown rule row (no header) and
    a row's cells are `|` cells, their text left where it stands. A block is such a table when
    its lines, one after another, are rules or rows (a bar, cells, a bar), two rows at least.

    >>> raw = "表1\\n┌────┬───┐\\n│ 辖区 │同比│\\n├────┼───┤\\n│ 城东 │-8.0%│\\n└────┴───┘\\n完"
    >>> lines = [m.span() for m in _TEXT_LINE.finditer(raw) if m.end() > m.start()]
    >>> [(raw[a:b], t) for _, _, reps in _box_tables(raw, lines) for a, b, t in reps][:4]
    [('┌────┬───┐', '|----|---|'), ('│', '|'), ('│', '|'), ('│', '|')]
    """
    out: list[tuple[int, int, list[tuple[int, int, str]]]] = []
    block: list[tuple[int, str, bool]] = []  # each line's start, text, and whether it is a row
    for a, b in [*lines, (-1, -1)]:
        line = raw[a:b].rstrip("\r\n") if a >= 0 else ""
        rule = line.strip() != "" and _BOX_RULE.fullmatch(line) is not None
        row = not rule and _BOX_ROW.fullmatch(line) is not None
        if rule or row:
            block.append((a, line, row))
            continue
        if sum(1 for _, _, is_row in block if is_row) >= 2:
            reps: list[tuple[int, int, str]] = []
            for start, text, is_row in block:
                if not is_row:
                    reps.append((start, start + len(text), text.translate(_BOX_AS_MARKDOWN)))
                    continue
                reps.extend((start + m.start(), start + m.end(), "|") for m in _BOX_BAR.finditer(text))
            last_start, last, _ = block[-1]
            out.append((block[0][0], last_start + len(last), reps))
        block = []
    return out


#: Two number cells on lines of their own, one under the other: maybe a Word table saved as text.
#: (It opens with its line break: a literal a scan skips to, the cheap test most texts fail.)
_STACKED_CELLS = re.compile(r"\n[-+]?\d[\d,.]*(?:%|‰)?[ \t]*\n[-+]?\d[\d,.]*(?:%|‰)?[ \t]*(?:\n|$)")
#: A cell of a row in a table saved one cell a line: a number, maybe signed, with a short unit
#: after it (1047, -9.2%, 1.2万起).
_LINE_NUMBER_CELL = re.compile(r"[-+↑↓]?\d[\d,.]*(?:%|‰|个百分点|[万亿]?[^\s\d]{0,3})")
#: What ends a sentence, never a cell (a header's cell may end in its unit's bracket: 事故起数（起）).
_SENTENCE_END = frozenset("。！？；：，…!?;:,")
#: The widest cell (print width) such a table's header or a row's name has.
_LINE_CELL_WIDTH = 20


def _line_cell_tables(raw: str, lines: _Spans) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """Lay out the tables Word saves as text one cell a line, rows a blank line apart.

    A .docx report saved as plain text (or copied from Word's reading view) turns each table
    cell into a paragraph of its own: the header's cells on consecutive lines, then each row's
    (第一季度 / 392 / -6.4% / 8), rows parted by a blank line. Read as prose, a row ran into the
    next (392 / -6.4% read as the range 392-6.4%) and a 同比 cell knew neither its row nor its
    column. A block is such a table when at least two paragraphs of the same number of lines (three
    or more) follow a header paragraph of as many short lines, each with a name and then number
    cells only. The rows are laid out as `_pasted_tables` lays out a pasted table, and the blank
    lines between them are dropped.

    >>> raw = "表1\\n\\n季度\\n事故起数\\n同比\\n\\n一季度\\n392\\n-6.4%\\n\\n二季度\\n381\\n-11.8%\\n\\n完"
    >>> lines = [m.span() for m in _TEXT_LINE.finditer(raw) if m.end() > m.start()]
    >>> [(a, b) for a, b, _ in _line_cell_tables(raw, lines)], raw[4:45]
    ([(4, 45)], '季度\\n事故起数\\n同比\\n\\n一季度\\n392\\n-6.4%\\n\\n二季度\\n381\\n-11.8%')
    >>> [(raw[c:d], t) for _, _, reps in _line_cell_tables(raw, lines) for c, d, t in reps][:5]
    [('', '| '), ('\\n', ' | '), ('\\n', ' | '), ('\\n', ''), ('', '| ')]
    """
    paras: list[list[tuple[int, int]]] = []  # paragraphs: their lines' (start, end without the break)
    current: list[tuple[int, int]] = []
    for a, b in lines:
        body = raw[a:b].rstrip("\r\n")
        if body.strip():
            current.append((a, a + len(body)))
        elif current:
            paras.append(current)
            current = []
    if current:
        paras.append(current)

    def cells(para: list[tuple[int, int]]) -> list[str]:
        return [raw[a:b].strip() for a, b in para]

    def short(texts: list[str]) -> bool:
        return all(_print_width(t) <= _LINE_CELL_WIDTH and t[-1] not in _SENTENCE_END for t in texts)

    def is_row(texts: list[str], width: int) -> bool:
        return len(texts) == width and short(texts) and all(_LINE_NUMBER_CELL.fullmatch(t) for t in texts[1:])

    out: list[tuple[int, int, list[tuple[int, int, str]]]] = []
    i = 0
    while i < len(paras):
        head = cells(paras[i])
        width = len(head)
        j = i + 1
        if width >= 3 and short(head) and not is_row(head, width):
            while j < len(paras) and is_row(cells(paras[j]), width):
                j += 1
        if j - i - 1 < 2:
            i += 1
            continue
        reps: list[tuple[int, int, str]] = []
        for k in range(i, j):
            para = paras[k]
            if k > i:  # the blank lines between the last row and this one go
                reps.append((paras[k - 1][-1][1] + 1, para[0][0], ""))
            reps.append((para[0][0], para[0][0], "| "))
            reps.extend((b, nxt, " | ") for (_, b), (nxt, _) in itertools.pairwise(para))
        out.append((paras[i][0][0], paras[j - 1][-1][1], reps))
        i = j
    return out


def _holds_numbers(rows: list[str]) -> bool:
    """Whether most rows below a block's first hold a cell that is a number."""
    cells = [_cells(row) for row in rows[1:]]
    numbered = sum(1 for row in cells if any(_NUMBER_CELL.fullmatch(c) for c in row))
    return numbered * 2 >= len(cells)


def _cells(row: str) -> list[str]:
    """A pasted row's cells, split at tabs or at runs of blanks."""
    return [cell.strip() for cell in _CELL_GAP.split(row.strip())]


_CELL_GAP = re.compile(r"\t+|[ \u3000]{2,}|\u3000")


def _emit_replacing(
    emit: Callable[[TextBuilder, str, int, int], None],
    builder: TextBuilder,
    raw: str,
    start: int,
    end: int,
    reps: Iterable[tuple[int, int, str]],
) -> None:
    """Emit ``raw[start:end]`` with `emit`, each ``(a, b, text)`` of `reps` (in order) giving `text`."""
    pos = start
    for a, b, text in reps:
        if a < pos:
            continue
        emit(builder, raw, pos, a)
        if text:
            builder.append_replace(a, b, text)
        pos = b
    emit(builder, raw, pos, end)


# --- Markdown --------------------------------------------------------------------

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
    tables = _pasted_tables(raw, start, end)
    pandoc = _pandoc_blocks(raw, start, end)
    has_html = raw.find("<", start, end) != -1 or raw.find("&", start, end) != -1
    if not has_html and not joins and not tables and not pandoc:  # most Markdown has no HTML in it
        _emit_between(_emit_plain, builder, raw, start, end, marks)
        return
    if pandoc:  # a definition's term and its text are one line, not a break the soft breaks join
        kept = set(_clear_of([(a, b) for a, b, _ in joins], [(a, b) for a, b, _ in pandoc], touching=True))
        joins = [join for join in joins if join[:2] in kept] + pandoc
    html_marks = _markdown_html(raw, start, end) if has_html else []
    if tables:  # a pasted table's lines are rows, not a paragraph's wrapped lines
        spans = [(a, b) for a, b, _ in tables]
        kept = set(_clear_of([(a, b) for a, b, _ in joins], spans, touching=True))
        joins = [join for join in joins if join[:2] in kept]
        joins.extend(rep for _, _, table in tables for rep in table)
    _emit_replacing(_emit_plain, builder, raw, start, end, _merge_marks(marks, sorted(html_marks + joins)))


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
                and term[-1] not in _LINE_CLOSE
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
        if not last or last in _LINE_CLOSE:
            line_start = nxt_start
            continue
        nxt_end = raw.find("\n", nxt_start, end)
        nxt = raw[nxt_start : end if nxt_end == -1 else nxt_end]
        prefix = _MD_LINE_PREFIX.match(line)
        body = line[prefix.end() if prefix else 0 :].strip()
        if (
            body
            and len(body) >= (4 if prefix and prefix.group().strip() else 8)
            and body[-1] not in _LINE_CLOSE
            and body[-1] != "|"
            and not line.endswith(("  ", "\\"))
            and not _MD_NOT_TEXT.match(line)
            and not _MD_BLOCK_START.match(nxt)
            and not _ITEM_SIGN.match(nxt.lstrip(" \t"))
        ):
            indent = len(nxt) - len(nxt.lstrip(" \t"))
            left, right = body[-1], nxt[indent : indent + 1]
            if not (left.isdigit() and right.isdigit()):
                text = "" if _HAN_CHAR.match(left) and _HAN_CHAR.match(right) else " "
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
#: A superscript or subscript with its text and nothing else inside: `_script_reading` reads it.
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
            reading = _script_reading(tag, raw[max(start, m.start() - 4) : m.start()], script["text"])
            if reading is not None:
                a, b = script.span("text")
                out.extend([(m.start(), a, ""), (a, b, reading), (b, script.end(), "")])
                passed = script.end()
                continue
        if tag is None:
            decoded = html.unescape(m[0])
            out.append((m.start(), m.end(), "" if decoded in _INVISIBLE else decoded))
            continue
        tag = tag.lower()
        if tag == "br":
            line = raw.rfind("\n", start, m.start()) + 1
            if raw[line : m.start()].lstrip(" \t").startswith("|"):  # a Markdown table's cell
                before, after = raw[m.start() - 1 : m.start()], raw[m.end() : m.end() + 1]
                text = "" if _HAN_CHAR.match(before) and _HAN_CHAR.match(after) else " "
            else:
                text = "\n"
        elif tag in _CELL_TAGS:
            text = "" if m["close"] else " | "
        elif tag in _BLOCK_TAGS:
            text = "\n"
        elif tag in _MD_INLINE_TAGS:
            text = ""
        else:
            continue  # not a tag this reads: left as written
        out.append((m.start(), m.end(), text))
    return out


def _emit_markdown(builder: TextBuilder, raw: str, start: int) -> None:
    """Pass Markdown through as text, except fenced code blocks, HTML comments and formatting markers,
    which give no text."""
    cuts = _fenced_blocks(raw, start)
    if "<!--" in raw:
        comments = [(m.start(), m.end()) for m in _HTML_COMMENT.finditer(raw, start)]
        cuts = sorted(cuts + _clear_of(comments, cuts))
    _emit_between(_emit_markdown_run, builder, raw, start, len(raw), cuts)


# --- HTML ------------------------------------------------------------------------

# Tags that break a line; every other tag (inline or unknown) vanishes without text.
_BLOCK_TAGS: frozenset[str] = frozenset[str]().union(
    ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"),
    ("dl", "dt", "dd", "section", "article", "header", "footer", "blockquote", "pre", "hr", "main"),
    ("nav", "aside", "figure", "figcaption", "caption", "thead", "tbody", "tfoot", "form", "address"),
    ("center", "body", "html"),
)
# Table cells stay on their row's line, separated like a Markdown table, so a figure in one
# cell keeps the row's first cell as the words before it (查处酒驾 | 135起).
_CELL_TAGS = frozenset(("td", "th"))
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
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
# Superscript and subscript: read apart from the text they touch (see `_HtmlText._emit_script`).
_SCRIPT_TAGS = frozenset(("sup", "sub"))
_FOOTNOTE_MARK = re.compile(
    r"\s*[\[(（【]?(?:\d{1,3}|[A-Za-z]|[*#†‡]{1,3}|[\u2460-\u2473]|注\d{0,2}|[一二三四五六七八九十]{1,2})[\])）】]?\s*"
)
_POWER_BASE = re.compile(r"[×xX*·]\s?10\Z")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _script_reading(tag: str, before: str, text: str) -> str | None:
    """What the `text` of a ``<sup>``/``<sub>`` after `before` reads as; None when as written.

    ² or ³ after a metre (a unit); a power of ten's superscript digits; nothing for a footnote
    marker after anything but a letter (see `_HtmlText._emit_script`).

    >>> _script_reading("sup", "面积100m", "2"), _script_reading("sup", "120", "1")
    ('²', '')
    >>> _script_reading("sub", "CO", "2") is None
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
_HAN_CHAR = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
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
        elif tag in _CELL_TAGS and self._tables and self._tables[-1]:
            tag = "div"  # a layout table's cell is a block of the page, no cell of data
        if tag in _BLOCK_TAGS or tag in _CELL_TAGS:
            # Body content has begun even if </head> or </title> never came.
            self._in_head = self._in_title = False
            if tag == "pre":
                self._pre = self._pre + 1 if opening else max(0, self._pre - 1)
            if tag in _CELL_TAGS:
                self._cell = self._cell + 1 if opening else max(0, self._cell - 1)
            if tag in ("table", "tr"):
                self._grid_tag(tag, opening)
            if not self._skip and not (tag == "br" and self._inside_number(start, end)):
                sep = "\n" if tag in _BLOCK_TAGS else " | " if opening else ""
                if self._cell and tag in _BLOCK_TAGS and tag not in _ROW_TAGS:
                    sep = self._cell_break(start, end)
                elif tag in _CELL_TAGS:
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
        return "" if _HAN_CHAR.match(before) and _HAN_CHAR.match(after) else " "

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
        if tag in _BLOCK_TAGS and not self._skip:
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
            _emit_content(self._out, self._base + start, text)
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

        >>> prepare("<p>查处酒驾\\n <b>1200</b>\\n 起，旅客4\\n32万人次，查\\n 处</p>\\n <p>完</p>")[0].text
        '\\n查处酒驾 1200 起,旅客4\\n32万人次,查处\\n\\n完\\n'
        """
        pos = 0
        for blank in _SOURCE_BREAK.finditer(text):
            if blank.start() > pos:
                _emit_content(self._out, raw_start + pos, text[pos : blank.start()])
                self._at_break = False
            before, after = text[blank.start() - 1 : blank.start()], text[blank.end() : blank.end() + 1]
            if self._at_break or (_HAN_CHAR.match(before) and _HAN_CHAR.match(after)):
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
            _emit_content(self._out, raw_start + pos, text[pos:])
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
        reading = _script_reading(tag, before, text)
        if reading is None:
            _emit_content(self._out, raw_start, text)
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
            _emit_content(self._out, self._base + start, source)
            self._at_break = False
        elif decoded in _INVISIBLE:
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


def _emit_html(builder: TextBuilder, raw: str, start: int) -> str | None:
    """Strip HTML from ``raw[start:]`` into the builder; return the ``<title>`` text if any.

    Text whose only tags are line breaks and inline runs (``<br/>``, ``<b>``, ``<span>``) is
    what a crawler's extraction leaves: its source line breaks are kept as lines, as in
    ``<pre>``, or a 相关链接 heading, a 下一篇 headline and the footer would run into one line
    with the article's last sentence and the rules that know them by their line would miss them.

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
    start, meta = _front_matter(raw)
    builder = TextBuilder()
    kind = _kind_from(raw, start)
    if kind == "html":
        title = _emit_html(builder, raw, start)
        if title is not None and "title" not in meta:
            meta["title"] = title
    elif kind == "markdown":
        _emit_markdown(builder, raw, start)
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
