"""Tests for statx.markup: kind detection, markup stripping, metadata, and offsets on the seeds."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statx import extract_text
from statx.markup import detect_kind, prepare
from statx.normalize import fold_text, normalize
from tests.segments import check_segments

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {path.stem: path.read_text(encoding="utf-8") for path in sorted((ROOT / "samples").glob("*.txt"))}
GOLD = [
    json.loads(line)
    for path in sorted((ROOT / "tests" / "gold").glob("*.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
PREPARED = {stem: prepare(raw) for stem, raw in SEEDS.items()}
PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


def seed(prefix: str) -> str:
    (stem,) = [stem for stem in SEEDS if stem.startswith(prefix)]
    return stem


def digits(text: str) -> str:
    return "".join(re.findall(r"\d", text))


def is_subsequence(needle: str, haystack: str) -> bool:
    chars = iter(haystack)
    return all(char in chars for char in needle)


def test_seeds_present() -> None:
    assert len(SEEDS) == 5
    assert len(GOLD) > 90


# --- the seeds -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "kind"),
    [("000", "html"), ("001", "html"), ("002", "text"), ("003", "markdown"), ("004", "html")],
)
def test_seed_kind(prefix: str, kind: str) -> None:
    assert detect_kind(SEEDS[seed(prefix)]) == kind


@pytest.mark.parametrize(
    ("prefix", "meta"),
    [
        ("000", {"title": "【我为群众办实事】昆明交警_问计于民大走访_见实效", "date": "2021-12-02"}),
        ("001", {"title": "云南景洪公安：_三站合一_实现_1+1+1_3_服务效果", "date": "2021-06-12"}),
        ("002", {}),
        ("003", {}),
        ("004", {"title": "凝神聚力保畅通 忠诚守护“西大门”", "date": "2021-12-24"}),
    ],
)
def test_seed_metadata(prefix: str, meta: dict[str, str]) -> None:
    assert PREPARED[seed(prefix)][1] == meta


@pytest.mark.parametrize("prefix", ["000", "001", "004"])
def test_html_seeds_have_no_markup(prefix: str) -> None:
    text = PREPARED[seed(prefix)][0].text
    assert "<" not in text and ">" not in text.replace("1+1+1>3", "")
    assert "http" not in text
    assert "---" not in text
    for key in ("title:", "categories:", "headimg:", "thumbnail:", "date:", "layout:", "趣头条"):
        assert key not in text
    assert "data-size" not in text and "620,413" not in text


def test_traditional_seed_is_simplified_without_pinyin() -> None:
    raw = SEEDS[seed("002")]
    text = PREPARED[seed("002")][0].text
    assert "镇远" in text and "鎮" not in text and "遠" not in text
    assert "(zhèn)" not in text and not PINYIN.search(text)
    assert "(龙冠宇 杨通航)" in text  # an ordinary aside stays
    assert "216 起" in text  # spaces are kept
    assert len(text) < len(raw)


def test_markdown_seed_keeps_its_text() -> None:
    raw = SEEDS[seed("003")]
    prepared = PREPARED[seed("003")][0]
    assert prepared.text == fold_text(raw)
    assert "# 以民意为导向全面提升道路交管水平" in prepared.text
    assert "(均已取得摩托车驾驶证)" in prepared.text
    assert prepared.to_raw(0, len(prepared.text)) == (0, len(raw))


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_seed_segments(stem: str) -> None:
    check_segments(PREPARED[stem][0], SEEDS[stem])


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_seed_numbers_map_back(stem: str) -> None:
    raw = SEEDS[stem]
    prepared = PREPARED[stem][0]
    numbers = list(re.finditer(r"\d+(?:\.\d+)?", prepared.text))
    assert numbers
    for match in numbers:
        s, e = prepared.to_raw(*match.span())
        assert normalize(raw[s:e]).text == match.group(), (match.group(), raw[s:e])


@settings(max_examples=300)
@given(st.sampled_from(sorted(SEEDS)), st.data())
def test_seed_random_ranges(stem: str, data: st.DataObject) -> None:
    raw = SEEDS[stem]
    text = PREPARED[stem][0].text
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, min(len(text), a + 300)))
    s, e = PREPARED[stem][0].to_raw(a, b)
    assert 0 <= s <= e <= len(raw)
    # Markup in the slice may add digits (URLs, sizes), never remove any.
    assert is_subsequence(digits(text[a:b]), digits(fold_text(raw[s:e])))
    if a < b and text[a] != "\n":
        assert fold_text(raw[s]) == text[a]


@pytest.mark.parametrize("gold", GOLD, ids=[f"{g['doc'][:3]}-{g['start']}-{g['text']}" for g in GOLD])
def test_gold_figures_map_exactly(gold: dict[str, object]) -> None:
    text, start, end = str(gold["text"]), int(str(gold["start"])), int(str(gold["end"]))
    raw = SEEDS[str(gold["doc"])]
    assert raw[start:end] == text
    prepared = PREPARED[str(gold["doc"])][0]
    needle = normalize(text).text
    spans = [prepared.to_raw(m.start(), m.end()) for m in re.finditer(re.escape(needle), prepared.text)]
    assert (start, end) in spans


# --- edge cases ------------------------------------------------------------------


def test_empty_document() -> None:
    prepared, meta = prepare("")
    assert prepared.text == "" and meta == {}
    assert prepared.to_raw(0, 0) == (0, 0)


def test_front_matter_title_wins_over_html_title() -> None:
    raw = "---\ntitle: 前\n---\n<html><title>后</title><p>x</p></html>"
    assert prepare(raw)[1] == {"title": "前"}


def test_crlf_document() -> None:
    raw = "---\r\ntitle: 标题\r\ndate: 2021-12-24\r\n---\r\n<p>共100人</p>\r\n<p>第二段2起\r\n</p>\r\n"
    prepared, meta = prepare(raw)
    assert meta == {"title": "标题", "date": "2021-12-24"}
    assert "\r" not in prepared.text
    assert prepared.text == "\n共100人\n\n第二段2起 \n"  # source line breaks are blanks in HTML
    for needle in ("100人", "2起"):
        match = re.search(needle, prepared.text)
        assert match is not None
        assert raw[slice(*prepared.to_raw(*match.span()))] == needle
    plain = "第一行1起\r\n第二行2起\r\n"
    prepared, _ = prepare(plain)
    assert prepared.text == "第一行1起\n第二行2起\n"
    assert plain[slice(*prepared.to_raw(9, 11))] == "2起"


def test_bom_at_start() -> None:
    raw = "\ufeff共100人"
    prepared, _ = prepare(raw)
    assert prepared.text == "共100人"
    assert prepared.to_raw(1, 5) == (2, 6)
    raw = "\ufeff---\ntitle: T\n---\n<p>共3起</p><p>x</p>"
    prepared, meta = prepare(raw)
    assert meta == {"title": "T"}
    match = re.search("3起", prepared.text)
    assert match is not None
    assert raw[slice(*prepared.to_raw(*match.span()))] == "3起"


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("<p>一</p><p>二</p>", "html"),
        ("<!doctype html>文字", "html"),
        ("一句话<br>", "text"),
        ("实现1+1+1>3服务效应, a<b", "text"),
        ("# 标题\n正文", "markdown"),
        ("正文[链接](http://x.cn)", "markdown"),
        ("- 一\n- 二\n", "markdown"),
        ("查处违法**58957**起", "markdown"),
        ("a**b", "text"),
        ("1.加强管理\n2.提高效率\n", "text"),
        ("", "text"),
    ],
)
def test_detect_kind(raw: str, kind: str) -> None:
    assert detect_kind(raw) == kind


def test_ordinary_parentheses_in_html_kept() -> None:
    raw = "<p>3000余个（含两轮车）</p><p>上涨(+3.88%)，间(21时至次日7时)，APP(APP)</p>"
    text = prepare(raw)[0].text
    assert "(含两轮车)" in text and "(+3.88%)" in text and "(21时至次日7时)" in text and "(APP)" in text


def test_pinyin_in_html_removed() -> None:
    raw = "<p>鎮(zhèn)遠(yuǎn)有8鎮(zhèn)</p><p>x</p>"
    prepared, _ = prepare(raw)
    assert prepared.text.startswith("\n镇远有8镇\n")
    assert raw[slice(*prepared.to_raw(4, 6))] == "8鎮"


def test_pinyin_in_a_tag_of_its_own_is_dropped() -> None:
    """An annotation in its own <span> still follows its Han character; a new paragraph's does not."""
    raw = "<p>保有量3<span>萬</span><span>(wàn)</span>餘輛，資料1.2萬</b> (wan4)份</p><p>農</p><p>(nóng)</p>"
    prepared, _ = prepare(raw)
    assert prepared.text == "\n保有量3万余辆,资料1.2万份\n\n农\n\n(nóng)\n"
    start = prepared.text.index("3")
    assert raw[slice(*prepared.to_raw(start, start + 4))] == "3<span>萬</span><span>(wàn)</span>餘輛"


_HTMLISH = st.sampled_from(
    [
        *("<p>", "</p>", "<div>", "<br/>", "<b>", "</b>", "<script>", "</script>", "<!--", "-->", "<"),
        *(">", "&", "&amp;", "&#48;", "&#x31;", "&nbsp;", "&foo;", "&#", ";", "<![x[", "]]>", "</"),
        *("<a href='h'>", "</a>", "<head>", "<title>", "</title>", "</head>", "鎮(zhèn)", "１２", "34"),
        *("起", " ", "\n", "\r\n", "，", "---\n", "title: t\n", "# ", "```\n", "[x](http://a.cn/1)"),
        *("http://b.cn/2 ", "\ufeff", "<3", "a", "<ruby>", "</ruby>", "<rt>", "</rt>", "<rp>", "wàn"),
    ]
)


@settings(max_examples=400)
@given(st.lists(_HTMLISH, max_size=40).map("".join), st.data())
def test_prepare_never_fails_and_maps_consistently(raw: str, data: st.DataObject) -> None:
    prepared, meta = prepare(raw)
    assert set(meta) <= {"title", "date"}
    check_segments(prepared, raw)
    text = prepared.text
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    s, e = prepared.to_raw(a, b)
    assert 0 <= s <= e <= len(raw)
    for match in re.finditer(r"\d+", text):
        s, e = prepared.to_raw(*match.span())
        assert s < e


@pytest.mark.parametrize("stem", ["000_2a890fda6e59d2e4", "001_078e3208ce544b8f", "004_aacddcea547c7f45"])
def test_html_text_equals_what_a_browser_grade_parser_reads(stem: str) -> None:
    """Our position-keeping tokenizer (stdlib HTMLParser) against lexbor (selectolax) as an oracle.

    selectolax gives no source offsets, so it cannot do the extraction itself; but the text
    both read must agree, but for the link targets we drop on purpose.
    """
    from selectolax.lexbor import LexborHTMLParser

    raw = SEEDS[stem]
    tree = LexborHTMLParser(raw[raw.index("---", 5) + 3 :])
    for node in tree.css("script, style"):
        node.decompose()
    reference = re.sub(r"\((?:https?:)?//[^)\s]*\)", "", fold_text(tree.text(separator="")))
    ours = prepare(raw)[0].text
    assert re.sub(r"[\s|]+", "", ours) == re.sub(r"[\s|]+", "", reference)


def test_markdown_with_html_comments_stays_markdown() -> None:
    # A CMS's Markdown export opens with a comment and an editor hides a draft in another; two
    # comments made the file HTML, whose parser kept every `**` and cut 共投入警力**1.3**万余人次.
    raw = (
        "<!-- 稿件ID: 20261008-0931 | 字数: 2416 -->\n\n# 国庆假期交通安全\n\n"
        "共投入警力 **1.3**万余人次，查处违法 **4**,**350** 起。\n\n"
        "<!-- 旧数据：查处违法1234起，待核对 -->\n\n满意率 **99**.2%。\n"
    )
    assert detect_kind(raw) == "markdown"
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "共投入警力 1.3万余人次,查处违法 4,350 起。" in prepared.text
    assert "满意率 99.2%" in prepared.text
    assert "1234" not in prepared.text and "20261008" not in prepared.text
    assert detect_kind("<!-- 导出 -->\n<p>共12起</p>") == "html"  # a comment and a tag: HTML still


def test_markdown_with_inline_html_stays_markdown() -> None:
    # Converters and editors leave inline HTML in Markdown: a <br> in a table cell, a coloured
    # <span>, a <sup> note, &nbsp;. Read as an HTML page it kept every `**` and lost its lines.
    raw = (
        "# 国庆假期\n\n- 投入警力 **1.3**万余人次<br>出动警车&nbsp;**2 860** 辆次\n"
        '- 满意率 <span style="color:red">**99**</span>.2%<sup>[1]</sup>\n\n'
        "| 指标 | 数量 |\n|---|---|\n| 抓获<br>嫌疑人 | **1**,**962**<br>名 |\n"
    )
    assert detect_kind(raw) == "markdown"
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "投入警力 1.3万余人次\n出动警车 2 860 辆次" in prepared.text
    assert "满意率 99.2%\n" in prepared.text  # the <sup> footnote mark vanishes, as in a page
    assert "| 抓获嫌疑人 | 1,962 名 |" in prepared.text
    assert detect_kind("**共**<div>12起</div><p>完</p>") == "html"  # a page's tags: HTML still


def test_byline_date_pattern_lists_every_character_a_match_starts_with() -> None:
    """The byline pattern opens with a lookahead of its matches' first characters, so `re`
    skips most places at once; a branch starting otherwise would silently never match."""
    from statx.markup import _PUBLISHED
    from statx.shape import first_chars

    head = "(?=[发更刊上来12])"
    assert _PUBLISHED.pattern.startswith(head)
    starts = first_chars(_PUBLISHED.pattern[len(head) :])
    assert starts is not None
    assert starts <= set("发更刊上来12")


def test_markdown_with_html_blocks_between_its_headings_stays_markdown() -> None:
    # a CMS export keeps a <table> with rowspan and a styled <p> as HTML between its `## ` headings:
    # read as an HTML page its lines ran together and the byline labelled every figure
    raw = (
        "# 区公安分局社区警务工作报告\n\n> 来源：区公安分局 | 发布时间：2026-01-09 16:20\n\n"
        "## 一、基础工作\n\n1. **警力下沉。** 全区共设社区警务室64个。\n\n"
        "<p>群众满意率为97.6%，较上年提高<b>0.9</b>个百分点。</p>\n\n"
        "## 二、矛盾纠纷化解\n\n全年排查矛盾纠纷1,042起。\n\n"
        '<table><tr><th rowspan="2">社区</th><th>化解纠纷（起）</th></tr>'
        "<tr><td>湖滨社区</td><td>212</td></tr></table>\n"
    )
    assert detect_kind(raw) == "markdown"
    recs = {r.text: r for r in extract_text(raw)}
    assert recs["64个"].metric == "stations_built" and "发布时间" not in recs["64个"].label
    assert recs["1,042起"].metric == "disputes_mediated"
    assert recs["0.9</b>个百分点"].metric == "satisfaction_rate"
    # one heading and page tags: still a page's fragment
    assert detect_kind("# 标题\n<div>共<b>12</b>起</div><p>完</p>") == "html"


def test_a_plain_texts_leftover_blank_entities_read_as_the_page_shows_them() -> None:
    """A crawl's text keeps &nbsp; and &#8203;: a blank and nothing, so labels and numbers hold together."""
    raw = "户政窗口办理业务&nbsp;4.6万笔，接报警情1&#8203;286起，A&amp;B公司"
    prepared, _ = prepare(raw)
    assert prepared.text == "户政窗口办理业务 4.6万笔,接报警情1286起,A&amp;B公司"
    found = {(r.text, r.value, r.label) for r in extract_text(raw)}
    assert ("4.6万笔", 46000, "户政窗口办理业务") in found
    assert ("1&#8203;286起", 1286, "接报警情") in found


_READERS = ("email", "html.parser", "statx.htmltext", "statx.markdowntext")


@pytest.mark.parametrize(
    ("raw", "loaded"),
    [
        ("---\ntitle: 通报\ndate: 2024-01-05\n---\n全市共查处违法12起。\n", []),
        ("<p>共查处违法12起</p><p>完</p>", ["html.parser", "statx.htmltext"]),
        ("# 通报\n共查处违法**12**起\n", ["html.parser", "statx.htmltext", "statx.markdowntext"]),
        ("---\ndate: Thu, 02 Dec 2021 14:49:35 GMT\n---\n共查处违法12起\n", ["email"]),
    ],
)
def test_a_reader_is_imported_only_for_a_document_of_its_kind(raw: str, loaded: list[str]) -> None:
    """A plain text's start-up pays for neither html.parser nor the HTML and Markdown readers' patterns,
    nor the email package a date written as an e-mail's needs."""
    code = (
        "import sys\n"
        "from statx.markup import prepare\n"
        f"prepare({raw!r})\n"
        f"print(sorted(m for m in {_READERS!r} if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert proc.stdout.split("\n")[0] == str(loaded)
