"""`statx.heap`: the mapping threshold is fixed, and free pages returned, where glibc lets it be.

What it saves is memory over a long run, which the bench measures (`bench/run.py`: the peak
RSS of `--jobs 2`'s main process); glibc's own choices make it too uneven for a test here.
"""

from __future__ import annotations

import platform
import sys

import pytest

from statx.heap import keep_heap_small, trim_heap

GLIBC = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"


@pytest.mark.skipif(not GLIBC, reason="mallopt is glibc's")
def test_the_threshold_is_set_with_glibc() -> None:
    assert keep_heap_small() is True


@pytest.mark.skipif(not GLIBC, reason="malloc_trim is glibc's")
def test_free_pages_go_back_with_glibc() -> None:
    blocks = [bytes(1000) for _ in range(20_000)]  # 20 MB of small blocks, in the heap
    del blocks[:-1]
    assert trim_heap() is True  # glibc says it returned memory


@pytest.mark.skipif(GLIBC, reason="only where there is no glibc")
def test_elsewhere_nothing_changes() -> None:
    assert keep_heap_small() is False
    assert trim_heap() is False
