"""Scale: the benchmark's generator and a small benchmark run; parallel builds equal serial ones."""

import re
import subprocess
import sys

import pandas as pd

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_build import generate_corpus  # noqa: E402

from ipanalysis import build_corpus  # noqa: E402


def test_generator_is_deterministic_for_a_seed(tmp_path):
    a = generate_corpus(tmp_path / "a", 12, seed=3)
    b = generate_corpus(tmp_path / "b", 12, seed=3)
    c = generate_corpus(tmp_path / "c", 12, seed=4)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert [p.read_bytes() for p in a] != [p.read_bytes() for p in c]


def test_generated_plans_parse(tmp_path):
    generate_corpus(tmp_path / "raw", 10, seed=1)
    report = build_corpus(tmp_path / "raw", jobs=1)
    docs = report.corpus.documents
    assert len(docs) == 10 and (docs.n_measures > 0).all()


def test_small_benchmark_run_prints_its_figures():
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_build.py"), "--docs", "20",
                             "--jobs", "2"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"docs=20 build_s=[\d.]+ jieba_floor_s=[\d.]+ ratio=[\d.]+ peak_rss_mb=\d+ "
                        r"incremental_s=[\d.]+", last), last


def test_jobs_1_and_2_give_identical_tables(tmp_path):
    generate_corpus(tmp_path / "raw", 8, seed=2)
    serial = build_corpus(tmp_path / "raw", jobs=1).corpus
    parallel = build_corpus(tmp_path / "raw", jobs=2).corpus
    for name, frame in serial.tables.items():
        pd.testing.assert_frame_equal(frame, parallel.tables[name])
