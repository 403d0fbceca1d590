"""Turn what the user names (files, folders, globs, corpora, `-`) into documents: an id and the text as read.

Errors are yielded, not raised, so one unreadable file or corpus line never stops the others;
the caller decides whether to report and go on or to stop (`--strict`). Nothing is read
whole that can be streamed: a corpus is read line by line, a folder file by file.
"""

from __future__ import annotations

import glob
import gzip
import itertools
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, NamedTuple, cast

from statx.encodings import Decoder, check_encoding
from statx.errors import SourceError

#: File endings read when a folder is given; a file named directly is read whatever its ending.
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
#: Endings (before an optional `.gz`) that make a file a corpus, one article per line or row.
CORPUS_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv"}
GZIP_MAGIC = b"\x1f\x8b"
_GLOB_CHARS = frozenset("*?[")
#: What an empty argument is told: `Path("")` is the current folder, which it never means.
EMPTY_PATH = "empty path (an unset shell variable?): name a file or folder"


@dataclass(frozen=True, slots=True)
class Source:
    """One document: its id, its text exactly as read (offsets index it), optional metadata."""

    doc: str
    text: str
    origin: str  # path, `path:line` for a corpus line, or `<stdin>`: where messages point
    title: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Fields:
    """Which corpus fields (JSON keys, CSV columns) hold an article's text and id.

    Set by `--text-field` and `--id-field`; `title`, `date` (or a crawler's `publish_time`...,
    see `corpus.DATE_KEYS`) and `url` are read when present.
    """

    text: str = "text"
    id: str = "id"


def corpus_format(path: Path) -> str | None:
    """The corpus format a file name says (`jsonl`, `csv`, `tsv`), `.gz` or not; None for an article.

    >>> corpus_format(Path("crawl.jsonl.gz")), corpus_format(Path("a.CSV")), corpus_format(Path("a.txt"))
    ('jsonl', 'csv', None)
    """
    return CORPUS_SUFFIXES.get(Path(path.name.lower().removesuffix(".gz")).suffix)


class Found(NamedTuple):
    """A file to read, and the id its documents are known by."""

    path: Path
    doc: str


#: What names documents to read: a file, folder or pattern as the user wrote it, or a `Found`.
Input = str | Path | Found


def doc_id(path: Path, root: Path | None = None) -> str:
    """The document id of a file: its stem (without `.gz`), the name gold files and users refer to it by.

    A file found under a folder (or a pattern's fixed part) `root` is named by its path from
    there, so a crawl's 2023/05/index.html and 2024/01/index.html stay two documents; in a
    flat folder that is the stem.

    >>> doc_id(Path("news/000_2a89.txt")), doc_id(Path("a.html.gz"))
    ('000_2a89', 'a')
    >>> doc_id(Path("crawl/2023/05/index.html"), Path("crawl")), doc_id(Path("news/a.txt"), Path("news"))
    ('2023/05/index', 'a')
    """
    name = Path(path.name.removesuffix(".gz")).stem
    folder = path.parent.relative_to(root) if root is not None else Path()
    return name if folder == Path() else f"{folder.as_posix()}/{name}"


def _wanted(path: Path) -> bool:
    """Whether a file found in a folder is read: an article or a corpus ending, `.gz` or not."""
    suffix = Path(path.name.lower().removesuffix(".gz")).suffix
    return suffix in ARTICLE_SUFFIXES or suffix in CORPUS_SUFFIXES


#: A link that names no file: its file moved or was deleted, or links form a loop.
BROKEN_LINK = "a broken link: it names no file (moved or deleted?)"


def _folder(path: Path) -> Iterator[Found | SourceError]:
    """The article and corpus files below a folder, sorted; a link among them that names nothing
    (its file moved, or a loop) is an error in its place, not a file silently left out."""
    named = sorted((f, f.is_file()) for f in path.rglob("*") if _wanted(f))
    files = [(f, ok) for f, ok in named if ok or (f.is_symlink() and not f.is_dir())]
    if not files:
        yield SourceError(str(path), "no articles (.txt .md .html) or corpora (.jsonl .csv) in this folder")
    for f, ok in files:
        yield Found(f, doc_id(f, path)) if ok else SourceError(str(f), BROKEN_LINK)


def _pattern(pattern: str) -> Iterator[Found | SourceError]:
    """The files a glob pattern names, as a folder would give them (article and corpus endings), each once.

    Ids are paths from the pattern's fixed part (crawl/ in `crawl/**/*.html`), as from a folder.
    """
    root = Path(*itertools.takewhile(lambda part: not _GLOB_CHARS & set(part), Path(pattern).parts))
    files: set[Path] = set()
    for match in map(Path, glob.glob(pattern, recursive=True)):
        if match.is_dir():
            files.update(f for f in match.rglob("*") if _wanted(f) and f.is_file())
        elif _wanted(match) and match.is_file():
            files.add(match)
    if not files:
        yield SourceError(pattern, "matches no article (.txt .md .html) or corpus (.jsonl .csv) file")
    yield from (Found(f, doc_id(f, root)) for f in sorted(files))


def find_inputs(paths: Iterable[Input]) -> Iterator[Found | SourceError]:
    """Expand folders (recursive) and glob patterns (`*`, `**`, `?`, `[...]`), each sorted, with ids.

    Patterns are expanded here, not only by the shell, so a quoted `'crawl/**/*.jsonl'` works
    and does not overflow the command line; like a folder, a pattern reads only article and
    corpus endings. A path that does not exist or a pattern that matches nothing is an error.
    A `Found` (from an earlier expansion, as the CLI makes for its progress) is kept as it is.
    """
    for p in paths:
        if isinstance(p, Found):
            yield p
        elif str(p) == "-":
            yield Found(Path("-"), "stdin")
        elif not str(p).strip():  # Path("") is ".": `statx extract "$FILE"` with FILE unset read the cwd
            yield SourceError(repr(str(p)), EMPTY_PATH)
        elif (path := Path(p)).is_dir():
            yield from _folder(path)
        elif path.exists():
            yield Found(path, doc_id(path))
        elif path.is_symlink():
            yield SourceError(str(path), BROKEN_LINK)
        elif _GLOB_CHARS & set(str(p)):
            yield from _pattern(str(p))
        else:
            yield SourceError(str(path), "no such file or folder")


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | SourceError]:
    """The files of `find_inputs`, without their ids."""
    for found in find_inputs(paths):
        yield found if isinstance(found, SourceError) else found.path


def read_text(data: bytes, where: str, encoding: str | None = None) -> str:
    """Decode one document's bytes: detected (UTF-8, GB18030, Big5, UTF-16) or in `encoding`.

    Raises:
        SourceError: binary data, or an encoding that cannot be told or does not fit.
    """
    return Decoder(encoding).decode(data, where)


def iter_sources(
    paths: Iterable[str | Path], *, encoding: str | None = None, fields: Fields | None = None
) -> Iterator[Source | SourceError]:
    """Yield each document under `paths` in order, or the error that kept it from being read.

    Args:
        paths: files, folders, glob patterns or `-` for stdin; `.jsonl`/`.ndjson`/`.csv`/`.tsv`
            files (also `.gz`) are corpora, one article per line or row.
        encoding: force this encoding; None detects it per file.
        fields: the corpus fields holding text and id (`text`, `id` by default).

    Raises:
        UsageError: if `encoding` is not a known text encoding (before anything is read).
    """
    if encoding is not None:
        check_encoding(encoding)
    fields = fields or Fields()
    for found in find_inputs(paths):
        if isinstance(found, SourceError):
            yield found
        else:
            yield from read_input(found, encoding, fields)


def read_input(found: Found, encoding: str | None, fields: Fields) -> Iterator[Source | SourceError]:
    """The documents of one input file (or `-`, stdin), under the id `find_inputs` gave it."""
    path = found.path
    if str(path) == "-":
        yield _read_article(sys.stdin.buffer, "<stdin>", found.doc, encoding)
    elif (fmt := corpus_format(path)) is not None:
        yield from _read_corpus_file(path, fmt, encoding, fields, found.doc)
    else:
        try:
            with path.open("rb") as fh:
                yield _read_article(fh, str(path), found.doc, encoding)
        except OSError as e:
            yield _open_error(path, e)


def _read_article(fh: IO[bytes], where: str, doc: str, encoding: str | None) -> Source | SourceError:
    """Read one whole article (gzip-compressed or not) and decode it."""
    try:
        data = fh.read()
        if data.startswith(GZIP_MAGIC):
            data = gzip.decompress(data)
    except OSError as e:
        return SourceError(where, f"cannot read: {e.strerror or e}")
    except (EOFError, zlib.error) as e:
        return SourceError(where, f"broken gzip file: {e}")
    if not data:
        return SourceError(where, "empty file")
    try:
        text = Decoder(encoding).decode(data, where)
    except SourceError as e:
        return e
    if not text:
        return SourceError(where, "empty file (nothing but a byte-order mark)")
    return Source(doc, text, where)


def _read_corpus_file(
    path: Path, fmt: str, encoding: str | None, fields: Fields, stem: str
) -> Iterator[Source | SourceError]:
    from statx.corpus import read_corpus  # imported here: corpus builds on Source, defined above

    where = str(path)
    try:
        raw = path.open("rb")
    except OSError as e:
        yield _open_error(path, e)
        return
    with raw:
        stream: IO[bytes] = raw
        try:
            if raw.peek(2)[:2] == GZIP_MAGIC:
                stream = cast(IO[bytes], gzip.GzipFile(fileobj=raw, mode="rb"))
            if not peek(stream, 1):
                yield SourceError(where, "empty file")
                return
        except OSError as e:
            yield SourceError(where, f"cannot read: {e.strerror or e}")
            return
        except (EOFError, zlib.error) as e:
            yield SourceError(where, f"broken gzip file: {e}")
            return
        yield from read_corpus(stream, where, fmt, stem, encoding=encoding, fields=fields)


def peek(stream: IO[bytes], size: int) -> bytes:
    """Up to `size` bytes ahead without consuming them (buffered files and gzip streams can)."""
    peek = getattr(stream, "peek", None)
    return bytes(peek(size)[:size]) if peek is not None else b""


def _open_error(path: Path, e: OSError) -> SourceError:
    if isinstance(e, PermissionError):
        return SourceError(str(path), "permission denied")
    if isinstance(e, IsADirectoryError):
        return SourceError(str(path), "is a folder")
    return SourceError(str(path), f"cannot read: {e.strerror or e}")
