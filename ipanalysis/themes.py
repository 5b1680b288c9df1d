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
measure's codes and are marked ``source = override``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

from .resources import parse_csv_text, read_records, read_table
from .units import find_unit_groups

__all__ = [
    "STAGES",
    "Theme",
    "lexicon",
    "instrument_rules",
    "strip_units",
    "score_text",
    "code_measures",
    "apply_overrides",
    "read_overrides",
    "section_stage",
]

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
def _instrument_terms() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    return tuple((r["instrument"], r["subtool"], tuple(t for t in r["terms"].split("|") if t))
                 for r in read_records("instrument_rules.csv"))


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
    rules = _instrument_terms()
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


# ---------------------------------------------------------------------------------------------
# researcher overrides


def has_overrides(path) -> bool:
    """Whether the override file exists and holds at least one row below its header (no pandas)."""
    from pathlib import Path

    try:
        _, rows = parse_csv_text(Path(path).read_text(encoding="utf-8-sig"), str(path))
    except (OSError, UnicodeDecodeError, ValueError):
        return Path(path).exists()  # unreadable or malformed: let read_overrides say why
    return bool(rows)


def read_overrides(path) -> pd.DataFrame:
    """The override file (``measure_id, dimension, code, note``); empty when it does not exist."""
    from pathlib import Path

    import pandas as pd

    columns = ["measure_id", "dimension", "code", "note"]
    path = Path(path)
    if not path.exists():
        return pd.DataFrame(columns=columns)
    frame = pd.read_csv(path, dtype=str, comment="#", keep_default_na=False, encoding="utf-8-sig")
    missing = set(columns[:3]) - set(frame.columns)
    if missing:
        raise ValueError(f"{path}: missing columns {sorted(missing)}")
    bad = frame[~frame["dimension"].isin(["instrument", "stage"])]
    if len(bad):
        raise ValueError(f"{path}: dimension must be 'instrument' or 'stage' (row {bad.index[0] + 2})")
    return frame


def apply_overrides(themes: pd.DataFrame, instruments: pd.DataFrame, overrides: pd.DataFrame,
                    measures: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Replace coded rows with the researcher's codes; return the tables and any problems found."""
    import pandas as pd

    problems = []
    known = set(measures["measure_id"])
    lex = {t.key: t for t in lexicon()}
    rules = instrument_rules()
    valid_tools = set(zip(rules.instrument, rules.subtool))
    meta = measures.set_index("measure_id")[["doc_id", "region"]]
    for (measure_id, dimension), group in overrides.groupby(["measure_id", "dimension"], sort=False):
        if measure_id not in known:
            problems.append(f"override for unknown measure '{measure_id}'")
            continue
        base = {"measure_id": measure_id, **meta.loc[measure_id].to_dict()}
        if dimension == "instrument":
            rows = []
            for code, note in zip(group["code"], group.get("note", [""] * len(group))):
                instrument, _, subtool = code.partition(":")
                if (instrument, subtool) not in valid_tools:
                    problems.append(f"override for {measure_id}: unknown instrument code '{code}'")
                    continue
                rows.append({**base, "instrument": instrument, "subtool": subtool,
                             "source": "override", "matched_terms": note or ""})
            if rows:
                instruments = instruments[instruments.measure_id != measure_id]
                instruments = pd.concat([instruments, pd.DataFrame(rows)], ignore_index=True)
        else:
            code = group["code"].iloc[-1]
            if code not in STAGES:
                problems.append(f"override for {measure_id}: unknown stage '{code}'")
                continue
            is_stage = (themes.measure_id == measure_id) & (themes.level == "stage")
            themes = themes.copy()
            themes.loc[is_stage, "dominant"] = False
            hit = is_stage & (themes.theme == code)
            if hit.any():
                themes.loc[hit, "dominant"] = True
                themes.loc[hit, "matched_terms"] = "override"
            else:
                t = lex[code]
                row = {**base, "theme": code, "theme_zh": t.zh, "theme_en": t.en, "level": "stage",
                       "parent": None, "score": 0.0, "share": 0.0, "dominant": True,
                       "matched_terms": "override"}
                themes = pd.concat([themes, pd.DataFrame([row])], ignore_index=True)
    order = {m: i for i, m in enumerate(measures["measure_id"])}
    themes = themes.sort_values("measure_id", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)
    instruments = instruments.sort_values("measure_id", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)
    return themes, instruments, problems
