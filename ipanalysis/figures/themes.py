"""Figures of notebook 02: the stage profile of each plan (by measure and by text, with intervals),
fine themes, similarity, distinctive terms and topics; a place's plans over time; shared text."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from ..analysis import themes as theme_analysis
from ..analysis.plans import repeated_places
from ..rules.glossary import term_label
from ..rules.lexicon import STAGES
from .common import dot_panels, heatmap, legend_below, new_figure, panel_grid, percent_axis, plan_columns, \
    plan_context, plan_share_heatmap
from .registry import register
from .style import label


@register("themes_stage_profile")
def stage_profile(corpus, lang):
    """Each plan's share of measures (dot) and of text (diamond) by dominant stage, 95 % intervals."""
    return dot_panels(corpus, lang, theme_analysis.stage_membership(corpus), STAGES, weights_both=True)


@register("themes_stage_shares_over_time", groups=False)
def stage_shares_over_time(corpus, lang):
    """Places with two plans or more: one panel per stage, each place's plans by the year they start
    (a line in the place's colour), their share of measures with its 95 % interval."""
    from ..analysis.intervals import plan_shares

    plans = repeated_places(corpus, lang)
    plans = plans.assign(start=plans.year.str[:4].where(plans.year.str[:4].str.isdigit()))
    plans = plans.dropna(subset=["start"])
    if plans.empty:
        return None
    shares = plan_shares(theme_analysis.stage_membership(corpus), corpus.measures).set_index(["key", "doc_id"])
    _, _, colors = plan_context(corpus, lang, plans.doc_id)
    places = list(dict.fromkeys(plans.place))
    x = _dodged_years(plans, places)
    fig, axes = panel_grid(len(STAGES), 1.35, ncols=3, sharey=True, extra=0.45)
    for ax, stage in zip(axes, STAGES):
        for place in places:
            own = plans[plans.place == place]
            row = shares.loc[stage].loc[own.doc_id]
            colour = colors[own.doc_id.iloc[0]]
            xs = x.loc[own.doc_id].to_numpy()
            ax.errorbar(xs, row.share, yerr=[row.share - row.lo, row.hi - row.share], color=colour, marker="o",
                        markersize=3, linewidth=0.9, elinewidth=0.7, capsize=0)
        percent_axis(ax.yaxis)
        ax.set_title(label(stage, lang))
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
        ax.grid(axis="y", color="#DDDDDD", linewidth=0.4)
        ax.set_axisbelow(True)
    for ax in axes[-3:]:
        ax.set_xlabel(label("year", lang))
    for ax in axes[::3]:
        ax.set_ylabel(label("share_of_measures", lang))
    handles = [Line2D([], [], color=colors[plans[plans.place == p].doc_id.iloc[0]], marker="o", markersize=3)
               for p in places]
    legend_below(fig, handles, [plans[plans.place == p].place_label.iloc[0] for p in places],
                 ncol=min(len(places), 4))
    return fig


def _dodged_years(plans, places) -> "pd.Series":
    """doc_id -> the plan's start year, nudged so that places (and a place's plans of one year) do
    not hide each other's dots."""
    step = 0.12
    x = {}
    for i, place in enumerate(places):
        base = (i - (len(places) - 1) / 2) * step
        own = plans[plans.place == place]
        for year, ids in own.groupby("start", sort=False).doc_id:
            for j, doc_id in enumerate(ids):
                x[doc_id] = int(year) + base + j * step / 2
    return pd.Series(x)


@register("themes_fine_heatmap")
def fine_heatmap(corpus, lang):
    """Fine themes × plans: share of each plan's measures coded with the theme, with its interval."""
    return plan_share_heatmap(corpus, lang, theme_analysis.fine_membership(corpus), 16)


@register("themes_plan_similarity")
def plan_similarity(corpus, lang):
    """Cosine similarity of the plans' measure texts (TF-IDF); the diagonal is left blank."""
    sim = theme_analysis.plan_similarity(corpus)
    plans, names, _ = plan_context(corpus, lang, sim.index)
    if len(plans) < 2:
        return None
    frame = sim.loc[plans, plans].astype(float).copy()
    frame = frame.mask(np.eye(len(plans), dtype=bool))
    frame.index = frame.columns = [names[d] for d in plans]
    width = "single" if len(plans) <= 6 else "double"
    fig, ax = new_figure(width, 0.3 * len(plans) + 1.5)
    heatmap(frame, ax, label("similarity", lang), fmt="{:.2f}", cmap="Purples", vmax=None, percent=False)
    ax.tick_params(axis="x", rotation=90)  # a column: plans upright
    return fig


@register("themes_keyness")
def keyness_bars(corpus, lang):
    """The terms that most set each plan apart from the others (log-odds z-scores)."""
    table = theme_analysis.keyness(corpus, n_terms=8)
    plans, names, colors = plan_context(corpus, lang, set(table.doc_id))
    if len(plans) < 2:
        return None
    fig, axes = panel_grid(len(plans), 1.45, ncols=3, extra=0.2)
    for ax, doc_id in zip(axes, plans):
        t = table[table.doc_id == doc_id]
        ax.barh([term_label(w, lang) for w in t.term], t.z, color=colors[doc_id])
        ax.invert_yaxis()
        ax.set_title(names[doc_id])
        ax.set_xlabel(label("keyness", lang))
    return fig


@register("themes_topics_by_plan")
def topics_by_plan(corpus, lang):
    """Mean weight of each topic (TF-IDF + NMF; its three top words) in each plan's measures."""
    table, weights = theme_analysis.topics(corpus)
    plans, names, _ = plan_context(corpus, lang, weights.index)
    if not plans or table.empty:
        return None
    frame = weights.loc[plans]
    frame.index = [names[d] for d in plans]
    sep = "、" if lang == "zh" else ", "
    frame.columns = [f"{t}: {sep.join(term_label(w, lang) for w in words.split()[:3])}"
                     for t, words in zip(table.topic, table.top_words)]
    frame = frame.T
    fig, ax = new_figure("double", 0.27 * len(frame) + 1.4)
    heatmap(frame, ax, label("mean_topic_weight", lang), fmt="{:.2f}", cmap="Oranges", vmax=None, percent=False)
    plan_columns(ax, [names[d] for d in plans])
    return fig


@register("diffusion_reuse_by_date", groups=False)
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
    frame = matrix.loc[plans, plans].astype(float)
    frame.index = frame.columns = [names[d] for d in plans]
    fig, ax = new_figure("single" if len(plans) <= 6 else "double", 0.3 * len(plans) + 1.6)
    heatmap(frame, ax, label("shared_measures", lang), fmt="{:.0f}", cmap="Reds", vmax=None, percent=False)
    ax.tick_params(axis="x", rotation=90)
    ax.set_xlabel(label("earlier_document", lang))
    ax.set_ylabel(label("later_document", lang))
    return fig
