"""Parse one raw plan into table rows (documents, sections, measures, assignments, targets, ...).

``parse_document`` is a pure function of the file's bytes, its name and its registry row, so that
results can be cached by content hash and computed in any order or process.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from . import agencies, targets, themes
from .metadata import extract_metadata
from .readers import read_document_text
from .schema import ParsedDocument, rows_to_columns
from .structure import parse_outline, select_measures, split_heading
from .text import normalise_text
from .tokenise import content_tokens
from .units import (
    find_unit_groups,
    is_collective,
    national_unit_name,
    parse_deadline,
    parse_unit_group,
)

__all__ = ["ParsedDocument", "parse_document", "doc_id_from_name", "PARSER_VERSION"]

# Bump when parsing output changes for a reason outside the package's files (e.g. a dependency's
# dictionary), so cached results are recomputed: the cache key hashes the package's files.
PARSER_VERSION = "1"



def doc_id_from_name(name: str, digest: str) -> str:
    """A stable id from the file name: lower-case ASCII, Chinese characters in pinyin."""
    stem = Path(name).stem
    if re.search(r"[\u4e00-\u9fff]", stem):
        from pypinyin import lazy_pinyin

        stem = "_".join("".join(lazy_pinyin(part)) for part in re.split(r"[^\u4e00-\u9fff0-9A-Za-z]+", stem) if part)
    slug = re.sub(r"[^0-9A-Za-z]+", "_", stem).strip("_").lower()
    return slug or f"doc_{digest[:10]}"


def _normalise_units_within_document(names: list[str]) -> dict[str, str]:
    """Map a unit printed without its level prefix to the prefixed name used elsewhere in the plan.

    ``知识产权局`` next to ``市知识产权局`` in the same plan becomes ``市知识产权局``.
    """
    known = set(names)
    mapping = {}
    for name in known:
        for prefix in ("市", "区", "县", "省"):
            if not name.startswith(prefix) and prefix + name in known:
                mapping[name] = prefix + name
                break
    return mapping


def _repair_garbled_units(mentions: list[tuple[str, int]], repaired_lines: set[int]) -> dict[str, str]:
    """Map a unit name damaged by a garbled span to the plan's own spelling of that unit.

    Only names printed once, on a line that held a repaired span, are candidates; the fix is a
    unit printed at least twice elsewhere in the plan, with the same first and last character and
    a similarity of at least 0.7 (``市谌产权局`` -> ``市知识产权局``).
    """
    from collections import Counter
    from difflib import SequenceMatcher

    counts = Counter(name for name, _ in mentions)
    fixes = {}
    for name, line in mentions:
        if counts[name] != 1 or line not in repaired_lines:
            continue
        best = max(
            (c for c, n in counts.items() if n >= 2 and c[0] == name[0] and c[-1] == name[-1]),
            key=lambda c: SequenceMatcher(None, name, c).ratio(),
            default=None,
        )
        if best and SequenceMatcher(None, name, best).ratio() >= 0.7:
            fixes[name] = best
    return fixes


def parse_document(data: bytes, name: str, registry_row: dict | None = None) -> ParsedDocument:
    digest = hashlib.sha256(data).hexdigest()
    doc_id = doc_id_from_name(name, digest)
    tables: dict[str, list[dict]] = {}
    raw_text, encoding, fmt = read_document_text(data, name)
    norm = normalise_text(raw_text, encoding)
    registry_row = {k: v for k, v in (registry_row or {}).items() if v not in (None, "")}
    meta = extract_metadata(norm.lines, region_key=registry_row.get("region"))
    for key, value in registry_row.items():
        if key in ("region", "region_zh", "province_zh", "admin_level", "issuer", "doc_number",
                   "title", "date_written", "date_published"):
            setattr(meta, key, value)
            meta.provenance[key] = "registry"
        elif key in ("period_start", "period_end"):
            setattr(meta, key, int(value))
            meta.provenance[key] = "registry"
    region = meta.region or doc_id
    warnings = list(norm.warnings) + list(meta.warnings)

    body = norm.lines[meta.body_start:]
    roots = parse_outline(body)
    measures = select_measures(roots)
    measure_ids = {id(item): f"{doc_id}-m{seq:03d}" for seq, item in enumerate(measures, start=1)}
    if not roots:
        warnings.append("no numbered items found: the plan has zero measures")
    elif not measures:
        warnings.append("no numbered item names a responsible unit: the plan has zero measures")

    # sections: every outline item that is not a measure
    section_rows = []
    for root in roots:
        for node in root.walk():
            if id(node) in measure_ids:
                continue
            section_rows.append({
                "section_id": f"{doc_id}-s{len(section_rows) + 1:03d}",
                "doc_id": doc_id,
                "region": region,
                "depth": _depth(node),
                "number": node.number,
                "title": node.title,
                "parent_number": node.parent.number if node.parent else None,
                "top_section": _top(node).number,
                "has_measures": any(id(leaf) in measure_ids for leaf in node.leaves()),
                "n_measures": sum(1 for leaf in node.leaves() if id(leaf) in measure_ids),
                "text": node.text,
                "line_start": node.line_start,
                "line_end": max(n.line_end for n in node.walk()),
            })
    tables["sections"] = section_rows

    measure_rows, assignment_rows = [], []
    raw_units: list[tuple[str, int]] = []
    parsed_groups = []
    for item in measures:
        groups = []
        for paragraph in item.paragraphs:
            for group in find_unit_groups(paragraph.text):
                mentions, deadline = parse_unit_group(group.content)
                groups.append((group, mentions, deadline, paragraph.raw_line))
                raw_units.extend((m.unit_raw, paragraph.raw_line) for m in mentions if m.level == "local")
        parsed_groups.append(groups)
    unit_map = _repair_garbled_units(raw_units, norm.repaired_lines)
    for damaged, fixed in unit_map.items():
        warnings.append(f"unit '{damaged}' on a garbled line read as '{fixed}'")
    names = [unit_map.get(name, name) for name, _ in raw_units]
    unit_map.update({k: unit_map.get(v, v) for k, v in _normalise_units_within_document(names).items()})

    for seq, (item, groups) in enumerate(zip(measures, parsed_groups), start=1):
        measure_id = measure_ids[id(item)]
        top = _top(item)
        sub = _subsection(item)
        deadlines = [d for _, _, d, _ in groups if d]
        deadline = deadlines[0] if deadlines else None
        deadline_date, ongoing = parse_deadline(deadline)
        body_text = item.body
        measure_rows.append({
            "measure_id": measure_id,
            "doc_id": doc_id,
            "region": region,
            "seq": seq,
            "section": top.number if top is not item else None,
            "section_title": top.title if top is not item else None,
            "subsection": sub.number if sub else None,
            "subsection_title": sub.title if sub else None,
            "number": item.number,
            "heading": split_heading(body_text),
            "text": body_text,
            "deadline": deadline,
            "deadline_date": deadline_date,
            "ongoing": ongoing,
            "n_paragraphs": len(item.paragraphs),
            "n_units": 0,
            "has_lead": False,
            "line_start": item.line_start,
            "line_end": item.line_end,
        })
        seen = set()
        for _, mentions, _, raw_line in groups:
            national_prefix = next((m.unit_raw for m in mentions if m.level == "national"), "")
            national_prefix = re.match(r"^(国家[\u4e00-\u9fff]*?局)", national_prefix)
            national_prefix = national_prefix.group(1) if national_prefix else "国家知识产权局"
            for m in mentions:
                if m.level == "national":
                    unit = national_unit_name(m.unit_raw, national_prefix)
                else:
                    unit = unit_map.get(m.unit_raw, m.unit_raw)
                key = (unit, m.role)
                if key in seen:
                    continue
                seen.add(key)
                assignment_rows.append({
                    "measure_id": measure_id,
                    "doc_id": doc_id,
                    "region": region,
                    "unit_raw": m.unit_raw,
                    "unit": unit,
                    "role": m.role,
                    "unit_level": m.level,
                    "collective": is_collective(unit),
                    "position": len(seen),
                    "line": raw_line,
                })
        measure_rows[-1]["n_units"] = len({u for u, _ in seen})
        measure_rows[-1]["has_lead"] = any(r == "lead" for _, r in seen)
        if not groups:
            warnings.append(f"measure {item.number} (line {item.line_start}) names no responsible unit")

    agencies.annotate(assignment_rows)
    unmapped = sorted({r["unit"] for r in assignment_rows if r["agency"] == "unmapped"})
    if unmapped:
        warnings.append("units not mapped to an agency: " + "、".join(unmapped))

    target_rows = targets.extract_targets(doc_id, region, norm.lines, measure_rows, section_rows)
    without_units = [themes.strip_units(row["text"]) for row in measure_rows]
    theme_rows, instrument_rows = themes.code_measures(measure_rows, without_units)
    for row, text in zip(measure_rows, without_units):
        row["tokens"] = " ".join(content_tokens(text))

    tables["measures"] = measure_rows
    tables["assignments"] = assignment_rows
    tables["targets"] = target_rows
    tables["measure_themes"] = theme_rows
    tables["measure_instruments"] = instrument_rows
    tables["documents"] = [{
        "doc_id": doc_id,
        "file": name,
        "sha256": digest,
        "format": fmt,
        "encoding": encoding,
        "region": region,
        "region_zh": meta.region_zh,
        "province_zh": meta.province_zh,
        "admin_level": meta.admin_level,
        "issuer": meta.issuer,
        "doc_number": meta.doc_number,
        "title": meta.title,
        "date_written": meta.date_written,
        "date_published": meta.date_published,
        "period_start": meta.period_start,
        "period_end": meta.period_end,
        "script": norm.script,
        "n_measures": len(measure_rows),
        "n_targets": len(target_rows),
        "n_assignments": len(assignment_rows),
        "n_chars": sum(len(line.text) for line in body),
        "title_line": meta.title_line,
        "pinyin_annotations_removed": norm.n_pinyin_removed,
        "repaired_spans": norm.n_repaired_spans,
        "plan_fingerprint": hashlib.sha256(
            ("\n".join(m["text"] for m in measure_rows)
             + f"|{meta.title}|{meta.issuer}|{meta.date_written}").encode()).hexdigest(),
        "provenance": "; ".join(f"{k}: {v}" for k, v in meta.provenance.items()),
        "warnings": " | ".join(warnings),
    }]
    return ParsedDocument.from_rows(doc_id, name, tables)


def _depth(node) -> int:
    depth = 0
    while node.parent is not None:
        node, depth = node.parent, depth + 1
    return depth


def _top(node):
    while node.parent is not None:
        node = node.parent
    return node


def _subsection(item):
    """The second-level ancestor of a measure, if the measure sits below it."""
    chain = []
    node = item.parent
    while node is not None:
        chain.append(node)
        node = node.parent
    # chain: parent, ..., top
    return chain[-2] if len(chain) >= 2 else None
