"""Which of the package's modules a step runs: the modules it imports, followed through the package.

A figure is drawn again, and a notebook run again, when the code it runs changed; an edit to the
parser, the build or the command line changes the tables they read (followed by their digests),
not the code that draws them. :func:`module_closure` reads the ``import`` statements of each module
(those inside functions too, where the package imports what it needs on first use) and follows
those that name a module of the package. A package's ``__init__`` counts where it is imported by
name, not as the parent of every module below it: the package's ``__init__`` files only list what
they hold. ``ipanalysis.<name>`` for a name the top package loads on first use (``ipanalysis.build``)
counts as an import of the module that holds it.
"""

from __future__ import annotations

import ast
import hashlib
from functools import lru_cache
from pathlib import Path

__all__ = ["package_modules", "imported_modules", "module_closure", "parses", "code_inputs", "code_digest",
           "PARSE_MODULE"]

PACKAGE = Path(__file__).resolve().parent
TOP = PACKAGE.name
PARSE_MODULE = f"{TOP}.corpus.pipeline"  # a step that imports it parses plans: it reads every vocabulary

# The vocabularies only the parse reads: editing them changes the tables (which a figure or notebook
# follows by their digests), not how a step that reads the tables runs. Of the two such a step also
# reads for its labels, only the columns it shows count; every other data file counts whole.
PARSE_ONLY_DATA = frozenset({"coding_exclusions.csv", "coding_phrases.txt", "collectives.txt",
                             "furniture.txt", "header_keys.csv", "numerals.csv", "outline_styles.csv", "roles.csv",
                             "score_notes.csv", "section_kinds.csv", "table_columns.csv", "target_words.csv",
                             "userdict.txt"})
SHOWN_COLUMNS = {"theme_lexicon.csv": ["theme", "theme_zh", "theme_en", "level", "parent"],
                 "instrument_rules.csv": ["instrument", "subtool", "subtool_zh", "subtool_en"]}


@lru_cache(maxsize=1)
def package_modules() -> dict[str, Path]:
    """Module name -> source file, for every module of the package."""
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        if "__pycache__" in path.parts:
            continue
        parts = [TOP, *path.relative_to(PACKAGE).with_suffix("").parts]
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def _lazy_names() -> dict[str, str]:
    """Name -> module for the names the top package loads on first use (its ``_API``)."""
    from . import _API

    return {name: f"{TOP}.{module}" for name, module in _API.items()}


def _named(tree: ast.AST, package: list[str]) -> set[str]:
    """Every dotted name the import statements of ``tree`` name (``from m import x`` names ``m`` and
    ``m.x``), relative imports resolved against ``package``; and ``ipanalysis.<name>`` attributes."""
    names, lazy = set(), None
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == TOP:
            lazy = lazy if lazy is not None else _lazy_names()
            names.add(lazy.get(node.attr, f"{TOP}.{node.attr}"))
    return names


def imported_modules(source: str, module: str | None = None) -> set[str]:
    """The package's modules that ``source`` imports; ``module``: its own dotted name (a package's
    name for its ``__init__``), for relative imports."""
    modules, package = package_modules(), []
    if module is not None:
        is_package = modules.get(module, PACKAGE).name == "__init__.py"
        package = module.split(".") if is_package else module.split(".")[:-1]
    found = set()
    for name in _named(ast.parse(source), package):
        parts = name.split(".")
        longest = next((".".join(parts[:i]) for i in range(len(parts), 0, -1)
                        if ".".join(parts[:i]) in modules), None)
        if longest is not None:
            found.add(longest)
    return found


@lru_cache(maxsize=None)
def _module_imports(name: str) -> frozenset[str]:
    return frozenset(imported_modules(package_modules()[name].read_text(encoding="utf-8"), name))


def module_closure(start) -> list[Path]:
    """The source files of the modules ``start`` names (dotted names) and of every module of the
    package they import, followed through."""
    modules, seen, todo = package_modules(), set(), list(start)
    while todo:
        name = todo.pop()
        if name in seen or name not in modules:
            continue
        seen.add(name)
        todo.extend(_module_imports(name) - seen)
    return sorted(modules[name] for name in seen)


def parses(start) -> bool:
    """Whether the modules ``start`` names run the parse (they import :data:`PARSE_MODULE`)."""
    return package_modules()[PARSE_MODULE] in module_closure(start)


def code_inputs(start) -> dict[str, bytes]:
    """What a step that runs the modules ``start`` names depends on besides the tables, by path in
    the package: the source of each module it runs (:func:`module_closure`) and the data files
    (labels, glossary, palette, periods, boilerplate; of the theme lexicon and instrument rules the
    keys and labels, not the terms). A step that parses plans (it runs :data:`PARSE_MODULE`)
    depends on every data file whole."""
    from .rules.datafiles import read_table

    code = module_closure(start)
    whole = package_modules()[PARSE_MODULE] in code  # it parses (as :func:`parses` tells)
    inputs = {}
    for path in sorted([*code, *PACKAGE.glob("data/*.csv"), *PACKAGE.glob("data/*.txt")]):
        if path.name in PARSE_ONLY_DATA and not whole:
            continue
        shown = SHOWN_COLUMNS.get(path.name) if not whole else None
        inputs[path.relative_to(PACKAGE).as_posix()] = (
            read_table(path.name)[shown].to_csv(index=False).encode() if shown else path.read_bytes())
    return inputs


def code_digest(start) -> str:
    """A digest of :func:`code_inputs` of ``start``."""
    digest = hashlib.sha256()
    for name, content in code_inputs(start).items():
        digest.update(name.encode() + b"\0" + content)
    return digest.hexdigest()[:16]
