"""Benchmark statx against the floor, in one run: characters/s, articles/s, peak memory, ratios.

    python bench/run.py                 # a 20 MB corpus; floor, --jobs 1, --jobs 2, Dask, one long article
    python bench/run.py --size-mb 100   # a bigger corpus (built once, kept in bench/corpus/)
    python bench/run.py --tiny          # a few hundred kilobytes: checks the bench runs

Every variant runs as its own process, one after the other, on the same corpus, so the
ratios hold even on a busy machine where the absolute numbers do not; peak memory is that
of the variant's whole process tree (workers included) and of its largest process, sampled
in one more run of its own (sampling takes CPU the timed runs must not lose). The tree's RSS
counts a page that processes share once for each of them: the workers fork from a server
that holds statx and its rules, so the tree's PSS (each shared page split among its
sharers), where the system gives it, is the memory the run takes. The
outputs of all statx variants are compared byte for byte. Record results in RESULTS.md.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import corpus as corpus_mod  # noqa: E402  (bench/ is not a package)


@dataclass
class Measure:
    """One variant's run: wall seconds and peak resident memory (MB) of its tree and largest process."""

    name: str
    seconds: float
    tree_mb: float
    process_mb: float
    pss_mb: float | None = None  # the tree's proportional set size, where the system gives it


def run(variants: list[tuple[str, list[str]]], repeat: int) -> list[Measure]:
    """Time each variant `repeat` times (the fastest is kept), then measure its memory once more.

    The repeats go round the variants in turn, so a machine whose speed drifts (a shared
    virtual machine) slows every variant alike and the ratios hold. Memory is sampled in a
    run of its own: walking the process tree every 20 ms takes CPU, which on a small machine
    is taken from the workers of a parallel run and would slow it.
    """
    best = {name: float("inf") for name, _ in variants}
    for _ in range(repeat):
        for name, argv in variants:
            best[name] = min(best[name], _run_once(name, argv, sample=False).seconds)
    out = []
    for name, argv in variants:
        memory = _run_once(name, argv, sample=True)
        out.append(Measure(name, best[name], memory.tree_mb, memory.process_mb, memory.pss_mb))
    return out


def _run_once(name: str, argv: list[str], *, sample: bool) -> Measure:
    psutil: Any = None
    if sample:
        with contextlib.suppress(ImportError):
            psutil = importlib.import_module("psutil")
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    tree = largest = 0
    pss: int | None = None
    if psutil is None:  # only the child's own peak, from the kernel
        _, status, usage = os.wait4(proc.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        tree = largest = usage.ru_maxrss * 1024
    else:  # the whole tree (worker processes too), sampled every 20 ms
        top = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                infos = [p.memory_full_info() for p in (top, *top.children(recursive=True))]
            except psutil.Error:
                infos = []
            sizes = [i.rss for i in infos]
            tree, largest = max(tree, sum(sizes)), max(largest, max(sizes, default=0))
            if infos and all(hasattr(i, "pss") for i in infos):
                pss = max(pss or 0, sum(i.pss for i in infos))
            time.sleep(0.02)
        code = proc.returncode
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if code != 0:
        raise SystemExit(f"{name} failed ({code}): {' '.join(argv)}\n{err}")
    return Measure(name, seconds, tree / 2**20, largest / 2**20, pss / 2**20 if pss is not None else None)


def _mb(value: float | None) -> str:
    return f"{value:.0f}" if value is not None else "n/a"


def corpus_size(path: Path) -> tuple[int, int, int]:
    """Articles, characters of article text, and bytes of the corpus file."""
    articles = chars = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            articles += 1
            chars += len(json.loads(line)["text"])
    return articles, chars, path.stat().st_size


def machine() -> str:
    """One line about the machine: cores, CPU model, memory, Python."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor() or model
    mem = "? GB RAM"
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 2**20:.1f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores, {model}, {mem}, Python {platform.python_version()}, {platform.system()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size-mb", type=float, default=20, help="corpus size in MB of article text")
    parser.add_argument("--tiny", action="store_true", help="a tiny corpus: check that the bench runs")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the parallel variants")
    parser.add_argument("--repeat", type=int, default=1, help="runs per variant; the fastest is kept")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask variant")
    parser.add_argument("--out", type=Path, default=HERE / "corpus", help="where corpus and outputs go")
    args = parser.parse_args(argv)

    size = 0.3 if args.tiny else args.size_mb
    args.out.mkdir(parents=True, exist_ok=True)
    path = corpus_mod.build(args.out / f"news-{size:g}mb.jsonl", size)
    articles, chars, nbytes = corpus_size(path)
    py = sys.executable
    statx = [py, "-m", "statx", "extract", str(path), "-f", "jsonl", "-o"]
    outputs: dict[str, Path] = {}

    def out(name: str) -> str:
        outputs[name] = args.out / f"out-{name}.jsonl"
        return str(outputs[name])

    variants = [
        ("floor", [py, str(HERE / "floor.py"), str(path)]),
        ("statx -j 1", [*statx, out("j1")]),
        (f"statx -j {args.jobs}", [*statx, out(f"j{args.jobs}"), "-j", str(args.jobs)]),
    ]
    if not args.no_dask:
        try:
            import distributed  # noqa: F401
        except ImportError:
            print("(no Dask installed: its variant is skipped)", file=sys.stderr)
        else:
            variants.append(
                (f"dask -j {args.jobs}", [*statx, out("dask"), "--engine", "dask", "-j", str(args.jobs)])
            )
    long_article = args.out / "long-article.txt"
    long_chars = write_long_article(path, long_article, _LONG_ARTICLE_CHARS)
    variants.append((_LONG, [py, "-m", "statx", "extract", str(long_article), "-o", os.devnull]))
    _compile_statx()
    _own_pattern_cache(args.out / "pattern-cache", py)
    measures = run(variants, args.repeat)

    def extract_one(article: Path) -> list[str]:
        return [py, "-m", "statx", "extract", str(article), "-o", os.devnull]

    # every sample article, as an article that reads a rare form (a long Chinese numeral
    # loads cn2an) starts slower than one that does not: the slowest is the one reported
    samples = _sample_articles()
    each = run([(article.name, extract_one(article)) for article in samples], 3)
    slowest, article = max(zip(each, samples, strict=True), key=lambda pair: pair[0].seconds)
    slowest.name = f"statx extract one article (slowest of {len(samples)} samples: {article.name})"
    # the runs above filled the pattern cache (statx.patterncache), as any earlier run on a
    # machine does; the last variant is the first run on a new machine, with no cache
    cold = [
        *run([("statx --version", [py, "-m", "statx", "--version"])], 3),
        slowest,
        *run([("the same article, no pattern cache", ["env", "STATX_CACHE_DIR=", *extract_one(article)])], 3),
    ]

    first = next(iter(outputs.values())).read_bytes()
    same = {name: p.read_bytes() == first for name, p in outputs.items()}
    records = first.count(b"\n")
    print(f"machine: {machine()}")
    print(f"corpus: {path.name}: {articles} articles, {chars:,} characters, {nbytes / 1e6:.1f} MB")
    print(f"records: {records:,}; outputs identical: {all(same.values())} ({', '.join(same)})")
    print()
    print(
        "| variant | seconds | characters/s | articles/s | peak RSS tree (MB) | peak PSS tree (MB) "
        "| largest process (MB) |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for m in measures:
        n, docs = (long_chars, 1) if m.name == _LONG else (chars, articles)
        print(
            f"| {m.name} | {m.seconds:.2f} | {n / m.seconds / 1e6:.2f} M | {docs / m.seconds:,.1f} "
            f"| {m.tree_mb:.0f} | {_mb(m.pss_mb)} | {m.process_mb:.0f} |"
        )
    for m in cold:
        print(f"| {m.name} | {m.seconds:.2f} | | | {m.tree_mb:.0f} | {_mb(m.pss_mb)} | {m.process_mb:.0f} |")
    by = {m.name: m for m in measures}
    floor, one, many = by["floor"], by["statx -j 1"], by[f"statx -j {args.jobs}"]
    print()
    print(f"statx -j 1 / floor: 1/{one.seconds / floor.seconds:.1f} of the floor's speed")
    print(f"jobs-{args.jobs} / jobs-1 speed-up: {one.seconds / many.seconds:.2f}x")
    ratio = (long_chars / by[_LONG].seconds) / (chars / one.seconds)
    print(f"one long article ({long_chars:,} characters) / corpus, characters/s: {ratio:.2f}")
    if f"dask -j {args.jobs}" in by:
        print(f"dask-{args.jobs} / jobs-1 speed-up: {one.seconds / by[f'dask -j {args.jobs}'].seconds:.2f}x")
    return 0 if all(same.values()) else 1


#: The variant that reads one long article: the corpus's first articles in one file.
_LONG = "statx -j 1, one long article"
#: Its length in characters: a long PDF report, or a year of bulletins pasted into one file.
_LONG_ARTICLE_CHARS = 1_000_000


def write_long_article(corpus: Path, target: Path, size: int) -> int:
    """Write the corpus's first articles as one text of about `size` characters; return its length.

    statx works on a text in windows around each figure, so one long article should read about
    as fast as many short ones; work that grows faster than the text (a search back over every
    figure before) shows here as a ratio well below 1, and not in the corpus runs.
    """
    parts: list[str] = []
    total = 0
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            parts.append(text)
            total += len(text) + 2
            if total >= size:
                break
    text = "\n\n".join(parts)
    target.write_text(text, encoding="utf-8")
    return len(text)


def _own_pattern_cache(folder: Path, py: str) -> None:
    """Give every variant a pattern cache of its own, warmed on the sample articles.

    On a machine where rules change often (many branches, one cache) the cache
    (statx.patterncache) holds old rules' patterns too. A process reads only the entries it
    asks for, but a bigger file is still a bigger index and a slower save; a user's cache holds
    what their rules need, and so does this one, after one run on the samples, which the
    corpus is made from.
    """
    os.environ["STATX_CACHE_DIR"] = str(folder)  # every variant's process inherits it
    warm = [py, "-m", "statx", "extract", str(ROOT / "samples"), "-o", os.devnull]
    subprocess.run(warm, check=True, capture_output=True)


def _compile_statx() -> None:
    """Write statx's bytecode first, as `pip install` does for an installed package.

    An editable install only gets it on a first import, and not at all where
    PYTHONDONTWRITEBYTECODE is set (as on our development machines): every start compiles
    all of statx again, about a third of `statx extract one.txt`, which no installed statx pays.
    """
    import compileall

    import statx

    compileall.compile_dir(Path(statx.__file__).parent, quiet=1)


def _sample_articles() -> list[Path]:
    return sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in {".txt", ".md", ".html"})


if __name__ == "__main__":
    raise SystemExit(main())
