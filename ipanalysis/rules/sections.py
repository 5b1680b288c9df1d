"""What a section is, from its title (``data/section_kinds.csv``): goals, guidance, safeguards,
background, review or assessment."""

from __future__ import annotations

from functools import lru_cache

from .datafiles import read_records

__all__ = ["section_kind", "NOT_TASKS", "NEVER_TASKS"]

NOT_TASKS = ("goals", "guidance", "safeguards", "background", "review", "assessment")  # kinds of no task section
NEVER_TASKS = ("review", "assessment")  # not even items that name units: 一、2023年工作总结, 七、考核办法


@lru_cache(maxsize=1)
def _words() -> tuple[tuple[str, str], ...]:
    return tuple((r["word"], r["kind"]) for r in read_records("section_kinds.csv"))


def section_kind(title: str | None) -> str | None:
    """``goals``, ``guidance``, ``safeguards``, ``background``, ``review`` or ``assessment`` when the title says so,
    else None."""
    if not title:
        return None
    return next((kind for word, kind in _words() if word in title), None)
