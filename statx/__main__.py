"""`python -m statx`: the same command as the `statx` script."""

from statx.entry import main

main()
