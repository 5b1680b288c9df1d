"""Notes a plan prints under a passage or a table (``注释：`` then ``①每万人口高价值发明专利拥有量是指……``,
``注：1．…``; a Word file's comments, ``[批注1]: …``), and the marks in its text that refer to them
(``拥有量①``, ``市金融办[3]``, ``产业³``, ``县公安局[批注4]``).

A note defines or explains: its numbers (``2020年为3.2件``, ``不少于5件发明专利``) are never targets,
and a mark that refers to one is no part of the word it follows.
"""

from __future__ import annotations

import re

__all__ = ["NOTE_LABEL", "note_lines", "has_note_block", "has_note_marks", "without_note_marks"]

NOTE_LABEL = re.compile(r"^\s*(?:注释|注解|注|说明|备注)\s*\d?\s*[:：]")  # 注：1．责任科室栏列有多个科室…
NOTE_ITEM = re.compile(r"^\s*(?:[①-⑳]|\[\d{1,2}\]|[¹²³⁴⁵⁶⁷⁸⁹]|\d{1,2}\s*[.．、])")  # ①…, [1]…, 1．… under 注释：
# a Word comment as an old converter lists it at the end: [批注1]: …, [A1]: …
_CODE = r"\[(?:批注|注)?[A-Z]?\d{1,2}\]"  # [3], [批注4], [A1]
COMMENT = re.compile(rf"^\s*{_CODE}\s*[:：]")
_AFTER_WORD = r"(?<=[\u4e00-\u9fff)）”])"  # a mark follows a word, a closing bracket or quote, never a sign
NOTE_MARK = re.compile(_AFTER_WORD + rf"(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|{_CODE})")  # 产业³, 市金融办[3], 局[批注4]
CIRCLED_MARK = re.compile(_AFTER_WORD + r"[①-⑳]")


def note_lines(texts: list[str]) -> set[int]:
    """Indices of the lines of ``texts`` that are notes: a line opening with a note label (``注：…``),
    after a label alone (``注释：``) the lines that open with a note's number (``①``, ``[1]``, ``1．``), and a
    Word comment listed at the end (``[批注1]: …``)."""
    notes, open_label = set(), False
    for k, text in enumerate(texts):
        label = NOTE_LABEL.match(text)
        if COMMENT.match(text):
            notes.add(k)
        elif label or (open_label and NOTE_ITEM.match(text)):
            notes.add(k)
            open_label = open_label if not label else _label_alone(text)
        else:
            open_label = False
    return notes


def has_note_block(texts: list[str]) -> bool:
    """Whether a plan has a block of numbered notes (``注释：`` alone, then ``①…``): then a circled
    number after a word refers to a note (``拥有量①达到12件``), and is no item of a list."""
    return any(_label_alone(text) and k + 1 < len(texts) and texts[k + 1].lstrip()[:1] in "①["
               for k, text in enumerate(texts))


def _label_alone(text: str) -> bool:
    """Whether a line is a note label and nothing else (``注释：``): the notes follow on lines of their own."""
    label = NOTE_LABEL.match(text)
    return bool(label) and not text[label.end():].strip()


def has_note_marks(text: str) -> bool:
    """Whether a text holds a superscript or ``[3]`` mark after a word (looked for once a plan)."""
    return NOTE_MARK.search(text) is not None


def without_note_marks(text: str, circled: bool = False) -> str:
    """``text`` without the marks after its words that refer to notes: superscript numbers and
    ``[3]`` always, circled numbers (``①``) when the plan has a block of numbered notes (``circled``)."""
    text = NOTE_MARK.sub("", text)
    return CIRCLED_MARK.sub("", text) if circled else text
