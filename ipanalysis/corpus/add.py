"""Adding plan files to the raw folder: copied under clear names, never overwriting."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from ..parse.read import UnsupportedFormat, check_supported
from .report import DocumentError
from .scan import IGNORED_NAMES, MAX_FILE_BYTES

__all__ = ["add_files"]


def _clear_name(path: Path) -> str:
    """A name the build reads: no separators or spaces, no leading dot, not a name it skips
    (``README.txt`` becomes ``plan_README.txt``)."""
    stem = re.sub(r"[\s/\\:*?\"<>|]+", "_", path.stem).strip("._") or "plan"
    name = stem + path.suffix.lower()
    return f"plan_{name}" if name in IGNORED_NAMES else name


def _claim(raw_dir: Path, name: str):
    """Create the target file exclusively (``O_EXCL``): a name another ``add`` claimed at the same
    time, an existing file or a symbolic link (even a dangling one) is never written through."""
    stem, suffix = Path(name).stem, Path(name).suffix
    for n in range(1, 10_000):
        target = raw_dir / (name if n == 1 else f"{stem}-{n}{suffix}")
        try:
            return target, os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        except FileExistsError:
            continue
    raise FileExistsError(f"{raw_dir}: no free name for {name}")


def _read_source(source: Path, max_bytes: int) -> bytes:
    from .scan import read_checked

    if not source.is_file():
        raise FileNotFoundError(f"{source}: no such file")
    try:
        check_supported(source.name)
    except UnsupportedFormat as exc:
        raise UnsupportedFormat(f"{source}: {exc}") from None
    try:
        return read_checked(source, max_bytes)
    except DocumentError as exc:
        raise ValueError(f"{source}: {exc}") from None


def add_files(files, raw_dir, max_bytes: int = MAX_FILE_BYTES) -> list[tuple[Path, Path]]:
    """Copy plan files into ``raw_dir`` under clear names, never overwriting; return (source, copy).

    A file whose bytes are already in the raw folder is not copied again; a file over the size
    limit or of an unsupported format is refused before anything is copied.
    """
    import hashlib

    raw_dir = Path(raw_dir)
    raw_dir.mkdir(parents=True, exist_ok=True)
    sources = [(Path(f), _read_source(Path(f), max_bytes)) for f in files]
    existing = {}
    for path in raw_dir.iterdir():
        if path.is_file() and not path.is_symlink():
            existing.setdefault(hashlib.sha256(path.read_bytes()).hexdigest(), path)
    added = []
    for source, data in sources:
        digest = hashlib.sha256(data).hexdigest()
        if digest in existing:
            added.append((source, existing[digest]))
            continue
        target, fd = _claim(raw_dir, _clear_name(source))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        shutil.copystat(source, target)
        existing[digest] = target
        added.append((source, target))
    return added
