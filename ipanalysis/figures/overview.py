"""Figures of notebook 01: the corpus at a glance (Figure 1 of a paper) and the units per measure."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from ..analysis import overview
from ..rules.datafiles import read_table
from ..rules.document_types import type_labels
from .common import ROW_IN, new_figure, plan_context
from .registry import register
from .style import label

PROFILE_COLUMNS = ("plan_type", "admin_level", "measures", "chars_short")


def _profile_table(corpus, plans, lang) -> pd.DataFrame:
    """The text columns of the corpus profile, one row per plan."""
    summary = overview.plan_summary(corpus, lang).set_index("doc_id")
    docs = corpus.documents.set_index("doc_id")
    types = type_labels(lang)
    rows = {}
    for d in plans:
        chars = summary.chars_per_measure.get(d)
        rows[d] = [types.get(docs.plan_type[d], docs.plan_type[d]) if pd.notna(docs.plan_type[d]) else "–",
                   label(docs.admin_level[d], lang) if pd.notna(docs.admin_level[d]) else "–",
                   f"{int(docs.n_measures[d])}", f"{chars:.0f}" if pd.notna(chars) else "–"]
    return pd.DataFrame.from_dict(rows, orient="index", columns=list(PROFILE_COLUMNS))  # labels from labels.csv


def _national_bands(ax, first: int, last: int, lang: str) -> None:
    periods = read_table("national_periods.csv")
    for i, p in enumerate(periods.itertuples()):
        start, end = int(p.start), int(p.end)
        if end < first or start > last:
            continue
        ax.axvspan(start - 0.5, end + 0.5, color="#EEEEEE" if i % 2 else "#E0E0E0", zorder=0, linewidth=0)
        ax.text((max(start, first) + min(end, last)) / 2, -0.75, p.name_zh if lang == "zh" else p.name_en,
                ha="center", va="bottom", fontsize=6, color="#555555")


def _timeline(ax, corpus, plans, colors, lang) -> None:
    docs = corpus.documents.set_index("doc_id")
    written = pd.to_datetime(docs.date_written, errors="coerce").dt.year
    years = pd.concat([docs.period_start, docs.period_end, written]).dropna().astype(int)
    first, last = (int(years.min()) - 1, int(years.max()) + 1) if len(years) else (2015, 2026)
    _national_bands(ax, first, last, lang)
    for y, d in enumerate(plans):
        start, end = docs.period_start[d], docs.period_end[d]
        if pd.notna(start) and pd.notna(end):
            ax.plot([int(start) - 0.4, int(end) + 0.4], [y, y], color=colors[d], linewidth=5,
                    solid_capstyle="butt")
        if pd.notna(written[d]):
            ax.plot([written[d]], [y], marker="|", color="black", markersize=9, markeredgewidth=1.2)
    ax.set_xlim(first - 0.5, last + 0.5)
    ax.set_ylim(len(plans) - 0.5, -1.3)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=8))
    ax.set_xlabel(label("year", lang))
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)


@register("overview_corpus_profile")
def corpus_profile(corpus, lang):
    """Figure 1: each plan's period (bar) and year written (tick) against the national Five-Year
    periods, with its type, level, measures and characters per measure."""
    plans, names, colors = plan_context(corpus, lang)
    if not plans:
        return None
    fig, (ax, table_ax) = new_figure("double", ROW_IN * 1.4 * len(plans) + 0.9, ncols=2, sharey=True,
                                     gridspec_kw={"width_ratios": [1.0, 1.1]})
    _timeline(ax, corpus, plans, colors, lang)
    ax.set_yticks(range(len(plans)), [names[d] for d in plans])
    table = _profile_table(corpus, plans, lang)
    table_ax.axis("off")
    positions = np.array([0.0, 0.42, 0.72, 0.98])
    aligns = ["left", "left", "right", "right"]
    for x, column, align in zip(positions, PROFILE_COLUMNS, aligns):
        table_ax.text(x, -0.95, label(column, lang), ha=align, va="center", fontsize=6.5,
                      transform=table_ax.get_yaxis_transform())
        for y, d in enumerate(plans):
            table_ax.text(x, y, table.at[d, column], ha=align, va="center", fontsize=6.5,
                          transform=table_ax.get_yaxis_transform())
    note = ("色条: 规划期; 竖线: 成文年份" if lang == "zh" else "bar: plan period; tick: year written")
    ax.set_title(note, fontsize=6, loc="left", color="#555555")
    return fig


@register("overview_units_per_measure")
def units_per_measure(corpus, lang):
    """Named units per measure, one box per plan, every measure a dot (fixed jitter)."""
    data = overview.units_per_measure(corpus)
    plans, names, colors = plan_context(corpus, lang, set(data.doc_id))
    if not plans:
        return None
    fig, ax = new_figure("single", ROW_IN * 1.6 * len(plans) + 0.8)
    values = [data.loc[data.doc_id == d, "n_units"].to_numpy() for d in plans]
    boxes = ax.boxplot(values, positions=range(len(plans)), orientation="horizontal", widths=0.6, showfliers=False,
                       patch_artist=True, medianprops={"color": "black", "linewidth": 0.8})
    for patch, d in zip(boxes["boxes"], plans):
        patch.set(facecolor=colors[d], edgecolor="black", linewidth=0.5)
    rng = np.random.default_rng(0)
    for y, v in enumerate(values):
        ax.scatter(v, y + rng.uniform(-0.22, 0.22, len(v)), s=2, color="black", linewidths=0, zorder=3)
    ax.set_yticks(range(len(plans)), [names[d] for d in plans])
    ax.set_ylim(len(plans) - 0.5, -0.5)
    ax.set_xlabel(label("units_per_measure", lang))
    return fig
