"""A task table copied out of a PDF viewer one cell a line, made one line a row again::

    序号 / 重点任务 / 牵头单位 / 配合单位 / 完成时限          (the header, a column name a line)
    一、创造提质工程                                        (a merged row naming a group, kept as printed)
    1 / 实施高价值专利培育工程，支持… / …组合。 / 县市场监管局 / 县科技局、县经信局 / 2024年12月底前
    2 / …

-> ``序号	重点任务	牵头单位	配合单位	完成时限`` and ``1	实施高价值专利培育工程，支持…组合。	县市场监管局	…``,
which :mod:`.tables` then reads as any task table. A row opens with its number (the one after the
row before); its last cells are one line each, and the task's text takes the lines between (a long
cell the PDF broke over two lines). A row that does not fit is left as it was printed.
"""

from __future__ import annotations

from dataclasses import replace

from ..rules.outline import opens_item
from ..rules.roles import ROLES
from ..rules.table_columns import column_of
from .normalise import Line

__all__ = ["rebuild_cell_rows"]

MAX_HEADER_CELL = 8  # characters of a column name printed alone on its line
MAX_WRAPS = 3  # lines a task cell may be broken over


def rebuild_cell_rows(lines: list[Line]) -> list[Line]:
    """The lines with each table printed one cell a line rebuilt as one line a row, with its cells."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        columns = _header_block(lines, k)
        if not columns:
            out.append(lines[k])
            k += 1
            continue
        header = lines[k:k + len(columns)]
        out.append(replace(header[0], text="\t".join(columns), cells=tuple(columns)))
        k += len(columns)
        rows, k = _rows(lines, k, len(columns))
        out.extend(rows)
    return out


def _header_block(lines: list[Line], k: int) -> list[str] | None:
    """The column names of a header printed a name a line from ``lines[k]``: three or more, the
    first the number, a task and a unit column among them, and a row number 1 after them."""
    names, kinds = [], []
    for line in lines[k:k + 12]:
        text = line.text.strip()
        kind = column_of(text) if line.cells is None and len(text) <= MAX_HEADER_CELL else None
        if not kind:
            break
        names.append(text)
        kinds.append(kind)
    if (len(names) < 3 or kinds[0] != "number" or "task" not in kinds[1:2]
            or not set(ROLES) & set(kinds)):
        return None
    after = k + len(names)
    after += _is_group_line(lines, after, 1)
    return names if after < len(lines) and lines[after].text.strip() == "1" else None


def _is_group_line(lines: list[Line], k: int, number: int) -> bool:
    """Whether ``lines[k]`` names a group of rows (a merged row printed alone: ``一、知识产权创造提质
    工程``) right before the row numbered ``number``."""
    return (k + 1 < len(lines) and opens_item(lines[k].text) and lines[k].text.strip() != str(number)
            and lines[k + 1].text.strip() == str(number))


def _rows(lines: list[Line], k: int, width: int) -> tuple[list[Line], int]:
    """The rows from ``lines[k]`` (each opening with its number) as lines with cells, and where
    the table ends: at a line that is not the next row's number after a full row, or opens an item.
    The last row, which no number follows, takes no more lines than the longest row before it (the
    page's links after the table are no cells of it)."""
    rows, number, longest = [], 1, width  # longest: the most lines a row of this table took
    while k < len(lines) and (lines[k].text.strip() == str(number) or _is_group_line(lines, k, number)):
        if _is_group_line(lines, k, number):  # kept as printed, between the rows of its group
            rows.append(lines[k])
            k += 1
        end = k + 1
        while end < len(lines) and lines[end].text.strip() != str(number + 1) \
                and end - k < width + MAX_WRAPS and not opens_item(lines[end].text):
            end += 1
        ended = end == len(lines) or lines[end].text.strip() == str(number + 1) or opens_item(lines[end].text)
        end = end if ended else min(end, k + longest)  # the last row: no longer than the rows before it
        longest = max(longest, end - k)
        cells = _cells(lines[k:end], width)
        if cells is None:
            return rows, k  # the rest is printed as it was
        rows.append(replace(lines[k], text="\t".join(cells), cells=cells))
        k, number = end, number + 1
    return rows, k


def _cells(row: list[Line], width: int) -> tuple[str, ...] | None:
    """The cells of one row: its number, the task's text (the lines between), one line a cell after."""
    texts = [line.text.strip() for line in row]
    rest = width - 2  # the cells after the task's
    if len(texts) < width:
        return None
    return (texts[0], "".join(texts[1:len(texts) - rest]), *texts[len(texts) - rest:])
