"""Column order and types of every table (the data contract plus the project's own columns)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

STRING, INT, FLOAT, BOOL = "string", "Int64", "Float64", "boolean"

TABLE_COLUMNS: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": STRING, "file": STRING, "sha256": STRING, "format": STRING, "encoding": STRING,
        "region": STRING, "region_zh": STRING, "province_zh": STRING, "city_zh": STRING, "adcode": STRING,
        "admin_level": STRING, "issuer": STRING, "doc_number": STRING, "title": STRING, "plan_type": STRING,
        "plan_type_en": STRING, "kind": STRING,
        "date_written": STRING, "date_published": STRING, "period_start": INT, "period_end": INT,
        "script": STRING, "n_measures": INT, "n_targets": INT, "n_assignments": INT, "n_chars": INT,
        "title_line": INT, "pinyin_annotations_removed": INT, "repaired_spans": INT,
        "plan_fingerprint": STRING, "provenance": STRING, "warnings": STRING,
        "source_url": STRING, "retrieved": STRING, "source_note": STRING,
    },
    "sections": {
        "section_id": STRING, "doc_id": STRING, "region": STRING, "depth": INT, "number": STRING,
        "title": STRING, "parent_number": STRING, "top_section": STRING, "has_measures": BOOL,
        "n_measures": INT, "text": STRING, "line_start": INT, "line_end": INT, "style": STRING,
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
        "text": STRING, "line": INT, "kind": STRING, "restates": STRING, "value_high": FLOAT,
    },
    "measure_themes": {
        "measure_id": STRING, "doc_id": STRING, "region": STRING, "theme": STRING,
        "theme_zh": STRING, "theme_en": STRING, "level": STRING, "parent": STRING,
        "score": FLOAT, "share": FLOAT, "dominant": BOOL, "matched_terms": STRING,
    },
    "citations": {
        "doc_id": STRING, "region": STRING, "line": INT, "cited_title": STRING, "cited_number": STRING,
        "cited_key": STRING, "cited_level": STRING,
    },
    "measure_instruments": {
        "measure_id": STRING, "doc_id": STRING, "region": STRING, "instrument": STRING,
        "subtool": STRING, "source": STRING, "matched_terms": STRING,
    },
}
TABLES = tuple(TABLE_COLUMNS)


def rows_to_columns(table: str, rows: list[dict]) -> dict[str, list]:
    """Rows (dicts) as one list per column of the table (compact; missing keys become None)."""
    return {c: list(map(dict.get, rows, repeat(c))) for c in TABLE_COLUMNS[table]}


def columns_to_frame(table: str, columns: dict[str, list]) -> pd.DataFrame:
    """Column lists as a DataFrame with the table's columns, in order and with nullable dtypes."""
    import pandas as pd

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


@dataclass
class ParsedDocument:
    """One plan's rows for every table, stored column-wise (compact to keep, pickle and concatenate)."""

    doc_id: str
    file: str
    columns: dict[str, dict[str, list]] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, doc_id: str, file: str, tables: dict[str, list[dict]]) -> "ParsedDocument":
        return cls(doc_id, file, {name: rows_to_columns(name, tables.get(name, [])) for name in TABLES})

    def rows(self, table: str) -> list[dict]:
        """The rows of one table as dicts."""
        columns = self.columns.get(table) or {}
        keys = list(columns)
        return [dict(zip(keys, values)) for values in zip(*columns.values())]

    @property
    def tables(self) -> dict[str, list[dict]]:
        """Every table's rows as dicts."""
        return {name: self.rows(name) for name in TABLES}


# ---------------------------------------------------------------------------------------------
# Arrow: the build assembles and writes tables as Arrow, and needs pandas only to hand them over


@lru_cache(maxsize=None)
def arrow_schema(table: str) -> pa.Schema:
    """Arrow schema of a table, with the pandas metadata a DataFrame of the table carries.

    The metadata makes ``pandas.read_parquet`` give back the nullable dtypes of
    :func:`columns_to_frame`; it is taken from pandas itself, so it fits the installed version
    (:func:`derived_arrow_schema`), and kept in the cache folder for the next build
    (:mod:`.schema_cache`).
    """
    from .schema_cache import stored_schema

    return stored_schema(table, TABLE_COLUMNS[table], derived_arrow_schema)


def derived_arrow_schema(table: str) -> pa.Schema:
    """The schema pyarrow gives an empty DataFrame of the table (imports pandas)."""
    import pyarrow as pa

    return pa.Schema.from_pandas(columns_to_frame(table, {}), preserve_index=False)


def _coerce(value, kind: str):
    """One value as the table's type wants it (as ``columns_to_frame`` does), or None."""
    if value is None or value != value:  # None or NaN
        return None
    try:
        if kind == STRING:
            return str(value)
        if kind == BOOL:
            return bool(value)
        number = float(value)
        if kind == INT:
            return int(number) if number.is_integer() else None
        return number
    except (TypeError, ValueError, OverflowError):
        return None


def arrow_array(values: list, data_type: pa.DataType) -> pa.Array:
    """Python values as an Arrow array of ``data_type``; raises ValueError on a value of another type.

    Built through nanoarrow and the Arrow C data interface: pyarrow's own conversion of Python
    objects imports pandas on first use (0.2-0.3 s), which a rebuild that adds one plan avoids.
    """
    import nanoarrow
    import pyarrow as pa

    return pa.array(nanoarrow.c_array(values, data_type))


def string_buffers(chunk: pa.Array):
    """``(offsets, data)`` of one Arrow string or large-string array as numpy views, no copy: the
    UTF-8 bytes of value ``i`` are ``data[offsets[i]:offsets[i + 1]]`` (a null's are meaningless;
    ``data`` is empty when every value is)."""
    import numpy as np
    import pyarrow as pa

    offsets_type = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
    _, offsets_buf, data_buf = chunk.buffers()
    offsets = np.frombuffer(offsets_buf, dtype=offsets_type)[chunk.offset: chunk.offset + len(chunk) + 1]
    return offsets, np.frombuffer(data_buf if data_buf is not None else b"", dtype=np.uint8)


def columns_to_arrow(table: str, columns: dict[str, list], schema: pa.Schema | None = None) -> pa.Table:
    """Column lists as an Arrow table of the table's schema (default :func:`arrow_schema`).

    Values of another type are converted as :func:`columns_to_frame` converts them (numbers from
    text, missing values as nulls).
    """
    import pyarrow as pa

    schema = schema if schema is not None else arrow_schema(table)
    kinds = TABLE_COLUMNS[table]
    n_rows = max((len(v) for v in columns.values()), default=0)
    arrays = []
    for column in schema:
        values = columns.get(column.name)
        kind = kinds.get(column.name, STRING)
        if values is None:
            values = [None] * n_rows
        elif kind == FLOAT:  # NaN is a missing value, as in pandas
            values = [None if v != v else v for v in values]
        try:
            array = arrow_array(values, column.type)
        except (ValueError, TypeError, OverflowError):
            array = arrow_array([_coerce(v, kind) for v in values], column.type)
        arrays.append(array)
    return pa.Table.from_arrays(arrays, schema=schema)
