"""The theme lexicon (``data/theme_lexicon.csv``) and the policy-instrument rules
(``data/instrument_rules.csv``): the six IP-chain stages, the finer themes, and the sub-tools of
supply, environment and demand instruments (after Rothwell & Zegveld); the phrases read as one
word or divided where they declare (``data/coding_phrases.txt``, applied by :func:`phrase_spans`)
and the contexts in which a term makes no code (``data/coding_exclusions.csv``, applied by
:func:`excluded`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

from .datafiles import read_lines, read_records, read_table
from .literals import alternation, literal_guard, required_literals

__all__ = ["STAGES", "SCOPES", "Theme", "Rule", "lexicon", "theme_definitions", "instrument_rules",
           "instrument_terms", "term_index", "in_action_clause", "phrase_spans", "exclusions", "excluded", "section_stage"]

STAGES = ("creation", "utilization", "protection", "management", "services", "talent_culture")
SCOPES = ("stage", "instrument")  # theme terms (stages and finer themes); instrument terms


@dataclass(frozen=True)
class Theme:
    key: str
    zh: str
    en: str
    level: str
    parent: str
    terms: tuple[tuple[str, float], ...]
    section_cues: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    """An instrument sub-tool: coded when the weights of its terms in a measure add up to 1 or more."""
    instrument: str
    subtool: str
    terms: tuple[tuple[str, float], ...]
    actions: tuple[str, ...] = ()


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
def theme_definitions() -> dict[str, str]:
    """Theme key -> its definition (the ``definition`` column of ``theme_lexicon.csv``)."""
    return {r["theme"]: r["definition"] for r in read_records("theme_lexicon.csv")}


@lru_cache(maxsize=1)
def instrument_rules() -> pd.DataFrame:
    return read_table("instrument_rules.csv")


@lru_cache(maxsize=1)
def instrument_terms() -> tuple[Rule, ...]:
    return tuple(Rule(r["instrument"], r["subtool"], _terms(r["terms"]), tuple(filter(None, r["actions"].split("|"))))
                 for r in read_records("instrument_rules.csv"))


CLAUSE_END = re.compile(r"[,，;；。:：!！?？\n]")


def in_action_clause(text: str, position: int, actions: tuple[str, ...]) -> bool:
    """Whether the clause of ``text`` around ``position`` (between , ; 。 :) has one of a sub-tool's
    ``actions`` (``data/instrument_rules.csv``): ``建设…基地`` builds a carrier, ``依托…基地`` names one."""
    if not actions:
        return True
    start = max((m.end() for m in CLAUSE_END.finditer(text, 0, position)), default=0)
    end = CLAUSE_END.search(text, position)
    clause = text[start:end.start() if end else len(text)]
    return any(action in clause for action in actions)


@lru_cache(maxsize=1)
def term_index() -> dict[str, tuple[tuple[str, str, float], ...]]:
    """Every coding term -> its ``(scope, theme or sub-tool key, weight)`` entries, in the order of
    the data files (scope ``stage`` for theme terms, ``instrument`` for instrument terms), built
    once so that a measure is read in one pass."""
    owners: dict[str, list[tuple[str, str, float]]] = {}
    for theme in lexicon():
        for term, weight in theme.terms:
            owners.setdefault(term, []).append(("stage", theme.key, weight))
    for rule in instrument_terms():
        for term, weight in rule.terms:
            owners.setdefault(term, []).append(("instrument", rule.subtool, weight))
    return {term: tuple(entries) for term, entries in owners.items()}


@lru_cache(maxsize=1)
def _phrases() -> tuple[re.Pattern, dict[str, frozenset[int]]]:
    """One pattern of every declared phrase, and each phrase's declared inner boundaries."""
    inner = {}
    for line in read_lines("coding_phrases.txt"):
        parts = line.split()
        inner["".join(parts)] = frozenset(sum(map(len, parts[:k])) for k in range(1, len(parts)))
    return re.compile(alternation(inner)), inner


def phrase_spans(text: str) -> tuple[tuple[int, int, frozenset[int]], ...]:
    """``(start, end, inner boundaries)`` of each declared phrase of ``data/coding_phrases.txt`` in
    ``text``: inside a phrase, the only word boundaries are those its spaces declare (``人才链``: none,
    it is one word; ``宣传 周``: one, so that 宣传 counts in 宣传周), as offsets from its start."""
    pattern, inner = _phrases()
    return tuple((m.start(), m.end(), inner[m.group()]) for m in pattern.finditer(text))


@lru_cache(maxsize=1)
def exclusions() -> tuple[tuple[str, re.Pattern, frozenset[str]], ...]:
    """``(term or "*", compiled context, scopes)`` rows of ``data/coding_exclusions.csv``."""
    rows = []
    for r in read_records("coding_exclusions.csv"):
        scopes = frozenset(SCOPES) if r["scope"] == "all" else frozenset({r["scope"]})
        if not scopes <= set(SCOPES):
            raise ValueError(f"coding_exclusions.csv: unknown scope {r['scope']!r}")
        rows.append((r["term"], re.compile(r["context"]), scopes))
    return tuple(rows)


@lru_cache(maxsize=1)
def _guarded_exclusions() -> tuple[tuple[str, re.Pattern, frozenset[str], Callable[[str], object]], ...]:
    """The exclusion rows with a test of the literal text each context needs to match (:mod:`.literals`)."""
    return tuple((*row, literal_guard(required_literals(row[1]))) for row in exclusions())


@lru_cache(maxsize=4)  # a measure's text is read twice in a row, for theme and for instrument terms
def _excluded_spans(text: str) -> tuple[tuple[str, frozenset[str], int, int], ...]:
    return tuple((term, scopes, *m.span()) for term, context, scopes, guard in _guarded_exclusions()
                 if guard(text) is not None for m in context.finditer(text))


def excluded(text: str, hits: list[tuple[str, int, int]], scope: str) -> list[tuple[str, int, int]]:
    """The ``(term, start, end)`` hits of ``text`` that lie in none of their exclusion contexts:
    a hit does not count where a context of ``data/coding_exclusions.csv`` for its term (or for
    every term, ``*``) and this ``scope`` matches around it (``交易`` in ``…交易会``)."""
    if not hits:
        return hits
    spans = [(term, start, end) for term, scopes, start, end in _excluded_spans(text) if scope in scopes]
    if not spans:
        return hits
    return [h for h in hits
            if not any((term == "*" or term == h[0]) and start <= h[1] and h[2] <= end for term, start, end in spans)]


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
