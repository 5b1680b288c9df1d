"""Canonical agencies: unit names from any region mapped to agency families shared across regions.

The mapping is the reference file ``ipanalysis/data/agencies.csv`` (ordered regular expressions,
first match wins). A unit that no row matches gets ``agency = "other"`` with
``agency_source = "unmapped"``, and the build reports its name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

from .datafiles import read_records, read_table

__all__ = ["agency_table", "agency_labels", "map_agency", "annotate", "UNMAPPED"]

UNMAPPED = ("other", "其他单位", "Other units")


@lru_cache(maxsize=1)
def _rules() -> list[tuple[re.Pattern, str, str, str]]:
    return [(re.compile(r["pattern"]), r["agency"], r["agency_zh"], r["agency_en"])
            for r in read_records("agencies.csv")]


def agency_table() -> pd.DataFrame:
    """One row per agency family: ``agency``, ``agency_zh``, ``agency_en`` (in file order)."""
    import pandas as pd

    table = read_table("agencies.csv")
    labels = table.drop_duplicates("agency")[["agency", "agency_zh", "agency_en"]]
    extra = pd.DataFrame([dict(zip(["agency", "agency_zh", "agency_en"], UNMAPPED))])
    return pd.concat([labels, extra], ignore_index=True)


def agency_labels(lang: str = "en") -> dict[str, str]:
    table = agency_table()
    return dict(zip(table.agency, table["agency_zh" if lang == "zh" else "agency_en"]))


@lru_cache(maxsize=4096)
def map_agency(unit: str) -> tuple[str, str, str, str]:
    """``(agency, agency_zh, agency_en, source)`` of one unit name."""
    for pattern, agency, zh, en in _rules():
        if pattern.search(unit):
            return agency, zh, en, "lexicon"
    return (*UNMAPPED, "unmapped")


def annotate(rows: list[dict]) -> None:
    """Add ``agency``, ``agency_zh``, ``agency_en`` and ``agency_source`` to assignment rows."""
    for row in rows:
        row["agency"], row["agency_zh"], row["agency_en"], row["agency_source"] = map_agency(row["unit"])
