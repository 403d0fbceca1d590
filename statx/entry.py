"""The `statx` console script, kept tiny: Ctrl-C while the CLI is still importing exits 130 quietly.

Importing the command line (typer, the rule engine) takes a few hundred milliseconds; a
user who presses Ctrl-C then should get what they get later, not a traceback.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Import the CLI and run it."""
    from statx.heap import keep_heap_small

    keep_heap_small()
    try:
        from statx.cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("statx: interrupted\n")
        raise SystemExit(130) from None
    run()
