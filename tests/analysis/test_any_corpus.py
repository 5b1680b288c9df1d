"""Plans, not regions: every analysis keeps plans apart, whatever the corpus holds."""

import pandas as pd
import pytest

from ipanalysis.analysis import findings, overview, plans, quality, targets, themes, workloads

YUZHONG = {"yuzhong_2023_ip_work_points", "yuzhong_2024_ip_work_points"}


def test_the_mixed_corpus(mixed):
    docs = mixed.documents.set_index("doc_id")
    assert len(docs) == 10 and (docs.adcode == "500103").sum() == 2  # Yuzhong 2023 and 2024
    assert docs.loc["13_notice_no_tasks", "n_measures"] == 0
    assert set(docs.script) == {"simplified", "traditional"}
    jiangsu = docs.loc["jiangsu_2024_ip_work_points"]
    assert (jiangsu.admin_level, jiangsu.adcode, jiangsu.province_zh) == ("province", "320000", "江苏省")
    assert pd.isna(jiangsu.city_zh)
    # "Chongqing and its districts": the city plan and both district plans
    assert set(docs[docs.city_zh == "重庆市"].index) == {"chongqing_2024_strong_ip_city_plan",
                                                         "dadukou_2024_ip_work_points"} | YUZHONG
    assert set(docs[docs.province_zh == "江苏省"].index) == {"jiangsu_2024_ip_work_points",
                                                             "tongzhou_2022_2025_strong_ip_county_plan"}
    assert docs.loc["yuzhong_2024_ip_work_points", ["plan_type", "plan_type_en", "kind"]].tolist() == ["工作要点", "Work points", "plan"]
    assert docs.loc["13_notice_no_tasks", ["plan_type", "kind"]].tolist() == ["通知", "reference"]


def test_plan_labels_are_unique_and_say_region_and_year(mixed):
    for lang in ("en", "zh"):
        labels = plans.plan_labels(mixed.documents, lang)
        assert len(set(labels.values())) == len(labels) == 10
    en = plans.plan_labels(mixed.documents, "en")
    assert (en["yuzhong_2023_ip_work_points"], en["yuzhong_2024_ip_work_points"]) == ("Yuzhong 2023", "Yuzhong 2024")
    assert plans.plan_labels(mixed.documents, "zh")["jiangsu_2024_ip_work_points"] == "江苏省 2024"


@pytest.mark.parametrize("table, n_plans", [
    (lambda c: overview.metadata_table(c).doc_id, 10),
    (lambda c: overview.plan_summary(c).doc_id, 10),
    (lambda c: overview.deadline_summary(c).index, 9),
    (lambda c: overview.measures_per_section(c).doc_id.unique(), 9),
    (lambda c: themes.stage_shares(c).index, 9),
    (lambda c: themes.fine_theme_shares(c).index, 9),
    (lambda c: themes.instrument_shares(c).index, 9),
    (lambda c: themes.plan_similarity(c).index, 9),
    (lambda c: themes.keyness(c).doc_id.unique(), 9),
    (lambda c: themes.topics(c)[1].index, 9),
    (lambda c: workloads.concentration(c).doc_id, 9),
    (lambda c: workloads.network_summary(c).doc_id, 10),
    (lambda c: targets.quantification(c).doc_id, 10),
    (lambda c: targets.horizons(c).doc_id, 10),
    (lambda c: quality.quality_report(c).doc_id, 10),
])
def test_each_plan_appears_separately(mixed, table, n_plans):
    ids = list(table(mixed))
    assert len(ids) == len(set(ids)) == n_plans
    assert YUZHONG <= set(ids)


def test_two_plans_of_one_region_are_not_merged(mixed):
    shares = themes.stage_shares(mixed)
    assert not shares.loc["yuzhong_2023_ip_work_points"].equals(shares.loc["yuzhong_2024_ip_work_points"])
    summary = overview.plan_summary(mixed).set_index("doc_id")
    assert summary.loc["yuzhong_2023_ip_work_points", "n_measures"] == 20
    assert summary.loc["yuzhong_2024_ip_work_points", "n_measures"] == 20
    over_time = findings.regions_over_time(mixed)
    assert list(over_time.region) == ["Yuzhong", "Yuzhong"] and list(over_time.year) == ["2023", "2024"]
    # the leading stage's share of measures with its interval: Yuzhong 2023 leads with protection, 6 of 20
    first = over_time.iloc[0]
    assert (first.leading_stage, first.leading_share) == ("protection", 0.3)
    assert first.leading_lo < 0.3 < first.leading_hi


def test_findings_are_computed_from_the_tables(mixed):
    text = " ".join(findings.overview_findings(mixed))
    assert "10 documents" in text and "from 9 regions" in text
    caveats = " ".join(findings.caveats(mixed))
    assert "13_notice_no_tasks.txt" in caveats and "levels of government" in caveats
