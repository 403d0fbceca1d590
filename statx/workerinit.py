"""Preloaded by the `--jobs` fork server only: workers are born ready and end quietly on Ctrl-C.

The fork server imports this module once and forks every worker from itself, so what is
done here is done once per run, not once per worker: the built-in rules are loaded and
every lazily compiled pattern is warmed by a small extraction, and each worker starts
with them in memory, but without the pattern cache they were compiled from.

The fork server ignores Ctrl-C itself and gives each forked worker the handler set here,
so a worker interrupted before its initializer ran still exits with status 130 and no
traceback; the caller, interrupted too, reports the interruption once. Never import this
module in the caller: it sets a process-wide handler (workers only).
"""

from __future__ import annotations

import contextlib
import os
import signal

from statx.heap import keep_heap_small, trim_heap
from statx.patterncache import release
from statx.units import _worker_rules
from statx.workers import EXIT_INTERRUPTED

#: A few sentences that reach every stage, so their patterns are compiled before the fork.
_WARM_UP = "# 通报\n今年以来，昆明市公安局共查处交通违法1.2万余起，同比下降3.5%，其中酒驾两千起。"


def interrupted(signum: int, frame: object) -> None:
    os._exit(EXIT_INTERRUPTED)


signal.signal(signal.SIGINT, interrupted)
keep_heap_small()  # the workers forked from here keep it
with contextlib.suppress(Exception):  # a worker that needs them loads them again, and says why
    from statx.extract import extract_text
    from statx.matcher import compile_all

    extract_text(_WARM_UP, rules=_worker_rules(()), date="2024-01-01")
    compile_all(_worker_rules(()))
release()  # all is compiled: the workers need not carry the pattern cache
trim_heap()
