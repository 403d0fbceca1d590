"""Decode the bytes of an article or a corpus line: UTF-8 first, then detection narrowed to Chinese.

Crawls come in whatever encoding each site used: UTF-8 mostly, GB18030/GBK or Big5 on older
Chinese sites, UTF-16 from Windows tools. Reading GBK as UTF-8 fails loudly, but reading it
with the wrong legacy codec fails quietly (mojibake, no figures, no error), so after UTF-8
the detector (charset-normalizer) first chooses only among the encodings Chinese text comes
in, and only then among all. A file that is UTF-8 but for a few damaged bytes (a crawl cut
in the middle of a character) stays UTF-8, with the damage reported, rather than being
re-read as some legacy encoding.

Offsets index the decoded text, and a BOM is never part of it.
"""

from __future__ import annotations

import codecs
import logging
import re

from statx.errors import SourceError, UsageError
from statx.patterncache import compile_pattern

__all__ = ["Decoder", "check_encoding", "looks_utf16"]

log = logging.getLogger(__name__)

#: Checked in this order: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Formats that are never text, by their first bytes: a clearer message than "not UTF-8".
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "a program"),
    (b"\x1f\x8b", "gzip data"),
    (b"\xd0\xcf\x11\xe0", "an Office document (.doc/.xls)"),
)
#: What Chinese text comes in, tried before anything else; GB18030 is a superset of GBK and GB2312.
_CHINESE = ["gb18030", "big5"]
#: Decoders tried for a detected name, narrowest first (Big5 has vendor extensions).
_FAMILY = {
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "gb18030": ("gb18030",),
    "big5": ("big5", "cp950", "big5hkscs"),
    "cp950": ("cp950", "big5hkscs"),
}
_ASCII = bytes(range(128))
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BINARY = "binary file, not text (give articles as .txt, .md, .html or .jsonl)"
# `regex`, from the pattern cache: `re` takes 10 ms to compile these ranges, at every start
_HANZI = compile_pattern("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
_DAMAGED = "%s: %d invalid byte sequence(s) in %s text, read as U+FFFD"
_HINT = "try --encoding gb18030, --encoding big5 or --encoding utf-16"


def check_encoding(name: str) -> str:
    """Return the codec name Python knows `name` by; a usage error when there is none.

    >>> check_encoding("GBK"), check_encoding("utf8")
    ('gbk', 'utf-8')
    """
    try:
        codec = codecs.lookup(name)
        "".encode(codec.name)  # `base64` and `rot13` exist but are not text encodings
    except LookupError:
        raise UsageError(f"unknown encoding {name!r} ({_HINT})") from None
    return codec.name


def looks_utf16(head: bytes) -> str | None:
    """Tell UTF-16 without a BOM by where its NUL bytes fall; the codec name or None.

    ASCII characters (digits, markup, line breaks) in UTF-16 have a NUL as their high byte,
    so nearly all NULs sit at odd offsets (little-endian) or even ones (big-endian); in a
    binary file they fall anywhere.

    >>> looks_utf16("共12起\\n".encode("utf-16-le")), looks_utf16(bytes(16))
    ('utf-16-le', None)
    """
    odd, even = head[1::2].count(0), head[0::2].count(0)
    if odd + even == 0:
        return None
    if odd >= 0.95 * (odd + even):
        return "utf-16-le"
    if even >= 0.95 * (odd + even):
        return "utf-16-be"
    return None


def _magic(data: bytes) -> str | None:
    for start, what in _MAGIC:
        if data.startswith(start):
            return what
    return None


def _tolerant(data: bytes, codec: str) -> tuple[str, int] | None:
    """Decode with damaged bytes replaced by U+FFFD, if they are few; None if the codec does not fit.

    Few means a character cut at the very end (a truncated download), or at most one in a
    hundred of the non-ASCII characters. Reading GBK as UTF-8 damages nearly every Chinese
    character, so it never passes as "a few".

    >>> _tolerant("共12起".encode()[:-1], "utf-8"), _tolerant("共12起".encode("gbk"), "utf-8")
    (('共12\ufffd', 1), None)
    """
    try:
        return data.decode(codec), 0
    except UnicodeDecodeError as e:
        cut_at_end = e.end == len(data) and len(data) - e.start <= 3
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
    non_ascii = len(text) - (len(data) - len(data.translate(None, _ASCII)))
    if (cut_at_end and bad == 1) or bad <= non_ascii // 100:
        return text, bad
    return None


def _control_share(text: str) -> float:
    """The share of control characters (not tab, line breaks, form feed) at the start of `text`.

    >>> _control_share("共12起\\n"), _control_share("\\x01\\x02ab")
    (0.0, 0.5)
    """
    sample = text[:8192]
    return len(_CONTROL.findall(sample)) / max(1, len(sample))


def _hanzi_share(text: str) -> float:
    """The share of Chinese characters and punctuation among the non-ASCII ones: high for the right codec.

    Decoded with the wrong one of GB18030 and Big5, a short text turns partly into kana and
    symbols (`共12起` in GB18030 read as Big5 is `僕12れ`), which statistics over a few
    bytes cannot tell.

    >>> _hanzi_share("共12起"), _hanzi_share("僕12れ")
    (1.0, 0.5)
    """
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return len(_HANZI.findall(text)) / non_ascii if non_ascii else 1.0


def _warn_if_utf8(data: bytes, forced: str, where: str) -> None:
    """Warn when text forced through another codec is UTF-8: the reading is then nonsense.

    Any byte string decodes as latin-1, and much as GB18030, so a forced codec raises nothing
    on a UTF-8 file and every figure comes out under garbled labels, exit 0. Text with
    non-ASCII bytes that is valid UTF-8 is UTF-8 (other encodings of Chinese almost never
    form its byte patterns), so saying so costs no false alarms.

    >>> _warn_if_utf8("共12起".encode("gb18030"), "gb18030", "a.txt")  # not UTF-8: silent
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return
    log.warning("%s: this is UTF-8 text, read as %s because of --encoding; drop --encoding", where, forced)


def _warn_if_misread(data: bytes, text: str, forced: str, where: str) -> None:
    """Warn when another Chinese encoding reads the text forced through `forced` far better.

    GB18030 takes most Big5 bytes (and latin-1 takes any), so forcing the wrong one of them
    gives kana and symbols for the hanzi, with no error and exit 0. When the forced reading
    is not mostly Chinese and a Chinese codec reads the same bytes cleanly and is, the user
    gave the wrong name.

    >>> _warn_if_misread("共12起".encode("big5"), "共12起", "big5", "a.txt")  # a right reading: silent
    """
    if _hanzi_share(text) >= 0.9:
        return
    for codec in _CHINESE:
        try:
            other = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _hanzi_share(other) >= 0.95:
            hint = f"use --encoding {codec}, or drop --encoding"
            log.warning("%s: this reads as %s text, not %s; %s", where, codec, forced, hint)
            return


class Decoder:
    """Decode the pieces of one input (a whole file, or each line of a corpus) alike.

    The encoding detected for the first piece that needs detection is tried first for the
    ones after it, so a GB18030 corpus of a million lines costs one detection, not a million.

    Args:
        encoding: decode with this codec only (`--encoding`); None detects.
    """

    def __init__(self, encoding: str | None = None) -> None:
        self.forced = check_encoding(encoding) if encoding else None
        self.given = encoding  # as the user wrote it, for messages
        self.learned: str | None = None
        self.utf8_checked = False  # whether a forced codec's input was checked for UTF-8

    def decode(self, data: bytes, where: str) -> str:
        """Return the text of `data`, or raise SourceError saying what it is and what to try.

        Args:
            data: the bytes of one file or corpus line.
            where: the file (and line) for messages.
        """
        what = _magic(data)
        if what is not None:
            raise SourceError(where, f"binary file ({what}), not text")
        text = self._forced(data, where) if self.forced else self._detected(data, where)
        if _control_share(text) > 0.05:
            raise SourceError(where, _BINARY)
        return text

    def _forced(self, data: bytes, where: str) -> str:
        assert self.forced is not None
        codec = "utf-8-sig" if self.forced == "utf-8" else self.forced
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as e:
            raise SourceError(
                where, f"not valid {self.forced} at byte {e.start} (try another --encoding, or none)"
            ) from None
        if not self.utf8_checked and codec != "utf-8-sig" and not data.isascii():
            self.utf8_checked = True  # the first piece that can tell: once per input, not per line
            _warn_if_utf8(data, self.given or self.forced, where)
            _warn_if_misread(data, text, self.given or self.forced, where)
        return text.removeprefix("\ufeff")

    def _detected(self, data: bytes, where: str) -> str:
        for bom, codec in _BOMS:
            if data.startswith(bom):
                try:
                    return data.decode(codec)
                except UnicodeDecodeError as e:
                    name = codec.removesuffix("-sig").upper()
                    raise SourceError(where, f"not valid {name} at byte {e.start} ({_HINT})") from None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        if self.learned:
            try:
                return data.decode(self.learned)
            except UnicodeDecodeError:
                pass
        if b"\x00" in data:
            wide = looks_utf16(data[:4096])
            if wide is None:
                raise SourceError(where, _BINARY)
            try:
                return data.decode(wide)
            except UnicodeDecodeError:
                raise SourceError(where, _BINARY) from None
        damaged = _tolerant(data, "utf-8")
        if damaged is not None:
            log.warning(_DAMAGED, where, damaged[1], "UTF-8")
            return damaged[0]
        return self._guess(data, where)

    def _guess(self, data: bytes, where: str) -> str:
        """Ask charset-normalizer, Chinese encodings first, then any; the most Chinese-looking reading wins.

        When neither GB18030 nor Big5 fits its statistics (too few bytes), GB18030, the
        encoding of the mainland's legacy sites, is tried before whatever else decodes.
        """
        from charset_normalizer import from_bytes  # imported when needed: most input is UTF-8

        matches = sorted(from_bytes(data, cp_isolation=_CHINESE), key=lambda m: -_hanzi_share(str(m)))
        names = [matches[0].encoding] if matches else ["gb18030", ""]
        for name in names:
            if not name:  # not Chinese, it seems: whatever charset-normalizer finds
                best = from_bytes(data).best()
                name = best.encoding if best is not None else ""
            for codec in _FAMILY.get(name, (name,) if name else ()):
                decoded = _tolerant(data, codec)
                if decoded is not None:
                    text, bad = decoded
                    if bad:
                        log.warning(_DAMAGED, where, bad, codec)
                    self.learned = codec
                    log.debug("%s: read as %s", where, codec)
                    return text
        raise SourceError(where, f"cannot tell the encoding: not UTF-8, GB18030, Big5 or UTF-16 ({_HINT})")
