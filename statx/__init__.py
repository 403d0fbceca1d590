"""statx: statistics out of Chinese news articles, as typed records grounded in the source."""

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from statx.errors import RuleError, SourceError, StatxError
from statx.extract import extract_paths, extract_text
from statx.records import FIELDS, Record
from statx.rules import RuleSet, load_rules

if TYPE_CHECKING:
    from statx.aggregate import extract_frame, to_frame

try:
    __version__ = version("statx")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "FIELDS",
    "Record",
    "RuleError",
    "RuleSet",
    "SourceError",
    "StatxError",
    "__version__",
    "extract_frame",
    "extract_paths",
    "extract_text",
    "load_rules",
    "to_frame",
]

#: Names served by `statx.aggregate`, loaded on first use: importing statx must not import pandas.
_LAZY = frozenset({"to_frame", "extract_frame"})


def __getattr__(name: str) -> Any:
    """Load the pandas-backed API on first use (PEP 562), so `statx extract` starts fast."""
    if name in _LAZY:
        from statx import aggregate

        return getattr(aggregate, name)
    raise AttributeError(f"module 'statx' has no attribute {name!r}")
