"""How accurate the parse is against a hand coding: measures, units and roles, deadlines, targets, header.

A hand coding is a JSON file beside the plan (``<plan stem>.expected.json``)::

    {"file": "plan.txt",
     "document": {"doc_number": …, "region_zh": …, "title": …, "has_tasks": true},
     "measures": [{"number": "（一）", "starts_with": "实施高价值专",
                   "units": [{"unit": "区市场监管局", "role": "lead"}, …],
                   "deadline": "2025年6月底前", "deadline_date": "2025-06-30"}, …],
     "targets": [{"value": 12000, "unit": "件"}, …]}

:func:`evaluate_plan` compares one parsed plan with its coding; :func:`evaluate_folder` does so for
every coded plan in a folder and adds up the counts, so that precision, recall and F1 are pooled
over all plans (micro-averaged).
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from pathlib import Path

__all__ = ["evaluate_plan", "evaluate_folder", "summarise", "normalise"]


def normalise(text) -> str:
    """Text compared as the parse stores it: NFKC (full-width forms), Simplified script, no spaces."""
    if text is None:
        return ""
    from ..parse.script import to_simplified

    return to_simplified(unicodedata.normalize("NFKC", str(text))).replace(" ", "").strip()


def _match_measures(expected: list[dict], parsed: list[dict]) -> list[int | None]:
    """For each coded measure, the index of the parsed measure that is the same item (in order)."""
    out, start = [], 0
    texts = [normalise(m["text"]) for m in parsed]
    for m in expected:
        prefix = normalise(m.get("starts_with"))[:6]
        found = next((i for i in range(start, len(parsed)) if prefix and texts[i].startswith(prefix)), None)
        if found is None:
            found = next((i for i in range(len(parsed)) if prefix and prefix in texts[i][:40]), None)
        out.append(found)
        if found is not None:
            start = found + 1
    return out


def _counts(expected: Counter, found: Counter) -> tuple[int, int, int]:
    tp = sum((expected & found).values())
    return tp, sum(found.values()) - tp, sum(expected.values()) - tp


def evaluate_plan(parsed, coding: dict) -> dict:
    """Counts for one plan: ``parsed`` is a :class:`~ipanalysis.tables.schema.ParsedDocument`."""
    measures, assignments = parsed.rows("measures"), parsed.rows("assignments")
    doc = parsed.rows("documents")[0]
    coded = coding.get("measures", [])
    matches = _match_measures(coded, measures)
    units_by_measure: dict[str, list[tuple[str, str]]] = {}
    for a in assignments:
        units_by_measure.setdefault(a["measure_id"], []).append((normalise(a["unit"]), a["role"]))
    exp_units, got_units, exp_lead, got_lead, exp_roles, got_roles = (Counter() for _ in range(6))
    deadline_ok = deadline_n = 0
    for k, (m, index) in enumerate(zip(coded, matches)):
        expected = {(normalise(u["unit"]), u["role"]) for u in m.get("units", [])}
        exp_units.update((k, u) for u in {u for u, _ in expected})
        exp_lead.update((k, u) for u, r in expected if r == "lead")
        exp_roles.update((k, u, r) for u, r in expected)
        got = set(units_by_measure.get(measures[index]["measure_id"], [])) if index is not None else set()
        got_units.update((k, u) for u in {u for u, _ in got})
        got_lead.update((k, u) for u, r in got if r == "lead")
        got_roles.update((k, u, r) for u, r in got)
        if m.get("deadline") or (index is not None and measures[index]["deadline"]):
            deadline_n += 1
            row = measures[index] if index is not None else {}
            deadline_ok += (normalise(row.get("deadline")) == normalise(m.get("deadline"))
                            and row.get("deadline_date") == m.get("deadline_date"))
    unmatched = [i for i in range(len(measures)) if i not in set(matches)]
    for i in unmatched:  # parsed measures that are no coded measure: their units are all wrong
        got = set(units_by_measure.get(measures[i]["measure_id"], []))
        got_units.update((("extra", i), u) for u in {u for u, _ in got})
        got_lead.update((("extra", i), u) for u, r in got if r == "lead")
        got_roles.update((("extra", i), u, r) for u, r in got)
    exp_targets = Counter((round(float(t["value"]), 4), normalise(t["unit"])) for t in coding.get("targets", []))
    got_targets = Counter((round(float(t["value"]), 4), normalise(t["unit"])) for t in parsed.rows("targets") if t.get("kind", "commitment") == "commitment")
    header = coding.get("document", {})
    region_ok = bool(doc["region_zh"]) and normalise(header.get("region_zh")).endswith(normalise(doc["region_zh"]))
    return {
        "file": coding.get("file"),
        "measures_expected": len(coded), "measures_found": len(measures),
        "measures_exact": len(coded) == len(measures),
        "units": _counts(exp_units, got_units), "lead": _counts(exp_lead, got_lead),
        "roles": _counts(exp_roles, got_roles), "targets": _counts(exp_targets, got_targets),
        "deadlines": (deadline_ok, deadline_n),
        "doc_number": normalise(doc["doc_number"]) == normalise(header.get("doc_number")),
        "region": region_ok or (not header.get("region_zh") and not doc["region_zh"]),
        "title": normalise(doc["title"]) == normalise(header.get("title")),
        "targets_without_tasks": (0 if header.get("has_tasks", True) else sum(got_targets.values())),
    }


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def summarise(results: list[dict]) -> dict:
    """Pooled scores over plans: exact measure counts, F1 of units, leads, roles and targets,
    share of exact deadlines and of header fields read right."""
    def pooled(key):
        return _f1(*(sum(r[key][i] for r in results) for i in range(3)))

    n = len(results) or 1
    ok, total = sum(r["deadlines"][0] for r in results), sum(r["deadlines"][1] for r in results)
    return {
        "plans": len(results),
        "measure_count_exact": sum(r["measures_exact"] for r in results) / n,
        "unit_f1": pooled("units"), "lead_f1": pooled("lead"), "role_f1": pooled("roles"),
        "deadline_exact": ok / total if total else 1.0,
        "header": sum(r["doc_number"] + r["region"] + r["title"] for r in results) / (3 * n),
        "target_f1": pooled("targets"),
        "targets_without_tasks": sum(r["targets_without_tasks"] for r in results),
    }


def evaluate_folder(folder) -> tuple[list[dict], dict]:
    """Parse every plan with a hand coding in ``folder``; ``(per-plan results, pooled summary)``."""
    from ..parse.document import parse_document

    results = []
    for coding_path in sorted(Path(folder).glob("*.expected.json")):
        coding = json.loads(coding_path.read_text(encoding="utf-8"))
        plan = coding_path.parent / coding["file"]
        parsed = parse_document(plan.read_bytes(), plan.name)
        results.append(evaluate_plan(parsed, coding))
    return results, summarise(results)
