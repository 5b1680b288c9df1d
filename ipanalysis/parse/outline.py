"""Document structure: the numbered outline of a plan and which of its items are measures.

Numbering styles (``data/outline_styles.csv``), from the top of the hierarchy down: ``第一章`` >
``第一节`` > ``一、`` > ``(一)`` > ``1.``/``1﹒``/``1、`` > ``(1)`` > ``①``. An item at a lower rank
nests under the nearest item of a higher rank above it; unnumbered paragraphs belong to the item
before them. Measures are the lowest-level items of the top-level sections in which at least one
item names a responsible unit; the other sections (guiding thought, principles, goals, timeline,
safeguards without units) stay in the ``sections`` table only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..rules.outline import item_segments, item_value, match_item, point_rank, strip_number, style_rank
from ..rules.roles import is_division_heading, match_label, opens_unit_list
from ..rules.sections import NEVER_TASKS, NOT_TASKS, is_phase_line, is_section_heading, section_kind
from .normalise import Line
from .references import assign_by_name, assign_by_reference
from .unit_groups import find_unit_groups, names_known_agencies, opens_summary, unit_heading
from .units import without_groups

__all__ = ["OutlineItem", "parse_outline", "select_measures", "match_item", "strip_number",
           "STYLE_RANK"]

STYLE_RANK = {**style_rank(), "heading": 0}  # heading: an unnumbered section title (保障措施：) ranks as 一、


@dataclass
class OutlineItem:
    style: str
    number: str  # as printed, without the separator that follows it (``(三)``, ``7``, ``1`` for ``1﹒``)
    rank: float
    paragraphs: list[Line] = field(default_factory=list)
    children: list["OutlineItem"] = field(default_factory=list)
    parent: "OutlineItem | None" = None
    shared: list[Line] = field(default_factory=list)  # lines that assign all its items (以上工作由…)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def body(self) -> str:
        """Text without the number."""
        first = strip_number(self.paragraphs[0].text)
        return "\n".join([first] + [p.text for p in self.paragraphs[1:]])

    @property
    def line_start(self) -> int:
        return self.paragraphs[0].raw_line

    @property
    def line_end(self) -> int:
        return self.paragraphs[-1].raw_line

    @property
    def title(self) -> str:
        """First line without number, cut at its first ``。`` (a section's heading)."""
        first = strip_number(self.paragraphs[0].text)
        return first.split("。")[0].rstrip("。:： ")

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def leaves(self):
        if not self.children:
            yield self
        for child in self.children:
            yield from child.leaves()


# where a numbered task starts inside a line, after the sentence or clause before it ends
INLINE_ITEM = re.compile(r"(?<=[。;；])\s*(?=\d{1,2}[.．](?!\d))")


def inline_items(lines: list[Line]):
    """The lines as the outline reads them: a line that runs two or more numbered tasks together,
    each closed by its own unit group (``(一)创造。1.培育…(区科技局负责);2.推动…(…负责)。``), is
    read as one line per task (and one for what precedes the first), all from the same raw line."""
    for line in lines:
        parts = INLINE_ITEM.split(line.text) if line.cells is None and ";" in line.text else []  # ；is ; here
        tasks = parts[1:]
        if len(tasks) >= 2 and all(match_item(t) and find_unit_groups(t.rstrip()) for t in tasks):
            yield from (Line(part.strip(), line.raw_line) for part in parts if part.strip())
        else:
            yield line


def parse_outline(lines: list[Line]) -> list[OutlineItem]:
    """Top-level outline items of the body lines (text before the first item is dropped)."""
    roots: list[OutlineItem] = []
    stack: list[OutlineItem] = []
    lines = list(inline_items(lines))
    for k, line in enumerate(lines):
        found = _opened(line.text, lines[k + 1].text if k + 1 < len(lines) else "")
        if found is None:
            if stack:
                stack[-1].paragraphs.append(line)
            continue
        style, number, rank = found
        rank = point_rank(style, rank, (stack[-1].style, stack[-1].rank) if stack else None)
        item = OutlineItem(style=style, number=number, rank=rank, paragraphs=[line])
        while stack and stack[-1].rank >= item.rank:
            stack.pop()
        if stack:
            item.parent = stack[-1]
            stack[-1].children.append(item)
        else:
            roots.append(item)
        stack.append(item)
    return roots


def _opened(text: str, next_text: str) -> tuple[str, str, float] | None:
    """``(style, number, rank)`` of the item a line opens: a numbered item, an unnumbered section
    title (``保障措施：``, ranked as 一、), or the title of a phase of the work directly over a numbered
    item (``集中整治阶段（2024年5月—10月）：`` over ``3．…``), ranked just above that item."""
    found = match_item(text)
    if found:
        return found[0], found[1], STYLE_RANK[found[0]]
    if is_phase_line(text):
        below = match_item(next_text)
        return ("phase", "", STYLE_RANK[below[0]] - 0.01) if below else None
    return ("heading", "", STYLE_RANK["heading"]) if is_section_heading(text) else None


def names_units(item: OutlineItem) -> bool:
    return any(find_unit_groups(p.text) for p in item.paragraphs)


def heading_units(item: OutlineItem):
    """The unit group of a heading that is nothing but the units doing every item below it
    (``（一）区市场监管局（区知识产权局）`` over tasks 1. 2. 3.), else None. A heading of a unit that
    ``data/agencies.csv`` does not know counts where most headings beside it name known agencies
    (a plan by department: ``（六）区退役军人事务局`` after ``（五）区科技局``)."""
    if not item.children:
        return None
    group = unit_heading(item.paragraphs[0].text, known=False)  # names ending like units: few headings
    return group if group and (names_known_agencies(group.content) or _among_unit_headings(item)) else None


def _among_unit_headings(item: OutlineItem) -> bool:
    """Whether at least two headings beside ``item``, and half of them, name known agencies alone."""
    siblings = [s for s in (item.parent.children if item.parent else ()) if s is not item and s.children]
    known = sum(unit_heading(s.paragraphs[0].text) is not None for s in siblings)
    return known >= 2 and 2 * known >= len(siblings)


SUB_ITEM_RANK = STYLE_RANK["paren_arabic"]
HEADING_TASK_RANKS = (STYLE_RANK["paren_cn"], STYLE_RANK["named_action"], STYLE_RANK["named_task"])  # （一）, 行动一, 任务1
TASK_RANKS = (*HEADING_TASK_RANKS, STYLE_RANK["arabic"])
PROBLEM_RANK = STYLE_RANK["named_problem"]  # 问题一：… over the measures that answer it


def _absorb_sub_items(node: OutlineItem) -> None:
    """Fold ``(1)``/``①`` sub-points into the task item they belong to.

    A task item (``(一)``, ``1.``, or ``(1)`` over ``①``) whose children are all sub-points, and whose unit parenthesis
    stands on the item itself or only after its last sub-point, is one measure: the units close
    the whole item, not just its last point.
    """
    for child in node.children:
        _absorb_sub_items(child)
    kids = node.children
    if kids and node.rank == PROBLEM_RANK and _share_unit_lines(kids):
        _share_field_lines(node)
        return
    if kids and node.rank in HEADING_TASK_RANKS and _share_unit_lines(kids):
        _fold_children(node)
        return
    task = node.rank in TASK_RANKS or node.rank == SUB_ITEM_RANK and all(k.rank > SUB_ITEM_RANK for k in kids)
    if not kids or not task or any(k.rank < SUB_ITEM_RANK for k in kids):
        return  # a task (1) straight under 一、 holds its ① points too
    with_units = [k for k in kids if any(names_units(n) for n in k.walk())]
    if with_units and with_units != [kids[-1]]:
        return
    if not with_units and not names_units(node):
        return
    _fold_children(node)


def _only_assigns(item: OutlineItem) -> bool:
    """Whether an item is nothing but units under a heading of the division of labour, or a
    deadline (``（三）责任分工。牵头单位：A；配合单位：B。``, ``（四）完成时限：2025年12月底前``)."""
    if item.children or len(item.paragraphs) != 1:
        return False
    text = strip_number(item.paragraphs[0].text)
    groups = find_unit_groups(text)
    return bool(groups) and is_division_heading(without_groups(text, groups))  # what it says besides its units


def _lift_division_items(node: OutlineItem) -> None:
    """Move an item that only assigns (:func:`_only_assigns`) beside items with tasks below them
    (``（二）主要措施`` and its 1. 2. 3.) to its parent's ``shared`` lines, where those tasks find it."""
    for child in node.children:
        _lift_division_items(child)
    if not any(child.children for child in node.children):
        return
    lifted = [child for child in node.children if _only_assigns(child)]
    node.shared.extend(replace(child.paragraphs[0], text=strip_number(child.paragraphs[0].text)) for child in lifted)
    node.children = [child for child in node.children if child not in lifted]


def _lift_summary_lines(node: OutlineItem) -> None:
    """Move a line after an item's last point that assigns all its points (``以上工作由A牵头，B配合。``)
    from that point to the item's ``shared`` lines, where the points find it."""
    for child in node.children:
        _lift_summary_lines(child)
    if not node.children:
        return
    last = node.children[-1]
    while len(last.paragraphs) > 1 and opens_summary(last.paragraphs[-1].text):
        node.shared.insert(0, last.paragraphs.pop())


def _fold_children(node: OutlineItem) -> None:
    for kid in node.children:
        node.paragraphs.extend(p for n in kid.walk() for p in n.paragraphs)
    node.children = []


def _share_unit_lines(kids: list[OutlineItem]) -> bool:
    """Whether the ``1.`` points of a ``(一)`` item share one unit list printed on its own lines
    below the last of them (``责任单位：A、B`` / ``完成时限：…``): no point names units but the last,
    and the last only on a labelled line below its text. Then the ``(一)`` item is one measure."""
    *others, last = kids
    if not others or last.children or any(names_units(n) for k in others for n in k.walk()):
        return False
    first, *below = last.paragraphs
    return (not find_unit_groups(first.text) and bool(below)
            and all(opens_unit_list(p.text) for p in below if find_unit_groups(p.text))
            and any(find_unit_groups(p.text) for p in below))


def _share_field_lines(node: OutlineItem) -> None:
    """The measures numbered under a problem an inspection found (``问题一：…`` / ``1．…`` ``2．…``, in a
    整改方案) stay measures and share the field lines printed below the last of them (``责任单位：…``,
    ``整改时限：…``); a field divided among them by number (``措施1、2由A牵头，B配合；措施3由C负责``,
    ``第1项立行立改；第2项2024年6月底前完成``) gives each its part."""
    last = node.children[-1]
    at = next(k for k, p in enumerate(last.paragraphs) if k and opens_unit_list(p.text))
    fields, last.paragraphs = last.paragraphs[at:], last.paragraphs[:at]
    by_value = {item_value(kid.number)[2]: kid for kid in node.children if item_value(kid.number)}
    for line in fields:
        label_end = (match_label(line.text) or (None, 0))[1]
        parts = item_segments(line.text[label_end:]) if label_end else None
        if not parts or any(value not in by_value for values, _ in parts for value in values):
            for kid in node.children:
                kid.shared.append(line)
            continue
        for values, part in parts:
            for value in values:
                by_value[value].shared.append(replace(line, text=line.text[:label_end] + part))


def _split_unnumbered_tasks(node: OutlineItem) -> None:
    """Tasks whose numbers were lost (a Word list's automatic numbering, dropped when the page was
    made): a lowest-level item whose heading names no unit, over two or more paragraphs that each
    close with their own unit group, is that many items, one a paragraph (and the paragraphs without
    units before it), numbered 1, 2, … in the item."""
    for child in node.children:
        _split_unnumbered_tasks(child)
    if node.children or len(node.paragraphs) < 3 or find_unit_groups(node.paragraphs[0].text):
        return
    closes = [k for k, p in enumerate(node.paragraphs)
              if k > 0 and find_unit_groups(p.text) and not opens_unit_list(p.text) and not opens_summary(p.text)]
    if len(closes) < 2:
        return
    after = node.paragraphs[closes[-1] + 1:]
    node.shared.extend(p for p in after if opens_summary(p.text))  # 以上工作由…: assigns them all
    starts = [1] + [k + 1 for k in closes[:-1]]
    for number, (start, end) in enumerate(zip(starts, closes), start=1):
        task = OutlineItem(style="paragraph", number=str(number), rank=STYLE_RANK["dash"] + 1,
                           paragraphs=node.paragraphs[start:end + 1], parent=node)
        node.children.append(task)
    node.paragraphs = node.paragraphs[:1] + [p for p in after if p not in node.shared]


def _is_task(leaf: OutlineItem, section: str | None) -> bool:
    """A lowest-level item is a task unless it states goals, guidance or safeguards (``（五）强化工作
    保障`` closing the tasks), or it sits among the safeguards, without naming a unit; a phase of the
    work (``（一）动员部署阶段（时间节点：2024年4月）。各牵头单位…``) is none, whatever it names. Units
    that lines elsewhere give it (its ``shared`` lines) count as its own."""
    kind = section_kind(leaf.title)
    if kind == "phase":
        return False
    if names_units(leaf) or leaf.shared:
        return True
    return section != "safeguards" and kind not in ("goals", "guidance", "safeguards")


def reference_items(roots: list[OutlineItem]) -> list[OutlineItem]:
    """The items of a reference document (a plan that names no units: a national or provincial plan,
    a 规划纲要): the lowest-level items of its sections, but for background, goals, guidance and
    safeguards."""
    items = []
    for root in roots:
        if section_kind(root.title) in NOT_TASKS:
            continue
        items.extend(leaf for leaf in root.leaves()
                     if leaf is root and root.children == [] and len(root.paragraphs) > 1
                     or leaf is not root and section_kind(leaf.title) not in NOT_TASKS
                     and section_kind(leaf.parent.title if leaf.parent else None) not in NOT_TASKS)
    return items


def paragraph_items(lines: list[Line], min_chars: int = 30) -> list[OutlineItem]:
    """A document with no numbered items at all: each paragraph of ``min_chars`` or more is an item."""
    long = [line for line in lines if len(line.text) >= min_chars]
    return [OutlineItem(style="paragraph", number=str(k), rank=0, paragraphs=[line]) for k, line in enumerate(long, 1)]


def select_measures(roots: list[OutlineItem], prose_units: bool = False) -> list[OutlineItem]:
    """Lowest-level items of the top-level sections in which any item names a responsible unit.

    Sub-points (``(1)``, ``①``) of a task item whose units close the whole item are folded into it.
    In a safeguards section only items that name units are tasks; an item that states goals or
    guidance without naming units is none (``data/section_kinds.csv``). With ``prose_units`` (units
    read from the subjects of sentences), sections of goals, guidance, safeguards and background
    hold no tasks: their sentences name units too (领导小组要…). A year's work looked back on
    (``一、2023年工作总结``) and the scoring of the tasks (``七、考核办法``) never hold tasks.
    """
    assign_by_reference(roots)
    assign_by_name(roots)
    measures = []
    for root in roots:
        _lift_summary_lines(root)
        _lift_division_items(root)
        if section_kind(root.title) in (NOT_TASKS if prose_units else NEVER_TASKS):
            continue
        if any(names_units(node) or node.shared or heading_units(node) for node in root.walk()):
            _absorb_sub_items(root)
            _split_unnumbered_tasks(root)
            kind = section_kind(root.title)
            measures.extend(leaf for leaf in root.leaves() if _is_task(leaf, kind))
    return measures
