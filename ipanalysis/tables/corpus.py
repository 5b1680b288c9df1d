"""The built tables as a :class:`Corpus` of DataFrames, and loading them from a processed folder."""

from __future__ import annotations

import hashlib
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import PROCESSED_DIR
from .schema import TABLES

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = ["Corpus", "read_arrow_tables", "load_corpus", "build_id", "table_digests", "MixedTables", "verify_tables",
           "file_digests", "file_sha256", "recording_reads", "MANIFEST_NAME"]

MANIFEST_NAME = "build_info.json"  # written after the tables: their digests make them one build's


class MixedTables(ValueError):
    """The table files in a folder are not the ones one build wrote (a build was stopped between
    writing them, or a file was edited or replaced)."""


def file_sha256(path: str | os.PathLike) -> str:
    """The sha256 of a file's bytes."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def file_digests(paths) -> dict[str, str]:
    """File name -> sha256 of its bytes (read on two threads)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(lambda path: (Path(path).name, file_sha256(path)), paths))


def verify_tables(path: str | os.PathLike, suffixes=(".parquet",)) -> None:
    """Raise :class:`MixedTables` unless every table file in ``path`` is the one its build's manifest
    (``build_info.json``) names; a folder without a manifest (tables written by ``write_tables``
    alone) is taken as it is."""
    path = Path(path)
    try:
        recorded = _recorded_tables(path)
    except FileNotFoundError:
        return
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise MixedTables(f"{path}: the build's manifest {MANIFEST_NAME} is unreadable ({exc.__class__.__name__}); "
                          "run `ipanalysis build` again") from None
    names = [f"{name}{suffix}" for name in TABLES for suffix in suffixes]
    found = file_digests([path / n for n in names if (path / n).exists()])
    wrong = [n for n in names if found.get(n) != recorded.get(n)]
    if wrong:
        raise MixedTables(f"{path}: {', '.join(wrong)} not written by the build that wrote the others (a stopped "
                          "build or an edited file); run `ipanalysis build` again")


_TABLE_NAMES = frozenset(TABLES)
_RECORDERS: list[set] = []  # the sets of :func:`recording_reads` open now


@contextmanager
def recording_reads():
    """The names of the tables read from any :class:`Corpus` while the block runs (a set, filled as
    they are read): what a figure or a notebook made from the tables depends on."""
    found: set[str] = set()
    _RECORDERS.append(found)
    try:
        yield found
    finally:
        _RECORDERS.remove(found)


@dataclass
class Corpus:
    """The built tables as DataFrames (``corpus.documents``, ``corpus.measures``, ...)."""

    documents: pd.DataFrame
    sections: pd.DataFrame
    measures: pd.DataFrame
    assignments: pd.DataFrame
    targets: pd.DataFrame
    measure_themes: pd.DataFrame
    citations: pd.DataFrame
    measure_instruments: pd.DataFrame
    # which build the tables come from (a digest of its build_info.json); None when not loaded from disk
    build_id: str | None = field(default=None, compare=False, repr=False)
    # table name -> digest of its content (:func:`table_digests`); None when not loaded from disk
    table_digests: dict | None = field(default=None, compare=False, repr=False)

    def __getattribute__(self, name):
        if _RECORDERS and name in _TABLE_NAMES:
            for found in _RECORDERS:
                found.add(name)
        return object.__getattribute__(self, name)

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in TABLES}

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(frame)}" for name, frame in self.tables.items())
        return f"Corpus({sizes})"

    @classmethod
    def from_arrow(cls, tables: dict[str, pa.Table], build_id: str | None = None,
                   table_digests: dict | None = None) -> "Corpus":
        """DataFrames (with the nullable dtypes of the schema) from Arrow tables."""
        return cls(**{name: tables[name].to_pandas() for name in TABLES}, build_id=build_id,
                   table_digests=table_digests)


def read_arrow_tables(path: str | os.PathLike = PROCESSED_DIR, verify: bool = True) -> dict[str, pa.Table]:
    """The built tables in ``path`` (Parquet) as Arrow tables; with ``verify``, only when they are
    the ones one build wrote (:func:`verify_tables`)."""
    import pyarrow.parquet as pq

    path = Path(path)
    missing = [name for name in TABLES if not (path / f"{name}.parquet").exists()]
    if missing:
        raise FileNotFoundError(
            f"{path}: missing tables {', '.join(missing)}; run `ipanalysis build` first"
        )
    if verify:
        verify_tables(path)
    # ParquetFile reads a single file directly (read_table sets up a dataset first: ~5x slower here)
    return {name: pq.ParquetFile(path / f"{name}.parquet").read() for name in TABLES}


def load_corpus(path: str | os.PathLike = PROCESSED_DIR) -> Corpus:
    """Load the built tables from ``path`` (Parquet) as DataFrames."""
    tables = read_arrow_tables(path)
    return Corpus.from_arrow(tables, build_id=build_id(path), table_digests=table_digests(path))


def table_digests(path: str | os.PathLike = PROCESSED_DIR) -> dict[str, str] | None:
    """Table name -> digest of its content, as the build that wrote it recorded it (None without a
    manifest): a table that a rebuild writes with the same rows keeps its digest. The CSV's digest
    is the content's (each Parquet file also carries the build's provenance, which changes with
    every rule file and commit); the Parquet's where no CSV was written."""
    try:
        recorded = _recorded_tables(Path(path))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return {name: recorded.get(f"{name}.csv") or recorded.get(f"{name}.parquet") for name in TABLES}


def _recorded_tables(path: Path) -> dict:
    """File name -> sha256, as the build's manifest in ``path`` records its table files."""
    import json

    return json.loads((path / MANIFEST_NAME).read_text(encoding="utf-8"))["tables"]


def build_id(path: str | os.PathLike = PROCESSED_DIR) -> str | None:
    """A digest of the build that wrote the tables in ``path`` (of its ``build_info.json``), or None."""
    manifest = Path(path) / MANIFEST_NAME
    return hashlib.sha256(manifest.read_bytes()).hexdigest()[:16] if manifest.exists() else None
