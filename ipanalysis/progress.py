"""The progress bar of long work (building plans, drawing figures), on standard error."""

from __future__ import annotations

import sys

__all__ = ["progress_bar"]


def progress_bar(iterable, total: int, desc: str, enabled: bool = True, unit: str | None = None):
    """``iterable`` with a tqdm bar of ``total`` steps when ``enabled``, else as it is."""
    if not enabled:
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, total=total, desc=desc, unit=unit or desc.rstrip("s"), file=sys.stderr)
