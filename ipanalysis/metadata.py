"""Document metadata read from the text: issuer, document number, title, dates, period, region.

Government pages put metadata in different places: an index table (``[ 索引号 ] | … |``), key-value
lines (``发布机构: … 文号: …``), an information line (``信息来源:… 发布日期:…``), the notice title
(``X关于印发《Y》的通知``) and the cover letter with its signature and date. This module reads all of
them and says where each value came from in ``provenance``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .resources import read_table
from .text import Line

__all__ = [
    "HeaderFields",
    "DocumentMetadata",
    "parse_header_fields",
    "parse_date",
    "parse_period",
    "find_doc_numbers",
    "extract_metadata",
    "locate_region",
]

HEADER_KEYS = {
    "索引号": "index_no",
    "发文字号": "doc_number",
    "文号": "doc_number",
    "发布机构": "publisher",
    "成文日期": "date_written",
    "发布日期": "date_published",
    "发布时间": "date_published",
    "名称": "name",
    "标题": "name",
    "信息来源": "source",
    "来源": "source",
    "主题分类": "topic",
    "体裁分类": "genre",
    "有效性": "validity",
    "分类": "topic",
    "联合发文单位": "co_issuers",
    "修改和废止依据": "amended_by",
}


def _spaced(key: str) -> str:
    return r"\s*".join(map(re.escape, key))


# Longest keys first so that 发文字号 wins over 文号 and 信息来源 over 来源.
_KEY_PATTERN = re.compile(
    r"(?:^|(?<=[\s\]|•·【\[]))(?P<key>"
    + "|".join(_spaced(k) for k in sorted(HEADER_KEYS, key=len, reverse=True))
    + r")\s*(?:\]|】)?\s*\|?\s*[:：]?"
)
_TRIM = " \t|[]【】•·:："

DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,4}\s*号"
)
CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "o": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
DATE_PATTERNS = [
    re.compile(r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"),
]
CN_DATE = re.compile(
    r"(?P<y>[〇零○OoＯ一二三四五六七八九]{4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日"
)
ORG_SUFFIX = re.compile(r"(政府|办公室|办公厅|委员会|小组|局|委|厅|部|院|中心|管委会)$")
PLAN_SUFFIX = re.compile(r"(方案|计划|要点|规划|意见|办法|纲要|措施|细则|通知|规定|决定)(\(.*\))?$")


@dataclass
class HeaderFields:
    values: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # field -> raw line


@dataclass
class DocumentMetadata:
    title: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    date_written: str | None = None
    date_published: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    region_zh: str | None = None
    province_zh: str | None = None
    admin_level: str | None = None
    region: str | None = None
    body_start: int = 0  # index into the normalised lines of the first line after the title
    title_line: int | None = None  # raw line of the plan's own title
    provenance: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# small parsers


def parse_header_fields(lines: list[Line]) -> HeaderFields:
    """Key-value fields from index tables, bullet lists and ``key: value`` lines."""
    fields = HeaderFields()
    for line in lines:
        matches = list(_KEY_PATTERN.finditer(line.text))
        for i, m in enumerate(matches):
            end = matches[i + 1].start() if i + 1 < len(matches) else len(line.text)
            value = line.text[m.end():end].strip(_TRIM).strip()
            key = HEADER_KEYS[re.sub(r"\s+", "", m.group("key"))]
            if value and key not in fields.values:
                fields.values[key] = value
                fields.lines[key] = line.raw_line
    return fields


def _cn_number(text: str) -> int:
    if "十" in text:
        tens, _, units = text.partition("十")
        return (CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (CN_DIGITS.get(units, 0) if units else 0)
    return int("".join(str(CN_DIGITS[c]) for c in text))


def _iso(y: int, m: int, d: int) -> str | None:
    import datetime

    try:
        return datetime.date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_date(text: str | None) -> str | None:
    """First date in ``text`` as ISO ``YYYY-MM-DD`` (Arabic, damaged ``20171019`` or Chinese numerals)."""
    if not text:
        return None
    for pattern in DATE_PATTERNS:
        m = pattern.search(text)
        if m:
            return _iso(int(m["y"]), int(m["m"]), int(m["d"]))
    m = CN_DATE.search(text)
    if m:
        return _iso(_cn_number(m["y"]), _cn_number(m["m"]), _cn_number(m["d"]))
    return None


def _is_date_line(text: str) -> bool:
    stripped = re.sub(r"\s", "", text)
    return len(stripped) <= 16 and parse_date(stripped) is not None


def parse_period(title: str | None) -> tuple[int | None, int | None]:
    """Years a plan covers, read from its title: ``(2022-2025年)``, ``2020-2021年``, ``2023年``."""
    if not title:
        return None, None
    m = re.search(r"((?:19|20)\d{2})\s*年?\s*[-—–~～至到]\s*((?:19|20)\d{2})", title)
    if m:
        return int(m[1]), int(m[2])
    years = re.findall(r"((?:19|20)\d{2})\s*年", title)
    if len(years) == 1:
        return int(years[0]), int(years[0])
    return None, None


def find_doc_numbers(text: str) -> list[str]:
    return [re.sub(r"\s+", "", m.group(0)) for m in DOC_NUMBER.finditer(text)]


def _clean_title(title: str) -> str:
    title = re.sub(r"\s+", "", title) if re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff] ", title) else title
    return title.strip(" 《》")


def _title_from_notice(text: str) -> tuple[str | None, str | None]:
    """``(issuer prefix, plan title)`` from a notice title ``X关于印发《Y》的通知``."""
    m = re.search(r"^(?P<issuer>.*?)关于(?:印发|转发|发布)《?(?P<title>.+?)》?的通知", text)
    if not m:
        return None, None
    return (m["issuer"].strip() or None), _clean_title(m["title"])


def _compact(text: str) -> str:
    return re.sub(r"[\s《》]", "", text)


def _find_title_line(lines: list[Line], title: str, start: int) -> tuple[int, int] | None:
    """Index range ``[i, j)`` of the lines that print ``title`` on their own (one or two lines)."""
    target = _compact(title)
    for i in range(start, len(lines)):
        joined = ""
        for j in range(i, min(i + 3, len(lines))):
            joined += _compact(lines[j].text)
            if joined == target:
                return i, j + 1
            if not target.startswith(joined):
                break
    return None


# ---------------------------------------------------------------------------------------------
# region


def locate_region(title: str | None, issuer: str | None, full_text: str) -> dict[str, str] | None:
    """The most specific administrative division named in the title (or issuer).

    Among divisions sharing a name (通州区 of Nantong and of Beijing), the one whose parent or
    province the text mentions most wins.
    """
    gazetteer = read_table("gazetteer.csv")
    rank = {"district": 0, "county": 0, "county_city": 0, "prefecture_city": 1,
            "municipality": 2, "province": 3, "autonomous_region": 3, "sar": 3}
    for source in (title or "", issuer or ""):
        hits = gazetteer[[name in source for name in gazetteer["name_zh"]]]
        if hits.empty:
            hits = gazetteer[[len(s) >= 2 and s in source for s in gazetteer["short_zh"]]]
        if hits.empty:
            continue
        hits = hits.assign(_rank=hits["level"].map(rank).fillna(9))
        hits = hits[hits["_rank"] == hits["_rank"].min()]
        if len(hits) > 1:
            def support(row):
                names = {row["parent_zh"], row["province_zh"]} - {""}
                return sum(full_text.count(n) + full_text.count(n[:-1]) for n in names)

            hits = hits.assign(_support=hits.apply(support, axis=1)).sort_values("_support", ascending=False)
        return hits.iloc[0].to_dict()
    return None


# ---------------------------------------------------------------------------------------------
# the whole document


def _head_region(lines: list[Line], limit: int = 40) -> list[Line]:
    return lines[:limit]


def extract_metadata(lines: list[Line]) -> DocumentMetadata:
    meta = DocumentMetadata()
    head = _head_region(lines)
    fields = parse_header_fields(head)
    prov = meta.provenance

    # notice title and plan title
    notice_idx, notice_issuer, title = None, None, None
    for i, line in enumerate(head):
        text = line.text
        if text.startswith("名称") or text.startswith("标题"):
            continue
        issuer_prefix, t = _title_from_notice(text)
        if t:
            notice_idx, notice_issuer, title = i, issuer_prefix, t
            prov["title"] = f"notice title, line {line.raw_line}"
            break
    if title is None and "name" in fields.values:
        notice_issuer, title = _title_from_notice(fields.values["name"])
        if title:
            prov["title"] = f"header 名称, line {fields.lines['name']}"
    if title is None:
        for i, line in enumerate(head):
            m = re.search(r"(?:现将|现把|特制定)《(.+?)》", line.text)
            if m:
                title, notice_idx = _clean_title(m[1]), i
                prov["title"] = f"cover letter, line {line.raw_line}"
                break
    search_from = (notice_idx + 1) if notice_idx is not None else 0
    span = _find_title_line(lines, title, search_from) if title else None
    if span is None and title is not None:
        span = _find_title_line(lines, title, 0)
    if span is None:
        # No notice: the first short line that reads like a plan title.
        for i, line in enumerate(head):
            if len(line.text) <= 60 and PLAN_SUFFIX.search(line.text) and not _KEY_PATTERN.search(line.text):
                title, span = _clean_title(line.text), (i, i + 1)
                prov["title"] = f"first title-like line, line {line.raw_line}"
                break
    if span is not None:
        meta.body_start = span[1]
        meta.title_line = lines[span[0]].raw_line
    else:
        meta.warnings.append("could not find the plan's own title line; the whole text is treated as body")
    meta.title = title

    cover = lines[search_from: span[0]] if span else head

    # signature and date of the cover letter
    signature, cover_date = None, None
    for i, line in enumerate(cover):
        if _is_date_line(line.text):
            cover_date = cover_date or (parse_date(line.text), line.raw_line)
            if i > 0:
                prev = cover[i - 1].text
                if len(prev) <= 40 and ORG_SUFFIX.search(prev.split(" ")[-1]) and not prev.endswith(":"):
                    signature = (prev, cover[i - 1].raw_line)
                    cover_date = (parse_date(line.text), line.raw_line)
                    break

    # issuer: signature > "X研究制定了《…》" > notice prefix > publisher field > source
    made_by = None
    for line in cover:
        m = re.search(r"([\u4e00-\u9fff]{4,30}?(?:领导小组|委员会|政府|办公室|局))(?:研究)?(?:制定|起草)了?《", line.text)
        if m:
            made_by = (m[1], line.raw_line)
            break
    if signature:
        meta.issuer, prov["issuer"] = signature[0], f"signature, line {signature[1]}"
    elif made_by:
        meta.issuer, prov["issuer"] = made_by[0], f"cover letter, line {made_by[1]}"
    elif notice_issuer and notice_issuer not in ("区政府", "市政府", "县政府"):
        meta.issuer, prov["issuer"] = notice_issuer, "notice title"
    elif "publisher" in fields.values:
        meta.issuer, prov["issuer"] = fields.values["publisher"], f"header 发布机构, line {fields.lines['publisher']}"
    elif "source" in fields.values:
        source = re.split(r"\s+", fields.values["source"])[0]
        meta.issuer, prov["issuer"] = source, f"header 信息来源, line {fields.lines['source']}"

    # document number: header field, else a line of its own in the cover; cited numbers never count
    number = fields.values.get("doc_number")
    numbers = find_doc_numbers(number) if number else []
    if numbers:
        meta.doc_number, prov["doc_number"] = numbers[0], f"header 文号, line {fields.lines['doc_number']}"
    else:
        for line in cover:
            found = find_doc_numbers(line.text)
            if found and len(re.sub(r"\s", "", line.text)) <= len(found[0]) + 2:
                meta.doc_number, prov["doc_number"] = found[0], f"own line, line {line.raw_line}"
                break

    # dates
    written = parse_date(fields.values.get("date_written"))
    if written:
        meta.date_written, prov["date_written"] = written, f"header 成文日期, line {fields.lines['date_written']}"
    elif cover_date and cover_date[0]:
        meta.date_written, prov["date_written"] = cover_date[0], f"cover letter date, line {cover_date[1]}"
    published = parse_date(fields.values.get("date_published"))
    if published is None and "source" in fields.values:
        published = parse_date(fields.values["source"])
    if published:
        meta.date_published, prov["date_published"] = published, "header"

    meta.period_start, meta.period_end = parse_period(title)

    full_text = "\n".join(line.text for line in lines)
    place = locate_region(title, meta.issuer, full_text)
    if place:
        meta.region_zh = place["name_zh"]
        meta.province_zh = place["province_zh"]
        meta.admin_level = place["level"]
        meta.region = place["region"] or None
        prov["region"] = "gazetteer"
    else:
        meta.warnings.append("no administrative division recognised in the title or issuer")
    return meta
