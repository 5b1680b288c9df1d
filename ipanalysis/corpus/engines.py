"""Where the plans are parsed: a local process pool (the default) or a Dask bag.

Parsing is the only part of a build whose cost grows with the corpus, and each plan parses on its
own (``parse_document`` is a pure function of one file). :func:`dask_map` hands that step to Dask:
on a cluster when a ``dask.distributed`` Client is active (or ``scheduler`` names one), else on
Dask's local scheduler. Everything else (the cache, taking over unchanged plans, duplicates,
overrides, writing the tables) stays in the process that runs the build, so the tables are the
same, byte for byte, as a local build's (tested).

    from ipanalysis import build
    from ipanalysis.engines import dask_map

    build("data/raw", "data/processed", parse_map=dask_map())

Dask is an optional dependency: ``pip install -e '.[cluster]'`` (``dask[bag]``; add
``distributed`` for a cluster).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

ParseMap = Callable[[Callable, list], Iterable]


def dask_map(npartitions: int | None = None, scheduler: str | None = None) -> ParseMap:
    """A ``parse_map`` for :func:`ipanalysis.build` that parses the plans as a Dask bag.

    ``npartitions`` defaults to one per 20 plans (at most 256); ``scheduler`` is passed to
    ``compute`` (``"processes"``, ``"threads"``, ``"sync"``, or None for Dask's default: the active
    distributed Client if there is one).
    """

    def parse_map(function: Callable, items: list) -> list:
        try:
            import dask.bag as db
        except ImportError:
            raise ImportError("parsing on Dask needs the 'dask[bag]' package: pip install -e '.[cluster]'") from None
        items = list(items)
        if not items:
            return []
        parts = npartitions or max(1, min(256, len(items) // 20))
        return db.from_sequence(items, npartitions=parts).map(function).compute(scheduler=scheduler)

    return parse_map


def connect(address: str):
    """A ``dask.distributed`` Client for the scheduler at ``address`` (it becomes Dask's default)."""
    try:
        from dask.distributed import Client
    except ImportError:
        raise ImportError("a Dask cluster needs the 'distributed' package: pip install distributed") from None
    return Client(address)
