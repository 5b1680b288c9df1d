"""Keyword in context, and length-aware measures with bootstrap intervals.

``kwic(corpus, "托管", window=20)`` shows every occurrence of a term in the measures, with its
measure id and plan, so a researcher sees what a lexicon term catches before trusting it.
``stage_shares_ci`` gives each plan's stage shares with bootstrap confidence intervals (measures
resampled within the plan), by measure and by text; ``stage_intensity`` counts stage codes per
1,000 characters, which does not grow with the length of a plan's measures.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..rules.lexicon import STAGES
from .plans import plan_labels

__all__ = ["kwic", "stage_shares_ci", "stage_intensity"]


def kwic(corpus, term: str, window: int = 20, regex: bool = False) -> pd.DataFrame:
    """Every occurrence of ``term`` in the measures: ``left``, ``match``, ``right`` (``window``
    characters each side), with ``measure_id``, ``doc_id`` and the plan's label."""
    pattern = re.compile(term if regex else re.escape(term))
    labels = plan_labels(corpus.documents)
    rows = []
    for m in corpus.measures.itertuples():
        text = str(m.text).replace("\n", " ")
        for hit in pattern.finditer(text):
            rows.append({"measure_id": m.measure_id, "doc_id": m.doc_id, "plan": labels.get(m.doc_id, m.doc_id),
                         "left": text[max(0, hit.start() - window):hit.start()], "match": hit.group(0),
                         "right": text[hit.end():hit.end() + window]})
    return pd.DataFrame(rows, columns=["measure_id", "doc_id", "plan", "left", "match", "right"])


def _dominant(corpus) -> pd.DataFrame:
    th = corpus.measure_themes
    dom = th[(th.level == "stage") & th.dominant.astype(bool)][["measure_id", "theme"]]
    m = corpus.measures[["measure_id", "doc_id", "text"]].merge(dom, on="measure_id", how="left")
    return m.assign(chars=m.text.str.len().astype(float))


def stage_shares_ci(corpus, n_boot: int = 1000, level: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """Per plan and stage: the share of measures whose dominant stage it is (``by_measure``) and the
    share of the plan's text in those measures (``by_text``), each with a bootstrap interval
    (``*_lo``, ``*_hi``) from resampling the plan's measures ``n_boot`` times (fixed ``seed``)."""
    rng = np.random.default_rng(seed)
    tail = (1 - level) / 2
    rows = []
    for doc_id, g in _dominant(corpus).groupby("doc_id", sort=False):
        stages = g.theme.to_numpy()
        chars = g.chars.to_numpy()
        idx = rng.integers(0, len(g), size=(n_boot, len(g)))
        for stage in STAGES:
            hit = (stages == stage).astype(float)
            by_measure = hit[idx].mean(axis=1)
            by_text = (hit[idx] * chars[idx]).sum(axis=1) / chars[idx].sum(axis=1)
            rows.append({"doc_id": doc_id, "stage": stage, "n_measures": len(g),
                         "by_measure": hit.mean(), "by_measure_lo": np.quantile(by_measure, tail),
                         "by_measure_hi": np.quantile(by_measure, 1 - tail),
                         "by_text": (hit * chars).sum() / chars.sum(), "by_text_lo": np.quantile(by_text, tail),
                         "by_text_hi": np.quantile(by_text, 1 - tail)})
    return pd.DataFrame(rows).round(4)


def stage_intensity(corpus) -> pd.DataFrame:
    """Plan × stage: stage codes (measures with a positive score for the stage) per 1,000 characters
    of measure text; unlike shares by measure, it does not rise with the length of the measures."""
    th = corpus.measure_themes
    coded = th[(th.level == "stage") & (th.score > 0)].groupby(["doc_id", "theme"]).measure_id.nunique()
    chars = corpus.measures.assign(n=corpus.measures.text.str.len()).groupby("doc_id").n.sum()
    table = coded.unstack(fill_value=0).reindex(columns=list(STAGES), fill_value=0)
    return table.div(chars.reindex(table.index) / 1000, axis=0).round(3)
