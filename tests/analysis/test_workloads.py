"""Workload measures: per region × agency counts, shares, concentration and the network."""

import pytest

from conftest import DOC_IDS

from ipanalysis.analysis import workloads


def test_workload_counts_sum_to_the_local_assignments(corpus):
    w = workloads.agency_workload(corpus)
    local = corpus.assignments[corpus.assignments.unit_level == "local"]
    a = local.drop_duplicates(["measure_id", "agency", "role"])
    by_role = a.groupby("role").size()
    assert w.n_lead.sum() == by_role["lead"]
    assert w.n_responsible.sum() == by_role["responsible"]
    assert w.n_cooperating.sum() == by_role.get("cooperating", 0)
    assert w.n_any.sum() == len(local.drop_duplicates(["measure_id", "agency"]))
    national = workloads.agency_workload(corpus, include_national=True)
    assert national.n_any.sum() > w.n_any.sum()  # the joint plan's CNIPA departments
    n = corpus.measures.groupby("region").size()
    row = w[(w.region == "Dongli") & (w.agency == "market_regulation_ip")].iloc[0]
    assert row.n_any == 31 and row.share_any == pytest.approx(31 / n["Dongli"], abs=1e-4)
    assert row.n_lead == 1  # only item 38 prints 区市场监管局牵头
    zs = w[(w.region == "Zhongshan") & (w.agency == "market_regulation_ip")].iloc[0]
    # 市工商局 leads item 1, 市知识产权局 leads item 2; the family cooperates in items 1 and 5
    assert (zs.n_lead, zs.n_cooperating) == (2, 2)


def test_concentration(corpus):
    c = workloads.concentration(corpus).set_index("region")
    assert set(c.index) == set(corpus.documents.region)
    assert (c.hhi > 0).all() and (c.hhi <= 1).all()
    assert (c.top_share >= c.hhi).all()  # the largest share is at least the HHI
    # Chongqing: every measure names the IP office and the districts; the top agency is one body,
    # never the collective placeholder, and CNIPA departments are not the plan's local workload
    assert c.loc["Chongqing", "top_agency"] == "market_regulation_ip"
    # Zhongshan leaves items 3, 12, 15, 16, 17 and 21 to the joint-conference member units alone
    assert c.loc["Zhongshan", "collective_only_share"] == pytest.approx(6 / 21, abs=1e-3)


def test_co_assignment_network(corpus):
    edges = workloads.co_assignment_edges(corpus, DOC_IDS["Zhongshan"])
    pairs = {(e.source, e.target): e.weight for e in edges.itertuples()}
    # 市工商局牵头,市公安局、市知识产权局配合 links market regulation and police
    assert pairs[("market_regulation_ip", "police")] >= 1
    g = workloads.co_assignment_graph(corpus, DOC_IDS["Dongli"])
    assert g.nodes["market_regulation_ip"]["measures"] == 31
    summary = workloads.network_summary(corpus).set_index("region")
    assert summary.loc["Dongli", "hub"] == "market_regulation_ip"


def test_each_measure_has_one_accountability_class(corpus):
    from conftest import DOC_IDS

    from ipanalysis.analysis.workloads import ACCOUNTABILITY, measure_accountability

    classes = measure_accountability(corpus)
    assert len(classes) == len(corpus.measures) and set(classes) <= set(ACCOUNTABILITY)
    by_plan = classes.groupby(corpus.measures.set_index("measure_id").doc_id).value_counts().unstack(fill_value=0)
    assert by_plan.loc[DOC_IDS["Zhongshan"]].to_dict() == {"collective_only": 6, "lead": 4, "responsible": 11}
    assert by_plan.loc[DOC_IDS["Chongqing"], "responsible"] == 17  # national units beside local ones
    assert by_plan.loc[DOC_IDS["Dongli"]].to_dict() == {"collective_only": 0, "lead": 3, "responsible": 39}


def test_agency_stages_rows_sum_to_one(corpus):
    from ipanalysis.analysis.workloads import agency_stages

    table = agency_stages(corpus, 5)
    assert table.agency.nunique() == 5
    assert table.groupby("agency").share.sum().round(6).eq(1).all()
    top = table[table.agency == "market_regulation_ip"]
    assert top.n_measures.iloc[0] == 91 and top.set_index("stage").n["protection"] == 36


def test_a_corpus_without_assignments_has_the_same_columns_as_one_with(corpus):
    from dataclasses import replace

    bare = replace(corpus, assignments=corpus.assignments.iloc[0:0])
    for intervals in (True, False):
        assert list(workloads.agency_workload(bare, intervals=intervals).columns) == \
            list(workloads.agency_workload(corpus, intervals=intervals).columns)
