"""Lay a document out for reading, with every figure at its exact place in the source.

`statx show` and `statx report` let an analyst check each figure against the article, so
what they display has to be the article itself, not a re-typed copy: each figure is shown
as `source[start:end]`, exactly the characters its record points at.  Around the figures,
an HTML page is shown as the text a reader sees (tags dropped, entities decoded, blank runs
tidied, in its original script), and any other document exactly as read after its front
matter.  The layout is a list of pieces, plain or figure, which each front end (terminal,
HTML) renders in its own way.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from statx.markup import detect_kind, prepare
from statx.records import Record

__all__ = ["Piece", "layout"]

# Blank runs of HTML source (indentation, line breaks between tags): a run with two or more
# line breaks is a paragraph break, with one a line break, without any a single space.
_BLANK_RUN = re.compile(r"[ \t\r\n\f\v]+")


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of the document as shown: plain text, or one figure with its record."""

    text: str
    record: Record | None = None


@dataclass(frozen=True, slots=True)
class _Run:
    """Raw `[start, end)` shown as `shown`: character by character when the lengths agree, else whole."""

    start: int
    end: int
    shown: str

    @property
    def one_to_one(self) -> bool:
        return len(self.shown) == self.end - self.start


def layout(raw: str, records: Iterable[Record]) -> list[Piece]:
    """Split `raw` into plain pieces and one figure piece per record, in text order.

    A figure piece shows `raw[start:end]` (the record's own `text`); plain pieces show what
    lies between the figures as a reader sees it.  Records are expected not to overlap (the
    matcher guarantees it); should one overlap the previous one, its piece shows only the
    characters not shown yet, so nothing appears twice.

    Args:
        raw: the document exactly as read (the string the records' offsets index).
        records: the figures to mark, in any order.

    Returns:
        Pieces whose plain runs hold no figure and whose figure runs hold exactly one.

    >>> from statx.records import Record
    >>> raw = "<p>共查处&lt;违法&gt;58957起</p>"
    >>> rec = Record(doc="d", text="58957起", value=58957, unit="起", start=16, end=22)
    >>> [(p.text, p.record is not None) for p in layout(raw, [rec])]
    [('共查处<违法>', False), ('58957起', True)]
    """
    html = detect_kind(raw) == "html"
    runs = _readable_runs(raw, html)
    starts = [r.start for r in runs]
    pieces: list[Piece] = []
    pos = runs[0].start if runs else 0
    for rec in sorted(records, key=lambda r: (r.start, r.end)):
        if rec.start > pos:
            pieces.append(Piece(_shown(runs, starts, pos, rec.start)))
        pieces.append(Piece(raw[max(pos, rec.start) : max(pos, rec.end)], rec))
        pos = max(pos, rec.end)
    end = runs[-1].end if runs else len(raw)
    if end > pos:
        pieces.append(Piece(_shown(runs, starts, pos, end)))
    if html:
        pieces = [p if p.record else Piece(_tidy(p.text)) for p in pieces]
    return _trim(pieces)


def _readable_runs(raw: str, html: bool) -> list[_Run]:
    """The raw runs a reader sees, in raw order.

    For HTML these are the content runs the rule engine reads (raw characters, not the
    folded ones) and the entities and line-breaking tags it decodes; for other documents
    everything after the front matter, kept as written.
    """
    prepared, _ = prepare(raw)
    omap = prepared.offsets
    if not omap.raw_starts:
        return []
    if not html:
        return [_Run(omap.raw_starts[0], len(raw), raw[omap.raw_starts[0] :])]
    runs = []
    for new_start, new_len, raw_start, raw_len in zip(
        omap.new_starts, omap.new_lens, omap.raw_starts, omap.raw_lens, strict=True
    ):
        raw_end = raw_start + raw_len
        same = new_len == raw_len
        shown = raw[raw_start:raw_end] if same else prepared.text[new_start : new_start + new_len]
        runs.append(_Run(raw_start, raw_end, shown))
    return runs


def _shown(runs: list[_Run], starts: list[int], lo: int, hi: int) -> str:
    """What a reader sees of raw `[lo, hi)`: slices of one-to-one runs, atomic runs that start inside."""
    out = []
    i = max(0, bisect_right(starts, lo) - 1)
    while i < len(runs) and runs[i].start < hi:
        run = runs[i]
        if run.one_to_one:
            a, b = max(lo, run.start), min(hi, run.end)
            if a < b:
                out.append(run.shown[a - run.start : b - run.start])
        elif lo <= run.start:
            out.append(run.shown)
        i += 1
    return "".join(out)


def _tidy(text: str) -> str:
    """Collapse the blank runs HTML source is full of.

    >>> _tidy("a\\n    <br>\\n\\n  b  c")
    'a\\n<br>\\n\\nb c'
    """
    return _BLANK_RUN.sub(_blank, text)


def _blank(match: re.Match[str]) -> str:
    breaks = match.group().count("\n")
    return "\n\n" if breaks >= 2 else "\n" if breaks else " "


def _trim(pieces: list[Piece]) -> list[Piece]:
    """Drop blank space before the first and after the last thing shown."""
    if pieces and pieces[0].record is None:
        pieces[0] = Piece(pieces[0].text.lstrip())
    if pieces and pieces[-1].record is None:
        pieces[-1] = Piece(pieces[-1].text.rstrip())
    return [p for p in pieces if p.text or p.record is not None]
