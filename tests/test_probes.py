"""Regression scores on the probe articles (evaluation/probes): styles the seeds do not show."""

from __future__ import annotations

import json

from statx import extract_paths
from statx.rules import RuleSet
from tests.conftest import ROOT, score

PROBES = ROOT / "evaluation" / "probes"


def test_probe_articles_keep_their_scores(rules: RuleSet) -> None:
    rows = [json.loads(json.dumps(r.to_dict())) for r in extract_paths([PROBES / "articles"], rules=rules)]
    _, tot, misses, extras = score.score(PROBES / "gold", rows)
    _, _, f1 = score.prf(tot)
    assert f1 >= 0.95, (f1, misses, extras)
    assert tot["metric_ok"] / tot["metric_n"] >= 0.90, tot
    assert tot["change_ok"] == tot["change_n"], tot
