"""Units a plan prints once for several tasks, as official documents abbreviate them: ``下同`` closing
a unit bracket (the same below: the tasks after it in its group that print no units take these),
``（同上）`` or ``（责任单位同上）`` (the same as above: the units of the task before). A unit's name
keeps an alias note printed in its bracket (``区市场监管局（区知识产权局，以下简称区市场监管局）``), as
it keeps ``各区县（自治县，以下简称区县）政府``."""

from __future__ import annotations

import re

__all__ = ["without_same_marks", "same_as_above", "carry_same_units"]

SAME_BELOW = re.compile(r"\s*(?:[，,；;]\s*下同|[(（]\s*下同\s*[)）])\s*$")
SAME_ABOVE = re.compile(r"[(（]\s*(?:(?:责任|牵头)?单位)?\s*同上\s*(?:[;；，,]\s*(?P<rest>[^()（）]*))?[)）]\s*[。.]?\s*$")


def without_same_marks(content: str) -> str:
    """A unit group's content without its 下同."""
    return SAME_BELOW.sub("", content)


def same_as_above(text: str) -> str | None:
    """What follows 同上 in the bracket that closes a task's text (``完成时限：2024年底前`` of
    ``（责任单位同上；完成时限：2024年底前）``, ``""`` for ``（同上）``); None without such a bracket."""
    m = SAME_ABOVE.search(text.rstrip())
    return (m["rest"] or "").strip() if m else None


def carry_same_units(items: list, groups: list[list[tuple]], deadlines: list) -> list[list[tuple]]:
    """The measures' unit groups with the units printed once given to the tasks they cover: a task
    without units of its own takes those of the task before it when its text closes with 同上
    (its own deadline, if it prints one, beside them), else those of the last group in its heading
    that said 下同. ``items``: the measures' outline items; ``deadlines``: the deadline each 同上
    bracket prints (None, or the text after 同上)."""
    out: list[list[tuple]] = []
    carried = None  # (parent, groups) of the last 下同
    for item, own, after in zip(items, groups, deadlines):
        if own:  # a task's own units end a 下同 run, or start one
            says_below = any(group is not None and SAME_BELOW.search(group.content) for group, *_ in own)
            carried = (item.parent, own) if says_below else None
            out.append(own)
        elif after is not None and out and out[-1]:
            out.append(_units_only(out[-1]) + ([(None, [], after, item.line_start)] if after else []))
        elif carried and carried[0] is item.parent:
            out.append(_units_only(carried[1]))
        else:
            out.append(own)
    return out


def _units_only(groups: list[tuple]) -> list[tuple]:
    """The groups' units without their deadlines (a deadline is the task's own)."""
    return [(group, mentions, None, line) for group, mentions, _, line in groups if mentions]
