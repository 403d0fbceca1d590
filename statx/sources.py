"""Turn what the user names (files, folders, `-`) into documents: a doc id and the text as read.

Errors are yielded, not raised, so one unreadable file never stops the others; the caller
decides whether to report and go on or to stop (`--strict`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from statx.errors import SourceError

#: File endings read when a folder is given; a file named directly is read whatever its ending.
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})


@dataclass(frozen=True, slots=True)
class Source:
    """One document: its id, its text exactly as read (offsets index it), optional metadata."""

    doc: str
    text: str
    origin: str  # path or `<stdin>`, for messages
    title: str | None = None
    date: str | None = None


def doc_id(path: Path) -> str:
    """The document id of a file: its stem, the name gold files and users refer to it by."""
    return path.stem


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | SourceError]:
    """Expand folders recursively (sorted, article endings only); report paths that do not exist."""
    for p in paths:
        path = Path(p)
        if str(p) == "-":
            yield path
        elif path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.suffix.lower() in ARTICLE_SUFFIXES and f.is_file())
            if not files:
                yield SourceError(str(path), "no .txt, .md, .markdown, .html or .htm files in this folder")
            yield from files
        elif path.exists():
            yield path
        else:
            yield SourceError(str(path), "no such file or folder")


def read_text(data: bytes, where: str, encoding: str | None = None) -> str:
    """Decode bytes as UTF-8 (BOM dropped) or the given encoding, with a message that says what to try."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(where, "binary file, not text (give articles as .txt, .md or .html)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) and encoding is None:
        encoding = "utf-16"
    try:
        return data.decode(encoding or "utf-8-sig")
    except LookupError:
        raise SourceError(where, f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as e:
        hint = "try --encoding gb18030 or --encoding big5" if encoding is None else "try another --encoding"
        raise SourceError(where, f"not valid {encoding or 'UTF-8'} at byte {e.start} ({hint})") from None


def iter_sources(
    paths: Iterable[str | Path], *, encoding: str | None = None
) -> Iterator[Source | SourceError]:
    """Yield each document under `paths` in order, or the error that kept it from being read."""
    for item in expand_paths(paths):
        if isinstance(item, SourceError):
            yield item
            continue
        if str(item) == "-":
            try:
                data = sys.stdin.buffer.read()
                yield Source("stdin", read_text(data, "<stdin>", encoding), "<stdin>")
            except SourceError as e:
                yield e
            continue
        try:
            data = item.read_bytes()
        except PermissionError:
            yield SourceError(str(item), "permission denied")
            continue
        except OSError as e:
            yield SourceError(str(item), f"cannot read: {e.strerror or e}")
            continue
        try:
            yield Source(doc_id(item), read_text(data, str(item), encoding), str(item))
        except SourceError as e:
            yield e
