"""Tests for statx.htmltext: the text of an HTML page, its tables, chrome, entities and wraps."""

from __future__ import annotations

import re

from statx import extract_text
from statx.markup import detect_kind, prepare
from tests.segments import check_segments


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
