"""Preloaded by the `--jobs` fork server only: its workers end quietly on Ctrl-C from birth.

The fork server ignores Ctrl-C itself and gives each forked worker the handler that was set
when this module was imported, so a worker interrupted before its initializer ran still
exits with status 130 and no traceback. The caller, interrupted too, reports the
interruption once. Never import this module in the caller: it sets a process-wide handler (workers only).
"""

from __future__ import annotations

import os
import signal

from statx.parallel import EXIT_INTERRUPTED


def interrupted(signum: int, frame: object) -> None:
    os._exit(EXIT_INTERRUPTED)


signal.signal(signal.SIGINT, interrupted)
