"""The automatic coding against an independent blind hand coding of the seed plans; agreement,
three coders and length-aware instrument shares checked against hand computations."""

from types import SimpleNamespace

import pandas as pd
import pytest

from conftest import FIXTURES
from ipanalysis.analysis import coding, reliability

GOLD = FIXTURES / "codes" / "seeds_coder_a.csv"


def test_the_automatic_coding_agrees_with_the_blind_hand_coding(corpus):
    # floors at the values reached (stage kappa 0.886, type F1 0.863, sub-tool F1 0.744 with
    # substring matching): a regression of the lexicon or the matching breaks them
    result = reliability.agreement(reliability.read_sheet(GOLD), reliability.automatic_coding(corpus))
    assert result["n"] == 123
    assert round(result["stage_accuracy"], 3) >= 0.967 and round(result["stage_kappa"], 3) >= 0.954
    assert round(result["type"]["f1"], 3) >= 0.936 and round(result["type"]["precision"], 3) >= 0.912
    assert round(result["subtool"]["f1"], 3) >= 0.848


def _sheet(ids, stages, instruments):
    return pd.DataFrame({"measure_id": ids, "stage": stages, "instruments": instruments})


def test_agreement_matches_a_hand_computation():
    gold = _sheet(["m1", "m2", "m3"], ["creation", "protection", "utilization"],
                  ["talent_training|funding", "regulation_enforcement", "finance_tax"])
    auto = _sheet(["m1", "m2", "m3"], ["creation", "management", "utilization"],
                  ["supply:talent_training;demand:procurement",
                   "environment:regulation_enforcement;environment:goal_planning", "environment:finance_tax"])
    result = reliability.agreement(gold, auto)
    # stage: agreement 2/3, chance (1/3·1/3 for creation and utilization) 2/9: kappa (6/9-2/9)/(7/9) = 4/7
    assert result["stage_accuracy"] == pytest.approx(2 / 3) and result["stage_kappa"] == pytest.approx(4 / 7)
    # types: gold {supply} {env} {env}, coded {supply, demand} {env} {env}: tp 3, fp 1, fn 0
    assert result["type"] == pytest.approx({"precision": 3 / 4, "recall": 1.0, "f1": 6 / 7})
    # sub-tools: tp 3 (talent_training, regulation_enforcement, finance_tax), fp 2, fn 1 (funding)
    assert result["subtool"] == pytest.approx({"precision": 3 / 5, "recall": 3 / 4, "f1": 6 / 9})


def test_three_coders_the_automatic_one_with_a_missing_code():
    ids = ["u1", "u2", "u3", "u4"]
    a = _sheet(ids, ["creation", "creation", "protection", "protection"], [""] * 4)
    b = _sheet(ids, ["creation", "protection", "protection", "protection"], [""] * 4)
    auto = _sheet(ids, ["creation", "creation", "", "protection"], [""] * 4)
    result = reliability.reliability({"a": a, "b": b}, auto)
    kappa = result["kappa"].query("dimension == 'stage'").set_index(["coder_a", "coder_b"]).kappa
    # a-b: agreement 3/4, chance 1/2·1/4 + 1/2·3/4 = 1/2: kappa 1/2
    assert kappa["a", "b"] == pytest.approx(0.5)
    # the automatic coder is one more coder, on the units it codes (u1, u2, u4)
    assert kappa["a", "automatic"] == 1.0
    # b-automatic: agreement 2/3, chance 1/3·2/3 + 2/3·1/3 = 4/9: kappa (2/9)/(5/9) = 0.4
    assert kappa["b", "automatic"] == pytest.approx(0.4)
    # alpha: 11 pairable values (creation 5, protection 6); coincidences o(c,p) = o(p,c) = 1 (u2);
    # Do = 2/11, De = 2·5·6/(11·10) = 6/11: alpha = 1 - (2/11)/(6/11) = 2/3
    alpha = result["alpha"].set_index("dimension").loc["stage", "alpha"]
    assert alpha == pytest.approx(2 / 3, abs=1e-4)


def _toy_corpus():
    measures = pd.DataFrame({"measure_id": ["p-m1", "p-m2", "p-m3"], "doc_id": ["p"] * 3,
                             "text": ["甲" * 10, "乙" * 30, "丙" * 60]})
    instruments = pd.DataFrame({"measure_id": ["p-m1", "p-m2", "p-m2", "p-m3"],
                                "instrument": ["supply", "supply", "environment", "demand"],
                                "subtool": ["funding", "talent_training", "goal_planning", "procurement"]})
    return SimpleNamespace(measures=measures, measure_instruments=instruments)


def test_instrument_shares_by_measure_and_by_text():
    ci = coding.instrument_shares_ci(_toy_corpus(), n_boot=200, seed=1).set_index("instrument")
    # m2 (30 characters) uses supply and environment: each gets half of it
    # by measure: supply (1 + 1/2)/3, environment (1/2)/3, demand 1/3
    assert ci.by_measure.to_dict() == pytest.approx({"supply": 0.5, "environment": 1 / 6, "demand": 1 / 3}, abs=1e-4)
    # by text: supply (10 + 15)/100, environment 15/100, demand 60/100
    assert ci.by_text.to_dict() == pytest.approx({"supply": 0.25, "environment": 0.15, "demand": 0.6}, abs=1e-4)
    assert (ci.by_measure_lo <= ci.by_measure).all() and (ci.by_text <= ci.by_text_hi).all()


def test_instrument_shares_of_the_seed_plans(corpus):
    ci = coding.instrument_shares_ci(corpus, n_boot=300, seed=3)
    assert len(ci) == 5 * 3
    sums = ci.groupby("doc_id")[["by_measure", "by_text"]].sum()
    assert ((sums - 1).abs() < 1e-3).all().all()
    assert (ci.by_measure_lo <= ci.by_measure + 1e-9).all() and (ci.by_measure <= ci.by_measure_hi + 1e-9).all()
    assert (ci.by_text_lo <= ci.by_text + 1e-9).all() and (ci.by_text <= ci.by_text_hi + 1e-9).all()
    zhongshan = ci[ci.doc_id == "zhongshan_2017_ip_protection_plan"].set_index("instrument")
    assert zhongshan.by_measure.idxmax() == "environment" and zhongshan.loc["environment", "by_measure_lo"] > 0.7
    assert coding.instrument_shares_ci(corpus, n_boot=300, seed=3).equals(ci)  # a fixed seed
    assert coding.view_disagreements(ci).empty and coding.view_disagreements(coding.stage_shares_ci(corpus)).empty


def test_view_disagreements_beyond_the_intervals():
    def row(stage, m, m_lo, m_hi, t, t_lo, t_hi):
        return {"doc_id": "p", "stage": stage, "n_measures": 20, "by_measure": m, "by_measure_lo": m_lo,
                "by_measure_hi": m_hi, "by_text": t, "by_text_lo": t_lo, "by_text_hi": t_hi}

    ci = pd.DataFrame([row("protection", 0.5, 0.40, 0.60, 0.20, 0.15, 0.30),   # intervals apart
                       row("creation", 0.2, 0.10, 0.30, 0.55, 0.45, 0.65),     # apart, and ranked the other way
                       row("services", 0.3, 0.20, 0.40, 0.25, 0.15, 0.35)])    # overlaps both ways
    found = coding.view_disagreements(ci)
    shares = found[found.kind == "share"]
    assert sorted(shares.stage) == ["creation", "protection"]
    ranks = found[found.kind == "rank"]
    assert list(zip(ranks.stage, ranks.other)) == [("protection", "creation")]
