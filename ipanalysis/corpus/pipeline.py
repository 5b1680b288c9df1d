"""Build the corpus (every plan under ``data/raw``) into tables and write them.

A build is a straight line: scan the raw folder → parse what needs parsing (in parallel, or from the
cache) → resolve duplicates and failed files → assemble the tables → apply the researcher's
overrides → write. Each plan's parse result is cached by the file's content hash, and the rows of
unchanged plans are taken over from the previous build, so a rebuild after adding a plan costs
little more than parsing that plan. Every table is written as Parquet and as CSV (UTF-8 with BOM)
only after all of them were produced: an interrupted or failing build never leaves half-written or
missing tables. pandas is loaded only when DataFrames are asked for (``report.corpus``,
:func:`~ipanalysis.tables.corpus.load_corpus`) or researcher overrides are applied.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import PROCESSED_DIR, RAW_DIR, build_cache_dir, overrides_path
from ..tables.atomic import atomic_write_bytes
from ..tables.corpus import MANIFEST_NAME
from ..tables.write import write_hashed_tables
from .assemble import assemble
from .cache import ParseCache, code_fingerprint, file_sha, remove_leftovers
from .lock import build_lock
from .overrides import apply_overrides_file, has_overrides
from .parse_all import parse_job, parse_outcomes, progress
from .previous import PreviousBuild, save_tables_manifest
from .provenance import build_info
from .report import BuildReport
from .resolve import keep_earlier_good, reject_duplicates
from .scan import MAX_FILE_BYTES, read_registry, scan_files, scan_raw_folder

if TYPE_CHECKING:
    from .engines import ParseMap

__all__ = ["build_corpus", "build"]


@dataclass
class _Plan:
    """What the scan of the raw folder found, and what the later steps need of it."""

    files: list  # RawFile: path and name
    cache: ParseCache
    fingerprint: str
    overrides_path: Path
    overrides_sha: str
    previous: PreviousBuild | None
    results: dict = field(default_factory=dict)  # file -> ParsedDocument (reused plans: documents row only)
    reused: dict = field(default_factory=dict)  # file -> doc_id whose rows come from the previous tables
    todo: list = field(default_factory=list)  # (bytes, name, registry row) of the plans to parse
    keys: dict = field(default_factory=dict)  # file -> cache key


def build_corpus(
    raw_dir: str | os.PathLike = RAW_DIR,
    *,
    jobs: int | None = 1,
    cache_dir: str | os.PathLike | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    progress: bool = False,
    overrides: str | os.PathLike | None = None,
    previous: PreviousBuild | None = None,
    parse_map: ParseMap | None = None,
) -> BuildReport:
    """Parse every plan under ``raw_dir`` into tables (in memory; nothing is written).

    Researcher overrides of theme and instrument codes are read from ``overrides`` (default:
    ``data/annotations/overrides.csv`` beside ``raw_dir``) and applied after parsing. With
    ``previous`` (the last build's manifest), the rows of unchanged plans are taken over as they
    are; only new or changed plans are parsed or read from the cache. ``parse_map(function,
    items)`` parses elsewhere (e.g. :func:`ipanalysis.corpus.engines.dask_map`); by default plans
    are parsed here, in ``jobs`` worker processes. ``report.corpus`` gives the tables as DataFrames.
    """
    report = BuildReport(tables={})
    plan = _scan(raw_dir, cache_dir, overrides, previous, max_bytes, report)
    previous_tables = _parse_all(plan, jobs, progress, parse_map, report)
    if plan.reused and previous_tables is None:  # unreadable: rebuild from the cache and the files
        return build_corpus(raw_dir, jobs=jobs, cache_dir=cache_dir, max_bytes=max_bytes, progress=progress,
                            overrides=overrides, previous=None, parse_map=parse_map)
    _resolve(plan, report)
    tables = _assemble(plan, previous_tables, report)
    if has_overrides(plan.overrides_path):
        apply_overrides_file(tables, plan.overrides_path, report)
    report.tables = tables
    return report


def _scan(raw_dir, cache_dir, overrides, previous, max_bytes, report: BuildReport) -> _Plan:
    """The raw files sorted into rows to take over, parses from the cache, and plans to parse."""
    overrides_file = Path(overrides) if overrides else overrides_path(raw_dir)
    files, problems = scan_raw_folder(raw_dir)
    report.errors.update(problems)
    plan = _Plan(files=files, cache=ParseCache(Path(cache_dir) if cache_dir else None),
                 fingerprint=code_fingerprint(), overrides_path=overrides_file,
                 overrides_sha=file_sha(overrides_file), previous=previous)
    if previous is not None and (previous.fingerprint != plan.fingerprint
                                 or previous.overrides_sha != plan.overrides_sha):
        plan.previous = None
    plan.results, plan.reused, plan.todo, plan.keys = scan_files(
        plan.files, read_registry(raw_dir), plan.previous, plan.cache, plan.fingerprint, max_bytes, report)
    return plan


def _parse_all(plan: _Plan, jobs, show_progress: bool, parse_map, report: BuildReport):
    """Parse the plans to parse (caching each); return the previous tables and row runs when reused.

    The previous tables are read while the workers parse. Returns None when nothing is reused or
    the previous tables cannot be read.
    """
    load_previous = plan.previous is not None and bool(plan.reused)
    if parse_map is not None and plan.todo:
        outcomes = parse_map(parse_job, plan.todo)
    else:
        outcomes = parse_outcomes(plan.todo, jobs, beside=load_previous)
    previous_tables = plan.previous.read_tables(plan.reused) if load_previous else None
    for name, parsed, error in progress(outcomes, len(plan.todo), show_progress, "parsing"):
        if error is not None:
            report.errors[name] = error
            continue
        plan.results[name] = parsed
        report.parsed.append(name)
        plan.cache.put(plan.keys[name], parsed)
    return previous_tables


def _resolve(plan: _Plan, report: BuildReport) -> None:
    """One copy of each plan; failing files keep their last good rows; the cache manifest is saved."""
    results, cache = plan.results, plan.cache
    reject_duplicates(results, report, prefer=[name for name in cache.manifest if name in results],
                      mtimes={name: stat[1] for name, stat in report.file_stats.items()})
    keep_earlier_good(results, report, cache, plan.files)
    cache.save_manifest({name: plan.keys[name] for name in results
                         if name in plan.keys and name not in report.kept and name not in plan.reused})


def _assemble(plan: _Plan, previous_tables, report: BuildReport) -> dict:
    """The tables, in file-name order, with the reused plans' rows taken from the previous tables."""
    tables, runs = previous_tables or (None, None)
    order = sorted(plan.results)
    fresh = [plan.results[name] for name in order if name not in plan.reused]
    reused_ids = {plan.reused[n] for n in plan.reused if n in plan.results}
    assembled, report.row_counts = assemble(fresh, tables, reused_ids,
                                            [plan.results[name].doc_id for name in order], runs)
    report.keys = {name: plan.keys[name] for name in order if name in plan.keys and name not in report.kept}
    report.reused = [name for name in order if name in plan.reused]
    report.overrides_sha = plan.overrides_sha
    report.fingerprint = plan.fingerprint
    return assembled


def build(
    raw_dir: str | os.PathLike = RAW_DIR,
    out_dir: str | os.PathLike = PROCESSED_DIR,
    *,
    jobs: int | None = None,
    cache_dir: str | os.PathLike | None = None,
    progress: bool = False,
    max_bytes: int = MAX_FILE_BYTES,
    overrides: str | os.PathLike | None = None,
    parse_map: ParseMap | None = None,
    wait: bool = True,
) -> BuildReport:
    """Build the corpus and write its tables into ``out_dir`` (the cache defaults to ``out_dir/.cache``).

    One build at a time writes a folder (another waits, or with ``wait=False`` stops with
    :class:`~.lock.BuildBusy`). The tables are published as one set: every file is written under a
    temporary name and renamed into place, then ``build_info.json`` records the digest of each, and
    readers (:func:`~ipanalysis.tables.corpus.load_corpus`, ``check``, ``figures``) refuse a folder
    whose files are not the ones it names. Temporary files of a killed build are removed, and so are
    cached parses of plans no longer present. ``parse_map`` as in :func:`build_corpus`.
    """
    out_dir = Path(out_dir)
    cache_dir = Path(build_cache_dir(out_dir) if cache_dir is None else cache_dir)
    with build_lock(out_dir, wait=wait):
        remove_leftovers(out_dir)
        remove_leftovers(cache_dir)
        previous = PreviousBuild.load(out_dir)
        report = build_corpus(raw_dir, jobs=jobs, cache_dir=cache_dir, progress=progress, max_bytes=max_bytes,
                              overrides=overrides, previous=previous, parse_map=parse_map)
        if _unchanged(report, previous, out_dir):
            save_tables_manifest(out_dir, report)  # the same tables: rewrite nothing (make sees no change)
        else:
            publish(report, out_dir)
        remove_leftovers(cache_dir, keep=set(report.keys.values()) | set(ParseCache(cache_dir).manifest.values()))
    return report


def _unchanged(report: BuildReport, previous: PreviousBuild | None, out_dir: Path) -> bool:
    """Whether the build holds exactly the last build's plans, every one's rows taken over from
    tables that were verified on reading: then the tables on disk are already this build's."""
    return (previous is not None and not report.errors and not report.warnings and not report.parsed
            and set(report.reused) == set(report.keys) == set(previous.keys)
            and report.keys == previous.keys and report.fingerprint == previous.fingerprint
            and report.overrides_sha == previous.overrides_sha and (out_dir / MANIFEST_NAME).exists())


def publish(report: BuildReport, out_dir: Path) -> None:
    """Write the tables, then the manifest that names them (``build_info.json``), then the rebuild's
    manifest; a reader takes the tables as one build's only when the first names every one."""
    info = build_info(dict(zip(report.tables["documents"].column("file").to_pylist(),
                               report.tables["documents"].column("sha256").to_pylist())))
    written = write_hashed_tables(report.tables, out_dir, metadata=info)
    info["tables"] = {path.name: digest for path, digest in written.items()}
    atomic_write_bytes(out_dir / MANIFEST_NAME, json.dumps(info, ensure_ascii=False, indent=1).encode())
    save_tables_manifest(out_dir, report)
