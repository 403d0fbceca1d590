"""Find who reports a figure (昆明市公安局交警支队) and where (昆明), so figures group by region."""

from __future__ import annotations

import bisect
import csv
import functools
import importlib.util
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from statx.patterncache import compile_pattern
from statx.rules import RuleSet, alternation

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
_HAN_RUN = compile_pattern(r"\p{Han}+$")
_LOOK_BACK = 12  # longest place name before an agency or a division word


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

    What looks like a place (ends in 市/县/区...) is one only if it is on this list, so 振兴乡村
    or 落实市局 never become regions. We read cpca's resource file directly: importing cpca
    itself would import pandas, and start-up time matters.
    """
    spec = importlib.util.find_spec("cpca")
    if spec is None or spec.origin is None:
        return frozenset()
    path = Path(spec.origin).parent / "resources" / "adcodes.csv"
    with path.open(encoding="utf-8") as fh:
        return _short_forms(row["name"] for row in csv.DictReader(fh))


@dataclass(frozen=True, slots=True)
class Gazette:
    """Agencies and places, anchored on their last word and read backwards: linear in the text.

    Searching for "some Han characters, then 市" from every position costs a backtracking
    attempt per character; finding the few 市/公安局 first and looking back a dozen
    characters does not.
    """

    agency: re.Pattern[str]
    suffix: re.Pattern[str]
    known: frozenset[str]  # division names, less the words that mostly mean something else
    endings: frozenset[str] = field(init=False)  # the last two characters of each known name

    def __post_init__(self) -> None:
        object.__setattr__(self, "endings", frozenset(name[-2:] for name in self.known if len(name) >= 2))

    @classmethod
    def build(cls, rules: RuleSet) -> Gazette:
        w = rules.words
        # `re`, not `regex`: each scans a whole article, and `re` skips to the first characters of
        # an alternation of words twice as fast
        return cls(
            agency=re.compile(alternation(w.get("agencies", ()))),
            # 市 in 市长/市民/市场 is no place ending
            suffix=re.compile(f"(?:{alternation(w.get('place_suffixes', ()))})(?![长民级场域内外容面貌])"),
            known=(known_places() | _short_forms(w.get("places", ()))) - frozenset(w.get("not_places", ())),
        )

    def _known_tail(self, text: str, end: int, min_len: int = 2) -> int | None:
        """Start of the shortest known name ending at `end` within the Han run before it."""
        if text[end - 2 : end] not in self.endings:  # most 市/区 end no name (城市, 全区): one lookup says so
            return None
        run = _HAN_RUN.search(text, max(0, end - _LOOK_BACK), end)
        if run is None:
            return None
        for start in range(end - min_len, run.start() - 1, -1):
            if text[start:end] in self.known:
                return start
        return None

    def places(self, text: str) -> list[tuple[int, str]]:
        """Place names in `text` with their offsets (云南景洪市 -> 景洪市, 日从昆明市 -> 昆明市)."""
        out = []
        for m in self.suffix.finditer(text):
            start = self._known_tail(text, m.end(), min_len=len(m.group()) + 1)
            if start is not None:
                out.append((start, text[start : m.end()]))
        for name in ("香港", "澳门"):  # places written without a division word
            at = text.find(name)
            while at != -1:
                out.append((at, name))
                at = text.find(name, at + len(name))
        out.sort()
        return out

    @functools.lru_cache(maxsize=1024)  # noqa: B019 - a Gazette lives as long as its rule set
    def leading_place(self, org: str) -> str | None:
        """The place an organisation's name starts with (昆明市公安局 -> 昆明市), if any."""
        found = self.places(org)
        return found[0][1] if found and found[0][0] == 0 else None

    def orgs(self, text: str) -> list[tuple[int, str]]:
        """Organisation names with their offsets: a known place + an agency (昆明市公安局).

        An agency with only its level (市公安局交警支队) is kept as such, for the caller to put
        the article's place in front; one after other words (在农村片区交警中队) is no name.
        """
        out = []
        for m in self.agency.finditer(text):
            start = self._known_tail(text, m.start())
            if start is not None:
                out.append((start, text[start : m.end()]))
            elif m.start() and text[m.start() - 1] in "市县区州省":
                out.append((m.start() - 1, text[m.start() - 1 : m.end()]))
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


def nearest_before(found: list[tuple[int, str]], pos: int, lo: int = 0) -> str | None:
    """The last name in `found` (sorted by offset) that starts in [lo, pos).

    >>> nearest_before([(3, "昆明市"), (9, "景洪市")], 9), nearest_before([(3, "昆明市")], 9, lo=5)
    ('昆明市', None)
    """
    i = bisect.bisect_left(found, (pos,))
    return found[i - 1][1] if i and found[i - 1][0] >= lo else None
