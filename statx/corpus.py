"""Read corpora, one article per JSON line or CSV row, streamed: a multi-GB dump never sits in memory.

A crawl is rarely one file per article: it is a JSON-lines dump (`id`, `text`, `title`,
`date`, `url`) or a spreadsheet export with a text column. Each line or row becomes one
Source whose offsets index its own text. A bad line is an error for that line alone, named
`file:line`, and reading goes on with the next; only a stream that cannot be read further
(a truncated .gz) ends the file, with one error saying so.

Lines are split on bytes and decoded one by one (GB18030 and Big5 never hold a `\\n` byte
inside a character), so one line in a stray encoding costs that line, not the file; UTF-16
files, whose line breaks are two bytes, are decoded as a stream instead.
"""

from __future__ import annotations

import csv
import io
import json
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import regex

from statx.encodings import Decoder, looks_utf16
from statx.errors import SourceError
from statx.frontmatter import iso_date
from statx.sources import GZIP_MAGIC, Fields, Source, peek

__all__ = ["LineRange", "line_ranges", "read_corpus", "read_line_range"]

#: A file whose first lines are all bad is not the format its name says: stop, one message.
_GIVE_UP_AFTER = 20
_LONE_SURROGATE = regex.compile(r"[\ud800-\udfff]")
#: Byte-order marks of the encodings whose line breaks are more than one byte (UTF-32 LE first).
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def read_corpus(
    stream: IO[bytes],
    where: str,
    fmt: str,
    stem: str,
    *,
    encoding: str | None = None,
    fields: Fields | None = None,
) -> Iterator[Source | SourceError]:
    """Yield each article of an open corpus stream, or the error of each line that is not one.

    Args:
        stream: the file's bytes (already decompressed), read line by line.
        where: the file as the user named it, for `file:line` in messages.
        fmt: `jsonl`, `csv` or `tsv`.
        stem: ids default to `<stem>:<line>` when a line has none.
        encoding: force this encoding; None detects (per file, line by line).
        fields: the names of the text and id fields.
    """
    fields = fields or Fields()
    decoder = Decoder(encoding)
    lines = _lines(stream, where, decoder)
    if fmt == "jsonl":
        items = _json_lines(lines, where, stem, decoder, fields)
    else:
        items = _csv_rows(lines, where, stem, decoder, fields, "\t" if fmt == "tsv" else ",")
    tally = _Tally(where, fmt)
    for item in items:
        yield item
        if (hopeless := tally.count(item)) is not None:
            yield hopeless
            return


@dataclass(slots=True)
class _Tally:
    """Counts a file's good and bad entries, to give up on one whose first lines are all bad."""

    where: str
    fmt: str
    good: int = 0
    bad: int = 0

    def count(self, item: Source | SourceError) -> SourceError | None:
        """The error that ends the file, once the first `_GIVE_UP_AFTER` entries are all bad."""
        if isinstance(item, Source):
            self.good += 1
        else:
            self.bad += 1
        if not self.good and self.bad >= _GIVE_UP_AFTER:
            return SourceError(
                self.where, f"the first {self.bad} lines are all bad: not {self.fmt}? (rest skipped)"
            )
        return None


@dataclass(frozen=True, slots=True)
class LineRange:
    """A run of whole lines of a JSON-lines file, left for a worker process to read and decode."""

    offset: int  # in bytes
    size: int
    first_line: int


def line_ranges(
    path: Path,
    where: str,
    stem: str,
    chunk_bytes: int,
    *,
    encoding: str | None = None,
    fields: Fields | None = None,
) -> Iterator[LineRange | Source | SourceError] | None:
    """Cut a plain JSON-lines file into runs of lines without decoding them, where that is exact.

    Decoding JSON is most of the cost of reading a corpus; with `--jobs`, the workers should
    pay it, not the one process that feeds them. A run is left undecoded only when reading it
    on its own gives what `read_corpus` gives in sequence: the file is neither compressed nor
    UTF-16/32, the run is valid UTF-8 (so no line depends on an encoding learned from an
    earlier one), and an article has been read already (so the check that gives up on a file
    whose first lines are all bad is over). Other runs are read here, in order.

    Returns:
        None when the file cannot be cut so (the caller reads it with `read_corpus`); else
        ranges for the workers and, in their place, the articles and errors read here.
    """
    try:
        if not path.is_file():  # a named pipe can be read only once, in sequence
            return None
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return None  # read_corpus says why, in its place
    decoder = Decoder(encoding)
    if (
        head.startswith(GZIP_MAGIC)
        or any(head.startswith(bom) for bom, _ in _WIDE_BOMS)
        or b"\x00" in head
        or decoder.forced not in (None, "utf-8")
    ):
        return None
    return _ranges(path, where, stem, chunk_bytes, decoder, fields or Fields())


def _ranges(
    path: Path, where: str, stem: str, chunk_bytes: int, decoder: Decoder, fields: Fields
) -> Iterator[LineRange | Source | SourceError]:
    tally = _Tally(where, "jsonl")
    offset, line = 0, 1
    with path.open("rb") as fh:
        while True:
            try:
                data = fh.read(chunk_bytes)
                if data and not data.endswith(b"\n"):
                    data += fh.readline()
            except OSError as e:
                yield SourceError(
                    f"{where}:{line}", f"cannot read on: {e.strerror or e} (rest of the file skipped)"
                )
                return
            if not data:
                return
            if tally.good and _is_utf8(data):
                yield LineRange(offset, len(data), line)
            else:
                for item in _json_lines(enumerate(io.BytesIO(data), line), where, stem, decoder, fields):
                    yield item
                    if (hopeless := tally.count(item)) is not None:
                        yield hopeless
                        return
            offset += len(data)
            line += data.count(b"\n")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def read_line_range(
    path: str,
    where: str,
    stem: str,
    lines: LineRange,
    *,
    encoding: str | None = None,
    fields: Fields | None = None,
) -> Iterator[Source | SourceError]:
    """The articles of a run of lines cut by `line_ranges`, as `read_corpus` reads them in sequence."""
    try:
        with open(path, "rb") as fh:
            fh.seek(lines.offset)
            data = fh.read(lines.size)
    except OSError as e:
        yield SourceError(f"{where}:{lines.first_line}", f"cannot read: {e.strerror or e}")
        return
    if len(data) != lines.size:
        yield SourceError(f"{where}:{lines.first_line}", "the file changed while it was being read")
        return
    numbered = enumerate(io.BytesIO(data), lines.first_line)
    yield from _json_lines(numbered, where, stem, Decoder(encoding), fields or Fields())


def _lines(
    stream: IO[bytes], where: str, decoder: Decoder
) -> Iterator[tuple[int, bytes | str | SourceError]]:
    """Number the lines of a corpus: bytes, or text for UTF-16/32; a stream that breaks ends with an error."""
    n = 0
    try:
        head = peek(stream, 4096)
        wide = next((codec for bom, codec in _WIDE_BOMS if head.startswith(bom)), None)
        if decoder.forced:
            wide = decoder.forced if decoder.forced.startswith(("utf-16", "utf-32")) else None
        elif wide is None and b"\x00" in head:
            wide = looks_utf16(head)
            if wide is None:
                yield 0, SourceError(where, "binary file, not text (a corpus is JSON lines or CSV)")
                return
        if wide is None:
            for n, line in enumerate(stream, 1):  # n names the line a broken stream fails at
                yield n, line
        else:
            for n, text in enumerate(io.TextIOWrapper(stream, encoding=wide, newline=""), 1):
                yield n, text.removeprefix("\ufeff") if n == 1 else text
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as e:
        problem = e.strerror if isinstance(e, OSError) and e.strerror else str(e) or type(e).__name__
        yield n + 1, SourceError(f"{where}:{n + 1}", f"cannot read on: {problem} (rest of the file skipped)")


def _decode(line: bytes | str, where: str, decoder: Decoder) -> str:
    return line if isinstance(line, str) else decoder.decode(line, where)


def _clean(text: str) -> str:
    """Replace lone surrogates (from a JSON `\\ud800` escape), which no output can encode.

    U+FFFD keeps the length, so offsets still hold.
    """
    return _LONE_SURROGATE.sub("\ufffd", text) if _LONE_SURROGATE.search(text) else text


def _json_lines(
    lines: Iterable[tuple[int, bytes | str | SourceError]],
    where: str,
    stem: str,
    decoder: Decoder,
    fields: Fields,
) -> Iterator[Source | SourceError]:
    for n, line in lines:
        if isinstance(line, SourceError):
            yield line
            return
        if not line.strip():
            continue  # a blank line (the last newline, a separator) holds no article
        here = f"{where}:{n}"
        try:
            obj = json.loads(_decode(line, here, decoder))
        except SourceError as e:
            yield e
            continue
        except RecursionError:
            yield SourceError(here, "not JSON (nested too deeply)")
            continue
        except ValueError as e:
            yield SourceError(here, f"not JSON ({_json_problem(e)})")
            continue
        if not isinstance(obj, dict):
            shape = f'{{"{fields.id}": ..., "{fields.text}": ...}}'
            yield SourceError(here, f"not a JSON object (one article per line: {shape})")
            continue
        yield _source(obj, here, f"{stem}:{n}", fields, "field")


def _json_problem(e: ValueError) -> str:
    """`Expecting value: line 1 column 12 (char 11)` -> `expected value at column 12`."""
    if isinstance(e, json.JSONDecodeError):
        return f"{e.msg.replace('Expecting', 'expected')} at column {e.colno}"
    return str(e)


def _csv_rows(
    lines: Iterator[tuple[int, bytes | str | SourceError]],
    where: str,
    stem: str,
    decoder: Decoder,
    fields: Fields,
    delimiter: str,
) -> Iterator[Source | SourceError]:
    csv.field_size_limit(2**31 - 1)  # a 20 MB article is one field; the default limit is 128 KiB
    pending: list[SourceError] = []

    def texts() -> Iterator[str]:
        for n, line in lines:
            if isinstance(line, SourceError):
                pending.append(line)
                return
            try:
                yield _decode(line, f"{where}:{n}", decoder)
            except SourceError as e:
                pending.append(e)  # reported for the row this line belongs to
                yield "\n"

    reader = csv.reader(texts(), delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as e:
        yield SourceError(f"{where}:1", f"not CSV ({e})")
        return
    if pending:
        yield from pending
        return
    if header is None:
        yield SourceError(where, "empty file")
        return
    header = [name.removeprefix("\ufeff").strip() for name in header]
    if fields.text not in header:
        yield SourceError(
            where, f"no {fields.text!r} column (columns: {_names(header)}; name it with --text-field)"
        )
        return
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader, None)
        except csv.Error as e:
            yield SourceError(f"{where}:{start}", f"not CSV ({e})")
            continue
        if pending:
            yield pending[0]
            pending.clear()
            continue
        if row is None:
            return
        if not any(cell.strip() for cell in row):
            continue
        rec = dict(zip(header, row, strict=False))
        yield _source(rec, f"{where}:{start}", f"{stem}:{start}", fields, "column")


def _source(
    rec: Mapping[str, object], where: str, default_id: str, fields: Fields, kind: str
) -> Source | SourceError:
    """One corpus entry as a Source, or what is wrong with it."""
    if fields.text not in rec:
        return SourceError(where, f"no {fields.text!r} {kind} (has {_names(rec)}; name it with --text-field)")
    text = rec[fields.text]
    if not isinstance(text, str):
        return SourceError(where, f"{kind} {fields.text!r} is {_json_type(text)}, not text")
    if not text:
        return SourceError(where, "empty text")
    ident = rec.get(fields.id)
    if ident is None or ident == "":
        doc = default_id
    elif isinstance(ident, str | int | float) and not isinstance(ident, bool):
        doc = _clean(str(ident))
    else:
        return SourceError(where, f"{kind} {fields.id!r} is {_json_type(ident)}, not a string or number")
    date = next((d for key in DATE_KEYS if (d := _meta(rec.get(key)))), None)
    return Source(
        doc=doc,
        text=_clean(text),
        origin=where,
        title=_meta(rec.get("title")),
        date=iso_date(date) if date else None,
        url=_meta(rec.get("url")),
    )


#: Fields that hold an article's publication date, first found wins.  Crawlers seldom call it
#: `date`: Scrapy items, news spiders and CMS exports write `publish_time`, `pub_date` and the like,
#: and a date left unread leaves every record of the row without one.
DATE_KEYS = (
    "date",
    "publish_time",
    "publish_date",
    "pub_time",
    "pub_date",
    "pubdate",
    "published",
    "published_at",
    "publishTime",
    "pubDate",
)


def _meta(value: object) -> str | None:
    if isinstance(value, str):
        return _clean(value.strip()) or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _names(keys: Mapping[str, object] | list[str]) -> str:
    names = [str(k) for k in keys][:8]
    return ", ".join(names) + (", ..." if len(keys) > 8 else "") if names else "none"


def _json_type(value: object) -> str:
    """How JSON calls the type of `value`, for messages.

    >>> _json_type(None), _json_type([1]), _json_type(2.5), _json_type(True)
    ('null', 'an array', 'a number', 'a boolean')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
