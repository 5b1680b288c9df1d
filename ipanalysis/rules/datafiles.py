"""Access to the reference data files shipped inside the package (``ipanalysis/data``)."""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

DATA_PACKAGE = "ipanalysis.data"


def data_path(name: str):
    """Path-like object of a packaged data file."""
    return resources.files(DATA_PACKAGE).joinpath(name)


def read_lines(name: str) -> list[str]:
    """Non-empty, non-comment (``#``) lines of a packaged text file."""
    text = data_path(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def parse_csv_text(text: str, source: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """``(header, rows)`` of CSV text whose comment lines start with ``#``; every field a string.

    A row with another number of fields than the header is an error naming ``source``.
    """
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    reader = csv.reader(io.StringIO("\n".join(lines)))
    header = tuple(h.strip() for h in next(reader, ()))
    rows = []
    for number, row in enumerate(reader, start=2):
        if len(row) != len(header):
            raise ValueError(f"{source}: data row {number - 1} has {len(row)} fields, the header {len(header)}")
        rows.append(tuple(row))
    return header, tuple(rows)


@lru_cache(maxsize=None)
def _read_csv(name: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    return parse_csv_text(data_path(name).read_text(encoding="utf-8"), f"ipanalysis/data/{name}")


def read_records(name: str) -> list[dict[str, str]]:
    """A packaged CSV reference table (comment lines start with ``#``) as one dict per row, all strings.

    Used while parsing, which does not need pandas.
    """
    header, rows = _read_csv(name)
    return [dict(zip(header, row)) for row in rows]


@lru_cache(maxsize=None)
def read_table(name: str) -> pd.DataFrame:
    """The same table as a DataFrame (all columns as strings), for the analyses."""
    import pandas as pd

    header, rows = _read_csv(name)
    return pd.DataFrame(list(rows), columns=list(header), dtype=str)
