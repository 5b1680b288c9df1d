"""The raw folder: which files are plans, their registry rows, and reading them with their limits checked."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..config import REGISTRY_NAME
from ..rules.datafiles import parse_csv_text
from ..tables.schema import ParsedDocument
from .cache import cache_key
from .previous import DOCUMENT_KEYS
from .report import DocumentError

__all__ = ["list_raw_files", "read_registry", "scan_files", "read_checked", "read_error", "MAX_FILE_BYTES"]

MAX_FILE_BYTES = 20 * 1024 * 1024
IGNORED_NAMES = {REGISTRY_NAME, "README.md", "README.txt", ".gitkeep"}


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


def read_checked(path: Path, max_bytes: int) -> bytes:
    """The bytes of a raw file; DocumentError when it is empty, too large or of an unknown format."""
    data = path.read_bytes()
    _check_bytes(path, data, max_bytes)
    return data


def read_error(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return f"cannot read the file ({exc.strerror})"
    return str(exc)


def _check_bytes(path: Path, data: bytes, max_bytes: int) -> None:
    from ..parse.read import UnsupportedFormat, check_supported  # only for files read in this build

    try:
        check_supported(path.name)
    except UnsupportedFormat as exc:
        raise DocumentError(str(exc)) from None
    if len(data) > max_bytes:
        raise DocumentError(f"file is {len(data) / 2**20:.1f} MiB, over the {max_bytes / 2**20:.0f} MiB limit")
    if not data.strip():
        raise DocumentError("the file is empty")


def scan_files(files, registry, previous, cache, fingerprint, max_bytes, report):
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
                data = read_checked(path, max_bytes)
                content_sha = hashlib.sha256(data).hexdigest()
        except (OSError, DocumentError) as exc:
            report.errors[path.name] = read_error(exc)
            continue
        report.file_stats[path.name] = (stat.st_size, stat.st_mtime_ns)
        row = registry.get(path.name, {})
        key = cache_key(content_sha, path.name, row, fingerprint)
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
                data = read_checked(path, max_bytes)
            except (OSError, DocumentError) as exc:
                report.errors[path.name] = read_error(exc)
                continue
        todo.append((data, path.name, row))
    return results, reused, todo, keys
