"""Run the numbered notebooks (``notebooks/NN_*.py``, jupytext py:percent) headless, or pair them.

``python -m ipanalysis.notebooks --execute`` converts each ``.py`` to a notebook, runs it with
nbclient and writes the executed copy (with outputs) to ``notebooks/executed/`` (not in git); a
notebook whose inputs did not change since (its text, the code it runs, the tables, its settings:
``notebooks/executed/notebooks.json``) is not run again (``--force`` runs every one).
``--sync`` writes the paired ``.ipynb`` next to each ``.py`` for JupyterLab (outputs are never
committed: ``*.ipynb`` is ignored by git, the ``.py`` files are the source).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from .config import project_root

__all__ = ["notebook_sources", "execute_notebook", "execute_notebooks", "execute_all", "notebook_inputs", "sync_all",
           "main"]


def _notebook_dir() -> Path:
    root = project_root()
    return (root / "notebooks") if root else Path("notebooks")


def notebook_sources(folder: Path | None = None) -> list[Path]:
    folder = folder or _notebook_dir()
    return sorted(p for p in folder.glob("[0-9][0-9]_*.py"))


def _without_iri_grammar() -> None:
    """Keep jsonschema (imported by nbformat) from importing its optional IRI checker,
    ``rfc3987_syntax``, in this process: that package builds a grammar at import (1.3–2 s a process,
    python-jsonschema/jsonschema#1392) and notebooks hold no IRIs to check. A process that already
    imported it keeps it."""
    sys.modules.setdefault("rfc3987_syntax", None)


RESET = "%reset -f"  # run before each notebook that shares a kernel: no name of the one before is left
# run before and after each notebook: the tables it reads (ipanalysis.tables.corpus.recording_reads)
RECORD_READS = ("import ipanalysis.tables.corpus as _ipanalysis_corpus\n"
                "_ipanalysis_reads = _ipanalysis_corpus.recording_reads()\n"
                "_ipanalysis_read = _ipanalysis_reads.__enter__()")
PRINT_READS = "_ipanalysis_reads.__exit__(None, None, None)\nprint(*sorted(_ipanalysis_read))"


@contextmanager
def _environment(env: dict | None):
    """``os.environ`` with ``env`` added for the duration (a kernel started inside inherits it)."""
    old = {k: os.environ.get(k) for k in (env or {})}
    os.environ.update(env or {})
    try:
        yield
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _start_kernel(cwd: Path):
    """A python3 kernel running in ``cwd`` (its own log lines, transport notices, are noise)."""
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    km = AsyncKernelManager(kernel_name="python3")
    run_sync(km.start_kernel)(cwd=str(cwd), stderr=subprocess.DEVNULL)
    return km


def _stop_kernel(km) -> None:
    from jupyter_core.utils import run_sync

    run_sync(km.shutdown_kernel)(now=True)


def _run(source: Path, km, first: bool, timeout: int = 600):
    """``source`` executed in the kernel of ``km``; unless it is the ``first`` there, the names the
    notebooks before it left are cleared first. The tables it read are in its metadata
    (``nb.metadata["ipanalysis"]["tables_read"]``)."""
    _without_iri_grammar()
    import jupytext
    from nbclient import NotebookClient
    from nbformat.v4 import new_code_cell

    nb = jupytext.read(source)
    nb.metadata.setdefault("kernelspec", {"name": "python3", "display_name": "Python 3", "language": "python"})
    before = [new_code_cell(code) for code in ([] if first else [RESET]) + [RECORD_READS]]
    nb.cells[:0] = before
    nb.cells.append(new_code_cell(PRINT_READS))
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", km=km,
                            resources={"metadata": {"path": str(source.parent)}})
    try:
        client.execute()
    finally:
        if client.kc is not None:
            client.kc.stop_channels()
    printed = "".join(o.get("text", "") for o in nb.cells.pop().get("outputs", []))
    nb.metadata["ipanalysis"] = {"tables_read": printed.split()}
    del nb.cells[:len(before)]
    # the hidden cells, and in a shared kernel the notebooks before, took numbers: number from 1
    code = [cell for cell in nb.cells if cell.cell_type == "code" and cell.get("execution_count")]
    for number, cell in enumerate(code, start=1):
        cell.execution_count = number
        for output in cell.get("outputs", []):
            if output.get("execution_count"):
                output.execution_count = number
    return nb


def _write(nb, source: Path, out_dir: Path | None) -> None:
    if out_dir is not None:
        import nbformat

        out_dir.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, out_dir / f"{source.stem}.ipynb")


def execute_notebook(source: Path, out_dir: Path | None = None, timeout: int = 600, env: dict | None = None):
    """Execute one py:percent notebook in a kernel of its own, in its own folder; return the
    executed notebook (written to ``out_dir`` when given)."""
    return execute_notebooks([source], out_dir, timeout, env)[0][0]


def execute_notebooks(sources: list[Path], out_dir: Path | None = None, timeout: int = 600,
                      env: dict | None = None) -> list[tuple]:
    """Execute notebooks one after the other in one kernel, started once in their folder (its start
    and the imports are paid once); before each notebook but the first, ``%reset -f`` clears every
    name the one before left, so each runs as in a fresh kernel. Returns ``(notebook, seconds)``
    for each."""
    done = []
    if not sources:
        return done
    with _environment(env):
        km = _start_kernel(Path(sources[0]).parent)
        try:
            for source in sources:
                start = time.perf_counter()
                nb = _run(source, km, first=not done, timeout=timeout)
                _write(nb, source, out_dir)
                done.append((nb, time.perf_counter() - start))
        finally:
            _stop_kernel(km)
    return done


def _execute_group(job) -> list[tuple[str, float, list[str]]]:
    """``(name, seconds, tables read)`` of each notebook of a group."""
    sources, out_dir, env = job
    return [(source.name, seconds, nb.metadata["ipanalysis"]["tables_read"]) for source, (nb, seconds)
            in zip(sources, execute_notebooks(sources, out_dir, env=env))]


MANIFEST = "notebooks.json"  # beside the executed notebooks: what each was run from, and how long it took


def notebook_inputs(source: Path, settings: dict, tables_read: list | None = None) -> str:
    """A digest of what the notebook ``source`` is run from: its text; the code and data files it
    runs (:func:`ipanalysis.imports.code_inputs` of the package modules it imports); the digests of
    the tables it reads (``tables_read``, as its last run recorded them; every table when None) in
    ``IPANALYSIS_PROCESSED``, else the project's; the raw plans (``IPANALYSIS_RAW``) when it parses
    them; its settings (the ``IPANALYSIS_*`` variables of ``settings``); and the installed packages."""
    from .config import PROCESSED_DIR, RAW_DIR, project_root
    from .imports import code_digest, imported_modules, parses
    from .tables.corpus import file_digests, table_digests
    from .versions import installation_key

    text = source.read_text(encoding="utf-8")
    modules = imported_modules(text)
    named = {k: v for k, v in settings.items() if k.startswith("IPANALYSIS_")}
    root = project_root() or Path.cwd()
    parts = {"source": text, "settings": named, "installation": installation_key()[0],
             "code": code_digest(modules),
             "tables": table_digests(named.get("IPANALYSIS_PROCESSED") or root / PROCESSED_DIR)}
    if tables_read is not None and parts["tables"] is not None:
        parts["tables"] = {name: parts["tables"].get(name) for name in sorted(tables_read)}
    if parses(modules):
        raw = Path(named.get("IPANALYSIS_RAW") or root / RAW_DIR)
        parts["raw"] = file_digests(sorted(p for p in raw.rglob("*") if p.is_file())) if raw.is_dir() else None
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _groups(sources: list[Path], jobs: int, seconds: dict) -> list[list[Path]]:
    """``sources`` in at most ``jobs`` groups of about equal time: the longest first, each to the
    group with the least so far (``seconds``: each notebook's last time, 1 s when unknown)."""
    groups = [[] for _ in range(max(1, min(jobs, len(sources))))]
    loads = [0.0] * len(groups)
    for source in sorted(sources, key=lambda s: -(seconds.get(s.name) or 1.0)):
        least = loads.index(min(loads))
        groups[least].append(source)
        loads[least] += seconds.get(source.name) or 1.0
    return [sorted(group) for group in groups if group]


def _is_fresh(source: Path, entry, settings: dict, out_dir: Path) -> bool:
    """Whether ``source`` was executed into ``out_dir`` from the inputs it has now (``entry``: its
    record in the manifest)."""
    if not isinstance(entry, dict) or not (out_dir / f"{source.stem}.ipynb").exists():
        return False
    return entry.get("inputs") == notebook_inputs(source, settings, entry.get("tables_read"))


def _read_manifest(out_dir: Path) -> dict:
    try:
        return json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))["notebooks"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def execute_all(out_dir: Path | None = None, env: dict | None = None, jobs: int = 1,
                folder: Path | None = None, force: bool = False) -> list[Path]:
    """Execute the notebooks of ``folder`` (default: the project's) whose inputs changed
    (:func:`notebook_inputs`) since they were last executed into ``out_dir``, or every one with
    ``force``: ``jobs`` kernels at once, each running its share of them one after the other
    (:func:`execute_notebooks`). Return the executed notebooks written."""
    from .tables.atomic import atomic_write_bytes

    out_dir = Path(out_dir or _notebook_dir() / "executed")
    sources = notebook_sources(folder)
    settings, recorded = {**os.environ, **(env or {})}, _read_manifest(out_dir)
    todo = [s for s in sources if force or not _is_fresh(s, recorded.get(s.name), settings, out_dir)]
    if len(todo) < len(sources):
        print(f"{len(sources) - len(todo)} notebook(s) up to date", flush=True)
    seconds = {name: entry.get("seconds") for name, entry in recorded.items() if isinstance(entry, dict)}
    try:
        for timings in _run_groups([(group, out_dir, env) for group in _groups(todo, jobs, seconds)]):
            for name, took, read in timings:
                print(f"executed {name} in {took:.1f} s", flush=True)
                inputs = notebook_inputs(next(s for s in todo if s.name == name), settings, read)
                recorded[name] = {"inputs": inputs, "tables_read": read, "seconds": round(took, 1)}
    finally:
        if todo:
            entries = {s.name: recorded[s.name] for s in sources if s.name in recorded}
            atomic_write_bytes(out_dir / MANIFEST, json.dumps({"notebooks": entries}, indent=1).encode())
    return [out_dir / f"{source.stem}.ipynb" for source in todo]


def _run_groups(todo: list):
    """The timings of :func:`_execute_group` for each group: in processes of their own when there
    are several, else here."""
    if len(todo) <= 1:
        yield from map(_execute_group, todo)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fresh processes, not forks: a forked worker inherits the call depth of this process, and at
    # some depths (under ``python -m``) Python 3.11 maps and unmaps a 16 KB frame block on every
    # call of the kernel client's polling loop: 450,000 system calls, 8 s of system time
    with ProcessPoolExecutor(len(todo), mp_context=multiprocessing.get_context("spawn")) as pool:
        yield from pool.map(_execute_group, todo)


def sync_all(folder: Path | None = None) -> list[Path]:
    """Write the paired ``.ipynb`` (no outputs) beside each ``.py`` source that is newer than it.

    The ``.ipynb`` takes the ``.py``'s modification time: JupyterLab's jupytext refuses a pair
    whose ``.ipynb`` is more recent than its text file (it could hold edits the text lacks).
    """
    _without_iri_grammar()
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
    parser.add_argument("--force", action="store_true",
                        help="with --execute: run every notebook, not only those whose inputs changed")
    args = parser.parse_args(argv)
    if args.execute:
        execute_all(jobs=args.jobs, force=args.force)
    else:
        for path in sync_all():
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
