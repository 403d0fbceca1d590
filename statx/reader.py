"""Read records back: records files (JSON lines, JSON, CSV, Parquet), or articles to extract first.

`statx summary` takes what `statx extract` wrote, or the articles themselves; this module
tells one from the other (by file ending, or by content for stdin and unknown endings) and
turns every row back into a typed `Record`, so the summary never sees a string where a
number belongs. A records file is read whole before any of its records is used: a bad row
fails the file, and totals never silently include half of it.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
import sys
import typing
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from statx.errors import SourceError, StatxError
from statx.export import plain_value
from statx.extract import extract_paths, extract_text
from statx.records import Record
from statx.rules import RuleSet, load_rules
from statx.sources import ARTICLE_SUFFIXES, EMPTY_PATH, read_text

RecordsKind = Literal["jsonl", "json", "csv", "parquet"]

#: File endings read as records files; any other file is sniffed, a folder is articles.
RECORD_SUFFIXES: dict[str, RecordsKind] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".parquet": "parquet",
}

_FIELDS = {f.name: f for f in dataclasses.fields(Record)}
_HINTS = typing.get_type_hints(Record)
#: Fields a records file must have: those a Record cannot do without.
REQUIRED = tuple(
    name
    for name, f in _FIELDS.items()
    if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
)
_OPTIONAL = frozenset(name for name, hint in _HINTS.items() if type(None) in typing.get_args(hint))
_INTEGERS = frozenset(
    name for name, hint in _HINTS.items() if int in (hint, *typing.get_args(hint)) and name != "value"
)


class RowError(ValueError):
    """One cell that cannot be a record field; becomes a SourceError naming the file and line."""


def sniff(data: bytes) -> RecordsKind | None:
    """Tell a records file by its first bytes; None when it looks like an article.

    `[` starts a JSON array, `{` JSON lines, `PAR1` Parquet, and a first line naming the
    required fields a CSV file. Anything else is text to extract figures from.

    >>> sniff(b'{"doc": "a"}'), sniff(b"  [\\n"), sniff(b"doc,text,value,unit\\n")
    ('jsonl', 'json', 'csv')
    >>> sniff("共查处各类交通违法58957起".encode()) is None
    True
    """
    if data.startswith(b"PAR1"):
        return "parquet"
    head = data[:65536].decode("utf-8-sig", errors="replace").lstrip()
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        return "jsonl"
    first = head.split("\n", 1)[0].strip("\r")
    header = next(csv.reader([first]), [])
    if set(REQUIRED) <= {h.strip() for h in header}:
        return "csv"
    return None


def read_records(path: str | Path) -> list[Record]:
    """Read a records file written by `statx extract` (or by hand, or by another tool).

    The kind comes from the ending (.jsonl .ndjson .json .csv .parquet), else from the
    content. Columns beyond the record fields are ignored; missing optional fields take
    their defaults; `doc`, `text`, `value` and `unit` are required.

    Args:
        path: the file.

    Returns:
        The records in file order.

    Raises:
        SourceError: the file cannot be read or one of its rows is not a record.
    """
    path = Path(path)
    data = _read_bytes(path)
    kind = RECORD_SUFFIXES.get(path.suffix.lower()) or sniff(data)
    if kind is None:
        raise SourceError(str(path), "not a records file (jsonl, json, csv or parquet of records)")
    return parse_records(data, kind, str(path))


def parse_records(data: bytes, kind: RecordsKind, where: str) -> list[Record]:
    """Parse the bytes of a records file of a known kind; errors name `where` and the line."""
    if kind == "parquet":
        return _parse_parquet(data, where)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise SourceError(where, f"records file not valid UTF-8 at byte {e.start}") from None
    if kind == "csv":
        return _parse_csv(text, where)
    if kind == "json":
        return _parse_json(text, where)
    return _parse_jsonl(text, where)


def read_inputs(
    inputs: Iterable[str | Path],
    *,
    rules: RuleSet | None = None,
    encoding: str | None = None,
    on_error: Callable[[StatxError], None] | None = None,
) -> Iterator[Record]:
    """Yield the records of each input: a records file's rows, or the figures of articles.

    Folders and article files (.txt .md .markdown .html .htm) are extracted; records files
    are read back; `-` (stdin) and files with other endings are told apart by content
    (`sniff`). One bad input never loses the others: its error goes to `on_error` (raised
    when no handler is given).

    Args:
        inputs: paths, folders or `-`.
        rules: rules for the articles; the built-in rules (loaded once, only if an article
            comes) when None.
        encoding: the encoding of articles (records files are always UTF-8).
        on_error: called with each per-input error; None raises it.

    Yields:
        Records, input by input.
    """
    loaded: list[RuleSet] = [rules] if rules is not None else []

    def article_rules() -> RuleSet:
        if not loaded:
            loaded.append(load_rules(examples=False))
        return loaded[0]

    for item in inputs:
        name = str(item)
        path = Path(item)
        try:
            if not name.strip():
                raise SourceError(repr(name), EMPTY_PATH)
            if name == "-":
                data = sys.stdin.buffer.read()
                kind = sniff(data)
                if kind is not None:
                    yield from parse_records(data, kind, "<stdin>")
                else:
                    text = read_text(data, "<stdin>", encoding)
                    yield from extract_text(text, "stdin", rules=article_rules())
                continue
            if path.is_dir() or path.suffix.lower() in ARTICLE_SUFFIXES:
                yield from extract_paths([path], rules=article_rules(), encoding=encoding, on_error=on_error)
                continue
            data = _read_bytes(path)
            kind = RECORD_SUFFIXES.get(path.suffix.lower()) or sniff(data)
            if kind is None or not _holds_records(data, kind):  # an article corpus: extract it
                yield from extract_paths([path], rules=article_rules(), encoding=encoding, on_error=on_error)
            else:
                yield from parse_records(data, kind, name)
        except SourceError as err:
            if on_error is None:
                raise
            on_error(err)


def _holds_records(data: bytes, kind: RecordsKind) -> bool:
    """Tell a records file from an article corpus of the same format (one article per line).

    `statx extract` reads `corpus.jsonl` as articles; `statx summary corpus.jsonl` should
    too, rather than fail on the first line for lack of a `unit`.
    """
    if kind == "jsonl":
        head = next((line for line in data.splitlines() if line.strip()), b"")
        try:
            row = json.loads(head)
        except ValueError:
            return True  # not JSON at all: let the records parser say where
        return not isinstance(row, dict) or "unit" in row or "text" not in row
    if kind == "csv":
        header = data.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode("utf-8", "replace")
        return "unit" in header.split(",") or "text" not in header.split(",")
    return True


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise SourceError(str(path), "no such file or folder") from None
    except PermissionError:
        raise SourceError(str(path), "permission denied") from None
    except IsADirectoryError:
        raise SourceError(str(path), "is a folder, not a records file") from None
    except OSError as e:
        raise SourceError(str(path), f"cannot read: {e.strerror or e}") from None


def _parse_jsonl(text: str, where: str) -> list[Record]:
    records = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise SourceError(where, f"line {n}: not valid JSON ({e.msg})") from None
        records.append(_record(row, where, f"line {n}"))
    return records


def _parse_json(text: str, where: str) -> list[Record]:
    try:
        rows = json.loads(text)
    except json.JSONDecodeError as e:
        raise SourceError(where, f"not valid JSON at line {e.lineno} ({e.msg})") from None
    if not isinstance(rows, list):
        raise SourceError(where, "JSON records file must be an array of objects")
    return [_record(row, where, f"item {i}") for i, row in enumerate(rows, 1)]


def _parse_csv(text: str, where: str) -> list[Record]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader, [])]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise SourceError(where, f"CSV header lacks {', '.join(missing)} (not a records file)")
    records = []
    for cells in reader:
        if not cells:
            continue
        if len(cells) != len(header):
            raise SourceError(
                where, f"line {reader.line_num}: {len(cells)} cells where the header has {len(header)}"
            )
        row = {h: (None if c == "" and h in _OPTIONAL else c) for h, c in zip(header, cells, strict=True)}
        records.append(_record(row, where, f"line {reader.line_num}"))
    return records


def _parse_parquet(data: bytes, where: str) -> list[Record]:
    import pandas as pd

    try:
        frame = pd.read_parquet(io.BytesIO(data), engine="pyarrow")
    except (ValueError, OSError) as e:  # pyarrow's ArrowInvalid is a ValueError
        raise SourceError(where, f"not a valid Parquet file ({e})") from None
    columns = [str(c) for c in frame.columns]
    return [
        _record(dict(zip(columns, values, strict=True)), where, f"row {i}")
        for i, values in enumerate(frame.itertuples(index=False, name=None), 1)
    ]


def _record(row: Any, where: str, at: str) -> Record:
    if not isinstance(row, dict):
        raise SourceError(where, f"{at}: not an object with record fields")
    kwargs: dict[str, Any] = {}
    try:
        for name, f in _FIELDS.items():
            raw = plain_value(row[name]) if name in row else None
            if raw is None:
                if name in _OPTIONAL:
                    kwargs[name] = None
                elif f.default is not dataclasses.MISSING:
                    kwargs[name] = f.default
                else:
                    raise RowError(f"{name} is missing")
            elif name == "value":
                kwargs[name] = _number(raw, name)
            elif name in _INTEGERS:
                kwargs[name] = _integer(raw, name)
            else:
                kwargs[name] = str(raw)
    except RowError as e:
        raise SourceError(where, f"{at}: {e}") from None
    return Record(**kwargs)


def _number(raw: Any, name: str) -> int | float:
    """A figure's value as records hold it: int when whole, else float.

    >>> _number("17000", "value"), _number(17000.0, "value"), _number("93.03", "value")
    (17000, 17000, 93.03)
    """
    if isinstance(raw, bool):
        raise RowError(f"{name} {raw!r} is not a number")
    if isinstance(raw, int):
        return raw
    try:
        number = float(raw)
    except (TypeError, ValueError):
        raise RowError(f"{name} {raw!r} is not a number") from None
    if not math.isfinite(number):
        raise RowError(f"{name} {raw!r} is not a finite number")
    return int(number) if number.is_integer() else number


def _integer(raw: Any, name: str) -> int:
    number = _number(raw, name)
    if not isinstance(number, int):
        raise RowError(f"{name} {raw!r} is not a whole number")
    return number
