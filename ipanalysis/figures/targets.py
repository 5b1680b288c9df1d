"""Figures of notebook 04: quantitative targets."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ..analysis import targets as target_analysis
from .common import bar_by_plan, plan_context
from .registry import register
from .style import DOUBLE_COLUMN, SINGLE_COLUMN, label


@register("targets_vs_national")
def targets_vs_national(corpus, lang):
    comp = target_analysis.national_comparison(corpus)
    comp = comp[comp.comparable & comp.ratio.notna()]
    fig, ax = plt.subplots(figsize=(SINGLE_COLUMN + 1.4, 0.35 * max(len(comp), 1) + 0.9))
    if comp.empty:
        ax.text(0.5, 0.5, "无可比目标" if lang == "zh" else "No comparable targets", ha="center", va="center")
        ax.axis("off")
        return fig
    _, names, colors = plan_context(corpus, lang, set(comp.doc_id))
    ticks = [f"{names[d]} · {label(k, lang)}" for d, k in zip(comp.doc_id, comp.indicator_key)]
    ax.barh(ticks, comp.ratio, color=[colors[d] for d in comp.doc_id])
    for y, row in enumerate(comp.itertuples()):
        ax.text(row.ratio, y, f" {row.value:g}{row.unit} / {row.value_2025:g}{row.national_unit}",
                va="center", fontsize=5.5)
    ax.axvline(1, color="black", linewidth=0.6, linestyle="--")
    ax.invert_yaxis()
    ax.set_xlim(0, comp.ratio.max() * 1.5)
    ax.set_xlabel(label("ratio_to_national", lang))
    ax.tick_params(axis="y", labelsize=6)
    return fig


@register("targets_quantification")
def quantification(corpus, lang):
    q = target_analysis.quantification(corpus).set_index("doc_id")
    fig, axes = plt.subplots(1, 2, figsize=(DOUBLE_COLUMN, 2.4))
    bar_by_plan(corpus, q.n_targets.astype(int), lang, label("targets_per_plan", lang), ax=axes[0])
    bar_by_plan(corpus, q.share_with_number.astype(float), lang, label("share_with_number", lang),
                fmt="{:.0%}", ax=axes[1])
    axes[1].yaxis.set_major_formatter(plt.matplotlib.ticker.PercentFormatter(1.0, decimals=0))
    fig.tight_layout()
    return fig


@register("targets_horizons")
def target_horizons(corpus, lang):
    h = target_analysis.horizons(corpus).set_index("doc_id")
    regions, names, colors = plan_context(corpus, lang, h.index)  # plans in display order
    t = target_analysis.commitments(corpus).dropna(subset=["year"])
    fig, ax = plt.subplots(figsize=(SINGLE_COLUMN + 1.0, 0.25 * len(regions) + 1.2))
    for y, doc_id in enumerate(regions):
        row = h.loc[doc_id]
        written = pd.to_datetime(row.date_written).year if pd.notna(row.date_written) else None
        if pd.notna(row.period_start) and pd.notna(row.period_end):
            ax.plot([row.period_start - 0.4, row.period_end + 0.4], [y, y], color=colors[doc_id], linewidth=5,
                    alpha=0.35, solid_capstyle="butt", label=label("period", lang) if y == 0 else None)
        if written:
            ax.plot([written], [y], marker="|", color="black", markersize=8)
        years = t[t.doc_id == doc_id].year.value_counts()
        for year, n in years.items():
            ax.scatter([year], [y], s=12 + 6 * n, color=colors[doc_id], zorder=3)
            ax.annotate(str(n), (year, y), xytext=(5, 3), textcoords="offset points", fontsize=5.5)
    ax.set_yticks(range(len(regions)), [names[r] for r in regions])
    ax.invert_yaxis()
    ax.set_xlabel(label("year", lang))
    ax.xaxis.set_major_locator(plt.matplotlib.ticker.MaxNLocator(integer=True))
    note = "色条: 规划期; 竖线: 成文年份; 圆点: 目标年份(数字为目标数)" if lang == "zh" else \
        "band: plan period; tick: year written; dots: target years (number of targets)"
    ax.set_title(note, fontsize=6)
    return fig
