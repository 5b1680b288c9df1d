"""The parse cache: each plan's parse result, keyed by its bytes, name, registry row and the code."""

from __future__ import annotations

import hashlib
import json
import math
import re
from pathlib import Path

import orjson

from ..tables.atomic import atomic_write_bytes
from ..tables.schema import FLOAT, TABLE_COLUMNS, ParsedDocument

__all__ = ["ParseCache", "code_fingerprint", "cache_key", "cache_record", "checked_payload", "file_sha",
           "remove_leftovers"]

SCALARS = (str, int, float, bool, type(None))


def _checked_columns(columns) -> dict[str, dict[str, list]]:
    """The column lists of a cached parse, if they have the tables' shape; else TypeError."""
    if not isinstance(columns, dict):
        raise TypeError("not a table mapping")
    for table, block in columns.items():
        if table not in TABLE_COLUMNS or not isinstance(block, dict):
            raise TypeError(f"unknown table {table!r}")
        lengths = set()
        for column, values in block.items():
            if column not in TABLE_COLUMNS[table] or not isinstance(values, list):
                raise TypeError(f"unknown column {column!r}")
            if not all(isinstance(v, SCALARS) for v in values):
                raise TypeError(f"a value of {column!r} is no scalar")
            lengths.add(len(values))
        if len(lengths) > 1:
            raise TypeError(f"columns of {table!r} differ in length")
    return columns


def remove_leftovers(folder: Path, keep: set[str] | None = None) -> int:
    """Remove the temporary files a killed build left in ``folder`` (``.<name>.*.tmp``) and, when
    ``keep`` is given, cached parses whose key is not in it; return how many files went."""
    removed = 0
    if not folder.is_dir():
        return 0
    for path in folder.iterdir():
        stale_tmp = path.name.startswith(".") and path.name.endswith(".tmp")
        stale_parse = keep is not None and path.suffix in (".json", ".pkl") and path.stem not in keep \
            and path.name not in ("last_good.json", "tables.json")
        if (stale_tmp or stale_parse) and path.is_file():
            try:
                path.unlink()
                removed += 1
            except OSError:
                pass
    return removed


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


def cache_record(parsed: ParsedDocument) -> bytes:
    """A plan's parse as stored: the sha256 of the payload (64 hex digits), a newline, the payload
    (JSON, UTF-8). Encoded once: the payload is not quoted again inside an outer JSON record."""
    payload = _json_bytes({"doc_id": parsed.doc_id, "file": parsed.file, "columns": parsed.columns})
    return hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


def _json_bytes(value: dict) -> bytes:
    """``value`` as JSON in UTF-8, by orjson (a fifth of the standard library's time on a plan's
    tables); by the standard library where orjson would change a value (it writes NaN and infinity
    as null) or refuses one (a lone surrogate, an integer beyond 64 bits)."""
    if all(_finite(table, block) for table, block in value["columns"].items()):
        try:
            return orjson.dumps(value)
        except orjson.JSONEncodeError:
            pass
    return json.dumps(value, ensure_ascii=False, check_circular=False).encode("utf-8", "surrogatepass")


def _finite(table: str, block: dict[str, list]) -> bool:
    """Whether the decimal columns of one table's block hold no NaN or infinity (integers always
    do): a sum is finite only if its terms are (a sum too large to be finite errs on the safe side;
    ``filter(None, …)`` drops the empty cells, and zeros, which are finite); a value that is no
    number counts as not finite, so the standard library writes the block as it always did."""
    try:
        return all(math.isfinite(sum(filter(None, values))) for column, values in block.items()
                   if TABLE_COLUMNS.get(table, {}).get(column) == FLOAT)
    except TypeError:
        return False


def checked_payload(record: bytes) -> bytes | None:
    """The payload of a stored record whose checksum holds, else None."""
    digest, newline, payload = record[:64], record[64:65], record[65:]
    if newline != b"\n" or hashlib.sha256(payload).hexdigest().encode() != digest:
        return None
    return payload


class ParseCache:
    """Each plan's parse as JSON with a checksum (``<key>.json``, :func:`cache_record`), plus the
    last good key of each file.

    JSON is data, never code: a planted or damaged cache file is a miss (the plan is parsed again),
    never executed and never an error. The checksum (sha256 of the payload) catches flipped bytes
    that would still parse as JSON.
    """

    SUFFIX = ".json"

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.manifest_path = folder / "last_good.json" if folder else None
        self.manifest: dict[str, str] = {}
        self._made = False  # whether the folder was made by this instance
        if self.manifest_path and self.manifest_path.exists():
            try:
                manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
                if isinstance(manifest, dict) and all(isinstance(k, str) and isinstance(v, str)
                                                      for k, v in manifest.items()):
                    self.manifest = manifest
            except (OSError, ValueError):
                self.manifest = {}

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}{self.SUFFIX}"

    def get(self, key: str) -> ParsedDocument | None:
        if not self.folder or not re.fullmatch(r"[0-9a-f]{64}", key or ""):
            return None
        try:
            payload = checked_payload(self._path(key).read_bytes())
            if payload is None:
                return None
            data = json.loads(payload.decode("utf-8", "surrogatepass"))
            return ParsedDocument(str(data["doc_id"]), str(data["file"]), _checked_columns(data["columns"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, parsed: ParsedDocument) -> None:
        if not self.folder:
            return
        if not self._made:  # once: a build puts every plan it parses
            self.folder.mkdir(parents=True, exist_ok=True)
            self._made = True
        atomic_write_bytes(self._path(key), cache_record(parsed))

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
