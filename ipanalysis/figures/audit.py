"""Print checks of a drawn figure, read through the renderer: what a journal's production office
would send back.

:func:`audit` lays the figure out as it will be saved and returns one message per problem:

* width not 89 or 183 mm (a journal's column and page widths);
* text under 6 pt;
* text outside the figure (clipped when printed);
* text over other text (tick labels, titles, legends, annotations): a box overlapping another by
  more than a fifth of the smaller one;
* Chinese characters in an English figure (but for a term the glossary lacks, shown as pinyin with
  its Chinese: ``zijinlian (资金链)``).

``ipanalysis figures`` runs it on every figure it draws and reports what it finds; the tests require
an empty list for every figure in both languages.
"""

from __future__ import annotations

import re
from itertools import combinations

from matplotlib.text import Text

from .style import DOUBLE_COLUMN, MIN_FONT_PT, MM, SINGLE_COLUMN

__all__ = ["audit", "drawn_texts"]

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
# a term the glossary lacks, written as pinyin with its Chinese: ``zijinlian (资金链)`` (rules/glossary.py)
UNTRANSLATED = re.compile(r"[a-zü]+ \([\u3400-\u9fff]+\)")
WIDTHS_MM = (round(SINGLE_COLUMN / MM), round(DOUBLE_COLUMN / MM))
OVERLAP = 0.2  # share of the smaller box two texts may share (ascenders and descenders touch)
TOLERANCE_PX = 1.0


def _tick_texts(axis) -> list[Text]:
    """The tick labels an axis draws (those inside its view), not every label object it holds."""
    out = []
    for tick in axis._update_ticks():
        out.extend(t for t in (tick.label1, tick.label2) if t.get_visible())
    return out


def drawn_texts(fig) -> list[Text]:
    """Every text the figure draws with something in it: titles, labels, ticks, legends, annotations."""
    texts = []
    for ax in fig.axes:
        if ax.axison and ax.get_visible():
            texts += _tick_texts(ax.xaxis) + _tick_texts(ax.yaxis)
            texts += [ax.xaxis.label, ax.yaxis.label]
    axis_texts = set().union(*(_axis_texts(ax) for ax in fig.axes))
    # tick and axis labels were taken above, only those drawn; the rest: titles, legends, annotations
    texts += [t for t in fig.findobj(Text) if t not in axis_texts]
    return [t for t in dict.fromkeys(texts) if t.get_visible() and t.get_text().strip() and _shown(t)]


def _axis_texts(ax) -> set:
    out = set()
    for axis in (ax.xaxis, ax.yaxis):
        out.add(axis.label)
        for tick in axis.get_major_ticks() + axis.get_minor_ticks():
            out.update((tick.label1, tick.label2))
    return out


def _shown(text: Text) -> bool:
    parent = text.axes
    if parent is not None and not parent.get_visible():
        return False
    figure = text.get_figure()
    return figure is not None


def audit(fig, lang: str, drawn: bool = False) -> list[str]:
    """Problems of ``fig`` at print size (empty when it is fit to print); ``drawn``: the figure was
    just rendered (as :func:`.style.save_figure` does), read that rendering instead of drawing it."""
    problems = []
    width = fig.get_figwidth() / MM
    if not any(abs(width - w) < 0.05 for w in WIDTHS_MM):
        problems.append(f"width {width:.1f} mm, not {WIDTHS_MM[0]} or {WIDTHS_MM[1]} mm")
    if not drawn:
        fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    tolerance = TOLERANCE_PX * fig.dpi / 100  # a pixel at 100 dpi
    page = fig.bbox
    boxes = []
    for text in drawn_texts(fig):
        shown = text.get_text().replace("\n", " ")[:40]
        if text.get_fontsize() < MIN_FONT_PT - 1e-6:
            problems.append(f"text {shown!r} at {text.get_fontsize():.1f} pt (under {MIN_FONT_PT} pt)")
        box = text.get_window_extent(renderer)
        if (box.x0 < page.x0 - tolerance or box.y0 < page.y0 - tolerance
                or box.x1 > page.x1 + tolerance or box.y1 > page.y1 + tolerance):
            problems.append(f"text {shown!r} runs off the figure")
        if lang == "en" and CJK.search(UNTRANSLATED.sub("", text.get_text())):
            problems.append(f"Chinese text {shown!r} in the English figure")
        boxes.append((shown, box))
    for (a, box_a), (b, box_b) in combinations(boxes, 2):
        if _overlap(box_a, box_b) > OVERLAP:
            problems.append(f"text {a!r} overlaps {b!r}")
    return problems


def _overlap(a, b) -> float:
    """Area two boxes share, as a share of the smaller one."""
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.y1, b.y1) - max(a.y0, b.y0)
    if width <= 0 or height <= 0:
        return 0.0
    smaller = min(a.width * a.height, b.width * b.height)
    return width * height / smaller if smaller > 0 else 0.0
