"""Chinese word segmentation with jieba, the project's IP user dictionary and stopword list.

Two engines give the same tokens: ``rjieba`` (the jieba-rs binding: about 5 M characters/s after a
0.1 s start) when it is installed, else ``jieba`` itself (about 0.3 M characters/s after a 0.6-0.9 s
dictionary load). The one difference, a run of numbers joined by hyphens (``2021-2025``: one token
in rjieba, three in jieba), never reaches :func:`content_tokens`, which drops numbers; the test
suite checks that both engines give identical content tokens on every seed measure. Set
``IPANALYSIS_TOKENIZER=jieba`` to force jieba. The dictionary is loaded once per process; jieba's
cache file lives in the project's cache folder and its log messages are silenced.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from itertools import accumulate

from ..config import cache_dir, tokenizer_engine as engine  # the choice of segmenter lives in config
from ..rules.datafiles import data_path, read_lines
from ..rules.organisations import is_agency_word

__all__ = ["engine", "tokenizer", "segment", "tokenize", "token_spans", "token_starts", "content_tokens",
           "is_content_word", "stopwords"]

NOT_WORD = re.compile(r"^[\W\d_a-zA-Z]+$")


def _userdict_entries():
    for line in read_lines("userdict.txt"):
        parts = line.split()
        yield parts[0], (int(parts[1]) if len(parts) > 1 else None), (parts[2] if len(parts) > 2 else None)


@lru_cache(maxsize=1)
def _rjieba():
    """rjieba's process-wide tokenizer (built at import) with the project's user dictionary added."""
    import rjieba

    for word, freq, tag in _userdict_entries():
        rjieba.add_word(word, freq, tag)
    return rjieba


@lru_cache(maxsize=1)
def tokenizer():
    """A jieba tokenizer with the project's user dictionary (created once per process)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba_logger = getattr(jieba, "default_logger", None)
    if jieba_logger is not None:
        jieba_logger.setLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.tmp_dir = str(cache_dir())
    tk.cache_file = "jieba.cache"
    with data_path("userdict.txt").open("rb") as fh:
        tk.load_userdict(fh)
    return tk


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(read_lines("stopwords.txt"))


def segment(text: str, engine_name: str | None = None) -> list[str]:
    """All tokens of ``text`` (jieba's accurate mode, HMM on), whitespace dropped."""
    return [token for token, _ in token_spans(text, engine_name)]


def token_spans(text: str, engine_name: str | None = None) -> tuple[tuple[str, int], ...]:
    """``(token, start offset)`` of every token of :func:`segment`, in text order."""
    tokens = tokenize(text, engine_name)
    return tuple((token, start) for token, start in zip(tokens, token_starts(text, tokens)) if token.strip())


def token_starts(text: str, tokens: list[str]) -> list[int]:
    """The offset in ``text`` of each of its ``tokens``, then ``len(text)``."""
    starts = list(accumulate(map(len, tokens), initial=0))
    if starts[-1] == len(text):  # the tokens cover the text, as jieba's do: offsets are running sums
        return starts
    starts, pos = [], 0
    for token in tokens:
        pos = text.find(token, pos)
        starts.append(pos)
        pos += len(token)
    return [*starts, len(text)]


def tokenize(text: str, engine_name: str | None = None) -> list[str]:
    """The segmenter's tokens of ``text`` (jieba's accurate mode, HMM on), whitespace included
    (do not change the list: it is kept for the next call)."""
    return _tokens(text, engine_name or engine())


@lru_cache(maxsize=2)  # a measure's text is segmented for its coding, then for its tokens
def _tokens(text: str, engine_name: str) -> list[str]:
    return _rjieba().cut(text, True) if engine_name == "rjieba" else tokenizer().lcut(text, HMM=True)


def content_tokens(text: str, engine_name: str | None = None) -> list[str]:
    """Tokens for topic models and keyness: no stopwords, units, numbers, punctuation or single characters."""
    return list(filter(is_content_word, tokenize(text, engine_name)))


@lru_cache(maxsize=65536)
def is_content_word(token: str) -> bool:
    """Whether a token is kept by :func:`content_tokens` (decided once per distinct token)."""
    return len(token) > 1 and token not in stopwords() and not NOT_WORD.match(token) and not is_agency_word(token)
