"""Figures of notebook 02: themes, instruments, similarity, keyness and topics."""

from __future__ import annotations

import matplotlib.pyplot as plt

from ..analysis import themes as theme_analysis
from ..rules.lexicon import STAGES
from .common import (STAGE_COLORS, heatmap, ordered_regions, panel_grid, region_axis_labels, region_context, share_heatmap, stacked_barh)
from .registry import register
from .style import DOUBLE_COLUMN, SINGLE_COLUMN, label


@register("themes_stage_shares")
def stage_shares(corpus, lang):
    shares = theme_analysis.stage_shares(corpus)
    regions, names, _ = region_context(corpus, lang, shares.index)
    fig, ax = plt.subplots(figsize=(DOUBLE_COLUMN, 2.4))
    stacked_barh(ax, [names[r] for r in regions], shares.loc[regions, list(STAGES)], STAGE_COLORS, lang,
                  percent_labels=True)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.matplotlib.ticker.PercentFormatter(1.0))
    ax.set_xlabel(label("share_of_measures", lang) + (" (主导环节)" if lang == "zh" else " (dominant stage)"))
    ax.legend(ncol=6, frameon=False, loc="upper center", bbox_to_anchor=(0.5, 1.18))
    return fig


@register("themes_fine_heatmap")
def fine_heatmap(corpus, lang):
    shares = theme_analysis.fine_theme_shares(corpus)
    regions, names, _ = region_context(corpus, lang, shares.index)
    frame = shares.loc[regions].T
    frame = frame.loc[frame.max(axis=1).sort_values(ascending=False).index]
    return share_heatmap(frame, regions, names, lang, extra_width=1.2)


@register("themes_instrument_by_stage")
def instrument_by_stage(corpus, lang):
    regions = ordered_regions(corpus)
    names = region_axis_labels(corpus, lang)
    panels = [(None, "全部" if lang == "zh" else "All plans")] + [(r, names[r]) for r in regions]
    fig, axes = panel_grid(len(panels), 2.2)
    for ax, (region, title) in zip(axes, panels):
        matrix = theme_analysis.instrument_stage_matrix(corpus, region)
        matrix.index = [label(i, lang) for i in matrix.index]
        matrix.columns = [label(s, lang) for s in matrix.columns]
        import seaborn as sns

        sns.heatmap(matrix, ax=ax, cmap="Greens", annot=True, fmt="d", annot_kws={"fontsize": 5},
                    cbar=False, linewidths=0.4, linecolor="white")
        ax.set_title(title, fontsize=7)
        ax.tick_params(labelsize=5, length=0)
        ax.tick_params(axis="x", rotation=0 if lang == "zh" else 35)
        if lang != "zh":
            plt.setp(ax.get_xticklabels(), ha="right", rotation_mode="anchor")
        ax.set_xlabel("")
        ax.set_ylabel("")
    return fig


@register("themes_plan_similarity")
def plan_similarity(corpus, lang):
    sim = theme_analysis.plan_similarity(corpus)
    regions, names, _ = region_context(corpus, lang, sim.index)
    frame = sim.loc[regions, regions]
    frame.index = frame.columns = [names[r] for r in regions]
    fig, ax = plt.subplots(figsize=(SINGLE_COLUMN, 2.8))
    heatmap(frame, ax, fmt=".2f", cmap="Purples", cbar_label=label("similarity", lang), vmax=1)
    return fig


@register("themes_keyness")
def keyness_bars(corpus, lang):
    table = theme_analysis.keyness(corpus, n_terms=8)
    regions, names, colors = region_context(corpus, lang, set(table.region))
    fig, axes = plt.subplots(1, len(regions), figsize=(DOUBLE_COLUMN, 2.4), squeeze=False)
    for ax, region in zip(axes[0], regions):
        t = table[table.region == region]
        ax.barh(t.term[::-1], t.z[::-1], color=colors[region])
        ax.set_title(names[region])
        ax.tick_params(axis="y", labelsize=6)
        ax.set_xlabel(label("keyness", lang) if region == regions[len(regions) // 2] else "")
    fig.tight_layout()
    return fig


@register("themes_topics_by_region")
def topics_by_region(corpus, lang):
    table, weights = theme_analysis.topics(corpus)
    regions, names, _ = region_context(corpus, lang, weights.index)
    frame = weights.loc[regions]
    frame.index = [names[r] for r in regions]
    frame.columns = [f"{t}: {' '.join(w.split()[:3])}" for t, w in zip(table.topic, table.top_words)]
    fig, ax = plt.subplots(figsize=(DOUBLE_COLUMN, 2.4))
    heatmap(frame, ax, cmap="Oranges", cbar_label=label("mean_topic_weight", lang))
    ax.tick_params(axis="x", rotation=20, labelsize=6)
    return fig
