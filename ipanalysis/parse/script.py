"""The script a plan is written in, and Traditional to Simplified conversion (OpenCC ``t2s``)."""

from __future__ import annotations

from functools import lru_cache

from .decode import NOT_HAN

__all__ = ["to_simplified", "detect_script", "changed_characters"]


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


def detect_script(text: str, threshold: float = 0.05) -> str:
    """``traditional`` when at least ``threshold`` of the Han characters change under t2s."""
    han = NOT_HAN.sub("", text)
    if not han:
        return "simplified"
    changed = changed_characters(han, to_simplified(han))
    return "traditional" if changed / len(han) >= threshold else "simplified"


def changed_characters(before: str, after: str, block: int = 64) -> int:
    """How many positions (up to the shorter text's length) hold different characters; blocks
    of ``block`` characters that are equal are skipped whole (most of a Simplified text)."""
    changed = 0
    for start in range(0, min(len(before), len(after)), block):
        old, new = before[start: start + block], after[start: start + block]
        if old != new:
            changed += sum(1 for a, b in zip(old, new) if a != b)
    return changed
