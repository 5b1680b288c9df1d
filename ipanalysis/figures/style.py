"""House style for every figure: Chinese font, region palette, journal sizes, bilingual labels, saving.

* Font: Noto Sans CJK SC (Simplified-Chinese glyph forms), a TrueType subset shipped in the
  package (:mod:`.fonts`), so Chinese renders after ``pip install`` alone. :func:`use_style`
  registers it and must be called after any ``seaborn.set_theme()`` (which resets the font list);
  :func:`set_theme` does both.
* PDF with embedded TrueType/OpenType fonts (``pdf.fonttype = 42``): text stays editable.
* One colour-blind-safe palette (Okabe & Ito) with a fixed colour per region
  (``data/region_palette.csv``); regions not listed take the remaining colours in a stable order.
* Sizes for a journal: every figure is exactly 89 mm (one column) or 183 mm (the page) wide, in
  both languages, laid out inside that width (constrained layout, never cropped when saved), with
  no text under 6 pt (:mod:`.audit` checks this through the renderer).
* Every label comes from a lookup in Chinese and English, chosen by ``lang``.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import matplotlib

matplotlib.use("Agg", force=False)

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from ..tables.atomic import atomic_write  # noqa: E402
from .fonts import FONT_FAMILY, font_file  # noqa: E402
from ..rules.datafiles import read_table  # noqa: E402

__all__ = [
    "SINGLE_COLUMN", "DOUBLE_COLUMN", "MIN_FONT_PT", "FONT_FAMILY", "font_path", "use_style", "set_theme",
    "region_colors", "CATEGORY_COLOURS", "REGION_COLOURS", "label", "save_figure", "LANGS",
]

MM = 1 / 25.4  # inches per millimetre
SINGLE_COLUMN = 89 * MM  # a journal column: 89 mm
DOUBLE_COLUMN = 183 * MM  # the full page width: 183 mm
MIN_FONT_PT = 6  # no text smaller than this at print size
LANGS = ("zh", "en")
# Okabe & Ito (2008), colour-blind safe; black last.
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
EXTRA = ["#999999", "#882255", "#44AA99", "#117733", "#332288", "#AA4499", "#DDCC77", "#88CCEE"]
REGION_COLOURS = OKABE_ITO + EXTRA  # only places wear these
# Colours of categories (stages, roles, instrument types): never a region's colour, so a reader never
# takes a category for a place. Paul Tol's "bright" scheme for the stages; blues and greys for roles.
CATEGORY_COLOURS = {
    "creation": "#4477AA", "utilization": "#66CCEE", "protection": "#228833", "management": "#CCBB44",
    "services": "#EE6677", "talent_culture": "#AA3377",
    "lead": "#08306B", "responsible": "#4292C6", "cooperating": "#9ECAE1", "collective_only": "#BDBDBD",
    "national_only": "#6A51A3", "no_unit": "#F0F0F0",
    "supply": "#1B7837", "environment": "#762A83", "demand": "#E08214",
}


def font_path() -> Path:
    """The Simplified-Chinese font file (TrueType, see :mod:`.fonts`)."""
    return font_file()


def _style_rc() -> dict:
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [FONT_FAMILY, "DejaVu Sans"],
        "axes.unicode_minus": False,
        "pdf.fonttype": 42,
        "ps.fonttype": 42,
        "svg.fonttype": "none",
        "savefig.dpi": 300,
        "figure.dpi": 100,
        "font.size": 7,
        "axes.titlesize": 7.5,
        "axes.labelsize": 7,
        "xtick.labelsize": 6.5,
        "ytick.labelsize": 6.5,
        "legend.fontsize": 6.5,
        "legend.title_fontsize": 6.5,
        "axes.spines.top": False,
        "axes.spines.right": False,
        # the figure keeps its width (89 or 183 mm) on paper: layout inside it, no cropping when saved
        "figure.constrained_layout.use": True,
        "savefig.bbox": None,
    }


def use_style() -> None:
    """Register the Chinese font and apply the house rcParams (idempotent)."""
    path = str(font_path())
    if path not in {f.fname for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(path)
    plt.rcParams.update(_style_rc())


def set_theme(style: str = "ticks", **kwargs) -> None:
    """``seaborn.set_theme`` followed by the house style (which it would otherwise reset)."""
    import seaborn as sns

    sns.set_theme(style=style, **kwargs)
    use_style()


# ---------------------------------------------------------------------------------------------
# regions and labels


def region_colors(regions) -> dict[str, str]:
    """A fixed colour per region: listed regions keep theirs; others take free colours stably."""
    table = read_table("region_palette.csv")
    fixed = {r: "#" + c.lstrip("#") for r, c in zip(table.region, table.color_hex)}
    colors = {r: fixed[r] for r in regions if r in fixed}
    free = [c for c in REGION_COLOURS if c not in fixed.values()]
    for region in sorted(set(regions) - set(colors), key=lambda r: hashlib.sha1(r.encode()).hexdigest()):
        taken = set(colors.values())
        choices = [c for c in free if c not in taken] or free
        colors[region] = choices[int(hashlib.sha1(region.encode()).hexdigest(), 16) % len(choices)]
    return colors


@lru_cache(maxsize=1)
def _labels() -> dict[str, tuple[str, str]]:
    table = read_table("labels.csv")
    out = {r.key: (r.zh, r.en) for r in table.itertuples()}
    for t in read_table("theme_lexicon.csv").itertuples():
        out.setdefault(t.theme, (t.theme_zh, t.theme_en))
    agencies = read_table("agencies.csv").drop_duplicates("agency")
    for a in agencies.itertuples():
        out.setdefault(a.agency, (a.agency_zh, a.agency_en))
    out.setdefault("other", ("其他单位", "Other units"))
    for r in read_table("instrument_rules.csv").itertuples():
        out.setdefault(r.subtool, (r.subtool_zh, r.subtool_en))
    for r in read_table("indicators.csv").itertuples():
        out.setdefault(r.indicator_key, (r.label_zh, r.label_en))
    return out


def label(key: str, lang: str) -> str:
    """The Chinese or English label of a key (axis titles, themes, agencies, roles, ...)."""
    pair = _labels().get(key)
    if pair is None:
        return key
    return pair[0] if lang == "zh" else pair[1]


def has_label(key: str) -> bool:
    return key in _labels()


# ---------------------------------------------------------------------------------------------
# saving


PRINT_DPI = 300


def save_figure(fig, name: str, out_dir, lang: str, formats=("png", "pdf"), check=None):
    """Save ``fig`` as ``<out_dir>/<name>_<lang>.png`` (300 dpi) and ``.pdf``; close it. Return the
    files written, or with ``check`` (a function ``(fig, lang) -> problems`` such as
    :func:`.audit.audit`) ``(files, problems)``.

    The figure is laid out and rendered once at 300 dpi: ``check`` reads that rendering, the PNG is
    its pixels, and the PDF keeps the same layout (not computed again)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    fig.set_dpi(PRINT_DPI)
    fig.canvas.draw()
    problems = check(fig, lang) if check is not None else []
    fig.set_layout_engine("none")  # the layout just computed is kept for the PDF
    written = []
    for fmt in formats:
        path = out_dir / f"{name}_{lang}.{fmt}"
        atomic_write(path, lambda tmp, fmt=fmt: _write(fig, tmp, fmt))
        written.append(path)
    plt.close(fig)
    return (written, problems) if check is not None else written


def _write(fig, path: str, fmt: str) -> None:
    if fmt == "png":  # the pixels already rendered
        from matplotlib.image import imsave

        imsave(path, fig.canvas.buffer_rgba(), format="png", dpi=PRINT_DPI)
    else:
        fig.savefig(path, format=fmt, dpi=PRINT_DPI, metadata={"Creator": "ipanalysis"} if fmt == "pdf" else None)
