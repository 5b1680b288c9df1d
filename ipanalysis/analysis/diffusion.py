"""Where plans come from: measures shared with earlier documents (the reuse table), what a plan takes
from its parent (the province or city above it), and the documents the corpus cites most."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .plans import plan_labels, plan_order

__all__ = ["load_reuse", "reuse_between_documents", "taken_from_parent", "most_cited", "cited_by_level"]


def load_reuse(corpus, processed=None) -> pd.DataFrame:
    """The reuse table written by ``ipanalysis reuse`` in ``processed``, else computed now."""
    if processed is not None and (Path(processed) / "reuse.parquet").exists():
        return pd.read_parquet(Path(processed) / "reuse.parquet")
    from ..corpus.reuse import find_reuse

    return find_reuse(corpus.measures, corpus.documents)


def reuse_between_documents(corpus, reuse: pd.DataFrame) -> pd.DataFrame:
    """Document (later, rows) × document (earlier, columns): measures of the row's plan that share
    their text with a measure of the column's document; both in the order the documents were written."""
    order = [d for d in plan_order(corpus.documents)]
    counts = reuse.groupby(["doc_id_b", "doc_id_a"]).measure_id_b.nunique().unstack(fill_value=0)
    return counts.reindex(index=order, columns=order, fill_value=0)


def _parents(documents: pd.DataFrame) -> dict[str, set[str]]:
    """doc_id -> the documents of the regions above its region (its city and its province)."""
    docs = documents.set_index("doc_id")
    by_name = {}
    for doc_id, row in docs.iterrows():
        by_name.setdefault(row.region_zh, set()).add(doc_id)
    parents = {}
    for doc_id, row in docs.iterrows():
        above = {row.get("city_zh"), row.get("province_zh")} - {row.region_zh, None}
        parents[doc_id] = set().union(*(by_name.get(a, set()) for a in above if isinstance(a, str)))
    return parents


def taken_from_parent(corpus, reuse: pd.DataFrame) -> pd.DataFrame:
    """Per plan: its measures, how many share text with a document of its parent region, and the share."""
    parents = _parents(corpus.documents)
    labels = plan_labels(corpus.documents)
    rows = []
    for doc_id in plan_order(corpus.documents):
        n = int((corpus.measures.doc_id == doc_id).sum())
        own = reuse[(reuse.doc_id_b == doc_id) & reuse.doc_id_a.isin(parents.get(doc_id, set()))]
        rows.append({"doc_id": doc_id, "plan": labels[doc_id], "n_measures": n,
                     "parent_documents": len(parents.get(doc_id, set())),
                     "measures_from_parent": own.measure_id_b.nunique(),
                     "share_from_parent": round(own.measure_id_b.nunique() / n, 3) if n else None})
    return pd.DataFrame(rows)


def most_cited(corpus, n: int = 15) -> pd.DataFrame:
    """The documents the corpus cites most: by how many plans cite them (one key, one document)."""
    c = corpus.citations
    if c.empty:
        return pd.DataFrame(columns=["cited_key", "title", "number", "level", "citing_plans", "citations"])
    grouped = c.groupby("cited_key")
    out = pd.DataFrame({
        "title": grouped.cited_title.agg(lambda s: s.dropna().iloc[0] if s.notna().any() else None),
        "number": grouped.cited_number.agg(lambda s: s.dropna().iloc[0] if s.notna().any() else None),
        "level": grouped.cited_level.first(),
        "citing_plans": grouped.doc_id.nunique(),
        "citations": grouped.size(),
    })
    return out.sort_values(["citing_plans", "citations"], ascending=False).head(n).reset_index()


def cited_by_level(corpus) -> pd.DataFrame:
    """Plan × level of the cited document (national, province, local, unknown): citations."""
    c = corpus.citations
    return c.groupby(["doc_id", "cited_level"]).size().unstack(fill_value=0)
