"""Score predicted figures against gold annotations, by the matching rule of the gold SPEC.md.

Rule authors need a number to tell whether a change helped, on their own annotated
articles as well as on the seeds.  The rule (`tests/gold/SPEC.md`, "Matching rule"): a
prediction matches a gold figure of the same document when the values are equal (relative
difference at most 1e-6), the units are equal in Simplified Chinese, and both stand at the
same place (spans overlap where the prediction has offsets; otherwise the numbers written
in both texts agree).  Matching is greedy in document order, each figure used at most once.
Gold figures marked `optional` consume a prediction but count neither way.

The numbers agree with the reference scorer `tests/gold/score.py`, which the test suite
checks; this module is the same rule as a typed library, with JSON and JSON-lines input.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from statx.errors import SourceError, UsageError
from statx.normalize import fold_text
from statx.sources import ARTICLE_SUFFIXES

__all__ = ["Counts", "DocScore", "Evaluation", "evaluate", "load_gold", "parse_records", "read_records"]

Row = Mapping[str, Any]

_NUMBER = re.compile(r"[0-9零〇一二两三四五六七八九十百千万亿][0-9.,零〇一二两三四五六七八九十百千万亿]*")
_RELATIVE_TOLERANCE = 1e-6


@dataclass(slots=True)
class Counts:
    """Matched (tp), extra (fp) and missed (fn) figures, and the field checks on matched ones."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    metric_n: int = 0
    metric_ok: int = 0
    qualifier_n: int = 0
    qualifier_ok: int = 0
    change_n: int = 0
    change_ok: int = 0
    basis_n: int = 0
    basis_ok: int = 0
    parent_n: int = 0
    parent_ok: int = 0

    def add(self, other: Counts) -> None:
        """Add another document's counts to these."""
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def metric_accuracy(self) -> float | None:
        """Share of matched figures with a gold metric other than `other` whose metric is right."""
        return self.metric_ok / self.metric_n if self.metric_n else None

    @property
    def qualifier_accuracy(self) -> float | None:
        return self.qualifier_ok / self.qualifier_n if self.qualifier_n else None

    @property
    def change_accuracy(self) -> float | None:
        """Share of matched gold change figures (`up`/`down`) whose change is right."""
        return self.change_ok / self.change_n if self.change_n else None

    @property
    def basis_accuracy(self) -> float | None:
        """Share of matched gold change figures whose basis (yoy, mom or none said) is right."""
        return self.basis_ok / self.basis_n if self.basis_n else None

    @property
    def parent_accuracy(self) -> float | None:
        """Share of matched figures that the gold or the prediction makes a part, whose whole is right.

        Counted over parts only: most figures are no part, and an accuracy over all of them
        would say little about breakdowns.
        """
        return self.parent_ok / self.parent_n if self.parent_n else None

    def to_dict(self) -> dict[str, Any]:
        """Counts and rates as plain JSON values (an accuracy without cases is null)."""
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "metric_accuracy": self.metric_accuracy,
            "qualifier_accuracy": self.qualifier_accuracy,
            "change_accuracy": self.change_accuracy,
            "basis_accuracy": self.basis_accuracy,
            "parent_accuracy": self.parent_accuracy,
        }


@dataclass(slots=True)
class DocScore:
    """One gold document's counts, with the gold figures missed and the predictions left over."""

    doc: str
    counts: Counts
    misses: list[Row] = field(default_factory=list)
    extras: list[Row] = field(default_factory=list)


@dataclass(slots=True)
class Evaluation:
    """Per-document scores in gold order, their total, and the predicted docs that have no gold."""

    docs: list[DocScore]
    total: Counts
    unscored: list[str] = field(default_factory=list)


def simplified(text: object) -> str:
    """Fold a unit or figure text for comparison: Simplified script, half-width, trimmed.

    >>> simplified("萬餘輛"), simplified("１２３起 "), simplified(None)
    ('万余辆', '123起', '')
    """
    return fold_text(str(text or "")).strip()


def written_number(text: object) -> str:
    """The number written in a figure's text, separators dropped, for matching without offsets.

    >>> written_number("共2億5千3百多萬元"), written_number("29,542宗"), written_number("起")
    ('2亿5千3百', '29542', '')
    """
    m = _NUMBER.search(simplified(text))
    return m.group().replace(",", "") if m else ""


def same_value(a: object, b: object) -> bool:
    """Equal numbers, up to a relative difference of 1e-6; anything not a number matches nothing.

    >>> same_value(17000, "17000.0"), same_value(0.1 + 0.2, 0.3), same_value("x", "x")
    (True, True, False)
    """
    try:
        x, y = float(a), float(b)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return x == y or abs(x - y) <= _RELATIVE_TOLERANCE * max(abs(x), abs(y))


def same_place(gold: Row, pred: Row) -> bool:
    """Overlapping spans when both have offsets; else the same number written in both texts.

    A hand-made gold line may leave `start`/`end` null: SPEC asks for offsets, but a scorer that
    stops on a TypeError helps nobody, so such a line is matched by its written number.
    """
    start, end = pred.get("start"), pred.get("end")
    g_start, g_end = gold.get("start"), gold.get("end")
    if all(isinstance(x, int) for x in (start, end, g_start, g_end)):
        return bool(start < g_end and g_start < end)  # type: ignore[operator]
    g_num, p_num = written_number(gold["text"]), written_number(pred.get("text", ""))
    if g_num and p_num:
        return g_num == p_num
    g_text, p_text = simplified(gold["text"]), simplified(pred.get("text", ""))
    return g_text in p_text or p_text in g_text


def matches(gold: Row, pred: Row) -> bool:
    """Whether a prediction stands for a gold figure: same value, same unit, same place."""
    return (
        same_value(gold["value"], pred.get("value"))
        and simplified(gold["unit"]) == simplified(pred.get("unit"))
        and same_place(gold, pred)
    )


def match_document(
    gold: Sequence[Row], pred: Sequence[Row]
) -> tuple[list[tuple[Row, Row | None]], list[Row]]:
    """Pair each gold figure, in order, with the first free prediction that matches it.

    Returns:
        `(gold, prediction or None)` for every gold figure, and the predictions left over.
    """
    free = list(pred)
    pairs: list[tuple[Row, Row | None]] = []
    for g in gold:
        hit = next((i for i, p in enumerate(free) if matches(g, p)), None)
        pairs.append((g, None if hit is None else free.pop(hit)))
    return pairs, free


def score_document(doc: str, gold: Sequence[Row], pred: Sequence[Row]) -> DocScore:
    """Count one document: matches, misses, extras, and the fields of every matched figure."""
    pairs, left = match_document(gold, pred)
    c = Counts(fp=len(left))
    misses: list[Row] = []
    for g, p in pairs:
        if g.get("optional"):
            continue
        if p is None:
            c.fn += 1
            misses.append(g)
            continue
        c.tp += 1
        if g.get("metric", "other") != "other":
            c.metric_n += 1
            c.metric_ok += p.get("metric") == g["metric"]
        c.qualifier_n += 1
        c.qualifier_ok += (p.get("qualifier") or "exact") == (g.get("qualifier") or "exact")
        if g.get("change"):
            c.change_n += 1
            c.change_ok += p.get("change") == g["change"]
            if "basis" in g:  # gold that says no basis says there is none
                c.basis_n += 1
                c.basis_ok += (p.get("basis") or None) == (g["basis"] or None)
        if "parent" in g and (g["parent"] or p.get("parent")):
            c.parent_n += 1
            c.parent_ok += _same_figure_text(g["parent"], p.get("parent"))
    return DocScore(doc, c, misses, left)


#: Markup that may wrap a figure's number: tags and Markdown emphasis. A figure's text runs
#: from its number to its unit, so `**9,417**起` and `9,417**起` name the same figure.
_WRAPPING = re.compile(r"<[^<>]*>|[*_`]")


def _same_figure_text(gold: str | None, predicted: str | None) -> bool:
    """Whether two parent texts name the same figure, whatever markup opens the number.

    >>> _same_figure_text("**9,417**起", "9,417**起"), _same_figure_text("<b>4</b>5名", "4</b>5名")
    (True, True)
    >>> _same_figure_text("9,417起", None), _same_figure_text(None, None)
    (False, True)
    """
    return _WRAPPING.sub("", simplified(gold or "")) == _WRAPPING.sub("", simplified(predicted or ""))


def doc_key(doc: object) -> str:
    """The gold file a prediction's `doc` names: a stem, a file name or a path all name `<stem>.jsonl`.

    >>> doc_key("000_2a"), doc_key("seeds/000_2a.txt"), doc_key("report.v2"), doc_key("a.HTML")
    ('000_2a', '000_2a', 'report.v2', 'a')
    """
    path = Path(str(doc or ""))
    return path.stem if path.suffix.lower() in ARTICLE_SUFFIXES else path.name


def evaluate(pred: Iterable[Row], gold: Mapping[str, Sequence[Row]]) -> Evaluation:
    """Score predictions against gold figures, per document and in total.

    Every gold document is scored (one without predictions is all misses); predictions for
    documents without gold are not scored and are listed in `unscored`.

    Args:
        pred: predicted records with at least `doc`, `text`, `value`, `unit`; `start`/`end`,
            `metric`, `qualifier`, `change`, `basis`, `parent` are used when present.
        gold: gold figures by document id, in document order (see `load_gold`).

    Returns:
        The evaluation, documents in the order of `gold`.
    """
    by_doc: dict[str, list[Row]] = {}
    for row in pred:
        by_doc.setdefault(doc_key(row.get("doc")), []).append(row)
    total = Counts()
    docs = []
    for doc, figures in gold.items():
        scored = score_document(doc, figures, by_doc.get(doc, []))
        total.add(scored.counts)
        docs.append(scored)
    return Evaluation(docs, total, sorted(set(by_doc) - set(gold)))


def load_gold(folder: str | Path) -> dict[str, list[dict[str, Any]]]:
    """Read a folder of `<doc>.jsonl` gold files (SPEC.md format), sorted by document id.

    Raises:
        UsageError: the folder does not exist or holds no `.jsonl` file.
        SourceError: a gold file is not valid JSON lines.
    """
    path = Path(folder)
    if not path.is_dir():
        raise UsageError(f"{folder}: gold folder not found")
    files = sorted(path.glob("*.jsonl"))
    if not files:
        raise UsageError(f"{folder}: no <doc>.jsonl gold files in this folder")
    return {f.stem: _gold_file(f) for f in files}


#: What every gold figure must give to be matched at all (SPEC.md); `start`/`end` come as a pair.
_GOLD_NEEDS = ("text", "value", "unit")


def _gold_file(path: Path) -> list[dict[str, Any]]:
    """One gold file's figures, each checked to have what matching reads.

    A figure without `value` or `unit` would otherwise stop the scoring with a KeyError
    deep in the matcher; the annotator needs the file and the figure to fix instead.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise SourceError(str(path), f"cannot read: {e} (gold files are UTF-8 JSON lines)") from None
    rows = parse_records(text, str(path))
    for n, row in enumerate(rows, 1):
        missing = [key for key in _GOLD_NEEDS if row.get(key) is None]
        if missing:
            raise SourceError(
                str(path),
                f"figure {n} ({row.get('text', '?')}): no {', '.join(missing)} "
                f"(every gold figure needs {', '.join(_GOLD_NEEDS)}; see SPEC.md)",
            )
        if not isinstance(row["text"], str) or not isinstance(row["unit"], str):
            raise SourceError(str(path), f"figure {n} ({row['text']}): text and unit must be strings")
        start, end = row.get("start"), row.get("end")
        if (start is not None or end is not None) and not (isinstance(start, int) and isinstance(end, int)):
            raise SourceError(
                str(path),
                f"figure {n} ({row['text']}): start and end must both be whole numbers, or both absent",
            )
    return rows


def read_records(path: str | Path) -> list[dict[str, Any]]:
    """Read predicted records from a file (`-` is stdin): JSON lines or one JSON array.

    Raises:
        SourceError: the file cannot be read or is not JSON.
    """
    where = "<stdin>" if str(path) == "-" else str(path)
    try:
        text = sys.stdin.read() if str(path) == "-" else Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise SourceError(where, "no such file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise SourceError(where, f"cannot read: {e}") from None
    return parse_records(text, where)


def parse_records(text: str, where: str) -> list[dict[str, Any]]:
    """Parse JSON lines, or a JSON array (`statx extract -f json`), into record dicts.

    >>> parse_records('{"a": 1}\\n\\n{"a": 2}\\n', "x"), parse_records('[{"a": 1}]', "x")
    ([{'a': 1}, {'a': 2}], [{'a': 1}])
    """
    if text.lstrip().startswith("["):
        try:
            rows = json.loads(text)
        except json.JSONDecodeError as e:
            raise SourceError(where, f"not JSON: {e}") from None
        numbered = list(enumerate(rows, 1))
    else:
        numbered = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                numbered.append((n, json.loads(line)))
            except json.JSONDecodeError as e:
                raise SourceError(where, f"line {n}: not JSON: {e}") from None
    for n, row in numbered:
        if not isinstance(row, dict):
            raise SourceError(where, f"record {n}: expected a JSON object, got {type(row).__name__}")
    return [row for _, row in numbered]
