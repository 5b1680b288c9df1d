"""Lines that a page width broke inside a paragraph, joined again: a PDF's text layer, or the text of
a PDF saved as ``.txt`` (official documents are set 28 characters a line); and a task's unit bracket
that a web editor's line breaks left open, joined to the lines that close it."""

from __future__ import annotations

import re
from dataclasses import replace

from ..rules.header_keys import header_key_pattern
from ..rules.organisations import mentions_organisation
from ..rules.outline import opens_item
from ..rules.roles import mentions_role_word, opens_unit_list
from .units import CLOSE, OPEN

__all__ = ["SENTENCE_END", "join_broken", "join_broken_lines", "is_hard_wrapped", "join_open_unit_brackets"]

SENTENCE_END = re.compile(r"[。;；:：!！?？)）〕\]】]\s*$")
MAX_WRAP_WIDTH = 45  # a text whose long lines are longer was not broken at a page width
MIN_OPEN_SHARE = 0.3  # ... nor one where fewer lines fill that width without closing a sentence
MIN_LINES = 10  # ... nor a text too short to tell (a notice title and a plan title are not one line)
MAX_BRACKET_LINES = 3  # lines a unit bracket may be broken over after the one that opens it


_OPENERS, _CLOSERS = re.compile(f"[{re.escape(OPEN)}]"), re.compile(f"[{re.escape(CLOSE)}]")


def _open_brackets(text: str) -> int:
    """How many brackets ``text`` leaves open (opened less closed)."""
    return len(_OPENERS.findall(text)) - len(_CLOSERS.findall(text))


def _full_width(texts: list[str]) -> int:
    """The width of a full line: the 90th percentile length of the lines of ten characters or more."""
    lengths = sorted(len(t) for t in texts if len(t) >= 10)
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


def join_broken(texts: list[str], full: int | None = None) -> list[tuple[int, str]]:
    """``(index of its first line, paragraph)`` of the lines joined where a page width broke them.

    A line continues the previous one when the previous one leaves a bracket open, or when it is
    a full-width line (at least 85% of ``full``, the full width, by default that of ``texts``) that
    does not close a sentence and the line opens neither a numbered item nor a header field (``文号：…``).
    """
    full = _full_width(texts) if full is None else full
    out: list[tuple[int, str]] = []
    last_len = 0
    for k, line in enumerate(texts):
        if out and not opens_item(line) and not header_key_pattern().match(line) and (
            _open_brackets(out[-1][1]) > 0
            or (not SENTENCE_END.search(out[-1][1]) and last_len >= 0.85 * full)
        ):
            out[-1] = (out[-1][0], out[-1][1] + line)
        else:
            out.append((k, line))
        last_len = len(line)
    return out


def join_broken_lines(lines: list) -> list:
    """The lines (with ``.text`` and ``.cells``), the prose around and between a table's rows joined
    where a page width broke it (:func:`join_broken`, at the prose's full width); a table's rows as
    they are. A joined line keeps its first line's raw line."""
    full = _full_width([line.text for line in lines if line.cells is None])
    out: list = []
    run: list = []
    for line in [*lines, None]:
        if line is not None and line.cells is None:
            run.append(line)
            continue
        out.extend(replace(run[k], text=text, pieces=None) for k, text in join_broken([r.text for r in run], full))
        run = []
        if line is not None:
            out.append(line)
    return out


def is_hard_wrapped(texts: list[str]) -> bool:
    """Whether a text's lines were broken at a page width: its full lines are short (at most
    45 characters) and at least 30% of its lines (ten or more) fill them without closing a sentence. Texts with a
    paragraph a line (web pages, Word) have full lines of 60-400 characters."""
    full = _full_width(texts)
    if len(texts) < MIN_LINES or not full or full > MAX_WRAP_WIDTH:
        return False
    open_full = sum(len(t) >= 0.85 * full and not SENTENCE_END.search(t) for t in texts)
    return open_full >= MIN_OPEN_SHARE * len(texts)


def join_open_unit_brackets(lines: list) -> list:
    """The lines with a unit bracket left open joined to the lines that close it (``…。（牵头单位：区科技局；``
    / ``配合单位：区市场监管局；`` / ``完成时限：2024年12月底前）``, a web editor's line breaks); the joined
    line keeps the first one's raw line. A bracket that no line within three closes stays as it was."""
    out: list = []
    k = 0
    while k < len(lines):
        line, end = lines[k], k + 1
        if line.cells is None and _opens_unit_bracket(line.text):
            text = line.text
            while end < len(lines) and end - k <= MAX_BRACKET_LINES and _open_brackets(text) > 0 \
                    and lines[end].cells is None and not opens_item(lines[end].text):
                text, end = text + lines[end].text.strip(), end + 1
            if _open_brackets(text) == 0:
                out.append(replace(line, text=text))
                k = end
                continue
        out.append(line)
        k += 1
    return out


def _opens_unit_bracket(text: str) -> bool:
    """Whether a line ends inside a bracket that opens a unit list (a label, or units and a role word)."""
    if _open_brackets(text) <= 0:
        return False
    depth, start = 0, None
    for i in range(len(text) - 1, -1, -1):  # the last opener left unclosed
        depth += (text[i] in OPEN) - (text[i] in CLOSE)
        if depth > 0:
            start = i
            break
    content = text[start + 1:].strip()
    return opens_unit_list(content) or (mentions_role_word(content) and mentions_organisation(content))
