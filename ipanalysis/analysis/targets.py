"""Comparing quantitative targets across plans and against the national plan."""

from __future__ import annotations

import pandas as pd

from ..rules.indicators import national_targets

__all__ = ["national_targets", "commitments", "national_comparison", "quantification", "horizons"]

# Intensity indicators (per capita, per enterprise, shares, rates) can be compared across levels of
# government; absolute counts and amounts cannot (a county's 30 patents vs the nation's 90,000).
INTENSITY_UNITS = {"%"}
INTENSITY_KEYS_SUFFIXES = ("_per_10k", "_share", "_rate", "satisfaction")


def _is_intensity(key: str, unit: str) -> bool:
    return unit in INTENSITY_UNITS or key.endswith(INTENSITY_KEYS_SUFFIXES)


def commitments(corpus, distinct: bool = True) -> pd.DataFrame:
    """The targets a plan commits to (``kind == commitment``): no subsidies or caps; with
    ``distinct``, a task's repetition of a goal (``restates``) counts once, as the goal."""
    t = corpus.targets
    if "kind" in t.columns:
        t = t[t["kind"].fillna("commitment") == "commitment"]
    if distinct and "restates" in t.columns:
        t = t[t["restates"].isna()]
    return t


def national_comparison(corpus) -> pd.DataFrame:
    """Each local target beside the national 2025 target for the same indicator.

    ``comparable`` only where both are intensities (per capita, shares, rates) in the same unit, so
    that a county's count is never set against the nation's, nor a percentage against a score
    (85% satisfaction against 82分); ``ratio`` = local value / national value where comparable.
    """
    t = commitments(corpus).dropna(subset=["indicator_key"])
    nat = national_targets().rename(columns={"unit": "national_unit", "label_zh": "national_label_zh"})
    merged = t.merge(nat, on="indicator_key", how="inner")
    merged["comparable"] = [
        _is_intensity(k, u) and _is_intensity(k, nu) and u == nu
        for k, u, nu in zip(merged.indicator_key, merged.unit, merged.national_unit)
    ]
    merged["ratio"] = (merged.value / merged.value_2025).where(merged.comparable).round(3)
    cols = ["doc_id", "region", "indicator_key", "national_label_zh", "indicator", "value", "unit", "year",
            "value_2025", "national_unit", "baseline", "baseline_year", "comparable", "ratio", "line"]
    return merged[cols].reset_index(drop=True)


def quantification(corpus) -> pd.DataFrame:
    """Per plan (``doc_id``): targets, targets inside measures, share of measures with a number (and
    its 95 % bootstrap interval, ``share_with_number_lo``/``_hi``)."""
    from .intervals import add_intervals

    t = commitments(corpus)
    with_number = set(t.measure_id.dropna())
    rows = []
    for doc in corpus.documents.itertuples():
        m = corpus.measures[corpus.measures.doc_id == doc.doc_id]
        own = t[t.doc_id == doc.doc_id]
        rows.append({"doc_id": doc.doc_id, "region": doc.region, "n_targets": len(own),
                     "n_goal_targets": int(own.measure_id.isna().sum()),
                     "n_measures": len(m),
                     "share_with_number": round(m.measure_id.isin(with_number).mean(), 4) if len(m) else 0.0})
    hits = pd.Series(corpus.measures.measure_id.isin(with_number).to_numpy(), index=corpus.measures.measure_id)
    return add_intervals(pd.DataFrame(rows), "share_with_number", hits, corpus.measures)


def horizons(corpus) -> pd.DataFrame:
    """Per plan (``doc_id``): its period and the years its targets aim at."""
    docs = corpus.documents.set_index("doc_id")
    years = commitments(corpus).dropna(subset=["year"]).groupby("doc_id").year.agg(["min", "max", "count"])
    out = docs[["region", "period_start", "period_end", "date_written"]].join(years)
    return out.rename(columns={"min": "first_target_year", "max": "last_target_year",
                               "count": "targets_with_year"}).reset_index()
