"""Families of plans laid out over pages or beside other matter, each in that family's style (full-width
punctuation as published): a PDF table whose header repeats on each page (续表) with a row split by
the page break, a pandoc grid table among hard-wrapped paragraphs, an OCR text layer with running
heads and spaces inside numbers, a bilingual plan, a notice whose own goals head the table it
issues, units assigned in an appendix by unit (区科技局：牵头任务2、4), deadlines a schedule section
gives by task number; a table drawn in box characters, one small key/value table a task (一事一表),
tasks lettered A． (a) a), a spreadsheet's dates and quoted cells, a table's goal and remark columns,
contacts noted after units, a responsibility matrix (★ and √ under each unit's column), an old .doc
converter's comment marks ([批注1]) and a news page's captions, adverts and related links; tasks coded
as a ledger codes them (【CZ-01】), an appendix schedule by month whose 序号 name the tasks, a table's
yearly goal columns, and a role in brackets that closes a group of units (B、C（配合）), and a Roman-numeral outline."""

from ipanalysis.parse.cells import grid_rows
from ipanalysis.parse.document import parse_document
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
        ("1", [("市市场监管局", "lead"), ("市科技局", "cooperating"), ("各县（市、区）人民政府", "cooperating")],
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
    doc = _document(
        "潍坊市人民政府办公室关于印发潍坊市2024年知识产权强市建设重点任务清单的通知\n潍政办字〔2024〕9号\n"
        "各县市区人民政府，市政府各部门：\n2023年，全市有效发明专利拥有量达到1.86万件。2024年，全市力争新增发明专利授权量"
        "4500件以上。现将《潍坊市2024年知识产权强市建设重点任务清单》印发给你们，请认真贯彻落实。\n"
        "潍坊市人民政府办公室\n2024年3月8日\n潍坊市2024年知识产权强市建设重点任务清单\n"
        "序号\t重点任务\t工作目标\t牵头单位\t完成时限\n1\t推进专利转化。\t转让许可300件。\t市科技局\t2024年12月底前\n")
    assert (doc["n_measures"], doc["n_targets"]) == (1, 2)  # 300 件 in its row, 4500 件 in the notice; 1.86万件 was


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


def test_a_table_drawn_in_box_characters_is_read_like_a_grid_table():
    drawn = ("┌─┬────────┬──────┬────┐\n│序│重点任务        │责任        │完成    │\n│号│                │单位        │时限    │\n"
             "├─┼────────┼──────┼────┤\n│1 │实施高价值专利培│县市场监管局│2024年12│\n│  │育工程，培育组合│（知识产权局│月底前  │\n"
             "│  │5个。           │）          │        │\n└─┴────────┴──────┴────┘")
    assert [text for _, text in grid_rows(drawn.split("\n"))] == [
        "序号\t重点任务\t责任单位\t完成时限", "1\t实施高价值专利培育工程，培育组合5个。\t县市场监管局（知识产权局）\t2024年12月底前"]
    measures, doc = _plan("二、重点任务\n" + drawn + "\n")
    assert measures == [("1", [("县市场监管局（知识产权局）", "responsible")], "2024年12月底前")]
    assert _targets(doc) == [(5.0, "个")]


def test_one_small_key_value_table_a_task_is_one_measure_with_its_fields():
    measures, doc = _plan(
        "2025年，全区发明专利授权量力争达到3200件，各项指标保持全市前列。按照“一事一表”要求，将全年重点工作分解为2项任务。\n"
        "任务一\t加快高价值专利培育\n工作目标\t培育高价值专利组合8个。\n"
        "工作措施\t1．聚焦重点产业实施培育计划。\n2．对新获批的培育中心给予最高30万元奖励。\n"
        "牵头单位\t区市场监管局\n配合单位\t区科技局、区工信局\n完成时限\t2025年12月底前\n\n"
        "任务二\t推动专利转化运用\n工作目标\t推动专利转让许可300件。\n责任单位\t区科技局、区教育局\n时间节点\t2025年11月底前\n")
    assert measures == [("任务一", [("区市场监管局", "lead"), ("区科技局", "cooperating"), ("区工信局", "cooperating")],
                         "2025年12月底前"),
                        ("任务二", [("区科技局", "responsible"), ("区教育局", "responsible")], "2025年11月底前")]
    assert _targets(doc) == [(8.0, "个"), (30.0, "万元"), (300.0, "件"), (3200.0, "件")]  # 30 万元: a cap
    assert [t["kind"] for t in doc.rows("targets") if t["unit"] == "万元"] == ["cap"]


def test_tasks_lettered_as_a_pasted_word_list_assigned_to_a_bureaus_own_offices():
    measures, _ = _plan(
        "一、提升创造质量\nA．深入实施高价值专利培育工程。（责任处室：专利管理处；配合处室：运用促进处、战略规划处）\n"
        "B．全面提升商标品牌建设水平。（牵头：商标品牌处，配合：办公室）\n"
        "二、促进转化运用\n（a）深入实施专利转化运用专项行动。（牵头：运用促进处，配合：专利管理处、各市（州）知识产权管理部门）\n"
        "三、严格保护\na)\t加强知识产权行政保护。（责任处室：保护处）\n")
    assert measures == [
        ("A", [("专利管理处", "responsible"), ("运用促进处", "cooperating"), ("战略规划处", "cooperating")], None),
        ("B", [("商标品牌处", "lead"), ("办公室", "cooperating")], None),
        ("(a)", [("运用促进处", "lead"), ("专利管理处", "cooperating"), ("各市（州）知识产权管理部门", "cooperating")], None),
        ("a", [("保护处", "responsible")], None)]


def test_a_spreadsheets_dates_quoted_cells_and_extra_columns():
    measures, doc = _plan(
        "序号\t重点任务\t工作目标\t牵头单位\t配合单位\t完成时限\t考核指标\t备注\n"
        "1\t\"加强地理标志培育，推进\"\"霍山石斛\"\"运用促进工程。\"\t新申报地理标志证明商标1件。\t县农业农村局\t"
        "\"霍山经开区管委会\n各乡镇人民政府\"\t2025.6.30\t完成率≥90%得满分\t★重点任务\n"
        "2\t深化知识产权质押融资。\t质押融资额达到3亿元。\t县财政局\t/\t2024.10-2025.6\t每低10个百分点扣1分\t联系人：王XX 0564-5021XXX\n"
        "3\t推进版权示范创建。\t\t县委宣传部（县版权局）\t县文旅局\t2024.12底前\t\t\n")
    assert measures == [
        ("1", [("县农业农村局", "lead"), ("霍山经开区管委会", "cooperating"), ("各乡镇人民政府", "cooperating")], "2025.6.30"),
        ("2", [("县财政局", "lead")], "2024.10-2025.6"),
        ("3", [("县委宣传部（县版权局）", "lead"), ("县文旅局", "cooperating")], "2024.12底前")]
    assert [m["deadline_date"] for m in doc.rows("measures")] == ["2025-06-30", "2025-06-30", "2024-12-31"]
    assert _targets(doc) == [(1.0, "件"), (3.0, "亿元")]


def test_a_contact_noted_after_a_unit_is_no_part_of_its_name():
    measures, doc = _plan(
        "二、重点任务\n1．加强版权保护。（责任单位：区委宣传部（区版权局）（联系人：赵XX 0571-8699XXXX）、区社发局）\n"
        "2．推进商标品牌建设。（牵头单位：区市场监管局，联系人：王XX，联系电话：0571-8765XXXX；配合单位：区商务局（联系人：孙XX "
        "13XXXXXXXXX）；完成时限：2024年12月底前）\n")
    assert measures == [("1", [("区委宣传部（区版权局）", "responsible"), ("区社发局", "responsible")], None),
                        ("2", [("区市场监管局", "lead"), ("区商务局", "cooperating")], "2024年12月底前")]
    assert _targets(doc) == []


def test_a_responsibility_matrix_marks_each_units_role_in_its_column():
    measures, doc = _plan(
        "二、重点任务\n序号\t工作任务\t县市场监管局\t县科技局\t县财政局\t各乡镇（街道）\t完成时限\n"
        "1\t实施高价值专利培育工程，培育组合5个。\t★\t√\t\t√\t2024年12月底前\n"
        "2\t推动专利转化运用。\t√\t★\t●\t\t持续推进\n"
        "3\t建设知识产权保护工作站。\t★\t\t\t★\t2024年10月底前\n"
        "注：★为牵头单位，√为配合单位。\n")
    assert measures == [
        ("1", [("县市场监管局", "lead"), ("县科技局", "cooperating"), ("各乡镇（街道）", "cooperating")], "2024年12月底前"),
        ("2", [("县科技局", "lead"), ("县市场监管局", "cooperating"), ("县财政局", "cooperating")], "持续推进"),
        ("3", [("县市场监管局", "lead"), ("各乡镇（街道）", "lead")], "2024年10月底前")]
    assert _targets(doc) == [(5.0, "个")]


def test_a_doc_converters_comment_marks_and_a_news_pages_matter_are_not_read():
    measures, doc = _plan(
        "一、工作目标\n到2024年底，每万人口高价值发明专利拥有量达到3.2件[批注1]，举办培训5场[A2]。\n"
        "二、重点任务\n1．实施专利培育工程。（牵头单位：县市场监管局[A1]；配合单位：县公安局[批注4]）\n"
        "图为县知识产权保护工作站揭牌现场。（记者 张XX 摄）\n【广告】\n新房交付季｜湖滨花园 首付30万起 咨询热线：0519-8650XXXX\n"
        "相关新闻：2023年我区发明专利授权量同比增长21.3%\n"
        "2．加强商标品牌建设。（责任单位：县商务局；完成时限：2024年6月底前[A4]）\n"
        "[批注1]: 上年为2.6件。\n[A4]: 司法局意见：时限调整为2024年9月底前。\n")
    assert measures == [("1", [("县市场监管局", "lead"), ("县公安局", "cooperating")], None),
                        ("2", [("县商务局", "responsible")], "2024年6月底前")]
    assert _targets(doc) == [(3.2, "件"), (5.0, "场")]


def test_tasks_coded_as_a_ledger_codes_them_and_a_schedule_by_month_in_an_appendix():
    measures, _ = _plan(
        "一、提升创造质量（2项）\n【CZ-01】实施高价值专利培育工程。（牵头单位：区市场监管局；配合单位：区科技局；完成时限：2024年12月底前）\n"
        "【CZ-02】推动企业贯标。（牵头单位：区工信局）\n二、促进转化运用\nYY01．深化知识产权金融服务。（责任单位：区财政局、区科技局）\n")
    assert measures == [("CZ-01", [("区市场监管局", "lead"), ("区科技局", "cooperating")], "2024年12月底前"),
                        ("CZ-02", [("区工信局", "lead")], None),
                        ("YY01", [("区财政局", "responsible"), ("区科技局", "responsible")], None)]
    doc = parse_document((
        "某县2024年知识产权工作要点\n一、重点任务\n（一）强化创造\n1．完善知识产权政策体系。修订专项资金管理办法。\n"
        "2．开展专利导航服务。聚焦主导产业。\n（二）严格保护\n3．加大行政执法力度。深入开展专项行动。\n"
        "二、保障措施\n（一）严格督查考核。对照附表推进计划按月跟踪。\n附表：2024年重点任务推进计划表\n"
        "序号\t重点任务\t责任单位\t1月\t2月\t3月\t4月\t5月\t6月\t7月\t8月\t9月\t10月\t11月\t12月\n"
        "1\t完善知识产权政策体系\t县市场监管局、县财政局\t●\t●\n"
        "2\t产业专利导航\t县工信局、县市场监管局\t\t\t●\t●\t\t\t\t\t●\t●\t\n"
        "3\t行政执法专项行动\t县市场监管局牵头，县公安局配合\t●\t●\t●\t●\t●\t●\t●\t●\t●\t●\t●\t●\n").encode("utf-8"),
        "mouxian_2024_ip_work_points.txt")
    units = {}
    for a in doc.rows("assignments"):
        units.setdefault(a["measure_id"], []).append((a["unit"], a["role"]))
    # the text's tasks, named by the table's 序号 (two not alike enough by name), each done by its last month
    assert [(m["number"], m["text"][:6], units[m["measure_id"]], m["deadline"], m["deadline_date"])
            for m in doc.rows("measures")] == [
        ("1", "完善知识产权", [("县市场监管局", "responsible"), ("县财政局", "responsible")], "2月", "2024-02-29"),
        ("2", "开展专利导航", [("县工信局", "responsible"), ("县市场监管局", "responsible")], "10月", "2024-10-31"),
        ("3", "加大行政执法", [("县市场监管局", "lead"), ("县公安局", "cooperating")], "12月", "2024-12-31")]

def test_a_task_tables_yearly_goals_and_a_role_closing_a_group_of_units():
    measures, doc = _plan(
        "二、重点任务\n序号\t重点任务\t牵头单位\t配合单位\t2024年目标\t2025年目标\t2026年目标\n"
        "1\t实施高价值专利培育工程。\t市市场监管局\t市科技局\t新增15家\t达到2000件\t—\n"
        "2\t建设知识产权保护中心。\t市市场监管局\t—\t完成申建\t累计50个\t累计80个\n")
    assert measures == [("1", [("市市场监管局", "lead"), ("市科技局", "cooperating")], None),
                        ("2", [("市市场监管局", "lead")], None)]
    assert _targets(doc) == [(15.0, "家"), (50.0, "个"), (80.0, "个"), (2000.0, "件")]
    assert sorted((t["value"], t["year"]) for t in doc.rows("targets")) == [(15.0, 2024), (50.0, 2025), (80.0, 2026),
                                                                           (2000.0, 2025)]
    measures, _ = _plan(
        "二、重点任务\n1．实施专利培育工程。（责任单位：县市场监管局（牵头），县科技局、县财政局（配合））\n"
        "2．加强地理标志保护。（县农业农村局、县林业局（牵头），各乡镇（街道）（配合））\n"
        "3．开展专利导航。（县经信局（牵头）、县科技局，县市场监管局（配合））\n")
    assert measures == [
        ("1", [("县市场监管局", "lead"), ("县科技局", "cooperating"), ("县财政局", "cooperating")], None),
        ("2", [("县农业农村局", "lead"), ("县林业局", "lead"), ("各乡镇（街道）", "cooperating")], None),
        ("3", [("县经信局", "lead"), ("县科技局", "responsible"), ("县市场监管局", "cooperating")], None)]  # A（牵头）、B: A's


def test_an_outline_numbered_in_roman_numerals_as_a_pdf_template_prints_them():
    measures, _ = _plan(
        "Ⅰ、总体要求\n（Ⅰ）指导思想。以习近平新时代中国特色社会主义思想为指导。\nⅡ、重点任务\n（Ⅰ）提升创造质量\n"
        "1．实施高价值专利培育工程。（牵头单位：省市场监管局（省知识产权局）；配合单位：省科技厅）\n"
        "（Ⅱ）促进转化运用\nⅰ．推进专利转化运用。（责任单位：省科技厅、省教育厅，各设区市人民政府）\n"
        "ⅱ．深化知识产权金融服务。（责任单位：省地方金融管理局）\nⅢ、保障措施\n（Ⅰ）加强组织领导。各地要高度重视。\n")
    assert measures == [
        ("1", [("省市场监管局（省知识产权局）", "lead"), ("省科技厅", "cooperating")], None),
        ("ⅰ", [("省科技厅", "responsible"), ("省教育厅", "responsible"), ("各设区市人民政府", "responsible")], None),
        ("ⅱ", [("省地方金融管理局", "responsible")], None)]
