"""Apply the compiled rules to prepared text: find figure candidates, drop excluded ones, resolve overlaps.

This module only finds spans; turning a span into a value is `numbers.py`'s job and into a
record `extract.py`'s (the extractor / parser split of Recognizers-Text).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import regex

from statx.errors import RuleTimeoutError
from statx.rules import Rule, RuleSet

#: Seconds one rule may run on one document before it is stopped (regex's `timeout`).
MATCH_TIMEOUT = 10.0

#: Characters that only a Chinese-numeral phrase contains; a remembered slogan without one
#: cannot hide a figure, so it is not worth searching for elsewhere.
_CN_NUMERAL = regex.compile(r"[零〇一二两三四五六七八九十百千万亿]")


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


def _matches(rule: Rule, text: str, timeout: float | None) -> Iterator[regex.Match[str]]:
    """Run one rule over the text within the time limit; a rule that runs over raises RuleTimeoutError."""
    try:
        yield from rule.pattern.finditer(text, timeout=timeout)
    except TimeoutError:
        raise RuleTimeoutError(rule.id, timeout or 0) from None


def _excluded_spans(
    text: str, exclusions: Sequence[Rule], timeout: float | None
) -> list[tuple[Rule, list[tuple[int, int]]]]:
    """Run every exclusion; `remember` rules also exclude the other places their text stands."""
    out = []
    for rule in exclusions:
        spans: list[tuple[int, int]] = []
        phrases: set[str] = set()
        narrow = "x" in rule.pattern.groupindex
        for m in _matches(rule, text, timeout):
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
        out.append((rule, spans))
    return out


def find_candidates(text: str, rules: RuleSet, *, timeout: float | None = MATCH_TIMEOUT) -> list[Candidate]:
    """Find every figure in `text`: all figure rules, minus exclusions, overlaps resolved.

    Overlaps go to the higher-priority rule, then the longer span, then the earlier one,
    so a range (2到4个) beats the count inside it and a signed change beats a bare percent.

    Args:
        text: prepared text.
        rules: the compiled rules.
        timeout: seconds each rule may run on this text; None for no limit.

    Returns:
        Accepted candidates in text order.

    Raises:
        RuleTimeoutError: naming the first rule that ran over `timeout`.
    """
    excluded = _excluded_spans(text, rules.exclusions, timeout)
    by_scope: dict[frozenset[str], _Spans] = {}
    scope_spans: dict[frozenset[str], list[tuple[int, int]]] = {}
    for rule, spans in excluded:
        scope_spans.setdefault(rule.scope, []).extend(spans)
    for scope, spans in scope_spans.items():
        by_scope[scope] = _Spans(spans)

    found: list[Candidate] = []
    for rule in rules.figures:
        active = [
            spans for scope, spans in by_scope.items() if not scope or rule.id in scope or scope & rule.tags
        ]
        for m in _matches(rule, text, timeout):
            cand = Candidate(m.start(), m.end(), rule, m)
            a, b = cand.num_span
            if not any(s.overlaps(a, b) for s in active):
                found.append(cand)
    return _resolve_overlaps(found)


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
