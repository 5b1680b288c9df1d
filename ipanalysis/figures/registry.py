"""The standard figures. Each is a function ``(corpus, lang) -> Figure`` registered under a file name
that says what it shows (in the topic modules :mod:`.overview`, :mod:`.themes`, :mod:`.workloads`,
:mod:`.targets`); :func:`draw_all` (the ``ipanalysis figures`` command) draws every one in each
language as PNG (300 dpi) and PDF."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

from ..config import FIGURES_DIR, PROCESSED_DIR

__all__ = ["FIGURES", "register", "draw_all", "draw", "show"]

FIGURES: dict[str, Callable] = {}
TOPICS = ("overview", "themes", "workloads", "targets")


def register(name: str):
    def wrap(func):
        FIGURES[name] = func
        return func
    return wrap


def _load_topics() -> None:
    from importlib import import_module

    for topic in TOPICS:
        import_module(f"{__package__}.{topic}")


def draw(name: str, corpus, lang: str):
    """One registered figure, styled; None when the corpus has nothing it could show (a figure that
    follows regions over time, for a corpus with one plan per region)."""
    from .style import set_theme

    _load_topics()
    set_theme()
    return FIGURES[name](corpus, lang)


def show(name: str, corpus, lang: str = "en", out=None, langs=("zh", "en")):
    """Draw a figure for display in ``lang``; with ``out``, also save it in every language."""
    from .style import save_figure

    if out is not None:
        for each in langs:
            fig = draw(name, corpus, each)
            if fig is not None:
                save_figure(fig, name, out, each)
    fig = draw(name, corpus, lang)
    if fig is None:
        print(f"{name}: nothing to draw for this corpus")
    return fig


def draw_all(processed=PROCESSED_DIR, out=FIGURES_DIR, langs=("zh", "en"), progress=False,
             names=None) -> list[Path]:
    """Draw every registered figure in each language; return the files written.

    Any missing-glyph warning is turned into an error, so a figure with empty boxes never lands.
    """
    from ..tables.corpus import load_corpus
    from .style import save_figure

    _load_topics()
    corpus = load_corpus(processed)
    names = list(names or FIGURES)
    jobs = [(n, lang) for n in names for lang in langs]
    iterator = jobs
    if progress:
        from tqdm.auto import tqdm

        iterator = tqdm(jobs, desc="figures", unit="figure")
    written = []
    for name, lang in iterator:
        with warnings.catch_warnings():
            warnings.filterwarnings("error", message=r".*[Gg]lyph .* missing from.*")
            fig = draw(name, corpus, lang)
            if fig is not None:
                written.extend(save_figure(fig, name, out, lang))
    return written
