"""Unit workloads: which agencies carry each plan, and how concentrated accountability is.

Definitions (per plan, ``doc_id``):

* ``n_lead`` / ``n_responsible`` / ``n_cooperating``: measures in which the agency holds that role
  (an agency named twice on a measure in different roles counts once per role); ``n_any``: measures
  naming the agency at all; ``share_*``: the same divided by the plan's number of measures.
* Local units only by default (``include_national=False``): departments of the national IP office
  named in a ministry–municipality joint plan are not the plan's local workload.
* Concentration over the agencies' measure counts ``n_any``: ``top_share`` is the largest agency's
  share of all (measure, agency) pairs, and the Herfindahl index ``hhi`` the sum of squared shares
  (1 = one agency carries everything; 1/k = k agencies share equally). ``top_agency`` is the
  largest agency that is one accountable body, never a collective placeholder (各成员单位).
* ``collective_only_share``: share of measures whose only named local units are collective
  (``assignments.collective``: member units, townships/streets, districts/counties, parks).
* Co-assignment network: agencies are nodes; an edge's weight is the number of measures naming both.
"""

from __future__ import annotations

from itertools import combinations

import pandas as pd

from ..rules.roles import ROLES

__all__ = ["agency_workload", "concentration", "collective_only_share", "co_assignment_edges",
           "co_assignment_graph", "network_summary", "ACCOUNTABILITY", "measure_accountability",
           "agency_membership", "agency_stages"]

# who answers for a measure, strongest first (see measure_accountability)
ACCOUNTABILITY = ROLES + ("collective_only", "national_only", "no_unit")


def _assignments(corpus, include_national: bool = False) -> pd.DataFrame:
    a = corpus.assignments
    return a if include_national else a[a.unit_level.fillna("local") == "local"]


def _named_units(assignments: pd.DataFrame) -> pd.DataFrame:
    """Assignments to units that are not collective (``assignments.collective``, from
    ``data/collectives.txt``): one accountable body each."""
    return assignments[~assignments.collective.fillna(False).astype(bool)]


def agency_workload(corpus, include_national: bool = False, intervals: bool = True) -> pd.DataFrame:
    """One row per (plan, agency): measure counts by role and shares of the plan's measures (with
    ``intervals``, the bootstrap interval of ``share_any``), and whether the agency is only ever
    named as a collective (``collective``)."""
    a = _assignments(corpus, include_national)
    columns = ["doc_id", "region", "agency", "n_lead", "n_responsible", "n_cooperating", "n_any",
               "share_lead", "share_responsible", "share_cooperating", "share_any", "agency_zh", "agency_en",
               "collective"]
    if a.empty:
        empty = pd.DataFrame(columns=columns)
        if not intervals:
            return empty
        from .intervals import place_after

        bounds = ["share_any_lo", "share_any_hi"]
        return place_after(empty.assign(**{b: [] for b in bounds}), "share_any", bounds)
    n_measures = corpus.measures.groupby("doc_id").size()
    by_role = (a.drop_duplicates(["measure_id", "agency", "role"])
                 .groupby(["doc_id", "agency", "role"]).size().unstack(fill_value=0))
    by_role = by_role.reindex(columns=list(ROLES), fill_value=0)
    by_role.columns = [f"n_{r}" for r in ROLES]
    any_role = a.drop_duplicates(["measure_id", "agency"]).groupby(["doc_id", "agency"]).size().rename("n_any")
    collective = a.groupby(["doc_id", "agency"]).collective.apply(lambda s: bool(s.fillna(False).all()))
    out = by_role.join(any_role).join(collective).reset_index()
    total = out.doc_id.map(n_measures)
    for col in ("n_lead", "n_responsible", "n_cooperating", "n_any"):
        out["share_" + col[2:]] = (out[col] / total).round(4)
    labels = a.drop_duplicates("agency").set_index("agency")[["agency_zh", "agency_en"]]
    out = out.join(labels, on="agency")
    out["region"] = out.doc_id.map(corpus.documents.set_index("doc_id").region)
    out = out.sort_values(["doc_id", "n_any", "agency"], ascending=[True, False, True]).reset_index(drop=True)
    return _share_any_interval(corpus, a, out[columns]) if intervals else out[columns]


def _share_any_interval(corpus, assignments: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """``share_any_lo``/``share_any_hi`` after ``share_any``: the 95 % bootstrap interval of the share
    of the plan's measures naming the agency (the plan's measures resampled)."""
    from .intervals import membership, place_after, plan_shares

    measures = corpus.measures[corpus.measures.doc_id.isin(table.doc_id)]
    shares = plan_shares(membership(assignments, "agency", measures), measures)
    bounds = shares.rename(columns={"key": "agency", "lo": "share_any_lo", "hi": "share_any_hi"})
    out = table.merge(bounds[["doc_id", "agency", "share_any_lo", "share_any_hi"]], on=["doc_id", "agency"],
                      how="left")
    return place_after(out, "share_any", ["share_any_lo", "share_any_hi"])


def concentration(corpus, include_national: bool = False) -> pd.DataFrame:
    """Per plan: number of agencies, the largest accountable agency and its share, Herfindahl index,
    and the share of measures named only to collectives; both shares with a 95 % bootstrap interval
    (``*_lo``, ``*_hi``: the plan's measures resampled, :func:`.intervals.plan_shares`)."""
    w = agency_workload(corpus, include_national, intervals=False)
    flags = _collective_only(corpus)  # read once: for the share and for its interval
    only = _share_by_plan(flags, corpus)
    rows = []
    for doc_id, g in w.groupby("doc_id"):
        shares = g.n_any / g.n_any.sum()
        named = g[~g.collective.astype(bool)]
        top = named.loc[named.n_any.idxmax()] if len(named) else None
        rows.append({"doc_id": doc_id, "region": g.region.iloc[0], "n_agencies": len(g),
                     "top_agency": top.agency if top is not None else None,
                     "top_share": round(float(top.n_any / g.n_any.sum()), 4) if top is not None else None,
                     "hhi": round(float((shares ** 2).sum()), 4),
                     "collective_only_share": only.get(doc_id)})
    out = pd.DataFrame(rows, columns=["doc_id", "region", "n_agencies", "top_agency", "top_share", "hhi",
                                      "collective_only_share"])
    return _with_intervals(corpus, out, include_national, flags)


def _with_intervals(corpus, table: pd.DataFrame, include_national: bool, collective_only: pd.Series) -> pd.DataFrame:
    """``top_share_lo/hi`` and ``collective_only_share_lo/hi`` beside the two shares.

    The top agency's share is a ratio over measures: Σ [measure names it] / Σ agencies named, i.e.
    a share weighted by each measure's number of agencies, its hit divided by that number; the
    collective-only share is a plain share of measures (``collective_only``: :func:`_collective_only`)."""
    from .intervals import add_intervals

    a = _assignments(corpus, include_national).drop_duplicates(["measure_id", "agency"])
    measures = corpus.measures[corpus.measures.doc_id.isin(table.doc_id)]
    ids = measures.measure_id
    n_agencies = a.groupby("measure_id").size().reindex(ids, fill_value=0).astype(float)
    top = set(zip(table.doc_id, table.top_agency))
    named_top = a[[(d, g) in top for d, g in zip(a.doc_id, a.agency)]].measure_id
    top_hits = ids.isin(set(named_top)).to_numpy() / n_agencies.where(n_agencies > 0, 1.0)
    only = collective_only.reindex(ids).astype(float)  # the flags the share averages
    table = add_intervals(table, "top_share", top_hits, measures, weights=n_agencies)
    return add_intervals(table, "collective_only_share", only, measures)


def _collective_only(corpus) -> pd.Series:
    """measure_id -> whether the local units the measure names are all collective (False when it
    names none)."""
    only = _assignments(corpus).groupby("measure_id").collective.apply(
        lambda s: bool(s.fillna(False).astype(bool).all()))
    return corpus.measures.measure_id.map(only).fillna(False).astype(bool).set_axis(corpus.measures.measure_id)


def collective_only_share(corpus) -> dict[str, float]:
    """Per plan: share of measures whose named local units are all collective."""
    return _share_by_plan(_collective_only(corpus), corpus)


def _share_by_plan(flags: pd.Series, corpus) -> dict[str, float]:
    """Per plan: the share of its measures whose flag (measure_id -> bool) is set."""
    return flags.groupby(corpus.measures.doc_id.to_numpy()).mean().round(4).to_dict()


def co_assignment_edges(corpus, doc_id: str | None = None, include_collective: bool = False) -> pd.DataFrame:
    """Weighted edges ``(doc_id, source, target, weight)``: measures naming both agencies."""
    a = _assignments(corpus)
    if doc_id is not None:
        a = a[a.doc_id == doc_id]
    if not include_collective:
        a = _named_units(a)
    rows = []
    for (plan, _), g in a.groupby(["doc_id", "measure_id"]):
        for s, t in combinations(sorted(set(g.agency)), 2):
            rows.append((plan, s, t))
    edges = pd.DataFrame(rows, columns=["doc_id", "source", "target"])
    return edges.groupby(["doc_id", "source", "target"]).size().rename("weight").reset_index()


def co_assignment_graph(corpus, doc_id: str, include_collective: bool = False, workload=None, edges=None):
    """A networkx graph of one plan: node attribute ``measures`` (n_any), edge attribute ``weight``
    (``workload`` and ``edges``: :func:`agency_workload` and :func:`co_assignment_edges` of the
    corpus, when the caller has them)."""
    import networkx as nx

    g = nx.Graph()
    w = agency_workload(corpus, intervals=False) if workload is None else workload
    w = w[w.doc_id == doc_id]
    if not include_collective:
        w = w[~w.collective.astype(bool)]
    for row in w.itertuples():
        g.add_node(row.agency, measures=int(row.n_any), lead=int(row.n_lead))
    edges = co_assignment_edges(corpus, doc_id, include_collective) if edges is None else edges
    for e in edges[edges.doc_id == doc_id].itertuples():
        g.add_edge(e.source, e.target, weight=int(e.weight))
    return g


def network_summary(corpus) -> pd.DataFrame:
    """Per plan: nodes, edges, density, weighted degree centralisation of the top agency."""
    import networkx as nx

    workload, edges = agency_workload(corpus, intervals=False), co_assignment_edges(corpus)
    rows = []
    for doc in corpus.documents.sort_values("doc_id").itertuples():
        g = co_assignment_graph(corpus, doc.doc_id, workload=workload, edges=edges)
        strength = dict(g.degree(weight="weight"))
        total = sum(strength.values()) or 1
        top = max(strength, key=strength.get) if strength else None
        rows.append({"doc_id": doc.doc_id, "region": doc.region, "nodes": g.number_of_nodes(),
                     "edges": g.number_of_edges(),
                     "density": round(nx.density(g), 4) if g.number_of_nodes() > 1 else 0.0,
                     "hub": top, "hub_strength_share": round(strength.get(top, 0) / total, 4) if top else 0.0})
    return pd.DataFrame(rows)


def measure_accountability(corpus) -> pd.Series:
    """measure_id -> who answers for the measure, the strongest the plan names: ``lead`` (a named
    local unit leads), ``responsible``, ``cooperating`` (named local units in that role at best),
    ``collective_only`` (only collective placeholders such as 各区县政府), ``national_only`` (only
    national units, as in a ministry-municipality plan), ``no_unit``. One class a measure, so a plan's
    shares add up to 1."""
    a = corpus.assignments
    local = a[a.unit_level.fillna("local") == "local"]
    named = _named_units(local)
    out = pd.Series("no_unit", index=corpus.measures.measure_id, dtype=object)
    out[out.index.isin(a.measure_id)] = "national_only"
    out[out.index.isin(local.measure_id)] = "collective_only"
    for role in reversed(ROLES):  # the strongest role a named unit holds wins
        out[out.index.isin(named[named.role == role].measure_id)] = role
    return out


def agency_membership(corpus, include_national: bool = False) -> pd.DataFrame:
    """measure_id × agency booleans: the accountable bodies (not collectives) each measure names."""
    from .intervals import membership

    return membership(_named_units(_assignments(corpus, include_national)), "agency", corpus.measures)


def agency_stages(corpus, n_agencies: int = 15) -> pd.DataFrame:
    """Agency × dominant stage over all plans: measures naming the agency (local, accountable bodies),
    and each stage's share of them (``share``; rows sum to 1) for the ``n_agencies`` busiest."""
    from .themes import dominant_stage
    from ..rules.lexicon import STAGES

    a = _named_units(_assignments(corpus)).drop_duplicates(["measure_id", "agency"])
    a = a.assign(stage=a.measure_id.map(dominant_stage(corpus)))
    counts = a.groupby(["agency", "stage"]).size().unstack(fill_value=0).reindex(columns=list(STAGES), fill_value=0)
    counts = counts.loc[counts.sum(axis=1).sort_values(ascending=False, kind="stable").index[:n_agencies]]
    shares = counts.div(counts.sum(axis=1), axis=0)
    out = shares.stack().rename("share").reset_index()
    out["n"] = counts.stack().to_numpy()
    out["n_measures"] = out.agency.map(counts.sum(axis=1))
    return out
