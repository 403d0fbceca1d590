"""The semantic layer: metric definitions as data, labels, breakdowns, changes, baselines, periods, places."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statx import extract_text, load_rules
from statx.metrics import MetricIndex
from statx.periods import resolve_period
from statx.respectively import _share_verb
from statx.rules import RuleSet
from tests.conftest import GOLD, SAMPLES
from tests.readings import parents_of


def test_every_contract_metric_is_defined_with_positive_and_negative_examples(rules: RuleSet) -> None:
    with (GOLD / "metrics.tsv").open(encoding="utf-8") as fh:
        contract = {row["key"]: row["name_zh"] for row in csv.DictReader(fh, delimiter="\t")}
    defined = {m.key: m for m in rules.metrics}
    assert set(contract) == set(defined)
    for key, metric in defined.items():
        assert metric.name == contract[key]
        if key == "other":
            continue
        expected = [e for ex in metric.examples for e in ex.expect]
        assert any(e.get("metric") == key for e in expected), key
        assert any(e.get("metric") not in (None, key) for e in expected), key


def test_breakdown_items_point_to_their_total() -> None:
    text = "2019年，共查處各類交通違法58957起，其中飲酒駕駛135起、醉酒駕駛90起，行政拘留103人。"
    recs = {r.text: r for r in extract_text(text)}
    total = recs["58957起"]
    for item in ("135起", "90起"):
        assert recs[item].parent == "58957起"
        assert recs[item].parent_start == total.start
    assert recs["103人"].parent is None  # another unit: not a part of the total
    assert total.parent is None


def test_a_grouping_lead_opening_the_next_paragraph_reaches_the_total_for_its_first_item() -> None:
    # the lead 从警情类别看 opens the paragraph after the total: its first item is as much a part of
    # the total as the items after its semicolons (the first item alone was left without a whole)
    text = (
        "形成有效警情8.94万起，同比下降6.3%。\n\n从警情类别看，刑事类警情6215起，占6.95%；"
        "治安类警情2.13万起，占23.8%；纠纷类警情7426起，同比上升3.1%。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].parent for t in ("6215起", "2.13万起", "7426起")] == ["8.94万起"] * 3
    # two paragraphs up, or past a heading, the total is no longer plainly the lead's
    for between in ("另有报道称今年工作取得成效。", "一、警情分析"):
        far = f"形成有效警情8.94万起。\n\n{between}\n\n从警情类别看，刑事类警情6215起。"
        assert {r.text: r for r in extract_text(far)}["6215起"].parent is None
    # a paragraph that ends on a part of its own total leaves the lead's whole unclear: none is taken
    parted = (
        "共发生事故1086起。其中，涉及电动自行车的事故417起，占总数的38.4%。"
        "\n\n从事故分布看，国省道上的事故316起，占29.1%。"
    )
    assert {r.text: r for r in extract_text(parted)}["316起"].parent != "417起"


def test_a_lead_by_sex_breaks_down_the_people_counted_before() -> None:
    # 从性别看 groups people as 从年龄看 does: its items are parts of the count they add up to, past a
    # smaller count of the same unit in between (the new drivers of the year)
    text = "全市机动车驾驶人达120万人，今年新领证驾驶人6万人。从性别看，男性驾驶人78万人，女性驾驶人42万人。"
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].parent for t in ("78万人", "42万人")] == ["120万人"] * 2


def test_the_people_a_named_cause_killed_are_deaths() -> None:
    # the cause after the count (因…造成死亡, 因…而丧生, 因…身亡) says why the people died: its
    # offence words (无证驾驶, 酒后驾驶) name no count of them
    text = "事故中，9人因无证驾驶导致死亡，4名骑车人因酒后驾驶身亡，3位行人因翻越护栏而丧生。"
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].metric for t in ("9人", "4名", "3位")] == ["deaths"] * 3
    # a cause before a penalty keeps its own reading: the licences revoked, not the dead
    assert {r.text: r for r in extract_text("全年12名驾驶人因酒驾被吊销驾驶证")}["12名"].metric != "deaths"


def test_a_cue_limited_to_units_names_nothing_in_another_unit() -> None:
    # 劝导…违法 counts people in 人次 (a `(?#units:…)` cue of people_reached); in 次 or 起 the same
    # words count the acts talked down, which the general 违法 cue of violations_handled names
    text = "全年劝导纠正各类违法行为2.3万余次。志愿者劝导纠正行人和非机动车交通违法行为11.2万人次。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["2.3万余次"].metric == "violations_handled"
    assert recs["11.2万人次"].metric == "people_reached"
    index = MetricIndex.build(load_rules())
    assert [m.key for m, _, _ in index._hits("劝导纠正各类违法行为", "次")] == ["violations_handled"] * 2
    assert "people_reached" in {m.key for m, _, _ in index._hits("劝导纠正各类违法行为", "人次")}


def test_a_verb_limited_to_people_right_before_a_count_still_names_cases_in_their_units() -> None:
    # 侦破 right before a count of people is suspects caught (a `(?#units:…)` cue ending at the
    # number); before a count of cases the plain 侦破 of cases solved names it, as 破获 does
    text = "今年警方侦破560起涉网案件，另查缉车手共侦破 85 人次。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["560起"].metric == "cases_solved"
    assert recs["85 人次"].metric == "suspects_arrested"
    index = MetricIndex.build(load_rules())
    assert {m.key for m, _, _ in index._hits("警方侦破", "起")} == {"cases_solved"}
    # a limited cue that names its words by what stands before them still silences them: cameras
    # linked up (接入…监控) are counted in 路 by no metric of facilities
    assert "facilities_built" not in {m.key for m, _, _ in index._hits("接入沿线视频监控点位", "路")}


def test_every_metric_cue_lists_the_characters_it_starts_with(rules: RuleSet) -> None:
    # one cue whose first characters cannot be listed (a class range: [1-5]?A级景区) makes every
    # position of every clause try the whole alternation of cues: extraction ran 2.5 times slower
    from statx.metrics import _CUE_UNITS
    from statx.shape import first_chars

    unlisted = [
        (m.key, c) for m in rules.metrics for c in m.cues if first_chars(_CUE_UNITS.sub("", c)) is None
    ]
    assert unlisted == []
    assert MetricIndex.build(rules).starts is not None


def test_a_silent_part_of_an_uncounted_whole_takes_no_metric_from_the_heading() -> None:
    # the heading names a campaign (…整治行动); the gangs smashed are no campaign, and their part,
    # whose own words name nothing, is none either, while a part with a cue of its own keeps it
    text = (
        "夏季治安打击整治行动取得阶段性成效\n\n"
        "行动启动以来，打掉犯罪团伙362个，其中涉黑涉恶犯罪集团11个；"
        "破获刑事案件1.47万起，其中破获命案积案19起。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["362个"].metric == "other"
    assert recs["11个"].parent == "362个"
    assert recs["11个"].metric == "other"
    assert recs["19起"].metric == "cases_solved"


def test_a_bracket_closed_between_two_figures_splits_no_list() -> None:
    # 县（市、区） names one kind of division; its 、 must not hand 市 to the first figure and 区 to
    # the second, while a bracket still open at the next figure opens a breakdown item
    text = "在全市9个县（市、区）的46个派出所开通服务窗口，查处酒驾4215起（醉驾1106起）"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["9个"].label == "在全市县(市、区)的"
    assert not recs["46个"].label.startswith("区)")
    assert recs["46个"].metric == "units_covered"
    assert recs["1106起"].parent == "4215起"


def test_the_rest_of_a_total_counts_what_the_total_counts() -> None:
    text = "收集群众意见建议58条，已整改落实43条，其余15条正在推进中。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["43条"].metric == "suggestions_resolved"
    assert recs["15条"].metric == "suggestions_collected"  # the rest is not resolved
    text = "市民热线共转办涉警诉求1.9万件，按期办结1.86万件，其余140件正在办理中。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["140件"].metric == "hotline_cases"  # 办理 of the tickets, no other business
    text = "现场收集意见建议96条。目前已办结意见建议81条，办结率84.4%，其余15条正在推进中。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["15条"].metric == "suggestions_collected"  # 81 + 15 = 96: the total before
    # the total's breakdown by kind may stand between it and the rest
    text = (
        "共收集各类意见建议573条，经梳理归并为212类，其中涉及交通管理的94条、治安管理的78条、户籍办理的41条。"
        "目前已整改落实498条，整改率达86.9%，其余75条正在推进中。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["75条"].metric == "suggestions_collected"  # 498 + 75 = 573, eight figures back


def test_a_change_or_a_baseline_is_neither_a_whole_nor_a_part() -> None:
    text = "全市死亡人数为48人，较去年同期减少12人，其中酒驾肇事死亡5人。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["12人"].change == "down" and recs["12人"].parent is None
    assert recs["5人"].parent == "48人"  # the nearest total, not the change after it
    text = "今年共录得盗窃案12050宗，较去年同期的18743宗下降35.7%，其中入屋盗窃3120宗。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["18743宗"].role == "baseline" and recs["18743宗"].parent is None
    assert recs["3120宗"].parent == "12050宗"


def test_a_breakdown_after_a_semicolon_takes_no_whole_past_the_full_stop_before() -> None:
    text = (
        "全縣設籍人口約8.6萬人,其中65歲以上長者約2.3萬人。交通隊統計,全縣共發生事故1462件,年增4.1%;"
        "其中涉及長者的事故511件,長者死亡人數11人。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["511件"].parent == "1462件"
    assert recs["11人"].parent is None  # no part of the people a sentence up
    # after a full stop, the whole may stand past a sentence of changes only
    text = (
        "全市共接报火灾1862起，亡6人。与去年同期相比，火灾起数下降8.7%。其中，较大火灾1起，一般火灾1861起。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["1起"].parent == "1862起"


def test_a_change_said_only_with_its_basis_counts_what_the_clause_before_says_went_down() -> None:
    # 同比减少41起 names nothing; the clause before says what fell, not the previous figure's words
    text = (
        "虚假投资类发案79起，损失金额最高，达498.6万元；冒充客服类发案下降明显，同比减少41起。"
        "全市交通事故大幅下降，同比下降12.5%"
    )
    recs = {r.text: r for r in extract_text(text)}
    fell = recs["41起"]
    assert (fell.metric, fell.change, fell.label) == ("crimes_reported", "down", "冒充客服类发案")
    assert (recs["12.5%"].metric, recs["12.5%"].label) == ("accidents", "全市交通事故")
    # a clause of a change verb alone (增加了) names nothing either: the clause before says what grew
    rose = extract_text("较上年同期，全区报警总量有所增多，增加了4.2%")[0]
    assert (rose.metric, rose.change, rose.basis) == ("incidents_received", "up", "yoy")
    assert rose.label.startswith("全区报警总量")
    # with a count before it in the sentence, the change is still that count's
    (count, change) = extract_text("全县共发生道路交通事故1503起，同比下降9.6%")
    assert (change.metric, change.label) == ("accidents", count.label)


def test_a_figure_in_brackets_right_after_a_larger_one_breaks_it_down() -> None:
    text = "查处交通违法68.3万起，其中酒驾醉驾3216起（醉驾897起），全市报告案件29,542宗（+3.88%）。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["3216起"].parent == "68.3万起"
    assert recs["897起"].parent == "3216起"  # the bracket hangs on 3216起, not on the total
    assert recs["+3.88%"].parent is None  # a change in brackets is no part


def test_a_change_after_a_bracket_of_several_shares_is_of_the_count_before_the_bracket() -> None:
    text = (
        "审查终结7,420人，提起公诉3,108人（其中盗窃占41.5%，诈骗占27.3%，余为其他罪名），"
        "较上年增加216人或7.5%。"
    )
    recs = {r.text: r for r in extract_text(text)}
    for change in ("216人", "7.5%"):
        assert recs[change].metric == "prosecutions"  # of 3,108人, not of the last share in the bracket
        assert recs[change].change == "up"
    assert recs["41.5%"].metric == recs["27.3%"].metric == "rate_other"


def test_taiwans_growth_size_after_last_years_count_is_a_rise_on_last_year() -> None:
    text = "今年查获走私香烟共2万1500条，相较去年查获的1万2000条，成长幅度达79%。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["79%"].change == "up"
    assert recs["79%"].basis == "yoy"
    assert recs["2万1500条"].change is None


def test_a_first_quarter_report_that_writes_last_year_reviews_it() -> None:
    text = (
        "一、2023年工作回顾\n全县刑事案件立案数由2022年的2153起下降到1827起，下降15.1%。\n"
        "工单按时办结率99.21%，较2022年提高0.6个百分点。"
    )
    recs = {r.text: r for r in extract_text(text, date="2024-01-16")}
    assert recs["15.1%"].basis == "yoy"  # 2022 is the year before the reviewed 2023
    assert recs["0.6个百分点"].basis == "yoy"
    later = {r.text: r for r in extract_text(text, date="2024-07-16")}
    assert later["0.6个百分点"].basis is None  # in July, 2024's rate against 2022's: two years apart


def test_a_table_row_is_named_by_all_its_naming_cells_and_counts_what_its_column_says() -> None:
    text = (
        "| 序号 | 类别 | 指标 | 数量 | 同比 | 死亡人数 | 同比 |\n"
        "| --- | --- | --- | --- | --- | --- | --- |\n"
        "| 1 | 刑事案件 | 立案 | 3256起 | -9.8% | 12人 | +4.1% |\n"
        "| 2 | 城东大队 | 事故 | 41起 | ↓12.8% | 9人 | ↓25.0% |\n"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].metric for t in ("3256起", "-9.8%")] == ["cases_filed", "cases_filed"]
    assert recs["-9.8%"].label == "刑事案件立案"
    assert [recs[t].metric for t in ("12.8%", "9人", "25.0%")] == ["accidents", "deaths", "deaths"]


def test_colon_list_breakdown() -> None:
    recs = {r.text: r for r in extract_text("共接报警情1200起：交通类800起、治安类300起。")}
    assert recs["800起"].parent == "1200起" and recs["300起"].parent == "1200起"


def test_a_term_closed_by_a_colon_right_before_a_figure_is_its_words_and_label() -> None:
    # a list item after 其中： says its part's name only before the colon; a speaker's name before
    # what they say (主持人：两成多，…) names nothing counted and gives no label
    text = (
        "共查处交通违法行为28.7万起，其中：\n\n- 超速：1.93万起；\n- 违停：9.6万起。\n\n"
        "主持人：两成多，这个降幅不小。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["1.93万起"].metric, recs["1.93万起"].label) == ("speeding", "超速")
    assert (recs["9.6万起"].metric, recs["9.6万起"].label) == ("illegal_parking", "违停")
    assert recs["两成多"].label == ""


def test_a_breakdown_runs_on_over_semicolons_for_items_of_the_same_metric() -> None:
    text = (
        "全年破获刑事案件1105起，破案率77.8%。其中，破获命案3起，现案全破；破获盗窃案件612起。"
        "全年查处交通违法1000起，其中酒驾100起；全县发生交通事故50起。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["3起"].parent == recs["612起"].parent == "1105起"
    assert recs["100起"].parent == "1000起"
    assert recs["50起"].parent is None  # a new topic after the semicolon: accidents, not violations


def test_an_item_after_a_semicolon_that_the_whole_has_no_room_for_is_no_part() -> None:
    text = (
        "全市共有186名民警获得市级以上表彰奖励，其中个人一等功3人、个人二等功19人、个人三等功142人；"
        "为立功受奖民警发放奖金83.6万元，优先安排124名优秀民警参加疗养。"
    )
    parents = parents_of(text)
    assert parents["142人"] == "186名"
    assert parents["124名"] is None  # 3 + 19 + 142 + 124 > 186: the breakdown ended at the semicolon
    text = "共有186名民警获得表彰，其中个人一等功3名、个人二等功19名；个人三等功142名。"
    assert parents_of(text)["142名"] == "186名"  # room left: a part
    text = "全市共接报火灾1862起。其中，较大火灾1起，一般火灾1861起；住宅火灾572起，占总数的30.7%。"
    assert parents_of(text)["572起"] == "1862起"  # a second grouping


def test_a_clause_after_a_semicolon_that_opens_with_another_count_is_no_part() -> None:
    text = (
        "共为群众办理电动自行车登记上牌8650辆，其中上门办理2310辆；"
        "为农村群众办理摩托车驾驶证1120本，摩托车注册登记1960辆。"
    )
    parents = parents_of(text)
    assert parents["2310辆"] == "8650辆"
    assert parents["1120本"] is None
    assert parents["1960辆"] is None  # the clause began with licences: a new topic, not a part
    text = "全年破获刑事案件1105起。其中，破获命案3起；破获盗窃案件612起、诈骗案件80起。"
    parents = parents_of(text)
    assert parents["612起"] == parents["80起"] == "1105起"  # the clause's first item is a part: go on


def test_an_item_after_a_semicolon_that_opens_with_a_new_action_is_no_part() -> None:
    text = (
        "查处非法改装车辆1386辆，其中改装排气管的摩托车1012辆、改装灯光的小型汽车374辆；"
        "查扣涉嫌非法改装车辆217辆，拆除改装部件640余件。"
    )
    parents = parents_of(text)
    assert parents["374辆"] == "1386辆"
    assert parents["217辆"] is None  # the cars seized: another deed, not a third kind of car dealt with
    text = "查处违法车辆1386辆，其中查扣摩托车600辆；查扣小型汽车374辆。"
    assert parents_of(text)["374辆"] == "1386辆"  # the verb of the item before


def test_an_item_after_a_semicolon_saying_the_whole_s_verb_again_is_a_new_item() -> None:
    text = "办理居民身份证8.7万张，其中首次申领1.9万张；办理临时身份证3 600余张。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["1.9万张"].parent == "8.7万张"
    assert recs["3 600余张"].parent is None  # 办理 again, unlike the first item: a new count
    text = "户政窗口共办理居民身份证1.6万张，其中首次申领4 200张；办理临时身份证1 150余张。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["4 200张"].parent, recs["1 150余张"].parent) == ("1.6万张", None)


def test_an_item_naming_the_tail_of_the_whole_s_noun_or_the_rest_of_it_goes_on_the_list() -> None:
    """工矿商贸事故N起（其中…；商贸事故a起；工矿商贸其他事故b起）: no verb said again, the noun's tail."""
    text = "全省发生工矿商贸事故21起，其中，煤矿事故5起；冶金事故3起；商贸事故2起；工矿商贸其他事故4起。"
    parents = parents_of(text)
    assert [parents[t] for t in ("5起", "3起", "2起", "4起")] == ["21起"] * 4


def test_the_whole_s_verb_after_the_people_served_or_the_first_item_s_kind_starts_a_new_item() -> None:
    # the people served stand before the verb (为…群众当场办理): the item still says 办理 again
    text = "共办理居民身份证5130张，其中首次申领2260张；为急需乘车、办事的群众当场办理临时身份证738张。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["2260张"].parent, recs["738张"].parent) == ("5130张", None)
    # the first item says 办理 after its own kind (跨省户口迁移…办理86件), not as its verb: the next
    # item that opens with 办理 is a count of its own, in Traditional script too
    text = "辦理戶口遷移1247件，其中跨省戶口遷移“一站式”辦理86件；辦理出生登記415件、死亡註銷302件。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["86件"].parent == "1247件"
    assert (recs["415件"].parent, recs["302件"].parent) == (None, None)
    # an item that opens with the verb keeps the items going (破获命案3起；破获盗窃案件612起)
    text = "破获刑事案件1105起，其中破获命案3起；破获盗窃案件612起。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["3起"].parent, recs["612起"].parent) == ("1105起", "1105起")


def test_an_item_after_a_semicolon_naming_another_kind_like_the_first_counts_what_it_counts() -> None:
    text = (
        "全区共立刑事案件1146起，同比下降14.8%，其中盗窃案件523起，同比下降19.2%；"
        "诈骗案件287起，同比下降8.6%；破获案件300起。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["523起"].metric == recs["287起"].metric == "cases_filed"
    assert recs["287起"].parent == "1146起"  # 诈骗案件 alone reads as crimes reported: the 案件 of 盗窃案件
    assert recs["8.6%"].metric == "cases_filed"  # its change follows it
    assert (recs["300起"].metric, recs["300起"].parent) == ("cases_solved", None)  # 破获 names its own


def test_a_breakdown_of_uncategorised_figures_runs_on_over_semicolons_for_items_named_alike() -> None:
    text = (
        "全年地区生产总值2865.3亿元，比上年增长4.1%。其中，第一产业增加值201.6亿元，增长3.8%；"
        "第二产业增加值1203.9亿元，增长4.9%；一般公共预算收入180.2亿元。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["201.6亿元"].parent == recs["1203.9亿元"].parent == "2865.3亿元"
    assert recs["180.2亿元"].parent is None  # named unlike the first item: a new topic


def test_a_hotline_breakdown_by_class_runs_on_over_semicolons_for_classes_named_alone() -> None:
    # the first item names the class and the tickets (求助类诉求); the later ones only the class
    text = (
        "上月便民热线共接到群众来电诉求9300件。其中，求助类诉求2100件，约占两成；"
        "表扬类88件；其他类530件。另收到信件60件。"
    )
    recs = {r.text: r for r in extract_text(text)}
    for item in ("2100件", "88件", "530件"):
        assert (recs[item].metric, recs[item].parent) == ("hotline_cases", "9300件"), item
    assert recs["60件"].parent is None  # a new sentence, no class


def test_a_class_named_alone_is_no_item_of_a_breakdown_whose_first_item_names_no_class() -> None:
    text = "全年地区生产总值2865.3亿元。其中，第一产业增加值201.6亿元；服务类68.5亿元。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["201.6亿元"].parent == "2865.3亿元"
    assert recs["68.5亿元"].parent is None


def test_a_breakdown_after_a_pair_of_totals_in_one_unit_pairs_its_items_with_them() -> None:
    # the spaces break down the spaces, though the charging posts were said between; the posts the posts
    # (a county's drive, in new words)
    text = (
        "今年已新增停车泊位3200个，充电桩150个，其中东区配建停车位1800个（含公共停车位90个）、充电桩150个，"
        "西区配建停车位1200个，某学校门口停车位20个。"
    )
    recs = {(r.text, r.start): r for r in extract_text(text)}
    parents = {text_: r.parent for (text_, _), r in sorted(recs.items(), key=lambda kv: kv[0][1])}
    assert parents["1800个"] == parents["1200个"] == parents["20个"] == "3200个"
    assert parents["90个"] == "1800个"
    posts = [r for (t, _), r in sorted(recs.items(), key=lambda kv: kv[0][1]) if t == "150个"]
    assert [r.parent for r in posts] == [None, "150个"]
    # a single total before the 其中 that is smaller than the item is still the whole of nothing
    text = "共排查隐患车辆80辆，其中货车120辆。"
    assert parents_of(text)["120辆"] is None


def test_classes_counted_with_a_word_of_total_are_kinds_of_their_whole() -> None:
    # 求助类共…, 建议类合计…: the kinds of the tickets, not calls for help or suggestions collected
    text = "全年热线受理群众诉求6.2万件，其中求助类共1.9万件、投诉类共8600件、建议类合计2300件。"
    recs = {r.text: r for r in extract_text(text)}
    for item in ("1.9万件", "8600件", "2300件"):
        assert (recs[item].metric, recs[item].parent) == ("hotline_cases", "6.2万件"), item


def test_a_grouping_heading_names_what_the_classes_on_the_line_below_are_kinds_of() -> None:
    text = (
        "全年热线受理群众诉求6.2万件。\n（三）来电分类\n"
        "求助类共1.9万件；投诉类共8600件；建议类共2300件。\n"
        "（四）工作情况\n求助类警情120起。"
    )
    recs = {r.text: r for r in extract_text(text)}
    for item in ("1.9万件", "8600件", "2300件"):
        assert recs[item].metric == "hotline_cases", item
    assert recs["120起"].metric == "incidents_received"  # a heading of no grouping names nothing


def test_a_figure_said_higher_or_lower_than_another_level_is_a_change() -> None:
    text = (
        "该中队群众满意率为96.4%，比全区中队平均水平高0.9个百分点；发案率较全省平均水平低0.5个百分点；"
        "满意率较去年同期高2%。女性比例高达20%，占比高达35%。"
    )
    recs = {r.text: r for r in extract_text(text)}
    changes = [recs[t].change for t in ("96.4%", "0.9个百分点", "0.5个百分点", "2%")]
    assert changes == [None, "up", "down", "up"]
    assert recs["2%"].basis == "yoy"
    assert recs["20%"].change is None and recs["35%"].change is None  # 比例, 占比: levels, no comparison


def test_a_breakdown_word_inside_a_sentence_takes_no_whole_from_the_sentence_before() -> None:
    text = "为群众挽回经济损失210万元。查处酒驾醉驾违法行为286起，其中醉驾63起，收缴罚款12.6万元。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["63起"].parent == "286起"
    assert recs["12.6万元"].parent is None


def test_a_breakdown_opening_a_sentence_takes_no_whole_from_paragraphs_up() -> None:
    # the 警情 count two paragraphs up is no whole of the cases solved, and a part named with it
    # would take its metric; the paragraph just before may still hold the whole
    text = (
        "全市共接报各类警情9.7万起，同比下降6.3%。\n二、攻坚破案不停步\n"
        "开展集中收网行动6轮。其中，破获盗窃案件742起、抢夺抢劫案件19起。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["742起"].parent is None
    assert recs["19起"].parent is None
    assert recs["19起"].metric == "cases_solved"
    recs = {r.text: r for r in extract_text("全年查处交通违法5.1万起。\n其中，醉酒驾驶418起。")}
    assert recs["418起"].parent == "5.1万起"


def test_a_breakdown_opening_a_marked_list_item_breaks_down_the_item_before() -> None:
    # ⑵/②/2、/◆ before 其中 only opens the next item; the whole ends the item before, also
    # where a rate of it stands between (调处成功率93.7%); a Markdown list's indent says it there
    for mark in ("⑵ ", "② ", "2、", "◆ ", "（二）", "2\ufe0f\u20e3 "):
        text = f"⑴ 受理纠纷127起，成功调处119起，调处成功率93.7%；\n{mark}其中邻里纠纷48起、家庭纠纷31起；"
        recs = {r.text: r for r in extract_text(text)}
        assert recs["48起"].parent == "127起", mark
        assert recs["31起"].parent == "127起", mark
    # another count in another unit ending the line closes the breakdown's reach
    recs = {r.text: r for r in extract_text("受理纠纷127起，召开联调会9场；\n⑵ 其中邻里纠纷48起")}
    assert recs["48起"].parent is None


def test_circled_and_bracketed_item_numbers_are_trimmed_from_labels() -> None:
    text = "⑴ 受理各类矛盾纠纷127起；\n⒉ 排查隐患54处；\n③ 召开联调会9场"
    labels = {r.text: r.label for r in extract_text(text)}
    assert labels == {"127起": "受理各类矛盾纠纷", "54处": "排查隐患", "9场": "召开联调会"}


def test_a_breakdown_after_a_list_breaks_down_the_item_it_names_or_no_single_one() -> None:
    text = "全区共招收一年级新生6 380人、七年级新生5 912人，其中随迁子女入学2 146人。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["2 146人"].parent is None  # of both grades: their sum is said nowhere
    text = "破获盗窃案件612起、诈骗案件287起，其中电信诈骗案件200起。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["200起"].parent == "287起"  # named like the last item: a part of it


def test_a_figure_in_brackets_opened_on_a_figure_is_a_part_of_it_before_a_sentence_breakdown() -> None:
    text = "共查处交通违法86432起。其中，查处酒后驾驶612起（醉酒驾驶148起），超员、超载378起。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["148起"].parent == "612起"  # the bracket is nearer than the sentence's 其中
    assert recs["612起"].parent == recs["378起"].parent == "86432起"
    text = "民警共接警1.94万起（日均53起），发生事故214起（2023年为236起），民警86名(女民警12名)。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["53起"].parent is None  # a daily rate in the bracket
    assert recs["236起"].parent is None  # another year's figure
    assert recs["12名"].parent == "86名"


def test_a_breakdown_word_in_a_bracket_closed_before_the_figure_breaks_nothing_down() -> None:
    # 含 in the bracket says what the spaces hold; the bracket closes before the next count
    text = "开放停车泊位3000余个（含两轮车），增设信号灯4个；设置护栏1200米（含隔离墩），修复标线300米。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["4个"].parent is None and recs["300米"].parent is None
    # a part in the bracket itself is one, and a 其中 after the bracket breaks down the figure
    # outside it, not the aside in it
    text = "开放停车泊位3000余个（含两轮车泊位1200个），其中新增泊位800个。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["1200个"].parent == "3000余个" and recs["800个"].parent == "3000余个"


def test_a_smaller_daily_rate_is_not_the_whole_of_a_breakdown() -> None:
    text = "共受理各类工单8.93万件，日均受理约327件。其中，咨询类工单3.12万件，投诉举报类2.61万件。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["3.12万件"].parent == recs["2.61万件"].parent == "8.93万件"
    recs = {r.text: r for r in extract_text("日均查处交通违法行为80多起，其中超速违法行为20余起")}
    assert recs["20余起"].parent == "80多起"  # the daily rate broken down itself


def test_a_breakdown_item_named_as_a_kind_counts_what_its_whole_counts() -> None:
    text = "共受理各类工单8.93万件，其中，咨询类工单3.12万件，求助类2.05万件，意见建议类1.15万件。"
    recs = {r.text: r for r in extract_text(text)}
    assert {recs[t].metric for t in ("3.12万件", "2.05万件", "1.15万件")} == {"hotline_cases"}
    recs = {r.text: r for r in extract_text("共查处交通违法1000起，其中酒驾类100起")}
    assert recs["100起"].metric == "drink_driving"  # a named violation is more specific than its whole
    recs = {r.text: r for r in extract_text("全年接报交通类警情4.2万起，其中纠纷类1.6万起，求助类8 900起。")}
    assert recs["1.6万起"].metric == "incidents_received"  # 警情 is no general category of disputes


def test_list_items_sharing_a_noun_keep_the_verb_of_the_first() -> None:
    text = "破获盗窃案件612起、诈骗案件287起、抢劫抢夺案件19起，抓获嫌疑人30名"
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].metric for t in ("612起", "287起", "19起")] == ["cases_solved"] * 3
    text = (
        "先后收集整改交通设施、放管服改革等方面意见建议23条，公告实施10条便民利民措施，"
        "查处超速违法20起、违法停车30起"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["10条"].metric == "measures_launched"  # 改革 is no 措施: its own cue stands
    assert recs["30起"].metric == "illegal_parking"


def test_a_clause_opening_with_a_new_verb_inherits_no_metric() -> None:
    text = "抓获毒品犯罪嫌疑人312人，强制隔离戒毒156人，责令社区戒毒、社区康复98人。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["312人"].metric == "suspects_arrested"
    assert (recs["156人"].metric, recs["98人"].metric) == ("other", "other")
    # drug users found are no suspects (taking drugs is an administrative offence)
    recs = {r.text: r for r in extract_text("查获吸毒人员312人，强制隔离戒毒156人。")}
    assert (recs["312人"].metric, recs["156人"].metric) == ("other", "other")
    recs = {r.text: r for r in extract_text("培训网格员1 360人次，评选表彰优秀网格员50名。")}
    assert recs["50名"].metric == "other"
    recs = {r.text: r for r in extract_text("开展专项行动4轮，打掉涉黑涉恶犯罪团伙6个，捣毁窝点3个。")}
    assert (recs["6个"].metric, recs["3个"].metric) == ("other", "other")
    recs = {r.text: r for r in extract_text("行政拘留103人，罚款286人次。")}
    assert recs["286人次"].metric == "other"  # a fine is another sanction than detention
    # people talked out of paying swindlers are not the people a campaign reached
    text = "开展反诈宣传进社区活动40场，覆盖群众9600人次，劝阻潜在受害人37人。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["9600人次"].metric, recs["37人"].metric) == ("people_reached", "other")
    # a noun left out of a list still takes the list's metric; so does a verb said again
    recs = {r.text: r for r in extract_text("注册登记汽车2299辆，二三轮摩托车2666辆。")}
    assert recs["2666辆"].metric == "vehicles_registered"
    recs = {r.text: r for r in extract_text("走访群众2 300户，慰问困难群众120户。")}
    assert recs["120户"].metric == "households_visited"  # 慰问 goes on with the visits


def test_a_figure_whose_words_stand_before_a_comma_inherits_no_metric() -> None:
    # spoken: the words of the second count come first, closed by 的 and a comma
    text = "收集上来的各类诉求一百四十多条，当场解决和协调有关部门解决的，一百二十多条。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["一百四十多条"].metric == "suggestions_collected"
    assert recs["一百二十多条"].metric == "suggestions_resolved"  # not the list's 收集


def test_a_list_item_in_another_unit_of_the_same_metric_inherits_it() -> None:
    text = "走访居民家庭2140户、沿街商铺360家。共受理诉求工单8.93万件，同比增长14.6%，日均受理约327件。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["360家"].metric == "households_visited"  # 家 is a unit households are counted in
    assert recs["约327件"].metric == "hotline_cases"  # past the change, to the count it qualifies


def test_signed_changes_and_bases() -> None:
    text = "全港录得罪案29,542宗（+3.88%），按年上升；暴力罪案较上月减少1.2个百分点，失窃案环比（-1.11%）。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["+3.88%"].change, recs["+3.88%"].basis) == ("up", "yoy")
    assert recs["+3.88%"].value == 3.88
    assert (recs["1.2个百分点"].change, recs["1.2个百分点"].basis) == ("down", "mom")
    assert (recs["-1.11%"].change, recs["-1.11%"].basis) == ("down", "mom")
    assert recs["29,542宗"].change is None


def test_arrows_are_changes() -> None:
    text = "全市交通事故起数同比↑12.5%。电诈发案↓31.2%，环比↓3.4%。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["12.5%"].change, recs["12.5%"].basis) == ("up", "yoy")
    assert (recs["31.2%"].change, recs["31.2%"].basis) == ("down", None)
    assert (recs["3.4%"].change, recs["3.4%"].basis) == ("down", "mom")


def test_a_sharp_rise_is_a_change() -> None:
    # a news lead's 激增 / 暴增 / 飙升 give the size of a rise, as 攀升 does
    text = "涉案民警比去年同期激增84.6%。冒充客服诈骗暴增2.1倍，夜间警情飙升三成。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["84.6%"].change, recs["84.6%"].basis) == ("up", "yoy")
    assert recs["2.1倍"].change == "up"
    assert recs["三成"].change == "up"


def test_a_bare_zeng_is_a_rise_but_xinzeng_alone_counts_what_is_new() -> None:
    # 增 alone right before the figure is a rise, as 减 alone is a fall; 新增 alone counts new things
    text = "全县火警出勤增逾6%，送医人数减逾4%。网上平台注册用户新增1.2万人，全年增至8万人。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["逾6%"].change == "up"
    assert recs["逾4%"].change == "down"
    assert recs["1.2万人"].change is None
    assert recs["8万人"].change is None


def test_a_count_s_change_said_again_as_a_share_is_the_same_change() -> None:
    # the share in brackets or after 即 / 或 restates the count's change: same direction and basis
    text = "本季度全区盗窃案同比减少64起（9.5%），诈骗案增加31件即6.2%，抢夺案下跌7起或1.8%。"
    recs = {r.text: r for r in extract_text(text)}
    for count, share in (("64起", "9.5%"), ("31件", "6.2%"), ("7起", "1.8%")):
        assert (recs[share].change, recs[share].basis) == (recs[count].change, recs[count].basis)
        assert recs[share].label == recs[count].label
    assert [recs[t].change for t in ("9.5%", "6.2%", "1.8%")] == ["down", "up", "down"]
    # a share that is no change: a part's share, a total's note, a bracket that goes on past the share
    text = "查处超速违法205起（占12%），受理警情1,340起（9.8%），同比减少16起（5.1%的降幅来自夜间）。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["12%"].change is None and recs["9.8%"].change is None
    assert recs["5.1%"].change is None


def test_a_bare_rise_opening_a_bracket_is_the_count_s_rise() -> None:
    text = "因涉毒被拘留者：本地居民58人（增14.3%），外地人员17人(增6%)。增设岗亭12个。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["14.3%"].change, recs["14.3%"].label) == ("up", "本地居民")
    assert recs["6%"].change == "up"
    assert recs["12个"].change is None  # 增 alone outside a bracket says no change


def test_a_size_of_change_stressed_by_an_adverb_is_that_change() -> None:
    text = "今年以来入室盗窃下降明显，其中夜间作案跌幅更达45%，扒窃案升幅亦为12%。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["45%"].change == "down"
    assert recs["12%"].change == "up"


def test_the_new_level_after_a_change_names_what_changed() -> None:
    # the level after 至 is no change; it counts what the change before it was a change of
    text = "全年抢劫案减少41宗，至380宗。被拘青少年，下降6.5%至900余人。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["380宗"].change, recs["380宗"].label) == (None, recs["41宗"].label)
    assert recs["41宗"].label == "抢劫案"
    assert (recs["6.5%"].change, recs["6.5%"].label) == ("down", "被拘青少年")
    assert (recs["900余人"].change, recs["900余人"].label) == (None, "被拘青少年")
    # the 亦 or 则 linking a review's changes is no word of what changed, nor of its level
    recs = {r.text: r for r in extract_text("入屋盗窃亦减少52宗，至610宗；非礼案则升9宗。违反规则下降3起。")}
    assert (recs["52宗"].label, recs["610宗"].label, recs["9宗"].label) == ("入屋盗窃", "入屋盗窃", "非礼案")
    assert recs["3起"].label == "违反规则"


def test_a_time_cut_is_a_change_down_and_cut_to_is_a_level() -> None:
    text = "群众平均等候时间缩短40%，办理时限压缩50%，平均处置时间缩短至18分钟。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["40%"].change == "down"
    assert recs["50%"].change == "down"
    assert recs["18分钟"].change is None  # 缩短至 gives the new level, not the change


def test_the_nearest_basis_said_is_the_basis() -> None:
    text = "受理群众诉求9.64万件，环比增长18.3%，同比增长6.9%；投诉类同比上升2.1%，较上月减少6.2%。"
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].basis for t in ("18.3%", "6.9%", "2.1%", "6.2%")] == ["mom", "yoy", "yoy", "mom"]


def test_a_page_spaced_letter_by_letter_still_says_its_change_and_basis() -> None:
    """与 112 年 相 比 减 少 30 人: a copy from a PDF sets a blank between every character."""
    text = "113 年 火 灾 受 伤 人 数 210 人 ， 与 112 年 相 比 减 少 30 人 ； 较 112 年 增 加 4 件 。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["30 人"].change, recs["30 人"].basis) == ("down", "yoy")
    assert (recs["4 件"].change, recs["4 件"].basis) == ("up", "yoy")
    assert recs["210 人"].change is None


def test_a_comparison_with_last_year_s_holiday_or_period_is_year_on_year() -> None:
    # 与去年 opens the comparison as 较去年 does, whatever period of last year it names
    text = "国庆假期全县接报交通事故起数与去年国庆假期相比下降21%；与去年同一时段对比，受伤人数减少了8.5%。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["21%"].change, recs["21%"].basis) == ("down", "yoy")
    assert (recs["8.5%"].change, recs["8.5%"].basis) == ("down", "yoy")


def test_a_change_list_as_long_as_the_counts_before_it_pairs_with_them_without_fenbie() -> None:
    text = "全市共发生火灾412起，造成3人死亡、7人受伤，同比下降8.2%、25%和12.5%。"
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].metric for t in ("8.2%", "25%", "12.5%")] == ["other", "deaths", "injuries"]
    text = "全县发生道路交通事故96起，造成死亡14人、受伤101人，同比下降6.8%、12.5%和3.8%。"
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].metric for t in ("6.8%", "12.5%", "3.8%")] == ["accidents", "deaths", "injuries"]
    # two changes after three counts: which goes with which is not said, the nearest keeps them
    text = "查处酒驾88起、醉驾21起、无证驾驶40起，同比上升9.1%、4.5%。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["9.1%"].metric == recs["4.5%"].metric


def test_three_changes_after_a_crash_bulletins_four_counts_leave_the_money_out() -> None:
    """…事故N起，死亡a人，受伤b人，损失c万元，同比分别下降x%、y%、z%: the counts' changes, not the money's."""
    counts = "上月全县发生一般程序事故48起，死亡9人，受伤52人，直接财产损失21.6万元，"
    text = counts + "同比分别下降8.3%、10%、5.5%。"
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].metric for t in ("8.3%", "10%", "5.5%")] == ["accidents", "deaths", "injuries"]
    # four changes for the four: each its own, the money's last
    text = counts + "同比分别下降8.3%、10%、5.5%和4%。"
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].metric for t in ("8.3%", "10%", "5.5%")] == ["accidents", "deaths", "injuries"]
    assert recs["4%"].metric == recs["21.6万元"].metric


def test_a_change_list_after_as_many_things_listed_pairs_with_them_without_fenbie() -> None:
    text = "去年全县盗窃警情、电诈案件立案数同比下降17.5%、42.3%，破获案件320起。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["17.5%"].metric, recs["42.3%"].metric) == ("incidents_received", "cases_filed")
    assert recs["17.5%"].basis == recs["42.3%"].basis == "yoy"


def test_cases_that_happened_less_often_are_a_fall() -> None:
    recs = {r.text: r for r in extract_text("推行网格巡防后，小区盗窃案件少发三成多，调解纠纷120起。")}
    assert (recs["三成多"].change, recs["三成多"].metric) == ("down", "crimes_reported")
    assert recs["120起"].change is None


def test_a_comparison_closing_the_words_before_fenbie_is_no_item_of_the_list() -> None:
    text = "五一假期全市交通事故起数和受伤人数与去年五一假期相比分别下降18%、22%。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["18%"].metric, recs["22%"].metric) == ("accidents", "injuries")
    assert recs["18%"].basis == recs["22%"].basis == "yoy"
    # a year named by its number (与2019年国庆假期相比): a comparison too, only no year-on-year basis
    text = "国庆假期全省交通事故起数和受伤人数与2019年国庆假期相比分别下降31.5%、27%。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["31.5%"].metric, recs["27%"].metric) == ("accidents", "injuries")


def test_a_comparison_with_a_year_in_chinese_numerals_before_fenbie_names_no_item() -> None:
    # Hong Kong's reviews write the year compared with in Chinese numerals, as a clause of its own,
    # in a bracket, or after the items and before a comma
    text = "行劫及縱火案均見回落，與二〇一二年比較，分別減少4.2%和9.6%。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["4.2%"].metric == recs["9.6%"].metric == "crimes_reported"
    assert recs["4.2%"].basis == recs["9.6%"].basis == "yoy"
    text = "升幅主要來自詐騙及勒索案（與二〇一二年比較，分別上升11.3%和5.5%）。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["11.3%"].metric == recs["5.5%"].metric == "crimes_reported"
    text = "盜竊及詐騙案與2012年比較，分別減少6.1%和2.4%。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["6.1%"].metric == recs["2.4%"].metric == "crimes_reported"


def test_kinds_of_case_before_the_one_that_names_its_count_share_that_count() -> None:
    # the count (破案数) is written once, after the last kind of case; the items after it count other things
    text = "去年全县盗窃、诈骗案件破案数和抓获嫌疑人数同比分别上升12.5%、30%、8%。"
    recs = {r.text: r for r in extract_text(text)}
    metrics = [recs[t].metric for t in ("12.5%", "30%", "8%")]
    assert metrics == ["cases_solved", "cases_solved", "suspects_arrested"]
    text = "前三季度全市涉毒、涉赌刑事案件、电诈刑事案件破案数、打掉团伙数同比分别上升21%、15%、40%、6%。"
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].metric for t in ("21%", "15%", "40%")] == ["cases_solved"] * 3


def test_a_joining_word_inside_one_item_of_a_fenbie_list_splits_no_item() -> None:
    # 及 joins two kinds of case inside the first item; the stop alone separates the items
    text = "全区涉毒及相关犯罪案件破案数、抓获数分别同比增长6.4%、18.2%。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["6.4%"].metric, recs["18.2%"].metric) == ("cases_solved", "suspects_arrested")
    # three items joined by 、 and 及 keep all three
    text = "全市事故起数、死亡人数及受伤人数分别下降8.1%、10.2%和6.3%。"
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].metric for t in ("8.1%", "10.2%", "6.3%")] == ["accidents", "deaths", "injuries"]


def test_a_bound_inside_an_item_of_the_clause_before_fenbie_is_no_figure_of_that_clause() -> None:
    # the items stand in the clause before the comma; the 3人以上 inside the first names a class of crash
    text = "上年全县道路交通事故下降4%，其中死亡3人以上的事故和受伤人数，分别下降50%、12%。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["12%"].metric == "injuries"
    assert recs["50%"].label.endswith("事故")


def test_a_change_against_a_pledge_or_an_average_takes_no_yoy_basis_from_the_sentence() -> None:
    # the pledge is named in the clause before a bare 高出; the year before only in an earlier clause
    text = "救护召唤较上年上升3.2%，其中93.8%在12分钟内到场，较服务承诺的目标(即92.5%)，高出约1.3%。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["3.2%"].basis == "yoy"
    assert (recs["约1.3%"].change, recs["约1.3%"].basis) == ("up", None)
    text = "全县破案率同比上升4.5个百分点，比全市平均水平高出2.1个百分点。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["4.5个百分点"].basis, recs["2.1个百分点"].basis) == ("yoy", None)


def test_a_bracket_of_what_a_count_takes_in_names_no_narrower_metric() -> None:
    text = "整治期间全县查处酒驾（含饮酒后驾驶、醉酒驾驶）312起，同比上升41%，其中醉驾57起。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["312起"].metric, recs["41%"].metric) == ("drink_driving", "drink_driving")
    assert (recs["57起"].metric, recs["57起"].parent) == ("drunk_driving", "312起")


def test_new_more_or_fewer_after_a_basis_is_a_change() -> None:
    text = "设立服务点48个，较上年新增12个；发生事故20起，同比少3起，比上月多5起。新增驾驶人9.6万人。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["12个"].change, recs["12个"].basis) == ("up", "yoy")
    assert (recs["3起"].change, recs["3起"].basis) == ("down", "yoy")
    assert (recs["5起"].change, recs["5起"].basis) == ("up", "mom")
    assert recs["9.6万人"].change is None  # 新增 alone counts what is new, no change


def test_more_or_fewer_after_a_basis_may_take_a_verb() -> None:
    text = "不按规定让行违法较去年同期多查处2650起；亡人事故同比少发生3起。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["2650起"].change, recs["2650起"].basis) == ("up", "yoy")
    assert (recs["3起"].change, recs["3起"].basis) == ("down", "yoy")


def test_a_sentence_opening_with_qizhong_keeps_the_basis_of_the_sentence_it_breaks_down() -> None:
    text = (
        "全年全市地区生产总值2865.3亿元，比上年增长4.1%。其中，第一产业增加值201.6亿元，增长3.8%；"
        "第二产业增加值1203.9亿元，增长4.9%。工业用电量增长2.1%。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["4.1%"].basis == "yoy"
    assert (recs["3.8%"].change, recs["3.8%"].basis) == ("up", "yoy")
    assert recs["4.9%"].basis == "yoy"
    # a later sentence of the paragraph is against the same year too (the gold's convention, see
    # evaluation/probes/README.md, "Breakdowns and bases, round 1")
    assert recs["2.1%"].basis == "yoy"


def test_a_stated_baseline_is_not_the_current_value() -> None:
    recs = {r.text: r for r in extract_text("今年共录得盗窃案12050宗，较去年同期的18743宗下降35.7%。")}
    assert recs["18743宗"].role == "baseline"
    assert recs["12050宗"].role == "current"
    assert (recs["35.7%"].change, recs["35.7%"].basis) == ("down", "yoy")


def test_a_baseline_named_by_its_year_is_a_baseline() -> None:
    text = "全港录得罪案90 276宗，较2022年的70 048宗上升28.9%。事故起数由2019年的100起下降到2023年的50起。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["70 048宗"].role == "baseline" and recs["90 276宗"].role == "current"
    assert recs["100起"].role == "baseline" and recs["50起"].role == "current"
    assert (recs["100起"].period, recs["50起"].period) == ("2019年", "2023年")
    assert recs["28.9%"].change == "up"
    # a Taiwan year (ROC 101 to 139): 較113年 names the year its count belongs to
    recs = {r.text: r for r in extract_text("本年A1類事故共32件，較113年41件減少9件。")}
    assert recs["41件"].role == "baseline" and recs["32件"].role == "current"


def test_a_change_against_the_year_before_is_year_on_year_and_against_an_older_year_is_not() -> None:
    text = "全年录得罪案90 276宗，较2022年上升28.9%，比2019年同期下降3.1%。"
    recs = {r.text: r for r in extract_text(text, date="2023-01-29")}
    assert (recs["28.9%"].change, recs["28.9%"].basis) == ("up", "yoy")
    assert (recs["3.1%"].change, recs["3.1%"].basis) == ("down", None)  # four years back: no yoy
    # the year compared with is read against the figure's period, else the latest year written
    text = "2023年全市录得罪案90 276宗，较2022年上升28.9%，比2019年同期下降3.1%。"
    recs = {r.text: r for r in extract_text(text, date="2024-01-10")}
    assert (recs["28.9%"].basis, recs["3.1%"].basis) == ("yoy", None)
    text = "2023年1月7日至2月15日，春运圆满结束。\n车流量日均158万辆次，较2019年同期增长8.7%。"
    assert {r.text: r.basis for r in extract_text(text)}["8.7%"] is None
    # a modifier before the year (与疫情前的2019年同期相比) still names 2019, not last year's 同期
    text = "与去年同期相比，事故起数下降6.8%。与疫情前的2019年同期相比，死亡人数下降28.7%。"
    recs = {r.text: r for r in extract_text(text, date="2025-11-12")}
    assert (recs["6.8%"].basis, recs["28.7%"].change, recs["28.7%"].basis) == ("yoy", "down", None)
    # with no year to read it against, a named year is not known to be last year
    recs = {r.text: r for r in extract_text("死亡人数较2019年下降17.2%。")}
    assert (recs["17.2%"].change, recs["17.2%"].basis) == ("down", None)
    # unless the sentence reviews last year (去年…较2023年): an undated review names the year before;
    # with a year-on-year basis said already, the named year is an older one (较疫情前的2019年)
    text = "去年全港录得劫案160宗，较2023年减少12宗。去年全年受理报案8000宗，按年上升4%，较2019年下跌9%。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["12宗"].change, recs["12宗"].basis) == ("down", "yoy")
    assert (recs["4%"].basis, recs["9%"].change, recs["9%"].basis) == ("yoy", "down", None)
    # Taiwan's bare ROC year before 的 is the figure's period (113年 in the dateline, 112年 the data's):
    # the year before it is last year's; a count of years before 的 (服務28年的) is no period
    text = "113年3月治安會報。本縣112年的竊盜案件比111年減少35件。服務28年的所長表示，全年受理報案90件。"
    recs = {r.text: r for r in extract_text(text, date="2024-03-05")}
    assert (recs["35件"].period, recs["35件"].change, recs["35件"].basis) == ("112年", "down", "yoy")
    assert recs["90件"].period != "28年"


def test_a_year_compared_with_past_a_modifier_is_neither_the_figures_period_nor_last_year() -> None:
    # 与疫情前的2019年水平相比 in an undated report: 2019 is what the fall is against, not the
    # figure's own year, so the change is no year-on-year one; the 同比 change before it still is
    text = "2022年，全县查获涉毒人员88人，同比减少12.4%，与疫情前的2019年水平相比减少63.1%。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["12.4%"].basis, recs["63.1%"].change, recs["63.1%"].basis) == ("yoy", "down", None)
    assert recs["63.1%"].period != "2019年"
    # a year that is last year's, named with a modifier, stays year-on-year
    recs = {r.text: r for r in extract_text("2023年全县立案下降，与上一年度的2022年相比下降4.5%。")}
    assert recs["4.5%"].basis == "yoy"


def test_a_year_written_only_to_compare_with_is_not_the_figures_own_year() -> None:
    # 低于2019年同期 is a comparison though no 较 opens it: a later 较2019年同期 is still four years back
    text = (
        "2024年前三季度，全市罪案有所增加。\n盗窃犯罪仍明显低于2019年同期。\n"
        "网络诈骗共402宗，比2023年同期减少18宗，但仍较2019年同期增加96宗。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["18宗"].change, recs["18宗"].basis) == ("down", "yoy")
    assert (recs["96宗"].change, recs["96宗"].basis) == ("up", None)


def test_two_years_compared_with_before_a_respectively_list_pair_with_its_figures() -> None:
    # each change of the list against its own year: last year's is year-on-year, 2019's is not
    text = "2024年前三季度，网络诈骗共650宗，比2023年与2019年同期分别增加87宗及412宗。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["87宗"].basis, recs["412宗"].basis) == ("yoy", None)
    text = "2024年前三季度，盗窃案件较去年同期和2019年同期分别下降11.5%和28.4%。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["11.5%"].basis, recs["28.4%"].basis) == ("yoy", None)


def test_three_years_compared_with_pair_with_a_list_of_three_changes_in_turn() -> None:
    # only the change against the year before is year-on-year, though the period reads a year of the
    # list; the list's last item may be joined by 以及
    text = (
        "2025年全澳盜竊案共錄得410宗，比2024年、2023年及2020年分別減少18宗、45宗及220宗，"
        "下降3.5%、8.9%以及33.9%。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].basis for t in ("18宗", "45宗", "220宗")] == ["yoy", None, None]
    assert [recs[t].basis for t in ("3.5%", "8.9%", "33.9%")] == ["yoy", None, None]
    assert recs["33.9%"].change == "down" and recs["33.9%"].metric == "crimes_reported"


def test_a_list_of_changes_ending_on_yiji_keeps_its_change() -> None:
    recs = {r.text: r for r in extract_text("今年縱火案共錄得26宗，按年分別下降12%、5%以及3%。")}
    assert [recs[t].change for t in ("12%", "5%", "3%")] == ["down"] * 3
    assert recs["3%"].basis == "yoy"


def test_years_listed_before_a_respectively_list_are_its_bases_not_its_items() -> None:
    # 同比2018年、2022年…分别: the years each change is against; read as items, each change took its
    # year for its words and named nothing (`other`)
    text = "国庆长假期间，全市道路交通事故同比2018年、2022年国庆假期分别下降21.4%、6.2%。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["21.4%"].metric == recs["6.2%"].metric == "accidents"
    text = "2024年国庆假期，全县共接报刑事警情86起，较2018年、2023年同期分别下降18%、9%。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["18%"].metric == recs["9%"].metric == recs["86起"].metric
    assert (recs["18%"].basis, recs["9%"].basis) == (None, "yoy")


def test_a_named_year_is_read_against_the_year_written_nearest_before_not_the_greatest() -> None:
    # a header dated in the next year and a plan for it stand before sections that each open with
    # their own year: 較112年 in the 113年 section is last year
    text = (
        "發布日期：114年2月7日\n本年報作為擬訂114年各項警政策略之參考。\n"
        "113年本縣受理詐騙案件412件。\n查獲嫌疑人687人，較112年增加152人。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["152人"].change, recs["152人"].basis) == ("up", "yoy")


def test_a_change_from_before_a_deed_counts_what_its_words_name_not_the_deed() -> None:
    # 较设置前: the deed (设置, a cue of facilities built) says when, the words before say what fell
    text = "設置科技執法設備28處，違規舉發數較設置前降低47%。整治后，该路段事故起数较整治前下降60%。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["28處"].metric, recs["47%"].metric, recs["47%"].change) == (
        "facilities_built",
        "violations_handled",
        "down",
    )
    assert recs["60%"].metric == "accidents"


def test_a_date_is_not_a_period_but_a_written_year_is() -> None:
    text = "今日（一月二十九日）公布，二○二三年全年整体罪案共录得90 276宗。\n1月29日下午，共出动警力120人。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["90 276宗"].period == "二〇二三年"  # the circle typed for 〇 is read as 〇
    assert (recs["90 276宗"].period_start, recs["90 276宗"].period_end) == ("2023-01-01", "2023-12-31")
    assert recs["120人"].period is None  # 1月29日 is the day of the event, not a month's period


def test_list_items_keep_their_own_words() -> None:
    text = "查处酒驾醉驾4215起（醉驾1106起）、疲劳驾驶6732起、不按规定使用安全带及头盔12.8万起"
    labels = {r.text: r.label for r in extract_text(text)}
    assert labels == {
        "4215起": "查处酒驾醉驾",
        "1106起": "醉驾",
        "6732起": "疲劳驾驶",
        "12.8万起": "不按规定使用安全带及头盔",
    }


def test_a_one_character_cue_does_not_cut_the_label() -> None:
    (rec,) = extract_text("力争全市视频监控覆盖率达到95%")
    assert rec.label.endswith("全市视频监控覆盖率") and rec.metric == "rate_other"


def test_a_new_level_is_not_a_change() -> None:
    (rec,) = extract_text("群众满意率提高至95%")
    assert rec.change is None and rec.metric == "satisfaction_rate"


@pytest.mark.parametrize(
    ("period", "date", "expected"),
    [
        ("今年", "2021-12-02", ("2021-01-01", "2021-12-02")),
        ("2019年", "2021-12-02", ("2019-01-01", "2019-12-31")),
        ("106年", None, ("2017-01-01", "2017-12-31")),
        ("二〇二三年全年", None, ("2023-01-01", "2023-12-31")),
        ("民国110年上半年", None, ("2021-01-01", "2021-06-30")),
        ("一季度", "2022-05-01", ("2022-01-01", "2022-03-31")),
        # Hong Kong's and Macau's quarters counted from the first, and 前三季 without 度
        ("首季", "2024-05-06", ("2024-01-01", "2024-03-31")),
        ("今年首三季", "2025-10-28", ("2025-01-01", "2025-09-30")),
        ("首两季", "2025-08-01", ("2025-01-01", "2025-06-30")),
        ("前三季", "2023-10-12", ("2023-01-01", "2023-09-30")),
        ("1至10月", "2022-11-20", ("2022-01-01", "2022-10-31")),
        ("去年", "2022-11-20", ("2021-01-01", "2021-12-31")),
        ("截至目前", "2021-06-12", (None, "2021-06-12")),
        ("今年", None, (None, None)),
    ],
)
def test_periods_resolve_against_the_article_date(period: str, date: str | None, expected: tuple) -> None:
    assert resolve_period(period, date) == expected


def test_hong_kong_quarters_are_periods_not_words_of_the_count() -> None:
    # 首三季 is a period: the clause that only records a count takes the topic's crime
    (rec,) = extract_text("盜竊案方面，首三季錄得4,518宗")
    assert rec.period == "首三季" and rec.metric == "crimes_reported" and rec.label == "盗窃案"


def test_period_from_sentence_else_paragraph() -> None:
    text = (
        "---\ntitle: 测试\ndate: 2021-12-02\n---\n今年以来，全市查处违法1200起。\n共发生事故35起，死亡3人。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["1200起"].period == "今年以来"
    assert (recs["1200起"].period_start, recs["1200起"].period_end) == ("2021-01-01", "2021-12-02")
    assert recs["35起"].period is None  # another paragraph, no period of its own


@pytest.mark.parametrize(
    ("stem", "subject", "region"),
    [
        ("000_2a890fda6e59d2e4", "昆明市公安局交警支队", "昆明"),
        ("001_078e3208ce544b8f", "景洪市公安局", "景洪"),
        ("004_aacddcea547c7f45", "宝鸡市公安局交警支队", "宝鸡"),
    ],
)
def test_subject_and_region_of_the_first_figure(stem: str, subject: str, region: str) -> None:
    source = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
    first = extract_text(source, stem)[0]
    assert (first.subject, first.region) == (subject, region)


def test_traditional_article_groups_under_its_county() -> None:
    source = (SAMPLES / "002_db0b92d6c7c2c979.txt").read_text(encoding="utf-8")
    regions = [r.region for r in extract_text(source)]
    assert regions.count("镇远县") > len(regions) / 2


def test_labels_are_simplified_and_trimmed() -> None:
    recs = extract_text("2019年，鎮遠公安交警共查處各類交通違法58957起")
    assert recs[0].label == "查处各类交通违法"
    assert recs[0].metric == "violations_handled" and recs[0].metric_name == "查处/处理交通违法"


def test_a_label_is_not_cut_down_to_the_noun_that_names_the_metric() -> None:
    (rec,) = extract_text("开辟绿色通道为群众办理加急证件1 450件")
    assert rec.metric == "permits_issued" and rec.label == "开辟绿色通道为群众办理加急证件"
    (rec,) = extract_text("发动全体民警、辅警全城走访社区、企业1.7万余户")  # a verb cue still cuts
    assert rec.label.startswith("走访")


def test_a_label_keeps_the_word_a_non_qualifier_yue_ends() -> None:
    """预约 / 签约 end in 约 but are no approximation: the label keeps the whole word."""
    (rec,) = extract_text("窗口共受理居住证预约80余张")
    assert (rec.label, rec.qualifier, rec.text) == ("窗口共受理居住证预约", "over", "80余张")
    (rec,) = extract_text("辖区企业共计约30家")
    assert rec.qualifier == "about" and not rec.label.endswith("约")


def test_a_count_after_a_slash_is_the_same_count_in_another_unit() -> None:
    """人次/班次, 人/户: one count said twice takes one label; a rate's base after a slash names nothing."""
    recs = extract_text("春运期间全县道路客运发送旅客6.2万人次/3100班次，网格员登记流动人口1.1万人/4200户")
    assert [(r.text, r.label) for r in recs] == [
        ("6.2万人次", "春运期间全县道路客运发送旅客"),
        ("3100班次", "春运期间全县道路客运发送旅客"),
        ("1.1万人", "网格员登记流动人口"),
        ("4200户", "网格员登记流动人口"),
    ]
    (rec,) = extract_text("全市日均接警239起/天")
    assert rec.label == "全市日均接警"


def test_a_part_whose_clause_only_reports_counts_what_the_clause_before_it_names() -> None:
    """其中X最多，达N起: the part is named in the clause before its number, not by its whole."""
    recs = {r.text: r for r in extract_text("今年共查处各类交通违法6.3万起，其中违法停车最多，达1.9万起。")}
    assert (recs["1.9万起"].parent, recs["1.9万起"].metric) == ("6.3万起", "illegal_parking")
    recs = {r.text: r for r in extract_text("今年共查处各类交通违法6.3万起，其中，仅国庆期间就达1.1万起。")}
    assert (recs["1.1万起"].parent, recs["1.1万起"].metric) == (
        "6.3万起",
        "violations_handled",
    )  # names no kind


def test_a_clause_that_only_reports_takes_its_label_from_the_clause_that_named_the_metric() -> None:
    (rec,) = extract_text("詐騙案仍佔最多，共有12 045宗。")
    assert (rec.metric, rec.label) == ("crimes_reported", "诈骗案仍占最多")
    (rec,) = extract_text("網上騙案方面，警方錄得8 315宗。")
    assert (rec.metric, rec.label) == ("crimes_reported", "网上骗案")
    (rec,) = extract_text("冻结涉案账户5230个、资金9400余万元")[1:]  # a list item keeps its own words
    assert rec.label == "资金"
    recs = extract_text("为800余名民警发放节日慰问品、生日贺卡，为2个集体和16名民警争取报功受奖")
    assert recs[1].label == "集体"  # the words after the figure name it


def test_user_rules_can_add_a_metric(tmp_path: Path) -> None:
    (tmp_path / "birds.yaml").write_text(
        "metrics:\n"
        "  - key: birds_rescued\n    name: 救助鸟类\n    units: [只]\n    cues: [救助]\n    priority: 20\n"
        "    examples:\n"
        "      - {text: 救助野生鸟类32只, expect: [{text: 32只, metric: birds_rescued}]}\n"
        "      - {text: 调处纠纷30余次, expect: [{text: 30余次, metric: disputes_mediated}]}\n",
        encoding="utf-8",
    )
    rules = load_rules([tmp_path])
    (rec,) = extract_text("今年救助野生鸟类32只", rules=rules)
    assert (rec.metric, rec.metric_name) == ("birds_rescued", "救助鸟类")


def test_a_cue_with_a_lookahead_does_not_hide_a_longer_literal_cue(tmp_path: Path) -> None:
    # the pattern `救助(?!站)` is longer than `救助野鸟`, but its matches are shorter: the
    # literal is the more specific cue where both start
    (tmp_path / "birds.yaml").write_text(
        "metrics:\n"
        "  - key: help_given\n    name: 救助\n    units: [只]\n    cues: ['救助(?!站|中心|热线)']\n"
        "    examples:\n"
        "      - {text: 救助流浪动物32只, expect: [{text: 32只, metric: help_given}]}\n"
        "      - {text: 救助野鸟12只, expect: [{text: 12只, metric: birds_rescued}]}\n"
        "  - key: birds_rescued\n    name: 救助鸟类\n    units: [只]\n    cues: [救助野鸟]\n"
        "    examples:\n"
        "      - {text: 救助野鸟12只, expect: [{text: 12只, metric: birds_rescued}]}\n"
        "      - {text: 救助流浪动物32只, expect: [{text: 32只, metric: help_given}]}\n",
        encoding="utf-8",
    )
    rules = load_rules([tmp_path])
    recs = {r.text: r.metric for r in extract_text("救助野鸟12只，救助流浪动物32只", rules=rules)}
    assert recs == {"12只": "birds_rescued", "32只": "help_given"}


def test_table_rows_label_their_cells() -> None:
    html = (
        "<table><tr><th>项目</th><th>数量</th></tr><tr><td>查处酒驾</td><td>135起</td></tr>"
        "<tr><td>合计</td><td>225</td></tr></table>"
    )
    (rec,) = extract_text(html)  # the bare 225 in a cell is no figure
    assert (rec.text, rec.label, rec.metric) == ("135起", "查处酒驾", "drink_driving")
    md = "| 项目 | 数量 |\n|---|---|\n| 查处醉驾 | 90起 |\n"
    (rec,) = extract_text(md)
    assert (rec.label, rec.metric) == ("查处醉驾", "drunk_driving")
    # a bare count between the row's header and the figure names nothing (| 醉酒驾驶 | 220 | -25% |)
    md = (
        "| 类别 | 数量(起) | 同比 |\n|---|---|---|\n"
        "| 饮酒驾驶 | 980 | -12% |\n| 醉酒驾驶 | 2 200 | -25.5% |\n"
    )
    assert [r.label for r in extract_text(md)] == ["饮酒驾驶", "醉酒驾驶"]


def test_respectively_pairs_each_figure_with_its_word_or_figure() -> None:
    text = (
        "今年以来，全市道路交通事故起数、死亡人数、受伤人数分别下降10.5%、12.3%和8.7%。"
        "全市机动车保有量达到289.5万辆，驾驶人412万人，分别比去年底增长6.1%和5.3%。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].metric for t in ("10.5%", "12.3%", "8.7%")] == ["accidents", "deaths", "injuries"]
    assert recs["12.3%"].label == "死亡人数" and recs["12.3%"].change == "down"
    assert recs["6.1%"].metric == recs["289.5万辆"].metric == "vehicle_stock"
    assert recs["5.3%"].metric == recs["412万人"].metric
    assert recs["5.3%"].change == "up" and recs["5.3%"].basis == "yoy"
    assert (recs["6.1%"].label, recs["5.3%"].label) == ("全市机动车保有量", "驾驶人")


def test_a_list_item_whose_new_verb_narrows_the_count_before_and_the_items_that_say_them_again() -> None:
    # 移送法辦 after a drink-driving count: its drunk part, no new count; a fraud count's stays `other`
    text = (
        "本季取締酒駕違規1320件，移送法辦508件，取締、移送法辦件數分別較上年同期減少60件、22件。"
        "查獲詐欺車手40人，移送法辦31人。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["1320件"].metric, recs["508件"].metric) == ("drink_driving", "drunk_driving")
    assert (recs["60件"].metric, recs["22件"].metric) == ("drink_driving", "drunk_driving")
    assert recs["31人"].metric != "drunk_driving"


def test_last_years_counts_after_a_comparison_and_before_the_change_are_baselines() -> None:
    # 與上年同期相比計N件M人增加K件: last year's crashes and injured, then this year's change
    text = (
        "本年1至6月酒駕事故A2發生計215件受傷287人；與上年同期相比計230件301人減少15件(-6.52%)，"
        "受傷減少14人，以分局區分甲分局60件最多、乙分局41件次之。與去年同期相比，共發生火警12起。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["230件"].role, recs["301人"].role) == ("baseline", "baseline")
    assert (recs["230件"].metric, recs["301人"].metric) == ("accidents", "injuries")
    assert (recs["15件"].metric, recs["15件"].change) == ("accidents", "down")
    assert recs["-6.52%"].metric == "accidents"
    assert recs["12起"].role == "current"  # a comma after the comparison, no change after the count
    # the items after the changes and their baselines count what the baselines and the total count
    assert (recs["60件"].metric, recs["41件"].metric) == ("accidents", "accidents")


def test_a_change_said_in_the_count_and_again_in_percent_pairs_with_no_figure_in_order() -> None:
    # 减少N件、下降M%: one fall said twice, of the cases, not the cases' and then the losses'
    text = (
        "本县受理诈骗案件640件，损失金额2.1亿元，同比减少96件、下降13.0%。"
        "事故30起、死亡9人，同比增加4起、下降25%。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["13.0%"].metric == recs["96件"].metric == "cases_filed"
    assert recs["13.0%"].change == "down"
    # two ways (增加…、下降…) still pair in order: the crashes rose, the dead fell
    assert (recs["4起"].metric, recs["25%"].metric) == ("accidents", "deaths")


def test_a_respectively_list_typed_with_a_dun_and_then_a_comma_holds_its_change_to_the_last() -> None:
    # A sloppy list (5.7%、12.4%，30.1%): the comma joins the last figure as a 、 would, so it keeps
    # the list's change and its item, whether the items stand before 分别 or in the clause before it.
    text = (
        "上半年全县道路交通死亡人数、受伤群众人数和事故总数分别同比下降6.2%、13.5%，21.4%。"
        "去年兵团破案数、抓人数、挽损数实现三提升，分别同比上升4.8%、37.5%，120.6%。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].metric for t in ("6.2%", "13.5%", "21.4%")] == ["deaths", "injuries", "accidents"]
    assert recs["21.4%"].change == "down"
    assert [recs[t].metric for t in ("4.8%", "37.5%", "120.6%")] == [
        "cases_solved",
        "suspects_arrested",
        "losses_recovered",
    ]
    assert recs["120.6%"].change == "up"


def test_a_respectively_list_pairs_with_the_counts_of_a_sentence_longer_than_the_window() -> None:
    # The sentence runs past `WINDOW` before its changes: their sentence start is cut at the window,
    # the counts' is not, and the list read them as of another sentence (both changes `other`).
    opening = "上半年，各地交管部门坚持日常严管与集中整治相结合、严格执法与宣传劝导并重、" * 5
    text = opening + (
        "全省共查处酒驾醉驾4.2万起，其中醉驾0.8万起，因酒驾导致亡人事故310起，造成335人死亡，分别同比减少12.6%、11.9%。"
    )
    assert len(opening) > 160
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["12.6%"].metric, recs["11.9%"].metric) == ("accidents", "deaths")
    assert recs["12.6%"].change == recs["11.9%"].change == "down"


def test_respectively_prefers_the_words_listed_before_it_to_earlier_figures() -> None:
    # Two figures before and two words listed: the words name the changes (亡人事故起数 is the
    # count of fatal accidents), the figures only happen to be as many.
    text = "全县共发生道路交通亡人事故19起，死亡21人，亡人事故起数、死亡人数同比分别下降24%、27.6%。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["24%"].metric, recs["24%"].label) == ("accidents", "亡人事故起数")
    assert (recs["27.6%"].metric, recs["27.6%"].label) == ("deaths", "死亡人数")
    assert recs["24%"].change == "down" and recs["24%"].basis == "yoy"


def test_a_respectively_list_does_not_split_its_items_inside_a_word() -> None:
    # 涉及 holds 及 but joins nothing: read as a join, the three kinds of dispute were four items,
    # the list fell back on the sentence's three earlier figures and 220起 took the 94.9% rate's
    # metric (h198).
    text = (
        "今年共排查各类矛盾纠纷1360余起，成功调处纠纷1290起，调处成功率94.9%，"
        "其中涉及邻里、土地、婚姻家庭的纠纷分别为530起、410起、220起。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].metric for t in ("530起", "410起", "220起")] == ["disputes_mediated"] * 3
    assert (recs["410起"].label, recs["220起"].label) == ("土地的纠纷", "婚姻家庭的纠纷")


def test_the_items_of_a_respectively_list_share_the_noun_the_last_ends_with() -> None:
    # 拥堵 is not what is counted: the complaints about it are (涉及拥堵和停车的投诉).
    text = "交管部门受理交通类投诉举报2870件，同比下降24.5%，其中涉及拥堵和停车的投诉分别下降31.2%和18.7%。"
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].metric for t in ("31.2%", "18.7%")] == ["hotline_cases"] * 2
    assert recs["31.2%"].label == "涉及拥堵的投诉"


def test_a_table_rows_changes_take_the_metric_of_the_caption() -> None:
    # A row's cells name a district, not what is counted; the caption above the table does. A
    # row is no heading, and a silent change counts the heading's metric.
    html = (
        "<p>全市共查处交通违法46.8万起。</p><p>表2 部分区县道路交通事故情况（单位：起）</p><table>"
        "<tr><th>区县</th><th>2026年</th><th>2025年</th><th>同比</th></tr>"
        "<tr><td>上城区</td><td>214</td><td>228</td><td>-6.1%</td></tr>"
        "<tr><td>江北区</td><td>187</td><td>203</td><td>-7.9%</td></tr></table>"
    )
    recs = {r.text: r for r in extract_text(html)}
    assert set(recs) == {"46.8万起", "-6.1%", "-7.9%"}  # bare cells are no figures
    assert [(recs[t].metric, recs[t].change) for t in ("-6.1%", "-7.9%")] == [("accidents", "down")] * 2


def test_a_two_row_header_gives_the_basis_of_a_spanned_column() -> None:
    # 同比 stands in the header's second row, under 2026年1至10月 spanning two columns, and the
    # first column spans rows: each change in the 同比 column is year on year.
    html = (
        "<table><tr><th rowspan=2>违法类型</th><th colspan=2>2026年1至10月</th></tr>"
        "<tr><th>查处数</th><th>同比</th></tr>"
        "<tr><td>酒后驾驶</td><td>312起</td><td>-5.2%</td></tr>"
        "<tr><td>超速</td><td>1906起</td><td>+12.0%</td></tr></table>"
    )
    recs = {r.text: r for r in extract_text(html)}
    assert [(recs[t].metric, recs[t].change, recs[t].basis) for t in ("-5.2%", "+12.0%")] == [
        ("drink_driving", "down", "yoy"),
        ("speeding", "up", "yoy"),
    ]


def test_a_respectively_list_skips_the_figure_whose_change_is_said_apart() -> None:
    # Four figures, three changes, and the fourth named again after the list with its own change:
    # the list is of the first three (a monthly bulletin's 四项指数 with the loss going the other way).
    text = (
        "今年累计发生一般程序事故87起，死亡24人，受伤102人，直接财产损失51.3万元，"
        "同比分别下降6.5%、11.1%、4.7%，直接财产损失同比上升3.2%。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].metric for t in ("6.5%", "11.1%", "4.7%")] == ["accidents", "deaths", "injuries"]
    assert (recs["3.2%"].metric, recs["3.2%"].change) == ("other", "up")
    # with nothing said apart, the changes still pair with the figures right before them
    text = "全市机动车保有量达到289.5万辆，新增注册登记8.1万辆，驾驶人412万人，分别比去年底增长6.1%和5.3%。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["6.1%"].metric == recs["8.1万辆"].metric


def test_a_listed_word_with_no_cue_inherits_no_metric_from_the_item_before() -> None:
    text = "全县事故起数、死亡人数、直接财产损失同比分别下降12.5%、25%和9.7%。"
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].metric for t in ("12.5%", "25%")] == ["accidents", "deaths"]
    assert (recs["9.7%"].metric, recs["9.7%"].label, recs["9.7%"].basis) == ("other", "直接财产损失", "yoy")


def test_a_respectively_list_may_say_each_figure_its_own_change() -> None:
    text = "全县查处酒驾醉驾违法189起、货车违法载人76起，同比分别上升9.2%、下降20.8%。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["9.2%"].metric, recs["9.2%"].change, recs["9.2%"].basis) == ("drink_driving", "up", "yoy")
    assert (recs["20.8%"].metric, recs["20.8%"].change) == ("overloading", "down")


def test_an_item_that_did_not_change_holds_its_place_in_a_respectively_list() -> None:
    text = (
        "全市道路交通事故起数、死亡人数同比分别下降5.3%和持平。"
        "事故起数、死亡人数、受伤人数环比分别持平、下降8.3%和下降4.1%。"
        "全县事故12起、死亡5人，同比分别下降20%和持平。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["5.3%"].metric, recs["5.3%"].change, recs["5.3%"].basis) == ("accidents", "down", "yoy")
    assert [recs[t].metric for t in ("8.3%", "4.1%")] == ["deaths", "injuries"]
    assert (recs["20%"].metric, recs["20%"].label) == ("accidents", "全县事故")


def test_the_levels_a_respectively_list_changed_to_pair_with_its_items_again() -> None:
    text = (
        "酒驾、醉驾分别较去年同期的312起、98起下降至256起、71起。"
        "亡人事故和受伤人数分别从45起、120人降至38起、97人。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert [(recs[t].metric, recs[t].label) for t in ("256起", "71起")] == [
        ("drink_driving", "酒驾"),
        ("drunk_driving", "醉驾"),
    ]
    assert [(recs[t].metric, recs[t].label) for t in ("38起", "97人")] == [
        ("accidents", "亡人事故"),
        ("injuries", "受伤人数"),
    ]
    assert recs["312起"].label == "酒驾"
    # the levels moved from are last year's, every item of their list
    assert [recs[t].role for t in ("312起", "98起", "45起", "120人")] == ["baseline"] * 4
    assert [recs[t].role for t in ("256起", "71起", "38起", "97人")] == ["current"] * 4


def test_a_respectively_lists_changes_said_again_in_counts_pair_with_its_items() -> None:
    text = (
        "事故起数、死亡人数、受伤人数同比分别下降25%、33.3%和41.7%，较去年同期减少3起、1人、5人。"
        "全县事故12起、死亡5人、受伤9人，同比分别下降20%、16.7%和10%；同比减少3起、1人、1人。"
    )
    recs = extract_text(text)
    assert [(r.metric, r.change, r.basis) for r in recs if r.text in ("3起", "1人", "5人") and r.change] == [
        ("accidents", "down", "yoy"),
        ("deaths", "down", "yoy"),
        ("injuries", "down", "yoy"),
        ("accidents", "down", "yoy"),
        ("deaths", "down", "yoy"),
        ("injuries", "down", "yoy"),
    ]
    # a list of another length, or one that goes on past the first's length, is not its changes again
    recs = {r.text: r for r in extract_text("事故起数、死亡人数同比分别下降25%、33.3%，减少3起、1人、6起。")}
    assert recs["3起"].metric != "accidents" or recs["1人"].metric != "deaths"


def test_respectively_after_the_places_listed_reads_what_follows_it() -> None:
    text = "从辖区看，城关中队、蓬壶中队、一都中队分别查处酒驾32起、21起、15起。"
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].metric for t in ("32起", "21起", "15起")] == ["drink_driving"] * 3
    assert recs["21起"].label == "蓬壶中队查处酒驾"


def test_items_of_a_respectively_list_share_the_last_items_head() -> None:
    text = (
        "摩托车、电动自行车驾乘人员头盔佩戴率分别达到91.3%、86.7%，"
        "较去年同期分别提升12.6个百分点、15.2个百分点。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert {recs[t].metric for t in ("91.3%", "86.7%", "12.6个百分点", "15.2个百分点")} == {"rate_other"}
    assert recs["91.3%"].label == "摩托车"
    assert (recs["12.6个百分点"].change, recs["12.6个百分点"].basis) == ("up", "yoy")
    recs = {r.text: r for r in extract_text("直接财产损失、死亡人数同比分别下降12%和5%。")}
    assert (recs["12%"].metric, recs["5%"].metric) == ("other", "deaths")  # its own words name it


def test_a_share_in_a_table_takes_its_columns_header_not_the_rows_change() -> None:
    md = (
        "| 违法类型 | 查处数（起） | 同比 | 占查处总数 |\n| --- | --- | --- | --- |\n"
        "| 酒后驾驶 | 6218 | +4.6% | 0.33% |\n| 超速行驶 | 215436 | +12.1% | 11.56% |\n"
    )
    recs = {r.text: r for r in extract_text(md)}
    assert (recs["+4.6%"].metric, recs["+4.6%"].change, recs["+4.6%"].basis) == ("drink_driving", "up", "yoy")
    share = recs["0.33%"]
    assert (share.metric, share.label, share.change) == ("rate_other", "酒后驾驶占查处总数", None)
    assert recs["11.56%"].metric == "rate_other"
    plain = "| 地区 | 2024年 |\n| --- | --- |\n| 城区 | 12.5% |\n"
    (rec,) = extract_text(plain)  # a header that names nothing: the row decides, as before
    assert rec.metric == "other"


def test_a_stock_against_last_years_end_is_a_change_of_that_stock() -> None:
    text = "截至2024年底，全市机动车保有量218.6万辆，较上年底增加11.3万辆。"
    recs = {r.text: r for r in extract_text(text)}
    rec = recs["11.3万辆"]
    assert (rec.metric, rec.label) == ("vehicle_stock", "全市机动车保有量")
    assert (rec.change, rec.basis) == ("up", "yoy")


def test_a_change_after_a_bracketed_part_is_a_change_of_the_whole() -> None:
    text = (
        "查处酒驾醉驾42起（醉驾11起），同比上升12%；"
        "全市共查处酒后驾驶3218起(其中醉酒驾驶1046起)，同比上升6.4%。"
    )
    recs = {r.text: r for r in extract_text(text)}
    for change, whole in (("12%", "42起"), ("6.4%", "3218起")):
        assert (recs[change].metric, recs[change].label) == (recs[whole].metric, recs[whole].label)
    assert recs["12%"].metric == "drink_driving" and recs["11起"].metric == "drunk_driving"


def test_spans_of_days_thresholds_and_from_to_baselines() -> None:
    text = (
        "2023年1月7日至2月15日，全省未发生一次死亡3人以上道路交通事故，查处违法42.3万起。"
        "头盔佩戴率由65%提升至92%。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert "3人以上" not in recs  # a size that names a category of accidents
    assert (recs["42.3万起"].period_start, recs["42.3万起"].period_end) == ("2023-01-07", "2023-02-15")
    assert recs["65%"].role == "baseline" and recs["92%"].role == "current"


def test_periods_found_in_windows_equal_a_whole_text_scan(rules: RuleSet) -> None:
    from statx.lexicon import lexicon
    from statx.semantics import _periods

    lex = lexicon(rules)
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        whole = [(m.start(), m.end(), m.group()) for m in lex.period.finditer(text) if m.group()]
        assert _periods(text, lex) == whole


@settings(max_examples=300)
@given(st.text(alphabet="，。;；、\n12甲乙 ", max_size=40), st.data())
def test_boundaries_searched_backwards_are_those_of_the_whole_text(
    rules: RuleSet, text: str, data: st.DataObject
) -> None:
    """A figure's sentence and clause start where a scan of the whole article puts them (lookarounds too)."""
    from statx.clauses import SENTENCE_END, SENTENCE_END_BACK, last_end
    from statx.lexicon import lexicon

    lex = lexicon(rules)
    pos = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, pos))
    assert last_end(SENTENCE_END_BACK, "甲\n1乙", 2, 0) == 0  # a wrap before a digit ends nothing
    for forward, backward in ((SENTENCE_END, SENTENCE_END_BACK), (lex.clause_end, lex.clause_end_back)):
        ends = [m.end() for m in forward.finditer(text) if lo < m.end() <= pos]
        assert last_end(backward, text, pos, lo) == (ends[-1] if ends else lo)


@pytest.mark.parametrize(
    ("text", "figure", "metric"),
    [
        ("12345热线共受理群众来电、网络诉求等各类工单8.93万件，日均受理约327件", "8.93万件", "hotline_cases"),
        ("12345热线共受理群众来电、网络诉求等各类工单8.93万件，日均受理约327件", "约327件", "hotline_cases"),
        ("全年共受理各类刑事案件1864起", "1864起", "cases_filed"),
        # the size of a change said in a clause of its own counts what the clause before named
        ("刑事案件发案数同比下降，降幅达12.3%，环比下降3个百分点。", "12.3%", "crimes_reported"),
        ("全市交通事故同比上升，增幅为4.1%。", "4.1%", "accidents"),
        # kinds listed before 等 are examples of what the words after it name
        ("查处超速、超员等重点违法12.6万起", "12.6万起", "violations_handled"),
        ("查处超员违法1.2万起", "1.2万起", "overloading"),
        ("爆竊案742宗，按年下降5.3%", "742宗", "crimes_reported"),
        ("其中網上騙案佔14 630宗", "14 630宗", "crimes_reported"),
        ("警方共發出定額罰款通知書約112萬張，其中違例泊車佔68萬張", "約112萬張", "violations_handled"),
        ("警方共發出定額罰款通知書約112萬張，其中違例泊車佔68萬張", "68萬張", "illegal_parking"),
        ("已整改落实498条，整改率97.3%", "97.3%", "resolution_rate"),
        ("在小区新建充电车棚6处，安装高清监控探头58个", "58个", "facilities_built"),
        ("成功劝阻率达93%以上，避免群众损失约1.4亿元", "约1.4亿元", "losses_recovered"),
        ("车管所在全市设立24个“警邮合作”服务点", "24个", "stations_built"),
        ("民警帮助群众解决实际困难52件", "52件", "services_provided"),
        # 办结 closes what the list counts: tickets, or suggestions
        ("市民热线转办涉警诉求2.6万件，按期办结2.55万件", "2.55万件", "hotline_cases"),
        ("共收集群众意见建议60件，已办结57件", "57件", "suggestions_resolved"),
        ("按期办结各类意见建议57件", "57件", "suggestions_resolved"),
        # a list's verb is said once, before its first item (冻结 accounts and funds)
        ("专班冻结涉案银行账户3180个、资金6700余万元，止付资金2150万元。", "6700余万元", "losses_recovered"),
        ("专班抓获犯罪嫌疑人50名、赃款20万元，打掉团伙3个。", "20万元", "other"),
        ("警方亦凍結可疑帳戶3 410個，截停款項約4.6億港元。", "約4.6億港元", "losses_recovered"),
        ("群众被骗资金1.2亿元，返还群众被骗资金2150万元。", "1.2亿元", "amount_involved"),
        ("群众被骗资金1.2亿元，返还群众被骗资金2150万元。", "2150万元", "losses_recovered"),
        # Taiwan and Hong Kong wording
        ("上半年錄得詐騙案19 870宗，涉款約28.6億港元", "約28.6億港元", "amount_involved"),
        ("毒品案件查獲1,204件、嫌疑犯1,318人", "1,318人", "suspects_arrested"),
        ("上半年共發生A1類交通事故64件", "64件", "accidents"),
        ("取締酒後駕車2,148件，取締無照駕駛4,502件", "2,148件", "drink_driving"),
        ("取締酒後駕車2,148件，取締無照駕駛4,502件", "4,502件", "unlicensed_driving"),
    ],
)
def test_metric_of_a_figure_in_report_wording(text: str, figure: str, metric: str) -> None:
    recs = {r.text: r for r in extract_text(text)}
    assert recs[figure].metric == metric, (figure, recs[figure].label)


def test_taiwan_growth_words_and_roc_year_bases() -> None:
    text = "2024年本市交通事故發生件數較112年成長12.6%，詐騙案件年增率高達68.3%，竊盜案件較110年減少3.2%。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["12.6%"].change, recs["12.6%"].basis) == ("up", "yoy")  # ROC 112 = 2023, the year before
    assert recs["12.6%"].metric == "accidents"
    assert (recs["68.3%"].change, recs["68.3%"].basis, recs["68.3%"].metric) == (
        "up",
        "yoy",
        "crimes_reported",
    )
    assert (recs["3.2%"].change, recs["3.2%"].basis) == ("down", None)  # ROC 110 = 2021: not last year


def test_a_respectively_change_list_after_a_semicolon_takes_the_basis_before_it() -> None:
    text = "全市共发生道路交通事故1 503起，同比下降9.6%；造成死亡63人、受伤1 127人，分别下降12.5%和7.3%。"
    recs = {r.text: r for r in extract_text(text)}
    for figure in ("12.5%", "7.3%"):
        assert (recs[figure].change, recs[figure].basis) == ("down", "yoy"), figure
    text = "全市共发生道路交通事故1 503起；造成死亡63人、受伤1 127人，分别下降12.5%和7.3%。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["12.5%"].basis is None  # no change before the semicolon says a basis


def test_kinds_listed_without_a_breakdown_word_count_what_the_words_before_them_count() -> None:
    text = (
        "全市共受理群众诉求工单8.93万件。"
        "从诉求类型看，咨询类4.05万件，求助类2.37万件，投诉类2.11万件，建议类1.11万件。"
    )
    recs = {r.text: r for r in extract_text(text)}
    for figure in ("4.05万件", "2.37万件", "2.11万件", "1.11万件"):
        assert recs[figure].metric == "hotline_cases", figure
    recs = {r.text: r for r in extract_text("从违法类型看，酒驾类1200起，超速类3400起。")}
    assert recs["1200起"].metric == "drink_driving"  # a named violation is more specific than 违法
    recs = {r.text: r for r in extract_text("从警情类型看，纠纷类1.1万起，求助类2.3万起。")}
    assert recs["1.1万起"].metric == "incidents_received"  # kinds of 警情, not disputes mediated


def test_a_word_of_two_metrics_takes_the_one_the_paragraph_counts() -> None:
    text = "全市热线共受理群众诉求工单11.6万件。从办理情况看，按期办结11.2万件，按期办结率96.6%。"
    assert {r.text: r.metric for r in extract_text(text)}["11.2万件"] == "hotline_cases"
    text = "全市共收集群众意见建议60件。目前已办结57件。"
    assert {r.text: r.metric for r in extract_text(text)}["57件"] == "suggestions_resolved"


def test_a_breakdown_in_people_counts_may_switch_between_ming_and_ren() -> None:
    text = "警方共拘捕1 138名涉及毒品罪行人士，其中青少年176人。"
    assert parents_of(text)["176人"] == "1 138名"


def test_a_lead_counting_the_things_again_before_zhong_holds_the_whole_of_the_parts_after_it() -> None:
    # 8名死者中，…5人: the lead counts the dead again; its figure is the whole of the kinds after it
    text = "全年交通事故死亡8人；8名死者中，電單車駕駛者或乘客有5人，行人2人，輕型汽車乘客1人。"
    parents = parents_of(text)
    assert [parents[t] for t in ("5人", "2人", "1人")] == ["8名"] * 3
    assert parents["8人"] is None
    parents = parents_of("全县19个派出所中，已有14个完成改革。")
    assert parents["14个"] == "19个"
    # after a grouping lead, the count said again names the whole
    text = "全年发生事故146起。从事故分布看，146起事故中，国省道上的31起，农村道路上的27起。"
    parents = parents_of(text)
    assert parents["31起"] == parents["27起"] == "146起"
    # a span of months or a month's middle counts no thing: no lead, no breakdown of the total before
    for opening in ("近3个月中，", "10月中，"):
        parents = parents_of(f"共查处违法200起。{opening}查处酒驾12起。")
        assert parents["12起"] is None, opening


def test_a_breakdown_opening_an_indented_paragraph_reaches_the_total_just_before() -> None:
    # the paragraph opens with an indent (a <p> with a space, full-width spaces); an earlier sentence's
    # 分别 pairs names with its own figures and leaves the total after it a total
    for indent in (" ", "\u3000\u3000"):
        text = (
            "3个派出所分别组建调解室。全市共排查矛盾纠纷5132起，调解纠纷4867起，调解成功率达96.8%。"
            f"\n\n{indent}其中，板桥、来宾、虹桥派出所分别调解纠纷612起、538起、497起。"
        )
        parents = parents_of(text)
        assert [parents[t] for t in ("612起", "538起", "497起")] == ["4867起"] * 3, repr(indent)
    # a 其中 in the total's own sentence still leaves the total's reach unclear
    text = "共调解纠纷4867起，其中邻里纠纷1200起。\n\n 其中，板桥派出所调解纠纷612起。"
    assert parents_of(text)["612起"] is None


def test_a_clause_naming_the_counted_things_again_reaches_their_total_sections_up() -> None:
    # the total stands a section up, past more than a figure's window of other work
    between = "\n\n## 屯警街面\n\n" + "设置屯警点**42个**，检查娱乐场所、夜市、旅馆等场所**2870家次**。" * 4
    text = (
        f"行动期间，全市抓获各类违法犯罪嫌疑人**1127名**，出动警力**5.3万人次**。{between}\n\n## 重拳出击\n\n"
        "在抓获的违法犯罪嫌疑人中，刑事犯罪嫌疑人**386名**，治安违法人员**741名**。"
    )
    parents = parents_of(text)
    assert parents["386名"] == parents["741名"] == "1127名"
    # another verb or another noun than the total's names no total
    for clause in ("在破获的违法犯罪嫌疑人中", "在抓获的涉毒人员中"):
        text = f"抓获各类违法犯罪嫌疑人1127名。{between}\n\n{clause}，刑事犯罪嫌疑人386名。"
        assert parents_of(text)["386名"] is None, clause
    # after a clause of the sentence; items past its semicolons; not an item naming another thing
    text = (
        f"全年新增停车泊位2.36万个。{between}\n\n## 停车难有了新解法\n\n"
        "支队通过三条路径，全年新增的停车泊位中，建设公共停车场38个，新增泊位9400个；共享泊位3200个。"
    )
    parents = parents_of(text)
    assert parents["9400个"] == parents["3200个"] == "2.36万个"
    assert parents["38个"] is None


def test_names_alone_before_fenbie_open_a_breakdown_of_the_totals_a_sentence_up() -> None:
    text = (
        "各派出所把辖区划分为网格1436个，落实网格员1502名、平安志愿者8600余人，形成“所长包片”的工作格局。"
        "板桥、来宾、虹桥3个派出所分别划分网格126个、98个、87个，落实网格员131名、102名、90名，"
        "发动平安志愿者1200余人、950人、800人。"
    )
    parents = parents_of(text)
    assert [parents[t] for t in ("126个", "98个", "87个")] == ["1436个"] * 3
    assert [parents[t] for t in ("131名", "102名", "90名")] == ["1502名"] * 3  # one run, one whole
    assert [parents[t] for t in ("1200余人", "950人", "800人")] == ["8600余人"] * 3
    assert parents["3个"] is None  # the count of the names
    # a clause with words of its own before 分别 opens no breakdown of the sentence before
    text = "全市划分网格1436个。各派出所结合辖区实际，板桥、来宾派出所分别划分网格126个、98个。"
    assert parents_of(text)["126个"] is None


def test_a_part_breaks_down_the_earlier_whole_that_says_its_verb() -> None:
    text = (
        "本年度全般刑案發生1萬2,486件，較上年減少3.2%，破獲1萬1,853件，破獲率94.9%。"
        "其中詐欺案件發生2,317件，破獲2,105件；竊盜案件發生1,845件，破獲1,790件。"
    )
    parents = parents_of(text)
    assert parents["2,317件"] == "1萬2,486件"  # 發生: the cases reported, not the cases solved nearer
    assert parents["2,105件"] == "1萬1,853件"
    assert parents["1,845件"] == "1萬2,486件"  # over the semicolon, past the cases solved
    assert parents["1,790件"] == "1萬1,853件"  # 破獲 is said by an item after 其中: the list goes on


def test_named_kinds_of_a_general_whole_keep_their_parent_over_a_semicolon() -> None:
    text = (
        "全年共查处各类交通违法行为56.3万起，同比上升4.1%。其中酒后驾驶3 218起、醉酒驾驶1 046起，"
        "分别下降6.4%和9.1%；超速行驶7.9万起，未戴安全头盔2.3万起。"
    )
    parents = parents_of(text)
    for figure in ("3 218起", "1 046起", "7.9万起", "2.3万起"):
        assert parents[figure] == "56.3万起", figure
    text = "全年共查处各类交通违法行为56.3万起。其中酒后驾驶3 218起；发生交通事故50起。"
    assert parents_of(text)["50起"] is None  # another topic


def test_a_change_after_a_semicolon_takes_the_basis_of_the_like_item_before_it() -> None:
    text = "今年上半年，爆竊案有1 012宗，按年減少8.9%；搶劫案71宗，減少21.1%；傷人案420宗，上升3.5%。"
    recs = {r.text: r for r in extract_text(text)}
    for figure in ("21.1%", "3.5%"):
        assert recs[figure].basis == "yoy", figure
    text = "今年上半年，爆竊案有1 012宗，減少8.9%；搶劫案71宗，減少21.1%。"
    assert {r.text: r.basis for r in extract_text(text)}["21.1%"] is None  # no basis said before


def test_a_taiwan_year_dates_a_change_against_the_year_before() -> None:
    text = "113年全般刑案發生2萬1,504件，較112年減少2.8%；詐欺案件發生4,827件，較111年成長11.3%。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["2.8%"].basis == "yoy"  # ROC 113 = 2024, 112 the year before
    assert recs["11.3%"].basis is None  # ROC 111: two years before


def test_a_change_is_labelled_with_what_changed_not_with_its_change_words() -> None:
    text = (
        "死亡人数同比下降30%，辖区主干道平均通行速度有效提高15.6%。"
        "全港录得罪案29,542宗（+3.88%）。接报警情18,532起，同比下降3.1%。"
    )
    labels = {r.text: r.label for r in extract_text(text)}
    assert labels["30%"] == "死亡人数" and labels["15.6%"] == "辖区主干道平均通行速度"
    assert labels["+3.88%"] == labels["29,542宗"] == "全港录得罪案"
    assert labels["3.1%"] == "接报警情"


def test_a_long_list_of_examples_leaves_what_they_are_examples_of_as_the_label() -> None:
    text = "先后收集整改人性化管理、交通秩序管理、交通安全宣传、交通设施建设、放管服改革等方面意见建议23条。"
    (rec,) = extract_text(text)
    assert rec.label == "意见建议"
    (rec,) = extract_text("完成261名支队民警执法勤务警员职务序列和警务技术职务序列套改后的首次晋升。")
    assert rec.label == "完成支队民警执法勤务警员职务序列和警务技术职务序列套改后的首次晋升"


def test_a_label_keeps_a_quoted_name_whole() -> None:
    (rec,) = extract_text("清理“僵尸车”85辆。")
    assert rec.label == "清理“僵尸车”"
    (rec,) = extract_text("“僵尸车”85辆")
    assert rec.label == "“僵尸车”"


def test_a_table_column_header_gives_its_cells_change_and_basis() -> None:
    md = (
        "| 项目 | 2025年 | 同比 |\n|---|---|---|\n"
        "| 接报警情 | 18,532起 | -3.1% |\n| 电诈立案 | 286起 | 下降22.4% |\n"
    )
    recs = {r.text: r for r in extract_text(md)}
    assert (recs["-3.1%"].change, recs["-3.1%"].basis, recs["-3.1%"].label) == ("down", "yoy", "接报警情")
    assert recs["22.4%"].basis == "yoy" and recs["286起"].label == "电诈立案"
    html = (
        "<table><tr><th>项目</th><th>数量</th><th>同比增长</th></tr>"
        "<tr><td>查处酒驾</td><td>135起</td><td>12.5%</td></tr>"
        "<tr><td>查处醉驾</td><td>90起</td><td>-3.2%</td></tr></table>"
    )
    recs = {r.text: r for r in extract_text(html)}
    assert (recs["12.5%"].change, recs["12.5%"].basis, recs["12.5%"].metric) == ("up", "yoy", "drink_driving")
    assert (recs["-3.2%"].change, recs["90起"].change) == ("down", None)
    # a share in a column that names no change is no change
    (_, rate) = extract_text("| 项目 | 数量 | 占比 |\n|---|---|---|\n| 酒驾 | 135起 | 12.5% |\n")
    assert (rate.change, rate.basis) == (None, None)


def test_a_new_level_is_no_change_and_a_net_rise_is_one() -> None:
    recs = {r.text: r for r in extract_text("保有量增至120万辆，净增8万辆。房价同比涨了3%。")}
    assert (recs["120万辆"].change, recs["8万辆"].change, recs["3%"].change) == (None, "up", "up")


def test_a_currency_said_before_the_number_is_no_part_of_the_label() -> None:
    (rec,) = extract_text("罰鍰新臺幣1,234萬元。")
    assert (rec.unit, rec.metric, rec.label) == ("新台币", "fines", "罚锾")


def test_labels_drop_emoji_and_a_bracketed_basis() -> None:
    text = "冻结涉案资金💰1.3亿元。刑事案件发案数(同比)明显下降12.1%。"
    labels = {r.text: r.label for r in extract_text(text)}
    assert labels == {"1.3亿元": "冻结涉案资金", "12.1%": "刑事案件发案数"}


def test_list_numbers_and_bullets_are_no_part_of_a_label() -> None:
    md = (
        "## 成效\n\n1. 查处酒驾：320起；\n2. **查处醉驾** 85起；\n\n"
        "- 走访群众 2,300 户\n\n> （一）发放资料5000份\n"
    )
    labels = [r.label for r in extract_text(md)]
    assert labels == ["查处酒驾", "查处醉驾", "走访群众", "发放资料"]


def test_a_sentence_opening_with_a_grouping_breaks_down_the_total_before_it() -> None:
    text = (
        "全年共受理群众诉求186.4万件，同比增长12.7%，日均受理5100余件。"
        "从受理渠道看，电话渠道受理142.3万件，占76.3%；网络渠道受理44.1万件，占23.7%。"
        "按诉求类型分，咨询类103.5万件，求助类41.2万件，投诉举报类35.6万件，意见建议类6.1万件。"
    )
    recs = {r.text: r for r in extract_text(text)}
    for item in ("142.3万件", "44.1万件", "103.5万件", "41.2万件", "35.6万件", "6.1万件"):
        assert recs[item].parent == "186.4万件", item  # not the last part of the grouping before
        assert recs[item].metric == "hotline_cases", item
    text = "全年社会消费品零售总额2035.8亿元，比上年增长7.6%。按经营地统计，城镇消费品零售额1748.2亿元。"
    assert parents_of(text)["1748.2亿元"] == "2035.8亿元"
    text = "全市地区生产总值4286.53亿元，增长5.8%。分产业看，第一产业增加值312.47亿元，增长3.9%。"
    assert parents_of(text)["312.47亿元"] == "4286.53亿元"
    # no grouping named: the figures after 从…情况看 are no parts of the total
    text = "全市热线共受理群众诉求工单11.6万件。从办理情况看，按期办结11.2万件。"
    assert parents_of(text)["11.2万件"] is None


def test_a_part_repeating_its_whole_s_noun_keeps_the_whole_s_metric() -> None:
    # 案件 is crimes reported's cue; the part after 其中 only repeats the whole's noun, so it is
    # still a count of cases solved, while a part with a cue of its own (饮酒驾驶) keeps its own
    text = "全国共侦破电诈案件1426起，其中重大案件37起。查处交通违法5895起，其中饮酒驾驶135起。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["37起"].parent == "1426起"
    assert recs["37起"].metric == recs["1426起"].metric == "cases_solved"
    assert recs["135起"].metric == "drink_driving"
    # parts in a sentence of their own are read by their own words
    text = "前三季度累计立刑事案件9518起。其中，盗窃案件4106起，占刑事案件总数的43.1%。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["4106起"].parent == "9518起"
    assert (recs["9518起"].metric, recs["4106起"].metric) == ("cases_filed", "crimes_reported")


def test_a_grouping_lead_followed_by_qizhong_breaks_down_the_total_before() -> None:
    text = (
        "全年共执行各类大型活动安保任务236项，较2023年增加41项，全年投入警力逾8.6万人次。"
        "按活动类别划分，其中体育及文娱活动安保任务128项、节庆活动安保任务64项、重要会议及接待任务44项。"
    )
    recs = {r.text: r for r in extract_text(text)}
    for item in ("128项", "64项", "44项"):
        assert recs[item].parent == "236项", item  # the lead's total, past the 人次 and the change
    text = "共执行安保任务236项，投入警力8.6万人次。今年以来，其中体育活动128项。"
    assert parents_of(text)["128项"] is None  # no lead: the sentence's own


def test_breakdown_items_point_to_the_earlier_figure_they_add_up_to() -> None:
    text = (
        "今年共排查出各类矛盾纠纷1426起，成功化解1398起，化解率98.04%。"
        "按纠纷类型划分：相邻关系类612起，婚姻家庭类387起，劳资债务类259起，其他类168起。"
    )
    recs = {r.text: r for r in extract_text(text)}
    for item in ("612起", "387起", "259起", "168起"):
        assert recs[item].parent == "1426起", item  # 612 + 387 + 259 + 168 = 1426, not the nearer 1398
        assert recs[item].metric == "disputes_mediated", item
    text = "接报警情200起，破获刑事案件300起，其中盗窃案件120起、诈骗案件80起。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["120起"].parent == recs["80起"].parent == "300起"  # a partial list: the nearest whole


def test_breakdown_other_item_shares_the_whole_of_the_item_before() -> None:
    text = (
        "上半年共排查化解矛盾纠纷412件，调解成功397件。"
        "从类型看，邻里纠纷168件、婚姻家庭纠纷95件、物业纠纷87件、劳资纠纷40件、其他22件。"
    )
    parents = parents_of(text)
    for item in ("168件", "95件", "87件", "40件", "22件"):
        assert parents[item] == "412件", item  # 其他 names no 纠纷 of its own, yet it is one more kind
    text = "受理警情300起，破获案件200起，其中盗窃案件120起，其他50起。"
    assert parents_of(text)["50起"] == "200起"  # its list's whole


def test_breakdown_items_point_to_a_nearer_figure_they_add_up_to() -> None:
    text = (
        "全年共受理各类矛盾纠纷137起，成功调解131起，调解成功率95.6%，"
        "其中邻里纠纷64起、家庭纠纷38起、物业纠纷29起。"
    )
    recs = {r.text: r for r in extract_text(text)}
    for item in ("64起", "38起", "29起"):
        assert recs[item].parent == "131起", item  # 64 + 38 + 29 = 131: the settled, not the 137 received
    text = "全年共受理各类矛盾纠纷137起，成功调解131起，其中邻里纠纷64起、家庭纠纷38起。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["64起"].parent == recs["38起"].parent == "137起"  # a partial list: no sum says otherwise


def test_a_move_said_with_when_the_new_level_stands_labels_both_figures() -> None:
    text = "盗窃电动车的警情从去年的21起降到了今年的6起，头盔佩戴率从年初的不足60%提升到了目前的92%。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["21起"].label == recs["6起"].label == "盗窃电动车的警情"
    assert recs["92%"].label == "头盔佩戴率"
    # the new level's year named (降至2023年的): the second figure still counts what the first does
    text = "全县命案发案由高峰时2016年的9起下降至2023年的1起，抢劫案件由2018年的40起降到2023年的7起。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["1起"].label == recs["9起"].label
    assert recs["1起"].metric == recs["9起"].metric == "crimes_reported"
    assert recs["7起"].metric == recs["40起"].metric


def test_a_place_named_with_he_keeps_its_first_character() -> None:
    text = "和平里社区接报警情412起，和平路派出所调解纠纷56起，和田地区查处违法300起。"
    labels = {r.text: r.label for r in extract_text(text)}
    assert labels["412起"] == "和平里社区接报警情"
    assert labels["56起"] == "和平路派出所调解纠纷"
    assert labels["300起"] == "和田地区查处违法"


def test_a_cut_naming_what_it_cuts_is_a_change_down() -> None:
    text = "为企业和群众减少提交材料约9.6万份，减少群众跑腿30万次；减少至3个环节，减少人员聚集的措施12项。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["约9.6万份"].change == recs["30万次"].change == "down"
    assert recs["3个"].change is None  # 减少至: the new level
    assert recs["12项"].change is None  # 的: a phrase naming the measures, not the thing cut


def test_trips_saved_are_a_change_down() -> None:
    text = "上门为群众办理身份证317张，群众少跑路约2.3万次，让企业少跑腿1.2万次；至少跑了3次。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["约2.3万次"].change == recs["1.2万次"].change == "down"
    assert recs["317张"].change is None
    assert recs["3次"].change is None  # 至少跑了: no cut


def test_a_baseline_s_year_is_not_the_period_and_a_cut_off_day_is() -> None:
    text = (
        "截至11月20日，全所累计走访入户2.36万户。今年1至10月，刑事警情同比下降21.3%；"
        "盗窃电动车案件由去年同期的54起降至19起。群众满意度达98.6%。"
    )
    recs = {r.text: r for r in extract_text(text, date="2024-11-28")}
    assert (recs["2.36万户"].period, recs["2.36万户"].period_end) == ("截至11月20日", "2024-11-20")
    for figure in ("54起", "19起", "98.6%"):  # 去年同期 dates the baseline, not what follows
        assert recs[figure].period == "今年1至10月", figure
    assert recs["54起"].label == recs["19起"].label == "盗窃电动车案件"  # what moved from 54 to 19


def test_a_label_keeps_its_bracket_pairs_and_drops_a_second_unit() -> None:
    text = "检查“九小”场所、出租屋等843家（处），涉及9个区（县），开放停车泊位3000余个（含两轮车）。"
    labels = {r.text: r.label for r in extract_text(text)}
    assert labels["843家"] == "检查“九小”场所、出租屋等"  # （处） names nothing: the examples say what
    assert labels["9个"] == "涉及区(县)"
    assert labels["3000余个"] == "开放停车泊位(含两轮车)"


def test_a_page_s_byline_dates_its_records_and_a_cut_inherits_no_metric() -> None:
    page = (
        "今天是：2024年1月18日 星期四\n市政务服务中心2023年度工作总结\n"
        "发布时间：2024-01-15 16:30 来源：市政数局\n"
        "今年以来，新推出“免证办”事项218项，为群众减少提交材料约9.6万份。"
    )
    recs = {r.text: r for r in extract_text(page)}
    assert recs["218项"].date == "2024-01-15"  # the byline's, not the top bar's today
    assert (recs["218项"].period_start, recs["218项"].period_end) == ("2024-01-01", "2024-01-15")
    assert recs["约9.6万份"].change == "down"
    assert recs["约9.6万份"].metric == "other"  # its own count, not a change of the measures before


def test_a_comparison_s_or_baseline_s_period_does_not_date_the_figures_after_it() -> None:
    # 较第二季度: the quarter compared with, not 二季度 read from its middle
    text = (
        "第三季度，全市共立刑事案件3172起，较第二季度的3325起下降4.6%。"
        "第三季度破案1731起，较第二季度增加196起。抓获嫌疑人2894名。"
    )
    recs = {r.text: r for r in extract_text(text, date="2025-10-20")}
    for figure in ("3172起", "4.6%", "196起", "2894名"):
        assert recs[figure].period == "第三季度", figure
    # 由1-6月的3.2%: the start of a move is dated by its period, what it moves to is not
    text = "1-10月，青溪州死亡人数同比下降，降幅由1-6月的3.2%扩大到目前的10.6%。"
    recs = {r.text: r for r in extract_text(text, date="2025-11-12")}
    assert (recs["3.2%"].period, recs["10.6%"].period) == ("1-6月", "1-10月")
    # last year's figure in a bracket dates only itself
    text = "10月份，热线共受理群众诉求8436件；同比（去年10月为7912件）增长6.6%。其中，电话渠道受理6102件。"
    recs = {r.text: r for r in extract_text(text, date="2025-11-06")}
    assert recs["7912件"].period == "去年10月"
    assert recs["6.6%"].period == recs["6102件"].period == "10月份"
    # 由上年的1.83亿元降至1.12亿元: last year dates the start of the move only
    recs = {r.text: r for r in extract_text("群众损失金额由上年的1.83亿元降至1.12亿元，降幅38.8%。")}
    assert recs["1.12亿元"].period is recs["38.8%"].period is None
    # an edition is no period
    text = "今年以来，发放《防范电信网络诈骗宣传手册（2024年版）》1.5万余册。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["1.5万余册"].period == "今年以来"


def test_a_baseline_named_by_a_quarter_or_last_year_s_month_is_no_whole_of_a_breakdown() -> None:
    text = (
        "10月份，热线共受理群众诉求8436件，环比增长6.3%；同比（去年10月为7912件）增长6.6%。"
        "其中，电话渠道受理6102件，占72.3%；微信、网站等网络渠道受理2334件，占27.7%。"
        "第三季度全市共立刑事案件3172起，较第二季度的3325起下降4.6%。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["7912件"].role == recs["3325起"].role == "baseline"
    assert recs["6102件"].parent == recs["2334件"].parent == "8436件"
    assert recs["6102件"].metric == recs["2334件"].metric == "hotline_cases"  # what their whole counts


def test_a_change_in_percent_after_a_share_is_of_the_count_and_one_in_points_of_the_share() -> None:
    text = (
        "其中，盗窃案件4106起，占刑事案件总数的43.1%，同比下降14.2%；诈骗案件2237起，占23.5%，同比下降6.9%。"
        "农村道路发生事故2391起，占事故总数的56.0%，同比上升1.4个百分点。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["14.2%"].metric == recs["6.9%"].metric == recs["4106起"].metric == "crimes_reported"
    assert recs["14.2%"].label == "盗窃案件"
    assert recs["1.4个百分点"].metric == recs["56.0%"].metric == "rate_other"


def test_a_change_after_a_semicolon_or_a_baseline_is_of_the_count_before() -> None:
    text = "10月份，热线共受理群众诉求8436件，环比增长6.3%；同比（去年10月为7912件）增长6.6%。"
    recs = {r.text: r for r in extract_text(text)}
    for figure in ("6.3%", "7912件", "6.6%"):
        assert recs[figure].metric == "hotline_cases", figure
    assert recs["6.6%"].label == recs["8436件"].label == "热线共受理群众诉求"
    recs = {r.text: r for r in extract_text("受理群众诉求8436件，环比增长6.3%；同比增长6.6%。")}
    assert recs["6.6%"].metric == "hotline_cases"
    # a clause after the semicolon that names its own thing keeps it
    recs = {r.text: r for r in extract_text("全市查处违法1200起，同比增长5%；事故下降3%。")}
    assert recs["3%"].metric == "accidents"
    # the change of 较去年同期的18743宗 is of this year's count, and says so in its label
    recs = {r.text: r for r in extract_text("今年共录得盗窃案12050宗，较去年同期的18743宗下降35.7%。")}
    assert recs["35.7%"].label == "今年共录得盗窃案"


def test_a_respectively_opening_its_clause_pairs_the_items_of_the_clause_before() -> None:
    text = "1-10月，全省有11个市死亡人数同比下降。云山市、白河市死亡人数降幅居前，分别下降21.4%和18.9%。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["21.4%"].label, recs["21.4%"].metric, recs["21.4%"].change) == ("云山市", "deaths", "down")
    assert recs["18.9%"].metric == "deaths" and recs["18.9%"].label.startswith("白河市死亡人数")
    # a figure in the clause before is what the list pairs with instead
    recs = {r.text: r for r in extract_text("机动车289.5万辆，驾驶人412万人，分别增长6.1%和5.3%。")}
    assert recs["5.3%"].label == recs["412万人"].label


def test_a_size_of_change_moving_from_one_figure_to_another_makes_both_changes() -> None:
    text = "1-10月，青溪州死亡人数同比下降，降幅由1-6月的3.2%扩大到目前的10.6%；增幅由5.2%扩大到8.1%。"
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[f].change for f in ("3.2%", "10.6%", "5.2%", "8.1%")] == ["down", "down", "up", "up"]
    recs = {r.text: r for r in extract_text("事故降幅由去年的12起减少到8起。")}
    assert recs["12起"].change is recs["8起"].change is None  # counts, no sizes of a change


def test_a_colon_after_qizhong_still_opens_a_breakdown_of_the_sentence_before() -> None:
    text = (
        "1-10月，全省共查处各类道路交通违法行为1286.7万起，同比增长9.4%。"
        "其中：查处酒驾醉驾4.12万起，同比上升3.7%；查处不戴安全头盔违法316.5万起。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["4.12万起"].parent == recs["316.5万起"].parent == "1286.7万起"
    assert recs["3.7%"].parent is None


def test_a_basis_said_once_serves_the_whole_run_of_changes_of_its_sentence() -> None:
    text = (
        "与去年同期相比，事故起数下降6.8%，死亡人数下降9.1%，受伤人数下降5.3%，直接财产损失下降11.2%。"
        "\n事故下降3%。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[f].basis for f in ("6.8%", "9.1%", "5.3%", "11.2%")] == ["yoy"] * 4
    assert recs["3%"].basis is None  # another paragraph says no basis


def test_a_respectively_list_reads_the_items_named_in_the_clause_before() -> None:
    # the report names what fell, says so, then gives the figures in the next clause
    for said in ("实现“三下降”", "均有所下降"):
        text = f"全县事故起数、死亡人数、受伤人数{said}，同比分别下降16.0%、16.7%和10.1%。"
        recs = {r.text: r for r in extract_text(text)}
        assert [recs[t].metric for t in ("16.0%", "16.7%", "10.1%")] == ["accidents", "deaths", "injuries"]
        assert recs["10.1%"].label == "受伤人数"
    # an earlier clause with figures of its own is the list of those figures, as before
    recs = {r.text: r for r in extract_text("机动车289.5万辆，驾驶人412万人，分别增长6.1%和5.3%。")}
    assert (recs["6.1%"].label, recs["5.3%"].label) == ("机动车", "驾驶人")


def test_a_respectively_list_passes_over_a_clause_that_only_says_the_comparison() -> None:
    # the items, then a clause naming only what they are compared with, then 分别 and the changes
    for between in ("与上年同期相比", "同比近三年平均值"):
        text = f"全市亡人事故、死亡人数、受伤人数，{between}，分别下降12.4%、9.8%和7.5%。"
        recs = {r.text: r for r in extract_text(text)}
        assert [recs[t].metric for t in ("12.4%", "9.8%", "7.5%")] == ["accidents", "deaths", "injuries"]
        assert recs["7.5%"].label == "受伤人数"
    # a clause with words of its own in between is no comparison only: nothing is listed past it
    recs = {r.text: r for r in extract_text("全市亡人事故、死亡人数，经多方努力，分别下降12.4%、9.8%。")}
    assert recs["12.4%"].label != "全市亡人事故"


def test_a_part_row_of_a_table_counts_what_the_row_above_counts() -> None:
    # | 其中：一般程序 | under | 事故起数 |: accidents of one kind, though its own words name none
    text = (
        "| 指标 | 2025年 | 2026年 | 同比 |\n| --- | --- | --- | --- |\n"
        "| 事故起数 | 1,286 | 1,142 | -11.2% |\n| 其中：一般程序 | 214 | 187 | -12.6% |\n"
        "| 刑事案件立案 | 1,411 | 1,247 | -11.6% |\n| 其中：电信网络诈骗 | 486 | 352 | -27.6% |\n"
        "| 其中：酒驾醉驾 | 1,215 | 1,386 | +14.1% |\n"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["-12.6%"].metric == "accidents"
    assert recs["-27.6%"].metric == "cases_filed"
    assert recs["+14.1%"].metric == "drink_driving"  # its own words nearest
    assert recs["-27.6%"].label == "电信网络诈骗"  # a row of its own, not the rest of the rows above


def test_more_or_fewer_than_the_year_before_last_is_a_change() -> None:
    # a work report given in January reviews last year against the year before (前年)
    text = "全县发生道路交通事故不到三百起，比前年少了接近两成；死亡三十一人，比前年少了六个人。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["接近两成"].change, recs["接近两成"].qualifier) == ("down", "about")
    assert (recs["六个人"].change, recs["六个人"].unit) == ("down", "人")
    assert recs["不到三百起"].change is None


def test_spoken_approximations_qualify_the_figure() -> None:
    text = "给群众挽回损失一千一百万元出头，吸毒人员比前年少了差不多三分之一。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["一千一百万元出头"].value, recs["一千一百万元出头"].qualifier) == (11000000, "over")
    assert (recs["差不多三分之一"].qualifier, recs["差不多三分之一"].change) == ("about", "down")


def test_a_numbered_list_item_ends_the_clause_of_the_item_before() -> None:
    # The change closing item 1 took 办理业务 of item 2 as its words; a line break before a digit
    # that is no item number (2,300余人次, 123.4万人次) is still a wrap inside the sentence.
    for sep, doc in ((". ", "d.md"), (") ", "d.md"), ("、", "d.txt"), (".", "d.txt")):
        text = f"本周累计\n1{sep}查处违法 8,426 起，环比 +3.2%\n2{sep}办理业务 2,113 笔\n"
        recs = {r.text: r for r in extract_text(text, doc=doc)}
        assert recs["+3.2%"].metric == "violations_handled", sep
        assert recs["2,113 笔"].metric == "business_handled", sep
    wrapped = {r.text: r for r in extract_text("共出动警力\n2,300余人次，全市接待游客\n123.4万人次")}
    assert wrapped["2,300余人次"].metric == "police_deployed"
    assert wrapped["123.4万人次"].label == "全市接待游客"


def test_a_nested_list_breaks_down_the_figure_of_the_item_it_hangs_from() -> None:
    text = (
        "## 一、路面管控\n\n- 查处各类交通违法：18,642 起，同比上升 6.4%\n  - 违法停车 1,236 起\n"
        "  - 超员 14 起，超载 63 起\n- 实施“首违不罚” 2,904 起\n\n  - 另行统计 3 起\n"
    )
    parents = parents_of(text)
    assert parents["1,236 起"] == parents["14 起"] == parents["63 起"] == "18,642 起"
    assert parents["6.4%"] is None and parents["2,904 起"] is None
    assert parents["3 起"] == "2,904 起"  # a blank line between items keeps the list
    prose = parents_of("全年查处违法 500 起。\n  - 违法停车 20 起\n")
    assert prose["20 起"] is None  # an indented item under a paragraph hangs from no item


def test_a_nested_list_item_opening_with_qizhong_breaks_down_the_item_it_hangs_from() -> None:
    # the 其中 says what the indent says; it does not cut the item off from the line above
    text = (
        "- **整治**：查处交通违法**12.5万起**，同比上升**3.1%**。\n"
        "  - 其中，查处酒驾醉驾**1860起**，同比增长**0.8倍**；\n  - 查处超员**95起**。\n"
    )
    parents = parents_of(text)
    assert parents["1860起"] == parents["95起"] == "12.5万起"
    assert parents["0.8倍"] is None and parents["3.1%"] is None
    flat = parents_of("- 查处违法500起\n- 其中，违法停车20起\n")
    assert flat["20起"] is None  # an item of the same level hangs from nothing


def test_a_multiple_counts_what_its_own_words_or_the_figure_before_it_count() -> None:
    recs = {
        r.text: r
        for r in extract_text("全市机动车保有量达到186万辆，是十年前的2.3倍；非现场执法查处量是上年的1.7倍。")
    }
    assert recs["2.3倍"].metric == "vehicle_stock"
    assert recs["1.7倍"].metric == "violations_handled"
    assert recs["2.3倍"].change is None


def test_hong_kong_and_taiwan_change_words_and_a_level_reached_with_wei() -> None:
    # 升幅約4% and 按年則微跌0.7% are changes of what the clause before counted (Hong Kong's words);
    # 已降為3件 is the new level, as 降至 is, while 減少8件 is the change
    text = (
        "受傷人數為20,947人，較二〇二二年增加812人，升幅約4%。涉及貨車的意外3,426宗，按年則微跌0.7%。"
        "去年同期住宅竊盜有11件，今年上半年已降為3件，減少8件。降幅为12.3%。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["約4%"].metric, recs["約4%"].change, recs["約4%"].basis) == ("injuries", "up", "yoy")
    assert (recs["0.7%"].metric, recs["0.7%"].change, recs["0.7%"].basis) == ("accidents", "down", "yoy")
    assert recs["3件"].change is None
    assert recs["8件"].change == "down"
    assert recs["12.3%"].change == "down"


def test_a_list_joiner_inside_a_word_splits_no_list() -> None:
    # 参与 holds 与, 涉及 holds 及: neither joins two items, so 参与人 stays in the count's words
    recs = {r.text: r for r in extract_text("该案涉及全国23个省份集资参与人1.6万余人")}
    assert recs["1.6万余人"].label.endswith("集资参与人")
    assert recs["23个"].label.startswith("该案涉及全国")


def test_the_change_after_a_total_and_its_daily_rate_is_of_the_total() -> None:
    recs = {r.text: r for r in extract_text("全县共接报警情58,426起，日均321起，同比下降4.3%。")}
    assert recs["4.3%"].change == "down"
    assert recs["4.3%"].label == recs["58,426起"].label != recs["321起"].label


def test_an_average_keeps_its_average_when_a_change_adverb_is_trimmed() -> None:
    # 均 of 发案数均下降 is an adverb; the 均 of 平均 is part of the word
    recs = {r.text: r for r in extract_text("资产处置周期平均缩短约40天，两类案件均下降12%")}
    assert recs["约40天"].label == "资产处置周期平均"


def test_a_daily_rate_of_growth_is_a_change_labelled_with_its_average() -> None:
    # 增长率 is the size of a rise; the 均 of 日均 is part of the word, no adverb to trim
    recs = {r.text: r for r in extract_text("节日期间出城车流日均增长率8.6%，同比增长12%")}
    assert recs["8.6%"].change == "up"
    assert recs["8.6%"].basis is None
    assert recs["8.6%"].label == "节日期间出城车流日均"


def test_a_checkpoint_tally_split_by_a_comma_keeps_its_verb_for_the_vehicles() -> None:
    text = "各卡点共核查人员1500余人次，车辆640余辆次；出动警力80人次，车辆25辆次"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["640余辆次"].metric == "vehicle_inspections"
    assert recs["1500余人次"].metric == "other"
    assert recs["25辆次"].metric == "vehicles_deployed"


def test_a_line_break_before_a_digit_keeps_a_whole_for_the_next_sentence() -> None:
    # An HTML <br> (or a wrap) before a number is inside its sentence; it is no paragraph's end
    # between a whole and the 其中 that breaks it down.
    text = "全县共发生道路交通事故612起，受伤\n189人。其中，涉及电动自行车的事故236起。"
    records = {r.text: r for r in extract_text(text)}
    assert records["236起"].parent == "612起"
    # after a closed sentence a line break ends the paragraph, even before a year
    closed = {r.text: r for r in extract_text("查处违法612起。\n2025年开展收网行动。其中，破获盗窃案件236起")}
    assert closed["236起"].parent is None


def test_a_quarter_set_against_an_earlier_quarter_is_period_on_period() -> None:
    # 较二季度 in a third-quarter report compares consecutive periods, as 环比 does (h58, h101)
    records = {
        r.text: r
        for r in extract_text("头盔佩戴率为71.5%，较二季度提高4.2个百分点；破案1731起，较第二季度增加196起")
    }
    assert (records["4.2个百分点"].change, records["4.2个百分点"].basis) == ("up", "mom")
    assert (records["196起"].change, records["196起"].basis) == ("up", "mom")
    # the stock at a quarter's end is no period's change: no basis said
    stock = {r.text: r for r in extract_text("共享车位9470个，较一季度末增加2300余个")}
    assert (stock["2300余个"].change, stock["2300余个"].basis) == ("up", None)


def test_a_table_row_named_by_a_place_takes_the_column_s_metric() -> None:
    # | 其他乡镇 | 279 | -9.7% |: the row says where (乡镇, no count of townships covered); the
    # column before 同比 says what is counted.
    text = (
        "| 乡镇 | 事故起数（起） | 同比 |\n| --- | --- | --- |\n"
        "| 其他乡镇 | 279 | -9.7% |\n| 城东派出所 | 41 | +3.3% |\n"
    )
    records = {r.text: r for r in extract_text(text)}
    assert records["-9.7%"].metric == "accidents"
    assert records["+3.3%"].metric == "accidents"


def test_a_clause_turning_to_another_topic_ends_a_breakdown() -> None:
    # 同时/此外 open another topic: the helpers mustered are no part of the police deployed
    text = "累计投入警力2.15万人次，其中民警1.38万人次，同时会同志愿者等社会力量4700余人次协同参与。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["1.38万人次"].parent == "2.15万人次"
    assert recs["4700余人次"].parent is None
    assert recs["4700余人次"].metric == "other"


def test_a_clause_saying_what_the_whole_covers_ends_a_breakdown() -> None:
    # 覆盖 turns from the kinds of the stations to the places they reach: no part of the stations
    text = "全市建成快处快赔服务点23个，其中城区9个、县区14个，覆盖主城区和9个县（市、区）的主要干道。"
    parents = [(r.text, r.parent) for r in extract_text(text)]
    assert parents == [("23个", None), ("9个", "23个"), ("14个", "23个"), ("9个", None)]


def test_a_clause_of_questions_taken_ends_a_breakdown() -> None:
    # a window's cards issued break down into kinds; the advice it gave the public is none of them,
    # nor is the business in another unit between the two
    text = (
        "户籍室去年共签发居民身份证3200余人次，其中，临时身份证600余人次，"
        "其他户籍业务2500余件次，接待群众咨询900余人次。"
    )
    parents = [(r.text, r.parent) for r in extract_text(text)]
    assert parents == [
        ("3200余人次", None),
        ("600余人次", "3200余人次"),
        ("2500余件次", None),
        ("900余人次", None),
    ]


def test_a_label_cut_at_its_cue_keeps_the_examples_listed_before_it() -> None:
    # the cue after 等 names the kind; the examples before it say what the behaviour was. The
    # cue of people persuaded (劝导…不文明行为 in 人次) starts at 劝导, so the label starts there too
    text = "活动期间，交警在城区各路口劝导闯红灯、不礼让行人等不文明行为2100余人次。"
    figure = next(iter(extract_text(text)))
    assert figure.label == "劝导闯红灯、不礼让行人等不文明行为"
    assert figure.metric == "people_reached"


def test_a_table_row_named_by_a_month_takes_the_column_s_metric() -> None:
    # | 5月 | 7,205 | ↑4.1% |: the row says when; the column before 环比 says what is counted,
    # and its bare 受理量 is the intake the report named before the table (热线…受理群众诉求).
    text = (
        "县12345热线共受理群众诉求8,436件。\n\n"
        "| 月份 | 受理量（件） | 环比 | 满意率 |\n| --- | --- | --- | --- |\n"
        "| 5月 | 7,205 | ↑4.1% | 95.1% |\n| 6月 | 7,688 | ↑6.7% | 95.0% |\n\n全县道路交通事故情况如下。\n\n"
        "| 年份 | 事故起数（起） | 同比 |\n| --- | --- | --- |\n| 2025年 | 279 | -9.7% |\n"
    )
    records = {r.text: r for r in extract_text(text)}
    assert records["4.1%"].metric == "hotline_cases"
    assert records["4.1%"].label == "5月"
    assert records["6.7%"].metric == "hotline_cases"
    assert records["95.1%"].metric == "satisfaction_rate"
    assert records["-9.7%"].metric == "accidents"


def test_a_bare_intake_counts_what_the_report_took_in_before() -> None:
    # 受理量 names nothing: it is the 受理 the report counted before, in a unit that metric is counted in
    text = "全县热线共受理群众诉求8,436件。城关镇、桃园镇受理量位居前两位，分别为1,502件、1,147件。"
    records = {r.text: r for r in extract_text(text)}
    assert records["1,502件"].metric == "hotline_cases"
    assert records["1,147件"].metric == "hotline_cases"
    alone = {r.text: r for r in extract_text("城关镇、桃园镇受理量位居前两位，分别为1,502件、1,147件。")}
    assert alone["1,502件"].metric == "other"


def test_the_move_of_a_change_counts_what_the_clause_before_named() -> None:
    # 降幅由1-6月的3.2%扩大到目前的10.6%: both ends of the move are sizes of the fall the clause
    # before names (死亡人数同比下降); 由 alone opens no such clause (由1名社区民警…共同值守)
    text = "全州已连续5个月死亡人数同比下降，降幅由1-6月的3.2%扩大到目前的10.6%。"
    records = {r.text: r for r in extract_text(text)}
    assert records["3.2%"].metric == "deaths"
    assert records["10.6%"].metric == "deaths"
    staffed = "每个驿站配备便民服务台和宣传展示区，由1名社区民警、1名交警和2至3名辅警、劝导员共同值守。"
    assert [r.metric for r in extract_text(staffed)] == ["other", "other", "other"]


def test_weather_against_the_normal_is_a_change() -> None:
    # 偏多 / 偏少 set a season's rain against the normal: the share after them is a change
    text = "全县平均降雨量612毫米，较常年同期偏多23%；气温较常年偏低，日照偏少约一成。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["23%"].change, recs["23%"].basis) == ("up", None)  # a normal year is no last year
    assert recs["约一成"].change == "down"
    assert recs["612毫米"].change is None


def test_history_same_time_is_no_year_on_year_basis() -> None:
    # 历史同期 is the record of all the years kept: a clause ranking against it gives the next
    # clause's change against the normal no last-year basis
    text = "西部山区较常年同期偏多41.5%，创1980年以来历史同期最高，东部平原较常年同期偏多12.3%。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["41.5%"].change, recs["41.5%"].basis) == ("up", None)
    assert (recs["12.3%"].change, recs["12.3%"].basis) == ("up", None)
    assert extract_text("今年全市火灾起数同比下降9.1%")[0].basis == "yoy"


def test_an_average_of_years_is_no_year_on_year_basis() -> None:
    # disaster bulletins set a season against an average of several years (较近五年同期均值,
    # 比2010年以来同期均值偏少): neither 同期 nor the named year is last year's
    text = (
        "今年汛期全省暴雨灾害致受灾人口42.6万人次，与近五年同期均值比较，受灾人次减少18.4%，倒损房屋增加6.2%；"
        "比2010年以来同期均值偏少三成的是转移人数。全年火灾起数同比下降7.5%。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["18.4%"].change, recs["18.4%"].basis) == ("down", None)
    assert (recs["6.2%"].change, recs["6.2%"].basis) == ("up", None)
    assert recs["三成"].basis is None
    assert (recs["7.5%"].change, recs["7.5%"].basis) == ("down", "yoy")


def test_a_byline_line_is_no_heading() -> None:
    # a page's short byline line (日期 来源:某某客户端) stands alone like a heading, but the 客户端 in it
    # names who published, not an app the counts under it install
    text = (
        "省防指通报汛情\n2021/08/02  来源:某某新闻客户端\n\n"
        "  全省有13市受灾，共计2.1万人次，各地相继出动3600人次。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["2.1万人次"].metric == "other"
    assert recs["3600人次"].metric == "police_deployed"
    # a heading naming the app still counts its installs
    app = "“国家反诈中心”客户端\n\n  全县累计安装注册3.2万个。"
    assert [r.metric for r in extract_text(app)] == ["app_installs"]


def test_recent_years_said_plainly_are_no_year_on_year_basis() -> None:
    # a briefing sets a season against the same time of recent years with no 均值 (和近三年同期相比,
    # 较前5年同期): that 同期 is no last year's either; 同比 after it still is
    text = (
        "今年主汛期全市转移群众1.2万人，和近三年同期相比，转移人数分别上升12%；"
        "山洪灾害较前5年同期下降四成，森林火灾同比下降8.5%。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["12%"].change, recs["12%"].basis) == ("up", None)
    assert (recs["四成"].change, recs["四成"].basis) == ("down", None)
    assert (recs["8.5%"].change, recs["8.5%"].basis) == ("down", "yoy")


def test_the_class_of_larger_accidents_compares_with_nothing() -> None:
    # 较大事故 is a class of accident, not 较 + what the change is against: a change of that class
    # in a 其中 sentence is against the year its sentence before said (较上年同期分别减少)
    text = (
        "前三季度全县各类生产安全事故发生数与亡人数较上年同期分别减少14.3%、9.1%。"
        "其中，较大事故减少50%，降幅较上半年扩大6个百分点。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["50%"].change, recs["50%"].basis) == ("down", "yoy")
    assert recs["6个百分点"].basis is None  # against the half year


def test_a_change_column_after_a_share_column_is_the_count_s_change() -> None:
    # | 工单量 | 占比 | 环比 |: a change in % is of the tickets, not of their share; the rows name
    # topics the public called about (城乡建设, 教育), which are no metric of their own
    text = (
        "| 排名 | 诉求类别 | 工单量（件） | 占比 | 环比 |\n| --- | --- | ---: | ---: | ---: |\n"
        "| 1 | 城乡建设 | 18620 | 17.3% | +4.2% |\n| 2 | 教育 | 7316 | 6.8% | -12.4% |\n"
        "| 3 | 交通运输 | 9470 | 8.8% | +0.6个百分点 |\n"
    )
    recs = {r.text: r for r in extract_text(text, doc="t.md")}
    assert (recs["+4.2%"].metric, recs["+4.2%"].change, recs["+4.2%"].basis) == ("hotline_cases", "up", "mom")
    assert (recs["-12.4%"].metric, recs["-12.4%"].change) == ("hotline_cases", "down")
    assert recs["17.3%"].metric == "rate_other"
    assert recs["+0.6个百分点"].metric == "rate_other"  # a share moves in points: the share's change


def test_a_ticket_table_s_rows_are_topics_its_column_counts() -> None:
    # | 诉求类别 | 工单量（件） | 环比 |: 城乡建设 is what the public called about, no facility built
    text = (
        "| 诉求类别 | 工单量（件） | 环比 |\n| --- | ---: | ---: |\n"
        "| 城乡建设 | 18620 | +4.2% |\n| 教育 | 7316 | -12.4% |\n"
    )
    recs = {r.text: r for r in extract_text(text, doc="t.md")}
    assert recs["+4.2%"].metric == "hotline_cases"
    assert recs["-12.4%"].metric == "hotline_cases"


def test_a_run_of_data_cards_names_each_figure_by_its_label_line() -> None:
    # a WeChat 数说 block: each figure on a line of its own, its label on the next (a heading first);
    # alone on its line the figure had no words and took the metric of nothing (or of the label above)
    tight = "警务工作取得新成效。\n数说三季度\n1.2万起\n110接处警\n98.7%\n群众满意率\n2306件\n化解矛盾纠纷\n"
    cards = tight.replace("\n", "\n\n").replace("数说", "## 数说")
    for text in (cards, tight):
        recs = {r.text: r for r in extract_text(text)}
        assert recs["1.2万起"].metric == "incidents_received"
        assert recs["98.7%"].metric == "satisfaction_rate"
        assert (recs["2306件"].metric, recs["2306件"].label) == ("disputes_mediated", "化解矛盾纠纷")
    # the label first, blank lines between: an even run that starts with a label
    label_first = "三季度工作数据：\n\n群众满意率\n\n98.7%\n\n化解矛盾纠纷\n\n2306件\n\n下一步将继续推进。"
    recs = {r.text: r for r in extract_text(label_first)}
    assert recs["98.7%"].metric == "satisfaction_rate"
    assert recs["2306件"].metric == "disputes_mediated"


def test_a_lone_figure_line_with_no_second_card_keeps_its_own_words() -> None:
    text = "二、工作成效\n\n全年查处酒驾\n\n135起\n\n醉驾专项行动\n"
    (rec,) = extract_text(text)
    assert rec.label != "醉驾专项行动"


def test_a_term_closed_by_a_colon_names_what_a_bare_verb_counts() -> None:
    # the term before the colon says what 查处 dealt with, in Traditional script too; its label starts there
    recs = {r.text: r for r in extract_text("二、違法載人：共查處6.1萬起\n三、工作成效：查處1.5萬起")}
    assert (recs["6.1萬起"].metric, recs["6.1萬起"].label) == ("overloading", "违法载人共查处")
    assert (recs["1.5萬起"].metric, recs["1.5萬起"].label) == ("violations_handled", "查处")


def test_breakdown_items_on_the_lines_after_an_open_line_hang_from_the_whole() -> None:
    # a PDF lays a 其中 list out one item a line: a line ending in 其中： or ；leaves the breakdown open
    text = (
        "全年共查处各类交通违法行为\n12.86万起，同比上升7.4%。其中：\n酒后驾驶1 026起，同比下降5.8%；\n"
        "无证驾驶3 312起；\n超速行驶2.04万起。\n依法行政拘留82人。\n"
        "排查整治道路隐患136处，其中\n急弯陡坡48处。\n\n其中：\n临水路段35处。"
    )
    parents = parents_of(text)
    assert parents["1 026起"] == parents["3 312起"] == parents["2.04万起"] == "12.86万起"
    assert parents["48处"] == "136处"
    assert parents["82人"] is None and parents["5.8%"] is None
    assert parents["35处"] is None  # a blank line closes the paragraph: its 其中 opens none of the one above


def test_a_line_closed_by_a_full_stop_ends_the_breakdown() -> None:
    text = "查处违法行为1.2万起。其中：\n酒后驾驶1026起。\n开展宣传活动120场；\n发放资料3000份。"
    parents = parents_of(text)
    assert parents["1026起"] == "1.2万起"
    assert parents["120场"] is None and parents["3000份"] is None


def test_a_part_weighed_in_another_unit_of_mass_breaks_down_its_whole() -> None:
    text = (
        "缴获毒品2.36吨，其中海洛因486.5千克、冰毒1.52吨、氯胺酮213公斤；"
        "缴获制毒原料17.8吨，其中麻黄碱612公斤。"
    )
    parents = parents_of(text)
    assert parents["486.5千克"] == parents["1.52吨"] == parents["213公斤"] == "2.36吨"
    assert parents["612公斤"] == "17.8吨"
    # another measure is no part: the drivers punished are not some of the violations
    parents = parents_of("查处违法行为1.2万起，其中处罚驾驶人8000人。")
    assert parents["8000人"] is None


def test_an_item_opening_with_its_kind_s_name_goes_on_over_a_semicolon() -> None:
    # 违法停车 shares 违法 with the whole's words, but names a kind of it; 查处饮酒驾驶 says the verb again
    text = (
        "查处各类交通违法行为12.86万起。其中：无证驾驶3 312起；违法停车2.9万起。"
        "共查处各类交通违法行为11.27万起，其中超速行驶1.86万起，违法停车3.1万起；查处饮酒驾驶、醉酒驾驶分别为315起、97起。"
    )
    parents = parents_of(text)
    assert parents["2.9万起"] == "12.86万起" and parents["3.1万起"] == "11.27万起"
    assert parents["315起"] is None and parents["97起"] is None


def test_a_qizhong_nested_in_an_item_breaks_down_that_item_only() -> None:
    # 其中醉驾497起 breaks down 2,106起; the items after it are parts of the whole before the first 其中,
    # over a semicolon, over a numbered list's lines, or after a comma alike
    listed = (
        "查处各类交通违法行为**23.4万起**，同比上升12.2%。其中：\n\n1. 超速行驶5.8万起；\n"
        "2. 酒驾醉驾2,106起，其中醉驾497起；\n3. 违法停车4.4万起；\n4. 不按规定使用安全带3.1万起；\n"
        "5. 货车占用超车道9,372起；\n6. 客车超员186起。\n"
    )
    parents = parents_of(listed)
    assert parents["497起"] == "2,106起"
    assert parents["2,106起"] == parents["4.4万起"] == parents["3.1万起"] == "23.4万起"
    assert parents["9,372起"] == parents["186起"] == "23.4万起"
    inline = "查处交通违法23.4万起，其中超速5.8万起，酒驾醉驾2,106起，其中醉驾497起，违法停车4.4万起。"
    parents = parents_of(inline)
    assert parents["497起"] == "2,106起" and parents["4.4万起"] == "23.4万起"
    # a smaller item after the nested 其中 still breaks down the item it stands in
    smaller = "查处违法3万起，其中酒驾醉驾2000起，其中醉驾300起、饮酒驾驶1700起。"
    parents = parents_of(smaller)
    assert parents["300起"] == parents["1700起"] == "2000起"


def test_a_change_said_of_a_place_after_a_semicolon_is_of_the_count_before() -> None:
    # 高新区大队辖区 only says where the change happened: the change is of the accidents the clause
    # before counted, not of 辖区 (units covered) or the 35.9% share between them
    text = "其中，城东大队辖区发生事故46起，占全市总数的35.9%；高新区大队辖区同比下降14.3%，降幅最大。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["14.3%"].metric, recs["14.3%"].change, recs["14.3%"].basis) == ("accidents", "down", "yoy")
    assert recs["35.9%"].metric == "rate_other"
    recs = {r.text: r for r in extract_text("全县发生事故32起，同比下降5%；农村地区同比下降12.1%。")}
    assert recs["12.1%"].metric == "accidents"
    # a place that names its own thing keeps it
    recs = {r.text: r for r in extract_text("全县查处违法1200起，同比增长5%；农村地区事故下降3%。")}
    assert recs["3%"].metric == "accidents"


def test_a_bare_noun_item_of_a_list_in_another_unit_reads_the_list_s_verb() -> None:
    # 车辆 alone would name vehicles sent out; after 查处…起、 it is an offending vehicle, and the
    # list's verb 出动 still sends the vehicles out; the label keeps to the item's own words
    verbs = "查处交通违法行为236起、车辆41辆，出动警力300人次、车辆60辆次，"
    text = verbs + "入户走访居民1800余户、企业和门店75家。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["41辆"].metric == "violations_handled" and recs["41辆"].label == "车辆"
    assert recs["60辆次"].metric == "vehicles_deployed"
    assert recs["75家"].metric == "households_visited"


def test_the_noun_after_the_measure_word_names_what_was_set_up() -> None:
    # 新建 and 设置 right before the number, or a joiner (和) there, name nothing: the noun after does;
    # a part whose own words are only such a verb counts what its whole counts
    text = (
        "今年新建8个警务服务站，设置6个临时检查站，新建5个停车场。全县车管所和7个交管服务站共办理业务5.2万笔。"
        "全县建成农村警务室24个，其中新建9个、改建15个。"
    )
    metrics = {r.text: r.metric for r in extract_text(text)}
    assert metrics["8个"] == metrics["6个"] == metrics["7个"] == "stations_built"
    assert metrics["5个"] == "facilities_built"
    assert metrics["9个"] == metrics["15个"] == "stations_built"


def test_a_bare_change_in_a_paragraph_takes_the_year_on_year_basis_said_before_it() -> None:
    text = (
        "全年规模以上工业增加值比上年增长7.2%。分经济类型看，国有控股企业增加值增长4.6%。"
        "全年规模以上工业企业实现营业收入6318.7亿元，增长4.3%；利润总额372.5亿元，下降6.8%。"
        "全市万车死亡率比上年末下降近三成，人口自然增长率为-0.75‰。\n"
        "高峰时段主干道平均车速提高12.3%。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["4.6%"].basis == "yoy"  # 比上年 said once for the paragraph's changes
    assert recs["4.3%"].basis == "yoy"
    assert recs["6.8%"].basis == "yoy"
    assert recs["12.3%"].basis is None  # a line break ends the paragraph


def test_a_change_against_the_quarter_before_is_month_on_month_like() -> None:
    recs = {r.text: r for r in extract_text("啟用後熱點路段報案數較前季下降約12%，刑事案件較上季減少8起。")}
    assert recs["約12%"].basis == "mom"
    assert recs["8起"].basis == "mom"
    recs = {r.text: r for r in extract_text("本周查处酒驾412起，较上周下降6.2%；全省事故较前一周减少9起。")}
    assert recs["6.2%"].basis == recs["9起"].basis == "mom"  # a weekly bulletin's week before
    text = "本周受理报警求助2100个，比上一周增加37个；抢劫警情较上个月减少2起。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["37个"].basis == recs["2起"].basis == "mom"  # the week or month before, said with 一 or 个


def test_a_month_named_in_chinese_numerals_is_the_month_before() -> None:
    text = "三月份全市诈骗警情较二月下降了8.5%，涉案资金比二月份增加了3.1%。同一月份盗窃警情同比下降5%。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["8.5%"].basis == recs["3.1%"].basis == "mom"
    assert recs["5%"].basis == "yoy"  # 同一月份 names no month compared with
    recs = {r.text: r for r in extract_text("十二月发案较十一月增加6起，较三月底仍少2起。")}
    assert recs["6起"].basis == "mom"
    assert recs["2起"].basis is None  # the stock at a month's end


def test_a_clause_naming_its_own_comparison_drops_a_year_on_year_basis_said_before_it() -> None:
    text = (
        "10月事故起数同比下降4.2%，降幅比9月收窄3.6个百分点。电诈发案同比下降31.4%，降幅较上半年扩大7.6个百分点。"
        "劳动社保类诉求环比上升21.5%，其中欠薪类诉求312件，较9月增加87件。"
        "全市事故同比下降12%。万车死亡率比十三五末下降近三成。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["3.6个百分点"].basis is None  # against September
    assert recs["7.6个百分点"].basis is None  # against the half-year
    assert recs["87件"].basis == "mom"  # the month before is what 环比 names
    assert recs["近三成"].basis is None


def test_a_qizhong_part_in_its_own_measure_word_breaks_down_the_count_before_it() -> None:
    text = (
        "共受理出入境证件申请1.58万件，同比上升37.6%。其中签发普通护照6230本，往来港澳通行证7415本、"
        "签注1860件，往来台湾通行证512本。全年查获吸毒人员642人次，其中新滋生吸毒人员37人。"
        "全年查处交通违法4876起，其中未戴头盔2315起，行政拘留103人。"
    )
    recs = {r.text: r for r in extract_text(text)}
    for item in ("6230本", "7415本", "1860件", "512本"):
        assert recs[item].parent == "1.58万件", item
    assert recs["37人"].parent == "642人次"
    assert recs["2315起"].parent == "4876起"
    assert recs["103人"].parent is None  # a later item in a unit of its own: another thing reported


def test_a_change_of_a_part_is_no_breakdown_item() -> None:
    text = "居民消费价格比上年上涨0.3%，其中，食品烟酒类价格下降0.6%，衣着类价格上涨1.2%。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["0.6%"].parent is None
    assert recs["1.2%"].parent is None


def test_later_items_of_a_list_opened_by_a_breakdown_break_down_what_the_first_does() -> None:
    text = (
        "累计投入资金4680万元，比去年增加1120万元，其中：\n\n- 省级补助资金：2350万元\n"
        "- 县级配套资金：1860万元\n- 乡镇自筹资金：470万元\n\n## 主要建设内容\n\n"
        "全年排查矛盾纠纷1,042起，成功化解1,019起，化解率97.8%。其中：\n\n1. 邻里纠纷386起；\n"
        "2. 婚姻家庭纠纷241起；\n3. 经济纠纷175起；\n4. 其他纠纷240起。\n\n"
        "工作成效：\n- 新建道路18公里\n- 改造道路12公里\n"
    )
    recs = {r.text: r for r in extract_text(text)}
    for item in ("2350万元", "1860万元", "470万元"):
        assert recs[item].parent == "4680万元", item
    # the four add up to the 1,042 found, not the 1,019 settled
    for item in ("386起", "241起", "175起", "240起"):
        assert recs[item].parent == "1,042起", item
    assert recs["12公里"].parent is None  # a list opened by no breakdown: items of their own


def test_a_line_naming_its_breakdown_before_a_colon_opens_the_list_below() -> None:
    text = (
        "共曝光交通违法5批次、车辆136辆，其中重点曝光营运车辆违法：\n\n- 出租车违法停车 **42辆**；\n"
        "- 渣土车闯红灯 **17辆**；\n- 公交车不按规定车道行驶 **9辆**，涉及6条线路。"
    )
    recs = {r.text: r for r in extract_text(text)}
    for item in ("42辆", "17辆", "9辆"):
        assert recs[item].parent == "136辆", item


def test_a_part_naming_what_the_nearest_count_names_breaks_that_count_down() -> None:
    text = (
        "共劝导鸣笛、乱停车辆等不文明行为213起，查处交通违法行为86起，其中违法停车61起、不按规定让行12起。"
        "冻结涉案资金8430万元，为群众挽回经济损失3260万元，其中向受害群众返还被骗资金2180余万元。"
        "共排查矛盾纠纷1146起，成功调解1098起，其中邻里纠纷412起。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["61起"].parent == "86起"  # 停车 in the 213's words, but 违法 in the 86's
    assert recs["2180余万元"].parent == "3260万元"
    assert recs["412起"].parent == "1146起"  # 纠纷 only in the first count's words: the disputes found


def test_parts_in_the_units_a_compound_unit_names_break_it_down() -> None:
    text = "查验出入境交通运输工具6.36万架（艘、辆）次，其中航班1420架次、船舶860艘次、车辆6.13万辆次。"
    recs = {r.text: r for r in extract_text(text)}
    for item in ("1420架次", "860艘次", "6.13万辆次"):
        assert recs[item].parent == "6.36万架（艘、辆）次", item


def test_a_part_not_said_as_a_running_total_breaks_down_the_periods_count() -> None:
    text = (
        "本月全县共查处各类交通违法行为4862起，今年累计41735起。其中：酒后驾驶46起，今年累计酒后驾驶418起；"
        "客车超员7起，今年累计63起；超速行驶1208起，今年累计1.06万起。"
    )
    recs = {r.text: r for r in extract_text(text)}
    for item in ("46起", "7起", "1208起"):
        assert recs[item].parent == "4862起", item


def test_items_of_a_business_count_in_bi_are_parts_whatever_their_unit() -> None:
    text = (
        "全年共办理车驾管业务86.4万笔，同比增长9.2%。其中，办理机动车注册登记6.8万辆，办理驾驶证换证、补证12.6万本，"
        "机动车检验合格标志核发21.3万辆次。全年查处违法4876起，其中未戴头盔2315起，开展宣传活动86场。"
    )
    recs = {r.text: r for r in extract_text(text)}
    for item in ("6.8万辆", "12.6万本", "21.3万辆次"):
        assert recs[item].parent == "86.4万笔", item
    assert recs["86场"].parent is None  # under a count of events, a later item in its own unit moved on


def test_a_respectively_list_after_a_grouping_lead_breaks_down_the_total_before() -> None:
    text = (
        "全月查处酒后驾驶违法行为87起，同比上升6.1%，其中醉酒驾驶23起，已全部立案移送审查起诉。"
        "从辖区看，城关中队、蓬壶中队、一都中队分别查处酒驾32起、21起、15起。"
    )
    recs = {r.text: r for r in extract_text(text)}
    for item in ("32起", "21起", "15起"):
        assert recs[item].parent == "87起", item


def test_later_items_of_a_bulleted_wechat_list_after_qizhong_are_parts() -> None:
    text = "抓获犯罪嫌疑人137名，其中\n⭕ 盗窃类嫌疑人52名\n⭕ 诈骗类嫌疑人31名\n⭕ 其他嫌疑人19名\n"
    recs = {r.text: r for r in extract_text(text)}
    for item in ("52名", "31名", "19名"):
        assert recs[item].parent == "137名", item


def test_a_breakdown_goes_on_over_a_line_broken_after_a_comma() -> None:
    text = "全市共查处各类交通违法行为31,562起。其中，超速行驶4,316起，未戴安全头盔7,105起，\n无证驾驶138起。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["138起"].parent == "31,562起"


def test_items_after_a_colon_of_qizhong_under_a_business_count_are_parts_past_semicolons() -> None:
    text = (
        "本月共办理各类业务9362笔。其中：新车注册登记1384辆，转移登记742辆；驾驶证换证、补证1803本；"
        "核发临时号牌215副。全年受理驾驶证业务1.86万笔，其中换证6420本；办理机动车注册登记3760辆。"
    )
    recs = {r.text: r for r in extract_text(text)}
    for item in ("1384辆", "742辆", "1803本", "215副"):
        assert recs[item].parent == "9362笔", item
    assert recs["6420本"].parent == "1.86万笔"
    assert recs["3760辆"].parent is None  # no colon list, and a count of its own business (办理…登记)


def test_a_business_count_in_jian_takes_items_in_other_units() -> None:
    text = (
        "共受理户政、出入境业务12.4万件，同比增长36.8%。其中：\n\n"
        "- 异地办理居民身份证4.7万件，临时身份证1.3万件；\n- 户口迁移办理6820笔；\n- 签发普通护照2.9万本。"
        "全年立案1200件，其中刑事案件800件，抓获120人。"
    )
    recs = {r.text: r for r in extract_text(text)}
    for item in ("4.7万件", "1.3万件", "6820笔", "2.9万本"):
        assert recs[item].parent == "12.4万件", item
    assert recs["120人"].parent is None  # 件 of cases is no business


def test_a_grouping_lead_ending_its_line_opens_the_lines_below() -> None:
    text = (
        "查处各类交通违法行为16853起，较上月增加9.2%。按违法类型分：\n（一）机动车违法停车6127起；\n"
        "（二）不戴安全头盔4318起；\n（三）超速行驶1976起，其中超速50%以上的23起；\n（四）其他违法行为4035起。\n\n"
        "本月查处酒驾152起。"
    )
    recs = {r.text: r for r in extract_text(text)}
    for item in ("6127起", "4318起", "1976起", "4035起"):
        assert recs[item].parent == "16853起", item
    assert recs["23起"].parent == "1976起"
    assert recs["152起"].parent is None


def test_parts_may_exceed_a_whole_rounded_in_wan_by_its_rounding() -> None:
    text = "全市接报刑事、治安警情1.86万起。其中，刑事警情2417起；治安警情1.62万起。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["2417起"].parent == "1.86万起"
    assert recs["1.62万起"].parent == "1.86万起"  # 2417 + 16200 is 1.86万, rounded; 治安 is a listed kind


def test_a_first_item_breaks_down_a_count_in_its_unit_and_ci() -> None:
    text = (
        "组织开展各类应急演练156场次，参演人员1.4万人次，其中县级综合演练3场。"
        "将12,436名失信被执行人纳入失信名单，限制高消费3.8万人次，其中3,682人主动履行义务。"
        "出动警车310辆次，查处违法4876起，其中未戴头盔2315起，违法改装89辆。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["3场"].parent == "156场次"
    assert recs["3,682人"].parent == "3.8万人次"
    assert recs["89辆"].parent != "310辆次"  # a later item in its own unit moved on


def test_items_after_a_semicolon_counting_what_the_first_part_counts_share_its_whole() -> None:
    text = (
        "前三季度累计立刑事案件9518起，同比下降9.7%。其中，盗窃案件4106起，占43.1%；"
        "诈骗案件2237起，占23.5%；抢劫抢夺案件仅发生11起，比去年同期减少8起。"
    )
    recs = {r.text: r for r in extract_text(text)}
    for item in ("4106起", "2237起", "11起"):
        assert recs[item].parent == "9518起", item
    assert recs["8起"].parent is None


def test_a_label_cut_at_a_cue_inside_quote_marks_keeps_the_opening_mark() -> None:
    """A label cut where a quoted name opens keeps both its marks, not a lone closing one."""
    (rec,) = extract_text("在村部、祠堂前坪举办“院坝会”“板凳课堂”74场")
    assert rec.metric == "publicity_events" and rec.label == "“院坝会”“板凳课堂”"
    (rec,) = extract_text("组织民警深入乡镇开展“进农村、进学校、进企业”宣传活动360余场")
    assert rec.label.startswith("“进农村")


def test_speech_says_a_change_with_its_basis_as_a_clause_of_its_own() -> None:
    # 你跟去年同期比，其实是少了…: the basis is a clause before the change; 跟…比 is speech's 与…相比,
    # and 比年初提了 is speech's 提高了 (no basis: 年初 is no year ago)
    from statx import extract_text

    recs = {
        r.text: r
        for r in extract_text(
            "投诉是多，但你跟去年同期比，其实是少了百分之二十左右；办结率比年初提了三个百分点；"
            "事故跟去年比少了12起；会上他提了三条建议"
        )
    }
    assert (recs["百分之二十左右"].change, recs["百分之二十左右"].basis) == ("down", "yoy")
    assert (recs["三个百分点"].change, recs["三个百分点"].basis) == ("up", None)
    assert (recs["12起"].change, recs["12起"].basis) == ("down", "yoy")
    assert recs["三条"].change is None


def test_speech_says_the_basis_after_the_figure_as_a_clause_of_its_own() -> None:
    # 达到了42.6%，增长比去年同期: the clause after the figure only names its basis (and the way it
    # went), so it is the figure's change and basis; a clause that goes on to say more is no such
    # afterthought, and neither is one after a figure of no change
    from statx import extract_text

    recs = {
        r.text: r
        for r in extract_text(
            "新上牌的货车达到了42.6%，增长比去年同期；摩托车增加了12.5%，环比。"
            "重型货车有1.2万辆，同比下降的是轻型货车；投诉增加了8起，跟去年同期比多一点"
        )
    }
    assert (recs["42.6%"].change, recs["42.6%"].basis) == ("up", "yoy")
    assert (recs["12.5%"].change, recs["12.5%"].basis) == ("up", "mom")
    assert (recs["1.2万辆"].change, recs["1.2万辆"].basis) == (None, None)
    assert (recs["8起"].change, recs["8起"].basis) == ("up", None)


def test_a_line_break_inside_the_figure_before_ends_no_sentence() -> None:
    # PDF copy: a line wrapped inside 58.7万起; the change after it is still the violations' change
    text = "全市共查处各类交通违法行为58.7\n万起，同比上升6.3%。其中酒驾醉驾2045起。\n"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["6.3%"].metric == "violations_handled"
    assert recs["6.3%"].change == "up"


def test_shares_paired_by_respectively_open_no_breakdown_over_the_semicolon() -> None:
    """分别占 pairs shares with the counts before it: the clauses after the semicolon are siblings."""
    text = (
        "国省道发生事故67起、死亡19人，分别占总数的31.3%和40.4%；县乡道发生事故58起、死亡16人；"
        "村道发生事故7起、死亡1人。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].parent for t in ("58起", "16人", "7起", "1人")] == [None] * 4


def test_items_each_with_a_breakdown_of_their_own_are_siblings() -> None:
    """A 其中 nested in each item breaks down that item only; the items after it are no parts."""
    text = (
        "涉及电动自行车的事故82起、死亡13人，其中未戴头盔死亡的9人；涉及货车的事故46起、死亡15人，"
        "其中重型货车事故19起、死亡8人；涉及小型客车的事故59起，死亡11人；涉及摩托车的事故23起。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["9人"].parent, recs["19起"].parent, recs["8人"].parent) == ("13人", "46起", "15人")
    assert [recs[t].parent for t in ("46起", "59起", "11人", "23起")] == [None] * 4


def test_a_change_column_after_a_rate_column_is_the_change_of_the_count() -> None:
    # | 调处矛盾纠纷（件） | 化解率 | 同比 |: a rate moves in points, so a change in % is the count's
    html = (
        "<table><tr><th>街道</th><th>调处矛盾纠纷（件）</th><th>化解率</th><th>同比</th></tr>"
        "<tr><td>华山街道</td><td>212</td><td>97.2%</td><td>-6.1%</td></tr>"
        "<tr><td>合计</td><td>1532</td><td>96.6%</td><td>-9.0%</td></tr></table>"
    )
    recs = {r.text: r for r in extract_text(html)}
    assert recs["97.2%"].metric == recs["96.6%"].metric == "resolution_rate"
    for change in ("-6.1%", "-9.0%"):
        assert recs[change].metric == "disputes_mediated", change
        assert recs[change].change == "down", change
    # past a rate to the base it is a rate of: the leftmost count of the row
    html = (
        "<table><tr><th>案类</th><th>发生数</th><th>破获数</th><th>破获率</th><th>较上年同期增减率</th></tr>"
        "<tr><td>盗窃</td><td>213</td><td>201</td><td>94.37%</td><td>+3.90%</td></tr></table>"
    )
    assert {r.text: r.metric for r in extract_text(html)}["+3.90%"] == "crimes_reported"


def test_a_sentence_naming_the_counted_people_by_their_verb_opens_their_parts() -> None:
    # 在抓获的…中: the parts are arrests, whether their whole is near (a parent) or paragraphs up
    text = "共抓获违法犯罪嫌疑人1127名。在抓获的违法犯罪嫌疑人中，刑事犯罪嫌疑人386名，治安违法人员741名。"
    recs = {r.text: r for r in extract_text(text)}
    for part in ("386名", "741名"):
        assert recs[part].parent == "1127名", part
        assert recs[part].metric == "suspects_arrested", part
    text = "行动中，全市坚持打早打小。\n\n在抓获的违法犯罪嫌疑人中，刑事犯罪嫌疑人386名，治安违法人员741名。"
    assert {r.text: r.metric for r in extract_text(text)} == {
        "386名": "suspects_arrested",
        "741名": "suspects_arrested",
    }
    # a kind of person among those arrested, after 其中, is an arrest too (not a traffic violation)
    text = "抓获违法犯罪嫌疑人1127名，其中刑事犯罪嫌疑人386名，治安违法人员741名。"
    assert {r.text: r.metric for r in extract_text(text)}["741名"] == "suspects_arrested"
    # a deed's clause names no counted thing: no breakdown of the count before it
    text = "全年查处交通违法12万起。在开展的夜查行动中，查处酒驾300起。"
    assert parents_of(text)["300起"] is None


def test_a_clause_naming_the_counted_people_by_verb_and_noun_reaches_a_total_said_the_other_way() -> None:
    # the total says the noun before its verb (逃犯已全部到案), the clause the verb before the noun
    text = (
        "省厅督办的40名涉黑逃犯已全部到案31名。据介绍，已经到案的涉黑逃犯中，有12名是经亲属规劝后主动投案的。"
    )
    assert parents_of(text)["12名"] == "31名"
    # another verb in the clause names no total
    text = "省厅督办的40名涉黑逃犯已全部到案31名。据介绍，已经判决的涉黑逃犯中，有12名被判十年以上。"
    assert parents_of(text)["12名"] is None


def test_a_sentence_naming_the_counted_tickets_by_所_and_their_verb_opens_their_parts() -> None:
    # 本月所受理的…中: a period and 所 before the verb still name the tickets the month took in
    text = "上月热线共受理群众诉求8600件。本月所受理的群众诉求中，电话渠道4100件，网络渠道4500件。"
    recs = {r.text: r for r in extract_text(text)}
    for part in ("4100件", "4500件"):
        assert (recs[part].metric, recs[part].parent) == ("hotline_cases", "8600件"), part
    # a deed's clause with 所 names no counted thing either
    text = "全年查处交通违法12万起。在所开展的夜查行动中，查处酒驾300起。"
    assert parents_of(text)["300起"] is None


def test_a_pdf_copys_unindented_line_goes_on_with_the_indented_paragraph() -> None:
    # 　　 opens each paragraph; the page's line breaks, after a full stop too, only wrap it
    lines = (
        "上半年，全市共发生道路交通事故1,086起，同比下降11.2%；造成死亡",
        "96人、受伤1204人；直接财产损失385.6万元。",
    )
    item = "其中，涉及电动自行车的事故417起，占总数的38.4%。"
    text = "\u3000\u3000" + "\n".join((*lines, item))
    assert parents_of(text)["417起"] == "1,086起"
    # with no indent to go by, or a blank line or an indented line between, the lines are
    # paragraphs of their own, and the whole two of them up is not reached by the 其中 (a share of
    # 总数 would still pick it: `wholes_of_own_shares`, so the item here says none)
    item = "其中，涉及电动自行车的事故417起。"
    for t in (
        "\n".join((*lines, item)),
        "\u3000\u3000" + "\n\n".join((*lines, item)),
        "\u3000\u3000" + "\n\u3000\u3000".join((*lines, item)),
    ):
        assert parents_of(t)["417起"] is None, t


def test_a_grouped_items_share_says_which_count_the_lead_groups() -> None:
    # the paragraph before breaks a figure down itself, but 占29.1% is 316 of the 1,086 accidents
    text = (
        "全市共发生道路交通事故1,086起。其中，涉及电动自行车的事故417起，占总数的38.4%。\n\n"
        "从事故分布看，发生在国省道上的事故316起，占29.1%；发生在农村道路上的事故502起，占46.2%。"
    )
    recs = parents_of(text)
    assert (recs["316起"], recs["502起"]) == ("1,086起", "1,086起")
    # past a section heading too: 6215 is 6.95% of the 8.94万
    text = (
        "全市形成有效警情8.94万起，同比下降6.3%。\n一、警情结构持续优化\n"
        "从警情类别看，有效警情中，刑事类警情6215起，占6.95%。"
    )
    assert parents_of(text)["6215起"] == "8.94万起"
    # a whole percent, or a share of no figure before, says nothing
    for share in ("占29%", "占31.5%"):
        text = f"全市发生事故1,086起。其中，电动车事故417起。\n\n从事故分布看，国省道事故316起，{share}。"
        assert parents_of(text)["316起"] is None, share


def test_parts_may_exceed_a_whole_said_with_yu_up_to_its_last_place() -> None:
    text = (
        "全年共接处各类警情一万零四百余起，同比下降百分之五点六。其中刑事警情四百三十六起；"
        "治安警情一千二百余起；交通警情两千八百七十起；求助类警情五千九百余起。"
    )
    recs = {r.text: r for r in extract_text(text)}
    # 436 + 1200 + 2870 + 5900 = 10406: within 一万零四百余 (10400 to 10499)
    assert recs["五千九百余起"].parent == "一万零四百余起"
    exact = text.replace("一万零四百余起", "一万零四百起")
    assert {r.text: r for r in extract_text(exact)}["五千九百余起"].parent is None


def test_a_kind_of_crime_among_cases_solved_is_a_case_solved() -> None:
    text = (
        "全县共破获各类刑事案件386起，同比上升24.1%，其中现行命案2起、抢劫抢夺案件7起、盗窃案件153起。"
        "全市发生命案5起，全部告破。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["2起"].metric == "cases_solved"
    assert recs["2起"].parent == "386起"
    assert recs["5起"].metric == "crimes_reported"  # no whole: the crimes that happened


def test_later_items_of_a_list_of_cases_solved_share_the_verb_said_before_the_first() -> None:
    """破获/侦办 stands once, before the first item: a later item's crime words (犯罪, 刑事案件, 盗窃)
    name only which cases were solved, whether the list runs on with 、 or with a comma."""
    listed = "今年以来，该县公安局破获涉枪刑事案件12件、盗窃电力设施刑事案件9件，创同期新高。"
    recs = {r.text: r for r in extract_text(listed)}
    assert (recs["12件"].metric, recs["9件"].metric) == ("cases_solved", "cases_solved")
    commas = "全县共侦办涉黑案件3起，恶势力犯罪案件18起，传销犯罪案件6起。"
    recs = {r.text: r for r in extract_text(commas)}
    assert [recs[t].metric for t in ("3起", "18起", "6起")] == ["cases_solved"] * 3
    # a later count naming its own verb keeps its own metric: the crimes that happened, the cases filed
    own = "今年破获盗窃案件80起，发生命案2起，刑事案件立案1200起，另受理诈骗案件45起。"
    recs = {r.text: r for r in extract_text(own)}
    assert [recs[t].metric for t in ("80起", "2起", "1200起")] == [
        "cases_solved",
        "crimes_reported",
        "cases_filed",
    ]
    assert recs["45起"].metric == "cases_filed"
    reported = "上半年，该局破获电诈案件46起，全年刑事案件发案3000起。"
    assert {r.text: r.metric for r in extract_text(reported)}["3000起"] == "crimes_reported"
    # the short 破 of 发破 is no verb a later item shares (破坏…案件 names a crime)
    short = "2019年发破命案27起，破坏电力设备案件4起。"
    assert {r.text: r.metric for r in extract_text(short)}["4起"] == "crimes_reported"
    # a bare 破获 right before its number names no cases: the kinds after it are of the crimes before
    solved = "全市发生刑事案件500起，破获300起，盗窃案件120起。"
    assert {r.text: r.metric for r in extract_text(solved)}["120起"] == "crimes_reported"


def test_respectively_pairs_changes_with_earlier_counts_in_chinese_numerals() -> None:
    text = (
        "共查处治安违法行为四百一十六起，其中赌博一百零二起、卖淫嫖娼二十一起，"
        "较去年同期分别增长12%、下降8%。"
    )
    recs = {r.text: r for r in extract_text(text)}
    # the clause before 分别 holds figures of its own: they are the list, not words to pair with
    assert recs["12%"].metric == "violations_handled"
    assert recs["8%"].metric == "violations_handled"
    assert recs["8%"].label == "卖淫嫖娼"


def test_a_rate_per_head_or_per_period_is_no_part_of_a_breakdown_before_it() -> None:
    text = "办理业务二千零六笔，其中网上办理一千零三笔，民警人均办案二十一起，月均接警八百余起。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["一千零三笔"].parent == "二千零六笔"
    assert recs["二十一起"].parent is None
    assert recs["八百余起"].parent is None


def test_a_count_per_so_many_people_is_no_part_of_the_count_before_it() -> None:
    """A rate per 10万人 names its own kind (发生率): no part of the cases solved before it."""
    text = (
        "今年前三季刑事案件破獲數為1萬2000件,較上年同期增加300件,破獲率97.1%;依行政區觀察,"
        "刑案發生率以甲區每10萬人980.5件最高,乙區每10萬人640.2件次之,最低則為丙區每10萬人320.8件。"
    )
    recs = {r.text: r for r in extract_text(text)}
    for t in ("980.5件", "640.2件", "320.8件"):
        assert recs[t].parent is None
        assert recs[t].metric == "crimes_reported"


def test_items_in_another_unit_after_a_list_are_no_parts_of_a_figure_it_passed_over() -> None:
    """A 其中 breaks down the count right before it; a later item in another unit is a count of its own."""
    text = (
        "春运期间，全县共设置临时执勤点86个，检查登记客运车辆2310辆，累计查处交通违法行为15620起，"
        "其中查处超速行驶4210起，疲劳驾驶28起、酒后驾驶51起，暂扣机动车驾驶证43个，排查隐患车辆318辆。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].parent for t in ("4210起", "28起", "51起")] == ["15620起"] * 3
    assert (recs["43个"].parent, recs["318辆"].parent) == (None, None)
    several = "破获刑事案件2416起，抓获犯罪嫌疑人1873名。其中，破获诈骗案件386起，抓获涉诈嫌疑人512名。"
    recs = {r.text: r for r in extract_text(several)}
    assert (recs["386起"].parent, recs["512名"].parent) == ("2416起", "1873名")  # one whole each


def test_a_count_said_with_its_rate_of_the_whole_after_a_list_of_kinds_ends_the_list() -> None:
    """按时办结… with 办结率 after kinds that already make up the whole is what became of it, no part."""
    text = (
        "一季度共受理群众来信来访2410件，其中咨询类1320件、求助类655件、投诉类435件，"
        "按期办结2386件，办结率99.0%。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].parent for t in ("1320件", "655件", "435件")] == ["2410件"] * 3
    assert recs["2386件"].parent is None
    stages = "抓获犯罪嫌疑人640名，其中刑事拘留402人，提请逮捕251人，移送审查起诉388人。"
    recs = {r.text: r for r in extract_text(stages)}
    assert [recs[t].parent for t in ("402人", "251人", "388人")] == ["640名"] * 3  # stages overlap


def test_a_clause_past_a_semicolon_turning_to_another_haul_ends_the_breakdown() -> None:
    """另查获… after the semicolon reports another count, no further part of the whole before 其中."""
    text = "夜查行動共查處酒後駕駛326件，其中移送法辦97件；另查獲拒絕酒測14件。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["97件"].parent, recs["14件"].parent) == ("326件", None)


def test_people_under_events_they_were_the_cases_of_are_parts_but_casualties_are_not() -> None:
    """醉驾13人 under 酒驾醉驾违法46起: a driver a case, as the whole names it; 死亡9人 in 事故215宗: hurt."""
    cases = {
        "本周共查处酒驾醉驾违法46起，其中醉驾13人。": ("13人", "46起"),
        "春节期间共处置走失老人、迷路儿童等求助38起，其中护送走失老人回家11名。": ("11名", "38起"),
        "查处违法行为1.2万起，其中处罚驾驶人8000人。": ("8000人", None),  # no kind of the violations
        "全年发生涉及电动自行车的事故215宗，其中骑车人死亡9人。": ("9人", None),
        "共发生意外2,140宗，当中有38名长者受伤。": ("38名", None),
    }
    for text, (part, whole) in cases.items():
        assert {r.text: r for r in extract_text(text)}[part].parent == whole, text


def test_an_item_in_its_own_unit_after_a_list_of_counts_breaks_down_none_of_them_alone() -> None:
    """其中 after 登记业务3.4万笔、驾驶证业务5.1万笔 names none of the last: no part of the licences."""
    text = "全年办理机动车登记业务3.4万笔、驾驶证业务5.1万笔，其中新能源汽车注册登记6120辆。"
    assert {r.text: r for r in extract_text(text)}["6120辆"].parent is None
    alone = "办理驾驶证业务3.92万笔，其中新领证驾驶人6784人。"
    assert {r.text: r for r in extract_text(alone)}["6784人"].parent == "3.92万笔"


def test_a_share_to_a_decimal_says_which_earlier_count_a_qizhong_item_breaks_down() -> None:
    """即办件17.3万件，占比70.3%: 70.3% of the 24.6万 received, not of the 24.1万 settled nearer to it."""
    text = (
        "前三季度共受理办件24.6万件，同比增长5.2%；办结24.1万件。"
        "其中，即办件17.3万件，占比70.3%，较去年同期提高3.2个百分点；承诺件6.9万件，平均办理时限2.1个工作日。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["17.3万件"].parent == "24.6万件"
    assert recs["6.9万件"].parent == "24.6万件"  # past the semicolon, the first item's whole


def test_items_pairing_the_verbs_of_two_counts_reach_the_one_before_the_semicolon() -> None:
    """盗窃案受理215件、破获203件: each item takes the count its verb says, past the semicolon."""
    text = (
        "本月共受理刑事案件报案642件，同比下降5.1%；破获588件，破获率91.6%。其中盗窃案受理215件、破获203件。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["215件"].parent, recs["203件"].parent) == ("642件", "588件")
    # one verb alone, said of another count's list, leaves the nearest whole (无证驾驶 is among the 2370)
    text = "劝导纠正无证驾驶等违法行为2370余起；中队查处违法行为1830起，其中无证驾驶96起、酒后驾驶41起。"
    assert {r.text: r for r in extract_text(text)}["96起"].parent == "1830起"


def test_a_kind_is_of_the_things_counted_not_of_a_verb_alone_nearer_to_it() -> None:
    """婚姻家庭类 is a kind of the disputes found (4620), not of the bare 化解4488起 said between."""
    text = "共排查各类矛盾纠纷4620起，化解4488起，化解率97.1%，其中婚姻家庭类1210起、邻里纠纷980起。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["1210起"].parent, recs["980起"].parent) == ("4620起", "4620起")


def test_an_item_past_a_semicolon_opening_with_a_verb_of_its_own_is_a_new_count() -> None:
    """签发 after 受理…申请, 办理…转移登记 after 新注册登记: another count; a verb an item said goes on."""
    cases = {
        "全年共受理居民身份证申请3.65万张，其中首次申领9120张；签发临时居民身份证2210张。": ("2210张", None),
        "新注册登记机动车7.4万辆，其中新能源汽车2.2万辆；办理机动车转移登记4.1万辆。": ("4.1万辆", None),
        "受理身份证申领1946张，其中为急需群众办理临时身份证312张；办理加急身份证157张。": ("157张", "1946张"),
        # an adverb or a channel before the verb hides it no more than before a new action (查扣, 发放)
        "受理身份证申请4.82万张，其中首次申领1.16万张；集中签发临时身份证3400余张。": ("3400余张", None),
        "注册登记机动车7.4万辆，其中新能源汽车2.2万辆；通过“12123”办理转移登记4.1万辆。": ("4.1万辆", None),
    }
    for text, (part, whole) in cases.items():
        assert {r.text: r for r in extract_text(text)}[part].parent == whole, text
    # a count whose words name a thing is no verb alone: the kinds after it are its own
    calls = "全市共接报各类报警求助电话310余万起，有效报警146余万起，其中求助类70万余起、交通类28万余起。"
    recs = {r.text: r for r in extract_text(calls)}
    assert (recs["70万余起"].parent, recs["28万余起"].parent) == ("146余万起", "146余万起")


def test_a_size_of_change_said_of_several_at_once_is_a_change() -> None:
    # 降幅均在30%以上: the size of a fall said of both bases at once (均, 都) or with 在 before the
    # number is the change, as 降幅为12.3% is; it read as a plain rate, with no change.
    recs = extract_text(
        "盗抢警情本月回落明显，其同比与环比的降幅均在30%以上；两类纠纷增幅都达两成，降幅在12%左右。"
    )
    assert [(r.text, r.change) for r in recs] == [("30%以上", "down"), ("两成", "up"), ("12%左右", "down")]


def test_a_sentence_that_only_compares_pairs_its_list_with_the_sentence_before() -> None:
    # …伤511人。同上年同期相比，分别减少…: the full stop ends the counts' sentence, but the
    # next one names nothing but the comparison, so its changes are of those counts, in order; they
    # read as bare changes with no metric.
    recs = extract_text(
        "上半年全县共接报一般程序道路交通事故436起，亡92人、伤511人。同上年同期相比，分别减少9.4%、12%和7.7%。"
    )
    got = [(r.text, r.metric, r.change, r.basis) for r in recs if r.unit == "%"]
    assert got == [
        ("9.4%", "accidents", "down", "yoy"),
        ("12%", "deaths", "down", "yoy"),
        ("7.7%", "injuries", "down", "yoy"),
    ]
    # a sentence with its own words keeps them (机动车…分别增长 is no comparison alone)
    recs = extract_text("全市发生道路交通事故1362起，造成207人死亡。摩托车和电动车事故分别下降9.4%和12%。")
    assert [r.label for r in recs if r.unit == "%"][1] == "电动车事故"


def test_a_list_of_kinds_shares_what_its_last_item_counts() -> None:
    # 国省干道和农村公路事故同比分别下降: the crashes are counted, said once after the last kind; the first
    # kind alone read as a road, the fenced roads as facilities built.
    recs = extract_text(
        "国省干道和农村公路事故同比分别下降9.4%和12%。设有中央护栏、防撞墩和隔离带道路事故分别减少5.1%、3.2%和8.8%。"
    )
    assert [(r.text, r.metric) for r in recs] == [
        ("9.4%", "accidents"),
        ("12%", "accidents"),
        ("5.1%", "accidents"),
        ("3.2%", "accidents"),
        ("8.8%", "accidents"),
    ]


def test_a_lead_counting_the_whole_stays_a_lead_after_a_connective_a_year_or_a_hotline_number() -> None:
    # 另外，2022年，12345热线的7315件诉求中，…: the connective and the year frame the sentence,
    # and the hotline's own digits stand before the count the lead holds; the parts after it are of it.
    recs = {
        r.text: r
        for r in extract_text(
            "热线运行平稳。\n另外，2022年，12345热线的7315件诉求中，转办部门处理2904件，"
            "占39.7%，其余均为咨询类，共4411件。"
        )
    }
    assert recs["7315件"].parent is None
    assert recs["2904件"].parent == "7315件"
    assert recs["4411件"].parent == "7315件"
    # a connective alone opens no breakdown: the figure after it is no part of the one before
    recs = {r.text: r for r in extract_text("全县受理诉求7315件。此外，转办部门处理2904件。")}
    assert recs["2904件"].parent is None


def test_a_colon_list_finding_no_whole_hands_over_to_the_breakdown_word_that_opened_the_sentence() -> None:
    # 其中，…依次是：甲、乙、丙，…依次是：…: the colons sit inside a sentence that 其中 opens, so
    # the counts after the last colon break down the total of the sentence before.
    recs = extract_text(
        "全县上月共接报求助4710件。其中，接报量排名前三的依次是：城东、城西、城北，"
        "接报量依次是：1532件，1207件，866件。"
    )
    assert [(r.text, r.parent) for r in recs] == [
        ("4710件", None),
        ("1532件", "4710件"),
        ("1207件", "4710件"),
        ("866件", "4710件"),
    ]


def test_a_sentence_naming_only_the_indices_it_compares_pairs_its_list_with_the_sentence_before() -> None:
    # …损失8.3万元。与上年相比，四项指数分别下降了…; 三项指标同比分别上升…: the count of indices
    # names no item of the list, so its changes are of the previous sentence's counts, in order.
    recs = extract_text(
        "二季度全区共发生一般程序交通事故58起，死亡11人，受伤63人，直接财产损失8.3万元。"
        "与上年相比，四项指数分别下降了2.6%、8.1%、3.4%和17.2%。"
    )
    got = [(r.text, r.metric, r.change, r.basis) for r in recs if r.unit == "%"]
    assert got == [
        ("2.6%", "accidents", "down", "yoy"),
        ("8.1%", "deaths", "down", "yoy"),
        ("3.4%", "injuries", "down", "yoy"),
        ("17.2%", "other", "down", "yoy"),
    ]
    recs = extract_text(
        "本季度辖区发生亡人事故14起，死亡16人，受伤9人。三项指标同比分别上升7.7%、6.7%和12.5%。"
    )
    assert [(r.metric, r.change) for r in recs if r.unit == "%"] == [
        ("accidents", "up"),
        ("deaths", "up"),
        ("injuries", "up"),
    ]
    recs = extract_text("一月全县发生道路交通事故37起，死亡9人。较上年同期，两项指数分别回落了3.2%、5.1%。")
    assert [(r.metric, r.change, r.basis) for r in recs if r.unit == "%"] == [
        ("accidents", "down", "yoy"),
        ("deaths", "down", "yoy"),
    ]


def test_a_sentence_opening_with_respectively_and_a_comparison_pairs_with_the_sentence_before() -> None:
    # …损失126.5万元. Then 分别 + 比去年同期 + 下降: the sentence names no item; 分别 opens it, the comparison
    # follows, and its changes are of the previous sentence's counts, in order.
    recs = extract_text(
        "三季度全市发生道路交通事故412起，造成95人死亡、437人受伤，直接财产损失126.5万元。"
        "分别比去年同期下降11.2%、7.5%、9.8%和13.4%。"
    )
    got = [(r.text, r.metric, r.change, r.basis) for r in recs if r.unit == "%"]
    assert got == [
        ("11.2%", "accidents", "down", "yoy"),
        ("7.5%", "deaths", "down", "yoy"),
        ("9.8%", "injuries", "down", "yoy"),
        ("13.4%", "other", "down", "yoy"),
    ]
    recs = extract_text("上月辖区发生亡人事故6起，死亡7人。分别同比减少14.3%、12.5%。")
    got = [(r.metric, r.change) for r in recs if r.unit == "%"]
    assert got == [("accidents", "down"), ("deaths", "down")]


def test_last_year_s_figure_set_straight_after_the_comparison_is_a_baseline_and_no_whole() -> None:
    # 比上年同期8120起增加901起: the figure right after the comparison is last year's total, with
    # or without 的; the kinds in the next sentence break down this year's.
    recs = extract_text(
        "今年前两月全县查处违法行为9021起，比上年同期8120起增加901起。其中，超速2310起，违停1905起。"
    )
    got = {r.text: r for r in recs}
    assert got["8120起"].role == "baseline"
    assert got["2310起"].parent == got["1905起"].parent == "9021起"


def test_a_lead_grouping_by_region_reaches_the_total_past_the_parts_of_another_grouping() -> None:
    # 从分区域火情对比看，…: a grouping lead with words between its noun and 看; the parts before it
    # (较大火灾41起；重大火灾5起) are smaller than its items and of another grouping of the same total.
    recs = extract_text(
        "今年全省共接报火灾2.6万起，同比下降8%。其中，较大火灾41起；重大火灾5起。\n"
        "一、城乡火灾均有下降。从分区域火情对比看，城市发生火灾1.2万起，同比下降9%；农村发生火灾1.1万起。"
    )
    got = {r.text: r.parent for r in recs}
    assert got["1.2万起"] == got["1.1万起"] == "2.6万起"


def test_deaths_in_some_accidents_are_part_of_the_deaths_in_a_list_of_casualties() -> None:
    # 造成2210人死亡、6035人受伤。其中，…较大事故9起，造成38人死亡: the deaths break down the deaths
    # of the list, not its sum; the injured of the list are no whole of them.
    recs = extract_text(
        "去年全市共发生道路交通事故6420起，造成2210人死亡、6035人受伤。其中，发生一次死亡3人以上"
        "较大交通事故9起，造成38人死亡。"
    )
    got = {r.text: r.parent for r in recs if r.unit == "人"}
    assert got == {"2210人": None, "6035人": None, "38人": "2210人"}


def test_deaths_of_an_industry_break_down_the_deaths_past_the_fewer_injured_after_them() -> None:
    # 死亡41人，受伤12人。其中，…事故25起，死亡30人: the 12 injured stand nearest the item and are fewer,
    # but the deaths break down the deaths of the totals, commas between them; the change is no whole.
    recs = extract_text(
        "上半年全区共发生各类生产安全事故52起，死亡41人，受伤12人，死亡人数同比减少6人。"
        "其中，建筑施工事故25起，死亡30人。"
    )
    got = {r.text: r.parent for r in recs}
    assert got["25起"] == "52起"
    assert got["30人"] == "41人"
    assert got["6人"] is None


def test_a_paragraph_of_paired_changes_leaves_its_counts_wholes_for_a_breakdown_below() -> None:
    # …与去年同期相比，分别下降…。⏎其中，…: that 分别 pairs the changes with the counts before it and
    # breaks none of them down, so the 其中 opening the next paragraph reaches them.
    recs = extract_text(
        "今年一季度，全省共发生涉及货车的交通事故1325起，造成17人死亡、24人受伤。与去年同期相比，分别下降"
        "6.2%、15%和4%。\n其中，发生一次死亡3人以上的较大交通事故3起，造成11人死亡；与去年同期相比，事故减少1起。"
    )
    got = {r.text: r.parent for r in recs}
    assert got["3起"] == "1325起"
    assert got["11人"] == "17人"


def test_a_sentence_opening_with_the_earlier_period_and_no_comma_pairs_its_list_with_counts_before() -> None:
    # …万元。比上年同期分别减少了…: the sentence names only the period it compares with, so its list
    # changes the counts of the sentence before it, one each, as 与上年同期相比，分别… does.
    recs = extract_text(
        "上半年全县共发生一般程序道路交通事故46起，造成9人死亡、51人受伤，直接财产损失17万元。"
        "比上年同期分别减少了8.2%、25%、4.1%和6.6%。"
    )
    got = {r.text: (r.metric, r.change, r.basis) for r in recs if r.unit == "%"}
    assert got == {
        "8.2%": ("accidents", "down", "yoy"),
        "25%": ("deaths", "down", "yoy"),
        "4.1%": ("injuries", "down", "yoy"),
        "6.6%": ("other", "down", "yoy"),
    }


def test_a_count_in_brackets_after_a_multiple_is_what_the_multiple_is_of_and_no_part() -> None:
    # 是上年全年的1.6倍（54起）: the bracket gives last year's count the multiple is taken of; it is no
    # part of this year's count, though it stands in brackets right after a figure.
    recs = extract_text("今年以来，全市共侦破积案87起，是上年全年的1.6倍(54起)，共抓获逃犯61名。")
    assert {r.text: r.parent for r in recs}["54起"] is None


def test_a_rate_per_day_after_a_count_is_no_part_and_leaves_the_list_going_on_past_a_semicolon() -> None:
    # 3120起(101起/天): the count per day is a rate of the count before it, no part of it; the kinds
    # of the total go on past the semicolon, though a rate stands between them.
    recs = extract_text(
        "5月份，全县各类有效报警共3120起(101起/天)，比上月下降4.1%。其中110类报警2650起(85.5起/天)，"
        "比上月下降了5.2%；122类报警470起(15.2起/天)，比上月下降了1.3%。"
    )
    got = {r.text: r.parent for r in recs if r.unit == "起"}
    assert got == {
        "3120起": None,
        "101起": None,
        "2650起": "3120起",
        "85.5起": None,
        "470起": "3120起",
        "15.2起": None,
    }


def test_counts_paired_with_shares_of_the_whole_year_point_at_the_year_s_totals() -> None:
    # …，分别占全年的61.5%、64%、52.6%: each count is that share of the year's total of its measure,
    # said a section up; the share picks it (1.5万 of 2.44万, 96 of 150, 51 of 97).
    recs = extract_text(
        "据统计，去年全省共接报火灾2.44万起，造成150人死亡、97人受伤。\n一、冬春季火灾多\n"
        "去年1月至3月和11月至12月，天干物燥，火灾风险较高，共发生火灾1.5万起，造成96人死亡、51人受伤，"
        "分别占全年的61.5%、64%、52.6%。"
    )
    got = {r.text: r.parent for r in recs}
    assert (got["1.5万起"], got["96人"], got["51人"]) == ("2.44万起", "150人", "97人")


def test_a_grouped_item_s_share_allows_for_the_rounding_of_a_count_in_wan() -> None:
    # 1.2万 is 11,500 to 12,499: 28.5% of 4.12万 (11,742) is written so, as a paired share allows too
    text = "全年发生事故4.12万起，其中电动车事故1.3万起。\n\n从事故分布看，国省道上的事故1.2万起，占28.5%。"
    assert parents_of(text)["1.2万起"] == "4.12万起"


def test_a_change_after_a_numbered_run_in_head_counts_what_the_head_names() -> None:
    # a bulletin's item: (二)诈骗类警情。本月环比… — the sentence says only its period and change, the
    # head before it on its line names what changed; an item with no head keeps to its own words
    recs = {
        r.text: r.metric
        for r in extract_text(
            "二、警情特点\n（二）诈骗类警情。本月环比下降8.2%，同比下降16.4%。\n本月环比下降3.3%。"
        )
    }
    assert recs == {"8.2%": "incidents_received", "16.4%": "incidents_received", "3.3%": "other"}


def test_a_change_against_another_span_than_last_year_takes_no_inherited_basis() -> None:
    # 其中 takes the basis of the sentence it breaks down, and a run of changes its first one's; but
    # a change against five years ago, or over a run of years, names its own span: no year-on-year
    recs = {
        r.text: r.basis
        for r in extract_text(
            "全县刑事发案同比下降12.5%；治安警情在连续两年下降15%的基础上，同比又下降了2.1%。"
            "其中，盗窃案件立案、诈骗案件立案，分别与五年前相比下降了40.2%和31.6%。"
        )
    }
    assert recs == {"12.5%": "yoy", "15%": None, "2.1%": "yoy", "40.2%": None, "31.6%": None}


def test_items_before_respectively_keep_the_examples_an_item_closes_with_deng() -> None:
    # 抢劫、抢夺等两抢案件立案、电诈等新型案件立案，分别下降…: 抢劫 is an example of the first item, so
    # the clause holds two items for the two changes, not three
    recs = {
        r.text: r.metric
        for r in extract_text(
            "其中，抢劫、抢夺等两抢案件立案、电诈等新型案件立案，分别与三年前相比下降了41.2%和18.5%。"
        )
    }
    assert recs == {"41.2%": "cases_filed", "18.5%": "cases_filed"}


def test_an_item_numbered_under_a_section_s_run_in_head_counts_what_the_section_counts() -> None:
    # (一)抢夺类警情。… / 1.飞车抢夺。本月环比…: the item names the kind of snatching, the section that calls
    # are counted; under a section of cases the same item counts cases
    calls = {
        r.text: r.metric
        for r in extract_text(
            "（一）抢夺类警情。本月环比上升4.1%。\n1.飞车抢夺。本月环比上升7.5%，同比下降2.2%。\n"
        )
    }
    cases = {
        r.text: r.metric
        for r in extract_text("（一）刑事案件情况。本月立案同比下降3.1%。\n1.飞车抢夺。本月环比上升7.5%。\n")
    }
    assert calls == {"4.1%": "incidents_received", "7.5%": "incidents_received", "2.2%": "incidents_received"}
    assert cases["7.5%"] == "crimes_reported"


def test_a_bare_change_past_a_semicolon_or_after_qizhong_counts_what_its_pool_names() -> None:
    # 交通事故警情中，城区…；郊区…: past the semicolon the pool the sentence opened on still names what
    # changed; 其中，城区… breaks down what the sentence before counts
    recs = {
        r.text: r.metric
        for r in extract_text(
            "交通事故警情中，城区环比下降5.1%；郊区环比下降3.4%。"
            "求助警情环比上升8.2%。其中，城区环比上升6.6%；郊区环比上升9.9%。"
        )
    }
    assert set(recs.values()) == {"incidents_received"}, recs


def test_an_item_far_below_its_section_s_run_in_head_still_counts_what_the_section_counts() -> None:
    # the section's head is the last one before the item's line, however many items stand between
    filler = "".join(
        f"{n}.盗窃类型{n}。本月环比上升{n}.5%，同比上升{n}.1%。多发部位：公交站、地铁站、商场周边。\n"
        for n in range(1, 7)
    )
    recs = {
        r.text: r.metric
        for r in extract_text(
            "（一）抢夺类警情。本月环比上升4.1%。\n" + filler + "7.飞车抢夺。本月环比上升8.8%。\n"
        )
    }
    assert recs["8.8%"] == "incidents_received"


def test_a_numbered_item_run_into_the_line_of_the_one_before_has_its_run_in_head_too() -> None:
    # …同比下降4.2%。3.抢夺手机。本月…: a page that lost the line break before item 3
    recs = {
        r.text: r.metric
        for r in extract_text(
            "（一）抢夺类警情。本月环比上升4.1%。\n2.飞车抢夺。本月环比上升6.5%，同比下降4.2%。3.抢夺手机。本月环比下降1.6%。\n"
        )
    }
    assert recs["1.6%"] == "incidents_received"


def test_prose_after_a_page_s_bars_is_no_table_row() -> None:
    """首页 | 新闻 | …: a breadcrumb's bars before a long line of prose (a crawl that lost its line
    breaks) make no table row whose cells name the figures far after them (`changes._ROW_REACH`)."""
    prose = "今年以来，民警共走访社区群众1.2万余户，召开座谈会36场。" * 30
    plain = [(r.text, r.metric, r.label) for r in extract_text(prose)]
    after_bars = [(r.text, r.metric, r.label) for r in extract_text("首页 | 新闻 | 正文 " + prose)]
    assert after_bars == plain  # the first figures too: a clause mark by a figure is no cell's
    assert after_bars[-1] == ("36场", "meetings_held", "召开座谈会")
    lead = "首页 | 警务动态 | 正文 某分局破获盗窃案件14起，抓获嫌疑人9名。"
    assert [(r.metric, r.label) for r in extract_text(lead)] == [
        ("cases_solved", "破获盗窃案件"),
        ("suspects_arrested", "抓获嫌疑人"),
    ]


def test_a_part_saying_only_who_dealt_with_some_of_the_cases_counts_cases() -> None:
    """查处赌博案12起，其中，甲县局查处7起: the bare 查处 of a part under cases dealt with counts cases."""
    text = "全市查处游戏厅赌博案12起，其中，东城分局查处7起，西城分局查处5起；全市查处交通违法300起。"
    metrics = {r.text: r.metric for r in extract_text(text)}
    assert (metrics["7起"], metrics["5起"]) == ("cases_solved", "cases_solved")
    assert metrics["300起"] == "violations_handled"


def test_a_short_basis_before_a_change_is_last_years_and_no_part_of_the_label() -> None:
    # 比降 / 比升: police statistics' 同比下降 / 同比上升 cut short; 环比降 stays a month's change
    text = "今年以来全县盗抢警情比降18.2%，破案数分别比升6.5%、4.1%；全县警情环比降3.1%。"
    recs = {r.text: r for r in extract_text(text)}
    fell = recs["18.2%"]
    assert (fell.change, fell.basis, fell.metric) == ("down", "yoy", "incidents_received")
    assert not fell.label.endswith("比")
    assert (recs["4.1%"].change, recs["4.1%"].basis, recs["4.1%"].label) == ("up", "yoy", "破案数")
    assert (recs["3.1%"].change, recs["3.1%"].basis) == ("down", "mom")


def test_two_bases_before_respectively_pair_with_the_figures_in_turn() -> None:
    """同比、环比分别下降a、b: a is year-on-year and b month-on-month (the nearest word, 环比, had
    gone with both), also when the changes are given as the falls' sizes after 均下降."""
    for text in (
        "刑事警情同比、环比分别下降12.5%和8.3%。",
        "本月警情同比、环比均下降，降幅分别为12.5%和8.3%。",
    ):
        assert [(r.text, r.change, r.basis) for r in extract_text(text)] == [
            ("12.5%", "down", "yoy"),
            ("8.3%", "down", "mom"),
        ]
    flipped = extract_text("治安警情环比、同比分别上升4.1%和2.6%，刑事警情同比下降3%。")
    assert [r.basis for r in flipped] == ["mom", "yoy", "yoy"]


def test_a_change_after_a_number_with_no_measure_word_is_not_of_the_count_before_the_semicolon() -> None:
    """…抓获逃犯58人；查处治安案件2210，同比上升12.4%: the number its clause says bare is what the
    change is of; the count before the semicolon (people caught) names nothing of it."""
    text = "今年破获刑事案件316起，抓获逃犯58人；查处治安案件2210，同比上升12.4%。"
    recs = {r.text: r for r in extract_text(text)}
    assert "2210" not in recs  # no measure word: no figure
    rose = recs["12.4%"]
    assert (rose.change, rose.basis, rose.metric) == ("up", "yoy", "cases_solved")
    # a clause that only says a change still goes with the count before its semicolon
    after = {r.text: r for r in extract_text("受理群众求助8436件，环比增长6.3%；2023年8月以来，同比增长3%。")}
    assert after["3%"].metric == after["8436件"].metric


def test_a_kind_of_call_named_alone_under_the_calls_counts_calls() -> None:
    """有效报警N起，其中…，纠纷M起，举报投诉K起: under a count of calls the bare kinds are calls; a verb
    before the kind (调解纠纷) is a deed of its own."""
    text = (
        "本周接报警2960起，其中有效报警1180起。有效警情中，刑事类警情41起，纠纷205起，求助133起，"
        "举报投诉12起。"
    )
    metrics = {r.text: r.metric for r in extract_text(text)}
    assert {metrics[t] for t in ("41起", "205起", "133起", "12起")} == {"incidents_received"}
    other = {r.text: r.metric for r in extract_text("接警1000起，其中调解纠纷50起，举报投诉7起。")}
    assert (other["50起"], other["7起"]) == ("disputes_mediated", "incidents_received")


def test_fights_named_alone_under_the_calls_count_calls() -> None:
    """接到报警N起，其中…纠纷打架M起，打架斗殴K起: a week's 110 calls broken down by what they were about;
    the fights are calls, not disputes settled. Settling disputes that break down no calls keeps its
    own metric."""
    text = "本周指挥中心共接报警640起，其中盗窃报警31起，纠纷打架96起，打架斗殴22起，求助报警40起。"
    metrics = {r.text: r.metric for r in extract_text(text)}
    assert {metrics[t] for t in ("31起", "96起", "22起", "40起")} == {"incidents_received"}
    alone = {r.text: r.metric for r in extract_text("本周全县共调处纠纷96起。")}
    assert alone["96起"] == "disputes_mediated"


def test_a_baseline_and_the_changes_of_cases_and_people_count_what_the_count_before_counts() -> None:
    """N件M人，去年同期为A件B人，件数、人数同比分别减少x%、y%: all of them are the count's metric."""
    text = (
        "今年1-6月，共受理审查起诉案件410件586人，去年同期为455件690人，件数、人数同比分别减少9.89%、15.07%。"
    )
    metrics = {r.text: (r.metric, r.change) for r in extract_text(text)}
    assert metrics["455件"] == ("prosecutions", None)
    assert metrics["9.89%"] == ("prosecutions", "down")
    assert metrics["15.07%"] == ("prosecutions", "down")
    # a baseline whose own words name nothing is the count before it a year ago
    text = "本院共受理审查逮捕案件88件121人，去年同期为176件340人，件数、人数分别比去年同期减少50%、64.4%。"
    metrics = {r.text: r.metric for r in extract_text(text)}
    assert (metrics["176件"], metrics["50%"]) == ("cases_filed", "cases_filed")
    # items naming their own thing keep it (事故起数, 死亡人数)
    metrics = {r.text: r.metric for r in extract_text("去年事故起数、死亡人数分别下降10.5%、12.3%")}
    assert (metrics["10.5%"], metrics["12.3%"]) == ("accidents", "deaths")


def test_a_move_said_in_a_clause_of_its_own_counts_what_the_clause_before_names() -> None:
    """…入屋盗窃案同样上升，由218宗增至264宗: the clause of the move names nothing; the one before does."""
    recs = {r.text: r for r in extract_text("入屋盗窃案同样上升，由218宗增至264宗，升幅21%。")}
    assert {recs[t].metric for t in ("218宗", "264宗", "21%")} == {"crimes_reported"}
    assert recs["218宗"].label.startswith("入屋盗窃案")
    assert "增至" not in recs["264宗"].label


def test_a_list_of_changes_said_again_after_as_many_changes_pairs_with_them_in_order() -> None:
    """甲、乙同比下降a、b；环比下降c、d: the second pair says the first again (another period)."""
    text = (
        "一季度全县道路交通事故数、死亡人数同比下降11.2%、18.5%；环比下降6.4%、9.1%。\n"
        "事故数下降7.7%，亡人数下降15.3%；与2019年同期相比下降21.6%、30.4%。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].metric for t in ("6.4%", "9.1%", "21.6%", "30.4%")] == ["accidents", "deaths"] * 2
    assert (recs["6.4%"].basis, recs["9.1%"].basis) == ("mom", "mom")
    # more changes before than in the list: which two it says again is not said, so not the last two
    three = extract_text("事故数、亡人数、伤人数同比下降5%、8%、6%；环比下降3%、4%")
    assert [r.metric for r in three][-1] != "injuries"


def test_a_figure_whose_clause_names_nothing_is_labelled_by_the_clause_before() -> None:
    """…单日最大车流出现在国庆首日，达到36.5万辆次: 达到 names nothing, the clause before does."""
    labels = {r.text: r.label for r in extract_text("全市高速单日最大车流出现在国庆首日，达到36.5万辆次")}
    assert labels["36.5万辆次"].startswith("全市高速单日最大车流")
    # not a speaker's tag before a colon, nor a clause that only says when
    spoken = {r.text: r.label for r in extract_text("主持人：达到两千多起。\n去年10月，近40名。")}
    assert spoken["两千多起"] != "主持人" and spoken["近40名"] != "去年10月"


def test_flights_that_took_off_and_landed_are_no_fall() -> None:
    """航班起降N架次: 降 of 起降 is a landing; a fall said after it still is one."""
    records = {r.text: r for r in extract_text("春节期间机场保障航班起降860架次，旅客吞吐量同比下降4%。")}
    assert records["860架次"].change is None
    assert records["4%"].change == "down"


def test_a_clause_of_a_bare_sum_takes_the_verb_of_the_clause_before() -> None:
    """向N名群众退还资金，金额总计M元: the sum is the money returned; with a sentence break it is not."""
    metrics = {r.text: r.metric for r in extract_text("全年共向96名受骗群众退还资金，金额总计213万余元。")}
    assert metrics == {"96名": "other", "213万余元": "losses_recovered"}
    # the clause before must reach the sum: a full stop in between leaves the bare 金额 alone
    metrics = {r.text: r.metric for r in extract_text("全年共向96名受骗群众退还资金。金额总计213万余元。")}
    assert metrics["213万余元"] != "losses_recovered"
    # a sum named by its own words keeps them
    metrics = {r.text: r.metric for r in extract_text("向96名群众退还资金，涉案金额总计860万元。")}
    assert metrics["860万元"] == "amount_involved"


def test_items_that_only_say_their_level_count_what_the_last_item_counts() -> None:
    """N项省级、M项市级、K项县级X: the noun after the last count is what each level's count counts."""
    text = "今年已有26项省级、40项市级、95项县级便民事项下放到派出所办理。"
    metrics = {r.text: r.metric for r in extract_text(text)}
    assert metrics == {"26项": "measures_launched", "40项": "measures_launched", "95项": "measures_launched"}
    metrics = {r.text: r.metric for r in extract_text("年内新增6个城区、19个农村交通劝导站。")}
    assert metrics == {"6个": "stations_built", "19个": "stations_built"}
    # words that are more than a level keep their own metric: separate counts in one list
    metrics = {r.text: r.metric for r in extract_text("收缴管制刀具9把、查处酒驾醉驾46起。")}
    assert metrics["9把"] == "other"
    # a comma between: the first count stands alone
    metrics = {r.text: r.metric for r in extract_text("共有26项省级，另有40项县级便民事项下放。")}
    assert metrics["26项"] == "other"


def test_a_closing_predicate_after_a_list_of_suggestions_closes_every_item() -> None:
    """N件建议和M件提案全部办结: the 办结 said once after the last item closes the items before it too."""
    metrics = {r.text: r.metric for r in extract_text("去年的31件人大代表建议和17件政协提案全部办结。")}
    assert metrics == {"31件": "suggestions_resolved", "17件": "suggestions_resolved"}
    # whatever the last item counts (letters to the chief): the suggestions before it are closed
    metrics = {
        r.text: r.metric
        for r in extract_text("上年度44条群众意见建议、今年9件政协提案和76件局长信箱来信均已按期办结。")
    }
    assert metrics["44条"] == metrics["9件"] == "suggestions_resolved"
    # an item with a verb that takes it in keeps counting what was collected
    metrics = {r.text: r.metric for r in extract_text("去年收到的41件人大代表建议和27件政协提案已全部办结。")}
    assert metrics["41件"] == "suggestions_collected"
    # a comma between: the items are two clauses, and the first one's words stand alone
    metrics = {r.text: r.metric for r in extract_text("收集意见建议52条，今年的19件人大代表建议全部办结。")}
    assert metrics["52条"] == "suggestions_collected"


def test_a_share_said_after_a_count_is_no_item_of_the_changes_listed_after_it() -> None:
    """…，其中醉驾N起，占P%，同比分别下降a%和b%: the changes pair with the two counts, past the share."""
    text = "上半年全市查处酒驾醉驾4820起，其中醉驾936起，占19.4%，同比分别下降7.5%和11.2%。"
    got = {r.text: (r.metric, r.change) for r in extract_text(text)}
    assert got["7.5%"] == ("drink_driving", "down")
    assert got["11.2%"] == ("drunk_driving", "down")
    assert got["19.4%"][1] is None


def test_changes_after_a_list_of_shares_are_changes_of_the_items_shared() -> None:
    """分别占…的a%、b%，同比分别下降c%、d%: the changes in % are of the items, not of their shares."""
    text = "涉酒的事故起数、死亡人数分别占全部的9.6%、12.4%，同比分别下降21.3%、18.7%。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["9.6%"].metric, recs["12.4%"].metric) == ("rate_other", "rate_other")
    assert (recs["21.3%"].metric, recs["18.7%"].metric) == ("accidents", "deaths")
    assert (recs["21.3%"].change, recs["18.7%"].change) == ("down", "down")


def test_changes_in_points_after_a_list_of_shares_stay_the_shares_own() -> None:
    """A change in 个百分点 after a list of shares moves the shares themselves."""
    text = "城市道路和农村道路事故分别占总数的41.5%、38.2%，同比分别上升2.1个百分点、1.4个百分点。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["2.1个百分点"].metric == recs["41.5%"].metric


def test_list_verb_said_once_holds_for_every_kind() -> None:
    """侦办A、B案件同比分别上升: B's cases were investigated too (cases solved, not crimes reported)."""
    assert _share_verb(["全市侦办盗窃", "电信诈骗案件"]) == ["全市侦办盗窃", "侦办电信诈骗案件"]
    assert _share_verb(["破获刑事案件", "抓获犯罪嫌疑人"]) == ["破获刑事案件", "抓获犯罪嫌疑人"]
    assert _share_verb(["盗窃发案", "诈骗发案"]) == ["盗窃发案", "诈骗发案"]
    assert _share_verb(["查处", "醉驾"]) == ["查处", "醉驾"]


def test_a_recorded_figure_named_a_rise_or_fall_by_the_size_word_after_it() -> None:
    # Hong Kong and Macau reports: 录得 a figure, then 的跌幅 / 的升幅 says which way it went
    text = "今年首季，車輛盜竊則錄得近四成的跌幅；店舖盜竊錄得15.2%升幅，勞資糾紛亦錄得兩成的增幅。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["近四成"].change == "down"
    assert recs["15.2%"].change == "up"
    assert recs["兩成"].change == "up"
    # a headline's short 录 without 得 records the same
    recs = {r.text: r for r in extract_text("盜竊損失金額錄7.4%跌幅")}
    assert recs["7.4%"].change == "down"
    # not after 录得: a share before 的降幅 can be a part of the fall, no change of its own
    text = "全年查處超速違法305起，其中8.4%的降幅來自夜間路段，共錄得六宗嚴重事故。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["8.4%"].change is None
    assert recs["六宗"].change is None


def test_a_clause_of_only_a_share_and_the_way_it_went_is_that_change() -> None:
    # Taiwan's county comparisons: 则为N%的减少 / 则有N%的增加率 ends the clause with the way it went
    text = "較上年同期，甲縣則為12.5%的減少（人數減少6人），乙市則有8.1%的增加率（人數增加9人）。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["12.5%"].change, recs["12.5%"].basis) == ("down", "yoy")
    assert (recs["8.1%"].change, recs["8.1%"].basis) == ("up", "yoy")
    # the way said before more words of the clause is no change of the share alone
    recs = {r.text: r for r in extract_text("乙市則有8.1%的增加率較為明顯，其中6.2%的增加來自市區。")}
    assert recs["8.1%"].change is None
    assert recs["6.2%"].change is None
    # the size words (降幅, 增幅) and 出现 say the same: the share is the change and counts the subject
    text = "與上年同期相比，交通事故出現9.6%的降幅，火災起數有4.2%的增幅。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["9.6%"].change, recs["9.6%"].basis, recs["9.6%"].metric) == ("down", "yoy", "accidents")
    assert (recs["4.2%"].change, recs["4.2%"].basis) == ("up", "yoy")


def test_two_recorded_sizes_before_one_size_word_are_both_that_change() -> None:
    # 分别录得A及B的升幅: both sizes are rises, the first as well as the one right before 的升幅
    text = "上半年，縱火及非禮案分別錄得兩倍及百分之十二的升幅；車內盜竊和搶掠錄得3.5%和8%的跌幅。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["兩倍"].change == "up"
    assert recs["百分之十二"].change == "up"
    assert recs["3.5%"].change == "down"
    assert recs["8%"].change == "down"
    # counts in a pair before a size word are no sizes of it
    text = "上半年，縱火及非禮案分別錄得40宗及12宗的升幅較大的個案。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["40宗"].change is None


def test_a_count_after_or_restates_the_change_before_it() -> None:
    # 下降X%或N宗: the count after 或 is the same fall, given as cases
    text = "去年全港罪案輕微上升1.8%或1 200宗；暴力罪案按年減少百分之三點一或三百宗。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["1 200宗"].change == "up"
    assert recs["三百宗"].change == "down"
    # 或 after a share that is no change: the count is no change either
    text = "青少年佔被捕人數的12%或300人。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["300人"].change is None


def test_a_force_named_right_after_a_verb_that_sends_it_is_police_deployed() -> None:
    """出动N名交警: the verb before the count and the police word after it name the force sent out."""
    text = "夜查中共出动85名巡警、12台警车，又调派30名民辅警；另有村里组织的40名志愿者，派出所有民警16名。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["85名"].metric == "police_deployed"
    assert recs["30名"].metric == "police_deployed"
    assert recs["12台"].metric == "vehicles_deployed"
    # no police word after the count, or no sending verb before it: nothing sent out
    assert recs["40名"].metric != "police_deployed"
    assert recs["16名"].metric != "police_deployed"


def test_teams_set_up_after_a_station_in_the_same_list_are_no_stations() -> None:
    """新建N个警务室，组建M支巡防队: the team noun after the count decides, not the list's stations."""
    text = "全镇新建12个“村级警务室”，又组建7支“平安巡防队”，成立3个交警中队。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["12个"].metric == "stations_built"
    assert recs["7支"].metric == "other"
    assert recs["3个"].metric == "stations_built"


def test_people_joined_by_a_comma_to_a_change_of_events_change_with_them() -> None:
    """同比增加4起,27人: a bulletin's change of the events and of their dead, typed with a comma."""
    recs = {r.text: r for r in extract_text("桥梁工程发生7起,死亡52人,同比增加4起,27人;其余行业未发生。")}
    assert (recs["27人"].change, recs["27人"].basis) == ("up", "yoy")
    recs = {r.text: r for r in extract_text("同比增加4起,27人受伤。")}
    assert recs["27人"].change is None  # the people open a clause of their own


def test_people_paired_with_a_change_of_events_count_the_casualty_of_their_sentence() -> None:
    """…死亡和下落不明14人，同比持平；环比增加2起、9人: the 9 are a change of the dead, as 14人 is dead."""
    text = (
        "四、水路运输发生5起、死亡和下落不明14人,同比持平;环比增加2起、9人。"
        "五、铁路运输发生3起、死亡8人,环比事故起数减少1起、人数增加4人。"
    )
    recs = {(r.text, r.start): r for r in extract_text(text)}
    got = [(t, r.metric, r.change) for (t, _), r in recs.items() if t in ("9人", "4人")]
    assert got == [("9人", "deaths", "up"), ("4人", "deaths", "up")]


def test_a_bare_qishu_after_the_basis_counts_what_the_paragraph_counted() -> None:
    """火灾…，同比起数增加N起: the fires' count, not crashes; in a crash summary, the crashes'."""
    recs = {r.text: r for r in extract_text("全县发生火灾86起,死亡3人,同比起数增加9起,死亡人数减少1人。")}
    assert recs["9起"].metric == "other"
    recs = {r.text: r for r in extract_text("全县发生交通事故86起,死亡3人,同比起数增加9起。")}
    assert recs["9起"].metric == "accidents"


def test_a_crash_named_as_a_kind_in_a_list_of_cases_is_a_case() -> None:
    """发生刑事案件48起，其中…交通肇事4起: the crime of causing a crash, a case like the others."""
    text = "1972年,全县发生刑事案件48起,其中盗窃30起,交通肇事4起,重大责任事故3起,伤害11起。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["4起"].metric, recs["3起"].metric) == ("crimes_reported", "crimes_reported")
    recs = {r.text: r for r in extract_text("全县发生交通事故48起,其中肇事逃逸4起。")}
    assert recs["4起"].metric == "accidents"  # a kind of crash under crashes stays one


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two kinds named in one list: offences in general, not the kind of the count before
        (
            "夜查共查处醉驾违法行为6起，查处超速、酒驾交通违法行为21起",
            ["drunk_driving", "violations_handled"],
        ),
        # drink and drunk driving are one kind; overloading twice is one kind
        ("夜查共查处酒驾、醉驾交通违法行为21起", ["drink_driving"]),
        ("夜查共查处超员、超载交通违法行为21起", ["overloading"]),
    ],
)
def test_a_list_of_offences_of_two_kinds_counts_offences_in_general(text: str, expected: list[str]) -> None:
    assert [r.metric for r in extract_text(text)] == expected


def test_a_fire_call_kind_after_a_lead_in_word_is_a_call_and_a_flood_rescue_is_not() -> None:
    text = "支队接警出动5300起，其中，火灾扑救2100起，此外抢险救援1700起、社会救助900起；参与抗洪抢险救援60起"
    got = {r.text: r.metric for r in extract_text(text)}
    assert got["1700起"] == got["900起"] == "incidents_received"
    assert got["60起"] == "escort_cases"


def test_a_bare_verb_said_again_does_not_hide_the_offence_named_before_it() -> None:
    # 取締 of the first count repeats only the verb: the later total still counts the offence the
    # sentence opened with, though a count of operations stands between
    text = (
        "大隊加強取締酒後駕車，上週六即取締8件，今年累計規劃專案40場次，共計取締512件，較去年同期增加31件。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["8件"].metric == "drink_driving"
    assert recs["512件"].metric == "drink_driving"
    assert recs["31件"].metric == "drink_driving"
    assert recs["40場次"].metric == "campaigns_conducted"


def test_a_two_character_verb_before_wei_gives_the_new_level_not_the_change() -> None:
    records = extract_text("今年查获二级毒品案件增加为31件，窃盗案减少为9件，诈骗案增加了4件")
    changes = {r.text: r.change for r in records}
    assert changes == {"31件": None, "9件": None, "4件": "up"}


def test_bare_kinds_of_case_under_the_calls_a_110_desk_took_are_calls() -> None:
    """其中刑事案件N起，治安M起 under the calls a 110 desk took: calls of that kind, not crimes on record."""
    text = "上月全市110共受理有效报警和求助5120起，其中刑事案件96起，治安案件203起，求助1750起。"
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].metric for t in ("96起", "203起", "1750起")] == ["incidents_received"] * 3
    assert [recs[t].parent for t in ("96起", "203起", "1750起")] == ["5120起"] * 3
    # cases the police solved stay cases solved
    assert extract_text("破获刑事案件96起")[0].metric == "cases_solved"


def test_a_kind_of_case_in_a_tally_is_no_bare_verb_and_keeps_the_list_verb() -> None:
    # 查獲 opens the tally once; a later item's kind of case (竊盜案) is no verb to join to the
    # drink-driving item before it, so its cases stay solved and its people caught
    text = "分局週末查獲通緝5件4人、酒駕公危3件3人、竊盜案6件7人及一般刑案2件3人。"
    got = [(r.text, r.metric) for r in extract_text(text)]
    assert got == [
        ("5件", "cases_solved"),
        ("4人", "suspects_arrested"),
        ("3件", "drunk_driving"),
        ("3人", "drunk_driving"),
        ("6件", "cases_solved"),
        ("7人", "suspects_arrested"),
        ("2件", "cases_solved"),
        ("3人", "suspects_arrested"),
    ]


def test_a_bare_intake_after_the_crime_taken_in_counts_cases_filed() -> None:
    # a dashboard names the crime once, then only 受理 month by month with the losses between; a
    # topic clause naming the crime does the same; a hotline's bare 受理 stays its own
    text = "去年5月受理竊盜860件、財損2億元，今年5月受理790件、財損1.6億元。某縣詐欺案，今年以來受理412件。"
    got = {r.text: r.metric for r in extract_text(text)}
    assert got["860件"] == got["790件"] == got["412件"] == "cases_filed"
    assert extract_text("市民熱線本月受理1.2萬件")[0].metric == "hotline_cases"


def test_a_bare_verb_with_its_count_name_after_a_broken_down_total_counts_the_total_offence() -> None:
    # 取締件數 names the verb's own count; the 其中 parts (the criminal ones) only break the total
    # down, so last year's count and its rise are of the total's drink driving
    text = "本週取締酒駕19件，其中公共危險罪12件，上年同期取締件數為10件，增加90％。"
    got = {r.text: r.metric for r in extract_text(text)}
    assert got == {
        "19件": "drink_driving",
        "12件": "drunk_driving",
        "10件": "drink_driving",
        "90％": "drink_driving",
    }


def test_a_change_named_only_by_its_measure_is_of_the_count_said_in_that_measure() -> None:
    # 件數 and 損失 name only the measure: past the money between, the cases are the fraud cases taken
    # in and the loss is what they cost
    text = "統計顯示，上月受理詐欺案件318件、財損金額約4千萬元，與前月相比件數減少27件、損失減少96萬餘元。"
    got = {r.text: r.metric for r in extract_text(text)}
    assert got["27件"] == got["318件"] == "cases_filed"
    assert got["96萬餘元"] == got["約4千萬元"] == "amount_involved"
    # with no count of cases before it in its sentence, a bare 件數 names nothing
    alone = "上月詐欺財損金額約4千萬元，與前月相比件數減少27件。"
    assert {r.text: r.metric for r in extract_text(alone)}["27件"] == "other"


def test_a_quoted_kind_in_a_list_is_counted_as_the_kind_before_it() -> None:
    # a statistics office quotes its categories: each quoted kind is a crime, as the one before it
    text = "其中「盜竊」及「詐騙」分別下降4.6%及8.2%。"
    assert [r.metric for r in extract_text(text)] == ["crimes_reported"] * 2
    # a bare measure after a kind is no kind: the losses are not injuries
    measures = "与上年相比，亡人数、伤者和损失分别减少9%、30.5%和12.1%。"
    assert [r.metric for r in extract_text(measures)] == ["deaths", "injuries", "other"]


def test_an_item_that_says_its_booking_verb_again_keeps_its_own_offence() -> None:
    # the item in 件 after the people of the drink drivers says 取締 again: red lights, not drink driving
    text = "取締酒醉駕車違規二十三件移送法辦八人、取締闖紅燈四十四件。"
    got = {r.text: r.metric for r in extract_text(text)}
    assert got["二十三件"] == "drink_driving"
    assert got["四十四件"] == "violations_handled"


def test_a_quoted_kind_said_with_its_change_alone_counts_what_the_quoted_kinds_before_it_count() -> None:
    # a statistics office's quoted kinds of crime, the later ones said with only their change
    text = (
        "「侵犯財產罪」組別有3,960宗，同比上升8.1%，其中「信用詐騙」有290宗，同比減少6%；"
        "「非法賭博」亦減少11.5%。「不法經營」增加4.2%；「盜用身份」減少30%。"
    )
    got = {r.text: r.metric for r in extract_text(text)}
    assert [got[t] for t in ("11.5%", "4.2%", "30%")] == ["crimes_reported"] * 3
    # with no quoted kind counted before in its paragraph, a quoted change names nothing
    alone = "本季「不法經營」增加4.2%；「盜用身份」減少30%。"
    assert {r.metric for r in extract_text(alone)} == {"other"}


def test_the_topic_opening_a_sentence_names_the_kinds_of_a_fenbie_list_under_it() -> None:
    # kinds of fraud no cue knows, listed under the calls the sentence opens with: calls
    text = "多发警情方面，冒充客服诈骗、游戏交易诈骗、刷单诈骗分别以26起、22起、15起居前三位。"
    assert [r.metric for r in extract_text(text)] == ["incidents_received"] * 3
    # a topic that names nothing known leaves them unnamed
    vague = "突出问题方面，冒充客服诈骗、游戏交易诈骗、刷单诈骗分别以26起、22起、15起居前三位。"
    assert {r.metric for r in extract_text(vague)} == {"other"}


def test_the_topic_opening_a_sentence_names_its_list_and_the_bare_total_closing_it() -> None:
    # the kinds of service no cue knows and the total says only 共: the topic says what they count
    text = "在便民服務方面，保護存提款安全四件、協尋走失老人三件、民眾外出申請安全維護六十件，共六十七件。"
    recs = extract_text(text)
    assert [r.metric for r in recs] == ["services_provided"] * 4
    assert [r.parent for r in recs[:3]] == ["六十七件"] * 3
    # a topic that names nothing known leaves them as they were
    vague = "在其他工作方面，保護存提款安全四件、協尋走失老人三件、民眾外出申請安全維護六十件，共六十七件。"
    assert {r.metric for r in extract_text(vague)} == {"other"}


def test_a_bare_change_after_a_count_in_another_measure_is_of_the_count_in_its_own() -> None:
    # the 4 more are crashes, of the count in 起 before the dead, not of the dead
    text = "上月全市發生較大事故17起、死亡63人，同比增加4起。"
    got = {r.text: r.metric for r in extract_text(text)}
    assert got["4起"] == got["17起"] == "accidents"
    # a change in the dead's own measure stays theirs
    people = "上月全市發生較大事故17起、死亡63人，同比增加4人。"
    assert {r.text: r.metric for r in extract_text(people)}["4人"] == "deaths"


def test_a_work_safety_bulletins_accidents_are_at_work_but_its_road_line() -> None:
    # three trades or more name a work-safety bulletin: its bare 事故 are accidents at work; the road's
    # own line and the change after its semicolon stay road crashes
    text = (
        "本月發生較大事故19起、死亡71人，同比增加4起。\n"
        "1.煤礦發生2起、死亡9人，同比減少1起。\n"
        "2.建築施工發生3起、死亡10人。\n"
        "3.道路交通發生11起、死亡40人，同比增加2起；環比事故起數增加1起。\n"
        "4.漁業船舶發生3起、死亡12人。\n"
    )
    got = [(r.text, r.metric) for r in extract_text(text) if r.unit == "起"]
    assert got == [
        ("19起", "other"),
        ("4起", "other"),
        ("2起", "other"),
        ("1起", "other"),
        ("3起", "other"),
        ("11起", "accidents"),
        ("2起", "accidents"),
        ("1起", "accidents"),
        ("3起", "other"),
    ]
    # a road report that names one trade in passing keeps its crashes
    road = "全市發生較大事故19起，其中涉及建築施工車輛的2起。"
    assert {r.text: r.metric for r in extract_text(road)}["19起"] == "accidents"


def test_a_rankings_place_before_its_count_reads_what_the_clause_before_ranked() -> None:
    # 首位是…, 之后是…: the places are the ranked items, the clause before says what was counted
    text = "上半年事故最多的路段統計顯示，首位是北環大道八十六宗，之後是濱海大橋六十一宗、機場大馬路四十宗。"
    assert [r.metric for r in extract_text(text)] == ["accidents"] * 3
    # a ranked item that names its own kind keeps it
    kinds = "全年警情中，首位是盗窃案件98起，其次是纠纷求助76起。"
    assert {r.text: r.metric for r in extract_text(kinds)}["98起"] == "crimes_reported"


def test_kinds_with_their_counts_in_brackets_past_a_semicolon_count_what_the_total_counts() -> None:
    # a statistics bureau's kinds in brackets after a semicolon: the stock's kinds
    text = (
        "至6月底註冊機動車共238,500輛,按年減少2.1%;"
        "重型電單車(93,100輛)及小型汽車(105,200輛)分別下跌1.2%及2.0%。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert {recs[t].metric for t in ("93,100輛", "105,200輛", "1.2%")} == {"vehicle_stock"}
    # and they are parts of the stock before the semicolon
    assert recs["93,100輛"].parent == recs["105,200輛"].parent == "238,500輛"
    # clauses that merely follow one another, with no brackets, count things of their own
    plain = "全年建成警务室12个，同比增加3个；安装监控探头80个。"
    assert {r.text: r.metric for r in extract_text(plain)}["80个"] != "stations_built"


def test_a_pair_of_counts_named_by_bare_nouns_shares_the_predicate_after_the_second() -> None:
    # 为N名A及M名B办理…: the words after the second count say what both count
    text = "中队民警为40名村民及11名务工人员办理摩托车驾驶证报考，另查获6名吸毒人员和2名涉毒嫌疑人。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["40名"].metric == recs["11名"].metric == "licenses_processed"
    assert recs["6名"].metric == "other"  # a noun that names its own kind keeps it


def test_bare_offenders_closing_a_sentence_of_road_offences_are_its_drivers() -> None:
    # after road offences in the same sentence, 处罚违法人员 counts their drivers
    text = (
        "夜查中共查处交通违法行为860起，其中酒后驾驶41起，累计处罚违法人员860人。今年查处各类违法人员120人。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert recs["860人"].metric == "violations_handled"
    assert recs["120人"].metric == "other"  # said alone: public-order offenders


def test_a_bracketed_figure_after_a_change_or_a_compared_period() -> None:
    # the same change said again to the decimal in brackets, in the same unit: that change, no part
    text = (
        "上半年查獲毒品達五百公斤，較去年同期增加近一百公斤（九十八點五公斤）。"
        "其中第一級毒品八十公斤，較去年同期（一百二十公斤）減少四十公斤。"
    )
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["九十八點五公斤"].change, recs["九十八點五公斤"].basis) == ("up", "yoy")
    assert recs["九十八點五公斤"].parent is None
    # a figure alone in brackets right after the period compared with is that period's: a baseline
    assert recs["一百二十公斤"].role == "baseline"
    assert recs["一百二十公斤"].parent is None
    assert recs["八十公斤"].parent == "五百公斤"
    # a signed figure there stays a change
    recs = {r.text: r for r in extract_text("全港录得罪案29,542宗，较去年同期(+3.88%)。")}
    assert recs["+3.88%"].change == "up"
    assert recs["+3.88%"].role == "current"


def test_a_list_of_changes_without_fenbie_keeps_a_place_for_an_item_that_did_not_change() -> None:
    """…事故9起、死亡4人、受伤7人，同比下降10%、25%、持平: the 25% is of the dead, not of the injured."""
    text = "本季度全区发生安全事故9起、死亡4人、受伤7人，同比下降10%、25%、持平。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["25%"].metric == "deaths"
    assert (recs["25%"].change, recs["25%"].basis) == ("down", "yoy")
    # said again after the changes in counts: each % takes the place of its count's change
    text = "全区发生事故9起、死亡4人、受伤7人，比上年同期减少3起、2人、0人，同比下降25%、33.3%、持平。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["33.3%"].metric == "deaths"


def test_people_after_a_change_of_events_and_a_comma_are_that_change_of_the_dead() -> None:
    """减少1起，2人: a bulletin's comma pairs the dead with the events as 、 does."""
    text = "全县建筑行业发生事故3起、死亡3人，比上年同期减少1起，2人。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["2人"].metric == "deaths"
    assert recs["2人"].change == "down"
    # words of their own after the people still say what they are
    text = "全县建筑行业发生事故3起、死亡3人，比上年同期减少1起，2人受伤。"
    assert {r.text: r for r in extract_text(text)}["2人"].metric == "injuries"


def test_a_bracketed_aside_between_a_basis_and_its_changes() -> None:
    text = (
        "全县共发生火灾31起，与去年同期相比（去年同期共发生火灾44起[其中城关镇19起、河口乡8起、"
        "西坪镇6起、东岭乡5起]，无人员伤亡，直接财产损失1805200元），起数下降29.5%，损失下降41.2%。"
    )
    changes = [(r.text, r.change, r.basis) for r in extract_text(text) if r.unit == "%"]
    assert changes == [("29.5%", "down", "yoy"), ("41.2%", "down", "yoy")]


def test_a_count_bracketed_after_a_percent_change_is_the_same_change() -> None:
    """增幅達12.4%(90宗): the bracket says the rise again in cases, no part of the count before."""
    records = {
        r.text: r
        for r in extract_text("今年首季店舖盜竊增至820宗，按年增幅達12.4%（90宗），非禮案有45宗（佔3.1%）。")
    }
    assert (records["90宗"].change, records["90宗"].basis, records["90宗"].parent) == ("up", "yoy", None)
    assert records["45宗"].change is None
    assert records["3.1%"].change is None


def test_a_catch_verb_with_a_total_word_before_a_count_of_cases_counts_cases_solved() -> None:
    """關員查獲共N宗私煙案件: the 共 between the verb and the count leaves them caught, so solved."""
    records = {
        r.text: r.metric for r in extract_text("去年關員查獲共312宗私煙案件，又查获合共27件毒品案件。")
    }
    assert records == {"312宗": "cases_solved", "27件": "cases_solved"}


def test_a_dot_inside_a_weight_written_digit_by_digit_is_its_decimal_point() -> None:
    records = {r.text: (r.value, r.unit) for r in extract_text("本月緝獲大麻二五·四公斤、菸絲一二·六公噸。")}
    assert records == {"二五·四公斤": (25.4, "公斤"), "一二·六公噸": (12.6, "公吨")}


def test_a_vehicle_named_by_its_seats_counts_no_people() -> None:
    records = [r.text for r in extract_text("警方截查一輛七人車，車上有乘客5人。")]
    assert records == ["5人"]


def test_a_count_after_a_share_of_the_events_counts_the_events() -> None:
    """事故120起，85%以上的事故集中在城区，郊区只发生15起: the share between leaves the 15 crashes."""
    text = "夜间共发生伤亡事故120起，85%以上的事故集中在城区，郊区路段只发生15起。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["85%以上"].metric == "rate_other"
    assert recs["15起"].metric == "accidents"
    # a share after a count of another unit leaves the count after it to its own words
    text = "共走访群众300人，满意率98%，发放资料500份。"
    assert {r.text: r for r in extract_text(text)}["500份"].metric == "materials_distributed"


def test_a_respectively_list_opening_on_no_change_after_a_bracket_keeps_its_place() -> None:
    """…受伤2人）分别持平、上升50%、下降20%: the words of the 50% stop at the 、, its 分别 stands before."""
    text = (
        "本季度全镇火灾事故8起、死亡3人、受伤5人，三项指标同比（火灾8起、死亡2人、受伤6人）"
        "分别持平、上升50%、下降16.7%。"
    )
    records = {r.text: r for r in extract_text(text)}
    assert (records["50%"].metric, records["50%"].change) == ("deaths", "up")
    assert (records["16.7%"].metric, records["16.7%"].change) == ("injuries", "down")


def test_counts_in_a_bracket_right_after_a_basis_are_the_other_periods() -> None:
    """同比（事故9起、死亡2人）…: last year's counts, figures with no change and parts of nothing."""
    text = (
        "本月全县发生各类事故12起、死亡4人，同比（事故9起、死亡2人）分别上升33.3%、100%，"
        "环比11月（15起）起数下降20%。其中，道路交通事故7起、死亡3人。"
    )
    records = {(r.text, r.start): r for r in extract_text(text)}
    bracketed = [r for (t, _), r in records.items() if t in ("9起", "2人", "15起")]
    assert [(r.change, r.parent) for r in bracketed] == [(None, None)] * 3
    parts = {r.text: r.parent for r in records.values() if r.text in ("7起", "3人")}
    assert parts == {"7起": "12起", "3人": "4人"}


def test_a_change_against_the_year_before_last_has_no_basis() -> None:
    """同比去年…上升a%，同比前年…下降b%: the second compares with two years back, no year-on-year."""
    text = "本月全区发生火警40起，同比去年（32起）上升25%，同比前年（50起）下降20%；环比上月下降10%。"
    changes = {r.text: (r.change, r.basis) for r in extract_text(text) if r.unit == "%"}
    assert changes == {"25%": ("up", "yoy"), "20%": ("down", None), "10%": ("down", "mom")}
    # a year compared with the year before, said as 比前年 in a report early in the new year, stays yoy
    assert [r.basis for r in extract_text("过去一年全市死亡人数比前年减少6人。")] == ["yoy"]


def test_two_changes_after_a_crash_tallys_three_counts_are_the_events_and_the_dead() -> None:
    """事故a起、死亡b人、受伤c人，同比分别下降x%、y%: the bulletin leaves its last index (the hurt) out."""
    text = "上季度全区共发生生产安全事故26起、死亡11人、受伤8人，同比分别下降6.4%、15.4%。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["6.4%"].metric, recs["15.4%"].metric) == (recs["26起"].metric, "deaths")
    # three changes for the three: each its own
    text = "上季度全区共发生生产安全事故26起、死亡11人、受伤8人，同比分别下降6.4%、15.4%、20%。"
    recs = {r.text: r for r in extract_text(text)}
    assert [recs[t].metric for t in ("15.4%", "20%")] == ["deaths", "injuries"]
    # 造成 makes the dead and the hurt a clause of their own: the two changes are theirs
    text = "上季度全区共发生较大事故5起，造成死亡11人、受伤8人，分别同比下降7.1%、15.4%。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["7.1%"].metric, recs["15.4%"].metric) == ("deaths", "injuries")
    # people counts that are no crash tally's dead and hurt keep the nearest pairing
    text = "全县查处违法行为900起，拘留30人，罚款15人，同比分别上升7.1%、15.4%。"
    recs = {r.text: r for r in extract_text(text)}
    assert recs["7.1%"].metric == recs["30人"].metric


def test_a_part_named_by_an_offence_under_a_count_of_crashes_counts_crashes() -> None:
    # the offence says what the crashes had in common; offences dealt with stay offences
    text = "全年发生涉及摩托车的事故52起，其中驾乘人员未戴安全头盔的35起，因超速引发的8起。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["35起"].metric, recs["35起"].parent) == ("accidents", "52起")
    assert recs["8起"].metric == "accidents"
    recs = {r.text: r for r in extract_text("全年查处交通违法5200起，其中未戴安全头盔的1800起。")}
    assert recs["1800起"].metric == "helmet_violations"


def test_a_base_year_clause_with_no_noun_counts_what_the_clause_before_names() -> None:
    """…警情连续下降，尤其是比2015年的N起下降了x%: the comparison names no noun; the clause before does."""
    text = "全县盗抢类警情连续三年减少，尤其是比2015年的860起下降了42.5%。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["860起"].metric, recs["42.5%"].metric) == ("incidents_received", "incidents_received")
    assert (recs["860起"].role, recs["42.5%"].change) == ("baseline", "down")
    # said with 较 and last year's same period, the base is last year's and the change is year-on-year
    text = "全区交通事故持续下降，较去年同期的310起减少了15%。"
    recs = {r.text: r for r in extract_text(text)}
    assert (recs["310起"].metric, recs["15%"].metric, recs["15%"].basis) == ("accidents", "accidents", "yoy")


def test_a_comma_left_after_a_full_stop_leaves_the_indices_list_its_counts() -> None:
    """…万元。，四项指数分别下降…: the stray comma opens nothing; the list still changes the counts before."""
    text = (
        "本季全县发生火灾120起，死亡3人，受伤5人，直接财产损失40万元。，"
        "四项指数分别下降11.5%、25.2%、30.6%和42.1%。"
    )
    metrics = {r.text: r.metric for r in extract_text(text)}
    assert (metrics["25.2%"], metrics["30.6%"]) == ("deaths", "injuries")
