"""Tests for statx.textlines: the line breaks of a plain text that cut a sentence, a word or a number."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from statx import extract_text
from statx.markup import prepare
from statx.normalize import fold_text
from tests.segments import check_segments

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


def test_text_with_a_paragraph_a_line_is_left_alone() -> None:
    raw = "".join(f"第{i}段：全市开展各类宣传活动{i}次，覆盖群众一千余人。\n" for i in range(1, 12))
    raw += "短行\n另一段没有句号但是很长很长很长很长很长很长很长很长\n下一段"
    assert prepare(raw)[0].text == fold_text(raw)  # no line break dropped


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


@settings(max_examples=400)
@given(st.text(alphabet="12 \t\u3000\r\n-—/第共页,x\xa0", max_size=40))
def test_page_footer_scan_finds_every_line_that_is_a_page_number(raw: str) -> None:
    """`page_breaks` skips a text in which one scan finds no page-number line; that scan must
    find every line the line-by-line reading takes for one, or a break would stay."""
    from statx.textlines import _PAGE_FOOTER, _PAGE_FOOTER_LINE

    footers = [t for line in raw.split("\n") if (t := line.strip()) and _PAGE_FOOTER.fullmatch(t)]
    if footers:
        assert _PAGE_FOOTER_LINE.search(raw) is not None


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


def test_a_yearbook_page_s_narrow_column_is_joined_beside_its_side_by_side_lines() -> None:
    # A yearbook page copied as text: most lines are one narrow column (16 characters), a few run
    # two columns side by side (three times as long) and set the usual width; the column's lines
    # still wrap mid-word (交通违法行 / 为 3.4 万余起) and are joined at the column's width.
    column = [
        "【社区警务】 2023 年,区公安分局",
        "深化一村一警建设,推行民警进网、",
        "辅警进格、群众进群三进联动,搭建",
        "以数据研判为支撑的防控平台,上线",
        "警民互动小程序 App,织密群防群",
        "治网络。全年共查处交通违法行",
        "为 3.4 万余起,入室盗窃案件发",
        "案数比上年下降 35%,平安小区",
        "占比 81%。全年安装防护栏",
        "2150 米,群众安全感明显提升,获评",
    ]
    side = [
        "5 月 12 日,民警走进校园开展安全教育 (李某 摄) 经验被省厅推广,辖区可防性案件",
        "建成智慧安防小区 + 网格员 + 物业 + 志愿者 联 动机制,市公安局向全市介",
        "为 2.3 万起,其中无证驾驶 34 辆、 制,把物业保安纳入巡防力量 绍经验,社区巡防",
        "渣土车等重点车辆专项整治行 队伍,全年便民窗口办理业务 立体化治安防控体系",
    ]
    raw = "\n".join(column + side) + "\n"
    prepared, _ = prepare(raw)
    check_segments(prepared, raw)
    assert "治网络。全年共查处交通违法行为 3.4 万余起" in prepared.text
    records = {r.text: r for r in extract_text(raw, doc="yearbook")}
    assert records["3.4 万余起"].metric == "violations_handled"
