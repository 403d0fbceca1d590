"""`statx eval` and statx.evaluate agree with the reference scorer tests/gold/score.py.

Agreement on the seeds' own predictions alone would be trivial (everything matches), so the
predictions are also perturbed: figures dropped, moved, re-valued, stripped of offsets,
re-labelled, duplicated, written in Traditional script, plus figures for a document
without gold.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from statx import extract_paths
from statx.cli import app
from statx.evaluate import evaluate, load_gold, parse_records
from tests.conftest import GOLD, SEED_FILES, score

runner = CliRunner()


@pytest.fixture(scope="module")
def predicted() -> list[dict[str, Any]]:
    return [json.loads(json.dumps(r.to_dict(), ensure_ascii=False)) for r in extract_paths(SEED_FILES)]


def perturbed(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A prediction set that differs from the gold in every way the matching rule looks at."""
    gold_metric = {(d, g["start"]): g["metric"] for d, figs in load_gold(GOLD).items() for g in figs}
    out = []
    for i, row in enumerate(copy.deepcopy(rows)):
        kind = i % 9
        if kind == 0:
            continue  # dropped: a miss
        if kind == 1:
            row["metric"] = gold_metric.get((row["doc"], row["start"]), "other")  # right
        elif kind == 8:
            row["metric"] = "households_visited"  # right for few, wrong for most
        elif kind == 2:
            row["value"] = row["value"] * 10  # a wrong value: a miss and an extra
        elif kind == 3:
            del row["start"], row["end"]  # no offsets: matched by the written number
        elif kind == 4:
            row["qualifier"] = "about" if row["qualifier"] == "exact" else "exact"
        elif kind == 5:
            row["start"], row["end"] = row["start"] + 200, row["end"] + 200  # elsewhere
        elif kind == 6:
            row["change"] = "up"
            out.append(dict(row))  # duplicated: the copy is an extra
        elif kind == 7:
            row["doc"] = f"seeds/{row['doc']}.txt"  # a path names the same document
            row["unit"] = row["unit"].replace("万", "萬").replace("个", "個")
        out.append(row)
    out.append({"doc": "not_in_gold", "text": "3起", "value": 3, "unit": "起"})
    return out


def reference(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """What score.py says: per-document and total counts."""
    per_doc, tot, misses, extras = score.score(GOLD, rows)
    keys = ("tp", "fp", "fn", "metric_n", "metric_ok", "qual_n", "qual_ok", "change_n", "change_ok")
    p, r, f = score.prf(tot)
    return {
        "docs": {d: tuple(c[k] for k in keys) for d, c in per_doc.items()},
        "total": (*(tot[k] for k in keys), p, r, f),
        "misses": sorted((d, g["start"]) for d, g in misses),
        "extras": len(extras),
    }


def ours(rows: list[dict[str, Any]]) -> dict[str, Any]:
    result = evaluate(rows, load_gold(GOLD))

    def counts(c: Any) -> tuple[int, ...]:
        return (
            c.tp,
            c.fp,
            c.fn,
            c.metric_n,
            c.metric_ok,
            c.qualifier_n,
            c.qualifier_ok,
            c.change_n,
            c.change_ok,
        )

    t = result.total
    return {
        "docs": {d.doc: counts(d.counts) for d in result.docs},
        "total": (*counts(t), t.precision, t.recall, t.f1),
        "misses": sorted((d.doc, g["start"]) for d in result.docs for g in d.misses),
        "extras": sum(len(d.extras) for d in result.docs),
    }


def test_agrees_with_score_py_on_the_seeds(predicted: list[dict[str, Any]]) -> None:
    assert ours(predicted) == reference(predicted)


def test_agrees_with_score_py_on_perturbed_predictions(predicted: list[dict[str, Any]]) -> None:
    rows = perturbed(predicted)
    ref = reference(rows)
    assert ours(rows) == ref
    tp, fp, fn = ref["total"][:3]
    assert fp > 0 and fn > 0 and tp > 0  # the perturbation is not trivial
    metric_n, metric_ok = ref["total"][3:5]
    assert 0 < metric_ok < metric_n


def test_cli_json_equals_library_and_score_py(tmp_path: Path, predicted: list[dict[str, Any]]) -> None:
    rows = perturbed(predicted)
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    result = runner.invoke(app, ["eval", str(pred), "--gold", str(GOLD), "--json"])
    assert result.exit_code == 0, result.output
    got = json.loads(result.stdout)
    lib = evaluate(rows, load_gold(GOLD))
    assert got["total"] == lib.total.to_dict()
    assert [d["doc"] for d in got["documents"]] == [d.doc for d in lib.docs]
    p, r, f = score.prf(score.score(GOLD, rows)[1])
    assert (got["total"]["precision"], got["total"]["recall"], got["total"]["f1"]) == (p, r, f)
    assert got["unscored"] == ["not_in_gold"]
    assert "1 predicted document(s) have no gold file" in result.stderr


def test_table_show_and_min_f1(tmp_path: Path, predicted: list[dict[str, Any]]) -> None:
    rows = perturbed(predicted)
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")  # a JSON array works too
    result = runner.invoke(app, ["eval", str(pred), "--gold", str(GOLD), "--show"])
    assert result.exit_code == 0
    out = result.stdout
    for seed in SEED_FILES:
        assert seed.stem in out
    assert "total" in out and "precision" in out and "F1" in out
    lib = evaluate(rows, load_gold(GOLD))
    assert out.count("MISS ") == lib.total.fn
    assert out.count("EXTRA ") == lib.total.fp
    assert f"{lib.total.f1:.3f}" in out
    low = runner.invoke(app, ["eval", str(pred), "--gold", str(GOLD), "--min-f1", "0.99"])
    assert low.exit_code == 1 and "below --min-f1 0.99" in low.stderr
    ok = runner.invoke(app, ["eval", str(pred), "--gold", str(GOLD), "--min-f1", "0.1"])
    assert ok.exit_code == 0


def test_stdin_and_errors(tmp_path: Path) -> None:
    line = '{"doc": "000_2a890fda6e59d2e4", "text": "1.7万余户", "value": 17000, "unit": "户"}\n'
    result = runner.invoke(app, ["eval", "-", "--gold", str(GOLD), "--json"], input=line)
    assert result.exit_code == 0 and json.loads(result.stdout)["total"]["tp"] == 1
    no_gold = runner.invoke(app, ["eval", "-", "--gold", str(tmp_path / "none")], input=line)
    assert no_gold.exit_code == 2 and "gold folder not found" in no_gold.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text(line + "{oops\n", encoding="utf-8")
    broken = runner.invoke(app, ["eval", str(bad), "--gold", str(GOLD)])
    assert broken.exit_code == 1 and f"statx: error: {bad}: line 2: not JSON" in broken.stderr
    missing = runner.invoke(app, ["eval", str(tmp_path / "nope.jsonl"), "--gold", str(GOLD)])
    assert missing.exit_code == 1 and "no such file" in missing.stderr


def test_optional_gold_figures_count_neither_way() -> None:
    gold = {"d": [{"text": "2到4个", "value": 2, "unit": "个", "start": 0, "end": 4, "optional": True}]}
    hit = evaluate([{"doc": "d", "text": "2到4个", "value": 2, "unit": "个", "start": 0, "end": 4}], gold)
    assert (hit.total.tp, hit.total.fp, hit.total.fn) == (0, 0, 0)
    miss = evaluate([], gold)
    assert (miss.total.tp, miss.total.fp, miss.total.fn) == (0, 0, 0)
    assert parse_records("", "x") == []


def test_gold_with_null_offsets_matches_by_the_written_number() -> None:
    # a hand-made gold file without offsets (start/end null; SPEC wants them, the reference scorer
    # fails on them) is scored by the number written in both texts rather than stopping on a TypeError
    gold = [{"text": "六二三件", "value": 623, "unit": "件", "start": None, "end": None}]
    pred = {"doc": "d", "text": "六二三件", "value": 623, "unit": "件", "start": 40, "end": 44}
    other = {**pred, "text": "623件", "value": 623}
    assert evaluate([pred], {"d": gold}).total.tp == 1
    assert evaluate([other], {"d": gold}).total.fp == 1


def test_basis_is_scored_on_changes_and_parent_on_parts() -> None:
    def fig(text: str, at: int, **fields: Any) -> dict[str, Any]:
        value = float(text.rstrip("起%"))
        return {
            "doc": "d",
            "text": text,
            "value": value,
            "unit": text[-1],
            "start": at,
            "end": at + len(text),
            **fields,
        }

    gold = {
        "d": [
            fig("90起", 0, change=None, basis=None, parent=None),
            fig("12%", 5, change="down", basis="yoy", parent=None),
            fig("3%", 10, change="up", basis=None, parent=None),
            fig("30起", 15, change=None, basis=None, parent="90起"),
            fig("20起", 20, change=None, basis=None, parent="90起"),
            fig("8起", 25, change=None, basis=None, parent=None),
        ]
    }
    pred = [
        fig("90起", 0),
        fig("12%", 5, change="down", basis="yoy"),
        fig("3%", 10, change="up", basis="mom"),  # a basis the text does not say
        fig("30起", 15, parent="90起"),
        fig("20起", 20),  # a part missed
        fig("8起", 25, parent="90起"),  # a part made up
    ]
    total = evaluate(pred, gold).total
    assert (total.basis_n, total.basis_ok) == (2, 1)
    assert (total.parent_n, total.parent_ok) == (3, 1)
    assert total.to_dict()["parent_accuracy"] == 1 / 3
    # gold that does not annotate a field is not scored on it
    bare = {"d": [{k: v for k, v in g.items() if k not in ("basis", "parent")} for g in gold["d"]]}
    assert evaluate(pred, bare).total.basis_accuracy is None
    assert evaluate(pred, bare).total.parent_accuracy is None


def test_parent_texts_compare_without_the_markup_that_opens_a_number() -> None:
    """Annotators start a figure's text at its markup (`**9,417**起`) or at its number (`9,417**起`)."""
    gold = {
        "d": [
            {"text": "**100**起", "value": 100, "unit": "起", "start": 0, "end": 8, "parent": None},
            {"text": "**30**起", "value": 30, "unit": "起", "start": 11, "end": 18, "parent": "**100**起"},
            {"text": "<b>2</b>0起", "value": 20, "unit": "起", "start": 20, "end": 30, "parent": "**100**起"},
        ]
    }
    pred = [
        {"doc": "d", "text": "100**起", "value": 100, "unit": "起", "start": 2, "end": 8},
        {
            "doc": "d",
            "text": "30**起",
            "value": 30,
            "unit": "起",
            "start": 13,
            "end": 18,
            "parent": "100**起",
        },
        {"doc": "d", "text": "2</b>0起", "value": 20, "unit": "起", "start": 23, "end": 30, "parent": "10起"},
    ]
    total = evaluate(pred, gold).total
    assert (total.parent_n, total.parent_ok) == (2, 1)


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ('{"text": "12起"}', "figure 2 (12起): no value, unit (every gold figure needs text, value, unit"),
        ('{"text": "12起", "value": 12}', "figure 2 (12起): no unit"),
        (
            '{"text": "12起", "value": 12, "unit": "起", "start": 5}',
            "start and end must both be whole numbers",
        ),
        ('{"text": 12, "value": 12, "unit": "起"}', "text and unit must be strings"),
    ],
)
def test_a_gold_figure_without_what_matching_reads_is_one_line_naming_it(
    tmp_path: Path, line: str, says: str
) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.jsonl").write_text(
        '{"text": "3起", "value": 3, "unit": "起"}\n' + line + "\n", encoding="utf-8"
    )
    pred = tmp_path / "pred.jsonl"
    pred.write_text('{"doc": "a", "text": "12起", "value": 12, "unit": "起"}\n', encoding="utf-8")
    result = runner.invoke(app, ["eval", str(pred), "--gold", str(gold)])
    assert result.exit_code == 1 and result.stdout == ""
    (err,) = result.stderr.splitlines()
    assert err.startswith(f"statx: error: {gold / 'a.jsonl'}: figure 2 (12") and says in err


def test_a_gold_file_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.jsonl").write_bytes('{"text": "3起", "value": 3, "unit": "起"}\n'.encode("gb18030"))
    result = runner.invoke(app, ["eval", "-", "--gold", str(gold)], input='{"doc": "a"}\n')
    assert result.exit_code == 1
    assert result.stderr.startswith(f"statx: error: {gold / 'a.jsonl'}: cannot read: ")
    assert "(gold files are UTF-8 JSON lines)" in result.stderr
