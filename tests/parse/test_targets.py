"""Quantitative targets, checked against the text of Tongzhou and Dongli."""

import pandas as pd
import pytest

from ipanalysis.parse.targets import find_targets_in_text, parse_number
from ipanalysis.rules.indicators import indicator_key
from ipanalysis.rules.numerals import chinese_numeral

TONGZHOU = [
    # indicator, key, value, unit, comparator, comparator_zh, year, line
    ("万人高价值发明专利拥有量", "high_value_invention_patents_per_10k", 18, "件", ">=", "达", 2025, 54),
    ("新增海外专利授权", "overseas_patent_grants", 30, "件", "=", "新增", 2025, 54),
    ("马德里商标注册量", "madrid_trademarks", 70, "件", ">=", "累计达", 2025, 54),
    ("万人作品著作权登记量", "copyright_registrations_per_10k", 800, "件", ">=", "达", 2025, 54),
    ("专利密集型产业增加值占GDP比重", "patent_intensive_industry_gdp_share", 16, "%", ">=", "达", 2025, 56),
    ("版权产业增加值占GDP比重", "copyright_industry_gdp_share", 8.6, "%", ">=", "达", 2025, 56),
    ("知识产权质押登记担保金额", "ip_pledge_financing", 20, "亿元", ">", "突破", 2025, 56),
    ("新增省级“正版正货”示范街区和行业", "demonstration_blocks", 2, "个", "=", "新增", 2025, 58),
    ("案件结案率", "case_closure_rate", 90, "%", ">=", "达到…以上", 2025, 58),
    ("全社会知识产权满意度", "protection_satisfaction", 85, "%", ">", "超过", 2025, 58),
    ("新增贯标单位", "standard_certified_units", 80, "家", "=", "新增", 2025, 60),
    ("新增国家知识产权优势示范企业", "ip_advantage_enterprises", 6, "家", "=", "新增", 2025, 60),
    ("万企有效注册商标企业数", "trademark_enterprises_per_10k", 1400, "家", ">=", "达", 2025, 60),
    ("知识产权服务机构从业人员", "ip_service_staff", 200, "人", ">=", "达", 2025, 62),
    ("培训知识产权管理和执法人员、企业高管、知识产权师等各类人员", "ip_training_participants", 2400, "人次", "=", None, 2025, 62),
    ("组织各类知识产权培训", "ip_training_sessions", 15, "次", ">=", "以上", 2025, 128),
    ("培训各类知识产权实用人才", "ip_training_participants", 2400, "人次", "=", None, 2025, 128),
    ("资助金额…专利授权实际缴纳官费", "subsidy_cap_share_of_fees", 50, "%", "<=", "不超过", None, 148),
]


def _value(v):
    return None if pd.isna(v) else v


def test_tongzhou_targets(corpus):
    t = corpus.targets[corpus.targets.region == "Tongzhou"]
    got = [(r.indicator, r.indicator_key, r.value, r.unit, r.comparator, _value(r.comparator_zh),
            _value(r.year), r.line) for r in t.itertuples()]
    assert got == TONGZHOU
    goals = t[t.measure_id.isna()]
    assert len(goals[goals.section == "三、主要目标"]) == 15
    talent = t[t.measure_id.notna()]
    assert len(talent) == 2 and set(talent.measure_id) == {"tongzhou_2022_2025_strong_ip_county_plan-m022"}
    assert t[t.line == 148].section.iloc[0] == "六、保障措施"


def test_dongli_target(corpus):
    t = corpus.targets[corpus.targets.region == "Dongli"]
    assert len(t) == 1
    row = t.iloc[0]
    assert (row.value, row.unit, row.comparator, row.year, row.line) == (600, "家", "=", 2021, 65)
    assert row.measure_id == "dongli_2020_2021_ip_protection_plan-m016"
    assert "中小微企业" in row.indicator and row.indicator_key == "sme_ip_custody"


def test_plans_without_targets(corpus):
    counts = corpus.targets.groupby("region").size().to_dict()
    assert counts == {"Tongzhou": 18, "Dongli": 1}
    docs = corpus.documents.set_index("region")
    assert docs.loc["Yuzhong", "n_targets"] == docs.loc["Zhongshan", "n_targets"] == docs.loc["Chongqing", "n_targets"] == 0


@pytest.mark.parametrize("text, expected", [
    ("新增贯标单位八十家", [(80, "家", "=", "新增")]),
    ("培育示范企业二十家以上", [(20, "家", ">=", "以上")]),
    ("融资规模达到1.5万亿元", [(15000, "亿元", ">=", "达到")]),
    ("合同金额超过3000万元", [(3000, "万元", ">", "超过")]),
    ("结案率不低于95%", [(95, "%", ">=", "不低于")]),
    ("审查周期控制在10个", [(10, "个", "<=", "控制在")]),
    ("资助金额不超过官费的50%", [(50, "%", "<=", "不超过")]),
    ("服务企业不少于300家", [(300, "家", ">=", "不少于")]),
])
def test_values_units_and_comparators(text, expected):
    got = [(m["value"], m["unit"], m["comparator"], m["comparator_zh"]) for m in find_targets_in_text(text)]
    assert got == expected


@pytest.mark.parametrize("text", [
    "围绕做强做大“33618”现代制造业集群体系",
    "推动将全球专利重点方向纳入“416”科技创新布局技术图谱",
    "健全“1+1+4”交易机制",
    "实施“千企百城”商标品牌培育提升工程",
    "实施知识产权“百亿融资”行动",
    "支持重庆打造知识产权“半小时公共服务圈”",
    "推进“两站一中心”建设",
    "通过12345举报投诉平台等渠道",
    "在“3·15”消费者权益日、“4·26”世界知识产权日",
    "落实24小时网络舆情监看制度",
    "已经区人民政府第10次常务会议讨论通过",
    "贯彻《知识产权强国建设纲要(2021—2035年)》",
    "根据(国知发运函字〔2022〕131号)文件要求",
    "形成一批高价值知识产权,打造一个平台",
    "原则上每1—2年共同研究制定细化工作要点",
    "加强长江经济带11省市知识产权保护协作",
    "宣传动员阶段(2022年8月-12月底)",
])
def test_numbers_in_names_titles_and_dates_are_not_targets(text):
    assert find_targets_in_text(text) == []


def test_parse_number():
    assert parse_number("八十") == 80
    assert parse_number("二十") == 20
    assert parse_number("1.5", "万") == 15000
    assert parse_number("百") is None


@pytest.mark.parametrize("numeral, value", [
    ("十", 10), ("十五", 15), ("二十", 20), ("一百零五", 105), ("一千零十", 1010), ("一千零五十", 1050),
    ("三千五", 3500), ("一百一", 110), ("两百", 200), ("两", 2), ("一二", 12), ("零", 0),
    ("百", None), ("千", None), ("十十", None), ("一百零", None), ("一千零五百", None), ("一二十", None),
])
def test_chinese_numerals(numeral, value):
    assert chinese_numeral(numeral) == value


def test_chinese_numerals_agree_with_cn2an():
    """Every string of up to four numeral characters that we convert, cn2an converts the same."""
    import itertools

    import cn2an

    alphabet = "零一二两三四五六七八九十百千"
    converted = 0
    for length in range(1, 5):
        for chars in itertools.product(alphabet, repeat=length):
            text = "".join(chars)
            ours = chinese_numeral(text)
            if ours is None:
                continue
            converted += 1
            assert float(cn2an.cn2an(text, "smart")) == ours, text
    assert converted == 17175


def test_hundreds_of_is_not_a_number():
    # 百家/千家 ("hundreds of", "thousands of") used to stop the whole plan with cn2an's ValueError
    assert find_targets_in_text("新增百家知识产权示范企业，新增千家企业") == []
    assert [t["value"] for t in find_targets_in_text("新增八十家知识产权示范企业")] == [80.0]


def test_indicator_keys_unify_spellings():
    assert indicator_key("万人高价值发明专利拥有量", "件") == indicator_key("每万人口高价值发明专利拥有量", "件")
    assert indicator_key("知识产权质押融资登记金额", "亿元") == "ip_pledge_financing"


def test_national_benchmark_file():
    from ipanalysis.rules.datafiles import read_table

    national = read_table("national_targets.csv").set_index("indicator_key")
    assert national.loc["high_value_invention_patents_per_10k", "value_2025"] == "12"
    assert national.loc["ip_pledge_financing", "value_2025"] == "3200"
    assert set(national.index) <= set(read_table("indicators.csv").indicator_key)
