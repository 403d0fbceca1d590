"""Read a rule's pattern for what it can consume, what every match holds and how far it looks ahead.

The matcher uses this to run a rule only where it can match, with the same matches a
whole-text scan gives:

* **alphabet**: every character a match can consume (lookarounds aside). A character outside
  it stands inside no match, so a scan started just after one is in step with a scan of the
  whole text, and a scan may stop at one.
* **triggers**: sets of characters of which every match holds at least one each (a date's
  年 or 月, an id's Latin letter and digit), and **needs**: strings of which every match holds
  one (`百分之`, `//`); a text or a stretch without them needs no scan. **near_needs** are
  the same read with the positive lookarounds too (the `+` of `(?<=1\\+2)`): a whole text
  without them holds no match, though a stretch may (what the lookaround reads lies outside).
  **behind**: how many characters before the first one consumed a match may read
  (lookbehinds, `\\b`): with `ahead`, it bounds where a match's near_needs can stand.
* **ahead**: how many characters past the last one consumed a match may read (lookaheads,
  `$`, `\b`), so a scan can be cut off that far past its stopping point;
  **min_width**: the fewest characters a match consumes.
* **optional prefix**: `(?:约|近)?REST` can be scanned as REST, widened afterwards.

Patterns use the `regex` module's syntax (VERSION1). The reader knows the constructs the
rules use; anything else (backreferences, inline flags, recursion, ...) gives an unknown
shape, and the matcher then scans the whole text for that rule, exactly as before.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

import regex

from statx.patterncache import remembered

__all__ = ["OptionalPrefix", "Shape", "first_chars", "optional_prefix", "shape_of"]

_INF = 1 << 30  # an unbounded width
_HUGE = 1 << 20  # the size of a class too large to be worth a look (\w, \p{Han}, [^...])
_CLASS_ESCAPES = frozenset("dDwWsShHvV")  # escapes that stand for a set of characters
_ZERO_ESCAPES = frozenset("bBAZzG")  # zero-width assertions
_LITERAL_ESCAPES = frozenset("ntrfae0")  # control characters
_CONTROL = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "a": "\a", "e": "\x1b", "0": "\0"}
_SIZES = {"d": 10, "s": 6, "h": 2, "v": 4}
_MAX_TRIGGERS = 3

Trigger = tuple[int, tuple[str, ...]]  # (rough number of characters, class bodies)


@dataclass(frozen=True, slots=True)
class Shape:
    """What a pattern can consume and needs; None (or empty) where the reader cannot tell.

    `alphabet` and each trigger are bodies of a regex character class (VERSION1 syntax, so
    nested classes are unions), ready to go between `[` and `]`.
    """

    alphabet: str | None
    triggers: tuple[str, ...]  # rarest first
    ahead: int | None
    min_width: int = 0
    needs: tuple[str, ...] | None = None
    trigger_chars: frozenset[str] | None = None  # the first trigger as a set, when it is a short list
    near_needs: tuple[str, ...] | None = None  # as `needs`, lookarounds read too: for whole texts only
    behind: int | None = None  # most characters read before a match's start; None: unbounded

    @property
    def trigger(self) -> str | None:
        """The rarest trigger, or None."""
        return self.triggers[0] if self.triggers else None


class _Unknown(Exception):
    """The pattern uses syntax this reader does not know."""


@dataclass(slots=True)
class _Node:
    """One parsed piece of a pattern and what it implies for the whole match."""

    alphabet: list[str] = field(default_factory=list)  # class bodies of everything consumed
    triggers: list[Trigger] = field(default_factory=list)  # each: one of its chars is in every match
    width: int = 0  # most characters consumed
    min_width: int = 0  # fewest characters consumed
    reads: int = 0  # most characters read from its start (consumed + looked ahead)
    ahead: int = 0  # most characters read past any consumed one, by its assertions
    first: list[str] = field(default_factory=list)  # class bodies a non-empty match can start with
    last: list[str] = field(default_factory=list)  # ... and end with
    needs: list[str] | None = None  # strings of which every match holds one (None: cannot tell)
    near: list[str] | None = None  # strings the text holds wherever this piece matched, lookarounds read
    char: str | None = None  # the one character this piece matches, when it is a plain literal
    behind: int = 0  # most characters read before its start (lookbehinds, \b)

    @property
    def nullable(self) -> bool:
        return self.min_width == 0


def _atom(body: str, size: int, char: str | None = None) -> _Node:
    word = [char] if char else None
    return _Node([body], [(size, (body,))], 1, 1, 1, 0, [body], [body], word, word, char)


def _zero(reads: int, behind: int = 0) -> _Node:
    """An assertion: consumes nothing, reads `reads` characters ahead and `behind` before."""
    return _Node(reads=reads, ahead=reads, behind=behind)


def _keep(triggers: list[Trigger]) -> list[Trigger]:
    """The few rarest distinct triggers."""
    seen: dict[tuple[str, ...], int] = {}
    for size, bodies in sorted(triggers):
        seen.setdefault(bodies, size)
    return [(size, bodies) for bodies, size in seen.items()][:_MAX_TRIGGERS]


def _better(a: list[str] | None, b: list[str] | None) -> list[str] | None:
    """The more selective of two `needs` lists: longer shortest string, then fewer strings."""
    if a is None:
        return b
    if b is None:
        return a
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _seq(items: list[_Node]) -> _Node:
    node = _Node()
    open_start = True  # every item so far can match empty: the next one may start the match
    run = ""  # consecutive literal characters, for `needs`
    near: list[str] | None = None
    for item in items:
        node.alphabet += item.alphabet
        node.reads = max(node.reads, node.width + item.reads)
        node.width = min(_INF, node.width + item.width)
        node.min_width = min(_INF, node.min_width + item.min_width)
        node.ahead = max(node.ahead, item.ahead)
        node.behind = max(node.behind, item.behind)  # as if each item stood at the start: a bound
        if open_start:
            node.first += item.first
            open_start = item.nullable
        if not item.nullable:
            node.triggers += item.triggers
        near = _better(near, item.near)  # every item matched where the sequence did
        if item.char is not None:
            run += item.char
        elif item.width:  # an assertion leaves the literals around it side by side
            if run:
                node.needs = _better(node.needs, [run])
                run = ""
            if not item.nullable:
                node.needs = _better(node.needs, item.needs)
    if run:
        node.needs = _better(node.needs, [run])
    node.near = _better(near, node.needs)
    for item in reversed(items):
        node.last += item.last
        if not item.nullable:
            break
    node.triggers = _keep(node.triggers)
    if len(items) == 1:
        node.char = items[0].char
    return node


def _alt(branches: list[_Node]) -> _Node:
    if len(branches) == 1:
        return branches[0]
    node = _Node(
        alphabet=[body for b in branches for body in b.alphabet],
        width=max(b.width for b in branches),
        min_width=min(b.min_width for b in branches),
        reads=max(b.reads for b in branches),
        ahead=max(b.ahead for b in branches),
        behind=max(b.behind for b in branches),
        first=[f for b in branches for f in b.first],
        last=[f for b in branches for f in b.last],
    )
    if not node.nullable:
        # A set from each branch together is one every match needs; pair them rarest first.
        for k in range(min(len(b.triggers) for b in branches)):
            size = min(_INF, sum(b.triggers[k][0] for b in branches))
            node.triggers.append((size, tuple(t for b in branches for t in b.triggers[k][1])))
        node.triggers = _keep(node.triggers)
        if all(b.needs is not None for b in branches):
            node.needs = sorted({n for b in branches for n in b.needs or ()})
    if all(b.near is not None for b in branches):
        node.near = sorted({n for b in branches for n in b.near or ()})
    return node


def _repeat(node: _Node, low: int, high: int) -> _Node:
    if high == 0:
        return _zero(0)
    width = min(_INF, node.width * high) if node.width else 0
    reads = _INF if width >= _INF else width - node.width + node.reads if node.width else node.reads
    return _Node(
        alphabet=node.alphabet,
        triggers=node.triggers if low > 0 else [],
        width=width,
        min_width=min(_INF, node.min_width * low),
        reads=reads,
        ahead=node.ahead,
        behind=node.behind,
        first=node.first,
        last=node.last,
        needs=node.needs if low > 0 else None,
        near=node.near if low > 0 else None,
        char=node.char if low == high == 1 else None,
    )


class _Parser:
    """A recursive-descent reader of the pattern syntax, producing a :class:`_Node`."""

    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0
        self.depth = 0
        self.top: list[tuple[int, int, _Node]] | None = None  # top-level items, when not an alternation
        self.icase = False  # inside a `(?i:...)` group

    def parse(self) -> _Node:
        node = self._alternation()
        if self.i != len(self.p):
            raise _Unknown(f"unbalanced ) at {self.i}")
        return node

    def _peek(self) -> str:
        return self.p[self.i] if self.i < len(self.p) else ""

    def _alternation(self) -> _Node:
        self.depth += 1
        spans = self._sequence()
        branches = [_seq([n for _, _, n in spans])]
        while self._peek() == "|":
            self.i += 1
            branches.append(_seq([n for _, _, n in self._sequence()]))
        self.depth -= 1
        if self.depth == 0 and len(branches) == 1:
            self.top = spans
        return _alt(branches)

    def _sequence(self) -> list[tuple[int, int, _Node]]:
        items: list[tuple[int, int, _Node]] = []
        p = self.p
        while self.i < len(p) and p[self.i] not in "|)":
            start = self.i
            word, end = _plain_run(p, start) if not self.icase else ("", start)
            if len(word) > 1:  # a run of plain characters: a word of a word list, mostly
                self.i = end
                items.append((start, end, _literal_run(word)))
                continue
            node = self._quantified(self._atom())
            items.append((start, self.i, node))
        return items

    def _quantified(self, atom: _Node) -> _Node:
        while True:
            c = self._peek()
            if c == "*":
                low, high = 0, _INF
                self.i += 1
            elif c == "+":
                low, high = 1, _INF
                self.i += 1
            elif c == "?":
                low, high = 0, 1
                self.i += 1
            elif c == "{":
                bounds = self._braces()
                if bounds is None:
                    return atom
                low, high = bounds
            else:
                return atom
            if self._peek() in ("?", "+"):  # lazy or possessive: same characters, same widths
                self.i += 1
            atom = _repeat(atom, low, high)

    def _braces(self) -> tuple[int, int] | None:
        """Read `{m}`, `{m,}`, `{,n}`, `{m,n}`; None when the brace is a literal `{`."""
        end = self.p.find("}", self.i)
        if end < 0:
            return None
        inner = self.p[self.i + 1 : end]
        low_text, comma, high_text = inner.partition(",")
        if not (low_text.isdigit() or (comma and low_text == "")) or not (
            high_text.isdigit() or high_text == ""
        ):
            return None
        if not comma and not low_text:
            return None
        self.i = end + 1
        low = int(low_text) if low_text else 0
        high = (int(high_text) if high_text else _INF) if comma else low
        return low, high

    def _atom(self) -> _Node:
        c = self.p[self.i]
        if c == "(":
            return self._group()
        if c == "[":
            return self._class()
        if c == "\\":
            return self._escape()
        self.i += 1
        if c == ".":
            return _atom("\\s\\S", _HUGE)  # VERSION1 '.' excludes \n, but the superset is safe
        if c == "^":
            return _zero(0, 1)  # at a line start (MULTILINE): it reads the character before
        if c == "$":
            return _zero(2)  # `$` matches before a final newline: it reads two characters
        if c in "*+?":
            raise _Unknown(f"nothing to repeat at {self.i - 1}")
        return self._literal(c)

    def _literal(self, c: str) -> _Node:
        if self.icase:  # every case of the character; no plain string to look for
            cases = dict.fromkeys(v for v in (c, c.lower(), c.upper(), c.swapcase()) if len(v) == 1)
            return _atom("[" + "".join(_escape_char(v) for v in cases) + "]", len(cases))
        return _atom(_escape_char(c), _literal_size(c), c)

    def _escape(self) -> _Node:
        if self.i + 1 >= len(self.p):
            raise _Unknown("trailing backslash")
        c = self.p[self.i + 1]
        self.i += 2
        if c in _CLASS_ESCAPES:
            return _atom("\\" + c, _SIZES.get(c, _HUGE))
        if c in _ZERO_ESCAPES:
            return _zero(1, 1)
        if c in "pP":
            end = self.p.find("}", self.i)
            if not self.p.startswith("{", self.i) or end < 0:
                raise _Unknown("\\p without {name}")
            body = self.p[self.i - 2 : end + 1]
            self.i = end + 1
            return _atom("\\s\\S" if self.icase else body, _HUGE)  # \p{Lu} means any case under (?i)
        if c in "xuU":
            size = {"x": 2, "u": 4, "U": 8}[c]
            digits = self.p[self.i : self.i + size]
            if len(digits) != size or any(d not in "0123456789abcdefABCDEF" for d in digits):
                raise _Unknown(f"bad \\{c} escape")
            self.i += size
            return self._literal(chr(int(digits, 16)))
        if c in _LITERAL_ESCAPES:
            return _atom("\\" + c, 1, _CONTROL.get(c))
        if c.isalnum() or c == "_":
            raise _Unknown(f"escape \\{c} not known here")  # backreferences, \X, \K, \m, ...
        return self._literal(c)

    def _class(self) -> _Node:
        """A character class, nested sets and set operations included, kept as written."""
        start = self.i
        end = _class_end(self.p, start)  # a leading ] (after [ or [^) is a literal
        if end < 0:
            raise _Unknown("unterminated [")
        self.i = end
        body = self.p[start:end]
        if self.icase:
            return _atom("\\s\\S", _HUGE)  # a class under (?i) holds every case of its members
        return _atom(body, _class_size(body))

    def _group(self) -> _Node:
        p = self.p
        start = self.i
        end = _group_end(p, start)
        key = (self.icase, p[start:end])
        cached = _GROUPS.get(key) if end > 0 else None
        if cached is not None:  # the lexicon's word lists stand in many rules
            self.i = end
            return cached
        node = self._group_body()
        if end == self.i:
            _GROUPS[key] = node
        return node

    def _group_body(self) -> _Node:
        p = self.p
        self.i += 1
        look: str | None = None
        negative = False
        if p.startswith("?", self.i):
            head = p[self.i : self.i + 3]
            if head.startswith("?:") or head.startswith("?>") or head.startswith("?|"):
                self.i += 2
            elif head.startswith("?P<") or (head.startswith("?<") and head[2:3] not in ("=", "!")):
                end = p.find(">", self.i)
                if end < 0:
                    raise _Unknown("unterminated group name")
                self.i = end + 1
            elif head in ("?<=", "?<!"):
                look = "behind"
                negative = head == "?<!"
                self.i += 3
            elif head.startswith("?=") or head.startswith("?!"):
                look = "ahead"
                negative = head.startswith("?!")
                self.i += 2
            elif head.startswith("?#"):
                end = p.find(")", self.i)
                if end < 0:
                    raise _Unknown("unterminated comment")
                self.i = end + 1
                return _zero(0)
            elif head == "?i:":
                return self._ignoring_case()
            else:
                raise _Unknown(f"group syntax ({head} not known here")  # flags, conditionals, recursion
        node = self._alternation()
        if self._peek() != ")":
            raise _Unknown("unterminated (")
        self.i += 1
        if look is None:
            return node
        # a lookbehind reads backwards; only assertions inside it read forward
        zero = _zero(
            max(node.reads, node.ahead) if look == "ahead" else node.ahead,
            node.behind if look == "ahead" else min(_INF, node.width + node.behind),
        )
        if not negative:
            zero.near = node.near  # what a lookaround reads is in the text all the same
        return zero

    def _ignoring_case(self) -> _Node:
        """A `(?i:...)` group: its letters stand for all their cases."""
        self.i += 3
        outer, self.icase = self.icase, True
        try:
            node = self._alternation()
        finally:
            self.icase = outer
        if self._peek() != ")":
            raise _Unknown("unterminated (")
        self.i += 1
        return node


_SPECIAL = frozenset("\\[](){}|?*+.^$")
#: Parsed groups by (case-insensitive?, text): fragments such as the unit list recur in many patterns.
_GROUPS: dict[tuple[bool, str], _Node] = {}


def _group_end(p: str, i: int) -> int:
    """The index after the group opening at `i` (escapes and classes skipped); -1 if unbalanced."""
    depth = 0
    n = len(p)
    while i < n:
        c = p[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(p, i)
            if i < 0:
                return -1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def _class_end(p: str, i: int) -> int:
    """The index after the class opening at `i`, nested classes included; -1 if unterminated."""
    depth = 0
    n = len(p)
    while i < n:
        c = p[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            depth += 1
            i += 1
            if p.startswith("^", i):
                i += 1
            if p.startswith("]", i):
                i += 1
            continue
        if c == "]":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def _plain_run(p: str, i: int) -> tuple[str, int]:
    """The plain characters from `i` (escaped punctuation too) and where they end.

    A character followed by a quantifier is left out: the quantifier is its own.
    """
    chars: list[str] = []
    n = len(p)
    while i < n:
        c = p[i]
        if c not in _SPECIAL:
            step = 1
        elif c == "\\" and i + 1 < n and not p[i + 1].isalnum() and p[i + 1].isprintable():
            c, step = p[i + 1], 2
        else:
            break
        if i + step < n and p[i + step] in "?*+{":
            break
        chars.append(c)
        i += step
    return "".join(chars), i


def _literal_run(word: str) -> _Node:
    """The node of a run of plain characters: what `_seq` of their atoms gives, built at once."""
    bodies = [_escape_char(c) for c in word]
    return _Node(
        alphabet=bodies,
        triggers=_keep([(_literal_size(c), (b,)) for c, b in zip(word, bodies, strict=True)]),
        width=len(word),
        min_width=len(word),
        reads=len(word),
        first=[bodies[0]],
        last=[bodies[-1]],
        needs=[word],
        near=[word],
    )


def _escape_char(c: str) -> str:
    """A character as it can stand inside a class (VERSION1: [ ] \\ ^ - & ~ | are special there)."""
    return "\\" + c if c in "[]\\^-&~|" or (not c.isprintable() and c not in "\n\t") else c


def _literal_size(c: str) -> int:
    """Count ASCII punctuation and blanks as common: folded Chinese text is full of `,` `.` `-`."""
    return 20 if c.isascii() and not c.isalnum() else 1


def _class_size(body: str) -> int:
    r"""Roughly how many characters a class holds, to prefer the rarest trigger.

    >>> _class_size("[0-9]"), _class_size("[年月]"), _class_size("[^x]"), _class_size(r"[\p{Han}--[一]]")
    (10, 2, 1048576, 1048576)
    """
    inner = body[1:-1]
    if inner.startswith("^") or "[" in inner or any(f"\\{c}" in inner for c in "pPwWSD"):
        return _HUGE
    size = 0
    i = 0
    while i < len(inner):
        if inner[i] == "\\" and i + 1 < len(inner):
            size += _SIZES.get(inner[i + 1], 1)
            i += 2
        elif i + 2 < len(inner) and inner[i + 1] == "-":
            size += max(1, ord(inner[i + 2]) - ord(inner[i]) + 1)
            i += 3
        else:
            size += 1
            i += 1
    return size


@functools.lru_cache(maxsize=256)
def _parse(pattern: str) -> tuple[_Node, list[tuple[int, int, _Node]] | None] | None:
    """The parsed pattern and its top-level items; None when the syntax is not known here."""
    parser = _Parser(pattern)
    try:
        node = parser.parse()
    except _Unknown:
        return None
    return node, parser.top


def shape_of(pattern: str) -> Shape:
    r"""Read the shape of a VERSION1 pattern; parts it cannot tell are None.

    >>> s = shape_of(r"(?<!\d)(?P<num>\d+)(?:余)?(?P<unit>人|起)(?!来)")
    >>> s.alphabet, s.triggers, s.ahead, s.min_width, s.needs
    ('\\d余人起', ('人起', '\\d'), 1, 2, ('人', '起'))
    >>> shape_of(r"\d+年").trigger, shape_of(r"周岁|岁").needs, shape_of(r"(\w)\1").alphabet is None
    ('年', ('周岁', '岁'), True)
    """
    # v2: with near_needs and behind. A new kind, not the old one rewritten: statx releases
    # sharing one cache file would otherwise each throw the other's shapes away at every start.
    return remembered("shape-v2", pattern, _read_shape, _shape_data, _shape_from)


def _shape_data(shape: Shape) -> tuple[Any, ...]:
    return (
        shape.alphabet,
        shape.triggers,
        shape.ahead,
        shape.min_width,
        shape.needs,
        shape.trigger_chars,
        shape.near_needs,
        shape.behind,
    )


def _shape_from(data: tuple[Any, ...]) -> Shape:
    if len(data) != len(Shape.__slots__):  # not this statx's: read it anew
        raise ValueError("a shape of another statx")
    return Shape(*data)


def _read_shape(pattern: str) -> Shape:
    parsed = _parse(pattern)
    if parsed is None:
        return Shape(None, (), None)
    node = parsed[0]
    alphabet = "".join(dict.fromkeys(node.alphabet)) if node.width else None
    triggers = tuple("".join(dict.fromkeys(bodies)) for _, bodies in node.triggers)
    ahead = node.ahead if node.ahead < _INF else None
    chars: set[str] | None = set()
    for body in node.triggers[0][1] if node.triggers else ():
        members = _members(body)
        if members is None or chars is None:
            chars = None
            break
        chars |= members
    needs = tuple(node.needs) if node.needs and not node.nullable else None
    near = tuple(node.near) if node.near else None
    behind = node.behind if node.behind < _INF else None
    chars_set = frozenset(chars) if chars else None
    return Shape(alphabet, triggers, ahead, node.min_width, needs, chars_set, near, behind)


def first_chars(pattern: str) -> frozenset[str] | None:
    r"""Every character a match of `pattern` can start with; None when it cannot be listed or matches empty.

    >>> sorted(first_chars(r"(?:查处|查获)\d+") or ()), first_chars(r"\d+人"), first_chars(r"x?")
    (['查'], None, None)
    """
    return remembered("first_chars", pattern, _read_first_chars)


def _read_first_chars(pattern: str) -> frozenset[str] | None:
    parsed = _parse(pattern)
    if parsed is None or parsed[0].nullable:
        return None
    chars: set[str] = set()
    for body in parsed[0].first:
        members = _members(body)
        if members is None:
            return None
        chars |= members
    return frozenset(chars)


@dataclass(frozen=True, slots=True)
class OptionalPrefix:
    """A pattern `(?:PREFIX)?REST` whose matches are REST's, each maybe widened by PREFIX on the left.

    That holds when REST cannot start on a character PREFIX consumes (then REST cannot
    start inside a PREFIX match, and a PREFIX match reaches REST's first character in one
    place only). The matcher then scans for REST, which is cheaper at every position, and
    looks for PREFIX just before each REST match (at most `width` characters).
    """

    prefix: str
    rest: str
    width: int
    last: frozenset[str]  # the characters a PREFIX match can end with


def optional_prefix(pattern: str) -> OptionalPrefix | None:
    r"""Split a leading optional group off a pattern when scanning for the rest gives the same matches.

    >>> o = optional_prefix(r"(?:(?P<q>约|近)[ ]?)?(?<!\d)(?P<num>\d+)人")
    >>> o.prefix, o.rest, o.width, sorted(o.last)
    ('(?P<q>约|近)[ ]?', '(?<!\\d)(?P<num>\\d+)人', 2, [' ', '约', '近'])
    >>> optional_prefix(r"(?:约|1)?(?P<num>\d+)人") is None  # 1 can start both
    True
    """
    return remembered("optional_prefix", pattern, _read_optional_prefix, _prefix_data, _prefix_from)


def _prefix_data(split: OptionalPrefix | None) -> tuple[Any, ...] | None:
    return None if split is None else (split.prefix, split.rest, split.width, split.last)


def _prefix_from(data: tuple[Any, ...] | None) -> OptionalPrefix | None:
    return None if data is None else OptionalPrefix(*data)


def _read_optional_prefix(pattern: str) -> OptionalPrefix | None:
    parsed = _parse(pattern)
    if parsed is None or not parsed[1] or len(parsed[1]) < 2:
        return None
    top = parsed[1]
    start, end, head = top[0]
    text = pattern[start:end]
    if not (text.startswith("(?:") and text.endswith(")?")) or head.width >= _INF or head.ahead:
        return None
    rest_start = top[1][0]
    rest = _seq([n for _, _, n in top[1:]])
    if rest.nullable or not rest.first:
        return None
    chars: set[str] = set()
    for body in head.alphabet:
        members = _members(body)
        if members is None:
            return None
        chars |= members
    first = regex.compile("[" + "".join(rest.first) + "]", regex.VERSION1)
    if any(first.match(c) for c in chars):
        return None
    last: set[str] = set()
    for body in head.last:
        last |= _members(body) or set()
    return OptionalPrefix(text[3:-2], pattern[rest_start:], head.width, frozenset(last))


def _members(body: str) -> set[str] | None:
    r"""The characters of a small class body, or None when it is not a plain list.

    >>> sorted(_members(r"[ \t]")), _members("约"), _members(r"\d")
    (['\t', ' '], {'约'}, None)
    """
    if len(body) == 1:
        return {body}
    if len(body) == 2 and body[0] == "\\":
        if body[1] in _CONTROL:
            return {_CONTROL[body[1]]}
        return None if body[1].isalnum() else {body[1]}
    if not (body.startswith("[") and body.endswith("]")) or body.startswith("[^"):
        return None
    inner = body[1:-1]
    out: set[str] = set()
    i = 0
    while i < len(inner):
        c = inner[i]
        if c == "[" or (c == "-" and 0 < i < len(inner) - 1) or (c in "&~|" and inner[i : i + 2] == c * 2):
            return None  # nested sets, ranges, set operations: not worth enumerating
        if c == "\\":
            if i + 1 >= len(inner):
                return None
            e = inner[i + 1]
            if e in _CONTROL:
                out.add(_CONTROL[e])
            elif e.isalnum():
                return None
            else:
                out.add(e)
            i += 2
            continue
        out.add(c)
        i += 1
    return out
