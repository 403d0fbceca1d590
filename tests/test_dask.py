"""`--engine dask` on a real local Dask cluster: the same bytes as the local engine.

One cluster (two worker processes) serves the tests through its scheduler address, as a
remote cluster would; the CLI test also starts its own cluster, as `--engine dask` without
`--scheduler` does.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from statx.cli import app
from statx.export import Format
from statx.parallel import write_dataset, write_parallel
from tests.conftest import SAMPLES
from tests.test_parallel import SMALL, make_corpus

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("dask") / "news.jsonl", n=60)


def _text(fmt: Format, inputs: list[str | Path], **kw: object) -> str:
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("sys.stdout", out)
        write_parallel(inputs, fmt, None, chunk_bytes=SMALL, **kw)  # type: ignore[arg-type]
    return out.getvalue()


@pytest.mark.parametrize("fmt", [Format.jsonl, Format.csv])
def test_dask_writes_the_bytes_the_local_engine_writes(scheduler: str, corpus: Path, fmt: Format) -> None:
    inputs: list[str | Path] = [SAMPLES, corpus]
    local = _text(fmt, inputs)
    assert local.count("\n") > 200
    assert _text(fmt, inputs, engine="dask", scheduler=scheduler) == local


def test_dask_parquet_dataset_equals_the_local_one(scheduler: str, corpus: Path, tmp_path: Path) -> None:
    here, there = tmp_path / "local", tmp_path / "dask"
    n = write_dataset([SAMPLES, corpus], here, chunk_bytes=SMALL, jobs=2)
    assert write_dataset([SAMPLES, corpus], there, chunk_bytes=SMALL, engine="dask", scheduler=scheduler) == n
    names = sorted(p.name for p in here.iterdir())
    assert names == sorted(p.name for p in there.iterdir()) and len(names) > 3
    for name in names:
        assert (here / name).read_bytes() == (there / name).read_bytes()


def test_user_rules_reach_the_workers(scheduler: str, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "birds.yaml").write_text(
        "rules:\n  - id: my.birds\n    pattern: '(?P<num>\\d+)只鸟'\n    unit: 只\n    priority: 30\n"
        "    examples:\n      - {text: 救助32只鸟, expect: [{text: 32只鸟, value: 32}]}\n"
        "      - {text: 没有鸟, expect: []}\n",
        encoding="utf-8",
    )
    article = tmp_path / "a.txt"
    article.write_text("救助32只鸟，放飞15只鸟", encoding="utf-8")
    text = _text(Format.jsonl, [article], engine="dask", scheduler=scheduler, rules=[mine])
    assert text.count('"rule": "my.birds"') == 2


def test_cli_engine_dask_starts_a_local_cluster(corpus: Path) -> None:
    runner = CliRunner()
    local = runner.invoke(app, ["extract", str(SAMPLES), str(corpus), "-f", "jsonl"])
    dask = runner.invoke(
        app, ["extract", str(SAMPLES), str(corpus), "-f", "jsonl", "--engine", "dask", "-j", "2"]
    )
    assert dask.exit_code == 0, dask.stderr
    assert dask.stdout == local.stdout and dask.stderr == ""
