"""Shares with bootstrap intervals: values checked by hand on small plans."""

import pandas as pd
import pytest

from ipanalysis.analysis.intervals import membership, plan_shares


def _plans():
    measures = pd.DataFrame({"measure_id": ["a1", "a2", "a3", "a4", "b1", "b2"],
                             "doc_id": ["A", "A", "A", "A", "B", "B"],
                             "text": ["一二三四五六七八九十", "一二", "一二", "一二三四", "一二三", "一二三"]})
    pairs = pd.DataFrame({"measure_id": ["a1", "a2", "b1", "b2", "a1"], "code": ["x", "x", "x", "y", "y"]})
    return measures, membership(pairs, "code", measures, ["x", "y", "z"])


def test_membership_has_every_measure_and_key():
    measures, hits = _plans()
    assert list(hits.index) == list(measures.measure_id) and list(hits.columns) == ["x", "y", "z"]
    assert hits.loc["a1"].tolist() == [True, True, False] and not hits.loc["a3"].any()


def test_shares_by_measure_and_by_text():
    measures, hits = _plans()
    by_measure = plan_shares(hits, measures).set_index(["doc_id", "key"])
    assert by_measure.loc[("A", "x"), "share"] == 0.5  # a1, a2 of four measures
    assert by_measure.loc[("B", "y"), "share"] == 0.5 and by_measure.loc[("A", "z"), "share"] == 0
    by_text = plan_shares(hits, measures, weights="chars").set_index(["doc_id", "key"])
    assert by_text.loc[("A", "x"), "share"] == pytest.approx(12 / 18, abs=1e-4)  # 10 + 2 of 18 characters
    assert by_text.loc[("A", "y"), "share"] == pytest.approx(10 / 18, abs=1e-4)


def test_intervals_hold_the_share_and_do_not_move():
    measures, hits = _plans()
    first = plan_shares(hits, measures, n_boot=2000)
    assert (first.lo <= first.share).all() and (first.share <= first.hi).all()
    a_x = first.set_index(["doc_id", "key"]).loc[("A", "x")]
    assert a_x.lo == 0.0 and a_x.hi == 1.0  # four measures: resamples range from none to all
    zero = first.set_index(["doc_id", "key"]).loc[("A", "z")]
    assert zero.lo == zero.hi == 0.0
    pd.testing.assert_frame_equal(first, plan_shares(hits, measures, n_boot=2000))
    # a plan's interval does not depend on the other plans in the corpus
    alone = plan_shares(hits.loc[["a1", "a2", "a3", "a4"]], measures[measures.doc_id == "A"], n_boot=2000)
    pd.testing.assert_frame_equal(alone.reset_index(drop=True),
                                  first[first.doc_id == "A"].reset_index(drop=True))


def test_notebook_tables_and_figures_give_the_same_intervals(corpus):
    """stage_shares_ci (notebook tables) and plan_shares (figures) are one computation."""
    from ipanalysis.analysis.coding import stage_shares_ci
    from ipanalysis.analysis.themes import stage_membership

    table = stage_shares_ci(corpus, n_boot=300).set_index(["doc_id", "stage"])
    hits = stage_membership(corpus)
    for column, weights in (("by_measure", None), ("by_text", "chars")):
        figure = plan_shares(hits, corpus.measures, weights, n_boot=300).set_index(["doc_id", "key"])
        assert figure.share.tolist() == table[column].tolist()
        assert figure.lo.tolist() == table[f"{column}_lo"].tolist()
        assert figure.hi.tolist() == table[f"{column}_hi"].tolist()


def test_tables_to_read_give_each_share_its_interval():
    from ipanalysis.analysis.intervals import with_intervals

    measures, hits = _plans()
    table = with_intervals(plan_shares(hits, measures, n_boot=2000))
    assert list(table.columns) == ["x", "y", "z"] and list(table.index) == ["A", "B"]
    assert table.loc["A", "x"] == "50 (0–100)"  # two of four measures; resamples range from none to all
    assert table.loc["A", "z"] == "0 (0–0)"


def test_concentration_shares_carry_their_intervals(corpus):
    from ipanalysis.analysis import workloads

    c = workloads.concentration(corpus).set_index("region")
    for share in ("top_share", "collective_only_share"):
        assert (c[f"{share}_lo"] <= c[share]).all() and (c[share] <= c[f"{share}_hi"]).all()
    # the top agency's share is a ratio over measures (its measures / all (measure, agency) pairs):
    # plan_shares weighted by the agencies of each measure gives the same point value
    a = corpus.assignments[corpus.assignments.unit_level.fillna("local") == "local"].drop_duplicates(
        ["measure_id", "agency"])
    zs = corpus.measures[corpus.measures.doc_id == c.loc["Zhongshan", "doc_id"]]
    n = a.groupby("measure_id").size().reindex(zs.measure_id, fill_value=0).astype(float)
    top = c.loc["Zhongshan", "top_agency"]
    hit = a[a.agency == top].measure_id.unique()
    frame = pd.DataFrame({"top": [(m in hit) / k if k else 0.0 for m, k in zip(zs.measure_id, n)]},
                         index=zs.measure_id)
    assert plan_shares(frame, zs, weights=n).share.iloc[0] == pytest.approx(c.loc["Zhongshan", "top_share"])
    # Zhongshan: 6 of 21 measures left to the member units alone, an interval wide enough for 21 measures
    assert c.loc["Zhongshan", "collective_only_share"] == pytest.approx(6 / 21, abs=1e-3)
    assert c.loc["Zhongshan", "collective_only_share_lo"] < 0.2 < 0.4 < c.loc["Zhongshan", "collective_only_share_hi"]


def test_plan_summary_shares_carry_their_intervals(corpus):
    from ipanalysis.analysis import overview

    s = overview.plan_summary(corpus).set_index("region")
    # Zhongshan names a lead unit in 4 of its 21 measures; Dongli states a number in 1 of 42
    assert s.loc["Zhongshan", "lead_share"] == pytest.approx(4 / 21, abs=1e-3)
    assert s.loc["Zhongshan", "lead_share_lo"] < 4 / 21 < s.loc["Zhongshan", "lead_share_hi"]
    assert s.loc["Dongli", "share_with_number"] == pytest.approx(1 / 42, abs=1e-3)
    assert s.loc["Dongli", "share_with_number_lo"] == 0.0 < s.loc["Dongli", "share_with_number_hi"] < 0.15
    # characters per measure as the shares by text count them: without the unit parentheses
    assert list(s.columns[s.columns.get_loc("lead_share"):][:3]) == ["lead_share", "lead_share_lo", "lead_share_hi"]
    assert (s.chars_per_measure * s.n_measures).sum() < corpus.measures.text.str.len().sum()


def test_agency_shares_carry_their_intervals(corpus):
    from ipanalysis.analysis import workloads

    w = workloads.agency_workload(corpus).set_index(["region", "agency"])
    row = w.loc[("Dongli", "market_regulation_ip")]  # named in 31 of Dongli's 42 measures
    assert row.share_any == pytest.approx(31 / 42, abs=1e-3)
    assert 0.55 < row.share_any_lo < 31 / 42 < row.share_any_hi < 0.9
    assert ((w.share_any_lo <= w.share_any) & (w.share_any <= w.share_any_hi)).all()


def test_a_group_of_plans_resamples_its_plans():
    """Plan P: all ten measures coded; plan Q: none. Pooled, the group's share is one half; resampling
    measures gives a narrow interval, resampling the plans (cluster bootstrap) spans none to all."""
    ids = [f"p{i}" for i in range(10)] + [f"q{i}" for i in range(10)]
    measures = pd.DataFrame({"measure_id": ids, "doc_id": "G", "text": "一二三", "plan_id": ["P"] * 10 + ["Q"] * 10})
    hits = pd.DataFrame({"x": [True] * 10 + [False] * 10}, index=ids)
    plans = plan_shares(hits, measures, n_boot=2000).iloc[0]
    assert plans.share == 0.5 and (plans.lo, plans.hi) == (0.0, 1.0)
    pooled = plan_shares(hits, measures.drop(columns="plan_id"), n_boot=2000).iloc[0]
    assert pooled.share == 0.5 and 0.2 < pooled.lo < 0.5 < pooled.hi < 0.8


def test_grouped_figures_use_the_plans_of_each_group(mixed):
    from ipanalysis.analysis.themes import stage_membership
    from ipanalysis.tables.group import group_corpus

    grouped = group_corpus(mixed, "admin_level")
    assert (grouped.measures.plan_id.map(mixed.documents.set_index("doc_id").admin_level).radd("admin_level=")
            == grouped.measures.doc_id).all()
    shares = plan_shares(stage_membership(grouped), grouped.measures, n_boot=300)
    assert set(shares.doc_id) == set(grouped.documents.doc_id[grouped.documents.n_measures > 0])
    assert ((shares.lo <= shares.share) & (shares.share <= shares.hi)).all()


def test_a_group_of_one_plan_keeps_the_uncertainty_of_its_measures():
    ids = [f"p{i}" for i in range(10)]
    measures = pd.DataFrame({"measure_id": ids, "doc_id": "G", "text": "一二三", "plan_id": "P"})
    hits = pd.DataFrame({"x": [True] * 5 + [False] * 5}, index=ids)
    one = plan_shares(hits, measures, n_boot=2000).iloc[0]
    assert one.share == 0.5 and one.lo <= 0.25 and one.hi >= 0.75  # not a zero-width interval


def test_interval_tables_of_a_grouped_corpus_resample_its_plans(mixed):
    from ipanalysis.analysis.coding import stage_shares_ci
    from ipanalysis.analysis.themes import stage_membership
    from ipanalysis.tables.group import group_corpus

    grouped = group_corpus(mixed, "admin_level")
    table = stage_shares_ci(grouped, n_boot=300).set_index(["doc_id", "stage"])
    figure = plan_shares(stage_membership(grouped), grouped.measures, n_boot=300).set_index(["doc_id", "key"])
    assert figure.lo.tolist() == table.by_measure_lo.tolist() and figure.hi.tolist() == table.by_measure_hi.tolist()


def test_collective_only_interval_counts_local_units_as_its_share_does(corpus):
    """A national department named beside the member units does not make a measure accountable
    locally: with national units included, the collective-only share and its interval still agree."""
    import dataclasses

    from ipanalysis.analysis import workloads

    a = corpus.assignments
    zs = corpus.documents.set_index("region").doc_id["Zhongshan"]
    local = a[(a.doc_id == zs) & (a.unit_level.fillna("local") == "local")]
    only = local.groupby("measure_id").collective.apply(lambda s: bool(s.fillna(False).astype(bool).all()))
    national = a[a.measure_id.isin(only[only].index)].drop_duplicates("measure_id").assign(
        unit="国家知识产权局", agency="cnipa", unit_level="national", collective=False)
    with_national = dataclasses.replace(corpus, assignments=pd.concat([a, national], ignore_index=True))
    c = workloads.concentration(with_national, include_national=True).set_index("region").loc["Zhongshan"]
    assert c.collective_only_share == pytest.approx(6 / 21, abs=1e-3)
    assert c.collective_only_share_lo < 6 / 21 < c.collective_only_share_hi
