"""The parse cache: each plan's parse result, keyed by its bytes, name, registry row and the code."""

from __future__ import annotations

import hashlib
import json
import pickle
from pathlib import Path

from ..tables.atomic import atomic_write_bytes
from ..tables.schema import ParsedDocument

__all__ = ["ParseCache", "code_fingerprint", "cache_key", "file_sha"]


def code_fingerprint() -> str:
    """Hash of the package's code and reference data, and of what else changes parse results (the
    versions of OpenCC, the segmenters, pypinyin, the readers; :func:`.provenance.parse_environment`):
    a change to any of them invalidates cached parses."""
    from .provenance import parse_environment

    digest = hashlib.sha256(json.dumps(parse_environment(), sort_keys=True).encode())
    package = Path(__file__).parent.parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".csv", ".txt", ".json") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(content_sha: str, name: str, registry_row: dict, fingerprint: str) -> str:
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
        atomic_write_bytes(self.folder / f"{key}.pkl", pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))

    def last_good(self, name: str) -> ParsedDocument | None:
        key = self.manifest.get(name)
        return self.get(key) if key else None

    def save_manifest(self, good: dict[str, str]) -> None:
        if not self.folder:
            return
        self.manifest.update(good)
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(self.manifest_path, json.dumps(self.manifest, ensure_ascii=False).encode())


def file_sha(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""
