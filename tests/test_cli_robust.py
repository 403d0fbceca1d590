"""Bad input never loses data: one line per error, exit codes, atomic -o, Ctrl-C, pipes, runaway rules.

The signal and pipe tests run statx as a real process: that is where Ctrl-C, `kill` and
`| head` happen.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from statx import extract_text, load_rules
from statx.cli import app
from statx.errors import RuleTimeoutError
from tests.conftest import SAMPLE_FILES

runner = CliRunner()
STATX = [sys.executable, "-m", "statx"]


def _run(*args: str, stdin: str | None = None) -> tuple[int, str, list[str]]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr.splitlines()


def _texts(stdout: str) -> list[str]:
    return [json.loads(line)["text"] for line in stdout.splitlines()]


def _rule_folder(folder: Path, rid: str, pattern: str) -> Path:
    folder.mkdir()
    (folder / "mine.yaml").write_text(
        "rules:\n"
        f"  - id: {rid}\n"
        f"    pattern: '{pattern}'\n"
        "    priority: 99\n"
        "    examples:\n"
        "      - {text: 共12起, expect: [{text: 12起}]}\n"
        "      - {text: 没有, expect: []}\n",
        encoding="utf-8",
    )
    return folder


def _big_corpus(path: Path, articles: int) -> Path:
    """A JSON-lines corpus of the sample articles over and over: tens of seconds of work."""
    texts = [p.read_text(encoding="utf-8") for p in SAMPLE_FILES]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(articles):
            fh.write(json.dumps({"id": f"a{i}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
    return path


def test_every_kind_of_bad_input_is_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "binary.html").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "good.md").write_text("# 通报\n共查处违法12起", encoding="utf-8")
    (tmp_path / "cut.txt").write_bytes("共34起，又".encode()[:-1])  # cut inside its last character
    (tmp_path / "empty_folder").mkdir()
    code, out, err = _run("extract", str(tmp_path), str(tmp_path / "missing.txt"))
    assert code == 1
    assert _texts(out) == ["34起", "12起"]
    assert err == [
        f"statx: error: {tmp_path / 'binary.html'}: binary file, not text "
        "(give articles as .txt, .md, .html or .jsonl)",
        f"statx: warning: {tmp_path / 'cut.txt'}: 1 invalid byte sequence(s) in UTF-8 text, read as U+FFFD",
        f"statx: error: {tmp_path / 'empty.txt'}: empty file",
        f"statx: error: {tmp_path / 'image.txt'}: binary file (a PNG image), not text",
        f"statx: error: {tmp_path / 'missing.txt'}: no such file or folder",
    ]
    code, _, err = _run("extract", str(tmp_path / "empty_folder"))
    assert code == 1 and err == [
        f"statx: error: {tmp_path / 'empty_folder'}: no articles (.txt .md .html) or corpora (.jsonl .csv) "
        "in this folder"
    ]


def test_an_unreadable_file_is_reported_and_skipped(tmp_path: Path) -> None:
    """Root reads anything: as root, the run drops the capabilities that let it."""
    (tmp_path / "secret.txt").write_text("共1起", encoding="utf-8")
    (tmp_path / "secret.txt").chmod(0)
    (tmp_path / "open.txt").write_text("共2起", encoding="utf-8")
    prefix: list[str] = []
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: every file is readable")
        prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
    run = subprocess.run(
        [*prefix, *STATX, "extract", str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 1
    assert _texts(run.stdout) == ["2起"]
    assert run.stderr.splitlines() == [f"statx: error: {tmp_path / 'secret.txt'}: permission denied"]


def test_a_broken_link_in_a_folder_is_reported_in_its_place(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("共1起", encoding="utf-8")
    (tmp_path / "b.txt").symlink_to(tmp_path / "moved.txt")  # names nothing
    (tmp_path / "c.txt").symlink_to(tmp_path / "c.txt")  # a loop
    (tmp_path / "d.txt").write_text("共4起", encoding="utf-8")
    (tmp_path / "e.txt").symlink_to(tmp_path / "d.txt")  # a good link is read
    result = runner.invoke(app, ["extract", str(tmp_path), "-f", "jsonl"])
    assert result.exit_code == 1
    assert _texts(result.stdout) == ["1起", "4起", "4起"]
    assert result.stderr.splitlines() == [
        f"statx: error: {tmp_path / name}: a broken link: it names no file (moved or deleted?)"
        for name in ("b.txt", "c.txt")
    ]


def test_strict_stops_at_the_first_bad_input_and_leaves_the_output_file_alone(tmp_path: Path) -> None:
    for name, data in (("a.txt", "共1起".encode()), ("b.txt", b""), ("c.txt", "共3起".encode())):
        (tmp_path / name).write_bytes(data)
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    code, stdout, err = _run("extract", str(tmp_path), "--strict", "-o", str(out))
    assert code == 1 and stdout == ""
    assert err == [f"statx: error: {tmp_path / 'b.txt'}: empty file"]
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "c.txt", "out.jsonl"]
    code, stdout, err = _run("extract", str(tmp_path), "-o", str(out))  # not strict: the others are written
    assert code == 1 and _texts(out.read_text(encoding="utf-8")) == ["1起", "3起"]


def test_output_file_mode_is_that_of_any_new_file_or_the_old_one(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("共1起", encoding="utf-8")
    fresh = tmp_path / "fresh.jsonl"
    assert _run("extract", str(tmp_path / "a.txt"), "-o", str(fresh))[0] == 0
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask  # not mkstemp's private 0600
    kept = tmp_path / "kept.jsonl"
    kept.write_text("", encoding="utf-8")
    kept.chmod(0o640)
    assert _run("extract", str(tmp_path / "a.txt"), "-o", str(kept))[0] == 0
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640 and _texts(kept.read_text(encoding="utf-8")) == ["1起"]


def test_usage_errors_exit_2_before_any_output(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("共1起", encoding="utf-8")
    (tmp_path / "dir").mkdir()
    cases = [
        (["--encoding", "klingon"], "unknown encoding 'klingon'"),
        (["--timeout", "-1"], "Invalid value"),
        (["-o", str(tmp_path / "nope" / "out.jsonl")], "does not exist (create it first)"),
        (["-o", str(tmp_path / "dir")], "is a folder"),
    ]
    for args, message in cases:
        code, stdout, err = _run("extract", str(tmp_path / "a.txt"), "-f", "json", *args)
        assert code == 2 and stdout == "", args
        assert message in "\n".join(err), args


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["extract", "-f", "xml", "-"], "'xml' is not one of"),
        (["extract", "--bogus", "-"], "No such option: --bogus"),
        (["extract", "--jobs", "many", "-"], "'many' is not a valid"),
        (["summary", "--by"], "requires an argument"),
        (["bogus"], "No such command 'bogus'"),
    ],
)
def test_a_usage_error_is_one_line_naming_the_help_to_read(args: list[str], says: str) -> None:
    code, stdout, err = _run(*args, stdin="共1起")
    assert code == 2 and stdout == ""
    assert len(err) == 1 and err[0].startswith("statx: error: ") and says in err[0], err
    assert "(see `statx" in err[0] and err[0].endswith(" -h`)")
    # the console entry point too, and `statx` alone still shows the whole help
    real = subprocess.run(
        [sys.executable, "-m", "statx", *args], input="", capture_output=True, text=True, check=False
    )
    assert real.returncode == 2 and real.stderr.count("\n") == 1 and says in real.stderr
    alone = subprocess.run([sys.executable, "-m", "statx"], capture_output=True, text=True, check=False)
    assert alone.returncode == 2 and "Commands" in alone.stdout + alone.stderr


def test_invalid_rules_are_rejected_before_any_output(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "bad.yaml").write_text(
        "rules:\n  - id: my.broken\n    pattern: '(?P<num>\\d+'\n", encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("共1起", encoding="utf-8")
    out = tmp_path / "out.csv"
    out.write_text("old\n", encoding="utf-8")
    for target in ([], ["-o", str(out)]):
        code, stdout, err = _run(
            "extract", str(tmp_path / "a.txt"), "--rules", str(mine), "-f", "csv", *target
        )
        assert code == 2 and stdout == ""
        assert any(f"{mine / 'bad.yaml'}:my.broken:pattern: invalid regex" in line for line in err)
    assert out.read_text(encoding="utf-8") == "old\n"


def test_a_runaway_rule_is_stopped_for_that_document_and_the_run_goes_on(tmp_path: Path) -> None:
    mine = _rule_folder(tmp_path / "mine", "my.bad", r"(?P<num>(?:\d|\d)+)(?P<unit>起)$")
    slow = tmp_path / "slow.txt"
    # 2**40 ways to fail without the limit; the digits touch 起, so that even a scan of the
    # stretch around the word the rule needs meets them (`matcher._NearNeeds`)
    slow.write_text("1" * 40 + "起x", encoding="utf-8")
    fine = tmp_path / "fine.txt"
    fine.write_text("共12起", encoding="utf-8")
    started = time.monotonic()
    code, out, err = _run("extract", str(slow), str(fine), "--rules", str(mine), "--timeout", "0.5")
    assert time.monotonic() - started < 10
    assert code == 1 and _texts(out) == ["12起"]
    assert err == [
        f"statx: error: {slow}: rule my.bad timed out after 0.5 s (check it for nested quantifiers)"
    ]
    rules = load_rules([mine])
    with pytest.raises(RuleTimeoutError, match=r"my\.bad"):
        extract_text("1" * 40 + "起x", rules=rules, timeout=0.2)


def test_the_nested_quantifier_of_the_issue_is_harmless_in_the_regex_module(tmp_path: Path) -> None:
    """`(\\d+)+起$` backtracks catastrophically in `re`, not in `regex`, which cuts it short."""
    rules = load_rules([_rule_folder(tmp_path / "mine", "my.nested", r"(?P<num>(\d+)+)(?P<unit>起)$")])
    started = time.monotonic()
    assert extract_text("1" * 40 + "x起", rules=rules, timeout=5) == []
    assert [r.text for r in extract_text("共12起", rules=rules)] == ["12起"]
    assert time.monotonic() - started < 2


def test_a_bug_on_one_document_loses_only_that_document(tmp_path: Path) -> None:
    # A rule whose number is optional finds `起` with no number: an engine bug on that input
    # (a TypeError), which must cost that document only, in one line without -vv.
    mine = _rule_folder(tmp_path / "mine", "my.optional", r"(?P<num>\d+)?(?P<unit>起)")
    (tmp_path / "a.txt").write_text("发生一起事故", encoding="utf-8")
    (tmp_path / "b.txt").write_text("共12起", encoding="utf-8")
    code, out, err = _run("extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--rules", str(mine))
    assert code == 1 and _texts(out) == ["12起"]
    assert len(err) == 1 and err[0].startswith(
        f"statx: error: {tmp_path / 'a.txt'}: internal error: TypeError"
    )
    code, _, err = _run("extract", str(tmp_path / "a.txt"), "--rules", str(mine), "-vv")
    assert "Traceback" in "\n".join(err)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "kill"])
def test_an_interrupted_run_leaves_no_partial_file_and_the_old_one_untouched(
    sig: signal.Signals, tmp_path: Path
) -> None:
    corpus = _big_corpus(tmp_path / "big.jsonl", 1500)
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    proc = subprocess.Popen(
        [*STATX, "extract", str(corpus), "-o", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".tmp") and p.stat().st_size for p in tmp_path.iterdir()):
        assert proc.poll() is None and time.monotonic() < deadline, "statx ended before it was interrupted"
        time.sleep(0.05)
    proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == (130 if sig == signal.SIGINT else 143)
    assert stdout == b"" and b"Traceback" not in stderr
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.jsonl", "out.jsonl"]


@pytest.mark.parametrize("articles", [400, 1], ids=["broken-mid-run", "broken-at-exit"])
def test_a_closed_pipe_ends_the_run_quietly(articles: int, tmp_path: Path) -> None:
    corpus = _big_corpus(tmp_path / "big.jsonl", articles)
    statx = " ".join([*STATX, "extract", str(corpus)])
    head = "head -1" if articles > 1 else "head -c 0"
    run = subprocess.run(
        ["bash", "-c", f"{statx} 2>{tmp_path / 'err'} | {head} >/dev/null; echo ${{PIPESTATUS[0]}}"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert (tmp_path / "err").read_text(encoding="utf-8") == ""  # no BrokenPipeError, no "Exception ignored"
    assert run.stdout.strip() in ("0", "1")


@pytest.mark.parametrize(
    "command",
    [["extract"], ["summary"], ["show"], ["report"], ["eval"], ["rules", "check"], ["rules", "test"]],
)
def test_help_paragraphs_wrap_at_the_terminal_not_at_the_source_line(command: list[str]) -> None:
    """Each paragraph of a command's help is one line on a wide terminal: the docstring's own line
    breaks (wrapped for the source file) would cut it in the middle of a sentence."""
    real = subprocess.run(
        [sys.executable, "-m", "statx", *command, "-h"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "400", "TERM": "dumb"},
    )
    assert real.returncode == 0, real.stderr
    lines = [line.strip() for line in real.stdout.splitlines()]
    at = lines.index(next(line for line in lines if line.startswith("Usage:")))
    prose: list[str] = []
    for line in lines[at + 1 :]:
        if line.startswith("╭") or line.startswith("Options") or line.startswith("Arguments"):
            break
        prose.append(line)
    paragraphs = [p for p in "\n".join(prose).split("\n\n") if p.strip()]
    assert paragraphs, real.stdout
    assert all("\n" not in p.strip() for p in paragraphs), paragraphs


def _device(path: Path, minor: int) -> Path:
    """A private copy of /dev/null (minor 3) or /dev/full (minor 7); skip where nodes cannot be made."""
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    except OSError:
        pytest.skip("cannot make device nodes here (not root, or no CAP_MKNOD)")
    return path


def test_a_device_given_as_output_is_written_not_replaced(tmp_path: Path) -> None:
    """`-o /dev/null` renamed a plain file over the device: as root, /dev/null for everyone."""
    (tmp_path / "a.txt").write_text("共1起", encoding="utf-8")
    null = _device(tmp_path / "null", 3)
    for fmt in ("jsonl", "csv", "xlsx"):
        code, stdout, err = _run("extract", str(tmp_path / "a.txt"), "-f", fmt, "-o", str(null))
        assert (code, stdout, err) == (0, "", [])
        assert stat.S_ISCHR(null.stat().st_mode), fmt
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "null"]


def test_a_named_pipe_given_as_output_is_written_in_place(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("共1起", encoding="utf-8")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    assert _run("extract", str(tmp_path / "a.txt"), "-o", str(fifo))[0] == 0
    assert _texts(reader.communicate(timeout=30)[0].decode()) == ["1起"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_link_given_as_output_stays_a_link_to_the_new_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("共1起", encoding="utf-8")
    (tmp_path / "real.jsonl").write_text("previous run\n", encoding="utf-8")
    (tmp_path / "link.jsonl").symlink_to("real.jsonl")
    assert _run("extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "link.jsonl"))[0] == 0
    assert (tmp_path / "link.jsonl").is_symlink()
    assert _texts((tmp_path / "real.jsonl").read_text(encoding="utf-8")) == ["1起"]


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "-f", "jsonl"],
        ["extract", "-f", "xlsx"],
        ["summary", "-f", "csv"],
        ["report"],
        ["show"],
        ["rules", "list"],
    ],
    ids=lambda a: "-".join(a),
)
def test_a_full_disk_is_one_line_naming_the_output(tmp_path: Path, args: list[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("共1起", encoding="utf-8")
    full = _device(tmp_path / "full", 7)
    command = [*STATX, *args] + ([] if args[0] == "rules" else [str(article)])
    takes_o = args[0] in ("extract", "summary", "report")
    with full.open("w") as sink:  # stdout on a full disk, or -o onto it
        run = subprocess.run(
            command + (["-o", str(full)] if takes_o else []),
            stdout=subprocess.DEVNULL if takes_o else sink,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    where = full if takes_o else "stdout"
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        f"statx: error: {where}: cannot write: No space left on device (free some space, or write elsewhere)"
    ]
    assert stat.S_ISCHR(full.stat().st_mode)


@pytest.mark.parametrize("command", ["extract", "summary", "report", "show"])
def test_an_empty_path_is_an_error_not_the_current_folder(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`statx extract "$FILE"` with FILE unset: Path("") is ".", which read the whole folder."""
    (tmp_path / "here.txt").write_text("共1起", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, stdout, err = _run(command, "", *(["-f", "jsonl"] if command in ("extract", "summary") else []))
    assert code == 1
    assert err == ["statx: error: '': empty path (an unset shell variable?): name a file or folder"]
    assert "1起" not in stdout


def test_a_link_to_a_parquet_dataset_stays_a_link_to_the_new_dataset(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("共1起", encoding="utf-8")
    (tmp_path / "b.txt").write_text("共2起", encoding="utf-8")
    target, link = tmp_path / "figures", tmp_path / "latest"
    assert _run("extract", str(tmp_path / "a.txt"), "-f", "parquet", "-o", str(target))[0] == 0
    link.symlink_to("figures")
    code, _, err = _run(
        "extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-f", "parquet", "-o", str(link)
    )
    assert (code, err) == (0, [])
    assert link.is_symlink() and target.is_dir()
    import pandas as pd

    assert list(pd.read_parquet(link)["text"]) == ["1起", "2起"]
