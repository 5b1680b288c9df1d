"""Roles of responsible units (``data/roles.csv``): role words after units and list labels.

``A、B按职责分工负责``: the role word follows the units it applies to. ``牵头单位：A；配合单位：B``:
a label opens a list (in brackets, or on a line of its own under a task item); ``完成时限：…``
opens a deadline.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .datafiles import read_records

__all__ = ["role_words", "split_role_word", "mentions_role_word", "match_label", "opens_unit_list",
           "label_pattern"]


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def _entries(kind: str) -> tuple[tuple[str, str], ...]:
    return tuple((r["text"], r["role"]) for r in read_records("roles.csv") if r["kind"] == kind)


def role_words() -> dict[str, str]:
    """Role word -> role (``牵头`` -> lead)."""
    return dict(_entries("word"))


@lru_cache(maxsize=1)
def _role_word_at_end() -> re.Pattern:
    return re.compile(f"({_alternation(role_words())})$")


@lru_cache(maxsize=1)
def _role_word_anywhere() -> re.Pattern:
    return re.compile(_alternation(role_words()))


def split_role_word(segment: str) -> tuple[str, str | None]:
    """``(units, role)`` of a segment that ends with a role word, else ``(segment, None)``."""
    m = _role_word_at_end().search(segment)
    if not m:
        return segment, None
    return segment[: m.start()].strip(), role_words()[m.group(1)]


def mentions_role_word(text: str) -> bool:
    return bool(_role_word_anywhere().search(text))


def label_pattern(words: str) -> re.Pattern:
    """A label at the start of a text: ``牵头单位：`` or ``【牵头单位】`` (colon optional there)."""
    return re.compile(rf"^(?:【\s*(?:{words})\s*】\s*[:：]?|(?:{words})\s*[:：])\s*")


@lru_cache(maxsize=1)
def _labels() -> tuple[tuple[re.Pattern, str], ...]:
    """One pattern per role, in the order lead, cooperating, responsible, deadline."""
    order = ("lead", "cooperating", "responsible", "deadline")
    by_role = {role: [text for text, r in _entries("label") if r == role] for role in order}
    return tuple((label_pattern(_alternation(by_role[role])), role) for role in order if by_role[role])


@lru_cache(maxsize=1)
def _any_label() -> re.Pattern:
    return label_pattern(_alternation(text for text, _ in _entries("label")))


def match_label(text: str) -> tuple[str, int] | None:
    """``(role or 'deadline', end of the label)`` when ``text`` opens with a label."""
    for pattern, role in _labels():
        m = pattern.match(text)
        if m:
            return role, m.end()
    return None


def opens_unit_list(text: str) -> bool:
    """Whether ``text`` opens with any label (a unit list or a deadline)."""
    return bool(_any_label().match(text))
