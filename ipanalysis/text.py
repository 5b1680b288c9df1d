"""Reading and normalising raw plan text.

Every normalised line keeps the 1-based number of the raw line it came from, so that any row built
later can be traced back to the raw file. Normalisation works line by line and never merges lines.

Steps, in order (each a small pure function):
1. decode the bytes (UTF-8 with or without BOM, UTF-16 by BOM, GB18030, Big5, detected when needed);
2. split into lines on CR/LF only;
3. repair spans that a GBK decoder garbled after a lost byte (shown as ``?``);
4. remove pinyin annotations a web converter inserted after characters (``現(xiàn)``);
5. unify spaces (NBSP, ideographic space, tabs) and full-width ASCII forms (``（`` -> ``(``);
6. convert Traditional to Simplified with OpenCC ``t2s`` when the text is Traditional;
7. drop web-page furniture lines (patterns in ``data/furniture.txt``) and blank lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .resources import read_lines

__all__ = [
    "Line",
    "NormalisedText",
    "DecodeError",
    "decode_bytes",
    "split_lines",
    "repair_gbk_misalignment",
    "remove_pinyin_annotations",
    "unify_characters",
    "detect_script",
    "to_simplified",
    "is_furniture",
    "normalise_text",
]

HAN = re.compile(r"[\u4e00-\u9fff]")
CHINESE_NUMERALS = "一二三四五六七八九十"

# A pinyin syllable in parentheses right after a Han character, as inserted by web converters.
# It must carry a tone mark so that ordinary parenthesised words are never touched.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ"
PINYIN_ANNOTATION = re.compile(
    rf"(?<=[\u4e00-\u9fff])\((?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}\)"
)

SPACE_CHARS = dict.fromkeys(map(ord, "\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff\t"), " ")
# Full-width ASCII forms (U+FF01..U+FF5E) map to ASCII; the plans mostly print ASCII already.
FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}


class DecodeError(ValueError):
    """The bytes of a file could not be read as text."""


@dataclass(frozen=True)
class Line:
    """One normalised line and the raw line number (1-based) it came from."""

    text: str
    raw_line: int


@dataclass
class NormalisedText:
    lines: list[Line]
    script: str  # "simplified" or "traditional", as the raw file was written
    encoding: str
    warnings: list[str] = field(default_factory=list)
    n_pinyin_removed: int = 0
    n_repaired_spans: int = 0
    repaired_lines: set[int] = field(default_factory=set)  # raw lines that held a garbled span

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


# ---------------------------------------------------------------------------------------------
# decoding

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
            if _han_share(text) > 0.2:
                return text, encoding
    if b"\x00" in data:
        raise DecodeError("binary data (NUL bytes) that is not UTF-16 text")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _decode_detected(data)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    if controls > max(3, len(text) // 200):
        raise DecodeError(f"binary data: {controls} control characters in {len(text)}")
    return text, encoding


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    return sample.count(b"\x00") > len(sample) // 5


def _han_share(text: str) -> float:
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
    share = _han_share(text)
    if share < 0.05:
        raise DecodeError(f"decoded as {encoding} but holds almost no Chinese text ({share:.0%} Han characters)")
    return text, encoding


def split_lines(text: str) -> list[str]:
    """Split on CR, LF or CRLF only (``str.splitlines`` also splits on form feeds and U+2028)."""
    return re.split(r"\r\n|\r|\n", text)


# ---------------------------------------------------------------------------------------------
# GBK misalignment repair

# GBK lead byte -> Chinese numeral, for heading numbers whose trail byte was lost.
_NUMERAL_BY_GBK_LEAD = {ch.encode("gbk")[0]: ch for ch in CHINESE_NUMERALS}
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
        if numeral not in CHINESE_NUMERALS and body[2] in _NUMERAL_BY_GBK_LEAD:
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


# ---------------------------------------------------------------------------------------------
# character-level normalisation


def remove_pinyin_annotations(line: str) -> tuple[str, int]:
    return PINYIN_ANNOTATION.subn("", line)


def unify_characters(line: str) -> str:
    """Unify space characters and full-width ASCII forms; trim the line."""
    line = line.translate(SPACE_CHARS).translate(FULLWIDTH)
    return re.sub(r" {2,}", " ", line).strip()


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


@lru_cache(maxsize=1)
def _furniture_patterns() -> list[re.Pattern]:
    return [re.compile(p) for p in read_lines("furniture.txt")]


def is_furniture(line: str) -> bool:
    """True for a whole line of web-page furniture (footer, share links, attachments)."""
    return any(p.search(line) for p in _furniture_patterns())


# ---------------------------------------------------------------------------------------------
# the whole pipeline


def normalise_text(raw: str, encoding: str = "utf-8") -> NormalisedText:
    """Normalise decoded text into :class:`NormalisedText` with a raw-line map."""
    raw_lines = split_lines(raw)
    script = detect_script(raw)
    warnings: list[str] = []
    lines: list[Line] = []
    n_pinyin = n_spans = 0
    repaired_lines: set[int] = set()
    for number, raw_line in enumerate(raw_lines, start=1):
        line, notes = repair_gbk_misalignment(raw_line)
        if notes:
            repaired_lines.add(number)
            n_spans += sum(1 for n in notes if n.startswith("one character lost before"))
            for note in notes:
                warnings.append(f"line {number}: garbled GBK span repaired; {note}")
        line, n = remove_pinyin_annotations(line)
        n_pinyin += n
        line = unify_characters(line)
        if script == "traditional":
            line = to_simplified(line)
        if not line or is_furniture(line):
            continue
        lines.append(Line(line, number))
    return NormalisedText(
        lines=lines,
        script=script,
        encoding=encoding,
        warnings=warnings,
        n_pinyin_removed=n_pinyin,
        n_repaired_spans=n_spans,
        repaired_lines=repaired_lines,
    )
