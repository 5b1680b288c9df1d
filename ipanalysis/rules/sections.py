"""What a section is, from its title (``data/section_kinds.csv``): goals, guidance, safeguards,
background, review or assessment; or a phase of the work (a title ending in 阶段)."""

from __future__ import annotations

import re
from functools import lru_cache

from .datafiles import read_records

__all__ = ["section_kind", "is_section_heading", "is_phase_line", "goals_part", "NOT_TASKS", "NEVER_TASKS"]

HAN_TITLE = re.compile(r"[\u4e00-\u9fff]{2,}")
NOT_TASKS = ("goals", "guidance", "safeguards", "background", "review", "assessment")  # kinds of no task section
NEVER_TASKS = ("review", "assessment")  # not even items that name units: 一、2023年工作总结, 七、考核办法
# a phase of the work: （一）动员部署阶段（时间节点：2024年4月）, 集中整治阶段（5月—10月）：
_PHASE_END = r"阶段\s*(?:[(（][^()（）]{0,30}[)）])?\s*"  # 阶段 and the dates in brackets after it
PHASE = re.compile(_PHASE_END + r"[:：。]?$")


@lru_cache(maxsize=1)
def _words() -> tuple[tuple[str, str], ...]:
    return tuple((r["word"], r["kind"]) for r in read_records("section_kinds.csv"))


@lru_cache(maxsize=4096)  # asked for every line of a section, of the same few titles
def section_kind(title: str | None) -> str | None:
    """``goals``, ``guidance``, ``safeguards``, ``background``, ``review`` or ``assessment`` when the title says so,
    ``phase`` when it names a phase of the work (``动员部署阶段``), else None."""
    if not title:
        return None
    if PHASE.search(title):
        return "phase"
    return next((kind for word, kind in _words() if word in title), None)


def is_section_heading(line: str, max_len: int = 8) -> bool:
    """Whether an unnumbered line is nothing but a section's title of a kind, in Han characters
    (``保障措施：``, ``基本原则``): it heads a section of the plan as ``五、保障措施`` would."""
    text = line.strip().rstrip(":：")
    return bool(HAN_TITLE.fullmatch(text)) and len(text) <= max_len and section_kind(text) not in (None, "phase")


# an unnumbered line naming a phase and nothing else: 集中整治阶段（2024年5月—10月）：, 第一阶段：
PHASE_LINE = re.compile(r"[\u4e00-\u9fff]{2,12}" + _PHASE_END + r"[:：]?")


def is_phase_line(line: str) -> bool:
    """Whether an unnumbered line is nothing but the title of a phase of the work: over the tasks that
    follow it, it heads them as a numbered heading would (see :func:`..parse.outline.parse_outline`)."""
    return bool(PHASE_LINE.fullmatch(line.strip()))


NUMBERED_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])")


def goals_part(lines: list) -> list:
    """The lines (anything with ``.text``) of a numbered goals part among ``lines`` (``一、工作目标。…``,
    a notice's own goals above the task table it issues), up to the next numbered heading."""
    out, inside = [], False
    for line in lines:
        heading = NUMBERED_HEADING.match(line.text)
        if heading:
            inside = section_kind(line.text[heading.end():heading.end() + 8]) == "goals"
        if inside:
            out.append(line)
    return out
