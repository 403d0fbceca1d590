"""`statx show` through typer's CliRunner: the article with each figure marked, filters, errors."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from statx import extract_paths, extract_text
from statx.cli import app
from statx.display import figure_note, rich_text
from statx.view import layout
from tests.conftest import SAMPLES

runner = CliRunner()
SEED = SAMPLES / "000_2a890fda6e59d2e4.txt"


def _body(out: str) -> str:
    """The article after the heading line (whose title may hold brackets of its own)."""
    return out.split("\n", 1)[1]


def test_every_figure_is_marked_with_what_statx_read() -> None:
    result = runner.invoke(app, ["show", str(SEED)])
    assert result.exit_code == 0, result.output
    records = list(extract_paths([SEED]))
    assert _body(result.stdout).count("【") == len(records) > 0
    for rec in records:
        assert f"【{rec.text}|{rec.metric} {rec.value} {rec.unit}" in result.stdout
    assert "【1.7万余户|" in result.stdout and " 17000 户 over】" in result.stdout
    assert result.stdout.startswith("# 000_2a890fda6e59d2e4 · 【我为群众办实事】昆明交警")
    assert "<p>" not in result.stdout and "headimg" not in result.stdout


def test_metric_filter_marks_only_that_metric() -> None:
    records = list(extract_paths([SEED]))
    metric = records[0].metric
    result = runner.invoke(app, ["show", str(SEED), "--metric", metric])
    assert result.exit_code == 0
    assert _body(result.stdout).count("【") == sum(r.metric == metric for r in records)
    none = runner.invoke(app, ["show", str(SEED), "-m", "no_such_metric"])
    assert none.exit_code == 0 and "【" not in _body(none.stdout)
    assert "no figure with metric no_such_metric" in none.stderr
    assert f"0 of {len(records)} figures" in none.stdout


def test_stdin_and_errors() -> None:
    text = "共查处违法58957起，其中酒驾135起。"
    result = runner.invoke(app, ["show", "-"], input=text)
    assert result.exit_code == 0
    a, b = extract_text(text)  # whatever metric the semantic layer gives, it is what show prints
    assert (
        f"共查处违法【58957起|{a.metric} 58957 起】，其中酒驾【135起|{b.metric} 135 起】。" in result.stdout
    )
    missing = runner.invoke(app, ["show", "no/such/file.txt"])
    assert missing.exit_code == 1 and "statx: error: no/such/file.txt: no such file" in missing.stderr
    folder = runner.invoke(app, ["show", str(SAMPLES)])
    assert folder.exit_code == 2 and "statx report" in folder.stderr


def test_terminal_rendering_highlights_figures_and_adds_notes(tmp_path: Path) -> None:
    raw = SEED.read_text(encoding="utf-8")
    records = list(extract_paths([SEED]))
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system="truecolor", width=100)
    text = rich_text(layout(raw, records))
    console.print(text)
    rendered = out.getvalue()
    assert "\x1b[" in rendered  # coloured
    plain = text.plain
    for rec in records:
        assert f"{rec.text}[{figure_note(rec)}]" in plain
    highlighted = [plain[s.start : s.end] for s in text.spans if "on" in str(s.style)]
    assert highlighted == [r.text for r in sorted(records, key=lambda r: r.start)]


def test_a_corpus_shows_its_first_article_and_says_so(tmp_path: Path) -> None:
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(
        '{"id": "a1", "text": "共查处酒驾违法行为1234起。"}\n{"id": "a2", "text": "走访群众56户。"}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["show", str(corpus)])
    assert result.exit_code == 0, result.output
    assert "1234起" in result.stdout and "56户" not in result.stdout
    assert f"{corpus}: shown its first article (a1); `statx report {corpus}`" in result.stderr
    single = tmp_path / "one.jsonl"
    single.write_text('{"id": "a1", "text": "共查处酒驾违法行为1234起。"}\n', encoding="utf-8")
    alone = runner.invoke(app, ["show", str(single)])
    assert alone.exit_code == 0 and "shown its first article" not in alone.stderr
