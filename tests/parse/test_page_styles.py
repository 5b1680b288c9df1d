"""Families of plans laid out over pages or beside other matter, each in that family's style (full-width
punctuation as published): a PDF table whose header repeats on each page (续表) with a row split by
the page break, a pandoc grid table among hard-wrapped paragraphs, an OCR text layer with running
heads and spaces inside numbers, a bilingual plan, a notice whose own goals head the table it
issues, units assigned in an appendix by unit (区科技局：牵头任务2、4), and deadlines a schedule
section gives by task number."""

from ipanalysis.parse.cells import grid_rows
from ipanalysis.parse.normalise import is_translation, normalise_text, unify_characters
from ipanalysis.parse.references import unit_task_lines
from ipanalysis.parse.normalise import Line
from ipanalysis.rules.gazetteer import locate_region
from test_item_and_goal_styles import _plan
from test_report_styles import _targets
from test_source_styles import _document

HEADER_ROW = "序号\t重点任务\t具体举措\t牵头单位\t配合单位\t完成时限"


def test_a_row_a_page_break_split_goes_on_under_the_repeated_header():
    measures, doc = _plan(
        "二、重点任务\n" + HEADER_ROW + "\n"
        "1\t一、提升创造质量\t实施高价值专利培育计划，培育高价值专利组合10个。\t区市场监管局\t区科技局\t2024年12月\n"
        "2\t\t深入实施专利转化运用专项行动，推动高校院所存量专利盘活，促成专利转让许可\t区科技局\t区教育局、\t\n"
        "- 1 -\n续表\n" + HEADER_ROW + "\n"
        "\t\t200件以上，培育专利密集型产品30个。\t\t各街道\t2025年底前\n"
        "3\t二、严格保护\t加大行政执法力度。\t区市场监管局\t区公安分局\t长期坚持\n")
    assert measures == [("1", [("区市场监管局", "lead"), ("区科技局", "cooperating")], "2024年12月"),
                        ("2", [("区科技局", "lead"), ("区教育局", "cooperating"), ("各街道", "cooperating")],
                         "2025年底前"),
                        ("3", [("区市场监管局", "lead"), ("区公安分局", "cooperating")], "长期坚持")]
    assert _targets(doc) == [(10.0, "个"), (30.0, "个"), (200.0, "件")]


GRID = """\
+----+----------------------------+----------+--------------+---------+
| 序 | 工作任务                   | 牵头单位 | 配合单位     | 完      |
| 号 |                            |          |              | 成时间  |
+====+============================+==========+==============+=========+
| 1  | 深入实施                   | 市市     | 市科技       | 2024年1 |
|    | 高价值专利培育工程，新建培 | 场监管局 | 局、各县（市 | 2月底前 |
|    | 育中心3个。                |          | 、区）人民政 |         |
|    |                            |          | 府           |         |
+----+----------------------------+----------+--------------+---------+
| 2  | 加大行政执法力度。         | 市市场监 | 市公安局     | 持      |
|    |                            | 管局     |              | 续推进  |
|    |                            |          | 芜湖海关     |         |
+----+----------------------------+----------+--------------+---------+"""


def test_a_pandoc_grid_tables_rows_are_one_line_each_their_cells_joined():
    rows = grid_rows(GRID.split("\n"))
    assert rows == [(2, "序号\t工作任务\t牵头单位\t配合单位\t完成时间"),
                    (5, "1\t深入实施高价值专利培育工程，新建培育中心3个。\t市市场监管局\t市科技局、各县（市、区）人民政府"
                        "\t2024年12月底前"),
                    (10, "2\t加大行政执法力度。\t市市场监管局\t市公安局 芜湖海关\t持续推进")]
    measures, doc = _plan("二、重点任务\n" + GRID + "\n")
    assert measures == [
        ("1", [("市市场监管局", "lead"), ("市科技局", "cooperating"), ("各县(市、区)人民政府", "cooperating")],
         "2024年12月底前"),
        ("2", [("市市场监管局", "lead"), ("市公安局", "cooperating"), ("芜湖海关", "cooperating")], "持续推进")]


def test_an_ocr_text_layers_running_heads_and_spaces_inside_numbers_are_gone():
    assert unify_characters("地理标志证明商标达到1 2件，惠及企业 4 0家，完成时限:2025 年 6 月底前") == (
        "地理标志证明商标达到12件,惠及企业 40家,完成时限:2025年6月底前")
    assert unify_characters("共 12 30个") == "共 12 30个"  # two numbers, not one spaced
    head = "沂南县推动知识产权高质量发展实施方案"
    page = [head, head, "(2024—2026 年)", "一、重点任务", "1．加强专利创造。", "— 2 —", head, "2．加强保护。", "— 3 —", head,
            "3．优化服务。"]
    texts = [line.text for line in normalise_text("\n".join(page)).lines]
    assert texts == [head, "(2024—2026年)", "一、重点任务", "1.加强专利创造。", "2.加强保护。", "3.优化服务。"]


def test_a_bilingual_plans_english_paragraphs_are_not_read():
    assert is_translation("1. Strengthen the creation of high-value patents. (Lead: Qianhai Authority; Deadline: 2026)")
    assert is_translation("Qianhai Authority (前海管理局) leads the work of intellectual property protection.")
    assert not is_translation("新增PCT国际专利申请量200件，推动R&D投入强度达到4.5%。")
    measures, doc = _plan(
        "二、重点任务\nII. Key Tasks\n"
        "1．建设国际知识产权服务平台。新增涉外服务机构5家。（牵头单位：前海市场监管局；配合单位：前海管理局各相关处室）\n"
        "1. Build an international IP service platform, adding 5 foreign-related service agencies. "
        "(Lead: Qianhai Market Supervision Bureau; Cooperating: relevant divisions of the Qianhai Authority)\n")
    assert measures == [("1", [("前海市场监管局", "lead"), ("前海管理局各相关处室", "cooperating")], None)]
    assert _targets(doc) == [(5.0, "家")]
    assert locate_region("前海深港现代服务业合作区知识产权工作方案", "深圳市前海深港现代服务业合作区管理局", "")["name_zh"] == "深圳市"


def test_a_notices_own_goals_head_the_task_table_it_issues():
    doc = _document(
        "长沙市岳麓区人民政府办公室\n关于印发长沙市岳麓区知识产权强区建设重点任务分工的通知\n"
        "各街道办事处，区直各单位：\n现将分工表印发给你们，并就有关事项通知如下。\n"
        "一、工作目标。2023年，全区有效发明专利达到1.32万件。到2025年底，全区有效发明专利拥有量突破1.6万件，"
        "PCT国际专利申请量达到200件。\n二、工作要求。各牵头单位要明确责任人和时间节点。\n"
        "长沙市岳麓区人民政府办公室\n2024年5月20日\n附件\n长沙市岳麓区知识产权强区建设重点任务分工表\n"
        "序号\t具体举措\t牵头单位\t配合单位\t完成时限\n1\t实施高价值专利培育计划，培育组合10个。\t区市场监管局\t区科技局\t2025年底前\n")
    assert (doc["title"], doc["date_written"], doc["n_measures"], doc["n_targets"]) == (
        "长沙市岳麓区知识产权强区建设重点任务分工表", "2024-05-20", 1, 3)


def test_units_an_appendix_assigns_by_unit_and_deadlines_a_schedule_gives_by_number():
    lines = unit_task_lines([Line("区科技局：牵头任务2、4；配合任务1、3、7—9。", 40),
                             Line("区直其他有关部门：根据职责分工配合做好相关工作。", 41)])
    assert [(line.text, line.raw_line) for line in lines] == [
        ("第2、4项任务由区科技局牵头。", 40), ("第1、3、7—9项任务由区科技局配合。", 40)]
    measures, doc = _plan(
        "二、重点任务\n1．实施高价值专利培育工程。（完成时限：2025年12月底前）\n2．推动企业贯标。\n3．加强商标品牌培育。\n"
        "三、时间安排\n（一）启动部署阶段（2024年3月—4月）。完成第1、2项任务。\n"
        "（二）集中攻坚阶段（2024年5月—2025年6月）。重点推进第3项任务，确定重点工作任务3项。\n"
        "附件：责任分工\n区市场监管局：牵头任务1、3；配合任务2。\n区科技局：牵头任务2；配合任务1、3。\n"
        "区直其他有关部门：根据职责分工配合做好相关工作。\n")
    assert measures == [("1", [("区市场监管局", "lead"), ("区科技局", "cooperating")], "2025年12月底前"),
                        ("2", [("区市场监管局", "cooperating"), ("区科技局", "lead")], "2024年4月"),
                        ("3", [("区市场监管局", "lead"), ("区科技局", "cooperating")], "2025年6月")]
    assert _targets(doc) == []
