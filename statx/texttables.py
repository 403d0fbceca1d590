"""Lay out the tables a plain text holds as Markdown rows, so each figure keeps its row and column.

A table pasted or exported as text keeps its cells apart by tabs or runs of blanks, by one
blank (a PDF's text), by box-drawing bars, or one cell a line (Word saved as text). Read as
prose, a figure had neither its row's name nor its column's header before it. The rules and
the table readers know a row by its ``|`` cells, so `pasted_tables` gives, for each table
found, the replacements that make its rows Markdown rows; the plain-text and the Markdown
readers apply them.
"""

from __future__ import annotations

import itertools
import re

from statx.contentruns import Spans
from statx.textlines import TEXT_LINE, print_width

__all__ = ["pasted_tables"]


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


def pasted_tables(raw: str, start: int, end: int) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
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
    >>> [(a, b) for a, b, _ in pasted_tables(raw, 0, len(raw))], raw[3:30]
    ([(3, 30)], '指标\\t2025年\\t同比\\n警情\\t3,912\\t-14.2%')
    >>> [(raw[c:d], t) for _, _, reps in pasted_tables(raw, 0, len(raw)) for c, d, t in reps][:4]
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
    lines = [(m.start(), m.end()) for m in TEXT_LINE.finditer(raw, start, end) if m.end() > m.start()]
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


def _blank_tables(raw: str, lines: Spans) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """Lay out the tables whose cells a PDF's text keeps one blank apart, as `pasted_tables` does.

    A single blank also groups thousands (1 047起) and parts words, so a block is a table only
    when its rows under the header are a name followed by number cells only (_BLANK_ROW), at
    least two of them, each with as many cells as the header; read as prose, 1047 1153 -9.2%
    gave the figures 1153 -9.2% and 286 323 -11.5%.

    >>> raw = "表1\\n指标 2025年 同比\\n事故起数 1047 -9.2%\\n死亡人数 19 -13.6%\\n完"
    >>> lines = [m.span() for m in TEXT_LINE.finditer(raw) if m.end() > m.start()]
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


def _box_tables(raw: str, lines: Spans) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """Lay out the tables drawn with box-drawing characters as Markdown rows.

    A PDF report's table comes out of its text layer (or a console tool prints one) drawn with
    ┌─┬─┐ rules and │ bars. Read as prose, a row's figures had no words before them but the
    bars, and a 同比 cell knew neither its row nor its column's header. Each bar and joint becomes
    the `|` of a Markdown row, each line a `-`, so a rule is a Markdown rule row (no header) and
    a row's cells are `|` cells, their text left where it stands. A block is such a table when
    its lines, one after another, are rules or rows (a bar, cells, a bar), two rows at least.

    >>> raw = "表1\\n┌────┬───┐\\n│ 辖区 │同比│\\n├────┼───┤\\n│ 城东 │-8.0%│\\n└────┴───┘\\n完"
    >>> lines = [m.span() for m in TEXT_LINE.finditer(raw) if m.end() > m.start()]
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


def _line_cell_tables(raw: str, lines: Spans) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """Lay out the tables Word saves as text one cell a line, rows a blank line apart.

    A .docx report saved as plain text (or copied from Word's reading view) turns each table
    cell into a paragraph of its own: the header's cells on consecutive lines, then each row's
    (第一季度 / 392 / -6.4% / 8), rows parted by a blank line. Read as prose, a row ran into the
    next (392 / -6.4% read as the range 392-6.4%) and a 同比 cell knew neither its row nor its
    column. A block is such a table when at least two paragraphs of the same number of lines (three
    or more) follow a header paragraph of as many short lines, each with a name and then number
    cells only. The rows are laid out as `pasted_tables` lays out a pasted table, and the blank
    lines between them are dropped.

    >>> raw = "表1\\n\\n季度\\n事故起数\\n同比\\n\\n一季度\\n392\\n-6.4%\\n\\n二季度\\n381\\n-11.8%\\n\\n完"
    >>> lines = [m.span() for m in TEXT_LINE.finditer(raw) if m.end() > m.start()]
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
        return all(print_width(t) <= _LINE_CELL_WIDTH and t[-1] not in _SENTENCE_END for t in texts)

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
