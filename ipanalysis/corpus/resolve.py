"""Which parsed plans go into the tables: one copy of a plan given twice, and the earlier good rows
of a plan whose file turned bad."""

from __future__ import annotations

from pathlib import Path

from ..tables.schema import ParsedDocument
from .cache import ParseCache
from .report import BuildReport

__all__ = ["reject_duplicates", "keep_earlier_good"]


def reject_duplicates(results: dict[str, ParsedDocument], report: BuildReport,
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


def keep_earlier_good(results, report: BuildReport, cache: ParseCache, files: list[Path]) -> None:
    """A file that fails now but built before keeps its earlier rows (and is still reported)."""
    present = {f.name for f in files}
    for name in sorted(report.errors):
        if name in results or name not in present or "the same plan as" in report.errors[name]:
            continue
        earlier = cache.last_good(name)
        if earlier is not None:
            results[name] = earlier
            report.kept.append(name)
            report.errors[name] += "; kept the rows from its last good build"
