"""The tables' Arrow schemas, kept in the cache folder so that a build need not import pandas.

Each table's schema carries the pandas metadata of a DataFrame of the table (so that
``pandas.read_parquet`` gives back its nullable dtypes); deriving it imports pandas (0.3-0.5 s).
It is derived once for each installed pandas and pyarrow version and column layout, and stored
as Arrow IPC bytes (data, never code); a missing, damaged or foreign file is derived again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["stored_schema"]


@lru_cache(maxsize=1)
def _versions() -> dict[str, str]:
    """The installed pandas and pyarrow versions (pandas' from its metadata: it is not imported)."""
    import pyarrow as pa

    from ..versions import installed_version

    return {"pandas": installed_version("pandas") or "", "pyarrow": pa.__version__}


def _schema_path(table: str, columns: dict[str, str]) -> Path | None:
    """Where the schema of this table layout and these versions is kept (None: no cache folder)."""
    from ..config import cache_dir

    key = hashlib.sha256(json.dumps([table, columns, _versions()], sort_keys=True).encode()).hexdigest()[:16]
    try:
        return cache_dir() / f"arrow-schema-{table}-{key}.bin"
    except OSError:
        return None


def _read_schema(path: Path | None, names: list[str]) -> pa.Schema | None:
    """The schema kept at ``path`` when it is one for these columns with pandas metadata, else None."""
    import pyarrow as pa

    try:
        schema = pa.ipc.read_schema(pa.py_buffer(path.read_bytes())) if path else None
    except (OSError, ValueError, pa.ArrowException):
        return None
    if schema is None or schema.names != names or b"pandas" not in (schema.metadata or {}):
        return None
    return schema


def stored_schema(table: str, columns: dict[str, str], derive: Callable[[str], pa.Schema]) -> pa.Schema:
    """The schema of ``table`` from the cache folder, else ``derive(table)`` (then stored)."""
    from .atomic import atomic_write_bytes

    path = _schema_path(table, columns)
    schema = _read_schema(path, list(columns))
    if schema is None:
        schema = derive(table)
        try:
            if path is not None:
                atomic_write_bytes(path, schema.serialize().to_pybytes())
        except OSError:  # a read-only cache folder: derived again next time
            pass
    return schema
