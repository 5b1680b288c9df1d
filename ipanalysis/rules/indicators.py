"""Indicator keys shared across plans (``data/indicators.csv``) and the national benchmark
(``data/national_targets.csv``)."""

from __future__ import annotations

import re
from functools import lru_cache

from .datafiles import read_records, read_table

__all__ = ["indicator_key", "national_targets"]


@lru_cache(maxsize=1)
def _indicator_rules():
    return [(re.compile(r["pattern"]), r["unit"], r["indicator_key"]) for r in read_records("indicators.csv")]


def indicator_key(indicator: str | None, unit: str | None) -> str | None:
    if not indicator:
        return None
    for pattern, rule_unit, key in _indicator_rules():
        if pattern.search(indicator) and (not rule_unit or rule_unit == unit):
            return key
    return None


def national_targets():
    """The national 2025 targets and 2020 values (a DataFrame; numbers as floats)."""
    import pandas as pd

    table = read_table("national_targets.csv").copy()
    for col in ("baseline", "baseline_year", "value_2025"):
        table[col] = pd.to_numeric(table[col], errors="coerce")
    return table
