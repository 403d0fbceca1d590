"""Size: time grows linearly with an article's length, memory does not grow with a corpus's.

The 20 MB single-line article itself is `bench/big_article.py` (about 30 s here); these tests
check the property that makes it finish, on sizes that take about a second in all.
"""

from __future__ import annotations

import json
import os
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from statx import extract_paths, extract_text, load_rules
from statx.export import write_jsonl
from tests.conftest import SAMPLE_FILES

RULES = load_rules()


def _one_line(size: int) -> str:
    """The sample articles run together into one line of `size` characters."""
    base = " ".join(p.read_text(encoding="utf-8") for p in SAMPLE_FILES).replace("\n", " ").replace("\r", " ")
    return (base * (size // len(base) + 1))[:size]


def _seconds(text: str) -> float:
    """CPU seconds, the best of two runs: other work on a loaded machine (parallel test workers, a
    CI neighbour) stretches wall-clock time but hardly this process's own CPU time, and a run is
    only ever slower, never faster, than the work it does."""
    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        extract_text(text, "big", rules=RULES, timeout=None)
        best = min(best, time.process_time() - started)
    return best


def test_a_single_line_article_takes_time_linear_in_its_length() -> None:
    small, large = _seconds(_one_line(100_000)), _seconds(_one_line(400_000))  # ~0.1 s and ~0.4 s
    assert large < 8 * small + 0.2, (small, large)  # 4x the text: ~4x the time; quadratic would be 16x


LONG_RUNS: dict[str, Callable[[int], str]] = {
    "digits": lambda n: "1" * n + "x起",  # was quadratic in four exclusion rules: 20,000 digits took 46 s
    "word characters": lambda n: "a" * n + "x起",
    "Chinese numerals": lambda n: "一" * n + "x起",
    "markdown links": lambda n: "[a](" * (n // 4),  # was quadratic in the link-target lookahead
    # one paragraph of many short counts: the sums of parts once rescanned all its counts at each
    # sentence, and a table cell's column was counted along the whole line at each figure
    "counted sentences": lambda n: "查处违法12起。" * (n // 8),
    "counted clauses": lambda n: "查处违法12起，" * (n // 8),
    "table rows": lambda n: "| 城东 | 41 | 12% |\n" * (n // 17),  # each row walked up to the caption
    # a report's sector lines under its totals: each line's figures were sought among all the article's
    "sector lines": lambda n: (
        "发生事故5000起，死亡900人。\n" + "（一）运输业事故12起，死亡3人。\n" * (n // 5)
    ),
}


@pytest.mark.parametrize("make", LONG_RUNS.values(), ids=LONG_RUNS.keys())
def test_long_runs_of_one_kind_of_character_stay_linear(make: Callable[[int], str]) -> None:
    small, large = _seconds(make(10_000)), _seconds(make(40_000))
    assert large < 8 * small + 0.1, (small, large)


def test_a_corpus_streams_in_memory_that_does_not_grow_with_it(tmp_path: Path) -> None:
    paragraphs = [
        line.strip()
        for p in SAMPLE_FILES
        for line in p.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) > 60 and "<" not in line
    ]

    def corpus(name: str, articles: int) -> Path:
        path = tmp_path / name
        with path.open("w", encoding="utf-8") as fh:
            for i in range(articles):
                text = "\n".join(paragraphs[(i + k) % len(paragraphs)] for k in range(6))
                fh.write(json.dumps({"id": f"{name}{i}", "text": text}, ensure_ascii=False) + "\n")
        return path

    def peak(path: Path) -> int:
        with open(os.devnull, "w", encoding="utf-8") as sink:
            tracemalloc.start()
            try:
                written = write_jsonl(extract_paths([path], rules=RULES), sink)
                return tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
                assert written > 0

    small, large = corpus("small.jsonl", 40), corpus("large.jsonl", 400)
    peak(small)  # warm up: OpenCC's dictionaries and other first-use caches are not the corpus
    small_peak, large_peak = peak(small), peak(large)
    assert large.stat().st_size > 9 * small.stat().st_size
    assert large_peak < 1.5 * small_peak + 200_000, (small_peak, large_peak)
    assert large_peak < large.stat().st_size / 2  # not the file, not its records: one article at a time
