"""Figures: the house style and font (:mod:`.style`, :mod:`.fonts`) and the standard figures, one
module per analysis topic (:mod:`.overview`, :mod:`.themes`, :mod:`.workloads`, :mod:`.targets`),
registered in :mod:`.registry`.

    from ipanalysis import figures
    fig = figures.draw("themes_stage_profile", corpus, lang="zh")
"""

from .registry import FIGURES, draw, draw_all, register, show

__all__ = ["FIGURES", "draw", "draw_all", "register", "show"]
