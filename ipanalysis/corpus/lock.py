"""One build at a time per processed folder: a second build waits for the first (or, with
``wait=False``, stops at once with :class:`BuildBusy`), so two builds never mix their tables."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

from ..config import build_cache_dir

__all__ = ["BuildBusy", "build_lock"]


class BuildBusy(RuntimeError):
    """Another build is writing the same processed folder."""


@contextmanager
def build_lock(out_dir: Path, wait: bool = True, timeout: float | None = None):
    from filelock import FileLock, Timeout

    folder = build_cache_dir(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(folder / "build.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if not wait:
            raise BuildBusy(f"{out_dir}: another build is writing these tables; run again when it has finished") \
                from None
        print(f"waiting for another build of {out_dir} to finish ...", file=sys.stderr, flush=True)
        try:
            lock.acquire(timeout=-1 if timeout is None else timeout)
        except Timeout:
            raise BuildBusy(f"{out_dir}: another build kept these tables for over {timeout:.0f} s") from None
    try:
        yield
    finally:
        lock.release()
