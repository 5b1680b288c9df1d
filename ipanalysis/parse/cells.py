"""The cells of a line that is a table row: tab-, ``|``- or space-separated (two spaces or more)."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["split_cells", "cell_starts", "display_width"]

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
