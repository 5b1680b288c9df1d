"""Text reuse: a plan made from another plan's measures is found measure by measure, the earlier
document first; plans that share only boilerplate are not."""

import re

from conftest import RAW, SEED_FILES
from ipanalysis import build, load_corpus
from ipanalysis.corpus.reuse import find_reuse, write_reuse


def _derived_plan(seed: str) -> str:
    """The seed's task items, reordered within each section, with a word swapped and one clause added."""
    lines = seed.splitlines()
    body = [re.sub(r"^[(（][一二三四五六七八九十]+[)）]", "", ln) for ln in lines if re.match(r"^[(（][一二三四五六七八九十]+[)）]", ln)]
    body = [f"{k}.{ln}" for k, ln in enumerate(body[::-1], start=1)]
    body = [ln.replace("加强", "强化", 1) for ln in body]
    body[0] = body[0].replace("。", "，同步建立工作台账。", 1)
    header = ["2024年大渡口区知识产权工作要点", "", "一、重点任务"]
    return "\n".join(header + body) + "\n"


def test_a_plan_built_from_another_is_found_measure_by_measure(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    seed = (RAW / SEED_FILES["Yuzhong"]).read_text(encoding="utf-8")
    (raw / SEED_FILES["Yuzhong"]).write_text(seed, encoding="utf-8")
    (raw / "dadukou_2024.txt").write_text(_derived_plan(seed), encoding="utf-8")
    build(raw, tmp_path / "out", jobs=1)
    corpus = load_corpus(tmp_path / "out")
    derived = corpus.measures[corpus.measures.doc_id == "dadukou_2024"]
    assert len(derived) == 20
    reuse = find_reuse(corpus.measures, corpus.documents)
    assert set(reuse.doc_id_a) == {"yuzhong_2023_ip_work_points"} and set(reuse.doc_id_b) == {"dadukou_2024"}
    assert reuse.measure_id_b.nunique() >= 19  # found measure by measure, despite the edits
    assert (reuse.similarity >= 0.5).all() and reuse.shared.str.len().min() >= 8
    pairs = dict(zip(reuse.measure_id_b, reuse.measure_id_a))
    first_seed = corpus.measures[corpus.measures.doc_id == "yuzhong_2023_ip_work_points"].measure_id.iloc[0]
    assert pairs[derived.measure_id.iloc[-1]] == first_seed  # reversed order: the last derived is the first seed
    reuse, written = write_reuse(tmp_path / "out")
    assert {p.name for p in written} == {"reuse.parquet", "reuse.csv"}
    kept, written = write_reuse(tmp_path / "out")  # the same measures: the table is kept as it is
    assert written == [] and kept.equals(reuse)
    build(raw, tmp_path / "out", jobs=1)  # a rebuild with the same content
    assert write_reuse(tmp_path / "out")[1] == []
    (raw / "dadukou_2024.txt").write_text(_derived_plan(seed).replace("强化", "加快", 1), encoding="utf-8")
    build(raw, tmp_path / "out", jobs=1)  # a measure's text changed: the table is made again
    again, written = write_reuse(tmp_path / "out")
    assert {p.name for p in written} == {"reuse.parquet", "reuse.csv"} and len(again) == len(reuse)


def test_plans_that_share_only_boilerplate_show_no_reuse(corpus):
    reuse = find_reuse(corpus.measures, corpus.documents)  # the five seed plans, written independently
    assert len(reuse) == 0
