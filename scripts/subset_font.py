#!/usr/bin/env python3
"""Regenerate the project's Chinese figure font: a TrueType subset of Noto Sans CJK SC.

    python scripts/subset_font.py SOURCE OUTPUT [--font-number N] [--data-dir DIR] [--max-err E]

SOURCE is a Noto Sans CJK SC (or Source Han Sans SC) OpenType/CFF file, or a collection
(.ttc) that holds it, e.g. ``NotoSansCJK-Regular.ttc`` from Debian's ``fonts-noto-cjk``
(the face is picked by its family name unless --font-number is given). Nothing is downloaded.

Recipe (see ipanalysis/data/fonts/README.md):
1. character set: every character encodable in GB 2312, printable ASCII, Latin-1
   (U+00A0-U+00FF), general punctuation (U+2000-U+206F), U+2212 MINUS SIGN (matplotlib's
   tick-label minus), CJK symbols (U+3000-U+303F), full-width forms (U+FF00-U+FFEF), and
   every character of ipanalysis/data/*.csv and *.txt;
2. fontTools.subset, keeping only the GPOS 'kern' feature; dropping GSUB, BASE, DSIG and
   the vertical tables (vhea, vmtx, VORG); name records kept (incl. licence fields);
3. the cubic CFF outlines are converted to quadratic TrueType (glyf) with cu2qu.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "ipanalysis" / "data"
FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC")
RANGES = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2212, 0x2212),
          (0x3000, 0x303F), (0xFF00, 0xFFEF)]
DROP_TABLES = ["GSUB", "BASE", "DSIG", "vhea", "vmtx", "VORG"]


def gb2312_chars() -> set[int]:
    out = set()
    for cp in range(0x80, 0x10000):
        try:
            chr(cp).encode("gb2312")
        except UnicodeEncodeError:
            continue
        out.add(cp)
    return out


def data_chars(data_dir: Path) -> set[int]:
    out = set()
    for path in sorted([*data_dir.glob("*.csv"), *data_dir.glob("*.txt")]):
        out.update(ord(c) for c in path.read_text(encoding="utf-8") if c.isprintable())
    return out


def wanted_unicodes(data_dir: Path | None) -> set[int]:
    cps = gb2312_chars()
    for lo, hi in RANGES:
        cps.update(range(lo, hi + 1))
    if data_dir is not None:
        cps |= data_chars(data_dir)
    return cps


def open_source(path: Path, font_number: int | None) -> TTFont:
    if font_number is None and path.suffix.lower() in (".ttc", ".otc"):
        names = [f["name"].getDebugName(1) for f in TTCollection(str(path), lazy=True).fonts]
        font_number = next((i for i, n in enumerate(names) if n in FAMILIES), None)
        if font_number is None:
            raise SystemExit(f"no face named {' or '.join(FAMILIES)} in {path}: {names}")
    return TTFont(str(path), fontNumber=-1 if font_number is None else font_number)


def cff_to_glyf(font: TTFont, max_err: float) -> None:
    """Replace the CFF table with quadratic TrueType outlines (glyf/loca), in place."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    del font["CFF "]
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    glyf.compile(font)  # sets bounding boxes
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        hmtx[name] = (hmtx[name][0], getattr(glyph, "xMin", 0))
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(order)
    maxp.maxZones = 1
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
                  "maxComponentDepth"):
        setattr(maxp, field, 0)
    font["maxp"] = maxp  # point/contour maxima are recalculated on save
    post = font["post"]
    post.formatType = 3.0  # no glyph names (CID fonts have none worth keeping)
    post.extraNames, post.mapping = [], {}
    font.sfntVersion = "\x00\x01\x00\x00"


def mark_subset(font: TTFont) -> None:
    name = font["name"]
    for rec in list(name.names):
        if rec.nameID == 3:
            rec.string = rec.toUnicode() + ";subset-gb2312-glyf"
        elif rec.nameID == 5:
            rec.string = rec.toUnicode() + "; subset (GB 2312 + project data), TrueType outlines"


def build(source: Path, output: Path, font_number: int | None, data_dir: Path | None,
          max_err: float) -> TTFont:
    font = open_source(source, font_number)
    if "CFF " not in font:
        raise SystemExit(f"{source} has no CFF outlines (expected the OpenType/CFF release)")
    opts = subset.Options()
    opts.layout_features = ["kern"]
    opts.drop_tables += DROP_TABLES
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.name_legacy = True
    opts.notdef_outline = True
    opts.recalc_bounds = True
    opts.prune_unicode_ranges = True
    cmap = font.getBestCmap()
    unicodes = sorted(cp for cp in wanted_unicodes(data_dir) if cp in cmap)
    subsetter = subset.Subsetter(opts)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    cff_to_glyf(font, max_err)
    mark_subset(font)
    font.recalcTimestamp = False  # keep the source's head.modified: byte-for-byte reproducible
    output.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(output))
    return font


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("source", type=Path, help="Noto Sans CJK SC .otf, or a .ttc holding it")
    ap.add_argument("output", type=Path, help="the .ttf to write")
    ap.add_argument("--font-number", type=int, default=None, help="face index in a .ttc")
    ap.add_argument("--data-dir", type=Path, default=DATA_DIR,
                    help="folder whose *.csv/*.txt characters are added (default: %(default)s)")
    ap.add_argument("--no-data", action="store_true", help="do not add the data characters")
    ap.add_argument("--max-err", type=float, default=1.0,
                    help="cu2qu tolerance in font units (1000/em; default %(default)s)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    data_dir = None if args.no_data else args.data_dir
    wanted = wanted_unicodes(data_dir)
    font = build(args.source, args.output, args.font_number, data_dir, args.max_err)
    cmap = font.getBestCmap()
    missing = sorted(cp for cp in wanted if cp not in cmap and chr(cp).isprintable()
                     and not (0x2000 <= cp <= 0x206F or 0xFF00 <= cp <= 0xFFEF
                              or 0x3000 <= cp <= 0x303F))
    print(f"{args.output}: {args.output.stat().st_size:,} bytes, "
          f"{font['maxp'].numGlyphs} glyphs, {len(cmap)} code points, "
          f"{time.perf_counter() - t0:.1f} s")
    if missing:
        print("not in the source font:", " ".join(f"U+{cp:04X}" for cp in missing))


if __name__ == "__main__":
    main()
