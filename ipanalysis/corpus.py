"""Build the corpus (every plan under ``data/raw``) into tables, write them atomically, load them.

A build parses each raw file on its own (in parallel when asked), caches each result by the file's
content hash, and writes every table as Parquet and as CSV (UTF-8 with BOM) only after all of them
were produced: an interrupted or failing build never leaves half-written or missing tables.

The build assembles and writes the tables as Arrow tables and takes over the rows of unchanged
plans from the previous build as slices of its Parquet files, so a rebuild after adding a plan
costs little more than parsing that plan; pandas is loaded only when DataFrames are asked for
(``report.corpus``, :func:`load_corpus`) or researcher overrides are applied.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .resources import parse_csv_text
from .schema import TABLE_COLUMNS, TABLES, ParsedDocument, columns_to_arrow, to_frame

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from .engines import ParseMap

__all__ = [
    "Corpus",
    "BuildReport",
    "DocumentError",
    "build_corpus",
    "build",
    "load_corpus",
    "write_tables",
    "list_raw_files",
    "MAX_FILE_BYTES",
]

REGISTRY_NAME = "registry.csv"
MAX_FILE_BYTES = 20 * 1024 * 1024
IGNORED_NAMES = {REGISTRY_NAME, "README.md", "README.txt", ".gitkeep"}


class DocumentError(Exception):
    """A raw file that could not be built; the message names the problem."""


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


@dataclass
class BuildReport:
    tables: dict[str, pa.Table]  # the built tables (Arrow); ``corpus`` gives them as DataFrames
    errors: dict[str, str] = field(default_factory=dict)  # file -> problem
    parsed: list[str] = field(default_factory=list)  # files parsed in this run
    cached: list[str] = field(default_factory=list)  # files taken from the cache
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


# ---------------------------------------------------------------------------------------------
# files


def list_raw_files(raw_dir: str | os.PathLike) -> list[Path]:
    """Plan files under ``raw_dir`` (sorted by name; the registry and hidden files excluded)."""
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder not found: {raw_dir}")
    with os.scandir(raw_dir) as entries:  # is_file() from the directory listing: no stat per file
        names = sorted(e.name for e in entries
                       if e.is_file() and not e.name.startswith(".") and e.name not in IGNORED_NAMES)
    return [raw_dir / name for name in names]


def read_registry(raw_dir: str | os.PathLike) -> dict[str, dict]:
    """Rows of ``registry.csv`` (optional metadata per file name), keyed by file name."""
    path = Path(raw_dir) / REGISTRY_NAME
    if not path.exists():
        return {}
    header, rows = parse_csv_text(path.read_text(encoding="utf-8-sig"), str(path))
    if "file" not in header:
        raise ValueError(f"{path}: the registry needs a 'file' column")
    records = [dict(zip(header, row)) for row in rows]
    return {r["file"]: {k: v for k, v in r.items() if k != "file"} for r in records}


# ---------------------------------------------------------------------------------------------
# cache


def _code_fingerprint() -> str:
    """Hash of the package's code and reference data: a change invalidates cached parses."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".csv", ".txt", ".json") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _cache_key(content_sha: str, name: str, registry_row: dict, fingerprint: str) -> str:
    """Key of one plan's parse: its bytes (by their sha256), name, registry row and the code."""
    digest = hashlib.sha256(content_sha.encode())
    digest.update(name.encode())
    digest.update(json.dumps(registry_row, sort_keys=True, ensure_ascii=False).encode())
    digest.update(fingerprint.encode())
    return digest.hexdigest()


class ParseCache:
    """Pickled :class:`ParsedDocument` per cache key, plus the last good key of each file name."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.manifest_path = folder / "last_good.json" if folder else None
        self.manifest: dict[str, str] = {}
        if self.manifest_path and self.manifest_path.exists():
            try:
                self.manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.manifest = {}

    def get(self, key: str) -> ParsedDocument | None:
        if not self.folder:
            return None
        path = self.folder / f"{key}.pkl"
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
            return None

    def put(self, key: str, parsed: ParsedDocument) -> None:
        if not self.folder:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        _atomic_write_bytes(self.folder / f"{key}.pkl", pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))

    def last_good(self, name: str) -> ParsedDocument | None:
        key = self.manifest.get(name)
        return self.get(key) if key else None

    def save_manifest(self, good: dict[str, str]) -> None:
        if not self.folder:
            return
        self.manifest.update(good)
        self.folder.mkdir(parents=True, exist_ok=True)
        _atomic_write_bytes(self.manifest_path, json.dumps(self.manifest, ensure_ascii=False).encode())


# ---------------------------------------------------------------------------------------------
# parsing


def _start_parsing(todo: list, jobs: int | None, beside: bool = False):
    """``(outcomes, pool)``: an iterator over the parse results of ``todo``, and the pool (or None).

    With one plan to parse and ``beside`` (the caller has other work meanwhile, such as reading
    the previous tables), the plan is parsed in a forked worker when more than one core may be
    used; elsewhere (no fork: Windows, macOS) it is parsed in this process.
    """
    cores = jobs or os.cpu_count() or 1
    workers = max(1, min(cores, len(todo)))
    if not todo:
        return iter(()), None
    from concurrent.futures import ProcessPoolExecutor

    if workers > 1:
        pool = ProcessPoolExecutor(max_workers=workers)
        return pool.map(_parse_job, todo, chunksize=max(1, len(todo) // (workers * 8))), pool
    if beside and cores > 1 and sys.platform.startswith("linux"):
        import multiprocessing

        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        return pool.map(_parse_job, todo), pool
    return map(_parse_job, todo), None


def _read_checked(path: Path, max_bytes: int) -> bytes:
    """The bytes of a raw file; DocumentError when it is empty, too large or of an unknown format."""
    data = path.read_bytes()
    _check_bytes(path, data, max_bytes)
    return data


def _read_error(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return f"cannot read the file ({exc.strerror})"
    return str(exc)


def _check_bytes(path: Path, data: bytes, max_bytes: int) -> None:
    from .readers import UnsupportedFormat, check_supported  # only for files read in this build

    try:
        check_supported(path.name)
    except UnsupportedFormat as exc:
        raise DocumentError(str(exc)) from None
    if len(data) > max_bytes:
        raise DocumentError(f"file is {len(data) / 2**20:.1f} MiB, over the {max_bytes / 2**20:.0f} MiB limit")
    if not data.strip():
        raise DocumentError("the file is empty")


def _parse_job(args: tuple[bytes, str, dict]) -> tuple[str, ParsedDocument | None, str | None]:
    from .parse import parse_document  # imported in the worker: the build itself does not need it

    data, name, registry_row = args
    try:
        return name, parse_document(data, name, registry_row), None
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the build
        return name, None, _describe(exc)


def _describe(exc: Exception) -> str:
    text = str(exc) or exc.__class__.__name__
    if isinstance(exc, (DocumentError, ValueError)):
        return text
    return f"{exc.__class__.__name__}: {text}"


def _progress(iterable, total: int, enabled: bool, desc: str):
    if not enabled:
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, total=total, desc=desc, unit="plan", file=sys.stderr)


def build_corpus(
    raw_dir: str | os.PathLike = "data/raw",
    *,
    jobs: int | None = 1,
    cache_dir: str | os.PathLike | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    progress: bool = False,
    overrides: str | os.PathLike | None = None,
    previous: "PreviousBuild | None" = None,
    parse_map: ParseMap | None = None,
) -> BuildReport:
    """Parse every plan under ``raw_dir`` into a :class:`Corpus` (in memory; nothing is written).

    Researcher overrides of theme and instrument codes are read from ``overrides`` (default:
    ``<raw_dir>/../annotations/overrides.csv``) and applied after parsing. With ``previous`` (the
    tables of the last build and the cache keys they were built from), the rows of unchanged
    plans are taken over as they are; only new or changed plans are parsed or read from the cache.
    ``parse_map(function, items)`` parses elsewhere (e.g. :func:`ipanalysis.engines.dask_map`);
    by default plans are parsed here, in ``jobs`` worker processes.
    """
    files = list_raw_files(raw_dir)
    registry = read_registry(raw_dir)
    cache = ParseCache(Path(cache_dir) if cache_dir else None)
    fingerprint = _code_fingerprint()
    report = BuildReport(tables={})

    overrides_path = Path(overrides) if overrides else Path(raw_dir).parent / "annotations" / "overrides.csv"
    overrides_sha = _file_sha(overrides_path)
    if previous is not None and (previous.fingerprint != fingerprint or previous.overrides_sha != overrides_sha):
        previous = None
    results, reused, todo, keys = _scan_files(files, registry, previous, cache, fingerprint, max_bytes, report)

    previous_tables = previous_runs = None
    load_previous = previous is not None and bool(reused)
    if parse_map is not None and todo:
        outcomes, pool = parse_map(_parse_job, todo), None
    else:
        outcomes, pool = _start_parsing(todo, jobs, beside=load_previous)
    if load_previous:  # read (and find each plan's rows) while the workers parse
        previous_tables, previous_runs = previous.read_tables(reused) or (None, None)
    for name, parsed, error in _progress(outcomes, len(todo), progress, "parsing"):
        if error is not None:
            report.errors[name] = error
            continue
        results[name] = parsed
        report.parsed.append(name)
        cache.put(keys[name], parsed)
    if pool is not None:
        pool.shutdown()
    if load_previous and previous_tables is None:  # unreadable: rebuild from the cache and the files
        return build_corpus(raw_dir, jobs=jobs, cache_dir=cache_dir, max_bytes=max_bytes, progress=progress,
                            overrides=overrides, previous=None, parse_map=parse_map)

    _reject_duplicates(results, report, prefer=[name for name in cache.manifest if name in results],
                       mtimes={name: stat[1] for name, stat in report.file_stats.items()})
    _keep_earlier_good(results, report, cache, files)
    cache.save_manifest({name: keys[name] for name in results
                         if name in keys and name not in report.kept and name not in reused})
    order = sorted(results)
    fresh = [results[name] for name in order if name not in reused]
    tables, report.row_counts = assemble(fresh, previous_tables, {reused[n] for n in reused if n in results},
                                         [results[name].doc_id for name in order], previous_runs)
    report.keys = {name: keys[name] for name in order if name in keys and name not in report.kept}
    report.overrides_sha = overrides_sha
    report.fingerprint = fingerprint
    from .themes import has_overrides

    if has_overrides(overrides_path):
        _apply_overrides_file(tables, overrides_path, report)
    report.tables = tables
    return report


def _scan_files(files, registry, previous, cache, fingerprint, max_bytes, report):
    """Sort the raw files into rows to take over, parses from the cache, and plans to parse.

    Returns ``(results, reused, todo, keys)``: parsed documents by file name (for reused plans,
    only their documents row), the reused files' doc_ids, ``(bytes, name, registry row)`` of the
    plans to parse, and every file's cache key. Unreadable and unusable files go to
    ``report.errors``; sizes and times of the others to ``report.file_stats``.
    """
    results: dict[str, ParsedDocument] = {}
    reused: dict[str, str] = {}  # file -> doc_id whose rows come from the previous tables
    todo, keys = [], {}
    for path in files:
        data = None
        try:
            stat = path.stat()  # before reading: a later change shows as a newer mtime next time
            content_sha = previous.unchanged_sha(path.name, stat) if previous is not None else None
            if content_sha is None:
                data = _read_checked(path, max_bytes)
                content_sha = hashlib.sha256(data).hexdigest()
        except (OSError, DocumentError) as exc:
            report.errors[path.name] = _read_error(exc)
            continue
        report.file_stats[path.name] = (stat.st_size, stat.st_mtime_ns)
        row = registry.get(path.name, {})
        key = _cache_key(content_sha, path.name, row, fingerprint)
        keys[path.name] = key
        if previous is not None and previous.keys.get(path.name) == key and path.name in previous.documents:
            doc_row = {k: previous.documents[path.name][k] for k in DOCUMENT_KEYS}
            results[path.name] = ParsedDocument(doc_row["doc_id"], path.name,
                                                {"documents": {k: [v] for k, v in doc_row.items()}})
            reused[path.name] = doc_row["doc_id"]
            report.cached.append(path.name)
            continue
        cached = cache.get(key)
        if cached is not None:
            results[path.name] = cached
            report.cached.append(path.name)
            continue
        if data is None:  # unchanged since the last build, but its rows cannot be taken over
            try:
                data = _read_checked(path, max_bytes)
            except (OSError, DocumentError) as exc:
                report.errors[path.name] = _read_error(exc)
                continue
        todo.append((data, path.name, row))
    return results, reused, todo, keys


def _apply_overrides_file(tables: dict[str, pa.Table], path: Path, report: BuildReport) -> None:
    """Researcher overrides replace the coded themes and instruments (problems become warnings)."""
    import pyarrow as pa

    from .themes import apply_overrides, read_overrides

    try:
        overrides = read_overrides(path)
    except ValueError as exc:
        report.warnings.append(str(exc))
        return
    if not len(overrides):
        return
    measures = tables["measures"].select(["measure_id", "doc_id", "region"]).to_pandas()
    themes_, instruments_, problems = apply_overrides(
        tables["measure_themes"].to_pandas(), tables["measure_instruments"].to_pandas(), overrides, measures)
    for name, frame in (("measure_themes", themes_), ("measure_instruments", instruments_)):
        tables[name] = pa.Table.from_pandas(to_frame(name, frame.to_dict("records")),
                                            schema=tables[name].schema, preserve_index=False)
        per_doc = frame["doc_id"].value_counts().to_dict()
        for doc_id, counts in report.row_counts.items():
            counts[TABLES.index(name)] = int(per_doc.get(doc_id, 0))
    report.warnings.extend(f"{path}: {p}" for p in problems)


def _reject_duplicates(results: dict[str, ParsedDocument], report: BuildReport,
                       prefer: list[str] = (), mtimes: dict[str, float] | None = None) -> None:
    """The same plan twice (same bytes, or same title, issuer, date and measures) builds once.

    The copy kept is the one built before (if any), else the older file, else the first by name.
    """
    seen: dict[str, str] = {}
    mtimes = mtimes or {}
    prefer = set(prefer)
    order = sorted(results, key=lambda n: (n not in prefer, mtimes.get(n, 0.0), n))
    for name in order:
        doc = results[name].columns["documents"]
        sha, content = doc["sha256"][0], doc["plan_fingerprint"][0]
        for key in (sha, content):
            if key in seen:
                report.errors[name] = f"the same plan as {seen[key]}; built once, from {seen[key]}"
                del results[name]
                break
        else:
            seen[sha] = seen[content] = name
    ids: dict[str, str] = {}
    for name in sorted(results):
        parsed = results[name]
        if parsed.doc_id in ids:
            report.errors[name] = f"its document id '{parsed.doc_id}' is taken by {ids[parsed.doc_id]}; rename the file"
            del results[name]
        else:
            ids[parsed.doc_id] = name


def _keep_earlier_good(results, report: BuildReport, cache: ParseCache, files: list[Path]) -> None:
    """A file that fails now but built before keeps its earlier rows (and is still reported)."""
    present = {p.name for p in files}
    for name in sorted(report.errors):
        if name in results or name not in present or "the same plan as" in report.errors[name]:
            continue
        earlier = cache.last_good(name)
        if earlier is not None:
            results[name] = earlier
            report.kept.append(name)
            report.errors[name] += "; kept the rows from its last good build"


def assemble(parsed_documents, previous=None, reused_ids=frozenset(), doc_order=None, previous_runs=None):
    """One Arrow table per table, and the number of rows of each document in each (TABLES order).

    The tables hold the rows of ``parsed_documents`` and, for the documents in ``reused_ids``,
    their rows in the ``previous`` tables, located by ``previous_runs`` (table -> doc_id -> row
    ranges). Rows are ordered by ``doc_order`` (the documents in file-name order) and, within a
    document, as parsed, so an incremental build gives the same tables as a full one. Previous rows
    are taken over as slices (no copy) of the previous tables, whose schema the new rows follow.
    """
    parsed_documents = list(parsed_documents)
    order = doc_order if doc_order is not None else [p.doc_id for p in parsed_documents]
    counts: dict[str, list[int]] = {doc_id: [] for doc_id in order}
    tables = {}
    for name in TABLES:
        columns = {c: [] for c in TABLE_COLUMNS[name]}
        ranges: dict[str, list[tuple[int, int]]] = {}
        n_rows = 0
        for parsed in parsed_documents:
            block = parsed.columns.get(name) or {}
            size = len(next(iter(block.values()), ()))
            for column, values in block.items():
                columns[column].extend(values)
            ranges.setdefault(parsed.doc_id, []).append((n_rows, n_rows + size))
            n_rows += size
        old = previous.get(name) if previous is not None and reused_ids else None
        fresh = columns_to_arrow(name, columns, old.schema if old is not None else None)
        del columns  # free the lists as soon as the table holds the data
        runs = {}
        if old is None or doc_order is None:
            tables[name] = fresh
        else:
            runs = previous_runs[name]
            tables[name] = _interleave(doc_order, reused_ids, (old, runs), (fresh, ranges))
        for doc_id in order:
            spans = runs.get(doc_id, ()) if doc_id in reused_ids else ranges.get(doc_id, ())
            counts[doc_id].append(sum(stop - start for start, stop in spans))
    return tables, counts


def _interleave(doc_order, reused_ids, old, fresh) -> pa.Table:
    """The rows of each document, in ``doc_order``: reused ones from ``old``, others from ``fresh``.

    ``old`` and ``fresh`` are ``(table, row ranges by doc_id)``; neighbouring ranges of the same
    table are merged, so unchanged stretches of the previous table stay one slice.
    """
    import pyarrow as pa

    pieces: list[list] = []  # [source index, start, stop]
    sources = (old, fresh)
    for doc_id in doc_order:
        index = 0 if doc_id in reused_ids else 1
        for start, stop in sources[index][1].get(doc_id, ()):
            if pieces and pieces[-1][0] == index and pieces[-1][2] == start:
                pieces[-1][2] = stop
            else:
                pieces.append([index, start, stop])
    if not pieces:
        return fresh[0].slice(0, 0)
    return pa.concat_tables([sources[i][0].slice(start, stop - start) for i, start, stop in pieces])


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
            info = json.loads((out_dir / ".cache" / "tables.json").read_text(encoding="utf-8"))
            documents = info["documents"]
        except (OSError, ValueError, KeyError, TypeError):
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

    They fit when they add up to every table's length and each range starts with its plan's rows.
    """
    runs: dict[str, dict[str, list[tuple[int, int]]]] = {}
    for index, name in enumerate(TABLES):
        doc_ids = tables[name].column("doc_id")
        position, table_runs = 0, {}
        for entry in entries:
            counts = entry.get("rows")
            if not isinstance(counts, list) or len(counts) != len(TABLES):
                return None
            n = counts[index]
            if n:
                if doc_ids[position].as_py() != entry["doc_id"]:
                    return None
                table_runs[entry["doc_id"]] = [(position, position + n)]
            position += n
        if position != tables[name].num_rows:
            return None
        runs[name] = table_runs
    return runs


DOCUMENT_KEYS = ("file", "doc_id", "sha256", "plan_fingerprint")  # what a rebuild needs of a built plan
RACY_NS = 2_000_000_000


def _save_tables_manifest(out_dir: Path, report: BuildReport) -> None:
    folder = out_dir / ".cache"
    folder.mkdir(parents=True, exist_ok=True)
    documents = {}
    for row in report.tables["documents"].select(list(DOCUMENT_KEYS)).to_pylist():
        size, mtime_ns = report.file_stats.get(row["file"], (None, None))
        documents[row["file"]] = {**row, "size": size, "mtime_ns": mtime_ns,
                                  "rows": report.row_counts.get(row["doc_id"])}
    _atomic_write_bytes(folder / "tables.json", json.dumps({
        "fingerprint": report.fingerprint, "overrides_sha": report.overrides_sha, "keys": report.keys,
        "documents": documents, "written_ns": time.time_ns(),
    }, ensure_ascii=False).encode())  # no indent: the C encoder, ~10x faster on 1,000s of plans


def _file_sha(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


# ---------------------------------------------------------------------------------------------
# writing and loading


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


FILE_MODE = 0o666 & ~_umask()


def _temp_beside(path: Path) -> str:
    """A temporary file in the folder of ``path`` with ordinary file permissions."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    os.chmod(tmp, FILE_MODE)
    return tmp


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    tmp = _temp_beside(path)
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_csv(table, path) -> None:
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
                tmp = Path(_temp_beside(final))
                staged.append((tmp, final))
                jobs.append((pq.write_table if suffix == ".parquet" else _write_csv, table, tmp))
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


def build(
    raw_dir: str | os.PathLike = "data/raw",
    out_dir: str | os.PathLike = "data/processed",
    *,
    jobs: int | None = None,
    cache_dir: str | os.PathLike | None = None,
    progress: bool = False,
    max_bytes: int = MAX_FILE_BYTES,
    overrides: str | os.PathLike | None = None,
    parse_map: ParseMap | None = None,
) -> BuildReport:
    """Build the corpus and write its tables into ``out_dir`` (the cache defaults to ``out_dir/.cache``).

    ``parse_map`` as in :func:`build_corpus` (e.g. ``ipanalysis.engines.dask_map()``).
    """
    out_dir = Path(out_dir)
    cache_dir = out_dir / ".cache" if cache_dir is None else cache_dir
    previous = PreviousBuild.load(out_dir)
    report = build_corpus(raw_dir, jobs=jobs, cache_dir=cache_dir, progress=progress, max_bytes=max_bytes,
                          overrides=overrides, previous=previous, parse_map=parse_map)
    write_tables(report.tables, out_dir)
    _save_tables_manifest(out_dir, report)
    return report


def read_arrow_tables(path: str | os.PathLike = "data/processed") -> dict[str, pa.Table]:
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


def load_corpus(path: str | os.PathLike = "data/processed") -> Corpus:
    """Load the built tables from ``path`` (Parquet) as DataFrames."""
    return Corpus.from_arrow(read_arrow_tables(path))
