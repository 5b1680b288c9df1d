"""Writing the tables: every table as Parquet (for pandas) and CSV (UTF-8 with BOM, for Excel), all or
nothing."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .atomic import temp_beside

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = ["write_tables", "write_csv"]


def write_csv(table, path) -> None:
    """CSV in UTF-8 with a byte-order mark (so Excel shows Chinese), written by pyarrow (fast)."""
    import pyarrow.csv as pacsv

    with open(path, "wb") as fh:
        fh.write("\ufeff".encode("utf-8"))
        pacsv.write_csv(table, fh)


def write_tables(tables: dict[str, pa.Table | pd.DataFrame], out_dir: str | os.PathLike) -> list[Path]:
    """Write every table (Arrow or pandas) as Parquet and CSV (UTF-8 with BOM), all or nothing.

    All files are first written to temporary names in ``out_dir``; only when every one of them is
    complete are they renamed over the old tables. On any error the temporary files are removed
    and the old tables stay as they were.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    from concurrent.futures import ThreadPoolExecutor

    import pyarrow as pa
    import pyarrow.parquet as pq

    staged: list[tuple[Path, Path]] = []
    jobs = []
    try:
        for name, frame in tables.items():
            table = frame if isinstance(frame, pa.Table) else pa.Table.from_pandas(frame, preserve_index=False)
            for suffix in (".parquet", ".csv"):
                final = out_dir / f"{name}{suffix}"
                tmp = Path(temp_beside(final))
                staged.append((tmp, final))
                jobs.append((pq.write_table if suffix == ".parquet" else write_csv, table, tmp))
        # pyarrow writes without holding the GIL, so two threads write two files at once; the
        # largest tables go first, so that the two threads finish at about the same time
        jobs.sort(key=lambda job: -job[1].num_rows * job[1].num_columns)
        with ThreadPoolExecutor(max_workers=2) as pool:
            for future in [pool.submit(write, table, tmp) for write, table, tmp in jobs]:
                future.result()
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    # renaming over an existing file makes the file system flush the new one first; do it in parallel
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda pair: os.replace(*pair), staged))
    return [final for _, final in staged]
