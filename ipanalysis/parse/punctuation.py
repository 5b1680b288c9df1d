"""Chinese punctuation as published, in the text the tables show.

Normalising reads the full-width forms as ASCII (``（`` as ``(``, ``，`` as ``,``), so that one pattern
reads a plan whichever way it prints them. The tables give a plan's words back as Chinese prints
them: a comma, colon, semicolon, question or exclamation mark next to a Chinese character, and a
pair of brackets holding or touching one, is written full-width::

    市市场监管局(市知识产权局)   ->  市市场监管局（市知识产权局）
    立行立改,长期坚持            ->  立行立改，长期坚持

Between digits or Latin letters they stay ASCII (``1,000``, ``10:30``, ``ISO 9001:2015``). Only the
columns of :data:`PUBLISHED_COLUMNS` are written so; the parse reads the normalised text throughout.
"""

from __future__ import annotations

import re

__all__ = ["published", "publish_tables", "PUBLISHED_COLUMNS"]

# Han, CJK symbols and punctuation (、。《》〔〕), full-width forms, and the quotes, dash and ellipsis of Chinese text
CHINESE = ("\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60"
           "\u2014\u2018\u2019\u201c\u201d\u2026")
FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
MARK_BESIDE_CHINESE = re.compile(rf"(?<=[{CHINESE}])[,:;!?]|[,:;!?](?=[{CHINESE}])")
IS_CHINESE = re.compile(rf"[{CHINESE}]")
ASCII_MARK = re.compile(r"[,:;!?()]")

# the columns that hold a plan's words (titles, task text, unit names, deadlines), by table
PUBLISHED_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("issuer", "title"),
    "sections": ("title", "text"),
    "measures": ("section_title", "subsection_title", "heading", "text", "deadline"),
    "assignments": ("unit_raw", "unit"),
    "targets": ("indicator", "text"),
    "citations": ("cited_title",),
}


def _chinese_at(text: str, index: int) -> bool:
    return 0 <= index < len(text) and IS_CHINESE.match(text, index) is not None


def _brackets(text: str) -> str:
    """The text with each pair of ASCII brackets that holds a Chinese character, or stands next to
    one, written full-width; a bracket without its pair by its neighbours alone."""
    chars = list(text)
    opened: list[int] = []
    for index, char in enumerate(text):
        if char == "(":
            opened.append(index)
        elif char == ")" and opened:
            start = opened.pop()
            if (IS_CHINESE.search(text, start + 1, index) or _chinese_at(text, start - 1)
                    or _chinese_at(text, index + 1)):
                chars[start], chars[index] = "（", "）"
        elif char == ")" and (_chinese_at(text, index - 1) or _chinese_at(text, index + 1)):
            chars[index] = "）"
    for start in opened:
        if _chinese_at(text, start - 1) or _chinese_at(text, start + 1):
            chars[start] = "（"
    return "".join(chars)


def published(text):
    """``text`` with the punctuation beside its Chinese written full-width (see the module docstring);
    anything that is no string as it is."""
    if not isinstance(text, str) or not ASCII_MARK.search(text):
        return text
    text = MARK_BESIDE_CHINESE.sub(lambda m: FULL[m[0]], text)
    return _brackets(text) if "(" in text or ")" in text else text


def publish_tables(tables: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The rows of a plan's tables with :data:`PUBLISHED_COLUMNS` written as published (in place)."""
    for table, columns in PUBLISHED_COLUMNS.items():
        for row in tables.get(table, ()):
            for column in columns:
                if column in row:
                    row[column] = published(row[column])
    return tables
