"""Shares of a plan's measures with bootstrap intervals, by measure and by text.

Every share a figure or notebook compares across plans comes from :func:`plan_shares`: given which
measures carry which code (a ``measure_id`` × key table of booleans, :func:`membership`), it gives
each plan's share of measures with the code and a percentile interval from resampling the plan's
measures with replacement (``n_boot`` times). With ``weights`` (characters of each measure), the
share is of the plan's text instead, so plans of long and short measures compare like for like.

The resampling of a plan is seeded from ``seed`` and the plan's ``doc_id``: a plan's intervals do
not change when other plans join the corpus. For a group of plans (``measures.plan_id``, from
:func:`ipanalysis.tables.group.group_corpus`) the group's plans are resampled and, within each,
its measures (a two-stage bootstrap): the interval speaks for the plans of the group, and a group
of one plan keeps the uncertainty of its measures.
"""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

__all__ = ["membership", "plan_shares", "wide", "text_lengths", "with_intervals", "add_intervals", "place_after"]


def membership(pairs: pd.DataFrame, key: str, measures: pd.DataFrame, keys=None) -> pd.DataFrame:
    """measure_id × key booleans from (measure_id, ``key``) rows, with a row for every measure of
    ``measures`` (those with no code are all False) and a column for every one of ``keys``."""
    pairs = pairs.dropna(subset=[key]).drop_duplicates(["measure_id", key])
    table = pd.crosstab(pairs.measure_id, pairs[key]).astype(bool)
    table = table.reindex(index=measures.measure_id, fill_value=False)
    if keys is not None:
        table = table.reindex(columns=list(keys), fill_value=False)
    return table.fillna(False).astype(bool)


def text_lengths(texts: pd.Series) -> pd.Series:
    """Characters of each measure's text without its unit parenthesis: the text the coding reads
    (a long list of units is no content)."""
    from ..parse.themes import strip_units

    return texts.map(lambda t: len(strip_units(str(t)))).astype(float)


def _resample(hits: np.ndarray, weights: np.ndarray, n_boot: int, rng, clusters=None) -> np.ndarray:
    """n_boot × keys shares of resampled measures (weighted by ``weights``); with ``clusters`` (the
    plan of each measure, in a group of plans) the plans are resampled, each with all its measures."""
    if clusters is not None:
        return _resample_plans(hits, weights, clusters, n_boot, rng)
    idx = rng.integers(0, len(hits), size=(n_boot, len(hits)))
    w = weights[idx]
    return np.einsum("bn,bnk->bk", w, hits[idx]) / w.sum(axis=1, keepdims=True)


def _resample_plans(hits: np.ndarray, weights: np.ndarray, clusters, n_boot: int, rng) -> np.ndarray:
    """Two-stage bootstrap of a group of plans: each replicate draws the group's plans with
    replacement and, within each plan drawn, its measures with replacement (a plan drawn twice in one
    replicate reuses its measures' draw). With one plan it is the bootstrap of its measures."""
    codes, plans = pd.factorize(clusters)
    inner_hits = np.zeros((len(plans), n_boot, hits.shape[1]))
    inner_weights = np.zeros((len(plans), n_boot))
    for plan in range(len(plans)):
        rows = np.flatnonzero(codes == plan)
        idx = rows[rng.integers(0, len(rows), size=(n_boot, len(rows)))]
        inner_weights[plan] = weights[idx].sum(axis=1)
        inner_hits[plan] = np.einsum("bn,bnk->bk", weights[idx], hits[idx])
    drawn = rng.integers(0, len(plans), size=(n_boot, len(plans)))
    counts = np.stack([np.bincount(row, minlength=len(plans)) for row in drawn]).astype(float)
    total = np.einsum("bp,pb->b", counts, inner_weights)
    return np.divide(np.einsum("bp,pbk->bk", counts, inner_hits), total[:, None],
                     out=np.zeros((n_boot, hits.shape[1])), where=total[:, None] > 0)


def plan_shares(hits: pd.DataFrame, measures: pd.DataFrame, weights: str | pd.Series | None = None,
                n_boot: int = 1000, level: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """Long table ``doc_id, key, n_measures, share, lo, hi``: each plan's share of measures (or, with
    ``weights="chars"``, of text without the unit parentheses; or of any ``weights`` given per
    measure_id) carrying each key of ``hits`` (booleans, or a measure's weight in each key), with a
    ``level`` bootstrap interval."""
    m = measures.set_index("measure_id")
    doc_of = m.doc_id.reindex(hits.index)
    plan_of = m.plan_id.reindex(hits.index) if "plan_id" in m.columns else None  # a group of plans
    if isinstance(weights, pd.Series):
        w_all = weights.astype(float).reindex(hits.index)
    else:
        w_all = (text_lengths(m.text) if weights == "chars" else pd.Series(1.0, index=m.index)).reindex(hits.index)
    tail = (1 - level) / 2
    rows = []
    for doc_id, ids in doc_of.groupby(doc_of, sort=False).groups.items():
        h = hits.loc[ids].to_numpy(dtype=float)
        w = w_all.loc[ids].to_numpy(dtype=float)
        if w.sum() <= 0:
            continue
        rng = np.random.default_rng([seed, zlib.crc32(str(doc_id).encode())])
        boot = _resample(h, w, n_boot, rng, None if plan_of is None else plan_of.loc[ids].to_numpy())
        share = w @ h / w.sum()
        lo, hi = np.quantile(boot, [tail, 1 - tail], axis=0)
        for j, key in enumerate(hits.columns):
            rows.append((doc_id, key, len(ids), share[j], lo[j], hi[j]))
    out = pd.DataFrame(rows, columns=["doc_id", "key", "n_measures", "share", "lo", "hi"])
    return out.round({"share": 4, "lo": 4, "hi": 4})


def wide(shares: pd.DataFrame, column: str = "share") -> pd.DataFrame:
    """Plan × key table of one column of :func:`plan_shares`."""
    return shares.pivot(index="doc_id", columns="key", values=column)


def with_intervals(shares: pd.DataFrame, key: str = "key", value: str = "share", digits: int = 0) -> pd.DataFrame:
    """Plan × key table to read: each share in per cent with its interval, ``"35 (20–50)"``, from a
    long table with ``value``, ``value_lo``/``value_hi`` (or ``share``, ``lo``, ``hi``) columns, such as
    :func:`plan_shares` or ``coding.stage_shares_ci``."""
    lo, hi = (("lo", "hi") if value == "share" and "lo" in shares.columns else (f"{value}_lo", f"{value}_hi"))
    cells = [f"{s * 100:.{digits}f} ({a * 100:.{digits}f}–{b * 100:.{digits}f})"
             for s, a, b in zip(shares[value], shares[lo], shares[hi])]
    table = shares.assign(_cell=cells).pivot(index="doc_id", columns=key, values="_cell")
    order = list(dict.fromkeys(shares[key]))
    return table.reindex(columns=order).rename_axis(index="doc_id", columns=None)


def add_intervals(table: pd.DataFrame, column: str, hits: pd.Series, measures: pd.DataFrame,
                  weights: pd.Series | None = None, **kwargs) -> pd.DataFrame:
    """``table`` (one row per ``doc_id``) with ``{column}_lo`` and ``{column}_hi`` after ``column``:
    the bootstrap interval of the share that ``hits`` (a value per measure_id: a flag, or a measure's
    part of ``weights``) gives each plan (:func:`plan_shares`, keyword arguments passed on); empty
    where ``column`` is."""
    shares = plan_shares(hits.rename(column).to_frame(), measures, weights=weights, **kwargs)
    bounds = shares.set_index("doc_id")[["lo", "hi"]].add_prefix(f"{column}_")
    out = table.drop(columns=list(bounds.columns), errors="ignore").join(bounds, on="doc_id")
    out.loc[out[column].isna(), list(bounds.columns)] = float("nan")
    return place_after(out, column, list(bounds.columns))


def place_after(table: pd.DataFrame, column: str, columns: list[str]) -> pd.DataFrame:
    """``table`` with ``columns`` (already in it) moved to follow ``column``."""
    rest = [c for c in table.columns if c not in columns]
    at = rest.index(column) + 1
    return table[rest[:at] + columns + rest[at:]]
