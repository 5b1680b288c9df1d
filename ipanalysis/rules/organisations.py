"""Organisation names (``data/organisations.csv``) and collective units (``data/collectives.txt``).

One list of name endings serves three checks: whether a bracket names units at all
(:func:`mentions_organisation`), whether a signature or issuer line ends like an organisation
(:func:`ends_like_organisation`), and whether a word is an agency's name (:func:`is_agency_word`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .datafiles import read_lines, read_records

__all__ = ["endings", "organisation_ending_pattern", "mentions_organisation", "ends_like_organisation",
           "is_agency_word", "is_collective", "is_collective_name", "ends_like_unit"]

NAME_KINDS = ("agency", "body")  # kinds whose endings close the name of an issuing organisation
UNIT_KINDS = ("agency", "body", "place", "other")  # kinds whose endings say a text names a unit


@lru_cache(maxsize=None)
def endings(*kinds: str) -> tuple[str, ...]:
    """Name endings of the given kinds (all kinds when none are given), longest first."""
    rows = read_records("organisations.csv")
    chosen = [r["ending"] for r in rows if not kinds or r["kind"] in kinds]
    return tuple(sorted(chosen, key=len, reverse=True))


def organisation_ending_pattern(*kinds: str) -> str:
    """The endings as a regular-expression alternation (to embed in a larger pattern)."""
    return "|".join(map(re.escape, endings(*kinds)))


@lru_cache(maxsize=1)
def _anywhere() -> re.Pattern:
    return re.compile(organisation_ending_pattern(*UNIT_KINDS))


@lru_cache(maxsize=2)
def _end(collective: bool) -> re.Pattern:
    kinds = () if collective else (*UNIT_KINDS, "office")
    return re.compile(f"(?:{organisation_ending_pattern(*kinds)})$")


def ends_like_unit(name: str) -> bool:
    """Whether ``name`` ends like one unit: an organisation or a bureau's own office (知识产权促进科,
    执法支队)."""
    return bool(_end(False).search(name))


@lru_cache(maxsize=1)
def _name_end() -> re.Pattern:
    return re.compile(f"(?:{organisation_ending_pattern(*NAME_KINDS)})$")


@lru_cache(maxsize=1)
def _agency_word() -> re.Pattern:
    return re.compile(rf"^.{{1,8}}(?:{organisation_ending_pattern('agency')})$")


def mentions_organisation(text: str) -> bool:
    """Whether any organisation-name ending occurs in ``text`` (a unit bracket names units)."""
    return bool(_anywhere().search(text))


def ends_like_organisation(text: str) -> bool:
    """Whether ``text`` ends like the name of an issuing organisation (a signature line)."""
    return bool(_name_end().search(text))


def is_agency_word(token: str) -> bool:
    """Whether a word is an agency's name (up to eight characters and an agency ending)."""
    return bool(_agency_word().match(token))


GRASSROOTS_MARK = "^(?#grassroots)"  # opens the lines of collectives.txt naming kinds of grassroots body


@lru_cache(maxsize=2)
def _collective(grassroots: bool = False) -> re.Pattern:
    """The lines of ``data/collectives.txt`` as one pattern (with ``grassroots``: the marked ones)."""
    lines = [p for p in read_lines("collectives.txt") if not grassroots or p.startswith(GRASSROOTS_MARK)]
    return re.compile("|".join(f"(?:{p})" for p in lines))


def is_collective(unit: str) -> bool:
    """Whether a unit name stands for many bodies at once (各成员单位, 各镇(街道), parks ...)."""
    return bool(_collective().search(unit))


def is_collective_name(name: str) -> bool:
    """Whether ``name`` (without an alias in brackets after it) is all a collective unit's name: a
    collective that ends like a unit (各区县, 各有关部门), not prose after one (各成员单位要)."""
    return is_collective(name) and bool(_end(True).search(name))


def is_grassroots_collective(unit: str) -> bool:
    """Whether a unit name is a kind of grassroots body with no place or 各 of its own (街道办事处,
    乡镇人民政府, 社区): the lines of ``data/collectives.txt`` marked as such."""
    return bool(_collective(grassroots=True).match(unit))
