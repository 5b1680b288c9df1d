"""Corpus overview: the plans at a glance (used by notebook 01 and its figures). Every table is
keyed by plan (``doc_id``) and carries the plan's label (:mod:`.plans`)."""

from __future__ import annotations

import pandas as pd

from .plans import plan_labels, plan_order

__all__ = ["metadata_table", "measures_per_section", "units_per_measure", "plan_summary",
           "deadline_summary"]


def metadata_table(corpus, lang: str = "en") -> pd.DataFrame:
    """One row per plan in display order: label, where and by whom it was issued, when, what type."""
    cols = ["doc_id", "region", "region_zh", "province_zh", "city_zh", "adcode", "admin_level", "plan_type",
            "issuer", "doc_number", "title", "date_written", "date_published", "period_start", "period_end",
            "script"]
    docs = corpus.documents.set_index("doc_id", drop=False).loc[plan_order(corpus.documents)]
    out = docs[[c for c in cols if c in docs.columns]].reset_index(drop=True)
    out.insert(1, "plan", out.doc_id.map(plan_labels(corpus.documents, lang)))
    return out


def measures_per_section(corpus) -> pd.DataFrame:
    """Measures per (plan, section), in document order.

    The section is the top-level one, unless all of a plan's measures sit in one top-level section
    (二、主要任务) that is divided into subsections: then the subsections are counted.
    """
    frames = []
    for doc_id, m in corpus.measures.groupby("doc_id", sort=False):
        use_sub = m.section.nunique(dropna=False) == 1 and m.subsection.notna().all()
        number = (m.section.fillna("") + m.subsection.fillna("")) if use_sub else m.section
        title = m.subsection_title if use_sub else m.section_title
        g = (pd.DataFrame({"doc_id": doc_id, "section": number, "section_title": title})
             .groupby(["doc_id", "section", "section_title"], sort=False, dropna=False)
             .size().rename("n_measures").reset_index())
        frames.append(g)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        columns=["doc_id", "section", "section_title", "n_measures"])


def units_per_measure(corpus) -> pd.DataFrame:
    """One row per measure: named units (local and national) and whether a lead unit is named."""
    counts = corpus.assignments.groupby("measure_id").unit.nunique()
    m = corpus.measures[["measure_id", "doc_id", "region", "seq", "has_lead"]].copy()
    m["n_units"] = m.measure_id.map(counts).fillna(0).astype(int)
    return m


def plan_summary(corpus, lang: str = "en") -> pd.DataFrame:
    """Per plan: measures, characters per measure (without the unit parentheses, as the shares by
    text count them), units per measure, share with a lead unit, targets, share of measures with a
    number, text length; each share with its 95 % bootstrap interval (``*_lo``, ``*_hi``)."""
    from .intervals import add_intervals, place_after, text_lengths
    from .targets import quantification

    per_measure = units_per_measure(corpus)
    numbers = quantification(corpus).set_index("doc_id")
    chars = corpus.measures.assign(n=text_lengths(corpus.measures.text)).groupby("doc_id").n.mean()
    labels = plan_labels(corpus.documents, lang)
    rows = []
    for doc in corpus.documents.set_index("doc_id", drop=False).loc[plan_order(corpus.documents)].itertuples():
        pm = per_measure[per_measure.doc_id == doc.doc_id]
        rows.append({
            "doc_id": doc.doc_id,
            "plan": labels[doc.doc_id],
            "region": doc.region,
            "n_measures": int(doc.n_measures),
            "chars_per_measure": round(float(chars[doc.doc_id]), 1) if doc.doc_id in chars.index else None,
            "mean_units_per_measure": round(pm.n_units.mean(), 2) if len(pm) else None,
            "lead_share": round(pm.has_lead.astype(float).mean(), 3) if len(pm) else None,
            "n_targets": int(doc.n_targets),
            "share_with_number": round(float(numbers.share_with_number.get(doc.doc_id, 0.0)), 3) if len(pm) else None,
            "n_chars": int(doc.n_chars),
        })
    has_lead = per_measure.set_index("measure_id").has_lead.astype(float)
    table = add_intervals(pd.DataFrame(rows), "lead_share", has_lead, corpus.measures)
    bounds = ["share_with_number_lo", "share_with_number_hi"]  # computed once, by quantification
    return place_after(table.join(numbers[bounds], on="doc_id"), "share_with_number", bounds)


def deadline_summary(corpus) -> pd.DataFrame:
    """Per plan (``doc_id``): measures with a dated deadline, ongoing, or none."""
    m = corpus.measures
    kind = pd.Series("no_deadline", index=m.index)
    kind[m.ongoing.fillna(False).astype(bool)] = "ongoing"
    kind[m.deadline_date.notna()] = "dated"
    table = (m.assign(kind=kind).groupby(["doc_id", "kind"]).size().unstack(fill_value=0)
             .reindex(columns=["dated", "ongoing", "no_deadline"], fill_value=0))
    order = [d for d in plan_order(corpus.documents) if d in table.index]
    return table.loc[order]
