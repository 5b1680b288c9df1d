"""Unit names within one plan: one spelling per unit, damaged names repaired, national departments named.

* A unit printed without its level prefix (``知识产权局`` beside ``市知识产权局``) takes the prefixed
  name used elsewhere in the plan.
* A unit name damaged by a garbled span (``市谌产权局``) takes the plan's own spelling of that unit.
* Departments listed after the national IP office in a joint plan keep its name
  (``联席办`` -> ``国家知识产权局联席办``).
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

__all__ = ["unit_name_map", "national_unit_name", "national_prefix"]

LEVEL_PREFIXES = ("市", "区", "县", "省")
NATIONAL_OFFICE = "国家知识产权局"


def _prefixed_names(names: list[str]) -> dict[str, str]:
    """Map a unit printed without its level prefix to the prefixed name used elsewhere in the plan."""
    known = set(names)
    mapping = {}
    for name in known:
        for prefix in LEVEL_PREFIXES:
            if not name.startswith(prefix) and prefix + name in known:
                mapping[name] = prefix + name
                break
    return mapping


def _repaired_names(mentions: list[tuple[str, int]], repaired_lines: set[int]) -> dict[str, str]:
    """Map a unit name damaged by a garbled span to the plan's own spelling of that unit.

    Only names printed once, on a line that held a repaired span, are candidates; the fix is a
    unit printed at least twice elsewhere in the plan, with the same first and last character and
    a similarity of at least 0.7 (``市谌产权局`` -> ``市知识产权局``).
    """
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


def unit_name_map(mentions: list[tuple[str, int]], repaired_lines: set[int]) -> tuple[dict[str, str], list[str]]:
    """``(unit as printed -> unit, warnings)`` for the local units of one plan (``(name, raw line)``)."""
    mapping = _repaired_names(mentions, repaired_lines)
    warnings = [f"unit '{damaged}' on a garbled line read as '{fixed}'" for damaged, fixed in mapping.items()]
    names = [mapping.get(name, name) for name, _ in mentions]
    mapping.update({k: mapping.get(v, v) for k, v in _prefixed_names(names).items()})
    return mapping, warnings


def national_prefix(national_names: list[str]) -> str:
    """The national office that heads a list of national departments (default 国家知识产权局)."""
    m = re.match(r"^(国家[\u4e00-\u9fff]*?局)", national_names[0]) if national_names else None
    return m.group(1) if m else NATIONAL_OFFICE


def national_unit_name(unit_raw: str, prefix: str) -> str:
    """Departments listed after the national office keep its name: ``联席办`` -> ``国家知识产权局联席办``."""
    if unit_raw.startswith("国家"):
        return unit_raw
    return prefix + unit_raw
