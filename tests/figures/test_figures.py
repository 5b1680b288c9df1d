"""Figures: every standard figure in both languages, PNG at 300 dpi plus PDF, no missing glyphs, and
fit to print: read through the renderer, no text under 6 pt, off the figure or over other text, no
Chinese in an English figure, 89 or 183 mm wide in both languages."""

import warnings

import matplotlib.pyplot as plt
import pytest
from PIL import Image

from ipanalysis.figures.registry import FIGURES, _load_topics, draw_all
from ipanalysis.figures.style import FONT_FAMILY, has_label, label, region_colors, set_theme

_load_topics()  # every figure registered before the tests are parametrised


@pytest.fixture(scope="module")
def drawn(tmp_path_factory, built_dir):
    out = tmp_path_factory.mktemp("figures")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        written = draw_all(built_dir, out, langs=("zh", "en"), jobs=1)
    return out, written, caught


# nothing to show for the seed corpus: one plan per region (nothing to follow over time), no shared text
ONLY_WITH_REPEATED_REGIONS = {"themes_stage_shares_over_time", "diffusion_reuse_by_date"}


def test_every_figure_in_both_languages_and_formats(drawn):
    out, written, caught = drawn
    names = {p.name for p in written}
    for name in set(FIGURES) - ONLY_WITH_REPEATED_REGIONS:
        for lang in ("zh", "en"):
            assert f"{name}_{lang}.png" in names and f"{name}_{lang}.pdf" in names
    assert len(written) == 4 * (len(FIGURES) - len(ONLY_WITH_REPEATED_REGIONS))
    assert not list(out.glob(".*tmp"))
    assert [str(w.message) for w in caught if "_zh:" in str(w.message) or "_en:" in str(w.message)] == []


def test_no_missing_glyph_warnings(drawn):
    _, _, caught = drawn
    glyph = [str(w.message) for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]
    assert glyph == []


def test_png_is_300_dpi(drawn):
    out, _, _ = drawn
    with Image.open(out / "themes_stage_profile_zh.png") as image:
        dpi = image.info["dpi"]
    assert round(dpi[0]) == 300 and round(dpi[1]) == 300


def test_pdf_embeds_the_chinese_font_as_truetype(drawn):
    from fontTools.ttLib import TTFont

    from ipanalysis.figures.style import font_path

    out, _, _ = drawn
    data = (out / "overview_corpus_profile_zh.pdf").read_bytes()
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
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        written = draw_all(mixed_dir, tmp_path, langs=("zh", "en"))
    names = {p.name for p in written}
    assert {f"{name}_{lang}.png" for name in FIGURES for lang in ("zh", "en")} <= names
    assert [str(w.message) for w in caught if "_zh:" in str(w.message) or "_en:" in str(w.message)] == []


def test_figures_on_a_one_plan_corpus(tmp_path):
    from conftest import RAW, SEED_FILES

    from ipanalysis import build

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / SEED_FILES["Yuzhong"]).write_bytes((RAW / SEED_FILES["Yuzhong"]).read_bytes())
    build(raw, tmp_path / "processed", jobs=1)
    written = {p.name for p in draw_all(tmp_path / "processed", tmp_path / "figures", langs=("en",), jobs=1)}
    comparisons = {"themes_plan_similarity", "themes_keyness", "themes_stage_shares_over_time",
                   "diffusion_reuse_by_date",
                   "targets_vs_national"}  # and Yuzhong 2023 sets no target the national plan's units allow comparing
    assert {f"{name}_en.png" for name in set(FIGURES) - comparisons} <= written
    assert not {f"{name}_en.png" for name in comparisons} & written  # nothing to compare with one plan


# ---------------------------------------------------------------------------------------------
# fit to print, read through the renderer


@pytest.fixture(scope="module")
def mixed_corpus(mixed_dir):
    from ipanalysis import load_corpus

    return load_corpus(mixed_dir)


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_figure_is_fit_to_print_in_both_languages(name, mixed_corpus):
    """On the mixed corpus (ten documents: every figure has something to draw)."""
    from ipanalysis.figures.audit import audit
    from ipanalysis.figures.registry import draw

    widths = {}
    for lang in ("zh", "en"):
        fig = draw(name, mixed_corpus, lang)
        assert fig is not None, name
        assert audit(fig, lang) == [], (name, lang)
        widths[lang] = round(fig.get_figwidth() * 25.4, 1)
        plt.close(fig)
    assert widths["zh"] == widths["en"] and widths["zh"] in (89.0, 183.0)


def _figure_with(texts, width_mm=89.0):
    fig, ax = plt.subplots(figsize=(width_mm / 25.4, 1.5))
    for x, y, text, size in texts:
        fig.text(x, y, text, fontsize=size)
    return fig


@pytest.mark.parametrize("texts, width, expected", [
    ([(0.1, 0.5, "small", 5)], 89.0, "under 6 pt"),
    ([(0.1, 0.5, "a label", 7), (0.12, 0.5, "a label", 7)], 89.0, "overlaps"),
    ([(0.95, 0.5, "runs far beyond the right edge", 7)], 89.0, "runs off the figure"),
    ([(0.1, 0.5, "专利", 7)], 89.0, "Chinese text"),
    ([(0.1, 0.5, "fine", 7)], 100.0, "width 100.0 mm"),
])
def test_audit_finds_each_problem(texts, width, expected):
    from ipanalysis.figures.audit import audit

    set_theme()
    fig = _figure_with(texts, width)
    problems = audit(fig, "en")
    plt.close(fig)
    assert any(expected in p for p in problems), problems


def test_audit_passes_a_clean_figure():
    from ipanalysis.figures.audit import audit

    set_theme()
    fig = _figure_with([(0.1, 0.5, "left", 7), (0.6, 0.5, "zijinlian (资金链)", 7)])  # an untranslated term
    assert audit(fig, "en") == []
    plt.close(fig)


def test_terms_without_a_translation_show_pinyin_and_chinese():
    from ipanalysis.rules.glossary import missing_terms, term_label

    assert term_label("专利", "en") == "patent" and term_label("专利", "zh") == "专利"
    assert term_label("资金链", "en") == "zijinlian (资金链)"
    assert missing_terms(["专利", "资金链", "资金链"]) == ["资金链"]


def test_category_colours_never_reuse_a_region_colour():
    from ipanalysis.figures.style import CATEGORY_COLOURS, REGION_COLOURS

    regions = {c.upper() for c in REGION_COLOURS} | {c.upper() for c in region_colors(["Yuzhong", "Dongli"]).values()}
    assert not {c.upper() for c in CATEGORY_COLOURS.values()} & regions


def test_drawing_twice_gives_the_same_pixels(corpus):
    """Jitter and bootstrap intervals are seeded: a figure does not move between builds."""
    import io

    import numpy as np

    from ipanalysis.figures.registry import draw

    images = []
    for _ in range(2):
        for name in ("overview_units_per_measure", "themes_stage_profile"):
            fig = draw(name, corpus, "en")
            buffer = io.BytesIO()
            fig.savefig(buffer, format="png", dpi=100)
            plt.close(fig)
            images.append(np.asarray(Image.open(buffer)))
    assert np.array_equal(images[0], images[2]) and np.array_equal(images[1], images[3])


def test_figures_are_not_drawn_again_for_the_same_tables(tmp_path, mixed_dir):
    import json

    out = tmp_path / "figures"
    first = draw_all(mixed_dir, out, langs=("en",), names=["overview_corpus_profile"], jobs=1)
    assert {p.name for p in first} == {"overview_corpus_profile_en.png", "overview_corpus_profile_en.pdf"}
    entry = json.loads((out / "figures.json").read_text(encoding="utf-8"))["figures"]["overview_corpus_profile"]
    assert entry["files"] == sorted(p.name for p in first)
    assert {"documents", "measures"} <= set(entry["reads"]) and all(entry["reads"].values())
    assert not {"measure_themes", "measure_instruments"} & set(entry["reads"])  # the profile does not read the coding
    assert draw_all(mixed_dir, out, langs=("en",), names=["overview_corpus_profile"], jobs=1) == []
    again = draw_all(mixed_dir, out, langs=("en",), names=["overview_corpus_profile"], jobs=1, force=True)
    assert len(again) == 2


def test_a_coding_change_redraws_only_the_figures_that_read_the_coding(tmp_path):
    """A rebuild that changes the instrument codes (a researcher's override of one measure) and
    nothing else: the figure of instruments is drawn again, the figure of units is not; a figure
    with nothing to show is remembered as such, and the notebooks do not draw it again."""
    from conftest import RAW

    from ipanalysis import build, load_corpus
    from ipanalysis.figures.registry import show

    processed, out = tmp_path / "processed", tmp_path / "figures"
    build(RAW, processed, jobs=1)
    names = ["overview_units_per_measure", "themes_instrument_mix", "themes_stage_shares_over_time"]
    assert len(draw_all(processed, out, langs=("en",), names=names, jobs=1)) == 4
    overrides = tmp_path / "overrides.csv"
    measure = load_corpus(processed).measures.measure_id.iloc[0]
    overrides.write_text(f"measure_id,dimension,code,note\n{measure},instrument,demand:procurement,test\n",
                         encoding="utf-8")
    build(RAW, processed, jobs=1, overrides=overrides)
    again = draw_all(processed, out, langs=("en",), names=names, jobs=1)
    assert {p.name for p in again} == {"themes_instrument_mix_en.png", "themes_instrument_mix_en.pdf"}
    corpus = load_corpus(processed)
    assert show("themes_stage_shares_over_time", corpus, "en", out) is None  # one plan a place: nothing to show
    assert show("overview_units_per_measure", corpus, "en", out).filename.endswith("overview_units_per_measure_en.png")


def test_figures_follow_the_code_they_use_but_not_the_terms_the_parse_reads():
    from ipanalysis.figures.registry import figure_inputs

    inputs = figure_inputs()
    for module in ("figures/registry.py", "tables/group.py", "corpus/reuse.py", "parse/themes.py", "config.py"):
        assert module in inputs, module
    for module in ("parse/outline.py", "parse/normalise.py", "corpus/pipeline.py", "cli.py", "notebooks.py"):
        assert module not in inputs, module  # their changes reach a figure through the tables
    assert "data/labels.csv" in inputs and "data/boilerplate.txt" in inputs
    assert "data/coding_exclusions.csv" not in inputs and "data/userdict.txt" not in inputs
    lexicon = inputs["data/theme_lexicon.csv"].decode()  # keys and labels, not the terms
    assert lexicon.startswith("theme,theme_zh,theme_en,level,parent") and "执法:2" not in lexicon
