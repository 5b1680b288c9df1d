"""Coding a researcher can defend: coders' sheets, reliability against a hand computation, keyword
in context, intervals, the codebook."""

import pandas as pd
import pytest

import ipanalysis
from ipanalysis.analysis import coding, reliability

A = ["creation", "creation", "protection", "protection", "utilization", "utilization", "management",
     "management", "services", "talent_culture"]
B = ["creation", "protection", "protection", "protection", "utilization", "management", "management",
     "management", "services", "talent_culture"]


def _sheet(stages, instruments=None):
    ids = [f"m{k:02d}" for k in range(len(stages))]
    return pd.DataFrame({"measure_id": ids, "stage": stages, "instruments": instruments or [""] * len(stages)})


def test_kappa_and_alpha_match_a_hand_computation():
    # agreement 8/10; chance agreement from the margins (2,2,2,2,1,1)·(1,3,1,3,1,1)/100 = 0.18
    # kappa = (0.8 - 0.18) / (1 - 0.18) = 0.7561; alpha (nominal, 20 values): 1 - 0.2 / (324/380) = 0.7654
    result = reliability.reliability({"a": _sheet(A), "b": _sheet(B)})
    stage = result["kappa"].set_index("dimension").loc["stage"]
    assert stage.agreement == 0.8 and stage.kappa == pytest.approx(0.62 / 0.82, abs=1e-4)
    alpha = result["alpha"].set_index("dimension").loc["stage", "alpha"]
    assert alpha == pytest.approx(248 / 324, abs=1e-4)
    assert sorted(result["disagreements"].query("dimension == 'stage'").measure_id) == ["m01", "m05"]
    confusion = result["confusion"][("stage", "a", "b")]
    assert confusion.loc["creation", "protection"] == 1 and confusion.loc["utilization", "management"] == 1


def test_instrument_types_as_present_or_absent():
    a = _sheet(A, ["supply:funding"] * 5 + ["environment:regulation_enforcement"] * 5)
    b = _sheet(A, ["supply:funding;demand:procurement"] * 5 + ["environment:regulation_enforcement"] * 5)
    kappa = reliability.reliability({"a": a, "b": b})["kappa"].set_index("dimension").kappa
    assert kappa["supply"] == 1.0 and kappa["environment"] == 1.0 and kappa["demand"] == 0.0


def test_sheets_round_trip_with_the_automatic_coder(tmp_path, corpus):
    sheet = reliability.coding_sheet(corpus, sample=12, seed=1)
    assert len(sheet) == 12 and (sheet.stage == "").all()
    xlsx, csv = reliability.write_coding_sheet(sheet, tmp_path)
    auto = reliability.automatic_coding(corpus)
    filled = sheet.drop(columns=["stage", "instruments"]).merge(auto, on="measure_id")
    filled.to_csv(tmp_path / "coder1.csv", index=False, encoding="utf-8-sig")
    read = reliability.read_sheet(tmp_path / "coder1.csv")
    result = reliability.reliability({"coder1": read}, auto)
    assert (result["kappa"].agreement == 1.0).all() and result["disagreements"].empty
    assert result["kappa"].kappa.dropna().eq(1.0).all()  # undefined (NaN) where one code only was used
    assert len(reliability.read_sheet(xlsx)) == 12
    overrides = reliability.sheet_to_overrides(read)
    assert set(overrides.dimension) == {"stage", "instrument"} and len(overrides[overrides.dimension == "stage"]) == 12


def test_kwic_shows_what_a_term_catches(corpus):
    hits = ipanalysis.kwic(corpus, "托管", window=5)
    assert len(hits) >= 3 and (hits.match == "托管").all() and hits.left.str.len().max() <= 5
    assert set(hits.plan) >= {"Dongli 2020–2021", "Yuzhong 2023"}


def test_bootstrap_intervals_hold_the_estimate(corpus):
    ci = coding.stage_shares_ci(corpus, n_boot=300, seed=3)
    assert len(ci) == 5 * 6
    assert (ci.by_measure_lo <= ci.by_measure).all() and (ci.by_measure <= ci.by_measure_hi).all()
    assert (ci.by_text_lo <= ci.by_text + 1e-9).all() and (ci.by_text <= ci.by_text_hi + 1e-9).all()
    zhongshan = ci[(ci.doc_id == "zhongshan_2017_ip_protection_plan") & (ci.stage == "protection")].iloc[0]
    # every Zhongshan measure is protection (m019, rights-assistance centres, as the blind hand coding has it)
    assert zhongshan.by_measure == 1.0 and zhongshan.by_measure_lo == 1.0
    assert coding.stage_shares_ci(corpus, n_boot=300, seed=3).equals(ci)  # a fixed seed


def test_the_codebook_names_every_code_with_examples(tmp_path, corpus):
    from ipanalysis.analysis.codebook import codebook_markdown, write_codebook

    text = codebook_markdown(corpus)
    for key in ("creation", "utilization", "protection", "management", "services", "talent_culture"):
        assert f"### {key} — " in text
    assert "### supply:talent_training" in text and "Decision rules" in text and "`dongli_2020" in text
    # a definition for every stage, fine theme and sub-tool; the building verbs; every exclusion
    assert text.count("- Definition: ") == 30 + 13 and "- Definition: \n" not in text
    assert "Counts only in a clause with a building verb: 建设" in text
    assert "- `交易`: a place described by the trading done there" in text and "e.g. 督促各街道园区" in text
    assert "No term counts inside: 人才链、资金链" in text
    assert {p.name for p in write_codebook(corpus, tmp_path)} == {"codebook.md", "codebook.docx"}


def test_kappa_is_undefined_without_two_categories_and_says_so_without_warnings():
    import math
    import warnings

    import pandas as pd

    from ipanalysis.analysis.reliability import _kappa

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert math.isnan(_kappa(pd.Series(["protection"] * 3), pd.Series(["protection"] * 3)))
        assert math.isnan(_kappa(pd.Series([], dtype=str), pd.Series([], dtype=str)))
        # two coders, four measures, one disagreement: po 0.75, pe 0.5, κ 0.5
        assert _kappa(pd.Series(list("aabb")), pd.Series(list("aaba"))) == 0.5
