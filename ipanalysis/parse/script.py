"""The script a plan is written in, and Traditional to Simplified conversion (OpenCC ``t2s``)."""

from __future__ import annotations

from functools import lru_cache

from .decode import HAN

__all__ = ["to_simplified", "detect_script"]


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


def detect_script(text: str, threshold: float = 0.05) -> str:
    """``traditional`` when at least ``threshold`` of the Han characters change under t2s."""
    han = "".join(HAN.findall(text))
    if not han:
        return "simplified"
    converted = to_simplified(han)
    changed = sum(1 for a, b in zip(han, converted) if a != b)
    return "traditional" if changed / len(han) >= threshold else "simplified"
