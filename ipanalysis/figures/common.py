"""Helpers shared by the figure modules: plan order and labels, bars, heatmaps, panel grids."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ..rules.lexicon import STAGES
from .style import DOUBLE_COLUMN, SINGLE_COLUMN, label, region_colors, region_label

STAGE_COLORS = dict(zip(STAGES, ["#4477AA", "#66CCEE", "#228833", "#CCBB44", "#EE6677", "#AA3377"]))
ROLE_COLORS = {"lead": "#08306B", "responsible": "#4292C6", "cooperating": "#C6DBEF"}

def ordered_regions(corpus) -> list[str]:
    """Regions in a stable display order (by period start, then name)."""
    docs = corpus.documents.sort_values(["date_written", "region"], na_position="last")
    return docs.region.tolist()


def region_axis_labels(corpus, lang) -> dict[str, str]:
    return region_label(corpus.documents, lang)


def region_context(corpus, lang, present=None):
    """``(regions in display order, region -> label, region -> colour)``, limited to ``present``."""
    present = None if present is None else set(present)
    regions = [r for r in ordered_regions(corpus) if present is None or r in present]
    return regions, region_axis_labels(corpus, lang), region_colors(regions)


def bar_by_region(corpus, values: pd.Series, lang: str, ylabel: str, fmt: str = "{:.0f}", ax=None):
    regions = [r for r in ordered_regions(corpus) if r in values.index]
    colors = region_colors(regions)
    names = region_axis_labels(corpus, lang)
    own = ax is None
    if own:
        fig, ax = plt.subplots(figsize=(SINGLE_COLUMN, 2.4))
    bars = ax.bar([names[r] for r in regions], [values[r] for r in regions], color=[colors[r] for r in regions])
    for bar, r in zip(bars, regions):
        ax.annotate(fmt.format(values[r]), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    ha="center", va="bottom", fontsize=6, xytext=(0, 1), textcoords="offset points")
    ax.set_ylabel(ylabel)
    ax.tick_params(axis="x", rotation=0)
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


def share_heatmap(frame: pd.DataFrame, regions, names, lang, extra_width: float):
    """Keys (rows, labelled in ``lang``) × regions: shares of each region's measures."""
    frame = frame.copy()
    frame.index = [label(k, lang) for k in frame.index]
    frame.columns = [names[r] for r in regions]
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


