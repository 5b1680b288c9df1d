"""The package's modules a step runs (ipanalysis.imports)."""

from ipanalysis.imports import PACKAGE, imported_modules, module_closure


def _names(paths):
    return {p.relative_to(PACKAGE.parent).as_posix() for p in paths}


def test_relative_imports_inside_functions_are_followed():
    found = _names(module_closure(["ipanalysis.figures.registry"]))
    assert "ipanalysis/tables/corpus.py" in found  # imported inside draw_all
    assert "ipanalysis/imports.py" in found and "ipanalysis/rules/datafiles.py" in found
    assert "ipanalysis/parse/outline.py" not in found and "ipanalysis/cli.py" not in found


def test_a_name_the_top_package_loads_on_first_use_counts_as_its_module():
    source = "import ipanalysis\nfrom ipanalysis.analysis import themes as t\nipanalysis.build('raw', 'out')\n"
    assert imported_modules(source) == {"ipanalysis", "ipanalysis.analysis", "ipanalysis.analysis.themes",
                                        "ipanalysis.corpus.pipeline"}
    assert "ipanalysis/parse/outline.py" in _names(module_closure(imported_modules(source)))


def test_a_package_init_counts_only_where_it_is_imported_by_name():
    assert imported_modules("from . import _API", "ipanalysis.imports") == {"ipanalysis"}
    assert imported_modules("from .corpus import load_corpus", "ipanalysis.tables") == {"ipanalysis.tables.corpus"}
    assert imported_modules("import pandas\nfrom ..config import FIGURES_DIR", "ipanalysis.figures.registry") \
        == {"ipanalysis.config"}
