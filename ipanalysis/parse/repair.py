"""Repairing spans that a GBK decoder garbled after a lost byte (shown as ``?``)."""

from __future__ import annotations

from ..rules.numerals import one_to_ten
from .decode import HAN
from .script import to_simplified

__all__ = ["repair_gbk_misalignment"]

# GBK lead byte -> Chinese numeral, for heading numbers whose trail byte was lost.
_NUMERAL_BY_GBK_LEAD = {ch.encode("gbk")[0]: ch for ch in one_to_ten()}
_GBK_OPEN_PAREN = "（".encode("gbk")
_GBK_CLOSE_PAREN_TRAIL = "）".encode("gbk")[1]


def _gbk_span(line: str, start: int) -> tuple[int, bytes]:
    """Collect the garbled span starting at ``start``; return its end index and its GBK bytes.

    In a misaligned stream every decoded "character" straddles two real characters. The span ends
    on the first ASCII character in the GBK trail-byte range (0x40-0x7E): that byte was the trail
    of a real character and the decoder is back in step after it. ASCII characters below 0x40
    cannot be trail bytes; they are full-width forms that a later step turned into ASCII.
    """
    out = bytearray()
    i = start
    while i < len(line):
        ch = line[i]
        code = ord(ch)
        if code < 0x80:
            if 0x40 <= code <= 0x7E:
                out.append(code)
                i += 1
                break
            if code < 0x21:
                break
            ch = chr(code + 0xFEE0)
        try:
            out += ch.encode("gbk")
        except UnicodeEncodeError:
            break
        i += 1
    return i, bytes(out)


def _decode_realigned(data: bytes) -> tuple[str, list[str]]:
    """Decode bytes that start one byte late; rebuild a heading number whose bytes were lost."""
    notes: list[str] = []
    body = data[1:]
    if body.startswith(_GBK_OPEN_PAREN) and len(body) > 3:
        head = body[2:4]
        try:
            numeral = head.decode("gbk")
        except UnicodeDecodeError:
            numeral = ""
        if numeral not in one_to_ten() and body[2] in _NUMERAL_BY_GBK_LEAD:
            # The pair (numeral trail, paren lead) was lost; the numeral's lead byte identifies it.
            numeral = _NUMERAL_BY_GBK_LEAD[body[2]]
            rest = body[3:]
            if rest[:1] == bytes([_GBK_CLOSE_PAREN_TRAIL]):
                rest = rest[1:]
            else:
                rest = rest[1:]
                notes.append("one character after the heading number was lost")
            text = "（" + numeral + "）" + rest.decode("gbk", errors="replace")
            return text, notes
    return body.decode("gbk", errors="replace"), notes


def _may_start_span(ch: str) -> bool:
    return not ch.isascii() or 0x21 <= ord(ch) < 0x40


_COMMON_PUNCT = set("。，、；：（）《》“”〔〕,;:()!！")


def _is_common_char(ch: str) -> bool:
    if ch.isascii():
        return ch.isalnum() or ch in _COMMON_PUNCT
    if ch in _COMMON_PUNCT:
        return True
    if not HAN.match(ch):
        return False
    for encoding in ("gb2312", "big5"):
        try:
            ch.encode(encoding)
            return True
        except UnicodeEncodeError:
            pass
    return False


def _uncommon_characters(text: str) -> list[str]:
    """Han characters outside GB2312 even after t2s: in a repaired span, a sign of lost bytes."""
    found = []
    for ch in HAN.findall(text):
        try:
            to_simplified(ch).encode("gb2312")
        except UnicodeEncodeError:
            found.append(ch)
    return found


def _plausibility(text: str) -> float:
    """Share of characters that are common Han characters, punctuation or ASCII letters/digits."""
    return sum(map(_is_common_char, text)) / max(len(text), 1)


def repair_gbk_misalignment(line: str) -> tuple[str, list[str]]:
    """Undo spans garbled by a GBK decoder that ran one byte out of step after a lost byte.

    The lost byte shows as ``?``. Encoding the span after it back to GBK, dropping its first byte
    (the orphaned trail byte of the lost character) and decoding again recovers the text. The
    character whose byte was lost cannot be recovered; it is reported.
    """
    if "?" not in line:
        return line, []
    notes: list[str] = []
    out = []
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == "?" and i + 1 < len(line) and _may_start_span(line[i + 1]):
            end, data = _gbk_span(line, i + 1)
            if len(data) >= 3:
                fixed, span_notes = _decode_realigned(data)
                if "\ufffd" not in fixed and _plausibility(fixed) > _plausibility(line[i + 1 : end]):
                    out.append(fixed)
                    notes.append("one character lost before a garbled span")
                    notes.extend(span_notes)
                    notes.extend(
                        f"'{bad}' is not a real character: the characters around it were lost"
                        for bad in _uncommon_characters(fixed)
                    )
                    i = end
                    continue
        out.append(ch)
        i += 1
    return "".join(out), notes
