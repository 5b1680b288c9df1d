"""Comparing quantitative targets across plans and against the national plan."""

from __future__ import annotations

import pandas as pd

from ..rules.indicators import national_targets

__all__ = ["national_targets", "national_comparison", "quantification", "horizons"]

# Intensity indicators (per capita, per enterprise, shares, rates) can be compared across levels of
# government; absolute counts and amounts cannot (a county's 30 patents vs the nation's 90,000).
INTENSITY_UNITS = {"%"}
INTENSITY_KEYS_SUFFIXES = ("_per_10k", "_share", "_rate", "satisfaction")


def _is_intensity(key: str, unit: str) -> bool:
    return unit in INTENSITY_UNITS or key.endswith(INTENSITY_KEYS_SUFFIXES)


def national_comparison(corpus) -> pd.DataFrame:
    """Each local target beside the national 2025 target for the same indicator.

    ``ratio`` = local value / national value, given only where both are intensities (per-capita,
    shares, rates), so that a county's count is never set against the nation's.
    """
    t = corpus.targets.dropna(subset=["indicator_key"])
    nat = national_targets().rename(columns={"unit": "national_unit", "label_zh": "national_label_zh"})
    merged = t.merge(nat, on="indicator_key", how="inner")
    merged["comparable"] = [
        _is_intensity(k, u) and _is_intensity(k, nu)
        for k, u, nu in zip(merged.indicator_key, merged.unit, merged.national_unit)
    ]
    merged["ratio"] = (merged.value / merged.value_2025).where(merged.comparable).round(3)
    cols = ["region", "indicator_key", "national_label_zh", "indicator", "value", "unit", "year",
            "value_2025", "national_unit", "baseline_2020", "comparable", "ratio", "line"]
    return merged[cols].reset_index(drop=True)


def quantification(corpus) -> pd.DataFrame:
    """Per plan: targets, targets inside measures, share of measures with a number."""
    t = corpus.targets
    with_number = set(t.measure_id.dropna())
    rows = []
    for doc in corpus.documents.itertuples():
        m = corpus.measures[corpus.measures.region == doc.region]
        rows.append({"region": doc.region, "n_targets": int((t.region == doc.region).sum()),
                     "n_goal_targets": int(((t.region == doc.region) & t.measure_id.isna()).sum()),
                     "n_measures": len(m),
                     "share_with_number": round(m.measure_id.isin(with_number).mean(), 4) if len(m) else 0.0})
    return pd.DataFrame(rows)


def horizons(corpus) -> pd.DataFrame:
    """Per plan: its period and the years its targets aim at."""
    docs = corpus.documents.set_index("region")
    years = corpus.targets.dropna(subset=["year"]).groupby("region").year.agg(["min", "max", "count"])
    out = docs[["period_start", "period_end", "date_written"]].join(years)
    return out.rename(columns={"min": "first_target_year", "max": "last_target_year",
                               "count": "targets_with_year"}).reset_index()
