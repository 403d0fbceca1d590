"""Render a laid-out document for the terminal: each figure highlighted, what statx read beside it.

Two renderings of one layout (`statx.view.layout`): a rich `Text` for a terminal, where
colour sets the figure apart, and plain text for a pipe or a file, where brackets do
(`【1.7万余户|households_visited 17000 户 over】`), so that `statx show a.txt | grep 户`
still tells figures from prose.  rich is imported only when a terminal rendering is asked
for: `import statx` stays fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from statx.records import Record
from statx.view import Piece

if TYPE_CHECKING:
    from rich.text import Text

__all__ = ["figure_note", "plain", "rich_text"]

#: Figures with a known metric stand out more than those still counted as `other`.
STYLE_METRIC = "bold black on yellow"
STYLE_OTHER = "black on bright_cyan"
STYLE_NOTE = "dim"


def figure_note(rec: Record) -> str:
    """Say in a few words what statx read: metric, value, unit, then qualifier and change if any.

    >>> figure_note(Record(doc="d", text="1.7万余户", value=17000, unit="户", qualifier="over"))
    'other 17000 户 over'
    >>> figure_note(Record(doc="d", text="26.32%", value=26.32, unit="%", metric="accidents", change="down"))
    'accidents 26.32 % down'
    """
    parts = [rec.metric, f"{rec.value}", rec.unit]
    if rec.qualifier != "exact":
        parts.append(rec.qualifier)
    if rec.change:
        parts.append(rec.change)
    return " ".join(p for p in parts if p)


def plain(pieces: Sequence[Piece]) -> str:
    """The document as plain text, each figure written `【text|note】`.

    >>> rec = Record(doc="d", text="58957起", value=58957, unit="起")
    >>> plain([Piece("查处违法"), Piece("58957起", rec), Piece("。")])
    '查处违法【58957起|other 58957 起】。'
    """
    return "".join(f"【{p.text}|{figure_note(p.record)}】" if p.record else p.text for p in pieces)


def rich_text(pieces: Sequence[Piece]) -> Text:
    """The document as rich Text: each figure highlighted, its note dim in brackets right after it."""
    from rich.text import Text

    text = Text()
    for p in pieces:
        if p.record is None:
            text.append(p.text)
            continue
        text.append(p.text, style=STYLE_OTHER if p.record.metric == "other" else STYLE_METRIC)
        text.append(f"[{figure_note(p.record)}]", style=STYLE_NOTE)
    return text
