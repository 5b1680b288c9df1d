"""The script a plan is written in, and Traditional to Simplified conversion (OpenCC ``t2s``)."""

from __future__ import annotations

from functools import lru_cache

from .decode import NOT_HAN

__all__ = ["to_simplified", "detect_script", "changing_characters"]


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


def detect_script(text: str, threshold: float = 0.05) -> str:
    """``traditional`` when at least ``threshold`` of the Han characters are ones t2s changes."""
    han = NOT_HAN.sub("", text)
    if not han:
        return "simplified"
    changing = changing_characters(set(han))
    changed = len(han) - len(han.translate(dict.fromkeys(map(ord, changing)))) if changing else 0
    return "traditional" if changed / len(han) >= threshold else "simplified"


_CHANGED: dict[str, bool] = {}  # a character -> whether t2s changes it standing alone (asked once a process)


def changing_characters(chars) -> set[str]:
    """Those of ``chars`` (distinct characters) that t2s changes standing alone (``這``, ``權``, not ``这``)."""
    new = [char for char in chars if char not in _CHANGED]
    if new:
        converted = to_simplified("\n".join(new)).split("\n")
        if len(converted) != len(new):  # a conversion that joins or splits lines: one at a time
            converted = [to_simplified(char) for char in new]
        _CHANGED.update((char, char != after) for char, after in zip(new, converted))
    return {char for char in chars if _CHANGED[char]}
