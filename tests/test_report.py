"""`statx report`: one self-contained HTML page; checked as text and as rendered by headless Chromium."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from statx import extract_paths
from statx.cli import app
from statx.records import Record
from tests.conftest import SAMPLE_FILES, SAMPLES

runner = CliRunner()

CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p is not None), None
)

_MARK = re.compile(r'<mark id="m(\d+)-(\d+)"[^>]*data-start="(\d+)" data-end="(\d+)">(.*?)</mark>', re.DOTALL)


@pytest.fixture(scope="module")
def records() -> list[Record]:
    return list(extract_paths([SAMPLES]))


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    result = runner.invoke(app, ["report", str(SAMPLES), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    return out


def test_one_mark_per_record_in_text_order_with_its_exact_text(page: Path, records: list[Record]) -> None:
    text = page.read_text(encoding="utf-8")
    marks = _MARK.findall(text)
    assert len(marks) == len(records)
    got = [(int(s), int(e), html.unescape(t)) for _, _, s, e, t in marks]
    assert got == [(r.start, r.end, r.text) for r in records]
    first = records[0]
    tip = re.search(r'<mark id="m1-1" class="[^"]*" title="([^"]*)"', text)
    assert tip is not None
    for field in ("metric: ", f"value: {first.value}", f"unit: {first.unit}", "qualifier: ", "rule: "):
        assert field in html.unescape(tip.group(1))


def test_a_table_row_per_figure_and_a_chart_per_metric(page: Path, records: list[Record]) -> None:
    text = page.read_text(encoding="utf-8")
    assert len(re.findall(r'<tr id="f\d+-\d+">', text)) == len(records)
    assert text.count('<section class="doc"') == len(SAMPLE_FILES)
    metrics = {r.metric for r in records}
    assert text.count('<figure class="chart"') == text.count("<svg ") == len(metrics)
    assert len(re.findall(r'<text class="unit"', text)) == len({(r.metric, r.unit) for r in records})
    assert len(re.findall(r"<rect ", text)) == len(records)  # one bar per figure (under the cap)


def test_self_contained_and_byte_stable(page: Path, tmp_path: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert "<script" not in text and "<link" not in text and "@import" not in text and "url(" not in text
    refs = re.findall(r'\b(?:src|href|xlink:href|action)="([^"]*)"', text)
    assert refs and all(r.startswith("#") for r in refs)
    again = runner.invoke(app, ["report", str(SAMPLES)])
    assert again.exit_code == 0 and again.stdout == text


def test_unreadable_input_is_named_and_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(256)) * 4)  # binary: GB18030 is read since encodings are detected
    result = runner.invoke(app, ["report", str(bad), str(SAMPLE_FILES[0])])
    assert result.exit_code == 1
    assert f"statx: error: {bad}: binary file, not text" in result.stderr
    assert "could not be read" in result.stdout and f"{bad}: binary file" in html.unescape(result.stdout)
    assert result.stdout.count('<section class="doc"') == 1


def test_markup_in_the_article_is_text_in_the_page() -> None:
    result = runner.invoke(app, ["report", "-"], input='查处违法12起 & 3起，"<i>" 不是标签')
    assert result.exit_code == 0
    assert (
        "<i>" not in result.stdout and "&amp; " in result.stdout and "&quot;&lt;i&gt;&quot;" in result.stdout
    )
    assert len(_MARK.findall(result.stdout)) == 2


# --- rendered in a real browser ---------------------------------------------------------

_PROBE = """<script>
(function () {
  function shown(el) {
    const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && cs.visibility !== "hidden" && cs.display !== "none"
      && parseFloat(cs.opacity) > 0;
  }
  const result = {
    marks: [...document.querySelectorAll("mark")].map(m => ({text: m.textContent, shown: shown(m),
      title: m.title, bg: getComputedStyle(m).backgroundColor})),
    rows: [...document.querySelectorAll("table.figures tbody tr")].filter(shown).length,
    tables: [...document.querySelectorAll("table.figures")].filter(shown).length,
    charts: [...document.querySelectorAll("figure.chart svg")].map(s => ({shown: shown(s),
      bars: [...s.querySelectorAll("rect")].filter(shown).length})),
  };
  const out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify(result);
  document.body.appendChild(out);
})();
</script>"""


def _chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium not installed (apt-get install chromium; .ci/run does)"
)
def test_chromium_shows_the_marks_the_tables_and_the_charts(
    page: Path, records: list[Record], tmp_path: Path
) -> None:
    # A copy of the page with a probe that measures, after layout, what is actually visible.
    probed = tmp_path / "probed.html"
    probed.write_text(
        page.read_text(encoding="utf-8").replace("</body>", _PROBE + "</body>"), encoding="utf-8"
    )
    dom = _chromium("--dump-dom", probed.as_uri(), profile=tmp_path / "profile").stdout
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.DOTALL)
    assert found, dom[-2000:]
    seen: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    assert [m["text"] for m in seen["marks"]] == [r.text for r in records]
    assert all(m["shown"] for m in seen["marks"])
    assert all(m["bg"] not in ("rgba(0, 0, 0, 0)", "transparent") for m in seen["marks"])  # highlighted
    assert all("metric: " in m["title"] and "rule: " in m["title"] for m in seen["marks"])
    assert seen["tables"] == len(SAMPLE_FILES) and seen["rows"] == len(records)
    assert seen["charts"] and all(c["shown"] and c["bars"] > 0 for c in seen["charts"])
    assert sum(c["bars"] for c in seen["charts"]) == len(records)

    shot = tmp_path / "page.png"
    _chromium(f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri(), profile=tmp_path / "profile")
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 30_000  # a blank page compresses to a few kB


def test_v_counts_each_input_and_q_keeps_only_errors(tmp_path: Path, records: list[Record]) -> None:
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(SAMPLES), "-o", str(out), "-v"])
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines[: len(SAMPLE_FILES)] == [
        f"statx: {p}: {n} figures" for p in SAMPLE_FILES for n in [sum(r.doc == p.stem for r in records)]
    ]
    assert lines[-1] == f"statx: {len(records)} figures from {len(SAMPLE_FILES)} document(s) written to {out}"
    quiet = runner.invoke(app, ["report", str(SAMPLES), "-o", str(out), "-v", "-q"])
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_a_bug_on_one_article_leaves_the_others_in_the_page(tmp_path: Path) -> None:
    """A user rule whose number is optional trips the engine on `一起`: that article only is lost."""
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "mine.yaml").write_text(
        "rules:\n  - id: my.optional\n    pattern: '(?P<num>\\d+)?(?P<unit>起)'\n    priority: 99\n"
        "    examples:\n      - {text: 共12起, expect: [{text: 12起}]}\n      - {text: 没有, expect: []}\n",
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text("发生一起事故", encoding="utf-8")
    (tmp_path / "b.txt").write_text("共12起", encoding="utf-8")
    out = tmp_path / "page.html"
    result = runner.invoke(
        app,
        ["report", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--rules", str(mine), "-o", str(out)],
    )
    assert result.exit_code == 1
    (err,) = result.stderr.splitlines()
    assert err.startswith(f"statx: error: {tmp_path / 'a.txt'}: internal error: TypeError")
    page = out.read_text(encoding="utf-8")
    assert "<mark" in page and ">12起<" in page and html.escape(str(tmp_path / "a.txt")) in page
