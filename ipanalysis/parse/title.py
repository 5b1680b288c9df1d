"""A plan's own title, where it stands, and the notice or cover letter above it.

Finders, in priority order: a notice title ``X关于印发《Y》的通知`` (also split over up to three
lines, or with the document number glued on), the ``名称`` header field, a cover letter's
``现将《Y》``, and last the first short line that reads like a plan title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..rules.document_types import title_ending_pattern
from ..rules.header_keys import header_key_pattern
from ..rules.outline import opens_item
from .header import DOC_NUMBER, HeaderFields
from .normalise import Line

__all__ = ["TitleFind", "find_title", "clean_title", "title_from_notice"]

LOCAL_GOVERNMENT = ("区政府", "市政府", "县政府")  # a notice prefix too vague to be the issuer


@dataclass
class TitleFind:
    title: str | None = None
    provenance: str | None = None
    notice_index: int | None = None  # index (into the lines) of the notice title's last line
    notice_issuer: str | None = None  # the issuer printed before 关于 in the notice title
    glued_number: str | None = None  # a document number glued to the notice title
    span: tuple[int, int] | None = None  # lines [i, j) that print the plan's own title

    @property
    def cover_start(self) -> int:
        """Index of the first line after the notice title (0 without a notice)."""
        return self.notice_index + 1 if self.notice_index is not None else 0


def clean_title(title: str) -> str:
    title = re.sub(r"\s+", "", title) if re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff] ", title) else title
    title = title.strip(" ")
    if title.startswith("《") and title.endswith("》") and title.count("《") == 1:
        return title[1:-1]  # 《…》: a title in its marks
    return title.strip(" 《》") if title.count("《") != title.count("》") else title  # …》政策解读 keeps them


SEVERAL_TITLES = re.compile(r"》\s*[、和及与,，]?\s*《")


def title_from_notice(text: str) -> tuple[str | None, str | None]:
    """``(issuer prefix, plan title)`` from a notice title ``X关于印发《Y》的通知``; a notice that issues
    several plans (``关于印发《A》《B》的通知``) is the title of them all."""
    m = re.search(r"^(?P<issuer>.*?)关于(?:印发|转发|发布)《?(?P<title>.+?)》?的通知", text)
    if not m:
        return None, None
    if SEVERAL_TITLES.search(m["title"]):  # 关于印发《A》《B》的通知: one notice of several plans is its own title
        return (m["issuer"].strip() or None), clean_title(m[0])
    return (m["issuer"].strip() or None), clean_title(m["title"])


def _split_glued_number(text: str) -> tuple[str, str | None]:
    """A document number glued to the start or end of a notice title, and the title without it."""
    m = re.match(rf"^\s*({DOC_NUMBER.pattern})\s*", text)
    if m:
        return text[m.end():], re.sub(r"\s+", "", m.group(1))
    m = re.search(rf"(?<=通知)\s*[(（]?\s*({DOC_NUMBER.pattern})\s*[)）]?\s*$", text)
    if m:
        return text[: m.start()], re.sub(r"\s+", "", m.group(1))
    return text, None


def _compact(text: str) -> str:
    return re.sub(r"[\s《》〈〉]", "", text)  # a title quoted inside a title prints its 《》 as 〈〉


# what a plan's own title line adds to the name its notice gives: its period (…若干措施（2022—2025年）),
# the table it is (…重点任务分工 → …重点任务分工表)
PERIOD_AFTER = re.compile(r"(?:一览表|清单|表)?(?:[(（]\d{4}[^()（）]{0,12}[)）])?")


def _find_title_line(lines: list[Line], title: str, start: int) -> tuple[int, int] | None:
    """Index range ``[i, j)`` of the lines that print ``title`` on their own (one or two lines),
    perhaps with its period after it."""
    target = _compact(title)
    for i in range(start, len(lines)):
        joined = ""
        for j in range(i, min(i + 3, len(lines))):
            joined += _compact(lines[j].text)
            if joined == target or joined.startswith(target) and PERIOD_AFTER.fullmatch(joined[len(target):]):
                after = _compact(lines[j + 1].text) if joined == target and j + 1 < len(lines) else ""
                return i, j + 1 + bool(after and PERIOD_AFTER.fullmatch(after))  # its period on a line of its own
            if not target.startswith(joined):
                break
    return None


def _notice_title(head: list[Line]) -> TitleFind | None:
    """The notice title, which may be split over up to three lines."""
    keys = header_key_pattern()
    for i, line in enumerate(head):
        if line.text.startswith(("名称", "标题")) or keys.match(line.text):
            continue
        for span_end in range(i + 1, min(i + 4, len(head) + 1)):
            text = "".join(ln.text for ln in head[i:span_end])
            text, glued = _split_glued_number(text)
            issuer, title = title_from_notice(text)
            if title:
                return TitleFind(title, f"notice title, line {line.raw_line}", span_end - 1, issuer, glued)
            if "关于" not in text or "通知" in text:
                break
    return None


def _name_field_title(fields: HeaderFields) -> TitleFind | None:
    if "name" not in fields.values:
        return None
    issuer, title = title_from_notice(fields.values["name"])
    return TitleFind(title, f"header 名称, line {fields.lines['name']}", notice_issuer=issuer) if title else None


def _cover_letter_title(head: list[Line]) -> TitleFind | None:
    for i, line in enumerate(head):
        m = re.search(r"(?:现将|现把|特制定)《(.+?)》", line.text)
        if m:
            return TitleFind(clean_title(m[1]), f"cover letter, line {line.raw_line}", notice_index=i)
    return None


FIELD = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[:：]")  # 关键词：… a page's labelled field


def _title_like_line(head: list[Line], min_len: int = 7) -> TitleFind | None:
    """No notice: the first short line that reads like a plan title (its own number in brackets at
    its end is the document number: ``…管理办法（绵市监规〔2022〕3号）``); a line of a few characters
    is a menu's (``规划计划``, ``文字解读``), and a labelled field (``关键词：…解读``) is none either."""
    keys = header_key_pattern()
    found = []
    for i, line in enumerate(head):
        text, number = _split_closing_number(line.text)
        if min_len <= len(text) <= 60 and title_ending_pattern().search(text) and not keys.search(text) \
                and not FIELD.match(text):
            found.append(TitleFind(clean_title(text), f"first title-like line, line {line.raw_line}", span=(i, i + 1),
                                   glued_number=number))
    if len(found) > 1 and _captions_index_block(head, found[0], found[1]):
        line = head[found[1].span[0]].raw_line
        found[1].provenance = f"title over the body, after a portal's index block, line {line}"
        return found[1]
    return found[0] if found else None


def _captions_index_block(head: list[Line], first: TitleFind, second: TitleFind) -> bool:
    """Whether the first title-like line captions a portal's index block (``索取号：…`` fields right
    below it) and the second, the title printed over the body below that block, names the same kind
    of plan (``漕河泾街道办事处2024年知识产权工作计划`` over the fields, ``徐汇区漕河泾街道2024年知识产权
    工作计划`` over the body): the body's is the plan's own."""
    below = head[first.span[1]:second.span[0]]
    ending = title_ending_pattern().search(first.title)
    field = below and (header_key_pattern().search(below[0].text) or FIELD.match(re.sub(r"\s+", "", below[0].text)))
    return (len(below) >= 2 and bool(field) and bool(ending) and second.title.endswith(ending.group())
            and not opens_item(head[second.span[0]].text))  # 三、2024年工作计划: a section's heading


def _split_closing_number(text: str) -> tuple[str, str | None]:
    m = re.search(rf"[(（]\s*({DOC_NUMBER.pattern})\s*[)）]\s*$", text)
    return (text[: m.start()], re.sub(r"\s+", "", m.group(1))) if m else (text, None)


def find_title(lines: list[Line], head: list[Line], fields: HeaderFields) -> TitleFind:
    """The plan's title and the lines that print it (``span`` is None when they were not found)."""
    found = _notice_title(head) or _name_field_title(fields) or _cover_letter_title(head)
    if found is not None:
        found.span = _find_title_line(lines, found.title, found.cover_start) or _find_title_line(lines, found.title, 0)
        if found.span is not None:
            found.title = clean_title("".join(line.text for line in lines[slice(*found.span)]))
            return found
    fallback = _title_like_line(head)
    if fallback is None:
        return found or TitleFind()
    if found is not None:  # keep what the notice said about the issuer and number
        fallback.notice_index, fallback.notice_issuer = found.notice_index, found.notice_issuer
        fallback.glued_number = found.glued_number or fallback.glued_number
    return fallback
