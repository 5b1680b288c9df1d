"""Families of plans printed inside other documents or with other matter around their tasks, each in
that family's style (full-width punctuation as published): tasks scored for an assessment, a year's
work summary before next year's plan, a gazette PDF's page furniture, a plan-wide note on which unit
of a list leads, a 规划's indicator table with five-year totals in brackets, and what a 专栏 says is
there already."""

import pytest

from ipanalysis.parse.normalise import unify_characters
from ipanalysis.parse.tables import rewrite_tables
from ipanalysis.parse.targets import find_targets_in_text
from ipanalysis.rules.scores import score_spans, without_score_notes
from test_item_and_goal_styles import _lines, _plan
from test_unit_styles import units


def _targets(doc) -> list[tuple[float, str]]:
    return sorted((t["value"], t["unit"]) for t in doc.rows("targets"))


def _values(text: str) -> list[tuple[float, str]]:
    return [(t["value"], t["unit"]) for t in find_targets_in_text(unify_characters(text), as_of=(2024, 3))
            if t["kind"] == "commitment"]


@pytest.mark.parametrize("paragraph, expected", [
    ("1．实施高价值专利培育计划。全年PCT国际专利申请量达到15件。（牵头单位：县市场监管局（县知识产权局）；"
     "责任单位：县科技局；完成时限：2024年12月底前）（12分）",
     ([("县市场监管局(县知识产权局)", "lead"), ("县科技局", "responsible")], "2024年12月底前")),
    ("2．培育知识产权优势企业。新增省知识产权示范企业10家。（牵头单位：县市场监管局；配合单位：县工信局）【分值：10分】",
     ([("县市场监管局", "lead"), ("县工信局", "cooperating")], None)),
    ("4．扩大质押融资规模。（牵头单位：县地方金融监管局；责任单位：人行如东县支行）（10分，质押融资额每少1000万元扣0.5分，扣完为止）",
     ([("县地方金融监管局", "lead"), ("人行如东县支行", "responsible")], None)),
])
def test_a_tasks_points_after_its_units_are_neither_units_nor_targets(paragraph, expected):
    assert units(paragraph) == expected
    assert without_score_notes("二、提升知识产权创造质量（30分）") == "二、提升知识产权创造质量"
    assert without_score_notes("建设工作站3个（2024年底前）") == "建设工作站3个（2024年底前）"


def test_points_and_scoring_rules_give_no_targets_but_a_score_goal_does():
    assert _values("全年查办侵权假冒案件不少于25件。评分标准：办案数每少1件扣1分，扣完为止。（牵头单位：县市场监管局）（12分）") == [
        (25.0, "件")]
    assert _values("知识产权保护社会满意度达到82分以上，总分100分。") == [(82.0, "分")]
    assert score_spans("每项加2分") == [(0, 5)]


def test_a_plan_scored_for_assessment_keeps_its_tasks_and_drops_the_scoring_section():
    measures, doc = _plan(
        "一、工作目标\n2024年，全县发明专利授权量达到120件。\n"
        "二、提升知识产权创造质量（30分）\n"
        "1．实施高价值专利培育计划。全年PCT国际专利申请量达到15件。评分标准：每少1件扣0.5分。"
        "（牵头单位：县市场监管局；责任单位：县科技局；完成时限：2024年12月底前）（12分）\n"
        "2．推进商标品牌建设。新增马德里国际注册商标5件。（县市场监管局牵头，县商务局配合）【分值：8分】\n"
        "三、考核办法\n1．评分办法。考核实行百分制，总分100分。县财政局、县审计局按职责参与考核。\n"
        "2．结果运用。考核结果分为优秀（90分及以上）、良好（80分至89分）等次。\n")
    assert measures == [("1", [("县市场监管局", "lead"), ("县科技局", "responsible")], "2024年12月底前"),
                        ("2", [("县市场监管局", "lead"), ("县商务局", "cooperating")], None)]
    assert _targets(doc) == [(5.0, "件"), (15.0, "件"), (120.0, "件")]


def test_a_years_work_summary_before_the_plan_gives_no_tasks_and_no_targets():
    measures, doc = _plan(
        "一、2023年工作总结\n全区有效发明专利拥有量达到1.86万件，同比增长8.3%。\n"
        "（一）保护力度持续加大\n1．区市场监管局牵头，会同区公安分局查处侵权假冒案件38件。（区市场监管局牵头，区公安分局配合）\n"
        "二、存在的问题\n一是高价值专利偏少；二是服务机构规模偏小。\n"
        "三、2024年工作计划\n（一）聚焦质量提升\n"
        "1．实施高价值专利培育工程。力争全年发明专利授权量达到2600件。（区市场监管局牵头，区科技局配合，2024年12月底前）\n"
        "2．加强海外知识产权布局。引导企业开展海外专利布局。区商务局牵头，区市场监管局、区工商联配合。\n"
        "（二）强化工作保障\n加强统筹协调，充分发挥区知识产权工作领导小组作用。\n")
    assert measures == [("1", [("区市场监管局", "lead"), ("区科技局", "cooperating")], "2024年12月底前"),
                        ("2", [("区商务局", "lead"), ("区市场监管局", "cooperating"), ("区工商联", "cooperating")],
                         None)]
    assert [(t["value"], t["unit"]) for t in doc.rows("targets")] == [(2600.0, "件")]


def test_a_gazettes_running_heads_and_page_numbers_between_the_lines_are_dropped():
    measures, _ = _plan(
        "（注：各项任务责任单位中，列第一位的为牵头单位，其余为配合单位。）\n一、重点任务\n"
        "1．推动重点产业专利布局。围绕集成电路等产业开展专利导航。（责任单位：市经信局、市科技局、市投资促进中心）\n"
        "2．扩大知识产权金融服务。推广专利、商标混合质押。（牵头单位：市金融办；配合单位：人行绍兴市分行、\n"
        "— 23 —\n\n2024年第4期　　绍兴市人民政府公报\n"
        "市财政局；完成时限：每年）\n"
        "3．加强商标品牌培育。推进区域公用品牌建设。（责任单位：市市场监管局）\n"
        "·24·\n绍兴市人民政府公报　　2024年第4期\n")
    assert measures == [
        ("1", [("市经信局", "lead"), ("市科技局", "cooperating"), ("市投资促进中心", "cooperating")], None),
        ("2", [("市金融办", "lead"), ("人行绍兴市分行", "cooperating"), ("市财政局", "cooperating")], "每年"),
        ("3", [("市市场监管局", "lead")], None)]


def test_a_note_on_marked_lists_or_on_several_leads_is_no_plan_wide_note():
    from ipanalysis.rules.roles import plan_first_lead_note

    assert plan_first_lead_note("注：各项任务责任单位中，列第一位的为牵头单位，其余为配合单位。") == (True, "cooperating")
    assert plan_first_lead_note("注：责任单位排在第一位的为牵头单位。") == (True, None)
    assert plan_first_lead_note("（说明：有多个牵头单位的，列第一位的为主要牵头单位。）") == (False, None)
    assert plan_first_lead_note("责任科室栏标注“（第一个为牵头科室）”的，排在第一位的为牵头科室，其余为配合科室") == (False, None)


def test_a_guihuas_indicator_table_reads_five_year_totals_in_brackets():
    rewritten = rewrite_tables(_lines("指标\t2020年（基期）\t2025年（目标）\t属性",
                                      "知识产权质押融资登记金额（亿元）\t〔23.5〕\t〔60〕\t预期性",
                                      "有效注册商标量（万件）\t12.6\t18\t预期性"))
    assert [line.text for line in rewritten] == ["知识产权质押融资登记金额到2025年达到60亿元",
                                                 "有效注册商标量到2025年达到18万件"]


def test_what_there_is_already_is_no_target():
    assert _values("维权援助网络建设：在现有3家维权援助分中心基础上，新建知识产权维权援助工作站20家。") == [(20.0, "家")]
    assert _values("在现有基础上，新增专利导航服务基地10个。") == [(10.0, "个")]


def test_an_appendix_table_naming_the_items_by_their_headings_assigns_them_in_the_texts_order():
    measures, doc = _plan(
        "一、重点任务\n1．实施高价值专利培育工程。围绕集成电路产业培育高价值专利。\n"
        "2．加快推进专利导航服务。聚焦重点产业链开展专利导航。\n3．强化知识产权行政执法。加大侵权假冒查处力度。\n"
        "4．加强版权保护。开展软件正版化检查。\n二、保障措施\n（一）加强组织领导。发挥领导小组统筹作用。\n"
        "附件：重点任务分工表\n序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
        "1\t实施高价值专利培育工程\t区市场监管局\t区科技局\t2025年底前\n"
        "2\t加快专利导航服务\t区经信局\t区投资促进中心\t每年\n"
        "3\t加强版权保护\t区委宣传部（区版权局）\t—\t长期坚持\n"
        "4\t强化行政执法\t区市场监管局\t合肥市公安局蜀山分局、区文旅局\t长期坚持\n"
        "注：各牵头单位负责统筹推进，配合单位按职责分工积极参与。\n")
    assert measures == [("1", [("区市场监管局", "lead"), ("区科技局", "cooperating")], "2025年底前"),
                        ("2", [("区经信局", "lead"), ("区投资促进中心", "cooperating")], "每年"),
                        ("3", [("区市场监管局", "lead"), ("合肥市公安局蜀山分局", "cooperating"),
                               ("区文旅局", "cooperating")], "长期坚持"),
                        ("4", [("区委宣传部（区版权局）", "lead")], "长期坚持")]
    assert [m["section"] for m in doc.rows("measures")] == ["一"] * 4  # the items' own section, not the appendix's


def test_task_blocks_of_one_labelled_field_a_line_and_goals_before_the_first_section():
    measures, doc = _plan(
        "　　2024年全区知识产权工作的主要目标是：发明专利授权量达到1400件以上。\n一、提升知识产权创造质量\n"
        "任务1：实施高价值专利培育工程\n工作内容：围绕现代纺织产业培育高价值专利。\n"
        "预期成果：新建高价值专利培育中心3家\n牵头单位：区科技局\n配合单位：区经信局\n完成时限：2024年12月31日前\n\n"
        "任务2：推进花样版权登记\n工作内容：推行花样版权即时登记。\n预期成果：新增登记服务站2个\n"
        "牵头单位：区委宣传部（区版权局）\n配合单位：无\n完成时限：长期\n")
    assert measures == [("任务1", [("区科技局", "lead"), ("区经信局", "cooperating")], "2024年12月31日前"),
                        ("任务2", [("区委宣传部（区版权局）", "lead")], "长期")]
    assert _targets(doc) == [(2.0, "个"), (3.0, "家"), (1400.0, "件")]


def test_milestones_a_base_year_and_a_bracketed_deadline_closed_by_its_completion():
    measures, doc = _plan(
        "一、重点任务\n1．推动专利转化实施。在2023年促成专利转让许可56次的基础上，2024年，促成转让许可80次；"
        "2025年，累计达到200次。（2025年6月底前完成）（牵头单位：县科技局；配合单位：县教育局）\n")
    assert measures == [("1", [("县科技局", "lead"), ("县教育局", "cooperating")], "2025年6月底前完成")]
    assert _targets(doc) == [(80.0, "次"), (200.0, "次")]


def test_a_progress_report_keeps_its_table_tasks_and_not_the_progress_it_reports():
    measures, doc = _plan(
        "一、总体进展情况\n（一）创造质量稳步提升。上半年，全区发明专利授权量1468件，同比增长15.2%。\n"
        "二、重点任务推进情况\n序号\t重点任务\t牵头单位\t配合单位\t进展情况\t完成时限\n"
        "1\t新增国家知识产权优势企业10家\t区市场监管局\t区经信局\t已完成6家，完成率60%\t2024年12月\n"
        "2\t开展专利导航项目2个\t区科技局\t—\t正在推进\t2024年10月底前\n")
    assert measures == [("1", [("区市场监管局", "lead"), ("区经信局", "cooperating")], "2024年12月"),
                        ("2", [("区科技局", "lead")], "2024年10月底前")]
    assert _targets(doc) == [(2.0, "个"), (10.0, "家")]


def test_words_automatic_numbering_pasted_as_enclosed_characters_numbers_items():
    measures, doc = _plan(
        "二、重点任务\n㈠提升知识产权创造质量\n⒈实施高价值专利培育计划。⑴培育示范企业；⑵建设培育中心。"
        "（牵头单位：区市场监管局；配合单位：区科技局）\n⒉加强商标品牌培育。（区市场监管局牵头，区商务局配合）\n"
        "㈡强化知识产权保护\n⒊加大行政执法力度。（牵头单位：区市场监管局；完成时限：持续推进）\n")
    assert measures == [("1", [("区市场监管局", "lead"), ("区科技局", "cooperating")], None),
                        ("2", [("区市场监管局", "lead"), ("区商务局", "cooperating")], None),
                        ("3", [("区市场监管局", "lead")], "持续推进")]
    assert [(s["number"], s["title"]) for s in doc.rows("sections") if s["depth"] == 1] == [
        ("(一)", "提升知识产权创造质量"), ("(二)", "强化知识产权保护")]


def test_an_action_areas_division_of_labour_and_deadline_items_assign_its_measures():
    measures, doc = _plan(
        "一、专利质量提升行动\n（一）工作目标。到2025年底，全市发明专利授权量达到1400件。\n（二）主要措施。\n"
        "1．实施高价值专利培育工程。聚焦重点产业培育高价值专利。\n2．强化专利申请源头治理。严格落实监管要求。\n"
        "（三）责任分工。牵头单位：市市场监管局；配合单位：市科技局、市工信局。\n（四）完成时限：2025年12月底前\n"
        "二、海外知识产权护航行动\n（一）工作目标。建成海外纠纷应对指导工作站1个。\n（二）主要措施。\n"
        "1．建立海外纠纷应对指导机制。依托省级指导中心开展服务。\n"
        "（三）责任分工。由市商务局牵头，市贸促会、市市场监管局配合。\n")
    area_one = [("市市场监管局", "lead"), ("市科技局", "cooperating"), ("市工信局", "cooperating")]
    assert measures == [("1", area_one, "2025年12月底前"), ("2", area_one, "2025年12月底前"),
                        ("1", [("市商务局", "lead"), ("市贸促会", "cooperating"), ("市市场监管局", "cooperating")], None)]
    assert _targets(doc) == [(1.0, "个"), (1400.0, "件")]


def test_a_townships_offices_and_a_county_bureau_that_guides():
    assert units("（牵头单位：镇经发办；配合单位：镇市场监管所、各村（社区）；指导单位：县市场监管局；完成时限：2024年10月底前）")[0] == [
        ("镇经发办", "lead"), ("镇市场监管所", "cooperating"), ("各村(社区)", "cooperating"),
        ("县市场监管局", "cooperating")]
    assert units("推进地理标志专用标志使用。（镇市场监管所负责，镇农业农村服务中心配合，县市场监管局指导）")[0] == [
        ("镇市场监管所", "responsible"), ("镇农业农村服务中心", "cooperating"), ("县市场监管局", "cooperating")]


def test_each_clauses_own_units_make_one_measure_where_a_unit_keeps_its_strongest_role():
    measures, _ = _plan(
        "一、重点任务\n（一）加强高价值专利培育。一是新建高价值专利培育示范中心3个（区市场监管局负责，区科技局配合）；"
        "二是支持高校院所建设专利导航服务基地（区科技局负责）；三是开展专利申请质量提升行动（区市场监管局负责）。\n"
        "（二）强化知识产权行政保护。一是开展专项执法行动（区市场监管局牵头，鼓楼公安分局配合）；"
        "二是加强重点商圈知识产权保护（区市场监管局负责，各街道配合）；三是健全行刑衔接机制（鼓楼公安分局会同区市场监管局负责）。\n")
    assert measures == [
        ("(一)", [("区市场监管局", "responsible"), ("区科技局", "responsible")], None),
        ("(二)", [("鼓楼公安分局", "lead"), ("区市场监管局", "lead"), ("各街道", "cooperating")], None)]  # 会同: A leads


def test_a_safeguards_heading_without_a_number_ends_the_tasks():
    measures, doc = _plan(
        "一、知识产权创造\n1．任务名称：实施高价值专利培育工程；工作内容：培育高价值发明专利100件，新增质押融资40笔；"
        "牵头单位：县市场监管局；配合单位：县科技局；完成时限：2024年12月底前。\n"
        "保障措施：\n（一）加强组织领导。领导小组办公室设在县市场监管局。\n"
        "（二）严格督查考核。每季度末月20日前由各牵头单位报送进展情况。\n")
    assert measures == [("1", [("县市场监管局", "lead"), ("县科技局", "cooperating")], "2024年12月底前")]
    assert [(s["number"], s["title"]) for s in doc.rows("sections") if s["depth"] == 0] == [
        ("一", "知识产权创造"), ("", "保障措施")]
    assert _targets(doc) == [(40.0, "笔"), (100.0, "件")]


def test_a_years_results_listed_after_it_and_a_background_sub_section_give_no_targets():
    _, doc = _plan(
        "一、总体要求和主要目标\n（一）发展基础。2023年，全区有效发明专利拥有量达2.78万件，每万人口高价值\n"
        "发明专利拥有量76.4件，国家知识产权优势示范企业累计达到42家。\n"
        "（二）主要目标。2023年，全区知识产权工作取得新成效：发明专利授权量2865件；PCT国际专利申请量198件。"
        "到2025年，发明专利授权量达到3000件。\n二、重点任务\n1．培育优势企业。新增优势企业5家。（区市场监管局负责）\n")
    assert _targets(doc) == [(5.0, "家"), (3000.0, "件")]


def test_a_bloggers_comment_after_the_plan_ends_it():
    from ipanalysis.parse.normalise import normalise_text

    lines = normalise_text("（一）加强组织领导。\n（二）强化督查。\n（三）营造氛围。\n## 小站点评\n有效注册商标量由2.86万件提高到3.2万件。\n").lines
    assert len(lines) == 3


def test_a_task_tables_name_column_beside_its_measures_column_and_a_later_stage_without_its_year():
    measures, doc = _plan(
        "一、重点任务\n序号\t重点任务\t具体措施\t牵头单位\t配合单位\t完成时限\n"
        "二、促进知识产权转化运用（3项）\n"
        "1\t推动专利转化运用提质增效\t1.完成存量专利盘点1.2万件。2.全年达成开放许可项目150项。\t市科技局\t市教育局\t"
        "2024年9月底前完成存量专利盘点，12月底前完成全年任务\n"
        "2\t推动专利转化运用提质增效\t1.建设知识产权运营服务平台。\t市市场监管局\t—\t2024年12月底前\n"
        "3\t深化知识产权金融服务\t1.新增质押融资企业120家。\t市地方金融监管局\t市财政局\t持续推进\n"
        "4\t开展产业专利导航\t1.完成产业专利导航项目2项。\t市工信局\t市市场监管局\t2024年11月底前\n")
    assert [m["text"].split("。")[0] for m in doc.rows("measures")] == [
        "推动专利转化运用提质增效", "推动专利转化运用提质增效", "深化知识产权金融服务", "开展产业专利导航"]
    assert [m["deadline_date"] for m in doc.rows("measures")] == ["2024-12-31", "2024-12-31", None, "2024-11-30"]
    assert _targets(doc) == [(2.0, "项"), (120.0, "家"), (150.0, "项"), (12000.0, "件")]  # not 3项, a count of rows


def test_runs_of_characters_a_pdf_tool_spaced_out_are_joined():
    from ipanalysis.parse.normalise import join_spaced_characters

    measures, doc = _plan(
        "一 、 重 点 任 务\n1．实施高价值专利培育工程。新增示范企业5家。（ 牵 头 单 位 ： 区 市 场 监 管 局 ； 配 合 单 位 ： 区 科 技 局 ； "
        "完 成 时 限 ： 2 0 2 6 年 底 前 ）\n"
        "2 ． 培 育 优 势 企 业 。 建 成 服 务 网 点 1 2 个 。 （ 区 科 技 局 负 责 ）\n")
    assert measures == [("1", [("区市场监管局", "lead"), ("区科技局", "cooperating")], "2026年底前"),
                        ("2", [("区科技局", "responsible")], None)]
    assert _targets(doc) == [(5.0, "家"), (12.0, "个")]
    assert join_spaced_characters("| 序号 | 任务 | 牵头单位 | 配合单位 | 完成时限 | 进展 | 备注 | 分值 |") == (
        "| 序号 | 任务 | 牵头单位 | 配合单位 | 完成时限 | 进展 | 备注 | 分值 |")  # a Markdown row keeps its spaces


def test_units_printed_once_for_the_tasks_after_and_the_task_before():
    measures, _ = _plan(
        "一、重点任务\n（一）提升创造质量\n1．实施高价值专利培育工程。培育示范企业。（牵头单位：区市场监管局；配合单位：区科技局，下同）\n"
        "2．推进商标品牌建设。引导企业注册商标。\n3．加强地理标志保护。（责任单位同上；完成时限：2024年底前）\n"
        "（二）强化保护\n4．加大执法力度。开展专项行动。（区公安分局牵头，区检察院配合（下同））\n5．深化司法保护。推进三合一审判。\n"
        "6．完善纠纷调解。（区司法局负责）\n7．加强维权援助。建设工作站。\n")
    same = [("区市场监管局", "lead"), ("区科技局", "cooperating")]
    assert measures == [("1", same, None), ("2", same, None), ("3", same, "2024年底前"),
                        ("4", [("区公安分局", "lead"), ("区检察院", "cooperating")], None),
                        ("5", [("区公安分局", "lead"), ("区检察院", "cooperating")], None),
                        ("6", [("区司法局", "responsible")], None), ("7", [], None)]  # 6's own units end the run


def test_a_wechat_editors_section_and_task_numbers_and_emoji_label_lines():
    measures, doc = _plan(
        "01 | 提升知识产权创造质量\n1/ 实施高价值专利培育工程\n围绕重点产业培育高价值专利。\n✅ 牵头单位：市市场监管局\n"
        "✅ 配合单位：市科技局\n[图片]\nPART 02\n促进知识产权转化运用\n▌2. 扩大知识产权金融服务\n推广质押融资。\n"
        "📌牵头单位：市地方金融管理局\n")
    assert measures == [("1", [("市市场监管局", "lead"), ("市科技局", "cooperating")], None),
                        ("2", [("市地方金融管理局", "lead")], None)]
    assert [s["number"] for s in doc.rows("sections") if s["depth"] == 0] == ["01", "02"]


def test_a_policy_interpretation_page_has_no_tasks_and_its_own_title():
    from ipanalysis.parse.document import parse_document

    text = ("政策解读\n　　文字解读\n信息分类：\t政策解读\n关键词：\t知识产权　解读\n"
            "《蜀山区知识产权强区建设实施方案（2024—2026年）》政策解读\n一、起草背景\n为落实…，起草了《方案》。\n"
            "二、主要内容\n（一）提升创造质量。由区市场监管局牵头，会同区科技局实施高价值专利培育工程，到2026年达到85件。\n")
    doc = parse_document(text.encode("utf-8"), "shushan_interpretation.txt")
    row = doc.rows("documents")[0]
    assert (row["title"], row["plan_type"]) == ("《蜀山区知识产权强区建设实施方案（2024—2026年）》政策解读", "政策解读")
    assert doc.rows("measures") == [] and doc.rows("targets") == []


def test_a_table_by_unit_gives_each_numbered_task_of_a_cell_its_own_measure():
    measures, doc = _plan(
        "一、责任清单\n序号\t责任单位\t工作任务\t完成时限\n"
        "1\t区市场监管局\t1.修订专项资金管理办法；2.实施高价值专利培育工程，新增示范企业5家；3.实现质押融资3.2亿元\t"
        "1.2024年6月底前；2.2024年12月底前；3.长期坚持\n"
        "2\t区科技局\t1.开展企业专利导航项目5项。2.2024年底前建成产学研转化平台\t2024年12月底前\n")
    assert measures == [("1", [("区市场监管局", "responsible")], "2024年6月底前"),
                        ("2", [("区市场监管局", "responsible")], "2024年12月底前"),
                        ("3", [("区市场监管局", "responsible")], "长期坚持"),
                        ("1", [("区科技局", "responsible")], "2024年12月底前"),
                        ("2", [("区科技局", "responsible")], "2024年12月底前")]
    assert _targets(doc) == [(3.2, "亿元"), (5.0, "家"), (5.0, "项")]


def test_a_project_list_names_each_project_beside_its_content_and_goals():
    measures, doc = _plan(
        "一、知识产权创造提质工程\n谋划实施3大工程11个重点项目。\n序号\t项目名称\t建设内容及目标\t责任单位\t完成时间\n"
        "1\t高价值专利培育中心建设\t新建高价值专利培育中心5个\t市市场监管局、市科技局\t2025年6月\n"
        "2\t“赣字号”商标品牌培育\t培育区域公用品牌3个\t市市场监管局\t2024—2025年\n"
        "3\t专利导航服务基地\t建成专利导航服务基地2个\t市工信局\t2025年10月\n")
    assert [(m["text"].split("。")[0], m["deadline_date"]) for m in doc.rows("measures")] == [
        ("高价值专利培育中心建设", "2025-06-30"), ("“赣字号”商标品牌培育", "2025-12-31"), ("专利导航服务基地", "2025-10-31")]
    assert measures[0][1] == [("市市场监管局", "responsible"), ("市科技局", "responsible")]
    assert _targets(doc) == [(2.0, "个"), (3.0, "个"), (5.0, "个")]  # not 11个重点项目, the list's own count
