"""What a build produced: the tables, and what happened to each file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..tables.corpus import Corpus

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["BuildReport", "DocumentError"]


class DocumentError(Exception):
    """A raw file that could not be built; the message names the problem."""


@dataclass
class BuildReport:
    tables: dict[str, pa.Table]  # the built tables (Arrow); ``corpus`` gives them as DataFrames
    errors: dict[str, str] = field(default_factory=dict)  # file -> problem
    parsed: list[str] = field(default_factory=list)  # files parsed in this run
    cached: list[str] = field(default_factory=list)  # files taken from the cache
    reused: list[str] = field(default_factory=list)  # files whose rows were taken over from the last build
    kept: list[str] = field(default_factory=list)  # failing files whose earlier good rows were kept
    warnings: list[str] = field(default_factory=list)  # corpus-level problems (e.g. overrides)
    keys: dict[str, str] = field(default_factory=dict)  # file -> cache key of the rows in the tables
    file_stats: dict[str, tuple[int, int]] = field(default_factory=dict)  # file -> (size, mtime_ns)
    row_counts: dict[str, list[int]] = field(default_factory=dict)  # doc_id -> rows in each table
    fingerprint: str = ""
    overrides_sha: str = ""
    _corpus: Corpus | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def corpus(self) -> Corpus:
        """The built tables as DataFrames (converted on first use)."""
        if self._corpus is None:
            self._corpus = Corpus.from_arrow(self.tables)
        return self._corpus

    def n_rows(self, table: str) -> int:
        return self.tables[table].num_rows
