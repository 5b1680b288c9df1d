"""The Chinese figure font, shipped with the package: a TrueType subset of Noto Sans CJK SC.

``ipanalysis/data/fonts/NotoSansSC-Subset-Regular.ttf`` holds GB 2312 (levels 1 and 2), ASCII,
Latin-1, CJK and general punctuation, full-width forms and every character of the project's
vocabulary files, with TrueType (quadratic) outlines: matplotlib registers it as it is and embeds
it in PDFs as a subsetted TrueType font whose text stays editable. No font package and no
conversion at run time. The licence (SIL OFL 1.1) and the recipe are beside it
(``OFL.txt``, ``README.md``; ``scripts/subset_font.py`` regenerates it).
"""

from __future__ import annotations

from pathlib import Path

from ..rules.datafiles import data_path

__all__ = ["FONT_FILE", "FONT_FAMILY", "font_file"]

FONT_FILE = "fonts/NotoSansSC-Subset-Regular.ttf"
FONT_FAMILY = "Noto Sans CJK SC"  # the family name inside the file


def font_file() -> Path:
    """The shipped font file."""
    path = Path(str(data_path(FONT_FILE)))
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: reinstall ipanalysis")
    return path
