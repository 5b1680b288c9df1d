"""Themes and policy instruments of each measure, coded from the measure's own text.

Scoring rule (documented here and in the README): a measure's text, with its unit parenthesis
removed, is read for the terms of the theme lexicon (``data/theme_lexicon.csv``) as words: a term
counts only where it starts and ends on a word boundary of the measure, outside the contexts that
``data/coding_exclusions.csv`` names for it (:func:`ipanalysis.parse.words.find_terms`). A theme's
``score`` is the sum, over its terms, of (occurrences of the term) × (the term's weight, default 1).
``share`` is the score divided by the sum of scores at the same level (stage or fine) of that
measure. The stage with the highest score is the measure's ``dominant`` stage (ties: the stage whose
first term occurs earliest in the text). A measure that matches no stage term gets the parent stage
of its best fine theme, else ``management``, with score 0. Section titles are never an input.

Policy instruments (``data/instrument_rules.csv``): a measure gets every sub-tool whose terms, read
the same way, weigh 1 or more together (a term's weight defaults to 1; a weak term weighs less and
needs another) (``source = rule``); a measure with none gets environment: institutional mechanisms.
Researcher overrides (``data/annotations/overrides.csv``) replace a measure's codes and are marked
``source = override`` (:mod:`ipanalysis.corpus.overrides`).
"""

from __future__ import annotations

from functools import lru_cache

from ..rules.lexicon import STAGES, Theme, in_action_clause, instrument_terms, lexicon, term_index
from .unit_groups import find_unit_groups, names_officials_only
from .units import without_groups
from .words import Hit, find_terms

__all__ = ["strip_units", "weigh", "score_text", "code_instruments", "code_measures"]

DEFAULT_INSTRUMENT = ("environment", "institutional_mechanisms")


def strip_units(text: str) -> str:
    """The measure text without its unit groups and its lines naming officials alone."""
    out = []
    for paragraph in text.split("\n"):
        if names_officials_only(paragraph):
            continue
        out.append(without_groups(paragraph, find_unit_groups(paragraph)))
    return "\n".join(out)


def weigh(hits: list[Hit], scope: str) -> dict[str, tuple[float, list[str], int]]:
    """``{theme or sub-tool key: (score, matched terms in text order, first position)}`` of a
    measure's hits of one ``scope`` (``stage`` or ``instrument``): each occurrence of a term adds
    the term's weight to each theme (or sub-tool) it belongs to."""
    owned = _owners_in(scope)
    out: dict[str, list] = {}
    for term, start, _ in hits:
        for key, weight in owned[term]:
            entry = out.get(key)
            if entry is None:
                out[key] = [weight, [term], start]
                continue
            entry[0] += weight
            if term not in entry[1]:
                entry[1].append(term)
    return {key: tuple(entry) for key, entry in out.items()}


@lru_cache(maxsize=2)
def _owners_in(scope: str) -> dict[str, tuple[tuple[str, float], ...]]:
    """Every coding term -> its ``(theme or sub-tool key, weight)`` in one scope (:func:`term_index`)."""
    owners = term_index()
    return {term: tuple((key, weight) for owner_scope, key, weight in entries if owner_scope == scope)
            for term, entries in owners.items()}


def score_text(text: str, theme: Theme) -> tuple[float, list[str], int]:
    """``(score, matched terms, first position)`` of one theme in one text."""
    return weigh(find_terms(text)["stage"], "stage").get(theme.key, (0.0, [], len(text) + 1))


def code_instruments(text: str, hits: list[Hit]) -> list[tuple[str, str, str]]:
    """``(instrument, subtool, matched terms)`` of every sub-tool whose terms weigh 1 or more among
    the ``instrument`` hits of ``text`` (for a sub-tool with actions, those in a clause with one of
    its actions); the default sub-tool with no terms when none does."""
    weights = weigh(hits, "instrument")
    codes = []
    for rule in instrument_terms():
        if rule.subtool in weights and rule.actions:
            own = {term for term, _ in rule.terms}
            acting = [h for h in hits if h[0] in own and in_action_clause(text, h[1], rule.actions)]
            weights[rule.subtool] = weigh(acting, "instrument").get(rule.subtool, (0.0, [], 0))
        score, matched, _ = weights.get(rule.subtool, (0.0, [], 0))
        if score >= 1:
            codes.append((rule.instrument, rule.subtool, "、".join(matched)))
    return codes or [(*DEFAULT_INSTRUMENT, "")]


def code_measures(measures: list[dict], texts: list[str] | None = None) -> tuple[list[dict], list[dict]]:
    """``(measure_themes rows, measure_instruments rows)`` for the measures of one plan.

    ``texts`` are the measures' texts with their unit parenthesis removed (:func:`strip_units`),
    when the caller has them already.
    """
    theme_rows, instrument_rows = [], []
    themes = lexicon()
    stages = [t for t in themes if t.level == "stage"]
    fine = [t for t in themes if t.level != "stage"]
    if texts is None:
        texts = [strip_units(m["text"]) for m in measures]
    for m, text in zip(measures, texts):
        base = {"measure_id": m["measure_id"], "doc_id": m["doc_id"], "region": m["region"]}
        hits = find_terms(text)
        scored = weigh(hits["stage"], "stage")
        stage_rows = _level_rows(base, stages, scored) or [_fallback_stage(base, themes, scored)]
        best = max(stage_rows, key=lambda r: (r["score"], -scored.get(r["theme"], (0, 0, 0))[2]))
        for row in stage_rows:
            row["dominant"] = row is best
        theme_rows.extend(stage_rows)
        theme_rows.extend(_level_rows(base, fine, scored))
        for instrument, subtool, matched in code_instruments(text, hits["instrument"]):
            instrument_rows.append({**base, "instrument": instrument, "subtool": subtool,
                                    "source": "rule", "matched_terms": matched})
    return theme_rows, instrument_rows


def _level_rows(base: dict, themes: list[Theme], scored: dict) -> list[dict]:
    present = [t for t in themes if t.key in scored]
    total = sum(scored[t.key][0] for t in present)
    rows = []
    for t in present:
        score, matched, _ = scored[t.key]
        if score <= 0:
            continue
        rows.append({**base, "theme": t.key, "theme_zh": t.zh, "theme_en": t.en, "level": t.level,
                     "parent": t.parent or None, "score": round(score, 3),
                     "share": round(score / total, 4), "dominant": False,
                     "matched_terms": "、".join(matched)})
    return rows


def _fallback_stage(base: dict, themes: tuple[Theme, ...], scored: dict) -> dict:
    fine = [t for t in themes if t.level != "stage" and t.parent in STAGES and scored.get(t.key, (0,))[0] > 0]
    key = max(fine, key=lambda t: scored[t.key][0]).parent if fine else "management"
    theme = next(t for t in themes if t.key == key)
    return {**base, "theme": key, "theme_zh": theme.zh, "theme_en": theme.en, "level": "stage",
            "parent": None, "score": 0.0, "share": 1.0, "dominant": True,
            "matched_terms": "fallback"}
