"""A corpus whose documents are groups of plans (an administrative level, a province, a plan type),
after quanteda's ``corpus_group``: every analysis and figure that compares plans then compares the
groups, unchanged.

A group's measures, assignments, targets and codes are those of its plans; its document row sums
the plans' counts and spans their years (``period_start`` the earliest, ``period_end`` the latest,
``date_written`` the first; a plan without a period counts its year written). Its ``region`` and
``region_zh`` name the group and its number of plans (``District (7)``, ``区（7）``), so labels read
``District (7) 2017–2025``. Shares computed on a group pool its plans' measures; their bootstrap
intervals resample the group's plans and, within each, its measures (``measures.plan_id``), so
they speak for the plans of the group.

:func:`figure_corpus` is what the figures draw: the corpus itself while its plans fit a printed
page (``MAX_FIGURE_PLANS``), else its plans grouped by the first of ``GROUPINGS`` that gives two to
``MAX_FIGURE_PLANS`` groups.
"""

from __future__ import annotations

import pandas as pd

from ..config import MAX_FIGURE_PLANS
from .corpus import Corpus
from .schema import TABLES

__all__ = ["group_corpus", "figure_corpus", "choose_grouping", "is_grouped", "MAX_FIGURE_PLANS", "GROUPINGS"]

GROUPINGS = ("admin_level", "province_zh", "plan_type")  # tried in this order by figure_corpus
UNKNOWN = "unknown"
SUMMED = ("n_measures", "n_targets", "n_assignments", "n_chars")


def _group_labels(key: str, by: str) -> tuple[str, str]:
    """``(English, Chinese)`` name of one group."""
    from ..figures.style import has_label, label

    if key == UNKNOWN:
        return "Unknown", "未详"
    if by == "province_zh":
        from ..rules.gazetteer import base_key

        return base_key(key, "province"), key
    if by == "plan_type":
        from ..rules.document_types import type_labels

        return type_labels("en").get(key, key), key
    if has_label(key):
        return label(key, "en"), label(key, "zh")
    return key, key


def _group_keys(values: pd.Series) -> pd.Series:
    """Each plan's group as text: ``unknown`` where it has no value (missing or empty)."""
    return values.astype(object).where(values.notna() & (values.astype(str) != ""), UNKNOWN).astype(str)


def _group_documents(docs: pd.DataFrame, group_of: pd.Series, by: str) -> pd.DataFrame:
    rows = []
    for key, plans in docs.groupby(group_of.reindex(docs.doc_id).to_numpy(), sort=True):
        en, zh = _group_labels(str(key), by)
        n = int(plans.n_plans.sum()) if "n_plans" in plans.columns else len(plans)  # groups of groups add up
        row = {column: None for column in docs.columns}
        common = {c: plans[c].iloc[0] for c in ("admin_level", "plan_type", "province_zh", "kind", "script")
                  if c in plans.columns and plans[c].nunique(dropna=False) == 1}
        row.update(common)
        written = pd.to_numeric(plans.date_written.astype(str).str[:4], errors="coerce")
        first = pd.to_numeric(plans.period_start, errors="coerce").fillna(written)
        last = pd.to_numeric(plans.period_end, errors="coerce").fillna(written)
        row.update({"doc_id": f"{by}={key}", "file": f"{n} plans", "region": f"{en} ({n})",
                    "region_zh": f"{zh}（{n}）", "period_start": first.min(), "period_end": last.max(),
                    "date_written": plans.date_written.dropna().min() if plans.date_written.notna().any() else None,
                    "n_plans": n})
        row.update({c: int(pd.to_numeric(plans[c], errors="coerce").fillna(0).sum()) for c in SUMMED if c in plans})
        rows.append(row)
    out = pd.DataFrame(rows, columns=list(dict.fromkeys([*docs.columns, "n_plans"])))
    for column in ("period_start", "period_end"):
        out[column] = out[column].astype(docs[column].dtype if column in docs else "Int64", errors="ignore")
    return out


def group_corpus(corpus, by: str | pd.Series = "admin_level") -> Corpus:
    """The corpus with one document per group of plans: ``by`` names a column of ``documents``
    (``admin_level``, ``province_zh``, ``plan_type`` …) or is a Series doc_id -> group. A plan with no
    value is in the group ``unknown``."""
    docs = corpus.documents
    if isinstance(by, pd.Series):
        group_of, name = by.reindex(docs.doc_id.to_numpy()), by.name or "group"
    else:
        if by not in docs.columns:
            raise ValueError(f"cannot group plans by {by!r}: not a column of the documents table")
        group_of, name = docs.set_index("doc_id")[by], by
    group_of = _group_keys(group_of)
    documents = _group_documents(docs, group_of, name)
    new_id = {d: f"{name}={g}" for d, g in group_of.items()}
    region = documents.set_index("doc_id").region
    tables = {"documents": documents}
    for table in TABLES:
        if table == "documents":
            continue
        frame = getattr(corpus, table).copy()
        if table == "measures" and "plan_id" not in frame.columns:
            frame["plan_id"] = frame.doc_id  # the plan each measure comes from: intervals resample plans
        if "doc_id" in frame.columns:
            frame["doc_id"] = frame.doc_id.map(new_id)
            if "region" in frame.columns:
                frame["region"] = frame.doc_id.map(region)
        tables[table] = frame
    # the groups are a view of the same tables: a figure drawn from them follows those tables
    return Corpus(**tables, build_id=getattr(corpus, "build_id", None),
                  table_digests=getattr(corpus, "table_digests", None))


def is_grouped(corpus) -> bool:
    """Whether the corpus's documents are groups of plans (:func:`group_corpus`)."""
    return "n_plans" in corpus.documents.columns


def choose_grouping(documents: pd.DataFrame, max_groups: int = MAX_FIGURE_PLANS) -> str:
    """The first of ``GROUPINGS`` that divides the plans into two to ``max_groups`` groups (else
    ``admin_level``)."""
    for by in GROUPINGS:
        if by in documents.columns and 2 <= _group_keys(documents[by]).nunique() <= max_groups:
            return by
    return GROUPINGS[0]


def figure_corpus(corpus, by: str | None = "auto", max_plans: int = MAX_FIGURE_PLANS):
    """``(corpus to draw, grouping or None)``: with ``by="auto"`` the corpus itself while it has at
    most ``max_plans`` plans, else its plans grouped (:func:`choose_grouping`); ``by=None`` or
    ``"plan"`` never groups; any other ``by`` always groups by it."""
    if by in (None, "plan"):
        return corpus, None
    if by == "auto":
        if len(corpus.documents) <= max_plans:
            return corpus, None
        by = choose_grouping(corpus.documents, max_plans)
    return group_corpus(corpus, by), by
