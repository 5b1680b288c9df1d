"""Canonical agencies shared across regions."""

import pytest

from ipanalysis.rules.agencies import agency_table, map_agency

FAMILIES = {
    "market_regulation_ip": ["区市场监管局", "区市场监管局(知识产权局)", "市知识产权局", "市市场监管局",
                             "市工商局", "市质监局"],
    "police": ["区公安分局", "公安东丽分局", "市公安局", "区公安局"],
    "court": ["区法院", "区人民法院", "市高法院"],
    "procuratorate": ["区检察院", "区人民检察院", "市检察院"],
    "propaganda_copyright": ["区委宣传部", "市委宣传部", "区新闻出版局"],
    "culture_tourism": ["区文化旅游委", "区文广旅局", "区文化旅游体育局", "市文化广电新闻出版局"],
    "industry_it": ["区经信委", "区工信局", "市经济信息委"],
    "financial_regulators": ["区金融办", "区金融局", "区地方金融监管局", "重庆金融监管局", "人行重庆市分行", "市委金融办"],
    "agriculture_forestry": ["市农业局", "市林业局", "区农业农村委", "区农业农村局"],
    "national_ip_office": ["国家知识产权局条法司", "国家知识产权局专利局审业部", "国家知识产权局商标局"],
    "member_units": ["各领导小组成员单位", "市知识产权联席会议各成员单位", "各成员单位", "区知识产权工作领导小组成员单位"],
    "townships_streets": ["各镇(街道)", "各街道办", "川姜镇"],
    "districts_counties": ["各区县政府", "各区县(自治县,以下简称区县)政府"],
    "parks": ["南通高新区", "大石化新区管委会", "华明高新区服务中心"],
}


@pytest.mark.parametrize("agency", sorted(FAMILIES))
def test_family_unifies_the_names_in_the_seeds(agency):
    for name in FAMILIES[agency]:
        assert map_agency(name)[0] == agency, name


def test_unseen_names_fall_back_to_suffix_rules():
    assert map_agency("常州市公安局")[0] == "police"
    assert map_agency("某某县人民法院")[0] == "court"
    assert map_agency("某某委员会秘书处")[3] == "unmapped"


def test_every_seed_assignment_gets_an_agency(corpus):
    a = corpus.assignments
    assert (a.agency_source == "lexicon").all()
    assert a.agency.notna().all() and a.agency_zh.notna().all() and a.agency_en.notna().all()
    assert set(a.agency) <= set(agency_table().agency)


def test_dongli_market_regulation_count_matches_the_text(corpus, raw_dir):
    text = (raw_dir / "dongli_2020-2021_ip_protection_plan.txt").read_text(encoding="utf-8")
    lines_naming = sum(1 for line in text.splitlines() if "区市场监管局" in line and line[:1].isdigit())
    a = corpus.assignments
    named = a[(a.region == "Dongli") & (a.unit == "区市场监管局")].measure_id.nunique()
    assert named == lines_naming == 31
