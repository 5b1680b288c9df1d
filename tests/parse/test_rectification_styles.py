"""Rectification plans (整改方案), each in that family's style (full-width punctuation as published): the
problems an inspection found (问题一：…) with the measures that answer each, numbered afresh under every
problem, and field lines closing each problem's block that its measures share or divide by number
(责任单位：措施1、2由A牵头…；措施3由B负责, 整改时限：第1项立行立改；第2项…). What the inspectors found,
and the inspection the preamble recounts, are no targets."""

from ipanalysis.parse.document import parse_document
from ipanalysis.parse.unit_groups import find_unit_groups
from ipanalysis.rules.outline import item_segments
from test_item_and_goal_styles import _plan
from test_report_styles import _values

PROBLEMS = (
    "三、问题清单及整改措施\n"
    "（一）统筹协调方面\n"
    "问题一：领导小组统筹作用发挥不充分。检查发现，2023年领导小组仅召开全体会议1次，18家成员单位中有5家未报送年度总结。\n"
    "整改措施：\n"
    "1．立即召开领导小组全体会议，专题研究部署反馈问题整改工作。\n"
    "2．修订完善领导小组工作规则，建立成员单位季度报送制度。\n"
    "3．推动将知识产权工作纳入综合绩效考核，分值权重不低于2分。\n"
    "责任单位：县市场监管局牵头，县委督查室、县发展改革委配合\n"
    "整改时限：第1项立行立改；第2项2024年8月底前完成；第3项2024年12月底前完成\n"
    "（二）行政保护方面\n"
    "问题二：联合执法力度不够。检查发现，全年仅查办商标侵权案件9件，较上年下降25%。\n"
    "整改措施：\n"
    "1．建立市场监管、公安、农业农村等部门联合执法工作机制，全年开展联合执法行动不少于3次。\n"
    "2．聚焦农资、食品等重点领域开展专项整治，查办侵权假冒案件20件以上。\n"
    "3．完善行政执法与刑事司法衔接机制，定期通报案件线索。\n"
    "责任单位：措施1、2由县市场监管局牵头，县公安局、县农业农村局配合；措施3由县公安局、县人民检察院按职责分工负责\n"
    "整改时限：长期坚持\n"
    "四、保障措施\n"
    "（一）加强组织领导。成立整改工作专班，每月25日前调度整改进展。\n")


def test_measures_under_each_problem_share_the_field_lines_that_close_its_block():
    measures, doc = _plan(PROBLEMS)
    lead, cooperating, responsible = "lead", "cooperating", "responsible"
    first = [("县市场监管局", lead), ("县委督查室", cooperating), ("县发展改革委", cooperating)]
    enforce = [("县市场监管局", lead), ("县公安局", cooperating), ("县农业农村局", cooperating)]
    assert measures == [
        ("1", first, "立行立改"), ("2", first, "2024年8月底前完成"), ("3", first, "2024年12月底前完成"),
        ("1", enforce, "长期坚持"), ("2", enforce, "长期坚持"),
        ("3", [("县公安局", responsible), ("县人民检察院", responsible)], "长期坚持")]
    assert [m["deadline_date"] for m in doc.rows("measures")][:3] == [None, "2024-08-31", "2024-12-31"]
    problems = [s for s in doc.rows("sections") if s["style"] == "named_problem"]
    assert [(s["number"], s["n_measures"]) for s in problems] == [("问题一", 3), ("问题二", 3)]


def test_what_the_inspectors_found_gives_no_targets_and_the_measures_answering_it_do():
    _, doc = _plan(PROBLEMS)
    assert sorted((t["value"], t["unit"]) for t in doc.rows("targets")) == [(2.0, "分"), (3.0, "次"), (20.0, "件")]


def test_a_field_divided_among_the_measures_above_it_by_their_numbers():
    assert item_segments("措施1、2由县市场监管局牵头，县公安局配合；措施3由县公安局负责") == [
        ([1, 2], "由县市场监管局牵头，县公安局配合"), ([3], "由县公安局负责")]
    assert item_segments("第1—2项2024年底前；第3项长期坚持") == [([1, 2], "2024年底前"), ([3], "长期坚持")]
    assert item_segments("县市场监管局；配合单位：县商务局") is None  # a field of two labels, not divided
    assert item_segments("2024年9月底前") is None


def test_an_inspection_the_preamble_recounts_before_the_plans_month_gives_no_targets():
    doc = parse_document((
        "某市人民政府办公室关于印发某市知识产权保护工作检查考核反馈问题整改方案的通知\n"
        "某政办〔2024〕19号\n各县区人民政府：\n现将方案印发给你们，请认真抓好整改落实。\n"
        "某市人民政府办公室\n2024年4月22日\n\n"
        "某市知识产权保护工作检查考核反馈问题整改方案\n"
        "2024年3月，省检查考核组对我市2023年度知识产权保护工作进行了检查考核。我市得分为78.5分，"
        "在全省18个省辖市中位列第14位，共指出4个方面6个问题。为抓好整改，制定本方案。\n"
        + PROBLEMS).encode("utf-8"), "moushi_2024_rectification_plan.txt")
    assert sorted((t["value"], t["unit"]) for t in doc.rows("targets")) == [(2.0, "分"), (3.0, "次"), (20.0, "件")]


def test_a_floor_on_points_is_a_target_and_a_scoring_rule_is_none():
    assert _values("纳入综合绩效考核，分值权重不低于1.5分。") == [(1.5, "分")]
    assert _values("每少1件扣0.5分，扣完为止。") == []
    assert _values("考核分值为10分。") == []


def test_a_label_with_nothing_after_it_names_no_unit():
    assert find_unit_groups("加强宣传。（主办：）") == ()


LEDGER = (
    "三、整改措施\n对照反馈问题，逐项制定整改措施，具体见附件。\n"
    "附件\n某县知识产权保护检查考核反馈问题整改台账\n"
    "序号\t存在问题\t整改措施\t责任单位\t整改时限\n"
    "1\t专利行政执法力量薄弱。全县仅有执法人员3名，2023年办结专利侵权纠纷案件2件。\t"
    "充实专利行政执法队伍，配备专职执法人员不少于5名。\t县市场监管局（县知识产权局）、县委编办\t2024年9月底前\n"
    "\t\t开展专利侵权纠纷行政裁决业务培训，全年培训执法人员50人次以上。\t县市场监管局（县知识产权局）\t2024年12月底前\n"
    "\t\t建立技术调查官制度，聘请技术调查官10名。\t县司法局牵头，县市场监管局（县知识产权局）配合\t2024年10月底前\n"
    "2\t知识产权宣传覆盖面不广。\t组织“4·26”知识产权宣传周活动，开展进企业、进园区宣传20场次。\t"
    "县委宣传部（县版权局）\t立行立改，长期坚持\n"
    "\t\t在各乡镇设立知识产权工作联络员。\t各乡镇人民政府\t2024年6月底前\n")


def test_a_ledger_table_prints_a_problems_cells_on_its_first_row_only_and_each_row_is_a_measure():
    measures, doc = _plan(LEDGER)
    bureau = "县市场监管局（县知识产权局）"
    assert measures == [
        ("1", [(bureau, "responsible"), ("县委编办", "responsible")], "2024年9月底前"),
        ("1", [(bureau, "responsible")], "2024年12月底前"),
        ("1", [("县司法局", "lead"), (bureau, "cooperating")], "2024年10月底前"),
        ("2", [("县委宣传部（县版权局）", "responsible")], "立行立改，长期坚持"),
        ("2", [("各乡镇人民政府", "responsible")], "2024年6月底前")]
    assert [m["text"][:6] for m in doc.rows("measures")] == [
        "充实专利行政", "开展专利侵权", "建立技术调查", "组织“4·2", "在各乡镇设立"]
    # the measures' commitments are targets; what the inspection found (3名, 2件) is none
    assert [(t["value"], t["unit"]) for t in doc.rows("targets")] == [
        (5.0, "名"), (50.0, "人次"), (10.0, "名"), (20.0, "场次")]
