"""Keep a long run's memory near what it holds: large blocks go back to the system when freed.

glibc's malloc serves a block of 128 KiB or more with a mapping of its own, returned to the
system on free, but each such free raises that threshold to the block's size (up to 32 MiB).
A run's results are strings of a few megabytes (a unit's JSON lines), so after the first one
every later result is carved from the heap, whose freed holes the system never gets back:
the main process of `--jobs 2` grew by about 18 MB over a 20 MB corpus, holding no more data
at the end than at the start. Fixing the threshold where it begins keeps such blocks mapped.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys

#: mallopt's parameter number for the mapping threshold (malloc.h); setting it stops its growth.
_M_MMAP_THRESHOLD = -3
_THRESHOLD = 128 * 1024  # glibc's own starting value


def keep_heap_small() -> bool:
    """Fix glibc's mapping threshold for this process and the processes it forks.

    Returns:
        Whether it was set: only on Linux with glibc; elsewhere nothing changes.
    """
    if not sys.platform.startswith("linux"):
        return False
    with contextlib.suppress(OSError, AttributeError):
        # the process's own symbols, libc's among them: ctypes.util.find_library would run
        # ldconfig, 30 ms of every start
        libc = ctypes.CDLL(None)
        return bool(libc.mallopt(_M_MMAP_THRESHOLD, _THRESHOLD))
    return False


def trim_heap() -> bool:
    """Give the system back the heap's free pages, wherever they lie (glibc's malloc_trim).

    Freed blocks between live ones stay in the heap, counted in the process's memory, until
    something returns them; a fork server that dropped what it loaded for its warm-up would
    otherwise hand those pages to every worker it forks.

    Returns:
        Whether anything was returned: only on Linux with glibc.
    """
    if not sys.platform.startswith("linux"):
        return False
    with contextlib.suppress(OSError, AttributeError):
        return bool(ctypes.CDLL(None).malloc_trim(0))
    return False
