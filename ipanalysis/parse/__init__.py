"""One plan: read → normalise → metadata → outline → units → targets → themes → rows.

:func:`parse_document` (in :mod:`.document`) turns one file's bytes into its rows of every table.
"""

from .document import ParsedDocument, doc_id_from_name, parse_document

__all__ = ["ParsedDocument", "parse_document", "doc_id_from_name"]
