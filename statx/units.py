"""Units of work: the inputs cut into pieces, and one piece read and extracted.

A unit is a few article files, or a range of lines (articles) of a corpus, or documents
already read (stdin, a corpus read here). It runs anywhere (this process, a worker process,
a Dask worker) and comes back already encoded as output text (JSON lines, CSV rows), or as
records for the formats that need them all. Corpora are read by the very reader
`extract_paths` uses (any format, compression or encoding, errors named file:line); a plain
JSON-lines corpus may instead be cut into runs of lines that each worker reads itself (see
`corpus.line_ranges`), so that decoding it is spread over the workers too.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from statx.corpus import LineRange, line_ranges, read_line_range
from statx.errors import SourceError
from statx.export import _json_line
from statx.records import FIELDS, Record
from statx.sources import Fields, Found, Input, Source, corpus_format, find_inputs, read_input

if TYPE_CHECKING:
    from statx.rules import RuleSet

__all__ = [
    "CHUNK_BYTES",
    "CHUNK_FILES",
    "Failed",
    "Logged",
    "Piece",
    "Result",
    "Task",
    "Unit",
    "plan_units",
    "run_unit",
]

#: Input per unit: large enough that shipping a unit costs nothing next to extracting it
#: (about a second of work), small enough that a few in flight stay well under the memory
#: budget and the last unit does not leave the other workers idle for long. Bytes of article
#: files; for corpus lines, characters of text times 3 (UTF-8 Chinese). Half a megabyte: the
#: `-j 2` tree on the bench corpus peaks 15 MB lower than with 1 MB units, as fast (11.5 s both).
CHUNK_BYTES = 1 << 19
#: At most this many article files per unit, however small.
CHUNK_FILES = 64


@dataclass(frozen=True, slots=True)
class Unit:
    """One piece of work: article files to read, or documents already read (corpus lines, stdin).

    Every document carries the number of the input it comes from, so results can say which
    input they belong to (progress, per-file counts) without the worker knowing the others.
    """

    index: int
    files: tuple[tuple[int, str, str], ...] = ()  # (item, path, document id)
    documents: tuple[tuple[int, Source | SourceError, Logs], ...] = ()
    lines: tuple[tuple[int, str, str, LineRange], ...] = ()  # (item, corpus path, id stem, lines)


@dataclass(frozen=True, slots=True)
class Task:
    """What every unit is run with; small and picklable, shipped with each unit."""

    rules: tuple[str, ...] = ()  # the user's rule folders
    encoding: str | None = None
    encode: str | None = None  # "jsonl" or "csv": return output text; None: return records
    base: str = ""  # the caller's working directory: relative paths are read from there
    fields: Fields = field(default_factory=Fields)
    timeout: float | None = None
    log_level: int = logging.WARNING  # the caller's level for statx's log (DEBUG with -vv)


@dataclass(slots=True)
class Piece:
    """What one input gave in one unit: its records, encoded or not, and how many."""

    item: int
    count: int = 0
    text: str = ""
    records: list[Record] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Failed:
    """A document (a file, a corpus line) that could not be read or extracted, in its place."""

    item: int
    error: SourceError


@dataclass(frozen=True, slots=True)
class Logged:
    """What the library logged while reading or extracting a document (a damaged byte, ...)."""

    item: int
    logs: Logs


@dataclass(slots=True)
class Result:
    """A unit's output: pieces, errors and log lines in input order."""

    index: int
    parts: list[Piece | Failed | Logged]

    @property
    def count(self) -> int:
        return sum(p.count for p in self.parts if isinstance(p, Piece))


def plan_units(
    paths: Iterable[Input],
    *,
    chunk_bytes: int = CHUNK_BYTES,
    encoding: str | None = None,
    fields: Fields | None = None,
    workers_read: bool = False,
) -> Iterator[Unit]:
    """Cut the inputs into units, lazily, in input order.

    Article files are grouped up to `chunk_bytes` (and `CHUNK_FILES`); a corpus is read here
    and its articles grouped into runs of lines of about `chunk_bytes`; stdin is read here;
    an input that cannot be found becomes its error, reported in its place.

    With `workers_read`, a plain JSON-lines corpus is only cut into runs of lines here, and
    the workers read and decode them (see `corpus.line_ranges`): the one process feeding
    the workers then no longer limits how fast they go. They must be able to read the file.
    """
    index = 0
    files: list[tuple[int, str, str]] = []
    size = 0

    def flush() -> Iterator[Unit]:
        nonlocal index, files, size
        if files:
            yield Unit(index, files=tuple(files))
            index += 1
            files, size = [], 0

    for item, found in enumerate(find_inputs(paths)):
        if isinstance(found, SourceError) or str(found.path) == "-" or corpus_format(found.path) is not None:
            yield from flush()
            docs = _corpus(found, chunk_bytes, encoding, fields)
            for batch in _batches(_logged(docs), chunk_bytes):
                if isinstance(batch, LineRange):
                    assert isinstance(found, Found)
                    path = str(found.path)
                    if workers_read:
                        yield Unit(index, lines=((item, path, found.doc, batch),))
                    else:  # the same unit, read here
                        read = _read_lines(path, found.doc, batch, encoding, fields)
                        yield Unit(index, documents=tuple((item, doc, logs) for doc, logs in _logged(read)))
                else:
                    yield Unit(index, documents=tuple((item, doc, logs) for doc, logs in batch))
                index += 1
            continue
        files.append((item, str(found.path), found.doc))
        with contextlib.suppress(OSError):  # the worker's reader says why
            size += found.path.stat().st_size
        if size >= chunk_bytes or len(files) >= CHUNK_FILES:
            yield from flush()
    yield from flush()


def _corpus(
    found: Found | SourceError, chunk_bytes: int, encoding: str | None, fields: Fields | None
) -> Iterable[Source | SourceError | LineRange]:
    """The documents of a corpus or stdin, read here, or runs of its lines to read later.

    A JSON-lines corpus is cut into the same runs whoever reads them, so every engine and
    number of jobs makes the same units (and the same Parquet parts).
    """
    if isinstance(found, SourceError):
        return [found]
    path = found.path
    if corpus_format(path) == "jsonl":
        ranges = line_ranges(path, str(path), found.doc, chunk_bytes, encoding=encoding, fields=fields)
        if ranges is not None:
            return ranges
    return read_input(found, encoding, fields or Fields())


def _batches(
    docs: Iterable[tuple[Source | SourceError | LineRange, Logs]], chunk_bytes: int
) -> Iterator[list[tuple[Source | SourceError, Logs]] | LineRange]:
    """Consecutive documents, about `chunk_bytes` of text at a time (3 bytes a character).

    A run of lines left for a worker to read is a batch of its own, in its place.
    """
    batch: list[tuple[Source | SourceError, Logs]] = []
    size = 0
    for doc, logs in docs:
        if isinstance(doc, LineRange):
            if batch:
                yield batch
                batch, size = [], 0
            yield doc
            continue
        batch.append((doc, logs))
        size += 3 * len(doc.text) if isinstance(doc, Source) else 0
        if size >= chunk_bytes:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


@functools.cache
def _worker_rules(folders: tuple[str, ...]) -> RuleSet:
    """The rules of this process, loaded once (built-ins are cached by load_rules anyway)."""
    from statx.rules import load_rules

    return load_rules(folders, examples=False)


def run_unit(unit: Unit, task: Task, rules: RuleSet | None = None) -> Result:
    """Read and extract one unit; return its pieces encoded as `task.encode` asks.

    Runs in a worker process (or in the caller for `--jobs 1`); `rules` is given only there.
    Each document is extracted and reported as `extract_paths` does it (a rule timeout or a
    bug costs that document only).
    """
    from statx.extract import extract_document

    rules = rules or _worker_rules(task.rules)
    parts: list[Piece | Failed | Logged] = []
    texts: list[str] = []
    for item, doc, read_logs in _documents(unit, task):
        with _captured(task.log_level) as logs:
            result = extract_document(doc, rules, task.timeout)
        if read_logs or logs:
            _close(parts, texts)
            parts.append(Logged(item, (*read_logs, *logs)))
        if isinstance(result, SourceError):
            _close(parts, texts)
            parts.append(Failed(item, result))
            continue
        if not parts or not isinstance(parts[-1], Piece) or parts[-1].item != item:
            _close(parts, texts)
            parts.append(Piece(item))
        piece = parts[-1]
        assert isinstance(piece, Piece)
        piece.count += len(result)
        if task.encode is None:
            piece.records.extend(result)
        elif result:
            texts.append(_encode(result, task.encode))
    _close(parts, texts)
    return Result(unit.index, parts)


def _close(parts: list[Piece | Failed | Logged], texts: list[str]) -> None:
    if texts and parts and isinstance(parts[-1], Piece):
        parts[-1].text = "".join(texts)
    texts.clear()


def _encode(records: Sequence[Record], fmt: str) -> str:
    """Records as the lines `export` writes for them: JSON lines, or CSV rows without the header."""
    if fmt == "jsonl":
        return "".join(_json_line(rec.to_dict()) + "\n" for rec in records)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for rec in records:
        row = rec.to_dict()
        writer.writerow(["" if row[c] is None else row[c] for c in FIELDS])
    return out.getvalue()


def _documents(unit: Unit, task: Task) -> Iterator[tuple[int, Source | SourceError, Logs]]:
    yield from unit.documents
    for item, path, doc_id in unit.files:
        for doc, logs in _logged(_read_file(path, doc_id, task), task.log_level):
            yield item, doc, logs
    for item, path, stem, lines in unit.lines:
        read = _read_lines(path, stem, lines, task.encoding, task.fields, task.base)
        for doc, logs in _logged(read, task.log_level):
            yield item, doc, logs


def _read_lines(
    path: str, stem: str, lines: LineRange, encoding: str | None, fields: Fields | None, base: str = ""
) -> Iterator[Source | SourceError]:
    """Read a run of a corpus's lines; a relative path is read from the caller's directory."""
    return read_line_range(_local(path, base), path, stem, lines, encoding=encoding, fields=fields)


Logs = tuple[tuple[str, int, str], ...]  # (logger name, level, message) of each line
_Doc = TypeVar("_Doc", Source | SourceError, Source | SourceError | LineRange)


class _Keep(logging.Handler):
    """Keep log records instead of printing them, to be replayed in order by the caller."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.kept: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + logging.Formatter().formatException(record.exc_info)
        self.kept.append((record.name, record.levelno, message))


@contextlib.contextmanager
def _captured(level: int) -> Iterator[list[tuple[str, int, str]]]:
    """Hold what statx logs meanwhile (a worker has no terminal; the caller prints it in order)."""
    logger = logging.getLogger("statx")
    saved = logger.handlers[:], logger.propagate, logger.level
    keep = _Keep()
    logger.handlers, logger.propagate = [keep], False
    logger.setLevel(level)
    try:
        yield keep.kept
    finally:
        logger.handlers, logger.propagate = saved[0], saved[1]
        logger.setLevel(saved[2])


def _logged(docs: Iterable[_Doc], level: int | None = None) -> Iterator[tuple[_Doc, Logs]]:
    """Each document with what was logged while it was read."""
    level = logging.getLogger("statx").getEffectiveLevel() if level is None else level
    it = iter(docs)
    while True:
        with _captured(level) as logs:
            doc = next(it, None)
        if doc is None:
            return
        yield doc, tuple(logs)


def _read_file(path: str, doc_id: str, task: Task) -> Iterator[Source | SourceError]:
    """Read one article as the library does; messages name it as the user did.

    A worker may run elsewhere than the caller (a Dask worker): a relative path is read from
    the caller's working directory.
    """
    readable = _local(path, task.base)
    for doc in read_input(Found(Path(readable), doc_id), task.encoding, task.fields):
        if readable == path:
            yield doc
        elif isinstance(doc, SourceError):
            yield SourceError(path, doc.message) if doc.where == readable else doc
        else:
            yield replace(doc, origin=path) if doc.origin == readable else doc


def _local(path: str, base: str) -> str:
    """Where a worker opens a path the caller named: relative to the caller's directory `base`."""
    return path if not base or os.path.isabs(path) else os.path.join(base, path)
