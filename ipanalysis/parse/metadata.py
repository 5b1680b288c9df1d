"""Document metadata read from the text: issuer, document number, title, dates, period, region.

Government pages put metadata in different places: an index table (``[ 索引号 ] | … |``), key-value
lines (``发布机构: … 文号: …``), an information line (``信息来源:… 发布日期:…``), the notice title
(``X关于印发《Y》的通知``) and the cover letter with its signature and date. Each field is read by a
priority list of small finders; each finder returns the value and where it was read, which goes
into ``provenance``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..rules.document_types import document_type
from ..rules.gazetteer import base_key, locate_region, locate_township, locate_zone
from ..rules.header_keys import header_key_pattern
from ..rules.organisations import ends_like_organisation, organisation_ending_pattern
from .header import (DOC_NUMBER, HeaderFields, find_doc_numbers, is_date_line, parse_date, parse_header_fields,
                     parse_period, remove_dates)
from .normalise import Line
from .title import LOCAL_GOVERNMENT, TitleFind, find_title

__all__ = ["DocumentMetadata", "extract_metadata", "HEAD_LINES"]

HEAD_LINES = 80  # header, notice and cover letter are looked for in the first lines (a portal's menus take 50)
NATIONAL_ISSUERS = ("国务院", "国家", "中共中央")
Found = tuple[str, str]  # (value, where it was read)


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
    city_zh: str | None = None
    adcode: str | None = None
    plan_type: str | None = None  # as the title names it (data/document_types.csv): 工作要点, 实施方案 …
    plan_type_en: str | None = None
    admin_level: str | None = None
    region: str | None = None
    body_start: int = 0  # index into the normalised lines of the first line after the title
    title_line: int | None = None  # raw line of the plan's own title
    provenance: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    source: dict[str, str] = field(default_factory=dict)  # source_url, retrieved, source_note (registry)

    @property
    def as_of(self) -> tuple[int, int] | None:
        """``(year, month)`` the plan speaks from: its date (written, else published), else the
        first year of its period."""
        for date in (self.date_written, self.date_published):
            if date and re.match(r"\d{4}-\d{2}", date):
                return int(date[:4]), int(date[5:7])
        return (self.period_start, 1) if self.period_start else None


@dataclass
class _Context:
    """What the finders read: the lines, the header fields, the title and the cover letter."""

    lines: list[Line]
    fields: HeaderFields
    title: TitleFind
    cover: list[Line]  # between the notice title and the plan's title
    signature: tuple[str, int] | None = None  # (issuing body, raw line) signed with a date
    cover_date: tuple[str | None, int] | None = None  # (ISO date, raw line)

    def field(self, key: str, label: str) -> Found | None:
        if key in self.fields.values:
            return self.fields.values[key], f"header {label}, line {self.fields.lines[key]}"
        return None


def _first(finders: list[Callable[[_Context], Found | None]], ctx: _Context) -> Found | None:
    for finder in finders:
        found = finder(ctx)
        if found and found[0]:
            return found
    return None


# ---------------------------------------------------------------------------------------------
# signature and the date of the cover letter


def _signed_date(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` is a date signed by the organisation named on the line above it (not a
    page's labelled fields: ``发布机构：县府办`` above ``生成日期：2024-04-22``)."""
    prev = lines[i - 1].text
    keys = header_key_pattern()
    return (len(prev) <= 40 and ends_like_organisation(prev.split(" ")[-1])
            and not keys.match(prev) and not keys.match(lines[i].text))


def _find_signature(ctx: _Context) -> None:
    """The cover letter's signature and date; else a signature printed at the very end of the plan."""
    for i, line in enumerate(ctx.cover):
        if is_date_line(line.text):
            ctx.cover_date = ctx.cover_date or (parse_date(line.text), line.raw_line)
            if i > 0 and _signed_date(ctx.cover, i) and not ctx.cover[i - 1].text.endswith(":"):
                ctx.signature = (ctx.cover[i - 1].text, ctx.cover[i - 1].raw_line)
                ctx.cover_date = (parse_date(line.text), line.raw_line)
                return
    tail = ctx.lines[-6:]
    for i in range(1, len(tail)):
        if is_date_line(tail[i].text) and _signed_date(tail, i):
            ctx.signature = (tail[i - 1].text, tail[i - 1].raw_line)
            ctx.cover_date = ctx.cover_date or (parse_date(tail[i].text), tail[i].raw_line)
            return


# ---------------------------------------------------------------------------------------------
# issuer: signature > 发文机关 > "X研究制定了《…》" > notice prefix > 发布机构 > 信息来源

_MADE_BY = re.compile(
    rf"([\u4e00-\u9fff]{{4,30}}?(?:{organisation_ending_pattern('agency', 'body')}))(?:研究)?(?:制定|起草)了?《"
)


def _issuer_signature(ctx: _Context) -> Found | None:
    return (ctx.signature[0], f"signature, line {ctx.signature[1]}") if ctx.signature else None


def _issuer_made_by(ctx: _Context) -> Found | None:
    for line in ctx.cover:
        m = _MADE_BY.search(line.text)
        if m:
            return m[1], f"cover letter, line {line.raw_line}"
    return None


def _issuer_notice(ctx: _Context) -> Found | None:
    issuer = ctx.title.notice_issuer
    return (issuer, "notice title") if issuer and issuer not in LOCAL_GOVERNMENT else None


def _issuer_source(ctx: _Context) -> Found | None:
    found = ctx.field("source", "信息来源")
    return (re.split(r"\s+", found[0])[0], found[1]) if found else None


ISSUER_FINDERS = [
    _issuer_signature,
    lambda ctx: ctx.field("issuing_body", "发文机关"),
    _issuer_made_by,
    _issuer_notice,
    lambda ctx: ctx.field("publisher", "发布机构"),
    _issuer_source,
]


# ---------------------------------------------------------------------------------------------
# document number: header field > glued to the notice title > a line of its own in the cover


def _number_field(ctx: _Context) -> Found | None:
    found = ctx.field("doc_number", "文号")
    numbers = find_doc_numbers(found[0]) if found else []
    return (numbers[0], found[1]) if numbers else None


def number_alone(text: str) -> str | None:
    """The document number of a line that holds nothing else but brackets and a date
    (``（平政发〔2016〕21号）``, ``皖政发〔2012〕3号 2012年2月8日``)."""
    found = find_doc_numbers(text)
    if not found:
        return None
    rest = DOC_NUMBER.sub("", text, count=1)
    rest = remove_dates(rest)
    return found[0] if not re.sub(r"[\s()（）\[\]【】〔〕]", "", rest) else None


def _number_own_line(ctx: _Context) -> Found | None:
    """A line of its own before the plan's title (in the masthead, the cover letter or the
    signature) or right under it."""
    if ctx.title.span:
        start, end = ctx.title.span
        lines = ctx.lines[:start][:HEAD_LINES] + ctx.lines[end:end + 2]
    else:
        lines = ctx.cover[:HEAD_LINES]
    for line in lines:
        number = number_alone(line.text)
        if number:
            return number, f"own line, line {line.raw_line}"
    return None


def _number_after_title(ctx: _Context) -> Found | None:
    """The number printed after the plan's own title where a text before it names the plan (an
    editor's note above a repost: ``印发《…2024年知识产权工作要点》（武侯知领办〔2024〕1号）``)."""
    if not ctx.title.title or not ctx.title.span:
        return None
    named = f"《{ctx.title.title}》"
    for line in ctx.lines[:ctx.title.span[0]][:HEAD_LINES]:
        ends = [m.end() for m in re.finditer(re.escape(named), line.text)] if named in line.text else []
        m = next(filter(None, (_BRACKETED_NUMBER.match(line.text, end) for end in ends)), None)
        if m:
            return re.sub(r"\s+", "", m[1]), f"after the plan's title, line {line.raw_line}"
    return None


_BRACKETED_NUMBER = re.compile(rf"\s*[(（]\s*({DOC_NUMBER.pattern})\s*[)）]")


NUMBER_FINDERS = [
    _number_field,
    lambda ctx: (ctx.title.glued_number, "glued to the notice title") if ctx.title.glued_number else None,
    _number_own_line,
    _number_after_title,
]


# ---------------------------------------------------------------------------------------------
# dates


def _written_field(ctx: _Context) -> Found | None:
    found = ctx.field("date_written", "成文日期")
    return (parse_date(found[0]), found[1]) if found else None


def _written_cover(ctx: _Context) -> Found | None:
    if ctx.cover_date and ctx.cover_date[0]:
        return ctx.cover_date[0], f"cover letter date, line {ctx.cover_date[1]}"
    return None


def _written_under_title(ctx: _Context) -> Found | None:
    """``(2021年6月1日市人民政府第12次常务会议审议通过)`` printed under the title."""
    if ctx.title.span is None:
        return None
    end = ctx.title.span[1]
    for line in ctx.lines[end: end + 3]:
        if line.text.startswith("(") and parse_date(line.text):
            return parse_date(line.text), f"under the title, line {line.raw_line}"
    return None


def _published(ctx: _Context) -> Found | None:
    values = ctx.fields.values
    date = parse_date(values.get("date_published"))
    if date is None and "source" in values:
        date = parse_date(values["source"])
    return (date, "header") if date else None


WRITTEN_FINDERS = [_written_field, _written_cover, _written_under_title]


# ---------------------------------------------------------------------------------------------
# the whole document


def _set(meta: DocumentMetadata, key: str, found: Found | None) -> None:
    if found:
        setattr(meta, key, found[0])
        meta.provenance[key] = found[1]


def _locate(meta: DocumentMetadata, lines: list[Line], region_key: str | None) -> None:
    """The region from the title (else the issuer) in the gazetteer; national issuers are China."""
    full_text = "\n".join(line.text for line in lines)
    place = (locate_township(meta.title, meta.issuer, full_text) or locate_zone(meta.title, meta.issuer, full_text)
             or locate_region(meta.title, meta.issuer, full_text))
    if place:
        meta.region_zh, meta.province_zh, meta.admin_level = place["name_zh"], place["province_zh"], place["level"]
        meta.adcode, meta.city_zh = place["adcode"] or None, place["city_zh"] or None
        meta.region = region_key or place["region"] or base_key(place["name_zh"], place["level"])
        meta.provenance["region"] = "gazetteer"
    elif (meta.issuer or "").startswith(NATIONAL_ISSUERS):
        meta.region, meta.region_zh, meta.admin_level = "China", "全国", "national"
        meta.provenance["region"] = "national issuer"
    else:
        meta.warnings.append("no administrative division recognised in the title or issuer")


def extract_metadata(lines: list[Line], region_key: str | None = None) -> DocumentMetadata:
    """Metadata of one plan; ``region_key`` (from the registry) saves deriving it from pinyin."""
    meta = DocumentMetadata()
    head = lines[:HEAD_LINES]
    fields = parse_header_fields(head)
    title = find_title(lines, head, fields)
    meta.title = title.title
    if title.provenance:
        meta.provenance["title"] = title.provenance
    if title.span is not None:
        meta.body_start, meta.title_line = title.span[1], lines[title.span[0]].raw_line
    else:
        meta.warnings.append("could not find the plan's own title line; the whole text is treated as body")
    cover = lines[title.cover_start: title.span[0]] if title.span else head
    ctx = _Context(lines, fields, title, cover)
    _find_signature(ctx)
    _set(meta, "issuer", _first(ISSUER_FINDERS, ctx))
    _set(meta, "doc_number", _first(NUMBER_FINDERS, ctx))
    _set(meta, "date_written", _first(WRITTEN_FINDERS, ctx))
    _set(meta, "date_published", _published(ctx))
    meta.period_start, meta.period_end = parse_period(meta.title)
    kind = document_type(meta.title)
    meta.plan_type, meta.plan_type_en = (kind["plan_type"], kind["type_en"]) if kind else (None, None)
    _locate(meta, lines, region_key)
    return meta
