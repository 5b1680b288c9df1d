"""Parse speed of this checkout against another commit, measured alternately.

    python benchmarks/compare_parse.py --baseline HEAD~3            # 200 plans, three pairs
    python benchmarks/compare_parse.py --baseline v0.2.0 --docs 500 --pairs 5

On a shared machine the speed moves by 10-20% from one minute to the next, more than most changes
gain, so two runs made minutes apart compare the machine, not the code. This script checks the
baseline commit out into a temporary worktree and times the two versions in turn, each in a fresh
process on the same synthetic plans (made from the seed plans, as ``bench_build.py`` makes them):
CPU time per plan of ``parse_document`` (one process, after one warm-up plan). It prints every pair,
then a last line ``baseline_ms=… this_ms=… change=…%`` (medians).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

TIME_PARSE = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
import ipanalysis
assert ipanalysis.__file__.startswith(sys.argv[1]), ipanalysis.__file__
from ipanalysis.parse.document import parse_document
jobs = [(p.read_bytes(), p.name) for p in sorted(Path(sys.argv[2]).glob("*.txt"))]
parse_document(*jobs[0])
start = time.process_time()
for data, name in jobs:
    parse_document(data, name)
print((time.process_time() - start) / len(jobs) * 1000)
"""


def time_parse(tree: Path, raw: Path) -> float:
    """CPU milliseconds per plan of the ``ipanalysis`` in ``tree`` on the plans in ``raw``."""
    out = subprocess.run([sys.executable, "-c", TIME_PARSE, str(tree), str(raw)], cwd=tree,
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def compare(baseline: str, docs: int, pairs: int) -> tuple[float, float]:
    from bench_build import generate_corpus

    with tempfile.TemporaryDirectory(prefix="ipanalysis-compare-") as tmp:
        tmp = Path(tmp)
        tree = tmp / "baseline"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(tree), baseline],
                       check=True)
        try:
            generate_corpus(tmp / "raw", docs)
            old, new = [], []
            for pair in range(1, pairs + 1):
                old.append(time_parse(tree, tmp / "raw"))
                new.append(time_parse(ROOT, tmp / "raw"))
                print(f"pair {pair}: baseline {old[-1]:.2f} ms a plan, this checkout {new[-1]:.2f} ms a plan",
                      flush=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
    return statistics.median(old), statistics.median(new)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", required=True, help="the commit to compare with (any git revision)")
    parser.add_argument("--docs", type=int, default=200, help="number of synthetic plans (default 200)")
    parser.add_argument("--pairs", type=int, default=3, help="alternating pairs of runs (default 3)")
    args = parser.parse_args(argv)
    old, new = compare(args.baseline, args.docs, args.pairs)
    print(f"baseline_ms={old:.2f} this_ms={new:.2f} change={(new - old) / old * 100:+.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
