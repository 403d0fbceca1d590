"""The acceptance run of issue 5, small: a corpus perturbed from samples/ (encodings, HTML noise,
Traditional script, truncation, bad files) gives no crash, each bad input is one error, and every
article whose text the perturbation keeps has as many figures as its original.

`bench/make_corpus.py --articles 10000` is the full run (its result is in README.md).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tests.conftest import ROOT


def test_a_perturbed_corpus_matches_its_originals(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "bench" / "make_corpus.py")
    assert spec is not None and spec.loader is not None
    make_corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_corpus)
    summary = make_corpus.build(tmp_path, articles=200, seed=11)
    assert set(summary["kinds"]) == set(make_corpus.MIX)  # every perturbation is exercised
    report = make_corpus.check(tmp_path)
    assert report["crashes"] == []
    assert report["errors"] == report["expected_errors"]
    assert report["mismatches"] == []
    assert report["compared"] > 150 and report["figures"] > 1000
