"""Shared fixtures: the sample articles, their gold figures, the built-in rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from statx.rules import RuleSet, load_rules

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
