"""Regression scores on the probe articles (evaluation/probes): styles the seeds do not show."""

from __future__ import annotations

import json

import pytest

from statx import extract_paths, extract_text
from statx.rules import RuleSet
from tests.conftest import ROOT, score

PROBES = ROOT / "evaluation" / "probes"


def test_probe_articles_keep_their_scores(rules: RuleSet) -> None:
    rows = [json.loads(json.dumps(r.to_dict())) for r in extract_paths([PROBES / "articles"], rules=rules)]
    _, tot, misses, extras = score.score(PROBES / "gold", rows)
    _, _, f1 = score.prf(tot)
    assert f1 >= 0.95, (f1, misses, extras)
    assert tot["metric_ok"] / tot["metric_n"] >= 0.90, tot
    assert tot["change_ok"] == tot["change_n"], tot


# Sentences of the genre (work reports, bulletins, police and public-service news) that
# statx once got wrong: each names the figures it must give, with the fields that matter.
# Only the fields given are compared; `None` as the whole expectation means "no figure here".
PROBE_SENTENCES: list[tuple[str, str, dict[str, dict[str, object] | None]]] = [
    # a number ending in a service number (3120万 holds 120, 110万元) is still a figure
    (
        "service-number-inside",
        "旅客运输总量3120万人次，下降31.2%；投入资金110万元，拨打120急救",
        {"3120万人次": {"value": 31200000, "unit": "人次"}, "110万元": {"value": 1100000, "unit": "元"}},
    ),
    # 趟 (trips) is a measure word
    (
        "trips",
        "急救中心出车5.2万趟，开行公交班车3000趟次，群众最多跑一趟",
        {
            "5.2万趟": {"value": 52000, "unit": "趟", "metric": "vehicles_deployed"},
            "3000趟次": {"value": 3000, "unit": "趟次"},
            "一趟": None,
        },
    ),
    # the base of a rate and a service's reach are no population; a registered nurse no user
    (
        "health-workforce",
        "卫生技术人员4.28万人，其中注册护士1.92万人。每千人口执业医师3.2人。家庭医生签约服务覆盖人口186万人",
        {
            "1.92万人": {"metric": "other"},
            "3.2人": {"metric": "other"},
            "186万人": {"metric": "people_reached"},
        },
    ),
    (
        "population",
        "年末全市常住人口528.6万人，比上年末增加1.2万人",
        {"528.6万人": {"metric": "population"}, "1.2万人": {"metric": "population", "change": "up"}},
    ),
    # casualties (伤亡人数, 傷亡人數) go with the deaths, also after 交通事故
    (
        "casualties",
        "交通事故死傷人數較去年同期下降4.2%。全年交通事故伤亡人数同比下降10.1%，傷亡人數9,312人",
        {
            "4.2%": {"metric": "deaths", "change": "down", "basis": "yoy"},
            "10.1%": {"metric": "deaths", "change": "down", "basis": "yoy"},
            "9,312人": {"value": 9312, "metric": "deaths"},
        },
    ),
    # complaints received (受理投诉, 受理诉求) are hotline cases, not cases filed
    (
        "complaints-received",
        "受理消费者投诉举报4 812件。市12345热线受理群众诉求23.7万件。受理行政案件1200余起",
        {
            "4 812件": {"value": 4812, "metric": "hotline_cases"},
            "23.7万件": {"metric": "hotline_cases"},
            "1200余起": {"metric": "cases_filed"},
        },
    ),
    # Hong Kong counts offences in 宗; 骗案 is a kind of crime
    (
        "hk-cases",
        "警方共檢控酒後駕駛267宗。詐騙案共有19,283宗，當中網上騙案佔13,627宗",
        {
            "267宗": {"metric": "drink_driving"},
            "19,283宗": {"metric": "crimes_reported"},
            "13,627宗": {"metric": "crimes_reported", "parent": "19,283宗"},
        },
    ),
    # 上万名, 上千人次: a round magnitude passed is a figure, qualifier over; 成千上万 is not
    (
        "round-magnitude",
        "上万名群众参与“全民反诈”答题活动，投入资金上亿元，成千上万名群众",
        {
            "上万名": {"value": 10000, "unit": "名", "qualifier": "over"},
            "上亿元": {"value": 100000000, "unit": "元", "qualifier": "over"},
            "万名": None,
        },
    ),
    # a total of hours is a figure; a span of hours is not
    (
        "hours",
        "全市民警、辅警累计加班1.2万小时，实行24小时值守，72小时内办结",
        {"1.2万小时": {"value": 12000, "unit": "小时"}, "24小时": None, "72小时": None},
    ),
    # a figure set in Markdown bold reads as one
    (
        "markdown-bold",
        "全年共查处交通违法**58957**起，开展“双随机”抽查 **156** 次",
        {"58957**起": {"value": 58957, "unit": "起"}, "156** 次": {"value": 156, "unit": "次"}},
    ),
    # a line wrapped between a number and its magnitude
    (
        "wrapped-magnitude",
        "全年共办理业务1.2\n万笔，同比增长 12.3 %。",
        {"1.2\n万笔": {"value": 12000, "unit": "笔"}},
    ),
    # 家次 is one measure word (checks of units), not 家 with a stray 次
    (
        "visits-of-units",
        "开展消防安全检查，检查单位12.6万家次",
        {"12.6万家次": {"value": 126000, "unit": "家次"}},
    ),
    # fire engines and ambulances sent out are vehicles deployed
    (
        "fire-engines",
        "全年共接警出动14.8万次，出动指战员136万人次、消防车26.4万辆次",
        {"26.4万辆次": {"metric": "vehicles_deployed"}},
    ),
    # a signed change in running text keeps to its own clause; a narrowed decline is a change down
    (
        "signed-in-prose",
        "全市规模以上工业增加值增长-2.3%，降幅比上月收窄0.5个百分点。",
        {
            "-2.3%": {"value": 2.3, "change": "down", "basis": None},
            "0.5个百分点": {"change": "down", "basis": "mom"},
        },
    ),
    # consumer prices and incomes of residents (居民消费价格, 居民人均) are no population
    (
        "resident-prices",
        "居民消费价格指数（CPI）上涨1.8%，其中食品价格上涨3.2%。城镇居民人均可支配收入增长5.1%",
        {"1.8%": {"metric": "other"}, "3.2%": {"metric": "other"}, "5.1%": {"metric": "other"}},
    ),
    # seizures: grams (克) and pieces (把) are measure words; 命案 are crimes
    (
        "seizures",
        "查获毒品海洛因1.2千克、冰毒350克，收缴枪支3支、管制刀具126把。全市发生命案5起，单位一把手",
        {
            "350克": {"value": 350, "unit": "克"},
            "126把": {"value": 126, "unit": "把"},
            "5起": {"metric": "crimes_reported"},
            "一把": None,
        },
    ),
    # a clause that only reports (上半年录得) counts what an earlier clause of its sentence named
    (
        "earlier-clause-names-it",
        "盗窃案仍是最常见的罪案类别，首季共录得8 412宗，按年增加12.5%。暴力罪案方面，全年录得3 905宗。",
        {
            "8 412宗": {"metric": "crimes_reported"},
            "12.5%": {"metric": "crimes_reported", "change": "up", "basis": "yoy"},
            "3 905宗": {"metric": "crimes_reported"},
        },
    ),
    # ... but not when the figure's own clause names its thing, however unknown (惩戒对象); a kind of
    # violation with no key of its own (疲劳驾驶) is a violation, not the earlier clause's overloading
    (
        "earlier-clause-not-read",
        "对参与帮信犯罪的人员，依法惩戒“断卡”对象2100人。针对超员超载违法，疲劳驾驶8600余起。",
        {"2100人": {"metric": "other"}, "8600余起": {"metric": "violations_handled"}},
    ),
    # banners (面) and letters (封) received are counted; 面 in idioms is no measure word
    (
        "banners",
        "收到感谢信12封、锦旗7面，三面环山",
        {"12封": {"value": 12, "unit": "封"}, "7面": {"value": 7, "unit": "面"}, "三面": None},
    ),
    # a number set as inline code in Markdown reads as one
    (
        "markdown-code",
        "## 抽检\n- 全年完成食品安全抽检 `4,512` 批次，覆盖全市 `45` 家农贸市场",
        {"4,512` 批次": {"value": 4512, "unit": "批次"}, "45` 家": {"value": 45, "unit": "家"}},
    ),
    # 余/多 between a Chinese numeral and its magnitude (二千一百余万元) is a qualifier, no slogan
    (
        "chinese-approx-magnitude",
        "全年立案查处环境违法案件一百五十六件，罚没款二千一百余万元，服务群众三十多万人次",
        {
            "二千一百余万元": {"value": 21000000, "unit": "元", "qualifier": "over"},
            "三十多万人次": {"value": 300000, "unit": "人次", "qualifier": "over"},
        },
    ),
    # a child's height that sets a fare is a threshold
    (
        "height-threshold",
        "门票优惠：1.2米以下儿童免票，身高1.4米以上的儿童购半价票。全市共接待游客486.3万人次",
        {"1.2米以下": None, "1.4米以上": None, "486.3万人次": {"value": 4863000}},
    ),
    # a measured time (an average with decimals, a time cut) and rainfall are figures;
    # a window (5分钟内) or a promise (不超过15分钟) is not
    (
        "measured-time",
        "急救反应时间平均缩短至11.8分钟，接警后5分钟内到达，等候时间不超过15分钟。全市降雨量186毫米",
        {
            "11.8分钟": {"value": 11.8, "unit": "分钟"},
            "186毫米": {"value": 186, "unit": "毫米"},
            "5分钟": None,
            "15分钟": None,
        },
    ),
    # days are a figure where days are what is counted (优良天数, 住院日), not as a span
    (
        "counted-days",
        "优良天数为３１２天，重污染天数４天，比上年减少５天。平均住院日缩短至7.2天。春运40天",
        {
            "３１２天": {"value": 312, "unit": "天"},
            "４天": {"value": 4, "unit": "天"},
            "５天": {"value": 5, "unit": "天"},
            "7.2天": {"value": 7.2, "unit": "天"},
            "40天": None,
        },
    ),
    # numeral + 个 + a duty is a slogan (五个到位), quoted or not
    (
        "duty-slogans",
        "检查中做到五个到位，坚持两个确保，新建三个站点",
        {"三个": {"value": 3, "unit": "个"}, "五个": None, "两个": None},
    ),
    # a hard wrap inside a number in prose: the figure is the whole number, not its tail
    (
        "wrapped-digits",
        "春运期间，全市发送旅客4\n32万人次，铁路到发列车2万余趟次",
        {"4\n32万人次": {"value": 4320000, "unit": "人次"}, "32万人次": None},
    ),
    # ... also where the page breaks the line with a <br> before the source's own newline
    (
        "wrapped-digits-html",
        "<p>春运期间，全市发送旅客4<br>\n32万人次。</p><p>铁路到发列车2万余趟次</p>",
        {"4<br>\n32万人次": {"value": 4320000, "unit": "人次"}, "32万人次": None},
    ),
    # pairs (服务区2对) are counted; 1对1 is a way of working
    (
        "pairs",
        "新建高速公路服务区2对，实行1对1帮扶",
        {"2对": {"value": 2, "unit": "对"}, "1对": None},
    ),
    # 批次, 户次 after a Chinese numeral are one measure word, not 批, 户 with a stray 次
    (
        "visits-in-chinese-numerals",
        "抽检食品三百批次，检查经营主体六千七百余户次",
        {
            "三百批次": {"value": 300, "unit": "批次"},
            "六千七百余户次": {"value": 6700, "unit": "户次", "qualifier": "over"},
        },
    ),
    # plates (副), helmets (顶), places each time (处次) and broad classes (大类) are counted
    (
        "more-measure-words",
        "核发临时号牌3870副，发放安全头盔300余顶，排查拥堵点位152处次。抽检覆盖粮食加工品、食用油、肉制品等32大类食品",
        {
            "3870副": {"value": 3870, "unit": "副"},
            "300余顶": {"value": 300, "unit": "顶", "qualifier": "over"},
            "152处次": {"value": 152, "unit": "处次"},
            "152处": None,
            "32大类": {"value": 32, "unit": "类"},
        },
    ),
    (
        "kinds-each-time",
        "海关共查验进出境货物4.7万批次，截获有害生物386种次",
        {"386种次": {"value": 386, "unit": "种次"}, "386种": None},
    ),
    # a bare magnitude with a qualifier after it closing the clause is a round count (百名以上);
    # before a noun it sets a category (百人以上企业)
    (
        "bare-magnitude-qualified",
        "培养青年骨干医师百名以上，覆盖百人以上企业。",
        {"百名以上": {"value": 100, "unit": "名", "qualifier": "over"}, "百人以上": None},
    ),
    # a bound that names a category (不足100户的自然村, 5万元以下的学生) is no figure; the count is
    (
        "category-bounds",
        "全市不足100户的自然村12个，资助家庭年收入5万元以下的学生320名",
        {"不足100户": None, "5万元以下": None, "12个": {"value": 12}, "320名": {"value": 320}},
    ),
    # nothing happened (未发生1起) and a vehicle's capacity (核载7人) are no counts
    (
        "negated-and-capacity",
        "全年未发生1起重大事故。检查发现每辆车核载7人，该车实载12人",
        {"1起": None, "7人": None, "12人": {"value": 12, "unit": "人"}},
    ),
    # thousands grouped by spaces keep their decimals (bulletins: 2 856.3亿元), not just the tail
    (
        "space-grouped-decimals",
        "前三季度全市进出口总额2 856.3亿元，同比增长6.8%。第三产业增加值1 932.7亿元",
        {
            "2 856.3亿元": {"value": 285630000000, "unit": "元"},
            "856.3亿元": None,
            "1 932.7亿元": {"value": 193270000000, "unit": "元"},
        },
    ),
    # 余/多 after a weight's unit (3公斤余) is a qualifier; after a count it starts a word (3人多次)
    (
        "weight-then-over",
        "缴获毒品3公斤余，查获冰毒1.5公斤多，3人多次作案",
        {
            "3公斤余": {"value": 3, "unit": "公斤", "qualifier": "over"},
            "1.5公斤多": {"value": 1.5, "unit": "公斤", "qualifier": "over"},
            "3人": {"value": 3, "qualifier": "exact"},
        },
    ),
    # border checks count vehicles, planes and ships together (辆（架、艘）次)
    (
        "border-vehicles",
        "查验出入境交通运输工具36.7万辆（架、艘）次，其中航班2.3万架次",
        {"36.7万辆（架、艘）次": {"value": 367000, "unit": "辆次"}, "36.7万辆": None},
    ),
    # a label's colon leads to its figure (办理量：8.6万件); a colon between digits does not
    (
        "label-colon",
        "▶️ 出入境证件办理量：8.6万件\n▶️ 群众满意度：99.8%✨\n三次产业结构为8.2:38.9:52.9%",
        {
            "8.6万件": {"value": 86000, "unit": "件"},
            "99.8%": {"value": 99.8},
            "38.9:52.9%": None,
            "52.9%": None,
        },
    ),
    # numerals listed before one class word (一、二、三类) name classes
    (
        "class-labels",
        "抽检一、二、三类食品320批次，第一、二批试点",
        {"三类": None, "二批": None, "320批次": {"value": 320, "unit": "批次"}},
    ),
    # power and energy (千瓦时, 千瓦, 兆瓦, 千伏安) are measure words; a voltage class (110千伏) is none
    (
        "energy-units",
        "全社会用电量2863.5亿千瓦时，装机容量8652万千瓦，储能电站200兆瓦，变电容量950万千伏安，110千伏线路",
        {
            "2863.5亿千瓦时": {"value": 286350000000, "unit": "千瓦时"},
            "8652万千瓦": {"value": 86520000, "unit": "千瓦"},
            "200兆瓦": {"value": 200, "unit": "兆瓦"},
            "950万千伏安": {"value": 9500000, "unit": "千伏安"},
            "110千": None,
        },
    ),
    # a rate cut in basis points (个基点) is no count of 个
    (
        "basis-points",
        "新发放企业贷款加权平均利率为3.86%，同比下降38个基点",
        {"38个基点": {"value": 38, "unit": "基点"}, "38个": None},
    ),
    # a bare magnitude reached (突破千万人次) is a figure; one that names a size (百人以上企业) is none
    (
        "reached-magnitude",
        "口岸出入境人员突破千万人次，百人以上企业全部签约",
        {"千万人次": {"value": 10000000, "unit": "人次", "qualifier": "exact"}, "百人": None},
    ),
    # 度 with a magnitude is energy (1.2亿度); a bare 38度 a temperature. 标箱 counts containers
    (
        "degrees-and-teu",
        "全年节约用电1.2亿度，最高气温38度，集装箱吞吐量512万标箱",
        {
            "1.2亿度": {"value": 120000000, "unit": "度"},
            "38度": None,
            "512万标箱": {"value": 5120000, "unit": "标箱"},
        },
    ),
    # a footer's copyright year (©2024 本站) and the next article's headline are no figures
    (
        "footer-and-next",
        "共检查企业126家。上一篇：我局开展培训 下一篇：2家企业获评先进\n版权所有©2024 本站",
        {"126家": {"value": 126, "unit": "家"}, "2家": None, "2024 本": None},
    ),
    # Taiwan writes a trillion as 兆 (1兆2,000億元), no longer cut to its tail 2,000億元
    (
        "taiwan-trillion",
        "政府今年編列1兆2,000億元預算，350兆數位通訊",
        {"1兆2,000億元": {"value": 1200000000000, "unit": "元"}, "2,000億元": None},
    ),
    # doses (剂次), medals (枚), teams (支队伍), sets of machines (台套) and flows (立方米/秒) are units
    (
        "relief-and-event-units",
        "接种疫苗286.4万剂次，出动机械设备1200余台套，洪峰流量4650立方米/秒，下泄流量1200立方米每秒。"
        "获金牌126枚，86支队伍参赛，交警3支队",
        {
            "286.4万剂次": {"value": 2864000, "unit": "剂次"},
            "1200余台套": {"unit": "台套", "qualifier": "over"},
            "4650立方米/秒": {"value": 4650, "unit": "立方米/秒"},
            "1200立方米每秒": {"value": 1200, "unit": "立方米/秒"},
            "126枚": {"value": 126, "unit": "枚"},
            "86支": {"value": 86, "unit": "支"},
            "3支": None,
        },
    ),
    # an elevation with a bound names places (海拔1500米以上的高山村); a race's distance names it
    (
        "elevation-bound-and-race",
        "海拔1500米以上的高山村23个，主峰海拔3099米。男子100米决赛中，选手夺冠；新建400米跑道",
        {
            "1500米以上": None,
            "23个": {"value": 23, "unit": "个"},
            "3099米": {"value": 3099, "unit": "米"},
            "100米": None,
            "400米": {"value": 400, "unit": "米"},
        },
    ),
    # a hard wrap inside 个百分点 no longer leaves a count of 个
    (
        "points-cut-by-wrap",
        "同比提高５．６个百分\n点，下降0.3个\n百分点",
        {
            "５．６个百分\n点": {"value": 5.6, "unit": "个百分点", "change": "up"},
            "0.3个\n百分点": {"value": 0.3, "unit": "个百分点"},
            "５．６个": None,
        },
    ),
    # a time cut (缩短) against last year is a change down; 缩短至 gives the new level
    (
        "time-cut",
        "城区接警后平均6分钟到达现场，较去年同期缩短1.5分钟；急救反应时间缩短至11.8分钟，5分钟内到达",
        {
            "6分钟": {"value": 6, "unit": "分钟", "change": None},
            "1.5分钟": {"value": 1.5, "change": "down", "basis": "yoy"},
            "11.8分钟": {"change": None},
            "5分钟": None,
        },
    ),
    # a note in brackets holding a comma (（一般程序，下同）) ends no clause: the thing counted stays
    (
        "bracket-note-comma",
        "全年共发生道路交通事故（一般程序，下同）1,946起，同比分别下降9.6%",
        {
            "1,946起": {"metric": "accidents", "label": "交通事故(一般程序,下同)"},
            "9.6%": {"metric": "accidents", "change": "down"},
        },
    ),
    # rounds of ammunition (发) and servings per person (人份) are measure words; the verb 发 is none
    (
        "rounds-and-servings",
        "收缴管制刀具312把、各类弹药1,650发，配发检测试剂2万人份。截至10日12时发布预警",
        {
            "1,650发": {"value": 1650, "unit": "发"},
            "312把": {"label": "收缴管制刀具"},
            "2万人份": {"value": 20000, "unit": "人份"},
            "2万人": None,
        },
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), PROBE_SENTENCES, ids=[t[0] for t in PROBE_SENTENCES])
def test_probe_sentences(
    rules: RuleSet, name: str, text: str, expected: dict[str, dict[str, object] | None]
) -> None:
    found = {r.text: r.to_dict() for r in extract_text(text, rules=rules)}
    for figure, fields in expected.items():
        if fields is None:
            assert figure not in found, (figure, found.get(figure))
            continue
        assert figure in found, (figure, sorted(found))
        got = {k: found[figure][k] for k in fields}
        assert got == fields, (figure, got)
