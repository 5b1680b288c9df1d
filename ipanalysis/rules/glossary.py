"""English for the Chinese terms figures show (keyness, topics): ``data/glossary.csv``.

A term the glossary lacks is shown as pinyin with the Chinese beside it (``zhuanli (专利)``), never as
Chinese alone; :func:`missing_terms` lists such terms so they can be added as rows.
"""

from __future__ import annotations

from functools import lru_cache

from .datafiles import read_records

__all__ = ["glossary", "term_label", "missing_terms"]


@lru_cache(maxsize=1)
def glossary() -> dict[str, str]:
    """Chinese term -> English, one row a term."""
    return {r["zh"]: r["en"] for r in read_records("glossary.csv")}


def _pinyin(term: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(term))


def term_label(term: str, lang: str) -> str:
    """The term in ``lang``: itself in Chinese; its glossary English, else ``pinyin (汉字)``."""
    if lang == "zh":
        return term
    english = glossary().get(term)
    return english if english else f"{_pinyin(term)} ({term})"


def missing_terms(terms) -> list[str]:
    """The terms (in first-seen order) the glossary has no English for."""
    known = glossary()
    return [t for t in dict.fromkeys(terms) if t not in known]
