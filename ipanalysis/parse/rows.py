"""The rows one plan contributes to each table, built from its outline, units and metadata."""

from __future__ import annotations

import hashlib
import re

from ..rules.organisations import is_collective
from ..rules.roles import ROLES
from .deadlines import parse_deadline, year_of_next
from .outline import OutlineItem
from .unit_groups import find_unit_groups
from .unit_names import national_prefix, national_unit_name

__all__ = ["section_rows", "measure_row", "assignment_rows", "document_row", "depth", "top_item",
           "subsection_of", "split_heading"]


def depth(node: OutlineItem) -> int:
    n = 0
    while node.parent is not None:
        node, n = node.parent, n + 1
    return n


def top_item(node: OutlineItem) -> OutlineItem:
    while node.parent is not None:
        node = node.parent
    return node


def subsection_of(item: OutlineItem) -> OutlineItem | None:
    """The second-level ancestor of a measure, if the measure sits below it."""
    chain = []
    node = item.parent
    while node is not None:
        chain.append(node)
        node = node.parent
    return chain[-2] if len(chain) >= 2 else None  # chain: parent, ..., top


def section_rows(doc_id: str, region: str, roots: list[OutlineItem], measure_ids: dict[int, str]) -> list[dict]:
    """Every outline item that is not a measure."""
    rows = []
    for root in roots:
        for node in root.walk():
            if id(node) in measure_ids:
                continue
            n_measures = sum(1 for leaf in node.leaves() if id(leaf) in measure_ids)
            rows.append({
                "section_id": f"{doc_id}-s{len(rows) + 1:03d}",
                "doc_id": doc_id,
                "region": region,
                "depth": depth(node),
                "number": node.number,
                "title": node.title,
                "parent_number": node.parent.number if node.parent else None,
                "top_section": top_item(node).number,
                "has_measures": n_measures > 0,
                "n_measures": n_measures,
                "text": node.text,
                "line_start": node.line_start,
                "line_end": max(n.line_end for n in node.walk()),
                "style": node.style,  # its numbering (outline_styles.csv): cn 一、, paren_cn (一), named_problem 问题一
            })
    return rows


def measure_row(doc_id: str, region: str, seq: int, measure_id: str, item: OutlineItem,
                deadline: str | None, year: int | None = None, this_year: int | None = None,
                issued: str | None = None) -> dict:
    """The measures row of one item; ``year``: the one year of an annual plan, ``this_year``: the year
    the plan was written, ``issued``: its date (:func:`parse_deadline`)."""
    top, sub = top_item(item), subsection_of(item)
    body = item.body
    deadline_date, ongoing = parse_deadline(deadline, year or year_of_next(deadline, body), this_year, issued)
    return {
        "measure_id": measure_id,
        "doc_id": doc_id,
        "region": region,
        "seq": seq,
        "section": top.number if top is not item else None,
        "section_title": top.title if top is not item else None,
        "subsection": sub.number if sub else None,
        "subsection_title": sub.title if sub else None,
        "number": item.number,
        "heading": split_heading(body),
        "text": body,
        "deadline": deadline,
        "deadline_date": deadline_date,
        "ongoing": ongoing,
        "n_paragraphs": len(item.paragraphs),
        "n_units": 0,
        "has_lead": False,
        "line_start": item.line_start,
        "line_end": item.line_end,
    }


def assignment_rows(measure: dict, groups, unit_map: dict[str, str]) -> list[dict]:
    """One row per unit of a measure, from its unit groups ``(group, mentions, deadline, line)``, in
    the order they are first named; a unit named twice (``一是…（区科技局配合）；二是…（区科技局负责）``)
    takes its strongest role, lead before responsible before cooperating, and the line naming it so.

    Also sets the measure's ``n_units`` and ``has_lead``.
    """
    rows: dict[str, dict] = {}
    for _, mentions, _, raw_line in groups:
        prefix = national_prefix([m.unit_raw for m in mentions if m.level == "national"])
        for m in mentions:
            unit = (national_unit_name(m.unit_raw, prefix) if m.level == "national"
                    else unit_map.get(m.unit_raw, m.unit_raw))
            if unit in rows:
                if ROLES.index(m.role) < ROLES.index(rows[unit]["role"]):
                    rows[unit].update(unit_raw=m.unit_raw, role=m.role, line=raw_line)
                continue
            rows[unit] = {
                "measure_id": measure["measure_id"],
                "doc_id": measure["doc_id"],
                "region": measure["region"],
                "unit_raw": m.unit_raw,
                "unit": unit,
                "role": m.role,
                "unit_level": m.level,
                "collective": is_collective(unit),
                "position": len(rows) + 1,
                "line": raw_line,
            }
    measure["n_units"] = len(rows)
    measure["has_lead"] = any(row["role"] == "lead" for row in rows.values())
    return list(rows.values())


def plan_fingerprint(measures: list[dict], meta, digest: str) -> str:
    """What makes two files the same plan: its measures' text, title, issuer and date. A document
    with neither measures nor a title has nothing to compare: its bytes (``digest``) stand in."""
    if not measures and not meta.title:
        return digest
    text = "\n".join(m["text"] for m in measures) + f"|{meta.title}|{meta.issuer}|{meta.date_written}"
    return hashlib.sha256(text.encode()).hexdigest()


def document_row(doc_id: str, name: str, digest: str, fmt: str, norm, meta, region: str, body: list,
                 tables: dict[str, list[dict]], warnings: list[str]) -> dict:
    measures = tables["measures"]
    return {
        "doc_id": doc_id,
        "file": name,
        "sha256": digest,
        "format": fmt,
        "encoding": norm.encoding,
        "region": region,
        "region_zh": meta.region_zh,
        "province_zh": meta.province_zh,
        "city_zh": meta.city_zh,
        "adcode": meta.adcode,
        "admin_level": meta.admin_level,
        "issuer": meta.issuer,
        "doc_number": meta.doc_number,
        "title": meta.title,
        "plan_type": meta.plan_type,
        "plan_type_en": meta.plan_type_en,
        "kind": "plan" if tables["assignments"] else "reference",
        "date_written": meta.date_written,
        "date_published": meta.date_published,
        "period_start": meta.period_start,
        "period_end": meta.period_end,
        "script": norm.script,
        "n_measures": len(measures),
        "n_targets": sum(1 for t in tables["targets"] if t["kind"] == "commitment" and not t.get("restates")),
        "n_assignments": len(tables["assignments"]),
        "n_chars": sum(len(line.text) for line in body),
        "title_line": meta.title_line,
        "pinyin_annotations_removed": norm.n_pinyin_removed,
        "repaired_spans": norm.n_repaired_spans,
        "plan_fingerprint": plan_fingerprint(measures, meta, digest),
        "provenance": "; ".join(f"{k}: {v}" for k, v in meta.provenance.items()),
        "source_url": meta.source.get("source_url"),
        "retrieved": meta.source.get("retrieved"),
        "source_note": meta.source.get("source_note"),
        "warnings": " | ".join(warnings),
    }


def split_heading(body: str, max_len: int = 30) -> str | None:
    """The short phrase that opens an item and ends at its first ``。``, if there is one.

    A heading is short, has no comma or semicolon, and more text follows it than the unit
    parenthesis alone (so a one-sentence item has no heading).
    """
    first, sep, rest = body.partition("。")
    if not sep or len(first) > max_len or re.search(r"[,，;；]", first):
        return None
    rest_without_units = rest
    for group in find_unit_groups(rest):
        rest_without_units = rest_without_units.replace(group.raw, "")
    if not re.search(r"[\u4e00-\u9fff]", rest_without_units):
        return None
    return first.strip()
