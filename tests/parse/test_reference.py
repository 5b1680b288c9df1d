"""A plan that names no units (a provincial or national plan) builds as a reference document; the
documents a plan cites; targets that count once."""

from pathlib import Path

from ipanalysis.parse.document import parse_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_a_provincial_plan_without_unit_brackets_is_a_reference(tmp_path):
    path = FIXTURES / "corpus" / "zhejiang_14th_fyp_ip_plan.txt"
    parsed = parse_document(path.read_bytes(), path.name)
    doc = parsed.rows("documents")[0]
    assert (doc["kind"], doc["plan_type"], doc["admin_level"], doc["region_zh"]) == ("reference", "规划", "province", "浙江省")
    measures = parsed.rows("measures")
    assert [m["number"] for m in measures] == [str(n) for n in range(1, 10)]  # tasks only: no goals, no safeguards
    assert parsed.rows("assignments") == []
    stages = {t["measure_id"][-4:]: t["theme"] for t in parsed.rows("measure_themes") if t["dominant"]}
    assert stages["m001"] == "creation" and stages["m004"] == "protection" and len(stages) == 9
    assert [(t["value"], t["unit"]) for t in parsed.rows("targets")] == [(14.0, "件"), (1000.0, "亿元"), (85.0, "分")]
    cited = {c["cited_key"]: c["cited_level"] for c in parsed.rows("citations")}
    assert cited["国发〔2021〕20号"] == "national"
    assert "浙江省知识产权保护和运用十四五规划" not in cited  # its own title is no citation


def test_rules_and_notices_stay_without_measures():
    for name in ("12_articles_subsidy_rules.txt", "13_notice_no_tasks.txt"):
        parsed = parse_document((FIXTURES / "styles" / name).read_bytes(), name)
        assert parsed.rows("measures") == [] and parsed.rows("documents")[0]["kind"] == "reference"


def test_a_goal_restated_in_a_task_counts_once(corpus):
    t = corpus.targets[corpus.targets.region == "Tongzhou"]
    commitments = t[(t["kind"] == "commitment") & t.restates.isna()]
    assert len(commitments) == 16 and commitments.measure_id.notna().sum() == 1  # 15 goals, one more in a task
    repeat = t[t.restates.notna()]
    assert repeat[["value", "unit"]].values.tolist() == [[2400.0, "人次"]]
    assert t.loc[t.target_id == repeat.restates.iloc[0], "measure_id"].isna().all()  # it restates a goal
    assert (t["kind"] == "cap").sum() == 1
    assert int(corpus.documents.set_index("region").loc["Tongzhou", "n_targets"]) == 16


def test_the_satisfaction_score_is_not_set_against_a_percentage(corpus):
    from ipanalysis.analysis.targets import national_comparison

    comp = national_comparison(corpus)
    satisfaction = comp[comp.indicator_key == "protection_satisfaction"]
    assert len(satisfaction) and not satisfaction.comparable.any()
    shares = comp[comp.indicator_key == "patent_intensive_industry_gdp_share"]
    assert (shares.baseline_year == 2019).all()
