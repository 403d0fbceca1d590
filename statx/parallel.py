"""Run extraction over many inputs at once and write what it gives: the library's parallel API.

`write_parallel` writes the records of `--jobs N` or a Dask cluster exactly as `--jobs 1`
writes them (JSON lines, JSON, CSV are encoded by the workers, so this process only writes
text); `write_dataset` writes a partitioned Parquet dataset, one part per unit;
`extract_parallel` streams the records. The work is cut into units (`statx.units`) and run
where `statx.workers` says.
"""

from __future__ import annotations

import contextlib
import csv
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from statx.errors import StatxError, UsageError
from statx.export import Format, atomic_output, check_destination, write_records
from statx.matcher import MATCH_TIMEOUT
from statx.records import FIELDS, Record
from statx.sources import Fields, Input
from statx.units import CHUNK_BYTES, Failed, Logged, Piece, Result, Task, Unit, plan_units, run_unit
from statx.workers import Engine, run_units, start_workers

if TYPE_CHECKING:
    from statx.rules import RuleSet

__all__ = [
    "CHUNK_BYTES",
    "Engine",
    "Piece",
    "Task",
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


@dataclass(slots=True)
class _Run:
    """One run's settings and its callbacks, shared by the writers."""

    paths: Sequence[Input]
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
    paths: Sequence[Input],
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
    paths: Sequence[Input],
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
    paths: Sequence[Input],
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
    paths: Sequence[Input],
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
    if folder.is_symlink() and folder.is_dir():
        # a link to a dataset: replace the folder it names and keep the link, as for a file
        # (`shutil.rmtree` refuses a link, which ended the run as "cannot write")
        folder = Path(os.path.realpath(folder))
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
