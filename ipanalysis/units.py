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

import calendar
import re
from dataclasses import dataclass

__all__ = [
    "UnitGroup",
    "UnitMention",
    "find_unit_groups",
    "parse_unit_group",
    "split_top_level",
    "parse_deadline",
    "is_collective",
]

OPEN = "(（〔[【"
CLOSE = ")）〕]】"
PAIRS = dict(zip(OPEN, CLOSE))
ROLE_WORDS = [
    ("按照职责分工负责", "responsible"),
    ("按职责分工负责", "responsible"),
    ("按职责负责", "responsible"),
    ("分别负责", "responsible"),
    ("共同负责", "responsible"),
    ("牵头负责", "lead"),
    ("牵头", "lead"),
    ("负责", "responsible"),
    ("配合", "cooperating"),
    ("参与", "cooperating"),
    ("协助", "cooperating"),
]
ROLE_RE = re.compile("(" + "|".join(re.escape(w) for w, _ in ROLE_WORDS) + ")$")
ROLE_OF = dict(ROLE_WORDS)
# Labelled lists: 牵头单位:…;配合单位:…;完成时限:… or 【责任单位】… (in brackets or on a line of their own)
def _label(words: str) -> re.Pattern:
    return re.compile(rf"^(?:【\s*(?:{words})\s*】\s*[:：]?|(?:{words})\s*[:：])\s*")


LEAD_LABELS = "牵头单位|牵头部门"
COOPERATING_LABELS = "配合单位|配合部门|协办单位|参与单位"
RESPONSIBLE_LABELS = "责任单位|责任部门|负责单位|实施单位|主责单位"
DEADLINE_LABELS = "完成时限|完成时间|时间节点|时限要求|时间安排"
ROLE_LABELS = [
    (_label(LEAD_LABELS), "lead"),
    (_label(COOPERATING_LABELS), "cooperating"),
    (_label(RESPONSIBLE_LABELS), "responsible"),
]
DEADLINE_LABEL = _label(DEADLINE_LABELS)
UNIT_LINE = _label("|".join((LEAD_LABELS, COOPERATING_LABELS, RESPONSIBLE_LABELS, DEADLINE_LABELS)))
DEADLINE_RE = re.compile(
    r"(\d{4}\s*年|\d{1,2}\s*月|底前|年底|年内|完成|持续推进|长期坚持|长期推进|持续开展|常态化|每年)"
)
UNIT_HINT = re.compile(r"(局|委|办|院|部|厅|政府|中心|单位|街道|镇|海关|分局|公司|分行|管委会|司|会|室|队)")
COLLECTIVE_RE = re.compile(
    r"(^各|成员单位|各有关|有关部门|相关部门|^各.*(政府|街道|镇|部门|单位)|"
    r"区县|镇\(街道\)|(高新区|开发区|新区|园区)(管委会|服务中心)?$)"
)


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
    if UNIT_LINE.match(content):
        return True
    head = split_top_level(content, ";；")[0] if content else ""
    return bool(head) and bool(re.search(r"(牵头|负责|配合)", head)) and bool(UNIT_HINT.search(head))


def find_unit_groups(paragraph: str) -> list[UnitGroup]:
    """The unit group of one paragraph: the bracket group that ends it (trailing punctuation aside),
    or the whole paragraph when it is a labelled unit line (``牵头单位:…;配合单位:…``)."""
    if UNIT_LINE.match(paragraph):
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

_JOINED_COLLECTIVE = re.compile(r"(?<=[局委办院部厅])(?=各)|(?<=[局委办院部厅])及(?=其他|各)")


def _split_units(segment: str) -> list[str]:
    """Split a list of units on ``、`` (outside brackets) and on glued collective units."""
    units = []
    for piece in split_top_level(segment, "、"):
        units.extend(p for p in _JOINED_COLLECTIVE.split(piece) if p)
    return units


def _strip_role(segment: str) -> tuple[str, str | None]:
    m = ROLE_RE.search(segment)
    if not m:
        return segment, None
    return segment[: m.start()].strip(), ROLE_OF[m.group(1)]


def _parse_clause(clause: str, default_role: str) -> list[tuple[str, str]]:
    """Units of one comma-separated clause with their roles.

    A unit takes the role word written after it (``A、B按职责分工负责``: both responsible); one
    whose role word is missing takes the role of the next unit that has one, else the last one
    before it, else the default (a bare ``责任单位`` list means responsible).
    """
    items = []
    for piece in split_top_level(clause, "、"):
        name, role = _strip_role(piece)
        for unit in (u for u in _JOINED_COLLECTIVE.split(name) if u):
            items.append([unit.strip(), None])
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
        m = DEADLINE_LABEL.match(part)
        if m:
            deadline = part[m.end():].strip() or None
            continue
        role = "responsible"
        for pattern, label_role in ROLE_LABELS:
            m = pattern.match(part)
            if m:
                part, role = part[m.end():], label_role
                break
        labelled.append((part, role))
    if deadline is None and len(labelled) > 1:
        last = labelled[-1][0]
        if DEADLINE_RE.search(last) and not UNIT_HINT.search(re.sub(DEADLINE_RE, "", last)):
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


def national_unit_name(unit_raw: str, prefix: str) -> str:
    """Departments listed after the national office keep its name: ``联席办`` -> ``国家知识产权局联席办``."""
    if unit_raw.startswith("国家"):
        return unit_raw
    return prefix + unit_raw


def is_collective(unit: str) -> bool:
    return bool(COLLECTIVE_RE.search(unit))


# ---------------------------------------------------------------------------------------------
# deadlines


def parse_deadline(deadline: str | None) -> tuple[str | None, bool]:
    """``(ISO date or None, ongoing)`` of a deadline as printed."""
    if not deadline:
        return None, False
    ongoing = bool(re.search(r"(持续|长期|常态化|每年)", deadline))
    m = re.search(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?", deadline)
    if m:
        year, month = int(m[1]), int(m[2])
        day = int(m[3]) if m[3] else calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-{day:02d}", ongoing
    m = re.search(r"(\d{4})\s*年\s*(?:底|末|内|年底)", deadline)
    if m:
        return f"{int(m[1]):04d}-12-31", ongoing
    return None, ongoing
