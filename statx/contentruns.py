"""Write a document's content into a TextBuilder run by run, leaving out spans or replacing them.

Every reader (plain text, Markdown, HTML) ends the same way: it hands stretches of the raw
document to a :class:`~statx.normalize.TextBuilder`, skipping the spans it found to give no
text (a wrap's line break, a formatting marker) and replacing others (a table's gap by
`` | ``). Link targets and URLs are never content, whichever reader found them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable

from statx.normalize import TextBuilder

__all__ = ["Spans", "clear_of", "emit_between", "emit_content", "emit_plain", "emit_replacing"]


# Link targets and URLs are not content: their digits are ids, never figures.
# Markdown `[text](target)` loses `(target)` (ASCII only, so a Chinese aside in brackets stays),
# `<http://...>` autolinks and bare URLs stopping at CJK text or punctuation.
# The lookahead stops at `(` as the target itself does, so `[a]([a]([a](...` stays linear.
_LINKISH = re.compile(
    r"(?<=\])\((?=[^()\s]*[/.#:])[!-'*-~]+\)"
    r"|<(?:https?|ftp)://[^<>\s]*>"
    r"|(?:https?|ftp)://[^\s<>\"'()\[\]{}\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+"
)


def emit_content(builder: TextBuilder, raw_start: int, text: str) -> None:
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


def emit_plain(builder: TextBuilder, raw: str, start: int, end: int) -> None:
    """Append ``raw[start:end]`` as content (see `emit_content`); the emitter the other helpers take."""
    if start < end:
        emit_content(builder, start, raw[start:end])


def emit_between(
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


Spans = list[tuple[int, int]]


def clear_of(spans: Spans, blockers: Spans, *, touching: bool = False) -> Spans:
    """The `spans` that overlap none of `blockers` (sorted, disjoint), or touch none with `touching`.

    A search per span: documents have thousands of cuts, and testing each against every
    blocker made long articles quadratic.

    >>> spans = [(0, 2), (3, 4), (6, 7)]
    >>> clear_of(spans, [(2, 3)]), clear_of(spans, [(2, 3)], touching=True)
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


def emit_replacing(
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
