"""Find who reports a figure (昆明市公安局交警支队) and where (昆明), so figures group by region."""

from __future__ import annotations

import csv
import functools
import importlib.util
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import regex

from statx.rules import RuleSet

_SUFFIXES = (
    "特别行政区",
    "自治州",
    "自治县",
    "自治区",
    "地区",
    "盟",
    "省",
    "市",
    "县",
    "区",
    "州",
    "镇",
    "乡",
)


def _short_forms(names: Iterable[str]) -> frozenset[str]:
    """Each name and its short form without the division word (昆明市 -> 昆明)."""
    out: set[str] = set()
    for name in names:
        out.add(name)
        for suffix in _SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                out.add(name[: -len(suffix)])
                break
    return frozenset(out)


@functools.cache
def known_places() -> frozenset[str]:
    """Every Chinese administrative division name, full and short (昆明市, 昆明), from cpca's data.

    The regex finds what looks like a place (ends in 市/县/区...); this list decides whether it
    is one, so 振兴乡村 or 落实市局 never become regions. We read cpca's resource file directly:
    importing cpca itself would import pandas, and start-up time matters.
    """
    spec = importlib.util.find_spec("cpca")
    if spec is None or spec.origin is None:
        return frozenset()
    path = Path(spec.origin).parent / "resources" / "adcodes.csv"
    with path.open(encoding="utf-8") as fh:
        return _short_forms(row["name"] for row in csv.DictReader(fh))


@dataclass(frozen=True, slots=True)
class Gazette:
    """Compiled patterns for organisations and places, built once per rule set."""

    org: regex.Pattern[str]
    place: regex.Pattern[str]
    known: frozenset[str]  # division names, less the words that mostly mean something else

    @classmethod
    def build(cls, rules: RuleSet) -> Gazette:
        from statx.rules import _expand  # fragments are expanded the same way as for rules

        return cls(
            org=regex.compile(_expand("ORG", rules.fragments), regex.VERSION1),
            place=regex.compile(_expand("PLACE", rules.fragments), regex.VERSION1),
            known=(known_places() | _short_forms(rules.words.get("places", ())))
            - frozenset(rules.words.get("not_places", ())),
        )

    def places(self, text: str) -> list[tuple[int, str]]:
        """Known place names in `text` with their offsets (云南景洪市 -> 景洪市, 日从昆明市 -> 昆明市).

        A span that looks like a place is cut from the left until what remains is a known
        division name; the most specific (rightmost) name is kept.
        """
        out = []
        for m in self.place.finditer(text):
            span = m.group()
            for k in range(len(span) - 2, -1, -1):
                if span[k:] in self.known:
                    out.append((m.start() + k, span[k:]))
                    break
        return out

    def orgs(self, text: str) -> list[tuple[int, str]]:
        """Organisation names in `text` with their offsets: a known place + an agency (昆明市公安局).

        An agency with only its level (市公安局交警支队) is kept as such, for the caller to put
        the article's place in front; one after other words (在农村片区交警中队) is no name.
        """
        out = []
        for m in self.org.finditer(text):
            pre, agency = m.group("pre"), m.group("agency")
            for k in range(len(pre) - 1):
                if pre[k:] in self.known:
                    out.append((m.start() + k, pre[k:] + agency))
                    break
            else:
                if pre[-1:] in ("市", "县", "区", "州", "省"):
                    out.append((m.end() - len(agency) - 1, pre[-1] + agency))
        return out


def region_name(place: str) -> str:
    """Short region name for grouping: 昆明市 -> 昆明, 云南省 -> 云南; counties keep 县 (镇远县).

    >>> region_name("昆明市"), region_name("镇远县"), region_name("黔东南苗族侗族自治州")
    ('昆明', '镇远县', '黔东南苗族侗族自治州')
    """
    for suffix in ("特别行政区", "省", "市"):
        if place.endswith(suffix) and len(place) > len(suffix) + 1:
            return place[: -len(suffix)]
    return place


def nearest_before(found: list[tuple[int, str]], pos: int) -> str | None:
    """The last name in `found` that starts before `pos`."""
    best = None
    for at, name in found:
        if at >= pos:
            break
        best = name
    return best
