"""Follow a run input by input: a progress bar on a terminal, per-file counts with `-v`.

The library streams records and knows nothing of terminals; this wrapper sits between the
command and the library.  It hands the library the inputs one at a time, expanded from
folders beforehand so the total is known, and counts the records that pass.  Because
extraction is lazy, the library asks for the next input only once every record of the
current one has been written, which is when the current one is done.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar

from statx.cli import message
from statx.errors import SourceError
from statx.sources import Found, find_inputs

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

T = TypeVar("T")


def expand_inputs(inputs: Sequence[str | Path]) -> list[str | Found]:
    """Each file the inputs name, with its id (folders expanded); a bad input stays as given.

    As given, not as its error names it: reading it again must give the same error, and an
    empty path named `''` in its message is not the path `''`; a bad file inside a folder (a
    broken link) stays as the path its error names, not the folder, which would be read again.
    """
    return [
        (str(given) if item.where in (str(given), repr(str(given))) else item.where)
        if isinstance(item, SourceError)
        else item
        for given in inputs
        for item in find_inputs([given])
    ]


class InputTracker:
    """Report progress over a run's inputs on stderr.

    A bar is drawn only when it helps and harms nothing: stderr is a terminal, there is more
    than one input, `-q` is not given, and stdout is not that same terminal receiving data
    (the data would tear the bar, and streaming records already show progress).  With `-v`
    each input gets one line, `statx: a.txt: 12 figures`, when it is done.
    """

    def __init__(
        self,
        inputs: Sequence[str | Path],
        *,
        quiet: bool = False,
        verbose: int = 0,
        output: Path | None = None,
        console: Console | None = None,
    ) -> None:
        """Expand the inputs and decide what to show.

        Args:
            inputs: what the user named (files, folders, `-`).
            quiet: `-q`: nothing but errors.
            verbose: `-v` count; 1 or more prints per-file counts.
            output: the file data is written to; None for stdout.
            console: where the bar goes; a rich Console on stderr by default.
        """
        self.items = expand_inputs(inputs)
        self.per_file = verbose >= 1 and not quiet
        data_on_terminal = output is None and sys.stdout is not None and sys.stdout.isatty()
        self._console = console
        self._bar = not quiet and len(self.items) > 1 and not data_on_terminal and self._terminal()
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._current: str | None = None
        self._count = 0
        self._failed = False

    def _terminal(self) -> bool:
        if self._console is not None:
            return self._console.is_terminal
        return sys.stderr is not None and sys.stderr.isatty()

    @property
    def bar(self) -> bool:
        """Whether a progress bar is drawn."""
        return self._bar

    def __enter__(self) -> InputTracker:
        if self._bar:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            console = self._console or Console(stderr=True)
            self._progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=True,
                redirect_stdout=False,
                redirect_stderr=True,  # error lines printed meanwhile go above the bar
            )
            self._progress.start()
            self._task = self._progress.add_task("statx", total=len(self.items))
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        if kind is None:
            self._done()
        if self._progress is not None:
            self._progress.stop()

    def paths(self) -> Iterator[str]:
        """Yield the inputs one by one, closing the previous one each time the next is asked for."""
        for item in self.items:
            where = str(item.path) if isinstance(item, Found) else item
            self._done()
            self._current, self._count, self._failed = where, 0, False
            if self._progress is not None and self._task is not None:
                self._progress.update(self._task, description=Path(where).name)
            yield where
        self._done()

    def count(self, records: Iterable[T]) -> Iterator[T]:
        """Pass records through, counting them for the current input."""
        for rec in records:
            self._count += 1
            yield rec

    def add(self, n: int) -> None:
        """Count `n` records for the current input (for callers that collect a document at once)."""
        self._count += n

    def failed(self) -> None:
        """The current input could not be read: it gets its error line, not a count line."""
        self._failed = True

    def _done(self) -> None:
        if self._current is None:
            return
        if self.per_file and not self._failed:
            message(f"{self._current}: {self._count} figure{'' if self._count == 1 else 's'}")
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task)
        self._current = None
