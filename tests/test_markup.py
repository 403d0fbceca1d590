"""Tests for statx.markup: kind detection, markup stripping, metadata, and offsets on the seeds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statx import extract_text, markup
from statx.markup import detect_kind, prepare
from statx.normalize import Prepared, fold_text, normalize

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


def check_segments(prepared: Prepared, raw: str) -> None:
    """One-to-one segments hold the folded raw characters; all segments are ordered.

    An HTML source line break read as a space (one blank for another) and a phrase's line break
    read as a comma (a phone-copied post, see `_phrase_lines`) are the exceptions.
    """
    omap = prepared.offsets
    prev_raw = 0
    for n0, nlen, o0, olen in zip(
        omap.new_starts, omap.new_lens, omap.raw_starts, omap.raw_lens, strict=True
    ):
        assert o0 >= prev_raw and o0 + olen <= len(raw)
        new, old = prepared.text[n0 : n0 + nlen], raw[o0 : o0 + olen]
        if nlen == olen and not (new == " " and old.isspace()) and not (new == "," and old == "\n"):
            assert prepared.text[n0 : n0 + nlen] == normalize(raw[o0 : o0 + olen]).text
        prev_raw = o0 + olen
    assert omap.length == len(prepared.text)


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


def test_only_front_matter() -> None:
    raw = "\n---\ntitle: 标题\ndate: Sat, 12 Jun 2021 13:07:48 GMT\nurl: http://x.cn/1\n---\n"
    prepared, meta = prepare(raw)
    assert prepared.text == ""
    assert meta == {"title": "标题", "date": "2021-06-12"}


def test_front_matter_fallback_when_yaml_fails() -> None:
    raw = "---\ntitle: a: b: [\ndate: '2021-12-24 03:00:26 +0800'\n---\n共5起"
    prepared, meta = prepare(raw)
    assert meta == {"title": "a: b: [", "date": "2021-12-24"}
    assert prepared.text == "共5起"


def test_front_matter_yaml_types() -> None:
    raw = "---\ntitle: 2021\ndate: 2021-12-24\ntags: [a, b]\n---\n正文"
    assert prepare(raw)[1] == {"title": "2021", "date": "2021-12-24"}
    raw = "---\ntitle: T\ndate: 2021-12-24 03:00:26\n---\n"
    assert prepare(raw)[1] == {"title": "T", "date": "2021-12-24"}
    raw = "---\ndate: someday\n---\n"
    assert prepare(raw)[1] == {"date": "someday"}


def test_rule_that_is_not_front_matter() -> None:
    raw = "---\n正文第一段共3起\n---\n"
    prepared, meta = prepare(raw)
    assert meta == {}
    assert prepared.text == raw


def test_entity_inside_number() -> None:
    raw = "<p>共1&#48;0人，&#x4e00;&amp;&nbsp;2起</p><p>二</p>"
    prepared, _ = prepare(raw)
    assert prepared.text == "\n共100人,一& 2起\n\n二\n"
    match = re.search(r"100人", prepared.text)
    assert match is not None
    s, e = prepared.to_raw(*match.span())
    assert raw[s:e] == "1&#48;0人"
    assert prepared.to_raw(2, 3) == (4, 5)
    assert raw.__getitem__(slice(*prepared.to_raw(3, 4))) == "&#48;"


def test_unknown_entity_is_text() -> None:
    prepared, _ = prepare("<p>a &foo; b&amp c</p><br>")
    assert prepared.text == "\na &foo; b& c\n\n"


def test_script_style_comments_and_head_dropped() -> None:
    raw = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>标&amp;题</title>"
        "<style>p {width: 100px}</style><script>var n = 2021;</script></head>"
        "<body><!-- 共999起 --><p>共<b>12</b>起</p><script>if (a<b) {x=5}</script>"
        "<?php echo 7 ?><![if !IE]>ie<![endif]><noscript>请开启JavaScript，共<b>300</b>条</noscript>"
        "<template><p>模板共44条</p></template></body></html>"
    )
    prepared, meta = prepare(raw)
    assert meta == {"title": "标&题"}
    text = prepared.text
    assert "共12起" in text
    for gone in ("100", "2021", "999", "5", "7", "<", "utf", "标", "300", "44"):
        assert gone not in text
    match = re.search("12", text)
    assert match is not None
    assert raw[slice(*prepared.to_raw(*match.span()))] == "12"


def test_front_matter_title_wins_over_html_title() -> None:
    raw = "---\ntitle: 前\n---\n<html><title>后</title><p>x</p></html>"
    assert prepare(raw)[1] == {"title": "前"}


def test_block_tags_break_lines_inline_tags_vanish() -> None:
    raw = "<div>一<span>二</span><strong>三</strong><br/>四<a href='http://x.cn/9'>五</a><img src='9'></div>"
    prepared, _ = prepare(raw)
    assert prepared.text == "\n一二三\n四五\n"
    s, e = prepared.to_raw(4, 5)
    assert raw[s:e] == "<br/>"


def test_a_line_break_inside_a_number_vanishes() -> None:
    raw = "<p>查处酒驾1,0<br>56起，增长3.<br/>5%，2019<br/>2020年，共12<br>起</p>"
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "1,056起" in prepared.text and "3.5%" in prepared.text  # an editor's wrap inside a number
    assert "2019\n2020年" in prepared.text  # two whole numbers stay apart
    assert "共12\n起" in prepared.text  # a break before the unit is still a break


def test_a_br_at_the_end_of_a_line_gives_one_break() -> None:
    raw = "<p>发送旅客4<br>\n32万人次<br/>  \r\n增长3%<br>\n<br>\n完</p>"
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "旅客4\n32万人次\n增长3%\n\n完" in prepared.text  # a blank line stays a blank line


def test_broken_html() -> None:
    raw = "<p>我爱你<3 a < b 共7起<p>未闭合 <b>粗 </ p>& &# &#; <![foo[ x ]]> 共8起<div"
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "<3" in prepared.text and "共7起" in prepared.text and "共8起" in prepared.text
    unclosed_script = "<p>共9起</p><script>var a = 1; 共10起"
    prepared, _ = prepare(unclosed_script)
    assert prepared.text == "\n共9起\n"
    # html.parser alone would stop at a stray "&#" and return the rest, tags included, as text.
    assert prepare("<p>a &#</p><p>b</p>")[0].text == "\na &#\n\nb\n"
    assert prepare("<p>x &# y; &#1a;</p><p>共3起</p>")[0].text == "\nx &# y; &#1a;\n\n共3起\n"
    unclosed_comment = "<p>共9起</p><p>x</p><!-- 共10起"
    prepared, _ = prepare(unclosed_comment)
    assert "共9起" in prepared.text


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


def test_ruby_annotations_give_no_text() -> None:
    """The reading above a character (<rt>, with <rp> brackets or none) is not the article's text."""
    raw = (
        "<p>保有量4.3<ruby>萬<rt>wàn</rt></ruby>餘輛，辦證1.26<ruby>萬<rp>（</rp><rt>wàn</rt><rp>）</rp></ruby>張，"
        "<ruby>農<rt>nóng</ruby>村21個，<ruby>處<rt>ㄔㄨˋ<rt>chù</ruby>&amp;</p>"
    )
    prepared, _ = prepare(raw)
    assert prepared.text == "\n保有量4.3万余辆,办证1.26万张,农村21个,处&\n"
    start = prepared.text.index("4.3")
    assert raw[slice(*prepared.to_raw(start, start + 6))] == "4.3<ruby>萬<rt>wàn</rt></ruby>餘輛"


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


def test_page_chrome_is_not_read() -> None:
    raw = (
        '<div class="nav">第2页 浏览：1,024次</div><p>共破获刑事案件1,326起。</p>'
        '<div class="related-news"><ul><li>全市接警量同比下降15%</li></ul></div>'
        "<footer>京ICP备12345678号-1 电话：010-12345678</footer><aside>热门 32条</aside><p>抓获892名。</p>"
    )
    text = prepare(raw)[0].text
    assert "1,326起" in text and "892名" in text
    assert not any(s in text for s in ("1,024", "15%", "ICP", "32条"))


def test_footers_and_pinyin_chrome_names_are_not_read() -> None:
    raw = (
        '<p>共检查企业126家。</p><div class="pre-next">下一篇：2家企业获评先进</div>'
        '<div class="xgxw"><li>提供岗位3000余个</li></div><div class="foot">共12条 地址：人民路88号</div>'
        '<div class="bottom">版权所有©2024 本站访问量：3,456,789人次</div>'
    )
    text = prepare(raw)[0].text
    assert "126家" in text
    assert not any(s in text for s in ("2家", "3000余个", "12条", "3,456,789"))


def test_a_ranking_table_is_the_article_s_but_a_ranking_list_is_chrome() -> None:
    # a bulletin's league table of districts (<table class="rank">) holds its figures; a CMS's
    # most-read list (<ul class="rank">) holds other articles' headlines
    raw = (
        '<p>各县区情况如下：</p><table class="rank"><tr><th>排名</th><th>单位</th><th>死亡人数同比</th></tr>'
        "<tr><td>1</td><td>东乡区</td><td>-50.0%</td></tr></table>"
        '<ul class="rank"><li>全市接警量同比下降15%</li></ul>'
        '<table class="footer"><tr><td>访问量32条</td></tr></table>'
    )
    text = prepare(raw)[0].text
    assert "-50.0%" in text
    assert "15%" not in text and "32条" not in text
    (rec,) = extract_text(raw)
    assert (rec.text, rec.metric, rec.change, rec.basis) == ("-50.0%", "deaths", "down", "yoy")


def test_an_unclosed_chrome_element_does_not_swallow_the_article() -> None:
    raw = '<div class="share">分享到<div><p>共破获刑事案件1,326起。</p></div>'
    prepared, _ = prepare(raw)
    assert "1,326起" in prepared.text
    s, e = prepared.to_raw(prepared.text.index("1,326起"), prepared.text.index("1,326起") + 6)
    assert raw[s:e] == "1,326起"


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


def test_a_zero_width_reference_inside_a_number_vanishes() -> None:
    # WeChat and CMS editors leave &#8203; or &shy; inside numbers; the raw characters were
    # already dropped as noise, their references must be too, or 1&#8203;200份 reads as 200份.
    raw = "<p>发放资料1&#8203;200份，张贴海报3&shy;000张，共1&#xFEFF;2起</p>"
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "发放资料1200份,张贴海报3000张,共12起" in prepared.text
    match = re.search("1200份", prepared.text)
    assert match is not None
    assert raw[slice(*prepared.to_raw(*match.span()))] == "1&#8203;200份"


def test_a_markdown_image_gives_no_text() -> None:
    # The alt text of ![..](..) is a caption or a file name, as an HTML <img alt> is; a
    # link keeps its text.
    raw = "# 成效\n全年走访**3000**户。\n\n![图为民警走访**2**户居民](https://img.cn/2026/12个.png)\n\n[共破案300起](a.html)\n"
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "全年走访3000户。" in prepared.text
    assert "图为" not in prepared.text and "2户" not in prepared.text and "12个" not in prepared.text
    assert "共破案300起" in prepared.text


def test_html_source_line_breaks_are_blanks() -> None:
    # A pretty-printed page or Word's HTML export wraps and indents inside a paragraph; a
    # browser shows one line, and the figure keeps its unit and its words.
    raw = (
        "<section>\n    <p>\n        <span>全年查处酒驾</span>\n        <span>1200</span>\n"
        "        <span>起，满意率</span><span>98.5</span>\n        <span>%</span>\n    </p>\n"
        "<pre>共\n12起</pre></section>"
    )
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "全年查处酒驾 1200 起,满意率98.5 %" in prepared.text
    assert "共\n12起" in prepared.text  # <pre> keeps its lines
    assert "\n \n" not in prepared.text and "\n    " not in prepared.text  # indentation after a block is gone
    match = re.search("1200 起", prepared.text)
    assert match is not None
    assert raw[slice(*prepared.to_raw(*match.span()))] == "1200</span>\n        <span>起"


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


_PDF_TEXT = (
    "XX市公安局2026年工作总结\n\n一、主要工作成效\n"
    "今年以来，全区公安机关坚持以人民为中心的发展思想，深入开\n"
    "展“百日行动”，全区民警走访群众1.7万余户，发放宣传资\n"
    "料3200份，组织座谈会13场，收集意见建议283条。全\n"
    "年共查处各类交通违法行为12,345起，其中酒驾135起\n"
    "、醉驾90起，同比下降5.6%。破获刑事案件1,234起\n"
    "，抓获犯罪嫌疑人567名，打掉犯罪团伙12个。\n"
    "— 1 —\n二、存在问题\n"
    "部分基层所队警力不足，群众安全感满意度仍有提升空间，需要\n"
    "持续加强队伍建设和基础工作。\n"
)


def test_lines_a_fixed_width_export_wrapped_are_joined() -> None:
    # pdftotext cuts every line at one width, mid-word (宣传资 / 料3200份): read as breaks, the
    # figure loses the words that name it.
    prepared, _ = prepare(_PDF_TEXT)
    check_segments(prepared, _PDF_TEXT)
    assert "发放宣传资料3200份" in prepared.text
    assert "全年共查处各类交通违法行为12,345起,其中酒驾135起、醉驾90起" in prepared.text
    # headings, the page number, the line after a closed sentence and a new item stay apart
    assert "工作总结\n\n一、主要工作成效\n今年" in prepared.text
    assert "打掉犯罪团伙12个。\n— 1 —\n二、存在问题\n部分" in prepared.text
    records = {r.text: r for r in extract_text(_PDF_TEXT, doc="pdf")}
    assert records["3200份"].metric == "materials_distributed"
    assert records["90起"].parent == "12,345起"


def test_a_break_inside_a_word_of_a_body_line_is_joined() -> None:
    # Text copied out of a PDF keeps some hard breaks and not others, so its lines are of no one
    # width; a break inside a word (吊 / 销驾驶证, 同比 / 增加27起) still cut the figure from its
    # words (licenses_processed, a change with no basis).
    raw = (
        "一、主要工作\n"
        "　　（一）严查违法。全市共查处交通违法行为５８．７万起，行政拘留３０７人，暂扣、吊\n"
        "销驾驶证1,562本。从驾驶人看，驾龄３年以下驾驶人肇事２０９起，同比\n"
        "增加２７起。\n"
        "四、宣传引导，“护考”信息早知道\n"
        "考前发布出行提示5期。\n"
    )
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    records = {r.text: r for r in extract_text(raw, doc="pdf")}
    assert records["1,562本"].metric == "licenses_suspended"
    assert (records["２７起"].change, records["２７起"].basis) == ("up", "yoy")
    # a numbered heading with a comma is no body line: it stays apart from the next
    assert "早知道\n考前" in prepared.text


def test_a_yearbook_page_s_narrow_column_is_joined_beside_its_side_by_side_lines() -> None:
    # A yearbook page copied as text: most lines are one narrow column (16 characters), a few run
    # two columns side by side (three times as long) and set the usual width; the column's lines
    # still wrap mid-word (交通违法行 / 为 2.6 万余起) and are joined at the column's width.
    column = [
        "【治安巡逻】 2022 年,市公安局",
        "整合巡区、警格和网格,推行车巡、",
        "步巡、骑巡三巡联勤,建设以智慧",
        "管理为核心的巡防平台,开发巡防",
        "移动端 App,形成联防联",
        "控机制。全年查处交通违法行",
        "为 2.6 万余起,街面可防性案件发",
        "案数比上年下降 40%,零发案小区",
        "占比 76%。全年设置警示桩",
        "1820 根,全面提升巡防能力,获评",
    ]
    side = [
        "3 月 8 日,民警到企业上门提供服务 (张某 摄) 位居全省前列,街面可防性案件",
        "色远程定责中心 + 民警 + 辅警 + 保险协理员 模 题报道,省公安厅向全省介",
        "为 1.1 万起,其中假套牌车辆 21 辆、 式,将保险公司理赔员纳入快处 绍推广,城市巡防",
        "工程车等道路交通安全系列整治行 窗口,全年综合窗口办理业务 网络安全综合防控体系",
    ]
    raw = "\n".join(column + side) + "\n"
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "控机制。全年查处交通违法行为 2.6 万余起" in prepared.text
    records = {r.text: r for r in extract_text(raw, doc="yearbook")}
    assert records["2.6 万余起"].metric == "violations_handled"


def test_text_with_a_paragraph_a_line_is_left_alone() -> None:
    raw = "".join(f"第{i}段：全市开展各类宣传活动{i}次，覆盖群众一千余人。\n" for i in range(1, 12))
    raw += "短行\n另一段没有句号但是很长很长很长很长很长很长很长很长\n下一段"
    assert prepare(raw)[0].text == fold_text(raw)  # no line break dropped


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


def test_a_line_break_inside_a_table_cell_keeps_the_row() -> None:
    # A narrow column wraps its header and its figures; the row must stay one line, or the
    # figure after a wrapped cell loses the row's words (抓获<br>嫌疑人 | 1962名 | +4.1%).
    raw = (
        "<table><tr><td rowspan='2'>刑事<br />案件</td><td>抓获<br>嫌疑人</td>"
        "<td>2104<br />起</td><td>+4.1%</td></tr></table><p>一<br>二</p>"
    )
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert " | 刑事案件 | 抓获嫌疑人 | 2104 起 | +4.1%" in prepared.text
    assert "一\n二" in prepared.text  # outside a cell a <br> still breaks the line


def test_a_page_break_inside_a_sentence_is_dropped() -> None:
    # A PDF's text puts the page number and the next page's running header wherever the page
    # ended, here inside 1056起; the sentence must read on and the header must give no text.
    title = "XX县公安局关于2026年1至10月公安工作情况的报告"
    raw = (
        f"{title}\n    一、主要工作成效\n    全县共立刑事案件1\n\n        — 3 —\n\n{title}\n"
        f"056起，破获刑事案件612起，抓获违法犯罪\n\n— 4 —\n\n{title}\n嫌疑人748名。\n\n— 5 —\n\n"
        f"{title}\n    二、存在的问题\n"
    )
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "全县共立刑事案件1\n056起,破获刑事案件612起,抓获违法犯罪嫌疑人748名。" in prepared.text
    assert "— 5 —" in prepared.text  # after a closed sentence the break is left to the rules
    records = extract_text(raw)
    first = next(r for r in records if r.unit == "起")
    assert (first.text, first.value) == (f"1\n\n        — 3 —\n\n{title}\n056起", 1056)


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


def test_an_indented_first_line_of_a_pdf_paragraph_is_full_too() -> None:
    # The indent of a paragraph's first line takes the width of two characters, so that line
    # is as full as the others and its wrap (…坚强领导 / 下，坚持…) is joined; a full-width page
    # number (－３－) between pages is a page break like — 3 —.
    body = "县公安局在县委县政府和上级公安机关的坚强领导下坚持以基础"
    raw = (
        "    今年以来，县公安局在县委、县政府和上级公安机关的坚强领导\n"
        + "".join(f"{body[:26]}{n}\n" for n in range(6))
        + "全县共破获刑事案件1\n\n－３－\n\n某县公安局工作报告\n056起，抓获\n\n"
        + "－４－\n\n某县公安局工作报告\n嫌疑人。\n"
    )
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "公安机关的坚强领导县公安局" in prepared.text
    assert "刑事案件1\n056起,抓获嫌疑人。" in prepared.text


def test_row_and_column_spans_keep_cells_in_their_columns() -> None:
    # A cell spanning rows stands in its first row only, one spanning columns once; an empty
    # cell where a span reaches keeps the later cells under their column's header.
    raw = (
        "<table><tr><th rowspan='2'>类别</th><th rowspan=2>指标</th><th colspan=\"2\">2026年1至10月</th></tr>"
        "<tr><th>数量</th><th>同比</th></tr>"
        "<tr><td rowspan=2>刑事案件</td><td>立案</td><td>3256起</td><td>-9.8%</td></tr>"
        "<tr><td>破案</td><td>2104起</td><td>+6.3%</td></tr>"
        "<tr><td colspan=2>交通违法查处</td><td>46.8万起</td><td>+8.9%</td></tr></table>"
    )
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    rows = [line for line in prepared.text.splitlines() if line.strip()]
    assert rows == [
        " | 类别 | 指标 | 2026年1至10月 | ",
        " |  |  | 数量 | 同比",
        " | 刑事案件 | 立案 | 3256起 | -9.8%",
        " |  | 破案 | 2104起 | +6.3%",
        " | 交通违法查处 |  | 46.8万起 | +8.9%",
    ]


def test_paragraphs_inside_a_table_cell_keep_the_row() -> None:
    # Word's HTML (and many portals' editors) put each cell's text in <p> or <div>; the row must
    # stay one line, its cells' words joined as a reader sees them.
    raw = (
        "<table><tr><td width=120><p align=center><span>指标</span></p></td><td><p>同比</p></td></tr>"
        "<tr><td><p><span>刑事案件</span></p><p>立案</p></td><td><p align=center><span>3256</span>"
        "<span>起</span></p></td><td><p>-9.8%</p></td></tr>"
        "<tr><td><div>抓获</div>\n<div>Ａ级 嫌疑人</div></td><td><div>1962名</div></td></tr></table>"
    )
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    rows = [line for line in prepared.text.splitlines() if line.strip()]
    assert rows == [" | 指标 | 同比", " | 刑事案件立案 | 3256起 | -9.8%", " | 抓获 A级 嫌疑人 | 1962名"]


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


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="12 \t\u3000\r\n-—/第共页,x\xa0", max_size=40))
def test_page_footer_scan_finds_every_line_that_is_a_page_number(raw: str) -> None:
    """`_page_breaks` skips a text in which one scan finds no page-number line; that scan must
    find every line the line-by-line reading takes for one, or a break would stay."""
    from statx.markup import _PAGE_FOOTER, _PAGE_FOOTER_LINE

    footers = [t for line in raw.split("\n") if (t := line.strip()) and _PAGE_FOOTER.fullmatch(t)]
    if footers:
        assert _PAGE_FOOTER_LINE.search(raw) is not None


_PASTED_TAB = (
    "表1  2026年1—10月主要指标\n单位：起、人\n\n"
    "指标\t2025年1—10月\t2026年1—10月\t同比\n"
    "有效警情\t25,071\t23,614\t-5.8%\n"
    "刑事案件破获\t617\t698\t13.1%\n"
)
_PASTED_ALIGNED = (
    "指标                2025年1—10月    2026年1—10月    同比\n"
    "事故起数                 156              131         -16.0%\n"
    "死亡人数                  42               35         -16.7%\n"
    "  其中：酒驾醉驾        1,215            1,386         +14.1%\n"
)


@pytest.mark.parametrize("suffix", ["", "\n"])
@pytest.mark.parametrize("body", [_PASTED_TAB, _PASTED_ALIGNED])
def test_a_pasted_table_is_laid_out_as_rows_of_cells(body: str, suffix: str) -> None:
    # a spreadsheet pasted as tab-separated lines, or a fixed-width export aligned with blanks,
    # is a table: each change cell belongs to its row and its column's 同比, not to the next line
    for kind, raw in (("text", body + suffix), ("markdown", "# 数据分析\n\n" + body + suffix)):
        prepared, _ = prepare(raw)
        assert detect_kind(raw) == kind
        assert "| 同比" in prepared.text
        recs = {r.text: r for r in extract_text(raw)}
        if body is _PASTED_TAB:
            assert (recs["-5.8%"].metric, recs["-5.8%"].change, recs["-5.8%"].basis) == (
                "incidents_received",
                "down",
                "yoy",
            )
            # a rise in a change column has no sign: a fall has its minus
            assert (recs["13.1%"].metric, recs["13.1%"].change) == ("cases_solved", "up")
        else:
            assert (recs["-16.0%"].metric, recs["-16.0%"].label) == ("accidents", "事故起数")
            assert (recs["-16.7%"].metric, recs["-16.7%"].label) == ("deaths", "死亡人数")
            assert (recs["+14.1%"].change, recs["+14.1%"].basis) == ("up", "yoy")
        for rec in recs.values():
            assert raw[rec.start : rec.end] == rec.text


def test_lines_with_blanks_that_hold_no_figures_stay_text() -> None:
    # a document number and its signer, a signature and its date: two cells, no table
    raw = (
        "X公通〔2026〕117号                           签发人：周某某\n"
        "联系人：王某某      联系电话：0771-2865110\n"
        "XX市公安局办公室                           2026年10月12日印发\n"
    )
    prepared, _ = prepare(raw)
    assert "|" not in prepared.text


def test_letter_spaced_ocr_lines_are_measured_as_printed() -> None:
    # a scanned page's OCR spaces digits, so lines holding figures are longer in characters
    # than the page's width; the wraps of the shorter lines of words are still joined
    lines = [
        "    前三季度，全市共接报各类警情8 6 4 5 2起，同 比 下 降 6.3%，其中刑",
        "事警情9 1 7 3起，同比下降1 2 . 4 %；治安警情2 1 0 6 8起，同比下降4.9%。",
        "全市共立刑事案件3 2 9 1起，破获刑事案件1 4 0 5起，同比上升8.2%，抓获",
        "犯罪嫌疑人2 0 7 6名，八类严重暴力案件发案2 7起，全部破获，破案率1",
        "0 0 %，命案积案攻坚连续第4年保持清零，群众安全感进一步提升。",
        "    （三）群众身边小案。深化百日攻坚专项行动，侦破盗窃、诈骗",
        "等侵财类案件7 6 3起，为群众追赃挽损2 1 6万元，侵财案件发案同比下降",
        "1 5.7%，全市社会治安形势持续平稳向好，人民群众获得感明显增强。",
    ]
    recs = {r.text: r for r in extract_text("\n".join(lines) + "\n")}
    assert recs["7 6 3起"].label == "侦破盗窃、诈骗等侵财类案件"
    assert recs["7 6 3起"].metric == "cases_solved"


def test_a_narrow_column_of_a_two_column_pdf_is_joined_too() -> None:
    # A two-column report's text wraps each column at 13-14 characters (保 / 有量达到14.2万辆,
    # 警 / 车9 840辆次); taken for a text of short lines, its figures lost their names.
    raw = (
        "截至2025年底，全县机动车保\n有量达到14.2万辆，其中汽车\n8.7万辆、摩托车4.9万辆；驾驶\n"
        "人21.3万人，公路通车里程总\n长3 186公里。\n（二）路面管控\n"
        "全年共出动警力3.6万人次、警\n车9 840辆次，查处各类交通违\n法行为12.86万起，同比上升\n"
        "7.4%。依法行政拘留82人，移送\n起诉危险驾驶犯罪嫌疑人196\n人，吊销机动车驾驶证203本。\n"
    )
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "公路通车里程总长3 186公里" in prepared.text
    assert "移送起诉危险驾驶犯罪嫌疑人196" in prepared.text
    records = {r.text: r for r in extract_text(raw)}
    assert records["14.2万辆"].metric == "vehicle_stock"
    assert records["12.86万起"].metric == "violations_handled"
    assert records["9 840辆次"].metric == "vehicles_deployed"


def test_a_line_a_pdf_copy_spread_one_character_apart_is_read_closed_up() -> None:
    # A justified PDF page copied as text puts a blank after every character of some lines: the
    # blanks cut 辆 次 (read as 辆), 7 6 . 1 % (read as 1%) and every cue word (查 处, 同 比 上 升),
    # so the figures lost their metric and change. Lines spaced by words, or normal, stay as they are.
    raw = (
        "    （一）警力全员上路。假期全市累计出动警力1.26万人次、警车\n"
        "3 8 6 0 辆 次 ， 在 服 务 区 设 置 临 时 执 勤 点 2 4 个 。\n"
        "全 市 共 查 处 各 类 交 通 违 法 1 . 8 7 万 起 ， 同 比\n"
        "上 升 9 . 3 % ， 其 中 查 处 酒 驾 1 2 3 起 ， 占 7 6 . 1 % 。\n"
        "高速 公路 查处 超速 违法 612 起 。\n"
    )
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "查处各类交通违法1.87万起,同比" in prepared.text
    assert "高速 公路 查处 超速 违法 612 起" in prepared.text
    records = {r.text: r for r in extract_text(raw)}
    assert (records["3 8 6 0 辆 次"].unit, records["3 8 6 0 辆 次"].metric) == ("辆次", "vehicles_deployed")
    assert records["1 . 8 7 万 起"].metric == "violations_handled"
    assert (records["9 . 3 %"].change, records["9 . 3 %"].basis) == ("up", "yoy")
    assert records["1 2 3 起"].metric == "drink_driving"
    assert records["7 6 . 1 %"].value == 76.1
    assert records["612 起"].metric == "speeding"
    # the same with an ideographic space or two blanks for the gap
    wide = "全\u3000市\u3000查\u3000处\u3000酒\u3000驾\u30001\u30002\u30003\u3000起\n"
    wide += "城  区  大  队  醉  驾  4  6  起\n"
    records = {r.text: r for r in extract_text(wide)}
    assert records["1\u30002\u30003\u3000起"].metric == "drink_driving"
    assert (records["4  6  起"].value, records["4  6  起"].metric) == (46, "drunk_driving")


def test_a_table_a_pdf_kept_one_blank_apart_is_read_as_rows() -> None:
    # pdftotext keeps a small table's cells one blank apart; read as prose, 1153 -9.2% was one
    # figure of 1153 % and 286 323 -11.5% one of 286323 %, and the changes were missed.
    raw = (
        "表1 2025年道路交通事故主要指标\n指标 2025年 2024年 增减幅度\n事故起数（起） 1047 1153 -9.2%\n"
        "死亡人数（人） 19 22 -13.6%\n受伤人数（人） 286 323 -11.5%\n全年共发生道路交通事故1 047起。\n"
    )
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "| 受伤人数(人) | 286 | 323 | -11.5%" in prepared.text
    records = {r.text: r for r in extract_text(raw)}
    assert sorted(records) == ["-11.5%", "-13.6%", "-9.2%", "1 047起"]
    assert (records["-13.6%"].metric, records["-13.6%"].change) == ("deaths", "down")
    # prose with single blanks stays prose: a name and two numbers under no header are no table
    assert "|" not in prepare("共查处 1 286 起，其中\n酒驾 135 起\n醉驾 90 起\n")[0].text


def test_a_page_laid_out_in_tables_keeps_its_data_table_apart() -> None:
    # An old CMS lays the page out in tables and puts the article, with its data table, in one
    # cell: read as data, the article was one row and the data table's header was the layout's
    # first row, so the 同比 cells had no basis and no metric.
    raw = (
        "<table><tr><td class='pos'>您现在的位置：首页 &gt;&gt; 部门动态</td></tr>"
        "<tr><td><p>全县共发生道路交通事故612起。</p><p>各乡镇情况如下：</p>"
        "<table><tr><th>乡镇</th><th>事故起数<br />（起）</th><th>同比</th></tr>"
        "<tr><td>安福街道</td><td>168</td><td>-5.1%</td></tr>"
        "<tr><td>合口镇</td><td>94</td><td>+3.3%</td></tr></table></td></tr></table>"
    )
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "612起。\n\n各乡镇情况如下:" in prepared.text  # paragraphs, not one row's cell
    assert "\n | 乡镇 | 事故起数(起) | 同比\n" in prepared.text
    records = {r.text: r for r in extract_text(raw)}
    assert (records["-5.1%"].metric, records["-5.1%"].change, records["-5.1%"].basis) == (
        "accidents",
        "down",
        "yoy",
    )


def test_a_post_copied_from_a_phone_one_phrase_a_line_is_read_as_sentences() -> None:
    # A WeChat post copied from a phone keeps one phrase a line and loses its punctuation:
    # read as lines, the change had no count before it and the breakdown no whole.
    raw = "点击上方蓝字关注我们\n\n" + (
        "✅ 累计查处各类交通违法行为\n5372起\n同比上升\n12.6%\n其中\n🍺 酒驾\n63起\n醉驾\n11起\n\n"
        "今年11月\n全县共发生道路交通事故\n214起\n同比下降\n18.3%\n死亡\n3人\n比去年同期减少\n2人\n\n"
        "全县共出动警力\n1860\n人次\n出动警车\n420余\n辆次\n\n"
        "“警医邮”便民服务站\n上门为群众\n办理驾驶证审验\n等业务\n290余笔\n\n"
        "▲民警在G207线查缉点检查过往车辆\n\n往期推荐\n▶ 这10辆车上榜\n▶ 这6个路口新增电子警察\n\n"
        "点赞 126\n在看 38\n阅读原文\n"
    )
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "交通违法行为5372起,同比上升12.6%,其中,🍺 酒驾63起,醉驾11起" in prepared.text
    assert "出动警力1860人次,出动警车420余辆次" in prepared.text
    assert "办理驾驶证审验等业务290余笔" in prepared.text
    assert "往期推荐\n▶ 这10辆车上榜\n▶" in prepared.text  # items keep their lines
    records = {r.text: r for r in extract_text(raw)}
    assert (records["12.6%"].metric, records["12.6%"].change) == ("violations_handled", "up")
    assert records["63起"].parent == "5372起"
    assert (records["2人"].metric, records["2人"].change) == ("deaths", "down")
    assert records["420余\n辆次"].metric == "vehicles_deployed"
    # a text of full sentences a line is no such post: its lines stay apart
    prose = "".join(f"第{i}条：全市开展宣传活动{i}次。\n" for i in range(1, 25))
    assert prepare(prose)[0].text == fold_text(prose)


def test_a_word_table_saved_one_cell_a_line_is_laid_out_as_rows() -> None:
    # A .docx report saved as text gives each table cell a line and parts the rows by a blank
    # line: read as prose, 392 / -6.4% was the range 392-6.4% and the 同比 cells had no column.
    raw = (
        "全县共发生道路交通事故1507起。分季度情况见表1。\n\n表1  各季度道路交通事故情况\n\n"
        "季度\n事故起数（起）\n同比\n死亡人数（人）\n\n第一季度\n392\n-6.4%\n8\n\n"
        "第二季度\n381\n-11.8%\n7\n\n10—11月\n316\n+2.2%\n4\n\n- 3 -\n\n四、存在问题\n\n一是短板。\n"
    )
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "| 季度 | 事故起数(起) | 同比 | 死亡人数(人)\n| 第一季度 | 392 | -6.4% | 8\n" in prepared.text
    records = {r.text: r for r in extract_text(raw)}
    assert set(records) == {"1507起", "-6.4%", "-11.8%", "+2.2%"}  # bare cells are no figures
    assert (records["-6.4%"].value, records["-6.4%"].metric, records["-6.4%"].change) == (
        6.4,
        "accidents",
        "down",
    )
    assert (records["+2.2%"].metric, records["+2.2%"].change) == ("accidents", "up")
    # paragraphs of one line each, or lines that are sentences, are no table
    prose = "一、基本情况\n全县辖12个乡镇\n常住人口8万余人\n\n二、主要工作\n查处违法1.2万起\n同比上升5%\n"
    assert prepare(prose)[0].text == fold_text(prose)


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


_BOX_TABLE = (
    "表1  各大队辖区道路交通事故情况统计表\n"
    "┌──────┬────────┬──────┬──────┐\n"
    "│ 辖  区 │事故起数（起）│ 同比增减 │死亡（人）│\n"
    "├──────┼────────┼──────┼──────┤\n"
    "│城东大队│   46   │ -8.0% │   3  │\n"
    "├──────┼────────┼──────┼──────┤\n"
    "│城西大队│   31   │ +3.3% │   2  │\n"
    "└──────┴────────┴──────┴──────┘\n"
    "注：同比增减指事故起数较上年同期的变化。\n"
)


@pytest.mark.parametrize("kind", ["text", "markdown"])
def test_a_table_drawn_with_box_characters_is_read_as_rows_of_cells(kind: str) -> None:
    # a PDF's text draws its table with ┌─┬─┐ and │: each row is a Markdown row, each rule a rule
    # row, so a 同比 cell is a change of its row's count, year on year, in the right place
    raw = _BOX_TABLE if kind == "text" else "# 事故分析\n\n" + _BOX_TABLE
    assert detect_kind(raw) == kind
    prepared, _ = prepare(raw)
    assert "| 同比增减 |" in prepared.text and "|------|" in prepared.text
    recs = {r.text: r for r in extract_text(raw)}
    for cell, change in (("-8.0%", "down"), ("+3.3%", "up")):
        rec = recs[cell]
        assert (rec.metric, rec.change, rec.basis) == ("accidents", change, "yoy"), cell
        assert raw[rec.start : rec.end] == cell
    # a rule of box characters alone, or a bar in prose, is no table
    plain = "上半年工作\n────────\n查处违法12起│完\n"
    assert prepare(plain)[0].text == plain


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


def test_a_crawled_text_with_markup_left_in_keeps_its_own_lines() -> None:
    # a crawler's extraction leaves <br/> and entities in plain text; read as a page, its source
    # lines ran together, and the 下一篇 headline and the 相关链接 list after the article's last
    # sentence were read as its figures
    raw = (
        "首页 > 警务动态 > 正文&nbsp;&nbsp;全市开展冬季整治\n"
        "&#12288;&#12288;全市共查处交通违法3.46万起，行政拘留58人。<br/>\n"
        "&#12288;&#12288;（记者 王晓东）<br/>\n"
        "下一篇：全市开展&ldquo;守护平安&rdquo;专项行动 抓获各类违法犯罪嫌疑人186名\n"
        "相关链接：\n·高速交警&ldquo;雪天护航&rdquo;保障3.2万辆车安全通行\n"
    )
    assert detect_kind(raw) == "html"
    assert [r.text for r in extract_text(raw)] == ["3.46万起", "58人"]
    # a page's tags still give its lines, its source wraps none
    page = "<div>全年查处酒驾\n<b>135</b>\n起</div><br/>"
    assert [r.text for r in extract_text(page)] == ["135</b>\n起"]


def test_lines_opened_by_a_time_stamp_are_utterances_not_wraps() -> None:
    # A live stream's or a video's subtitles, one utterance a line behind its time stamp and with no
    # full stop: the lines are about one width, so they looked wrapped and were joined, and the
    # next line's stamp (00:06:02) ended up in the figure's words; the count of a bare clause
    # (一共是五十二个) then took the metric of the line before.
    lines = [
        "00:04:38 王队：国道上我们还设了两个临时服务点，这三个月帮了差不多一百五十个司机",
        "00:04:51 这个给王队点个赞，弹幕刷起来，我们下面接着聊一聊头盔的事情好不好",
        "00:05:02 好，接下来说说头盔，这个是大家评论区里面问得最多的一个问题了",
        "00:05:11 王队：我们路口抽查了一下，现在骑车戴头盔的，大概在百分之八十七",
        "00:05:34 王队：跟几家企业一起，送出去的头盔，前后有三千来顶，都送到乡下去了",
        "00:06:02 王队：乡下的劝导站我们也补了，一共是五十二个，今年新建的有十一个",
        "00:06:40 王队：全县三十一所中小学门口都设了护学岗，每天早上都有民警到位",
    ]
    raw = "\n".join(lines) + "\n"
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert prepared.text.count("\n") == len(lines)  # no line break dropped
    recs = {r.text: r for r in extract_text(raw)}
    assert (recs["五十二个"].metric, recs["五十二个"].label) == ("stations_built", "乡下的劝导站我们也补了")
    assert recs["差不多一百五十个"].label == "这三个月帮了司机"  # not 司机00
    assert recs["三千来顶"].metric == "materials_distributed"


def test_a_time_stamp_opening_a_line_ends_the_clause_before_it() -> None:
    # A line break before a digit is mostly a wrap (共出动警力\n2,300余人次), but one before a
    # subtitle's time stamp opens a new utterance: the stamp's 00 is no word of the figure before.
    raw = "00:01:40 王队：酒驾我们查了一百六十几起，醉驾的有三十来起\n00:02:02 有网友问，晚上查酒驾都在哪\n"
    recs = {r.text: r for r in extract_text(raw)}
    assert recs["三十来起"].label == "醉驾的"
    assert "网友" not in recs["三十来起"].sentence


@pytest.mark.parametrize(
    ("written", "read"),
    [("2024-02-30", "2024-02-30"), ("2024-13-45", "2024-13-45"), ("2024-01-01 25:00:00", "2024-01-01")],
)
def test_an_impossible_front_matter_date_costs_the_date_not_the_article(written: str, read: str) -> None:
    """YAML reads `2024-02-30` as a timestamp and then fails to make it a date (a ValueError)."""
    text = f"---\ntitle: 通报\ndate: {written}\n---\n共查处违法12起\n"
    (record,) = extract_text(text, doc="a")
    assert (record.text, record.title, record.date) == ("12起", "通报", read)
    assert text[record.start : record.end] == "12起"


_YAML_BITS = [*"':#-[{|>%@~,?", ": ", " #", "''", "\\t", "1", "yes", "null", "0x1F", ".5", "1e3"]
_WORDS = ["&a", "*a", "!x", '"', "昆明", "交警", " ", "2021-12-02", "10:35:06", "Thu, 02 Dec 2021"]
_VALUE_PARTS = st.sampled_from([*_YAML_BITS, *_WORDS])
_KEY = st.sampled_from(["title", "date", "author", "tags"])
_ITEMS = st.lists(st.tuples(_KEY, st.lists(_VALUE_PARTS, max_size=5).map("".join)), min_size=1, max_size=4)


@settings(max_examples=400, deadline=None)
@given(_ITEMS, st.booleans())
def test_front_matter_read_without_yaml_is_yamls(items: list[tuple[str, str]], nested: bool) -> None:
    """Whenever the plain reading takes a block, its title and date are YAML's (or the key lines', as before,
    where YAML fails)."""
    block = "".join(f"{k}: {value}\n" + (" - a\n" if nested and k == "tags" else "") for k, value in items)
    simple = markup._simple_front_matter(block)
    if simple is None:
        return
    try:
        loaded = markup.safe_load(block)
    except (markup.YAMLSyntaxError, ValueError, OverflowError):
        loaded = None
    if not isinstance(loaded, dict):  # YAML fails: the key lines are read
        loaded = {}
        for line in markup._KEY_LINE.finditer(block):
            loaded.setdefault(line["key"], markup._unquote(line["value"]))
    for key in ("title", "date"):
        want, got = loaded.get(key), simple.get(key)
        if want is None or want == "":
            assert got in (None, "")
        else:
            assert got is not None
            assert (markup.iso_date(got), str(got).strip()) == (markup.iso_date(want), str(want).strip())


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
