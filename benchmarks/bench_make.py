"""`make` benchmark: the wall time of `make` on this checkout's plans after the changes a researcher makes.

    python benchmarks/bench_make.py              # one round of every change
    python benchmarks/bench_make.py --rounds 3   # medians of three

Each change is made to this checkout and undone afterwards (the file is written back byte for
byte, and `make` is run again so that the outputs match the files again); nothing is committed.
The changes, each timed as `make` after it:

* ``clean_s``      `make clean`, then `make` (tables, figures in two languages, notebooks);
* ``unchanged_s``  `make` with nothing changed;
* ``lexicon_s``    a term added to a theme of `ipanalysis/data/theme_lexicon.csv` that changes the
                   coding (the coding tables, their figures and the notebooks are made again);
* ``notebook_s``   a line added to one notebook's text (only that notebook runs again);
* ``parser_s``     a comment added to a parser module (the plans are parsed again, their tables
                   keep their content: only a notebook that builds runs again).

The last line printed is exactly
``clean_s=… unchanged_s=… lexicon_s=… notebook_s=… parser_s=…`` (medians, on one line).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEXICON = ROOT / "ipanalysis" / "data" / "theme_lexicon.csv"
NOTEBOOK = ROOT / "notebooks" / "04_quantitative_targets.py"
PARSER = ROOT / "ipanalysis" / "parse" / "outline.py"
ADDED_TERM = ("creation,", "知识产权")  # a theme row's start, and a term every plan uses


def make(*targets: str) -> float:
    """Seconds `make` takes in the checkout (its output kept back; a failure stops the benchmark)."""
    start = time.perf_counter()
    done = subprocess.run(["make", *targets], cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"make {' '.join(targets)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return time.perf_counter() - start


@contextmanager
def edited(path: Path, edit):
    """``path`` with ``edit(text) -> text`` applied; written back byte for byte afterwards, and the
    outputs made again."""
    original = path.read_bytes()
    path.write_text(edit(original.decode("utf-8")), encoding="utf-8")
    try:
        yield
    finally:
        path.write_bytes(original)
        make()


def _add_term(text: str) -> str:
    row_start, term = ADDED_TERM
    lines = text.split("\n")
    row = next(i for i, line in enumerate(lines) if line.startswith(row_start))
    head = ",".join(lines[row].split(",")[:5])
    lines[row] = lines[row].replace(head + ",", f"{head},{term}|", 1)
    return "\n".join(lines)


def recorded_tables() -> dict[str, str]:
    """Table file -> digest, as the build's manifest records them."""
    return json.loads((ROOT / "data" / "processed" / "build_info.json").read_text(encoding="utf-8"))["tables"]


def changed_tables(before: dict) -> list[str]:
    """The CSV tables whose digest differs from ``before`` (:func:`recorded_tables` earlier)."""
    now = recorded_tables()
    return sorted(name for name, digest in now.items() if name.endswith(".csv") and before.get(name) != digest)


def one_round() -> dict[str, float]:
    make("setup")
    make()  # outputs matching the files, whatever they were before
    times = {}
    make("clean")
    times["clean_s"] = make()
    times["unchanged_s"] = make()
    before = recorded_tables()
    with edited(LEXICON, _add_term):
        times["lexicon_s"] = make()
        print(f"the added term changed {', '.join(changed_tables(before)) or 'no table'}", flush=True)
    with edited(NOTEBOOK, lambda text: text + "\n# %% [markdown]\n# An added line.\n"):
        times["notebook_s"] = make()
    with edited(PARSER, lambda text: text + "\n# an added comment\n"):
        times["parser_s"] = make()
    return times


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=1, help="rounds of every change (default: 1)")
    args = parser.parse_args(argv)
    rounds = []
    for number in range(1, args.rounds + 1):
        rounds.append(one_round())
        print(f"round {number}: " + " ".join(f"{k}={v:.2f}" for k, v in rounds[-1].items()), flush=True)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(" ".join(f"{key}={statistics.median(r[key] for r in rounds):.2f}" for key in rounds[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
