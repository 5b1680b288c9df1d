"""Responsible units: find the unit parenthesis of an item, split it into units with roles.

Styles seen in the plans::

    (区司法局牵头,区委宣传部、区法院按职责分工负责)
    (市工商局牵头,市公安局、市知识产权局配合)
    (市知识产权局负责)
    〔责任单位:区市场监管局(知识产权局)牵头,区知识产权工作领导小组成员单位按职责分工负责〕
    (责任单位:市知识产权局、市司法局,各区县(自治县,以下简称区县)政府;国家知识产权局条法司、联席办)
    (区金融局牵头,区发改委、区科技局按职责分工负责;2021年12月底前完成)

A group is a top-level bracket at the end of a paragraph whose content starts with ``责任单位`` or
contains a role word. Parentheses inside unit names never split a unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..rules.organisations import endings, is_collective, mentions_organisation
from ..rules.roles import match_label, mentions_role_word, opens_unit_list, split_role_word
from .deadlines import looks_like_deadline

__all__ = [
    "UnitGroup",
    "UnitMention",
    "find_unit_groups",
    "parse_unit_group",
    "split_top_level",
    "is_collective",
]

OPEN = "(（〔[【"
CLOSE = ")）〕]】"


@dataclass(frozen=True)
class UnitGroup:
    raw: str  # the bracket group as printed, brackets included
    content: str  # inside the brackets
    start: int
    end: int


@dataclass(frozen=True)
class UnitMention:
    unit_raw: str
    role: str
    level: str  # "local" or "national"
    position: int  # order within the group


# ---------------------------------------------------------------------------------------------
# bracket-aware helpers


def _closing_group(text: str, end: int) -> int | None:
    """Start of the bracket group that closes at ``text[end - 1]``, matched backwards.

    Matching from the closing bracket backwards keeps a stray opener earlier in the text (a
    damaged ``〔201564号`` citation) from swallowing the group.
    """
    depth = 0
    for i in range(end - 1, -1, -1):
        ch = text[i]
        if ch in CLOSE:
            depth += 1
        elif ch in OPEN:
            depth -= 1
            if depth == 0:
                return i
    return None


def split_top_level(text: str, separators: str) -> list[str]:
    """Split on any of ``separators`` outside brackets."""
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
    return [p.strip() for p in parts if p.strip()]


def _looks_like_unit_group(content: str) -> bool:
    if opens_unit_list(content):
        return True
    head = split_top_level(content, ";；")[0] if content else ""
    return bool(head) and mentions_role_word(head) and mentions_organisation(head)


def find_unit_groups(paragraph: str) -> list[UnitGroup]:
    """The unit group of one paragraph: the bracket group that ends it (trailing punctuation aside),
    or the whole paragraph when it is a labelled unit line (``牵头单位:…;配合单位:…``)."""
    if opens_unit_list(paragraph):
        return [UnitGroup(raw=paragraph, content=paragraph.rstrip(" 。.;；"), start=0, end=len(paragraph))]
    end = len(paragraph.rstrip(" 。.;；,，"))
    if end == 0 or paragraph[end - 1] not in CLOSE:
        return []
    start = _closing_group(paragraph, end)
    if start is None:
        return []
    raw = paragraph[start:end]
    content = raw[1:-1].strip()
    if not _looks_like_unit_group(content):
        return []
    return [UnitGroup(raw=raw, content=content, start=start, end=end)]


# ---------------------------------------------------------------------------------------------
# parsing a group

_AGENCY_END = "".join(e for e in endings("agency") if len(e) == 1)  # 局委办院部厅
# a collective unit glued to the agency before it: 区科技局各镇(街道), 市财政局及其他成员单位
_JOINED_COLLECTIVE = re.compile(rf"(?<=[{_AGENCY_END}])(?=各)|(?<=[{_AGENCY_END}])及(?=其他|各)")


def _split_units(segment: str) -> list[str]:
    """Split a list of units on ``、`` (outside brackets) and on glued collective units."""
    units = []
    for piece in split_top_level(segment, "、"):
        units.extend(p for p in _JOINED_COLLECTIVE.split(piece) if p)
    return units


def _parse_clause(clause: str, default_role: str) -> list[tuple[str, str]]:
    """Units of one comma-separated clause with their roles.

    A unit takes the role word written after it (``A、B按职责分工负责``: both responsible); one
    whose role word is missing takes the role of the next unit that has one, else the last one
    before it, else the default (a bare ``责任单位`` list means responsible).
    """
    items = []
    for piece in split_top_level(clause, "、"):
        name, role = split_role_word(piece)
        items.extend([unit.strip(), None] for unit in _split_units(name))
        if role and items:
            for entry in reversed(items):
                if entry[1] is not None:
                    break
                entry[1] = role
    last = None
    for entry in items:
        if entry[1] is None:
            entry[1] = last or default_role
        last = entry[1]
    return [(u, r) for u, r in items if u]


def parse_unit_group(content: str) -> tuple[list[UnitMention], str | None]:
    """``(units with roles, deadline as printed)`` of a unit group's content.

    Parts are separated by ``;``. A part may carry a label that gives its role (``牵头单位:``,
    ``配合单位:``, ``责任单位:``) or mark it as the deadline (``完成时限:``); an unlabelled last part
    that reads as a date or ``持续推进`` is the deadline.
    """
    parts = split_top_level(content.strip(), ";；")
    deadline = None
    labelled = []
    for part in parts:
        label = match_label(part)
        if label and label[0] == "deadline":
            deadline = part[label[1]:].strip() or None
            continue
        role = "responsible"
        if label:
            part, role = part[label[1]:], label[0]
        labelled.append((part, role))
    if deadline is None and len(labelled) > 1 and looks_like_deadline(labelled[-1][0]):
        deadline = labelled.pop()[0]
    mentions: list[UnitMention] = []
    position = 0
    for part_index, (part, default_role) in enumerate(labelled):
        level = "local"
        if part_index > 0 and part.startswith("国家"):
            level = "national"
        for clause in split_top_level(part, ",，"):
            for unit, role in _parse_clause(clause, default_role):
                mentions.append(UnitMention(unit_raw=unit, role=role, level=level, position=position))
                position += 1
    return mentions, deadline
