"""Turn a raw file's bytes into text, whatever the format the government site offered."""

from __future__ import annotations

from pathlib import Path

from .text import DecodeError, decode_bytes

__all__ = ["SUPPORTED_SUFFIXES", "UnsupportedFormat", "read_document_text"]

SUPPORTED_SUFFIXES = (".txt",)


class UnsupportedFormat(ValueError):
    """The file's format is not one the project reads."""


def read_document_text(data: bytes, name: str) -> tuple[str, str, str]:
    """``(text, encoding, format)`` of a raw file."""
    suffix = Path(name).suffix.lower()
    if suffix in (".txt", ".text", ""):
        text, encoding = decode_bytes(data)
        return text, encoding, "txt"
    raise UnsupportedFormat(f"unsupported format '{suffix}' (supported: {', '.join(SUPPORTED_SUFFIXES)})")


__all__ += ["DecodeError"]
