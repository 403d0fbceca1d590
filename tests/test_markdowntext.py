"""statx.markdowntext: Markdown's marks, blocks, wraps and inline HTML give the text a page shows."""

from __future__ import annotations

import re

from statx import extract_text
from statx.markup import detect_kind, prepare
from tests.segments import check_segments


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


def test_a_footnote_superscript_in_markdown_is_read_apart_from_its_number() -> None:
    # Markdown keeps a page's <sup>: a footnote marker vanishes as it does in HTML, so it never
    # joins the number before it (120<sup>1</sup>所 is 120所, not 1201所); m² stays a unit
    raw = "# 报告\n\n全区共有中小学120<sup>1</sup>所，面积12.6m<sup>2</sup>，"
    raw += "查处违法58957<sup>[3]</sup>起。\n"
    assert detect_kind(raw) == "markdown"
    assert prepare(raw)[0].text == "# 报告\n\n全区共有中小学120所,面积12.6m²,查处违法58957起。\n"
    values = {r.unit: r.value for r in extract_text(raw)}
    assert values["所"] == 120 and values["起"] == 58957


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
