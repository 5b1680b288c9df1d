"""Versions of installed packages, looked up once for each state of the installation.

Reading a version from a package's metadata imports ``importlib.metadata`` (and with it the email
parser) and searches every folder on ``sys.path``: 35 ms for the packages a build records, on
every build, 4% of a rebuild after one added plan. The versions found are kept in the cache folder
(:func:`ipanalysis.config.cache_dir`) under the state of the folders on ``sys.path``: each one's
modification time and the names of its package records (``pandas-3.1.1.dist-info``). Installing,
upgrading or removing a package adds or removes such a record: then the versions are looked up
again. Nothing is kept while a folder changed in the last two seconds (an install under way).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from functools import lru_cache
from pathlib import Path

from .config import RACY_NS  # a folder changed this recently may be mid-install: its versions are not kept

__all__ = ["installed_version", "installed_versions", "installation_key"]


def _folder_state(entry) -> tuple[str, int | None]:
    """A folder on ``sys.path``: its modification time and the names of the package records in it
    (``*.dist-info``, ``*.egg-info``: a name holds its version), as one string; None for the time
    when it is no folder (a path hook, a zip file, a missing folder)."""
    name = os.fsdecode(entry) if isinstance(entry, (str, bytes, os.PathLike)) else str(entry)
    try:
        stat = os.stat(name or ".")
        with os.scandir(name or ".") as found:
            records = sorted(e.name for e in found if e.name.endswith((".dist-info", ".egg-info")))
    except (OSError, ValueError):
        return name, None
    return f"{name}\t{stat.st_mtime_ns}\t{' '.join(records)}", stat.st_mtime_ns


def installation_key() -> tuple[str, bool]:
    """``(key, settled)``: a digest of the Python running and the state of each folder on
    ``sys.path``; ``settled`` is False while a folder changed in the last two seconds (an
    install may be under way: versions looked up then are not kept)."""
    parts, settled, now = [sys.executable], True, time.time_ns()
    for entry in sys.path:
        state, mtime_ns = _folder_state(entry)
        parts.append(state)
        settled = settled and (mtime_ns is None or mtime_ns < now - RACY_NS)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16], settled


def _memo_path() -> Path | None:
    """One file for each list of folders on ``sys.path`` (``python -m`` and a console script see
    different ones), so that two entry points do not overwrite each other's."""
    from .config import cache_dir

    paths = hashlib.sha256("\n".join(map(str, [sys.executable, *sys.path])).encode()).hexdigest()[:12]
    try:
        return cache_dir() / f"package-versions-{paths}.json"
    except OSError:
        return None


@lru_cache(maxsize=1)
def _memo() -> tuple[str, bool, dict[str, str | None]]:
    """``(key, settled, versions kept for it)``: the installation's state as this process found it
    first, and the versions kept for that state (empty when none were, or for another state)."""
    path, (key, settled) = _memo_path(), installation_key()
    try:
        kept = json.loads(path.read_text(encoding="utf-8")) if path else {}
        versions = kept["versions"] if kept.get("key") == key else {}
        if isinstance(versions, dict) and all(isinstance(v, (str, type(None))) for v in versions.values()):
            return key, settled, dict(versions)
    except (OSError, ValueError, KeyError, AttributeError, TypeError):
        pass
    return key, settled, {}


def installed_versions(names) -> dict[str, str | None]:
    """``name -> version`` of each package (None: not installed), as :mod:`importlib.metadata` reads
    it; looked up there only for names not kept for this installation (then kept)."""
    names = tuple(names)
    key, settled, versions = _memo()
    missing = [name for name in names if name not in versions]
    if missing:
        from importlib import metadata

        for name in missing:
            try:
                versions[name] = metadata.version(name)
            except metadata.PackageNotFoundError:
                versions[name] = None
        if settled:
            _keep(key, versions)
    return {name: versions[name] for name in names}


def installed_version(name: str) -> str | None:
    return installed_versions([name])[name]


def _keep(key: str, versions: dict[str, str | None]) -> None:
    """Keep the versions under the state they were looked up in (the first this process found: a
    package upgraded since is looked up again by the next process, not kept under its new state)."""
    from .tables.atomic import atomic_write_bytes

    path = _memo_path()
    try:
        if path is not None:
            atomic_write_bytes(path, json.dumps({"key": key, "versions": versions}).encode())
    except OSError:  # a read-only cache folder: looked up again next time
        pass
