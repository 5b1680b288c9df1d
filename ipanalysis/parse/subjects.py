"""Units a plan names in its tasks' prose alone, as the subjects of their clauses (a notice's style)::

    县市场监管局要会同县科技局、县工信局，围绕…          (lead; the units it works with cooperate)
    县科技局负责…；县财政局给予资金支持。              (responsible; cooperating)
    县商务局牵头，联合县贸促会开展…                    (lead; cooperating)
    各乡镇人民政府要做好…                              (responsible)

    由区经发局牵头，区科技局配合，推动…                 (由: the units after it are the subject)

Read only while :func:`reading_subjects` is open: for a plan none of whose items names its units in
brackets, labels or unit sentences (:func:`.document.read_measures`); elsewhere a unit in the
prose is no assignment (a child plan's copy of its parent's task names the parent's units), unless
the task opens with its units and their role (:func:`assigns_at_opening`: ``3．由经发局牵头，…``,
``4．科技创新局会同市场监管分局负责…``), as plans that bracket most tasks' units write some.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from enum import Enum
from functools import lru_cache

from ..rules.outline import strip_number
from ..rules.roles import agent_word, clause_subject, joint_partners, role_words, subject_words
from .units import UnitGroup, parse_unit_group

__all__ = ["reading_subjects", "reads_subjects", "subject_unit_groups", "assigns_at_opening", "with_subject_groups"]


class SubjectReading(Enum):
    """Which tasks' prose gives units while :func:`reading_subjects` is open."""
    ALL = "all"  # any paragraph's clause subjects: a plan that names its units in its prose alone
    OPENING = "opening"  # only a task that opens with its units and their role (:func:`assigns_at_opening`)


_SUBJECTS: ContextVar[SubjectReading | None] = ContextVar("subject_units", default=None)


@contextmanager
def reading_subjects(enabled: bool = True):
    """While open, a paragraph with no unit group has the units that are the subjects of its
    clauses (:func:`subject_unit_groups`): for a plan that names its units in its prose alone;
    with ``enabled`` False, only a task that opens with its units and their role has them
    (:func:`assigns_at_opening`), as when a plan's units are read after its measures are chosen."""
    token = _SUBJECTS.set(SubjectReading.ALL if enabled else SubjectReading.OPENING)
    try:
        yield
    finally:
        _SUBJECTS.reset(token)


def reads_subjects(opening: bool = False) -> bool:
    """Whether :func:`reading_subjects` is open (``opening``: in either mode)."""
    mode = _SUBJECTS.get()
    return mode is not None if opening else mode is SubjectReading.ALL


CLAUSE = re.compile(r"[^，,；;。]+")
WEAK_ROLES = ("指导", "支持", "参与", "协助", "配合")  # one unit and such a word is often a heading's verb


def _subject(clause: str) -> tuple[str, str, str, int] | None:
    """:func:`.rules.roles.clause_subject` of a clause, read after a leading 由 (:func:`.rules.roles.agent_word`),
    with where its units begin."""
    offset = len(agent_word(clause))
    found = clause_subject(clause[offset:])
    return (*found, offset) if found else None


@lru_cache(maxsize=4096)
def assigns_at_opening(text: str) -> bool:
    """Whether a task (its number aside) opens with a clause that assigns it: its units and their
    role word alone before a comma (``A、B按职责分工负责，…``), after 由 (``由经发局牵头，…``) or with
    the units they work with and a role word (``科技创新局会同市场监管分局负责建立…``); not a clause
    that opens with a subject word (``县委宣传部每年组织…``), nor a heading (``加强企业海外布局指导。``)."""
    text = text.lstrip()
    first = CLAUSE.match(text)
    found = _subject(first.group().rstrip()) if first else None
    if found is None or found[1] in subject_words():
        return False
    units, word, rest, offset = found
    partners = joint_partners(word + rest)
    if partners:  # A会同B负责…
        after = (word + rest)[len(partners[0]) + len(partners[1]):]
        return after.startswith(tuple(role_words()))
    return not rest.strip() and text[first.end():first.end() + 1] in ("，", ",") and (offset > 0 or "、" in units
                                                                                   or word not in WEAK_ROLES)


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
        found = _subject(clause.rstrip())
        if found is None and subject_before and (partners := joint_partners(clause)):  # …牵头，联合县贸促会开展…
            groups.append(_group(clause, start, partners[1], "配合", len(partners[0])))
        elif found is not None and found[0] not in named:
            units, word, rest, offset = found
            named.add(units)
            subject = word in subject_words()  # 县金融办要…: no role word of its own
            partners = joint_partners(rest if subject else word + rest)  # 县金融办要会同A、B
            role = "".join(partners) if partners else "负责" if subject else word
            groups.append(_group(clause, start, units, role, offset))
        subject_before = (subject_before or found is not None) and not paragraph.startswith("。", m.end())
    return tuple(groups)


def _group(clause: str, start: int, units: str, role: str, offset: int = 0) -> UnitGroup:
    """The group of ``units`` printed at ``offset`` in a clause starting at ``start``, read with
    the role word or joint after them (``A负责``, ``A会同B、C``)."""
    return UnitGroup(raw=clause[offset:offset + len(units)], content=units + role,
                     start=start + offset, end=start + offset + len(units))


def with_subject_groups(paragraph: str, found: tuple[UnitGroup, ...]) -> tuple[UnitGroup, ...]:
    """A paragraph's unit groups ``found`` in its brackets and labels; when none of them names a unit
    (a deadline's bracket at most) and :func:`reading_subjects` is open, with the groups of the units
    that are the subjects of its clauses: of any paragraph, or (the ``opening`` mode) of a task that
    opens with its units and their role (:func:`assigns_at_opening`)."""
    if not reads_subjects(opening=True):
        return found
    task = strip_number(paragraph)
    if not reads_subjects() and not assigns_at_opening(task) or any(parse_unit_group(g.content)[0] for g in found):
        return found
    offset = len(paragraph) - len(task)  # the item's number
    subjects = (replace(g, start=g.start + offset, end=g.end + offset) for g in subject_unit_groups(task))
    return tuple(sorted((*subjects, *found), key=lambda g: g.start))
