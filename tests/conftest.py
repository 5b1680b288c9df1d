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
