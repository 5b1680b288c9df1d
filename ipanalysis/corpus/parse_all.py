"""Parsing the plans that need it: in worker processes, in this process, or through another engine."""

from __future__ import annotations

import os
import sys

from ..tables.schema import ParsedDocument
from .report import DocumentError

__all__ = ["start_parsing", "parse_outcomes", "parse_job", "progress", "watch_parent"]

# plans handed to a worker at a time: small enough that the workers finish within about a tenth of
# a second of each other (at 5,000 plans a chunk was 312 plans: about 4 s of parsing, one core idle)
MAX_CHUNK = 16
WORKER_DIED = ("the process parsing it stopped (killed, or out of memory) twice; the other plans were built")


def watch_parent(parent_pid: int) -> None:
    """Run in each worker: end it when the build that started it ends (killed by SIGKILL or an
    out-of-memory killer), so that no worker is left blocked on a pipe. On Linux the kernel sends
    SIGTERM at the parent's death; everywhere a thread checks the parent once a second."""
    import threading
    import time

    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass

    def exit_when_orphaned():
        while True:
            time.sleep(1.0)
            if os.getppid() != parent_pid:
                os._exit(3)

    threading.Thread(target=exit_when_orphaned, daemon=True).start()


def _pool(workers: int, context=None):
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=watch_parent,
                               initargs=(os.getpid(),))


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
    if workers > 1:
        pool = _pool(workers)
        return pool.map(parse_job, todo, chunksize=max(1, min(MAX_CHUNK, len(todo) // (workers * 8)))), pool
    if beside and cores > 1 and sys.platform.startswith("linux"):
        import multiprocessing

        pool = _pool(1, multiprocessing.get_context("fork"))
        return pool.map(parse_job, todo), pool
    return map(parse_job, todo), None


def parse_outcomes(todo: list, jobs: int | None, beside: bool = False):
    """``(name, parsed or None, error or None)`` for every plan of ``todo``, in any order.

    A worker that dies (killed, out of memory) fails only its own plans: the plans not yet
    returned are parsed again, each alone in a fresh worker, and a plan whose worker dies again is
    reported with an error. The workers start at once (the caller may read the previous tables
    meanwhile); the results come as the returned iterator is read.
    """
    outcomes, pool = start_parsing(todo, jobs, beside)
    return _collect(todo, outcomes, pool)


def _collect(todo: list, outcomes, pool):
    from concurrent.futures.process import BrokenProcessPool

    done: set[str] = set()
    try:
        for outcome in outcomes:
            done.add(outcome[0])
            yield outcome
    except BrokenProcessPool:
        pass
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    for job in (job for job in todo if job[1] not in done):
        yield _parse_alone(job)


def _parse_alone(job):
    from concurrent.futures.process import BrokenProcessPool

    with _pool(1) as pool:
        try:
            return pool.submit(parse_job, job).result()
        except BrokenProcessPool:
            return job[1], None, WORKER_DIED


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
    """The build's progress bar, counted in plans (:func:`ipanalysis.progress.progress_bar`)."""
    from ..progress import progress_bar

    return progress_bar(iterable, total, desc, enabled, unit="plan")
