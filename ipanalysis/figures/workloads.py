"""Figures of notebook 03: which agencies carry the plans."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ..analysis import workloads
from .common import ROLE_COLORS, panel_grid, plan_context, share_heatmap, stacked_barh
from .registry import register
from .style import DOUBLE_COLUMN, SINGLE_COLUMN, label


def _top_agencies(w: pd.DataFrame, n: int = 16) -> list[str]:
    return w.groupby("agency").share_any.max().sort_values(ascending=False).head(n).index.tolist()


@register("workloads_agency_heatmap")
def agency_heatmap(corpus, lang):
    w = workloads.agency_workload(corpus)
    plans, names, _ = plan_context(corpus, lang, set(w.doc_id))
    if not plans:
        return None
    agencies = _top_agencies(w, 18)
    frame = w.pivot_table(index="agency", columns="doc_id", values="share_any", fill_value=0.0)
    return share_heatmap(frame.loc[agencies, plans], plans, names, lang, extra_width=1.6)


@register("workloads_roles_by_agency")
def roles_by_agency(corpus, lang):
    w = workloads.agency_workload(corpus)
    if w.empty:
        return None
    totals = w.groupby("agency")[["n_lead", "n_responsible", "n_cooperating"]].sum()
    totals = totals.loc[totals.sum(axis=1).sort_values(ascending=False).index[:16]]
    fig, ax = plt.subplots(figsize=(SINGLE_COLUMN + 1.2, 3.2))
    totals.columns = ["lead", "responsible", "cooperating"]
    stacked_barh(ax, [label(a, lang) for a in totals.index], totals, ROLE_COLORS, lang)
    n = w.doc_id.nunique()
    ax.set_xlabel(label("n_measures", lang) + (f"（{n}个规划合计）" if lang == "zh" else f" (all {n} plans)"))
    ax.legend(frameon=False, loc="lower right")
    return fig


@register("workloads_concentration")
def concentration(corpus, lang):
    c = workloads.concentration(corpus).set_index("doc_id")
    plans, names, colors = plan_context(corpus, lang, c.index)
    if not plans:
        return None
    metrics = ["top_share", "hhi", "collective_only_share"]
    fig, axes = plt.subplots(1, 3, figsize=(DOUBLE_COLUMN, 0.25 * len(plans) + 1.2), sharey=True)
    for ax, metric in zip(axes, metrics):
        values = c.loc[plans, metric].astype(float).fillna(0.0)
        ax.barh([names[d] for d in plans], values, color=[colors[d] for d in plans])
        for y, v in enumerate(values):
            ax.text(v, y, f" {v:.2f}", va="center", fontsize=6)
        ax.set_title(label(metric, lang), fontsize=7)
        ax.set_xlim(0, max(0.05, values.max() * 1.35))
    axes[0].invert_yaxis()
    fig.tight_layout()
    return fig


def _draw_network(ax, g, lang, title, color, layout="circular"):
    """Nodes sized by measures; edges by co-assignments. Circular layout (largest agency first,
    clockwise by size) keeps plans comparable; ``kamada_kawai`` shows one plan's structure."""
    import networkx as nx

    if g.number_of_nodes() == 0:
        ax.axis("off")
        return
    order = sorted(g.nodes, key=lambda n: (-g.nodes[n]["measures"], n))
    if layout == "circular":
        pos = nx.circular_layout(order)
    else:
        pos = nx.kamada_kawai_layout(g, weight=None)
    sizes = [40 + 22 * g.nodes[n]["measures"] for n in g.nodes]
    widths = [0.3 + 0.6 * g.edges[e]["weight"] for e in g.edges]
    nx.draw_networkx_edges(g, pos, ax=ax, width=widths, edge_color="#999999", alpha=0.6)
    nx.draw_networkx_nodes(g, pos, ax=ax, node_size=sizes, node_color=color, alpha=0.85, linewidths=0)
    nx.draw_networkx_labels(g, pos, ax=ax, labels={n: label(n, lang) for n in g.nodes}, font_size=4.5,
                            font_family=plt.rcParams["font.sans-serif"][0])
    ax.set_title(title, fontsize=7)
    ax.margins(x=0.35, y=0.12)
    ax.axis("off")


@register("workloads_network_largest_plan")
def network_largest(corpus, lang):
    summary = workloads.network_summary(corpus)
    summary = summary[summary.nodes > 0]
    if summary.empty:
        return None
    doc_id = summary.sort_values(["nodes", "edges", "doc_id"], ascending=[False, False, True]).doc_id.iloc[0]
    _, names, colors = plan_context(corpus, lang, [doc_id])
    fig, ax = plt.subplots(figsize=(DOUBLE_COLUMN, 4.6))
    _draw_network(ax, workloads.co_assignment_graph(corpus, doc_id), lang, names[doc_id], colors[doc_id],
                  layout="kamada_kawai")
    return fig


@register("workloads_network_by_plan")
def network_by_plan(corpus, lang):
    summary = workloads.network_summary(corpus).set_index("doc_id")
    plans, names, colors = plan_context(corpus, lang, summary.index[summary.nodes > 0])
    if not plans:
        return None
    fig, axes = panel_grid(len(plans), 2.5)
    for ax, doc_id in zip(axes, plans):
        s = summary.loc[doc_id]
        extra = (f"节点 {s.nodes}, 密度 {s.density:.2f}" if lang == "zh" else f"{s.nodes} agencies, density {s.density:.2f}")
        _draw_network(ax, workloads.co_assignment_graph(corpus, doc_id), lang, f"{names[doc_id]}\n{extra}",
                      colors[doc_id])
    return fig
