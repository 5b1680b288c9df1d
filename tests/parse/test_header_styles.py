"""Header styles plans are published with: cover letters, portal index blocks, damaged source lines."""

from ipanalysis.parse import parse_document
from ipanalysis.parse.metadata import extract_metadata
from ipanalysis.parse.normalise import Line, normalise_text

def meta_of(text: str):
    lines = [Line(t, i) for i, t in enumerate(text.strip().split("\n"), start=1)]
    return extract_metadata(normalise_text("\n".join(l.text for l in lines)).lines)


def test_cover_letter_with_chinese_numeral_date_and_pinyin_doc_number():
    meta = meta_of("""
常州市人民政府關於印發常州市知識產權強市建設工作方案的通知
常政發(fā)〔2010〕182號(hào)
各轄市、區人民政府,市各委辦局:
現將《常州市知識產權強市建設工作方案》印發給你們,請認真貫徹執行。
常州市人民政府
二〇一〇年四月二日
常州市知識產權強市建設工作方案
一、總體要求
(一)指導思想。堅持創新驅動。
""")
    assert meta.doc_number == "常政发〔2010〕182号"
    assert meta.issuer == "常州市人民政府"
    assert meta.date_written == "2010-04-02"
    assert meta.title == "常州市知识产权强市建设工作方案"
    assert (meta.region_zh, meta.province_zh, meta.admin_level, meta.region) == (
        "常州市", "江苏省", "prefecture_city", "Changzhou")


def test_source_line_damaged_date_spaced_title_and_spaced_number():
    meta = meta_of("""
信息来源:某某县人民政府办公室 发布日期:20141229
某某县人民政府办公室关于印发某某县知识产权
工 作 方 案的通知
某政办发〔2014〕52 号
各乡镇人民政府:
现印发给你们,请遵照执行。
某某县人民政府办公室
二OO九年十二月三十日
某某县知识产权工作方案
""")
    assert meta.date_published == "2014-12-29"
    assert meta.date_written == "2009-12-30"
    assert meta.doc_number == "某政办发〔2014〕52号"
    assert meta.title == "某某县知识产权工作方案"


def test_document_number_glued_to_the_title_and_cited_numbers_ignored():
    meta = meta_of("""
石景山区人民政府关于印发石景山区知识产权保护工作方案的通知石政发〔2021〕7号
各街道办事处:
根据《北京市知识产权保护条例》和(京政发〔2020〕3号)文件要求,现印发给你们。
北京市石景山区人民政府
2021年3月1日
石景山区知识产权保护工作方案
""")
    assert meta.doc_number == "石政发〔2021〕7号"
    assert meta.title == "石景山区知识产权保护工作方案"
    assert (meta.region_zh, meta.province_zh, meta.region) == ("石景山区", "北京市", "Shijingshan")


def test_index_table_header_and_signature_at_the_end():
    meta = meta_of("""
[ 索引号 ] | 000/2020-1 | [ 发文字号 ] | 渝北府发〔2020〕9号 |
[ 发布机构 ] | 重庆市渝北区人民政府 | ||
[ 成文日期 ] | 2020-05-06 | [ 发布日期 ] | 2020-05-08 |
渝北区知识产权工作要点
一、加强保护
1.严厉打击侵权。(区市场监管局负责)
重庆市渝北区人民政府办公室
2020年5月6日
""")
    assert meta.doc_number == "渝北府发〔2020〕9号"
    assert meta.date_written == "2020-05-06" and meta.date_published == "2020-05-08"
    assert meta.issuer == "重庆市渝北区人民政府办公室"
    assert meta.region_zh == "渝北区" and meta.province_zh == "重庆市"


def test_government_portal_header_block():
    meta = meta_of("""
标  题:芜湖市人民政府办公室关于印发芜湖市知识产权保护和运用“十四五”规划的通知
发文机关:芜湖市人民政府办公室
发文字号:芜政办〔2021〕12号
成文日期:2021年05月10日
发布日期:2021年05月12日
各县、区人民政府,市政府各部门:
《芜湖市知识产权保护和运用“十四五”规划》已经市政府同意,现印发给你们,请认真贯彻执行。
芜湖市知识产权保护和运用“十四五”规划
一、发展基础
""")
    assert meta.issuer == "芜湖市人民政府办公室"
    assert meta.doc_number == "芜政办〔2021〕12号"
    assert (meta.date_written, meta.date_published) == ("2021-05-10", "2021-05-12")
    assert meta.title == "芜湖市知识产权保护和运用“十四五”规划"
    assert (meta.region_zh, meta.province_zh, meta.admin_level, meta.region) == (
        "芜湖市", "安徽省", "prefecture_city", "Wuhu")


def test_national_plan_with_gov_portal_header():
    meta = meta_of("""
索 引 号:000014349/2021-00056
主题分类:科技、教育\\知识产权
发文机关:国务院
成文日期:2021年10月09日
标  题:国务院关于印发“十四五”国家知识产权保护和运用规划的通知
发文字号:国发〔2021〕20号
发布日期:2021年10月28日
国务院关于印发“十四五”国家知识产权保护和运用规划的通知
国发〔2021〕20号
各省、自治区、直辖市人民政府,国务院各部委、各直属机构:
现将《“十四五”国家知识产权保护和运用规划》印发给你们,请认真贯彻执行。
国务院
2021年10月9日
(此件公开发布)
“十四五”国家知识产权保护和运用规划
""")
    assert (meta.issuer, meta.doc_number) == ("国务院", "国发〔2021〕20号")
    assert (meta.date_written, meta.date_published) == ("2021-10-09", "2021-10-28")
    assert meta.title == "“十四五”国家知识产权保护和运用规划"
    assert (meta.region, meta.region_zh, meta.admin_level) == ("China", "全国", "national")


def test_chapters_and_a_date_under_the_title():
    text = """某某市知识产权发展规划
(2021年6月1日市人民政府第12次常务会议审议通过)
第一章 发展基础
过去五年成绩显著。
第二章 主要任务
一、加强保护
1.严厉打击侵权假冒。(市市场监管局牵头,市公安局配合)
2.健全纠纷调解机制。(市司法局负责)
二、促进运用
①推进质押融资。(市金融局负责)
"""
    parsed = parse_document(text.encode("utf-8"), "x.txt")
    doc = parsed.tables["documents"][0]
    assert doc["date_written"] == "2021-06-01"
    measures = parsed.tables["measures"]
    assert [(m["section"], m["subsection"], m["number"]) for m in measures] == [
        ("第二章", "一", "1"), ("第二章", "一", "2"), ("第二章", "二", "①")]
    sections = {s["number"]: s for s in parsed.tables["sections"]}
    assert sections["第一章"]["title"] == "发展基础" and sections["第一章"]["n_measures"] == 0
