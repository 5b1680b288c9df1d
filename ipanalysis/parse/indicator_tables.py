"""Indicator tables (序号 / 指标名称 / 2023年基数 / 2025年目标 / 指标属性): each row becomes the sentence a
goal section would print, so that the target reader finds the target and never the baseline::

    1	每万人口高价值发明专利拥有量（件）	21.3	26	预期性
    ->  每万人口高价值发明专利拥有量到2025年达到26件
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..rules.table_columns import column_of, value_column_of
from ..rules.target_words import target_units
from .normalise import Line

__all__ = ["rewrite_indicator_tables"]

UNIT_IN_NAME = re.compile(r"[(（]\s*([^()（）]{1,8}?)\s*[)）]\s*$")
# 1500, ≥85, 55%, 1500以上; 〔60〕 (a five-year total, as plans' indicator tables bracket it)
LEADING_NUMBER = re.compile(r"^[≥>＞]?\s*(?:[〔［\[]\s*(?=[\d.]+\s*[〕］\]]))?(\d+(?:\.\d+)?)\s*[〕］\]]?\s*(.*)$")


def _indicator_header(cells: tuple[str, ...]) -> tuple[int, int | None, int, int | None] | None:
    """``(indicator column, unit column, target column, target year)`` of an indicator table's header."""
    names = {column_of(c): i for i, c in enumerate(cells)}
    if "indicator" not in names:
        return None
    values = {i: found for i, c in enumerate(cells) if (found := value_column_of(c))}
    targets = [i for i, (kind, _) in values.items() if kind == "target"]
    years = sorted((year, i) for i, (kind, year) in values.items() if kind == "year")
    column = targets[-1] if targets else (years[-1][1] if years else None)
    if column is None:
        return None
    return names["indicator"], names.get("indicator_unit"), column, values[column][1]


def _goal_line(line: Line, cells: tuple[str, ...], header: tuple) -> Line | None:
    """An indicator table's row as a goal sentence (None for a row without a number)."""
    name_at, unit_at, value_at, year = header
    if max(name_at, value_at) >= len(cells):
        return None
    name, value = cells[name_at].strip(), LEADING_NUMBER.match(cells[value_at].strip())
    if not name or not value:
        return None
    unit = cells[unit_at].strip() if unit_at is not None and unit_at < len(cells) else ""
    in_name = UNIT_IN_NAME.search(name)
    if in_name:
        name, unit = name[:in_name.start()].strip(), unit or in_name[1]
    rest, unit = value[2].strip(), unit.split("/")[0]
    if rest in target_units():  # 55% in the cell
        rest, unit = "", rest
    when = f"到{year}年" if year else ""
    return replace(line, text=f"{name}{when}达到{value[1]}{unit}{rest}", cells=None)  # 1500以上 keeps 以上


def rewrite_indicator_tables(lines: list[Line]) -> list[Line]:
    """The lines with every indicator table's rows rewritten as goal sentences (the header dropped)."""
    out: list[Line] = []
    header = None
    for line in lines:
        found = _indicator_header(line.cells) if line.cells else None
        if found:
            header = found
            continue
        if header is not None and line.cells:
            goal = _goal_line(line, line.cells, header)
            out.append(goal if goal is not None else line)
            continue
        header = None  # a line that is no row ends the table (附件2, a title, a paragraph)
        out.append(line)
    return out
