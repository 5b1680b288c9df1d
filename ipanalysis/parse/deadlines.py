"""Deadlines of measures: whether a text reads as a deadline, and the date or schedule it means."""

from __future__ import annotations

import calendar
import re

from ..rules.organisations import mentions_organisation

__all__ = ["looks_like_deadline", "parse_deadline"]

DEADLINE_RE = re.compile(
    r"(\d{4}\s*年|\d{1,2}\s*月|底前|年底|年内|完成|持续推进|长期坚持|长期推进|持续开展|常态化|每年)"
)
ONGOING_RE = re.compile(r"(持续|长期|常态化|每年)")


def looks_like_deadline(text: str) -> bool:
    """A part of a unit bracket that is a date or schedule, not more units (``2021年12月底前完成``)."""
    return bool(DEADLINE_RE.search(text)) and not mentions_organisation(DEADLINE_RE.sub("", text))


def parse_deadline(deadline: str | None) -> tuple[str | None, bool]:
    """``(ISO date or None, ongoing)`` of a deadline as printed."""
    if not deadline:
        return None, False
    ongoing = bool(ONGOING_RE.search(deadline))
    m = re.search(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?", deadline)
    if m:
        year, month = int(m[1]), int(m[2])
        day = int(m[3]) if m[3] else calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-{day:02d}", ongoing
    m = re.search(r"(\d{4})\s*年\s*(?:底|末|内|年底)", deadline)
    if m:
        return f"{int(m[1]):04d}-12-31", ongoing
    return None, ongoing
