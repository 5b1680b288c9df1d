"""Where the words of a measure begin and end, and which coding terms it contains as words.

A coding term (a theme or instrument term of :mod:`ipanalysis.rules.lexicon`) counts only where it
starts and ends on a word boundary of the measure, never inside another word: ``交易`` counts in
``撮合交易`` but not in ``中国小家电交易会``, ``外商`` counts in ``外商投资`` but not in ``境外商标``.

The boundaries are those of the measure's segmentation (:func:`ipanalysis.parse.tokens.segment`),
refined in two ways so that compound dictionary words still show the words they are made of:

- a dictionary word that divides into two words of two or more characters each, each in the
  dictionary or divisible in the same way, has a boundary between them (``知识产权|质押|融资``,
  ``商标|品牌``, ``严厉|打击``); one that only divides off a single character keeps it
  (``交易会``, ``战略性``, ``示范区``);
- a token the segmenter guessed (not in its dictionary) has a boundary at every character, as its
  division is unknown (``家中小微企业``, ``监督检查和``).

Declared phrases (``data/coding_phrases.txt``, :func:`ipanalysis.rules.lexicon.phrase_spans`) have
only the boundaries they declare: ``人才链`` none (it is no mention of talent), ``宣传 周`` one (the
dictionary word 宣传周, which divides off a single character, still mentions publicity). Exclusion
contexts (``data/coding_exclusions.csv``) then remove the hits a context makes no code
(:func:`ipanalysis.rules.lexicon.excluded`).

Reading a measure: an Aho–Corasick automaton of every coding term (``pyahocorasick``) finds each
place a term occurs, in one pass of compiled code; only those places are tested for boundaries.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from operator import add

from ..rules.lexicon import SCOPES, excluded, phrase_spans, term_index
from .tokens import _rjieba, engine, token_starts, tokenize, tokenizer

__all__ = ["is_word", "word_boundaries", "find_terms", "Hit"]

Hit = tuple[str, int, int]  # (term, start, end)


def is_word(text: str, engine_name: str | None = None) -> bool:
    """Whether ``text`` is a word of the segmenter's dictionary (the project's user dictionary included)."""
    if (engine_name or engine()) == "rjieba":
        return bool(_rjieba().has_word(text))
    return tokenizer().FREQ.get(text, 0) > 0


@lru_cache(maxsize=1 << 16)
def _divisions(token: str, engine_name: str) -> tuple[int, ...] | None:
    """Inner boundaries of a token made of dictionary words of ≥ 2 characters, else ``None``."""
    for cut in range(len(token) - 2, 1, -1):  # the longest first part that is a word
        left, right = token[:cut], token[cut:]
        if not is_word(left, engine_name):
            continue
        tail = () if is_word(right, engine_name) else _divisions(right, engine_name)
        if tail is not None:
            inner = _divisions(left, engine_name) or ()
            return (*inner, cut, *(cut + t for t in tail))
    return None


@lru_cache(maxsize=1 << 16)
def _inner_boundaries(token: str, engine_name: str) -> frozenset[int]:
    if len(token) < 3 or not token.strip():
        return frozenset()
    if not is_word(token, engine_name):
        return frozenset(range(1, len(token)))
    return frozenset(_divisions(token, engine_name) or ())


def boundary_test(text: str, engine_name: str | None = None) -> Callable[[int], bool]:
    """A test of whether an offset of ``text`` is a word boundary (see the module docstring)."""
    engine_name = engine_name or engine()
    tokens = tokenize(text, engine_name)
    starts = token_starts(text, tokens)
    edges = {0, *starts, *map(add, starts, map(len, tokens))}
    phrases = phrase_spans(text)

    def is_boundary(pos: int) -> bool:
        for start, end, inner in phrases:
            if start < pos < end:
                return pos - start in inner
        if pos in edges:
            return True
        index = bisect_right(starts, pos) - 1
        if index >= len(tokens):
            return False
        token = tokens[index]
        return pos - starts[index] in _inner_boundaries(token, engine_name)

    return is_boundary


def word_boundaries(text: str, engine_name: str | None = None) -> frozenset[int]:
    """Offsets in ``text`` where a word begins or ends (see the module docstring); the same with
    either tokenizer engine."""
    is_boundary = boundary_test(text, engine_name)
    return frozenset(pos for pos in range(len(text) + 1)
                     if is_boundary(pos) and not (0 < pos < len(text) and text[pos - 1:pos + 1].isspace()))


def find_terms(text: str) -> dict[str, list[Hit]]:
    """The coding terms ``text`` contains as words, outside their exclusion contexts, in text order
    (a shorter term first where two start at one place), by scope: ``stage`` (theme terms) and
    ``instrument`` (instrument terms)."""
    found = {scope: [] for scope in SCOPES}
    places = sorted((end + 1 - size, end + 1, term) for end, (term, size) in _automaton().iter(text))
    if not places:
        return found
    is_boundary = boundary_test(text)
    scopes_of = _term_scopes()
    for start, end, term in places:
        if is_boundary(start) and is_boundary(end):
            for scope in scopes_of[term]:
                found[scope].append((term, start, end))
    return {scope: excluded(text, hits, scope) for scope, hits in found.items()}


@lru_cache(maxsize=1)
def _automaton():
    """An Aho–Corasick automaton of every coding term, each giving ``(term, length)``."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for term in term_index():
        automaton.add_word(term, (term, len(term)))
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=1)
def _term_scopes() -> dict[str, tuple[str, ...]]:
    """Every coding term -> the scopes it is a term of (``stage``, ``instrument``)."""
    owners = term_index()
    return {term: tuple(dict.fromkeys(entry[0] for entry in entries)) for term, entries in owners.items()}
