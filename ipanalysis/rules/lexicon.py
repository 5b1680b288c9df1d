"""The theme lexicon (``data/theme_lexicon.csv``) and the policy-instrument rules
(``data/instrument_rules.csv``): the six IP-chain stages, the finer themes, and the sub-tools of
supply, environment and demand instruments (after Rothwell & Zegveld)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

from .datafiles import read_records, read_table

__all__ = ["STAGES", "Theme", "lexicon", "instrument_rules", "instrument_terms", "section_stage"]

STAGES = ("creation", "utilization", "protection", "management", "services", "talent_culture")


@dataclass(frozen=True)
class Theme:
    key: str
    zh: str
    en: str
    level: str
    parent: str
    terms: tuple[tuple[str, float], ...]
    section_cues: tuple[str, ...]


def _terms(spec: str) -> tuple[tuple[str, float], ...]:
    out = []
    for item in filter(None, (s.strip() for s in spec.split("|"))):
        term, _, weight = item.partition(":")
        out.append((term, float(weight) if weight else 1.0))
    return tuple(out)


@lru_cache(maxsize=1)
def lexicon() -> tuple[Theme, ...]:
    themes = tuple(
        Theme(r["theme"], r["theme_zh"], r["theme_en"], r["level"], r["parent"], _terms(r["terms"]),
              tuple(filter(None, r["section_cues"].split("|"))))
        for r in read_records("theme_lexicon.csv")
    )
    missing = set(STAGES) - {t.key for t in themes if t.level == "stage"}
    if missing:
        raise ValueError(f"theme_lexicon.csv lacks the stage themes {sorted(missing)}")
    return themes


@lru_cache(maxsize=1)
def instrument_rules() -> pd.DataFrame:
    return read_table("instrument_rules.csv")


@lru_cache(maxsize=1)
def instrument_terms() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    return tuple((r["instrument"], r["subtool"], tuple(t for t in r["terms"].split("|") if t))
                 for r in read_records("instrument_rules.csv"))


def section_stage(title: str | None) -> str | None:
    """The stage a section title names, from the lexicon's ``section_cues`` (for validation only).

    The cue that occurs last in the title wins (``完善知识产权工作体系`` -> management; ``厚植知识产权发展
    基础`` -> talent_culture); a title with no cue has no stage.
    """
    if not isinstance(title, str) or not title:
        return None
    title = title.replace("知识产权", "")
    best, best_pos = None, -1
    for theme in lexicon():
        if theme.level != "stage":
            continue
        for cue in theme.section_cues:
            pos = title.rfind(cue)
            if pos > best_pos:
                best, best_pos = theme.key, pos
    return best
