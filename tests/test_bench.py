"""The benchmark runs end to end on a tiny corpus and reports its ratios (no timing is asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_runs_on_a_tiny_corpus(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--tiny", "--no-dask", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "outputs identical: True" in out
    for line in ("| floor |", "| statx -j 1 |", "| statx -j 2 |", "| statx extract one article (slowest of "):
        assert line in out
    assert "peak PSS tree (MB)" in out  # RSS counts the pages workers share with their fork server twice
    assert "statx -j 1 / floor: 1/" in out and "jobs-2 / jobs-1 speed-up:" in out
    # one long article made of the corpus's articles: work that grows faster than the text shows here
    assert "| statx -j 1, one long article |" in out and "one long article (" in out
