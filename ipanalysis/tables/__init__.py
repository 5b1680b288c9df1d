"""The tables: their schema (:mod:`.schema`), the one atomic writer (:mod:`.atomic`), writing them
(:mod:`.write`), and loading them as a :class:`~.corpus.Corpus` (:mod:`.corpus`)."""

from .corpus import Corpus, load_corpus, read_arrow_tables
from .schema import TABLE_COLUMNS, TABLES
from .write import write_tables

__all__ = ["Corpus", "load_corpus", "read_arrow_tables", "write_tables", "TABLES", "TABLE_COLUMNS"]
