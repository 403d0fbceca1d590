"""Fold characters and drop pinyin noise, keeping an exact map back to the raw text.

Rules match on *prepared* text: full-width forms folded to ASCII, Traditional
characters turned into Simplified, pinyin annotations such as ``農(nóng)``
removed.  Every record must still point at the figure's own characters in the
source as read, so each piece of prepared text remembers which raw characters
it came from.  The map is a short list of segments, not one entry per
character: a segment either maps characters one to one (same length; the
characters themselves may differ after folding) or is *atomic* (an entity
decoded, a tag turned into a line break), in which case any position inside it
maps to the whole raw segment.

Everything here works on whole runs with C-level string operations rather
than Python loops over characters, because the whole pipeline has to run at
several million characters a second: each content run is split once on a
noise pattern, and the assembled text is folded once (``str.replace``, one
OpenCC call), which is safe because folding never changes the length.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

import opencc

__all__ = ["OffsetMap", "Prepared", "TextBuilder", "fold_text", "normalize"]

# --- character folding -------------------------------------------------------

# The full-width characters a Chinese article is full of; ``str.replace`` on
# these is an order of magnitude faster than ``str.translate`` on CJK text.
_COMMON_WIDE = tuple((chr(c), chr(c - 0xFEE0)) for c in map(ord, "，：；（）％！？"))
# The minus sign, the figure and en dashes and the small signs a PDF or a word processor puts
# before a change or between the ends of a range ((−1.11%), 10%–20%, 2–4个) fold to ASCII too, so
# the sign and the range read as typed ones do; the em dash (——) is Chinese punctuation and stays.
_SIGNS = {"\u2012": "-", "\u2013": "-", "\u2212": "-", "\ufe62": "+", "\ufe63": "-"}
# The small percent sign (U+FE6A) of Big5-era Hong Kong, Macau and Taiwan pages (增加8﹪) is a
# percent sign like the full-width one; folded, the share reads as a figure.
_SMALL_FORMS = {"\ufe6a": "%"}
_RARE_WIDE = re.compile(
    "[\uff01-\uff5e\u00a0\u2000-\u200a\u202f\u205f\u3000\u2012\u2013\u2212\ufe62\ufe63\ufe6a]"
)
_RARE_WIDE_MAP = (
    {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
    | {chr(c): " " for c in (0x00A0, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)}
    | _SIGNS
    | _SMALL_FORMS
)


def _fold_rare(match: re.Match[str]) -> str:
    return _RARE_WIDE_MAP[match.group()]


def _fold_width(text: str) -> str:
    """Fold full-width ASCII and ``﹪`` to ASCII, exotic spaces to a space, signs to ``+``/``-``; length kept.

    >>> _fold_width("１２３，ＡＰＰ\\u3000\\u00a0")
    '123,APP  '
    >>> _fold_width("(\\u22121.11%)，10%\\u201320%，——")
    '(-1.11%),10%-20%,——'
    >>> _fold_width("增加8\\ufe6a")
    '增加8%'
    """
    for wide, narrow in _COMMON_WIDE:
        text = text.replace(wide, narrow)
    if _RARE_WIDE.search(text):
        text = _RARE_WIDE.sub(_fold_rare, text)
    return text


@functools.cache
def _converter() -> opencc.OpenCC:
    # Loaded on first use: reading the dictionaries costs time that
    # `statx --version` should not pay.
    return opencc.OpenCC("t2s")


def _t2s(text: str) -> str:
    """Convert Traditional to Simplified with OpenCC (phrase-aware, may in principle change length)."""
    return str(_converter().convert(text))


def _to_simplified(text: str) -> str:
    """Convert to Simplified without changing the length, so offsets stay one to one.

    OpenCC converts by phrases, and a phrase table may map to a different
    length.  Then convert line by line, and only in a line that still changes
    length fall back to character by character, keeping any character whose
    own conversion is not a single character.

    >>> _to_simplified("鎮遠縣")
    '镇远县'
    """
    out = _t2s(text)
    if len(out) == len(text):
        return out
    return "".join(_simplify_line(line) for line in text.splitlines(keepends=True))


def _simplify_line(line: str) -> str:
    out = _t2s(line)
    if len(out) == len(line):
        return out
    return "".join(_simplify_char(char) for char in line)


def _simplify_char(char: str) -> str:
    out = _t2s(char)
    return out if len(out) == 1 else char


def fold_text(text: str) -> str:
    """Normalise the characters of one run without changing its length.

    Full-width ASCII (U+FF01..U+FF5E) becomes ASCII, U+3000, NBSP and the other
    fixed-width spaces become a plain space, and Traditional characters become
    Simplified (OpenCC ``t2s``).  Keeping the length is what lets the offset
    map stay one to one over folded runs.

    Args:
        text: one run of content text.

    Returns:
        The folded run, exactly as long as ``text``.

    >>> fold_text("鎮遠縣有８鎮４鄉，共１２３起（＋3.88％）")
    '镇远县有8镇4乡,共123起(+3.88%)'
    >>> fold_text("二○二三年")
    '二〇二三年'
    >>> fold_text("plain ASCII stays")
    'plain ASCII stays'
    """
    if text.isascii():
        return text
    return _fold_chunk_mark(
        _fold_stray_comma(_fold_decimal_dot(_fold_zero(_fold_variants(_to_simplified(_fold_width(text))))))
    )


# A document site's preview (the 文档简介 of a shared PDF or Word file) cuts the text into numbered
# chunks, 1、… 2、… 3、…, wherever a page of the preview ends, even inside a figure: 保有量为3.46⏎⏎2、万辆.
# A chunk's number at the start of a line, right after a digit that ends the line before and right
# before a magnitude or a measure word, is no list item's number (an item opens with its words, and the
# line before it ends with a stop): it is blanked and one line break kept, so the figure reads across it.
_CHUNK_MARK = re.compile(
    r"(?<=\d)[ \t]?\n\n?\d{1,2}、"
    r"(?=[万亿%‰]|(?:人次|辆次|辆|起|人|元|件|名|宗|个|次|户|家|处|条|场)(?![\u3400-\u9fff]))"
)


def _fold_chunk_mark(text: str) -> str:
    r"""Blank a preview chunk's number cutting a figure from its unit, keeping the length.

    >>> _fold_chunk_mark("货车保有量为3.46\n\n2、万辆，同比增长")
    '货车保有量为3.46 \n  万辆，同比增长'
    >>> _fold_chunk_mark("共计120\n2、人员培训")
    '共计120\n2、人员培训'
    """
    if "、" not in text or "\n" not in text:
        return text
    return _CHUNK_MARK.sub(_blank_mark, text)


def _blank_mark(match: re.Match[str]) -> str:
    """The blank for one chunk mark: one line break, at most two spaces on either side of it."""
    size = len(match.group())
    after = min(2, size - 1)
    before = size - 1 - after
    return match.group() if before > 2 else " " * before + "\n" + " " * after


def _fold_stray_comma(text: str) -> str:
    """Blank a comma right before an enumeration comma (分别下降14.5%,、4%、26.5%), keeping the length.

    Some mirrors leave a comma after every annotated run, so one lands before a 、; no writer puts
    both, and with it a 分别 list would lose its items after the first.

    >>> _fold_stray_comma("分别下降14.5%,、4%")
    '分别下降14.5% 、4%'
    """
    return text.replace(",、", " 、") if ",、" in text else text


# Variant forms that OpenCC's t2s leaves alone, as a Japanese input method or a mirror writes them
# (排查隐患1.06万処, 查処酒驾, 公安厛, 成傚): the Simplified character each stands for, one for one.
# Hong Kong papers write 劫 as 刧 (行刧案, 持械行刧): the same crime.
_VARIANTS = str.maketrans("処厛傚刧", "处厅效劫")
_VARIANT = re.compile("[処厛傚刧]")


def _fold_variants(text: str) -> str:
    """Write the Simplified character for a variant OpenCC keeps (処 -> 处), keeping the length.

    >>> _fold_variants("整改隐患320処，查処酒驾12起")
    '整改隐患320处，查处酒驾12起'
    >>> _fold_variants("持械行刧案3宗")
    '持械行劫案3宗'
    """
    return text.translate(_VARIANTS) if _VARIANT.search(text) else text


#: The digits of a Chinese numeral, zero written both ways.
_CN_DIGITS = "一二三四五六七八九〇零"

# A middle dot typed or scanned for the decimal point (挽回损失20·2亿元, 下降3‧5%): between digits
# and before the ten thousands, hundred millions, a per cent or yuan that only an amount takes.
# The same dot between the digits of a date named event ("6·26"国际禁毒日, 3·15期间) has no such
# word after it and stays.
_MIDDLE_DOTS = "\u00b7\u2027\u30fb\u2219"
_DECIMAL_DOT = re.compile(f"(?<=\\d)[{_MIDDLE_DOTS}](?=\\d{{1,6}}(?:[万亿]|%|‰|个百分点|元))")
_DOT_GATE = re.compile(f"\\d[{_MIDDLE_DOTS}]\\d")


# Old Taiwan papers write the 点 of a Chinese decimal as a bullet or a middle dot (百分之八十七•五,
# 高出二•六个百分点): between Chinese numerals, after 百分之 or before a unit only an amount or a
# rate takes, it is the decimal point. A dot between the numerals of a named day (九•一八, 五•一期间)
# has neither and stays. Taiwan papers that write numbers digit by digit also put a full stop there
# (破案率七三.一%): the same gate reads it. So is a dot before a weight (緝獲大麻二五·四公斤,
# 菸絲一二·六公噸): a seizure's kilos and tonnes take decimals, a named day never a weight.
_DOTS = "\u2022" + _MIDDLE_DOTS + ".\uff0e"
_CN_DECIMAL_DOT = re.compile(
    f"(?<=百分之)([{_CN_DIGITS}十]{{1,4}})[{_DOTS}](?=[{_CN_DIGITS}])"
    f"|(?<=[{_CN_DIGITS}十])()[{_DOTS}](?=[{_CN_DIGITS}]{{1,4}}"
    f"(?:个百分点|个千分点|分(?!之)|倍|万|亿|元|%|公斤|千克|公吨|公噸|克|吨|噸))"
)
_CN_DOT_GATE = re.compile(f"[{_CN_DIGITS}十][{_DOTS}][{_CN_DIGITS}]")


# A mirror that breaks a decimal leaves a blank and a full stop for its point (查获冰毒36 。5克):
# a blank right before 。 has no place in a sentence's end, and with digits right after it and a unit
# only an amount or a rate takes, the two marks stand for the point. The digits after it move up one
# place and the blank goes before the unit (36.5 克), keeping the length; a stop with no blank
# before it (拨打110。10万元…) ends its sentence and stays.
_SPACED_STOP = re.compile(r"(?<=\d)[ \t]。(\d{1,3})(?=(?:[万亿]|%|‰|个百分点|元|克|千克|公斤|吨))")


def _fold_decimal_dot(text: str) -> str:
    """Write a decimal point for a middle dot inside an amount, keeping the length.

    >>> _fold_decimal_dot("损失20·2亿元，下降3‧5%，“6·26”国际禁毒日，3·15期间，1·5万人")
    '损失20.2亿元，下降3.5%，“6·26”国际禁毒日，3·15期间，1.5万人'

    and 点 for one inside a Chinese decimal:

    >>> _fold_decimal_dot("达百分之八十七•五，高出二•六个百分点，九•一八纪念日")
    '达百分之八十七点五，高出二点六个百分点，九•一八纪念日'

    and for a full stop between numerals written digit by digit:

    >>> _fold_decimal_dot("破获率六二.五%，一.加强巡逻")
    '破获率六二点五%，一.加强巡逻'

    and for a dot inside a weight written digit by digit:

    >>> _fold_decimal_dot("缉获大麻二五·四公斤，烟丝一二·六公吨，五·一期间")
    '缉获大麻二五点四公斤，烟丝一二点六公吨，五·一期间'

    and for a blank and a full stop a mirror left for the point of a weight or a sum:

    >>> _fold_decimal_dot("查获冰毒36 。5克，罚没3 。25万元；报警电话110。12起")
    '查获冰毒36.5 克，罚没3.25 万元；报警电话110。12起'
    """
    if " 。" in text or "\t。" in text:
        text = _SPACED_STOP.sub(lambda m: "." + m.group(1) + " ", text)
    if _DOT_GATE.search(text):
        text = _DECIMAL_DOT.sub(".", text)
    if _CN_DOT_GATE.search(text):
        text = _CN_DECIMAL_DOT.sub(lambda m: (m.group(1) or "") + "点", text)
    return text


# A circle or a letter O typed for 〇 inside a Chinese numeral (二○二三年, 二O一九年); a circle
# also after a place word or 之, where Hong Kong and Macau papers write the zero of a count or a
# share (一千○五十宗, 百分之○点七): a letter O or a digit 0 there stays, as 万O or 之0 may be anything;
# and a circle ending a number Taiwan's papers write digit by digit (嫌犯五二三○人): after two
# numerals, so a lone 一○ stays.
_ZERO_MARKS = re.compile("[○◯OΟ0]")
_ZERO_LIKE = re.compile(
    f"[{_CN_DIGITS}]{_ZERO_MARKS.pattern}+(?=[{_CN_DIGITS}年])|[十百千万之][○◯]+(?=[{_CN_DIGITS}点])"
    f"|(?<=[{_CN_DIGITS}][{_CN_DIGITS}])[○◯]+"
)


def _fold_zero(text: str) -> str:
    """Write 〇 for the look-alikes of it between Chinese numerals, and 0 between digits, keeping the length.

    >>> _fold_zero("二○二三年，二O一九年，一〇〇OK，A0二")
    '二〇二三年，二〇一九年，一〇〇OK，A0二'
    >>> _fold_zero("录得两千○六十宗，升百分之○点三，○ 一是")
    '录得两千〇六十宗，升百分之〇点三，○ 一是'
    >>> _fold_zero("查获嫌犯五二三○人，一○")
    '查获嫌犯五二三〇人，一○'

    A letter O between Arabic digits is an OCR's zero, unless the number touches a letter:

    >>> _fold_zero("抓获2O76名，1oO5起，编号A1O2，10Oct")
    '抓获2076名，1005起，编号A1O2，10Oct'
    """
    text = _ZERO_LIKE.sub(lambda m: _ZERO_MARKS.sub("〇", m.group()), text)
    return _ARABIC_O.sub(_zero_digits, text) if _O_IN_NUMBER.search(text) else text


# A letter O that a scanned page's OCR read for the zero inside an Arabic number (抓获2O76名,
# 1o5起): between digits, in a number that touches no Latin letter (an id such as A1O2 or
# 1O1A stays as written).
_ARABIC_O = re.compile(r"(?<![A-Za-z0-9])[0-9]+(?:[OoΟ]+[0-9]+)+(?![A-Za-z])")
_O_TO_ZERO = str.maketrans("OoΟ", "000")
#: What any such number holds: asked first, as most texts have none (an `o` of English is common).
_O_IN_NUMBER = re.compile(r"[0-9][OoΟ]+[0-9]")


def _zero_digits(match: re.Match[str]) -> str:
    return match.group().translate(_O_TO_ZERO)


# --- noise removal -------------------------------------------------------------

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_PINYIN_LETTER = f"a-z{_TONED}"
_NEUTRAL = "men|de|le|zi|me|ma|ne|ba|zhe|ge|guo"
# A syllable with its tone as a digit (`農(nong2)`, `萬(wan4)`), as some converters write
# it: an initial and a final, or a final of its own that starts with a, e or o, so that
# `(v2)`, `(i3)` or `(cm2)` are no syllables.
_NUMBERED = r"(?:(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])[aeiouüv]{1,3}|[aeo][aeiou]{0,2})(?:ng|n|r)?[1-5]"
# One syllable: at most 7 letters and a tone digit, ending at a blank or the closing bracket.
_SYLLABLE = (
    rf"(?=[{_PINYIN_LETTER}]{{1,7}}[1-5]?[ )）])"
    rf"(?:[a-z]*[{_TONED}][{_PINYIN_LETTER}]*|(?:{_NEUTRAL}|{_NUMBERED})(?=[ )）]))"
)

# A zhuyin (bopomofo) syllable, as Taiwan's papers gloss a character (`詐（ㄓㄚˋ）騙`,
# `竊(ㄑㄧㄝˋ)盜`): up to four bopomofo letters, the neutral-tone dot before them or a tone
# mark after; the letters are no Han characters, so they can never be the text's own words.
_ZHUYIN = "˙?[\u3105-\u312f\u31a0-\u31bf]{1,4}[ˊˇˋ˙ˉ]?(?=[ )）])"
# One reading of a character or a word's syllable: pinyin or zhuyin.
_READING = f"(?:{_SYLLABLE}|{_ZHUYIN})"
# A toneless syllable alone in its brackets right after a Han character, as content farms
# gloss words at random (`其(qi)中`, `新(xin)华社`, `搜(sou)救`): an initial (or none) and a
# final from pinyin's table, two to six lowercase letters and nothing else in the brackets,
# so an enumerator (`(a)`), a unit (`(km)`, `(kg)`), an acronym (`(APP)`, `(GPS)`) or
# English words (`(de facto)`) stay.
_TONELESS = (
    r"(?=[a-zü]{2,6}[)）])(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|iao|ian|ang|eng|ing|ong|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|iu|in"
    r"|ua|uo|ui|un|ue|üe|ve|a|o|e|i|u|ü|v)(?=[)）])"
)

# Removed from prepared text (a zero-length segment):
# - a pinyin annotation right after a Han character: `農(nóng)`, `農（nóng）`,
#   `們(men)`, `農(nong2)`, or a word's, its syllables split by blanks
#   (`交通事故(jiāo tōng shì gù)`); each syllable at most 7 letters, with a tone
#   mark, a tone digit or from the short list of toneless neutral syllables, so
#   `(含两轮车)`, `(+3.88%)`, `(APP)`, `(v2)`, `(de facto)` stay; zhuyin the same way
#   (`竊（ㄑㄧㄝˋ）盜`, `車手（ㄔㄜ ㄕㄡˇ）`);
# - the same annotation set off by one blank, as some converters and editors
#   write it (`4.8萬 (wàn)餘份`, `嫌疑人 (xián yí rén)297名`): the blank goes with it,
#   or it would cut the figure from its unit;
# - zero-width characters and the soft hyphen, which can split a number; between
#   two digits, with the blank beside them too (`6 \u200b 8 52起` is 6852 起): a
#   renderer's marker inside one number, never a gap between two;
# - the CR of a CRLF pair.
# It runs on raw text (folding comes later, over the whole text), hence both
# kinds of parentheses.  The outer group makes `split` return the dropped
# pieces too, to count offsets.  Every match starts with one character of one
# class, which the lookbehinds then tell apart (a blank opens one only
# before a bracket, so the many blanks of a text cost one failed test each): a pattern that starts with a
# single class lets `re` skip ahead to candidates, twice as fast as trying
# three alternatives at every character.
_NOISE = re.compile(
    r"([(（ \u3000\u00ad\u200b-\u200d\u2060\ufeff\r]"
    rf"(?:(?<=[{_HAN}][(（])(?:{_READING}(?: {_READING}){{0,7}}|{_TONELESS})[)）]"
    rf"|(?<=[{_HAN}][ \u3000])[(（]{_READING}(?: {_READING}){{0,7}}[)）]"
    r"|(?<=\d[ \u3000])[\u00ad\u200b-\u200d\u2060\ufeff]+[ \u3000]?(?=\d)"
    r"|(?<=[\u00ad\u200b-\u200d\u2060\ufeff])(?:(?<=\d.)[ \u3000](?=\d))?"
    r"|(?<=\r)(?=\n)))"
)


# What an annotation in a run of its own opens with, and the character it must follow.
_ANNOTATION_OPENERS = frozenset("(（ \u3000")
_HAN_CHAR = re.compile(f"[{_HAN}]")


# --- offset map ----------------------------------------------------------------


@dataclass(slots=True)
class OffsetMap:
    """Map prepared-text positions back to raw-text positions.

    Segment ``i`` maps ``prepared[new_starts[i]:new_starts[i] + new_lens[i]]``
    to ``raw[raw_starts[i]:raw_starts[i] + raw_lens[i]]``.  Equal lengths map
    character by character; unequal lengths are atomic.  Only segments that
    produce prepared text are stored: raw text that was dropped (tags, front
    matter, pinyin) simply lies between two segments, so ``new_starts`` is
    strictly increasing and a lookup is one ``bisect``.
    """

    new_starts: list[int] = field(default_factory=list)
    new_lens: list[int] = field(default_factory=list)
    raw_starts: list[int] = field(default_factory=list)
    raw_lens: list[int] = field(default_factory=list)

    @property
    def length(self) -> int:
        """Length of the prepared text the map covers."""
        return self.new_starts[-1] + self.new_lens[-1] if self.new_starts else 0

    def _raw_start_of(self, pos: int) -> int:
        i = bisect_right(self.new_starts, pos) - 1
        if self.new_lens[i] != self.raw_lens[i]:
            return self.raw_starts[i]
        return self.raw_starts[i] + (pos - self.new_starts[i])

    def _raw_end_of(self, pos: int) -> int:
        i = bisect_right(self.new_starts, pos) - 1
        if self.new_lens[i] != self.raw_lens[i]:
            return self.raw_starts[i] + self.raw_lens[i]
        return self.raw_starts[i] + (pos - self.new_starts[i]) + 1

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map prepared ``[start, end)`` to the raw ``[s, e)`` it came from.

        ``s`` is where the raw source of character ``start`` begins and ``e``
        where the raw source of character ``end - 1`` ends, so a match that
        starts or ends inside an atomic segment takes all of it.  An empty
        range maps to an empty raw range at the start of ``start``'s source
        (or after the last segment when ``start`` is the end of the text).

        Args:
            start: first prepared position, ``0 <= start <= end``.
            end: prepared position after the last one, ``<= len(text)``.

        Returns:
            ``(s, e)`` with ``raw[s:e]`` the figure's own characters.

        Raises:
            ValueError: if the range lies outside the prepared text.

        >>> b = TextBuilder()
        >>> b.append_same(0, 2, "12")
        >>> b.append_replace(2, 7, "3")      # raw '&#51;'
        >>> b.append_same(7, 8, "人")
        >>> omap = b.build().offsets
        >>> omap.to_raw(0, 4), omap.to_raw(1, 2), omap.to_raw(2, 3), omap.to_raw(4, 4)
        ((0, 8), (1, 2), (2, 7), (8, 8))
        """
        if not 0 <= start <= end <= self.length:
            raise ValueError(f"range [{start}, {end}) outside prepared text of length {self.length}")
        if start == end:
            if start == self.length:
                point = self.raw_starts[-1] + self.raw_lens[-1] if self.raw_starts else 0
            else:
                point = self._raw_start_of(start)
            return point, point
        return self._raw_start_of(start), self._raw_end_of(end - 1)


@dataclass(slots=True)
class Prepared:
    """The text rules match on, with its map back to the raw document."""

    text: str
    offsets: OffsetMap

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a match ``[start, end)`` in :attr:`text` to raw offsets (see :meth:`OffsetMap.to_raw`)."""
        return self.offsets.to_raw(start, end)


class TextBuilder:
    """Assemble prepared text piece by piece, in raw order, recording the offset map.

    Markup handlers call :meth:`append_text` for content runs,
    :meth:`append_replace` for entities and tags, and simply skip raw text
    that should vanish: a gap in raw offsets needs no segment.  Pieces are
    given unfolded; :meth:`build` folds the whole text at once, so that
    per-run overhead (an OpenCC call per tag-delimited run) is paid once per
    document, and OpenCC sees whole phrases across inline tags.
    """

    __slots__ = ("_can_extend", "_length", "_map", "_parts")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._map = OffsetMap()
        self._length = 0
        self._can_extend = False

    def append_same(self, raw_start: int, raw_end: int, text: str) -> None:
        """Append ``text`` mapped character by character to ``raw[raw_start:raw_end]``.

        Args:
            raw_start: raw offset of the first character.
            raw_end: raw offset after the last character.
            text: the characters (before folding), exactly ``raw_end - raw_start`` of them.

        Raises:
            ValueError: if the lengths differ.
        """
        size = len(text)
        if size != raw_end - raw_start:
            raise ValueError(f"append_same: {size} chars for raw [{raw_start}, {raw_end})")
        if not size:
            return
        omap = self._map
        self._parts.append(text)
        if self._can_extend and omap.raw_starts[-1] + omap.raw_lens[-1] == raw_start:
            # Contiguous in both texts: grow the last segment instead of adding one.
            omap.new_lens[-1] += size
            omap.raw_lens[-1] += size
        else:
            omap.new_starts.append(self._length)
            omap.new_lens.append(size)
            omap.raw_starts.append(raw_start)
            omap.raw_lens.append(size)
            self._can_extend = True
        self._length += size

    def append_replace(self, raw_start: int, raw_end: int, text: str) -> None:
        """Append ``text`` standing for all of ``raw[raw_start:raw_end]`` (an atomic segment).

        An empty ``text`` drops the raw span; nothing needs recording.
        """
        if not text:
            return
        omap = self._map
        self._parts.append(text)
        omap.new_starts.append(self._length)
        omap.new_lens.append(len(text))
        omap.raw_starts.append(raw_start)
        omap.raw_lens.append(raw_end - raw_start)
        self._length += len(text)
        self._can_extend = False

    def append_text(self, raw_start: int, text: str) -> None:
        """Append one content run read from ``raw[raw_start:]``, leaving out pinyin noise.

        One ``split`` on the noise pattern yields kept and dropped pieces
        alternately; each kept piece becomes a one-to-one segment. A run that opens
        with a bracket or a blank is split together with the character before it, so
        an annotation in a tag of its own (``<span>萬</span><span>(wàn)</span>``)
        is seen after its Han character too.

        >>> b = TextBuilder()
        >>> b.append_text(0, "3萬")
        >>> b.append_text(9, " (wan4)餘輛")
        >>> b.build().text
        '3万余辆'
        """
        lead = self._han_before(text)
        if not lead and text.isascii() and "\r" not in text:  # e.g. whitespace between tags: no noise
            self.append_same(raw_start, raw_start + len(text), text)
            return
        pieces = _NOISE.split(lead + text)  # kept, dropped, kept, ..., kept
        if lead:
            pieces[0] = pieces[0][1:]  # the character before the run: already appended
        self.append_same(raw_start, raw_start + len(pieces[0]), pieces[0])
        if len(pieces) == 1:
            return
        lens = [len(piece) for piece in pieces]
        starts = list(accumulate(lens, initial=raw_start))
        omap = self._map
        length = self._length
        for size, start in zip(lens[2::2], starts[2::2], strict=True):
            if size:
                omap.new_starts.append(length)
                omap.new_lens.append(size)
                omap.raw_starts.append(start)
                omap.raw_lens.append(size)
                length += size
                self._can_extend = True  # the last segment is one to one again
        self._parts.extend(pieces[2::2])
        self._length = length

    def _han_before(self, text: str) -> str:
        """The Han character the text so far ends with, when `text` may open an annotation of it."""
        if not text or text[0] not in _ANNOTATION_OPENERS or not self._parts:
            return ""
        last = self._parts[-1][-1:]
        return last if _HAN_CHAR.match(last) else ""

    def build(self) -> Prepared:
        """Fold the assembled text (same length, so the map holds) and return it with its map."""
        return Prepared(fold_text("".join(self._parts)), self._map)


def normalize(raw: str) -> Prepared:
    """Prepare plain text: fold characters and remove pinyin annotations, keeping the offset map.

    Args:
        raw: the whole document as read (no markup handling here; see
            :func:`statx.markup.prepare`).

    Returns:
        The prepared text and its map back to ``raw``.

    >>> raw = "鎮(zhèn)遠(yuǎn)縣有８鎮(zhèn)"
    >>> p = normalize(raw)
    >>> p.text
    '镇远县有8镇'
    >>> s, e = p.to_raw(4, 6)
    >>> s, e, raw[s:e]
    (16, 18, '８鎮')
    """
    builder = TextBuilder()
    builder.append_text(0, raw)
    return builder.build()
