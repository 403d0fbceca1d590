"""Run extraction over many inputs at once: worker processes on one machine, or a Dask cluster.

The inputs are cut into units of work: a few article files, or a range of lines (articles)
of a corpus. A unit is extracted where it runs and comes back already encoded as output
text (JSON lines, CSV rows), or as records for the formats that need them all (table,
Parquet, xlsx). The caller writes the units strictly in order, so `--jobs 8` or a cluster
writes byte for byte what `--jobs 1` writes, and memory stays bounded: only a few units are
in flight at any time.

Article files travel by path and are read by the worker; on a cluster they must be
readable where the workers run (a shared file system), and so must a user's `--rules`
folders, which each worker loads once. Corpora (and stdin) are read here, by the very
reader `extract_paths` uses (any format, compression or encoding, errors named file:line),
and their articles are shipped in ranges of consecutive lines; except that local workers
read the runs of a plain JSON-lines corpus themselves (see `corpus.line_ranges`), so that
decoding the corpus is spread over them too.
"""

from __future__ import annotations

import contextlib
import csv
import enum
import functools
import io
import itertools
import logging
import os
import re
import shutil
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol, TypeVar

from statx.corpus import LineRange, line_ranges, read_line_range
from statx.errors import SourceError, StatxError, UsageError
from statx.export import Format, _json_line, atomic_output, check_destination, write_records
from statx.matcher import MATCH_TIMEOUT
from statx.records import FIELDS, Record
from statx.sources import Fields, Source, corpus_format, doc_id, expand_paths, iter_sources

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.context import BaseContext
    from multiprocessing.process import BaseProcess

    from statx.rules import RuleSet

__all__ = [
    "CHUNK_BYTES",
    "Engine",
    "Unit",
    "extract_parallel",
    "is_dataset",
    "plan_units",
    "run_unit",
    "run_units",
    "start_workers",
    "write_dataset",
    "write_parallel",
]

#: Input per unit: large enough that shipping a unit costs nothing next to extracting it
#: (a second or two of work), small enough that a few in flight stay well under the memory
#: budget and the last unit does not leave the other workers idle for long. Bytes of article
#: files; for corpus lines, characters of text times 3 (UTF-8 Chinese).
CHUNK_BYTES = 1 << 20
#: At most this many article files per unit, however small.
CHUNK_FILES = 64
#: A worker's exit status when Ctrl-C stops it (as the CLI's own).
EXIT_INTERRUPTED = 130


class Engine(enum.StrEnum):
    """Where the work runs: processes on this machine, or a Dask cluster."""

    local = "local"
    dask = "dask"


@dataclass(frozen=True, slots=True)
class Unit:
    """One piece of work: article files to read, or documents already read (corpus lines, stdin).

    Every document carries the number of the input it comes from, so results can say which
    input they belong to (progress, per-file counts) without the worker knowing the others.
    """

    index: int
    files: tuple[tuple[int, str], ...] = ()
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


# --- planning ----------------------------------------------------------------------------


def plan_units(
    paths: Iterable[str | Path],
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
    files: list[tuple[int, str]] = []
    size = 0

    def flush() -> Iterator[Unit]:
        nonlocal index, files, size
        if files:
            yield Unit(index, files=tuple(files))
            index += 1
            files, size = [], 0

    for item, path in enumerate(expand_paths(paths)):
        if isinstance(path, SourceError) or str(path) == "-" or corpus_format(path) is not None:
            yield from flush()
            docs = _corpus(path, chunk_bytes, encoding, fields)
            for batch in _batches(_logged(docs), chunk_bytes):
                if isinstance(batch, LineRange):
                    assert isinstance(path, Path)
                    if workers_read:
                        yield Unit(index, lines=((item, str(path), doc_id(path), batch),))
                    else:  # the same unit, read here
                        read = _read_lines(str(path), doc_id(path), batch, encoding, fields)
                        yield Unit(index, documents=tuple((item, doc, logs) for doc, logs in _logged(read)))
                else:
                    yield Unit(index, documents=tuple((item, doc, logs) for doc, logs in batch))
                index += 1
            continue
        files.append((item, str(path)))
        with contextlib.suppress(OSError):  # the worker's reader says why
            size += path.stat().st_size
        if size >= chunk_bytes or len(files) >= CHUNK_FILES:
            yield from flush()
    yield from flush()


def _corpus(
    path: Path | SourceError, chunk_bytes: int, encoding: str | None, fields: Fields | None
) -> Iterable[Source | SourceError | LineRange]:
    """The documents of a corpus or stdin, read here, or runs of its lines to read later.

    A JSON-lines corpus is cut into the same runs whoever reads them, so every engine and
    number of jobs makes the same units (and the same Parquet parts).
    """
    if isinstance(path, SourceError):
        return [path]
    if corpus_format(path) == "jsonl":
        ranges = line_ranges(path, str(path), doc_id(path), chunk_bytes, encoding=encoding, fields=fields)
        if ranges is not None:
            return ranges
    return iter_sources([path], encoding=encoding, fields=fields)


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


# --- running one unit (in a worker) ------------------------------------------------------


@functools.cache
def _worker_rules(folders: tuple[str, ...]) -> RuleSet:
    """The rules of this process, loaded once (built-ins are cached by load_rules anyway)."""
    from statx.rules import load_rules

    return load_rules(folders)


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
    for item, path in unit.files:
        for doc, logs in _logged(_read_file(path, task), task.log_level):
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


def _read_file(path: str, task: Task) -> Iterator[Source | SourceError]:
    """Read one article as the library does; messages name it as the user did.

    A worker may run elsewhere than the caller (a Dask worker): a relative path is read from
    the caller's working directory.
    """
    readable = _local(path, task.base)
    for doc in iter_sources([readable], encoding=task.encoding, fields=task.fields):
        if readable == path:
            yield doc
        elif isinstance(doc, SourceError):
            yield SourceError(path, doc.message) if doc.where == readable else doc
        else:
            yield replace(doc, origin=path) if doc.origin == readable else doc


def _local(path: str, base: str) -> str:
    """Where a worker opens a path the caller named: relative to the caller's directory `base`."""
    return path if not base or os.path.isabs(path) else os.path.join(base, path)


# --- executors ---------------------------------------------------------------------------


def run_units(
    units: Iterable[Unit],
    task: Task,
    *,
    jobs: int = 1,
    engine: Engine = Engine.local,
    scheduler: str | None = None,
    rules: RuleSet | None = None,
) -> Generator[Result, None, None]:
    """Run units and yield their results in unit order, whatever order they finish in.

    Args:
        units: the work, e.g. from `plan_units`; consumed lazily.
        task: what every unit runs with.
        jobs: worker processes (0: one per core). With the local engine, 1 runs in this
            process; so does a run of a single unit, which would only pay for the start.
        engine: `local` (processes here) or `dask`.
        scheduler: a Dask scheduler address; None starts a local cluster of `jobs` workers.
        rules: the rules already loaded here, for units run in this process.
    """
    jobs = jobs or os.cpu_count() or 1
    it = iter(units)
    head = [u for u in (next(it, None), next(it, None)) if u is not None]
    queue = _chain(head, it)
    if engine is Engine.dask:
        yield from _run_dask(queue, task, jobs, scheduler)
    elif jobs == 1 or len(head) < 2:
        for unit in queue:
            yield run_unit(unit, task, rules)
    else:
        yield from _run_processes(queue, task, jobs, rules)


def _chain(head: list[Unit], rest: Iterator[Unit]) -> Iterator[Unit]:
    yield from head
    yield from rest


class _Future(Protocol):
    """A running unit, from a process pool or a Dask client alike."""

    def result(self) -> Result: ...


def _in_order(
    submit: Callable[[Unit], _Future], units: Iterator[Unit], window: int, started: Iterable[_Future] = ()
) -> Iterator[Result]:
    """Keep `window` units in flight; yield results in submission order, `started` ones first."""
    pending: deque[_Future] = deque(started)
    for unit in units:
        pending.append(submit(unit))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def start_workers(jobs: int, engine: Engine | str = Engine.local) -> None:
    """Start preparing worker processes now, while this process still has other work to do.

    Optional: a run starts them anyway. The fork server that workers are forked from loads
    and warms the built-in rules (`statx.workerinit`) on the other core meanwhile, so the
    first worker starts ready instead of after that work.
    """
    if Engine(engine) is not Engine.local or jobs == 1 or (jobs == 0 and (os.cpu_count() or 1) == 1):
        return
    ctx = _context()
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        with contextlib.suppress(OSError, ValueError):  # the run tries again and reports
            forkserver.ensure_running()


def _context() -> BaseContext:
    """The fork server where there is one, with statx loaded in it; else fresh interpreters.

    Workers fork from a clean process that has statx imported and its rules warm, so each
    starts in milliseconds without inheriting the caller's threads or state.
    """
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["statx.workerinit"])
    return ctx


def _run_processes(units: Iterator[Unit], task: Task, jobs: int, rules: RuleSet | None) -> Iterator[Result]:
    """Run the units on `jobs` worker processes; this one runs the first while they get ready.

    Workers fork from a fork server that first imports statx and warms its rules (about half
    a second); it is started now, and the first unit is done here meanwhile.
    """
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    ctx = _context()
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_warm, initargs=(task.rules,))
    workers: dict[int, BaseProcess] = {}

    def submit(unit: Unit) -> _Future:
        future = pool.submit(run_unit, unit, task)
        workers.update(getattr(pool, "_processes", None) or {})
        return future

    try:
        start_workers(jobs)
        first = next(units, None)
        ahead = _Submitting(submit, list(itertools.islice(units, 2 * jobs)))
        if first is not None:
            yield run_unit(first, task, rules)
        yield from _in_order(submit, units, 2 * jobs, ahead.futures())
    except BrokenProcessPool:
        why = _why_broken(workers.values())
        _stop_now(pool)
        raise why from None
    except BaseException:
        _stop_now(pool)
        raise
    pool.shutdown(wait=True)


class _Submitting:
    """Submit units on a thread of their own, so that this process extracts meanwhile.

    Asking for the first worker waits until the fork server is warm (about half a second
    of loading statx and its rules); done here, it would leave the second core idle while
    this process extracts the first unit, or this process idle while the server warms.
    """

    def __init__(self, submit: Callable[[Unit], _Future], units: list[Unit]) -> None:
        self._submit = submit
        self._units = units
        self._done: list[_Future] = []
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="statx-submit", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            for unit in self._units:
                self._done.append(self._submit(unit))
        except BaseException as e:  # handed to the caller, which reports it
            self._error = e

    def futures(self) -> list[_Future]:
        """The futures of the units, in order, once all are submitted; the submit's error if any."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._done


def _why_broken(workers: Iterable[BaseProcess]) -> BaseException:
    """Why a worker died: Ctrl-C reached it (the caller is being interrupted too), or not.

    Ctrl-C goes to the whole process group. A worker can die of it and break the pool
    before this process gets to handle its own KeyboardInterrupt, so the interruption must
    be read from the workers' exit codes, or the run would end as an error (exit 1).
    """
    import signal

    for proc in workers:
        if proc.exitcode in (EXIT_INTERRUPTED, -signal.SIGINT):
            return KeyboardInterrupt()
    return StatxError("a worker process died unexpectedly (out of memory? killed?); run again with --jobs 1")


def _stop_now(pool: ProcessPoolExecutor) -> None:
    """Kill the workers of an interrupted or failed run and leave without waiting for them.

    A worker killed by Ctrl-C may die halfway through sending a result; the executor's
    manager thread then waits forever for the rest, and `shutdown(wait=True)` with it. So
    the workers are killed outright and nothing waits on that pipe (the CLI also leaves
    without the interpreter's exit-time join of that thread: see `cli.main`).
    """
    import threading

    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError):
            proc.kill()
    # Ctrl-C may have landed inside the executor while it held its lock (a `with lock:` is
    # not safe from signals), and then `shutdown` would wait for that lock forever: so it
    # runs on a thread of its own, given a moment, and the caller goes on in any case.
    closing = threading.Thread(
        target=pool.shutdown, kwargs={"wait": False, "cancel_futures": True}, daemon=True
    )
    closing.start()
    closing.join(timeout=1.0)


def _warm(folders: tuple[str, ...]) -> None:
    """Start a worker: it ends quietly on Ctrl-C and when the caller is gone; load the rules."""
    import signal

    from statx.workerinit import interrupted

    signal.signal(signal.SIGINT, interrupted)  # already so under the fork server; not under spawn
    _leave_with_the_caller()
    _worker_rules(folders)


def _leave_with_the_caller() -> None:
    """End this worker as soon as the process that started it is gone.

    A worker forked at the very moment of a Ctrl-C can miss it (a forked child ignores
    Ctrl-C until its handlers are restored) and never be known to the caller, which then
    cannot kill it. It would wait for work forever and keep the caller's stderr open, so a
    pipe reading it would never end. Its parent sentinel becomes readable when the caller's
    end of the pipe closes, which the caller's death always does.
    """
    import multiprocessing

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()
        os._exit(EXIT_INTERRUPTED)

    threading.Thread(target=watch, name="statx-caller-watch", daemon=True).start()


def _run_dask(units: Iterator[Unit], task: Task, jobs: int, scheduler: str | None) -> Iterator[Result]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--engine dask needs Dask: pip install 'statx[dask]'") from None
    import logging

    # The scheduler and nannies of a local cluster log here, at INFO; a run is not an event.
    quiet = not logging.getLogger().isEnabledFor(logging.DEBUG)
    if quiet:
        for name in ("distributed", "bokeh", "tornado"):
            logging.getLogger(name).setLevel(logging.ERROR)
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=jobs,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: never collide with a cluster already running
            silence_logs=logging.ERROR,
        )
    try:
        client = Client(cluster if cluster is not None else scheduler, timeout="30s")
    except OSError as e:
        if cluster is not None:
            cluster.close()
        raise UsageError(f"cannot reach the Dask scheduler {scheduler}: {e}") from None
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        yield from _in_order(lambda u: client.submit(run_unit, u, task, pure=False), units, 2 * workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# --- writing -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Run:
    """One run's settings and its callbacks, shared by the writers."""

    paths: Sequence[str | Path]
    rules: tuple[str, ...]
    encoding: str | None
    fields: Fields | None
    timeout: float | None
    jobs: int
    engine: Engine
    scheduler: str | None
    loaded: RuleSet | None
    on_error: Callable[[StatxError], None] | None
    on_input: Callable[[int, int], None] | None
    chunk_bytes: int = CHUNK_BYTES

    def results(self, encode: str | None) -> Generator[Result, None, None]:
        level = logging.getLogger("statx").getEffectiveLevel()
        fields = self.fields or Fields()
        task = Task(self.rules, self.encoding, encode, os.getcwd(), fields, self.timeout, level)
        units = plan_units(
            self.paths,
            chunk_bytes=self.chunk_bytes,
            encoding=self.encoding,
            fields=self.fields,
            # local workers can open the caller's files; a cluster's maybe not, and one
            # process gains nothing from handing lines to itself
            workers_read=self.engine is Engine.local and self.jobs != 1,
        )
        return run_units(
            units, task, jobs=self.jobs, engine=self.engine, scheduler=self.scheduler, rules=self.loaded
        )

    def pieces(self, encode: str | None) -> Generator[Piece, None, None]:
        """The pieces in order; errors go to `on_error` (or are raised) in their place."""
        with contextlib.closing(self.results(encode)) as results:  # closed: workers stopped
            for result in results:
                yield from self.report(result)

    def report(self, result: Result) -> Iterator[Piece]:
        for part in result.parts:
            if self.on_input is not None:
                self.on_input(part.item, part.count if isinstance(part, Piece) else 0)
            if isinstance(part, Logged):
                for name, level, message in part.logs:
                    logging.getLogger(name).log(level, "%s", message)
                continue
            if isinstance(part, Failed):
                if self.on_error is None:
                    raise part.error
                self.on_error(part.error)
                continue
            yield part


def _settings(
    paths: Sequence[str | Path],
    *,
    rules: Sequence[str | Path],
    loaded: RuleSet | None,
    encoding: str | None,
    fields: Fields | None,
    timeout: float | None,
    jobs: int,
    engine: Engine | str,
    scheduler: str | None,
    on_error: Callable[[StatxError], None] | None,
    on_input: Callable[[int, int], None] | None,
    chunk_bytes: int,
) -> _Run:
    if jobs < 0:
        raise UsageError(f"--jobs must be 0 (all cores) or more, not {jobs}")
    engine = Engine(engine)
    if scheduler is not None and engine is not Engine.dask:
        raise UsageError("--scheduler needs --engine dask")
    return _Run(
        paths=list(paths),
        rules=tuple(str(p) for p in rules),
        encoding=encoding,
        fields=fields,
        timeout=timeout,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        loaded=loaded,
        on_error=on_error,
        on_input=on_input,
        chunk_bytes=chunk_bytes,
    )


def extract_parallel(
    paths: Sequence[str | Path],
    *,
    rules: Sequence[str | Path] = (),
    encoding: str | None = None,
    fields: Fields | None = None,
    timeout: float | None = MATCH_TIMEOUT,
    jobs: int = 1,
    engine: Engine | str = Engine.local,
    scheduler: str | None = None,
    on_error: Callable[[StatxError], None] | None = None,
    chunk_bytes: int = CHUNK_BYTES,
) -> Iterator[Record]:
    """Extract every document under `paths` on `jobs` processes or a Dask cluster, streaming records.

    The records are those of `extract_paths`, in the same order, and so are the errors.

    Args:
        paths: files, folders, corpora or `-`.
        rules: the user's rule folders, added to the built-in rules (loaded in each worker).
        encoding: force this text encoding; None detects it.
        fields: the corpus fields that hold text and id (`text`, `id` by default).
        timeout: seconds each rule may run on one document; None for no limit.
        jobs: worker processes; 0 for one per core.
        engine: `local` or `dask`.
        scheduler: a Dask scheduler address (`tcp://host:8786`); None starts a local cluster.
        on_error: called with each per-document error, in order; None raises it.
        chunk_bytes: input bytes per unit of work.

    Yields:
        Records, document by document in input order, each in text order.
    """
    run = _settings(
        paths,
        rules=rules,
        loaded=None,
        encoding=encoding,
        fields=fields,
        timeout=timeout,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        on_error=on_error,
        on_input=None,
        chunk_bytes=chunk_bytes,
    )
    with contextlib.closing(run.pieces(None)) as pieces:
        for piece in pieces:
            yield from piece.records


def write_parallel(
    paths: Sequence[str | Path],
    fmt: Format,
    output: Path | None = None,
    *,
    rules: Sequence[str | Path] = (),
    loaded: RuleSet | None = None,
    encoding: str | None = None,
    fields: Fields | None = None,
    timeout: float | None = MATCH_TIMEOUT,
    bom: bool = False,
    jobs: int = 1,
    engine: Engine | str = Engine.local,
    scheduler: str | None = None,
    on_error: Callable[[StatxError], None] | None = None,
    on_input: Callable[[int, int], None] | None = None,
    chunk_bytes: int = CHUNK_BYTES,
) -> int:
    """Extract `paths` and write the records in `fmt`, byte for byte what `write_records` writes.

    JSON lines, JSON and CSV are encoded by the workers, so this process only writes text;
    the table, Parquet and xlsx take the records. With Parquet and an output folder (an
    existing one, or a name without `.parquet`), see `write_dataset`.

    Args:
        paths: files, folders, corpora or `-`.
        fmt: the output format.
        output: the file (or dataset folder) to write; None for stdout.
        rules: the user's rule folders, loaded in each worker.
        loaded: the same rules already loaded here (for work run in this process).
        encoding: force this text encoding; None detects it.
        fields: the corpus fields that hold text and id.
        timeout: seconds each rule may run on one document; None for no limit.
        bom: start CSV with a byte-order mark.
        jobs, engine, scheduler: where the work runs (see `run_units`).
        on_error: called with each per-document error, in order; None raises it.
        on_input: called with (input number, records) as each input's records are written,
            in order; an input cut into line ranges is reported once per range.
        chunk_bytes: input bytes per unit of work.

    Returns:
        The number of records written.
    """
    run = _settings(
        paths,
        rules=rules,
        loaded=loaded,
        encoding=encoding,
        fields=fields,
        timeout=timeout,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        on_error=on_error,
        on_input=on_input,
        chunk_bytes=chunk_bytes,
    )
    if fmt is Format.parquet and output is not None and is_dataset(output):
        return _write_dataset(run, output)
    check_destination(fmt, output)
    # Closed on the way out, however the writing ends: an interrupted run stops its workers
    # now, not whenever the generators happen to be collected (maybe never, with os._exit).
    if fmt not in (Format.jsonl, Format.json, Format.csv):
        with contextlib.closing(run.pieces(None)) as pieces:
            return write_records((rec for piece in pieces for rec in piece.records), fmt, output, bom=bom)
    with (
        atomic_output(output) as out,
        contextlib.closing(run.pieces("csv" if fmt is Format.csv else "jsonl")) as pieces,
    ):
        return _write_text(pieces, fmt, out, bom)


def _write_text(pieces: Iterator[Piece], fmt: Format, out: IO[str], bom: bool) -> int:
    """Write encoded pieces as `export` would write the records: JSON lines, a JSON array, CSV."""
    n = 0
    if fmt is Format.csv:
        if bom:
            out.write("\ufeff")
        csv.writer(out, lineterminator="\n").writerow(FIELDS)
    elif fmt is Format.json:
        out.write("[")
    for piece in pieces:
        if piece.text:
            if fmt is Format.json:
                lines = piece.text[:-1].split("\n")
                out.write(("\n  " if n == 0 else ",\n  ") + ",\n  ".join(lines))
            else:
                out.write(piece.text)
        n += piece.count
    if fmt is Format.json:
        out.write("\n]\n" if n else "]\n")
    return n


def is_dataset(output: Path) -> bool:
    """Whether `-f parquet -o output` means a dataset folder: a folder, or a name not ending in `.parquet`."""
    return output.is_dir() or str(output).endswith(("/", os.sep)) or output.suffix.lower() != ".parquet"


def write_dataset(
    paths: Sequence[str | Path],
    folder: Path,
    *,
    rules: Sequence[str | Path] = (),
    loaded: RuleSet | None = None,
    encoding: str | None = None,
    fields: Fields | None = None,
    timeout: float | None = MATCH_TIMEOUT,
    jobs: int = 1,
    engine: Engine | str = Engine.local,
    scheduler: str | None = None,
    on_error: Callable[[StatxError], None] | None = None,
    on_input: Callable[[int, int], None] | None = None,
    chunk_bytes: int = CHUNK_BYTES,
) -> int:
    """Write the records as a Parquet dataset: `folder/part-000000.parquet`, one file per unit.

    Read it whole with `pandas.read_parquet(folder)` (parts in name order are the records in
    input order). Every part has the same schema, that of `-f parquet` to one file except
    that categorical columns are dictionaries with 32-bit indices, so parts with different
    numbers of categories still make one dataset. The folder is replaced only when the run
    succeeds; an existing folder must hold nothing but a previous dataset.

    Returns:
        The number of records written.
    """
    run = _settings(
        paths,
        rules=rules,
        loaded=loaded,
        encoding=encoding,
        fields=fields,
        timeout=timeout,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        on_error=on_error,
        on_input=on_input,
        chunk_bytes=chunk_bytes,
    )
    return _write_dataset(run, folder)


def _write_dataset(run: _Run, folder: Path) -> int:
    if folder.exists():
        if not folder.is_dir():
            raise UsageError(f"{folder}: exists and is not a folder (a Parquet dataset is a folder)")
        strangers = [p.name for p in folder.iterdir() if not re.fullmatch(r"part-\d+\.parquet", p.name)]
        if strangers:
            raise UsageError(
                f"{folder}: holds other files ({strangers[0]}, ...): give a new or a dataset folder"
            )
    parent = folder.parent if str(folder.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"{folder}: folder {parent} does not exist (create it first)")
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=parent))
    n = 0
    try:
        written = 0
        with contextlib.closing(run.results(None)) as results:  # closed: workers stopped
            for result in results:
                records = [rec for piece in run.report(result) for rec in piece.records]
                if records:
                    _write_part(records, tmp / f"part-{result.index:06d}.parquet")
                    written += 1
                n += len(records)
        if not written:
            _write_part([], tmp / "part-000000.parquet")  # an empty dataset still has the schema
        tmp.chmod(0o777 & ~_umask())
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(tmp, folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return n


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_part(records: list[Record], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from statx.aggregate import to_frame

    table = pa.Table.from_pandas(to_frame(records), preserve_index=False)
    fields = [
        pa.field(f.name, pa.dictionary(pa.int32(), pa.string()), nullable=f.nullable)
        if pa.types.is_dictionary(f.type)
        else f
        for f in table.schema
    ]
    pq.write_table(table.cast(pa.schema(fields, metadata=table.schema.metadata)), path)
