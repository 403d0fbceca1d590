"""Parallel extraction writes what one process writes: same records, same bytes, same errors in order.

The work is cut small here (a few kilobytes a unit) so that a handful of articles makes many
units, finished out of order by two real worker processes.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import psutil
import pytest
from typer.testing import CliRunner

from statx import extract_paths
from statx.cli import app
from statx.errors import SourceError, StatxError, UsageError
from statx.export import WRITERS, Format
from statx.parallel import (
    Piece,
    Task,
    Unit,
    extract_parallel,
    plan_units,
    run_unit,
    write_dataset,
    write_parallel,
)
from statx.sources import Source, iter_sources
from tests.conftest import SAMPLE_FILES, SAMPLES

SMALL = 4096  # bytes per unit in these tests


def make_corpus(path: Path, n: int = 40, seed: int = 6) -> Path:
    """A JSON-lines corpus of articles recombined from the samples' lines (some without id/title)."""
    rng = random.Random(seed)
    lines = [
        line.strip()
        for p in SAMPLE_FILES
        for line in p.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) > 20 and "<" not in line and not line.startswith(("---", "title:", "date:"))
    ]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            row: dict[str, str] = {"text": "\n".join(rng.sample(lines, rng.randint(1, 6)))}
            if i % 7:
                row["id"] = f"art{i:03d}"
            if i % 3 == 0:
                row |= {"title": f"第{i}篇", "date": "2021-12-02"}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus") / "news.jsonl")


def _written(fmt: Format, jobs: int, paths: list[str | Path], **kw: object) -> str:
    out = io.StringIO()
    import statx.parallel as parallel

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("sys.stdout", out)
        write_parallel(paths, fmt, None, jobs=jobs, chunk_bytes=SMALL, **kw)  # type: ignore[arg-type]
    assert parallel  # imported for the monkeypatch target's module to be loaded
    return out.getvalue()


@pytest.mark.parametrize("fmt", [Format.jsonl, Format.json, Format.csv])
def test_two_processes_write_the_bytes_one_process_writes(fmt: Format, corpus: Path) -> None:
    one = _written(fmt, 1, [SAMPLES, corpus])
    assert one == _written(fmt, 2, [SAMPLES, corpus])
    # ... and the samples alone are what the plain library writer writes
    plain = io.StringIO()
    WRITERS[fmt](extract_paths([SAMPLES]), plain)
    assert _written(fmt, 2, [SAMPLES]) == plain.getvalue()


_CALLER_EXTRACTS_NOTHING = """
import sys
import statx.matcher
from statx.parallel import extract_parallel
records = list(extract_parallel([sys.argv[1]], jobs=2, chunk_bytes=4096))
assert records, "the workers found nothing"
print(len(statx.matcher._PLANS))
"""


def test_with_workers_the_caller_compiles_no_rule_pattern(corpus: Path) -> None:
    """The workers have the compiled patterns; a copy in the caller would stay for the whole run."""
    argv = [sys.executable, "-c", _CALLER_EXTRACTS_NOTHING, str(corpus)]
    done = subprocess.run(argv, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0"]


_CLI_CALLER_LOADS_NO_RULES = """
import sys
from statx.cli import app
from statx.rules import _builtin_rules
try:
    app(["extract", *sys.argv[2:], "-j", "2", "-o", sys.argv[1]])
except SystemExit as e:
    assert not e.code, e.code
print(_builtin_rules.cache_info().currsize)
"""


def test_the_cli_caller_of_workers_loads_no_built_in_rules(corpus: Path, tmp_path: Path) -> None:
    """Only the workers extract: rules loaded in the caller too would be one more copy for the whole run."""
    out = tmp_path / "out.jsonl"
    argv = [sys.executable, "-c", _CLI_CALLER_LOADS_NO_RULES, str(out), str(SAMPLES), str(corpus)]
    done = subprocess.run(argv, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0"]
    assert out.read_text(encoding="utf-8") == _written(Format.jsonl, 1, [SAMPLES, corpus])


def test_corpus_lines_are_articles(corpus: Path) -> None:
    records = list(extract_parallel([corpus], jobs=2, chunk_bytes=SMALL))
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    texts = {row.get("id", f"news:{n}"): row["text"] for n, row in enumerate(rows, 1)}
    assert "news:1" in {r.doc for r in records}  # line 1 has no id: the stem and line number
    assert len({r.doc for r in records}) > 20
    for rec in records:
        assert texts[rec.doc][rec.start : rec.end] == rec.text  # grounded in its own line
    assert all(r.title == "第3篇" and r.date == "2021-12-02" for r in records if r.doc == "art003")


def test_a_corpus_is_cut_into_runs_of_consecutive_lines(corpus: Path) -> None:
    units = list(plan_units([corpus], chunk_bytes=SMALL))
    assert len(units) > 5 and all(u.documents and not u.files for u in units)
    origins = [doc.origin for u in units for _, doc, _ in u.documents if isinstance(doc, Source)]
    assert origins == [f"{corpus}:{n}" for n in range(1, 41)]


def test_other_corpus_formats_and_compression_go_through_the_library_reader(tmp_path: Path) -> None:
    import csv
    import gzip

    rows = [json.loads(line) for line in make_corpus(tmp_path / "c.jsonl", n=12).read_text().splitlines()]
    with (tmp_path / "c.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, ["id", "text"], extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    with gzip.open(tmp_path / "c.jsonl.gz", "wt", encoding="utf-8") as gz:
        gz.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    inputs: list[str | Path] = [tmp_path / "c.csv", tmp_path / "c.jsonl.gz"]
    plain = io.StringIO()
    WRITERS[Format.jsonl](extract_paths(inputs), plain)
    assert plain.getvalue().count("\n") > 20
    assert _written(Format.jsonl, 2, inputs) == plain.getvalue()


def test_errors_come_in_input_order_and_the_rest_is_written(tmp_path: Path, corpus: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "共12起"}\nnot json\n{"id": "b"}\n{"id": "c", "text": "共34起"}\n')
    inputs: list[str | Path] = [SAMPLE_FILES[0], tmp_path / "missing.txt", bad, corpus]
    for jobs in (1, 2):
        errors: list[StatxError] = []
        text = _written(Format.jsonl, jobs, inputs, on_error=errors.append)
        assert [str(e).split(":")[0:2] for e in errors] == [
            [str(tmp_path / "missing.txt"), " no such file or folder"],
            [str(bad), "2"],
            [str(bad), "3"],
        ]
        docs = [json.loads(line)["doc"] for line in text.splitlines()]
        assert docs.index("a") < docs.index("c") and docs[0] == SAMPLE_FILES[0].stem


def test_strict_stops_at_the_first_error_after_writing_what_came_before(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "共12起"}\nnot json\n{"id": "c", "text": "共34起"}\n')

    def stop(err: StatxError) -> None:
        raise err

    out = io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("sys.stdout", out)
        with pytest.raises(SourceError, match=r"bad\.jsonl:2"):
            write_parallel([bad], Format.jsonl, None, jobs=2, on_error=stop)
    assert [json.loads(line)["doc"] for line in out.getvalue().splitlines()] == ["a"]


def test_parquet_dataset_holds_the_records_in_order(tmp_path: Path, corpus: Path) -> None:
    folder = tmp_path / "figures"
    n = write_dataset([SAMPLES, corpus], folder, jobs=2, chunk_bytes=SMALL)
    parts = sorted(p.name for p in folder.iterdir())
    assert len(parts) > 3 and all(p.startswith("part-") for p in parts)
    frame = pd.read_parquet(folder)
    expected = [r.text for r in extract_parallel([SAMPLES, corpus], chunk_bytes=SMALL)]
    assert n == len(frame) == len(expected) and frame["text"].tolist() == expected
    assert str(frame["metric"].dtype) == "category"
    # a second run replaces the dataset; a folder holding anything else is refused
    write_dataset([SAMPLE_FILES[0]], folder)
    assert len(pd.read_parquet(folder)) < n
    (folder / "notes.txt").write_text("mine")
    with pytest.raises(UsageError, match="other files"):
        write_dataset([SAMPLE_FILES[0]], folder)


runner = CliRunner()


def test_cli_jobs_and_engine_options(corpus: Path, tmp_path: Path) -> None:
    one = runner.invoke(app, ["extract", str(SAMPLES), str(corpus), "-f", "jsonl"])
    two = runner.invoke(app, ["extract", str(SAMPLES), str(corpus), "-f", "jsonl", "-j", "2"])
    assert one.exit_code == two.exit_code == 0 and one.stdout == two.stdout
    all_cores = runner.invoke(app, ["extract", str(SAMPLE_FILES[0]), "-f", "jsonl", "-j", "0"])
    assert all_cores.exit_code == 0 and all_cores.stdout.count("\n") > 5
    usage = runner.invoke(app, ["extract", str(SAMPLES), "--scheduler", "tcp://localhost:8786"])
    assert usage.exit_code == 2 and "--engine dask" in usage.stderr
    ds = tmp_path / "ds"
    made = runner.invoke(
        app, ["extract", str(SAMPLES), str(corpus), "-f", "parquet", "-o", str(ds), "-j", "2"]
    )
    assert made.exit_code == 0 and len(pd.read_parquet(ds)) == one.stdout.count("\n")


def test_workers_messages_come_out_as_one_process_prints_them(tmp_path: Path) -> None:
    """Errors and the library's warnings (here a damaged byte) in input order, whoever read the input."""
    (tmp_path / "binary.html").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "cut.txt").write_bytes("共34起，又".encode()[:-1])  # a character cut at the end
    (tmp_path / "good.md").write_text("# 通报\n共查处违法12起", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"id": "a", "text": "共12起"}\nnot json\n', encoding="utf-8")
    args = ["extract", str(tmp_path), str(tmp_path / "missing.txt"), "-f", "jsonl"]
    one, two = runner.invoke(app, args), runner.invoke(app, [*args, "-j", "2"])
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout and one.stderr == two.stderr
    assert "warning: " in two.stderr and two.stderr.count("error: ") == 3


def _start_big_parallel_run(tmp_path: Path) -> tuple[subprocess.Popen[bytes], list[psutil.Process]]:
    """A `-j 2` run over a corpus long enough to interrupt, once it has started writing."""
    corpus = tmp_path / "big.jsonl"
    texts = [p.read_text(encoding="utf-8") for p in SAMPLE_FILES]
    with corpus.open("w", encoding="utf-8") as fh:
        for i in range(1500):
            fh.write(json.dumps({"id": f"a{i}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "statx", "extract", str(corpus), "-o", str(tmp_path / "out.jsonl"), "-j", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".tmp") and p.stat().st_size for p in tmp_path.iterdir()):
        assert proc.poll() is None and time.monotonic() < deadline, "statx ended before it was interrupted"
        time.sleep(0.05)
    while True:  # the workers are forked from the fork server, not from statx itself
        tree = psutil.Process(proc.pid).children(recursive=True)
        with contextlib.suppress(psutil.NoSuchProcess):  # a helper process that just ended
            if any(w.ppid() != proc.pid for w in tree):
                break
        assert proc.poll() is None and time.monotonic() < deadline, "statx ended before its workers started"
        time.sleep(0.02)
    return proc, tree


@pytest.mark.parametrize("group", [True, False], ids=["ctrl-c-to-all", "kill-the-caller"])
def test_an_interrupted_parallel_run_ends_quietly_with_no_workers_left(group: bool, tmp_path: Path) -> None:
    proc, workers = _start_big_parallel_run(tmp_path)
    if group:
        os.killpg(proc.pid, signal.SIGINT)
    else:
        proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130 and b"Traceback" not in stderr
    # nor the resource tracker's note on the pool's semaphores, which it removes as it should
    assert b"leaked semaphore" not in stderr, stderr
    assert not (tmp_path / "out.jsonl").exists()
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive


def test_a_worker_killed_mid_run_is_one_clear_error_and_no_output(tmp_path: Path) -> None:
    proc, workers = _start_big_parallel_run(tmp_path)
    (worker, *_) = [w for w in workers if w.ppid() != proc.pid]  # forked by the fork server
    worker.kill()  # a worker, as the kernel's out-of-memory killer would
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 1, stderr
    assert stderr.decode().strip().splitlines() == [
        "statx: error: a worker process died unexpectedly (out of memory? killed?); run again with --jobs 1"
    ]
    assert not (tmp_path / "out.jsonl").exists()


def test_a_worker_stopped_by_ctrl_c_reads_as_an_interruption_not_an_error() -> None:
    import multiprocessing

    from statx.workers import _why_broken

    ctx = multiprocessing.get_context("spawn")
    interrupted = ctx.Process(target=os._exit, args=(130,))
    killed = ctx.Process(target=os._exit, args=(1,))
    for p in (interrupted, killed):
        p.start()
        p.join()
    assert isinstance(_why_broken([killed, interrupted]), KeyboardInterrupt)
    assert isinstance(_why_broken([killed]), StatxError)


_ABANDONING_CALLER = """
import os, sys
from concurrent.futures import ProcessPoolExecutor
from statx.workers import _context, _warm
pool = ProcessPoolExecutor(max_workers=1, mp_context=_context(), initializer=_warm, initargs=((),))
print(pool.submit(os.getpid).result(), flush=True)
os._exit(0)  # gone without shutting the pool down: the worker is never told to stop
"""


def test_a_worker_leaves_when_its_caller_is_gone() -> None:
    """A worker the caller never got to stop (forked during a Ctrl-C) must not outlive it."""
    caller = subprocess.run(
        [sys.executable, "-c", _ABANDONING_CALLER], capture_output=True, text=True, timeout=60, check=True
    )
    worker = int(caller.stdout.strip())
    deadline = time.monotonic() + 10
    while psutil.pid_exists(worker) and psutil.Process(worker).status() != psutil.STATUS_ZOMBIE:
        assert time.monotonic() < deadline, "the worker outlived its caller"
        time.sleep(0.05)


def _outcome(units: list[Unit]) -> list[tuple[str, int, str]]:
    """What running the units gives, part by part (records as JSON lines, errors, logs), in order."""
    task = Task(encode="jsonl")
    out = []
    for unit in units:
        for part in run_unit(unit, task).parts:
            what = (
                part.text
                if isinstance(part, Piece)
                else str(getattr(part, "error", getattr(part, "logs", "")))
            )
            out.append((type(part).__name__, part.item, what))
    return out


def test_workers_read_runs_of_lines_and_get_exactly_what_the_caller_reads(
    tmp_path: Path, corpus: Path
) -> None:
    mixed = tmp_path / "mixed.jsonl"
    lines = corpus.read_bytes().splitlines(keepends=True)
    gb = (
        json.dumps({"id": "gb", "text": "全县共查处违法行为1200起"}, ensure_ascii=False).encode("gb18030")
        + b"\n"
    )
    mixed.write_bytes(b"".join([*lines[:25], gb, b"not json\n", *lines[25:]]))
    hopeless = tmp_path / "hopeless.jsonl"  # all bad at first: given up on, however it is read
    hopeless.write_bytes(b"nope\n" * 25 + lines[0])
    inputs = [corpus, mixed, hopeless]
    here = list(plan_units(inputs, chunk_bytes=SMALL))
    there = list(plan_units(inputs, chunk_bytes=SMALL, workers_read=True))
    assert [u.index for u in here] == [u.index for u in there]  # the same units either way
    assert not any(u.lines for u in here)
    assert sum(bool(u.lines) for u in there) > len(there) // 2
    gb_unit = next(
        u for u in there if any(isinstance(d, Source) and d.doc == "gb" for _, d, _ in u.documents)
    )
    assert not gb_unit.lines  # a run that is not all UTF-8 is read by the caller, in order
    assert _outcome(there) == _outcome(here)
    read_here = [
        (doc.origin if isinstance(doc, Source) else str(doc), doc) for u in here for _, doc, _ in u.documents
    ]
    in_sequence = [(doc.origin if isinstance(doc, Source) else str(doc), doc) for doc in iter_sources(inputs)]
    assert [str(d) for _, d in read_here] == [str(d) for _, d in in_sequence]  # read by the library reader
    outcome = _outcome(there)
    assert ("Failed", 1, f"{mixed}:27: not JSON (expected value at column 1)") in outcome
    assert any(kind == "Failed" and "lines are all bad" in what for kind, _, what in outcome)
    assert '"doc": "gb"' in "".join(what for _, _, what in outcome)


def test_a_corpus_that_can_be_read_only_once_is_read_in_sequence(tmp_path: Path, corpus: Path) -> None:
    import threading

    pipe = tmp_path / "piped.jsonl"
    os.mkfifo(pipe)
    data = corpus.read_bytes()

    def feed() -> None:
        with pipe.open("wb") as fh:
            fh.write(data)

    writer = threading.Thread(target=feed)
    writer.start()
    units = list(plan_units([pipe], chunk_bytes=SMALL, workers_read=True))
    writer.join()
    assert not any(u.lines for u in units)
    assert sum(isinstance(doc, Source) for u in units for _, doc, _ in u.documents) == 40


def test_jobs_beyond_four_per_core_are_capped_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    """`-j 10000` forked one worker per unit of the input: hundreds of processes on two cores."""
    from statx.workers import WORKERS_PER_CORE, worker_count

    cores = os.cpu_count() or 1
    assert worker_count(0) == cores and worker_count(2) == 2 and not caplog.records
    assert worker_count(10**4) == WORKERS_PER_CORE * cores
    (warning,) = caplog.records
    assert warning.levelname == "WARNING" and warning.getMessage() == (
        f"--jobs 10000 is more than 4 workers per core on {cores} core(s): "
        f"running {4 * cores} (-j 0 runs one per core)"
    )
    assert worker_count(10**4, cluster=True) == 10**4  # a remote cluster has what it has


def test_workers_import_the_callers_statx_not_one_in_the_working_directory(tmp_path: Path) -> None:
    """Run from inside another checkout, the workers still extract with the statx the caller runs."""
    (tmp_path / "statx").mkdir()
    fake = tmp_path / "statx" / "__init__.py"
    fake.write_text('raise RuntimeError("the wrong statx")\n', encoding="utf-8")
    # as the `statx` script starts: the working directory off this process's path, not its children's
    script = "import sys; sys.path.remove(''); from statx.entry import main; main()"
    run = [sys.executable, "-c", script, "extract", str(SAMPLES), "-f", "jsonl"]
    one = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    two = subprocess.run([*run, "-j", "2"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert one.returncode == two.returncode == 0, two.stderr
    assert "wrong statx" not in two.stderr and "Traceback" not in two.stderr, two.stderr
    assert two.stdout == one.stdout and one.stdout.count("\n") > 5
    assert "PYTHONSAFEPATH" not in os.environ  # the caller's environment is left as it was
