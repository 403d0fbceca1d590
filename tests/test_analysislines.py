"""Counts on numbered lines under a 如下： lead break down the total the lead gives them for."""

from __future__ import annotations

from statx import extract_text
from tests.readings import parents_of


def test_numbered_analysis_lines_break_down_the_total_on_the_lead_line() -> None:
    """Each line splits the same total another way: the lines never add up, yet each is a part."""
    text = (
        "本季死亡事故发生14件死亡15人，事故特性分析如下：\n\n"
        "(一)肇事时段：以凌晨0-2时发生4件最多。\n\n"
        "(二)肇事车种：以机车发生8件最多(未戴安全帽2件)。\n\n"
        "(三)死者年龄：70岁以上长者死亡6人最多，另有3人受伤。\n\n"
        "二、防制作为\n\n"
        "1.本季共约谈业者9件。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].parent for t in ("4件", "8件", "6人")] == ["14件", "14件", "15人"]
    assert recs["4件"].metric == "accidents"
    assert recs["2件"].parent != "14件"  # the bracket breaks the 8 down, not the total
    assert recs["3人"].parent is None  # the hurt are no part of the dead
    assert recs["9件"].parent is None  # past the heading: another list


def test_the_total_may_stand_in_the_paragraph_above_a_lead_with_no_count() -> None:
    """…共32件，较113年41件减少9件。⏎另就A1类事故分析如下：⏎一、…: the total is this year's, not the base."""
    text = (
        "本县今年A1类死亡事故共32件，较113年41件减少9件。\n\n"
        "另就今年A1类死亡事故分析如下：\n\n"
        "一、道路型态：以县道发生11件最多。\n\n"
        "二、肇事车种：以机车为主，共22件。"
    )
    parents = parents_of(text)
    assert (parents["11件"], parents["22件"]) == ("32件", "32件")
    assert parents["41件"] is None and parents["9件"] is None
    # with no lead the lines stay apart
    assert parents_of(text.replace("分析如下：", "分析。"))["11件"] is None


def test_paragraphs_that_open_by_ranking_parts_break_down_the_totals_above() -> None:
    """Each ranking paragraph splits the year's total another way; the total stands above them all."""
    text = (
        "今年前三季全县共受理死亡事故640件，死亡655人，较上年同期减少12件。\n\n"
        "肇事车种以机车310件最多，小客车150件次多，货车70件居第3。\n\n"
        "上述数据仅供参考。\n\n"
        "死者年龄以65岁以上长者210人最高，其次为18至24岁90人。\n\n"
        "另查获酒驾120件，其中累犯30件。"
    )
    parents = parents_of(text)
    assert [parents[t] for t in ("310件", "150件", "70件")] == ["640件"] * 3
    assert (parents["210人"], parents["90人"]) == ("655人", "655人")
    assert parents["120件"] is None  # no ranking: a count of its own
    # a ranked first with no next rank is a lone superlative, no breakdown
    lone = "全县共受理死亡事故640件。\n\n肇事车种以机车310件最多。"
    assert parents_of(lone)["310件"] is None


def test_a_list_of_work_done_under_its_lead_is_no_analysis_of_the_figure_above() -> None:
    """…全县800公里农村公路，主要工作如下：⏎1. 安装护栏40公里: the work counts things of its own."""
    text = "交通部门对全县800公里农村公路逐段排查，主要工作如下：\n\n1. 安装护栏40公里；\n2. 施划标线55公里。"
    parents = parents_of(text)
    assert parents["40公里"] is None and parents["55公里"] is None


def test_a_lead_announcing_the_features_opens_numbered_lines_of_parts() -> None:
    """…呈现以下几个特点：⏎1、从…看，…: the features lead is an analysis lead; a smaller count said after
    the total on its line (较大火灾2起) is one of its kinds, not the total the lines split."""
    text = (
        "全市上月发生火灾300起，死亡6人，直接财产损失90万元。发生较大火灾2起，死亡1人。\n"
        "上月火灾呈现以下几个特点：\n"
        "1、从起火原因看，电气火灾最多，发生99起；吸烟引起火灾45起。\n"
        "2、从发生区域看，城区发生火灾120起，死亡2人；农村发生火灾180起，死亡4人。"
    )
    parents = parents_of(text)
    assert [parents[t] for t in ("99起", "45起", "120起", "180起")] == ["300起"] * 4
    assert (parents["2人"], parents["4人"]) == ("6人", "6人")


def test_a_section_heading_naming_a_distribution_opens_numbered_lines_of_parts() -> None:
    """二、…行业分布情况⏎1.…: a heading that names only a distribution leads as 如下： does; the dead and
    the hurt each take their own total, and last year's counts after 同期 are baselines, no parts."""
    text = (
        "一季度，全县安全生产事故共80起，同比上升20%；死亡4人，同比下降20%；受伤37人，同比下降5.1%。\n\n"
        "二、一季度事故按行业分布情况\n\n"
        "1.道路交通事故26起，同期30起；死亡3人，同期死亡5人；受伤21人，同期22人。\n\n"
        "2.火灾事故9起，同期12起；受伤2人，同期受伤1人。"
    )
    parents = parents_of(text)
    assert (parents["26起"], parents["9起"]) == ("80起", "80起")
    assert (parents["3人"], parents["21人"], parents["2人"]) == ("4人", "37人", "37人")
    assert [parents[t] for t in ("30起", "12起", "5人", "22人", "1人")] == [None] * 5


def test_a_second_distribution_heading_right_after_a_list_splits_the_same_totals() -> None:
    """…⏎3.…⏎三、…地区分布情况⏎1、…: the line above the second heading is the first list's last item, with
    no count; the second list splits the totals the first one did."""
    parents = parents_of(_two_distributions(6, 3))
    assert [parents[t] for t in ("6起", "7起", "11起")] == ["60起"] * 3
    assert [parents[t] for t in ("3人", "4人", "5人")] == ["30人"] * 3
    assert [parents[t] for t in ("8起", "5起", "9起")] == [None] * 3


def test_a_heading_of_its_own_ends_the_sector_lines_of_the_section_before() -> None:
    """三、…地区分布情况⏎1、甲镇…: a trade line of the section before (1.道路…20起), numbered in another
    style than the new heading, is no total of the towns, however much bigger than each it is."""
    parents = parents_of(_two_distributions(20, 13))
    assert [parents[t] for t in ("20起", "7起", "11起")] == ["60起"] * 3
    assert [parents[t] for t in ("13人", "4人", "5人")] == ["30人"] * 3
    # a totals line numbered under a heading of its own is no part, and stays the sectors' total
    text = (
        "一、总体情况\n1.全县发生事故9起，死亡7人。\n二、分行业情况\n"
        "（一）工贸事故5起，死亡4人。\n（二）道路运输事故4起，死亡3人。"
    )
    parents = parents_of(text)
    assert [parents[t] for t in ("5起", "4人", "4起", "3人")] == ["9起", "7人", "9起", "7人"]


def _two_distributions(trade: int, trade_hurt: int) -> str:
    """A month's work-safety totals, then their split by trade and again by town under headings."""
    return (
        "上月全县安全生产事故共60起，同比上升10%；受伤30人，同比下降3.2%。\n\n"
        "二、上月事故按行业分布情况\n\n"
        f"1.道路交通事故{trade}起，同期8起；受伤{trade_hurt}人。\n\n"
        "2.其他行业未发生伤亡事故。\n\n"
        "三、上月事故地区分布情况\n\n"
        "1、甲镇伤亡事故7起，同期5起；受伤4人。\n\n"
        "2、乙镇伤亡事故11起，同期9起；受伤5人。"
    )
