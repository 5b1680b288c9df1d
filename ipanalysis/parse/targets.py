"""Quantitative targets: every number a plan commits to, with unit, comparator, year and indicator.

A target is a number followed by a unit of count or amount (``18件``, ``16%``, ``20亿元``,
``2400人次``; Chinese numerals such as ``八十家`` are read by :func:`chinese_numeral`; ``百家``,
"hundreds of", is not a number). It is read only from goal sections, measures and safeguard
items, never from the cover letter, and never when the number stands inside 《》 titles, quotation
marks (programme names and slogans such as “33618”, “1+1+4”) or document-number brackets, follows
第 (an ordinal), or is a date or a duration.

Comparators (``comparator_zh`` as printed): 达/达到/累计达/提高到 ``>=``, 以上/不低于/不少于 ``>=``,
突破/超过/高于 ``>``, 不超过/不高于/以内/以下 ``<=``, 低于 ``<``; 新增 and a bare quantity ``=``.

Year: ``到2025年`` (or ``2025年底前`` …) at the head of a goal paragraph applies to the rest of that
section; inside a measure, a year in the measure or its deadline (``2021年12月底前`` gives 2021).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..rules.indicators import indicator_key
from ..rules.literals import alternation
from ..rules.notes import note_lines
from ..rules.numerals import numeral_chars, parse_number
from ..rules.outline import TASK_NUMBERS, strip_number
from ..rules.scores import score_spans
from ..rules.sections import section_kind
from ..rules.target_words import (base_spans, cap_words, comparators_after, comparators_before, is_starting_value,
                                  is_threshold, states_present, stop_after, target_units)
from .normalise import Line
from .target_time import is_baseline, sentences_ahead

__all__ = ["find_targets_in_text", "extract_targets", "is_baseline", "parse_number", "TargetMatch"]

UNIT_RE = alternation(target_units())
ARABIC = r"\d+(?:\.\d+)?"
# a Chinese numeral: 三百, 十二点五 (a decimal), 一万二千 (万 inside it; a 万 that ends it is the multiplier)
CHINESE = f"[{numeral_chars('amount')}]+(?:点[{numeral_chars('amount')}]+|[万亿][{numeral_chars('amount')}]+)*"
NUMBER_RE = re.compile(
    rf"百分之(?P<pct>{ARABIC}|{CHINESE})|(?P<num>{ARABIC}|{CHINESE})\s*(?P<mult>万|亿)?\s*(?P<unit>{UNIT_RE})"
)
# Context that turns a number into a non-target.
# titles and quotes (their numbers are no targets and their delimiters end no clause); a heading's count
# of its items, 二、促进知识产权转化运用（3项）
PROTECTED_SPANS = re.compile(r"《[^》]*》|“[^”]*”|\"[^\"]*\"|‘[^’]*’|〔[^〕]*〕|「[^」]*」|[(（]\s*\d+\s*项\s*[)）]"
                             + "|" + TASK_NUMBERS.pattern)  # 第3至8项任务: the plan's own tasks
PREVIOUS_TARGET = re.compile(rf"(?:{ARABIC}|{CHINESE})\s*(?:万|亿)?\s*(?:{UNIT_RE})(?:以上|以内|以下|左右)?、")
CLAUSE_END = re.compile(r"\s*(?:以上|左右)?\s*(?:[,，;；。、(（]|$)")  # the unit closes its clause (a bracket: its units)
CLAUSE_SPLIT = re.compile(r"[,，;；。:：!！?？]")

COMPARATORS_BEFORE = comparators_before()
COMPARATORS_AFTER = comparators_after()
FINDINGS = ("named_problem",)  # the items that state what an inspection found (问题一：…): their numbers are no targets
STOP_AFTER = stop_after()
STRENGTH = {"=": 0, ">=": 1, "<=": 1, ">": 2, "<": 2}
YEAR_HEAD = re.compile(r"(?:到|至|截至)\s*((?:19|20)\d{2})\s*年")
OTHER_LEVEL_GOAL = re.compile(r"(?:全国|国家)")  # …的目标 of the nation, which a local plan serves
RANGE_LOW = re.compile(r"(\d+(?:\.\d+)?)\s*(?:[—–~～\-－至到]|%\s*[—–~～\-－])\s*\Z")  # a range's low: 10—15家, 85%—90%
RANGE_ON = re.compile(r"\s*[—–~～\-－]\s*\d")  # 85%—90%: the 85% is the range's low, read with its high


class TargetMatch(dict):
    """One target read from a piece of text (a dict with the target columns)."""


def _protected(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in PROTECTED_SPANS.finditer(text)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _clause_bounds(text: str, start: int, end: int, protected) -> tuple[int, int]:
    """Bounds of the clause around ``[start, end)``: delimiters inside quotes or titles don't count."""
    left = 0
    for m in CLAUSE_SPLIT.finditer(text, 0, start):
        if not _inside(m.start(), protected):
            left = m.end()
    right = len(text)
    for m in CLAUSE_SPLIT.finditer(text, end):
        if not _inside(m.start(), protected):
            right = m.start()
            break
    return left, right


def _comparator(before: str, after: str) -> tuple[str, str, int]:
    """``(comparator, as printed, position of the word in before or -1)``."""
    found_before, pos_before, best = None, -1, (-1, 0)
    for word, symbol in COMPARATORS_BEFORE:
        idx = before.rfind(word)
        # the word ending closest to the number wins; among those, the longest (不超过 over 超过)
        if idx >= 0 and (idx + len(word), len(word)) > best:
            found_before, pos_before, best = (word, symbol), idx, (idx + len(word), len(word))
    found_after = next(((w, s) for w, s in COMPARATORS_AFTER if after.startswith(w)), None)
    if found_before and found_after:
        symbol = max((found_before[1], found_after[1]), key=lambda s: STRENGTH[s])
        if found_before[1] == "=":
            symbol = found_after[1]
        return symbol, f"{found_before[0]}…{found_after[0]}", pos_before
    if found_after:
        return found_after[1], found_after[0], -1
    if found_before:
        return found_before[1], found_before[0], pos_before
    return "=", "", -1


def _indicator(before: str, after: str, comparator_word: str, pos: int) -> str:
    if pos >= 0 and comparator_word and not comparator_word.startswith("新增"):
        word = comparator_word.split("…")[0]
        head, tail = before[:pos], before[pos + len(word):]
        indicator = head + ("…" + tail if tail.strip() else "")
    else:
        indicator = before
    indicator = indicator.strip(" 等的")
    indicator = re.sub(r"^(?:到|至)\s*(?:19|20)\d{2}\s*年(?:底)?", "", indicator).strip()
    if len(re.sub(r"[^\u4e00-\u9fff]", "", indicator)) <= 2:
        # "推动600家中小微企业实现…": the noun phrase follows the number
        rest = re.sub(r"^(以上|以内|以下|左右)", "", after).strip()
        indicator = (indicator + rest).strip()
    return indicator


CAP_UNITS = ("元", "万元", "亿元", "%")
CAP_CONTEXT, CAP_BEFORE = cap_words()


def is_cap(unit: str, clause: str, before: str) -> bool:
    """An amount or share that the plan pays out or limits (a subsidy, a cap), not a result it
    commits to: ``每件最高资助3000元``, ``按官费的50%给予资助``."""
    return unit in CAP_UNITS and (any(w in clause for w in CAP_CONTEXT) or any(w in before for w in CAP_BEFORE))


def find_targets_in_text(text: str, *, require_comparator: bool = False,
                         as_of: tuple[int, int] | None = None) -> list[TargetMatch]:
    """Targets in one paragraph (no year, line or measure yet); ``as_of``: the plan's ``(year,
    month)``, before which a 截至 date states a baseline (:func:`is_baseline`)."""
    protected = _protected(text)
    found, skipped, scoring = [], protected + base_spans(text), score_spans(text)  # 《…》, “…”; 在…基础上; （12分）
    for m in NUMBER_RE.finditer(text):
        start, end = m.span()
        if _inside(start, skipped):
            continue
        if text[max(0, start - 1):start] == "第" or re.match(r"[·.．\d]", text[start - 1:start] or " "):
            continue
        if text.startswith(STOP_AFTER, end) or m["unit"] in ("项", "条") and (
                text.endswith(STOP_AFTER, 0, start) or text.startswith("任务", end)):
            continue  # 确定12项重点工作任务, 重点工作任务14项, 分解为12项任务: the plan's own tasks
        num = m["num"] or m["pct"]  # 百分之八十五: 85 %
        is_chinese = not re.fullmatch(ARABIC, num)
        value = parse_number(num, m["mult"])
        if value is None:  # 百家, 千企: not a number
            continue
        unit = m["unit"] or "%"
        if unit == "%" and RANGE_ON.match(text, end):
            continue
        low = RANGE_LOW.search(text, 0, start)  # 10—15家: at least 10, at most 15
        high, value = (value, parse_number(low[1], m["mult"])) if low and not is_chinese else (None, value)
        if m["mult"] in ("亿", "万") and unit == "元":
            scale, unit = (1e8, "亿元") if m["mult"] == "亿" else (1e4, "万元")
            value, high = value / scale, (high / scale if high is not None else None)
        left, right = _clause_bounds(text, start, end, protected)
        before, after = text[left:start], text[end:right]
        # in a list of targets ("新增贯标单位80家、新增…6家") each item is its own clause
        before = PREVIOUS_TARGET.split(before)[-1]
        symbol, word, pos = _comparator(before, after)
        if _inside(start, scoring) and not (symbol == ">=" and pos >= 0 and not after.lstrip().startswith("的")):
            continue  # （12分）, 每少1件扣0.5分: points; 分值权重不低于1.5分: a floor the plan commits to
        if high is not None and not word:
            symbol, word = ">=", "—"  # a range commits to its lower bound
        if is_chinese and not word and (value < 2 or not CLAUSE_END.match(text, end)):
            continue  # 一家, 每季度调度一次, 三家企业, 十件实事 in prose; 培育企业十家。, 至少一件: a count
        if require_comparator and not word:
            continue
        if is_baseline(text, start, word, as_of) or is_starting_value(before, after):
            continue  # 截至2023年底，…为2.3万件; 由8.2件提高到…: where things stand
        cap = is_cap(unit, text[left:right], before)
        if not cap and (is_threshold(before, after, unit, pos >= 0) or not word and states_present(before)):
            continue  # 单笔1000万元以下的贷款, 对满意度低于80分的州（市）: a kind; （现有4个）: what there is
        if OTHER_LEVEL_GOAL.search(before) and after.lstrip().startswith("的目标"):
            continue  # 助力实现全国…达到13%的目标: the nation's goal, which the plan serves
        found.append(TargetMatch(
            value=value,
            unit=unit,
            kind="cap" if cap else "commitment",
            comparator=symbol,
            comparator_zh=word or None,
            value_high=high,
            indicator=_indicator(before, after, word, pos) or None,
            text=text[left:right].strip(),
        ))
    return found


def _line_index(measures: list[dict], sections: list[dict]) -> tuple[dict, dict, dict]:
    """Raw line -> its measure, its innermost section, and its top-level section."""
    by_line: dict[int, dict] = {}
    for measure in measures:
        for raw in range(measure["line_start"], measure["line_end"] + 1):
            by_line[raw] = {"measure": measure}
    section_of: dict[int, dict] = {}
    for section in sorted(sections, key=lambda s: (s["line_start"], -s["line_end"])):
        for raw in range(section["line_start"], section["line_end"] + 1):
            section_of[raw] = section  # the innermost section wins (sorted outer first)
    top_of = {}
    for section in sections:
        if section["depth"] == 0:
            for raw in range(section["line_start"], section["line_end"] + 1):
                top_of[raw] = section
    return by_line, section_of, top_of


def link_restatements(rows: list[dict]) -> None:
    """A commitment in a task that repeats one of the plan's goals (same value, unit and indicator
    key, or the same value and unit when neither has a key) names that goal in ``restates``, so it
    counts once."""
    goals = {}
    for row in rows:
        if row["measure_id"] is None and row["kind"] == "commitment":
            goals.setdefault((row["value"], row["unit"], row["indicator_key"]), row["target_id"])
    for row in rows:
        row.setdefault("restates", None)
        if row["measure_id"] is not None and row["kind"] == "commitment":
            row["restates"] = goals.get((row["value"], row["unit"], row["indicator_key"]))


@lru_cache(maxsize=256)
def _schedule_counts(schedule: str | None) -> bool:
    """Whether a task's printed schedule holds a number that would read as a target (the share of its
    stages: ``2024年完成50%，2025年全部完成``): only then is it blanked before the task's targets are
    read, so that a date it shares with the task's sentences (``2025年底前再引进…15家``) stays there."""
    return bool(schedule) and bool(find_targets_in_text(schedule))


def _without_last(text: str, part: str) -> str:
    """``text`` with the last time ``part`` is printed in it blanked out (a task's schedule, printed
    after its sentences, which may name the same date: ``2025年底前再引进…；完成时限：2025年底前``)."""
    at = text.rfind(part)
    return text if at < 0 else text[:at] + " " * len(part) + text[at + len(part):]


def extract_targets(doc_id: str, region: str, lines: list[Line], measures: list[dict], sections: list[dict],
                    as_of: tuple[int, int] | None = None, cover_goals: list[Line] = ()) -> list[dict]:
    """Targets of one plan, from its goal sections, measures and safeguard items.

    ``lines`` are the normalised lines of the plan's body; only lines inside the outline (a section
    or measure) are read, and a paragraph before the first section that states goals (``2024年全区
    知识产权工作的主要目标是：…``) or speaks of what is to come (``…制定本计划。2025年，全区…力争达到85分``),
    so the header never gives targets. A target's year comes
    from its own text (or its measure's deadline), never from the plan's period. ``as_of`` is the
    plan's ``(year, month)``: a number stated as of an earlier date is a baseline (:func:`is_baseline`).
    Notes (``注释：①…``) give none; ``cover_goals``, the goals its notice states, do.
    """
    by_line, section_of, top_of = _line_index(measures, sections)
    preamble_end = min((s["line_start"] for s in sections or measures), default=0)  # after the title, before 一、
    notes = {lines[k].raw_line for k in note_lines([line.text for line in lines])}  # 注释：①…是指…，2020年为3.2件
    rows = []
    year_by_top: dict[str, int] = {}
    for line in [*cover_goals, *lines]:
        raw = line.raw_line
        goals_line = raw < preamble_end and section_kind(line.text) == "goals" or line in cover_goals
        ahead = sentences_ahead(line.text, as_of) if raw < preamble_end and not goals_line else ""
        preamble = goals_line or bool(ahead)
        if raw in notes or (raw not in by_line and raw not in section_of and not preamble):
            continue
        measure = by_line.get(raw, {}).get("measure")
        top = top_of.get(raw)
        top_key = top["section_id"] if top else None
        head_year = YEAR_HEAD.match(line.text)
        if head_year and top_key:
            year_by_top[top_key] = int(head_year[1])
        kind = section_kind(top["title"]) if top is not None else ("goals" if preamble else None)
        in_goal_section = kind == "goals"
        if not measures and not in_goal_section:
            continue  # a document without tasks (rules, notices): only its goals say what it commits to
        inner = section_of[raw]["title"] if raw in section_of else None  # （二）工作基础 under 一、总体要求
        if measure is None and ({kind, section_kind(inner)} & {"background", "review", "assessment"}
                                or raw in section_of and section_of[raw]["style"] in FINDINGS):
            continue  # 一、工作基础, 2023年工作总结: where the plan starts from; 七、考核办法: its points
        text = strip_number(line.text) if measure is not None and raw == measure["line_start"] else ahead or line.text
        if measure is not None and _schedule_counts(measure.get("deadline")):  # 2024年完成50%，2025年全部完成
            text = _without_last(text, measure["deadline"])
        matches = find_targets_in_text(text, as_of=as_of)
        for match in matches:
            year = None
            if measure is not None:
                years = YEAR_HEAD.findall(match["text"]) or YEAR_HEAD.findall(line.text)
                years = years or ([measure["deadline_date"][:4]] if measure.get("deadline_date") else [])
                year = int(years[0]) if years else None
            elif in_goal_section or top_key in year_by_top:
                year = year_by_top.get(top_key)
                own = YEAR_HEAD.findall(match["text"])
                year = int(own[0]) if own else year
            rows.append({
                "target_id": f"{doc_id}-t{len(rows) + 1:03d}", "doc_id": doc_id, "region": region,
                "measure_id": measure["measure_id"] if measure is not None else None,
                "section": (top["number"] + "、" + top["title"]) if top else None,
                "indicator_key": indicator_key(match["indicator"], match["unit"]),
                **{key: match[key] for key in MATCH_COLUMNS}, "year": year, "line": raw,
            })
    link_restatements(rows)
    return rows


# the columns of a target row that are its match's (:data:`TargetMatch`), in the table's order
MATCH_COLUMNS = ("indicator", "value", "unit", "comparator", "comparator_zh", "value_high", "kind", "text")
