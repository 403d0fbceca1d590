"""statx: statistics out of Chinese news articles, as typed records grounded in the source.

The public names are loaded on first use (PEP 562): `statx --version` and `statx extract`
start without importing what they do not need (the rule engine, pandas, package metadata).
"""

from typing import TYPE_CHECKING, Any

from statx.errors import RuleError, SourceError, StatxError

if TYPE_CHECKING:
    from statx.aggregate import extract_frame, to_frame
    from statx.extract import extract_paths, extract_text
    from statx.records import FIELDS, Record
    from statx.rules import RuleSet, load_rules

    __version__: str

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

#: Public name -> the module that defines it.
_LAZY = {
    "extract_paths": "statx.extract",
    "extract_text": "statx.extract",
    "FIELDS": "statx.records",
    "Record": "statx.records",
    "RuleSet": "statx.rules",
    "load_rules": "statx.rules",
    "to_frame": "statx.aggregate",  # pandas: never imported by importing statx
    "extract_frame": "statx.aggregate",
}


def __getattr__(name: str) -> Any:
    """Load a public name on first use and keep it."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value: Any = version("statx")
        except PackageNotFoundError:  # running from a source tree that was never installed
            value = "0+unknown"
    elif name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
    else:
        raise AttributeError(f"module 'statx' has no attribute {name!r}")
    globals()[name] = value
    return value
