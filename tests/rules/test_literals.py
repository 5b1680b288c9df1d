"""The literal text a context needs before it is searched (ipanalysis.rules.literals)."""

import re

import pytest

from ipanalysis.rules.literals import may_match, required_literals

EVENT = r"(?:^|(?<=[,，、。;；]))[^,，、。;；]{0,16}?(?:博览会|交易会|论坛)"


@pytest.mark.parametrize("pattern, literals", [
    (EVENT, ("博览会", "交易会", "论坛")),
    (r"(?:[^,，。;；、]{1,8}、)+[^,，。;；、]{1,8}等(?:重点|关键)?领域", ("领域",)),  # the longer run
    (r"(?:按照|根据|依据)《[^》]*》", ("按照", "根据", "依据")),
    (r"(?<=《)[^》]*?(?=(?:条例|规划)?》)", ("《",)),  # what a lookaround reads is in the text
    (r"(园区|基地)建设", ("建设",)),
    (r"(?:园区|)建设", ("建设",)),  # an empty branch requires nothing
    (r"[甲乙]方", ("方",)),
    (r"(?:示范)?园区", ("园区",)),
    (r"\d+项", ("项",)),
])
def test_the_strings_every_match_contains(pattern, literals):
    assert required_literals(pattern) == literals


@pytest.mark.parametrize("pattern", [r"(?i)ipr", r"[^,，]{2,8}", r"(?:a|b+)c?", r"(?:交易)*", r"(?!专利)[\u4e00-\u9fff]{2}"])
def test_no_guard_where_no_string_is_required(pattern):
    assert required_literals(pattern) == ()
    assert may_match("任何文本", ())


def test_a_compiled_pattern_brings_its_flags():
    assert required_literals(re.compile("ipr")) == ("ipr",)
    assert required_literals(re.compile("ipr", re.IGNORECASE)) == ()  # IPR matches: no guard
    assert required_literals(re.compile("知识 产权", re.VERBOSE)) == ("知识产权",)  # the space is no text


def test_the_guard_never_hides_a_match_of_the_coding_contexts():
    from ipanalysis.rules.datafiles import read_records
    from ipanalysis.rules.lexicon import exclusions

    texts = [r["example"] for r in read_records("coding_exclusions.csv")]
    texts += ["举办中国(中山)红木家具文化博览会", "支持企业参加知识产权论坛", "严格实施《天津市知识产权保护条例》"]
    guarded = 0
    for _, context, _ in exclusions():
        needs = required_literals(context.pattern)
        guarded += bool(needs)
        for text in texts:
            if context.search(text):
                assert may_match(text, needs), (context.pattern, text)
        assert not needs or not may_match("加强知识产权保护", needs) or context.search("加强知识产权保护")
    assert guarded == len(exclusions())  # every context of the data file has one
