"""Tests for statx.normalize: character folding, pinyin removal and the offset map."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import statx.normalize as nz
from statx import extract_text
from statx.normalize import OffsetMap, TextBuilder, fold_text, normalize

DIGITS = re.compile(r"\d+")


def digits(text: str) -> str:
    return "".join(re.findall(r"\d", text))


def check_map(omap: OffsetMap, raw_len: int) -> None:
    """Segments are ordered, non-overlapping and inside both texts."""
    prev_new = prev_raw = 0
    for n0, nlen, o0, olen in zip(
        omap.new_starts, omap.new_lens, omap.raw_starts, omap.raw_lens, strict=True
    ):
        assert nlen > 0
        assert n0 == prev_new  # prepared text is covered without gaps
        assert o0 >= prev_raw and olen >= 0 and o0 + olen <= raw_len
        prev_new, prev_raw = n0 + nlen, o0 + olen


# --- fold_text -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("１２３４５６７８９０", "1234567890"),
        ("ＡＢＣａｂｃ！～", "ABCabc!~"),
        ("，：；（）％", ",:;()%"),
        ("a\u3000b\u00a0c\u2002d", "a b c d"),
        ("鎮遠縣農村片區", "镇远县农村片区"),
        ("機動車保有量3萬余輛", "机动车保有量3万余辆"),
        ("已经是简体", "已经是简体"),
        ("挽回損失20·2億元，“6·26”國際禁毒日", "挽回损失20.2亿元,“6·26”国际禁毒日"),
        ("違例泊車上升12\ufe6a", "违例泊车上升12%"),
        ("", ""),
    ],
)
def test_fold_text(text: str, expected: str) -> None:
    assert fold_text(text) == expected


@given(st.text())
def test_fold_text_keeps_length(text: str) -> None:
    assert len(fold_text(text)) == len(text)


def test_fold_text_falls_back_to_chars_when_t2s_changes_length(monkeypatch: pytest.MonkeyPatch) -> None:
    # A stand-in converter whose conversion of 龘 changes the length: only the
    # line holding it is converted char by char, keeping 龘 itself.
    calls: list[str] = []

    def fake_t2s(text: str) -> str:
        calls.append(text)
        return text.replace("體", "体").replace("龘", "龙龙")

    monkeypatch.setattr(nz, "_t2s", fake_t2s)
    assert fold_text("體１\n龘體\r\n體") == "体1\n龘体\r\n体"
    assert calls == ["體1\n龘體\r\n體", "體1\n", "龘體\r\n", "龘", "體", "\r", "\n", "體"]
    prepared = normalize("共1體\n龘")
    assert prepared.text == "共1体\n龘"
    assert prepared.to_raw(4, 5) == (4, 5)


# --- noise removal ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("農(nóng)村", "农村"),
        ("農（nóng）村", "农村"),
        ("綠(lǜ)色", "绿色"),
        ("我們(men)的(de)", "我们的"),
        ("農(nong2)村(cun1)", "农村"),
        ("受教育群眾3.6萬(wan4)人次", "受教育群众3.6万人次"),
        ("綠(lv4)色(se4)", "绿色"),
        ("愛(ai4)", "爱"),
        ("交通事故(jiāo tōng shì gù)1503起", "交通事故1503起"),
        ("農村(nong2 cun1)", "农村"),
        ("鎮(zhèn)遠(yuǎn)縣有8鎮(zhèn)4鄉(xiāng)", "镇远县有8镇4乡"),
        ("發放資料4.8萬 (wàn)餘份", "发放资料4.8万余份"),  # set off by a blank, which goes too
        ("嫌疑人 （xián yí rén）297名", "嫌疑人297名"),
        ("農\u3000(nong2)村", "农村"),
        ("竊（ㄑㄧㄝˋ）盜案1,205件", "窃盗案1,205件"),  # zhuyin, as Taiwan's papers gloss
        ("車手(ㄔㄜ ㄕㄡˇ)1,288人", "车手1,288人"),
        ("海報2.4萬張 (ㄓㄤ)", "海报2.4万张"),
        ("的(˙ㄉㄜ)", "的"),
        ("零\u200b宽", "零宽"),
        ("1\u200b00人", "100人"),
        # between digits the blanks beside a zero-width mark go too; elsewhere they stay
        ("6 \u200b 8 52起", "68 52起"),
        ("3\u200b 56", "356"),
        ("1 \u00ad2", "12"),
        ("2 \u200bA", "2 A"),
        ("起 \u200b 8", "起  8"),
        ("一\r\n二", "一\n二"),
        # one toneless syllable alone in its brackets, as content farms gloss words at random
        ("其(qi)中涉及营救任务", "其中涉及营救任务"),
        ("搜(sou)救任务的", "搜救任务的"),
        ("新(xin)华社北京(jing)电", "新华社北京电"),
        ("字(nong)", "字"),
        ("地区（qu）内", "地区内"),
    ],
)
def test_noise_removed(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


@pytest.mark.parametrize(
    "raw",
    [
        "3000余个(含两轮车)",
        "上涨(+3.88%)",
        "男民警(均已取得摩托车驾驶证)",
        "时间(21时至次日7时)",
        "手机(APP)",
        "（含两轮车）",
    ],
)
def test_ordinary_parentheses_kept(raw: str) -> None:
    assert normalize(raw).text == fold_text(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "abc(nóng)",  # not after a Han character
        "字(nong cun)",  # toneless syllables are dropped only one alone in its brackets
        "方案(a)",  # an enumerator: a single letter
        "里程(km)",  # a unit, no syllable
        "重量(kg)",
        "字(nongg)",
        "字(zhuàngzhuàng)",  # longer than one syllable
        "字( nóng)",
        "字(Nóng)",
        "字(de facto)",
        "版本(v2)",  # a version, not a syllable
        "面積(cm2)",
        "字(nong6)",  # no tone 6
        "字(nong12)",
        "字(nóng  cūn)",  # two blanks
        "字(nóng cun)",  # a toneless syllable that is no neutral one
        "字(nóng cūn )",
        "字 (de facto)",
        "中國 (China)",
        "abc (nóng)",  # a blank, but not after a Han character
        "字  (nóng)",  # two blanks
        "字\r",  # a lone CR is not part of CRLF
        "字(ㄅㄆㄇㄈㄉ)",  # five zhuyin letters: no syllable
        "abc(ㄓㄚˋ)",  # not after a Han character
    ],
)
def test_not_noise(raw: str) -> None:
    assert normalize(raw).text == fold_text(raw)


# --- offset map ------------------------------------------------------------------


def test_same_segments_merge() -> None:
    builder = TextBuilder()
    builder.append_same(0, 2, "ab")
    builder.append_same(2, 4, "cd")
    builder.append_same(6, 7, "e")  # gap in raw: new segment
    prepared = builder.build()
    assert prepared.text == "abcde"
    assert prepared.offsets.new_starts == [0, 4]
    assert prepared.to_raw(1, 5) == (1, 7)


def test_replace_is_atomic() -> None:
    builder = TextBuilder()
    builder.append_same(0, 1, "1")
    builder.append_replace(1, 6, "0")  # '&#48;'
    builder.append_same(6, 8, "0人")
    builder.append_replace(8, 12, "\n")  # '</p>'
    builder.append_replace(12, 20, "")  # dropped: no segment
    builder.append_same(20, 21, "x")
    prepared = builder.build()
    assert prepared.text == "100人\nx"
    assert prepared.to_raw(0, 4) == (0, 8)
    assert prepared.to_raw(1, 2) == (1, 6)
    assert prepared.to_raw(4, 5) == (8, 12)
    assert prepared.to_raw(3, 6) == (7, 21)
    assert len(prepared.offsets.new_starts) == 5


def test_replace_then_same_does_not_merge() -> None:
    builder = TextBuilder()
    builder.append_replace(0, 2, "xy")  # same length: char by char
    builder.append_same(2, 3, "z")
    prepared = builder.build()
    assert prepared.offsets.new_starts == [0, 2]
    assert prepared.to_raw(1, 3) == (1, 3)


def test_append_same_checks_length() -> None:
    with pytest.raises(ValueError, match="append_same"):
        TextBuilder().append_same(0, 3, "ab")


def test_to_raw_empty_and_bounds() -> None:
    prepared = normalize("農(nóng)村")
    assert prepared.text == "农村"
    assert prepared.to_raw(1, 1) == (7, 7)
    assert prepared.to_raw(2, 2) == (8, 8)
    assert prepared.to_raw(0, 2) == (0, 8)
    with pytest.raises(ValueError):
        prepared.to_raw(1, 3)
    with pytest.raises(ValueError):
        prepared.to_raw(2, 1)
    empty = normalize("")
    assert empty.text == ""
    assert empty.to_raw(0, 0) == (0, 0)


def test_noise_only_text() -> None:
    prepared = normalize("\u200b\ufeff")
    assert prepared.text == ""
    assert prepared.to_raw(0, 0) == (0, 0)


def test_to_raw_after_deleted_tail() -> None:
    prepared = normalize("字(zì)")
    assert prepared.text == "字"
    assert prepared.to_raw(1, 1) == (1, 1)  # end of prepared text: end of its last source char


# --- properties ------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        *("鎮", "遠", "縣", "農", "村", "交", "警", "起", "輛", "萬", "余", "(zhèn)", "(nóng)", "（yuǎn）"),
        *("(de)", "(含两轮车)", "(+3.88%)", "(APP)", "１", "２", "０", "1", "2", "9", ".", "%", "％"),
        *("，", " ", "\u3000", "\u200b", "\r\n", "\n", "\r", "a", "(", ")", "（", "）", "ǎ", "字(zì)"),
    ]
)
_DOCS = st.lists(_PIECES, max_size=40).map("".join)


@settings(max_examples=300)
@given(_DOCS, st.data())
def test_normalize_maps_back(raw: str, data: st.DataObject) -> None:
    prepared = normalize(raw)
    text = prepared.text
    check_map(prepared.offsets, len(raw))
    # Every number maps to raw characters that normalise to exactly that number.
    for match in DIGITS.finditer(text):
        s, e = prepared.to_raw(*match.span())
        assert normalize(raw[s:e]).text == match.group()
    # Any range maps to a raw slice holding the same digits, in order; the slice may hold more, in
    # the annotations normalising drops (a tone-numbered pinyin 鎮(zhen4), or 鎮(a1) as generated).
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    s, e = prepared.to_raw(a, b)
    assert 0 <= s <= e <= len(raw)
    raw_digits = iter(digits(fold_text(raw[s:e])))
    assert all(d in raw_digits for d in digits(text[a:b]))  # a subsequence
    # The raw slice, normalised on its own, gives the prepared slice back: a
    # slice starts and ends on kept characters, never inside an annotation.
    assert normalize(raw[s:e]).text == text[a:b]


def test_a_bullet_inside_a_chinese_decimal_is_its_point() -> None:
    records = extract_text("治安满意度达百分之八十七•五，较上季增加二•六个百分点，九•一八纪念日")
    assert [(r.text, r.value, r.unit) for r in records] == [
        ("百分之八十七•五", 87.5, "%"),
        ("二•六个百分点", 2.6, "个百分点"),
    ]


def test_a_comma_a_mirror_leaves_before_an_enumeration_comma_is_blanked() -> None:
    prepared = normalize("分別下降14.5%,、4%、26.5%和16%,。")
    assert prepared.text == "分别下降14.5% 、4%、26.5%和16%,。"
    start, end = prepared.to_raw(9, 11)
    assert (start, end) == (9, 11)


def test_a_preview_chunk_number_between_a_figure_and_its_unit_is_blanked() -> None:
    """A shared document's preview cuts its text into numbered chunks, even inside a figure."""
    raw = "其中货车保有量为3.46\n\n2、万辆，同比增长2.1%。"
    records = extract_text(raw, doc="t")
    first = records[0]
    assert (first.text, first.value, first.unit) == ("3.46\n\n2、万辆", 34600, "辆")
    assert raw[records[0].start : records[0].end] == records[0].text
    # a list item whose number opens a line after a bare count keeps its number
    assert normalize("合计52\n3、人员培训").text == "合计52\n3、人员培训"


def test_a_blank_and_a_full_stop_a_mirror_left_for_a_decimal_point() -> None:
    raw = "查獲冰毒36 。5克,罰沒3 。25萬元;報警電話110。12起"
    records = extract_text(raw)
    assert [(r.text, r.value, r.unit) for r in records] == [
        ("36 。5克", 36.5, "克"),
        ("3 。25萬元", 32500, "元"),
        ("12起", 12, "起"),
    ]
    assert all(raw[r.start : r.end] == r.text for r in records)
