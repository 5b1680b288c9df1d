"""Task tables: a plan whose tasks are a table (序号 / 重点任务 / 牵头单位 / 配合单位 / 完成时限, one row a
task) as plain text (tab-, ``|``- or space-separated), in HTML ``<table>`` or in ``.docx`` tables.

The readers keep each table row as one line; normalisation keeps its cells (:mod:`.cells`). A header row is
found by its column names (``data/table_columns.csv`` and the list labels of ``data/roles.csv``);
each row below it becomes a numbered task item written the way plans write one, with its units
and deadline as a labelled bracket::

    1	推进专利导航	区市场监管局	区科技局、区经信局	2022年12月底前
    ->  1、推进专利导航（牵头单位：区市场监管局；配合单位：区科技局、区经信局；完成时限：2022年12月底前）

so that the outline and unit parsers read it like any other plan. The line keeps its raw line
number. Indicator tables become goal sentences (:mod:`.indicator_tables`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import islice
from dataclasses import replace

from ..rules.notes import NOTE_LABEL
from ..rules.numerals import chinese_numeral
from ..rules.outline import opens_item
from ..rules.roles import ROLES, split_first_lead_note
from ..rules.table_columns import column_level, column_of
from .cell_lines import rebuild_cell_rows
from .cells import display_width
from .indicator_tables import rewrite_indicator_tables
from .marked_columns import (UNIT_COLUMN, goals, marked_units, marked_year, sub_header, unit_columns,
                             year_columns, year_goal_columns)
from .normalise import Line

__all__ = ["rewrite_tables", "rewrite_task_tables", "rewrite_indicator_tables"]

UNIT_COLUMNS = ROLES  # a table's unit columns: 牵头单位, 责任单位, 配合单位
LABELS = {"lead": "牵头单位", "responsible": "责任单位", "cooperating": "配合单位", "deadline": "完成时限"}
CELL_JOIN = re.compile(r"(?<=[\u4e00-\u9fff)）])\s+(?=[\u4e00-\u9fff(（])")


def _header(cells: tuple[str, ...], plan_level: Callable[[], int | None]) -> dict[int, str] | None:
    """Column index -> column, when the cells are a task table's header row.

    Where unit columns name two levels (市级牵头单位 beside 县级责任单位), the columns of the plan's own
    level and below assign (a county plan's table keeps its city's leads as context only); when the
    plan's level is unknown, the lowest level's alone."""
    columns = {i: column_of(split_first_lead_note(c)[0]) for i, c in enumerate(cells)}
    columns = {i: c for i, c in columns.items() if c} | year_columns(cells) | unit_columns(cells) \
        | year_goal_columns(cells)
    levels = {i: column_level(cells[i]) for i, c in columns.items() if c in UNIT_COLUMNS}
    named = set(levels.values()) - {None}
    if len(named) > 1:
        own = plan_level()
        own = own if own is not None and own <= max(named) else max(named)
        columns = {i: c for i, c in columns.items() if levels.get(i) is None or levels[i] >= own}
    kinds = set(columns.values())
    if "task" in kinds and (kinds & set(UNIT_COLUMNS) or sum(c.startswith(UNIT_COLUMN) for c in kinds) >= 2):
        return columns
    return None


def _units(cell: str) -> str:
    """A unit cell with units on separate lines or separated by spaces joined by 、."""
    return CELL_JOIN.sub("、", cell.strip(" ，,；;。"))


SAME_AS_ABOVE = ("同上", "同前")  # a cell that repeats the cell above it


def _row_values(cells: tuple[str, ...], columns: dict[int, str], above: dict[str, str]) -> dict[str, str]:
    """Column -> the row's cell, a ``同上`` cell taking the value of the row above (``above``)."""
    values: dict[str, str] = {}
    for index, column in columns.items():
        if index < len(cells) and cells[index]:
            cell = cells[index]
            values[column] = above.get(column, "") if cell.strip(" 。.") in SAME_AS_ABOVE else cell
    return values


def _lead_notes(cells: tuple[str, ...], columns: dict[int, str]) -> dict[str, str]:
    """Column -> the first-lead note its header cell prints (``责任单位（排在第一位的为牵头单位）``), which
    every cell of the column takes."""
    notes = {}
    for index, column in columns.items():
        name, noted, _ = split_first_lead_note(cells[index])
        if noted and cells[index].startswith(name):
            notes[column] = cells[index][len(name):]
    return notes


def _task_line(line: Line, values: dict[str, str], seq: int, notes: dict[str, str] | None = None) -> Line | None:
    """The row as a numbered task item with a labelled unit bracket (None for an empty row);
    ``notes``: the first-lead notes of the unit columns' headers. A task's name from a column of
    its own (:func:`_name_column`) opens its text as its heading."""
    task = values.get("task", "").strip()
    if not task:
        return None
    name = values.get("name", "").strip().rstrip("。")
    task = f"{name}。{task}" if name and not task.startswith(name) else task
    goal = goals(values)  # 工作目标, 2025年目标: the row's goals, read with its task
    task = f"{task.rstrip('。；;')}。{goal}" if goal else task
    number = _row_number(values.get("number", ""))
    notes = notes or {}
    marked = marked_units(values)
    listed = {c: "、".join(filter(None, [_units(values.get(c, "")), *marked.get(c, [])])) for c in UNIT_COLUMNS}
    parts = [f"{LABELS[c]}：{listed[c]}{notes.get(c, '')}" for c in UNIT_COLUMNS if listed[c]]
    deadline = values.get("deadline", "").strip() or marked_year(values)
    if deadline:
        parts.append(f"{LABELS['deadline']}：{deadline}")
    bracket = f"（{'；'.join(parts)}）" if parts else ""
    if number and not number.isdigit():  # 序号 一: the item （一） of the text, which the row assigns
        return replace(line, text=f"第{number}项任务{bracket}", cells=None)
    space = " " if task[:1].isdigit() else ""  # 2、 2024年底前…: a task that opens with a year stays an item
    return replace(line, text=f"{number or seq}、{space}{task.rstrip('。；;')}{bracket}", cells=None)


# 1.…；2.… inside a cell; 3.2亿元 is a number, 2.2024年… an item that opens with a year
INLINE_NUMBER = re.compile(r"(?:^|(?<=[；;。]))\s*(\d{1,2})\s*[.．、](?!\d(?!\d{3}\s*年))")


def numbered_parts(cell: str) -> list[str]:
    """The parts of a cell that numbers them in its text (``1.…；2.…。3.…``), in order; ``[]`` when it
    does not (numbers from 1, each after a ``；`` or ``。``)."""
    marks = list(INLINE_NUMBER.finditer(cell))
    if len(marks) < 2 or marks[0].start() != 0 or [int(m[1]) for m in marks] != list(range(1, len(marks) + 1)):
        return []
    ends = [m.start() for m in marks[1:]] + [len(cell)]
    return [cell[m.end():end].strip(" ；;。") for m, end in zip(marks, ends)]


def _unit_row_tasks(line: Line, values: dict[str, str], columns: dict[int, str], notes: dict[str, str]) -> list[Line]:
    """The tasks of a row of a table by unit (its unit column before its task column: 序号 / 责任单位 /
    工作任务 / 完成时限), when its task cell numbers them (``1.…；2.…``): one task line each, with the
    row's units and, where the deadline cell numbers its deadlines the same way, its own deadline."""
    task_at = min((i for i, c in columns.items() if c == "task"), default=None)
    if task_at is None or not any(c in UNIT_COLUMNS and i < task_at for i, c in columns.items()):
        return []
    parts = numbered_parts(values.get("task", ""))
    deadlines = numbered_parts(values.get("deadline", ""))
    deadlines = deadlines if len(deadlines) == len(parts) else [values.get("deadline", "")] * len(parts)
    return [_task_line(line, {**values, "task": part, "deadline": deadline, "number": str(k)}, k, notes)
            for k, (part, deadline) in enumerate(zip(parts, deadlines), start=1)]


def _row_number(cell: str) -> str:
    """A row's 序号 in Arabic digits or Chinese numerals (``3``, ``三``, ``（三）``), else ``""``."""
    number = cell.strip().rstrip("、.．").strip("()（）")
    return number if number.isdigit() or chinese_numeral(number, "outline") else ""


def _is_row(cells: tuple[str, ...] | None, columns: dict[int, str], width: int) -> bool:
    """A data row of the table: no more cells than the header, and a number where it has one."""
    if not cells or len(cells) > width or len(cells) < 2:
        return False
    number_at = next((i for i, c in columns.items() if c == "number"), None)
    return number_at is None or (number_at < len(cells) and bool(_row_number(cells[number_at])))


def _under_merged_cells(cells: tuple[str, ...] | None, columns: dict[int, str], width: int) -> bool:
    """Whether a line is a row under merged cells: the table numbers its rows, this one leaves its
    number (and the cells of the group it belongs to) blank, as an export prints a merged 序号 or
    反馈问题 cell on the first row of its group only, and fills its task and a unit or deadline cell
    (a cell's wrapped text alone fills no more than one)."""
    if not cells or len(cells) > width:
        return False
    filled = {c for i, c in columns.items() if i < len(cells) and cells[i].strip()}
    return ("number" in columns.values() and "number" not in filled and "task" in filled
            and bool(filled & {*UNIT_COLUMNS, "deadline"}))


def _merged_values(cells: tuple[str, ...], columns: dict[int, str], above: dict[str, str]) -> dict[str, str]:
    """A row's cells under merged cells: those left of its task cell that it leaves blank (the number,
    the group's name) are the row above's; the others its own."""
    task_at = min(i for i, c in columns.items() if c == "task")
    merged = {c: above[c] for i, c in columns.items() if i < task_at and c in above}
    return merged | _row_values(cells, columns, above)


def _wrapped_cells(line: Line, header: Line, columns: dict[int, str]) -> dict[str, str] | None:
    """Column -> text, when ``line`` holds only the wrapped rest of the row above's cells: every
    piece starts under a column of the header (give or take one), none under the number column,
    and fits in its column's width; a line that opens a numbered item is none (一、保障措施)."""
    if not line.pieces or not header.pieces or opens_item(line.text):
        return None
    starts = [column for column, _ in header.pieces]
    out: dict[str, str] = {}
    for column, text in line.pieces:
        index = next((i for i, start in enumerate(starts) if abs(start - column) <= 1), None)
        if index is None or columns.get(index) in (None, "number"):
            return None
        if index + 1 < len(starts) and display_width(text) > starts[index + 1] - starts[index]:
            return None  # longer than its column: a paragraph of text, not a wrapped cell
        out[columns[index]] = out.get(columns[index], "") + text
    return out


def _rest_of_row(cells: tuple[str, ...] | None, columns: dict[int, str], width: int) -> bool:
    """Whether the first row under a repeated header is the rest of the row a page break split: no
    number where the table numbers its rows, no more cells than the header."""
    number_at = next((i for i, c in columns.items() if c == "number"), None)
    return (bool(cells) and len(cells) <= width and number_at is not None
            and not (cells[number_at] if number_at < len(cells) else "").strip())


def _joined_values(above: dict[str, str], rest: dict[str, str]) -> dict[str, str]:
    """A row's cells with the rest a page break carried over: text joined, units joined by 、."""
    out = dict(above)
    for column, text in rest.items():
        before = out.get(column, "")
        joint = "、" if column in UNIT_COLUMNS and before and not before.endswith(("、", "，", ",", "；")) else ""
        out[column] = before + joint + text
    return out


def _ends_table(line: Line, max_gap_chars: int) -> bool:
    """Whether a line that is no row ends the table: a longer line of text, not a note under it
    (short lines between rows name a group of tasks)."""
    return len(line.text) > max_gap_chars and not NOTE_LABEL.match(line.text)


def _name_column(columns: dict[int, str], below: Iterable[Line], width: int, max_gap_chars: int,
                 min_distinct: float = 0.75) -> dict[int, str]:
    """The header's columns, the left of two task columns made the ``name`` of each row's task when
    every row of the table fills it, nearly always with a name of its own (``重点任务`` 实施高价值专利
    培育工程 beside ``具体措施`` 1.…2.…); a left column that names a group of rows (printed on its
    first row only, or merged over its rows) is left out."""
    tasks = sorted(i for i, c in columns.items() if c == "task")
    if len(tasks) < 2:
        return columns
    rows = []
    for line in below:
        if line.cells and _is_row(line.cells, columns, width):
            rows.append(line.cells)
        elif _ends_table(line, max_gap_chars):
            break
    names = [cells[tasks[0]].strip() if tasks[0] < len(cells) else "" for cells in rows]
    named = bool(names) and all(names) and len(set(names)) >= min_distinct * len(names)
    return {**columns, tasks[0]: "name"} if named else columns


def rewrite_task_tables(lines: list[Line], max_gap_chars: int = 40,
                        plan_level: Callable[[], int | None] = lambda: None) -> list[Line]:
    """The lines with every task table's rows rewritten as numbered task items; ``plan_level``
    gives the level of the plan's own unit columns (:func:`.rules.table_columns.plan_column_level`),
    asked only of a table whose unit columns name two levels.

    A table goes on over short lines between its rows (a merged row that names a group of tasks);
    a longer line of text ends it.
    """
    out: list[Line] = []
    columns: dict[int, str] | None = None
    above: dict[str, str] = {}  # the cells of the row above, for 同上
    row = header_line = None  # the last row written and its table's header, for wrapped cells
    width = seq = 0
    notes: dict[str, str] = {}  # the first-lead notes of the header's unit columns
    page_break = False  # the header was repeated after the last row: the next row may end that row
    for k, line in enumerate(lines):
        if header_line is not None and line.cells == header_line.cells:  # 续表: the header again on a new page
            page_break = row is not None
            continue
        if page_break and columns is not None and _rest_of_row(line.cells, columns, width):
            above = _joined_values(above, _row_values(line.cells, columns, {}))
            out[-1], page_break = _task_line(row, above, seq, notes), False
            continue
        page_break = False
        header = _header(line.cells, plan_level) if line.cells else None
        if header:
            header = _name_column(header, islice(lines, k + 1, None), len(line.cells), max_gap_chars)
            columns, width, seq, above, header_line, row = header, len(line.cells), 0, {}, line, None
            notes = _lead_notes(line.cells, header)
            continue
        years = sub_header(line.cells, columns) if columns is not None and seq == 0 else None
        if years:
            columns, width = years, max(width, len(line.cells))
            continue
        merged = columns is not None and row is not None and _under_merged_cells(line.cells, columns, width)
        if merged or columns is not None and _is_row(line.cells, columns, width):
            seq += 1
            above = _merged_values(line.cells, columns, above) if merged else _row_values(line.cells, columns, above)
            tasks = _unit_row_tasks(line, above, columns, notes) or [_task_line(line, above, seq, notes)]
            if tasks[0] is not None:
                out.extend(tasks)
                row = line
            continue
        wrapped = _wrapped_cells(line, header_line, columns) if columns is not None and row else None
        if wrapped:  # the row's cells go on on this line (a PDF's table): the row again, with them
            above = {c: above.get(c, "") + wrapped.get(c, "") for c in {*above, *wrapped}}
            out[-1] = _task_line(row, above, seq, notes)
            continue
        row = None
        if columns is not None and _ends_table(line, max_gap_chars):
            columns = None
        out.append(line)
    return out


def rewrite_tables(lines: list[Line], plan_level: Callable[[], int | None] = lambda: None) -> list[Line]:
    """The lines with task tables and indicator tables rewritten as plans print tasks and goals (a
    task table printed one cell a line made one line a row first: :mod:`.cell_lines`)."""
    return rewrite_indicator_tables(rewrite_task_tables(rebuild_cell_rows(lines), plan_level=plan_level))
