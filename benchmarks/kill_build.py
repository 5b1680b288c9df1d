"""Kill builds at random moments and check what they leave (the guarantees of the README).

    python benchmarks/kill_build.py --docs 800 --kills 100

For each round: a full build of a synthetic corpus exists; one more plan is added and a rebuild is
started and killed (SIGKILL) at a random moment; then the folder is read. It must be either one
build's set (loaded; checked independently: every measure, theme and assignment row belongs to a
plan of the documents table and every measure id is unique) or refused by load_corpus. After the
kill no worker may be left; after the next build no temporary file may be left. Prints the counts.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def processes_marked(mark: str) -> list[int]:
    """The processes (a build and its workers) whose environment holds ``mark`` (Linux: /proc)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/environ", "rb") as fh:
                if mark.encode() in fh.read():
                    found.append(int(pid))
        except OSError:
            continue
    return found


def consistent(corpus) -> bool:
    docs = set(corpus.documents.doc_id)
    m = corpus.measures
    return (m.measure_id.is_unique and set(m.doc_id) <= docs
            and set(corpus.measure_themes.measure_id) <= set(m.measure_id)
            and set(corpus.assignments.measure_id) <= set(m.measure_id)
            and len(corpus.documents) == corpus.documents.doc_id.nunique())


def main() -> int:
    from bench_build import generate_corpus, synthetic_plan, SEEDS

    import ipanalysis
    from ipanalysis.tables.corpus import MixedTables

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--work", type=Path, default=Path("/tmp/ipanalysis-kill-bench"))
    args = parser.parse_args()
    rng = random.Random(1)
    raw, out = args.work / "raw", args.work / "out"
    if args.work.exists():
        subprocess.run(["rm", "-rf", str(args.work)], check=True)
    generate_corpus(raw, args.docs, seed=3)
    start = time.perf_counter()
    ipanalysis.build(raw, out)
    full = time.perf_counter() - start
    counts = {"loaded_consistent": 0, "refused": 0, "accepted_mixed": 0, "orphans": 0, "leftover_tmp": 0}
    for k in range(args.kills):
        extra = raw / f"extra_{k:04d}.txt"
        extra.write_text(synthetic_plan(SEEDS[k % len(SEEDS)].read_text(encoding="utf-8"), rng, 10_000 + k),
                         encoding="utf-8")
        mark = f"kill-bench-{os.getpid()}-{k}"
        cmd = [sys.executable, "-m", "ipanalysis.cli", "build", "--raw", str(raw), "--out", str(out), "--quiet"]
        if k % 2:  # every other round a full build (cache and manifest gone), killed anywhere in it
            subprocess.run(["rm", "-rf", str(out / ".cache")], check=True)
        proc = subprocess.Popen(cmd, env={**os.environ, "IPANALYSIS_TEST_MARK": mark},
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, full * 1.1))
        proc.kill()
        proc.wait()
        time.sleep(1.5)
        counts["orphans"] += len(processes_marked(mark))
        try:
            corpus = ipanalysis.load_corpus(out)
            counts["loaded_consistent" if consistent(corpus) else "accepted_mixed"] += 1
        except (MixedTables, FileNotFoundError):
            counts["refused"] += 1
        ipanalysis.build(raw, out)
        counts["leftover_tmp"] += len(list(out.rglob("*.tmp")))
    print(f"docs={args.docs} kills={args.kills} full_build_s={full:.1f} " + " ".join(f"{k}={v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
