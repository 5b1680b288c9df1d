from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Frozen copies of the five seed plans (byte for byte) and their registry: the tests never read
# data/raw, so adding a plan there cannot change a test.
RAW = FIXTURES / "plans"

SEED_FILES = {
    "Yuzhong": "yuzhong_2023_ip_work_points.txt",
    "Zhongshan": "zhongshan_2017_ip_protection_plan.txt",
    "Tongzhou": "tongzhou_2022-2025_strong_ip_county_plan.txt",
    "Chongqing": "chongqing_2024_strong_ip_city_plan.txt",
    "Dongli": "dongli_2020-2021_ip_protection_plan.txt",
}


DOC_IDS = {region: Path(name).stem.replace("-", "_") for region, name in SEED_FILES.items()}


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    return RAW


@pytest.fixture(scope="session")
def report():
    from ipanalysis import build_corpus

    return build_corpus(RAW, jobs=1)


@pytest.fixture(scope="session")
def corpus(report):
    assert report.ok, report.errors
    return report.corpus


@pytest.fixture(scope="session")
def built_dir(tmp_path_factory, corpus):
    """The seed corpus written to a temporary processed folder."""
    from ipanalysis import write_tables

    out = tmp_path_factory.mktemp("processed")
    write_tables(corpus.tables, out)
    return out


def seed_path(region: str) -> Path:
    return RAW / SEED_FILES[region]


def normalised(region: str):
    from ipanalysis.parse.read import read_document_text
    from ipanalysis.parse.normalise import normalise_text

    data = seed_path(region).read_bytes()
    text, encoding, _ = read_document_text(data, seed_path(region).name)
    return normalise_text(text, encoding)


# A corpus as a researcher's grows: the five seed plans, a second plan of one region in another year
# (Yuzhong 2024), a plan made from another's measures (Dadukou 2024, from Yuzhong 2023), a province
# plan (Jiangsu), a notice without tasks, and a Traditional-script plan from another province; a
# city (Chongqing) and two of its districts (Yuzhong, Dadukou) are in it.
MIXED_EXTRA = [FIXTURES / "corpus" / "yuzhong_2024_ip_work_points.txt",
               FIXTURES / "corpus" / "dadukou_2024_ip_work_points.txt",  # Yuzhong 2023's measures, reworked
               FIXTURES / "corpus" / "jiangsu_2024_ip_work_points.txt",
               FIXTURES / "styles" / "13_notice_no_tasks.txt",
               FIXTURES / "styles" / "14_traditional_script.txt"]


@pytest.fixture(scope="session")
def mixed_raw(tmp_path_factory) -> Path:
    import shutil

    raw = tmp_path_factory.mktemp("mixed") / "raw"
    shutil.copytree(RAW, raw)
    for path in MIXED_EXTRA:
        shutil.copy(path, raw / path.name)
    return raw


@pytest.fixture(scope="session")
def mixed_dir(mixed_raw) -> Path:
    """The mixed corpus built into a processed folder."""
    from ipanalysis import build

    out = mixed_raw.parent / "processed"
    report = build(mixed_raw, out, jobs=1)
    assert report.ok, report.errors
    return out


@pytest.fixture(scope="session")
def mixed(mixed_dir):
    from ipanalysis import load_corpus

    return load_corpus(mixed_dir)
