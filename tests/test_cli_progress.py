"""Messages of a run: a progress bar on a terminal, -v per-file counts, -q silence, -vv tracebacks."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from statx import extract_paths
from statx.cli import app
from statx.cli.progress import InputTracker
from statx.errors import RuleError
from tests.conftest import SAMPLE_FILES, SAMPLES

runner = CliRunner()


def _terminal() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=True, width=100), out


def test_v_prints_one_count_per_file_then_the_total() -> None:
    result = runner.invoke(app, ["extract", str(SAMPLES), "-v"])
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    expected = [
        f"statx: {p}: {n} figure{'' if n == 1 else 's'}"
        for p in SAMPLE_FILES
        for n in [sum(1 for _ in extract_paths([p]))]
    ]
    assert lines[:-1] == expected
    assert lines[-1] == f"statx: {len(result.stdout.splitlines())} figures from 5 input(s)"


def test_q_silences_all_but_errors(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(SAMPLES), "-v", "-q"])
    assert result.exit_code == 0 and result.stderr == "" and result.stdout
    result = runner.invoke(app, ["extract", str(SAMPLES), str(tmp_path / "missing.txt"), "-v", "-q"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"statx: error: {tmp_path / 'missing.txt'}: no such file or folder"]


def test_a_failed_input_gets_its_error_not_a_count(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(256)) * 4)  # binary: GB18030 is read since encodings are detected
    good = tmp_path / "good.txt"
    good.write_text("违法34起", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(bad), str(good), "-v"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"statx: error: {bad}: binary file, not text")
    assert lines[1:] == [f"statx: {good}: 1 figure", "statx: 1 figures from 2 input(s)"]


def test_vv_shows_the_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.yaml").write_text("rules:\n  - id: x\n    pattern: '('\n", encoding="utf-8")
    plain = runner.invoke(app, ["extract", "-", "--rules", str(bad)], input="12起")
    assert plain.exit_code == 2 and not isinstance(plain.exception, RuleError)
    loud = runner.invoke(app, ["extract", "-", "--rules", str(bad), "-vv"], input="12起")
    assert isinstance(loud.exception, RuleError)


def test_bar_on_a_terminal_with_several_inputs() -> None:
    console, out = _terminal()
    tracker = InputTracker([SAMPLES], console=console)
    assert tracker.bar and len(tracker.items) == len(SAMPLE_FILES)
    with tracker:
        n = sum(1 for _ in tracker.count(extract_paths(tracker.paths())))
    assert n == sum(1 for _ in extract_paths([SAMPLES]))
    drawn = out.getvalue()
    assert "━" in drawn and f"/{len(SAMPLE_FILES)}" in drawn


@pytest.mark.parametrize(
    ("inputs", "quiet", "output", "why"),
    [
        ([SAMPLE_FILES[0]], False, Path("out.jsonl"), "one input"),
        ([SAMPLES], True, Path("out.jsonl"), "-q"),
    ],
)
def test_no_bar_when_it_would_not_help(inputs: list[Path], quiet: bool, output: Path, why: str) -> None:
    console, out = _terminal()
    tracker = InputTracker(inputs, quiet=quiet, output=output, console=console)
    with tracker:
        list(tracker.count(extract_paths(tracker.paths())))
    assert not tracker.bar, why
    assert out.getvalue() == ""


def _stderr_on_a_terminal(args: list[str], tmp_path: Path, *, stdout_too: bool) -> str:
    """Run statx as a process with stderr (and maybe stdout) on a pseudo-terminal; return what it drew."""
    pty = pytest.importorskip("pty")
    import os

    main, secondary = pty.openpty()
    with open(tmp_path / "stdout", "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "statx", *args],
            stdout=secondary if stdout_too else out,
            stderr=secondary,
            env={**os.environ, "TERM": "xterm-256color", "COLUMNS": "100"},
        )
        os.close(secondary)
        drawn = bytearray()
        while True:  # read as it comes: a full terminal buffer would block the writer
            try:
                chunk = os.read(main, 65536)
            except OSError:  # EIO: every writer has closed the terminal
                break
            if not chunk:
                break
            drawn += chunk
        os.close(main)
        assert proc.wait(timeout=120) == 0
    return drawn.decode("utf-8", "replace")


def test_a_real_terminal_gets_a_bar_unless_it_also_receives_the_data(tmp_path: Path) -> None:
    drawn = _stderr_on_a_terminal(["extract", str(SAMPLES)], tmp_path, stdout_too=False)
    assert "━" in drawn
    assert (tmp_path / "stdout").read_text(encoding="utf-8").count("\n") == sum(
        1 for _ in extract_paths([SAMPLES])
    )
    drawn = _stderr_on_a_terminal(["extract", str(SAMPLES)], tmp_path, stdout_too=True)
    # the records (a table on a terminal) and no bar tearing through them
    assert "000_2a890fda6e59d2e4" in drawn and not re.search(r"statx\s*━", drawn)


def test_no_bar_when_stderr_is_not_a_terminal() -> None:
    out = io.StringIO()
    tracker = InputTracker([SAMPLES], console=Console(file=out, force_terminal=False))
    assert not tracker.bar


def test_cold_start_does_not_import_rich_or_the_new_modules() -> None:
    code = (
        "import sys, statx, statx.cli; "
        "print(sorted(m for m in sys.modules if m == 'rich' or m.startswith(('rich.', 'statx.report', "
        "'statx.evaluate', 'statx.display', 'statx.view', 'statx.authoring'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
