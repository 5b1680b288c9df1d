"""The Arrow tables the build writes are the ones pandas would write, without loading pandas."""

import subprocess
import sys

import pyarrow as pa
import pytest

from conftest import RAW, SEED_FILES

from ipanalysis.parse import parse_document
from ipanalysis.tables.schema import TABLE_COLUMNS, TABLES, columns_to_arrow, columns_to_frame


def _seed_columns(table):
    columns = {c: [] for c in TABLE_COLUMNS[table]}
    for name in sorted(SEED_FILES.values()):
        parsed = parse_document((RAW / name).read_bytes(), name)
        for column, values in (parsed.columns.get(table) or {}).items():
            columns[column].extend(values)
    return columns


@pytest.mark.parametrize("table", TABLES)
def test_arrow_tables_equal_what_pandas_writes(table):
    columns = _seed_columns(table)
    built = columns_to_arrow(table, columns)
    via_pandas = pa.Table.from_pandas(columns_to_frame(table, columns), preserve_index=False)
    assert built.schema.equals(via_pandas.schema, check_metadata=True)  # incl. the pandas dtypes
    assert built.equals(via_pandas) and built.num_rows > 0


def test_values_of_another_type_are_converted_as_pandas_converts_them():
    columns = {"target_id": [1, 2, 3, 4], "value": ["3", 2, None, float("nan")],
               "year": [2021.0, "2022", 3.5, "x"]}
    built = columns_to_arrow("targets", columns).select(["target_id", "value", "year"]).to_pylist()
    assert built == [{"target_id": "1", "value": 3.0, "year": 2021}, {"target_id": "2", "value": 2.0, "year": 2022},
                     {"target_id": "3", "value": None, "year": None}, {"target_id": "4", "value": None, "year": None}]


def test_a_rebuild_that_adds_a_plan_never_imports_pandas(tmp_path):
    import shutil

    names = sorted(SEED_FILES.values())
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in names[:4]:
        shutil.copy(RAW / name, raw / name)
    out = tmp_path / "out"
    script = ("import sys\nfrom ipanalysis.cli import main\ncode = main(sys.argv[1:])\n"
              "print('pandas' in sys.modules, 'pyarrow.compute' in sys.modules)\nsys.exit(code)")
    args = [sys.executable, "-c", script, "build", "--raw", str(raw), "--out", str(out), "--quiet"]
    assert subprocess.run(args, capture_output=True, text=True).returncode == 0
    shutil.copy(RAW / names[4], raw / names[4])
    result = subprocess.run(args, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]


def test_schemas_kept_in_the_cache_folder_are_the_derived_ones(tmp_path, monkeypatch):
    from ipanalysis.tables.schema import derived_arrow_schema
    from ipanalysis.tables.schema_cache import stored_schema

    monkeypatch.setenv("IPANALYSIS_CACHE_DIR", str(tmp_path))
    for table, columns in TABLE_COLUMNS.items():
        derived = derived_arrow_schema(table)
        first = stored_schema(table, columns, derived_arrow_schema)  # derived, then stored
        kept = stored_schema(table, columns, lambda name: pytest.fail("derived again"))
        assert first.equals(derived, check_metadata=True) and kept.equals(derived, check_metadata=True)
    for path in tmp_path.glob("arrow-schema-*"):
        path.write_bytes(b"not a schema")
    assert stored_schema("targets", TABLE_COLUMNS["targets"], derived_arrow_schema).equals(
        derived_arrow_schema("targets"), check_metadata=True)
