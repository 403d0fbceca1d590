"""Where units run: worker processes on this machine, or a Dask cluster; results in unit order.

Whatever order units finish in, their results are handed back strictly in the order they were
planned, so `--jobs 8` or a cluster writes byte for byte what `--jobs 1` writes, and memory
stays bounded: only a few units are in flight at any time. Article files travel by path and
are read by the worker; on a cluster they must be readable where the workers run (a shared
file system), and so must a user's `--rules` folders, which each worker loads once.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

from statx.errors import StatxError, UsageError
from statx.heap import trim_heap
from statx.patterncache import release
from statx.units import Result, Task, Unit, _worker_rules, run_unit

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.context import BaseContext
    from multiprocessing.process import BaseProcess

    from statx.rules import RuleSet

log = logging.getLogger(__name__)
__all__ = ["EXIT_INTERRUPTED", "Engine", "run_units", "start_workers"]

#: A worker's exit status when Ctrl-C stops it (as the CLI's own).
EXIT_INTERRUPTED = 130


class Engine(enum.StrEnum):
    """Where the work runs: processes on this machine, or a Dask cluster."""

    local = "local"
    dask = "dask"


def run_units(
    units: Iterable[Unit],
    task: Task,
    *,
    jobs: int = 1,
    engine: Engine = Engine.local,
    scheduler: str | None = None,
    rules: RuleSet | None = None,
) -> Generator[Result, None, None]:
    """Run units and yield their results in unit order, whatever order they finish in.

    Args:
        units: the work, e.g. from `plan_units`; consumed lazily.
        task: what every unit runs with.
        jobs: worker processes (0: one per core). With the local engine, 1 runs in this
            process; so does a run of a single unit, which would only pay for the start.
        engine: `local` (processes here) or `dask`.
        scheduler: a Dask scheduler address; None starts a local cluster of `jobs` workers.
        rules: the rules already loaded here, for units run in this process.
    """
    jobs = worker_count(jobs, cluster=engine is Engine.dask and scheduler is not None)
    it = iter(units)
    head = [u for u in (next(it, None), next(it, None)) if u is not None]
    queue = _chain(head, it)
    if engine is Engine.dask:
        yield from _run_dask(queue, task, jobs, scheduler)
    elif jobs == 1 or len(head) < 2:
        for unit in queue:
            yield run_unit(unit, task, rules)
    else:
        yield from _run_processes(queue, task, jobs)


#: Most worker processes per core this machine starts: extraction keeps a core busy, so more
#: only add memory (tens of MB each), and `-j 10000` would fork one per unit of the input.
WORKERS_PER_CORE = 4


def worker_count(jobs: int, *, cluster: bool = False) -> int:
    """The workers to start for `--jobs`: 0 is one per core; more than 4 per core is capped, with a warning.

    A remote Dask cluster (`cluster`) has the workers it has: its count is not capped here.

    >>> worker_count(1), worker_count(10**4, cluster=True)
    (1, 10000)
    """
    cores = os.cpu_count() or 1
    if jobs == 0:
        return cores
    limit = WORKERS_PER_CORE * cores
    if jobs > limit and not cluster:
        log.warning(
            "--jobs %d is more than %d workers per core on %d core(s): running %d (-j 0 runs one per core)",
            jobs,
            WORKERS_PER_CORE,
            cores,
            limit,
        )
        return limit
    return jobs


def _chain(head: list[Unit], rest: Iterator[Unit]) -> Iterator[Unit]:
    yield from head
    yield from rest


class _Future(Protocol):
    """A running unit, from a process pool or a Dask client alike."""

    def result(self) -> Result: ...


def _in_order(submit: Callable[[Unit], _Future], units: Iterator[Unit], window: int) -> Iterator[Result]:
    """Keep `window` units in flight; yield results in submission order."""
    pending: deque[_Future] = deque()
    for unit in units:
        pending.append(submit(unit))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def start_workers(jobs: int, engine: Engine | str = Engine.local) -> None:
    """Start preparing worker processes now, while this process still has other work to do.

    Optional: a run starts them anyway. The fork server that workers are forked from loads
    and warms the built-in rules (`statx.workerinit`) on the other core meanwhile, so the
    first worker starts ready instead of after that work.
    """
    if Engine(engine) is not Engine.local or jobs == 1 or (jobs == 0 and (os.cpu_count() or 1) == 1):
        return
    ctx = _context()
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        with contextlib.suppress(OSError, ValueError), _this_statx_for_children():  # the run tries again
            forkserver.ensure_running()


@contextlib.contextmanager
def _this_statx_for_children() -> Iterator[None]:
    """While the fork server starts, have it import the statx this process runs, wherever it is run from.

    The fork server is a fresh interpreter started with ``-c``, which puts the working directory
    first on its path, and Python 3.11 does not hand it this process's path: run from inside
    another checkout (a folder holding a ``statx`` package), the workers would import that one and
    extract with its rules, not the installed statx the caller loaded. ``PYTHONSAFEPATH`` leaves
    the working directory out, and the folder this statx was imported from goes first on
    ``PYTHONPATH`` (a checkout run with ``python -m statx``); the caller's environment is given
    back as it was once the server runs.
    """
    import site

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    saved = {name: os.environ.get(name) for name in ("PYTHONSAFEPATH", "PYTHONPATH")}
    os.environ["PYTHONSAFEPATH"] = "1"
    if root not in (*site.getsitepackages(), site.getusersitepackages()):
        os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (root, saved["PYTHONPATH"]) if p)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


#: The warnings filter that silences the resource tracker's note on semaphores it cleaned up.
_QUIET_TRACKER = "ignore::UserWarning:multiprocessing.resource_tracker"


def _context() -> BaseContext:
    """The fork server where there is one, with statx loaded in it; else fresh interpreters.

    Workers fork from a clean process that has statx imported and its rules warm, so each
    starts in milliseconds without inheriting the caller's threads or state.
    """
    import multiprocessing

    if _QUIET_TRACKER not in sys.warnoptions:
        # The resource tracker (and the fork server) start with this process's -W options.
        # A run stopped by Ctrl-C leaves without closing the pool's queues (see `cli.main`);
        # the tracker then removes their semaphores, as it should, but also told the user
        # that it did: two lines of Python internals under a clean interruption.
        sys.warnoptions.append(_QUIET_TRACKER)
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["statx.workerinit"])
    return ctx


def _run_processes(units: Iterator[Unit], task: Task, jobs: int) -> Iterator[Result]:
    """Run the units on `jobs` worker processes, forked from a fork server with warm rules.

    This process extracts nothing itself: the patterns a unit compiles (about 30 MB) would
    stay in it for the whole run, beside the same patterns in the fork server and in every
    worker, to save the half second the fork server takes to warm (started early, while
    this process loads its rules; see `start_workers`).
    """
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    ctx = _context()
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_warm, initargs=(task.rules,))
    workers: dict[int, BaseProcess] = {}

    def submit(unit: Unit) -> _Future:
        future = pool.submit(run_unit, unit, task)
        workers.update(getattr(pool, "_processes", None) or {})
        return future

    try:
        start_workers(jobs)
        release()  # this process compiles no pattern from here on
        trim_heap()
        yield from _in_order(submit, units, 2 * jobs)
    except BrokenProcessPool:
        why = _why_broken(workers.values())
        _stop_now(pool)
        raise why from None
    except BaseException:
        _stop_now(pool)
        raise
    pool.shutdown(wait=True)


def _why_broken(workers: Iterable[BaseProcess]) -> BaseException:
    """Why a worker died: Ctrl-C reached it (the caller is being interrupted too), or not.

    Ctrl-C goes to the whole process group. A worker can die of it and break the pool
    before this process gets to handle its own KeyboardInterrupt, so the interruption must
    be read from the workers' exit codes, or the run would end as an error (exit 1).
    """
    import signal

    for proc in workers:
        if proc.exitcode in (EXIT_INTERRUPTED, -signal.SIGINT):
            return KeyboardInterrupt()
    return StatxError("a worker process died unexpectedly (out of memory? killed?); run again with --jobs 1")


def _stop_now(pool: ProcessPoolExecutor) -> None:
    """Kill the workers of an interrupted or failed run and leave without waiting for them.

    A worker killed by Ctrl-C may die halfway through sending a result; the executor's
    manager thread then waits forever for the rest, and `shutdown(wait=True)` with it. So
    the workers are killed outright and nothing waits on that pipe (the CLI also leaves
    without the interpreter's exit-time join of that thread: see `cli.main`).
    """
    import threading

    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError):
            proc.kill()
    # Ctrl-C may have landed inside the executor while it held its lock (a `with lock:` is
    # not safe from signals), and then `shutdown` would wait for that lock forever: so it
    # runs on a thread of its own, given a moment, and the caller goes on in any case.
    closing = threading.Thread(
        target=pool.shutdown, kwargs={"wait": False, "cancel_futures": True}, daemon=True
    )
    closing.start()
    closing.join(timeout=1.0)


def _warm(folders: tuple[str, ...]) -> None:
    """Start a worker: it ends quietly on Ctrl-C and when the caller is gone; load the rules."""
    import signal

    from statx.heap import keep_heap_small
    from statx.workerinit import interrupted

    keep_heap_small()  # inherited from the fork server; a spawned worker sets its own
    signal.signal(signal.SIGINT, interrupted)  # already so under the fork server; not under spawn
    _leave_with_the_caller()
    _worker_rules(folders)


def _leave_with_the_caller() -> None:
    """End this worker as soon as the process that started it is gone.

    A worker forked at the very moment of a Ctrl-C can miss it (a forked child ignores
    Ctrl-C until its handlers are restored) and never be known to the caller, which then
    cannot kill it. It would wait for work forever and keep the caller's stderr open, so a
    pipe reading it would never end. Its parent sentinel becomes readable when the caller's
    end of the pipe closes, which the caller's death always does.
    """
    import multiprocessing

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()
        os._exit(EXIT_INTERRUPTED)

    threading.Thread(target=watch, name="statx-caller-watch", daemon=True).start()


def _run_dask(units: Iterator[Unit], task: Task, jobs: int, scheduler: str | None) -> Iterator[Result]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--engine dask needs Dask: pip install 'statx[dask]'") from None
    import logging

    # The scheduler and nannies of a local cluster log here, at INFO; a run is not an event.
    quiet = not logging.getLogger().isEnabledFor(logging.DEBUG)
    if quiet:
        for name in ("distributed", "bokeh", "tornado"):
            logging.getLogger(name).setLevel(logging.ERROR)
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=jobs,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: never collide with a cluster already running
            silence_logs=logging.ERROR,
        )
    try:
        client = Client(cluster if cluster is not None else scheduler, timeout="30s")
    except OSError as e:
        if cluster is not None:
            cluster.close()
        raise UsageError(f"cannot reach the Dask scheduler {scheduler}: {e}") from None
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        yield from _in_order(lambda u: client.submit(run_unit, u, task, pure=False), units, 2 * workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
