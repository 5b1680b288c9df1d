"""The Chinese figure font: Noto Sans CJK SC from the ``mplfonts`` wheel, as TrueType.

The wheel ships the font as OpenType with CFF (cubic) outlines. Matplotlib embeds such a font in a
PDF as a TrueType CID font with CFF data inside, which PDF checkers flag ("mismatch between font
type and embedded font file"). So, once per machine, the outlines are converted to TrueType
(quadratic) with fontTools' ``cu2qu`` — about a minute — and the result is kept in the project's
cache folder. PDFs then embed a proper, subsetted TrueType font whose text stays editable. Where
the conversion cannot run, the OpenType file is used as it is.
"""

from __future__ import annotations

import os
import sys
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .paths import cache_dir

__all__ = ["FONT_FILE", "packaged_font", "truetype_font", "otf_to_ttf"]

FONT_FILE = "NotoSansCJKsc-Regular.otf"


def packaged_font() -> Path:
    """The OpenType file inside the installed ``mplfonts`` package."""
    path = Path(str(resources.files("mplfonts").joinpath("fonts", FONT_FILE)))
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: reinstall the 'mplfonts' package")
    return path


def otf_to_ttf(source: Path, target: Path, max_err: float = 1.0) -> Path:
    """Convert a CFF-flavoured OpenType font to TrueType outlines (written atomically)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(str(source))
    if "CFF " not in font:
        raise ValueError(f"{source} has no CFF outlines to convert")
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    font["maxp"] = maxp
    maxp.compile(font)
    post = font["post"]
    post.formatType = 3.0  # no glyph names: 65,535 names overflow format 2
    post.extraNames = []
    post.mapping = {}
    font.sfntVersion = "\000\001\000\000"
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    try:
        font.save(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


@lru_cache(maxsize=1)
def truetype_font() -> Path:
    """The TrueType version of the font (converted once and cached), else the OpenType file."""
    source = packaged_font()
    if os.environ.get("IPANALYSIS_FONT_CONVERT", "1") == "0":
        return source
    target = cache_dir() / "fonts" / f"{source.stem}-{source.stat().st_size}.ttf"
    if target.exists():
        return target
    print(f"converting {source.name} to TrueType for PDF embedding (once; about a minute) ...",
          file=sys.stderr, flush=True)
    try:
        return otf_to_ttf(source, target)
    except Exception as exc:  # noqa: BLE001 - any failure leaves the usable OpenType font
        print(f"font conversion failed ({exc}); using the OpenType font", file=sys.stderr)
        return source
