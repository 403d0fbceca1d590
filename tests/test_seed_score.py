"""The seeds scored against their gold with the project's scorer (a copy of shared/gold/score.py)."""

from __future__ import annotations

import json

from statx import extract_paths
from statx.rules import RuleSet
from tests.conftest import GOLD, SEED_FILES, score


def _totals(rules: RuleSet) -> dict[str, float]:
    rows = [
        json.loads(json.dumps(r.to_dict(), ensure_ascii=False))
        for r in extract_paths(SEED_FILES, rules=rules)
    ]
    _, tot, _, _ = score.score(GOLD, rows)
    p, r, f = score.prf(tot)
    return {
        "precision": p,
        "recall": r,
        "f1": f,
        "qualifier": tot["qual_ok"] / tot["qual_n"],
        "metric": tot["metric_ok"] / tot["metric_n"],
        "change": tot["change_ok"] / tot["change_n"],
    }


def test_seed_figures_f1_at_least_095(rules: RuleSet) -> None:
    t = _totals(rules)
    assert t["f1"] >= 0.95, t
    assert t["qualifier"] >= 0.95, t


def test_seed_metric_accuracy_at_least_090_and_changes_all_right(rules: RuleSet) -> None:
    t = _totals(rules)
    assert t["metric"] >= 0.90, t
    assert t["change"] == 1.0, t
    assert t["f1"] >= 0.95, t
