"""Measures and responsible units of the five seed plans, checked against the text."""

import pandas as pd
import pytest

from conftest import seed_path

from ipanalysis.parse.deadlines import parse_deadline
from ipanalysis.parse.unit_groups import find_unit_groups
from ipanalysis.parse.units import parse_unit_group, split_top_level

COUNTS = {"Yuzhong": 20, "Zhongshan": 21, "Tongzhou": 23, "Chongqing": 17, "Dongli": 42}


def units_of(corpus, region, seq):
    m = corpus.measures
    measure_id = m[(m.region == region) & (m.seq == seq)].measure_id.iloc[0]
    a = corpus.assignments[corpus.assignments.measure_id == measure_id]
    return list(zip(a.unit, a.role))


def measure(corpus, region, seq):
    m = corpus.measures
    return m[(m.region == region) & (m.seq == seq)].iloc[0]


def test_measure_counts(corpus):
    assert corpus.measures.groupby("region").size().to_dict() == COUNTS


def test_measure_ids_and_sequence(corpus):
    m = corpus.measures
    assert m.measure_id.is_unique
    for region, n in COUNTS.items():
        assert m[m.region == region].seq.tolist() == list(range(1, n + 1))


def test_every_measure_text_is_in_its_raw_lines(corpus):
    from ipanalysis.parse.normalise import remove_pinyin_annotations, to_simplified, unify_characters

    docs = corpus.documents.set_index("doc_id")
    for row in corpus.measures.itertuples():
        raw = (seed_path(docs.loc[row.doc_id, "region"])).read_text(encoding="utf-8").split("\n")
        span = "\n".join(raw[row.line_start - 1: row.line_end])
        span = unify_characters(remove_pinyin_annotations(span)[0])
        if docs.loc[row.doc_id, "script"] == "traditional":
            span = to_simplified(span)
        # the measure's opening and closing words stand on its first and last raw lines
        first_raw = span.split("\n")[0]
        last_raw = span.split("\n")[-1]
        text = unify_characters(row.text)  # the table prints the punctuation full-width, as published
        assert text[:8] in first_raw, row.measure_id
        assert text[-8:] in last_raw, row.measure_id


def test_yuzhong_measures(corpus):
    first = measure(corpus, "Yuzhong", 1)
    assert (first.section, first.section_title, first.number) == ("一", "完善知识产权工作体系", "(一)")
    assert first.heading == "巩固知识产权组织领导"
    assert pd.isna(first.subsection)
    assert first.line_start == first.line_end == 13
    assert units_of(corpus, "Yuzhong", 1) == [("领导小组办公室", "lead"), ("各领导小组成员单位", "responsible")]
    assert units_of(corpus, "Yuzhong", 3) == [
        ("区司法局", "lead"), ("区委宣传部", "responsible"), ("区文化旅游委", "responsible"),
        ("区法院", "responsible"), ("区检察院", "responsible"), ("区公安分局", "responsible"),
        ("区市场监管局", "responsible")]
    assert units_of(corpus, "Yuzhong", 5)[:2] == [("区科技局", "lead"), ("区市场监管局", "lead")]
    assert units_of(corpus, "Yuzhong", 9) == [("区法院", "responsible")]
    last = measure(corpus, "Yuzhong", 20)
    assert (last.number, last.heading, last.section) == ("(二十)", "加大知识产权能力建设", "六")


def test_yuzhong_joined_units_split(corpus):
    # 区市场监管局及其他领导小组成员单位 is two units
    units = units_of(corpus, "Yuzhong", 19)
    assert ("区市场监管局", "responsible") in units
    assert ("其他领导小组成员单位", "responsible") in units
    assert not any("及" in u for u, _ in units)


def test_zhongshan_measures(corpus):
    first = measure(corpus, "Zhongshan", 1)
    assert (first.section, first.subsection, first.subsection_title, first.number) == (
        "二", "(一)", "加大知识产权行政执法力度", "1")
    assert pd.isna(first.heading)
    assert units_of(corpus, "Zhongshan", 1) == [
        ("市工商局", "lead"), ("市公安局", "cooperating"), ("市知识产权局", "cooperating")]
    assert measure(corpus, "Zhongshan", 2).heading == "建立重点企业知识产权保护直通车制度"
    # 中山海关负责,市工商局、知识产权局配合: the bare 知识产权局 is the city's
    assert units_of(corpus, "Zhongshan", 5) == [
        ("中山海关", "responsible"), ("市工商局", "cooperating"), ("市知识产权局", "cooperating")]
    assert units_of(corpus, "Zhongshan", 11) == [("市质监局", "responsible"), ("市知识产权局", "responsible")]
    # item 16 cites a damaged document number (中府办〔201564号) before its unit bracket
    assert units_of(corpus, "Zhongshan", 16) == [("市知识产权联席会议各成员单位", "responsible")]
    m21 = measure(corpus, "Zhongshan", 21)
    assert (m21.subsection, m21.number) == ("(七)", "21")


def test_tongzhou_measures_restart_numbering_and_span_paragraphs(corpus):
    m = corpus.measures[corpus.measures.region == "Tongzhou"]
    assert m.subsection.value_counts().to_dict() == {
        "(一)": 3, "(二)": 3, "(三)": 5, "(四)": 7, "(五)": 3, "(六)": 2}
    assert set(m.section) == {"四"}
    brand = measure(corpus, "Tongzhou", 5)
    assert (brand.subsection, brand.number, brand.heading) == ("(二)", "2", "实施商标品牌培育工程")
    assert (brand.line_start, brand.line_end, brand.n_paragraphs) == (80, 84, 3)
    units = units_of(corpus, "Tongzhou", 5)
    assert ("区市场监管局（知识产权局）", "lead") in units
    assert ("区商务局", "responsible") in units and ("区农业农村局", "responsible") in units
    assert units_of(corpus, "Tongzhou", 1) == [
        ("区市场监管局（知识产权局）", "lead"), ("区知识产权工作领导小组成员单位", "responsible")]
    assert units_of(corpus, "Tongzhou", 17) == [("中国南通（家纺）知识产权快速维权中心", "responsible")]


def test_chongqing_measures(corpus):
    m = corpus.measures[corpus.measures.region == "Chongqing"]
    assert m.number.tolist() == [str(i) for i in range(1, 18)]  # printed 1﹒ … 17﹒, without the separator
    assert m.subsection.value_counts().sort_index().to_dict() == {
        "(一)": 3, "(二)": 3, "(三)": 3, "(四)": 3, "(五)": 5}
    assert measure(corpus, "Chongqing", 7).subsection_title == "加强对外开放和出海护航，共同助力“重庆制造”产品拓展国际新市场"
    a = corpus.assignments
    first = a[a.measure_id == measure(corpus, "Chongqing", 1).measure_id]
    # item 1's garbled unit list: its first unit is 市知识产权局
    assert first.unit.iloc[0] == "市知识产权局"
    assert first[first.unit_level == "local"].unit.tolist() == [
        "市知识产权局", "市司法局", "市发展改革委", "各区县（自治县，以下简称区县）政府"]
    national = first[first.unit_level == "national"]
    assert national.unit.tolist() == [
        "国家知识产权局条法司", "国家知识产权局联席办", "国家知识产权局战略规划司",
        "国家知识产权局保护司", "国家知识产权局运用促进司"]
    assert national.unit_raw.tolist()[1] == "联席办"
    assert set(first.role) == {"responsible"}
    assert bool(first[first.unit.str.startswith("各区县")].collective.iloc[0])


def test_dongli_measures_and_deadlines(corpus):
    m2 = measure(corpus, "Dongli", 2)
    assert (m2.section, m2.section_title, m2.number) == ("一", "完善知识产权保护制度", "2")
    assert m2.deadline == "2021年12月底前完成" and m2.deadline_date == "2021-12-31" and not m2.ongoing
    assert units_of(corpus, "Dongli", 2) == [
        ("区金融局", "lead"), ("区发改委", "responsible"), ("区合作交流办", "responsible"),
        ("区科技局", "responsible"), ("区市场监管局", "responsible")]
    m1 = measure(corpus, "Dongli", 1)
    assert m1.deadline == "持续推进" and m1.ongoing and pd.isna(m1.deadline_date)
    m = corpus.measures[corpus.measures.region == "Dongli"]
    assert m.deadline.value_counts().to_dict() == {"持续推进": 26, "2021年12月底前完成": 16}
    # the safeguards section 八 names units, so its items are measures
    assert m[m.section == "八"].number.tolist() == ["38", "39", "40", "41", "42"]
    assert units_of(corpus, "Dongli", 38) == [("区市场监管局", "lead"), ("各成员单位", "responsible")]


def test_dongli_role_word_mid_list(corpus):
    # (区市场监管局负责、区农业农村委;持续推进)
    assert units_of(corpus, "Dongli", 13) == [("区市场监管局", "responsible"), ("区农业农村委", "responsible")]


def test_dongli_missing_separator(corpus):
    # 区教育局各街道办 lacks its separator
    units = units_of(corpus, "Dongli", 37)
    assert ("区教育局", "responsible") in units and ("各街道办", "responsible") in units


def test_non_measure_sections_are_kept_as_sections(corpus):
    s = corpus.sections
    tongzhou = s[s.region == "Tongzhou"]
    top = tongzhou[tongzhou.depth == 0].set_index("number")
    assert top.loc["三", "title"] == "主要目标" and not top.loc["三", "has_measures"]
    assert top.loc["四", "n_measures"] == 23
    assert set(tongzhou[(tongzhou.top_section == "二") & (tongzhou.depth == 1)].number) == {"1", "2", "3", "4", "5"}
    zhongshan = s[(s.region == "Zhongshan") & (s.depth == 0)].set_index("number")
    assert zhongshan.loc["三", "title"] == "加强保障" and zhongshan.loc["三", "n_measures"] == 0


def test_parentheses_inside_unit_names_do_not_split():
    units, _ = parse_unit_group(
        "责任单位:市知识产权局、市司法局,各区县(自治县,以下简称区县)政府;国家知识产权局条法司、联席办")
    names = [u.unit_raw for u in units]
    assert names == ["市知识产权局", "市司法局", "各区县(自治县,以下简称区县)政府", "国家知识产权局条法司", "联席办"]
    assert [u.level for u in units] == ["local"] * 3 + ["national"] * 2
    assert split_top_level("区市场监管局(知识产权局)、区科技局", "、") == ["区市场监管局(知识产权局)", "区科技局"]


def test_unit_group_must_close_the_paragraph():
    assert find_unit_groups("发挥领导小组(以下简称:领导小组)牵头统领作用,定期召开会议。") == ()
    groups = find_unit_groups("开展宣传,(区委宣传部、区市场监管局按职责分工负责;2021年12月底前完成)")
    assert len(groups) == 1
    units, deadline = parse_unit_group(groups[0].content)
    assert deadline == "2021年12月底前完成"
    assert [(u.unit_raw, u.role) for u in units] == [("区委宣传部", "responsible"), ("区市场监管局", "responsible")]


@pytest.mark.parametrize("printed, iso, ongoing", [
    ("2021年12月底前完成", "2021-12-31", False),
    ("2022年6月底前", "2022-06-30", False),
    ("2023年底前", "2023-12-31", False),
    ("持续推进", None, True),
    (None, None, False),
    ("2025年第二季度", "2025-06-30", False),  # a quarter or a half: its last day
    ("2024年一季度前完成", "2024-03-31", False),
    ("2024年上半年", "2024-06-30", False),
    ("2025年下半年", "2025-12-31", False),
    ("每年第一季度", None, True),
    ("2024年6月底前完成方案制定，2025年12月底前全面完成", "2025-12-31", False),  # staged: the last date
    ("2024年第三季度启动，2025年第二季度建成", "2025-06-30", False),
    ("2024年3月底前制定方案，2024年12月底前取得成效，并长期坚持", "2024-12-31", True),
])
def test_parse_deadline(printed, iso, ongoing):
    assert parse_deadline(printed) == (iso, ongoing)


def test_sub_points_fold_into_their_task_item():
    from ipanalysis.parse import parse_document

    text = """某某区知识产权工作方案
一、加强保护
1.开展专项整治。
(1)打击商标侵权;
(2)打击专利侵权。
(区市场监管局牵头,区公安分局配合)
2.健全调解机制。(区司法局负责)
3.完善执法协作。
①建立会商制度。(区检察院负责)
②建立移送制度。(区法院负责)
"""
    parsed = parse_document(text.encode("utf-8"), "x.txt")
    measures = parsed.tables["measures"]
    assert [m["number"] for m in measures] == ["1", "2", "①", "②"]
    first = measures[0]
    assert first["text"].startswith("开展专项整治。") and "（2）打击专利侵权。" in first["text"]
    assert (first["line_start"], first["line_end"]) == (3, 6)
    units = [(a["unit"], a["role"]) for a in parsed.tables["assignments"] if a["measure_id"] == first["measure_id"]]
    assert units == [("区市场监管局", "lead"), ("区公安分局", "cooperating")]


def test_labelled_unit_lines_and_brackets():
    from ipanalysis.parse import parse_document

    text = """某某市知识产权工作要点
一、加强保护
1.严厉打击侵权假冒行为。
牵头单位:市市场监管局;配合单位:市公安局、市检察院
完成时限:2022年6月底前
2.完善纠纷调解机制。(牵头单位:市司法局;配合单位:市法院;完成时限:持续推进)
3.开展知识产权宣传。
责任单位:市委宣传部、各区政府
"""
    parsed = parse_document(text.encode("utf-8"), "x.txt")
    measures = parsed.tables["measures"]
    assert [m["number"] for m in measures] == ["1", "2", "3"]
    assert measures[0]["deadline"] == "2022年6月底前" and measures[0]["deadline_date"] == "2022-06-30"
    assert measures[1]["deadline"] == "持续推进" and measures[1]["ongoing"]
    by_measure = {}
    for a in parsed.tables["assignments"]:
        by_measure.setdefault(a["measure_id"][-1], []).append((a["unit"], a["role"]))
    assert by_measure["1"] == [("市市场监管局", "lead"), ("市公安局", "cooperating"), ("市检察院", "cooperating")]
    assert by_measure["2"] == [("市司法局", "lead"), ("市法院", "cooperating")]
    assert by_measure["3"] == [("市委宣传部", "responsible"), ("各区政府", "responsible")]


def test_a_first_lead_note_makes_the_first_unit_of_the_list_the_lead():
    units, _ = parse_unit_group("责任单位：区市场监管局（区知识产权局）、区科技局、区经信局（列第一位的为牵头单位）")
    assert [(u.unit_raw, u.role) for u in units] == [
        ("区市场监管局（区知识产权局）", "lead"), ("区科技局", "responsible"), ("区经信局", "responsible")]
