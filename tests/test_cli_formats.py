"""`statx extract` in every format: pandas reads the files back; the default follows the terminal."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from statx import extract_paths
from statx.cli import app
from tests.conftest import ROOT, SAMPLE_FILES, SAMPLES
from tests.test_export_formats import as_rows, expected_rows, read_back

runner = CliRunner()
RECORDS = list(extract_paths([SAMPLES]))


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "parquet", "xlsx"])
def test_extract_writes_each_format_that_pandas_reads_back(fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"figures.{fmt}"
    result = runner.invoke(app, ["extract", str(SAMPLES), "-f", fmt, "-o", str(path)])
    assert result.exit_code == 0 and result.stdout == "", result.stderr
    assert as_rows(read_back(path, fmt)) == expected_rows(RECORDS)


def test_output_ending_chooses_the_format_and_a_pipe_gets_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "figures.xlsx"
    assert runner.invoke(app, ["extract", str(SAMPLES), "-o", str(path)]).exit_code == 0
    assert path.read_bytes()[:2] == b"PK"  # a zip: xlsx, not JSON lines
    out = runner.invoke(app, ["extract", str(SAMPLES)]).stdout  # CliRunner's stdout is no terminal
    assert [json.loads(line)["text"] for line in out.splitlines()] == [r.text for r in RECORDS]


def _on_terminal(*args: str) -> str:
    """Run statx with its stdout on a pseudo-terminal, as a user at a shell would."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "80", "LINES": "50", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "statx", *args], stdout=follower, stderr=subprocess.PIPE, env=env
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.wait(timeout=60) == 0, proc.stderr.read() if proc.stderr else ""
    text = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)  # colours and styles


def test_a_terminal_gets_a_table_by_default() -> None:
    extract = _on_terminal("extract", str(SAMPLE_FILES[0]))
    heading, header = extract.splitlines()[:2]
    assert heading.split()[0] == SAMPLE_FILES[0].stem
    assert header.split() == ["text", "value", "unit", "qualifier", "metric", "label"]
    assert "17,000" in extract and "{" not in extract
    totals = _on_terminal("summary", str(SAMPLES))
    assert totals.splitlines()[0].split() == ["metric", "unit", "count", "sum", "min", "max", "mean", "docs"]


def test_extract_to_jsonl_never_imports_pandas_or_rich() -> None:
    code = (
        "import sys\n"
        "from statx.cli import app\n"
        f"app(['extract', {str(SAMPLE_FILES[0])!r}], standalone_mode=False)\n"
        "heavy = ('pandas', 'pyarrow', 'openpyxl', 'rich')\n"
        "print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert proc.stderr.strip().splitlines()[-1] == "[]"
    assert len(proc.stdout.splitlines()) == len([r for r in RECORDS if r.doc == SAMPLE_FILES[0].stem])


def test_a_warm_start_never_imports_yaml(tmp_path: Path) -> None:
    """PyYAML parses: the rules' parse is cached after a first run; a sample's front matter is plain lines."""
    out = tmp_path / "out.jsonl"
    code = (
        "import sys\n"
        "from statx.cli import app\n"
        f"app(['extract', {str(SAMPLE_FILES[0])!r}, '-o', {str(out)!r}], standalone_mode=False)\n"
        "print('yaml' in sys.modules)\n"
    )
    env = {**os.environ, "STATX_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-c", code]
    first, second = (
        subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT, env=env)
        for _ in range(2)
    )
    runs = [first, second]
    assert [r.stdout.split() for r in runs] == [["True"], ["False"]], runs[1].stderr  # the first parsed
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["title"]  # the front matter was read


def test_extract_parquet_keeps_typed_columns(tmp_path: Path) -> None:
    path = tmp_path / "figures.parquet"
    assert runner.invoke(app, ["extract", str(SAMPLES), "-o", str(path)]).exit_code == 0
    frame = pd.read_parquet(path)
    assert frame["value"].dtype == "float64"
    assert isinstance(frame["unit"].dtype, pd.CategoricalDtype)
    assert pd.api.types.is_datetime64_any_dtype(frame["date"])
