"""The cells of a line that is a table row: tab-, ``|``- or space-separated (two spaces or more)."""

from __future__ import annotations

import re

__all__ = ["split_cells"]

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
