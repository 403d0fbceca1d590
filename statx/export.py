"""Write records as JSON lines, JSON or CSV, streaming, to stdout or atomically to a file.

Output is byte-stable: fixed field order, `ensure_ascii=False`, `\\n` line ends, so the
same input always gives the same bytes (diffable, cacheable).
"""

from __future__ import annotations

import contextlib
import csv
import enum
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from statx.errors import UsageError
from statx.records import FIELDS, Record


class Format(enum.StrEnum):
    """Output formats of `statx extract`."""

    jsonl = "jsonl"
    json = "json"
    csv = "csv"


def _json_line(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False, separators=(", ", ": "))


def write_jsonl(records: Iterable[Record], out: IO[str]) -> int:
    """One record per line, flushed as found so a pipeline sees results before the run ends."""
    n = 0
    for rec in records:
        out.write(_json_line(rec.to_dict()) + "\n")
        n += 1
    return n


def write_json(records: Iterable[Record], out: IO[str]) -> int:
    """A JSON array, one record a line, streamed (never builds the whole list)."""
    n = 0
    out.write("[")
    for rec in records:
        out.write(("\n  " if n == 0 else ",\n  ") + _json_line(rec.to_dict()))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n


def write_csv(records: Iterable[Record], out: IO[str], *, bom: bool = False) -> int:
    """CSV with a header in record field order; empty cell for null. `bom` helps Excel detect UTF-8."""
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    n = 0
    for rec in records:
        writer.writerow(["" if v is None else v for v in rec.to_dict().values()])
        n += 1
    return n


WRITERS = {Format.jsonl: write_jsonl, Format.json: write_json, Format.csv: write_csv}


@contextlib.contextmanager
def atomic_output(path: Path | None, *, binary: bool = False) -> Iterator[IO[Any]]:
    """Open stdout, or a temporary file beside `path` that replaces it only on success.

    A failed or interrupted run therefore leaves an existing file untouched and no half file.
    """
    if path is None:
        yield sys.stdout.buffer if binary else sys.stdout
        return
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"{path}: output folder {folder} does not exist (create it first)")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_records(
    records: Iterable[Record], fmt: Format, path: Path | None = None, *, bom: bool = False
) -> int:
    """Write records in `fmt` to `path` (atomically) or stdout; return how many were written."""
    with atomic_output(path) as out:
        if fmt is Format.csv:
            return write_csv(records, out, bom=bom)
        return WRITERS[fmt](records, out)
