"""Findings in sentences, computed from the tables, so that a notebook's text stays true when the
corpus changes. Each function returns short English sentences (for a notebook's Markdown) that
state a result with the caveat it needs; :func:`caveats` says where the plans are not like for like.
"""

from __future__ import annotations

import pandas as pd

from .plans import place_of, plan_labels

__all__ = ["caveats", "overview_findings", "theme_findings", "workload_findings", "target_findings", "bullets",
           "regions_over_time"]


def _labels(corpus) -> dict[str, str]:
    return plan_labels(corpus.documents, "en")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def caveats(corpus) -> list[str]:
    """Where the plans differ in kind, level, period or length, so that shares are not like for like."""
    docs, out = corpus.documents, []
    types = docs.plan_type.fillna("unknown").value_counts()
    if len(types) > 1:
        out.append(f"The corpus mixes {len(types)} plan types ({', '.join(f'{n} {t}' for t, n in types.items())}): "
                   "annual work points, multi-year plans and action plans are not like for like.")
    levels = docs.admin_level.fillna("unknown").value_counts()
    if len(levels) > 1:
        out.append(f"Plans come from {len(levels)} levels of government ({', '.join(levels.index)}): a province "
                   "plan sets tasks for agencies a district plan never names.")
    chars = corpus.measures.assign(n=corpus.measures.text.str.len()).groupby("doc_id").n.mean()
    if len(chars) > 1 and chars.min() > 0 and chars.max() / chars.min() >= 2:
        labels = _labels(corpus)
        out.append(f"Measures in {labels[chars.idxmax()]} are {chars.max() / chars.min():.1f}× as long as in "
                   f"{labels[chars.idxmin()]} ({chars.max():.0f} against {chars.min():.0f} characters on average): "
                   "a long measure touches more themes, so shares by measure favour long-measure plans.")
    empty = docs[docs.n_measures == 0]
    if len(empty):
        out.append(f"{_plural(len(empty), 'document')} without tasks ({', '.join(empty.file)}) "
                   "count in the corpus but in no share.")
    return out


def overview_findings(corpus) -> list[str]:
    docs, labels = corpus.documents, _labels(corpus)
    with_measures = docs[docs.n_measures > 0]
    n_places = place_of(docs).nunique()
    out = [f"The corpus holds {_plural(len(docs), 'document')} from {n_places} "
           f"{'region' if n_places == 1 else 'regions'}, with {int(docs.n_measures.sum())} measures."]
    if len(with_measures):
        big, small = with_measures.loc[with_measures.n_measures.idxmax()], with_measures.loc[with_measures.n_measures.idxmin()]
        out.append(f"{labels[big.doc_id]} has the most measures ({int(big.n_measures)}), "
                   f"{labels[small.doc_id]} the fewest ({int(small.n_measures)}).")
    m = corpus.measures
    if len(m):
        lead = m.groupby("doc_id").has_lead.mean()
        out.append(f"The share of measures naming a lead unit ranges from {lead.min():.0%} "
                   f"({labels[lead.idxmin()]}) to {lead.max():.0%} ({labels[lead.idxmax()]}).")
        dated = m.deadline_date.notna().groupby(m.doc_id).mean()
        with_dates = dated[dated > 0]
        verb = "gives" if len(with_dates) == 1 else "give"
        out.append(f"{_plural(len(with_dates), 'plan')} of {m.doc_id.nunique()} {verb} dated deadlines"
                   + (f" ({', '.join(labels[d] for d in with_dates.index)})." if len(with_dates) else "."))
    return out


def theme_findings(corpus) -> list[str]:
    from .themes import stage_shares

    shares, labels = stage_shares(corpus), _labels(corpus)
    if shares.empty:
        return ["No plan has measures to code."]
    out = []
    for doc_id, row in shares.iterrows():
        out.append(f"{labels[doc_id]}: {row.idxmax()} is the leading stage ({row.max():.0%} of measures).")
    pooled = corpus.measure_themes
    pooled = pooled[(pooled.level == "stage") & pooled.dominant.astype(bool)].theme.value_counts(normalize=True)
    out.append(f"Over all measures, {pooled.index[0]} leads ({pooled.iloc[0]:.0%}); shares over a few dozen "
               "measures per plan move by several points when one measure is coded otherwise.")
    return out


def workload_findings(corpus) -> list[str]:
    from .workloads import concentration

    c, labels = concentration(corpus), _labels(corpus)
    if c.empty:
        return ["No plan names responsible units."]
    out = []
    for row in c.itertuples():
        if row.top_agency:
            out.append(f"{labels[row.doc_id]}: {row.top_agency} is named in {row.top_share:.0%} of the plan's "
                       f"(measure, agency) pairs (HHI {row.hhi:.2f}); {row.collective_only_share or 0:.0%} of its "
                       "measures name only collective units.")
    return out


def target_findings(corpus) -> list[str]:
    from .targets import commitments, national_comparison

    t, labels = commitments(corpus), _labels(corpus)
    if t.empty:
        return ["No plan states a quantitative target."]
    per_plan = t.groupby("doc_id").size().reindex(corpus.documents.doc_id, fill_value=0)
    most = per_plan.idxmax()
    out = [f"{len(t)} quantitative commitments in {int((per_plan > 0).sum())} of {len(per_plan)} documents; "
           f"{labels[most]} states the most ({int(per_plan.max())})."]
    comp = national_comparison(corpus)
    comparable = comp[comp.comparable]
    out.append(f"{len(comparable)} local targets share an indicator and a unit with the national 14th Five-Year "
               "plan and can be set against it; counts are never compared across levels of government.")
    return out


def regions_over_time(corpus) -> pd.DataFrame:
    """Regions with two plans or more, one row per plan in the order they were issued: year, type,
    measures, leading stage and its share of measures (95 % bootstrap interval ``leading_lo``,
    ``leading_hi``), largest accountable agency, commitments."""
    from .intervals import plan_shares
    from .plans import repeated_places
    from .targets import commitments
    from .themes import stage_membership
    from .workloads import concentration

    plans = repeated_places(corpus)
    first = {place: i for i, place in enumerate(dict.fromkeys(plans.place))}
    plans = plans.sort_values("place", key=lambda s: s.map(first), kind="stable")  # a region's plans together
    shares = plan_shares(stage_membership(corpus), corpus.measures)
    leading = shares.sort_values("share", ascending=False, kind="stable").drop_duplicates("doc_id")
    leading = leading[leading.share > 0].set_index("doc_id")
    top = concentration(corpus).set_index("doc_id").top_agency
    targets = commitments(corpus).groupby("doc_id").size()
    columns = ["region", "year", "plan", "plan_type", "n_measures", "leading_stage", "leading_share",
               "leading_lo", "leading_hi", "top_agency", "n_commitments"]
    rows = []
    for p in plans.itertuples():
        lead = leading.loc[p.doc_id] if p.doc_id in leading.index else None
        rows.append([p.place_label, p.year, p.label, p.plan_type, p.n_measures,
                     *((lead.key, lead.share, lead.lo, lead.hi) if lead is not None else (None,) * 4),
                     top.get(p.doc_id), int(targets.get(p.doc_id, 0))])
    return pd.DataFrame(rows, columns=columns)


def bullets(sentences: list[str]) -> str:
    """Sentences as a Markdown bullet list (``IPython.display.Markdown(bullets(...))``)."""
    return "\n".join(f"- {s}" for s in sentences) if sentences else "- (nothing to report for this corpus)"
