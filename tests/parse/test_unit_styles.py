"""The unit, deadline, target and header rules each family of plans needs, in that family's style
(full-width punctuation as published; the parser sees it after normalisation, as here)."""

import pytest

from ipanalysis.parse.deadlines import deadline_in_text, parse_deadline, phase_end
from ipanalysis.parse.metadata import number_alone
from ipanalysis.parse.normalise import unify_characters
from ipanalysis.parse.targets import find_targets_in_text
from ipanalysis.parse.unit_groups import find_unit_groups
from ipanalysis.parse.units import parse_unit_group


def units(text: str):
    groups = find_unit_groups(unify_characters(text))
    assert len(groups) == 1, groups
    mentions, deadline = parse_unit_group(groups[0].content)
    return [(m.unit_raw, m.role) for m in mentions], deadline


def test_labels_after_a_full_width_comma_and_a_collective_with_a_comma_inside():
    got, _ = units("加快专利转化。（牵头单位：市科技局，配合单位：市财政局、市统计局，各区、县级市人民政府）")
    assert got == [("市科技局", "lead"), ("市财政局", "cooperating"), ("市统计局", "cooperating"),
                   ("各区、县级市人民政府", "cooperating")]


def test_semicolon_labels_in_square_brackets_with_a_deadline():
    got, deadline = units("开展专项行动。〔牵头单位：市市场监管局；责任单位：市公安局、市商务局；完成时限：2024年12月底前〕")
    assert got == [("市市场监管局", "lead"), ("市公安局", "responsible"), ("市商务局", "responsible")]
    assert deadline == "2024年12月底前"


def test_a_labelled_list_that_closes_the_paragraph_without_brackets():
    got, deadline = units("依法从严惩处侵犯知识产权犯罪。【牵头单位】市公安局【责任单位】市市场监管局、市人民检察院【完成时限】长期坚持")
    assert got == [("市公安局", "lead"), ("市市场监管局", "responsible"), ("市人民检察院", "responsible")]
    assert deadline == "长期坚持"


@pytest.mark.parametrize("bracket, expected", [
    ("（区科技局协助）", [("区科技局", "cooperating")]),
    ("（区商务局主办，区贸促会协办）", [("区商务局", "lead"), ("区贸促会", "cooperating")]),
    ("（鄞州公安分局会同区市场监管局负责）", [("鄞州公安分局", "lead"), ("区市场监管局", "cooperating")]),
    ("（区市场监管局会同区公安局、区司法局负责）",
     [("区市场监管局", "lead"), ("区公安局", "cooperating"), ("区司法局", "cooperating")]),
    ("（区市场监管局会同区公安局负责、区司法局配合）",  # the role word after a unit is no part of its name
     [("区市场监管局", "lead"), ("区公安局", "cooperating"), ("区司法局", "cooperating")]),
    ("（区市场监管局牵头，各镇（街道）参与）", [("区市场监管局", "lead"), ("各镇(街道)", "cooperating")]),
    ("（责任单位：市中院（牵头）、市检察院、市司法局）",
     [("市中院", "lead"), ("市检察院", "responsible"), ("市司法局", "responsible")]),
    ("（县市场监管局（知识产权局）牵头，县财政局配合）",
     [("县市场监管局(知识产权局)", "lead"), ("县财政局", "cooperating")]),
])
def test_role_words_after_units(bracket, expected):
    assert units("推进知识产权工作。" + bracket)[0] == expected


def test_a_collective_that_names_an_organisation_is_not_joined_to_the_next_unit():
    got, _ = units("（各镇（街道）、各部门按职责分工负责）")
    assert got == [("各镇(街道)", "responsible"), ("各部门", "responsible")]


@pytest.mark.parametrize("printed, date, ongoing", [
    ("2025年6月底前", "2025-06-30", False),
    ("2025年底前完成", "2025-12-31", False),
    ("2024—2026年", "2026-12-31", False),
    ("2023年全年", "2023-12-31", False),
    ("长期坚持", None, True),
    ("每年第一季度", None, True),
])
def test_deadlines(printed, date, ongoing):
    assert parse_deadline(printed) == (date, ongoing)


def test_a_deadline_in_the_task_sentence():
    assert deadline_in_text("组织高校院所开展存量专利盘活,2024年9月底前完成存量专利梳理。") == "2024年9月底前"
    assert deadline_in_text("加强专业市场知识产权保护,长期坚持。") == "长期坚持"
    assert deadline_in_text("持续推进知识产权强市建设。") is None  # a verb here, not a schedule


@pytest.mark.parametrize("text, deadline, date", [
    ("二〇二四年底前，建成区级知识产权公共服务平台。", "二〇二四年底前", "2024-12-31"),
    ("力争于二〇二五年六月底前完成存量专利盘点。", "二〇二五年六月底前", "2025-06-30"),
    ("推动专利开放许可试点。二零二六年三月底前完成。", "二零二六年三月底前完成", "2026-03-31"),  # 零 for 〇
    ("较二〇二三年增长百分之十，二○二五年十二月底前完成评估。", "二○二五年十二月底前", "2025-12-31"),
])
def test_a_deadline_in_chinese_numerals_in_the_task_sentence(text, deadline, date):
    """Formal plans write the dates of their task prose in Chinese numerals; the deadline keeps them
    as printed, its date is read from them (a baseline year with no 前 is no deadline)."""
    found = deadline_in_text(unify_characters(text))
    assert (found, parse_deadline(found)[0]) == (deadline, date)


def test_a_phase_heading_in_chinese_numerals_ends_its_tasks():
    assert phase_end("（二）集中攻坚阶段（二〇二四年五月—十月）") == "2024年10月"
    assert phase_end("（一）动员部署阶段（2024年3月—4月）") == "2024年4月"


@pytest.mark.parametrize("text, expected, deadline", [
    ("（2024年6月底前完成；县司法局牵头，县市场监管局、县法院配合）",
     [("县司法局", "lead"), ("县市场监管局", "cooperating"), ("县法院", "cooperating")], "2024年6月底前完成"),
    ("（全年；县市场监管局负责）", [("县市场监管局", "responsible")], "全年"),
    ("（长期坚持。责任单位：县科技局、县市场监管局）",
     [("县科技局", "responsible"), ("县市场监管局", "responsible")], "长期坚持"),
    ("（2024年12月底前完成，县市场监管局会同县科技局负责）",
     [("县市场监管局", "lead"), ("县科技局", "cooperating")], "2024年12月底前完成"),
    ("（年底前；县人力社保局牵头，县教育局参与）", [("县人力社保局", "lead"), ("县教育局", "cooperating")], "年底前"),
])
def test_a_unit_bracket_that_gives_its_deadline_first(text, expected, deadline):
    assert units("开展知识产权专项工作。" + text) == (expected, deadline)


def test_a_task_tables_unit_cell_that_labels_its_roles():
    """A 责任单位 column whose cells label the roles, after a semicolon or a space (joined by 、)."""
    assert units("实施专利导航工程（责任单位：牵头：区市场监管局；配合：区科技局、区财政局）")[0] == [
        ("区市场监管局", "lead"), ("区科技局", "cooperating"), ("区财政局", "cooperating")]
    assert units("开展专项执法行动（责任单位：牵头：区市场监管局、配合：崂山公安分局、区文化和旅游局）")[0] == [
        ("区市场监管局", "lead"), ("崂山公安分局", "cooperating"), ("区文化和旅游局", "cooperating")]


@pytest.mark.parametrize("deadline, year, date", [
    ("12月底前", 2023, "2023-12-31"), ("年底前", 2024, "2024-12-31"), ("第三季度", 2024, "2024-09-30"),
    ("12月底前", None, None), ("2025年6月底前", 2024, "2025-06-30"), ("长期坚持", 2024, None), ("全年", 2024, None),
])
def test_a_deadline_without_a_year_in_an_annual_plan(deadline, year, date):
    assert parse_deadline(deadline, year)[0] == date


def test_subsidies_and_caps_are_no_commitments():
    found = find_targets_in_text(unify_characters("对授权发明专利每件最高资助3000元，资助总额不超过100万元。"))
    assert {(t["value"], t["unit"], t["kind"]) for t in found} == {(3000.0, "元", "cap"), (100.0, "万元", "cap")}
    found = find_targets_in_text(unify_characters("全年新增知识产权质押融资50亿元，查办案件50起。"))
    assert {(t["value"], t["unit"], t["kind"]) for t in found} == {(50.0, "亿元", "commitment"),
                                                                  (50.0, "起", "commitment")}


def test_a_count_after_its_noun_in_chinese_numerals_is_a_target():
    """Formal plans put a count after what it counts (培育…企业三家，): a target even below ten;
    before a noun (三家企业) it is prose."""
    found = find_targets_in_text(unify_characters("在各乡镇建设知识产权工作站八个，培育国家知识产权优势企业三家。"))
    assert [(t["value"], t["unit"]) for t in found] == [(8.0, "个"), (3.0, "家")]
    assert find_targets_in_text(unify_characters("支持三家企业开展专利导航，推动两个园区协同发展。")) == []


def test_a_sentence_that_looks_back_holds_no_target():
    text = unify_characters("培育知识产权优势企业。自2021年以来，全县累计培育省级知识产权优势企业8家，但管理水平不高。"
                            "力争新增省级知识产权优势企业五家以上。")
    found = find_targets_in_text(text, as_of=(2024, 3))
    assert [(t["value"], t["unit"], t["comparator"]) for t in found] == [(5.0, "家", ">=")]


def test_durations_are_no_targets():
    found = find_targets_in_text(unify_characters("在5个工作日内完成审核，满意度达到85分以上。"))
    assert [(t["value"], t["unit"], t["comparator"]) for t in found] == [(85.0, "分", ">=")]


@pytest.mark.parametrize("line, number", [
    ("（平政发〔2016〕21号）", "平政发〔2016〕21号"),
    ("合政办〔2023〕8号 2023年3月15日", "合政办〔2023〕8号"),
    ("南府办〔2021〕17 号", "南府办〔2021〕17号"),
    ("闽市监知发字〔2022〕9号", "闽市监知发字〔2022〕9号"),
    ("郑政办（2021）23号", "郑政办(2021)23号"),
    ("根据《国务院关于…》（国发〔2021〕20号）要求", None),
])
def test_document_numbers_on_a_line_of_their_own(line, number):
    assert number_alone(unify_characters(line)) == number


@pytest.mark.parametrize("text, expected", [
    ("加大对企业的扶持力度（市财政局按规定给予支持）。", [("市财政局", "cooperating")]),
    ("建设知识产权服务站点（区科技局牵头，各镇（街道）积极参与）。",
     [("区科技局", "lead"), ("各镇(街道)", "cooperating")]),  # brackets as normalised
    ("开展质押融资（区金融办牵头，区财政局给予资金支持，人行县支行密切配合）。",
     [("区金融办", "lead"), ("区财政局", "cooperating"), ("人行县支行", "cooperating")]),
])
def test_manner_words_before_a_role_word_are_no_part_of_the_unit(text, expected):
    assert units(text)[0] == expected


def test_each_item_or_each_kind_is_no_collective_unit():
    assert find_unit_groups(unify_characters("（二）压实责任。责任部门为各项任务落实的主体，要抓好落实。")) == ()
    assert find_unit_groups(unify_characters("（三）强化宣传。责任单位为各类市场主体和服务机构。")) == ()
    assert units("开展执法检查（责任单位：各镇（街道））。")[0] == [("各镇(街道)", "responsible")]
