"""`statx extract` through typer's CliRunner and as a real process: parity, formats, errors, exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from statx import extract_paths
from statx.cli import app
from tests.conftest import SAMPLE_FILES, SAMPLES

runner = CliRunner()


def _run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_jsonl_equals_library_call() -> None:
    code, out, _ = _run("extract", str(SAMPLES))
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows == [r.to_dict() for r in extract_paths([SAMPLES])]
    assert {r["doc"] for r in rows} == {p.stem for p in SAMPLE_FILES}


def test_output_is_byte_identical_across_runs_and_formats_agree(tmp_path: Path) -> None:
    first = _run("extract", str(SAMPLES))[1]
    assert first == _run("extract", str(SAMPLES))[1]
    as_json = json.loads(_run("extract", str(SAMPLES), "-f", "json")[1])
    assert as_json == [json.loads(line) for line in first.splitlines()]
    code, out, _ = _run("extract", str(SAMPLES), "-f", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["text"] for r in rows] == [r["text"] for r in as_json]
    assert list(rows[0]) == list(as_json[0])


def test_stdin_document_is_named_stdin_and_grounded() -> None:
    text = "今年以来，共查处各类交通违法58957起，其中飲酒駕駛135起。"
    code, out, _ = _run("extract", "-", stdin=text)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["text"] for r in rows] == ["58957起", "135起"]
    assert all(r["doc"] == "stdin" and text[r["start"] : r["end"]] == r["text"] for r in rows)


def test_front_matter_title_and_date_on_every_record() -> None:
    seed = SAMPLES / "000_2a890fda6e59d2e4.txt"
    rows = [json.loads(line) for line in _run("extract", str(seed))[1].splitlines()]
    assert {r["date"] for r in rows} == {"2021-12-02"}
    assert all(r["title"] and "昆明交警" in r["title"] for r in rows)


def test_output_file_is_written_and_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "figures.csv"
    code, stdout, _ = _run("extract", str(SAMPLES), "-f", "csv", "-o", str(out))
    assert code == 0 and stdout == ""
    assert out.read_text(encoding="utf-8").startswith("doc,text,value,unit,qualifier,metric")
    code, _, err = _run("extract", str(SAMPLES), "-o", str(tmp_path / "nope" / "x.jsonl"))
    assert code == 2 and "does not exist" in err


def test_a_bad_input_is_reported_and_the_others_still_written(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("查处违法12起".encode("gb18030"))
    good = tmp_path / "good.txt"
    good.write_text("查处违法34起", encoding="utf-8")
    code, out, err = _run(
        "extract", str(bad), str(good), str(tmp_path / "missing.txt"), "--encoding", "utf-8"
    )
    assert code == 1
    assert [json.loads(line)["text"] for line in out.splitlines()] == ["34起"]
    lines = err.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("statx: error: ") for line in lines)
    assert "not valid utf-8" in err and "--encoding" in err and "no such file" in err
    code, out, _ = _run("extract", str(bad), "--encoding", "gb18030")
    assert code == 0 and json.loads(out)["text"] == "12起"


def test_user_rules_folder_adds_rules_and_bad_rules_are_rejected(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "extra.yaml").write_text(
        "units:\n  - {word: 羽}\n"
        "rules:\n  - id: my.birds\n    pattern: '(?P<num>\\d+)只鸟'\n    unit: 只\n    priority: 30\n"
        "    examples:\n      - {text: 救助32只鸟, expect: [{text: 32只鸟, value: 32}]}\n"
        "      - {text: 没有鸟, expect: []}\n",
        encoding="utf-8",
    )
    code, out, _ = _run("extract", "-", "--rules", str(mine), stdin="救助32只鸟，放飞15羽")
    assert code == 0
    assert [json.loads(line)["text"] for line in out.splitlines()] == ["32只鸟", "15羽"]
    (mine / "broken.yaml").write_text(
        "rules:\n  - id: bad.one\n    pattern: '(?P<num>\\d+'\n", encoding="utf-8"
    )
    code, out, err = _run("extract", "-", "--rules", str(mine), stdin="12起")
    assert code == 2 and out == ""
    assert "broken.yaml:bad.one:pattern: invalid regex" in err
    assert "broken.yaml:bad.one:examples:" in err


def test_process_exit_codes_and_module_entry_point(tmp_path: Path) -> None:
    statx = [sys.executable, "-m", "statx"]
    ok = subprocess.run([*statx, "extract", "-"], input="共12起", capture_output=True, text=True, check=False)
    assert ok.returncode == 0 and json.loads(ok.stdout)["value"] == 12
    usage = subprocess.run(
        [*statx, "extract", "-f", "xml", "-"], input="", capture_output=True, text=True, check=False
    )
    assert usage.returncode == 2
    nothing = subprocess.run(
        [*statx, "extract", "-"], input="没有数字", capture_output=True, text=True, check=False
    )
    assert nothing.returncode == 0 and nothing.stdout == ""
    version = subprocess.run([*statx, "--version"], capture_output=True, text=True, check=False)
    assert version.stdout.startswith("statx ")


def test_output_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    import os
    import stat

    out = tmp_path / "figures.jsonl"
    assert _run("extract", str(SAMPLES), "-o", str(out))[0] == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
    out.chmod(0o640)  # replacing a file keeps its permissions
    assert _run("extract", str(SAMPLES), "-o", str(out))[0] == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


def test_files_of_the_same_name_in_subfolders_are_separate_documents(tmp_path: Path) -> None:
    # a crawl saves every page as index.html in a folder of its own: each must keep its own id,
    # or a summary by document adds different articles together
    crawl = tmp_path / "crawl"
    pages = (("2023/05", "查处违法1200起。"), ("2024/01", "查处违法50起。"), ("", "走访群众300户。"))
    for folder, text in pages:
        (crawl / folder).mkdir(parents=True, exist_ok=True)
        (crawl / folder / "index.html").write_text(f"<p>{text}</p>", encoding="utf-8")
    want = [("2023/05/index", "1200起"), ("2024/01/index", "50起"), ("index", "300户")]
    assert [(r.doc, r.text) for r in extract_paths([crawl])] == want
    for jobs in ("1", "2"):
        code, out, err = _run("extract", str(crawl), "-f", "jsonl", "-j", jobs)
        assert code == 0, err
        assert [(json.loads(line)["doc"], json.loads(line)["text"]) for line in out.splitlines()] == want
    # a pattern names files from its fixed part, as a folder does; a file named directly by its stem
    code, out, _ = _run("extract", f"{crawl}/20*/**/*.html", "-f", "jsonl")
    assert [json.loads(line)["doc"] for line in out.splitlines()] == ["2023/05/index", "2024/01/index"]
    code, out, _ = _run("extract", str(crawl / "2024/01/index.html"), "-f", "jsonl")
    assert [json.loads(line)["doc"] for line in out.splitlines()] == ["index"]
