"""Lines that assign the text's items from elsewhere in the plan: by their numbers (``第(一)、(二)项任务
由A牵头，B配合。``, a 责任分工 section or a table whose 序号 are the items' numerals; a 责任分工 by
unit, ``区科技局：牵头任务2、4；配合任务1、3。``) or by their names (an appendix table whose 重点任务 cell
repeats an item's heading, perhaps shortened, in its own order). The assigning line joins the
``shared`` lines of the items it names, where their units are read.
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from ..rules.outline import item_value, referenced_items, strip_number
from ..rules.roles import mentions_role_word, unit_task_part
from ..rules.sections import NOT_TASKS, section_kind
from .deadlines import phase_end
from .unit_groups import find_unit_groups

if TYPE_CHECKING:
    from .normalise import Line
    from .outline import OutlineItem

__all__ = ["assign_by_reference", "assign_by_name", "unit_task_lines", "phase_deadlines"]

NOT_IN_NAME = re.compile(r"知识产权|[\s。，,；;、“”\"《》]")  # what a row's short name leaves out or adds


def _referenced(roots: list[OutlineItem], line: Line, refs: list) -> list[OutlineItem]:
    """The items numbered ``refs`` printed before ``line``, in the nearest section of tasks holding
    them all (not the safeguards after the tasks that share their numbers), else the nearest section
    holding them. A reference without brackets names an item in brackets where no item is printed
    as it is (a table's 序号 一 for the item （一） of the text)."""
    task_sections = [root for root in roots if section_kind(root.title) not in NOT_TASKS]
    for sections in (task_sections, roots):
        for root in reversed(sections):
            before = [n for n in root.walk() if n is not root and n.line_start < line.raw_line]
            for loose in (False, True):
                by_value = {_loosened(item_value(n.number), loose): n for n in before}
                if all(_loosened(r, loose) in by_value for r in refs):
                    return [by_value[_loosened(r, loose)] for r in refs]
    return []


def _loosened(value: tuple | None, loose: bool) -> tuple | None:
    """An item's value, without whether it is printed in brackets when ``loose``."""
    return value[1:] if loose and value else value


def assign_by_reference(roots: list[OutlineItem]) -> None:
    """Move a line that assigns tasks by their numbers (``第(一)、(二)项任务由A牵头，B配合。``, in a
    section of its own such as 责任分工) to the ``shared`` lines of the items it names."""
    for root in roots:
        for node in root.walk():
            kept = node.paragraphs[:1]
            for paragraph in node.paragraphs[1:]:
                refs = referenced_items(paragraph.text.lstrip())
                items = _referenced(roots, paragraph, refs) if refs and find_unit_groups(paragraph.text) else []
                for item in items:
                    item.shared.append(paragraph)
                if not items:
                    kept.append(paragraph)
            node.paragraphs = kept


def _row_name(item: OutlineItem, max_len: int = 40) -> str | None:
    """The name a task table's row gives its task (``加快专利导航服务`` of ``2、加快专利导航服务（牵头
    单位：…）``): a line with a unit group and before it a short name of one sentence (what follows
    it, a note under the table, names no units); else None."""
    if item.children or any(find_unit_groups(p.text) for p in item.paragraphs[1:]):
        return None
    text = item.paragraphs[0].text
    groups = find_unit_groups(text)  # of the line as printed: read once for the outline already
    name = strip_number(text[:groups[0].start]).strip(" 。") if groups else ""
    return name if name and len(name) <= max_len and "。" not in name else None


def _likeness(name: str, title: str) -> float:
    """How alike a row's short name and an item's heading read: 1 where one holds the other once
    知识产权 and punctuation are left out (强化行政执法 / 强化知识产权行政执法), else the share of
    characters they have in common in order (加快专利导航服务 / 加快推进专利导航服务: 0.89)."""
    a, b = NOT_IN_NAME.sub("", name), NOT_IN_NAME.sub("", title)
    if not a or not b:
        return 0.0
    return 1.0 if a in b or b in a else SequenceMatcher(None, a, b, autojunk=False).ratio()


def _named_items(rows: list[tuple[OutlineItem, str]], items: list[OutlineItem],
                 min_likeness: float) -> list[OutlineItem] | None:
    """The item each row names, the likest first (each item named once); None unless every row names one."""
    pairs = sorted(((_likeness(name, item.title), r, i) for r, (_, name) in enumerate(rows)
                    for i, item in enumerate(items)), key=lambda p: -p[0])
    named: dict[int, int] = {}
    for likeness, r, i in pairs:
        if likeness >= min_likeness and r not in named and i not in named.values():
            named[r] = i
    return [items[named[r]] for r in range(len(rows))] if len(named) == len(rows) else None


def _numbered_items(rows: list[OutlineItem], items: list[OutlineItem]) -> list[OutlineItem] | None:
    """The item each row names by its number, where the text numbers its items straight through
    (1. … 11. across its sections, each number once) and every row's 序号 is one of them."""
    by_number = {item.number: item for item in items}
    numbers = [row.number for row in rows]
    if len(by_number) < len(items) or len(set(numbers)) < len(numbers) or not set(numbers) <= set(by_number):
        return None
    return [by_number[number] for number in numbers]


def assign_by_name(roots: list[OutlineItem], min_rows: int = 3, min_likeness: float = 0.6) -> None:
    """Give a task table's rows that name the text's items by their headings (an appendix 分工表 after
    items that name no units, in any order) to those items: each row leaves the outline and joins
    the ``shared`` lines of the item it names, so that the item is the measure, with its own text,
    and the row's units and deadline are its. Only when every row of ``min_rows`` or more names one
    item, each another; else by the rows' 序号, where the text numbers its items straight through."""
    items = [n for root in roots if section_kind(root.title) not in NOT_TASKS for n in root.leaves()
             if n is not root and not n.shared and not any(find_unit_groups(p.text) for p in n.paragraphs)]
    if len(items) < min_rows:  # most plans: every task names its units
        return
    rows = [(n, name) for root in roots for n in root.walk() if n is not root and (name := _row_name(n))]
    if len(rows) < min_rows:
        return
    first = min(row.line_start for row, _ in rows)
    items = [n for n in items if n.line_start < first]
    named = _named_items(rows, items, min_likeness) if len(items) >= len(rows) else None
    for (row, _), item in zip(rows, named or _numbered_items([row for row, _ in rows], items) or []):
        item.shared.append(row.paragraphs[0])
        row.parent.children.remove(row)
        row.parent.paragraphs.extend(row.paragraphs[1:])  # 注：… under the table


UNIT_BEFORE_TASKS = re.compile(r"^\s*([^:：；;。，,]{2,40}?)\s*[:：]\s*")  # 区科技局：牵头任务2、4；…


def unit_task_lines(lines: list[Line]) -> list[Line]:
    """The lines, each line of a 责任分工 by unit (``区科技局：牵头任务2、4；配合任务1、3、7—9。``) written
    as the lines that assign by number it means (``第2、4项任务由区科技局牵头。``, ``第1、3、7—9项任务由区科技
    局配合。``, traced to its line), which :func:`assign_by_reference` reads; a line after them that names
    units without tasks (``区直其他有关部门：根据职责分工配合做好相关工作。``) assigns none and is left out."""
    out, listed = [], False
    for line in lines:
        unit = UNIT_BEFORE_TASKS.match(line.text) if listed or "任务" in line.text else None
        parts = list(unit_task_part().finditer(line.text, unit.end())) if unit and "任务" in line.text else []
        if parts and "".join(p[0] for p in parts).strip() == line.text[unit.end():].strip() \
                and all(referenced_items(f"第{p[2]}项") for p in parts):
            out.extend(replace(line, text=f"第{p[2]}项任务由{unit[1]}{p[1]}。", cells=None, pieces=None) for p in parts)
            listed = True
        elif not (listed and unit and mentions_role_word(line.text)):  # 区直其他有关部门：…配合做好相关工作: no task
            out.append(line)
            listed = False
    return out


def phase_deadlines(roots: list[OutlineItem]) -> dict[int, str]:
    """``id(item)`` -> the end of the phase that names the item by number (``（一）启动部署阶段（2024年3月—
    4月）。…完成第1、2项任务。`` in a 时间安排 section: 2024年4月), the deadline of a task that names none."""
    found: dict[int, str] = {}
    for root in roots:
        for node in root.walk():
            title = node.title or ""
            end = phase_end(title) if "月" in title and ("(" in title or "（" in title) else None
            for paragraph in node.paragraphs if end else ():
                for at in (m.start() for m in re.finditer("第", paragraph.text)):
                    refs = referenced_items(paragraph.text[at:])
                    for item in _referenced(roots, paragraph, refs) if refs else ():
                        found.setdefault(id(item), end)
    return found
