"""Writing the tables: every table as Parquet (for pandas) and CSV (UTF-8 with BOM, for Excel), all or
nothing."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from .atomic import temp_beside
from .corpus import file_sha256
from .schema import arrow_array, string_buffers

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = ["write_tables", "write_hashed_tables", "write_parquet", "write_csv", "write_table_csv", "spreadsheet_safe",
           "spreadsheet_safe_table"]

# OWASP's rule against spreadsheet formula injection: a cell that opens with one of these is read as
# a formula by Excel and LibreOffice, so the CSV (and the Excel export) prefix it with a quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
STATISTICS_KEYS = ("doc_id", "region")  # text columns whose Parquet statistics are kept


def spreadsheet_safe(value: str) -> str:
    """``'=SUM(A1)`` for ``=SUM(A1)``; any other text unchanged."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _risky_rows(chunk):
    """Indices of the strings of one Arrow string array that open like a formula (no Python loop)."""
    import numpy as np

    offsets, data = string_buffers(chunk)
    if not len(data):
        return np.array([], dtype=int)
    filled = np.flatnonzero(offsets[1:] > offsets[:-1])
    firsts = data[offsets[filled]]
    return filled[np.isin(firsts, np.frombuffer("".join(FORMULA_STARTS).encode(), dtype=np.uint8))]


def spreadsheet_safe_table(table):
    """The table with every text cell that a spreadsheet would read as a formula prefixed by ``'``."""
    import pyarrow as pa

    for index, field in enumerate(table.schema):
        if not (pa.types.is_string(field.type) or pa.types.is_large_string(field.type)):
            continue
        column = table.column(index)
        if not any(len(_risky_rows(chunk)) for chunk in column.chunks):
            continue
        values = [spreadsheet_safe(v) if isinstance(v, str) else v for v in column.to_pylist()]
        table = table.set_column(index, field, arrow_array(values, field.type))
    return table


def write_csv(table, path) -> None:
    """CSV in UTF-8 with a byte-order mark (so Excel shows Chinese), written by pyarrow (fast); cells
    that a spreadsheet would read as a formula are prefixed with ``'`` (the Parquet keeps the text)."""
    import pyarrow.csv as pacsv

    with open(path, "wb") as fh:
        fh.write("\ufeff".encode("utf-8"))
        pacsv.write_csv(spreadsheet_safe_table(table), fh)


def write_parquet(table, path) -> None:
    """Parquet with column statistics (min, max, nulls) for the columns that are not text and for
    the keys a reader filters on (``doc_id``, ``region``). Up to about a million rows (pyarrow's row
    group) a file is one row group, where statistics let a reader skip nothing; those of the other
    text columns were a quarter of the time pyarrow took to write the tables."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    stats = [f.name for f in table.schema if f.name in STATISTICS_KEYS
             or not (pa.types.is_string(f.type) or pa.types.is_large_string(f.type))]
    pq.write_table(table, path, write_statistics=stats)


def write_table_csv(frame, path) -> Path:
    """One table (pandas or Arrow) as a spreadsheet-safe CSV, written atomically."""
    import pyarrow as pa

    from .atomic import atomic_write

    table = frame if isinstance(frame, pa.Table) else pa.Table.from_pandas(frame, preserve_index=False)
    return atomic_write(path, lambda tmp: write_csv(table, tmp))


def write_tables(tables: dict[str, pa.Table | pd.DataFrame], out_dir: str | os.PathLike,
                 metadata: dict | None = None) -> list[Path]:
    """Write every table (Arrow or pandas) as Parquet and CSV (UTF-8 with BOM), all or nothing.

    ``metadata`` (the build's provenance) goes into every Parquet file's metadata under the key
    ``ipanalysis``.

    All files are first written to temporary names in ``out_dir``; only when every one of them is
    complete are they renamed over the old tables. On any error the temporary files are removed
    and the old tables stay as they were.
    """
    return list(_write_all(tables, out_dir, metadata, hashed=False))


def write_hashed_tables(tables: dict[str, pa.Table | pd.DataFrame], out_dir: str | os.PathLike,
                        metadata: dict | None = None) -> dict[Path, str]:
    """:func:`write_tables`, returning each file written with the sha256 of its bytes (hashed by the
    thread that wrote it, while the other thread writes, instead of read again afterwards)."""
    return _write_all(tables, out_dir, metadata, hashed=True)


def _write_all(tables: dict, out_dir, metadata: dict | None, hashed: bool) -> dict[Path, str | None]:
    """Final path -> sha256 (None unless ``hashed``) of every file, in table order, each table's
    Parquet before its CSV."""
    from concurrent.futures import ThreadPoolExecutor

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = []
    try:
        for file in _files(tables, out_dir, metadata):
            files.append(file)  # its temporary file exists from here on
        # pyarrow writes without holding the GIL, so two threads write two files at once; the
        # largest tables go first, so that the two threads finish at about the same time
        largest_first = sorted(files, key=lambda file: -file[1].num_rows * file[1].num_columns)
        with ThreadPoolExecutor(max_workers=2) as pool:
            futures = {tmp: pool.submit(_write_file, write, table, tmp, hashed)
                       for write, table, tmp, _ in largest_first}
            digests = {tmp: future.result() for tmp, future in futures.items()}
    except BaseException:
        for _, _, tmp, _ in files:
            tmp.unlink(missing_ok=True)
        raise
    # renaming over an existing file makes the file system flush the new one first; do it in parallel
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda file: os.replace(file[2], file[3]), files))
    return {final: digests[tmp] for _, _, tmp, final in files}


def _files(tables: dict, out_dir: Path, metadata: dict | None):
    """``(writer, Arrow table, temporary path, final path)`` of every file, in table order; each
    temporary file is created as it is yielded."""
    import pyarrow as pa

    for name, frame in tables.items():
        table = frame if isinstance(frame, pa.Table) else pa.Table.from_pandas(frame, preserve_index=False)
        if metadata is not None:
            table = table.replace_schema_metadata({**(table.schema.metadata or {}),
                                                   b"ipanalysis": json.dumps(metadata, ensure_ascii=False)})
        for suffix, write in ((".parquet", write_parquet), (".csv", write_csv)):
            final = out_dir / f"{name}{suffix}"
            yield write, table, Path(temp_beside(final)), final


def _write_file(write, table, tmp: Path, hashed: bool) -> str | None:
    """Write one file (pyarrow writes without holding the GIL); its sha256 when ``hashed``."""
    write(table, tmp)
    return file_sha256(tmp) if hashed else None
