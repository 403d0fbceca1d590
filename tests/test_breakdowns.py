"""Breakdown parents on shapes of real reports: long 其中 lists, kinds named by 的, shares of 总数."""

from __future__ import annotations

from statx import extract_text


def test_a_long_list_after_a_sentence_opening_qizhong_keeps_the_whole_of_its_first_item() -> None:
    """Each item's change takes the list past the item's own window; the first item's whole still holds."""
    text = (
        "全年共发生道路交通事故3200起，造成50人死亡、120人受伤，直接财产损失1.1亿元。与上年相比，"
        "事故起数减少300起，下降8.6%；死亡人数减少8人，下降13.8%；受伤人数减少15人，下降11.1%；"
        "直接财产损失减少0.2亿元，下降15.4%。其中，发生一次死亡3人以上道路交通事故120起，同比减少10起，"
        "下降7.7%；发生一次死亡5人以上道路交通事故30起，同比减少4起，下降11.8%；"
        "发生一次死亡10人以上道路交通事故5起，同比增加1起。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].parent for t in ("120起", "30起", "5起")] == ["3200起"] * 3
    assert recs["1起"].parent is None  # a change, no part


def test_items_naming_only_a_kind_with_de_go_on_past_a_semicolon() -> None:
    """…的有310名: words ending in 的 name a kind of the breakdown's whole, not a new count."""
    text = (
        "今年5月前，全市共有420名逃犯被通缉。其中，涉嫌抢劫的有200名；潜逃5年以上的有310名，"
        "10年以上的有150人。行动中抓获了96名逃犯。其中，涉嫌抢劫的51名，部督的4名；"
        "抓获潜逃5年以上的40名，潜逃10年以上的22名。"
    )
    parents = {r.text: r.parent for r in extract_text(text)}
    assert [parents[t] for t in ("200名", "310名", "150人")] == ["420名"] * 3
    assert [parents[t] for t in ("51名", "4名", "40名", "22名")] == ["96名"] * 4


def test_a_new_count_after_a_semicolon_is_no_kind_even_after_de_items() -> None:
    text = "共抓获逃犯96名，其中涉嫌抢劫的51名；全市另排查重点人员300名。"
    assert {r.text: r.parent for r in extract_text(text)}["300名"] is None


def test_counts_paired_with_shares_of_the_total_point_at_the_totals_of_their_sentence() -> None:
    """分别占总数的17.5%和13.1%: each share to a decimal place names the total of its own sentence."""
    text = (
        "去年全省共破获涉毒案件1.3万起，缴获毒品23.6吨，同比上升1.2%；"
        "通过群众举报破获涉毒案件2270起，缴获毒品3.1吨，分别占总数的17.5%和13.1%。"
    )
    parents = {r.text: r.parent for r in extract_text(text)}
    assert (parents["2270起"], parents["3.1吨"]) == ("1.3万起", "23.6吨")
    # under a heading, with the total a sentence or more up, 总数 may be the section's: no whole
    text = (
        "全市发生事故214起、死亡47人。\n"
        "（一）从道路类型看。国省道发生事故67起、死亡19人，分别占总数的31.3%和40.4%。"
    )
    parents = {r.text: r.parent for r in extract_text(text)}
    assert (parents["67起"], parents["19人"]) == (None, None)


def test_three_counts_adding_up_exactly_to_the_count_before_them_are_its_parts() -> None:
    """No 其中, but 22 + 17 + 9 = 48: the devices sorted are shared out among three fates."""
    text = "对辖区48台设备排查分类，更换22台，停用17台，保留9台正常运行。"
    parents = {r.text: r.parent for r in extract_text(text)}
    assert [parents[t] for t in ("22台", "17台", "9台")] == ["48台"] * 3


def test_sums_by_chance_of_list_siblings_or_of_two_outcomes_make_no_breakdown() -> None:
    text = "表彰一等功6人、二等功3人、三等功2人、嘉奖1人。"  # 6 = 3 + 2 + 1, all siblings of one list
    assert {r.parent for r in extract_text(text)} == {None}
    text = "登记问题27个，当场解决19个，其余8个明确了办结时限。"  # what became of the whole, no parts
    assert {r.parent for r in extract_text(text)} == {None}
    text = "全市发生事故48起。\n从成因看，超速22起，酒驾17起，疲劳驾驶9起。"  # another paragraph: left
    assert {r.parent for r in extract_text(text)} == {None}


def test_parts_opening_with_a_verb_break_down_the_count_that_says_it_not_the_nearest() -> None:
    """其中查处…: the camera records nearer to the parts are no whole of violations dealt with."""
    text = (
        "2023年，全县共查处机动车各类交通违法行为5120起，录入非现场违法4.2万余起，今年重点加大了"
        "酒后驾驶、客车超员的查处力度，其中查处酒后驾驶312起，超员87起，涉牌涉证540起。"
    )
    parents = {r.text: r.parent for r in extract_text(text)}
    assert [parents[t] for t in ("312起", "87起", "540起")] == ["5120起"] * 3
    text = "全年共查处交通违法行为5120起，现场查处4.2万余起，其中查处酒后驾驶312起，超员87起。"
    parents = {r.text: r.parent for r in extract_text(text)}
    assert [parents[t] for t in ("312起", "87起")] == ["4.2万余起"] * 2  # the nearest says 查处 too


def test_a_count_framed_by_zhong_right_before_a_figure_is_its_whole() -> None:
    """N起…中有M起: the M are some of the N, not of the total an earlier 其中 broke down."""
    text = (
        "农村地区共发生火灾9万起，造成610人死亡，其中火灾起数和死亡人数比重均高于城市，"
        "52起较大火灾中有33起发生在农村。"
    )
    assert {r.text: r.parent for r in extract_text(text)}["33起"] == "52起"
    text = "在查获的86名吸毒人员中有12名是未成年人。"
    assert {r.text: r.parent for r in extract_text(text)}["12名"] == "86名"
    text = "全年发生事故52起，同比减少12起，死亡人员中有9人未系安全带。"  # a change frames nothing; 人 of 起
    assert {r.text: r.parent for r in extract_text(text)}["9人"] is None


def test_a_qizhong_sentence_with_no_figure_governs_the_next_one() -> None:
    """其中，…居多。 sums the breakdown up; its counts follow, past a smaller detail said after the total."""
    text = (
        "今年一季度全国共接报火灾8.1万起，死亡210人，直接经济损失6.2亿元；接报较大火灾9起，与往年基本持平。"
        "其中，一季度用火用电引发的火灾居多。一季度因电气故障引发火灾2.2万起，因生活用火不慎引发火灾1.9万起。"
    )
    parents = {r.text: r.parent for r in extract_text(text)}
    assert (parents["2.2万起"], parents["1.9万起"]) == ("8.1万起", "8.1万起")
    text = "今年以来，全市共立传销24起、非法集资13起。其中涉网案件21起，数量占比56.8%。"  # list siblings
    assert {r.text: r.parent for r in extract_text(text)}["21起"] is None


def test_a_clause_naming_a_kind_reaches_the_count_of_that_kind_past_a_nearer_one() -> None:
    """110类有效报警中，…: the 110 calls said before, not the 122 calls nearer to the clause."""
    text = (
        "9月份，全市共接各类报警30112起，有效报警5020起。其中110类报警4120起，比上月下降5.1%；"
        "122类报警980起，比上月下降2.2%。\n（二）9月份110类有效报警中，刑事类报警260起，比上月下降2.1%；"
        "治安类报警610起。\n（三）刑事类警情中，盗窃类案件比较突出。本月共接盗窃类报警190起，占刑事类警情的73.1%。"
    )
    parents = {r.text: r.parent for r in extract_text(text)}
    assert (parents["260起"], parents["610起"], parents["190起"]) == ("4120起", "4120起", "260起")
    text = (
        "上半年全市共接报刑事类警情12040起，同比下降9.5%；接报治安类警情30116起。刑事类警情中的"
        "入室盗窃类警情呈下降态势，上半年共接报412起。上半年全市盗窃类警情共接报3120起，同比下降8.2%。"
    )
    parents = {r.text: r.parent for r in extract_text(text)}
    assert parents["412起"] == "12040起"
    assert parents["3120起"] is None  # the clause spoke of the sentence with its own figure
