"""Task-table columns (``data/table_columns.csv`` and the labels of ``data/roles.csv``)."""

from __future__ import annotations

import re
from functools import lru_cache

from .datafiles import read_records
from .roles import match_label

__all__ = ["column_of"]


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    return {r["name"]: r["column"] for r in read_records("table_columns.csv")}


def column_of(header_cell: str) -> str | None:
    """What a header cell names: ``number``, ``task``, a role (``lead``, ``responsible``,
    ``cooperating``) or ``deadline``; None for anything else."""
    name = re.sub(r"\s+", "", header_cell).strip("*＊:：")
    if name in _names():
        return _names()[name]
    label = match_label(name + "：")
    if label and label[1] == len(name) + 1:
        return label[0]
    return None
