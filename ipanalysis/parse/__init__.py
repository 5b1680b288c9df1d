"""One plan: read → normalise → metadata → outline → units → targets → themes → rows.

:func:`parse_document` (in :mod:`.document`) turns one file's bytes into its rows of every table.
"""

__all__ = ["ParsedDocument", "parse_document", "doc_id_from_name"]


def __getattr__(name: str):
    """:mod:`.document` is loaded when first asked for, so that importing one step (``parse.read``
    to check a file's format) does not load every other."""
    if name in __all__:
        from . import document

        return getattr(document, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
