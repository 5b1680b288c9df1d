"""Decoding a plan's bytes: UTF-8 with or without BOM, UTF-16, GB18030/GBK and Big5 (detected)."""

from __future__ import annotations

import re

__all__ = ["DecodeError", "decode_bytes", "split_lines", "HAN", "NOT_HAN", "han_share"]

HAN = re.compile(r"[\u4e00-\u9fff]")
NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # control characters but CR, LF, tab and form feed


class DecodeError(ValueError):
    """The bytes of a file could not be read as text."""


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode raw bytes; return ``(text, encoding)``. Raise :class:`DecodeError` when impossible."""
    if not data.strip():
        raise DecodeError("the file is empty")
    if data.startswith((b"PK\x03\x04", b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\xd0\xcf\x11\xe0")):
        raise DecodeError("this is a binary file (office document, PDF or image), not text; "
                          "give it its real extension (.docx, .pdf) or export the text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {encoding} byte-order mark but is not {encoding}") from exc
    if b"\x00" in data[:4096] and _looks_utf16(data):
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if han_share(text) > 0.2:
                return text, encoding
    if b"\x00" in data:
        raise DecodeError("binary data (NUL bytes) that is not UTF-16 text")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _decode_detected(data)
    controls = len(CONTROL.findall(text))
    if controls > max(3, len(text) // 200):
        raise DecodeError(f"binary data: {controls} control characters in {len(text)}")
    return text, encoding


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    return sample.count(b"\x00") > len(sample) // 5


def han_share(text: str) -> float:
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return 0.0
    return sum(1 for ch in visible if HAN.match(ch)) / len(visible)


def _decode_detected(data: bytes) -> tuple[str, str]:
    """Decode legacy Chinese encodings (GB18030/GBK, Big5) detected with charset-normalizer."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "utf_8"]).best()
    if best is not None:
        text, encoding = str(best), best.encoding
    else:
        try:
            text, encoding = data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError as exc:
            raise DecodeError("the bytes are not text in any supported encoding "
                              "(UTF-8/16, GB18030/GBK, Big5)") from exc
    share = han_share(text)
    if share < 0.05:
        raise DecodeError(f"decoded as {encoding} but holds almost no Chinese text ({share:.0%} Han characters)")
    return text, encoding


def split_lines(text: str) -> list[str]:
    """Split on CR, LF or CRLF only (``str.splitlines`` also splits on form feeds and U+2028)."""
    return re.split(r"\r\n|\r|\n", text)
