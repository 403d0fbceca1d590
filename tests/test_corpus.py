"""Corpora (JSON lines, CSV, .gz, globs): one article per line, each bad line its own one-line error."""

from __future__ import annotations

import gzip
import json
import os
import random
from pathlib import Path

from typer.testing import CliRunner

from statx import extract_paths
from statx.cli import app
from statx.errors import SourceError, StatxError
from statx.sources import Fields, Source, iter_sources

runner = CliRunner()

ARTICLES = {
    "a1": "今年以来，共查处各类交通违法58957起，其中饮酒驾驶135起。",
    "a2": "<p>走访社区、企业、校园、家庭1.7万余户</p><p>满意率93.03%</p>",
}


def _run(*args: str) -> tuple[int, list[dict[str, object]], list[str]]:
    result = runner.invoke(app, list(args))
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    return result.exit_code, rows, result.stderr.splitlines()


def _jsonl(path: Path, rows: list[object], *, raw_lines: dict[int, str] | None = None) -> Path:
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    for at, line in sorted((raw_lines or {}).items()):
        lines.insert(at - 1, line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _grounded(rows: list[dict[str, object]], texts: dict[str, str]) -> bool:
    return all(texts[str(r["doc"])][r["start"] : r["end"]] == r["text"] for r in rows)  # type: ignore[misc]


def test_jsonl_corpus_one_article_per_line(tmp_path: Path) -> None:
    corpus = _jsonl(
        tmp_path / "corpus.jsonl",
        [
            {"id": "a1", "text": ARTICLES["a1"], "title": "交警通报", "date": "2021-12-02 10:00:00"},
            {"text": ARTICLES["a2"], "url": "https://example.org/a2"},  # no id: `corpus:<line>`
        ],
        raw_lines={2: '{"text":   }', 3: ""},
    )
    code, rows, err = _run("extract", str(corpus))
    assert err == [f"statx: error: {corpus}:2: not JSON (expected value at column 12)"]
    assert code == 1
    assert [(r["doc"], r["text"]) for r in rows] == [
        ("a1", "58957起"),
        ("a1", "135起"),
        ("corpus:4", "1.7万余户"),
        ("corpus:4", "93.03%"),
    ]
    assert _grounded(rows, {"a1": ARTICLES["a1"], "corpus:4": ARTICLES["a2"]})
    assert {(r["title"], r["date"]) for r in rows if r["doc"] == "a1"} == {("交警通报", "2021-12-02")}
    sources = [s for s in iter_sources([corpus]) if isinstance(s, Source)]
    assert [(s.doc, s.origin, s.url) for s in sources] == [
        ("a1", f"{corpus}:1", None),
        ("corpus:4", f"{corpus}:4", "https://example.org/a2"),
    ]


def test_crawler_date_fields_give_the_date(tmp_path: Path) -> None:
    """Crawlers name the date `publish_time`, `pub_date`...; `date` still wins when both are there."""
    corpus = _jsonl(
        tmp_path / "crawl.jsonl",
        [
            {"id": "p1", "text": ARTICLES["a1"], "publish_time": "2026-11-21 16:08:43"},
            {"id": "p2", "text": ARTICLES["a1"], "pub_date": "2026/11/20"},
            {"id": "p3", "text": ARTICLES["a1"], "date": "2026-11-19", "publish_time": "2026-11-01"},
        ],
    )
    table = tmp_path / "crawl.csv"
    table.write_text(f"id,publish_time,text\nc1,2026-11-18 09:42,{ARTICLES['a1']}\n", encoding="utf-8")
    code, rows, err = _run("extract", str(corpus), str(table))
    assert (code, err) == (0, [])
    assert {(r["doc"], r["date"]) for r in rows} == {
        ("p1", "2026-11-21"),
        ("p2", "2026-11-20"),
        ("p3", "2026-11-19"),
        ("c1", "2026-11-18"),
    }


def test_each_bad_line_is_one_error_and_the_rest_is_read(tmp_path: Path) -> None:
    corpus = _jsonl(
        tmp_path / "c.jsonl",
        [
            [1, 2],
            {"id": "n", "text": 5},
            {"id": {"x": 1}, "text": "共12起"},
            {"id": "e", "text": ""},
            {"id": "f", "content": "共12起"},
            {"id": 7, "text": "共34起"},
        ],
        raw_lines={6: '{"id": "s", "text": "共12起\\ud800"}'},  # a lone surrogate, as some dumps have
    )
    errors: list[StatxError] = []
    records = list(extract_paths([corpus], on_error=errors.append))
    assert [str(e).removeprefix(f"{corpus}:") for e in errors] == [
        '1: not a JSON object (one article per line: {"id": ..., "text": ...})',
        "2: field 'text' is a number, not text",
        "3: field 'id' is an object, not a string or number",
        "4: empty text",
        "5: no 'text' field (has id, content; name it with --text-field)",
    ]
    assert [(r.doc, r.text, r.sentence) for r in records] == [
        ("s", "12起", "共12起\ufffd"),
        ("7", "34起", "共34起"),
    ]


def test_field_options_name_other_fields(tmp_path: Path) -> None:
    corpus = _jsonl(tmp_path / "c.ndjson", [{"uid": "x9", "content": ARTICLES["a1"], "id": "not this"}])
    code, rows, err = _run("extract", str(corpus), "--text-field", "content", "--id-field", "uid")
    assert code == 0 and not err
    assert {r["doc"] for r in rows} == {"x9"} and len(rows) == 2
    records = list(extract_paths([corpus], fields=Fields(text="content", id="uid")))
    assert [r.to_dict() for r in records] == rows


def test_csv_and_tsv_corpora(tmp_path: Path) -> None:
    csv_file = tmp_path / "c.csv"
    csv_file.write_text(
        "\ufeffid,title,text\n"
        'c1,标题,"共查处违法12起\n其中饮酒驾驶3起"\n'
        "\n"
        'c2,,"满意率93.03%"\n'
        ",,共34起\n"
        "c4\n",
        encoding="utf-8",
    )
    errors: list[StatxError] = []
    records = list(extract_paths([csv_file], on_error=errors.append))
    assert [(r.doc, r.text, r.title) for r in records] == [
        ("c1", "12起", "标题"),
        ("c1", "3起", "标题"),
        ("c2", "93.03%", None),
        ("c:6", "34起", None),  # no id: `<stem>:<line>`, the line the row starts on
    ]
    assert [str(e) for e in errors] == [f"{csv_file}:7: no 'text' column (has id; name it with --text-field)"]
    tsv = tmp_path / "t.tsv"
    tsv.write_text("id\tbody\nt1\t共56起\n", encoding="utf-8")
    assert [(r.doc, r.text) for r in extract_paths([tsv], fields=Fields(text="body"))] == [("t1", "56起")]
    no_column = tmp_path / "n.csv"
    no_column.write_text("id,body\nx,共1起\n", encoding="utf-8")
    errors.clear()
    assert list(extract_paths([no_column], on_error=errors.append)) == []
    assert [str(e) for e in errors] == [
        f"{no_column}: no 'text' column (columns: id, body; name it with --text-field)"
    ]


def test_a_20mb_csv_field_is_one_article(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    big.write_text("id,text\nbig," + "共12起。" * 40_000 + "\n", encoding="utf-8")  # 200,000 chars
    sources = list(iter_sources([big]))
    assert len(sources) == 1 and isinstance(sources[0], Source) and len(sources[0].text) == 200_000


def test_gzip_of_any_input(tmp_path: Path) -> None:
    rows = [{"id": "g1", "text": ARTICLES["a1"]}]
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(json.dumps(rows[0]).encode() + b"\n"))
    (tmp_path / "c.csv.gz").write_bytes(gzip.compress(f"id,text\ng2,{ARTICLES['a1']}\n".encode()))
    (tmp_path / "art.txt.gz").write_bytes(gzip.compress(ARTICLES["a1"].encode("gb18030")))
    code, rows_out, err = _run("extract", str(tmp_path))
    assert code == 0 and not err
    assert [(r["doc"], r["text"]) for r in rows_out] == [
        ("art", "58957起"),
        ("art", "135起"),
        ("g2", "58957起"),
        ("g2", "135起"),
        ("g1", "58957起"),
        ("g1", "135起"),
    ]


def test_a_truncated_gzip_corpus_keeps_the_lines_before_the_break(tmp_path: Path) -> None:
    rng = random.Random(5)
    lines = [
        json.dumps({"id": f"r{i}", "text": f"共{i}起 " + "".join(rng.choices("abcdefgh", k=200))})
        for i in range(1, 301)
    ]
    data = gzip.compress("\n".join(lines).encode())
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) // 2])
    errors: list[StatxError] = []
    records = list(extract_paths([cut], on_error=errors.append))
    assert 50 < len(records) < 300 and [r.value for r in records] == list(range(1, len(records) + 1))
    assert len(errors) == 1 and "(rest of the file skipped)" in str(errors[0])
    assert str(errors[0]).startswith(f"{cut}:{len(records) + 1}: cannot read on: ")


def test_utf16_and_gb18030_corpora(tmp_path: Path) -> None:
    text = "\n".join(json.dumps({"id": k, "text": v}, ensure_ascii=False) for k, v in ARTICLES.items()) + "\n"
    (tmp_path / "u8.jsonl").write_text(text, encoding="utf-8")
    expected = [r.to_dict() for r in extract_paths([tmp_path / "u8.jsonl"])]
    for name, data in (("u16.jsonl", text.encode("utf-16")), ("gb.jsonl", text.encode("gb18030"))):
        (tmp_path / name).write_bytes(data)
        assert [r.to_dict() for r in extract_paths([tmp_path / name])] == expected


def test_globs_folders_and_paths_that_match_nothing(tmp_path: Path) -> None:
    for sub, name, text in (("b", "x.jsonl", None), ("a", "z.txt", "共1起"), ("a/deep", "y.md", "共2起")):
        (tmp_path / sub).mkdir(parents=True, exist_ok=True)
        if text is None:
            _jsonl(tmp_path / sub / name, [{"id": "x1", "text": "共3起"}])
        else:
            (tmp_path / sub / name).write_text(text, encoding="utf-8")
    (tmp_path / "a" / "notes.log").write_text("共9起", encoding="utf-8")  # not an article ending
    os.chdir(tmp_path)
    code, rows, err = _run("extract", "**/*.jsonl", "a/**/*", "nothing/*.txt")
    assert code == 1
    assert [r["doc"] for r in rows] == ["x1", "deep/y", "z"]  # each pattern's matches sorted, named from a/
    assert err == [
        "statx: error: nothing/*.txt: matches no article (.txt .md .html) or corpus (.jsonl .csv) file"
    ]
    code, rows, err = _run("extract", str(tmp_path))
    assert code == 0 and [r["doc"] for r in rows] == ["a/deep/y", "a/z", "x1"]  # ids from the folder


def test_a_file_that_is_not_what_its_name_says_gives_up_after_20_lines(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.jsonl"
    wrong.write_text("id,text\n" + "x,共12起\n" * 100, encoding="utf-8")
    items = list(iter_sources([wrong]))
    assert len(items) == 21 and all(isinstance(i, SourceError) for i in items)
    assert str(items[-1]) == f"{wrong}: the first 20 lines are all bad: not jsonl? (rest skipped)"
