"""Read YAML as `yaml.safe_load` does (libyaml's C loader when there is one), importing PyYAML on first use.

Most runs parse no YAML at all: the rules' parse comes from the pattern cache
(`statx.patterncache.remembered`) and a plain-text article has no front matter. Importing
PyYAML (and compiling its reader's character classes) is about 20 ms of `statx extract
one.txt`, so it waits until a text must be parsed.
"""

from __future__ import annotations

from typing import Any

__all__ = ["YAMLSyntaxError", "safe_load"]


class YAMLSyntaxError(Exception):
    """A text that is not valid YAML: what is wrong, and on which line (1-based) when known."""

    def __init__(self, problem: str, line: int | None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line


def safe_load(text: str) -> Any:
    """The YAML document in `text`; raises YAMLSyntaxError, or ValueError/OverflowError for a
    well-formed but impossible value (`date: 2024-02-30`).

    >>> safe_load("a: 1")
    {'a': 1}
    >>> try:
    ...     safe_load("a: [1")
    ... except YAMLSyntaxError as e:
    ...     e.line
    2
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C one is several times faster
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise YAMLSyntaxError(str(getattr(e, "problem", None) or e), line) from None
