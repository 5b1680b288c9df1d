"""Scale: the benchmark's generator and a small run; parallel and incremental builds equal full ones."""

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

import pandas as pd

from conftest import RAW, ROOT, SEED_FILES

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_build import generate_corpus  # noqa: E402

import ipanalysis.corpus.scan as scan_module  # noqa: E402
from ipanalysis import build, build_corpus, load_corpus  # noqa: E402


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
    assert re.fullmatch(r"docs=20 build_s=[\d.]+ jieba_floor_s=[\d.]+ ratio=[\d.]+ rjieba_floor_s=[\d.]+ "
                        r"ratio_rjieba=[\d.]+ peak_rss_mb=\d+ incremental_s=[\d.]+ reuse_s=[\d.]+ "
                        r"reuse_rows_per_measure=[\d.]+", last), last


def test_jobs_1_and_2_give_identical_tables(tmp_path):
    generate_corpus(tmp_path / "raw", 8, seed=2)
    serial = build_corpus(tmp_path / "raw", jobs=1).corpus
    parallel = build_corpus(tmp_path / "raw", jobs=2).corpus
    for name, frame in serial.tables.items():
        pd.testing.assert_frame_equal(frame, parallel.tables[name])



def test_row_ranges_are_taken_only_from_plain_doc_ids_each_plan_once():
    import pyarrow as pa

    from ipanalysis.corpus.previous import _runs_from_counts
    from ipanalysis.tables.schema import TABLES

    ids = ["a", "a", "b", "c", "c", "c"]
    entries = [{"doc_id": d, "rows": [n] * len(TABLES)} for d, n in (("a", 2), ("b", 1), ("c", 3))]

    def tables(column):
        return {name: pa.table({"doc_id": column}) for name in TABLES}

    two_chunks = pa.chunked_array([pa.array(["x"] + ids[:3]).slice(1), pa.array(ids[3:])])  # the first sliced
    assert _runs_from_counts(tables(two_chunks), entries)["measures"] == {"a": [(0, 2)], "b": [(2, 3)], "c": [(3, 6)]}
    assert _runs_from_counts(tables(pa.array(ids).dictionary_encode()), entries) is None  # another type
    assert _runs_from_counts(tables(pa.array(ids[:5] + [None])), entries) is None  # a null
    twice = [{"doc_id": "a", "rows": [3] * len(TABLES)}, {"doc_id": "a", "rows": [3] * len(TABLES)}]
    assert _runs_from_counts(tables(pa.array(["a", "a", "a", "x", "x", "a"])), twice) is None
    shifted = [{**entries[0], "rows": [3] * len(TABLES)}, {**entries[1], "rows": [0] * len(TABLES)}, entries[2]]
    assert _runs_from_counts(tables(pa.array(ids)), shifted) is None

# ---------------------------------------------------------------------------------------------
# incremental builds


def _files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.*")) if p.is_file()}


def _seed_folder(tmp_path, names):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in names:
        shutil.copy(RAW / name, raw / name)
        os.utime(raw / name, (1_600_000_000, 1_600_000_000))  # edited long before any build
    return raw


def test_rebuild_after_adding_a_plan_writes_the_same_bytes_as_a_full_build(tmp_path):
    names = sorted(SEED_FILES.values())
    raw = _seed_folder(tmp_path, names[:2] + names[3:])
    out = tmp_path / "out"
    build(raw, out, jobs=2)
    shutil.copy(RAW / names[2], raw / names[2])  # its rows go between those of the others
    report = build(raw, out, jobs=2)  # the new plan is parsed in a worker while the tables are read
    assert report.parsed == [names[2]] and len(report.cached) == 4
    full = tmp_path / "full"
    build(raw, full, jobs=1)
    assert _files(out) == _files(full) and len(_files(full)) == 17  # 8 tables × 2 formats, build_info.json


def test_rebuild_reads_no_unchanged_plan(tmp_path, monkeypatch):
    names = sorted(SEED_FILES.values())
    raw = _seed_folder(tmp_path, names)
    out = tmp_path / "out"
    build(raw, out, jobs=1)
    read = []
    original = scan_module.read_checked
    monkeypatch.setattr(scan_module, "read_checked",
                        lambda path, limit, name=None: read.append(path.name) or original(path, limit, name))
    report = build(raw, out, jobs=1)
    assert read == [] and len(report.cached) == 5
    # a plan whose size or time changed is read and hashed again
    os.utime(raw / names[0], (1_700_000_000, 1_700_000_000))
    report = build(raw, out, jobs=1)
    assert read == [names[0]] and report.parsed == []  # same bytes: the rows are taken over


def test_a_plan_edited_just_before_a_build_is_hashed_on_the_next(tmp_path):
    names = sorted(SEED_FILES.values())
    raw = _seed_folder(tmp_path, names[:2])
    out = tmp_path / "out"
    build(raw, out, jobs=1)
    manifest = out / ".cache" / "tables.json"
    info = json.loads(manifest.read_text(encoding="utf-8"))
    info["written_ns"] = 1_600_000_001 * 10**9  # the build ended one second after the last edit
    manifest.write_text(json.dumps(info), encoding="utf-8")
    # an edit that keeps the size and the time stamp (a coarse clock could do this)
    path = raw / names[1]  # Dongli (Simplified)
    data = path.read_bytes()
    path.write_bytes(data.replace("知识产权".encode(), "知识产业".encode(), 1))
    assert path.stat().st_size == len(data)
    os.utime(path, (1_600_000_000, 1_600_000_000))
    report = build(raw, out, jobs=1)
    assert report.parsed == [names[1]]
    docs = load_corpus(out).documents.set_index("file")
    assert docs.loc[names[1], "sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_manifest_that_disagrees_with_the_tables_makes_a_full_rebuild(tmp_path):
    names = sorted(SEED_FILES.values())
    raw = _seed_folder(tmp_path, names[:2] + names[3:])
    out = tmp_path / "out"
    build(raw, out, jobs=1)
    manifest = out / ".cache" / "tables.json"
    info = json.loads(manifest.read_text(encoding="utf-8"))
    first = next(iter(info["documents"].values()))
    first["rows"][2] += 1  # one measure more than the tables hold
    manifest.write_text(json.dumps(info), encoding="utf-8")
    shutil.copy(RAW / names[2], raw / names[2])
    build(raw, out, jobs=1)
    full = tmp_path / "full"
    build(raw, full, jobs=1)
    assert _files(out) == _files(full)


# ---------------------------------------------------------------------------------------------
# past one machine: parsing on Dask


def test_dask_engine_writes_the_same_tables_as_a_local_build(tmp_path):
    from ipanalysis.corpus.engines import dask_map

    names = sorted(SEED_FILES.values())
    raw = _seed_folder(tmp_path, names[:4])
    local, on_dask = tmp_path / "local", tmp_path / "dask"
    build(raw, local, jobs=1)
    on_bag = dask_map(scheduler="processes")
    handed = []
    report = build(raw, on_dask, parse_map=lambda f, items: handed.extend(items) or on_bag(f, items))
    assert sorted(report.parsed) == names[:4] and sorted(name for _, name, _ in handed) == names[:4]
    assert _files(on_dask) == _files(local)
    shutil.copy(RAW / names[4], raw / names[4])  # and a rebuild parses only the new plan there
    build(raw, local, jobs=1)
    report = build(raw, on_dask, parse_map=dask_map(npartitions=1, scheduler="threads"))
    assert report.parsed == [names[4]] and _files(on_dask) == _files(local)


def test_cli_build_on_dask(tmp_path):
    names = sorted(SEED_FILES.values())
    raw = _seed_folder(tmp_path, names[1:3])
    result = subprocess.run([sys.executable, "-m", "ipanalysis.cli", "build", "--raw", str(raw),
                             "--out", str(tmp_path / "out"), "--engine", "dask", "--quiet"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert len(load_corpus(tmp_path / "out").measures) == 42 + 23  # Dongli and Tongzhou


def test_a_build_with_nothing_changed_rewrites_nothing(tmp_path):
    raw = _seed_folder(tmp_path, sorted(SEED_FILES.values())[:2])
    out = tmp_path / "out"
    build(raw, out, jobs=1)
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()}
    report = build(raw, out, jobs=1)
    assert report.parsed == [] and len(report.reused) == 2
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()} == stamps
    (out / "measures.parquet").write_bytes(b"damaged")  # and a damaged table is not taken as unchanged
    build(raw, out, jobs=1)
    assert len(load_corpus(out).measures) == 59  # Chongqing 17, Dongli 42
