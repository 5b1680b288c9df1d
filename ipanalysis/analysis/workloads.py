"""Unit workloads: which agencies carry each plan, and how concentrated accountability is.

Definitions (per region):

* ``n_lead`` / ``n_responsible`` / ``n_cooperating``: measures in which the agency holds that role
  (an agency named twice on a measure in different roles counts once per role); ``n_any``: measures
  naming the agency at all; ``share_*``: the same divided by the region's number of measures.
* Concentration over agencies' measure counts ``n_any``: ``top_share`` is the largest agency's share
  of all (measure, agency) pairs, and the Herfindahl index ``hhi`` the sum of squared shares
  (1 = one agency carries everything; 1/k = k agencies share equally).
* ``collective_only_share``: share of measures whose only named local units are collective
  (member units, townships/streets, districts/counties, parks): diffuse accountability.
* Co-assignment network: agencies are nodes; an edge's weight is the number of measures naming both.
"""

from __future__ import annotations

from itertools import combinations

import pandas as pd

__all__ = ["agency_workload", "concentration", "collective_only_share", "co_assignment_edges",
           "co_assignment_graph", "network_summary"]


def _named_units(assignments: pd.DataFrame) -> pd.DataFrame:
    """Assignments to units that are not collective (``assignments.collective``, from
    ``data/collectives.txt``): one accountable body each."""
    return assignments[~assignments.collective.fillna(False).astype(bool)]


def agency_workload(corpus) -> pd.DataFrame:
    """One row per (region, agency) with measure counts by role and shares of the region's measures."""
    a = corpus.assignments
    n_measures = corpus.measures.groupby("region").size()
    by_role = (a.drop_duplicates(["measure_id", "agency", "role"])
                 .groupby(["region", "agency", "role"]).size().unstack(fill_value=0))
    by_role = by_role.reindex(columns=["lead", "responsible", "cooperating"], fill_value=0)
    by_role.columns = ["n_lead", "n_responsible", "n_cooperating"]
    any_role = a.drop_duplicates(["measure_id", "agency"]).groupby(["region", "agency"]).size().rename("n_any")
    out = by_role.join(any_role).reset_index()
    total = out.region.map(n_measures)
    for col in ("n_lead", "n_responsible", "n_cooperating", "n_any"):
        out["share_" + col[2:]] = (out[col] / total).round(4)
    labels = a.drop_duplicates("agency").set_index("agency")[["agency_zh", "agency_en"]]
    out = out.join(labels, on="agency")
    return out.sort_values(["region", "n_any"], ascending=[True, False]).reset_index(drop=True)


def concentration(corpus) -> pd.DataFrame:
    """Per region: number of agencies, top agency and its share, Herfindahl index."""
    w = agency_workload(corpus)
    rows = []
    for region, g in w.groupby("region"):
        shares = g.n_any / g.n_any.sum()
        top = g.loc[shares.idxmax()]
        rows.append({"region": region, "n_agencies": len(g), "top_agency": top.agency,
                     "top_share": round(shares.max(), 4), "hhi": round(float((shares ** 2).sum()), 4),
                     "collective_only_share": collective_only_share(corpus).get(region)})
    return pd.DataFrame(rows)


def collective_only_share(corpus) -> dict[str, float]:
    """Per region: share of measures whose named local units are all collective."""
    a = corpus.assignments[corpus.assignments.unit_level == "local"]
    only = a.groupby("measure_id").collective.apply(lambda s: bool(s.fillna(False).astype(bool).all()))
    m = corpus.measures.assign(only=corpus.measures.measure_id.map(only).fillna(False).astype(bool))
    return m.groupby("region").only.mean().round(4).to_dict()


def co_assignment_edges(corpus, region: str | None = None, include_collective: bool = False) -> pd.DataFrame:
    """Weighted edges ``(region, source, target, weight)``: measures naming both agencies."""
    a = corpus.assignments
    if region is not None:
        a = a[a.region == region]
    if not include_collective:
        a = _named_units(a)
    rows = []
    for (reg, _), g in a.groupby(["region", "measure_id"]):
        for s, t in combinations(sorted(set(g.agency)), 2):
            rows.append((reg, s, t))
    edges = pd.DataFrame(rows, columns=["region", "source", "target"])
    return edges.groupby(["region", "source", "target"]).size().rename("weight").reset_index()


def co_assignment_graph(corpus, region: str, include_collective: bool = False):
    """A networkx graph of one plan: node attribute ``measures`` (n_any), edge attribute ``weight``."""
    import networkx as nx

    g = nx.Graph()
    w = agency_workload(corpus)
    w = w[w.region == region]
    if not include_collective:
        w = w[w.agency.isin(set(_named_units(corpus.assignments).agency))]
    for row in w.itertuples():
        g.add_node(row.agency, measures=int(row.n_any), lead=int(row.n_lead))
    for e in co_assignment_edges(corpus, region, include_collective).itertuples():
        g.add_edge(e.source, e.target, weight=int(e.weight))
    return g


def network_summary(corpus) -> pd.DataFrame:
    """Per region: nodes, edges, density, weighted degree centralisation of the top agency."""
    import networkx as nx

    rows = []
    for region in sorted(corpus.documents.region):
        g = co_assignment_graph(corpus, region)
        strength = dict(g.degree(weight="weight"))
        total = sum(strength.values()) or 1
        top = max(strength, key=strength.get) if strength else None
        rows.append({"region": region, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                     "density": round(nx.density(g), 4) if g.number_of_nodes() > 1 else 0.0,
                     "hub": top, "hub_strength_share": round(strength.get(top, 0) / total, 4) if top else 0.0})
    return pd.DataFrame(rows)
