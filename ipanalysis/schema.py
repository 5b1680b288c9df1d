"""Column order and types of every table (the data contract plus the project's own columns)."""

from __future__ import annotations

import pandas as pd

STRING, INT, FLOAT, BOOL = "string", "Int64", "Float64", "boolean"

TABLE_COLUMNS: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": STRING, "file": STRING, "sha256": STRING, "format": STRING, "encoding": STRING,
        "region": STRING, "region_zh": STRING, "province_zh": STRING, "admin_level": STRING,
        "issuer": STRING, "doc_number": STRING, "title": STRING,
        "date_written": STRING, "date_published": STRING, "period_start": INT, "period_end": INT,
        "script": STRING, "n_measures": INT, "n_targets": INT, "n_assignments": INT, "n_chars": INT,
        "title_line": INT, "pinyin_annotations_removed": INT, "repaired_spans": INT,
        "plan_fingerprint": STRING, "provenance": STRING, "warnings": STRING,
    },
    "sections": {
        "section_id": STRING, "doc_id": STRING, "region": STRING, "depth": INT, "number": STRING,
        "title": STRING, "parent_number": STRING, "top_section": STRING, "has_measures": BOOL,
        "n_measures": INT, "text": STRING, "line_start": INT, "line_end": INT,
    },
    "measures": {
        "measure_id": STRING, "doc_id": STRING, "region": STRING, "seq": INT,
        "section": STRING, "section_title": STRING, "subsection": STRING, "subsection_title": STRING,
        "number": STRING, "heading": STRING, "text": STRING, "deadline": STRING,
        "deadline_date": STRING, "ongoing": BOOL, "n_paragraphs": INT, "n_units": INT,
        "has_lead": BOOL, "line_start": INT, "line_end": INT, "tokens": STRING,
    },
    "assignments": {
        "measure_id": STRING, "doc_id": STRING, "region": STRING, "unit_raw": STRING, "unit": STRING,
        "agency": STRING, "agency_zh": STRING, "agency_en": STRING, "agency_source": STRING,
        "role": STRING, "unit_level": STRING, "collective": BOOL, "position": INT, "line": INT,
    },
    "targets": {
        "target_id": STRING, "doc_id": STRING, "region": STRING, "measure_id": STRING,
        "section": STRING, "indicator": STRING, "indicator_key": STRING, "value": FLOAT,
        "unit": STRING, "comparator": STRING, "comparator_zh": STRING, "year": INT,
        "text": STRING, "line": INT,
    },
    "measure_themes": {
        "measure_id": STRING, "doc_id": STRING, "region": STRING, "theme": STRING,
        "theme_zh": STRING, "theme_en": STRING, "level": STRING, "parent": STRING,
        "score": FLOAT, "share": FLOAT, "dominant": BOOL, "matched_terms": STRING,
    },
    "measure_instruments": {
        "measure_id": STRING, "doc_id": STRING, "region": STRING, "instrument": STRING,
        "subtool": STRING, "source": STRING, "matched_terms": STRING,
    },
}
TABLES = tuple(TABLE_COLUMNS)


def rows_to_columns(table: str, rows: list[dict]) -> dict[str, list]:
    """Rows (dicts) as one list per column of the table (compact; missing keys become None)."""
    return {c: [row.get(c) for row in rows] for c in TABLE_COLUMNS[table]}


def columns_to_frame(table: str, columns: dict[str, list]) -> pd.DataFrame:
    """Column lists as a DataFrame with the table's columns, in order and with nullable dtypes."""
    schema = TABLE_COLUMNS[table]
    frame = pd.DataFrame({c: pd.Series(columns.get(c, []), dtype=object) for c in schema})
    for column, dtype in schema.items():
        values = frame[column]
        if dtype in (INT, FLOAT):
            values = pd.to_numeric(values, errors="coerce")
        elif dtype == BOOL:
            values = values.where(values.notna(), None)
        frame[column] = values.astype(dtype)
    return frame.reset_index(drop=True)


def to_frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """Rows as a DataFrame with the table's columns, in order and with nullable dtypes."""
    return columns_to_frame(table, rows_to_columns(table, rows))
