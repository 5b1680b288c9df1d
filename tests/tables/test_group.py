"""Plans grouped into documents (by level, province, type): every table follows, nothing is lost,
and the figures of a corpus too large for a page are drawn by groups."""

import pytest

from ipanalysis.tables.group import choose_grouping, figure_corpus, group_corpus, is_grouped


def test_groups_keep_every_measure_and_add_up_the_plans(mixed):
    grouped = group_corpus(mixed, "admin_level")
    docs = grouped.documents.set_index("doc_id")
    levels = mixed.documents.admin_level.fillna("unknown")
    assert sorted(docs.index) == sorted(f"admin_level={lv}" for lv in levels.unique())
    assert docs.n_plans.sum() == len(mixed.documents) == 10
    district = docs.loc["admin_level=district"]
    own = mixed.documents[mixed.documents.admin_level == "district"]
    assert district.n_plans == len(own) and district.n_measures == own.n_measures.sum()
    assert district.region == f"District ({len(own)})" and district.region_zh == f"区（{len(own)}）"
    for table in ("measures", "assignments", "targets", "measure_themes", "measure_instruments"):
        before, after = getattr(mixed, table), getattr(grouped, table)
        assert len(after) == len(before) and set(after.doc_id) <= set(docs.index), table
    # a measure keeps its id and text; its plan's level decides its group
    m = mixed.measures.iloc[0]
    level = mixed.documents.set_index("doc_id").admin_level[m.doc_id]
    assert grouped.measures.set_index("measure_id").doc_id[m.measure_id] == f"admin_level={level}"
    # groups of groups add up the plans
    assert group_corpus(grouped, "kind").documents.n_plans.sum() == 10


def test_a_group_spans_its_plans_years(mixed):
    docs = group_corpus(mixed, "province_zh").documents.set_index("region_zh")
    chongqing = docs.loc["重庆市（4）"]  # Yuzhong 2023 and 2024, Dadukou 2024, Chongqing 2024
    assert (chongqing.period_start, chongqing.period_end) == (2023, 2024)
    with pytest.raises(ValueError, match="not a column"):
        group_corpus(mixed, "no_such_column")


def test_figures_group_the_plans_only_beyond_a_page(mixed):
    assert figure_corpus(mixed)[1] is None  # ten plans fit a page
    grouped, by = figure_corpus(mixed, max_plans=5)
    assert by == choose_grouping(mixed.documents, 5) == "admin_level" and is_grouped(grouped)
    assert len(grouped.documents) == mixed.documents.admin_level.nunique()
    assert figure_corpus(mixed, by="plan", max_plans=5)[1] is None


def test_figures_drawn_by_groups(mixed_dir, tmp_path):
    import json

    from ipanalysis.figures.registry import draw, draw_all

    written = {p.name for p in draw_all(mixed_dir, tmp_path, langs=("en",), by="admin_level", jobs=1,
                                        names=["themes_stage_profile", "diffusion_reuse_by_date"])}
    assert written == {"themes_stage_profile_en.png", "themes_stage_profile_en.pdf"}
    entries = json.loads((tmp_path / "figures.json").read_text(encoding="utf-8"))["figures"]
    assert entries["diffusion_reuse_by_date"]["empty"]  # documents one by one: not drawn for groups
    from ipanalysis import load_corpus

    fig = draw("themes_stage_profile", load_corpus(mixed_dir), "en", by="admin_level")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert any(label.startswith("District (") for label in labels) and len(labels) == 4
    # a corpus the caller grouped is drawn, never shown as the files drawn from the corpus as loaded
    from matplotlib.figure import Figure

    from ipanalysis.figures.registry import show

    draw_all(mixed_dir, tmp_path / "plain", langs=("en",), names=["themes_stage_profile"], jobs=1)
    assert not isinstance(show("themes_stage_profile", load_corpus(mixed_dir), "en", tmp_path / "plain"), Figure)
    grouped = group_corpus(load_corpus(mixed_dir), "province_zh")
    assert isinstance(show("themes_stage_profile", grouped, "en", tmp_path / "plain"), Figure)


def test_a_missing_and_an_empty_value_are_one_group_when_a_grouping_is_chosen():
    import pandas as pd

    from ipanalysis.tables.group import choose_grouping

    documents = pd.DataFrame({"admin_level": ["", None, ""], "province_zh": ["天津市", "重庆市", "天津市"],
                              "plan_type": ["工作要点"] * 3})
    assert choose_grouping(documents) == "province_zh"  # admin_level would give one group, "unknown"
