"""Access to the reference data files shipped inside the package (``ipanalysis/data``)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import pandas as pd

DATA_PACKAGE = "ipanalysis.data"


def data_path(name: str):
    """Path-like object of a packaged data file."""
    return resources.files(DATA_PACKAGE).joinpath(name)


def read_lines(name: str) -> list[str]:
    """Non-empty, non-comment (``#``) lines of a packaged text file."""
    text = data_path(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=None)
def read_table(name: str) -> pd.DataFrame:
    """A packaged CSV reference table (comment lines start with ``#``), all columns as strings."""
    with data_path(name).open(encoding="utf-8") as fh:
        return pd.read_csv(fh, dtype=str, comment="#", keep_default_na=False)
