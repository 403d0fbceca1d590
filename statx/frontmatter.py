"""Read a document's front matter: the YAML block at its very start, and the title and date in it.

Articles saved from a CMS or a static site open with a ``---`` block of metadata. It gives no
text to match, only the title and the date, which `iso_date` writes as ``YYYY-MM-DD`` (the
corpus reader uses it for the dates its records carry too). Most blocks are one-line
``key: value`` lines, read here without importing PyYAML (a tenth of a one-file run);
anything else goes to YAML, and a block YAML cannot read falls back to its key lines.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from statx.yamlsafe import YAMLSyntaxError, safe_load

__all__ = ["front_matter", "iso_date"]

# A YAML block at the very start, possibly after a BOM and blank lines.
_FRONT_MATTER = re.compile(
    r"\ufeff?(?:[ \t]*\r?\n)*---[ \t]*\r?\n(?P<body>(?:.*?\n)??)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)",
    re.DOTALL,
)
_KEY_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*\r?$", re.MULTILINE)
_META_KEYS = ("title", "date")


def front_matter(raw: str) -> tuple[int, dict[str, str]]:
    """Find the front matter block; return where the body starts and the metadata found.

    A leading BOM alone is skipped too.  A ``---`` block that is not a mapping
    (a Markdown rule, say) is not front matter.
    """
    match = _FRONT_MATTER.match(raw)
    if match is None:
        return (1 if raw.startswith("\ufeff") else 0), {}
    fields = _parse_front_matter(match.group("body"))
    if fields is None:
        return (1 if raw.startswith("\ufeff") else 0), {}
    meta: dict[str, str] = {}
    for key in _META_KEYS:
        value = fields.get(key)
        if value is None or value == "":
            continue
        meta[key] = iso_date(value) if key == "date" else str(value).strip()
    return match.end(), meta


def _parse_front_matter(block: str) -> dict[str, object] | None:
    """Parse a front matter block as ``yaml.safe_load`` does, or by ``key: value`` lines if YAML fails."""
    simple = _simple_front_matter(block)
    if simple is not None:
        return simple
    try:
        loaded = safe_load(block)
    except (YAMLSyntaxError, ValueError, OverflowError):
        # ValueError: YAML reads `date: 2024-02-30` as a timestamp and then cannot make it a
        # date; a typo in the metadata must not cost the article its figures.
        loaded = None
    else:
        if isinstance(loaded, dict):
            return {str(key): value for key, value in loaded.items()}
        if loaded is None and not block.strip():
            return {}
    fields: dict[str, object] = {}
    for line in _KEY_LINE.finditer(block):
        fields.setdefault(line["key"], _unquote(line["value"]))
    return fields or None


#: A plain YAML scalar that stays a string: no indicator first, no `: ` or ` #` inside.
_PLAIN = re.compile(r"[^-?:,\[\]{}#&*!|>'\"%@`\s](?:(?!:\s| #).)*(?<!:)")
#: A plain scalar YAML would read as something else: a number, a boolean, null (a date is
#: read as written either way, by `iso_date`).
_NOT_A_STRING = re.compile(
    r"[-+]?(?:[0-9][0-9_:]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+|0[xob][0-9a-fA-F_]+|\.inf|\.nan)"
    r"|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    r"|null|Null|NULL|~|\.(?:inf|Inf|INF|nan|NaN|NAN)"
)
_KEY_VALUE = re.compile(r"(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*\r?")


def _simple_front_matter(block: str) -> dict[str, object] | None:
    """The title and date of a block of one-line `key: value` (and `- item`) lines, as YAML reads them.

    Without importing PyYAML: most front matter is such lines, and the import is a tenth of
    `statx extract one.txt`. Every value in the block must be a one-line scalar, quoted
    without escapes or plain, so that YAML reads the lines as they look, or fails and leaves
    them to the key lines (`_parse_front_matter`), which read them alike. None otherwise
    (nested or continued title or date, flow style, escapes, a title or date YAML would read
    as no string): then YAML parses the block.

    >>> _simple_front_matter("title: '交警 走访'\\ntags:\\n - a\\ndate: Thu, 02 Dec 2021 14:49:35 GMT")
    {'title': '交警 走访', 'date': 'Thu, 02 Dec 2021 14:49:35 GMT'}
    >>> _simple_front_matter("title: yes\\n") is None, _simple_front_matter("title: a\\n  b\\n") is None
    (True, True)
    """
    fields: dict[str, object] = {}
    key: str | None = None
    for line in block.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line[0] in " \t-":  # a value's continuation or a nested item: of a key read no further
            if key in _META_KEYS:
                return None
            item = line.strip().removeprefix("- ").removeprefix("-")
            nested = _KEY_VALUE.fullmatch(item)
            if _simple_scalar(nested["value"] or "" if nested else item.strip()) is None:
                return None
            continue
        m = _KEY_VALUE.fullmatch(line)
        value = _simple_scalar(m["value"] or "") if m else None
        if m is None or value is None:
            return None
        key = m["key"]
        if key in _META_KEYS:
            if key in fields or (value and value == m["value"] and _NOT_A_STRING.fullmatch(value)):
                return None
            fields[key] = value
    return fields if key is not None else None


def _simple_scalar(value: str) -> str | None:
    """A one-line YAML scalar as the string it reads as, if YAML and the key lines read it alike.

    >>> _simple_scalar("'a: b'"), _simple_scalar('"x"'), _simple_scalar("plain"), _simple_scalar("")
    ('a: b', 'x', 'plain', '')
    >>> _simple_scalar("'it''s'") is None, _simple_scalar('"a\\\\tb"') is None, _simple_scalar("a # c")
    (True, True, None)
    """
    if not value:
        return ""
    if value[0] == "'":
        m = re.fullmatch(r"'([^']*)'", value)  # '' inside: YAML reads ', the key lines ''
        return m[1] if m else None
    if value[0] == '"':
        m = re.fullmatch(r'"([^"\\]*)"', value)
        return m[1] if m else None
    return value if _PLAIN.fullmatch(value) else None


def _unquote(value: str) -> str:
    """Strip one pair of matching quotes.

    >>> _unquote("'a: b'"), _unquote('"x"'), _unquote("plain")
    ('a: b', 'x', 'plain')
    """
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


_YMD = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?=$|[ T\s])")


def iso_date(value: object) -> str:
    """Normalise a front matter or corpus date to ``YYYY-MM-DD``; keep it verbatim if unparseable.

    The calendar date is the one written, not converted to another time zone.

    >>> iso_date("Thu, 02 Dec 2021 14:49:35 GMT")
    '2021-12-02'
    >>> iso_date("2021-12-24 03:00:26 +0800"), iso_date("2021-12-24"), iso_date("2021年1月5日")
    ('2021-12-24', '2021-12-24', '2021-01-05')
    >>> iso_date("last Tuesday")
    'last Tuesday'
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    match = _YMD.match(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return text
    # imported for a date written as an e-mail's (Thu, 02 Dec 2021 …) only: the email package
    # costs a text with no such date a hundredth of `statx extract one.txt`
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return text
