"""Apply the compiled rules to prepared text: find figure candidates, drop excluded ones, resolve overlaps.

This module only finds spans; turning a span into a value is `numbers.py`'s job and into a
record `extract.py`'s (the extractor / parser split of Recognizers-Text).

Speed without changing a single match. Running every rule over the whole article costs a
regex pass per rule, and most of them (dates, clock times, ids, ...) only matter where a
figure stands. So, using what `shape.py` reads from each pattern:

* a rule whose *trigger* characters are absent from an article is not run at all;
* a figure rule that starts with an optional qualifier (`约`, `不少于`) is scanned without
  it, which is cheaper at every position, and the qualifier is looked for just before each
  match;
* an exclusion whose alphabet is narrow is run only on the stretch of its alphabet around
  each figure's number. A scan started just after a character the rule cannot consume is
  in step with a scan of the whole text, so it finds exactly the same matches there.

Exclusions with a wide alphabet (URLs, slogans in quotes), with `remember`, or with a
pattern `shape.py` cannot read are run over the whole text as before.
"""

from __future__ import annotations

import bisect
import contextlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import regex

from statx.errors import RuleTimeoutError
from statx.patterncache import compile_pattern
from statx.rules import Rule, RuleSet, alternation
from statx.shape import Shape, optional_prefix, shape_of

#: Seconds one rule may run on one document before it is stopped (regex's `timeout`; the
#: fast paths run a rule in several calls, each one limited so).
MATCH_TIMEOUT = 10.0

#: Characters that only a Chinese-numeral phrase contains; a remembered slogan without one
#: cannot hide a figure, so it is not worth searching for elsewhere.
_CN_NUMERAL = regex.compile(r"[零〇一二两三四五六七八九十百千万亿]")

#: An alphabet holding all of these is ordinary prose (\p{Han}, \w, [^...]): a stretch of it is
#: most of the article, not worth a walk character by character.
_PROSE = "的是他们"
#: Trigger sets up to this size are tested with `in`, which is much faster than a regex.
_MAX_GATE_CHARS = 24


@dataclass(frozen=True, slots=True)
class Candidate:
    """A figure found in prepared text, with the match that found it."""

    start: int
    end: int
    rule: Rule
    match: regex.Match[str]

    @property
    def num_span(self) -> tuple[int, int]:
        """The span of the number itself (both bounds of a range), which exclusions are tested on."""
        start = self.match.start("num")
        end = (
            self.match.end("num2") if "num2" in self.match.re.groupindex and self.match.group("num2") else -1
        )
        return start, max(end, self.match.end("num"))


class _Spans:
    """Answers "does [a, b) overlap any stored span?" in O(log n).

    Spans are sorted by start with a running maximum of ends, so the stored spans starting
    before b overlap [a, b) exactly when the largest of their ends exceeds a.
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_end: list[int] = []
        top = -1
        for _, e in ordered:
            top = max(top, e)
            self._max_end.append(top)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end)
        return i > 0 and self._max_end[i - 1] > start


@contextlib.contextmanager
def _limited(rule: Rule, timeout: float | None) -> Iterator[None]:
    """Turn regex's TimeoutError into a RuleTimeoutError naming the rule."""
    try:
        yield
    except TimeoutError:
        raise RuleTimeoutError(rule.id, timeout or 0) from None


def _excluded_spans(text: str, rule: Rule, timeout: float | None = None) -> list[tuple[int, int]]:
    """Run one exclusion over the whole text; with `remember`, also every other place its text stands."""
    spans: list[tuple[int, int]] = []
    phrases: set[str] = set()
    narrow = "x" in rule.pattern.groupindex
    for m in rule.pattern.finditer(text, timeout=timeout):
        span = m.span("x") if narrow and m.group("x") is not None else m.span()
        if span[1] > span[0]:
            spans.append(span)
            if rule.remember:
                phrases.add(text[span[0] : span[1]])
    for phrase in phrases:
        if not _CN_NUMERAL.search(phrase):
            continue
        at = text.find(phrase)
        while at != -1:
            spans.append((at, at + len(phrase)))
            at = text.find(phrase, at + 1)
    return spans


class _Gate:
    """Tell cheaply whether a text can hold a match of a rule at all.

    Every match holds one of the rule's `needs` strings, or else one of its trigger
    characters. Single characters are asked for with `in`, which finds one faster than any
    scan that reports it; which of the longer strings a text holds is found once per text
    for all rules together (`_Presence`). A rule whose trigger set is too large to list is
    asked with a regex.

    A rule whose matches hold no string to look for and no short list of characters (every
    digit) may still read one in a lookaround (the `+` of a numbered model, `(?<=1\\+2…即)`):
    a text without it holds no match either, so such a rule is not run on it, nor walked for
    at each figure (the gate asks whole texts). Where a character list exists it is kept: the
    lookaround's words would lengthen the presence scan that every text pays for.
    """

    __slots__ = ("_chars", "_search", "strings")

    def __init__(self, shape: Shape) -> None:
        strings: tuple[str, ...] | None = shape.needs
        if strings is None or len(strings) > _MAX_GATE_CHARS:
            chars = shape.trigger_chars
            strings = tuple(sorted(chars)) if chars and len(chars) <= _MAX_GATE_CHARS else None
        if strings is None and shape.near_needs is not None and len(shape.near_needs) <= _MAX_GATE_CHARS:
            strings = shape.near_needs
        self._chars = tuple(s for s in strings or () if len(s) == 1)
        self.strings = frozenset(s for s in strings or () if len(s) > 1) if strings is not None else None
        self._search = (
            compile_pattern(f"[{shape.trigger}]", regex.VERSION1).search
            if shape.trigger is not None and strings is None
            else None
        )

    def __call__(self, text: str, present: frozenset[str]) -> bool:
        """`present`: the gate strings of two characters or more that `text` holds (`_Presence`)."""
        if self.strings is not None:
            return any(c in text for c in self._chars) or not self.strings.isdisjoint(present)
        if self._search is not None:
            return self._search(text) is not None
        return True


class _Presence:
    """Which of the gates' strings a text holds, found in one scan for every rule at once.

    Asking `s in text` for each string of each gate scans the whole text once per absent
    string, and most of them are absent (a service number, 限速, 浏览): that was 6 % of
    extraction. One alternation of all the strings, longest first, scans it once; stdlib `re`
    runs an alternation of plain strings about three times faster than `regex`.

    The scan's matches do not overlap, so a found string also stands for every string inside
    it (`元以上` holds `以上`), and a string that may start inside it and run on past its end
    (`12123` hides `12306` in `1212306`) is asked for with `in`, only in texts holding it.
    """

    def __init__(self, strings: Iterable[str]) -> None:
        ordered = sorted(set(strings), key=lambda s: (-len(s), s))
        self._findall = re.compile(alternation(ordered)).findall if ordered else None  # a prefix tree
        self._inside = {s: frozenset(t for t in ordered if t in s) for s in ordered}
        # (t[0] in s[1:] first: a cheap test that rules out nearly all of the n² pairs at start-up)
        self._hidden = {
            s: tuple(t for t in ordered if t[0] in s[1:] and t != s and _straddles(s, t)) for s in ordered
        }

    def __call__(self, text: str) -> frozenset[str]:
        if self._findall is None:
            return frozenset()
        found = set(self._findall(text))
        present = set().union(*(self._inside[s] for s in found))
        for s in found:
            present.update(t for t in self._hidden[s] if t not in present and t in text)
        return frozenset(present)


def _straddles(first: str, second: str) -> bool:
    """Can `second` start inside a match of `first` and end after it?"""
    return any(second.startswith(first[k:]) and len(second) > len(first) - k for k in range(1, len(first)))


class _FigureScan:
    """Find a figure rule's matches in a whole text, exactly as `rule.pattern.finditer` would.

    A pattern `(?:PREFIX)?REST` (a qualifier word before the number) is scanned as REST,
    which the regex engine runs much faster than a pattern opening with an optional group,
    and widened to PREFIX afterwards (see `shape.OptionalPrefix`).

    A rule whose every match holds one of a few strings (小时 or 工时, 到 or 至) and whose
    alphabet is narrow is run only around them (`_NearNeeds`): a rare rule then costs
    little more than finding its words.
    """

    __slots__ = ("_last", "_near", "_prefix_end", "_ready", "_rest", "_width", "gate", "rule")

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.gate = _Gate(shape_of(rule.source))
        self._ready = False  # the patterns are compiled on first use, like the rule's own
        self._rest: regex.Pattern[str] | None = None
        self._prefix_end: regex.Pattern[str] | None = None
        self._width = 0
        self._last: frozenset[str] = frozenset()
        self._near: _NearNeeds | None = None

    def _prepare(self) -> None:
        self._ready = True
        split = optional_prefix(self.rule.source)
        if split is not None:
            # PREFIX's groups stay in the pattern, inside a lookbehind that can never match and
            # so never fails: a REST match then has the rule's own groups and group numbers. PREFIX
            # is grouped, as it may be an alternation, and the never-matching (?!) comes last: a
            # lookbehind is matched backwards, so it is tried first and PREFIX never at all.
            rest = compile_pattern(f"(?<!(?:{split.prefix})(?!)){split.rest}", regex.VERSION1)
            if rest.groupindex == self.rule.pattern.groupindex:
                self._rest = rest
                self._prefix_end = compile_pattern(f"(?:{split.prefix})\\Z", regex.VERSION1)
                self._width = split.width
                self._last = split.last
        scanned = self.rule.source if self._rest is None or split is None else split.rest
        self._near = _NearNeeds.build(self._rest or self.rule.pattern, shape_of(scanned))

    def _scan(self, text: str, timeout: float | None) -> Iterable[regex.Match[str]]:
        """The matches of the pattern scanned (REST, or the rule's own), in text order."""
        pattern = self._rest or self.rule.pattern
        found = self._near.matches(text, timeout) if self._near is not None else None
        return pattern.finditer(text, timeout=timeout) if found is None else found

    def matches(self, text: str, timeout: float | None = None) -> Iterator[regex.Match[str]]:
        if not self._ready:
            self._prepare()
        if self._rest is None or self._prefix_end is None:
            yield from self._scan(text, timeout)
            return
        # Each REST match, widened to the leftmost PREFIX that ends where it starts and begins
        # after the previous match; the full pattern matched there gives the groups.
        prev_end = 0
        last = self._last
        for m in self._scan(text, timeout):
            at = m.start()
            if at > prev_end and text[at - 1] in last:
                head = self._prefix_end.search(text, max(prev_end, at - self._width), at, timeout=timeout)
                if head is not None:
                    full = self.rule.pattern.match(text, head.start(), timeout=timeout)
                    if full is not None and full.end() == m.end():  # always so; exactness first
                        m = full
            prev_end = m.end()
            yield m


#: A stretch of a rule's alphabet longer than this around one of its strings is scanned with
#: the rest of the text instead: trying each of its places would cost more.
_MAX_STRETCH = 200


class _NearNeeds:
    """Run a pattern only on the stretches of its alphabet that hold one of its needed strings.

    Every match consumes only characters of the alphabet and holds a needed string, so it lies
    inside the maximal stretch of the alphabet around an occurrence of one, which also holds a
    character of each of its triggers (余 or 多 of 3公斤余 is no figure without a weight). The pattern is
    tried at each place of those stretches in text order, skipping places inside the last
    match: exactly the matches `finditer` gives, where `regex` would try it at every digit
    of the text. Lookarounds still see the whole text (`match` is given a position, not a
    slice).
    """

    __slots__ = ("_after", "_before", "_min_width", "_needs", "_pattern", "_triggers")

    def __init__(self, pattern: regex.Pattern[str], shape: Shape) -> None:
        assert shape.alphabet is not None and shape.needs is not None
        self._pattern = pattern
        self._needs = re.compile(alternation(shape.needs))  # stdlib `re`: faster on plain words
        self._before = compile_pattern(f"[^{shape.alphabet}]", regex.VERSION1 | regex.REVERSE)
        self._after = compile_pattern(f"[^{shape.alphabet}]", regex.VERSION1)
        self._min_width = shape.min_width
        self._triggers = [compile_pattern(f"[{t}]", regex.VERSION1).search for t in shape.triggers]

    @classmethod
    def build(cls, pattern: regex.Pattern[str], shape: Shape) -> _NearNeeds | None:
        """The scan for a pattern of a narrow alphabet holding one of a few strings; else None."""
        if shape.alphabet is None or not shape.needs or len(shape.needs) > _MAX_GATE_CHARS:
            return None
        if shape.min_width < 1:
            return None
        if all(regex.match(f"[{shape.alphabet}]", c, regex.VERSION1) for c in _PROSE):
            return None
        return cls(pattern, shape)

    def matches(self, text: str, timeout: float | None = None) -> list[regex.Match[str]] | None:
        """The pattern's matches in `text`; None when a stretch is too long (scan the whole text)."""
        out: list[regex.Match[str]] = []
        prev_end = done = 0
        match = self._pattern.match
        for hit in self._needs.finditer(text):
            if hit.start() < done:
                continue  # inside the stretch just scanned
            before = self._before.search(text, 0, hit.start())
            start = before.end() if before is not None else 0
            after = self._after.search(text, hit.end())
            done = after.start() if after is not None else len(text)
            if done - start > _MAX_STRETCH:
                return None
            if done - start < self._min_width or not all(t(text, start, done) for t in self._triggers):
                continue
            at = max(start, prev_end)
            while at < done:
                m = match(text, at, timeout=timeout)
                if m is None:
                    at += 1
                else:
                    out.append(m)
                    prev_end = at = m.end()
        return out


class _ExclusionScan:
    """One exclusion with what the matcher needs to run it only where it matters."""

    __slots__ = (
        "ahead",
        "alphabet",
        "behind",
        "bit",
        "gate",
        "local",
        "min_width",
        "near",
        "need",
        "rule",
        "triggers",
    )

    def __init__(self, rule: Rule, shape: Shape) -> None:
        self.rule = rule
        self.gate = _Gate(shape)
        self.ahead = shape.ahead or 0
        self.min_width = shape.min_width
        # the strings one of which stands within `behind` characters before a stretch holding a
        # match, or inside it, or `ahead` after it (a lookbehind's `+`): a cheap test before a scan
        near = shape.near_needs
        self.behind = shape.behind or 0
        usable = near is not None and len(near) <= _MAX_GATE_CHARS and shape.behind is not None
        self.near = near if usable else None
        self.bit = self.need = 0  # set by the plan: an alphabet bit, and the trigger bits beside it
        self.alphabet: regex.Pattern[str] | None = None
        self.triggers: list[regex.Pattern[str]] = []
        if shape.alphabet is None or shape.ahead is None or not shape.triggers or rule.remember:
            self.local = False
            return
        alphabet = compile_pattern(f"[{shape.alphabet}]", regex.VERSION1)
        self.local = not all(alphabet.match(c) for c in _PROSE)
        if self.local:
            self.alphabet = alphabet
            self.triggers = [compile_pattern(f"[{t}]", regex.VERSION1) for t in shape.triggers]

    def spans_in(
        self, text: str, start: int, stop: int, timeout: float | None = None
    ) -> list[tuple[int, int]]:
        """The spans of the whole-text matches that start in [start, stop), both ends at sync points."""
        spans = []
        endpos = min(len(text), stop + self.ahead + 1)
        pattern = self.rule.pattern
        narrow = "x" in pattern.groupindex
        for m in pattern.finditer(text, start, endpos, timeout=timeout):
            if m.start() >= stop:
                break
            span = m.span("x") if narrow and m.group("x") is not None else m.span()
            if span[1] > span[0]:
                spans.append(span)
        return spans


@dataclass(slots=True)
class _Plan:
    """How to run one RuleSet fast: built on first use, shared by every document.

    Each local exclusion i owns four bits: bit 4i says a character is in its alphabet, bits
    4i+1.. that it is in one of its triggers. Spreading the alphabet bits with `* 15` masks
    the trigger bits of the exclusions still alive in a walk.
    """

    figures: list[_FigureScan]
    wide: list[_ExclusionScan]
    local: list[_ExclusionScan]
    wide_for: dict[str, list[_ExclusionScan]]  # figure rule id -> whole-text exclusions covering it
    local_bits: dict[str, int]  # figure rule id -> alphabet bits of the local exclusions covering it
    presence: _Presence  # which gate strings a text holds, for all gates at once
    unneeded: int  # the trigger bits of no trigger: held by every walk
    masks: dict[str, tuple[int, int]] = field(default_factory=dict)  # char -> (alphabet bits, trigger bits)

    def mask(self, char: str) -> tuple[int, int]:
        """Which local exclusions can consume `char`, and whose triggers hold it."""
        alpha = trig = 0
        for e in self.local:
            assert e.alphabet is not None
            if e.alphabet.match(char):
                alpha |= e.bit
                for k, trigger in enumerate(e.triggers):
                    if trigger.match(char):
                        trig |= e.bit << (k + 1)
        self.masks[char] = (alpha, trig)
        return alpha, trig


_PLANS: dict[int, tuple[RuleSet, _Plan]] = {}


def _plan(rules: RuleSet) -> _Plan:
    cached = _PLANS.get(id(rules))
    if cached is not None and cached[0] is rules:
        return cached[1]
    figures = [_FigureScan(r) for r in rules.figures]
    scans = [_ExclusionScan(r, shape_of(r.source)) for r in rules.exclusions]
    local = [e for e in scans if e.local]
    for n, e in enumerate(local):
        e.bit = 1 << (4 * n)
        e.need = sum(e.bit << (k + 1) for k in range(len(e.triggers)))
    wide = [e for e in scans if not e.local]
    gates = [f.gate for f in figures] + [e.gate for e in scans]
    presence = _Presence(s for g in gates for s in g.strings or ())
    plan = _Plan(
        figures=figures,
        wide=wide,
        local=local,
        wide_for={f.id: [e for e in wide if e.rule.applies_to(f)] for f in rules.figures},
        local_bits={f.id: sum(e.bit for e in local if e.rule.applies_to(f)) for f in rules.figures},
        presence=presence,
        unneeded=sum(e.bit * 0b1110 & ~e.need for e in local),
    )
    if len(_PLANS) > 64:  # rule sets are few; this only guards a long-running library user
        _PLANS.clear()
    _PLANS[id(rules)] = (rules, plan)
    return plan


def compile_all(rules: RuleSet) -> None:
    """Compile every pattern the matcher may use now, not when a document first needs it.

    For a process that others are forked from (the `--jobs` fork server): done once there,
    it is done for every worker.
    """
    for scan in _plan(rules).figures:
        if not scan._ready:
            scan._prepare()
    for rule in rules.exclusions:
        rule.pattern  # noqa: B018  (compiles and caches it)


def find_candidates(text: str, rules: RuleSet, *, timeout: float | None = MATCH_TIMEOUT) -> list[Candidate]:
    """Find every figure in `text`: all figure rules, minus exclusions, overlaps resolved.

    Overlaps go to the higher-priority rule, then the longer span, then the earlier one,
    so a range (2到4个) beats the count inside it and a signed change beats a bare percent.

    Args:
        text: prepared text.
        rules: the compiled rules.
        timeout: seconds each regex call of a rule may run on this text; None for no limit.

    Returns:
        Accepted candidates in text order.

    Raises:
        RuleTimeoutError: naming the first rule that ran over `timeout`.
    """
    plan = _plan(rules)
    present = plan.presence(text)
    found: list[Candidate] = []
    for scan in plan.figures:
        if scan.gate(text, present):
            rule = scan.rule
            with _limited(rule, timeout):
                found.extend(Candidate(m.start(), m.end(), rule, m) for m in scan.matches(text, timeout))
    if not found:
        return []
    return _resolve_overlaps(_Excluder(text, plan, found, present, timeout).kept())


class _Excluder:
    """Drop the candidates whose number overlaps an exclusion that covers their rule."""

    def __init__(
        self, text: str, plan: _Plan, found: list[Candidate], present: frozenset[str], timeout: float | None
    ) -> None:
        self.text = text
        self.plan = plan
        self.found = found
        self.timeout = timeout
        self.local_cache: dict[tuple[int, int, int], list[tuple[int, int]]] = {}
        needed = {c.rule.id for c in found}
        self.wide: dict[str, _Spans] = {}
        for e in plan.wide:
            if any(e in plan.wide_for[rid] for rid in needed) and e.gate(text, present):
                with _limited(e.rule, timeout):
                    self.wide[e.rule.id] = _Spans(_excluded_spans(text, e.rule, timeout))
        # the local exclusions worth a look
        self.present = sum(e.bit for e in plan.local if e.gate(text, present))

    def kept(self) -> list[Candidate]:
        plan = self.plan
        out = []
        for cand in self.found:
            a, b = cand.num_span
            rid = cand.rule.id
            if any(
                (spans := self.wide.get(e.rule.id)) is not None and spans.overlaps(a, b)
                for e in plan.wide_for[rid]
            ):
                continue
            bits = plan.local_bits[rid] & self.present
            if bits and self._local_hit(a, b, bits):
                continue
            out.append(cand)
        return out

    def _local_hit(self, a: int, b: int, bits: int) -> bool:
        """Does a local exclusion among `bits` have a whole-text match overlapping [a, b)?

        For each exclusion, the stretch to scan runs from just after the last character
        before `a` it cannot consume to the first such character at or after `b`; both are
        found in one walk for all exclusions at once. Only a stretch holding a character of
        each of the exclusion's triggers, and long enough, is scanned.
        """
        text = self.text
        masks = self.plan.masks
        mask = self.plan.mask
        trig = 0
        for ch in text[a:b]:
            trig |= (masks.get(ch) or mask(ch))[1]
        left: list[int] = []  # exclusions still inside their alphabet after each step left
        alive = bits
        i = a - 1
        while alive and i >= 0:
            am, tm = masks.get(text[i]) or mask(text[i])
            alive &= am
            trig |= tm & (alive * 15)
            left.append(alive)
            i -= 1
        right: list[int] = []
        alive = bits
        i = b
        n = len(text)
        while alive and i < n:
            am, tm = masks.get(text[i]) or mask(text[i])
            alive &= am
            trig |= tm & (alive * 15)
            right.append(alive)
            i += 1
        # the exclusions among `bits` whose every trigger was met: bit 4i when bits 4i+1..4i+3 are
        held = trig | self.plan.unneeded
        ready = bits & held >> 1 & held >> 2 & held >> 3
        while ready:
            bit = ready & -ready  # the lowest: the exclusions are tried in plan order
            ready ^= bit
            e = self.plan.local[(bit.bit_length() - 1) >> 2]
            start = a - _steps(left, e.bit)
            stop = b + _steps(right, e.bit)
            if stop - start < e.min_width:
                continue
            if e.near is not None:
                around = text[max(0, start - e.behind) : stop + e.ahead + 1]
                if not any(s in around for s in e.near):
                    continue
            key = (e.bit, start, stop)
            spans = self.local_cache.get(key)
            if spans is None:
                with _limited(e.rule, self.timeout):
                    spans = self.local_cache[key] = e.spans_in(text, start, stop, self.timeout)
            if any(s < b and t > a for s, t in spans):
                return True
        return False


def _steps(alive_after: list[int], bit: int) -> int:
    """How many steps the walk took before `bit` dropped out (the list only loses bits)."""
    for n, alive in enumerate(alive_after):
        if not alive & bit:
            return n
    return len(alive_after)


def _resolve_overlaps(found: list[Candidate]) -> list[Candidate]:
    found.sort(key=lambda c: (-c.rule.priority, -(c.end - c.start), c.start))
    starts: list[int] = []
    kept: list[Candidate] = []  # parallel to starts, sorted by start
    for cand in found:
        i = bisect.bisect_right(starts, cand.start)
        if i > 0 and kept[i - 1].end > cand.start:
            continue
        if i < len(kept) and kept[i].start < cand.end:
            continue
        starts.insert(i, cand.start)
        kept.insert(i, cand)
    return kept


def scan_whole(text: str, rules: RuleSet, timeout: float | None = None) -> list[Candidate]:
    """Find candidates the plain way: every rule over the whole text. The reference the fast path equals."""
    scoped: dict[frozenset[str], list[tuple[int, int]]] = {}
    for rule in rules.exclusions:
        with _limited(rule, timeout):
            scoped.setdefault(rule.scope, []).extend(_excluded_spans(text, rule, timeout))
    by_scope = {scope: _Spans(spans) for scope, spans in scoped.items()}
    found: list[Candidate] = []
    for rule in rules.figures:
        active = [s for scope, s in by_scope.items() if not scope or rule.id in scope or scope & rule.tags]
        with _limited(rule, timeout):
            for m in rule.pattern.finditer(text, timeout=timeout):
                cand = Candidate(m.start(), m.end(), rule, m)
                a, b = cand.num_span
                if not any(s.overlaps(a, b) for s in active):
                    found.append(cand)
    return _resolve_overlaps(found)
