"""Responsible units: split a unit group (found by :mod:`.unit_groups`) into units with roles.

Styles seen in the plans::

    (区司法局牵头,区委宣传部、区法院按职责分工负责)
    (市工商局牵头,市公安局、市知识产权局配合)
    (市知识产权局负责)
    〔责任单位:区市场监管局(知识产权局)牵头,区知识产权工作领导小组成员单位按职责分工负责〕
    (责任单位:市知识产权局、市司法局,各区县(自治县,以下简称区县)政府;国家知识产权局条法司、联席办)
    (区金融局牵头,区发改委、区科技局按职责分工负责;2021年12月底前完成)

Parentheses inside unit names never split a unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..rules.agencies import map_agency
from ..rules.organisations import endings, is_collective, is_grassroots_collective, mentions_organisation
from ..rules.roles import (UNIT_SEPARATORS, agent_word, match_label, mentions_role_word, role_marker, split_at_labels,
                           split_first_lead_note, split_joint, split_role_before_work, split_role_word, strip_etc,
                           without_leader_note)
from .deadlines import looks_like_deadline

__all__ = ["UnitGroup", "UnitMention", "without_groups", "parse_unit_group", "split_top_level",
           "split_leading_deadline", "is_collective", "OPEN", "CLOSE"]

# a cell or list item that stands for "no unit": dashes, slashes, 无 (a table's empty 配合单位 cell)
NO_UNIT = re.compile(r"^[\s\-—–－―/／]*$|^(?:无|暂无)$")
# the name of a national body's local branch, a local unit (国家金融监督管理总局柳州监管分局)
LOCAL_BRANCH = re.compile(r"(?:分局|分行|支行|分中心|分署|办事处|监管局|监管支局|税务局|调查队)$")  # 国家…总局贵州监管局
OPEN = "(（〔[【"
UNKNOWN_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,6}[:：]")
CLOSE = ")）〕]】"


@dataclass(frozen=True)
class UnitGroup:
    """Where a paragraph names who does its task (found by :mod:`.unit_groups`)."""

    raw: str  # the bracket group as printed, brackets included
    content: str  # inside the brackets
    start: int
    end: int


def without_groups(text: str, groups) -> str:
    """``text`` with the spans of its unit ``groups`` cut out (in any order they are given)."""
    for group in sorted(groups, key=lambda g: g.start, reverse=True):
        text = text[:group.start] + text[group.end:]
    return text


@dataclass(frozen=True)
class UnitMention:
    unit_raw: str
    role: str
    level: str  # "local" or "national"
    position: int  # order within the group


# ---------------------------------------------------------------------------------------------
# bracket-aware helpers


BRACKET = re.compile(f"[{re.escape(OPEN + CLOSE)}]")


@lru_cache(maxsize=None)
def _separator_pattern(separators: str) -> re.Pattern:
    return re.compile(f"[{re.escape(separators)}]")


def split_top_level(text: str, separators: str) -> list[str]:
    """Split on any of ``separators`` outside brackets."""
    parts = _separator_pattern(separators).split(text) if not BRACKET.search(text) \
        else _split_outside_brackets(text, separators)
    return [p.strip() for p in parts if p.strip()]


def _split_outside_brackets(text: str, separators: str) -> list[str]:
    """The pieces between the ``separators`` that stand outside brackets (unstripped)."""
    parts, depth, current = [], 0, []
    for ch in text:
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE and depth:
            depth -= 1
        if ch in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


# ---------------------------------------------------------------------------------------------
# parsing a group

LEVEL_WORD = re.compile(r"^[省市区县镇乡]")  # a unit name that opens with its level (区市场监管局)
_AGENCY_END = "".join(e for e in endings("agency") if len(e) == 1)  # 局委办院部厅
# a collective unit glued to the agency before it: 区科技局各镇(街道), 市财政局及其他成员单位; not the
# agency's own offices (前海管理局各相关处室: one unit)
_OWN_OFFICES = r"各(?:相关|有关)?(?:处室|科室|处|科|内设机构)"
_JOINED_COLLECTIVE = re.compile(rf"(?<=[{_AGENCY_END}])(?=各)(?!{_OWN_OFFICES})|(?<=[{_AGENCY_END}])及(?=其他|各)")


def _closed_before_department(collective: str, piece: str) -> bool:
    """Whether a collective closed by its bracket (各村（社区）) is followed by a department, not a government."""
    return collective.endswith(tuple(CLOSE)) and not split_role_word(piece)[0].endswith(("政府", "办事处"))


def _merge_split_collectives(pieces: list[str]) -> list[str]:
    """Join a collective name that a 、 split: ``各区、县级市人民政府`` is one unit, not 各区 and 县级市人民政府.

    A piece that opens with 各 and names no organisation (各区, 各县, 各市) is the first half of the
    next piece's name, unless that piece opens a new collective (各部门); so is one that opens with
    各 before a collective of grassroots bodies without its own 各 (各镇人民政府、街道办事处: the 各
    reads over both, ``data/collectives.txt``). A piece closed by its bracket (各村（社区）) is whole before a
    department (镇综合行政执法队), not before a government (各市（县）、区人民政府).
    """
    out: list[str] = []
    for piece in pieces:
        if out and out[-1].startswith("各") and not piece.startswith("各") and (
                not mentions_organisation(out[-1]) and not _closed_before_department(out[-1], piece)
                or is_grassroots_collective(piece)):
            out[-1] = f"{out[-1]}、{piece}"
        else:
            out.append(piece)
    return out


def unit_list(text: str) -> list[str]:
    """The pieces of a list of units, split on ``、`` and ``/`` outside brackets; a name after ``/``
    without the level the name before it opens with, of the same agency, is that unit's other
    name (``区市场监管局/知识产权局``: one unit), and 各区、县级市人民政府 is one unit."""
    pieces: list[str] = []
    for piece in split_top_level(text, UNIT_SEPARATORS.replace("/", "")):
        first, *rest = (split_top_level(piece, "/") or [""]) if "/" in piece else [piece]
        names = [first]
        for part in rest:
            if _other_name(names[-1], part):
                names[-1] = f"{names[-1]}/{part}"
            else:
                names.append(part)
        pieces.extend(name for name in names if name)
    return _merge_split_collectives(pieces)


def _other_name(name: str, other: str) -> bool:
    level = LEVEL_WORD.match(name)
    return (bool(level) and not LEVEL_WORD.match(other)
            and map_agency(name)[0] == map_agency(other)[0] != map_agency("")[0])


def _split_units(segment: str) -> list[str]:
    """Split a list of units (:func:`unit_list`) and on glued collective units."""
    units = []
    for piece in unit_list(segment):
        units.extend(p for p in _JOINED_COLLECTIVE.split(piece) if p)
    return units


def _units_of_piece(piece: str) -> tuple[list[list], str | None]:
    """``([unit, role or None] …, role word after the piece)`` of one 、-separated piece.

    A role in brackets after a unit (``市中院（牵头）``) is that unit's; a role word after the piece
    (``…按职责分工负责``) is returned so that the units before it without a role take it too. (Two
    groups joined by 会同 are read for the whole clause, by :func:`_parse_clause`.)
    """
    name, role = split_role_word(piece)
    if role is None:
        name, role = split_role_before_work(piece)  # 区财政局协助落实补助资金
    entries = []
    for unit in _split_units(name):
        unit, marked = role_marker(strip_etc(without_leader_note(unit.strip())))
        entries.append([unit, marked, marked is not None])
    return entries, role


def _parse_clause(clause: str, default_role: str) -> list[tuple[str, str]]:
    """Units of one comma-separated clause with their roles.

    A unit takes the role word written after it (``A、B按职责分工负责``: both responsible); one
    whose role word is missing takes the role of the next unit that has one, else the last one
    before it, else the default (a bare ``责任单位`` list means responsible). A role in brackets after
    the clause's last unit, no other of which is marked, is all its units' (``B、C（配合）``).
    """
    clause = clause.strip()
    clause = clause[len(agent_word(clause)):]  # 由A牵头, 商请A配合, 由A会同B负责
    name, _ = split_role_word(clause)
    joint = split_joint(name)
    if joint:  # A会同B、C负责: A takes the joint word's role, every unit after it cooperates
        before, joint_role, after = joint
        after_units = (split_role_word(u)[0] for u in _split_units(after))  # A会同B负责、C配合
        return [(u, joint_role) for u in _split_units(before) if u] + [(u, "cooperating") for u in after_units if u]
    items: list[list] = []
    for piece in unit_list(clause):
        entries, role = _units_of_piece(piece)
        items.extend(entries)
        if role:
            for entry in reversed(items):
                if entry[1] is not None:
                    break
                entry[1] = role
    if len(items) > 1 and items[-1][2] and not any(entry[2] for entry in items[:-1]):
        for entry in items[:-1]:  # 县科技局、县财政局（配合）: a role closing the clause's list is all its units'
            entry[1] = entry[1] or items[-1][1]
    last = None
    for entry in items:  # a role in brackets after one unit (A（牵头）、B、C) is that unit's alone
        if entry[1] is None:
            entry[1] = last or default_role
        if not entry[2]:
            last = entry[1]
    return [(u, r) for u, r, _ in items if u and not NO_UNIT.match(u)]


def _without_unknown_label(content: str) -> str:
    """The group without a heading that is no known label, when role words follow it
    (``县级对应：A牵头，B配合``: the units of a child plan after its parent's task)."""
    m = UNKNOWN_LABEL.match(content)
    if not m or match_label(content) or mentions_organisation(m.group()) or not mentions_role_word(content[m.end():]):
        return content
    return content[m.end():]


# the first part of a group, before ; 。 or a comma (no label in it)
LEADING_PART = re.compile(r"^\s*([^;；。,，:：]{2,24}?)\s*[;；。,，]\s*")


def split_leading_deadline(content: str) -> tuple[str | None, str]:
    """``(deadline, the rest)`` of a group that gives its deadline before its units
    (``2024年6月底前完成；A牵头，B配合``, ``长期坚持。责任单位：A``, ``年底前，A负责``), else ``(None, content)``."""
    m = LEADING_PART.match(content)
    if m and looks_like_deadline(m[1]) and mentions_organisation(content[m.end():]):
        return m[1], content[m.end():]
    return None, content


def _parts(content: str) -> tuple[list[tuple[str, str]], str | None]:
    """``(labelled parts as (text, role), deadline)``: split before each label and on ``;``.

    An unlabelled part means responsible; an unlabelled first part before the units, or last part
    (after ``;`` or, in a clause of role words, after a comma), that reads as a date or ``持续推进``
    is the deadline.
    """
    labelled: list[tuple[str, str]] = []
    deadline, content = split_leading_deadline(_without_unknown_label(content.strip()))
    for role, run in split_at_labels(content.strip()):
        if role == "deadline":
            deadline = run.strip() or None
            continue
        if role == "leader":  # 责任领导：区政府副区长: officials, no units
            continue
        for k, part in enumerate(split_top_level(run, ";；")):
            labelled.append((part, role if (role and k == 0) else "responsible"))
    if deadline is None and len(labelled) > 1 and looks_like_deadline(labelled[-1][0]):
        deadline = labelled.pop()[0]
    if deadline is None and labelled:  # (A牵头，B配合，2025年底前): the last comma clause
        part, role = labelled[-1]
        clauses = split_top_level(part, ",，")
        if len(clauses) > 1 and looks_like_deadline(clauses[-1]):
            deadline = clauses[-1].strip()
            labelled[-1] = ("，".join(clauses[:-1]), role)
    return labelled, deadline


def _role_clauses(clauses: list[str]) -> list[str]:
    """Clauses of a unit group, a list of units with no role word of its own, after a clause with one,
    joined to the next clause that ends with one: ``A牵头，B、C，D配合`` -> ``A牵头`` ``B、C、D配合``."""
    out: list[str] = []
    roles: list[bool] = []  # whether each clause of ``out`` ends with a role word
    for clause in clauses:
        has_role = split_role_word(clause)[1] is not None
        if has_role and roles[-2:] == [True, False] and not match_label(out[-1]) and not match_label(clause):
            out[-1], roles[-1] = f"{out[-1]}、{clause}", True
        else:
            out.append(clause)
            roles.append(has_role)
    return out


def parse_unit_group(content: str, rest_role: str | None = None,
                     first_leads: bool = False) -> tuple[list[UnitMention], str | None]:
    """``(units with roles, deadline as printed)`` of a unit group's content.

    Parts are separated by ``;`` and start at every label (``牵头单位:``, ``配合单位:``, ``责任单位:``,
    ``【责任单位】``), which gives the role of the units that follow; ``完成时限:`` marks the deadline.
    A first-lead note (``（第一个为牵头科室）``) makes the first unit the lead and the responsible ones
    after it take the note's ``其余为…`` role, or ``rest_role`` (the plan's own note on such lists).
    ``first_leads``: the plan's note makes the first of every list of responsible units the lead
    (:func:`.rules.roles.plan_first_lead_note`).
    """
    content, marked, rest = split_first_lead_note(content)
    labelled, deadline = _parts(content)
    mentions: list[UnitMention] = []
    position = 0
    for part_index, (part, default_role) in enumerate(labelled):
        level = "local"
        first = next(iter(split_top_level(part, UNIT_SEPARATORS + ",，")), "")  # "/": an empty cell
        if part_index > 0 and first.startswith("国家") and not LOCAL_BRANCH.search(first):
            level = "national"  # 国家知识产权局条法司、联席办; not 国家金融监督管理总局柳州监管分局
        for clause in _role_clauses(split_top_level(part, ",，")):
            for unit, role in _parse_clause(clause, default_role):
                mentions.append(UnitMention(unit_raw=unit, role=role, level=level, position=position))
                position += 1
    if mentions and (marked or first_leads and all(m.role == "responsible" for m in mentions)):
        rest = rest or rest_role
        mentions = [replace(m, role="lead") if k == 0 else replace(m, role=rest) if rest and m.role == "responsible"
                    else m for k, m in enumerate(mentions)]
    return mentions, deadline
