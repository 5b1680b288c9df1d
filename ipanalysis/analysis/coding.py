"""Keyword in context, and length-aware measures with bootstrap intervals.

``kwic(corpus, "托管", window=20)`` shows every occurrence of a term in the measures, with its
measure id and plan, so a researcher sees what a lexicon term catches before trusting it.
``stage_shares_ci`` gives each plan's stage shares with bootstrap confidence intervals (measures
resampled within the plan), by measure and by text, and ``instrument_shares_ci`` the same for the
instrument types; ``view_disagreements`` lists the plans and categories where the two views
disagree beyond their intervals; ``stage_intensity`` counts stage codes per 1,000 characters, which
does not grow with the length of a plan's measures. Lengths count the text the coding reads: a
measure without its unit parenthesis.
"""

from __future__ import annotations

import re

import pandas as pd

from ..rules.lexicon import STAGES
from .plans import plan_labels

__all__ = ["kwic", "stage_shares_ci", "instrument_shares_ci", "view_disagreements", "stage_intensity",
           "INSTRUMENT_TYPES"]

INSTRUMENT_TYPES = ("supply", "environment", "demand")
# what identifies a measure in the interval tables (plan_id: the plan of a measure in a group of plans)
ID_COLUMNS = ("measure_id", "doc_id", "plan_id")

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


def _measure_chars(corpus) -> pd.DataFrame:
    """``measure_id``, ``doc_id`` (and, for groups of plans, ``plan_id``) and ``chars``: a measure's
    length without its unit parenthesis (the text the coding reads; a long list of units is no
    content)."""
    from .intervals import text_lengths

    m = corpus.measures[[c for c in (*ID_COLUMNS, "text") if c in corpus.measures.columns]]
    return m.assign(chars=text_lengths(m.text)).drop(columns="text")


def _bootstrap_shares(weights: pd.DataFrame, key: str, n_boot: int, level: float, seed: int) -> pd.DataFrame:
    """Per plan and category (the columns of ``weights`` after ``measure_id``, ``doc_id``,
    ``plan_id`` if any, and ``chars``): the category's share of the plan by measure (mean of the measures' weights) and by
    text (weights times characters over all characters), each with the bootstrap interval of
    :func:`.intervals.plan_shares` (both views from the same resamples of the plan's measures)."""
    from .intervals import plan_shares

    ids = [c for c in ID_COLUMNS if c in weights.columns]
    measures = weights[ids]
    hits = weights.set_index("measure_id").drop(columns=[*ids[1:], "chars"])
    chars = weights.set_index("measure_id").chars
    views = {view: plan_shares(hits, measures, w, n_boot, level, seed).rename(
                 columns={"key": key, "share": view, "lo": f"{view}_lo", "hi": f"{view}_hi"})
             for view, w in (("by_measure", None), ("by_text", chars))}
    return views["by_measure"].merge(views["by_text"].drop(columns="n_measures"), on=["doc_id", key],
                                     how="left")


def stage_shares_ci(corpus, n_boot: int = 1000, level: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """Per plan and stage: the share of measures whose dominant stage it is (``by_measure``) and the
    share of the plan's text in those measures (``by_text``), each with a bootstrap interval
    (``*_lo``, ``*_hi``) from resampling the plan's measures ``n_boot`` times (fixed ``seed``)."""
    from .themes import stage_membership

    m = _measure_chars(corpus)
    onehot = stage_membership(corpus).reindex(m.measure_id).astype(float).reset_index(drop=True)
    return _bootstrap_shares(pd.concat([m.reset_index(drop=True), onehot], axis=1), "stage", n_boot, level, seed)


def instrument_shares_ci(corpus, n_boot: int = 1000, level: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """Per plan and instrument type (supply, environment, demand): its share of the plan's
    instrument use by measure and by text, with bootstrap intervals as :func:`stage_shares_ci`.

    A measure that uses several types splits its weight (one measure, or its characters) equally
    among them, so the three shares of a plan add up to 1 in either view."""
    types: dict[str, set] = {}
    for measure_id, kind in zip(corpus.measure_instruments.measure_id, corpus.measure_instruments.instrument):
        types.setdefault(measure_id, set()).add(kind)
    m = _measure_chars(corpus)
    used = [types.get(measure_id, set()) for measure_id in m.measure_id]
    split = pd.DataFrame({kind: [(kind in t) / len(t) if t else 0.0 for t in used] for kind in INSTRUMENT_TYPES},
                         index=m.index)
    return _bootstrap_shares(pd.concat([m, split], axis=1), "instrument", n_boot, level, seed)


def view_disagreements(ci: pd.DataFrame) -> pd.DataFrame:
    """Where a plan's shares by measure and by text (:func:`stage_shares_ci` or
    :func:`instrument_shares_ci`) disagree beyond their intervals: ``kind = share`` when a
    category's two intervals do not overlap; ``kind = rank`` when two categories are ordered one way
    by measure and the other way by text, each order holding beyond the intervals (the one's
    interval wholly above the other's)."""
    key = "stage" if "stage" in ci.columns else "instrument"
    cols = ["by_measure", "by_measure_lo", "by_measure_hi", "by_text", "by_text_lo", "by_text_hi"]
    rows = []
    for doc_id, g in ci.groupby("doc_id", sort=False):
        recs = g.to_dict("records")
        for r in recs:
            if r["by_measure_hi"] < r["by_text_lo"] or r["by_text_hi"] < r["by_measure_lo"]:
                rows.append({"doc_id": doc_id, "kind": "share", key: r[key], "other": None,
                             **{c: r[c] for c in cols}})
            for o in recs:
                if r["by_measure_lo"] > o["by_measure_hi"] and o["by_text_lo"] > r["by_text_hi"]:
                    rows.append({"doc_id": doc_id, "kind": "rank", key: r[key], "other": o[key],
                                 **{c: r[c] for c in cols}})
    return pd.DataFrame(rows, columns=["doc_id", "kind", key, "other", *cols])


def stage_intensity(corpus) -> pd.DataFrame:
    """Plan × stage: stage codes (measures with a positive score for the stage) per 1,000 characters
    of measure text (unit parenthesis removed); unlike shares by measure, it does not rise with the
    length of the measures."""
    th = corpus.measure_themes
    coded = th[(th.level == "stage") & (th.score > 0)].groupby(["doc_id", "theme"]).measure_id.nunique()
    chars = _measure_chars(corpus).groupby("doc_id").chars.sum()
    table = coded.unstack(fill_value=0).reindex(columns=list(STAGES), fill_value=0)
    return table.div(chars.reindex(table.index) / 1000, axis=0).round(3)
