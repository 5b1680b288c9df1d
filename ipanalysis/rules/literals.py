"""The literal text a regular expression cannot match without: a cheap test before a costly search.

A context such as ``(?:^|(?<=[,、]))[^,、]{0,16}?(?:博览会|交易会)`` is tried by the regular
expression engine at every position of every measure; most measures contain none of the words it
ends in. :func:`required_literals` reads the pattern's structure and returns strings one of which
every match contains (here ``博览会``, ``交易会``), so that ``any(s in text for s in …)`` (a plain
substring search) can skip the regular expression where it cannot match. A pattern without such a
string (or with case-insensitive matching) gets none, and is always searched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

try:  # the standard library's own parser of regular expressions (``sre_parse`` before 3.11)
    from re import _parser as _sre
except ImportError:  # pragma: no cover - a Python without it: no guard, every pattern is searched
    _sre = None

__all__ = ["required_literals", "may_match", "literal_guard", "alternation"]


def alternation(words) -> str:
    """One regular-expression alternation of literal words, the longest first (so that ``牵头负责`` is
    tried before ``牵头``)."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def required_literals(pattern: str | re.Pattern) -> tuple[str, ...]:
    """Strings of which every match of ``pattern`` (text, or compiled with its flags) contains at
    least one (the most selective such set found among the pattern's top-level literal runs and
    alternations of literals: the shortest string longest, then the fewest strings); ``()`` when
    none is found."""
    if _sre is None:
        return ()
    flags = 0
    if isinstance(pattern, re.Pattern):
        pattern, flags = pattern.pattern, pattern.flags
    try:
        parsed = _sre.parse(pattern, flags)
    except (re.error, RecursionError):
        return ()
    if parsed.state.flags & re.IGNORECASE:
        return ()
    choices = [c for c in _mandatory(parsed) if c and all(c)]
    return max(choices, key=lambda c: (min(map(len, c)), -len(c)), default=())  # longest, then fewest


def may_match(text: str, literals: tuple[str, ...]) -> bool:
    """Whether ``text`` contains one of ``literals`` (always, when there are none)."""
    return literal_guard(literals)(text) is not None


@lru_cache(maxsize=None)
def literal_guard(literals: tuple[str, ...]) -> Callable[[str], object]:
    """A test of a text, not ``None`` when the text contains one of ``literals`` (always, when there
    are none): one compiled search for all of them."""
    if not literals:
        return lambda text: True
    return re.compile("|".join(map(re.escape, literals))).search


def _mandatory(items) -> list[tuple[str, ...]]:
    """The alternatives of each piece that every match of the sequence ``items`` contains."""
    found, run = [], []
    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            found.append(("".join(run),))
            run = []
        if op is _sre.BRANCH:
            found.append(_literal_alternatives(av[1]))
        elif op is _sre.SUBPATTERN and not av[1] & re.IGNORECASE:
            found.extend(_mandatory(av[3]))
        elif op is _sre.ASSERT:  # a lookahead or lookbehind that must hold reads text that is there
            found.extend(_mandatory(av[1]))
    if run:
        found.append(("".join(run),))
    return found


def _literal_alternatives(branches) -> tuple[str, ...]:
    """The branches of an alternation as strings, when each is literal text; else ``()``."""
    out = []
    for branch in branches:
        if not branch or any(op is not _sre.LITERAL for op, _ in branch):
            return ()
        out.append("".join(chr(av) for _, av in branch))
    return tuple(out)
