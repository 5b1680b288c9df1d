"""ipanalysis: Chinese local-government IP policy plans as tidy, traceable tables.

``load_corpus``, ``build_corpus``, ``build`` and ``write_tables`` are imported on first use, so
that ``ipanalysis --help`` and other light commands start without loading pandas.
"""

__all__ = ["Corpus", "BuildReport", "build", "build_corpus", "load_corpus", "write_tables"]
__version__ = "0.1.0"


def __getattr__(name):
    if name in __all__:
        from . import corpus

        return getattr(corpus, name)
    raise AttributeError(f"module 'ipanalysis' has no attribute {name!r}")
