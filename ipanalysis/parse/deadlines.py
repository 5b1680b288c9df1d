"""Deadlines of measures: whether a text reads as a deadline, and the date or schedule it means."""

from __future__ import annotations

import calendar
import datetime
import re
from functools import lru_cache

from ..rules.datafiles import read_records
from ..rules.numerals import arabic_dates, chinese_numeral, date_number_patterns
from ..rules.organisations import mentions_organisation

__all__ = ["looks_like_deadline", "parse_deadline", "deadline_in_text", "year_of_next"]

DEADLINE_RE = re.compile(
    r"(\d{4}\s*年|\d{1,2}\s*月|底前|年底|年内|全年|完成|持续推进|长期坚持|长期推进|持续开展|常态化|每年|每季度?|每半年|每月)"
)
ONGOING_RE = re.compile(r"(持续|长期|常态化|每年|每季|每半年|每月)")
QUARTER_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*(?:第?([一二三四])\s*季度|([上下])半年)")
MONTH_SPAN_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?\s*[至到—–\-~～]\s*(\d{1,2})\s*月")
MONTH_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?")
YEAR_END_RE = re.compile(r"(\d{4})\s*年\s*(?:底|末|内|年底|全年)")
# a spreadsheet's date: 2024.12, 2025.6.30, 2024/12/31, 2025-06
NUMERIC_DATE_RE = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*[./-]\s*(\d{1,2})(?:\s*[./-]\s*(\d{1,2}))?(?![\d.])")
YEAR_DONE_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*(?:全面|全部|基本)?完成")  # a stage: 2024年完成50%，2025年全部完成
YEAR_ALONE_RE = re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*(?:(?:全面|基本)?完成)?\s*$")  # a deadline cell's 2025年
RANGE_RE = re.compile(r"((?:19|20)\d{2})\s*年?\s*[-—–~～至到]\s*((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")


def looks_like_deadline(text: str) -> bool:
    """A part of a unit bracket that is a date or schedule, not more units (``2021年12月底前完成``)."""
    return bool(DEADLINE_RE.search(text)) and not mentions_organisation(DEADLINE_RE.sub("", text))


# a schedule counted from the plan's issue: 方案印发后3个月内, 自本方案印发之日起30日内
AFTER_ISSUE = re.compile(r"(?:印发|出台|发布)(?:之日起|后)\s*(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(个月|日|天)内")
THIS_YEAR = re.compile(r"^\s*(?:年内|今年|当年|本年度?)")  # 年内完成, 今年底前: the year the plan was written


def parse_deadline(deadline: str | None, year: int | None = None,
                   this_year: int | None = None, issued: str | None = None) -> tuple[str | None, bool]:
    """``(ISO date or None, ongoing)`` of a deadline as printed: the last date it names, so that a
    staged deadline (``2024年6月底前完成方案，2025年12月底前全面完成``) ends with its last stage.
    ``year``: the one year of an annual plan, the year of a deadline that names none (``12月底前``,
    ``年底前``, ``第三季度`` in a plan for 2024 end in 2024, ``次年3月底前`` in 2025; ``全年`` alone, all the
    year round, has none).
    ``this_year``: the year the plan was written, that of a deadline in the year it speaks from
    (``年内完成``, ``今年底前``) in a plan of several years; ``issued``: the plan's date (ISO), from
    which a schedule counted from its issue runs (``方案印发后3个月内``, ``印发之日起30日内``)."""
    if not deadline:
        return None, False
    ongoing = bool(ONGOING_RE.search(deadline))
    text = _period_ends(_years_carried(arabic_dates(deadline)))  # 二〇二五年六月底前 as 2025年6月底前
    if year and text.startswith("次年"):  # an annual plan's 次年3月底前: the year after its own
        text = f"{year + 1}年{text.removeprefix('次年')}"
    dates = _dates_named(text)
    year = year or (this_year if THIS_YEAR.match(text) else None)
    if not dates and year and not text.startswith("全年"):  # 全年 alone: all the year round, no date
        dates = _dates_named(_years_carried(f"{year}年{THIS_YEAR.sub('', text).lstrip().removeprefix('年')}"))
    after_issue = AFTER_ISSUE.search(text) if not dates and issued else None
    if after_issue:
        return _after_issue(after_issue, issued), ongoing
    return (max(dates)[1] if dates else None), ongoing


def _after_issue(match: re.Match, issued: str) -> str | None:
    """The last day of a schedule counted from the plan's date: so many days after it, or the same
    day so many months on (the month's last day where it has no such day)."""
    count = int(match[1]) if match[1].isdigit() else chinese_numeral(match[1])
    try:
        start = datetime.date.fromisoformat(issued[:10])
    except ValueError:
        return None
    if not count:
        return None
    if match[2] != "个月":
        return (start + datetime.timedelta(days=count)).isoformat()
    year, month = divmod(start.month - 1 + count, 12)
    year, month = start.year + year, month + 1
    last = calendar.monthrange(year, month)[1]
    day = last if start.day == calendar.monthrange(start.year, start.month)[1] else min(start.day, last)
    return datetime.date(year, month, day).isoformat()


WORK_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度")


def year_of_next(deadline: str | None, task: str) -> int | None:
    """The year a ``次年`` deadline follows in a plan of several years: the one year whose work the
    task names (``完成2024年度…监测工作``, ``次年3月底前`` -> 2025), None when it names none or several."""
    if not deadline or not deadline.lstrip().startswith("次年"):
        return None
    years = set(WORK_YEAR.findall(task))
    return int(years.pop()) if len(years) == 1 else None


PERIOD = re.compile(r"[“\"]?(十[一二三四五六七八九]五)[”\"]?(?:期间|时期|末|内)?")  # “十四五”期间


@lru_cache(maxsize=1)
def _period_end_years() -> dict[str, str]:
    """A national five-year period's name (十四五) -> its last year (``data/national_periods.csv``)."""
    return {r["name_zh"].strip("“”\""): r["end"] for r in read_records("national_periods.csv")}


def _period_ends(text: str) -> str:
    """A deadline's five-year period as the end of its last year: ``“十四五”期间`` -> ``2025年底``."""
    ends = _period_end_years()
    return PERIOD.sub(lambda m: f"{ends[m[1]]}年底" if m[1] in ends else m[0], text) if "五" in text else text


YEAR_OR_MONTH = re.compile(r"((?:19|20)\d{2})\s*年|(?<![\d年])(?<!年\s)(\d{1,2})\s*月")


def _years_carried(text: str) -> str:
    """``text`` with a month printed without its year given the year named before it: a staged
    deadline's later stage (``2024年9月底前完成盘点，12月底前完成全年任务``: 2024年12月)."""
    out, last, year = [], 0, None
    for m in YEAR_OR_MONTH.finditer(text):
        if m[1]:
            year = m[1]
        elif year:
            out += [text[last:m.start()], f"{year}年"]
            last = m.start()
    return "".join(out) + text[last:]


def _dates_named(text: str) -> list[tuple[int, str]]:
    """``(where it ends, ISO date)`` of every date a deadline names: a range (2024—2026年: the end
    of its last year), a month or day, a quarter or half year (its last day), a year's end, a year
    alone (a deadline column's ``2025年``: its end), a spreadsheet's numeric date (``2024.12``: its end)."""
    found = [(m.end(), f"{int(m[2]):04d}-12-31") for m in RANGE_RE.finditer(text)]
    for m in MONTH_RE.finditer(text):
        year, month = int(m[1]), int(m[2])
        if 1 <= month <= 12:
            day = int(m[3]) if m[3] else calendar.monthrange(year, month)[1]
            found.append((m.end(), f"{year:04d}-{month:02d}-{day:02d}"))
    for m in MONTH_SPAN_RE.finditer(text):  # 2024年10月至12月: the second month in the first's year
        year = int(m[1]) + (int(m[3]) < int(m[2]))
        if 1 <= int(m[3]) <= 12:
            found.append((m.end(), f"{year:04d}-{int(m[3]):02d}-{calendar.monthrange(year, int(m[3]))[1]:02d}"))
    for m in QUARTER_RE.finditer(text):
        year = int(m[1])
        month = 3 * "一二三四".index(m[2]) + 3 if m[2] else (6 if m[3] == "上" else 12)
        found.append((m.end(), f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"))
    found += [(m.end(), f"{int(m[1]):04d}-12-31") for m in YEAR_END_RE.finditer(text)]
    found += [(m.end(), f"{int(m[1]):04d}-12-31") for m in YEAR_ALONE_RE.finditer(text)]
    found += [(m.end(), f"{int(m[1]):04d}-12-31") for m in YEAR_DONE_RE.finditer(text)]
    for m in NUMERIC_DATE_RE.finditer(text):  # a spreadsheet's 2024.12, 2025.6.30, 2024/12/31, 2025-06
        year, month = int(m[1]), int(m[2])
        if 1 <= month <= 12 and (not m[3] or 1 <= int(m[3]) <= calendar.monthrange(year, month)[1]):
            day = int(m[3]) if m[3] else calendar.monthrange(year, month)[1]
            found.append((m.end(), f"{year:04d}-{month:02d}-{day:02d}"))
    return found


# A deadline written in the task's own sentence: a date before which something is done
# (2024年9月底前, 2023年底前, 二〇二五年六月底前), or a schedule that is a clause of its own (…，长期坚持。).
_YEAR, _MONTH_DAY = date_number_patterns()
DATE_IN_TEXT = re.compile(rf"{_YEAR}\s*年\s*(?:{_MONTH_DAY}\s*月\s*(?:{_MONTH_DAY}\s*日)?)?\s*(?:底|末)?前")
CLOSING_DATE = re.compile(rf"{DATE_IN_TEXT.pattern}\s*(?:全面|基本)?完成")  # …。2024年11月底前完成。
DONE_AFTER = re.compile(r"\s*(?:全面|基本)?完成(?=\s*(?:[)）】\]。，,；;]|$))")  # a date's clause closed by 完成
THIS_TASK = r"(?:此项|该项|本项|这项)(?:工作|任务)"  # 该项工作长期坚持: the task itself
SCHEDULE_CLAUSE = re.compile(rf"(?:^|(?<=[,，;；。:：]))\s*(?:{THIS_TASK})?(长期坚持|持续推进|每年第[一二三四]季度|常态化推进)"
                             r"\s*(?=[,，;；。]|$)")


def closing_deadline(text: str, max_len: int = 16) -> str | None:
    """A short last sentence that reads as a deadline, after another (``…。2026年底前完成。``)."""
    sentences = [s.strip(" 。") for s in text.split("。")]
    sentences = [s for s in sentences if s]
    last = sentences[-1] if len(sentences) > 1 else ""
    return last if last and len(last) <= max_len and looks_like_deadline(last) else None


def deadline_in_text(text: str) -> str | None:
    """The deadline a task's own text states, when no bracket, unit line or table column gives one:
    a closing sentence of a date and 完成 as printed, else the first date or schedule clause in it."""
    closing = closing_deadline(text.rstrip())
    if closing and CLOSING_DATE.fullmatch(closing):
        return closing
    found = [m for m in (DATE_IN_TEXT.search(text), SCHEDULE_CLAUSE.search(text)) if m]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    if first.re is SCHEDULE_CLAUSE:
        return first.group(1).strip()
    done = DONE_AFTER.match(text, first.end())  # （2025年6月底前完成）: 完成 closes the clause
    return text[first.start():done.end() if done else first.end()].strip()


# a heading that closes with the period of its phase: 动员部署阶段（2024年3月—4月）
PHASE_PERIOD = re.compile(r"[(（]\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[—–\-~～至到]\s*"
                          r"(?:(?:19|20)\d{2}\s*年)?\s*\d{1,2}\s*月(?:底)?)\s*[)）]$")


def phase_end(heading: str) -> str | None:
    """The end of the phase a heading names in brackets (``集中攻坚阶段（2024年5月—10月）`` ->
    ``2024年10月``, read as :func:`parse_deadline` reads a span): the deadline of its tasks that
    name none."""
    m = PHASE_PERIOD.search(arabic_dates(heading.strip()))  # （二〇二四年五月—十月） as （2024年5月—10月）
    end = parse_deadline(m[1])[0] if m else None
    return f"{int(end[:4])}年{int(end[5:7])}月" if end else None
