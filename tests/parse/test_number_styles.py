"""Numbers and dates as plans draft them, each in the style of the plans that print them (full-width
punctuation as published): schedules in stages by year (2024年完成50%，2025年全部完成) and by month in an
annual plan, 次年 in an annual plan, a clause of what there is already listing several numbers, a single
一 with and without a comparator, a task table's 主要内容及目标 column, a task's own 主办：line beside
a portal's 主办：… 承办：… footer; thresholds that name a kind of thing (对满意度低于80分的州（市）), counts of
what there is now (（现有4个）), a numeral count closing a table cell, a role word followed by the work
(区财政局协助落实补助资金), 次年 after a task's named year in a plan of several years, tasks numbered by
three-part decimals (2.1.1), tasks coded with a year and a space (ZSCQ-2024-01　…), a list typed in
half-width (1) over a) b)), goals written with symbols (≥3000件, 1986件→≥3000件) and schedules counted from
the plan's issue (方案印发后3个月内)."""

from ipanalysis.parse.deadlines import parse_deadline
from ipanalysis.parse.document import parse_document
from ipanalysis.rules.outline import match_item
from test_item_and_goal_styles import _plan
from test_report_styles import _values


def test_a_schedule_in_stages_by_year_ends_with_its_last_stage_and_its_share_is_no_target():
    assert parse_deadline("2024年完成50%，2025年全部完成") == ("2025-12-31", False)
    measures, doc = _plan(
        "二、重点任务\n1．实施地理标志示范项目培育。各旗县区至少培育一个示范项目。"
        "（牵头单位：各旗县区人民政府；配合单位：市农牧局；完成时限：2024年完成50%，2025年全部完成）\n")
    assert measures[0][2] == "2024年完成50%,2025年全部完成"
    assert doc.rows("measures")[0]["deadline_date"] == "2025-12-31"
    assert [(t["value"], t["unit"]) for t in doc.rows("targets")] == [(1.0, "个")]  # 至少…一个; not the 50%


def test_an_annual_plans_stages_by_month_and_its_次年():
    assert parse_deadline("6月底前完成存量专利盘点，9月底前完成供需对接", 2024) == ("2024-09-30", False)
    assert parse_deadline("次年3月底前", 2024) == ("2025-03-31", False)
    assert parse_deadline("次年3月底前") == (None, False)  # a plan of several years: the year after which?


def test_a_clause_of_what_there_is_already_holds_every_number_it_lists():
    assert _values("在2023年全区办理知识产权质押登记31笔、融资金额3.26亿元（同比增长46.2%）、惠及企业28户的基础上，"
                   "2024年，全区知识产权质押融资登记金额达到3.5亿元，惠及企业60户。") == [(3.5, "亿元"), (60.0, "户")]


def test_a_single_一_counts_only_with_a_comparator():
    assert _values("每个旗县区至少拥有一件地理标志商标。") == [(1.0, "件")]
    assert _values("形成产业专利导航分析报告一项，建成地理标志文化展示馆一座。") == []
    assert _values("每季度调度一次，完成一项、销号一项。") == []
    assert _values("自治区级地理标志运用促进示范项目五个。") == [(5.0, "个")]


def test_a_task_tables_主要内容及目标_column_is_the_task_and_gives_its_targets():
    measures, doc = _plan(
        "赤峰市地理标志运用促进工程重点任务分工表\n序号  重点任务   主要内容及目标     牵头单位  配合单位    完成时限\n"
        "1      开展地理标志资源普查   建立全市地理标志培育资源库，入库产品不少于八十个。  市市场监管局   市农牧局   "
        "2023年第四季度\n"
        "2   加大地理标志申请注册力度  每年新增地理标志商标不少于5件。  市市场监管局  各旗县区人民政府   每年年底前\n")
    assert [number for number, _, _ in measures] == ["1", "2"]
    assert measures[0][1] == [("市市场监管局", "lead"), ("市农牧局", "cooperating")]
    assert "入库产品不少于八十个" in doc.rows("measures")[0]["text"]
    assert sorted((t["value"], t["unit"]) for t in doc.rows("targets")) == [(5.0, "件"), (80.0, "个")]


def test_a_tasks_主办_line_is_its_lead_and_a_portals_主办_承办_footer_is_furniture():
    measures, doc = _plan(
        "二、重点任务\n1．开展服务满意度评价。委托第三方机构每年开展一次满意度测评。\n"
        "主办：知识产权促进处\n协办：省知识产权事务中心\n完成时限：2024年起每年开展\n"
        "主办：云南省市场监督管理局　　承办：云南省市场监督管理局信息中心\n")
    assert measures == [("1", [("知识产权促进处", "lead"), ("省知识产权事务中心", "cooperating")], "2024年起每年开展")]
    assert "信息中心" not in doc.rows("measures")[0]["text"]


def test_a_date_the_schedule_line_repeats_stays_in_the_tasks_sentence():
    measures, doc = _plan(
        "二、重点任务\n1．建设知识产权服务体系。截至目前，全区共有各类知识产权服务机构86家，"
        "2025年底前再引进培育知识产权服务机构15家。\n牵头单位：区市场监管局\n完成时限：2025年底前\n")
    assert measures == [("1", [("区市场监管局", "lead")], "2025年底前")]
    assert [(t["value"], t["unit"]) for t in doc.rows("targets")] == [(15.0, "家")]  # 86家 is where it stands


def test_a_threshold_that_names_a_kind_of_thing_is_no_target():
    assert _values("对满意度低于80分的州（市）进行约谈，满意度达到90分以上。") == [(90.0, "分")]
    assert _values("单笔1000万元以下的普惠类贷款金额占比达到60%以上。") == [(60.0, "%")]
    assert _values("对年营业收入首次突破1000万元的服务机构，给予奖励。") == []
    assert _values("专利导航服务覆盖全市80%以上的规模以上工业企业。") == [(80.0, "%")]  # a share: a target


def test_a_count_of_what_there_is_now_is_no_target():
    assert _values("实现全区省级以上园区（现有4个）知识产权质押融资服务全覆盖，建成服务工作站5个。") == [(5.0, "个")]


def test_a_chinese_numeral_count_closing_a_table_cell_before_its_units():
    measures, doc = _plan(
        "三、重点任务\n| 序号 | 重点任务 | 具体措施 | 牵头单位 | 配合单位 | 完成时限 |\n| --- | --- | --- | --- | --- | --- |\n"
        "| 7 | 推进专利密集型产品备案认定 | 组织企业开展专利密集型产品备案，2025年6月30日前累计备案认定专利密集型产品五十个。 "
        "| 市市场监管局（市知识产权局） | 市工业和信息化局 | 2025年6月30日前 |\n")
    assert measures[0][1] == [("市市场监管局（市知识产权局）", "lead"), ("市工业和信息化局", "cooperating")]
    assert [(t["value"], t["unit"]) for t in doc.rows("targets")] == [(50.0, "个")]


def test_a_units_role_word_followed_by_the_work_it_does():
    measures, _ = _plan(
        "二、重点任务\n5．完善知识产权价值评估服务。对企业首次办理质押融资发生的评估费用给予补助。"
        "（区市场监管局负责，区财政局协助落实补助资金，2024年6月30日前完成。）\n")
    assert measures[0][1] == [("区市场监管局", "responsible"), ("区财政局", "cooperating")]


def test_次年_in_a_plan_of_several_years_follows_the_year_whose_work_the_task_names():
    _, doc = _plan(
        "云南省知识产权公共服务能力提升工作方案（2024—2025年）\n三、重点任务\n"
        "1．开展公共服务统计监测。完成2024年度全省知识产权公共服务统计监测工作，形成年度监测分析报告。\n"
        "责任单位：知识产权促进处、各州（市）市场监管局\n完成时限：次年3月底前\n"
        "2．开展服务满意度评价。每年开展一次满意度测评，2024年度、2025年度结果向社会公开。\n"
        "责任单位：知识产权促进处\n完成时限：次年3月底前\n")
    assert [m["deadline_date"] for m in doc.rows("measures")] == ["2025-03-31", None]  # the second names two years


def test_tasks_numbered_by_three_part_decimals_under_two_part_headings():
    measures, _ = _plan(
        "1 总体要求\n1.1 工作目标\n到2027年，全市有效发明专利拥有量达到1.2万件。\n"
        "2 重点任务\n2.1 提升知识产权创造质量\n"
        "2.1.1 实施高价值专利培育工程。培育高价值专利组合10个。（牵头单位：市市场监管局（市知识产权局）；"
        "配合单位：市科技局；完成时限：2027年底前）\n"
        "2.1.2 加强商标品牌培育。\n责任单位：市商务局、市农业农村局\n完成时限：长期坚持\n"
        "2.2 促进知识产权转化运用\n"
        "2.2.1 拓展知识产权质押融资。全年质押融资登记金额达到10亿元。（责任单位：市委金融办、市财政局；完成时限：持续推进）\n"
        "3 保障措施\n3.1 加强组织领导\n各地各部门要把知识产权工作摆上重要议事日程。\n")
    assert measures == [
        ("2.1.1", [("市市场监管局（市知识产权局）", "lead"), ("市科技局", "cooperating")], "2027年底前"),
        ("2.1.2", [("市商务局", "responsible"), ("市农业农村局", "responsible")], "长期坚持"),
        ("2.2.1", [("市委金融办", "responsible"), ("市财政局", "responsible")], "持续推进")]
    assert match_item("2.1.1 实施高价值专利培育工程")[:2] == ("decimal_third", "2.1.1")
    assert match_item("1.2万件 发明专利") is None


def test_tasks_coded_with_a_year_and_a_space_as_a_supervision_list_codes_them():
    measures, _ = _plan(
        "一、知识产权创造\n"
        "ZSCQ-2024-01　实施高价值发明专利培育工程。全年新增发明专利授权150件。"
        "责任单位：县市场监管局（县知识产权局）、县科技局；完成时限：2024年12月底前。\n"
        "ZSCQ-2024-02　推进地理标志品牌保护和运用。牵头单位：县茶业发展中心；配合单位：县农业农村局；"
        "完成时限：2024年11月底前。\n"
        "二、知识产权保护\n"
        "2024-03　开展知识产权执法专项行动。牵头单位：县市场监管局（县知识产权局）；配合单位：县公安局；完成时限：长期坚持。\n")
    assert [(number, units) for number, units, _ in measures] == [
        ("ZSCQ-2024-01", [("县市场监管局（县知识产权局）", "responsible"), ("县科技局", "responsible")]),
        ("ZSCQ-2024-02", [("县茶业发展中心", "lead"), ("县农业农村局", "cooperating")]),
        ("2024-03", [("县市场监管局（县知识产权局）", "lead"), ("县公安局", "cooperating")])]
    assert match_item("2024-2026 年工作安排") is None


def test_a_list_typed_in_half_width_with_lettered_points_under_its_tasks():
    measures, _ = _plan(
        "二、重点任务\n(一)提升创造质量\n"
        "1) 实施专利质量提升工程,每年培育高价值专利100件。(牵头单位:区市场监管局;配合单位:区科技局;完成时限:2025年底前)\n"
        "2) 推进商标品牌建设。\n"
        "   a) 实施区域品牌培育行动,新增地理标志商标2件。(牵头单位:区市场监管局;配合单位:区农业农村局;完成时限:长期坚持)\n"
        "   b) 开展老字号保护,建立区级老字号名录。(责任单位:区商务局,区文化旅游局;完成时限:2024年12月底前)\n"
        "3) 推动专利转化运用,重点抓好以下工作:(牵头单位:区科技局;配合单位:区市场监管局;完成时限:2026年底前)\n"
        "   a) 盘活高校存量专利;\n   b) 推广专利开放许可;\n"
        "4) 加强版权保护。(责任单位:区委宣传部(区版权局);完成时限:持续推进)\n"
        "三、保障措施\n(一)加强组织领导。\n")
    leads = [("区市场监管局", "lead"), ("区科技局", "cooperating")]
    assert measures == [
        ("1", leads, "2025年底前"),
        ("a", [("区市场监管局", "lead"), ("区农业农村局", "cooperating")], "长期坚持"),
        ("b", [("区商务局", "responsible"), ("区文化旅游局", "responsible")], "2024年12月底前"),
        ("3", [("区科技局", "lead"), ("区市场监管局", "cooperating")], "2026年底前"),
        ("4", [("区委宣传部（区版权局）", "responsible")], "持续推进")]  # full-width, as Chinese prints it


def test_goals_written_with_symbols_and_an_arrow_from_where_they_start():
    assert _values("每万人口高价值发明专利拥有量2.5→3.2件，有效发明专利拥有量1986件→≥3000件。") == [
        (3.2, "件"), (3000.0, "件")]
    assert _values("专利转化实施率由12%→≥20%，商标注册量≥5000件，审查周期≤15个工作日。") == [
        (20.0, "%"), (5000.0, "件")]


def test_a_schedule_counted_from_the_plans_issue_ends_so_many_months_or_days_after_its_date():
    assert parse_deadline("方案印发后3个月内", issued="2024-05-31") == ("2024-08-31", False)
    assert parse_deadline("自本方案印发之日起30日内", issued="2024-05-31") == ("2024-06-30", False)
    assert parse_deadline("印发后六个月内", issued="2024-01-15") == ("2024-07-15", False)
    assert parse_deadline("方案印发后3个月内") == (None, False)  # a plan without a date: undated
    doc = parse_document((
        "某县人民政府办公室关于印发某县2024年知识产权工作要点的通知\n某政办发〔2024〕31号\n各乡镇人民政府：\n"
        "现将《某县2024年知识产权工作要点》印发给你们，请认真贯彻落实。\n某县人民政府办公室\n2024年5月31日\n\n"
        "某县2024年知识产权工作要点\n一、重点工作\n"
        "1．制定知识产权专项资金管理办法。（牵头单位：县市场监管局；配合单位：县财政局；完成时限：方案印发后3个月内）\n"
        "2．建立重点企业知识产权联络员制度。（牵头单位：县科技局；完成时限：次年一季度）\n").encode("utf-8"),
        "mouxian_2024_ip_work_points.txt")
    assert [(m["deadline"], m["deadline_date"]) for m in doc.rows("measures")] == [
        ("方案印发后3个月内", "2024-08-31"), ("次年一季度", "2025-03-31")]
