"""Helpers shared by the figure modules: plan order, labels and colours; figures of a journal's
widths; dots with intervals; heatmaps on a shared scale with their colour bar in the cells' units."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import PercentFormatter

from ..analysis.plans import place_of, plan_labels, plan_order
from .style import CATEGORY_COLOURS, DOUBLE_COLUMN, SINGLE_COLUMN, label, region_colors

__all__ = ["plan_context", "new_figure", "panel_grid", "interval_dots", "percent_axis", "heatmap",
           "interval_heatmap", "legend_below", "category_handles", "plan_share_heatmap", "plan_columns", "dot_panels"]

ANNOTATION_PT = 6
ROW_IN = 0.16  # height of one plan's row in a dot plot


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


def new_figure(width: str, height: float, **kwargs):
    """A figure one column (``"single"``, 89 mm) or one page (``"double"``, 183 mm) wide."""
    inches = SINGLE_COLUMN if width == "single" else DOUBLE_COLUMN
    return plt.subplots(figsize=(inches, height), **kwargs)


def panel_grid(n: int, panel_height: float, ncols: int = 3, sharey: bool = False, extra: float = 0.5):
    """A page-wide figure of ``n`` small multiples, ``ncols`` a row; unused panels are hidden."""
    ncols = max(1, min(ncols, n))
    nrows = int(np.ceil(n / ncols))
    fig, axes = new_figure("double", panel_height * nrows + extra, nrows=nrows, ncols=ncols, squeeze=False,
                           sharey=sharey)
    for ax in list(axes.flat)[n:]:
        ax.set_visible(False)
    return fig, list(axes.flat)[:n]


def percent_axis(axis, upper: float = 1.0) -> None:
    """A 0–``upper`` axis in per cent."""
    axis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    axis.axes.set_xlim(0, upper) if axis.axis_name == "x" else axis.axes.set_ylim(0, upper)


def interval_dots(ax, shares: pd.DataFrame, plans: list[str], colors: dict, offset: float = 0.0,
                  marker: str = "o", filled: bool = True, size: float = 3.2) -> None:
    """One dot per plan (rows of ``shares`` indexed by doc_id: ``share``, ``lo``, ``hi``) at its share,
    with its interval as a line; plans top to bottom in ``plans`` order."""
    for y, doc_id in enumerate(plans):
        if doc_id not in shares.index:
            continue
        row = shares.loc[doc_id]
        ax.plot([row.lo, row.hi], [y + offset] * 2, color=colors[doc_id], linewidth=0.9, solid_capstyle="butt")
        ax.plot([row.share], [y + offset], marker=marker, markersize=size, color=colors[doc_id], clip_on=False,
                markerfacecolor=colors[doc_id] if filled else "white", markeredgewidth=0.8, linestyle="none")
    ax.set_ylim(len(plans) - 0.5, -0.5)


def legend_below(fig, handles, labels, ncol: int) -> None:
    """One legend for the whole figure, under its panels."""
    fig.legend(handles, labels, loc="outside lower center", ncol=ncol, frameon=False)


def heatmap(frame: pd.DataFrame, ax, cbar_label: str, fmt: str = "{:.0%}", cmap: str = "Blues",
            vmax: float | None = 1.0, percent: bool = True, annotations: pd.DataFrame | None = None):
    """A heatmap on a fixed scale (0–``vmax``) with its colour bar in the cells' units (per cent when
    ``percent``); cells annotated with ``fmt`` or the strings of ``annotations``."""
    values = frame.astype(float).to_numpy()
    top = vmax if vmax is not None else max(float(np.nanmax(values)) if values.size else 1.0, 1e-9)
    image = ax.imshow(values, cmap=cmap, vmin=0, vmax=top, aspect="auto", interpolation="nearest")
    ax.set_xticks(range(frame.shape[1]), frame.columns)
    ax.set_yticks(range(frame.shape[0]), frame.index)
    ax.tick_params(axis="both", length=0)
    ax.spines[:].set_visible(False)
    ax.set_xticks(np.arange(frame.shape[1] + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(frame.shape[0] + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="white", linewidth=0.6)
    ax.tick_params(which="minor", length=0)
    for (i, j), value in np.ndenumerate(values):
        if np.isnan(value):
            continue
        text = annotations.iat[i, j] if annotations is not None else fmt.format(value)
        ax.text(j, i, text, ha="center", va="center", fontsize=ANNOTATION_PT, linespacing=1.0,
                color="white" if value > 0.6 * top else "black")
    bar = ax.figure.colorbar(image, ax=ax, shrink=0.8, pad=0.02)
    bar.set_label(cbar_label)
    if percent:
        bar.ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    bar.outline.set_visible(False)
    return image


def interval_heatmap(share: pd.DataFrame, lo: pd.DataFrame, hi: pd.DataFrame, ax, cbar_label: str,
                     cmap: str = "Blues"):
    """Shares on a 0–100 % scale, each cell annotated with its share and its interval beneath."""
    notes = share.copy().astype(object)
    for (i, j), value in np.ndenumerate(share.to_numpy(dtype=float)):
        notes.iat[i, j] = f"{value:.0%}\n{lo.iat[i, j] * 100:.0f}–{hi.iat[i, j] * 100:.0f}"
    return heatmap(share, ax, cbar_label, cmap=cmap, annotations=notes)


def category_handles(keys, lang: str):
    """Legend handles and labels for categories in their colours."""
    from matplotlib.patches import Patch

    return [Patch(color=CATEGORY_COLOURS[k]) for k in keys], [label(k, lang) for k in keys]


def plan_share_heatmap(corpus, lang: str, hits: pd.DataFrame, n_keys: int | None = None, cmap: str = "Blues"):
    """Keys (rows) × plans (columns): each plan's share of measures carrying the key, annotated with
    its 95 % interval; with ``n_keys``, only the keys with the largest share in some plan."""
    from ..analysis.intervals import plan_shares, wide

    plans, names, _ = plan_context(corpus, lang, set(corpus.measures.doc_id))
    if not plans or hits.empty or not len(hits.columns):
        return None
    shares = plan_shares(hits, corpus.measures)
    share, lo, hi = (wide(shares, c).loc[plans, list(hits.columns)].T for c in ("share", "lo", "hi"))
    if n_keys is not None:
        order = share.max(axis=1).sort_values(ascending=False, kind="stable").index[:n_keys]
        share, lo, hi = (f.loc[order] for f in (share, lo, hi))
    for frame in (share, lo, hi):
        frame.index = [label(k, lang) for k in frame.index]
        frame.columns = [names[d] for d in plans]
    fig, ax = new_figure("double", 0.27 * len(share) + 1.3)
    interval_heatmap(share, lo, hi, ax, label("share_of_measures", lang), cmap=cmap)
    plan_columns(ax, [names[d] for d in plans])
    return fig


def plan_columns(ax, names: list[str], most_flat: int = 6) -> None:
    """Plans as column labels: level and on two lines (place, then year) when few, else upright."""
    if len(names) <= most_flat:
        ax.set_xticks(range(len(names)), [n.replace(" ", "\n", 1) for n in names], rotation=0)
    else:
        ax.tick_params(axis="x", rotation=90)


def dot_panels(corpus, lang, hits, keys, ncols: int = 3, weights_both: bool = False):
    """One panel per key: each plan's share of measures with the key and its interval (and, with
    ``weights_both``, its share of text as an open diamond), all on one 0–100 % scale."""
    plans, names, colors = plan_context(corpus, lang, set(corpus.measures.doc_id))
    if not plans:
        return None
    from ..analysis.intervals import plan_shares

    by_measure = plan_shares(hits, corpus.measures).set_index(["key", "doc_id"])
    by_text = plan_shares(hits, corpus.measures, weights="chars").set_index(["key", "doc_id"]) if weights_both else None
    rows = -(-len(keys) // ncols)
    fig, axes = panel_grid(len(keys), ROW_IN * len(plans) * (1.5 if weights_both else 1.0) + 0.55,
                           ncols=ncols, sharey=True, extra=0.35 if weights_both else 0.1)
    for ax, key in zip(axes, keys):
        shift = 0.17 if weights_both else 0.0
        interval_dots(ax, by_measure.loc[key], plans, colors, offset=-shift)
        if weights_both:
            interval_dots(ax, by_text.loc[key], plans, colors, offset=shift, marker="D", filled=False, size=2.8)
        percent_axis(ax.xaxis)
        ax.set_title(label(key, lang))
        ax.grid(axis="x", color="#DDDDDD", linewidth=0.4)
        ax.set_axisbelow(True)
    axes[0].set_yticks(range(len(plans)), [names[d] for d in plans])
    for ax in axes[len(axes) - ncols if rows > 1 else 0:]:
        ax.set_xlabel(label("share_of_measures", lang) if not weights_both else label("share", lang))
    if weights_both:
        handles = [Line2D([], [], color="#444444", marker="o", linestyle="-", markersize=3.2),
                   Line2D([], [], color="#444444", marker="D", markerfacecolor="white", linestyle="-",
                          markersize=2.8)]
        legend_below(fig, handles, [label("by_measure", lang), label("by_text", lang)], ncol=2)
    return fig
