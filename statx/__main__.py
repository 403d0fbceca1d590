"""`python -m statx`: the same command as the `statx` script."""

from statx.cli import main

main()
