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

Declared phrases (``data/coding_phrases.txt``, :func:`ipanalysis.rules.lexicon.apply_phrases`) have
only the boundaries they declare: ``人才链`` none (it is no mention of talent), ``宣传 周`` one (the
dictionary word 宣传周, which divides off a single character, still mentions publicity). Exclusion
contexts (``data/coding_exclusions.csv``) then remove the hits a context makes no code
(:func:`ipanalysis.rules.lexicon.excluded`).
"""

from __future__ import annotations

from functools import lru_cache

from ..rules.lexicon import SCOPES, apply_phrases, excluded, term_index
from .tokens import _rjieba, engine, token_spans, tokenizer

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
def _inner_boundaries(token: str, engine_name: str) -> tuple[int, ...]:
    if len(token) < 3:
        return ()
    if not is_word(token, engine_name):
        return tuple(range(1, len(token)))
    return _divisions(token, engine_name) or ()


def word_boundaries(text: str, engine_name: str | None = None) -> frozenset[int]:
    """Offsets in ``text`` where a word begins or ends (see the module docstring); the same with
    either tokenizer engine."""
    engine_name = engine_name or engine()
    bounds = [0, len(text)]
    for token, start in token_spans(text, engine_name):
        size = len(token)
        bounds += (start, start + size)
        if size > 2:  # shorter tokens have no inner boundary
            inner = _inner_boundaries(token, engine_name)
            if inner:
                bounds.extend(start + k for k in inner)
    return apply_phrases(text, set(bounds))


def find_terms(text: str, boundaries: frozenset[int] | None = None) -> dict[str, list[Hit]]:
    """The coding terms ``text`` contains as words, outside their exclusion contexts, in text order,
    by scope: ``stage`` (theme terms) and ``instrument`` (instrument terms); ``boundaries`` are
    :func:`word_boundaries` of ``text``, when the caller has them."""
    _, lengths = term_index()
    scopes_of = _term_scopes()
    bounds = word_boundaries(text) if boundaries is None else boundaries
    found = {scope: [] for scope in SCOPES}
    sizes_at = lengths.get
    for start in sorted(bounds):
        sizes = sizes_at(text[start:start + 2])
        if sizes is None:
            continue
        for size in sizes:
            end = start + size
            if end in bounds:
                term = text[start:end]
                for scope in scopes_of.get(term, ()):
                    found[scope].append((term, start, end))
    return {scope: excluded(text, hits, scope) for scope, hits in found.items()}


@lru_cache(maxsize=1)
def _term_scopes() -> dict[str, tuple[str, ...]]:
    """Every coding term -> the scopes it is a term of (``stage``, ``instrument``)."""
    owners, _ = term_index()
    return {term: tuple(dict.fromkeys(entry[0] for entry in entries)) for term, entries in owners.items()}
