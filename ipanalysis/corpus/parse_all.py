"""Parsing the plans that need it: in worker processes, in this process, or through another engine."""

from __future__ import annotations

import os
import sys

from ..tables.schema import ParsedDocument
from .report import DocumentError

__all__ = ["start_parsing", "parse_job", "progress"]


def start_parsing(todo: list, jobs: int | None, beside: bool = False):
    """``(outcomes, pool)``: an iterator over the parse results of ``todo``, and the pool (or None).

    With one plan to parse and ``beside`` (the caller has other work meanwhile, such as reading
    the previous tables), the plan is parsed in a forked worker when more than one core may be
    used; elsewhere (no fork: Windows, macOS) it is parsed in this process.
    """
    cores = jobs or os.cpu_count() or 1
    workers = max(1, min(cores, len(todo)))
    if not todo:
        return iter(()), None
    from concurrent.futures import ProcessPoolExecutor

    if workers > 1:
        pool = ProcessPoolExecutor(max_workers=workers)
        return pool.map(parse_job, todo, chunksize=max(1, len(todo) // (workers * 8))), pool
    if beside and cores > 1 and sys.platform.startswith("linux"):
        import multiprocessing

        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        return pool.map(parse_job, todo), pool
    return map(parse_job, todo), None


def parse_job(args: tuple[bytes, str, dict]) -> tuple[str, ParsedDocument | None, str | None]:
    from ..parse.document import parse_document  # imported in the worker: the build itself does not need it

    data, name, registry_row = args
    try:
        return name, parse_document(data, name, registry_row), None
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the build
        return name, None, _describe(exc)


def _describe(exc: Exception) -> str:
    text = str(exc) or exc.__class__.__name__
    if isinstance(exc, (DocumentError, ValueError)):
        return text
    return f"{exc.__class__.__name__}: {text}"


def progress(iterable, total: int, enabled: bool, desc: str):
    if not enabled:
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, total=total, desc=desc, unit="plan", file=sys.stderr)
