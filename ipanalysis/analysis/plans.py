"""The plans of a corpus as the unit of analysis: one row per plan, a label that tells plans apart,
and the order they are shown in.

Every analysis groups by ``doc_id``: a region issues a plan every year, and a city and its
districts issue plans of their own, so region is an attribute of a plan, never its key. A plan's
label is its region and year (``渝中区 2023``, ``Yuzhong 2023``); where that is not unique in the
corpus, the plan type is added (``Yuzhong 2023 Work points``), and then the document id.
"""

from __future__ import annotations

import pandas as pd

from ..rules.document_types import type_labels

__all__ = ["plan_table", "plan_labels", "plan_order", "plan_year", "place_of", "repeated_places"]


def place_of(documents: pd.DataFrame) -> pd.Series:
    """doc_id -> the place that issued the plan: its division code, else its region key. Two plans of
    one district share a place even when a registry gave one of them another English key."""
    docs = documents.set_index("doc_id")
    adcode = docs.adcode if "adcode" in docs.columns else pd.Series(index=docs.index, dtype=object)
    return adcode.where(adcode.notna() & (adcode != ""), docs.region).astype(str)


def plan_year(doc) -> str:
    """``2023``, ``2022–2025`` (the period the plan covers), else the year it was written, else ``n.d.``."""
    start, end = doc.get("period_start"), doc.get("period_end")
    if pd.notna(start) and pd.notna(end):
        return f"{int(start)}" if int(start) == int(end) else f"{int(start)}–{int(end)}"
    written = doc.get("date_written")
    return str(written)[:4] if isinstance(written, str) and written else "n.d."


def _region_name(doc, lang: str) -> str:
    if lang == "zh":
        return doc.get("region_zh") if isinstance(doc.get("region_zh"), str) else str(doc.get("region") or "")
    region = doc.get("region")
    return str(region).split("_")[0] if isinstance(region, str) and region else str(doc.get("doc_id"))


def plan_labels(documents: pd.DataFrame, lang: str = "en") -> dict[str, str]:
    """doc_id -> a short label that is unique in the corpus (region and year, then type, then id)."""
    docs = documents.to_dict("records")
    labels = {d["doc_id"]: f"{_region_name(d, lang)} {plan_year(d)}" for d in docs}
    types = type_labels(lang)
    for step in ("type", "id"):
        counts = pd.Series(list(labels.values())).value_counts()
        for d in docs:
            if counts[labels[d["doc_id"]]] > 1:
                extra = types.get(d.get("plan_type"), "") if step == "type" else d["doc_id"]
                if extra:
                    labels[d["doc_id"]] = f"{labels[d['doc_id']]} {extra}" if lang == "en" or step == "id" \
                        else f"{labels[d['doc_id']]}{extra}"
    return labels


def plan_order(documents: pd.DataFrame) -> list[str]:
    """doc_ids in display order: by the date the plan was written (then its period), then region."""
    docs = documents.assign(_date=documents.date_written.fillna(""),
                            _start=pd.to_numeric(documents.period_start, errors="coerce"))
    docs = docs.sort_values(["_date", "_start", "region", "doc_id"], na_position="last", kind="stable")
    return docs.doc_id.tolist()


def plan_table(corpus, lang: str = "en") -> pd.DataFrame:
    """One row per plan, in display order: ``doc_id``, ``label``, ``region``, ``region_zh``,
    ``province_zh``, ``city_zh``, ``adcode``, ``admin_level``, ``plan_type``, ``year``, ``n_measures``."""
    docs = corpus.documents.set_index("doc_id", drop=False).loc[plan_order(corpus.documents)]
    labels = plan_labels(corpus.documents, lang)
    cols = ["doc_id", "region", "region_zh", "province_zh", "city_zh", "adcode", "admin_level", "plan_type",
            "n_measures"]
    out = docs[[c for c in cols if c in docs.columns]].reset_index(drop=True)
    out.insert(1, "label", out.doc_id.map(labels))
    out["year"] = [plan_year(d) for d in docs.to_dict("records")]
    out["place"] = out.doc_id.map(place_of(corpus.documents))
    return out


def repeated_places(corpus, lang: str = "en", min_plans: int = 2) -> pd.DataFrame:
    """The rows of :func:`plan_table` of places that issued ``min_plans`` plans or more, in display
    order, with ``place_label`` (the place's name, for a panel that follows it over time)."""
    plans = plan_table(corpus, lang)
    plans = plans[plans.place.map(plans.place.value_counts()) >= min_plans].copy()
    docs = corpus.documents.set_index("doc_id")
    plans["place_label"] = [_region_name(docs.loc[d].to_dict() | {"doc_id": d}, lang) for d in plans.doc_id]
    return plans
