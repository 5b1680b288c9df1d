"""Roles of responsible units (``data/roles.csv``): role words after units and list labels.

``A、B按职责分工负责``: the role word follows the units it applies to. ``牵头单位：A；配合单位：B``:
a label opens a list (in brackets, or on a line of its own under a task item); ``完成时限：…``
opens a deadline.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .datafiles import read_records
from .literals import alternation
from .organisations import UNIT_KINDS, ends_like_unit, mentions_organisation, organisation_ending_pattern

__all__ = ["ROLES", "UNIT_SEPARATORS", "role_words", "split_role_word", "split_role_before_work",
           "mentions_role_word", "match_label", "opens_unit_list", "label_pattern", "split_at_labels",
           "role_marker", "split_joint", "label_starts", "split_first_lead_note", "agent_word", "rest_role_note",
           "plan_first_lead_note", "is_division_heading", "strip_etc", "weak_label_runs", "clause_subject",
           "joint_partners", "subject_words"]


def _kind_alternation(kind: str) -> str:
    """One regular-expression alternation of the words of one kind of ``data/roles.csv``."""
    return alternation(text for text, _ in _entries(kind))


@lru_cache(maxsize=None)
def _entries(kind: str) -> tuple[tuple[str, str], ...]:
    return tuple((r["text"], r["role"]) for r in read_records("roles.csv") if r["kind"] == kind)


ROLES = ("lead", "responsible", "cooperating")  # a unit's roles, the strongest first
UNIT_SEPARATORS = "、/"  # between the units of a list (A、B; A/B as some web editors print it)
ROLE_AS = ("作为", "为")  # A为牵头单位, 由A作为牵头单位: a unit label after 为 is a role word


@lru_cache(maxsize=1)
def role_words() -> dict[str, str]:
    """Role word -> role (``牵头`` -> lead); with every unit label naming a kind of unit (…单位,
    …部门, …主体) after 为 or 作为 (``为牵头单位`` -> lead, ``为配合单位`` -> cooperating)."""
    labelled = {f"{as_}{label}": role for label, role in _unit_labels().items()
                if label.endswith(("单位", "部门", "主体")) for as_ in ROLE_AS}
    return {**labelled, **dict(_entries("word"))}


@lru_cache(maxsize=1)
def unit_task_part() -> re.Pattern:
    """One part of a unit's line in a 责任分工 by unit (``区科技局：牵头任务2、4；配合任务1、3、7—9。``): a
    role word, 任务 and the numbers of the tasks (group 1: the role word, group 2: the numbers)."""
    return re.compile(rf"({_kind_alternation('word')})\s*(?:第\s*)?任务\s*([^；;。]+?)\s*(?:项(?:任务)?)?\s*(?:[；;。]|$)")


def _unit_labels() -> dict[str, str]:
    return {text: role for text, role in _entries("label") if role not in ("deadline", "leader")}


@lru_cache(maxsize=1)
def _role_word_at_end() -> re.Pattern:
    """A role word closing a segment, with the manner words before it (区财政局按规定给予支持)."""
    manner = _kind_alternation("manner")
    return re.compile(f"(?:{manner})*({alternation(role_words())})$")


@lru_cache(maxsize=1)
def _role_word_anywhere() -> re.Pattern:
    return re.compile(alternation(role_words()))


def split_role_word(segment: str) -> tuple[str, str | None]:
    """``(units, role)`` of a segment that ends with a role word, else ``(segment, None)``; manner
    words between the units and the role word (积极参与, 给予支持) are no part of the units."""
    m = _role_word_at_end().search(segment)
    if not m:
        return segment, None
    return segment[: m.start()].strip(), role_words()[m.group(1)]


def split_role_before_work(segment: str) -> tuple[str, str | None]:
    """``(unit, role)`` of a segment in which a unit's role word is followed by the work it does
    (``区财政局协助落实补助资金``, ``县财政局负责资金保障``), else ``(segment, None)``."""
    for m in _role_word_anywhere().finditer(segment):
        name, work = segment[:m.start()].strip(), segment[m.end():]
        if name and work and ends_like_unit(name) and not mentions_organisation(work):
            return name, role_words()[m.group()]
    return segment, None


def mentions_role_word(text: str) -> bool:
    return bool(_role_word_anywhere().search(text))


# what ends a label: a colon, or 为 after a label ending in 单位/部门/时限/时间 (责任单位为A、B。)
LABEL_END = r"\s*(?:[:：]|(?<=单位|部门|时限|时间)为)"


def label_pattern(words: str) -> re.Pattern:
    """A label at the start of a text: ``牵头单位：``, ``牵头单位为`` or ``【牵头单位】`` (colon
    optional there)."""
    return re.compile(rf"^(?:【\s*(?:{words})\s*】\s*[:：]?|(?:{words}){LABEL_END})\s*")


@lru_cache(maxsize=1)
def _labels() -> tuple[tuple[re.Pattern, str], ...]:
    """One pattern per role, in the order lead, cooperating, responsible, deadline, leader."""
    order = ("lead", "cooperating", "responsible", "deadline", "leader")
    by_role = {role: [text for text, r in _entries("label") if r == role] for role in order}
    return tuple((label_pattern(alternation(by_role[role])), role) for role in order if by_role[role])


@lru_cache(maxsize=1)
def _any_label() -> re.Pattern:
    return label_pattern(_kind_alternation("label"))


def match_label(text: str) -> tuple[str, int] | None:
    """``(role or 'deadline' or 'leader', end of the label)`` when ``text`` opens with a label."""
    for pattern, role in _labels():
        m = pattern.match(text)
        if m:
            return role, m.end()
    return None


@lru_cache(maxsize=1)
def _division_heading() -> re.Pattern:
    return re.compile(rf"^(?:{_kind_alternation('division')})?\s*[。.:：]?\s*$")


def is_division_heading(text: str) -> bool:
    """Whether ``text``, what an item says besides its units, is no more than a heading of the
    division of labour (``责任分工。``, ``职责分工：``, nothing): the item only assigns."""
    return bool(_division_heading().match(text.strip()))


def opens_unit_list(text: str) -> bool:
    """Whether ``text`` opens with any label (a unit list or a deadline)."""
    return bool(_any_label().match(text))


@lru_cache(maxsize=1)
def _label_anywhere() -> re.Pattern:
    words = _kind_alternation("label")
    # a label opens the text or follows a separator (、 too: a cell's space-separated runs are joined
    # by 、), or the colon of a label before it (a 责任单位 column whose cells label their roles:
    # 责任单位：牵头：A、配合：B)
    return re.compile(rf"【\s*(?:{words})\s*】\s*[:：]?|(?<![^，,；;。、:：\s])(?:{words}){LABEL_END}")


def weak_label_runs(text: str) -> list[tuple[str | None, str]]:
    """``(role, text after it)`` for each label of ``text`` that prose also writes: a short one
    (牵头：, 责任：) or one ending in 为 (牵头单位为第一责任主体 is no unit list)."""
    matches = list(_label_anywhere().finditer(text))
    runs = []
    for k, m in enumerate(matches):
        word = m.group(0).strip(" 【】:：")
        if word.endswith("为") or len(word) <= 2:
            end = matches[k + 1].start() if k + 1 < len(matches) else len(text)
            label = match_label(m.group(0).lstrip())
            runs.append((label[0] if label else None, text[m.end():end]))
    return runs


def split_at_labels(text: str) -> list[tuple[str | None, str]]:
    """``(role or 'deadline' or None, text)`` for the runs of a unit list, split before each label.

    ``牵头单位：A，配合单位：B、C`` -> ``[('lead', 'A'), ('cooperating', 'B、C')]``;
    ``【牵头单位】A【完成时限】长期坚持`` likewise; text before the first label has no label.
    """
    runs: list[tuple[str | None, str]] = []
    last_end, last_role = 0, None
    for m in _label_anywhere().finditer(text):
        head = text[last_end:m.start()].strip(" ，,；;。")
        if head or last_role is not None:
            runs.append((last_role, head))
        label = match_label(m.group(0).lstrip())
        last_role, last_end = (label[0] if label else None), m.end()
    tail = text[last_end:].strip(" ，,；;。")
    if tail or last_role is not None:
        runs.append((last_role, tail))
    return runs


@lru_cache(maxsize=1)
def _marker() -> re.Pattern:
    words = alternation(list(role_words()) + list(_unit_labels()))
    marks = _kind_alternation("mark")
    return re.compile(rf"[(（]\s*({words})\s*[)）]$|\s*({marks})$")


@lru_cache(maxsize=1)
def _leader_note() -> re.Pattern:
    leaders = alternation(text for text, role in _entries("label") if role == "leader")
    return re.compile(rf"\s*[(（]\s*(?:{leaders})\s*[:：][^()（）]*[)）]\s*$")


def without_leader_note(unit: str) -> str:
    """A unit's name without the note after it of the official or contact answerable for it
    (``区商务局（联系人：孙XX 13XXXXXXXXX）``: 区商务局)."""
    return _leader_note().sub("", unit) if "(" in unit or "（" in unit else unit


def role_marker(unit: str) -> tuple[str, str | None]:
    """``(unit, role)`` of a unit followed by a role in brackets or a mark: ``市中院（牵头）`` -> lead,
    ``区科技局*`` -> lead (``（注：标*的为牵头单位）``)."""
    m = _marker().search(unit)
    if not m:
        return unit, None
    if m.group(2):
        return unit[: m.start()].strip(), dict(_entries("mark"))[m.group(2)]
    word = m.group(1)
    return unit[: m.start()].strip(), role_words().get(word) or _unit_labels().get(word)


@lru_cache(maxsize=1)
def _etc_at_end() -> re.Pattern:
    return re.compile(rf"(?:{_kind_alternation('etc')})$")


@lru_cache(maxsize=1)
def _agent_at_start() -> re.Pattern:
    return re.compile(rf"^(?:{_kind_alternation('agent')})(?=\S{{2}})")


def agent_word(text: str) -> str:
    """The word before the units that do a task (``由``A牵头, ``商请``A配合), else ``""``."""
    m = _agent_at_start().match(text)
    return m.group() if m else ""


def strip_etc(unit: str) -> str:
    """A unit name without the words that leave its list open: ``县文化和旅游局等部门`` -> ``县文化和旅游局``."""
    return _etc_at_end().sub("", unit).strip() or unit


def split_joint(text: str) -> tuple[str, str, str] | None:
    """``(units before, role of those, units after)`` of ``A会同B``; None without a joint word."""
    for word, role in _entries("joint"):
        before, sep, after = text.partition(word)
        if sep and before and after:
            return before, role, after
    return None


def label_starts(text: str) -> list[int]:
    """Where each label of a unit list or deadline starts in ``text``."""
    return [m.start() for m in _label_anywhere().finditer(text)]


@lru_cache(maxsize=1)
def _rest_note() -> str:
    """``其余为配合单位``: what the units after a list's first are, the label's role in a group."""
    labels = alternation(label for label, role in _unit_labels().items() if len(label) > 2)
    return rf"(?:其余|其他)的?(?:单位|部门|科室|处室)?为(?P<rest>{labels})"


@lru_cache(maxsize=1)
def _first_lead_note() -> re.Pattern:
    words = _kind_alternation("first_lead")
    return re.compile(rf"[(（]\s*(?:{words})\s*(?:[,，;；]\s*{_rest_note()}\s*)?[)）]")


def split_first_lead_note(text: str) -> tuple[str, bool, str | None]:
    """``(text without the note, whether it had one, the role of the other units or None)``: a note
    such as ``（列第一位的为牵头单位）`` makes the first unit of the list the lead; one that goes on
    ``，其余为配合单位`` makes the others cooperating."""
    m = _first_lead_note().search(text)
    if not m:
        return text, False, None
    rest = _unit_labels()[m["rest"]] if m["rest"] else None
    return text[:m.start()] + text[m.end():], True, rest


def rest_role_note(text: str) -> str | None:
    """The role a plan's note gives the units after the first of a marked list (``注：…排在第一位的为
    牵头科室，其余为配合科室`` -> cooperating), None when it has no such note."""
    m = re.search(rf"第一(?:位|个)的?为牵头\S{{0,3}}[,，;；]\s*{_rest_note()}", text)
    return _unit_labels()[m["rest"]] if m else None


@lru_cache(maxsize=1)
def _plan_first_lead_note() -> re.Pattern:
    words = _kind_alternation("first_lead")
    return re.compile(rf"(?:责任单位|各项任务|各项工作)(?:中|栏)?[,，]?\s*(?:{words})(?:\s*[,，;；]\s*{_rest_note()})?")


def plan_first_lead_note(text: str) -> tuple[bool, str | None]:
    """``(whether a plan's note makes the first unit of every list of responsible units the lead,
    the role it gives the others or None)``: ``注：各项任务责任单位中，列第一位的为牵头单位，其余为配合
    单位`` -> ``(True, 'cooperating')``, ``（各项任务中排在第一位的为牵头单位）`` -> ``(True, None)``. A note on
    marked lists only (``标注“（第一个为牵头科室）”的``) or on lists of leads (``有多个牵头单位的，列第一位的
    为主要牵头单位``) is none."""
    m = _plan_first_lead_note().search(text)
    return (True, _unit_labels()[m["rest"]] if m["rest"] else None) if m else (False, None)


def _unit_list_pattern() -> str:
    """A list of unit names (separated by 、 or /), each ending like a unit (an alias in brackets
    after it allowed)."""
    separator = f"[{re.escape(UNIT_SEPARATORS)}]"
    unit = (rf"[^，,。；;:：\s()（）{re.escape(UNIT_SEPARATORS)}]{{1,20}}?(?:{organisation_ending_pattern(*UNIT_KINDS)})"
            r"(?:[(（][^()（）]{1,12}[)）])?")
    return rf"(?:{unit})(?:{separator}(?:{unit}))*"


@lru_cache(maxsize=1)
def _clause_subject() -> re.Pattern:
    manner = _kind_alternation("manner")
    words = alternation([*(w for w, _ in _entries("subject")), *role_words(), *(w for w, _ in _entries("joint"))])
    return re.compile(rf"^({_unit_list_pattern()})((?:{manner})*(?:{words}))")


@lru_cache(maxsize=1)
def _joint_partners() -> re.Pattern:
    joint = _kind_alternation("joint")
    return re.compile(rf"^({joint})({_unit_list_pattern()})")


def clause_subject(clause: str) -> tuple[str, str, str] | None:
    """``(units, word, rest)`` of a clause of a task's prose that opens with the units that are its
    subject, followed by a subject word (``县委宣传部每年组织…``: responsible), a role word
    (``县科技局负责…``, ``县财政局给予资金支持``) or a joint word (``县金融办会同A、B…``); else None."""
    m = _clause_subject().match(clause)
    return (m[1], m[2], clause[m.end():]) if m else None


def joint_partners(text: str) -> tuple[str, str] | None:
    """``(joint word, units)`` of a text opening with a joint word and a unit list (``会同A、B，…``)."""
    m = _joint_partners().match(text)
    return (m[1], m[2]) if m else None


@lru_cache(maxsize=1)
def subject_words() -> frozenset[str]:
    """Words after clause-opening units that make them its subject, responsible (要, 每年 …)."""
    return frozenset(w for w, _ in _entries("subject"))
