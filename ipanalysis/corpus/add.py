"""Adding plan files to the raw folder: copied under clear names, never overwriting."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from ..parse.read import UnsupportedFormat, check_supported

__all__ = ["add_files"]


def _clear_name(path: Path) -> str:
    stem = re.sub(r"[\s/\\:*?\"<>|]+", "_", path.stem).strip("._") or "plan"
    return stem + path.suffix.lower()


def add_files(files, raw_dir) -> list[tuple[Path, Path]]:
    """Copy plan files into ``raw_dir`` under clear names, never overwriting; return (source, copy).

    A file whose bytes are already in the raw folder is not copied again.
    """
    import hashlib

    raw_dir = Path(raw_dir)
    raw_dir.mkdir(parents=True, exist_ok=True)
    existing = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in raw_dir.iterdir() if p.is_file()}
    added = []
    for source in map(Path, files):
        if not source.is_file():
            raise FileNotFoundError(f"{source}: no such file")
        try:
            check_supported(source.name)
        except UnsupportedFormat as exc:
            raise UnsupportedFormat(f"{source}: {exc}") from None
        digest = hashlib.sha256(source.read_bytes()).hexdigest()
        if digest in existing:
            added.append((source, existing[digest]))
            continue
        name = _clear_name(source)
        target = raw_dir / name
        n = 2
        while target.exists():
            target = raw_dir / f"{Path(name).stem}-{n}{Path(name).suffix}"
            n += 1
        shutil.copy2(source, target)
        existing[digest] = target
        added.append((source, target))
    return added
