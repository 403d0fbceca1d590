"""Load, validate and compile the rule files under `rules/` (and a user's `--rules` folder).

Rules are data (STYLE.md): YAML read with `yaml.safe_load`, named fragments expanded once,
every rule carrying its own examples. Validation collects every problem as
`file:rule-id:field: what is wrong` before raising, so an author fixes a file in one pass.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import regex

from statx.errors import RuleError
from statx.patterncache import compile_pattern, content_key, remembered
from statx.shape import shape_of
from statx.yamlsafe import YAMLSyntaxError, safe_load

RuleKind = Literal["figure", "exclude"]
QUALIFIERS = ("over", "about", "under", "at_least")
CONVERTERS = ("number", "cheng", "fraction")
RECORD_FIELDS_IN_EXAMPLES = frozenset(
    {"text", "value", "unit", "qualifier", "metric", "label", "change", "basis", "parent", "role", "period"}
)
_FRAGMENT_REF = regex.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_RULE_KEYS = frozenset(
    {
        "id",
        "kind",
        "pattern",
        "words",
        "priority",
        "unit",
        "convert",
        "qualifier",
        "scope",
        "tags",
        "remember",
        "examples",
    }
)
_METRIC_KEYS = frozenset({"key", "name", "units", "cues", "priority", "part_of", "examples"})


def builtin_rules_dir() -> Path:
    """Locate the built-in rules: `rules/` beside the package in a checkout, `statx/rules` in a wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RuleError([f"{here}: built-in rules folder not found (reinstall statx)"])


@dataclass(frozen=True, slots=True)
class Example:
    """One worked example a rule carries: input text and the records expected from the whole engine."""

    text: str
    expect: tuple[Mapping[str, Any], ...]
    owner: str  # `file:rule-id`, for test names and error messages
    xfail: str | None = None
    date: str | None = None  # article date the example is read against (periods)


@dataclass(frozen=True, slots=True)
class Rule:
    """A compiled figure or exclusion rule."""

    id: str
    kind: RuleKind
    source: str  # the expanded pattern text
    priority: int
    file: str
    unit: str | None = None
    convert: str = "number"
    qualifier: str | None = None
    scope: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    remember: bool = False
    examples: tuple[Example, ...] = ()

    @property
    def pattern(self) -> regex.Pattern[str]:
        """The compiled pattern, compiled when first asked for (see `load_rules`)."""
        return compiled(self.source)

    def applies_to(self, figure: Rule) -> bool:
        """Tell whether this exclusion covers candidates of `figure` (its scope names ids or tags)."""
        return not self.scope or figure.id in self.scope or bool(self.scope & figure.tags)


@dataclass(frozen=True, slots=True)
class Metric:
    """A metric key from the contract (`metrics.tsv`) with the words that signal it."""

    key: str
    name: str
    units: frozenset[str]
    cues: tuple[str, ...]  # expanded patterns, validated; the semantic layer compiles them together
    priority: int
    file: str
    examples: tuple[Example, ...] = ()
    # `part_of`: the metric of a whole this metric is a narrower part of, and the words that say so in
    # a part whose own words name nothing else (取締酒駕412件，其中移送法辦158件: the drunk ones)
    part_of: str | None = None
    part_cues: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Everything the engine needs, compiled once and shared by every document."""

    figures: tuple[Rule, ...]
    exclusions: tuple[Rule, ...]
    metrics: tuple[Metric, ...]
    qualifier_words: Mapping[str, str]  # word -> over/about/under/at_least
    unit_aliases: Mapping[str, str]  # written unit -> unit in records
    fragments: Mapping[str, str] = field(default_factory=dict)
    words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # named word lists (semantics)
    with_examples: bool = True  # False: loaded to extract only, without the rules' examples

    @property
    def rules(self) -> tuple[Rule, ...]:
        return self.figures + self.exclusions

    def examples(self) -> list[Example]:
        """Every example of every rule and metric, in file order.

        Raises:
            ValueError: the rules were loaded with `examples=False`; an empty list would pass
                any test run on it.
        """
        if not self.with_examples:
            raise ValueError("these rules were loaded without their examples: load them with load_rules()")
        out: list[Example] = []
        for rule in self.rules:
            out.extend(rule.examples)
        for metric in self.metrics:
            out.extend(metric.examples)
        return out


class _Problems:
    """Collects validation problems in the `file:rule-id:field: message` shape."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, file: str, rule_id: str, fld: str, message: str) -> None:
        self.items.append(f"{file}:{rule_id}:{fld}: {message}")


def alternation(words: Iterable[str]) -> str:
    """Escape words and join them longest first, so `人次` wins over `人`; never-matching when empty.

    The words go into a prefix tree (`_prefix_tree`): the same matches, found much faster.

    >>> alternation(["人", "人次", "起"]), alternation([])
    ('人(?:次)?|起', '(?!)')
    """
    return _prefix_tree([(w, "") for w in sorted(set(words), key=lambda w: (-len(w), w))]) or "(?!)"


#: A tree with more first characters than this is led by a lookahead for any of them.
_CHECK_FIRST = 8


def _prefix_tree(words: Sequence[tuple[str, str]], check: bool = False) -> str:
    r"""An alternation of words, each with its own tail (a lookahead or ""), as a prefix tree.

    `regex` tries the branches of an alternation one by one, so a list of 130 measure words
    cost 130 tries at every place a unit may stand, and that was most of the time of the
    figure rules. As a tree, one try per distinct first character, then only the words
    sharing it. Given in longest-first order, the matches stay the same: words that can
    match at one place all start with the same characters, so each is a prefix of the
    next longer one, and the tree tries the longer one first, down each branch.

    With `check`, a large tree is led by a lookahead for any of its first characters: a
    unit is mostly looked for where none stands (after each digit of a number, as `\d+`
    gives some back), and one test of a character set then fails at once.

    >>> _prefix_tree([("人次", ""), ("件", "(?!事)"), ("人", "(?!民)"), ("%", "")])
    '人(?:次|(?!民))|件(?!事)|%'
    """
    heads: dict[str, list[tuple[str, str]]] = {}  # first character -> the rests, in order
    for word, tail in words:
        heads.setdefault(word[0], []).append((word[1:], tail))
    branches = []
    for head, rests in heads.items():
        longer = _prefix_tree([r for r in rests if r[0]])
        end = next((tail for rest, tail in rests if not rest), None)  # the word that ends here
        if not longer:
            rest = end or ""
        elif end is None:
            rest = longer if "|" not in longer else f"(?:{longer})"
        else:
            rest = f"(?:{longer})?" if not end else f"(?:{longer}|{end})"
        branches.append(regex.escape(head) + rest)
    if check and len(branches) > _CHECK_FIRST:
        return f"(?=[{''.join(map(regex.escape, heads))}])(?:{'|'.join(branches)})"
    return "|".join(branches)


#: The sections a rules file may have, and the YAML type each must be: a section of the wrong
#: type (`rules: 5`) is a problem to report, not a crash of the loader reading it.
_SECTIONS: dict[str, type] = {
    "fragments": dict,
    "units": list,
    "qualifiers": dict,
    "words": dict,
    "rules": list,
    "metrics": list,
}


def _load_yaml(path: Path, problems: _Problems, shown: str | None = None) -> dict[str, Any]:
    """One rules file as a mapping of its known sections, each of the right type; {} when unreadable.

    Problems are named by `shown` (the path the user gave, or `rules/x.yaml`), as every
    other problem of that file is.
    """
    name = shown or str(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = remembered("yaml", content_key(text), lambda _: safe_load(text))  # once per content
    except (OSError, UnicodeDecodeError) as e:
        problems.add(name, "-", "-", f"cannot read: {e}")
        return {}
    except YAMLSyntaxError as e:
        where = f"line {e.line}" if e.line is not None else "-"
        problems.add(name, "-", where, f"not valid YAML: {e.problem}")
        return {}
    except (ValueError, OverflowError) as e:  # a well-formed but impossible date (2024-02-30)
        problems.add(name, "-", "-", f"not valid YAML: {e}")
        return {}
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.add(name, "-", "-", "top level must be a mapping (fragments:, rules:, units:, ...)")
        return {}
    for section in data:
        if section not in _SECTIONS:
            problems.add(
                name, str(section), "-", f"unknown section (allowed: {', '.join(sorted(_SECTIONS))})"
            )
    kept = {section: value for section, value in data.items() if section in _SECTIONS}
    for section, kind in _SECTIONS.items():
        value = kept.get(section)
        if value is not None and not isinstance(value, kind):
            what = "a list (- ...)" if kind is list else "a mapping (name: ...)"
            problems.add(name, section, "-", f"must be {what}, not {type(value).__name__}")
            del kept[section]
    return kept


def _lexicon_fragments(
    docs: Sequence[tuple[str, dict[str, Any]]], problems: _Problems
) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Build the unit and qualifier fragments from their word lists.

    Units and qualifier words are listed once as data; the regex alternations and the
    word -> meaning tables are both derived from that one list.
    """
    units: dict[str, dict[str, Any]] = {}
    unit_files: dict[str, str] = {}
    qualifier_words: dict[str, str] = {}
    qual_parts: dict[str, list[str]] = {"before": [], "inside": [], "after": []}
    # place -> word -> the lookbehind its `not_after` / `only_after` words make (多 is a plain word
    # inside a number, 300多人, and one only after 倍 at the end, 2倍多)
    qual_tails: dict[str, dict[str, str]] = {place: {} for place in qual_parts}
    for fname, data in docs:
        for i, entry in enumerate(data.get("units") or []):
            if not isinstance(entry, dict) or not isinstance(entry.get("word"), str):
                problems.add(fname, f"units[{i}]", "word", "each unit needs `word: <measure word>`")
                continue
            if entry.get("chinese_numerals", "long") not in (True, False, "long"):
                problems.add(
                    fname, entry["word"], "chinese_numerals", "use true, false or long (the default)"
                )
                continue
            units[entry["word"]] = entry
            unit_files[entry["word"]] = fname
        for qual, places in (data.get("qualifiers") or {}).items():
            if qual not in QUALIFIERS:
                problems.add(fname, f"qualifiers.{qual}", "-", f"unknown qualifier, use one of {QUALIFIERS}")
                continue
            if not isinstance(places, dict):
                problems.add(fname, f"qualifiers.{qual}", "-", "expected before:/inside:/after: word lists")
                continue
            for place, words in places.items():
                if place not in qual_parts or not isinstance(words, list):
                    problems.add(
                        fname, f"qualifiers.{qual}", place, "expected a word list under before/inside/after"
                    )
                    continue
                for w in words:
                    word, tail = _qualifier_entry(w, fname, qual, place, problems)
                    if word:
                        qual_parts[place].append(word)
                        qual_tails[place][word] = tail
                        qualifier_words[word] = qual
    for word, entry in list(units.items()):
        for variant in kind_orders(word):
            if variant not in units:
                units[variant] = {**entry, "word": variant, "as": entry.get("as") or word}
                unit_files[variant] = unit_files[word]
    _check_unit_prefixes(units, unit_files, problems)
    aliases: dict[str, str] = {}

    def unit_alt(entries: Iterable[dict[str, Any]]) -> str:
        alts = []
        for e in sorted(entries, key=lambda e: (-len(e["word"]), e["word"])):
            stop = e.get("not_before") or []
            # unless_before: longer words a stop word starts that do not stop the unit
            # (支 stops before 队 of 支队, not before 队伍 of 86支队伍)
            keep = e.get("unless_before") or []
            if stop and keep:
                alts.append((e["word"], f"(?!(?!{alternation(keep)})(?:{alternation(stop)}))"))
            else:
                alts.append((e["word"], f"(?!{alternation(stop)})" if stop else ""))
        return _prefix_tree(alts, check=True) or "(?!)"

    for e in units.values():
        if e.get("as"):
            aliases[e["word"]] = str(e["as"])
    fragments = {
        "UNIT": unit_alt(units.values()),
        "UNIT_CN": unit_alt(e for e in units.values() if e.get("chinese_numerals", "long") is True),
        "UNIT_CN_LONG": unit_alt(e for e in units.values() if e.get("chinese_numerals", "long") == "long"),
        "QUAL_BEFORE": _tailed_alternation(qual_parts["before"], qual_tails["before"]),
        "QUAL_INSIDE": _tailed_alternation(qual_parts["inside"], qual_tails["inside"]),
        "QUAL_AFTER": _tailed_alternation(qual_parts["after"], qual_tails["after"]),
    }
    return fragments, qualifier_words, aliases


_KIND_LIST = compile_pattern(r"^(\w)\((\w(?:、\w)+)\)(\w)$")


def kind_orders(word: str) -> list[str]:
    """Other spellings of a unit that lists its kinds in brackets (架(艘、列、辆)次).

    Border-check totals count planes, ships, trains and vehicles together and name the kinds in
    whatever order the office likes, with 、 or a slash between them (2346.1万架(列、艘、辆)次,
    411.9万架(艘/列/辆)次): one lexicon word stands for every order of its bracketed kinds and
    both separators, so the list need not spell out each one.

    >>> kind_orders("架(艘、辆)次")
    ['架(艘/辆)次', '架(辆、艘)次', '架(辆/艘)次']
    >>> kind_orders("人次")
    []
    """
    m = _KIND_LIST.match(word)
    if not m:
        return []
    head, kinds, tail = m.group(1), m.group(2).split("、"), m.group(3)
    out = []
    for order in itertools.permutations(kinds):
        for sep in ("、", "/"):
            spelled = f"{head}({sep.join(order)}){tail}"
            if spelled != word:
                out.append(spelled)
    return out


def _qualifier_entry(
    entry: object, fname: str, qual: str, place: str, problems: _Problems
) -> tuple[str, str]:
    """A qualifier word and its tail: a plain word, or `{word: 超, not_after: [商]}`.

    A one-character word may end another word: the 超 of 商超 (supermarkets: 农贸市场和商超412家)
    is no 超过. `not_after` lists the characters (or words) that make it part of such a word; the
    tail is a lookbehind over them and the word, so the word list stays one prefix tree.
    `only_after` is the other way round: a word that qualifies only after those (the 多 of 2倍多,
    where after a count's unit 多 starts the next word).

    >>> _qualifier_entry({"word": "超", "not_after": ["商", "赶"]}, "f", "over", "before", _Problems())
    ('超', '(?<!(?:商|赶)超)')
    >>> _qualifier_entry({"word": "多", "only_after": ["倍"]}, "f", "over", "after", _Problems())
    ('多', '(?<=(?:倍)多)')
    >>> _qualifier_entry("逾", "f", "over", "before", _Problems())
    ('逾', '')
    """
    if isinstance(entry, dict):
        word, stop = entry.get("word"), entry.get("not_after") or []
        only = entry.get("only_after") or []
        if not isinstance(word, str) or not word or not isinstance(stop, list) or not isinstance(only, list):
            problems.add(fname, f"qualifiers.{qual}", place, "expected `{word: ..., not_after: [...]}`")
            return "", ""
        if only:
            return word, f"(?<=(?:{'|'.join(map(regex.escape, map(str, only)))}){regex.escape(word)})"
        if not stop:
            return word, ""
        return word, f"(?<!(?:{'|'.join(map(regex.escape, map(str, stop)))}){regex.escape(word)})"
    return str(entry), ""


def _tailed_alternation(words: Sequence[str], tails: Mapping[str, str]) -> str:
    """`alternation` of words, each followed by its tail (see `_qualifier_entry`).

    >>> _tailed_alternation(["超过", "超"], {"超": "(?<!商超)"})
    '超(?:过|(?<!商超))'
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return _prefix_tree([(w, tails.get(w, "")) for w in ordered]) or "(?!)"


def _check_unit_prefixes(
    units: Mapping[str, dict[str, Any]], files: Mapping[str, str], problems: _Problems
) -> None:
    """Report a unit that any Chinese numeral may not take but whose start is one it may take.

    Chinese numerals try the `true` units first, so with 户 true and 户次 long, 三百户次 would
    be read as 三百户 (a wrong unit), unless 户's not_before keeps it from 次.
    """
    short = [w for w, e in units.items() if e.get("chinese_numerals", "long") is True]
    for word, entry in units.items():
        if entry.get("chinese_numerals", "long") is True:
            continue
        for head in short:
            rest = word[len(head) :]
            stop = [str(s) for s in units[head].get("not_before") or []]
            if word.startswith(head) and rest and not any(rest.startswith(s) for s in stop):
                problems.add(
                    files[word],
                    word,
                    "chinese_numerals",
                    f"must be true as {head!r} is (or give {head!r} not_before: [{rest}])",
                )


def expand_fragment(name: str, fragments: Mapping[str, str], stack: tuple[str, ...] = ()) -> str:
    """The regex of fragment `name` with its `{NAME}` references expanded, recursively.

    Raises KeyError (unknown name) or RecursionError (a cycle), naming the culprit.
    """
    if name in stack:
        raise RecursionError(" -> ".join((*stack, name)))
    body = fragments[name]
    return str(
        _FRAGMENT_REF.sub(lambda m: f"(?:{expand_fragment(m.group(1), fragments, (*stack, name))})", body)
    )


def _expand_text(text: str, fragments: Mapping[str, str]) -> str:
    return str(_FRAGMENT_REF.sub(lambda m: f"(?:{expand_fragment(m.group(1), fragments)})", text))


def _examples(fname: str, owner_id: str, raw: Any, problems: _Problems) -> tuple[Example, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.add(fname, owner_id, "examples", "must be a list of {text:, expect:}")
        return ()
    out = []
    for i, ex in enumerate(raw):
        where = f"examples[{i}]"
        if not isinstance(ex, dict) or not isinstance(ex.get("text"), str):
            problems.add(fname, owner_id, where, "needs `text:` (a string) and `expect:` (a list)")
            continue
        expect = ex.get("expect")
        if not isinstance(expect, list) or not all(isinstance(e, dict) for e in expect):
            problems.add(
                fname, owner_id, f"{where}.expect", "must be a list of records ([] when nothing is found)"
            )
            continue
        for e in expect:
            unknown = set(e) - RECORD_FIELDS_IN_EXAMPLES
            if unknown:
                problems.add(fname, owner_id, f"{where}.expect", f"unknown record fields {sorted(unknown)}")
            if "text" not in e:
                problems.add(fname, owner_id, f"{where}.expect", "every expected record needs `text:`")
        out.append(
            Example(
                text=ex["text"],
                expect=tuple(expect),
                owner=f"{fname}:{owner_id}",
                xfail=str(ex["xfail"]) if ex.get("xfail") else None,
                date=str(ex["date"]) if ex.get("date") else None,
            )
        )
    return tuple(out)


@functools.cache
def compiled(source: str) -> regex.Pattern[str]:
    """A rule's pattern, compiled once per process: by `load_rules`, or when first used."""
    return compile_pattern(source, regex.VERSION1)


def _compile(
    fname: str,
    rid: str,
    fld: str,
    text: str,
    fragments: Mapping[str, str],
    problems: _Problems,
    eager: bool = True,
) -> tuple[regex.Pattern[str] | None, str] | None:
    """The expanded pattern, and compiled when `eager`; None with a problem when it is invalid."""
    try:
        expanded = _expand_text(text, fragments)
    except KeyError as e:
        problems.add(fname, rid, fld, f"unknown fragment {{{e.args[0]}}}")
        return None
    except RecursionError as e:
        problems.add(fname, rid, fld, f"fragment cycle {e}")
        return None
    if not eager:
        return None, expanded
    try:
        return compiled(expanded), expanded
    except regex.error as e:
        problems.add(fname, rid, fld, f"invalid regex: {e}")
        return None


def _cues(
    fname: str, key: str, raw: list[str], fragments: Mapping[str, str], problems: _Problems
) -> list[str]:
    """Expand a metric's cues; they are compiled together with every other metric's (see `_load`)."""
    out = []
    for i, cue in enumerate(raw):
        try:
            text = _expand_text(cue, fragments)
        except KeyError as e:
            problems.add(fname, key, f"cues[{i}]", f"unknown fragment {{{e.args[0]}}}")
            continue
        except RecursionError as e:
            problems.add(fname, key, f"cues[{i}]", f"fragment cycle {e}")
            continue
        if not _balanced(text):
            _check_cue(fname, key, i, text, problems)
            continue
        out.append(text)
    return out


def _check_cue(fname: str, key: str, index: int, text: str, problems: _Problems) -> bool:
    try:
        regex.compile(text, regex.VERSION1)
    except regex.error as e:
        problems.add(fname, key, f"cues[{index}]", f"invalid regex: {e}")
        return False
    return True


def cue_alternation(metrics: Iterable[Metric]) -> tuple[str, list[str], list[list[Metric]]]:
    """Every metric's cues in one alternation, longest first, cue i in group `c<i>`; the cues; their metrics.

    The semantic layer searches with this one pattern. Loading compiles it to validate the
    cues, and `regex` keeps it in its cache: hundreds of cues compiled one by one were a
    third of `statx extract`'s start-up. The cues of `other` are in it too: words of measures no
    metric counts (增加值, 投资), which win a figure back from a metric's word further away.
    """
    by_cue: dict[str, list[Metric]] = {}
    for metric in metrics:
        for cue in metric.cues:
            by_cue.setdefault(cue, []).append(metric)
    cues = sorted(by_cue, key=_specificity)  # more specific cues win at the same start
    return "|".join(f"(?P<c{i}>{c})" for i, c in enumerate(cues)), cues, [by_cue[c] for c in cues]


#: Characters that make a cue a pattern rather than a literal phrase.
_SPECIAL = frozenset("\\[](){}|?*+.^$")


def _specificity(cue: str) -> tuple[int, int]:
    """Sort key, most specific first: the fewest characters a cue's match takes, then its length.

    The length of a pattern overstates a cue with a lookaround or an optional part
    (`注册(?!护士|会计师)` is longer than `注册用户` but matches only 注册), which then hid
    the longer literal that shares its start.
    """
    if not _SPECIAL.intersection(cue):
        return -len(cue), -len(cue)
    width = shape_of(cue).min_width
    return -(width if width is not None else len(cue)), -len(cue)


def _balanced(pattern: str) -> bool:
    r"""Whether the parentheses of a pattern pair up by themselves (escapes and classes skipped).

    >>> _balanced(r"a(b|\)c)[(]"), _balanced("(?:x"), _balanced("y)")
    (True, False, False)
    """
    depth = 0
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            end = pattern.find("]", i + 2 if pattern.startswith(("[]", "[^]"), i) else i + 1)
            if end < 0:
                return False
            i = end + 1
            continue
        depth += (c == "(") - (c == ")")
        if depth < 0:
            return False
        i += 1
    return depth == 0


def _rule(
    fname: str, raw: Any, index: int, fragments: Mapping[str, str], problems: _Problems, eager: bool = True
) -> Rule | None:
    if not isinstance(raw, dict):
        problems.add(fname, f"rules[{index}]", "-", "each rule must be a mapping with id: and pattern:")
        return None
    rid = raw.get("id")
    if not isinstance(rid, str) or not rid:
        problems.add(fname, f"rules[{index}]", "id", "missing rule id")
        return None
    for key in sorted(set(raw) - _RULE_KEYS):
        problems.add(fname, rid, key, f"unknown field (allowed: {', '.join(sorted(_RULE_KEYS))})")
    kind = raw.get("kind", "figure")
    if kind not in ("figure", "exclude"):
        problems.add(fname, rid, "kind", "must be `figure` or `exclude`")
        return None
    if ("pattern" in raw) == ("words" in raw):
        problems.add(fname, rid, "pattern", "give exactly one of `pattern:` or `words:`")
        return None
    if "words" in raw:
        words = raw["words"]
        if not isinstance(words, list) or not words:
            problems.add(fname, rid, "words", "must be a non-empty list of literal phrases")
            return None
        text = alternation(str(w) for w in words)
    else:
        text = raw["pattern"]
        if not isinstance(text, str):
            problems.add(fname, rid, "pattern", "must be a string")
            return None
    found = _compile(fname, rid, "pattern", text, fragments, problems, eager)
    pattern = found[0] if found else None
    priority = raw.get("priority", 0)
    if not isinstance(priority, int):
        problems.add(fname, rid, "priority", "must be an integer")
        priority = 0
    convert = raw.get("convert", "number")
    if convert not in CONVERTERS:
        problems.add(fname, rid, "convert", f"must be one of {CONVERTERS}")
    qualifier = raw.get("qualifier")
    if qualifier is not None and qualifier not in QUALIFIERS:
        problems.add(fname, rid, "qualifier", f"must be one of {QUALIFIERS}")
    examples = _examples(fname, rid, raw.get("examples"), problems)
    if not examples:
        problems.add(fname, rid, "examples", "every rule needs at least one example")
    if kind == "figure":
        if not any(not ex.expect for ex in examples):
            problems.add(fname, rid, "examples", "a figure rule needs a negative example (expect: [])")
        if not any(ex.expect for ex in examples):
            problems.add(fname, rid, "examples", "a figure rule needs a positive example (non-empty expect)")
        if pattern and "num" not in pattern.groupindex:
            problems.add(fname, rid, "pattern", "a figure rule needs a (?P<num>...) group")
        if pattern and "unit" not in pattern.groupindex and not raw.get("unit"):
            problems.add(
                fname, rid, "pattern", "a figure rule needs a (?P<unit>...) group or a fixed `unit:`"
            )
    if not any(not ex.expect for ex in examples) and kind == "exclude":
        problems.add(fname, rid, "examples", "an exclusion needs a negative example (expect: [])")
    if found is None:
        return None
    return Rule(
        id=rid,
        kind=kind,
        source=found[1],
        priority=priority,
        file=fname,
        unit=str(raw["unit"]) if raw.get("unit") else None,
        convert=convert,
        qualifier=qualifier,
        scope=frozenset(raw.get("scope") or ()),
        tags=frozenset(raw.get("tags") or ()),
        remember=bool(raw.get("remember", False)),
        examples=examples,
    )


def _metric(
    fname: str, raw: Any, index: int, fragments: Mapping[str, str], problems: _Problems
) -> Metric | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("key"), str):
        problems.add(fname, f"metrics[{index}]", "key", "each metric needs `key:`")
        return None
    key = raw["key"]
    for k in sorted(set(raw) - _METRIC_KEYS):
        problems.add(fname, key, k, f"unknown field (allowed: {', '.join(sorted(_METRIC_KEYS))})")
    if not isinstance(raw.get("name"), str):
        problems.add(fname, key, "name", "needs the Chinese display name")
    cues = _cues(fname, key, [str(c) for c in raw.get("cues") or []], fragments, problems)
    examples = _examples(fname, key, raw.get("examples"), problems)
    part_of, part_cues = _part_of(fname, key, raw.get("part_of"), fragments, problems)
    if key != "other":
        if not cues:
            problems.add(fname, key, "cues", "a metric needs at least one cue pattern")
        if not any(any(e.get("metric") == key for e in ex.expect) for ex in examples):
            problems.add(fname, key, "examples", "needs a positive example (a record with this metric)")
        if not any(any(e.get("metric") not in (None, key) for e in ex.expect) for ex in examples):
            problems.add(fname, key, "examples", "needs a negative example (a record with another metric)")
    return Metric(
        key=key,
        name=str(raw.get("name", key)),
        units=frozenset(str(u) for u in raw.get("units") or ()),
        cues=tuple(cues),
        priority=int(raw.get("priority", 0)),
        file=fname,
        examples=examples,
        part_of=part_of,
        part_cues=tuple(part_cues),
    )


def _part_of(
    fname: str, key: str, raw: Any, fragments: Mapping[str, str], problems: _Problems
) -> tuple[str | None, list[str]]:
    """Read a metric's `part_of: {metric: KEY, cues: [...]}`: the whole it narrows, the words saying so."""
    if raw is None:
        return None, []
    if (
        not isinstance(raw, dict)
        or set(raw) != {"metric", "cues"}
        or not isinstance(raw["metric"], str)
        or not isinstance(raw["cues"], list)
        or not raw["cues"]
    ):
        problems.add(fname, key, "part_of", "needs {metric: KEY, cues: [pattern, ...]}")
        return None, []
    cues = []
    for i, cue in enumerate(str(c) for c in raw["cues"]):
        try:
            text = _expand_text(cue, fragments)
            regex.compile(text, regex.VERSION1)
        except KeyError as e:
            problems.add(fname, key, f"part_of.cues[{i}]", f"unknown fragment {{{e.args[0]}}}")
            continue
        except (RecursionError, regex.error) as e:
            problems.add(fname, key, f"part_of.cues[{i}]", f"invalid regex: {e}")
            continue
        cues.append(text)
    return raw["metric"], cues


def load_rules(
    extra: Sequence[str | Path] = (), *, builtin: bool = True, eager: bool = False, examples: bool = True
) -> RuleSet:
    """Load the built-in rules plus any user folders, validated and compiled.

    A user rule or metric with the id of a built-in one replaces it, so a user can fix a
    rule without forking statx; two definitions of one id inside one folder is an error.

    A user's patterns are compiled here, so that a broken one is reported before any
    output. The built-in ones, checked by the test suite (`statx rules check`), are
    compiled when a document first needs them: compiling every pattern was a third of
    `statx extract one.txt`, and most articles need only some of them.

    Args:
        extra: user rule folders (or single .yaml files), applied after the built-ins.
        builtin: include the rules shipped with statx.
        eager: compile and check the built-in patterns here too (`statx rules check`).
        examples: keep each rule's examples (`statx rules test`). They are checked either
            way; a process that only extracts has no use for them, and without them it holds
            about 3 MB less, as does every worker of a `--jobs` run.

    Returns:
        The RuleSet.

    Raises:
        RuleError: with every problem found, each as `file:rule-id:field: message`.
    """
    if not extra and builtin and not eager:
        return _builtin_rules(examples)  # shipped files do not change under a running process
    return _load(tuple(str(p) for p in extra), builtin, eager, examples)


@functools.cache
def _builtin_rules(examples: bool) -> RuleSet:
    return _load((), True, eager=False, examples=examples)


def _load(extra: tuple[str, ...], builtin: bool, eager: bool, examples: bool = True) -> RuleSet:
    problems = _Problems()
    folders: list[Path] = [builtin_rules_dir()] if builtin else []
    folders += [Path(p) for p in extra]
    docs: list[tuple[str, dict[str, Any]]] = []  # (name shown in messages, parsed YAML)
    origin: dict[str, int] = {}  # file name -> index of the folder it came from
    for n, folder in enumerate(folders):
        if folder.is_file():
            files = [folder]
        elif folder.is_dir():
            files = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
            if not files:
                problems.add(str(folder), "-", "-", "no .yaml rule files in this folder")
        else:
            problems.add(str(folder), "-", "-", "rules folder not found")
            continue
        for path in files:
            shown = f"rules/{path.name}" if n == 0 and builtin else str(path)
            docs.append((shown, _load_yaml(path, problems, shown)))
            origin[shown] = n

    fragments, qualifier_words, aliases = _lexicon_fragments(docs, problems)
    # a user's fragment is compiled on its own too: one that no rule uses yet would otherwise
    # break only the day a rule first does, far from the line that is wrong
    checked: dict[str, str] = {}  # fragment -> the file it came from, for those to compile
    for fname, data in docs:
        for name, body in (data.get("fragments") or {}).items():
            if not regex.fullmatch(r"[A-Z][A-Z0-9_]*", str(name)):
                problems.add(fname, f"fragments.{name}", "name", "fragment names are UPPER_CASE")
            fragments[str(name)] = alternation(body) if isinstance(body, list) else str(body)
            if eager or not (builtin and origin[fname] == 0):
                checked[str(name)] = fname
    for name in list(fragments):
        try:
            expanded = expand_fragment(name, fragments)
        except KeyError as e:
            problems.add("fragments", name, "-", f"unknown fragment {{{e.args[0]}}}")
        except RecursionError as e:
            problems.add("fragments", name, "-", f"fragment cycle {e}")
        else:
            if name in checked:
                try:
                    regex.compile(expanded)
                except regex.error as e:
                    problems.add(checked[name], f"fragments.{name}", "-", f"invalid regex: {e}")

    words: dict[str, list[str]] = {}
    for fname, data in docs:
        for name, items in (data.get("words") or {}).items():
            if not isinstance(items, list) or not all(isinstance(w, str) for w in items):
                problems.add(fname, f"words.{name}", "-", "must be a list of literal phrases")
                continue
            words.setdefault(str(name), []).extend(items)  # a user's list extends the built-in one

    rules: dict[str, Rule] = {}
    metrics: dict[str, Metric] = {}
    seen_in: dict[str, int] = {}  # id -> folder index, to tell a duplicate from an override
    for fname, data in docs:
        src = origin[fname]
        for i, raw in enumerate(data.get("rules") or []):
            rule = _rule(fname, raw, i, fragments, problems, eager or not (builtin and src == 0))
            if rule is None:
                continue
            if rule.id in rules and seen_in.get(rule.id) == src:
                problems.add(fname, rule.id, "id", f"duplicate rule id (also in {rules[rule.id].file})")
            rules[rule.id] = rule
            seen_in[rule.id] = src
        for i, raw in enumerate(data.get("metrics") or []):
            metric = _metric(fname, raw, i, fragments, problems)
            if metric is None:
                continue
            if metric.key in metrics and seen_in.get("metric:" + metric.key) == src:
                problems.add(fname, metric.key, "key", "duplicate metric key")
            metrics[metric.key] = metric
            seen_in["metric:" + metric.key] = src
    cue_pattern, _, _ = cue_alternation(metrics.values())
    if cue_pattern:
        try:
            compile_pattern(cue_pattern, regex.VERSION1)
        except regex.error:  # say which cue: only now is each compiled by itself
            for metric in metrics.values():
                for i, cue in enumerate(metric.cues):
                    _check_cue(metric.file, metric.key, i, cue, problems)
    for metric in metrics.values():
        if metric.part_of is not None and metric.part_of not in metrics:
            problems.add(metric.file, metric.key, "part_of", f"no metric has key {metric.part_of!r}")
    figure_tags = {t for r in rules.values() if r.kind == "figure" for t in (*r.tags, r.id)}
    for r in rules.values():
        for s in sorted(r.scope - figure_tags):
            problems.add(r.file, r.id, "scope", f"no figure rule has id or tag {s!r}")
    if problems.items:
        raise RuleError(problems.items)
    if not examples:  # checked above; a process that only extracts has no use for them
        rules = {k: replace(r, examples=()) for k, r in rules.items()}
        metrics = {k: replace(m, examples=()) for k, m in metrics.items()}
    ordered = sorted(rules.values(), key=lambda r: (-r.priority, r.id))
    return RuleSet(
        figures=tuple(r for r in ordered if r.kind == "figure"),
        exclusions=tuple(r for r in ordered if r.kind == "exclude"),
        metrics=tuple(metrics.values()),
        qualifier_words=qualifier_words,
        unit_aliases=aliases,
        fragments=fragments,
        words={k: tuple(v) for k, v in words.items()},
        with_examples=examples,
    )
