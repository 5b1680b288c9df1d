"""Everyday drafting of plans from places and levels the parser had not met, each in that family's style
(full-width punctuation as published): roles written as duties done (按职责分工落实, 按职责抓好落实),
main and secondary responsible units on lines below a task, a schedule labelled 时间进度, a national
system's local branch heading a list, a development zone's plan and its departments, tasks that open
with their units in a plan that brackets the others, a deadline in the plan's own year (年内完成), the
count of an annex's list; tasks named 【任务一】 under （一） headings and the phases of the work (…阶段),
unnumbered phase lines over the tasks of each phase, tasks （1） straight under 一、 holding their ① points,
a collective closed by its bracket before a department, schedules by the quarter and by five-year
period, goals in a preamble's sentences, and a WeChat editor's bar (▍) before a heading."""

from ipanalysis.parse.deadlines import parse_deadline
from ipanalysis.parse.document import parse_document
from ipanalysis.parse.subjects import assigns_at_opening
from ipanalysis.rules.gazetteer import locate_zone
from test_item_and_goal_styles import _plan
from test_report_styles import _targets
from test_unit_styles import units as _units


def test_roles_written_as_duties_done_are_read_like_responsible_and_cooperating():
    got, _ = _units("拓宽知识产权质押融资渠道。（市市场监管局（市知识产权局）牵头，市科技局、人民银行牡丹江市分行、"
                    "国家金融监督管理总局牡丹江监管分局按职责分工落实）")
    assert got == [("市市场监管局(市知识产权局)", "lead"), ("市科技局", "responsible"),
                   ("人民银行牡丹江市分行", "responsible"), ("国家金融监督管理总局牡丹江监管分局", "responsible")]
    assert _units("加强宣传。（市委宣传部、团市委、市科协按职责抓好落实）")[0] == [
        ("市委宣传部", "responsible"), ("团市委", "responsible"), ("市科协", "responsible")]
    assert _units("强化执法。（区市场监管局牵头，区公安分局、区文化广电旅游局按职责分工配合）")[0] == [
        ("区市场监管局", "lead"), ("区公安分局", "cooperating"), ("区文化广电旅游局", "cooperating")]


def test_main_and_secondary_units_below_a_task_and_its_schedule_labelled_时间进度():
    measures, _ = _plan(
        "二、主要任务\n"
        "（一）实施商标品牌战略。培育地理标志证明商标2件。\n"
        "主要责任单位：县市场监管局\n次要责任单位：县农业农村局、县商务局、各乡镇人民政府\n完成时限：2024年12月底前\n"
        "（二）健全知识产权统计评价机制。定期发布全县知识产权发展状况报告。\n"
        "主要责任单位：县市场监管局、县统计局\n时间进度：每年\n"
        "（三）加强知识产权人才队伍建设。累计培训各类知识产权人才1000人次。\n"
        "主要责任单位：县人社局\n次要责任单位：县委组织部（县委人才办）、县总工会\n时间进度：2024—2025年\n")
    assert measures == [
        ("(一)", [("县市场监管局", "responsible"), ("县农业农村局", "cooperating"), ("县商务局", "cooperating"),
                ("各乡镇人民政府", "cooperating")], "2024年12月底前"),
        ("(二)", [("县市场监管局", "responsible"), ("县统计局", "responsible")], "每年"),
        ("(三)", [("县人社局", "responsible"), ("县委组织部（县委人才办）", "cooperating"), ("县总工会", "cooperating")],
         "2024—2025年")]


def test_a_national_systems_local_branch_heading_a_list_keeps_the_units_after_it_local():
    _, doc = _plan(
        "二、重点任务\n1.拓展知识产权金融服务。全年知识产权质押项目数增长10%。（牵头单位：人民银行贵州省分行；"
        "配合单位：国家金融监督管理总局贵州监管局、省委金融办、省知识产权局）\n")
    assert [(a["unit"], a["role"]) for a in doc.rows("assignments")] == [
        ("人民银行贵州省分行", "lead"), ("国家金融监督管理总局贵州监管局", "cooperating"), ("省委金融办", "cooperating"),
        ("省知识产权局", "cooperating")]


ZONE_PLAN = (
    "淮安经济技术开发区管委会关于印发《淮安经济技术开发区知识产权高质量发展行动方案（2024—2026年）》的通知\n"
    "淮开管发〔2024〕21号\n各部门、各街道、各园区：\n现将方案印发给你们，请认真贯彻落实。\n"
    "淮安经济技术开发区管委会\n2024年3月18日\n"
    "淮安经济技术开发区知识产权高质量发展行动方案（2024—2026年）\n"
    "一、重点任务\n"
    "1．实施高价值专利培育计划。每年培育高价值专利组合3个。（牵头部门：市场监管分局；配合部门：科技创新局）\n"
    "2．由经发局牵头，科技创新局配合，推动规上工业企业研发机构和知识产权管理全覆盖。（时间节点：2026年底前）\n"
    "3．科技创新局会同市场监管分局负责建立重点企业专利申请预审服务机制，预审服务备案企业扩容至150家。"
    "（时间节点：年内完成）\n"
    "4．公安分局、市场监管分局按职责分工负责，完善知识产权行政执法与刑事司法衔接机制。\n"
    "5．加强企业海外布局指导。引导外贸企业开展专利国际申请。（责任部门：商务局）\n"
    "附件\n重点培育企业名单\n序号　企业名称　有效发明专利（件）\n1　淮安某某电子有限公司　42\n"
    "（名单共100家，此处略列部分）\n")


def test_a_development_zones_plan_is_the_zones_and_its_tasks_may_open_with_their_units():
    doc = parse_document(ZONE_PLAN.encode("utf-8"), "huaian_etdz_2024_ip_plan.txt")
    info = doc.rows("documents")[0]
    assert (info["region_zh"], info["admin_level"], info["region"], info["city_zh"]) == (
        "淮安经济技术开发区", "development_zone", "Huai'an_ETDZ", "淮安市")  # not 淮安区, a district of the city
    units = {}
    for a in doc.rows("assignments"):
        units.setdefault(a["measure_id"][-1], []).append((a["unit"], a["role"]))
    assert units == {"1": [("市场监管分局", "lead"), ("科技创新局", "cooperating")],
                     "2": [("经发局", "lead"), ("科技创新局", "cooperating")],
                     "3": [("科技创新局", "lead"), ("市场监管分局", "cooperating")],
                     "4": [("公安分局", "responsible"), ("市场监管分局", "responsible")],
                     "5": [("商务局", "responsible")]}  # 加强企业海外布局指导。 is the task's heading, no unit
    assert [(m["deadline"], m["deadline_date"]) for m in doc.rows("measures")][1:3] == [
        ("2026年底前", "2026-12-31"), ("年内完成", "2024-12-31")]  # 年内: the year the plan was written
    assert _targets(doc) == [(3.0, "个"), (150.0, "家")]  # 名单共100家 counts the annex's list


def test_a_zone_is_named_by_the_division_it_names_last_and_needs_its_administration_otherwise():
    xiqing = locate_zone("知识产权工作要点", "天津西青经济技术开发区管委会", "")
    assert (xiqing["name_zh"], xiqing["county_zh"], xiqing["city_zh"], xiqing["region"]) == (
        "天津西青经济技术开发区", "西青区", "天津市", "Xiqing_ETDZ")
    assert locate_zone("浦东新区知识产权保护规划", None, "") is None  # a district's name
    assert locate_zone("全市高新区知识产权工作方案", None, "") is None
    assert locate_zone("关于加快推进新区建设的知识产权方案", None, "") is None
    assert locate_zone("雄安新区知识产权规划", None, "") is None  # no division named, no 管委会 printed
    assert locate_zone("雄安新区知识产权规划", None, "雄安新区管委会")["region"] == "Xiong'an_NewArea"


def test_only_a_clause_that_assigns_opens_a_task_with_its_units():
    assert assigns_at_opening("由财政金融局牵头，市场监管分局、中国人民银行淮安市分行配合，深化知识产权质押融资。")
    assert not assigns_at_opening("区市场监督管理局负责本办法的组织实施，受理资助申请。")  # an article of rules
    assert not assigns_at_opening("请你局会同市有关单位，按照国家知识产权局的部署要求，认真组织实施。")  # a reply
    assert not assigns_at_opening("县委宣传部每年组织知识产权宣传周活动。")


def test_a_deadline_in_the_year_the_plan_speaks_from():
    assert parse_deadline("年内完成", None, 2024) == ("2024-12-31", False)
    assert parse_deadline("今年底前", None, 2025) == ("2025-12-31", False)
    assert parse_deadline("12月底前", None, 2024) == (None, False)  # in a plan of several years: which year?
    assert parse_deadline("12月底前", 2024) == ("2024-12-31", False)  # an annual plan's


def test_tasks_named_任务一_sit_under_their_headings_and_the_work_phases_are_no_tasks():
    measures, _ = _plan(
        "三、重点任务\n（一）聚焦重点领域，强化行政执法\n"
        "【任务一】严厉打击商标侵权假冒行为。聚焦服装鞋帽等重点商品。\n牵头单位：区市场监管局\n配合单位：区公安分局、各街道办事处\n"
        "【任务二】强化专利侵权纠纷行政裁决。推行简案快办。\n牵头单位：区市场监管局\n配合单位：区司法局、区法院\n"
        "完成时限：2024年6月底前\n"
        "（二）突出源头治理，规范市场秩序\n"
        "【任务三】加强寄递渠道知识产权保护。督促寄递企业落实收寄验视制度。\n牵头单位：区邮政管理局\n配合单位：成都邮局海关\n"
        "四、工作安排\n（一）动员部署阶段（时间节点：2024年4月）。各牵头单位结合职能制定具体工作方案。\n"
        "（二）集中整治阶段（时间节点：2024年5月—10月）。各单位按照任务分工集中开展执法行动。\n")
    assert measures == [
        ("任务一", [("区市场监管局", "lead"), ("区公安分局", "cooperating"), ("各街道办事处", "cooperating")], None),
        ("任务二", [("区市场监管局", "lead"), ("区司法局", "cooperating"), ("区法院", "cooperating")], "2024年6月底前"),
        ("任务三", [("区邮政管理局", "lead"), ("成都邮局海关", "cooperating")], None)]


def test_unnumbered_phase_lines_head_the_tasks_below_them_and_give_their_deadline():
    measures, doc = _plan(
        "二、工作安排\n动员部署阶段（2024年3月—4月）：\n"
        "1．制定专项行动方案，召开动员部署会。（县市场监管局牵头，县公安局配合）\n"
        "2．开展宣传发动。（县委宣传部负责）\n集中整治阶段（2024年5月—10月）：\n"
        "3．开展重点市场集中检查。（县市场监管局负责）\n"
        "4．打击网络侵权。（县公安局、县文广旅局按职责分工负责）\n总结提升阶段：\n"
        "5．总结经验做法，形成长效机制。（县市场监管局负责，2024年12月底前）\n"
        "三、保障措施\n加强组织领导。\n")
    assert [(number, deadline) for number, _, deadline in measures] == [
        ("1", "2024年4月"), ("2", "2024年4月"), ("3", "2024年10月"), ("4", "2024年10月"), ("5", "2024年12月底前")]
    assert measures[3][1] == [("县公安局", "responsible"), ("县文广旅局", "responsible")]
    sections = [(s["title"], s["parent_number"], s["n_measures"]) for s in doc.rows("sections")]
    assert ("总结提升阶段", "二", 1) in sections  # a bare phase line heads its task, inside 二, not as a section
    assert [m["section"] for m in doc.rows("measures")] == ["二"] * 5


def test_a_collective_closed_by_its_bracket_ends_before_a_department_not_before_a_government():
    assert _units("落实属地源头管控。（责任单位：各村（社区）、镇综合行政执法队；完成时间：长期）")[0] == [
        ("各村(社区)", "responsible"), ("镇综合行政执法队", "responsible")]
    assert _units("完善纠纷多元化解机制。（市司法局牵头，各市（县）、区人民政府负责）")[0] == [
        ("市司法局", "lead"), ("各市(县)、区人民政府", "responsible")]


def test_a_schedule_by_the_quarter_or_a_five_year_period_in_a_units_bracket():
    measures, _ = _plan(
        "二、工作任务\n1．建立重点企业知识产权保护名录，全年纳入名录企业不少于100家。（区知识产权局负责；每季度更新）\n"
        "2．深化行政执法与刑事司法衔接。（区知识产权局牵头，区公安分局、区检察院配合；每季度）\n")
    assert measures == [("1", [("区知识产权局", "responsible")], "每季度更新"),
                        ("2", [("区知识产权局", "lead"), ("区公安分局", "cooperating"), ("区检察院", "cooperating")],
                         "每季度")]
    assert parse_deadline("每季度") == (None, True)
    assert parse_deadline("“十四五”期间") == ("2025-12-31", False)
    assert parse_deadline("“十五五”时期") == ("2030-12-31", False)


def test_a_preambles_sentences_that_look_ahead_give_targets_and_its_citations_none():
    _, doc = _plan(
        "为深入贯彻落实《知识产权强国建设纲要（2021—2035年）》，认真落实区委六届二次、三次全会决策部署，制定本计划。"
        "2025年，全区知识产权保护社会满意度力争达到85分以上，知识产权纠纷调解成功率达到60%。\n"
        "一、重点任务\n1．整理传统医药经典方剂一百首。（责任单位：区卫生健康委）\n")
    assert _targets(doc) == [(60.0, "%"), (85.0, "分"), (100.0, "首")]  # not 二次, 三次 (sessions of a congress)


def test_a_wechat_editors_bar_before_a_heading_opens_a_section():
    measures, _ = _plan(
        "▍重点任务\n01 强化创造\n1.实施高价值专利培育工程\n培育高价值专利组合10个。\n2.推进商标品牌建设工程\n"
        "新增地理标志证明商标2件。\n▍保障措施\n1.强化组织领导\n成立工作专班，统筹推进各项工作。\n"
        "2.强化政策支持\n落实知识产权奖补政策。\n"
        "附件\n任务分工表\n序号  任务  牵头单位  配合单位  完成时限\n"
        "1  实施高价值专利培育工程  市市场监管局  市科技局  2026年底\n2  推进商标品牌建设工程  市市场监管局  市农业农村局  长期坚持\n")
    assert [(number, units) for number, units, _ in measures] == [
        ("1", [("市市场监管局", "lead"), ("市科技局", "cooperating")]),
        ("2", [("市市场监管局", "lead"), ("市农业农村局", "cooperating")])]  # the safeguards' 1. 2. are none


def test_a_goals_paragraph_opening_with_the_time_to_come_and_a_year_looked_back_on():
    _, doc = _plan(
        "2023年，全县知识产权工作以建设知识产权强县为目标，扎实推进各项工作，取得明显成效。全年专利授权量达到261件，"
        "新增注册商标687件。\n"
        "到2025年底，全县知识产权保护体系更加完善。知识产权保护社会满意度在2023年78.6分的基础上提升至82分以上，"
        "知识产权侵权纠纷调解成功率提高到85%—90%。\n"
        "一、重点任务\n1．加强司法保护。知识产权民事案件一审服判息诉率达到90%。（县人民法院负责）\n")
    targets = sorted((t["value"], t["value_high"], t["unit"]) for t in doc.rows("targets"))
    assert targets == [(82.0, None, "分"), (85.0, 90.0, "%"), (90.0, None, "%")]  # 261件, 687件: 2023's


def test_a_list_of_units_between_a_lead_and_a_role_word_takes_that_role():
    assert _units("加快保护机构建设。（市市场监管局（市知识产权局）牵头，呼和浩特经济技术开发区管委会、和林格尔新区管委会，"
                  "市财政局配合）")[0] == [
        ("市市场监管局(市知识产权局)", "lead"), ("呼和浩特经济技术开发区管委会", "cooperating"),
        ("和林格尔新区管委会", "cooperating"), ("市财政局", "cooperating")]


def test_tasks_numbered_in_parentheses_straight_under_sections_hold_their_circled_points():
    """A free-trade-port park's plan: tasks （1）（2） straight under 二、 (no （一） level), one with
    ①②③ points on lines of their own and its unit bracket on the line after ③."""
    measures, _ = _plan(
        "二、强化知识产权创造\n（1）实施高价值专利培育工程。围绕深海科技开展培育。（牵头单位：管理局科技创新处；完成时限：2026年底前）\n"
        "（2）强化南繁种业知识产权保护。重点抓好以下工作：\n①建立南繁育种材料DNA指纹数据库，收录品种1000个以上；\n"
        "②探索建立植物新品种权快速审查通道；\n③开展种子市场侵权套牌专项检查。\n"
        "（牵头单位：管理局知识产权处；配合单位：三亚市农业农村局；完成时限：2025年6月）\n")
    assert [(number, units[0], deadline) for number, units, deadline in measures] == [
        ("(1)", ("管理局科技创新处", "lead"), "2026年底前"), ("(2)", ("管理局知识产权处", "lead"), "2025年6月")]
