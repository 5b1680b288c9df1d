"""Helpers shared by the figure modules: plan order and labels, bars, heatmaps, panel grids."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ..rules.lexicon import STAGES
from ..analysis.plans import place_of, plan_labels, plan_order
from .style import DOUBLE_COLUMN, SINGLE_COLUMN, label, region_colors

STAGE_COLORS = dict(zip(STAGES, ["#4477AA", "#66CCEE", "#228833", "#CCBB44", "#EE6677", "#AA3377"]))
ROLE_COLORS = {"lead": "#08306B", "responsible": "#4292C6", "cooperating": "#C6DBEF"}


def plan_context(corpus, lang, present=None):
    """``(plans in display order, doc_id -> label, doc_id -> colour)``, limited to ``present``.

    Plans are the unit of every figure; each keeps its region's colour (so a region's plans share
    one) and a label that tells it apart (region and year, then type: :mod:`..analysis.plans`).
    """
    present = None if present is None else set(present)
    order = plan_order(corpus.documents)
    plans = [d for d in order if present is None or d in present]
    place = place_of(corpus.documents)
    region_of = corpus.documents.set_index("doc_id").region
    colour_key = {}  # one colour a place: its first plan's region key (palette in region_palette.csv)
    for d in order:
        colour_key.setdefault(place[d], region_of[d])
    by_region = region_colors(sorted({colour_key[place[d]] for d in plans}))
    return plans, plan_labels(corpus.documents, lang), {d: by_region[colour_key[place[d]]] for d in plans}


def bar_by_plan(corpus, values: pd.Series, lang: str, ylabel: str, fmt: str = "{:.0f}", ax=None):
    """Vertical bars, one per plan (``values`` indexed by doc_id), in the plans' colours."""
    plans, names, colors = plan_context(corpus, lang, values.index)
    if ax is None:
        _, ax = plt.subplots(figsize=(SINGLE_COLUMN, 2.4))
    bars = ax.bar(range(len(plans)), [values[d] for d in plans], color=[colors[d] for d in plans])
    ax.set_xticks(range(len(plans)), [names[d] for d in plans], rotation=30 if len(plans) > 4 else 0,
                  ha="right" if len(plans) > 4 else "center")
    for bar, d in zip(bars, plans):
        ax.annotate(fmt.format(values[d]), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    ha="center", va="bottom", fontsize=6, xytext=(0, 1), textcoords="offset points")
    ax.set_ylabel(ylabel)
    return ax.figure


def stacked_barh(ax, ticks: list[str], table: pd.DataFrame, colors: dict, lang: str,
                  percent_labels: bool = False):
    """Horizontal bars stacked over ``table``'s columns (one bar per row, labelled ``ticks``)."""
    left = np.zeros(len(table))
    for key in table.columns:
        values = table[key].to_numpy(dtype=float)
        ax.barh(ticks, values, left=left, color=colors[key], label=label(key, lang))
        if percent_labels:
            dark = sum(int(colors[key].lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)) < 400
            for y, (x0, v) in enumerate(zip(left, values)):
                if v >= 0.07:
                    ax.text(x0 + v / 2, y, f"{v:.0%}", ha="center", va="center", fontsize=5.5,
                            color="white" if dark else "black")
        left += values
    ax.invert_yaxis()


def share_heatmap(frame: pd.DataFrame, plans, names, lang, extra_width: float):
    """Keys (rows, labelled in ``lang``) × plans: shares of each plan's measures."""
    frame = frame.copy()
    frame.index = [label(k, lang) for k in frame.index]
    frame.columns = [names[d] for d in plans]
    fig, ax = plt.subplots(figsize=(SINGLE_COLUMN + extra_width, 0.2 * len(frame) + 0.85))
    heatmap(frame, ax, cbar_label=label("share_of_measures", lang), vmax=1)
    return fig


def panel_grid(n: int, panel_height: float, ncols: int = 3):
    """A figure of ``n`` small multiples, ``ncols`` a row; unused panels are hidden."""
    nrows = int(np.ceil(n / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(DOUBLE_COLUMN, panel_height * nrows + 0.4), squeeze=False,
                             layout="constrained")
    for ax in list(axes.flat)[n:]:
        ax.axis("off")
    return fig, list(axes.flat)[:n]


def heatmap(frame: pd.DataFrame, ax, fmt=".0%", cmap="Blues", cbar_label=None, vmax=None):
    import seaborn as sns

    sns.heatmap(frame.astype(float), ax=ax, cmap=cmap, annot=True, fmt=fmt, annot_kws={"fontsize": 5.5},
                linewidths=0.4, linecolor="white", vmin=0, vmax=vmax,
                cbar_kws={"label": cbar_label, "shrink": 0.8} if cbar_label else {"shrink": 0.8})
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.tick_params(axis="both", length=0)
    ax.tick_params(axis="y", rotation=0)


