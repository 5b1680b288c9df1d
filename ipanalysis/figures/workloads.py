"""Figures of notebook 03: who answers for the measures, which agencies carry the plans, and which
stages each agency serves."""

from __future__ import annotations

from ..analysis import workloads
from ..analysis.intervals import membership
from .common import dot_panels, heatmap, new_figure, plan_context, plan_share_heatmap
from .registry import register
from .style import label

N_AGENCIES = 15
NETWORK_LABELS = 8  # agencies named in the network figure: the busiest


@register("workloads_role_composition")
def role_composition(corpus, lang):
    """Share of each plan's measures by who answers for them: a named local lead, responsible or
    cooperating unit, collective placeholders only, national units only, or nobody (95 % intervals)."""
    classes = workloads.measure_accountability(corpus).rename("accountability").reset_index()
    hits = membership(classes, "accountability", corpus.measures, workloads.ACCOUNTABILITY)
    return dot_panels(corpus, lang, hits, workloads.ACCOUNTABILITY)


@register("workloads_agency_heatmap")
def agency_heatmap(corpus, lang):
    """The busiest local agencies × plans: share of each plan's measures naming the agency."""
    return plan_share_heatmap(corpus, lang, workloads.agency_membership(corpus), N_AGENCIES)


@register("workloads_agency_by_stage")
def agency_by_stage(corpus, lang):
    """The busiest local agencies (all plans) × dominant stage: share of the agency's measures."""
    table = workloads.agency_stages(corpus, N_AGENCIES)
    if table.empty:
        return None
    share = table.pivot(index="agency", columns="stage", values="share")
    n = table.drop_duplicates("agency").set_index("agency").n_measures
    order = n.sort_values(ascending=False, kind="stable").index
    share = share.loc[order, list(dict.fromkeys(table.stage))]
    share.index = [f"{label(a, lang)} (n={int(n[a])})" for a in order]
    share.columns = [label(s, lang) for s in share.columns]
    fig, ax = new_figure("double", 0.24 * len(share) + 1.0)
    heatmap(share, ax, label("share_of_agency", lang), cmap="Purples")
    return fig


def _network_figure(g, lang, title, color):
    """Agencies as nodes sized by their measures, edges by measures naming both; the busiest
    labelled, a legend for the sizes."""
    import networkx as nx

    fig, ax = new_figure("double", 4.2)
    pos = nx.kamada_kawai_layout(g, weight=None)
    size = {n: 12 + 8 * g.nodes[n]["measures"] for n in g.nodes}
    nx.draw_networkx_edges(g, pos, ax=ax, width=[0.3 + 0.5 * g.edges[e]["weight"] for e in g.edges],
                           edge_color="#BBBBBB")
    nx.draw_networkx_nodes(g, pos, ax=ax, node_size=[size[n] for n in g.nodes], node_color=color,
                           linewidths=0.4, edgecolors="white")
    busiest = sorted(g.nodes, key=lambda n: (-g.nodes[n]["measures"], n))[:NETWORK_LABELS]
    for n in busiest:
        ax.annotate(label(n, lang), pos[n], xytext=(0, 5), textcoords="offset points", ha="center",
                    va="bottom", fontsize=6, bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none",
                                                   "alpha": 0.8})
    for k in _legend_sizes(g):
        ax.scatter([], [], s=12 + 8 * k, color=color, label=f"{k}")
    ax.figure.legend(title=label("n_measures", lang), frameon=False, loc="outside right upper", scatterpoints=1,
                      labelspacing=1.6, borderpad=0.8)
    ax.set_title(title)
    ax.axis("off")
    return fig


def _legend_sizes(g) -> list[int]:
    most = max((g.nodes[n]["measures"] for n in g.nodes), default=1)
    return sorted({1, max(1, most // 2), most})


@register("workloads_network_largest_plan")
def network_largest(corpus, lang):
    """The co-assignment network of the plan with the most agencies."""
    summary = workloads.network_summary(corpus)
    summary = summary[summary.nodes > 0]
    if summary.empty:
        return None
    doc_id = summary.sort_values(["nodes", "edges", "doc_id"], ascending=[False, False, True]).doc_id.iloc[0]
    _, names, colors = plan_context(corpus, lang, [doc_id])
    return _network_figure(workloads.co_assignment_graph(corpus, doc_id), lang, names[doc_id], colors[doc_id])
