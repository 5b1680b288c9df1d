"""Fault injection: a build stopped at any point, two builds at once, damaged caches and manifests,
hostile files. Nothing is lost, nothing mixed, nothing executed."""

import io
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import zipfile

import pytest

from conftest import RAW, ROOT, SEED_FILES
from ipanalysis import build, load_corpus
from ipanalysis.corpus.lock import BuildBusy, build_lock
from ipanalysis.tables.corpus import MixedTables

NAMES = sorted(SEED_FILES.values())


def _raw(tmp_path, names=NAMES):
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(RAW / name, raw / name)
    return raw


def _table_bytes(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.suffix in (".csv", ".parquet")}


@pytest.mark.parametrize("stop_after", [0, 1, 5, 13, 14])
def test_a_build_stopped_between_two_files_leaves_no_set_a_reader_takes(tmp_path, monkeypatch, stop_after):
    """Stopped after N of the 14 table files (14: before build_info.json), the folder holds the last
    build's set or a set every reader refuses, and the next build repairs it."""
    raw = _raw(tmp_path, NAMES[:3])
    out = tmp_path / "out"
    build(raw, out, jobs=1)
    before = _table_bytes(out)
    shutil.copy(RAW / NAMES[3], raw / NAMES[3])
    real_replace, calls = os.replace, []

    def dying_replace(src, dst):
        with threading.Lock():
            calls.append(dst)
            if len(calls) > stop_after:
                raise KeyboardInterrupt("killed")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", dying_replace)
    with pytest.raises(KeyboardInterrupt):
        build(raw, out, jobs=1)
    monkeypatch.setattr(os, "replace", real_replace)
    if _table_bytes(out) == before:
        assert len(load_corpus(out).documents) == 3  # the previous build's set, whole
    else:
        with pytest.raises(MixedTables, match="not written by the build"):
            load_corpus(out)
    build(raw, out, jobs=1)
    assert len(load_corpus(out).documents) == 4
    assert not [p for p in out.rglob("*.tmp")]  # the killed build's temporary files are gone
    full = tmp_path / "full"
    build(raw, full, jobs=1)
    assert _table_bytes(out) == _table_bytes(full)


def test_a_second_build_waits_or_stops(tmp_path):
    raw, out = _raw(tmp_path, NAMES[:1]), tmp_path / "out"
    with build_lock(out):
        with pytest.raises(BuildBusy, match="another build"):
            build(raw, out, jobs=1, wait=False)
        cli = subprocess.run([sys.executable, "-m", "ipanalysis.cli", "build", "--raw", str(raw), "--out", str(out),
                              "--quiet", "--no-wait"], capture_output=True, text=True, timeout=120)
        assert cli.returncode == 2 and "another build" in cli.stderr and "Traceback" not in cli.stderr
    assert build(raw, out, jobs=1).ok  # the lock is free again


def test_damaged_cache_files_are_misses_and_no_cache_runs_code(tmp_path):
    raw, out = _raw(tmp_path, NAMES[:2]), tmp_path / "out"
    build(raw, out, jobs=1)
    clean = _table_bytes(out)
    cache = out / ".cache"
    planted = tmp_path / "planted"
    for path in cache.glob("*.json"):
        if path.name in ("tables.json", "last_good.json"):
            continue
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0x20  # one flipped bit
        path.write_bytes(bytes(data))
    # a pickle that would create a file when loaded, under a cache key's name
    payload = f"cos\nsystem\n(S'touch {planted}'\ntR.".encode()
    (cache / ("0" * 64 + ".pkl")).write_bytes(payload)
    for path in [*(p for p in out.glob("*.*") if p.is_file()), cache / "tables.json"]:  # no rows to take over
        path.unlink()
    report = build(raw, out, jobs=1)
    assert report.ok and sorted(report.parsed) == NAMES[:2]
    assert not planted.exists() and _table_bytes(out) == clean


def test_damaged_manifests_rebuild_instead_of_mixing(tmp_path):
    raw, out = _raw(tmp_path), tmp_path / "out"
    build(raw, out, jobs=1)
    clean = _table_bytes(out)
    manifest = out / ".cache" / "tables.json"
    info = json.loads(manifest.read_text(encoding="utf-8"))
    entries = list(info["documents"].values())
    entries[0]["rows"][2] += 3  # shift measures rows from one plan to the next
    entries[1]["rows"][2] -= 3
    manifest.write_text(json.dumps(info), encoding="utf-8")
    os.utime(raw / NAMES[0], (1_600_000_000, 1_600_000_000))
    build(raw, out, jobs=1)
    assert _table_bytes(out) == clean
    measures = load_corpus(out).measures
    assert measures.measure_id.is_unique
    manifest.write_text("{broken", encoding="utf-8")
    assert build(raw, out, jobs=1).ok and _table_bytes(out) == clean


def test_an_edited_table_is_refused_and_regenerated(tmp_path):
    import pandas as pd

    raw, out = _raw(tmp_path, NAMES[:2]), tmp_path / "out"
    build(raw, out, jobs=1)
    clean = _table_bytes(out)
    frame = pd.read_parquet(out / "assignments.parquet")
    frame.loc[0, "unit"] = "某某局"
    frame.to_parquet(out / "assignments.parquet", index=False)
    with pytest.raises(MixedTables):
        load_corpus(out)
    build(raw, out, jobs=1)
    assert _table_bytes(out) == clean


def test_hostile_entries_get_one_line_each_and_the_plans_build(tmp_path):
    raw = _raw(tmp_path, NAMES[:1])
    gbk_name = "知识产权方案.txt".encode("gb18030")
    with open(os.path.join(os.fsencode(raw), gbk_name), "wb") as fh:  # a name from a Windows archive
        fh.write((RAW / NAMES[1]).read_bytes())
    os.symlink("loop_b.txt", raw / "loop_a.txt")
    os.symlink("loop_a.txt", raw / "loop_b.txt")
    os.symlink("missing.txt", raw / "dangling.txt")
    (raw / "subfolder").mkdir()
    with open(raw / "huge.txt", "wb") as fh:  # 2 GiB, sparse: refused from its size, never read
        fh.truncate(2 * 2**30)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w>" + b" " * (100 * 2**20) + b"</w>")
    (raw / "bomb.docx").write_bytes(bomb.getvalue())
    start = time.perf_counter()
    report = build(raw, tmp_path / "out", jobs=1)
    assert time.perf_counter() - start < 60
    errors = report.errors
    assert errors["loop_a.txt"] == errors["loop_b.txt"] == "a symbolic link loop"
    assert "target is missing" in errors["dangling.txt"]
    assert "over the 20 MiB limit" in errors["huge.txt"] and "unpacks to 100 MiB" in errors["bomb.docx"]
    docs = load_corpus(tmp_path / "out").documents
    assert set(docs.file) == {NAMES[0], "知识产权方案.txt"}  # the GBK name, read as GB18030
    cli = subprocess.run([sys.executable, "-m", "ipanalysis.cli", "build", "--raw", str(raw), "--out",
                          str(tmp_path / "out"), "--quiet"], capture_output=True, text=True, timeout=120)
    assert cli.returncode == 1 and "Traceback" not in cli.stderr and cli.stderr.count("error:") == 5


def test_right_rows_from_odd_inputs(tmp_path):
    from ipanalysis.parse.document import parse_document

    html = ("<html><body><!-- 1、注释里的任务（区科技局负责） --><p>二、重点任务</p>"
            "<p>1、推进专利转化。（区科技局负责）</p><![CDATA[ 2、隐藏的任务（区财政局负责） ]]></body></html>")
    parsed = parse_document(html.encode(), "page.html")
    assert [m["text"] for m in parsed.rows("measures")] == ["推进专利转化。（区科技局负责）"]
    items = "\n".join(f"{n}、第{n}项任务。(区科技局负责)" for n in range(995, 1003))
    parsed = parse_document(f"一、任务\n{items}\n".encode(), "many.txt")
    assert [m["number"] for m in parsed.rows("measures")] == [str(n) for n in range(995, 1003)]
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("这是一段没有标题的文字。\n", encoding="utf-8")
    (raw / "b.txt").write_text("这是另一段没有标题的文字。\n", encoding="utf-8")
    report = build(raw, tmp_path / "out", jobs=1)
    assert report.ok and len(load_corpus(tmp_path / "out").documents) == 2  # not the same plan


def test_add_never_writes_through_links_and_never_loses_a_copy(tmp_path):
    from ipanalysis.corpus.add import add_files

    raw = tmp_path / "raw"
    raw.mkdir()
    outside = tmp_path / "outside.txt"
    os.symlink(outside, raw / "plan.txt")  # dangling, pointing out of the raw folder
    sources = []
    for k in range(8):
        source = tmp_path / f"src{k}" / "plan.txt"
        source.parent.mkdir()
        source.write_text(f"一、任务\n1、任务{k}。(区科技局负责)\n", encoding="utf-8")
        sources.append(source)
    threads = [threading.Thread(target=add_files, args=([s], raw)) for s in sources]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not outside.exists()
    copies = [p for p in raw.iterdir() if p.is_file() and not p.is_symlink()]
    assert len(copies) == 8 and len({p.read_bytes() for p in copies}) == 8
    readme = tmp_path / "README.txt"
    readme.write_text("一、任务\n1、任务。(区科技局负责)\n", encoding="utf-8")
    ((_, copy),) = add_files([readme], raw)
    assert copy.name == "plan_README.txt"


def test_exit_codes_and_no_tracebacks(tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "ipanalysis.cli", *args], capture_output=True, text=True,
                              timeout=120, cwd=tmp_path)

    missing = run("build", "--raw", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"))
    assert missing.returncode == 2 and "raw folder not found" in missing.stderr
    raw = _raw(tmp_path, NAMES[:1])
    blocked = tmp_path / "file_not_folder"
    blocked.write_text("x")
    unwritable = run("build", "--raw", str(raw), "--out", str(blocked / "out"), "--quiet")
    assert unwritable.returncode == 2 and unwritable.stderr.startswith("error:")
    for result in (missing, unwritable):
        assert "Traceback" not in result.stderr
    assert run("build", "--raw", str(raw), "--out", str(tmp_path / "out"), "--quiet").returncode == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find the workers")
def test_killing_the_build_ends_its_workers(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_build import generate_corpus
    from kill_build import processes_marked

    generate_corpus(tmp_path / "raw", 80, seed=5)
    mark = f"ipanalysis-kill-test-{os.getpid()}"
    env = {**os.environ, "IPANALYSIS_TEST_MARK": mark}
    proc = subprocess.Popen([sys.executable, "-m", "ipanalysis.cli", "build", "--raw", str(tmp_path / "raw"),
                             "--out", str(tmp_path / "out"), "--jobs", "2", "--quiet"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def marked():
        return processes_marked(mark)

    deadline = time.time() + 30
    while len(marked()) < 3 and time.time() < deadline:  # the build and its two workers
        time.sleep(0.05)
    assert len(marked()) >= 3
    proc.kill()
    proc.wait()
    deadline = time.time() + 10
    while marked() and time.time() < deadline:
        time.sleep(0.2)
    assert marked() == []
    report = build(tmp_path / "raw", tmp_path / "out", jobs=1)
    assert report.ok and len(load_corpus(tmp_path / "out").documents) == 80
