"""Corpus overview: the plans at a glance (used by notebook 01 and its figures)."""

from __future__ import annotations

import pandas as pd

__all__ = ["metadata_table", "measures_per_section", "units_per_measure", "plan_summary",
           "deadline_summary"]


def metadata_table(corpus) -> pd.DataFrame:
    cols = ["region", "region_zh", "province_zh", "admin_level", "issuer", "doc_number", "title",
            "date_written", "date_published", "period_start", "period_end", "script"]
    return corpus.documents[cols].reset_index(drop=True)


def measures_per_section(corpus) -> pd.DataFrame:
    """Measures per (region, section), in document order.

    The section is the top-level one, unless all of a plan's measures sit in one top-level section
    (二、主要任务) that is divided into subsections: then the subsections are counted.
    """
    frames = []
    for region, m in corpus.measures.groupby("region", sort=False):
        use_sub = m.section.nunique(dropna=False) == 1 and m.subsection.notna().all()
        number = (m.section.fillna("") + m.subsection.fillna("")) if use_sub else m.section
        title = m.subsection_title if use_sub else m.section_title
        g = (pd.DataFrame({"region": region, "section": number, "section_title": title})
             .groupby(["region", "section", "section_title"], sort=False, dropna=False)
             .size().rename("n_measures").reset_index())
        frames.append(g)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        columns=["region", "section", "section_title", "n_measures"])


def units_per_measure(corpus) -> pd.DataFrame:
    """One row per measure: named units (local and national) and whether a lead unit is named."""
    a = corpus.assignments
    counts = a.groupby("measure_id").unit.nunique()
    m = corpus.measures[["measure_id", "region", "seq", "has_lead"]].copy()
    m["n_units"] = m.measure_id.map(counts).fillna(0).astype(int)
    return m


def plan_summary(corpus) -> pd.DataFrame:
    """Per plan: measures, units per measure, share with a lead unit, targets, text length."""
    from .targets import quantification

    per_measure = units_per_measure(corpus)
    with_number = quantification(corpus).set_index("region").share_with_number
    rows = []
    for doc in corpus.documents.itertuples():
        pm = per_measure[per_measure.region == doc.region]
        rows.append({
            "region": doc.region,
            "region_zh": doc.region_zh,
            "n_measures": int(doc.n_measures),
            "mean_units_per_measure": round(pm.n_units.mean(), 2) if len(pm) else None,
            "lead_share": round(pm.has_lead.astype(float).mean(), 3) if len(pm) else None,
            "n_targets": int(doc.n_targets),
            "share_with_number": round(float(with_number[doc.region]), 3) if len(pm) else None,
            "n_chars": int(doc.n_chars),
        })
    return pd.DataFrame(rows)


def deadline_summary(corpus) -> pd.DataFrame:
    """Per region: measures with a dated deadline, ongoing, or none."""
    m = corpus.measures
    kind = pd.Series("no_deadline", index=m.index)
    kind[m.ongoing.fillna(False).astype(bool)] = "ongoing"
    kind[m.deadline_date.notna()] = "dated"
    return (m.assign(kind=kind).groupby(["region", "kind"]).size().unstack(fill_value=0)
            .reindex(columns=["dated", "ongoing", "no_deadline"], fill_value=0))
