"""Export the built tables for other tools: one Excel workbook (a sheet per table and a codebook
sheet), Stata 118 files with variable labels, or CSV. The codebook is ``data/columns.csv``."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from ..rules.datafiles import read_records
from .atomic import atomic_write
from .corpus import load_corpus

__all__ = ["codebook", "export", "FORMATS"]

FORMATS = ("xlsx", "dta", "csv")
EXCEL_ROWS = 1_048_575  # rows of data a sheet holds below its header
EXCEL_CELL = 32_767  # characters a cell holds


def codebook(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per (table, column): its description and type."""
    described = {(r["table"], r["column"]): r["description"] for r in read_records("columns.csv")}
    rows = []
    for name, frame in tables.items():
        for column in frame.columns:
            text = described.get((name, column)) or described.get(("*", column), "")
            rows.append({"table": name, "column": column, "type": str(frame[column].dtype), "description": text})
    return pd.DataFrame(rows)


def _write_xlsx(tables: dict[str, pd.DataFrame], path: Path) -> list[Path]:
    from .write import spreadsheet_safe

    def write(tmp: str) -> None:
        with open(tmp, "wb") as fh, pd.ExcelWriter(fh, engine="openpyxl") as writer:
            codebook(tables).to_excel(writer, sheet_name="codebook", index=False)
            for name, frame in tables.items():
                frame = frame.map(lambda v: spreadsheet_safe(v)[:EXCEL_CELL] if isinstance(v, str) else v)
                for part, start in enumerate(range(0, max(len(frame), 1), EXCEL_ROWS)):
                    sheet = name[:28] + (f"_{part + 1}" if part else "")
                    frame.iloc[start:start + EXCEL_ROWS].to_excel(writer, sheet_name=sheet, index=False)

    return [atomic_write(path, write)]


def _stata_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Nullable pandas types as Stata stores them: numbers as doubles, booleans as 0/1, text as str."""
    out = pd.DataFrame(index=frame.index)
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_bool_dtype(values):
            out[column] = values.astype("Float64").astype(float)
        elif pd.api.types.is_numeric_dtype(values):
            out[column] = values.astype("Float64").astype(float)
        else:
            out[column] = values.astype(object).where(values.notna(), "").astype(str)
    return out


def _write_dta(tables: dict[str, pd.DataFrame], folder: Path) -> list[Path]:
    book = codebook(tables)
    written = []
    for name, frame in tables.items():
        data = _stata_frame(frame)
        labels = {r.column: r.description[:80] for r in book[book.table == name].itertuples() if r.description}
        long_text = [c for c in data.columns if data[c].dtype == object and data[c].str.len().max() > 2045]
        written.append(atomic_write(folder / f"{name}.dta", lambda tmp, data=data, labels=labels, long_text=long_text: (
            data.to_stata(tmp, write_index=False, version=118, variable_labels=labels,
                          data_label=f"ipanalysis {name}", convert_strl=long_text))))
    return written


def _write_csv(tables: dict[str, pd.DataFrame], folder: Path) -> list[Path]:
    from .write import write_table_csv

    return [write_table_csv(frame, folder / f"{name}.csv") for name, frame in tables.items()]


def export(fmt: str, processed: str | os.PathLike, out: str | os.PathLike) -> list[Path]:
    """Write the tables of ``processed`` in ``fmt`` (``xlsx``, ``dta`` or ``csv``) into ``out``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    tables = load_corpus(processed).tables
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        return _write_xlsx(tables, folder / "ipanalysis_tables.xlsx")
    if fmt == "dta":
        return _write_dta(tables, folder)
    return _write_csv(tables, folder)
