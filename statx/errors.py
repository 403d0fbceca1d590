"""The errors statx raises on purpose; the CLI maps each to a one-line message and an exit code."""

from __future__ import annotations


class StatxError(Exception):
    """Base of every error that is the input's fault, not a bug: shown as one line, never a traceback."""


class RuleError(StatxError):
    """A rules folder failed validation; carries every problem, not just the first.

    Rule authors fix files in batches, so stopping at the first problem would make them
    re-run once per typo.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        head = problems[0] if problems else "invalid rules"
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(head + more)

    def __reduce__(self) -> tuple[type[RuleError], tuple[list[str]]]:
        return (type(self), (self.problems,))


class SourceError(StatxError):
    """One input (file, corpus line, stdin) could not be read; the others go on."""

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[type[SourceError], tuple[str, str]]:
        # Worker processes send errors back pickled; the default would call __init__(text).
        return (type(self), (self.where, self.message))


class UsageError(StatxError):
    """The command line asks for something impossible (exit status 2)."""


class RuleTimeoutError(StatxError):
    """A rule ran past the time limit on one document: catastrophic backtracking, usually.

    A user's `(\\d+)+` style rule can take longer than the age of the universe on a long
    run of digits; stopping it costs that one document, not the run.
    """

    def __init__(self, rule: str, seconds: float) -> None:
        self.rule = rule
        self.seconds = seconds
        super().__init__(f"rule {rule} timed out after {seconds:g} s (check it for nested quantifiers)")
