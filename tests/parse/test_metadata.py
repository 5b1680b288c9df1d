"""Document metadata of each seed plan, read from its text."""

import pytest

from ipanalysis.parse.header import parse_date, parse_period

EXPECTED = {
    "Yuzhong": dict(region_zh="渝中区", province_zh="重庆市", admin_level="district",
                    issuer="重庆市渝中区知识产权工作领导小组办公室", doc_number=None,
                    title="2023年渝中区知识产权工作要点", date_written="2023-07-31",
                    date_published="2023-08-03", period_start=2023, period_end=2023, script="simplified"),
    "Zhongshan": dict(region_zh="中山市", province_zh="广东省", admin_level="prefecture_city",
                      issuer="中山市人民政府办公室", doc_number=None, title="中山市加强知识产权保护工作方案",
                      date_written="2017-10-19", date_published="2017-10-19", period_start=None,
                      period_end=None, script="simplified"),
    "Tongzhou": dict(region_zh="通州区", province_zh="江苏省", admin_level="district",
                     issuer="南通市通州区人民政府", doc_number="通政发〔2022〕15号",
                     title="通州区国家知识产权强县建设示范县工作方案（2022-2025年）",
                     date_written="2022-11-14", date_published="2022-11-14", period_start=2022,
                     period_end=2025, script="simplified"),
    "Chongqing": dict(region_zh="重庆市", province_zh="重庆市", admin_level="municipality",
                      issuer="重庆市人民政府 国家知识产权局", doc_number=None,
                      title="共建现代化新重庆知识产权强市实施方案", date_written="2024-10-11",
                      date_published=None, period_start=None, period_end=None, script="traditional"),
    "Dongli": dict(region_zh="东丽区", province_zh="天津市", admin_level="district",
                   issuer="东丽区知识产权战略领导小组", doc_number="津丽知略〔2021〕1号",
                   title="2020-2021年天津市东丽区强化知识产权保护推进计划", date_written="2021-08-26",
                   date_published=None, period_start=2020, period_end=2021, script="simplified"),
}


@pytest.mark.parametrize("region", sorted(EXPECTED))
def test_document_metadata(corpus, region):
    docs = corpus.documents.set_index("region")
    row = docs.loc[region]
    for column, expected in EXPECTED[region].items():
        value = row[column]
        if expected is None:
            assert value is None or value is pd_NA(), f"{region}.{column} = {value!r}"
        else:
            assert value == expected, f"{region}.{column}"


def pd_NA():
    import pandas as pd

    return pd.NA


def test_documents_table_shape(corpus, raw_dir):
    import hashlib

    docs = corpus.documents
    assert len(docs) == 5
    assert docs["doc_id"].is_unique
    for row in docs.itertuples():
        assert row.sha256 == hashlib.sha256((raw_dir / row.file).read_bytes()).hexdigest()
    assert dict(zip(docs.region, docs.n_measures)) == {
        "Yuzhong": 20, "Zhongshan": 21, "Tongzhou": 23, "Chongqing": 17, "Dongli": 42}


def test_cited_document_numbers_are_not_the_plans_own(corpus):
    docs = corpus.documents.set_index("region")
    # Zhongshan cites 国发〔2015〕71号 and 粤府知办〔2017〕10号; Yuzhong's header field is empty
    assert docs.loc["Zhongshan", "doc_number"] is pd_NA()
    assert docs.loc["Yuzhong", "doc_number"] is pd_NA()


@pytest.mark.parametrize("text, iso", [
    ("2023年7月31日", "2023-07-31"),
    ("20171019", "2017-10-19"),
    ("2022-11-15 16:42", "2022-11-15"),
    ("二〇一〇年四月二日", "2010-04-02"),
    ("二OO九年十二月三十日", "2009-12-30"),
    ("2021年2月30日", None),
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_parse_period():
    assert parse_period("通州区国家知识产权强县建设示范县工作方案(2022-2025年)") == (2022, 2025)
    assert parse_period("2023年渝中区知识产权工作要点") == (2023, 2023)
    assert parse_period("中山市加强知识产权保护工作方案") == (None, None)
