"""Turn documents into figure records: prepare -> match -> parse numbers -> records -> semantics.

This is the library API the CLI wraps: `extract_text` for one string, `extract_paths` for
files, folders and stdin.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from statx.errors import RuleTimeoutError, SourceError, StatxError
from statx.markup import prepare
from statx.matcher import MATCH_TIMEOUT, Candidate, find_candidates
from statx.normalize import Prepared
from statx.numbers import NumberError, json_number, parse_cheng, parse_fraction, parse_number
from statx.patterncache import compile_pattern
from statx.records import Figure, Qualifier, Record
from statx.rules import RuleSet, load_rules
from statx.semantics import annotate
from statx.sources import Fields, Source, iter_sources

log = logging.getLogger(__name__)

_SENTENCE_CHARS = "。！？!?；;\n"
_SENTENCE_END = compile_pattern(f"[{_SENTENCE_CHARS}]")
_SENTENCE_END_BEFORE = compile_pattern(f"(?r)[{_SENTENCE_CHARS}]")  # searched backwards
_SENTENCE_WINDOW = 300
_BLANK = compile_pattern(r"\s+")
_MAGNITUDE_ONLY = compile_pattern(r"[十百千万亿]+")
#: A range's upper bound that ends in a magnitude after its digits (5万, 五万, 1.5亿): the
#: magnitude is written once for both bounds (3至5万件), `mantissa` is what it multiplies.
_TRAILING_MAGNITUDE = compile_pattern(r"(?P<mantissa>[\d.零〇一二两三四五六七八九十]+)(?P<mag>[百千万亿]+)")
#: A magnitude a lower bound already carries (8000 has none, 十 is a digit here: 十至二十万).
_HAS_MAGNITUDE = compile_pattern(r"[百千万亿]")


def extract_text(
    text: str,
    doc: str = "stdin",
    *,
    rules: RuleSet | None = None,
    title: str | None = None,
    date: str | None = None,
    timeout: float | None = MATCH_TIMEOUT,
) -> list[Record]:
    """Extract every figure from one document's text, exactly as read.

    Markup is recognised by content (YAML front matter, HTML, Markdown), so the same call
    serves a file's contents, a corpus field or stdin.

    Args:
        text: the document as read; every record's start/end index this string.
        doc: the document id put in each record (a file stem, a corpus id).
        rules: a compiled RuleSet; the built-in rules when None.
        title, date: metadata to use when the text carries none (front matter wins).
        timeout: seconds each rule may run on this text; None for no limit.

    Returns:
        The records in text order.

    Raises:
        RuleTimeoutError: a rule ran over `timeout` (catastrophic backtracking).
    """
    rules = rules or load_rules(examples=False)
    prepared, meta = prepare(text)
    title = meta.get("title") or title
    date = meta.get("date") or date
    kept: list[Candidate] = []
    figures: list[Figure] = []
    for cand in find_candidates(prepared.text, rules, timeout=timeout):
        figure = _figure(cand, text, prepared, doc, title, date, rules)
        if figure is not None:  # a span whose number does not parse is no figure
            kept.append(cand)
            figures.append(figure)
    return annotate(figures, kept, prepared, rules)


def extract_source(source: Source, rules: RuleSet, timeout: float | None = MATCH_TIMEOUT) -> list[Record]:
    """Extract one source; its own metadata (corpus title/date) fills what the text lacks."""
    return extract_text(
        source.text, source.doc, rules=rules, title=source.title, date=source.date, timeout=timeout
    )


def extract_paths(
    paths: Iterable[str | Path],
    *,
    rules: RuleSet | None = None,
    encoding: str | None = None,
    on_error: Callable[[StatxError], None] | None = None,
    fields: Fields | None = None,
    timeout: float | None = MATCH_TIMEOUT,
) -> Iterator[Record]:
    """Extract every document under `paths` (files, folders, `-` for stdin), streaming records.

    One bad document never loses the others: its error goes to `on_error` (or is raised when
    no handler is given) and extraction goes on with the next. That covers unreadable files,
    bad corpus lines, a rule that runs over `timeout`, and a bug met on one document.

    Args:
        paths: files, folders (recursive, sorted), glob patterns or `-`; `.jsonl`, `.ndjson`,
            `.csv`, `.tsv` (also `.gz`) are corpora of one article per line or row.
        rules: a compiled RuleSet; the built-in rules when None.
        encoding: force this text encoding; None detects it (UTF-8, GB18030, Big5, UTF-16).
        on_error: called with each per-document error; None raises it.
        fields: the corpus fields that hold text and id (`text`, `id` by default).
        timeout: seconds each rule may run on one document; None for no limit.

    Yields:
        Records, document by document in input order, each in text order.
    """
    rules = rules or load_rules(examples=False)
    for item in iter_sources(paths, encoding=encoding, fields=fields):
        result = extract_document(item, rules, timeout)
        if isinstance(result, list):
            yield from result
            continue
        if on_error is None:
            raise result
        on_error(result)


def extract_document(
    item: Source | SourceError, rules: RuleSet, timeout: float | None = MATCH_TIMEOUT
) -> list[Record] | SourceError:
    """The records of one document, or the error that stands in its place.

    A rule that runs over `timeout`, and a bug met on one document, become that document's
    error, like a file that cannot be read: a corpus goes on with the next document. Shared
    by `extract_paths` and the units of `statx.units`, so both report alike.
    """
    if isinstance(item, SourceError):
        return item
    try:
        return extract_source(item, rules, timeout)
    except RuleTimeoutError as e:
        return SourceError(item.origin, str(e))
    except Exception as e:  # a bug on one document must not lose the rest of a corpus
        log.debug("%s: extraction failed", item.origin, exc_info=True)
        return SourceError(item.origin, f"internal error: {type(e).__name__}: {e} (please report it)")


def _figure(
    cand: Candidate,
    raw: str,
    prepared: Prepared,
    doc: str,
    title: str | None,
    date: str | None,
    rules: RuleSet,
) -> Figure | None:
    """Read the figure of one candidate; None when its number does not parse (not a figure)."""
    m = cand.match
    groups = _groups(m)
    try:
        value = _value(_lower_bound(groups["num"], groups.get("num2")), cand.rule.convert)
    except NumberError:
        log.debug("%s: %r at %d is not a number", doc, m.group(), m.start())
        return None
    if groups.get("sign") == "-" and value < 0:
        value = -value
    unit = _unit(groups, cand.rule.unit, rules, prepared.text, cand.start)
    start, end = prepared.to_raw(cand.start, cand.end)
    return Figure(
        doc=doc,
        text=raw[start:end],
        value=json_number(value),
        unit=unit,
        qualifier=_qualifier(groups, cand, rules, prepared.text),
        start=start,
        end=end,
        sentence=_sentence(prepared.text, cand.start, cand.end),
        rule=cand.rule.id,
        title=title,
        date=date,
    )


def _unit(groups: dict[str, str | None], fixed: str | None, rules: RuleSet, text: str, start: int) -> str:
    """The record's unit: the rule's fixed one or the words matched, in their simplified form.

    A currency named before the number decides what 元 counts (约新臺幣38億元 is in 新台币,
    投入港币500万元 in 港元), so money of different currencies is never added up as one; a
    denominator after a price or a rate stays part of its unit (12000元/平方米, 80公里/小时),
    since 12000 元 per square metre is no sum of money.
    """
    aliases = rules.unit_aliases
    unit = fixed or _BLANK.sub("", groups.get("unit") or "")
    unit = aliases.get(unit, unit)
    if unit == "元":
        currency = groups.get("currency") or _currency_before(text, start, rules.fragments.get("CURRENCY"))
        if currency:
            unit = aliases.get(currency, currency)
    per = groups.get("per")
    if per:
        unit = f"{unit}/{aliases.get(per, per)}"
    return unit


def _currency_before(text: str, start: int, currencies: str | None) -> str | None:
    """The currency named right before a figure's start (投入新臺幣|3億元), if any.

    A note that the currency holds for what follows may stand between (新臺幣(以下同)|6,294萬元).

    Also the currency of the first of a few amounts in 元 joined by 及, 和, 、 or a range's 至
    (获补助新台币350万元及|120万元): it is said once for all of them.
    """
    if not currencies:
        return None
    m = _currency_end(currencies).search(text, max(0, start - _CURRENCY_REACH), start)
    if m is None and text.endswith(_AMOUNT_JOINS, max(0, start - 3), start):
        m = _currency_of_list(currencies).search(text, max(0, start - _CURRENCY_LIST_REACH), start)
    return m.group("c") if m else None


_CURRENCY_REACH = 14  # the longest currency name, a note (以下同) and a blank or two
_CURRENCY_LIST_REACH = 60  # a currency and up to three amounts before the figure
_AMOUNT_JOINS = ("及", "和", "与", "、", "至", "到", "及 ", "和 ", "、 ", "至 ")


@lru_cache(maxsize=8)
def _currency_end(currencies: str) -> regex.Pattern[str]:
    return regex.compile(rf"(?P<c>{currencies})[ \t]{{0,2}}(?:[(（](?:以下|下)同[)）][ \t]{{0,2}})?\Z")


@lru_cache(maxsize=8)
def _currency_of_list(currencies: str) -> regex.Pattern[str]:
    amount = r"[\d.,万亿千百十一二两三四五六七八九〇零]+[余多]?[ \t]{0,2}元"
    return regex.compile(
        rf"(?P<c>{currencies})[ \t]{{0,2}}(?:{amount}[ \t]{{0,2}}[及和与、至到][ \t]{{0,2}}){{1,3}}\Z"
    )


#: The groups a figure is read from, where a rule has them.
_READ_GROUPS = ("num", "num2", "sign", "unit", "qbefore", "qinside", "qafter", "currency", "per")
_GROUPS_OF: dict[regex.Pattern[str], tuple[str, ...]] = {}


def _groups(m: regex.Match[str]) -> dict[str, Any]:
    """The groups of `_READ_GROUPS` the match's rule has, and what they matched.

    `groupdict` would copy every group of a rule (its fragments' too), which costs more than
    the rest of building the figure.
    """
    names = _GROUPS_OF.get(m.re)
    if names is None:
        names = _GROUPS_OF[m.re] = tuple(name for name in _READ_GROUPS if name in m.re.groupindex)
    return {name: m.group(name) for name in names}


def _lower_bound(num: str, upper: str | None) -> str:
    """A range's lower bound with the magnitude its upper bound carries for both (3至5万件: 3万).

    A writer says the 万 once when both bounds are counted in it; a lower bound smaller than the
    upper bound's own digits (3 < 5) can only be meant so, while one that is larger is whole
    already (8000至1万元, 1000至1.5万人 stay 8000 and 1000).

    >>> _lower_bound("3", "5万"), _lower_bound("三", "五千"), _lower_bound("十", "二十万")
    ('3万', '三千', '十万')
    >>> _lower_bound("8000", "1万"), _lower_bound("3", "5")
    ('8000', '3')
    """
    if not upper or _HAS_MAGNITUDE.search(num):
        return num
    m = _TRAILING_MAGNITUDE.fullmatch(_BLANK.sub("", upper))
    if m is None:
        return num
    try:
        smaller = parse_number(_BLANK.sub("", num)) < parse_number(m.group("mantissa"))
    except NumberError:
        return num
    return num + m.group("mag") if smaller else num


def _value(num: str, convert: str) -> Decimal:
    num = _BLANK.sub("", num)
    if convert == "cheng":
        return parse_cheng(num)
    if convert == "fraction":
        return parse_fraction(num)
    if _MAGNITUDE_ONLY.fullmatch(num) and num[0] != "十":
        num = "一" + num  # 千余人: a bare magnitude counts one of it
    return parse_number(num)


def _qualifier(groups: dict[str, str | None], cand: Candidate, rules: RuleSet, text: str) -> Qualifier:
    """The qualifier: a rule's fixed one (ranges), else the first qualifier word around the number,
    else one standing before the verb that leads to the number (约占五成八, 约为85%)."""
    if cand.rule.qualifier:
        return cand.rule.qualifier  # type: ignore[return-value]
    for name in ("qbefore", "qinside", "qafter"):
        word = groups.get(name)
        if word and word in rules.qualifier_words:
            return rules.qualifier_words[word]  # type: ignore[return-value]
    num = groups.get("num") or ""
    if "余" in num or "多" in num:
        return "over"  # 2亿5千3百多万: the word sits inside the number
    return _qualifier_across(text, cand.start, rules) or "exact"


def _qualifier_across(text: str, start: int, rules: RuleSet) -> Qualifier | None:
    """A qualifier word said before the verb right before a figure (约占五成八: about 58%).

    The figure's text starts after the verb, as SPEC keeps verbs out of it, but the 约 still
    says the share is approximate. The verbs are the lexicon's `QUAL_VERB` fragment. The whole a
    share is of may stand between them (約佔總損失的六成, 约占全市总数的60%): it ends in 的, or
    in Taiwan's written style in 之 (約占竊盜總數之二成九).

    >>> from statx.rules import load_rules
    >>> rules = load_rules()
    >>> text = "投资骗案约占总损失的六成，占比为五成"
    >>> _qualifier_across(text, text.index("六成"), rules), _qualifier_across(text, text.index("五成"), rules)
    ('about', None)
    """
    verbs, before = rules.fragments.get("QUAL_VERB"), rules.fragments.get("QUAL_BEFORE")
    if not verbs or not before:
        return None
    m = _across_end(before, verbs).search(text, max(0, start - _ACROSS_REACH), start)
    return rules.qualifier_words.get(m.group("q")) if m else None  # type: ignore[return-value]


_ACROSS_REACH = 20  # the longest qualifier word, a verb, the whole named (总损失的) and a blank


@lru_cache(maxsize=8)
def _across_end(qualifiers: str, verbs: str) -> regex.Pattern[str]:
    return regex.compile(rf"(?P<q>{qualifiers})(?:{verbs})了?(?:[^，。；,;：:\d\s]{{1,10}}?[的之])?[ \t]?\Z")


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around [start, end) of the prepared text, blanks collapsed.

    The search is bounded so that a 20 MB article without punctuation stays linear.
    """
    lo = max(0, start - _SENTENCE_WINDOW)
    found = _SENTENCE_END_BEFORE.search(text, lo, start)  # the last one before the figure
    left = found.end() if found else lo
    m = _SENTENCE_END.search(text, end, end + _SENTENCE_WINDOW)
    right = m.start() if m else min(len(text), end + _SENTENCE_WINDOW)
    return str(_BLANK.sub(" ", text[left:right])).strip()
