"""Item, unit and goal styles of further families of plans, each in that family's style (full-width
punctuation as published): dash bullets, tasks named 专项行动一 or printed as articles, a unit bracket
after the item's heading or a 由… clause opening it, the officials answerable for a task, a starred
lead, lists left open with 等, short labels, 同上 cells, indicator tables, baselines stated as of a
date, and a township's plan."""

import pytest

from ipanalysis.parse.document import parse_document
from ipanalysis.parse.normalise import Line, unify_characters
from ipanalysis.parse.tables import rewrite_tables
from ipanalysis.parse.targets import find_targets_in_text
from ipanalysis.parse.themes import strip_units
from ipanalysis.parse.unit_groups import find_unit_groups, names_officials_only
from ipanalysis.rules.outline import match_item
from test_unit_styles import units as _units  # one group of a paragraph, split into (unit, role)

HEADER = "某区人民政府办公室关于印发某区知识产权工作方案（2024—2025年）的通知\n\n某区知识产权工作方案（2024—2025年）\n\n"


def _plan(body: str):
    doc = parse_document((HEADER + body).encode("utf-8"), "mouqu_2024_ip_plan.txt")
    units = {}
    for a in doc.rows("assignments"):
        units.setdefault(a["measure_id"], []).append((a["unit"], a["role"]))
    return [(m["number"], units.get(m["measure_id"], []), m["deadline"]) for m in doc.rows("measures")], doc


def test_dash_bullets_are_items_and_tasks_where_they_name_units():
    measures, doc = _plan(
        "一、基本原则\n——坚持创新驱动。发挥知识产权制度激励创新的作用。\n——坚持协同推进。完善统筹协调机制。\n"
        "二、重点任务\n（一）提升创造质量\n"
        "——实施高价值专利培育工程。培育示范中心10家。（牵头单位：区市场监管局；配合单位：区科技局；完成时限：2025年底前）\n"
        "——加强地理标志保护。（责任单位：区农业农村局）\n"
        "三、保障措施\n——加强组织领导。领导小组办公室设在区市场监管局。\n")
    assert measures == [("——", [("区市场监管局", "lead"), ("区科技局", "cooperating")], "2025年底前"),
                        ("——", [("区农业农村局", "responsible")], None)]
    principles = [s for s in doc.rows("sections") if s["number"] == "——" and s["title"].startswith("坚持")]
    assert [s["title"] for s in principles] == ["坚持创新驱动", "坚持协同推进"]  # items, not measures
    assert match_item("——2024年") is None and match_item("— 2 —") is None  # no bullet: a range, a page number


def test_tasks_named_by_a_word_and_a_numeral_are_items():
    measures, _ = _plan(
        "一、专项行动\n专项行动一：专利质量提升行动\n主要内容：实施高价值专利培育计划。\n牵头单位：区市场监管局\n"
        "配合单位：区科技局、区经信局\n完成时限：2025年12月底前\n"
        "专项行动二：商标品牌培育行动\n主要内容：引导经营户注册自主商标。\n责任单位：区市场监管局\n完成时限：持续推进\n")
    assert measures == [
        ("专项行动一", [("区市场监管局", "lead"), ("区科技局", "cooperating"), ("区经信局", "cooperating")],
         "2025年12月底前"),
        ("专项行动二", [("区市场监管局", "responsible")], "持续推进")]
    assert match_item("任务三：加强保护")[:2] == ("named_task", "任务三")


def test_actions_hold_the_tasks_numbered_under_them():
    """A city's three-year action plan: 行动一：… headings over 任务1：… items numbered straight through,
    some written 任务3. …; the actions are no tasks."""
    measures, _ = _plan(
        "二、重点行动\n行动一：知识产权创造提质行动\n"
        "任务1：实施高价值专利培育工程。（牵头单位：市市场监管局；配合单位：市科技局；完成时限：2026年底前）\n"
        "任务2：推进商标品牌建设。（牵头单位：市市场监管局；配合单位：市商务局；完成时限：长期坚持）\n"
        "行动二：知识产权服务提升行动\n"
        "任务3. 培育知识产权服务业集聚区。（牵头单位：市市场监管局；配合单位：市商务局；完成时限：2026年底前）\n")
    assert [(number, units[0][0]) for number, units, _ in measures] == [
        ("任务1", "市市场监管局"), ("任务2", "市市场监管局"), ("任务3", "市市场监管局")]


def test_a_unit_bracket_after_the_items_heading():
    got, deadline = _units("3．实施专利导航工程（牵头单位：市市场监管局（市知识产权局）；配合单位：市发展改革委；"
                           "完成时限：2025年底前）。围绕生物医药等产业开展专利导航，到2025年完成导航项目5项。")
    assert got == [("市市场监管局(市知识产权局)", "lead"), ("市发展改革委", "cooperating")]
    assert deadline == "2025年底前"
    assert _units("6．发展知识产权保险（市金融办负责，市财政局协助）。推广专利执行保险。")[0] == [
        ("市金融办", "responsible"), ("市财政局", "cooperating")]
    # a period or a note after a heading, or a bracket after a long first sentence, assigns nothing
    assert find_unit_groups(unify_characters("1．实施专利导航工程（2024—2026年）。围绕重点产业开展导航。")) == ()
    long_first = "1．围绕生物医药、高端装备、新能源等重点产业链条全面深入开展专利导航分析工作并形成报告（市科技局负责）。另行部署。"
    assert find_unit_groups(unify_characters(long_first)) == ()


def test_the_officials_answerable_for_a_task_are_no_units():
    got, _ = _units("加强行政保护。（责任单位：区市场监管局、区公安分局；责任领导：区委常委、常务副区长）")
    assert got == [("区市场监管局", "responsible"), ("区公安分局", "responsible")]
    line = unify_characters("责任领导：区法院院长、区检察院检察长")  # a line of officials alone: no unit group, no task text
    assert find_unit_groups(line) == () and names_officials_only(line)
    assert strip_units("推进知识产权审判。\n" + line) == "推进知识产权审判。"


def _lines(*texts):
    from ipanalysis.parse.cells import split_cells

    return [Line(t, k, cells=split_cells(t)) for k, t in enumerate(texts, start=1)]


@pytest.mark.parametrize("header, row, sentence", [
    ("序号\t指标名称\t2023年基数\t2025年目标\t指标属性", "3\t有效注册商标量（万件）\t9.8\t11\t预期性",
     "有效注册商标量到2025年达到11万件"),
    ("序号\t主要指标\t2020年\t2025年\t属性", "1\t每万人口高价值发明专利拥有量（件/万人）\t6.2\t12\t预期性",
     "每万人口高价值发明专利拥有量到2025年达到12件"),
    ("序号\t指标\t单位\t基期值\t目标值", "2\t知识产权质押融资登记金额\t亿元\t42.6\t60",
     "知识产权质押融资登记金额达到60亿元"),
])
def test_an_indicator_table_row_reads_as_its_goal(header, row, sentence):
    rewritten = rewrite_tables(_lines(header, row))
    assert [(line.text, line.raw_line) for line in rewritten] == [(sentence, 2)]
    found = find_targets_in_text(rewritten[0].text)
    assert len(found) == 1 and found[0]["kind"] == "commitment"


def test_a_number_stated_as_of_an_earlier_date_is_a_baseline():
    def values(text, as_of=(2024, 3)):
        return [(t["value"], t["unit"]) for t in find_targets_in_text(unify_characters(text), as_of=as_of)]

    text = "近年来，全市知识产权事业稳步发展，截至2023年底，有效发明专利拥有量达1.86万件，有效注册商标总量为13.7万件。"
    assert values(text) == []
    assert values("截至目前，全区已建成知识产权工作站达到12个。") == []
    assert values("截至2023年底，全市有效发明专利拥有量为2.3万件，到2026年达到3.2万件。") == [(32000.0, "件")]
    # a date after the plan's: a target; a plan of unknown date: only a number without a comparator
    assert values("截至2025年底，全市有效发明专利拥有量达到2万件。") == [(20000.0, "件")]
    assert values("截至2023年底，有效发明专利拥有量达1.86万件。", as_of=None) == [(18600.0, "件")]


def test_articles_with_unit_brackets_are_the_measures():
    measures, doc = _plan(
        "第一条　为加快建设知识产权强区，制定本措施。\n"
        "第二条　本措施适用于本区依法登记的企业。\n"
        "第三条　实施专利导航工程。开展产业专利导航分析。（责任单位：区市场监管局、区经信局）\n"
        "第四条　培育知识产权优势企业。力争2025年底前培育优势企业20家。（牵头单位：区科技局；责任单位：区财政局）\n"
        "第五条　本措施由区市场监管局负责解释。\n")
    assert measures == [("第三条", [("区市场监管局", "responsible"), ("区经信局", "responsible")], None),
                        ("第四条", [("区科技局", "lead"), ("区财政局", "responsible")], "2025年底前")]


def test_a_starred_unit_leads_and_a_list_left_open_drops_its_etc():
    assert _units("推进商标品牌建设。（责任单位：区市场监管局（区知识产权局）*、区商务局、区农业农村局）")[0] == [
        ("区市场监管局(区知识产权局)", "lead"), ("区商务局", "responsible"), ("区农业农村局", "responsible")]
    assert _units("加强宣传。（责任单位：区教育局★、团区委）")[0] == [("区教育局", "lead"), ("团区委", "responsible")]
    assert _units("加强司法保护。（县人民法院、县人民检察院、县司法局等部门按职责分工负责）")[0] == [
        ("县人民法院", "responsible"), ("县人民检察院", "responsible"), ("县司法局", "responsible")]
    assert _units("推动转化。（牵头单位：县科技局；配合单位：县教育局、县市场监管局（县知识产权局）等单位）")[0] == [
        ("县科技局", "lead"), ("县教育局", "cooperating"), ("县市场监管局(县知识产权局)", "cooperating")]


def test_units_opening_the_tasks_sentence_after_its_heading():
    got, _ = _units("（六）开展对外贸易知识产权服务。由县商务局牵头，县贸促会、县市场监管局（县知识产权局）等配合，"
                    "建立企业海外知识产权纠纷应对指导机制，引导外贸企业开展海外专利布局。")
    assert got == [("县商务局", "lead"), ("县贸促会", "cooperating"), ("县市场监管局(县知识产权局)", "cooperating")]
    # prose that merely opens with 由 names no units
    assert find_unit_groups(unify_characters("（七）加强保护。由于侵权成本低，维权难度大，需要建立快速维权机制。")) == ()


@pytest.mark.parametrize("text, expected, deadline", [
    ("加大执法力度。（牵头：市市场监管局；配合：市公安局、市司法局；时限：长期坚持）",
     [("市市场监管局", "lead"), ("市公安局", "cooperating"), ("市司法局", "cooperating")], "长期坚持"),
    ("加强人才培养。（责任：市人社局、市教育局；时限：每年）",
     [("市人社局", "responsible"), ("市教育局", "responsible")], "每年"),
    ("推动专利转化。【牵头】市科技局【配合】市教育局【时限】2025年底前",
     [("市科技局", "lead"), ("市教育局", "cooperating")], "2025年底前"),
])
def test_short_labels_without_the_word_unit(text, expected, deadline):
    assert _units(text) == (expected, deadline)


def test_a_same_as_above_cell_repeats_the_row_above():
    rows = rewrite_tables(_lines("序号\t工作任务\t责任单位\t配合单位\t完成时间",
                                 "1\t推动企业申请专利\t镇经济发展办\t镇市场监管所\t2022年12月底前",
                                 "2\t引导个体工商户注册商标\t同上\t同上\t同上"))
    assert [line.text for line in rows] == [
        "1、推动企业申请专利（责任单位：镇经济发展办；配合单位：镇市场监管所；完成时限：2022年12月底前）",
        "2、引导个体工商户注册商标（责任单位：镇经济发展办；配合单位：镇市场监管所；完成时限：2022年12月底前）"]


def test_a_townships_plan_is_located_at_the_township_under_its_county():
    text = ("德化县浔中镇人民政府\n浔政〔2022〕18号\n\n浔中镇人民政府关于印发浔中镇2022年知识产权工作实施方案的通知\n\n"
            "浔中镇2022年知识产权工作实施方案\n\n一、重点任务\n（一）推动陶瓷企业申请外观设计专利。（责任单位：镇经济发展办）\n")
    doc = parse_document(text.encode("utf-8"), "xunzhong_2022.txt").rows("documents")[0]
    assert (doc["region_zh"], doc["admin_level"], doc["region"], doc["city_zh"], doc["adcode"]) == (
        "浔中镇", "township", "Xunzhong_Dehua", "泉州市", None)
    assert doc["title"] == "浔中镇2022年知识产权工作实施方案"


def test_the_title_line_may_add_the_period_the_notice_leaves_out():
    text = ("襄阳市人民政府关于印发襄阳市加快建设知识产权强市若干措施的通知\n\n"
            "襄阳市加快建设知识产权强市若干措施（2022—2025年）\n\n第一条　为加快建设知识产权强市，制定本措施。\n")
    doc = parse_document(text.encode("utf-8"), "xiangyang.txt").rows("documents")[0]
    assert (doc["title"], doc["period_start"], doc["period_end"]) == (
        "襄阳市加快建设知识产权强市若干措施（2022—2025年）", 2022, 2025)


def test_task_paragraphs_whose_numbers_were_lost_are_one_measure_each():
    measures, _ = _plan(
        "一、重点任务\n（一）提升知识产权创造质量\n"
        "　　实施高价值专利培育工程。支持企业培育高价值专利。（牵头单位：县科技局；配合单位：县经信局）\n"
        "　　加强地理标志培育保护。2025年6月底前完成申报。（牵头单位：县市场监管局；配合单位：县农业农村局）\n"
        "（二）加强知识产权保护\n"
        "　　加大行政执法力度。（牵头单位：县市场监管局）\n"
        "二、保障措施\n　　加强组织领导。\n　　强化经费保障。\n")
    assert measures == [("1", [("县科技局", "lead"), ("县经信局", "cooperating")], None),
                        ("2", [("县市场监管局", "lead"), ("县农业农村局", "cooperating")], "2025年6月底前"),
                        ("(二)", [("县市场监管局", "lead")], None)]


def test_a_unit_label_after_a_space_closes_the_paragraph():
    got, deadline = _units("1．推进企业贯标。组织企业开展贯标认证。　牵头单位：区市场监管局　配合单位：区工信局  完成时限：2021年底前")
    assert (got, deadline) == ([("区市场监管局", "lead"), ("区工信局", "cooperating")], "2021年底前")
    assert _units("2．推动专利转化。促进专利技术转化落地。  责任单位：区科技局、南康经开区管委会")[0] == [
        ("区科技局", "responsible"), ("南康经开区管委会", "responsible")]


def test_a_national_bodys_local_branch_is_a_local_unit():
    doc = parse_document((HEADER + "一、重点任务\n1．扩大质押融资。推动银行开发贷款产品。（牵头单位：市金融局；配合单位："
                          "国家金融监督管理总局柳州监管分局、中国人民银行柳州市分行）\n").encode("utf-8"), "branch.txt")
    assert [(a["unit"], a["unit_level"]) for a in doc.rows("assignments")] == [
        ("市金融局", "local"), ("国家金融监督管理总局柳州监管分局", "local"), ("中国人民银行柳州市分行", "local")]


def test_ranges_percentage_points_and_multiples_are_targets():
    found = find_targets_in_text(unify_characters(
        "培育示范企业10—15家，企业占比提高3个百分点，转让许可次数较2024年增长1倍，年均增长12%，培训1.5万人次。"))
    assert [(t["value"], t["value_high"], t["unit"], t["comparator"]) for t in found] == [
        (10.0, 15.0, "家", ">="), (3.0, None, "个百分点", "="), (1.0, None, "倍", "="), (12.0, None, "%", "="),
        (15000.0, None, "人次", "=")]
    assert find_targets_in_text(unify_characters("在2—3个工作日内办结。")) == []


@pytest.mark.parametrize("text, expected, deadline", [
    ("推进商标品牌建设。实施商标品牌战略。责任单位为区市场监管局（区知识产权局）、区商务局。完成时限为2025年12月底前。",
     [("区市场监管局(区知识产权局)", "responsible"), ("区商务局", "responsible")], "2025年12月底前"),
    ("加强人才培养。实施人才培育计划。牵头单位为区人社局，配合单位为区教育局。",
     [("区人社局", "lead"), ("区教育局", "cooperating")], None),
    ("推进服务业发展。引进服务机构10家。此项工作由市科技局牵头，市商务局支持。",
     [("市科技局", "lead"), ("市商务局", "cooperating")], None),
    ("开展质押融资。推动银行开展质押贷款。具体由市金融办负责，市财政局配合。",
     [("市金融办", "responsible"), ("市财政局", "cooperating")], None),
])
def test_units_in_a_closing_sentence_with_wei_or_after_a_short_opener(text, expected, deadline):
    assert _units(text) == (expected, deadline)


def test_a_sentence_opening_with_a_year_before_the_plans_states_a_baseline():
    text = "2017年，全市专利申请量为1126件，每万人口发明专利拥有量为0.9件。到2020年，全市专利申请量达到2500件。"
    found = find_targets_in_text(unify_characters(text), as_of=(2018, 5))
    assert [(t["value"], t["unit"]) for t in found] == [(2500.0, "件")]
    assert len(find_targets_in_text(unify_characters("2025年，全市专利申请量达到2500件。"), as_of=(2024, 3))) == 1


def test_in_a_table_of_two_levels_only_the_plans_own_level_assigns():
    rows = rewrite_tables(_lines("序号\t市级任务\t市级牵头单位\t县级责任单位\t完成时限",
                                 "1\t实施高价值专利培育工程\t市市场监管局\t县市场监管局、县科技局\t2026年底前"))
    assert [line.text for line in rows] == ["1、实施高价值专利培育工程（责任单位：县市场监管局、县科技局；完成时限：2026年底前）"]


def test_a_city_plans_table_with_a_county_column_assigns_both_levels():
    table = ("序号\t工作任务\t市级牵头单位\t县级责任单位\t完成时限\n"
             "1\t实施高价值专利培育工程\t市市场监管局\t各县（市、区）人民政府\t2026年底前\n")
    city = ("绵阳市人民政府办公室关于印发绵阳市知识产权强市建设实施方案（2024—2026年）的通知\n\n"
            "绵阳市知识产权强市建设实施方案（2024—2026年）\n\n一、重点任务\n" + table)
    doc = parse_document(city.encode("utf-8"), "mianyang_2024_ip_plan.txt")
    assert doc.rows("documents")[0]["admin_level"] == "prefecture_city"
    assert [(a["unit"], a["role"]) for a in doc.rows("assignments")] == [
        ("市市场监管局", "lead"), ("各县（市、区）人民政府", "responsible")]


def test_cells_wrapped_onto_the_next_lines_of_a_space_aligned_table_join_their_row():
    from ipanalysis.parse.normalise import normalise_text

    text = ("序号  工作任务                          牵头单位              配合单位\n"
            "1     实施高价值专利培育工程，建设      市市场监督管理局（市  市科技局、包头稀土高新\n"
            "      高价值专利培育中心                知识产权局）          区管委会\n"
            "2     开展产业专利导航                  市工业和信息化局      市财政局\n"
            "      编制导航报告\n")
    rows = rewrite_tables(normalise_text(text).lines)
    assert [(line.text, line.raw_line) for line in rows] == [
        ("1、实施高价值专利培育工程,建设高价值专利培育中心（牵头单位：市市场监督管理局(市知识产权局)；"
         "配合单位：市科技局、包头稀土高新区管委会）", 2),
        ("2、开展产业专利导航编制导航报告（牵头单位：市工业和信息化局；配合单位：市财政局）", 4)]


def test_prose_after_a_weak_label_is_no_unit_list():
    for text in ("（一）加强组织领导。牵头单位为第一责任主体，要加强统筹协调。",
                 "（四）压实责任。责任：落实主体责任，层层压实。", "（三）强化督查。完成时间为年底，各部门要抓好落实。"):
        assert find_unit_groups(unify_characters(text)) == ()
    assert match_item("第十二条规定给予资助，资助资金由市财政局统筹安排") is None  # an article needs a space after it


def test_a_future_year_after_a_baseline_turns_the_sentence_to_targets():
    def values(text):
        return [t["value"] for t in find_targets_in_text(unify_characters(text), as_of=(2024, 1))]

    assert values("截至2023年底，全市有效发明专利1.2万件，2025年底前突破1.5万件。") == [15000.0]
    assert values("2023年，全市有效发明专利拥有量1.2万件，预计2025年达到1.5万件。") == [15000.0]


def test_a_township_name_is_cut_from_its_county_and_government():
    from ipanalysis.rules.gazetteer import locate_township

    place = locate_township("南山区人民政府粤海街道办事处关于印发…的通知", None, "深圳市南山区粤海街道办事处")
    assert (place["name_zh"], place["region"], place["city_zh"]) == ("粤海街道", "Yuehai_Nanshan_Shenzhen", "深圳市")


def test_indented_paragraphs_after_a_space_aligned_table_are_no_wrapped_cells():
    from ipanalysis.parse.normalise import normalise_text

    text = ("　　序号  任务内容          牵头单位        配合单位\n"
            "　　1     开展专利导航      区科技局        区财政局\n"
            "　　二、保障措施\n"
            "　　（一）加强组织领导。各部门要高度重视，明确责任分工，确保各项任务落到实处，取得实效。\n")
    rows = rewrite_tables(normalise_text(text).lines)
    assert rows[0].text == "1、开展专利导航（牵头单位：区科技局；配合单位：区财政局）"
    assert [line.text for line in rows[1:]] == ["二、保障措施", "(一)加强组织领导。各部门要高度重视,明确责任分工,确保各项任务落到实处,取得实效。"]


def test_a_summary_line_after_unnumbered_tasks_assigns_them_all():
    measures, _ = _plan(
        "一、重点任务\n（一）加强知识产权保护\n"
        "　　加大行政执法力度。开展专项执法行动。（区市场监管局负责）\n"
        "　　加强司法保护。推进审判机制改革。（区法院负责）\n"
        "　　以上工作由区市场监管局牵头，区公安分局配合。\n")
    assert [(number, units) for number, units, _ in measures] == [
        ("1", [("区市场监管局", "responsible")]), ("2", [("区法院", "responsible")])]


def test_headings_numbered_by_a_numeral_and_a_closing_bracket_as_a_portal_prints_them():
    """A northeast city's plan off its portal: every paragraph indented with 　　, headings 一）二）, a
    background 发展基础 under 一）whose figures are no targets, and a safeguard 三）with its own units line."""
    measures, doc = _plan(
        "　　一、总体要求\n　　一）发展基础\n　　截至2023年底，全市有效发明专利拥有量1683件；有效注册商标3.62万件，地理标志证明商标21件。\n"
        "　　二、重点任务\n　　一）强化知识产权创造\n　　1）实施高价值专利培育工程。到2026年培育高价值专利组合10个。\n"
        "　　（责任单位：市市场监管局（市知识产权局）、市科技局；完成时限：2026年底前）\n"
        "　　2）推进商标品牌建设。\n　　（责任单位：市市场监管局（市知识产权局）；完成时限：长期坚持）\n"
        "　　三、保障措施\n　　一）加强组织领导。领导小组办公室设在市市场监管局。\n"
        "　　二）加大资金保障。统筹用好知识产权相关资金。\n　　（责任单位：市财政局）\n")
    assert [(number, units) for number, units, _ in measures] == [
        ("1", [("市市场监管局（市知识产权局）", "responsible"), ("市科技局", "responsible")]),
        ("2", [("市市场监管局（市知识产权局）", "responsible")]), ("二", [("市财政局", "responsible")])]
    assert [(t["value"], t["unit"]) for t in doc.rows("targets")] == [(10.0, "个")]
