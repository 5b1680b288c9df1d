"""Chinese numerals (``data/numerals.csv``): which characters write numbers, and reading them.

The one table serves the targets (amounts such as ``八十家``), the outline (heading numbers such as
``（十二）``) and dates written in Chinese numerals (``二〇二一年``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .datafiles import read_records

__all__ = ["numeral_chars", "digit_values", "power_values", "chinese_numeral", "date_numeral", "date_number_patterns",
           "arabic_dates", "parse_number"]


@lru_cache(maxsize=None)
def _table() -> tuple[tuple[str, int, str, frozenset[str]], ...]:
    return tuple((r["char"], int(r["value"]), r["kind"], frozenset(r["uses"].split("|")))
                 for r in read_records("numerals.csv"))


@lru_cache(maxsize=None)
def numeral_chars(use: str, kind: str | None = None) -> str:
    """The numeral characters read in ``use`` (``amount``, ``outline``, ``date``), in file order."""
    return "".join(c for c, _, k, uses in _table() if use in uses and (kind is None or k == kind))


@lru_cache(maxsize=None)
def digit_values(use: str) -> dict[str, int]:
    return {c: v for c, v, k, uses in _table() if k == "digit" and use in uses}


@lru_cache(maxsize=None)
def power_values(use: str) -> dict[str, int]:
    return {c: v for c, v, k, uses in _table() if k == "power" and use in uses}


def chinese_numeral(text: str, use: str = "amount") -> int | None:
    """A Chinese numeral below 10,000 (``八十``, ``一百零五``, ``三千五``, ``两``) as an int, else None.

    Written out (``一百零五``), colloquial (``三千五`` = 3,500, ``一百一`` = 110) or digit by digit
    (``一二`` = 12). Malformed numerals and bare ``百``/``千`` (``百家企业``, ``千企百城``: "hundreds",
    "thousands") give None. On every string of up to four of these characters it converts, it
    agrees with ``cn2an`` (smart mode), which accepts more and takes 0.15 s to import (tested).
    """
    digits, powers = digit_values(use), power_values(use)
    if not text:
        return None
    if all(ch in digits for ch in text):
        return int("".join(str(digits[ch]) for ch in text))
    total, digit, last_power, zero = 0, None, None, False
    for ch in text:
        if ch in digits:
            value = digits[ch]
            if digit is not None:
                return None
            if value == 0:  # 零 stands for skipped places: only after 百 or 千, once
                if last_power is None or last_power < 100 or zero:
                    return None
                zero = True
                continue
            digit = value
        elif ch in powers:
            power = powers[ch]
            if last_power is not None and (power >= last_power or (zero and power * 10 >= last_power)):
                return None
            if digit is None:
                if power != 10:  # 十五, 一百十; but 百 and 千 need their digit
                    return None
                digit = 1
            total += digit * power
            digit, last_power, zero = None, power, False
        else:
            return None
    if digit is None:
        return None if zero else total
    if last_power and last_power >= 100 and not zero:  # 三千五: the digit takes the next lower place
        return total + digit * last_power // 10
    return total + digit


def date_numeral(text: str) -> int:
    """A year, month or day in Chinese numerals: ``二〇二一`` digit by digit, ``十二`` and ``二十三``."""
    digits = digit_values("date")
    if "十" in text:
        tens, _, units = text.partition("十")
        return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(units, 0) if units else 0)
    return int("".join(str(digits[c]) for c in text))


@lru_cache(maxsize=1)
def date_number_patterns() -> tuple[str, str]:
    """Regex sources (no groups) of a year and of a month or day, in Arabic digits or Chinese numerals
    (``2025`` or ``二〇二五``, ``二零二五`` as web editors misprint it; ``6``, ``六`` or ``十二``): for
    patterns that find a date as printed."""
    return rf"(?:(?:19|20)\d{{2}}|[{_year_digits()}]{{4}})", rf"(?:\d{{1,2}}|[{one_to_ten()}]{{1,3}})"


@lru_cache(maxsize=1)
def _year_digits() -> str:
    return "".join(c for c in digit_values("date") if not c.isascii())  # 二〇二五, 二零二六


@lru_cache(maxsize=1)
def _date_parts() -> re.Pattern:
    digits, month_day = _year_digits(), one_to_ten()
    return re.compile(rf"([{digits}]{{4}})(?=\s*(?:年|[—–\-~～至到]))|(?<=[年至到—–\-~～])([{month_day}]{{1,3}})(?=\s*月)"
                      rf"|(?<=月)([{month_day}]{{1,3}})(?=\s*日)")


def arabic_dates(text: str) -> str:
    """``text`` with the years, months and days it writes in Chinese numerals in Arabic digits
    (``二〇二五年六月底前`` -> ``2025年6月底前``; ``二〇二四—二〇二六年`` -> ``2024—2026年``)."""
    return _date_parts().sub(lambda m: str(date_numeral(m.group())), text)


def one_to_ten() -> str:
    """The numerals one to ten (一 … 十), in order: the numbers of ``（一）``-style headings."""
    values = {**digit_values("outline"), **power_values("outline")}
    return "".join(sorted((c for c, v in values.items() if 1 <= v <= 10), key=values.get))


def parse_number(num: str, mult: str | None = None) -> float | None:
    """Arabic or Chinese numeral (``八十``, ``二十``, ``1.5`` with 万, ``一万二千``, ``十二点五``) as a
    float; None if not a number (``百``: "hundreds of")."""
    if re.fullmatch(r"\d+(?:\.\d+)?", num):
        value = float(num)
    elif "万" in num or "亿" in num:  # 一万二千
        head, power, tail = re.split("([万亿])", num, maxsplit=1)
        high, low = parse_number(head), parse_number(tail, mult) if tail else 0.0
        if high is None or low is None:
            return None
        return high * (1e4 if power == "万" else 1e8) + low  # 一亿二千万: the 万 is the tail's
    else:
        whole, _, decimals = num.partition("点")  # 十二点五
        integer = chinese_numeral(whole)
        digits = [chinese_numeral(c) for c in decimals]
        if integer is None or None in digits:
            return None
        value = float(f"{integer}.{''.join(map(str, digits))}" if digits else integer)
    if mult == "万":
        value *= 1e4
    elif mult == "亿":
        value *= 1e8
    return value
