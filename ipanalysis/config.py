"""Every default path of the project, in one place.

The defaults are relative to the working directory (``data/raw``, ``data/processed`` ...), as the
command line and the notebooks use them from the project folder. :func:`cache_dir` is the one
folder for caches that belong to the machine rather than to a build (the figure font, jieba's
dictionary cache).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

__all__ = [
    "RAW_DIR",
    "PROCESSED_DIR",
    "FIGURES_DIR",
    "NOTEBOOKS_DIR",
    "REGISTRY_NAME",
    "OVERRIDES_NAME",
    "project_root",
    "cache_dir",
    "tokenizer_engine",
    "annotations_dir",
    "overrides_path",
    "build_cache_dir",
    "RACY_NS",
]

RAW_DIR = Path("data/raw")  # the plans as downloaded (read-only) and registry.csv
PROCESSED_DIR = Path("data/processed")  # the built tables (regenerated)
FIGURES_DIR = Path("figures")  # the figures (regenerated)
NOTEBOOKS_DIR = Path("notebooks")
ANNOTATIONS_NAME = "annotations"  # data/annotations: the researcher's corrections, beside data/raw
REGISTRY_NAME = "registry.csv"  # optional metadata per plan file, inside the raw folder
OVERRIDES_NAME = "overrides.csv"  # theme and instrument corrections, inside the annotations folder
# a file or folder changed less than this before it was looked at may still be being written (a
# timestamp that coarse cannot tell a later change apart): it is read again, not trusted
RACY_NS = 2_000_000_000


def project_root() -> Path | None:
    """The checkout the package was installed from (the folder with ``pyproject.toml``), if any."""
    here = Path(__file__).resolve().parent.parent
    return here if (here / "pyproject.toml").exists() else None


def cache_dir() -> Path:
    """``$IPANALYSIS_CACHE_DIR``, else ``<project>/.cache``, else ``~/.cache/ipanalysis``."""
    configured = os.environ.get("IPANALYSIS_CACHE_DIR")
    if configured:
        path = Path(configured)
    elif project_root() is not None:
        path = project_root() / ".cache"
    else:
        path = Path.home() / ".cache" / "ipanalysis"
    path.mkdir(parents=True, exist_ok=True)
    return path


@lru_cache(maxsize=1)
def tokenizer_engine() -> str:
    """The segmenter: ``rjieba`` when installed (and not disabled by ``IPANALYSIS_TOKENIZER=jieba``),
    else ``jieba`` (:mod:`ipanalysis.parse.tokens`). Decided here, without loading either, so that
    a build can record it before any plan is parsed."""
    if os.environ.get("IPANALYSIS_TOKENIZER", "").lower() == "jieba":
        return "jieba"
    from importlib.util import find_spec

    return "rjieba" if find_spec("rjieba") is not None else "jieba"


def annotations_dir(raw_dir: str | os.PathLike = RAW_DIR) -> Path:
    """The annotations folder that belongs to a raw folder: ``data/annotations`` beside ``data/raw``."""
    return Path(raw_dir).parent / ANNOTATIONS_NAME


def overrides_path(raw_dir: str | os.PathLike = RAW_DIR) -> Path:
    """The researcher's override file of a raw folder (``data/annotations/overrides.csv``)."""
    return annotations_dir(raw_dir) / OVERRIDES_NAME


def build_cache_dir(out_dir: str | os.PathLike = PROCESSED_DIR) -> Path:
    """Where a build keeps its per-plan parse cache and manifest: ``<out_dir>/.cache``."""
    return Path(out_dir) / ".cache"

# figures of more plans than this are drawn by groups of plans (a dot plot of more plans, six stage
# panels, is taller than a journal page): ipanalysis.tables.group.figure_corpus
MAX_FIGURE_PLANS = 16
