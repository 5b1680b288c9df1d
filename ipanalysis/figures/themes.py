"""Figures of notebook 02: themes, instruments, similarity, keyness and topics, one row or panel
per plan; and a region's plans followed over time."""

from __future__ import annotations

import matplotlib.pyplot as plt

from ..analysis import themes as theme_analysis
from ..analysis.plans import plan_table
from ..rules.lexicon import STAGES
from .common import STAGE_COLORS, heatmap, panel_grid, plan_context, share_heatmap, stacked_barh
from .registry import register
from .style import DOUBLE_COLUMN, SINGLE_COLUMN, label


@register("themes_stage_shares")
def stage_shares(corpus, lang):
    shares = theme_analysis.stage_shares(corpus)
    plans, names, _ = plan_context(corpus, lang, shares.index)
    if not plans:
        return None
    fig, ax = plt.subplots(figsize=(DOUBLE_COLUMN, 0.28 * len(plans) + 1.3))
    stacked_barh(ax, [names[d] for d in plans], shares.loc[plans, list(STAGES)], STAGE_COLORS, lang,
                 percent_labels=True)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.matplotlib.ticker.PercentFormatter(1.0))
    ax.set_xlabel(label("share_of_measures", lang) + (" (主导环节)" if lang == "zh" else " (dominant stage)"))
    ax.legend(ncol=6, frameon=False, loc="lower center", bbox_to_anchor=(0.5, 1.0))
    return fig


@register("themes_stage_shares_over_time")
def stage_shares_over_time(corpus, lang):
    """Regions with two plans or more: each plan's stage shares, in the order the plans were issued."""
    shares = theme_analysis.stage_shares(corpus)
    plans = plan_table(corpus, lang)
    plans = plans[plans.doc_id.isin(shares.index)]
    repeated = [p for p, g in plans.groupby("place", sort=False) if len(g) >= 2]
    if not repeated:
        return None
    fig, axes = panel_grid(len(repeated), 1.2 + 0.3 * plans.place.isin(repeated).sum() / len(repeated),
                           ncols=min(2, len(repeated)))
    for ax, place in zip(axes, repeated):
        own = plans[plans.place == place]
        stacked_barh(ax, own.year.tolist(), shares.loc[own.doc_id, list(STAGES)], STAGE_COLORS, lang,
                     percent_labels=True)
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(plt.matplotlib.ticker.PercentFormatter(1.0))
        ax.set_title(own.label.iloc[0].rsplit(" ", 1)[0], fontsize=7)
    axes[0].legend(ncol=3, frameon=False, fontsize=6, loc="lower left", bbox_to_anchor=(0, 1.12))
    return fig


@register("themes_fine_heatmap")
def fine_heatmap(corpus, lang):
    shares = theme_analysis.fine_theme_shares(corpus)
    plans, names, _ = plan_context(corpus, lang, shares.index)
    if not plans:
        return None
    frame = shares.loc[plans].T
    frame = frame.loc[frame.max(axis=1).sort_values(ascending=False).index]
    return share_heatmap(frame, plans, names, lang, extra_width=1.2)


@register("themes_instrument_by_stage")
def instrument_by_stage(corpus, lang):
    import seaborn as sns

    plans, names, _ = plan_context(corpus, lang, set(corpus.measures.doc_id))
    panels = [(None, "全部规划" if lang == "zh" else "All plans")] + [(d, names[d]) for d in plans]
    fig, axes = panel_grid(len(panels), 2.2)
    for ax, (doc_id, title) in zip(axes, panels):
        matrix = theme_analysis.instrument_stage_matrix(corpus, doc_id)
        matrix.index = [label(i, lang) for i in matrix.index]
        matrix.columns = [label(s, lang) for s in matrix.columns]
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
    plans, names, _ = plan_context(corpus, lang, sim.index)
    if len(plans) < 2:
        return None
    frame = sim.loc[plans, plans]
    frame.index = frame.columns = [names[d] for d in plans]
    fig, ax = plt.subplots(figsize=(SINGLE_COLUMN + 0.2 * max(0, len(plans) - 5), 2.8 + 0.2 * max(0, len(plans) - 5)))
    heatmap(frame, ax, fmt=".2f", cmap="Purples", cbar_label=label("similarity", lang), vmax=1)
    return fig


@register("themes_keyness")
def keyness_bars(corpus, lang):
    table = theme_analysis.keyness(corpus, n_terms=8)
    plans, names, colors = plan_context(corpus, lang, set(table.doc_id))
    if len(plans) < 2:
        return None
    fig, axes = panel_grid(len(plans), 1.9)
    for ax, doc_id in zip(axes, plans):
        t = table[table.doc_id == doc_id]
        ax.barh(t.term[::-1], t.z[::-1], color=colors[doc_id])
        ax.set_title(names[doc_id], fontsize=7)
        ax.tick_params(axis="y", labelsize=6)
        ax.set_xlabel(label("keyness", lang), fontsize=6)
    return fig


@register("themes_topics_by_plan")
def topics_by_plan(corpus, lang):
    table, weights = theme_analysis.topics(corpus)
    plans, names, _ = plan_context(corpus, lang, weights.index)
    if not plans or table.empty:
        return None
    frame = weights.loc[plans]
    frame.index = [names[d] for d in plans]
    frame.columns = [f"{t}: {' '.join(w.split()[:3])}" for t, w in zip(table.topic, table.top_words)]
    fig, ax = plt.subplots(figsize=(DOUBLE_COLUMN, 0.25 * len(plans) + 1.6))
    heatmap(frame, ax, cmap="Oranges", cbar_label=label("mean_topic_weight", lang))
    ax.tick_params(axis="x", rotation=20, labelsize=6)
    return fig


@register("diffusion_reuse_by_date")
def reuse_by_date(corpus, lang):
    """Measures of each plan (rows) that share their text with an earlier document (columns), both
    in the order the documents were written: below the diagonal, who takes from whom."""
    from ..analysis.diffusion import load_reuse, reuse_between_documents

    reuse = load_reuse(corpus)
    if reuse.empty:
        return None
    matrix = reuse_between_documents(corpus, reuse)
    keep = [d for d in matrix.index if matrix.loc[d].sum() or matrix[d].sum()]
    plans, names, _ = plan_context(corpus, lang, keep)
    frame = matrix.loc[plans, plans]
    frame.index = frame.columns = [names[d] for d in plans]
    fig, ax = plt.subplots(figsize=(SINGLE_COLUMN + 0.25 * len(plans), 2.4 + 0.25 * len(plans)))
    heatmap(frame, ax, fmt=".0f", cmap="Reds", cbar_label=label("shared_measures", lang))
    ax.set_xlabel(label("earlier_document", lang))
    ax.set_ylabel(label("later_document", lang))
    return fig
