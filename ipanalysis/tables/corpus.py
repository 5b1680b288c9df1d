"""The built tables as a :class:`Corpus` of DataFrames, and loading them from a processed folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import PROCESSED_DIR
from .schema import TABLES

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = ["Corpus", "read_arrow_tables", "load_corpus"]


@dataclass
class Corpus:
    """The built tables as DataFrames (``corpus.documents``, ``corpus.measures``, ...)."""

    documents: pd.DataFrame
    sections: pd.DataFrame
    measures: pd.DataFrame
    assignments: pd.DataFrame
    targets: pd.DataFrame
    measure_themes: pd.DataFrame
    measure_instruments: pd.DataFrame

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in TABLES}

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(frame)}" for name, frame in self.tables.items())
        return f"Corpus({sizes})"

    @classmethod
    def from_arrow(cls, tables: dict[str, pa.Table]) -> "Corpus":
        """DataFrames (with the nullable dtypes of the schema) from Arrow tables."""
        return cls(**{name: tables[name].to_pandas() for name in TABLES})


def read_arrow_tables(path: str | os.PathLike = PROCESSED_DIR) -> dict[str, pa.Table]:
    """The built tables in ``path`` (Parquet) as Arrow tables."""
    import pyarrow.parquet as pq

    path = Path(path)
    missing = [name for name in TABLES if not (path / f"{name}.parquet").exists()]
    if missing:
        raise FileNotFoundError(
            f"{path}: missing tables {', '.join(missing)}; run `ipanalysis build` first"
        )
    # ParquetFile reads a single file directly (read_table sets up a dataset first: ~5x slower here)
    return {name: pq.ParquetFile(path / f"{name}.parquet").read() for name in TABLES}


def load_corpus(path: str | os.PathLike = PROCESSED_DIR) -> Corpus:
    """Load the built tables from ``path`` (Parquet) as DataFrames."""
    return Corpus.from_arrow(read_arrow_tables(path))
