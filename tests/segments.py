"""A check shared by the tests of the text readers: prepared text maps back to its raw source."""

from __future__ import annotations

from statx.normalize import Prepared, normalize


def check_segments(prepared: Prepared, raw: str) -> None:
    """One-to-one segments hold the folded raw characters; all segments are ordered.

    An HTML source line break read as a space (one blank for another) and a phrase's line break
    read as a comma (a phone-copied post, see `phrase_lines`) are the exceptions.
    """
    omap = prepared.offsets
    prev_raw = 0
    for n0, nlen, o0, olen in zip(
        omap.new_starts, omap.new_lens, omap.raw_starts, omap.raw_lens, strict=True
    ):
        assert o0 >= prev_raw and o0 + olen <= len(raw)
        new, old = prepared.text[n0 : n0 + nlen], raw[o0 : o0 + olen]
        if nlen == olen and not (new == " " and old.isspace()) and not (new == "," and old == "\n"):
            assert prepared.text[n0 : n0 + nlen] == normalize(raw[o0 : o0 + olen]).text
        prev_raw = o0 + olen
    assert omap.length == len(prepared.text)
