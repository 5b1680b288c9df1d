"""Reading and normalising raw plan text.

Every normalised line keeps the 1-based number of the raw line it came from, so that any row built
later can be traced back to the raw file. Normalisation works line by line; where it joins lines (a
table row printed over several lines, a paragraph broken at a page width) the line keeps the
number of the first.

Steps, in order (each a small pure function):
1. decode the bytes (UTF-8 with or without BOM, UTF-16 by BOM, GB18030, Big5, detected when needed);
2. split into lines on CR/LF only (a web page's HTML source saved as text: into the lines the page
   shows, tags removed and entities decoded; a grid table's or a CSV table's row one line; a
   two-column key/value row a labelled field);
3. repair spans that a GBK decoder garbled after a lost byte (shown as ``?``);
4. remove pinyin annotations a web converter inserted after characters (``現(xiàn)``);
5. unify spaces (NBSP, ideographic space, tabs) and full-width ASCII forms (``（`` -> ``(``);
6. convert Traditional to Simplified with OpenCC ``t2s`` when the text is Traditional;
7. drop web-page furniture lines (patterns in ``data/furniture.txt``), lines in a Latin script (a
   bilingual plan's English) and blank lines;
8. drop the marks that refer to notes (``拥有量①``, ``市金融办[3]``; :mod:`ipanalysis.rules.notes`).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from ..rules.datafiles import read_lines
from ..rules.document_types import title_ending_pattern
from ..rules.notes import has_note_block, has_note_marks, without_note_marks
from .cells import cell_starts, csv_rows, grid_rows, key_value, split_cells
from .decode import HAN, DecodeError, decode_bytes, split_lines
from .repair import repair_gbk_misalignment
from .script import detect_script, to_simplified
from .wrapping import is_hard_wrapped, join_broken_lines

__all__ = [
    "Line",
    "NormalisedText",
    "DecodeError",
    "decode_bytes",
    "split_lines",
    "repair_gbk_misalignment",
    "remove_pinyin_annotations",
    "unify_characters",
    "join_spaced_characters",
    "detect_script",
    "to_simplified",
    "is_furniture",
    "normalise_text",
    "HAN",
]

# A pinyin syllable in parentheses right after a Han character, as inserted by web converters.
# It must carry a tone mark so that ordinary parenthesised words are never touched.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ"
PINYIN_ANNOTATION = re.compile(
    rf"(?<=[\u4e00-\u9fff])\((?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}\)"
)
# Markdown that a reposting blog adds (### 一、…, > 来源, **标签：**, `code`)
BULLET_GLYPHS = "▶►●◆■▪•▌▍▎▋█✅✔☑📌🔹🔸"  # a bullet or a WeChat editor's bar before a heading (▍保障措施)
MARKUP_HINT = re.compile(rf"^\s*[#>{BULLET_GLYPHS}]|\*\*|__|`|<br", re.IGNORECASE)
LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)  # a table cell's two lines in Markdown: A<br>B
MARKUP_LEAD = re.compile(rf"^\s*(?:#{{1,6}}\s+|>\s?|[{BULLET_GLYPHS}]\s*)")  # a heading mark, a quote, a bullet glyph
MARKUP_INLINE = re.compile(r"\*\*|__|`")

# A web page's HTML source saved as text by a crawler: its tags and character entities are left in the
# lines (``<p style=…>``, ``&nbsp;``, ``&ldquo;``, ``&#12289;``). ``<br>`` is not counted: a blog's
# Markdown table uses it inside a cell.
HTML_SIGN = re.compile(r"&(?:[a-z]{2,8}|#\d{2,6}|#x[0-9a-f]{2,5});|</?(?:p|span|strong|div|font)\b[^<>]*>", re.I)
HTML_BLOCK_TAG = re.compile(r"<(?:br|/?p|/?div|/?li|/?h[1-6])\b[^<>]*>", re.I)  # ends a line on the page
HTML_TAG = re.compile(r"</?[a-z][a-z0-9]*\b[^<>]*>", re.I)

SPACE_CHARS = dict.fromkeys("\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff\t", " ")
# Full-width ASCII forms (U+FF01..U+FF5E) map to ASCII; the plans mostly print ASCII already.
FULLWIDTH = {chr(cp): chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
# Word's automatic numbering pasted into a web editor: ㈠ -> (一), ⑴ -> (1), ⒈ -> 1. (their NFKC forms;
# circled ① stays, an outline style of its own)
NUMBERING = {chr(cp): unicodedata.normalize("NFKC", chr(cp))
             for first, last in ((0x3220, 0x3229), (0x2474, 0x249B)) for cp in range(first, last + 1)}
UNIFIED = {**SPACE_CHARS, **FULLWIDTH, **NUMBERING}  # none maps onto a key of another: one pass does
TO_UNIFY = re.compile("[" + "".join(map(re.escape, UNIFIED)) + "]")
SPACE_RUN = re.compile(r" {2,}")
# a text layer's spaces inside a number or a date (OCR, PDF): 达到1 2件, 3 0家, 2025 年 6 月底前
SPACE_IN_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff ])(\d) (?=\d{1,3}(?:\.\d+)?[\u4e00-\u9fff%])"
                             r"|(?<=\d) (?=[年月日])|(?<=[年月]) (?=\d)")


@dataclass(frozen=True)
class Line:
    """One normalised line and the raw line number (1-based) it came from."""

    text: str
    raw_line: int
    cells: tuple[str, ...] | None = None  # the cells, when the line is a table row (three or more)
    # (display column, text) of its pieces, when the line is a row of a space-aligned table or a line
    # after one (a PDF's table whose cells wrap onto the next lines)
    pieces: tuple[tuple[int, str], ...] | None = None


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
# character-level normalisation


def remove_pinyin_annotations(line: str) -> tuple[str, int]:
    if "(" not in line:  # the pattern opens with a lookbehind the engine would try at every position
        return line, 0
    return PINYIN_ANNOTATION.subn("", line)


def strip_markup(line: str) -> str:
    """A line without the Markdown a reposting blog adds: heading marks (``### 一、…``), a quote
    mark, a bullet glyph, emphasis (``**标签：**``) and code marks, and ``<br>`` (a space); the text
    itself unchanged."""
    if not MARKUP_HINT.search(line):
        return line
    return LINE_BREAK_TAG.sub(" ", MARKUP_INLINE.sub("", MARKUP_LEAD.sub("", line)))


FIELD_LIST_NUMBER = re.compile(r"(?:^[\u4e00-\u9fff]{2,8}:|[。;；])\s*(\d{1,2})[.、]")  # 工作措施:1.…。2.…
NEXT_NUMBER = re.compile(r"^(\d{1,2})[.、]")


def continues_field_list(field: str, line: str) -> bool:
    """Whether ``line`` is the next point of the numbered list a labelled field's value opens
    (``工作措施:1.聚焦…`` then ``2.对新获批…``: a table cell's paragraphs, pasted as lines of their own)."""
    numbers = [int(n) for n in FIELD_LIST_NUMBER.findall(field)]
    nxt = NEXT_NUMBER.match(line)
    return bool(nxt and numbers) and numbers == list(range(1, len(numbers) + 1)) and int(nxt[1]) == len(numbers) + 1


def is_html_source(text: str, min_signs: int = 5) -> bool:
    """Whether a text file is a web page's HTML source (tags and entities left in its lines): at
    least ``min_signs`` entities or paragraph and inline tags."""
    return next(islice(HTML_SIGN.finditer(text), min_signs - 1, None), None) is not None


def html_pieces(line: str) -> list[str]:
    """The lines a line of HTML source shows on the page: split where a block tag (``<p>``, ``</p>``,
    ``<br>``, ``<div>``) ends a line, without its other tags, its entities decoded (``&nbsp;`` a
    space, ``&#12289;`` 、); the pieces that hold no text dropped."""
    pieces = [html.unescape(HTML_TAG.sub("", piece)) for piece in HTML_BLOCK_TAG.split(line)]
    return [piece for piece in pieces if piece.strip()] or [""]


def unify_characters(line: str) -> str:
    """Unify space characters and full-width ASCII forms; trim the line.

    Each distinct character to unify is replaced at once (``str.translate`` with a mapping looks
    up every character of the line: three times slower on this text, most of which is Han).
    """
    for char in set(TO_UNIFY.findall(line)):
        line = line.replace(char, UNIFIED[char])
    line = join_spaced_characters(SPACE_RUN.sub(" ", line).strip())
    return SPACE_IN_NUMBER.sub(lambda m: m[1] or "", line) if " " in line else line


def join_spaced_characters(line: str, min_singles: int = 8) -> str:
    """A line some of whose characters a PDF tool printed one by one with spaces between them
    (``（ 牵 头 单 位 ： 区 市 场 监 管 局 ）``, ``2 0 2 6 年 底 前``) without those spaces: when
    ``min_singles`` or more of its space-separated pieces, and half of them, are one character."""
    if line.count(" ") < min_singles:
        return line
    pieces = line.split(" ")
    singles = sum(1 for piece in pieces if len(piece) == 1 and piece != "|")  # a Markdown table's bars
    return line.replace(" ", "") if singles >= min_singles and 2 * singles >= len(pieces) else line


def _anchored(pattern: str) -> bool:
    """Whether a pattern matches only at the start of a line: it opens with ``^`` and has no
    alternative outside its groups (``^a|b`` would let ``b`` match anywhere)."""
    if not pattern.startswith("^"):
        return False
    depth, escaped = 0, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            return False
    return True


@lru_cache(maxsize=1)
def _furniture_patterns() -> tuple[re.Pattern, tuple[re.Pattern, ...]]:
    """The patterns of ``data/furniture.txt``: those anchored at the line's start as one alternation
    tried at the start only, the others one by one (each scans for its own literal start; one
    alternation of all would try every pattern at every position of every line)."""
    patterns = read_lines("furniture.txt")
    anchored = [p[1:] for p in patterns if _anchored(p)]
    return (re.compile("|".join(f"(?:{p})" for p in anchored) or "(?!)"),
            tuple(re.compile(p) for p in patterns if not _anchored(p)))


LATIN_LETTER = re.compile(r"[A-Za-z]")


def is_translation(line: str, min_letters: int = 20) -> bool:
    """Whether a line is written in a Latin script (a bilingual plan's English paragraph after its
    Chinese one, an English page's chrome): ``min_letters`` letters or more, eight or more for
    each Chinese character it holds (a name in brackets)."""
    wide = (len(line.encode("utf-8")) - len(line)) // 2  # about the number of Chinese characters
    if len(line) < min_letters or 2 * wide > len(line):
        return False
    letters = len(LATIN_LETTER.findall(line))
    return letters >= min_letters and letters >= 8 * wide


def is_furniture(line: str) -> bool:
    """True for a whole line of web-page furniture (footer, share links, attachments)."""
    at_start, anywhere = _furniture_patterns()
    return bool(at_start.match(line)) or any(p.search(line) for p in anywhere)


TAIL_MARK = "(?#tail)"


@lru_cache(maxsize=1)
def _tail_pattern() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in read_lines("furniture.txt") if p.startswith(TAIL_MARK)) or "(?!)")


def ends_plan(line: str) -> bool:
    """Whether a line ends the plan: what follows it is furniture too (``往期推荐`` over a reposted
    article's links; the lines of ``data/furniture.txt`` marked ``(?#tail)``), where it stands in
    the second half of the file (before, it heads a sidebar's list and is dropped alone)."""
    return bool(_tail_pattern().match(line))


# ---------------------------------------------------------------------------------------------
# the whole pipeline


def _unified(text: str, script: str, marks: bool | None = None) -> str:
    """A line's text unified, without its note marks when the plan has any (``marks``: True also
    circled ones, False superscripts and ``[3]`` only, None none)."""
    text = unify_characters(text)
    text = without_note_marks(text, marks) if marks is not None else text
    return to_simplified(text) if script == "traditional" else text


def without_running_heads(lines: list[Line], min_repeats: int = 3, max_len: int = 40) -> list[Line]:
    """The lines without a PDF's running head after its first time: a short line that reads like a
    title (``…实施方案``, no field) and is printed ``min_repeats`` times or more (at each page's top)."""
    counts = Counter(line.text for line in lines if line.cells is None and len(line.text) <= max_len)
    heads = {text for text, n in counts.items()
             if n >= min_repeats and ":" not in text and title_ending_pattern().search(text)}
    seen: set[str] = set()
    out = []
    for line in lines:
        if line.text in heads and line.text in seen:
            continue
        seen.add(line.text)
        out.append(line)
    return out


def _numbered_lines(raw_lines: list[str], html_source: bool):
    """``(raw line number, line)``: the raw lines (a row of a grid table or a record of a table saved
    as CSV one line: :func:`.cells.grid_rows`, :func:`.cells.csv_rows`), or of HTML source the
    lines it shows (:func:`html_pieces`)."""
    grid = grid_rows(raw_lines)
    for at, raw_line in csv_rows([line for _, line in grid]):
        number = grid[at - 1][0]
        if html_source:
            yield from ((number, piece) for piece in html_pieces(raw_line))
        else:
            yield number, raw_line


def normalise_text(raw: str, encoding: str = "utf-8") -> NormalisedText:
    """Normalise decoded text into :class:`NormalisedText` with a raw-line map."""
    raw_lines = split_lines(raw)
    script = detect_script(raw)
    circled = has_note_block(raw_lines)  # ① after a word refers to a note
    marks = circled if circled or has_note_marks(raw) else None
    warnings: list[str] = []
    lines: list[Line] = []
    n_pinyin = n_spans = 0
    repaired_lines: set[int] = set()
    for number, raw_line in _numbered_lines(raw_lines, is_html_source(raw)):
        line, notes = repair_gbk_misalignment(raw_line)
        if notes:
            repaired_lines.add(number)
            n_spans += sum(1 for n in notes if n.startswith("one character lost before"))
            for note in notes:
                warnings.append(f"line {number}: garbled GBK span repaired; {note}")
        line, n = remove_pinyin_annotations(line)
        n_pinyin += n
        line = strip_markup(line)
        cells = split_cells(line)
        line = key_value(line) if cells is None else line
        pieces = cell_starts(line) if cells is not None or (lines and lines[-1].pieces) else None
        line = _unified(line, script, marks)
        if ends_plan(line) and 2 * number > len(raw_lines):  # in the first half: a sidebar's list
            break
        if not line or is_furniture(line) or is_translation(line):
            continue
        if cells is not None:
            cells = tuple(_unified(c, script, marks) for c in cells)
        if pieces is not None:
            pieces = tuple((column, _unified(text, script, marks)) for column, text in pieces)
        if cells is None and lines and lines[-1].cells is None and continues_field_list(lines[-1].text, line):
            lines[-1] = Line(lines[-1].text + line, lines[-1].raw_line)  # 工作措施：1．… / 2．…: one field
            continue
        lines.append(Line(line, number, cells, pieces))
    lines = without_running_heads(lines)
    prose = [line.text for line in lines if line.cells is None]  # a table's rows are no wrapped text
    if is_hard_wrapped(prose):
        joined = join_broken_lines(lines)
        warnings.append(f"lines broken at a page width (a PDF's text?): {len(prose)} lines joined into "
                        f"{len(joined) - len(lines) + len(prose)} paragraphs, each traced to its first line")
        lines = joined
    return NormalisedText(
        lines=lines,
        script=script,
        encoding=encoding,
        warnings=warnings,
        n_pinyin_removed=n_pinyin,
        n_repaired_spans=n_spans,
        repaired_lines=repaired_lines,
    )
