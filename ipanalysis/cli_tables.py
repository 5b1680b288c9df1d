"""Command-line commands that read the built tables: ``figures``, ``check``, ``reuse``, ``export``
(registered by :func:`add_table_commands` into ``ipanalysis``'s parser)."""

from __future__ import annotations

import sys

from .config import FIGURES_DIR, MAX_FIGURE_PLANS

__all__ = ["add_table_commands"]


def _run_figures(args) -> int:
    from .figures.registry import draw_all

    langs = ["zh", "en"] if args.lang == "both" else [args.lang]
    try:
        written = draw_all(args.processed, args.out, langs=langs, progress=not args.quiet, force=args.force,
                           by=args.by)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(f"wrote {len(written)} figure files into {args.out}" if written else
              f"figures in {args.out} are up to date (same tables, same code; --force draws them again)")
    return 0


def _run_check(args) -> int:
    from .analysis.quality import quality_report
    from .tables.corpus import load_corpus

    try:
        corpus = load_corpus(args.processed)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    table = quality_report(corpus)
    import pandas as pd

    with pd.option_context("display.max_columns", None, "display.width", 200,
                           "display.max_colwidth", 80):
        print(table.drop(columns=["flags"]).to_string(index=False))
    flagged = table[table["flags"] != ""]
    for row in flagged.itertuples():
        print(f"flag: {row.file}: {row.flags}; look at it with `ipanalysis extract` before using it",
              file=sys.stderr)
    print(f"{len(flagged)} of {len(table)} plan(s) flagged", file=sys.stderr)
    return 0


def _run_export(args) -> int:
    from .tables.export import export

    try:
        written = export(args.format, args.processed, args.out)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path}")
    return 0


def _run_reuse(args) -> int:
    from .corpus.reuse import write_reuse

    reuse, written = write_reuse(args.processed)
    if not args.quiet:
        done = f"wrote {', '.join(str(p) for p in written)}" if written else "the table is up to date"
        print(f"{len(reuse)} measure pairs share text across documents; {done}")
    return 0


def add_table_commands(sub, _processed_arg) -> None:
    """figures, check, reuse, export: commands that read the built tables."""
    p = sub.add_parser("figures", help="draw every standard figure from the built tables",
                       description="Draw every standard figure as PNG (300 dpi) and PDF, 89 or 183 mm wide, in Chinese "
                                   "and English; nothing is drawn when the figures are from the same tables and code.")
    _processed_arg(p)
    p.add_argument("--out", default=str(FIGURES_DIR), help=f"folder for the figures (default: {FIGURES_DIR})")
    p.add_argument("--lang", choices=["zh", "en", "both"], default="both",
                   help="label language (default: both)")
    p.add_argument("--quiet", action="store_true", help="no progress output")
    p.add_argument("--by", default="auto", metavar="GROUPING",
                   help="draw plans one by one (plan) or by groups of plans: admin_level, province_zh, plan_type or "
                        f"another column of documents; auto (default): plans while they fit a page (at most "
                        f"{MAX_FIGURE_PLANS}), else grouped by the first of admin level, province, plan type that gives "
                        "two groups or more")
    p.add_argument("--force", action="store_true",
                   help="draw again even when figures/figures.json says the figures are from these tables and code")
    p.set_defaults(func=_run_figures)

    p = sub.add_parser("check", help="print the quality report of the built tables",
                       description="Per plan: share of body text inside measures, measures without units, "
                                   "unit names that still hold labels or role words, targets found, warnings; then "
                                   "one 'flag:' line per plan whose parse looks wrong (unit lists not split, most "
                                   "measures without units, measures covering little of the text, a plan with no "
                                   "measures).")
    _processed_arg(p)
    p.set_defaults(func=_run_check)

    p = sub.add_parser("reuse", help="find measures whose text another document shares (writes the reuse table)",
                       description="Compare the measures of every document with those of the others (MinHash "
                                   "candidates on character 5-grams, boilerplate and unit brackets left out, "
                                   "alignment with rapidfuzz) and write reuse.parquet/.csv: measure pairs sharing "
                                   "at least half their text, the longest shared passages, the earlier document "
                                   "first. Each measure is linked to its earliest source and its two nearest "
                                   "predecessors only.")
    _processed_arg(p)
    p.add_argument("--quiet", action="store_true", help="no summary")
    p.set_defaults(func=_run_reuse)

    p = sub.add_parser("export", help="export the tables as an Excel workbook, Stata files or CSV",
                       description="Write the built tables for other tools: xlsx (one workbook, a sheet per "
                                   "table and a codebook sheet), dta (Stata 118, one file per table, with "
                                   "variable labels) or csv (UTF-8 with BOM). Text cells that a spreadsheet "
                                   "would read as a formula are prefixed with ' in xlsx and csv.")
    p.add_argument("--format", choices=["xlsx", "dta", "csv"], required=True, help="the file format")
    _processed_arg(p)
    p.add_argument("--out", default="exports", help="folder for the exported files (default: exports)")
    p.set_defaults(func=_run_export)
