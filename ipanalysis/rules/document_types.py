"""Document types (``data/document_types.csv``): what a title's ending says the document is."""

from __future__ import annotations

import re
from functools import lru_cache

from .datafiles import read_records

__all__ = ["document_type", "title_ending_pattern", "type_labels"]


@lru_cache(maxsize=1)
def _types() -> tuple[dict, ...]:
    return tuple(sorted(read_records("document_types.csv"), key=lambda r: len(r["ending"]), reverse=True))


@lru_cache(maxsize=1)
def title_ending_pattern() -> re.Pattern:
    """A title's ending, optionally followed by a bracket (``…实施方案(2021-2025年)``)."""
    endings = "|".join(re.escape(r["ending"]) for r in _types())
    return re.compile(rf"({endings})(\(.*\))?$")


def document_type(title: str | None) -> dict | None:
    """``{plan_type, type_en, genre}`` of a title, or None when its ending is unknown."""
    if not title:
        return None
    core = re.sub(r"[(（][^()（）]*[)）]$", "", title.strip())
    for row in _types():
        if core.endswith(row["ending"]):
            return {k: row[k] for k in ("plan_type", "type_en", "genre")}
    return None


@lru_cache(maxsize=2)
def type_labels(lang: str = "en") -> dict[str, str]:
    """plan_type (as the title names it) -> its label in ``lang``."""
    labels: dict[str, str] = {}
    for row in read_records("document_types.csv"):
        labels.setdefault(row["plan_type"], row["plan_type"] if lang == "zh" else row["type_en"])
    return labels
