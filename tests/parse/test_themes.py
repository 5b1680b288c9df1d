"""Theme and instrument coding, the tokeniser and researcher overrides."""

import shutil


from conftest import RAW

from ipanalysis import build_corpus
from ipanalysis.rules.lexicon import STAGES, lexicon, section_stage
from ipanalysis.parse.tokens import content_tokens, segment


def test_ip_terms_are_single_tokens():
    tokens = segment("推进知识产权质押融资,培育高价值专利,发展专利密集型产业,保护地理标志和商业秘密,开展专利侵权纠纷行政裁决")
    for term in ("知识产权质押融资", "高价值专利", "专利密集型产业", "地理标志", "商业秘密", "行政裁决"):
        assert term in tokens


def test_content_tokens_drop_boilerplate_and_units():
    tokens = content_tokens("进一步加强知识产权保护,推进专利导航。区市场监管局按职责分工负责")
    assert "专利导航" in tokens
    for dropped in ("进一步", "加强", "推进", "按职责分工负责", "区市场监管局", "知识产权"):
        assert dropped not in tokens


def test_lexicon_has_the_six_stage_themes_with_labels():
    stages = [t for t in lexicon() if t.level == "stage"]
    assert [t.key for t in stages] == list(STAGES)
    assert all(t.zh and t.en and t.terms for t in lexicon())


def test_every_measure_has_exactly_one_dominant_stage(corpus):
    th = corpus.measure_themes
    stage = th[th.level == "stage"]
    assert set(stage.theme) <= set(STAGES)
    dominant = stage[stage.dominant].groupby("measure_id").size()
    assert set(dominant.index) == set(corpus.measures.measure_id)
    assert (dominant == 1).all()


def test_shares_sum_to_one_per_level(corpus):
    th = corpus.measure_themes
    sums = th.groupby(["measure_id", "level"]).share.sum()
    assert ((sums - 1).abs() < 0.01).all()


def _dominant(corpus):
    th = corpus.measure_themes
    return th[th.dominant].set_index("measure_id").theme


def test_coding_agrees_with_stage_section_titles(corpus):
    """Tongzhou 四(一)…(六) and Yuzhong 一…六 organise their measures under stage titles."""
    m = corpus.measures[corpus.measures.region.isin(["Tongzhou", "Yuzhong"])]
    titles = m.section_title.where(m.region == "Yuzhong", m.subsection_title)
    expected = titles.map(section_stage)
    assert expected.notna().all() and len(m) == 43
    agreement = (m.measure_id.map(_dominant(corpus)) == expected).mean()
    assert agreement >= 0.8, agreement
    assert agreement == 42 / 43


def test_section_stage_cues():
    assert section_stage("完善知识产权工作体系") == "management"
    assert section_stage("厚植知识产权发展基础") == "talent_culture"
    assert section_stage("促进知识产权创造") == "creation"
    assert section_stage("培养知识产权人才") == "talent_culture"


def test_protection_plans_are_protection_heavy(corpus):
    dom = corpus.measures.assign(stage=corpus.measures.measure_id.map(_dominant(corpus)))
    shares = dom.groupby("region").stage.value_counts(normalize=True).unstack(fill_value=0)
    for region in ("Zhongshan", "Dongli"):
        assert shares.loc[region].idxmax() == "protection"
        assert shares.loc[region, "protection"] >= 0.5
    assert shares.loc["Zhongshan", "protection"] > shares.loc["Tongzhou", "protection"]


def test_instruments_cover_every_measure(corpus):
    inst = corpus.measure_instruments
    assert set(inst.measure_id) == set(corpus.measures.measure_id)
    assert set(inst.instrument) == {"supply", "environment", "demand"}
    assert (inst.source == "rule").all()
    first = inst[inst.measure_id == "yuzhong_2023_ip_work_points-m020"]
    assert ("supply", "talent_training") in set(zip(first.instrument, first.subtool))


def test_override_file_wins_and_is_marked(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "overrides.csv").write_text(
        "measure_id,dimension,code,note\n"
        "dongli_2020_2021_ip_protection_plan-m039,instrument,supply:funding,budget line\n"
        "dongli_2020_2021_ip_protection_plan-m039,stage,management,budgeting is management\n"
        "no_such_measure,stage,creation,\n",
        encoding="utf-8",
    )
    report = build_corpus(raw)
    inst = report.corpus.measure_instruments
    rows = inst[inst.measure_id == "dongli_2020_2021_ip_protection_plan-m039"]
    assert list(zip(rows.instrument, rows.subtool, rows.source)) == [("supply", "funding", "override")]
    th = report.corpus.measure_themes
    dom = th[(th.measure_id == "dongli_2020_2021_ip_protection_plan-m039") & th.dominant]
    assert dom.theme.tolist() == ["management"] and dom.matched_terms.iloc[0] == "override"
    assert any("no_such_measure" in w for w in report.warnings)
    others = inst[inst.measure_id != "dongli_2020_2021_ip_protection_plan-m039"]
    assert (others.source == "rule").all()


def test_both_tokenizer_engines_give_identical_content_tokens(corpus):
    from ipanalysis.parse.themes import strip_units

    differing_raw = 0
    for text in corpus.measures.text:
        body = strip_units(text)
        assert content_tokens(body, "rjieba") == content_tokens(body, "jieba")
        if segment(body, "rjieba") != segment(body, "jieba"):
            differing_raw += 1
            # the only known difference: hyphenated number runs (2021-2025)
            joined = [t for t in segment(body, "rjieba") if "-" in t]
            assert joined and all(t.replace("-", "").isdigit() for t in joined)
    assert differing_raw == 1


def test_user_dictionary_honoured_by_both_engines():
    for engine_name in ("rjieba", "jieba"):
        tokens = segment("开展专利侵权纠纷行政裁决,推进知识产权质押融资和专利开放许可", engine_name)
        assert "行政裁决" in tokens and "知识产权质押融资" in tokens and "专利开放许可" in tokens


def test_keyness_without_place_names(corpus):
    from ipanalysis.analysis.themes import keyness

    table = keyness(corpus, n_terms=8)
    table["region"] = table.doc_id.map(corpus.documents.set_index("doc_id").region)
    assert set(table.region) == set(corpus.documents.region)
    assert not set(table.term) & {"重庆", "重庆市", "成渝", "渝中", "通州", "东丽", "中山"}
    zhongshan = set(table[table.region == "Zhongshan"].term)
    assert zhongshan & {"执法", "维权", "案件", "严厉打击"}
    assert (table.groupby("region").z.apply(lambda z: z.is_monotonic_decreasing)).all()
    with_places = keyness(corpus, n_terms=8, drop_place_names=False)
    assert "重庆" in set(with_places[with_places.doc_id == "chongqing_2024_strong_ip_city_plan"].term)


def test_management_tasks_code_management():
    """Leadership, assessment, planning, funding arrangements, demonstration programmes, joint
    meetings and statistics (tests/fixtures/codes/management_plan.txt, a county's work points)."""
    from conftest import FIXTURES
    from ipanalysis.parse.document import parse_document

    plan = FIXTURES / "codes" / "management_plan.txt"
    doc = parse_document(plan.read_bytes(), plan.name)
    dominant = {r["measure_id"]: r for r in doc.rows("measure_themes") if r["level"] == "stage" and r["dominant"]}
    rows = [dominant[m["measure_id"]] for m in doc.rows("measures")]
    assert len(rows) == 7 and all(r["theme"] == "management" for r in rows)
    assert rows[0]["matched_terms"] == "组织领导、领导小组、统筹、协调"
    assert rows[3]["matched_terms"] == "经费、经费保障、预算、专项资金"
    assert rows[4]["matched_terms"] == "强县、示范县、示范园区"
    assert rows[2]["matched_terms"] == "fallback"  # 编制《…规划》: a title is no stage term; the fallback is management
