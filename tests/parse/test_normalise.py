"""Normalisation of the raw seed text."""

import re

from conftest import normalised, seed_path

from ipanalysis.parse.normalise import (
    PINYIN_ANNOTATION,
    decode_bytes,
    remove_pinyin_annotations,
    repair_gbk_misalignment,
    strip_markup,
    to_simplified,
    unify_characters,
)


def test_chongqing_is_read_as_traditional_and_converted():
    norm = normalised("Chongqing")
    assert norm.script == "traditional"
    text = norm.text
    # no Traditional character is left: t2s changes nothing any more
    assert to_simplified(text) == text
    assert "知识产权" in text and "知識產權" not in text


def test_chongqing_pinyin_annotations_removed_and_parentheses_kept():
    norm = normalised("Chongqing")
    assert norm.n_pinyin_removed == 317
    assert not PINYIN_ANNOTATION.search(norm.text)
    assert not re.search(r"\((?:qu|xian|fa|ye)[̄-ͯ]?\)", norm.text)
    for kept in ("(自治县,以下简称区县)", "(2021—2035年)", "(此件公开发布)"):
        assert kept in norm.text


def test_chongqing_garbled_headings_recovered():
    norm = normalised("Chongqing")
    by_line = {line.raw_line: line.text for line in norm.lines}
    assert by_line[12].startswith("(一)加强总体设计和系统谋划")
    assert by_line[16].startswith("(二)加强区域联动")
    assert by_line[20].startswith("(三)加强对外开放和出海护航")
    assert by_line[24].startswith("(四)加强培育创造")
    assert by_line[28].startswith("(五)加强先行先试")
    # 三、保障措施 (一)…(四): the heading numbers come back in every case
    for line, number in ((35, "(一)"), (36, "(二)"), (37, "(三)"), (38, "(四)")):
        assert by_line[line].startswith(number)
    # the unit list of item 1 starts with 市知识产权局's bracket, not garbage
    assert "〔责任单位:市" in by_line[13]
    assert "西部(区、市)" in by_line[18]
    assert norm.n_repaired_spans == 8


def test_lost_characters_are_reported():
    norm = normalised("Chongqing")
    warned_lines = {int(re.match(r"line (\d+)", w)[1]) for w in norm.warnings}
    assert warned_lines == {12, 13, 18, 20, 35, 36, 37, 38}
    assert any("after the heading number was lost" in w for w in norm.warnings if w.startswith("line 36"))


def test_repair_leaves_a_real_question_mark_alone():
    line = "是否需要进一步完善?请各单位研究。"
    assert repair_gbk_misalignment(line)[0] == line


def test_pinyin_removal_only_touches_toned_syllables():
    assert remove_pinyin_annotations("現(xiàn)將區(qū)縣(自治縣)")[0] == "現將區縣(自治縣)"
    assert remove_pinyin_annotations("支持企业(PCT)与(一)项")[0] == "支持企业(PCT)与(一)项"


def test_spaces_and_fullwidth_forms_unified():
    assert unify_characters("\u3000（一）加强\u00a0领导，推进") == "(一)加强 领导,推进"
    # every full-width form and space character, each as often as it occurs; runs of spaces become one
    assert unify_characters("ＡＢ１２，，；：\t\u2003\u3000％Ｚ｝～") == "AB12,,;: %Z}~"
    assert unify_characters("现将区县(自治县)") == "现将区县(自治县)"  # nothing to unify: the line as it was


def test_dongli_footer_furniture_dropped_and_plan_text_intact():
    norm = normalised("Dongli")
    text = norm.text
    for junk in ("扫一扫在手机打开当前页", "网站声明", "主办:", "ICP备", "网站标识码", "返回顶部"):
        assert junk not in text
    assert norm.lines[-1].text.startswith("42.完善通报约谈机制")
    assert norm.lines[-1].raw_line == 127


def test_tongzhou_link_furniture_dropped():
    norm = normalised("Tongzhou")
    assert not any(line.text.endswith(".doc") for line in norm.lines)
    assert "图解:点击查看" not in norm.text and "解读:点击查看" not in norm.text
    assert norm.lines[-1].text.startswith("5. 营造文化氛围")


def test_every_normalised_line_maps_to_its_raw_line():
    for region in ("Yuzhong", "Zhongshan", "Tongzhou", "Dongli"):
        raw_lines = seed_path(region).read_text(encoding="utf-8").split("\n")
        for line in normalised(region).lines:
            raw = unify_characters(strip_markup(raw_lines[line.raw_line - 1]))  # • 索 引 号: the bullet dropped
            assert raw == line.text


def test_a_bullet_glyph_opening_a_line_is_dropped_and_an_article_tail_ends_the_plan():
    from ipanalysis.parse.normalise import normalise_text

    assert strip_markup("▶责任单位：区科技局") == "责任单位：区科技局" and strip_markup("● 牵头单位：A") == "牵头单位：A"
    assert strip_markup("开展“▶”标识推广") == "开展“▶”标识推广"  # only the line's first character
    lines = normalise_text("（一）加强组织领导。\n（二）强化督查。\n往期推荐\n▶ 吴中区2家企业获中国专利奖\n").lines
    assert [line.text for line in lines] == ["(一)加强组织领导。", "(二)强化督查。"]
    lines = normalise_text("相关阅读\n（一）加强组织领导。\n（二）强化督查。\n（三）营造氛围。\n").lines
    assert len(lines) == 3  # a sidebar's list heading above the plan: dropped alone
    lines = normalise_text("（一）加强组织领导。\n（二）强化督查。\n（三）营造氛围。\n相关解读：\n一、出台背景\n"
                           "明确了12项年度重点任务。\n").lines
    assert len(lines) == 3  # the interpretation posted under the plan


def test_decode_rejects_empty_and_reads_bom_and_gbk():
    import pytest

    from ipanalysis.parse.normalise import DecodeError

    with pytest.raises(DecodeError, match="empty"):
        decode_bytes(b"  \n")
    assert decode_bytes("\ufeff一、总体要求".encode("utf-8"))[0] == "一、总体要求"
    assert decode_bytes("一、总体要求和主要任务".encode("gb18030"))[1] == "gb18030"


def test_web_page_furniture_is_dropped_wherever_its_pattern_allows():
    from ipanalysis.parse.normalise import _anchored, is_furniture

    assert is_furniture("返回顶部") and is_furniture("分享到：微信")
    assert is_furniture("渝ICP备12345678号-1 渝公网安备50010302000123号")  # a footer anywhere in the line
    assert is_furniture("附件：2024年知识产权工作要点.docx")
    assert not is_furniture("加强知识产权保护，返回顶部不是本行开头")
    # a pattern counts as anchored only when no alternative escapes its ^
    assert _anchored("^(主办|承办) ?[:：]") and _anchored(r"^网站声明( \| .*)?$")
    assert not _anchored("^首页|返回") and not _anchored("ICP备\\d+号")
