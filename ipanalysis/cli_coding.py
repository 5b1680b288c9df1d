"""Command-line commands that check the coding: ``kwic``, ``coding-sheet``, ``reliability``,
``coding-accuracy``, ``codebook`` (registered by :func:`add_coding_commands` into ``ipanalysis``'s
parser)."""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["add_coding_commands"]


def _run_kwic(args) -> int:
    import pandas as pd

    from .analysis.coding import kwic
    from .tables.corpus import load_corpus

    table = kwic(load_corpus(args.processed), args.term, window=args.window, regex=args.regex)
    with pd.option_context("display.max_rows", args.limit, "display.width", 200, "display.max_colwidth", 60):
        print(table.head(args.limit).to_string(index=False) if len(table) else f"'{args.term}' is in no measure")
    print(f"{len(table)} occurrence(s) in {table.measure_id.nunique()} measure(s)", file=sys.stderr)
    return 0


def _run_coding_sheet(args) -> int:
    from .analysis.reliability import coding_sheet, write_coding_sheet
    from .tables.corpus import load_corpus

    sheet = coding_sheet(load_corpus(args.processed), sample=args.sample, seed=args.seed)
    for path in write_coding_sheet(sheet, Path(args.out)):
        print(f"wrote {path} ({len(sheet)} measures)")
    return 0


def _run_reliability(args) -> int:
    import pandas as pd

    from .analysis.reliability import automatic_coding, read_sheet, reliability, sheet_to_overrides
    from .tables.corpus import load_corpus

    sheets = {Path(p).stem: read_sheet(p) for p in args.sheets}
    automatic = automatic_coding(load_corpus(args.processed)) if not args.no_automatic else None
    result = reliability(sheets, automatic)
    with pd.option_context("display.width", 200):
        print("Cohen's kappa (pairs of coders)\n" + result["kappa"].to_string(index=False))
        print("\nKrippendorff's alpha (all coders, nominal)\n" + result["alpha"].to_string(index=False))
    print(f"\n{len(result['disagreements'])} disagreement(s)")
    if args.disagreements:
        result["disagreements"].to_csv(args.disagreements, index=False, encoding="utf-8-sig")
        print(f"wrote {args.disagreements}")
    if args.to_overrides:
        overrides = sheet_to_overrides(next(iter(sheets.values())), note=f"coding sheet {args.sheets[0]}")
        overrides.to_csv(args.to_overrides, index=False, encoding="utf-8")
        print(f"wrote {len(overrides)} override row(s) to {args.to_overrides}")
    return 0


def _run_coding_accuracy(args) -> int:
    from .analysis.reliability import agreement, automatic_coding, read_sheet
    from .tables.corpus import load_corpus

    result = agreement(read_sheet(args.gold), automatic_coding(load_corpus(args.processed)))
    print(f"{result['n']} measures coded in both")
    print(f"stage: accuracy {result['stage_accuracy']:.3f}, Cohen's kappa {result['stage_kappa']:.3f}")
    for level in ("type", "subtool"):
        scores = result[level]
        print(f"instrument {level}: precision {scores['precision']:.3f}, recall {scores['recall']:.3f}, "
              f"F1 {scores['f1']:.3f}")
    return 0


def _run_codebook(args) -> int:
    from .analysis.codebook import write_codebook
    from .tables.corpus import load_corpus

    for path in write_codebook(load_corpus(args.processed), Path(args.out)):
        print(f"wrote {path}")
    return 0


def add_coding_commands(sub, _processed_arg) -> None:
    """kwic, coding-sheet, reliability, coding-accuracy, codebook: checking the coding."""
    p = sub.add_parser("kwic", help="show a term in context in every measure (keyword in context)",
                       description="Every occurrence of TERM in the measures, with WINDOW characters each side, "
                                   "its measure id and plan: see what a lexicon term catches before trusting it.")
    p.add_argument("term")
    p.add_argument("--window", type=int, default=20, help="characters each side (default: 20)")
    p.add_argument("--regex", action="store_true", help="TERM is a regular expression")
    p.add_argument("--limit", type=int, default=200, help="rows to print at most (default: 200)")
    _processed_arg(p)
    p.set_defaults(func=_run_kwic)

    p = sub.add_parser("coding-sheet", help="write a sheet for human coders (Excel and CSV)",
                       description="Measures with blank stage and instrument columns and the codebook's codes as "
                                   "choices, for coders to fill in; `ipanalysis reliability` reads them back.")
    _processed_arg(p)
    p.add_argument("--out", default="coding", help="folder for coding_sheet.xlsx/.csv (default: coding)")
    p.add_argument("--sample", type=int, default=None, help="code a random sample of N measures")
    p.add_argument("--seed", type=int, default=0, help="seed of the sample (default: 0)")
    p.set_defaults(func=_run_coding_sheet)

    p = sub.add_parser("reliability", help="inter-coder reliability of filled coding sheets",
                       description="Cohen's kappa for every pair of coders and Krippendorff's alpha over all, per "
                                   "dimension (stage; supply, environment, demand present or absent), with the "
                                   "automatic coding as one more coder; the disagreements; a sheet as overrides.")
    p.add_argument("sheets", nargs="+", help="two or more filled coding sheets (.xlsx or .csv)")
    _processed_arg(p)
    p.add_argument("--no-automatic", action="store_true", help="leave the automatic coding out")
    p.add_argument("--disagreements", metavar="CSV", help="write the disagreements to CSV")
    p.add_argument("--to-overrides", metavar="CSV", help="write the first sheet's codes as override rows")
    p.set_defaults(func=_run_reliability)

    p = sub.add_parser("coding-accuracy", help="agreement of the automatic coding with a hand coding",
                       description="Stage accuracy and Cohen's kappa, and precision, recall and F1 of the instrument "
                                   "types and sub-tools (multi-label, pooled over measures), of the built coding "
                                   "against a hand-coded sheet (measure_id, stage, instruments as sub-tool keys "
                                   "joined by | or ;).")
    p.add_argument("gold", help="the hand coding (.csv or .xlsx)")
    _processed_arg(p)
    p.set_defaults(func=_run_coding_accuracy)

    p = sub.add_parser("codebook", help="write the codebook (Markdown and docx)",
                       description="Every stage, fine theme and instrument with its terms, two real example "
                                   "measures and the decision rules.")
    _processed_arg(p)
    p.add_argument("--out", default="codebook", help="folder for codebook.md/.docx (default: codebook)")
    p.set_defaults(func=_run_codebook)
