"""Task-table and indicator-table columns (``data/table_columns.csv`` and the labels of ``data/roles.csv``)."""

from __future__ import annotations

import re
from functools import lru_cache

from .datafiles import read_records
from .roles import match_label

__all__ = ["column_of", "column_level", "plan_column_level", "value_column_of"]


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    return {r["name"]: r["column"] for r in read_records("table_columns.csv")}


def _compact(header_cell: str) -> str:
    """A header cell without spaces and the marks around it (``* 完成时限：``)."""
    return re.sub(r"\s+", "", header_cell).strip("*＊:：")


LEVEL_PREFIX = re.compile(r"^(省|市|县|区|镇|乡)级")  # 市级牵头单位, 县级责任单位: a column of one level's units
LEVEL_ORDER = {"省": 0, "市": 1, "县": 2, "区": 2, "镇": 3, "乡": 3}


# a plan's administrative level (``DocumentMetadata.admin_level``) as the level its own columns name
ADMIN_LEVEL_ORDER = {"province": 0, "autonomous_region": 0, "municipality": 1, "prefecture_city": 1,
                     "county": 2, "district": 2, "county_city": 2, "banner": 2, "forestry_area": 2,
                     "special_district": 2, "development_zone": 2, "township": 3}


def plan_column_level(admin_level: str | None) -> int | None:
    """The level of a plan's own unit columns (a city plan's ``市级牵头单位`` -> 1), None when unknown."""
    return ADMIN_LEVEL_ORDER.get(admin_level or "")


def column_level(header_cell: str) -> int | None:
    """How low the level a column names is (``县级责任单位`` -> 2, ``市级牵头单位`` -> 1), None for none."""
    m = LEVEL_PREFIX.match(_compact(header_cell))
    return LEVEL_ORDER[m[1]] if m else None


def column_of(header_cell: str) -> str | None:
    """What a header cell names: ``number``, ``task``, a role (``lead``, ``responsible``,
    ``cooperating``) or ``deadline``; in an indicator table ``indicator``, ``indicator_unit``,
    ``target`` or ``baseline``; None for anything else."""
    name = LEVEL_PREFIX.sub("", _compact(header_cell))
    if name in _names():
        return _names()[name]
    label = match_label(name + "：")
    if label and label[1] == len(name) + 1:
        return label[0]
    return None


YEAR_IN_HEADER = re.compile(r"((?:19|20)\d{2})\s*年?(?:度|底|末)?")


def value_column_of(header_cell: str) -> tuple[str, int | None] | None:
    """What a value column of an indicator table holds: ``(target or baseline or year, its year)``
    (``2025年目标`` -> ``("target", 2025)``, ``2020年`` -> ``("year", 2020)``); None for other cells."""
    name = _compact(header_cell).strip("*＊:：()（）")
    year = YEAR_IN_HEADER.search(name)
    rest = (name[:year.start()] + name[year.end():]).strip("()（）") if year else name
    kind = _names().get(rest)
    if kind in ("target", "baseline"):
        return kind, int(year[1]) if year else None
    return ("year", int(year[1])) if year and not rest else None
