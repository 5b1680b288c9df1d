"""Figures: every standard figure in both languages, PNG at 300 dpi plus PDF, no missing glyphs."""

import warnings

import pytest
from PIL import Image

from ipanalysis.figures.registry import FIGURES, _load_topics, draw_all
from ipanalysis.figures.style import FONT_FAMILY, has_label, label, region_colors, set_theme


@pytest.fixture(scope="module")
def drawn(tmp_path_factory, built_dir):
    out = tmp_path_factory.mktemp("figures")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        written = draw_all(built_dir, out, langs=("zh", "en"))
    return out, written, caught


# nothing to show for the seed corpus: one plan per region (nothing to follow over time), no shared text
ONLY_WITH_REPEATED_REGIONS = {"themes_stage_shares_over_time", "diffusion_reuse_by_date"}


def test_every_figure_in_both_languages_and_formats(drawn):
    out, written, _ = drawn
    names = {p.name for p in written}
    for name in set(FIGURES) - ONLY_WITH_REPEATED_REGIONS:
        for lang in ("zh", "en"):
            assert f"{name}_{lang}.png" in names and f"{name}_{lang}.pdf" in names
    assert len(written) == 4 * (len(FIGURES) - len(ONLY_WITH_REPEATED_REGIONS))
    assert not list(out.glob(".*tmp"))


def test_no_missing_glyph_warnings(drawn):
    _, _, caught = drawn
    glyph = [str(w.message) for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]
    assert glyph == []


def test_png_is_300_dpi(drawn):
    out, _, _ = drawn
    with Image.open(out / "themes_stage_shares_zh.png") as image:
        dpi = image.info["dpi"]
    assert round(dpi[0]) == 300 and round(dpi[1]) == 300


def test_pdf_embeds_the_chinese_font_as_truetype(drawn):
    from fontTools.ttLib import TTFont

    from ipanalysis.figures.style import font_path

    out, _, _ = drawn
    data = (out / "overview_measures_per_plan_zh.pdf").read_bytes()
    assert b"NotoSansCJKsc" in data and b"/FontFile2" in data and b"/CIDFontType2" in data
    font = TTFont(str(font_path()), lazy=True)
    assert font_path().suffix == ".ttf" and "glyf" in font and "CFF " not in font


def test_font_survives_seaborn_set_theme():
    import matplotlib.pyplot as plt
    import seaborn as sns

    set_theme()
    assert plt.rcParams["font.sans-serif"][0] == FONT_FAMILY
    sns.set_theme()  # resets fonts ...
    set_theme()  # ... and the house style puts them back
    assert plt.rcParams["font.sans-serif"][0] == FONT_FAMILY
    assert plt.rcParams["pdf.fonttype"] == 42


def test_palette_and_labels_cover_the_tables(corpus):
    regions = list(corpus.documents.region)
    colors = region_colors(regions)
    assert set(colors) == set(regions) and len(set(colors.values())) == len(regions)
    assert colors == region_colors(list(reversed(regions)))  # fixed, whatever the order
    assert region_colors(regions + ["Changzhou"])["Changzhou"] not in colors.values()
    keys = (set(corpus.measure_themes.theme) | set(corpus.assignments.agency) | set(corpus.assignments.role)
            | set(corpus.measure_instruments.instrument) | set(corpus.measure_instruments.subtool)
            | set(corpus.targets.indicator_key.dropna()))
    for key in keys:
        assert has_label(key), key
        assert label(key, "zh") != label(key, "en") or key in ("other",), key


def test_every_figure_on_a_mixed_corpus(tmp_path, mixed_dir):
    """Two plans of one region (so the figure that follows a region over time is drawn), a province
    plan, a notice without measures, Traditional-script plans: every figure in both languages."""
    written = draw_all(mixed_dir, tmp_path, langs=("zh", "en"))
    names = {p.name for p in written}
    assert {f"{name}_{lang}.png" for name in FIGURES for lang in ("zh", "en")} <= names


def test_figures_on_a_one_plan_corpus(tmp_path):
    from conftest import RAW, SEED_FILES

    from ipanalysis import build

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / SEED_FILES["Yuzhong"]).write_bytes((RAW / SEED_FILES["Yuzhong"]).read_bytes())
    build(raw, tmp_path / "processed", jobs=1)
    written = {p.name for p in draw_all(tmp_path / "processed", tmp_path / "figures", langs=("en",))}
    comparisons = {"themes_plan_similarity", "themes_keyness", "themes_stage_shares_over_time",
                   "diffusion_reuse_by_date"}
    assert {f"{name}_en.png" for name in set(FIGURES) - comparisons} <= written
    assert not {f"{name}_en.png" for name in comparisons} & written  # nothing to compare with one plan
