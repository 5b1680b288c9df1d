"""Document metadata read from the text: issuer, document number, title, dates, period, region.

Government pages put metadata in different places: an index table (``[ 索引号 ] | … |``), key-value
lines (``发布机构: … 文号: …``), an information line (``信息来源:… 发布日期:…``), the notice title
(``X关于印发《Y》的通知``) and the cover letter with its signature and date. This module reads all of
them and says where each value came from in ``provenance``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .resources import read_records
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
    "发布单位": "publisher",
    "发文机关": "issuing_body",
    "发文单位": "issuing_body",
    "制发机关": "issuing_body",
    "文件编号": "doc_number",
    "公文种类": "genre",
    "生效日期": "date_effective",
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
HEAD_LINES = 40  # header, notice and cover letter are looked for in the first lines
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


def _split_glued_number(text: str) -> tuple[str, str | None]:
    """A document number glued to the start or end of a notice title, and the title without it."""
    m = re.match(rf"^\s*({DOC_NUMBER.pattern})\s*", text)
    if m:
        return text[m.end():], re.sub(r"\s+", "", m.group(1))
    m = re.search(rf"(?<=通知)\s*({DOC_NUMBER.pattern})\s*$", text)
    if m:
        return text[: m.start()], re.sub(r"\s+", "", m.group(1))
    return text, None


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


PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")
COUNTY_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "区", "县", "市", "旗")


def _short_name(name: str, suffixes) -> str:
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _province_level(name: str) -> str:
    if name.endswith("特别行政区"):
        return "sar"
    if name.endswith("自治区"):
        return "autonomous_region"
    if name.endswith("市"):
        return "municipality"
    return "province"


def _county_level(name: str) -> str:
    if name.endswith("区"):
        return "district"
    if name.endswith("市"):
        return "county_city"
    return "county"


@lru_cache(maxsize=1)
def gazetteer_records() -> tuple[dict, ...]:
    """China's administrative divisions (province, prefecture and county level), as records.

    The divisions and their codes come from the ``cpca`` package's adcode table (the national
    division codes); the hierarchy follows from the codes. ``data/gazetteer.csv`` adds or fixes
    rows (English keys, divisions created after the table was made).
    """
    import csv
    import importlib.util

    # locate the data file without importing cpca (whose matcher we do not need)
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the 'cpca' package (division codes) is not installed")
    path = Path(list(spec.submodule_search_locations)[0]) / "resources" / "adcodes.csv"
    with path.open(encoding="utf-8") as fh:
        codes = [(row["adcode"][:6], row["name"]) for row in csv.DictReader(fh)]
    names = dict(codes)
    rows = []
    for code, name in codes:
        province = names.get(code[:2] + "0000", "")
        if code.endswith("0000"):
            level, parent, short = _province_level(name), "", _short_name(name, PROVINCE_SUFFIXES)
            province = name
        elif code.endswith("00"):
            level, parent, short = "prefecture_city", province, _short_name(name, ("市", "地区", "盟"))
        else:
            parent = names.get(code[:4] + "00", province)
            if parent in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
                parent = province
            level, short = _county_level(name), _short_name(name, COUNTY_SUFFIXES)
        rows.append({"name_zh": name, "short_zh": short, "level": level, "province_zh": province,
                     "parent_zh": parent, "region": "", "adcode": code})
    keys = {r["adcode"]: r["region"] for r in read_records("division_keys.csv")}
    for r in rows:
        r["region"] = keys.get(r["adcode"], "")
    for extra in read_records("gazetteer.csv"):
        same = [r for r in rows if r["name_zh"] == extra["name_zh"] and r["province_zh"] == extra["province_zh"]]
        for r in same:
            r["region"] = extra["region"]
        if not same:
            rows.append({**extra, "adcode": ""})
    seen, unique = set(), []
    for r in rows:
        key = (r["name_zh"], r["province_zh"], r["parent_zh"])
        if key not in seen and r["name_zh"] not in ("市辖区", "县"):
            seen.add(key)
            unique.append(r)
    return tuple(unique)


def english_key(name_zh: str, level: str) -> str:
    """English region key from pinyin: 通州区 -> Tongzhou, 重庆市 -> Chongqing."""
    from pypinyin import lazy_pinyin

    suffixes = PROVINCE_SUFFIXES if level in ("province", "municipality", "autonomous_region", "sar") \
        else ("市", "地区", "盟") if level == "prefecture_city" else COUNTY_SUFFIXES
    short = _short_name(name_zh, suffixes)
    return "".join(lazy_pinyin(short)).replace("ü", "v").title()


LEVEL_RANK = {"district": 0, "county": 0, "county_city": 0, "prefecture_city": 1,
              "municipality": 2, "province": 3, "autonomous_region": 3, "sar": 3}


def locate_region(title: str | None, issuer: str | None, full_text: str) -> dict[str, str] | None:
    """The most specific administrative division named in the title (else the issuer).

    Full names win over short ones (通州区 over 通州); among divisions sharing a name (通州区 of
    Nantong and of Beijing) the one whose parent and province the text mentions most wins.
    """
    records = gazetteer_records()
    for source in (title or "", issuer or ""):
        source = source.replace(" ", "")
        hits = [r for r in records if r["name_zh"] in source]
        if not hits:
            hits = [r for r in records if len(r["short_zh"]) >= 2 and r["short_zh"] in source]
        if not hits:
            continue
        best = min(LEVEL_RANK.get(r["level"], 9) for r in hits)
        hits = [r for r in hits if LEVEL_RANK.get(r["level"], 9) == best]
        if len(hits) > 1:
            def support(row):
                places = {row["parent_zh"], row["province_zh"]} - {""}
                shorts = {_short_name(p, PROVINCE_SUFFIXES + ("地区", "盟")) for p in places}
                return sum(full_text.count(p) for p in places | shorts)

            hits = sorted(hits, key=support, reverse=True)
        return dict(hits[0])
    return None


# ---------------------------------------------------------------------------------------------
# the whole document


def extract_metadata(lines: list[Line], region_key: str | None = None) -> DocumentMetadata:
    """Metadata of one plan; ``region_key`` (from the registry) saves deriving it from pinyin."""
    meta = DocumentMetadata()
    head = lines[:HEAD_LINES]
    fields = parse_header_fields(head)
    prov = meta.provenance

    # notice title and plan title
    notice_idx, notice_issuer, title = None, None, None
    glued_number = None
    for i, line in enumerate(head):
        if line.text.startswith(("名称", "标题")) or _KEY_PATTERN.match(line.text):
            continue
        # a notice title may be split over up to three lines
        for span_end in range(i + 1, min(i + 4, len(head) + 1)):
            text = "".join(ln.text for ln in head[i:span_end])
            text, glued_number = _split_glued_number(text)
            issuer_prefix, t = _title_from_notice(text)
            if t:
                notice_idx, notice_issuer, title = span_end - 1, issuer_prefix, t
                prov["title"] = f"notice title, line {line.raw_line}"
                break
            if "关于" not in text or "通知" in text:
                break
        if title:
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

    if signature is None:
        # some pages print the issuing body and date after the plan, at the very end
        tail = lines[-6:]
        for i in range(1, len(tail)):
            prev = tail[i - 1].text
            if _is_date_line(tail[i].text) and len(prev) <= 40 and ORG_SUFFIX.search(prev.split(" ")[-1]):
                signature = (prev, tail[i - 1].raw_line)
                cover_date = cover_date or (parse_date(tail[i].text), tail[i].raw_line)
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
    elif "issuing_body" in fields.values:
        meta.issuer, prov["issuer"] = fields.values["issuing_body"], f"header 发文机关, line {fields.lines['issuing_body']}"
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
    elif glued_number:
        meta.doc_number, prov["doc_number"] = glued_number, "glued to the notice title"
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
    elif span is not None:
        # "(2021年6月1日市人民政府第12次常务会议审议通过)" printed under the title
        for line in lines[span[1]: span[1] + 3]:
            if line.text.startswith("(") and parse_date(line.text):
                meta.date_written, prov["date_written"] = parse_date(line.text), f"under the title, line {line.raw_line}"
                break
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
        meta.region = region_key or place["region"] or english_key(place["name_zh"], place["level"])
        prov["region"] = "gazetteer"
    elif (meta.issuer or "").startswith(("国务院", "国家", "中共中央")):
        meta.region, meta.region_zh, meta.admin_level = "China", "全国", "national"
        prov["region"] = "national issuer"
    else:
        meta.warnings.append("no administrative division recognised in the title or issuer")
    return meta


def write_division_keys(path=None) -> int:
    """Regenerate ``data/division_keys.csv`` from the gazetteer with pypinyin; return the row count."""
    import csv

    from .resources import data_path

    rows = [(r["adcode"], r["name_zh"], english_key(r["name_zh"], r["level"]))
            for r in gazetteer_records() if r["adcode"]]
    target = Path(path) if path else Path(str(data_path("division_keys.csv")))
    with target.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# English region keys of the divisions in the gazetteer (pinyin of the short name, title\n"
                 "# case), precomputed with pypinyin so that a build needs no pinyin lookup for known divisions.\n"
                 "# Regenerate with: python -m ipanalysis.metadata --write-division-keys\n")
        writer = csv.writer(fh)
        writer.writerow(["adcode", "name_zh", "region"])
        writer.writerows(rows)
    return len(rows)


if __name__ == "__main__":  # pragma: no cover
    import sys

    if sys.argv[1:] == ["--write-division-keys"]:
        print(f"wrote {write_division_keys()} division keys")
    else:
        print("usage: python -m ipanalysis.metadata --write-division-keys")
