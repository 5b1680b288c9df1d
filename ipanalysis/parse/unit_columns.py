"""Unit lists printed one unit a line under their label (a Word cell's list copied as text), joined
into the label's line before the outline reads the plan."""

from __future__ import annotations

import re
from dataclasses import replace

from ..rules.outline import opens_item
from ..rules.roles import match_label, opens_unit_list
from .unit_groups import only_unit_names

__all__ = ["join_unit_columns"]

SIGNED_DATE = re.compile(r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年[^。，,]{1,8}日$")  # 2024年3月5日


def _next_text(lines: list, k: int) -> str:
    """The first non-empty line of the two after ``lines[k]``."""
    return next((n.text.strip() for n in lines[k + 1:k + 3] if n.text.strip()), "")


def join_unit_columns(lines: list) -> list:
    """The lines with a unit list printed one unit a line under its label (a Word cell's list copied
    as text) joined to the label's line: ``配合单位：`` / ``区市场监管局`` / ``区教体局`` ->
    ``配合单位：区市场监管局、区教体局`` (the line keeps the label's raw line number)."""
    out: list = []
    listing = False  # the line before is a label line or a unit under one
    for k, line in enumerate(lines):
        text = line.text.strip()
        if listing and text and not opens_unit_list(text) and not opens_item(text) and only_unit_names(text) \
                and not SIGNED_DATE.match(_next_text(lines, k)):  # an issuer's name over its signing date
            head = out[-1].text.rstrip()
            out[-1] = replace(out[-1], text=head + ("" if head.endswith((":", "：")) else "、") + text)
            continue
        listing = (bool(text) and opens_unit_list(text) and match_label(text)[0] not in ("deadline", "leader")
                   and not text.endswith(("。", ".")))
        out.append(line)
    return out
