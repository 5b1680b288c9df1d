"""ipanalysis check: a parse that looks wrong is flagged before a figure is drawn from it."""

import pytest

from ipanalysis.analysis.quality import quality_report, suspect_unit


def test_the_seed_plans_are_not_flagged(corpus):
    report = quality_report(corpus)
    assert len(report) == 5 and (report["flags"] == "").all()
    assert report.set_index("region").loc["Dongli", "n_measures"] == 42


@pytest.mark.parametrize("name, suspect", [
    ("配合单位:市科技局", True), ("市财政局,各区", True), ("区司法局牵头", True), ("市中院(牵头)", True),
    ("鄞州公安分局会同区市场监管局", True),
    ("市市场监管局(市知识产权局)", False), ("各区县(自治县,以下简称区县)政府", False), ("各镇(街道)", False),
])
def test_unit_names_that_betray_an_unsplit_list(name, suspect):
    assert suspect_unit(name) is suspect


def _damaged(corpus, doc_id):
    import dataclasses

    a = corpus.assignments.copy()
    rows = a.doc_id == doc_id
    a.loc[rows, "unit"] = "配合单位:" + a.loc[rows, "unit"]
    return dataclasses.replace(corpus, assignments=a)


def test_a_plan_whose_unit_lists_were_not_split_is_flagged(corpus):
    report = quality_report(_damaged(corpus, "dongli_2020_2021_ip_protection_plan")).set_index("region")
    assert report.loc["Dongli", "flags"].startswith("unit names hold label or role words")
    assert (report.drop(index="Dongli")["flags"] == "").all()


def test_a_plan_without_measures_is_flagged_but_a_notice_is_not(corpus):
    import dataclasses

    docs = corpus.documents.copy()
    docs.loc[docs.region == "Yuzhong", "n_measures"] = 0
    docs.loc[docs.region == "Tongzhou", ["n_measures", "title"]] = [0, "关于开展知识产权宣传周活动的通知"]
    m = corpus.measures[~corpus.measures.region.isin(["Yuzhong", "Tongzhou"])]
    report = quality_report(dataclasses.replace(corpus, documents=docs, measures=m)).set_index("region")
    assert report.loc["Yuzhong", "flags"] == "no measures in a plan"
    assert report.loc["Tongzhou", "flags"] == "" and report.loc["Tongzhou", "genre"] == "notice"
