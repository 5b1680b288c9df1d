"""Header keys (``data/header_keys.csv``): the fields government pages print above a plan."""

from __future__ import annotations

import re
from functools import lru_cache

from .datafiles import read_records

__all__ = ["header_keys", "header_key_pattern", "field_of"]


@lru_cache(maxsize=1)
def header_keys() -> dict[str, str]:
    """Key as printed (``发布机构``) -> field (``publisher``)."""
    return {r["key"]: r["field"] for r in read_records("header_keys.csv")}


def _spaced(key: str) -> str:
    return r"\s*".join(map(re.escape, key))


@lru_cache(maxsize=1)
def header_key_pattern() -> re.Pattern:
    """A key at the start of a line or after a separator, with its closing bracket, bar or colon.

    Longest keys first, so that 发文字号 wins over 文号 and 信息来源 over 来源.
    """
    keys = sorted(header_keys(), key=len, reverse=True)
    return re.compile(
        r"(?:^|(?<=[\s\]|•·【\[]))(?P<key>" + "|".join(_spaced(k) for k in keys) + r")\s*(?:\]|】)?\s*\|?\s*[:：]?"
    )


def field_of(printed_key: str) -> str:
    """The field a key as printed (spaces allowed) fills."""
    return header_keys()[re.sub(r"\s+", "", printed_key)]
