"""The words of quantitative targets (``data/target_words.csv``): units, comparators, and what makes
a number no target."""

from __future__ import annotations

import re
from functools import lru_cache

from .datafiles import read_records
from .literals import alternation

__all__ = ["target_units", "comparators_before", "comparators_after", "stop_after", "cap_words", "baseline_openers",
           "retrospect_words", "quoting_words", "is_starting_value", "is_threshold", "states_present",
           "base_spans"]


@lru_cache(maxsize=None)
def _words(kind: str) -> tuple[tuple[str, str], ...]:
    return tuple((r["text"], r["symbol"]) for r in read_records("target_words.csv") if r["kind"] == kind)


@lru_cache(maxsize=None)
def _texts(kind: str) -> tuple[str, ...]:
    """The words of one kind, in the file's order."""
    return tuple(w for w, _ in _words(kind))


def target_units() -> tuple[str, ...]:
    """Units of count or amount, longest first (so that 人次 is tried before 人)."""
    return tuple(sorted(_texts("unit"), key=len, reverse=True))


def comparators_before() -> tuple[tuple[str, str], ...]:
    """``(word, symbol)`` of comparators written before the number (达到, >=)."""
    return _words("before")


def comparators_after() -> tuple[tuple[str, str], ...]:
    """``(word, symbol)`` of comparators written after the number and unit (以上, >=)."""
    return _words("after")


def stop_after() -> tuple[str, ...]:
    """What, right after the unit, makes a number no target (a date, a duration, a day)."""
    return _texts("stop_after")


def cap_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(subsidy words of a clause, cap words before an amount)``."""
    return _texts("cap_context"), _texts("cap_before")


def quoting_words() -> tuple[str, ...]:
    """Words after a cited title that give that document's goals (《纲要》明确): not this plan's."""
    return _texts("quoting")


def retrospect_words() -> tuple[str, ...]:
    """Words that open a paragraph looking back (过去一年, 近年来, …以来): its numbers were achieved."""
    return _texts("retrospect")


def baseline_openers() -> tuple[str, ...]:
    """Words that open a sentence stating where things stand (截至2023年底，…为2.3万件): a number
    there without a comparator is a baseline, not a target."""
    return _texts("baseline")


def is_starting_value(before: str, after: str) -> bool:
    """Whether the number between ``before`` and ``after`` (the rest of its clause) is where an
    indicator starts, not a target: after 由 or 从 and right before a rise word (``由8.2件提高到12件``),
    right before an arrow (``1986件→≥3000件``), or after 现有 with 基础上 after it
    (``在现有3家分中心基础上，新建20家``)."""
    rest = after.lstrip()
    return (rest.startswith(_texts("rise")) and any(w in before for w in _texts("rise_from"))
            or rest.startswith(_texts("arrow"))
            or any(w in after for w in _texts("base")) and any(w in before for w in _texts("base_from")))


def is_threshold(before: str, after: str, unit: str, compared: bool) -> bool:
    """Whether the number between ``before`` and ``after`` (the rest of its clause) is a threshold
    that names a kind of thing, not a target: the number, with the comparator after it, qualifies a
    noun, and no comparator before it (``单笔1000万元以下的普惠类贷款``, ``培育年营收1000万元以上的企业50家``;
    not a share: ``覆盖80%以上的企业`` is a target) or a condition word opens its clause
    (``对满意度低于80分的州（市）进行约谈``). ``compared``: whether a comparator stands before the number
    (``达到60%以上的水平`` is a target)."""
    rest = after.lstrip()
    word = next((w for w, _ in comparators_after() if rest.startswith(w)), "")
    if not rest[len(word):].startswith("的"):
        return False
    return bool(word) and not compared and unit != "%" or before.lstrip().startswith(_texts("condition"))


def states_present(before: str) -> bool:
    """Whether a number with no comparator counts what there is now: a word such as 现有 stands
    before it in its clause (``全区现有省级园区4个``, ``（现有4个）``)."""
    return any(w in before for w in _texts("present"))


@lru_cache(maxsize=1)
def _base_clause() -> re.Pattern:
    return re.compile(rf"(?:{alternation(_texts('base_from'))})[^，,。；;]{{2,120}}?(?:{alternation(_texts('base'))})")


def base_spans(text: str) -> list[tuple[int, int]]:
    """Where a clause states what there is already, however many numbers it lists (``在2023年办理质押登记
    31笔、融资金额3.26亿元（同比增长46.2%）、惠及企业28户的基础上``): no number in it is a target."""
    return [m.span() for m in _base_clause().finditer(text)] if any(w in text for w in _texts("base")) else []
