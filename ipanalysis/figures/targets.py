"""Figures of notebook 04: local targets against the national plan, where the units agree."""

from __future__ import annotations

import pandas as pd

from ..analysis import targets as target_analysis
from ..rules.glossary import term_label
from .common import new_figure, plan_context
from .registry import register
from .style import label


def _amount(value: float, unit: str, lang: str) -> str:
    if unit == "%" or lang == "zh":
        return f"{value:g}{unit}"
    return f"{value:g} {term_label(unit, lang)}"


@register("targets_vs_national")
def targets_vs_national(corpus, lang):
    """Each comparable local target (an intensity in the national plan's unit) as a ratio to the
    national 2025 target, with both values written beside it, like a table."""
    comp = target_analysis.national_comparison(corpus)
    comp = comp[comp.comparable & comp.ratio.notna()]
    if comp.empty:
        return None
    plans, names, colors = plan_context(corpus, lang, set(comp.doc_id))
    comp = comp.assign(order=comp.doc_id.map({d: i for i, d in enumerate(plans)})).sort_values(
        ["order", "indicator_key"], kind="stable").reset_index(drop=True)
    fig, (ax, text_ax) = new_figure("double", 0.2 * len(comp) + 0.9, ncols=2, sharey=True,
                                    gridspec_kw={"width_ratios": [1.0, 0.8]})
    ticks = [f"{names[d]} · {label(k, lang)}" for d, k in zip(comp.doc_id, comp.indicator_key)]
    ax.axvline(1, color="black", linewidth=0.6, linestyle="--")
    for y, row in comp.iterrows():
        ax.plot([1, row.ratio], [y, y], color=colors[row.doc_id], linewidth=0.8)
        ax.plot([row.ratio], [y], "o", color=colors[row.doc_id], markersize=4)
    ax.set_yticks(range(len(comp)), ticks)
    ax.set_ylim(len(comp) - 0.5, -1.2)
    ax.set_xlim(0, max(2.0, float(comp.ratio.max()) * 1.15))
    ax.set_xlabel(label("ratio_to_national", lang))
    text_ax.axis("off")
    heads = ("本地目标", "国家2025年目标") if lang == "zh" else ("Local target", "National 2025 target")
    for x, head in zip((0.0, 0.55), heads):
        text_ax.text(x, -0.9, head, fontsize=6.5, va="center",
                     transform=text_ax.get_yaxis_transform())
    for y, row in comp.iterrows():
        local = _amount(row.value, row.unit, lang) + (f" ({int(row.year)})" if pd.notna(row.year) else "")
        text_ax.text(0.0, y, local, fontsize=6.5, va="center", transform=text_ax.get_yaxis_transform())
        text_ax.text(0.55, y, _amount(row.value_2025, row.national_unit, lang), fontsize=6.5, va="center",
                     transform=text_ax.get_yaxis_transform())
    return fig
