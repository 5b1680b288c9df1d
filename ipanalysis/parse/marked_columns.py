"""A task table's columns read by their marks: a responsibility matrix's unit columns (★ where a unit
leads, √ where it helps), a schedule's year or month columns (a mark under each year of work, the last
its deadline) and a table's goal columns of one year (2024年目标 …). Each is kept in a row's values
under its prefix (``unit:`` ``year:`` ``goal:``) and read back by :func:`marked`."""

from __future__ import annotations

import re

from ..rules.organisations import ends_like_unit, is_collective_name
from ..rules.roles import role_words
from ..rules.table_columns import column_of, value_column_of
from .unit_groups import TRAILING_ALIAS

UNIT_COLUMN = "unit:"  # a responsibility matrix's column of one unit (★ where it leads, √ where it helps)
MARKS = {"★": "lead", "☆": "lead"}  # any other mark (√ ● ✓ ○ ▲) or word: cooperating, unless a role word


def unit_columns(cells: tuple[str, ...]) -> dict[int, str]:
    """Column index -> ``unit:`` and the unit, for the header cells of a responsibility matrix that
    name one unit each (``县市场监管局``, ``各乡镇（街道）``)."""
    named = {i: c.strip() for i, c in enumerate(cells) if column_of(c) is None and len(c.strip()) <= 20}
    return {i: UNIT_COLUMN + name for i, name in named.items()
            if ends_like_unit(name) or is_collective_name(TRAILING_ALIAS.sub("", name))}  # 各乡镇（街道）


def marked_units(values: dict[str, str]) -> dict[str, list[str]]:
    """Role -> the units a responsibility matrix's row marks, in column order."""
    out: dict[str, list[str]] = {}
    for unit, mark in marked(values, UNIT_COLUMN):
        out.setdefault(MARKS.get(mark) or role_words().get(mark, "cooperating"), []).append(unit)
    return out


MONTH_HEADER = re.compile(r"^\s*(?:1[0-2]|[1-9])\s*月份?\s*$")  # an annual plan's schedule by month: 1月 … 12月
YEAR_COLUMN = "year:"  # a schedule's year column (2024年 / 2025年 / 2026年, a mark under each year of work)
NOT_MARKED = ("", "—", "-", "/", "／", "×", "✗", "无", "否")


def marked(values: dict[str, str], prefix: str) -> list[tuple[str, str]]:
    """``(what the column names, its cell)`` of a row's filled cells in the columns named with
    ``prefix`` (a unit's, a year's or a month's, a year's goals), in column order."""
    return [(column[len(prefix):], cell.strip()) for column, cell in values.items()
            if column.startswith(prefix) and cell.strip() not in NOT_MARKED]


def year_columns(cells: tuple[str, ...]) -> dict[int, str]:
    """Column index -> ``year:`` and the year as printed, for the cells of a header row (or of the
    second row of a two-row header) that name a year alone (``2024年``) or a month (``10月``)."""
    return {i: YEAR_COLUMN + c.strip() for i, c in enumerate(cells)
            if (value_column_of(c) or ("",))[0] == "year" or MONTH_HEADER.match(c)}


GOAL_OF_YEAR = "goal:"  # a task table's column of one year's goals (2024年目标 / 2025年目标 …)


def year_goal_columns(cells: tuple[str, ...]) -> dict[int, str]:
    """Column index -> ``goal:`` and the year, for a task table's header cells of one year's goals."""
    return {i: f"{GOAL_OF_YEAR}{found[1]}年" for i, c in enumerate(cells)
            if (found := value_column_of(c)) and found[0] == "target" and found[1]}


def goals(values: dict[str, str]) -> str:
    """A row's goals: its 工作目标 cell, then each year's (``到2025年达到2000件``), read with its task."""
    years = [f"到{year}{goal}" for year, goal in marked(values, GOAL_OF_YEAR)]
    return "；".join(filter(None, [values.get("goal", "").strip().rstrip("。；;"), *years]))


def sub_header(cells: tuple[str, ...] | None, columns: dict[int, str]) -> dict[int, str] | None:
    """The header's columns with a second header row's years in place (``进度安排`` over ``2024年 2025年
    2026年``), when ``cells`` is that row: only years, none under a column of the first row but the
    schedule's."""
    years = year_columns(cells) if cells else {}
    filled = {i for i, c in enumerate(cells or ()) if c.strip()}
    if not years or filled - set(years) or any(columns.get(i) not in (None, "deadline") for i in years):
        return None
    return {i: c for i, c in columns.items() if c != "deadline" or i < min(years)} | years


def marked_year(values: dict[str, str]) -> str:
    """The year of a schedule's last column that marks the row (``√``, ``●``, a word): its deadline."""
    years = marked(values, YEAR_COLUMN)
    return years[-1][0] if years else ""
