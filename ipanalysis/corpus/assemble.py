"""Assembling the plans' rows into one Arrow table per table, taking over unchanged plans' rows as
slices of the previous tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..tables.schema import TABLE_COLUMNS, TABLES, columns_to_arrow

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["assemble"]


def assemble(parsed_documents, previous=None, reused_ids=frozenset(), doc_order=None, previous_runs=None):
    """One Arrow table per table, and the number of rows of each document in each (TABLES order).

    The tables hold the rows of ``parsed_documents`` and, for the documents in ``reused_ids``,
    their rows in the ``previous`` tables, located by ``previous_runs`` (table -> doc_id -> row
    ranges). Rows are ordered by ``doc_order`` (the documents in file-name order) and, within a
    document, as parsed, so an incremental build gives the same tables as a full one. Previous rows
    are taken over as slices (no copy) of the previous tables, whose schema the new rows follow.
    """
    parsed_documents = list(parsed_documents)
    order = doc_order if doc_order is not None else [p.doc_id for p in parsed_documents]
    counts: dict[str, list[int]] = {doc_id: [] for doc_id in order}
    tables = {}
    for name in TABLES:
        columns = {c: [] for c in TABLE_COLUMNS[name]}
        ranges: dict[str, list[tuple[int, int]]] = {}
        n_rows = 0
        for parsed in parsed_documents:
            block = parsed.columns.get(name) or {}
            size = len(next(iter(block.values()), ()))
            for column, values in block.items():
                columns[column].extend(values)
            ranges.setdefault(parsed.doc_id, []).append((n_rows, n_rows + size))
            n_rows += size
        old = previous.get(name) if previous is not None and reused_ids else None
        fresh = columns_to_arrow(name, columns, old.schema if old is not None else None)
        del columns  # free the lists as soon as the table holds the data
        runs = {}
        if old is None or doc_order is None:
            tables[name] = fresh
        else:
            runs = previous_runs[name]
            tables[name] = _interleave(doc_order, reused_ids, (old, runs), (fresh, ranges))
        for doc_id in order:
            spans = runs.get(doc_id, ()) if doc_id in reused_ids else ranges.get(doc_id, ())
            counts[doc_id].append(sum(stop - start for start, stop in spans))
    return tables, counts


def _interleave(doc_order, reused_ids, old, fresh) -> pa.Table:
    """The rows of each document, in ``doc_order``: reused ones from ``old``, others from ``fresh``.

    ``old`` and ``fresh`` are ``(table, row ranges by doc_id)``; neighbouring ranges of the same
    table are merged, so unchanged stretches of the previous table stay one slice.
    """
    import pyarrow as pa

    pieces: list[list] = []  # [source index, start, stop]
    sources = (old, fresh)
    for doc_id in doc_order:
        index = 0 if doc_id in reused_ids else 1
        for start, stop in sources[index][1].get(doc_id, ()):
            if pieces and pieces[-1][0] == index and pieces[-1][2] == start:
                pieces[-1][2] = stop
            else:
                pieces.append([index, start, stop])
    if not pieces:
        return fresh[0].slice(0, 0)
    return pa.concat_tables([sources[i][0].slice(start, stop - start) for i, start, stop in pieces])
