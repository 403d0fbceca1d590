"""Build a perturbed corpus from samples/ and check statx on it: issue 5's acceptance run.

    .venv/bin/python bench/make_corpus.py --articles 10000            # build, then check
    .venv/bin/python bench/make_corpus.py --check bench/corpus/perturbed

Each article is a random run of paragraphs from the sample articles (their text as statx
reads it, so the original is plain text), put through one perturbation:

- kept in a JSON-lines corpus: plain, html (paragraphs in tags, with scripts, comments,
  entities and digits in attributes), traditional (OpenCC s2t), fullwidth digits,
  broken html (unclosed tags, stray `<` and `&#`), truncated (cut anywhere);
- in other containers: a CSV corpus, a gzip JSON-lines corpus, a JSON-lines corpus in
  GB18030; article files in GB18030, GBK, Big5 (Taiwan forms), UTF-16 and UTF-8 with a BOM,
  and UTF-8 files cut inside a character;
- and a few inputs that must be reported, not crash: binary files, empty files, lines
  that are not JSON, lines without text.

The corpus goes to `<out>/input/`; `<out>/manifest.jsonl` lists every article: its id,
perturbation, whether the perturbation keeps the text, and how many figures statx finds
in the unperturbed original. The check runs `statx extract` on the folder as a user would
and compares, article by article.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import html
import io
import json
import random
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import opencc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from statx import extract_text, load_rules  # noqa: E402
from statx.markup import prepare  # noqa: E402

#: perturbation -> share of the articles
MIX = {
    "plain": 20,
    "html": 15,
    "traditional": 10,
    "fullwidth": 5,
    "broken_html": 5,
    "truncated": 5,
    "csv": 5,
    "gzip": 5,
    "gb18030_corpus": 5,
    "gb18030": 5,
    "gbk": 3,
    "big5": 5,
    "utf16": 5,
    "utf8_bom": 3,
    "cut_bytes": 4,
}
#: Perturbations that change the text, so only "no crash" is checked.
CHANGES_TEXT = {"broken_html", "truncated", "cut_bytes"}
IN_JSONL = {"plain", "html", "traditional", "fullwidth", "broken_html", "truncated"}
FILE_ENCODINGS = {
    "gb18030": "gb18030",
    "gbk": "gbk",
    "big5": "big5",
    "utf16": "utf-16",
    "utf8_bom": "utf-8-sig",
}
FULLWIDTH = str.maketrans("0123456789%.", "０１２３４５６７８９％．")


def paragraphs() -> list[str]:
    """The paragraphs of the sample articles, as statx reads them (markup gone, Simplified)."""
    out = []
    for path in sorted((ROOT / "samples").glob("*.txt")):
        prepared, _ = prepare(path.read_text(encoding="utf-8"))
        out += [line.strip() for line in prepared.text.splitlines() if len(line.strip()) >= 8]
    return out


def to_html(text: str, rng: random.Random) -> str:
    """Wrap paragraphs in HTML with noise that holds digits but no text."""
    parts = ["<!DOCTYPE html><html><head><title>新闻</title><script>var id=20211202;</script></head><body>"]
    for para in text.split("\n"):
        noise = rng.choice(
            [
                "",
                '<img src="/img/2021/12/02/620.jpeg" width="300">',
                "<!-- 共100人 2021年12月 -->",
                "<style>.a{width:12px}</style>",
                '<a href="http://example.cn/a?id=35"></a>',
            ]
        )
        tag = rng.choice(["p", "div", "section", "li"])
        inline = rng.choice(["", "span", "strong"])
        body = html.escape(para, quote=False)
        if inline:
            body = f'<{inline} class="c{rng.randint(1, 9)}">{body}</{inline}>'
        parts.append(f"{noise}<{tag}>{body}</{tag}>\n")
    parts.append("</body></html>")
    return "".join(parts)


def broken_html(text: str, rng: random.Random) -> str:
    page = to_html(text, rng)
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(page))
        page = page[:at] + rng.choice(["<", "<div", "&#", "&", "<!--", "</p", "<a href='"]) + page[at:]
    return page[: rng.randrange(len(page) // 2, len(page) + 1)]


def build(out: Path, articles: int, seed: int = 5) -> dict[str, Any]:
    """Write the corpus to `out/input`, its manifest and summary beside it; return the summary."""
    rng = random.Random(seed)
    root, out = out, out / "input"
    rules = load_rules()
    pool = paragraphs()
    s2t, s2tw = opencc.OpenCC("s2t"), opencc.OpenCC("s2tw")
    kinds = rng.choices(list(MIX), weights=list(MIX.values()), k=articles)
    (out / "files").mkdir(parents=True, exist_ok=True)
    (out / "bad").mkdir(exist_ok=True)
    jsonl: list[str] = []
    csv_rows: list[list[str]] = []
    gz_lines: list[str] = []
    gb_lines: list[str] = []
    manifest: list[dict[str, Any]] = []
    for n, kind in enumerate(kinds, 1):
        doc = f"a{n:05d}-{kind}"
        start = rng.randrange(len(pool))
        original = "\n".join(pool[(start + k) % len(pool)] for k in range(rng.randint(3, 20)))
        text, keeps = original, kind not in CHANGES_TEXT
        if kind == "html":
            text = to_html(original, rng)
        elif kind == "broken_html":
            text = broken_html(original, rng)
        elif kind == "traditional":
            text = s2t.convert(original)
        elif kind == "fullwidth":
            text = original.translate(FULLWIDTH)
        elif kind == "truncated":
            text = original[: rng.randrange(1, len(original) + 1)]
        row = {
            "id": doc,
            "text": text,
            "title": f"文章{n}",
            "date": "2021-12-02",
            "url": f"https://example.cn/{n}",
        }
        if kind in IN_JSONL:
            jsonl.append(json.dumps(row, ensure_ascii=rng.random() < 0.3))
        elif kind == "csv":
            csv_rows.append([doc, text, row["title"]])
        elif kind == "gzip":
            gz_lines.append(json.dumps(row, ensure_ascii=False))
        elif kind == "gb18030_corpus":
            gb_lines.append(json.dumps(row, ensure_ascii=False))
        elif kind == "cut_bytes":
            data = original.encode("utf-8")
            (out / "files" / f"{doc}.txt").write_bytes(data[: rng.randrange(1, len(data) + 1)])
            doc = f"files/{doc}"  # a file in a subfolder of the input is named by its path from there
        else:
            encoding = FILE_ENCODINGS[kind]
            if kind == "big5":
                text = s2tw.convert(original)
            encoded = text.encode(encoding, errors="ignore")
            keeps = encoded.decode(encoding) == text  # Big5 and GBK lack a few characters
            (out / "files" / f"{doc}.txt").write_bytes(encoded)
            doc = f"files/{doc}"
        expected = len(extract_text(original, rules=rules))
        manifest.append({"doc": doc, "kind": kind, "keeps_text": keeps, "expected": expected})
    bad_lines = [
        "{not json",
        '{"id": "no-text", "body": "共12起"}',
        '{"id": "empty-text", "text": ""}',
        "[1, 2, 3]",
    ]
    for line in bad_lines:
        jsonl.insert(rng.randrange(len(jsonl) + 1), line)
    (out / "corpus.jsonl").write_text("\n".join(jsonl) + "\n", encoding="utf-8")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([["id", "text", "title"], *csv_rows])
    (out / "corpus.csv").write_text(buffer.getvalue(), encoding="utf-8")
    (out / "corpus.jsonl.gz").write_bytes(gzip.compress(("\n".join(gz_lines) + "\n").encode("utf-8")))
    (out / "corpus-gb18030.jsonl").write_bytes(("\n".join(gb_lines) + "\n").encode("gb18030"))
    bad_files = {
        "binary.txt": bytes(range(256)) * 16,
        "empty.txt": b"",
        "image.html": b"\x89PNG\r\n\x1a\n" + bytes(200),
    }
    for name, data in bad_files.items():
        (out / "bad" / name).write_bytes(data)
    with (root / "manifest.jsonl").open("w", encoding="utf-8") as fh:
        for entry in manifest:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
    summary = {
        "articles": articles,
        "expected_errors": len(bad_lines) + len(bad_files),
        "kinds": Counter(kinds),
    }
    (root / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return summary


def check(out: Path) -> dict[str, Any]:
    """Run `statx extract` on `out/input` as a user would; compare each article with its original."""
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    result = out / "figures.jsonl"
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-m", "statx", "extract", str(out / "input"), "-o", str(result)],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.monotonic() - started
    stderr = run.stderr.splitlines()
    errors = [line for line in stderr if line.startswith("statx: error: ")]
    warnings = [line for line in stderr if line.startswith("statx: warning: ")]
    crashes = [
        line
        for line in stderr
        if (line not in errors and line not in warnings) or "internal error" in line or "timed out" in line
    ]
    if run.returncode not in (0, 1):
        crashes.append(f"exit status {run.returncode}")
    found = Counter(json.loads(line)["doc"] for line in result.read_text(encoding="utf-8").splitlines())
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    manifest = [json.loads(line) for line in lines]
    compared = [m for m in manifest if m["keeps_text"]]
    mismatches = [
        {"doc": m["doc"], "expected": m["expected"], "found": found[m["doc"]]}
        for m in compared
        if found[m["doc"]] != m["expected"]
    ]
    return {
        "articles": len(manifest),
        "seconds": round(seconds, 1),
        "figures": sum(found.values()),
        "crashes": crashes,
        "errors": len(errors),
        "expected_errors": summary["expected_errors"],
        "warnings": len(warnings),
        "compared": len(compared),
        "matching": len(compared) - len(mismatches),
        "mismatches": mismatches,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "corpus" / "perturbed")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--check", type=Path, help="only check an existing corpus folder")
    args = parser.parse_args()
    folder = args.check or args.out
    if args.check is None:
        print(json.dumps(build(folder, args.articles, args.seed), ensure_ascii=False))
    report = check(folder)
    print(json.dumps({**report, "mismatches": report["mismatches"][:20]}, ensure_ascii=False, indent=1))
    ok = not report["crashes"] and not report["mismatches"] and report["errors"] == report["expected_errors"]
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
