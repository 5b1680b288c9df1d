"""Small readers of a plan's header: key-value fields, dates, periods and document numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..rules.header_keys import field_of, header_key_pattern
from ..rules.numerals import date_numeral, numeral_chars, one_to_ten
from .normalise import Line

__all__ = ["HeaderFields", "parse_header_fields", "parse_date", "is_date_line", "parse_period",
           "find_doc_numbers", "DOC_NUMBER", "remove_dates"]

_TRIM = " \t|[]【】•·:："

DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,4}\s*号"
)
DATE_PATTERNS = [
    re.compile(r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"),
]
_YEAR_DIGITS = numeral_chars("date", "digit")
_MONTH_DAY = one_to_ten()
CN_DATE = re.compile(
    rf"(?P<y>[{_YEAR_DIGITS}]{{4}})\s*年\s*(?P<m>[{_MONTH_DAY}]{{1,3}})\s*月\s*(?P<d>[{_MONTH_DAY}]{{1,3}})\s*日"
)


@dataclass
class HeaderFields:
    values: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # field -> raw line


def parse_header_fields(lines: list[Line]) -> HeaderFields:
    """Key-value fields from index tables, bullet lists and ``key: value`` lines."""
    fields = HeaderFields()
    pattern = header_key_pattern()
    for line in lines:
        matches = list(pattern.finditer(line.text))
        for i, m in enumerate(matches):
            end = matches[i + 1].start() if i + 1 < len(matches) else len(line.text)
            value = line.text[m.end():end].strip(_TRIM).strip()
            key = field_of(m.group("key"))
            if value and key not in fields.values:
                fields.values[key] = value
                fields.lines[key] = line.raw_line
    return fields


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
        return _iso(date_numeral(m["y"]), date_numeral(m["m"]), date_numeral(m["d"]))
    return None


def remove_dates(text: str) -> str:
    """``text`` without the dates in it (Arabic, damaged or in Chinese numerals)."""
    for pattern in (*DATE_PATTERNS, CN_DATE):
        text = pattern.sub("", text)
    return text


def is_date_line(text: str) -> bool:
    """A short line that is a date (a cover letter's or signature's date)."""
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
