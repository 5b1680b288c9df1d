"""When a number in a plan speaks: of where things stand (a baseline: 截至2023年底…, 2023年，全市…,
a paragraph looking back), of a cited document's goals (《纲要》明确，…), or of what is to come
(到2026年, 力争, 目标, a year not before the plan's). Used by :mod:`.targets`."""

from __future__ import annotations

import re

from ..rules.literals import alternation
from ..rules.target_words import baseline_openers, quoting_words, retrospect_words

__all__ = ["is_baseline", "looks_ahead", "sentences_ahead"]

BASELINE_OPENERS = baseline_openers()
# 截至2023年底 / 截止到2023年6月 / 截至目前: where a baseline sentence says things stood
BASELINE_AT = re.compile(rf"(?:{alternation(BASELINE_OPENERS)})\s*(?:到|至)?\s*"
                         r"(?:((?:19|20)\d{2})\s*年\s*(?:(\d{1,2})\s*月)?|(目前|当前|现在))?")
# a sentence opening with a year (2017年，全市…): a baseline when the year is before the plan's
PAST_YEAR_HEAD = re.compile(r"^\s*((?:19|20)\d{2})\s*年(?:底|末|全年)?\s*(?:[,，为是]|(?=[全我本]))")
# a paragraph whose first clause looks back (过去一年，…; “十三五”以来，…): what it counts was achieved
RETROSPECT = re.compile(rf"^[^,，;；。]*(?:{alternation(retrospect_words())})[^,，;；。]*[,，]")
# a sentence that gives a cited document's goals (《纲要》明确，到2025年…): that plan's numbers, not this one's
QUOTED = re.compile(rf"^\s*《[^》]+》\s*(?:{alternation(quoting_words())})")
# what turns a sentence from where things stand to where they are to be: 到2026年, 力争, 目标
TARGET_TIME = re.compile(r"(?<![截止])(?:到|至)\s*(?:19|20)\d{2}\s*年|力争|(?<!为)目标")  # not 以…为目标
YEAR_ANY = re.compile(r"((?:19|20)\d{2})\s*年(?:\s*(\d{1,2})\s*月)?")
OPENS_WITH_TIME = re.compile(r"\s*(?:(?:到|至|力争到?)\s*)?(?:19|20)\d{2}\s*年|\s*力争")  # 到2025年底，…
SENTENCE, CITED = re.compile(r"[^。]+。?"), re.compile(r"《[^》]*》")


def is_baseline(text: str, start: int, comparator: str, as_of: tuple[int, int] | None = None) -> bool:
    """Whether the number at ``start`` states where things stand: its sentence says 截至/截止 before it
    (no 到2026年, 力争 or 目标 in between), and the number has no comparator or the date named is
    before ``as_of`` (the plan's ``(year, month)``) or is 目前; or the paragraph or the number's
    sentence opens looking back (``过去一年，…``, ``自2021年以来，…``) and does not turn to what is
    to come; or it gives a cited document's goals (``《纲要》明确，…``); or the paragraph, the sentence,
    its clause after ``；`` or the bracket the number stands in opens with a year before the plan's (``2017年，全市
    专利申请量为1126件`` in a plan of 2018, ``（2023年底为4.6件）``). ``截至2023年底，…达1.86万件``
    in a plan of 2024 is a baseline; ``截至2025年底，…达到2万件`` a target."""
    opened = text.rfind("。", 0, start) + 1
    head = text[opened:start]
    if _looks_back(text, start, as_of) or _looks_back(text[opened:], start - opened, as_of) or QUOTED.search(head):
        return True  # a look-back holds until the paragraph (or sentence) first speaks of what is to come
    clause = head[max(head.rfind(";"), head.rfind("；")) + 1:]  # …；2023年全市质押融资金额18.6亿元
    if any(_opens_with_past_year(h, as_of) for h in (text[:start], head, clause, _bracket_head(text, start))):
        return True
    found = list(BASELINE_AT.finditer(head))
    if not found:
        return False
    if _turns_to_target(head[found[-1].end():], as_of):
        return False
    if not comparator:
        return True
    year, month, now = found[-1].groups()
    if now:
        return True
    return bool(year and as_of) and (int(year), int(month) if month else 12) < as_of


def _looks_back(text: str, start: int, as_of: tuple[int, int] | None) -> bool:
    """Whether ``text`` opens looking back (``自2021年以来，…``) and does not turn to what is to come
    before ``start``."""
    return bool(RETROSPECT.match(text.lstrip())) and not looks_ahead(text[:start], as_of)


def _opens_with_past_year(head: str, as_of: tuple[int, int] | None) -> bool:
    """Whether ``head`` opens with a year before the plan's and does not turn to what is to come (a
    year's results listed after it, ``2024年，…：发明专利授权量2865件；…198件``, stay that year's)."""
    year = PAST_YEAR_HEAD.match(head)
    return bool(year and as_of) and (int(year[1]), 12) < as_of and not looks_ahead(head[year.end():], as_of)


def _bracket_head(text: str, start: int) -> str:
    """The text from the bracket the number at ``start`` stands in up to it (``（2023年底为4.6件）``)."""
    opened = max(text.rfind("(", 0, start), text.rfind("（", 0, start))
    closed = max(text.rfind(")", 0, start), text.rfind("）", 0, start))
    return text[opened + 1:start] if opened > closed else ""


def looks_ahead(text: str, as_of: tuple[int, int] | None) -> bool:
    """Whether ``text`` speaks of what is to come: 到2026年, 力争, 目标, or a year not before the plan's (a
    month of its year before the plan's month, 2024年3月 in a plan of April 2024, is past)."""
    return bool(TARGET_TIME.search(text)) or bool(as_of and any(
        (int(year), int(month) if month else 12) >= as_of for year, month in YEAR_ANY.findall(text)))


def sentences_ahead(text: str, as_of: tuple[int, int] | None) -> str:
    """The sentences of ``text`` that speak of what is to come (cited titles aside: 《纲要（2021—2035年）》),
    and all after one that opens with the time to come (``到2025年底，…。…提升至82分以上``)."""
    out, ahead = [], False
    for sentence in SENTENCE.findall(text):
        bare = CITED.sub("", sentence)
        looks = looks_ahead(bare, as_of)
        ahead = ahead or looks and bool(OPENS_WITH_TIME.match(bare))
        if ahead or looks:
            out.append(sentence)
    return "".join(out)


def _turns_to_target(between: str, as_of: tuple[int, int] | None) -> bool:
    """Whether the text between a baseline's date and a number turns to what is to come: 到2026年,
    力争, 目标, a new clause after ``;``, or a year not before the plan's (2025年底前突破…)."""
    return ";" in between or "；" in between or looks_ahead(between, as_of)
