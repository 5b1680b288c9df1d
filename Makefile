# Two commands do everything:
#   make        set up .venv (first run only), build the tables, draw the figures, run the notebooks
#               (each step only when what it is made from changed; each figure and notebook only
#               when its own inputs changed)
#   make test   set up .venv (first run only) and run the whole test suite
# The environment is installed from requirements.lock (exact versions with hashes, Python 3.11+);
# `make lock` refreshes the lock from pyproject.toml (needs network access to PyPI).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export MPLBACKEND := Agg

PROCESSED := data/processed
TABLES    := $(PROCESSED)/build_info.json
REUSE     := $(PROCESSED)/reuse.parquet
DRAWN     := figures/figures.json
EXECUTED  := notebooks/executed/.executed
# what the figures and notebooks are made from besides the tables: the package's code and data files
CODE      := $(shell find ipanalysis -name '*.py' -o -name '*.csv' -o -name '*.txt' 2>/dev/null | grep -v __pycache__)
NOTEBOOKS := $(wildcard notebooks/[0-9][0-9]_*.py)

.PHONY: all outputs setup build figures notebooks test lab lock clean

# `make` does only the work a change needs: the build re-parses only new or changed plans and rewrites
# nothing when none changed; the reuse table, figures and notebooks are remade only when the tables
# (build_info.json) or the code and data files they are made from are newer than they are.
all: build
	@$(MAKE) --no-print-directory outputs

outputs: $(REUSE) $(DRAWN) $(EXECUTED)

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "ipanalysis needs Python 3.11 or later; set PYTHON=python3.11 (or later)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m compileall -q ipanalysis
	touch $(STAMP)

setup: $(STAMP)

build: $(STAMP)
	$(BIN)/ipanalysis build

$(TABLES): | $(STAMP)
	$(BIN)/ipanalysis build

$(REUSE): $(TABLES)
	$(BIN)/ipanalysis reuse --quiet && touch $@

$(DRAWN): $(TABLES) $(REUSE) $(CODE)
	$(BIN)/ipanalysis figures --lang both --quiet && touch $@

$(EXECUTED): $(DRAWN) $(NOTEBOOKS)
	$(BIN)/python -m ipanalysis.notebooks --execute --jobs 2
	touch $@

figures: build
	@$(MAKE) --no-print-directory $(DRAWN)

notebooks: build
	@$(MAKE) --no-print-directory $(EXECUTED)

test: $(STAMP)
	$(BIN)/python -m pytest

lab: $(STAMP)
	$(BIN)/python -m ipanalysis.notebooks --sync
	$(BIN)/jupyter lab notebooks/

lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
		--generate-hashes --no-header -o requirements.lock

clean:
	rm -rf data/processed/*.parquet data/processed/*.csv data/processed/build_info.json data/processed/.cache \
		figures/*.png figures/*.pdf figures/figures.json notebooks/executed .cache
