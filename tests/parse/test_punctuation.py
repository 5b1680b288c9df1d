"""The tables print a plan's words with Chinese punctuation as published, whichever way the plan typed
it: full-width beside Chinese characters, ASCII between digits and Latin letters."""

import pytest

from ipanalysis.parse.punctuation import published
from test_item_and_goal_styles import _plan


@pytest.mark.parametrize("text, expected", [
    ("市市场监管局(市知识产权局)", "市市场监管局（市知识产权局）"),
    ("立行立改,长期坚持", "立行立改，长期坚持"),
    ("(牵头单位:区市场监管局;配合单位:区科技局)", "（牵头单位：区市场监管局；配合单位：区科技局）"),
    ("行动方案(2024-2026年)", "行动方案（2024-2026年）"),
    ("达到90%,新增100家", "达到90%，新增100家"),
    ("(1)打击商标侵权", "（1）打击商标侵权"),
    ("1,000件", "1,000件"),  # a thousands separator
    ("每日9:00前", "每日9:00前"),  # a time of day
    ("符合ISO 9001:2015标准", "符合ISO 9001:2015标准"),
    ("Chongqing (2024)", "Chongqing (2024)"),
    ("http://www.gov.cn/a.htm?id=3", "http://www.gov.cn/a.htm?id=3"),
    (None, None),
])
def test_published_punctuation(text, expected):
    assert published(text) == expected


def test_a_plan_typed_in_half_width_reads_in_the_tables_as_one_printed_in_full_width():
    half = ("二、重点任务\n1. 实施专利导航,开展产业专利导航分析。(牵头单位:区市场监管局(区知识产权局);"
            "配合单位:区科技局;完成时限:立行立改,长期坚持)\n三、保障措施\n(一)加强组织领导。\n")
    full = ("二、重点任务\n1．实施专利导航，开展产业专利导航分析。（牵头单位：区市场监管局（区知识产权局）；"
            "配合单位：区科技局；完成时限：立行立改，长期坚持）\n三、保障措施\n（一）加强组织领导。\n")
    (measures, doc), (same, other) = _plan(half), _plan(full)
    assert measures == same == [
        ("1", [("区市场监管局（区知识产权局）", "lead"), ("区科技局", "cooperating")], "立行立改，长期坚持")]
    text = doc.rows("measures")[0]["text"]
    assert text == other.rows("measures")[0]["text"]
    assert text.startswith("实施专利导航，开展产业专利导航分析。（牵头单位：区市场监管局（区知识产权局）；")
    assert doc.rows("assignments")[0]["unit_raw"] == "区市场监管局（区知识产权局）"
