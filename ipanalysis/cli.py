"""Command-line interface: ``ipanalysis build | add | extract | evaluate``; the commands that read the built
tables are in :mod:`.cli_tables`, those that check the coding in :mod:`.cli_coding`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .cli_coding import add_coding_commands
from .cli_tables import add_table_commands
from .config import PROCESSED_DIR, RAW_DIR

__all__ = ["main"]


def _add_build_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--raw", default=str(RAW_DIR), help=f"folder of raw plans (default: {RAW_DIR})")
    parser.add_argument("--out", default=str(PROCESSED_DIR), help=f"folder for the tables (default: {PROCESSED_DIR})")
    parser.add_argument("--jobs", type=int, default=None,
                        help="parallel worker processes (default: all cores)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar, no summary")
    parser.add_argument("--no-wait", action="store_true",
                        help="stop at once (exit code 2) when another build is writing --out, instead of waiting")
    parser.add_argument("--engine", choices=["local", "dask"], default="local",
                        help="where plans are parsed: local worker processes (default) or a Dask bag "
                             "(needs the 'cluster' extra)")
    parser.add_argument("--scheduler", default=None, metavar="ADDRESS",
                        help="with --engine dask: address of a Dask scheduler (e.g. tcp://host:8786); "
                             "default: Dask's local scheduler")


def _parse_map(args):
    """The parse_map for the chosen engine (None: local worker processes)."""
    if args.engine != "dask":
        return None
    from .corpus.engines import connect, dask_map

    if args.scheduler:
        args._client = connect(args.scheduler)  # kept alive for the build
    return dask_map(scheduler=None if args.scheduler else "processes")


def _run_build(args) -> int:
    from .corpus.pipeline import build

    report = build(args.raw, args.out, jobs=args.jobs, progress=not args.quiet, parse_map=_parse_map(args),
                   wait=not args.no_wait)
    for name, problem in sorted(report.errors.items()):
        print(f"error: {Path(args.raw) / name}: {problem}", file=sys.stderr)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    _report_document_warnings(report.tables["documents"], Path(args.raw))
    if not args.quiet:
        print(
            f"built {report.n_rows('documents')} plan(s) into {args.out}: {report.n_rows('measures')} measures, "
            f"{report.n_rows('assignments')} unit assignments, {report.n_rows('targets')} targets "
            f"({len(report.parsed)} parsed, {len(report.cached)} from cache)"
        )
    return 0 if report.ok else 1


def _report_document_warnings(documents, raw: Path) -> None:
    """Unmapped unit names (one line per plan) and how many plans carry parse warnings.

    ``documents`` is the built documents table (Arrow), read without pandas.
    """
    with_warnings = 0
    for file, text in zip(documents.column("file").to_pylist(), documents.column("warnings").to_pylist()):
        warnings = [w for w in (text or "").split(" | ") if w]
        with_warnings += bool(warnings)
        for w in warnings:
            if w.startswith("units not mapped to an agency"):
                print(f"warning: {raw / file}: {w} (add rows to ipanalysis/data/agencies.csv)", file=sys.stderr)
    if with_warnings:
        print(f"note: {with_warnings} plan(s) built with parse warnings; `ipanalysis check` lists them",
              file=sys.stderr)


def _run_add(args) -> int:
    from .corpus.pipeline import build
    from .corpus.add import add_files

    raw = Path(args.raw)
    try:
        added = add_files(args.files, raw)
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for source, target in added:
        print(f"added {source} as {target}")
    try:
        report = build(raw, args.out, jobs=args.jobs, progress=not args.quiet, parse_map=_parse_map(args))
    except (FileNotFoundError, ValueError, ImportError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for name, problem in sorted(report.errors.items()):
        print(f"error: {raw / name}: {problem}", file=sys.stderr)
    if not args.quiet:
        print(f"built {report.n_rows('documents')} plan(s) into {args.out}")
    return 0 if report.ok else 1


def _run_extract(args) -> int:
    from .corpus.report import DocumentError
    from .corpus.scan import MAX_FILE_BYTES, read_checked
    from .parse.normalise import DecodeError, normalise_text
    from .parse.read import read_document_text

    path = Path(args.file)
    try:
        text, encoding, fmt = read_document_text(read_checked(path, MAX_FILE_BYTES), path.name)
    except (OSError, ValueError, DecodeError, DocumentError) as exc:
        print(f"error: {path}: {_error_line(exc)}", file=sys.stderr)
        return 1
    if args.raw:
        for number, line in enumerate(text.split("\n"), start=1):
            print(f"{number:5d}  {line}")
        return 0
    norm = normalise_text(text, encoding)
    for line in norm.lines:
        print(f"{line.raw_line:5d}  {line.text}")
    for warning in norm.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def _run_evaluate(args) -> int:
    from .analysis.accuracy import evaluate_folder

    folder = Path(args.folder)
    if not folder.is_dir() or not list(folder.glob("*.expected.json")):
        print(f"error: {folder}: no hand-coded plans (*.expected.json beside the plan files)", file=sys.stderr)
        return 2
    results, summary = evaluate_folder(folder)
    for r in results:
        print(f"{r['file']}: measures {r['measures_found']}/{r['measures_expected']}, "
              f"units tp/fp/fn {r['units']}, leads {r['lead']}, deadlines {r['deadlines'][0]}/{r['deadlines'][1]}, "
              f"targets {r['targets']}, number/region/title {int(r['doc_number'])}{int(r['region'])}{int(r['title'])}")
    print("pooled: " + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in summary.items()))
    return 0


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="ipanalysis",
        description="Turn Chinese local-government IP policy plans into tables and figures.",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"ipanalysis {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_building_commands(sub)
    add_table_commands(sub, _processed_arg)
    add_coding_commands(sub, _processed_arg)
    return parser


def _processed_arg(p) -> None:
    p.add_argument("--processed", default=str(PROCESSED_DIR), help=f"folder of built tables (default: {PROCESSED_DIR})")


def _add_building_commands(sub) -> None:
    """build, add, extract, evaluate: commands that read plans."""
    p = sub.add_parser("build", help="parse every plan in the raw folder and write all tables",
                       description="Parse every plan under --raw and write all tables (Parquet + CSV) to --out, "
                                   "published as one set (build_info.json, written last, names every file; readers "
                                   "refuse a set that is not one build's). One build at a time per --out.",
                       epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_build_args(p)
    p.set_defaults(func=_run_build)

    p = sub.add_parser("add", help="copy plan files into the raw folder and rebuild",
                       description="Copy FILEs into --raw under a clear name (never overwriting) and rebuild.",
                       epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="+", help="plan files (.txt, .html, .docx, .pdf)")
    _add_build_args(p)
    p.set_defaults(func=_run_add)

    p = sub.add_parser("extract", help="print a plan's text with the line numbers the tables cite",
                       description="Print the normalised text of FILE, each line prefixed by its raw line "
                                   "number (for .html/.docx/.pdf: the line of the extracted text).")
    p.add_argument("file", help="a plan file")
    p.add_argument("--raw", action="store_true", help="print the extracted text before normalisation")
    p.set_defaults(func=_run_extract)

    p = sub.add_parser("evaluate", help="measure the parse against hand-coded plans",
                       description="Parse every plan in FOLDER that has a hand coding beside it "
                                   "(<plan>.expected.json: measures with units, roles and deadlines, targets, "
                                   "document number, region, title) and print how well the parse agrees: exact "
                                   "measure counts, F1 of units, leads, roles and targets (pooled over plans), share "
                                   "of exact deadlines and of header fields read right. See "
                                   "tests/fixtures/styles/ for the format.")
    p.add_argument("folder", help="folder with plan files and their .expected.json codings")
    p.set_defaults(func=_run_evaluate)


EXIT_CODES = """exit codes: 0 every plan built (or the command did its work); 1 some plans failed, one line
each, and the tables of the others were written; 2 a usage or environment error (no raw folder,
a broken registry, tables that are not one build's, a disk that is full or not writable, another
build running with --no-wait): nothing was written; 130 interrupted."""


def _error_line(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror}"
    return str(exc) or exc.__class__.__name__


def main(argv: list[str] | None = None) -> int:
    """Run one command (``argv``, default: the command line) and return its exit code; the
    process goes on (for scripts and tests: :func:`run` is the command itself)."""
    return _main(argv)[0]


def _main(argv: list[str] | None) -> tuple[int, argparse.Namespace]:
    """The exit code of the command ``argv`` asks for, and its parsed arguments."""
    from .corpus.lock import BuildBusy

    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    args = build_parser().parse_args(argv)
    try:
        return args.func(args), args
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130, args
    except (OSError, ValueError, ImportError, BuildBusy) as exc:  # expected failures: one line, no traceback
        print(f"error: {_error_line(exc)}", file=sys.stderr)
        return 2, args


def run() -> None:
    """The ``ipanalysis`` command (and ``python -m ipanalysis.cli``).

    A build on this machine's workers that wrote its tables (exit code 0 or 1) ends the process as
    soon as its output is flushed, without freeing the tables object by object (``os._exit``, as
    mypy's ``hard_exit`` does): 0.04 s of a 0.8 s rebuild of 1,000 plans. By then every file is
    written, renamed and closed, the lock is released and the workers have ended. Any other
    command or outcome, or a run under a profiler or coverage (which write at exit), exits normally.
    """
    code, args = _main(None)
    if (getattr(args, "func", None) is _run_build and args.engine == "local" and code in (0, 1)
            and sys.getprofile() is None and sys.gettrace() is None):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
