"""Outline numbering styles (``data/outline_styles.csv``): recognising a numbered line.

Used by the outline parser (which item nests under which) and by the PDF reader (a line that opens
a numbered item never continues the line before it).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .datafiles import read_records
from .numerals import chinese_numeral, numeral_chars

__all__ = ["styles", "style_rank", "point_rank", "match_item", "strip_number", "opens_item", "item_value",
           "referenced_items", "item_segments", "REFERENCE"]


@lru_cache(maxsize=1)
def styles() -> tuple[tuple[str, float, re.Pattern, str], ...]:
    """``(style, rank, compiled pattern, printed template)`` per style, top of the hierarchy first."""
    num = numeral_chars("outline")
    return tuple((r["style"], float(r["rank"]), re.compile(r["pattern"].format(num=num)), r["printed"])
                 for r in read_records("outline_styles.csv"))


@lru_cache(maxsize=1)
def style_rank() -> dict[str, float]:
    return {style: rank for style, rank, _, _ in styles()}


LETTERED_POINTS = ("letter_paren", "paren_letter")  # a) …, (a) …
POINT_STEP = 0.5  # between (1) and ①


def point_rank(style: str, rank: float, above: tuple[str, float] | None) -> float:
    """The rank of an item of ``style`` (of ``rank``) below the item ``above`` (its style and rank):
    a lettered point (``a)``, ``(a)``) under a numbered item of its own rank (``1)`` over ``a)``, as a
    clerk types a list in half-width) ranks just below that item, as its point, and the next point
    of its list as the one before; anywhere else (lettered tasks under a ``（一）`` heading) an item
    takes the rank of its style."""
    if style not in LETTERED_POINTS or above is None:
        return rank
    above_style, above_rank = above
    if above_style in LETTERED_POINTS:
        return above_rank
    return rank + POINT_STEP if above_rank == rank else rank


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


# a line that assigns tasks by their numbers: 第(一)、(二)项任务由…, 第(四)至(六)项任务…, 第1—3项由…
_NUMBER = r"\(?(?:\d{1,2}|[一二三四五六七八九十]{1,3})\)?"
_LISTED = rf"{_NUMBER}\s*(?:[、,，和及]|至|到|[—–\-~～])?\s*"  # one number of a run (1、 / (四)至)
_TASKS = rf"第\s*((?:{_LISTED})+?)\s*项(?:任务|工作|措施)?\s*"
REFERENCE = re.compile(rf"^\s*{_TASKS}")
TASK_NUMBERS = re.compile(_TASKS)  # …完成第1、2项任务: anywhere in a line
_RANGE = re.compile(rf"({_NUMBER})\s*(?:至|到|[—–\-~～])\s*({_NUMBER})")
# a part of a field line that gives some of the items above it their share: 措施1、2由A牵头…, 第3项2024年6月底前
_SEGMENT = re.compile(rf"^\s*(?:第|措施|任务)\s*((?:{_LISTED})+)\s*"
                      r"(?:项(?:任务|工作|措施)?|条)?\s*(?=\S)")


def item_value(number: str) -> tuple[bool, bool, int] | None:
    """``(in brackets, in Arabic digits, value)`` of an item number as printed (``(十一)`` ->
    ``(True, False, 11)``, ``(1)`` -> ``(True, True, 1)``), None for a number of another kind."""
    core = number.strip("()")
    value = int(core) if core.isdigit() else chinese_numeral(core, "outline")
    return (number.startswith("("), core.isdigit(), value) if value else None


def referenced_items(text: str) -> list[tuple[bool, bool, int]] | None:
    """The items a line assigns by number, as :func:`item_value` gives them (``第(四)至(六)项任务由…``
    -> (四), (五), (六)); None when the line opens with no such reference."""
    m = REFERENCE.match(text)
    return _values(m[1]) if m else None


def item_segments(content: str) -> list[tuple[list[int], str]] | None:
    """A field's content split among the items above it by their numbers (``措施1、2由A牵头，B配合；措施3由C负责``
    -> ``[([1, 2], "由A牵头，B配合"), ([3], "由C负责")]``, ``第1项立行立改；第2项2024年6月底前完成``), or None
    unless every part the content's ``；`` divide names its items so."""
    segments = []
    for part in re.split(r"[;；]", content.strip().rstrip("。")):
        m = _SEGMENT.match(part)
        values = _values(m[1]) if m else None
        if not values:
            return None
        segments.append(([value for *_, value in values], part[m.end():]))
    return segments if len(segments) > 1 else None


def _values(numbers: str) -> list[tuple[bool, bool, int]] | None:
    """The item values of a run of numbers (``(四)至(六)``, ``1、2``), None if one is no item number."""
    refs: list[tuple[bool, bool, int]] = []
    for part in re.split(r"[、,，和及]", numbers):
        ends = _RANGE.fullmatch(part.strip())
        values = [item_value(n.strip()) for n in (ends.groups() if ends else [part.strip()])]
        if any(v is None for v in values):
            return None
        first, last = values[0], values[-1]
        refs.extend((*first[:2], v) for v in range(first[2], last[2] + 1))
    return refs or None
