"""Provenance: what produced a build, so that a table can be re-run years later.

``build_info()`` names the package version and git commit, Python, the versions of the packages
that change parse results (OpenCC, the segmenters, pypinyin, charset-normalizer, pypdf,
python-docx, lxml) and those that write the tables, the tokeniser engine, the theme lexicon's
version, a hash of every rule file in ``ipanalysis/data`` and of every raw plan. A build writes it
to ``data/processed/build_info.json`` and into every Parquet file's metadata (key ``ipanalysis``).
The parse cache key includes :func:`parse_environment`, so upgrading one of those packages makes
the next build parse every plan again instead of reusing parses made with the old version.
"""

from __future__ import annotations

import hashlib
import platform
import re
from functools import lru_cache
from pathlib import Path

from ..config import project_root, tokenizer_engine
from ..versions import installed_version, installed_versions

__all__ = ["parse_environment", "build_info", "git_commit", "rule_file_hashes", "PARSE_PACKAGES",
           "TABLE_PACKAGES"]

PARSE_PACKAGES = ("opencc", "rjieba", "jieba", "pypinyin", "charset-normalizer", "pypdf", "python-docx", "lxml")
TABLE_PACKAGES = ("pyarrow", "nanoarrow", "pandas", "numpy")
DATA = Path(__file__).resolve().parent.parent / "data"


def package_version() -> str:
    from .. import __version__

    return installed_version("ipanalysis") or __version__


@lru_cache(maxsize=1)
def parse_environment() -> dict:
    """What changes parse results besides the package's own files: Python, the tokeniser engine and
    the versions of the packages that read, decode, convert and segment the text."""
    return {"python": platform.python_version(), "tokeniser": tokenizer_engine(),
            "packages": installed_versions(PARSE_PACKAGES)}


def git_commit() -> str | None:
    """The commit of the checkout the package runs from (read from .git, no git needed), if any."""
    root = project_root()
    git = root / ".git" if root else None
    try:
        head = (git / "HEAD").read_text().strip()
        if not head.startswith("ref: "):
            return head
        ref = head[5:]
        if (git / ref).exists():
            return (git / ref).read_text().strip()
        for line in (git / "packed-refs").read_text().splitlines():
            if line.endswith(" " + ref):
                return line.split()[0]
    except (OSError, TypeError):
        return None
    return None


def rule_file_hashes() -> dict[str, str]:
    """sha256 (first 16 hex digits) of every vocabulary file in ipanalysis/data."""
    return {p.relative_to(DATA).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()[:16]
            for p in sorted(DATA.rglob("*")) if p.suffix in (".csv", ".txt") and p.is_file()}


def lexicon_version() -> str | None:
    head = (DATA / "theme_lexicon.csv").read_text(encoding="utf-8").splitlines()[0]
    m = re.search(r"version\s+(\S+?)[.,]?$|version\s+(\S+?)[.,]\s", head)
    return (m.group(1) or m.group(2)) if m else None


def build_info(plans: dict[str, str] | None = None) -> dict:
    """Everything that produced a build; ``plans`` maps each raw file to the sha256 of its bytes."""
    env = parse_environment()
    return {
        "ipanalysis": package_version(),
        "git_commit": git_commit(),
        "python": env["python"],
        "tokeniser": env["tokeniser"],
        "packages": {**env["packages"], **installed_versions(TABLE_PACKAGES)},
        "theme_lexicon_version": lexicon_version(),
        "rule_files": rule_file_hashes(),
        "plans": dict(sorted((plans or {}).items())),
    }
