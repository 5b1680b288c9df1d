"""The documents a plan cites: 《…》 titles and document numbers (国发〔2021〕20号), one row each.

A number printed right after a title (《…》（国发〔2021〕20号）) belongs to it. ``cited_key`` is the
number when there is one (brackets and spaces unified), else the title without quotes and spaces;
the build then gives a title cited alone the number it is cited with elsewhere in the corpus
(:func:`link_keys`), so one document has one key. The plan's own title and number are never
citations. ``cited_level`` says who issued the cited document: ``national`` (国务院, 国家…, 中共中央,
numbers 国…/中…), ``province`` or ``local`` (by the division its title names), else ``unknown``.
"""

from __future__ import annotations

import re

from ..rules.gazetteer import locate_region
from .header import DOC_NUMBER

__all__ = ["extract_citations", "number_key", "title_key", "link_keys"]

TITLE = re.compile(r"《([^《》]{2,80})》")
NATIONAL_TITLE = re.compile(r"^(国务院|国家|中共中央|中华人民共和国|全国|知识产权强国|十四五国家)")
PROVINCE_LEVELS = ("province", "municipality", "autonomous_region", "sar")


def number_key(number: str) -> str:
    text = re.sub(r"\s+", "", number).replace("號", "号")
    return re.sub(r"[\[［【(（]\s*((?:19|20)\d{2})\s*[\]］】)）]", r"〔\1〕", text)


def title_key(title: str) -> str:
    return re.sub(r"[—–－~～]", "-", re.sub(r"[\s“”\"'‘’「」]", "", title))


def _level(title: str | None, number: str | None) -> str:
    if (number and number[0] in "国中") or (title and NATIONAL_TITLE.match(title_key(title))):
        return "national"
    if title:
        place = locate_region(title, None, "")
        if place:
            return "province" if place["level"] in PROVINCE_LEVELS else "local"
    return "unknown"


def _citations_in(text: str) -> list[tuple[str | None, str | None]]:
    """``(title, number)`` of each citation in one line, in order."""
    found, taken = [], []
    for m in TITLE.finditer(text):
        after = text[m.end(): m.end() + 30]
        n = re.match(rf"\s*[(（]?\s*({DOC_NUMBER.pattern})", after)
        number = re.sub(r"\s+", "", n.group(1)) if n else None
        if n:
            taken.append((m.end(), m.end() + n.end()))
        found.append((m.start(), m.group(1), number))
    for m in DOC_NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in taken) or any(s <= m.start() < s + len(t) + 2 for s, t, _ in found):
            continue
        found.append((m.start(), None, re.sub(r"\s+", "", m.group(0))))
    return [(t, n) for _, t, n in sorted(found, key=lambda f: f[0])]


def extract_citations(doc_id: str, region: str, lines, own_title: str | None, own_number: str | None) -> list[dict]:
    own = {title_key(own_title)} if own_title else set()
    own_key = number_key(own_number) if own_number else None
    rows = []
    for line in lines:
        if "《" not in line.text and "号" not in line.text:
            continue
        for title, number in _citations_in(line.text):
            if (title and title_key(title) in own) or (number and number_key(number) == own_key):
                continue
            rows.append({"doc_id": doc_id, "region": region, "line": line.raw_line, "cited_title": title,
                         "cited_number": number, "cited_key": number_key(number) if number else title_key(title),
                         "cited_level": _level(title, number)})
    return rows


def link_keys(rows: list[dict]) -> list[dict]:
    """Give a title cited alone the key of the number it is cited with anywhere in ``rows``."""
    by_title = {}
    for row in rows:
        if row["cited_title"] and row["cited_number"]:
            by_title.setdefault(title_key(row["cited_title"]), number_key(row["cited_number"]))
    for row in rows:
        if row["cited_title"] and not row["cited_number"]:
            row["cited_key"] = by_title.get(title_key(row["cited_title"]), row["cited_key"])
    return rows
