"""Compile the rules' `regex` patterns once per machine, not at every start.

`regex` parses and optimises a pattern in Python before its C core builds the Pattern: for
the figure rules that is about 0.3 s, more than a third of `statx extract one.txt`. What
the parsing produces, the arguments of the core's `compile` (the pattern's code as a list of
ints, its group tables and required string), depends only on the pattern, its flags and the
`regex` release, so it is kept on disk and handed straight to the core on later runs.

The core's `compile` is private to `regex`, so everything here is guarded: entries are
keyed by the `regex` and Python versions, stored with `marshal` (plain data, never code),
checked by building the Pattern, and any failure falls back to `regex.compile`. A cache that
cannot be read or written (a read-only home) only costs the time it would have saved.
Set STATX_CACHE_DIR to move it, or to an empty string to turn it off.

The same file keeps the other plain data statx derives from its rules at each start, which
costs about as much again: what a pattern's shape is (`statx.shape`) and the parsed YAML of
a rules file (keyed by its content), through `remembered`.

A process reads the file's index at start and maps the rest, reading an entry when it is
asked for: a cache grown by rules edited again and again (entries age out only after
`_MAX_AGE` saves without use) costs a process the entries it uses, not the file's size, and
the pages it reads are the page cache's, shared by every statx process that reads them.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import marshal
import mmap
import os
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import regex
from regex import _main, _regex

__all__ = [
    "cache_file",
    "compile_pattern",
    "content_key",
    "read_entries",
    "release",
    "remembered",
    "write_entries",
]

Key = tuple[Any, ...]  # (pattern, flags, regex version) for a pattern; (kind, source) for data
T = TypeVar("T")

# The file: _MAGIC, the index's length (8 bytes, little-endian), the index, then the entries.
# The index maps a key's digest to (age, offset, length) of its entry, which is the marshal
# bytes of (key, value): the key is checked on reading, so a digest's collision is a miss. The
# age counts the saves since the entry was last used: rules edited again and again leave
# entries no run asks for, and a save drops those older than _MAX_AGE.
_MAGIC = b"statx-patterns-v3\n"
_MAX_AGE = 8
_MISSING: Any = object()
_lock = threading.Lock()


class _Store:
    """One process's view of the cache file, and the entries it added."""

    def __init__(self, path: Path | None) -> None:
        self.path = path  # where entries are read from and written back to; None: caching off
        self.index: dict[bytes, tuple[int, int, int]] = {}
        self.data: mmap.mmap | None = None
        self.base = 0  # where the entries start in `data`
        self.added: dict[bytes, bytes] = {}
        self.used: set[bytes] = set()
        if path is not None:
            with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
                self._open(path)

    def _open(self, path: Path) -> None:
        with path.open("rb") as f:
            data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            head = len(_MAGIC) + 8
            if data[: len(_MAGIC)] != _MAGIC:
                raise ValueError("not a statx pattern cache")
            size = int.from_bytes(data[len(_MAGIC) : head], "little")
            index = marshal.loads(data[head : head + size])
            if not isinstance(index, dict):
                raise ValueError("not a statx pattern cache")
        except BaseException:
            data.close()
            raise
        self.index, self.data, self.base = index, data, head + size

    def get(self, key: Key) -> Any:
        """The value kept under `key`, or _MISSING."""
        digest = _digest(key)
        try:
            blob = self.added.get(digest)
            if blob is None:
                where = self.index.get(digest)
                if where is None or self.data is None:
                    return _MISSING
                start = self.base + where[1]
                blob = self.data[start : start + where[2]]
            stored, value = marshal.loads(blob)
        except Exception:  # damaged, or written by another Python: a miss
            return _MISSING
        if stored != key:
            return _MISSING
        self.used.add(digest)
        return value

    def put(self, key: Key, value: Any) -> None:
        """Keep `value` under `key`; raises ValueError if marshal cannot take them."""
        digest = _digest(key)
        self.added[digest] = marshal.dumps((key, value))
        self.used.add(digest)

    def save(self) -> None:
        """Write the cache whole, through a temporary file: a reader never sees half of it."""
        if self.path is None or not self.added:
            return
        index: dict[bytes, tuple[int, int, int]] = {}
        parts: list[bytes] = []
        at = 0
        for digest, (age, offset, length) in self.index.items():
            used = digest in self.used
            if digest in self.added or self.data is None or not (used or age < _MAX_AGE):
                continue
            start = self.base + offset
            parts.append(self.data[start : start + length])
            index[digest] = (0 if used else age + 1, at, length)
            at += length
        for digest, blob in self.added.items():
            parts.append(blob)
            index[digest] = (0, at, len(blob))
            at += len(blob)
        _write(self.path, index, parts)

    def close(self) -> None:
        if self.data is not None:
            self.data.close()
            self.data = None


_store: _Store | None = None
_saving = False  # whether `_save` is registered to run at exit


def cache_file() -> Path | None:
    """Where the compiled patterns are kept; None when caching is off."""
    where = os.environ.get("STATX_CACHE_DIR")
    if where == "":
        return None
    if where is None:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        where = str(Path(base) / "statx")
    tag = f"regex-{regex.__version__}-py{sys.version_info[0]}.{sys.version_info[1]}"
    return Path(where) / f"patterns-v3-{tag}.cache"  # v3: an index, then entries read on demand


def compile_pattern(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile(pattern, flags)`, from the cache when this machine compiled it before."""
    if not _on():
        return regex.compile(pattern, flags)
    key = (pattern, int(flags), int(regex.DEFAULT_VERSION))
    entry = _the_store().get(key)
    if entry is not _MISSING:
        try:
            compiled: regex.Pattern[str] = _regex.compile(*entry)
        except Exception:  # an entry this release cannot read: compile it anew
            pass
        else:
            return compiled
    compiled, args = _compile_recording(pattern, flags)
    if args is not None:
        _remember(key, args)
    return compiled


def remembered(
    kind: str,
    source: str,
    compute: Callable[[str], T],
    dump: Callable[[T], Any] = lambda v: v,
    load: Callable[[Any], T] = lambda v: v,
) -> T:
    """`compute(source)`, from the cache when this machine worked it out before.

    `dump` turns the value into plain data for `marshal` and `load` turns it back; a value
    that will not go into plain data is computed every time. `kind` keeps the answers of
    different functions apart.
    """
    if not _on():
        return compute(source)
    key = (kind, source)
    entry = _the_store().get(key)
    if entry is not _MISSING:
        try:
            return load(entry)
        except Exception:  # written by another statx: work it out anew
            pass
    value = compute(source)
    with contextlib.suppress(ValueError, TypeError):  # not plain data (a YAML date): not kept
        _remember(key, dump(value))
    return value


def content_key(text: str) -> str:
    """A short key that changes whenever `text` does (for a whole file's content)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


class _Recorder:
    """Stands in for `regex`'s C core during a compile, keeping what each thread handed it."""

    def __init__(self) -> None:
        self.calls: dict[int, tuple[Any, ...]] = {}

    def compile(self, *args: Any) -> Any:
        self.calls[threading.get_ident()] = args
        return _regex.compile(*args)

    def __getattr__(self, name: str) -> Any:
        return getattr(_regex, name)


def _compile_recording(pattern: str, flags: int) -> tuple[regex.Pattern[str], tuple[Any, ...] | None]:
    """Compile with `regex`, and the arguments its core was called with (None if it was not)."""
    recorder = _Recorder()
    with _lock:
        _main._regex = recorder
        try:
            # past regex's own cache: a pattern some code compiled before (a character class
            # while reading shapes) would otherwise be recorded only by a later run
            compiled = regex.compile(pattern, flags, cache_pattern=False)
        finally:
            _main._regex = _regex
    args = recorder.calls.get(threading.get_ident())
    if args is None:  # the core was not called: nothing to record
        return compiled, None
    # the flags come as a RegexFlag, which marshal does not take; the core reads them as an int
    return compiled, tuple(int(a) if isinstance(a, regex.RegexFlag) else a for a in args)


def _on() -> bool:
    """Whether there is a cache to use (STATX_CACHE_DIR set empty turns it off)."""
    return _the_store().path is not None


def _the_store() -> _Store:
    global _store
    if _store is None:
        _store = _Store(cache_file())
    return _store


def _digest(key: Key) -> bytes:
    # marshal version 2: no back-references, whose flags follow objects' reference counts, so
    # one key always gives the same bytes
    return hashlib.blake2b(marshal.dumps(key, 2), digest_size=16).digest()


def _remember(key: Key, value: Any) -> None:
    """Keep `value` (plain data) under `key`; raises ValueError if marshal cannot take it."""
    global _saving
    _the_store().put(key, value)
    if not _saving:
        _saving = True
        atexit.register(_save)


def release() -> None:
    """Write what this process added, then let go of the cache.

    A process that has compiled all it will use has no more need of it: the `--jobs` fork
    server after its warm-up, and with it every worker forked from it, each of which would
    otherwise carry the entries it read and its map of the file. A lookup after this opens
    the file again.
    """
    global _store
    with _lock:
        if _store is not None:
            _store.save()
            _store.close()
            _store = None


def _save() -> None:
    """At exit: write what this process added, if it still holds the cache."""
    if _store is not None:
        _store.save()


def _write(path: Path, index: dict[bytes, tuple[int, int, int]], parts: list[bytes]) -> None:
    """Write a cache file of `index` and its entries, through a temporary file."""
    head = marshal.dumps(index)
    with contextlib.suppress(OSError, ValueError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".patterns-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(_MAGIC + len(head).to_bytes(8, "little") + head)
                for part in parts:
                    out.write(part)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _drop_old_formats(path.parent)


#: Cache files of the formats before v3, which no statx reads any more.
_OLD_FORMATS = ("patterns-v1-*", "patterns-v2-*")


def _drop_old_formats(folder: Path) -> None:
    """Delete cache files of earlier formats: an upgrade would otherwise leave megabytes behind.

    Only older formats go: a v3 file of another `regex` or Python version belongs to another
    environment that may share the folder.
    """
    for pattern in _OLD_FORMATS:
        for old in folder.glob(pattern):
            with contextlib.suppress(OSError):
                old.unlink()


def read_entries(path: Path) -> dict[Key, tuple[int, Any]]:
    """What a cache file holds: each key's age and value (to inspect a cache, and for tests)."""
    store = _Store(path)
    try:
        out: dict[Key, tuple[int, Any]] = {}
        for age, offset, length in store.index.values():
            if store.data is None:
                break
            start = store.base + offset
            key, value = marshal.loads(store.data[start : start + length])
            out[tuple(key)] = (age, value)
        return out
    finally:
        store.close()


def write_entries(path: Path, entries: dict[Key, tuple[int, Any]]) -> None:
    """Write `entries` (key: (age, value)) as a cache file: the inverse of `read_entries`."""
    index: dict[bytes, tuple[int, int, int]] = {}
    parts: list[bytes] = []
    at = 0
    for key, (age, value) in entries.items():
        blob = marshal.dumps((key, value))
        index[_digest(key)] = (age, at, len(blob))
        parts.append(blob)
        at += len(blob)
    _write(path, index, parts)
