"""Units a plan names in its tasks' prose alone, as the subjects of their clauses (a notice's style)::

    县市场监管局要会同县科技局、县工信局，围绕…          (lead; the units it works with cooperate)
    县科技局负责…；县财政局给予资金支持。              (responsible; cooperating)
    县商务局牵头，联合县贸促会开展…                    (lead; cooperating)
    各乡镇人民政府要做好…                              (responsible)

Read only while :func:`reading_subjects` is open: for a plan none of whose items names its units in
brackets, labels or unit sentences (:func:`.document.read_measures`); elsewhere a unit in the
prose is no assignment (a child plan's copy of its parent's task names the parent's units).
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from ..rules.roles import clause_subject, joint_partners, subject_words
from .units import UnitGroup

__all__ = ["reading_subjects", "reads_subjects", "subject_unit_groups"]

_SUBJECTS: ContextVar[bool] = ContextVar("subject_units", default=False)


@contextmanager
def reading_subjects(enabled: bool = True):
    """While open, a paragraph with no unit group has the units that are the subjects of its
    clauses (:func:`subject_unit_groups`): for a plan that names its units in its prose alone."""
    token = _SUBJECTS.set(enabled)
    try:
        yield
    finally:
        _SUBJECTS.reset(token)


def reads_subjects() -> bool:
    """Whether :func:`reading_subjects` is open."""
    return _SUBJECTS.get()


CLAUSE = re.compile(r"[^，,；;。]+")


@lru_cache(maxsize=1024)
def subject_unit_groups(paragraph: str) -> tuple[UnitGroup, ...]:
    """Units named as the subjects of a task's clauses, with no bracket or label (a notice's prose):
    ``县市场监管局要会同县科技局、县工信局，…`` (the lead and the units it works with), ``县科技局负责…；
    县财政局给予资金支持``, ``县商务局牵头，联合县贸促会开展…``, ``各乡镇人民政府要…`` (responsible). A unit
    after 向 or 依托 opens no clause and is no subject; a unit named again is read once."""
    groups, named, subject_before = [], set(), False  # a clause of this sentence had units as its subject
    for m in CLAUSE.finditer(paragraph):
        clause = m.group().lstrip()
        start = m.end() - len(clause)
        found = clause_subject(clause.rstrip())
        if found is None and subject_before and (partners := joint_partners(clause)):  # …牵头，联合县贸促会开展…
            groups.append(_group(clause, start, partners[1], "配合", len(partners[0])))
        elif found is not None and found[0] not in named:
            units, word, rest = found
            named.add(units)
            subject = word in subject_words()  # 县金融办要…: no role word of its own
            partners = joint_partners(rest if subject else word + rest)  # 县金融办要会同A、B
            role = "".join(partners) if partners else "负责" if subject else word
            groups.append(_group(clause, start, units, role))
        subject_before = (subject_before or found is not None) and not paragraph.startswith("。", m.end())
    return tuple(groups)


def _group(clause: str, start: int, units: str, role: str, offset: int = 0) -> UnitGroup:
    """The group of ``units`` printed at ``offset`` in a clause starting at ``start``, read with
    the role word or joint after them (``A负责``, ``A会同B、C``)."""
    return UnitGroup(raw=clause[offset:offset + len(units)], content=units + role,
                     start=start + offset, end=start + offset + len(units))
