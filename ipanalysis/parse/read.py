"""Turn a raw file's bytes into plain text, whatever format the government site offered.

* ``.txt``: UTF-8 with or without BOM, UTF-16, GB18030/GBK, Big5 (see :func:`ipanalysis.text.decode_bytes`).
* ``.html``/``.htm``: parsed with lxml; scripts, styles, navigation, headers, footers and forms are
  dropped and every block element (paragraph, heading, table row, line break) becomes a line.
* ``.docx``: paragraphs and table rows with python-docx.
* ``.pdf`` with a text layer: pypdf; lines that a page width broke inside a paragraph are joined
  again (a line continues the previous one unless the previous one closes a sentence or the line
  opens a numbered item).

For formats other than ``.txt`` the line numbers in the tables refer to the extracted text, which
``ipanalysis extract FILE`` prints.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from .normalise import DecodeError, decode_bytes
from .wrapping import join_broken

__all__ = ["SUPPORTED_SUFFIXES", "UnsupportedFormat", "DecodeError", "check_supported", "read_document_text",
           "join_broken_lines"]

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")
BLOCK_TAGS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
              "article", "dd", "dt", "blockquote", "pre", "hr", "ul", "ol", "td", "th", "title"}
DROP_TAGS = ["script", "style", "noscript", "nav", "header", "footer", "form", "iframe", "button",
             "select", "svg", "template"]


class UnsupportedFormat(ValueError):
    """The file's format is not one the project reads."""


def _unsupported(suffix: str) -> UnsupportedFormat:
    return UnsupportedFormat(
        f"unsupported format '{suffix or '(no extension)'}'; supported: {', '.join(SUPPORTED_SUFFIXES)}"
    )


def check_supported(name: str) -> None:
    """Raise :class:`UnsupportedFormat` unless the file name has a supported extension."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise _unsupported(suffix)


def read_document_text(data: bytes, name: str) -> tuple[str, str, str]:
    """``(text, encoding, format)`` of a raw file."""
    suffix = Path(name).suffix.lower()
    if data[:4] == b"%PDF" and suffix != ".pdf":
        suffix = ".pdf"
    if suffix in (".txt", ".text", ""):
        text, encoding = decode_bytes(data)
        return text, encoding, "txt"
    if suffix in (".html", ".htm"):
        return _html_text(data), "html", "html"
    if suffix == ".docx":
        return _docx_text(data), "docx", "docx"
    if suffix == ".pdf":
        return _pdf_text(data), "pdf", "pdf"
    raise _unsupported(suffix)


# ---------------------------------------------------------------------------------------------
# HTML


def _html_charset(data: bytes) -> str | None:
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", data[:4096], re.I)
    return m.group(1).decode("ascii").lower() if m else None


def _html_text(data: bytes) -> str:
    import lxml.html

    charset = _html_charset(data)
    try:
        text = data.decode(charset) if charset else decode_bytes(data)[0]
    except (LookupError, UnicodeDecodeError):
        text = decode_bytes(data)[0]
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    try:
        root = lxml.html.document_fromstring(text)
    except Exception as exc:  # lxml raises ParserError/ValueError on junk
        raise DecodeError(f"not a readable HTML page ({exc})") from exc
    for bad in root.xpath("|".join(f"//{t}" for t in DROP_TAGS)):
        bad.drop_tree()
    body = root.find("body")
    if body is None:
        body = root
    return "\n".join(_html_lines(body))


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _is_row(element) -> bool:
    """A table row that holds cells of text (not a layout row around a nested table)."""
    return element.tag == "tr" and not element.xpath(".//table")


def _span(cell, name: str) -> int:
    """A cell's ``rowspan`` or ``colspan`` (1 when missing or no number; at most 1,000)."""
    value = re.match(r"\s*(\d+)", cell.get(name) or "")
    return min(max(int(value[1]), 1), 1000) if value else 1


def _cell_text(cell) -> str:
    """A table cell's text: its paragraphs and lines apart by a space (two units a paragraph each),
    its inline runs joined as printed (a Word export splits ``15`` into ``<span>1</span><span>5</span>``)."""
    parts: list[str] = []

    def walk(element) -> None:
        if element.tag in BLOCK_TAGS:
            parts.append(" ")
        parts.append(element.text or "")
        for child in element:
            if isinstance(child.tag, str):
                walk(child)
            parts.append(child.tail or "")

    walk(cell)
    return _collapse("".join(parts))


def _row_cells(row, above: dict[int, list]) -> list[str]:
    """The texts of a table row's cells in the table's columns: a cell that spans rows above this
    one (``rowspan``, a Word table's merged task or lead unit) gives its text again here, a cell
    that spans columns (``colspan``) leaves the columns after its own empty. ``above``: column ->
    ``[rows still spanned, text]``, carried from row to row of one table."""
    elements = [cell for cell in row if cell.tag in ("td", "th")]
    if len(elements) == 1 and _span(elements[0], "colspan") > 1:  # a section row across the table
        return [_cell_text(elements[0])]
    cells: list[str] = []

    def fill_from_above(until: float) -> None:
        while len(cells) < until and len(cells) in above:
            spanned = above[len(cells)]
            cells.append(spanned[1])
            spanned[0] -= 1
            if spanned[0] == 0:
                del above[len(cells) - 1]

    for cell in elements:
        fill_from_above(float("inf"))
        text, down = _cell_text(cell), _span(cell, "rowspan")
        for k in range(_span(cell, "colspan")):
            if down > 1:
                above[len(cells)] = [down - 1, text if k == 0 else ""]
            cells.append(text if k == 0 else "")
    fill_from_above(max(above, default=-1) + 1)
    return cells


def _html_lines(body) -> list[str]:
    """Every block element a line; a table row one line with its cells separated by tabs (in the
    table's columns: :func:`_row_cells`)."""
    lines: list[str] = []
    current: list[str] = []
    spanned: dict = {}  # table -> its cells that span rows below

    def flush():
        line = _collapse("".join(current))
        if line:
            lines.append(line)
        current.clear()

    def walk(element):
        if not isinstance(element.tag, str):  # comments and processing instructions: no text
            return
        tag = element.tag
        if _is_row(element):
            flush()
            table = next(element.iterancestors("table"), None)
            cells = _row_cells(element, spanned.setdefault(table, {}))
            if any(cells):
                lines.append("\t".join(cells))
            return
        if tag in BLOCK_TAGS:
            flush()
        if element.text:
            current.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if tag in BLOCK_TAGS:
            flush()

    walk(body)
    flush()
    return lines


# ---------------------------------------------------------------------------------------------
# DOCX


MAX_EXPANDED_BYTES = 64 * 1024 * 1024  # what a .docx may unpack to (a zip bomb is refused unread)


def _check_expanded_size(data: bytes) -> None:
    """Refuse a .docx whose parts would unpack to more than :data:`MAX_EXPANDED_BYTES`."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise DecodeError(f"not a readable .docx file ({exc.__class__.__name__})") from exc
    if expanded > MAX_EXPANDED_BYTES:
        raise DecodeError(f"the .docx unpacks to {expanded / 2**20:.0f} MiB, over the "
                          f"{MAX_EXPANDED_BYTES / 2**20:.0f} MiB limit")


def _docx_text(data: bytes) -> str:
    try:
        import docx
    except ImportError as exc:  # pragma: no cover
        raise UnsupportedFormat("reading .docx needs the 'python-docx' package") from exc
    _check_expanded_size(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise DecodeError(f"not a readable .docx file ({exc.__class__.__name__})") from exc
    lines = []
    for block in document.iter_inner_content():  # paragraphs and tables in document order
        if hasattr(block, "rows"):
            for row in block.rows:
                cells = [_collapse(cell.text) for cell in row.cells]
                lines.append(cells[0] if len(set(cells)) == 1 else "\t".join(cells))  # a merged row: once
        else:
            lines.append(block.text)
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# PDF


def join_broken_lines(lines: list[str]) -> list[str]:
    """The non-empty lines joined where a page width broke a paragraph (:func:`.wrapping.join_broken`)."""
    return [text for _, text in join_broken([ln.strip() for ln in lines if ln.strip()])]


def _pdf_text(data: bytes) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover
        raise UnsupportedFormat("reading .pdf needs the 'pypdf' package") from exc
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise DecodeError(f"not a readable PDF ({exc.__class__.__name__}: {exc})") from exc
    text = "\n".join(pages)
    if len(re.findall(r"[\u4e00-\u9fff]", text)) < 20:
        raise DecodeError("the PDF has no text layer (a scan?); run OCR first or supply the text")
    return "\n".join(join_broken_lines(text.splitlines()))
