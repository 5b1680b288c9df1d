"""The points an assessment plan (考核办法, 考核评分表) gives its tasks, as ``data/score_notes.csv``
writes them: a bracket of points (``（12分）``, ``【分值：6分】``) and a clause stating a scoring rule
(``每少1件扣0.5分``). They are no units and their numbers no targets."""

from __future__ import annotations

import re
from functools import lru_cache

from .datafiles import read_records

__all__ = ["without_score_notes", "score_spans"]

CLAUSE = re.compile(r"[^，,；;。]+")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """``(a bracket of points, the same closing a paragraph, a scoring clause's words)``."""
    def joined(kind: str) -> str:
        return "|".join(f"(?:{r['pattern']})" for r in read_records("score_notes.csv") if r["kind"] == kind)

    bracket = joined("bracket")
    return re.compile(bracket), re.compile(rf"(?:{bracket})[\s。.;；,，]*$"), re.compile(joined("clause"))


def without_score_notes(paragraph: str) -> str:
    """``paragraph`` without the brackets of points that close it (``…（牵头单位：A）（12分）`` ->
    ``…（牵头单位：A）``); a paragraph with none, unchanged."""
    if "分" not in paragraph:
        return paragraph
    closing = _patterns()[1]
    while (m := closing.search(paragraph)) is not None:
        paragraph = paragraph[:m.start()].rstrip()
    return paragraph


def score_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that state points: its brackets of points and its scoring clauses."""
    if "分" not in text:
        return []
    bracket, _, clause_words = _patterns()
    spans = [m.span() for m in bracket.finditer(text)]
    if clause_words.search(text):  # most paragraphs state no scoring rule: no clause is read
        spans += [m.span() for m in CLAUSE.finditer(text) if clause_words.search(m.group())]
    return spans
