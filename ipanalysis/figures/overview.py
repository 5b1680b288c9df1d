"""Figures of notebook 01: the plans at a glance."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ..analysis import overview
from .common import (bar_by_region, region_context, stacked_barh)
from .registry import register
from .style import DOUBLE_COLUMN, SINGLE_COLUMN, label, region_colors


@register("overview_measures_per_plan")
def measures_per_plan(corpus, lang):
    values = corpus.documents.set_index("region").n_measures.astype(int)
    fig = bar_by_region(corpus, values, lang, label("n_measures", lang))
    fig.axes[0].set_title(label("measures", lang) + (" (按规划)" if lang == "zh" else " per plan"))
    return fig


@register("overview_measures_per_section")
def measures_per_section(corpus, lang):
    table = overview.measures_per_section(corpus)
    regions, names, colors = region_context(corpus, lang, set(table.region))
    fig, axes = plt.subplots(1, len(regions), figsize=(DOUBLE_COLUMN, 2.6), sharex=True, squeeze=False)
    for ax, region in zip(axes[0], regions):
        t = table[table.region == region].reset_index(drop=True)
        if lang == "zh":
            ticks = [f"{s} {(str(title) if pd.notna(title) else '').replace('知识产权', '')[:8]}"
                     for s, title in zip(t.section, t.section_title)]
        else:
            ticks = [f"{label('section', lang)} {s}" for s in t.section]
        ax.barh(ticks[::-1], t.n_measures.iloc[::-1], color=colors[region])
        ax.set_title(names[region])
        ax.tick_params(axis="y", labelsize=5.5)
        ax.set_xlabel(label("n_measures", lang))
    fig.tight_layout()
    return fig


@register("overview_units_per_measure")
def units_per_measure(corpus, lang):
    import seaborn as sns

    data = overview.units_per_measure(corpus)
    regions, names, _ = region_context(corpus, lang, set(data.region))
    data = data.assign(name=data.region.map(names))
    fig, ax = plt.subplots(figsize=(SINGLE_COLUMN, 2.4))
    palette = {names[r]: c for r, c in region_colors(regions).items()}
    order = [names[r] for r in regions]
    sns.boxplot(data=data, x="name", y="n_units", hue="name", order=order, palette=palette, ax=ax,
                fliersize=0, linewidth=0.6, legend=False)
    sns.stripplot(data=data, x="name", y="n_units", order=order, color="black", size=1.8, jitter=0.25, ax=ax)
    ax.set_xlabel("")
    ax.set_ylabel(label("units_per_measure", lang))
    return fig


@register("overview_lead_share")
def lead_share(corpus, lang):
    summary = overview.plan_summary(corpus).set_index("region")
    fig = bar_by_region(corpus, summary.lead_share.astype(float), lang, label("lead_share", lang), fmt="{:.0%}")
    fig.axes[0].set_ylim(0, 1)
    fig.axes[0].yaxis.set_major_formatter(plt.matplotlib.ticker.PercentFormatter(1.0))
    return fig


@register("overview_deadlines")
def deadlines(corpus, lang):
    table = overview.deadline_summary(corpus)
    regions, names, _ = region_context(corpus, lang, table.index)
    fig, ax = plt.subplots(figsize=(SINGLE_COLUMN, 2.4))
    colors = {"dated": "#0072B2", "ongoing": "#56B4E9", "no_deadline": "#DDDDDD"}
    stacked_barh(ax, [names[r] for r in regions], table.loc[regions], colors, lang)
    ax.set_xlabel(label("n_measures", lang))
    ax.legend(frameon=False, loc="lower right")
    return fig


@register("overview_text_length")
def text_length(corpus, lang):
    values = corpus.documents.set_index("region").n_chars.astype(int)
    return bar_by_region(corpus, values, lang, label("text_length", lang), fmt="{:,.0f}")
