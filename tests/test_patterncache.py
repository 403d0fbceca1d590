"""The on-disk cache of compiled patterns: same patterns, same output, never in the way."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import regex

from statx import patterncache, shape
from statx.rules import load_rules
from tests.conftest import SAMPLES


def _extract(cache: str) -> tuple[str, str]:
    env = {**os.environ, "STATX_CACHE_DIR": cache}
    run = subprocess.run(
        [sys.executable, "-m", "statx", "extract", str(SAMPLES), "-f", "jsonl"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout, run.stderr


def _cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("patterns-*.cache"))


def test_a_run_writes_the_cache_and_the_next_reads_it_with_the_same_output(tmp_path: Path) -> None:
    plain, _ = _extract("")  # caching off
    assert not list(tmp_path.iterdir())
    first, _ = _extract(str(tmp_path))
    (cache,) = _cache_files(tmp_path)
    entries = patterncache.read_entries(cache)
    assert len(entries) > 20 and not list(tmp_path.glob(".patterns-*"))  # no temporary file left
    before = cache.stat().st_mtime_ns
    second, _ = _extract(str(tmp_path))
    assert plain == first == second
    assert cache.stat().st_mtime_ns == before  # nothing new to add: the run read, and wrote nothing


def test_a_damaged_cache_is_ignored_and_replaced(tmp_path: Path) -> None:
    plain, _ = _extract("")
    cache = tmp_path / patterncache.cache_file().name  # type: ignore[union-attr]
    cache.write_bytes(b"\x00not marshal data")
    out, err = _extract(str(tmp_path))
    assert out == plain and err == ""
    assert len(patterncache.read_entries(cache)) > 20


def test_writing_the_cache_deletes_files_of_earlier_formats_only(tmp_path: Path) -> None:
    """An upgrade left a v2 file of megabytes behind; a v3 file of another regex belongs to another venv."""
    old = tmp_path / "patterns-v2-regex-2024.1.1-py3.11.marshal"
    other = tmp_path / "patterns-v3-regex-2024.1.1-py3.12.cache"
    unrelated = tmp_path / "notes.txt"
    for path in (old, other, unrelated):
        path.write_bytes(b"x")
    _extract(str(tmp_path))
    assert not old.exists() and other.exists() and unrelated.exists()
    assert patterncache.cache_file().name in {p.name for p in tmp_path.iterdir()}  # type: ignore[union-attr]


def test_every_cached_rule_pattern_is_the_pattern_regex_compiles(tmp_path: Path) -> None:
    _extract(str(tmp_path))
    (cache,) = _cache_files(tmp_path)
    entries = patterncache.read_entries(cache)
    examples = [ex.text for rule in load_rules().figures for ex in rule.examples]
    patterns = {key: args for key, (_, args) in entries.items() if isinstance(key[1], int)}  # not data
    assert len(patterns) > 20
    for (source, flags, _), args in patterns.items():
        cached = regex._regex.compile(*args)  # what compile_pattern builds from an entry
        fresh = regex.compile(source, flags)
        assert (cached.pattern, cached.flags) == (fresh.pattern, fresh.flags)
        assert cached.groupindex == fresh.groupindex
        for text in examples:
            assert [m.span() for m in cached.finditer(text)] == [m.span() for m in fresh.finditer(text)]


def test_an_empty_cache_dir_setting_turns_the_cache_off() -> None:
    env = {**os.environ, "STATX_CACHE_DIR": ""}
    code = "from statx.patterncache import cache_file; print(cache_file())"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert run.stdout.strip() == "None"


def test_shapes_read_back_from_the_cache_are_the_shapes_worked_out() -> None:
    rules = load_rules()
    sources = [r.source for r in (*rules.figures, *rules.exclusions)]
    for source in sources:
        for public, read in (
            (shape.shape_of, shape._read_shape),
            (shape.optional_prefix, shape._read_optional_prefix),
            (shape.first_chars, shape._read_first_chars),
        ):
            public(source)  # the first call may compute and store it
            assert public(source) == read(source), source  # the second reads it back


def test_an_edited_rules_file_is_read_again(tmp_path: Path) -> None:
    rule = (
        "rules:\n  - id: my.count\n    pattern: '(?P<num>\\d+)只鸟'\n    unit: 只\n"
        "    examples:\n      - {text: 救助32只鸟, expect: [{text: 32只鸟, value: 32}]}\n"
        "      - {text: 没有鸟, expect: []}\n"
    )
    (tmp_path / "mine.yaml").write_text(rule, encoding="utf-8")
    assert [r.id for r in load_rules([tmp_path], builtin=False).figures] == ["my.count"]
    (tmp_path / "mine.yaml").write_text(rule.replace("my.count", "my.cases"), encoding="utf-8")
    assert [r.id for r in load_rules([tmp_path], builtin=False).figures] == ["my.cases"]


def test_entries_no_run_uses_age_out_of_the_cache(tmp_path: Path) -> None:
    _extract(str(tmp_path))
    (cache,) = _cache_files(tmp_path)
    entries = patterncache.read_entries(cache)
    stale = ("shape", "(?P<num>\\d+)只鸟 of a rule edited away")
    entries[stale] = (patterncache._MAX_AGE, None)  # one save more is too old
    entries[("shape", "one more save to live")] = (0, None)
    patterncache.write_entries(cache, entries)
    env = {**os.environ, "STATX_CACHE_DIR": str(tmp_path)}
    code = "from statx.patterncache import remembered; remembered('test', 'new', str)"  # a run that saves
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    after = patterncache.read_entries(cache)
    assert stale not in after and after[("shape", "one more save to live")][0] == 1
    assert after[("test", "new")] == (0, "new") and all(
        age <= patterncache._MAX_AGE for age, _ in after.values()
    )


def test_release_writes_what_was_added_and_a_later_lookup_reads_the_file_again(tmp_path: Path) -> None:
    env = {**os.environ, "STATX_CACHE_DIR": str(tmp_path)}
    code = """if True:
        from statx import patterncache as pc
        pc.compile_pattern("first只")  # added, not yet written
        pc.release()
        assert pc._store is None  # let go of
        assert pc.compile_pattern("first只").match("first只")  # read back from the file
        assert not pc._the_store().added  # found there, not compiled again
        pc.release()
    """
    subprocess.run([sys.executable, "-c", code], env=env, check=True, cwd=Path(__file__).parent.parent)
    (cache,) = _cache_files(tmp_path)
    assert ("first只", 0, int(regex.DEFAULT_VERSION)) in patterncache.read_entries(cache)


def test_a_process_reads_only_the_entries_it_asks_for(tmp_path: Path) -> None:
    """A cache grown by edited rules costs a process what it uses, not the file's size."""
    cache = tmp_path / "c.cache"
    entries = {("data", str(n)): (0, "x" * 1000 + str(n)) for n in range(2000)}  # 2 MB of entries
    patterncache.write_entries(cache, entries)
    store = patterncache._Store(cache)
    try:
        assert store.get(("data", "7")) == "x" * 1000 + "7"
        assert store.get(("data", "none")) is patterncache._MISSING
        assert len(store.used) == 1 and not store.added
    finally:
        store.close()


def test_a_cache_with_a_damaged_index_or_entry_is_a_miss_not_an_error(tmp_path: Path) -> None:
    cache = tmp_path / "c.cache"
    patterncache.write_entries(cache, {("data", "a"): (0, "A"), ("data", "b"): (0, "B")})
    raw = bytearray(cache.read_bytes())
    raw[-3:] = b"\xff\xff\xff"  # the last entry's bytes damaged
    cache.write_bytes(bytes(raw))
    store = patterncache._Store(cache)
    try:
        found = [store.get(("data", k)) for k in "ab"]
        assert patterncache._MISSING in found and {"A", "B"} & set(found)  # one damaged, one read
        store.index[next(iter(store.index))] = 7  # type: ignore[assignment]  (an index not of ours)
        assert patterncache._MISSING in (store.get(("data", "a")), store.get(("data", "b")))
    finally:
        store.close()
