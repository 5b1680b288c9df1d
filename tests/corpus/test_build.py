"""Building, writing and loading the tables."""

import os
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from conftest import RAW

import ipanalysis
from ipanalysis import build, write_tables
from ipanalysis.tables.schema import TABLES


def test_load_corpus_round_trip(built_dir, corpus):
    loaded = ipanalysis.load_corpus(built_dir)
    for name in TABLES:
        pd.testing.assert_frame_equal(loaded.tables[name], corpus.tables[name], check_dtype=True)


def test_csv_is_utf8_with_bom_and_opens_with_chinese(built_dir):
    raw = (built_dir / "documents.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(built_dir / "documents.csv", encoding="utf-8-sig")
    assert "渝中区" in set(frame.region_zh)


def test_failed_write_leaves_previous_tables_untouched(tmp_path, corpus, monkeypatch):
    out = tmp_path / "processed"
    write_tables(corpus.tables, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    import pyarrow.parquet as pq

    calls = {"n": 0}
    original = pq.write_table

    def failing_write_table(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        return original(*args, **kwargs)

    monkeypatch.setattr(pq, "write_table", failing_write_table)
    smaller = {name: frame.head(1) for name, frame in corpus.tables.items()}
    with pytest.raises(OSError, match="disk full"):
        write_tables(smaller, out)
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after == before  # same files, same bytes, no temporary files left


def test_cli_build_writes_every_table(tmp_path):
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "ipanalysis.cli", "build", "--raw", str(RAW), "--out", str(out), "--jobs", "2"],
        capture_output=True, text=True, env={k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},
    )
    assert result.returncode == 0, result.stderr
    # the process ends at once after a build: its summary, written to a pipe, must be flushed first
    assert "built 5 plan(s)" in result.stdout and "123 measures" in result.stdout, result.stdout
    for name in TABLES:
        assert (out / f"{name}.parquet").exists() and (out / f"{name}.csv").exists()
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    assert len(pd.read_parquet(out / "measures.parquet")) == 123


def test_cli_help_for_every_command():
    for command in ([], ["build"], ["figures"], ["check"], ["add"]):
        result = subprocess.run([sys.executable, "-m", "ipanalysis.cli", *command, "--help"],
                                capture_output=True, text=True)
        assert result.returncode == 0 and "usage:" in result.stdout


def test_second_build_uses_the_cache(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    out = tmp_path / "out"
    first = build(raw, out, jobs=1)
    second = build(raw, out, jobs=1)
    assert len(first.parsed) == 5 and not first.cached
    assert len(second.cached) == 5 and not second.parsed
    pd.testing.assert_frame_equal(first.corpus.measures, second.corpus.measures)


def test_a_cached_parse_reads_back_as_parsed_whatever_its_values(tmp_path):
    """The cache writes JSON with orjson, and with the standard library where orjson would change a
    value (NaN and infinity become null) or refuse one (a lone surrogate): every value comes back."""
    import math

    from ipanalysis.corpus.cache import ParseCache
    from ipanalysis.tables.schema import ParsedDocument

    cache = ParseCache(tmp_path)
    cases = {
        "a" * 64: {"targets": {"value": [12.5, None, 0.0], "unit": ["件", None, "%"]}},
        "b" * 64: {"targets": {"value": [float("nan"), float("inf")], "unit": ["件", "亿元"]}},
        "d" * 64: {"targets": {"value": ["不是数", 1.5], "unit": [None, "件"]}},  # no number: written as before
        "c" * 64: {"measures": {"text": ["损坏\udc80的文字"], "line_start": [3]}},
    }
    for key, columns in cases.items():
        cache.put(key, ParsedDocument("d", "d.txt", columns))
        back = cache.get(key).columns
        assert back.keys() == columns.keys()
        for table, block in columns.items():
            for column, values in block.items():
                got = back[table][column]
                assert len(got) == len(values)
                for g, v in zip(got, values):
                    assert (isinstance(v, float) and math.isnan(v) and math.isnan(g)) or g == v, (column, g, v)
    assert b"NaN" in (tmp_path / ("b" * 64 + ".json")).read_bytes()
