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
from ipanalysis.parse import parse_document
from ipanalysis.corpus.add import add_files

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
