"""Coding terms count as words, outside the contexts that make no code (data/coding_exclusions.csv),
and an infrastructure term only where the measure builds the carrier."""


import pytest

from conftest import FIXTURES, DOC_IDS
from ipanalysis.parse.document import parse_document
from ipanalysis.parse.words import find_terms, word_boundaries

PLAN = FIXTURES / "codes" / "word_matching_plan.txt"


@pytest.fixture(scope="module")
def coded():
    """``{number: (dominant stage, {subtool: matched terms})}`` of the small plan in published style."""
    doc = parse_document(PLAN.read_bytes(), PLAN.name)
    themes, instruments = doc.rows("measure_themes"), doc.rows("measure_instruments")
    out = {}
    for m in doc.rows("measures"):
        stage = next(r["theme"] for r in themes if r["measure_id"] == m["measure_id"] and r["dominant"]
                     and r["level"] == "stage")
        tools = {r["subtool"]: r["matched_terms"] for r in instruments if r["measure_id"] == m["measure_id"]}
        out[m["number"]] = (stage, tools)
    return out


def _terms(text, scope="instrument"):
    return [term for term, _, _ in find_terms(text)[scope]]


def test_terms_start_and_end_on_word_boundaries():
    assert "交易" not in _terms("做好中国小家电交易会的驻场执法")
    assert "交易" in _terms("打通集中收储、在线托管、撮合交易渠道")
    assert "融资" not in _terms("推进知识产权与金融资源有效融合")  # 金融|资源: no 融资
    assert "调解" not in _terms("帮助企业协调解决知识产权保护问题", "stage")  # 协调|解决
    assert "外资" not in _terms("积极引进境外资本") and "外资" in _terms("吸引外资企业落户")
    # compound dictionary words still show their parts: 知识产权|质押|融资, 严厉|打击
    assert {"质押", "融资"} <= set(_terms("推进知识产权质押融资"))
    assert "打击" in _terms("严厉打击侵权假冒行为")


def test_a_one_character_term_counts_where_it_is_a_word():
    # 税 (finance and tax) is a term of one character: a word of its own anywhere in the text
    assert _terms("落实税、费优惠") == ["税"] and _terms("对企业的税、费给予减免") == ["税"]
    assert "税" not in _terms("减轻企业税负") and "税" not in _terms("依法减征企业所得税")


def test_a_declared_phrase_is_one_word():
    text = "推动知识产权与产业链、创新链、人才链、资金链深度融合"
    start = text.index("人才链")
    assert start + 2 not in word_boundaries(text)
    assert not {"人才", "资金"} & set(_terms(text))


def test_a_declared_division_keeps_the_term_in_a_word_with_one_more_character():
    # 宣传周 and 培训班 are dictionary words that keep their last character; the phrase file divides them
    assert _terms("开展“4·26”知识产权宣传周系列活动") == ["宣传"]
    assert _terms("举办知识产权培训班") == ["培训"]
    # a last character that makes a name or an event keeps the word whole
    assert _terms("区教育局、区委宣传部") == [] and _terms("中国小家电交易会") == []


def test_trading_in_a_place_or_an_event_name_is_no_market_matching(coded):
    # 种苗交易集中的区域 is where to inspect; 中国小家电交易会 an event
    assert "market_matching" not in coded["(一)"][1] and "market_matching" not in coded["(二)"][1]
    assert coded["(一)"][0] == coded["(二)"][0] == "protection"


def test_culture_in_an_event_name_or_the_cultural_market_is_no_publicity(coded):
    assert "publicity_culture" not in coded["(二)"][1]  # 红木家具文化博览会
    stage, tools = coded["(五)"]  # 文化市场行政执法队伍建设: a team to build
    assert "publicity_culture" not in tools and tools["talent_training"] == "队伍、队伍建设"
    assert stage == "talent_culture"


def test_publicity_channels_and_parks_named_as_places_are_no_infrastructure(coded):
    assert "infrastructure" not in coded["(三)"][1] and "publicity_culture" in coded["(三)"][1]
    stage, tools = coded["(四)"]  # 督促各街道园区: parks as administrative units
    assert "infrastructure" not in tools and stage == "management"


def test_a_cited_basis_and_a_document_title(coded):
    # 按照《…实施方案》要求: the cited document is no plan and no penalty of this measure
    assert "goal_planning" not in coded["(六)"][1] and coded["(六)"][1]["regulation_enforcement"] == "侵权"
    # 严格实施《…保护条例》: the title's type word is the instrument; its subject is no stage term
    stage, tools = coded["(七)"]
    assert tools["regulation_enforcement"] == "条例" and stage == "protection"


def test_fields_in_a_list_verbs_and_named_projects(coded):
    assert set(coded["(八)"][1]) == {"institutional_mechanisms"}  # …向维权、托管…等高端领域发展
    assert coded["(八)"][1]["institutional_mechanisms"] == ""  # the default sub-tool
    stage, tools = coded["(九)"]  # 规划建设: to plan and build, no plan
    assert "goal_planning" not in tools and stage == "protection"
    tools = coded["(十)"][1]  # 投入运行 is no money; 财政资助科研项目 names a project
    assert "funding" not in tools and tools["infrastructure"] == "中心"
    assert set(coded["(十一)"][1]) == {"institutional_mechanisms"}  # 人才链、资金链


def test_infrastructure_needs_the_measure_to_build_it(coded):
    assert "infrastructure" not in coded["(十二)"][1]  # 依托…保护中心: uses one
    tools = coded["(十三)"][1]  # 支持建设…基地: builds one
    assert tools["infrastructure"] == "基地" and "进社区" in tools["publicity_culture"]


def test_the_issues_examples_in_the_seed_plans(corpus):
    inst = corpus.measure_instruments
    codes = inst.groupby("measure_id").subtool.apply(set)
    zhongshan, dongli = DOC_IDS["Zhongshan"], DOC_IDS["Dongli"]
    assert "market_matching" not in codes[f"{zhongshan}-m010"]  # 种苗交易集中的区域
    assert not {"market_matching", "publicity_culture"} & codes[f"{zhongshan}-m012"]  # 中国小家电交易会
    assert "infrastructure" not in codes[f"{dongli}-m034"]  # 宣传载体
    assert "infrastructure" not in codes[f"{dongli}-m042"]  # 街道园区
    assert codes[f"{dongli}-m030"] == {"talent_training", "regulation_enforcement"}  # 文化市场行政执法队伍建设


def test_both_tokenizer_engines_give_the_same_word_boundaries(corpus):
    from ipanalysis.parse.themes import strip_units

    for text in corpus.measures.text:
        body = strip_units(text)
        assert word_boundaries(body, "rjieba") == word_boundaries(body, "jieba")


def test_a_demonstration_park_is_a_pilot_not_infrastructure(coded):
    stage, tools = coded["(十四)"]  # 建设…示范园区: a title given to a park
    assert "infrastructure" not in tools and tools["demonstration_pilots"] == "示范"
    assert stage == "management"


def test_every_exclusion_removes_the_term_in_its_own_example():
    from ipanalysis.rules.datafiles import read_records
    from ipanalysis.rules.lexicon import exclusions

    rows = read_records("coding_exclusions.csv")
    assert len(rows) == len(exclusions()) and all(r["reason"] and r["example"] for r in rows)
    for row, (term, context, _) in zip(rows, exclusions()):
        spans = [m.span() for m in context.finditer(row["example"])]
        assert spans, row
        if term != "*":
            at = row["example"].find(term)
            assert any(s <= at and at + len(term) <= e for s, e in spans), row
