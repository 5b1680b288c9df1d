"""Figures of notebook 02 on policy instruments: the mix of supply, environment and demand tools in
each plan, its sub-tools, and which sub-tools serve which stage."""

from __future__ import annotations

from ..analysis import themes as theme_analysis
from ..rules.lexicon import STAGES
from .common import dot_panels, heatmap, new_figure, plan_share_heatmap
from .registry import register
from .style import label

TYPES = ("supply", "environment", "demand")


@register("themes_instrument_mix")
def instrument_mix(corpus, lang):
    """Share of each plan's measures using supply, environment and demand tools (95 % intervals)."""
    return dot_panels(corpus, lang, theme_analysis.instrument_membership(corpus, "instrument"), TYPES)


@register("themes_instrument_subtools")
def instrument_subtools(corpus, lang):
    """Sub-tools × plans: share of each plan's measures using the sub-tool, with its interval."""
    return plan_share_heatmap(corpus, lang, theme_analysis.instrument_membership(corpus, "subtool"))


@register("themes_subtool_by_stage")
def subtool_by_stage(corpus, lang):
    """Sub-tool × dominant stage over all plans: share of the stage's measures using the sub-tool."""
    hits = theme_analysis.instrument_membership(corpus, "subtool")
    stages = theme_analysis.stage_membership(corpus).reindex(hits.index, fill_value=False)
    if hits.empty or not stages.to_numpy().any():
        return None
    counts = hits.astype(int).T @ stages.astype(int)
    n_stage = stages.sum()
    share = counts.div(n_stage.where(n_stage > 0), axis=1)
    share.index = [label(k, lang) for k in share.index]
    share.columns = [f"{label(s, lang)}\n(n={int(n_stage[s])})" for s in STAGES]
    fig, ax = new_figure("double", 0.24 * len(share) + 1.1)
    heatmap(share, ax, label("share_of_stage", lang), cmap="Greens")
    return fig
