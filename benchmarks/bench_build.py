"""Build benchmark: synthetic corpora made from the seed plans, measured through the CLI.

    python benchmarks/bench_build.py --docs 1000            # one size
    python benchmarks/bench_build.py --scaling              # 100, 1,000 and 5,000 plans

For N plans it reports, as a user would see them:

* ``build_s``        wall time of ``ipanalysis build`` on a fresh output folder (cold cache), the
                     median of three builds;
* ``jieba_floor_s``  wall time of a fresh process that reads the same files and segments their
                     text once with jieba (the cost no build that tokenises can avoid);
* ``ratio``          build_s / jieba_floor_s;
* ``rjieba_floor_s`` the same with rjieba, the segmenter the build uses (median of three);
* ``ratio_rjieba``   build_s / rjieba_floor_s (the goal: at most 4);
* ``peak_rss_mb``    peak resident memory of the build process and its workers together (from a
                     second full build: sampling /proc costs CPU, so the timed build is not sampled);
* ``incremental_s``  wall time of the rebuild after adding one new plan: the median of three
                     rounds, each adding another plan (all three are printed).

The last line printed is exactly
``docs=N build_s=… jieba_floor_s=… ratio=… rjieba_floor_s=… ratio_rjieba=… peak_rss_mb=… incremental_s=…
reuse_s=… reuse_rows_per_measure=…`` (on one line).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "tests" / "fixtures" / "plans").glob("*.txt"))  # the five seed plans, frozen
DISTRICTS = ["武进区", "新北区", "天宁区", "钟楼区", "江宁区", "鼓楼区", "玄武区", "秦淮区", "浦口区",
             "六合区", "溧水区", "高淳区", "崇川区", "海门区", "如皋市", "启东市", "海安市", "余杭区",
             "萧山区", "拱墅区", "西湖区", "滨江区", "南岸区", "江北区", "沙坪坝区", "九龙坡区", "北碚区",
             "和平区", "河西区", "南开区", "红桥区", "西青区", "津南区", "顺德区", "南海区", "禅城区"]
SEED_PLACES = ["渝中区", "中山市", "通州区", "重庆市", "东丽区", "重慶市", "渝中", "东丽", "通州", "中山", "重庆"]
NUMBER_STYLES = [("{n}.", r"^(\d{1,3})\s*[.．﹒、]"), ("{n}、", None), ("({n})", None), ("{n}﹒", None)]

RJIEBA_FLOOR = r"""
import sys
from pathlib import Path
import rjieba
n = 0
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    text = path.read_bytes().decode("utf-8")
    n += len(rjieba.cut(text, True))
print(n)
"""

JIEBA_FLOOR = r"""
import sys, time, logging
from pathlib import Path
import jieba
jieba.setLogLevel(logging.WARNING)
tk = jieba.Tokenizer()
tk.tmp_dir = sys.argv[2]
n = 0
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    text = path.read_bytes().decode("utf-8")
    n += len(tk.lcut(text))
print(n)
"""


# ---------------------------------------------------------------------------------------------
# synthetic plans


def _split_sections(lines: list[str]) -> tuple[list[str], list[list[str]]]:
    """Head lines and top-level sections (``一、`` …) of a plan."""
    head, sections = [], []
    for line in lines:
        if re.match(r"^[一二三四五六七八九十]{1,3}、", line.strip()):
            sections.append([line])
        elif sections:
            sections[-1].append(line)
        else:
            head.append(line)
    return head, sections


def synthetic_plan(seed_text: str, rng: random.Random, index: int) -> str:
    """One plan made by perturbing a seed: place names, section order, numbering style, length."""
    lines = seed_text.split("\n")
    head, sections = _split_sections(lines)
    if len(sections) > 2:
        first, rest = sections[0], sections[1:]
        rng.shuffle(rest)
        sections = [first] + rest
    style = rng.choice(["{n}.", "{n}、", "{n}﹒"])
    out_sections = []
    for section in sections:
        body = []
        for line in section:
            m = re.match(r"^(\d{1,3})\s*[.．﹒、]\s*(.*)$", line.strip())
            if m:
                if rng.random() < 0.15:
                    continue  # shorter plan
                line = style.format(n=m[1]) + m[2]
                if rng.random() < 0.15:
                    body.append(line)  # longer plan: a measure repeated
            body.append(line)
        out_sections.append(body)
    numerals = "一二三四五六七八九十"
    renumbered = []
    for k, section in enumerate(out_sections):
        first = re.sub(r"^[一二三四五六七八九十]{1,3}、", f"{numerals[k % 10]}、", section[0].strip())
        renumbered.append([first] + section[1:])
    text = "\n".join(head + [ln for s in renumbered for ln in s])
    place = rng.choice(DISTRICTS)
    for old in SEED_PLACES:
        text = text.replace(old, place)
    return f"{text}\n(编号 {index})\n"


def generate_corpus(folder: Path, n: int, seed: int = 0) -> list[Path]:
    """Write ``n`` synthetic plans into ``folder``; deterministic for a given ``seed``."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"plan_{seed:02d}_{i:05d}.txt"
        path.write_text(synthetic_plan(texts[i % len(texts)], rng, i), encoding="utf-8")
        paths.append(path)
    return paths


# ---------------------------------------------------------------------------------------------
# measuring


def _tree_rss_kb(pid: int) -> int:
    """Resident memory (kB) of a process and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            ppid = int(fields[1])
            with open(f"/proc/{entry}/status") as fh:
                kb = next((int(line.split()[1]) for line in fh if line.startswith("VmRSS:")), 0)
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = kb
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        total += rss.get(p, 0)
        stack.extend(children.get(p, []))
    return total


def run_measured(cmd: list[str], env=None, sample_memory: bool = True) -> tuple[float, float]:
    """``(wall seconds, peak RSS MB of the process tree)`` of a command.

    The wall time ends when the command exits (not at the next memory sample); memory is sampled
    every 50 ms from another thread, and only when asked (the sampling costs a little CPU).
    """
    use_proc = sample_memory and os.path.isdir("/proc")
    peak = [0]
    done = threading.Event()

    def sample(pid: int) -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss_kb(pid))
            done.wait(0.05)

    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    sampler = threading.Thread(target=sample, args=(proc.pid,), daemon=True) if use_proc else None
    if sampler:
        sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    if sampler:
        sampler.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {err.decode()[-2000:]}")
    if sample_memory and not use_proc:  # pragma: no cover - macOS/Windows: the largest single process only
        import resource

        peak[0] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, peak[0] / 1024


def bench(n: int, jobs: int | None = None, seed: int = 0, keep: bool = False, rounds: int = 3) -> dict:
    """Measure one corpus size (see the module docstring): ``rounds`` full builds, rjieba floors,
    and rebuilds after one new plan each."""
    work = Path(tempfile.mkdtemp(prefix="ipanalysis-bench-"))
    try:
        raw, out, cache = work / "raw", work / "out", work / "jieba-cache"
        cache.mkdir()
        generate_corpus(raw, n, seed)
        py = sys.executable

        def build_cmd(folder: Path) -> list[str]:
            cmd = [py, "-m", "ipanalysis.cli", "build", "--raw", str(raw), "--out", str(folder), "--quiet"]
            return cmd + ["--jobs", str(jobs)] if jobs else cmd

        env = {**os.environ, "IPANALYSIS_CACHE_DIR": str(cache)}
        # the package's bytecode, as Python caches it on a user's first import (a shell that sets
        # PYTHONDONTWRITEBYTECODE would otherwise have every timed process compile ~40 modules again)
        subprocess.run([py, "-m", "compileall", "-q", str(ROOT / "ipanalysis")], check=True, stdout=subprocess.DEVNULL)
        # warm the jieba dictionary cache once, for both the build and the floor
        subprocess.run([py, "-c", JIEBA_FLOOR, str(raw / "__none__"), str(cache)], check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run([py, "-c", "from ipanalysis.parse.tokens import tokenizer; tokenizer().initialize()"],
                       check=True, env=env)
        floor_s, _ = run_measured([py, "-c", JIEBA_FLOOR, str(raw), str(cache)], env=env, sample_memory=False)
        rjieba_runs = [run_measured([py, "-c", RJIEBA_FLOOR, str(raw)], env=env, sample_memory=False)[0]
                       for _ in range(rounds)]
        # memory from its own run: sampling /proc costs CPU that the timed build should not pay
        _, peak_mb = run_measured(build_cmd(work / "out-memory"), env=env)
        shutil.rmtree(work / "out-memory", ignore_errors=True)
        builds = []
        for k in range(rounds):  # each on a fresh folder; the last one's is kept for the rebuilds
            folder = out if k == rounds - 1 else work / f"out-{k}"
            builds.append(run_measured(build_cmd(folder), env=env, sample_memory=False)[0])
            if folder != out:
                shutil.rmtree(folder, ignore_errors=True)
        build_s, rjieba_s = statistics.median(builds), statistics.median(rjieba_runs)
        rng = random.Random(seed + 1)
        rebuilds = []
        for k in range(rounds):
            extra = raw / f"plan_new_{n:05d}_{k}.txt"
            extra.write_text(synthetic_plan(SEEDS[k % len(SEEDS)].read_text(encoding="utf-8"), rng, n + 1 + k),
                             encoding="utf-8")
            rebuilds.append(run_measured(build_cmd(out), env=env, sample_memory=False)[0])
        reuse_s, _ = run_measured([py, "-m", "ipanalysis.cli", "reuse", "--processed", str(out), "--quiet"], env=env,
                                  sample_memory=False)
        import pyarrow.parquet as pq

        reuse_rows = pq.ParquetFile(out / "reuse.parquet").metadata.num_rows
        n_measures = pq.ParquetFile(out / "measures.parquet").metadata.num_rows
        return {"docs": n, "build_s": build_s, "jieba_floor_s": floor_s, "ratio": build_s / floor_s,
                "rjieba_floor_s": rjieba_s, "ratio_rjieba": build_s / rjieba_s,
                "peak_rss_mb": peak_mb, "incremental_s": statistics.median(rebuilds), "rebuilds": rebuilds,
                "builds": builds, "rjieba_floors": rjieba_runs,
                "reuse_s": reuse_s, "reuse_rows_per_measure": reuse_rows / max(n_measures, 1)}
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


def format_line(r: dict) -> str:
    return (f"docs={r['docs']} build_s={r['build_s']:.2f} jieba_floor_s={r['jieba_floor_s']:.2f} "
            f"ratio={r['ratio']:.2f} rjieba_floor_s={r['rjieba_floor_s']:.2f} ratio_rjieba={r['ratio_rjieba']:.2f} "
            f"peak_rss_mb={r['peak_rss_mb']:.0f} incremental_s={r['incremental_s']:.2f} "
            f"reuse_s={r['reuse_s']:.2f} reuse_rows_per_measure={r['reuse_rows_per_measure']:.2f}")


SCALING_SIZES = (100, 1000, 5000)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="number of synthetic plans (default 1000)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes for the build (default: all cores)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    parser.add_argument("--scaling", action="store_true", help="also measure 100, 1,000 and 5,000 plans")
    args = parser.parse_args(argv)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}", flush=True)
    results = {}
    if args.scaling:
        print(f"{'docs':>6} {'build_s':>8} {'floor_s':>8} {'ratio':>6} {'peak_mb':>8} {'incr_s':>7} "
              f"{'incr_%':>7} {'ms/doc':>7}  rebuild rounds (s)")
        for n in SCALING_SIZES:
            r = results[n] = bench(n, args.jobs, args.seed)
            print(f"{n:>6} {r['build_s']:>8.2f} {r['jieba_floor_s']:>8.2f} {r['ratio']:>6.2f} "
                  f"{r['peak_rss_mb']:>8.0f} {r['incremental_s']:>7.2f} {100 * r['incremental_s'] / r['build_s']:>7.1f} "
                  f"{1000 * r['build_s'] / n:>7.1f}  {' '.join(f'{x:.2f}' for x in r['rebuilds'])}", flush=True)
    result = results.get(args.docs) or bench(args.docs, args.jobs, args.seed)
    print(f"full builds (s): {' '.join(f'{x:.2f}' for x in result['builds'])}; rjieba floors (s): "
          f"{' '.join(f'{x:.2f}' for x in result['rjieba_floors'])}")
    print(f"rebuilds after one new plan (s): {' '.join(f'{x:.2f}' for x in result['rebuilds'])}; "
          f"median {100 * result['incremental_s'] / result['build_s']:.1f}% of the full build")
    print(format_line(result))
    return 0

if __name__ == "__main__":
    sys.exit(main())
