"""Plans of the genre issued beyond the IP office, each in that family's style (full-width punctuation as
published): a procuratorate's brackets that open with 由 (``（由A牵头，B协助，商请C配合）``), a customs
district's 主办部门/协办部门, a 双打 office's work points with a unit bracket after each sentence, a
province's push plan whose note makes every list's first unit the lead, an agriculture bureau's plan
counting 亩 and 吨 beside its budget, a portal's footer and navigation bar, a sub-district's plan under
a portal's index block, and the notice's closing demand below the last task."""

from ipanalysis.parse.document import parse_document
from ipanalysis.rules.gazetteer import _township_name
from test_item_and_goal_styles import _plan
from test_report_styles import _values
from test_unit_styles import units as _units


def test_a_procuratorate_brackets_its_units_after_由_and_asks_outside_partners_with_商请():
    assert _units("提前介入引导侦查。（由第二检察部牵头，知识产权检察办公室协助，商请市公安局配合）")[0] == [
        ("第二检察部", "lead"), ("知识产权检察办公室", "cooperating"), ("市公安局", "cooperating")]
    got, deadline = _units("深化“两法衔接”。（由第二检察部会同市市场监管局（市知识产权局）负责；2023年6月底前完成）")
    assert got == [("第二检察部", "lead"), ("市市场监管局(市知识产权局)", "cooperating")]
    assert deadline == "2023年6月底前完成"
    assert _units("加强专业化队伍建设。（由政治部负责）")[0] == [("政治部", "responsible")]


def test_a_customs_district_labels_its_offices_主办部门_and_协办部门():
    got, deadline = _units("开展侵权风险分析。（主办部门：风险防控分局；协办部门：综合业务处、缉私局；完成时限：常态化开展）")
    assert got == [("风险防控分局", "lead"), ("综合业务处", "cooperating"), ("缉私局", "cooperating")]
    assert deadline == "常态化开展"


def test_双打_work_points_close_each_sentence_with_its_units_and_name_the_供销社():
    measures, _ = _plan(
        "二、重点任务\n"
        "（二）加强农村和城乡结合部市场治理。深入开展农村假冒伪劣食品专项整治，规范农村食品经营秩序。"
        "（省市场监管局、省农业农村厅、省商务厅、省供销社按职责分工负责）组织开展农资打假专项治理行动，"
        "全年抽检农资产品不少于1500批次。（省农业农村厅负责）\n"
        "（十三）强化知识产权司法保护。依法严格适用惩罚性赔偿制度。（省高级人民法院负责）"
        "加强知识产权检察综合履职，加大立案监督力度。（省人民检察院负责）\n")
    assert sorted(measures[0][1]) == [("省供销社", "responsible"), ("省农业农村厅", "responsible"),
                                      ("省商务厅", "responsible"), ("省市场监管局", "responsible")]
    assert sorted(measures[1][1]) == [("省人民检察院", "responsible"), ("省高级人民法院", "responsible")]


def test_a_push_plan_whose_note_makes_the_first_unit_of_every_list_the_lead():
    text = ("江西省2024年知识产权强省建设推进计划\n（各项任务中排在第一位的为牵头单位，其他单位按职责分工负责）\n"
            "一、提升知识产权创造质量\n"
            "1.深入实施高价值专利培育工程。全年培育高价值专利组合20个。（责任单位：省知识产权局、省科技厅、省教育厅）\n"
            "2.加强知识产权司法保护。（责任单位：省法院、省检察院、省公安厅）\n")
    doc = parse_document(text.encode("utf-8"), "jiangxi_2024_push_plan.txt")
    roles = [(a["unit"], a["role"]) for a in doc.rows("assignments")]
    assert roles == [("省知识产权局", "lead"), ("省科技厅", "responsible"), ("省教育厅", "responsible"),
                     ("省法院", "lead"), ("省检察院", "responsible"), ("省公安厅", "responsible")]


def test_acres_tonnes_batches_and_consignments_count_and_a_budget_is_no_target():
    assert _values("到2025年，荔枝标准化种植基地达到3万亩，年产量达到6万吨。") == [(30000.0, "亩"), (60000.0, "吨")]
    assert _values("行动期间查扣侵权货物不少于200批次，抽查跨境电商出口包裹不少于5000票，组织集中打击行动3轮。") == [
        (200.0, "批次"), (5000.0, "票"), (3.0, "轮")]
    assert _values("项目计划总投资1050万元，其中县级财政统筹整合资金100万元，经营主体自筹600万元。") == []


def test_a_portals_footer_and_navigation_bar_are_no_tasks():
    measures, doc = _plan(
        "二、重点任务\n1.推进交易流通。（省大数据局、省市场监管局按职责分工负责）\n"
        "网站地图　|　联系我们　|　使用帮助\n主办单位：浙江省市场监督管理局（浙江省知识产权局）\n"
        "主办单位：西峡县人民政府办公室　　承办单位：西峡县政务服务和大数据管理局\n"
        "上一篇：西峡县人民政府办公室关于做好2023年春季造林绿化工作的通知\n")
    assert measures == [("1", [("省大数据局", "responsible"), ("省市场监管局", "responsible")], None)]
    assert "主办单位" not in doc.rows("measures")[0]["text"]


def test_a_sub_districts_plan_under_a_portal_index_block_takes_the_title_over_its_body():
    text = ("您所在的位置：首页 > 政务公开 > 街道镇信息公开 > 漕河泾街道\n漕河泾街道办事处2024年知识产权工作计划\n"
            "索 取 号：SY0051340-0103-2024-0007\n发布机构：漕河泾街道办事处\n文　　号：\n\n"
            "徐汇区漕河泾街道2024年知识产权工作计划\n为做好辖区知识产权服务和保护工作，制定本计划。\n"
            "一、重点工作\n（一）走访服务重点企业。（牵头科室：营商服务办；配合科室：市场监管所；完成时间：12月底前）\n")
    doc = parse_document(text.encode("utf-8"), "caohejing_2024_plan.txt").rows("documents")[0]
    assert doc["title"] == "徐汇区漕河泾街道2024年知识产权工作计划"
    assert (doc["region_zh"], doc["admin_level"], doc["region"]) == ("漕河泾街道", "township", "Caohejing_Xuhui")
    assert _township_name("漕河泾街道") == "漕河泾街道"  # no county printed before it: the name stays whole


def test_the_notices_closing_demand_below_the_last_task_gives_it_no_deadline():
    measures, _ = _plan(
        "二、重点任务\n（二十三）加强执法队伍建设。（各成员单位负责）\n"
        "（二十四）深化对外交流合作。加强知识产权执法交流。（省商务厅、兰州海关按职责分工负责）\n"
        "各市（州）双打办、各成员单位要结合实际制定年度工作计划，于2025年7月10日前将半年工作进展情况报送省双打办。\n")
    assert [(number, deadline) for number, _, deadline in measures] == [("(二十三)", None), ("(二十四)", None)]
