"""Export for other tools (Excel, Stata, CSV) and spreadsheet-safe CSV."""

import pandas as pd
import pyarrow as pa
import pytest

from ipanalysis.tables.export import export
from ipanalysis.tables.write import spreadsheet_safe_table


def test_stata_files_read_back_with_labels(tmp_path, built_dir):
    written = export("dta", built_dir, tmp_path)
    assert {p.name for p in written} >= {"documents.dta", "measures.dta", "targets.dta"}
    with pd.io.stata.StataReader(tmp_path / "measures.dta") as reader:
        measures = reader.read()
        labels = reader.variable_labels()
    assert len(measures) == 123 and labels["deadline"] == "Deadline as printed"
    assert labels["doc_id"] == "Plan id (from the file name)"
    documents = pd.read_stata(tmp_path / "documents.dta")
    assert documents.set_index("region").loc["Dongli", "n_measures"] == 42


def test_one_workbook_with_a_codebook(tmp_path, built_dir):
    (path,) = export("xlsx", built_dir, tmp_path)
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets)[0] == "codebook" and {"documents", "measures", "assignments"} <= set(sheets)
    book = sheets["codebook"]
    assert (book.description.fillna("") != "").all()  # every column described
    assert len(sheets["measures"]) == 123


@pytest.mark.parametrize("cell, safe", [("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1", "'+1"), ("-2", "'-2"),
                                        ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("市科技局", "市科技局")])
def test_cells_a_spreadsheet_reads_as_formulas_are_prefixed(cell, safe):
    table = pa.table({"text": [cell, None, "ok"], "n": [1, 2, 3]})
    assert spreadsheet_safe_table(table).column("text").to_pylist() == [safe, None, "ok"]
    assert spreadsheet_safe_table(table.slice(1)).column("text").to_pylist() == [None, "ok"]


def test_csv_is_safe_and_parquet_keeps_the_text(tmp_path):
    from ipanalysis import write_tables

    frame = pd.DataFrame({"comparator": ["=", ">="], "text": ["=1+1", "达到"]})
    write_tables({"t": frame}, tmp_path)
    assert pd.read_csv(tmp_path / "t.csv", encoding="utf-8-sig").comparator.tolist() == ["'=", ">="]
    assert pd.read_parquet(tmp_path / "t.parquet").text.tolist() == ["=1+1", "达到"]
