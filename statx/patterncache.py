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
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import regex
from regex import _main, _regex

__all__ = ["cache_file", "compile_pattern", "content_key", "release", "remembered"]

Key = tuple[Any, ...]  # (pattern, flags, regex version) for a pattern; (kind, source) for data
T = TypeVar("T")

# Each entry is (age, marshal bytes of its value). Kept as bytes, a loaded cache costs about
# its file's size in memory (unpacked, the patterns' code lists take three times that), and
# each caller unpacks objects of its own, free to change. The age counts the saves since the
# entry was last used: rules edited again and again leave entries no run asks for, and a save
# drops those older than _MAX_AGE.
_MAX_AGE = 8
_lock = threading.Lock()
_entries: dict[Key, tuple[int, bytes]] | None = None
_path: Path | None = None  # where the entries were read from, and are written back to
_used: set[Key] = set()
_added = False


def cache_file() -> Path | None:
    """Where the compiled patterns are kept; None when caching is off."""
    where = os.environ.get("STATX_CACHE_DIR")
    if where == "":
        return None
    if where is None:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        where = str(Path(base) / "statx")
    tag = f"regex-{regex.__version__}-py{sys.version_info[0]}.{sys.version_info[1]}"
    return Path(where) / f"patterns-v2-{tag}.marshal"  # v2: entries are (age, marshal bytes)


def compile_pattern(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile(pattern, flags)`, from the cache when this machine compiled it before."""
    if not _on():
        return regex.compile(pattern, flags)
    key = (pattern, int(flags), int(regex.DEFAULT_VERSION))
    entry = _load().get(key)
    if entry is not None:
        try:
            compiled: regex.Pattern[str] = _regex.compile(*marshal.loads(entry[1]))
        except Exception:  # an entry this release cannot read: compile it anew
            pass
        else:
            _used.add(key)
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
    entry = _load().get(key)
    if entry is not None:
        try:
            value = load(marshal.loads(entry[1]))
        except Exception:  # written by another statx: work it out anew
            pass
        else:
            _used.add(key)
            return value
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
    _load()
    return _path is not None


def _load() -> dict[Key, tuple[int, bytes]]:
    global _entries, _path
    if _entries is None:
        _entries = {}
        _path = path = cache_file()
        if path is not None:
            with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
                data = marshal.loads(path.read_bytes())
                if isinstance(data, dict):
                    _entries = data
    return _entries


def _remember(key: Key, value: Any) -> None:
    """Keep `value` (plain data) under `key`; raises ValueError if marshal cannot take it."""
    global _added
    _load()[key] = (0, marshal.dumps(value))
    _used.add(key)
    if not _added:
        _added = True
        atexit.register(_save)


def release() -> None:
    """Write what this process added, then let go of the cache's entries.

    The cache is loaded whole (about its file's size in memory) and kept for the process's
    life. A process that has compiled all it will use has no more need of it: the `--jobs`
    fork server after its warm-up, and with it every worker forked from it, each of which
    would otherwise carry its own copy. A lookup after this reads the file again.
    """
    global _entries, _added
    with _lock:
        if _added:
            _save()
            _added = False  # _save stays registered at exit; with no entries it does nothing
        _entries = None
        _used.clear()


def _save() -> None:
    """Write the cache whole, through a temporary file: a reader never sees half of it."""
    path = _path
    if path is None or _entries is None:
        return
    entries = {
        key: (0 if key in _used else age + 1, blob)
        for key, (age, blob) in _entries.items()
        if key in _used or age < _MAX_AGE
    }
    with contextlib.suppress(OSError, ValueError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".patterns-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(marshal.dumps(entries))
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
