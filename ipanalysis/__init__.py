"""ipanalysis: Chinese local-government IP policy plans as tidy, traceable tables."""

from .corpus import BuildReport, Corpus, build, build_corpus, load_corpus, write_tables

__all__ = ["Corpus", "BuildReport", "build", "build_corpus", "load_corpus", "write_tables"]
__version__ = "0.1.0"
