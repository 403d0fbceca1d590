"""Forms of figures that earlier rounds left wrong: currencies before the number, basis points,
prices per unit, superscripts in HTML, 队次, race distances and shares written as fractions.

Each test runs the whole engine on a sentence of the genre and checks the records a reader
would put in a spreadsheet, including where each figure stands in the source.
"""

from __future__ import annotations

from statx import extract_text
from statx.records import Record
from statx.rules import RuleSet
from tests.readings import parents_of


def _figures(text: str, rules: RuleSet) -> list[tuple[str, int | float, str, str]]:
    records = extract_text(text, rules=rules)
    for rec in records:
        assert text[rec.start : rec.end] == rec.text
    return [(r.text, r.value, r.unit, r.qualifier) for r in records]


def _by_text(text: str, rules: RuleSet) -> dict[str, Record]:
    return {r.text: r for r in extract_text(text, rules=rules)}


def test_a_qualifier_before_a_currency_name_qualifies_the_figure(rules: RuleSet) -> None:
    text = "为群众挽回损失约新臺幣38億元，引进外资约人民币5.6亿元，超过港币500万元，逾人民币二千万元。"
    assert _figures(text, rules) == [
        ("约新臺幣38億元", 3800000000, "新台币", "about"),
        ("约人民币5.6亿元", 560000000, "元", "about"),
        ("超过港币500万元", 5000000, "港元", "over"),
        ("逾人民币二千万元", 20000000, "元", "over"),
    ]


def test_a_currency_name_before_the_number_gives_the_unit_without_widening_the_text(rules: RuleSet) -> None:
    text = "交通部今年将投入新臺幣3億5千萬元推动道安改善，另拨人民币1260万元。"
    assert _figures(text, rules) == [
        ("3億5千萬元", 350000000, "新台币", "exact"),
        ("1260万元", 12600000, "元", "exact"),
    ]


def test_a_currency_said_once_before_joined_amounts_holds_for_each(rules: RuleSet) -> None:
    # 新臺幣A元及B元: the currency is said once for the amounts a join ties to the first
    text = "縣府爭取新臺幣150萬元、90萬元及45萬元經費，另撥給村里30萬元。"
    assert _figures(text, rules) == [
        ("150萬元", 1500000, "新台币", "exact"),
        ("90萬元", 900000, "新台币", "exact"),
        ("45萬元", 450000, "新台币", "exact"),
        ("30萬元", 300000, "元", "exact"),
    ]


def test_basis_points_written_bp_are_a_change(rules: RuleSet) -> None:
    found = _by_text("一年期贷款市场报价利率下调10BP，五年期以上上调25bps，4G基站建成12个。", rules)
    assert (found["10BP"].value, found["10BP"].unit, found["10BP"].change) == (10, "基点", "down")
    assert (found["25bps"].value, found["25bps"].unit, found["25bps"].change) == (25, "基点", "up")
    assert "4G" not in "".join(found)  # an id stays an id


def test_a_price_or_a_rate_keeps_its_denominator(rules: RuleSet) -> None:
    text = (
        "新建商品住宅均价12000元/平方米，钢材价格4500元/吨，土地流转费0.12万元/亩，"
        "高峰时段平均时速32公里/小时，日均接警239起/天。"
    )
    assert _figures(text, rules) == [
        ("12000元/平方米", 12000, "元/平方米", "exact"),
        ("4500元/吨", 4500, "元/吨", "exact"),
        ("0.12万元/亩", 1200, "元/亩", "exact"),
        ("32公里/小时", 32, "公里/小时", "exact"),
        ("239起", 239, "起", "exact"),  # a count per day keeps the count's unit (SPEC)
    ]


def test_a_speed_limit_is_still_no_figure(rules: RuleSet) -> None:
    assert _figures("该路段限速60公里/小时，时速不超过40公里。", rules) == []


def test_superscripts_in_html_never_join_the_number(rules: RuleSet) -> None:
    html = (
        "<html><body><p>新建警务用房面积100m<sup>2</sup>，全市共有学校120<sup>1</sup>所，"
        "涉案金额1.2亿元<sup>[2]</sup>，面积3.5×10<sup>4</sup>平方米，"
        "PM<sub>2.5</sub>平均浓度32微克/立方米。</p></body></html>"
    )
    records = extract_text(html, rules=rules)
    assert [(r.value, r.unit) for r in records] == [
        (100, "平方米"),
        (120, "所"),
        (120000000, "元"),
        (32, "微克/立方米"),
    ]
    assert [html[r.start : r.end] for r in records] == [r.text for r in records]
    assert records[1].text == "120<sup>1</sup>所"  # the footnote marker is skipped, not read


def test_team_sorties_are_counted_in_dui_ci(rules: RuleSet) -> None:
    assert _figures("出动巡逻队伍120队次，警力3000余人次。", rules) == [
        ("120队次", 120, "队次", "exact"),
        ("3000余人次", 3000, "人次", "over"),
    ]


def test_a_race_category_is_no_figure_but_its_runners_are(rules: RuleSet) -> None:
    text = (
        "本次赛事设42.195公里全程马拉松、半程21.0975公里和5公里健康跑三个项目，"
        "共吸引3万名选手参赛，新建线路全程58公里。"
    )
    assert _figures(text, rules) == [
        ("三个", 3, "个", "exact"),
        ("3万名", 30000, "名", "exact"),
        ("58公里", 58, "公里", "exact"),
    ]


def test_shares_written_as_fractions_are_percent_and_never_dates(rules: RuleSet) -> None:
    text = "全村有1/3的农户种植茶叶，三分之一的群众参加培训，五分之二的村实现增收，完成全年任务的2/3。"
    assert _figures(text, rules) == [
        ("1/3", 33.33, "%", "exact"),
        ("三分之一", 33.33, "%", "exact"),
        ("五分之二", 40, "%", "exact"),
        ("2/3", 66.67, "%", "exact"),
    ]
    assert _figures("新规自1/3起施行，2024/1/3发布，比分3/2，1/3号楼。", rules) == []


def test_doubling_idioms_give_no_count(rules: RuleSet) -> None:
    assert _figures("粮食产量翻一番，工业产值翻了两番，营业收入增长1倍，是去年的2.3倍。", rules) == [
        ("1倍", 1, "倍", "exact"),
        ("2.3倍", 2.3, "倍", "exact"),
    ]


def test_messages_sent_are_counted_in_tiao_ci(rules: RuleSet) -> None:
    # 条次 (messages, one each time shown) is one measure word, not 条 with a stray 次
    assert _figures("在电子显示屏滚动发布提示信息2.3万条次，推送短信1200万条。", rules) == [
        ("2.3万条次", 23000, "条次", "exact"),
        ("1200万条", 12000000, "条", "exact"),
    ]


def test_items_published_are_counted_in_pian_ci(rules: RuleSet) -> None:
    # 篇次 (a story counted each time it ran) is one measure word, not 篇 with a stray 次
    assert _figures("在报刊网站刊发防骗稿件二十七篇次，编印简报9篇。", rules) == [
        ("二十七篇次", 27, "篇次", "exact"),
        ("9篇", 9, "篇", "exact"),
    ]


def test_papers_issued_are_counted_in_zheng_ci(rules: RuleSet) -> None:
    # 证次 (a paper counted each time it is issued) is one measure word; 证 alone is none (三证合一
    # stays a slogan), and 本次 after a number still counts documents
    assert _figures("假期出入境窗口签发证照1350证次，换发身份证80张，出入境证件本次共计40本次。", rules) == [
        ("1350证次", 1350, "证次", "exact"),
        ("80张", 80, "张", "exact"),
        ("40本次", 40, "本次", "exact"),
    ]
    assert _figures("办理证照三十证次，推行三证合一", rules) == [("三十证次", 30, "证次", "exact")]


def test_documents_counted_as_books_and_cards_keep_the_bracket_in_the_figure(rules: RuleSet) -> None:
    # 本（张）: exit-entry documents counted together; the bracket is part of the measure word,
    # not the start of a label for the next figure
    text = "全市共签发出入境证件23.4万本（张），同比增长35%；受理申请8000本(件)。"
    assert _figures(text, rules) == [
        ("23.4万本（张）", 234000, "本", "exact"),
        ("35%", 35, "%", "exact"),
        ("8000本(件)", 8000, "本", "exact"),
    ]
    assert _by_text(text, rules)["35%"].label == "全市共签发出入境证件"


def test_a_share_of_a_count_named_by_its_thing_picks_the_count_that_names_it() -> None:
    """占举报量的14%: even a whole percent names its whole, the earlier count of 举报, past nearer counts."""
    text = (
        "全年受理群众举报2150件，比上年增加214件。共办结案件2085件。\n"
        "涉及虚假宣传的有302件，占举报量的14%；涉及无证经营的有258件，占举报量的12%。"
    )
    parents = parents_of(text)
    assert (parents["302件"], parents["258件"]) == ("2150件", "2150件")
    # a share of a 总量 names a stock or sum the report may never state: no whole is read from it
    text = "全年各窗口共办理车驾管业务52.4万笔。群众在网上办理业务30.9万笔，占业务总量的59%。"
    parents = parents_of(text)
    assert parents["30.9万笔"] is None


def test_a_pool_the_sentence_opens_with_lets_a_decimal_share_pick_its_whole() -> None:
    """在…中，…共N，占P%: the pool said first makes the count a part, as 其中 does, of the total P% fits."""
    text = (
        "截至年底，全市登记在册社区戒毒人员6420名，同比减少3.1%。\n"
        "今年新收治人员以男性为主。\n"
        "在登记在册的人员中，年满35岁的最多，共3716名，占57.9%。"
    )
    assert parents_of(text)["3716名"] == "6420名"
    # a share that fits no earlier total links nothing, pool or not
    text = "全市登记在册社区戒毒人员6420名。\n在登记在册的人员中，年满35岁的最多，共3716名，占41.2%。"
    assert parents_of(text)["3716名"] is None
    # nor does a time said as 在…中 with a digit in it
    text = "全市登记在册社区戒毒人员6420名。\n在3月行动中，共查获3716名，占57.9%。"
    assert parents_of(text)["3716名"] is None


def test_a_fall_above_all_from_digits_split_by_a_blank_reads_the_blank_as_a_lost_point() -> None:
    """分别下降12 3%和13 8%: nothing falls by more than all of it, so the blank was a decimal point."""
    recs = extract_text("本季度亡人事故、死亡人数同比分别下降12 3%和13 8%，而事故总量上升10 4%。")
    assert [(r.text, r.value, r.change) for r in recs] == [
        ("12 3%", 12.3, "down"),
        ("13 8%", 13.8, "down"),
        ("10 4%", 104, "up"),
    ]
    # a fall that fits under 100% keeps the blank a stray one inside the number
    assert [r.value for r in extract_text("全市刑事案件同比下降1 2.4%")] == [12.4]
