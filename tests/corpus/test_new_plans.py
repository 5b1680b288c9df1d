"""Adding new plans: formats and encodings, unseen header styles, bad input, nothing lost."""

import io
import shutil
import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from conftest import RAW, SEED_FILES

from ipanalysis import build, build_corpus, load_corpus
from ipanalysis.parse.metadata import extract_metadata
from ipanalysis.parse import parse_document
from ipanalysis.corpus.add import add_files
from ipanalysis.parse.normalise import Line, normalise_text

DONGLI = RAW / SEED_FILES["Dongli"]
TONGZHOU = RAW / SEED_FILES["Tongzhou"]


def measures_of(data: bytes, name: str) -> list[str]:
    return [m["text"] for m in parse_document(data, name).tables["measures"]]


def units_of(data: bytes, name: str) -> list[tuple[str, str]]:
    return [(a["unit"], a["role"]) for a in parse_document(data, name).tables["assignments"]]


# ---------------------------------------------------------------------------------------------
# formats and encodings


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_text_encodings_give_the_same_measures(encoding):
    text = TONGZHOU.read_text(encoding="utf-8")
    if encoding == "gbk":
        text = text.replace("\xa0", " ")  # GBK has no no-break space
    original = measures_of(TONGZHOU.read_bytes(), "t.txt")
    assert measures_of(text.encode(encoding), "t.txt") == original
    assert len(original) == 23


def test_big5_traditional_gives_the_same_structure():
    import opencc

    text = opencc.OpenCC("s2t").convert(DONGLI.read_text(encoding="utf-8"))
    data = text.encode("big5", errors="replace")
    parsed = parse_document(data, "d.txt")
    assert parsed.tables["documents"][0]["script"] == "traditional"
    assert len(parsed.tables["measures"]) == 42
    assert units_of(data, "d.txt") == units_of(DONGLI.read_bytes(), "d.txt")


def _html(text: str) -> bytes:
    body = "".join(f"<p>{line}</p>\n" for line in text.split("\n") if line.strip())
    page = (
        "<!DOCTYPE html><html><head><meta charset=\"gbk\"><title>东丽区人民政府</title>"
        "<style>p{margin:0}</style><script>var nav = '首页';</script></head><body>"
        "<nav><a href='/'>首页</a> &gt; <a>政务公开</a></nav>"
        f"<div class=\"article\">{body}</div>"
        "<footer>网站声明 | 联系我们</footer><script>track();</script></body></html>"
    )
    return page.encode("gbk", errors="xmlcharrefreplace")


def test_html_page_gives_the_same_measures():
    text = DONGLI.read_text(encoding="utf-8")
    assert measures_of(_html(text), "d.html") == measures_of(DONGLI.read_bytes(), "d.txt")
    doc = parse_document(_html(text), "d.html").tables["documents"][0]
    assert doc["format"] == "html" and doc["doc_number"] == "津丽知略〔2021〕1号"


def _docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_gives_the_same_measures():
    text = TONGZHOU.read_text(encoding="utf-8")
    assert measures_of(_docx(text), "t.docx") == measures_of(TONGZHOU.read_bytes(), "t.txt")


def _pdf(text: str, width: int = 40) -> bytes:
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    from ipanalysis.figures.style import use_style

    use_style()
    wrapped = [piece for line in text.split("\n") if line.strip()
               for piece in textwrap.wrap(line.strip(), width)]
    buffer = io.BytesIO()
    with PdfPages(buffer) as pdf:
        for start in range(0, len(wrapped), 50):
            fig = plt.figure(figsize=(8.27, 11.69))
            for j, line in enumerate(wrapped[start:start + 50]):
                fig.text(0.05, 0.96 - j * 0.019, line, fontsize=9)
            pdf.savefig(fig)
            plt.close(fig)
    return buffer.getvalue()


def test_pdf_with_text_layer_gives_the_same_measures_and_units():
    text = DONGLI.read_text(encoding="utf-8")
    data = _pdf(text)
    assert measures_of(data, "d.pdf") == measures_of(DONGLI.read_bytes(), "d.txt")
    assert units_of(data, "d.pdf") == units_of(DONGLI.read_bytes(), "d.txt")


# ---------------------------------------------------------------------------------------------
# unseen header styles


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


def test_registry_row_overrides_detected_fields(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(DONGLI, raw / DONGLI.name)
    (raw / "registry.csv").write_text(
        f"file,region,issuer\n{DONGLI.name},Dongli District,东丽区知识产权战略领导小组办公室\n", encoding="utf-8")
    doc = build_corpus(raw).corpus.documents.iloc[0]
    assert doc.region == "Dongli District" and doc.issuer == "东丽区知识产权战略领导小组办公室"
    assert "issuer: registry" in doc.provenance
    assert doc.doc_number == "津丽知略〔2021〕1号"  # fields the registry leaves empty stay detected


def test_plan_without_numbered_items_builds_with_a_warning():
    parsed = parse_document("某某区知识产权工作方案\n加强知识产权保护,营造良好环境。\n".encode(), "x.txt")
    doc = parsed.tables["documents"][0]
    assert doc["n_measures"] == 0 and "zero measures" in doc["warnings"]


# ---------------------------------------------------------------------------------------------
# bad input and nothing lost


def _seed_raw(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    return raw


def test_bad_files_get_one_clear_line_each_and_good_files_still_build(tmp_path):
    raw = _seed_raw(tmp_path)
    (raw / "empty.txt").write_bytes(b"")
    (raw / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (raw / "notes.xlsx").write_bytes(b"PK\x03\x04 not really")
    (raw / "copy_of_dongli.txt").write_bytes(DONGLI.read_bytes())  # newer than the seed copy
    (raw / "word.docx").write_bytes(b"PK\x03\x04 broken zip")
    (raw / "scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF")
    big = raw / "huge.txt"
    big.write_bytes(b"a" * (21 * 1024 * 1024))
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "ipanalysis.cli", "build", "--raw", str(raw),
                             "--out", str(out), "--quiet", "--jobs", "1"], capture_output=True, text=True)
    assert result.returncode == 1
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("error:")]
    by_file = {name: [ln for ln in lines if f"/{name}:" in ln] for name in
               ("empty.txt", "junk.txt", "notes.xlsx", "copy_of_dongli.txt", "word.docx", "scan.pdf", "huge.txt")}
    assert all(len(v) == 1 for v in by_file.values()), result.stderr
    assert "empty" in by_file["empty.txt"][0]
    assert "binary" in by_file["junk.txt"][0]
    assert "unsupported format '.xlsx'" in by_file["notes.xlsx"][0]
    assert f"the same plan as {DONGLI.name}" in by_file["copy_of_dongli.txt"][0]
    assert "docx" in by_file["word.docx"][0]
    assert "PDF" in by_file["scan.pdf"][0]
    assert "MiB limit" in by_file["huge.txt"][0]
    corpus = load_corpus(out)
    assert sorted(corpus.documents.region) == ["Chongqing", "Dongli", "Tongzhou", "Yuzhong", "Zhongshan"]
    assert len(corpus.measures) == 123
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_an_earlier_good_build_survives_a_failing_one(tmp_path):
    raw = _seed_raw(tmp_path)
    out = tmp_path / "out"
    assert build(raw, out, jobs=1).ok
    before = load_corpus(out).measures
    # the Dongli file is damaged after the good build
    (raw / DONGLI.name).write_bytes(b"\x00\x01\x02" * 100)
    report = build(raw, out, jobs=1)
    assert not report.ok and DONGLI.name in report.errors
    assert "kept the rows from its last good build" in report.errors[DONGLI.name]
    after = load_corpus(out).measures
    pd.testing.assert_frame_equal(before, after)


def test_add_copies_under_a_clear_name_without_overwriting(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    src = tmp_path / "downloads"
    src.mkdir()
    (src / "东丽 区 计划.txt").write_bytes(DONGLI.read_bytes())
    (src / "other.txt").write_bytes(TONGZHOU.read_bytes())
    (raw / "other.txt").write_bytes(b"an existing, different file")
    added = dict((s.name, t.name) for s, t in add_files(sorted(src.iterdir()), raw))
    assert added == {"东丽 区 计划.txt": "东丽_区_计划.txt", "other.txt": "other-2.txt"}
    assert (raw / "other.txt").read_bytes() == b"an existing, different file"
    again = add_files([src / "other.txt"], raw)  # same bytes: not copied twice
    assert again[0][1].name == "other-2.txt" and len(list(raw.iterdir())) == 3


def test_cli_add_rebuilds(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "ipanalysis.cli", "add", str(DONGLI), "--raw", str(raw),
                             "--out", str(out), "--quiet", "--jobs", "1"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "added" in result.stdout
    assert len(load_corpus(out).measures) == 42


def test_incremental_build_parses_only_the_new_plan(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in list(SEED_FILES.values())[:4]:
        shutil.copy(RAW / name, raw / name)
    out = tmp_path / "out"
    first = build(raw, out, jobs=1)
    assert len(first.parsed) == 4
    shutil.copy(DONGLI, raw / DONGLI.name)
    second = build(raw, out, jobs=1)
    assert second.parsed == [DONGLI.name] and len(second.cached) == 4
    assert len(second.corpus.documents) == 5
    # rows taken over from the previous tables equal a full build from scratch
    full = build_corpus(raw, jobs=1).corpus
    for name, frame in full.tables.items():
        pd.testing.assert_frame_equal(load_corpus(out).tables[name], frame, check_dtype=True)
    (raw / SEED_FILES["Zhongshan"]).unlink()  # a removed plan leaves the tables
    third = build(raw, out, jobs=1)
    assert "Zhongshan" not in set(load_corpus(out).documents.region) and not third.parsed


def test_check_command_prints_the_quality_report(built_dir):
    result = subprocess.run([sys.executable, "-m", "ipanalysis.cli", "check", "--processed", str(built_dir)],
                            capture_output=True, text=True)
    assert result.returncode == 0
    assert "measure_text_share" in result.stdout and "Chongqing" in result.stdout


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
