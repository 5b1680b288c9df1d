"""The standard figures. Each is a function ``(corpus, lang) -> Figure`` registered under a file name
that says what it shows (in the topic modules :mod:`.overview`, :mod:`.themes`, :mod:`.instruments`,
:mod:`.workloads`, :mod:`.targets`); :func:`draw_all` (the ``ipanalysis figures`` command) draws
every one in each language as PNG (300 dpi) and PDF.

``figures/figures.json`` records, for each figure, which tables it read (their digests) and which
code drew it: :func:`draw_all` draws again only the figures whose tables or code changed, and
:func:`show` (the notebooks) displays the drawn PNG instead of drawing the figure again.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from ..config import FIGURES_DIR, PROCESSED_DIR

__all__ = ["FIGURES", "register", "draw_all", "draw", "show", "figure_code_digest"]

FIGURES: dict[str, Callable] = {}
PLANS_ONLY: set[str] = set()  # figures of documents one by one (who took text from whom): never of groups
TOPICS = ("overview", "themes", "instruments", "workloads", "targets")
MANIFEST = "figures.json"


def register(name: str, groups: bool = True):
    """Register a figure under ``name``; ``groups=False``: it shows documents one by one and is not
    drawn for a corpus drawn by groups of plans."""
    def wrap(func):
        FIGURES[name] = func
        if not groups:
            PLANS_ONLY.add(name)
        return func
    return wrap


def _load_topics() -> None:
    from importlib import import_module

    for topic in TOPICS:
        import_module(f"{__package__}.{topic}")


def _figure_modules() -> list[str]:
    """The modules of this package: where a figure's code starts."""
    from ..imports import package_modules

    return [m for m in package_modules() if m == __package__ or m.startswith(f"{__package__}.")]


def figure_inputs() -> dict[str, bytes]:
    """What a figure depends on besides the tables (:func:`ipanalysis.imports.code_inputs` of the
    figure modules): the code a figure runs and the data files it reads."""
    from ..imports import code_inputs

    return code_inputs(_figure_modules())


@lru_cache(maxsize=1)
def figure_code_digest() -> str:
    """A digest of :func:`figure_inputs`."""
    from ..imports import code_digest

    return code_digest(_figure_modules())


def _drawing(by: str | None) -> str:
    """What decides how a figure is drawn besides its tables: the code, and the grouping asked for."""
    return f"{figure_code_digest()}/{by or 'plan'}"


def _is_fresh(entry: dict | None, digests: dict | None, code: str) -> bool:
    """Whether a manifest entry was drawn with this code from tables whose digests are ``digests``."""
    return bool(entry and digests and entry.get("code") == code and entry.get("reads") is not None
                and all(digests.get(t) == d for t, d in entry["reads"].items()))


def draw(name: str, corpus, lang: str, by: str | None = "auto"):
    """One registered figure, styled; None when the corpus has nothing it could show (a figure that
    follows places over time, for a corpus with one plan per place).

    A corpus of more plans than a printed page holds is drawn by groups of plans (``by="auto"``:
    :func:`ipanalysis.tables.group.figure_corpus`); ``by="plan"`` draws every plan, a column of the
    documents table (``admin_level``, ``province_zh``, ``plan_type``) draws its groups."""
    from ..tables.group import figure_corpus, is_grouped
    from .style import set_theme

    _load_topics()
    corpus = figure_corpus(corpus, by)[0]
    if name in PLANS_ONLY and is_grouped(corpus):
        return None
    set_theme()
    return FIGURES[name](corpus, lang)


def _manifest(out) -> dict:
    try:
        return json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _drawn_file(out, corpus, name: str, lang: str, by: str | None = "auto") -> Path | bool | None:
    """The PNG of ``name`` in ``out`` when it was drawn from tables equal to the corpus's with this
    code; False when it was found to have nothing to show for them; else None."""
    from ..tables.group import is_grouped

    entry = _manifest(out).get("figures", {}).get(name)
    if is_grouped(corpus) or not _is_fresh(entry, corpus.table_digests, _drawing(by)):
        return None  # the drawn files are of the corpus as loaded, not of a corpus grouped by the caller
    if entry.get("empty"):
        return False
    path = Path(out) / f"{name}_{lang}.png"
    return path if path.name in entry.get("files", []) and path.exists() else None


def show(name: str, corpus, lang: str = "en", out=None, langs=("zh", "en"), by: str | None = "auto"):
    """Show a figure in ``lang``: the PNG ``ipanalysis figures`` drew into ``out`` when it is from
    these tables and this code; otherwise drawn here (and, with ``out``, saved in every language);
    ``by`` as in :func:`draw`."""
    drawn = _drawn_file(out, corpus, name, lang, by) if out is not None else None
    if drawn is False:
        print(f"{name}: nothing to draw for this corpus")
        return None
    if drawn is not None:
        from IPython.display import Image

        return Image(filename=str(drawn), width=720)
    if out is not None:
        from .style import save_figure

        for each in langs:
            fig = draw(name, corpus, each, by)
            if fig is not None:
                save_figure(fig, name, out, each)
    fig = draw(name, corpus, lang, by)
    if fig is None:
        print(f"{name}: nothing to draw for this corpus")
    return fig


_WORKER: dict = {}


def _start_worker(processed, by: str | None = "auto") -> None:
    from ..tables.corpus import load_corpus
    from ..tables.group import figure_corpus

    _load_topics()
    _WORKER["corpus"] = figure_corpus(load_corpus(processed), by)[0]


def _draw_and_save(job) -> tuple[str, list[Path], list[str], set]:
    """Draw one figure in one language and save it: ``(name, files written, print problems, tables
    read)``."""
    from ..tables.corpus import recording_reads
    from .audit import audit
    from .style import save_figure

    name, lang, out = job
    with warnings.catch_warnings(), recording_reads() as read:
        warnings.filterwarnings("error", message=r".*[Gg]lyph .* missing from.*")
        fig = draw(name, _WORKER["corpus"], lang, by="plan")  # the worker's corpus is already the one to draw
    if fig is None:
        return name, [], [], read
    written, problems = save_figure(fig, name, out, lang, check=lambda f, lg: audit(f, lg, drawn=True))
    return name, written, [f"{name}_{lang}: {p}" for p in problems], read


def _run_jobs(jobs, processed, n_workers: int, progress: bool, by: str | None = "auto"):
    """Results of :func:`_draw_and_save` for every job, in ``n_workers`` processes (or this one)."""
    from ..progress import progress_bar

    if n_workers <= 1:
        _start_worker(processed, by)
        yield from progress_bar(map(_draw_and_save, jobs), len(jobs), "figures", progress)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(n_workers, initializer=_start_worker, initargs=(processed, by)) as pool:
        yield from progress_bar(pool.map(_draw_and_save, jobs), len(jobs), "figures", progress)


def draw_all(processed=PROCESSED_DIR, out=FIGURES_DIR, langs=("zh", "en"), progress=False,
             names=None, force: bool = False, jobs: int | None = None, by: str | None = "auto") -> list[Path]:
    """Draw the registered figures in each language (in ``jobs`` processes, default: 2 at most) and
    return the files written.

    ``figures/figures.json`` notes, for each figure, the tables it read (with their digests) and the
    code that drew it: a figure is drawn again only when one of those tables or the code changed (an
    edited lexicon term redraws the figures of the coding, not the others), its files are missing,
    or ``force``. ``by`` as in :func:`draw` (a corpus of many plans is drawn by groups of plans).
    Any missing-glyph warning is turned into an error, so a figure with empty boxes
    never lands; print problems (:func:`.audit.audit`) are reported as warnings.
    """
    import os

    from ..tables.atomic import atomic_write_bytes
    from ..tables.corpus import table_digests

    _load_topics()
    names = list(names or FIGURES)
    code, digests = _drawing(by), table_digests(processed)
    manifest = _manifest(out)
    entries = manifest.get("figures", {}) if manifest.get("langs") == sorted(langs) else {}
    fresh = {n for n in names if not force and _is_fresh(entries.get(n), digests, code)
             and all((Path(out) / f).exists() for f in entries[n].get("files", []))}
    todo = [(n, lang, Path(out)) for n in names if n not in fresh for lang in langs]
    if not todo:
        return []
    n_workers = min(jobs or min(2, os.cpu_count() or 1), len(todo))
    written, drawn = [], {}
    for name, files, problems, read in _run_jobs(todo, processed, n_workers, progress, by):
        written.extend(files)
        entry = drawn.setdefault(name, {"reads": set(), "files": []})
        entry["reads"] |= read
        entry["files"] += [p.name for p in files]
        for problem in problems:
            warnings.warn(problem, stacklevel=2)
    for name, entry in drawn.items():
        reads = {t: digests.get(t) for t in sorted(entry["reads"])} if digests else None
        entries[name] = {"code": code, "reads": reads, "files": sorted(entry["files"]), "empty": not entry["files"]}
    record = {"langs": sorted(langs), "figures": {n: entries[n] for n in sorted(entries)}}
    atomic_write_bytes(Path(out) / MANIFEST, json.dumps(record, indent=1).encode("utf-8"))
    return written
