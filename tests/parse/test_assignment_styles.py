"""Where plans say who does a task, in the styles of plans organised by department or assigning their
tasks apart from them (full-width punctuation as published)."""

from ipanalysis.parse.deadlines import deadline_in_text, parse_deadline
from ipanalysis.parse.normalise import unify_characters
from ipanalysis.parse.targets import find_targets_in_text
from ipanalysis.parse.unit_groups import find_unit_groups, unit_heading
from test_item_and_goal_styles import _plan
from test_unit_styles import units


def test_a_plan_by_department_gives_each_heading_unit_every_task_below_it():
    measures, _ = _plan(
        "一、各单位重点任务分工\n（一）区市场监管局（区知识产权局）\n"
        "1．实施高价值专利培育工程。遴选一批企业开展高价值专利培育。区科技局配合。\n"
        "2．推进知识产权质押融资。建立质押融资项目库。区财政局配合。2024年12月底前完成。\n"
        "（二）区科技局、区经信局\n"
        "1．促进专利转化运用。推动高校院所存量专利盘活，健全转化机制（区教育局协助），提高转化效率。\n"
        "二、保障措施\n1．加强组织领导。各成员单位要明确分管领导。\n")
    assert measures == [
        ("1", [("区市场监管局（区知识产权局）", "responsible"), ("区科技局", "cooperating")], None),
        ("2", [("区市场监管局（区知识产权局）", "responsible"), ("区财政局", "cooperating")], "2024年12月底前完成"),
        ("1", [("区科技局", "responsible"), ("区经信局", "responsible"), ("区教育局", "cooperating")], None)]
    assert unit_heading("（一）区市场监管局（区知识产权局）").content == "区市场监管局（区知识产权局）"
    assert unit_heading("三、构建知识产权保护格局") is None  # ends like 局, names no agency


def test_a_department_heading_unknown_to_the_agency_list_counts_among_known_ones():
    measures, _ = _plan(
        "一、各单位重点任务分工\n（一）区市场监管局（区知识产权局）\n"
        "1．实施高价值专利培育工程。遴选一批企业开展高价值专利培育。区科技局配合。\n"
        "（二）区科技局、区经信局\n1．促进专利转化运用。推动高校院所存量专利盘活。区教育局协助。\n"
        "（三）区退役军人事务局\n1．支持退役军人创新创业。开展知识产权创业培训。区人力社保局配合。\n"
        "（四）区医保局\n1．推进医药领域知识产权保护。加强医药集采中的专利信息核查。\n"
        "二、保障措施\n1．加强组织领导。各成员单位要明确分管领导。\n")
    assert [units for _, units, _ in measures[2:]] == [
        [("区退役军人事务局", "responsible"), ("区人力社保局", "cooperating")], [("区医保局", "responsible")]]
    measures, _ = _plan(  # one heading of a known agency among headings of tasks: the others stay tasks
        "一、重点任务\n（一）区域协同发展新格局\n1．加强区域协作。推进长三角知识产权协作（区市场监管局负责）。\n"
        "（二）区市场监管局\n1．提升服务能力。建设公共服务中心。区财政局配合。\n")
    assert [units for _, units, _ in measures] == [
        [("区市场监管局", "responsible")], [("区市场监管局", "responsible"), ("区财政局", "cooperating")]]


def test_a_plan_that_names_its_units_as_the_subjects_of_its_sentences():
    """No bracket, label or unit sentence anywhere: the units opening a task's clauses do it (会同:
    the lead and the units it works with, separated by 、 or /); a unit after 向 or 依托 is none, nor
    are the safeguards'."""
    measures, doc = _plan(
        "一、重点任务\n"
        "1．实施高价值专利培育工程。区市场监管局要会同区科技局/区工信局，每年培育示范企业5家。\n"
        "2．壮大创新主体。区科技局负责科技型企业梯次培育；区财政局给予资金支持。2024年底前，建成培育库。\n"
        "3．加强海外维权。区商务局牵头，联合区贸促会开展纠纷应对指导。企业遭遇纠纷的，应及时向区商务局报告。\n"
        "4．完善服务网络。各街道办事处要依托区市场监管局服务窗口设立服务点。该项工作长期坚持。\n"
        "二、保障措施\n1．加强组织领导。区知识产权工作领导小组要统筹协调重大问题。\n")
    assert measures == [
        ("1", [("区市场监管局", "lead"), ("区科技局", "cooperating"), ("区工信局", "cooperating")], None),
        ("2", [("区科技局", "responsible"), ("区财政局", "cooperating")], "2024年底前"),
        ("3", [("区商务局", "lead"), ("区贸促会", "cooperating")], None),
        ("4", [("各街道办事处", "responsible")], "长期坚持")]
    assert any("subjects of the tasks' sentences" in w for w in doc.rows("documents")[0]["warnings"].split("\n"))
    measures, _ = _plan(  # a plan that names units in brackets: a unit its prose opens with assigns nothing
        "一、重点任务\n1．实施专利导航。市科技局配合开展产业专利导航。（牵头单位：区市场监管局）\n"
        "2．加强版权保护。区委宣传部要加强版权执法。\n")
    assert measures == [("1", [("区市场监管局", "lead")], None), ("2", [], None)]


def test_an_appendix_table_assigns_the_items_of_the_text_by_their_numbers():
    """A 任务分工表 whose 序号 一, 二 are the items （一）（二） of the text (not the safeguards'): the items
    are the measures, with the units and deadline of their row."""
    measures, _ = _plan(
        "一、重点工作\n（一）提升专利创造水平。实施高价值专利培育计划，新增示范企业5家。\n"
        "（二）深化专利导航服务。开展产业规划类专利导航。\n"
        "二、保障措施\n（一）加强组织领导。统筹推进各项工作。\n"
        "附件\n任务分工表\n序号\t任务\t牵头单位\t配合单位\t完成时限\n"
        "一\t专利创造\t区市场监管局\t区科技局、区工信局\t2024年12月底前\n"
        "二\t专利导航\t区工信局\t—\t持续推进\n")
    assert measures == [
        ("(一)", [("区市场监管局", "lead"), ("区科技局", "cooperating"), ("区工信局", "cooperating")], "2024年12月底前"),
        ("(二)", [("区工信局", "lead")], "持续推进")]


def test_a_task_table_copied_out_of_a_pdf_one_cell_a_line():
    measures, doc = _plan(
        "一、重点任务\n序号\n重点任务\n牵头单位\n配合单位\n完成时限\n"
        "1\n实施高价值专利培育工程，支持产业骨干企业布局\n高价值专利组合。\n县市场监管局\n县科技局、县经信局\n2024年12月底前\n"
        "2\n开展产业专利导航。\n县经信局\n/\n持续推进\n"
        "二、工作要求\n（一）加强组织领导。各单位要明确分工。\n")
    assert measures == [
        ("1", [("县市场监管局", "lead"), ("县科技局", "cooperating"), ("县经信局", "cooperating")], "2024年12月底前"),
        ("2", [("县经信局", "lead")], "持续推进")]
    assert doc.rows("measures")[0]["text"].startswith("实施高价值专利培育工程，支持产业骨干企业布局高价值专利组合")  # one cell


def test_units_separated_by_slashes_and_a_first_lead_note_in_a_column_header():
    measures, _ = _plan(
        "一、重点任务\n1．实施专利导航。开展产业专利导航。（责任单位：县市场监管局（县知识产权局）/县科技局／各乡镇（街道））\n"
        "2．推进金融服务。（牵头：县商务局；配合：县贸促会/县市场监管局）\n"
        "二、任务分工\n序号\t重点任务\t责任单位（排在第一位的为牵头单位）\t完成时限\n"
        "1\t推进专利转化\t县科技局、县市场监管局、县教育局\t2025年底前\n")
    assert measures == [
        ("1", [("县市场监管局（县知识产权局）", "responsible"), ("县科技局", "responsible"), ("各乡镇（街道）", "responsible")],
         None),
        ("2", [("县商务局", "lead"), ("县贸促会", "cooperating"), ("县市场监管局", "cooperating")], None),
        ("1", [("县科技局", "lead"), ("县市场监管局", "responsible"), ("县教育局", "responsible")], "2025年底前")]
    # a name after / without the level of the one before, of the same agency, is its other name
    assert units("（责任单位：区市场监管局/知识产权局、区科技局）")[0] == [
        ("区市场监管局/知识产权局", "responsible"), ("区科技局", "responsible")]


def test_label_lines_behind_bullet_glyphs_under_task_headings_in_brackets():
    """A reposted article: tasks headed 【任务一】, their labels behind ▶ ● ◆; 往期推荐 ends the plan."""
    measures, doc = _plan(
        "一、重点任务\n【任务一】加强高价值专利培育\n培育高价值专利组合30个。\n▶责任单位：区市场监管局、区科技局\n"
        "▶完成时限：2027年底前\n【任务二】加强专利导航\n每年实施专利导航项目3项。\n● 牵头单位：区工信局\n"
        "◆配合单位：区科技局\n往期推荐\n▶ 吴中区2家企业获中国专利奖\n")
    assert measures == [("任务一", [("区市场监管局", "responsible"), ("区科技局", "responsible")], "2027年底前"),
                        ("任务二", [("区工信局", "lead"), ("区科技局", "cooperating")], None)]
    assert [t["value"] for t in doc.rows("targets")] == [30.0, 3.0]


def test_a_unit_bracket_broken_over_lines_by_a_web_editor():
    measures, _ = _plan(
        "一、重点任务\n1．推动专利转化。建立转化机制。（牵头单位：区科技局；\n配合单位：区市场监管局、\n区财政局；\n"
        "完成时限：2024年12月底前）\n2．加强版权保护。（责任单位：\n区委宣传部）\n3．强化执法。开展专项行动（区市场监管局负责）\n")
    assert measures == [
        ("1", [("区科技局", "lead"), ("区市场监管局", "cooperating"), ("区财政局", "cooperating")], "2024年12月底前"),
        ("2", [("区委宣传部", "responsible")], None), ("3", [("区市场监管局", "responsible")], None)]


def test_a_value_an_indicator_rises_from_is_no_target():
    found = find_targets_in_text(unify_characters("有效注册商标量由2022年底的2.86万件提高到3.2万件，专利拥有量从8.2件提升至12件。"))
    assert [(t["value"], t["unit"]) for t in found] == [(32000.0, "件"), (12.0, "件")]


def test_a_closing_sentence_of_units_and_role_words_alone_assigns():
    assert units("建设知识产权公共服务中心。区财政局、区人社局配合。")[0] == [
        ("区财政局", "cooperating"), ("区人社局", "cooperating")]
    assert units("开展专项执法。区公安分局牵头，区检察院配合。长期坚持。") == (
        [("区公安分局", "lead"), ("区检察院", "cooperating")], "长期坚持")
    assert find_unit_groups(unify_characters("开展专项执法。各成员单位要密切配合。")) == ()  # prose, no unit list


def test_a_closing_deadline_sentence_is_the_deadline_as_printed():
    assert deadline_in_text("建立质押融资项目库。2024年11月底前完成。") == "2024年11月底前完成"
    assert deadline_in_text("组织开展存量专利盘活，2024年9月底前完成存量专利梳理。") == "2024年9月底前"


def test_a_paragraph_looking_back_states_what_was_achieved():
    text = unify_characters("过去一年，全区知识产权工作取得积极成效。2023年，全区发明专利授权量达到2318件。"
                            "获批建设国家级知识产权保护规范化市场1个。到2025年，全区发明专利授权量达到3000件。")
    assert [(t["value"], t["unit"]) for t in find_targets_in_text(text, as_of=(2024, 3))] == [(3000.0, "件")]
    assert find_targets_in_text(unify_characters("建议使用1920×1080分辨率，IE10以上版本浏览器")) == []


def test_other_labels_of_the_responsible_unit_with_full_width_digits():
    got, deadline = units("推动专利转化，每年转化３项以上。（落实单位：县科技局；协同单位：县市场监管局（县知识产权局）、"
                          "县教育局；完成时间：２０２４—２０２５年）")
    assert got == [("县科技局", "responsible"), ("县市场监管局(县知识产权局)", "cooperating"), ("县教育局", "cooperating")]
    assert deadline == "2024—2025年"
    assert units("推进软件正版化工作。（实施主体：县委宣传部（县版权局）、县文广旅体局）")[0] == [
        ("县委宣传部(县版权局)", "responsible"), ("县文广旅体局", "responsible")]
    assert units("编制导航报告。（承办单位：莫干山高新区管委会；参与单位：县经信局）")[0] == [
        ("莫干山高新区管委会", "responsible"), ("县经信局", "cooperating")]


def test_a_look_back_counts_achievements_across_semicolons():
    text = unify_characters("近年来，我县知识产权工作取得积极进展。２０２２年，全县专利授权量４１６８件；"
                            "有效注册商标２．５万件；知识产权质押融资额达到４．３亿元。")
    assert find_targets_in_text(text, as_of=(2023, 5)) == []


def test_units_given_their_role_with_wei_or_zuowei_and_other_role_words():
    assert units("推动企业贯标。区市场监管局为牵头单位，区经信局、区科技局为配合单位。")[0] == [
        ("区市场监管局", "lead"), ("区经信局", "cooperating"), ("区科技局", "cooperating")]
    assert units("培育区域品牌。由区商务局作为牵头单位，区市场监管局配合。2024年底前完成。") == (
        [("区商务局", "lead"), ("区市场监管局", "cooperating")], "2024年底前完成")
    assert units("推行专利开放许可。区科技局、区经信局共同牵头，各街道办事处参与。")[0] == [
        ("区科技局", "lead"), ("区经信局", "lead"), ("各街道办事处", "cooperating")]
    assert units("畅通投诉举报渠道。区司法局抓总，区市场监管局、区法院协同推进。完成时限为2024年6月底前。") == (
        [("区司法局", "lead"), ("区市场监管局", "cooperating"), ("区法院", "cooperating")], "2024年6月底前")
    assert units("推动银行开发产品(牵头单位:区地方金融监管局;配合单位:区财政局,区市场监管局)")[0] == [
        ("区地方金融监管局", "lead"), ("区财政局", "cooperating"), ("区市场监管局", "cooperating")]
    found = find_targets_in_text(unify_characters("力争三年促成专利转让许可300件次。"))
    assert [(t["value"], t["unit"]) for t in found] == [(300.0, "件次")]


def test_a_bureaus_ledger_names_its_offices_and_never_its_officials():
    measures, doc = _plan(
        "一、重点工作任务\n表2　知识产权重点工作任务分解\n序号\t工作任务\t责任科室\t责任人\t完成时限\n"
        "注：1．责任科室栏列有多个科室并标注“（第一个为牵头科室）”的，排在第一位的为牵头科室，其余为配合科室；"
        "未作标注的，共同负责。\n"
        "1\t实施高价值专利培育工程，每年遴选培育企业50家\t知识产权促进科\t李建国（副局长）\t2024—2026年\n"
        "2\t深入实施商标品牌战略\t知识产权促进科、登记注册科（第一个为牵头科室）\t李建国（副局长）、孙丽（登记注册科科长）"
        "\t长期坚持\n"
        "3\t加大知识产权行政执法力度\t执法支队、知识产权保护科\t赵志刚（副局长）\t持续推进\n"
        "二、保障措施\n联系人：王海涛　　联系电话：0536-8196215\n")
    assert measures == [("1", [("知识产权促进科", "responsible")], "2024—2026年"),
                        ("2", [("知识产权促进科", "lead"), ("登记注册科", "cooperating")], "长期坚持"),
                        ("3", [("执法支队", "responsible"), ("知识产权保护科", "responsible")], "持续推进")]
    assert [(t["value"], t["unit"]) for t in doc.rows("targets")] == [(50.0, "家")]
    assert find_targets_in_text(unify_characters("确定12项重点工作任务，逐项明确责任科室。")) == []


def test_a_note_after_a_first_lead_mark_gives_the_others_their_role():
    assert units("开展专利导航。（责任单位：市科技局、市财政局、市教育局（列第一位的为牵头单位，其余为配合单位））")[0] == [
        ("市科技局", "lead"), ("市财政局", "cooperating"), ("市教育局", "cooperating")]
    assert units("开展专利导航。（责任单位：市科技局、市财政局（列第一位的为牵头单位））")[0] == [
        ("市科技局", "lead"), ("市财政局", "responsible")]


def test_a_responsibility_section_assigns_the_tasks_by_their_numbers():
    measures, doc = _plan(
        "一、重点任务\n（一）实施高价值专利培育工程。培育高价值专利。\n（二）深化专利导航。开展导航项目10个。\n"
        "（三）加强版权保护。推进软件正版化。\n（四）建设服务网点。布局服务网点。\n"
        "二、责任分工\n各牵头单位要会同配合单位细化工作举措。\n"
        "第（一）、（二）项任务由市市场监管局牵头，市科技局配合，2026年底前完成。\n"
        "第（三）项任务由市委宣传部（市版权局）负责。\n"
        "第（四）项任务由市市场监管局牵头，各县（市、区）人民政府、三峡大学配合；长期坚持。\n"
        "三、保障措施\n（一）加强组织领导。\n（二）强化经费保障。\n")
    lead = [("市市场监管局", "lead"), ("市科技局", "cooperating")]
    assert measures == [("(一)", lead, "2026年底前完成"), ("(二)", lead, "2026年底前完成"),
                        ("(三)", [("市委宣传部（市版权局）", "responsible")], None),
                        ("(四)", [("市市场监管局", "lead"), ("各县（市、区）人民政府", "cooperating"),
                                 ("三峡大学", "cooperating")], "长期坚持")]
    assert [(t["value"], t["unit"]) for t in doc.rows("targets")] == [(10.0, "个")]


def test_a_past_year_after_a_semicolon_or_in_a_bracket_states_a_baseline():
    text = unify_characters("截至2023年底，全市有效发明专利拥有量达到6128件；2023年全市知识产权质押融资登记金额18.6亿元，"
                            "同比增长31.2%。到2026年，每万人口高价值发明专利拥有量达到7.5件（2023年底为4.6件）。")
    assert [(t["value"], t["unit"]) for t in find_targets_in_text(text, as_of=(2024, 3))] == [(7.5, "件")]


def test_a_division_of_labour_under_each_task_with_participating_units():
    measures, _ = _plan("一、重点任务\n1．加强知识产权司法保护。健全知识产权审判体系。\n"
                        "牵头单位：省法院\n参加单位：省检察院、省公安厅\n"
                        "2．建设知识产权保护中心。\n责任单位：各市州人民政府\n")
    assert measures == [("1", [("省法院", "lead"), ("省检察院", "cooperating"), ("省公安厅", "cooperating")], None),
                        ("2", [("各市州人民政府", "responsible")], None)]
    text = unify_characters("《纲要》明确，到2025年，专利密集型产业增加值占GDP比重达到13%。全省新增专利导航项目8件。")
    assert [(t["value"], t["unit"]) for t in find_targets_in_text(text)] == [(8.0, "件")]


def test_units_printed_one_a_line_under_their_label():
    measures, _ = _plan("一、重点任务\n1．推动专利转化实施。深化校企合作。\n牵头单位：区科技局\n配合单位：\n"
                        "区市场监管局（区知识产权局）\n区教体局\n完成时限：2025年底前\n\n"
                        "2．开展专利导航服务。\n牵头单位：\n区经信局\n配合单位：\n各镇、街道\n完成时限：2025年底前\n")
    assert measures == [
        ("1", [("区科技局", "lead"), ("区市场监管局（区知识产权局）", "cooperating"), ("区教体局", "cooperating")],
         "2025年底前"),
        ("2", [("区经信局", "lead"), ("各镇、街道", "cooperating")], "2025年底前")]


def test_a_table_of_two_task_columns_takes_the_finer_one_for_each_row():
    measures, _ = _plan("一、重点任务\n序号\t重点任务\t具体举措\t牵头单位\t责任单位\t完成时限\n"
                        "1\t强化知识产权创造\t实施高价值专利培育工程\t市市场监管局\t市科技局\t2025年底前\n"
                        "2\t\t推动企业知识产权合规管理\t\t市工业和信息化局\t每年\n")
    assert measures == [("1", [("市市场监管局", "lead"), ("市科技局", "responsible")], "2025年底前"),
                        ("2", [("市工业和信息化局", "responsible")], "每年")]


def test_deadlines_written_in_chinese_numerals_have_their_date():
    assert [parse_deadline(d)[0] for d in ("二〇二五年六月底前完成", "二零二六年六月底前", "二〇二四—二〇二六年",
                                           "二〇二五年第三季度")] == ["2025-06-30", "2026-06-30", "2026-12-31", "2025-09-30"]


def test_tasks_of_a_phase_are_due_at_its_end_unless_they_say():
    measures, _ = _plan("一、阶段安排和主要任务\n（一）动员部署阶段（2024年3月—4月）\n本阶段重点做好方案制定工作。\n"
                        "1．制定专项行动方案。（责任单位：县市场监管局）\n"
                        "（二）集中攻坚阶段（2024年5月—10月）\n"
                        "1．开展专利侵权执法检查。（责任单位：县市场监管局、县公安局）\n"
                        "2．开展商标专项整治。（牵头单位：县市场监管局；完成时限：2024年7月底前）\n")
    assert [(n, d) for n, _, d in measures] == [("1", "2024年4月"), ("1", "2024年10月"), ("2", "2024年7月底前")]
    assert parse_deadline("2024年10月")[0] == "2024-10-31"


def test_goals_written_in_chinese_numerals():
    text = unify_characters("有效发明专利拥有量达到一万二千件，每万人口高价值发明专利拥有量达到十二点五件，"
                            "培育企业十家，调解成功率达到百分之八十五以上，每年培训两千人次以上。"
                            "助力实现全国专利密集型产业增加值占GDP比重达到13%的目标。")
    assert [(t["value"], t["unit"]) for t in find_targets_in_text(text)] == [
        (12000.0, "件"), (12.5, "件"), (10.0, "家"), (85.0, "%"), (2000.0, "人次")]


def test_prose_that_looks_like_this_rounds_styles_is_read_as_before():
    def values(text):
        return [(t["value"], t["unit"]) for t in find_targets_in_text(unify_characters(text), as_of=(2024, 3))]

    assert values("这项工作十分必要。办好知识产权十件实事，实施十项专项行动，建立健全十二项制度。") == []
    assert values("全年发明专利授权量较上年增长10%以上，每万人口高价值发明专利拥有量达到6件。") == [(10.0, "%"), (6.0, "件")]
    assert values("党的二十大以来，工作取得成效。到2025年，达到5000件以上。每万人口拥有量达到12件。") == [
        (5000.0, "件"), (12.0, "件")]
    assert values("按照《知识产权强国建设纲要（2021—2035年）》要求，到2025年，全市拥有量达到12件。") == [(12.0, "件")]
    assert values("知识产权质押融资达到一亿二千万元，确保完成专利质押融资10亿元任务。") == [(12000.0, "万元"), (10.0, "亿元")]
    assert parse_deadline("二〇二四年十月至十二月")[0] == "2024-12-31"


def test_tasks_by_number_go_to_the_tasks_printed_before_the_line():
    measures, _ = _plan("一、重点任务\n（一）加强保护。\n（1）开展执法。\n（2）开展调解。\n（二）促进运用。\n（1）推动转化。\n"
                        "二、组织实施\n第（一）项任务由区市场监管局牵头，区公安分局配合。\n第（二）项任务由区科技局负责。\n"
                        "（一）加强组织领导。\n（二）强化经费保障。\n")
    assert [(n, u) for n, u, _ in measures] == [
        ("(1)", [("区市场监管局", "lead"), ("区公安分局", "cooperating")]),
        ("(2)", [("区市场监管局", "lead"), ("区公安分局", "cooperating")]), ("(1)", [("区科技局", "responsible")])]


def test_an_issuers_name_over_its_date_is_no_unit_of_the_last_task():
    measures, _ = _plan("一、重点任务\n1．加强知识产权司法保护。\n责任单位：区司法局\n\nXX区市场监督管理局\n2024年3月5日\n")
    assert measures == [("1", [("区司法局", "responsible")], None)]


def test_a_cell_a_line_table_with_its_groups_between_rows_and_a_portals_links_after_it():
    measures, doc = _plan(
        "二、重点任务\n围绕四大工程实施12项重点任务，具体分工见附件。\n"
        "附件\n某区知识产权工作重点任务分工表\n序号\n工作任务\n责任单位\n完成时限\n"
        "一、创造提质工程\n"
        "1\n实施高价值专利培育计划，新增高价值发明专利200件。\n区市场监管局（区知识产权局）、区科技局\n2025年底前\n"
        "2\n深入实施商标品牌战略。\n区市场监管局（区知识产权局）牵头，区商务局配合\n长期坚持\n"
        "二、保护强化工程\n"
        "3\n开展知识产权执法专项行动。\n区市场监管局（区知识产权局）、公安分局\n每年12月底前\n"
        "扫一扫在手机打开当前页\n相关链接\n某区2023年知识产权工作要点\n"
        "主办：某区人民政府办公室\n承办：某区大数据中心\n")
    bureau = "区市场监管局（区知识产权局）"
    assert measures == [
        ("1", [(bureau, "responsible"), ("区科技局", "responsible")], "2025年底前"),
        ("2", [(bureau, "lead"), ("区商务局", "cooperating")], "长期坚持"),
        ("3", [(bureau, "responsible"), ("公安分局", "responsible")], "每年12月底前")]
    assert [m["section_title"] for m in doc.rows("measures")] == ["创造提质工程", "创造提质工程", "保护强化工程"]


def test_the_last_row_of_a_cell_a_line_table_may_wrap_its_task_at_the_end_of_the_text():
    measures, doc = _plan(
        "一、重点任务\n序号\n重点任务\n牵头单位\n完成时限\n"
        "1\n实施高价值专利培育工程。\n县市场监管局\n2024年12月底前\n"
        "2\n开展产业专利导航，\n推动企业布局专利。\n县经信局\n持续推进\n")
    assert measures == [("1", [("县市场监管局", "lead")], "2024年12月底前"), ("2", [("县经信局", "lead")], "持续推进")]
    assert doc.rows("measures")[1]["text"].startswith("开展产业专利导航，推动企业布局专利（牵头单位：县经信局")
