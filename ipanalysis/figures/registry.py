"""The standard figures. Each is a function ``(corpus, lang) -> Figure`` registered under a file name
that says what it shows (in the topic modules :mod:`.overview`, :mod:`.themes`, :mod:`.instruments`,
:mod:`.workloads`, :mod:`.targets`); :func:`draw_all` (the ``ipanalysis figures`` command) draws
every one in each language as PNG (300 dpi) and PDF.

``figures/figures.json`` records which build of the tables and which figure code drew the files:
:func:`draw_all` does nothing when both are unchanged, and :func:`show` (the notebooks) displays
the drawn PNG instead of drawing the figure again.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from ..config import FIGURES_DIR, PROCESSED_DIR

__all__ = ["FIGURES", "register", "draw_all", "draw", "show", "figure_code_digest"]

FIGURES: dict[str, Callable] = {}
TOPICS = ("overview", "themes", "instruments", "workloads", "targets")
MANIFEST = "figures.json"


def register(name: str):
    def wrap(func):
        FIGURES[name] = func
        return func
    return wrap


def _load_topics() -> None:
    from importlib import import_module

    for topic in TOPICS:
        import_module(f"{__package__}.{topic}")


@lru_cache(maxsize=1)
def figure_code_digest() -> str:
    """A digest of everything a figure depends on besides the tables: the code of the figures,
    analyses and rules, and the data files (labels, glossary, palette, lexicons)."""
    package = Path(__file__).resolve().parents[1]
    files = sorted([*package.glob("figures/*.py"), *package.glob("analysis/*.py"), *package.glob("rules/*.py"),
                    *package.glob("data/*.csv"), *package.glob("data/*.txt")])
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def draw(name: str, corpus, lang: str):
    """One registered figure, styled; None when the corpus has nothing it could show (a figure that
    follows places over time, for a corpus with one plan per place)."""
    from .style import set_theme

    _load_topics()
    set_theme()
    return FIGURES[name](corpus, lang)


def _manifest(out) -> dict:
    try:
        return json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _drawn_file(out, corpus, name: str, lang: str) -> Path | None:
    """The PNG of ``name`` in ``out`` when it was drawn from this build with this code."""
    manifest = _manifest(out)
    path = Path(out) / f"{name}_{lang}.png"
    fresh = (corpus.build_id is not None and manifest.get("build_id") == corpus.build_id
             and manifest.get("code") == figure_code_digest())
    return path if fresh and path.name in manifest.get("files", []) and path.exists() else None


def show(name: str, corpus, lang: str = "en", out=None, langs=("zh", "en")):
    """Show a figure in ``lang``: the PNG ``ipanalysis figures`` drew into ``out`` when it is from
    these tables and this code; otherwise drawn here (and, with ``out``, saved in every language)."""
    from .style import save_figure

    drawn = _drawn_file(out, corpus, name, lang) if out is not None else None
    if drawn is not None:
        from IPython.display import Image

        return Image(filename=str(drawn), width=720)
    if out is not None:
        for each in langs:
            fig = draw(name, corpus, each)
            if fig is not None:
                save_figure(fig, name, out, each)
    fig = draw(name, corpus, lang)
    if fig is None:
        print(f"{name}: nothing to draw for this corpus")
    return fig


_WORKER: dict = {}


def _start_worker(processed) -> None:
    from ..tables.corpus import load_corpus

    _load_topics()
    _WORKER["corpus"] = load_corpus(processed)


def _draw_and_save(job) -> tuple[list[Path], list[str]]:
    """Draw one figure in one language and save it: ``(files written, print problems)``."""
    from .audit import audit
    from .style import save_figure

    name, lang, out = job
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=r".*[Gg]lyph .* missing from.*")
        fig = draw(name, _WORKER["corpus"], lang)
    if fig is None:
        return [], []
    written, problems = save_figure(fig, name, out, lang, check=lambda f, lg: audit(f, lg, drawn=True))
    return written, [f"{name}_{lang}: {p}" for p in problems]


def _run_jobs(jobs, processed, n_workers: int, progress: bool):
    """Results of :func:`_draw_and_save` for every job, in ``n_workers`` processes (or this one)."""
    from ..progress import progress_bar

    if n_workers <= 1:
        _start_worker(processed)
        yield from progress_bar(map(_draw_and_save, jobs), len(jobs), "figures", progress)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(n_workers, initializer=_start_worker, initargs=(processed,)) as pool:
        yield from progress_bar(pool.map(_draw_and_save, jobs), len(jobs), "figures", progress)


def draw_all(processed=PROCESSED_DIR, out=FIGURES_DIR, langs=("zh", "en"), progress=False,
             names=None, force: bool = False, jobs: int | None = None) -> list[Path]:
    """Draw every registered figure in each language (in ``jobs`` processes, default: 2 at most);
    return the files written: none when the figures in ``out`` were drawn from the same tables with
    the same code, unless ``force``.

    Any missing-glyph warning is turned into an error, so a figure with empty boxes never lands;
    print problems (:func:`.audit.audit`) are reported as warnings.
    """
    import os

    from ..tables.atomic import atomic_write_bytes
    from ..tables.corpus import build_id

    _load_topics()
    names = list(names or FIGURES)
    record = {"build_id": build_id(processed), "code": figure_code_digest(), "names": sorted(names),
              "langs": sorted(langs)}
    manifest = _manifest(out)
    if (not force and record["build_id"] is not None and all(manifest.get(k) == v for k, v in record.items())
            and all((Path(out) / f).exists() for f in manifest.get("files", []))):
        return []
    todo = [(n, lang, Path(out)) for n in names for lang in langs]
    n_workers = min(jobs or min(2, os.cpu_count() or 1), len(todo))
    written = []
    for files, problems in _run_jobs(todo, processed, n_workers, progress):
        written.extend(files)
        for problem in problems:
            warnings.warn(problem, stacklevel=2)
    record["files"] = sorted(p.name for p in written)
    atomic_write_bytes(Path(out) / MANIFEST, json.dumps(record, indent=1).encode("utf-8"))
    return written
