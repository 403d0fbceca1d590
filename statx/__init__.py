"""statx: statistics out of Chinese news articles, as typed records grounded in the source."""

from importlib.metadata import PackageNotFoundError, version

from statx.errors import RuleError, SourceError, StatxError
from statx.extract import extract_paths, extract_text
from statx.records import FIELDS, Record
from statx.rules import RuleSet, load_rules

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
    "extract_paths",
    "extract_text",
    "load_rules",
]
