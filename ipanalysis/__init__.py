"""ipanalysis: Chinese local-government IP policy plans as tidy, traceable tables.

The package reads as the data flow: :mod:`.rules` (the vocabularies) → :mod:`.parse` (one plan) →
:mod:`.corpus` (many plans: the build) → :mod:`.tables` (stored tables) → :mod:`.analysis` and :mod:`.figures`
(which read them). :mod:`.config` holds every default path.

``load_corpus``, ``build_corpus``, ``build`` and ``write_tables`` are imported on first use, so
that ``ipanalysis --help`` and other light commands start without loading pandas.
"""

__version__ = "0.2.0"

_API = {
    "Corpus": "tables.corpus",
    "load_corpus": "tables.corpus",
    "write_tables": "tables.write",
    "BuildReport": "corpus.report",
    "build": "corpus.pipeline",
    "build_corpus": "corpus.pipeline",
    "kwic": "analysis.coding",
}
__all__ = list(_API)


def __getattr__(name):
    if name in _API:
        from importlib import import_module

        return getattr(import_module(f".{_API[name]}", __name__), name)
    raise AttributeError(f"module 'ipanalysis' has no attribute {name!r}")
