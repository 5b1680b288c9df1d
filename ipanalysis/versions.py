"""Versions of installed packages, looked up once for each state of the installation.

Reading a version from a package's metadata imports ``importlib.metadata`` (and with it the email
parser) and searches every folder on ``sys.path``: 35 ms for the packages a build records, on
every build, 4% of a rebuild after one added plan. The versions found are kept in the cache folder
(:func:`ipanalysis.config.cache_dir`) under the modification times of the folders on ``sys.path``.
Installing, upgrading or removing a package adds or removes its ``.dist-info`` folder in one of
them, which changes that folder's time: then the versions are looked up again.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from functools import lru_cache
from pathlib import Path

__all__ = ["installed_version", "installed_versions"]

MEMO_NAME = "package-versions.json"


def installation_key() -> str:
    """The Python running, and each folder on ``sys.path`` with its modification time."""
    parts = [sys.executable]
    for entry in sys.path:
        try:
            parts.append(f"{entry}\t{os.stat(entry or '.').st_mtime_ns}")
        except (OSError, ValueError):  # a path hook or a missing folder: its name alone
            parts.append(entry)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def _memo_path() -> Path | None:
    from .config import cache_dir

    try:
        return cache_dir() / MEMO_NAME
    except OSError:
        return None


@lru_cache(maxsize=1)
def _memo() -> dict[str, str | None]:
    """The versions kept for this installation (empty when none are, or they were kept for another)."""
    path, key = _memo_path(), installation_key()
    try:
        kept = json.loads(path.read_text(encoding="utf-8")) if path else {}
        versions = kept["versions"] if kept.get("key") == key else {}
        if isinstance(versions, dict) and all(isinstance(v, (str, type(None))) for v in versions.values()):
            return dict(versions)
    except (OSError, ValueError, KeyError, AttributeError, TypeError):
        pass
    return {}


def installed_versions(names) -> dict[str, str | None]:
    """``name -> version`` of each package (None: not installed), as :mod:`importlib.metadata` reads
    it; looked up there only for names not kept for this installation (then kept)."""
    versions = _memo()
    missing = [name for name in names if name not in versions]
    if missing:
        from importlib import metadata

        for name in missing:
            try:
                versions[name] = metadata.version(name)
            except metadata.PackageNotFoundError:
                versions[name] = None
        _keep(versions)
    return {name: versions[name] for name in names}


def installed_version(name: str) -> str | None:
    return installed_versions([name])[name]


def _keep(versions: dict[str, str | None]) -> None:
    from .tables.atomic import atomic_write_bytes

    path = _memo_path()
    try:
        if path is not None:
            atomic_write_bytes(path, json.dumps({"key": installation_key(), "versions": versions}).encode())
    except OSError:  # a read-only cache folder: looked up again next time
        pass
