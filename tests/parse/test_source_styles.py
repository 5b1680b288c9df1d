"""Families of plans whose text carries the residue of the format it was taken from, each in that
family's style (full-width punctuation as published): a web page's HTML source saved as text, a
spreadsheet's task table saved as CSV, a Word file's footnotes; and a task table whose schedule marks
the years of work (√ under 2024年 2025年 2026年); a notice that issues two plans, and a WeChat repost
whose editor's note gives the plan's number."""

from ipanalysis.parse.cells import csv_rows
from ipanalysis.parse.deadlines import parse_deadline
from ipanalysis.parse.document import parse_document
from ipanalysis.parse.normalise import html_pieces, is_html_source, normalise_text
from ipanalysis.rules.notes import has_note_block, note_lines, without_note_marks
from test_item_and_goal_styles import _plan
from test_report_styles import _targets


def test_html_source_saved_as_text_is_read_as_the_page_shows_it():
    line = ("<p style=\"text-indent:2em\">1．加大行政执法力度。每年查办案件不少于30件。（牵头单位：区市场监管局；"
            "配合单位：区公安分局&#12289;区文旅体局；完成时限：2024&mdash;2026年）</p>")
    assert html_pieces(line) == ["1．加大行政执法力度。每年查办案件不少于30件。（牵头单位：区市场监管局；"
                                 "配合单位：区公安分局、区文旅体局；完成时限：2024—2026年）"]
    assert html_pieces("&nbsp;&nbsp;<strong>（四）强化协同保护</strong><br>10．建立协作机制。<br>") == [
        "\xa0\xa0（四）强化协同保护", "10．建立协作机制。"]
    page = "各街道办事处&#65292;区政府各部门：<br>\n<p>打造&ldquo;创新蜀山&rdquo;&nbsp;营商环境。</p>\n"
    assert is_html_source(page) and not is_html_source("研究与试验发展（R&D）经费投入强度达4.1%。<br>")
    lines = normalise_text(page).lines
    assert [(line.text, line.raw_line) for line in lines] == [("各街道办事处,区政府各部门:", 1), ("打造“创新蜀山” 营商环境。", 2)]


def test_a_plan_saved_as_html_source_keeps_its_tasks_units_and_targets():
    measures, doc = _plan(
        "<p style=\"text-align:center\"><strong>二、重点任务</strong></p>\n"
        "&nbsp;&nbsp;&nbsp;&nbsp;<strong>（一）强化行政保护</strong>\n"
        "<p style=\"text-indent:2em\">1．加大行政执法力度。持续开展&ldquo；铁拳&rdquo；行动，每年查办案件不少于30件。"
        "（牵头单位：区市场监管局（区知识产权局）；配合单位：区公安分局&#12289;区文旅体局；完成时限：长期坚持）</p>\n"
        "&nbsp;&nbsp;&nbsp;&nbsp;<strong>（二）强化协同保护</strong><br>&nbsp;&nbsp;&nbsp;&nbsp;2．建立协作机制。"
        "（牵头单位：区司法局；配合单位：区法院；完成时限：2025年12月底前）<br>&nbsp;&nbsp;&nbsp;&nbsp;3．推进&ldquo；智慧保护&rdquo；。"
        "新建工作站3个。（牵头单位：区数据资源局；完成时限：2024&mdash;2026年）</span>\n")
    assert measures == [
        ("1", [("区市场监管局（区知识产权局）", "lead"), ("区公安分局", "cooperating"), ("区文旅体局", "cooperating")], "长期坚持"),
        ("2", [("区司法局", "lead"), ("区法院", "cooperating")], "2025年12月底前"),
        ("3", [("区数据资源局", "lead")], "2024—2026年")]
    assert _targets(doc) == [(3.0, "个"), (30.0, "件")]


CSV_TABLE = (
    "某区知识产权强区建设任务分工表,,,,,\n"
    "序号,重点任务,具体措施,牵头单位,配合单位,完成时限\n"
    "1,提升创造质量,\"实施高价值专利培育工程，每年遴选一批项目,新增国家知识产权优势企业2家以上。\","
    "区市场监管局（区知识产权局）,区科技局、区经济商务局,2025年\n"
    "2,,\"推进商标品牌建设，深化\"\"某区水晶\"\"地理标志运用，\n推动与特色产业融合发展。\",区市场监管局,"
    "\"区农业农村局，\n各镇（街道）\",长期坚持\n"
    "3,,引进培育知识产权服务机构。,区市场监管局,,\n"
    "\"注：1.牵头单位为任务第一责任单位。\n2.各镇（街道）参照本表抓好落实。\",,,,,\n"
    ",,,,,\n"
    "某区人民政府办公室\n")


def test_a_task_table_saved_as_csv_is_one_tab_separated_row_a_record():
    rows = csv_rows(CSV_TABLE.split("\n"))
    assert rows[:6] == [
        (1, "某区知识产权强区建设任务分工表"), (2, "序号\t重点任务\t具体措施\t牵头单位\t配合单位\t完成时限"),
        (3, "1\t提升创造质量\t实施高价值专利培育工程，每年遴选一批项目,新增国家知识产权优势企业2家以上。\t"
            "区市场监管局（区知识产权局）\t区科技局、区经济商务局\t2025年"),
        (4, "2\t\t推进商标品牌建设，深化\"某区水晶\"地理标志运用，推动与特色产业融合发展。\t区市场监管局\t"
            "区农业农村局，各镇（街道）\t长期坚持"),
        (7, "3\t\t引进培育知识产权服务机构。\t区市场监管局"),
        (8, "注：1.牵头单位为任务第一责任单位。2.各镇（街道）参照本表抓好落实。")]
    assert rows[6:] == [(10, ""), (11, "某区人民政府办公室"), (12, "")]
    assert csv_rows(["一、总体要求", "坚持创新驱动,协同推进,开放合作。"]) == [(1, "一、总体要求"), (2, "坚持创新驱动,协同推进,开放合作。")]


def test_a_plan_whose_task_table_is_csv_has_a_measure_a_row():
    measures, doc = _plan(CSV_TABLE)
    assert measures == [
        ("1", [("区市场监管局（区知识产权局）", "lead"), ("区科技局", "cooperating"), ("区经济商务局", "cooperating")], "2025年"),
        ("2", [("区市场监管局", "lead"), ("区农业农村局", "cooperating"), ("各镇（街道）", "cooperating")], "长期坚持"),
        ("3", [("区市场监管局", "lead")], None)]
    assert [m["deadline_date"] for m in doc.rows("measures")][0] == "2025-12-31"
    assert _targets(doc) == [(2.0, "家")]


def test_a_deadline_that_is_a_year_alone_ends_with_it():
    assert parse_deadline("2025年") == ("2025-12-31", False)
    assert parse_deadline("2026年完成") == ("2026-12-31", False)
    assert parse_deadline("在2025年") == (None, False)


def test_marks_that_refer_to_notes_are_no_part_of_the_words_they_follow():
    assert without_note_marks("质押融资[2]登记金额达到30亿元，专利密集型产业³增加值占比达到11%") == (
        "质押融资登记金额达到30亿元，专利密集型产业增加值占比达到11%")
    assert without_note_marks("建设面积5000m²，郫府办发[2022]11号") == "建设面积5000m²，郫府办发[2022]11号"
    assert without_note_marks("拥有量①达到12件", circled=True) == "拥有量达到12件"
    assert without_note_marks("重点做好：①建立机制；②完善制度", circled=True) == "重点做好：①建立机制；②完善制度"
    assert without_note_marks("拥有量①达到12件") == "拥有量①达到12件"  # no notes: a list's ① stays
    texts = ["（二）工作目标", "到2025年，拥有量①达到12件。", "注释：", "①拥有量是指……，2020年为3.2件。",
             "[2]质押融资登记金额，2020年为8.6亿元。", "二、重点任务", "注：1．牵头单位列第一位。"]
    assert note_lines(texts) == {2, 3, 4, 6} and has_note_block(texts) and not has_note_block(texts[-1:])


def test_a_plans_notes_give_no_targets_and_its_marks_stay_out_of_units_and_deadlines():
    measures, doc = _plan(
        "一、工作目标\n到2025年，每万人口高价值发明专利拥有量①达到12件，知识产权质押融资[2]登记金额达到30亿元。\n"
        "注释：\n①每万人口高价值发明专利拥有量是指……，2020年为3.2件。\n"
        "②知识产权质押融资登记金额是指经登记的质押融资金额，2020年为8.6亿元。\n"
        "二、重点任务\n1．培育高价值专利组合①30个。（责任单位：市市场监管局、市金融办[3]；完成时限：2024年6月底前④）\n"
        "2．推进专利转化实施。新增专利密集型企业300家²。（责任单位：市科技局）\n"
        "注释：\n①高价值专利组合是指由不少于5件发明专利构成的专利集合。\n②2020年全市质押融资惠及企业86家。\n")
    assert measures == [("1", [("市市场监管局", "responsible"), ("市金融办", "responsible")], "2024年6月底前"),
                        ("2", [("市科技局", "responsible")], None)]
    assert _targets(doc) == [(12.0, "件"), (30.0, "个"), (30.0, "亿元"), (300.0, "家")]


def test_a_task_tables_year_columns_mark_the_years_of_work_and_the_last_is_its_deadline():
    measures, doc = _plan(
        "二、重点任务\n表1　知识产权创造运用重点任务\n"
        "序号\t工作任务\t责任单位\t进度安排\n\t\t\t2024年\t2025年\t2026年\n"
        "1\t实施高价值专利培育计划。培育高价值专利组合20个。\t区市场监管局（牵头）、区科技局\t√\t√\t√\n"
        "2\t开展产业专利导航。\t区科技局（牵头）、区市场监管局\t√\n"
        "3\t推动版权产业发展。\t区委宣传部（区版权局）（牵头）、区文体旅局\t\t✓\t✓\n"
        "表2　知识产权保护服务重点任务\n序号\t工作任务\t责任单位\t2024年\t2025年\t2026年\n"
        "4\t健全纠纷多元化解体系。建设维权工作站8个。\t区司法局（牵头）、各街道办事处\t●\t\t●\n"
        "5\t建设知识产权公共服务平台。\t区市场监管局\t●\t●\t\n"
        "注：进度安排栏中标注符号的年度为该项任务的实施年度。\n"
        "三、保障措施\n（一）加强组织领导。各责任单位要明确分管领导，于每年12月10日前报送进展情况。\n")
    assert measures == [
        ("1", [("区市场监管局", "lead"), ("区科技局", "responsible")], "2026年"),
        ("2", [("区科技局", "lead"), ("区市场监管局", "responsible")], "2024年"),
        ("3", [("区委宣传部（区版权局）", "lead"), ("区文体旅局", "responsible")], "2026年"),
        ("4", [("区司法局", "lead"), ("各街道办事处", "responsible")], "2026年"),
        ("5", [("区市场监管局", "responsible")], "2025年")]
    assert [m["deadline_date"] for m in doc.rows("measures")] == [
        "2026-12-31", "2024-12-31", "2026-12-31", "2026-12-31", "2025-12-31"]
    assert _targets(doc) == [(8.0, "个"), (20.0, "个")]


def _document(text: str) -> dict:
    return parse_document(text.encode("utf-8"), "mouxian_2024_ip_plan.txt").rows("documents")[0]


def test_a_notice_that_issues_two_plans_is_the_title_of_both_and_its_page_fields_sign_nothing():
    doc = _document(
        "首页\n当前位置：首页 > 政务公开 > 政府文件\n"
        "龙游县人民政府办公室关于印发《龙游县知识产权强县建设试点实施方案》《龙游县专利转化运用专项行动工作方案"
        "（2024—2025年）》的通知\n索引号：11330825002605423N/2024-166812\n发布机构：县府办\n生成日期：2024-04-22\n"
        "文号：龙政办发〔2024〕15号\n各乡镇人民政府、街道办事处，县政府各部门：\n"
        "《龙游县知识产权强县建设试点实施方案》《龙游县专利转化运用专项行动工作方案（2024—2025年）》已经县政府同意，"
        "现印发给你们，请认真贯彻执行。\n附件：1．龙游县知识产权强县建设试点实施方案\n"
        "2．龙游县专利转化运用专项行动工作方案（2024—2025年）\n龙游县人民政府办公室\n2024年4月22日\n附件1\n"
        "龙游县知识产权强县建设试点实施方案\n一、重点任务\n1．实施高价值专利培育工程。（牵头单位：县市场监管局）\n"
        "附件2\n龙游县专利转化运用专项行动工作方案（2024—2025年）\n一、重点任务\n1．推进高校专利转化。\n"
        "责任单位：县科技局\n")
    assert doc["title"] == ("龙游县人民政府办公室关于印发《龙游县知识产权强县建设试点实施方案》《龙游县专利转化运用专项行动工作方案"
                            "（2024—2025年）》的通知")
    assert (doc["doc_number"], doc["issuer"], doc["n_measures"]) == ("龙政办发〔2024〕15号", "龙游县人民政府办公室", 2)


def test_a_reposts_editors_note_gives_the_plans_number():
    doc = _document(
        "重磅｜2024年武侯区知识产权工作要点发布→\n原创 武侯市场监管 武侯市场监管\n点击蓝字\n关注我们\n"
        "近日，武侯区知识产权工作领导小组办公室印发《成都市武侯区2024年知识产权工作要点》（武侯知领办〔2024〕1号）。\n"
        "一起来看👇\n成都市武侯区2024年知识产权工作要点\n📌一、重点任务\n"
        "1️⃣实施高价值专利培育工程。\n建设高价值专利培育中心2个。\n"
        "（牵头单位：区市场监管局（区知识产权局）　配合单位：区新经济和科技局、区经信局）\n")
    assert (doc["title"], doc["doc_number"]) == ("成都市武侯区2024年知识产权工作要点", "武侯知领办〔2024〕1号")
