"""Provenance: every build names what produced it, and a changed dependency invalidates the cache."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import ipanalysis.corpus.provenance as provenance
from conftest import RAW, SEED_FILES
from ipanalysis import build
from ipanalysis.tables.schema import TABLES


def _raw(tmp_path, names):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in names:
        shutil.copy(RAW / name, raw / name)
    return raw


def test_build_info_names_every_version_and_plan(tmp_path):
    names = sorted(SEED_FILES.values())[:2]
    out = tmp_path / "out"
    build(_raw(tmp_path, names), out, jobs=1)
    info = json.loads((out / "build_info.json").read_text(encoding="utf-8"))
    for package in provenance.PARSE_PACKAGES + provenance.TABLE_PACKAGES:
        assert info["packages"][package], package
    assert info["ipanalysis"] and info["python"] and info["tokeniser"] in ("rjieba", "jieba")
    assert info["theme_lexicon_version"] == "2"
    assert {"roles.csv", "theme_lexicon.csv", "coding_exclusions.csv", "coding_phrases.txt", "agencies.csv",
            "divisions.csv"} <= set(info["rule_files"])
    assert info["plans"] == {n: hashlib.sha256((RAW / n).read_bytes()).hexdigest() for n in names}
    for table in ("documents", "measures", "targets"):
        meta = pq.read_schema(out / f"{table}.parquet").metadata
        assert json.loads(meta[b"ipanalysis"]) == {k: v for k, v in info.items() if k != "tables"}
    assert sorted(info["tables"]) == sorted(f"{t}.{s}" for t in TABLES for s in ("parquet", "csv"))


def test_a_new_version_of_a_parsing_package_invalidates_the_cache(tmp_path, monkeypatch):
    raw = _raw(tmp_path, sorted(SEED_FILES.values())[:2])
    out = tmp_path / "out"
    build(raw, out, jobs=1)
    assert len(build(raw, out, jobs=1).cached) == 2  # nothing changed: nothing parsed again
    upgraded = json.loads(json.dumps(provenance.parse_environment()))
    upgraded["packages"]["opencc"] = "99.0"
    monkeypatch.setattr(provenance, "parse_environment", lambda: upgraded)
    report = build(raw, out, jobs=1)
    assert sorted(report.parsed) == sorted(SEED_FILES.values())[:2] and report.cached == []


def test_two_builds_write_byte_identical_tables(tmp_path):
    raw = _raw(tmp_path, sorted(SEED_FILES.values()))
    for out in ("a", "b"):
        build(raw, tmp_path / out, jobs=1, cache_dir=tmp_path / f"cache_{out}")
    for path in sorted(p for p in (tmp_path / "a").glob("*.*") if p.is_file()):
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes(), path.name


def test_recording_the_environment_and_checking_formats_do_not_load_the_parser():
    """A build with nothing to parse records the segmenter and checks file formats without loading
    the parser (its modules, the segmenter's dictionary): a rebuild that changes nothing stays fast."""
    code = ("import sys\n"
            "from ipanalysis.corpus.provenance import parse_environment\n"
            "assert parse_environment()['tokeniser'] in ('rjieba', 'jieba')\n"
            "from ipanalysis.parse.read import check_supported\n"
            "check_supported('plan.txt')\n"
            "loaded = [m for m in ('ipanalysis.parse.document', 'rjieba', 'jieba', 'opencc') if m in sys.modules]\n"
            "assert not loaded, loaded\n"
            "from ipanalysis.parse import parse_document\n"
            "assert parse_document.__module__ == 'ipanalysis.parse.document'\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.fixture
def versions_memo(tmp_path, monkeypatch):
    """A fresh cache folder for the installed-versions memo, and a settled folder on sys.path."""
    from ipanalysis import versions

    monkeypatch.setenv("IPANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    site = tmp_path / "site"
    site.mkdir()
    os.utime(site, ns=(10**18, 10**18))  # changed long ago: no install under way
    monkeypatch.setattr(sys, "path", [*sys.path, str(site)])
    versions._memo.cache_clear()
    yield versions, site
    versions._memo.cache_clear()


def _kept(versions) -> dict:
    return json.loads(versions._memo_path().read_text())["versions"]


def test_installed_versions_are_kept_until_a_package_record_changes(versions_memo, monkeypatch):
    from importlib import metadata

    versions, site = versions_memo
    found = versions.installed_versions(["pandas", "no-such-package-ipanalysis"])
    assert found == {"pandas": metadata.version("pandas"), "no-such-package-ipanalysis": None}
    assert _kept(versions)["pandas"] == metadata.version("pandas")
    monkeypatch.setattr(metadata, "version", lambda name: "99.0")
    versions._memo.cache_clear()  # a new process: the kept versions are read, nothing looked up
    assert versions.installed_version("pandas") == found["pandas"]
    (site / "pandas-99.0.dist-info").mkdir()  # an upgrade adds a record (same folder time here)
    os.utime(site, ns=(10**18, 10**18))
    versions._memo.cache_clear()
    assert versions.installed_version("pandas") == "99.0"


def test_versions_looked_up_during_an_install_are_not_kept(versions_memo, monkeypatch):
    from importlib import metadata

    versions, site = versions_memo
    (site / "jieba-0.43.0.dist-info").mkdir()  # the folder changed just now: an install under way
    assert versions.installed_version("numpy") == metadata.version("numpy")
    assert not versions._memo_path().exists()
    monkeypatch.setattr(sys, "path", [*sys.path, Path("/no/such/folder"), b"/no/such/bytes"])
    versions._memo.cache_clear()
    assert versions.installed_version("numpy") == metadata.version("numpy")  # odd entries: no crash


def test_a_damaged_versions_memo_is_looked_up_again(versions_memo):
    from importlib import metadata

    versions, _ = versions_memo
    memo = versions._memo_path()
    key, _ = versions.installation_key()
    for damaged in ('{"key": "x"', '[1, 2]', json.dumps({"key": key, "versions": [1]})):
        memo.write_text(damaged)
        versions._memo.cache_clear()
        assert versions.installed_version("numpy") == metadata.version("numpy")
        assert _kept(versions)["numpy"] == metadata.version("numpy")
