"""Shared fixtures: the sample articles, their gold figures, the built-in rules."""

from __future__ import annotations

import importlib.util
import json
import os
import tempfile
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import settings

from statx.rules import RuleSet, load_rules

# Property tests check what is read, never how fast: a machine busy with other work (CI runners,
# parallel test runs) must not fail them on Hypothesis's per-example deadline.
settings.register_profile("statx", deadline=None)
settings.load_profile("statx")

# compiled patterns are cached in a folder of this run (inherited by the CLI run in subprocesses),
# not in the user's ~/.cache
os.environ.setdefault("STATX_CACHE_DIR", tempfile.mkdtemp(prefix="statx-test-cache-"))

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLD = ROOT / "tests" / "gold"
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".md", ".html", ".htm"})
SEED_FILES = [p for p in SAMPLE_FILES if (GOLD / f"{p.stem}.jsonl").exists()]


def gold_of(stem: str) -> list[dict[str, object]]:
    """The gold figures of one seed."""
    return [
        json.loads(line) for line in (GOLD / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines() if line
    ]


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    return load_rules()


def _load_scorer() -> ModuleType:
    """The reference scorer (a copy of shared/gold/score.py), imported from its file."""
    spec = importlib.util.spec_from_file_location("score", GOLD / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


score = _load_scorer()
