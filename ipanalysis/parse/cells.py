"""The cells of a line that is a table row: tab-, ``|``- or space-separated (two spaces or more), a
record of a spreadsheet saved as CSV, or a row of a grid table (pandoc's, each row over several lines)."""

from __future__ import annotations

import csv
import re
import unicodedata

from ..rules.roles import ROLES
from ..rules.table_columns import column_of

__all__ = ["split_cells", "cell_starts", "display_width", "csv_rows", "grid_rows", "key_value"]

_PIPES = re.compile(r"\s*[|｜]\s*")
_SPACES = re.compile(r"[ \u3000\u00a0]{2,}")


def split_cells(line: str) -> tuple[str, ...] | None:
    """The cells of a line that is a table row (three cells or more), else None."""
    if "\t" in line:
        cells = line.split("\t")
    elif "|" in line or "｜" in line:
        cells = _PIPES.split(line.strip().strip("|｜"))
    elif not _SPACES.search(line):  # no separator at all (most lines): one cell, no table row
        return None
    else:
        cells = _SPACES.split(line.strip())
    cells = [c.strip() for c in cells]
    while cells and not cells[-1]:
        cells.pop()
    return tuple(cells) if len(cells) >= 3 else None


KEY_CELL = re.compile(r"^\s*([\u4e00-\u9fff]{2,8})\t+(?=\S)")  # 牵头单位<TAB>区市场监管局


def key_value(line: str) -> str:
    """A two-column table's row of a key and its value (a task's own small table, ``牵头单位<TAB>区市场
    监管局``, ``任务一<TAB>加快高价值专利培育``) as the labelled field plans print (``牵头单位：区市场监管局``);
    other lines as they are."""
    m = KEY_CELL.match(line) if "\t" in line else None
    return f"{m[1]}：{line[m.end():].strip()}" if m and "\t" not in line[m.end():].strip() else line


_RUN = re.compile(r"\S+(?: \S+)*")  # a piece of a space-aligned line: words with single spaces inside


def display_width(text: str) -> int:
    """Display width: a Chinese character or full-width sign takes two columns, as a PDF's text
    layer and a monospaced editor lay them out."""
    return sum(2 if unicodedata.east_asian_width(c) in "WFA" else 1 for c in text)


def cell_starts(line: str) -> tuple[tuple[int, str], ...] | None:
    """``(display column, text)`` of each piece of a space-aligned line (pieces two or more spaces
    apart), for the rows and the continuation lines of a table a PDF's text laid out by columns;
    None for a line with a tab or ``|``, or one with neither indentation nor a wide gap."""
    if "\t" in line or "|" in line or "｜" in line:
        return None
    expanded = line.replace("\u3000", "  ").replace("\u00a0", " ")
    if not (expanded.startswith("  ") or "  " in expanded.strip()):
        return None
    return tuple((display_width(expanded[:m.start()]), m.group()) for m in _RUN.finditer(expanded))


MAX_HEADER_CHARS, MAX_NAME_CHARS = 160, 16  # a header row is short, and so are its column names
_CSV_TITLE = re.compile(r"^[^,\"]+,{2,}$")  # a sheet's title row: its text, then the empty cells


def _is_csv_header(line: str, delimiter: str = ",") -> bool:
    """Whether a line is the header row of a task table saved as CSV: three fields or more, two of
    them column names (序号,重点任务,牵头单位,…)."""
    if line.count(delimiter) < 2 or len(line) > MAX_HEADER_CHARS:
        return False
    fields = [f for f in next(csv.reader([line], delimiter=delimiter)) if f.strip()]
    return (len(fields) >= 3 and all(len(f) <= MAX_NAME_CHARS for f in fields)  # names, not prose
            and sum(column_of(f) is not None for f in fields) >= 2)


UNIT_BREAK = re.compile(r"(?<![、，,；;/])\s*\n\s*")  # a unit cell's units one a line: 管委会\n各乡镇人民政府


def _record_line(fields: list[str], unit_columns: set[int] = frozenset()) -> str:
    """A CSV record as one line: its cells tab-separated (a cell's line breaks removed: the sheet
    wrapped it; in a unit column, ``unit_columns``, one between two names is a 、), empty cells at the
    end dropped; a record of one cell is that cell's text."""
    cells = [(UNIT_BREAK.sub("、", f.strip()) if i in unit_columns else f).replace("\r", "").replace("\n", "")
             .strip() for i, f in enumerate(fields)]
    while cells and not cells[-1]:
        cells.pop()
    return "\t".join(cells)


def csv_rows(lines: list[str]) -> list[tuple[int, str]]:
    """``(1-based number of the first line, line)`` of ``lines``, where each record of a task table
    saved as CSV (a spreadsheet posted as text: a header row of task-table columns, comma-separated
    cells, a cell with a comma or a line break in double quotes) is one tab-separated line
    (:func:`split_cells` reads it as a row), its sheet's title row (``标题,,,,,``) the title alone.
    The table ends at the first record of fewer than three fields (a line of prose). A sheet saved
    tab-separated (or copied) with its quoted cells (``\t"…""霍山石斛""…``) is read the same way."""
    delimiter = "," if any(map(_is_csv_header, lines)) else "\t" if any('\t"' in line for line in lines) else ""
    if not delimiter or delimiter == "\t" and not any(_is_csv_header(line, "\t") for line in lines):
        return list(enumerate(lines, start=1))
    out, k = [], 0
    while k < len(lines):
        if not _is_csv_header(lines[k], delimiter):
            out.append((k + 1, lines[k]))
            k += 1
            continue
        if out and _CSV_TITLE.match(out[-1][1]):
            out[-1] = (out[-1][0], out[-1][1].rstrip(","))
        reader = csv.reader((line + "\n" for line in lines[k:]), delimiter=delimiter)
        start = k
        for fields in reader:
            if len(fields) < 3:
                break
            if start == k:  # the header: which columns hold units
                units_at = {i for i, name in enumerate(fields) if column_of(name) in ROLES}
            out.append((start + 1, _record_line(fields, units_at)))
            start = k + reader.line_num
        k = start
    return out


# +----+------+ (+====+ under the header), or drawn in box-drawing characters (┌──┬──┐ ├──┼──┤ └──┴──┘)
GRID_BORDER = re.compile(r"^\s*[+┌├└╔╠╚┏┣┗╒╞╘][-=:+─━═┬┼┴╤╪╧╦╬╩┳╋┻]*[+┐┤┘╗╣╝┓┫┛╕╡╛]\s*$")
GRID_WALL = re.compile(r"[|│┃║]")  # between a grid row's cells


def _grid_cell(pieces: list[str]) -> str:
    """A grid table cell's text from its lines: joined as wrapped (Chinese has no spaces between the
    words), its paragraphs (an empty line between them) one space apart."""
    return " ".join("".join(run.split("\n")) for run in "\n".join(pieces).split("\n\n") if run.strip())


def _grid_line(cells: list[list[str]]) -> str:
    return "\t".join(map(_grid_cell, cells))


def grid_rows(lines: list[str]) -> list[tuple[int, str]]:
    """``(1-based number of the first line, line)`` of ``lines``, where each row of a grid table
    (``+---+---+`` borders, ``|`` between the cells, each cell's text wrapped over the row's lines,
    as pandoc writes a Word table; or drawn ``┌─┬─┐`` ``│`` as a web page's ``<pre>`` block) is one
    tab-separated line, traced to its first line."""
    if not any(map(GRID_BORDER.match, lines)):
        return list(enumerate(lines, start=1))
    out, cells, first = [], None, 0
    for k, line in enumerate(lines):
        if GRID_BORDER.match(line):
            if cells is not None:
                out.append((first + 1, _grid_line(cells)))
            cells = None
        elif GRID_WALL.match(line.lstrip()) and (cells is not None or k and GRID_BORDER.match(lines[k - 1])):
            parts = GRID_WALL.split(line.strip())[1:-1] if GRID_WALL.match(line.strip()[-1:]) \
                else GRID_WALL.split(line.strip())[1:]
            if cells is None:
                cells, first = [[] for _ in parts], k
            for column, part in zip(cells, parts):
                column.append(part.strip())
        else:
            if cells is not None:  # a row left open: what it holds so far
                out.append((first + 1, _grid_line(cells)))
                cells = None
            out.append((k + 1, line))
    if cells is not None:
        out.append((first + 1, _grid_line(cells)))
    return out
