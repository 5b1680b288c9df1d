"""Themes and policy instruments of each measure, coded from the measure's own text.

Scoring rule (documented here and in the README): a measure's text, with its unit parenthesis
removed, is searched for every term of the theme lexicon (``data/theme_lexicon.csv``). A theme's
``score`` is the sum, over its terms, of (occurrences of the term) × (the term's weight, default 1).
``share`` is the score divided by the sum of scores at the same level (stage or fine) of that
measure. The stage with the highest score is the measure's ``dominant`` stage (ties: the stage whose
first term occurs earliest in the text). A measure that matches no stage term gets the parent stage
of its best fine theme, else ``management``, with score 0. Section titles are never an input.

Policy instruments (``data/instrument_rules.csv``): a measure gets every sub-tool whose terms occur
in its text (``source = rule``); researcher overrides (``data/annotations/overrides.csv``) replace a
measure's codes and are marked ``source = override`` (:mod:`ipanalysis.corpus.overrides`).
"""

from __future__ import annotations

from ..rules.lexicon import STAGES, Theme, instrument_terms, lexicon
from .units import find_unit_groups

__all__ = ["strip_units", "score_text", "code_measures"]


def strip_units(text: str) -> str:
    """The measure text without the unit parenthesis closing each paragraph."""
    out = []
    for paragraph in text.split("\n"):
        for group in find_unit_groups(paragraph):
            paragraph = paragraph[: group.start] + paragraph[group.end:]
        out.append(paragraph)
    return "\n".join(out)


def score_text(text: str, theme: Theme) -> tuple[float, list[str], int]:
    """``(score, matched terms, first position)`` of one theme in one text."""
    score, matched, first = 0.0, [], len(text) + 1
    for term, weight in theme.terms:
        count = text.count(term)
        if count:
            score += count * weight
            matched.append(term)
            first = min(first, text.find(term))
    return score, matched, first


def code_measures(measures: list[dict], texts: list[str] | None = None) -> tuple[list[dict], list[dict]]:
    """``(measure_themes rows, measure_instruments rows)`` for the measures of one plan.

    ``texts`` are the measures' texts with their unit parenthesis removed (:func:`strip_units`),
    when the caller has them already.
    """
    theme_rows, instrument_rows = [], []
    themes = lexicon()
    rules = instrument_terms()
    if texts is None:
        texts = [strip_units(m["text"]) for m in measures]
    for m, text in zip(measures, texts):
        base = {"measure_id": m["measure_id"], "doc_id": m["doc_id"], "region": m["region"]}
        scored = {t.key: score_text(text, t) for t in themes}
        stage_rows = _level_rows(base, [t for t in themes if t.level == "stage"], scored)
        if not stage_rows:
            stage_rows = [_fallback_stage(base, themes, scored)]
        best = max(stage_rows, key=lambda r: (r["score"], -scored[r["theme"]][2]))
        for row in stage_rows:
            row["dominant"] = row is best
        theme_rows.extend(stage_rows)
        theme_rows.extend(_level_rows(base, [t for t in themes if t.level != "stage"], scored))

        codes = []
        for instrument, subtool, terms in rules:
            hits = [term for term in terms if term in text]
            if hits:
                codes.append((instrument, subtool, "、".join(hits)))
        if not codes:
            codes.append(("environment", "institutional_mechanisms", ""))
        for instrument, subtool, hits in codes:
            instrument_rows.append({**base, "instrument": instrument, "subtool": subtool,
                                    "source": "rule", "matched_terms": hits})
    return theme_rows, instrument_rows


def _level_rows(base: dict, themes: list[Theme], scored: dict) -> list[dict]:
    total = sum(scored[t.key][0] for t in themes)
    rows = []
    for t in themes:
        score, matched, _ = scored[t.key]
        if score <= 0:
            continue
        rows.append({**base, "theme": t.key, "theme_zh": t.zh, "theme_en": t.en, "level": t.level,
                     "parent": t.parent or None, "score": round(score, 3),
                     "share": round(score / total, 4), "dominant": False,
                     "matched_terms": "、".join(matched)})
    return rows


def _fallback_stage(base: dict, themes: tuple[Theme, ...], scored: dict) -> dict:
    fine = [t for t in themes if t.level != "stage" and t.parent in STAGES and scored[t.key][0] > 0]
    key = max(fine, key=lambda t: scored[t.key][0]).parent if fine else "management"
    theme = next(t for t in themes if t.key == key)
    return {**base, "theme": key, "theme_zh": theme.zh, "theme_en": theme.en, "level": "stage",
            "parent": None, "score": 0.0, "share": 1.0, "dominant": True,
            "matched_terms": "fallback"}
