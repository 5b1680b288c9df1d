"""The raw folder: which files are plans, their registry rows, and reading them with their limits checked."""

from __future__ import annotations

import errno
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from ..config import REGISTRY_NAME
from ..rules.datafiles import parse_csv_text
from ..tables.schema import ParsedDocument
from .cache import cache_key
from .previous import DOCUMENT_KEYS
from .report import DocumentError

__all__ = ["RawFile", "scan_raw_folder", "list_raw_files", "display_name", "read_registry", "scan_files",
           "read_checked", "read_error", "MAX_FILE_BYTES"]

MAX_FILE_BYTES = 20 * 1024 * 1024
IGNORED_NAMES = {REGISTRY_NAME, "README.md", "README.txt", ".gitkeep"}


@dataclass(frozen=True)
class RawFile:
    """A plan file: where it is, and the name the tables give it (its file name, or a readable
    rendering of a name that is not valid UTF-8, such as a GBK name from a Windows archive)."""

    path: Path
    name: str


def display_name(name: str) -> str:
    """The name as text: itself, or its bytes read as GB18030 or Big5, else with replacement marks."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = os.fsencode(name)
    for encoding in ("gb18030", "big5"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


def _entry_problem(entry: os.DirEntry) -> str | None:
    """Why a directory entry that is no plan folder and no regular file cannot be read."""
    try:
        if entry.is_dir():
            return None  # subfolders are not read
    except OSError:
        pass
    if entry.is_symlink():
        try:
            os.stat(entry.path)
        except OSError as exc:
            loop = exc.errno == errno.ELOOP
            return "a symbolic link loop" if loop else "a symbolic link to nothing (its target is missing)"
    return "not a regular file"


def scan_raw_folder(raw_dir: str | os.PathLike) -> tuple[list[RawFile], dict[str, str]]:
    """``(plan files sorted by name, problems)``: every entry of ``raw_dir`` but the registry,
    README files, hidden files and subfolders is a plan; one that cannot be read is a problem
    (name -> what is wrong), reported like a plan that failed."""
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder not found: {raw_dir}")
    files, problems, taken = [], {}, set()
    with os.scandir(raw_dir) as entries:  # is_file() from the directory listing: no stat per file
        for entry in sorted(entries, key=lambda e: os.fsencode(e.name)):
            if entry.name.startswith(".") or entry.name in IGNORED_NAMES:
                continue
            name = display_name(entry.name)
            while name in taken:
                name += "~"
            taken.add(name)
            try:
                regular = entry.is_file()
            except OSError:  # a symbolic link loop, on some systems
                regular = False
            if regular:
                files.append(RawFile(raw_dir / entry.name, name))
            else:
                problem = _entry_problem(entry)
                if problem:
                    problems[name] = problem
    files.sort(key=lambda f: f.name)
    return files, problems


def list_raw_files(raw_dir: str | os.PathLike) -> list[Path]:
    """Plan files under ``raw_dir`` (sorted by name; the registry and hidden files excluded)."""
    return [f.path for f in scan_raw_folder(raw_dir)[0]]


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


def read_checked(path: Path, max_bytes: int, name: str | None = None) -> bytes:
    """The bytes of a raw file; DocumentError when it is empty, too large or of an unknown format.

    The size is checked before reading (from the file's status), and the read stops past the
    limit, so a huge file never fills the memory.
    """
    _check_format(name or path.name)
    size = path.stat().st_size
    if size > max_bytes:
        raise DocumentError(_too_large(size, max_bytes))
    with open(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise DocumentError(_too_large(len(data), max_bytes))
    if not data.strip():
        raise DocumentError("the file is empty")
    return data


def _too_large(size: int, max_bytes: int) -> str:
    return f"file is {size / 2**20:.1f} MiB, over the {max_bytes / 2**20:.0f} MiB limit"


def read_error(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return f"cannot read the file ({exc.strerror})"
    return str(exc)


def _check_format(name: str) -> None:
    from ..parse.read import UnsupportedFormat, check_supported  # only for files read in this build

    try:
        check_supported(name)
    except UnsupportedFormat as exc:
        raise DocumentError(str(exc)) from None


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
    for raw in files:
        path, name = raw.path, raw.name
        data = None
        try:
            stat = path.stat()  # before reading: a later change shows as a newer mtime next time
            content_sha = previous.unchanged_sha(name, stat) if previous is not None else None
            if content_sha is None:
                data = read_checked(path, max_bytes, name)
                content_sha = hashlib.sha256(data).hexdigest()
        except (OSError, DocumentError) as exc:
            report.errors[name] = read_error(exc)
            continue
        report.file_stats[name] = (stat.st_size, stat.st_mtime_ns)
        row = registry.get(name, {})
        key = cache_key(content_sha, name, row, fingerprint)
        keys[name] = key
        if previous is not None and previous.keys.get(name) == key and name in previous.documents:
            doc_row = {k: previous.documents[name][k] for k in DOCUMENT_KEYS}
            results[name] = ParsedDocument(doc_row["doc_id"], name,
                                           {"documents": {k: [v] for k, v in doc_row.items()}})
            reused[name] = doc_row["doc_id"]
            report.cached.append(name)
            continue
        cached = cache.get(key)
        if cached is not None:
            results[name] = cached
            report.cached.append(name)
            continue
        if data is None:  # unchanged since the last build, but its rows cannot be taken over
            try:
                data = read_checked(path, max_bytes, name)
            except (OSError, DocumentError) as exc:
                report.errors[name] = read_error(exc)
                continue
        todo.append((data, name, row))
    return results, reused, todo, keys
