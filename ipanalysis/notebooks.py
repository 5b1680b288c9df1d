"""Run the numbered notebooks (``notebooks/NN_*.py``, jupytext py:percent) headless, or pair them.

``python -m ipanalysis.notebooks --execute`` converts each ``.py`` to a notebook, runs it with
nbclient and writes the executed copy (with outputs) to ``notebooks/executed/`` (not in git).
``--sync`` writes the paired ``.ipynb`` next to each ``.py`` for JupyterLab (outputs are never
committed: ``*.ipynb`` is ignored by git, the ``.py`` files are the source).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from .config import project_root

__all__ = ["notebook_sources", "execute_notebook", "execute_all", "sync_all", "main"]


def _notebook_dir() -> Path:
    root = project_root()
    return (root / "notebooks") if root else Path("notebooks")


def notebook_sources(folder: Path | None = None) -> list[Path]:
    folder = folder or _notebook_dir()
    return sorted(p for p in folder.glob("[0-9][0-9]_*.py"))


def execute_notebook(source: Path, out_dir: Path | None = None, timeout: int = 600, env: dict | None = None):
    """Execute one py:percent notebook in its own folder; return the executed notebook."""
    import jupytext
    from nbclient import NotebookClient

    nb = jupytext.read(source)
    nb.metadata.setdefault("kernelspec", {"name": "python3", "display_name": "Python 3", "language": "python"})
    old = {k: os.environ.get(k) for k in (env or {})}
    os.environ.update(env or {})
    try:
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                                resources={"metadata": {"path": str(source.parent)}})
        # the kernel's own log lines (transport notices) are noise; errors surface in the cells
        client.execute(stderr=subprocess.DEVNULL)
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    if out_dir is not None:
        import nbformat

        out_dir.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, out_dir / f"{source.stem}.ipynb")
    return nb


def _execute_timed(job) -> tuple[str, float]:
    source, out_dir, env = job
    start = time.perf_counter()
    execute_notebook(source, out_dir, env=env)
    return source.name, time.perf_counter() - start


def execute_all(out_dir: Path | None = None, env: dict | None = None, jobs: int = 1) -> list[Path]:
    """Execute every notebook into ``out_dir``, ``jobs`` at a time (each in its own kernel)."""
    out_dir = out_dir or _notebook_dir() / "executed"
    todo = [(source, out_dir, env) for source in notebook_sources()]
    if jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(min(jobs, len(todo))) as pool:
            done = pool.map(_execute_timed, todo)
            for name, seconds in done:
                print(f"executed {name} in {seconds:.1f} s", flush=True)
    else:
        for job in todo:
            name, seconds = _execute_timed(job)
            print(f"executed {name} in {seconds:.1f} s", flush=True)
    return [out_dir / f"{source.stem}.ipynb" for source, _, _ in todo]


def sync_all(folder: Path | None = None) -> list[Path]:
    """Write the paired ``.ipynb`` (no outputs) beside each ``.py`` source that is newer than it.

    The ``.ipynb`` takes the ``.py``'s modification time: JupyterLab's jupytext refuses a pair
    whose ``.ipynb`` is more recent than its text file (it could hold edits the text lacks).
    """
    import jupytext

    written = []
    for source in notebook_sources(folder):
        target = source.with_suffix(".ipynb")
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        nb = jupytext.read(source)
        nb.metadata["jupytext"] = {"formats": "ipynb,py:percent"}
        jupytext.write(nb, target)
        stat = source.stat()
        os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        written.append(target)
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ipanalysis.notebooks",
                                     description="Execute or pair the numbered notebooks.")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--execute", action="store_true", help="run every notebook headless into notebooks/executed/")
    group.add_argument("--sync", action="store_true", help="write paired .ipynb files for JupyterLab")
    parser.add_argument("--jobs", type=int, default=1, help="notebooks executed at once (default: 1)")
    args = parser.parse_args(argv)
    if args.execute:
        execute_all(jobs=args.jobs)
    else:
        for path in sync_all():
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
