"""Plans in the styles real plans are published in (tests/fixtures/styles, one file a style, each with
its expected parse written down before the parser was changed): measures, units and roles,
deadlines, targets and header fields come out exactly as coded."""

import json
from pathlib import Path

import pytest

from ipanalysis.analysis.accuracy import evaluate_folder, evaluate_plan
from ipanalysis.parse.document import parse_document

STYLES = Path(__file__).resolve().parents[1] / "fixtures" / "styles"
CODINGS = sorted(STYLES.glob("*.expected.json"))


def _evaluate(coding_path: Path) -> dict:
    coding = json.loads(coding_path.read_text(encoding="utf-8"))
    plan = STYLES / coding["file"]
    return evaluate_plan(parse_document(plan.read_bytes(), plan.name), coding)


def test_the_style_corpus_covers_the_families():
    suffixes = {p.suffix for p in STYLES.iterdir() if not p.name.endswith(".json")}
    assert len(CODINGS) >= 12 and {".txt", ".html", ".docx"} <= suffixes


@pytest.mark.parametrize("coding_path", CODINGS, ids=[p.name.split(".")[0] for p in CODINGS])
def test_style_parses_as_coded(coding_path):
    result = _evaluate(coding_path)
    assert (result["measures_found"], result["measures_exact"]) == (result["measures_expected"], True)
    for key in ("units", "lead", "roles", "targets"):
        tp, fp, fn = result[key]
        assert (fp, fn) == (0, 0), f"{key}: {tp} right, {fp} wrong, {fn} missed"
    ok, total = result["deadlines"]
    assert ok == total
    assert (result["doc_number"], result["region"], result["title"]) == (True, True, True)
    assert result["targets_without_tasks"] == 0


def test_pooled_scores_over_the_styles():
    results, summary = evaluate_folder(STYLES)
    assert summary["plans"] == len(CODINGS)
    assert summary["measure_count_exact"] == 1.0
    assert summary["unit_f1"] == summary["lead_f1"] == summary["target_f1"] == 1.0
    assert summary["deadline_exact"] == summary["header"] == 1.0
    assert sum(r["measures_expected"] for r in results) == 2346


def test_an_error_is_counted_against_the_parse():
    coding = json.loads((STYLES / "03_unlabelled_role_words.expected.json").read_text(encoding="utf-8"))
    coding["measures"][0]["units"][0]["role"] = "cooperating"  # a coding that the parse does not match
    coding["targets"].append({"value": 7, "unit": "件"})
    plan = STYLES / coding["file"]
    result = evaluate_plan(parse_document(plan.read_bytes(), plan.name), coding)
    assert result["lead"] == (5, 1, 0) and result["roles"][1:] == (1, 1) and result["targets"] == (5, 0, 1)


def test_units_printed_once_over_a_heading_are_traced_to_the_heading_line():
    plan = STYLES / "22_heading_level_units.txt"
    doc = parse_document(plan.read_bytes(), plan.name)
    measures, assignments = doc.columns["measures"], doc.columns["assignments"]
    heading_line = next(k for k, line in enumerate(plan.read_text(encoding="utf-8").splitlines(), 1)
                        if line.startswith("（三）促进知识产权转化运用"))
    third = [m for m, n in zip(measures["measure_id"], measures["line_start"]) if n > heading_line][:2]
    rows = [(u, r, line) for m, u, r, line in zip(assignments["measure_id"], assignments["unit"], assignments["role"],
                                                   assignments["line"]) if m in third]
    assert rows == [(u, r, heading_line) for _ in third for u, r in
                    (("区科技局", "lead"), ("区市场监管局", "cooperating"), ("区财政局", "cooperating"),
                     ("区金融监管局", "cooperating"))]


def test_tasks_run_together_in_one_line_keep_that_line():
    plan = STYLES / "27_tasks_run_together.txt"
    doc = parse_document(plan.read_bytes(), plan.name)
    measures = doc.columns["measures"]
    line = next(k for k, text in enumerate(plan.read_text(encoding="utf-8").splitlines(), 1) if "（一）创造。" in text)
    first_three = list(zip(measures["number"], measures["line_start"], measures["line_end"]))[:3]
    assert first_three == [("1", line, line), ("2", line, line), ("3", line, line)]


# a PDF's text saved as .txt; a web page broken at a width around its portal menu's table row; an OCR
# text layer; the paragraphs around pandoc's grid table
BROKEN_AT_PAGE_WIDTH = ("32_", "97_", "116_", "118_")


def test_only_a_text_broken_at_a_page_width_is_joined():
    from ipanalysis.parse.normalise import normalise_text
    from ipanalysis.parse.read import read_document_text

    seeds = sorted((STYLES.parent / "plans").glob("*.txt"))
    for path in [*seeds, *sorted(STYLES.glob("*.txt"))]:
        text, encoding, _ = read_document_text(path.read_bytes(), path.name)
        joined = [w for w in normalise_text(text, encoding).warnings if "page width" in w]
        assert bool(joined) == path.name.startswith(BROKEN_AT_PAGE_WIDTH), path.name
    plan = STYLES / "32_pdf_text_hard_wrapped.txt"
    lines = normalise_text(plan.read_text(encoding="utf-8")).lines
    raw = plan.read_text(encoding="utf-8").splitlines()
    first = next(line for line in lines if line.text.startswith("(二)建设知识产权快速维权中心"))
    assert raw[first.raw_line - 1].startswith("（二）建设知识产权快速维权中心")
    assert first.text.endswith("完成时限:2024—2026年)") and "— 2 —" not in first.text


def test_a_word_table_saved_as_html_repeats_its_merged_cells_in_each_row():
    """A cell merged down several rows (rowspan: a task, its lead unit, a shared deadline) is read in
    each row it spans; a row across the table (colspan) is one line; other spans leave empty cells."""
    from ipanalysis.parse.read import read_document_text

    page = ("<html><body><table>"
            "<tr><td>序号</td><td>工作任务</td><td>具体措施</td><td>牵头单位</td><td>完成时限</td></tr>"
            "<tr><td colspan='5'>一、提升创造质量</td></tr>"
            "<tr><td>1</td><td rowspan='2'>培育高价值专利</td><td>建设培育中心</td><td rowspan='2'>市市场监管局</td>"
            "<td>2024年底前</td></tr>"
            "<tr><td>2</td><td>开展专利导航</td><td>每年</td></tr>"
            "<tr><td>3</td><td colspan='2'>加强版权保护</td><td>市委宣传部</td><td>长期坚持</td></tr>"
            "</table></body></html>").encode()
    text, _, _ = read_document_text(page, "plan.html")
    assert text.splitlines() == [
        "序号\t工作任务\t具体措施\t牵头单位\t完成时限", "一、提升创造质量",
        "1\t培育高价值专利\t建设培育中心\t市市场监管局\t2024年底前",
        "2\t培育高价值专利\t开展专利导航\t市市场监管局\t每年",
        "3\t加强版权保护\t\t市委宣传部\t长期坚持"]


def test_a_word_export_splits_no_number_and_a_markdown_cell_keeps_its_two_units():
    """Inline runs of a cell join as printed (<span>1</span><span>5</span> is 15); paragraphs stay
    apart; a Markdown table's A<br>B is two units."""
    from ipanalysis.parse.normalise import strip_markup
    from ipanalysis.parse.read import read_document_text

    page = ("<html><body><table><tr><td>培育组合<span lang='EN-US'>1</span><span>5</span>个</td>"
            "<td><p>区科技局</p><p>区市场监管局</p></td></tr></table></body></html>").encode()
    assert read_document_text(page, "plan.html")[0] == "培育组合15个\t区科技局 区市场监管局"
    assert strip_markup("| 3 | 推进转化 | 县科技局<br>县市场监管局 | <br/> |") == "| 3 | 推进转化 | 县科技局 县市场监管局 |   |"
