"""Outline numbering styles (``data/outline_styles.csv``): recognising a numbered line.

Used by the outline parser (which item nests under which) and by the PDF reader (a line that opens
a numbered item never continues the line before it).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .datafiles import read_records
from .numerals import numeral_chars

__all__ = ["styles", "style_rank", "match_item", "strip_number", "opens_item"]


@lru_cache(maxsize=1)
def styles() -> tuple[tuple[str, int, re.Pattern, str], ...]:
    """``(style, rank, compiled pattern, printed template)`` per style, top of the hierarchy first."""
    num = numeral_chars("outline")
    return tuple((r["style"], int(r["rank"]), re.compile(r["pattern"].format(num=num)), r["printed"])
                 for r in read_records("outline_styles.csv"))


@lru_cache(maxsize=1)
def style_rank() -> dict[str, int]:
    return {style: rank for style, rank, _, _ in styles()}


@lru_cache(maxsize=1 << 14)  # the outline, the unit finder and the rows read the same lines again
def match_item(text: str) -> tuple[str, str, str] | None:
    """``(style, number as printed, rest)`` when the line opens a numbered item."""
    for style, _, pattern, printed in styles():
        m = pattern.match(text)
        if m:
            groups = m.groupdict()
            sep = (groups.get("sep") or "").strip()
            return style, printed.format(num=m["num"], sep=sep), m["rest"]
    return None


def strip_number(text: str) -> str:
    found = match_item(text)
    return found[2] if found else text


def opens_item(text: str) -> bool:
    """Whether a line (leading spaces allowed) opens a numbered item of any style."""
    return match_item(text.lstrip()) is not None
