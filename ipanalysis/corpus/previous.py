"""The last build in a processed folder: its manifest (cache keys, files, row counts) and its tables."""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import RACY_NS, build_cache_dir
from ..tables.atomic import atomic_write_bytes
from ..tables.corpus import read_arrow_tables
from ..tables.schema import TABLE_COLUMNS, TABLES, string_buffers

if TYPE_CHECKING:
    import pyarrow as pa

    from .report import BuildReport

__all__ = ["PreviousBuild", "save_tables_manifest", "DOCUMENT_KEYS"]

DOCUMENT_KEYS = ("file", "doc_id", "sha256", "plan_fingerprint")  # what a rebuild needs of a built plan


@dataclass
class PreviousBuild:
    """The last build in ``out_dir``: the cache keys and documents it was built from (its manifest).

    Its tables are read only when rows are taken over (:meth:`read_tables`).
    """

    out_dir: Path
    keys: dict[str, str]
    fingerprint: str
    overrides_sha: str
    documents: dict[str, dict] = field(default_factory=dict)  # file -> doc_id, sha256, ..., size, mtime_ns
    written_ns: int = 0  # when the manifest was written

    @classmethod
    def load(cls, out_dir: Path) -> "PreviousBuild | None":
        """The previous build's manifest, or None when there is none usable (then all is rebuilt)."""
        out_dir = Path(out_dir)
        try:
            info = json.loads((build_cache_dir(out_dir) / "tables.json").read_text(encoding="utf-8"))
            documents = info["documents"]
            if not (isinstance(documents, dict) and isinstance(info.get("keys", {}), dict)
                    and all(isinstance(e, dict) and isinstance(e.get("doc_id"), str) for e in documents.values())):
                return None  # a damaged manifest: rebuild everything
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        if not all((out_dir / f"{name}.parquet").exists() for name in TABLES):
            return None
        return cls(out_dir, info.get("keys", {}), info.get("fingerprint", ""), info.get("overrides_sha", ""),
                   documents, info.get("written_ns", 0))

    def unchanged_sha(self, file: str, stat: os.stat_result) -> str | None:
        """The sha256 of a file that has the size and modification time it had when last built.

        Like git's index, a file modified less than two seconds before the manifest was written
        counts as changed (its timestamp might not tell a later edit apart), and is hashed.
        """
        entry = self.documents.get(file)
        if (entry and entry.get("size") == stat.st_size and entry.get("mtime_ns") == stat.st_mtime_ns
                and stat.st_mtime_ns < self.written_ns - RACY_NS):
            return entry.get("sha256")
        return None

    def read_tables(self, reused: dict[str, str]):
        """``(tables, runs)``: the previous tables and each plan's rows in them (from the manifest).

        None when the tables cannot be read, or they and the manifest disagree (e.g. a build
        stopped between writing the two): then everything is rebuilt.
        """
        try:
            tables = read_arrow_tables(self.out_dir)
        except (OSError, ValueError):  # pyarrow's errors are ValueError or OSError
            return None
        if any(tables[name].schema.names != list(TABLE_COLUMNS[name]) for name in TABLES):
            return None  # written by another version of the tables
        docs = tables["documents"].select(list(DOCUMENT_KEYS)).to_pylist()
        entries = list(self.documents.values())
        if [row["doc_id"] for row in docs] != [entry.get("doc_id") for entry in entries]:
            return None
        for row, entry in zip(docs, entries):
            if row["file"] in reused and any(row[k] != entry.get(k) for k in DOCUMENT_KEYS):
                return None
        runs = _runs_from_counts(tables, entries)
        return (tables, runs) if runs is not None else None


def _runs_from_counts(tables: dict[str, pa.Table], entries: list[dict]):
    """Each plan's row range in each table, from the row counts the manifest keeps, if they fit.

    They fit when they add up to every table's length and each range starts and ends with its
    plan's rows (so counts shifted between plans do not fit).
    """
    counts = [entry.get("rows") for entry in entries]
    if not all(isinstance(c, list) and len(c) == len(TABLES) and all(isinstance(n, int) and n >= 0 for n in c)
               for c in counts):
        return None
    runs: dict[str, dict[str, list[tuple[int, int]]]] = {}
    for index, name in enumerate(TABLES):
        stops = list(accumulate(c[index] for c in counts))
        if (stops[-1] if stops else 0) != tables[name].num_rows:
            return None
        ranges = {entry["doc_id"]: (stop - c[index], stop) for entry, c, stop in zip(entries, counts, stops)
                  if c[index]}
        if len(ranges) != sum(1 for c in counts if c[index]):
            return None  # a plan named twice
        column = tables[name].column("doc_id")
        for rows in ([start for start, _ in ranges.values()], [stop - 1 for _, stop in ranges.values()]):
            if _strings_at(column, rows) != list(ranges):
                return None
        runs[name] = {doc_id: [span] for doc_id, span in ranges.items()}
    return runs


def _strings_at(column: pa.ChunkedArray, rows: list[int]) -> list[str] | None:
    """The values of a text column without nulls at ``rows``, read from its buffers (one Arrow
    scalar per row costs ~3 µs, 16,000 of them a rebuild of 1,000 plans); None for a column of
    another type or with nulls."""
    import pyarrow as pa

    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)) or column.null_count:
        return None
    values, start = [], 0
    rows = iter(rows)
    row = next(rows, None)
    for chunk in column.chunks:  # rows ascend: each chunk is read for the rows that fall in it
        offsets, data = string_buffers(chunk)
        while row is not None and row < start + len(chunk):
            first, last = offsets[row - start], offsets[row - start + 1]
            values.append(data[first:last].tobytes().decode("utf-8"))
            row = next(rows, None)
        start += len(chunk)
    return values


def save_tables_manifest(out_dir: Path, report: BuildReport) -> None:
    folder = build_cache_dir(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    documents = {}
    for row in report.tables["documents"].select(list(DOCUMENT_KEYS)).to_pylist():
        size, mtime_ns = report.file_stats.get(row["file"], (None, None))
        documents[row["file"]] = {**row, "size": size, "mtime_ns": mtime_ns,
                                  "rows": report.row_counts.get(row["doc_id"])}
    atomic_write_bytes(folder / "tables.json", json.dumps({
        "fingerprint": report.fingerprint, "overrides_sha": report.overrides_sha, "keys": report.keys,
        "documents": documents, "written_ns": time.time_ns(),
    }, ensure_ascii=False).encode())  # no indent: the C encoder, ~10x faster on 1,000s of plans
