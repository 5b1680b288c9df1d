"""Unit groups: where a paragraph says who does a task. Styles seen in the plans::

    (区司法局牵头,区委宣传部、区法院按职责分工负责)
    (市工商局牵头,市公安局、市知识产权局配合)
    〔责任单位:区市场监管局(知识产权局)牵头,区知识产权工作领导小组成员单位按职责分工负责〕
    (区金融局牵头,区发改委、区科技局按职责分工负责;2021年12月底前完成)
    …依法从严惩处。【牵头单位】市公安局【责任单位】市检察院【完成时限】长期坚持
    …。由市知识产权局牵头，市科技局配合。2026年底前完成。
    (六)开展…服务。由县商务局牵头，县贸促会等配合，建立…   (opening the task's sentence)
    1.市市场监管局、市科技局：实施…    1.【市科技局牵头，市教育局配合】推动…
    3.实施专利导航工程(牵头单位:A;配合单位:B)。围绕…   (after the item's heading)
    以上工作由区科技局牵头，区财政局配合。   (a line after the items it assigns)

A group is a top-level bracket at the end of a paragraph (or closing its short first sentence,
the item's heading) whose content starts with a label or contains a role word, a labelled run or
a 由… sentence closing it, or units printed before the task; :func:`.units.parse_unit_group`
splits its content into units with roles.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..rules.agencies import map_agency
from ..rules.organisations import (ends_like_organisation, ends_like_unit, is_collective, is_collective_name,
                                   mentions_organisation)
from ..rules.scores import without_score_notes
from ..rules.outline import REFERENCE, strip_number
from ..rules.roles import (UNIT_SEPARATORS, label_starts, match_label, mentions_role_word, opens_unit_list,
                           split_at_labels, split_joint, split_role_word, weak_label_runs)
from .deadlines import THIS_TASK, closing_deadline, looks_like_deadline
from .subjects import subject_unit_groups, with_subject_groups
from .units import CLOSE, OPEN, UnitGroup, split_leading_deadline, split_top_level

__all__ = ["UnitGroup", "find_unit_groups", "clear_unit_group_caches", "names_officials_only", "names_known_agencies",
           "opens_summary", "unit_heading", "only_unit_names"]

SENTENCE = re.compile(r"[^。]+(?:。|$)")
TRAILING_ALIAS = re.compile(r"[(（][^()（）]*[)）]$")
SUMMARY_OPENER = re.compile(r"^(?:以上|上述)(?:各项)?(?:工作|任务|措施)")  # 以上工作由…: the items above
TASK_OPENER = re.compile(rf"^(?:{THIS_TASK}|具体)")  # 具体由A负责…: this task
LEADING_UNITS = re.compile(r"^([^:：,，。;；]{2,80}?)[:：]")  # A、B：the task


def _closing_group(text: str, end: int) -> int | None:
    """Start of the bracket group that closes at ``text[end - 1]``, matched backwards.

    Matching from the closing bracket backwards keeps a stray opener earlier in the text (a
    damaged ``〔201564号`` citation) from swallowing the group.
    """
    depth = 0
    for i in range(end - 1, -1, -1):
        ch = text[i]
        if ch in CLOSE:
            depth += 1
        elif ch in OPEN:
            depth -= 1
            if depth == 0:
                return i
    return None


def names_officials_only(text: str) -> bool:
    """Whether ``text`` is labelled with the officials of a task and nothing else (``责任领导：
    区政府副区长``, ``联系人：林晓燕``): a line that names no unit, though no task text either."""
    runs = split_at_labels(text) if opens_unit_list(text) else []
    return bool(runs) and all(role == "leader" for role, _ in runs)


def _names_units(content: str) -> bool:
    """Whether every run after a label that prose also writes (牵头：, 责任单位为) opens with a unit (or
    is a deadline after a deadline label): ``责任部门为各项任务落实的主体`` does not; and the labels
    are not all of officials (``联系人：林晓燕``, ``责任人：…`` alone name no unit)."""
    if names_officials_only(content):
        return False
    for role, run in weak_label_runs(content):
        run = run.strip(" ，,；;。")
        if role == "deadline":
            if not looks_like_deadline(run):
                return False
        elif role != "leader" and not _opens_with_unit(run):
            return False
    return True


def _opens_with_unit(run: str) -> bool:
    """Whether the first name of a run (up to a separator) is a unit; an empty run (``主办：`` alone) names none."""
    first = next(iter(split_top_level(run, f"{UNIT_SEPARATORS},，;；")), "")
    return bool(first) and (mentions_organisation(first) or is_collective(first)
                            or ends_like_unit(TRAILING_ALIAS.sub("", first)))


def _looks_like_unit_group(content: str) -> bool:
    if _reads_as_units(content):
        return True
    deadline, rest = split_leading_deadline(content)  # （2024年6月底前完成；A牵头，B配合）
    return deadline is not None and _reads_as_units(rest)


def _reads_as_units(content: str) -> bool:
    if opens_unit_list(content):
        return _names_units(content)
    head = split_top_level(content, ";；")[0] if content else ""
    return bool(head) and mentions_role_word(head) and mentions_organisation(head)


def _trailing_labelled_run(paragraph: str) -> UnitGroup | None:
    """A labelled unit list that closes a paragraph without brackets, after its last sentence (and
    perhaps a space): ``…依法从严惩处。【牵头单位】市公安局【责任单位】市检察院【完成时限】长期坚持``."""
    for start in label_starts(paragraph):
        before = paragraph[:start].rstrip()  # 。 责任单位：… (a space before the label, as web pages print it)
        if not before or before[-1] not in "。;；" and paragraph[start] != "【":
            continue
        if sum(ch in OPEN for ch in before) > sum(ch in CLOSE for ch in before):
            continue  # inside a bracket the paragraph closes with (（落实单位：A；协同单位：B）)
        tail = paragraph[start:].rstrip(" 。.;；")
        if not all(opens_unit_list(part.strip()) for part in tail.split("。")) or not _names_units(tail):
            continue  # more sentences follow: not the closing list (…。完成时限为… is one)
        return UnitGroup(raw=paragraph[start:], content=tail, start=start, end=len(paragraph))
    return None


def _sentences(paragraph: str) -> list:
    return [m for m in SENTENCE.finditer(paragraph) if m.group().strip(" 。")]


def _assigns(clause: str) -> bool:
    """Whether a comma clause of a 由… sentence assigns: it ends with a role word and names an
    organisation (``市财政局配合``), so prose that merely opens with 由 is not read as units."""
    return bool(split_role_word(clause.strip())[1]) and mentions_organisation(clause)


def _trailing_assignment_sentence(paragraph: str) -> UnitGroup | None:
    """The sentence that closes a paragraph by assigning it, ``由A牵头，B、C配合。`` or ``B、C配合。``,
    with a deadline sentence after it if there is one (``2026年底前完成。``): every comma clause ends
    with a role word and names an organisation, so prose that merely opens with 由 is not read as
    units; without 由, the clauses are unit names and role words alone."""
    sentences = _sentences(paragraph)
    if not sentences:
        return None
    deadline = closing_deadline(paragraph)
    last = sentences[-2] if deadline else sentences[-1]
    sentence = last.group().strip(" 。")
    for opener in (SUMMARY_OPENER, TASK_OPENER, REFERENCE):  # 以上工作由…, 具体由…, 第(一)、(二)项任务由…
        sentence = opener.sub("", sentence, count=1)
    opened = sentence.startswith("由")
    sentence = sentence[1:] if opened else sentence
    clauses = split_top_level(sentence, ",，;；")
    if len(clauses) > 1 and looks_like_deadline(clauses[-1]):
        clauses = clauses[:-1]  # 由A牵头，B配合，2024年11月底前完成 (or ；长期坚持)
    if not all(_assigns(c) and (opened or only_unit_names(split_role_word(c.strip())[0])) for c in clauses):
        return None  # without 由, the sentence is units and role words alone (区财政局配合。)
    content = sentence + (f"，{deadline}" if deadline else "")
    return UnitGroup(raw=paragraph[last.start():], content=content, start=last.start(), end=len(paragraph))


def _opening_assignment(paragraph: str, sentences_read: int = 2) -> UnitGroup | None:
    """Units that open the sentence of the task (the first, or the second after a heading):
    ``(六)开展…服务。由县商务局牵头，县贸促会等配合，建立…机制。``: the comma clauses after 由 that
    each end with a role word and name an organisation, before the task's own clauses."""
    for sentence in _sentences(paragraph)[:sentences_read]:
        start = sentence.start() + len(sentence.group()) - len(sentence.group().lstrip())
        text = sentence.group().strip()
        if not text.startswith("由"):
            continue
        clauses = split_top_level(text[1:], ",，")
        taken = 0
        while taken < len(clauses) - 1 and _assigns(clauses[taken]):
            taken += 1
        if taken:
            content = "，".join(c.strip() for c in clauses[:taken])
            end = start + 1 + sum(len(c) + 1 for c in clauses[:taken]) - 1
            return UnitGroup(raw=paragraph[start:end], content=content, start=start, end=end)
    return None


def opens_summary(text: str) -> bool:
    """Whether a line assigns the items above it (``以上工作由A牵头，B配合。``)."""
    return bool(SUMMARY_OPENER.match(text)) and bool(find_unit_groups(text))


def only_unit_names(text: str) -> bool:
    """Whether ``text`` is nothing but a 、 list of unit names, each ending like an organisation
    (an alias in brackets after it allowed: 市市场监管局（市知识产权局）) or a collective."""
    depth = 0
    for ch in text:
        depth += (ch in OPEN) - (ch in CLOSE)
        if depth < 0:
            return False
    if depth:
        return False  # 发挥领导小组（以下简称：…: a colon inside a bracket
    names = [TRAILING_ALIAS.sub("", p.strip()) for p in split_top_level(text, UNIT_SEPARATORS)]
    return all(ends_like_organisation(name) or is_collective_name(name) for name in names)


def unit_heading(paragraph: str, max_len: int = 60, known: bool = True) -> UnitGroup | None:
    """A numbered heading that is nothing but the names of known agencies (``data/agencies.csv``),
    ``（一）区市场监管局（区知识产权局）`` or ``（五）区科技局、区经信局``: a plan organised by department
    gives those units every task below it. With ``known=False``, names that end like units do
    (for a heading among headings of known agencies: ``（六）区退役军人事务局``)."""
    text = strip_number(paragraph).strip(" 。")
    if text == paragraph.strip(" 。") or len(text) > max_len or re.search(r"[。,，;；:：]", text):
        return None
    if mentions_role_word(text) or not only_unit_names(text):
        return None
    if known and not names_known_agencies(text):
        return None  # 三、构建知识产权保护格局 ends like 局 but names no agency
    start = len(paragraph) - len(strip_number(paragraph))
    return UnitGroup(raw=text, content=text, start=start, end=start + len(text))


def names_known_agencies(units: str) -> bool:
    """Whether every unit of a list is an agency that ``data/agencies.csv`` knows."""
    return not any(map_agency(name)[3] == "unmapped" for name in split_top_level(units, UNIT_SEPARATORS))


def _leading_unit_group(paragraph: str) -> UnitGroup | None:
    """Units printed before the task they are given: ``1.【A牵头，B配合】推动…`` or ``1.A、B：实施…``
    (every 、 item names an organisation, no role word: all responsible). A short closing sentence
    that reads as a deadline (``2025年底前完成。``) is the group's deadline; the group spans the units."""
    text = strip_number(paragraph)
    offset = len(paragraph) - len(text)
    if text.startswith("【"):
        close = text.find("】")
        content = text[1:close] if close > 0 else ""
        if not content or match_label(text) or not _looks_like_unit_group(content):
            return None
        end = close + 1
    else:
        m = LEADING_UNITS.match(text)
        if not m or mentions_role_word(m[1]) or not only_unit_names(m[1]):
            return None
        content, end = m[1], m.end()
    deadline = closing_deadline(paragraph)
    return UnitGroup(raw=paragraph[offset:offset + end], content=content + (f"，{deadline}" if deadline else ""),
                     start=offset, end=offset + end)


def _heading_group(paragraph: str, max_len: int = 40) -> UnitGroup | None:
    """A unit bracket that closes the short first sentence of an item, its heading, before more
    sentences: ``3.实施专利导航工程(牵头单位:A;配合单位:B)。围绕…开展专利导航…``."""
    text = strip_number(paragraph)
    offset = len(paragraph) - len(text)
    end = text.find("。")
    if end <= 0 or text[end - 1] not in CLOSE or not text[end + 1:].strip():
        return None
    start = _closing_group(text, end)
    if not start or start > max_len or re.search(r"[,，;；]", text[:start]):
        return None
    content = text[start + 1:end - 1].strip()
    if not _looks_like_unit_group(content):
        return None
    return UnitGroup(raw=text[start:end], content=content, start=offset + start, end=offset + end)


SENTENCE_END = ("。", "；", ";")
INNER_BRACKET = re.compile(r"[(（]((?:[^()（）]|[(（][^()（）]*[)）])+)[)）]")  # one level of brackets inside


def _inner_role_brackets(paragraph: str, found: tuple[UnitGroup, ...]) -> tuple[UnitGroup, ...]:
    """Brackets inside a task's paragraph that hold units and role words alone (a deadline last), with
    more of the sentence after a comma or semicolon (``…机制（区司法局协助），提高…``, ``一是…（A负责，
    各街道配合）；二是…``) or after the sentence they close (``…秩序。（A、B按职责分工负责）组织开展…``)."""
    groups = []
    for m in INNER_BRACKET.finditer(paragraph):
        if any(g.start <= m.start() < g.end for g in found) or not mentions_role_word(m[1]) or not (
                paragraph.startswith(("，", ",", "；", ";"), m.end()) or paragraph.endswith(SENTENCE_END, 0, m.start())):
            continue  # inside a sentence that goes on after it
        clauses = split_top_level(m[1].strip(), ",，")
        if len(clauses) > 1 and looks_like_deadline(clauses[-1]):
            clauses = clauses[:-1]  # （区委金融办负责，区财政局配合，2025年12月底前完成）
        if all(_names_with_role(clause) for clause in clauses):
            groups.append(UnitGroup(raw=m[0], content=m[1].strip(), start=m.start(), end=m.end()))
    return tuple(groups)


def _names_with_role(clause: str) -> bool:
    """Whether a clause is unit names and a role word alone (``各街道配合``, ``A会同B负责``)."""
    name, role = split_role_word(clause.strip())
    joint = split_joint(name) if role else None
    return bool(role) and all(only_unit_names(part) for part in ((joint[0], joint[2]) if joint else (name,)))


def find_unit_groups(paragraph: str) -> tuple[UnitGroup, ...]:
    """The unit groups of one paragraph: the bracket group that ends it (trailing punctuation aside),
    the labelled list that closes it, or the whole paragraph when it is a labelled unit line
    (``牵头单位:…;配合单位:…``); and brackets inside it that hold units and a role word alone; else the
    units that are the subjects of its clauses, where they are read (:func:`.subjects.with_subject_groups`)."""
    return with_subject_groups(paragraph, _marked_unit_groups(paragraph))


def clear_unit_group_caches() -> None:
    """Forget the paragraphs read (the caches keep one plan's paragraphs)."""
    _marked_unit_groups.cache_clear()
    subject_unit_groups.cache_clear()


@lru_cache(maxsize=1024)  # the outline, the units and the coding each read a plan's paragraphs
def _marked_unit_groups(paragraph: str) -> tuple[UnitGroup, ...]:
    paragraph = without_score_notes(paragraph)  # …（牵头单位：A）（12分）: the units close the task
    found = _closing_unit_group(paragraph)
    return found + _inner_role_brackets(paragraph, found)


def _closing_unit_group(paragraph: str) -> tuple[UnitGroup, ...]:
    if opens_unit_list(paragraph) and _names_units(paragraph):
        return (UnitGroup(raw=paragraph, content=paragraph.rstrip(" 。.;；"), start=0, end=len(paragraph)),)
    end = len(paragraph.rstrip(" 。.;；,，"))
    if end == 0:
        return ()
    start = _closing_group(paragraph, end) if paragraph[end - 1] in CLOSE else None
    if start is None:
        return _unbracketed_group(paragraph) if paragraph[end - 1] not in CLOSE else ()
    raw = paragraph[start:end]
    content = raw[1:-1].strip()
    if not _looks_like_unit_group(content):
        run = _trailing_labelled_run(paragraph) or _heading_group(paragraph)
        return (run,) if run else ()
    return (UnitGroup(raw=raw, content=content, start=start, end=end),)


def _unbracketed_group(paragraph: str) -> tuple[UnitGroup, ...]:
    """The units of a paragraph that no bracket closes: a labelled run or a 由… sentence closing it,
    units before the task, a bracket after its heading, a 由… clause opening the task."""
    labelled = _trailing_labelled_run(paragraph)
    if labelled and all(role == "deadline" for role, _ in split_at_labels(labelled.content)):
        labelled = _trailing_assignment_sentence(paragraph) or labelled  # 区司法局抓总…。完成时限为…。
    run = (labelled or _trailing_assignment_sentence(paragraph)
           or _leading_unit_group(paragraph) or _heading_group(paragraph) or _opening_assignment(paragraph))
    return (run,) if run else ()
