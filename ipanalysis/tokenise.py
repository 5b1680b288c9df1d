"""Chinese word segmentation with jieba, the project's IP user dictionary and stopword list.

The dictionary is loaded once per process; jieba's own cache file lives in the project's cache
folder (see :func:`ipanalysis.paths.cache_dir`), and its log messages are silenced.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from .paths import cache_dir
from .resources import data_path, read_lines

__all__ = ["tokenizer", "segment", "content_tokens", "stopwords"]

UNIT_WORD = re.compile(r"^.{1,8}(局|委|办|院|部|厅|分局|分行|海关|管委会)$")
NOT_WORD = re.compile(r"^[\W\d_a-zA-Z]+$")


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


def segment(text: str) -> list[str]:
    """All jieba tokens of ``text`` (accurate mode, HMM on), whitespace dropped."""
    return [t for t in tokenizer().lcut(text, HMM=True) if t.strip()]


def content_tokens(text: str) -> list[str]:
    """Tokens for topic models and keyness: no stopwords, units, numbers, punctuation or single characters."""
    stop = stopwords()
    return [
        t for t in segment(text)
        if len(t) > 1 and t not in stop and not NOT_WORD.match(t) and not UNIT_WORD.match(t)
    ]
