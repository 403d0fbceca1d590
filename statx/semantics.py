"""Say what each figure counts: label, metric, change, breakdown parent, period, subject.

Filled in by the semantic layer (issue 3); until then records keep metric `other`.
"""

from __future__ import annotations

from collections.abc import Sequence

from statx.matcher import Candidate
from statx.normalize import Prepared
from statx.records import Record
from statx.rules import RuleSet


def annotate(
    records: list[Record], candidates: Sequence[Candidate], prepared: Prepared, rules: RuleSet
) -> list[Record]:
    """Return the records with their semantic fields filled in."""
    return records
