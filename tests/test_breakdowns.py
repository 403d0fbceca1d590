"""Breakdown parents on shapes of real reports: long 其中 lists, kinds named by 的, shares of 总数."""

from __future__ import annotations

from statx import extract_text
from tests.readings import parents_of


def test_a_long_list_after_a_sentence_opening_qizhong_keeps_the_whole_of_its_first_item() -> None:
    """Each item's change takes the list past the item's own window; the first item's whole still holds."""
    text = (
        "全年全省共发生火灾4100起，造成36人死亡、58人受伤，直接财产损失0.9亿元。与上年相比，"
        "火灾起数减少260起，下降6.0%；死亡人数减少5人，下降12.2%；受伤人数减少9人，下降13.4%；"
        "直接财产损失减少0.1亿元，下降10.0%。其中，发生较大火灾12起，同比减少3起，下降20.0%；"
        "发生重大火灾2起，同比减少4起，下降66.7%；发生居民住宅火灾1500起，同比增加1起。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].parent for t in ("12起", "2起", "1500起")] == ["4100起"] * 3
    assert recs["1起"].parent is None  # a change, no part


def test_a_bracket_restating_with_ji_holds_no_part() -> None:
    """即 in a bracket after a change gives the count compared with, no part of the count before."""
    text = "年内共接获12 406宗特别服务召唤，较上年上升3.1%（即12 033宗），其中九成以上在规定时间内到场。"
    assert parents_of(text)["12 033宗"] is None
    assert parents_of("查处酒驾612起（醉驾148起）")["148起"] == "612起"


def test_a_count_after_a_fenbie_list_of_changes_is_no_part_of_a_figure_before_it() -> None:
    """分别 pairs counts with their changes; a count in the next clause breaks nothing down."""
    text = "全镇800人参加禁毒宣传大会，破获案件、抓获人数同比分别增长12%、20%，强制隔离戒毒人员41人。"
    assert parents_of(text)["41人"] is None
    text = "全市查处违法2.1万起，其中城区、乡镇分别查处1.3万起、0.8万起。"
    assert parents_of(text)["0.8万起"] == "2.1万起"


def test_a_count_past_a_semicolon_after_items_of_another_measure_is_no_part() -> None:
    """…人，…条，其中…条、…条；…人: the items broke down the posts, not the follows said first."""
    text = "公众号粉丝8200人，全年推送信息300条，其中警情通报120条、防骗提示90条；视频号粉丝2100人。"
    parents = parents_of(text)
    assert (parents["120条"], parents["90条"]) == ("300条", "300条")
    assert parents["2100人"] is None
    # an item of the figure's measure before the semicolon lets the list go on
    text = "共出动警力640人次，其中民警310人次、警车45辆次；辅警270人次。"
    assert parents_of(text)["270人次"] == "640人次"


def test_the_lowest_grade_of_a_whole_said_from_it_up_goes_on_past_a_semicolon() -> None:
    """较大以上事故N起。其中…；较大事故M起: 较大 names a grade of the whole, no verb said again."""
    text = "上半年发生较大以上事故27起，死亡96人。其中，重大事故2起，死亡25人；较大事故25起，死亡71人。"
    parents = parents_of(text)
    assert (parents["2起"], parents["25起"]) == ("27起", "27起")


def test_a_count_said_again_alone_before_zhong_frames_the_counts_after_it() -> None:
    """死伤者共158人。158人中，131人受伤，27人死亡: the repeated count is the whole of both."""
    parents = parents_of("事故造成死伤者共158人。158人中，131人受伤，27人死亡。")
    assert (parents["131人"], parents["27人"]) == ("158人", "158人")


def test_items_naming_only_a_kind_with_de_go_on_past_a_semicolon() -> None:
    """…的有240名: words ending in 的 name a kind of the breakdown's whole, not a new count."""
    text = (
        "专项行动开始时，全县在逃人员名单上共有380人。其中，涉嫌盗窃的有160名；在逃3年以上的有240名，"
        "8年以上的有90人。三个月里民警追回了75名在逃人员。其中，涉嫌盗窃的38名，省督的3名；"
        "追回在逃3年以上的29名，在逃8年以上的13名。"
    )
    parents = parents_of(text)
    assert [parents[t] for t in ("160名", "240名", "90人")] == ["380人"] * 3
    assert [parents[t] for t in ("38名", "3名", "29名", "13名")] == ["75名"] * 4


def test_the_rest_of_a_list_past_a_semicolon_is_a_part_counting_what_the_whole_counts() -> None:
    """其中…；…；其他N次: the item names only the rest, so it counts what the whole counts."""
    text = "今年共开展各类巡逻勤务640次，其中夜间巡逻215次；集市巡逻180次；其他245次。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["245次"].parent, recs["245次"].metric) == ("640次", recs["640次"].metric)
    text = "全年共查处交通违法2.6万起，其中酒驾4100起；超速9800起；其余1.21万起。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["1.21万起"].parent, recs["1.21万起"].metric) == ("2.6万起", "violations_handled")
    text = "全年共查处交通违法2.6万起，其中酒驾4100起；超速9800起；其他查获吸毒人员12人。"
    # another measure: a count of its own
    assert {r.text: r.parent for r in extract_text(text)}["12人"] is None


def test_a_new_count_after_a_semicolon_is_no_kind_even_after_de_items() -> None:
    text = "共追回在逃人员75名，其中涉嫌盗窃的38名；全县另走访重点人员260名。"
    assert parents_of(text)["260名"] is None


def test_counts_paired_with_shares_of_the_total_point_at_the_totals_of_their_sentence() -> None:
    """分别占总数的17.5%和13.1%: each share to a decimal place names the total of its own sentence."""
    text = (
        "去年全省共破获涉毒案件1.3万起，缴获毒品23.6吨，同比上升1.2%；"
        "通过群众举报破获涉毒案件2270起，缴获毒品3.1吨，分别占总数的17.5%和13.1%。"
    )
    parents = parents_of(text)
    assert (parents["2270起"], parents["3.1吨"]) == ("1.3万起", "23.6吨")
    # under a heading, with the total a sentence or more up, 总数 may be the section's: no whole
    text = (
        "全市发生事故214起、死亡47人。\n"
        "（一）从道路类型看。国省道发生事故67起、死亡19人，分别占总数的31.3%和40.4%。"
    )
    parents = parents_of(text)
    assert (parents["67起"], parents["19人"]) == (None, None)


def test_counts_paired_with_shares_of_the_total_reach_the_totals_a_paragraph_up() -> None:
    """The totals first, then a paragraph of causes whose shares of 总数 fit them to a decimal."""
    text = (
        "上半年全省共发生道路交通事故3120起，造成870人死亡、2950人受伤。\n\n"
        "超速、酒驾和疲劳驾驶仍是主要肇事原因，共导致事故1810起，造成612人死亡、1702人受伤，"
        "分别占总数的58.0%、70.3%和57.7%。"
    )
    parents = parents_of(text)
    assert [parents[t] for t in ("1810起", "612人", "1702人")] == ["3120起", "870人", "2950人"]
    headed = text.replace("\n\n", "\n二、事故原因\n")  # a heading line between: 总数 may be its section's
    assert [parents_of(headed)[t] for t in ("1810起", "612人", "1702人")] == [None] * 3
    one_off = text.replace("57.7%", "59.7%")  # one share fits no total: none is linked
    assert [parents_of(one_off)[t] for t in ("1810起", "612人", "1702人")] == [None] * 3


def test_counts_paired_with_shares_of_totals_named_one_by_one_reach_the_totals_up() -> None:
    """分别占事故总数及亡人总数的: each total named by its thing, read as 总数 is."""
    text = (
        "今年一季度全县发生各类交通事故640起，造成96人死亡、512人受伤。"
        "据分析，超速和酒驾共肇事256起，造成42人死亡，分别占事故总数及亡人总数的40.0%和43.75%。"
    )
    parents = parents_of(text)
    assert (parents["256起"], parents["42人"]) == ("640起", "96人")


def test_three_counts_adding_up_exactly_to_the_count_before_them_are_its_parts() -> None:
    """No 其中, but 22 + 17 + 9 = 48: the devices sorted are shared out among three fates."""
    text = "对辖区48台设备排查分类，更换22台，停用17台，保留9台正常运行。"
    parents = parents_of(text)
    assert [parents[t] for t in ("22台", "17台", "9台")] == ["48台"] * 3


def test_sums_by_chance_of_list_siblings_or_of_two_outcomes_make_no_breakdown() -> None:
    text = "表彰一等功6人、二等功3人、三等功2人、嘉奖1人。"  # 6 = 3 + 2 + 1, all siblings of one list
    assert {r.parent for r in extract_text(text)} == {None}
    text = "登记问题27个，当场解决19个，其余8个明确了办结时限。"  # what became of the whole, no parts
    assert {r.parent for r in extract_text(text)} == {None}
    text = "全市发生事故48起。\n从成因看，超速22起，酒驾17起，疲劳驾驶9起。"  # another paragraph: left
    assert {r.parent for r in extract_text(text)} == {None}


def test_a_long_run_adding_up_exactly_to_a_total_a_paragraph_up_breaks_it_down() -> None:
    """Four counts or more adding up to a total of a paragraph before: no sum by chance, its parts."""
    text = (
        "本月共有受害群众26名，其中男性11人，女性15人。\n年龄结构\n"
        "30岁以下5人，30至49岁9人，50至64岁6人，65岁以上6人。"
    )
    parents = parents_of(text)
    assert [parents[t] for t in ("5人", "9人", "6人")] == ["26名"] * 3
    # three counts are too few to leave their paragraph; a whole that is itself a part is no total
    text = "全市发生事故48起。\n从成因看，超速22起，酒驾17起，疲劳驾驶9起。"
    assert {r.parent for r in extract_text(text)} == {None}
    text = "全市发生事故96起，其中货车48起。\n超速12起，酒驾12起，疲劳驾驶12起，其他12起。"
    assert parents_of(text)["12起"] is None


def test_parts_opening_with_a_verb_break_down_the_count_that_says_it_not_the_nearest() -> None:
    """其中查处…: the camera records nearer to the parts are no whole of violations dealt with."""
    text = (
        "去年，全区民警共查处各类机动车交通违法行为6230起，电子警察抓拍违法3.9万余起，全年把"
        "酒后驾驶、货车超载作为整治重点，其中查处酒后驾驶285起，超载64起，无证驾驶412起。"
    )
    parents = parents_of(text)
    assert [parents[t] for t in ("285起", "64起", "412起")] == ["6230起"] * 3
    text = "全年共查处交通违法行为5120起，现场查处4.2万余起，其中查处酒后驾驶312起，超员87起。"
    parents = parents_of(text)
    assert [parents[t] for t in ("312起", "87起")] == ["4.2万余起"] * 2  # the nearest says 查处 too


def test_a_count_framed_by_zhong_right_before_a_figure_is_its_whole() -> None:
    """N起…中有M起: the M are some of the N, not of the total an earlier 其中 broke down."""
    text = (
        "农村地区共发生火灾9万起，造成610人死亡，其中火灾起数和死亡人数比重均高于城市，"
        "52起较大火灾中有33起发生在农村。"
    )
    assert parents_of(text)["33起"] == "52起"
    text = "在查获的86名吸毒人员中有12名是未成年人。"
    assert parents_of(text)["12名"] == "86名"
    text = "全年发生事故52起，同比减少12起，死亡人员中有9人未系安全带。"  # a change frames nothing; 人 of 起
    assert parents_of(text)["9人"] is None
    # those of them said done right after the 中 (N条措施中已落实M条); a new thing built is no part
    text = "今年推出便民措施18条，目前18条措施中已部署落实11条。"
    assert parents_of(text)["11条"] == "18条"
    assert parents_of("在全县12个乡镇中已建成调解站9个。")["9个"] is None
    # the 中 right after the measure word, and 又有 (Taiwan: 62件中又有9件是再犯)
    text = "本月取締酒後駕車62件，其中行政違規20件。62件中又有9件屬累犯。"
    assert parents_of(text)["9件"] == "62件"


def test_a_qizhong_sentence_with_no_figure_governs_the_next_one() -> None:
    """其中，…居多。 sums the breakdown up; its counts follow, past a smaller detail said after the total."""
    text = (
        "前三季度全省消防部门共处置火灾2.4万起，死亡61人，直接财产损失3.3亿元；处置较大火灾5起，与上年持平。"
        "其中，冬季取暖引起的火灾较多。前三季度因电气线路故障引发火灾7100起，因取暖设备使用不当引发火灾5800起。"
    )
    parents = parents_of(text)
    assert (parents["7100起"], parents["5800起"]) == ("2.4万起", "2.4万起")
    text = "本年度，全县共立非法经营19起、组织赌博11起。其中通过网络实施的17起，占两类的56.7%。"  # siblings
    assert parents_of(text)["17起"] is None


def test_a_clause_naming_a_kind_reaches_the_count_of_that_kind_past_a_nearer_one() -> None:
    """110类有效报警中，…: the 110 calls said before, not the 122 calls nearer to the clause."""
    text = (
        "十月，区指挥中心受理各类报警28650起，有效报警4870起。其中110类报警3960起，环比减少4.3%；"
        "122类报警910起，环比减少1.8%。\n二、十月110类有效报警中，刑事类报警240起，环比减少3.4%；"
        "治安类报警580起。\n三、刑事类警情中，诈骗居首位。全月受理诈骗类报警150起，占刑事类警情的62.5%。"
    )
    parents = parents_of(text)
    assert (parents["240起"], parents["580起"], parents["150起"]) == ("3960起", "3960起", "240起")
    text = (
        "一季度全县受理刑事类警情3310起，同比减少6.2%；受理治安类警情8120起。刑事类警情中的"
        "电信诈骗类警情有所回落，一季度共受理905起。一季度全县诈骗类警情合计受理1240起，同比减少4.1%。"
    )
    parents = parents_of(text)
    assert parents["905起"] == "3310起"
    assert parents["1240起"] is None  # the clause spoke of the sentence with its own figure


def test_a_count_with_its_own_share_reaches_the_total_the_share_is_of() -> None:
    """A share to a decimal picks a total paragraphs up: after 其中, for a …类 kind, or by 占总数的."""
    text = (
        "全年全市救援队伍出动处置各类警情8.4万起。\n各站平均每天出动230余起。"
        "其中，处置火灾2.9万起、占34.5%；社会救助1.7万起、占20.2%。"
    )
    parents = parents_of(text)
    assert (parents["2.9万起"], parents["1.7万起"]) == ("8.4万起", "8.4万起")
    text = (
        "一、来电概况\n本月热线共受理群众来电52400件，日均1690件。\n二、来电分类\n"
        "咨询类共24100件，占45.99%；投诉类共9620件，占18.36%。"
    )
    parents = parents_of(text)
    assert (parents["24100件"], parents["9620件"]) == ("52400件", "52400件")
    text = (
        "上半年全省共发生火灾4.6万起，死亡120人。\n"
        "山区县共发生火灾1.9万起，占总数的41.3%；平原县发生火灾1.5万起，占总数的32.6%。"
    )
    parents = parents_of(text)
    assert (parents["1.9万起"], parents["1.5万起"]) == ("4.6万起", "4.6万起")
    text = (
        "全年发生事故1200起。\n问题：山区道路发生事故702起，占全县事故总数的58.5%。"
        "从时段看，夜间事故420起，占35.0%。"
    )
    parents = parents_of(text)
    # another total by name; the view by time (从时段看) breaks down the year's total, as 从区域看 does
    assert (parents["702起"], parents["420起"]) == (None, "1200起")


def test_sentences_of_sectors_go_on_with_a_qizhong_sentence_before_them() -> None:
    """其中，化工行业事故…。建材行业事故…。: each sector's sentence breaks down the same totals."""
    text = (
        "今年前三季度，全省累计发生生产安全事故52起，死亡40人，受伤21人。其中，化工行业事故18起，"
        "死亡15人，同比减少2起。建材行业事故9起，死亡8人。仓储物流行业事故4起，死亡4人。"
    )
    parents = {(r.text, r.start): r.parent for r in extract_text(text)}
    later = [p for (t, _), p in parents.items() if t in ("9起", "8人", "4起", "4人")]
    assert later == ["52起", "40人", "52起", "40人"]
    text = "全年查处交通违法12万起。其中，超速违法3.1万起。全年查处酒驾违法2100起。"  # another deed's words
    assert parents_of(text)["2100起"] is None


def test_a_breakdown_word_in_a_closed_square_bracket_opens_nothing() -> None:
    """【含…】 says what a figure holds, as （含…） does: the 其中 before it still opens the breakdown."""
    text = "全市共查处交通违法行为5.2万起，同比下降3%。其中，主城区查处【含绕城高速路段】1.8万起。"
    assert parents_of(text)["1.8万起"] == "5.2万起"


def test_a_line_wrapped_before_an_indented_figure_ends_no_sentence() -> None:
    """A PDF's line broken before a figure, the next line indented (首次来信⏎        238件), goes on."""
    text = "本年共接收群众来信412件。其中,首次来信\n        238件,已办结226件,办结率95%。"
    parents = parents_of(text)
    assert (parents["238件"], parents["226件"]) == ("412件", "412件")


def test_the_next_item_of_a_list_in_units_of_its_own_keeps_the_whole() -> None:
    """其中身份证2.6万张、居住证1.5万个: each 、 item counts in its own unit, all of the 人次 before."""
    text = "上周全区共受理各类证件申请4.1万人次，其中身份证2.6万张、居住证1.5万个。"
    assert parents_of(text)["1.5万个"] == "4.1万人次"
    text = "全市查处违法1.2万起，其中超速3200起、酒驾1800起、宣传活动86场。"  # a list in the whole's unit
    assert parents_of(text)["86场"] is None


def test_numbered_sector_lines_repeating_the_totals_kinds_break_them_down() -> None:
    """1.道路运输事故30起，死亡9人…⏎2.建筑施工事故5起…: each sector line's figures are parts of the totals."""
    text = (
        "全县发生事故38起，死亡12人，受伤20人，直接经济损失96万元。\n"
        "1.道路运输事故30起，死亡9人，受伤18人，直接经济损失80万元。\n"
        "2.建筑施工事故5起，死亡3人，受伤0人。"
    )
    parents = [r.parent for r in extract_text(text)][4:]
    assert parents == ["38起", "12人", "20人", "96万元", "38起", "12人", "20人"]
    text = (
        "全县发生事故38起，死亡12人，受伤20人。\n二、主要特点\n"
        "（一）从路段看。国道发生事故17起、死亡5人；县道发生事故9起、死亡2人。"
    )  # a heading sentence, then a paragraph of its own
    assert [r.parent for r in extract_text(text)][3:] == [None, None, None, None]
    text = "全县查处违法行为3800起，其中酒驾620起。\n1.查处超速1200起、逆行460起。"  # no casualty: no sectors
    assert [r.parent for r in extract_text(text)][2:] == [None, None]


def test_sector_lines_past_sectors_with_nothing_to_count_still_break_down_the_totals() -> None:
    """（一）林业：无事故⏎（二）…事故3起: a sibling sector counting nothing is passed over, as a heading."""
    text = (
        "一、总体情况\n今年一季度，全区发生各类事故15宗，死亡9人，受伤4人。\n"
        "二、分行业情况\n"
        "（一）林业：一季度全区未发生林业事故，上年同期也未发生。\n"
        "（二）矿山：一季度全区未接报矿山事故，上年同期亦无。\n"
        "（三）建筑业：一季度全区发生建筑业事故3宗，同比减少1宗；死亡2人，同比持平。\n"
        "（四）交通运输业：一季度全区发生交通运输业事故12宗；死亡7人；受伤4人。"
    )
    parents = {t: p for t, p in ((r.text, r.parent) for r in extract_text(text)) if p}
    assert parents == {"3宗": "15宗", "2人": "9人", "12宗": "15宗", "7人": "9人", "4人": "4人"}
    # a long line of another numbering above still ends the search
    text = (
        "全区发生各类事故15宗，死亡9人。\n"
        "1.本季度全区开展安全生产检查共计多轮，督促企业落实主体责任。\n"
        "（一）建筑业：发生事故3宗，死亡2人。"
    )
    assert [r.parent for r in extract_text(text)][2:] == [None, None]


def test_sector_lines_flattened_into_one_line_under_a_numbered_totals_line_break_them_down() -> None:
    """一、总体 …⏎二、分行业 （一）…事故。… （二）…: a cell flattened into one line keeps its sectors."""
    text = (
        "一、总体情况 本月全县发生生产安全事故9起，死亡8人，同比持平。\n"
        "二、分行业情况 （一）建筑施工事故。本月发生事故2起，死亡2人，同比减少1人。 "
        "（二）道路运输事故。本月发生事故7起，死亡6人，同比增加1人。"
    )
    parents = {(r.text, r.start): r.parent for r in extract_text(text)}
    assert [p for (t, _), p in parents.items() if t in ("2起", "7起")] == ["9起", "9起"]
    assert [p for (t, _), p in parents.items() if t in ("2人", "6人")] == ["8人", "8人"]
    # a view heading its own paragraph, numbered inline, still opens none
    text = (
        "一、总体情况 本月全县发生生产安全事故9起，死亡8人。\n"
        "二、主要特点 （一）从路段看。国道发生事故5起、死亡4人；县道发生事故4起、死亡3人。"
    )
    assert [r.parent for r in extract_text(text)][2:] == [None, None, None, None]


def test_an_item_past_parts_that_already_make_the_exact_whole_is_no_part() -> None:
    """其中…8200件，…260件，办结8412件: the first two make the 8460; what follows is no part."""
    text = "上半年共上报事件8460件，其中网格员上报8200件，热线转入260件，办结8412件。"
    parents = parents_of(text)
    assert (parents["260件"], parents["8412件"]) == ("8460件", None)
    text = (
        "全年主动公开信息1530条，其中，工作动态1200条、规范性文件330条，开展在线访谈12场，发布解读材料6条。"
    )
    assert parents_of(text)["6条"] is None
    text = "全年查处违法965起，其中超速612起，逆行378起。"  # overlapping parts, no sum met: both stay
    assert parents_of(text)["378起"] == "965起"
    text = (
        "今年共抓获在逃人员640人，其中本地上报的在逃人员410人，外地上报的在逃人员230人，部督的在逃人员12人。"
    )
    assert parents_of(text)["12人"] == "640人"  # the same thing again: overlaps


def test_first_counts_of_numbered_lines_adding_up_to_the_line_above_are_its_parts() -> None:
    """A work-safety bulletin lists its total's trades one numbered line each, with no 其中."""
    text = (
        "三、较大事故\n本季度共发生较大事故14起，死亡和下落不明48人，同比减少2起、6人。\n"
        "1.建筑施工发生3起，死亡和下落不明10人，同比增加1起。\n"
        "2.危险化学品发生2起，死亡7人。\n"
        "3.道路交通发生9起，死亡31人，同比减少3起、5人。\n"
    )
    recs = extract_text(text)
    parents = {(r.text, r.start): r.parent for r in recs}
    items = [r for r in recs if r.change is None and r.parent is not None]
    assert [(r.text, r.parent) for r in items] == [
        ("3起", "14起"),
        ("10人", "48人"),
        ("2起", "14起"),
        ("7人", "48人"),
        ("9起", "14起"),
        ("31人", "48人"),
    ]
    assert all(p is None for (t, _), p in parents.items() if t in ("1起", "6人", "5人"))


def test_numbered_lines_that_do_not_add_up_to_the_line_above_stay_without_a_whole() -> None:
    """Three numbered lines whose counts miss the total above by one are a partial list: no parent."""
    text = "全年查处交通违法120起。\n1.酒后驾驶发生40起。\n2.超速发生30起。\n3.超员发生49起。\n"
    assert all(r.parent is None for r in extract_text(text))


def test_bulleted_lines_after_a_lead_line_adding_up_to_the_total_are_its_parts() -> None:
    """A web page bullets its items (◆), spaces them by blank lines and says 分别是： before them."""
    text = (
        "经排查，全市五个事故多发点段去年共发生事故46起，造成19人死亡。\n\n这五个点段分别是：\n\n"
        "◆ 东环路与建设路交叉口，全年发生事故12起、死亡5人。\n\n"
        "◆ 南山隧道出口，全年发生事故9起、死亡4人。\n\n"
        "◆ 北关大桥，全年发生事故11起，死亡3人。\n\n"
        "◆ 西站广场，全年发生事故8起、死亡4人。\n\n"
        "◆ 东郊收费站，全年发生事故6起、死亡3人。\n"
    )
    items = [(r.text, r.parent) for r in extract_text(text) if r.parent is not None]
    assert items == [
        ("12起", "46起"), ("5人", "19人"), ("9起", "46起"), ("4人", "19人"), ("11起", "46起"),
        ("3人", "19人"), ("8起", "46起"), ("4人", "19人"), ("6起", "46起"), ("3人", "19人"),
    ]  # fmt: skip
    one_short = text.replace("事故6起", "事故5起").replace("死亡3人。\n\n◆ 西站", "死亡2人。\n\n◆ 西站")
    assert all(r.parent is None for r in extract_text(one_short))  # no exact sum: a partial list
    two_leads = text.replace("这五个点段分别是：\n\n", "这五个点段分别是：\n具体情况如下：\n")
    assert all(r.parent is None for r in extract_text(two_leads))  # one lead line only


def test_a_trade_said_to_happen_among_the_events_a_clause_names_is_a_part_of_their_count() -> None:
    """在…事故中，X发生N起: the item says only 发生, yet the clause names the accidents counted before."""
    text = (
        "一季度全省共发生较大事故11起，死亡38人。\n"
        "据介绍，在一季度发生的较大事故中，建筑业发生4起，死亡13人；道路运输发生6起，死亡21人。"
    )
    parents = parents_of(text)
    assert parents["4起"] == "11起"
    assert parents["6起"] == "11起"


def test_a_second_view_is_no_part_of_the_first() -> None:
    """从地区看…。从行业领域看…: two leads view one total; the second's figure is no part of the first's."""
    text = (
        "今年上半年，全省亡人事故与亡人数均比上年减少。从地区看，全省14个市中11个亡人事故减少。"
        "从行业领域看，建筑业、道路运输等6个行业领域亡人数减少。"
    )
    parents = parents_of(text)
    assert (parents["11个"], parents["6个"]) == ("14个", None)
    # a second view of a total counted before both views breaks that total down
    text = "全年共受理纠纷860件。按类型分，婚姻家庭纠纷320件，邻里纠纷210件。按地区分，城区500件，农村360件。"
    parents = parents_of(text)
    assert (parents["500件"], parents["360件"]) == ("860件", "860件")


def test_a_sentence_opened_by_juti_laikan_breaks_down_the_total_before_it() -> None:
    """X累计N。具体来看，A…；B…: 具体来看 opens the parts of the total said right before, as 其中 does."""
    text = "节日七天全市接待游客累计860万人次。具体来看，城区景点接待520万人次；郊县景点接待340万人次。"
    parents = parents_of(text)
    assert (parents["520万人次"], parents["340万人次"]) == ("860万人次", "860万人次")


def test_a_nested_qizhong_ends_at_the_semicolon_of_its_item() -> None:
    """…；B N，其中B1 M；C K: the nested 其中 breaks down B only; C is a part of the outer whole."""
    text = (
        "假期全省客运量预计累计2.4亿人次。具体来看，铁路客运量预计累计1800万人次；公路客运量预计"
        "累计2.1亿人次，其中自驾出行量预计累计1.9亿人次；民航客运量预计累计600万人次。"
    )
    parents = parents_of(text)
    assert parents["1.9亿人次"] == "2.1亿人次"
    assert parents["600万人次"] == "2.4亿人次"
    # an item with a 其中 of its own among items that are each a whole stays as before
    text = "电动车事故82起，其中夜间发生30起；货车事故46起，其中重型货车19起；客车事故59起"
    assert parents_of(text)["59起"] is None


def test_a_part_past_a_semicolon_with_a_long_note_in_brackets_still_breaks_down_the_whole() -> None:
    """其中，A量N；B量（包括…、…）M: the note makes no new topic; the name before it ends in 量 too."""
    text = (
        "昨日全省人员流动量约612万人次。其中，铁路客运量88万人次，增长8%；公路人员流动量（包括高速公路"
        "及普通国省道非营业性小客车人员出行量、公路营业性客运量和城际公交客运量）510万人次，增长12%；"
        "水路客运量14万人次。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["510万人次"].label == "公路人员流动量"
    assert [recs[t].parent for t in ("88万人次", "510万人次", "14万人次")] == ["约612万人次"] * 3


def test_crashes_after_the_parts_of_an_offence_count_are_no_parts_of_it() -> None:
    """查处酒驾…，其中醉驾…，酒驾导致的事故…: the crashes and deaths the offences caused are no part
    of the offences caught, though the 其中 before them opened a breakdown."""
    text = "上半年全市查处酒醉驾6400起，其中醉驾1300起，因醉驾造成死亡交通事故15起，造成17人死亡。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["1300起"].metric, recs["1300起"].parent) == ("drunk_driving", "6400起")
    assert (recs["15起"].metric, recs["15起"].parent) == ("accidents", None)
    assert (recs["17人"].metric, recs["17人"].parent) == ("deaths", None)


def test_drunk_drivers_are_part_of_offences_named_by_the_long_word_for_drink_driving() -> None:
    """酒后驾驶…N起，其中醉驾M人: the short and the long word share no two characters but name one
    kind of case, so the drivers break down the offences; drivers punished among violations do not."""
    text = "周末夜查中交警查获酒后驾驶案件61起，其中醉驾9人。另查处交通违法行为300起，其中处罚驾驶人120人。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["9人"].metric, recs["9人"].parent) == ("drunk_driving", "61起")
    assert recs["120人"].parent is None


def test_drunk_drivers_break_down_the_drink_driving_cases_not_an_earlier_person_time_total() -> None:
    """违法N人次，酒后驾驶M起，其中K人醉驾 (or 其中醉驾K人): the cases right before the 其中 are the
    whole, whether the kind comes before or after the drivers' count, not the offences in 人次 before
    them; drivers the item names alone still do not break down the cases."""
    text = (
        "今年大队共处理交通违法2.6万余人次，酒后驾驶58起，其中21人属醉酒驾驶。"
        "冬季整治中处理违法1800人次，酒驾30起，其中醉驾12人。"
        "另查处超载货车90起，其中处罚驾驶人40人。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["21人"].metric, recs["21人"].parent) == ("drunk_driving", "58起")
    assert (recs["12人"].metric, recs["12人"].parent) == ("drunk_driving", "30起")
    assert recs["40人"].parent is None


def test_kinds_of_crime_told_apart_by_words_naming_no_metric_go_on_past_a_semicolon() -> None:
    """…侵权犯罪案件N起；…走私犯罪案件M起: the words shared (犯罪案件) name the metric, the rest do not."""
    text = (
        "截至10月，全省共侦破经济犯罪案件640起，抓获犯罪嫌疑人820人。其中，假冒商标犯罪案件210起，"
        "抓获嫌疑人310人；走私普通货物犯罪案件95起，抓获嫌疑人120人。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["95起"].parent, recs["95起"].metric) == ("640起", "cases_solved")
    assert recs["120人"].parent == "820人"


def test_a_list_of_clauses_longer_than_the_window_goes_on_from_the_clause_before() -> None:
    """其中，甲…；乙…；…: the items past the window still break down the whole before 其中."""
    groups = [
        "一号专项查办食品犯罪案件",
        "二号专项查办药品犯罪案件",
        "三号专项查办侵权犯罪案件",
        "四号专项查办环境犯罪案件",
        "五号专项查办林草犯罪案件",
        "六号专项查办野生动物犯罪案件",
    ]
    counts = [(110, 150), (40, 35), (60, 70), (12, 20), (90, 95), (70, 80)]
    items = "；".join(
        f"{g}{c}起，抓获犯罪嫌疑人{p}人，并依法移送审查起诉" for g, (c, p) in zip(groups, counts, strict=True)
    )
    text = f"今年以来，全省共侦办各类案件382起，抓获犯罪嫌疑人450人。其中，{items}。"
    parents = parents_of(text)
    assert [parents[f"{c}起"] for c, _ in counts] == ["382起"] * 6
    assert [parents[f"{p}人"] for _, p in counts] == ["450人"] * 6


def test_a_case_named_with_a_bare_an_is_a_kind_of_case_like_one_named_with_anjian() -> None:
    """其中，查处赌博案N起…；吸毒案件M起: 案 and 案件 name kinds of one list of cases."""
    text = (
        "当晚共查处治安案件40起，行政处罚90人。其中，查处赌博案30起，处罚70人；"
        "查处卖淫嫖娼案件6起，处罚12人；吸毒案件4起，处罚8人。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["30起"].metric, recs["4起"].parent, recs["8人"].parent) == ("cases_solved", "40起", "90人")


def test_a_count_framed_by_zhong_and_a_comma_is_the_whole_of_those_done() -> None:
    """N项…中，…已完成M项 / 其余N项: a work report's pledges, those done, and the rest of them."""
    text = "今年承诺的24项惠民工程中不列考核指标，按季推进的有4项，其余20项中，截至11月已完成15项。"
    parents = parents_of(text)
    assert parents["4项"] == "24项"
    assert parents["20项"] == "24项"  # the rest of the whole the 4 are part of
    assert parents["15项"] == "20项"  # a date's digits between the comma and the count done


def test_a_count_framed_by_zhong_and_a_comma_is_no_whole_of_an_object_or_a_level() -> None:
    """N…中，对M个… / N…中排名第一，…增加到M个: the M are acted on or a new level, not some of the N."""
    assert parents_of("在全市900余个路口中，对215个路口的信号配时作了调整。")["215个"] is None
    text = "在全市21个派出所中排名第二，连续两年无命案的社区增加到5个。"
    assert parents_of(text)["5个"] is None


def test_a_part_framed_by_zhong_with_haiyou_is_a_part_of_the_count_before() -> None:
    """在上述N名人员中还有M名…: 还有 after the frame, as 有 is."""
    text = "全县共有在逃人员120名，其中外省籍70名；在上述120名人员中还有25名无照片信息。"
    assert parents_of(text)["25名"] == "120名"


def test_a_grouping_looked_at_with_guancha_breaks_down_the_total_before_it() -> None:
    """從…觀察，… / 以…別觀察: Taiwan's way to say a grouping lead; its first item is a part of the total."""
    text = (
        "上半年交通事故共造成死亡842人，较去年同期减少31人。\n"
        "從肇事車種觀察，機車事故的死亡人數最多，達415人，較去年同期減少5.2%。"
    )
    parents = parents_of(text)
    assert parents["415人"] == "842人"
    text = "本季共查獲毒品案件嫌疑人620人。以年齡別觀察，30歲以下者最多為248人，其次為31至40歲者196人。"
    parents = parents_of(text)
    assert (parents["248人"], parents["196人"]) == ("620人", "620人")


def test_sectors_after_a_lead_go_on_past_full_stops_and_semicolons() -> None:
    """据介绍，在…事故中，A发生N起，死亡M人；B…。C发生…；D…: every sector breaks down the totals."""
    text = (
        "前三季度全市共发生较大事故16起，死亡和失踪60人，同比减少3起、9人。\n"
        "据介绍，在前三季度发生的较大事故中，矿山开采发生4起，死亡15人；城乡建设发生5起，死亡18人。"
        "危险物品运输发生2起，失踪7人；内河航运发生3起，死亡和失踪12人；渔业捕捞发生1起，死亡4人。"
    )
    parents = parents_of(text)
    assert [parents[t] for t in ("4起", "5起", "2起", "3起", "1起")] == ["16起"] * 5
    assert [parents[t] for t in ("15人", "18人", "7人", "12人", "4人")] == ["60人"] * 5
    # a sentence that looks at the total another way is no further sector: a part of the total
    text = (
        "全年共发生较大事故14起。在全年发生的较大事故中，矿山开采发生4起；城乡建设发生5起。"
        "从时段看，夜间发生6起。"
    )
    assert parents_of(text)["6起"] == "14起"


def test_a_sector_past_a_semicolon_of_a_sentence_going_on_from_a_qizhong_keeps_the_totals() -> None:
    """其中，A行业事故…。B行业事故…；C行业事故…: the item past the semicolon is a sector like the others."""
    text = (
        "全年发生生产安全事故37起，死亡31人。其中，纺织行业事故12起，死亡9人。"
        "印染行业事故6起，死亡5人；造纸行业事故4起，死亡3人。"
    )
    parents = parents_of(text)
    assert (parents["4起"], parents["3人"]) == ("37起", "31人")


def test_counts_before_a_total_said_after_them_are_its_parts() -> None:
    """A、B、C，总人数为N: the named total comes last; the counts before it add up to it exactly."""
    text = "去年全局实有编制：编制内民警412人、辅警1065人、文职人员238人，总人数为1715人。"
    parents = parents_of(text)
    assert [parents[t] for t in ("412人", "1065人", "238人")] == ["1715人"] * 3
    assert parents["1715人"] is None
    # a bare sum of a few named items (共计) is no whole of theirs; nor is a total they miss
    text = "城关、河西、新华三个所查处量较高，分别为312、298、275起，共计885起。"
    assert all(r.parent is None for r in extract_text(text))
    text = "编制内民警412人、辅警1065人、文职人员238人，总人数为1800人。"
    assert all(r.parent is None for r in extract_text(text))


def test_a_total_closing_a_list_with_gongji_or_deng_is_the_whole_of_its_items() -> None:
    """A、B、C，共计<verb>N / A、B等…共N: the count after the list sums it, so the items are its parts."""
    text = "辖区民警入户走访门店84家、托管机构6所、物流企业22家，共计走访112家，收集线索19条。"
    parents = parents_of(text)
    assert [parents[t] for t in ("84家", "6所", "22家")] == ["112家"] * 3  # 6所 too: the sum is exact
    assert parents["19条"] is None
    text = "夜查中查获无牌车36起、报废车9起等违法行为共计61起。"
    parents = parents_of(text)
    assert [parents[t] for t in ("36起", "9起")] == ["61起"] * 2
    # a sum of the list said with the list's verb again after 共, the list's items need not add up to it
    text = "当周纠处闯红灯140起、逆行85起，共纠处各类交通违法1630起。"
    parents = parents_of(text)
    assert [parents[t] for t in ("140起", "85起")] == ["1630起"] * 2
    # the list starts at the clause of the verb the sum repeats, not at an earlier count of the unit
    text = "清查旅店40家，走访超市65家、药店18家，合计走访200家。"
    parents = parents_of(text)
    assert (parents["40家"], parents["65家"], parents["18家"]) == (None, "200家", "200家")


def test_a_count_after_a_list_that_is_no_total_of_it_leaves_the_items_alone() -> None:
    """Another verb after 共, items that pass the count, or a single item: no whole said after its parts."""
    for text in (
        "受理求助220起，调解成功180起，共计化解矛盾300起。",  # 化解 is neither 受理 nor 调解成功
        "走访商户90家、社区12个，累计检查场所600家。",  # 检查 is not 走访
        "查处超速320起、超员75起，共查处酒驾醉驾40起。",  # the two pass the 40
        "整治中查处酒驾18起，共计查处违法240起。",  # one item is no list
        "走访企业30家、学校8所等单位，发放资料900份。",  # 等 closes the list, but no count of it follows
    ):
        assert all(r.parent is None for r in extract_text(text)), text


def test_items_in_their_own_unit_between_two_parts_of_a_list_are_parts_too() -> None:
    """其中，A工单N件，B来信M封，C来信K封，D工单L件: letters between two parts are channels of the whole."""
    text = (
        "今年一季度，热线办收到网络和信件诉求590件，其中，市长热线转办工单212件，区长信箱来信45封，"
        "书记信箱来信30封，网站留言转办工单128件，微信平台转办工单175件。"
    )
    parents = parents_of(text)
    assert (parents["45封"], parents["30封"]) == ("590件", "590件")
    # sites paired with the slots of one part in its own clause are no part of the slots' whole
    text = (
        "全年新增停车泊位5000个。其中，新建公共停车场12座、泊位2400个，"
        "改造临时停车点30处、泊位900个，路内泊位1700个。"
    )
    assert parents_of(text)["30处"] is None


def test_a_second_qizhong_sentence_cuts_the_same_total_past_the_last_part_of_the_first() -> None:
    """N起，其中A、B、C。其中，D M起: D is another cut of N, not a breakdown of the smaller C before it."""
    text = (
        "昨日全市消防共接警612起，其中火灾扑救140起、抢险救援380起、社会救助92起。"
        "其中，涉及暴雨的警情305起，其中城区188起。"
    )
    parents = parents_of(text)
    assert (parents["305起"], parents["188起"]) == ("612起", "305起")


def test_a_sentence_of_the_next_ranks_goes_on_with_the_grouping_before_it() -> None:
    """從…觀察，A最多，達N人。其次是B及C，分別為M人及K人: the next ranks break down the same total."""
    text = (
        "上半年交通事故共造成死亡842人，较去年同期减少31人。\n"
        "從肇事車種觀察，機車事故的死亡人數最多，達415人。其次是行人及小貨車，分別為121人及88人。"
    )
    parents = parents_of(text)
    assert (parents["121人"], parents["88人"]) == ("842人", "842人")
    # a 分别 sentence of its own after a breakdown pairs names with figures and goes on nothing
    text = "全年共破获案件860起，其中盗窃案件310起。城关、河西两所分别破获案件120起、96起。"
    parents = parents_of(text)
    assert parents["96起"] != "860起"


def test_a_clause_saying_some_of_the_count_before_are_of_a_kind_breaks_it_down() -> None:
    """N宗，M宗为X: with no 其中, the next clause's count said to be of a kind is some of the N."""
    text = "全年与行人有关的事故共312宗，5宗为致命事故。共发生事故96起，死亡12人，7起为酒驾肇事。"
    parents = parents_of(text)
    assert parents["5宗"] == "312宗"
    assert parents["12人"] is None and parents["7起"] != "12人"
    # a clause whose count is a rate of the count before (…，20%为…) or bigger is none
    text = "共查处违法1200起，1500起为去年数字。"
    assert parents_of(text)["1500起"] is None


def test_faults_fixed_on_the_spot_are_some_of_the_faults_found_just_before() -> None:
    """发现隐患N处，当场整改M处: with no 其中, the faults put right there and then are some of those found."""
    text = "走访商铺36家，发现隐患27处，当场整改21处，现场整改问题5个。排查隐患9处，当场整改9处。"
    parents = parents_of(text)
    assert parents["21处"] == "27处"
    assert parents["9处"] == "9处"  # 排查隐患 found them too, all fixed on the spot (the last mention)
    assert parents["27处"] is None and parents["5个"] is None
    # a fixing said without 当场 (a report may count it with re-checks, bigger than what it found) or
    # after a count that found nothing (检查…家) stays a count of its own
    text = "检查单位80家，发现隐患64处，督促整改隐患70处。排查门店40处，现场整改12处。"
    parents = parents_of(text)
    assert parents["70处"] is None and parents["12处"] is None


def test_valid_calls_right_after_all_calls_are_some_of_them() -> None:
    """接报警N起，有效报警M起: with no 其中, a 110 report's valid calls are some of all the calls."""
    text = "上半年县110共接听来电6.2万起，有效报警1.8万起。城区接报警情900起，无效警情310起。"
    parents = parents_of(text)
    assert parents["1.8万起"] == "6.2万起"
    assert parents["310起"] == "900起"
    # the count before must be one of calls, and the clause between nothing but the valid ones
    text = "查处违法行为3000起，有效整改1200起。共接报警情5000起，其中有效警情2100起，有效率42%。"
    parents = parents_of(text)
    assert parents["1200起"] is None
    assert parents["2100起"] == "5000起"


def test_figures_of_another_year_after_a_breakdown_are_no_parts_of_this_years_total() -> None:
    """2023年…N宗，當中M宗…，而2022年則分別是A宗及B宗: last year's figures lie outside this year's total."""
    text = "2023年，以每十萬人口計算的盜竊案有412宗，當中58宗為入屋盜竊，而2022年則分別是398宗及61宗。"
    parents = parents_of(text)
    assert parents["58宗"] == "412宗"
    assert (parents["398宗"], parents["61宗"]) == (None, None)


def test_a_ranking_said_with_yici_lists_parts_of_the_total_before_it() -> None:
    text = "上月全区查处突出违法5300余起，数量居前的依次为违停（2100起）、不系安全带（960起）、逆行（410起）"
    records = {r.text: r for r in extract_text(text)}
    assert [records[t].parent for t in ("2100起", "960起", "410起")] == ["5300余起"] * 3
    assert records["2100起"].label == "违停"  # the ranking's lead is no part of the item's name
    # after a 其中, the ranking pairs names with figures and leaves the 其中 its whole
    parents = parents_of("全年受理求助2600起，其中，居前两位的依次是：开锁、寻人，数量依次为：510起、330起。")
    assert parents["510起"] == parents["330起"] == "2600起"


def test_a_lead_opened_by_zai_may_name_its_things_at_length_after_a_date() -> None:
    text = "截至9月底，在纳入全市驾培质量考核体系的412所驾校中，考核优秀的236所，合格的150所，不合格的19所。"
    parents = parents_of(text)
    assert parents["236所"] == parents["150所"] == parents["19所"] == "412所"


def test_a_clause_naming_the_calls_by_their_other_name_breaks_down_the_count_with_its_later_kinds() -> None:
    """有效报警N起。有效警情中，…: 报警 and 警情 name the same calls in a 110 report, so the clause breaks
    down the count before it; the later items name only their kind (纠纷, 求助) and are parts too, while
    the parts sum to no more than the whole."""
    text = (
        "上周全县接报警5120起，其中有效报警1860起。有效警情中，刑事类警情35起，交通事故类警情620起，"
        "纠纷212起，求助190起。"
    )
    parents = parents_of(text)
    assert parents["35起"] == parents["620起"] == "1860起"
    assert parents["212起"] == parents["190起"] == "1860起"
    over = parents_of("有效报警300起。有效警情中，刑事类警情35起，交通事故类警情120起，纠纷212起。")
    assert over["120起"] == "300起" and over["212起"] is None  # 35+120+212 exceed the 300


def test_a_count_said_to_be_left_out_is_no_part() -> None:
    """N件(不含旧存M件), N人(不含…M人): what a bracket says is not included breaks nothing down."""
    text = "全年共受理各类诉讼案件5210件(不含上年旧存310件)，同比上升4.2%。"
    assert parents_of(text)["310件"] is None
    text = "决定不起诉96人(不包括作出附条件不起诉的4人)，其中法定不起诉7人。"
    parents = parents_of(text)
    assert parents["4人"] is None
    assert parents["7人"] == "96人"
    # a bracket that says what is included still gives a part
    text = "受理诉讼案件880件(含旧存120件)，结案690件。"
    assert parents_of(text)["120件"] == "880件"


def test_a_qizhong_leading_into_a_clause_of_its_own_gives_no_whole_in_another_unit() -> None:
    """其中，将…结合起来，打掉团伙N个: past a clause of words, an item in another unit is no part."""
    text = "全年共立刑事案件9800余起，同比下降4%。其中，把扫黑除恶与基层治理紧密结合，打掉涉恶团伙15个。"
    assert parents_of(text)["15个"] is None
    # an item right after the 其中 (its comma or colon between) still breaks the count down
    text = "受理出入境证件申请1.58万件。其中，签发普通护照6230本。"
    assert parents_of(text)["6230本"] == "1.58万件"
    # a comma typed into a list (酒驾,、醉驾) ends no clause
    text = "查处交通违法行为2.1万起，其中超员、酒驾,、醉驾等严重违法行为960件。"
    assert parents_of(text)["960件"] == "2.1万起"


def test_a_court_items_pair_with_the_total_of_their_own_verb() -> None:
    """受理N件，结案M件。其中：受理X案件a件，结案b件；…: each item breaks down the total of its verb."""
    text = (
        "一季度共受理各类案件2140件，结案1260件，结案率58.9%。其中：受理刑事案件96件，结案51件，"
        "结案率53.1%；受理民商事案件1320件，结案705件；受理执行案件690件，结案480件。"
    )
    parents = parents_of(text)
    assert (parents["96件"], parents["1320件"], parents["690件"]) == ("2140件", "2140件", "2140件")
    assert (parents["51件"], parents["705件"], parents["480件"]) == ("1260件", "1260件", "1260件")
    # past a bigger item of the other verb in the same clause
    text = "当月受理诉讼案件910件(含旧存350件)，结案720件。其中：受理民事案件780件，结案640件。"
    parents = parents_of(text)
    assert (parents["780件"], parents["640件"]) == ("910件", "720件")


def test_the_people_of_a_cases_and_people_pair_break_down_the_people_of_the_whole_pair() -> None:
    """N件M人 … 其中 a件b人: b is a part of M, the people written with the whole a is a part of."""
    text = "全年退查42件71人，公安重新移送40件73人。其中首次退查33件58人，首次重新移送31件56人。"
    parents = parents_of(text)
    assert (parents["33件"], parents["58人"]) == ("42件", "71人")
    assert (parents["31件"], parents["56人"]) == ("40件", "73人")
    # two counts of one measure side by side are no pair
    text = "全年查处违法8200起，其中超速3100起，酒驾410起。"
    assert parents_of(text)["410起"] == "8200起"


def test_a_part_in_brackets_before_the_breakdown_is_no_whole_past_a_semicolon() -> None:
    """受理N件(旧存M件)…。其中：…；受理X案件a件: the aside in brackets is the whole of no item."""
    text = (
        "一季度共受理各类案件2140件(旧存260件)，结案1260件，结案率58.9%。其中：受理刑事案件96件，结案51件；"
        "受理民商事案件1320件，结案705件；受理行政案件45件，结案20件。"
    )
    parents = parents_of(text)
    assert parents["260件"] == "2140件"
    assert (parents["1320件"], parents["45件"]) == ("2140件", "2140件")


def test_a_later_item_in_people_breaks_down_a_whole_in_turns_when_every_item_before_did() -> None:
    """处理N人次，其中A人次、B人次、逮捕C人: the people arrested are some of those dealt with too."""
    text = "全年共刑事处理违法人员140人次，其中刑事拘留40人次、取保候审80人次、逮捕10人，监视居住10人次。"
    parents = parents_of(text)
    assert parents["40人次"] == parents["80人次"] == parents["10人"] == parents["10人次"] == "140人次"
    # a count in people closing the sentence after them is of another verb
    text = "出动警力300人次，其中民警120人次、辅警150人次，劝返群众12人。"
    assert parents_of(text)["12人"] is None


def test_people_after_a_qizhong_are_no_part_of_a_count_of_places() -> None:
    """全县N个行政村，配齐驻村民警（其中驻村民警M名）: the officers are no part of the villages."""
    text = "全县共有行政村180个，全部配齐了驻（包）村民警（其中驻村民警86名，包村民警94名）。"
    assert parents_of(text)["86名"] is None
    assert parents_of(text)["94名"] is None
    # a part in the count's own unit still breaks it down
    text = "全县共有行政村180个，其中贫困村36个。"
    assert parents_of(text)["36个"] == "180个"


def test_places_after_a_qizhong_are_no_part_of_a_count_of_cases() -> None:
    """立案N起。其中，有M个县立案数下降: the counties where cases fell are no part of the cases."""
    text = "上半年全市共立刑事案件8600起，同比下降5%。其中，有9个区县立案数同比下降。"
    assert parents_of(text)["9个"] is None
    # a part in the count's own unit still breaks it down
    text = "上半年全市共立刑事案件8600起，其中盗窃案件3100起。"
    assert parents_of(text)["3100起"] == "8600起"


def test_a_casualty_between_two_kinds_of_crash_is_no_part_of_the_crashes() -> None:
    """事故N起，其中A类事故a起，死亡b人，B类事故c起: the dead are those of the kind before, no channel."""
    text = "本周共发生交通事故640起，其中较大事故3起，死亡4人，一般事故637起，受伤96人。"
    parents = parents_of(text)
    assert parents["3起"] == parents["637起"] == "640起"
    assert parents["4人"] is None


def test_a_bare_kind_of_call_past_a_semicolon_still_breaks_down_the_calls() -> None:
    """报警N起。其中刑事a起，治安b起；交通事故c起；求助d起: a 110 desk's calls by kind, each kind bare."""
    text = "上周全县受理有效报警3410起。其中刑事案件40起，治安77起；交通事故390起；求助1180起。"
    parents = parents_of(text)
    assert parents["40起"] == parents["77起"] == parents["390起"] == parents["1180起"] == "3410起"
    # a clause with its own verb past the semicolon counts anew
    text = "上周全县接报警情3410起，其中刑事警情40起；发生交通事故120起。"
    assert parents_of(text)["120起"] is None


def test_a_bare_kind_the_calls_whole_names_with_he_is_still_one_of_its_kinds() -> None:
    """报警和求助N起。其中…；求助d起: the whole names the help calls it holds, no verb said again."""
    text = (
        "本周县指挥中心受理有效报警和求助2730起。其中刑事案件35起，治安64起；交通事故311起；"
        "求助905起，其他报警620起。"
    )
    parents = parents_of(text)
    assert parents["311起"] == parents["905起"] == parents["620起"] == "2730起"
    # an item opening with the whole's own verb and going on past it still counts anew
    text = "本月受理和办结信访事项420件，其中来信160件；办结信访事项390件。"
    assert parents_of(text)["390件"] is None


def test_the_rest_after_a_part_shares_its_whole_in_another_word_for_people() -> None:
    """N名…，其中a人…。其余b名: the rest counted in 名 after a part in 人 is the rest of the same whole."""
    text = "昨晚的侧翻事故致9名乘客受伤，其中3人伤势较重。其余6名伤者经处置后无大碍。"
    parents = parents_of(text)
    assert parents["3人"] == parents["6名"] == "9名"
    text = "昨晚的侧翻事故致9名乘客受伤，其中3人伤势较重。其餘6名傷者經處置後無大礙。"
    assert parents_of(text)["6名"] == "9名"


def test_an_item_solving_some_of_an_earlier_item_of_its_list_is_no_kind_of_the_whole() -> None:
    """其中刑事案件a起，…，侦破刑事案件b起: the b solved are some of the a cases, not of the calls."""
    text = (
        "上月镇派出所共接报警情520起，其中有效警情511起，刑事案件48起，治安案件97起，"
        "侦破刑事案件19起，查处治安案件80起。"
    )
    parents = parents_of(text)
    assert parents["48起"] == parents["97起"] == "520起"
    assert parents["19起"] is None and parents["80起"] is None
    # a verb before words of no earlier item names a kind of its own
    text = "上月镇派出所共接报警情520起，其中刑事案件48起，侦破电信诈骗案件19起。"
    assert parents_of(text)["19起"] == "520起"


def test_a_places_own_breakdown_after_a_roll_up_of_places_breaks_down_that_places_figure() -> None:
    """…N起，其中甲、乙、丙最多，分别达a起、b起和c起。其中甲…x起，y起；丙…: the place's figure is whole."""
    text = (
        "全省共查处涉酒驾驶违法980起，其中东川、西岭、南浦查处量居前，分别达210起、150起和120起。"
        "其中东川查处酒后130起，醉酒80起；南浦查处酒后75起，醉酒45起。"
    )
    parents = parents_of(text)
    assert parents["210起"] == parents["150起"] == parents["120起"] == "980起"
    assert parents["130起"] == parents["80起"] == "210起"
    assert parents["75起"] == parents["45起"] == "120起"
    # the place's own period or total counts anew
    text = "全省共查处违法980起，其中东川、西岭分别达210起、150起。东川今年累计查处190起。"
    assert parents_of(text)["190起"] != "210起"


def test_an_item_opening_on_its_casualty_breaks_down_the_count_of_that_casualty() -> None:
    """死亡的…N人 / 死亡人员中…N人: some of the dead, not of the injured said nearer before the item."""
    text = "上月辖区道路交通事故死亡27人，受伤95人，其中死亡的电动自行车骑行人11人，受伤的行人30人。"
    parents = parents_of(text)
    assert (parents["11人"], parents["30人"]) == ("27人", "95人")
    text = "上月辖区道路交通事故死亡27人，受伤95人，其中死亡人员中未戴头盔的8人。"
    assert parents_of(text)["8人"] == "27人"
    # more dead in the item than in any count of the dead before: no whole at all, not the injured
    text = "上月辖区道路交通事故死亡7人，受伤95人，其中死亡的行人11人。"
    assert parents_of(text)["11人"] is None


def test_an_among_clause_over_all_kinds_names_the_total_by_its_noun_alone() -> None:
    """在各类案件中 / 这些警情中: the total's words end with the noun, not with 各类 or 这些 before it."""
    text = "上半年全区共立刑事案件640起，同比下降9%。在各类案件中，入室盗窃案件150起，电信诈骗案件95起。"
    parents = parents_of(text)
    assert parents["150起"] == parents["95起"] == "640起"
    text = "去年县局共接报群众报警1800起。在这些警情中，刑事警情260起，治安警情710起。"
    parents = parents_of(text)
    assert parents["260起"] == parents["710起"] == "1800起"
    # after all kinds, a short name right after the clause is the item's kind, with no noun said again
    text = "前三季度救援站共接报处置警情3100起，比去年同期增加6%。在各类警情中，灭火2100起，抢险救援600起。"
    parents = parents_of(text)
    assert parents["2100起"] == parents["600起"] == "3100起"
    # a clause with no word for all of them still wants the item to say the noun again
    text = "前三季度救援站共接报有效警情3100起。在有效警情中，灭火2100起。"
    assert parents_of(text)["2100起"] is None


def test_a_respectively_after_a_count_of_one_offence_lists_other_offences_beside_it() -> None:
    """查处无证驾驶N起，酒驾和醉驾分别…: offences side by side, no parts of the one counted before."""
    text = "去年支队查处无证驾驶5200起，酒驾和醉驾分别1900起、760起，吊销驾驶证880本。"
    parents = parents_of(text)
    assert parents["1900起"] is None and parents["760起"] is None
    # a count of all offences before the 分别 is still their whole
    text = "去年支队查处各类交通违法2.6万起，酒驾和醉驾分别1900起、760起。"
    parents = parents_of(text)
    assert parents["1900起"] == parents["760起"] == "2.6万起"
    # drink driving takes drunk driving in, and a 其中 says a breakdown whatever the kinds
    text = "去年支队查处酒驾2700起，饮酒驾驶和醉酒驾驶分别为1900起、800起。"
    assert parents_of(text)["800起"] == "2700起"
    text = "去年支队查处超速5200起，其中醉驾和酒驾分别为90起、60起。"
    assert parents_of(text)["90起"] == "5200起"


def test_a_qizhong_after_several_totals_breaks_down_the_one_of_its_unit_and_kind() -> None:
    """出动A人次、B辆次，检查C家，其中D家: the places, not the officers or cars said first or last."""
    text = "国庆期间出动警力640人次、警车95辆次，检查旅馆民宿210家，其中民宿72家。"
    parents = parents_of(text)
    assert (parents["72家"], parents["640人次"], parents["95辆次"]) == ("210家", None, None)
    # two totals of the unit: the one whose noun the item's kind ends on, not the nearer
    text = "清查中检查出租房屋屋主店铺等场所318家，走访物流企业150家，其中娱乐场所41家。"
    assert parents_of(text)["41家"] == "318家"


def test_a_paragraph_opened_by_qizhong_reaches_the_total_solved_with_the_same_verb() -> None:
    """The parts name kinds, not the total's words, but are solved as the total was: some of it."""
    text = (
        "全年共排查线索3.2万余条，破获各类案件1.5万余起，同比上升15%，线索转化率为40%。\n"
        "其中，破获命案12起，盗窃案件300起。\n"
    )
    parents = parents_of(text)
    assert parents["12起"] == parents["300起"] == "1.5万余起"


def test_a_paragraph_opened_by_qizhong_with_another_verb_finds_no_whole_up() -> None:
    """A total dealt with (查处) a paragraph up is not what parts solved (破获) break down."""
    parents = parents_of("全年查处治安案件2045起，同比上升3%。\n其中，破获网络赌博案件215起。\n")
    assert parents["215起"] is None


def test_qizhong_after_a_countless_opening_clause_takes_no_whole_from_the_paragraph_before() -> None:
    """…开展宣传活动，其中进学校N场: the clause before 其中 counts nothing, so the parts have no whole.

    The total of the paragraph before (even in the same unit) is another count: a year's events of
    every kind, not those of the campaign the new paragraph opens with.
    """
    text = (
        "今年全局共组织各类宣传活动260场，同比上升8%。\n\n"
        "全年，各派出所持续开展防范养老诈骗宣传，其中进学校38场、进村居64场、进企业17场。\n"
    )
    parents = parents_of(text)
    assert [parents[t] for t in ("38场", "64场", "17场")] == [None, None, None]
    text = "全年查处各类交通违法1.4万起。\n各中队扎实开展夜间巡查，其中查处酒驾96起，醉驾21起。\n"
    parents = parents_of(text)
    assert (parents["96起"], parents["21起"]) == (None, None)


def test_qizhong_opening_a_sentence_after_a_countless_one_takes_no_whole_from_further_up() -> None:
    """…抓获嫌疑人28名。在打击养老诈骗中，民警主动出击。其中，…抓获嫌疑人5名: another campaign's arrests."""
    text = (
        "在打击侵财犯罪中，全局共破获盗窃案件36起，抓获嫌疑人28名。在打击养老诈骗犯罪中，全局民警主动出击。"
        "其中，城东派出所打掉一个诈骗团伙，抓获嫌疑人5名。"
    )
    assert parents_of(text)["5名"] is None
    # a sentence of changes only in between still lets the parts reach the total
    text = "全年查处酒驾醉驾420起。与去年同期相比，上升12%。其中，醉驾96起。"
    assert parents_of(text)["96起"] == "420起"
    # and the whole right before the 其中 sentence still holds
    text = "在打击养老诈骗犯罪中，全局民警抓获嫌疑人41名。其中，城东派出所抓获嫌疑人5名。"
    assert parents_of(text)["5名"] == "41名"


def test_a_clause_opening_with_gong_after_the_items_tallies_the_whole_period_again() -> None:
    """其中民警…人次，共救助…: the 共 turns back to the period's work; a 共 before an item's figure is one."""
    parents = parents_of(
        "今年以来全县治安巡防累计投入力量4.6万人次，其中民警1.5万人次，共救助群众320人次，"
        "抢险救灾47起。受理纠纷90起，其中，共有12起为邻里纠纷。全年接报警情3.1万起，其中，"
        "夜间为警情高发时段，共9800起。"
    )
    assert parents["1.5万人次"] == "4.6万人次"
    assert parents["320人次"] is None
    assert parents["47起"] is None
    assert parents["12起"] == "90起"
    assert parents["9800起"] == "3.1万起"  # a 共 before any item's figure gives the item's own count


def test_parts_after_a_grouping_lead_reach_their_whole_past_a_figure_window() -> None:
    """从…看 opens parts that may run on for sentences: the whole is looked for before the lead."""
    text = (
        "今年一季度，全市共接报火灾512起，造成2人受伤，直接财产损失386.5万元，火灾起数同比下降12.4%，受伤人数与去年持平。"
        "从发生区域看，东城区、西湖区、北山区火灾起数居全市前三，分别为96起、88起、71起；"
        "此外，南江县发生火灾64起，青石县发生火灾59起，白马县发生火灾47起，"
        "红岩镇所在的高新技术产业开发区发生火灾31起，经济开发区发生火灾26起，港区发生火灾18起。"
    )
    parents = parents_of(text)
    assert text.index("18起") - text.index("512起") > 160  # farther than a figure looks back
    assert [parents[t] for t in ("96起", "64起", "26起", "18起")] == ["512起"] * 4


def test_views_by_cause_place_and_time_break_down_the_total_before_them() -> None:
    """从起火原因看, 从起火场所看 and 从时段看 group the total as 从区域看 does.

    228起 is 24.0% of both the total and its biggest part (949起): the share picks the total.
    """
    text = (
        "上半年全区共发生火灾950起，其中较大火灾1起，一般火灾949起。\n"
        "从起火原因看，电气引发火灾228起，占24.0%；用火不慎引发火灾141起，占14.8%。"
        "从起火场所看，厂房、交通工具火灾分别为88起、63起。从时段看，夜间发生火灾276起。"
    )
    parents = parents_of(text)
    assert [parents[t] for t in ("228起", "141起", "88起", "63起", "276起")] == ["950起"] * 5


def test_a_view_after_a_part_named_like_its_items_breaks_down_the_total() -> None:
    """其中…；仓储火灾N起，占总数的X%。从起火场所看，甲火灾…: the part before is a sibling, no whole.

    The sibling's own whole is found past its semicolon (by its share of 总数), after the walk that
    finds the lead's parts. Words framing that part (在仓储火灾中) break it down instead.
    """
    opening = (
        "前三季度全县共接报火灾640起，同比下降4.1%。其中，生产火灾230起，占总数的35.9%；"
        "仓储火灾205起，占总数的32.0%。"
    )
    for view in ("从起火场所看，市场火灾47起，车辆火灾88起。", "从起火原因看，电气引发47起，用火不慎88起。"):
        parents = parents_of(opening + view)
        assert parents["205起"] == "640起"
        assert [parents[t] for t in ("47起", "88起")] == ["640起"] * 2
    parents = parents_of(opening + "在仓储火灾中，夜间发生47起，白天发生88起。")
    assert [parents[t] for t in ("47起", "88起")] == ["205起"] * 2


def test_a_view_whose_own_sentence_counts_nothing_breaks_down_the_total_in_the_next_one() -> None:
    """从…看，…是主因。甲引发N起，占X%；乙引发M起: the lead's sentence only names the kinds.

    Its counts follow a sentence later, each item past a semicolon too; a sentence of counts of its
    own between the lead and them (…共出动N人次。) keeps them out of its reach.
    """
    text = (
        "今年全区共发生火灾760起，直接财产损失95万元。从起火原因看，用火不慎和电器故障仍是主因。"
        "用火不慎引发305起，占40.1%；电器故障引发214起，占28.2%；玩火引发37起，占4.9%。"
    )
    parents = parents_of(text)
    assert [parents[t] for t in ("305起", "214起", "37起")] == ["760起"] * 3
    text = (
        "今年全区共发生火灾760起。从起火原因看，用火不慎仍是主因，共出动消防员900人次。"
        "用火不慎引发305起；电器故障引发214起。"
    )
    assert parents_of(text)["214起"] is None


def test_sectors_named_unlike_each_other_after_qizhong_go_on_when_each_says_fasheng() -> None:
    """其中：甲行业发生N起…。乙运输发生M起…: both say the events' verb, so each breaks down the totals."""
    text = "今年全省发生较大事故31起，死亡96人。其中：冶炼企业发生9起，死亡27人。内河航运发生4起，死亡13人。"
    parents = parents_of(text)
    assert (parents["4起"], parents["13人"]) == ("31起", "96人")
    text = "今年全省发生较大事故31起，死亡96人。其中：冶炼企业发生9起，死亡27人。全年共发生一般事故212起。"
    assert parents_of(text)["212起"] is None  # a total said anew


def test_the_sentence_after_a_nested_list_closed_by_a_full_stop_is_the_outer_lists_next_item() -> None:
    """其中：甲类…。其中：子类一…；子类二…。乙类…: the full stop closes the nested items: 乙类 is outer."""
    text = (
        "上半年全国发生重大事故40起，死亡530人。其中：\n制造企业 发生15起，死亡190人。"
        "其中：纺织企业 发生6起，死亡70人；冶炼企业 发生5起，死亡66人。"
        " 内河航运 发生17起，死亡240人；远洋渔船 发生3起，死亡41人。"
    )
    parents = parents_of(text)
    assert (parents["6起"], parents["70人"], parents["5起"]) == ("15起", "190人", "15起")
    assert (parents["17起"], parents["240人"]) == ("40起", "530人")
    assert (parents["3起"], parents["41人"]) == ("40起", "530人")


def test_a_nested_list_set_out_one_item_a_line_hands_back_to_the_outer_list() -> None:
    """其中：⏎甲…。其中：⏎子类一…；⏎子类二…。⏎乙类…: the line breaks after the marks change nothing."""
    text = (
        "全省发生较大事故30起，死亡120人。其中：\n工业企业发生9起，死亡40人，同比增加1起、5人。其中：\n"
        "化工企业发生5起，死亡22人，同比增加2起、9人；\n机械企业发生4起，死亡18人，同比减少1起、4人。\n"
        "道路交通发生15起，死亡60人，同比减少3起、12人；\n内河航运发生6起，死亡20人，同比增加1起、3人。"
    )
    parents = parents_of(text)
    assert (parents["5起"], parents["22人"], parents["4起"]) == ("9起", "40人", "9起")
    assert (parents["15起"], parents["60人"]) == ("30起", "120人")
    assert (parents["6起"], parents["20人"]) == ("30起", "120人")


def test_a_line_naming_an_item_again_breaks_it_down_on_the_lines_below() -> None:
    """甲类发生N起…。甲类中：⏎子类一…；⏎子类二…。⏎乙类…: the clause names the part the lines break down."""
    text = (
        "全省发生较大事故30起，死亡120人。其中：\n工业企业 发生9起，死亡40人。工业企业中：\n"
        "化工企业 发生5起，死亡22人；\n机械企业 发生4起，死亡18人。\n"
        "道路交通 发生15起，死亡60人；\n内河航运 发生6起，死亡20人。"
    )
    parents = parents_of(text)
    assert (parents["5起"], parents["22人"]) == ("9起", "40人")
    assert (parents["4起"], parents["18人"]) == ("9起", "40人")
    assert (parents["15起"], parents["60人"]) == ("30起", "120人")
    assert (parents["6起"], parents["20人"]) == ("30起", "120人")
    # a line past the full stop of another sentence names no item of the clause
    text = "工业企业发生9起，死亡40人。工业企业中：\n化工企业发生5起，死亡22人。\n另据统计，全省火灾600起。"
    assert parents_of(text)["600起"] is None


def test_a_ranking_after_a_total_breaks_it_down() -> None:
    """共…N件，以甲M件最多，其次为乙K件: 以 opens the ranking of the total's parts, as 其中 would."""
    parents = parents_of("全县今年共受理盗窃案2180件，以城关派出所406件最多，其次为新区派出所318件。")
    assert (parents["406件"], parents["318件"]) == ("2180件", "2180件")
    parents = parents_of("去年抢劫案发生312件，较前年减少40件，以持刀抢劫减少17件最多。")
    assert parents["17件"] is None  # a change ranked first is no part


def test_a_ranking_that_names_its_first_item_before_the_count_breaks_the_total_down() -> None:
    """…N件，以甲最多，有M件: the words that rank may stand before the first item's count, in digits or
    in numerals written digit by digit."""
    parents = parents_of("全县去年共受理盗窃案2180件，以城关辖区最多，共计406件，其次为新区318件。")
    assert (parents["406件"], parents["318件"]) == ("2180件", "2180件")
    parents = parents_of("该县去年共发生三千多件刑案，以县城辖区为最多，有一二三四件。")
    assert parents["一二三四件"] == "三千多件"
    parents = parents_of("去年抢劫案发生312件，较前年减少40件，以持刀抢劫最多，减少17件。")
    assert parents["17件"] is None  # a change ranked first is still no part


def test_a_ranking_heading_a_paragraph_breaks_down_the_total_whose_thing_it_names_again() -> None:
    """…抢劫案件全年发生820件。⏎警方统计受理抢劫案甲区210件居首，其次为…: the ranking names the kind of
    case the total a paragraph up counts, after another verb; a 分别 there that pairs no figures (会分别
    登记) leaves that total the last figure of its paragraph."""
    text = (
        "议员指出，抢劫案件全年发生820件，为前年两倍；警方回应，系统更新后多名被害人会分别登记。\n"
        "警方统计全年受理抢劫案东城区210件居首，其次为西城区160件。"
    )
    parents = parents_of(text)
    assert (parents["210件"], parents["160件"]) == ("820件", "820件")
    other = text.replace("抢劫案东城区", "盗窃案东城区")
    assert parents_of(other)["210件"] is None  # another kind of case: no part of the 820


def test_an_item_after_a_full_stop_goes_on_a_list_whose_items_a_semicolon_split() -> None:
    """其中：甲发生2起…；乙发生1起…。丙发生1起…: past the full stop, still the list of the 其中."""
    text = (
        "另外，全国发生特别重大事故7起，死亡260人。其中：矿井 发生3起，死亡110人；"
        "桥梁工程 发生2起，死亡80人。危化仓储 发生1起、死亡40人。"
    )
    parents = parents_of(text)
    assert (parents["1起"], parents["40人"]) == ("7起", "260人")


def test_a_lead_naming_a_part_by_its_name_breaks_that_part_down() -> None:
    """其中：甲行业发生N起…。在甲行业发生的事故中：…: the items are parts of that part, not of the total."""
    text = (
        "全省发生较大事故80起，死亡1100人。其中：制造业发生42起，死亡600人，同比增加3起、50人。"
        "在制造业发生的各起事故中：\n  纺织厂发生28起，死亡410人；\n  冶炼厂发生7起，死亡80人；"
    )
    parents = parents_of(text)
    assert (parents["28起"], parents["410人"], parents["7起"]) == ("42起", "600人", "42起")
    text = "全市接报警情9.6万起，其中电话报警8.1万起，网络报警1.5万起。按类型分，求助类4.2万起。"
    assert parents_of(text)["4.2万起"] == "9.6万起"  # a lead of another grouping: the total's


def test_things_set_up_in_the_kind_of_place_a_count_counts_are_no_part_of_it() -> None:
    """在N个乡镇、M个村，其中在村建X站K个: the stations stand in such places; they are none of them."""
    text = (
        "目前已在全区9个街道,74个社区,其中在街道建服务站6个、街道设专干20人;"
        "在社区建服务点60个、设网格员150人。"
    )
    parents = parents_of(text)
    assert (parents["6个"], parents["60个"]) == (None, None)
    text = "全区共建成服务站40个，其中在社区建服务站30个。"
    assert parents_of(text)["30个"] == "40个"  # a total of stations: a part still


def test_a_grouping_lead_said_with_yi_and_tongji_breaks_the_total_down() -> None:
    """以…統計 (by district) opens parts of the month's total a paragraph up, each in a bracket."""
    text = (
        "統計顯示，5月受理詐欺案件164件、財損金額約3120萬元。\n\n"
        "以行政區統計，甲鎮（29件）、乙鄉（12件）為高發地區。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].parent for t in ("29件", "12件")] == ["164件"] * 2
    assert recs["29件"].metric == "cases_filed"
    assert parents_of("以往統計，全年發生事故120起，比去年少")["120起"] is None


def test_numbered_kinds_under_a_heading_add_up_to_the_total_of_a_section_above() -> None:
    """A bulletin's total in its first section; the kinds listed ①… under the next heading sum to it."""
    text = (
        "一、总体情况\n本月全区接报盗抢警情36起，其中入室盗窃5起，同比下降8.2%；受害人男性20人，女性16人。\n"
        "案件较多的社区\n1、东关社区(3起)\n2、西门社区(2起)\n"
        "二、警情类别\n①盗窃电动车：14起\n②盗窃车内财物：12起\n③扒窃：6起\n④抢夺：4起\n"
        "三、处置情况\n调取监控：41次\n"
    )
    parents = parents_of(text)
    assert [parents[t] for t in ("14起", "12起", "6起", "4起")] == ["36起"] * 4
    assert parents["41次"] is None
    # no heading between (a lead line of its own), or items that do not add up: no parts
    text = "本月接报警情36起。\n案件较多的社区\n①东关：3起\n②西门：2起\n③北街：1起\n"
    assert {parents_of(text)[t] for t in ("3起", "2起", "1起")} == {None}


def test_the_people_of_paired_items_break_down_the_people_of_a_paired_whole_in_renci() -> None:
    # each item is cases and people, as the whole is; the whole counts its people in 人次
    text = "今年共查獲詐欺集團58件310人次，其中車手團41件266人、網購詐騙7件8人。"
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].parent for t in ("41件", "7件")] == ["58件"] * 2
    assert [recs[t].parent for t in ("266人", "8人")] == ["310人次"] * 2
    assert recs["266人"].metric == recs["310人次"].metric == "suspects_arrested"
    # an item of people alone after the cases is no pair: the later item has moved on
    alone = "今年共查獲詐欺集團58件310人次，其中車手團41件，另移送法辦9人。"
    assert {r.text: r for r in extract_text(alone)}["9人"].parent is None


def test_a_grouping_lead_with_a_long_name_of_its_places_still_groups_the_total() -> None:
    """从…区域看 names the places at length (县公安局各派出所辖区): still a view of the total by place."""
    text = "本季度全县共发生盗窃案件48起。从县公安局各派出所管辖区域看，城关21起，河口15起。"
    parents = parents_of(text)
    assert parents["21起"] == parents["15起"] == "48起"


def test_words_that_only_present_a_grouping_leads_parts_leave_them_parts() -> None:
    """从区域看，案件较多的乡镇有：…: the colon after words counting nothing opens the lead's list."""
    text = "本季度全县共发生盗窃案件48起。从区域看，发案较多的乡镇有：城关21起，河口、石桥各9起。"
    parents = parents_of(text)
    assert parents["21起"] == parents["9起"] == "48起"
    # a colon after words that count something opens a breakdown of that count
    text = "本季度全县共发生盗窃案件48起。从区域看，城关抓获嫌疑人12名：男性10名，女性2名。"
    assert parents_of(text)["10名"] == "12名"


def test_a_heading_naming_the_grouping_is_passed_over_to_the_total_above() -> None:
    """案发地区分布 above 从区域看 announces the lead's grouping; a numbered section's heading stops it."""
    text = "本季度全县共发生盗窃案件48起，同比减少6起。\n案发地区分布\n从区域看，城关21起，河口15起。"
    parents = parents_of(text)
    assert parents["21起"] == parents["15起"] == "48起"
    text = "本季度全县共发生盗窃案件48起。\n二、入室盗窃\n从区域看，城关21起，河口15起。"
    assert parents_of(text)["21起"] is None


def test_a_lead_naming_the_total_again_past_a_caption_and_a_quoted_class_breaks_it_down() -> None:
    """A photo caption between the total and the lead, on its own line or flattened by blanks, and a
    quoted class name inside the lead (在查处的“…”违法中), leave the lead a lead: its items past
    semicolons, however long the list runs, are parts of the total."""
    total = "本季度大队查处“记满分”类严重违法共860起。"
    items = (
        "在查处的“记满分”类严重违法中，饮酒驾驶的有310起，其中二次饮酒的41起；"
        "无证驾驶类违法220起，其中驾驶证被吊销期间驾车的95起；号牌类违法180起，其中套用他车号牌的70起，"
        "不按规定安装号牌的66起；撞人后驾车逃逸但尚不构成犯罪的52起；超员、逆行等其他违法40起；"
        "高速公路超速违法58起，其中货车超速的7起。"
    )
    for caption in ("\n民警在卡口执勤\n", " 民警在卡口执勤 "):
        parents = parents_of(total + caption + items)
        assert [parents[t] for t in ("310起", "220起", "180起", "52起", "40起", "58起")] == ["860起"] * 6
        assert [parents[t] for t in ("41起", "95起", "70起", "66起", "7起")] == [
            "310起",
            "220起",
            "180起",
            "180起",
            "58起",
        ]
    # a sentence of its own topic between ends the total's reach, as before
    text = "本季度大队查处严重违法860起。\n二、事故预防\n在发生的事故中，饮酒驾驶的有31起。"
    assert parents_of(text)["31起"] is None


def test_a_count_framing_its_own_breakdown_is_no_part_of_a_qizhong_sentence_before() -> None:
    """其中…是主要违法。then 被处罚的N名驾驶人中，…: the drivers frame what follows, no kind of the total."""
    text = (
        "本年度交警处罚“记满分”的严重违法行为共860起。其中酒驾和涉牌违法占多数。"
        "而被“记满分”的530名驾驶人中,外地驾驶人较多。"
    )
    assert parents_of(text)["530名"] is None
    text = "全年查处严重违法860起。其中酒驾、无证是主要违法。饮酒驾驶310起，无证驾驶220起。"
    assert [parents_of(text)[t] for t in ("310起", "220起")] == ["860起"] * 2


def test_a_share_of_a_total_named_by_its_thing_makes_the_count_its_part() -> None:
    """，占特别服务出勤总数的 / 占救护车总出勤的: a part of the earlier count whose clause names it."""
    text = (
        "上半年特别服务出勤总数为820宗，较去年同期增加35宗；主要为协助开门及清理树木等，合共有503宗，"
        "占特别服务出勤总数的61.34%。全年救护车出勤1,200宗，较去年减少20宗；以头晕为主，合共640宗，占救护车总出勤的53.33%。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["503宗"].parent == "820宗"
    assert recs["640宗"].parent == "1,200宗"
    assert recs["503宗"].metric == recs["820宗"].metric == "incidents_received"
    assert recs["640宗"].metric == "incidents_received"
    # a share of a thing no count before it names stays no part
    other = "上半年特别服务出勤总数为820宗；其余个案合共有503宗，占巡查工作总数的61.34%。"
    assert {r.text: r for r in extract_text(other)}["503宗"].parent is None
    # a count that names its own kind keeps no whole by such a share, as the probes' golds have it
    kind = "全年发生事故880起。农村道路发生事故420起，占事故总数的47.7%。"
    assert {r.text: r for r in extract_text(kind)}["420起"].parent is None


def test_a_bracket_after_the_counted_noun_gives_the_counts_parts() -> None:
    """设置N个执勤点（城区…、国道…）: the bracket opens on the noun the count names, not on the count."""
    text = "节日期间共设置32个事故处置点(城区14个,国道18个)，出动警力300人次。"
    parents = parents_of(text)
    assert parents["14个"] == parents["18个"] == "32个"
    text = "全县设置28个临时执勤点（城区12个、乡道16个），投入警车40辆次。"
    parents = parents_of(text)
    assert parents["12个"] == parents["16个"] == "28个"
    # a per-day rate or last year's count in the bracket is no part
    text = "全年受理群众求助1800件（日均5件），办结1750件。"
    assert parents_of(text)["5件"] is None


def test_a_lead_after_what_the_report_shows_is_still_a_lead() -> None:
    """调查显示，在N名…中，甲M名: who shows the figures frames the lead; the parts are of the N."""
    text = "调查显示，在3600名受访驾驶人中，酒后驾车的210名，占5.8%；疲劳驾驶的450名，占12.5%。"
    parents = parents_of(text)
    assert [parents[t] for t in ("210名", "450名")] == ["3600名"] * 2
    parents = parents_of("《年报》指出，在860名涉案人员中，外地籍人员520名，本地籍人员340名。")
    assert [parents[t] for t in ("520名", "340名")] == ["860名"] * 2


def test_a_share_of_the_total_named_by_its_thing_picks_the_whole() -> None:
    """甲类警情：N起，占总警情a%: 占总警情 names the total of the calls, whose count the share fits."""
    text = (
        "全年受理报警：86.5万次。处置各类警情总量：52.4万起。刑事类警情：3.1万起，占总警情5.9%，同比下降4.2%；"
        "求助类警情：14.6万起，占总警情27.9%，同比上升6.3%。"
    )
    parents = parents_of(text)
    assert [parents[t] for t in ("3.1万起", "14.6万起")] == ["52.4万起"] * 2
    # a share whose number fits no total said before leaves the count alone
    text = "处置各类警情总量：52.4万起。刑事类警情：3.1万起，占总警情15.9%。"
    assert parents_of(text)["3.1万起"] is None


def test_items_past_a_semicolon_follow_the_first_item_of_a_lead_that_took_no_whole() -> None:
    """从区域看，…共有4个，分别是：甲3起；乙、丙各1起: the 4's list took no whole, nor do its later items."""
    text = (
        "全县共发生亡人事故86起。\n"
        "从区域看，发生亡人事故的乡镇共有4个，分别是：城关3起；河口、新街、马场各1起。"
    )
    parents = parents_of(text)
    assert parents["3起"] is None and parents["1起"] is None
    # a lead whose first item is a part keeps its items past the semicolons parts
    text = "全县共发生亡人事故86起。从区域看，城关30起；河口20起；新街10起。"
    assert [parents_of(text)[t] for t in ("30起", "20起", "10起")] == ["86起"] * 3


def test_a_paragraph_opened_by_qizhong_whose_parts_name_again_the_noun_after_the_whole() -> None:
    """…共有N宗交通意外发生，导致M人受伤。⏎其中a宗意外在甲区发生，b宗在乙区: 意外 says again what N counts."""
    text = (
        "上周本市共录得三百零五宗交通意外，造成三百四十人受伤。\n"
        "其中七十宗意外在东区发生，一百宗在南区及一百三十五宗在北区发生。"
    )
    parents = parents_of(text)
    assert [parents[t] for t in ("七十宗", "一百宗", "一百三十五宗")] == ["三百零五宗"] * 3
    # parts that name another thing after their counts are no parts of a count a paragraph up
    text = "上周本市共录得三百零五宗交通意外，造成三百四十人受伤。\n其中七十宗罪案在东区发生，一百宗在南区。"
    assert parents_of(text)["七十宗"] is None


def test_a_paragraph_opened_by_qizhong_whose_parts_name_kinds_of_the_wholes_noun() -> None:
    """…共接报警情5000起。⏎其中刑事警情800起: a kind and the whole's noun, its verb left unsaid: a part."""
    text = "全年共接报警情5000起，同比下降3%。\n其中刑事警情800起，治安警情600起。\n"
    parents = parents_of(text)
    assert parents["800起"] == parents["600起"] == "5000起"
    # a verb of their own (破获) counts another thing of the same noun: no part of the total up
    text = "全年共查处治安案件2045起，同比上升3%。\n其中，破获赌博案件215起。\n"
    assert parents_of(text)["215起"] is None


def test_a_look_at_the_places_a_total_falls_in_is_a_grouping_lead() -> None:
    """从各县市来看，甲市N件…；乙县M件: the kind of division named opens a breakdown of the total above."""
    text = "上月全省发生交通事故8,200件。\n从各县市来看，甲市1,300件最多；其后依序为乙县950件、丙县870件。"
    parents = parents_of(text)
    assert [parents[t] for t in ("1,300件", "950件", "870件")] == ["8,200件"] * 3
    text = "上月全市发生交通事故820件。按乡镇分，甲镇130件，乙镇95件。"
    assert [parents_of(text)[t] for t in ("130件", "95件")] == ["820件"] * 2


def test_a_lead_that_views_one_kind_takes_no_whole_of_another() -> None:
    """从较大火灾的区域分布看，…: the parts are of the big fires, not of the region's fires said last."""
    text = (
        "全年共发生火灾3.1万起，其中较大火灾12起。南部地区发生火灾1.2万起，北部地区发生火灾0.9万起。"
        "从较大火灾的区域分布看，南部地区最多，共5起，北部次之，为4起。"
    )
    parents = parents_of(text)
    assert parents["5起"] is None and parents["4起"] is None
    text = "全年发生较大火灾12起，造成30人死亡。从较大火灾的区域分布看，南部地区最多，共5起，北部为4起。"
    assert [parents_of(text)[t] for t in ("5起", "4起")] == ["12起"] * 2


def test_a_sentence_opening_qizhong_breaks_down_both_events_and_their_dead() -> None:
    """…发生事故N起，死亡M人。其中，甲死亡a人，乙事故b起: the items follow neither total's order."""
    text = "一季度全区共发生各类事故420起，死亡37人。其中，道路交通事故死亡29人，较大事故3起。"
    parents = parents_of(text)
    assert parents["29人"] == "37人" and parents["3起"] == "420起"
    # a count of its own before the total, no toll of it, is still passed over (moved on)
    text = "共盘查可疑人员96名，接处警情587起。其中，调解纠纷73起，救助群众29人。"
    assert parents_of(text)["29人"] != "96名"


def test_a_qizhong_bracket_opening_a_sentence_breaks_down_the_sentence_before() -> None:
    """…同比增加3起、5人。（其中，甲4起…；乙2起…）: the bracket is the sentence's aside on the one before."""
    text = (
        "全县工贸行业发生事故13起、死亡13人，同比增加8起、9人。"
        "（其中，化工行业发生事故6起、死亡7人（较大事故1起、死亡3人），同比增加2起；"
        "冶金行业发生事故4起、死亡4人）。"
    )
    parents = parents_of(text)
    assert parents["7人"] == "13人"
    # the bracket nested in the first item closes itself, not the one the 其中 stands in, so the
    # item past the semicolon is still a part
    assert [parents[t] for t in ("6起", "4起")] == ["13起"] * 2
    # a bracket after a figure of its own sentence still frames that figure's parts
    assert parents_of("全县发生事故12起（其中工贸事故5起），同比增加3起。")["5起"] == "12起"


def test_a_semicolon_inside_a_bracket_separates_its_items() -> None:
    """伤亡40人(重伤6人;轻伤34人): the semicolon ends no sentence; both items break down the 40."""
    text = "上月全县火灾伤亡40人（重伤6人；轻伤34人），较上年增加5人。"
    records = {r.text: r for r in extract_text(text)}
    assert records["6人"].parent == records["34人"].parent == "40人"
    assert records["5人"].change == "up" and records["5人"].parent is None
    # a semicolon outside any bracket still ends the sentence of the item before it
    text = "上月全县火灾伤亡40人；另有8人被困获救。"
    assert parents_of(text)["8人"] is None


def test_a_sentence_ranking_the_kinds_of_a_total_breaks_it_down() -> None:
    """…火灾300次。火灾类型以住宅火灾120次最多: the kind ranked first is a part of the total before."""
    text = "今年全市共发生火灾300次，较上年减少12次。火灾类型以住宅火灾120次最多，车辆火灾次之。"
    assert parents_of(text)["120次"] == "300次"
    # the sentence may say again before 中 what the total counted
    text = "全年火灾死亡12人，较上年减少3人。死亡案件中，起火原因以电气故障5人最多。"
    assert parents_of(text)["5人"] == "12人"
    # and a source said first (统计显示，…) still leaves the ranking on the total before
    text = "去年全县共受理盗窃案件2400宗，多数发生在夜间。统计显示，被盗场所以居民小区最多共800宗。"
    assert parents_of(text)["800宗"] == "2400宗"
    # a rate per head ranked first is no part of the count
    text = "今年全市共发生事故300件。事故原因以每万辆车7.5件最高。"
    assert parents_of(text)["7.5件"] is None
    # the kinds ranked after the first in the same sentence are parts of that total too
    text = (
        "全年火灾共计520件，财损380万元。"
        "起火原因以电气因素最多共170件、占32.7%，用火不慎90件次之、第3名为吸烟60件。"
    )
    parents = parents_of(text)
    assert [parents[t] for t in ("170件", "90件", "60件")] == ["520件"] * 3
    # a clause ranking again with its own 以 ranks a part of the first kind, not of the total
    text = "全年火灾共计520件。火灾类型以建筑物火灾300件最多，并以住宅火灾210件最高。"
    assert parents_of(text)["210件"] != "520件"
    # a part looked at with its own count (以…N件来分析) leads its own ranking: the kinds are its parts
    text = "全年火灾共计520件。以住宅火灾48件分析，起火原因以线路老化20件最多，用火不慎12件次之。"
    parents = parents_of(text)
    assert parents["20件"] == parents["12件"] == "48件"


def test_a_sentence_opening_on_a_count_ranked_first_breaks_down_the_total_before() -> None:
    """…盗窃案件1200件。甲派出所300件居冠，其次为乙派出所200件: the first and the next ranks are parts."""
    text = "今年全区共受理盗窃案件1200件，同比上升8%。甲派出所300件居冠，其次为乙派出所200件、丙派出所150件。"
    parents = parents_of(text)
    assert [parents[t] for t in ("300件", "200件", "150件")] == ["1200件"] * 3
    # a count ranked first with no next rank after it is no ranking of parts
    text = "今年全区共受理盗窃案件1200件，同比上升8%。甲派出所300件居冠。"
    assert parents_of(text)["300件"] is None


def test_a_place_named_in_two_bracketed_lists_takes_its_own_lists_whole() -> None:
    text = (
        "今年全区发生火灾26起（其中东城街道9起、南湖镇6起、北山乡4起），与去年同期相比"
        "（去年同期发生火灾31起[其中东城街道12起、南湖镇3起、北山乡7起]），起数下降16.1%。"
    )
    parents = {(r.text, r.start): r.parent for r in extract_text(text)}
    assert [p for (t, _), p in parents.items() if t in ("12起", "3起", "7起")] == ["31起"] * 3
    assert [p for (t, _), p in parents.items() if t in ("9起", "6起", "4起")] == ["26起"] * 3


def test_a_count_bracketed_after_a_share_a_sentence_down_is_a_part() -> None:
    """…總收入58億元。其中六成來自甲類(34.8億元): the bracket on the share gives the part's own count."""
    text = "署方去年收取的牌照費為58億元，較上年增加9%。其中六成來自私家車(34.8億元)，其次是貨車(12.1億元)。"
    parents = parents_of(text)
    assert parents["34.8億元"] == "58億元"
    assert parents["12.1億元"] == "58億元"
    # a sentence-opening 其中 with the share before the place and the count after it
    text = "全區共錄得交通意外950宗。其中四成二發生在幹線道路(399宗)。"
    assert parents_of(text)["399宗"] == "950宗"


def test_a_spaced_out_share_of_the_total_still_makes_its_count_a_part() -> None:
    """N 起 ，占 总 数 的 X%: a page that spaces out its words still writes the share of the total."""
    text = (
        "今年全县受理道路交通事故3000起，其中适用一般程序的事故1200起。\n\n"
        "农村地区事故较多。农村地区发生事故 840 起 ，占 总 数 的 70.00%。"
    )
    assert parents_of(text)["840 起"] == "1200起"


def test_a_kind_named_again_before_zhong_breaks_down_that_part() -> None:
    """…电气类火灾120起…，电气火灾中，线路故障引发90起；设备故障引发20起: parts of the part."""
    text = "全年火灾300起，其中电气类火灾120起、用火不慎60起，电气火灾中，线路故障引发90起；设备故障20起。"
    parents = parents_of(text)
    assert parents["120起"] == parents["60起"] == "300起"
    assert parents["90起"] == parents["20起"] == "120起"
    # a kind no part before names leaves the items on the total
    text = "全年发生火灾300起，其中住宅火灾120起、车辆火灾60起，夜间火灾中，凌晨发生40起。"
    assert parents_of(text)["40起"] != "120起"


def test_a_second_list_of_shares_of_the_total_finds_the_first_lists_total() -> None:
    """…火灾100起…（two dozen figures）…住宅火灾41起，占总数的41.0%: the total the first list's shares had."""
    text = (
        "今年共接报火灾100起，损失20万元，同比减少8起，下降7.4%；损失增加1.2万元，上升6.4%。"
        "甲街道发生火灾15起，乙街道发生火灾14起，丙街道发生火灾12起，丁街道发生火灾10起，"
        "戊街道发生火灾9起，己街道发生火灾8起，庚街道发生火灾8起，辛街道发生火灾7起，"
        "壬街道发生火灾6起，癸街道发生火灾5起，东街道发生火灾4起，西街道发生火灾2起。"
        "主要原因有：电气故障引发火灾32起，占总数的32.0%；用火不慎24起，占总数的24.0%；"
        "吸烟16起，占总数的16.0%；烟花8起，占总数的8.0%；其它20起，占总数的20.0%。"
        "住宅火灾41起，占总数的41.0%；车辆火灾13起，占总数的13.0%。"
    )
    parents = parents_of(text)
    assert parents["41起"] == parents["13起"] == "100起"


def test_an_item_of_one_casualty_is_not_bounded_by_a_part_counting_another() -> None:
    """死亡11人，受伤3人。其中…死亡7人，受伤1人: the 7 dead are no pool of the injured item."""
    text = (
        "去年全市共发生生产安全事故9起，死亡12人，受伤4人。"
        "其中，水上交通事故5起，死亡8人，受伤2人，矿山事故3起，死亡3人，受伤2人。"
    )
    parents = {(r.text, r.start): r.parent for r in extract_text(text)}
    got = [p for (t, s), p in sorted(parents.items(), key=lambda kv: kv[0][1]) if s > text.index("其中")]
    assert got == ["9起", "12人", "4人", "9起", "12人", "4人"]
    # the whole of an injured item is still none where every injured total is smaller than it
    text = "全县发生事故6起，死亡5人，受伤1人。其中，道路交通事故4起，死亡3人，受伤2人。"
    assert parents_of(text)["2人"] is None


def test_later_parts_of_a_breakdown_reach_as_far_as_its_first_part_did() -> None:
    """A long sentence of changes between the totals and a 其中: the dead reach the totals the events did."""
    text = (
        "本月全市发生各类事故21起、死亡6人、受伤5人，三项指标同比（事故15起、死亡2人、受伤8人）"
        "分别上升40.0%、上升200.0%、下降37.5%，三项指标环比（事故17起、死亡4人、受伤9人）分别上升"
        "23.5%、上升50.0%、下降44.4%。其中，工贸企业事故3起（2起机械伤害事故、1起高处坠落事故）、"
        "死亡3人、受伤1人。"
    )
    parents = parents_of(text)
    assert parents["3起"] == "21起"
    assert parents["3人"] == "6人"
    assert parents["1人"] == "5人"


def test_a_lead_by_time_of_day_opens_a_breakdown() -> None:
    """从发生火灾的时间看，…: the time of day is a grouping, as 时段 is."""
    text = (
        "某县上月共发生火灾60起，直接财产损失20万元。\n"
        "从发生火灾的时间看，夜间较多，20—22时发生火灾12起，占总数的20%；8—10时发生火灾9起，占总数的15%。"
    )
    parents = parents_of(text)
    assert (parents["12起"], parents["9起"]) == ("60起", "60起")


def test_a_part_of_an_earlier_view_is_no_whole_of_the_next_view() -> None:
    """Each paragraph a lead opens views the total another way: a count of the view above is no whole."""
    text = (
        "本月全县接报火灾45起，直接财产损失30万元，出动车辆98台次。\n"
        "从发生区域看，乡镇最多。乡镇发生火灾25起；县城发生火灾20起。\n"
        "从发生时间看，白天居多，午后发生火灾16起；夜间发生火灾13起。"
    )
    parents = parents_of(text)
    assert parents["16起"] != "20起" and parents["13起"] != "20起"


def test_a_share_of_the_total_that_the_found_whole_cannot_fit_finds_the_total() -> None:
    """…仓库发生火灾3起，占总数的6.67%；学校发生火灾1起，占总数的2.22%: 1 is no 2.22% of a nearer 7.

    A share of the total to a decimal that the whole found cannot fit points at the total it fits, 45.
    """
    text = (
        "本月全县共发生火灾45起，直接财产损失30万元。\n"
        "本月共接警出动150起，其中火灾扑救50起、抢险救援70起、社会救助20起、其他出动10起，出动警力900人次，"
        "车辆200台次，救出被困人员12人。\n"
        "从起火原因看，电气火灾18起，占总数的40%；用火不慎引起火灾9起，占总数的20%；放火引起火灾6起，"
        "占总数的13.33%；其他原因引起火灾5起，占总数的11.11%。\n"
        "从起火场所看，住宅发生火灾20起，占总数的44.44%；商铺发生火灾7起，占总数的15.56%；工地发生火灾1起，"
        "占总数的2.22%，仓库发生火灾3起，占总数的6.67%；学校发生火灾1起，占总数的2.22%；车辆发生火灾2起，"
        "占总数的4.44%。\n"
        "从发生时间看，夜间较多，14—16时、16—18时均发生火灾4起，各占总数的8.89%。"
    )
    parents = {(r.text, r.start): r.parent for r in extract_text(text)}
    late = [p for (t, s), p in parents.items() if s > text.index("商铺") and t.endswith("起")]
    assert late and all(p == "45起" for p in late)  # 各占: the share of each of them


def test_a_rate_per_so_many_vehicles_is_no_whole() -> None:
    """肇事率为每万辆120.5件: a rate per ten thousand vehicles splits into no counts of crashes."""
    text = "本年肇事率为每万辆120.5件，较上年增加1.2件。\n\n肇事车种以机车86件最多，货车64件次之。"
    parents = parents_of(text)
    assert parents["86件"] is None and parents["64件"] is None
    # a count of crashes above the rate is still the total the ranking splits
    text = "本年共发生事故900件，肇事率为每万辆120.5件。\n\n肇事车种以机车86件最多，货车64件次之。"
    parents = parents_of(text)
    assert parents["86件"] == "900件"


def test_a_count_past_a_semicolon_with_its_own_period_and_verb_is_no_bare_kind() -> None:
    """；5-6月份新发现潜在吸毒人员N人: a new tally of its own, though the label read from its cue is bare."""
    text = "全县查处吸毒人员45人，其中刑拘5人，逮捕3人，缴获毒品60克；5-6月份新发现潜在吸毒人员9人。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["5人"].parent == recs["3人"].parent == "45人"
    assert recs["9人"].parent is None and recs["9人"].metric == "other"
    # bare kinds past the semicolon still go on as the first item's siblings
    parents = parents_of("在册人员800名，其中男性600名；女性200名。")
    assert parents["600名"] == parents["200名"] == "800名"


def test_people_found_are_no_part_of_the_force_sent_out() -> None:
    """出动警力N人，…其中…查获吸毒人员M名: the users found are no police, whatever 其中 stands before them."""
    text = "全月开展清查行动40次，出动警力600人，破获涉毒案件5起，其中办理一宗贩毒案件，查获吸毒人员11名。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["11名"].parent is None and recs["11名"].metric == "other"
    assert recs["600人"].metric == "police_deployed"
    # the kinds of police a force names stay its parts
    assert parents_of("出动警力900人次，其中特警150人次。")["150人次"] == "900人次"


def test_a_grouping_lead_glued_to_the_figure_before_it_opens_a_sentence() -> None:
    """…下降8.5%从行业看，…: a page that lost the full stop before the lead still groups the totals."""
    text = (
        "全年共发生事故60起、死亡40人，同比分别下降12.5%8.5%从行业看，道路运输发生事故42起、"
        "死亡30人；建筑施工发生事故15起、死亡9人。"
    )
    parents = parents_of(text)
    assert parents["42起"] == parents["15起"] == "60起"
    assert parents["30人"] == parents["9人"] == "40人"
    # with no lead of view after the figure, the clause runs on and breaks nothing down
    text = "全年共发生事故60起、死亡40人，同比分别下降12.5%8.5%，道路运输发生事故42起。"
    assert parents_of(text)["42起"] is None


def test_the_badly_hurt_after_a_list_of_dead_and_injured_are_part_of_the_injured() -> None:
    """重伤 or 伤势 names no casualty word, yet only the injured of the list can hold the badly hurt."""
    assert parents_of("车祸造成4人死亡、9人受伤，其中3人重伤。")["3人"] == "9人"
    assert parents_of("车祸造成4人死亡、9人受伤，其中重伤3人。")["3人"] == "9人"
    assert parents_of("车祸造成4人死亡、9人受伤，其中5人伤势较重。")["5人"] == "9人"
    # an item that says nothing of the hurt still breaks down no member of the list
    assert parents_of("车祸造成4人死亡、9人受伤，其中3人为学生。")["3人"] is None


def test_a_part_naming_its_thing_in_full_breaks_down_the_count_that_says_it_not_the_nearest() -> None:
    """…营救被困群众N人，疏散群众M人。其中…营救被困群众K人: both end in 群众, the first names it all."""
    text = (
        "暴雨期间，全市消防队伍共营救被困群众860人，疏散群众3200人。"
        "其中，城区中队营救被困群众410人，疏散群众1900人。"
    )
    parents = parents_of(text)
    assert parents["410人"] == "860人"
    assert parents["1900人"] == "3200人"
    # a place named in the items of two bracketed lists: the second list's item is its own total's part
    text = (
        "全县今年发生火灾30起(其中城关开发区8起、河西乡4起)，"
        "去年同期发生火灾41起(其中河东乡9起、城关开发区3起)。"
    )
    assert parents_of(text)["3起"] == "41起"


def test_a_bracket_giving_the_count_again_in_another_unit_holds_no_part() -> None:
    """A bracket with only a qualifier and a weight in another unit converts the count before it."""
    parents = parents_of("全年緝獲各類毒品1萬2,480公斤（逾12噸），其中海洛因300公斤")
    assert parents["逾12噸"] is None
    assert parents["300公斤"] == "1萬2,480公斤"
    assert parents_of("共查扣私菸820箱（捲菸600箱）")["600箱"] == "820箱"


def test_a_clause_opening_with_now_may_go_on_with_the_last_part_of_the_list() -> None:
    """目前 ends no 其中 list: what is still under way is often the list's last part."""
    parents = parents_of("排查隐患300处，其中已整改200处，目前正在整改100处。")
    assert parents["200处"] == parents["100处"] == "300处"
