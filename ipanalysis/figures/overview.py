"""Figures of notebook 01: the plans at a glance (one bar, box or panel per plan)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ..analysis import overview
from .common import bar_by_plan, panel_grid, plan_context, stacked_barh
from .registry import register
from .style import SINGLE_COLUMN, label


@register("overview_measures_per_plan")
def measures_per_plan(corpus, lang):
    values = corpus.documents.set_index("doc_id").n_measures.astype(int)
    fig = bar_by_plan(corpus, values, lang, label("n_measures", lang))
    fig.axes[0].set_title(label("measures", lang) + (" (按规划)" if lang == "zh" else " per plan"))
    return fig


@register("overview_measures_per_section")
def measures_per_section(corpus, lang):
    table = overview.measures_per_section(corpus)
    plans, names, colors = plan_context(corpus, lang, set(table.doc_id))
    if not plans:
        return None
    fig, axes = panel_grid(len(plans), 1.9, ncols=min(3, len(plans)))
    for ax, doc_id in zip(axes, plans):
        t = table[table.doc_id == doc_id].reset_index(drop=True)
        if lang == "zh":
            ticks = [f"{s} {(str(title) if pd.notna(title) else '').replace('知识产权', '')[:8]}"
                     for s, title in zip(t.section, t.section_title)]
        else:
            ticks = [f"{label('section', lang)} {s}" for s in t.section]
        ax.barh(ticks[::-1], t.n_measures.iloc[::-1], color=colors[doc_id])
        ax.set_title(names[doc_id], fontsize=7)
        ax.tick_params(axis="y", labelsize=5.5)
        ax.set_xlabel(label("n_measures", lang))
    return fig


@register("overview_units_per_measure")
def units_per_measure(corpus, lang):
    import seaborn as sns

    data = overview.units_per_measure(corpus)
    plans, names, colors = plan_context(corpus, lang, set(data.doc_id))
    if not plans:
        return None
    data = data.assign(name=data.doc_id.map(names))
    fig, ax = plt.subplots(figsize=(SINGLE_COLUMN, 2.4))
    order = [names[d] for d in plans]
    sns.boxplot(data=data, x="name", y="n_units", hue="name", order=order,
                palette={names[d]: colors[d] for d in plans}, ax=ax, fliersize=0, linewidth=0.6, legend=False)
    sns.stripplot(data=data, x="name", y="n_units", order=order, color="black", size=1.8, jitter=0.25, ax=ax)
    ax.set_xlabel("")
    ax.set_ylabel(label("units_per_measure", lang))
    if len(plans) > 4:
        ax.tick_params(axis="x", rotation=30)
    return fig


@register("overview_lead_share")
def lead_share(corpus, lang):
    summary = overview.plan_summary(corpus).set_index("doc_id").lead_share.dropna().astype(float)
    if summary.empty:
        return None
    fig = bar_by_plan(corpus, summary, lang, label("lead_share", lang), fmt="{:.0%}")
    fig.axes[0].set_ylim(0, 1)
    fig.axes[0].yaxis.set_major_formatter(plt.matplotlib.ticker.PercentFormatter(1.0))
    return fig


@register("overview_deadlines")
def deadlines(corpus, lang):
    table = overview.deadline_summary(corpus)
    plans, names, _ = plan_context(corpus, lang, table.index)
    if not plans:
        return None
    fig, ax = plt.subplots(figsize=(SINGLE_COLUMN, 0.25 * len(plans) + 1.2))
    colors = {"dated": "#0072B2", "ongoing": "#56B4E9", "no_deadline": "#DDDDDD"}
    stacked_barh(ax, [names[d] for d in plans], table.loc[plans], colors, lang)
    ax.set_xlabel(label("n_measures", lang))
    ax.legend(frameon=False, loc="lower right")
    return fig


@register("overview_text_length")
def text_length(corpus, lang):
    values = corpus.documents.set_index("doc_id").n_chars.astype(int)
    return bar_by_plan(corpus, values, lang, label("text_length", lang), fmt="{:,.0f}")
