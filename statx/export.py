"""Write records and summary tables as a table, JSON lines, JSON, CSV, Parquet or xlsx.

Text output is byte-stable: fixed field order, `ensure_ascii=False`, `\\n` line ends, whole
numbers without `.0`, so the same input always gives the same bytes (diffable, cacheable).
Records stream in JSON lines, JSON and CSV; the table, Parquet and xlsx need them all first.
Every file is written atomically. pandas, pyarrow, openpyxl and rich are imported only when a
format needs them, so `statx extract` to JSON lines never pays for them.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import enum
import errno
import io
import json
import math
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from statx.errors import StatxError, UsageError
from statx.records import FIELDS, Record

if TYPE_CHECKING:
    import pandas as pd


class Format(enum.StrEnum):
    """Output formats of `statx extract` and `statx summary`."""

    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    parquet = "parquet"
    xlsx = "xlsx"


#: Formats that are binary files, not streams: they need `-o FILE`.
FILE_FORMATS: frozenset[Format] = frozenset({Format.parquet, Format.xlsx})

#: The record fields a table shows: what says what each figure is and fits 80 columns. The
#: document (`doc` and `title`) heads each document's rows instead of filling a column.
TABLE_FIELDS: tuple[str, ...] = ("text", "value", "unit", "qualifier", "metric", "label")

_SUFFIX_FORMATS = {
    ".jsonl": Format.jsonl,
    ".ndjson": Format.jsonl,
    ".json": Format.json,
    ".csv": Format.csv,
    ".parquet": Format.parquet,
    ".xlsx": Format.xlsx,
}


def choose_format(fmt: Format | None, output: Path | None, stdout: IO[Any] | None = None) -> Format:
    """Return the format to write, checked against where it goes.

    Without `-f`: a file takes the format its name says (`-o figures.xlsx`; JSON lines for an
    unknown ending), a terminal gets the readable table, a pipe gets JSON lines (what the
    next tool reads). Parquet and xlsx are binary files and refuse stdout.

    >>> choose_format(None, Path("out/figures.parquet"))
    <Format.parquet: 'parquet'>
    """
    if fmt is None:
        if output is not None:
            fmt = _SUFFIX_FORMATS.get(output.suffix.lower(), Format.jsonl)
        else:
            stream = sys.stdout if stdout is None else stdout
            fmt = Format.table if _isatty(stream) else Format.jsonl
    check_destination(fmt, output)
    return fmt


def check_destination(fmt: Format, path: Path | None) -> None:
    """Refuse a binary format on stdout: it would flood a terminal and no pipe tool reads it."""
    if fmt in FILE_FORMATS and path is None:
        raise UsageError(f"-f {fmt} writes a binary file: give -o FILE (e.g. -o figures.{fmt})")


def _isatty(stream: IO[Any]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or replaced stream
        return False


#: One encoder for every line: `json.dumps` with options builds a new one per call.
_encode = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def _not_serializable(value: Any) -> Any:
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


# `JSONEncoder.encode` builds a C encoder for every call, a fifth of its cost on a record; this
# is that same C encoder (same options, so the same bytes) built once, where Python has it.
_c_make_encoder = getattr(json.encoder, "c_make_encoder", None)
_encode_chunks = (
    _c_make_encoder(
        None, _not_serializable, json.encoder.encode_basestring, None, ": ", ", ", False, False, True
    )
    if _c_make_encoder is not None
    else None
)


def _json_line(row: dict[str, Any]) -> str:
    if _encode_chunks is None:
        return _encode(row)
    return "".join(_encode_chunks(row, 0))


def _jsonl_rows(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for row in rows:
        out.write(_json_line(row) + "\n")
        n += 1
    return n


def _json_rows(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    out.write("[")
    for row in rows:
        out.write(("\n  " if n == 0 else ",\n  ") + _json_line(row))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n


def _csv_rows(columns: Sequence[str], rows: Iterable[dict[str, Any]], out: IO[str], *, bom: bool) -> int:
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow(["" if row[c] is None else row[c] for c in columns])
        n += 1
    return n


def write_jsonl(records: Iterable[Record], out: IO[str]) -> int:
    """One record per line, flushed as found so a pipeline sees results before the run ends."""
    return _jsonl_rows((rec.to_dict() for rec in records), out)


def write_json(records: Iterable[Record], out: IO[str]) -> int:
    """A JSON array, one record a line, streamed (never builds the whole list)."""
    return _json_rows((rec.to_dict() for rec in records), out)


def write_csv(records: Iterable[Record], out: IO[str], *, bom: bool = False) -> int:
    """CSV with a header in record field order; empty cell for null. `bom` helps Excel detect UTF-8."""
    return _csv_rows(FIELDS, (rec.to_dict() for rec in records), out, bom=bom)


def write_table(
    rows: Iterable[dict[str, Any]],
    columns: Sequence[str],
    out: IO[str],
    *,
    group: str | None = None,
) -> int:
    """A table for people: numbers right-aligned with thousands separators, long text folded.

    It fits the terminal's width (80 columns when writing to a file or a pipe): numbers keep
    their width, text columns share what is left (the nearly-fitting ones first) and fold.
    When the columns cannot fit even so (a pivot with thirty metrics), the table is cut
    into several, one under the other, each repeating the first column so every row still
    says what it is. The widths are computed here rather than left to rich, which would crop
    a column it cannot shrink. It is for reading, not parsing: use CSV or JSON lines for that.

    Args:
        rows: dicts holding at least `columns`.
        columns: the columns to show, in order.
        out: the text stream to write to.
        group: a field (`doc`) whose consecutive equal values are printed as a heading
            (with the rows' `title`, when they carry one) over a table of their own,
            instead of a column repeating it on every row; all tables share one layout.

    Returns:
        The number of rows written.
    """
    from rich import box
    from rich.cells import cell_len
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    rows = list(rows)
    cells = {col: [_display(row[col]) for row in rows] for col in columns}
    # A column of numbers (or of nothing, like an empty rate column) is right-aligned and
    # never folds: a folded 128,200 misreads.
    numeric = {
        col: all(
            row[col] is None or (isinstance(row[col], int | float) and not isinstance(row[col], bool))
            for row in rows
        )
        for col in columns
    }
    natural = {col: max(cell_len(text) for text in [col, *cells[col]]) for col in columns}
    # The narrowest each column may get: text folds down to a few characters.
    least = {col: natural[col] if numeric[col] else min(natural[col], _MIN_TEXT_WIDTH) for col in columns}
    console = Console(file=out, highlight=False, soft_wrap=False)
    blocks = [list(columns)]
    if columns and _width(least.values()) > console.width:
        # Cut into several tables; the first column names the row in each, so it keeps its width.
        least[columns[0]] = min(natural[columns[0]], _KEY_WIDTH)
        blocks = _blocks(list(columns), least, console.width)
    groups: list[tuple[Any, list[int]]] = []
    for n, row in enumerate(rows):
        key = row[group] if group else None
        if not groups or groups[-1][0] != key:
            groups.append((key, []))
        groups[-1][1].append(n)
    if not groups:
        groups = [(None, [])]
    first = True
    for key, members in groups:
        if group:
            if not first:
                console.print()
            console.print(Text(_heading(key, [rows[n] for n in members]), style="bold"))
        for block in blocks:
            if not first and not group:
                console.print()
            first = False
            widths = _fit(block, least, natural, console.width)
            table = Table(
                box=box.SIMPLE_HEAD,
                show_edge=False,
                header_style="bold",
                pad_edge=False,
                collapse_padding=True,
            )
            for col in block:
                table.add_column(
                    col,
                    justify="right" if numeric[col] else "left",
                    overflow="fold",
                    no_wrap=numeric[col],
                    width=widths[col],
                )
            for n in members:
                # Text(), not str: a `[...]` in an article is text, not rich markup.
                table.add_row(*(Text(cells[col][n]) for col in block))
            console.print(table)
    return len(rows)


def _heading(key: Any, rows: list[dict[str, Any]]) -> str:
    """A group's heading: its key (a document id) and the first title its rows carry."""
    title = next((row["title"] for row in rows if row.get("title")), None)
    return f"{key}  {title}" if title else str(key)


_MIN_TEXT_WIDTH = 10  # an ISO date
_KEY_WIDTH = 24


def _blocks(columns: list[str], least: dict[str, int], width: int) -> list[list[str]]:
    """Cut the columns into groups that each fit `width`, every group led by the first column.

    >>> _blocks(["doc", "a", "b", "c"], {"doc": 10, "a": 30, "b": 30, "c": 30}, 80)
    [['doc', 'a', 'b'], ['doc', 'c']]
    """
    if not columns:
        return [[]]
    key = columns[0]
    blocks: list[list[str]] = [[key]]
    for col in columns[1:]:
        if _width(least[c] for c in [*blocks[-1], col]) > width and len(blocks[-1]) > 1:
            blocks.append([key])
        blocks[-1].append(col)
    return blocks


def _fit(block: list[str], least: dict[str, int], natural: dict[str, int], width: int) -> dict[str, int]:
    """Give each column its least width, then the spare width to the columns closest to fitting.

    So a metric name a few characters short is shown whole before a long label gets more.

    >>> least, natural = {"label": 10, "metric": 10, "n": 6}, {"label": 40, "metric": 18, "n": 6}
    >>> _fit(["label", "metric", "n"], least, natural, 40)
    {'label': 12, 'metric': 18, 'n': 6}
    """
    spare = max(width - _width(least[col] for col in block), 0)
    widths = {col: least[col] for col in block}
    for col in sorted(block, key=lambda c: natural[c] - least[c]):
        extra = min(natural[col] - least[col], spare)
        widths[col] += extra
        spare -= extra
    return widths


def _width(widths: Iterable[int]) -> int:
    """Width of a table whose columns are `widths` wide: 2 between columns (padding, collapsed)."""
    widths = list(widths)
    return sum(widths) + 2 * max(len(widths) - 1, 0)


def _display(value: Any) -> str:
    """How a cell reads in the table.

    >>> [_display(v) for v in (None, 58957, 93.03, 10113.461538, 2 / 3, "户")]
    ['', '58,957', '93.03', '10,113.46', '0.6667', '户']
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        # Two decimals are enough to read a mean or a rate; small values keep four.
        return f"{round(value, 2 if abs(value) >= 1 else 4):,}"
    return str(value)


WRITERS = {Format.jsonl: write_jsonl, Format.json: write_json, Format.csv: write_csv}


def _mode_for(path: Path) -> int:
    """The permissions a plain `open()` would give: the replaced file's, else 0666 less the umask.

    mkstemp creates its file 0600, which would leave every output private to its writer.
    """
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _is_stream(path: Path) -> bool:
    """Whether `path` names something that exists and is neither a plain file nor a folder."""
    try:
        mode = path.stat().st_mode
    except OSError:  # missing (the usual case), a dangling link, no access: a file to create
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


#: Errors of a write that the user can act on (a full disk, a read-only mount), as opposed to
#: a bug; they become one line naming the output instead of an internal error.
_WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS})


@contextlib.contextmanager
def write_errors(where: str) -> Iterator[None]:
    """Turn a failed write to `where` (a full disk, say) into a StatxError that names it.

    A closed pipe (`| head`) is left alone: the CLI ends quietly on it.
    """
    try:
        yield
    except OSError as e:
        if e.errno not in _WRITE_ERRNOS:
            raise
        hint = " (free some space, or write elsewhere)" if e.errno in (errno.ENOSPC, errno.EDQUOT) else ""
        raise StatxError(f"{where}: cannot write: {e.strerror or e}{hint}") from e


@contextlib.contextmanager
def atomic_output(path: Path | None, *, binary: bool = False) -> Iterator[IO[Any]]:
    """Open stdout, or a temporary file beside `path` that replaces it only on success.

    A failed or interrupted run therefore leaves an existing file untouched and no half file.
    A symbolic link stays a link (the file it names is replaced); a device or named pipe is
    written in place, since it cannot be replaced. A write that fails for want of space (or
    on a read-only disk) raises a StatxError naming the output.
    """
    if path is None:
        out = sys.stdout.buffer if binary else sys.stdout
        with write_errors("stdout"):
            yield out
            out.flush()  # here, not at exit, so that a full disk is reported like any other
        return
    if _is_stream(path):
        # A device or a named pipe (-o /dev/null, -o /dev/stdout in a pipe) is a stream, not a
        # file to replace: renaming a temporary file over it would put a plain file in place
        # of /dev/null (run as root, for every program on the machine).
        with (
            write_errors(str(path)),
            open(path, "wb") if binary else open(path, "w", encoding="utf-8", newline="") as fh,
        ):
            yield fh
        return
    shown = path
    if path.is_symlink() and path.exists():
        path = Path(os.path.realpath(path))  # replace what the link names, keep the link
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"{shown}: output folder {folder} does not exist (create it first)")
    if path.is_dir():
        raise UsageError(f"{shown}: is a folder (give a file name)")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except PermissionError:
        raise UsageError(f"{shown}: cannot write in {folder} (permission denied)") from None
    try:
        with (
            write_errors(str(shown)),
            os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="") as fh,
        ):
            yield fh
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_records(
    records: Iterable[Record], fmt: Format, path: Path | None = None, *, bom: bool = False
) -> int:
    """Write records in `fmt` to `path` (atomically) or stdout; return how many were written.

    Args:
        records: any iterable of records; JSON lines, JSON and CSV stream it.
        fmt: the output format; parquet and xlsx need `path`.
        path: the file to write; None for stdout.
        bom: start CSV with a byte-order mark (Excel then reads it as UTF-8).

    Returns:
        The number of records written.
    """
    check_destination(fmt, path)
    if fmt in FILE_FORMATS:
        from statx.aggregate import to_frame

        frame = to_frame(records)  # built before the file is opened: a failure writes nothing
        return write_frame(frame, fmt, path, sheet="records")
    with atomic_output(path) as out:
        if fmt is Format.table:
            return write_table((rec.to_dict() for rec in records), TABLE_FIELDS, out, group="doc")
        if fmt is Format.csv:
            return write_csv(records, out, bom=bom)
        return WRITERS[fmt](records, out)


def write_frame(
    frame: pd.DataFrame,
    fmt: Format,
    path: Path | None = None,
    *,
    bom: bool = False,
    sheet: str = "summary",
) -> int:
    """Write a DataFrame (a summary, a pivot, records) in `fmt`; return its number of rows.

    Text formats write the same plain values records do (null for NaN/NA, ISO dates, whole
    numbers as integers); Parquet keeps the frame's dtypes (categoricals, datetimes); xlsx
    puts the frame on one sheet named `sheet`, dates as Excel dates.

    Args:
        frame: the table; its column order is the output's.
        fmt: the output format; parquet and xlsx need `path`.
        path: the file to write; None for stdout.
        bom: start CSV with a byte-order mark.
        sheet: the xlsx sheet name.

    Returns:
        The number of rows written.
    """
    check_destination(fmt, path)
    columns = [str(c) for c in frame.columns]
    if fmt is Format.parquet:
        with atomic_output(path, binary=True) as fh:
            frame.to_parquet(fh, index=False, engine="pyarrow")
        return len(frame)
    if fmt is Format.xlsx:
        sheet_frame = _excel_safe(frame)  # before the file is opened: a failure writes nothing
        with atomic_output(path, binary=True) as fh:
            _write_xlsx(sheet_frame, fh, sheet)
        return len(frame)
    rows = frame_rows(frame)
    with atomic_output(path) as out:
        if fmt is Format.table:
            return write_table(rows, columns, out)
        if fmt is Format.csv:
            return _csv_rows(columns, rows, out, bom=bom)
        if fmt is Format.json:
            return _json_rows(rows, out)
        return _jsonl_rows(rows, out)


def frame_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a frame as plain Python values, the way records print (see `plain_value`)."""
    columns = [str(c) for c in frame.columns]
    return [
        {col: plain_value(v) for col, v in zip(columns, values, strict=True)}
        for values in frame.itertuples(index=False, name=None)
    ]


def plain_value(value: Any) -> Any:
    """One pandas/numpy cell as the JSON value a record would hold.

    NaN, NA and NaT become null, a midnight timestamp its ISO date, numpy numbers Python
    ones and whole floats integers (so a sum of 17000 prints as in the records, not 17000.0).

    >>> import pandas as pd
    >>> [plain_value(v) for v in (float("nan"), pd.NA, pd.Timestamp("2021-12-02"), 17000.0, 93.03)]
    [None, None, '2021-12-02', 17000, 93.03]
    """
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(value, datetime.datetime):  # pandas Timestamp is one
        if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if hasattr(value, "dtype") and hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() else value
    return value


def _excel_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop the control characters xlsx (XML) cannot hold; any other text is kept as is."""
    import pandas as pd
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    safe = frame.copy()
    for col in safe.columns:
        if pd.api.types.is_string_dtype(safe[col].dtype) or safe[col].dtype == object:
            safe[col] = safe[col].map(
                lambda v: ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v,
                na_action="ignore",
            )
    return safe


def _write_xlsx(frame: pd.DataFrame, fh: IO[bytes], sheet: str) -> None:
    """One sheet a person can read at once: dates as dates, header frozen, columns wide enough.

    The workbook is built in memory (openpyxl holds it all anyway) and written in one go, so
    that a write that fails (a full disk) fails once, not again when the zip file is collected.
    """
    import pandas as pd
    from openpyxl.utils import get_column_letter
    from rich.cells import cell_len

    book = io.BytesIO()
    with pd.ExcelWriter(book, engine="openpyxl") as xl:
        frame.to_excel(xl, index=False, sheet_name=sheet)
        ws = xl.sheets[sheet]
        ws.freeze_panes = "A2"
        for i, col in enumerate(frame.columns, 1):
            if pd.api.types.is_datetime64_any_dtype(frame[col].dtype):
                for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                    cell.number_format = "yyyy-mm-dd"  # record dates are days, not instants
            texts = [str(col), *(str(v) for v in frame[col].head(200) if pd.notna(v))]
            ws.column_dimensions[get_column_letter(i)].width = min(max(map(cell_len, texts)) + 2, 60)
    fh.write(book.getvalue())
