"""Tests for statx.markup: kind detection, markup stripping, metadata, and offsets on the seeds."""

from __future__ import annotations

import json
import re
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


@settings(max_examples=300, deadline=None)
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


def test_markdown_fences_and_links() -> None:
    raw = (
        "# 标题\n\n正文共5起，见[报告](http://x.cn/2021/1.html)和<https://y.cn/7>。\n\n"
        "```python\nx = 100\n```\n\n~~~~\n共200起\n~~~\n~~~~~\n\n"
        "行内`code 3`共6起 http://z.cn/8?a=9 結束\n"
    )
    assert detect_kind(raw) == "markdown"
    prepared, meta = prepare(raw)
    text = prepared.text
    assert meta == {}
    for gone in ("100", "200", "http", "2021", "7", "8", "9"):
        assert gone not in text
    assert "[报告]和。" in text
    assert "`code 3`共6起  结束" in text
    match = re.search("6起", text)
    assert match is not None
    assert raw[slice(*prepared.to_raw(*match.span()))] == "6起"


def test_markdown_strong_markers_vanish() -> None:
    raw = "# 总结\n查处违法**58957**起，抽查 **156** 次，***斜粗***\n```\n**4**\n```\n"
    prepared, _ = prepare(raw)
    assert "查处违法58957起,抽查 156 次,***斜粗***" in prepared.text  # (full-width commas folded)
    assert "4" not in prepared.text
    match = re.search("58957起", prepared.text)
    assert match is not None
    assert raw[slice(*prepared.to_raw(*match.span()))] == "58957**起"


def test_markdown_unclosed_fence_runs_to_end() -> None:
    raw = "# 标题\n共1起\n```\n共2起\n"
    assert prepare(raw)[0].text == "# 标题\n共1起\n"


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


@settings(max_examples=400, deadline=None)
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


def test_markdown_number_code_spans_lose_their_backticks() -> None:
    raw = "# 抽检\n- 抽检 `4,512` 批次，覆盖`45`家、``3`` 个，行内`code 3`共6起，`v2`\n"
    prepared, _ = prepare(raw)
    assert "抽检 4,512 批次,覆盖45家、3 个," in prepared.text  # (full-width commas folded)
    assert "`code 3`共6起,`v2`" in prepared.text
    match = re.search("45家", prepared.text)
    assert match is not None
    assert raw[slice(*prepared.to_raw(*match.span()))] == "45`家"


def test_markdown_emphasis_around_a_number_vanishes() -> None:
    raw = (
        "# 成效\n- 上升 *12.3%*，醉驾 _47_ 起，***356*** 起，__1.2万__ 人次，资料*3.5万*份\n"
        "- 2*3*4，id_12_3，*斜体 3*\n"
    )
    prepared, _ = prepare(raw)
    assert "上升 12.3%,醉驾 47 起,356 起,1.2万 人次,资料3.5万份" in prepared.text
    assert "2*3*4,id_12_3,*斜体 3*" in prepared.text
    match = re.search("3.5万份", prepared.text)
    assert match is not None
    assert raw[slice(*prepared.to_raw(*match.span()))] == "3.5万*份"


def test_markdown_link_only_list_items_are_related_articles() -> None:
    """A list item that is only a link is another article's headline: its figures are not this one's."""
    raw = (
        "# 报告\n\n全年审结案件12万件。\n\n**相关阅读**\n\n"
        "- [市检察院工作报告：全年起诉犯罪嫌疑人3,516人](/news/0032.html)\n"
        "* [两级法院审结案件超12万件](https://x.cn/0107.html) 2024-01-18\n"
        "1. [第4次全体会议举行 3项决议草案获通过](/news/0088.html)\n"
        "- 另有[报告全文](/full.html)列明受理案件15件\n"
    )
    prepared, _ = prepare(raw)
    text = prepared.text
    for gone in ("3,516人", "超12万件", "3项"):
        assert gone not in text
    assert "全年审结案件12万件" in text
    match = re.search("15件", text)  # an item with words of its own besides the link stays
    assert match is not None
    assert raw[slice(*prepared.to_raw(*match.span()))] == "15件"


def test_a_markdown_image_gives_no_text() -> None:
    # The alt text of ![..](..) is a caption or a file name, as an HTML <img alt> is; a
    # link keeps its text.
    raw = "# 成效\n全年走访**3000**户。\n\n![图为民警走访**2**户居民](https://img.cn/2026/12个.png)\n\n[共破案300起](a.html)\n"
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "全年走访3000户。" in prepared.text
    assert "图为" not in prepared.text and "2户" not in prepared.text and "12个" not in prepared.text
    assert "共破案300起" in prepared.text


def test_markdown_backslash_escapes_vanish() -> None:
    # html2text, pandoc and turndown escape punctuation; CommonMark shows it without the
    # backslash, and a number must read whole (3\.5% is 3.5%, not 5%).
    raw = "# 成效\n增长3\\.5%，走访群众1\\,200户，1\\. 开展宣传，路径C:\\\\data\n"
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "增长3.5%,走访群众1,200户,1. 开展宣传" in prepared.text
    assert "C:\\data" in prepared.text  # an escaped backslash is one backslash
    match = re.search("1,200户", prepared.text)
    assert match is not None
    assert raw[slice(*prepared.to_raw(*match.span()))] == "1\\,200户"


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


def test_lines_wrapped_inside_a_markdown_paragraph_are_joined() -> None:
    # Markdown shows a paragraph's or a list item's wrapped lines as one; the rules read a line
    # break as a clause's end, which cut 出动警车 / 2860辆次 from its words.
    raw = (
        "# 国庆假期\n\n假期全市共查处各类\n交通违法4.8万起；为群众提供救助\n服务215次。\n\n"
        "- 投入警力1.3万余人次，出动警车\n  2860辆次\n- 二项\n\n一、严格路面管控确保安全畅通\n全市将继续\n"
    )
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "假期全市共查处各类交通违法4.8万起;为群众提供救助服务215次。" in prepared.text
    assert "出动警车 2860辆次\n- 二项\n\n一、严格路面管控确保安全畅通\n全市将继续" in prepared.text
    recs = {r.text: r for r in extract_text(raw)}
    assert (recs["2860辆次"].metric, recs["215次"].metric) == ("vehicles_deployed", "escort_cases")


def test_lines_opened_by_a_pictograph_are_items_not_wraps() -> None:
    # A WeChat post copied as text lists its figures one a line after an emoji or a bullet
    # sign; read as Markdown (its numbered tips), joining those lines gave 46.6% the next
    # line's words (群众满意率) and its metric.
    raw = (
        "▌数据小结\n📊 网上办理率：46.6%\n📊 群众满意率：99.6%\n✅ 新增服务站\n● 自助设备11台\n\n"
        "温馨提示：\n1. 办理身份证请携带户口簿\n2. 可通过APP预约\n"
    )
    assert detect_kind(raw) == "markdown"
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "网上办理率:46.6%\n📊 群众满意率:99.6%\n✅ 新增服务站\n● 自助设备11台" in prepared.text
    recs = {r.text: r for r in extract_text(raw)}
    assert (recs["46.6%"].metric, recs["46.6%"].label) == ("rate_other", "网上办理率")


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


def test_pandoc_grid_tables_definitions_and_line_blocks_are_read() -> None:
    # pandoc's Markdown: grid-table borders parted each row from its header, a definition's text
    # lost its term, and a line block's `|` looked like a table row.
    raw = (
        "| 市道路交通安全委员会办公室\n| 安委办通报〔2025〕3号\n\n"
        "全年查处电动自行车交通违法行为**94.3万起**，主要类别如下：\n\n"
        "驾乘人员未佩戴安全头盔\n:   查处**51.2万起**，占比54.3%；\n\n违法载人\n\n:   查处**6.1万起**。\n\n"
        "+----------+----------------+--------------+\n| 区域     | 涉电动自行车事故 | 头盔佩戴率   |\n"
        "+==========+================+==============+\n| 东城区   | 6810起         | 93.5%        |\n"
        "+----------+----------------+--------------+\n| 西湖区   | 5920起         | 91.8%        |\n"
        "+----------+----------------+--------------+\n"
    )
    assert detect_kind(raw) == "markdown"
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "市道路交通安全委员会办公室\n安委办通报" in prepared.text
    assert "驾乘人员未佩戴安全头盔 查处51.2万起" in prepared.text
    assert "+---" not in prepared.text and "+===" not in prepared.text
    records = {r.text: r for r in extract_text(raw)}
    assert records["51.2万起"].metric == "helmet_violations"
    assert records["6.1万起"].metric == "overloading"
    assert records["6810起"].metric == records["5920起"].metric == "accidents"
    assert records["93.5%"].metric == "rate_other"
    assert not any(r.value == 3 for r in records.values())  # 〔2025〕3号 is a document number


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


def test_a_footnote_superscript_in_markdown_is_read_apart_from_its_number() -> None:
    # Markdown keeps a page's <sup>: a footnote marker vanishes as it does in HTML, so it never
    # joins the number before it (120<sup>1</sup>所 is 120所, not 1201所); m² stays a unit
    raw = "# 报告\n\n全区共有中小学120<sup>1</sup>所，面积12.6m<sup>2</sup>，"
    raw += "查处违法58957<sup>[3]</sup>起。\n"
    assert detect_kind(raw) == "markdown"
    assert prepare(raw)[0].text == "# 报告\n\n全区共有中小学120所,面积12.6m²,查处违法58957起。\n"
    values = {r.unit: r.value for r in extract_text(raw)}
    assert values["所"] == 120 and values["起"] == 58957


def test_a_plain_texts_leftover_blank_entities_read_as_the_page_shows_them() -> None:
    """A crawl's text keeps &nbsp; and &#8203;: a blank and nothing, so labels and numbers hold together."""
    raw = "户政窗口办理业务&nbsp;4.6万笔，接报警情1&#8203;286起，A&amp;B公司"
    prepared, _ = prepare(raw)
    assert prepared.text == "户政窗口办理业务 4.6万笔,接报警情1286起,A&amp;B公司"
    found = {(r.text, r.value, r.label) for r in extract_text(raw)}
    assert ("4.6万笔", 46000, "户政窗口办理业务") in found
    assert ("1&#8203;286起", 1286, "接报警情") in found


def test_a_line_ending_on_a_cell_bar_is_no_markdown_wrap() -> None:
    # A scraped page keeps its layout table's bar at a paragraph's end (`…破获案件86起。 |`); read as
    # Markdown (its related-reading list), joining the next line to it put the 相关阅读 heading
    # mid-line, so the other articles' headlines below it counted as this one's figures.
    raw = (
        "全县本月破获电诈案件86起，劝阻群众1200人次 |\n相關(guān)閱讀:\n"
        "- [ 07-02]上月我县接报盗窃警情53起\n- [ 06-11]民警护送走失老人回家 3人获表彰\n"
    )
    assert detect_kind(raw) == "markdown"
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "人次 |\n相关阅读:" in prepared.text
    assert [r.text for r in extract_text(raw)] == ["86起", "1200人次"]
