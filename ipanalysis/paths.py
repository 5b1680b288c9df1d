"""Where the project keeps things: the project root (when installed from a checkout) and caches."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["project_root", "cache_dir"]


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
